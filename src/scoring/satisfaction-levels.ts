import { formatValue } from '../errors.js';

/** One band of a satisfaction-level table: scores from `min` up to the next band's `min` get `label`. */
export interface SatisfactionBand {
  /** Lower bound of the band on the 0–100 index scale (inclusive). */
  readonly min: number;
  readonly label: string;
}

/**
 * The default satisfaction-level table: ≥ 90 very satisfied, ≥ 80 satisfied, ≥ 70 fairly satisfied,
 * ≥ 60 neutral, below 60 dissatisfied. These cut points are a reporting convention of
 * customer-satisfaction scoring tables (a 0–100 score read like a school mark), not a statistical
 * result; pass your own bands where the organisation uses others.
 */
export const DEFAULT_SATISFACTION_LEVELS: readonly SatisfactionBand[] = Object.freeze([
  Object.freeze({ min: 90, label: 'very satisfied' }),
  Object.freeze({ min: 80, label: 'satisfied' }),
  Object.freeze({ min: 70, label: 'fairly satisfied' }),
  Object.freeze({ min: 60, label: 'neutral' }),
  Object.freeze({ min: 0, label: 'dissatisfied' }),
]);

/**
 * Checks a band table and returns it sorted from the highest band down. Bands may be given in any
 * order; lower bounds must be finite, distinct and at most 100, labels non-empty and distinct, and the
 * lowest band must start at 0 or below so that every score gets a label.
 *
 * @param fn the calling function's name, used in error messages
 * @throws {TypeError} when `levels` is not an array of `{ min, label }`
 * @throws {RangeError} on an empty table, repeated bounds or labels, a bound above 100, or no band
 * covering 0
 */
export function checkSatisfactionLevels(fn: string, levels: readonly SatisfactionBand[]): SatisfactionBand[] {
  if (!Array.isArray(levels)) {
    throw new TypeError(`${fn}: levels must be an array of { min, label } bands; got ${formatValue(levels)}`);
  }
  if (levels.length === 0) throw new RangeError(`${fn}: levels must hold at least one band; got none`);
  levels.forEach((band, i) => {
    if (
      band === null ||
      typeof band !== 'object' ||
      typeof band.min !== 'number' ||
      typeof band.label !== 'string'
    ) {
      throw new TypeError(
        `${fn}: levels must be an array of { min, label } bands; got ${formatValue(band)} at index ${i}`,
      );
    }
    if (!Number.isFinite(band.min) || band.min > 100) {
      throw new RangeError(
        `${fn}: level bounds must be finite and at most 100; got ${formatValue(band.min)} for ${formatValue(band.label)}`,
      );
    }
    if (band.label.length === 0)
      throw new RangeError(`${fn}: level labels must not be empty; got "" at index ${i}`);
  });
  const sorted = [...levels].sort((a, b) => b.min - a.min);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.min === sorted[i - 1]!.min) {
      throw new RangeError(
        `${fn}: level bounds must be distinct; got ${sorted[i]!.min} for ${formatValue(sorted[i - 1]!.label)} and ${formatValue(sorted[i]!.label)}`,
      );
    }
  }
  const labels = new Set<string>();
  for (const band of levels) {
    if (labels.has(band.label)) {
      throw new RangeError(`${fn}: level labels must be distinct; got ${formatValue(band.label)} twice`);
    }
    labels.add(band.label);
  }
  const bottom = sorted.at(-1)!;
  if (bottom.min > 0) {
    throw new RangeError(
      `${fn}: the lowest level must start at 0 or below so that every score has a label; got ${bottom.min} for ${formatValue(bottom.label)}`,
    );
  }
  return sorted.map((band) => ({ min: band.min, label: band.label }));
}

/** The label of a score in bands already checked and sorted from the top (internal). */
export function levelOf(score: number, sorted: readonly SatisfactionBand[]): string {
  for (const band of sorted) if (score >= band.min) return band.label;
  return sorted.at(-1)!.label;
}

/**
 * The satisfaction level of a 0–100 score: the label of the highest band whose lower bound the score
 * reaches. A score a rounding error below 0 gets the lowest band.
 *
 * @param score a satisfaction index or item score, from 0 to 100
 * @param levels bands `{ min, label }` in any order (default {@link DEFAULT_SATISFACTION_LEVELS})
 * @throws {RangeError} when the score is not within 0–100 or the bands are invalid
 * @example satisfactionLevel(83.4) // 'satisfied'
 */
export function satisfactionLevel(
  score: number,
  levels: readonly SatisfactionBand[] = DEFAULT_SATISFACTION_LEVELS,
): string {
  if (typeof score !== 'number' || !(score >= -1e-9 && score <= 100 + 1e-9)) {
    throw new RangeError(
      `satisfactionLevel: score must be a number from 0 to 100; got ${formatValue(score)}`,
    );
  }
  return levelOf(score, checkSatisfactionLevels('satisfactionLevel', levels));
}
