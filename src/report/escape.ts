// Escaping of text from the data (item ids and texts, labels, segment names, warnings) for the three
// output languages. Every renderer passes data text through one of these; none builds markup from
// unescaped input.

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Text for HTML or SVG element content: `&`, `<`, `>`, `"` and `'` become character references, so
 * `<script>` reads as text.
 * @example escapeHtml('<b>Q&A</b>') // '&lt;b&gt;Q&amp;A&lt;/b&gt;'
 */
export function escapeHtml(text: string): string {
  return String(text).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/**
 * Text for a double- or single-quoted HTML or SVG attribute value: as {@link escapeHtml}, and line
 * breaks and tabs as character references so that they survive attribute normalisation.
 * @example escapeAttribute('say "hi"\n') // 'say &quot;hi&quot;&#10;'
 */
export function escapeAttribute(text: string): string {
  return escapeHtml(text).replace(/[\n\r\t]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Text for Markdown (paragraphs, list items, headings): a backslash before `\`, `` ` ``, `*`, `_`,
 * `[`, `]`, `<`, `>`, `|` and `#`, so data text cannot open code, emphasis, links, raw HTML or a
 * table cell, and line breaks become spaces. The escapes are CommonMark's backslash escapes of ASCII
 * punctuation, so the text renders as written.
 * @example escapeMarkdown('a *b* <c>') // 'a \\*b\\* \\<c\\>'
 */
export function escapeMarkdown(text: string): string {
  return String(text)
    .replace(/[\\`*_[\]<>|#]/g, (c) => `\\${c}`)
    .replace(/\r\n|[\r\n]/g, ' ');
}

/**
 * Text for a Markdown (GFM) table cell: {@link escapeMarkdown}, so a pipe `|` cannot split the cell,
 * a backslash cannot escape the next character, and a line break cannot end the row.
 * @example escapeMarkdownCell('a|b\nc') // 'a\\|b c'
 */
export function escapeMarkdownCell(text: string): string {
  return escapeMarkdown(text).trim();
}
