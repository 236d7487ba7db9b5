import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import { sum } from '../stats/sum.js';

/** How priorities are derived from a pairwise-comparison matrix. */
export type PriorityMethod = 'eigenvector' | 'geometric-mean' | 'column-mean';

/** The Perron root of a non-negative irreducible matrix and its eigenvector, scaled to sum to 1. */
export interface PerronEigen {
  readonly value: number;
  readonly vector: number[];
}

/** Relative change of the power iteration below which it stops (a few units in the last place). */
const POWER_TOLERANCE = 1e-15;
const POWER_MAX_ITERATIONS = 100_000;

/** The values divided by their (compensated) sum, so that they sum to 1. */
export function scaledToUnitSum(values: readonly number[]): number[] {
  const total = sum(values);
  return values.map((value) => value / total);
}

/**
 * Weights from their logarithms, scaled to sum to 1: exp(logᵢ − max log) / Σ, so that the largest
 * term is 1 and nothing overflows.
 */
export function weightsFromLogs(logs: readonly number[]): number[] {
  const top = Math.max(...logs);
  return scaledToUnitSum(logs.map((value) => Math.exp(value - top)));
}

function multiply(matrix: readonly (readonly number[])[], vector: readonly number[]): number[] {
  return matrix.map((row) => sum(row.map((value, j) => value * vector[j]!)));
}

/**
 * Power iteration w ← A w / Σ (A w) from `start`, to a relative change of 1e-15 per entry. On a
 * non-negative primitive matrix (positive, or irreducible with a positive diagonal) it converges to
 * the Perron vector (Perron–Frobenius), at the rate |λ₂ / λ₁|.
 */
export function powerIteration(
  matrix: readonly (readonly number[])[],
  start: readonly number[],
): PerronEigen {
  let w = [...start];
  let value = Number.NaN;
  for (let iteration = 0; iteration < POWER_MAX_ITERATIONS; iteration++) {
    const next = multiply(matrix, w);
    value = sum(next);
    let change = 0;
    for (let i = 0; i < next.length; i++) {
      next[i]! /= value;
      change = Math.max(change, Math.abs(next[i]! - w[i]!) / next[i]!);
    }
    w = next;
    if (change <= POWER_TOLERANCE) break;
  }
  return { value, vector: w };
}

/**
 * The Perron root and vector of a non-negative irreducible square matrix (a positive reciprocal
 * matrix, or Harker's modified matrix of an incomplete one): the eigenvector of the real eigenvalue
 * of largest real part from ml-matrix's general real eigen-decomposition (Hessenberg reduction and
 * shifted QR, EISPACK's hqr2 as in JAMA), scaled to sum to 1. Should rounding leave an entry
 * non-positive, power iteration from the uniform vector is used instead.
 */
export function perronEigen(matrix: readonly (readonly number[])[]): PerronEigen {
  const n = matrix.length;
  if (n === 1) return { value: matrix[0]![0]!, vector: [1] };
  const decomposition = new EigenvalueDecomposition(new Matrix(matrix.map((row) => [...row])));
  const real = decomposition.realEigenvalues;
  let best = 0;
  for (let k = 1; k < n; k++) if (real[k]! > real[best]!) best = k;
  const vector = scaledToUnitSum(decomposition.eigenvectorMatrix.getColumn(best));
  if (Math.abs(decomposition.imaginaryEigenvalues[best]!) > 0 || vector.some((value) => !(value > 0))) {
    return powerIteration(
      matrix,
      matrix.map(() => 1 / n),
    );
  }
  return { value: real[best]!, vector };
}

/** Row geometric means, scaled to sum to 1: wᵢ ∝ (Πⱼ aᵢⱼ)^(1/n), computed as exp(mean of log aᵢⱼ). */
export function geometricMeanPriorities(matrix: readonly (readonly number[])[]): number[] {
  return weightsFromLogs(matrix.map((row) => sum(row.map(Math.log)) / row.length));
}

/** Means of the rows of the column-normalised matrix: wᵢ = (1/n) Σⱼ aᵢⱼ / Σₖ aₖⱼ. */
export function columnMeanPriorities(matrix: readonly (readonly number[])[]): number[] {
  const n = matrix.length;
  const columnSums = matrix.map((_, j) => sum(matrix.map((row) => row[j]!)));
  return scaledToUnitSum(matrix.map((row) => sum(row.map((value, j) => value / columnSums[j]!)) / n));
}

/** λmax by the convention used for priorities that are not an eigenvector: mean of (A w)ᵢ / wᵢ. */
export function lambdaMaxOf(matrix: readonly (readonly number[])[], weights: readonly number[]): number {
  const product = multiply(matrix, weights);
  return sum(product.map((value, i) => value / weights[i]!)) / matrix.length;
}

/**
 * Harker's (1987) modified matrix of an incomplete reciprocal matrix: missing judgments set to 0 and
 * each diagonal entry to 1 + the number of judgments missing in its row. Its Perron vector gives the
 * priorities of the incomplete matrix.
 */
export function harkerMatrix(matrix: readonly (readonly (number | null)[])[]): number[][] {
  return matrix.map((row, i) => {
    const missing = row.filter((value) => value === null).length;
    return row.map((value, j) => (i === j ? 1 + missing : (value ?? 0)));
  });
}

/**
 * The items that cannot be reached from item 0 through given judgments (empty when the comparison
 * graph is connected).
 */
export function unreachableItems(matrix: readonly (readonly (number | null)[])[]): number[] {
  const n = matrix.length;
  const seen = new Array<boolean>(n).fill(false);
  seen[0] = true;
  const stack = [0];
  while (stack.length > 0) {
    const i = stack.pop()!;
    for (let j = 0; j < n; j++) {
      if (!seen[j] && matrix[i]![j] !== null) {
        seen[j] = true;
        stack.push(j);
      }
    }
  }
  return seen.flatMap((reached, i) => (reached ? [] : [i]));
}
