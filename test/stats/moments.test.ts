import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { datasetMoments, type MissingPolicy, Moments, moments } from '../../src/stats/moments.js';
import { resolveData, type SurveyData } from '../../src/survey/data.js';
import { bankSample } from '../helpers/data.js';
import { expectAllClose, expectClose } from '../helpers/expect-close.js';

// Reference values: R 4.2 cov and cor with use = "complete.obs" (listwise) and
// "pairwise.complete.obs", colMeans, complete.cases and crossprod(!is.na(x)) for the pair counts;
// weighted: cov.wt(x, wt = w / sum(w), method = "ML")$cov · n / (n − 1) (survey::svyvar's convention)
// and cov2cor, per pair of items for pairwise deletion. Computed by test/fixtures/r/stats.R.

interface MatrixData {
  readonly items: string[];
  readonly columns: (number | null)[][];
  readonly weights?: number[];
}
interface MomentsCase {
  readonly name: string;
  readonly source: 'mobi' | 'bank_satisfaction' | 'attitude' | 'sample' | 'inline';
  readonly items: string[];
  readonly missing: MissingPolicy;
  readonly weighted: boolean;
  readonly data?: 'injected' | 'offset' | 'blocks' | 'integers' | 'largeIntegers';
  readonly rowsRead: number;
  readonly n: number;
  readonly dropped: number;
  readonly pairCounts: number[][];
  readonly means: number[];
  readonly variances: number[];
  readonly covariance: number[][];
  readonly correlation: (number | null)[][];
}
interface Fixture {
  readonly moments: {
    readonly data: Record<
      'injected' | 'offset' | 'blocks' | 'integers' | 'largeIntegers' | 'attitude',
      MatrixData
    >;
    readonly cases: MomentsCase[];
  };
  readonly examples: { momentsCorrelation: number };
}
const fixture = JSON.parse(
  readFileSync(new URL('../fixtures/r/stats.json', import.meta.url), 'utf8'),
) as Fixture;

const root = new URL('../../', import.meta.url);
/** The numeric columns of a published data set in ../shared/data (beside the checkout). */
function sharedTable(file: string): Record<string, number[]> {
  const [header, ...lines] = readFileSync(new URL(`../shared/data/${file}`, root), 'utf8')
    .trim()
    .split('\n');
  const names = header!.split(',').map((name) => name.replaceAll('"', ''));
  const rows = lines.map((line) => line.split(','));
  const table: Record<string, number[]> = {};
  names.forEach((name, c) => {
    const values = rows.map((row) => Number(row[c]));
    if (values.every((value) => !Number.isNaN(value))) table[name] = values;
  });
  return table;
}
const mobi = sharedTable('mobi.csv');
const bank = sharedTable('bank_satisfaction.csv');
const sample = bankSample();
function table(data: MatrixData): Record<string, (number | null)[]> {
  return Object.fromEntries(data.items.map((id, c) => [id, data.columns[c]!]));
}

/** The data and options that reproduce a fixture case. */
function caseInput(c: MomentsCase): { data: SurveyData; weights: ArrayLike<number> | false | undefined } {
  switch (c.source) {
    case 'mobi':
      return { data: mobi, weights: undefined };
    case 'bank_satisfaction':
      return { data: bank, weights: undefined };
    case 'attitude': {
      // Rows with `columns`, the third accepted form.
      const data = fixture.moments.data.attitude;
      const rows = data.columns[0]!.map((_, r) => data.columns.map((column) => column[r]!));
      return { data: rows, weights: undefined };
    }
    case 'sample':
      // Responses carry the survey weights; `false` ignores them.
      return { data: sample, weights: c.weighted ? undefined : false };
    case 'inline': {
      const data = fixture.moments.data[c.data!];
      return { data: table(data), weights: c.weighted ? data.weights : undefined };
    }
  }
}
function momentsOf(c: MomentsCase): Moments {
  const { data, weights } = caseInput(c);
  return moments(data, {
    items: c.items,
    missing: c.missing,
    ...(c.source === 'attitude' ? { columns: c.items } : {}),
    ...(weights === undefined ? {} : { weights }),
  });
}

// Measured: at most 1.1e-14 relative elsewhere (pairwise, whole numbers). On the 1e9-offset data
// (condition number |mean| / sd = 1e9) the two-pass sums without a correction term for the rounded
// means lose more: measured 1.1e-13 (pairwise) and 2.9e-14 (listwise; 1.6e-12 with an earlier
// version of the block kernel), against a bound of order (κ·√n·u)² ≈ 1e-11.
const OFFSET_TOLERANCE = 1e-11;
const TOLERANCE = 1e-13;
const cases = fixture.moments.cases.map((c) => [c.name, c] as const);

describe('moments against R cov / cor', () => {
  it.each(cases)('%s: n, dropped and pair counts', (_, c) => {
    const m = momentsOf(c);
    expect(m.items).toEqual(c.items);
    expect(m.missing).toBe(c.missing);
    expect(m.weighted).toBe(c.weighted);
    expect(m.rowsRead).toBe(c.rowsRead);
    expect(m.n).toBe(c.n);
    expect(m.dropped).toBe(c.dropped);
    expect(m.pairCounts()).toEqual(c.pairCounts);
  });

  it.each(cases)('%s: means, variances, covariance and correlation', (_, c) => {
    const m = momentsOf(c);
    const tolerance = c.data === 'offset' ? OFFSET_TOLERANCE : TOLERANCE;
    expectAllClose(m.means(), c.means, 1e-14, 'means');
    expectAllClose(m.variances(), c.variances, tolerance, 'variances');
    expectAllClose(m.standardDeviations(), c.variances.map(Math.sqrt), tolerance, 'standard deviations');
    expectAllClose(m.covariance(), c.covariance, tolerance, 'covariance');
    expectAllClose(m.correlation(), c.correlation, tolerance, 'correlation');
  });

  it.each(cases)('%s: correlation has a unit diagonal and is symmetric; covariance is symmetric', (_, c) => {
    const m = momentsOf(c);
    const r = m.correlation();
    const s = m.covariance();
    const counts = m.pairCounts();
    for (let i = 0; i < c.items.length; i++) {
      expect(r[i]![i]).toBe(1);
      for (let j = 0; j < i; j++) {
        expect(r[i]![j]).toBe(r[j]![i]);
        expect(s[i]![j]).toBe(s[j]![i]);
        expect(counts[i]![j]).toBe(counts[j]![i]);
        expect(Math.abs(r[i]![j]!)).toBeLessThanOrEqual(1);
      }
    }
    if (c.missing === 'listwise') expect(m.n + m.dropped).toBe(m.rowsRead);
  });

  it('documented example: the correlation of a = [1, 2, 3, 4] and b = [2, 4, 5, 9]', () => {
    // Source: R cor(c(1, 2, 3, 4), c(2, 4, 5, 9)) = 0.96476382123773219 (= 11 / √130). The doc comment
    // states 0.9594032236002469, which is not this correlation.
    const m = moments({ a: [1, 2, 3, 4], b: [2, 4, 5, 9] });
    expectClose(m.correlation()[0]![1]!, fixture.examples.momentsCorrelation, 1e-15, 'cor(a, b)');
    expectClose(m.correlation()[0]![1]!, 11 / Math.sqrt(130), 1e-15, '11 / √130');
  });

  it('accepts null as missing in columns (as NaN)', () => {
    const withNull = moments({ a: [1, 2, null, 4, 5], b: [2, 1, 7, 3, 9] });
    const withNaN = moments({ a: [1, 2, Number.NaN, 4, 5], b: [2, 1, 7, 3, 9] });
    expect(withNull.toJSON()).toEqual(withNaN.toJSON());
    expect(withNull.dropped).toBe(1);
  });
});

describe('merge', () => {
  /** Rows [from, to) of a table of columns. */
  function slice(
    data: Record<string, ArrayLike<number | null>>,
    from: number,
    to: number,
  ): Record<string, (number | null)[]> {
    return Object.fromEntries(
      Object.entries(data).map(([id, column]) => [id, Array.from(column).slice(from, to)]),
    );
  }
  function expectSameMoments(actual: Moments, expected: Moments, tolerance: number): void {
    expect(actual.rowsRead).toBe(expected.rowsRead);
    expect(actual.dropped).toBe(expected.dropped);
    expect(actual.n).toBe(expected.n);
    expect(actual.pairCounts()).toEqual(expected.pairCounts());
    const a = actual.toJSON();
    const e = expected.toJSON();
    expectAllClose(a.sumWeights, e.sumWeights, tolerance, 'sumWeights');
    expectAllClose(a.means, e.means, tolerance, 'means');
    expectAllClose(a.sumSquares, e.sumSquares, tolerance, 'sumSquares');
    expectAllClose(a.comoments, e.comoments, tolerance, 'comoments');
    expectAllClose(actual.covariance(), expected.covariance(), tolerance, 'covariance');
  }

  it('of the two halves of mobi equals the whole (1e-12 relative)', () => {
    const whole = moments(mobi);
    const merged = moments(slice(mobi, 0, 125)).merge(moments(slice(mobi, 125, 250)));
    expectSameMoments(merged, whole, 1e-12);
    expectAllClose(merged.correlation(), whole.correlation(), 1e-12, 'correlation');
  });

  it.each([
    ['listwise', false],
    ['listwise', true],
    ['pairwise', false],
    ['pairwise', true],
  ] as const)(
    'of two parts of the bundled sample equals the whole (%s, weighted: %s)',
    (missing, weighted) => {
      const options = { missing, ...(weighted ? {} : { weights: false as const }) };
      const whole = moments(sample, options);
      const first = sample.filter((_, index) => index < 257);
      const second = sample.filter((_, index) => index >= 257);
      const merged = moments(first, options).merge(moments(second, options));
      expectSameMoments(merged, whole, 1e-12);
      expectAllClose(merged.correlation(), whole.correlation(), 1e-12, 'correlation');
    },
  );

  it('of parts that cut the 512-row blocks (n = 2000, NaN) equals the whole and R', () => {
    const data = fixture.moments.data.blocks;
    const columns = table(data);
    for (const missing of ['listwise', 'pairwise'] as const) {
      const reference = fixture.moments.cases.find(
        (c) => c.data === 'blocks' && c.missing === missing && c.weighted,
      )!;
      const whole = moments(columns, { missing, weights: data.weights! });
      const cuts = [0, 300, 1030, 1537, 2000];
      const parts = cuts
        .slice(1)
        .map((to, k) =>
          moments(slice(columns, cuts[k]!, to), { missing, weights: data.weights!.slice(cuts[k]!, to) }),
        );
      const merged = parts.reduce((total, part) => total.merge(part));
      expectSameMoments(merged, whole, 1e-12);
      expectAllClose(merged.covariance(), reference.covariance, TOLERANCE, `${missing} covariance vs R`);
    }
  });

  it('with a part in which every row is dropped leaves the other part unchanged', () => {
    const a = moments({ x: [1, 2, 4], y: [3, 1, 2] });
    const empty = moments({ x: [Number.NaN, 5], y: [1, Number.NaN] });
    const merged = a.merge(empty);
    expect(merged.dropped).toBe(2);
    expect(merged.rowsRead).toBe(5);
    expect(merged.covariance()).toEqual(a.covariance());
    expect(empty.merge(a).covariance()).toEqual(a.covariance());
  });

  it('equals the whole for random data, weights, missing values and split points (fast-check)', () => {
    // Real values with some Likert answers, or whole-number answers only (the exact integer kernel);
    // mostly short data, sometimes more than two 512-row blocks.
    const mixedCell = fc.oneof(
      { arbitrary: fc.double({ min: -50, max: 50, noNaN: true }), weight: 6 },
      { arbitrary: fc.integer({ min: 1, max: 5 }), weight: 3 },
      { arbitrary: fc.constant(Number.NaN), weight: 1 },
    );
    const answerCell = fc.oneof(
      { arbitrary: fc.integer({ min: 0, max: 10 }), weight: 12 },
      { arbitrary: fc.constant(Number.NaN), weight: 1 },
    );
    const shape = fc.record({
      p: fc.integer({ min: 1, max: 9 }),
      n: fc.oneof(
        { arbitrary: fc.integer({ min: 2, max: 70 }), weight: 9 },
        fc.integer({ min: 500, max: 1300 }),
      ),
      answers: fc.boolean(),
    });
    const input = shape.chain(({ p, n, answers }) =>
      fc.record({
        columns: fc.array(fc.array(answers ? answerCell : mixedCell, { minLength: n, maxLength: n }), {
          minLength: p,
          maxLength: p,
        }),
        weights: fc.option(
          fc.array(fc.double({ min: 0.05, max: 20, noNaN: true }), { minLength: n, maxLength: n }),
        ),
        cuts: fc.tuple(fc.integer({ min: 0, max: n }), fc.integer({ min: 0, max: n })),
        missing: fc.constantFrom<MissingPolicy>('listwise', 'pairwise'),
      }),
    );
    fc.assert(
      fc.property(input, ({ columns, weights, cuts, missing }) => {
        const data = Object.fromEntries(columns.map((column, c) => [`item${c}`, column]));
        const options = (from: number, to: number) => ({
          missing,
          ...(weights === null ? {} : { weights: weights.slice(from, to) }),
        });
        const n = columns[0]!.length;
        const [c1, c2] = cuts[0] <= cuts[1] ? cuts : [cuts[1], cuts[0]];
        const whole = moments(data, options(0, n));
        const a = moments(slice(data, 0, c1), options(0, c1));
        const b = moments(slice(data, c1, c2), options(c1, c2));
        const c = moments(slice(data, c2, n), options(c2, n));
        expectSameMoments(a.merge(b).merge(c), whole, 1e-9);
        expectSameMoments(a.merge(b.merge(c)), whole, 1e-9);
      }),
      { numRuns: 300 },
    );
  });

  it('rejects moments of different items, missing policy or weighting', () => {
    const ab = moments({ a: [1, 2, 3], b: [3, 1, 2] });
    expect(() => ab.merge(moments({ a: [1, 2], c: [2, 1] }))).toThrow(
      new RangeError('moments.merge: both must have the same items in the same order; got a, b and a, c'),
    );
    expect(() => ab.merge(moments({ b: [1, 2], a: [2, 1] }))).toThrow(
      new RangeError('moments.merge: both must have the same items in the same order; got a, b and b, a'),
    );
    expect(() => ab.merge(moments({ a: [1, 2], b: [2, 1] }, { missing: 'pairwise' }))).toThrow(
      new RangeError(
        'moments.merge: both must use the same missing policy and weighting; got listwise/unweighted and pairwise/unweighted',
      ),
    );
    expect(() => ab.merge(moments({ a: [1, 2], b: [2, 1] }, { weights: [1, 2] }))).toThrow(
      new RangeError(
        'moments.merge: both must use the same missing policy and weighting; got listwise/unweighted and listwise/weighted',
      ),
    );
  });
});

describe('toJSON / fromJSON', () => {
  it.each(cases)('round-trips exactly through JSON text: %s', (_, c) => {
    const m = momentsOf(c);
    const json = m.toJSON();
    const text = JSON.stringify(m);
    const restored = Moments.fromJSON(JSON.parse(text));
    expect(restored.toJSON()).toEqual(json);
    expect(Moments.fromJSON(text).toJSON()).toEqual(json);
    expect(restored.covariance()).toEqual(m.covariance());
    expect(restored.correlation()).toEqual(m.correlation());
    expect(restored.means()).toEqual(m.means());
    expect([restored.n, restored.dropped, restored.rowsRead]).toEqual([m.n, m.dropped, m.rowsRead]);
    expect(json.count.length).toBe(c.items.length ** 2);
  });

  it('restored moments merge like the originals', () => {
    const first = moments(sample, { missing: 'pairwise', items: ['p_rel1', 'p_res4', 'overall'] });
    const restored = Moments.fromJSON(JSON.parse(JSON.stringify(first)));
    expect(restored.merge(first).toJSON()).toEqual(first.merge(first).toJSON());
  });

  it('rejects what is not MomentsJSON', () => {
    expect(() => Moments.fromJSON({ type: 'other' } as never)).toThrow(
      new TypeError(
        "Moments.fromJSON: expected a MomentsJSON object (type 'moments', version 1); got object",
      ),
    );
    expect(() => Moments.fromJSON('null')).toThrow(
      new TypeError("Moments.fromJSON: expected a MomentsJSON object (type 'moments', version 1); got null"),
    );
    const json = moments({ a: [1, 2, 3], b: [3, 1, 2] }).toJSON();
    expect(() => Moments.fromJSON({ ...json, means: [1, 2, 3] })).toThrow(
      new RangeError('Moments.fromJSON: means must have 4 entries (items²); got an array of length 3'),
    );
  });
});

describe('errors', () => {
  it('correlation names a constant item', () => {
    const m = moments({ a: [1, 2, 3], b: [2, 2, 2] });
    expect(() => m.correlation()).toThrow(
      new RangeError(
        'moments.correlation: item "b" is constant (zero variance); its correlations are undefined',
      ),
    );
    // The covariance is still defined (0 for the constant item).
    expect(m.covariance()[1]).toEqual([0, 0]);
  });

  it('correlation names a pair answered together by fewer than 2 respondents', () => {
    const m = moments(
      { a: [1, 2, Number.NaN, 4], b: [Number.NaN, Number.NaN, 3, 5] },
      { missing: 'pairwise' },
    );
    expect(() => m.correlation()).toThrow(
      new RangeError(
        'moments.correlation: items "a" and "b" must be answered together by at least 2 respondents; got 1',
      ),
    );
    expect(m.covariance()[0]![1]).toBeNaN();
  });

  it('unknown item names list the available ones', () => {
    expect(() => moments({ a: [1, 2], b: [2, 3] }, { items: ['a', 'z'] })).toThrow(
      new RangeError('moments: unknown item "z"; available are a, b'),
    );
    expect(() => moments(sample, { items: ['p_rel1', 'nope', 'gone'] })).toThrow(
      /^moments: unknown items "nope", "gone"/,
    );
  });

  it('unequal column lengths', () => {
    expect(() => moments({ a: [1, 2, 3], b: [2, 3] })).toThrow(
      new RangeError('moments: columns must have equal lengths; got 3 for "a" and 2 for "b"'),
    );
  });

  it('rows without `columns`', () => {
    expect(() =>
      moments([
        [1, 2],
        [3, 4],
      ]),
    ).toThrow(new TypeError('moments: row data (number[][]) need options.columns to name the columns'));
  });

  it('an unknown missing policy and invalid weights', () => {
    expect(() => moments({ a: [1, 2] }, { missing: 'all' as MissingPolicy })).toThrow(
      new RangeError(`moments: missing must be 'listwise' or 'pairwise'; got "all"`),
    );
    expect(() => moments({ a: [1, 2] }, { weights: [1, -1] })).toThrow(
      new RangeError('moments: weights must be positive and finite; got -1 at index 1'),
    );
  });
});

describe('datasetMoments', () => {
  // Invariant: the moments of resolved data are those of moments() on the same data and options.
  it.each(['listwise', 'pairwise'] as const)('equals moments() on the same data (%s)', (missing) => {
    const data = {
      a: [1, 2, Number.NaN, 4, 5, 3],
      b: [2, Number.NaN, 5, 9, 4, 4],
      c: [3, 1, 2, 2, 5, Number.NaN],
    };
    const weights = [1, 2, 1, 0.5, 1.5, 1];
    const dataset = resolveData('test', data, { weights });
    expect(datasetMoments(dataset, missing).toJSON()).toEqual(moments(data, { missing, weights }).toJSON());
  });
});
