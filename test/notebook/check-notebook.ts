/**
 * Checks an executed copy of examples/notebook.ipynb (made by test/notebook/run-notebook.sh): it is
 * the committed notebook, every code cell ran and printed nothing on stderr, every result is shown
 * as HTML with the report stylesheet and charts, and the outputs hold what the library computes for
 * the bundled sample (the Net Promoter Score, AHP and SERVQUAL sections exactly as `renderHTML`
 * writes them, the full report's sections).
 *
 * Run: npx tsx test/notebook/check-notebook.ts executed.ipynb
 * Prints one line per failed check and a count of the checks; exits 1 on a failure.
 */
import { readFileSync } from 'node:fs';
import {
  ahp,
  type DimensionWeights,
  type LabelledPairwiseMatrix,
  netPromoterScore,
  renderHTML,
  servqual,
} from '../../src/index.js';
import { bankSample } from '../helpers/data.js';
import { codeCells, EXAMPLE_NOTEBOOK, type NotebookCell, readNotebook, text } from './notebook-file.js';

const path = process.argv[2];
if (path === undefined) {
  console.error('usage: npx tsx test/notebook/check-notebook.ts executed.ipynb');
  process.exit(2);
}

const executed = codeCells(readNotebook(path));
const committed = codeCells(readNotebook(EXAMPLE_NOTEBOOK));
const failures: string[] = [];
let passed = 0;
function check(name: string, ok: boolean, detail = ''): void {
  if (ok) passed++;
  else failures.push(`${name}${detail === '' ? '' : `: ${detail}`}`);
}

const label = (cell: NotebookCell, i: number) =>
  `code cell ${i + 1}${cell.id === undefined ? '' : ` (${cell.id})`}`;
const htmlOf = (cell: NotebookCell) =>
  (cell.outputs ?? [])
    .filter((o) => o.output_type === 'display_data' && o.data?.['text/html'] !== undefined)
    .map((o) => text(o.data!['text/html']));

check(
  'the executed notebook is examples/notebook.ipynb',
  executed.length === committed.length &&
    executed.every((cell, i) => text(cell.source) === text(committed[i]!.source)),
  `${executed.length} code cells, the committed notebook has ${committed.length}`,
);

executed.forEach((cell, i) => {
  const outputs = cell.outputs ?? [];
  const errors = outputs.filter((o) => o.output_type === 'error' || o.name === 'stderr');
  check(
    `${label(cell, i)} ran without an error`,
    errors.length === 0,
    errors.map((o) => `${o.ename ?? ''} ${o.evalue ?? ''}${text(o.text)}`.trim().slice(0, 500)).join('\n'),
  );
  // Each cell of the example shows a result or prints: a cell without output did not run.
  check(`${label(cell, i)} has output`, outputs.length > 0, 'none');
});

const html = executed.flatMap(htmlOf);
// Thirteen results are displayed: describe, NPS, alpha, omega, index, AHP, fuzzy, PCA, regression,
// relative importance, importance–performance map, SERVQUAL, and the full report.
check('every result is displayed as HTML', html.length === 13, `${html.length} HTML outputs`);
check(
  'each HTML output is the scoped stylesheet and its section',
  html.every(
    (h) =>
      h.startsWith('<div class="satisfaction-analytics">\n<style>\n') && h.match(/<style>/g)?.length === 1,
  ),
);
// The regression's section is tables only; every other one has a chart.
const charted = html.filter((h) => /<svg [^>]*role="img"/.test(h)).length;
check(
  'every result but the regression has an SVG chart',
  charted === html.length - 1,
  `${charted} with charts`,
);

const stdout = executed
  .flatMap((cell) => cell.outputs ?? [])
  .filter((o) => o.name === 'stdout')
  .map((o) => text(o.text))
  .join('');
const sample = bankSample();
check(
  'the survey is parsed',
  stdout.includes(`${sample.n} respondents, ${sample.items.length} items`),
  stdout,
);

// The notebook's results rendered here from the same data: its outputs must hold them verbatim.
const stated = JSON.parse(
  readFileSync(new URL('../../examples/data/bank-survey.weights.json', import.meta.url), 'utf8'),
) as { scoringTable: DimensionWeights; ahpJudgments: LabelledPairwiseMatrix };
const points = Object.fromEntries(
  Object.entries(stated.scoringTable.dimensions).map(([dimension, weight]) => [
    dimension,
    Math.round(weight * 100),
  ]),
);
// The single results (the last output is the full report, which holds the same sections).
const results = html.slice(0, -1).join('\n');
const gaps = servqual(sample, { importance: { points }, by: 'channel' });
for (const [name, result] of [
  ['Net Promoter Score', netPromoterScore(sample)],
  ['AHP weights', ahp(stated.ahpJudgments)],
  ['SERVQUAL', gaps],
] as const) {
  check(`the ${name} section is the library's`, results.includes(renderHTML(result)));
}
check(
  'the SERVQUAL score is shown',
  results.includes(`SERVQUAL score (mean dimension gap P − E)</dt><dd>${gaps.overallGap.toFixed(3)}</dd>`),
);

const report = html.at(-1) ?? '';
check(
  'the full report has a title and contents',
  report.includes('<h1>') && report.includes('<nav class="toc"'),
);
for (const id of [
  'overview',
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
]) {
  check(`the full report has the section ${id}`, report.includes(`<section id="${id}"`));
}

for (const failure of failures) console.error(`FAILED ${failure}`);
// Worded apart from the test runner's closing "N passed, N failed" line, which stays the count of tests.
console.log(
  failures.length === 0
    ? `notebook: all ${passed} checks passed`
    : `notebook: ${failures.length} of ${passed + failures.length} checks failed`,
);
process.exit(failures.length === 0 ? 0 : 1);
