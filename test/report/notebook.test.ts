import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { netPromoterScore, satisfactionIndex } from '../../src/index.js';
import { REPORT_CSS } from '../../src/report/html-document.js';
import {
  display,
  NOTEBOOK_CLASS,
  NOTEBOOK_CSS,
  type NotebookDisplay,
  notebookHTML,
} from '../../src/report/notebook.js';
import type { RenderableResult } from '../../src/report/render.js';
import { renderHTML } from '../../src/report/render.js';
import { report } from '../../src/report/report.js';

const nps = netPromoterScore([10, 9, 8, 7, 6, 3, 10, 9, 10, 2]);
const columns = { q1: [5, 4, 4, 2, 3, 5], q2: [4, 4, 3, 2, 3, 5], q3: [5, 5, 3, 1, 2, 4] };
const small = () =>
  report(columns, {
    title: 'Q3 <survey>',
    subtitle: 'Six respondents',
    scale: { min: 1, max: 5 },
    describe: true,
    reliability: true,
    satisfactionIndex: true,
  });

/** A recorder in place of tslab's display. */
function recorder(): NotebookDisplay & { shown: string[] } {
  const shown: string[] = [];
  return { shown, html: (html: string) => void shown.push(html) };
}

/** The selectors of every rule of a stylesheet (also inside @media blocks). */
function selectors(css: string): string[] {
  return [...css.matchAll(/(?:^|[{}])\s*([^{}@]+?)\s*\{/g)].flatMap((m) =>
    m[1]!.split(',').map((s) => s.trim()),
  );
}

describe('notebookHTML', () => {
  it('wraps one result in the scoped stylesheet, with its renderHTML section unchanged', () => {
    const html = notebookHTML(nps);
    expect(html.startsWith(`<div class="${NOTEBOOK_CLASS}">\n<style>\n${NOTEBOOK_CSS}\n</style>\n`)).toBe(
      true,
    );
    expect(html.endsWith('\n</div>')).toBe(true);
    expect(html).toContain(renderHTML(nps));
    expect(html.match(/<style>/g)).toHaveLength(1);
    expect(html).toContain('<svg');
    expect(html).not.toMatch(/<script|<html|<body/i);
  });

  it('passes title and heading level on to renderHTML', () => {
    const html = notebookHTML(nps, { title: 'Recommend', headingLevel: 3 });
    expect(html).toContain(renderHTML(nps, { title: 'Recommend', headingLevel: 3 }));
    expect(html).toContain('<h3');
  });

  it("shows a report's document body: title, contents and every section, without the wrapper", () => {
    const r = small();
    const html = notebookHTML(r);
    const body = html.slice(html.indexOf('</style>\n') + '</style>\n'.length, html.lastIndexOf('\n</div>'));
    // The document's body, verbatim (escaped title, the contents list, every section).
    expect(r.toHTML()).toContain(`<body>\n${body}\n</body>`);
    expect(body).toContain('<h1>Q3 &lt;survey&gt;</h1>');
    expect(body).toContain('<nav class="toc"');
    for (const section of r.sections) expect(body).toContain(`id="${section.id}"`);
    expect(html).not.toMatch(/<!DOCTYPE|<html|<head>|<body|<meta|<script/i);
    expect(html.match(/<style>/g)).toHaveLength(1);
  });

  it('is deterministic', () => {
    expect(notebookHTML(small())).toBe(notebookHTML(small()));
  });

  it('rejects what is neither a report nor a rendered result', () => {
    expect(() => notebookHTML({ method: 'nope' } as unknown as RenderableResult)).toThrow(
      /^renderSection: result must be an analysis result whose method is one of .*; got method "nope"$/,
    );
    expect(() => notebookHTML(null as unknown as RenderableResult)).toThrow(TypeError);
  });

  // @example of notebookHTML.
  it('doc-comment example', () => {
    expect(notebookHTML(netPromoterScore([10, 9, 8, 7, 6, 3, 10, 9, 10, 2])).split('\n')[0]).toBe(
      '<div class="satisfaction-analytics">',
    );
  });
});

describe('NOTEBOOK_CSS', () => {
  it('scopes every rule of the report stylesheet to the output element', () => {
    const own = selectors(REPORT_CSS);
    const scoped = selectors(NOTEBOOK_CSS);
    // Every report rule is kept; three more align the output with the cell and the table cells.
    expect(scoped).toHaveLength(own.length + 4);
    for (const selector of scoped) expect(selector).toMatch(/^\.satisfaction-analytics(?: |$)/);
    expect(scoped).toContain('.satisfaction-analytics table');
    expect(scoped).toContain('.satisfaction-analytics figure.chart svg');
    expect(NOTEBOOK_CSS).toContain('@media print {');
    // The declarations are the report's, untouched (commas in font lists included).
    expect(NOTEBOOK_CSS).toContain("font-family: system-ui, -apple-system, 'Segoe UI'");
    expect(NOTEBOOK_CSS.match(/\{/g)).toHaveLength((REPORT_CSS.match(/\{/g) ?? []).length + 3);
    // The notebook's rules come last, so they win over the notebook page's own table style.
    expect(NOTEBOOK_CSS.endsWith('.satisfaction-analytics .num { text-align: right; }')).toBe(true);
  });
});

describe('display', () => {
  it('hands the notebook HTML to options.display and returns nothing', () => {
    const out = recorder();
    const index = satisfactionIndex(columns, { scale: { min: 1, max: 5 } });
    expect(display(index, { display: out, title: 'Index' })).toBeUndefined();
    expect(out.shown).toEqual([notebookHTML(index, { title: 'Index' })]);
    display(small(), { display: out });
    expect(out.shown[1]).toBe(notebookHTML(small()));
  });

  it('rejects a display without an html method', () => {
    expect(() => display(nps, { display: {} as NotebookDisplay })).toThrow(
      new TypeError(
        "display: options.display must have an html(string) method, like tslab's display; got object",
      ),
    );
    expect(() => display(nps, { display: null as unknown as NotebookDisplay })).toThrow(
      /^display: options\.display must have an html\(string\) method, like tslab's display; got null$/,
    );
  });

  it('throws outside a tslab kernel', () => {
    expect(() => display(nps)).toThrow(
      new Error(
        'display: needs a running tslab kernel (Jupyter with tslab) or options.display; got neither — outside a notebook use notebookHTML, renderHTML, renderMarkdown or report(...).toHTML()',
      ),
    );
  });

  // @example of display.
  it('doc-comment example', () => {
    const shown: string[] = [];
    display(netPromoterScore([10, 9, 8, 7, 6, 3, 10, 9, 10, 2]), { display: { html: (h) => shown.push(h) } });
    expect(shown[0]!.includes('<svg')).toBe(true);
  });
});

describe('display in a tslab kernel (a fake tslab package)', () => {
  // tslab's kernel loads its dist/jupyter.js, which holds the display writer once connected, and
  // gives notebook code its dist/public.js as the module 'tslab'. The fakes mimic those two files.
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'fake-tslab-')));
  const loaded: string[] = [];
  const require = createRequire(join(root, 'index.js'));

  function fakeTslab(folder: string, connected: boolean): { jupyter: string; public: string } {
    const dist = join(root, folder, 'node_modules', 'tslab', 'dist');
    mkdirSync(dist, { recursive: true });
    const jupyter = join(dist, 'jupyter.js');
    const publicFile = join(dist, 'public.js');
    writeFileSync(
      jupyter,
      `exports.lastWriteDisplayData = ${connected ? 'function (message) { exports.messages.push(message); }' : 'null'};\nexports.messages = [];\n`,
    );
    writeFileSync(
      publicFile,
      `const jupyter = require('./jupyter');
exports.display = { html(s) { jupyter.lastWriteDisplayData({ data: { 'text/html': s }, metadata: {}, transient: {} }, false); } };
`,
    );
    return { jupyter, public: publicFile };
  }

  /** Loads a fake kernel's jupyter.js, as the kernel does at start. */
  function start(files: { jupyter: string; public: string }): { messages: unknown[] } {
    loaded.push(files.jupyter, files.public);
    return require(files.jupyter) as { messages: unknown[] };
  }

  afterEach(() => {
    for (const file of loaded.splice(0)) delete require.cache[file];
  });

  it("finds the running kernel's display", () => {
    const kernel = start(fakeTslab('kernel', true));
    display(nps);
    expect(kernel.messages).toEqual([
      { data: { 'text/html': notebookHTML(nps) }, metadata: {}, transient: {} },
    ]);
  });

  it('skips a copy of tslab that no kernel connected, and prefers options.display', () => {
    start(fakeTslab('idle', false));
    expect(() => display(nps)).toThrow(/^display: needs a running tslab kernel/);
    const kernel = start(fakeTslab('kernel', true));
    display(nps);
    expect(kernel.messages).toHaveLength(1);
    const out = recorder();
    display(nps, { display: out });
    expect(out.shown).toHaveLength(1);
    expect(kernel.messages).toHaveLength(1);
  });

  afterAll(() => rmSync(root, { recursive: true, force: true }));
});
