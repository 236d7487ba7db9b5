import { formatValue } from '../errors.js';
import { criticalZ, effectiveSampleSize, weightWarnings } from '../stats/confidence.js';

/** Options of {@link proportion}. */
export interface ProportionOptions {
  /** Respondent weights, one per value. */
  readonly weights?: ArrayLike<number>;
  /** Confidence level of the interval (default 0.95). */
  readonly confidenceLevel?: number;
}

/** Result of {@link proportion}. */
export interface ProportionResult {
  readonly method: 'wilson';
  /** Respondents with an answer. */
  readonly n: number;
  /** Respondents without one (NaN or null), not used. */
  readonly missing: number;
  /** Respondents answering yes (1 or true). */
  readonly successes: number;
  /** The share of yes answers (weighted when weights are used). */
  readonly estimate: number;
  /** √(p(1 − p)/n). */
  readonly standardError: number;
  /** Wilson score interval. */
  readonly confidenceInterval: readonly [number, number];
  readonly confidenceLevel: number;
  readonly weighted: boolean;
  /** n, or Kish's effective sample size with weights (used for the standard error and interval). */
  readonly effectiveN: number;
  readonly warnings: readonly string[];
}

/**
 * A rate (praise, repurchase, complaint …) with its Wilson score confidence interval:
 * (p + z²/2n ± z·√(p(1 − p)/n + z²/4n²)) / (1 + z²/n), which keeps its coverage near 0 and 1
 * where the Wald interval fails. Equals R's `prop.test(x, n, correct = FALSE)$conf.int`. With
 * weights, p is the weighted share and n Kish's effective sample size.
 *
 * Reference: Wilson, E. B. (1927). Probable inference, the law of succession, and statistical
 * inference. JASA 22(158), 209–212.
 * @param values yes/no answers (true/false or 1/0; NaN or null = missing), or `{ successes, n }`
 * @throws {RangeError} for a value other than 0, 1, true, false or missing, naming its index
 * @example proportion({ successes: 42, n: 120 }).confidenceInterval // [0.2705…, 0.4388…]
 */
export function proportion(
  values: ArrayLike<number | boolean | null> | { readonly successes: number; readonly n: number },
  options: ProportionOptions = {},
): ProportionResult {
  const level = options.confidenceLevel ?? 0.95;
  const z = criticalZ('proportion', level);
  let n = 0;
  let successes = 0;
  let missing = 0;
  let estimate: number;
  let effectiveN: number;
  if (!('length' in values)) {
    ({ successes, n } = values);
    if (!Number.isInteger(n) || n < 1 || !Number.isInteger(successes) || successes < 0 || successes > n) {
      throw new RangeError(
        `proportion: successes and n must be integers with 0 ≤ successes ≤ n and n ≥ 1; got ${successes} of ${n}`,
      );
    }
    estimate = successes / n;
    effectiveN = n;
  } else {
    const weights = options.weights;
    if (weights !== undefined && weights.length !== values.length) {
      throw new RangeError(
        `proportion: weights must have one value per answer (${values.length}); got ${weights.length}`,
      );
    }
    let total = 0;
    let yes = 0;
    const used: number[] = [];
    for (let i = 0; i < values.length; i++) {
      const value = values[i];
      if (value === null || value === undefined || (typeof value === 'number' && Number.isNaN(value))) {
        missing++;
        continue;
      }
      const success = value === true || value === 1;
      if (!success && value !== false && value !== 0) {
        throw new RangeError(
          `proportion: answers must be 0, 1, true or false; got ${formatValue(value)} at index ${i}`,
        );
      }
      const w = weights === undefined ? 1 : weights[i]!;
      if (!(w > 0 && Number.isFinite(w)))
        throw new RangeError(
          `proportion: weights must be positive and finite; got ${formatValue(w)} at index ${i}`,
        );
      used.push(w);
      n++;
      total += w;
      if (success) {
        successes++;
        yes += w;
      }
    }
    if (n === 0)
      throw new RangeError(
        `proportion: at least one answer is needed; got ${missing} missing of ${values.length}`,
      );
    estimate = yes / total;
    effectiveN = weights === undefined ? n : effectiveSampleSize(used);
  }
  const z2n = (z * z) / effectiveN;
  const center = (estimate + z2n / 2) / (1 + z2n);
  const half =
    (z / (1 + z2n)) *
    Math.sqrt((estimate * (1 - estimate)) / effectiveN + (z * z) / (4 * effectiveN * effectiveN));
  return {
    method: 'wilson',
    n,
    missing,
    successes,
    estimate,
    standardError: Math.sqrt((estimate * (1 - estimate)) / effectiveN),
    // At 0 (or n) successes the bound is 0 (or 1) exactly; the formula would round to ±1e-17.
    confidenceInterval: [
      estimate === 0 ? 0 : Math.max(0, center - half),
      estimate === 1 ? 1 : Math.min(1, center + half),
    ],
    confidenceLevel: level,
    weighted: options.weights !== undefined && 'length' in values,
    effectiveN,
    warnings: weightWarnings('proportion', n, effectiveN),
  };
}
