import { formatValue } from '../errors.js';
import { weightWarnings } from '../stats/confidence.js';
import { iterationSettings } from '../stats/iteration.js';
import { squaredMultipleCorrelations, symmetricEigen } from '../stats/linear-algebra.js';
import type { MissingPolicy, Moments } from '../stats/moments.js';
import type { SurveyData } from '../survey/data.js';
import { itemCovariance, type ReliabilityOptions } from './item-covariance.js';

/** Options of {@link mcdonaldOmega}. */
export interface McDonaldOmegaOptions extends ReliabilityOptions {
  /** Largest change of any communality between two iterations at convergence (default 1e-12). */
  readonly tolerance?: number;
  /** Iterations allowed before giving up with a warning (default 10,000). */
  readonly maxIterations?: number;
}

/** Result of {@link mcdonaldOmega}. */
export interface McDonaldOmegaResult {
  readonly method: 'mcdonald-omega';
  /** How the one-factor model was fitted: minimum residual (unweighted least squares). */
  readonly estimator: 'minres';
  /** The model is fitted to the correlation matrix (standardized items), as psych's `omega`. */
  readonly basis: 'correlation';
  readonly missing: MissingPolicy;
  readonly weighted: boolean;
  /** Number of items. */
  readonly k: number;
  /** Respondents used: listwise, those who answered every item; pairwise, those who answered any. */
  readonly n: number;
  readonly dropped: number;
  /** Omega total: the share of the variance of the standardized total score due to the factor. */
  readonly omegaTotal: number;
  /** The items, in the order of `loadings` and `uniquenesses`. */
  readonly items: readonly string[];
  /** One-factor loadings λᵢ (signed so that their sum is positive). */
  readonly loadings: readonly number[];
  /** Uniquenesses 1 − λᵢ². */
  readonly uniquenesses: readonly number[];
  /** Share of the items' total variance explained by the factor, Σ λᵢ² / k. */
  readonly varianceExplained: number;
  readonly iterations: number;
  readonly converged: boolean;
  readonly warnings: readonly string[];
}

/** psych's lower bound of a uniqueness in `fa` (communalities at most 0.995). */
const MAX_COMMUNALITY = 0.995;

/**
 * McDonald's omega total of a set of items from a one-factor model:
 *
 *   ω_t = (Σᵢⱼ Rᵢⱼ − Σᵢ uᵢ²) / Σᵢⱼ Rᵢⱼ,   uᵢ² = 1 − λᵢ²,
 *
 * the share of the variance of the sum of the standardized items that the common factor explains
 * (psych's `omega(x, nfactors = 1)$omega.tot`). The loadings λ are fitted by minimum residual
 * (unweighted least squares, psych's `fm = "minres"`) to the correlation matrix R: iterated principal
 * axes from squared multiple correlations, whose fixed point is the minres solution (λ is the leading
 * eigenvector of R with λᵢ² on the diagonal, scaled to its eigenvalue ‖λ‖²). A communality is held at
 * 0.995 at most (a Heywood case, with a warning), as psych bounds it.
 *
 * Under pairwise deletion R is R's `cor(x, use = "pairwise")`, as psych's `omega` computes it.
 * Unlike alpha, omega does not assume that every item loads equally (tau-equivalence); for a
 * congeneric scale alpha ≤ ω_t.
 *
 * References: McDonald, R. P. (1999). Test Theory: A Unified Treatment. Erlbaum. Revelle, W. &
 * Zinbarg, R. E. (2009). Coefficients alpha, beta, omega, and the glb. Psychometrika 74, 145–154.
 * Harman, H. H. & Jones, W. H. (1966). Factor analysis by minimizing residuals (minres).
 * Psychometrika 31, 351–368.
 *
 * @param data `Responses`, an object of columns, rows with `options.columns`, or `Moments`
 * @throws {RangeError} with fewer than 3 items, fewer than 2 respondents, a constant item or
 * unknown items
 * @example
 * mcdonaldOmega({
 *   q1: [4, 4, 4, 2, 3, 4, 1, 4, 4, 2],
 *   q2: [2, 3, 4, 1, 3, 3, 1, 3, 3, 4],
 *   q3: [4, 3, 3, 1, 2, 3, 3, 4, 3, 1],
 *   q4: [3, 3, 4, 2, 3, 2, 1, 4, 3, 2],
 * }).omegaTotal; // 0.8219008985450142 (psych::omega: 0.82190093)
 */
export function mcdonaldOmega(
  data: SurveyData | Moments,
  options: McDonaldOmegaOptions = {},
): McDonaldOmegaResult {
  const fn = 'mcdonaldOmega';
  const { tolerance, maxIterations } = iterationSettings(fn, options, {
    tolerance: 1e-12,
    maxIterations: 10_000,
  });
  const input = itemCovariance(fn, data, options);
  const r = input.pairCorrelation;
  const k = input.items.length;
  if (k < 3) {
    throw new RangeError(
      `${fn}: a one-factor model needs at least 3 items (2 items cannot identify it); got ${k}`,
    );
  }
  const warnings: string[] = [];
  const smc = squaredMultipleCorrelations(r);
  let communality =
    smc ?? r.map((row, i) => Math.max(...row.map((value, j) => (i === j ? 0 : Math.abs(value)))));
  if (smc === null) {
    warnings.push(
      `${fn}: the correlation matrix is not positive definite; the iterations start from each item's largest correlation`,
    );
  }
  let loadings: number[] = [];
  let iterations = 0;
  let converged = false;
  let heywood = false;
  while (iterations < maxIterations) {
    iterations++;
    const reduced = r.map((row, i) => row.map((value, j) => (i === j ? communality[i]! : value)));
    const { values, vectors } = symmetricEigen(reduced);
    const root = Math.sqrt(Math.max(values[0]!, 0));
    loadings = vectors.map((row) => row[0]! * root);
    heywood = false;
    const next = loadings.map((l) => {
      if (l * l > MAX_COMMUNALITY) {
        heywood = true;
        return MAX_COMMUNALITY;
      }
      return l * l;
    });
    const change = Math.max(...next.map((h, i) => Math.abs(h - communality[i]!)));
    communality = next;
    if (change < tolerance) {
      converged = true;
      break;
    }
  }
  if (loadings.reduce((a, b) => a + b, 0) < 0) loadings = loadings.map((l) => -l);
  if (heywood) {
    loadings = loadings.map((l, i) => Math.sign(l) * Math.sqrt(communality[i]!));
    warnings.push(
      `${fn}: Heywood case: the communality of ${input.items
        .filter((_, i) => communality[i] === MAX_COMMUNALITY)
        .map(formatValue)
        .join(', ')} reached its bound ${MAX_COMMUNALITY}`,
    );
  }
  if (!converged) {
    warnings.push(
      `${fn}: the factor fit did not converge in ${maxIterations} iterations (tolerance ${tolerance})`,
    );
  }
  const uniquenesses = loadings.map((l) => 1 - l * l);
  let totalR = 0;
  for (const row of r) for (const value of row) totalR += value;
  const negative = input.items.filter((_, i) => loadings[i]! < 0);
  if (negative.length > 0) {
    warnings.push(
      `${fn}: ${negative.map(formatValue).join(', ')} ${negative.length === 1 ? 'loads' : 'load'} negatively on the common factor; reverse-coding suspect${negative.length === 1 ? '' : 's'} (see options.reverse)`,
    );
  }
  if (input.weighted) warnings.push(...weightWarnings(fn, input.n, input.effectiveN));

  return {
    method: 'mcdonald-omega',
    estimator: 'minres',
    basis: 'correlation',
    missing: input.missing,
    weighted: input.weighted,
    k,
    n: input.n,
    dropped: input.dropped,
    omegaTotal: (totalR - uniquenesses.reduce((a, b) => a + b, 0)) / totalR,
    items: input.items,
    loadings,
    uniquenesses,
    varianceExplained: loadings.reduce((a, l) => a + l * l, 0) / k,
    iterations,
    converged,
    warnings,
  };
}
