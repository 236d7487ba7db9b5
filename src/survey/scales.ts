import { formatValue } from '../errors.js';

/** An answer scale given in an analysis's options, for data without a survey definition. */
export interface ScaleOption {
  readonly min: number;
  readonly max: number;
  /** Answers must be whole numbers (default true, as in survey definitions). */
  readonly integer?: boolean;
}

/** The scale an analysis scores a column on. */
export interface AnswerScale {
  readonly min: number;
  readonly max: number;
  readonly integer: boolean;
}

/** How an analysis names what a scale belongs to in its messages: `'item'`, `'column'`, `'driver'`. */
export type ScaleNoun = 'item' | 'column' | 'driver';

function isScaleOption(value: unknown): value is ScaleOption {
  return (
    value !== null &&
    typeof value === 'object' &&
    typeof (value as ScaleOption).min === 'number' &&
    typeof (value as ScaleOption).max === 'number'
  );
}

/**
 * Checks the form of an analysis's `scale` option: one `{ min, max }` for every column, or one per
 * column name.
 * @throws {TypeError} for anything else
 */
export function checkScaleOption(fn: string, option: unknown, noun: ScaleNoun): void {
  if (option !== undefined && (option === null || typeof option !== 'object')) {
    throw new TypeError(`${fn}: scale must be { min, max } or one per ${noun}; got ${formatValue(option)}`);
  }
}

/**
 * The answer scale of one column: its own from the survey definition (an option that disagrees with
 * it is an error), else the `scale` option, `{ min, max }` for every column or one per column name,
 * with finite bounds, max above min, and whole-number answers unless `integer: false`.
 *
 * @param survey the column's scale in the survey definition, or `null` for plain data
 * @param option the analysis's `scale` option (its form checked by {@link checkScaleOption})
 * @param integerBounds also require whole-number bounds for a whole-number scale
 * @throws {TypeError} when the column's option is not `{ min, max }`
 * @throws {RangeError} on a disagreement with the survey definition, a missing scale or invalid bounds
 */
export function answerScale(
  fn: string,
  id: string,
  survey: AnswerScale | null,
  option: ScaleOption | Readonly<Record<string, ScaleOption>> | undefined,
  noun: ScaleNoun,
  integerBounds: boolean,
): AnswerScale {
  const given = option === undefined ? undefined : isScaleOption(option) ? option : option[id];
  if (given !== undefined && !isScaleOption(given)) {
    throw new TypeError(`${fn}: scale of ${formatValue(id)} must be { min, max }; got ${formatValue(given)}`);
  }
  if (survey !== null) {
    if (given !== undefined && (given.min !== survey.min || given.max !== survey.max)) {
      throw new RangeError(
        `${fn}: the scale of ${formatValue(id)} is ${survey.min}–${survey.max} in the survey definition; got ${given.min}–${given.max} in options.scale`,
      );
    }
    return { min: survey.min, max: survey.max, integer: survey.integer };
  }
  if (given === undefined) {
    throw new RangeError(
      `${fn}: ${noun} ${formatValue(id)} has no scale; give options.scale as { min, max } or one per ${noun}`,
    );
  }
  if (!(Number.isFinite(given.min) && Number.isFinite(given.max) && given.min < given.max)) {
    throw new RangeError(
      `${fn}: scale of ${formatValue(id)} must have finite bounds with max greater than min; got ${given.min}–${given.max}`,
    );
  }
  const integer = given.integer ?? true;
  if (integerBounds && integer && !(Number.isInteger(given.min) && Number.isInteger(given.max))) {
    throw new RangeError(
      `${fn}: an integer scale needs integer bounds (or integer: false); got ${given.min}–${given.max} for ${formatValue(id)}`,
    );
  }
  return { min: given.min, max: given.max, integer };
}

/**
 * Checks that every answer of a column (NaN = missing) lies on its scale: within the bounds, and a
 * whole number on a whole-number scale.
 * @param row how the message places the value: `'at index'` or `'in the row at index'`
 * @throws {RangeError} naming the column, the value and its row index
 */
export function checkAnswers(
  fn: string,
  id: string,
  values: ArrayLike<number>,
  scale: AnswerScale,
  row: 'at index' | 'in the row at index',
): void {
  for (let r = 0; r < values.length; r++) {
    const value = values[r]!;
    if (Number.isNaN(value)) continue;
    if (value < scale.min || value > scale.max || (scale.integer && !Number.isInteger(value))) {
      throw new RangeError(
        `${fn}: answers of ${formatValue(id)} must be ${scale.integer ? 'whole points' : 'values'} of the scale ${scale.min}–${scale.max}; got ${formatValue(value)} ${row} ${r}`,
      );
    }
  }
}
