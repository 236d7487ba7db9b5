import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { proportion } from '../../src/index.js';
import { bankSample } from '../helpers/data.js';
import { expectAbsolute, expectClose, expectRelative } from '../helpers/expect-close.js';

// Reference values: R 4.2 prop.test(x, n, correct = FALSE, conf.level = level)$conf.int and $estimate
// (the Wilson score interval); for weights, the Wilson formula in R with the weighted share and Kish's
// n_eff = (Σw)² / Σw². Computed by test/fixtures/r/stats.R. The binary data: the bundled sample's
// `overall` ≥ 4 ("satisfied"), missing where `overall` is missing.

interface WilsonCase {
  readonly successes: number;
  readonly n: number;
  readonly level: number;
  readonly estimate: number;
  readonly confidenceInterval: [number, number];
}
interface BinaryReference {
  readonly n: number;
  readonly missing: number;
  readonly successes: number;
  readonly estimate: number;
  readonly standardError: number;
  readonly effectiveN?: number;
  readonly confidenceInterval: [number, number];
}
interface Fixture {
  readonly proportion: {
    wilson: WilsonCase[];
    satisfied: { item: string; unweighted: BinaryReference; weighted: BinaryReference };
  };
  readonly examples: { proportionInterval: [number, number] };
}
const fixture = JSON.parse(
  readFileSync(new URL('../fixtures/r/stats.json', import.meta.url), 'utf8'),
) as Fixture;

const sample = bankSample();
const overall = Array.from(sample.column('overall'));

// Measured: at most 8.8e-15 relative on the interval ends (the lower end of 1 of 1000 at 0.99, about
// 1e-5; R's prop.test writes the same formula with z²/(2n) terms), 5.2e-16 with weights.
const TOLERANCE = 1e-13;

describe('proportion: Wilson interval against R prop.test(correct = FALSE)', () => {
  it.each(fixture.proportion.wilson.map((c) => [`${c.successes} of ${c.n} at ${c.level}`, c] as const))(
    '%s',
    (label, c) => {
      const result = proportion({ successes: c.successes, n: c.n }, { confidenceLevel: c.level });
      expect(result.method).toBe('wilson');
      expect([result.n, result.successes, result.missing]).toEqual([c.n, c.successes, 0]);
      expect(result.estimate).toBe(c.estimate);
      c.confidenceInterval.forEach((expected, end) => {
        const actual = result.confidenceInterval[end]!;
        const endLabel = `${label} ${end === 0 ? 'lower' : 'upper'}`;
        // R's ends at x = 0 and x = n are exactly 0 and 1; that is pinned by its own test below.
        if (expected === 0 || expected === 1) expectAbsolute(actual, expected, 1e-15, endLabel);
        else expectRelative(actual, expected, TOLERANCE, endLabel);
      });
      expect(result.confidenceLevel).toBe(c.level);
      expect(result.confidenceInterval[0]).toBeGreaterThanOrEqual(0);
      expect(result.confidenceInterval[1]).toBeLessThanOrEqual(1);
    },
  );

  it('gives exactly 0 as the lower end at x = 0 and 1 as the upper end at x = n, so the interval holds the estimate', () => {
    // R prop.test returns exactly 0 and 1 there (p.c <= 0 → 0, p.c >= 1 → 1), and a confidence
    // interval must contain its own estimate.
    for (const c of fixture.proportion.wilson.filter((w) => w.successes === 0 || w.successes === w.n)) {
      const label = `${c.successes} of ${c.n} at ${c.level}`;
      const result = proportion({ successes: c.successes, n: c.n }, { confidenceLevel: c.level });
      const [lower, upper] = result.confidenceInterval;
      expect(
        lower,
        `${label}: lower end ${lower} must not exceed the estimate ${result.estimate}`,
      ).toBeLessThanOrEqual(result.estimate);
      expect(
        upper,
        `${label}: upper end ${upper} must not be below the estimate ${result.estimate}`,
      ).toBeGreaterThanOrEqual(result.estimate);
      if (c.successes === 0) expect(lower, `${label} lower`).toBe(c.confidenceInterval[0]);
      else expect(upper, `${label} upper`).toBe(c.confidenceInterval[1]);
    }
  });

  it('widens with the confidence level', () => {
    const width = (level: number) => {
      const [lower, upper] = proportion(
        { successes: 42, n: 120 },
        { confidenceLevel: level },
      ).confidenceInterval;
      return upper - lower;
    };
    expect(width(0.9)).toBeLessThan(width(0.95));
    expect(width(0.95)).toBeLessThan(width(0.99));
  });

  it('documented example: proportion({ successes: 42, n: 120 }).confidenceInterval', () => {
    // Source: R prop.test(42, 120, correct = FALSE)$conf.int = [0.27051899590285411, 0.43878675402275702].
    // The doc comment states [0.2698…, 0.4389…]; neither end matches R.
    const [lower, upper] = proportion({ successes: 42, n: 120 }).confidenceInterval;
    expectRelative(lower, fixture.examples.proportionInterval[0], TOLERANCE, 'lower');
    expectRelative(upper, fixture.examples.proportionInterval[1], TOLERANCE, 'upper');
  });
});

describe('proportion from answers', () => {
  const { unweighted, weighted } = fixture.proportion.satisfied;
  const numeric = overall.map((x) => (Number.isNaN(x) ? Number.NaN : x >= 4 ? 1 : 0));
  const boolean = overall.map((x) => (Number.isNaN(x) ? null : x >= 4));

  it.each([
    ['0/1 with NaN', numeric],
    ['true/false with null', boolean],
  ] as const)('%s matches prop.test on the sample (overall ≥ 4)', (_, values) => {
    const result = proportion(values);
    expect([result.n, result.missing, result.successes]).toEqual([
      unweighted.n,
      unweighted.missing,
      unweighted.successes,
    ]);
    expectClose(result.estimate, unweighted.estimate, 1e-15, 'estimate');
    expectClose(result.standardError, unweighted.standardError, TOLERANCE, 'standard error');
    expectRelative(result.confidenceInterval[0], unweighted.confidenceInterval[0], TOLERANCE, 'lower');
    expectRelative(result.confidenceInterval[1], unweighted.confidenceInterval[1], TOLERANCE, 'upper');
    expect(result.weighted).toBe(false);
    expect(result.effectiveN).toBe(unweighted.n);
    expect(result.n + result.missing).toBe(values.length);
  });

  it('weighted by the survey weights: weighted share and Kish n_eff (Wilson formula in R)', () => {
    const result = proportion(numeric, { weights: sample.weights! });
    expect([result.n, result.missing, result.successes]).toEqual([
      weighted.n,
      weighted.missing,
      weighted.successes,
    ]);
    expectClose(result.estimate, weighted.estimate, TOLERANCE, 'estimate');
    expectClose(result.effectiveN, weighted.effectiveN!, TOLERANCE, 'effective n');
    expectClose(result.standardError, weighted.standardError, TOLERANCE, 'standard error');
    expectRelative(result.confidenceInterval[0], weighted.confidenceInterval[0], TOLERANCE, 'lower');
    expectRelative(result.confidenceInterval[1], weighted.confidenceInterval[1], TOLERANCE, 'upper');
    expect(result.weighted).toBe(true);
  });

  it('equal weights give the unweighted result', () => {
    const plain = proportion(numeric);
    const equal = proportion(numeric, { weights: numeric.map(() => 0.7) });
    // The weight sums are plain sums: measured 2.7e-15 relative.
    expectClose(equal.estimate, plain.estimate, 1e-13, 'estimate');
    expectClose(equal.effectiveN, plain.effectiveN, 1e-13, 'effective n');
    expectRelative(equal.confidenceInterval[0], plain.confidenceInterval[0], 1e-13, 'lower');
  });

  it('counts successes from 1 and true alike', () => {
    const result = proportion([1, true, 0, false, null, Number.NaN, 1]);
    expect([result.n, result.missing, result.successes]).toEqual([5, 2, 3]);
    expect(result.estimate).toBe(0.6);
  });
});

describe('proportion errors', () => {
  it('rejects impossible counts', () => {
    const message = (got: string) =>
      new RangeError(
        `proportion: successes and n must be integers with 0 ≤ successes ≤ n and n ≥ 1; got ${got}`,
      );
    expect(() => proportion({ successes: 5, n: 3 })).toThrow(message('5 of 3'));
    expect(() => proportion({ successes: 1.5, n: 3 })).toThrow(message('1.5 of 3'));
    expect(() => proportion({ successes: 0, n: 0 })).toThrow(message('0 of 0'));
    expect(() => proportion({ successes: -1, n: 3 })).toThrow(message('-1 of 3'));
  });

  it('rejects answers other than 0, 1, true, false or missing, naming the index', () => {
    expect(() => proportion([0, 1, 2])).toThrow(
      new RangeError('proportion: answers must be 0, 1, true or false; got 2 at index 2'),
    );
    expect(() => proportion([1, 'yes' as never])).toThrow(
      new RangeError('proportion: answers must be 0, 1, true or false; got "yes" at index 1'),
    );
  });

  it('rejects all-missing answers, bad weights and a bad confidence level', () => {
    expect(() => proportion([null, Number.NaN, null])).toThrow(
      new RangeError('proportion: at least one answer is needed; got 3 missing of 3'),
    );
    expect(() => proportion([1, 0], { weights: [1] })).toThrow(
      new RangeError('proportion: weights must have one value per answer (2); got 1'),
    );
    expect(() => proportion([1, 0], { weights: [1, -2] })).toThrow(
      new RangeError('proportion: weights must be positive and finite; got -2 at index 1'),
    );
    expect(() => proportion({ successes: 1, n: 2 }, { confidenceLevel: 95 })).toThrow(
      new RangeError('proportion: confidenceLevel must be within (0, 1); got 95'),
    );
  });
});
