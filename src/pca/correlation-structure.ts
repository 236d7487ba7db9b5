import { formatValue } from '../errors.js';
import { COLLINEAR_PIVOT_RATIO, cholesky, dependenceOn } from '../stats/cholesky.js';
import { effectiveSampleSize } from '../stats/confidence.js';
import { covarianceToCorrelation } from '../stats/linear-algebra.js';
import { datasetMoments, type MissingPolicy, Moments, missingPolicy, momentItems } from '../stats/moments.js';
import { type DataOptions, type Dataset, resolveData, type SurveyData } from '../survey/data.js';

/**
 * A precomputed correlation (or covariance) matrix with its number of respondents, for analyses that
 * need only the p × p structure (no component scores then). `items` names the rows and columns
 * (default `V1`, `V2`, … as R names unnamed columns).
 */
export interface CorrelationMatrixInput {
  readonly correlation?: readonly (readonly number[])[];
  readonly covariance?: readonly (readonly number[])[];
  /** Respondents behind the matrix (Bartlett's test needs it). */
  readonly n: number;
  readonly items?: readonly string[];
}

/** What PCA, KMO and Bartlett's test accept: raw data, precomputed moments, or a matrix with its n. */
export type PcaData = SurveyData | Moments | CorrelationMatrixInput;

/** Options shared by `pca`, `kmo` and `bartlettSphericity`: which data and the missing-data policy. */
export interface CorrelationStructureOptions extends DataOptions {
  /**
   * `'listwise'` (default): only respondents who answered every item are used, the others counted in
   * `dropped`. `'pairwise'`: each correlation uses every respondent who answered both items (R's
   * `cor(use = "pairwise.complete.obs")`, psych's default).
   */
  readonly missing?: MissingPolicy;
}

/** The correlation structure of the analysed items, checked (internal). */
export interface CorrelationStructure {
  readonly source: 'data' | 'moments' | 'matrix';
  readonly items: readonly string[];
  readonly missing: MissingPolicy;
  readonly weighted: boolean;
  /** Respondents used: listwise, those who answered every item; pairwise, those who answered any. */
  readonly n: number;
  readonly dropped: number;
  /** The n of Bartlett's statistic: Kish's effective sample size with respondent weights, else n. */
  readonly sampleSize: number;
  readonly correlation: number[][];
  /** `null` when only a correlation matrix was given. */
  readonly covariance: number[][] | null;
  /** Item means (listwise: of the complete rows; pairwise: of each item's answers); `null` for a matrix. */
  readonly means: number[] | null;
  /** The columns for scoring; `null` for moments and matrices. */
  readonly dataset: Dataset | null;
  /** Cholesky pivots of the correlation matrix (1 − R² of each item on those before it). */
  readonly pivots: number[];
  /** Whether the correlation matrix is positive definite (a pairwise matrix may not be). */
  readonly positiveDefinite: boolean;
  readonly warnings: string[];
}

/**
 * Pivot ratio (1 − R² of an item on the items before it) at or below which the Cholesky
 * factorisation stops and the item counts as an exact linear combination of them: the threshold of
 * `cholesky` and of `inverseSymmetricPositiveDefinite`. A stopped pivot below −SINGULAR_PIVOT is not
 * a collapse but a matrix that is not positive semi-definite.
 */
const SINGULAR_PIVOT = COLLINEAR_PIVOT_RATIO;

function isMatrixInput(data: unknown): data is CorrelationMatrixInput {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return false;
  const value = data as Record<string, unknown>;
  const matrix = value.correlation ?? value.covariance;
  return Array.isArray(matrix) && (matrix.length === 0 || Array.isArray(matrix[0]));
}

function checkMatrix(fn: string, name: string, matrix: readonly (readonly number[])[]): number[][] {
  const p = matrix.length;
  matrix.forEach((row, i) => {
    if (!Array.isArray(row) || row.length !== p) {
      throw new RangeError(
        `${fn}: ${name} must be square (${p} × ${p}); got ${Array.isArray(row) ? row.length : formatValue(row)} values in row ${i}`,
      );
    }
    row.forEach((value, j) => {
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        throw new RangeError(
          `${fn}: ${name} must hold finite numbers; got ${formatValue(value)} at [${i}][${j}]`,
        );
      }
    });
  });
  for (let i = 0; i < p; i++) {
    for (let j = 0; j < i; j++) {
      const a = matrix[i]![j]!;
      const b = matrix[j]![i]!;
      if (Math.abs(a - b) > 1e-10 * Math.max(1, Math.abs(a))) {
        throw new RangeError(
          `${fn}: ${name} must be symmetric; got [${i}][${j}] = ${a}, [${j}][${i}] = ${b}`,
        );
      }
    }
  }
  // Symmetric from the lower triangle.
  return matrix.map((row, i) => row.map((value, j) => (j <= i ? value : matrix[j]![i]!)));
}

/**
 * Checks a correlation matrix for exact linear dependence: the first item (in item order) whose
 * squared multiple correlation with the items before it is 1 (to 1e-10) is named, with the items it
 * is a combination of. A negative pivot means the matrix is indefinite (possible under pairwise
 * deletion), which is reported, not thrown. The pivots returned are {@link cholesky}'s dᵢ themselves
 * (up to the one that stopped it), not dᵢ / Rᵢᵢ: a given correlation matrix may hold 1 ± 1e-10 on its
 * diagonal, and Σ log dᵢ is Bartlett's log-determinant.
 * @throws {RangeError} naming the dependent item
 */
export function checkLinearDependence(
  fn: string,
  items: readonly string[],
  correlation: readonly (readonly number[])[],
): { pivots: number[]; positiveDefinite: boolean } {
  const p = correlation.length;
  const matrix = Float64Array.from(correlation.flat());
  const factor = cholesky(matrix, p, SINGULAR_PIVOT);
  const stop = factor.failedAt;
  const pivots = Array.from(factor.pivots.subarray(0, stop === -1 ? p : stop + 1));
  if (stop === -1) return { pivots, positiveDefinite: true };
  const pivot = pivots[stop]!;
  if (pivot > -SINGULAR_PIVOT) {
    // The items it depends on: its regression coefficients on the items before it, above 1e-8 of
    // the largest.
    const b = dependenceOn(factor, matrix, stop);
    const largest = b.reduce((a, value) => Math.max(a, Math.abs(value)), 0);
    const on = items.filter((_, i) => i < stop && Math.abs(b[i]!) > 1e-8 * largest).map(formatValue);
    throw new RangeError(
      `${fn}: item ${formatValue(items[stop])} is a linear combination of ${on.length === 1 ? 'item' : 'items'} ${on.join(', ')} (R² = 1): the correlation matrix is singular; remove it or one of them; got 1 − R² = ${pivot.toExponential(2)}`,
    );
  }
  return { pivots, positiveDefinite: false };
}

function checkItemCount(fn: string, items: readonly string[]): void {
  if (items.length < 2) throw new RangeError(`${fn}: needs at least 2 items; got ${items.length}`);
}

function checkCounts(fn: string, items: readonly string[], n: number, what: string): void {
  checkItemCount(fn, items);
  if (!(n > items.length)) {
    throw new RangeError(
      `${fn}: needs more respondents${what} than items (n > p), or the correlation matrix is singular; got ${n} for ${items.length} items`,
    );
  }
}

function constantItems(fn: string, items: readonly string[], variances: readonly number[]): void {
  const constant = items.filter((_, i) => !(variances[i]! > 0));
  if (constant.length > 0) {
    throw new RangeError(
      `${fn}: ${constant.length === 1 ? 'item' : 'items'} ${constant.map(formatValue).join(', ')} ${constant.length === 1 ? 'has' : 'have'} no variance (every answer is the same); remove ${constant.length === 1 ? 'it' : 'them'} from items`,
    );
  }
}

function fromMoments(
  fn: string,
  m: Moments,
  wanted: readonly string[],
  n: number,
  dropped: number,
  sampleSize: number,
  dataset: Dataset | null,
): Omit<CorrelationStructure, 'pivots' | 'positiveDefinite'> {
  const index = wanted.map((id) => m.items.indexOf(id));
  const counts = m.pairCounts();
  wanted.forEach((a, i) => {
    wanted.forEach((b, j) => {
      const count = counts[index[i]!]![index[j]!]!;
      if (j <= i && count < 2) {
        throw new RangeError(
          i === j
            ? `${fn}: item ${formatValue(a)} needs at least 2 answers; got ${count}`
            : `${fn}: items ${formatValue(b)} and ${formatValue(a)} need at least 2 common answers for a correlation; got ${count}`,
        );
      }
    });
  });
  const variances = m.variances();
  constantItems(
    fn,
    wanted,
    index.map((i) => variances[i]!),
  );
  const pick = (matrix: number[][]) => index.map((i) => index.map((j) => matrix[i]![j]!));
  const covariance = pick(m.covariance());
  const correlation = pick(m.correlation());
  const means = m.means();
  return {
    source: dataset === null ? 'moments' : 'data',
    items: wanted,
    missing: m.missing,
    weighted: m.weighted,
    n,
    dropped,
    sampleSize,
    correlation,
    covariance,
    means: index.map((i) => means[i]!),
    dataset,
    warnings: [],
  };
}

/**
 * The correlation structure of the analysed items from raw data, {@link Moments} or a matrix with its
 * n, with every check that PCA, KMO and Bartlett's test share: at least 2 items and more respondents
 * than items, no constant item, no item that is an exact linear combination of others.
 *
 * @throws {TypeError} when the data are not one of the accepted forms
 * @throws {RangeError} on too few items or respondents, a constant or linearly dependent item,
 * unknown items, a missing policy that differs from the moments', or a malformed matrix
 */
export function correlationStructure(
  fn: string,
  data: PcaData,
  options: CorrelationStructureOptions,
): CorrelationStructure {
  const missing = missingPolicy(fn, options.missing);
  let structure: Omit<CorrelationStructure, 'pivots' | 'positiveDefinite'>;
  if (data instanceof Moments) {
    const wanted = momentItems(fn, data, options);
    checkCounts(fn, wanted, data.n, '');
    structure = fromMoments(fn, data, wanted, data.n, data.dropped, data.n, null);
    if (data.weighted) {
      structure.warnings.push(
        `${fn}: weighted moments do not carry the effective sample size; Bartlett's test uses n = ${data.n}`,
      );
    }
  } else if (isMatrixInput(data)) {
    structure = fromMatrix(fn, data, options);
  } else {
    const dataset = resolveData(fn, data, options);
    checkItemCount(fn, dataset.items);
    const m = datasetMoments(dataset, missing);
    let used = m.n;
    let keep: (r: number) => boolean = (r) => dataset.columns.every((column) => !Number.isNaN(column[r]!));
    if (missing === 'pairwise') {
      keep = (r) => dataset.columns.some((column) => !Number.isNaN(column[r]!));
      used = 0;
      for (let r = 0; r < dataset.n; r++) if (keep(r)) used++;
    }
    checkCounts(fn, dataset.items, used, missing === 'listwise' ? ' with every item answered' : '');
    const sampleSize =
      dataset.weights === null ? used : effectiveSampleSize(dataset.weights.filter((_, r) => keep(r)));
    structure = fromMoments(fn, m, dataset.items, used, dataset.n - used, sampleSize, dataset);
  }
  const { pivots, positiveDefinite } = checkLinearDependence(fn, structure.items, structure.correlation);
  if (!positiveDefinite) {
    structure.warnings.push(
      `${fn}: the correlation matrix is not positive definite (pairwise deletion can make it indefinite): KMO and Bartlett's test are not reported`,
    );
  }
  return { ...structure, pivots, positiveDefinite };
}

function fromMatrix(
  fn: string,
  data: CorrelationMatrixInput,
  options: CorrelationStructureOptions,
): Omit<CorrelationStructure, 'pivots' | 'positiveDefinite'> {
  if (data.correlation !== undefined && data.covariance !== undefined) {
    throw new TypeError(`${fn}: give a correlation or a covariance matrix, not both`);
  }
  const name = data.correlation !== undefined ? 'correlation' : 'covariance';
  const matrix = checkMatrix(fn, name, (data.correlation ?? data.covariance)!);
  const p = matrix.length;
  const all = data.items ?? Array.from({ length: p }, (_, i) => `V${i + 1}`);
  if (all.length !== p) {
    throw new RangeError(
      `${fn}: items must name the ${p} rows of the ${name} matrix; got ${all.length} names`,
    );
  }
  if (new Set(all).size !== all.length) {
    throw new RangeError(`${fn}: items of the ${name} matrix must be unique; got ${all.join(', ')}`);
  }
  if (options.missing !== undefined) {
    throw new RangeError(
      `${fn}: missing applies to data, not to a ${name} matrix; got ${formatValue(options.missing)}`,
    );
  }
  const wanted = options.items ?? all;
  for (const id of wanted) {
    if (!all.includes(id)) {
      throw new RangeError(
        `${fn}: unknown item ${formatValue(id)}; the ${name} matrix has ${all.join(', ')}`,
      );
    }
  }
  const index = wanted.map((id) => all.indexOf(id));
  const selected = index.map((i) => index.map((j) => matrix[i]![j]!));
  if (!(typeof data.n === 'number' && Number.isInteger(data.n))) {
    throw new TypeError(
      `${fn}: n must be the whole number of respondents behind the ${name} matrix; got ${formatValue(data.n)}`,
    );
  }
  checkCounts(fn, wanted, data.n, '');
  constantItems(
    fn,
    wanted,
    selected.map((row, i) => row[i]!),
  );
  if (name === 'correlation') {
    selected.forEach((row, i) => {
      if (Math.abs(row[i]! - 1) > 1e-10) {
        throw new RangeError(
          `${fn}: a correlation matrix has 1 on its diagonal; got ${row[i]} for ${formatValue(wanted[i])}`,
        );
      }
    });
  }
  return {
    source: 'matrix',
    items: wanted,
    missing: 'listwise',
    weighted: false,
    n: data.n,
    dropped: 0,
    sampleSize: data.n,
    correlation: name === 'correlation' ? selected : covarianceToCorrelation(selected),
    covariance: name === 'covariance' ? selected : null,
    means: null,
    dataset: null,
    warnings: [],
  };
}
