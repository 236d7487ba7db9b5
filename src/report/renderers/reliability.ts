import type { CronbachAlphaResult, McDonaldOmegaResult } from '../../index.js';
import { barChart } from '../charts/bar-chart.js';
import { formatInterval, formatNumber, formatPercent } from '../format.js';
import type { Section } from '../section.js';
import { chartBlock, column, summaryBlock, tableBlock, warningsBlock } from './blocks.js';

function respondents(result: { n: number; dropped: number; missing: string; weighted: boolean }): string {
  return `${result.n} used, ${result.dropped} dropped (${result.missing} deletion${result.weighted ? ', weighted' : ''})`;
}

/**
 * `cronbachAlpha`: alpha with Feldt's interval and the other scale statistics, the item table
 * (item-total correlations, alpha if deleted) and a chart of alpha if each item is deleted against
 * the scale's alpha.
 */
export function renderCronbachAlpha(result: CronbachAlphaResult): Section {
  const level = formatPercent(result.confidenceLevel, 0);
  const deletable = result.items.filter((i) => i.alphaIfDeleted !== null);
  return {
    id: 'cronbach-alpha',
    title: "Reliability: Cronbach's alpha",
    blocks: [
      summaryBlock([
        { label: 'Alpha', value: formatNumber(result.alpha, 3) },
        {
          label: `${level} interval (Feldt)`,
          value: formatInterval([result.confidenceInterval.lower, result.confidenceInterval.upper], 3),
        },
        { label: 'Standardized alpha', value: formatNumber(result.standardizedAlpha, 3) },
        { label: "Guttman's lambda 6", value: formatNumber(result.guttmanLambda6, 3) },
        {
          label: 'Average inter-item correlation',
          value: formatNumber(result.averageInterItemCorrelation, 3),
        },
        { label: 'Items', value: String(result.k) },
        { label: 'Respondents', value: respondents(result) },
      ]),
      tableBlock({
        caption: 'Item statistics',
        columns: [
          column.text('item'),
          column.text('reversed'),
          column.integer('n'),
          column.number('mean', 2),
          column.number('sd', 2),
          column.number('r item-total', 3),
          column.number('r item-rest', 3),
          column.number('alpha if deleted', 3),
        ],
        rows: result.items.map((i) => [
          i.item,
          i.reversed ? 'yes' : 'no',
          i.n,
          i.mean,
          i.sd,
          i.itemTotalCorrelation,
          i.correctedItemTotalCorrelation,
          i.alphaIfDeleted,
        ]),
        notes: [
          'r item-rest: corrected item-total correlation (the item against the sum of the other items).',
        ],
      }),
      ...(deletable.length > 0
        ? [
            chartBlock(
              barChart({
                title: 'Alpha if the item is deleted',
                bars: deletable.map((i) => ({ label: i.item, value: i.alphaIfDeleted! })),
                domain: [Math.min(0, result.alpha, ...deletable.map((i) => i.alphaIfDeleted!)), 1] as const,
                reference: { value: result.alpha, label: `alpha ${formatNumber(result.alpha, 3)}` },
                axisLabel: 'alpha without the item (bars beyond the line: the item lowers alpha)',
                decimals: 3,
              }),
            ),
          ]
        : []),
      warningsBlock(result.warnings),
    ],
  };
}

/** `mcdonaldOmega`: omega total and the one-factor loadings and uniquenesses, with a loadings chart. */
export function renderMcDonaldOmega(result: McDonaldOmegaResult): Section {
  return {
    id: 'mcdonald-omega',
    title: "Reliability: McDonald's omega",
    blocks: [
      summaryBlock([
        { label: 'Omega total', value: formatNumber(result.omegaTotal, 3) },
        { label: 'Variance explained by the factor', value: formatNumber(result.varianceExplained, 3) },
        { label: 'Items', value: String(result.k) },
        { label: 'Respondents', value: respondents(result) },
        {
          label: 'Fit',
          value: `one factor, minimum residual on the correlation matrix, ${result.converged ? 'converged' : 'not converged'} after ${result.iterations} iterations`,
        },
      ]),
      tableBlock({
        caption: 'One-factor loadings',
        columns: [column.text('item'), column.number('loading', 3), column.number('uniqueness', 3)],
        rows: result.items.map((item, i) => [item, result.loadings[i]!, result.uniquenesses[i]!]),
      }),
      chartBlock(
        barChart({
          title: 'One-factor loadings',
          bars: result.items.map((item, i) => ({ label: item, value: result.loadings[i]! })),
          domain: [Math.min(0, ...result.loadings), 1],
          axisLabel: 'loading',
          decimals: 3,
        }),
      ),
      warningsBlock(result.warnings),
    ],
  };
}
