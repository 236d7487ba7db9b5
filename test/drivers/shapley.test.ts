import { expect, it, describe as suite } from 'vitest';
import { EXACT_SHAPLEY_LIMIT, shapleyRSquared } from '../../src/drivers/shapley.js';
import { Random } from '../../src/stats/random.js';
import { expectAllClose, expectClose } from '../helpers/expect-close.js';

/** A random correlation matrix: the correlations of `rows` normal draws of `size` variables with a common factor. */
function randomCorrelation(size: number, seed: number, rows = 60): Float64Array {
  const random = new Random(seed);
  const data = Array.from({ length: rows }, () => {
    const common = random.normal();
    return Array.from({ length: size }, () => 0.6 * common + random.normal());
  });
  const means = Array.from({ length: size }, (_, j) => data.reduce((a, row) => a + row[j]!, 0) / rows);
  const out = new Float64Array(size * size);
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) {
      let sij = 0;
      let sii = 0;
      let sjj = 0;
      for (const row of data) {
        sij += (row[i]! - means[i]!) * (row[j]! - means[j]!);
        sii += (row[i]! - means[i]!) ** 2;
        sjj += (row[j]! - means[j]!) ** 2;
      }
      out[i * size + j] = sij / Math.sqrt(sii * sjj);
    }
  }
  return out;
}

/** R² of the outcome (last) on a subset of drivers, by Gaussian elimination on the subset's system. */
function rSquared(correlation: Float64Array, size: number, members: number[]): number {
  const k = members.length;
  if (k === 0) return 0;
  const a = members.map((i) => [
    ...members.map((j) => correlation[i * size + j]!),
    correlation[i * size + size - 1]!,
  ]);
  for (let c = 0; c < k; c++) {
    for (let r = c + 1; r < k; r++) {
      const f = a[r]![c]! / a[c]![c]!;
      for (let q = c; q <= k; q++) a[r]![q] = a[r]![q]! - f * a[c]![q]!;
    }
  }
  const beta = new Array<number>(k).fill(0);
  for (let r = k - 1; r >= 0; r--) {
    let s = a[r]![k]!;
    for (let q = r + 1; q < k; q++) s -= a[r]![q]! * beta[q]!;
    beta[r] = s / a[r]![r]!;
  }
  return members.reduce((total, i, m) => total + beta[m]! * correlation[i * size + size - 1]!, 0);
}

/** The Shapley value by its definition: all 2^p subsets, one solve each, the textbook weights. */
function bruteForce(correlation: Float64Array, p: number): number[] {
  const size = p + 1;
  const values = new Float64Array(2 ** p);
  for (let mask = 1; mask < 2 ** p; mask++) {
    values[mask] = rSquared(
      correlation,
      size,
      Array.from({ length: p }, (_, j) => j).filter((j) => mask & (1 << j)),
    );
  }
  const factorial = (n: number): number => (n <= 1 ? 1 : n * factorial(n - 1));
  return Array.from({ length: p }, (_, j) => {
    let total = 0;
    for (let mask = 0; mask < 2 ** p; mask++) {
      if (mask & (1 << j)) continue;
      let s = 0;
      for (let b = mask; b > 0; b >>= 1) s += b & 1;
      total +=
        ((factorial(s) * factorial(p - s - 1)) / factorial(p)) * (values[mask | (1 << j)]! - values[mask]!);
    }
    return total;
  });
}

// An independent implementation (a linear solve per subset and the definition's weights) is the
// reference; R's subset enumeration is compared in relative-importance.test.ts.
suite('shapleyRSquared', () => {
  for (const p of [1, 2, 3, 5, 8, 11]) {
    it(`equals the definition for ${p} drivers`, () => {
      const correlation = randomCorrelation(p + 1, 100 + p);
      const exact = bruteForce(correlation, p);
      const result = shapleyRSquared(correlation, p);
      expectAllClose(Array.from(result), exact, 1e-12);
      expectClose(
        result.reduce((a, b) => a + b, 0),
        rSquared(
          correlation,
          p + 1,
          Array.from({ length: p }, (_, j) => j),
        ),
        1e-13,
        'Σ = R²',
      );
    });
  }

  it('keeps Σ importance = R² with many drivers (20)', () => {
    const p = 20;
    const correlation = randomCorrelation(p + 1, 7, 200);
    const result = shapleyRSquared(correlation, p);
    const full = rSquared(
      correlation,
      p + 1,
      Array.from({ length: p }, (_, j) => j),
    );
    expectClose(
      result.reduce((a, b) => a + b, 0),
      full,
      1e-12,
    );
    expect(result.every((value) => value > -1e-15)).toBe(true);
  });

  it('states its limit', () => {
    expect(EXACT_SHAPLEY_LIMIT).toBe(30);
  });
});
