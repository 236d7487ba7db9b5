import { formatValue } from '../errors.js';

/** Convergence settings of an iterative fit. */
export interface IterationSettings {
  /** Change below which the iteration has converged. */
  readonly tolerance: number;
  /** Iterations allowed before giving up. */
  readonly maxIterations: number;
}

/**
 * The convergence settings of an iterative fit from its options, with the fit's defaults.
 * @throws {RangeError} when the tolerance is not positive or maxIterations not a positive integer
 */
export function iterationSettings(
  fn: string,
  options: { readonly tolerance?: number; readonly maxIterations?: number },
  defaults: IterationSettings,
): IterationSettings {
  const tolerance = options.tolerance ?? defaults.tolerance;
  const maxIterations = options.maxIterations ?? defaults.maxIterations;
  if (!(tolerance > 0))
    throw new RangeError(`${fn}: tolerance must be positive; got ${formatValue(tolerance)}`);
  if (!(Number.isInteger(maxIterations) && maxIterations >= 1)) {
    throw new RangeError(
      `${fn}: maxIterations must be a positive integer; got ${formatValue(maxIterations)}`,
    );
  }
  return { tolerance, maxIterations };
}
