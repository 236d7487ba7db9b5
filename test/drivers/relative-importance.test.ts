import { expect, it, describe as suite } from 'vitest';
import { regress } from '../../src/drivers/regress.js';
import { relativeImportance } from '../../src/drivers/relative-importance.js';
import { satisfactionIndex } from '../../src/scoring/satisfaction-index.js';
import { moments } from '../../src/stats/moments.js';
import { quantile } from '../../src/stats/quantile.js';
import { Random } from '../../src/stats/random.js';
import { expectAllClose, expectClose } from '../helpers/expect-close.js';
import { bankDimensionMeans, caseData, DIMENSIONS, fixture, type ImportanceReference } from './helpers.js';

// Reference values: test/fixtures/r/drivers.R, R 4.2.2. LMG by fitting lm on every subset of the
// drivers (2^10 fits for mtcars' ten drivers) and summing the Shapley weights (what relaimpo's
// calc.relimp(type = "lmg") reports); Johnson's relative weights from the published formula with
// eigen(); squared correlations with cor(). Largest relative differences measured: LMG 1.7e-14
// (attitude), relative weights 1.1e-14 (longley), first 5.4e-15, R² 1.4e-15; so 1e-12.
const tolerance = 1e-12;

function run(c: ImportanceReference, method: 'shapley' | 'relative-weights' | 'first') {
  const { columns, weights } = caseData(c.source, c.weighted);
  return relativeImportance(columns, {
    outcome: c.outcome,
    drivers: c.drivers,
    method,
    ...(weights ? { weights } : {}),
  });
}

suite('relativeImportance against R', () => {
  for (const c of fixture.importances) {
    it(`${c.name}: LMG (Shapley) by subset enumeration with lm`, () => {
      const result = run(c, 'shapley');
      expect(result.n).toBe(c.n);
      expectAllClose(
        result.drivers.map((d) => d.importance),
        c.lmg,
        tolerance,
        'lmg',
      );
      expectClose(result.rSquared, c.rSquared, tolerance, 'R²');
      expect(result.drivers.map((d) => d.sign)).toEqual(c.sign);
    });
    it(`${c.name}: Johnson's relative weights`, () => {
      expectAllClose(
        run(c, 'relative-weights').drivers.map((d) => d.importance),
        c.relativeWeights,
        tolerance,
        'relative weights',
      );
    });
    it(`${c.name}: squared correlations`, () => {
      expectAllClose(
        run(c, 'first').drivers.map((d) => d.importance),
        c.first,
        tolerance,
        'first',
      );
    });
  }
});

suite('relativeImportance invariants', () => {
  const mtcars = fixture.data.mtcars as Record<string, number[]>;
  const drivers = ['cyl', 'disp', 'hp', 'drat', 'wt', 'qsec', 'vs', 'am', 'gear', 'carb'];

  it('importance sums to R², shares to 1, ranks order importance', () => {
    for (const method of ['shapley', 'relative-weights'] as const) {
      const result = relativeImportance(mtcars, { outcome: 'mpg', drivers, method });
      const total = result.drivers.reduce((a, d) => a + d.importance, 0);
      expectClose(total, result.rSquared, 1e-14, `${method} Σ importance`);
      expectClose(
        result.drivers.reduce((a, d) => a + d.share, 0),
        1,
        1e-14,
        `${method} Σ share`,
      );
      const byRank = [...result.drivers].sort((a, b) => a.rank - b.rank);
      for (let k = 1; k < byRank.length; k++) {
        expect(byRank[k - 1]!.importance).toBeGreaterThanOrEqual(byRank[k]!.importance);
      }
      expect(byRank.map((d) => d.rank)).toEqual(drivers.map((_, k) => k + 1));
    }
  });

  it('R² equals that of regress; signs are those of the coefficients', () => {
    const result = relativeImportance(mtcars, { outcome: 'mpg', drivers });
    const fit = regress(mtcars, { outcome: 'mpg', drivers });
    expectClose(result.rSquared, fit.rSquared, 1e-13);
    expect(result.drivers.map((d) => d.sign)).toEqual(
      fit.coefficients.slice(1).map((c) => Math.sign(c.estimate)),
    );
    expectAllClose(
      result.drivers.map((d) => d.standardizedCoefficient),
      fit.coefficients.slice(1).map((c) => c.standardized),
      1e-12,
    );
  });

  it('a driver uncorrelated with every other driver gets its squared correlation (both methods)', () => {
    // u is orthogonal (centred) to a and b: Σ u = Σ u·a = Σ u·b = 0.
    const a = [1, 2, 3, 4, 5, 6, 7, 8];
    const b = [2, 1, 4, 3, 6, 5, 9, 8];
    const u = [1, -1, -1, 1, 1, -1, -1, 1];
    const y = [3, 1, 4, 1, 5, 9, 2, 6];
    for (const method of ['shapley', 'relative-weights'] as const) {
      const result = relativeImportance({ y, a, b, u }, { outcome: 'y', drivers: ['a', 'b', 'u'], method });
      const row = result.drivers[2]!;
      expectClose(row.importance, row.correlation ** 2, 1e-14, method);
    }
  });

  it('Shapley values do not depend on the order of the drivers', () => {
    const forward = relativeImportance(mtcars, { outcome: 'mpg', drivers });
    const reversed = relativeImportance(mtcars, { outcome: 'mpg', drivers: [...drivers].reverse() });
    expectAllClose(
      [...reversed.drivers].reverse().map((d) => d.importance),
      forward.drivers.map((d) => d.importance),
      1e-13,
    );
  });

  it('moments give the same result as the data', () => {
    const m = moments(mtcars);
    const fromMoments = relativeImportance(m, { outcome: 'mpg', drivers });
    const fromData = relativeImportance(mtcars, { outcome: 'mpg', drivers });
    expectAllClose(
      fromMoments.drivers.map((d) => d.importance),
      fromData.drivers.map((d) => d.importance),
      1e-14,
    );
    expect(fromMoments.n).toBe(32);
  });
});

suite('relativeImportance on the bundled sample', () => {
  // examples/data/README.md: the generator's driver weights order reliability > responsiveness >
  // assurance > empathy > tangibles.
  const truth = ['reliability', 'responsiveness', 'assurance', 'empathy', 'tangibles'];
  const { columns, weights } = bankDimensionMeans();

  it('recovers the generator’s order of driver weights (Shapley, relative weights, regression)', () => {
    for (const method of ['shapley', 'relative-weights'] as const) {
      for (const w of [undefined, weights]) {
        const result = relativeImportance(columns, {
          outcome: 'overall',
          drivers: [...DIMENSIONS],
          method,
          ...(w ? { weights: w } : {}),
        });
        const order = [...result.drivers].sort((a, b) => a.rank - b.rank).map((d) => d.driver);
        expect(order, `${method}${w ? ', weighted' : ''}`).toEqual(truth);
      }
    }
    const fit = regress(columns, { outcome: 'overall', drivers: [...DIMENSIONS] });
    const byBeta = fit.coefficients
      .slice(1)
      .sort((a, b) => b.standardized! - a.standardized!)
      .map((c) => c.term);
    expect(byBeta).toEqual(truth);
  });

  it('its shares are accepted by satisfactionIndex as index weights', () => {
    const result = relativeImportance(columns, { outcome: 'overall', drivers: [...DIMENSIONS] });
    const index = satisfactionIndex(columns, {
      weights: result,
      scale: { min: 1, max: 5, integer: false },
    });
    expect(index.weighting).toBe('analysis');
    expect(index.items.map((item) => item.item)).toEqual([...DIMENSIONS]);
    expectAllClose(
      index.items.map((item) => item.weight),
      result.drivers.map((d) => d.share),
      1e-15,
    );
  });
});

suite('relativeImportance bootstrap', () => {
  const { columns, weights } = bankDimensionMeans();
  const options = { outcome: 'overall', drivers: [...DIMENSIONS] } as const;

  it('is reproducible for a seed and gives intervals around the estimates', () => {
    const first = relativeImportance(columns, { ...options, bootstrap: { resamples: 300, seed: 7 } });
    const again = relativeImportance(columns, { ...options, bootstrap: { resamples: 300, seed: 7 } });
    const other = relativeImportance(columns, { ...options, bootstrap: { resamples: 300, seed: 8 } });
    expect(again).toEqual(first);
    expect(other.drivers[0]!.importanceInterval).not.toEqual(first.drivers[0]!.importanceInterval);
    expect(first.bootstrap).toEqual({ method: 'percentile', resamples: 300, seed: 7, confidenceLevel: 0.95 });
    expect(first.discardedResamples).toBe(0);
    for (const d of first.drivers) {
      expect(d.importanceInterval![0]).toBeLessThan(d.importance);
      expect(d.importanceInterval![1]).toBeGreaterThan(d.importance);
      expect(d.shareInterval![0]).toBeLessThan(d.share);
      expect(d.shareInterval![1]).toBeGreaterThan(d.share);
      expect(d.standardError).toBeGreaterThan(0);
    }
    // Every pair once, the higher-ranked driver first.
    expect(first.comparisons).toHaveLength(10);
    for (const pair of first.comparisons!) {
      const a = first.drivers.find((d) => d.driver === pair.driver)!;
      const b = first.drivers.find((d) => d.driver === pair.other)!;
      expect(a.rank).toBeLessThan(b.rank);
      expectClose(pair.difference, a.importance - b.importance, 1e-15);
      expect(pair.distinguishable).toBe(pair.confidenceInterval[0] > 0 || pair.confidenceInterval[1] < 0);
    }
  });

  it('discards and counts resamples in which a driver is constant', () => {
    const data = { y: [1, 2, 3, 4, 5, 6, 7, 9], a: [0, 0, 0, 0, 0, 0, 0, 1], b: [1, 3, 2, 5, 4, 6, 8, 7] };
    const result = relativeImportance(data, {
      outcome: 'y',
      drivers: ['a', 'b'],
      bootstrap: { resamples: 200, seed: 1 },
    });
    // P(the one respondent with a = 1 is never drawn) = (7/8)^8 ≈ 0.34.
    expect(result.discardedResamples).toBeGreaterThan(40);
    expect(result.warnings).toContain(
      `relativeImportance: ${result.discardedResamples} of 200 bootstrap resamples had a constant variable or collinear drivers and were discarded`,
    );
    expect(result.drivers[0]!.importanceInterval).not.toBeNull();
  });

  // The procedure written out independently: draw n of the respondents used with Random(seed).index,
  // keep their weights, and run relativeImportance on the resample; the intervals are R type-7
  // percentiles of those replicates.
  it('equals relativeImportance on resamples drawn with the same generator (weighted)', () => {
    const resamples = 3;
    const seed = 11;
    const result = relativeImportance(columns, {
      ...options,
      weights,
      bootstrap: { resamples, seed, confidenceLevel: 0.8 },
    });
    const names = ['overall', ...DIMENSIONS];
    const used = columns
      .overall!.map((_, r) => r)
      .filter((r) => names.every((k) => !Number.isNaN(columns[k]![r]!)));
    const random = new Random(seed);
    const replicates = Array.from({ length: resamples }, () => {
      const drawn = used.map(() => used[random.index(used.length)]!);
      const resample: Record<string, number[]> = {};
      for (const name of names) resample[name] = drawn.map((r) => columns[name]![r]!);
      return relativeImportance(resample, { ...options, weights: drawn.map((r) => weights[r]!) }).drivers;
    });
    result.drivers.forEach((d, j) => {
      const values = replicates.map((row) => row[j]!.importance);
      const shares = replicates.map((row) => row[j]!.share);
      expectClose(d.importanceInterval![0], quantile(values, 0.1), 1e-12, `${d.driver} lower`);
      expectClose(d.importanceInterval![1], quantile(values, 0.9), 1e-12, `${d.driver} upper`);
      expectClose(d.shareInterval![0], quantile(shares, 0.1), 1e-12, `${d.driver} share lower`);
      expectClose(d.shareInterval![1], quantile(shares, 0.9), 1e-12, `${d.driver} share upper`);
    });
  });
});

suite('relativeImportance errors and limits', () => {
  const base = { y: [3, 1, 4, 1, 5, 9, 2, 6], a: [1, 2, 3, 4, 5, 6, 7, 8], b: [2, 7, 1, 8, 2, 8, 1, 8] };

  it('beyond the exact Shapley limit it says so and points to relative weights', () => {
    const columns: Record<string, number[]> = { y: [1, 2] };
    const drivers = Array.from({ length: 31 }, (_, k) => `x${k}`);
    for (const driver of drivers) columns[driver] = [1, 2];
    expect(() => relativeImportance(columns, { outcome: 'y', drivers })).toThrow(
      new RangeError(
        "relativeImportance: the exact Shapley decomposition covers at most 30 drivers (its cost doubles with each driver), so use method: 'relative-weights', which approximates it closely for any number of drivers, or fewer drivers; got 31 drivers (2^31 subsets)",
      ),
    );
  });

  it('pins the messages', () => {
    expect(() =>
      relativeImportance(base, { outcome: 'y', drivers: ['a'], method: 'lmg' as 'shapley' }),
    ).toThrow(
      new RangeError(
        "relativeImportance: method must be 'shapley', 'relative-weights' or 'first'; got \"lmg\"",
      ),
    );
    expect(() =>
      relativeImportance(moments(base), { outcome: 'y', drivers: ['a'], bootstrap: true }),
    ).toThrow(
      new RangeError(
        'relativeImportance: the bootstrap resamples respondents and needs their data; got moments',
      ),
    );
    expect(() =>
      relativeImportance(base, { outcome: 'y', drivers: ['a'], bootstrap: { resamples: 1 } }),
    ).toThrow(
      new RangeError('relativeImportance: bootstrap.resamples must be an integer of at least 2; got 1'),
    );
    expect(() =>
      relativeImportance(moments(base), { outcome: 'y', drivers: ['a'], weights: [1, 2] }),
    ).toThrow(
      new RangeError(
        'relativeImportance: weights cannot be applied to moments; compute the moments with the weights (moments(data, { weights }))',
      ),
    );
    const c = base.a.map((a, i) => a + base.b[i]!);
    expect(() => relativeImportance({ ...base, c }, { outcome: 'y', drivers: ['a', 'b', 'c'] })).toThrow(
      /^relativeImportance: drivers are exactly collinear: "c" is a linear combination of "a", "b" /,
    );
  });

  // Reference: R, lm on the two one-driver models and the full model; with two drivers the Shapley
  // value is (R²(j) + R²(a, b) − R²(other)) / 2: 0.211102164518725377, 0.027093991498465739, R² =
  // 0.238196156017191130.
  it('doc-comment example', () => {
    const result = relativeImportance(
      { y: [3, 1, 4, 1, 5, 9, 2, 6], a: [1, 2, 3, 4, 5, 6, 7, 8], b: [2, 7, 1, 8, 2, 8, 1, 8] },
      { outcome: 'y', drivers: ['a', 'b'] },
    );
    expectAllClose(
      result.drivers.map((d) => d.importance),
      [0.21110216451872538, 0.027093991498465739],
      1e-13,
    );
    expectClose(result.rSquared, 0.23819615601719113, 1e-13);
  });
});
