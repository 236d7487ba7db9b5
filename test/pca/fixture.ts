import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { PcaComponents, PcaResult } from '../../src/pca/pca.js';
import type { SurveyData } from '../../src/survey/data.js';
import { bankSample } from '../helpers/data.js';
import { expectAllClose } from '../helpers/expect-close.js';

/** One case of test/fixtures/r/pca.json (made by test/fixtures/r/pca.R). */
export interface PcaReference {
  readonly name: string;
  readonly source: 'attitude' | 'USJudgeRatings' | 'mtcars' | 'bfi' | 'sample';
  readonly items: string[];
  readonly options: {
    readonly basis: 'correlation' | 'covariance';
    readonly missing: 'listwise' | 'pairwise';
    readonly components: PcaComponents;
    readonly rotation: 'none' | 'varimax';
    readonly weighted: boolean;
  };
  readonly n: number;
  readonly dropped: number;
  readonly scored: number;
  readonly eigenvalues: number[];
  readonly proportion: number[];
  readonly cumulative: number[];
  readonly retained: number;
  readonly eigenvectors: number[][];
  readonly loadings: number[][];
  readonly communalities: number[];
  readonly kmo: { overall: number; items: number[] };
  readonly bartlett: { chiSquare: number; df: number; pValue: number; sampleSize: number };
  readonly compositeWeights: number[];
  /** 0-based rows of `scores`, `compositeScore`, … */
  readonly scoreRows: number[];
  readonly scores: (number[] | null)[];
  readonly compositeScore: (number | null)[];
  readonly scaledCompositeScore: (number | null)[];
  readonly compositeRange: { min: number; max: number };
  readonly prcompScores?: (number[] | null)[];
  readonly prcompSdev?: number[];
  readonly rotated?: {
    readonly loadings: number[][];
    readonly rotationMatrix: number[][];
    readonly sumsOfSquares: number[];
    readonly convergedLoadings: number[][];
    readonly convergedRotationMatrix: number[][];
    readonly continuations: number;
    readonly scores: (number[] | null)[];
    readonly psychLoadings: number[][];
    /** psych::principal(eps = 1e-14): the rotation iterated to convergence. */
    readonly psychConvergedLoadings: number[][];
    readonly psychScores?: (number[] | null)[];
  };
}

export interface PcaFixture {
  readonly data: Record<'attitude' | 'USJudgeRatings' | 'mtcars' | 'bfi', Record<string, (number | null)[]>>;
  readonly cases: PcaReference[];
  readonly kmoRaw: {
    readonly attitude: { overall: number; items: number[]; chiSquare: number; df: number; pValue: number };
    readonly bfi: {
      overall: number;
      items: number[];
      chiSquare: number;
      df: number;
      pValue: number;
      n: number;
    };
  };
  readonly small: {
    readonly correlation: number[][];
    readonly kmo: number;
    readonly bartlett: number;
    readonly loadings: number[][];
    readonly varimax: number[][];
  };
}

export const fixture = JSON.parse(
  readFileSync(new URL('../fixtures/r/pca.json', import.meta.url), 'utf8'),
) as PcaFixture;

/** The data of a case as R read them (the bundled sample parsed with its survey definition). */
export function caseData(reference: PcaReference): SurveyData {
  return reference.source === 'sample' ? bankSample() : fixture.data[reference.source];
}

/** The options that reproduce a case. */
export function caseOptions(reference: PcaReference) {
  const o = reference.options;
  return {
    items: reference.items,
    basis: o.basis,
    missing: o.missing,
    components: o.components,
    rotation: o.rotation,
    ...(reference.source === 'sample' && !o.weighted ? { weights: false as const } : {}),
  };
}

/** Per-respondent arrays by component, read as rows (`null` for a row with no scores). */
export function rowsOf(columns: Readonly<Record<string, (number | null)[]>>, rows: readonly number[]) {
  const values = Object.values(columns);
  return rows.map((r) => {
    const row = values.map((column) => column[r]!);
    return row.some((value) => value === null) ? null : (row as number[]);
  });
}

export type { PcaResult };

/** Per-respondent values compared element by element, `null` (not scored) only matching `null`. */
export function expectNullableClose(
  actual: readonly unknown[],
  expected: readonly unknown[],
  tolerance: number,
  label: string,
): void {
  expect(actual.length, `${label} length`).toBe(expected.length);
  expected.forEach((value, i) => {
    if (value === null) expect(actual[i], `${label}[${i}]`).toBeNull();
    else expectAllClose(actual[i], value, tolerance, `${label}[${i}]`);
  });
}
