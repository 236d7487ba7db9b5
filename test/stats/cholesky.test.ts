import { readFileSync } from 'node:fs';
import { expect, it, describe as suite } from 'vitest';
import { cholesky, choleskySolve, dependenceOn, inverseFactor } from '../../src/stats/cholesky.js';
import { expectAllClose, expectClose } from '../helpers/expect-close.js';

// Reference values: R 4.2.2 chol(), solve() and diag(solve()) of cor(longley), an ill-conditioned
// correlation matrix (VIFs up to 2119) — test/fixtures/r/drivers.R. Largest relative differences
// measured: factor 2.0e-15, solution 3.9e-13, inverse diagonal 1.6e-13 (a solve of an ill-conditioned
// system loses digits on either side), so 1e-13 for the factor and 1e-11 for the solves.
const { cholesky: reference } = JSON.parse(
  readFileSync(new URL('../fixtures/r/drivers.json', import.meta.url), 'utf8'),
) as {
  cholesky: {
    matrix: number[][];
    lower: number[][];
    rhs: number[];
    solution: number[];
    inverseDiagonal: number[];
  };
};
const size = reference.matrix.length;
const flat = Float64Array.from(reference.matrix.flat());

suite('cholesky', () => {
  it('factors cor(longley) as R chol() does (transposed)', () => {
    const result = cholesky(flat, size);
    expect(result.failedAt).toBe(-1);
    const lower = Array.from({ length: size }, (_, i) =>
      Array.from({ length: size }, (_, j) => (j <= i ? result.factor[i * size + j]! : 0)),
    );
    expectAllClose(lower, reference.lower, 1e-13);
  });

  it('solves and inverts as R solve() does', () => {
    const result = cholesky(flat, size);
    expectAllClose(Array.from(choleskySolve(result, reference.rhs)), reference.solution, 1e-11);
    const inverse = inverseFactor(result);
    const diagonal = Array.from({ length: size }, (_, j) => {
      let s = 0;
      for (let k = j; k < size; k++) s += inverse[k * size + j]! ** 2;
      return s;
    });
    expectAllClose(diagonal, reference.inverseDiagonal, 1e-11);
  });

  it('stops at a variable that is a combination of those before it, and says which', () => {
    // Third variable = first + 2 · second.
    const a = [
      [1, 0.5, 2],
      [0.5, 2, 4.5],
      [2, 4.5, 11],
    ];
    const matrix = Float64Array.from(a.flat());
    const result = cholesky(matrix, 3);
    expect(result.failedAt).toBe(2);
    expect(result.pivotRatios[2]!).toBeLessThan(1e-10);
    expectAllClose(Array.from(dependenceOn(result, matrix, 2)), [1, 2], 1e-14);
    expect(cholesky(Float64Array.of(0, 0, 0, 1), 2).failedAt).toBe(0);
  });

  it('reports the pivots dⱼ themselves: their product is det A, and a failed one may be negative', () => {
    // [[4, 2], [2, 5]]: d₀ = 4, d₁ = 5 − (2 / 2)² = 4, det = 16 (by hand).
    const result = cholesky(Float64Array.of(4, 2, 2, 5), 2);
    expect(Array.from(result.pivots)).toEqual([4, 4]);
    expect(Array.from(result.pivotRatios)).toEqual([1, 0.8]);
    // [[1, 2], [2, 1]] is indefinite: d₁ = 1 − 2² = −3.
    const indefinite = cholesky(Float64Array.of(1, 2, 2, 1), 2);
    expect(indefinite.failedAt).toBe(1);
    expect(indefinite.pivots[1]).toBe(-3);
    // cor(longley): Σ log dⱼ = log det, which R's determinant() gives as the log of the squared
    // diagonal of chol(); compared with the fixture's factor.
    const longley = cholesky(flat, size);
    const logDet = Array.from(longley.pivots).reduce((a, d) => a + Math.log(d), 0);
    const expected = reference.lower.reduce((a, row, j) => a + 2 * Math.log(row[j]!), 0);
    expectClose(logDet, expected, 1e-12);
  });

  it('doc-comment examples', () => {
    expect(cholesky(Float64Array.of(4, 2, 2, 5), 2).factor).toEqual(Float64Array.of(2, 0, 1, 2));
    expect(choleskySolve(cholesky(Float64Array.of(4, 2, 2, 5), 2), [8, 9])).toEqual(
      Float64Array.of(1.375, 1.25),
    );
  });
});
