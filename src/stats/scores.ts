/**
 * Per-respondent linear scores: the hot kernel of component scores and composite indices.
 *
 * For k outputs over p columns and n rows,
 *
 *   out_j[r] = Σᵢ coefficients[j · p + i] · (columns[i][r] − centres[i]),
 *
 * computed over blocks of rows, the column strip of a block read once for up to four outputs, so that
 * the data are read ⌈k / 4⌉ times in all. Centring each value before the products (rather than
 * folding Σ aᵢ cᵢ into an offset) keeps full accuracy for data far from zero. A NaN anywhere in a
 * row (a missing answer) makes every output of that row NaN, also where its coefficient is 0.
 */

/** Rows per block: four output strips and one column strip (5 × 4 KiB) stay in L1 cache. */
const BLOCK_ROWS = 512;

/**
 * A plain array of `n` numbers (not yet written) whose elements V8 stores unboxed as doubles, in one
 * allocation: `new Array(n)` would start as small integers and be copied on the first double.
 */
export function doubleArray(n: number): number[] {
  const out = [0.5];
  out.length = n;
  return out;
}

/**
 * Linear combinations of centred columns, one plain `number[]` per output (see the module comment),
 * with NaN for a row that has a missing value.
 *
 * @param columns p columns of n values each
 * @param coefficients k × p, row-major: output j is Σᵢ coefficients[j · p + i] · (xᵢ − centresᵢ)
 * @param centres p values subtracted from the columns before the products
 */
export function linearScores(
  columns: readonly Float64Array[],
  coefficients: Float64Array,
  centres: Float64Array,
  n: number,
): number[][] {
  const p = columns.length;
  const k = p === 0 ? 0 : coefficients.length / p;
  const outputs = Array.from({ length: k }, () => doubleArray(n));
  const sums = new Float64Array(4 * BLOCK_ROWS);
  const s1 = BLOCK_ROWS;
  const s2 = 2 * BLOCK_ROWS;
  const s3 = 3 * BLOCK_ROWS;
  for (let start = 0; start < n; start += BLOCK_ROWS) {
    const rows = Math.min(BLOCK_ROWS, n - start);
    for (let first = 0; first < k; first += 4) {
      const group = Math.min(4, k - first);
      const c0 = first * p;
      const c1 = c0 + p;
      const c2 = c1 + p;
      const c3 = c2 + p;
      sums.fill(0);
      // Two columns at a time: each strip of sums is read and written once per pair of items.
      for (let i = 0; i < p; i += 2) {
        const x = columns[i]!;
        const cx = centres[i]!;
        const pair = i + 1 < p;
        const y = pair ? columns[i + 1]! : x;
        const cy = pair ? centres[i + 1]! : cx;
        const a0 = coefficients[c0 + i]!;
        const b0 = pair ? coefficients[c0 + i + 1]! : 0;
        if (group === 1) {
          for (let r = 0; r < rows; r++) {
            sums[r] = sums[r]! + a0 * (x[start + r]! - cx) + b0 * (y[start + r]! - cy);
          }
          continue;
        }
        const a1 = coefficients[c1 + i]!;
        const b1 = pair ? coefficients[c1 + i + 1]! : 0;
        if (group === 2) {
          for (let r = 0; r < rows; r++) {
            const dx = x[start + r]! - cx;
            const dy = y[start + r]! - cy;
            sums[r] = sums[r]! + a0 * dx + b0 * dy;
            sums[s1 + r] = sums[s1 + r]! + a1 * dx + b1 * dy;
          }
          continue;
        }
        const a2 = coefficients[c2 + i]!;
        const b2 = pair ? coefficients[c2 + i + 1]! : 0;
        const a3 = group === 4 ? coefficients[c3 + i]! : 0;
        const b3 = group === 4 && pair ? coefficients[c3 + i + 1]! : 0;
        for (let r = 0; r < rows; r++) {
          const dx = x[start + r]! - cx;
          const dy = y[start + r]! - cy;
          sums[r] = sums[r]! + a0 * dx + b0 * dy;
          sums[s1 + r] = sums[s1 + r]! + a1 * dx + b1 * dy;
          sums[s2 + r] = sums[s2 + r]! + a2 * dx + b2 * dy;
          sums[s3 + r] = sums[s3 + r]! + a3 * dx + b3 * dy;
        }
      }
      for (let g = 0; g < group; g++) {
        const out = outputs[first + g]!;
        const offset = g * BLOCK_ROWS;
        for (let r = 0; r < rows; r++) out[start + r] = sums[offset + r]!;
      }
    }
  }
  return outputs;
}

/**
 * The same values with `null` for NaN (a row that could not be scored), or the array itself when it
 * holds no NaN. Returns the count of NaN too.
 */
export function nullForNaN(values: number[]): { values: (number | null)[]; missing: number } {
  let missing = 0;
  for (let r = 0; r < values.length; r++) if (Number.isNaN(values[r]!)) missing++;
  if (missing === 0) return { values, missing };
  return { values: values.map((value) => (Number.isNaN(value) ? null : value)), missing };
}
