import { weightWarnings } from '../stats/confidence.js';
import { chiSquareCdf } from '../stats/distributions.js';
import { inverseSymmetricPositiveDefinite } from '../stats/linear-algebra.js';
import type { MissingPolicy } from '../stats/moments.js';
import {
  type CorrelationStructure,
  type CorrelationStructureOptions,
  correlationStructure,
  type PcaData,
} from './correlation-structure.js';

/** Kaiser's (1974) labels of a measure of sampling adequacy. */
export type SamplingAdequacy =
  | 'marvelous'
  | 'meritorious'
  | 'middling'
  | 'mediocre'
  | 'miserable'
  | 'unacceptable';

/** Kaiser's labels: ≥ 0.9 marvelous, ≥ 0.8 meritorious, ≥ 0.7 middling, ≥ 0.6 mediocre, ≥ 0.5 miserable. */
export function samplingAdequacy(msa: number): SamplingAdequacy {
  if (msa >= 0.9) return 'marvelous';
  if (msa >= 0.8) return 'meritorious';
  if (msa >= 0.7) return 'middling';
  if (msa >= 0.6) return 'mediocre';
  if (msa >= 0.5) return 'miserable';
  return 'unacceptable';
}

/** KMO below which the data are commonly judged unsuitable for components (Kaiser 1974: mediocre). */
export const KMO_THRESHOLD = 0.6;
/** Significance level of Bartlett's test in the warnings. */
export const BARTLETT_LEVEL = 0.05;

/** The measures of sampling adequacy, as they appear in a PCA result. */
export interface KmoMeasures {
  /** Overall measure: Σ_{i≠j} rᵢⱼ² / (Σ_{i≠j} rᵢⱼ² + Σ_{i≠j} qᵢⱼ²). */
  readonly overall: number;
  readonly adequacy: SamplingAdequacy;
  /** Per item: Σ_{j≠i} rᵢⱼ² / (Σ_{j≠i} rᵢⱼ² + Σ_{j≠i} qᵢⱼ²). */
  readonly items: readonly {
    readonly item: string;
    readonly msa: number;
    readonly adequacy: SamplingAdequacy;
  }[];
}

/** Bartlett's test of sphericity, as it appears in a PCA result. */
export interface BartlettMeasures {
  readonly chiSquare: number;
  readonly df: number;
  readonly pValue: number;
  /** The n of the statistic (Kish's effective sample size with respondent weights). */
  readonly sampleSize: number;
}

/** Result of {@link kmo}. */
export interface KmoResult extends KmoMeasures {
  readonly method: 'kmo';
  readonly missing: MissingPolicy;
  readonly weighted: boolean;
  readonly n: number;
  readonly dropped: number;
  readonly warnings: readonly string[];
}

/** Result of {@link bartlettSphericity}. */
export interface BartlettSphericityResult extends BartlettMeasures {
  readonly method: 'bartlett-sphericity';
  readonly missing: MissingPolicy;
  readonly weighted: boolean;
  readonly n: number;
  readonly dropped: number;
  readonly warnings: readonly string[];
}

/** KMO of a positive-definite correlation matrix, or `null` when it is not positive definite. */
export function kmoMeasures(
  items: readonly string[],
  correlation: readonly (readonly number[])[],
): KmoMeasures | null {
  const inverse = inverseSymmetricPositiveDefinite(correlation);
  if (inverse === null) return null;
  const p = items.length;
  const r2 = new Array<number>(p).fill(0);
  const q2 = new Array<number>(p).fill(0);
  for (let i = 0; i < p; i++) {
    for (let j = 0; j < p; j++) {
      if (i === j) continue;
      // The partial correlation of i and j given the rest is −(R⁻¹)ᵢⱼ / √((R⁻¹)ᵢᵢ (R⁻¹)ⱼⱼ); squared here.
      const partial = (inverse[i]![j]! * inverse[i]![j]!) / (inverse[i]![i]! * inverse[j]![j]!);
      r2[i] = r2[i]! + correlation[i]![j]! ** 2;
      q2[i] = q2[i]! + partial;
    }
  }
  const totalR = r2.reduce((a, b) => a + b, 0);
  const totalQ = q2.reduce((a, b) => a + b, 0);
  const overall = totalR / (totalR + totalQ);
  return {
    overall,
    adequacy: samplingAdequacy(overall),
    items: items.map((item, i) => {
      const msa = r2[i]! / (r2[i]! + q2[i]!);
      return { item, msa, adequacy: samplingAdequacy(msa) };
    }),
  };
}

/**
 * Bartlett's statistic from the Cholesky pivots dᵢ of a positive-definite correlation matrix
 * (ln det R = Σ ln dᵢ).
 */
export function bartlettMeasures(pivots: readonly number[], sampleSize: number): BartlettMeasures {
  const p = pivots.length;
  const logDeterminant = pivots.reduce((a, d) => a + Math.log(d), 0);
  const chiSquare = -(sampleSize - 1 - (2 * p + 5) / 6) * logDeterminant;
  const df = (p * (p - 1)) / 2;
  return { chiSquare, df, pValue: chiSquareCdf(chiSquare, df, false), sampleSize };
}

/** The warnings of low sampling adequacy and of a non-significant Bartlett test. */
export function adequacyWarnings(
  fn: string,
  kmo: KmoMeasures | null,
  bartlett: BartlettMeasures | null,
): string[] {
  const warnings: string[] = [];
  if (kmo !== null && kmo.overall < KMO_THRESHOLD) {
    const weakest = [...kmo.items].sort((a, b) => a.msa - b.msa).slice(0, 3);
    warnings.push(
      `${fn}: KMO = ${kmo.overall.toFixed(3)} (${kmo.adequacy}) is below ${KMO_THRESHOLD}: the items share too little common variance for a few components to summarise them; weakest items ${weakest.map((w) => `${JSON.stringify(w.item)} (${w.msa.toFixed(3)})`).join(', ')}`,
    );
  }
  if (bartlett !== null && !(bartlett.pValue < BARTLETT_LEVEL)) {
    warnings.push(
      `${fn}: Bartlett's test of sphericity is not significant (χ² = ${bartlett.chiSquare.toFixed(2)}, df = ${bartlett.df}, p = ${bartlett.pValue.toPrecision(3)}): the correlation matrix is not distinguishable from the identity, so the items have little to summarise`,
    );
  }
  return warnings;
}

/** The warning of strongly varying respondent weights, for a structure computed from weighted data. */
export function weightingWarnings(fn: string, structure: CorrelationStructure): string[] {
  return structure.weighted && structure.source === 'data'
    ? weightWarnings(fn, structure.n, structure.sampleSize)
    : [];
}

/**
 * The Kaiser–Meyer–Olkin measure of sampling adequacy: how much of the items' correlation is common
 * rather than specific, comparing the correlations rᵢⱼ with the partial correlations qᵢⱼ (each pair
 * given all the other items, from R⁻¹: qᵢⱼ = −(R⁻¹)ᵢⱼ / √((R⁻¹)ᵢᵢ (R⁻¹)ⱼⱼ)):
 *
 *   KMO = Σ_{i≠j} rᵢⱼ² / (Σ_{i≠j} rᵢⱼ² + Σ_{i≠j} qᵢⱼ²),  MSAᵢ = Σ_{j≠i} rᵢⱼ² / (Σ_{j≠i} rᵢⱼ² + Σ_{j≠i} qᵢⱼ²).
 *
 * Values near 1 mean that the partial correlations are small: the items share common components.
 * Kaiser's labels (`adequacy`): ≥ 0.9 marvelous, ≥ 0.8 meritorious, ≥ 0.7 middling, ≥ 0.6 mediocre,
 * ≥ 0.5 miserable, below unacceptable; a KMO below 0.6 is reported in `warnings`. Matches
 * `psych::KMO` (which uses R's pairwise correlations; `missing: 'pairwise'` reproduces it).
 *
 * References: Kaiser, H. F. (1970). A second generation little jiffy. Psychometrika 35, 401–415.
 * Kaiser, H. F. (1974). An index of factorial simplicity. Psychometrika 39, 31–36. Kaiser, H. F. &
 * Rice, J. (1974). Little jiffy, mark IV. Educational and Psychological Measurement 34, 111–117.
 *
 * @param data `Responses`, an object of columns, rows with `options.columns`, `Moments`, or
 * `{ correlation, n }`
 * @throws {RangeError} with fewer than 2 items, no more respondents than items, a constant item, an
 * item that is a linear combination of others, or a correlation matrix that is not positive definite
 * @example
 * kmo({ correlation: [[1, 0.5, 0.4], [0.5, 1, 0.3], [0.4, 0.3, 1]], n: 100 }).overall; // 0.6278611324060892 (psych::KMO: 0.6278611)
 */
export function kmo(data: PcaData, options: CorrelationStructureOptions = {}): KmoResult {
  const fn = 'kmo';
  const structure = correlationStructure(fn, data, options);
  const measures = kmoMeasures(structure.items, structure.correlation);
  if (measures === null) {
    throw new RangeError(
      `${fn}: the correlation matrix must be positive definite for partial correlations; got an indefinite matrix (pairwise deletion)`,
    );
  }
  return {
    method: 'kmo',
    missing: structure.missing,
    weighted: structure.weighted,
    n: structure.n,
    dropped: structure.dropped,
    ...measures,
    warnings: [...structure.warnings, ...adequacyWarnings(fn, measures, null)],
  };
}

/**
 * Bartlett's test of sphericity: whether the correlation matrix R of p items differs from the
 * identity (items uncorrelated, nothing for components to summarise):
 *
 *   χ² = −(n − 1 − (2p + 5) / 6) · ln det R,  df = p (p − 1) / 2,
 *
 * with the upper-tail chi-square p-value. A p-value of 0.05 or more is reported in `warnings`.
 * With respondent weights, n is Kish's effective sample size (Σw)² / Σw² (reported as `sampleSize`).
 * Matches `psych::cortest.bartlett(R, n)`.
 *
 * Reference: Bartlett, M. S. (1951). The effect of standardization on a χ² approximation in factor
 * analysis. Biometrika 38, 337–344 (and Bartlett 1950, Tests of significance in factor analysis,
 * British Journal of Psychology, Statistical Section 3, 77–85).
 *
 * @param data `Responses`, an object of columns, rows with `options.columns`, `Moments`, or
 * `{ correlation, n }`
 * @throws {RangeError} as {@link kmo}
 * @example
 * bartlettSphericity({ correlation: [[1, 0.5, 0.4], [0.5, 1, 0.3], [0.4, 0.3, 1]], n: 100 }).chiSquare; // 46.449145324961485 (psych::cortest.bartlett: 46.44915)
 */
export function bartlettSphericity(
  data: PcaData,
  options: CorrelationStructureOptions = {},
): BartlettSphericityResult {
  const fn = 'bartlettSphericity';
  const structure = correlationStructure(fn, data, options);
  if (!structure.positiveDefinite) {
    throw new RangeError(
      `${fn}: the correlation matrix must be positive definite for its determinant; got an indefinite matrix (pairwise deletion)`,
    );
  }
  const measures = bartlettMeasures(structure.pivots, structure.sampleSize);
  return {
    method: 'bartlett-sphericity',
    missing: structure.missing,
    weighted: structure.weighted,
    n: structure.n,
    dropped: structure.dropped,
    ...measures,
    warnings: [
      ...structure.warnings,
      ...weightingWarnings(fn, structure),
      ...adequacyWarnings(fn, null, measures),
    ],
  };
}
