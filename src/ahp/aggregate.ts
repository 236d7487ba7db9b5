import { formatValue } from '../errors.js';
import { sum } from '../stats/sum.js';
import {
  type PairwiseInput,
  type PairwiseParseOptions,
  type ParsedPairwise,
  parsePairwise,
} from './pairwise-matrix.js';
import { scaledToUnitSum, weightsFromLogs } from './priority-vector.js';

/** Options of {@link aggregateJudgments}. */
export interface AggregateJudgmentsOptions extends PairwiseParseOptions {
  /** One positive weight per rater (default equal); rescaled to sum to 1. */
  readonly raterWeights?: readonly number[];
}

/** Result of {@link aggregateJudgments}: a `{ labels, matrix }` that `ahp` accepts as it is. */
export interface AggregateJudgmentsResult {
  readonly method: 'aggregate-judgments';
  /** Number of raters (matrices). */
  readonly raters: number;
  /** The rater weights used, summing to 1. */
  readonly raterWeights: number[];
  readonly labels: string[];
  /**
   * The weighted geometric mean of the judgments, cell by cell (reciprocal, diagonal 1); `null` where
   * no rater made the judgment.
   */
  readonly matrix: (number | null)[][];
  /** How many raters made each judgment. */
  readonly judgmentCounts: number[][];
  readonly warnings: string[];
}

/** The weights of a priority vector, as an AHP result or a plain array. */
export type PriorityInput =
  | readonly number[]
  | { readonly weights: readonly number[]; readonly labels?: readonly string[] };

/** Options of {@link aggregatePriorities}. */
export interface AggregatePrioritiesOptions {
  /** One positive weight per rater (default equal); rescaled to sum to 1. */
  readonly raterWeights?: readonly number[];
  /** `'geometric'` (default; weighted geometric mean, renormalised) or `'arithmetic'` (weighted mean). */
  readonly mean?: 'geometric' | 'arithmetic';
  /** Item names when the inputs carry none (default `'c1'`, `'c2'`, …). */
  readonly labels?: readonly string[];
}

/** Result of {@link aggregatePriorities}: a priority vector in the interchange format. */
export interface AggregatePrioritiesResult {
  readonly method: 'aggregate-priorities';
  readonly mean: 'geometric' | 'arithmetic';
  readonly raters: number;
  readonly raterWeights: number[];
  readonly labels: string[];
  /** Group priorities, summing to 1. */
  readonly weights: number[];
  readonly warnings: string[];
}

/** Checks rater weights and rescales them to sum to 1 (internal). */
export function normalizedRaterWeights(
  fn: string,
  weights: readonly number[] | undefined,
  raters: number,
): number[] {
  if (weights === undefined) return new Array<number>(raters).fill(1 / raters);
  if (!Array.isArray(weights)) {
    throw new TypeError(`${fn}: raterWeights must be an array of numbers; got ${formatValue(weights)}`);
  }
  if (weights.length !== raters) {
    throw new RangeError(
      `${fn}: raterWeights must have one weight per rater (${raters}); got ${weights.length}`,
    );
  }
  weights.forEach((w, k) => {
    if (typeof w !== 'number') {
      throw new TypeError(`${fn}: raterWeights must be numbers; got ${formatValue(w)} at index ${k}`);
    }
    if (!(w > 0 && Number.isFinite(w))) {
      throw new RangeError(
        `${fn}: raterWeights must be positive and finite; got ${formatValue(w)} at index ${k}`,
      );
    }
  });
  return scaledToUnitSum(weights);
}

/**
 * Weighted geometric mean of parsed matrices, cell by cell, over the raters who made each judgment
 * (their weights rescaled to sum to 1 in that cell) (internal).
 */
export function geometricMeanMatrix(
  matrices: readonly ParsedPairwise[],
  raterWeights: readonly number[],
): { matrix: (number | null)[][]; counts: number[][] } {
  const n = matrices[0]!.n;
  const matrix: (number | null)[][] = [];
  const counts: number[][] = [];
  for (let i = 0; i < n; i++) {
    matrix.push(new Array<number | null>(n).fill(1));
    counts.push(new Array<number>(n).fill(matrices.length));
  }
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      let weight = 0;
      let count = 0;
      for (const [k, parsed] of matrices.entries()) {
        if (parsed.matrix[i]![j] !== null) {
          weight += raterWeights[k]!;
          count++;
        }
      }
      let value: number | null = null;
      if (count > 0) {
        value = 1;
        for (const [k, parsed] of matrices.entries()) {
          const judgment = parsed.matrix[i]![j] ?? null;
          if (judgment !== null) value *= judgment ** (raterWeights[k]! / weight);
        }
      }
      matrix[i]![j] = value;
      matrix[j]![i] = value === null ? null : 1 / value;
      counts[i]![j] = counts[j]![i] = count;
    }
  }
  return { matrix, counts };
}

/**
 * Aggregates individual judgments (AIJ): the weighted geometric mean of the raters' pairwise
 * matrices, cell by cell, aᵢⱼ = Πₖ aᵢⱼₖ^λₖ with rater weights λₖ summing to 1. The geometric mean is
 * the only mean that keeps the aggregate reciprocal (Aczél & Saaty 1983). A judgment missing for
 * some raters is the mean over those who made it (their weights rescaled); missing for all, it stays
 * `null`, and `ahp` completes it by Harker's method. The result is `{ labels, matrix }`, so
 * `ahp(aggregateJudgments(matrices))` gives the group priorities.
 *
 * Use AIJ when the raters act as one decision unit (a committee); use {@link aggregatePriorities}
 * when each acts for himself (Forman & Peniwati 1998).
 *
 * References: Aczél, J. & Saaty, T. L. (1983). Procedures for synthesizing ratio judgements.
 * Journal of Mathematical Psychology 27, 93–102. Forman, E. & Peniwati, K. (1998). Aggregating
 * individual judgments and priorities with the analytic hierarchy process. European Journal of
 * Operational Research 108, 165–169.
 *
 * @param matrices the raters' matrices (each as `ahp` accepts it), all of one size and labels
 * @throws {TypeError} when the matrices are not an array or a matrix is malformed
 * @throws {RangeError} with no matrix, matrices of different sizes or labels, invalid rater weights,
 * or an invalid matrix (the message names the rater)
 * @example
 * aggregateJudgments([[[1, 4], ['1/4', 1]], [[1, 1], [1, 1]]]).matrix; // [[1, 2], [0.5, 1]]
 */
export function aggregateJudgments(
  matrices: readonly PairwiseInput[],
  options: AggregateJudgmentsOptions = {},
): AggregateJudgmentsResult {
  const fn = 'aggregateJudgments';
  if (!Array.isArray(matrices)) {
    throw new TypeError(
      `${fn}: matrices must be an array of pairwise matrices; got ${formatValue(matrices)}`,
    );
  }
  if (matrices.length === 0) throw new RangeError(`${fn}: matrices must hold at least one matrix; got none`);
  const parsed = matrices.map((matrix, k) => parsePairwise(`${fn} (rater ${k})`, matrix, options));
  const first = parsed[0]!;
  parsed.forEach((p, k) => {
    if (p.n !== first.n) {
      throw new RangeError(
        `${fn}: every matrix must be ${first.n} × ${first.n} (as rater 0's); got ${p.n} × ${p.n} for rater ${k}`,
      );
    }
    if (p.labels.some((label, i) => label !== first.labels[i])) {
      throw new RangeError(
        `${fn}: every matrix must compare the same items in the same order; got ${p.labels.map(formatValue).join(', ')} for rater ${k} and ${first.labels.map(formatValue).join(', ')} for rater 0`,
      );
    }
  });
  const raterWeights = normalizedRaterWeights(fn, options.raterWeights, parsed.length);
  const { matrix, counts } = geometricMeanMatrix(parsed, raterWeights);
  const warnings = parsed.flatMap((p) => p.warnings);
  const partial = counts.flatMap((row, i) => row.filter((c, j) => j > i && c < parsed.length)).length;
  if (partial > 0) {
    warnings.push(
      `${fn}: ${partial} ${partial === 1 ? 'judgment was' : 'judgments were'} not made by every rater; each is the mean over the raters who made it (see judgmentCounts)`,
    );
  }
  return {
    method: 'aggregate-judgments',
    raters: parsed.length,
    raterWeights,
    labels: [...first.labels],
    matrix,
    judgmentCounts: counts,
    warnings,
  };
}

/**
 * Aggregates individual priorities (AIP): the weighted geometric mean of the raters' priority
 * vectors, wᵢ ∝ Πₖ wᵢₖ^λₖ, rescaled to sum to 1 (default), or their weighted arithmetic mean
 * Σₖ λₖ wᵢₖ; rater weights λₖ sum to 1. Use AIP when each rater acts for himself and the group
 * outcome should respect each one's priorities (Forman & Peniwati 1998); the geometric mean also
 * satisfies the Pareto principle.
 *
 * Reference: Forman, E. & Peniwati, K. (1998). Aggregating individual judgments and priorities with
 * the analytic hierarchy process. European Journal of Operational Research 108, 165–169.
 *
 * @param results the raters' priorities: `ahp` results (or any `{ weights, labels? }`) or arrays
 * @throws {TypeError} when an input is not a priority vector
 * @throws {RangeError} with no input, vectors of different lengths or labels, non-positive weights,
 * or invalid rater weights
 * @example
 * aggregatePriorities([[0.5, 0.3, 0.2], [0.2, 0.3, 0.5]], { mean: 'arithmetic' }).weights; // [0.35, 0.3, 0.35]
 */
export function aggregatePriorities(
  results: readonly PriorityInput[],
  options: AggregatePrioritiesOptions = {},
): AggregatePrioritiesResult {
  const fn = 'aggregatePriorities';
  if (!Array.isArray(results)) {
    throw new TypeError(`${fn}: results must be an array of priority vectors; got ${formatValue(results)}`);
  }
  if (results.length === 0)
    throw new RangeError(`${fn}: results must hold at least one priority vector; got none`);
  const mean = options.mean ?? 'geometric';
  if (mean !== 'geometric' && mean !== 'arithmetic') {
    throw new RangeError(`${fn}: mean must be 'geometric' or 'arithmetic'; got ${formatValue(mean)}`);
  }
  let labels: string[] | null = null;
  let labelSource = -1;
  const vectors = results.map((result, k) => {
    const weights = Array.isArray(result) ? result : (result as { weights?: unknown })?.weights;
    if (!Array.isArray(weights)) {
      throw new TypeError(
        `${fn}: each result must be a priority vector (number[]) or { weights, labels? }; got ${formatValue(result)} for rater ${k}`,
      );
    }
    weights.forEach((w, i) => {
      if (typeof w !== 'number')
        throw new TypeError(
          `${fn}: weights must be numbers; got ${formatValue(w)} at index ${i} for rater ${k}`,
        );
      if (!(w > 0 && Number.isFinite(w))) {
        throw new RangeError(
          `${fn}: weights must be positive and finite; got ${formatValue(w)} at index ${i} for rater ${k}`,
        );
      }
    });
    const given = Array.isArray(result) ? undefined : (result as { labels?: readonly string[] }).labels;
    if (given !== undefined) {
      if (labels === null) {
        labels = [...given];
        labelSource = k;
      } else if (given.length !== labels.length || given.some((label, i) => label !== labels![i])) {
        throw new RangeError(
          `${fn}: every result must rank the same items in the same order; got ${given.map(formatValue).join(', ')} for rater ${k} and ${labels.map(formatValue).join(', ')} for rater ${labelSource}`,
        );
      }
    }
    return weights as number[];
  });
  const n = vectors[0]!.length;
  vectors.forEach((v, k) => {
    if (v.length !== n) {
      throw new RangeError(
        `${fn}: every priority vector must have ${n} weights (as rater 0's); got ${v.length} for rater ${k}`,
      );
    }
  });
  const resolvedLabels: string[] =
    labels ??
    (options.labels === undefined ? Array.from({ length: n }, (_, i) => `c${i + 1}`) : [...options.labels]);
  if (resolvedLabels.length !== n) {
    throw new RangeError(`${fn}: labels must name the ${n} items; got ${resolvedLabels.length} labels`);
  }
  const raterWeights = normalizedRaterWeights(fn, options.raterWeights, vectors.length);
  // Each vector is rescaled to sum to 1 first, so inputs given as raw scores combine correctly.
  const scaled = vectors.map(scaledToUnitSum);
  const weights =
    mean === 'geometric'
      ? weightsFromLogs(
          Array.from({ length: n }, (_, i) => sum(scaled.map((v, k) => raterWeights[k]! * Math.log(v[i]!)))),
        )
      : scaledToUnitSum(
          Array.from({ length: n }, (_, i) => sum(scaled.map((v, k) => raterWeights[k]! * v[i]!))),
        );
  return {
    method: 'aggregate-priorities',
    mean,
    raters: vectors.length,
    raterWeights,
    labels: resolvedLabels,
    weights,
    warnings: [],
  };
}
