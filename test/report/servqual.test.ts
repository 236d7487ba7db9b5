import { describe, expect, it } from 'vitest';
import { renderSection } from '../../src/report/render.js';
import { servqual } from '../../src/servqual/servqual.js';
import { bankSample } from '../helpers/data.js';
import { hotelOptions, hotelTable } from '../helpers/servqual-hotel.js';
import { chartTitle, expectEscaped, PIPE, QUOTES, rendered, SCRIPT } from './helpers.js';
import { marks } from './svg-check.js';

// The SERVQUAL section: its structure, that every chart mark is one data point with that point's
// value, that the tables carry the same numbers, and that every label from the data is escaped.
const sample = bankSample();
const points = { tangibles: 10, reliability: 30, responsiveness: 25, assurance: 20, empathy: 15 };
const bank = servqual(sample, { importance: { points }, by: 'channel' });

// The synthetic three-column hotel survey of the SERVQUAL fixtures (test/helpers/servqual-hotel.ts).
const hotel = servqual(hotelTable, hotelOptions);

describe('renderServqual on the bundled sample (importance points, by channel)', () => {
  const { markdown, charts: found, byCaption } = rendered(bank);

  it('is chosen by the method tag and titled', () => {
    expect(renderSection(bank).id).toBe('servqual');
    expect(markdown.split('\n')[0]).toBe('## SERVQUAL gaps');
  });

  it('summarises the scores with the figures of the result', () => {
    expect(markdown).toContain(`- SERVQUAL score (mean dimension gap P − E): ${bank.overallGap.toFixed(3)}`);
    expect(markdown).toContain(
      `- Weighted SERVQUAL score: ${bank.weightedGap!.toFixed(3)} (importance from dimension points)`,
    );
    expect(markdown).toContain(`- SERVPERF (mean dimension perception): ${bank.servperf.toFixed(3)}`);
    const top = bank.ranking.slice(0, 3).map((id) => {
      const item = bank.items.find((i) => i.item === id)!;
      return `${id} (${item.gap.toFixed(2)})`;
    });
    expect(markdown).toContain(`- Largest shortfalls: ${top.join(', ')}`);
  });

  it('the dimension table: E, P, gap, rank, interval, t, df, p and the importance weight', () => {
    const table = byCaption('Dimensions');
    expect(table[0]).toEqual([
      'dimension',
      'items',
      'n',
      'expectation',
      'perception',
      'gap',
      'rank',
      '95% interval',
      't',
      'df',
      'p',
      'weight',
    ]);
    expect(table.slice(2).map((row) => row[0])).toEqual(bank.dimensions.map((d) => d.dimension));
    bank.dimensions.forEach((d, k) => {
      const row = table[k + 2]!;
      const test = bank.tests.dimensions.find((t) => t.dimension === d.dimension)!;
      expect(row[5]).toBe(d.gap!.toFixed(2));
      expect(row[6]).toBe(String(d.rank));
      expect(row[8]).toBe(test.tValue!.toFixed(2));
      expect(row[9]).toBe(String(test.df));
      expect(row[11]).toBe((points[d.dimension as keyof typeof points] / 100).toFixed(3));
    });
    // tangibles: p = 0.012 (docs/servqual.md); the others are below 0.001.
    expect(table[2]![10]).toBe('0.012');
    expect(table[3]![10]).toBe('\\< 0.001');
  });

  it('the item table has a row per item with its test', () => {
    const table = byCaption('Items');
    expect(table).toHaveLength(2 + 22);
    bank.items.forEach((item, i) => {
      const row = table[i + 2]!;
      expect(row[0]).toBe(item.item);
      expect(row[6]).toBe(item.gap.toFixed(2));
      expect(row[7]).toBe(String(item.rank));
    });
  });

  it('charts: diverging gap bars by dimension and by item, grouped gaps by channel', () => {
    expect(found.map(chartTitle)).toEqual([
      'Gap per dimension (P − E)',
      'Gap per item (P − E)',
      'Gap per dimension and channel (P − E)',
    ]);
    const [dimensions, items, grouped] = found;
    // One mark per data point, carrying its value.
    expect(marks(dimensions!).map((m) => Number(m.attributes['data-value']))).toEqual(
      bank.dimensions.map((d) => d.gap),
    );
    expect(marks(items!).map((m) => Number(m.attributes['data-value']))).toEqual(
      bank.items.map((i) => i.gap),
    );
    expect(marks(grouped!)).toHaveLength(5 * (1 + 3));
    // Every gap here is negative: every bar is drawn in the shortfall colour, left of 0.
    expect(dimensions).toContain('diverging-bar-chart');
    expect(new Set(marks(items!).map((m) => m.attributes['fill']))).toHaveProperty('size', 1);
  });

  it('reliability and the segments with their differences', () => {
    const reliability = byCaption("Reliability of each dimension (Cronbach's alpha)");
    bank.reliability!.forEach((r, k) => {
      expect(reliability[k + 2]!.slice(0, 5)).toEqual([
        r.dimension,
        String(r.k),
        r.expectation!.alpha.toFixed(3),
        r.perception!.alpha.toFixed(3),
        r.gap!.alpha.toFixed(3),
      ]);
    });
    const scores = byCaption('Scores by channel');
    expect(scores.slice(2).map((row) => row[0])).toEqual(['all respondents', 'branch', 'phone', 'online']);
    const phone = bank.segments!.find((s) => s.segment === 'phone')!;
    expect(scores[3 + 1]![3]).toBe(phone.difference.overallGap!.toFixed(3));
    const gaps = byCaption('Dimension gaps by channel');
    // docs/servqual.md: the phone customers' responsiveness gap is −1.17, difference −0.27.
    const row = gaps.find((r) => r[0] === 'responsiveness' && r[1] === 'phone')!;
    expect(row.slice(5, 7)).toEqual(['-1.17', '-0.27']);
    expect(byCaption('Item gaps by channel')).toHaveLength(2 + 22);
  });

  it('has no zone-of-tolerance or gap-1 parts when the result has none', () => {
    expect(markdown).not.toContain('Zone of tolerance');
    expect(markdown).not.toContain('Gap 1');
    expect(markdown).toContain('**Warnings**');
  });

  it('without importance, segments or reliability: no weight column, fewer tables', () => {
    const plain = servqual(sample, { reliability: false, weights: false });
    const { markdown: text, charts: plainCharts, byCaption: caption } = rendered(plain);
    expect(caption('Dimensions')[0]).not.toContain('weight');
    expect(text).not.toContain('Weighted SERVQUAL');
    expect(text).not.toContain('Reliability of each dimension');
    expect(text).not.toContain('by channel');
    expect(plainCharts).toHaveLength(2);
  });
});

describe('renderServqual in the three-column format (zone of tolerance, gap 1, a small segment)', () => {
  const { markdown, charts: found, byCaption } = rendered(hotel);
  const zone = hotel.zoneOfTolerance!;

  it('zone of tolerance: tables and range charts whose markers are the perceptions', () => {
    const dimensionTable = byCaption('Zone of tolerance by dimension');
    zone.dimensions.forEach((row, k) => {
      expect(dimensionTable[k + 2]!.slice(0, 8)).toEqual([
        row.dimension,
        String(row.n),
        row.adequate!.toFixed(2),
        row.desired!.toFixed(2),
        row.perception!.toFixed(2),
        row.adequacyGap!.toFixed(2),
        row.superiorityGap!.toFixed(2),
        row.toleranceWidth!.toFixed(2),
      ]);
    });
    expect(byCaption('Zone of tolerance by item')).toHaveLength(2 + hotel.items.length);
    const ranges = found.filter((svg) => svg.includes('range-chart'));
    expect(ranges.map(chartTitle)).toEqual(['Zone of tolerance by dimension', 'Zone of tolerance by item']);
    expect(marks(ranges[0]!).map((m) => Number(m.attributes['data-value']))).toEqual(
      zone.dimensions.map((d) => d.perception),
    );
    expect(marks(ranges[1]!).map((m) => Number(m.attributes['data-value']))).toEqual(
      zone.items.map((d) => d.perception),
    );
    expect(ranges[1]!.match(/class="band"/g)).toHaveLength(hotel.items.length);
    // staff2's mean perception is below its zone: a diamond (path), the others circles.
    const below = zone.items.filter((row) => row.position === 'below').map((row) => row.item);
    expect(below).toEqual(['staff2']);
    expect(marks(ranges[1]!).filter((m) => m.element === 'path')).toHaveLength(1);
    // The desired level is the expectation: the tables say so.
    expect(byCaption('Dimensions')[0]![3]).toBe('desired (E)');
  });

  it('gap 1 tables, importance from allocations, the small segment named', () => {
    const gap1 = byCaption('Gap 1 by item');
    hotel.gap1!.items.forEach((row, i) => {
      expect(gap1[i + 2]).toEqual([
        row.item,
        row.customerExpectation!.toFixed(2),
        row.managementExpectation.toFixed(2),
        row.gap!.toFixed(2),
      ]);
    });
    expect(byCaption('Gap 1 by dimension')).toHaveLength(2 + hotel.dimensions.length);
    expect(markdown).toContain(
      `(importance from respondents' allocations, ${hotel.importance!.n} respondents)`,
    );
    expect(markdown).toContain('Fewer than 30 respondents, so imprecise: east.');
  });

  it('leaves a zone with the adequate level above the desired out of the chart, saying so', () => {
    const rows = zone.items.map((row, i) =>
      i === 0 ? { ...row, adequate: row.desired! + 0.5, position: 'inside' as const } : row,
    );
    const inverted = { ...hotel, zoneOfTolerance: { ...zone, items: rows } };
    const { markdown: text, charts: invertedCharts } = rendered(inverted);
    const itemChart = invertedCharts.find((svg) => chartTitle(svg) === 'Zone of tolerance by item')!;
    expect(marks(itemChart)).toHaveLength(hotel.items.length - 1);
    expect(text).toContain(
      `Not charted, the mean adequate level exceeding the mean desired level: ${rows[0]!.item}.`,
    );
  });
});

describe('renderServqual escapes every label from the data', () => {
  const e1 = [4, 5, 5, 3, 4, 5, 4, 5];
  const p1 = [3, 4, 5, 2, 4, 3, 3, 4];
  const e2 = [5, 5, 4, 4, 5, 5, 3, 4];
  const p2 = [4, 3, 4, 4, 2, 5, 3, 3];
  const result = servqual(
    { e1, p1, e2, p2 },
    {
      pairs: [
        { item: SCRIPT, dimension: QUOTES, expectation: 'e1', perception: 'p1' },
        { item: PIPE, dimension: SCRIPT, expectation: 'e2', perception: 'p2' },
      ],
      scale: { min: 1, max: 5 },
      by: [SCRIPT, SCRIPT, SCRIPT, SCRIPT, QUOTES, QUOTES, QUOTES, QUOTES],
      minSegmentSize: 2,
    },
  );

  it('in HTML, SVG and Markdown', () => {
    const output = rendered(result);
    expectEscaped(output);
    const found = output.charts;
    expect(found.length).toBeGreaterThanOrEqual(3);
    expect(found[0]).toContain('&lt;script&gt;');
  });
});
