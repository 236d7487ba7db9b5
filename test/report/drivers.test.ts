import { describe, expect, it } from 'vitest';
import { importancePerformance, QUADRANT_LABELS } from '../../src/drivers/importance-performance.js';
import { regress } from '../../src/drivers/regress.js';
import { relativeImportance } from '../../src/drivers/relative-importance.js';
import { escapeMarkdown } from '../../src/report/escape.js';
import { RENDERED_METHODS, renderSection } from '../../src/report/render.js';
import { formatPValue } from '../../src/report/renderers/drivers.js';
import { bankSample } from '../helpers/data.js';
import { DIMENSIONS, dimensionMeans, expectEscaped, PIPE, QUOTES, rendered, SCRIPT } from './helpers.js';
import { attributes, marks } from './svg-check.js';

// The driver-analysis sections (regression, relative importance, importance–performance map): their
// structure, that every chart mark is one data point with that point's value, that the tables carry
// the same numbers, and that every label from the data is escaped. The drivers are each
// respondent's dimension means of the perception items, as in examples/drivers.ts.
const sample = bankSample();
const columns = dimensionMeans(sample);
const options = { outcome: 'overall', drivers: DIMENSIONS };
const fit = regress(columns, options);
const shapley = relativeImportance(columns, { ...options, bootstrap: { resamples: 300 } });
const map = importancePerformance(columns, { ...options, scale: { min: 1, max: 5 } });

const percent = (value: number) => `${(100 * value).toFixed(1)}%`;
const interval = ([lower, upper]: readonly [number, number], digits: number) =>
  lower < 0 || upper < 0
    ? `${lower.toFixed(digits)} to ${upper.toFixed(digits)}`
    : `${lower.toFixed(digits)}–${upper.toFixed(digits)}`;

describe('renderers of the driver analyses', () => {
  it('cover every method tag the three functions give', () => {
    for (const tag of ['ols', 'wls', 'shapley', 'relative-weights', 'first', 'importance-performance']) {
      expect(RENDERED_METHODS).toContain(tag);
    }
    expect(renderSection(fit).id).toBe('regression');
    expect(renderSection(shapley).id).toBe('relative-importance');
    expect(renderSection(map).id).toBe('importance-performance');
  });

  it('p-values read as summary.lm prints them', () => {
    expect(formatPValue(1e-20)).toBe('< 2e-16');
    expect(formatPValue(1.8234e-6)).toBe('1.82e-6');
    expect(formatPValue(0.012345)).toBe('0.0123');
    expect(formatPValue(0.5)).toBe('0.500');
    expect(formatPValue(null)).toBe('–');
  });
});

describe('renderRegress on the dimension means of the bundled sample', () => {
  const { markdown, charts: found, byCaption } = rendered(fit);

  it('the model fit lines', () => {
    expect(markdown.split('\n')[0]).toBe('## Regression');
    // docs/driver-analysis.md: R² 0.623, n = 592 with 20 dropped.
    expect(markdown).toContain(
      '- Model: overall ~ tangibles + reliability + responsiveness + assurance + empathy',
    );
    expect(markdown).toContain('- Fit: ordinary least squares');
    expect(markdown).toContain(
      `- R²: ${fit.rSquared.toFixed(4)} (adjusted ${fit.adjustedRSquared.toFixed(4)})`,
    );
    expect(markdown).toContain(
      `- F-statistic: ${fit.fStatistic.toFixed(2)} on 5 and 586 DF, p-value \\< 2e-16`,
    );
    expect(markdown).toContain(
      `- Residual standard error: ${fit.residualStandardError.toFixed(4)} on 586 degrees of freedom`,
    );
    expect(markdown).toContain('- Respondents: 592 used, 20 dropped for a missing answer (listwise)');
    expect(found).toHaveLength(0);
  });

  it('the coefficient table as summary.lm prints it, with interval, beta and VIF', () => {
    const table = byCaption('Coefficients');
    expect(table[0]).toEqual([
      'term',
      'estimate',
      'std. error',
      't value',
      'Pr(\\>\\|t\\|)',
      'signif.',
      '95% interval',
      'beta',
      'VIF',
    ]);
    fit.coefficients.forEach((c, k) => {
      expect(table[k + 2]).toEqual([
        c.term,
        c.estimate.toFixed(4),
        c.standardError.toFixed(4),
        c.tValue.toFixed(2),
        formatPValue(c.pValue).replace('<', '\\<'),
        '\\*\\*\\*',
        interval(c.confidenceInterval, 4),
        c.standardized === null ? '–' : c.standardized.toFixed(3),
        c.vif === null ? '–' : c.vif.toFixed(2),
      ]);
    });
    // docs/driver-analysis.md: reliability, estimate 0.386, t 10.18, beta 0.313, VIF 1.47.
    expect(table[4]!.slice(0, 4)).toEqual(['reliability', '0.3864', '0.0379', '10.18']);
    expect(table[4]!.slice(7)).toEqual(['0.313', '1.47']);
  });

  it('weighted least squares on the survey items, with the warnings', () => {
    const weighted = regress(sample, { outcome: 'overall', drivers: ['p_rel1', 'p_res1', 'p_tan3'] });
    expect(weighted.method).toBe('wls');
    const { markdown: text, byCaption: caption } = rendered(weighted);
    expect(text).toContain('- Fit: weighted least squares (respondent weights)');
    expect(caption('Coefficients')).toHaveLength(2 + 4);
    expect(text).toContain(`**Warnings**\n\n- ${escapeMarkdown(weighted.warnings[0]!)}`);
  });
});

describe('renderRelativeImportance with bootstrap intervals', () => {
  const { markdown, charts: found, byCaption } = rendered(shapley);
  const byRank = [...shapley.drivers].sort((a, b) => a.rank - b.rank);

  it('summary: outcome, R², method, bootstrap', () => {
    expect(markdown.split('\n')[0]).toBe('## Relative importance');
    expect(markdown).toContain(`- R² of all drivers: ${shapley.rSquared.toFixed(4)}`);
    expect(markdown).toContain('- Method: Shapley value (LMG) decomposition of R²');
    expect(markdown).toContain('- Most important: reliability');
    expect(markdown).toContain('- Bootstrap: 300 resamples (seed 20240917), 95% percentile intervals');
  });

  it('the importance table in rank order with the intervals', () => {
    const table = byCaption('Relative importance');
    expect(table[0]).toEqual([
      'rank',
      'driver',
      'importance',
      'share',
      '95% interval of importance',
      '95% interval of share',
      'standard error',
      'correlation',
      'beta',
    ]);
    byRank.forEach((d, k) => {
      expect(table[k + 2]).toEqual([
        String(d.rank),
        d.driver,
        d.importance.toFixed(4),
        percent(d.share),
        interval(d.importanceInterval!, 4),
        `${percent(d.shareInterval![0])}–${percent(d.shareInterval![1])}`,
        d.standardError!.toFixed(4),
        d.correlation.toFixed(3),
        d.standardizedCoefficient.toFixed(3),
      ]);
    });
    // docs/driver-analysis.md: the Shapley order reliability > responsiveness > assurance > empathy > tangibles.
    expect(table.slice(2).map((row) => row[1])).toEqual([
      'reliability',
      'responsiveness',
      'assurance',
      'empathy',
      'tangibles',
    ]);
  });

  it('the share bars: one bar per driver carrying its share, one whisker each', () => {
    expect(found).toHaveLength(1);
    const bars = marks(found[0]!);
    expect(bars.map((m) => Number(m.attributes['data-value']))).toEqual(byRank.map((d) => d.share));
    expect(found[0]!.match(/class="interval"/g)).toHaveLength(5);
    expect(found[0]).toContain('share of R²');
  });

  it('the pairwise comparisons, distinguishable or not', () => {
    const table = byCaption('Pairwise comparisons of importance');
    expect(table).toHaveLength(2 + 10);
    shapley.comparisons!.forEach((c, k) => {
      expect(table[k + 2]).toEqual([
        c.driver,
        c.other,
        c.difference.toFixed(4),
        interval(c.confidenceInterval, 4),
        percent(c.proportionAhead),
        c.distinguishable ? 'yes' : 'no',
      ]);
    });
    const unresolved = shapley.comparisons!.filter((c) => !c.distinguishable).length;
    expect(markdown).toContain(`${unresolved} of 10 pairs are not distinguishable.`);
    // docs/driver-analysis.md: reliability is not clearly ahead of responsiveness.
    expect(table[2]!.slice(0, 2)).toEqual(['reliability', 'responsiveness']);
    expect(table[2]![5]).toBe('no');
  });

  it('without bootstrap: no interval columns, whiskers or comparisons; the other methods', () => {
    for (const method of ['relative-weights', 'first'] as const) {
      const result = relativeImportance(columns, { ...options, method });
      const { markdown: text, charts: plain, byCaption: caption } = rendered(result);
      expect(caption('Relative importance')[0]).toEqual([
        'rank',
        'driver',
        'importance',
        'share',
        'correlation',
        'beta',
      ]);
      expect(plain[0]).not.toContain('class="interval"');
      expect(marks(plain[0]!)).toHaveLength(5);
      expect(text).not.toContain('Pairwise comparisons');
      expect(text).toContain(
        method === 'first' ? 'squared correlations with the outcome (first)' : "Johnson's relative weights",
      );
    }
  });
});

describe('renderImportancePerformance', () => {
  const { markdown, charts: found, byCaption } = rendered(map);

  it('the quadrants, the crosshairs and the first place to act', () => {
    expect(markdown.split('\n')[0]).toBe('## Importance–performance map');
    // docs/driver-analysis.md: concentrate on responsiveness, then reliability.
    expect(markdown).toContain('- Concentrate here: responsiveness, reliability');
    expect(markdown).toContain('- First place to act: responsiveness');
    expect(markdown).toContain(
      `- Crosshairs: importance ${map.thresholds.importance.toFixed(3)} (mean of the drivers), performance ${map.thresholds.performance.toFixed(2)} (mean of the drivers)`,
    );
  });

  it('the map: one labelled point per driver at (importance, performance), crosshairs, quadrant names', () => {
    expect(found).toHaveLength(1);
    const svg = found[0]!;
    const points = marks(svg);
    expect(points.map((m) => [Number(m.attributes['data-x']), Number(m.attributes['data-y'])])).toEqual(
      map.drivers.map((d) => [d.importance, d.performance]),
    );
    for (const label of Object.values(QUADRANT_LABELS)) expect(svg).toContain(`>${label}</text>`);
    for (const d of map.drivers) expect(svg).toContain(`>${d.driver}</text>`);
    // The crosshairs cross where the thresholds are: the vertical line at the point x of importance 0.2.
    const [vertical, horizontal] = [
      ...svg.matchAll(/<g class="crosshair"[^>]*>(<line [^>]*>)(<line [^>]*>)/g),
    ][0]!
      .slice(1)
      .map(attributes);
    expect(vertical!['x1']).toBe(vertical!['x2']);
    expect(horizontal!['y1']).toBe(horizontal!['y2']);
  });

  it('the table by action priority with the quadrant of each driver', () => {
    const table = byCaption('Drivers by action priority');
    const byPriority = [...map.drivers].sort((a, b) => a.priorityRank - b.priorityRank);
    byPriority.forEach((d, k) => {
      expect(table[k + 2]).toEqual([
        String(d.priorityRank),
        d.driver,
        d.importance.toFixed(3),
        percent(d.share!),
        d.performance.toFixed(2),
        '1–5',
        d.gap.toFixed(2),
        d.priority.toFixed(4),
        d.quadrantLabel,
      ]);
    });
  });

  it('top-box performance reads as shares; stated importance has no R²', () => {
    const topBox = importancePerformance(sample, {
      drivers: ['p_rel1', 'p_res1', 'p_tan1'],
      importance: { p_rel1: 0.5, p_res1: 0.3, p_tan1: 0.2 },
      performance: 'top-box',
    });
    const { markdown: text, byCaption: caption } = rendered(topBox);
    expect(text).toContain('- Performance: top-2 box share');
    expect(text).toContain('- Importance: stated importance\n');
    const row = caption('Drivers by action priority').find((r) => r[1] === 'p\\_rel1')!;
    const driver = topBox.drivers.find((d) => d.driver === 'p_rel1')!;
    expect(row[4]).toBe(percent(driver.performance));
    expect(row[6]).toBe(percent(driver.gap));
  });
});

describe('the driver renderers escape every label from the data', () => {
  const data = {
    [PIPE]: [3, 1, 4, 1, 5, 2, 4, 3, 5, 2, 4, 3],
    [SCRIPT]: [4, 2, 5, 2, 4, 2, 4, 3, 5, 1, 4, 4],
    [QUOTES]: [2, 2, 3, 1, 3, 3, 5, 2, 4, 2, 3, 3],
  };
  const names = { outcome: PIPE, drivers: [SCRIPT, QUOTES] };

  it('in HTML, SVG and Markdown', () => {
    for (const result of [
      regress(data, names),
      relativeImportance(data, { ...names, bootstrap: { resamples: 50 } }),
      importancePerformance(data, { ...names, scale: { min: 1, max: 5 } }),
    ]) {
      const output = rendered(result);
      expectEscaped(output);
      for (const svg of output.charts) expect(svg).toContain('&lt;script&gt;');
    }
  });
});
