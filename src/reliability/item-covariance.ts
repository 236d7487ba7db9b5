import { formatValue } from '../errors.js';
import { effectiveSampleSize } from '../stats/confidence.js';
import { covarianceToCorrelation } from '../stats/linear-algebra.js';
import { type MissingPolicy, Moments, missingPolicy, momentItems, moments } from '../stats/moments.js';
import { type DataOptions, resolveData, type SurveyData } from '../survey/data.js';

/** Options shared by the reliability functions: which data, the missing-data policy, reverse keys. */
export interface ReliabilityOptions extends DataOptions {
  /**
   * `'listwise'` (default): only respondents who answered every item are used; the others are
   * counted in `dropped`. `'pairwise'`: each covariance uses every respondent who answered both
   * items (psych's default, `use = "pairwise"`).
   */
  readonly missing?: MissingPolicy;
  /**
   * Items to score in reverse, x → min + max − x, on top of any reverse coding the survey
   * definition already applied. The scale is the item's own (survey definition), else
   * `options.scale`, else the smallest and largest answer over all the items analysed (psych's rule).
   */
  readonly reverse?: readonly string[];
  /** The answer scale, for reverse keys on data without a survey definition. */
  readonly scale?: { readonly min: number; readonly max: number };
}

/** The covariance structure of a set of items, ready for a reliability coefficient. */
export interface ItemCovariance {
  readonly items: readonly string[];
  readonly missing: MissingPolicy;
  readonly weighted: boolean;
  /** Respondents used (listwise: complete; pairwise: with at least one answer). */
  readonly n: number;
  /** Respondents not used. */
  readonly dropped: number;
  /** n for standard errors and intervals: Kish's effective sample size when weighted, else n. */
  readonly effectiveN: number;
  /** Respondents who answered each item (of those used). */
  readonly itemN: readonly number[];
  readonly means: readonly number[];
  readonly covariance: readonly (readonly number[])[];
  /** cov2cor(covariance): under pairwise deletion, scaled by each item's full variance. */
  readonly correlation: readonly (readonly number[])[];
  /**
   * The correlation matrix as R's `cor` computes it: under pairwise deletion each entry uses the
   * standard deviations of the respondents who answered both items. Equal to `correlation` under
   * listwise deletion.
   */
  readonly pairCorrelation: readonly (readonly number[])[];
  readonly reversed: readonly string[];
}

function checkedScale(fn: string, scale: { readonly min: number; readonly max: number }) {
  if (!(scale.min < scale.max)) {
    throw new RangeError(`${fn}: scale.max must be greater than scale.min; got ${scale.min}–${scale.max}`);
  }
  return scale;
}

/** The scale an item is reversed on: its own, else options.scale, else the observed range. */
function reverseBounds(
  fn: string,
  id: string,
  itemScale: { readonly min: number; readonly max: number } | null,
  options: ReliabilityOptions,
  observed: () => { min: number; max: number },
): { readonly min: number; readonly max: number } {
  if (itemScale !== null) return itemScale;
  if (options.scale !== undefined) return checkedScale(fn, options.scale);
  const bounds = observed();
  if (!Number.isFinite(bounds.min))
    throw new RangeError(`${fn}: cannot reverse ${formatValue(id)}: no answers`);
  return bounds;
}

/**
 * The part of `source` that covers `wanted`; the items in `negate` are reversed by negating their
 * rows and columns (moments of unreversed answers), `reversed` lists every reversed item.
 */
function subset(
  fn: string,
  source: Moments,
  wanted: readonly string[],
  negate: ReadonlySet<string>,
  reversed: ReadonlySet<string>,
  flipMean: (id: string, mean: number) => number,
  n: number,
  dropped: number,
  effectiveN: number,
): ItemCovariance {
  const index = wanted.map((id) => source.items.indexOf(id));
  const sign = wanted.map((id) => (negate.has(id) ? -1 : 1));
  const signed = (matrix: number[][]) =>
    index.map((i, a) => index.map((j, b) => sign[a]! * sign[b]! * matrix[i]![j]!));
  const covariance = signed(source.covariance());
  const counts = source.pairCounts();
  covariance.forEach((row, a) => {
    row.forEach((value, b) => {
      if (b <= a && !Number.isFinite(value)) {
        const pair = counts[index[a]!]![index[b]!]!;
        throw new RangeError(
          a === b
            ? `${fn}: item ${formatValue(wanted[a])} needs at least 2 answers for a variance; got ${pair}`
            : `${fn}: items ${formatValue(wanted[b])} and ${formatValue(wanted[a])} need at least 2 common answers for a covariance; got ${pair}`,
        );
      }
    });
  });
  const constant = wanted.filter((_, a) => !(covariance[a]![a]! > 0));
  if (constant.length > 0) {
    throw new RangeError(
      `${fn}: ${constant.length === 1 ? 'item' : 'items'} ${constant.map(formatValue).join(', ')} ${constant.length === 1 ? 'has' : 'have'} no variance (every answer is the same); remove ${constant.length === 1 ? 'it' : 'them'} from items`,
    );
  }
  const means = source.means();
  return {
    items: wanted,
    missing: source.missing,
    weighted: source.weighted,
    n,
    dropped,
    effectiveN,
    itemN: index.map((i) => counts[i]![i]!),
    means: index.map((i, a) => flipMean(wanted[a]!, means[i]!)),
    covariance,
    correlation: covarianceToCorrelation(covariance),
    pairCorrelation: signed(source.correlation()),
    reversed: wanted.filter((id) => reversed.has(id)),
  };
}

function checkReverse(
  fn: string,
  items: readonly string[],
  reverse: readonly string[] | undefined,
): Set<string> {
  const set = new Set(reverse ?? []);
  for (const id of set) {
    if (!items.includes(id))
      throw new RangeError(`${fn}: reverse names ${formatValue(id)}, which is not analysed`);
  }
  return set;
}

/**
 * The covariance structure of the items for a reliability coefficient, from raw data or from
 * precomputed {@link Moments}, with reverse keys applied and every item checked for variance.
 *
 * @throws {RangeError} with fewer than 2 items or 2 respondents, a constant item, an unknown item,
 * or reverse keys without a known scale (moments)
 */
export function itemCovariance(
  fn: string,
  data: SurveyData | Moments,
  options: ReliabilityOptions,
): ItemCovariance {
  const missing = missingPolicy(fn, options.missing);
  if (data instanceof Moments) {
    const wanted = momentItems(fn, data, options);
    checkItemCount(fn, wanted);
    const reverse = checkReverse(fn, wanted, options.reverse);
    if (reverse.size > 0 && options.scale === undefined) {
      throw new RangeError(`${fn}: reverse keys on moments need options.scale (the answer scale)`);
    }
    const scale = reverse.size > 0 ? checkedScale(fn, options.scale!) : null;
    return subset(
      fn,
      data,
      wanted,
      reverse,
      reverse,
      (id, mean) => (scale !== null && reverse.has(id) ? scale.min + scale.max - mean : mean),
      data.n,
      data.dropped,
      data.n,
    );
  }
  const dataset = resolveData(fn, data, options);
  checkItemCount(fn, dataset.items);
  const reverse = checkReverse(fn, dataset.items, options.reverse);
  // The observed range over every item: scanned once, and only when a reversed item needs it.
  let range: { min: number; max: number } | null = null;
  const observed = () => {
    if (range !== null) return range;
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (const column of dataset.columns) {
      for (const value of column) {
        if (value < min) min = value;
        if (value > max) max = value;
      }
    }
    range = { min, max };
    return range;
  };
  const table: Record<string, Float64Array> = {};
  dataset.items.forEach((id, c) => {
    const column = dataset.columns[c]!;
    if (!reverse.has(id)) {
      table[id] = column;
      return;
    }
    const { min, max } = reverseBounds(fn, id, dataset.scales[c]!, options, observed);
    table[id] = column.map((value) => min + max - value);
  });
  const m = moments(table, {
    missing,
    ...(dataset.weights === null ? {} : { weights: dataset.weights }),
  });
  let used = m.n;
  let usedWeights = dataset.weights;
  if (missing === 'pairwise') {
    const answered = new Uint8Array(dataset.n);
    for (const column of dataset.columns) {
      for (let r = 0; r < dataset.n; r++) if (!Number.isNaN(column[r]!)) answered[r] = 1;
    }
    used = answered.reduce((a, b) => a + b, 0);
    if (dataset.weights !== null) usedWeights = dataset.weights.filter((_, r) => answered[r] === 1);
  } else if (dataset.weights !== null) {
    usedWeights = dataset.weights.filter((_, r) =>
      dataset.columns.every((column) => !Number.isNaN(column[r]!)),
    );
  }
  if (used < 2) {
    throw new RangeError(
      `${fn}: needs at least 2 respondents${missing === 'listwise' ? ' with every item answered' : ''}; got ${used} of ${dataset.n}`,
    );
  }
  return subset(
    fn,
    m,
    dataset.items,
    new Set(),
    reverse,
    (_, mean) => mean,
    used,
    dataset.n - used,
    usedWeights === null ? used : effectiveSampleSize(usedWeights),
  );
}

function checkItemCount(fn: string, items: readonly string[]): void {
  if (items.length < 2) throw new RangeError(`${fn}: needs at least 2 items; got ${items.length}`);
}
