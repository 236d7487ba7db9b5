import { formatValue } from '../errors.js';
import { median } from '../stats/quantile.js';
import { type DataOptions, resolveData, type SurveyData } from '../survey/data.js';
import { type AnswerScale, answerScale, checkScaleOption } from '../survey/scales.js';
import { checkDriverList } from './driver-data.js';
import { regress } from './regress.js';
import { relativeImportance } from './relative-importance.js';

/**
 * Where importance comes from: a relative-importance method (its `share`), `'standardized'`
 * (standardized regression coefficients), `'correlation'` (each driver's correlation with the
 * outcome), or stated importance `{ [driver]: value }` (e.g. from an importance question or AHP).
 */
export type ImportanceSource =
  | 'shapley'
  | 'relative-weights'
  | 'first'
  | 'standardized'
  | 'correlation'
  | Readonly<Record<string, number>>;

/** How performance is measured: the mean answer, or the share of answers in the top box. */
export type PerformanceMeasure = 'mean' | 'top-box';

/** Where a crosshair is drawn. */
export type CrosshairRule = 'mean' | 'median' | 'midpoint' | number;

/** The answer scale of a driver. */
export interface DriverScale {
  readonly min: number;
  readonly max: number;
}

/** Options of {@link importancePerformance}. */
export interface ImportancePerformanceOptions extends Omit<DataOptions, 'items'> {
  /** The outcome; required unless `importance` is stated. */
  readonly outcome?: string;
  readonly drivers: readonly string[];
  /** Default `'shapley'` (the Shapley share of R²). */
  readonly importance?: ImportanceSource;
  /** Default `'mean'`. */
  readonly performance?: PerformanceMeasure;
  /** Scale points in the top box for `performance: 'top-box'` (default 2: "top-2 box"). */
  readonly topBox?: number;
  /**
   * The answer scale, required for data without a survey definition: `{ min, max }` for every
   * driver or `{ [driver]: { min, max } }`. With `Responses`, each item's own scale is used.
   */
  readonly scale?: DriverScale | Readonly<Record<string, DriverScale>>;
  /**
   * Where the crosshairs split the map: `'mean'` (default: the mean importance and the mean
   * performance of the drivers), `'median'`, `'midpoint'` (performance at the scale midpoint, or 0.5
   * for top-box shares; importance at the mean), or per axis
   * `{ importance?: 'mean' | 'median' | number, performance?: 'mean' | 'median' | 'midpoint' | number }`.
   */
  readonly crosshairs?:
    | 'mean'
    | 'median'
    | 'midpoint'
    | { readonly importance?: CrosshairRule; readonly performance?: CrosshairRule };
}

/** The four quadrants of Martilla & James (1977), as ids. */
export type Quadrant = 'concentrate-here' | 'keep-up-the-good-work' | 'low-priority' | 'possible-overkill';

/** The quadrant labels as Martilla & James (1977) name them. */
export const QUADRANT_LABELS: Readonly<Record<Quadrant, string>> = {
  'concentrate-here': 'Concentrate here',
  'keep-up-the-good-work': 'Keep up the good work',
  'low-priority': 'Low priority',
  'possible-overkill': 'Possible overkill',
};

/** One driver on the importance–performance map. */
export interface ImportancePerformanceDriver {
  readonly driver: string;
  readonly importance: number;
  /** importance / Σ importance when every importance is non-negative, else `null`. */
  readonly share: number | null;
  /** Mean answer (respondent-weighted), or the top-box share. */
  readonly performance: number;
  readonly scale: DriverScale;
  /** Room for improvement: scale max − mean, or 1 − top-box share. */
  readonly gap: number;
  /** importance × gap: the action priority. */
  readonly priority: number;
  /** 1 = act here first (largest priority). */
  readonly priorityRank: number;
  readonly quadrant: Quadrant;
  readonly quadrantLabel: string;
}

/** Result of {@link importancePerformance}. */
export interface ImportancePerformanceResult {
  readonly method: 'importance-performance';
  /** `'stated'` for importance given as values. */
  readonly importanceMethod:
    | 'shapley'
    | 'relative-weights'
    | 'first'
    | 'standardized'
    | 'correlation'
    | 'stated';
  readonly performanceMeasure: PerformanceMeasure;
  /** Scale points in the top box; `null` for mean performance. */
  readonly topBox: number | null;
  readonly outcome: string | null;
  readonly weighted: boolean;
  /** Respondents used: every driver (and the outcome, when given) answered. */
  readonly n: number;
  /** Respondents dropped for a missing answer (listwise). */
  readonly dropped: number;
  /** R² of the regression on all drivers; `null` for stated importance. */
  readonly rSquared: number | null;
  /** One row per driver, in the order of `drivers`. */
  readonly drivers: readonly ImportancePerformanceDriver[];
  /** The crosshairs and the rule that placed each. */
  readonly thresholds: {
    readonly importance: number;
    readonly performance: number;
    readonly importanceRule: 'mean' | 'median' | 'given';
    readonly performanceRule: 'mean' | 'median' | 'midpoint' | 'given';
  };
  /** The drivers in each quadrant, by priority. */
  readonly quadrants: Readonly<Record<Quadrant, readonly string[]>>;
  readonly warnings: readonly string[];
}

const FN = 'importancePerformance';

/** Each driver's scale: the survey definition's, else `options.scale`. */
function resolveScales(
  drivers: readonly string[],
  surveyScales: readonly (AnswerScale | null)[],
  option: ImportancePerformanceOptions['scale'],
): DriverScale[] {
  checkScaleOption(FN, option, 'driver');
  return drivers.map((driver, i) => {
    const scale = answerScale(FN, driver, surveyScales[i] ?? null, option, 'driver', false);
    return { min: scale.min, max: scale.max };
  });
}

function crosshairRule(axis: 'importance' | 'performance', rule: unknown): CrosshairRule {
  const allowed = axis === 'importance' ? ['mean', 'median'] : ['mean', 'median', 'midpoint'];
  if (typeof rule === 'number' ? Number.isFinite(rule) : allowed.includes(rule as string))
    return rule as CrosshairRule;
  throw new RangeError(
    `${FN}: crosshairs.${axis} must be ${allowed.map((a) => `'${a}'`).join(', ')} or a finite number; got ${formatValue(rule)}`,
  );
}

/**
 * Importance–performance analysis (Martilla & James 1977): each driver's importance (derived from
 * the data or stated) against its performance (the mean answer on its scale, or the top-box share),
 * split by crosshairs into four quadrants: high importance and low performance, "Concentrate here";
 * high and high, "Keep up the good work"; low and low, "Low priority"; low importance and high
 * performance, "Possible overkill". A value on a crosshair counts as high. Quadrants are given as
 * kebab-case ids (`quadrant`) with Martilla & James's labels (`quadrantLabel`, {@link QUADRANT_LABELS}).
 *
 * Importance: by default the Shapley share of R² ({@link relativeImportance}); `'relative-weights'`
 * or `'first'` shares; `'standardized'` regression coefficients ({@link regress}); `'correlation'`,
 * each driver's correlation with the outcome; or stated values. Performance: the mean answer over
 * the respondents used (respondent-weighted), or the (weighted) share of answers at or above
 * max − topBox + 1. The respondents used are those who answered every driver and the outcome
 * (listwise, as the importance), so both axes describe the same people.
 *
 * Action priority: importance × gap, with gap = scale max − mean (or 1 − top-box share), the room
 * for improvement weighted by how much it matters; `priorityRank` 1 is the first place to act.
 *
 * Reference: Martilla, J. A. & James, J. C. (1977). Importance-performance analysis. Journal of
 * Marketing 41(1), 77–79.
 *
 * @param data `Responses`, an object of columns or rows with `options.columns`
 * @throws {TypeError} when drivers, importance, scale or crosshairs have the wrong form
 * @throws {RangeError} on a missing outcome for derived importance, stated importance that does not
 * cover every driver, a driver without a scale, a midpoint crosshair over different scales, and
 * every error of {@link relativeImportance} and {@link regress}
 * @example
 * importancePerformance(
 *   { y: [3, 1, 4, 1, 5], a: [4, 2, 5, 2, 4], b: [2, 2, 3, 1, 3] },
 *   { drivers: ['a', 'b'], importance: { a: 0.7, b: 0.3 }, scale: { min: 1, max: 5 } },
 * ).drivers.map((d) => d.quadrant); // ['keep-up-the-good-work', 'low-priority']
 */
export function importancePerformance(
  data: SurveyData,
  options: ImportancePerformanceOptions,
): ImportancePerformanceResult {
  if (options === null || typeof options !== 'object') {
    throw new TypeError(`${FN}: options must be an object with drivers; got ${formatValue(options)}`);
  }
  const source = options.importance ?? 'shapley';
  const measure = options.performance ?? 'mean';
  if (measure !== 'mean' && measure !== 'top-box') {
    throw new RangeError(`${FN}: performance must be 'mean' or 'top-box'; got ${formatValue(measure)}`);
  }
  const topBox = options.topBox ?? 2;
  if (!(Number.isInteger(topBox) && topBox >= 1)) {
    throw new RangeError(`${FN}: topBox must be a positive integer; got ${formatValue(topBox)}`);
  }
  const stated = typeof source === 'object' && source !== null;
  if (!stated && !['shapley', 'relative-weights', 'first', 'standardized', 'correlation'].includes(source)) {
    throw new RangeError(
      `${FN}: importance must be 'shapley', 'relative-weights', 'first', 'standardized', 'correlation' or { driver: value }; got ${formatValue(source)}`,
    );
  }
  const { drivers, outcome } = options;
  checkDriverList(FN, drivers);
  if (!stated && typeof outcome !== 'string') {
    throw new TypeError(
      `${FN}: outcome must name the outcome for derived importance ('${source as string}'); got ${formatValue(outcome)}`,
    );
  }
  if (outcome !== undefined && typeof outcome !== 'string') {
    throw new TypeError(`${FN}: outcome must be the name of an item or column; got ${formatValue(outcome)}`);
  }
  const crosshairs = options.crosshairs ?? 'mean';
  if (crosshairs === null || (typeof crosshairs !== 'object' && typeof crosshairs !== 'string')) {
    throw new TypeError(
      `${FN}: crosshairs must be 'mean', 'median', 'midpoint' or { importance, performance }; got ${formatValue(crosshairs)}`,
    );
  }
  const importanceRule = crosshairRule(
    'importance',
    typeof crosshairs === 'string'
      ? crosshairs === 'midpoint'
        ? 'mean'
        : crosshairs
      : (crosshairs.importance ?? 'mean'),
  );
  const performanceRule = crosshairRule(
    'performance',
    typeof crosshairs === 'string' ? crosshairs : (crosshairs.performance ?? 'mean'),
  );

  const dataOptions = {
    ...(options.columns === undefined ? {} : { columns: options.columns }),
    ...(options.weights === undefined ? {} : { weights: options.weights }),
  };
  const dataset = resolveData(FN, data, {
    ...dataOptions,
    items: outcome === undefined ? drivers : [...drivers, outcome],
  });
  const scales = resolveScales(drivers, dataset.scales, options.scale);
  if (measure === 'top-box') {
    scales.forEach((scale, j) => {
      if (topBox > scale.max - scale.min) {
        throw new RangeError(
          `${FN}: topBox must leave at least one scale point below the box; got ${topBox} for ${formatValue(drivers[j])} on ${scale.min}–${scale.max}`,
        );
      }
    });
  }
  const warnings: string[] = [];

  // Importance.
  let importance: number[];
  let rSquared: number | null = null;
  if (stated) {
    const values = source as Readonly<Record<string, number>>;
    for (const key of Object.keys(values)) {
      if (!drivers.includes(key)) {
        throw new RangeError(
          `${FN}: stated importance names ${formatValue(key)}, which is not a driver (drivers are ${drivers.join(', ')})`,
        );
      }
    }
    importance = drivers.map((driver) => {
      const value = values[driver];
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        throw new RangeError(
          `${FN}: stated importance must give a finite number for every driver; got ${formatValue(value)} for ${formatValue(driver)}`,
        );
      }
      return value;
    });
  } else if (source === 'standardized') {
    const model = regress(data, { ...dataOptions, outcome: outcome!, drivers });
    importance = model.coefficients.slice(1).map((row) => row.standardized!);
    rSquared = model.rSquared;
    warnings.push(...model.warnings.map((warning) => warning.replace(/^regress:/, `${FN}:`)));
  } else {
    const method = source === 'correlation' ? 'first' : (source as 'shapley' | 'relative-weights' | 'first');
    const result = relativeImportance(data, { ...dataOptions, outcome: outcome!, drivers, method });
    importance = result.drivers.map((row) => (source === 'correlation' ? row.correlation : row.share));
    rSquared = result.rSquared;
    warnings.push(...result.warnings.map((warning) => warning.replace(/^relativeImportance:/, `${FN}:`)));
  }

  // Performance over the respondents used.
  const p = drivers.length;
  const sums = new Float64Array(p);
  const top = new Float64Array(p);
  let totalWeight = 0;
  let n = 0;
  rows: for (let r = 0; r < dataset.n; r++) {
    for (const column of dataset.columns) if (Number.isNaN(column[r]!)) continue rows;
    const w = dataset.weights === null ? 1 : dataset.weights[r]!;
    n++;
    totalWeight += w;
    for (let j = 0; j < p; j++) {
      const value = dataset.columns[j]![r]!;
      const scale = scales[j]!;
      if (value < scale.min || value > scale.max) {
        throw new RangeError(
          `${FN}: answers of ${formatValue(drivers[j])} must be within its scale ${scale.min}–${scale.max}; got ${formatValue(value)} at index ${r}`,
        );
      }
      sums[j] = sums[j]! + w * value;
      if (value >= scale.max - topBox + 1) top[j] = top[j]! + w;
    }
  }
  if (n === 0)
    throw new RangeError(
      `${FN}: no respondent answered every driver${outcome === undefined ? '' : ' and the outcome'}`,
    );
  if (stated && n < dataset.n) {
    warnings.push(
      `${FN}: ${dataset.n - n} of ${dataset.n} respondents dropped for a missing answer (listwise)`,
    );
  }
  const performance = drivers.map((_, j) =>
    measure === 'mean' ? sums[j]! / totalWeight : top[j]! / totalWeight,
  );
  const gaps = performance.map((value, j) => (measure === 'mean' ? scales[j]!.max - value : 1 - value));
  const priorities = importance.map((value, j) => value * gaps[j]!);

  // Crosshairs.
  const average = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  const place = (rule: CrosshairRule, values: readonly number[]): number => {
    if (typeof rule === 'number') return rule;
    if (rule === 'median') return median(values);
    if (rule === 'mean') return average(values);
    if (measure === 'top-box') return 0.5;
    const midpoints = scales.map((scale) => (scale.min + scale.max) / 2);
    if (midpoints.some((value) => value !== midpoints[0])) {
      throw new RangeError(
        `${FN}: a midpoint crosshair needs one scale for every driver; got ${scales.map((s, j) => `${formatValue(drivers[j])} ${s.min}–${s.max}`).join(', ')}`,
      );
    }
    return midpoints[0]!;
  };
  const thresholds = {
    importance: place(importanceRule, importance),
    performance: place(performanceRule, performance),
    importanceRule: typeof importanceRule === 'number' ? 'given' : (importanceRule as 'mean' | 'median'),
    performanceRule:
      typeof performanceRule === 'number' ? 'given' : (performanceRule as 'mean' | 'median' | 'midpoint'),
  } as const;

  const order = drivers.map((_, j) => j).sort((a, b) => priorities[b]! - priorities[a]! || a - b);
  const priorityRank = new Array<number>(p);
  order.forEach((j, position) => {
    priorityRank[j] = position + 1;
  });
  const nonNegative = importance.every((value) => value >= 0);
  const importanceTotal = importance.reduce((a, b) => a + b, 0);
  const rowsOut = drivers.map((driver, j): ImportancePerformanceDriver => {
    const high = importance[j]! >= thresholds.importance;
    const good = performance[j]! >= thresholds.performance;
    const quadrant: Quadrant = high
      ? good
        ? 'keep-up-the-good-work'
        : 'concentrate-here'
      : good
        ? 'possible-overkill'
        : 'low-priority';
    return {
      driver,
      importance: importance[j]!,
      share: nonNegative && importanceTotal > 0 ? importance[j]! / importanceTotal : null,
      performance: performance[j]!,
      scale: scales[j]!,
      gap: gaps[j]!,
      priority: priorities[j]!,
      priorityRank: priorityRank[j]!,
      quadrant,
      quadrantLabel: QUADRANT_LABELS[quadrant],
    };
  });
  const quadrants: Record<Quadrant, string[]> = {
    'concentrate-here': [],
    'keep-up-the-good-work': [],
    'low-priority': [],
    'possible-overkill': [],
  };
  for (const j of order) quadrants[rowsOut[j]!.quadrant].push(drivers[j]!);

  return {
    method: 'importance-performance',
    importanceMethod: stated ? 'stated' : (source as ImportancePerformanceResult['importanceMethod']),
    performanceMeasure: measure,
    topBox: measure === 'top-box' ? topBox : null,
    outcome: outcome ?? null,
    weighted: dataset.weights !== null,
    n,
    dropped: dataset.n - n,
    rSquared,
    drivers: rowsOut,
    thresholds,
    quadrants,
    warnings,
  };
}
