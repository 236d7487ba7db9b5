/**
 * End-to-end run over the bundled sample survey (612 customers of a retail bank): read the CSV
 * under its survey definition, report what was read, describe the items, score the NPS overall and
 * per channel, check the reliability of each dimension, compute the satisfaction index, evaluate
 * it with AHP weights and fuzzy composition, score the SERVQUAL gaps, summarise the items by
 * principal components, and find the drivers of overall satisfaction.
 *
 * Run: npm run demo
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  ahp,
  cronbachAlpha,
  type DimensionWeights,
  defineSurvey,
  describe,
  fuzzyEvaluateHierarchy,
  importancePerformance,
  type LabelledPairwiseMatrix,
  membershipMatrix,
  netPromoterScore,
  netPromoterScoreDifference,
  pca,
  proportion,
  relativeImportance,
  type SurveyDefinitionInput,
  satisfactionIndex,
  servqual,
} from '../src/index.js';
import { readCsv } from '../src/node/index.js';

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));
const fixed = (value: number, digits = 2) => value.toFixed(digits);
const percent = (share: number) => `${(100 * share).toFixed(1)}%`;
const pad = (text: string, width: number) => text.padEnd(width);
const heading = (text: string) => console.log(`\n${text}\n${'─'.repeat(text.length)}`);

const definition = JSON.parse(
  readFileSync(here('./data/bank-survey.survey.json'), 'utf8'),
) as SurveyDefinitionInput;
const survey = defineSurvey(definition);
/** A manager's stated weights: a two-level scoring table and AHP judgments of the dimensions. */
const stated = JSON.parse(readFileSync(here('./data/bank-survey.weights.json'), 'utf8')) as {
  scoringTable: DimensionWeights;
  ahpJudgments: LabelledPairwiseMatrix;
};
const responses = await readCsv(here('./data/bank-survey.csv'), survey);
const { report } = responses;

heading(`${survey.definition.name}: what was read`);
console.log(`rows read ${report.rowsRead}, kept ${report.rowsKept}, dropped ${report.rowsDropped}`);
const missingCells = Object.values(report.missingPerItem).reduce((a, b) => a + b, 0);
console.log(
  `${responses.items.length} items, ${missingCells} missing answers (${percent(missingCells / (responses.n * responses.items.length))} of cells); ` +
    `segments: ${responses.segments.join(', ')}; weighted by "${survey.definition.weight}"`,
);
const reversed = survey.definition.items.filter((item) => item.reverse).map((item) => item.id);
console.log(`reverse coded: ${reversed.join(', ')}`);

heading('Perception items (weighted): mean, top-2 box, bottom-2 box');
const perception = responses.items.filter((id) => id.startsWith('p_'));
const described = describe(responses, { items: perception });
const byMean = [...described.items].sort((a, b) => a.mean - b.mean);
for (const item of [...byMean.slice(0, 4), ...byMean.slice(-3)]) {
  console.log(
    `${pad(item.item, 8)} ${fixed(item.mean)}  top-2 ${pad(percent(item.topBoxShare ?? Number.NaN), 6)} bottom-2 ${pad(percent(item.bottomBoxShare ?? Number.NaN), 6)} ${item.text}${responses.item(item.item).reverse ? ' (reverse coded)' : ''}`,
  );
}
console.log(
  `(lowest four and highest three of ${described.items.length}; missing answers excluded per item)`,
);

heading('Overall satisfaction');
const overall = describe(responses, { items: ['overall'] }).items[0]!;
console.log(
  `mean ${fixed(overall.mean)} on 1–5 (sd ${fixed(overall.sd)}), n = ${overall.n}, missing ${overall.missing}`,
);
const satisfied = proportion(
  Array.from(responses.column('overall'), (x) => (Number.isNaN(x) ? Number.NaN : x >= 4 ? 1 : 0)),
  { weights: responses.weights! },
);
const [low, high] = satisfied.confidenceInterval;
console.log(
  `satisfied (4–5): ${percent(satisfied.estimate)}, 95% Wilson interval ${percent(low)}–${percent(high)}`,
);

heading('Net Promoter Score (weighted)');
const nps = netPromoterScore(responses);
console.log(
  `NPS ${fixed(nps.score, 1)} ± ${fixed(1.96 * nps.standardError, 1)}  (promoters ${percent(nps.promoterShare)}, detractors ${percent(nps.detractorShare)}, n = ${nps.n})`,
);
const channels = responses.groupBy('channel');
for (const group of channels) {
  const result = netPromoterScore(group.responses);
  console.log(`  ${pad(group.key, 7)} NPS ${pad(fixed(result.score, 1), 5)} (n = ${result.n})`);
}
const branch = channels.find((group) => group.key === 'branch')!;
const phone = channels.find((group) => group.key === 'phone')!;
const gap = netPromoterScoreDifference(netPromoterScore(branch.responses), netPromoterScore(phone.responses));
console.log(
  `  branch − phone: ${fixed(gap.difference, 1)} points, z = ${fixed(gap.zValue)}, p = ${gap.pValue.toPrecision(2)}`,
);

heading('Reliability and the satisfaction index (perception items, two-level weights)');
const dimensionNames = ['tangibles', 'reliability', 'responsiveness', 'assurance', 'empathy'];
const alphas = dimensionNames.map((dimension) => {
  const items = responses.dimension(dimension).filter((id) => id.startsWith('p_'));
  return `${dimension} ${fixed(cronbachAlpha(responses, { items }).alpha, 3)}`;
});
console.log(`Cronbach's alpha: ${alphas.join(', ')}`);
const csi = satisfactionIndex(responses, {
  items: perception,
  weights: stated.scoringTable,
  by: 'channel',
});
const [csiLow, csiHigh] = csi.confidenceInterval!;
console.log(
  `index ${fixed(csi.index, 1)} / 100 (${csi.level}), 95% bootstrap interval ${fixed(csiLow, 1)}–${fixed(csiHigh, 1)}`,
);
console.log(
  `  by dimension: ${csi.dimensions.map((d) => `${d.dimension} ${fixed(d.index ?? Number.NaN, 1)}`).join(', ')}`,
);
console.log(
  `  by channel:   ${csi.segments!.map((s) => `${s.segment} ${fixed(s.index ?? Number.NaN, 1)}`).join(', ')}`,
);
console.log('(examples/scoring-table.ts walks through the method step by step)');

heading('Fuzzy comprehensive evaluation with AHP dimension weights');
const priorities = ahp(stated.ahpJudgments);
console.log(
  `AHP weights: ${priorities.labels.map((label, k) => `${label} ${fixed(priorities.weights[k]!, 3)}`).join(', ')} (CR ${fixed(priorities.consistencyRatio, 3)})`,
);
const fuzzy = fuzzyEvaluateHierarchy({
  weights: priorities,
  dimensions: dimensionNames.map((id) => {
    const items = responses.dimension(id).filter((item) => item.startsWith('p_'));
    return {
      id,
      weights: items.map(() => 1 / items.length),
      membership: membershipMatrix(responses, { items }),
    };
  }),
});
console.log(
  `B = [${fuzzy.normalizedVector.map((b) => fixed(b, 3)).join(', ')}] (very satisfied … very dissatisfied): grade "${fuzzy.grade}", score ${fixed(fuzzy.score, 1)}`,
);
console.log('(examples/ahp-fuzzy.ts shows each step)');

heading('SERVQUAL: perception − expectation, per dimension');
const gaps = servqual(responses); // the instrument of the survey definition: e_{item} and p_{item}
console.log(
  `SERVQUAL score ${fixed(gaps.overallGap, 3)} (mean of the dimension gaps), SERVPERF ${fixed(gaps.servperf)}, n = ${gaps.n}`,
);
console.log(`  ${gaps.dimensions.map((d) => `${d.dimension} ${fixed(d.gap ?? Number.NaN)}`).join(', ')}`);
console.log(`  largest shortfalls: ${gaps.ranking.slice(0, 3).join(', ')}`);
console.log('(examples/servqual.ts adds importance weights, t-tests, reliability and channels)');

heading('Principal components of the perception items');
const components = pca(responses, { items: perception, by: 'channel' });
console.log(
  `KMO ${fixed(components.kmo!.overall, 3)}, ${components.retained} component(s) kept by Kaiser's rule, ` +
    `explaining ${percent(components.cumulative[components.retained - 1]!)} of the variance (n = ${components.n}, listwise)`,
);
console.log(
  `  composite score by channel (0–100): ${components.segments!.map((s) => `${s.segment} ${fixed(s.scaledCompositeScore ?? Number.NaN, 1)}`).join(', ')}`,
);
console.log('(examples/pca.ts shows the scree table, the rotation and PCA index weights)');

heading('What drives overall satisfaction');
// Each respondent's mean of the perception items they answered in each dimension.
const driverColumns: Record<string, number[]> = { overall: Array.from(responses.column('overall')) };
for (const dimension of dimensionNames) {
  const items = responses.dimension(dimension).filter((id) => id.startsWith('p_'));
  driverColumns[dimension] = Array.from({ length: responses.n }, (_, r) => {
    const answers = items.map((id) => responses.column(id)[r]!).filter((x) => !Number.isNaN(x));
    return answers.length === 0 ? Number.NaN : answers.reduce((a, b) => a + b, 0) / answers.length;
  });
}
const driverOptions = { outcome: 'overall', drivers: dimensionNames };
const shapley = relativeImportance(driverColumns, driverOptions);
const map = importancePerformance(driverColumns, { ...driverOptions, scale: { min: 1, max: 5 } });
console.log(`R² = ${fixed(shapley.rSquared, 3)} (n = ${shapley.n}); Shapley share, performance, quadrant:`);
for (const row of [...map.drivers].sort((a, b) => a.priorityRank - b.priorityRank)) {
  const share = shapley.drivers.find((d) => d.driver === row.driver)!.share;
  console.log(
    `  ${pad(row.driver, 15)} ${percent(share).padStart(6)}  ${fixed(row.performance)}  ${row.quadrantLabel}`,
  );
}
console.log('(examples/drivers.ts adds the regression table and bootstrap intervals)');
