import { readFileSync } from 'node:fs';
import { bankSample } from '../helpers/data.js';

/** The five SERVQUAL dimensions of the bundled sample, in questionnaire order. */
export const DIMENSIONS = ['tangibles', 'reliability', 'responsiveness', 'assurance', 'empathy'] as const;

/**
 * The bundled sample as drivers.R reads it: `overall` and, per dimension, each respondent's mean of
 * the perception items answered (NaN when none was answered), with the survey weights.
 */
export function bankDimensionMeans(): { columns: Record<string, number[]>; weights: number[] } {
  const sample = bankSample();
  const columns: Record<string, number[]> = { overall: Array.from(sample.column('overall')) };
  for (const dimension of DIMENSIONS) {
    const items = sample.dimension(dimension).filter((id) => id.startsWith('p_'));
    const values = items.map((id) => sample.column(id));
    columns[dimension] = Array.from({ length: sample.n }, (_, r) => {
      let total = 0;
      let count = 0;
      for (const column of values) {
        if (!Number.isNaN(column[r]!)) {
          total += column[r]!;
          count++;
        }
      }
      return count === 0 ? Number.NaN : total / count;
    });
  }
  return { columns, weights: Array.from(sample.weights!) };
}

/** The bundled sample's `overall` and its 22 perception items (reverse coding applied). */
export function bankItems(): Record<string, number[]> {
  const sample = bankSample();
  const columns: Record<string, number[]> = { overall: Array.from(sample.column('overall')) };
  for (const id of sample.items.filter((item) => item.startsWith('p_'))) {
    columns[id] = Array.from(sample.column(id));
  }
  return columns;
}

export interface RegressionReference {
  readonly name: string;
  readonly source: string;
  readonly outcome: string;
  readonly drivers: string[];
  readonly weighted: boolean;
  readonly n: number;
  readonly dropped: number;
  readonly df: number;
  readonly rSquared: number;
  readonly adjustedRSquared: number;
  readonly fStatistic: number;
  readonly fPValue: number;
  readonly residualStandardError: number;
  readonly terms: string[];
  readonly estimate: number[];
  readonly standardError: number[];
  readonly tValue: number[];
  readonly pValue: number[];
  readonly lower: number[];
  readonly upper: number[];
  readonly standardized: number[];
  readonly vif: number[];
}

export interface ImportanceReference {
  readonly name: string;
  readonly source: string;
  readonly outcome: string;
  readonly drivers: string[];
  readonly weighted: boolean;
  readonly n: number;
  readonly rSquared: number;
  readonly lmg: number[];
  readonly relativeWeights: number[];
  readonly first: number[];
  readonly sign: number[];
}

export interface DriversFixture {
  readonly r: string;
  readonly car: string;
  readonly data: Record<string, Record<string, (number | null)[]>> & { mtcarsWeights: number[] };
  readonly regressions: RegressionReference[];
  readonly importances: ImportanceReference[];
  readonly performance: {
    readonly n: number;
    readonly drivers: string[];
    readonly mean: number[];
    readonly weightedMean: number[];
    readonly topTwoBox: number[];
    readonly weightedTopTwoBox: number[];
  };
  readonly cholesky: {
    readonly matrix: number[][];
    readonly lower: number[][];
    readonly rhs: number[];
    readonly solution: number[];
    readonly inverseDiagonal: number[];
  };
}

export const fixture = JSON.parse(
  readFileSync(new URL('../fixtures/r/drivers.json', import.meta.url), 'utf8'),
) as DriversFixture;

/** The columns and (for weighted cases) the weights of a fixture case. */
export function caseData(
  source: string,
  weighted: boolean,
): {
  columns: Record<string, ArrayLike<number | null>>;
  weights: number[] | undefined;
} {
  if (source === 'bank') {
    const bank = bankDimensionMeans();
    return { columns: bank.columns, weights: weighted ? bank.weights : undefined };
  }
  if (source === 'bank_items') {
    return { columns: bankItems(), weights: weighted ? bankDimensionMeans().weights : undefined };
  }
  const columns = fixture.data[source] as Record<string, (number | null)[]>;
  return { columns, weights: weighted ? fixture.data.mtcarsWeights : undefined };
}
