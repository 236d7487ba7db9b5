import { describe, expect, it } from 'vitest';
import { checkConfidenceLevel, criticalZ } from '../../src/stats/confidence.js';
import { expectClose } from '../helpers/expect-close.js';

describe('checkConfidenceLevel', () => {
  it('returns a level within (0, 1)', () => {
    expect(checkConfidenceLevel('fn', 0.9)).toBe(0.9);
  });

  it.each([0, 1, Number.NaN])('rejects %s', (level) => {
    expect(() => checkConfidenceLevel('fn', level)).toThrow(
      new RangeError(`fn: confidenceLevel must be within (0, 1); got ${level}`),
    );
    expect(() => criticalZ('fn', level)).toThrow(
      new RangeError(`fn: confidenceLevel must be within (0, 1); got ${level}`),
    );
  });

  // Reference: R 4.2 qnorm(0.975) = 1.959963984540054.
  it('criticalZ is the two-sided normal quantile', () => {
    expectClose(criticalZ('fn', 0.95), 1.959963984540054, 1e-12);
  });
});
