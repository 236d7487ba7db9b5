import { describe, expect, it } from 'vitest';
import { DEFAULT_SATISFACTION_LEVELS, satisfactionLevel } from '../../src/index.js';
import { checkSatisfactionLevels } from '../../src/scoring/satisfaction-levels.js';

// The default bands are a documented convention (docs/satisfaction-index.md): ≥ 90 very satisfied,
// ≥ 80 satisfied, ≥ 70 fairly satisfied, ≥ 60 neutral, below 60 dissatisfied.

describe('satisfactionLevel', () => {
  it('the default table, from the top', () => {
    expect(DEFAULT_SATISFACTION_LEVELS).toEqual([
      { min: 90, label: 'very satisfied' },
      { min: 80, label: 'satisfied' },
      { min: 70, label: 'fairly satisfied' },
      { min: 60, label: 'neutral' },
      { min: 0, label: 'dissatisfied' },
    ]);
    expect(Object.isFrozen(DEFAULT_SATISFACTION_LEVELS)).toBe(true);
    expect(Object.isFrozen(DEFAULT_SATISFACTION_LEVELS[0])).toBe(true);
  });

  it('lower bounds are inclusive', () => {
    const cases: [number, string][] = [
      [100, 'very satisfied'],
      [90, 'very satisfied'],
      [89.99999999, 'satisfied'],
      [80, 'satisfied'],
      [79.5, 'fairly satisfied'],
      [70, 'fairly satisfied'],
      [60, 'neutral'],
      [59.9, 'dissatisfied'],
      [0, 'dissatisfied'],
      // A rounding error below 0 (an index of answers all at the bottom) still gets the lowest band.
      [-1e-13, 'dissatisfied'],
    ];
    for (const [score, label] of cases) expect(satisfactionLevel(score), String(score)).toBe(label);
  });

  it('custom bands in any order', () => {
    const bands = [
      { min: 0, label: 'red' },
      { min: 75, label: 'green' },
      { min: 50, label: 'amber' },
    ];
    expect([10, 50, 74.9, 75, 100].map((score) => satisfactionLevel(score, bands))).toEqual([
      'red',
      'amber',
      'amber',
      'green',
      'green',
    ]);
    expect(checkSatisfactionLevels('f', bands)).toEqual([bands[1], bands[2], bands[0]]);
    // A bottom band below 0 is allowed.
    expect(satisfactionLevel(0, [{ min: -10, label: 'any' }])).toBe('any');
  });

  it('documented example: 83.4 is satisfied', () => {
    expect(satisfactionLevel(83.4)).toBe('satisfied');
  });

  it('errors: scores outside 0–100, malformed bands', () => {
    for (const score of [101, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => satisfactionLevel(score)).toThrow(
        new RangeError(`satisfactionLevel: score must be a number from 0 to 100; got ${score}`),
      );
    }
    expect(() => satisfactionLevel(50, [{ min: 0, label: '' }])).toThrow(
      new RangeError('satisfactionLevel: level labels must not be empty; got "" at index 0'),
    );
    expect(() => satisfactionLevel(50, [{ min: 0 }] as never)).toThrow(
      new TypeError(
        'satisfactionLevel: levels must be an array of { min, label } bands; got object at index 0',
      ),
    );
    expect(() => satisfactionLevel(50, { min: 0, label: 'x' } as never)).toThrow(
      new TypeError('satisfactionLevel: levels must be an array of { min, label } bands; got object'),
    );
    expect(() => satisfactionLevel(50, [{ min: Number.NaN, label: 'x' }])).toThrow(
      new RangeError('satisfactionLevel: level bounds must be finite and at most 100; got NaN for "x"'),
    );
  });
});
