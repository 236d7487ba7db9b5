/**
 * Sum with Neumaier's compensation: the rounding error of each addition is carried in a second
 * accumulator, so the result is accurate to about one rounding of the exact sum whatever the order
 * of magnitude of the terms. NaN propagates (as R's `sum` without `na.rm`).
 *
 * Reference: Neumaier, A. (1974). Rundungsfehleranalyse einiger Verfahren zur Summation endlicher
 * Summen. ZAMM 54(1), 39–51.
 * @example sum([1e100, 1, -1e100]) // 1 (a plain loop gives 0)
 */
export function sum(values: ArrayLike<number>): number {
  let total = 0;
  let compensation = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    const next = total + value;
    compensation += Math.abs(total) >= Math.abs(value) ? total - next + value : value - next + total;
    total = next;
  }
  return total + compensation;
}

/** Σ wᵢ·xᵢ with Neumaier's compensation (see {@link sum}). */
export function weightedSum(values: ArrayLike<number>, weights: ArrayLike<number>): number {
  let total = 0;
  let compensation = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i]! * weights[i]!;
    const next = total + value;
    compensation += Math.abs(total) >= Math.abs(value) ? total - next + value : value - next + total;
    total = next;
  }
  return total + compensation;
}
