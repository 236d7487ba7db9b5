import { formatValue } from '../errors.js';
import { type CholeskyFactor, cholesky, dependenceOn } from '../stats/cholesky.js';
import { datasetMoments, Moments, momentItems } from '../stats/moments.js';
import { type DataOptions, type Dataset, resolveData, type SurveyData } from '../survey/data.js';

/** Options shared by the driver analyses: the outcome, its drivers and which data (see `DataOptions`). */
export interface DriverOptions extends Omit<DataOptions, 'items'> {
  /** The outcome (dependent variable), e.g. overall satisfaction. */
  readonly outcome: string;
  /** The drivers (explanatory variables): item ids or column names, at least one. */
  readonly drivers: readonly string[];
}

/**
 * The outcome and drivers over the respondents used (listwise), as weighted centred cross products.
 * Variables are ordered drivers first, the outcome last (index p).
 */
export interface DriverData {
  readonly outcome: string;
  readonly drivers: readonly string[];
  /** Respondents used: those with the outcome and every driver answered. */
  readonly n: number;
  /** Respondents dropped for a missing answer. */
  readonly dropped: number;
  readonly weighted: boolean;
  /** Σ w over the respondents used (n without weights). */
  readonly totalWeight: number;
  /** Weighted means, p + 1. */
  readonly means: Float64Array;
  /** Σ w (xᵢ − x̄ᵢ)(xⱼ − x̄ⱼ), (p + 1) × (p + 1) row-major. */
  readonly crossProducts: Float64Array;
  /** The columns (drivers, then the outcome) with weights, or `null` when the input was `Moments`. */
  readonly dataset: Dataset | null;
  readonly warnings: string[];
}

/**
 * Checks that `drivers` is a non-empty array of names.
 * @throws {TypeError} when it is not an array of strings
 * @throws {RangeError} when it is empty
 */
export function checkDriverList(fn: string, drivers: unknown): asserts drivers is readonly string[] {
  if (!Array.isArray(drivers) || !drivers.every((driver) => typeof driver === 'string')) {
    throw new TypeError(
      `${fn}: drivers must be an array of item or column names; got ${formatValue(drivers)}`,
    );
  }
  if (drivers.length === 0) throw new RangeError(`${fn}: drivers must name at least one driver; got none`);
}

function checkNames(fn: string, options: DriverOptions): void {
  if (options === null || typeof options !== 'object') {
    throw new TypeError(
      `${fn}: options must be an object with outcome and drivers; got ${formatValue(options)}`,
    );
  }
  const { outcome, drivers } = options;
  if (typeof outcome !== 'string') {
    throw new TypeError(`${fn}: outcome must be the name of an item or column; got ${formatValue(outcome)}`);
  }
  checkDriverList(fn, drivers);
  if (drivers.includes(outcome)) {
    throw new RangeError(
      `${fn}: the outcome must not be one of the drivers; got ${formatValue(outcome)} in both`,
    );
  }
  const seen = new Set<string>();
  for (const driver of drivers) {
    if (seen.has(driver)) throw new RangeError(`${fn}: driver ${formatValue(driver)} is listed twice`);
    seen.add(driver);
  }
}

function fromMoments(fn: string, source: Moments, options: DriverOptions): DriverData {
  if (source.missing !== 'listwise') {
    throw new RangeError(
      `${fn}: moments must be computed with missing = 'listwise' (one set of respondents); got '${source.missing}'`,
    );
  }
  if (options.weights !== undefined) {
    throw new RangeError(
      `${fn}: weights cannot be applied to moments; compute the moments with the weights (moments(data, { weights }))`,
    );
  }
  const names = momentItems(fn, source, { items: [...options.drivers, options.outcome] });
  const index = names.map((id) => source.items.indexOf(id));
  const json = source.toJSON();
  const all = source.items.length;
  const size = names.length;
  const means = new Float64Array(size);
  const crossProducts = new Float64Array(size * size);
  index.forEach((i, a) => {
    means[a] = json.means[i * all + i]!;
    index.forEach((j, b) => {
      crossProducts[a * size + b] = json.comoments[i * all + j]!;
    });
  });
  const totalWeight = size > 0 ? json.sumWeights[index[0]! * all + index[0]!]! : 0;
  return {
    outcome: options.outcome,
    drivers: options.drivers,
    n: source.n,
    dropped: source.dropped,
    weighted: source.weighted,
    totalWeight,
    means,
    crossProducts,
    dataset: null,
    warnings: [],
  };
}

/**
 * Resolves the outcome and drivers of a driver analysis from data (any `SurveyData` form) or from
 * listwise `Moments`, with listwise deletion: respondents with the outcome or any driver missing are
 * dropped, counted, and reported in a warning that says how many were missing on each variable.
 *
 * @throws {TypeError} when outcome or drivers are not names
 * @throws {RangeError} on no drivers, the outcome among the drivers, a name listed twice, unknown
 * names, pairwise moments, or weights given with moments
 */
export function driverData(fn: string, data: SurveyData | Moments, options: DriverOptions): DriverData {
  checkNames(fn, options);
  if (data instanceof Moments) return fromMoments(fn, data, options);
  const names = [...options.drivers, options.outcome];
  const dataset = resolveData(fn, data, {
    ...(options.columns === undefined ? {} : { columns: options.columns }),
    ...(options.weights === undefined ? {} : { weights: options.weights }),
    items: names,
  });
  const m = datasetMoments(dataset, 'listwise');
  const json = m.toJSON();
  const size = names.length;
  const means = new Float64Array(size);
  const crossProducts = new Float64Array(json.comoments);
  for (let i = 0; i < size; i++) means[i] = json.means[i * size + i]!;
  const warnings: string[] = [];
  if (m.dropped > 0) {
    const missing = names
      .map((name, i) => {
        let count = 0;
        for (const value of dataset.columns[i]!) if (Number.isNaN(value)) count++;
        return [name, count] as const;
      })
      .filter(([, count]) => count > 0)
      .map(([name, count]) => `${formatValue(name)} ${count}`);
    warnings.push(
      `${fn}: ${m.dropped} of ${dataset.n} respondents dropped for a missing answer (listwise; missing per variable: ${missing.join(', ')})`,
    );
  }
  return {
    outcome: options.outcome,
    drivers: options.drivers,
    n: m.n,
    dropped: m.dropped,
    weighted: dataset.weights !== null,
    totalWeight: json.sumWeights[0]!,
    means,
    crossProducts,
    dataset,
    warnings,
  };
}

/** The correlation structure of the drivers and the outcome, checked for variation and collinearity. */
export interface CorrelationSystem {
  /** Number of drivers. */
  readonly p: number;
  /** Correlations among the drivers, p × p row-major. */
  readonly driverCorrelation: Float64Array;
  /** Correlation of each driver with the outcome. */
  readonly outcomeCorrelation: Float64Array;
  /** The full (p + 1) × (p + 1) correlation matrix, outcome last. */
  readonly correlation: Float64Array;
  /** Cholesky factor of the driver correlations (complete). */
  readonly factor: CholeskyFactor;
  /** 1 / √(Σ w (xⱼ − x̄ⱼ)²) for each driver and the outcome (last). */
  readonly scale: Float64Array;
}

/** Relative size below which a standard deviation counts as zero: sd ≤ 1e-13 · |mean|. */
const CONSTANT = 1e-13;

/**
 * The correlation matrix of the drivers and the outcome from their cross products, after checking
 * that there are enough respondents, that no variable is constant and that no driver is an exact
 * linear combination of the drivers before it.
 *
 * @param minimumN the fewest respondents accepted (the caller's requirement, stated in the message)
 * @throws {RangeError} on too few respondents, a constant outcome or driver, or exactly collinear drivers
 */
export function correlationSystem(
  fn: string,
  d: DriverData,
  minimumN: number,
  why: string,
): CorrelationSystem {
  const p = d.drivers.length;
  const size = p + 1;
  if (d.n < minimumN) {
    throw new RangeError(
      `${fn}: needs at least ${minimumN} respondents with the outcome and every driver answered (${why}); got ${d.n}${d.dropped > 0 ? ` (${d.dropped} dropped for missing answers)` : ''}`,
    );
  }
  const names = [...d.drivers, d.outcome];
  const scale = new Float64Array(size);
  const constant: string[] = [];
  for (let i = 0; i < size; i++) {
    const squares = d.crossProducts[i * size + i]!;
    const sd = Math.sqrt(Math.max(0, squares) / d.totalWeight);
    if (!(sd > CONSTANT * Math.abs(d.means[i]!)) || !(squares > 0)) constant.push(names[i]!);
    scale[i] = 1 / Math.sqrt(squares);
  }
  if (constant.includes(d.outcome)) {
    throw new RangeError(
      `${fn}: the outcome ${formatValue(d.outcome)} is constant over the ${d.n} respondents used (zero variance); there is nothing to explain`,
    );
  }
  if (constant.length > 0) {
    throw new RangeError(
      `${fn}: ${constant.length === 1 ? 'driver' : 'drivers'} ${constant.map(formatValue).join(', ')} ${constant.length === 1 ? 'is' : 'are'} constant over the ${d.n} respondents used (zero variance); remove ${constant.length === 1 ? 'it' : 'them'} from drivers`,
    );
  }
  const correlation = new Float64Array(size * size);
  for (let i = 0; i < size; i++) {
    for (let j = 0; j <= i; j++) {
      const value = i === j ? 1 : d.crossProducts[i * size + j]! * scale[i]! * scale[j]!;
      correlation[i * size + j] = value;
      correlation[j * size + i] = value;
    }
  }
  const driverCorrelation = new Float64Array(p * p);
  const outcomeCorrelation = new Float64Array(p);
  for (let i = 0; i < p; i++) {
    for (let j = 0; j < p; j++) driverCorrelation[i * p + j] = correlation[i * size + j]!;
    outcomeCorrelation[i] = correlation[i * size + p]!;
  }
  const factor = cholesky(driverCorrelation, p);
  if (factor.failedAt !== -1) {
    const j = factor.failedAt;
    const coefficients = dependenceOn(factor, driverCorrelation, j);
    const largest = coefficients.reduce((a, c) => Math.max(a, Math.abs(c)), 0);
    const partners = d.drivers.filter((_, k) => k < j && Math.abs(coefficients[k]!) > 1e-6 * largest);
    const ratio = factor.pivotRatios[j]!;
    throw new RangeError(
      `${fn}: drivers are exactly collinear: ${formatValue(d.drivers[j])} is a linear combination of ${partners.map(formatValue).join(', ')} (1 − R² = ${Number.isNaN(ratio) ? 'NaN' : ratio.toExponential(1)} among the ${d.n} respondents used); remove one of them`,
    );
  }
  return { p, driverCorrelation, outcomeCorrelation, correlation, factor, scale };
}
