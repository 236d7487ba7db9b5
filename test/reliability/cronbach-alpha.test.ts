import { readFileSync } from 'node:fs';
import { expect, it, describe as suite } from 'vitest';
import { cronbachAlpha, mcdonaldOmega, moments } from '../../src/index.js';
import { bankSample } from '../helpers/data.js';
import { expectAllClose, expectClose } from '../helpers/expect-close.js';

// Reference values: R 4.2 psych 2.2.9 `alpha` on attitude and on psych's bfi scales (reverse-keyed
// items, missing answers; psych's default pairwise covariances and, on na.omit data, listwise), and
// the weighted alpha of the bundled sample from cov.wt in base R. Computed by
// test/fixtures/r/reliability.R. The largest relative difference measured is 1.9e-14 (r.drop, bfi
// agreeableness pairwise), so 1e-12 relative is the tolerance throughout.

interface AlphaReference {
  readonly name: string;
  readonly source: 'attitude' | 'bfi';
  readonly items: string[];
  readonly reverse: string[];
  readonly missing: 'pairwise' | 'listwise';
  readonly n: number;
  readonly alpha: number;
  readonly standardizedAlpha: number;
  readonly guttmanLambda6: number;
  readonly averageInterItemCorrelation: number;
  readonly standardError: number;
  readonly feldt: { lower: number; upper: number };
  readonly itemN: number[];
  readonly itemMean: number[];
  readonly itemSd: number[];
  readonly itemTotalCorrelation: number[];
  readonly correctedItemTotalCorrelation: number[];
  readonly alphaIfDeleted: (number | null)[];
  readonly standardizedAlphaIfDeleted: (number | null)[];
}
interface WeightedReference {
  readonly name: string;
  readonly items: string[];
  readonly n: number;
  readonly dropped: number;
  readonly alpha: number;
  readonly standardizedAlpha: number;
  readonly itemMean: number[];
  readonly correctedItemTotalCorrelation: number[];
  readonly alphaIfDeleted: number[];
}
interface Fixture {
  readonly data: {
    readonly attitude: Record<string, number[]>;
    readonly bfi: Record<string, (number | null)[]>;
  };
  readonly alpha: AlphaReference[];
  readonly weightedAlpha: WeightedReference[];
}
const fixture = JSON.parse(
  readFileSync(new URL('../fixtures/r/reliability.json', import.meta.url), 'utf8'),
) as Fixture;
const { attitude, bfi } = fixture.data;
const tolerance = 1e-12;

suite('cronbachAlpha against psych::alpha', () => {
  for (const reference of fixture.alpha) {
    it(reference.name, () => {
      const data = reference.source === 'attitude' ? attitude : bfi;
      const result = cronbachAlpha(data, {
        items: reference.items,
        missing: reference.missing,
        reverse: reference.reverse,
        scale: { min: 1, max: 6 },
      });
      expect(result.n).toBe(reference.n);
      expect(result.k).toBe(reference.items.length);
      expect(result.missing).toBe(reference.missing);
      expectClose(result.alpha, reference.alpha, tolerance, 'alpha');
      expectClose(result.standardizedAlpha, reference.standardizedAlpha, tolerance, 'std.alpha');
      expectClose(result.guttmanLambda6!, reference.guttmanLambda6, tolerance, 'G6(smc)');
      expectClose(
        result.averageInterItemCorrelation,
        reference.averageInterItemCorrelation,
        tolerance,
        'average_r',
      );
      expectClose(result.standardError, reference.standardError, tolerance, 'ase');
      expectClose(result.confidenceInterval.lower, reference.feldt.lower, tolerance, 'feldt lower');
      expectClose(result.confidenceInterval.upper, reference.feldt.upper, tolerance, 'feldt upper');
      expect(result.items.map((item) => item.n)).toEqual(reference.itemN);
      expect(result.items.map((item) => item.reversed)).toEqual(
        reference.items.map((id) => reference.reverse.includes(id)),
      );
      expectAllClose(
        result.items.map((item) => item.mean),
        reference.itemMean,
        tolerance,
        'mean',
      );
      expectAllClose(
        result.items.map((item) => item.sd),
        reference.itemSd,
        tolerance,
        'sd',
      );
      expectAllClose(
        result.items.map((item) => item.correctedItemTotalCorrelation),
        reference.correctedItemTotalCorrelation,
        tolerance,
        'r.drop',
      );
      expectAllClose(
        // null (two items: one item has no alpha) against R's NA
        result.items.map((item) => item.alphaIfDeleted ?? Number.NaN),
        reference.alphaIfDeleted,
        tolerance,
        'raw_alpha if dropped',
      );
      expectAllClose(
        result.items.map((item) => item.standardizedAlphaIfDeleted ?? Number.NaN),
        reference.standardizedAlphaIfDeleted,
        tolerance,
        'std.alpha if dropped',
      );
      // psych's raw.r correlates each item with the row means of the answers given; under pairwise
      // deletion those means mix respondents, so only the listwise value is comparable.
      if (reference.missing === 'listwise') {
        expectAllClose(
          result.items.map((item) => item.itemTotalCorrelation),
          reference.itemTotalCorrelation,
          tolerance,
          'raw.r',
        );
      }
    });
  }

  for (const reference of fixture.weightedAlpha) {
    it(reference.name, () => {
      const result = cronbachAlpha(bankSample(), { items: reference.items });
      expect(result.weighted).toBe(true);
      expect([result.n, result.dropped]).toEqual([reference.n, reference.dropped]);
      expectClose(result.alpha, reference.alpha, tolerance, 'alpha');
      expectClose(result.standardizedAlpha, reference.standardizedAlpha, tolerance, 'std.alpha');
      expectAllClose(
        result.items.map((item) => item.mean),
        reference.itemMean,
        tolerance,
        'weighted mean',
      );
      expectAllClose(
        result.items.map((item) => item.correctedItemTotalCorrelation),
        reference.correctedItemTotalCorrelation,
        tolerance,
        'r.drop',
      );
      expectAllClose(
        result.items.map((item) => item.alphaIfDeleted),
        reference.alphaIfDeleted,
        tolerance,
        'alpha if deleted',
      );
    });
  }
});

suite('cronbachAlpha conventions and invariants', () => {
  it('the doc-comment example', () => {
    expect(cronbachAlpha({ q1: [4, 5, 3, 4, 2], q2: [4, 4, 3, 5, 2], q3: [5, 5, 2, 4, 3] }).alpha).toBe(
      0.8857142857142857,
    );
  });

  it('equals 31/35 on the example, worked by hand from the covariance matrix', () => {
    // Variances 1.3, 1.3, 1.7; covariances q1q2 1.05, q1q3 1.25, q2q3 0.8 → Σ C = 10.5, tr C = 4.3;
    // α = 3/2 · (1 − 4.3/10.5) = 31/35.
    expectClose(
      cronbachAlpha({ q1: [4, 5, 3, 4, 2], q2: [4, 4, 3, 5, 2], q3: [5, 5, 2, 4, 3] }).alpha,
      31 / 35,
      1e-15,
    );
  });

  it('from moments equals from the raw data, listwise and pairwise', () => {
    const items = ['N1', 'N2', 'N3', 'N4', 'N5'];
    for (const missing of ['listwise', 'pairwise'] as const) {
      const raw = cronbachAlpha(bfi, { items, missing });
      const fromMoments = cronbachAlpha(moments(bfi, { items, missing }));
      expectClose(fromMoments.alpha, raw.alpha, 1e-15, `${missing} alpha`);
      expectAllClose(
        fromMoments.items.map((item) => item.correctedItemTotalCorrelation),
        raw.items.map((item) => item.correctedItemTotalCorrelation),
        1e-15,
      );
      if (missing === 'listwise') expect(fromMoments.n).toBe(raw.n);
    }
  });

  it('reverse keys on moments negate covariances and flip means on the given scale', () => {
    const items = ['A1', 'A2', 'A3', 'A4', 'A5'];
    const raw = cronbachAlpha(bfi, {
      items,
      missing: 'listwise',
      reverse: ['A1'],
      scale: { min: 1, max: 6 },
    });
    const fromMoments = cronbachAlpha(moments(bfi, { items }), {
      reverse: ['A1'],
      scale: { min: 1, max: 6 },
    });
    expectClose(fromMoments.alpha, raw.alpha, 1e-15);
    expectClose(fromMoments.items[0]!.mean, raw.items[0]!.mean, 1e-15);
  });

  it('reverses on the survey scale of Responses and on the observed range of plain columns', () => {
    const sample = bankSample();
    const items = ['p_res1', 'p_res2', 'p_res3', 'p_res4'];
    const reversedTwice = cronbachAlpha(sample, { items, reverse: ['p_res4'] });
    const plain = cronbachAlpha(sample, { items });
    expect(reversedTwice.items[3]!.reversed).toBe(true);
    // p_res4 is reverse-coded by the survey; keying it again undoes that on the 1–5 scale.
    const column = sample.column('p_res4');
    const complete = [...column.keys()].filter((r) =>
      items.every((id) => !Number.isNaN(sample.column(id)[r]!)),
    );
    const w = complete.map((r) => sample.weights![r]!);
    const original =
      complete.reduce((sum, r, i) => sum + w[i]! * (6 - column[r]!), 0) / w.reduce((a, b) => a + b);
    expectClose(reversedTwice.items[3]!.mean, original, 1e-13);
    expect(reversedTwice.alpha).toBeLessThan(plain.alpha);

    // Observed range of plain columns: answers 2..5 reverse as 7 − x.
    const x = { a: [2, 3, 4, 5, 3], b: [3, 3, 5, 5, 2], c: [5, 4, 3, 2, 4] };
    const keyed = cronbachAlpha(x, { reverse: ['c'] });
    const byHand = cronbachAlpha({ ...x, c: x.c.map((v) => 7 - v) });
    expectClose(keyed.alpha, byHand.alpha, 1e-15);
    expectClose(keyed.items[2]!.mean, byHand.items[2]!.mean, 1e-15);
  });

  it('standardized alpha is the Spearman–Brown value of the average inter-item correlation', () => {
    const result = cronbachAlpha(attitude);
    const r = result.averageInterItemCorrelation;
    expectClose(result.standardizedAlpha, (result.k * r) / (1 + (result.k - 1) * r), 1e-14);
  });

  it('is 1 for perfectly parallel items and the interval shrinks as n grows', () => {
    const base = [1, 2, 3, 4, 5, 2, 3, 4];
    expectClose(cronbachAlpha({ a: base, b: base, c: base }).alpha, 1, 1e-15);
    const small = cronbachAlpha(attitude, { items: ['rating', 'complaints', 'learning'] });
    const big = cronbachAlpha(bfi, { items: ['N1', 'N2', 'N3'] });
    expect(small.confidenceInterval.lower).toBeLessThan(small.alpha);
    expect(small.confidenceInterval.upper).toBeGreaterThan(small.alpha);
    expect(big.confidenceInterval.upper - big.confidenceInterval.lower).toBeLessThan(
      small.confidenceInterval.upper - small.confidenceInterval.lower,
    );
  });

  it('a two-item scale has no alpha if deleted', () => {
    const result = cronbachAlpha(attitude, { items: ['critical', 'advance'] });
    expect(result.items.map((item) => item.alphaIfDeleted)).toEqual([null, null]);
    expect(result.items.map((item) => item.standardizedAlphaIfDeleted)).toEqual([null, null]);
  });

  it('listwise deletion counts the dropped respondents and says so', () => {
    const result = cronbachAlpha(bfi, { items: ['O1', 'O2', 'O3', 'O4', 'O5'] });
    expect(result.missing).toBe('listwise');
    expect(result.n + result.dropped).toBe(2800);
    expect(result.dropped).toBe(74);
  });

  it('a weighted Kish n enters the interval; weights of 1 change nothing', () => {
    const items = ['rating', 'complaints', 'learning'];
    const plain = cronbachAlpha(attitude, { items });
    const ones = cronbachAlpha(attitude, { items, weights: new Array(30).fill(1) });
    expect(ones.weighted).toBe(true);
    expectClose(ones.alpha, plain.alpha, 1e-14);
    expectClose(ones.confidenceInterval.lower, plain.confidenceInterval.lower, 1e-12);
  });

  it('result is plain JSON', () => {
    const result = cronbachAlpha(attitude);
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });
});

suite('cronbachAlpha diagnostics', () => {
  it('names reverse-coding suspects and explains a low alpha', () => {
    const result = cronbachAlpha(bfi, { items: ['A1', 'A2', 'A3', 'A4', 'A5'], missing: 'listwise' });
    expect(result.warnings).toEqual([
      'cronbachAlpha: alpha is 0.431, below 0.5: check the coding of the items (reverse-worded items) and whether they measure one construct',
      'cronbachAlpha: item "A1" (r = -0.311) correlates negatively with the rest of the scale; reverse-coding suspect (see options.reverse)',
    ]);
  });

  it('explains a negative alpha', () => {
    const result = cronbachAlpha(bfi, { items: ['E1', 'E2', 'E3', 'E4', 'E5'], missing: 'listwise' });
    expect(result.alpha).toBeLessThan(0);
    expect(result.warnings[0]).toBe(
      'cronbachAlpha: alpha is negative (-0.624): the items correlate negatively on average, which usually means that reverse-worded items were not reverse-coded',
    );
    expect(result.warnings[1]).toMatch(/^cronbachAlpha: items "E1" \(r = -0\.263\), "E2" \(r = -0\.355\)/);
  });

  it('a well-keyed scale has no warnings', () => {
    expect(cronbachAlpha(attitude).warnings).toEqual([]);
  });

  it('reports a singular correlation matrix instead of a lambda 6', () => {
    const a = [1, 2, 3, 4, 5, 3];
    const b = [2, 2, 4, 3, 5, 1];
    const result = cronbachAlpha({ a, b, total: a.map((v, i) => v + b[i]!) });
    expect(result.guttmanLambda6).toBeNull();
    expect(result.warnings).toContain(
      "cronbachAlpha: the correlation matrix is not positive definite, so Guttman's lambda 6 is not reported",
    );
  });
});

suite('cronbachAlpha errors', () => {
  it('needs two items', () => {
    expect(() => cronbachAlpha(attitude, { items: ['rating'] })).toThrow(
      new RangeError('cronbachAlpha: needs at least 2 items; got 1'),
    );
  });

  it('names a constant item', () => {
    expect(() => cronbachAlpha({ a: [1, 2, 3], b: [2, 2, 2] })).toThrow(
      new RangeError(
        'cronbachAlpha: item "b" has no variance (every answer is the same); remove it from items',
      ),
    );
  });

  it('needs two complete respondents', () => {
    expect(() => cronbachAlpha({ a: [1, Number.NaN, 3], b: [2, 3, Number.NaN] })).toThrow(
      new RangeError('cronbachAlpha: needs at least 2 respondents with every item answered; got 1 of 3'),
    );
  });

  it('names a pair without common answers under pairwise deletion', () => {
    expect(() =>
      cronbachAlpha(
        { a: [1, 2, Number.NaN, Number.NaN], b: [Number.NaN, Number.NaN, 3, 4], c: [1, 2, 3, 5] },
        { missing: 'pairwise' },
      ),
    ).toThrow(
      new RangeError(
        'cronbachAlpha: items "a" and "b" need at least 2 common answers for a covariance; got 0',
      ),
    );
  });

  it('rejects reverse keys for items not analysed and on moments without a scale', () => {
    expect(() => cronbachAlpha(attitude, { items: ['rating', 'raises'], reverse: ['critical'] })).toThrow(
      new RangeError('cronbachAlpha: reverse names "critical", which is not analysed'),
    );
    expect(() => cronbachAlpha(moments(attitude), { reverse: ['critical'] })).toThrow(
      new RangeError('cronbachAlpha: reverse keys on moments need options.scale (the answer scale)'),
    );
  });

  it('rejects a missing policy that the moments were not computed with, and bad options', () => {
    expect(() => cronbachAlpha(moments(attitude), { missing: 'pairwise' })).toThrow(
      new RangeError(
        "cronbachAlpha: the moments were computed with missing = 'listwise'; got missing = 'pairwise'",
      ),
    );
    expect(() => cronbachAlpha(attitude, { confidenceLevel: 95 })).toThrow(
      new RangeError('cronbachAlpha: confidenceLevel must be within (0, 1); got 95'),
    );
    expect(() => cronbachAlpha(attitude, { items: ['rating', 'nope'] })).toThrow(/unknown item "nope"/);
  });
});

suite('docs/reliability.md', () => {
  it('quotes the numbers the functions give on the bundled sample', () => {
    const page = readFileSync(new URL('../../docs/reliability.md', import.meta.url), 'utf8');
    const sample = bankSample();
    const rows = page
      .split('\n')
      .filter((line) => /^\| (tangibles|reliability|responsiveness|assurance|empathy) /.test(line));
    expect(rows).toHaveLength(5);
    for (const row of rows) {
      const [dimension, k, n, dropped, alpha, interval, omega] = row
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim());
      const items = sample.dimension(dimension!).filter((id) => id.startsWith('p_'));
      const a = cronbachAlpha(sample, { items });
      const o = mcdonaldOmega(sample, { items });
      expect([a.k, a.n, a.dropped].map(String)).toEqual([k, n, dropped]);
      expect(a.alpha.toFixed(3)).toBe(alpha);
      expect(`${a.confidenceInterval.lower.toFixed(3)}–${a.confidenceInterval.upper.toFixed(3)}`).toBe(
        interval,
      );
      expect(o.omegaTotal.toFixed(3)).toBe(omega);
    }
    const keyed = cronbachAlpha(sample, {
      items: sample.dimension('responsiveness').filter((id) => id.startsWith('p_')),
      reverse: ['p_res4'],
    });
    expect(page).toContain(`responsiveness to ${keyed.alpha.toFixed(3)}`);
    expect(page).toContain(`(r = −${Math.abs(keyed.items[3]!.correctedItemTotalCorrelation).toFixed(3)})`);
  });
});
