/**
 * The largest number of drivers for the exact Shapley (LMG) decomposition. Its cost doubles with each
 * driver (some 20 floating-point operations per subset: 0.75–1.4 s for 25 drivers on one core of the
 * benchmark machine, so half a minute or more for 30); beyond it, `relativeImportance` points to
 * `'relative-weights'`.
 */
export const EXACT_SHAPLEY_LIMIT = 30;

/** The arrays of one walk (a top-level function keeps one set of type feedback across calls). */
interface Walk {
  readonly p: number;
  readonly size: number;
  readonly square: number;
  readonly levels: Float64Array;
  readonly sums: Float64Array;
  readonly containing: Float64Array;
}

/** Visits the children of the node at `depth` whose largest driver is `last` and whose R² is `r2`. */
function walk(w: Walk, depth: number, last: number, r2: number): void {
  const { p, size, square, levels, sums, containing } = w;
  const y = p;
  const here = depth * square;
  const below = here + square;
  const mySums = depth * size;
  const childSums = mySums + size;
  for (let j = last + 1; j < p; j++) {
    const cjj = levels[here + j * size + j]!;
    const cjy = levels[here + j * size + y]!;
    const childR2 = r2 + (cjy * cjy) / cjj;
    const childSize = depth + 1;
    if (j === p - 1) {
      // A leaf: its subtree is itself.
      containing[childSize * p + j] = containing[childSize * p + j]! + childR2;
      sums[mySums + childSize] = sums[mySums + childSize]! + childR2;
      continue;
    }
    // The child's complement over the indices after j (y included): one elimination step.
    const rowJ = here + j * size;
    const inverse = 1 / cjj;
    for (let a = j + 1; a <= y; a++) {
      const factor = levels[rowJ + a]! * inverse;
      const from = here + a * size;
      const to = below + a * size;
      for (let b = a; b <= y; b++) levels[to + b] = levels[from + b]! - factor * levels[rowJ + b]!;
    }
    const top = childSize + (p - 1 - j);
    for (let k = childSize + 1; k <= top; k++) sums[childSums + k] = 0;
    sums[childSums + childSize] = childR2;
    walk(w, childSize, j, childR2);
    for (let k = childSize; k <= top; k++) {
      const value = sums[childSums + k]!;
      containing[k * p + j] = containing[k * p + j]! + value;
      sums[mySums + k] = sums[mySums + k]! + value;
    }
  }
}

/**
 * The Shapley decomposition of R² (LMG), exactly, over all 2ᵖ subsets of the drivers, from the
 * correlation matrix alone:
 *
 *   importanceⱼ = Σ_{S ⊆ D∖{j}} |S|! (p − |S| − 1)! / p! · (R²(S ∪ {j}) − R²(S)).
 *
 * Method: a depth-first walk of the subsets in which each node S carries the partial correlations
 * (the Schur complement, C = R₍T,T₎ − R₍T,S₎ R₍S,S₎⁻¹ R₍S,T₎) of the drivers after its largest member
 * and of the outcome y given S. Adding driver j is one Gaussian-elimination step on C:
 * R²(S ∪ {j}) = R²(S) + C_jy² / C_jj, and the child's complement is C − C₍·,j₎ C₍j,·₎ / C_jj over the
 * indices after j. A node whose largest member is m costs O((p − m)²), so the whole walk costs O(2ᵖ)
 * (Σ_d d² / 2^d = 6), not O(2ᵖ p²) as a Cholesky or linear solve per subset would.
 *
 * The weights are regrouped so that no subset's R² is stored: with A_k[j] = Σ R²(T) over the subsets
 * T of size k that contain j, and N_k = Σ R²(T) over all subsets of size k,
 *
 *   importanceⱼ = Σ_{k=1}^{p} w(k − 1) A_k[j] − Σ_{k=1}^{p−1} w(k) (N_k − A_k[j]),  w(s) = s!(p − s − 1)!/p!,
 *
 * and A_k[j] is gathered from subtree sums: every subset in the subtree of the node whose last added
 * driver is j contains j, so when that node is left, its subtree's sums by size are added to A_·[j]
 * and to its parent's. Memory: (p + 1)³ + (p + 1)² + p(p + 1) doubles (250 KB at p = 30).
 *
 * The correlation matrix must be positive definite (the caller checks it with a pivoted Cholesky);
 * then every conditional variance C_jj is at least 1 / (R⁻¹)ⱼⱼ > 0.
 *
 * References: Lindeman, R. H., Merenda, P. F. & Gold, R. Z. (1980). Introduction to Bivariate and
 * Multivariate Analysis. Scott, Foresman (the LMG measure). Grömping, U. (2006). Relative importance
 * for linear regression in R: the package relaimpo. Journal of Statistical Software 17(1).
 * Budescu, D. V. (1993). Dominance analysis. Psychological Bulletin 114, 542–551.
 *
 * @param correlation (p + 1) × (p + 1) row-major, the drivers first and the outcome last
 * @param p number of drivers, from 1 to {@link EXACT_SHAPLEY_LIMIT}
 * @returns the importance of each driver (they sum to the R² of the full model)
 */
export function shapleyRSquared(correlation: ArrayLike<number>, p: number): Float64Array {
  const size = p + 1;
  const square = size * size;
  // Level d holds the conditional matrix of the node at depth d (upper triangle, global indices).
  const levels = new Float64Array(size * square);
  for (let a = 0; a < size; a++) {
    for (let b = a; b < size; b++) levels[a * size + b] = correlation[a * size + b]!;
  }
  // Subtree sums of R² by subset size, one row per depth; the root's row ends as N_k.
  const sums = new Float64Array(size * size);
  // A_k[j] at k · p + j.
  const containing = new Float64Array(size * p);
  walk({ p, size, square, levels, sums, containing }, 0, -1, 0);

  // w(s) = s! (p − s − 1)! / p! = 1 / (p · C(p − 1, s)).
  const weight = new Float64Array(p);
  let binomial = 1;
  for (let s = 0; s < p; s++) {
    weight[s] = 1 / (p * binomial);
    binomial = (binomial * (p - 1 - s)) / (s + 1);
  }
  const importance = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    let total = 0;
    for (let k = 1; k <= p; k++) {
      const inSubsets = containing[k * p + j]!;
      total += weight[k - 1]! * inSubsets;
      if (k < p) total -= weight[k]! * (sums[k]! - inSubsets);
    }
    importance[j] = total;
  }
  return importance;
}
