import { describe, expect, it } from 'vitest';
import {
  ahp,
  cronbachAlpha,
  describe as describeItems,
  fuzzyEvaluate,
  fuzzyEvaluateHierarchy,
  mcdonaldOmega,
  membershipMatrix,
  netPromoterScore,
  satisfactionIndex,
} from '../../src/index.js';
import { methodComparison } from '../../src/report/method-comparison.js';
import {
  RENDERED_METHODS,
  type RenderableResult,
  renderHTML,
  renderMarkdown,
  renderSection,
} from '../../src/report/render.js';
import { bankSample } from '../helpers/data.js';
import { DIMENSIONS, expectEscaped, JUDGMENTS, PIPE, QUOTES, rendered, SCRIPT, STATED } from './helpers.js';
import { expectWellFormedTables, marks } from './svg-check.js';

// Two items whose names are markup, and a plain one; 1–5 answers.
const nasty = {
  [SCRIPT]: [5, 4, 4, 2, 3, 5, 4, 1, 3, 4],
  [QUOTES]: [4, 4, 3, 2, 3, 5, 5, 2, 3, 4],
  [PIPE]: [5, 5, 3, 1, 2, 4, 4, 1, 2, 5],
};
const scale = { min: 1, max: 5 };

const sample = bankSample();
const perception = sample.items.filter((id) => id.startsWith('p_'));

/** The checks every rendering must pass (see helpers.ts), of a fragment that is one section. */
function expectSafeRendering(result: RenderableResult): ReturnType<typeof rendered> {
  const output = rendered(result);
  expect(output.html.startsWith('<section id="')).toBe(true);
  return output;
}

describe('renderSection dispatch', () => {
  it('rejects what is not a known result with a TypeError naming the method', () => {
    const known = RENDERED_METHODS.map((m) => `'${m}'`).join(', ');
    expect(() => renderMarkdown({ method: 'factor-analysis' } as never)).toThrow(
      new TypeError(
        `renderSection: result must be an analysis result whose method is one of ${known}; got method "factor-analysis"`,
      ),
    );
    expect(() => renderHTML(null as never)).toThrow(
      new TypeError(
        `renderSection: result must be an analysis result whose method is one of ${known}; got null`,
      ),
    );
    expect(() => renderSection({} as never)).toThrow(/got method undefined$/);
    expect(() => renderSection({ method: 'toString' } as never)).toThrow(TypeError);
  });

  it('has one renderer per method tag of the existing analyses', () => {
    expect([...RENDERED_METHODS].sort()).toEqual(
      [
        'ahp',
        'cronbach-alpha',
        'describe',
        'fuzzy-evaluate',
        'fuzzy-evaluate-hierarchy',
        'mcdonald-omega',
        'membership-matrix',
        'method-comparison',
        'net-promoter-score',
        'satisfaction-index',
        'servqual',
        'pca',
        'ols',
        'wls',
        'shapley',
        'relative-weights',
        'first',
        'importance-performance',
      ].sort(),
    );
  });

  it('doc-comment example of renderMarkdown; title and heading level options', () => {
    expect(renderMarkdown(netPromoterScore([10, 9, 8, 7, 6, 3, 10, 9])).split('\n')[0]).toBe(
      '## Net Promoter Score',
    );
    const nps = netPromoterScore([10, 9, 8, 7, 6, 3, 10, 9]);
    expect(renderMarkdown(nps, { title: 'NPS <Q3>', headingLevel: 3 }).split('\n')[0]).toBe(
      '### NPS \\<Q3\\>',
    );
    expect(renderHTML(nps, { title: 'NPS <Q3>', headingLevel: 3 })).toContain('<h3>NPS &lt;Q3&gt;</h3>');
  });
});

describe('describe', () => {
  it('escapes item names everywhere and renders them as text', () => {
    const result = describeItems(nasty, { scale });
    const output = expectSafeRendering(result);
    expectEscaped(output);
    expect(output.charts).toHaveLength(2);
    for (const svg of output.charts) expect(svg).toContain('&lt;script&gt;');
  });

  it('without a scale: no top-box shares or distribution, one means chart on a round axis', () => {
    const result = describeItems({ a: [1.5, 2.5, 7], b: [3, 4, 5] });
    const { markdown, charts: found } = expectSafeRendering(result);
    expect(found).toHaveLength(1);
    expect(marks(found[0]!)).toHaveLength(2);
    expect(expectWellFormedTables(markdown)).toHaveLength(1);
    expect(markdown).toContain('| a | 3 | 0 | 3.67 |');
  });

  it('charts each item mean (marks = items, values = means) and the answer distribution', () => {
    const result = describeItems(sample, { items: perception });
    const { markdown, charts: found } = expectSafeRendering(result);
    const [means, distribution] = found;
    const bars = marks(means!);
    expect(bars).toHaveLength(perception.length);
    bars.forEach((bar, i) => {
      expect(Number(bar.attributes['data-value'])).toBe(result.items[i]!.mean);
    });
    // Scale 1–5: the bar for mean m spans (m − 1) / 4 of the plot; compare two bars.
    const [a, b] = [bars[0]!, bars[9]!].map((bar) => Number(bar.attributes['width']));
    expect(a! / b!).toBeCloseTo((result.items[0]!.mean - 1) / (result.items[9]!.mean - 1), 2);
    expect(marks(distribution!)).toHaveLength(perception.length * 5);
    // The numbers of the charts are in tables too.
    const tables = expectWellFormedTables(markdown);
    expect(tables).toHaveLength(2);
    expect(tables[0]![2]![0]).toBe('p\\_tan1');
    expect(tables[0]![2]).toContain(result.items[0]!.mean.toFixed(2));
    expect(tables[1]![0]).toHaveLength(6);
  });
});

describe('netPromoterScore', () => {
  it('renders score, groups and one stacked bar', () => {
    const result = netPromoterScore(sample);
    const { markdown, charts: found } = expectSafeRendering(result);
    expect(markdown).toContain(`- NPS: ${result.score.toFixed(1)}`);
    expect(marks(found[0]!)).toHaveLength(3);
  });
});

describe('reliability', () => {
  const items = sample.dimension('reliability').filter((id) => id.startsWith('p_'));

  it('cronbachAlpha: statistics, item table, alpha-if-deleted chart with the alpha line', () => {
    const result = cronbachAlpha(sample, { items });
    const { markdown, charts: found } = expectSafeRendering(result);
    expect(markdown).toContain(`- Alpha: ${result.alpha.toFixed(3)}`);
    const tables = expectWellFormedTables(markdown);
    expect(tables[0]).toHaveLength(2 + items.length);
    expect(marks(found[0]!).map((m) => Number(m.attributes['data-value']))).toEqual(
      result.items.map((i) => i.alphaIfDeleted),
    );
    expect(found[0]).toContain('class="reference"');
  });

  it('cronbachAlpha with two items has no alpha-if-deleted chart', () => {
    const result = cronbachAlpha(nasty, { items: [SCRIPT, QUOTES] });
    expect(expectSafeRendering(result).charts).toHaveLength(0);
  });

  it('mcdonaldOmega: loadings table and chart', () => {
    const result = mcdonaldOmega(sample, { items });
    const { charts: found } = expectSafeRendering(result);
    expect(marks(found[0]!)).toHaveLength(items.length);
  });
});

describe('satisfactionIndex', () => {
  it('renders items, dimensions, segments with intervals, and dimension × segment bars', () => {
    const result = satisfactionIndex(sample, {
      items: perception,
      weights: STATED,
      by: 'channel',
      bootstrap: { resamples: 200 },
    });
    const { markdown, charts: found } = expectSafeRendering(result);
    expect(found).toHaveLength(4);
    const [items, dims, segments, grouped] = found;
    expect(marks(items!)).toHaveLength(perception.length);
    expect(marks(dims!)).toHaveLength(5);
    expect(marks(segments!)).toHaveLength(3);
    expect(segments!.match(/class="interval"/g)).toHaveLength(3);
    expect(marks(grouped!)).toHaveLength(5 * 3);
    expect(markdown).toContain(`- Satisfaction index: ${result.index.toFixed(1)} / 100 (${result.level})`);
    const tables = expectWellFormedTables(markdown);
    const segmentTable = tables.find((t) => t[0]![0] === 'channel')!;
    expect(segmentTable.slice(2).map((r) => r[0])).toEqual(['all respondents', 'branch', 'phone', 'online']);
    const [lo, hi] = result.segments![0]!.confidenceInterval!;
    expect(segmentTable[3]).toContain(`${lo.toFixed(1)}–${hi.toFixed(1)}`);
  });

  it('without dimensions or segments shows the scoring table and item chart only', () => {
    const result = satisfactionIndex(nasty, { scale });
    const { charts: found } = expectSafeRendering(result);
    expect(found).toHaveLength(1);
    const bars = marks(found[0]!);
    // Domain 0–100 from the plot's left end: widths ∝ scores.
    const widths = bars.map((b) => Number(b.attributes['width']));
    expect(widths[0]! / widths[1]!).toBeCloseTo(result.items[0]!.score / result.items[1]!.score, 2);
  });
});

describe('ahp', () => {
  it('renders consistency, weights, the matrix, and a diagnosis when inconsistent', () => {
    const consistent = ahp(JUDGMENTS);
    const { markdown, charts: found } = expectSafeRendering(consistent);
    expect(marks(found[0]!)).toHaveLength(5);
    expect(markdown).not.toContain('contributing most');
    const inconsistent = ahp({
      labels: DIMENSIONS,
      matrix: [
        [1, 9, '1/9', 1, 1],
        ['1/9', 1, 9, 1, 1],
        [9, '1/9', 1, 1, 1],
        [1, 1, 1, 1, 1],
        [1, 1, 1, 1, 1],
      ],
    });
    expect(inconsistent.consistent).toBe(false);
    const rendered = expectSafeRendering(inconsistent);
    expect(rendered.markdown).toContain('Judgments contributing most to the inconsistency');
    expect(rendered.markdown).toContain('**Warnings**');
  });
});

describe('fuzzy', () => {
  const membership = membershipMatrix(nasty, { scale });
  it('membershipMatrix: one stacked row per item, one segment per grade', () => {
    const { charts: found } = expectSafeRendering(membership);
    expect(marks(found[0]!)).toHaveLength(3 * 5);
  });

  it('fuzzyEvaluate: factors and the overall vector', () => {
    const result = fuzzyEvaluate({ weights: [0.5, 0.3, 0.2], membership });
    const { markdown, charts: found } = expectSafeRendering(result);
    expect(marks(found[0]!)).toHaveLength((3 + 1) * 5);
    expect(markdown).toContain(`- Grade (maximum membership): ${result.grade}`);
  });

  it('fuzzyEvaluateHierarchy: every dimension and the overall vector', () => {
    const result = fuzzyEvaluateHierarchy({
      weights: [0.3, 0.2, 0.2, 0.2, 0.1],
      dimensions: DIMENSIONS.map((id) => {
        const items = sample.dimension(id).filter((item) => item.startsWith('p_'));
        return {
          id,
          weights: items.map(() => 1 / items.length),
          membership: membershipMatrix(sample, { items }),
        };
      }),
    });
    const { markdown, charts: found } = expectSafeRendering(result);
    expect(marks(found[0]!)).toHaveLength(6 * 5);
    const table = expectWellFormedTables(markdown)[0]!;
    expect(table.slice(2).map((r) => r[0])).toEqual(['overall', ...DIMENSIONS]);
    expect(table[3]![1]).toBe('0.300');
  });
});

describe('methodComparison', () => {
  it('renders indices, weights, ranks and the tau matrix', () => {
    const result = methodComparison(nasty, {
      scale,
      weightings: {
        stated: { [SCRIPT]: 0.5, [QUOTES]: 0.3, [PIPE]: 0.2 },
        derived: { [SCRIPT]: 0.2, [QUOTES]: 0.3, [PIPE]: 0.5 },
        equal: 'equal',
      },
    });
    const { markdown, charts: found } = expectSafeRendering(result);
    expect(marks(found[0]!)).toHaveLength(3);
    expect(marks(found[1]!)).toHaveLength(9);
    const tau = expectWellFormedTables(markdown).at(-1)!;
    expect(tau[2]).toEqual(['stated', '1.000', '-1.000', '–']);
    expect(tau[4]).toEqual(['equal', '–', '–', '–']);
  });
});
