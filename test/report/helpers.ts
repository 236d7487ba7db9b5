import { expect } from 'vitest';
import { type RenderableResult, renderHTML, renderMarkdown } from '../../src/report/render.js';
import type { Responses } from '../../src/survey/responses.js';
import { expectWellFormedChart, expectWellFormedTables } from './svg-check.js';

// What the report tests share: the rendering checks every result must pass, labels that need
// escaping, and the bundled sample's dimensions, stated weights and AHP judgments.

/** Labels from the data that must be escaped everywhere: markup, quotes, a pipe and a backslash. */
export const SCRIPT = '<script>alert(1)</script>';
export const QUOTES = `say "hi" & 'bye'`;
export const PIPE = 'q|pipe\\slash';

/** The five SERVQUAL dimensions of the bundled sample, in the order of its survey definition. */
export const DIMENSIONS = ['tangibles', 'reliability', 'responsiveness', 'assurance', 'empathy'];

/** The manager's stated dimension weights (examples/data/bank-survey.weights.json, scoringTable). */
export const STATED = {
  dimensions: { tangibles: 0.1, reliability: 0.3, responsiveness: 0.25, assurance: 0.2, empathy: 0.15 },
};

/** The manager's pairwise judgments of the dimensions (bank-survey.weights.json, ahpJudgments). */
export const JUDGMENTS = {
  labels: DIMENSIONS,
  matrix: [
    [1, '1/4', '1/3', '1/2', '1/2'],
    [4, 1, 2, 2, 3],
    [3, '1/2', 1, 1, 2],
    [2, '1/2', 1, 1, 2],
    [2, '1/3', '1/2', '1/2', 1],
  ],
};

/** The sections of a report that runs every analysis, in the report's order. */
export const SECTION_ORDER = [
  'describe',
  'net-promoter-score',
  'reliability',
  'satisfaction-index',
  'ahp',
  'fuzzy-evaluation',
  'pca',
  'drivers',
  'method-comparison',
  'servqual',
];

/** The perception items (p_…) of the sample, dimension by dimension. */
export function perceptionItems(sample: Responses): string[] {
  return DIMENSIONS.flatMap((d) => sample.dimension(d).filter((id) => id.startsWith('p_')));
}

/**
 * The drivers of examples/drivers.ts: `overall` and each respondent's mean of the perception items
 * of each dimension (NaN without an answer in the dimension).
 */
export function dimensionMeans(sample: Responses): Record<string, number[]> {
  const means: Record<string, number[]> = { overall: Array.from(sample.column('overall')) };
  for (const dimension of DIMENSIONS) {
    const members = sample.dimension(dimension).filter((id) => id.startsWith('p_'));
    means[dimension] = Array.from({ length: sample.n }, (_, r) => {
      const answers = members.map((id) => sample.column(id)[r]!).filter((v) => !Number.isNaN(v));
      return answers.length === 0 ? Number.NaN : answers.reduce((a, b) => a + b, 0) / answers.length;
    });
  }
  return means;
}

/** Every chart of an HTML fragment (inline SVG, given back its namespace for the checks). */
export function charts(html: string): string[] {
  return (html.match(/<svg[\s\S]*?<\/svg>/g) ?? []).map((svg) =>
    svg.replace('<svg ', '<svg xmlns="http://www.w3.org/2000/svg" '),
  );
}

/** The title of a chart. */
export function chartTitle(svg: string): string {
  return /<title id="[^"]+">([^<]+)<\/title>/.exec(svg)![1]!;
}

/**
 * The checks every rendering of a result must pass: the same text for a copy of the result, no
 * unescaped `<` in the Markdown, no script or external reference in the HTML, well-formed tables
 * and charts. Returns the Markdown, the HTML, the charts, the tables, and a table by its caption.
 */
export function rendered(result: RenderableResult) {
  const markdown = renderMarkdown(result);
  const html = renderHTML(result);
  expect(markdown).toBe(renderMarkdown(structuredClone(result)));
  expect(html).toBe(renderHTML(structuredClone(result)));
  expect(markdown).not.toMatch(/(?<!\\)</);
  expect(html).not.toMatch(/<script|https?:|<link|<img|<iframe|\son\w+=/i);
  const found = charts(html);
  for (const svg of found) expectWellFormedChart(svg);
  const tables = expectWellFormedTables(markdown);
  const byCaption = (caption: string) => {
    const at = markdown.split('\n\n').indexOf(`**${caption}**`);
    expect(at, caption).toBeGreaterThan(-1);
    return expectWellFormedTables(markdown.split('\n\n')[at + 1]!)[0]!;
  };
  return { markdown, html, charts: found, tables, byCaption };
}

/** Asserts that {@link SCRIPT}, {@link QUOTES} and {@link PIPE} are escaped in every output. */
export function expectEscaped(output: {
  readonly markdown: string;
  readonly html: string;
  readonly charts: readonly string[];
}): void {
  const { markdown, html } = output;
  expect(html).not.toContain(SCRIPT);
  expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  expect(html).toContain('say &quot;hi&quot; &amp; &#39;bye&#39;');
  expect(markdown).toContain('\\<script\\>alert(1)\\</script\\>');
  expect(markdown).toContain('q\\|pipe\\\\slash');
  for (const svg of output.charts) {
    expect(svg).not.toContain(SCRIPT);
    expect(svg).not.toContain(QUOTES);
  }
}
