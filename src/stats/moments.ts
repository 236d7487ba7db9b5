import { formatValue } from '../errors.js';
import { type DataOptions, type Dataset, resolveData, type SurveyData } from '../survey/data.js';
import { columnSums, crossProducts, IntegerCrossProducts } from './cross-products.js';

/** How rows with missing answers enter the moments. */
export type MissingPolicy = 'listwise' | 'pairwise';

/** Options of {@link moments}: which items and weights (see `DataOptions`) and the missing-data policy. */
export interface MomentsOptions extends DataOptions {
  /**
   * `'listwise'` (default): only respondents who answered every item are used, and the others are
   * counted in `dropped`. `'pairwise'`: each pair of items uses every respondent who answered both
   * (R's `use = "pairwise.complete.obs"`).
   */
  readonly missing?: MissingPolicy;
}

/**
 * The JSON form of {@link Moments}, for storage or transport (e.g. one summary per file chunk or
 * per machine, merged later). The five p × p arrays are row-major; entry (i, j) describes item i
 * over the respondents who answered both i and j.
 */
export interface MomentsJSON {
  readonly type: 'moments';
  readonly version: 1;
  readonly items: readonly string[];
  readonly missing: MissingPolicy;
  readonly weighted: boolean;
  readonly rowsRead: number;
  readonly dropped: number;
  /** Respondents who answered both i and j. */
  readonly count: readonly number[];
  /** Σ w over those respondents. */
  readonly sumWeights: readonly number[];
  /** Weighted mean of item i over those respondents. */
  readonly means: readonly number[];
  /** Σ w (xᵢ − meanᵢⱼ)² over those respondents. */
  readonly sumSquares: readonly number[];
  /** Σ w (xᵢ − meanᵢⱼ)(xⱼ − meanⱼᵢ) over those respondents (symmetric). */
  readonly comoments: readonly number[];
}

interface State {
  readonly items: readonly string[];
  readonly missing: MissingPolicy;
  readonly weighted: boolean;
  readonly rowsRead: number;
  readonly dropped: number;
  readonly count: Float64Array;
  readonly sumWeights: Float64Array;
  readonly means: Float64Array;
  readonly sumSquares: Float64Array;
  readonly comoments: Float64Array;
}

/** Rows per block: the column strips of a kernel tile (a few times 4 KiB) stay in L1 cache. */
const BLOCK_ROWS = 512;

/**
 * Sufficient statistics of a set of items: for every pair, the number of respondents, their
 * weight sum, means and centred (co-)moments. From them come means, variances, the covariance
 * and the correlation matrix; every analysis that needs only the p × p structure (reliability,
 * PCA, regression, relative importance) can start from a `Moments` instead of raw data.
 *
 * Two `Moments` of different respondents merge exactly (Chan, Golub & LeVeque's pairwise update),
 * so a file can be summarised in chunks, or on several machines, and combined; `toJSON` and
 * `Moments.fromJSON` round-trip through JSON. Create one with {@link moments}.
 *
 * Conventions: covariance with the (n − 1) denominator, as R's `cov`; with respondent weights
 * (scale-free sampling weights) n / (n − 1) · Σ w (x − x̄)(y − ȳ) / Σ w, as R's `survey::svyvar`.
 *
 * Reference: Chan, T. F., Golub, G. H. & LeVeque, R. J. (1979). Updating formulae and a pairwise
 * algorithm for computing sample variances. Stanford CS report STAN-CS-79-773.
 */
export class Moments {
  readonly items: readonly string[];
  readonly missing: MissingPolicy;
  readonly weighted: boolean;
  /** Rows read (respondents offered to the accumulator, including those dropped). */
  readonly rowsRead: number;
  /** Rows not used: under listwise deletion, respondents with any missing answer. */
  readonly dropped: number;
  readonly #state: State;

  private constructor(state: State) {
    this.#state = state;
    this.items = state.items;
    this.missing = state.missing;
    this.weighted = state.weighted;
    this.rowsRead = state.rowsRead;
    this.dropped = state.dropped;
  }

  /** Respondents used: under listwise deletion, those who answered every item. */
  get n(): number {
    return this.rowsRead - this.dropped;
  }

  /** @internal Builds moments from their parts; use {@link moments} or {@link Moments.fromJSON}. */
  static fromState(state: State): Moments {
    return new Moments(state);
  }

  /**
   * Moments from their JSON form.
   * @throws {TypeError} when `json` is not a `MomentsJSON`
   * @throws {RangeError} when its arrays do not match its items
   */
  static fromJSON(json: MomentsJSON | string): Moments {
    const value = (typeof json === 'string' ? JSON.parse(json) : json) as MomentsJSON;
    if (value === null || typeof value !== 'object' || value.type !== 'moments' || value.version !== 1) {
      throw new TypeError(
        `Moments.fromJSON: expected a MomentsJSON object (type 'moments', version 1); got ${formatValue(value)}`,
      );
    }
    const p = value.items.length;
    const arrays = ['count', 'sumWeights', 'means', 'sumSquares', 'comoments'] as const;
    for (const key of arrays) {
      if (!Array.isArray(value[key]) || value[key].length !== p * p) {
        throw new RangeError(
          `Moments.fromJSON: ${key} must have ${p * p} entries (items²); got ${formatValue(value[key])}`,
        );
      }
    }
    return new Moments({
      items: [...value.items],
      missing: value.missing,
      weighted: value.weighted,
      rowsRead: value.rowsRead,
      dropped: value.dropped,
      count: Float64Array.from(value.count),
      sumWeights: Float64Array.from(value.sumWeights),
      means: Float64Array.from(value.means),
      sumSquares: Float64Array.from(value.sumSquares),
      comoments: Float64Array.from(value.comoments),
    });
  }

  /** The JSON form (plain arrays); `Moments.fromJSON(JSON.parse(JSON.stringify(m)))` restores `m` exactly. */
  toJSON(): MomentsJSON {
    const s = this.#state;
    return {
      type: 'moments',
      version: 1,
      items: [...s.items],
      missing: s.missing,
      weighted: s.weighted,
      rowsRead: s.rowsRead,
      dropped: s.dropped,
      count: Array.from(s.count),
      sumWeights: Array.from(s.sumWeights),
      means: Array.from(s.means),
      sumSquares: Array.from(s.sumSquares),
      comoments: Array.from(s.comoments),
    };
  }

  /**
   * The moments of both sets of respondents together, exactly as if computed in one pass:
   * for each pair, W = Wa + Wb, δ = mean_b − mean_a, mean = mean_a + δ·Wb/W and
   * C = Ca + Cb + δᵢ·δⱼ·Wa·Wb/W.
   * @throws {RangeError} when the items, missing policy or weighting differ
   */
  merge(other: Moments): Moments {
    const a = this.#state;
    const b = other.#state;
    if (a.items.length !== b.items.length || a.items.some((id, i) => id !== b.items[i])) {
      throw new RangeError(
        `moments.merge: both must have the same items in the same order; got ${a.items.join(', ')} and ${b.items.join(', ')}`,
      );
    }
    if (a.missing !== b.missing || a.weighted !== b.weighted) {
      throw new RangeError(
        `moments.merge: both must use the same missing policy and weighting; got ${a.missing}/${a.weighted ? 'weighted' : 'unweighted'} and ${b.missing}/${b.weighted ? 'weighted' : 'unweighted'}`,
      );
    }
    const p = a.items.length;
    const size = p * p;
    const count = new Float64Array(size);
    const sumWeights = new Float64Array(size);
    const means = new Float64Array(size);
    const sumSquares = new Float64Array(size);
    const comoments = new Float64Array(size);
    for (let i = 0; i < p; i++) {
      for (let j = 0; j < p; j++) {
        const ij = i * p + j;
        const ji = j * p + i;
        const wa = a.sumWeights[ij]!;
        const wb = b.sumWeights[ij]!;
        const w = wa + wb;
        count[ij] = a.count[ij]! + b.count[ij]!;
        sumWeights[ij] = w;
        if (wa === 0 || wb === 0) {
          const from = wa === 0 ? b : a;
          means[ij] = from.means[ij]!;
          sumSquares[ij] = from.sumSquares[ij]!;
          comoments[ij] = from.comoments[ij]!;
          continue;
        }
        const di = b.means[ij]! - a.means[ij]!;
        const dj = b.means[ji]! - a.means[ji]!;
        const f = (wa * wb) / w;
        means[ij] = a.means[ij]! + (di * wb) / w;
        sumSquares[ij] = a.sumSquares[ij]! + b.sumSquares[ij]! + di * di * f;
        comoments[ij] = a.comoments[ij]! + b.comoments[ij]! + di * dj * f;
      }
    }
    return new Moments({
      items: a.items,
      missing: a.missing,
      weighted: a.weighted,
      rowsRead: a.rowsRead + b.rowsRead,
      dropped: a.dropped + b.dropped,
      count,
      sumWeights,
      means,
      sumSquares,
      comoments,
    });
  }

  /** Item means (weighted when weights were given), each over the respondents who answered it. */
  means(): number[] {
    const s = this.#state;
    const p = s.items.length;
    return Array.from({ length: p }, (_, i) =>
      s.sumWeights[i * p + i]! > 0 ? s.means[i * p + i]! : Number.NaN,
    );
  }

  /** Respondents used per pair of items (p × p); under listwise deletion every entry is `n`. */
  pairCounts(): number[][] {
    const s = this.#state;
    const p = s.items.length;
    return Array.from({ length: p }, (_, i) => Array.from(s.count.subarray(i * p, i * p + p)));
  }

  /** Item variances (see the class conventions). NaN for an item with fewer than two answers. */
  variances(): number[] {
    const s = this.#state;
    const p = s.items.length;
    return Array.from({ length: p }, (_, i) => this.#covarianceAt(i * p + i));
  }

  /** Item standard deviations: square roots of {@link Moments.variances}. */
  standardDeviations(): number[] {
    return this.variances().map(Math.sqrt);
  }

  /** Covariance matrix (p × p, see the class conventions); NaN for a pair with fewer than two respondents. */
  covariance(): number[][] {
    const s = this.#state;
    const p = s.items.length;
    return Array.from({ length: p }, (_, i) =>
      Array.from({ length: p }, (_, j) => this.#covarianceAt(i * p + j)),
    );
  }

  /**
   * Pearson correlation matrix: Cᵢⱼ / √(Sᵢ₍ⱼ₎ · Sⱼ₍ᵢ₎), where S are the sums of squares over the
   * respondents used for the pair (under pairwise deletion, as R's `cor(use = "pairwise.complete.obs")`).
   * @throws {RangeError} naming an item with zero variance (a constant column) or a pair with fewer than two respondents
   */
  correlation(): number[][] {
    const s = this.#state;
    const p = s.items.length;
    const out = Array.from({ length: p }, () => new Array<number>(p).fill(1));
    for (let i = 0; i < p; i++) {
      for (let j = 0; j < p; j++) {
        const ij = i * p + j;
        if (s.count[ij]! < 2) {
          throw new RangeError(
            `moments.correlation: items ${formatValue(s.items[i])} and ${formatValue(s.items[j])} must be answered together by at least 2 respondents; got ${s.count[ij]}`,
          );
        }
        const si = s.sumSquares[ij]!;
        const sj = s.sumSquares[j * p + i]!;
        if (!(si > 0) || !(sj > 0)) {
          const item = si > 0 ? s.items[j] : s.items[i];
          throw new RangeError(
            `moments.correlation: item ${formatValue(item)} is constant (zero variance); its correlations are undefined`,
          );
        }
        if (i !== j) out[i]![j] = s.comoments[ij]! / Math.sqrt(si * sj);
      }
    }
    return out;
  }

  #covarianceAt(ij: number): number {
    const s = this.#state;
    const n = s.count[ij]!;
    if (n < 2) return Number.NaN;
    const w = s.sumWeights[ij]!;
    return s.weighted ? ((n / (n - 1)) * s.comoments[ij]!) / w : s.comoments[ij]! / (n - 1);
  }
}

function emptyState(
  items: readonly string[],
  missing: MissingPolicy,
  weighted: boolean,
  rowsRead: number,
  dropped: number,
): State {
  const size = items.length * items.length;
  return {
    items,
    missing,
    weighted,
    rowsRead,
    dropped,
    count: new Float64Array(size),
    sumWeights: new Float64Array(size),
    means: new Float64Array(size),
    sumSquares: new Float64Array(size),
    comoments: new Float64Array(size),
  };
}

/**
 * Listwise moments in one pass over blocks of rows. A block of whole numbers (Likert answers)
 * goes through the exact packed kernel; any other block is centred on its own mean by the corrected
 * two-pass (centre, then subtract the residual Σd·Σd/W from the cross products) and goes through
 * the floating-point kernel, with weights entering as √w on both factors. Blocks are merged with
 * the pairwise update, and running means are kept relative to each column's first block mean, so
 * that data far from zero (1e9 + small noise) lose no digits in the merges.
 */
function listwise(
  items: readonly string[],
  columns: readonly Float64Array[],
  weights: Float64Array | null,
  n: number,
): State {
  const p = items.length;
  // Padding columns (p ≤ c < width) stay zero; 4 is the column tile of both kernels.
  const width = Math.ceil(p / 4) * 4;
  const block = new Float64Array(width * BLOCK_ROWS);
  const blockProducts = new Float64Array(width * width);
  const complete = new Uint8Array(BLOCK_ROWS);
  const blockWeights = new Float64Array(BLOCK_ROWS);
  const rootWeights = new Float64Array(BLOCK_ROWS);
  const sums = new Float64Array(p);
  const squares = new Float64Array(p);
  const blockMeans = new Float64Array(p);
  const residuals = new Float64Array(p);
  /** Running means, relative to `origin` (each column's first block mean). */
  const means = new Float64Array(p);
  const origin = new Float64Array(p);
  let originSet = false;
  const products = new Float64Array(p * p);
  // Whole-number answers (Likert items) take the exact packed kernel; other blocks the float one.
  const integer = weights === null ? new IntegerCrossProducts(p, width, BLOCK_ROWS) : null;
  let total = 0;
  let used = 0;
  for (let start = 0; start < n; start += BLOCK_ROWS) {
    const size = Math.min(BLOCK_ROWS, n - start);
    let m = size;
    let weight = size;
    residuals.fill(0);
    if (integer?.loadColumns(columns, start, size)) {
      // A complete block of whole numbers, read straight from the columns.
      integer.means(blockMeans);
      integer.centredCrossProducts(blockProducts, width);
    } else {
      // Copy the block in, one bulk copy per column, and sum its columns (a NaN makes a sum NaN).
      for (let c = 0; c < p; c++) block.set(columns[c]!.subarray(start, start + size), c * BLOCK_ROWS);
      if (weights !== null) blockWeights.set(weights.subarray(start, start + size));
      if (!columnSums(block, BLOCK_ROWS, size, p, sums, squares)) {
        // Listwise deletion: keep the rows with no NaN, moved up in place.
        complete.fill(1, 0, size);
        for (let c = 0; c < p; c++) {
          const offset = c * BLOCK_ROWS;
          for (let k = 0; k < size; k++) if (Number.isNaN(block[offset + k]!)) complete[k] = 0;
        }
        m = 0;
        for (let k = 0; k < size; k++) if (complete[k] === 1) blockWeights[m++] = blockWeights[k]!;
        if (m === 0) continue;
        for (let c = 0; c < p; c++) {
          const offset = c * BLOCK_ROWS;
          let kept = offset;
          for (let k = 0; k < size; k++) if (complete[k] === 1) block[kept++] = block[offset + k]!;
        }
        columnSums(block, BLOCK_ROWS, m, p, sums, squares);
      }
      weight = m;
      if (weights === null) {
        if (integer?.loadBlock(block, BLOCK_ROWS, m, sums, squares)) {
          integer.means(blockMeans);
          integer.centredCrossProducts(blockProducts, width);
        } else {
          for (let c = 0; c < p; c++) {
            const offset = c * BLOCK_ROWS;
            const center = sums[c]! / m;
            blockMeans[c] = center;
            let residual = 0;
            for (let k = 0; k < m; k++) {
              const d = block[offset + k]! - center;
              block[offset + k] = d;
              residual += d;
            }
            residuals[c] = residual;
          }
          crossProducts(block, BLOCK_ROWS, m, p, width, blockProducts);
        }
      } else {
        weight = 0;
        for (let k = 0; k < m; k++) {
          weight += blockWeights[k]!;
          rootWeights[k] = Math.sqrt(blockWeights[k]!);
        }
        for (let c = 0; c < p; c++) {
          const offset = c * BLOCK_ROWS;
          let s = 0;
          for (let k = 0; k < m; k++) s += blockWeights[k]! * block[offset + k]!;
          const center = s / weight;
          blockMeans[c] = center;
          let residual = 0;
          for (let k = 0; k < m; k++) {
            const d = block[offset + k]! - center;
            residual += blockWeights[k]! * d;
            block[offset + k] = rootWeights[k]! * d;
          }
          residuals[c] = residual;
        }
        crossProducts(block, BLOCK_ROWS, m, p, width, blockProducts);
      }
    }
    // Corrected two-pass: Σw(x − c)(y − c′) − Σw(x − c)·Σw(y − c′)/W is exact for any centres c, c′;
    // the block mean becomes c + Σw(x − c)/W, kept relative to the column's origin.
    if (!originSet) {
      origin.set(blockMeans);
      originSet = true;
    }
    for (let i = 0; i < p; i++) {
      blockMeans[i] = blockMeans[i]! - origin[i]! + residuals[i]! / weight;
    }
    // Merge the block into the running totals.
    const merged = total + weight;
    const f = (total * weight) / merged;
    for (let i = 0; i < p; i++) {
      const di = blockMeans[i]! - means[i]!;
      const ri = residuals[i]!;
      for (let j = i; j < p; j++) {
        const dj = blockMeans[j]! - means[j]!;
        const correction = (ri * residuals[j]!) / weight;
        products[i * p + j] =
          products[i * p + j]! + (blockProducts[i * width + j]! - correction) + di * dj * f;
      }
    }
    for (let i = 0; i < p; i++) means[i] = means[i]! + ((blockMeans[i]! - means[i]!) * weight) / merged;
    total = merged;
    used += m;
  }

  const state = emptyState(items, 'listwise', weights !== null, n, n - used);
  for (let i = 0; i < p; i++) {
    for (let j = 0; j < p; j++) {
      const ij = i * p + j;
      state.count[ij] = used;
      state.sumWeights[ij] = total;
      state.means[ij] = origin[i]! + means[i]!;
      state.sumSquares[ij] = products[i * p + i]!;
      state.comoments[ij] = products[Math.min(i, j) * p + Math.max(i, j)]!;
    }
  }
  return state;
}

/** Pairwise moments: for each pair, a two-pass over the respondents who answered both. */
function pairwise(
  items: readonly string[],
  columns: readonly Float64Array[],
  weights: Float64Array | null,
  n: number,
): State {
  const p = items.length;
  const state = emptyState(items, 'pairwise', weights !== null, n, 0);
  for (let i = 0; i < p; i++) {
    const x = columns[i]!;
    for (let j = i; j < p; j++) {
      const y = columns[j]!;
      let count = 0;
      let w = 0;
      let sx = 0;
      let sy = 0;
      for (let r = 0; r < n; r++) {
        const xr = x[r]!;
        const yr = y[r]!;
        if (Number.isNaN(xr) || Number.isNaN(yr)) continue;
        const wr = weights === null ? 1 : weights[r]!;
        count++;
        w += wr;
        sx += wr * xr;
        sy += wr * yr;
      }
      const ij = i * p + j;
      const ji = j * p + i;
      state.count[ij] = state.count[ji] = count;
      state.sumWeights[ij] = state.sumWeights[ji] = w;
      if (count === 0) continue;
      const mx = sx / w;
      const my = sy / w;
      let ssx = 0;
      let ssy = 0;
      let sxy = 0;
      let rx = 0;
      let ry = 0;
      for (let r = 0; r < n; r++) {
        const xr = x[r]!;
        const yr = y[r]!;
        if (Number.isNaN(xr) || Number.isNaN(yr)) continue;
        const wr = weights === null ? 1 : weights[r]!;
        const dx = xr - mx;
        const dy = yr - my;
        rx += wr * dx;
        ry += wr * dy;
        ssx += wr * dx * dx;
        ssy += wr * dy * dy;
        sxy += wr * dx * dy;
      }
      // Corrected two-pass (Chan, Golub & LeVeque 1983): Σw(x − c)² − (Σw(x − c))²/W equals
      // Σw(x − x̄)² for any centre c, so rounding in the first-pass means does not reach the sums.
      ssx -= (rx * rx) / w;
      ssy -= (ry * ry) / w;
      sxy -= (rx * ry) / w;
      state.means[ij] = mx;
      state.means[ji] = my;
      state.sumSquares[ij] = ssx;
      state.sumSquares[ji] = ssy;
      state.comoments[ij] = state.comoments[ji] = sxy;
    }
  }
  return state;
}

/**
 * The moments (respondent counts, weight sums, means and centred co-moments) of the items of a
 * data set, in one pass. See {@link Moments} for what they give and how they merge.
 *
 * @param data `Responses`, an object of columns, or rows with `options.columns`
 * @throws {RangeError} on unknown items, unequal columns or invalid weights
 * @example
 * const m = moments({ a: [1, 2, 3, 4], b: [2, 4, 5, 9] });
 * m.correlation()[0][1]; // 0.9647638212377322 (= 11/√130)
 */
export function moments(data: SurveyData, options: MomentsOptions = {}): Moments {
  const missing = missingPolicy('moments', options.missing);
  return datasetMoments(resolveData('moments', data, options), missing);
}

/**
 * The moments of data already resolved by `resolveData` (its items, columns and weights), for an
 * analysis that has checked them itself: {@link moments} without resolving the data a second time.
 */
export function datasetMoments(dataset: Dataset, missing: MissingPolicy): Moments {
  const state =
    missing === 'listwise'
      ? listwise(dataset.items, dataset.columns, dataset.weights, dataset.n)
      : pairwise(dataset.items, dataset.columns, dataset.weights, dataset.n);
  return Moments.fromState(state);
}

/**
 * The missing-data policy an analysis was asked for: `'listwise'` (the default) or `'pairwise'`.
 * @throws {RangeError} for any other value
 */
export function missingPolicy(fn: string, missing: unknown): MissingPolicy {
  const policy = missing ?? 'listwise';
  if (policy !== 'listwise' && policy !== 'pairwise') {
    throw new RangeError(`${fn}: missing must be 'listwise' or 'pairwise'; got ${formatValue(policy)}`);
  }
  return policy;
}

/**
 * The items of precomputed moments that an analysis asks for (`items`, default all of them), after
 * checking that each is in the moments and that a `missing` option, when given, is the policy the
 * moments were computed with.
 * @throws {RangeError} on an unknown item or a different missing-data policy
 */
export function momentItems(
  fn: string,
  source: Moments,
  options: { readonly items?: readonly string[]; readonly missing?: MissingPolicy },
): readonly string[] {
  if (options.missing !== undefined && options.missing !== source.missing) {
    throw new RangeError(
      `${fn}: the moments were computed with missing = '${source.missing}'; got missing = '${options.missing}'`,
    );
  }
  const wanted = options.items ?? source.items;
  for (const id of wanted) {
    if (!source.items.includes(id)) {
      throw new RangeError(
        `${fn}: unknown item ${formatValue(id)}; the moments hold ${source.items.join(', ')}`,
      );
    }
  }
  return wanted;
}
