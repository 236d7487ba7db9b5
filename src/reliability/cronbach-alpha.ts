import { formatValue } from '../errors.js';
import { checkConfidenceLevel, weightWarnings } from '../stats/confidence.js';
import { fQuantile } from '../stats/distributions.js';
import { squaredMultipleCorrelations } from '../stats/linear-algebra.js';
import type { MissingPolicy, Moments } from '../stats/moments.js';
import type { SurveyData } from '../survey/data.js';
import { itemCovariance, type ReliabilityOptions } from './item-covariance.js';

/** Options of {@link cronbachAlpha}. */
export interface CronbachAlphaOptions extends ReliabilityOptions {
  /** Confidence level of the Feldt interval (default 0.95). */
  readonly confidenceLevel?: number;
}

/** Statistics of one item of a scale. */
export interface CronbachAlphaItem {
  readonly item: string;
  /** Whether `options.reverse` reversed this item. */
  readonly reversed: boolean;
  /** Respondents whose answer to this item was used. */
  readonly n: number;
  /** Mean of the (reversed, if so keyed) answers. */
  readonly mean: number;
  /** Standard deviation (n − 1; weighted: `survey::svyvar`'s estimator). */
  readonly sd: number;
  /** Correlation of the item with the total score, the item included (psych's `raw.r`). */
  readonly itemTotalCorrelation: number;
  /**
   * Corrected item-total correlation: the correlation of the item with the sum of the other items
   * (item-rest; psych's `r.drop`, SPSS's "Corrected Item-Total Correlation").
   */
  readonly correctedItemTotalCorrelation: number;
  /** Alpha of the scale without this item; `null` for a two-item scale (one item has no alpha). */
  readonly alphaIfDeleted: number | null;
  /** Standardized alpha of the scale without this item; `null` for a two-item scale. */
  readonly standardizedAlphaIfDeleted: number | null;
}

/** Result of {@link cronbachAlpha}. */
export interface CronbachAlphaResult {
  readonly method: 'cronbach-alpha';
  readonly missing: MissingPolicy;
  readonly weighted: boolean;
  /** Number of items. */
  readonly k: number;
  /** Respondents used: listwise, those who answered every item; pairwise, those who answered any. */
  readonly n: number;
  /** Respondents not used. */
  readonly dropped: number;
  /** Cronbach's alpha from the covariance matrix (raw scores). */
  readonly alpha: number;
  /** Alpha of the standardized items, from the correlation matrix. */
  readonly standardizedAlpha: number;
  /** Guttman's λ6 from squared multiple correlations; `null` when the correlation matrix is singular. */
  readonly guttmanLambda6: number | null;
  /** Mean of the correlations between distinct items. */
  readonly averageInterItemCorrelation: number;
  /** Asymptotic standard error of alpha (Duhachek & Iacobucci 2004; psych's `ase`). */
  readonly standardError: number;
  readonly confidenceLevel: number;
  /** Feldt's interval for alpha from the F distribution. */
  readonly confidenceInterval: { readonly lower: number; readonly upper: number; readonly method: 'feldt' };
  readonly items: readonly CronbachAlphaItem[];
  readonly warnings: readonly string[];
}

/** Σ of all entries and of the diagonal of a square matrix, without row and column `skip`. */
function sums(matrix: readonly (readonly number[])[], skip = -1): { total: number; trace: number } {
  let total = 0;
  let trace = 0;
  matrix.forEach((row, i) => {
    if (i === skip) return;
    row.forEach((value, j) => {
      if (j === skip) return;
      total += value;
      if (i === j) trace += value;
    });
  });
  return { total, trace };
}

/** Below this alpha a scale is commonly called unacceptable (George & Mallery 2003). */
const LOW_ALPHA = 0.5;

/**
 * Cronbach's alpha of a set of items, raw and standardized, with per-item statistics and
 * diagnostics:
 *
 *   α = k / (k − 1) · (1 − Σᵢ Cᵢᵢ / Σᵢⱼ Cᵢⱼ),   α_std = k / (k − 1) · (1 − k / Σᵢⱼ Rᵢⱼ),
 *
 * with C the items' covariance matrix and R = cov2cor(C). Per item: the corrected item-total
 * (item-rest) correlation (Σⱼ Cᵢⱼ − Cᵢᵢ) / √(Cᵢᵢ · Σ_{j,l≠i} Cⱼₗ) and alpha if the item is deleted.
 * Also Guttman's λ6 = 1 − Σᵢ (1 − smcᵢ) / Σ R, the average inter-item correlation, the asymptotic
 * standard error √(Q / n) of Duhachek & Iacobucci (2004), and Feldt's interval at level 1 − a:
 * lower = 1 − (1 − α) F₁₋ₐ/₂(n − 1, (n − 1)(k − 1)), upper = 1 − (1 − α) Fₐ/₂(n − 1, (n − 1)(k − 1)),
 * with F_p the F distribution's p-quantile.
 *
 * Conventions: psych::alpha's. Missing answers: listwise by default (stated in `missing`);
 * `missing: 'pairwise'` is psych's default and reproduces it, with R = cov2cor(C) and n = the
 * respondents who answered any item. With respondent weights, C is the weighted covariance and the
 * standard error and interval use Kish's effective sample size. Warnings explain a negative or low
 * alpha as a probable coding problem and name the items that correlate negatively with the rest
 * (reverse-coding suspects).
 *
 * References: Cronbach, L. J. (1951). Coefficient alpha and the internal structure of tests.
 * Psychometrika 16, 297–334. Feldt, L. S., Woodruff, D. J. & Salih, F. A. (1987). Statistical
 * inference for coefficient alpha. Applied Psychological Measurement 11, 93–103. Duhachek, A. &
 * Iacobucci, D. (2004). Alpha's standard error. Journal of Applied Psychology 89, 792–808.
 * Revelle, W. psych: Procedures for Psychological, Psychometric, and Personality Research (`alpha`).
 *
 * @param data `Responses`, an object of columns, rows with `options.columns`, or `Moments`
 * @throws {RangeError} with fewer than 2 items or respondents, a constant item, unknown items,
 * reverse keys without a scale, or a confidence level outside (0, 1)
 * @example
 * cronbachAlpha({ q1: [4, 5, 3, 4, 2], q2: [4, 4, 3, 5, 2], q3: [5, 5, 2, 4, 3] }).alpha; // 0.8857142857142857 (= 31/35)
 */
export function cronbachAlpha(
  data: SurveyData | Moments,
  options: CronbachAlphaOptions = {},
): CronbachAlphaResult {
  const fn = 'cronbachAlpha';
  const confidenceLevel = checkConfidenceLevel(fn, options.confidenceLevel ?? 0.95);
  const input = itemCovariance(fn, data, options);
  const { covariance: c, correlation: r, items } = input;
  const k = items.length;

  let total = 0;
  let trace = 0;
  let totalR = 0;
  let squares = 0;
  const rowSums = c.map((row) => row.reduce((a, b) => a + b, 0));
  c.forEach((row, i) => {
    trace += row[i]!;
    row.forEach((value, j) => {
      total += value;
      squares += value * value;
      totalR += r[i]![j]!;
    });
  });
  const alpha = (k / (k - 1)) * (1 - trace / total);
  const standardizedAlpha = (k / (k - 1)) * (1 - k / totalR);
  const smc = squaredMultipleCorrelations(r);
  const guttmanLambda6 = smc === null ? null : 1 - (k - smc.reduce((a, b) => a + b, 0)) / totalR;
  // Duhachek & Iacobucci's Q, with tr(C²) = Σ Cᵢⱼ² and 1ᵀC²1 = Σᵢ (Σⱼ Cᵢⱼ)² for symmetric C.
  const sumOfC2 = rowSums.reduce((a, s) => a + s * s, 0);
  const q =
    ((2 * k * k) / ((k - 1) ** 2 * total ** 3)) * (total * (squares + trace * trace) - 2 * trace * sumOfC2);
  const n = input.effectiveN;
  const df1 = n - 1;
  const df2 = (n - 1) * (k - 1);
  const tail = (1 - confidenceLevel) / 2;

  // Without item i: α = (k − 1)/(k − 2) · (1 − tr/Σ) on C and (k − 1)/(k − 2) · (1 − (k − 1)/Σ) on R.
  const ifDeleted = (i: number) => {
    const without = sums(c, i);
    return {
      raw: ((k - 1) / (k - 2)) * (1 - without.trace / without.total),
      standardized: ((k - 1) / (k - 2)) * (1 - (k - 1) / sums(r, i).total),
    };
  };
  const reversed = new Set(input.reversed);
  const itemStats = items.map((item, i): CronbachAlphaItem => {
    const variance = c[i]![i]!;
    const rest = total - 2 * rowSums[i]! + variance;
    const deleted = k > 2 ? ifDeleted(i) : null;
    return {
      item,
      reversed: reversed.has(item),
      n: input.itemN[i]!,
      mean: input.means[i]!,
      sd: Math.sqrt(variance),
      itemTotalCorrelation: rowSums[i]! / Math.sqrt(variance * total),
      correctedItemTotalCorrelation: (rowSums[i]! - variance) / Math.sqrt(variance * rest),
      alphaIfDeleted: deleted?.raw ?? null,
      standardizedAlphaIfDeleted: deleted?.standardized ?? null,
    };
  });

  const warnings: string[] = [];
  if (alpha < 0) {
    warnings.push(
      `${fn}: alpha is negative (${alpha.toFixed(3)}): the items correlate negatively on average, which usually means that reverse-worded items were not reverse-coded`,
    );
  } else if (alpha < LOW_ALPHA) {
    warnings.push(
      `${fn}: alpha is ${alpha.toFixed(3)}, below ${LOW_ALPHA}: check the coding of the items (reverse-worded items) and whether they measure one construct`,
    );
  }
  const suspects = itemStats.filter((s) => s.correctedItemTotalCorrelation < 0);
  if (suspects.length > 0) {
    warnings.push(
      `${fn}: ${suspects.length === 1 ? 'item' : 'items'} ${suspects
        .map((s) => `${formatValue(s.item)} (r = ${s.correctedItemTotalCorrelation.toFixed(3)})`)
        .join(
          ', ',
        )} correlate${suspects.length === 1 ? 's' : ''} negatively with the rest of the scale; reverse-coding suspect${suspects.length === 1 ? '' : 's'} (see options.reverse)`,
    );
  }
  if (smc === null) {
    warnings.push(
      `${fn}: the correlation matrix is not positive definite, so Guttman's lambda 6 is not reported`,
    );
  }
  if (input.weighted) warnings.push(...weightWarnings(fn, input.n, input.effectiveN));

  return {
    method: 'cronbach-alpha',
    missing: input.missing,
    weighted: input.weighted,
    k,
    n: input.n,
    dropped: input.dropped,
    alpha,
    standardizedAlpha,
    guttmanLambda6,
    averageInterItemCorrelation: (totalR - k) / (k * (k - 1)),
    standardError: Math.sqrt(q / n),
    confidenceLevel,
    confidenceInterval: {
      lower: 1 - (1 - alpha) * fQuantile(1 - tail, df1, df2),
      upper: 1 - (1 - alpha) * fQuantile(tail, df1, df2),
      method: 'feldt',
    },
    items: itemStats,
    warnings,
  };
}
