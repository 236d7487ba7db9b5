import { studentTQuantile, studentTTwoSided } from '../stats/distributions.js';
import { sum } from '../stats/sum.js';
import { mean, standardDeviation } from '../stats/variance.js';

/** A paired t-test of perception against expectation: the test of mean(P − E) = 0. */
export interface PairedTTest {
  /** Respondents with a difference. */
  readonly n: number;
  /** Mean of the per-respondent differences P − E (respondent-weighted when weights are used). */
  readonly meanDifference: number | null;
  /** Standard deviation of the differences (n − 1; weighted: `survey::svyvar`'s estimator). */
  readonly standardDeviation: number | null;
  /** Standard error of the mean difference; `null` with fewer than 2 differences. */
  readonly standardError: number | null;
  /** meanDifference / standardError; `null` when the differences do not vary. */
  readonly tValue: number | null;
  /** n − 1. */
  readonly df: number | null;
  /** Two-sided p-value from Student's t with df degrees of freedom. */
  readonly pValue: number | null;
  /** meanDifference ± t₁₋ₐ/₂(df) · standardError. */
  readonly confidenceInterval: readonly [number, number] | null;
}

/**
 * The paired t-test of differences d (NaN-free): t = d̄ / SE with df = n − 1.
 *
 * Unweighted, SE = s / √n (scipy.stats.ttest_rel, R's t.test(paired = TRUE)). With respondent
 * weights w, d̄ = Σ wd / Σ w and SE is the linearisation standard error of a weighted mean,
 * SE² = n / (n − 1) · Σ w²(d − d̄)² / (Σ w)² (R's survey::svymean for a design with weights only), so
 * equal weights give the unweighted test; df stays n − 1.
 */
export function pairedTTest(
  differences: ArrayLike<number>,
  weights: ArrayLike<number> | null,
  confidenceLevel: number,
): PairedTTest {
  const n = differences.length;
  const empty = {
    n,
    meanDifference: null,
    standardDeviation: null,
    standardError: null,
    tValue: null,
    df: null,
    pValue: null,
    confidenceInterval: null,
  };
  if (n === 0) return empty;
  const meanDifference = mean(differences, weights ?? undefined);
  if (n < 2) return { ...empty, meanDifference };
  const sd = standardDeviation(differences, weights ?? undefined);
  let standardError: number;
  if (weights === null) {
    standardError = sd / Math.sqrt(n);
  } else {
    const total = sum(weights);
    const terms = new Float64Array(n);
    for (let i = 0; i < n; i++) terms[i] = (weights[i]! * (differences[i]! - meanDifference)) ** 2;
    const squares = sum(terms);
    standardError = Math.sqrt(((n / (n - 1)) * squares) / (total * total));
  }
  const df = n - 1;
  if (!(standardError > 0)) {
    return { ...empty, meanDifference, standardDeviation: sd, standardError, df };
  }
  const tValue = meanDifference / standardError;
  const half = studentTQuantile(1 - (1 - confidenceLevel) / 2, df) * standardError;
  return {
    n,
    meanDifference,
    standardDeviation: sd,
    standardError,
    tValue,
    df,
    pValue: studentTTwoSided(tValue, df),
    confidenceInterval: [meanDifference - half, meanDifference + half],
  };
}
