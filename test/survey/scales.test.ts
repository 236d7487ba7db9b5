import { expect, it } from 'vitest';
import { answerScale, checkAnswers, checkScaleOption } from '../../src/survey/scales.js';

// The answer scales of the index, importance–performance and SERVQUAL: one resolution, whose
// messages name the analysis and what the scale belongs to.
const survey = { min: 1, max: 5, integer: true };

it('takes the survey definition’s scale, and an option that agrees with it', () => {
  expect(answerScale('fn', 'q1', survey, undefined, 'item', true)).toEqual(survey);
  expect(answerScale('fn', 'q1', survey, { min: 1, max: 5 }, 'item', true)).toEqual(survey);
  expect(() => answerScale('fn', 'q1', survey, { min: 0, max: 10 }, 'item', true)).toThrow(
    'fn: the scale of "q1" is 1–5 in the survey definition; got 0–10 in options.scale',
  );
});

it('takes one scale for every column or one per column, whole-number by default', () => {
  expect(answerScale('fn', 'a', null, { min: 0, max: 10 }, 'column', false)).toEqual({
    min: 0,
    max: 10,
    integer: true,
  });
  expect(
    answerScale(
      'fn',
      'b',
      null,
      { a: { min: 1, max: 5 }, b: { min: 0, max: 1, integer: false } },
      'driver',
      false,
    ),
  ).toEqual({ min: 0, max: 1, integer: false });
});

it('names a missing or malformed scale by what it belongs to', () => {
  expect(() => answerScale('fn', 'x', null, undefined, 'driver', false)).toThrow(
    'fn: driver "x" has no scale; give options.scale as { min, max } or one per driver',
  );
  expect(() => answerScale('fn', 'x', null, { x: { min: 1 } } as never, 'item', true)).toThrow(
    'fn: scale of "x" must be { min, max }; got object',
  );
  expect(() => answerScale('fn', 'x', null, { min: 5, max: 1 }, 'column', false)).toThrow(
    'fn: scale of "x" must have finite bounds with max greater than min; got 5–1',
  );
  expect(() => checkScaleOption('fn', 7, 'column')).toThrow(
    'fn: scale must be { min, max } or one per column; got 7',
  );
  expect(() => checkScaleOption('fn', undefined, 'column')).not.toThrow();
});

it('requires whole-number bounds of a whole-number scale only when asked', () => {
  expect(() => answerScale('fn', 'x', null, { min: 1.5, max: 7 }, 'item', true)).toThrow(
    'fn: an integer scale needs integer bounds (or integer: false); got 1.5–7 for "x"',
  );
  expect(answerScale('fn', 'x', null, { min: 1.5, max: 7 }, 'column', false).min).toBe(1.5);
});

it('checks answers against their scale, naming the column, value and row', () => {
  expect(() => checkAnswers('fn', 'q1', [1, Number.NaN, 5], survey, 'at index')).not.toThrow();
  expect(() => checkAnswers('fn', 'q1', [1, 6], survey, 'at index')).toThrow(
    'fn: answers of "q1" must be whole points of the scale 1–5; got 6 at index 1',
  );
  expect(() => checkAnswers('fn', 'q1', [2.5], survey, 'in the row at index')).toThrow(
    'fn: answers of "q1" must be whole points of the scale 1–5; got 2.5 in the row at index 0',
  );
  expect(() => checkAnswers('fn', 'x', [0.25, 1.5], { min: 0, max: 1, integer: false }, 'at index')).toThrow(
    'fn: answers of "x" must be values of the scale 0–1; got 1.5 at index 1',
  );
});
