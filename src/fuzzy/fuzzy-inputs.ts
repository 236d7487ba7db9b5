// Inputs of a fuzzy evaluation (internal): the operators, the accepted forms of the weights and of
// the membership matrix, and their checks, shared by fuzzyEvaluate and fuzzyEvaluateHierarchy.

import { formatValue } from '../errors.js';
import { sum } from '../stats/sum.js';
import { defaultGradeScores } from './grades.js';

/**
 * The composition B = A ∘ R of a fuzzy evaluation (Zadeh-style operator pairs M(·, ·)):
 * - `'weighted-average'` M(·, ⊕): bⱼ = min(1, Σᵢ aᵢ rᵢⱼ), every factor counts in proportion;
 * - `'min-max'` M(∧, ∨): bⱼ = maxᵢ min(aᵢ, rᵢⱼ), the main factor decides (主因素决定型);
 * - `'product-max'` M(·, ∨): bⱼ = maxᵢ aᵢ rᵢⱼ, the main factor stands out (主因素突出型);
 * - `'min-bounded-sum'` M(∧, ⊕): bⱼ = min(1, Σᵢ min(aᵢ, rᵢⱼ)) (取小上界和型).
 */
export type FuzzyOperator = 'weighted-average' | 'min-max' | 'product-max' | 'min-bounded-sum';

/** The operators, in the order above. */
export const FUZZY_OPERATORS: readonly FuzzyOperator[] = Object.freeze([
  'weighted-average',
  'min-max',
  'product-max',
  'min-bounded-sum',
]);

/**
 * A priority vector with the label of each weight: the shape of an AHP result (`ahp(...)`), or of
 * any object that carries `weights` and `labels`. Labels are matched to the factors by name.
 */
export interface PriorityVector {
  readonly weights: readonly number[];
  readonly labels: readonly string[];
}

/**
 * Factor weights: one number per factor in the order of the membership rows, `{ [factor]: weight }`,
 * or a {@link PriorityVector} such as an AHP result. Non-negative, summing to 1 (within 1e-9) unless
 * `normalize: true` rescales them.
 */
export type FuzzyWeights = readonly number[] | Readonly<Record<string, number>> | PriorityVector;

/** A membership matrix with labels; the result of `membershipMatrix` has this shape. */
export interface LabelledMembership {
  /** One row per factor, one column per grade (best first); entries in [0, 1], rows summing to 1. */
  readonly matrix: readonly (readonly number[])[];
  /** Factor names, one per row (default `u1`, `u2`, …). */
  readonly items?: readonly string[];
  /** Grade labels, one per column (default `v1`, `v2`, …). */
  readonly grades?: readonly string[];
}

/** A membership matrix: rows (`number[][]`) or {@link LabelledMembership}. */
export type FuzzyMembership = readonly (readonly number[])[] | LabelledMembership;

/** Where a check runs: the public function, and the dimension inside a hierarchy (or `null`). */
export interface Context {
  readonly fn: string;
  readonly dimension: string | null;
}

/** A checked membership matrix with its labels. */
export interface ResolvedMembership {
  readonly items: readonly string[];
  readonly grades: readonly string[];
  readonly matrix: readonly (readonly number[])[];
  /** Whether the input named the factors (weights by name need it). */
  readonly namedItems: boolean;
  /** Whether the input named the grades. */
  readonly namedGrades: boolean;
}

/** Rows must sum to 1 and weights to 1 within this. */
export const SUM_TOLERANCE = 1e-9;

/** Two entries of B tie when they differ by at most this much relative to the largest. */
export const TIE_TOLERANCE = 1e-12;

/** Whether a value is a plain object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A sum for a message: 12 significant digits, no trailing zeros. */
export function display(value: number): string {
  return String(Number(value.toPrecision(12)));
}

/** `"a"`, `"a" and "b"`, `"a", "b" and "c"`. */
export function nameList(names: readonly string[]): string {
  const quoted = names.map((name) => formatValue(name));
  return quoted.length <= 1 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)}`;
}

/** `weights` or `weights of dimension "service"`. */
export function subject(ctx: Context, what: string): string {
  return ctx.dimension === null ? what : `${what} of dimension ${formatValue(ctx.dimension)}`;
}

/** The start of a warning: `fn: ` or `fn: in dimension "service", `. */
export function warningPrefix(ctx: Context): string {
  return `${ctx.fn}: ${ctx.dimension === null ? '' : `in dimension ${formatValue(ctx.dimension)}, `}`;
}

function labels(
  ctx: Context,
  what: string,
  given: unknown,
  count: number,
  fallback: string,
): { names: string[]; named: boolean } {
  if (given === undefined)
    return { names: Array.from({ length: count }, (_, i) => `${fallback}${i + 1}`), named: false };
  const name = subject(ctx, `membership.${what}`);
  if (!Array.isArray(given) || !given.every((label) => typeof label === 'string')) {
    throw new TypeError(`${ctx.fn}: ${name} must be an array of strings; got ${formatValue(given)}`);
  }
  if (given.length !== count) {
    throw new RangeError(
      `${ctx.fn}: ${name} must name each of the ${count} ${what === 'items' ? 'rows' : 'columns'}; got ${given.length} names`,
    );
  }
  const duplicate = given.find((label, index) => given.indexOf(label) !== index);
  if (duplicate !== undefined) {
    throw new RangeError(`${ctx.fn}: ${name} must be unique; got ${formatValue(duplicate)} twice`);
  }
  return { names: [...given] as string[], named: true };
}

/**
 * Checks a membership matrix: rows of equal length (at least two grades), entries in [0, 1], each row
 * summing to 1 within 1e-9, labels (if any) unique and one per row or column.
 * @throws {TypeError} when the input is not a matrix or `{ matrix, items?, grades? }`
 * @throws {RangeError} on an empty or ragged matrix, an entry outside [0, 1] or a row not summing to 1
 */
export function resolveMembership(ctx: Context, input: unknown): ResolvedMembership {
  const name = subject(ctx, 'membership');
  let rows: unknown;
  let items: unknown;
  let grades: unknown;
  if (Array.isArray(input)) rows = input;
  else if (isRecord(input) && Array.isArray(input.matrix)) {
    rows = input.matrix;
    items = input.items;
    grades = input.grades;
  } else {
    throw new TypeError(
      `${ctx.fn}: ${name} must be a matrix (number[][], one row per factor) or { matrix, items?, grades? }; got ${formatValue(input)}`,
    );
  }
  const matrix = rows as readonly unknown[];
  if (matrix.length === 0)
    throw new RangeError(`${ctx.fn}: ${name} must have at least one row (factor); got none`);
  const first = matrix[0];
  const m = Array.isArray(first) ? first.length : 0;
  matrix.forEach((row, i) => {
    if (!Array.isArray(row)) {
      throw new TypeError(
        `${ctx.fn}: ${name} rows must be arrays of numbers; got ${formatValue(row)} in row ${i}`,
      );
    }
    if (row.length !== m) {
      throw new RangeError(
        `${ctx.fn}: ${name} rows must have equal lengths (one entry per grade); got ${m} in row 0 and ${row.length} in row ${i}`,
      );
    }
  });
  if (m < 2) throw new RangeError(`${ctx.fn}: ${name} must have at least two grades (columns); got ${m}`);
  const itemNames = labels(ctx, 'items', items, matrix.length, 'u');
  const gradeNames = labels(ctx, 'grades', grades, m, 'v');
  const checked = (matrix as readonly (readonly unknown[])[]).map((row, i) => {
    const values = row.map((value, j) => {
      if (typeof value !== 'number') {
        throw new TypeError(
          `${ctx.fn}: ${name} entries must be numbers; got ${formatValue(value)} at row ${i}, column ${j}`,
        );
      }
      if (!(value >= 0 && value <= 1)) {
        throw new RangeError(
          `${ctx.fn}: ${name} entries must be within [0, 1]; got ${formatValue(value)} at row ${i}, column ${j}`,
        );
      }
      return value;
    });
    const total = sum(values);
    if (!(Math.abs(total - 1) <= SUM_TOLERANCE)) {
      const label = itemNames.named ? ` (${formatValue(itemNames.names[i])})` : '';
      throw new RangeError(
        `${ctx.fn}: ${name} rows must sum to 1 (within ${SUM_TOLERANCE}); got ${display(total)} for row ${i}${label}`,
      );
    }
    return values;
  });
  return {
    items: itemNames.names,
    grades: gradeNames.names,
    matrix: checked,
    namedItems: itemNames.named,
    namedGrades: gradeNames.named,
  };
}

function numbers(ctx: Context, what: string, values: readonly unknown[]): number[] {
  return values.map((value, i) => {
    if (typeof value !== 'number') {
      throw new TypeError(
        `${ctx.fn}: ${subject(ctx, what)} must be numbers; got ${formatValue(value)} at index ${i}`,
      );
    }
    return value;
  });
}

/**
 * Resolves factor weights to one number per membership row: positional, by name, or a priority
 * vector (labels matched by name). Weights must be non-negative and finite and sum to 1 within 1e-9;
 * with `normalize`, they are rescaled to sum to 1 and a warning names the original sum.
 * @throws {TypeError} on a form that is none of the accepted ones, or names without factor names
 * @throws {RangeError} on a wrong count, unknown or missing names, negative values or a wrong sum
 */
export function resolveWeights(
  ctx: Context,
  input: unknown,
  membership: ResolvedMembership,
  normalize: boolean,
  warnings: string[],
): number[] {
  const name = subject(ctx, 'weights');
  const factors = membership.items;
  let values: number[];
  let where: (i: number) => string;
  let named: [string, number][] | null = null;
  let hint = '';
  if (Array.isArray(input)) {
    values = numbers(ctx, 'weights', input);
    if (values.length !== factors.length) {
      throw new RangeError(
        `${ctx.fn}: ${name} must have one value per factor (${factors.length} membership rows); got ${values.length}`,
      );
    }
    where = (i) => `at index ${i}`;
  } else if (isRecord(input) && Array.isArray(input.weights)) {
    const weights = numbers(ctx, 'weights.weights', input.weights);
    const given = input.labels;
    if (!Array.isArray(given) || !given.every((label) => typeof label === 'string')) {
      throw new TypeError(
        `${ctx.fn}: ${subject(ctx, 'weights.labels')} must be an array of factor names (a priority vector is { weights, labels }); got ${formatValue(given)}`,
      );
    }
    if (given.length !== weights.length) {
      throw new RangeError(
        `${ctx.fn}: ${subject(ctx, 'weights.labels')} must name each of the ${weights.length} weights; got ${given.length} labels`,
      );
    }
    named = (given as string[]).map((label, i) => [label, weights[i]!]);
    hint = '; label the comparison matrix with the factor names, or pass its weights array in row order';
  } else if (isRecord(input)) {
    named = Object.entries(input).map(([key, value]) => {
      if (typeof value !== 'number') {
        throw new TypeError(
          `${ctx.fn}: ${name} must be numbers; got ${formatValue(value)} for ${formatValue(key)}`,
        );
      }
      return [key, value];
    });
  } else {
    throw new TypeError(
      `${ctx.fn}: ${name} must be numbers in factor order, { factor: weight } or a priority vector { weights, labels } (an AHP result); got ${formatValue(input)}`,
    );
  }
  if (named !== null) {
    if (!membership.namedItems) {
      throw new TypeError(
        `${ctx.fn}: ${name} given by name need the factor names of the membership; give membership as { matrix, items } or weights in row order`,
      );
    }
    const byName = new Map<string, number>();
    for (const [label, value] of named) {
      if (byName.has(label))
        throw new RangeError(
          `${ctx.fn}: ${name} must name each factor once; got ${formatValue(label)} twice`,
        );
      byName.set(label, value);
    }
    const known = new Set(factors);
    const unknown = named.map(([label]) => label).filter((label) => !known.has(label));
    if (unknown.length > 0) {
      throw new RangeError(
        `${ctx.fn}: ${name} must name factors of the membership; got unknown ${unknown.length === 1 ? 'name' : 'names'} ${nameList(unknown)} (factors are ${factors.join(', ')})${hint}`,
      );
    }
    const missing = factors.filter((factor) => !byName.has(factor));
    if (missing.length > 0) {
      throw new RangeError(
        `${ctx.fn}: ${name} must give every factor a weight; got none for ${nameList(missing)}`,
      );
    }
    values = factors.map((factor) => byName.get(factor)!);
    where = (i) => `for ${formatValue(factors[i])}`;
  }
  values!.forEach((value, i) => {
    if (!(value >= 0 && Number.isFinite(value))) {
      throw new RangeError(
        `${ctx.fn}: ${name} must be non-negative and finite; got ${formatValue(value)} ${where(i)}`,
      );
    }
  });
  const total = sum(values!);
  if (Math.abs(total - 1) <= SUM_TOLERANCE) return values!;
  if (!normalize) {
    throw new RangeError(
      `${ctx.fn}: ${name} must sum to 1 (within ${SUM_TOLERANCE}); got ${display(total)} (use normalize: true to rescale)`,
    );
  }
  if (total === 0) throw new RangeError(`${ctx.fn}: ${name} must not all be zero; got a sum of 0`);
  warnings.push(`${ctx.fn}: ${name} summed to ${display(total)}; rescaled to sum to 1`);
  return values!.map((value) => value / total);
}

/** The operator, `'weighted-average'` when not given. */
export function resolveOperator(ctx: Context, operator: unknown): FuzzyOperator {
  if (operator === undefined) return 'weighted-average';
  if (FUZZY_OPERATORS.includes(operator as FuzzyOperator)) return operator as FuzzyOperator;
  const message = `${ctx.fn}: ${subject(ctx, 'operator')} must be one of ${FUZZY_OPERATORS.map((op) => `'${op}'`).join(', ')}; got ${formatValue(operator)}`;
  throw typeof operator === 'string' ? new RangeError(message) : new TypeError(message);
}

/** One score per grade (best first); the evenly spaced default when not given. */
export function resolveGradeScores(ctx: Context, scores: unknown, m: number): number[] {
  if (scores === undefined) return defaultGradeScores(m);
  if (!Array.isArray(scores)) {
    throw new TypeError(`${ctx.fn}: gradeScores must be an array of numbers; got ${formatValue(scores)}`);
  }
  if (scores.length !== m) {
    throw new RangeError(`${ctx.fn}: gradeScores must have one score per grade (${m}); got ${scores.length}`);
  }
  return scores.map((score, i) => {
    if (typeof score !== 'number' || !Number.isFinite(score)) {
      throw new RangeError(
        `${ctx.fn}: gradeScores must be finite numbers; got ${formatValue(score)} at index ${i}`,
      );
    }
    return score;
  });
}

/** The term of factor i for grade j: aᵢ·rᵢⱼ (products) or min(aᵢ, rᵢⱼ) (minima). */
export function term(operator: FuzzyOperator, weight: number, membership: number): number {
  return operator === 'weighted-average' || operator === 'product-max'
    ? weight * membership
    : Math.min(weight, membership);
}

/** Whether the operator aggregates the terms by maximum (∨) rather than bounded sum (⊕). */
export function isMaxBased(operator: FuzzyOperator): boolean {
  return operator === 'min-max' || operator === 'product-max';
}

/** B = A ∘ R under the operator; sums compensated (Neumaier). */
export function compose(
  operator: FuzzyOperator,
  weights: readonly number[],
  matrix: readonly (readonly number[])[],
): number[] {
  const m = matrix[0]!.length;
  return Array.from({ length: m }, (_, j) => {
    const terms = matrix.map((row, i) => term(operator, weights[i]!, row[j]!));
    return isMaxBased(operator) ? terms.reduce((a, b) => Math.max(a, b), 0) : Math.min(1, sum(terms));
  });
}
