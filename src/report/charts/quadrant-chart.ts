import { formatNumber } from '../format.js';
import { checkDomain, checkLabel, checkList, checkNumber, clamp } from './layout.js';
import { linearScale, niceDomain, niceTicks } from './scale.js';
import {
  bottomAxis,
  type ChartOptions,
  DEFAULT_WIDTH,
  FONT_SIZE,
  fitText,
  leftAxis,
  num,
  PALETTE,
  svgDocument,
  svgGroup,
  svgText,
  TITLE_HEIGHT,
  textWidth,
  tooltip,
} from './svg.js';

/** One labelled point of a {@link quadrantChart}. */
export interface QuadrantPoint {
  readonly label: string;
  readonly x: number;
  readonly y: number;
}

/** Options of {@link quadrantChart}. */
export interface QuadrantChartOptions extends ChartOptions {
  readonly points: readonly QuadrantPoint[];
  readonly xLabel: string;
  readonly yLabel: string;
  /** Where the vertical and horizontal crosshair lines split the plot (e.g. the mean importance). */
  readonly xSplit: number;
  readonly ySplit: number;
  /**
   * Names of the four quadrants: top-left, top-right, bottom-left, bottom-right (for an
   * importance–performance map with importance on x: "keep up", "concentrate here"… as you name them).
   */
  readonly quadrants?: readonly [string, string, string, string];
  readonly xDomain?: readonly [number, number];
  readonly yDomain?: readonly [number, number];
  /** Height of the plot in px (default 0.6 × width). */
  readonly height?: number;
  readonly decimals?: number;
}

const FN = 'quadrantChart';

interface Box {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}
const overlaps = (a: Box, b: Box) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/**
 * A scatter of labelled points split into four labelled quadrants by crosshair lines at
 * (`xSplit`, `ySplit`): the importance–performance map. Each point is a circle with a tooltip of its
 * label and coordinates; its label goes right, left, above or below the point, wherever it overlaps
 * no label placed before (in input order) and stays inside the plot; a label that fits nowhere is
 * shortened to 10 characters and tried again, and otherwise left to the tooltip.
 *
 * @throws {TypeError} when the options, points or labels have the wrong kind
 * @throws {RangeError} when there are no points, a coordinate or split is not finite, or a domain is
 * not [min, max] with min < max
 * @example
 * quadrantChart({ title: 'Importance–performance', xLabel: 'importance', yLabel: 'performance',
 *   xSplit: 0.2, ySplit: 3.8, points: [{ label: 'reliability', x: 0.31, y: 3.78 }, { label: 'tangibles', x: 0.13, y: 3.91 }] })
 */
export function quadrantChart(options: QuadrantChartOptions): string {
  const points = checkList<QuadrantPoint>(FN, 'points', options, options?.points).map((p, i) => ({
    label: checkLabel(FN, `points[${i}].label`, p?.label),
    x: checkNumber(FN, `points[${i}].x`, p.x),
    y: checkNumber(FN, `points[${i}].y`, p.y),
  }));
  const xSplit = checkNumber(FN, 'xSplit', options.xSplit);
  const ySplit = checkNumber(FN, 'ySplit', options.ySplit);
  const decimals = options.decimals ?? 2;
  const xs = [...points.map((p) => p.x), xSplit];
  const ys = [...points.map((p) => p.y), ySplit];
  const xDomain = checkDomain(FN, 'xDomain', options.xDomain) ?? niceDomain(Math.min(...xs), Math.max(...xs));
  const yDomain = checkDomain(FN, 'yDomain', options.yDomain) ?? niceDomain(Math.min(...ys), Math.max(...ys));
  const width = options.width ?? DEFAULT_WIDTH;
  const plotHeight = options.height ?? Math.round(width * 0.6);
  const left = 64;
  const right = width - 16;
  const top = TITLE_HEIGHT + 8;
  const bottom = top + plotHeight;
  const height = bottom + 46;
  const x = linearScale(xDomain, [left, right]);
  const y = linearScale(yDomain, [bottom, top]);
  const xTicks = niceTicks(xDomain[0], xDomain[1], 5);
  const yTicks = niceTicks(yDomain[0], yDomain[1], 5);

  const body: string[] = [
    bottomAxis(x, xTicks, top, bottom, options.xLabel),
    leftAxis(y, yTicks, left, right, options.yLabel),
  ];
  const sx = x(clamp(xSplit, xDomain[0], xDomain[1]));
  const sy = y(clamp(ySplit, yDomain[0], yDomain[1]));
  body.push(
    `<g class="crosshair" stroke="${PALETTE.black}" stroke-dasharray="5 3"><line x1="${num(sx)}" y1="${num(top)}" x2="${num(sx)}" y2="${num(bottom)}"/><line x1="${num(left)}" y1="${num(sy)}" x2="${num(right)}" y2="${num(sy)}"/></g>`,
  );
  const placed: Box[] = [];
  if (options.quadrants !== undefined) {
    const q = options.quadrants.map((label, i) => checkLabel(FN, `quadrants[${i}]`, label));
    const size = 11;
    const corner = (label: string, cx: number, cy: number, anchor: 'start' | 'end', room: number) => {
      const shown = fitText(label, room, size);
      const w = textWidth(shown, size);
      placed.push({
        left: anchor === 'start' ? cx : cx - w,
        right: anchor === 'start' ? cx + w : cx,
        top: cy - size,
        bottom: cy + 3,
      });
      return svgText(cx, cy, label, {
        anchor,
        size,
        fill: '#555555',
        maxWidth: room,
        className: 'quadrant-label',
      });
    };
    body.push(
      `<g class="quadrants">\n${[
        corner(q[0]!, left + 6, top + 14, 'start', sx - left - 12),
        corner(q[1]!, right - 6, top + 14, 'end', right - sx - 12),
        corner(q[2]!, left + 6, bottom - 6, 'start', sx - left - 12),
        corner(q[3]!, right - 6, bottom - 6, 'end', right - sx - 12),
      ].join('\n')}\n</g>`,
    );
  }

  const marks: string[] = [];
  const labels: string[] = [];
  const pointBoxes: Box[] = [];
  const inside = (b: Box) => b.left >= left && b.right <= right && b.top >= top && b.bottom <= bottom;
  const positions = points.map((p): [number, number] => [
    x(clamp(p.x, xDomain[0], xDomain[1])),
    y(clamp(p.y, yDomain[0], yDomain[1])),
  ]);
  for (const [i, p] of points.entries()) {
    const [px, py] = positions[i]!;
    marks.push(
      `<circle class="mark" cx="${num(px)}" cy="${num(py)}" r="5" fill="${PALETTE.blue}" stroke="#FFFFFF" data-x="${p.x}" data-y="${p.y}">${tooltip(`${p.label}: ${formatNumber(p.x, decimals)}, ${formatNumber(p.y, decimals)}`)}</circle>`,
    );
    pointBoxes.push({ left: px - 5, right: px + 5, top: py - 5, bottom: py + 5 });
  }
  for (const [i, p] of points.entries()) {
    const [px, py] = positions[i]!;
    const others = [...placed, ...pointBoxes.filter((_, k) => k !== i)];
    const short = 10 * FONT_SIZE * 0.6;
    for (const maxWidth of [undefined, short]) {
      const w = textWidth(maxWidth === undefined ? p.label : fitText(p.label, maxWidth));
      const candidates: [number, number, 'start' | 'end' | 'middle', Box][] = [
        [px + 8, py + 4, 'start', { left: px + 8, right: px + 8 + w, top: py - 8, bottom: py + 6 }],
        [px - 8, py + 4, 'end', { left: px - 8 - w, right: px - 8, top: py - 8, bottom: py + 6 }],
        [px, py - 9, 'middle', { left: px - w / 2, right: px + w / 2, top: py - 21, bottom: py - 7 }],
        [px, py + 19, 'middle', { left: px - w / 2, right: px + w / 2, top: py + 7, bottom: py + 21 }],
      ];
      const fit = candidates.find(([, , , box]) => inside(box) && !others.some((b) => overlaps(b, box)));
      if (fit !== undefined) {
        const [tx, ty, anchor, box] = fit;
        placed.push(box);
        labels.push(
          svgText(tx, ty, p.label, {
            anchor,
            className: 'point-label',
            ...(maxWidth === undefined ? {} : { maxWidth }),
          }),
        );
        break;
      }
    }
  }
  body.push(svgGroup('marks', marks), svgGroup('labels', labels));
  const description =
    options.description ??
    `Scatter of ${points.length} points, ${options.xLabel} against ${options.yLabel}, split at ${formatNumber(xSplit, decimals)} and ${formatNumber(ySplit, decimals)}${
      options.quadrants ? ` into quadrants ${options.quadrants.join(', ')}` : ''
    }: ${points.map((p) => `${p.label} (${formatNumber(p.x, decimals)}, ${formatNumber(p.y, decimals)})`).join('; ')}.`;
  return svgDocument({ ...options, height, description, className: 'quadrant-chart' }, body);
}
