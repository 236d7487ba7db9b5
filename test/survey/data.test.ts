import { expect, it, describe as suite } from 'vitest';
import { resolveData } from '../../src/survey/data.js';
import { defineSurvey } from '../../src/survey/define-survey.js';

const values = (column: ArrayLike<number>) => Array.from(column);

const survey = defineSurvey({
  scale: { min: 1, max: 5 },
  items: [
    { id: 'q1' },
    { id: 'q2', reverse: true },
    { id: 'amount', scale: { min: 0, max: 100, integer: false } },
  ],
  weight: 'w',
});
const responses = survey.parse([
  { q1: 1, q2: 1, amount: 10, w: 2 },
  { q1: 'NA', q2: 4, amount: 2.5, w: 0.5 },
  { q1: 5, q2: 2, amount: '', w: 1 },
]);

suite('resolveData: Responses', () => {
  it('shares the columns and weights, with each item scale', () => {
    const data = resolveData('fn', responses);
    expect(data.n).toBe(3);
    expect(data.items).toEqual(['q1', 'q2', 'amount']);
    expect(data.columns[0]).toBe(responses.column('q1'));
    expect(values(data.columns[1]!)).toEqual([5, 2, 4]);
    expect(data.weights).toBe(responses.weights);
    expect(data.scales).toEqual([
      { min: 1, max: 5, integer: true },
      { min: 1, max: 5, integer: true },
      { min: 0, max: 100, integer: false },
    ]);
  });

  it('picks items in the order given, drops or replaces the weights', () => {
    const data = resolveData('fn', responses, { items: ['amount', 'q1'], weights: false });
    expect(data.items).toEqual(['amount', 'q1']);
    expect(values(data.columns[0]!)).toEqual([10, 2.5, Number.NaN]);
    expect(data.weights).toBeNull();
    expect(values(resolveData('fn', responses, { weights: [1, 2, 3] }).weights!)).toEqual([1, 2, 3]);
  });

  it('names the unknown items with the available ones, and a duplicate', () => {
    expect(() => resolveData('fn', responses, { items: ['q1', 'q9'] })).toThrow(
      new RangeError('fn: unknown item "q9"; available are q1, q2, amount'),
    );
    expect(() => resolveData('fn', responses, { items: ['q8', 'q9'] })).toThrow(
      new RangeError('fn: unknown items "q8", "q9"; available are q1, q2, amount'),
    );
    expect(() => resolveData('fn', responses, { items: ['q2', 'q1', 'q2'] })).toThrow(
      new RangeError('fn: item "q2" is listed twice'),
    );
  });

  it('checks weights given for Responses', () => {
    expect(() => resolveData('fn', responses, { weights: [1, 2] })).toThrow(
      new RangeError('fn: weights must have one value per respondent (3); got 2'),
    );
    expect(() => resolveData('fn', responses, { weights: [1, 0, 2] })).toThrow(
      new RangeError('fn: weights must be positive and finite; got 0 at index 1'),
    );
  });
});

suite('resolveData: a table of columns', () => {
  it('reads arrays with null as missing, and shares Float64Array columns', () => {
    const shared = new Float64Array([1, 2, 3]);
    const data = resolveData('fn', { a: [1, null, 3], b: shared, c: new Int8Array([-1, 0, 1]) });
    expect(data.n).toBe(3);
    expect(data.items).toEqual(['a', 'b', 'c']);
    expect(values(data.columns[0]!)).toEqual([1, Number.NaN, 3]);
    expect(data.columns[1]).toBe(shared);
    expect(data.columns[2]).toBeInstanceOf(Float64Array);
    expect(values(data.columns[2]!)).toEqual([-1, 0, 1]);
    expect(data.weights).toBeNull();
    expect(data.scales).toEqual([null, null, null]);
  });

  it('takes weights, shared when they are a Float64Array', () => {
    const weights = new Float64Array([1, 2, 0.5]);
    expect(resolveData('fn', { a: [1, 2, 3] }, { weights }).weights).toBe(weights);
    expect(resolveData('fn', { a: [1, 2, 3] }, { weights: false }).weights).toBeNull();
  });

  it('accepts an empty table', () => {
    expect(resolveData('fn', {})).toEqual({ n: 0, items: [], columns: [], weights: null, scales: [] });
  });

  it('rejects unequal columns, non-number cells, non-columns, bad weights and unknown items', () => {
    expect(() => resolveData('fn', { a: [1, 2, 3], b: [1, 2] })).toThrow(
      new RangeError('fn: columns must have equal lengths; got 3 for "a" and 2 for "b"'),
    );
    expect(() => resolveData('fn', { a: [1, '2', 3] } as never)).toThrow(
      new TypeError('fn: column "a" must hold numbers; got "2" at index 1'),
    );
    expect(() => resolveData('fn', { a: 5 } as never)).toThrow(
      new TypeError('fn: column "a" must be an array of numbers; got 5'),
    );
    expect(() => resolveData('fn', { a: [1, 2] }, { weights: [1] })).toThrow(
      new RangeError('fn: weights must have one value per respondent (2); got 1'),
    );
    expect(() => resolveData('fn', { a: [1, 2] }, { weights: [1, -1] })).toThrow(
      new RangeError('fn: weights must be positive and finite; got -1 at index 1'),
    );
    expect(() => resolveData('fn', { a: [1, 2] }, { weights: [1, Number.NaN] })).toThrow(
      new RangeError('fn: weights must be positive and finite; got NaN at index 1'),
    );
    expect(() => resolveData('fn', { a: [1, 2] }, { weights: [1, Number.POSITIVE_INFINITY] })).toThrow(
      new RangeError('fn: weights must be positive and finite; got Infinity at index 1'),
    );
    expect(() => resolveData('fn', { a: [1], b: [2] }, { items: ['c'] })).toThrow(
      new RangeError('fn: unknown item "c"; available are a, b'),
    );
    expect(() => resolveData('fn', { a: [1], b: [2] }, { items: ['b', 'b'] })).toThrow(
      new RangeError('fn: item "b" is listed twice'),
    );
    expect(() => resolveData('fn', 'q1' as never)).toThrow(
      new TypeError('fn: data must be Responses, an object of columns or rows of numbers; got "q1"'),
    );
    expect(() => resolveData('fn', null as never)).toThrow(
      new TypeError('fn: data must be Responses, an object of columns or rows of numbers; got null'),
    );
  });
});

suite('resolveData: rows with columns', () => {
  it('rejects duplicate column names', () => {
    expect(() => resolveData('fn', [[1, 2]], { columns: ['a', 'a'] })).toThrow(
      new RangeError('fn: column names must be unique; got "a" twice'),
    );
  });

  it('reads rows into columns, null as missing, then picks items and weights', () => {
    const data = resolveData(
      'fn',
      [
        [1, 2, 3],
        [4, null as unknown as number, 6],
      ],
      { columns: ['a', 'b', 'c'], items: ['c', 'a'], weights: [1, 3] },
    );
    expect(data.n).toBe(2);
    expect(data.items).toEqual(['c', 'a']);
    expect(data.columns.map(values)).toEqual([
      [3, 6],
      [1, 4],
    ]);
    expect(values(data.weights!)).toEqual([1, 3]);
    const all = resolveData('fn', [[1, Number.NaN]], { columns: ['a', 'b'] });
    expect(all.items).toEqual(['a', 'b']);
    expect(values(all.columns[1]!)).toEqual([Number.NaN]);
  });

  it('rejects rows without columns, ragged rows, non-numbers, unknown items and bad weights', () => {
    expect(() => resolveData('fn', [[1, 2]])).toThrow(
      new TypeError('fn: row data (number[][]) need options.columns to name the columns'),
    );
    expect(() => resolveData('fn', [[1, 2], [3]], { columns: ['a', 'b'] })).toThrow(
      new RangeError('fn: every row must have 2 values (one per column); got 1 in the row at index 1'),
    );
    expect(() => resolveData('fn', [[1, 2], 'x' as never], { columns: ['a', 'b'] })).toThrow(
      new RangeError('fn: every row must have 2 values (one per column); got "x" in the row at index 1'),
    );
    expect(() => resolveData('fn', [[1, '2' as never]], { columns: ['a', 'b'] })).toThrow(
      new TypeError('fn: rows must hold numbers; got "2" in the row at index 0, column "b"'),
    );
    expect(() => resolveData('fn', [[1, 2]], { columns: ['a', 'b'], items: ['a', 'z'] })).toThrow(
      new RangeError('fn: unknown item "z"; available are a, b'),
    );
    expect(() => resolveData('fn', [[1, 2]], { columns: ['a', 'b'], items: ['a', 'a'] })).toThrow(
      new RangeError('fn: item "a" is listed twice'),
    );
    expect(() => resolveData('fn', [[1, 2]], { columns: ['a', 'b'], weights: [0] })).toThrow(
      new RangeError('fn: weights must be positive and finite; got 0 at index 0'),
    );
    expect(() => resolveData('fn', [[1, 2]], { columns: ['a', 'b'], weights: [1, 1] })).toThrow(
      new RangeError('fn: weights must have one value per respondent (1); got 2'),
    );
  });
});
