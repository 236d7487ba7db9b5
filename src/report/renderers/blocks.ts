// The pieces every renderer builds its section from: the blocks, table columns of each kind, the
// table of one value per segment and the interval whisker of a bar.

import type { Block } from '../section.js';
import type { Table, TableCell, TableColumn } from '../table.js';

/** A block of summary entries (label: value). */
export function summaryBlock(entries: readonly { readonly label: string; readonly value: string }[]): Block {
  return { kind: 'summary', entries };
}

/** A table block. */
export function tableBlock(table: Table): Block {
  return { kind: 'table', table };
}

/** A chart block: an SVG string made by a chart function. */
export function chartBlock(svg: string): Block {
  return { kind: 'chart', svg };
}

/** The block of a result's warnings (shown only when there are some). */
export function warningsBlock(warnings: readonly string[]): Block {
  return { kind: 'warnings', warnings };
}

/**
 * Table columns by the kind of their cells (see {@link TableColumn}): text (left-aligned, as given),
 * whole numbers, numbers with `decimals` digits, shares as percentages; `numbers` and `percents`
 * give one column per header.
 */
export const column = {
  text: (header: string): TableColumn => ({ header }),
  integer: (header: string): TableColumn => ({ header, kind: 'integer' }),
  number: (header: string, decimals: number): TableColumn => ({ header, kind: 'number', decimals }),
  percent: (header: string, decimals: number): TableColumn => ({ header, kind: 'percent', decimals }),
  numbers: (headers: readonly string[], decimals: number): TableColumn[] =>
    headers.map((header) => column.number(header, decimals)),
  percents: (headers: readonly string[], decimals: number): TableColumn[] =>
    headers.map((header) => column.percent(header, decimals)),
};

/**
 * A table of one value per row for all respondents and for each segment, with `decimals` digits:
 * each row is [name, value of all respondents, value of each segment].
 */
export function segmentValueTable(
  caption: string,
  header: string,
  segments: readonly string[],
  decimals: number,
  rows: readonly (readonly TableCell[])[],
): Block {
  return tableBlock({
    caption,
    columns: [column.text(header), column.number('all', decimals), ...column.numbers(segments, decimals)],
    rows,
  });
}

/** The `low` and `high` of a bar's interval whisker, or nothing without an interval. */
export function whisker(
  interval: readonly [number, number] | null,
): { readonly low: number; readonly high: number } | Record<string, never> {
  return interval === null ? {} : { low: interval[0], high: interval[1] };
}
