import { sum, weightedSum } from './sum.js';

function checkWeights(fn: string, values: ArrayLike<number>, weights: ArrayLike<number>): void {
  if (weights.length !== values.length) {
    throw new RangeError(
      `${fn}: weights must have one value per observation (${values.length}); got ${weights.length}`,
    );
  }
}

/**
 * Arithmetic mean, or the weighted mean Σ wᵢxᵢ / Σ wᵢ when weights are given, with compensated
 * sums. NaN for no observations; NaN propagates (as R's `mean` and `weighted.mean`).
 * @example mean([1, 2, 3, 4]) // 2.5
 */
export function mean(values: ArrayLike<number>, weights?: ArrayLike<number>): number {
  if (values.length === 0) return Number.NaN;
  if (weights === undefined) return sum(values) / values.length;
  checkWeights('mean', values, weights);
  return weightedSum(values, weights) / sum(weights);
}

/**
 * Sample variance by the two-pass algorithm: Σ (xᵢ − x̄)² / (n − 1), as R's `var`.
 *
 * With respondent weights (sampling or post-stratification weights, scale-free) the estimator is
 * that of R's `survey::svyvar`: n / (n − 1) · Σ wᵢ(xᵢ − x̄w)² / Σ wᵢ, where x̄w is the weighted
 * mean and n the number of observations; with equal weights it equals the unweighted variance.
 * NaN for fewer than two observations; NaN propagates.
 *
 * Reference: Chan, Golub & LeVeque (1983), Algorithms for computing the sample variance, The
 * American Statistician 37(3); Lumley, T. (2010). Complex Surveys. Wiley, §2.
 * @example variance([1, 2, 3, 4]) // 1.6666666666666667
 */
export function variance(values: ArrayLike<number>, weights?: ArrayLike<number>): number {
  const n = values.length;
  if (weights !== undefined) checkWeights('variance', values, weights);
  if (n < 2) return Number.NaN;
  const center = mean(values, weights);
  let total = 0;
  let compensation = 0;
  let residual = 0;
  for (let i = 0; i < n; i++) {
    const w = weights === undefined ? 1 : weights[i]!;
    const d = values[i]! - center;
    residual += w * d;
    const term = w * d * d;
    const next = total + term;
    compensation += total >= term ? total - next + term : term - next + total;
    total = next;
  }
  const totalWeight = weights === undefined ? n : sum(weights);
  // The residual term corrects for rounding in the mean (Chan, Golub & LeVeque's corrected two-pass).
  const squares = total + compensation - (residual * residual) / totalWeight;
  return weights === undefined ? squares / (n - 1) : ((n / (n - 1)) * squares) / totalWeight;
}

/** Square root of {@link variance} (same conventions). @example standardDeviation([2, 4, 4, 4, 5, 5, 7, 9]) // 2.138089935299395 */
export function standardDeviation(values: ArrayLike<number>, weights?: ArrayLike<number>): number {
  if (weights !== undefined) checkWeights('standardDeviation', values, weights);
  return Math.sqrt(variance(values, weights));
}
