/**
 * The full report of the bundled sample survey, written as one self-contained HTML file with charts
 * (report.html) and as Markdown (report.md): item descriptives, the Net Promoter Score, reliability
 * per dimension, the satisfaction index with the manager's scoring table and its segments by
 * channel, the AHP weights of the dimensions with the fuzzy evaluation, the comparison of the two
 * weightings, and the SERVQUAL gaps by channel.
 *
 * Run: npx tsx examples/report.ts [output directory]   (default: a new temporary directory)
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type DimensionWeights,
  defineSurvey,
  type LabelledPairwiseMatrix,
  parseCsv,
  report,
  type SurveyDefinitionInput,
} from '../src/index.js';

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

const definition = JSON.parse(
  readFileSync(here('./data/bank-survey.survey.json'), 'utf8'),
) as SurveyDefinitionInput & { name: string };
const responses = parseCsv(readFileSync(here('./data/bank-survey.csv'), 'utf8'), defineSurvey(definition));

// The manager's stated dimension weights and pairwise judgments (examples/data/bank-survey.weights.json).
const { scoringTable, ahpJudgments } = JSON.parse(
  readFileSync(here('./data/bank-survey.weights.json'), 'utf8'),
) as { scoringTable: DimensionWeights; ahpJudgments: LabelledPairwiseMatrix };
// SERVQUAL takes the same weights as 100 points.
const points = Object.fromEntries(
  Object.entries(scoringTable.dimensions).map(([dimension, weight]) => [dimension, Math.round(weight * 100)]),
);

// Describe, reliability, the index and the fuzzy evaluation use the perception items; their
// dimensions come from the survey definition. SERVQUAL pairs the e_{item} and p_{item} columns itself.
const items = ahpJudgments.labels.flatMap((dimension) =>
  responses.dimension(dimension).filter((id) => id.startsWith('p_')),
);
const result = report(responses, {
  title: definition.name,
  subtitle: `Bundled sample, ${responses.n} respondents`,
  items,
  describe: true,
  netPromoterScore: true,
  reliability: true,
  satisfactionIndex: { weights: scoringTable, by: 'channel' },
  ahp: { judgments: ahpJudgments },
  fuzzy: true,
  pca: { rotation: 'varimax', by: 'channel' },
  drivers: { outcome: 'overall', drivers: 'dimensions' },
  comparison: true,
  servqual: { importance: { points }, by: 'channel' },
});

const directory =
  process.argv[2] === undefined ? mkdtempSync(join(tmpdir(), 'report-')) : resolve(process.argv[2]);
mkdirSync(directory, { recursive: true });
const html = result.toHTML();
const markdown = result.toMarkdown();
const htmlPath = join(directory, 'report.html');
const markdownPath = join(directory, 'report.md');
writeFileSync(htmlPath, html);
writeFileSync(markdownPath, markdown);

console.log(`${result.title}: ${result.n} respondents`);
console.log('\nSections');
result.sections.forEach((section, i) => {
  const labels = [...new Set(section.parts.map((p) => p.label).filter((label) => label !== null))];
  const title = `${section.title}${labels.length === 0 ? '' : ` (${labels.join(', ')})`}`;
  console.log(`${String(i + 1).padStart(2)}. ${section.id.padEnd(20)} ${title}`);
});

const charts = html.match(/<svg [^>]*role="img"/g)?.length ?? 0;
const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;
console.log(`\n${plural(charts, 'chart')}, ${plural(result.warnings.length, 'warning')}`);
const headline = result.sections.flatMap((s) => s.parts.map((p) => p.result));
for (const r of headline) {
  if (r.method === 'satisfaction-index')
    console.log(`Satisfaction index ${r.index.toFixed(1)} / 100 (${r.level})`);
  if (r.method === 'net-promoter-score') console.log(`Net Promoter Score ${r.score.toFixed(1)}`);
  if (r.method === 'servqual') console.log(`SERVQUAL score ${r.overallGap.toFixed(3)}`);
}
for (const warning of result.warnings) console.log(`! ${warning}`);
console.log(`\nHTML:     ${htmlPath} (${(Buffer.byteLength(html) / 1024).toFixed(0)} KiB)`);
console.log(`Markdown: ${markdownPath}`);
