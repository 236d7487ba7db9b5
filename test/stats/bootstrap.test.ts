import { expect, it, describe as suite } from 'vitest';
import {
  bootstrapRows,
  bootstrapSettings,
  DEFAULT_BOOTSTRAP_RESAMPLES,
  drawResample,
  percentileInterval,
} from '../../src/stats/bootstrap.js';
import { quantile } from '../../src/stats/quantile.js';
import { Random } from '../../src/stats/random.js';

suite('bootstrapSettings', () => {
  const defaults = { seed: 42, on: false };

  it('turns the bootstrap on and off, with the defaults', () => {
    const standard = {
      method: 'percentile',
      resamples: DEFAULT_BOOTSTRAP_RESAMPLES,
      seed: 42,
      confidenceLevel: 0.95,
    };
    expect(DEFAULT_BOOTSTRAP_RESAMPLES).toBe(2000);
    expect(bootstrapSettings('fn', undefined, defaults)).toBeNull();
    expect(bootstrapSettings('fn', false, defaults)).toBeNull();
    expect(bootstrapSettings('fn', false, { seed: 42, on: true })).toBeNull();
    expect(bootstrapSettings('fn', undefined, { seed: 42, on: true })).toEqual(standard);
    expect(bootstrapSettings('fn', true, defaults)).toEqual(standard);
    expect(bootstrapSettings('fn', {}, defaults)).toEqual(standard);
    expect(bootstrapSettings('fn', { resamples: 10, seed: 0, confidenceLevel: 0.9 }, defaults)).toEqual({
      method: 'percentile',
      resamples: 10,
      seed: 0,
      confidenceLevel: 0.9,
    });
  });

  it('doc-comment example', () => {
    expect(bootstrapSettings('fn', { resamples: 500 }, { seed: 1, on: false })).toEqual({
      method: 'percentile',
      resamples: 500,
      seed: 1,
      confidenceLevel: 0.95,
    });
  });

  it('names the option that is wrong', () => {
    expect(() => bootstrapSettings('fn', 'yes' as unknown as boolean, defaults)).toThrow(
      new TypeError('fn: bootstrap must be true, false or { resamples, seed, confidenceLevel }; got "yes"'),
    );
    expect(() => bootstrapSettings('fn', null as unknown as boolean, defaults)).toThrow(
      new TypeError('fn: bootstrap must be true, false or { resamples, seed, confidenceLevel }; got null'),
    );
    expect(() => bootstrapSettings('fn', { resamples: 1 }, defaults)).toThrow(
      new RangeError('fn: bootstrap.resamples must be an integer of at least 2; got 1'),
    );
    expect(() => bootstrapSettings('fn', { seed: -1 }, defaults)).toThrow(
      new RangeError('fn: bootstrap.seed must be an integer from 0 to 4294967295; got -1'),
    );
    expect(() => bootstrapSettings('fn', { confidenceLevel: 1 }, defaults)).toThrow(
      new RangeError('fn: bootstrap.confidenceLevel must be within (0, 1); got 1'),
    );
  });
});

suite('bootstrapRows', () => {
  it('copies the rows row-major with their weights', () => {
    const columns = [Float64Array.of(1, 2, 3), Float64Array.of(4, Number.NaN, 6)];
    expect(bootstrapRows(columns, [1, 2], [0.5, 2, 3])).toEqual({
      m: 2,
      p: 2,
      block: Float64Array.of(2, Number.NaN, 3, 6),
      weights: Float64Array.of(2, 3),
    });
  });

  it('doc-comment example (weight 1 without weights)', () => {
    const rows = bootstrapRows(
      [
        [1, 2, 3],
        [4, 5, 6],
      ],
      [2, 0],
      null,
    );
    expect(rows.block).toEqual(Float64Array.of(3, 6, 1, 4));
    expect(rows.weights).toEqual(Float64Array.of(1, 1));
  });
});

suite('drawResample', () => {
  it('draws m indices by m calls of random.index(m), so the stream is that of the generator', () => {
    const m = 37;
    const reference = new Random(20240917);
    const random = new Random(20240917);
    const drawn = new Int32Array(m);
    for (let b = 0; b < 3; b++) {
      drawResample(random, drawn);
      expect(Array.from(drawn)).toEqual(Array.from({ length: m }, () => reference.index(m)));
    }
    expect(random.uint32()).toBe(reference.uint32());
  });

  it('doc-comment example', () => {
    expect(drawResample(new Random(7), new Int32Array(5))).toEqual(Int32Array.of(1, 2, 2, 0, 2));
  });
});

suite('percentileInterval', () => {
  // Reference: R 4.2 quantile(1:10, c(0.1, 0.9)) = 1.9, 9.1 (type 7), worked by hand:
  // h = 9 · 0.1 = 0.9 → 1 + 0.9 · 1; h = 9 · 0.9 = 8.1 → 9 + 0.1 · 1.
  it('doc-comment example', () => {
    expect(percentileInterval([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.8)).toEqual([1.9, 9.1]);
  });

  it('is the type-7 quantiles at α / 2 and 1 − α / 2', () => {
    const values = [3.2, -1, 7.5, 0.25, 4, 4, 9.75, 2];
    const alpha = 1 - 0.95;
    expect(percentileInterval(values, 0.95)).toEqual([
      quantile(values, alpha / 2),
      quantile(values, 1 - alpha / 2),
    ]);
  });
});
