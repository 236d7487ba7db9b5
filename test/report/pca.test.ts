import { describe, expect, it } from 'vitest';
import { pca } from '../../src/pca/pca.js';
import { renderMarkdown, renderSection } from '../../src/report/render.js';
import { quantile } from '../../src/stats/quantile.js';
import { Random } from '../../src/stats/random.js';
import { bankSample } from '../helpers/data.js';
import { chartTitle, expectEscaped, PIPE, QUOTES, rendered, SCRIPT } from './helpers.js';
import { marks } from './svg-check.js';

// The PCA section: its structure, that every chart mark is one data point with that point's value,
// that the tables carry the same numbers, that per-respondent scores are summarised and never
// listed, and that every label from the data is escaped.
const sample = bankSample();
const perception = sample.items.filter((id) => id.startsWith('p_'));
const rotated = pca(sample, { items: perception, rotation: 'varimax', by: 'channel' });

const fixed = (value: number, digits: number) => value.toFixed(digits);
const percent = (value: number) => `${(100 * value).toFixed(1)}%`;

describe('renderPca on the bundled sample (22 perception items, varimax, by channel)', () => {
  const { markdown, charts: found, byCaption } = rendered(rotated);

  it('is chosen by the method tag and titled', () => {
    expect(renderSection(rotated).id).toBe('pca');
    expect(markdown.split('\n')[0]).toBe('## Principal components');
  });

  it('summarises retention, adequacy, rotation and respondents with the figures of the result', () => {
    // docs/pca.md: 5 components explain 61.1%; KMO 0.874 (meritorious); χ² 1920.6 on 231 df.
    expect(markdown).toContain(
      "- Components kept: 5 of 22 by Kaiser's rule (eigenvalue above 1), explaining 61.1% of the variance",
    );
    expect(markdown).toContain(`- KMO (sampling adequacy): ${fixed(rotated.kmo!.overall, 3)} (meritorious)`);
    expect(markdown).toContain(
      `- Bartlett's test of sphericity: χ² = ${fixed(rotated.bartlett!.chiSquare, 2)}, df = 231, p \\< 0.001 (effective n ${fixed(rotated.bartlett!.sampleSize, 1)})`,
    );
    expect(markdown).toContain(
      `- Rotation: varimax (Kaiser normalisation), converged after ${rotated.rotated!.iterations} iterations`,
    );
    expect(markdown).toContain(
      '- Respondents: 327 used, 285 dropped; respondent weights used; 327 scored, 285 without scores',
    );
  });

  it('the per-item sampling adequacy table', () => {
    const table = byCaption('Sampling adequacy of each item (KMO)');
    expect(table).toHaveLength(2 + 22);
    rotated.kmo!.items.forEach((item, i) => {
      expect(table[i + 2]).toEqual([item.item.replace('_', '\\_'), fixed(item.msa, 3), item.adequacy]);
    });
  });

  it('the scree table and the scree plot: one point per eigenvalue, a reference line at 1', () => {
    const table = byCaption('Eigenvalues (scree table)');
    expect(table).toHaveLength(2 + 22);
    rotated.eigenvalues.forEach((value, j) => {
      expect(table[j + 2]).toEqual([
        String(j + 1),
        fixed(value, 3),
        percent(rotated.proportion[j]!),
        percent(rotated.cumulative[j]!),
        j < 5 ? 'yes' : 'no',
      ]);
    });
    const scree = found.find((svg) => chartTitle(svg) === 'Scree plot')!;
    const points = marks(scree);
    expect(points).toHaveLength(22);
    expect(points.map((m) => Number(m.attributes['data-y']))).toEqual(rotated.eigenvalues);
    expect(points.map((m) => Number(m.attributes['data-x']))).toEqual(
      rotated.eigenvalues.map((_, j) => j + 1),
    );
    expect(scree.match(/class="reference"/g)).toHaveLength(1);
    expect(scree).toContain('eigenvalue 1 (Kaiser)');
  });

  it('the rotated loadings with communalities and the rotated sums of squares', () => {
    const table = byCaption('Rotated loadings (varimax)');
    expect(table[0]).toEqual(['item', 'RC1', 'RC2', 'RC3', 'RC4', 'RC5', 'communality']);
    expect(table).toHaveLength(2 + 22 + 3);
    perception.forEach((item, i) => {
      expect(table[i + 2]).toEqual([
        item.replace('_', '\\_'),
        ...rotated.rotated!.loadings[i]!.map((l) => fixed(l, 3)),
        fixed(rotated.communalities[i]!, 3),
      ]);
    });
    // docs/pca.md: rotated sums of squares 3.16, 3.00, 2.50, 2.43, 2.37.
    expect(table[2 + 22]!.slice(0, 6)).toEqual([
      'sum of squares',
      '3.157',
      '2.997',
      '2.495',
      '2.435',
      '2.367',
    ]);
    expect(table[2 + 24]![5]).toBe(fixed(rotated.rotated!.cumulative[4]!, 3));
  });

  it('the composite weights and the spread of the 0–100 score (R type 7 quartiles)', () => {
    const weights = byCaption('Weights of the composite score');
    // docs/pca.md: C = 0.484·PC1 + 0.171·PC2 + 0.134·PC3 + 0.116·PC4 + 0.094·PC5.
    expect(weights.slice(2).map((row) => row[2])).toEqual(['0.484', '0.171', '0.134', '0.116', '0.094']);
    const spread = byCaption('Composite score of the respondents');
    const scored = rotated.scaledCompositeScore!.filter((v): v is number => v !== null);
    expect(spread[2]).toEqual([
      '327',
      '285',
      fixed(rotated.compositeRange!.min, 3),
      fixed(rotated.compositeRange!.max, 3),
      fixed(quantile(scored, 0.25), 1),
      fixed(quantile(scored, 0.5), 1),
      fixed(quantile(scored, 0.75), 1),
    ]);
  });

  it('the segments ranked by mean composite score: table and one bar per segment', () => {
    const table = byCaption('Segments ranked by composite score (channel)');
    // docs/pca.md: phone first (0.058), then online (−0.016) and branch (−0.023).
    expect(table.slice(2).map((row) => [row[0], row[1], row[4]])).toEqual([
      ['1', 'phone', '0.058'],
      ['2', 'online', '-0.016'],
      ['3', 'branch', '-0.023'],
    ]);
    const bars = found.find((svg) => chartTitle(svg) === 'Mean composite score by channel')!;
    expect(marks(bars).map((m) => Number(m.attributes['data-value']))).toEqual(
      rotated.segments!.map((s) => s.compositeScore),
    );
    expect(found).toHaveLength(2);
  });

  it('ends with the warnings', () => {
    expect(markdown.trimEnd().split('\n').at(-1)).toBe(`- ${rotated.warnings.at(-1)}`);
  });
});

describe('renderPca without rotation, scores or segments', () => {
  it('unrotated loadings headed PC, the eigenvalues as sums of squares; no score tables', () => {
    const plain = pca(sample, { items: perception, components: 3, scores: false, weights: false });
    const { markdown, charts: found, byCaption } = rendered(plain);
    const table = byCaption('Loadings');
    expect(table[0]).toEqual(['item', 'PC1', 'PC2', 'PC3', 'communality']);
    expect(table[2 + 22]!.slice(1, 4)).toEqual(plain.eigenvalues.slice(0, 3).map((v) => fixed(v, 3)));
    expect(markdown).toContain('- Components kept: 3 of 22 by a fixed number, explaining');
    expect(markdown).toContain('- Rotation: none');
    expect(markdown).not.toContain('Composite score of the respondents');
    expect(markdown).not.toContain('Segments ranked');
    expect(markdown).toContain('- Respondents: 327 used, 285 dropped\n');
    expect(found.map(chartTitle)).toEqual(['Scree plot']);
  });

  it("the covariance basis: the reference line at the average eigenvalue (Kaiser's rule there)", () => {
    const result = pca(sample, { items: perception, basis: 'covariance', scores: false });
    const { markdown, charts: found } = rendered(result);
    const average = result.eigenvalues.reduce((a, b) => a + b, 0) / 22;
    expect(result.retention.threshold).toBeCloseTo(average, 12);
    expect(markdown).toContain(`eigenvalue above the average, ${fixed(average, 3)})`);
    expect(found[0]).toContain('average eigenvalue (Kaiser)');
  });

  it('a correlation matrix (no respondents): no composite spread, no segments', () => {
    const result = pca({
      correlation: [
        [1, 0.5, 0.4],
        [0.5, 1, 0.3],
        [0.4, 0.3, 1],
      ],
      n: 100,
    });
    const { markdown } = rendered(result);
    expect(markdown).toContain('**Weights of the composite score**');
    expect(markdown).not.toContain('Composite score of the respondents');
    expect(markdown).toContain('- Respondents: 100 used, 0 dropped\n');
  });
});

describe('renderPca summarises per-respondent scores, whatever the number of respondents', () => {
  // Three correlated items and a segment, at 200 and at 20000 respondents.
  function survey(n: number) {
    const random = new Random(11);
    const a: number[] = [];
    const b: number[] = [];
    const c: number[] = [];
    const group: string[] = [];
    for (let r = 0; r < n; r++) {
      const common = random.normal();
      a.push(common + random.normal());
      b.push(common + random.normal());
      c.push(0.5 * common + random.normal());
      group.push(r % 3 === 0 ? 'x' : 'y');
    }
    return pca({ a, b, c }, { by: group });
  }

  it('the Markdown has the same lines at 200 and at 20000 respondents, none of them a score', () => {
    const small = renderMarkdown(survey(200)).split('\n');
    const large = survey(20000);
    const text = renderMarkdown(large);
    expect(text.split('\n')).toHaveLength(small.length);
    expect(text.length).toBeLessThan(6000);
    expect(text).not.toContain(large.compositeScore![0]!.toFixed(3));
  });
});

describe('renderPca escapes every label from the data', () => {
  const result = pca(
    {
      [SCRIPT]: [5, 4, 4, 2, 3, 5, 4, 1, 3, 4],
      [QUOTES]: [4, 4, 3, 2, 3, 5, 5, 2, 3, 4],
      [PIPE]: [5, 5, 3, 1, 2, 4, 4, 1, 2, 5],
    },
    { by: [SCRIPT, SCRIPT, SCRIPT, SCRIPT, SCRIPT, QUOTES, QUOTES, QUOTES, QUOTES, QUOTES] },
  );

  it('in HTML, SVG and Markdown', () => {
    const output = rendered(result);
    expectEscaped(output);
    const found = output.charts;
    expect(found).toHaveLength(2);
    expect(found[1]).toContain('&lt;script&gt;');
  });
});
