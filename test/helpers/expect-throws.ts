import { expect } from 'vitest';

/** Asserts that `call` throws an error of `type` whose message is exactly `message`. */
export function expectThrows(call: () => unknown, type: ErrorConstructor, message: string): void {
  let error: unknown;
  try {
    call();
  } catch (caught) {
    error = caught;
  }
  expect(error, 'an error').toBeInstanceOf(type);
  expect((error as Error).message).toBe(message);
}
