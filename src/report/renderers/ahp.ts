import type { AhpResult } from '../../index.js';
import { barChart } from '../charts/bar-chart.js';
import { formatNumber } from '../format.js';
import type { Block, Section } from '../section.js';
import { chartBlock, column, summaryBlock, tableBlock, warningsBlock } from './blocks.js';

const METHOD: Readonly<Record<AhpResult['priorityMethod'], string>> = {
  eigenvector: 'principal eigenvector',
  'geometric-mean': 'row geometric means',
  'column-mean': 'means of the normalised columns',
};

/** Ranks by descending weight, ties sharing the best rank (1 = heaviest). */
function ranks(weights: readonly number[]): number[] {
  return weights.map((w) => 1 + weights.filter((v) => v > w).length);
}

/**
 * `ahp`: the consistency check (λmax, CI, RI, CR), the priority weights (table and chart), the
 * judgment matrix used, and for an inconsistent matrix the judgments that contribute most to the
 * inconsistency with the values consistent with the weights.
 */
export function renderAhp(result: AhpResult): Section {
  const rank = ranks(result.weights);
  const blocks: Block[] = [
    summaryBlock([
      {
        label: 'Consistency ratio',
        value: `${formatNumber(result.consistencyRatio, 3)} (${result.consistent ? 'consistent' : 'not consistent'}: threshold ${result.consistencyThreshold})`,
      },
      { label: 'λmax', value: formatNumber(result.lambdaMax, 4) },
      { label: 'Consistency index', value: formatNumber(result.consistencyIndex, 4) },
      {
        label: 'Random index',
        value: `${formatNumber(result.randomIndex, 2)} (${result.randomIndexTable.source})`,
      },
      { label: 'Priorities', value: METHOD[result.priorityMethod] },
      ...(result.completed
        ? [{ label: 'Missing judgments', value: `${result.missing} completed (Harker)` }]
        : []),
    ]),
    tableBlock({
      caption: 'Priority weights',
      columns: [column.text('criterion'), column.number('weight', 4), column.integer('rank')],
      rows: result.labels.map((label, i) => [label, result.weights[i]!, rank[i]!]),
    }),
    chartBlock(
      barChart({
        title: 'AHP priority weights',
        bars: result.labels.map((label, i) => ({ label, value: result.weights[i]! })),
        axisLabel: 'weight (the weights sum to 1)',
        decimals: 3,
      }),
    ),
    tableBlock({
      caption: result.completed ? 'Judgment matrix (completed)' : 'Judgment matrix',
      columns: [column.text(''), ...column.numbers(result.labels, 3)],
      rows: result.matrix.map((row, i) => [result.labels[i]!, ...row]),
      notes: [
        'Entry (row, column): how much more important the row is than the column, on Saaty’s 1–9 scale.',
      ],
    }),
  ];
  if (result.diagnosis.length > 0) {
    blocks.push(
      tableBlock({
        caption: 'Judgments contributing most to the inconsistency',
        columns: [
          column.text('judgment'),
          column.number('given', 3),
          column.number('consistent with the weights', 3),
          column.number('nearest scale value', 3),
          column.percent('share of inconsistency', 1),
        ],
        rows: result.diagnosis
          .slice(0, 5)
          .map((d) => [
            `${d.rowLabel} vs ${d.columnLabel}`,
            d.value,
            d.consistentValue,
            d.nearestScaleValue,
            d.contribution,
          ]),
      }),
    );
  }
  blocks.push(warningsBlock(result.warnings));
  return { id: 'ahp', title: 'AHP weights', blocks };
}
