/**
 * Regularised incomplete gamma functions P(a, x) and Q(a, x) = 1 − P(a, x) for large shapes
 * (a ≥ 16), where general-purpose implementations lose accuracy near the centre (x ≈ a).
 *
 * Both are written as the Poisson-type density d(a, x) = xᵃ e⁻ˣ / Γ(a + 1) times a factor:
 * P(a, x) = d · Σₙ xⁿ / ((a + 1)…(a + n)) for x < a (a series of positive terms), and
 * Q(a, x) = a · d · CF(a, x) for x ≥ a (the Legendre continued fraction, evaluated by the modified
 * Lentz method). The density is computed in Loader's saddle-point form
 * d(a, x) = exp(−stirlerr(a) − bd0(a, x)) / √(2πa), which avoids the cancellation of
 * a·log x − x − log Γ(a + 1) when a is large. The smaller tail is computed directly; the other is
 * its complement, so each keeps its relative precision.
 *
 * References: Loader, C. (2000). Fast and accurate computation of binomial probabilities.
 * Press, W. H. et al. (2007). Numerical Recipes, 3rd ed., §6.2 (series and continued fraction).
 */

const TINY = 1e-300;
const LOG_SQRT_2PI = 0.9189385332046728;

/**
 * Error of Stirling's approximation, log Γ(a + 1) − [(a + ½) log a − a + log √(2π)], by its
 * asymptotic series 1/(12a) − 1/(360a³) + 1/(1260a⁵) − 1/(1680a⁷) + 1/(1188a⁹), accurate to double
 * precision for a ≥ 16.
 */
function stirlingError(a: number): number {
  const a2 = a * a;
  return (1 / 12 - (1 / 360 - (1 / 1260 - (1 / 1680 - 1 / 1188 / a2) / a2) / a2) / a2) / a;
}

/**
 * Loader's deviance term bd0(a, x) = a·log(a/x) + x − a, by a series in v = (a − x)/(a + x) when
 * a and x are close (where the direct formula cancels), else directly.
 */
function deviance(a: number, x: number): number {
  if (Math.abs(a - x) < 0.1 * (a + x)) {
    const v = (a - x) / (a + x);
    let sum = (a - x) * v;
    let term = 2 * a * v;
    const v2 = v * v;
    for (let j = 1; j < 1000; j++) {
      term *= v2;
      const next = sum + term / (2 * j + 1);
      if (next === sum) return sum;
      sum = next;
    }
    return sum;
  }
  return a * Math.log(a / x) + x - a;
}

/** xᵃ e⁻ˣ / Γ(a + 1) for a ≥ 16, x > 0, in saddle-point form. */
function poissonDensity(a: number, x: number): number {
  return Math.exp(-stirlingError(a) - deviance(a, x) - LOG_SQRT_2PI - 0.5 * Math.log(a));
}

/** Σₙ xⁿ / ((a + 1)…(a + n)), n ≥ 0, for x < a. */
function lowerSeries(a: number, x: number): number {
  let sum = 1;
  let term = 1;
  for (let n = 1; n < 1_000_000; n++) {
    term *= x / (a + n);
    sum += term;
    if (term < Number.EPSILON * sum) break;
  }
  return sum;
}

/** The continued fraction of Q(a, x) / (xᵃ e⁻ˣ / Γ(a)) for x ≥ a (modified Lentz). */
function upperFraction(a: number, x: number): number {
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 1_000_000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const step = d * c;
    h *= step;
    if (Math.abs(step - 1) < Number.EPSILON) break;
  }
  return h;
}

/** The smallest shape for which {@link regularizedGammaLargeShape} is used (and accurate). */
export const LARGE_SHAPE = 16;

/**
 * P(a, x) (`upper` false) or Q(a, x) (`upper` true) for a ≥ {@link LARGE_SHAPE} and x ≥ 0.
 */
export function regularizedGammaLargeShape(x: number, a: number, upper: boolean): number {
  if (x <= 0) return upper ? 1 : 0;
  if (x === Number.POSITIVE_INFINITY) return upper ? 0 : 1;
  if (x < a) {
    const lower = poissonDensity(a, x) * lowerSeries(a, x);
    return upper ? 1 - lower : lower;
  }
  const tail = a * poissonDensity(a, x) * upperFraction(a, x);
  return upper ? tail : 1 - tail;
}
