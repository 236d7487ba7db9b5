import { formatValue } from '../errors.js';
import { symmetricEigen } from '../stats/linear-algebra.js';
import type { MissingPolicy } from '../stats/moments.js';
import { doubleArray, linearScores, nullForNaN } from '../stats/scores.js';
import { Responses } from '../survey/responses.js';
import { segmentLabels } from '../survey/segments.js';
import {
  type CorrelationStructureOptions,
  correlationStructure,
  type PcaData,
} from './correlation-structure.js';
import {
  adequacyWarnings,
  type BartlettMeasures,
  bartlettMeasures,
  type KmoMeasures,
  kmoMeasures,
  weightingWarnings,
} from './sampling-adequacy.js';
import { signByLargest, type VarimaxOptions, varimax } from './varimax.js';

/**
 * How many components to keep: a number (1 … p), `'kaiser'` (eigenvalue above the average
 * eigenvalue: above 1 for the correlation basis), or `{ cumulative: c }` (the fewest components whose
 * cumulative proportion of variance reaches c, 0 < c ≤ 1).
 */
export type PcaComponents = number | 'kaiser' | { readonly cumulative: number };

/** Options of {@link pca}. */
export interface PcaOptions extends CorrelationStructureOptions {
  /** `'correlation'` (default: standardized items) or `'covariance'` (items in their own units). */
  readonly basis?: 'correlation' | 'covariance';
  /** Components to keep (default `'kaiser'`); see {@link PcaComponents}. */
  readonly components?: PcaComponents;
  /** `'none'` (default) or `'varimax'` (Kaiser-normalised, see {@link varimax}). */
  readonly rotation?: 'none' | 'varimax';
  /** Convergence settings of the varimax rotation. */
  readonly varimax?: VarimaxOptions;
  /**
   * Compute per-respondent component scores and the composite score: default true for raw data;
   * moments and matrices carry no respondents, so `true` is an error there.
   */
  readonly scores?: boolean;
  /**
   * Scale of `scores`: `'eigenvalue'` (default; variance = eigenvalue, as R's `prcomp`) or `'unit'`
   * (each divided by √eigenvalue: unit variance). The composite score always uses the former.
   */
  readonly scoreVariance?: 'eigenvalue' | 'unit';
  /** Rank the respondents by composite score (`ranks`, 1 = highest). Default false. */
  readonly rank?: boolean;
  /**
   * Segments to rank by their mean composite score: the id of a segment column of `Responses`, or one
   * label per respondent (`null` = missing).
   */
  readonly by?: string | readonly (string | null)[];
}

/** The retention rule applied. */
export interface PcaRetention {
  readonly rule: 'fixed' | 'kaiser' | 'cumulative';
  /** The eigenvalue bound (Kaiser: the average eigenvalue) or the cumulative proportion; `null` when fixed. */
  readonly threshold: number | null;
}

/** The varimax-rotated solution inside a {@link PcaResult}. */
export interface PcaRotation {
  readonly method: 'varimax';
  /** `RC1`, `RC2`, … (psych's names of rotated components). */
  readonly components: readonly string[];
  /** Rotated loadings, items × retained. */
  readonly loadings: number[][];
  /** The orthogonal matrix T with rotated loadings = loadings · T. */
  readonly rotationMatrix: number[][];
  /** Sums of squared rotated loadings: the variance each rotated component accounts for. */
  readonly sumsOfSquares: number[];
  /** sumsOfSquares / total variance. */
  readonly proportion: number[];
  readonly cumulative: number[];
  readonly iterations: number;
  readonly converged: boolean;
}

/** One segment ranked by its mean composite score. */
export interface PcaSegment {
  readonly segment: string;
  /** Respondents of the segment with a composite score. */
  readonly n: number;
  /** Respondents of the segment without one (a missing answer). */
  readonly unscored: number;
  /** Mean composite score (respondent-weighted when weights are used); `null` without scored respondents. */
  readonly compositeScore: number | null;
  /** Mean 0–100 composite score, the same way. */
  readonly scaledCompositeScore: number | null;
  /** 1 = highest mean composite score; ties share the lowest rank. */
  readonly rank: number | null;
}

/** Result of {@link pca}. */
export interface PcaResult {
  readonly method: 'pca';
  readonly basis: 'correlation' | 'covariance';
  readonly missing: MissingPolicy;
  readonly weighted: boolean;
  /** The retention option as given (default `'kaiser'`). */
  readonly components: PcaComponents;
  readonly retention: PcaRetention;
  readonly rotation: 'none' | 'varimax';
  readonly items: readonly string[];
  /** Respondents used for the correlations (listwise: complete; pairwise: with any answer). */
  readonly n: number;
  readonly dropped: number;
  /** All p eigenvalues, decreasing. */
  readonly eigenvalues: number[];
  /** eigenvalue / Σ eigenvalues (Σ = p for the correlation basis). */
  readonly proportion: number[];
  readonly cumulative: number[];
  /** Number of components kept. */
  readonly retained: number;
  /** `PC1`, `PC2`, … of the retained components. */
  readonly componentNames: readonly string[];
  /** Unit eigenvectors of the retained components, items × retained, signed by the sign rule. */
  readonly eigenvectors: number[][];
  /** eigenvector × √eigenvalue, items × retained: the correlations of items and components (correlation basis). */
  readonly loadings: number[][];
  /** Σ of each item's squared loadings over the retained components. */
  readonly communalities: number[];
  readonly rotated: PcaRotation | null;
  /** Measures of sampling adequacy; `null` when the correlation matrix is not positive definite. */
  readonly kmo: KmoMeasures | null;
  /** Bartlett's test of sphericity; `null` when the correlation matrix is not positive definite. */
  readonly bartlett: BartlettMeasures | null;
  readonly scoreVariance: 'eigenvalue' | 'unit';
  /** Component scores by component name, one value per respondent (`null` = not scored); `null` without scores. */
  readonly scores: Readonly<Record<string, (number | null)[]>> | null;
  /** Unit-variance scores of the rotated components (psych's `principal` scores), by `RC` name; `null` without rotation or scores. */
  readonly rotatedScores: Readonly<Record<string, (number | null)[]>> | null;
  /** λⱼ / Σ retained λ: the weight of each retained component in the composite score. */
  readonly compositeWeights: number[];
  /** Σⱼ compositeWeights[j] · Fⱼ per respondent (F with variance = eigenvalue); `null` without scores. */
  readonly compositeScore: (number | null)[] | null;
  /** 100 · (C − min) / (max − min) over the scored respondents; `null` without scores. */
  readonly scaledCompositeScore: (number | null)[] | null;
  /** The min and max of the composite score used by the 0–100 rescaling. */
  readonly compositeRange: { readonly min: number; readonly max: number } | null;
  /** Respondents with scores (every analysed item answered). */
  readonly scored: number;
  /** Respondents without (a missing answer), `null` in every per-respondent array. */
  readonly unscored: number;
  /** Rank of each respondent by composite score (1 = highest, ties share the lowest rank); `null` unless `rank`. */
  readonly ranks: (number | null)[] | null;
  /** The segment column of `Responses` used by `by`; `null` for labels given as an array or without segments. */
  readonly by: string | null;
  /** Segments ordered by mean composite score, highest first; `null` without `by`. */
  readonly segments: readonly PcaSegment[] | null;
  readonly warnings: readonly string[];
}

const FN = 'pca';

function retention(
  components: PcaComponents,
  basis: 'correlation' | 'covariance',
  eigenvalues: readonly number[],
  cumulative: readonly number[],
  warnings: string[],
): { retained: number; retention: PcaRetention } {
  const p = eigenvalues.length;
  if (components === 'kaiser') {
    // Kaiser's 1 for the correlation basis (exactly, not the rounded mean of its eigenvalues).
    const average = basis === 'correlation' ? 1 : eigenvalues.reduce((a, b) => a + b, 0) / p;
    let retained = eigenvalues.filter((value) => value > average).length;
    if (retained === 0) {
      retained = 1;
      warnings.push(
        `${FN}: no eigenvalue is above the average ${average.toPrecision(4)} (the items are uncorrelated); one component kept`,
      );
    }
    return { retained, retention: { rule: 'kaiser', threshold: average } };
  }
  if (typeof components === 'number') {
    if (!(Number.isInteger(components) && components >= 1 && components <= p)) {
      throw new RangeError(
        `${FN}: components must be a whole number from 1 to ${p} (the items); got ${formatValue(components)}`,
      );
    }
    return { retained: components, retention: { rule: 'fixed', threshold: null } };
  }
  if (components !== null && typeof components === 'object' && typeof components.cumulative === 'number') {
    const threshold = components.cumulative;
    if (!(threshold > 0 && threshold <= 1)) {
      throw new RangeError(
        `${FN}: components.cumulative must be within (0, 1]; got ${formatValue(threshold)}`,
      );
    }
    // The rounding of the proportions must not cost a component: compare with 1e-12 of slack.
    const index = cumulative.findIndex((value) => value >= threshold - 1e-12);
    return { retained: index === -1 ? p : index + 1, retention: { rule: 'cumulative', threshold } };
  }
  throw new TypeError(
    `${FN}: components must be a number, 'kaiser' or { cumulative }; got ${formatValue(components)}`,
  );
}

/** Ranks of values, 1 for the largest; equal values share the lowest rank (R's ties.method = "min"). */
function descendingRanks(values: readonly (number | null)[]): (number | null)[] {
  const order = values.map((_, i) => i).filter((i) => values[i] !== null);
  order.sort((a, b) => values[b]! - values[a]!);
  const ranks: (number | null)[] = values.map(() => null);
  order.forEach((index, position) => {
    const previous = position > 0 ? order[position - 1]! : -1;
    ranks[index] = previous >= 0 && values[previous] === values[index] ? ranks[previous]! : position + 1;
  });
  return ranks;
}

function rankSegments(
  labels: readonly (string | null)[],
  order: readonly string[],
  composite: readonly (number | null)[],
  scaled: readonly (number | null)[],
  weights: Float64Array | null,
): PcaSegment[] {
  const totals = new Map(order.map((segment) => [segment, { n: 0, unscored: 0, w: 0, c: 0, s: 0 }]));
  labels.forEach((label, r) => {
    if (label === null) return;
    const total = totals.get(label)!;
    const value = composite[r];
    if (value === null || value === undefined) {
      total.unscored++;
      return;
    }
    const w = weights === null ? 1 : weights[r]!;
    total.n++;
    total.w += w;
    total.c += w * value;
    total.s += w * (scaled[r] ?? Number.NaN);
  });
  const means = order.map((segment) => {
    const t = totals.get(segment)!;
    return t.n === 0 ? null : t.c / t.w;
  });
  const ranks = descendingRanks(means);
  const rows = order.map((segment, k): PcaSegment => {
    const t = totals.get(segment)!;
    const scaledMean = t.n === 0 ? null : t.s / t.w;
    return {
      segment,
      n: t.n,
      unscored: t.unscored,
      compositeScore: means[k]!,
      scaledCompositeScore: scaledMean === null || Number.isNaN(scaledMean) ? null : scaledMean,
      rank: ranks[k]!,
    };
  });
  return rows.sort((a, b) => (a.rank ?? Number.POSITIVE_INFINITY) - (b.rank ?? Number.POSITIVE_INFINITY));
}

/**
 * Principal component analysis of satisfaction items, with the SPSS/psych workflow in one result:
 * sampling adequacy (KMO, Bartlett), all eigenvalues with their proportions, the retained components'
 * loadings, an optional varimax rotation, per-respondent component scores and a composite score.
 *
 * Method. R is the items' correlation matrix (default; `basis: 'covariance'` uses the covariance
 * matrix S instead), from the moments of the data (`moments`, so also from precomputed `Moments` or
 * `{ correlation, n }`). Its eigen-decomposition R = V Λ Vᵀ (λ₁ ≥ … ≥ λₚ) gives
 * - proportions λⱼ / Σλ (Σλ = p for R) and their cumulative sums, for all p components;
 * - loadings lᵢⱼ = vᵢⱼ √λⱼ (item–component correlations for R) and communalities Σⱼ lᵢⱼ² over the
 *   retained components;
 * - component scores Fⱼ = Σᵢ vᵢⱼ (xᵢ − x̄ᵢ) / sᵢ (centred, not scaled, for S), whose variance is λⱼ,
 *   as R's `prcomp(x, scale. = TRUE)$x`; `scoreVariance: 'unit'` divides them by √λⱼ;
 * - the composite score C = Σⱼ (λⱼ / Σ_retained λ) · Fⱼ, the eigenvalue-share weighting of the
 *   principal-component evaluation method (主成分分析法), and its 0–100 rescaling
 *   100 · (C − min C) / (max C − min C) over the scored respondents (min–max normalisation, OECD/JRC
 *   Handbook 2008, step 5), with `ranks` of respondents and `segments` (`by`) ranked by mean composite.
 *
 * Conventions. Sign rule: each component (and each rotated component) is signed so that its
 * largest-magnitude loading is positive (the first such item in item order on a tie). Retention
 * (`components`): a fixed number, `'kaiser'` (λ above the average eigenvalue, which is 1 for R:
 * Kaiser 1960; for S, Jolliffe's generalisation) or `{ cumulative }`; at least one component. Rotation
 * (`'varimax'`): Kaiser-normalised varimax of the retained loadings ({@link varimax}), reported in
 * `rotated` with sums of squared loadings, proportions and the rotation matrix; rotated scores are
 * the unit-variance regression scores Z R⁻¹ L_rot = Z V Λ^(−1/2) T (psych's `principal`). The composite
 * score always weights the unrotated components by eigenvalue share. Missing answers: `'listwise'`
 * (default) or `'pairwise'` correlations, stated in `missing`, with `n` and `dropped`; only respondents
 * who answered every analysed item are scored, standardized by the means and standard deviations of
 * the rows used (listwise: the complete rows; pairwise: each item's answers), and `null` marks the
 * others in every per-respondent array (`unscored` counts them). With respondent weights, the
 * correlations, means and standard deviations are weighted (`survey::svyvar`'s convention), segment
 * means are weighted, and Bartlett's test uses Kish's effective sample size.
 *
 * Diagnostics. KMO and Bartlett's test are computed on R (for either basis) and reported in `kmo`
 * and `bartlett`, with warnings when KMO < 0.6 or Bartlett's p ≥ 0.05. A constant item, an item that
 * is an exact linear combination of others (named with those items), fewer than two items or no
 * more respondents than items are errors.
 *
 * References: Jolliffe, I. T. (2002). Principal Component Analysis (2nd ed.). Springer. Kaiser, H. F.
 * (1958). The varimax criterion for analytic rotation in factor analysis. Psychometrika 23, 187–200.
 * Kaiser, H. F. (1960). The application of electronic computers to factor analysis. Educational and
 * Psychological Measurement 20, 141–151. Revelle, W. psych: Procedures for Psychological,
 * Psychometric, and Personality Research (`principal`, `KMO`, `cortest.bartlett`).
 *
 * @param data `Responses`, an object of columns, rows with `options.columns`, `Moments`, or
 * `{ correlation, n }` / `{ covariance, n }`
 * @throws {TypeError} when the data or options have the wrong form
 * @throws {RangeError} on too few items or respondents, a constant or linearly dependent item, an
 * invalid number of components, a retained component with a non-positive eigenvalue, or scores
 * requested without respondents
 * @example
 * const result = pca({ q1: [1, 2, 3, 4, 5], q2: [2, 1, 4, 3, 5], q3: [1, 3, 2, 5, 4] });
 * result.eigenvalues; // [2.2913, 0.7, 0.0087] (rounded); Kaiser's rule keeps PC1
 * result.scaledCompositeScore; // [0, 20.44, 50, 79.56, 100] (rounded; the composite is PC1 here)
 */
export function pca(data: PcaData, options: PcaOptions = {}): PcaResult {
  if (options === null || typeof options !== 'object') {
    throw new TypeError(`${FN}: options must be an object; got ${formatValue(options)}`);
  }
  const basis = options.basis ?? 'correlation';
  if (basis !== 'correlation' && basis !== 'covariance') {
    throw new RangeError(`${FN}: basis must be 'correlation' or 'covariance'; got ${formatValue(basis)}`);
  }
  const rotation = options.rotation ?? 'none';
  if (rotation !== 'none' && rotation !== 'varimax') {
    throw new RangeError(`${FN}: rotation must be 'none' or 'varimax'; got ${formatValue(rotation)}`);
  }
  const scoreVariance = options.scoreVariance ?? 'eigenvalue';
  if (scoreVariance !== 'eigenvalue' && scoreVariance !== 'unit') {
    throw new RangeError(
      `${FN}: scoreVariance must be 'eigenvalue' or 'unit'; got ${formatValue(scoreVariance)}`,
    );
  }
  const components = options.components ?? 'kaiser';
  const structure = correlationStructure(FN, data, options);
  const { items, dataset } = structure;
  const p = items.length;
  const wantScores = options.scores ?? dataset !== null;
  if (wantScores && dataset === null) {
    throw new RangeError(
      `${FN}: scores need the respondents' answers; got ${structure.source === 'moments' ? 'moments' : 'a matrix'} (pass the data, or set scores: false)`,
    );
  }
  if (!wantScores && (options.rank === true || options.by !== undefined)) {
    throw new RangeError(`${FN}: rank and by need scores; got scores: false`);
  }
  const warnings = [...structure.warnings];
  if (basis === 'covariance' && structure.covariance === null) {
    throw new RangeError(
      `${FN}: basis 'covariance' needs a covariance matrix or data; got a correlation matrix`,
    );
  }
  const matrix = basis === 'correlation' ? structure.correlation : structure.covariance!;
  const eigen = symmetricEigen(matrix);
  const eigenvalues = eigen.values;
  const total = eigenvalues.reduce((a, b) => a + b, 0);
  const proportion = eigenvalues.map((value) => value / total);
  const cumulative: number[] = [];
  proportion.reduce((a, b, j) => (cumulative[j] = a + b), 0);
  const { retained, retention: rule } = retention(components, basis, eigenvalues, cumulative, warnings);
  const kept = eigenvalues.slice(0, retained);
  const bad = kept.findIndex((value) => !(value > 0));
  if (bad !== -1) {
    throw new RangeError(
      `${FN}: component ${bad + 1} has eigenvalue ${eigenvalues[bad]} (not positive; the correlation matrix is indefinite or of lower rank): keep fewer components; got components = ${formatValue(typeof components === 'object' ? components.cumulative : components)}`,
    );
  }
  const eigenvectors = eigen.vectors.map((row) => row.slice(0, retained));
  signByLargest(eigenvectors);
  const roots = kept.map(Math.sqrt);
  const loadings = eigenvectors.map((row) => row.map((v, j) => v * roots[j]!));
  const communalities = loadings.map((row) => row.reduce((a, l) => a + l * l, 0));
  const componentNames = kept.map((_, j) => `PC${j + 1}`);

  let rotated: PcaRotation | null = null;
  if (rotation === 'varimax') {
    const result = varimax(loadings, options.varimax);
    warnings.push(...result.warnings.map((w) => `${FN}: ${w}`));
    const rotatedProportion = result.sumsOfSquares.map((s) => s / total);
    const rotatedCumulative: number[] = [];
    rotatedProportion.reduce((a, b, j) => (rotatedCumulative[j] = a + b), 0);
    rotated = {
      method: 'varimax',
      components: kept.map((_, j) => `RC${j + 1}`),
      loadings: result.loadings,
      rotationMatrix: result.rotationMatrix,
      sumsOfSquares: result.sumsOfSquares,
      proportion: rotatedProportion,
      cumulative: rotatedCumulative,
      iterations: result.iterations,
      converged: result.converged,
    };
  }

  const kmo = structure.positiveDefinite ? kmoMeasures(items, structure.correlation) : null;
  const bartlett = structure.positiveDefinite
    ? bartlettMeasures(structure.pivots, structure.sampleSize)
    : null;
  warnings.push(...weightingWarnings(FN, structure));
  warnings.push(...adequacyWarnings(FN, kmo, bartlett));

  const compositeWeights = kept.map((value) => value / kept.reduce((a, b) => a + b, 0));
  let scores: Record<string, (number | null)[]> | null = null;
  let rotatedScores: Record<string, (number | null)[]> | null = null;
  let compositeScore: (number | null)[] | null = null;
  let scaledCompositeScore: (number | null)[] | null = null;
  let compositeRange: { min: number; max: number } | null = null;
  let ranks: (number | null)[] | null = null;
  let segments: PcaSegment[] | null = null;
  let by: string | null = null;
  let scored = 0;
  let unscored = 0;
  if (wantScores && dataset !== null) {
    const variances = structure.covariance!.map((row, i) => row[i]!);
    const scale = variances.map((v) => (basis === 'correlation' ? 1 / Math.sqrt(v) : 1));
    // Outputs: the retained components, the composite, then the rotated components.
    const outputs = retained + 1 + (rotated === null ? 0 : retained);
    const coefficients = new Float64Array(outputs * p);
    for (let j = 0; j < retained; j++) {
      const factor = scoreVariance === 'unit' ? 1 / roots[j]! : 1;
      for (let i = 0; i < p; i++) {
        const a = eigenvectors[i]![j]! * scale[i]!;
        coefficients[j * p + i] = a * factor;
        coefficients[retained * p + i] = coefficients[retained * p + i]! + compositeWeights[j]! * a;
      }
    }
    if (rotated !== null) {
      // Z V Λ^(−1/2) T: unit-variance scores of the rotated components.
      for (let j = 0; j < retained; j++) {
        for (let i = 0; i < p; i++) {
          let a = 0;
          for (let k = 0; k < retained; k++)
            a += (eigenvectors[i]![k]! / roots[k]!) * rotated.rotationMatrix[k]![j]!;
          coefficients[(retained + 1 + j) * p + i] = a * scale[i]!;
        }
      }
    }
    const values = linearScores(
      dataset.columns,
      coefficients,
      Float64Array.from(structure.means!),
      dataset.n,
    );
    const composite = values[retained]!;
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (let r = 0; r < composite.length; r++) {
      const c = composite[r]!;
      if (c < min) min = c;
      if (c > max) max = c;
    }
    const scaled = doubleArray(composite.length);
    if (max > min) {
      const factor = 100 / (max - min);
      for (let r = 0; r < composite.length; r++) scaled[r] = (composite[r]! - min) * factor;
    } else {
      scaled.fill(Number.NaN);
      warnings.push(
        `${FN}: every scored respondent has the same composite score; the 0–100 rescaling is not defined`,
      );
    }
    const nulled = nullForNaN(composite);
    unscored = nulled.missing;
    scored = dataset.n - unscored;
    compositeScore = nulled.values;
    scaledCompositeScore = nullForNaN(scaled).values;
    compositeRange = scored > 0 ? { min, max } : null;
    scores = {};
    for (let j = 0; j < retained; j++) scores[componentNames[j]!] = nullForNaN(values[j]!).values;
    if (rotated !== null) {
      rotatedScores = {};
      for (let j = 0; j < retained; j++) {
        rotatedScores[rotated.components[j]!] = nullForNaN(values[retained + 1 + j]!).values;
      }
    }
    if (unscored > 0) {
      warnings.push(
        `${FN}: ${unscored} of ${dataset.n} respondents left an analysed item unanswered and have no scores (null)`,
      );
    }
    if (options.rank === true) ranks = descendingRanks(compositeScore);
    if (options.by !== undefined) {
      const labels = segmentLabels(FN, options.by, data instanceof Responses ? data : null, dataset.n);
      by = labels.by;
      segments = rankSegments(
        labels.labels,
        labels.order,
        compositeScore,
        scaledCompositeScore,
        dataset.weights,
      );
    }
  }

  return {
    method: 'pca',
    basis,
    missing: structure.missing,
    weighted: structure.weighted,
    components,
    retention: rule,
    rotation,
    items,
    n: structure.n,
    dropped: structure.dropped,
    eigenvalues,
    proportion,
    cumulative,
    retained,
    componentNames,
    eigenvectors,
    loadings,
    communalities,
    rotated,
    kmo,
    bartlett,
    scoreVariance,
    scores,
    rotatedScores,
    compositeWeights,
    compositeScore,
    scaledCompositeScore,
    compositeRange,
    scored,
    unscored,
    ranks,
    by,
    segments,
    warnings,
  };
}
