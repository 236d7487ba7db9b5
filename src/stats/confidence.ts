import { formatValue } from '../errors.js';
import { normalQuantile } from './distributions.js';

/**
 * A confidence level, checked to lie within (0, 1).
 * @throws {RangeError} `fn: confidenceLevel must be within (0, 1); got value` otherwise
 */
export function checkConfidenceLevel(fn: string, level: number): number {
  if (!(level > 0 && level < 1))
    throw new RangeError(`${fn}: confidenceLevel must be within (0, 1); got ${formatValue(level)}`);
  return level;
}

/** The two-sided normal critical value z for a confidence level, after checking the level. */
export function criticalZ(fn: string, level: number): number {
  return normalQuantile(1 - (1 - checkConfidenceLevel(fn, level)) / 2);
}

/** Kish's effective sample size (Σw)² / Σw² of respondent weights. */
export function effectiveSampleSize(weights: ArrayLike<number>): number {
  let total = 0;
  let squares = 0;
  for (let i = 0; i < weights.length; i++) {
    total += weights[i]!;
    squares += weights[i]! * weights[i]!;
  }
  return squares === 0 ? 0 : (total * total) / squares;
}

/** A warning when weights vary so much that the effective sample size is under half of n. */
export function weightWarnings(fn: string, n: number, effectiveN: number): string[] {
  return effectiveN < n / 2
    ? [
        `${fn}: the weights vary strongly; the effective sample size is ${effectiveN.toFixed(1)} of ${n} respondents`,
      ]
    : [];
}
