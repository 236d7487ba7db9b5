import { escapeAttribute, escapeHtml } from './escape.js';
import { type Section, sectionToHTML, uniqueIds } from './section.js';

/** Options of {@link htmlDocument}. */
export interface HtmlDocumentOptions {
  readonly title: string;
  /** A line under the title (e.g. the data set and the date). */
  readonly subtitle?: string;
  readonly sections: readonly Section[];
  /** Include a table of contents of the sections and subsections (default true with 2+ sections). */
  readonly tableOfContents?: boolean;
  /** Document language (default 'en'). */
  readonly lang?: string;
}

/**
 * The stylesheet of report documents: system fonts, readable measure and contrast, tables with
 * right-aligned tabular numbers, and print rules (no page break inside a table, chart or warning
 * box; headings kept with what follows; the contents list is kept on screen and in print).
 */
export const REPORT_CSS = `
:root { color-scheme: light; }
body { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif; font-size: 16px; line-height: 1.5; color: #1a1a1a; background: #ffffff; max-width: 60rem; margin: 0 auto; padding: 1.5rem; }
h1 { font-size: 1.8rem; margin: 0 0 0.25rem; }
h2 { font-size: 1.4rem; margin-top: 2.5rem; border-bottom: 1px solid #cccccc; padding-bottom: 0.2rem; }
h3 { font-size: 1.15rem; margin-top: 1.8rem; }
h4, h5, h6 { font-size: 1rem; }
.subtitle { color: #444444; margin: 0 0 1.5rem; }
nav.toc { border: 1px solid #dddddd; padding: 0.5rem 1rem; margin: 1rem 0 2rem; }
nav.toc ol { margin: 0.25rem 0; padding-left: 1.5rem; }
a { color: #0061a0; }
.table-wrap { overflow-x: auto; margin: 1rem 0; }
table { border-collapse: collapse; font-size: 0.9rem; }
caption { text-align: left; font-weight: 600; padding: 0.25rem 0; caption-side: top; }
th, td { border-bottom: 1px solid #dddddd; padding: 0.25rem 0.6rem; vertical-align: top; }
th { border-bottom: 2px solid #888888; text-align: left; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
p.note { font-size: 0.85rem; color: #444444; margin: 0.25rem 0; }
dl.summary { display: grid; grid-template-columns: max-content 1fr; gap: 0.15rem 1rem; margin: 1rem 0; }
dl.summary div { display: contents; }
dl.summary dt { font-weight: 600; }
dl.summary dd { margin: 0; font-variant-numeric: tabular-nums; }
figure.chart { margin: 1rem 0; }
figure.chart svg { max-width: 100%; height: auto; }
.warnings { border-left: 4px solid #d55e00; background: #fff6ef; padding: 0.25rem 1rem; margin: 1rem 0; }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
  .table-wrap, figure.chart, .warnings, dl.summary { break-inside: avoid; page-break-inside: avoid; }
  .table-wrap { overflow: visible; }
  a { color: inherit; text-decoration: none; }
  .warnings { background: none; }
}
`.trim();

function tocItems(sections: readonly Section[]): string {
  return `<ol>\n${sections
    .map((s) => {
      const sub = s.subsections && s.subsections.length > 0 ? `\n${tocItems(s.subsections)}` : '';
      return `<li><a href="#${escapeAttribute(s.id)}">${escapeHtml(s.title)}</a>${sub}</li>`;
    })
    .join('\n')}\n</ol>`;
}

/**
 * A complete, self-contained HTML document: inline stylesheet ({@link REPORT_CSS}, print-friendly),
 * the title and subtitle, a table of contents, and the sections with unique anchor ids. It has no
 * scripts and references nothing outside itself (no fonts, images, stylesheets or links to the
 * network), so it can be saved as one file, mailed and printed. All text is escaped.
 *
 * @example
 * htmlDocument({ title: 'Q3 survey', sections: [{ id: 'index', title: 'Index', blocks: [{ kind: 'paragraph', text: 'Index 69.1' }] }] })
 * // '<!DOCTYPE html>\n<html lang="en">…'
 */
export function htmlDocument(options: HtmlDocumentOptions): string {
  if (options === null || typeof options !== 'object' || typeof options.title !== 'string') {
    throw new TypeError(
      `htmlDocument: options must be { title, sections }; got ${options === null ? 'null' : typeof options}`,
    );
  }
  if (!Array.isArray(options.sections)) {
    throw new TypeError(`htmlDocument: sections must be an array; got ${typeof options.sections}`);
  }
  const sections = uniqueIds(options.sections);
  const toc = options.tableOfContents ?? sections.length >= 2;
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeAttribute(options.lang ?? 'en')}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(options.title)}</title>`,
    `<style>\n${REPORT_CSS}\n</style>`,
    '</head>',
    '<body>',
    '<header>',
    `<h1>${escapeHtml(options.title)}</h1>`,
    ...(options.subtitle ? [`<p class="subtitle">${escapeHtml(options.subtitle)}</p>`] : []),
    '</header>',
    ...(toc && sections.length > 0
      ? [`<nav class="toc" aria-label="Contents">\n<strong>Contents</strong>\n${tocItems(sections)}\n</nav>`]
      : []),
    '<main>',
    ...sections.map((s) => sectionToHTML(s, 2)),
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
