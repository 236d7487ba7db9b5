import { formatValue } from '../errors.js';
import { sum } from '../stats/sum.js';
import {
  cellName,
  nearestScaleValue,
  type PairwiseInput,
  type PairwiseParseOptions,
  type ParsedPairwise,
  parsePairwise,
} from './pairwise-matrix.js';
import {
  columnMeanPriorities,
  geometricMeanPriorities,
  harkerMatrix,
  lambdaMaxOf,
  type PriorityMethod,
  perronEigen,
  unreachableItems,
} from './priority-vector.js';
import { type RandomIndexSpec, randomIndexOf, resolveRandomIndexTable } from './random-index.js';

/** Options of {@link ahp}. */
export interface AhpOptions extends PairwiseParseOptions {
  /**
   * How priorities are derived: `'eigenvector'` (default; Saaty's principal eigenvector),
   * `'geometric-mean'` (row geometric means; Crawford & Williams 1985) or `'column-mean'` (means of the
   * rows of the column-normalised matrix; Saaty's approximation).
   */
  readonly method?: PriorityMethod;
  /**
   * The random-index table of the consistency ratio: `'saaty-1980'` (default, n ≤ 10),
   * `'saaty-2005'` or `'alonso-lamata-2006'` (n ≤ 15), RI(1), RI(2), … as an array, or
   * `{ source, values }`.
   */
  readonly randomIndex?: RandomIndexSpec;
  /** A matrix is consistent when its consistency ratio is below this (default 0.10, Saaty's rule). */
  readonly consistencyThreshold?: number;
}

/** One judgment of an inconsistent matrix, with what it would be if consistent with the weights. */
export interface AhpJudgmentDiagnosis {
  /** Row and column of the judgment, in the upper triangle (row < column). */
  readonly row: number;
  readonly column: number;
  readonly rowLabel: string;
  readonly columnLabel: string;
  /** The judgment a[row][column] as used. */
  readonly value: number;
  /** The judgment consistent with the current weights: w[row] / w[column]. */
  readonly consistentValue: number;
  /** `consistentValue` rounded to the nearest value of Saaty's scale 1/9…9 (in log distance). */
  readonly nearestScaleValue: number;
  /** Saaty's εᵢⱼ = aᵢⱼ wⱼ / wᵢ: 1 when the judgment agrees with the weights. */
  readonly deviationRatio: number;
  /**
   * The judgment's share of λmax − n = (1/n) Σᵢ<ⱼ (εᵢⱼ + 1/εᵢⱼ − 2): (εᵢⱼ + 1/εᵢⱼ − 2) over the sum
   * of that term over all pairs. Shares of the listed judgments sum to 1 (eigenvector method).
   */
  readonly contribution: number;
}

/** Result of {@link ahp}: the interchange format that the satisfaction index and fuzzy evaluation accept as weights. */
export interface AhpResult {
  readonly method: 'ahp';
  readonly priorityMethod: PriorityMethod;
  /** Number of items compared. */
  readonly n: number;
  /** Item names, in the order of `weights`. */
  readonly labels: string[];
  /** Priorities, summing to 1. */
  readonly weights: number[];
  /** Principal eigenvalue (eigenvector method), else the mean of (A w)ᵢ / wᵢ. */
  readonly lambdaMax: number;
  /** CI = (λmax − n) / (n − 1); 0 for n ≤ 2. */
  readonly consistencyIndex: number;
  /** RI(n) from `randomIndexTable`; 0 for n ≤ 2. */
  readonly randomIndex: number;
  /** CR = CI / RI(n); 0 for n ≤ 2. */
  readonly consistencyRatio: number;
  readonly consistencyThreshold: number;
  /** CR below `consistencyThreshold` (always true for n ≤ 2). */
  readonly consistent: boolean;
  readonly randomIndexTable: { readonly source: string; readonly values: number[] };
  /** The numeric matrix used: exactly reciprocal; for incomplete input, completed by Harker's method. */
  readonly matrix: number[][];
  /** Whether missing judgments were completed. */
  readonly completed: boolean;
  /** Number of missing pairs of judgments that were completed. */
  readonly missing: number;
  /**
   * For an inconsistent matrix, the given judgments ranked by their contribution to the
   * inconsistency (largest first); empty when consistent.
   */
  readonly diagnosis: AhpJudgmentDiagnosis[];
  readonly warnings: string[];
}

/** Settings shared by every matrix of a hierarchy or group (internal). */
export interface AhpSettings {
  readonly method: PriorityMethod;
  readonly table: { readonly source: string; readonly values: number[] };
  readonly threshold: number;
}

const METHODS: readonly PriorityMethod[] = ['eigenvector', 'geometric-mean', 'column-mean'];

/** Checks the options that are not about parsing (internal). */
export function ahpSettings(fn: string, options: AhpOptions): AhpSettings {
  const method = options.method ?? 'eigenvector';
  if (!METHODS.includes(method)) {
    throw new RangeError(
      `${fn}: method must be ${METHODS.map((m) => `'${m}'`).join(', ')}; got ${formatValue(method)}`,
    );
  }
  const threshold = options.consistencyThreshold ?? 0.1;
  if (!(threshold > 0 && Number.isFinite(threshold))) {
    throw new RangeError(
      `${fn}: consistencyThreshold must be positive and finite; got ${formatValue(threshold)}`,
    );
  }
  return { method, table: resolveRandomIndexTable(fn, options.randomIndex), threshold };
}

/**
 * The full reciprocal matrix of a parsed one: as given, or completed by Harker's method when
 * judgments are missing (internal).
 * @throws {RangeError} when the given judgments do not connect every item
 */
export function completeMatrix(fn: string, parsed: ParsedPairwise): number[][] {
  const { matrix, labels, labelled } = parsed;
  if (parsed.missing === 0) return matrix.map((row) => row.map((value) => value!));
  const unreachable = unreachableItems(matrix);
  if (unreachable.length > 0) {
    const names = (items: number[]) =>
      items.map((i) => (labelled ? formatValue(labels[i]) : `item ${i} (${labels[i]})`)).join(', ');
    const reached = labels.map((_, i) => i).filter((i) => !unreachable.includes(i));
    throw new RangeError(
      `${fn}: the given judgments must connect every item (Harker's completion needs a connected comparison graph); got no chain of judgments from ${names(reached)} to ${names(unreachable)}`,
    );
  }
  const { vector: w } = perronEigen(harkerMatrix(matrix));
  return matrix.map((row, i) => row.map((value, j) => value ?? w[i]! / w[j]!));
}

/** Priorities, λmax, CI, CR and diagnosis of a parsed matrix (internal; used by every AHP function). */
export function ahpOfParsed(fn: string, parsed: ParsedPairwise, settings: AhpSettings): AhpResult {
  const { n, labels, labelled } = parsed;
  const { method, table, threshold } = settings;
  const matrix = completeMatrix(fn, parsed);
  const randomIndex = randomIndexOf(fn, table, n);

  let weights: number[];
  let lambdaMax: number;
  if (method === 'eigenvector') {
    const eigen = perronEigen(matrix);
    weights = eigen.vector;
    lambdaMax = eigen.value;
  } else {
    weights = method === 'geometric-mean' ? geometricMeanPriorities(matrix) : columnMeanPriorities(matrix);
    lambdaMax = lambdaMaxOf(matrix, weights);
  }
  const consistencyIndex = n <= 2 ? 0 : (lambdaMax - n) / (n - 1);
  const consistencyRatio = n <= 2 ? 0 : consistencyIndex / randomIndex;
  const consistent = n <= 2 || consistencyRatio < threshold;

  const warnings = [...parsed.warnings];
  if (parsed.missing > 0) {
    warnings.push(
      `${fn}: ${parsed.missing} missing ${parsed.missing === 1 ? 'judgment was' : 'judgments were'} completed by Harker's method (wᵢ / wⱼ); the consistency ratio is that of the completed matrix`,
    );
  }

  let diagnosis: AhpJudgmentDiagnosis[] = [];
  if (!consistent) {
    // εᵢⱼ + 1/εᵢⱼ − 2 over all pairs: n (λmax − n) for the eigenvector and the mean-ratio λmax.
    const terms: { i: number; j: number; epsilon: number; term: number }[] = [];
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const epsilon = (matrix[i]![j]! * weights[j]!) / weights[i]!;
        terms.push({ i, j, epsilon, term: epsilon + 1 / epsilon - 2 });
      }
    }
    const total = sum(terms.map((t) => t.term));
    diagnosis = terms
      .filter(({ i, j }) => parsed.matrix[i]![j] !== null)
      .sort((a, b) => b.term - a.term || a.i - b.i || a.j - b.j)
      .map(({ i, j, epsilon, term }) => {
        const consistentValue = weights[i]! / weights[j]!;
        return {
          row: i,
          column: j,
          rowLabel: labels[i]!,
          columnLabel: labels[j]!,
          value: matrix[i]![j]!,
          consistentValue,
          nearestScaleValue: nearestScaleValue(consistentValue),
          deviationRatio: epsilon,
          contribution: total > 0 ? term / total : 0,
        };
      });
    const worst = diagnosis[0];
    warnings.push(
      `${fn}: the consistency ratio is ${consistencyRatio.toFixed(3)}, not below ${threshold}: revise the judgments${
        worst === undefined
          ? ''
          : `, starting with ${cellName(worst.row, worst.column, labels, labelled)} = ${formatJudgment(worst.value)} (consistent with the weights: ${formatJudgment(worst.consistentValue)}; nearest scale value ${formatJudgment(worst.nearestScaleValue)})`
      }`,
    );
  }

  return {
    method: 'ahp',
    priorityMethod: method,
    n,
    labels: [...labels],
    weights,
    lambdaMax,
    consistencyIndex,
    randomIndex,
    consistencyRatio,
    consistencyThreshold: threshold,
    consistent,
    randomIndexTable: { source: table.source, values: [...table.values] },
    matrix,
    completed: parsed.missing > 0,
    missing: parsed.missing,
    diagnosis,
    warnings,
  };
}

/** A judgment for a message: whole numbers and unit fractions exactly ("1/3"), others to 3 digits. */
function formatJudgment(value: number): string {
  const rounded = Math.round(value);
  if (Math.abs(value - rounded) < 1e-9 * Math.max(1, value)) return String(rounded);
  const inverse = Math.round(1 / value);
  if (inverse > 1 && Math.abs(1 / value - inverse) < 1e-9 * inverse) return `1/${inverse}`;
  return value.toPrecision(3);
}

/**
 * Priority weights of an AHP pairwise-comparison matrix, with Saaty's consistency ratio
 * CR = CI / RI(n), where CI = (λmax − n) / (n − 1) and RI(n) comes from a random-index table.
 * A CR at or above 0.10 is reported in `warnings` with a diagnosis of the judgments, not thrown.
 *
 * Priorities: the principal (Perron) eigenvector of A, scaled to sum to 1 (default; ml-matrix's
 * general real eigen-decomposition, with λmax its eigenvalue), the row geometric means, or the
 * means of the rows of the column-normalised matrix; for the last two λmax = (1/n) Σᵢ (A w)ᵢ / wᵢ
 * (equal to the eigenvalue when w is the eigenvector). For n ≤ 2 the matrix is consistent by
 * definition: CI = CR = 0.
 *
 * Judgments are numbers or exact strings ("3", "1/3", "0.5"); `null` marks a judgment not made.
 * A missing pair is completed by Harker's (1987) method: the Perron vector w of A with missing
 * entries set to 0 and aᵢᵢ = 1 + (missing judgments in row i), then aᵢⱼ = wᵢ / wⱼ. The completed
 * matrix has the same Perron vector and eigenvalue, so the eigenvector method reproduces Harker's.
 *
 * Diagnosis (inconsistent matrices): with εᵢⱼ = aᵢⱼ wⱼ / wᵢ, λmax − n = (1/n) Σᵢ<ⱼ (εᵢⱼ + 1/εᵢⱼ − 2),
 * so each judgment's share of the inconsistency is exact; each is listed with the value wᵢ / wⱼ that
 * would agree with the weights, and that value rounded to Saaty's scale (Saaty 2003).
 *
 * References: Saaty, T. L. (1980). The Analytic Hierarchy Process. McGraw-Hill. Saaty, T. L. (2003).
 * Decision-making with the AHP: why is the principal eigenvector necessary. European Journal of
 * Operational Research 145, 85–91. Harker, P. T. (1987). Incomplete pairwise comparisons in the
 * analytic hierarchy process. Mathematical Modelling 9(11), 837–848. Crawford, G. & Williams, C.
 * (1985). A note on the analysis of subjective judgment matrices. Journal of Mathematical
 * Psychology 29, 387–405.
 *
 * @param matrix square, positive, reciprocal matrix (a[i][j] = 1 / a[j][i]) of numbers, strings such
 * as "1/3" or `null`, or `{ labels, matrix }`
 * @throws {TypeError} when the matrix or a judgment is of the wrong kind
 * @throws {RangeError} when the matrix is not square, not positive or not reciprocal, its diagonal is
 * not 1, missing judgments leave items unconnected, or the random-index table has no value for n
 * @example ahp([[1, 3, 5], [1/3, 1, 3], [1/5, 1/3, 1]]).weights // ≈ [0.6370, 0.2583, 0.1047]
 */
export function ahp(matrix: PairwiseInput, options: AhpOptions = {}): AhpResult {
  const settings = ahpSettings('ahp', options);
  return ahpOfParsed('ahp', parsePairwise('ahp', matrix, options), settings);
}
