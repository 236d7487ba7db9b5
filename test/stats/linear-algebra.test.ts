import { expect, it, describe as suite } from 'vitest';
import {
  covarianceToCorrelation,
  inverseSymmetricPositiveDefinite,
  squaredMultipleCorrelations,
  symmetricEigen,
} from '../../src/stats/linear-algebra.js';
import { statsFixture } from '../helpers/data.js';
import { expectAllClose, expectClose } from '../helpers/expect-close.js';

// Reference values: R 4.2 eigen(cor(attitude), symmetric = TRUE) (LAPACK dsyevr), solve() and the
// squared multiple correlations 1 − 1 / diag(solve(R)). Computed by test/fixtures/r/stats.R.
// Eigenvalues agree to 3e-15 relative; eigenvectors are compared up to sign (each algorithm leaves
// its own), to 1e-12 (the smallest eigenvalue gap is 0.07, so vectors carry a few ulps more error).

interface Fixture {
  readonly linearAlgebra: {
    correlation: number[][];
    eigenvalues: number[];
    eigenvectors: number[][];
    inverse: number[][];
    smc: number[];
  };
}
const reference = statsFixture<Fixture>().linearAlgebra;

suite('symmetricEigen', () => {
  it('matches R eigen on the attitude correlation matrix', () => {
    const { values, vectors } = symmetricEigen(reference.correlation);
    expectAllClose(values, reference.eigenvalues, 1e-13, 'eigenvalues');
    for (let j = 0; j < values.length; j++) {
      const ours = vectors.map((row) => row[j]!);
      const theirs = reference.eigenvectors.map((row) => row[j]!);
      const sign = Math.sign(ours.reduce((a, v, i) => a + v * theirs[i]!, 0));
      expectAllClose(
        ours.map((v) => sign * v),
        theirs,
        1e-12,
        `vector ${j}`,
      );
    }
  });

  it('returns decreasing eigenvalues with orthonormal vectors: VᵀV = I and AV = VΛ', () => {
    const a = [
      [4, 1, 2],
      [1, 3, 0.5],
      [2, 0.5, 5],
    ];
    const { values, vectors } = symmetricEigen(a);
    expect([...values].sort((x, y) => y - x)).toEqual(values);
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) {
        const dot = vectors.reduce((s, row) => s + row[i]! * row[j]!, 0);
        expectClose(dot, i === j ? 1 : 0, 1e-14, `VᵀV[${i}][${j}]`);
        const av = a[i]!.reduce((s, value, k) => s + value * vectors[k]![j]!, 0);
        expectClose(av, values[j]! * vectors[i]![j]!, 1e-14, `AV[${i}][${j}]`);
      }
    }
    expectClose(
      values.reduce((s, v) => s + v, 0),
      12,
      1e-15,
      'trace',
    );
  });
});

suite('inverse, squared multiple correlations, cov2cor', () => {
  it('match R solve() and 1 − 1/diag(R⁻¹)', () => {
    expectAllClose(inverseSymmetricPositiveDefinite(reference.correlation), reference.inverse, 1e-12);
    expectAllClose(squaredMultipleCorrelations(reference.correlation), reference.smc, 1e-12);
  });

  it('return null for singular and indefinite matrices', () => {
    // The third variable is the sum of the first two (exactly singular up to rounding).
    const singular = covarianceToCorrelation([
      [1, 0.3, 1.3],
      [0.3, 1, 1.3],
      [1.3, 1.3, 2.6],
    ]);
    expect(inverseSymmetricPositiveDefinite(singular)).toBeNull();
    expect(
      squaredMultipleCorrelations([
        [1, 0.9, -0.9],
        [0.9, 1, 0.9],
        [-0.9, 0.9, 1],
      ]),
    ).toBeNull();
  });

  it('cov2cor is exactly symmetric with a unit diagonal', () => {
    const r = covarianceToCorrelation([
      [2, 0.7, 0.3],
      [0.7, 3, 1.1],
      [0.3, 1.1, 5],
    ]);
    expect(r).toHaveLength(3);
    r.forEach((row, i) => {
      expect(row[i]).toBe(1);
      row.forEach((value, j) => {
        expect(value).toBe(r[j]![i]);
      });
    });
    expectClose(r[0]![1]!, 0.7 / Math.sqrt(6), 1e-15);
  });
});
