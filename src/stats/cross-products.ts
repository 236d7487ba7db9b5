/**
 * The hot kernel of every p × p analysis: the cross-product matrix SᵀS of a block of centred data.
 *
 * `block` holds `width` columns (a multiple of 4; padding columns are zeros) of `stride` slots each,
 * column-major, of which the first `rows` are used. The upper triangle of `out` (width × width,
 * row-major) receives Σₖ block[i][k] · block[j][k] for i ≤ j, computed in 4 × 4 register tiles so
 * that every value loaded serves four multiply-adds. With `stride` small enough for the eight
 * column strips of a tile to stay in L1 cache, the loop runs at the speed of the arithmetic.
 */
export function crossProducts(
  block: Float64Array,
  stride: number,
  rows: number,
  width: number,
  out: Float64Array,
): void {
  for (let ti = 0; ti < width; ti += 4) {
    const a0 = ti * stride;
    const a1 = a0 + stride;
    const a2 = a1 + stride;
    const a3 = a2 + stride;
    for (let tj = ti; tj < width; tj += 4) {
      const b0 = tj * stride;
      const b1 = b0 + stride;
      const b2 = b1 + stride;
      const b3 = b2 + stride;
      let c00 = 0;
      let c01 = 0;
      let c02 = 0;
      let c03 = 0;
      let c10 = 0;
      let c11 = 0;
      let c12 = 0;
      let c13 = 0;
      let c20 = 0;
      let c21 = 0;
      let c22 = 0;
      let c23 = 0;
      let c30 = 0;
      let c31 = 0;
      let c32 = 0;
      let c33 = 0;
      for (let k = 0; k < rows; k++) {
        const x0 = block[a0 + k]!;
        const x1 = block[a1 + k]!;
        const x2 = block[a2 + k]!;
        const x3 = block[a3 + k]!;
        const y0 = block[b0 + k]!;
        const y1 = block[b1 + k]!;
        const y2 = block[b2 + k]!;
        const y3 = block[b3 + k]!;
        c00 += x0 * y0;
        c01 += x0 * y1;
        c02 += x0 * y2;
        c03 += x0 * y3;
        c10 += x1 * y0;
        c11 += x1 * y1;
        c12 += x1 * y2;
        c13 += x1 * y3;
        c20 += x2 * y0;
        c21 += x2 * y1;
        c22 += x2 * y2;
        c23 += x2 * y3;
        c30 += x3 * y0;
        c31 += x3 * y1;
        c32 += x3 * y2;
        c33 += x3 * y3;
      }
      let o = ti * width + tj;
      out[o] = c00;
      out[o + 1] = c01;
      out[o + 2] = c02;
      out[o + 3] = c03;
      o += width;
      out[o] = c10;
      out[o + 1] = c11;
      out[o + 2] = c12;
      out[o + 3] = c13;
      o += width;
      out[o] = c20;
      out[o + 1] = c21;
      out[o + 2] = c22;
      out[o + 3] = c23;
      o += width;
      out[o] = c30;
      out[o + 1] = c31;
      out[o + 2] = c32;
      out[o + 3] = c33;
    }
  }
}
