import { expect } from 'vitest';
import type { Responses } from '../../src/survey/responses.js';

/** Everything a `Responses` holds, as plain data (columns as number arrays). */
export function contents(responses: Responses) {
  return {
    n: responses.n,
    items: responses.items,
    columns: responses.toColumns(),
    weights: responses.weights === undefined ? undefined : Array.from(responses.weights),
    respondentIds: responses.respondentIds,
    segments: Object.fromEntries(responses.segments.map((id) => [id, responses.segment(id)])),
    report: responses.report,
  };
}

/** Asserts two columns are identical cell by cell under Object.is (NaN = NaN, 0 ≠ −0). */
export function expectSameColumn(actual: ArrayLike<number>, expected: ArrayLike<number>, label = ''): void {
  expect(actual.length, `${label} length`).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    if (!Object.is(actual[i], expected[i])) {
      expect.fail(
        `${label}[${i}]: actual ${Object.is(actual[i], -0) ? '-0' : actual[i]}, expected ${Object.is(expected[i], -0) ? '-0' : expected[i]}`,
      );
    }
  }
}

/** Asserts two `Responses` hold the same data and report, columns compared with Object.is. */
export function expectSameResponses(actual: Responses, expected: Responses, label = ''): void {
  expect(contents(actual), label).toEqual(contents(expected));
  for (const id of expected.items) expectSameColumn(actual.column(id), expected.column(id), `${label} ${id}`);
  if (expected.weights !== undefined) expectSameColumn(actual.weights!, expected.weights, `${label} weights`);
}
