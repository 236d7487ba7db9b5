import { formatValue } from '../errors.js';
import { iterationSettings } from '../stats/iteration.js';
import { orthogonalPolarFactor } from '../stats/pca-rotation.js';

/** Options of {@link varimax}. */
export interface VarimaxOptions {
  /** Kaiser normalisation: rotate the rows scaled to unit length, then scale back (default true). */
  readonly normalize?: boolean;
  /** Convergence: the largest change of any entry of the rotation matrix in one step (default 1e-12). */
  readonly tolerance?: number;
  /** Iterations allowed before stopping with a warning (default 10,000). */
  readonly maxIterations?: number;
}

/** Result of {@link varimax}. */
export interface VarimaxResult {
  readonly method: 'varimax';
  readonly normalize: boolean;
  /** Rotated loadings (items × components) = loadings · rotationMatrix. */
  readonly loadings: number[][];
  /** The orthogonal rotation matrix T (components × components), columns ordered and signed as `loadings`. */
  readonly rotationMatrix: number[][];
  /** Σᵢ of the squared rotated loadings of each component (the variance it accounts for), decreasing. */
  readonly sumsOfSquares: number[];
  readonly iterations: number;
  readonly converged: boolean;
  readonly tolerance: number;
  readonly warnings: readonly string[];
}

/**
 * The sign rule of components: each column is multiplied by −1 when its largest-magnitude entry
 * (the first such, in row order) is negative, so that the largest entry is positive. Returns the
 * signs (±1) and changes `columns` (rows × columns) in place.
 */
export function signByLargest(matrix: number[][]): number[] {
  const m = matrix[0]?.length ?? 0;
  const signs: number[] = [];
  for (let j = 0; j < m; j++) {
    let largest = 0;
    for (const row of matrix) if (Math.abs(row[j]!) > Math.abs(largest)) largest = row[j]!;
    const sign = largest < 0 ? -1 : 1;
    signs.push(sign);
    if (sign < 0) for (const row of matrix) row[j] = -row[j]!;
  }
  return signs;
}

/** Whether a value is a non-empty array whose first element is an array (no narrowing). */
function isMatrix(value: unknown): boolean {
  return Array.isArray(value) && value.length > 0 && Array.isArray(value[0]);
}

function product(a: readonly (readonly number[])[], b: readonly (readonly number[])[]): number[][] {
  const inner = b.length;
  const columns = b[0]?.length ?? 0;
  return a.map((row) => {
    const out = new Array<number>(columns).fill(0);
    for (let k = 0; k < inner; k++) {
      const value = row[k]!;
      const bk = b[k]!;
      for (let j = 0; j < columns; j++) out[j] = out[j]! + value * bk[j]!;
    }
    return out;
  });
}

/**
 * Varimax rotation of a loading matrix (items × components): the orthogonal rotation T that
 * maximises the variance of the squared loadings within each component,
 *
 *   V(T) = Σⱼ [ Σᵢ zᵢⱼ⁴ / p − (Σᵢ zᵢⱼ² / p)² ],  Z = L T,
 *
 * so that each item loads highly on few components (Kaiser 1958). With Kaiser normalisation (the
 * default, as R and SPSS) the rows of L are first scaled to unit length (by √communality) and scaled
 * back after the rotation. The maximum is found by the SVD form of the algorithm, as in R's
 * `stats::varimax`: from T = I, repeatedly T ← U Wᵀ where U D Wᵀ is the SVD of
 * B = Lᵀ (Z³ − Z · diag(Σᵢ zᵢⱼ²) / p), iterated until no entry of T changes by more than
 * `tolerance` (1e-12; R's own default stops when the criterion Σ D grows by less than a relative
 * 1e-5, which leaves the loadings correct to about 1e-6).
 *
 * Conventions: the rotated components are ordered by decreasing sum of squared loadings, and each
 * is signed so that its largest-magnitude loading is positive (the sign rule of `pca`); the columns
 * of `rotationMatrix` are ordered and signed the same way, so that `loadings` = L · `rotationMatrix`
 * always holds. One component is returned as it is, ordered and signed.
 *
 * Reference: Kaiser, H. F. (1958). The varimax criterion for analytic rotation in factor analysis.
 * Psychometrika 23, 187–200.
 *
 * @param loadings items × components, at least one item and one component
 * @throws {TypeError} when `loadings` is not a matrix of numbers
 * @throws {RangeError} on rows of unequal length, non-finite values or invalid options
 * @example
 * varimax([[0.8, 0.3], [0.7, 0.4], [0.3, 0.8], [0.2, 0.7]]).loadings[0]; // [0.8149, 0.2569] (rounded; R's varimax agrees)
 */
export function varimax(
  loadings: readonly (readonly number[])[],
  options: VarimaxOptions = {},
): VarimaxResult {
  const fn = 'varimax';
  if (!isMatrix(loadings)) {
    throw new TypeError(
      `${fn}: loadings must be a matrix (items × components); got ${formatValue(loadings)}`,
    );
  }
  const m = loadings[0]!.length;
  loadings.forEach((row, i) => {
    if (!Array.isArray(row) || row.length !== m) {
      throw new RangeError(
        `${fn}: every row of loadings must have ${m} values; got ${Array.isArray(row) ? row.length : formatValue(row)} in row ${i}`,
      );
    }
    row.forEach((value, j) => {
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        throw new RangeError(
          `${fn}: loadings must be finite numbers; got ${formatValue(value)} at [${i}][${j}]`,
        );
      }
    });
  });
  if (m === 0) throw new RangeError(`${fn}: loadings need at least one component; got 0 columns`);
  const normalize = options.normalize ?? true;
  const { tolerance, maxIterations } = iterationSettings(fn, options, {
    tolerance: 1e-12,
    maxIterations: 10_000,
  });
  const p = loadings.length;
  const scale = loadings.map((row) => (normalize ? Math.sqrt(row.reduce((a, l) => a + l * l, 0)) : 1));
  // A row of zeros has no direction: it stays zero.
  const x = loadings.map((row, i) => row.map((l) => (scale[i]! > 0 ? l / scale[i]! : 0)));
  let rotation: number[][] = Array.from({ length: m }, (_, i) =>
    Array.from({ length: m }, (_, j) => (i === j ? 1 : 0)),
  );
  let iterations = 0;
  let converged = m === 1;
  const warnings: string[] = [];
  while (!converged && iterations < maxIterations) {
    iterations++;
    const z = product(x, rotation);
    const columnSquares = new Array<number>(m).fill(0);
    for (const row of z) {
      row.forEach((value, j) => {
        columnSquares[j] = columnSquares[j]! + value * value;
      });
    }
    const target = z.map((row) => row.map((value, j) => value ** 3 - (value * columnSquares[j]!) / p));
    // B = Xᵀ · target (m × m).
    const b = Array.from({ length: m }, (_, i) =>
      Array.from({ length: m }, (_, j) => x.reduce((a, row, r) => a + row[i]! * target[r]![j]!, 0)),
    );
    const next = orthogonalPolarFactor(b).factor;
    let change = 0;
    next.forEach((row, i) => {
      row.forEach((value, j) => {
        change = Math.max(change, Math.abs(value - rotation[i]![j]!));
      });
    });
    rotation = next;
    if (change <= tolerance) converged = true;
  }
  if (!converged) {
    warnings.push(`${fn}: did not converge in ${maxIterations} iterations (tolerance ${tolerance})`);
  }
  let rotated = product(loadings, rotation);
  // Order by decreasing sum of squares, then sign each column by its largest loading.
  const squares = Array.from({ length: m }, (_, j) => rotated.reduce((a, row) => a + row[j]! ** 2, 0));
  const order = squares.map((_, j) => j).sort((a, b) => squares[b]! - squares[a]! || a - b);
  rotated = rotated.map((row) => order.map((j) => row[j]!));
  rotation = rotation.map((row) => order.map((j) => row[j]!));
  const signs = signByLargest(rotated);
  rotation = rotation.map((row) => row.map((value, j) => value * signs[j]!));
  return {
    method: 'varimax',
    normalize,
    loadings: rotated,
    rotationMatrix: rotation,
    sumsOfSquares: order.map((j) => squares[j]!),
    iterations,
    converged,
    tolerance,
    warnings,
  };
}
