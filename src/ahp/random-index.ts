import { formatValue } from '../errors.js';

/**
 * A table of random indices RI(n): the mean consistency index of random reciprocal matrices on
 * Saaty's 1/9…9 scale, by order n. `values[0]` is RI(1), `values[1]` RI(2), and so on.
 */
export interface RandomIndexTable {
  /** Where the values come from (a citation, or the caller's name for user values). */
  readonly source: string;
  /** RI(1), RI(2), …: 0 for n ≤ 2, positive from n = 3. */
  readonly values: readonly number[];
}

/** The published random-index tables, by name. */
export type RandomIndexName = 'saaty-1980' | 'saaty-2005' | 'alonso-lamata-2006';

/**
 * The random-index table of a consistency ratio: a published table by name, user values for
 * n = 1, 2, … (`number[]`), or `{ source, values }`.
 */
export type RandomIndexSpec = RandomIndexName | readonly number[] | RandomIndexTable;

/**
 * Saaty (1980), The Analytic Hierarchy Process (McGraw-Hill): n = 1…10, the table that most textbooks
 * reproduce.
 */
export const SAATY_1980_RANDOM_INDEX: RandomIndexTable = {
  source: 'Saaty (1980), The Analytic Hierarchy Process, McGraw-Hill',
  values: [0, 0, 0.58, 0.9, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49],
};

/**
 * Saaty (2005), Theory and Applications of the Analytic Network Process (RWS Publications), p. 31:
 * n = 1…15, recomputed from larger samples of random matrices.
 */
export const SAATY_2005_RANDOM_INDEX: RandomIndexTable = {
  source: 'Saaty (2005), Theory and Applications of the Analytic Network Process, RWS Publications, p. 31',
  values: [0, 0, 0.52, 0.89, 1.11, 1.25, 1.35, 1.4, 1.45, 1.49, 1.52, 1.54, 1.56, 1.58, 1.59],
};

/**
 * Alonso & Lamata (2006), Consistency in the analytic hierarchy process: a new approach.
 * International Journal of Uncertainty, Fuzziness and Knowledge-Based Systems 14(4), 445–459:
 * n = 1…15, means over 100,000 random matrices per order. Copies of this table differ in the fourth
 * decimal (R's ahpsurvey has 0.5245, 0.8815, 1.4056 and 1.5141 for n = 3, 4, 8 and 11); a table of
 * one's own can be passed as `randomIndex`.
 */
export const ALONSO_LAMATA_2006_RANDOM_INDEX: RandomIndexTable = {
  source:
    'Alonso & Lamata (2006), International Journal of Uncertainty, Fuzziness and Knowledge-Based Systems 14(4), 445–459',
  values: [
    0, 0, 0.5247, 0.8816, 1.1086, 1.2479, 1.3417, 1.4057, 1.4499, 1.4854, 1.514, 1.5365, 1.5551, 1.5713,
    1.5838,
  ],
};

const TABLES: Readonly<Record<RandomIndexName, RandomIndexTable>> = {
  'saaty-1980': SAATY_1980_RANDOM_INDEX,
  'saaty-2005': SAATY_2005_RANDOM_INDEX,
  'alonso-lamata-2006': ALONSO_LAMATA_2006_RANDOM_INDEX,
};

function checkValues(fn: string, values: readonly unknown[]): number[] {
  if (values.length === 0) {
    throw new RangeError(`${fn}: randomIndex must list RI(1), RI(2), …; got an empty array`);
  }
  return values.map((value, i) => {
    if (typeof value !== 'number') {
      throw new TypeError(
        `${fn}: randomIndex values must be numbers; got ${formatValue(value)} for n = ${i + 1}`,
      );
    }
    const valid = i < 2 ? value >= 0 && Number.isFinite(value) : value > 0 && Number.isFinite(value);
    if (!valid) {
      throw new RangeError(
        `${fn}: randomIndex values must be ${i < 2 ? 'non-negative' : 'positive'} and finite (RI(n) for n = 1, 2, …); got ${formatValue(value)} for n = ${i + 1}`,
      );
    }
    return value;
  });
}

/**
 * Resolves a {@link RandomIndexSpec} to a table (default Saaty 1980), checking user values.
 * @throws {RangeError} for an unknown table name or invalid values
 * @throws {TypeError} for a spec of the wrong kind
 */
export function resolveRandomIndexTable(
  fn: string,
  spec: RandomIndexSpec | undefined,
): { readonly source: string; readonly values: number[] } {
  if (spec === undefined)
    return { source: SAATY_1980_RANDOM_INDEX.source, values: [...SAATY_1980_RANDOM_INDEX.values] };
  if (typeof spec === 'string') {
    const table = Object.hasOwn(TABLES, spec) ? TABLES[spec] : undefined;
    if (table === undefined) {
      throw new RangeError(
        `${fn}: randomIndex must be ${Object.keys(TABLES)
          .map((name) => `'${name}'`)
          .join(', ')}, an array of values or { source, values }; got ${formatValue(spec)}`,
      );
    }
    return { source: table.source, values: [...table.values] };
  }
  if (Array.isArray(spec)) return { source: 'user', values: checkValues(fn, spec) };
  if (typeof spec === 'object' && spec !== null && Array.isArray((spec as RandomIndexTable).values)) {
    const { source, values } = spec as RandomIndexTable;
    if (typeof source !== 'string') {
      throw new TypeError(`${fn}: randomIndex.source must be a string; got ${formatValue(source)}`);
    }
    return { source, values: checkValues(fn, values) };
  }
  throw new TypeError(
    `${fn}: randomIndex must be a table name, an array of values or { source, values }; got ${formatValue(spec)}`,
  );
}

/**
 * RI(n) from a resolved table: 0 for n ≤ 2 (every 1 × 1 and 2 × 2 reciprocal matrix is consistent).
 * @throws {RangeError} when the table has no value for n
 */
export function randomIndexOf(
  fn: string,
  table: { readonly source: string; readonly values: readonly number[] },
  n: number,
): number {
  if (n <= 2) return 0;
  const value = table.values[n - 1];
  if (value === undefined) {
    throw new RangeError(
      `${fn}: the random-index table (${table.source}) covers n = 1…${table.values.length}; got n = ${n} (${
        n <= 15
          ? "give randomIndex: 'saaty-2005' or 'alonso-lamata-2006' for n up to 15, or your own values"
          : 'give your own values in randomIndex'
      })`,
    );
  }
  return value;
}
