import { escapeHtml, escapeMarkdown, escapeMarkdownCell } from './escape.js';
import { formatNumber, formatPercent, NOT_AVAILABLE } from './format.js';

/**
 * A column of a {@link Table}: its header and how its cells read. `'text'` cells are shown as given
 * (left-aligned); `'number'` cells with `decimals` digits, `'percent'` cells (shares 0–1) as
 * percentages with `decimals` digits, `'integer'` cells without decimals; those three are
 * right-aligned.
 */
export interface TableColumn {
  readonly header: string;
  readonly kind?: 'text' | 'number' | 'percent' | 'integer';
  /** Digits after the point of `'number'` (default 2) and `'percent'` (default 1) cells. */
  readonly decimals?: number;
}

/** A table cell: text, a number (formatted by its column), or `null` for "not available". */
export type TableCell = string | number | null;

/**
 * A table rendered alike to Markdown and to HTML: a caption, headed columns, rows of cells and notes
 * under the table.
 */
export interface Table {
  readonly caption?: string;
  readonly columns: readonly TableColumn[];
  readonly rows: readonly (readonly TableCell[])[];
  readonly notes?: readonly string[];
}

function isNumeric(column: TableColumn): boolean {
  return column.kind !== undefined && column.kind !== 'text';
}

/** The text of one cell, formatted by its column (unescaped). */
export function formatCell(cell: TableCell, column: TableColumn): string {
  if (cell === null) return NOT_AVAILABLE;
  if (typeof cell === 'string') return cell;
  switch (column.kind ?? 'text') {
    case 'percent':
      return formatPercent(cell, column.decimals ?? 1);
    case 'integer':
      return formatNumber(cell, 0);
    case 'number':
      return formatNumber(cell, column.decimals ?? 2);
    default:
      return Number.isFinite(cell) ? String(cell) : NOT_AVAILABLE;
  }
}

function checkTable(fn: string, table: Table): void {
  const width = table.columns.length;
  if (width === 0) throw new RangeError(`${fn}: a table needs at least one column; got none`);
  table.rows.forEach((row, r) => {
    if (row.length !== width) {
      throw new RangeError(
        `${fn}: every row must have ${width} cells (one per column); got ${row.length} in row ${r}`,
      );
    }
  });
}

/**
 * A GFM Markdown table: the caption as a bold line above, a header row, an alignment row (`---:` for
 * numeric columns), one row per data row, and the notes as lines below. Every cell is escaped with
 * {@link escapeMarkdownCell}, so each row has exactly one cell per column.
 * @throws {RangeError} when a row does not have one cell per column
 * @example
 * tableToMarkdown({ columns: [{ header: 'item' }, { header: 'mean', kind: 'number', decimals: 1 }], rows: [['q1', 4.25]] })
 * // '| item | mean |\n| --- | ---: |\n| q1 | 4.3 |'
 */
export function tableToMarkdown(table: Table): string {
  checkTable('tableToMarkdown', table);
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  const lines: string[] = [];
  if (table.caption) lines.push(`**${escapeMarkdown(table.caption)}**`, '');
  lines.push(line(table.columns.map((c) => escapeMarkdownCell(c.header))));
  lines.push(line(table.columns.map((c) => (isNumeric(c) ? '---:' : '---'))));
  for (const row of table.rows) {
    lines.push(line(row.map((cell, i) => escapeMarkdownCell(formatCell(cell, table.columns[i]!)) || ' ')));
  }
  for (const note of table.notes ?? []) lines.push('', escapeMarkdown(note));
  return lines.join('\n');
}

const RIGHT = ' class="num" style="text-align:right"';

/**
 * An HTML table: `<caption>`, a header row of `<th scope="col">`, one `<tr>` per row and the notes
 * in `<p class="note">` after the table. Numeric columns are right-aligned (inline style, so a
 * fragment keeps it without the document's stylesheet). Every cell is escaped.
 * @throws {RangeError} when a row does not have one cell per column
 */
export function tableToHTML(table: Table): string {
  checkTable('tableToHTML', table);
  const align = (c: TableColumn) => (isNumeric(c) ? RIGHT : '');
  const head = table.columns.map((c) => `<th scope="col"${align(c)}>${escapeHtml(c.header)}</th>`).join('');
  const body = table.rows
    .map(
      (row) =>
        `<tr>${row
          .map((cell, i) => {
            const column = table.columns[i]!;
            return `<td${align(column)}>${escapeHtml(formatCell(cell, column))}</td>`;
          })
          .join('')}</tr>`,
    )
    .join('\n');
  const caption = table.caption ? `<caption>${escapeHtml(table.caption)}</caption>\n` : '';
  const notes = (table.notes ?? []).map((note) => `\n<p class="note">${escapeHtml(note)}</p>`).join('');
  return `<div class="table-wrap">\n<table>\n${caption}<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>${notes}\n</div>`;
}
