import { formatValue } from '../errors.js';
import { REPORT_CSS } from './html-document.js';
import { type RenderableResult, type RenderOptions, renderHTML } from './render.js';
import type { SatisfactionReport } from './report.js';

/** What {@link display} needs of a notebook: a function that shows HTML in the cell's output. */
export interface NotebookDisplay {
  html(html: string): void;
}

/** Options of {@link display}: those of `renderHTML` (for a single result), and where to show it. */
export interface NotebookDisplayOptions extends RenderOptions {
  /**
   * Where the HTML goes: tslab's `display` (`import * as tslab from 'tslab'`, then `tslab.display`)
   * or anything with an `html(string)` method. Default: the `display` of the running tslab kernel.
   */
  readonly display?: NotebookDisplay;
}

/** The class of the element that holds a notebook output; the stylesheet applies inside it only. */
export const NOTEBOOK_CLASS = 'satisfaction-analytics';

const FN = 'display';

/**
 * The report stylesheet scoped to `.satisfaction-analytics`: every selector gets the class as its
 * ancestor, and `:root`, `html` and `body` become the class itself, so the rules style the output
 * and leave the rest of the notebook page alone. Three rules follow for the notebook: the output
 * starts at the cell's left edge (the document's page is centred), and text cells are left-aligned,
 * numbers right-aligned, whatever the notebook's own table style.
 */
export const NOTEBOOK_CSS: string = [
  scopeStylesheet(REPORT_CSS, `.${NOTEBOOK_CLASS}`),
  `.${NOTEBOOK_CLASS} { margin: 0; padding: 0.5rem 1rem; }`,
  `.${NOTEBOOK_CLASS} th, .${NOTEBOOK_CLASS} td { text-align: left; }`,
  `.${NOTEBOOK_CLASS} .num { text-align: right; }`,
].join('\n');

/** Prefixes each selector of each rule of `css` (also inside `@media` blocks) with `scope`. */
function scopeStylesheet(css: string, scope: string): string {
  return css.replace(/(^|[{}])(\s*)([^{}@]+?)(\s*)\{/g, (_match, before, space, selectors, after) => {
    const scoped = (selectors as string)
      .split(',')
      .map((selector) => {
        const s = selector.trim();
        return s === ':root' || s === 'html' || s === 'body' ? scope : `${scope} ${s}`;
      })
      .join(', ');
    return `${before}${space}${scoped}${after}{`;
  });
}

function isReport(value: unknown): value is SatisfactionReport {
  return (
    value !== null &&
    typeof value === 'object' &&
    typeof (value as { toHTML?: unknown }).toHTML === 'function' &&
    Array.isArray((value as { sections?: unknown }).sections)
  );
}

/** The body of a report's HTML document: its header, contents and sections, without the wrapper. */
function reportBody(report: SatisfactionReport): string {
  const html = report.toHTML();
  const start = html.indexOf('<body>');
  const end = html.lastIndexOf('</body>');
  if (start < 0 || end < start) {
    throw new TypeError(`${FN}: report.toHTML() must return an HTML document with a <body>; got none`);
  }
  return html.slice(start + '<body>'.length, end).trim();
}

/**
 * The HTML that {@link display} shows: one analysis result rendered by `renderHTML` (its `<section>`
 * with tables and inline SVG charts), or a whole `report(...)` (title, contents and every section,
 * without the `<html>` wrapper), inside a `<div class="satisfaction-analytics">` that starts with
 * the report stylesheet ({@link NOTEBOOK_CSS}, scoped to the div). No scripts; the string is the
 * same for the same input.
 *
 * @param value an analysis result with a renderer (see `RENDERED_METHODS`) or the result of `report`
 * @param options `title` and `headingLevel` of a single result's section
 * @throws {TypeError} when `value` is neither a report nor a result with a known `method` tag
 * @example
 * notebookHTML(netPromoterScore([10, 9, 8, 7, 6, 3, 10, 9, 10, 2])).split('\n')[0]
 * // '<div class="satisfaction-analytics">'
 */
export function notebookHTML(
  value: RenderableResult | SatisfactionReport,
  options: RenderOptions = {},
): string {
  const body = isReport(value) ? reportBody(value) : renderHTML(value as RenderableResult, options);
  return [`<div class="${NOTEBOOK_CLASS}">`, `<style>\n${NOTEBOOK_CSS}\n</style>`, body, '</div>'].join('\n');
}

/** The `display` of the tslab kernel running this code, or null outside one. */
function kernelDisplay(): NotebookDisplay | null {
  const host = (
    globalThis as { process?: { cwd?: () => string; getBuiltinModule?: (id: string) => unknown } }
  ).process;
  const nodeModule = host?.getBuiltinModule?.('node:module') as
    | { createRequire(path: string): NodeJS.Require }
    | undefined;
  if (nodeModule === undefined || host?.cwd === undefined) return null;
  // The kernel loads tslab's jupyter.js at start and sets its display writer once connected; the
  // `tslab` module that notebook code imports is its sibling public.js. Another copy of tslab (say
  // one that `require('tslab')` would find next to this package) has no writer and cannot display.
  const cache = nodeModule.createRequire(`${host.cwd()}/`).cache;
  for (const [file, loaded] of Object.entries(cache)) {
    if (!/[\\/]tslab[\\/]dist[\\/]jupyter\.js$/.test(file)) continue;
    if (typeof (loaded?.exports as { lastWriteDisplayData?: unknown })?.lastWriteDisplayData !== 'function') {
      continue;
    }
    const tslab = nodeModule.createRequire(file)('./public.js') as { display?: Partial<NotebookDisplay> };
    const found = tslab.display;
    if (found !== undefined && typeof found.html === 'function') return found as NotebookDisplay;
  }
  return null;
}

/**
 * Shows an analysis result or a whole report in a Jupyter notebook cell as HTML: tables, inline
 * SVG charts and the report stylesheet ({@link notebookHTML}). It uses the `display` of the running
 * tslab kernel (the TypeScript kernel for Jupyter), or `options.display`; the package does not depend
 * on tslab. It returns nothing, so a cell that ends with `display(...)` prints no text after the HTML.
 *
 * Outside a notebook it throws rather than print: use `notebookHTML`, `renderHTML`,
 * `renderMarkdown` or `report(...).toHTML()` / `toMarkdown()` there.
 *
 * @param value an analysis result with a renderer (see `RENDERED_METHODS`) or the result of `report`
 * @param options `title` and `headingLevel` of a single result's section; `display`, where to show it
 * @throws {TypeError} when `value` is neither a report nor a result with a known `method` tag, or
 *   `options.display` has no `html` method
 * @throws {Error} when no tslab kernel is running and no `options.display` is given
 * @example
 * const shown: string[] = [];
 * display(netPromoterScore([10, 9, 8, 7, 6, 3, 10, 9, 10, 2]), { display: { html: (h) => shown.push(h) } });
 * shown[0].includes('<svg') // true
 */
export function display(
  value: RenderableResult | SatisfactionReport,
  options: NotebookDisplayOptions = {},
): void {
  const { display: target, ...render } = options;
  if (target !== undefined && (target === null || typeof target.html !== 'function')) {
    throw new TypeError(
      `${FN}: options.display must have an html(string) method, like tslab's display; got ${formatValue(target)}`,
    );
  }
  const html = notebookHTML(value, render);
  const out = target ?? kernelDisplay();
  if (out === null) {
    throw new Error(
      `${FN}: needs a running tslab kernel (Jupyter with tslab) or options.display; got neither — outside a notebook use notebookHTML, renderHTML, renderMarkdown or report(...).toHTML()`,
    );
  }
  out.html(html);
}
