import { formatValue } from '../errors.js';
import {
  kendallTau,
  type SatisfactionIndexOptions,
  type SatisfactionIndexResult,
  type SatisfactionIndexWeights,
  type SurveyData,
  satisfactionIndex,
} from '../index.js';

/** Options of {@link methodComparison}. */
export interface MethodComparisonOptions
  extends Omit<SatisfactionIndexOptions, 'weights' | 'by' | 'minSegmentSize'> {
  /**
   * The weightings to compare, by name (at least two), each in any form `satisfactionIndex` accepts:
   * stated `{ item: weight }` or two-level `{ dimensions }` weights, an AHP result, `{ weights: { item:
   * weight } }` (e.g. PCA), `{ drivers: [{ driver, share }] }` (derived importance), `'equal'`.
   */
  readonly weightings: Readonly<Record<string, SatisfactionIndexWeights>>;
}

/** One weighting of a {@link methodComparison}. */
export interface MethodComparisonMethod {
  readonly name: string;
  /** How `satisfactionIndex` read the weights. */
  readonly weighting: SatisfactionIndexResult['weighting'];
  readonly index: number;
  readonly level: string;
  /** Bootstrap interval of the index, `null` without the bootstrap. */
  readonly confidenceInterval: readonly [number, number] | null;
  /** Each item's weight in the index, in the order of `items` (summing to 1). */
  readonly weights: readonly number[];
  /** Each item's rank by weight, 1 = heaviest; tied weights share their mean rank. */
  readonly ranks: readonly number[];
  readonly warnings: readonly string[];
}

/** Kendall's tau-b between the item rankings of two weightings. */
export interface MethodAgreement {
  readonly a: string;
  readonly b: string;
  /** `null` when either weighting gives every item the same weight (no ranking). */
  readonly kendallTau: number | null;
}

/** Result of {@link methodComparison}. */
export interface MethodComparisonResult {
  readonly method: 'method-comparison';
  /** The items compared, in the order of every `weights` and `ranks`. */
  readonly items: readonly string[];
  /** Respondents who answered at least one item, and who answered none (the same for every weighting). */
  readonly n: number;
  readonly dropped: number;
  readonly methods: readonly MethodComparisonMethod[];
  /** Every pair of weightings, in the order of `methods`. */
  readonly agreement: readonly MethodAgreement[];
  /** The warnings of every index, each prefixed with its weighting's name, and the comparison's own. */
  readonly warnings: readonly string[];
}

const FN = 'methodComparison';

/** Weights are ranked after rounding to 12 significant digits, so that rounding noise is not a rank. */
function rounded(weights: readonly number[]): number[] {
  return weights.map((w) => Number(w.toPrecision(12)));
}

/** Mean ranks by descending value (1 = largest), ties sharing the mean of their ranks. */
export function descendingRanks(values: readonly number[]): number[] {
  return values.map((v) => {
    const above = values.filter((u) => u > v).length;
    const tied = values.filter((u) => u === v).length;
    return above + (tied + 1) / 2;
  });
}

/**
 * The same items weighted several ways (stated importance, AHP, derived importance, PCA, equal …):
 * the satisfaction index under each weighting (`satisfactionIndex` with the same items, scales and
 * respondents), each item's weight and rank, and the agreement of every pair of weightings as
 * Kendall's tau-b between their item weights (tau-b corrects for tied weights, such as the equal
 * item weights within a dimension of two-level weights).
 *
 * Weights are compared after rounding to 12 significant digits (weights equal up to rounding noise
 * tie). A weighting that gives every item the same weight has no ranking: its tau is `null`, with a
 * warning.
 *
 * Reference: Kendall, M. G. (1945). The treatment of ties in ranking problems. Biometrika 33, 239–251.
 *
 * @param data `Responses`, an object of columns, or rows with `options.columns`
 * @throws {TypeError} when `weightings` is not an object
 * @throws {RangeError} with fewer than two weightings, or anything `satisfactionIndex` rejects (a
 * weighting without a weight for an item, weights that do not sum to 1 …)
 * @example
 * const data = { q1: [5, 4, 4], q2: [3, 2, 4], q3: [4, 4, 5] };
 * methodComparison(data, { scale: { min: 1, max: 5 }, weightings: {
 *   stated: { q1: 0.5, q2: 0.3, q3: 0.2 }, derived: { q1: 0.2, q2: 0.3, q3: 0.5 } } }).agreement[0].kendallTau; // -1
 */
export function methodComparison(data: SurveyData, options: MethodComparisonOptions): MethodComparisonResult {
  if (options === null || typeof options !== 'object') {
    throw new TypeError(`${FN}: options must be an object with weightings; got ${formatValue(options)}`);
  }
  const { weightings, ...indexOptions } = options;
  if (weightings === null || typeof weightings !== 'object' || Array.isArray(weightings)) {
    throw new TypeError(`${FN}: weightings must be { name: weights }; got ${formatValue(weightings)}`);
  }
  const names = Object.keys(weightings);
  if (names.length < 2) {
    throw new RangeError(`${FN}: at least two weightings are needed to compare; got ${names.length}`);
  }
  let items = indexOptions.items;
  const results: SatisfactionIndexResult[] = [];
  for (const name of names) {
    const result = satisfactionIndex(data, {
      ...indexOptions,
      ...(items === undefined ? {} : { items }),
      weights: weightings[name]!,
      bootstrap: indexOptions.bootstrap ?? false,
    });
    items ??= result.items.map((i) => i.item);
    results.push(result);
  }
  const itemList = [...items!];
  const warnings: string[] = [];
  // The weights as compared: rounded once per weighting, for its ranks and every pair's tau.
  const compared: number[][] = [];
  const methods: MethodComparisonMethod[] = results.map((result, k) => {
    const weights = result.items.map((i) => i.weight);
    const roundedWeights = rounded(weights);
    compared.push(roundedWeights);
    for (const warning of result.warnings) warnings.push(`${names[k]}: ${warning}`);
    return {
      name: names[k]!,
      weighting: result.weighting,
      index: result.index,
      level: result.level,
      confidenceInterval: result.confidenceInterval,
      weights,
      ranks: descendingRanks(roundedWeights),
      warnings: result.warnings,
    };
  });
  const flat = new Set<string>();
  const agreement: MethodAgreement[] = [];
  for (let a = 0; a < methods.length; a++) {
    for (let b = a + 1; b < methods.length; b++) {
      const tau = itemList.length < 2 ? Number.NaN : kendallTau(compared[a]!, compared[b]!);
      if (Number.isNaN(tau)) {
        for (const k of [a, b]) {
          if (itemList.length < 2 || new Set(compared[k]).size === 1) flat.add(methods[k]!.name);
        }
      }
      agreement.push({
        a: methods[a]!.name,
        b: methods[b]!.name,
        kendallTau: Number.isNaN(tau) ? null : tau,
      });
    }
  }
  for (const name of flat) {
    warnings.push(
      `${FN}: weighting ${JSON.stringify(name)} gives every item the same weight, so it ranks no item and its Kendall tau is null`,
    );
  }
  return {
    method: 'method-comparison',
    items: itemList,
    n: results[0]!.n,
    dropped: results[0]!.dropped,
    methods,
    agreement,
    warnings,
  };
}
