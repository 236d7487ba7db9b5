import type { NetPromoterScoreResult } from '../../index.js';
import { stackedBarChart } from '../charts/stacked-bar-chart.js';
import { PALETTE } from '../charts/svg.js';
import { formatInterval, formatNumber, formatPercent } from '../format.js';
import type { Section } from '../section.js';
import { chartBlock, column, summaryBlock, tableBlock, warningsBlock } from './blocks.js';

/**
 * `netPromoterScore`: the score with its interval, a table of promoters, passives and detractors
 * (counts and shares), and their shares as one 100 % stacked bar.
 */
export function renderNetPromoterScore(result: NetPromoterScoreResult): Section {
  const level = formatPercent(result.confidenceLevel, 0);
  const groups = [
    { label: 'promoters (9–10)', count: result.promoters, share: result.promoterShare, color: PALETTE.blue },
    { label: 'passives (7–8)', count: result.passives, share: result.passiveShare, color: PALETTE.grey },
    {
      label: 'detractors (0–6)',
      count: result.detractors,
      share: result.detractorShare,
      color: PALETTE.vermillion,
    },
  ];
  return {
    id: 'net-promoter-score',
    title: 'Net Promoter Score',
    blocks: [
      summaryBlock([
        { label: 'NPS', value: formatNumber(result.score, 1) },
        { label: `${level} interval`, value: formatInterval(result.confidenceInterval, 1) },
        { label: 'Standard error', value: formatNumber(result.standardError, 2) },
        { label: 'Respondents', value: `${result.n} answered, ${result.missing} missing` },
        ...(result.weighted
          ? [
              {
                label: 'Respondent weights',
                value: `used (effective n ${formatNumber(result.effectiveN, 1)})`,
              },
            ]
          : []),
      ]),
      tableBlock({
        caption: 'Promoters, passives and detractors',
        columns: [
          column.text('group'),
          column.integer('respondents'),
          column.percent(result.weighted ? 'share (weighted)' : 'share', 1),
        ],
        rows: groups.map((g) => [g.label, g.count, g.share]),
        notes: ['NPS = 100 × (share of promoters − share of detractors); normal (Wald) interval.'],
      }),
      ...(result.n > 0
        ? [
            chartBlock(
              stackedBarChart({
                title: 'Promoters, passives and detractors',
                categories: groups.map((g) => g.label),
                colors: groups.map((g) => g.color),
                rows: [
                  {
                    label: 'respondents',
                    values: groups.map((g) => g.share),
                    annotation: `NPS ${formatNumber(result.score, 1)}`,
                  },
                ],
              }),
            ),
          ]
        : []),
      warningsBlock(result.warnings),
    ],
  };
}
