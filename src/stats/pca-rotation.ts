import { Matrix, SingularValueDecomposition } from 'ml-matrix';

/**
 * The orthogonal polar factor of a square matrix B: the orthogonal Q nearest to B (in the Frobenius
 * norm), Q = U Vᵀ from the singular value decomposition B = U D Vᵀ (ml-matrix's Golub–Kahan SVD), with
 * Σ D, the trace of Qᵀ B. This is the update of the SVD form of Kaiser's varimax (as in R's
 * `stats::varimax`): the rotation that maximises tr(Tᵀ B).
 *
 * Reference: Higham, N. J. (1986). Computing the polar decomposition, with applications. SIAM Journal
 * on Scientific and Statistical Computing 7, 1160–1174.
 */
export function orthogonalPolarFactor(matrix: readonly (readonly number[])[]): {
  factor: number[][];
  singularValueSum: number;
} {
  const svd = new SingularValueDecomposition(new Matrix(matrix.map((row) => [...row])), {
    autoTranspose: true,
  });
  const factor = svd.leftSingularVectors.mmul(svd.rightSingularVectors.transpose()).to2DArray();
  return { factor, singularValueSum: svd.diagonal.reduce((a, b) => a + b, 0) };
}
