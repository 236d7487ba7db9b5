import { formatValue } from '../errors.js';

function sortedCopy(values: ArrayLike<number>): Float64Array {
  return Float64Array.from(values).sort();
}

/**
 * Sample quantile by R's default (type 7) definition: with the sorted values x₍₁₎ … x₍ₙ₎ and
 * h = (n − 1)·p, Q(p) = x₍⌊h⌋+1₎ + (h − ⌊h⌋)·(x₍⌊h⌋+2₎ − x₍⌊h⌋+1₎). NaN for no values or when
 * any value is NaN (as R's `quantile` without `na.rm`).
 *
 * Reference: Hyndman, R. J. & Fan, Y. (1996). Sample quantiles in statistical packages. The American
 * Statistician 50(4), 361–365.
 * @param p probability in [0, 1]
 * @example quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.25) // 3.25
 */
export function quantile(values: ArrayLike<number>, p: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`quantile: p must be within [0, 1]; got ${formatValue(p)}`);
  const n = values.length;
  if (n === 0) return Number.NaN;
  for (let i = 0; i < n; i++) if (Number.isNaN(values[i]!)) return Number.NaN;
  const sorted = sortedCopy(values);
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const below = sorted[lo]!;
  return lo + 1 < n ? below + (h - lo) * (sorted[lo + 1]! - below) : below;
}

/** The median: R type 7 at p = 0.5 (the middle value, or the mean of the two middle values). @example median([3, 1, 4, 1, 5]) // 3 */
export function median(values: ArrayLike<number>): number {
  return quantile(values, 0.5);
}

/**
 * Weighted median: with the values sorted and their weights normalised to sum to 1, the smallest
 * value whose cumulative weight reaches 1/2; when the cumulative weight equals 1/2 exactly (within
 * 1e-12), the mean of that value and the next. With equal weights this is the ordinary median.
 * NaN for no values or when any value is NaN.
 * @example weightedMedian([1, 2, 3], [1, 1, 5]) // 3
 */
export function weightedMedian(values: ArrayLike<number>, weights: ArrayLike<number>): number {
  const n = values.length;
  if (weights.length !== n) {
    throw new RangeError(
      `weightedMedian: weights must have one value per observation (${n}); got ${weights.length}`,
    );
  }
  if (n === 0) return Number.NaN;
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < n; i++) if (Number.isNaN(values[i]!)) return Number.NaN;
  order.sort((a, b) => values[a]! - values[b]!);
  let total = 0;
  for (let i = 0; i < n; i++) total += weights[i]!;
  const half = total / 2;
  let cumulative = 0;
  for (let k = 0; k < n; k++) {
    cumulative += weights[order[k]!]!;
    if (cumulative >= half - 1e-12 * total) {
      const value = values[order[k]!]!;
      if (Math.abs(cumulative - half) <= 1e-12 * total && k + 1 < n)
        return (value + values[order[k + 1]!]!) / 2;
      return value;
    }
  }
  return values[order[n - 1]!]!;
}
