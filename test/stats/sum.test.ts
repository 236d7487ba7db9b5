import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sum, weightedSum } from '../../src/stats/sum.js';
import { bankSample, caseData as sharedCaseData, sharedColumn } from '../helpers/data.js';
import { expectClose, expectRelative } from '../helpers/expect-close.js';

// Reference values: R 4.2 `sum` (long-double accumulation), computed by test/fixtures/r/stats.R.

interface DescriptiveCase {
  readonly name: string;
  readonly source: 'mobi' | 'bank_satisfaction' | 'attitude' | 'sample' | 'inline';
  readonly column: string;
  readonly values?: number[];
  readonly weights?: number[];
  readonly n: number;
  readonly sum: number;
  readonly weightedSum?: number;
}
interface Fixture {
  readonly descriptive: DescriptiveCase[];
  readonly moments: { readonly data: { readonly attitude: { items: string[]; columns: number[][] } } };
}
const fixture = JSON.parse(
  readFileSync(new URL('../fixtures/r/stats.json', import.meta.url), 'utf8'),
) as Fixture;

const _sample = bankSample();
const caseData = (c: DescriptiveCase) => sharedCaseData(c, fixture.moments.data.attitude);

describe('sum', () => {
  it.each(fixture.descriptive.map((c) => [c.name, c] as const))('matches R sum on %s', (_, c) => {
    const { values } = caseData(c);
    expect(values.length).toBe(c.n);
    // Both are accurate to about one rounding of the exact sum; measured difference 0.
    expectRelative(sum(values), c.sum, 1e-15, c.name);
    expectRelative(sum(Float64Array.from(values)), c.sum, 1e-15, `${c.name} (Float64Array)`);
  });

  it('keeps the small terms that a plain loop loses (documented example)', () => {
    // Source: exact arithmetic, 1e100 + 1 − 1e100 = 1. (R's long-double sum gives 0 here.)
    expect(sum([1e100, 1, -1e100])).toBe(1);
    // Exact: 1e16 + 1 + 1 − 1e16 = 2; a plain loop rounds 1e16 + 1 back to 1e16 twice.
    expect(sum([1e16, 1, 1, -1e16])).toBe(2);
  });

  it('is 0 for no values and propagates NaN (as R: sum(numeric(0)) = 0, sum(c(1, NaN)) = NaN)', () => {
    expect(sum([])).toBe(0);
    expect(sum([1, Number.NaN, 2])).toBeNaN();
  });

  it('is within two roundings of the exact sum under heavy cancellation (BigInt reference)', () => {
    // Values k · 2^e with |k| < 2^20 and e in [−20, 60] are exact doubles, so their exact sum is a
    // BigInt multiple of 2^−20. Large values are followed later by their negations, with small values
    // in between, so the exact sum is far smaller than the terms. Neumaier's bound:
    // |ŝ − s| ≤ 2u|s| + O(n u²) Σ|x|, u = 2^−53 (a plain loop fails it on most of these inputs).
    const term = (minExponent: number, maxExponent: number) =>
      fc.record({
        k: fc.integer({ min: -(2 ** 20), max: 2 ** 20 }),
        e: fc.integer({ min: minExponent, max: maxExponent }),
      });
    const data = fc.record({
      big: fc.array(term(30, 60), { minLength: 1, maxLength: 30 }),
      small: fc.array(term(-20, 10), { minLength: 1, maxLength: 30 }),
    });
    fc.assert(
      fc.property(data, ({ big, small }) => {
        const terms = [
          ...big.flatMap((b, i) => (i < small.length ? [b, small[i]!] : [b])),
          ...small.slice(big.length),
          ...big.map(({ k, e }) => ({ k: -k, e })),
        ];
        const values = terms.map(({ k, e }) => k * 2 ** e);
        const exact = terms.reduce((total, { k, e }) => total + BigInt(k) * 2n ** BigInt(e + 20), 0n);
        const expected = Number(exact) / 2 ** 20;
        const u = 2 ** -53;
        const magnitude = values.reduce((total, x) => total + Math.abs(x), 0);
        const bound = 2 * u * Math.abs(expected) + 4 * values.length * u * u * magnitude;
        const actual = sum(values);
        const difference = Math.abs(actual - expected);
        if (!(difference <= bound)) {
          expect.fail(`actual ${actual}, expected ${expected}, difference ${difference}, tolerance ${bound}`);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('weightedSum', () => {
  const weighted = fixture.descriptive.filter((c) => c.weightedSum !== undefined);

  it.each(weighted.map((c) => [c.name, c] as const))('matches R sum(w * x) on %s', (_, c) => {
    const { values, weights } = caseData(c);
    expectRelative(weightedSum(values, weights!), c.weightedSum!, 1e-15, c.name);
  });

  it('equals sum when every weight is 1 (invariant)', () => {
    const values = sharedColumn('mobi.csv', 'CUSA3');
    expect(
      weightedSum(
        values,
        values.map(() => 1),
      ),
    ).toBe(sum(values));
  });

  it('compensates the products as sum compensates the terms', () => {
    // Exact arithmetic: 1e100·1 + 1·1 − 1e100·1 = 1, and 2·0.25 + 4·0.5 = 2.5.
    expect(weightedSum([1e100, 1, -1e100], [1, 1, 1])).toBe(1);
    expectClose(weightedSum([2, 4], [0.25, 0.5]), 2.5, 1e-15, 'hand-computed 2·0.25 + 4·0.5');
  });
});
