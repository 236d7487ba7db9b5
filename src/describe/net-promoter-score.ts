import { formatValue } from '../errors.js';
import { criticalZ, effectiveSampleSize, weightWarnings } from '../stats/confidence.js';
import { normalCdf } from '../stats/distributions.js';
import { Responses } from '../survey/responses.js';

/** Options of {@link netPromoterScore}. */
export interface NetPromoterScoreOptions {
  /** Respondent weights, one per value (a `Responses` brings its own unless this is `false`). */
  readonly weights?: ArrayLike<number> | false;
  /** Confidence level of the interval (default 0.95). */
  readonly confidenceLevel?: number;
}

/** Result of {@link netPromoterScore}. */
export interface NetPromoterScoreResult {
  readonly method: 'net-promoter-score';
  /** Respondents with an answer. */
  readonly n: number;
  /** Respondents without one (NaN), not used. */
  readonly missing: number;
  /** Respondents answering 9–10, 7–8 and 0–6. */
  readonly promoters: number;
  readonly passives: number;
  readonly detractors: number;
  /** Shares of promoters, passives and detractors (weighted when weights are used). */
  readonly promoterShare: number;
  readonly passiveShare: number;
  readonly detractorShare: number;
  /** 100 · (promoter share − detractor share), from −100 to 100. */
  readonly score: number;
  readonly standardError: number;
  readonly confidenceInterval: readonly [number, number];
  readonly confidenceLevel: number;
  readonly weighted: boolean;
  /** n, or Kish's effective sample size (Σw)²/Σw² with weights; the standard error uses it. */
  readonly effectiveN: number;
  readonly warnings: readonly string[];
}

/** Result of {@link netPromoterScoreDifference}. */
export interface NetPromoterScoreDifferenceResult {
  readonly method: 'net-promoter-score-difference';
  /** score(a) − score(b), in NPS points. */
  readonly difference: number;
  readonly standardError: number;
  readonly zValue: number;
  /** Two-sided p-value of the z test of no difference. */
  readonly pValue: number;
  readonly confidenceInterval: readonly [number, number];
  readonly confidenceLevel: number;
  readonly a: NetPromoterScoreResult;
  readonly b: NetPromoterScoreResult;
  /** The warnings of both scores. */
  readonly warnings: readonly string[];
}

type NpsInput = ArrayLike<number> | Responses;

function recommendValues(
  values: NpsInput,
  options: NetPromoterScoreOptions,
): { values: ArrayLike<number>; weights: ArrayLike<number> | null } {
  if (values instanceof Responses) {
    const id = values.definition.recommend;
    if (id === null)
      throw new RangeError(
        'netPromoterScore: the survey definition names no recommend item (0–10); pass the values instead',
      );
    return {
      values: values.column(id),
      weights: options.weights === false ? null : (options.weights ?? values.weights ?? null),
    };
  }
  if (values === null || typeof values !== 'object' || typeof values.length !== 'number') {
    throw new TypeError(
      `netPromoterScore: values must be an array of 0–10 answers or Responses; got ${formatValue(values)}`,
    );
  }
  return {
    values,
    weights: options.weights === false || options.weights === undefined ? null : options.weights,
  };
}

/**
 * Net Promoter Score of 0–10 likelihood-to-recommend answers: promoters answer 9–10, passives
 * 7–8, detractors 0–6, and NPS = 100 · (share of promoters − share of detractors).
 *
 * Each respondent scores +1, 0 or −1, so the NPS is 100 times a mean whose variance is
 * pP + pD − (pP − pD)²; the standard error is 100 · √((pP + pD − (pP − pD)²) / n) and the interval
 * is the normal (Wald) interval, clipped to [−100, 100]. With respondent weights the shares are
 * weighted and n is Kish's effective sample size (Σw)²/Σw².
 *
 * Missing answers (NaN) are excluded and counted.
 *
 * Reference: Reichheld, F. F. (2003). The one number you need to grow. Harvard Business Review
 * 81(12), 46–54.
 * @param values 0–10 integer answers (NaN = missing), or `Responses` whose definition names a `recommend` item
 * @throws {RangeError} for an answer that is not an integer from 0 to 10, naming its index
 * @example netPromoterScore([10, 9, 8, 7, 6, 3, 10, 9]).score // 25
 */
export function netPromoterScore(
  values: NpsInput,
  options: NetPromoterScoreOptions = {},
): NetPromoterScoreResult {
  const { values: answers, weights } = recommendValues(values, options);
  if (weights !== null && weights.length !== answers.length) {
    throw new RangeError(
      `netPromoterScore: weights must have one value per answer (${answers.length}); got ${weights.length}`,
    );
  }
  const level = options.confidenceLevel ?? 0.95;
  const z = criticalZ('netPromoterScore', level);
  let promoters = 0;
  let passives = 0;
  let detractors = 0;
  let missing = 0;
  let wP = 0;
  let wA = 0;
  let wD = 0;
  const used: number[] = [];
  for (let i = 0; i < answers.length; i++) {
    const value = answers[i]!;
    if (Number.isNaN(value)) {
      missing++;
      continue;
    }
    if (!Number.isInteger(value) || value < 0 || value > 10) {
      throw new RangeError(
        `netPromoterScore: answers must be integers from 0 to 10; got ${formatValue(value)} at index ${i}`,
      );
    }
    const w = weights === null ? 1 : weights[i]!;
    if (!(w > 0 && Number.isFinite(w)))
      throw new RangeError(
        `netPromoterScore: weights must be positive and finite; got ${formatValue(w)} at index ${i}`,
      );
    used.push(w);
    if (value >= 9) {
      promoters++;
      wP += w;
    } else if (value >= 7) {
      passives++;
      wA += w;
    } else {
      detractors++;
      wD += w;
    }
  }
  const n = promoters + passives + detractors;
  const total = wP + wA + wD;
  const pP = wP / total;
  const pD = wD / total;
  const effectiveN = weights === null ? n : effectiveSampleSize(used);
  const score = 100 * (pP - pD);
  const standardError = 100 * Math.sqrt(Math.max(0, pP + pD - (pP - pD) ** 2) / effectiveN);
  const warnings = weightWarnings('netPromoterScore', n, effectiveN);
  if (n === 0) warnings.push('netPromoterScore: no answers; the score is undefined');
  else if (n < 30)
    warnings.push(`netPromoterScore: only ${n} answers; the normal interval is unreliable below about 30`);
  return {
    method: 'net-promoter-score',
    n,
    missing,
    promoters,
    passives,
    detractors,
    promoterShare: pP,
    passiveShare: wA / total,
    detractorShare: pD,
    score,
    standardError,
    confidenceInterval: [Math.max(-100, score - z * standardError), Math.min(100, score + z * standardError)],
    confidenceLevel: level,
    weighted: weights !== null,
    effectiveN,
    warnings,
  };
}

/**
 * Difference between the NPS of two independent groups (e.g. two branches): score(a) − score(b)
 * with standard error √(SEa² + SEb²), a two-sided z test of no difference and its normal interval.
 *
 * @param a answers of the first group (or its `netPromoterScore` result)
 * @param b answers of the second group (or its result)
 * @example netPromoterScoreDifference([10, 10, 9, 6], [10, 6, 5, 3]).difference // 100
 */
export function netPromoterScoreDifference(
  a: NpsInput | NetPromoterScoreResult,
  b: NpsInput | NetPromoterScoreResult,
  options: NetPromoterScoreOptions = {},
): NetPromoterScoreDifferenceResult {
  const level = options.confidenceLevel ?? 0.95;
  const z = criticalZ('netPromoterScoreDifference', level);
  const score = (input: NpsInput | NetPromoterScoreResult) =>
    'method' in input && input.method === 'net-promoter-score'
      ? input
      : netPromoterScore(input as NpsInput, options);
  const ra = score(a);
  const rb = score(b);
  const difference = ra.score - rb.score;
  const standardError = Math.sqrt(ra.standardError ** 2 + rb.standardError ** 2);
  const zValue = difference / standardError;
  return {
    method: 'net-promoter-score-difference',
    difference,
    standardError,
    zValue,
    pValue: Math.min(1, 2 * normalCdf(-Math.abs(zValue))),
    confidenceInterval: [difference - z * standardError, difference + z * standardError],
    confidenceLevel: level,
    a: ra,
    b: rb,
    warnings: [...ra.warnings, ...rb.warnings],
  };
}
