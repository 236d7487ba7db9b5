import { describe, expect, it } from 'vitest';
import { classifyWeights, resolveWeights, weightedItems } from '../../src/scoring/index-weights.js';

// The weights forms of satisfactionIndex (docs/satisfaction-index.md, "Weights"): recognised by
// shape, then resolved to one weight per analysed item. Reference values are exact fractions.

describe('classifyWeights: the interchange contract', () => {
  it('recognises each form by its shape', () => {
    expect(classifyWeights('f', undefined)).toEqual({ kind: 'equal' });
    expect(classifyWeights('f', 'equal')).toEqual({ kind: 'equal' });
    expect(classifyWeights('f', [0.5, 0.5])).toEqual({ kind: 'vector', source: 'item', values: [0.5, 0.5] });
    expect(classifyWeights('f', { a: 0.5, b: 0.5 })).toEqual({
      kind: 'named',
      source: 'item',
      entries: [
        ['a', 0.5],
        ['b', 0.5],
      ],
    });
    // Items may be called "weights", "dimensions" or "drivers": a record of numbers is a record.
    expect(classifyWeights('f', { weights: 0.5, dimensions: 0.5 })).toMatchObject({
      kind: 'named',
      source: 'item',
    });
    expect(classifyWeights('f', { weights: [0.7, 0.3], labels: ['a', 'b'], consistencyRatio: 0.02 })).toEqual(
      {
        kind: 'named',
        source: 'analysis',
        entries: [
          ['a', 0.7],
          ['b', 0.3],
        ],
      },
    );
    expect(classifyWeights('f', { weights: [0.7, 0.3], lambdaMax: 2 })).toEqual({
      kind: 'vector',
      source: 'analysis',
      values: [0.7, 0.3],
    });
    expect(classifyWeights('f', { weights: { a: 1 } })).toEqual({
      kind: 'named',
      source: 'analysis',
      entries: [['a', 1]],
    });
    expect(
      classifyWeights('f', {
        method: 'shapley',
        drivers: [{ driver: 'a', share: 0.25, importance: 0.1, rank: 2 }],
      }),
    ).toEqual({ kind: 'named', source: 'analysis', entries: [['a', 0.25]] });
    const twoLevel = classifyWeights('f', { dimensions: { X: 0.6, Y: 0.4 }, items: { X: { a: 1 } } });
    expect(twoLevel).toEqual({
      kind: 'dimension',
      dimensions: [
        ['X', 0.6],
        ['Y', 0.4],
      ],
      items: new Map([['X', [['a', 1]]]]),
    });
  });

  it('weightedItems: the items a form names, in its order', () => {
    expect(weightedItems(classifyWeights('f', { b: 0.5, a: 0.5 }))).toEqual(['b', 'a']);
    expect(weightedItems(classifyWeights('f', [1]))).toBeNull();
    expect(weightedItems(classifyWeights('f', { dimensions: { X: 1 } }))).toBeNull();
    expect(
      weightedItems(
        classifyWeights('f', {
          dimensions: { Y: 0.5, X: 0.5 },
          items: { X: { a: 1 }, Y: { c: 0.5, b: 0.5 } },
        }),
      ),
    ).toEqual(['c', 'b', 'a']);
  });

  it('rejects other shapes', () => {
    const message =
      "f: weights must be 'equal', one number per item, { item: weight }, { dimensions, items? } or an analysis result ({ weights, labels }, { weights: { item: weight } }, { drivers }); got ";
    expect(() => classifyWeights('f', 'ahp')).toThrow(new TypeError(`${message}"ahp"`));
    expect(() => classifyWeights('f', {})).toThrow(new TypeError(`${message}object`));
    expect(() => classifyWeights('f', ['a'])).toThrow(
      new TypeError('f: weights must be numbers; got "a" at index 0'),
    );
    expect(() => classifyWeights('f', { drivers: [{ driver: 'a' }] })).toThrow(
      new TypeError('f: weights.drivers must be { driver, share } objects; got object at index 0'),
    );
    expect(() => classifyWeights('f', { weights: [1, 2], labels: ['a'] })).toThrow(
      new RangeError('f: weights.labels must name each of the 2 weights; got 1 labels'),
    );
    expect(() => classifyWeights('f', { dimensions: { X: 'half' } })).toThrow(
      new TypeError('f: weights.dimensions must be an object of numbers; got "half" for "X"'),
    );
  });
});

describe('resolveWeights', () => {
  it('two-level: dimension weight × within weight, equal within by default', () => {
    const weights = classifyWeights('f', {
      dimensions: { X: 0.6, Y: 0.4 },
      items: { Y: { c: 0.25, b: 0.75 } },
    });
    const resolved = resolveWeights('f', weights, ['a', 'b', 'c', 'd'], ['X', 'Y', 'Y', 'X'], false);
    expect(resolved.weighting).toBe('dimension');
    expect(resolved.within).toEqual([0.5, 0.75, 0.25, 0.5]);
    expect(resolved.weights).toEqual([0.3, 0.30000000000000004, 0.1, 0.3]);
    expect(resolved.warnings).toEqual([]);
  });

  it('equal and positional weights', () => {
    expect(resolveWeights('f', { kind: 'equal' }, ['a', 'b', 'c', 'd'], null, false).weights).toEqual([
      0.25, 0.25, 0.25, 0.25,
    ]);
    const vector = resolveWeights('f', classifyWeights('f', [2, 6]), ['a', 'b'], null, true);
    expect(vector.weights).toEqual([0.25, 0.75]);
    expect(vector.warnings).toEqual(['f: weights summed to 8; rescaled to sum to 1']);
  });

  it('the displayed sum is rounded to 12 significant digits', () => {
    expect(() =>
      resolveWeights('f', classifyWeights('f', [0.1, 0.2, 0.6]), ['a', 'b', 'c'], null, false),
    ).toThrow(new RangeError('f: weights must sum to 1; got 0.9 (use normalize: true to rescale)'));
    expect(() =>
      resolveWeights('f', classifyWeights('f', [0.5, 0.500000002]), ['a', 'b'], null, false),
    ).toThrow(new RangeError('f: weights must sum to 1; got 1.000000002 (use normalize: true to rescale)'));
  });
});
