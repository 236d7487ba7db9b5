// Checks, options and the row layout shared by the charts with one row per label (bar, grouped,
// stacked and range charts): a label column at the left, the plot, and a value column at the right;
// the value axis, bars, whiskers and reference line of the bar charts.

import { formatValue } from '../../errors.js';
import { type LinearScale, linearScale, niceDomain, niceTicks, type Ticks } from './scale.js';
import {
  DEFAULT_WIDTH,
  intervalWhisker,
  num,
  svgText,
  TITLE_HEIGHT,
  textWidth,
  tooltip,
  verticalReference,
} from './svg.js';

/** Height of one bar row in px. */
export const ROW_HEIGHT = 24;
/** Thickness of a bar in px. */
export const BAR_HEIGHT = 14;

/** A labelled reference value drawn as a dashed line across the plot. */
export interface ReferenceLine {
  readonly value: number;
  readonly label?: string;
}

/** Options of the row charts with a value axis (bar, grouped bar and range charts). */
export interface ValueAxisOptions {
  /** Value axis [min, max] (default: the data, widened to round ticks). */
  readonly domain?: readonly [number, number];
  /** Label of the value axis. */
  readonly axisLabel?: string;
  /** Decimals of the values in the value column (default 2). */
  readonly decimals?: number;
}

/** Options of the charts whose bars start at a baseline (bar and grouped bar charts). */
export interface BarAxisOptions extends ValueAxisOptions {
  /** Where bars start (default 0, or the nearer end of the domain when 0 is outside it). */
  readonly baseline?: number;
  readonly reference?: ReferenceLine;
}

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

/** Checks that a reference line, when given, has a finite value. */
export function checkReference<T extends ReferenceLine>(fn: string, reference: T | undefined): T | undefined {
  if (reference !== undefined) checkNumber(fn, 'reference.value', reference.value);
  return reference;
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

/**
 * The value axis of a bar chart after checking `reference` and `domain`: the domain given, or that of
 * the values, the baseline and the reference widened to round ticks; the baseline clamped into it
 * (default 0); and about five ticks.
 */
export function barAxis(
  fn: string,
  options: BarAxisOptions,
  values: readonly number[],
): { domain: [number, number]; baseline: number; ticks: Ticks } {
  const reference = checkReference(fn, options.reference);
  const given = checkDomain(fn, 'domain', options.domain);
  const extent = [...values, ...(reference === undefined ? [] : [reference.value])];
  const base = options.baseline ?? 0;
  const domain = given ?? niceDomain(Math.min(base, ...extent), Math.max(base, ...extent));
  return { domain, baseline: clamp(base, domain[0], domain[1]), ticks: niceTicks(domain[0], domain[1], 5) };
}

/**
 * The vertical layout of a row chart: the plot's `top` under the title, a legend of `legendHeight`
 * and the label of a reference line; its `bottom` `plotHeight` lower; and the chart's height with
 * the value axis (and its label) under the plot.
 */
export function rowFrame(
  legendHeight: number,
  plotHeight: number,
  options: { readonly reference?: ReferenceLine | undefined; readonly axisLabel?: string | undefined },
): { top: number; bottom: number; height: number } {
  const top = TITLE_HEIGHT + legendHeight + (options.reference?.label ? 18 : 4);
  const bottom = top + plotHeight;
  return { top, bottom, height: bottom + (options.axisLabel ? 46 : 28) };
}

/** The scale from the value domain to the plot of a row layout. */
export function rowScale(domain: readonly [number, number], layout: RowLayout): LinearScale {
  return linearScale(domain, [layout.plotLeft, layout.plotRight]);
}

/** A row's label, right-aligned in the label column with its baseline at `y`. */
export function rowLabel(layout: RowLayout, y: number, label: string): string {
  return svgText(layout.labelRight, y, label, { anchor: 'end', maxWidth: layout.labelWidth });
}

/** A row's text in the value column with its baseline at `y`. */
export function rowValue(layout: RowLayout, y: number, text: string, size?: number): string {
  return svgText(layout.valueLeft, y, text, {
    maxWidth: layout.valueWidth,
    ...(size === undefined ? {} : { size }),
  });
}

/** A bar mark from the baseline to the value (clamped to the domain), `height` px thick from `y`. */
export function barMark(
  x: LinearScale,
  baseline: number,
  value: number,
  y: number,
  height: number,
  color: string,
  tip: string,
): string {
  const x0 = x(baseline);
  const x1 = x(clamp(value, x.domain[0], x.domain[1]));
  return `<rect class="mark" x="${num(Math.min(x0, x1))}" y="${num(y)}" width="${num(Math.abs(x1 - x0))}" height="${height}" fill="${color}" data-value="${value}">${tooltip(tip)}</rect>`;
}

/** An interval whisker at height `cy`, its ends clamped to the domain. */
export function intervalMark(x: LinearScale, interval: readonly [number, number], cy: number): string {
  const [d0, d1] = x.domain;
  return intervalWhisker(x(clamp(interval[0], d0, d1)), x(clamp(interval[1], d0, d1)), cy);
}

/** The dashed reference line across a row plot from `top` to `bottom` (none without a reference). */
export function referenceMarks(
  reference: ReferenceLine | undefined,
  x: LinearScale,
  layout: RowLayout,
  top: number,
  bottom: number,
): string[] {
  if (reference === undefined) return [];
  const position = x(clamp(reference.value, x.domain[0], x.domain[1]));
  return [verticalReference(position, top, bottom, reference.label, layout.plotRight - layout.plotLeft)];
}
