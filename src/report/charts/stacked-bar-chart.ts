import { formatPercent } from '../format.js';
import {
  BAR_HEIGHT,
  checkLabel,
  checkList,
  checkNumber,
  ROW_HEIGHT,
  rowFrame,
  rowLabel,
  rowLayout,
  rowScale,
  rowValue,
} from './layout.js';
import { niceTicks } from './scale.js';
import {
  bottomAxis,
  type ChartOptions,
  legend,
  num,
  ordinalColors,
  svgDocument,
  svgGroup,
  svgText,
  textColorOn,
  textWidth,
  tooltip,
} from './svg.js';

/** One row of a {@link stackedBarChart}: a non-negative amount per category. */
export interface StackedRow {
  readonly label: string;
  /** Counts or shares, one per category; each row is scaled to 100 %. */
  readonly values: readonly number[];
  /** Extra text in the value column (e.g. "grade: satisfied"). */
  readonly annotation?: string;
}

/** Options of {@link stackedBarChart}. */
export interface StackedBarChartOptions extends ChartOptions {
  /** The categories, in stacking order from left to right (e.g. grades best first). */
  readonly categories: readonly string[];
  readonly rows: readonly StackedRow[];
  /** One colour per category (default {@link ordinalColors}: best first, blue … vermillion). */
  readonly colors?: readonly string[];
  readonly axisLabel?: string;
}

const FN = 'stackedBarChart';

/**
 * 100 % stacked horizontal bars: each row's amounts as shares of its total, one coloured segment per
 * category (legend above), the share printed inside segments wide enough to hold it, and the row's
 * annotation at the right. For membership vectors of a fuzzy evaluation and answer distributions.
 * A row whose amounts are all 0 draws empty segments.
 *
 * @throws {TypeError} when the options, rows or labels have the wrong kind
 * @throws {RangeError} when there are no rows or categories, a row does not have one amount per
 * category, an amount is negative or not finite, or `colors` does not have one colour per category
 * @example
 * stackedBarChart({ title: 'Membership', categories: ['good', 'fair', 'poor'], rows: [{ label: 'q1', values: [0.5, 0.3, 0.2] }] })
 */
export function stackedBarChart(options: StackedBarChartOptions): string {
  const categories = checkList<string>(FN, 'categories', options, options?.categories).map((c, i) =>
    checkLabel(FN, `categories[${i}]`, c),
  );
  const colors = options.colors ?? ordinalColors(categories.length);
  if (colors.length !== categories.length) {
    throw new RangeError(
      `${FN}: colors must have one colour per category (${categories.length}); got ${colors.length}`,
    );
  }
  const rows = checkList<StackedRow>(FN, 'rows', options, options.rows).map((row, r) => {
    const label = checkLabel(FN, `rows[${r}].label`, row?.label);
    if (!Array.isArray(row.values) || row.values.length !== categories.length) {
      throw new RangeError(
        `${FN}: rows[${r}].values must have one amount per category (${categories.length}); got ${Array.isArray(row.values) ? row.values.length : typeof row.values}`,
      );
    }
    const values = row.values.map((v, c) => {
      const value = checkNumber(FN, `rows[${r}].values[${c}]`, v);
      if (value < 0)
        throw new RangeError(`${FN}: rows[${r}].values[${c}] must not be negative; got ${value}`);
      return value;
    });
    const total = values.reduce((a, b) => a + b, 0);
    return {
      label,
      shares: values.map((v) => (total > 0 ? v / total : 0)),
      annotation: row.annotation ?? '',
    };
  });
  const layout = rowLayout(
    options.width,
    rows.map((r) => r.label),
    rows.map((r) => r.annotation).filter((a) => a !== ''),
  );
  const legendBlock = legend(
    categories.map((label, c) => ({ label, color: colors[c]! })),
    layout.width,
  );
  const { top, bottom, height } = rowFrame(legendBlock.height, rows.length * ROW_HEIGHT, options);
  const x = rowScale([0, 1], layout);
  const ticks = niceTicks(0, 1, 5);

  const marks: string[] = [];
  rows.forEach((row, r) => {
    const cy = top + r * ROW_HEIGHT + ROW_HEIGHT / 2;
    marks.push(rowLabel(layout, cy + 4, row.label));
    let cumulative = 0;
    row.shares.forEach((share, c) => {
      const x0 = x(cumulative);
      cumulative += share;
      // The last segment ends exactly at 100 % (no rounding gap).
      const x1 = c === row.shares.length - 1 && share > 0 ? x(1) : x(cumulative);
      const label = formatPercent(share, 0);
      marks.push(
        `<rect class="mark" x="${num(x0)}" y="${num(cy - BAR_HEIGHT / 2 - 1)}" width="${num(Math.max(0, x1 - x0))}" height="${BAR_HEIGHT + 2}" fill="${colors[c]}" data-value="${share}">${tooltip(`${row.label}, ${categories[c]}: ${formatPercent(share, 1)}`)}</rect>`,
      );
      if (x1 - x0 >= textWidth(label, 11) + 6) {
        marks.push(
          svgText((x0 + x1) / 2, cy + 4, label, {
            anchor: 'middle',
            size: 11,
            fill: textColorOn(colors[c]!),
          }),
        );
      }
    });
    if (row.annotation !== '') {
      marks.push(rowValue(layout, cy + 4, row.annotation));
    }
  });
  const body = [
    legendBlock.svg,
    bottomAxis(x, ticks, top, bottom, options.axisLabel, (v) => formatPercent(v, 0)),
    svgGroup('marks', marks),
  ];
  const description =
    options.description ??
    `100% stacked bar chart of ${rows.length} rows over ${categories.join(', ')}: ${rows
      .map((row) => `${row.label}: ${row.shares.map((s) => formatPercent(s, 1)).join(', ')}`)
      .join('; ')}.`;
  return svgDocument({ ...options, height, description, className: 'stacked-bar-chart' }, body);
}
