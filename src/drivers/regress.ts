import { formatValue } from '../errors.js';
import { choleskySolve, inverseFactor } from '../stats/cholesky.js';
import { checkConfidenceLevel } from '../stats/confidence.js';
import { fCdf, studentTQuantile, studentTTwoSided } from '../stats/distributions.js';
import type { Moments } from '../stats/moments.js';
import type { SurveyData } from '../survey/data.js';
import { correlationSystem, type DriverData, type DriverOptions, driverData } from './driver-data.js';

/** Options of {@link regress}. */
export interface RegressOptions extends DriverOptions {
  /** Level of the coefficients' confidence intervals (default 0.95). */
  readonly confidenceLevel?: number;
}

/** One row of the coefficient table. */
export interface RegressionCoefficient {
  /** `'(Intercept)'` or the driver's name. */
  readonly term: string;
  readonly estimate: number;
  readonly standardError: number;
  /** estimate / standardError. */
  readonly tValue: number;
  /** Two-sided p-value of the t statistic with `df` degrees of freedom. */
  readonly pValue: number;
  /** [lower, upper]: estimate ± t₁₋ₐ/₂(df) · standardError. */
  readonly confidenceInterval: readonly [number, number];
  /** Standardized (beta) coefficient, estimate · sd(driver) / sd(outcome); `null` for the intercept. */
  readonly standardized: number | null;
  /** Variance inflation factor 1 / (1 − R²ⱼ) of the driver on the other drivers; `null` for the intercept. */
  readonly vif: number | null;
}

/** Result of {@link regress}. */
export interface RegressResult {
  /** `'ols'` without respondent weights, `'wls'` with them. */
  readonly method: 'ols' | 'wls';
  readonly outcome: string;
  readonly drivers: readonly string[];
  readonly weighted: boolean;
  /** Respondents used (outcome and every driver answered). */
  readonly n: number;
  /** Respondents dropped for a missing answer (listwise deletion). */
  readonly dropped: number;
  /** Residual degrees of freedom, n − p − 1. */
  readonly df: number;
  readonly rSquared: number;
  /** 1 − (1 − R²)(n − 1) / df. */
  readonly adjustedRSquared: number;
  /** (R² / p) / ((1 − R²) / df), on p and df degrees of freedom. */
  readonly fStatistic: number;
  readonly fPValue: number;
  /** √(Σ w e² / df). */
  readonly residualStandardError: number;
  readonly confidenceLevel: number;
  /** The intercept first, then one row per driver in the order given. */
  readonly coefficients: readonly RegressionCoefficient[];
  readonly warnings: readonly string[];
}

const FN = 'regress';

/** VIF above which a warning names the driver (a common rule of thumb, e.g. Hair et al.). */
const HIGH_VIF = 10;

/** Largest number of refinement passes over the data. */
const MAX_REFINEMENTS = 3;

interface Fit {
  /** Slopes in driver order. */
  readonly slopes: Float64Array;
  readonly intercept: number;
  /** Σ w e². */
  readonly sse: number;
}

/** Rows per block of the residual pass: its columns' strips stay in L1 cache. */
const BLOCK_ROWS = 512;

/**
 * One pass over the respondents used: residuals e = (y − ȳ) − Σⱼ bⱼ (xⱼ − x̄ⱼ), with Σ w e,
 * Σ w e (xⱼ − x̄ⱼ) and Σ w e². Blocks of rows go column by column; a missing answer makes its
 * residual NaN, and a block with one is redone row by row, skipping the incomplete rows.
 */
function residualPass(d: DriverData, slopes: Float64Array) {
  const dataset = d.dataset!;
  const p = d.drivers.length;
  const columns = dataset.columns;
  const weights = dataset.weights;
  const means = d.means;
  const outcome = columns[p]!;
  const outcomeMean = means[p]!;
  const gradient = new Float64Array(p);
  const residuals = new Float64Array(BLOCK_ROWS);
  const weighted = new Float64Array(BLOCK_ROWS);
  let sum = 0;
  let squares = 0;
  for (let start = 0; start < dataset.n; start += BLOCK_ROWS) {
    const size = Math.min(BLOCK_ROWS, dataset.n - start);
    for (let k = 0; k < size; k++) residuals[k] = outcome[start + k]! - outcomeMean;
    for (let j = 0; j < p; j++) {
      const column = columns[j]!;
      const b = slopes[j]!;
      const mean = means[j]!;
      for (let k = 0; k < size; k++) residuals[k] = residuals[k]! - b * (column[start + k]! - mean);
    }
    let blockSum = 0;
    let blockSquares = 0;
    for (let k = 0; k < size; k++) {
      const e = residuals[k]!;
      const we = weights === null ? e : weights[start + k]! * e;
      weighted[k] = we;
      blockSum += we;
      blockSquares += we * e;
    }
    if (Number.isNaN(blockSquares)) {
      // Missing answers in this block: keep the complete rows only.
      blockSum = 0;
      blockSquares = 0;
      for (let k = 0; k < size; k++) {
        const e = residuals[k]!;
        if (Number.isNaN(e)) {
          weighted[k] = 0;
          continue;
        }
        blockSum += weighted[k]!;
        blockSquares += weighted[k]! * e;
      }
      for (let j = 0; j < p; j++) {
        const column = columns[j]!;
        const mean = means[j]!;
        let g = 0;
        for (let k = 0; k < size; k++) if (weighted[k] !== 0) g += weighted[k]! * (column[start + k]! - mean);
        gradient[j] = gradient[j]! + g;
      }
    } else {
      for (let j = 0; j < p; j++) {
        const column = columns[j]!;
        const mean = means[j]!;
        let g = 0;
        for (let k = 0; k < size; k++) g += weighted[k]! * (column[start + k]! - mean);
        gradient[j] = gradient[j]! + g;
      }
    }
    sum += blockSum;
    squares += blockSquares;
  }
  return { sum, squares, gradient };
}

/**
 * The least-squares fit from the correlation system, refined against the data when there are any:
 * corrected semi-normal equations (Björck 1987), δ = (XᵀWX)⁻¹ XᵀW e from the residuals of a pass over
 * the data, repeated while it still changes the slopes. The SSE of the refined fit is Σ w e² − δᵀ XᵀW e
 * − (Σ w e)² / W (exact for the quadratic), so the residual sum of squares keeps its accuracy when R²
 * is near 1.
 */
function leastSquares(d: DriverData, system: ReturnType<typeof correlationSystem>): Fit {
  const p = system.p;
  const scale = system.scale;
  const standardized = choleskySolve(system.factor, system.outcomeCorrelation);
  const slopes = new Float64Array(p);
  const outcomeScale = 1 / scale[p]!;
  for (let j = 0; j < p; j++) slopes[j] = standardized[j]! * outcomeScale * scale[j]!;
  const interceptOf = (shift: number) => {
    let a = d.means[p]! + shift;
    for (let j = 0; j < p; j++) a -= slopes[j]! * d.means[j]!;
    return a;
  };
  if (d.dataset === null) {
    let explained = 0;
    for (let j = 0; j < p; j++) explained += standardized[j]! * system.outcomeCorrelation[j]!;
    const sst = d.crossProducts[p * (p + 1) + p]!;
    return { slopes, intercept: interceptOf(0), sse: Math.max(0, sst * (1 - explained)) };
  }
  let sse = 0;
  let shift = 0;
  for (let pass = 0; pass < MAX_REFINEMENTS; pass++) {
    const { sum, squares, gradient } = residualPass(d, slopes);
    // δ = D A⁻¹ D g with D the driver scales and A the driver correlations.
    const scaled = new Float64Array(p);
    for (let j = 0; j < p; j++) scaled[j] = gradient[j]! * scale[j]!;
    const solved = choleskySolve(system.factor, scaled);
    let change = 0;
    let size = 0;
    let correction = 0;
    for (let j = 0; j < p; j++) {
      const delta = solved[j]! * scale[j]!;
      correction += delta * gradient[j]!;
      slopes[j] = slopes[j]! + delta;
      change = Math.max(change, Math.abs(delta) / scale[j]!);
      size = Math.max(size, Math.abs(slopes[j]!) / scale[j]!);
    }
    shift = sum / d.totalWeight;
    sse = Math.max(0, squares - correction - sum * shift);
    // Each step shrinks the error by about κ(R)·ε, so after a change of 1e-6 (standardized metric)
    // what is left is below 1e-6 · κ · ε: another pass would not show.
    if (!(change > 1e-6 * Math.max(size, outcomeScale))) break;
  }
  return { slopes, intercept: interceptOf(shift), sse };
}

/**
 * Linear regression of an outcome on drivers, with intercept, by least squares: ordinary (OLS), or
 * weighted (WLS) with respondent weights, as R's `lm(outcome ~ drivers, weights = w)` and
 * `summary.lm`, with `confint` intervals, standardized coefficients and `car::vif` variance
 * inflation factors.
 *
 * Method: the weighted centred cross products of a single pass ({@link moments}) are scaled to the
 * correlation matrix R and factored R = L Lᵀ by Cholesky with a pivot check (a driver whose
 * 1 − R²ⱼ on the drivers before it falls below 1e-10 is reported as collinear); the slopes
 * b = D R⁻¹ D Xᵀ W y (D = diag(1 / √Sⱼⱼ)) are then refined against the data by corrected
 * semi-normal equations, which brings them to the accuracy of a QR solution, and the residual sum
 * of squares comes from the residuals themselves. Never the explicit inverse of XᵀWX.
 *
 * Inference (Gaussian errors, as `summary.lm`): df = n − p − 1 with n the respondents used (weights
 * are positive, so n counts positive-weight rows as lm does); σ̂² = Σ w e² / df; Var(bⱼ) = σ̂² (R⁻¹)ⱼⱼ / Sⱼⱼ;
 * Var(intercept) = σ̂² (1 / Σw + x̄ᵀ (XᵀWX)⁻¹ x̄); t = b / se with two-sided p-values from Student's t;
 * R² = 1 − SSE / SST with SST = Σ w (y − ȳ_w)²; F = (R² / p) / ((1 − R²) / df).
 * Standardized coefficient bⱼ · sⱼ / s_y with (weighted) standard deviations. VIFⱼ = (R⁻¹)ⱼⱼ.
 * Listwise deletion: respondents missing the outcome or any driver are dropped and counted.
 *
 * References: Björck, Å. (1987). Stability analysis of the method of seminormal equations for
 * linear least squares problems. Linear Algebra and its Applications 88/89, 31–48. Fox, J. &
 * Monette, G. (1992). Generalized collinearity diagnostics. JASA 87, 178–183 (car::vif).
 *
 * @param data `Responses`, an object of columns, rows with `options.columns`, or listwise `Moments`
 * (then without the refinement pass)
 * @throws {TypeError} when outcome or drivers are not names
 * @throws {RangeError} with fewer than p + 2 respondents (p + 1 parameters and one residual degree
 * of freedom), a constant outcome or driver, exactly collinear drivers (named), unknown names or a
 * confidence level outside (0, 1)
 * @example
 * regress({ y: [1, 3, 2, 5, 4], x: [1, 2, 3, 4, 5] }, { outcome: 'y', drivers: ['x'] }).coefficients[1].estimate; // 0.8
 */
export function regress(data: SurveyData | Moments, options: RegressOptions): RegressResult {
  const confidenceLevel = checkConfidenceLevel(FN, options?.confidenceLevel ?? 0.95);
  const d = driverData(FN, data, options);
  const p = d.drivers.length;
  const system = correlationSystem(FN, d, p + 2, `${p + 1} parameters and one residual degree of freedom`);
  const { slopes, intercept, sse } = leastSquares(d, system);
  const warnings = [...d.warnings];

  const n = d.n;
  const df = n - p - 1;
  const scale = system.scale;
  const sst = d.crossProducts[p * (p + 1) + p]!;
  const rSquared = 1 - sse / sst;
  const sigma2 = sse / df;
  const residualStandardError = Math.sqrt(sigma2);
  const fStatistic = (sst - sse) / p / sigma2;
  const fPValue = fCdf(fStatistic, p, df, false);
  const critical = studentTQuantile(1 - (1 - confidenceLevel) / 2, df);

  // (R⁻¹)ⱼⱼ = Σ_{k ≥ j} (L⁻¹)ₖⱼ²; x̄ᵀ (XᵀWX)⁻¹ x̄ = ‖L⁻¹ D x̄‖².
  const inverse = inverseFactor(system.factor);
  const scaledMeans = new Float64Array(p);
  for (let j = 0; j < p; j++) scaledMeans[j] = d.means[j]! * scale[j]!;
  let quadratic = 0;
  for (let i = 0; i < p; i++) {
    let s = 0;
    for (let k = 0; k <= i; k++) s += inverse[i * p + k]! * scaledMeans[k]!;
    quadratic += s * s;
  }
  const row = (
    term: string,
    estimate: number,
    variance: number,
    standardized: number | null,
    vif: number | null,
  ): RegressionCoefficient => {
    const standardError = Math.sqrt(variance);
    const tValue = estimate / standardError;
    return {
      term,
      estimate,
      standardError,
      tValue,
      pValue: studentTTwoSided(tValue, df),
      confidenceInterval: [estimate - critical * standardError, estimate + critical * standardError],
      standardized,
      vif,
    };
  };
  const coefficients = [row('(Intercept)', intercept, sigma2 * (1 / d.totalWeight + quadratic), null, null)];
  const highVif: string[] = [];
  d.drivers.forEach((driver, j) => {
    let vif = 0;
    for (let k = j; k < p; k++) vif += inverse[k * p + j]! ** 2;
    if (vif > HIGH_VIF) highVif.push(`${formatValue(driver)} ${vif.toFixed(1)}`);
    coefficients.push(
      row(driver, slopes[j]!, sigma2 * vif * scale[j]! ** 2, (slopes[j]! * scale[p]!) / scale[j]!, vif),
    );
  });
  if (highVif.length > 0) {
    warnings.push(
      `${FN}: strong collinearity among the drivers (VIF above ${HIGH_VIF}: ${highVif.join(', ')}); their coefficients are unstable, compare relative importance instead`,
    );
  }
  return {
    method: d.weighted ? 'wls' : 'ols',
    outcome: d.outcome,
    drivers: [...d.drivers],
    weighted: d.weighted,
    n,
    dropped: d.dropped,
    df,
    rSquared,
    adjustedRSquared: 1 - ((1 - rSquared) * (n - 1)) / df,
    fStatistic,
    fPValue,
    residualStandardError,
    confidenceLevel,
    coefficients,
    warnings,
  };
}
