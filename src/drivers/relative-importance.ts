import { formatValue } from '../errors.js';
import { bootstrapRows, bootstrapSettings, drawResample, percentileInterval } from '../stats/bootstrap.js';
import { choleskySolve } from '../stats/cholesky.js';
import { symmetricEigen } from '../stats/linear-algebra.js';
import type { Moments } from '../stats/moments.js';
import { Random } from '../stats/random.js';
import { standardDeviation } from '../stats/variance.js';
import type { SurveyData } from '../survey/data.js';
import {
  type CorrelationSystem,
  correlationSystem,
  type DriverData,
  type DriverOptions,
  driverData,
} from './driver-data.js';
import { EXACT_SHAPLEY_LIMIT, shapleyRSquared } from './shapley.js';

/**
 * How importance is measured: `'shapley'` the LMG / Shapley decomposition of R² (exact, all
 * subsets), `'relative-weights'` Johnson's (2000) relative weights, `'first'` the squared zero-order
 * correlations (for reference; they do not sum to R² when the drivers are correlated).
 */
export type RelativeImportanceMethod = 'shapley' | 'relative-weights' | 'first';

/** The default seed of the bootstrap (stated in `result.bootstrap.seed`). */
export const DEFAULT_IMPORTANCE_SEED = 20240917;

/** Options of the bootstrap in {@link relativeImportance}. */
export interface RelativeImportanceBootstrapOptions {
  /** Number of bootstrap resamples (default 2000). */
  readonly resamples?: number;
  /** Seed of the generator (default {@link DEFAULT_IMPORTANCE_SEED}); the same seed gives the same intervals. */
  readonly seed?: number;
  /** Confidence level of the percentile intervals (default 0.95). */
  readonly confidenceLevel?: number;
}

/** Options of {@link relativeImportance}. */
export interface RelativeImportanceOptions extends DriverOptions {
  /** Default `'shapley'`. */
  readonly method?: RelativeImportanceMethod;
  /**
   * Percentile-bootstrap intervals for each driver's importance and share, and the pairwise
   * comparisons of importance: `true` or options to turn it on; default off. Needs respondent data
   * (not `Moments`).
   */
  readonly bootstrap?: boolean | RelativeImportanceBootstrapOptions;
}

/** A percentile interval, [lower, upper]. */
export type ImportanceInterval = readonly [number, number];

/** One driver's importance. */
export interface RelativeImportanceDriver {
  readonly driver: string;
  /** Its part of R² (shapley, relative-weights: they sum to R²); first: r². */
  readonly importance: number;
  /** importance / Σ importance (the shares sum to 1). */
  readonly share: number;
  /** 1 = most important; ties keep the order of `drivers`. */
  readonly rank: number;
  /** Sign of its coefficient in the regression on all drivers: 1, −1 (or 0). */
  readonly sign: number;
  /** Its correlation with the outcome (zero-order). */
  readonly correlation: number;
  /** Its standardized coefficient in the regression on all drivers. */
  readonly standardizedCoefficient: number;
  /** Standard deviation of the bootstrap importances; `null` without bootstrap. */
  readonly standardError: number | null;
  /** Percentile-bootstrap interval of the importance; `null` without bootstrap. */
  readonly importanceInterval: ImportanceInterval | null;
  /** Percentile-bootstrap interval of the share; `null` without bootstrap. */
  readonly shareInterval: ImportanceInterval | null;
}

/**
 * Whether two drivers' importances can be told apart: the percentile interval of the difference of
 * their bootstrap importances, and the share of resamples that keep their order.
 */
export interface RelativeImportanceComparison {
  /** The driver ranked higher. */
  readonly driver: string;
  /** The driver ranked lower. */
  readonly other: string;
  /** importance(driver) − importance(other) on the data (≥ 0). */
  readonly difference: number;
  /** Percentile interval of the difference over the resamples. */
  readonly confidenceInterval: ImportanceInterval;
  /** Share of resamples in which `driver` is more important than `other`. */
  readonly proportionAhead: number;
  /** The interval excludes 0: the order of the two is supported at the confidence level. */
  readonly distinguishable: boolean;
}

/** The bootstrap settings used. */
export interface RelativeImportanceBootstrap {
  readonly method: 'percentile';
  readonly resamples: number;
  readonly seed: number;
  readonly confidenceLevel: number;
}

/** Result of {@link relativeImportance}. */
export interface RelativeImportanceResult {
  readonly method: RelativeImportanceMethod;
  readonly outcome: string;
  readonly weighted: boolean;
  /** Respondents used (outcome and every driver answered). */
  readonly n: number;
  /** Respondents dropped for a missing answer (listwise deletion). */
  readonly dropped: number;
  /** R² of the regression of the outcome on all drivers. */
  readonly rSquared: number;
  /** One row per driver, in the order of `drivers`. */
  readonly drivers: readonly RelativeImportanceDriver[];
  /** Every pair of drivers, in rank order; `null` without bootstrap. */
  readonly comparisons: readonly RelativeImportanceComparison[] | null;
  readonly bootstrap: RelativeImportanceBootstrap | null;
  /** Resamples discarded because a driver was constant or the drivers collinear in them; `null` without bootstrap. */
  readonly discardedResamples: number | null;
  readonly warnings: readonly string[];
}

const FN = 'relativeImportance';

/**
 * Johnson's relative weights from the driver correlations Rxx = V D Vᵀ and the outcome correlations
 * r: Λ = V D^½ Vᵀ (the correlations of the drivers with their closest orthogonal counterparts),
 * β = Λ⁻¹ r = V D^-½ Vᵀ r, εⱼ = Σₖ Λⱼₖ² βₖ².
 */
function relativeWeights(system: CorrelationSystem): Float64Array {
  const p = system.p;
  const matrix = Array.from({ length: p }, (_, i) =>
    Array.from(system.driverCorrelation.subarray(i * p, i * p + p)),
  );
  const { values, vectors } = symmetricEigen(matrix);
  const root = values.map((value) => Math.sqrt(Math.max(value, 0)));
  // u = Vᵀ r, β = V D^-½ u.
  const projected = new Float64Array(p);
  for (let k = 0; k < p; k++) {
    let s = 0;
    for (let i = 0; i < p; i++) s += vectors[i]![k]! * system.outcomeCorrelation[i]!;
    projected[k] = s / root[k]!;
  }
  const beta = new Float64Array(p);
  for (let i = 0; i < p; i++) {
    let s = 0;
    for (let k = 0; k < p; k++) s += vectors[i]![k]! * projected[k]!;
    beta[i] = s;
  }
  const weights = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    let total = 0;
    for (let k = 0; k < p; k++) {
      let lambda = 0;
      for (let m = 0; m < p; m++) lambda += vectors[j]![m]! * root[m]! * vectors[k]![m]!;
      total += lambda * lambda * beta[k]! * beta[k]!;
    }
    weights[j] = total;
  }
  return weights;
}

/** The importance of each driver by `method`, the standardized coefficients and R². */
function importanceOf(method: RelativeImportanceMethod, system: CorrelationSystem) {
  const standardized = choleskySolve(system.factor, system.outcomeCorrelation);
  let rSquared = 0;
  for (let j = 0; j < system.p; j++) rSquared += standardized[j]! * system.outcomeCorrelation[j]!;
  let importance: Float64Array;
  if (method === 'shapley') importance = shapleyRSquared(system.correlation, system.p);
  else if (method === 'relative-weights') importance = relativeWeights(system);
  else importance = system.outcomeCorrelation.map((r) => r * r);
  return { importance, standardized, rSquared };
}

function sharesOf(importance: ArrayLike<number>): Float64Array {
  let total = 0;
  for (let j = 0; j < importance.length; j++) total += importance[j]!;
  return Float64Array.from(importance, (value) => value / total);
}

/** The bootstrap importances: one row of p per kept resample. */
interface Replicates {
  readonly importance: Float64Array[];
  readonly discarded: number;
}

/**
 * Percentile bootstrap: `resamples` times, draw n of the respondents used with replacement
 * ({@link drawResample}; each keeps its respondent weight), recompute the weighted means and centred cross
 * products and the importances. A resample in which a variable is constant or the drivers are
 * collinear is discarded and counted.
 */
function bootstrapImportance(
  d: DriverData,
  method: RelativeImportanceMethod,
  settings: RelativeImportanceBootstrap,
): Replicates {
  const dataset = d.dataset!;
  const size = d.drivers.length + 1;
  const rows: number[] = [];
  for (let r = 0; r < dataset.n; r++) {
    if (dataset.columns.every((column) => !Number.isNaN(column[r]!))) rows.push(r);
  }
  const { m, block, weights: rowWeights } = bootstrapRows(dataset.columns, rows, dataset.weights);
  const random = new Random(settings.seed);
  const drawn = new Int32Array(m);
  const means = new Float64Array(size);
  const deviation = new Float64Array(size);
  const importance: Float64Array[] = [];
  let discarded = 0;
  for (let b = 0; b < settings.resamples; b++) {
    drawResample(random, drawn);
    let total = 0;
    means.fill(0);
    for (let k = 0; k < m; k++) {
      const j = drawn[k]!;
      const w = rowWeights[j]!;
      total += w;
      for (let c = 0; c < size; c++) means[c] = means[c]! + w * block[j * size + c]!;
    }
    for (let c = 0; c < size; c++) means[c] = means[c]! / total;
    const crossProducts = new Float64Array(size * size);
    for (let k = 0; k < m; k++) {
      const j = drawn[k]!;
      const w = rowWeights[j]!;
      for (let c = 0; c < size; c++) deviation[c] = block[j * size + c]! - means[c]!;
      for (let a = 0; a < size; a++) {
        const wa = w * deviation[a]!;
        for (let c = 0; c <= a; c++)
          crossProducts[a * size + c] = crossProducts[a * size + c]! + wa * deviation[c]!;
      }
    }
    for (let a = 0; a < size; a++) {
      for (let c = 0; c < a; c++) crossProducts[c * size + a] = crossProducts[a * size + c]!;
    }
    let system: CorrelationSystem;
    try {
      system = correlationSystem(
        FN,
        { ...d, means: Float64Array.from(means), crossProducts, totalWeight: total },
        0,
        '',
      );
    } catch {
      discarded++;
      continue;
    }
    importance.push(importanceOf(method, system).importance);
  }
  return { importance, discarded };
}

/**
 * The relative importance of drivers of an outcome, from their correlation matrix:
 *
 * - `'shapley'` (default): the LMG measure (Lindeman, Merenda & Gold 1980), the Shapley value of R²:
 *   each driver's increase in R² when it joins a subset of the other drivers, averaged over all
 *   orders of entry; computed exactly over all 2ᵖ subsets by a depth-first walk (see
 *   {@link shapleyRSquared}), up to {@link EXACT_SHAPLEY_LIMIT} drivers. relaimpo's
 *   `calc.relimp(type = "lmg")`.
 * - `'relative-weights'`: Johnson's (2000) relative weights, εⱼ = Σₖ Λⱼₖ² βₖ² with Λ = Rxx^½ and
 *   β = Λ⁻¹ r_xy: the drivers replaced by their closest orthogonal counterparts, whose squared
 *   coefficients are shared back by the squared loadings. Close to LMG, for any number of drivers.
 * - `'first'`: r²ⱼ, the squared correlation with the outcome (relaimpo's "first"), for reference.
 *
 * Importances of `'shapley'` and `'relative-weights'` sum to R² of the regression on all drivers;
 * `share` = importance / Σ importance sums to 1 (for `'first'` too); `rank` 1 is the most important;
 * `sign` is the sign of the driver's coefficient in the full regression (a negative driver's
 * importance is still positive). Listwise deletion; with respondent weights, the weighted
 * correlation matrix.
 *
 * Bootstrap (`bootstrap: true`): respondents are resampled with replacement (their weights kept),
 * everything is recomputed per resample, and the R type-7 percentiles of the resamples give the
 * intervals of importance and share; for each pair of drivers, the percentile interval of the
 * difference of their importances says whether their order is supported (`distinguishable` when it
 * excludes 0; Tonidandel, LeBreton & Johnson 2009), with the share of resamples that keep the order.
 *
 * References: Lindeman, R. H., Merenda, P. F. & Gold, R. Z. (1980). Introduction to Bivariate and
 * Multivariate Analysis. Scott, Foresman. Grömping, U. (2006). Relative importance for linear
 * regression in R: the package relaimpo. Journal of Statistical Software 17(1). Johnson, J. W.
 * (2000). A heuristic method for estimating the relative weight of predictor variables in multiple
 * regression. Multivariate Behavioral Research 35(1), 1–19. Tonidandel, S., LeBreton, J. M. &
 * Johnson, J. W. (2009). Determining the statistical significance of relative weights.
 * Psychological Methods 14(4), 387–399.
 *
 * @param data `Responses`, an object of columns, rows with `options.columns`, or listwise `Moments`
 * (without bootstrap)
 * @throws {TypeError} when outcome, drivers or bootstrap have the wrong form
 * @throws {RangeError} on an unknown method, fewer than p + 2 respondents, a constant outcome or
 * driver, exactly collinear drivers (named), more than {@link EXACT_SHAPLEY_LIMIT} drivers for
 * `'shapley'`, or a bootstrap on `Moments`
 * @example
 * relativeImportance(
 *   { y: [3, 1, 4, 1, 5, 9, 2, 6], a: [1, 2, 3, 4, 5, 6, 7, 8], b: [2, 7, 1, 8, 2, 8, 1, 8] },
 *   { outcome: 'y', drivers: ['a', 'b'] },
 * ).drivers.map((d) => d.importance); // [0.2111021645187254, 0.0270939914984657] (sum = R² = 0.2381961560171911)
 */
export function relativeImportance(
  data: SurveyData | Moments,
  options: RelativeImportanceOptions,
): RelativeImportanceResult {
  const method = options?.method ?? 'shapley';
  if (method !== 'shapley' && method !== 'relative-weights' && method !== 'first') {
    throw new RangeError(
      `${FN}: method must be 'shapley', 'relative-weights' or 'first'; got ${formatValue(method)}`,
    );
  }
  const bootstrap = bootstrapSettings(FN, options?.bootstrap, { seed: DEFAULT_IMPORTANCE_SEED, on: false });
  const d = driverData(FN, data, options);
  const p = d.drivers.length;
  if (method === 'shapley' && p > EXACT_SHAPLEY_LIMIT) {
    throw new RangeError(
      `${FN}: the exact Shapley decomposition covers at most ${EXACT_SHAPLEY_LIMIT} drivers (its cost doubles with each driver), so use method: 'relative-weights', which approximates it closely for any number of drivers, or fewer drivers; got ${p} drivers (2^${p} subsets)`,
    );
  }
  if (bootstrap !== null && d.dataset === null) {
    throw new RangeError(`${FN}: the bootstrap resamples respondents and needs their data; got moments`);
  }
  const system = correlationSystem(FN, d, p + 2, `${p + 1} parameters and one residual degree of freedom`);
  const { importance, standardized, rSquared } = importanceOf(method, system);
  const shares = sharesOf(importance);
  const order = d.drivers.map((_, j) => j).sort((a, b) => importance[b]! - importance[a]! || a - b);
  const rank = new Array<number>(p);
  order.forEach((j, position) => {
    rank[j] = position + 1;
  });
  const warnings = [...d.warnings];

  let replicates: Replicates | null = null;
  let discardedResamples: number | null = null;
  let comparisons: RelativeImportanceComparison[] | null = null;
  const interval = (values: number[]): ImportanceInterval =>
    percentileInterval(values, bootstrap!.confidenceLevel);
  if (bootstrap !== null) {
    replicates = bootstrapImportance(d, method, bootstrap);
    if (replicates.discarded > 0) {
      warnings.push(
        `${FN}: ${replicates.discarded} of ${bootstrap.resamples} bootstrap resamples had a constant variable or collinear drivers and were discarded`,
      );
    }
    discardedResamples = replicates.discarded;
    if (replicates.importance.length < 2) {
      warnings.push(`${FN}: fewer than 2 usable bootstrap resamples; no intervals`);
      replicates = null;
    }
  }
  const column = (rowsOf: Float64Array[], j: number) => rowsOf.map((row) => row[j]!);
  const shareReplicates = replicates?.importance.map(sharesOf) ?? null;
  if (replicates !== null) {
    comparisons = [];
    for (let a = 0; a < p; a++) {
      for (let b = a + 1; b < p; b++) {
        const first = order[a]!;
        const second = order[b]!;
        const differences = replicates.importance.map((row) => row[first]! - row[second]!);
        const ci = interval(differences);
        comparisons.push({
          driver: d.drivers[first]!,
          other: d.drivers[second]!,
          difference: importance[first]! - importance[second]!,
          confidenceInterval: ci,
          proportionAhead: differences.filter((value) => value > 0).length / differences.length,
          distinguishable: ci[0] > 0 || ci[1] < 0,
        });
      }
    }
  }

  return {
    method,
    outcome: d.outcome,
    weighted: d.weighted,
    n: d.n,
    dropped: d.dropped,
    rSquared,
    drivers: d.drivers.map((driver, j) => ({
      driver,
      importance: importance[j]!,
      share: shares[j]!,
      rank: rank[j]!,
      sign: Math.sign(standardized[j]!),
      correlation: system.outcomeCorrelation[j]!,
      standardizedCoefficient: standardized[j]!,
      standardError: replicates === null ? null : standardDeviation(column(replicates.importance, j)),
      importanceInterval: replicates === null ? null : interval(column(replicates.importance, j)),
      shareInterval: shareReplicates === null ? null : interval(column(shareReplicates, j)),
    })),
    comparisons,
    bootstrap,
    discardedResamples,
    warnings,
  };
}
