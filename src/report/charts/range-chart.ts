import { formatNumber } from '../format.js';
import {
  BAR_HEIGHT,
  checkDomain,
  checkLabel,
  checkList,
  checkNumber,
  clamp,
  ROW_HEIGHT,
  rowFrame,
  rowLabel,
  rowLayout,
  rowScale,
  rowValue,
  type ValueAxisOptions,
} from './layout.js';
import { niceDomain, niceTicks } from './scale.js';
import {
  bottomAxis,
  type ChartOptions,
  legend,
  num,
  PALETTE,
  svgDocument,
  svgGroup,
  tooltip,
} from './svg.js';

/** One row of a {@link rangeChart}: a band from `low` to `high` and a marker at `value`. */
export interface RangeRow {
  readonly label: string;
  readonly low: number;
  readonly high: number;
  readonly value: number;
}

/** Options of {@link rangeChart}. */
export interface RangeChartOptions extends ChartOptions, ValueAxisOptions {
  readonly rows: readonly RangeRow[];
  /** Legend names of the band and the marker (default "range" and "value"). */
  readonly bandLabel?: string;
  readonly valueLabel?: string;
}

const FN = 'rangeChart';

/**
 * A band per row from `low` to `high` with a marker at `value`: the zone of tolerance of SERVQUAL
 * (adequate to desired service, with perceived service as the marker). A marker inside its band is
 * a blue circle, below it a vermillion diamond, above it a bluish-green square (shape and colour, so
 * colour is not needed to tell them apart); the numbers are in the value column.
 *
 * @throws {TypeError} when the options, rows or labels have the wrong kind
 * @throws {RangeError} when there are no rows, a value is not finite, a band has low > high, or the
 * domain is not [min, max] with min < max
 * @example
 * rangeChart({ title: 'Zone of tolerance', rows: [{ label: 'reliability', low: 3.9, high: 4.6, value: 3.8 }], domain: [1, 5] })
 */
export function rangeChart(options: RangeChartOptions): string {
  const rows = checkList<RangeRow>(FN, 'rows', options, options?.rows).map((r, i) => {
    const row = {
      label: checkLabel(FN, `rows[${i}].label`, r?.label),
      low: checkNumber(FN, `rows[${i}].low`, r.low),
      high: checkNumber(FN, `rows[${i}].high`, r.high),
      value: checkNumber(FN, `rows[${i}].value`, r.value),
    };
    if (row.low > row.high)
      throw new RangeError(`${FN}: rows[${i}] must have low ≤ high; got ${row.low} > ${row.high}`);
    return row;
  });
  const decimals = options.decimals ?? 2;
  const all = rows.flatMap((r) => [r.low, r.high, r.value]);
  const domain = checkDomain(FN, 'domain', options.domain) ?? niceDomain(Math.min(...all), Math.max(...all));
  const ticks = niceTicks(domain[0], domain[1], 5);
  const texts = rows.map(
    (r) =>
      `${formatNumber(r.value, decimals)} in ${formatNumber(r.low, decimals)}–${formatNumber(r.high, decimals)}`,
  );
  const layout = rowLayout(
    options.width,
    rows.map((r) => r.label),
    texts,
  );
  const bandLabel = options.bandLabel ?? 'range';
  const valueLabel = options.valueLabel ?? 'value';
  const legendBlock = legend(
    [
      { label: bandLabel, color: '#BFE3F7' },
      { label: valueLabel, color: PALETTE.blue },
    ],
    layout.width,
  );
  const { top, bottom, height } = rowFrame(legendBlock.height, rows.length * ROW_HEIGHT, options);
  const x = rowScale(domain, layout);
  const marks: string[] = [];
  rows.forEach((r, i) => {
    const cy = top + i * ROW_HEIGHT + ROW_HEIGHT / 2;
    const lo = x(clamp(r.low, domain[0], domain[1]));
    const hi = x(clamp(r.high, domain[0], domain[1]));
    const vx = x(clamp(r.value, domain[0], domain[1]));
    const where = r.value < r.low ? 'below' : r.value > r.high ? 'above' : 'inside';
    const tip = tooltip(
      `${r.label}: ${valueLabel} ${formatNumber(r.value, decimals)}, ${bandLabel} ${formatNumber(r.low, decimals)}–${formatNumber(r.high, decimals)} (${where})`,
    );
    marks.push(
      rowLabel(layout, cy + 4, r.label),
      `<rect class="band" x="${num(lo)}" y="${num(cy - BAR_HEIGHT / 2)}" width="${num(hi - lo)}" height="${BAR_HEIGHT}" fill="#BFE3F7" stroke="${PALETTE.skyBlue}"/>`,
    );
    if (where === 'inside') {
      marks.push(
        `<circle class="mark" cx="${num(vx)}" cy="${num(cy)}" r="5" fill="${PALETTE.blue}" data-value="${r.value}">${tip}</circle>`,
      );
    } else if (where === 'below') {
      marks.push(
        `<path class="mark" d="M${num(vx)},${num(cy - 6)} L${num(vx + 6)},${num(cy)} L${num(vx)},${num(cy + 6)} L${num(vx - 6)},${num(cy)} Z" fill="${PALETTE.vermillion}" data-value="${r.value}">${tip}</path>`,
      );
    } else {
      marks.push(
        `<rect class="mark" x="${num(vx - 5)}" y="${num(cy - 5)}" width="10" height="10" fill="${PALETTE.bluishGreen}" data-value="${r.value}">${tip}</rect>`,
      );
    }
    marks.push(rowValue(layout, cy + 4, texts[i]!));
  });
  const body = [
    legendBlock.svg,
    bottomAxis(x, ticks, top, bottom, options.axisLabel),
    svgGroup('marks', marks),
  ];
  const description =
    options.description ??
    `Range chart of ${rows.length} rows, each a ${bandLabel} with a ${valueLabel} marker: ${rows
      .map((r, i) => `${r.label} ${texts[i]}`)
      .join('; ')}.`;
  return svgDocument({ ...options, height, description, className: 'range-chart' }, body);
}
