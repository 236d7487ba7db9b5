import { expect, it, describe as suite } from 'vitest';
import {
  importancePerformance,
  QUADRANT_LABELS,
  type Quadrant,
} from '../../src/drivers/importance-performance.js';
import { regress } from '../../src/drivers/regress.js';
import { relativeImportance } from '../../src/drivers/relative-importance.js';
import { satisfactionIndex } from '../../src/scoring/satisfaction-index.js';
import { bankSample } from '../helpers/data.js';
import { expectAllClose, expectClose } from '../helpers/expect-close.js';
import { bankDimensionMeans, DIMENSIONS, fixture } from './helpers.js';

// Reference values: the performance of the five dimension means of the bundled sample over the 592
// respondents with `overall` and every dimension answered — colMeans, weighted means and top-2-box
// shares (values ≥ 4) in R 4.2.2, test/fixtures/r/drivers.R. Largest relative difference measured
// 4.4e-16 (R sums in long double), so 1e-14. Importance comes from relativeImportance and regress,
// tested against R in their own files.
const { columns, weights } = bankDimensionMeans();
const drivers = [...DIMENSIONS];
const scale = { min: 1, max: 5 };
const reference = fixture.performance;

/** The quadrant by Martilla & James's definition (a value on a crosshair counts as high). */
function quadrantOf(
  importance: number,
  performance: number,
  thresholds: { importance: number; performance: number },
): Quadrant {
  const high = importance >= thresholds.importance;
  const good = performance >= thresholds.performance;
  if (high) return good ? 'keep-up-the-good-work' : 'concentrate-here';
  return good ? 'possible-overkill' : 'low-priority';
}

suite('importancePerformance on the bundled sample', () => {
  it('default: Shapley shares against mean performance, crosshairs at the means', () => {
    const result = importancePerformance(columns, { outcome: 'overall', drivers, scale });
    const shapley = relativeImportance(columns, { outcome: 'overall', drivers });
    expect(result.n).toBe(reference.n);
    expect(result.dropped).toBe(20);
    expect(result.importanceMethod).toBe('shapley');
    expect(result.rSquared).toBe(shapley.rSquared);
    expect(result.drivers.map((d) => d.importance)).toEqual(shapley.drivers.map((d) => d.share));
    expectAllClose(
      result.drivers.map((d) => d.performance),
      reference.mean,
      1e-14,
      'mean',
    );
    expectClose(result.thresholds.importance, 1 / 5, 1e-15, 'mean share = 1/p');
    expectClose(
      result.thresholds.performance,
      reference.mean.reduce((a, b) => a + b, 0) / 5,
      1e-14,
      'mean performance',
    );
    for (const d of result.drivers) {
      expect(d.quadrant).toBe(quadrantOf(d.importance, d.performance, result.thresholds));
      expect(d.quadrantLabel).toBe(QUADRANT_LABELS[d.quadrant]);
      expectClose(d.gap, 5 - d.performance, 1e-15);
      expectClose(d.priority, d.importance * d.gap, 1e-15);
    }
    const byPriority = [...result.drivers].sort((a, b) => a.priorityRank - b.priorityRank);
    for (let k = 1; k < byPriority.length; k++) {
      expect(byPriority[k - 1]!.priority).toBeGreaterThanOrEqual(byPriority[k]!.priority);
    }
    // The map of this sample: reliability and responsiveness matter most and perform below average.
    expect(result.quadrants['concentrate-here']).toEqual(['responsiveness', 'reliability']);
    expect(result.warnings).toEqual([
      'importancePerformance: 20 of 612 respondents dropped for a missing answer (listwise; missing per variable: "overall" 20)',
    ]);
  });

  it('weighted means and top-box shares match R', () => {
    const weighted = importancePerformance(columns, { outcome: 'overall', drivers, scale, weights });
    expect(weighted.weighted).toBe(true);
    expectAllClose(
      weighted.drivers.map((d) => d.performance),
      reference.weightedMean,
      1e-14,
      'weighted mean',
    );
    const top = importancePerformance(columns, {
      outcome: 'overall',
      drivers,
      scale,
      performance: 'top-box',
    });
    expect(top.topBox).toBe(2);
    expectAllClose(
      top.drivers.map((d) => d.performance),
      reference.topTwoBox,
      1e-14,
      'top-2 box',
    );
    for (const d of top.drivers) expectClose(d.gap, 1 - d.performance, 1e-15);
    const weightedTop = importancePerformance(columns, {
      outcome: 'overall',
      drivers,
      scale,
      weights,
      performance: 'top-box',
      crosshairs: 'midpoint',
    });
    expectAllClose(
      weightedTop.drivers.map((d) => d.performance),
      reference.weightedTopTwoBox,
      1e-14,
      'weighted top-2 box',
    );
    expect(weightedTop.thresholds.performance).toBe(0.5);
  });

  it('importance from regression, correlations, relative weights or stated values', () => {
    const standardized = importancePerformance(columns, {
      outcome: 'overall',
      drivers,
      scale,
      importance: 'standardized',
    });
    expect(standardized.drivers.map((d) => d.importance)).toEqual(
      regress(columns, { outcome: 'overall', drivers })
        .coefficients.slice(1)
        .map((c) => c.standardized),
    );
    const correlation = importancePerformance(columns, {
      outcome: 'overall',
      drivers,
      scale,
      importance: 'correlation',
    });
    expect(correlation.drivers.map((d) => d.importance)).toEqual(
      relativeImportance(columns, { outcome: 'overall', drivers, method: 'first' }).drivers.map(
        (d) => d.correlation,
      ),
    );
    const rw = importancePerformance(columns, {
      outcome: 'overall',
      drivers,
      scale,
      importance: 'relative-weights',
    });
    expect(rw.drivers.map((d) => d.importance)).toEqual(
      relativeImportance(columns, { outcome: 'overall', drivers, method: 'relative-weights' }).drivers.map(
        (d) => d.share,
      ),
    );
    const stated = importancePerformance(columns, {
      drivers,
      scale,
      importance: { tangibles: 1, reliability: 4, responsiveness: 3, assurance: 2, empathy: 2 },
      crosshairs: { importance: 2.5, performance: 'midpoint' },
    });
    expect(stated.importanceMethod).toBe('stated');
    expect(stated.outcome).toBeNull();
    expect(stated.rSquared).toBeNull();
    expect(stated.thresholds).toEqual({
      importance: 2.5,
      performance: 3,
      importanceRule: 'given',
      performanceRule: 'midpoint',
    });
    // Without the outcome, only the drivers must be answered.
    expect(stated.n).toBe(612);
    expect(stated.drivers.map((d) => d.quadrant)).toEqual([
      'possible-overkill',
      'keep-up-the-good-work',
      'keep-up-the-good-work',
      'possible-overkill',
      'possible-overkill',
    ]);
    expect(stated.drivers.map((d) => d.share)).toEqual([1 / 12, 4 / 12, 3 / 12, 2 / 12, 2 / 12]);
    expect(correlation.drivers.every((d) => d.share !== null)).toBe(true);
  });

  it('medians as crosshairs', () => {
    const result = importancePerformance(columns, {
      outcome: 'overall',
      drivers,
      scale,
      crosshairs: 'median',
    });
    const sorted = result.drivers.map((d) => d.performance).sort((a, b) => a - b);
    expect(result.thresholds.performance).toBe(sorted[2]);
    expect(result.thresholds.importanceRule).toBe('median');
  });

  it('its drivers with share are accepted by satisfactionIndex as index weights', () => {
    const result = importancePerformance(columns, { outcome: 'overall', drivers, scale });
    const index = satisfactionIndex(columns, {
      weights: { drivers: result.drivers.map((d) => ({ driver: d.driver, share: d.share! })) },
      scale: { ...scale, integer: false },
    });
    expect(index.items.map((item) => item.weight)).toEqual(result.drivers.map((d) => d.share));
    const direct = satisfactionIndex(columns, {
      weights: result as never,
      scale: { ...scale, integer: false },
    });
    expect(direct.index).toBe(index.index);
  });

  it('takes each item’s scale from a survey definition', () => {
    const items = ['p_rel1', 'p_rel2', 'p_res1', 'p_tan1'];
    const result = importancePerformance(bankSample(), { outcome: 'overall', drivers: items });
    expect(result.weighted).toBe(true);
    expect(result.drivers.map((d) => d.scale)).toEqual(items.map(() => scale));
  });
});

suite('importancePerformance errors', () => {
  const data = { y: [3, 1, 4, 1, 5], a: [4, 2, 5, 2, 4], b: [2, 2, 3, 1, 3] };

  it('pins the messages', () => {
    expect(() => importancePerformance(data, { drivers: ['a', 'b'], scale })).toThrow(
      new TypeError(
        "importancePerformance: outcome must name the outcome for derived importance ('shapley'); got undefined",
      ),
    );
    expect(() => importancePerformance(data, { outcome: 'y', drivers: ['a', 'b'] })).toThrow(
      new RangeError(
        'importancePerformance: driver "a" has no scale; give options.scale as { min, max } or one per driver',
      ),
    );
    expect(() => importancePerformance(data, { drivers: ['a', 'b'], scale, importance: { a: 1 } })).toThrow(
      new RangeError(
        'importancePerformance: stated importance must give a finite number for every driver; got undefined for "b"',
      ),
    );
    expect(() =>
      importancePerformance(data, { drivers: ['a', 'b'], scale, importance: { a: 1, b: 2, c: 3 } }),
    ).toThrow(
      new RangeError(
        'importancePerformance: stated importance names "c", which is not a driver (drivers are a, b)',
      ),
    );
    expect(() =>
      importancePerformance(data, {
        drivers: ['a', 'b'],
        scale: { a: { min: 1, max: 5 }, b: { min: 1, max: 7 } },
        importance: { a: 1, b: 2 },
        crosshairs: 'midpoint',
      }),
    ).toThrow(
      new RangeError(
        'importancePerformance: a midpoint crosshair needs one scale for every driver; got "a" 1–5, "b" 1–7',
      ),
    );
    expect(() =>
      importancePerformance(data, {
        drivers: ['a'],
        scale,
        importance: { a: 1 },
        crosshairs: { importance: 'midpoint' },
      }),
    ).toThrow(
      new RangeError(
        "importancePerformance: crosshairs.importance must be 'mean', 'median' or a finite number; got \"midpoint\"",
      ),
    );
    expect(() =>
      importancePerformance(data, { drivers: ['a'], scale: { min: 1, max: 4 }, importance: { a: 1 } }),
    ).toThrow(
      new RangeError('importancePerformance: answers of "a" must be within its scale 1–4; got 5 at index 2'),
    );
    expect(() =>
      importancePerformance(data, { outcome: 'y', drivers: ['a'], scale, importance: 'gap' as never }),
    ).toThrow(
      new RangeError(
        "importancePerformance: importance must be 'shapley', 'relative-weights', 'first', 'standardized', 'correlation' or { driver: value }; got \"gap\"",
      ),
    );
  });

  it('doc-comment example', () => {
    expect(
      importancePerformance(
        { y: [3, 1, 4, 1, 5], a: [4, 2, 5, 2, 4], b: [2, 2, 3, 1, 3] },
        { drivers: ['a', 'b'], importance: { a: 0.7, b: 0.3 }, scale: { min: 1, max: 5 } },
      ).drivers.map((d) => d.quadrant),
    ).toEqual(['keep-up-the-good-work', 'low-priority']);
  });
});
