import { formatInterval, formatNumber } from '../format.js';
import {
  BAR_HEIGHT,
  type BarAxisOptions,
  barAxis,
  barMark,
  checkLabel,
  checkList,
  checkNumber,
  intervalMark,
  ROW_HEIGHT,
  referenceMarks,
  rowFrame,
  rowLabel,
  rowLayout,
  rowScale,
  rowValue,
} from './layout.js';
import { niceDomain } from './scale.js';
import { bottomAxis, type ChartOptions, num, PALETTE, svgDocument, svgGroup } from './svg.js';

export type { ReferenceLine } from './layout.js';

/** One bar of a {@link barChart}. */
export interface BarDatum {
  readonly label: string;
  readonly value: number;
  /** Interval whisker from `low` to `high` (both or neither; e.g. a confidence interval). */
  readonly low?: number | null;
  readonly high?: number | null;
  /** Extra text after the value in the value column (e.g. "top-2 box 62%"). */
  readonly annotation?: string;
  /** Fill colour (default Okabe–Ito blue). */
  readonly color?: string;
}

/** Options of {@link barChart}. */
export interface BarChartOptions extends ChartOptions, BarAxisOptions {
  readonly bars: readonly BarDatum[];
}

const FN = 'barChart';

/**
 * A horizontal bar chart: one row per bar, its label at the left, a bar from the baseline to the
 * value, an optional interval whisker, a dashed reference line, and the value (with its interval and
 * annotation) in a column at the right, so the numbers are readable without the bars. The bar length
 * is proportional to |value − baseline|.
 *
 * @throws {TypeError} when the options, bars or labels have the wrong kind
 * @throws {RangeError} when there are no bars, a value is not finite, only one end of an interval is
 * given, or the domain is not [min, max] with min < max
 * @example
 * barChart({ title: 'Item means', bars: [{ label: 'q1', value: 4.2 }, { label: 'q2', value: 3.1 }], domain: [1, 5] })
 * // '<svg xmlns="http://www.w3.org/2000/svg" class="chart bar-chart" … role="img" …'
 */
export function barChart(options: BarChartOptions): string {
  return drawBars(FN, options, 'bar-chart');
}

function drawBars(fn: string, options: BarChartOptions, className: string): string {
  const FN = fn;
  const bars = checkList<BarDatum>(FN, 'bars', options, options?.bars);
  const checked = bars.map((bar, i) => {
    const label = checkLabel(FN, `bars[${i}].label`, bar?.label);
    const value = checkNumber(FN, `bars[${i}].value`, bar.value);
    const hasLow = bar.low !== undefined && bar.low !== null;
    const hasHigh = bar.high !== undefined && bar.high !== null;
    if (hasLow !== hasHigh) {
      throw new RangeError(
        `${FN}: bars[${i}] must give both low and high or neither; got only ${hasLow ? 'low' : 'high'}`,
      );
    }
    const interval = hasLow
      ? ([checkNumber(FN, `bars[${i}].low`, bar.low), checkNumber(FN, `bars[${i}].high`, bar.high)] as const)
      : null;
    return { label, value, interval, annotation: bar.annotation ?? '', color: bar.color ?? PALETTE.blue };
  });
  const decimals = options.decimals ?? 2;
  const reference = options.reference;
  const { domain, baseline, ticks } = barAxis(
    FN,
    options,
    checked.flatMap((b) => [b.value, ...(b.interval ?? [])]),
  );

  const valueTexts = checked.map((b) =>
    [
      formatNumber(b.value, decimals),
      b.interval === null ? '' : `[${formatInterval(b.interval, decimals)}]`,
      b.annotation,
    ]
      .filter((t) => t !== '')
      .join(' · '),
  );
  const layout = rowLayout(
    options.width,
    checked.map((b) => b.label),
    valueTexts,
  );
  const x = rowScale(domain, layout);
  const { top, bottom, height } = rowFrame(0, checked.length * ROW_HEIGHT, options);

  const body: string[] = [bottomAxis(x, ticks, top, bottom, options.axisLabel)];
  const marks: string[] = [];
  checked.forEach((b, i) => {
    const cy = top + i * ROW_HEIGHT + ROW_HEIGHT / 2;
    marks.push(
      rowLabel(layout, cy + 4, b.label),
      barMark(x, baseline, b.value, cy - BAR_HEIGHT / 2, BAR_HEIGHT, b.color, `${b.label}: ${valueTexts[i]}`),
    );
    if (b.interval !== null) marks.push(intervalMark(x, b.interval, cy));
    marks.push(rowValue(layout, cy + 4, valueTexts[i]!));
  });
  body.push(svgGroup('marks', marks));
  if (domain[0] < 0 && domain[1] > 0) {
    body.push(
      `<line class="zero" x1="${num(x(0))}" y1="${num(top)}" x2="${num(x(0))}" y2="${num(bottom)}" stroke="#666666"/>`,
    );
  }
  body.push(...referenceMarks(reference, x, layout, top, bottom));
  const description =
    options.description ??
    `Horizontal bar chart of ${checked.length} ${checked.length === 1 ? 'value' : 'values'} on an axis from ${formatNumber(domain[0], ticks.decimals)} to ${formatNumber(domain[1], ticks.decimals)}: ${checked.map((b, i) => `${b.label} ${valueTexts[i]}`).join('; ')}.`;
  return svgDocument({ ...options, height, description, className }, body);
}

/** Options of {@link divergingBarChart}. */
export interface DivergingBarChartOptions extends ChartOptions {
  readonly bars: readonly { readonly label: string; readonly value: number; readonly annotation?: string }[];
  /** Symmetric value axis half-width (default: the largest |value|, rounded up to a round tick). */
  readonly extent?: number;
  readonly axisLabel?: string;
  readonly decimals?: number;
  /** Colours of negative and positive bars (default vermillion and blue). */
  readonly colors?: { readonly negative: string; readonly positive: string };
}

/**
 * Bars diverging from 0 on a symmetric axis, negative values in one colour to the left and positive
 * values in another to the right: gaps such as perception − expectation. A {@link barChart} with
 * baseline 0.
 * @example divergingBarChart({ title: 'Gaps', bars: [{ label: 'tangibles', value: -0.09 }, { label: 'reliability', value: -0.8 }] })
 */
export function divergingBarChart(options: DivergingBarChartOptions): string {
  const bars = checkList<DivergingBarChartOptions['bars'][number]>(
    'divergingBarChart',
    'bars',
    options,
    options?.bars,
  );
  const largest = Math.max(
    ...bars.map((b, i) => Math.abs(checkNumber('divergingBarChart', `bars[${i}].value`, b?.value))),
  );
  const extent = options.extent ?? niceDomain(0, largest === 0 ? 1 : largest)[1];
  if (!(extent > 0 && Number.isFinite(extent))) {
    throw new RangeError(`divergingBarChart: extent must be positive and finite; got ${extent}`);
  }
  const colors = options.colors ?? { negative: PALETTE.vermillion, positive: PALETTE.blue };
  const { extent: _extent, colors: _colors, ...rest } = options;
  return drawBars(
    'divergingBarChart',
    {
      ...rest,
      bars: bars.map((b) => ({ ...b, color: b.value < 0 ? colors.negative : colors.positive })),
      domain: [-extent, extent],
      baseline: 0,
      ...(options.description === undefined
        ? {
            description: `Diverging bar chart around 0 of ${bars.length} values: ${bars
              .map((b) => `${b.label} ${formatNumber(b.value, options.decimals ?? 2)}`)
              .join('; ')}.`,
          }
        : {}),
    },
    'diverging-bar-chart',
  );
}
