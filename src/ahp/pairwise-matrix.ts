import { formatValue } from '../errors.js';

/**
 * One judgment of a pairwise-comparison matrix: a positive number, an exact string (`"3"`, `"1/3"`,
 * `"0.5"`), or `null` for a judgment not made.
 */
export type Judgment = number | string | null;

/** A square matrix of judgments: `a[i][j]` says how many times item i is preferred to item j. */
export type PairwiseMatrixInput = readonly (readonly Judgment[])[];

/** A matrix with the names of its items (rows and columns, in order). */
export interface LabelledPairwiseMatrix {
  readonly labels: readonly string[];
  readonly matrix: PairwiseMatrixInput;
}

/** What the AHP functions accept as a pairwise-comparison matrix. */
export type PairwiseInput = PairwiseMatrixInput | LabelledPairwiseMatrix;

/** Options of matrix parsing shared by the AHP functions. */
export interface PairwiseParseOptions {
  /** Item names (default `'c1'`, `'c2'`, …, or the labels of a `{ labels, matrix }` input). */
  readonly labels?: readonly string[];
  /**
   * Largest accepted relative deviation |a[i][j] · a[j][i] − 1| of a pair of judgments (default
   * 1e-6). Within it, the upper triangle is authoritative: a[j][i] is replaced by 1 / a[i][j].
   * Raise it (e.g. to 0.01) for matrices typed with rounded decimals such as 0.333 or 0.14.
   */
  readonly reciprocalTolerance?: number;
}

/** A parsed matrix: exactly reciprocal, diagonal 1, `null` where a pair of judgments is missing. */
export interface ParsedPairwise {
  readonly n: number;
  readonly labels: string[];
  /** Whether the caller named the items (labels appear in messages). */
  readonly labelled: boolean;
  readonly matrix: (number | null)[][];
  /** Number of missing pairs (i < j with neither a[i][j] nor a[j][i] given). */
  readonly missing: number;
  readonly warnings: string[];
}

/** The default of {@link PairwiseParseOptions.reciprocalTolerance}. */
export const DEFAULT_RECIPROCAL_TOLERANCE = 1e-6;

/** Saaty's fundamental scale: 1/9, 1/8, …, 1/2, 1, 2, …, 9. */
export const SAATY_SCALE: readonly number[] = [
  1 / 9,
  1 / 8,
  1 / 7,
  1 / 6,
  1 / 5,
  1 / 4,
  1 / 3,
  1 / 2,
  1,
  2,
  3,
  4,
  5,
  6,
  7,
  8,
  9,
];

const DECIMAL = String.raw`(?:\d+(?:\.\d*)?|\.\d+)`;
const NUMBER_PATTERN = new RegExp(`^${DECIMAL}$`);
const FRACTION_PATTERN = new RegExp(`^(${DECIMAL})\\s*/\\s*(${DECIMAL})$`);

/** The nearest value of Saaty's scale, in log distance (1/9…9). */
export function nearestScaleValue(value: number): number {
  if (value < 1) return 1 / nearestScaleValue(1 / value);
  if (value >= 9) return 9;
  const k = Math.floor(value);
  return value < Math.sqrt(k * (k + 1)) ? k : k + 1;
}

/** Whether a matrix input is `{ labels, matrix }`. */
export function isLabelled(input: unknown): input is LabelledPairwiseMatrix {
  return (
    typeof input === 'object' &&
    input !== null &&
    !Array.isArray(input) &&
    'matrix' in input &&
    'labels' in input
  );
}

function checkLabels(fn: string, labels: unknown, n: number, where: string): string[] {
  if (!Array.isArray(labels)) {
    throw new TypeError(`${fn}: ${where} must be an array of strings; got ${formatValue(labels)}`);
  }
  if (labels.length !== n) {
    throw new RangeError(
      `${fn}: ${where} must name the ${n} items of the matrix; got ${labels.length} ${labels.length === 1 ? 'label' : 'labels'}`,
    );
  }
  const seen = new Set<string>();
  return labels.map((label, i) => {
    if (typeof label !== 'string') {
      throw new TypeError(`${fn}: ${where} must be strings; got ${formatValue(label)} at index ${i}`);
    }
    if (seen.has(label))
      throw new RangeError(`${fn}: ${where} must be unique; got ${formatValue(label)} twice`);
    seen.add(label);
    return label;
  });
}

/** `a[i][j]`, with the item names when the caller gave them. */
export function cellName(i: number, j: number, labels: readonly string[], labelled: boolean): string {
  return labelled
    ? `a[${i}][${j}] (${formatValue(labels[i])} vs ${formatValue(labels[j])})`
    : `a[${i}][${j}]`;
}

/**
 * Parses one judgment strictly: a positive finite number, or a string holding a positive decimal
 * (`"3"`, `"0.5"`, `".5"`) or fraction of two (`"1/3"`, `"1 / 2.5"`), or `null`.
 */
function parseJudgment(fn: string, value: unknown, cell: () => string): number | null {
  if (value === null || value === undefined) return null;
  let parsed: number;
  if (typeof value === 'number') parsed = value;
  else if (typeof value === 'string') {
    const text = value.trim();
    const fraction = FRACTION_PATTERN.exec(text);
    if (fraction) parsed = Number(fraction[1]) / Number(fraction[2]);
    else if (NUMBER_PATTERN.test(text)) parsed = Number(text);
    else parsed = Number.NaN;
  } else {
    throw new TypeError(
      `${fn}: judgments must be numbers, strings such as "1/3", or null; got ${formatValue(value)} at ${cell()}`,
    );
  }
  if (!(parsed > 0 && Number.isFinite(parsed))) {
    throw new RangeError(
      `${fn}: judgments must be positive and finite (a number, or a string such as "3" or "1/3"); got ${cell()} = ${formatValue(value)}`,
    );
  }
  return parsed;
}

/**
 * Validates and parses a pairwise-comparison matrix: square; every judgment positive and finite
 * (numbers or exact strings); diagonal 1 (or `null`); reciprocal within `reciprocalTolerance`, the
 * upper triangle being authoritative; a pair of judgments is missing when both a[i][j] and a[j][i]
 * are `null`, and when only one is given the other is its reciprocal. Judgments outside Saaty's
 * 1/9…9 are reported in `warnings`.
 *
 * @throws {TypeError} when the input or a judgment is of the wrong kind
 * @throws {RangeError} when the matrix is empty or not square, a judgment is not positive, the
 * diagonal is not 1 or the matrix is not reciprocal
 */
export function parsePairwise(
  fn: string,
  input: unknown,
  options: PairwiseParseOptions = {},
): ParsedPairwise {
  let rows: unknown;
  let given: unknown;
  let where = 'options.labels';
  if (isLabelled(input)) {
    rows = input.matrix;
    given = input.labels;
    where = 'labels';
  } else {
    rows = input;
  }
  if (!Array.isArray(rows)) {
    throw new TypeError(
      `${fn}: matrix must be an array of rows or { labels, matrix }; got ${formatValue(rows === input ? input : rows)}`,
    );
  }
  const n = rows.length;
  if (n === 0) throw new RangeError(`${fn}: matrix must have at least one row; got an empty array`);
  rows.forEach((row, i) => {
    if (!Array.isArray(row)) {
      throw new TypeError(`${fn}: matrix rows must be arrays; got ${formatValue(row)} at row ${i}`);
    }
    if (row.length !== n) {
      throw new RangeError(
        `${fn}: matrix must be square (${n} × ${n}); got ${row.length} values in row ${i}`,
      );
    }
  });
  if (given !== undefined && options.labels !== undefined) {
    const fromMatrix = checkLabels(fn, given, n, 'labels');
    const fromOptions = checkLabels(fn, options.labels, n, 'options.labels');
    if (fromMatrix.some((label, i) => label !== fromOptions[i])) {
      throw new RangeError(
        `${fn}: options.labels must equal the labels of the matrix when both are given; got ${fromOptions.map(formatValue).join(', ')} and ${fromMatrix.map(formatValue).join(', ')}`,
      );
    }
  }
  const labelSource = given ?? options.labels;
  const labelled = labelSource !== undefined;
  const labels = labelled
    ? checkLabels(fn, labelSource, n, where)
    : Array.from({ length: n }, (_, i) => `c${i + 1}`);

  const tolerance = options.reciprocalTolerance ?? DEFAULT_RECIPROCAL_TOLERANCE;
  if (!(tolerance >= 0 && tolerance < 1)) {
    throw new RangeError(`${fn}: reciprocalTolerance must be within [0, 1); got ${formatValue(tolerance)}`);
  }

  const raw = rows as readonly (readonly unknown[])[];
  const values = raw.map((row, i) =>
    row.map((value, j) => parseJudgment(fn, value, () => cellName(i, j, labels, labelled))),
  );
  for (let i = 0; i < n; i++) {
    const d = values[i]![i]!;
    if (d !== null && d !== 1) {
      throw new RangeError(
        `${fn}: diagonal judgments must be 1; got ${cellName(i, i, labels, labelled)} = ${formatValue(raw[i]![i])}`,
      );
    }
  }

  const matrix = values.map((row) => row.map(() => null as number | null));
  let missing = 0;
  let largestDeviation = 0;
  let deviationCell = '';
  const offScale: string[] = [];
  for (let i = 0; i < n; i++) {
    matrix[i]![i] = 1;
    for (let j = i + 1; j < n; j++) {
      const upper = values[i]![j]!;
      const lower = values[j]![i]!;
      let x: number | null;
      if (upper !== null && lower !== null) {
        const deviation = Math.abs(upper * lower - 1);
        if (!(deviation <= tolerance)) {
          throw new RangeError(
            `${fn}: matrix must be reciprocal (a[i][j] · a[j][i] = 1 within reciprocalTolerance ${tolerance}); got ${cellName(i, j, labels, labelled)} = ${formatValue(raw[i]![j])}, a[${j}][${i}] = ${formatValue(raw[j]![i])}`,
          );
        }
        if (deviation > largestDeviation) {
          largestDeviation = deviation;
          deviationCell = `${cellName(i, j, labels, labelled)} = ${formatValue(raw[i]![j])}, a[${j}][${i}] = ${formatValue(raw[j]![i])}`;
        }
        x = upper;
      } else if (upper !== null) x = upper;
      else if (lower !== null) x = 1 / lower;
      else x = null;
      if (x === null) {
        missing++;
        continue;
      }
      matrix[i]![j] = x;
      matrix[j]![i] = 1 / x;
      if (x > 9 * (1 + 1e-9) || x < (1 / 9) * (1 - 1e-9)) {
        offScale.push(
          upper !== null
            ? `${cellName(i, j, labels, labelled)} = ${formatValue(raw[i]![j])}`
            : `${cellName(j, i, labels, labelled)} = ${formatValue(raw[j]![i])}`,
        );
      }
    }
  }

  const warnings: string[] = [];
  // Products of reciprocals computed in floating point (1/3 · 3) deviate from 1 by ~1e-16.
  if (largestDeviation > 1e-12) {
    warnings.push(
      `${fn}: the lower triangle was replaced by the reciprocals of the upper triangle (largest deviation ${largestDeviation.toPrecision(3)} at ${deviationCell})`,
    );
  }
  if (offScale.length > 0) {
    warnings.push(
      `${fn}: ${offScale.length === 1 ? 'a judgment lies' : `${offScale.length} judgments lie`} outside Saaty's scale 1/9…9: ${offScale.join(', ')}`,
    );
  }
  return { n, labels, labelled, matrix, missing, warnings };
}
