import { formatValue } from '../errors.js';
import { sum, weightedSum } from '../stats/sum.js';
import {
  type Context,
  compose,
  type FuzzyMembership,
  type FuzzyOperator,
  type FuzzyWeights,
  isMaxBased,
  nameList,
  type ResolvedMembership,
  resolveGradeScores,
  resolveMembership,
  resolveOperator,
  resolveWeights,
  TIE_TOLERANCE,
  term,
  warningPrefix,
} from './fuzzy-inputs.js';

/** Options of {@link fuzzyEvaluate}. */
export interface FuzzyEvaluateOptions {
  /**
   * Factor weights A: numbers in the order of the membership rows, `{ [factor]: weight }`, or a
   * priority vector `{ weights, labels }` such as an AHP result (labels matched to the factor names).
   */
  readonly weights: FuzzyWeights;
  /** Membership matrix R (factors × grades, grades best first): rows, `{ matrix, items?, grades? }`
   * or a `membershipMatrix` result. */
  readonly membership: FuzzyMembership;
  /** Composition operator (default `'weighted-average'`). */
  readonly operator?: FuzzyOperator;
  /** Score of each grade, best first (default 100 · (m − j) / m: 100, 80, 60, 40, 20 for five). */
  readonly gradeScores?: readonly number[];
  /** Rescale weights that do not sum to 1 (with a warning) instead of throwing (default false). */
  readonly normalize?: boolean;
}

/** Result of {@link fuzzyEvaluate}. */
export interface FuzzyEvaluateResult {
  readonly method: 'fuzzy-evaluate';
  readonly operator: FuzzyOperator;
  /** Whether `normalize` was set (weights rescaled only when they did not sum to 1). */
  readonly normalize: boolean;
  /** The factors (membership rows), given or `u1`, `u2`, …. */
  readonly items: readonly string[];
  /** The grade labels (membership columns), best first, given or `v1`, `v2`, …. */
  readonly grades: readonly string[];
  /** The factor weights used, in the order of `items`. */
  readonly weights: readonly number[];
  /** The membership matrix used (`items` × `grades`). */
  readonly membership: readonly (readonly number[])[];
  /** B = A ∘ R: the membership of the evaluated object in each grade. */
  readonly vector: readonly number[];
  /** B / Σ B: B as a distribution over the grades. */
  readonly normalizedVector: readonly number[];
  /** The grade of largest membership (maximum-membership principle); the first of `tied` on a tie. */
  readonly grade: string;
  /** Every grade whose membership equals the largest (within 1e-12 relative); one unless tied. */
  readonly tied: readonly string[];
  readonly gradeScores: readonly number[];
  /** Σⱼ b̂ⱼ sⱼ: the grade scores weighted by the normalized vector. */
  readonly score: number;
  /**
   * Factors that shape B. Max-based operators: those whose term reaches bⱼ > 0 for some grade j (the
   * others have no influence); additive operators: those with a positive weight.
   */
  readonly influentialFactors: readonly string[];
  readonly warnings: readonly string[];
}

/** The evaluation of a checked membership matrix (shared with fuzzyEvaluateHierarchy). */
export function evaluateMembership(
  ctx: Context,
  membership: ResolvedMembership,
  weightsInput: unknown,
  operator: FuzzyOperator,
  gradeScores: readonly number[],
  normalize: boolean,
): FuzzyEvaluateResult {
  const warnings: string[] = [];
  const weights = resolveWeights(ctx, weightsInput, membership, normalize, warnings);
  const { items, grades, matrix } = membership;
  const vector = compose(operator, weights, matrix);
  const total = sum(vector);
  const normalizedVector = vector.map((b) => b / total);
  const largest = vector.reduce((a, b) => Math.max(a, b), 0);
  const tied = grades.filter((_, j) => largest - vector[j]! <= TIE_TOLERANCE * largest);
  const score = weightedSum(normalizedVector, gradeScores);

  const influentialFactors = isMaxBased(operator)
    ? items.filter((_, i) =>
        vector.some((b, j) => b > 0 && term(operator, weights[i]!, matrix[i]![j]!) === b),
      )
    : items.filter((_, i) => weights[i]! > 0);

  const prefix = warningPrefix(ctx);
  if (tied.length > 1) {
    warnings.push(
      `${prefix}grades ${nameList(tied)} tie for the largest membership (${Number(largest.toPrecision(4))}); grade reports the first of them, so read normalizedVector and score`,
    );
  }
  if (isMaxBased(operator) && 2 * influentialFactors.length < items.length) {
    const ignored = items.length - influentialFactors.length;
    warnings.push(
      `${prefix}under '${operator}' only ${influentialFactors.length} of ${items.length} factors (${influentialFactors.map((id) => formatValue(id)).join(', ')}) determine the result; the memberships of the other ${ignored} have no influence on it, the known weakness of max-based compositions (consider 'weighted-average')`,
    );
  }
  return {
    method: 'fuzzy-evaluate',
    operator,
    normalize,
    items: [...items],
    grades: [...grades],
    weights,
    membership: matrix.map((row) => [...row]),
    vector,
    normalizedVector,
    grade: tied[0]!,
    tied,
    gradeScores: [...gradeScores],
    score,
    influentialFactors,
    warnings,
  };
}

/**
 * Fuzzy comprehensive evaluation (模糊综合评价): the composition B = A ∘ R of the factor weights A
 * with the membership matrix R (factors × grades), under one of four operators:
 *
 *   weighted-average M(·, ⊕): bⱼ = min(1, Σᵢ aᵢ rᵢⱼ)       min-max M(∧, ∨): bⱼ = maxᵢ min(aᵢ, rᵢⱼ)
 *   product-max M(·, ∨):      bⱼ = maxᵢ aᵢ rᵢⱼ             min-bounded-sum M(∧, ⊕): bⱼ = min(1, Σᵢ min(aᵢ, rᵢⱼ))
 *
 * Also the normalized vector b̂ = B / Σ B, the grade of largest membership (maximum-membership
 * principle; ties listed in `tied` and warned about) and the score Σⱼ b̂ⱼ sⱼ with grade scores s
 * (default 100, 80, 60, 40, 20 for five grades, best first; 100 · (m − j) / m for m grades).
 *
 * Conventions: grades (columns) are ordered best first, so that the default scores fall from 100.
 * Weights are non-negative and sum to 1 within 1e-9 (`normalize: true` rescales them, with a
 * warning); membership entries lie in [0, 1] and rows sum to 1 within 1e-9. Weights may be an AHP
 * result (`{ weights, labels }`), matched to the factors by name. Under the max-based operators a
 * warning says when fewer than half of the factors reach the maximum for any grade, i.e. when the
 * memberships of most factors have no influence on B (the classic loss of information of M(∧, ∨)).
 *
 * References: Zadeh, L. A. (1965). Fuzzy sets. Information and Control 8, 338–353 (∧, ∨ and the
 * max-min composition). 司守奎, 孙玺菁 (2011). 数学建模算法与应用 (Algorithms and Applications of
 * Mathematical Modeling), §14.2 模糊综合评判法, example 14.2. 国防工业出版社.
 *
 * @param options `{ weights, membership, operator?, gradeScores?, normalize? }`
 * @throws {TypeError} when weights, membership, operator or gradeScores have the wrong form
 * @throws {RangeError} on weights that are negative, do not match the factors or do not sum to 1,
 * on membership entries outside [0, 1] or rows not summing to 1, or on a wrong number of grade scores
 * @example
 * const result = fuzzyEvaluate({
 *   weights: [0.25, 0.2, 0.25, 0.3],
 *   membership: [[0.1, 0.5, 0.4, 0, 0], [0.2, 0.5, 0.2, 0.1, 0], [0.2, 0.5, 0.3, 0, 0], [0.2, 0.6, 0.2, 0, 0]],
 * });
 * result.vector; // ≈ [0.175, 0.53, 0.275, 0.02, 0]
 * result.grade; // 'v2'
 * result.score; // ≈ 77.2
 */
export function fuzzyEvaluate(options: FuzzyEvaluateOptions): FuzzyEvaluateResult {
  const ctx: Context = { fn: 'fuzzyEvaluate', dimension: null };
  if (options === null || typeof options !== 'object') {
    throw new TypeError(
      `fuzzyEvaluate: options must be { weights, membership, operator?, gradeScores?, normalize? }; got ${formatValue(options)}`,
    );
  }
  const operator = resolveOperator(ctx, options.operator);
  const membership = resolveMembership(ctx, options.membership);
  const gradeScores = resolveGradeScores(ctx, options.gradeScores, membership.grades.length);
  return evaluateMembership(
    ctx,
    membership,
    options.weights,
    operator,
    gradeScores,
    options.normalize === true,
  );
}
