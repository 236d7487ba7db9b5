import { formatValue } from '../errors.js';

function checkValues(fn: string, name: string, values: unknown): ArrayLike<number> {
  if (
    values === null ||
    typeof values !== 'object' ||
    typeof (values as ArrayLike<number>).length !== 'number'
  ) {
    throw new TypeError(`${fn}: ${name} must be an array of numbers; got ${formatValue(values)}`);
  }
  const array = values as ArrayLike<unknown>;
  for (let i = 0; i < array.length; i++) {
    const value = array[i];
    if (typeof value !== 'number') {
      throw new TypeError(
        `${fn}: ${name} must be an array of numbers; got ${formatValue(value)} at index ${i}`,
      );
    }
    if (!Number.isFinite(value)) {
      throw new RangeError(
        `${fn}: ${name} must hold finite numbers; got ${formatValue(value)} at index ${i}`,
      );
    }
  }
  return values as ArrayLike<number>;
}

/**
 * Kendall's rank correlation tau-b of two paired samples, corrected for ties:
 *
 *   τ_b = (n_c − n_d) / √((n₀ − n₁)(n₀ − n₂)),
 *
 * with n_c and n_d the numbers of concordant and discordant pairs, n₀ = n(n − 1)/2 the number of
 * pairs, n₁ = Σ t(t − 1)/2 over the groups of t tied values of x and n₂ the same for y. A pair tied in
 * x or in y is neither concordant nor discordant. Without ties τ_b is Kendall's τ_a. This is R's
 * `cor(x, y, method = "kendall")`.
 *
 * Values are compared exactly (no tolerance): equal numbers tie. The sums are over all pairs
 * (O(n²) comparisons, in exact integer arithmetic), which is fast for the sizes of rank comparisons
 * of items and methods; when x or y is constant τ_b is undefined and the result is NaN (R returns NA).
 *
 * References: Kendall, M. G. (1938). A new measure of rank correlation. Biometrika 30, 81–93.
 * Kendall, M. G. (1945). The treatment of ties in ranking problems. Biometrika 33, 239–251.
 *
 * @param x first sample
 * @param y second sample, paired with x
 * @throws {TypeError} when x or y is not an array of numbers
 * @throws {RangeError} when the lengths differ, there are fewer than 2 pairs, or a value is not finite
 * @example kendallTau([1, 2, 3, 4, 5, 6], [2, 1, 4, 3, 6, 5]) // 0.6 (R: cor(x, y, method = "kendall"))
 */
export function kendallTau(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const fn = 'kendallTau';
  const a = checkValues(fn, 'x', x);
  const b = checkValues(fn, 'y', y);
  if (a.length !== b.length) {
    throw new RangeError(`${fn}: x and y must have the same length; got ${a.length} and ${b.length}`);
  }
  const n = a.length;
  if (n < 2) throw new RangeError(`${fn}: at least 2 pairs are needed; got ${n}`);
  let score = 0; // n_c − n_d
  let tiedX = 0; // n₁
  let tiedY = 0; // n₂
  for (let i = 1; i < n; i++) {
    const xi = a[i]!;
    const yi = b[i]!;
    for (let j = 0; j < i; j++) {
      const dx = Math.sign(xi - a[j]!);
      const dy = Math.sign(yi - b[j]!);
      if (dx === 0) tiedX++;
      if (dy === 0) tiedY++;
      score += dx * dy;
    }
  }
  const pairs = (n * (n - 1)) / 2;
  // One square root of the product: exact when the two counts are equal (no ties, or the same ties).
  const denominator = Math.sqrt((pairs - tiedX) * (pairs - tiedY));
  return denominator === 0 ? Number.NaN : score / denominator;
}
