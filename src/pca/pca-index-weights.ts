import { formatValue } from '../errors.js';
import type { PcaResult } from './pca.js';

/** How item weights are derived from the components. */
export type PcaIndexWeightScheme = 'loadings' | 'squared-loadings';

/** Options of {@link pcaIndexWeights}. */
export interface PcaIndexWeightsOptions {
  /**
   * `'loadings'` (default): each item's normalised absolute loadings, averaged over the components
   * with their variance shares as weights. `'squared-loadings'`: the OECD/JRC Handbook's rule
   * (Nicoletti et al. 2000): each item takes its largest normalised squared loading times the
   * variance share of that component.
   */
  readonly scheme?: PcaIndexWeightScheme;
}

/** Result of {@link pcaIndexWeights}: pass it as `weights` to `satisfactionIndex`. */
export interface PcaIndexWeightsResult {
  readonly method: 'pca-index-weights';
  readonly scheme: PcaIndexWeightScheme;
  /** Whether the varimax-rotated loadings were used (`true` when the PCA was rotated). */
  readonly rotated: boolean;
  /** Item weights by item name, non-negative, summing to 1: the form `satisfactionIndex` accepts. */
  readonly weights: Readonly<Record<string, number>>;
  /** The components used (`PC…` or `RC…`) with their variance shares sⱼ (summing to 1). */
  readonly components: readonly { readonly component: string; readonly share: number }[];
  /** For `'squared-loadings'`: the component each item was assigned to; `null` for `'loadings'`. */
  readonly assignment: Readonly<Record<string, string>> | null;
  readonly warnings: readonly string[];
}

/**
 * Item weights for the satisfaction index derived from a PCA, a common practice for building
 * composite indicators from correlated items. With lᵢⱼ the loadings of the retained components
 * (varimax-rotated when the PCA was rotated, as the practice recommends) and sⱼ = vⱼ / Σₖ vₖ the
 * variance shares of those components (vⱼ = eigenvalue, or rotated sum of squared loadings):
 *
 * - `'loadings'` (default): wᵢ ∝ Σⱼ sⱼ · |lᵢⱼ| / Σₖ |lₖⱼ|, normalised to sum to 1: each component
 *   spreads its share over the items in proportion to their absolute loadings.
 * - `'squared-loadings'` (OECD/JRC Handbook 2008, weights based on principal components, after
 *   Nicoletti, Scarpetta & Boylaud 2000):
 *   qᵢⱼ = lᵢⱼ² / Σₖ lₖⱼ² (squared loadings scaled to unity sum); each item is assigned to the
 *   component j* where qᵢⱼ is largest and gets wᵢ ∝ sⱼ* · qᵢⱼ*, normalised to sum to 1.
 *
 * The result has the `{ weights: { [item]: weight } }` form that `satisfactionIndex` accepts
 * (`satisfactionIndex(data, { weights: pcaIndexWeights(result) })`). Weights from components describe
 * how the items co-vary, not how much they matter to customers: read them as a data-driven
 * alternative to stated or derived importance. With a single retained component both schemes weight
 * the items by their (squared) loadings on it.
 *
 * References: OECD & JRC (2008). Handbook on Constructing Composite Indicators: Methodology and
 * User Guide. OECD Publishing (weighting: weights based on principal components). Nicoletti, G.,
 * Scarpetta, S. & Boylaud, O. (2000).
 * Summary indicators of product market regulation with an extension to employment protection
 * legislation. OECD Economics Department Working Papers 226.
 *
 * @param result a `pca` result
 * @throws {TypeError} when `result` is not a `pca` result
 * @throws {RangeError} on an unknown scheme
 * @example
 * const data = { q1: [4, 5, 3, 4, 2, 5], q2: [4, 4, 3, 5, 2, 4], q3: [5, 5, 2, 4, 3, 4] };
 * const weights = pcaIndexWeights(pca(data));
 * weights.weights; // { q1: 0.347, q2: 0.3322, q3: 0.3208 } (rounded)
 * satisfactionIndex(data, { weights, scale: { min: 1, max: 5 } }).index; // 69.45 (rounded)
 */
export function pcaIndexWeights(
  result: PcaResult,
  options: PcaIndexWeightsOptions = {},
): PcaIndexWeightsResult {
  const fn = 'pcaIndexWeights';
  if (result === null || typeof result !== 'object' || result.method !== 'pca') {
    throw new TypeError(`${fn}: expected the result of pca(); got ${formatValue(result)}`);
  }
  const scheme = options.scheme ?? 'loadings';
  if (scheme !== 'loadings' && scheme !== 'squared-loadings') {
    throw new RangeError(
      `${fn}: scheme must be 'loadings' or 'squared-loadings'; got ${formatValue(scheme)}`,
    );
  }
  const rotated = result.rotated !== null;
  const loadings = result.rotated?.loadings ?? result.loadings;
  const names = result.rotated?.components ?? result.componentNames;
  const variances = result.rotated?.sumsOfSquares ?? result.eigenvalues.slice(0, result.retained);
  const totalVariance = variances.reduce((a, b) => a + b, 0);
  const shares = variances.map((v) => v / totalVariance);
  const items = result.items;
  const m = names.length;
  const raw = new Array<number>(items.length).fill(0);
  let assignment: Record<string, string> | null = null;
  if (scheme === 'loadings') {
    for (let j = 0; j < m; j++) {
      const column = loadings.map((row) => Math.abs(row[j]!));
      const sum = column.reduce((a, b) => a + b, 0);
      column.forEach((value, i) => {
        raw[i] = raw[i]! + (shares[j]! * value) / sum;
      });
    }
  } else {
    assignment = {};
    const squares = Array.from({ length: m }, (_, j) => {
      const column = loadings.map((row) => row[j]! ** 2);
      const sum = column.reduce((a, b) => a + b, 0);
      return column.map((value) => value / sum);
    });
    items.forEach((item, i) => {
      let best = 0;
      for (let j = 1; j < m; j++) if (squares[j]![i]! > squares[best]![i]!) best = j;
      raw[i] = shares[best]! * squares[best]![i]!;
      assignment![item] = names[best]!;
    });
  }
  const total = raw.reduce((a, b) => a + b, 0);
  const weights: Record<string, number> = {};
  items.forEach((item, i) => {
    weights[item] = raw[i]! / total;
  });
  const warnings: string[] = [];
  const negative = loadings
    .map((row, i) => (row.every((l) => l <= 0) && row.some((l) => l < 0) ? items[i]! : null))
    .filter((item): item is string => item !== null);
  if (negative.length > 0) {
    warnings.push(
      `${fn}: ${negative.map(formatValue).join(', ')} load${negative.length === 1 ? 's' : ''} only negatively: weights use absolute loadings, so check that reverse-worded items were reverse-coded`,
    );
  }
  return {
    method: 'pca-index-weights',
    scheme,
    rotated,
    weights,
    components: names.map((component, j) => ({ component, share: shares[j]! })),
    assignment,
    warnings,
  };
}
