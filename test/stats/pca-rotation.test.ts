import { expect, it } from 'vitest';
import { orthogonalPolarFactor } from '../../src/stats/pca-rotation.js';
import { expectClose } from '../helpers/expect-close.js';

// The polar factor Q of B: orthogonal, Qᵀ B symmetric positive semi-definite (B = Q H), and Σ of the
// singular values = tr(Qᵀ B). Known case: B = [[0, 2], [-3, 0]] has Q = [[0, 1], [-1, 0]], σ = 3, 2.
it('orthogonalPolarFactor', () => {
  const { factor, singularValueSum } = orthogonalPolarFactor([
    [0, 2],
    [-3, 0],
  ]);
  expect(factor.map((row) => row.map((v) => v + 0))).toEqual([
    [0, 1],
    [-1, 0],
  ]);
  expectClose(singularValueSum, 5, 1e-15, 'Σσ');
  const b = [
    [2, 1, 0.5],
    [0.3, -1, 2],
    [1, 1, 1],
  ];
  const q = orthogonalPolarFactor(b).factor;
  const h = q[0]!.map((_, i) => q[0]!.map((_, j) => q.reduce((s, row, k) => s + row[i]! * b[k]![j]!, 0)));
  for (let i = 0; i < 3; i++) {
    for (let j = 0; j < 3; j++) {
      expectClose(
        q.reduce((s, row) => s + row[i]! * row[j]!, 0),
        i === j ? 1 : 0,
        1e-14,
        `QᵀQ[${i}][${j}]`,
      );
      expectClose(h[i]![j]!, h[j]![i]!, 1e-14, `H symmetric ${i}${j}`);
    }
    expect(h[i]![i]!).toBeGreaterThan(0);
  }
});
