import { expect, it, describe as suite } from 'vitest';
import { varimax } from '../../src/pca/varimax.js';
import { expectAllClose, expectClose } from '../helpers/expect-close.js';
import { fixture } from './fixture.js';

// Reference values: R 4.2 stats::varimax (Kaiser normalisation), continued to full convergence on the
// unrotated loadings of the PCA cases, and varimax(L, eps = 1e-14) on a small 4 × 2 matrix; columns
// ordered by sum of squares and signed by the sign rule — test/fixtures/r/pca.R.

const multiply = (a: number[][], b: number[][]) =>
  a.map((row) => b[0]!.map((_, j) => row.reduce((s, v, k) => s + v * b[k]![j]!, 0)));

suite('varimax against R', () => {
  for (const reference of fixture.cases.filter((c) => c.rotated !== undefined)) {
    it(reference.name, () => {
      const result = varimax(reference.loadings);
      expect(result.converged).toBe(true);
      // Measured: 2.3e-11 (mtcars covariance), below 1e-12 elsewhere.
      expectAllClose(result.loadings, reference.rotated!.convergedLoadings, 1e-10, 'loadings');
      expectAllClose(result.rotationMatrix, reference.rotated!.convergedRotationMatrix, 1e-10, 'T');
      expectAllClose(result.sumsOfSquares, reference.rotated!.sumsOfSquares, 2e-6, 'sums of squares');
    });
  }

  it('the doc-comment example (R: varimax(L, eps = 1e-14))', () => {
    const result = varimax([
      [0.8, 0.3],
      [0.7, 0.4],
      [0.3, 0.8],
      [0.2, 0.7],
    ]);
    expect(result.loadings[0]!.map((l) => Number(l.toFixed(4)))).toEqual([0.8149, 0.2569]);
    // R stops on its criterion's growth: measured 2.2e-7 from the converged rotation here.
    expectAllClose(result.loadings, fixture.small.varimax, 1e-6, 'loadings');
  });
});

suite('varimax invariants', () => {
  const loadings = fixture.cases.find((c) => c.name.startsWith('bfi, 25 items, pairwise'))!.loadings;
  const result = varimax(loadings);

  it('rotates orthogonally: TᵀT = I, rotated = L · T, communalities unchanged', () => {
    const t = result.rotationMatrix;
    const m = t.length;
    for (let a = 0; a < m; a++) {
      for (let b = 0; b < m; b++) {
        expectClose(
          t.reduce((s, row) => s + row[a]! * row[b]!, 0),
          a === b ? 1 : 0,
          1e-13,
          `TᵀT[${a}][${b}]`,
        );
      }
    }
    expectAllClose(multiply(loadings, t), result.loadings, 1e-13, 'L · T');
    loadings.forEach((row, i) => {
      expectClose(
        result.loadings[i]!.reduce((s, l) => s + l * l, 0),
        row.reduce((s, l) => s + l * l, 0),
        1e-13,
        `communality ${i}`,
      );
    });
  });

  it('orders by sum of squares and signs each column by its largest loading', () => {
    const sums = result.sumsOfSquares;
    sums.slice(1).forEach((s, j) => {
      expect(s).toBeLessThanOrEqual(sums[j]!);
    });
    for (let j = 0; j < sums.length; j++) {
      const column = result.loadings.map((row) => row[j]!);
      expect(column.reduce((a, b) => (Math.abs(b) > Math.abs(a) ? b : a), 0)).toBeGreaterThan(0);
    }
  });

  it('increases the varimax criterion over the unrotated loadings', () => {
    const criterion = (l: number[][]) => {
      const h = l.map((row) => Math.sqrt(row.reduce((s, v) => s + v * v, 0)));
      const z = l.map((row, i) => row.map((v) => v / h[i]!));
      return z[0]!.reduce((total, _, j) => {
        const squares = z.map((row) => row[j]! ** 2);
        const mean = squares.reduce((a, b) => a + b, 0) / squares.length;
        return total + squares.reduce((a, b) => a + (b - mean) ** 2, 0) / squares.length;
      }, 0);
    };
    expect(criterion(result.loadings)).toBeGreaterThan(criterion(loadings));
  });

  it('without normalisation, and with a single component', () => {
    const raw = varimax(loadings, { normalize: false });
    expect(raw.normalize).toBe(false);
    expect(raw.converged).toBe(true);
    expectAllClose(multiply(loadings, raw.rotationMatrix), raw.loadings, 1e-13, 'L · T');
    const one = varimax([[-0.5], [-0.8], [0.3]]);
    expect(one.loadings).toEqual([[0.5], [0.8], [-0.3]]);
    expect(one.rotationMatrix).toEqual([[-1]]);
    expect(one.iterations).toBe(0);
  });

  it('reports non-convergence', () => {
    const short = varimax(loadings, { maxIterations: 2 });
    expect(short.converged).toBe(false);
    expect(short.warnings).toEqual(['varimax: did not converge in 2 iterations (tolerance 1e-12)']);
  });

  it('checks its input', () => {
    expect(() => varimax([] as number[][])).toThrow(
      new TypeError('varimax: loadings must be a matrix (items × components); got an array of length 0'),
    );
    expect(() => varimax([[1, 2], [3]])).toThrow(
      new RangeError('varimax: every row of loadings must have 2 values; got 1 in row 1'),
    );
    expect(() => varimax([[1, Number.NaN]])).toThrow(
      new RangeError('varimax: loadings must be finite numbers; got NaN at [0][1]'),
    );
    expect(() => varimax([[1, 0]], { tolerance: 0 })).toThrow(
      new RangeError('varimax: tolerance must be positive; got 0'),
    );
  });
});
