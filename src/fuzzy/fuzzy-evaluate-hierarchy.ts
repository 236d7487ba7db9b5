import { formatValue } from '../errors.js';
import { evaluateMembership, type FuzzyEvaluateResult } from './fuzzy-evaluate.js';
import {
  type Context,
  type FuzzyMembership,
  type FuzzyOperator,
  type FuzzyWeights,
  isRecord,
  type ResolvedMembership,
  resolveGradeScores,
  resolveMembership,
  resolveOperator,
} from './fuzzy-inputs.js';

/** A dimension evaluated on its items: their weights and membership rows. */
export interface FuzzyItemDimension {
  readonly id: string;
  /** Weights of the items (membership rows), in any form `fuzzyEvaluate` accepts (e.g. an AHP result). */
  readonly weights: FuzzyWeights;
  /** Membership of the items: rows, `{ matrix, items?, grades? }` or a `membershipMatrix` result. */
  readonly membership: FuzzyMembership;
  /** Operator for this dimension (default: the hierarchy's). */
  readonly operator?: FuzzyOperator;
}

/** A dimension evaluated on sub-dimensions: their weights (by sub-dimension id or in order). */
export interface FuzzyGroupDimension {
  readonly id: string;
  readonly weights: FuzzyWeights;
  readonly dimensions: readonly FuzzyHierarchyDimension[];
  readonly operator?: FuzzyOperator;
}

/** One node of a fuzzy evaluation hierarchy: items below it, or sub-dimensions. */
export type FuzzyHierarchyDimension = FuzzyItemDimension | FuzzyGroupDimension;

/** Options of {@link fuzzyEvaluateHierarchy}. */
export interface FuzzyEvaluateHierarchyOptions {
  /** Name of the top (default `'overall'`). */
  readonly id?: string;
  /** Weights of the dimensions: by dimension id, in order, or an AHP result labelled by dimension id. */
  readonly weights: FuzzyWeights;
  readonly dimensions: readonly FuzzyHierarchyDimension[];
  /** Operator at every level unless a dimension sets its own (default `'weighted-average'`). */
  readonly operator?: FuzzyOperator;
  /** Score of each grade, best first (default 100 · (m − j) / m). */
  readonly gradeScores?: readonly number[];
  /** Rescale weights that do not sum to 1, at every level, with a warning (default false). */
  readonly normalize?: boolean;
}

/** The evaluation of one dimension of the hierarchy. */
export interface FuzzyHierarchyDimensionResult {
  readonly id: string;
  /** Ids from the top's dimension down to this one. */
  readonly path: readonly string[];
  /** 1 for the dimensions under the top, 2 for their sub-dimensions, and so on. */
  readonly depth: number;
  /** Whether this dimension's factors are items (membership rows) or sub-dimensions. */
  readonly factors: 'items' | 'dimensions';
  /** The fuzzy evaluation of this dimension over its factors. */
  readonly evaluation: FuzzyEvaluateResult;
  /** The sub-dimensions' results; empty when the factors are items. */
  readonly dimensions: readonly FuzzyHierarchyDimensionResult[];
}

/** Result of {@link fuzzyEvaluateHierarchy}. */
export interface FuzzyEvaluateHierarchyResult {
  readonly method: 'fuzzy-evaluate-hierarchy';
  readonly id: string;
  /** The default operator (dimensions may set their own; each evaluation names the one it used). */
  readonly operator: FuzzyOperator;
  readonly normalize: boolean;
  /** Levels of composition: 2 for items → dimensions → top, one more per level of sub-dimensions. */
  readonly levels: number;
  readonly grades: readonly string[];
  readonly gradeScores: readonly number[];
  /** The dimensions' results, each with its own evaluation (per-level results). */
  readonly dimensions: readonly FuzzyHierarchyDimensionResult[];
  /**
   * The top-level evaluation: its factors are the dimensions and its membership matrix is their
   * normalized vectors stacked.
   */
  readonly evaluation: FuzzyEvaluateResult;
  /** The overall B, normalized B, grade, tied grades and score (the top-level evaluation's). */
  readonly vector: readonly number[];
  readonly normalizedVector: readonly number[];
  readonly grade: string;
  readonly tied: readonly string[];
  readonly score: number;
  /** Warnings of every evaluation, deepest first, each naming its dimension. */
  readonly warnings: readonly string[];
}

const FN = 'fuzzyEvaluateHierarchy';

/** A checked node (first pass): leaves carry their resolved membership. */
interface Plan {
  readonly id: string;
  readonly path: readonly string[];
  readonly weights: unknown;
  readonly operator: FuzzyOperator;
  readonly membership: ResolvedMembership | null;
  readonly children: readonly Plan[];
}

function checkChildren(owner: string, dimensions: unknown): readonly unknown[] {
  if (!Array.isArray(dimensions)) {
    throw new TypeError(
      `${FN}: dimensions${owner} must be an array of dimensions; got ${formatValue(dimensions)}`,
    );
  }
  if (dimensions.length === 0) {
    throw new RangeError(`${FN}: dimensions${owner} must list at least one dimension; got none`);
  }
  const ids = dimensions.map((node) => (isRecord(node) ? node.id : undefined));
  const duplicate = ids.find((id, index) => typeof id === 'string' && ids.indexOf(id) !== index);
  if (duplicate !== undefined) {
    throw new RangeError(`${FN}: dimension ids${owner} must be unique; got ${formatValue(duplicate)} twice`);
  }
  return dimensions;
}

function plan(node: unknown, parentPath: readonly string[], inherited: FuzzyOperator, index: number): Plan {
  if (!isRecord(node) || typeof node.id !== 'string' || node.id === '') {
    const where = parentPath.length === 0 ? '' : ` of dimension ${formatValue(parentPath.join('/'))}`;
    throw new TypeError(
      `${FN}: each dimension must be { id, weights, membership } or { id, weights, dimensions } with a non-empty id; got ${formatValue(node)} at index ${index} of the dimensions${where}`,
    );
  }
  const path = [...parentPath, node.id];
  const ctx: Context = { fn: FN, dimension: path.join('/') };
  const hasItems = node.membership !== undefined;
  const hasDimensions = node.dimensions !== undefined;
  if (hasItems === hasDimensions) {
    throw new TypeError(
      `${FN}: dimension ${formatValue(ctx.dimension)} must have either membership (its items) or dimensions (sub-dimensions); got ${hasItems ? 'both' : 'neither'}`,
    );
  }
  const operator = node.operator === undefined ? inherited : resolveOperator(ctx, node.operator);
  if (hasItems) {
    return {
      id: node.id,
      path,
      weights: node.weights,
      operator,
      membership: resolveMembership(ctx, node.membership),
      children: [],
    };
  }
  const children = checkChildren(` of dimension ${formatValue(ctx.dimension)}`, node.dimensions).map(
    (child, i) => plan(child, path, operator, i),
  );
  return { id: node.id, path, weights: node.weights, operator, membership: null, children };
}

function leaves(node: Plan): Plan[] {
  return node.membership !== null ? [node] : node.children.flatMap(leaves);
}

/** The grade labels shared by every leaf: all must have as many grades, and named ones the same. */
function commonGrades(all: readonly Plan[]): string[] {
  const first = all[0]!.membership!;
  let named: Plan | null = null;
  for (const leaf of all) {
    const membership = leaf.membership!;
    if (membership.grades.length !== first.grades.length) {
      throw new RangeError(
        `${FN}: every dimension must use the same grades; got ${first.grades.length} grades in ${formatValue(all[0]!.path.join('/'))} and ${membership.grades.length} in ${formatValue(leaf.path.join('/'))}`,
      );
    }
    if (!membership.namedGrades) continue;
    if (named === null) named = leaf;
    else {
      const expected = named.membership!.grades;
      if (membership.grades.some((label, j) => label !== expected[j])) {
        throw new RangeError(
          `${FN}: every dimension must use the same grades in the same order; got ${expected.map((g) => formatValue(g)).join(', ')} in ${formatValue(named.path.join('/'))} and ${membership.grades.map((g) => formatValue(g)).join(', ')} in ${formatValue(leaf.path.join('/'))}`,
        );
      }
    }
  }
  return [...(named ?? all[0]!).membership!.grades];
}

function evaluate(
  node: Plan,
  grades: readonly string[],
  gradeScores: readonly number[],
  normalize: boolean,
  warnings: string[],
): FuzzyHierarchyDimensionResult {
  const ctx: Context = { fn: FN, dimension: node.path.join('/') };
  const children = node.children.map((child) => evaluate(child, grades, gradeScores, normalize, warnings));
  const membership: ResolvedMembership =
    node.membership !== null
      ? { ...node.membership, grades }
      : stacked(
          children.map((child) => [child.id, child.evaluation]),
          grades,
        );
  const evaluation = evaluateMembership(ctx, membership, node.weights, node.operator, gradeScores, normalize);
  warnings.push(...evaluation.warnings);
  return {
    id: node.id,
    path: node.path,
    depth: node.path.length,
    factors: node.membership !== null ? 'items' : 'dimensions',
    evaluation,
    dimensions: children,
  };
}

/** The next level's membership: the factors' normalized vectors, one row each. */
function stacked(
  factors: readonly (readonly [string, FuzzyEvaluateResult])[],
  grades: readonly string[],
): ResolvedMembership {
  return {
    items: factors.map(([id]) => id),
    grades,
    matrix: factors.map(([, evaluation]) => [...evaluation.normalizedVector]),
    namedItems: true,
    namedGrades: true,
  };
}

/**
 * Multi-level fuzzy comprehensive evaluation (多层次模糊综合评判): each dimension's items are evaluated
 * with their weights (e.g. AHP weights within the dimension), giving the dimension's vector Bₖ; the
 * dimensions' normalized vectors B̂ₖ = Bₖ / Σ Bₖ, stacked one per row, form the next level's membership
 * matrix, evaluated with the dimension weights:
 *
 *   B = A ∘ [B̂₁; B̂₂; …; B̂ₚ],   B̂ₖ = normalize(Aₖ ∘ Rₖ).
 *
 * Dimensions nest: a dimension of sub-dimensions is evaluated the same way, so any number of levels
 * is possible. Each dimension may set its own operator; the others use `options.operator`
 * (`'weighted-average'` by default). With `'weighted-average'` at every level the overall vector equals
 * a one-level evaluation with global item weights (dimension weight × item weight). Every dimension
 * must use the same grades (best first); the grade scores apply at every level. Per-dimension results
 * are in `dimensions` (a tree), the top-level evaluation in `evaluation`, and every warning, naming its
 * dimension, in `warnings`.
 *
 * Reference: 司守奎, 孙玺菁 (2011). 数学建模算法与应用, §14.2 (多层次模糊综合评判). 国防工业出版社.
 *
 * @param options `{ id?, weights, dimensions, operator?, gradeScores?, normalize? }`, each dimension
 * `{ id, weights, membership }` or `{ id, weights, dimensions }`
 * @throws {TypeError} on a dimension without an id, with both or neither of membership and dimensions,
 * or on weights, membership or operator of the wrong form
 * @throws {RangeError} on duplicate dimension ids, dimensions with different grades, or any error of
 * {@link fuzzyEvaluate} in a dimension (naming it)
 * @example
 * const result = fuzzyEvaluateHierarchy({
 *   weights: { service: 0.6, price: 0.4 },
 *   dimensions: [
 *     { id: 'service', weights: [0.5, 0.5], membership: [[0.6, 0.3, 0.1], [0.2, 0.6, 0.2]] },
 *     { id: 'price', weights: [1], membership: [[0.1, 0.5, 0.4]] },
 *   ],
 * });
 * result.vector; // ≈ [0.28, 0.47, 0.25]
 * result.grade; // 'v2'
 */
export function fuzzyEvaluateHierarchy(options: FuzzyEvaluateHierarchyOptions): FuzzyEvaluateHierarchyResult {
  if (!isRecord(options)) {
    throw new TypeError(
      `${FN}: options must be { id?, weights, dimensions, operator?, gradeScores?, normalize? }; got ${formatValue(options)}`,
    );
  }
  const root: Context = { fn: FN, dimension: null };
  const id = options.id ?? 'overall';
  if (typeof id !== 'string' || id === '')
    throw new TypeError(`${FN}: id must be a non-empty string; got ${formatValue(id)}`);
  const operator = resolveOperator(root, options.operator);
  const normalize = options.normalize === true;
  const plans = checkChildren('', options.dimensions).map((node, i) => plan(node, [], operator, i));
  const grades = commonGrades(plans.flatMap(leaves));
  const gradeScores = resolveGradeScores(root, options.gradeScores, grades.length);

  const warnings: string[] = [];
  const dimensions = plans.map((node) => evaluate(node, grades, gradeScores, normalize, warnings));
  const evaluation = evaluateMembership(
    root,
    stacked(
      dimensions.map((dimension) => [dimension.id, dimension.evaluation]),
      grades,
    ),
    options.weights,
    operator,
    gradeScores,
    normalize,
  );
  warnings.push(...evaluation.warnings);
  const depth = (node: FuzzyHierarchyDimensionResult): number =>
    node.dimensions.length === 0 ? node.depth : Math.max(...node.dimensions.map(depth));
  return {
    method: 'fuzzy-evaluate-hierarchy',
    id,
    operator,
    normalize,
    levels: 1 + Math.max(...dimensions.map(depth)),
    grades: [...grades],
    gradeScores,
    dimensions,
    evaluation,
    vector: evaluation.vector,
    normalizedVector: evaluation.normalizedVector,
    grade: evaluation.grade,
    tied: evaluation.tied,
    score: evaluation.score,
    warnings,
  };
}
