import { describe, expect, it } from 'vitest';
import { ahp, satisfactionIndex } from '../../src/index.js';
import { descendingRanks, methodComparison } from '../../src/report/method-comparison.js';
import { kendallTau } from '../../src/stats/kendall-tau.js';
import { bankSample } from '../helpers/data.js';
import { expectClose } from '../helpers/expect-close.js';
import { DIMENSIONS, JUDGMENTS, perceptionItems, STATED } from './helpers.js';

const sample = bankSample();
const items = perceptionItems(sample);
const stated = STATED;
const judgments = ahp(JUDGMENTS);
const ahpWeights = { dimensions: Object.fromEntries(DIMENSIONS.map((d, i) => [d, judgments.weights[i]!])) };
// A derived-importance result and a PCA-style weighting, in the forms satisfactionIndex accepts.
const shares = items.map((_, i) => (i + 1) / ((items.length * (items.length + 1)) / 2));
const derived = { drivers: items.map((driver, i) => ({ driver, share: shares[i]! })) };
const pcaLike = {
  weights: Object.fromEntries(items.map((item, i) => [item, shares[items.length - 1 - i]!])),
};

describe('methodComparison', () => {
  const result = methodComparison(sample, {
    items,
    weightings: { stated, AHP: ahpWeights, derived, PCA: pcaLike },
  });

  it('doc-comment example: reversed rankings have tau −1', () => {
    const data = { q1: [5, 4, 4], q2: [3, 2, 4], q3: [4, 4, 5] };
    const r = methodComparison(data, {
      scale: { min: 1, max: 5 },
      weightings: { stated: { q1: 0.5, q2: 0.3, q3: 0.2 }, derived: { q1: 0.2, q2: 0.3, q3: 0.5 } },
    });
    expect(r.agreement[0]!.kendallTau).toBe(-1);
  });

  it('gives each weighting the index satisfactionIndex gives it, on the same items and respondents', () => {
    const weightings = [stated, ahpWeights, derived, pcaLike];
    result.methods.forEach((m, k) => {
      const direct = satisfactionIndex(sample, { items, weights: weightings[k]! });
      expect(m.index).toBe(direct.index);
      expect(m.weights).toEqual(direct.items.map((i) => i.weight));
      expect(m.weighting).toBe(direct.weighting);
    });
    expect(result.items).toEqual(items);
    expect(result.n).toBe(satisfactionIndex(sample, { items }).n);
    expect(result.methods.map((m) => m.name)).toEqual(['stated', 'AHP', 'derived', 'PCA']);
  });

  it('measures agreement as Kendall tau-b between the weight vectors, for every pair', () => {
    expect(result.agreement).toHaveLength(6);
    for (const pair of result.agreement) {
      const a = result.methods.find((m) => m.name === pair.a)!;
      const b = result.methods.find((m) => m.name === pair.b)!;
      expectClose(pair.kendallTau!, kendallTau(a.weights, b.weights), 1e-15, `${pair.a}–${pair.b}`);
    }
    // derived and PCA weights are exact reverses: tau = −1.
    const tau = (a: string, b: string) => result.agreement.find((p) => p.a === a && p.b === b)!.kendallTau;
    expect(tau('derived', 'PCA')).toBe(-1);
    // By hand: an item's weight is its dimension's weight over the dimension's item count. Stated:
    // responsiveness 0.25/4 > reliability 0.3/5 > assurance 0.2/4 > empathy 0.15/5 > tangibles 0.1/4;
    // AHP: reliability > responsiveness > assurance > empathy > tangibles. Of the 231 pairs of 22
    // items, 38 are tied in both (within a dimension: 6 + 10 + 6 + 6 + 10), the 5 × 4 = 20
    // reliability–responsiveness pairs are discordant and the other 173 concordant:
    // tau-b = (173 − 20) / √((231 − 38)(231 − 38)) = 153 / 193.
    expectClose(tau('stated', 'AHP')!, 153 / 193, 1e-15);
  });

  it('ranks by descending weight, tied weights sharing their mean rank', () => {
    expect(descendingRanks([0.2, 0.5, 0.2, 0.1])).toEqual([2.5, 1, 2.5, 4]);
    const statedRanks = result.methods[0]!.ranks;
    // The four responsiveness items (0.0625 each) take ranks 1–4, the five reliability items (0.06)
    // share ranks 5–9 (mean 7), the four tangibles items (0.025) ranks 19–22 (mean 20.5).
    const reliability = items.flatMap((id, i) => (id.startsWith('p_rel') ? [statedRanks[i]] : []));
    const tangibles = items.flatMap((id, i) => (id.startsWith('p_tan') ? [statedRanks[i]] : []));
    expect(reliability).toEqual([7, 7, 7, 7, 7]);
    expect(tangibles).toEqual([20.5, 20.5, 20.5, 20.5]);
  });

  it('reports equal weights as having no ranking (tau null, with a warning)', () => {
    const r = methodComparison(sample, { items, weightings: { stated, equal: 'equal' } });
    expect(r.agreement).toEqual([{ a: 'stated', b: 'equal', kendallTau: null }]);
    expect(r.warnings).toContain(
      'methodComparison: weighting "equal" gives every item the same weight, so it ranks no item and its Kendall tau is null',
    );
    expect(r.methods[1]!.ranks.every((rank) => rank === (items.length + 1) / 2)).toBe(true);
  });

  it('passes bootstrap options through to each index', () => {
    const r = methodComparison(sample, {
      items,
      bootstrap: { resamples: 50 },
      weightings: { stated, AHP: ahpWeights },
    });
    for (const m of r.methods) expect(m.confidenceInterval).not.toBeNull();
    expect(result.methods[0]!.confidenceInterval).toBeNull();
  });

  it('is plain JSON', () => {
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });

  it('rejects bad input with messages naming it', () => {
    expect(() => methodComparison(sample, { items, weightings: { stated } })).toThrow(
      new RangeError('methodComparison: at least two weightings are needed to compare; got 1'),
    );
    expect(() => methodComparison(sample, { items, weightings: [] as never })).toThrow(
      new TypeError('methodComparison: weightings must be { name: weights }; got an array of length 0'),
    );
    expect(() => methodComparison(sample, null as never)).toThrow(
      new TypeError('methodComparison: options must be an object with weightings; got null'),
    );
    // What satisfactionIndex rejects, it rejects with satisfactionIndex's message.
    expect(() => methodComparison(sample, { items, weightings: { stated, bad: { p_tan1: 1 } } })).toThrow(
      /^satisfactionIndex: /,
    );
  });
});
