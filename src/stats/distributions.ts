import betainc from '@stdlib/math-base-special-betainc';
import gammainc from '@stdlib/math-base-special-gammainc';
import chiSquareQuantileImpl from '@stdlib/stats-base-dists-chisquare-quantile';
import fQuantileImpl from '@stdlib/stats-base-dists-f-quantile';
import normalCdfImpl from '@stdlib/stats-base-dists-normal-cdf';
import normalQuantileImpl from '@stdlib/stats-base-dists-normal-quantile';
import tQuantileImpl from '@stdlib/stats-base-dists-t-quantile';
import { formatValue } from '../errors.js';

/**
 * Distribution functions for p-values and confidence intervals. The special functions (regularised
 * incomplete beta and gamma, and the quantile functions) come from stdlib; upper tails are
 * computed as complements inside those functions, never as 1 − cdf, so small p-values keep their
 * relative precision (R's `lower.tail = FALSE`).
 *
 * Reference: Abramowitz, M. & Stegun, I. A. (1964). Handbook of Mathematical Functions, 26.5–26.7.
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

/** Standard normal quantile Φ⁻¹(p) (R's `qnorm`). @example normalQuantile(0.975) // 1.959963984540054 */
export function normalQuantile(p: number): number {
  checkProbability('normalQuantile', p);
  return normalQuantileImpl(p, 0, 1);
}

/**
 * Student t cumulative probability with `df` degrees of freedom (R's `pt`). With x = df / (df + t²),
 * P(T > |t|) = I_x(df/2, 1/2) / 2, evaluated through the complementary argument t² / (df + t²) when
 * that is the smaller, so both tails keep full precision.
 */
export function studentTCdf(t: number, df: number, lowerTail = true): number {
  checkDf('studentTCdf', 'df', df);
  if (Number.isNaN(t)) return Number.NaN;
  if (!Number.isFinite(t)) return t > 0 === lowerTail ? 1 : 0;
  const t2 = t * t;
  const tail =
    t2 < df
      ? 0.5 * betainc(t2 / (df + t2), 0.5, df / 2, true, true)
      : 0.5 * betainc(df / (df + t2), df / 2, 0.5, true, false);
  const beyond = lowerTail ? t < 0 : t > 0;
  return beyond ? tail : 1 - tail;
}

/** Two-sided p-value of a t statistic: P(|T| ≥ |t|). @example studentTTwoSided(2.5, 10) // 0.031446... */
export function studentTTwoSided(t: number, df: number): number {
  return Math.min(1, 2 * studentTCdf(-Math.abs(t), df));
}

/** Student t quantile (R's `qt`). @example studentTQuantile(0.975, 10) // 2.2281388519649385 */
export function studentTQuantile(p: number, df: number): number {
  checkProbability('studentTQuantile', p);
  checkDf('studentTQuantile', 'df', df);
  return tQuantileImpl(p, df);
}

/** Chi-square cumulative probability (R's `pchisq`): P(k/2, x/2), or its complement Q(k/2, x/2). */
export function chiSquareCdf(x: number, df: number, lowerTail = true): number {
  checkDf('chiSquareCdf', 'df', df);
  if (Number.isNaN(x)) return Number.NaN;
  if (x <= 0) return lowerTail ? 0 : 1;
  return gammainc(x / 2, df / 2, true, !lowerTail);
}

/** Chi-square quantile (R's `qchisq`). */
export function chiSquareQuantile(p: number, df: number): number {
  checkProbability('chiSquareQuantile', p);
  checkDf('chiSquareQuantile', 'df', df);
  return chiSquareQuantileImpl(p, df);
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

/** F quantile (R's `qf`). */
export function fQuantile(p: number, df1: number, df2: number): number {
  checkProbability('fQuantile', p);
  checkDf('fQuantile', 'df1', df1);
  checkDf('fQuantile', 'df2', df2);
  return fQuantileImpl(p, df1, df2);
}
