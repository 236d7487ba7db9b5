import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { median, quantile, weightedMedian } from '../../src/stats/quantile.js';
import { sharedColumn } from '../helpers/data.js';
import { expectAllClose, expectClose } from '../helpers/expect-close.js';

// Reference values: R 4.2 quantile(x, p, type = 7) and median(x); the weighted median by the rule
// documented in src/stats/quantile.ts, implemented independently in R (weighted_median in
// test/fixtures/r/stats.R: order, cumulative normalised weights, first reaching 1/2 − 1e-12, mean with
// the next value when within 1e-12 of 1/2).

interface QuantileCase {
  readonly name: string;
  readonly source: 'mobi' | 'bank_satisfaction' | 'attitude' | 'inline';
  readonly column: string;
  readonly values?: number[];
  readonly probabilities: number[];
  readonly quantiles: number[];
  readonly median: number;
}
interface WeightedMedianCase {
  readonly name: string;
  readonly values: number[];
  readonly weights: number[];
  readonly weightedMedian: number;
  readonly median: number;
}
interface Fixture {
  readonly quantiles: QuantileCase[];
  readonly weightedMedians: WeightedMedianCase[];
  readonly moments: { readonly data: { readonly attitude: { items: string[]; columns: number[][] } } };
  readonly examples: { quantile: number; median: number; weightedMedian: number };
}
const fixture = JSON.parse(
  readFileSync(new URL('../fixtures/r/stats.json', import.meta.url), 'utf8'),
) as Fixture;

function caseValues(c: QuantileCase): number[] {
  switch (c.source) {
    case 'mobi':
      return sharedColumn('mobi.csv', c.column);
    case 'bank_satisfaction':
      return sharedColumn('bank_satisfaction.csv', c.column);
    case 'attitude': {
      const data = fixture.moments.data.attitude;
      return data.columns[data.items.indexOf(c.column)]!;
    }
    case 'inline':
      return c.values!;
  }
}

// R interpolates as (1 − h)·x₍ⱼ₎ + h·x₍ⱼ₊₁₎, the code as x₍ⱼ₎ + h·(x₍ⱼ₊₁₎ − x₍ⱼ₎): the roundings differ
// by a few ulps. Measured: at most 1.1e-15 (quantile(c(7, −3), 0.24), R −0.6000000000000003) and
// 8.9e-16 absolute at p = 0.3, where the value cancels to 0 (R 8.9e-16, here 0).
const TOLERANCE = 2e-15;

describe('quantile (type 7)', () => {
  it.each(fixture.quantiles.map((c) => [c.name, c] as const))(
    'matches R quantile(type = 7) on %s',
    (_, c) => {
      const values = caseValues(c);
      const actual = c.probabilities.map((p) => quantile(values, p));
      expectAllClose(actual, c.quantiles, TOLERANCE, c.name);
    },
  );

  it.each(fixture.quantiles.map((c) => [c.name, c] as const))('median matches R median on %s', (_, c) => {
    const values = caseValues(c);
    expectClose(median(values), c.median, TOLERANCE, c.name);
    expectClose(quantile(values, 0.5), c.median, TOLERANCE, c.name);
  });

  it.each(fixture.quantiles.map((c) => [c.name, c] as const))(
    'is the minimum at 0, the maximum at 1 and non-decreasing in p on %s',
    (_, c) => {
      const values = caseValues(c);
      expect(quantile(values, 0)).toBe(Math.min(...values));
      expect(quantile(values, 1)).toBe(Math.max(...values));
      const q = c.probabilities.map((p) => quantile(values, p));
      for (let k = 1; k < q.length; k++) {
        if (c.probabilities[k]! > c.probabilities[k - 1]!) expect(q[k]!).toBeGreaterThanOrEqual(q[k - 1]!);
      }
    },
  );

  it('documented examples: quantile(1..10, 0.25) = 3.25 and median([3, 1, 4, 1, 5]) = 3', () => {
    // Source: R quantile(1:10, 0.25) = 3.25, median(c(3, 1, 4, 1, 5)) = 3.
    expect(quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.25)).toBe(fixture.examples.quantile);
    expect(fixture.examples.quantile).toBe(3.25);
    expect(median([3, 1, 4, 1, 5])).toBe(fixture.examples.median);
    expect(fixture.examples.median).toBe(3);
  });

  it('does not reorder its input and accepts typed arrays', () => {
    const values = [5, 1, 4, 2, 3];
    expect(quantile(values, 0.3)).toBe(2.2); // R: quantile(c(5, 1, 4, 2, 3), 0.3) = 2.2
    expect(values).toEqual([5, 1, 4, 2, 3]);
    expect(median(Float64Array.from(values))).toBe(3);
  });

  it('is NaN for no values or any NaN (as R quantile without na.rm)', () => {
    expect(quantile([], 0.5)).toBeNaN();
    expect(quantile([1, Number.NaN, 3], 0.5)).toBeNaN();
    expect(median([])).toBeNaN();
  });

  it('rejects p outside [0, 1] with a RangeError naming p', () => {
    expect(() => quantile([1, 2], 1.5)).toThrow(new RangeError('quantile: p must be within [0, 1]; got 1.5'));
    expect(() => quantile([1, 2], -0.1)).toThrow(
      new RangeError('quantile: p must be within [0, 1]; got -0.1'),
    );
    expect(() => quantile([1, 2], Number.NaN)).toThrow(
      new RangeError('quantile: p must be within [0, 1]; got NaN'),
    );
  });
});

describe('weightedMedian', () => {
  it.each(fixture.weightedMedians.map((c) => [c.name, c] as const))(
    'follows the documented rule (R implementation) on %s',
    (_, c) => {
      expectClose(weightedMedian(c.values, c.weights), c.weightedMedian, 1e-15, c.name);
    },
  );

  it('equals the ordinary median with equal weights (R median)', () => {
    for (const c of fixture.quantiles) {
      const values = caseValues(c);
      expectClose(
        weightedMedian(
          values,
          values.map(() => 3),
        ),
        c.median,
        1e-15,
        c.name,
      );
    }
  });

  it('documented example: weightedMedian([1, 2, 3], [1, 1, 5]) = 3', () => {
    // Source: the R implementation of the rule (cumulative weights 1/7, 2/7, 1 reach 1/2 at 3).
    expect(weightedMedian([1, 2, 3], [1, 1, 5])).toBe(fixture.examples.weightedMedian);
    expect(fixture.examples.weightedMedian).toBe(3);
  });

  it('is NaN for no values or any NaN, and rejects weights of another length', () => {
    expect(weightedMedian([], [])).toBeNaN();
    expect(weightedMedian([1, Number.NaN], [1, 1])).toBeNaN();
    expect(() => weightedMedian([1, 2, 3], [1, 1])).toThrow(
      new RangeError('weightedMedian: weights must have one value per observation (3); got 2'),
    );
  });
});
