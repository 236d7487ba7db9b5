import { readFileSync } from 'node:fs';
import { expect, it, describe as suite } from 'vitest';
import { importancePerformance } from '../../src/drivers/importance-performance.js';
import { regress } from '../../src/drivers/regress.js';
import { relativeImportance } from '../../src/drivers/relative-importance.js';
import { bankDimensionMeans, DIMENSIONS, fixture } from './helpers.js';

// docs/driver-analysis.md quotes numbers that the functions print on the bundled sample: keep them true.
// Whitespace (line breaks, list indentation) is collapsed before comparing.
const page = readFileSync(new URL('../../docs/driver-analysis.md', import.meta.url), 'utf8').replace(
  /\s+/g,
  ' ',
);
const { columns } = bankDimensionMeans();
const options = { outcome: 'overall', drivers: [...DIMENSIONS] };
const f3 = (value: number) => value.toFixed(3);

suite('docs/driver-analysis.md', () => {
  it('the regression', () => {
    const fit = regress(columns, options);
    expect(page).toContain(
      `fit.rSquared; // ${f3(fit.rSquared)} (n = ${fit.n}, ${fit.dropped} dropped for a missing \`overall\`)`,
    );
    const r = fit.coefficients[2]!;
    expect(r.term).toBe('reliability');
    expect(page).toContain(
      `// reliability: estimate ${f3(r.estimate)}, standard error ${f3(r.standardError)}, t ${r.tValue.toFixed(2)}, beta ${f3(r.standardized!)}, VIF ${r.vif!.toFixed(2)}`,
    );
    const betas = ['reliability', 'responsiveness', 'assurance', 'empathy', 'tangibles'].map((d) =>
      f3(fit.coefficients.find((c) => c.term === d)!.standardized!),
    );
    expect(page).toContain(`standardized coefficients (${betas.join(', ')})`);
    const vifs = fit.coefficients.slice(1).map((c) => c.vif!);
    expect(page).toContain(
      `VIFs are modest (${Math.min(...vifs).toFixed(2)} to ${Math.max(...vifs).toFixed(2)})`,
    );
  });

  it('the relative importance and its bootstrap', () => {
    const shapley = relativeImportance(columns, { ...options, bootstrap: true });
    expect(page).toContain(`// ${shapley.drivers.map((d) => `${d.driver} ${f3(d.share)}`).join(', ')}`);
    const pair = shapley.comparisons!.find(
      (c) => c.driver === 'reliability' && c.other === 'responsiveness',
    )!;
    expect(pair.distinguishable).toBe(false);
    expect(page).toContain(
      `(ahead in ${(100 * pair.proportionAhead).toFixed(1)}% of 2000 resamples; the 95% interval of the difference of their importances, −${f3(-pair.confidenceInterval[0])} to ${f3(pair.confidenceInterval[1])}, includes 0)`,
    );
    const ahead = shapley
      .comparisons!.filter((c) => c.driver === 'reliability' && c.distinguishable)
      .map((c) => c.other);
    expect(ahead).toEqual(['assurance', 'empathy', 'tangibles']);
    const weights = relativeImportance(columns, { ...options, method: 'relative-weights' });
    const spread = Math.max(
      ...weights.drivers.map((d, j) => Math.abs(d.importance - shapley.drivers[j]!.importance)),
    );
    expect(spread).toBeLessThan(0.005); // "within a few thousandths of Shapley"
  });

  it('the importance–performance map', () => {
    const map = importancePerformance(columns, { ...options, scale: { min: 1, max: 5 } });
    expect(page).toContain(
      `map.quadrants['concentrate-here']; // ['${map.quadrants['concentrate-here'].join("', '")}']`,
    );
    const [first, second] = [...map.drivers].sort((a, b) => a.priorityRank - b.priorityRank);
    expect(page).toContain(
      `${first!.driver} (importance ${f3(first!.importance)}, mean ${first!.performance.toFixed(2)}) before ${second!.driver} (${f3(second!.importance)}, ${second!.performance.toFixed(2)})`,
    );
  });

  it('longley: VIFs up to 1789 and coefficients against their correlations', () => {
    const c = fixture.regressions.find((r) => r.source === 'longley')!;
    const data = fixture.data.longley as Record<string, number[]>;
    const fit = regress(data, { outcome: c.outcome, drivers: c.drivers });
    expect(Math.max(...fit.coefficients.slice(1).map((row) => row.vif!)).toFixed(0)).toBe('1789');
    expect(page).toContain('with VIFs up to 1789');
    const first = relativeImportance(data, { outcome: c.outcome, drivers: c.drivers, method: 'first' });
    const opposite = fit.coefficients
      .slice(1)
      .filter((row, j) => Math.sign(row.estimate) !== Math.sign(first.drivers[j]!.correlation))
      .map((row) => row.term);
    expect(opposite).toContain('GNP');
    expect(opposite).toContain('Population');
    expect(page).toContain('`GNP` and `Population` have signs opposite to their correlations');
  });
});
