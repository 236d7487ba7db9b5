import { expect, it, describe as suite } from 'vitest';
import { pca } from '../../src/pca/pca.js';
import { pcaIndexWeights } from '../../src/pca/pca-index-weights.js';
import { satisfactionIndex } from '../../src/scoring/satisfaction-index.js';
import { bankSample } from '../helpers/data.js';
import { expectClose } from '../helpers/expect-close.js';

// The formulas of the doc comment, recomputed here term by term from the PCA result (the PCA itself is
// tested against R in pca.test.ts). 'squared-loadings' is the rule of the OECD/JRC Handbook on
// Constructing Composite Indicators (2008), weights based on principal components.
const sample = bankSample();
const items = sample.items.filter((id) => id.startsWith('p_'));

suite('pcaIndexWeights', () => {
  const result = pca(sample, { items, rotation: 'varimax' });

  it("'loadings': normalised absolute loadings weighted by the components' variance shares", () => {
    const weights = pcaIndexWeights(result);
    expect(weights.method).toBe('pca-index-weights');
    expect(weights.scheme).toBe('loadings');
    expect(weights.rotated).toBe(true);
    const loadings = result.rotated!.loadings;
    const ss = result.rotated!.sumsOfSquares;
    const shares = ss.map((s) => s / ss.reduce((a, b) => a + b, 0));
    const raw = items.map((_, i) =>
      shares.reduce(
        (a, s, j) =>
          a + (s * Math.abs(loadings[i]![j]!)) / loadings.reduce((b, row) => b + Math.abs(row[j]!), 0),
        0,
      ),
    );
    // The component shares sum to 1 and each component spreads its share: the raw weights sum to 1.
    expectClose(
      raw.reduce((a, b) => a + b, 0),
      1,
      1e-14,
      'Σ raw',
    );
    items.forEach((item, i) => {
      expectClose(weights.weights[item]!, raw[i]!, 1e-14, item);
    });
    expectClose(
      Object.values(weights.weights).reduce((a, b) => a + b, 0),
      1,
      1e-14,
      'Σ w',
    );
    expect(weights.components.map((c) => c.component)).toEqual(result.rotated!.components);
    expect(weights.assignment).toBeNull();
  });

  it("'squared-loadings': each item's largest scaled squared loading times its component's share", () => {
    const weights = pcaIndexWeights(result, { scheme: 'squared-loadings' });
    const loadings = result.rotated!.loadings;
    const m = loadings[0]!.length;
    const ss = result.rotated!.sumsOfSquares;
    const total = ss.reduce((a, b) => a + b, 0);
    const raw = items.map((_, i) => {
      const scaled = Array.from({ length: m }, (_, j) => loadings[i]![j]! ** 2 / ss[j]!);
      const j = scaled.indexOf(Math.max(...scaled));
      return [(ss[j]! / total) * scaled[j]!, j] as const;
    });
    const sum = raw.reduce((a, [w]) => a + w, 0);
    items.forEach((item, i) => {
      expectClose(weights.weights[item]!, raw[i]![0] / sum, 1e-14, item);
      expect(weights.assignment![item]).toBe(result.rotated!.components[raw[i]![1]]);
    });
    // The five SERVQUAL dimensions come back as the five rotated components.
    const byComponent = new Map<string, Set<string>>();
    for (const item of items) {
      const component = weights.assignment![item]!;
      if (!byComponent.has(component)) byComponent.set(component, new Set());
      byComponent.get(component)!.add(sample.item(item).dimension!);
    }
    expect([...byComponent.values()].every((dimensions) => dimensions.size === 1)).toBe(true);
    expect(byComponent.size).toBe(5);
  });

  it('unrotated: eigenvalue shares of the retained components', () => {
    const plain = pca(sample, { items, components: 2 });
    const weights = pcaIndexWeights(plain);
    expect(weights.rotated).toBe(false);
    const shares = plain.eigenvalues.slice(0, 2).map((v, _, kept) => v / kept.reduce((a, b) => a + b, 0));
    expect(weights.components).toEqual([
      { component: 'PC1', share: shares[0] },
      { component: 'PC2', share: shares[1] },
    ]);
  });

  it('feeds satisfactionIndex as { weights: { item: w } }', () => {
    const weights = pcaIndexWeights(result);
    const index = satisfactionIndex(sample, { items, weights });
    expect(index.weighting).toBe('analysis');
    const byItem = satisfactionIndex(sample, { items, weights: weights.weights });
    expectClose(index.index, byItem.index, 1e-14, 'index');
    for (const row of index.items) expectClose(row.weight, weights.weights[row.item]!, 1e-14, row.item);
    // Without items, the items the weights name are analysed.
    expectClose(satisfactionIndex(sample, { weights }).index, index.index, 1e-14, 'items from weights');
  });

  it('the doc-comment example', () => {
    const data = { q1: [4, 5, 3, 4, 2, 5], q2: [4, 4, 3, 5, 2, 4], q3: [5, 5, 2, 4, 3, 4] };
    const weights = pcaIndexWeights(pca(data));
    expect(Object.values(weights.weights).map((w) => Number(w.toFixed(4)))).toEqual([0.347, 0.3322, 0.3208]);
    expect(satisfactionIndex(data, { weights, scale: { min: 1, max: 5 } }).index.toFixed(2)).toBe('69.45');
  });

  it('checks its input', () => {
    expect(() => pcaIndexWeights({} as never)).toThrow(
      new TypeError('pcaIndexWeights: expected the result of pca(); got object'),
    );
    expect(() => pcaIndexWeights(result, { scheme: 'oecd' as never })).toThrow(
      new RangeError(`pcaIndexWeights: scheme must be 'loadings' or 'squared-loadings'; got "oecd"`),
    );
  });
});
