import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  ahp,
  cronbachAlpha,
  describe as describeItems,
  importancePerformance,
  netPromoterScore,
  pca,
  pcaIndexWeights,
  regress,
  relativeImportance,
  satisfactionIndex,
  servqual,
} from '../../src/index.js';
import { htmlDocument } from '../../src/report/html-document.js';
import { methodComparison } from '../../src/report/method-comparison.js';
import { report } from '../../src/report/report.js';
import { bankSample } from '../helpers/data.js';
import { DIMENSIONS, dimensionMeans, JUDGMENTS, perceptionItems, SECTION_ORDER, STATED } from './helpers.js';
import { expectWellFormedChart, expectWellFormedTables, marks } from './svg-check.js';

const sample = bankSample();
const items = perceptionItems(sample);
const judgments = JUDGMENTS;
const stated = STATED;
const config = {
  title: 'Bank <survey> & "Q3"',
  subtitle: 'Synthetic sample, 612 respondents',
  items,
  describe: true,
  netPromoterScore: true,
  reliability: true,
  satisfactionIndex: { weights: stated, by: 'channel', bootstrap: { resamples: 200 } },
  ahp: { judgments },
  fuzzy: true,
  comparison: true,
} as const;
const full = report(sample, config);

/** Checks that hold for every report document. */
function expectSelfContained(html: string): void {
  expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
  expect(html.trimEnd().endsWith('</html>')).toBe(true);
  expect(html).not.toMatch(/<script/i);
  expect(html).not.toMatch(/https?:\/\//);
  // No element that loads anything, no event-handler or source attribute on any element.
  for (const tag of html.matchAll(/<([a-zA-Z][\w-]*)([^>]*)>/g)) {
    expect(['script', 'link', 'img', 'iframe', 'object', 'embed', 'image', 'use']).not.toContain(
      tag[1]!.toLowerCase(),
    );
    expect(tag[2]).not.toMatch(/\s(src|href|xlink:href|on\w+)=(?!"#)/i);
  }
  const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
  expect(style).not.toMatch(/@import|url\(|@font-face/);
  expect(html).toContain('@media print');
  // Anchors: unique ids, and every contents link points at one.
  const ids = [...html.matchAll(/<section id="([^"]+)">/g)].map((m) => m[1]!);
  expect(new Set(ids).size).toBe(ids.length);
  for (const m of html.matchAll(/href="#([^"]+)"/g)) expect(ids).toContain(m[1]);
  for (const svg of html.match(/<svg[\s\S]*?<\/svg>/g) ?? []) {
    expectWellFormedChart(svg.replace('<svg ', '<svg xmlns="http://www.w3.org/2000/svg" '));
  }
}

describe('report', () => {
  it('doc-comment example', () => {
    const r = report(
      { q1: [5, 4, 4, 2], q2: [4, 4, 3, 2], q3: [5, 5, 3, 1] },
      { scale: { min: 1, max: 5 }, describe: true, reliability: true, satisfactionIndex: true },
    );
    expect(r.sections.map((s) => s.id)).toEqual(['describe', 'reliability', 'satisfaction-index']);
  });

  it('runs the analyses the config names, with the results the functions give', () => {
    expect(full.sections.map((s) => s.id)).toEqual(
      SECTION_ORDER.filter((id) => !['pca', 'drivers', 'servqual'].includes(id)),
    );
    const part = (id: string, k = 0) => full.sections.find((s) => s.id === id)!.parts[k]!.result;
    expect(part('describe')).toEqual(describeItems(sample, { items }));
    expect(part('net-promoter-score')).toEqual(netPromoterScore(sample));
    expect(part('satisfaction-index')).toEqual(
      satisfactionIndex(sample, { items, ...config.satisfactionIndex }),
    );
    expect(part('ahp')).toEqual(ahp(judgments));
    // Reliability per dimension of the survey definition: alpha and omega for each.
    const reliability = full.sections.find((s) => s.id === 'reliability')!.parts;
    expect(reliability.map((p) => `${p.label}:${p.result.method}`)).toEqual(
      DIMENSIONS.flatMap((d) => [`${d}:cronbach-alpha`, `${d}:mcdonald-omega`]),
    );
    expect(reliability[2]!.result).toEqual(
      cronbachAlpha(sample, { items: sample.dimension('reliability').filter((id) => id.startsWith('p_')) }),
    );
    // The fuzzy evaluation has two levels with the AHP weights of the dimensions.
    const fuzzy = part('fuzzy-evaluation');
    expect(fuzzy.method).toBe('fuzzy-evaluate-hierarchy');
    if (fuzzy.method === 'fuzzy-evaluate-hierarchy') {
      expect(fuzzy.evaluation.weights).toEqual(ahp(judgments).weights);
      expect(fuzzy.dimensions.map((d) => d.id)).toEqual(DIMENSIONS);
    }
    // The comparison takes the index's stated weights and the AHP weights.
    const comparison = part('method-comparison');
    expect(comparison.method === 'method-comparison' && comparison.methods.map((m) => m.name)).toEqual([
      'stated',
      'AHP',
    ]);
    expect(full.n).toBe(612);
  });

  it('collects the warnings of every analysis, naming the section', () => {
    const expected = full.sections.flatMap((s) =>
      s.parts.flatMap((p) =>
        p.result.warnings.map((w) => `${s.title}${p.label === null ? '' : ` (${p.label})`}: ${w}`),
      ),
    );
    expect(full.warnings).toEqual(expected);
    const noisy = report(sample, {
      items: ['p_res1', 'p_res2', 'p_res3', 'p_res4'],
      reliability: { reverse: ['p_res4'], scale: { min: 1, max: 5 } } as never,
      comparison: { weightings: { a: 'equal', b: { p_res1: 0.4, p_res2: 0.3, p_res3: 0.2, p_res4: 0.1 } } },
    });
    expect(noisy.warnings.length).toBeGreaterThan(0);
    expect(noisy.warnings.some((w) => w.startsWith('Reliability (responsiveness): cronbachAlpha: '))).toBe(
      true,
    );
    expect(noisy.warnings.some((w) => w.startsWith('Weighting methods compared: methodComparison: '))).toBe(
      true,
    );
    const html = noisy.toHTML();
    expect(html).toContain('<section id="warnings">');
    for (const w of noisy.warnings)
      expect(noisy.toMarkdown()).toContain(w.slice(0, 20).replace(/[\\`*_[\]<>|#]/g, (c) => `\\${c}`));
  });

  it('toJSON gives the plain results; JSON.stringify writes them', () => {
    const json = full.toJSON();
    expect(JSON.parse(JSON.stringify(full))).toEqual(JSON.parse(JSON.stringify(json)));
    expect(Object.keys(json)).toEqual(['title', 'subtitle', 'n', 'sections', 'warnings']);
    expect(json.sections).toBe(full.sections);
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });

  it('toHTML: one self-contained, escaped document with a contents list and charts', () => {
    const html = full.toHTML();
    expectSelfContained(html);
    expect(html).toContain('<title>Bank &lt;survey&gt; &amp; &quot;Q3&quot;</title>');
    expect(html).toContain('<nav class="toc"');
    for (const id of [
      'overview',
      'describe',
      'reliability',
      'tangibles-alpha',
      'satisfaction-index',
      'method-comparison',
    ]) {
      expect(html).toContain(`<section id="${id}">`);
    }
    const charts = html.match(/<svg[\s\S]*?<\/svg>/g)!;
    expect(charts.length).toBeGreaterThanOrEqual(15);
    // Numbers also in tables: every chart sits in a section with at least one table.
    for (const section of html.split('<section ').slice(1)) {
      const own = section.split('<section ')[0]!;
      if (own.includes('<svg')) expect(own).toContain('<table>');
    }
    expect(marks(charts[0]!)).toHaveLength(items.length);
  });

  it('toMarkdown: a title, the sections as headings, well-formed tables, no charts', () => {
    const markdown = full.toMarkdown();
    expect(
      markdown.startsWith('# Bank \\<survey\\> & "Q3"\n\nSynthetic sample, 612 respondents\n\n## Overview'),
    ).toBe(true);
    expect(markdown).not.toContain('<svg');
    expect(markdown).not.toMatch(/(?<!\\)</);
    const tables = expectWellFormedTables(markdown);
    expect(tables.length).toBeGreaterThanOrEqual(20);
    const headings = markdown.split('\n').filter((line) => /^#{2} /.test(line));
    expect(headings).toEqual([
      '## Overview',
      '## Item descriptives',
      '## Net Promoter Score',
      '## Reliability',
      '## Satisfaction index',
      '## AHP weights',
      '## Fuzzy comprehensive evaluation',
      '## Weighting methods compared',
    ]);
  });

  it('is deterministic', () => {
    const again = report(sample, structuredClone(config) as never);
    expect(again.toHTML()).toBe(full.toHTML());
    expect(again.toMarkdown()).toBe(full.toMarkdown());
  });

  it('renders item texts holding markup as text, in HTML and Markdown', () => {
    const data = {
      '<script>alert(1)</script>': [5, 4, 4, 2, 3, 5, 4, 1, 3, 4],
      [`"quoted" & 'single'`]: [4, 4, 3, 2, 3, 5, 5, 2, 3, 4],
      '<img src=x onerror=alert(1)>': [5, 5, 3, 1, 2, 4, 4, 1, 2, 5],
      nps: [10, 9, 8, 7, 6, 3, 10, 9, 0, 10],
    };
    const options = {
      title: '<script>alert("title")</script>',
      items: ['<script>alert(1)</script>', `"quoted" & 'single'`, '<img src=x onerror=alert(1)>'],
      scale: { min: 1, max: 5 },
      describe: true,
      netPromoterScore: { item: 'nps' },
      reliability: true,
      satisfactionIndex: true,
      fuzzy: true,
      comparison: {
        weightings: {
          '<b>stated</b>': {
            '<script>alert(1)</script>': 0.5,
            [`"quoted" & 'single'`]: 0.3,
            '<img src=x onerror=alert(1)>': 0.2,
          },
          equal: 'equal' as const,
        },
      },
    };
    const r = report(data, options);
    const html = r.toHTML();
    expectSelfContained(html);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&quot;quoted&quot; &amp; &#39;single&#39;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>');
    const markdown = r.toMarkdown();
    expect(markdown).not.toMatch(/(?<!\\)</);
    expectWellFormedTables(markdown);
  });

  it('reads rows with columns, and the recommend item from columns', () => {
    const rows = [
      [5, 4, 9],
      [4, 4, 10],
      [2, 3, 6],
      [3, 3, 7],
    ];
    const r = report(rows, {
      columns: ['q1', 'q2', 'nps'],
      items: ['q1', 'q2'],
      scale: { min: 1, max: 5 },
      describe: true,
      netPromoterScore: { item: 'nps' },
    });
    const nps = r.sections[1]!.parts[0]!.result;
    expect(nps.method === 'net-promoter-score' && nps.score).toBe(netPromoterScore([9, 10, 6, 7]).score);
    expect(r.n).toBe(4);
    expectSelfContained(r.toHTML());
  });

  it('uses equal fuzzy weights, with a warning, when the AHP labels match neither dimensions nor items', () => {
    const r = report(sample, {
      items,
      ahp: {
        judgments: {
          labels: ['a', 'b', 'c'],
          matrix: [
            [1, 2, 3],
            ['1/2', 1, 2],
            ['1/3', '1/2', 1],
          ],
        },
      },
      fuzzy: true,
    });
    expect(r.warnings).toContain(
      'report: the AHP labels (a, b, c) are neither the dimensions nor the items, so the fuzzy evaluation and the method comparison do not use the AHP weights',
    );
    const fuzzy = r.sections.find((s) => s.id === 'fuzzy-evaluation')!.parts[0]!.result;
    expect(fuzzy.method === 'fuzzy-evaluate-hierarchy' && fuzzy.evaluation.weights).toEqual([
      0.2, 0.2, 0.2, 0.2, 0.2,
    ]);
  });

  it('servqual: the section runs servqual with its options and heads the overview with its score', () => {
    const points = { tangibles: 10, reliability: 30, responsiveness: 25, assurance: 20, empathy: 15 };
    const options = { importance: { points }, by: 'channel' };
    const r = report(sample, { describe: true, servqual: options });
    expect(r.sections.map((s) => s.id)).toEqual(['describe', 'servqual']);
    const result = servqual(sample, options);
    expect(r.sections[1]!.parts).toEqual([{ label: null, result }]);
    expect(r.warnings).toContain(`SERVQUAL gaps: ${result.warnings[0]}`);
    const markdown = r.toMarkdown();
    expect(markdown).toContain(
      `- SERVQUAL score: ${result.overallGap.toFixed(3)} (SERVPERF ${result.servperf.toFixed(3)})`,
    );
    expect(markdown).toContain('## SERVQUAL gaps');
    const html = r.toHTML();
    expectSelfContained(html);
    expect(html).toContain('<section id="servqual">');
    // Plain columns: the report's scale reaches servqual, which needs one for data without a survey.
    const columns = { e_a: [4, 5, 3, 4], p_a: [3, 4, 4, 2], e_b: [5, 4, 4, 5], p_b: [4, 4, 3, 5] };
    const plain = report(columns, {
      scale: { min: 1, max: 5 },
      servqual: {
        instrument: {
          items: [
            { id: 'a', dimension: 'X' },
            { id: 'b', dimension: 'Y' },
          ],
        },
      },
    });
    expect(plain.sections[0]!.parts[0]!.result).toEqual(
      servqual(columns, {
        scale: { min: 1, max: 5 },
        instrument: {
          items: [
            { id: 'a', dimension: 'X' },
            { id: 'b', dimension: 'Y' },
          ],
        },
      }),
    );
  });

  it('pca and drivers: the sections, the results of the functions, and the method comparison', () => {
    // The dimension means of examples/drivers.ts, weighted by the survey's respondent weights.
    const means = dimensionMeans(sample);
    const r = report(sample, {
      items,
      satisfactionIndex: { weights: stated },
      pca: { rotation: 'varimax', by: 'channel' },
      drivers: { outcome: 'overall', drivers: 'dimensions', crosshairs: 'median' },
      comparison: true,
    });
    expect(r.sections.map((s) => s.id)).toEqual([
      'satisfaction-index',
      'pca',
      'drivers',
      'method-comparison',
    ]);
    const components = pca(sample, { items, rotation: 'varimax', by: 'channel' });
    expect(r.sections[1]!.parts).toEqual([{ label: null, result: components }]);
    const options = { outcome: 'overall', drivers: DIMENSIONS, weights: sample.weights! };
    const importance = relativeImportance(means, options);
    expect(r.sections[2]!.parts.map((p) => p.result)).toEqual([
      regress(means, options),
      importance,
      importancePerformance(means, { ...options, scale: { min: 1, max: 5 }, crosshairs: 'median' }),
    ]);
    expect(r.sections[2]!.title).toBe('Drivers of overall satisfaction');
    // The comparison adds the PCA weights of the items and the shares of the dimensions.
    expect(r.sections[3]!.parts[0]!.result).toEqual(
      methodComparison(sample, {
        items,
        dimensions: Object.fromEntries(
          DIMENSIONS.map((d) => [d, sample.dimension(d).filter((id) => id.startsWith('p_'))]),
        ),
        weightings: {
          stated,
          PCA: pcaIndexWeights(components),
          'derived importance': {
            dimensions: Object.fromEntries(importance.drivers.map((d) => [d.driver, d.share])),
          },
        },
      }),
    );
    const markdown = r.toMarkdown();
    expect(markdown).toContain(
      `- Principal components: 5 kept, 61.1% of the variance; KMO ${components.kmo!.overall.toFixed(3)}`,
    );
    expect(markdown).toContain('- Most important driver: reliability (');
    expect(markdown).toContain('### Regression\n');
    expect(markdown).toContain('### Relative importance\n');
    expect(markdown).toContain('### Importance–performance map\n');
    const html = r.toHTML();
    expectSelfContained(html);
    for (const id of ['pca', 'drivers', 'regression', 'relative-importance', 'importance-performance']) {
      expect(html).toContain(`<section id="${id}">`);
    }
    expect(r.warnings).toContain(`Drivers of overall satisfaction: ${importance.warnings[0]}`);
  });

  it('the PCA and driver example of docs/report.md runs as written', () => {
    const page = readFileSync(new URL('../../docs/report.md', import.meta.url), 'utf8');
    const block = page
      .split('## Principal components and driver analysis')[1]!
      .split('```ts\n')[1]!
      .split('```')[0]!;
    const { scoringTable } = JSON.parse(
      readFileSync(new URL('../../examples/data/bank-survey.weights.json', import.meta.url), 'utf8'),
    );
    const result = new Function(
      'report',
      'responses',
      'scoringTable',
      `return ${block.trim().replace(/;$/, '')};`,
    )(report, sample, scoringTable) as ReturnType<typeof report>;
    expect(result.sections.map((s) => s.id)).toEqual([
      'satisfaction-index',
      'pca',
      'drivers',
      'method-comparison',
    ]);
    const comparison = result.sections[3]!.parts[0]!.result;
    expect(comparison.method === 'method-comparison' && comparison.methods.map((m) => m.name)).toEqual([
      'stated',
      'PCA',
      'derived importance',
    ]);
  });

  it('drivers as items, on rows with columns; the comparison takes the relative-importance result', () => {
    const rows = [
      [5, 4, 4, 5],
      [4, 4, 3, 4],
      [2, 3, 2, 2],
      [3, 3, 4, 3],
      [5, 5, 4, 4],
      [1, 2, 2, 1],
      [4, 3, 3, 4],
      [3, 4, 2, 3],
    ];
    const columns = ['q1', 'q2', 'q3', 'overall'];
    const config = {
      columns,
      items: ['q1', 'q2', 'q3'],
      scale: { min: 1, max: 5 },
      drivers: { outcome: 'overall', drivers: ['q1', 'q2', 'q3'], method: 'relative-weights' as const },
      comparison: { weightings: { equal: 'equal' as const } },
    };
    const r = report(rows, config);
    const options = { columns, outcome: 'overall', drivers: ['q1', 'q2', 'q3'] };
    const importance = relativeImportance(rows, { ...options, method: 'relative-weights' });
    expect(r.sections[0]!.parts[1]!.result).toEqual(importance);
    expect(r.sections[0]!.parts[2]!.result).toEqual(
      importancePerformance(rows, { ...options, importance: 'relative-weights', scale: { min: 1, max: 5 } }),
    );
    const comparison = r.sections[1]!.parts[0]!.result;
    expect(comparison.method === 'method-comparison' && comparison.methods.map((m) => m.name)).toEqual([
      'derived importance',
      'equal',
    ]);
    expectSelfContained(r.toHTML());
  });

  it('leaves PCA weights and derived importance out of the comparison when they weigh other items', () => {
    const r = report(sample, {
      items,
      pca: { items: items.slice(0, 9), scores: false },
      drivers: { outcome: 'overall', drivers: ['p_rel1', 'p_res1'] },
      comparison: { weightings: { equal: 'equal', stated } },
    });
    expect(r.warnings).toContain(
      'report: the PCA items are not the compared items, so the method comparison leaves the PCA weights out',
    );
    expect(r.warnings).toContain(
      'report: the drivers are neither the compared items nor the dimensions, so the method comparison leaves the derived importance out',
    );
  });

  it('rejects driver configs it cannot run, naming the cause', () => {
    expect(() =>
      report({ q1: [1, 2, 3], y: [1, 2, 3] }, { drivers: { outcome: 'y', drivers: 'dimensions' } }),
    ).toThrow(
      new RangeError(
        "report: drivers 'dimensions' needs dimensions (config.dimensions, or a survey definition that gives every analysed item one); got none",
      ),
    );
    expect(() => report(sample, { items, drivers: { outcome: 'p_rel1', drivers: 'dimensions' } })).toThrow(
      new RangeError(
        'report: drivers.outcome must be neither a dimension nor one of its items; got "p_rel1" in "reliability"',
      ),
    );
    expect(() => report(sample, { items, drivers: { outcome: 'nothing', drivers: 'dimensions' } })).toThrow(
      new RangeError('report: drivers.outcome must be one of the columns; got "nothing"'),
    );
    expect(() => report(sample, { drivers: 'overall' as never })).toThrow(
      new TypeError('report: drivers must be { outcome, drivers, … }; got "overall"'),
    );
    expect(() => report(sample, { drivers: { outcome: 'overall', drivers: 'p_rel1' as never } })).toThrow(
      new TypeError(`report: drivers.drivers must be a list of items or 'dimensions'; got "p_rel1"`),
    );
  });

  it('an empty config gives an overview only', () => {
    const r = report(sample);
    expect(r.sections).toEqual([]);
    expect(r.toMarkdown()).toContain('- Analyses: none');
    expectSelfContained(r.toHTML());
  });

  it('rejects a bad config with messages naming it', () => {
    expect(() => report(sample, null as never)).toThrow(
      new TypeError('report: config must be an object; got null'),
    );
    expect(() => report(sample, { describe: 'yes' as never })).toThrow(
      new TypeError('report: a section must be true, false or an options object; got "yes"'),
    );
    expect(() => report({ q: [1, 2] }, { netPromoterScore: true })).toThrow(
      new RangeError(
        'report: netPromoterScore.item must name the 0–10 recommend column for data without a survey definition; got none',
      ),
    );
    expect(() => report({ q: [1, 2] }, { netPromoterScore: { item: 'x' } })).toThrow(
      new RangeError('report: netPromoterScore.item must be one of the columns; got "x"'),
    );
  });
});

describe('htmlDocument', () => {
  it('doc-comment example and escaping of titles', () => {
    const html = htmlDocument({
      title: 'Q3 survey',
      sections: [{ id: 'index', title: 'Index', blocks: [{ kind: 'paragraph', text: 'Index 69.1' }] }],
    });
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expectSelfContained(html);
    expect(html).not.toContain('<nav');
    const two = htmlDocument({
      title: '<x>',
      sections: [
        { id: 'a', title: 'A <b>', blocks: [] },
        { id: 'a', title: 'again', blocks: [{ kind: 'warnings', warnings: ['<w>'] }] },
      ],
    });
    expect(two).toContain('<section id="a-2">');
    expect(two).toContain('<a href="#a-2">again</a>');
    expect(two).toContain('<li>&lt;w&gt;</li>');
    expect(two).toContain('<h2>A &lt;b&gt;</h2>');
    expect(() => htmlDocument(null as never)).toThrow(
      new TypeError('htmlDocument: options must be { title, sections }; got null'),
    );
  });
});
