import { barChart } from '../charts/bar-chart.js';
import { groupedBarChart } from '../charts/grouped-bar-chart.js';
import { formatInterval, formatNumber } from '../format.js';
import type { MethodComparisonResult } from '../method-comparison.js';
import type { Block, Section } from '../section.js';
import { chartBlock, column, summaryBlock, tableBlock, warningsBlock, whisker } from './blocks.js';

/**
 * `methodComparison`: the index under each weighting (table and chart), the items' weights and ranks
 * per weighting (tables and grouped bars), and the matrix of Kendall's tau-b between the weightings.
 */
export function renderMethodComparison(result: MethodComparisonResult): Section {
  const methods = result.methods;
  const withInterval = methods.some((m) => m.confidenceInterval !== null);
  const tau = (a: string, b: string): number | null => {
    if (a === b)
      return result.agreement.some((p) => (p.a === a || p.b === a) && p.kendallTau !== null) ? 1 : null;
    const pair = result.agreement.find((p) => (p.a === a && p.b === b) || (p.a === b && p.b === a));
    return pair?.kendallTau ?? null;
  };
  const blocks: Block[] = [
    tableBlock({
      caption: 'Satisfaction index under each weighting',
      columns: [
        column.text('weighting'),
        column.number('index', 1),
        ...(withInterval ? [column.text('interval')] : []),
        column.text('level'),
      ],
      rows: methods.map((m) => [
        m.name,
        m.index,
        ...(withInterval ? [formatInterval(m.confidenceInterval, 1)] : []),
        m.level,
      ]),
      notes: [`The same ${result.items.length} items and ${result.n} respondents under every weighting.`],
    }),
    chartBlock(
      barChart({
        title: 'Satisfaction index under each weighting',
        bars: methods.map((m) => ({
          label: m.name,
          value: m.index,
          ...whisker(m.confidenceInterval),
        })),
        domain: [0, 100],
        axisLabel: 'index (0–100)',
        decimals: 1,
      }),
    ),
    tableBlock({
      caption: 'Item weights under each weighting',
      columns: [
        column.text('item'),
        ...column.numbers(
          methods.map((m) => m.name),
          3,
        ),
      ],
      rows: result.items.map((item, i) => [item, ...methods.map((m) => m.weights[i]!)]),
    }),
    tableBlock({
      caption: 'Item ranks under each weighting (1 = heaviest)',
      columns: [
        column.text('item'),
        ...column.numbers(
          methods.map((m) => m.name),
          1,
        ),
      ],
      rows: result.items.map((item, i) => [item, ...methods.map((m) => m.ranks[i]!)]),
      notes: ['Tied weights share the mean of their ranks.'],
    }),
    chartBlock(
      groupedBarChart({
        title: 'Item weights under each weighting',
        groups: result.items,
        series: methods.map((m) => ({ label: m.name, values: m.weights })),
        axisLabel: 'weight',
        decimals: 3,
      }),
    ),
    tableBlock({
      caption: "Rank agreement between weightings (Kendall's tau-b)",
      columns: [
        column.text(''),
        ...column.numbers(
          methods.map((m) => m.name),
          3,
        ),
      ],
      rows: methods.map((a) => [a.name, ...methods.map((b) => tau(a.name, b.name))]),
      notes: ['1: the same ranking of the items; −1: the reverse; ties corrected for (tau-b).'],
    }),
    warningsBlock(result.warnings),
  ];
  return {
    id: 'method-comparison',
    title: 'Weighting methods compared',
    blocks: [
      summaryBlock([
        { label: 'Weightings', value: methods.map((m) => m.name).join(', ') },
        {
          label: 'Index range',
          value: `${formatNumber(Math.min(...methods.map((m) => m.index)), 1)}–${formatNumber(Math.max(...methods.map((m) => m.index)), 1)}`,
        },
      ]),
      ...blocks,
    ],
  };
}
