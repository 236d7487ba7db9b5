import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { kendallTau } from '../../src/stats/kendall-tau.js';
import { expectClose } from '../helpers/expect-close.js';

// Reference values: R 4.2 cor(x, y, method = "kendall") (tau-b), computed by
// test/fixtures/r/report.R on hand-made vectors with and without ties, 400 pseudo-random 1–5 answers,
// 300 continuous pairs and two column pairs of the ECSI mobile-phone data (mobi.csv). The largest
// relative difference measured is 2.2e-16 (R's own rounding in the "two values" case, where τ = 1
// exactly), so 1e-12 relative is the tolerance.

interface KendallCase {
  readonly name: string;
  readonly x: number[];
  readonly y: number[];
  readonly tau: number;
}
const fixture = JSON.parse(readFileSync(new URL('../fixtures/r/report.json', import.meta.url), 'utf8')) as {
  kendall: KendallCase[];
};

describe('kendallTau', () => {
  it.each(fixture.kendall.map((c) => [c.name, c] as const))(
    'matches R cor(method = "kendall"): %s',
    (_, c) => {
      expectClose(kendallTau(c.x, c.y), c.tau, 1e-12, c.name);
    },
  );

  it('the fixture covers ties and sizes beyond the hand-made cases', () => {
    const tied = fixture.kendall.filter(
      (c) => new Set(c.x).size < c.x.length && new Set(c.y).size < c.y.length,
    );
    expect(tied.length).toBeGreaterThanOrEqual(3);
    expect(Math.max(...fixture.kendall.map((c) => c.x.length))).toBeGreaterThanOrEqual(300);
  });

  it('doc-comment example', () => {
    expect(kendallTau([1, 2, 3, 4, 5, 6], [2, 1, 4, 3, 6, 5])).toBeCloseTo(0.6, 15);
  });

  it('is symmetric, antisymmetric under reversal, and invariant to monotone transforms', () => {
    const c = fixture.kendall.find((k) => k.name.startsWith('likert'))!;
    const tau = kendallTau(c.x, c.y);
    expect(kendallTau(c.y, c.x)).toBe(tau);
    expectClose(
      kendallTau(
        c.x,
        c.y.map((v) => -v),
      ),
      -tau,
      1e-15,
    );
    expect(
      kendallTau(
        c.x.map((v) => Math.exp(v)),
        c.y.map((v) => v ** 3),
      ),
    ).toBe(tau);
    expect(kendallTau([3, 1, 2], [3, 1, 2])).toBe(1);
  });

  it('is NaN when a sample is constant (R: NA)', () => {
    expect(kendallTau([1, 1, 1], [1, 2, 3])).toBeNaN();
    expect(kendallTau([1, 2, 3], [4, 4, 4])).toBeNaN();
  });

  it('rejects bad input with a message naming it', () => {
    expect(() => kendallTau([1, 2], [1])).toThrow(
      new RangeError('kendallTau: x and y must have the same length; got 2 and 1'),
    );
    expect(() => kendallTau([1], [1])).toThrow(
      new RangeError('kendallTau: at least 2 pairs are needed; got 1'),
    );
    expect(() => kendallTau([1, Number.NaN], [1, 2])).toThrow(
      new RangeError('kendallTau: x must hold finite numbers; got NaN at index 1'),
    );
    expect(() => kendallTau(null as never, [1, 2])).toThrow(TypeError);
    expect(() => kendallTau([1, 2], ['a', 'b'] as never)).toThrow(
      new TypeError('kendallTau: y must be an array of numbers; got "a" at index 0'),
    );
  });
});
