// Checks and the row layout shared by the charts with one row per label (bar, grouped, stacked and
// range charts): a label column at the left, the plot, and a value column at the right.

import { formatValue } from '../../errors.js';
import { DEFAULT_WIDTH, textWidth } from './svg.js';

/** Height of one bar row in px. */
export const ROW_HEIGHT = 24;
/** Thickness of a bar in px. */
export const BAR_HEIGHT = 14;

/** The horizontal layout of a row chart. */
export interface RowLayout {
  readonly width: number;
  /** Right end of the label column (labels are right-aligned here). */
  readonly labelRight: number;
  /** Room for a label. */
  readonly labelWidth: number;
  /** Left and right ends of the plot. */
  readonly plotLeft: number;
  readonly plotRight: number;
  /** Where the value column starts (text-anchor start). */
  readonly valueLeft: number;
  readonly valueWidth: number;
}

/**
 * Splits the width into label column, plot and value column from the texts to show: each column as
 * wide as its longest text, the label column at most 32 % and the value column at most 30 % of the
 * width (longer texts are truncated with a tooltip).
 */
export function rowLayout(
  width: number | undefined,
  labels: readonly string[],
  values: readonly string[],
): RowLayout {
  const w = width ?? DEFAULT_WIDTH;
  const labelWidth = Math.min(Math.max(40, ...labels.map((l) => textWidth(l))), w * 0.32);
  const valueWidth =
    values.length === 0 ? 0 : Math.min(Math.max(...values.map((v) => textWidth(v))), w * 0.3);
  const labelRight = 8 + labelWidth;
  const plotLeft = labelRight + 10;
  const valueLeft = w - 8 - valueWidth;
  const plotRight = valueWidth === 0 ? w - 16 : valueLeft - 12;
  return { width: w, labelRight, labelWidth, plotLeft, plotRight, valueLeft, valueWidth };
}

/** Checks a chart's option object and its list of data (non-empty array). */
export function checkList<T>(fn: string, name: string, options: unknown, list: unknown): readonly T[] {
  if (options === null || typeof options !== 'object') {
    throw new TypeError(`${fn}: options must be an object; got ${formatValue(options)}`);
  }
  const title = (options as { title?: unknown }).title;
  if (typeof title !== 'string')
    throw new TypeError(`${fn}: title must be a string; got ${formatValue(title)}`);
  if (!Array.isArray(list)) throw new TypeError(`${fn}: ${name} must be an array; got ${formatValue(list)}`);
  if (list.length === 0) throw new RangeError(`${fn}: ${name} must not be empty; got none`);
  return list as readonly T[];
}

/** Checks that a label is a string. */
export function checkLabel(fn: string, where: string, label: unknown): string {
  if (typeof label !== 'string')
    throw new TypeError(`${fn}: ${where} must be a string; got ${formatValue(label)}`);
  return label;
}

/** Checks that a value is a finite number. */
export function checkNumber(fn: string, where: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new RangeError(`${fn}: ${where} must be a finite number; got ${formatValue(value)}`);
  }
  return value;
}

/** Checks an explicit domain [min, max] with min < max. */
export function checkDomain(fn: string, name: string, domain: unknown): [number, number] | undefined {
  if (domain === undefined) return undefined;
  if (
    !Array.isArray(domain) ||
    domain.length !== 2 ||
    !domain.every((v) => typeof v === 'number' && Number.isFinite(v)) ||
    !(domain[0] < domain[1])
  ) {
    throw new RangeError(
      `${fn}: ${name} must be [min, max] with finite min < max; got ${formatValue(domain)}`,
    );
  }
  return [domain[0], domain[1]];
}

/** The value clamped to [lo, hi]. */
export function clamp(value: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, value));
}
