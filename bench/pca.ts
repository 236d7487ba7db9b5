// Benchmark: pca(data) with every score and the composite, against the same work in numpy.
//
// Both sides read the same column-major float64 file (bench/data.ts) and compute, in memory, what
// pca(data) returns by default (bench/pca.py lists the numpy steps): the correlation matrix, its
// eigen-decomposition with the sign rule, proportions, the components with eigenvalue > 1, loadings
// and communalities, KMO and Bartlett's test, the component scores of every respondent, the composite
// score and its 0–100 rescaling. Timing as in bench/correlation.ts: best and median of several runs
// after a warm-up, two alternating rounds (numpy, TypeScript, numpy, TypeScript), each in a fresh
// process. The two sides must agree: eigenvalues and composite scores within 1e-10.
//
//   npx tsx bench/pca.ts                          a table
//   npx tsx bench/pca.ts --json                   one JSON line (for bench/run.ts)
//   … --case I --typescript NUMPY_OUT             one TypeScript round (a child process)

import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { pca } from '../src/pca/pca.js';
import { DATA_DIR, itemColumns, likertBinary, readBinary, type Variant } from './data.js';
import {
  bestMedian,
  child,
  isMain,
  numpyCasesMain,
  python,
  ratios,
  type Timing,
  timeRuns,
  timing,
} from './support.js';

export interface PcaCase {
  readonly name: string;
  readonly n: number;
  readonly p: number;
  readonly variant: Variant;
  /** Largest allowed ratio TypeScript / numpy, or null for a figure without a target. */
  readonly target: number | null;
  /** Timed runs per side and round. */
  readonly reps: number;
  /** Components to keep (every score computed for each); default Kaiser's rule, as `pca`. */
  readonly components?: number;
}

export interface PcaBenchResult {
  readonly name: string;
  readonly n: number;
  readonly p: number;
  readonly variant: Variant;
  readonly target: number | null;
  readonly retained: number;
  readonly typescript: Timing;
  readonly numpy: Timing;
  /** Best TypeScript time / best numpy time. */
  readonly ratio: number;
  /** Largest relative difference of the eigenvalues and of the composite scores. */
  readonly maxDifference: number;
  readonly numpyVersion: string;
}

export const PCA_CASES: readonly PcaCase[] = [
  {
    name: 'PCA with scores and composite, Likert 1–5',
    n: 1_000_000,
    p: 20,
    variant: 'likert',
    target: 1.2,
    reps: 5,
  },
  {
    name: 'PCA with scores and composite, Likert 1–5',
    n: 100_000,
    p: 50,
    variant: 'likert',
    target: 1.5,
    reps: 15,
  },
  {
    name: 'PCA with every component scored, Likert 1–5',
    n: 1_000_000,
    p: 20,
    variant: 'likert',
    target: null,
    reps: 5,
    components: 20,
  },
];

const SEED = 20240611;
const ROUNDS = 2;

/** The TypeScript side of one round, in this process. */
function typescriptRound(
  c: PcaCase,
  numpyOut: string,
): { times: number[]; maxDifference: number; retained: number } {
  const columns = itemColumns(c.n, c.p, SEED, c.variant);
  const options = c.components === undefined ? {} : { components: c.components };
  const { result, times } = timeRuns(c.reps, () => pca(columns, options));
  const expected = readBinary(numpyOut);
  let maxDifference = 0;
  const compare = (actual: number, reference: number) => {
    const difference = Math.abs(actual - reference) / Math.max(1, Math.abs(reference));
    if (!(difference <= maxDifference)) maxDifference = difference;
  };
  const composite = result.compositeScore!;
  for (let r = 0; r < c.n; r++) compare(composite[r]!, expected[r]!);
  for (let j = 0; j < c.p; j++) compare(result.eigenvalues[j]!, expected[c.n + j]!);
  return { times, maxDifference, retained: result.retained };
}

/** One case: `ROUNDS` rounds of numpy (a Python process) then TypeScript (a fresh Node process). */
export function runPca(index: number): PcaBenchResult {
  const c = PCA_CASES[index]!;
  const path = likertBinary(c.n, c.p, SEED, c.variant);
  const out = join(DATA_DIR, `numpy-pca-${process.pid}.f64`);
  const tsTimes: number[] = [];
  const numpyTimes: number[] = [];
  let numpyVersion = '';
  let maxDifference = 0;
  let retained = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const reference = python('pca.py', [path, c.n, c.p, c.reps, out, c.components ?? 0]) as {
      numpy: string;
      times: number[];
      retained: number;
    };
    numpyVersion = reference.numpy;
    numpyTimes.push(...reference.times);
    const ts = child(process.argv[1]!, ['--case', index, '--typescript', out]) as {
      times: number[];
      maxDifference: number;
      retained: number;
    };
    if (ts.retained !== reference.retained) {
      throw new Error(`pca bench: TypeScript kept ${ts.retained} components, numpy ${reference.retained}`);
    }
    retained = ts.retained;
    tsTimes.push(...ts.times);
    maxDifference = Math.max(maxDifference, ts.maxDifference);
  }
  rmSync(out);
  const typescript = timing(tsTimes);
  const numpy = timing(numpyTimes);
  return {
    name: c.name,
    n: c.n,
    p: c.p,
    variant: c.variant,
    target: c.target,
    retained,
    typescript,
    numpy,
    ratio: typescript.best / numpy.best,
    maxDifference,
    numpyVersion,
  };
}

export function pcaRows(results: readonly PcaBenchResult[]): string[][] {
  return results.map((r) => [
    `${r.name}, ${r.n.toLocaleString('en-US')} × ${r.p} (${r.retained} kept)`,
    bestMedian(r.typescript),
    `numpy ${bestMedian(r.numpy)}`,
    ...ratios(r.typescript, r.numpy, r.target),
    `${r.maxDifference <= 1e-10 ? 'yes' : 'NO'}, max rel. Δ = ${r.maxDifference.toExponential(1)}`,
  ]);
}

if (isMain(import.meta.url)) {
  numpyCasesMain(PCA_CASES, typescriptRound, runPca, pcaRows);
}
