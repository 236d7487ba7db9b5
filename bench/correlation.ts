// Benchmark: moments(data).correlation() against numpy.corrcoef on identical data.
//
// Both sides read the same column-major float64 file (bench/data.ts), so they see the same numbers;
// each side is timed in memory (file reading excluded), best of several runs after a warm-up, in
// two alternating rounds (numpy, TypeScript, numpy, TypeScript), each in a fresh process, so that
// a burst of load on the machine hits both. The two correlation matrices must agree to 1e-10.
//
//   npx tsx bench/correlation.ts                          a table
//   npx tsx bench/correlation.ts --json                   one JSON line (used by bench/run.ts)
//   … --case I --typescript NUMPY_OUT                     one TypeScript round (a child process)

import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { moments } from '../src/index.js';
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

export interface CorrelationCase {
  readonly name: string;
  readonly n: number;
  readonly p: number;
  readonly variant: Variant;
  /** Largest allowed ratio TypeScript / numpy, or null for a figure without a target. */
  readonly target: number | null;
  /** Timed runs per side and round. */
  readonly reps: number;
}

export interface CorrelationResult {
  readonly name: string;
  readonly n: number;
  readonly p: number;
  readonly variant: Variant;
  readonly target: number | null;
  readonly typescript: Timing;
  readonly numpy: Timing;
  /** Best TypeScript time / best numpy time. */
  readonly ratio: number;
  /** max |r_ts − r_numpy| over the matrix. */
  readonly maxDifference: number;
  readonly numpyVersion: string;
}

export const CORRELATION_CASES: readonly CorrelationCase[] = [
  { name: 'correlation, Likert 1–5', n: 1_000_000, p: 50, variant: 'likert', target: 1.5, reps: 3 },
  { name: 'correlation, Likert 1–5', n: 100_000, p: 20, variant: 'likert', target: 2, reps: 15 },
  {
    name: 'correlation, continuous (float kernel)',
    n: 1_000_000,
    p: 50,
    variant: 'continuous',
    target: null,
    reps: 2,
  },
  {
    name: 'correlation, 0.5% missing (listwise)',
    n: 1_000_000,
    p: 50,
    variant: 'missing',
    target: null,
    reps: 2,
  },
];

const SEED = 20240611;
const ROUNDS = 2;

/**
 * The TypeScript side of one round, in this process: loads the data, one warm-up call, `reps`
 * timed calls, and the largest difference from numpy's matrix in `numpyOut`.
 */
function typescriptRound(c: CorrelationCase, numpyOut: string): { times: number[]; maxDifference: number } {
  const columns = itemColumns(c.n, c.p, SEED, c.variant);
  const { result, times } = timeRuns(c.reps, () => moments(columns).correlation());
  const expected = readBinary(numpyOut);
  let maxDifference = 0;
  for (let i = 0; i < c.p; i++) {
    for (let j = 0; j < c.p; j++) {
      const difference = Math.abs(result[i]![j]! - expected[i * c.p + j]!);
      if (!(difference <= maxDifference)) maxDifference = difference;
    }
  }
  return { times, maxDifference };
}

/**
 * One case: `ROUNDS` rounds of numpy (a Python process) then TypeScript (a fresh Node process), so
 * that both sides meet the same state of the machine and no JIT state carries over.
 */
export function runCorrelation(index: number): CorrelationResult {
  const c = CORRELATION_CASES[index]!;
  const path = likertBinary(c.n, c.p, SEED, c.variant);
  const out = join(DATA_DIR, `numpy-correlation-${process.pid}.f64`);
  const tsTimes: number[] = [];
  const numpyTimes: number[] = [];
  let numpyVersion = '';
  let maxDifference = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const reference = python('correlation.py', [
      path,
      c.n,
      c.p,
      c.reps,
      out,
      ...(c.variant === 'missing' ? ['--listwise'] : []),
    ]) as { numpy: string; times: number[] };
    numpyVersion = reference.numpy;
    numpyTimes.push(...reference.times);
    const ts = child(process.argv[1]!, ['--case', index, '--typescript', out]) as {
      times: number[];
      maxDifference: number;
    };
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
    typescript,
    numpy,
    ratio: typescript.best / numpy.best,
    maxDifference,
    numpyVersion,
  };
}

export function correlationRows(results: readonly CorrelationResult[]): string[][] {
  return results.map((r) => [
    `${r.name}, ${r.n.toLocaleString('en-US')} × ${r.p}`,
    bestMedian(r.typescript),
    `numpy.corrcoef ${bestMedian(r.numpy)}`,
    ...ratios(r.typescript, r.numpy, r.target),
    `${r.maxDifference <= 1e-10 ? 'yes' : 'NO'}, max |Δr| = ${r.maxDifference.toExponential(1)}`,
  ]);
}

if (isMain(import.meta.url)) {
  numpyCasesMain(CORRELATION_CASES, typescriptRound, runCorrelation, correlationRows);
}
