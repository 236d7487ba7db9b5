import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { moments } from '../../src/stats/moments.js';

// Whole-number blocks go through the packed integer kernel (several columns per double, exact by
// a Cauchy–Schwarz bound on every lane). Reference: the exact co-moments of the same integers in
// BigInt arithmetic, n·Σxy − Σx·Σy over the complete rows, divided once. The kernel's result is
// exact before one division, and the blocks are merged in floating point, so the tolerance is
// 1e-13 relative to √(CᵢᵢCⱼⱼ) (a plain relative error on near-zero covariances is meaningless).

function exactCovariance(columns: readonly Float64Array[], i: number, j: number) {
  let n = 0n;
  let sx = 0n;
  let sy = 0n;
  let sxy = 0n;
  const rows = columns[0]!.length;
  for (let r = 0; r < rows; r++) {
    if (columns.some((column) => Number.isNaN(column[r]!))) continue;
    const x = BigInt(columns[i]![r]!);
    const y = BigInt(columns[j]![r]!);
    n++;
    sx += x;
    sy += y;
    sxy += x * y;
  }
  return { n: Number(n), value: Number(n * sxy - sx * sy) / Number(n * (n - 1n)) };
}

const ranges = [
  [1, 5],
  [0, 10],
  [1, 100],
  [-1000, 1000],
  [0, 2 ** 20],
  [2 ** 40, 2 ** 40 + 3],
] as const;

describe('moments on whole numbers (packed integer kernel)', () => {
  it('equals the exact BigInt co-moments for any range, p, n and missing answers', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: ranges.length - 1 }),
        fc.integer({ min: 1, max: 13 }),
        fc.integer({ min: 3, max: 1600 }),
        fc.double({ min: 0, max: 0.02, noNaN: true }),
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        (rangeIndex, p, n, missingRate, seed) => {
          const [low, high] = ranges[rangeIndex]!;
          let state = seed;
          const random = () => {
            state = (state * 48271) % 2147483647;
            return state / 2147483647;
          };
          const columns = Array.from({ length: p }, () => {
            const column = new Float64Array(n);
            for (let r = 0; r < n; r++) {
              column[r] = random() < missingRate ? Number.NaN : low + Math.floor(random() * (high - low + 1));
            }
            return column;
          });
          const table = Object.fromEntries(columns.map((column, c) => [`x${c}`, column]));
          const m = moments(table);
          const reference = exactCovariance(columns, 0, 0);
          expect(m.n).toBe(reference.n);
          if (m.n < 2) return;
          const covariance = m.covariance();
          const scale = (i: number) => Math.sqrt(Math.abs(exactCovariance(columns, i, i).value)) || 1;
          for (let i = 0; i < p; i++) {
            for (let j = i; j < p; j++) {
              const expected = exactCovariance(columns, i, j).value;
              const bound = 1e-13 * scale(i) * scale(j);
              expect(
                Math.abs(covariance[i]![j]! - expected),
                `cov[${i}][${j}] ${covariance[i]![j]} vs ${expected}`,
              ).toBeLessThanOrEqual(bound);
            }
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
