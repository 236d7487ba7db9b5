import { CholeskyDecomposition, EigenvalueDecomposition, Matrix } from 'ml-matrix';
import { COLLINEAR_PIVOT_RATIO } from './cholesky.js';

/** Eigenvalues in decreasing order with their unit eigenvectors as the columns of `vectors`. */
export interface SymmetricEigen {
  readonly values: number[];
  /** p × p, row-major: `vectors[i][j]` is entry i of the eigenvector of `values[j]`. */
  readonly vectors: number[][];
}

/**
 * Eigen-decomposition of a symmetric matrix (ml-matrix's tridiagonal QL algorithm, as in JAMA and
 * EISPACK's tql2), with the eigenvalues sorted in decreasing order. Eigenvector signs are as the
 * algorithm leaves them; callers fix them by their own documented rule.
 *
 * @param matrix a symmetric p × p matrix (only symmetry up to rounding is assumed, not checked)
 */
export function symmetricEigen(matrix: readonly (readonly number[])[]): SymmetricEigen {
  const decomposition = new EigenvalueDecomposition(new Matrix(matrix.map((row) => [...row])), {
    assumeSymmetric: true,
  });
  const values = decomposition.realEigenvalues;
  const vectors = decomposition.eigenvectorMatrix.to2DArray();
  const order = values.map((_, j) => j).sort((a, b) => values[b]! - values[a]!);
  return {
    values: order.map((j) => values[j]!),
    vectors: vectors.map((row) => order.map((j) => row[j]!)),
  };
}

/**
 * Pivot ratio Lᵢᵢ² / Aᵢᵢ below which a Cholesky factorisation is called singular: the threshold of
 * `cholesky` (1e-10). For a correlation matrix the ratio is 1 − R² of variable i on the variables
 * before it, so this flags an R² above 1 − 1e-10: an exact linear combination blurred by rounding.
 */
const SINGULAR_PIVOT = COLLINEAR_PIVOT_RATIO;

/**
 * The inverse of a symmetric positive-definite matrix through its Cholesky factor, or `null` when
 * the matrix is not positive definite (singular, e.g. an item that is an exact combination of
 * others, or indefinite, as a pairwise correlation matrix can be). A pivot ratio Lᵢᵢ² / Aᵢᵢ below
 * 1e-10 counts as singular.
 */
export function inverseSymmetricPositiveDefinite(matrix: readonly (readonly number[])[]): number[][] | null {
  // Symmetric from the lower triangle: ml-matrix refuses a matrix asymmetric by one rounding.
  const lower = matrix.map((row, i) => row.map((value, j) => (j <= i ? value : matrix[j]![i]!)));
  const cholesky = new CholeskyDecomposition(new Matrix(lower));
  if (!cholesky.isPositiveDefinite()) return null;
  const factor = cholesky.lowerTriangularMatrix;
  for (let i = 0; i < matrix.length; i++) {
    if (!(factor.get(i, i) ** 2 >= SINGULAR_PIVOT * lower[i]![i]!)) return null;
  }
  return cholesky.solve(Matrix.eye(matrix.length)).to2DArray();
}

/**
 * Squared multiple correlations of each variable with all the others, from their correlation
 * matrix R: smcᵢ = 1 − 1 / (R⁻¹)ᵢᵢ (Guttman 1940; psych's `smc`). `null` when R is not positive
 * definite.
 */
export function squaredMultipleCorrelations(correlation: readonly (readonly number[])[]): number[] | null {
  const inverse = inverseSymmetricPositiveDefinite(correlation);
  return inverse === null ? null : inverse.map((row, i) => 1 - 1 / row[i]!);
}

/**
 * The correlation matrix of a covariance matrix, Rᵢⱼ = Cᵢⱼ / √(Cᵢᵢ Cⱼⱼ), computed as R's `cov2cor`
 * does (sᵢ Cᵢⱼ sⱼ with sᵢ = 1 / √Cᵢᵢ) from the lower triangle and mirrored, so that it is exactly
 * symmetric.
 */
export function covarianceToCorrelation(covariance: readonly (readonly number[])[]): number[][] {
  const scale = covariance.map((row, i) => 1 / Math.sqrt(row[i]!));
  const out = covariance.map(() => new Array<number>(covariance.length).fill(1));
  for (let i = 0; i < covariance.length; i++) {
    for (let j = 0; j < i; j++) {
      out[i]![j] = out[j]![i] = scale[i]! * covariance[i]![j]! * scale[j]!;
    }
  }
  return out;
}
