import { expect, it, describe as suite } from 'vitest';
import { doubleArray, linearScores, nullForNaN } from '../../src/stats/scores.js';
import { expectClose } from '../helpers/expect-close.js';

// linearScores against the direct sum Σᵢ aᵢⱼ (xᵢ − cᵢ), for 1 to 9 outputs (groups of four and their
// remainders) over more rows than one block, and with data far from zero.
suite('linearScores', () => {
  const n = 1300;
  const p = 7;
  let state = 12345;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const columns = Array.from({ length: p }, () =>
    Float64Array.from({ length: n }, () => Math.floor(1 + 5 * next())),
  );
  const centres = Float64Array.from({ length: p }, () => 3 + next());

  for (const k of [1, 2, 3, 4, 5, 9]) {
    it(`${k} outputs`, () => {
      const coefficients = Float64Array.from({ length: k * p }, () => next() - 0.5);
      const out = linearScores(columns, coefficients, centres, n);
      expect(out).toHaveLength(k);
      for (let j = 0; j < k; j++) {
        expect(out[j]).toHaveLength(n);
        for (const r of [0, 1, 511, 512, 513, 1023, 1024, 1299]) {
          let direct = 0;
          for (let i = 0; i < p; i++) direct += coefficients[j * p + i]! * (columns[i]![r]! - centres[i]!);
          expectClose(out[j]![r]!, direct, 1e-14, `out[${j}][${r}]`);
        }
      }
    });
  }

  it('keeps its accuracy far from zero (centring before the products)', () => {
    const big = [
      Float64Array.from([1e9 + 1, 1e9 + 2, 1e9 + 3]),
      Float64Array.from([1e9 + 0.5, 1e9, 1e9 - 0.5]),
    ];
    const [out] = linearScores(big, Float64Array.from([1, 2]), Float64Array.from([1e9 + 2, 1e9]), 3);
    expect(out).toEqual([0, 0, 0]);
  });

  it('a missing value makes its row NaN in every output, also with a zero coefficient', () => {
    const data = [Float64Array.from([1, Number.NaN, 3]), Float64Array.from([1, 2, 3])];
    const out = linearScores(data, Float64Array.from([0, 1, 1, 1]), Float64Array.from([0, 0]), 3);
    expect(out[0]).toEqual([1, Number.NaN, 3]);
    expect(out[1]).toEqual([2, Number.NaN, 6]);
    expect(nullForNaN(out[0]!)).toEqual({ values: [1, null, 3], missing: 1 });
    const complete = [1, 2];
    expect(nullForNaN(complete).values).toBe(complete);
  });

  it('doubleArray has the requested length and holds what is written', () => {
    const a = doubleArray(3);
    a[0] = 1.5;
    a[1] = 2;
    a[2] = -3;
    expect(a).toEqual([1.5, 2, -3]);
  });
});
