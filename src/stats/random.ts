import { formatValue } from '../errors.js';

const TWO_32 = 4294967296;
const TWO_16 = 65536;

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

/**
 * A seeded pseudo-random number generator: xoshiro128** (Blackman & Vigna, reference version 1.1)
 * with its 128-bit state filled from a 32-bit seed by splitmix32 (the golden-ratio increment
 * 0x9e3779b9 followed by the MurmurHash3 32-bit finaliser), so that the same seed always gives the
 * same stream on every platform. Used for the bootstrap and by the sample-data generator; never
 * `Math.random`.
 *
 * Not for cryptography. The period is 2¹²⁸ − 1; the outputs pass BigCrush (Blackman & Vigna 2021).
 *
 * Reference: Blackman, D. & Vigna, S. (2021). Scrambled linear pseudorandom number generators. ACM
 * Transactions on Mathematical Software 47(4), 36; https://prng.di.unimi.it/xoshiro128starstar.c.
 * Lemire, D. (2019). Fast random integer generation in an interval. ACM Transactions on Modeling
 * and Computer Simulation 29(1), 3.
 * @example new Random(1).index(6) // 3 (a die roll from 0 to 5; the same in every run with seed 1)
 */
export class Random {
  readonly #s = new Uint32Array(4);
  #spare: number | null = null;

  /** @param seed an integer; it is reduced modulo 2³² (negative seeds wrap) */
  constructor(seed: number) {
    if (!Number.isInteger(seed)) {
      throw new RangeError(`Random: seed must be an integer; got ${formatValue(seed)}`);
    }
    let x = seed >>> 0;
    for (let i = 0; i < 4; i++) {
      // splitmix32
      x = (x + 0x9e3779b9) >>> 0;
      let z = x;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
      this.#s[i] = (z ^ (z >>> 16)) >>> 0;
    }
  }

  /**
   * A generator started from a given xoshiro128** state (four 32-bit words, not all zero), for
   * comparison with other implementations of the algorithm.
   */
  static fromState(state: readonly [number, number, number, number]): Random {
    if (
      state.length !== 4 ||
      !state.every((word) => Number.isInteger(word) && word >= 0 && word < TWO_32) ||
      state.every((word) => word === 0)
    ) {
      throw new RangeError(
        `Random.fromState: state must be four integers from 0 to 2^32 − 1, not all zero; got ${state.join(', ')}`,
      );
    }
    const random = new Random(0);
    random.#s.set(state);
    return random;
  }

  /** The next 32-bit output of xoshiro128**, an integer from 0 to 2³² − 1. */
  uint32(): number {
    const s = this.#s;
    const s0 = s[0]!;
    const s1 = s[1]!;
    const s2 = s[2]!;
    const s3 = s[3]!;
    const result = Math.imul(rotl(Math.imul(s1, 5) >>> 0, 7), 9) >>> 0;
    const t = (s1 << 9) >>> 0;
    const n2 = (s2 ^ s0) >>> 0;
    const n3 = (s3 ^ s1) >>> 0;
    s[1] = (s1 ^ n2) >>> 0;
    s[0] = (s0 ^ n3) >>> 0;
    s[2] = (n2 ^ t) >>> 0;
    s[3] = rotl(n3, 11);
    return result;
  }

  /** Uniform on [0, 1) with 32 bits of resolution: `uint32() / 2³²`. */
  uniform(): number {
    return this.uint32() / TWO_32;
  }

  /**
   * A uniform integer from 0 to n − 1, exactly unbiased, by Lemire's multiply-and-reject method:
   * with x = `uint32()`, the 64-bit product x · n splits into a high word (the result) and a low
   * word; a draw whose low word is below 2³² mod n is rejected and redrawn, so each result comes from
   * exactly ⌊2³²/n⌋ values of x. The product is formed exactly in double precision.
   * @param n an integer from 1 to 2³²
   * @example new Random(7).index(10) // 2
   */
  index(n: number): number {
    if (!(Number.isInteger(n) && n >= 1 && n <= TWO_32)) {
      throw new RangeError(`Random.index: n must be an integer from 1 to 2^32; got ${formatValue(n)}`);
    }
    let threshold = -1;
    for (;;) {
      const x = this.uint32();
      let high: number;
      let low: number;
      if (n <= 2097152) {
        // x · n < 2⁵³: exact.
        const product = x * n;
        high = Math.floor(product / TWO_32);
        low = product - high * TWO_32;
      } else {
        // x · n = x · nHigh · 2¹⁶ + x · nLow, each partial product below 2⁴⁹.
        const nHigh = Math.floor(n / TWO_16);
        const a = x * nHigh;
        const aHigh = Math.floor(a / TWO_16);
        const partial = (a - aHigh * TWO_16) * TWO_16 + x * (n - nHigh * TWO_16);
        const carry = Math.floor(partial / TWO_32);
        high = aHigh + carry;
        low = partial - carry * TWO_32;
      }
      if (low >= n) return high;
      if (threshold < 0) threshold = (TWO_32 - n) % n;
      if (low >= threshold) return high;
    }
  }

  /**
   * A standard normal deviate by the Box–Muller transform, using both values of each pair:
   * √(−2 ln u₁) · cos(2πu₂), then √(−2 ln u₁) · sin(2πu₂), with u₁ = 1 − `uniform()` in (0, 1].
   */
  normal(): number {
    if (this.#spare !== null) {
      const z = this.#spare;
      this.#spare = null;
      return z;
    }
    const u1 = 1 - this.uniform(); // (0, 1]
    const u2 = this.uniform();
    const radius = Math.sqrt(-2 * Math.log(u1));
    this.#spare = radius * Math.sin(2 * Math.PI * u2);
    return radius * Math.cos(2 * Math.PI * u2);
  }

  /**
   * An index drawn with the given probabilities (which sum to 1): the first i whose cumulative
   * probability exceeds one `uniform()` draw, or the last index.
   */
  pick(shares: readonly number[]): number {
    const u = this.uniform();
    let cumulative = 0;
    for (let i = 0; i < shares.length; i++) {
      cumulative += shares[i]!;
      if (u < cumulative) return i;
    }
    return shares.length - 1;
  }
}
