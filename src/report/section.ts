import { escapeAttribute, escapeHtml, escapeMarkdown } from './escape.js';
import { type Table, tableToHTML, tableToMarkdown } from './table.js';

/**
 * One piece of a rendered section. Text is plain (escaped on output); charts are SVG strings made by
 * the chart functions (their data text already escaped), shown in HTML and left out of Markdown,
 * whose tables carry the same numbers.
 */
export type Block =
  | { readonly kind: 'paragraph'; readonly text: string }
  | {
      readonly kind: 'summary';
      readonly entries: readonly { readonly label: string; readonly value: string }[];
    }
  | { readonly kind: 'table'; readonly table: Table }
  | { readonly kind: 'chart'; readonly svg: string }
  | { readonly kind: 'warnings'; readonly warnings: readonly string[] };

/** A titled part of a report: blocks, then subsections. */
export interface Section {
  /** Anchor id (letters, digits and hyphens); made unique within a document. */
  readonly id: string;
  readonly title: string;
  readonly blocks: readonly Block[];
  readonly subsections?: readonly Section[];
}

/** A lowercase anchor id of letters, digits and hyphens from a title. */
export function slug(text: string): string {
  const id = text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return id === '' ? 'section' : id;
}

/** The SVG for embedding in HTML: the HTML parser gives inline `<svg>` its namespace. */
function inlineSvg(svg: string): string {
  return svg.replace(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" /, '<svg ');
}

function blockToMarkdown(block: Block): string | null {
  switch (block.kind) {
    case 'paragraph':
      return escapeMarkdown(block.text);
    case 'summary':
      return block.entries.map((e) => `- ${escapeMarkdown(e.label)}: ${escapeMarkdown(e.value)}`).join('\n');
    case 'table':
      return tableToMarkdown(block.table);
    case 'chart':
      return null;
    case 'warnings':
      return block.warnings.length === 0
        ? null
        : `**Warnings**\n\n${block.warnings.map((w) => `- ${escapeMarkdown(w)}`).join('\n')}`;
  }
}

function blockToHTML(block: Block): string | null {
  switch (block.kind) {
    case 'paragraph':
      return `<p>${escapeHtml(block.text)}</p>`;
    case 'summary':
      return `<dl class="summary">\n${block.entries
        .map((e) => `<div><dt>${escapeHtml(e.label)}</dt><dd>${escapeHtml(e.value)}</dd></div>`)
        .join('\n')}\n</dl>`;
    case 'table':
      return tableToHTML(block.table);
    case 'chart':
      return `<figure class="chart">\n${inlineSvg(block.svg)}\n</figure>`;
    case 'warnings':
      return block.warnings.length === 0
        ? null
        : `<div class="warnings" role="note">\n<p><strong>Warnings</strong></p>\n<ul>\n${block.warnings
            .map((w) => `<li>${escapeHtml(w)}</li>`)
            .join('\n')}\n</ul>\n</div>`;
  }
}

/**
 * A section as Markdown: an ATX heading of `level` (1–6), its blocks separated by blank lines, then
 * its subsections one level deeper.
 */
export function sectionToMarkdown(section: Section, level = 2): string {
  const heading = `${'#'.repeat(Math.min(6, Math.max(1, level)))} ${escapeMarkdown(section.title)}`;
  const parts = [heading, ...section.blocks.map(blockToMarkdown).filter((b): b is string => b !== null)];
  for (const sub of section.subsections ?? []) parts.push(sectionToMarkdown(sub, level + 1));
  return parts.join('\n\n');
}

/** A section as an HTML `<section>` with an `<h{level}>` heading and an id. */
export function sectionToHTML(section: Section, level = 2): string {
  const h = Math.min(6, Math.max(1, level));
  const parts = [
    `<section id="${escapeAttribute(section.id)}">`,
    `<h${h}>${escapeHtml(section.title)}</h${h}>`,
    ...section.blocks.map(blockToHTML).filter((b): b is string => b !== null),
    ...(section.subsections ?? []).map((sub) => sectionToHTML(sub, level + 1)),
    '</section>',
  ];
  return parts.join('\n');
}

/** The sections with ids made unique across the whole tree (a second "x" becomes "x-2"). */
export function uniqueIds(sections: readonly Section[]): Section[] {
  const seen = new Map<string, number>();
  const visit = (section: Section): Section => {
    const base = slug(section.id);
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    const id = count === 1 ? base : `${base}-${count}`;
    return {
      ...section,
      id,
      ...(section.subsections ? { subsections: section.subsections.map(visit) } : {}),
    };
  };
  return sections.map(visit);
}
