/**
 * Driver analysis on the bundled sample survey: which service-quality dimensions drive overall
 * satisfaction, and where to act first. Regression of `overall` on each respondent's five perception
 * dimension means, the Shapley (LMG) decomposition of R² and Johnson's relative weights with
 * bootstrap intervals, then the importance–performance map.
 *
 * Run: npx tsx examples/drivers.ts
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  defineSurvey,
  importancePerformance,
  parseCsv,
  regress,
  relativeImportance,
  type SurveyDefinitionInput,
} from '../src/index.js';

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));
const fixed = (value: number | null, digits = 3) => (value === null ? '–' : value.toFixed(digits));
const heading = (text: string) => console.log(`\n${text}\n${'─'.repeat(text.length)}`);

const survey = defineSurvey(
  JSON.parse(readFileSync(here('./data/bank-survey.survey.json'), 'utf8')) as SurveyDefinitionInput,
);
const responses = parseCsv(readFileSync(here('./data/bank-survey.csv'), 'utf8'), survey);
const dimensions = ['tangibles', 'reliability', 'responsiveness', 'assurance', 'empathy'];

// Each respondent's mean of the perception items of a dimension that they answered (NaN if none).
const columns: Record<string, number[]> = { overall: Array.from(responses.column('overall')) };
for (const dimension of dimensions) {
  const items = responses.dimension(dimension).filter((id) => id.startsWith('p_'));
  columns[dimension] = Array.from({ length: responses.n }, (_, r) => {
    const answers = items.map((id) => responses.column(id)[r]!).filter((value) => !Number.isNaN(value));
    return answers.length === 0 ? Number.NaN : answers.reduce((a, b) => a + b, 0) / answers.length;
  });
}
const options = { outcome: 'overall', drivers: dimensions };

heading('1. Regression of overall satisfaction on the dimension means (OLS)');
const fit = regress(columns, options);
console.log(
  `n = ${fit.n} (${fit.dropped} dropped for a missing answer), R² = ${fixed(fit.rSquared)}, ` +
    `adjusted ${fixed(fit.adjustedRSquared)}, F = ${fixed(fit.fStatistic, 1)} on ${dimensions.length} and ${fit.df} df`,
);
console.log('term             estimate  std.error        t  p-value    beta    VIF');
for (const row of fit.coefficients) {
  console.log(
    `${row.term.padEnd(15)} ${fixed(row.estimate).padStart(9)}  ${fixed(row.standardError).padStart(9)}  ${fixed(row.tValue, 2).padStart(7)}  ${row.pValue.toExponential(1).padStart(7)}  ${fixed(row.standardized).padStart(6)}  ${fixed(row.vif, 2).padStart(5)}`,
  );
}

heading('2. Relative importance: Shapley (LMG) and relative weights, 95% bootstrap intervals');
const shapley = relativeImportance(columns, { ...options, bootstrap: true });
const weights = relativeImportance(columns, { ...options, method: 'relative-weights' });
console.log(
  `R² = ${fixed(shapley.rSquared)}, shared out over the drivers (2000 resamples, seed ${shapley.bootstrap!.seed})`,
);
console.log('rank  driver          Shapley  share  95% interval     relative weight');
for (const row of [...shapley.drivers].sort((a, b) => a.rank - b.rank)) {
  const interval = row.shareInterval!;
  const rw = weights.drivers.find((d) => d.driver === row.driver)!;
  console.log(
    `${String(row.rank).padStart(4)}  ${row.driver.padEnd(14)}  ${fixed(row.importance)}  ${fixed(row.share)}  ${fixed(interval[0])}–${fixed(interval[1])}      ${fixed(rw.importance)}`,
  );
}
console.log('\nPairs whose order the bootstrap does not support:');
for (const pair of shapley.comparisons!.filter((c) => !c.distinguishable)) {
  console.log(
    `  ${pair.driver} vs ${pair.other}: difference ${fixed(pair.difference)}, interval ${fixed(pair.confidenceInterval[0])}–${fixed(pair.confidenceInterval[1])}, ahead in ${(100 * pair.proportionAhead).toFixed(1)}% of resamples`,
  );
}

heading('3. Importance–performance map (Shapley share × mean on the 1–5 scale)');
const map = importancePerformance(columns, { ...options, scale: { min: 1, max: 5 } });
console.log(
  `crosshairs: importance ${fixed(map.thresholds.importance)} (${map.thresholds.importanceRule}), performance ${fixed(map.thresholds.performance)} (${map.thresholds.performanceRule})`,
);
console.log('priority  driver          importance  performance  quadrant');
for (const row of [...map.drivers].sort((a, b) => a.priorityRank - b.priorityRank)) {
  console.log(
    `${String(row.priorityRank).padStart(8)}  ${row.driver.padEnd(14)}  ${fixed(row.importance).padStart(10)}  ${fixed(row.performance, 2).padStart(11)}  ${row.quadrantLabel}`,
  );
}
