// Number formatting shared by tables and charts: a stated number of decimals, the same output for
// the same input, and one sign for "not available".

/** What a table or chart shows for a value that does not exist (`null`, NaN, ±Infinity). */
export const NOT_AVAILABLE = '–';

/**
 * A number with `decimals` digits after the point (`toFixed`), without a negative zero; `null`,
 * NaN and infinities read {@link NOT_AVAILABLE}.
 * @example formatNumber(-0.0004, 3) // '0.000'
 */
export function formatNumber(value: number | null | undefined, decimals: number): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NOT_AVAILABLE;
  const text = value.toFixed(decimals);
  return /^-0(\.0*)?$/.test(text) ? text.slice(1) : text;
}

/**
 * A share (0–1) as a percentage with `decimals` digits: 0.478 → '47.8%'.
 * @example formatPercent(0.4781, 1) // '47.8%'
 */
export function formatPercent(value: number | null | undefined, decimals = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NOT_AVAILABLE;
  return `${formatNumber(100 * value, decimals)}%`;
}

/**
 * An interval as 'lower–upper' with `decimals` digits ('lower to upper' when a bound is negative, so
 * that the dash is not read as a minus), or {@link NOT_AVAILABLE} without one.
 * @example formatInterval([67.82, 70.4], 1) // '67.8–70.4'
 */
export function formatInterval(
  interval: readonly [number, number] | null | undefined,
  decimals: number,
): string {
  if (interval === null || interval === undefined) return NOT_AVAILABLE;
  const lower = formatNumber(interval[0], decimals);
  const upper = formatNumber(interval[1], decimals);
  return lower.startsWith('-') || upper.startsWith('-') ? `${lower} to ${upper}` : `${lower}–${upper}`;
}

/** A signed difference: '+1.2', '-0.8', '0.0'. */
export function formatSigned(value: number | null | undefined, decimals: number): string {
  const text = formatNumber(value, decimals);
  return text === NOT_AVAILABLE || text.startsWith('-') || Number(text) === 0 ? text : `+${text}`;
}
