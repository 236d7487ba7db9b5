import { formatValue } from '../errors.js';
import { sum } from '../stats/sum.js';

/**
 * Two-level weights of a scoring table: a weight per dimension (summing to 1) and, optionally, the
 * weights of the items inside each dimension (each dimension's summing to 1; default equal within the
 * dimension). An item's weight in the index is its dimension's weight times its weight within it.
 */
export interface DimensionWeights {
  readonly dimensions: Readonly<Record<string, number>>;
  readonly items?: Readonly<Record<string, Readonly<Record<string, number>>>>;
}

/**
 * Weights taken from the result of another analysis, recognised by shape (the interchange contract):
 * - `{ weights: number[], labels: string[] }`: a priority vector with its labels (AHP); without
 *   `labels`, the weights are in item order;
 * - `{ weights: { [item]: number } }`: weights by item name (PCA or any other weighting);
 * - `{ drivers: { driver, share }[] }`: relative-importance shares (`relativeImportance`).
 * Other fields of the result are ignored.
 */
export type AnalysisWeights =
  | { readonly weights: readonly number[]; readonly labels?: readonly string[] }
  | { readonly weights: Readonly<Record<string, number>> }
  | { readonly drivers: readonly { readonly driver: string; readonly share: number }[] };

/**
 * The item weights of a satisfaction index, in any of the accepted forms: `'equal'`, one number per
 * item in item order, `{ [item]: weight }`, two-level {@link DimensionWeights}, or
 * {@link AnalysisWeights}. Weights must be non-negative and sum to 1 (within 1e-9) unless
 * `normalize: true` rescales them.
 */
export type SatisfactionIndexWeights =
  | 'equal'
  | readonly number[]
  | Readonly<Record<string, number>>
  | DimensionWeights
  | AnalysisWeights;

/** How the item weights were given. */
export type SatisfactionIndexWeighting = 'equal' | 'item' | 'dimension' | 'analysis';

/** The weights input, recognised and checked for shape (internal). */
export type ClassifiedWeights =
  | { readonly kind: 'equal' }
  | { readonly kind: 'vector'; readonly source: 'item' | 'analysis'; readonly values: readonly number[] }
  | {
      readonly kind: 'named';
      readonly source: 'item' | 'analysis';
      readonly entries: readonly (readonly [string, number])[];
    }
  | {
      readonly kind: 'dimension';
      readonly dimensions: readonly (readonly [string, number])[];
      readonly items: ReadonlyMap<string, readonly (readonly [string, number])[]>;
    };

/** Item weights resolved for the analysed items (internal). */
export interface ResolvedWeights {
  readonly weighting: SatisfactionIndexWeighting;
  /** One weight per item, non-negative, summing to 1 up to rounding. */
  readonly weights: readonly number[];
  /** Each item's weight within its dimension (two-level weights), else `null`. */
  readonly within: readonly number[] | null;
  readonly warnings: readonly string[];
}

const SUM_TOLERANCE = 1e-9;

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function shapeError(fn: string, value: unknown): TypeError {
  return new TypeError(
    `${fn}: weights must be 'equal', one number per item, { item: weight }, { dimensions, items? } or an analysis result ({ weights, labels }, { weights: { item: weight } }, { drivers }); got ${formatValue(value)}`,
  );
}

function numberRecord(fn: string, what: string, value: unknown): [string, number][] {
  if (!isRecord(value))
    throw new TypeError(`${fn}: ${what} must be an object of numbers; got ${formatValue(value)}`);
  return Object.entries(value).map(([key, weight]) => {
    if (typeof weight !== 'number') {
      throw new TypeError(
        `${fn}: ${what} must be an object of numbers; got ${formatValue(weight)} for ${formatValue(key)}`,
      );
    }
    return [key, weight];
  });
}

function numberArray(fn: string, what: string, value: readonly unknown[]): number[] {
  return value.map((weight, i) => {
    if (typeof weight !== 'number') {
      throw new TypeError(`${fn}: ${what} must be numbers; got ${formatValue(weight)} at index ${i}`);
    }
    return weight;
  });
}

/**
 * Recognises the form of a weights input (see {@link SatisfactionIndexWeights}) and checks its shape.
 * A plain record is told from the other object forms by its values: all numbers.
 * @throws {TypeError} when the input has none of the accepted forms
 */
export function classifyWeights(fn: string, input: unknown): ClassifiedWeights {
  if (input === undefined || input === 'equal') return { kind: 'equal' };
  if (Array.isArray(input))
    return { kind: 'vector', source: 'item', values: numberArray(fn, 'weights', input) };
  if (!isRecord(input)) throw shapeError(fn, input);
  const values = Object.values(input);
  if (values.length > 0 && values.every((value) => typeof value === 'number')) {
    return { kind: 'named', source: 'item', entries: numberRecord(fn, 'weights', input) };
  }
  if (isRecord(input.dimensions)) {
    const dimensions = numberRecord(fn, 'weights.dimensions', input.dimensions);
    const items = new Map<string, [string, number][]>();
    if (input.items !== undefined) {
      if (!isRecord(input.items)) {
        throw new TypeError(
          `${fn}: weights.items must be an object of { item: weight } per dimension; got ${formatValue(input.items)}`,
        );
      }
      for (const [dimension, within] of Object.entries(input.items)) {
        items.set(dimension, numberRecord(fn, `weights.items[${formatValue(dimension)}]`, within));
      }
    }
    return { kind: 'dimension', dimensions, items };
  }
  if (Array.isArray(input.drivers)) {
    const entries = input.drivers.map((driver: unknown, i): [string, number] => {
      if (!isRecord(driver) || typeof driver.driver !== 'string' || typeof driver.share !== 'number') {
        throw new TypeError(
          `${fn}: weights.drivers must be { driver, share } objects; got ${formatValue(driver)} at index ${i}`,
        );
      }
      return [driver.driver, driver.share];
    });
    return { kind: 'named', source: 'analysis', entries };
  }
  if (Array.isArray(input.weights)) {
    const weights = numberArray(fn, 'weights.weights', input.weights);
    if (input.labels === undefined) return { kind: 'vector', source: 'analysis', values: weights };
    if (!Array.isArray(input.labels) || !input.labels.every((label) => typeof label === 'string')) {
      throw new TypeError(
        `${fn}: weights.labels must be an array of item names; got ${formatValue(input.labels)}`,
      );
    }
    const labels = input.labels as string[];
    if (labels.length !== weights.length) {
      throw new RangeError(
        `${fn}: weights.labels must name each of the ${weights.length} weights; got ${labels.length} labels`,
      );
    }
    return { kind: 'named', source: 'analysis', entries: labels.map((label, i) => [label, weights[i]!]) };
  }
  if (isRecord(input.weights)) {
    return { kind: 'named', source: 'analysis', entries: numberRecord(fn, 'weights.weights', input.weights) };
  }
  throw shapeError(fn, input);
}

/**
 * The items a weights input names, in its order, or `null` when it names none (equal weights,
 * positional weights, or dimension weights without item weights for every dimension).
 */
export function weightedItems(weights: ClassifiedWeights): string[] | null {
  if (weights.kind === 'named') return weights.entries.map(([item]) => item);
  if (weights.kind === 'dimension' && weights.dimensions.length > 0) {
    if (!weights.dimensions.every(([dimension]) => weights.items.has(dimension))) return null;
    return weights.dimensions.flatMap(([dimension]) => weights.items.get(dimension)!.map(([item]) => item));
  }
  return null;
}

function display(total: number): string {
  return String(Number(total.toPrecision(12)));
}

/**
 * Checks that values are non-negative and finite and that they sum to 1 within 1e-9; with
 * `normalize`, rescales them to sum to 1 and adds a warning naming the original sum.
 */
function checkSum(
  fn: string,
  what: string,
  entries: readonly (readonly [string, number])[],
  normalize: boolean,
  warnings: string[],
): number[] {
  for (const [name, value] of entries) {
    if (!(value >= 0 && Number.isFinite(value))) {
      throw new RangeError(
        `${fn}: ${what} must be non-negative and finite; got ${formatValue(value)} for ${formatValue(name)}`,
      );
    }
  }
  const values = entries.map(([, value]) => value);
  const total = sum(values);
  if (Math.abs(total - 1) <= SUM_TOLERANCE) return values;
  if (!normalize) {
    throw new RangeError(
      `${fn}: ${what} must sum to 1; got ${display(total)} (use normalize: true to rescale)`,
    );
  }
  if (total === 0) throw new RangeError(`${fn}: ${what} must not all be zero; got a sum of 0`);
  warnings.push(`${fn}: ${what} summed to ${display(total)}; rescaled to sum to 1`);
  return values.map((value) => value / total);
}

function checkNames(
  fn: string,
  what: string,
  names: readonly string[],
  expected: readonly string[],
  kind: string,
  scope: string,
): void {
  const seen = new Set<string>();
  const known = new Set(expected);
  for (const name of names) {
    if (seen.has(name)) throw new RangeError(`${fn}: ${what} name ${kind} ${formatValue(name)} twice`);
    seen.add(name);
    if (!known.has(name)) {
      throw new RangeError(
        `${fn}: ${what} name ${kind === 'item' ? 'an item' : 'a dimension'} ${scope}; got ${formatValue(name)} (${kind === 'item' ? 'items' : 'dimensions'} are ${expected.join(', ')})`,
      );
    }
  }
  for (const name of expected) {
    if (!seen.has(name)) {
      throw new RangeError(
        `${fn}: ${what} must give a weight for every ${kind}; got none for ${formatValue(name)}`,
      );
    }
  }
}

/** Divides by the (compensated) sum, so that weights within the 1e-9 tolerance sum to 1 up to rounding. */
function rescale(values: readonly number[]): number[] {
  const total = sum(values);
  return values.map((value) => value / total);
}

/**
 * Turns a classified weights input into one weight per analysed item.
 *
 * @param items the analysed items, in order
 * @param dimensionOf each item's dimension (same order), or `null` when there is no dimension table
 * @param normalize rescale weights that do not sum to 1 (with a warning) instead of throwing
 * @throws {RangeError} on negative or non-finite weights, sums other than 1 without `normalize`,
 * weights for items (or dimensions) that are not analysed, and items (or dimensions) without one
 */
export function resolveWeights(
  fn: string,
  weights: ClassifiedWeights,
  items: readonly string[],
  dimensionOf: readonly string[] | null,
  normalize: boolean,
): ResolvedWeights {
  const warnings: string[] = [];
  const p = items.length;
  switch (weights.kind) {
    case 'equal':
      return { weighting: 'equal', weights: items.map(() => 1 / p), within: null, warnings };
    case 'vector': {
      if (weights.values.length !== p) {
        throw new RangeError(
          `${fn}: weights must have one value per item (${p}); got ${weights.values.length}`,
        );
      }
      const entries = items.map((item, i) => [item, weights.values[i]!] as const);
      const values = checkSum(fn, 'weights', entries, normalize, warnings);
      return { weighting: weights.source, weights: rescale(values), within: null, warnings };
    }
    case 'named': {
      checkNames(
        fn,
        'weights',
        weights.entries.map(([item]) => item),
        items,
        'item',
        'that is not analysed',
      );
      const byItem = new Map(weights.entries);
      const entries = items.map((item) => [item, byItem.get(item)!] as const);
      const values = checkSum(fn, 'weights', entries, normalize, warnings);
      return { weighting: weights.source, weights: rescale(values), within: null, warnings };
    }
    case 'dimension': {
      if (dimensionOf === null) {
        throw new RangeError(`${fn}: two-level weights need a dimension table; got items without dimensions`);
      }
      const dimensionNames = [...new Set(dimensionOf)];
      checkNames(
        fn,
        'dimension weights',
        weights.dimensions.map(([dimension]) => dimension),
        dimensionNames,
        'dimension',
        'with no analysed items',
      );
      for (const dimension of weights.items.keys()) {
        if (!dimensionNames.includes(dimension)) {
          throw new RangeError(
            `${fn}: weights.items name a dimension that has no weight; got ${formatValue(dimension)} (dimensions are ${dimensionNames.join(', ')})`,
          );
        }
      }
      const dimensionValues = checkSum(fn, 'dimension weights', weights.dimensions, normalize, warnings);
      const dimensionWeight = new Map(
        weights.dimensions.map(([dimension], k) => [dimension, dimensionValues[k]!]),
      );
      const within = new Array<number>(p).fill(0);
      for (const dimension of dimensionNames) {
        const indices = items.flatMap((_, i) => (dimensionOf[i] === dimension ? [i] : []));
        const members = indices.map((i) => items[i]!);
        const given = weights.items.get(dimension);
        const what = `item weights within dimension ${formatValue(dimension)}`;
        let values: number[];
        if (given === undefined) {
          values = members.map(() => 1 / members.length);
        } else {
          checkNames(
            fn,
            what,
            given.map(([item]) => item),
            members,
            'item',
            'outside it',
          );
          const byItem = new Map(given);
          values = checkSum(
            fn,
            what,
            members.map((item) => [item, byItem.get(item)!] as const),
            normalize,
            warnings,
          );
        }
        const scaled = rescale(values);
        indices.forEach((i, k) => {
          within[i] = scaled[k]!;
        });
      }
      const itemWeights = items.map((_, i) => dimensionWeight.get(dimensionOf[i]!)! * within[i]!);
      return { weighting: 'dimension', weights: rescale(itemWeights), within, warnings };
    }
  }
}
