import { formatInterval, formatNumber } from '../format.js';
import {
  type BarAxisOptions,
  barAxis,
  barMark,
  checkLabel,
  checkList,
  checkNumber,
  intervalMark,
  referenceMarks,
  rowFrame,
  rowLabel,
  rowLayout,
  rowScale,
  rowValue,
} from './layout.js';
import { bottomAxis, CATEGORICAL_COLORS, type ChartOptions, legend, svgDocument, svgGroup } from './svg.js';

/** One series of a {@link groupedBarChart}: a value per group (`null` = none). */
export interface BarSeries {
  readonly label: string;
  readonly values: readonly (number | null)[];
  /** Interval whiskers per group (e.g. confidence intervals), `null` where there is none. */
  readonly intervals?: readonly (readonly [number, number] | null)[];
  readonly color?: string;
}

/** Options of {@link groupedBarChart}. */
export interface GroupedBarChartOptions extends ChartOptions, BarAxisOptions {
  /** The groups (rows), e.g. dimensions. */
  readonly groups: readonly string[];
  /** The series (one bar per group each), e.g. segments. */
  readonly series: readonly BarSeries[];
}

const FN = 'groupedBarChart';
const SERIES_BAR = 12;
const SERIES_GAP = 2;
const GROUP_GAP = 12;

/**
 * Horizontal grouped bars: one block of bars per group, one bar per series (coloured by series, with
 * a legend), optional interval whiskers, a dashed reference line, and each value at the right.
 * Missing values (`null`) draw no bar and read "–".
 *
 * @throws {TypeError} when the options, groups or series have the wrong kind
 * @throws {RangeError} when groups or series are empty, a series does not have one value per group,
 * or a value is not finite
 * @example
 * groupedBarChart({ title: 'Index by channel', groups: ['reliability', 'empathy'], series: [
 *   { label: 'branch', values: [72, 70] }, { label: 'online', values: [75, 64] }] })
 */
export function groupedBarChart(options: GroupedBarChartOptions): string {
  const groups = checkList<string>(FN, 'groups', options, options?.groups).map((g, i) =>
    checkLabel(FN, `groups[${i}]`, g),
  );
  const series = checkList<BarSeries>(FN, 'series', options, options.series).map((s, k) => {
    const label = checkLabel(FN, `series[${k}].label`, s?.label);
    if (!Array.isArray(s.values) || s.values.length !== groups.length) {
      throw new RangeError(
        `${FN}: series[${k}].values must have one value per group (${groups.length}); got ${Array.isArray(s.values) ? s.values.length : typeof s.values}`,
      );
    }
    const values = s.values.map((v, g) =>
      v === null ? null : checkNumber(FN, `series[${k}].values[${g}]`, v),
    );
    const intervals = (s.intervals ?? []).map((iv, g) =>
      iv === null || iv === undefined
        ? null
        : ([
            checkNumber(FN, `series[${k}].intervals[${g}][0]`, iv[0]),
            checkNumber(FN, `series[${k}].intervals[${g}][1]`, iv[1]),
          ] as const),
    );
    return { label, values, intervals, color: s.color ?? CATEGORICAL_COLORS[k % CATEGORICAL_COLORS.length]! };
  });
  const decimals = options.decimals ?? 2;
  const { domain, baseline, ticks } = barAxis(
    FN,
    options,
    series.flatMap((s) => [
      ...s.values.filter((v): v is number => v !== null),
      ...s.intervals.flatMap((iv) => (iv === null ? [] : [...iv])),
    ]),
  );

  // The value text of each bar, texts[group][series]: in the value column, tooltip and description.
  const texts = groups.map((_, g) =>
    series.map((s) => {
      const iv = s.intervals[g] ?? null;
      return `${formatNumber(s.values[g]!, decimals)}${iv === null ? '' : ` [${formatInterval(iv, decimals)}]`}`;
    }),
  );
  const layout = rowLayout(options.width, groups, texts.flat());
  const legendBlock = legend(
    series.map((s) => ({ label: s.label, color: s.color })),
    layout.width,
  );
  const groupHeight = series.length * (SERIES_BAR + SERIES_GAP) - SERIES_GAP + GROUP_GAP;
  const { top, bottom, height } = rowFrame(legendBlock.height, groups.length * groupHeight, options);
  const x = rowScale(domain, layout);

  const marks: string[] = [];
  groups.forEach((group, g) => {
    const y0 = top + g * groupHeight + GROUP_GAP / 2;
    const middle = y0 + (groupHeight - GROUP_GAP) / 2;
    marks.push(rowLabel(layout, middle + 4, group));
    series.forEach((s, k) => {
      const y = y0 + k * (SERIES_BAR + SERIES_GAP);
      const value = s.values[g]!;
      if (value !== null) {
        marks.push(
          barMark(x, baseline, value, y, SERIES_BAR, s.color, `${group}, ${s.label}: ${texts[g]![k]}`),
        );
      }
      const iv = s.intervals[g] ?? null;
      if (iv !== null) marks.push(intervalMark(x, iv, y + SERIES_BAR / 2));
      marks.push(rowValue(layout, y + SERIES_BAR - 2, texts[g]![k]!, 11));
    });
  });
  const body = [
    legendBlock.svg,
    bottomAxis(x, ticks, top, bottom, options.axisLabel),
    svgGroup('marks', marks),
    ...referenceMarks(options.reference, x, layout, top, bottom),
  ];
  const description =
    options.description ??
    `Grouped bar chart of ${series.length} series (${series.map((s) => s.label).join(', ')}) over ${groups.length} groups: ${groups
      .map((g, i) => `${g}: ${series.map((s, k) => `${s.label} ${texts[i]![k]}`).join(', ')}`)
      .join('; ')}.`;
  return svgDocument({ ...options, height, description, className: 'grouped-bar-chart' }, body);
}
