/**
 * The principal-component method on the bundled sample survey: check that the 22 perception items
 * suit a component analysis (KMO, Bartlett), decide how many components to keep (scree table,
 * Kaiser's rule), rotate them (varimax) to read them as service dimensions, score every respondent
 * with the composite score, rank the channels and branches by it, and use PCA-derived item weights
 * in the satisfaction index.
 *
 * Run: npx tsx examples/pca.ts
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  defineSurvey,
  parseCsv,
  pca,
  pcaIndexWeights,
  type SurveyDefinitionInput,
  satisfactionIndex,
} from '../src/index.js';

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));
const fixed = (value: number | null, digits = 2) => (value === null ? '–' : value.toFixed(digits));
const heading = (text: string) => console.log(`\n${text}\n${'─'.repeat(text.length)}`);

const survey = defineSurvey(
  JSON.parse(readFileSync(here('./data/bank-survey.survey.json'), 'utf8')) as SurveyDefinitionInput,
);
const responses = parseCsv(readFileSync(here('./data/bank-survey.csv'), 'utf8'), survey);
const items = responses.items.filter((id) => id.startsWith('p_'));

// Weighted by the survey's respondent weights, listwise, Kaiser's rule, varimax.
const result = pca(responses, { items, rotation: 'varimax', by: 'channel' });

heading('1. Sampling adequacy');
const kmo = result.kmo!;
const bartlett = result.bartlett!;
console.log(
  `${result.n} respondents with every item answered (${result.dropped} dropped), ${items.length} items, weighted`,
);
console.log(`KMO ${fixed(kmo.overall, 3)} (${kmo.adequacy})`);
const weakest = [...kmo.items].sort((a, b) => a.msa - b.msa).slice(0, 3);
console.log(`lowest item MSA: ${weakest.map((i) => `${i.item} ${fixed(i.msa, 3)}`).join(', ')}`);
console.log(
  `Bartlett's sphericity χ² = ${fixed(bartlett.chiSquare, 1)}, df = ${bartlett.df}, p = ${bartlett.pValue.toExponential(2)} (effective n ${fixed(bartlett.sampleSize, 1)})`,
);
for (const warning of result.warnings) console.log(`  ! ${warning}`);

heading('2. Scree table (Kaiser: keep eigenvalues above 1)');
console.log('component  eigenvalue  proportion  cumulative');
result.eigenvalues.slice(0, 8).forEach((value, j) => {
  console.log(
    `PC${String(j + 1).padEnd(8)} ${fixed(value, 3).padStart(10)}  ${fixed(100 * result.proportion[j]!, 1).padStart(9)}%  ${fixed(100 * result.cumulative[j]!, 1).padStart(9)}%${j < result.retained ? '  kept' : ''}`,
  );
});
console.log(`… ${result.eigenvalues.length} in all; ${result.retained} kept`);

heading('3. Varimax-rotated loadings (largest per item marked *)');
const rotated = result.rotated!;
console.log(`item     ${rotated.components.map((c) => c.padStart(6)).join('')}  communality`);
items.forEach((item, i) => {
  const row = rotated.loadings[i]!;
  const top = row.reduce((best, l, j) => (Math.abs(l) > Math.abs(row[best]!) ? j : best), 0);
  const cells = row.map((l, j) => `${fixed(l)}${j === top ? '*' : ' '}`.padStart(6)).join('');
  console.log(`${item.padEnd(8)} ${cells}  ${fixed(result.communalities[i]!, 3)}`);
});
console.log(
  `sums of squares ${rotated.sumsOfSquares.map((s) => fixed(s)).join(', ')}; ${fixed(100 * rotated.cumulative.at(-1)!, 1)}% of the variance`,
);

heading('4. Composite score: channels ranked by their mean');
console.log(
  `composite = ${result.compositeWeights.map((w, j) => `${fixed(w, 3)}·PC${j + 1}`).join(' + ')} (eigenvalue shares)`,
);
for (const segment of result.segments!) {
  console.log(
    `${segment.rank}. ${segment.segment.padEnd(8)} n = ${String(segment.n).padStart(3)}  composite ${fixed(segment.compositeScore, 3).padStart(6)}  0–100 ${fixed(segment.scaledCompositeScore, 1)}`,
  );
}
// The later components contrast groups of items, and the sign rule, not "higher is better", sets
// their direction: compare with the first component alone, on which every item loads positively.
const general = pca(responses, { items, components: 1, by: 'channel' });
console.log('first component alone:');
for (const segment of general.segments!) {
  console.log(
    `${segment.rank}. ${segment.segment.padEnd(8)} n = ${String(segment.n).padStart(3)}  PC1 ${fixed(segment.compositeScore, 3).padStart(6)}  0–100 ${fixed(segment.scaledCompositeScore, 1)}`,
  );
}
const byBranch = pca(responses, { items, by: 'branch' });
console.log('by branch:');
for (const segment of byBranch.segments!) {
  console.log(
    `${segment.rank}. ${segment.segment.padEnd(9)} n = ${String(segment.n).padStart(3)}  composite ${fixed(segment.compositeScore, 3).padStart(6)}  0–100 ${fixed(segment.scaledCompositeScore, 1)}`,
  );
}

heading('5. The satisfaction index under PCA-derived item weights');
const weights = pcaIndexWeights(result);
const heaviest = Object.entries(weights.weights)
  .sort((a, b) => b[1] - a[1])
  .slice(0, 3);
console.log(`heaviest items: ${heaviest.map(([item, w]) => `${item} ${fixed(w, 4)}`).join(', ')}`);
const index = satisfactionIndex(responses, { items, weights });
const equal = satisfactionIndex(responses, { items });
const oecd = satisfactionIndex(responses, {
  items,
  weights: pcaIndexWeights(result, { scheme: 'squared-loadings' }),
});
console.log(
  `index with PCA weights (loadings) ${fixed(index.index, 1)}; squared-loadings (OECD) ${fixed(oecd.index, 1)}; equal weights ${fixed(equal.index, 1)}`,
);
