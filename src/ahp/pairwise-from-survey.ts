import { formatValue, SurveyDataError, type SurveyIssue } from '../errors.js';
import { type DataOptions, resolveData, type SurveyData } from '../survey/data.js';
import { Responses } from '../survey/responses.js';
import { aggregatePriorities, geometricMeanMatrix } from './aggregate.js';
import { type AhpOptions, type AhpResult, ahpOfParsed, ahpSettings } from './ahp.js';
import type { ParsedPairwise } from './pairwise-matrix.js';
import { type PriorityMethod, scaledToUnitSum, unreachableItems } from './priority-vector.js';
import { randomIndexOf } from './random-index.js';

/** One survey question "a vs b": the column holding the answers and the two items it compares. */
export interface SurveyPair {
  readonly column: string;
  readonly a: string;
  readonly b: string;
}

/** Options of {@link pairwiseFromSurvey}. */
export interface PairwiseFromSurveyOptions
  extends Omit<AhpOptions, 'labels' | 'reciprocalTolerance'>,
    Omit<DataOptions, 'items'> {
  /** The comparison questions: which column compares which two items. */
  readonly pairs: readonly SurveyPair[];
  /**
   * How answers are coded. `'signed'`: −9…9, where v ≥ 2 means a is preferred v times to b, v ≤ −2
   * means b is preferred |v| times to a, and −1, 0, 1 mean equal (aₐᵦ = v, 1/|v| or 1). `'ratio'`:
   * the judgment aₐᵦ itself, 1/9…9 (1 = equal, 3 = a three times b, 1/3 = b three times a).
   */
  readonly scale: 'signed' | 'ratio';
  /** The items in the order of the result (default: in order of first appearance in `pairs`). */
  readonly labels?: readonly string[];
  /**
   * `'judgments'` (default; AIJ): the weighted geometric mean of the raters' judgments, then `ahp`;
   * `'priorities'` (AIP): each rater's priorities, then their weighted mean (`mean`).
   */
  readonly aggregation?: 'judgments' | 'priorities';
  /** Mean of the priorities under `aggregation: 'priorities'` (default `'geometric'`). */
  readonly mean?: 'geometric' | 'arithmetic';
  /** Exclude raters whose consistency ratio is not below this (default: keep every rater). */
  readonly crThreshold?: number;
  /**
   * Raters with unanswered comparisons: `'exclude'` (default) drops them; `'complete'` keeps them,
   * completing their matrices by Harker's method when their answers still connect every item.
   */
  readonly missing?: 'exclude' | 'complete';
  /** One id per respondent, to name raters in the result (default the ids of `Responses`). */
  readonly raterIds?: readonly (string | number)[];
}

/** Why a rater was left out of the aggregate. */
export type SurveyRaterExclusion = 'no-answers' | 'missing' | 'disconnected' | 'inconsistent';

/** One respondent as a rater. */
export interface SurveyRater {
  /** Row index (0-based) in the data. */
  readonly index: number;
  readonly id: string | null;
  readonly included: boolean;
  readonly reason: SurveyRaterExclusion | null;
  /** Comparisons this respondent did not answer. */
  readonly missingJudgments: number;
  /** CR of the rater's matrix (completed by Harker's method when answers are missing); `null` when not computed. */
  readonly consistencyRatio: number | null;
  readonly consistent: boolean | null;
  /** The rater's own priorities; `null` when not computed. */
  readonly weights: number[] | null;
}

/** Result of {@link pairwiseFromSurvey}. */
export interface PairwiseFromSurveyResult {
  readonly method: 'ahp-survey';
  readonly aggregation: 'judgments' | 'priorities';
  readonly scale: 'signed' | 'ratio';
  readonly missing: 'exclude' | 'complete';
  readonly crThreshold: number | null;
  readonly priorityMethod: PriorityMethod;
  readonly labels: string[];
  /** Group priorities, summing to 1. */
  readonly weights: number[];
  /** AIJ: the AHP of the aggregated matrix (its CR, diagnosis, …); AIP: `null`. */
  readonly group: AhpResult | null;
  /** Respondents in the data. */
  readonly n: number;
  /** Raters aggregated. */
  readonly used: number;
  /** Raters left out (`raters` says who and why). */
  readonly dropped: number;
  readonly droppedByReason: Readonly<Record<SurveyRaterExclusion, number>>;
  /** Whether respondent weights weighted the raters. */
  readonly weighted: boolean;
  readonly raters: SurveyRater[];
  readonly consistencyThreshold: number;
  readonly randomIndexTable: { readonly source: string; readonly values: number[] };
  readonly warnings: string[];
}

const FN = 'pairwiseFromSurvey';

function checkPairs(value: unknown): SurveyPair[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw new TypeError(
      `${FN}: options.pairs must be a non-empty array of { column, a, b }; got ${formatValue(value)}`,
    );
  }
  const seen = new Map<string, number>();
  return value.map((pair, k) => {
    const p = pair as Partial<SurveyPair> | null;
    if (
      typeof p !== 'object' ||
      p === null ||
      typeof p.column !== 'string' ||
      typeof p.a !== 'string' ||
      typeof p.b !== 'string'
    ) {
      throw new TypeError(
        `${FN}: options.pairs[${k}] must be { column, a, b } of strings; got ${formatValue(pair)}`,
      );
    }
    if (p.a === p.b) {
      throw new RangeError(
        `${FN}: options.pairs[${k}] must compare two different items; got a = b = ${formatValue(p.a)}`,
      );
    }
    const key = [p.a, p.b].sort().join('\u0000');
    const previous = seen.get(key);
    if (previous !== undefined) {
      throw new RangeError(
        `${FN}: each pair of items must be asked once; got ${formatValue(p.a)} vs ${formatValue(p.b)} in options.pairs[${previous}] and options.pairs[${k}]`,
      );
    }
    seen.set(key, k);
    return { column: p.column, a: p.a, b: p.b };
  });
}

/**
 * Builds each respondent's pairwise matrix from survey answers to "a vs b" questions, computes each
 * rater's priorities and consistency ratio, optionally excludes raters whose CR is not below
 * `crThreshold` (counted and listed in `raters`), and aggregates the rest: by default their judgments
 * (AIJ: weighted geometric mean, then `ahp` of the group matrix), or their priorities (AIP).
 * Respondent weights, when the data carry them, weight the raters.
 *
 * Coding (`scale`): `'signed'` answers v in −9…9 give aₐᵦ = v for v ≥ 2 (a preferred), 1/|v| for
 * v ≤ −2 (b preferred), 1 for −1, 0, 1; `'ratio'` answers are aₐᵦ itself (1/9…9). Swap a and b in
 * `pairs` for a questionnaire coded the other way. Answers off the scale are a `SurveyDataError`
 * listing each bad cell. Comparisons not asked (pairs absent from `pairs`) are completed by Harker's
 * method for every rater; comparisons not answered follow `missing` (`'exclude'` by default).
 *
 * References: Saaty, T. L. (1980). The Analytic Hierarchy Process. McGraw-Hill. Forman, E. &
 * Peniwati, K. (1998). Aggregating individual judgments and priorities with the analytic hierarchy
 * process. European Journal of Operational Research 108, 165–169. Harker, P. T. (1987). Incomplete
 * pairwise comparisons in the analytic hierarchy process. Mathematical Modelling 9(11), 837–848.
 *
 * @param data `Responses`, an object of columns, or rows with `options.columns`
 * @throws {TypeError} when the data or `pairs` are malformed
 * @throws {RangeError} on unknown columns, repeated pairs, items that the pairs do not connect,
 * invalid options, or when no rater is left to aggregate
 * @throws {SurveyDataError} when answers are off the scale
 * @example
 * pairwiseFromSurvey({ q1: [3, 5], q2: [5, 7], q3: [2, 3] }, { pairs: [{ column: 'q1', a: 'price', b: 'speed' }, { column: 'q2', a: 'price', b: 'staff' }, { column: 'q3', a: 'speed', b: 'staff' }], scale: 'signed' }).labels; // ['price', 'speed', 'staff']
 */
export function pairwiseFromSurvey(
  data: SurveyData,
  options: PairwiseFromSurveyOptions,
): PairwiseFromSurveyResult {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(`${FN}: options { pairs, scale } are required; got ${formatValue(options)}`);
  }
  const pairs = checkPairs(options.pairs);
  const scale = options.scale;
  if (scale !== 'signed' && scale !== 'ratio') {
    throw new RangeError(
      `${FN}: scale must be 'signed' (−9…9) or 'ratio' (1/9…9); got ${formatValue(scale)}`,
    );
  }
  const aggregation = options.aggregation ?? 'judgments';
  if (aggregation !== 'judgments' && aggregation !== 'priorities') {
    throw new RangeError(
      `${FN}: aggregation must be 'judgments' or 'priorities'; got ${formatValue(aggregation)}`,
    );
  }
  const missingPolicy = options.missing ?? 'exclude';
  if (missingPolicy !== 'exclude' && missingPolicy !== 'complete') {
    throw new RangeError(`${FN}: missing must be 'exclude' or 'complete'; got ${formatValue(missingPolicy)}`);
  }
  const crThreshold = options.crThreshold ?? null;
  if (crThreshold !== null && !(crThreshold > 0 && Number.isFinite(crThreshold))) {
    throw new RangeError(`${FN}: crThreshold must be positive and finite; got ${formatValue(crThreshold)}`);
  }
  const settings = ahpSettings(FN, options);

  // Items: in the order given, or of first appearance.
  const appearing: string[] = [];
  for (const { a, b } of pairs)
    for (const item of [a, b]) if (!appearing.includes(item)) appearing.push(item);
  let labels: string[];
  if (options.labels !== undefined) {
    labels = [...options.labels];
    const unknown = appearing.filter((item) => !labels.includes(item));
    if (unknown.length > 0) {
      throw new RangeError(
        `${FN}: options.labels must list every item of the pairs; got no ${unknown.map(formatValue).join(', ')}`,
      );
    }
    const unused = labels.filter((label) => !appearing.includes(label));
    if (unused.length > 0) {
      throw new RangeError(
        `${FN}: every item of options.labels must appear in a pair; got ${unused.map(formatValue).join(', ')} in none`,
      );
    }
    if (new Set(labels).size !== labels.length) throw new RangeError(`${FN}: options.labels must be unique`);
  } else {
    labels = appearing;
  }
  const n = labels.length;
  randomIndexOf(FN, settings.table, n);
  const position = pairs.map(({ a, b }) => [labels.indexOf(a), labels.indexOf(b)] as const);
  const design: (number | null)[][] = labels.map((_, i) => labels.map((__, j) => (i === j ? 1 : null)));
  for (const [i, j] of position) design[i]![j] = design[j]![i] = 1;
  const unreachable = unreachableItems(design);
  if (unreachable.length > 0) {
    throw new RangeError(
      `${FN}: the pairs must connect every item (a chain of comparisons between any two); got no chain from ${formatValue(labels[0])} to ${unreachable.map((i) => formatValue(labels[i])).join(', ')}`,
    );
  }
  const notAsked = (n * (n - 1)) / 2 - pairs.length;

  const dataset = resolveData(FN, data, {
    ...(options.columns === undefined ? {} : { columns: options.columns }),
    ...(options.weights === undefined ? {} : { weights: options.weights }),
    items: pairs.map((p) => p.column),
  });
  const ids = options.raterIds ?? (data instanceof Responses ? data.respondentIds : undefined);
  if (ids !== undefined && ids.length !== dataset.n) {
    throw new RangeError(`${FN}: raterIds must have one id per respondent (${dataset.n}); got ${ids.length}`);
  }

  // Judgments, with every off-scale answer reported.
  const issues: SurveyIssue[] = [];
  let issueCount = 0;
  const judgments = pairs.map(({ column }, k) => {
    const values = dataset.columns[k]!;
    const out = new Float64Array(dataset.n);
    for (let r = 0; r < dataset.n; r++) {
      const v = values[r]!;
      if (Number.isNaN(v)) {
        out[r] = Number.NaN;
        continue;
      }
      const judgment = toJudgment(scale, v);
      if (judgment === null) {
        issueCount++;
        if (issues.length < 100) {
          issues.push({
            code: 'out_of_scale',
            row: r + 1,
            column,
            value: v,
            message: `row ${r + 1}, column ${formatValue(column)}: ${formatValue(v)} is not on the ${scale === 'signed' ? 'signed scale −9…9 (|v| ≥ 1 or 0)' : 'ratio scale 1/9…9'}`,
          });
        }
        out[r] = Number.NaN;
        continue;
      }
      out[r] = judgment;
    }
    return out;
  });
  if (issueCount > 0) throw new SurveyDataError(FN, issues, issueCount);

  const raters: SurveyRater[] = [];
  const kept: ParsedPairwise[] = [];
  const keptWeights: number[] = [];
  const keptPriorities: number[][] = [];
  const droppedByReason: Record<SurveyRaterExclusion, number> = {
    'no-answers': 0,
    missing: 0,
    disconnected: 0,
    inconsistent: 0,
  };
  for (let r = 0; r < dataset.n; r++) {
    const matrix: (number | null)[][] = labels.map((_, i) => labels.map((__, j) => (i === j ? 1 : null)));
    let unanswered = 0;
    position.forEach(([i, j], k) => {
      const value = judgments[k]![r]!;
      if (Number.isNaN(value)) {
        unanswered++;
        return;
      }
      matrix[i]![j] = value;
      matrix[j]![i] = 1 / value;
    });
    const id = ids === undefined ? null : String(ids[r]);
    const base = { index: r, id, missingJudgments: unanswered };
    let reason: SurveyRaterExclusion | null = null;
    if (unanswered === pairs.length) reason = 'no-answers';
    else if (unanswered > 0 && missingPolicy === 'exclude') reason = 'missing';
    else if (unanswered > 0 && unreachableItems(matrix).length > 0) reason = 'disconnected';
    if (reason !== null) {
      droppedByReason[reason]++;
      raters.push({
        ...base,
        included: false,
        reason,
        consistencyRatio: null,
        consistent: null,
        weights: null,
      });
      continue;
    }
    const parsed: ParsedPairwise = {
      n,
      labels,
      labelled: true,
      matrix,
      missing: notAsked + unanswered,
      warnings: [],
    };
    const own = ahpOfParsed(`${FN} (rater ${id === null ? r : formatValue(id)})`, parsed, settings);
    const included = crThreshold === null || own.consistencyRatio < crThreshold;
    if (!included) droppedByReason.inconsistent++;
    raters.push({
      ...base,
      included,
      reason: included ? null : 'inconsistent',
      consistencyRatio: own.consistencyRatio,
      consistent: own.consistent,
      weights: own.weights,
    });
    if (included) {
      kept.push(parsed);
      keptWeights.push(dataset.weights === null ? 1 : dataset.weights[r]!);
      keptPriorities.push(own.weights);
    }
  }

  const dropped = dataset.n - kept.length;
  if (kept.length === 0) {
    throw new RangeError(
      `${FN}: no rater is left to aggregate; got ${dataset.n} respondents, ${describeDropped(droppedByReason)}`,
    );
  }
  const raterWeights = scaledToUnitSum(keptWeights);
  let group: AhpResult | null = null;
  let weights: number[];
  const warnings: string[] = [];
  if (aggregation === 'judgments') {
    const { matrix } = geometricMeanMatrix(kept, raterWeights);
    const missing = matrix.reduce(
      (count, row, i) => count + row.filter((v, j) => j > i && v === null).length,
      0,
    );
    group = ahpOfParsed(FN, { n, labels, labelled: true, matrix, missing, warnings: [] }, settings);
    weights = group.weights;
    warnings.push(...group.warnings);
  } else {
    weights = aggregatePriorities(keptPriorities, {
      raterWeights: keptWeights,
      mean: options.mean ?? 'geometric',
    }).weights;
  }
  if (dropped > 0) {
    const named = raters
      .filter((rater) => !rater.included)
      .slice(0, 10)
      .map((rater) => (rater.id === null ? `row ${rater.index}` : formatValue(rater.id)));
    warnings.push(
      `${FN}: ${dropped} of ${dataset.n} raters left out (${describeDropped(droppedByReason)}): ${named.join(', ')}${dropped > named.length ? ', …' : ''}`,
    );
  }
  if (crThreshold === null) {
    const inconsistent = raters.filter((rater) => rater.consistent === false).length;
    if (inconsistent > 0) {
      warnings.push(
        `${FN}: ${inconsistent} of ${raters.length} raters have a consistency ratio not below ${settings.threshold}; set crThreshold to leave them out`,
      );
    }
  }
  return {
    method: 'ahp-survey',
    aggregation,
    scale,
    missing: missingPolicy,
    crThreshold,
    priorityMethod: settings.method,
    labels: [...labels],
    weights,
    group,
    n: dataset.n,
    used: kept.length,
    dropped,
    droppedByReason,
    weighted: dataset.weights !== null,
    raters,
    consistencyThreshold: settings.threshold,
    randomIndexTable: { source: settings.table.source, values: [...settings.table.values] },
    warnings,
  };
}

function describeDropped(counts: Readonly<Record<SurveyRaterExclusion, number>>): string {
  const parts: string[] = [];
  if (counts['no-answers'] > 0) parts.push(`${counts['no-answers']} without answers`);
  if (counts.missing > 0) parts.push(`${counts.missing} with unanswered comparisons`);
  if (counts.disconnected > 0) parts.push(`${counts.disconnected} whose answers do not connect every item`);
  if (counts.inconsistent > 0) parts.push(`${counts.inconsistent} above the CR threshold`);
  return parts.length === 0 ? 'none left out' : parts.join(', ');
}

/** One answer as the judgment aₐᵦ, or `null` when it is off the scale. */
function toJudgment(scale: 'signed' | 'ratio', v: number): number | null {
  if (!Number.isFinite(v)) return null;
  if (scale === 'signed') {
    const magnitude = Math.abs(v);
    if (magnitude > 9 || (magnitude > 0 && magnitude < 1)) return null;
    if (magnitude <= 1) return 1;
    return v > 0 ? v : 1 / magnitude;
  }
  if (!(v >= (1 / 9) * (1 - 1e-9) && v <= 9)) return null;
  return v;
}
