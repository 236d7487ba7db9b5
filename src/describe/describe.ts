import { formatValue } from '../errors.js';
import { quantile, weightedMedian } from '../stats/quantile.js';
import { mean, variance } from '../stats/variance.js';
import { type DataOptions, resolveData, type SurveyData } from '../survey/data.js';
import { Responses } from '../survey/responses.js';
import type { Scale } from '../survey/schema.js';

/** Options of {@link describe}. */
export interface DescribeOptions extends DataOptions {
  /** Number of top scale points in the top-box share (default 2: "top-2 box"). */
  readonly topBox?: number;
  /** Number of bottom scale points in the bottom-box share (default 2). */
  readonly bottomBox?: number;
  /**
   * The answer scale of every item, for data without a survey definition (columns or rows). With
   * `Responses`, each item's own scale is used.
   */
  readonly scale?: { readonly min: number; readonly max: number; readonly labels?: readonly string[] };
}

/** Answers at one scale point. */
export interface ScalePointCount {
  readonly value: number;
  readonly label: string | null;
  /** Respondents who gave this answer. */
  readonly count: number;
  /** Their share of the answers (weighted when weights are used). */
  readonly share: number;
}

/** Descriptive statistics of one item, over the respondents who answered it. */
export interface ItemDescription {
  readonly item: string;
  readonly text: string | null;
  readonly dimension: string | null;
  /** Respondents who answered. */
  readonly n: number;
  /** Respondents who did not (missing code or invalid cell read as missing). */
  readonly missing: number;
  readonly mean: number;
  /** Standard deviation (n − 1; weighted: `survey::svyvar`'s estimator). */
  readonly sd: number;
  /** Median: R type 7 unweighted; the weighted median (see `weightedMedian`) with weights. */
  readonly median: number;
  readonly min: number;
  readonly max: number;
  /** Answers per scale point, from the bottom of the scale to the top; empty without a scale. */
  readonly counts: readonly ScalePointCount[];
  /** Share of answers in the top `topBox` points; `null` without a scale. */
  readonly topBoxShare: number | null;
  /** Share of answers in the bottom `bottomBox` points; `null` without a scale. */
  readonly bottomBoxShare: number | null;
}

/** Result of {@link describe}. */
export interface DescribeResult {
  readonly method: 'describe';
  /** Respondents in the data (each item reports how many of them answered it). */
  readonly n: number;
  /** Each item uses every respondent who answered it (available-case). */
  readonly missing: 'available-case';
  readonly weighted: boolean;
  readonly topBox: number;
  readonly bottomBox: number;
  readonly items: readonly ItemDescription[];
  readonly warnings: readonly string[];
}

function checkBox(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1)
    throw new RangeError(`describe: ${name} must be a positive integer; got ${formatValue(value)}`);
  return value;
}

/**
 * Descriptive statistics per item: respondents answering and missing, mean, standard deviation,
 * median, minimum, maximum, answers per scale point, and top-box / bottom-box shares (the share of
 * answers in the top or bottom k scale points, k = 2 by default). With respondent weights, means,
 * standard deviations, medians and shares are weighted; counts stay counts of respondents.
 *
 * Missing answers are excluded item by item and counted in `missing`.
 *
 * @throws {RangeError} on unknown items, invalid weights, box sizes larger than a scale, or an
 * answer off the scale given in `options.scale` (Responses are checked when parsed)
 * @example
 * describe({ q1: [5, 4, 4, 2, NaN] }, { scale: { min: 1, max: 5 } }).items[0].topBoxShare; // 0.75
 */
export function describe(data: SurveyData, options: DescribeOptions = {}): DescribeResult {
  const dataset = resolveData('describe', data, options);
  const topBox = checkBox('topBox', options.topBox ?? 2);
  const bottomBox = checkBox('bottomBox', options.bottomBox ?? 2);
  const given = options.scale;
  if (given !== undefined && !(given.min < given.max)) {
    throw new RangeError(`describe: scale.max must be greater than scale.min; got ${given.min}–${given.max}`);
  }
  const warnings: string[] = [];
  const weights = dataset.weights;
  const items = dataset.items.map((id, index): ItemDescription => {
    const column = dataset.columns[index]!;
    const scale: Scale | null =
      dataset.scales[index] ??
      (given === undefined
        ? null
        : {
            min: given.min,
            max: given.max,
            integer: true,
            ...(given.labels ? { labels: given.labels } : {}),
          });
    const definition = data instanceof Responses ? data.item(id) : null;

    const values: number[] = [];
    const answerWeights: number[] = [];
    for (let r = 0; r < dataset.n; r++) {
      const value = column[r]!;
      if (Number.isNaN(value)) continue;
      if (
        scale !== null &&
        (value < scale.min || value > scale.max || (scale.integer && !Number.isInteger(value)))
      ) {
        throw new RangeError(
          `describe: answers of ${formatValue(id)} must be ${scale.integer ? 'whole points' : 'values'} of the scale ${scale.min}–${scale.max}; got ${formatValue(value)} at index ${r}`,
        );
      }
      values.push(value);
      if (weights !== null) answerWeights.push(weights[r]!);
    }
    const n = values.length;
    const w = weights === null ? undefined : answerWeights;
    const totalWeight = w === undefined ? n : w.reduce((a, b) => a + b, 0);

    let counts: ScalePointCount[] = [];
    let topBoxShare: number | null = null;
    let bottomBoxShare: number | null = null;
    if (scale?.integer) {
      const points = scale.max - scale.min + 1;
      if (topBox > points || bottomBox > points) {
        throw new RangeError(
          `describe: topBox and bottomBox must not exceed the ${points} points of the scale of ${formatValue(id)}; got ${topBox} and ${bottomBox}`,
        );
      }
      const count = new Array<number>(points).fill(0);
      const weight = new Array<number>(points).fill(0);
      values.forEach((value, k) => {
        const point = Math.round(value - scale.min);
        if (point >= 0 && point < points) {
          count[point]!++;
          weight[point]! += w === undefined ? 1 : w[k]!;
        }
      });
      counts = count.map((c, point) => ({
        value: scale.min + point,
        label: scale.labels?.[point] ?? null,
        count: c,
        share: n === 0 ? Number.NaN : weight[point]! / totalWeight,
      }));
      const shareOf = (from: number, to: number) =>
        n === 0 ? Number.NaN : weight.slice(from, to).reduce((a, b) => a + b, 0) / totalWeight;
      topBoxShare = shareOf(points - topBox, points);
      bottomBoxShare = shareOf(0, bottomBox);
    }

    if (n === 0) warnings.push(`describe: item ${formatValue(id)} has no answers`);
    else if (n >= 2 && values.every((value) => value === values[0])) {
      warnings.push(`describe: item ${formatValue(id)} is constant (every answer is ${values[0]})`);
    }
    const missing = dataset.n - n;
    if (dataset.n > 0 && missing / dataset.n > 0.2) {
      warnings.push(
        `describe: item ${formatValue(id)} is missing for ${missing} of ${dataset.n} respondents (${((100 * missing) / dataset.n).toFixed(1)}%)`,
      );
    }
    let min = Number.NaN;
    let max = Number.NaN;
    for (const value of values) {
      if (!(value >= min)) min = value;
      if (!(value <= max)) max = value;
    }
    return {
      item: id,
      text: definition?.text ?? null,
      dimension: definition?.dimension ?? null,
      n,
      missing,
      mean: mean(values, w),
      sd: Math.sqrt(variance(values, w)),
      median: n === 0 ? Number.NaN : w === undefined ? quantile(values, 0.5) : weightedMedian(values, w),
      min,
      max,
      counts,
      topBoxShare,
      bottomBoxShare,
    };
  });
  return {
    method: 'describe',
    n: dataset.n,
    missing: 'available-case',
    weighted: weights !== null,
    topBox,
    bottomBox,
    items,
    warnings,
  };
}
