import { readFileSync } from 'node:fs';
import { expect, it, describe as suite } from 'vitest';
import * as index from '../../src/index.js';
import * as bar from '../../src/report/charts/bar-chart.js';
import * as grouped from '../../src/report/charts/grouped-bar-chart.js';
import * as line from '../../src/report/charts/line-chart.js';
import * as quadrant from '../../src/report/charts/quadrant-chart.js';
import * as range from '../../src/report/charts/range-chart.js';
import * as stacked from '../../src/report/charts/stacked-bar-chart.js';
import { RENDERED_METHODS, renderMarkdown } from '../../src/report/render.js';
import { report } from '../../src/report/report.js';
import { SECTION_ORDER } from './helpers.js';

// docs/report.md shows output and lists what renders: keep them true. Its quick start is run as
// written (imports removed, the sample's paths kept, files written to memory).
const page = readFileSync(new URL('../../docs/report.md', import.meta.url), 'utf8');

suite('docs/report.md', () => {
  it('the renderMarkdown example is what renderMarkdown prints', () => {
    const markdown = renderMarkdown(index.netPromoterScore([10, 9, 8, 7, 6, 3, 10, 9, 10, 2]));
    expect(page).toContain(`\`\`\`text\n${markdown}\`\`\``);
  });

  it('the method table lists exactly the rendered methods', () => {
    const section = page.split(/\| `method` +\| section/)[1]!.split('\n\n')[0]!;
    const listed = [...section.matchAll(/^\| `([a-z-]+)` +\|/gm)].map((m) => m[1]);
    expect([...listed].sort()).toEqual([...RENDERED_METHODS].sort());
  });

  it('every chart function it lists exists', () => {
    const charts = { ...bar, ...grouped, ...line, ...quadrant, ...range, ...stacked } as Record<
      string,
      unknown
    >;
    const section = page.split('## Charts')[1]!.split('## Escaping')[0]!;
    const listed = [...section.matchAll(/^\| `(\w+)\(/gm)].map((m) => m[1]!);
    expect(listed).toHaveLength(7);
    for (const name of listed) expect(typeof charts[name], name).toBe('function');
  });

  it('the quick start runs as written', () => {
    const block = page.split('```ts\n')[1]!.split('```')[0]!;
    const written = new Map<string, string>();
    const root = new URL('../../', import.meta.url);
    const body = block.replace(/^import .*\n/gm, '').replace(/\(file: string\)/, '(file)');
    const result = new Function(
      'readFileSync',
      'writeFileSync',
      'defineSurvey',
      'parseCsv',
      'report',
      `${body}\nreturn result;`,
    )(
      // Paths are relative to the repository root, as when the snippet runs there.
      (path: string, encoding: 'utf8') => readFileSync(new URL(path, root), encoding),
      (file: string, text: string) => written.set(file, text),
      index.defineSurvey,
      index.parseCsv,
      report,
    ) as ReturnType<typeof report>;
    expect([...written.keys()]).toEqual(['report.html', 'report.md', 'report.json']);
    expect(written.get('report.html')).toBe(result.toHTML());
    expect(result.sections.map((s) => s.id)).toEqual(
      SECTION_ORDER.filter((id) => !['pca', 'drivers', 'servqual'].includes(id)),
    );
  });
});
