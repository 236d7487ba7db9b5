/**
 * The scoring-table method on the bundled sample survey: check that each dimension's perception
 * items are reliable, then turn the answers into a 0–100 satisfaction index with a two-level weight
 * table (dimension weights, equal item weights within each dimension), per dimension, per channel
 * with bootstrap intervals, and as a satisfaction-level table per item.
 *
 * Run: npx tsx examples/scoring-table.ts
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  cronbachAlpha,
  type DimensionWeights,
  defineSurvey,
  mcdonaldOmega,
  parseCsv,
  type SurveyDefinitionInput,
  satisfactionIndex,
} from '../src/index.js';

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));
const fixed = (value: number | null, digits = 1) => (value === null ? '–' : value.toFixed(digits));
const heading = (text: string) => console.log(`\n${text}\n${'─'.repeat(text.length)}`);

const survey = defineSurvey(
  JSON.parse(readFileSync(here('./data/bank-survey.survey.json'), 'utf8')) as SurveyDefinitionInput,
);
const responses = parseCsv(readFileSync(here('./data/bank-survey.csv'), 'utf8'), survey);
const dimensions = ['tangibles', 'reliability', 'responsiveness', 'assurance', 'empathy'];
const perceptionItems = (dimension: string) =>
  responses.dimension(dimension).filter((id) => id.startsWith('p_'));

heading('1. Reliability of each dimension (perception items, weighted, listwise)');
console.log('dimension       k    n  alpha  95% Feldt      omega  weakest item (r item-rest)');
for (const dimension of dimensions) {
  const items = perceptionItems(dimension);
  const alpha = cronbachAlpha(responses, { items });
  const omega = mcdonaldOmega(responses, { items });
  const weakest = [...alpha.items].sort(
    (a, b) => a.correctedItemTotalCorrelation - b.correctedItemTotalCorrelation,
  )[0]!;
  const { lower, upper } = alpha.confidenceInterval;
  console.log(
    `${dimension.padEnd(15)} ${alpha.k}  ${String(alpha.n).padStart(3)}  ${fixed(alpha.alpha, 3)}  ${fixed(lower, 3)}–${fixed(upper, 3)}  ${fixed(omega.omegaTotal, 3)}  ${weakest.item} (${fixed(weakest.correctedItemTotalCorrelation, 3)})`,
  );
  for (const warning of [...alpha.warnings, ...omega.warnings]) console.log(`  ! ${warning}`);
}

heading('2. Satisfaction index with a two-level weight table');
// A manager's stated dimension weights, equal item weights within each dimension
// (examples/data/bank-survey.weights.json).
const { scoringTable: weights } = JSON.parse(
  readFileSync(here('./data/bank-survey.weights.json'), 'utf8'),
) as { scoringTable: DimensionWeights };
const items = dimensions.flatMap(perceptionItems);
const result = satisfactionIndex(responses, { items, weights, by: 'channel' });
const [low, high] = result.confidenceInterval!;
console.log(
  `index ${fixed(result.index)} / 100 (${result.level}); 95% bootstrap interval ${fixed(low)}–${fixed(high)}; ` +
    `${result.n} respondents, ${result.respondentsWithMissing} with a missing answer`,
);
console.log('\ndimension       weight  sub-index  contribution  level');
for (const row of result.dimensions) {
  console.log(
    `${row.dimension.padEnd(15)} ${fixed(row.weight, 2).padStart(6)}  ${fixed(row.index).padStart(9)}  ${fixed(row.contribution).padStart(12)}  ${row.level}`,
  );
}

heading('3. Per channel (difference to the overall index)');
for (const segment of result.segments!) {
  const interval = segment.confidenceInterval;
  console.log(
    `${segment.segment.padEnd(8)} n = ${String(segment.n).padStart(3)}  index ${fixed(segment.index)}  ` +
      `(${segment.difference! >= 0 ? '+' : ''}${fixed(segment.difference)})  ` +
      `95% ${interval === null ? 'no interval' : `${fixed(interval[0])}–${fixed(interval[1])}`}`,
  );
}

heading('4. Satisfaction-level table: the five lowest and the three highest items');
const byScore = [...result.items].sort((a, b) => a.score - b.score);
for (const item of [...byScore.slice(0, 5), ...byScore.slice(-3)]) {
  console.log(
    `${item.item.padEnd(8)} score ${fixed(item.score).padStart(5)}  ${item.level.padEnd(16)} ${item.text}`,
  );
}
const bands = result.levels.map((band) => `${band.label} ≥ ${band.min}`).join(', ');
console.log(`(bands: ${bands})`);

heading('5. The same items under other weightings');
const equal = satisfactionIndex(responses, { items });
const stated = result.index;
console.log(`equal item weights ${fixed(equal.index)}; two-level table ${fixed(stated)}`);
