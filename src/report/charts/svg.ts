// The parts every chart shares: the accessible <svg> document, text that fits its space, the
// colour palette, the axis and the legend. Everything is a string; coordinates are rounded to 0.01
// so that the same input gives the same output on every platform.

import { escapeAttribute, escapeHtml } from '../escape.js';
import { type LinearScale, type Ticks, tickLabel } from './scale.js';

/** Options shared by every chart. */
export interface ChartOptions {
  /** The chart's title: shown above it and its accessible name (`<title>`). */
  readonly title: string;
  /** A longer text alternative (`<desc>`); default: a summary of the data. */
  readonly description?: string;
  /** Width in pixels (the viewBox width; default 640). The height follows from the data. */
  readonly width?: number;
}

/**
 * The Okabe–Ito palette, distinguishable with the common colour-vision deficiencies (Okabe, M. &
 * Ito, K. (2008). Color Universal Design), plus a neutral grey.
 */
export const PALETTE = Object.freeze({
  blue: '#0072B2',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  orange: '#E69F00',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
  black: '#000000',
  grey: '#B0B0B0',
});

/** Colours of unordered series, in order (Okabe–Ito without black). */
export const CATEGORICAL_COLORS: readonly string[] = Object.freeze([
  PALETTE.blue,
  PALETTE.orange,
  PALETTE.bluishGreen,
  PALETTE.vermillion,
  PALETTE.skyBlue,
  PALETTE.reddishPurple,
  PALETTE.yellow,
]);

/**
 * Colours of k ordered categories from best to worst (grades, "very satisfied" … "very
 * dissatisfied"): blues for the good end, grey in the middle of an odd count, orange and vermillion
 * for the bad end. Reverse the list for categories listed worst first (scale points 1 … 5).
 * @example ordinalColors(3) // ['#0072B2', '#B0B0B0', '#D55E00']
 */
export function ordinalColors(k: number): string[] {
  const good = [PALETTE.blue, PALETTE.skyBlue, PALETTE.bluishGreen];
  const bad = [PALETTE.vermillion, PALETTE.orange, PALETTE.reddishPurple];
  if (k > 7) return Array.from({ length: k }, (_, i) => CATEGORICAL_COLORS[i % CATEGORICAL_COLORS.length]!);
  const half = Math.floor(k / 2);
  const middle = k % 2 === 1 ? [PALETTE.grey] : [];
  return [...good.slice(0, half), ...middle, ...bad.slice(0, half).reverse()];
}

/** Black or white, whichever reads better on the fill colour (WCAG relative luminance). */
export function textColorOn(fill: string): string {
  const hex = /^#([0-9a-f]{6})$/i.exec(fill)?.[1];
  if (hex === undefined) return PALETTE.black;
  const channel = (offset: number) => {
    const c = Number.parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
  // Contrast with white (1.05 / (L + 0.05)) against contrast with black ((L + 0.05) / 0.05).
  return 1.05 / (luminance + 0.05) > (luminance + 0.05) / 0.05 ? '#FFFFFF' : PALETTE.black;
}

/** System fonts only: the chart never loads a font. */
export const FONT_FAMILY =
  "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";
/** Text size of labels and ticks, in px (at least 11 for legibility). */
export const FONT_SIZE = 12;
export const TITLE_SIZE = 14;
export const DEFAULT_WIDTH = 640;
const TEXT_COLOR = '#222222';
const GRID_COLOR = '#DDDDDD';
const AXIS_COLOR = '#666666';

/** A coordinate rounded to 0.01, without a negative zero. */
export function num(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

/** Width of a text in px, estimated generously (0.6 em per character) since fonts vary. */
export function textWidth(text: string, size = FONT_SIZE): number {
  return [...text].length * size * 0.6;
}

/** The text shortened with an ellipsis to fit `maxWidth` px (unchanged when it fits). */
export function fitText(text: string, maxWidth: number, size = FONT_SIZE): string {
  const chars = [...text];
  const fits = Math.floor(maxWidth / (size * 0.6));
  if (chars.length <= fits) return text;
  if (fits <= 1) return '…';
  return `${chars
    .slice(0, fits - 1)
    .join('')
    .trimEnd()}…`;
}

/** Options of {@link svgText}. */
export interface TextOptions {
  readonly anchor?: 'start' | 'middle' | 'end';
  readonly size?: number;
  readonly weight?: 'bold';
  readonly fill?: string;
  /** Room for the text in px: longer text is truncated with an ellipsis, the full text in a tooltip. */
  readonly maxWidth?: number;
  readonly className?: string;
  /** Rotation in degrees about (x, y). */
  readonly rotate?: number;
}

/**
 * A `<text>` element with escaped content. Text longer than `maxWidth` is shortened with an
 * ellipsis and wrapped in a group whose `<title>` holds the full text (a tooltip).
 */
export function svgText(x: number, y: number, text: string, options: TextOptions = {}): string {
  const size = options.size ?? FONT_SIZE;
  const shown = options.maxWidth === undefined ? text : fitText(text, options.maxWidth, size);
  const attributes = [
    `x="${num(x)}"`,
    `y="${num(y)}"`,
    options.anchor && options.anchor !== 'start' ? `text-anchor="${options.anchor}"` : '',
    size !== FONT_SIZE ? `font-size="${size}"` : '',
    options.weight ? `font-weight="${options.weight}"` : '',
    `fill="${options.fill ?? TEXT_COLOR}"`,
    options.className ? `class="${options.className}"` : '',
    options.rotate ? `transform="rotate(${num(options.rotate)} ${num(x)} ${num(y)})"` : '',
  ].filter((a) => a !== '');
  const element = `<text ${attributes.join(' ')}>${escapeHtml(shown)}</text>`;
  return shown === text ? element : `<g class="truncated"><title>${escapeHtml(text)}</title>${element}</g>`;
}

/** FNV-1a hash of a string, as 8 hex digits: stable ids from the chart's content. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/**
 * A standalone, accessible SVG document: `role="img"`, a `<title>` (the accessible name) and a
 * `<desc>` referenced by `aria-labelledby`, a viewBox of width × height, system fonts, and the
 * title drawn at the top. The ids derive from the content, so the output is deterministic.
 */
export function svgDocument(
  options: ChartOptions & {
    readonly height: number;
    readonly description: string;
    readonly className: string;
  },
  body: readonly string[],
): string {
  const width = options.width ?? DEFAULT_WIDTH;
  const content = body.join('\n');
  const id = `chart-${hash(`${options.title}\n${options.description}\n${content}`)}`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart ${options.className}" viewBox="0 0 ${num(width)} ${num(options.height)}" width="${num(width)}" height="${num(options.height)}" role="img" aria-labelledby="${id}-title ${id}-desc" font-family="${escapeAttribute(FONT_FAMILY)}" font-size="${FONT_SIZE}" style="max-width:100%;height:auto">`,
    `<title id="${id}-title">${escapeHtml(options.title)}</title>`,
    `<desc id="${id}-desc">${escapeHtml(options.description)}</desc>`,
    `<rect x="0" y="0" width="${num(width)}" height="${num(options.height)}" fill="#FFFFFF"/>`,
    svgText(8, 20, options.title, { size: TITLE_SIZE, weight: 'bold', maxWidth: width - 16 }),
    content,
    '</svg>',
  ].join('\n');
}

/** Top of the plot area under the title (and under a legend of `legendHeight`). */
export const TITLE_HEIGHT = 32;

/** A `<g>` of the given class holding the parts, one per line. */
export function svgGroup(className: string, parts: readonly string[]): string {
  return `<g class="${className}">\n${parts.join('\n')}\n</g>`;
}

/**
 * A row of colour swatches with labels under the title of a chart `width` px wide, wrapped onto
 * further lines when wider than the chart. Returns the markup and its height.
 */
export function legend(
  entries: readonly { readonly label: string; readonly color: string }[],
  width: number,
): { svg: string; height: number } {
  const parts: string[] = [];
  const line = 18;
  const x = 8;
  const y = TITLE_HEIGHT;
  const room = width - 16;
  const maxLabel = Math.max(60, room / 2 - 24);
  let cx = x;
  let cy = y;
  for (const entry of entries) {
    const label = fitText(entry.label, maxLabel);
    const w = 16 + textWidth(label) + 14;
    if (cx > x && cx + w > x + room) {
      cx = x;
      cy += line;
    }
    parts.push(
      `<rect class="legend-swatch" x="${num(cx)}" y="${num(cy)}" width="12" height="12" fill="${entry.color}"/>`,
      svgText(cx + 16, cy + 10, entry.label, { maxWidth: maxLabel }),
    );
    cx += w;
  }
  return {
    svg: svgGroup('legend', parts),
    height: entries.length === 0 ? 0 : cy - y + line + 4,
  };
}

/**
 * A horizontal value axis at the bottom of a plot: vertical grid lines at the ticks from `top` to
 * `bottom`, tick labels under them and the axis label centred below.
 */
export function bottomAxis(
  scale: LinearScale,
  ticks: Ticks,
  top: number,
  bottom: number,
  label: string | undefined,
  format: (value: number) => string = (value) => tickLabel(value, ticks),
): string {
  const parts: string[] = [];
  for (const value of ticks.values) {
    const x = scale(value);
    parts.push(
      `<line class="grid" x1="${num(x)}" y1="${num(top)}" x2="${num(x)}" y2="${num(bottom)}" stroke="${GRID_COLOR}"/>`,
      svgText(x, bottom + 16, format(value), { anchor: 'middle', fill: AXIS_COLOR }),
    );
  }
  const [r0, r1] = scale.range;
  parts.push(
    `<line class="axis" x1="${num(r0)}" y1="${num(bottom)}" x2="${num(r1)}" y2="${num(bottom)}" stroke="${AXIS_COLOR}"/>`,
  );
  if (label) parts.push(svgText((r0 + r1) / 2, bottom + 34, label, { anchor: 'middle', maxWidth: r1 - r0 }));
  return svgGroup('x-axis', parts);
}

/** A vertical value axis at the left of a plot, with horizontal grid lines and a rotated label. */
export function leftAxis(
  scale: LinearScale,
  ticks: Ticks,
  left: number,
  right: number,
  label: string | undefined,
): string {
  const parts: string[] = [];
  for (const value of ticks.values) {
    const y = scale(value);
    parts.push(
      `<line class="grid" x1="${num(left)}" y1="${num(y)}" x2="${num(right)}" y2="${num(y)}" stroke="${GRID_COLOR}"/>`,
      svgText(left - 6, y + 4, tickLabel(value, ticks), { anchor: 'end', fill: AXIS_COLOR }),
    );
  }
  const [r0, r1] = scale.range;
  parts.push(
    `<line class="axis" x1="${num(left)}" y1="${num(r0)}" x2="${num(left)}" y2="${num(r1)}" stroke="${AXIS_COLOR}"/>`,
  );
  if (label) {
    parts.push(
      svgText(14, (r0 + r1) / 2, label, { anchor: 'middle', rotate: -90, maxWidth: Math.abs(r0 - r1) }),
    );
  }
  return svgGroup('y-axis', parts);
}

/** A dashed reference line across the plot with its label at the top end. */
export function verticalReference(
  x: number,
  top: number,
  bottom: number,
  label: string | undefined,
  maxWidth: number,
): string {
  const line = `<line class="reference" x1="${num(x)}" y1="${num(top - 4)}" x2="${num(x)}" y2="${num(bottom)}" stroke="${PALETTE.black}" stroke-dasharray="4 3"/>`;
  return label ? `${line}\n${svgText(x, top - 8, label, { anchor: 'middle', size: 11, maxWidth })}` : line;
}

/** A tooltip (`<title>`) for a mark. */
export function tooltip(text: string): string {
  return `<title>${escapeHtml(text)}</title>`;
}

/** An interval whisker from x `lo` to `hi` at height `cy`, with end caps. */
export function intervalWhisker(lo: number, hi: number, cy: number): string {
  return `<g class="interval" stroke="${PALETTE.black}"><line x1="${num(lo)}" y1="${num(cy)}" x2="${num(hi)}" y2="${num(cy)}"/><line x1="${num(lo)}" y1="${num(cy - 4)}" x2="${num(lo)}" y2="${num(cy + 4)}"/><line x1="${num(hi)}" y1="${num(cy - 4)}" x2="${num(hi)}" y2="${num(cy + 4)}"/></g>`;
}
