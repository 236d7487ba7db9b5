import { formatValue } from '../errors.js';
import { quantile } from './quantile.js';
import type { Random } from './random.js';

/** Number of bootstrap resamples when none is given. */
export const DEFAULT_BOOTSTRAP_RESAMPLES = 2000;

/** The `bootstrap` option of an analysis, when given as an object. */
export interface BootstrapOptions {
  readonly resamples?: number;
  readonly seed?: number;
  readonly confidenceLevel?: number;
}

/** The settings of a percentile bootstrap, as an analysis echoes them in its result. */
export interface BootstrapSettings {
  readonly method: 'percentile';
  readonly resamples: number;
  readonly seed: number;
  readonly confidenceLevel: number;
}

/**
 * Checks the `bootstrap` option of an analysis: `true` or an object of options turns the bootstrap
 * on, `false` turns it off, and `undefined` leaves it as `defaults.on` says. Defaults:
 * {@link DEFAULT_BOOTSTRAP_RESAMPLES} resamples, the analysis's `defaults.seed`, confidence 0.95.
 *
 * @param fn the calling function, for error messages
 * @returns the settings, or `null` when the bootstrap is off
 * @throws {TypeError} when the option is neither a boolean nor an object
 * @throws {RangeError} on fewer than 2 resamples, a seed outside 0 … 2³² − 1 or a confidence level
 * outside (0, 1)
 * @example bootstrapSettings('fn', { resamples: 500 }, { seed: 1, on: false }) // { method: 'percentile', resamples: 500, seed: 1, confidenceLevel: 0.95 }
 */
export function bootstrapSettings(
  fn: string,
  option: BootstrapOptions | boolean | undefined,
  defaults: { readonly seed: number; readonly on: boolean },
): BootstrapSettings | null {
  if (option === false || (option === undefined && !defaults.on)) return null;
  if (option !== undefined && option !== true && (option === null || typeof option !== 'object')) {
    throw new TypeError(
      `${fn}: bootstrap must be true, false or { resamples, seed, confidenceLevel }; got ${formatValue(option)}`,
    );
  }
  const given: BootstrapOptions = typeof option === 'object' ? option : {};
  const resamples = given.resamples ?? DEFAULT_BOOTSTRAP_RESAMPLES;
  const seed = given.seed ?? defaults.seed;
  const confidenceLevel = given.confidenceLevel ?? 0.95;
  if (!(Number.isInteger(resamples) && resamples >= 2)) {
    throw new RangeError(
      `${fn}: bootstrap.resamples must be an integer of at least 2; got ${formatValue(resamples)}`,
    );
  }
  if (!(Number.isInteger(seed) && seed >= 0 && seed <= 0xffffffff)) {
    throw new RangeError(
      `${fn}: bootstrap.seed must be an integer from 0 to 4294967295; got ${formatValue(seed)}`,
    );
  }
  if (!(confidenceLevel > 0 && confidenceLevel < 1)) {
    throw new RangeError(
      `${fn}: bootstrap.confidenceLevel must be within (0, 1); got ${formatValue(confidenceLevel)}`,
    );
  }
  return { method: 'percentile', resamples, seed, confidenceLevel };
}

/** The respondents a bootstrap resamples, row-major, with their weights. */
export interface BootstrapRows {
  /** Number of rows, m. */
  readonly m: number;
  /** Number of columns, p. */
  readonly p: number;
  /** `block[k · p + c]` = value of column c for the k-th row. */
  readonly block: Float64Array;
  /** The respondent weight of each row; 1 for every row without weights. */
  readonly weights: Float64Array;
}

/**
 * Copies the given rows of some columns into one row-major block, with each row's respondent weight,
 * so that a resampling loop reads a drawn respondent's values from one place.
 *
 * @param columns the columns to copy (values as they are, NaN included)
 * @param rows the indices of the respondents to copy, in order (row k of the block is `rows[k]`)
 * @param weights respondent weights indexed like the columns, or `null` (every weight 1)
 * @example bootstrapRows([[1, 2, 3], [4, 5, 6]], [2, 0], null).block // Float64Array [3, 6, 1, 4]
 */
export function bootstrapRows(
  columns: readonly ArrayLike<number>[],
  rows: readonly number[],
  weights: ArrayLike<number> | null,
): BootstrapRows {
  const m = rows.length;
  const p = columns.length;
  const block = new Float64Array(m * p);
  const rowWeights = new Float64Array(m);
  rows.forEach((r, k) => {
    rowWeights[k] = weights === null ? 1 : weights[r]!;
    for (let c = 0; c < p; c++) block[k * p + c] = columns[c]![r]!;
  });
  return { m, p, block, weights: rowWeights };
}

/**
 * One bootstrap resample: `drawn.length` rows drawn with replacement from 0 … `drawn.length` − 1,
 * by as many calls of `random.index`, in order. So a seed gives the same resamples in every analysis
 * that draws them this way.
 *
 * @param drawn receives the drawn row indices (its length is the number of rows, m)
 * @example drawResample(new Random(7), new Int32Array(5)) // Int32Array [1, 2, 2, 0, 2]
 */
export function drawResample(random: Random, drawn: Int32Array): Int32Array {
  const m = drawn.length;
  for (let k = 0; k < m; k++) drawn[k] = random.index(m);
  return drawn;
}

/**
 * The percentile interval of bootstrap replicates at a confidence level 1 − α: the R type-7 quantiles
 * at α / 2 and 1 − α / 2 (Efron & Tibshirani 1993, ch. 13).
 *
 * Reference: Efron, B. & Tibshirani, R. J. (1993). An Introduction to the Bootstrap. Chapman & Hall.
 * @example percentileInterval([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.8) // [1.9, 9.1]
 */
export function percentileInterval(replicates: ArrayLike<number>, confidenceLevel: number): [number, number] {
  const alpha = 1 - confidenceLevel;
  return [quantile(replicates, alpha / 2), quantile(replicates, 1 - alpha / 2)];
}
