import { readFileSync } from 'node:fs';
import { expect, it, describe as suite } from 'vitest';
import { pca } from '../../src/pca/pca.js';
import { pcaIndexWeights } from '../../src/pca/pca-index-weights.js';
import { satisfactionIndex } from '../../src/scoring/satisfaction-index.js';
import { bankSample } from '../helpers/data.js';

// docs/pca.md quotes numbers of its worked example on the bundled sample: keep them true.
// Compared with runs of white space (line breaks included) read as one space.
const page = readFileSync(new URL('../../docs/pca.md', import.meta.url), 'utf8').replace(/\s+/g, ' ');
const sample = bankSample();
const items = sample.items.filter((id) => id.startsWith('p_'));
const result = pca(sample, { items, rotation: 'varimax', by: 'channel' });
const f = (value: number, digits: number) => value.toFixed(digits).replace(/^-/, '−');

suite('docs/pca.md worked example', () => {
  it('adequacy', () => {
    expect(page).toContain(
      `${result.n} respondents answered all ${items.length} items (${result.dropped} dropped`,
    );
    expect(page).toContain(`KMO = ${f(result.kmo!.overall, 3)} (${result.kmo!.adequacy})`);
    expect(page).toContain(`result.kmo.overall; // ${f(result.kmo!.overall, 3)} (${result.kmo!.adequacy})`);
    const weakest = [...result.kmo!.items].sort((a, b) => a.msa - b.msa)[0]!;
    expect(page).toContain(`the weakest item is \`${weakest.item}\` (MSA ${f(weakest.msa, 3)})`);
    const b = result.bartlett!;
    expect(page).toContain(
      `Bartlett's χ² = ${f(b.chiSquare, 1)} with ${b.df} df (effective n ${f(b.sampleSize, 1)})`,
    );
  });

  it('retention and rotation', () => {
    const e = result.eigenvalues.map((v) => f(v, 3));
    expect(page).toContain(
      `Eigenvalues ${e.slice(0, 5).join(', ')}, then ${e[5]}: Kaiser's rule keeps ${result.retained}`,
    );
    expect(page).toContain(
      `result.eigenvalues; // [${e.slice(0, 6).join(', ')}, …]: ${result.retained} above 1`,
    );
    expect(page).toContain(
      `which explain ${f(100 * result.cumulative[result.retained - 1]!, 1)}% of the variance`,
    );
    const rotated = result.rotated!;
    expect(page).toContain(`sums of squares ${rotated.sumsOfSquares.map((s) => f(s, 2)).join(', ')}`);
    // Every item loads most on the component of its own dimension, as the page names them.
    const named: Record<string, string> = {
      reliability: 'RC1',
      empathy: 'RC2',
      responsiveness: 'RC3',
      tangibles: 'RC4',
      assurance: 'RC5',
    };
    items.forEach((item, i) => {
      const row = rotated.loadings[i]!.map(Math.abs);
      const top = rotated.components[row.indexOf(Math.max(...row))]!;
      expect(top, item).toBe(named[sample.item(item).dimension!]);
    });
    for (const [dimension, component] of Object.entries(named))
      expect(page).toContain(`${dimension} on ${component}`);
  });

  it('composite and channels', () => {
    const c = result.compositeWeights.map((w, j) => `${f(w, 3)}·PC${j + 1}`).join(' + ');
    expect(page).toContain(`C = ${c}`);
    const [first, second, third] = result.segments!;
    expect(page).toContain(
      `composite puts ${first!.segment} first (${f(first!.compositeScore!, 3)}), then ${second!.segment} (${f(second!.compositeScore!, 3)}) and ${third!.segment} (${f(third!.compositeScore!, 3)})`,
    );
    const general = pca(sample, { items, components: 1, by: 'channel' }).segments!;
    expect(page).toContain(
      `alone puts ${general[0]!.segment} first (${f(general[0]!.compositeScore!, 3)}), then ${general[1]!.segment} (${f(general[1]!.compositeScore!, 3)}) and ${general[2]!.segment} (${f(general[2]!.compositeScore!, 3)})`,
    );
  });

  it('index weights', () => {
    const weights = pcaIndexWeights(result);
    const index = satisfactionIndex(sample, { items, weights }).index;
    const equal = satisfactionIndex(sample, { items }).index;
    expect(page).toContain(
      `the satisfaction index is ${f(index, 1)}, as with equal weights (${f(equal, 1)})`,
    );
    expect(page).toContain(
      `satisfactionIndex(responses, { items, weights: pcaIndexWeights(result) }).index; // ${f(index, 1)}`,
    );
    const [item, weight] = Object.entries(weights.weights).sort((a, b) => b[1] - a[1])[0]!;
    expect(page).toContain(
      `the heaviest item, \`${item}\`, weighs ${f(weight, 4)} against 1/22 = ${f(1 / 22, 4)}`,
    );
  });
});
