import { formatValue } from '../errors.js';
import { sum } from '../stats/sum.js';
import { type DataOptions, resolveData, type SurveyData } from '../survey/data.js';
import type { Scale } from '../survey/schema.js';
import { DEFAULT_FUZZY_GRADES, type FuzzyGrade } from './grades.js';

/** Options of {@link membershipMatrix}. */
export interface MembershipMatrixOptions extends DataOptions {
  /**
   * The comment set, best grade first: each grade's label and the scale points that count as it
   * (default {@link DEFAULT_FUZZY_GRADES}: 5 "very satisfied" … 1 "very dissatisfied"). Every point of
   * each item's scale must belong to exactly one grade.
   */
  readonly grades?: readonly FuzzyGrade[];
  /**
   * The answer scale of every item, for data without a survey definition (columns or rows), so that
   * the grades can be checked to cover it. With `Responses`, each item's own scale is used.
   */
  readonly scale?: { readonly min: number; readonly max: number };
}

/** Result of {@link membershipMatrix}. */
export interface MembershipMatrixResult {
  readonly method: 'membership-matrix';
  /** Respondents in the data (each item reports how many of them answered it). */
  readonly n: number;
  readonly weighted: boolean;
  /** The factors: one per row of `matrix`. */
  readonly items: readonly string[];
  /** The grade labels, best first: one per column of `matrix`. */
  readonly grades: readonly string[];
  /** The scale points of each grade, in the order of `grades`. */
  readonly gradeValues: readonly (readonly number[])[];
  /** rᵢⱼ: the (weighted) share of item i's answers in grade j; each row sums to 1. */
  readonly matrix: readonly (readonly number[])[];
  /** Respondents per item and grade (counts, also when the shares are weighted). */
  readonly counts: readonly (readonly number[])[];
  /** Respondents who answered each item. */
  readonly answered: readonly number[];
  /** Respondents who did not answer each item (missing code or invalid cell read as missing). */
  readonly missing: readonly number[];
  readonly warnings: readonly string[];
}

const FN = 'membershipMatrix';

/** Checks the grades and maps each scale point to its grade. */
function gradeIndex(grades: unknown): { grades: readonly FuzzyGrade[]; index: Map<number, number> } {
  if (!Array.isArray(grades)) {
    throw new TypeError(`${FN}: grades must be an array of { label, values }; got ${formatValue(grades)}`);
  }
  if (grades.length < 2)
    throw new RangeError(`${FN}: grades must list at least two grades; got ${grades.length}`);
  const index = new Map<number, number>();
  const seen = new Set<string>();
  grades.forEach((grade: unknown, g) => {
    const candidate = grade as { label?: unknown; values?: unknown } | null;
    if (
      candidate === null ||
      typeof candidate !== 'object' ||
      typeof candidate.label !== 'string' ||
      !Array.isArray(candidate.values)
    ) {
      throw new TypeError(
        `${FN}: each grade must be { label: string, values: number[] }; got ${formatValue(grade)} at index ${g}`,
      );
    }
    const { label, values } = candidate as { label: string; values: unknown[] };
    if (label === '') throw new RangeError(`${FN}: grade labels must not be empty; got "" at index ${g}`);
    if (seen.has(label))
      throw new RangeError(`${FN}: grade labels must be unique; got ${formatValue(label)} twice`);
    seen.add(label);
    if (values.length === 0) {
      throw new RangeError(
        `${FN}: each grade must have at least one scale point; got none for ${formatValue(label)}`,
      );
    }
    for (const value of values) {
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        throw new RangeError(
          `${FN}: grade scale points must be finite numbers; got ${formatValue(value)} in ${formatValue(label)}`,
        );
      }
      const other = index.get(value);
      if (other !== undefined) {
        const first = (grades[other] as FuzzyGrade).label;
        throw new RangeError(
          `${FN}: each scale point must belong to exactly one grade; got ${value} in ${formatValue(first)} and ${formatValue(label)}`,
        );
      }
      index.set(value, g);
    }
  });
  return { grades: grades as readonly FuzzyGrade[], index };
}

function covered(index: ReadonlyMap<number, number>): string {
  return [...index.keys()].sort((a, b) => a - b).join(', ');
}

/**
 * The membership matrix of a fuzzy evaluation from questionnaire answers (模糊统计): for each item
 * (factor) i and grade j, rᵢⱼ = the share of the item's answers that fall in grade j, i.e. on one of
 * the grade's scale points. With respondent weights w the shares are weighted:
 * rᵢⱼ = Σ w over the answers in grade j / Σ w over the answers to item i. Each row sums to 1.
 *
 * Grades are listed best first (default: 5 "very satisfied", 4 "satisfied", 3 "neutral",
 * 2 "dissatisfied", 1 "very dissatisfied"); a grade may gather several scale points. Every point of
 * each item's scale (the survey's, or `options.scale` for plain data) must belong to exactly one
 * grade. Missing answers are excluded item by item (available-case) and counted in `missing`; an item
 * missing for more than 20% of respondents is reported in `warnings`.
 *
 * Reference: 司守奎, 孙玺菁 (2011). 数学建模算法与应用, §14.2 (membership as the share of assessors
 * choosing each grade). 国防工业出版社.
 *
 * @throws {TypeError} when the grades are not `{ label, values }[]`, or on data of the wrong form
 * @throws {RangeError} on a scale point in no grade or in two, an answer in no grade (naming item,
 * value and index), an item without answers, a continuous scale, unknown items or invalid weights
 * @example
 * membershipMatrix({ q1: [5, 4, 4, 2, NaN] }).matrix; // [[0.25, 0.5, 0, 0.25, 0]]
 */
export function membershipMatrix(
  data: SurveyData,
  options: MembershipMatrixOptions = {},
): MembershipMatrixResult {
  const dataset = resolveData(FN, data, options);
  if (dataset.items.length === 0) throw new RangeError(`${FN}: data must have at least one item; got none`);
  const defaults = options.grades === undefined;
  const { grades, index } = gradeIndex(options.grades ?? DEFAULT_FUZZY_GRADES);
  const given = options.scale;
  if (
    given !== undefined &&
    !(Number.isInteger(given.min) && Number.isInteger(given.max) && given.min < given.max)
  ) {
    throw new RangeError(
      `${FN}: scale must have whole-number ends with min < max; got ${formatValue(given.min)}–${formatValue(given.max)}`,
    );
  }
  const m = grades.length;
  const weights = dataset.weights;
  const warnings: string[] = [];

  const rows = dataset.items.map((id, i) => {
    const scale: Scale | null =
      dataset.scales[i] ?? (given === undefined ? null : { min: given.min, max: given.max, integer: true });
    if (scale !== null) {
      if (!scale.integer) {
        throw new RangeError(
          `${FN}: grades need whole scale points; got the continuous scale ${scale.min}–${scale.max} of ${formatValue(id)}`,
        );
      }
      for (let point = scale.min; point <= scale.max; point++) {
        if (!index.has(point)) {
          throw new RangeError(
            `${FN}: every point of the scale of ${formatValue(id)} (${scale.min}–${scale.max}) must belong to a grade; got none for ${point} (grades cover ${covered(index)}${defaults ? '; the default grades are for a 1–5 scale, pass options.grades' : ''})`,
          );
        }
      }
    }
    const column = dataset.columns[i]!;
    const count = new Array<number>(m).fill(0);
    const total = new Array<number>(m).fill(0);
    const compensation = new Array<number>(m).fill(0);
    let answered = 0;
    for (let r = 0; r < dataset.n; r++) {
      const value = column[r]!;
      if (Number.isNaN(value)) continue;
      const g = index.get(value);
      if (g === undefined) {
        throw new RangeError(
          `${FN}: answers of ${formatValue(id)} must fall in a grade (grades cover ${covered(index)}); got ${formatValue(value)} at index ${r}`,
        );
      }
      answered++;
      count[g]!++;
      // Neumaier-compensated running sum of the weights in grade g.
      const w = weights === null ? 1 : weights[r]!;
      const next = total[g]! + w;
      compensation[g]! += Math.abs(total[g]!) >= Math.abs(w) ? total[g]! - next + w : w - next + total[g]!;
      total[g] = next;
    }
    if (answered === 0) {
      throw new RangeError(
        `${FN}: every item needs at least one answer (a membership row must sum to 1); got none for ${formatValue(id)}`,
      );
    }
    const inGrade = total.map((t, g) => t + compensation[g]!);
    const all = sum(inGrade);
    const missing = dataset.n - answered;
    if (missing / dataset.n > 0.2) {
      warnings.push(
        `${FN}: item ${formatValue(id)} is missing for ${missing} of ${dataset.n} respondents (${((100 * missing) / dataset.n).toFixed(1)}%)`,
      );
    }
    return { shares: inGrade.map((t) => t / all), count, answered, missing };
  });

  return {
    method: 'membership-matrix',
    n: dataset.n,
    weighted: weights !== null,
    items: [...dataset.items],
    grades: grades.map((grade) => grade.label),
    gradeValues: grades.map((grade) => [...grade.values]),
    matrix: rows.map((row) => row.shares),
    counts: rows.map((row) => row.count),
    answered: rows.map((row) => row.answered),
    missing: rows.map((row) => row.missing),
    warnings,
  };
}
