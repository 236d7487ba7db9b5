import { type PcaResult, quantile } from '../../index.js';
import { barChart } from '../charts/bar-chart.js';
import { lineChart } from '../charts/line-chart.js';
import { formatNumber, formatPercent } from '../format.js';
import type { Block, Section } from '../section.js';
import type { TableCell, TableColumn } from '../table.js';
import { chartBlock, column, summaryBlock, tableBlock, warningsBlock } from './blocks.js';

/**
 * The eigenvalue bound of Kaiser's rule: the average eigenvalue, which is 1 for the correlation
 * basis (the rule's own threshold when it was applied).
 */
function kaiserThreshold(result: PcaResult): number {
  if (result.retention.rule === 'kaiser' && result.retention.threshold !== null) {
    return result.retention.threshold;
  }
  if (result.basis === 'correlation') return 1;
  return result.eigenvalues.reduce((a, b) => a + b, 0) / result.eigenvalues.length;
}

function retentionText(result: PcaResult): string {
  const { rule, threshold } = result.retention;
  if (rule === 'kaiser') {
    return result.basis === 'correlation'
      ? "Kaiser's rule (eigenvalue above 1)"
      : `Kaiser's rule (eigenvalue above the average, ${formatNumber(threshold, 3)})`;
  }
  if (rule === 'cumulative') return `a variance target of ${formatPercent(threshold, 0)}`;
  return 'a fixed number';
}

/** R type-7 lower quartile, median and upper quartile of the non-null values, or null without any. */
function quartiles(values: readonly (number | null)[]): [number, number, number] | null {
  const kept = values.filter((value): value is number => value !== null);
  if (kept.length === 0) return null;
  return [quantile(kept, 0.25), quantile(kept, 0.5), quantile(kept, 0.75)];
}

/** The adequacy summary entries and the per-item MSA table. */
function adequacyBlocks(result: PcaResult): { entries: { label: string; value: string }[]; blocks: Block[] } {
  const entries: { label: string; value: string }[] = [];
  const blocks: Block[] = [];
  if (result.kmo === null) {
    entries.push({
      label: 'Sampling adequacy',
      value: 'not available: the correlation matrix is not positive definite',
    });
  } else {
    entries.push({
      label: 'KMO (sampling adequacy)',
      value: `${formatNumber(result.kmo.overall, 3)} (${result.kmo.adequacy})`,
    });
    blocks.push(
      tableBlock({
        caption: 'Sampling adequacy of each item (KMO)',
        columns: [column.text('item'), column.number('MSA', 3), column.text('adequacy')],
        rows: result.kmo.items.map((i) => [i.item, i.msa, i.adequacy]),
        notes: [
          "MSA = Σ r² / (Σ r² + Σ q²) over the item's correlations r and partial correlations q with the other items. Kaiser's labels: ≥ 0.9 marvelous, ≥ 0.8 meritorious, ≥ 0.7 middling, ≥ 0.6 mediocre, ≥ 0.5 miserable, below unacceptable.",
        ],
      }),
    );
  }
  if (result.bartlett !== null) {
    const b = result.bartlett;
    entries.push({
      label: "Bartlett's test of sphericity",
      value: `χ² = ${formatNumber(b.chiSquare, 2)}, df = ${b.df}, p ${b.pValue < 0.001 ? '< 0.001' : `= ${formatNumber(b.pValue, 3)}`}${result.weighted ? ` (effective n ${formatNumber(b.sampleSize, 1)})` : ''}`,
    });
  }
  return { entries, blocks };
}

/** The loadings table of the kept (or rotated) components, with communalities and sums of squares. */
function loadingsBlock(result: PcaResult): Block {
  const rotated = result.rotated;
  const names = rotated?.components ?? result.componentNames;
  const loadings = rotated?.loadings ?? result.loadings;
  const sums = rotated?.sumsOfSquares ?? result.eigenvalues.slice(0, result.retained);
  const proportion = rotated?.proportion ?? result.proportion.slice(0, result.retained);
  const cumulative = rotated?.cumulative ?? result.cumulative.slice(0, result.retained);
  const columns: TableColumn[] = [
    column.text('item'),
    ...column.numbers(names, 3),
    column.number('communality', 3),
  ];
  const rows: TableCell[][] = result.items.map((item, i) => [
    item,
    ...loadings[i]!,
    result.communalities[i]!,
  ]);
  rows.push(
    ['sum of squares', ...sums, ''],
    ['proportion of variance', ...proportion, ''],
    ['cumulative proportion', ...cumulative, ''],
  );
  return tableBlock({
    caption: rotated === null ? 'Loadings' : 'Rotated loadings (varimax)',
    columns,
    rows,
    notes: [
      `${rotated === null ? 'Loading = eigenvector × √eigenvalue' : 'Varimax-rotated loadings (Kaiser normalisation)'}${result.basis === 'correlation' ? ': the correlation of the item with the component' : ''}; communality = Σ of the item's squared loadings over the kept components. Each component is signed so that its largest loading is positive.`,
    ],
  });
}

/** The composite score: its weights, the distribution of the 0–100 score, and the segments. */
function compositeBlocks(result: PcaResult): Block[] {
  const blocks: Block[] = [
    tableBlock({
      caption: 'Weights of the composite score',
      columns: [column.text('component'), column.number('eigenvalue', 3), column.number('weight', 3)],
      rows: result.componentNames.map((name, j) => [
        name,
        result.eigenvalues[j]!,
        result.compositeWeights[j]!,
      ]),
      notes: [
        'Composite score C = Σ weight × component score, weight = eigenvalue / Σ kept eigenvalues (unrotated components); rescaled to 0–100 by 100 · (C − min C) / (max C − min C) over the scored respondents.',
      ],
    }),
  ];
  const spread = result.scaledCompositeScore === null ? null : quartiles(result.scaledCompositeScore);
  if (spread !== null && result.compositeRange !== null) {
    blocks.push(
      tableBlock({
        caption: 'Composite score of the respondents',
        columns: [
          column.integer('scored'),
          column.integer('unscored'),
          column.number('C min', 3),
          column.number('C max', 3),
          column.number('0–100: lower quartile', 1),
          column.number('median', 1),
          column.number('upper quartile', 1),
        ],
        rows: [
          [
            result.scored,
            result.unscored,
            result.compositeRange.min,
            result.compositeRange.max,
            spread[0],
            spread[1],
            spread[2],
          ],
        ],
        notes: [
          'Quartiles of the 0–100 score over the scored respondents (R type 7, unweighted); unscored respondents left an analysed item unanswered.',
        ],
      }),
    );
  }
  const segments = result.segments;
  if (segments !== null) {
    const by = result.by ?? 'segment';
    const empty = segments.filter((s) => s.compositeScore === null).map((s) => s.segment);
    blocks.push(
      tableBlock({
        caption: `Segments ranked by composite score (${by})`,
        columns: [
          column.integer('rank'),
          column.text(by),
          column.integer('scored'),
          column.integer('unscored'),
          column.number('composite score', 3),
          column.number('0–100 score', 1),
        ],
        rows: segments.map((s) => [
          s.rank,
          s.segment,
          s.n,
          s.unscored,
          s.compositeScore,
          s.scaledCompositeScore,
        ]),
        notes: [
          `Mean over the segment's scored respondents${result.weighted ? ' (respondent-weighted)' : ''}; rank 1 = the highest mean composite score.`,
          ...(empty.length === 0 ? [] : [`No scored respondents: ${empty.join(', ')}.`]),
        ],
      }),
    );
    const shown = segments.filter((s) => s.compositeScore !== null);
    if (shown.length > 0) {
      blocks.push(
        chartBlock(
          barChart({
            title: `Mean composite score by ${by}`,
            bars: shown.map((s) => ({
              label: s.segment,
              value: s.compositeScore!,
              annotation: `rank ${s.rank}`,
            })),
            axisLabel: 'mean composite score',
            decimals: 3,
          }),
        ),
      );
    }
  }
  return blocks;
}

/**
 * `pca`: sampling adequacy (KMO overall and per item, Bartlett's test); the scree plot (eigenvalues
 * with a reference line at Kaiser's threshold) and the scree table (eigenvalue, proportion,
 * cumulative, kept); the loadings of the kept components (rotated ones after a rotation) with
 * communalities and sums of squares; the weights of the composite score with the spread of the
 * 0–100 score; and the segments ranked by mean composite score (table and bars). Per-respondent
 * scores are summarised, never listed.
 */
export function renderPca(result: PcaResult): Section {
  const kept = result.retained;
  const threshold = kaiserThreshold(result);
  const adequacy = adequacyBlocks(result);
  const blocks: Block[] = [
    summaryBlock([
      {
        label: 'Components kept',
        value: `${kept} of ${result.items.length} by ${retentionText(result)}, explaining ${formatPercent(result.cumulative[kept - 1]!, 1)} of the variance`,
      },
      ...adequacy.entries,
      {
        label: 'Basis',
        value: `${result.basis === 'correlation' ? 'correlation matrix (standardized items)' : 'covariance matrix (items in their own units)'}, ${result.missing} deletion`,
      },
      {
        label: 'Rotation',
        value:
          result.rotated === null
            ? 'none'
            : `varimax (Kaiser normalisation), ${result.rotated.converged ? 'converged' : 'not converged'} after ${result.rotated.iterations} iterations`,
      },
      {
        label: 'Respondents',
        value: `${result.n} used, ${result.dropped} dropped${result.weighted ? '; respondent weights used' : ''}${result.compositeScore === null ? '' : `; ${result.scored} scored, ${result.unscored} without scores`}`,
      },
    ]),
    ...adequacy.blocks,
    tableBlock({
      caption: 'Eigenvalues (scree table)',
      columns: [
        column.integer('component'),
        column.number('eigenvalue', 3),
        column.percent('proportion', 1),
        column.percent('cumulative', 1),
        column.text('kept'),
      ],
      rows: result.eigenvalues.map((value, j) => [
        j + 1,
        value,
        result.proportion[j]!,
        result.cumulative[j]!,
        j < kept ? 'yes' : 'no',
      ]),
      notes: [
        `proportion = eigenvalue / Σ eigenvalues; Kaiser's threshold ${formatNumber(threshold, 3)} is the reference line of the scree plot.`,
      ],
    }),
    chartBlock(
      lineChart({
        title: 'Scree plot',
        series: [
          {
            label: 'eigenvalue',
            points: result.eigenvalues.map((value, j) => ({ x: j + 1, y: value })),
          },
        ],
        xLabel: 'component',
        yLabel: 'eigenvalue',
        integerX: true,
        reference: {
          value: threshold,
          label: result.basis === 'correlation' ? 'eigenvalue 1 (Kaiser)' : 'average eigenvalue (Kaiser)',
        },
        decimals: 3,
      }),
    ),
    loadingsBlock(result),
    ...compositeBlocks(result),
    warningsBlock(result.warnings),
  ];
  return { id: 'pca', title: 'Principal components', blocks };
}
