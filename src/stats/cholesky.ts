/**
 * Pivot ratio below which {@link cholesky} stops: Lⱼⱼ² / Aⱼⱼ = 1 − R² of variable j on the variables
 * before it (for a covariance or correlation matrix), so 1e-10 flags an R² above 1 − 1e-10, an exact
 * linear combination blurred by rounding (the rounding of the cross products alone leaves a ratio
 * near 1e-16).
 */
export const COLLINEAR_PIVOT_RATIO = 1e-10;

/** A Cholesky factor, complete or stopped at the first pivot that collapsed. */
export interface CholeskyFactor {
  /** Order of the matrix. */
  readonly size: number;
  /** L, lower triangle row-major (`factor[i · size + j]`, j ≤ i); rows from `failedAt` on are not valid. */
  readonly factor: Float64Array;
  /** Index of the first variable whose pivot ratio fell below the tolerance, or −1 (A = L Lᵀ). */
  readonly failedAt: number;
  /** Pivot ratio Lⱼⱼ² / Aⱼⱼ of each variable up to `failedAt` (there the ratio that failed). */
  readonly pivotRatios: Float64Array;
  /**
   * Pivot dⱼ = Aⱼⱼ − Σₖ Lⱼₖ² of each variable up to `failedAt` (there the pivot that failed, which
   * may be negative); Σ log dⱼ = log det A for a complete factor.
   */
  readonly pivots: Float64Array;
}

/**
 * Cholesky factorisation A = L Lᵀ of a symmetric positive-definite matrix, in the given order (no
 * pivoting, so that variable j is factored against the variables before it), reading the lower
 * triangle. Each pivot is checked: when dⱼ = Aⱼⱼ − Σₖ Lⱼₖ² falls to `tolerance · Aⱼⱼ` or below (or
 * Aⱼⱼ is not positive), the factorisation stops and `failedAt` names j. For a cross-product or
 * correlation matrix dⱼ / Aⱼⱼ = 1 − R²ⱼ, the unexplained share of variable j given the variables
 * before it, so the failing variable is a (near) exact linear combination of those before it.
 *
 * Reference: Golub, G. H. & Van Loan, C. F. (2013). Matrix Computations, 4th ed., Johns Hopkins,
 * algorithm 4.2.1 (gaxpy Cholesky).
 * @param matrix size × size, row-major (only the lower triangle is read)
 * @param tolerance smallest accepted pivot ratio (default {@link COLLINEAR_PIVOT_RATIO})
 * @example cholesky(Float64Array.of(4, 2, 2, 5), 2).factor // Float64Array [2, 0, 1, 2]
 */
export function cholesky(
  matrix: ArrayLike<number>,
  size: number,
  tolerance = COLLINEAR_PIVOT_RATIO,
): CholeskyFactor {
  const factor = new Float64Array(size * size);
  const pivotRatios = new Float64Array(size);
  const pivots = new Float64Array(size);
  for (let j = 0; j < size; j++) {
    const rowJ = j * size;
    for (let i = j; i < size; i++) {
      const rowI = i * size;
      let s = matrix[rowI + j]!;
      for (let k = 0; k < j; k++) s -= factor[rowI + k]! * factor[rowJ + k]!;
      if (i === j) {
        const diagonal = matrix[rowJ + j]!;
        const ratio = diagonal > 0 ? s / diagonal : Number.NaN;
        pivotRatios[j] = ratio;
        pivots[j] = s;
        if (!(ratio > tolerance)) return { size, factor, failedAt: j, pivotRatios, pivots };
        factor[rowJ + j] = Math.sqrt(s);
      } else {
        factor[rowI + j] = s / factor[rowJ + j]!;
      }
    }
  }
  return { size, factor, failedAt: -1, pivotRatios, pivots };
}

/**
 * Solves L y = b by forward substitution with the first `size` rows of a lower-triangular factor
 * (row-major with row length `stride`).
 */
export function forwardSolve(factor: Float64Array, stride: number, size: number, b: ArrayLike<number>) {
  const y = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    let s = b[i]!;
    const row = i * stride;
    for (let k = 0; k < i; k++) s -= factor[row + k]! * y[k]!;
    y[i] = s / factor[row + i]!;
  }
  return y;
}

/**
 * Solves Lᵀ x = y by back substitution with the first `size` rows of a lower-triangular factor
 * (row-major with row length `stride`).
 */
export function backSolve(
  factor: Float64Array,
  stride: number,
  size: number,
  y: ArrayLike<number>,
): Float64Array {
  const x = new Float64Array(size);
  for (let i = size - 1; i >= 0; i--) {
    let s = y[i]!;
    for (let k = i + 1; k < size; k++) s -= factor[k * stride + i]! * x[k]!;
    x[i] = s / factor[i * stride + i]!;
  }
  return x;
}

/**
 * Solves A x = b with A = L Lᵀ from a complete {@link cholesky} factor.
 * @example choleskySolve(cholesky(Float64Array.of(4, 2, 2, 5), 2), [8, 9]) // Float64Array [1.375, 1.25]
 */
export function choleskySolve(cholesky: CholeskyFactor, b: ArrayLike<number>): Float64Array {
  const { factor, size } = cholesky;
  return backSolve(factor, size, size, forwardSolve(factor, size, size, b));
}

/**
 * L⁻¹, the inverse of the lower-triangular factor (row-major, lower triangle), from which
 * A⁻¹ = L⁻ᵀ L⁻¹: (A⁻¹)ⱼⱼ = Σ_{k ≥ j} (L⁻¹)ₖⱼ² and the quadratic form vᵀ A⁻¹ v = ‖L⁻¹ v‖², both sums of
 * squares (no cancellation).
 */
export function inverseFactor(cholesky: CholeskyFactor): Float64Array {
  const { size, factor } = cholesky;
  const inverse = new Float64Array(size * size);
  for (let j = 0; j < size; j++) {
    inverse[j * size + j] = 1 / factor[j * size + j]!;
    for (let i = j + 1; i < size; i++) {
      let s = 0;
      for (let k = j; k < i; k++) s -= factor[i * size + k]! * inverse[k * size + j]!;
      inverse[i * size + j] = s / factor[i * size + i]!;
    }
  }
  return inverse;
}

/**
 * The coefficients of variable j regressed on the variables before it, c = A₍<j,<j₎⁻¹ A₍<j,j₎, from
 * the valid rows of a factor (those before `failedAt`, so j ≤ `failedAt`): what a collinear variable
 * is a combination of.
 */
export function dependenceOn(cholesky: CholeskyFactor, matrix: ArrayLike<number>, j: number): Float64Array {
  const { size, factor } = cholesky;
  const column = new Float64Array(j);
  for (let k = 0; k < j; k++) column[k] = matrix[j * size + k]!;
  return backSolve(factor, size, j, forwardSolve(factor, size, j, column));
}
