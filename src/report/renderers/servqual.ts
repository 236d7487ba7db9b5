import type {
  ServqualResult,
  ServqualSegment,
  ServqualTest,
  ServqualZoneRow,
  ZonePosition,
} from '../../index.js';
import { divergingBarChart } from '../charts/bar-chart.js';
import { groupedBarChart } from '../charts/grouped-bar-chart.js';
import { rangeChart } from '../charts/range-chart.js';
import { formatInterval, formatNumber, formatPercent, formatSigned, NOT_AVAILABLE } from '../format.js';
import type { Block, Section } from '../section.js';
import type { TableCell, TableColumn } from '../table.js';
import { chartBlock, column, segmentValueTable, summaryBlock, tableBlock, warningsBlock } from './blocks.js';

/** A p-value as read in a table: three decimals, or "< 0.001". */
function formatPValue(p: number | null): string {
  if (p === null || !Number.isFinite(p)) return NOT_AVAILABLE;
  return p < 0.001 ? '< 0.001' : formatNumber(p, 3);
}

const POSITION: Readonly<Record<ZonePosition, string>> = {
  below: 'below the zone',
  inside: 'inside the zone',
  above: 'above the zone',
};

/** The test of an item or a dimension, found by name (the tests are listed in the same order). */
function testOf(
  tests: readonly ServqualTest[],
  key: 'item' | 'dimension',
  name: string,
): ServqualTest | null {
  return tests.find((t) => t[key] === name) ?? null;
}

/** The columns n, expectation, perception, gap and rank of the dimension and item tables. */
function gapColumns(expectationHeader: string): TableColumn[] {
  return [
    column.integer('n'),
    column.number(expectationHeader, 2),
    column.number('perception', 2),
    column.number('gap', 2),
    column.integer('rank'),
  ];
}

/** The cells of {@link gapColumns} for a dimension or an item. */
function gapCells(row: {
  readonly n: number;
  readonly expectation: number | null;
  readonly perception: number | null;
  readonly gap: number | null;
  readonly rank: number | null;
}): TableCell[] {
  return [row.n, row.expectation, row.perception, row.gap, row.rank];
}

/** Zone-of-tolerance rows as a table: one row per item or dimension. */
function zoneTable(rows: readonly ServqualZoneRow[], key: 'item' | 'dimension', caption: string): Block {
  return tableBlock({
    caption,
    columns: [
      column.text(key),
      column.integer('n'),
      column.number('adequate', 2),
      column.number('desired', 2),
      column.number('perceived', 2),
      column.number('MSA (P − A)', 2),
      column.number('MSS (P − D)', 2),
      column.number('zone width', 2),
      column.text('position'),
      column.percent('below', 1),
      column.percent('inside', 1),
      column.percent('above', 1),
      column.integer('inverted zones'),
    ],
    rows: rows.map((row) => [
      row[key] ?? '',
      row.n,
      row.adequate,
      row.desired,
      row.perception,
      row.adequacyGap,
      row.superiorityGap,
      row.toleranceWidth,
      row.position === null ? null : POSITION[row.position],
      row.shares?.below ?? null,
      row.shares?.inside ?? null,
      row.shares?.above ?? null,
      row.invertedZones,
    ]),
    notes: [
      'MSA = measure of service adequacy, mean of P − A; MSS = measure of service superiority, mean of P − D; zone width = desired − adequate. Position compares the mean perception with the mean zone; below / inside / above are the shares of respondents whose own perception falls below, inside or above their own zone.',
    ],
  });
}

/** The zone of tolerance as a range chart (adequate to desired, perception as the marker). */
function zoneChart(rows: readonly ServqualZoneRow[], key: 'item' | 'dimension', title: string): Block[] {
  const shown = rows.filter(
    (row) =>
      row.adequate !== null && row.desired !== null && row.perception !== null && row.adequate <= row.desired,
  );
  if (shown.length === 0) return [];
  return [
    chartBlock(
      rangeChart({
        title,
        rows: shown.map((row) => ({
          label: row[key] ?? '',
          low: row.adequate!,
          high: row.desired!,
          value: row.perception!,
        })),
        bandLabel: 'zone of tolerance (adequate–desired)',
        valueLabel: 'perceived service',
        axisLabel: 'mean answer',
        decimals: 2,
      }),
    ),
  ];
}

/** Scores, dimension gaps and item gaps per segment, with the differences to the whole sample. */
function segmentBlocks(result: ServqualResult, segments: readonly ServqualSegment[]): Block[] {
  const by = result.by ?? 'segment';
  const small = segments.filter((s) => s.belowMinimumSize && s.n > 0).map((s) => s.segment);
  const empty = segments.filter((s) => s.n === 0).map((s) => s.segment);
  const notes = [
    'difference = segment − all respondents.',
    ...(small.length === 0
      ? []
      : [`Fewer than ${result.minSegmentSize} respondents, so imprecise: ${small.join(', ')}.`]),
    ...(empty.length === 0 ? [] : [`No respondents: ${empty.join(', ')}.`]),
    ...(result.missingSegment
      ? [`${result.missingSegment} respondents have no ${by} and count among all respondents only.`]
      : []),
  ];
  const weighted = result.weightedGap !== null;
  const blocks: Block[] = [
    tableBlock({
      caption: `Scores by ${by}`,
      columns: [
        column.text(by),
        column.integer('n'),
        column.number('SERVQUAL score', 3),
        { header: 'difference', kind: 'text' },
        ...(weighted
          ? [column.number('weighted score', 3), { header: 'difference', kind: 'text' as const }]
          : []),
        column.number('SERVPERF', 3),
        { header: 'difference', kind: 'text' },
      ],
      rows: [
        [
          'all respondents',
          result.n,
          result.overallGap,
          '',
          ...(weighted ? [result.weightedGap, ''] : []),
          result.servperf,
          '',
        ],
        ...segments.map((s) => [
          s.segment,
          s.n,
          s.overallGap,
          formatSigned(s.difference.overallGap, 3),
          ...(weighted ? [s.weightedGap, formatSigned(s.difference.weightedGap, 3)] : []),
          s.servperf,
          formatSigned(s.difference.servperf, 3),
        ]),
      ],
      notes,
    }),
    tableBlock({
      caption: `Dimension gaps by ${by}`,
      columns: [
        column.text('dimension'),
        column.text(by),
        column.integer('n'),
        column.number('expectation', 2),
        column.number('perception', 2),
        column.number('gap', 2),
        { header: 'difference', kind: 'text' },
        column.integer('rank'),
      ],
      rows: result.dimensions.flatMap((d, k) => [
        [d.dimension, 'all respondents', d.n, d.expectation, d.perception, d.gap, '', d.rank],
        ...segments.map((s): TableCell[] => {
          const sd = s.dimensions[k]!;
          return [
            d.dimension,
            s.segment,
            sd.n,
            sd.expectation,
            sd.perception,
            sd.gap,
            formatSigned(sd.difference.gap, 2),
            sd.rank,
          ];
        }),
      ]),
      notes: [
        'difference = segment gap − gap of all respondents; rank 1 = the largest shortfall within the segment.',
      ],
    }),
  ];
  const shown = segments.filter((s) => s.n > 0);
  if (shown.length > 0) {
    blocks.push(
      chartBlock(
        groupedBarChart({
          title: `Gap per dimension and ${by} (P − E)`,
          groups: result.dimensions.map((d) => d.dimension),
          series: [
            { label: 'all respondents', values: result.dimensions.map((d) => d.gap) },
            ...shown.map((s) => ({ label: s.segment, values: s.dimensions.map((d) => d.gap) })),
          ],
          axisLabel: 'gap P − E',
          decimals: 2,
        }),
      ),
    );
  }
  blocks.push(
    segmentValueTable(
      `Item gaps by ${by}`,
      'item',
      segments.map((s) => s.segment),
      2,
      result.items.map((item, i) => [item.item, item.gap, ...segments.map((s) => s.items[i]?.gap ?? null)]),
    ),
  );
  return blocks;
}

/**
 * `servqual`: the SERVQUAL and SERVPERF scores; the dimensions (expectation, perception, gap, rank,
 * paired t-test, importance weight) as a table and diverging gap bars; the items likewise; the
 * reliability of each dimension's expectation, perception and gap scores; the zone of tolerance
 * (tables and range charts with the perception marker) for the three-column format; gap 1 against
 * management's estimates; and the segments with their differences to the whole sample (tables and
 * grouped gap bars).
 */
export function renderServqual(result: ServqualResult): Section {
  const level = formatPercent(result.tests.confidenceLevel, 0);
  const withText = result.items.some((i) => i.text !== null);
  const importance = result.importance;
  // In the three-column format the expectation is the desired level.
  const expectationHeader = result.zoneOfTolerance === null ? 'expectation' : 'desired (E)';
  const weightOf = (dimension: string) =>
    importance?.dimensions.find((d) => d.dimension === dimension)?.weight ?? null;
  const shortfalls = result.ranking
    .slice(0, 3)
    .map((id) => result.items.find((i) => i.item === id)!)
    .filter((i) => i.gap < 0)
    .map((i) => `${i.item} (${formatSigned(i.gap, 2)})`);
  const importanceSource =
    importance === null
      ? ''
      : importance.source === 'points'
        ? 'dimension points'
        : `respondents' allocations, ${importance.n} respondents`;

  const blocks: Block[] = [
    summaryBlock([
      { label: 'SERVQUAL score (mean dimension gap P − E)', value: formatSigned(result.overallGap, 3) },
      ...(result.weightedGap === null
        ? []
        : [
            {
              label: 'Weighted SERVQUAL score',
              value: `${formatSigned(result.weightedGap, 3)} (importance from ${importanceSource})`,
            },
          ]),
      { label: 'SERVPERF (mean dimension perception)', value: formatNumber(result.servperf, 3) },
      ...(result.weightedServperf === null
        ? []
        : [{ label: 'Weighted SERVPERF', value: formatNumber(result.weightedServperf, 3) }]),
      { label: 'Largest shortfalls', value: shortfalls.length === 0 ? 'none' : shortfalls.join(', ') },
      {
        label: 'Instrument',
        value: `${result.instrument}: ${result.items.length} items in ${result.dimensions.length} dimensions`,
      },
      {
        label: 'Respondents',
        value: `${result.n} used, ${result.dropped} without any answered pair; dimension scores over ${result.dimensionScore === 'available' ? 'the items answered' : 'complete dimensions only'}${result.weighted ? '; respondent weights used' : ''}`,
      },
    ]),
    tableBlock({
      caption: 'Dimensions',
      columns: [
        column.text('dimension'),
        column.integer('items'),
        ...gapColumns(expectationHeader),
        column.text(`${level} interval`),
        column.number('t', 2),
        column.integer('df'),
        column.text('p'),
        ...(importance === null ? [] : [column.number('weight', 3)]),
      ],
      rows: result.dimensions.map((d) => {
        const t = testOf(result.tests.dimensions, 'dimension', d.dimension);
        return [
          d.dimension,
          d.items.length,
          ...gapCells(d),
          formatInterval(t?.confidenceInterval ?? null, 2),
          t?.tValue ?? null,
          t?.df ?? null,
          formatPValue(t?.pValue ?? null),
          ...(importance === null ? [] : [weightOf(d.dimension)]),
        ];
      }),
      notes: [
        `gap = P − E, the mean of each respondent's dimension gap (negative: a shortfall); rank 1 = the largest shortfall. Paired t-test of P against E with its ${level} interval of the gap.`,
        ...(importance === null
          ? []
          : [
              importance.source === 'points'
                ? 'weight = the dimension’s points / Σ points.'
                : `weight = the mean normalised allocation of ${importance.n} respondents; ${importance.missingAllocation} without a complete allocation and ${importance.incompleteScores} without a score on every dimension are left out of the weighted scores.`,
            ]),
      ],
    }),
  ];
  const dimensionBars = result.dimensions.filter((d) => d.gap !== null);
  if (dimensionBars.length > 0) {
    blocks.push(
      chartBlock(
        divergingBarChart({
          title: 'Gap per dimension (P − E)',
          bars: dimensionBars.map((d) => ({
            label: d.dimension,
            value: d.gap!,
            annotation: `rank ${d.rank}`,
          })),
          axisLabel: 'gap P − E',
          decimals: 2,
        }),
      ),
    );
  }
  blocks.push(
    tableBlock({
      caption: 'Items',
      columns: [
        column.text('item'),
        ...(withText ? [column.text('text')] : []),
        column.text('dimension'),
        ...gapColumns(expectationHeader),
        column.number('t', 2),
        column.text('p'),
      ],
      rows: result.items.map((i) => {
        const t = testOf(result.tests.items, 'item', i.item);
        return [
          i.item,
          ...(withText ? [i.text ?? ''] : []),
          i.dimension,
          ...gapCells(i),
          t?.tValue ?? null,
          formatPValue(t?.pValue ?? null),
        ];
      }),
      notes: [
        'Item figures over the respondents who answered both statements; p from the paired t-test of P against E (two-sided).',
      ],
    }),
    chartBlock(
      divergingBarChart({
        title: 'Gap per item (P − E)',
        bars: result.items.map((i) => ({ label: i.item, value: i.gap, annotation: i.dimension })),
        axisLabel: 'gap P − E',
        decimals: 2,
      }),
    ),
  );

  if (result.reliability !== null) {
    const alphaN = (a: { n: number } | null) => (a === null ? NOT_AVAILABLE : String(a.n));
    blocks.push(
      tableBlock({
        caption: "Reliability of each dimension (Cronbach's alpha)",
        columns: [
          column.text('dimension'),
          column.integer('items'),
          column.number('expectation', 3),
          column.number('perception', 3),
          column.number('gap', 3),
          column.text('n (E / P / gap)'),
        ],
        rows: result.reliability.map((r) => [
          r.dimension,
          r.k,
          r.expectation?.alpha ?? null,
          r.perception?.alpha ?? null,
          r.gap?.alpha ?? null,
          `${alphaN(r.expectation)} / ${alphaN(r.perception)} / ${alphaN(r.gap)}`,
        ]),
        notes: [
          'Listwise: respondents who answered every item of the dimension. Gap scores are less reliable than their parts when E and P correlate.',
        ],
      }),
    );
  }

  const zone = result.zoneOfTolerance;
  if (zone !== null) {
    blocks.push(
      zoneTable(zone.dimensions, 'dimension', 'Zone of tolerance by dimension'),
      ...zoneChart(zone.dimensions, 'dimension', 'Zone of tolerance by dimension'),
      zoneTable(zone.items, 'item', 'Zone of tolerance by item'),
      ...zoneChart(zone.items, 'item', 'Zone of tolerance by item'),
    );
    const inverted = [...zone.dimensions, ...zone.items].filter(
      (row) => row.adequate !== null && row.desired !== null && row.adequate > row.desired,
    );
    if (inverted.length > 0) {
      blocks.push({
        kind: 'paragraph',
        text: `Not charted, the mean adequate level exceeding the mean desired level: ${inverted.map((row) => row.dimension ?? row.item).join(', ')}.`,
      });
    }
  }

  const gap1 = result.gap1;
  if (gap1 !== null) {
    const gapTable = (rows: typeof gap1.items, key: 'item' | 'dimension', caption: string): Block =>
      tableBlock({
        caption,
        columns: [
          column.text(key),
          column.number('customer expectation', 2),
          column.number('management estimate', 2),
          column.number('gap 1', 2),
        ],
        rows: rows.map((row) => [
          row[key] ?? '',
          row.customerExpectation,
          row.managementExpectation,
          row.gap,
        ]),
        notes: [
          'gap 1 = customer expectation − management’s estimate (positive: management underestimates).',
        ],
      });
    blocks.push(
      gapTable(gap1.dimensions, 'dimension', 'Gap 1 by dimension'),
      gapTable(gap1.items, 'item', 'Gap 1 by item'),
    );
  }

  if (result.segments !== null) blocks.push(...segmentBlocks(result, result.segments));
  blocks.push(warningsBlock(result.warnings));
  return { id: 'servqual', title: 'SERVQUAL gaps', blocks };
}
