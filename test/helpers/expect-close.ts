import { expect } from 'vitest';

/**
 * Asserts |actual − expected| ≤ tolerance · max(1, |expected|) (relative, with an absolute floor of
 * `tolerance` near zero). NaN matches only NaN. On failure the message prints actual, expected,
 * the difference and the tolerance.
 */
export function expectClose(actual: number, expected: number, tolerance: number, label = ''): void {
  if (Number.isNaN(expected) || Number.isNaN(actual)) {
    expect(Number.isNaN(actual), `${label} actual ${actual}, expected ${expected}`).toBe(
      Number.isNaN(expected),
    );
    return;
  }
  const difference = Math.abs(actual - expected);
  const bound = tolerance * Math.max(1, Math.abs(expected));
  if (!(difference <= bound)) {
    expect.fail(
      `${label ? `${label}: ` : ''}actual ${actual}, expected ${expected}, difference ${difference.toExponential(3)}, tolerance ${bound.toExponential(3)} (${tolerance} relative)`,
    );
  }
}

/** {@link expectClose} element by element for vectors or matrices (nested arrays). */
export function expectAllClose(actual: unknown, expected: unknown, tolerance: number, label = ''): void {
  if (typeof expected === 'number' || expected === null) {
    expectClose(actual as number, expected === null ? Number.NaN : expected, tolerance, label);
    return;
  }
  const a = Array.from(actual as ArrayLike<unknown>);
  const e = Array.from(expected as ArrayLike<unknown>);
  expect(a.length, `${label} length`).toBe(e.length);
  e.forEach((value, i) => {
    expectAllClose(a[i], value, tolerance, `${label}[${i}]`);
  });
}

/**
 * Asserts an absolute difference of at most `tolerance` (for p-values and probabilities, which are
 * compared absolutely).
 */
export function expectAbsolute(actual: number, expected: number, tolerance: number, label = ''): void {
  const difference = Math.abs(actual - expected);
  if (!(difference <= tolerance)) {
    expect.fail(
      `${label ? `${label}: ` : ''}actual ${actual}, expected ${expected}, difference ${difference.toExponential(3)}, tolerance ${tolerance} (absolute)`,
    );
  }
}

/**
 * Asserts |actual − expected| ≤ tolerance · |expected|, with no absolute floor (for values far below
 * 1, such as tail probabilities). Equal values pass, including ±Infinity and exact zeros.
 */
export function expectRelative(actual: number, expected: number, tolerance: number, label = ''): void {
  if (actual === expected) return;
  const difference = Math.abs(actual - expected);
  const bound = tolerance * Math.abs(expected);
  if (!(difference <= bound)) {
    expect.fail(
      `${label ? `${label}: ` : ''}actual ${actual}, expected ${expected}, difference ${difference.toExponential(3)}, tolerance ${bound.toExponential(3)} (${tolerance} relative, no floor)`,
    );
  }
}
