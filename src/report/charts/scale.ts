// Axis scales of the charts: "nice" tick values (1, 2 or 5 times a power of ten) and linear maps
// from data to drawing coordinates.

import { formatNumber } from '../format.js';

/** Ticks of an axis: their values, the step between them, and the decimals that print them exactly. */
export interface Ticks {
  readonly values: readonly number[];
  readonly step: number;
  readonly decimals: number;
}

/**
 * The step closest to `span / count` among 1, 2 and 5 times a power of ten, as mantissa × 10^exponent
 * (the rule of Heckbert's "nice numbers": a rough step is rounded up to 1, 2, 5 or 10 at the
 * thresholds √2, √10 and √50 of its mantissa).
 */
function niceStep(span: number, count: number): { mantissa: number; exponent: number } {
  const rough = span / Math.max(1, count);
  let exponent = Math.floor(Math.log10(rough));
  const fraction = rough / 10 ** exponent;
  let mantissa =
    fraction >= Math.sqrt(50) ? 10 : fraction >= Math.sqrt(10) ? 5 : fraction >= Math.SQRT2 ? 2 : 1;
  if (mantissa === 10) {
    mantissa = 1;
    exponent++;
  }
  return { mantissa, exponent };
}

/** i steps of mantissa × 10^exponent, computed so that 0.1 + 0.2-style errors do not appear. */
function multiple(i: number, mantissa: number, exponent: number): number {
  // + 0 turns a negative zero (from Math.ceil of a tiny negative) into 0.
  return (exponent >= 0 ? i * mantissa * 10 ** exponent : (i * mantissa) / 10 ** -exponent) + 0;
}

/**
 * About `count` evenly spaced round tick values within [min, max]: multiples of a step that is 1, 2
 * or 5 times a power of ten. The values are exact decimal numbers (no floating-point residue), so
 * they print as written with `decimals` digits.
 * @example niceTicks(0, 1, 5).values // [0, 0.2, 0.4, 0.6, 0.8, 1]
 */
export function niceTicks(min: number, max: number, count = 5): Ticks {
  if (!(Number.isFinite(min) && Number.isFinite(max))) {
    throw new RangeError(`niceTicks: min and max must be finite; got ${min} and ${max}`);
  }
  if (max < min) [min, max] = [max, min];
  if (max === min) return { values: [min], step: 0, decimals: Math.max(0, decimalsOf(min)) };
  const { mantissa, exponent } = niceStep(max - min, count);
  const step = multiple(1, mantissa, exponent);
  const first = Math.ceil(min / step - 1e-9);
  const last = Math.floor(max / step + 1e-9);
  const values: number[] = [];
  for (let i = first; i <= last; i++) values.push(multiple(i, mantissa, exponent));
  return { values, step, decimals: Math.max(0, -exponent) };
}

function decimalsOf(value: number): number {
  const text = String(value);
  const point = text.indexOf('.');
  return point === -1 ? 0 : Math.min(6, text.length - point - 1);
}

/**
 * The domain [min, max] widened to the nearest round ticks outside it (see {@link niceTicks}), so
 * that the axis starts and ends at a labelled tick. A zero-width domain is widened by 1 on each side
 * (or by 1 upwards from 0).
 * @example niceDomain(0.3, 4.2) // [0, 5]
 */
export function niceDomain(min: number, max: number, count = 5): [number, number] {
  if (max < min) [min, max] = [max, min];
  if (max === min) return min === 0 ? [0, 1] : [min - 1, max + 1];
  const { mantissa, exponent } = niceStep(max - min, count);
  const step = multiple(1, mantissa, exponent);
  return [
    multiple(Math.floor(min / step + 1e-9), mantissa, exponent),
    multiple(Math.ceil(max / step - 1e-9), mantissa, exponent),
  ];
}

/** A linear map from the data domain [d0, d1] to the range [r0, r1] of drawing coordinates. */
export interface LinearScale {
  (value: number): number;
  readonly domain: readonly [number, number];
  readonly range: readonly [number, number];
}

/** The linear map from [d0, d1] to [r0, r1]; a zero-width domain maps everything to the middle. */
export function linearScale(
  domain: readonly [number, number],
  range: readonly [number, number],
): LinearScale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0;
  const scale = (value: number) => (span === 0 ? (r0 + r1) / 2 : r0 + ((value - d0) / span) * (r1 - r0));
  return Object.assign(scale, { domain: [d0, d1] as const, range: [r0, r1] as const });
}

/** A tick label: the value with the ticks' decimals. */
export function tickLabel(value: number, ticks: Ticks): string {
  return formatNumber(value, ticks.decimals);
}
