import { describe, expect, it } from 'vitest';
import { escapeAttribute, escapeHtml, escapeMarkdown, escapeMarkdownCell } from '../../src/report/escape.js';
import { formatInterval, formatNumber, formatPercent, formatSigned } from '../../src/report/format.js';
import { type Table, tableToHTML, tableToMarkdown } from '../../src/report/table.js';
import { expectWellFormedTables, markdownTables } from './svg-check.js';

describe('escaping', () => {
  it('doc-comment examples', () => {
    expect(escapeHtml('<b>Q&A</b>')).toBe('&lt;b&gt;Q&amp;A&lt;/b&gt;');
    expect(escapeAttribute('say "hi"\n')).toBe('say &quot;hi&quot;&#10;');
    expect(escapeMarkdown('a *b* <c>')).toBe('a \\*b\\* \\<c\\>');
    expect(escapeMarkdownCell('a|b\nc')).toBe('a\\|b c');
  });

  it('turns every markup character of HTML into a reference', () => {
    expect(escapeHtml(`<script>alert(1)</script> "x" & 'y'`)).toBe(
      '&lt;script&gt;alert(1)&lt;/script&gt; &quot;x&quot; &amp; &#39;y&#39;',
    );
    expect(escapeHtml('&amp;')).toBe('&amp;amp;');
  });

  it('escapes Markdown structure: pipes, backslashes, line breaks, HTML, links, code', () => {
    expect(escapeMarkdownCell('a\\|b')).toBe('a\\\\\\|b');
    expect(escapeMarkdownCell('line 1\r\nline 2\rline 3')).toBe('line 1 line 2 line 3');
    expect(escapeMarkdown('[x](javascript:alert(1)) `code` <script> # _e_')).toBe(
      '\\[x\\](javascript:alert(1)) \\`code\\` \\<script\\> \\# \\_e\\_',
    );
  });
});

describe('number formats', () => {
  it('doc-comment examples', () => {
    expect(formatNumber(-0.0004, 3)).toBe('0.000');
    expect(formatPercent(0.4781, 1)).toBe('47.8%');
    expect(formatInterval([67.82, 70.4], 1)).toBe('67.8–70.4');
  });

  it('states what is not available and signs differences', () => {
    expect(formatNumber(null, 2)).toBe('–');
    expect(formatNumber(Number.NaN, 2)).toBe('–');
    expect(formatNumber(Number.POSITIVE_INFINITY, 2)).toBe('–');
    expect(formatNumber(-1.25, 1)).toBe('-1.3');
    expect(formatPercent(null)).toBe('–');
    expect(formatInterval(null, 1)).toBe('–');
    expect(formatInterval([-34.04, 74], 1)).toBe('-34.0 to 74.0');
    expect(formatSigned(1.24, 1)).toBe('+1.2');
    expect(formatSigned(-0.8, 1)).toBe('-0.8');
    expect(formatSigned(0.01, 1)).toBe('0.0');
  });
});

const table: Table = {
  caption: 'Items | scores',
  columns: [
    { header: 'item' },
    { header: 'mean', kind: 'number', decimals: 2 },
    { header: 'share', kind: 'percent', decimals: 1 },
    { header: 'n', kind: 'integer' },
  ],
  rows: [
    ['q1', 4.256, 0.5, 12],
    ['a|b\\c\nd <script>alert(1)</script>', null, 1, 3],
    ['', -0.0001, Number.NaN, 0],
  ],
  notes: ['A note with a | pipe.'],
};

describe('tableToMarkdown', () => {
  it('doc-comment example', () => {
    expect(
      tableToMarkdown({
        columns: [{ header: 'item' }, { header: 'mean', kind: 'number', decimals: 1 }],
        rows: [['q1', 4.25]],
      }),
    ).toBe('| item | mean |\n| --- | ---: |\n| q1 | 4.3 |');
  });

  it('writes one cell per column in every row, numbers formatted and right-aligned', () => {
    const markdown = tableToMarkdown(table);
    const [parsed] = expectWellFormedTables(markdown);
    expect(parsed).toHaveLength(2 + 3);
    expect(parsed![1]).toEqual(['---', '---:', '---:', '---:']);
    expect(parsed![2]).toEqual(['q1', '4.26', '50.0%', '12']);
    expect(parsed![3]).toEqual(['a\\|b\\\\c d \\<script\\>alert(1)\\</script\\>', '–', '100.0%', '3']);
    expect(parsed![4]).toEqual(['', '0.00', '–', '0']);
    expect(markdown.startsWith('**Items \\| scores**\n\n|')).toBe(true);
    expect(markdown.endsWith('\n\nA note with a \\| pipe.')).toBe(true);
    // Every < is backslash-escaped, so no renderer sees a tag.
    expect(markdown).not.toMatch(/(?<!\\)</);
    expect(markdownTables(markdown)).toHaveLength(1);
  });

  it('rejects a row without one cell per column', () => {
    expect(() => tableToMarkdown({ columns: [{ header: 'a' }], rows: [['x', 'y']] })).toThrow(
      new RangeError('tableToMarkdown: every row must have 1 cells (one per column); got 2 in row 0'),
    );
    expect(() => tableToHTML({ columns: [], rows: [] })).toThrow(
      new RangeError('tableToHTML: a table needs at least one column; got none'),
    );
  });
});

describe('tableToHTML', () => {
  it('has a caption, column headers, right-aligned numbers and escaped text', () => {
    const html = tableToHTML(table);
    expect(html).toContain('<caption>Items | scores</caption>');
    expect(html.match(/<th scope="col"/g)).toHaveLength(4);
    expect(html.match(/<tr>/g)).toHaveLength(4);
    expect(html).toContain('<td class="num" style="text-align:right">4.26</td>');
    expect(html).toContain('<td>q1</td>');
    expect(html).not.toContain('<script');
    expect(html).toContain('a|b\\c\nd &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('<p class="note">A note with a | pipe.</p>');
    const rows = html.split('<tr>').slice(2);
    for (const row of rows) expect(row.match(/<td/g)).toHaveLength(4);
  });
});
