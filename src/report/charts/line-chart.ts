import { formatNumber } from '../format.js';
import { checkDomain, checkLabel, checkList, checkNumber, checkReference, clamp } from './layout.js';
import { linearScale, niceDomain, niceTicks } from './scale.js';
import {
  bottomAxis,
  CATEGORICAL_COLORS,
  type ChartOptions,
  DEFAULT_WIDTH,
  leftAxis,
  legend,
  num,
  PALETTE,
  svgDocument,
  svgGroup,
  svgText,
  TITLE_HEIGHT,
  tooltip,
} from './svg.js';

/** One series of a {@link lineChart}: points joined in order. */
export interface LineSeries {
  readonly label: string;
  readonly points: readonly { readonly x: number; readonly y: number }[];
  readonly color?: string;
}

/** Options of {@link lineChart}. */
export interface LineChartOptions extends ChartOptions {
  readonly series: readonly LineSeries[];
  readonly xLabel?: string;
  readonly yLabel?: string;
  readonly xDomain?: readonly [number, number];
  readonly yDomain?: readonly [number, number];
  /** A dashed horizontal line, e.g. eigenvalue 1 on a scree plot (Kaiser's criterion). */
  readonly reference?: { readonly value: number; readonly label?: string };
  /** Tick the x axis at whole numbers only (component numbers). Default false. */
  readonly integerX?: boolean;
  /** Height of the plot in px (default 0.5 × width). */
  readonly height?: number;
  readonly decimals?: number;
}

const FN = 'lineChart';

/**
 * A line chart with a point at every value: one polyline and circle set per series (legend when
 * there are several), a dashed horizontal reference line with its label, and the y range widened to
 * include the reference. Used for the scree plot (eigenvalue against component, reference at 1).
 *
 * @throws {TypeError} when the options, series or labels have the wrong kind
 * @throws {RangeError} when there are no series or a series has no points, a coordinate is not
 * finite, or a domain is not [min, max] with min < max
 * @example
 * lineChart({ title: 'Scree plot', xLabel: 'component', yLabel: 'eigenvalue', integerX: true,
 *   reference: { value: 1, label: 'eigenvalue 1' },
 *   series: [{ label: 'eigenvalues', points: [{ x: 1, y: 3.2 }, { x: 2, y: 1.1 }, { x: 3, y: 0.4 }] }] })
 */
export function lineChart(options: LineChartOptions): string {
  const series = checkList<LineSeries>(FN, 'series', options, options?.series).map((s, k) => ({
    label: checkLabel(FN, `series[${k}].label`, s?.label),
    points: checkList<{ x: number; y: number }>(FN, `series[${k}].points`, options, s.points).map((p, i) => ({
      x: checkNumber(FN, `series[${k}].points[${i}].x`, p?.x),
      y: checkNumber(FN, `series[${k}].points[${i}].y`, p.y),
    })),
    color: s.color ?? (k === 0 ? PALETTE.blue : CATEGORICAL_COLORS[k % CATEGORICAL_COLORS.length]!),
  }));
  const reference = checkReference(FN, options.reference);
  const decimals = options.decimals ?? 2;
  const xs = series.flatMap((s) => s.points.map((p) => p.x));
  const ys = [...series.flatMap((s) => s.points.map((p) => p.y)), ...(reference ? [reference.value] : [])];
  const xDomain =
    checkDomain(FN, 'xDomain', options.xDomain) ??
    (options.integerX
      ? ([Math.min(...xs), Math.max(...xs)] as [number, number])
      : niceDomain(Math.min(...xs), Math.max(...xs)));
  const yDomain =
    checkDomain(FN, 'yDomain', options.yDomain) ?? niceDomain(Math.min(0, ...ys), Math.max(...ys));
  const width = options.width ?? DEFAULT_WIDTH;
  const legendBlock =
    series.length > 1
      ? legend(
          series.map((s) => ({ label: s.label, color: s.color })),
          width,
        )
      : { svg: '', height: 0 };
  const left = 64;
  const right = width - 24;
  const top = TITLE_HEIGHT + legendBlock.height + 12;
  const bottom = top + (options.height ?? Math.round(width * 0.5));
  const height = bottom + 46;
  // A single x value still needs room on both sides.
  const xd: [number, number] = xDomain[0] === xDomain[1] ? [xDomain[0] - 1, xDomain[1] + 1] : xDomain;
  const x = linearScale(xd, [left + 12, right - 12]);
  const y = linearScale(yDomain, [bottom, top]);
  const raw = niceTicks(xd[0], xd[1], Math.min(10, xd[1] - xd[0]));
  const xTicks = options.integerX
    ? { values: raw.values.filter((v) => Number.isInteger(v)), step: Math.max(1, raw.step), decimals: 0 }
    : niceTicks(xd[0], xd[1], 5);
  const yTicks = niceTicks(yDomain[0], yDomain[1], 5);

  const body: string[] = [
    legendBlock.svg,
    bottomAxis(x, xTicks, top, bottom, options.xLabel),
    leftAxis(y, yTicks, left, right, options.yLabel),
  ];
  if (reference !== undefined) {
    const ry = y(clamp(reference.value, yDomain[0], yDomain[1]));
    body.push(
      `<line class="reference" x1="${num(left)}" y1="${num(ry)}" x2="${num(right)}" y2="${num(ry)}" stroke="${PALETTE.black}" stroke-dasharray="4 3"/>`,
    );
    if (reference.label) {
      body.push(
        svgText(right, ry - 5, reference.label, { anchor: 'end', size: 11, maxWidth: (right - left) / 2 }),
      );
    }
  }
  const marks: string[] = [];
  for (const s of series) {
    const coordinates = s.points.map(
      (p) => [x(clamp(p.x, xd[0], xd[1])), y(clamp(p.y, yDomain[0], yDomain[1]))] as const,
    );
    marks.push(
      `<polyline class="line" fill="none" stroke="${s.color}" stroke-width="2" points="${coordinates.map(([a, b]) => `${num(a)},${num(b)}`).join(' ')}"/>`,
    );
    s.points.forEach((p, i) => {
      const [cx, cy] = coordinates[i]!;
      marks.push(
        `<circle class="mark" cx="${num(cx)}" cy="${num(cy)}" r="4" fill="${s.color}" data-x="${p.x}" data-y="${p.y}">${tooltip(`${s.label}: ${formatNumber(p.x, options.integerX ? 0 : decimals)}, ${formatNumber(p.y, decimals)}`)}</circle>`,
      );
    });
  }
  body.push(svgGroup('marks', marks));
  const description =
    options.description ??
    `Line chart of ${series.length} ${series.length === 1 ? 'series' : 'series'}${options.xLabel ? ` by ${options.xLabel}` : ''}: ${series
      .map(
        (s) =>
          `${s.label}: ${s.points.map((p) => `(${formatNumber(p.x, options.integerX ? 0 : decimals)}, ${formatNumber(p.y, decimals)})`).join(', ')}`,
      )
      .join(
        '; ',
      )}${reference === undefined ? '' : `; reference line at ${formatNumber(reference.value, decimals)}`}.`;
  return svgDocument({ ...options, height, description, className: 'line-chart' }, body);
}
