import type { SatisfactionIndexResult } from '../../index.js';
import { barChart } from '../charts/bar-chart.js';
import { groupedBarChart } from '../charts/grouped-bar-chart.js';
import { formatInterval, formatNumber, formatPercent, formatSigned } from '../format.js';
import type { Block, Section } from '../section.js';
import {
  chartBlock,
  column,
  segmentValueTable,
  summaryBlock,
  tableBlock,
  warningsBlock,
  whisker,
} from './blocks.js';

const WEIGHTING: Readonly<Record<SatisfactionIndexResult['weighting'], string>> = {
  equal: 'equal item weights',
  item: 'item weights (scoring table)',
  dimension: 'two-level weights (dimension × item)',
  analysis: 'weights from an analysis (AHP, importance, PCA)',
};

/**
 * `satisfactionIndex`: the index with its level and bootstrap interval; the scoring table per item
 * (weight, mean, score, contribution, level) with a chart of the item scores against the index; the
 * dimensions' sub-indices (table and chart); the segments' indices with their bootstrap intervals
 * (table and chart with the overall index as reference line) and, with dimensions, each segment's
 * sub-indices as grouped bars.
 */
export function renderSatisfactionIndex(result: SatisfactionIndexResult): Section {
  const level = result.bootstrap === null ? null : formatPercent(result.bootstrap.confidenceLevel, 0);
  const withText = result.items.some((i) => i.text !== null);
  const withDimension = result.items.some((i) => i.dimension !== null);
  const bands = result.levels.map((b) => `${b.label} ≥ ${b.min}`).join(', ');
  const blocks: Block[] = [
    summaryBlock([
      { label: 'Satisfaction index', value: `${formatNumber(result.index, 1)} / 100 (${result.level})` },
      ...(result.confidenceInterval === null
        ? []
        : [
            {
              label: `${level} bootstrap interval`,
              value: `${formatInterval(result.confidenceInterval, 1)} (standard error ${formatNumber(result.standardError, 2)})`,
            },
          ]),
      { label: 'Weighting', value: WEIGHTING[result.weighting] },
      {
        label: 'Respondents',
        value: `${result.n} used, ${result.dropped} answered no item, ${result.respondentsWithMissing} with a missing answer${result.weighted ? '; respondent weights used' : ''}`,
      },
    ]),
    tableBlock({
      caption: 'Scoring table',
      columns: [
        column.text('item'),
        ...(withText ? [column.text('text')] : []),
        ...(withDimension ? [column.text('dimension')] : []),
        column.number('weight', 3),
        column.integer('n'),
        column.number('mean', 2),
        { header: 'scale', kind: 'text' },
        column.number('score', 1),
        column.number('contribution', 2),
        column.text('level'),
      ],
      rows: result.items.map((i) => [
        i.item,
        ...(withText ? [i.text ?? ''] : []),
        ...(withDimension ? [i.dimension ?? ''] : []),
        i.weight,
        i.n,
        i.mean,
        `${i.min}–${i.max}`,
        i.score,
        i.contribution,
        i.level,
      ]),
      notes: [
        'score = 100 · (mean − min) / (max − min) on the item’s scale; contribution = weight · score; the contributions sum to the index.',
        `Levels: ${bands}.`,
      ],
    }),
    chartBlock(
      barChart({
        title: 'Item scores',
        bars: result.items.map((i) => ({
          label: i.item,
          value: i.score,
          annotation: `w ${formatNumber(i.weight, 3)}`,
        })),
        domain: [0, 100],
        reference: { value: result.index, label: `index ${formatNumber(result.index, 1)}` },
        axisLabel: 'score (0–100)',
        decimals: 1,
      }),
    ),
  ];
  if (result.dimensions.length > 0) {
    blocks.push(
      tableBlock({
        caption: 'Dimensions',
        columns: [
          column.text('dimension'),
          column.integer('items'),
          column.number('weight', 3),
          column.number('sub-index', 1),
          column.number('contribution', 2),
          column.text('level'),
        ],
        rows: result.dimensions.map((d) => [
          d.dimension,
          d.items.length,
          d.weight,
          d.index,
          d.contribution,
          d.level,
        ]),
      }),
      ...(result.dimensions.some((d) => d.index !== null)
        ? [
            chartBlock(
              barChart({
                title: 'Sub-index per dimension',
                bars: result.dimensions
                  .filter((d) => d.index !== null)
                  .map((d) => ({
                    label: d.dimension,
                    value: d.index!,
                    annotation: `w ${formatNumber(d.weight, 3)}`,
                  })),
                domain: [0, 100],
                reference: { value: result.index, label: `index ${formatNumber(result.index, 1)}` },
                axisLabel: 'sub-index (0–100)',
                decimals: 1,
              }),
            ),
          ]
        : []),
    );
  }
  const segments = result.segments;
  if (segments !== null) {
    const by = result.by === null ? 'segment' : result.by;
    blocks.push(
      tableBlock({
        caption: `Index by ${by}`,
        columns: [
          column.text(by),
          column.integer('n'),
          column.number('index', 1),
          { header: 'difference', kind: 'text' },
          { header: level === null ? 'interval' : `${level} interval`, kind: 'text' },
          column.number('standard error', 2),
          column.text('level'),
        ],
        rows: [
          [
            'all respondents',
            result.n,
            result.index,
            '',
            formatInterval(result.confidenceInterval, 1),
            result.standardError,
            result.level,
          ],
          ...segments.map((s) => [
            s.segment,
            s.n,
            s.index,
            formatSigned(s.difference, 1),
            s.belowMinimumSize ? `n < ${result.minSegmentSize}` : formatInterval(s.confidenceInterval, 1),
            s.standardError,
            s.level,
          ]),
        ],
        notes: [
          `Percentile bootstrap${result.bootstrap === null ? '' : ` (${result.bootstrap.resamples} resamples, seed ${result.bootstrap.seed})`}; difference = segment index − overall index.${result.missingSegment ? ` ${result.missingSegment} respondents have no ${by} and count in the overall index only.` : ''}`,
        ],
      }),
    );
    const shown = segments.filter((s) => s.index !== null);
    if (shown.length > 0) {
      blocks.push(
        chartBlock(
          barChart({
            title: level === null ? `Index by ${by}` : `Index by ${by} with ${level} intervals`,
            bars: shown.map((s) => ({
              label: s.segment,
              value: s.index!,
              ...whisker(s.confidenceInterval),
            })),
            domain: [0, 100],
            reference: { value: result.index, label: `overall ${formatNumber(result.index, 1)}` },
            axisLabel: 'index (0–100)',
            decimals: 1,
          }),
        ),
      );
    }
    if (result.dimensions.length > 0 && shown.length > 0) {
      blocks.push(
        segmentValueTable(
          `Sub-index per dimension and ${by}`,
          'dimension',
          segments.map((s) => s.segment),
          1,
          result.dimensions.map((d, k) => [
            d.dimension,
            d.index,
            ...segments.map((s) => s.dimensions[k]?.index ?? null),
          ]),
        ),
        chartBlock(
          groupedBarChart({
            title: `Sub-index per dimension and ${by}`,
            groups: result.dimensions.map((d) => d.dimension),
            series: segments.map((s) => ({ label: s.segment, values: s.dimensions.map((d) => d.index) })),
            domain: [0, 100],
            axisLabel: 'sub-index (0–100)',
            decimals: 1,
          }),
        ),
      );
    }
  }
  blocks.push(warningsBlock(result.warnings));
  return { id: 'satisfaction-index', title: 'Satisfaction index', blocks };
}
