import { readFileSync } from 'node:fs';
import { expect, it, describe as suite } from 'vitest';
import { type DescribeResult, describe, parseCsv } from '../../src/index.js';
import { expectAllClose, expectClose } from '../helpers/expect-close.js';

// Reference values: R 4.2 on the bundled sample read with na.strings = c("", "NA", "99") and p_res4,
// p_emp5 reverse coded as 6 − x (what parseCsv produces), on ../shared/data/mobi.csv and on attitude:
// n, missing, mean, sd, median (R median), min, max, table of answers per scale point, top-2 / bottom-2
// shares; weighted: weighted.mean, sd from survey::svyvar's estimator n / (n − 1) · Σw(x − x̄w)² / Σw
// (formula in R), weighted shares Σw[x = k] / Σw and the weighted median by the rule documented in
// src/stats/quantile.ts. Computed by test/fixtures/r/stats.R.

interface ItemReference {
  readonly item: string;
  readonly n: number;
  readonly missing: number;
  readonly mean: number;
  readonly sd: number;
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly values: number[];
  readonly counts: number[];
  readonly shares: number[];
  readonly topBoxShare: number | null;
  readonly bottomBoxShare: number | null;
}
interface DescribeReference {
  readonly n?: number;
  readonly weights?: number[];
  readonly items: ItemReference[];
}
interface Fixture {
  readonly describe: {
    sample: DescribeReference;
    sampleWeighted: DescribeReference;
    sampleTop3: DescribeReference;
    mobi: DescribeReference;
    mobiWeighted: DescribeReference;
    attitude: DescribeReference;
  };
  readonly moments: { readonly data: { readonly attitude: { items: string[]; columns: number[][] } } };
  readonly examples: { describeTopBoxShare: number };
}
const fixture = JSON.parse(
  readFileSync(new URL('../fixtures/r/stats.json', import.meta.url), 'utf8'),
) as Fixture;

const root = new URL('../../', import.meta.url);
const definition = JSON.parse(readFileSync(new URL('examples/data/bank-survey.survey.json', root), 'utf8'));
const sample = parseCsv(readFileSync(new URL('examples/data/bank-survey.csv', root), 'utf8'), definition);
/** The numeric columns of a published data set in ../shared/data (beside the checkout). */
function sharedTable(file: string): Record<string, number[]> {
  const [header, ...lines] = readFileSync(new URL(`../shared/data/${file}`, root), 'utf8')
    .trim()
    .split('\n');
  const names = header!.split(',').map((name) => name.replaceAll('"', ''));
  const rows = lines.map((line) => line.split(','));
  return Object.fromEntries(names.map((name, c) => [name, rows.map((row) => Number(row[c]))]));
}
const mobi = sharedTable('mobi.csv');

// Measured: at most 8.9e-16 (weighted top-2 box share of p_ass2), 2.1e-16 on the standard
// deviations; means, counts, n, missing, min, max and medians exact.
const TOLERANCE = 1e-14;

function expectMatches(result: DescribeResult, reference: DescribeReference): void {
  expect(result.items.map((item) => item.item)).toEqual(reference.items.map((item) => item.item));
  result.items.forEach((actual, index) => {
    const expected = reference.items[index]!;
    const label = actual.item;
    expect(actual.n, `${label} n`).toBe(expected.n);
    expect(actual.missing, `${label} missing`).toBe(expected.missing);
    expectClose(actual.mean, expected.mean, TOLERANCE, `${label} mean`);
    expectClose(actual.sd, expected.sd, TOLERANCE, `${label} sd`);
    expect(actual.median, `${label} median`).toBe(expected.median);
    expect(actual.min, `${label} min`).toBe(expected.min);
    expect(actual.max, `${label} max`).toBe(expected.max);
    expect(
      actual.counts.map((point) => point.value),
      `${label} scale points`,
    ).toEqual(expected.values);
    expect(
      actual.counts.map((point) => point.count),
      `${label} counts`,
    ).toEqual(expected.counts);
    expectAllClose(
      actual.counts.map((point) => point.share),
      expected.shares,
      TOLERANCE,
      `${label} shares`,
    );
    if (expected.topBoxShare === null) {
      expect(actual.topBoxShare).toBeNull();
      expect(actual.bottomBoxShare).toBeNull();
    } else {
      expectClose(actual.topBoxShare!, expected.topBoxShare, TOLERANCE, `${label} top box`);
      expectClose(actual.bottomBoxShare!, expected.bottomBoxShare!, TOLERANCE, `${label} bottom box`);
    }
  });
}

suite('describe on the bundled sample (parseCsv) against R', () => {
  it('unweighted: n, missing, mean, sd, median, min, max, counts, top-2 and bottom-2 shares per item', () => {
    const result = describe(sample, { weights: false });
    expect(result.method).toBe('describe');
    expect(result.weighted).toBe(false);
    expect(result.missing).toBe('available-case');
    expect(result.n).toBe(fixture.describe.sample.n);
    expect([result.topBox, result.bottomBox]).toEqual([2, 2]);
    expectMatches(result, fixture.describe.sample);
  });

  it('weighted by the survey weights: weighted mean, svyvar sd, weighted median and shares; counts stay counts', () => {
    const result = describe(sample);
    expect(result.weighted).toBe(true);
    expectMatches(result, fixture.describe.sampleWeighted);
    // Explicit weights give the same result as the survey's own.
    expect(describe(sample, { weights: sample.weights!, items: ['overall'] }).items[0]).toEqual(
      result.items.find((item) => item.item === 'overall'),
    );
  });

  it('topBox = 3 and bottomBox = 1', () => {
    const result = describe(sample, {
      weights: false,
      items: ['p_tan1', 'overall', 'recommend'],
      topBox: 3,
      bottomBox: 1,
    });
    expect([result.topBox, result.bottomBox]).toEqual([3, 1]);
    expectMatches(result, fixture.describe.sampleTop3);
  });

  it('carries item text, dimension and scale labels from the survey definition', () => {
    const result = describe(sample, { items: ['p_res4', 'recommend'] });
    const [reverse, recommend] = result.items;
    const def = definition.items.find((item: { id: string }) => item.id === 'p_res4');
    expect(reverse!.text).toBe(def.text);
    expect(reverse!.dimension).toBe('responsiveness');
    expect(reverse!.counts.map((point) => point.label)).toEqual(definition.scale.labels);
    expect(recommend!.dimension).toBeNull();
    expect(recommend!.counts.map((point) => point.label)).toEqual(new Array(11).fill(null));
  });

  it('invariants: counts sum to n, n + missing = respondents, shares sum to 1, boxes are sums of shares', () => {
    for (const result of [describe(sample, { weights: false }), describe(sample)]) {
      for (const item of result.items) {
        expect(item.counts.reduce((total, point) => total + point.count, 0)).toBe(item.n);
        expect(item.n + item.missing).toBe(result.n);
        expectClose(
          item.counts.reduce((total, point) => total + point.share, 0),
          1,
          1e-14,
          `${item.item} shares`,
        );
        const shares = item.counts.map((point) => point.share);
        expectClose(item.topBoxShare!, shares.at(-1)! + shares.at(-2)!, 1e-15, `${item.item} top box`);
        expectClose(item.bottomBoxShare!, shares[0]! + shares[1]!, 1e-15, `${item.item} bottom box`);
        expect(item.min).toBeLessThanOrEqual(item.median);
        expect(item.median).toBeLessThanOrEqual(item.max);
      }
    }
  });

  it('reports the items missing for more than 20 % of respondents (none in the sample)', () => {
    // The sample's missing rate is about 3 % per item (examples/data/README.md).
    expect(describe(sample).warnings).toEqual([]);
  });
});

suite('describe with a columns object', () => {
  it('mobi with scale 1–10 matches R', () => {
    const result = describe(mobi, { scale: { min: 1, max: 10 } });
    expect(result.n).toBe(fixture.describe.mobi.n);
    expect(result.weighted).toBe(false);
    expectMatches(result, fixture.describe.mobi);
    expect(result.items.every((item) => item.text === null && item.dimension === null)).toBe(true);
  });

  it('mobi with weights matches R (the weighted medians of CUEX2 and PERV1 differ from the medians)', () => {
    const reference = fixture.describe.mobiWeighted;
    const result = describe(mobi, { scale: { min: 1, max: 10 }, weights: reference.weights! });
    expect(result.weighted).toBe(true);
    expectMatches(result, reference);
    const unweighted = describe(mobi, { scale: { min: 1, max: 10 }, items: ['CUEX2', 'PERV1'] });
    expect(unweighted.items.map((item) => item.median)).not.toEqual(
      result.items.filter((item) => ['CUEX2', 'PERV1'].includes(item.item)).map((item) => item.median),
    );
  });

  it('attitude without a scale: statistics but no counts or box shares (R)', () => {
    const data = fixture.moments.data.attitude;
    const columns = Object.fromEntries(data.items.map((id, c) => [id, data.columns[c]!]));
    expectMatches(describe(columns), fixture.describe.attitude);
  });

  it('rows with `columns` give the same result as the columns object', () => {
    const items = ['CUEX1', 'CUSA1', 'PERV2'];
    const rows = mobi.CUEX1!.map((_, r) => items.map((id) => mobi[id]![r]!));
    const options = { scale: { min: 1, max: 10 } };
    expect(describe(rows, { ...options, columns: items })).toEqual(describe(mobi, { ...options, items }));
  });

  it('uses the labels of the scale option', () => {
    const result = describe(
      { q: [1, 3, 3, Number.NaN] },
      { scale: { min: 1, max: 3, labels: ['no', 'maybe', 'yes'] } },
    );
    expect(result.items[0]!.counts).toEqual([
      { value: 1, label: 'no', count: 1, share: 1 / 3 },
      { value: 2, label: 'maybe', count: 0, share: 0 },
      { value: 3, label: 'yes', count: 2, share: 2 / 3 },
    ]);
  });

  it('documented example: top-2 box share of [5, 4, 4, 2, NaN] on 1–5 is 0.75', () => {
    // Source: R mean(c(5, 4, 4, 2) >= 4) = 0.75.
    const item = describe({ q1: [5, 4, 4, 2, Number.NaN] }, { scale: { min: 1, max: 5 } }).items[0]!;
    expect(item.topBoxShare).toBe(fixture.examples.describeTopBoxShare);
    expect(item.topBoxShare).toBe(0.75);
    expect([item.n, item.missing]).toEqual([4, 1]);
  });

  it('warns about items with no answers, constant answers or more than 20 % missing', () => {
    const result = describe({
      empty: [Number.NaN, Number.NaN, Number.NaN, Number.NaN, Number.NaN],
      constant: [3, 3, 3, 3, 3],
      sparse: [1, 2, Number.NaN, Number.NaN, 5],
    });
    expect(result.warnings).toEqual([
      'describe: item "empty" has no answers',
      'describe: item "empty" is missing for 5 of 5 respondents (100.0%)',
      'describe: item "constant" is constant (every answer is 3)',
      'describe: item "sparse" is missing for 2 of 5 respondents (40.0%)',
    ]);
    const empty = result.items[0]!;
    expect([empty.n, empty.mean, empty.sd, empty.median, empty.min, empty.max]).toEqual([
      0,
      Number.NaN,
      Number.NaN,
      Number.NaN,
      Number.NaN,
      Number.NaN,
    ]);
    expect(result.items[1]!.sd).toBe(0);
  });
});

suite('describe errors', () => {
  it('rejects answers off a given scale, naming the item, value and index', () => {
    expect(() => describe({ q1: [1, 2.5, 3] }, { scale: { min: 1, max: 5 } })).toThrow(
      new RangeError('describe: answers of "q1" must be whole points of the scale 1–5; got 2.5 at index 1'),
    );
    expect(() => describe({ q1: [1, Number.NaN, 7] }, { scale: { min: 1, max: 5 } })).toThrow(
      new RangeError('describe: answers of "q1" must be whole points of the scale 1–5; got 7 at index 2'),
    );
  });

  it('box sizes must be positive integers no larger than the scale', () => {
    const data = { q1: [1, 2, 3] };
    const scale = { min: 1, max: 5 };
    expect(() => describe(data, { scale, topBox: 0 })).toThrow(
      new RangeError('describe: topBox must be a positive integer; got 0'),
    );
    expect(() => describe(data, { scale, bottomBox: 1.5 })).toThrow(
      new RangeError('describe: bottomBox must be a positive integer; got 1.5'),
    );
    expect(() => describe(data, { scale, topBox: 6 })).toThrow(
      new RangeError(
        'describe: topBox and bottomBox must not exceed the 5 points of the scale of "q1"; got 6 and 2',
      ),
    );
  });

  it('scale.max must exceed scale.min', () => {
    expect(() => describe({ q1: [1] }, { scale: { min: 5, max: 5 } })).toThrow(
      new RangeError('describe: scale.max must be greater than scale.min; got 5–5'),
    );
  });

  it('unknown items, unequal columns, rows without columns and invalid weights', () => {
    expect(() => describe(sample, { items: ['p_rel1', 'nope'] })).toThrow(
      /^describe: unknown item "nope"; available are e_tan1, /,
    );
    expect(() => describe({ a: [1, 2], b: [1] })).toThrow(
      new RangeError('describe: columns must have equal lengths; got 2 for "a" and 1 for "b"'),
    );
    expect(() => describe([[1, 2]])).toThrow(
      new TypeError('describe: row data (number[][]) need options.columns to name the columns'),
    );
    // The wording after the requirement belongs to resolveData (src/survey/data.ts).
    expect(() => describe([[1, 2], [3]], { columns: ['a', 'b'] })).toThrow(
      /^describe: every row must have 2 values \(one per column\); got 1 /,
    );
    expect(() => describe({ a: [1, 2] }, { weights: [1] })).toThrow(
      new RangeError('describe: weights must have one value per respondent (2); got 1'),
    );
    expect(() => describe({ a: [1, 2] }, { weights: [1, 0] })).toThrow(
      new RangeError('describe: weights must be positive and finite; got 0 at index 1'),
    );
  });
});
