import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { pca } from '../../src/pca/pca.js';
import { pcaIndexWeights } from '../../src/pca/pca-index-weights.js';
import { satisfactionIndex } from '../../src/scoring/satisfaction-index.js';
import { bankSample } from '../helpers/data.js';

// examples/pca.ts runs as written and prints what the library computes.
it('examples/pca.ts', () => {
  const root = new URL('../../', import.meta.url);
  const output = execFileSync(
    fileURLToPath(new URL('node_modules/.bin/tsx', root)),
    [fileURLToPath(new URL('examples/pca.ts', root))],
    { encoding: 'utf8' },
  );
  const sample = bankSample();
  const items = sample.items.filter((id) => id.startsWith('p_'));
  const result = pca(sample, { items, rotation: 'varimax', by: 'channel' });
  expect(output).toContain(`${result.n} respondents with every item answered (${result.dropped} dropped)`);
  expect(output).toContain(`KMO ${result.kmo!.overall.toFixed(3)} (${result.kmo!.adequacy})`);
  expect(output).toContain(
    `Bartlett's sphericity χ² = ${result.bartlett!.chiSquare.toFixed(1)}, df = ${result.bartlett!.df}`,
  );
  result.eigenvalues.slice(0, 8).forEach((value, j) => {
    expect(output).toMatch(
      new RegExp(`PC${j + 1} +${value.toFixed(3)} +${(100 * result.proportion[j]!).toFixed(1)}%`),
    );
  });
  expect(output).toContain(`… 22 in all; ${result.retained} kept`);
  items.forEach((item, i) => {
    const row = result.rotated!.loadings[i]!;
    const top = row.reduce((best, l, j) => (Math.abs(l) > Math.abs(row[best]!) ? j : best), 0);
    const cells = row.map((l, j) => `${l.toFixed(2)}${j === top ? '*' : ' '}`.padStart(6)).join('');
    expect(output).toContain(`${item.padEnd(8)} ${cells}  ${result.communalities[i]!.toFixed(3)}`);
  });
  for (const segment of result.segments!) {
    expect(output).toContain(
      `${segment.rank}. ${segment.segment.padEnd(8)} n = ${String(segment.n).padStart(3)}  composite ${segment.compositeScore!.toFixed(3).padStart(6)}  0–100 ${segment.scaledCompositeScore!.toFixed(1)}`,
    );
  }
  const index = satisfactionIndex(sample, { items, weights: pcaIndexWeights(result) });
  expect(output).toContain(`index with PCA weights (loadings) ${index.index.toFixed(1)}`);
});
