import { describe, expect, it } from 'vitest';
import { barChart, divergingBarChart } from '../../src/report/charts/bar-chart.js';
import { groupedBarChart } from '../../src/report/charts/grouped-bar-chart.js';
import { lineChart } from '../../src/report/charts/line-chart.js';
import { quadrantChart } from '../../src/report/charts/quadrant-chart.js';
import { rangeChart } from '../../src/report/charts/range-chart.js';
import { niceDomain, niceTicks } from '../../src/report/charts/scale.js';
import { stackedBarChart } from '../../src/report/charts/stacked-bar-chart.js';
import { fitText, ordinalColors, PALETTE, textColorOn } from '../../src/report/charts/svg.js';
import { attributes, expectWellFormedChart, marks } from './svg-check.js';

const NASTY = `<script>alert(1)</script> "quoted" & 'single'`;

/** The x-coordinates of the plot's ends, read from the first and last grid lines of the x axis. */
function xAxisEnds(svg: string): { left: number; right: number; ticks: number[] } {
  const axis = /<g class="x-axis">([\s\S]*?)<\/g>/.exec(svg)![1]!;
  const ticks = [...axis.matchAll(/<line class="grid" x1="([\d.]+)"/g)].map((m) => Number(m[1]));
  return { left: ticks[0]!, right: ticks.at(-1)!, ticks };
}

describe('niceTicks and niceDomain', () => {
  it('doc-comment examples', () => {
    expect(niceTicks(0, 1, 5).values).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceDomain(0.3, 4.2)).toEqual([0, 5]);
  });

  it('gives exact decimal steps of 1, 2 or 5 times a power of ten', () => {
    expect(niceTicks(0, 100, 5).values).toEqual([0, 20, 40, 60, 80, 100]);
    expect(niceTicks(-0.96, 0.12, 5).values).toEqual([-0.8, -0.6, -0.4, -0.2, 0]);
    expect(niceTicks(0.1, 0.35, 5)).toEqual({
      values: [0.1, 0.15, 0.2, 0.25, 0.3, 0.35],
      step: 0.05,
      decimals: 2,
    });
    expect(niceTicks(1, 5, 5).values).toEqual([1, 2, 3, 4, 5]);
    expect(niceTicks(0, 7300, 5).values).toEqual([0, 2000, 4000, 6000]);
    expect(niceTicks(3, 3).values).toEqual([3]);
    for (const [lo, hi] of [
      [0, 0.07],
      [-13, 87],
      [1e-5, 3e-5],
      [12345, 12399],
    ] as const) {
      const t = niceTicks(lo, hi, 5);
      expect(t.values.length).toBeGreaterThanOrEqual(2);
      expect(t.values.length).toBeLessThanOrEqual(11);
      expect(t.values[0]).toBeGreaterThanOrEqual(lo);
      expect(t.values.at(-1)).toBeLessThanOrEqual(hi);
      const mantissa = t.step / 10 ** Math.floor(Math.log10(t.step) + 1e-12);
      expect([1, 2, 5].some((m) => Math.abs(mantissa - m) < 1e-9)).toBe(true);
      // Exact decimals: each value prints as itself with the stated decimals.
      for (const v of t.values) expect(Number(v.toFixed(t.decimals))).toBe(v);
    }
    expect(niceDomain(-0.96, 0.12)).toEqual([-1, 0.2]);
    expect(niceDomain(2, 2)).toEqual([1, 3]);
    expect(niceDomain(0, 0)).toEqual([0, 1]);
    expect(() => niceTicks(0, Number.NaN)).toThrow(RangeError);
  });
});

describe('svg helpers', () => {
  it('ordinalColors and textColorOn (doc-comment example; Okabe–Ito)', () => {
    expect(ordinalColors(3)).toEqual(['#0072B2', '#B0B0B0', '#D55E00']);
    expect(ordinalColors(5)).toEqual([
      PALETTE.blue,
      PALETTE.skyBlue,
      PALETTE.grey,
      PALETTE.orange,
      PALETTE.vermillion,
    ]);
    expect(new Set(ordinalColors(7)).size).toBe(7);
    expect(textColorOn(PALETTE.blue)).toBe('#FFFFFF');
    expect(textColorOn(PALETTE.yellow)).toBe('#000000');
    expect(textColorOn(PALETTE.skyBlue)).toBe('#000000');
  });

  it('fitText truncates with an ellipsis', () => {
    expect(fitText('short', 100)).toBe('short');
    expect(fitText('a rather long label indeed', 72)).toBe('a rather…');
  });
});

describe('barChart', () => {
  const bars = [
    { label: 'q1', value: 4 },
    { label: 'q2', value: 2, low: 1.5, high: 2.5 },
    { label: 'q3', value: 1 },
  ];

  it('doc-comment example: an accessible standalone SVG', () => {
    const svg = barChart({
      title: 'Item means',
      bars: [
        { label: 'q1', value: 4.2 },
        { label: 'q2', value: 3.1 },
      ],
      domain: [1, 5],
    });
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" class="chart bar-chart"')).toBe(true);
    expect(svg).toContain('role="img"');
    expect(expectWellFormedChart(svg)).toBe('Item means');
  });

  it('draws one mark per bar, lengths proportional to the values', () => {
    const svg = barChart({ title: 'Means', bars, domain: [0, 5], reference: { value: 3, label: 'target' } });
    expectWellFormedChart(svg);
    const m = marks(svg);
    expect(m).toHaveLength(3);
    const { left, right } = xAxisEnds(svg);
    const perUnit = (right - left) / 5;
    m.forEach((mark, i) => {
      expect(Number(mark.attributes['data-value'])).toBe(bars[i]!.value);
      expect(Number(mark.attributes['x'])).toBeCloseTo(left, 1);
      expect(Number(mark.attributes['width'])).toBeCloseTo(bars[i]!.value * perUnit, 1);
    });
    // Width ratio of two bars equals the ratio of their values.
    expect(Number(m[0]!.attributes['width']) / Number(m[2]!.attributes['width'])).toBeCloseTo(4, 2);
    expect(svg.match(/class="interval"/g)).toHaveLength(1);
    expect(svg).toContain('class="reference"');
    // The numbers are in the chart as text too.
    expect(svg).toContain('>2.00 · [1.50–2.50]</text>');
  });

  it('starts bars at the baseline and the lower end of a domain without 0', () => {
    const svg = barChart({
      title: 'Means',
      bars: [
        { label: 'a', value: 3 },
        { label: 'b', value: 5 },
      ],
      domain: [1, 5],
    });
    const { left, right } = xAxisEnds(svg);
    const [a, b] = marks(svg);
    expect(Number(a!.attributes['x'])).toBeCloseTo(left, 1);
    expect(Number(a!.attributes['width'])).toBeCloseTo(((3 - 1) / 4) * (right - left), 1);
    expect(Number(b!.attributes['width'])).toBeCloseTo(right - left, 1);
  });

  it('escapes labels, truncates long ones with the full text in a tooltip', () => {
    const svg = barChart({
      title: NASTY,
      description: NASTY,
      bars: [{ label: NASTY, value: 1, annotation: NASTY }],
    });
    expectWellFormedChart(svg);
    expect(svg).not.toContain('<script');
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &quot;quoted&quot; &amp; &#39;single&#39;');
    const long = 'An excellent bank will have modern, up-to-date equipment, including its cash machines';
    const truncated = barChart({ title: 't', bars: [{ label: long, value: 1 }] });
    expect(truncated).toContain(`<g class="truncated"><title>${long}</title>`);
    expect(truncated).toMatch(/>An excellent bank[^<]*…<\/text>/);
  });

  it('is deterministic', () => {
    const options = { title: 'Means', bars, reference: { value: 2.2, label: 'mean' } };
    expect(barChart(options)).toBe(barChart(structuredClone(options)));
    expect(barChart(options)).not.toBe(barChart({ ...options, title: 'Other' }));
  });

  it('rejects bad input with messages naming it', () => {
    expect(() => barChart({ title: 't', bars: [] })).toThrow(
      new RangeError('barChart: bars must not be empty; got none'),
    );
    expect(() => barChart({ title: 't', bars: [{ label: 'a', value: Number.NaN }] })).toThrow(
      new RangeError('barChart: bars[0].value must be a finite number; got NaN'),
    );
    expect(() => barChart({ title: 't', bars: [{ label: 'a', value: 1, low: 0 }] })).toThrow(
      new RangeError('barChart: bars[0] must give both low and high or neither; got only low'),
    );
    expect(() => barChart({ title: 't', bars: [{ label: 1 as never, value: 1 }] })).toThrow(
      new TypeError('barChart: bars[0].label must be a string; got 1'),
    );
    expect(() => barChart({ title: 't', bars: [{ label: 'a', value: 1 }], domain: [2, 1] })).toThrow(
      new RangeError('barChart: domain must be [min, max] with finite min < max; got an array of length 2'),
    );
    expect(() => barChart(null as never)).toThrow(
      new TypeError('barChart: options must be an object; got null'),
    );
  });
});

describe('divergingBarChart', () => {
  it('doc-comment example: bars left and right of 0 in two colours', () => {
    const svg = divergingBarChart({
      title: 'Gaps',
      bars: [
        { label: 'tangibles', value: -0.09 },
        { label: 'reliability', value: -0.8 },
        { label: 'assurance', value: 0.4 },
      ],
    });
    expectWellFormedChart(svg);
    expect(svg).toContain('class="chart diverging-bar-chart"');
    const m = marks(svg);
    expect(m).toHaveLength(3);
    const zero = Number(attributes(/<line class="zero"[^>]*>/.exec(svg)![0])['x1']);
    const { left, right } = xAxisEnds(svg);
    expect(zero).toBeCloseTo((left + right) / 2, 1);
    // Negative bars end at zero, positive bars start there; lengths ∝ |value|.
    expect(Number(m[1]!.attributes['x']) + Number(m[1]!.attributes['width'])).toBeCloseTo(zero, 1);
    expect(Number(m[2]!.attributes['x'])).toBeCloseTo(zero, 1);
    expect(Number(m[1]!.attributes['width']) / Number(m[2]!.attributes['width'])).toBeCloseTo(2, 2);
    expect(m[0]!.attributes['fill']).toBe(PALETTE.vermillion);
    expect(m[2]!.attributes['fill']).toBe(PALETTE.blue);
  });
});

describe('groupedBarChart', () => {
  it('doc-comment example: one mark per non-missing value, a legend per series', () => {
    const svg = groupedBarChart({
      title: 'Index by channel',
      groups: ['reliability', 'empathy'],
      series: [
        { label: 'branch', values: [72, 70] },
        { label: 'online', values: [75, 64] },
      ],
    });
    expectWellFormedChart(svg);
    expect(marks(svg)).toHaveLength(4);
    expect(svg.match(/class="legend-swatch"/g)).toHaveLength(2);
  });

  it('skips missing values, draws intervals, keeps widths proportional', () => {
    const svg = groupedBarChart({
      title: 'g',
      groups: ['a', 'b', 'c'],
      series: [
        { label: 's1', values: [10, null, 30], intervals: [[8, 12], null, [25, 35]] },
        { label: 's2', values: [20, 40, 5] },
      ],
      domain: [0, 50],
    });
    expectWellFormedChart(svg);
    const m = marks(svg);
    expect(m.map((x) => Number(x.attributes['data-value']))).toEqual([10, 20, 40, 30, 5]);
    const { left, right } = xAxisEnds(svg);
    for (const mark of m) {
      expect(Number(mark.attributes['width'])).toBeCloseTo(
        (Number(mark.attributes['data-value']) / 50) * (right - left),
        1,
      );
    }
    expect(svg.match(/class="interval"/g)).toHaveLength(2);
    expect(svg).toContain('>–</text>');
    expect(() =>
      groupedBarChart({ title: 'g', groups: ['a'], series: [{ label: 's', values: [1, 2] }] }),
    ).toThrow(new RangeError('groupedBarChart: series[0].values must have one value per group (1); got 2'));
  });
});

describe('stackedBarChart', () => {
  it('doc-comment example and 100 % rows: widths proportional to shares', () => {
    const svg = stackedBarChart({
      title: 'Membership',
      categories: ['good', 'fair', 'poor'],
      rows: [
        { label: 'q1', values: [0.5, 0.3, 0.2] },
        { label: NASTY, values: [10, 0, 30] },
      ],
    });
    expectWellFormedChart(svg);
    expect(svg).not.toContain('<script');
    const m = marks(svg);
    expect(m).toHaveLength(6);
    const { left, right } = xAxisEnds(svg);
    const span = right - left;
    expect(Number(m[0]!.attributes['width'])).toBeCloseTo(0.5 * span, 1);
    expect(Number(m[1]!.attributes['width'])).toBeCloseTo(0.3 * span, 1);
    expect(Number(m[4]!.attributes['width'])).toBe(0);
    expect(Number(m[5]!.attributes['width'])).toBeCloseTo(0.75 * span, 1);
    // Each row fills the plot: its last segment ends at 100 %.
    expect(Number(m[2]!.attributes['x']) + Number(m[2]!.attributes['width'])).toBeCloseTo(right, 1);
    expect(svg).toContain('>50%</text>');
    expect(() =>
      stackedBarChart({ title: 's', categories: ['a', 'b'], rows: [{ label: 'r', values: [1, -1] }] }),
    ).toThrow(new RangeError('stackedBarChart: rows[0].values[1] must not be negative; got -1'));
    expect(() =>
      stackedBarChart({
        title: 's',
        categories: ['a', 'b'],
        colors: ['#000000'],
        rows: [{ label: 'r', values: [1, 1] }],
      }),
    ).toThrow(new RangeError('stackedBarChart: colors must have one colour per category (2); got 1'));
  });
});

describe('quadrantChart', () => {
  const points = [
    { label: 'reliability', x: 0.31, y: 3.78 },
    { label: 'responsiveness', x: 0.27, y: 3.47 },
    { label: 'assurance', x: 0.22, y: 3.98 },
    { label: 'tangibles', x: 0.13, y: 3.91 },
    { label: `tangibles again ${NASTY}`, x: 0.13, y: 3.9 },
  ];

  it('doc-comment example', () => {
    const svg = quadrantChart({
      title: 'Importance–performance',
      xLabel: 'importance',
      yLabel: 'performance',
      xSplit: 0.2,
      ySplit: 3.8,
      points: [
        { label: 'reliability', x: 0.31, y: 3.78 },
        { label: 'tangibles', x: 0.13, y: 3.91 },
      ],
    });
    expectWellFormedChart(svg);
    expect(marks(svg)).toHaveLength(2);
  });

  it('places points by their coordinates, splits four labelled quadrants, and keeps labels apart', () => {
    const svg = quadrantChart({
      title: 'IPA',
      xLabel: 'importance',
      yLabel: 'performance',
      xSplit: 0.2,
      ySplit: 3.8,
      xDomain: [0.1, 0.35],
      yDomain: [3.4, 4],
      quadrants: ['possible overkill', 'keep up', 'low priority', 'concentrate here'],
      points,
    });
    expectWellFormedChart(svg);
    expect(svg).not.toContain('<script');
    const m = marks(svg);
    expect(m).toHaveLength(points.length);
    // Linear in both coordinates: equal steps in data are equal steps on screen.
    const cx = m.map((p) => Number(p.attributes['cx']));
    const cy = m.map((p) => Number(p.attributes['cy']));
    expect((cx[0]! - cx[1]!) / (cx[1]! - cx[2]!)).toBeCloseTo(0.04 / 0.05, 2);
    expect(cy[1]! > cy[0]!).toBe(true); // lower performance is lower on the page
    expect(svg.match(/class="quadrant-label"/g)).toHaveLength(4);
    const crosshair = /<g class="crosshair"[^>]*>(.*?)<\/g>/.exec(svg)![1]!;
    expect(crosshair.match(/<line/g)).toHaveLength(2);
    // Label boxes (estimated) do not overlap: the fifth label moved or was shortened.
    const labels = [...svg.matchAll(/<text ([^>]*class="point-label"[^>]*)>([^<]*)<\/text>/g)].map((x) => ({
      ...attributes(x[1]!),
      text: x[2]!,
    }));
    expect(labels.length).toBeGreaterThanOrEqual(4);
    expect(svg).toContain('<title>tangibles again &lt;script&gt;');
  });
});

describe('lineChart', () => {
  it('doc-comment example: a scree plot with the reference line at 1', () => {
    const svg = lineChart({
      title: 'Scree plot',
      xLabel: 'component',
      yLabel: 'eigenvalue',
      integerX: true,
      reference: { value: 1, label: 'eigenvalue 1' },
      series: [
        {
          label: 'eigenvalues',
          points: [
            { x: 1, y: 3.2 },
            { x: 2, y: 1.1 },
            { x: 3, y: 0.4 },
          ],
        },
      ],
    });
    expectWellFormedChart(svg);
    const m = marks(svg);
    expect(m).toHaveLength(3);
    const ref = attributes(/<line class="reference"[^>]*>/.exec(svg)![0]);
    expect(ref['y1']).toBe(ref['y2']);
    // y is linear: (y(3.2) − y(1.1)) / (y(1.1) − y(0.4)) = 2.1 / 0.7, and the reference at y = 1 sits on that line.
    const cy = m.map((p) => Number(p.attributes['cy']));
    expect((cy[0]! - cy[1]!) / (cy[1]! - cy[2]!)).toBeCloseTo(3, 2);
    expect((Number(ref['y1']) - cy[1]!) / (cy[2]! - cy[1]!)).toBeCloseTo(0.1 / 0.7, 2);
    expect(svg).toContain('class="line"');
    // Whole-number ticks only.
    const ticks = [
      .../<g class="x-axis">([\s\S]*?)<\/g>/.exec(svg)![1]!.matchAll(/>(\d+(?:\.\d+)?)<\/text>/g),
    ].map((x) => x[1]);
    expect(ticks).toEqual(['1', '2', '3']);
  });

  it('counts marks over several series and shows a legend', () => {
    const series = [0, 1].map((k) => ({
      label: `s${k}`,
      points: [1, 2, 3, 4].map((x) => ({ x, y: x * (k + 1) })),
    }));
    const svg = lineChart({ title: 'l', series });
    expectWellFormedChart(svg);
    expect(marks(svg)).toHaveLength(8);
    expect(svg.match(/class="legend-swatch"/g)).toHaveLength(2);
  });
});

describe('rangeChart', () => {
  it('doc-comment example and markers inside, below and above their band', () => {
    const svg = rangeChart({
      title: 'Zone of tolerance',
      domain: [1, 5],
      rows: [
        { label: 'reliability', low: 3.9, high: 4.6, value: 3.8 },
        { label: 'tangibles', low: 3.5, high: 4.2, value: 3.9 },
        { label: 'empathy', low: 3.2, high: 4.0, value: 4.1 },
      ],
    });
    expectWellFormedChart(svg);
    const m = marks(svg);
    expect(m.map((x) => x.element)).toEqual(['path', 'circle', 'rect']);
    expect(svg.match(/class="band"/g)).toHaveLength(3);
    const band = attributes(/<rect class="band"[^>]*>/.exec(svg)![0]);
    const { left, right } = xAxisEnds(svg);
    expect(Number(band['width'])).toBeCloseTo((0.7 / 4) * (right - left), 1);
    expect(Number(m[1]!.attributes['cx'])).toBeCloseTo(left + (2.9 / 4) * (right - left), 1);
    expect(() => rangeChart({ title: 'r', rows: [{ label: 'a', low: 2, high: 1, value: 1 }] })).toThrow(
      new RangeError('rangeChart: rows[0] must have low ≤ high; got 2 > 1'),
    );
  });
});
