/**
 * AHP weights and fuzzy comprehensive evaluation on the bundled sample survey: a manager's pairwise
 * judgments of the five SERVQUAL dimensions give their weights (with the consistency check), the
 * answers give each item's membership in five grades, and a two-level evaluation turns both into a
 * grade and a score. The same weights then feed the satisfaction index, to compare the two methods.
 *
 * Run: npx tsx examples/ahp-fuzzy.ts
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  ahp,
  defineSurvey,
  fuzzyEvaluate,
  fuzzyEvaluateHierarchy,
  type LabelledPairwiseMatrix,
  membershipMatrix,
  parseCsv,
  type SurveyDefinitionInput,
  satisfactionIndex,
} from '../src/index.js';

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));
const fixed = (value: number, digits = 3) => value.toFixed(digits);
const heading = (text: string) => console.log(`\n${text}\n${'─'.repeat(text.length)}`);

const survey = defineSurvey(
  JSON.parse(readFileSync(here('./data/bank-survey.survey.json'), 'utf8')) as SurveyDefinitionInput,
);
const responses = parseCsv(readFileSync(here('./data/bank-survey.csv'), 'utf8'), survey);
const dimensions = ['tangibles', 'reliability', 'responsiveness', 'assurance', 'empathy'];
const perceptionItems = (dimension: string) =>
  responses.dimension(dimension).filter((id) => id.startsWith('p_'));

heading('1. AHP: how much each dimension matters (pairwise judgments on Saaty’s 1–9 scale)');
// A manager's judgments: row dimension compared with column dimension, 3 = moderately more
// important, 1/3 = moderately less (examples/data/bank-survey.weights.json).
const { ahpJudgments } = JSON.parse(readFileSync(here('./data/bank-survey.weights.json'), 'utf8')) as {
  ahpJudgments: LabelledPairwiseMatrix;
};
for (const [k, row] of ahpJudgments.matrix.entries()) {
  console.log(
    `${ahpJudgments.labels[k]!.padEnd(15)} ${row.map((value) => String(value).padStart(4)).join(' ')}`,
  );
}
const judgments = ahp(ahpJudgments);
console.log('\npriority weights (principal eigenvector):');
for (const [k, label] of judgments.labels.entries()) {
  console.log(`${label.padEnd(15)} ${fixed(judgments.weights[k]!)}`);
}
console.log(
  `λmax ${fixed(judgments.lambdaMax)}, CI ${fixed(judgments.consistencyIndex, 4)}, RI ${judgments.randomIndex}, ` +
    `CR ${fixed(judgments.consistencyRatio)} → ${judgments.consistent ? 'consistent (CR < 0.10)' : 'inconsistent'}`,
);

heading('2. Membership of each dimension’s items in the five grades (weighted shares)');
const evaluation = fuzzyEvaluateHierarchy({
  weights: judgments,
  dimensions: dimensions.map((id) => {
    const items = perceptionItems(id);
    return {
      id,
      weights: items.map(() => 1 / items.length),
      membership: membershipMatrix(responses, { items }),
    };
  }),
});
const grades = evaluation.grades;
console.log(`${'dimension'.padEnd(15)} ${grades.map((g) => g.slice(0, 12).padStart(13)).join('')}  grade`);
for (const dimension of evaluation.dimensions) {
  const result = dimension.evaluation;
  console.log(
    `${dimension.id.padEnd(15)} ${result.normalizedVector.map((b) => fixed(b).padStart(13)).join('')}  ${result.grade} (${result.score.toFixed(1)})`,
  );
}

heading('3. Overall: B = A ∘ R with the AHP weights (weighted average, M(·,+))');
console.log(
  `B = [${evaluation.normalizedVector.map((b) => fixed(b)).join(', ')}] over ${grades.join(' / ')}`,
);
console.log(
  `grade by maximum membership: ${evaluation.grade}; score (100/80/60/40/20): ${evaluation.score.toFixed(1)}`,
);
const minMax = fuzzyEvaluate({
  weights: judgments,
  membership: {
    items: dimensions,
    grades,
    matrix: evaluation.dimensions.map((d) => d.evaluation.normalizedVector),
  },
  operator: 'min-max',
});
console.log(`the same under min-max M(∧,∨): grade ${minMax.grade}, score ${minMax.score.toFixed(1)}`);
for (const warning of minMax.warnings) console.log(`  ! ${warning}`);

heading('4. The satisfaction index under the same AHP weights');
const items = dimensions.flatMap(perceptionItems);
const weighted = satisfactionIndex(responses, {
  items,
  weights: {
    dimensions: Object.fromEntries(judgments.labels.map((label, k) => [label, judgments.weights[k]!])),
  },
});
const equal = satisfactionIndex(responses, { items });
console.log(
  `index with AHP dimension weights ${weighted.index.toFixed(1)} (${weighted.level}); equal item weights ${equal.index.toFixed(1)}`,
);
console.log(
  'On a 1–5 scale with grade scores 100/80/60/40/20 the fuzzy score is 20 × the mean answer, that is ' +
    '20 + 0.8 × the 0–100 index score: the two rank the dimensions alike, and the fuzzy vector adds the ' +
    'spread of opinion.',
);
