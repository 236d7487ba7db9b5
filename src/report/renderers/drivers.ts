import {
  type ImportancePerformanceResult,
  QUADRANT_LABELS,
  type RegressResult,
  type RelativeImportanceResult,
} from '../../index.js';
import { barChart } from '../charts/bar-chart.js';
import { quadrantChart } from '../charts/quadrant-chart.js';
import { formatInterval, formatNumber, formatPercent, NOT_AVAILABLE } from '../format.js';
import type { Block, Section } from '../section.js';
import type { TableCell } from '../table.js';
import { chartBlock, column, summaryBlock, tableBlock, warningsBlock, whisker } from './blocks.js';

/**
 * A p-value as `summary.lm` prints it (`format.pval` with 3 significant digits): "< 2e-16" below
 * R's machine epsilon 2.2e-16, scientific below 1e-4, else 3 significant digits.
 */
export function formatPValue(p: number | null): string {
  if (p === null || !Number.isFinite(p)) return NOT_AVAILABLE;
  if (p < 2.220446049250313e-16) return '< 2e-16';
  return p < 1e-4 ? p.toExponential(2) : p.toPrecision(3);
}

/** The significance code of `summary.lm`: *** below 0.001, ** 0.01, * 0.05, . 0.1. */
function stars(p: number): string {
  if (!(p < 0.1)) return '';
  return p < 0.001 ? '***' : p < 0.01 ? '**' : p < 0.05 ? '*' : '.';
}

/** The respondents of a listwise analysis: used, dropped, and whether respondent weights were used. */
function listwise(n: number, dropped: number, weighted: boolean): string {
  return `${n} used, ${dropped} dropped for a missing answer (listwise)${weighted ? '; respondent weights used' : ''}`;
}

/**
 * `regress` (method `ols` or `wls`): the coefficient table as `summary.lm` prints it (estimate,
 * standard error, t, p with significance codes, the confidence interval, beta and VIF), the model
 * fit (R², adjusted R², F with its p-value, residual standard error, respondents used and dropped)
 * and the warnings.
 */
export function renderRegress(result: RegressResult): Section {
  const level = formatPercent(result.confidenceLevel, 0);
  const p = result.drivers.length;
  const blocks: Block[] = [
    summaryBlock([
      { label: 'Model', value: `${result.outcome} ~ ${result.drivers.join(' + ')}` },
      {
        label: 'Fit',
        value:
          result.method === 'wls' ? 'weighted least squares (respondent weights)' : 'ordinary least squares',
      },
      {
        label: 'R²',
        value: `${formatNumber(result.rSquared, 4)} (adjusted ${formatNumber(result.adjustedRSquared, 4)})`,
      },
      {
        label: 'F-statistic',
        value: `${formatNumber(result.fStatistic, 2)} on ${p} and ${result.df} DF, p-value ${formatPValue(result.fPValue)}`,
      },
      {
        label: 'Residual standard error',
        value: `${formatNumber(result.residualStandardError, 4)} on ${result.df} degrees of freedom`,
      },
      {
        label: 'Respondents',
        value: listwise(result.n, result.dropped, false),
      },
    ]),
    tableBlock({
      caption: 'Coefficients',
      columns: [
        column.text('term'),
        column.number('estimate', 4),
        column.number('std. error', 4),
        column.number('t value', 2),
        column.text('Pr(>|t|)'),
        column.text('signif.'),
        column.text(`${level} interval`),
        column.number('beta', 3),
        column.number('VIF', 2),
      ],
      rows: result.coefficients.map((c) => [
        c.term,
        c.estimate,
        c.standardError,
        c.tValue,
        formatPValue(c.pValue),
        stars(c.pValue),
        formatInterval(c.confidenceInterval, 4),
        c.standardized,
        c.vif,
      ]),
      notes: [
        `p from Student's t on ${result.df} degrees of freedom (two-sided). Signif. codes: *** < 0.001, ** < 0.01, * < 0.05, . < 0.1. beta = estimate × sd(driver) / sd(outcome); VIF = 1 / (1 − R²) of the driver on the other drivers (above 10: strong collinearity).`,
      ],
    }),
    warningsBlock(result.warnings),
  ];
  return { id: 'regression', title: 'Regression', blocks };
}

const IMPORTANCE_METHOD: Readonly<Record<RelativeImportanceResult['method'], string>> = {
  shapley: 'Shapley value (LMG) decomposition of R²',
  'relative-weights': "Johnson's relative weights",
  first: 'squared correlations with the outcome (first)',
};

/**
 * `relativeImportance` (method `shapley`, `relative-weights` or `first`): R² and the method; each
 * driver's importance, share and rank with the bootstrap intervals when there are some (table and
 * bars of the shares with interval whiskers); and the pairwise comparisons of the bootstrap, whether
 * the order of each pair is supported.
 */
export function renderRelativeImportance(result: RelativeImportanceResult): Section {
  const bootstrap = result.bootstrap;
  const level = bootstrap === null ? null : formatPercent(bootstrap.confidenceLevel, 0);
  const byRank = [...result.drivers].sort((a, b) => a.rank - b.rank);
  const shareOf = result.method === 'first' ? 'Σ r²' : 'R²';
  const blocks: Block[] = [
    summaryBlock([
      { label: 'Outcome', value: result.outcome },
      { label: 'R² of all drivers', value: formatNumber(result.rSquared, 4) },
      { label: 'Method', value: IMPORTANCE_METHOD[result.method] },
      { label: 'Most important', value: byRank.length === 0 ? NOT_AVAILABLE : byRank[0]!.driver },
      ...(bootstrap === null
        ? []
        : [
            {
              label: 'Bootstrap',
              value: `${bootstrap.resamples} resamples (seed ${bootstrap.seed}), ${level} percentile intervals${result.discardedResamples ? `; ${result.discardedResamples} resamples discarded` : ''}`,
            },
          ]),
      {
        label: 'Respondents',
        value: listwise(result.n, result.dropped, result.weighted),
      },
    ]),
    tableBlock({
      caption: 'Relative importance',
      columns: [
        column.integer('rank'),
        column.text('driver'),
        column.number('importance', 4),
        column.percent('share', 1),
        ...(bootstrap === null
          ? []
          : [
              column.text(`${level} interval of importance`),
              column.text(`${level} interval of share`),
              column.number('standard error', 4),
            ]),
        column.number('correlation', 3),
        column.number('beta', 3),
      ],
      rows: byRank.map((d) => [
        d.rank,
        d.driver,
        d.importance,
        d.share,
        ...(bootstrap === null
          ? []
          : [
              formatInterval(d.importanceInterval, 4),
              d.shareInterval === null
                ? NOT_AVAILABLE
                : `${formatPercent(d.shareInterval[0], 1)}–${formatPercent(d.shareInterval[1], 1)}`,
              d.standardError,
            ]),
        d.correlation,
        d.standardizedCoefficient,
      ]),
      notes: [
        result.method === 'first'
          ? 'importance = r², the squared correlation with the outcome (the r² do not sum to R² when the drivers are correlated); share = importance / Σ importance.'
          : 'importance = the driver’s part of R² (the importances sum to R²); share = importance / R². beta = standardized coefficient in the regression on all drivers.',
      ],
    }),
    chartBlock(
      barChart({
        title: `Relative importance (share of ${shareOf})`,
        bars: byRank.map((d) => ({
          label: d.driver,
          value: d.share,
          ...whisker(d.shareInterval),
        })),
        axisLabel: `share of ${shareOf}`,
        decimals: 3,
      }),
    ),
  ];
  if (result.comparisons !== null && result.comparisons.length > 0) {
    const rows: TableCell[][] = result.comparisons.map((c) => [
      c.driver,
      c.other,
      c.difference,
      formatInterval(c.confidenceInterval, 4),
      c.proportionAhead,
      c.distinguishable ? 'yes' : 'no',
    ]);
    const unresolved = result.comparisons.filter((c) => !c.distinguishable).length;
    blocks.push(
      tableBlock({
        caption: 'Pairwise comparisons of importance',
        columns: [
          column.text('driver'),
          column.text('ahead of'),
          column.number('difference', 4),
          column.text(`${level} interval`),
          column.percent('ahead in resamples', 1),
          column.text('distinguishable'),
        ],
        rows,
        notes: [
          `difference = importance of the driver − importance of the other; distinguishable when its ${level} bootstrap interval excludes 0. ${unresolved} of ${result.comparisons.length} pairs are not distinguishable.`,
        ],
      }),
    );
  }
  blocks.push(warningsBlock(result.warnings));
  return { id: 'relative-importance', title: 'Relative importance', blocks };
}

const IPA_IMPORTANCE: Readonly<Record<ImportancePerformanceResult['importanceMethod'], string>> = {
  shapley: 'Shapley share of R²',
  'relative-weights': 'relative-weight share of R²',
  first: 'share of the squared correlations',
  standardized: 'standardized regression coefficient',
  correlation: 'correlation with the outcome',
  stated: 'stated importance',
};

const RULE: Readonly<Record<string, string>> = {
  mean: 'mean of the drivers',
  median: 'median of the drivers',
  midpoint: 'scale midpoint',
  given: 'given',
};

/**
 * `importancePerformance`: the quadrant map (importance against performance, crosshairs at the
 * thresholds, Martilla & James's quadrant names, each driver labelled) and the table of the drivers
 * by action priority with their quadrant; the crosshairs and the drivers of each quadrant.
 */
export function renderImportancePerformance(result: ImportancePerformanceResult): Section {
  const topBox = result.performanceMeasure === 'top-box';
  const performanceName = topBox ? `top-${result.topBox} box share` : 'mean answer';
  const { thresholds } = result;
  const byPriority = [...result.drivers].sort((a, b) => a.priorityRank - b.priorityRank);
  const quadrantEntries = (Object.keys(QUADRANT_LABELS) as (keyof typeof QUADRANT_LABELS)[]).map(
    (quadrant) => ({
      label: QUADRANT_LABELS[quadrant],
      value: result.quadrants[quadrant].length === 0 ? 'none' : result.quadrants[quadrant].join(', '),
    }),
  );
  const blocks: Block[] = [
    summaryBlock([
      ...quadrantEntries,
      { label: 'First place to act', value: byPriority[0]?.driver ?? NOT_AVAILABLE },
      {
        label: 'Importance',
        value: `${IPA_IMPORTANCE[result.importanceMethod]}${result.outcome === null ? '' : ` (outcome ${result.outcome})`}${result.rSquared === null ? '' : `, R² ${formatNumber(result.rSquared, 4)}`}`,
      },
      { label: 'Performance', value: performanceName },
      {
        label: 'Crosshairs',
        value: `importance ${formatNumber(thresholds.importance, 3)} (${RULE[thresholds.importanceRule]}), performance ${topBox ? formatPercent(thresholds.performance, 1) : formatNumber(thresholds.performance, 2)} (${RULE[thresholds.performanceRule]})`,
      },
      {
        label: 'Respondents',
        value: listwise(result.n, result.dropped, result.weighted),
      },
    ]),
    chartBlock(
      quadrantChart({
        title: 'Importance–performance map',
        points: result.drivers.map((d) => ({ label: d.driver, x: d.importance, y: d.performance })),
        xLabel: `importance (${IPA_IMPORTANCE[result.importanceMethod]})`,
        yLabel: `performance (${performanceName})`,
        xSplit: thresholds.importance,
        ySplit: thresholds.performance,
        // Top-left, top-right, bottom-left, bottom-right: importance grows to the right.
        quadrants: [
          QUADRANT_LABELS['possible-overkill'],
          QUADRANT_LABELS['keep-up-the-good-work'],
          QUADRANT_LABELS['low-priority'],
          QUADRANT_LABELS['concentrate-here'],
        ],
        decimals: 3,
      }),
    ),
    tableBlock({
      caption: 'Drivers by action priority',
      columns: [
        column.integer('priority'),
        column.text('driver'),
        column.number('importance', 3),
        column.percent('share', 1),
        topBox ? column.percent('performance', 1) : column.number('performance', 2),
        column.text('scale'),
        topBox ? column.percent('gap', 1) : column.number('gap', 2),
        column.number('importance × gap', 4),
        column.text('quadrant'),
      ],
      rows: byPriority.map((d) => [
        d.priorityRank,
        d.driver,
        d.importance,
        d.share,
        d.performance,
        `${d.scale.min}–${d.scale.max}`,
        d.gap,
        d.priority,
        d.quadrantLabel,
      ]),
      notes: [
        `gap = ${topBox ? '1 − top-box share' : 'scale maximum − mean'}, the room for improvement; priority 1 = the largest importance × gap. A driver on a crosshair counts as high (Martilla & James 1977).`,
      ],
    }),
    warningsBlock(result.warnings),
  ];
  return { id: 'importance-performance', title: 'Importance–performance map', blocks };
}
