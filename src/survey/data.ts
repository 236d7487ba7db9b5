import { formatValue } from '../errors.js';
import { Responses } from './responses.js';
import type { Scale } from './schema.js';

/**
 * What every analysis accepts as data: parsed {@link Responses}, a table of named columns, or rows of
 * numbers with their column names in the options. `NaN` (or `null` in a column) is a missing answer.
 */
export type SurveyData =
  | Responses
  | Readonly<Record<string, ArrayLike<number | null>>>
  | readonly (readonly number[])[];

/** Options that say which part of the data an analysis reads. */
export interface DataOptions {
  /** Column names, required when the data are rows (`number[][]`). */
  readonly columns?: readonly string[];
  /** Items to analyse, in this order (default: every item or column). */
  readonly items?: readonly string[];
  /**
   * Respondent weights (positive, one per row), or `false` to ignore the weights that a `Responses`
   * carries. Default: the survey's weight column when there is one, else unweighted.
   */
  readonly weights?: ArrayLike<number> | false;
}

/** Data normalised for computation: one `Float64Array` per item, NaN = missing. */
export interface Dataset {
  readonly n: number;
  readonly items: readonly string[];
  readonly columns: readonly Float64Array[];
  readonly weights: Float64Array | null;
  /** Each item's scale when the data came with a survey definition, else `null`. */
  readonly scales: readonly (Scale | null)[];
}

function toFloat64(fn: string, name: string, values: ArrayLike<number | null>): Float64Array {
  if (values instanceof Float64Array) return values;
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (typeof value === 'number') out[i] = value;
    else if (value === null || value === undefined) out[i] = Number.NaN;
    else
      throw new TypeError(
        `${fn}: column ${formatValue(name)} must hold numbers; got ${formatValue(value)} at index ${i}`,
      );
  }
  return out;
}

function pickItems(
  fn: string,
  available: readonly string[],
  wanted: readonly string[] | undefined,
): readonly string[] {
  if (wanted === undefined) return available;
  const known = new Set(available);
  const unknown = wanted.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new RangeError(
      `${fn}: unknown ${unknown.length === 1 ? 'item' : 'items'} ${unknown.map(formatValue).join(', ')}; available are ${available.join(', ')}`,
    );
  }
  const seen = new Set<string>();
  for (const id of wanted) {
    if (seen.has(id)) throw new RangeError(`${fn}: item ${formatValue(id)} is listed twice`);
    seen.add(id);
  }
  return wanted;
}

function checkWeights(fn: string, weights: ArrayLike<number>, n: number): Float64Array {
  if (weights.length !== n) {
    throw new RangeError(`${fn}: weights must have one value per respondent (${n}); got ${weights.length}`);
  }
  const out = toFloat64(fn, 'weights', weights);
  for (let i = 0; i < n; i++) {
    const w = out[i]!;
    if (!(w > 0 && Number.isFinite(w))) {
      throw new RangeError(`${fn}: weights must be positive and finite; got ${formatValue(w)} at index ${i}`);
    }
  }
  return out;
}

/**
 * Normalises any accepted data form into a {@link Dataset}. Every analysis calls this, so the rules
 * are the same everywhere: columns must have equal lengths, rows must match `columns`, weights must
 * be positive and finite, unknown item names are an error that lists the available ones.
 * Float64Array columns (and `Responses` columns) are shared, not copied.
 *
 * @param fn the calling function's name, used in error messages
 * @throws {TypeError} when the data are not one of the accepted forms
 * @throws {RangeError} on unequal lengths, unknown items or invalid weights
 */
export function resolveData(fn: string, data: SurveyData, options: DataOptions = {}): Dataset {
  if (data instanceof Responses) {
    const items = pickItems(fn, data.items, options.items);
    const weights =
      options.weights === false
        ? null
        : options.weights !== undefined
          ? checkWeights(fn, options.weights, data.n)
          : (data.weights ?? null);
    return {
      n: data.n,
      items,
      columns: items.map((id) => data.column(id)),
      weights,
      scales: items.map((id) => data.scale(id)),
    };
  }
  if (Array.isArray(data)) {
    const rows = data as readonly (readonly number[])[];
    const names = options.columns;
    if (names === undefined) {
      throw new TypeError(`${fn}: row data (number[][]) need options.columns to name the columns`);
    }
    const duplicate = names.find((name, index) => names.indexOf(name) !== index);
    if (duplicate !== undefined)
      throw new RangeError(`${fn}: column names must be unique; got ${formatValue(duplicate)} twice`);
    const columns = names.map(() => new Float64Array(rows.length));
    rows.forEach((row, r) => {
      if (!Array.isArray(row) || row.length !== names.length) {
        throw new RangeError(
          `${fn}: every row must have ${names.length} values (one per column); got ${Array.isArray(row) ? row.length : formatValue(row)} in the row at index ${r}`,
        );
      }
      for (let c = 0; c < names.length; c++) {
        const value = row[c];
        if (typeof value === 'number') columns[c]![r] = value;
        else if (value === null || value === undefined) columns[c]![r] = Number.NaN;
        else
          throw new TypeError(
            `${fn}: rows must hold numbers; got ${formatValue(value)} in the row at index ${r}, column ${formatValue(names[c])}`,
          );
      }
    });
    const table: Record<string, Float64Array> = {};
    names.forEach((name, c) => {
      table[name] = columns[c]!;
    });
    const { columns: _names, ...rest } = options;
    return resolveData(fn, table, rest);
  }
  if (typeof data !== 'object' || data === null) {
    throw new TypeError(
      `${fn}: data must be Responses, an object of columns or rows of numbers; got ${formatValue(data)}`,
    );
  }
  const table = data as Readonly<Record<string, ArrayLike<number | null>>>;
  const available = Object.keys(table);
  const items = pickItems(fn, available, options.items);
  let n = -1;
  const columns = items.map((id) => {
    const values = table[id];
    if (values === undefined || typeof values !== 'object' || typeof values.length !== 'number') {
      throw new TypeError(
        `${fn}: column ${formatValue(id)} must be an array of numbers; got ${formatValue(values)}`,
      );
    }
    if (n === -1) n = values.length;
    else if (values.length !== n) {
      throw new RangeError(
        `${fn}: columns must have equal lengths; got ${n} for ${formatValue(items[0])} and ${values.length} for ${formatValue(id)}`,
      );
    }
    return toFloat64(fn, id, values);
  });
  if (n === -1) n = 0;
  const weights =
    options.weights === undefined || options.weights === false ? null : checkWeights(fn, options.weights, n);
  return { n, items, columns, weights, scales: items.map(() => null) };
}
