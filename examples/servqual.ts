/**
 * SERVQUAL on the bundled sample survey: the gap between what the bank's customers expect and what
 * they perceive, per item and per dimension; the unweighted and importance-weighted SERVQUAL scores
 * and SERVPERF; the reliability of each dimension; the gaps per channel; and the items with the
 * largest shortfalls, with their paired t-tests.
 *
 * Run: npx tsx examples/servqual.ts
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  type DimensionWeights,
  defineSurvey,
  parseCsv,
  type SurveyDefinitionInput,
  servqual,
} from '../src/index.js';

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));
const fixed = (value: number | null, digits = 2) => (value === null ? '–' : value.toFixed(digits));
const signed = (value: number | null, digits = 2) =>
  value === null ? '–' : `${value >= 0 ? '+' : ''}${value.toFixed(digits)}`;
const heading = (text: string) => console.log(`\n${text}\n${'─'.repeat(text.length)}`);

const survey = defineSurvey(
  JSON.parse(readFileSync(here('./data/bank-survey.survey.json'), 'utf8')) as SurveyDefinitionInput,
);
const responses = parseCsv(readFileSync(here('./data/bank-survey.csv'), 'utf8'), survey);

// The manager's stated dimension weights (examples/data/bank-survey.weights.json) as 100 points.
const { scoringTable } = JSON.parse(readFileSync(here('./data/bank-survey.weights.json'), 'utf8')) as {
  scoringTable: DimensionWeights;
};
const points = Object.fromEntries(
  Object.entries(scoringTable.dimensions).map(([dimension, weight]) => [dimension, Math.round(weight * 100)]),
);

// The instrument comes from the survey definition: columns e_{item} and p_{item}, with their dimensions.
const result = servqual(responses, { importance: { points }, by: 'channel' });

heading('1. Dimensions (survey-weighted means of per-respondent scores)');
console.log('dimension          n   E      P      gap    rank');
for (const row of result.dimensions) {
  console.log(
    `${row.dimension.padEnd(15)} ${String(row.n).padStart(4)}  ${fixed(row.expectation)}   ${fixed(row.perception)}   ${signed(row.gap)}  ${row.rank}`,
  );
}

heading('2. Scores');
console.log(`unweighted SERVQUAL score (mean of the dimension gaps): ${signed(result.overallGap, 3)}`);
console.log(
  `weighted SERVQUAL score (points ${Object.values(points).join('/')}): ${signed(result.weightedGap, 3)}`,
);
console.log(`SERVPERF (mean of the dimension perceptions): ${fixed(result.servperf, 3)}`);

heading('3. Reliability of each dimension (Cronbach alpha, listwise)');
console.log('dimension       k  expectation  perception  gap');
for (const row of result.reliability!) {
  console.log(
    `${row.dimension.padEnd(15)} ${row.k}  ${fixed(row.expectation?.alpha ?? null, 3).padStart(11)}  ${fixed(row.perception?.alpha ?? null, 3).padStart(10)}  ${fixed(row.gap?.alpha ?? null, 3)}`,
  );
}

heading('4. Gaps per channel (difference to the whole sample)');
console.log(
  `${'channel'.padEnd(8)}   n  ${'overall (diff)'.padEnd(15)}  ${result.dimensions.map((d) => d.dimension.slice(0, 6).padEnd(7)).join(' ')}`,
);
for (const segment of result.segments!) {
  console.log(
    `${segment.segment.padEnd(8)} ${String(segment.n).padStart(3)}  ${signed(segment.overallGap, 3)} (${signed(segment.difference.overallGap, 3)})  ${segment.dimensions.map((d) => signed(d.gap).padEnd(7)).join(' ')}`,
  );
}

const reversed = (column: string) => responses.item(column).reverse;
heading('5. The five largest shortfalls (paired t-test of P against E)');
for (const id of result.ranking.slice(0, 5)) {
  const item = result.items.find((row) => row.item === id)!;
  const test = result.tests.items.find((row) => row.item === id)!;
  console.log(
    `${String(item.rank).padStart(2)}. ${id.padEnd(5)} gap ${signed(item.gap)}  95% ${fixed(test.confidenceInterval![0])} to ${fixed(test.confidenceInterval![1])}  t(${test.df}) = ${fixed(test.tValue)}  ${item.text}${reversed(item.perceptionColumn) ? ' (reverse-worded, scored 6 − x)' : ''}`,
  );
}
for (const warning of result.warnings) console.log(`! ${warning}`);
