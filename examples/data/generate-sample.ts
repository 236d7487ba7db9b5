/**
 * Generates the synthetic bank-survey example data set: a SERVQUAL questionnaire (22 expectation and
 * 22 perception statements on a 1–5 agreement scale), overall satisfaction (1–5) and likelihood to
 * recommend (0–10) for the branch, phone and online service of a fictitious retail bank.
 *
 * Writes, next to this file:
 * - bank-survey.csv          the responses, one row per respondent
 * - bank-survey.survey.json  the survey definition (see src/survey/schema.ts)
 * - bank-survey.model.json   the true generating parameters
 *
 * The generator is deterministic: the seeded xoshiro128** generator `Random` of src/stats/random.ts
 * with Box–Muller normals, no Math.random, so the same seed gives byte-identical files.
 *
 * Latent model, per respondent i (see README.md in this folder):
 *   perception factors   η_i = μ_P(segment_i) + ζ_i,  ζ_i ~ N(0, Φ)
 *   expectation factors  ξ_i = μ_E(segment_i) + ρ ζ_i + √(1 − ρ²) ν_i,  ν_i ~ N(0, Ψ)
 *   item j of dimension k  y*_ij = a_k + c_j + λ_j f_ik + √(1 − λ_j²) u_ij,  u_ij ~ N(0, 1)
 *   answer = 1 + #{ t ∈ LIKERT_THRESHOLDS : y*_ij > t }   (negatively worded items: 6 − answer)
 *   overall latent       S_i = Σ_k β_k η_ik + σ ε_i,  answer = 1 + #{ t : S_i / sd(S) + a_S > t }
 *   recommend            R_i = round(m + s (γ S_i / sd(S) + √(1 − γ²) e_i)), clamped to 0–10
 *
 * Run: npx tsx examples/data/generate-sample.ts   (or npm run sample-data)
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Random } from '../../src/stats/random.js';

// ---------------------------------------------------------------------------------------------------
// Design constants
// ---------------------------------------------------------------------------------------------------

const SEED = 20240917;
const N = 612;
const OUTPUT_BASENAME = 'bank-survey';

const DIMENSIONS = ['tangibles', 'reliability', 'responsiveness', 'assurance', 'empathy'] as const;
type Dimension = (typeof DIMENSIONS)[number];

const BRANCHES = ['Northgate', 'Riverside', 'Old Town', 'Harbour'] as const;
const CHANNELS = ['branch', 'phone', 'online'] as const;
const CUSTOMER_TYPES = ['retail', 'small business', 'premier'] as const;
type Branch = (typeof BRANCHES)[number];
type Channel = (typeof CHANNELS)[number];
type CustomerType = (typeof CUSTOMER_TYPES)[number];

/** Probability that a respondent's home branch is each of BRANCHES (independent of the cell). */
const BRANCH_SHARES: readonly number[] = [0.3, 0.26, 0.24, 0.2];

/**
 * Sample composition by customer type (rows, CUSTOMER_TYPES order) × channel (columns, CHANNELS order):
 * premier and small-business customers are over-sampled, online retail customers under-respond.
 */
const SAMPLE_CELL_SHARES: readonly (readonly number[])[] = [
  [0.2, 0.14, 0.17],
  [0.09, 0.07, 0.08],
  [0.09, 0.08, 0.08],
];

/** Population composition used for the post-stratification weights (same layout, sums to 1). */
const POPULATION_CELL_SHARES: readonly (readonly number[])[] = [
  [0.19, 0.15, 0.38],
  [0.07, 0.04, 0.06],
  [0.04, 0.035, 0.035],
];

/** Correlation matrix Φ of the five perception factors (DIMENSIONS order). */
const PERCEPTION_CORRELATION: readonly (readonly number[])[] = [
  [1.0, 0.4, 0.4, 0.45, 0.4],
  [0.4, 1.0, 0.55, 0.55, 0.5],
  [0.4, 0.55, 1.0, 0.5, 0.55],
  [0.45, 0.55, 0.5, 1.0, 0.6],
  [0.4, 0.5, 0.55, 0.6, 1.0],
];

/** Correlation matrix Ψ of the expectation-specific parts ν (expectations share a general level). */
const EXPECTATION_CORRELATION: readonly (readonly number[])[] = [
  [1.0, 0.5, 0.5, 0.5, 0.5],
  [0.5, 1.0, 0.6, 0.6, 0.55],
  [0.5, 0.6, 1.0, 0.55, 0.6],
  [0.5, 0.6, 0.55, 1.0, 0.6],
  [0.5, 0.55, 0.6, 0.6, 1.0],
];

/** ρ: how strongly each expectation factor follows the same dimension's perception factor. */
const EXPECTATION_PERCEPTION_LINK = 0.3;

/**
 * Dimension intercepts a_k on the latent item scale (before thresholds). Expectations sit higher
 * than perceptions; the gap is largest for reliability and responsiveness and near zero for tangibles.
 */
const PERCEPTION_INTERCEPTS: Readonly<Record<Dimension, number>> = {
  tangibles: 0.35,
  reliability: -0.05,
  responsiveness: -0.15,
  assurance: 0.25,
  empathy: 0.05,
};
const EXPECTATION_INTERCEPTS: Readonly<Record<Dimension, number>> = {
  tangibles: 0.35,
  reliability: 1.15,
  responsiveness: 0.95,
  assurance: 0.95,
  empathy: 0.7,
};

/** Cut points on the latent item scale for the 1–5 answers (an N(0, 1) item has mean ≈ 3.64). */
const LIKERT_THRESHOLDS: readonly number[] = [-2.0, -1.2, -0.3, 0.9];

/**
 * True driver weights β_k of the overall-satisfaction latent on the perception factors (unit
 * within-segment variance), and the residual standard deviation σ.
 */
const DRIVER_WEIGHTS: Readonly<Record<Dimension, number>> = {
  tangibles: 0.08,
  reliability: 0.35,
  responsiveness: 0.25,
  assurance: 0.2,
  empathy: 0.12,
};
const OVERALL_RESIDUAL_SD = 0.38;
/** a_S: shift of the standardised overall latent before the LIKERT_THRESHOLDS cut points. */
const OVERALL_INTERCEPT = 0.15;

/** Recommend (0–10): centre m, spread s and link γ to the standardised overall latent. */
const RECOMMEND_CENTRE = 8.2;
const RECOMMEND_SPREAD = 2.0;
const RECOMMEND_LINK = 0.8;

/** Share of item cells left unanswered, and how a missing answer is written. */
const MISSING_RATE = 0.03;
const MISSING_CODE_SHARES: readonly { code: string; share: number }[] = [
  { code: '', share: 0.75 },
  { code: 'NA', share: 0.15 },
  { code: '99', share: 0.1 },
];

interface SegmentEffect {
  readonly segment: 'branch' | 'channel' | 'customer_type';
  readonly level: string;
  readonly side: 'perception' | 'expectation';
  readonly dimension: Dimension;
  /** Shift of the factor mean, in within-segment standard deviations. */
  readonly shift: number;
}

/** Segment shifts μ_P and μ_E of the factor means (all other segment/dimension pairs: 0). */
const SEGMENT_EFFECTS: readonly SegmentEffect[] = [
  { segment: 'branch', level: 'Harbour', side: 'perception', dimension: 'tangibles', shift: -0.6 },
  { segment: 'branch', level: 'Riverside', side: 'perception', dimension: 'empathy', shift: 0.2 },
  { segment: 'channel', level: 'phone', side: 'perception', dimension: 'responsiveness', shift: -0.5 },
  { segment: 'channel', level: 'online', side: 'perception', dimension: 'reliability', shift: 0.2 },
  { segment: 'channel', level: 'online', side: 'perception', dimension: 'empathy', shift: -0.3 },
  { segment: 'customer_type', level: 'premier', side: 'perception', dimension: 'assurance', shift: 0.25 },
  { segment: 'customer_type', level: 'premier', side: 'perception', dimension: 'empathy', shift: 0.25 },
  ...DIMENSIONS.map(
    (dimension): SegmentEffect => ({
      segment: 'customer_type',
      level: 'premier',
      side: 'expectation',
      dimension,
      shift: 0.35,
    }),
  ),
  {
    segment: 'customer_type',
    level: 'small business',
    side: 'expectation',
    dimension: 'responsiveness',
    shift: 0.2,
  },
];

// ---------------------------------------------------------------------------------------------------
// Questionnaire
// ---------------------------------------------------------------------------------------------------

interface ServqualStatement {
  readonly dimension: Dimension;
  readonly expectation: string;
  readonly perception: string;
  /** The perception statement is negatively worded (stored as 6 − answer, reverse coded). */
  readonly negative: boolean;
  /** Loadings λ of the perception and expectation items on their factor. */
  readonly perceptionLoading: number;
  readonly expectationLoading: number;
  /** Item offset c_j on the latent item scale (shared by the E and P items). */
  readonly offset: number;
}

const statement = (
  dimension: Dimension,
  expectation: string,
  perception: string,
  perceptionLoading: number,
  expectationLoading: number,
  offset: number,
  negative = false,
): ServqualStatement => ({
  dimension,
  expectation,
  perception,
  negative,
  perceptionLoading,
  expectationLoading,
  offset,
});

/** The 22 SERVQUAL statements in the standard order: tangibles 1–4, …, empathy 18–22. */
const STATEMENTS: readonly ServqualStatement[] = [
  statement(
    'tangibles',
    'An excellent bank will have modern, up-to-date equipment, including its cash machines and online banking.',
    'This bank has modern, up-to-date equipment, including its cash machines and online banking.',
    0.7,
    0.65,
    0.1,
  ),
  statement(
    'tangibles',
    'An excellent bank will have branches that are visually appealing.',
    "This bank's branches are visually appealing.",
    0.75,
    0.7,
    -0.1,
  ),
  statement(
    'tangibles',
    'An excellent bank will have staff who are neat and professional in appearance.',
    "This bank's staff are neat and professional in appearance.",
    0.65,
    0.6,
    0.15,
  ),
  statement(
    'tangibles',
    'An excellent bank will have statements, leaflets and a website that are clear and visually appealing.',
    "This bank's statements, leaflets and website are clear and visually appealing.",
    0.7,
    0.65,
    -0.15,
  ),
  statement(
    'reliability',
    'An excellent bank will do what it promises by the time it promises.',
    'This bank does what it promises by the time it promises.',
    0.8,
    0.7,
    0.0,
  ),
  statement(
    'reliability',
    "An excellent bank will show a sincere interest in solving a customer's problem.",
    'This bank shows a sincere interest in solving my problems.',
    0.8,
    0.7,
    -0.1,
  ),
  statement(
    'reliability',
    'An excellent bank will get transactions right the first time.',
    'This bank gets my transactions right the first time.',
    0.75,
    0.65,
    0.15,
  ),
  statement(
    'reliability',
    'An excellent bank will deliver its services, such as new cards and loan decisions, when it says it will.',
    'This bank delivers its services, such as new cards and loan decisions, when it says it will.',
    0.8,
    0.7,
    -0.05,
  ),
  statement(
    'reliability',
    'An excellent bank will keep accurate, error-free account records.',
    'This bank keeps accurate, error-free records of my accounts.',
    0.7,
    0.65,
    0.1,
  ),
  statement(
    'responsiveness',
    'An excellent bank will tell customers exactly when services will be performed.',
    'This bank tells me exactly when services will be performed.',
    0.75,
    0.65,
    -0.05,
  ),
  statement(
    'responsiveness',
    'An excellent bank will give customers prompt service in the branch, by phone and online.',
    'This bank gives me prompt service.',
    0.8,
    0.7,
    -0.1,
  ),
  statement(
    'responsiveness',
    'An excellent bank will have staff who are always willing to help customers.',
    "This bank's staff are always willing to help me.",
    0.8,
    0.7,
    0.15,
  ),
  statement(
    'responsiveness',
    "An excellent bank will have staff who are never too busy to respond to customers' requests.",
    "This bank's staff are too busy to respond to my requests promptly.",
    0.65,
    0.6,
    0.0,
    true,
  ),
  statement(
    'assurance',
    'An excellent bank will have staff whose behaviour instils confidence in customers.',
    "This bank's staff behave in a way that instils confidence in me.",
    0.8,
    0.7,
    -0.05,
  ),
  statement(
    'assurance',
    'An excellent bank will make customers feel that their money and personal data are safe.',
    'This bank makes me feel that my money and personal data are safe.',
    0.7,
    0.65,
    0.15,
  ),
  statement(
    'assurance',
    'An excellent bank will have staff who are consistently courteous.',
    "This bank's staff are consistently courteous with me.",
    0.75,
    0.65,
    0.1,
  ),
  statement(
    'assurance',
    "An excellent bank will have staff with the knowledge to answer customers' questions.",
    "This bank's staff have the knowledge to answer my questions.",
    0.8,
    0.7,
    -0.1,
  ),
  statement(
    'empathy',
    'An excellent bank will give customers individual attention.',
    'This bank gives me individual attention.',
    0.8,
    0.7,
    -0.1,
  ),
  statement(
    'empathy',
    'An excellent bank will have opening hours and phone lines that are convenient for all its customers.',
    'This bank has opening hours and phone lines that are convenient for me.',
    0.6,
    0.6,
    0.0,
  ),
  statement(
    'empathy',
    'An excellent bank will have staff who give customers personal attention.',
    'This bank has staff who give me personal attention.',
    0.8,
    0.7,
    0.05,
  ),
  statement(
    'empathy',
    "An excellent bank will have its customers' best interests at heart.",
    'This bank has my best interests at heart.',
    0.75,
    0.65,
    -0.05,
  ),
  statement(
    'empathy',
    'An excellent bank will have staff who understand the specific needs of their customers.',
    "This bank's staff do not understand my specific needs.",
    0.7,
    0.65,
    0.1,
    true,
  ),
];

const DIMENSION_CODES: Readonly<Record<Dimension, string>> = {
  tangibles: 'tan',
  reliability: 'rel',
  responsiveness: 'res',
  assurance: 'ass',
  empathy: 'emp',
};

/** Item ids in statement order: tan1…tan4, rel1…rel5, res1…res4, ass1…ass4, emp1…emp5. */
const STATEMENT_IDS: readonly string[] = (() => {
  const counts = new Map<Dimension, number>();
  return STATEMENTS.map((s) => {
    const next = (counts.get(s.dimension) ?? 0) + 1;
    counts.set(s.dimension, next);
    return `${DIMENSION_CODES[s.dimension]}${next}`;
  });
})();

const AGREEMENT_LABELS = [
  'Strongly disagree',
  'Disagree',
  'Neither agree nor disagree',
  'Agree',
  'Strongly agree',
];
const SATISFACTION_LABELS = [
  'Very dissatisfied',
  'Dissatisfied',
  'Neither satisfied nor dissatisfied',
  'Satisfied',
  'Very satisfied',
];

// ---------------------------------------------------------------------------------------------------
// Small linear algebra
// ---------------------------------------------------------------------------------------------------

/** Lower Cholesky factor L of a symmetric positive-definite matrix A (A = L Lᵀ). */
function cholesky(a: readonly (readonly number[])[]): number[][] {
  const n = a.length;
  const l = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = a[i]![j]!;
      for (let k = 0; k < j; k++) sum -= l[i]![k]! * l[j]![k]!;
      if (i === j) {
        if (!(sum > 0)) throw new RangeError(`cholesky: matrix must be positive definite; got pivot ${sum}`);
        l[i]![i] = Math.sqrt(sum);
      } else {
        l[i]![j] = sum / l[j]![j]!;
      }
    }
  }
  return l;
}

/** A vector of correlated standard normals: L z with z ~ N(0, I). */
function correlatedNormals(random: Random, l: readonly (readonly number[])[]): number[] {
  const z = l.map(() => random.normal());
  return l.map((row) => row.reduce((sum, value, k) => sum + value * z[k]!, 0));
}

/** βᵀ Φ β for weights β in DIMENSIONS order. */
function quadraticForm(beta: readonly number[], phi: readonly (readonly number[])[]): number {
  let sum = 0;
  for (let i = 0; i < beta.length; i++) {
    for (let j = 0; j < beta.length; j++) sum += beta[i]! * beta[j]! * phi[i]![j]!;
  }
  return sum;
}

// ---------------------------------------------------------------------------------------------------
// Generation
// ---------------------------------------------------------------------------------------------------

function discretise(latent: number, thresholds: readonly number[]): number {
  let answer = 1;
  for (const t of thresholds) if (latent > t) answer++;
  return answer;
}

function segmentShifts(
  side: SegmentEffect['side'],
  segments: { branch: Branch; channel: Channel; customer_type: CustomerType },
): number[] {
  return DIMENSIONS.map((dimension) =>
    SEGMENT_EFFECTS.reduce(
      (sum, e) =>
        e.side === side && e.dimension === dimension && segments[e.segment] === e.level ? sum + e.shift : sum,
      0,
    ),
  );
}

interface Respondent {
  readonly id: string;
  readonly branch: Branch;
  readonly channel: Channel;
  readonly customerType: CustomerType;
  readonly cell: number;
  /** Answers by item id, or the missing code as written. */
  readonly answers: Map<string, string>;
}

const expectationIds = STATEMENT_IDS.map((id) => `e_${id}`);
const perceptionIds = STATEMENT_IDS.map((id) => `p_${id}`);
const answerColumns = [...expectationIds, ...perceptionIds, 'overall', 'recommend'];

const driverWeights = DIMENSIONS.map((d) => DRIVER_WEIGHTS[d]);
const explainedVariance = quadraticForm(driverWeights, PERCEPTION_CORRELATION);
const overallSd = Math.sqrt(explainedVariance + OVERALL_RESIDUAL_SD ** 2);

function generate(): Respondent[] {
  const random = new Random(SEED);
  const lPerception = cholesky(PERCEPTION_CORRELATION);
  const lExpectation = cholesky(EXPECTATION_CORRELATION);
  const flatCells = SAMPLE_CELL_SHARES.flat();
  const link = EXPECTATION_PERCEPTION_LINK;
  const respondents: Respondent[] = [];

  for (let i = 0; i < N; i++) {
    const cell = random.pick(flatCells);
    const customerType = CUSTOMER_TYPES[Math.floor(cell / CHANNELS.length)]!;
    const channel = CHANNELS[cell % CHANNELS.length]!;
    const branch = BRANCHES[random.pick(BRANCH_SHARES)]!;
    const segments = { branch, channel, customer_type: customerType };

    const zeta = correlatedNormals(random, lPerception);
    const nu = correlatedNormals(random, lExpectation);
    const muP = segmentShifts('perception', segments);
    const muE = segmentShifts('expectation', segments);
    const eta = zeta.map((z, k) => muP[k]! + z);
    const xi = zeta.map((z, k) => muE[k]! + link * z + Math.sqrt(1 - link * link) * nu[k]!);

    const answers = new Map<string, string>();
    STATEMENTS.forEach((s, j) => {
      const k = DIMENSIONS.indexOf(s.dimension);
      const eLatent =
        EXPECTATION_INTERCEPTS[s.dimension] +
        s.offset +
        s.expectationLoading * xi[k]! +
        Math.sqrt(1 - s.expectationLoading ** 2) * random.normal();
      const pLatent =
        PERCEPTION_INTERCEPTS[s.dimension] +
        s.offset +
        s.perceptionLoading * eta[k]! +
        Math.sqrt(1 - s.perceptionLoading ** 2) * random.normal();
      const pAnswer = discretise(pLatent, LIKERT_THRESHOLDS);
      answers.set(expectationIds[j]!, String(discretise(eLatent, LIKERT_THRESHOLDS)));
      answers.set(perceptionIds[j]!, String(s.negative ? 6 - pAnswer : pAnswer));
    });

    const overallLatent =
      (eta.reduce((sum, value, k) => sum + driverWeights[k]! * value, 0) +
        OVERALL_RESIDUAL_SD * random.normal()) /
      overallSd;
    answers.set('overall', String(discretise(overallLatent + OVERALL_INTERCEPT, LIKERT_THRESHOLDS)));
    const recommendLatent =
      RECOMMEND_CENTRE +
      RECOMMEND_SPREAD *
        (RECOMMEND_LINK * overallLatent + Math.sqrt(1 - RECOMMEND_LINK ** 2) * random.normal());
    answers.set('recommend', String(Math.min(10, Math.max(0, Math.round(recommendLatent)))));

    // Missing completely at random, written as an empty cell, "NA" or 99 ("don't know").
    for (const column of answerColumns) {
      if (random.uniform() < MISSING_RATE) {
        const code = MISSING_CODE_SHARES[random.pick(MISSING_CODE_SHARES.map((m) => m.share))]!.code;
        answers.set(column, code);
      }
    }

    respondents.push({
      id: `R${String(i + 1).padStart(4, '0')}`,
      branch,
      channel,
      customerType,
      cell,
      answers,
    });
  }
  return respondents;
}

/** Post-stratification weight of each cell: population share / sample share, so the mean is 1. */
function cellWeights(respondents: readonly Respondent[]): number[] {
  const counts = new Array<number>(CUSTOMER_TYPES.length * CHANNELS.length).fill(0);
  for (const r of respondents) counts[r.cell]!++;
  return POPULATION_CELL_SHARES.flat().map((share, cell) => {
    const count = counts[cell]!;
    if (count === 0) throw new RangeError(`generate-sample: post-stratification cell ${cell} is empty`);
    return share / (count / respondents.length);
  });
}

function csvField(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

function toCsv(respondents: readonly Respondent[], weights: readonly number[]): string {
  const header = ['respondent_id', 'branch', 'channel', 'customer_type', 'weight', ...answerColumns];
  const lines = [header.map(csvField).join(',')];
  for (const r of respondents) {
    const row = [
      r.id,
      r.branch,
      r.channel,
      r.customerType,
      weights[r.cell]!.toFixed(4),
      ...answerColumns.map((c) => r.answers.get(c)!),
    ];
    lines.push(row.map(csvField).join(','));
  }
  return `${lines.join('\n')}\n`;
}

function surveyDefinition(): object {
  const servqualItems = (side: 'expectation' | 'perception') =>
    STATEMENTS.map((s, j) => ({
      id: side === 'expectation' ? expectationIds[j]! : perceptionIds[j]!,
      text: side === 'expectation' ? s.expectation : s.perception,
      dimension: s.dimension,
      ...(side === 'perception' && s.negative ? { reverse: true } : {}),
    }));
  return {
    name: 'Retail bank service quality survey (synthetic)',
    scale: { min: 1, max: 5, labels: AGREEMENT_LABELS },
    missing: ['', 'NA', 99],
    items: [
      ...servqualItems('expectation'),
      ...servqualItems('perception'),
      {
        id: 'overall',
        text: "Overall, how satisfied are you with the bank's service?",
        scale: { min: 1, max: 5, labels: SATISFACTION_LABELS },
      },
      {
        id: 'recommend',
        text: 'How likely are you to recommend this bank to a friend or colleague? (0 = not at all likely, 10 = extremely likely)',
        scale: { min: 0, max: 10 },
      },
    ],
    overall: 'overall',
    recommend: 'recommend',
    weight: 'weight',
    respondentId: 'respondent_id',
    segments: [
      { id: 'branch', text: 'Home branch', levels: [...BRANCHES] },
      { id: 'channel', text: 'Channel used most often', levels: [...CHANNELS] },
      { id: 'customer_type', text: 'Customer type', levels: [...CUSTOMER_TYPES] },
    ],
  };
}

/** JSON with two-space indentation, but arrays of numbers or short strings kept on one line. */
function toJson(value: unknown, indent = ''): string {
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    const flat = value.every((v) => typeof v === 'number' || (typeof v === 'string' && v.length <= 40));
    if (flat) return `[${value.map((v) => JSON.stringify(v)).join(', ')}]`;
    return `[\n${value.map((v) => inner + toJson(v, inner)).join(',\n')}\n${indent}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${toJson(v, inner)}`).join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value);
}

const round = (x: number, digits = 4) => Number(x.toFixed(digits));

function modelDescription(weights: readonly number[]): object {
  const byDimension = (values: readonly number[]) =>
    Object.fromEntries(DIMENSIONS.map((d, k) => [d, round(values[k]!)]));
  const itemParameters = (side: 'expectation' | 'perception') =>
    STATEMENTS.map((s, j) => ({
      id: side === 'expectation' ? expectationIds[j]! : perceptionIds[j]!,
      dimension: s.dimension,
      loading: side === 'expectation' ? s.expectationLoading : s.perceptionLoading,
      intercept: round(
        (side === 'expectation' ? EXPECTATION_INTERCEPTS : PERCEPTION_INTERCEPTS)[s.dimension] + s.offset,
      ),
      negativelyWorded: side === 'perception' && s.negative,
    }));
  return {
    description:
      'True generating parameters of bank-survey.csv; see README.md and generate-sample.ts for the equations.',
    seed: SEED,
    n: N,
    prng: 'xoshiro128** seeded by splitmix32; Box–Muller normals',
    dimensions: [...DIMENSIONS],
    perceptionFactorCorrelation: PERCEPTION_CORRELATION,
    expectationFactorCorrelation: EXPECTATION_CORRELATION,
    expectationPerceptionLink: EXPECTATION_PERCEPTION_LINK,
    perceptionIntercepts: PERCEPTION_INTERCEPTS,
    expectationIntercepts: EXPECTATION_INTERCEPTS,
    likertThresholds: LIKERT_THRESHOLDS,
    items: [...itemParameters('expectation'), ...itemParameters('perception')],
    reverseCoded: perceptionIds.filter((_, j) => STATEMENTS[j]!.negative),
    overall: {
      equation:
        'S = sum_k driverWeights[k] * eta[k] + residualSd * eps; answer = 1 + #{t : S / sd(S) + intercept > t}',
      driverWeights: DRIVER_WEIGHTS,
      residualSd: OVERALL_RESIDUAL_SD,
      latentSd: round(overallSd),
      latentRSquared: round(explainedVariance / overallSd ** 2),
      standardizedDriverWeights: byDimension(driverWeights.map((b) => b / overallSd)),
      intercept: OVERALL_INTERCEPT,
      thresholds: LIKERT_THRESHOLDS,
    },
    recommend: {
      equation: 'R = round(centre + spread * (link * S / sd(S) + sqrt(1 - link^2) * e)), clamped to 0..10',
      centre: RECOMMEND_CENTRE,
      spread: RECOMMEND_SPREAD,
      link: RECOMMEND_LINK,
    },
    segmentEffects: SEGMENT_EFFECTS,
    branchShares: Object.fromEntries(BRANCHES.map((b, i) => [b, BRANCH_SHARES[i]!])),
    cells: CUSTOMER_TYPES.flatMap((customerType, i) =>
      CHANNELS.map((channel, j) => ({
        customerType,
        channel,
        sampleShare: SAMPLE_CELL_SHARES[i]![j]!,
        populationShare: POPULATION_CELL_SHARES[i]![j]!,
        weight: round(weights[i * CHANNELS.length + j]!),
      })),
    ),
    missing: {
      rate: MISSING_RATE,
      mechanism: 'missing completely at random, item cells only',
      codes: MISSING_CODE_SHARES.map((m) => ({ code: m.code === '99' ? 99 : m.code, share: m.share })),
    },
  };
}

const respondents = generate();
const weights = cellWeights(respondents);
const outputDir = dirname(fileURLToPath(import.meta.url));
const csv = toCsv(respondents, weights);
writeFileSync(join(outputDir, `${OUTPUT_BASENAME}.csv`), csv);
writeFileSync(join(outputDir, `${OUTPUT_BASENAME}.survey.json`), `${toJson(surveyDefinition())}\n`);
writeFileSync(join(outputDir, `${OUTPUT_BASENAME}.model.json`), `${toJson(modelDescription(weights))}\n`);
const missingCells = respondents.reduce(
  (sum, r) => sum + answerColumns.filter((c) => ['', 'NA', '99'].includes(r.answers.get(c)!)).length,
  0,
);
console.log(
  `${OUTPUT_BASENAME}: ${N} respondents × ${answerColumns.length} items (seed ${SEED}, ` +
    `${((100 * missingCells) / (N * answerColumns.length)).toFixed(1)}% missing) written to ${OUTPUT_BASENAME}.csv, .survey.json, .model.json`,
);
