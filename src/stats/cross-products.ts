/**
 * The hot kernels of every p × p analysis: the cross-product matrix SᵀS of a block of data.
 *
 * A block holds columns of `stride` slots each, column-major (column c at `[c · stride, c · stride +
 * rows)`); `width` is the row length of the output `out` (width × width, row-major), of which the
 * upper triangle (i ≤ j < columns) is written. Columns from `columns` up to `width` are padding and
 * must hold zeros. Blocks are small (a few hundred rows) so that the columns of a tile stay in cache.
 *
 * Two kernels:
 * - {@link crossProducts}, for any finite values (already centred by the caller): 2 × 2 register
 *   tiles, unrolled by two rows, which on V8 beat larger tiles (those spill registers).
 * - {@link IntegerCrossProducts}, for blocks of whole numbers such as Likert answers: the block is
 *   shifted by whole numbers near its means and several columns are packed into each double, so
 *   that one multiply-add yields up to four exact products (see its documentation). The result is
 *   exact before one final division, hence at least as accurate as the floating-point two-pass.
 */

/** Column tiles of the packed kernel: 4 plain columns against 2 packed groups. */
const TILE_COLUMNS = 4;
const TILE_GROUPS = 2;
/** Doubles hold integers exactly up to 2^53. */
const EXACT_BITS = 53;
const MAX_LANES = 6;
/** Largest Q = maxᵢ Σₖ uᵢₖ² that still leaves two lanes. */
const MAX_SQUARES = 2 ** 25;
/** Adding and subtracting 1.5 · 2^52 rounds a double below 2^51 in magnitude to an integer. */
const ROUND = 1.5 * 2 ** 52;

/**
 * Σₖ block[i][k] · block[j][k] for 0 ≤ i ≤ j < columns, written to `out[i · width + j]`.
 * The block must be padded to an even number of columns (`width ≥ columns + columns % 2`).
 */
export function crossProducts(
  block: Float64Array,
  stride: number,
  rows: number,
  columns: number,
  width: number,
  out: Float64Array,
): void {
  const even = rows - (rows % 2);
  for (let ti = 0; ti < columns; ti += 2) {
    const a0 = ti * stride;
    const a1 = a0 + stride;
    for (let tj = ti; tj < columns; tj += 2) {
      const b0 = tj * stride;
      const b1 = b0 + stride;
      let c00 = 0;
      let c01 = 0;
      let c10 = 0;
      let c11 = 0;
      let k = 0;
      for (; k < even; k += 2) {
        const x0 = block[a0 + k]!;
        const x1 = block[a1 + k]!;
        const y0 = block[b0 + k]!;
        const y1 = block[b1 + k]!;
        const u0 = block[a0 + k + 1]!;
        const u1 = block[a1 + k + 1]!;
        const v0 = block[b0 + k + 1]!;
        const v1 = block[b1 + k + 1]!;
        c00 += x0 * y0 + u0 * v0;
        c01 += x0 * y1 + u0 * v1;
        c10 += x1 * y0 + u1 * v0;
        c11 += x1 * y1 + u1 * v1;
      }
      if (k < rows) {
        const x0 = block[a0 + k]!;
        const x1 = block[a1 + k]!;
        const y0 = block[b0 + k]!;
        const y1 = block[b1 + k]!;
        c00 += x0 * y0;
        c01 += x0 * y1;
        c10 += x1 * y0;
        c11 += x1 * y1;
      }
      const o = ti * width + tj;
      out[o] = c00;
      out[o + 1] = c01;
      out[o + width] = c10;
      out[o + width + 1] = c11;
    }
  }
}

/**
 * Sums of each column of a block, in one pass: `sums[c]` = Σₖ xₖ (NaN when the column holds a NaN)
 * and `squares[c]` = Σₖ xₖ² when every value is a 32-bit integer, else NaN. Returns whether no
 * sum is NaN. Integers keep these sums exact (below 2^53) whatever the order of the additions.
 */
export function columnSums(
  block: Float64Array,
  stride: number,
  rows: number,
  columns: number,
  sums: Float64Array,
  squares: Float64Array,
): boolean {
  let complete = true;
  for (let c = 0; c < columns; c++) {
    const end = c * stride + rows;
    let s0 = 0;
    let s1 = 0;
    let q0 = 0;
    let q1 = 0;
    let k = c * stride;
    for (; k + 1 < end; k += 2) {
      const x0 = block[k]!;
      const x1 = block[k + 1]!;
      if ((x0 | 0) !== x0 || (x1 | 0) !== x1) break;
      s0 += x0;
      s1 += x1;
      q0 += x0 * x0;
      q1 += x1 * x1;
    }
    let integers = k + 1 >= end;
    // Not all integers (or an odd row left): plain sums from here.
    for (; k + 1 < end; k += 2) {
      s0 += block[k]!;
      s1 += block[k + 1]!;
    }
    if (k < end) {
      const x = block[k]!;
      s0 += x;
      q0 += x * x;
      if ((x | 0) !== x) integers = false;
    }
    const sum = s0 + s1;
    sums[c] = sum;
    squares[c] = integers ? q0 + q1 : Number.NaN;
    if (Number.isNaN(sum)) complete = false;
  }
  return complete;
}

/**
 * Exact centred cross products of blocks of whole numbers, by packing several columns into each
 * double. Load a block with {@link IntegerCrossProducts.loadColumns} (straight from the data
 * columns) or {@link IntegerCrossProducts.loadBlock} (from a block the caller gathered), then read
 * {@link IntegerCrossProducts.means} and {@link IntegerCrossProducts.centredCrossProducts}.
 *
 * Method. Column i is shifted by a whole number oᵢ near its mean, u = x − oᵢ, so that every sum
 * below is an integer computed exactly. With Q = maxᵢ Σₖ uᵢₖ², the Cauchy–Schwarz inequality bounds
 * every partial sum |Σₖ uᵢₖ uⱼₖ| ≤ Q; with Q < 2^(L−1), `lanes` = ⌊53 / L⌋ columns fit in one double
 * as the balanced base-2^L number Σₗ uₗ · 2^(L·l). One multiply-add of uᵢ by such a packed group
 * then accumulates `lanes` products at once, no carry crossing into the next lane and no partial sum
 * reaching 2^53, and the lanes are read back by rounding. For 1–5 answers in blocks of 512 rows
 * shifted by 3, Q ≤ 512 · 2² = 2048: L = 13 bits and four lanes. Finally
 * Σ (xᵢ − x̄ᵢ)(xⱼ − x̄ⱼ) = (rows · Σ uᵢuⱼ − Σuᵢ · Σuⱼ) / rows, whose numerator is an exact integer:
 * one rounding in all, so the result is at least as accurate as a floating-point two-pass.
 *
 * The shifts are the previous block's rounded means (0 for the first block) and the lane width is
 * the one the previous block needed, so that one pass over the data both shifts and packs; a block
 * that needs wider lanes is packed again from its shifted values.
 */
export class IntegerCrossProducts {
  readonly #columns: number;
  readonly #stride: number;
  /** Shifted values u, column-major, `stride` slots per column; padding columns stay zero. */
  readonly #block: Float64Array;
  /** Packed groups of `lanes` columns. */
  readonly #packed: Float64Array;
  /** oᵢ of the loaded block. */
  readonly #shifts: Float64Array;
  /** Σₖ uᵢₖ and Σₖ uᵢₖ² of the loaded block. */
  readonly #sums: Float64Array;
  readonly #squares: Float64Array;
  readonly #totals = new Float64Array(TILE_COLUMNS * TILE_GROUPS);
  #rows = 0;
  /** Lane width of the packed block, and the guess for the next block. */
  #laneBits = 0;
  #nextLaneBits = Math.floor(EXACT_BITS / 4);

  /**
   * @param columns columns of each block
   * @param width row length of the output, a multiple of 4 and at least `columns`
   * @param stride the most rows of a block
   */
  constructor(columns: number, width: number, stride: number) {
    this.#columns = columns;
    this.#stride = stride;
    this.#block = new Float64Array(width * stride);
    this.#packed = new Float64Array(Math.ceil(columns / 2) * stride);
    this.#shifts = new Float64Array(columns);
    this.#sums = new Float64Array(columns);
    this.#squares = new Float64Array(columns);
  }

  /**
   * Loads rows [start, start + rows) of `sources` (one array per column) in one pass: shifted by
   * the rounded means of the previous block, and packed with the lane width it needed (packed
   * again if this block needs wider lanes). Returns `false` when a value is not a whole number
   * (NaN included) or the spread leaves fewer than two lanes; the loaded block is then undefined.
   */
  loadColumns(sources: readonly Float64Array[], start: number, rows: number): boolean {
    const columns = this.#columns;
    const stride = this.#stride;
    const block = this.#block;
    const packed = this.#packed;
    if (this.#rows > 0) {
      for (let c = 0; c < columns; c++) {
        const shift = this.#shifts[c]! + Math.round(this.#sums[c]! / this.#rows);
        this.#shifts[c] = Math.abs(shift) < 2 ** 31 ? shift : 0;
      }
    }
    const laneBits = this.#nextLaneBits;
    const lanes = Math.floor(EXACT_BITS / laneBits);
    const scale = 2 ** laneBits;
    this.#rows = rows;
    this.#laneBits = laneBits;
    const shifts = this.#shifts;
    const sums = this.#sums;
    const squares = this.#squares;
    for (let first = 0, target = 0; first < columns; first += lanes, target += stride) {
      const last = Math.min(columns, first + lanes);
      const loaded =
        last - first === 4
          ? loadFour(sources, first, start, rows, shifts, scale, block, stride, packed, target, sums, squares)
          : loadGroup(
              sources,
              first,
              last,
              start,
              rows,
              shifts,
              scale,
              block,
              stride,
              packed,
              target,
              sums,
              squares,
            );
      if (!loaded) return false;
    }
    return this.#settle(true);
  }

  /**
   * Loads a block of `rows` values gathered by the caller (column c at `block[c · stride + k]`),
   * given its column sums Σx and Σx² from {@link columnSums}. Returns `false` when the block is not
   * all whole numbers or the spread leaves fewer than two lanes. `block` is only read.
   */
  loadBlock(
    block: Float64Array,
    stride: number,
    rows: number,
    sums: Float64Array,
    squares: Float64Array,
  ): boolean {
    const columns = this.#columns;
    this.#rows = rows;
    for (let c = 0; c < columns; c++) {
      // With o = round(Σx / rows): Σu = Σx − rows·o and Σu² = Σx² − 2oΣx + rows·o², all integers
      // below 2^52 when Σx² < 2^50, hence exact.
      const q = squares[c]!;
      if (!(q < 2 ** 50)) return false;
      const shift = Math.round(sums[c]! / rows);
      this.#shifts[c] = shift;
      this.#sums[c] = sums[c]! - rows * shift;
      this.#squares[c] = q - 2 * shift * sums[c]! + rows * shift * shift;
    }
    for (let c = 0; c < columns; c++) {
      const shift = this.#shifts[c]!;
      const from = c * stride;
      const to = c * this.#stride;
      for (let k = 0; k < rows; k++) this.#block[to + k] = block[from + k]! - shift;
    }
    return this.#settle(false);
  }

  /**
   * Checks Q of the loaded block against the lane width it was packed with (packing it again with
   * the width it needs when too narrow, or when `packed` is false), and keeps the width Q needs as
   * the guess for the next block.
   */
  #settle(packed: boolean): boolean {
    let maxSquares = 0;
    for (let c = 0; c < this.#columns; c++) {
      const q = this.#squares[c]!;
      if (!(q <= maxSquares)) maxSquares = q;
    }
    if (!(maxSquares < MAX_SQUARES)) return false;
    // The fewest bits with Q < 2^(bits − 1), then the widest lanes for as many lanes.
    const lanes = Math.min(MAX_LANES, Math.floor(EXACT_BITS / (33 - Math.clz32(maxSquares))));
    const laneBits = Math.floor(EXACT_BITS / lanes);
    this.#nextLaneBits = laneBits;
    if (!packed || maxSquares >= 2 ** (this.#laneBits - 1)) this.#pack(laneBits);
    return true;
  }

  /** Packs the shifted block, ⌊53 / laneBits⌋ columns to a group, by Horner's rule from the top lane. */
  #pack(laneBits: number): void {
    const columns = this.#columns;
    const stride = this.#stride;
    const rows = this.#rows;
    const block = this.#block;
    const packed = this.#packed;
    const lanes = Math.floor(EXACT_BITS / laneBits);
    const scale = 2 ** laneBits;
    this.#laneBits = laneBits;
    for (let first = 0, target = 0; first < columns; first += lanes, target += stride) {
      const top = Math.min(columns, first + lanes) - 1;
      packed.set(block.subarray(top * stride, top * stride + rows), target);
      for (let c = top - 1; c >= first; c--) {
        const base = c * stride;
        for (let k = 0; k < rows; k++) packed[target + k] = packed[target + k]! * scale + block[base + k]!;
      }
    }
  }

  /** Means of the loaded block, Σx / rows (rounded once), into `out[0 … columns)`. */
  means(out: Float64Array): void {
    const rows = this.#rows;
    for (let c = 0; c < this.#columns; c++) {
      out[c] = (this.#sums[c]! + rows * this.#shifts[c]!) / rows;
    }
  }

  /**
   * Σₖ (xᵢₖ − x̄ᵢ)(xⱼₖ − x̄ⱼ) of the loaded block for 0 ≤ i ≤ j < columns, into `out[i · width + j]`.
   */
  centredCrossProducts(out: Float64Array, width: number): void {
    const columns = this.#columns;
    const stride = this.#stride;
    const rows = this.#rows;
    const lanes = Math.floor(EXACT_BITS / this.#laneBits);
    const scale = 2 ** this.#laneBits;
    const inverse = 2 ** -this.#laneBits;
    const groups = Math.ceil(columns / lanes);
    const sums = this.#sums;
    const totals = this.#totals;
    const block = this.#block;
    const packed = this.#packed;
    for (let ti = 0; ti < columns; ti += TILE_COLUMNS) {
      for (let tg = Math.floor(ti / lanes); tg < groups; tg += TILE_GROUPS) {
        // 4 columns × 2 groups, or × 1 for an odd group left at the end.
        const pair = tg + 1 < groups;
        if (pair) packedTile(block, packed, ti * stride, tg * stride, stride, rows, totals);
        else packedTileOne(block, packed, ti * stride, tg * stride, stride, rows, totals);
        for (let t = 0; t < TILE_COLUMNS * TILE_GROUPS; t++) {
          const i = ti + (t >> 1);
          const g = tg + (t & 1);
          // Padding columns hold zeros: nothing to read back.
          if (i >= columns || g >= groups) continue;
          // Read the lanes, lowest first: |lane| < scale / 2, so rest / scale is never halfway
          // between integers, and (y + ROUND) − ROUND rounds y (|y| < 2^51) to the nearest one.
          let rest = totals[t]!;
          const sumI = sums[i]!;
          for (let l = 0, j = g * lanes; l < lanes && j < columns; l++, j++) {
            const high = l < lanes - 1 ? rest * inverse + ROUND - ROUND : 0;
            const lane = rest - high * scale;
            rest = high;
            if (j >= i) out[i * width + j] = (rows * lane - sumI * sums[j]!) / rows;
          }
        }
      }
    }
  }
}

/**
 * Loads columns [first, last) of the sources, rows [start, start + rows), shifted, into the block
 * and, packed, into `packed[target …]`, with their sums Σu and Σu². Returns `false` on a value that
 * is not a whole number: NaN fails too (Math.floor(NaN) is NaN); an infinity passes here but fails
 * the bound on Q.
 */
function loadGroup(
  sources: readonly Float64Array[],
  first: number,
  last: number,
  start: number,
  rows: number,
  shifts: Float64Array,
  scale: number,
  block: Float64Array,
  stride: number,
  packed: Float64Array,
  target: number,
  sums: Float64Array,
  squares: Float64Array,
): boolean {
  const end = start + rows;
  const pack = target - start;
  packed.fill(0, target, target + rows);
  // From the group's last column (its top lane) down, each column times the lanes above.
  for (let c = last - 1; c >= first; c--) {
    const source = sources[c]!;
    const shift = shifts[c]!;
    const into = c * stride - start;
    let s = 0;
    let q = 0;
    for (let k = start; k < end; k++) {
      const x = source[k]!;
      if (Math.floor(x) !== x) return false;
      const u = x - shift;
      block[into + k] = u;
      packed[pack + k] = packed[pack + k]! * scale + u;
      s += u;
      q += u * u;
    }
    sums[c] = s;
    squares[c] = q;
  }
  return true;
}

/** {@link loadGroup} for a group of four columns, the usual case, all four at once. */
function loadFour(
  sources: readonly Float64Array[],
  first: number,
  start: number,
  rows: number,
  shifts: Float64Array,
  scale: number,
  block: Float64Array,
  stride: number,
  packed: Float64Array,
  target: number,
  sums: Float64Array,
  squares: Float64Array,
): boolean {
  const source0 = sources[first]!;
  const source1 = sources[first + 1]!;
  const source2 = sources[first + 2]!;
  const source3 = sources[first + 3]!;
  const shift0 = shifts[first]!;
  const shift1 = shifts[first + 1]!;
  const shift2 = shifts[first + 2]!;
  const shift3 = shifts[first + 3]!;
  const into0 = first * stride - start;
  const into1 = into0 + stride;
  const into2 = into1 + stride;
  const into3 = into2 + stride;
  const pack = target - start;
  const end = start + rows;
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let q0 = 0;
  let q1 = 0;
  let q2 = 0;
  let q3 = 0;
  for (let k = start; k < end; k++) {
    const x0 = source0[k]!;
    const x1 = source1[k]!;
    const x2 = source2[k]!;
    const x3 = source3[k]!;
    if (Math.floor(x0) !== x0 || Math.floor(x1) !== x1 || Math.floor(x2) !== x2 || Math.floor(x3) !== x3) {
      return false;
    }
    const u0 = x0 - shift0;
    const u1 = x1 - shift1;
    const u2 = x2 - shift2;
    const u3 = x3 - shift3;
    block[into0 + k] = u0;
    block[into1 + k] = u1;
    block[into2 + k] = u2;
    block[into3 + k] = u3;
    packed[pack + k] = ((u3 * scale + u2) * scale + u1) * scale + u0;
    s0 += u0;
    s1 += u1;
    s2 += u2;
    s3 += u3;
    q0 += u0 * u0;
    q1 += u1 * u1;
    q2 += u2 * u2;
    q3 += u3 * u3;
  }
  sums[first] = s0;
  sums[first + 1] = s1;
  sums[first + 2] = s2;
  sums[first + 3] = s3;
  squares[first] = q0;
  squares[first + 1] = q1;
  squares[first + 2] = q2;
  squares[first + 3] = q3;
  return true;
}

/** One 4 × 2 tile: totals[2r + g] = Σₖ block[a + r · stride + k] · packed[b + g · stride + k]. */
function packedTile(
  block: Float64Array,
  packed: Float64Array,
  a: number,
  b: number,
  stride: number,
  rows: number,
  totals: Float64Array,
): void {
  const a0 = a;
  const a1 = a0 + stride;
  const a2 = a1 + stride;
  const a3 = a2 + stride;
  const b0 = b;
  const b1 = b0 + stride;
  let c00 = 0;
  let c01 = 0;
  let c10 = 0;
  let c11 = 0;
  let c20 = 0;
  let c21 = 0;
  let c30 = 0;
  let c31 = 0;
  const even = rows - (rows % 2);
  let k = 0;
  for (; k < even; k += 2) {
    const x0 = block[a0 + k]!;
    const x1 = block[a1 + k]!;
    const x2 = block[a2 + k]!;
    const x3 = block[a3 + k]!;
    const y0 = packed[b0 + k]!;
    const y1 = packed[b1 + k]!;
    const u0 = block[a0 + k + 1]!;
    const u1 = block[a1 + k + 1]!;
    const u2 = block[a2 + k + 1]!;
    const u3 = block[a3 + k + 1]!;
    const v0 = packed[b0 + k + 1]!;
    const v1 = packed[b1 + k + 1]!;
    c00 += x0 * y0 + u0 * v0;
    c01 += x0 * y1 + u0 * v1;
    c10 += x1 * y0 + u1 * v0;
    c11 += x1 * y1 + u1 * v1;
    c20 += x2 * y0 + u2 * v0;
    c21 += x2 * y1 + u2 * v1;
    c30 += x3 * y0 + u3 * v0;
    c31 += x3 * y1 + u3 * v1;
  }
  if (k < rows) {
    const x0 = block[a0 + k]!;
    const x1 = block[a1 + k]!;
    const x2 = block[a2 + k]!;
    const x3 = block[a3 + k]!;
    const y0 = packed[b0 + k]!;
    const y1 = packed[b1 + k]!;
    c00 += x0 * y0;
    c01 += x0 * y1;
    c10 += x1 * y0;
    c11 += x1 * y1;
    c20 += x2 * y0;
    c21 += x2 * y1;
    c30 += x3 * y0;
    c31 += x3 * y1;
  }
  totals[0] = c00;
  totals[1] = c01;
  totals[2] = c10;
  totals[3] = c11;
  totals[4] = c20;
  totals[5] = c21;
  totals[6] = c30;
  totals[7] = c31;
}

/** One 4 × 1 tile: totals[2r] = Σₖ block[a + r · stride + k] · packed[b + k]. */
function packedTileOne(
  block: Float64Array,
  packed: Float64Array,
  a: number,
  b: number,
  stride: number,
  rows: number,
  totals: Float64Array,
): void {
  const a0 = a;
  const a1 = a0 + stride;
  const a2 = a1 + stride;
  const a3 = a2 + stride;
  let c0 = 0;
  let c1 = 0;
  let c2 = 0;
  let c3 = 0;
  const even = rows - (rows % 2);
  let k = 0;
  for (; k < even; k += 2) {
    const y = packed[b + k]!;
    const v = packed[b + k + 1]!;
    c0 += block[a0 + k]! * y + block[a0 + k + 1]! * v;
    c1 += block[a1 + k]! * y + block[a1 + k + 1]! * v;
    c2 += block[a2 + k]! * y + block[a2 + k + 1]! * v;
    c3 += block[a3 + k]! * y + block[a3 + k + 1]! * v;
  }
  if (k < rows) {
    const y = packed[b + k]!;
    c0 += block[a0 + k]! * y;
    c1 += block[a1 + k]! * y;
    c2 += block[a2 + k]! * y;
    c3 += block[a3 + k]! * y;
  }
  totals[0] = c0;
  totals[2] = c1;
  totals[4] = c2;
  totals[6] = c3;
}
