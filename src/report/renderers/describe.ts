import type { DescribeResult, ItemDescription } from '../../index.js';
import { barChart } from '../charts/bar-chart.js';
import { stackedBarChart } from '../charts/stacked-bar-chart.js';
import { ordinalColors } from '../charts/svg.js';
import { formatNumber, formatPercent } from '../format.js';
import type { Block, Section } from '../section.js';
import type { TableColumn } from '../table.js';
import { chartBlock, column, summaryBlock, tableBlock, warningsBlock } from './blocks.js';

/** Whether every item has the same scale points (so one axis and one legend fit all). */
function commonScale(items: readonly ItemDescription[]): ItemDescription['counts'] | null {
  const first = items[0]?.counts ?? [];
  if (first.length === 0) return null;
  const same = items.every(
    (item) => item.counts.length === first.length && item.counts.every((c, i) => c.value === first[i]!.value),
  );
  return same ? first : null;
}

/**
 * `describe`: a table of the item statistics (n, missing, mean, sd, median, min, max, top- and
 * bottom-box shares), a chart of the item means annotated with their top-box shares, and, when the
 * items share a scale, the answer distributions as a table and as 100 % stacked bars.
 */
export function renderDescribe(result: DescribeResult): Section {
  const items = result.items;
  const withText = items.some((i) => i.text !== null);
  const top = `top-${result.topBox} box`;
  const bottom = `bottom-${result.bottomBox} box`;
  const blocks: Block[] = [
    summaryBlock([
      { label: 'Respondents', value: String(result.n) },
      { label: 'Items', value: String(items.length) },
      { label: 'Missing answers', value: 'excluded item by item (available-case)' },
      { label: 'Respondent weights', value: result.weighted ? 'used' : 'none' },
    ]),
  ];
  const columns: TableColumn[] = [
    column.text('item'),
    ...(withText ? [column.text('text')] : []),
    column.integer('n'),
    column.integer('missing'),
    column.number('mean', 2),
    column.number('sd', 2),
    column.number('median', 1),
    column.number('min', 0),
    column.number('max', 0),
    column.percent(top, 1),
    column.percent(bottom, 1),
  ];
  blocks.push(
    tableBlock({
      caption: 'Item statistics',
      columns,
      rows: items.map((i) => [
        i.item,
        ...(withText ? [i.text ?? ''] : []),
        i.n,
        i.missing,
        i.mean,
        i.sd,
        i.median,
        i.min,
        i.max,
        i.topBoxShare,
        i.bottomBoxShare,
      ]),
      notes: [
        `sd: standard deviation (n − 1)${result.weighted ? ', weighted' : ''}. ${top}: share of answers in the top ${result.topBox} scale points; ${bottom}: in the bottom ${result.bottomBox}.`,
      ],
    }),
  );
  const answered = items.filter((i) => Number.isFinite(i.mean));
  const scale = commonScale(items);
  if (answered.length > 0) {
    blocks.push(
      chartBlock(
        barChart({
          title: `Item means with ${top} shares`,
          bars: answered.map((i) => ({
            label: i.item,
            value: i.mean,
            ...(i.topBoxShare === null ? {} : { annotation: `${top} ${formatPercent(i.topBoxShare, 0)}` }),
          })),
          ...(scale === null ? {} : { domain: [scale[0]!.value, scale.at(-1)!.value] as const }),
          axisLabel:
            scale === null ? 'mean' : `mean answer (scale ${scale[0]!.value}–${scale.at(-1)!.value})`,
          decimals: 2,
        }),
      ),
    );
  }
  if (scale !== null) {
    const categories = scale.map((c) => (c.label === null ? String(c.value) : `${c.value} ${c.label}`));
    blocks.push(
      tableBlock({
        caption: 'Answer distribution (share of answers per scale point)',
        columns: [column.text('item'), ...column.percents(categories, 1)],
        rows: items.map((i) => [i.item, ...i.counts.map((c) => (i.n === 0 ? null : c.share))]),
      }),
    );
    const distributed = items.filter((i) => i.n > 0);
    if (distributed.length > 0) {
      blocks.push(
        chartBlock(
          stackedBarChart({
            title: 'Answer distribution',
            categories,
            colors: ordinalColors(categories.length).reverse(),
            rows: distributed.map((i) => ({
              label: i.item,
              values: i.counts.map((c) => c.share),
              annotation: `mean ${formatNumber(i.mean, 2)}`,
            })),
            axisLabel: 'share of answers',
          }),
        ),
      );
    }
  }
  blocks.push(warningsBlock(result.warnings));
  return { id: 'describe', title: 'Item descriptives', blocks };
}
