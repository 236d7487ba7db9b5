import betainc from '@stdlib/math-base-special-betainc';
import betaln from '@stdlib/math-base-special-betaln';
import erfcinv from '@stdlib/math-base-special-erfcinv';
import gammainc from '@stdlib/math-base-special-gammainc';
import gammaln from '@stdlib/math-base-special-gammaln';
import chiSquareQuantileImpl from '@stdlib/stats-base-dists-chisquare-quantile';
import fQuantileImpl from '@stdlib/stats-base-dists-f-quantile';
import normalCdfImpl from '@stdlib/stats-base-dists-normal-cdf';
import tQuantileImpl from '@stdlib/stats-base-dists-t-quantile';
import { formatValue } from '../errors.js';
import { LARGE_SHAPE, regularizedGammaLargeShape } from './incomplete-gamma.js';

/**
 * Distribution functions for p-values and confidence intervals. The special functions (regularised
 * incomplete beta and gamma, inverse complementary error function, log-gamma) come from stdlib,
 * except the incomplete gamma for large shapes (see incomplete-gamma.ts). Upper tails are computed
 * as complements inside those functions, never as 1 − cdf, so small p-values keep their relative
 * precision (R's `lower.tail = FALSE`). Quantiles of t, chi-square and F start from stdlib's value
 * and are refined by Newton's method on these cumulative functions, so they invert them to full
 * precision, far into the tails.
 *
 * Reference: Abramowitz, M. & Stegun, I. A. (1964). Handbook of Mathematical Functions, 26.2–26.7.
 */

function checkDf(fn: string, name: string, df: number): void {
  if (!(df > 0)) throw new RangeError(`${fn}: ${name} must be positive; got ${formatValue(df)}`);
}

function checkProbability(fn: string, p: number): void {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`${fn}: p must be within [0, 1]; got ${formatValue(p)}`);
}

/** Standard normal cumulative probability Φ(x), or 1 − Φ(x) = Φ(−x) when `lowerTail` is false (R's `pnorm`). */
export function normalCdf(x: number, lowerTail = true): number {
  return normalCdfImpl(lowerTail ? x : -x, 0, 1);
}

/**
 * Standard normal quantile Φ⁻¹(p) = −√2 · erfc⁻¹(2p) (R's `qnorm`), accurate in both tails.
 * @example normalQuantile(0.975) // 1.959963984540054
 */
export function normalQuantile(p: number): number {
  checkProbability('normalQuantile', p);
  return p <= 0.5 ? -Math.SQRT2 * erfcinv(2 * p) : Math.SQRT2 * erfcinv(2 * (1 - p));
}

/**
 * Refines a quantile q > 0 of a distribution on (0, ∞) by Newton's method on
 * h(u) = log F(eᵘ) − log p, with u = log q, where F is the lower tail when `upper` is false and the
 * upper tail otherwise: h'(u) = ±q·f(q)/F(q). In these coordinates the tails of the t, chi-square
 * and F distributions are close to linear, so a few steps from any finite start reach full
 * precision.
 */
function refinePositive(
  start: number,
  p: number,
  upper: boolean,
  tail: (q: number) => number,
  logDensity: (q: number) => number,
): number {
  const logTarget = Math.log(p);
  let u = Math.log(start);
  for (let iteration = 0; iteration < 200; iteration++) {
    const q = Math.exp(u);
    // The quantile lies beyond the range of doubles (e.g. qchisq(1e-300, 1) ≈ 1.6e-600).
    if (q === 0 || q === Number.POSITIVE_INFINITY) return q;
    const probability = tail(q);
    if (!(probability > 0)) {
      u += upper ? -1 : 1;
      continue;
    }
    const h = Math.log(probability) - logTarget;
    const slope = (upper ? -1 : 1) * Math.exp(Math.log(q) + logDensity(q) - Math.log(probability));
    if (!(Math.abs(slope) > 0) || !Number.isFinite(slope)) break;
    let step = h / slope;
    if (Math.abs(step) > 64) step = Math.sign(step) * 64;
    u -= step;
    if (Math.abs(step) <= 4 * Number.EPSILON * Math.max(1, Math.abs(u))) break;
  }
  return Math.exp(u);
}

/**
 * Student t cumulative probability with `df` degrees of freedom (R's `pt`). With x = df / (df + t²),
 * P(T > |t|) = I_x(df/2, 1/2) / 2, evaluated through the complementary argument t² / (df + t²) when
 * that is the smaller, so both tails keep full precision (and t as large as 1e300 does not overflow).
 */
export function studentTCdf(t: number, df: number, lowerTail = true): number {
  checkDf('studentTCdf', 'df', df);
  if (Number.isNaN(t)) return Number.NaN;
  if (!Number.isFinite(t)) return t > 0 === lowerTail ? 1 : 0;
  // With s = |t|/√df: x = 1/(1 + s²) and 1 − x = s²/(1 + s²), each formed without overflow.
  const s = Math.abs(t) / Math.sqrt(df);
  let tail: number;
  if (s < 1) {
    const s2 = s * s;
    tail = 0.5 * betainc(s2 / (1 + s2), 0.5, df / 2, true, true);
  } else if (s < 1e100) {
    const r2 = (1 / s) * (1 / s);
    tail = 0.5 * betainc(r2 / (1 + r2), df / 2, 0.5, true, false);
  } else {
    // x = 1/(1 + s²) underflows; the leading term of the tail, C·df^((df−1)/2)·|t|^(−df), is
    // exact to double precision here (the next term is smaller by a factor of order 1/s²).
    tail = Math.exp(studentTLogConstant(df) + ((df - 1) / 2) * Math.log(df) - df * Math.log(Math.abs(t)));
  }
  const beyond = lowerTail ? t < 0 : t > 0;
  return beyond ? tail : 1 - tail;
}

/** log of the t density's constant Γ((df + 1)/2) / (Γ(df/2) · √(df·π)). */
function studentTLogConstant(df: number): number {
  return gammaln((df + 1) / 2) - gammaln(df / 2) - 0.5 * Math.log(df * Math.PI);
}

/** Two-sided p-value of a t statistic: P(|T| ≥ |t|). @example studentTTwoSided(2.5, 10) // 0.031446... */
export function studentTTwoSided(t: number, df: number): number {
  return Math.min(1, 2 * studentTCdf(-Math.abs(t), df));
}

/**
 * Student t quantile (R's `qt`): stdlib's value, or for extreme p the tail approximation
 * P(T < −q) ≈ K·q^(−df), refined by Newton's method on {@link studentTCdf}.
 * @example studentTQuantile(0.975, 10) // 2.2281388519862739
 */
export function studentTQuantile(p: number, df: number): number {
  checkProbability('studentTQuantile', p);
  checkDf('studentTQuantile', 'df', df);
  if (p === 0.5) return 0;
  if (p === 0) return Number.NEGATIVE_INFINITY;
  if (p === 1) return Number.POSITIVE_INFINITY;
  const tail = Math.min(p, 1 - p);
  const logConstant = studentTLogConstant(df);
  let start = -tQuantileImpl(tail, df);
  if (!(start > 0 && Number.isFinite(start))) {
    start = Math.exp((logConstant + ((df - 1) / 2) * Math.log(df) - Math.log(tail)) / df);
  }
  const q = refinePositive(
    start,
    tail,
    true,
    (x) => studentTCdf(x, df, false),
    (x) => {
      // log(1 + s²) without overflowing s² for huge quantiles.
      const s = x / Math.sqrt(df);
      return (
        logConstant - ((df + 1) / 2) * (s > 1 ? 2 * Math.log(s) + Math.log1p(1 / s / s) : Math.log1p(s * s))
      );
    },
  );
  return p < 0.5 ? -q : q;
}

/**
 * Chi-square cumulative probability (R's `pchisq`): P(k/2, x/2), or its complement Q(k/2, x/2),
 * the regularised incomplete gamma functions (stdlib for k < 32; the saddle-point series and
 * continued fraction of incomplete-gamma.ts for larger k, where stdlib loses accuracy near x ≈ k).
 */
export function chiSquareCdf(x: number, df: number, lowerTail = true): number {
  checkDf('chiSquareCdf', 'df', df);
  if (Number.isNaN(x)) return Number.NaN;
  if (x <= 0) return lowerTail ? 0 : 1;
  const shape = df / 2;
  if (shape >= LARGE_SHAPE) return regularizedGammaLargeShape(x / 2, shape, !lowerTail);
  return gammainc(x / 2, shape, true, !lowerTail);
}

/** Chi-square quantile (R's `qchisq`): stdlib's value refined by Newton's method on {@link chiSquareCdf}. */
export function chiSquareQuantile(p: number, df: number): number {
  checkProbability('chiSquareQuantile', p);
  checkDf('chiSquareQuantile', 'df', df);
  if (p === 0) return 0;
  if (p === 1) return Number.POSITIVE_INFINITY;
  const upper = p > 0.5;
  const target = upper ? 1 - p : p;
  const start = chiSquareQuantileImpl(p, df);
  const shape = df / 2;
  const logNormalizer = gammaln(shape) + shape * Math.LN2;
  return refinePositive(
    start > 0 && Number.isFinite(start) ? start : df,
    target,
    upper,
    (x) => chiSquareCdf(x, df, !upper),
    (x) => (shape - 1) * Math.log(x) - x / 2 - logNormalizer,
  );
}

/** F cumulative probability (R's `pf`): I_x(d1/2, d2/2) with x = d1·f / (d1·f + d2), or its complement. */
export function fCdf(f: number, df1: number, df2: number, lowerTail = true): number {
  checkDf('fCdf', 'df1', df1);
  checkDf('fCdf', 'df2', df2);
  if (Number.isNaN(f)) return Number.NaN;
  if (f <= 0) return lowerTail ? 0 : 1;
  if (!Number.isFinite(f)) return lowerTail ? 1 : 0;
  const scaled = df1 * f;
  if (scaled <= df2) return betainc(scaled / (scaled + df2), df1 / 2, df2 / 2, true, !lowerTail);
  return betainc(df2 / (scaled + df2), df2 / 2, df1 / 2, true, lowerTail);
}

/** F quantile (R's `qf`): stdlib's value refined by Newton's method on {@link fCdf}. */
export function fQuantile(p: number, df1: number, df2: number): number {
  checkProbability('fQuantile', p);
  checkDf('fQuantile', 'df1', df1);
  checkDf('fQuantile', 'df2', df2);
  if (p === 0) return 0;
  if (p === 1) return Number.POSITIVE_INFINITY;
  const upper = p > 0.5;
  const target = upper ? 1 - p : p;
  const start = fQuantileImpl(p, df1, df2);
  const a = df1 / 2;
  const b = df2 / 2;
  const logConstant = a * Math.log(df1 / df2) - betaln(a, b);
  return refinePositive(
    start > 0 && Number.isFinite(start) ? start : 1,
    target,
    upper,
    (x) => fCdf(x, df1, df2, !upper),
    (x) => logConstant + (a - 1) * Math.log(x) - (a + b) * Math.log1p((df1 * x) / df2),
  );
}
