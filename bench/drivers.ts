// Benchmark: driver analysis. (1) The exact Shapley (LMG) decomposition of R² for 15, 20 and 25
// drivers, relativeImportance(moments, …) against numpy's batched per-subset solves on the same
// correlation matrix, with the memory each uses. (2) OLS with full inference on 1,000,000 × 20,
// regress(columns, …) against statsmodels' OLS(...).fit() with its summary quantities, and
// numpy.linalg.lstsq as a floor.
//
// As in bench/correlation.ts: the same data on both sides (a correlation matrix written to
// bench/.data/, or the column-major file of bench/data.ts), each side timed in memory, best of several
// runs after a warm-up, in two alternating rounds (Python, then TypeScript in a fresh Node process),
// and a check that both got the same result.
//
//   npx tsx bench/drivers.ts                          a table
//   npx tsx bench/drivers.ts --json                   one JSON line (for bench/run.ts)
//   npx tsx bench/drivers.ts --numpy25                also time numpy at 25 drivers (several minutes)
//   … --shapley P REPS NUMPY_OUT | --ols REPS NUMPY_OUT   one TypeScript round (a child process)

import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { regress } from '../src/drivers/regress.js';
import { relativeImportance } from '../src/drivers/relative-importance.js';
import { Moments } from '../src/stats/moments.js';
import { DATA_DIR, itemColumns, likertBinary, readBinary, uniform } from './data.js';
import {
  bestMedian,
  child,
  HEADER,
  isMain,
  machine,
  megabytes,
  peakRss,
  python,
  ratios,
  rss,
  seconds,
  type Timing,
  table,
  timeRuns,
  timing,
} from './support.js';

export interface ShapleyCase {
  readonly p: number;
  /** Largest accepted time in seconds (best and median). */
  readonly target: number;
  readonly reps: number;
  readonly numpyReps: number;
  /** Whether numpy runs by default (at 25 drivers it takes minutes). */
  readonly numpyByDefault: boolean;
}

export const SHAPLEY_CASES: readonly ShapleyCase[] = [
  { p: 15, target: 0.02, reps: 30, numpyReps: 3, numpyByDefault: true },
  { p: 20, target: 0.5, reps: 10, numpyReps: 1, numpyByDefault: true },
  { p: 25, target: 20, reps: 3, numpyReps: 1, numpyByDefault: false },
];

export const OLS_CASE = { n: 1_000_000, p: 20, reps: 5, target: 1 / 3 } as const;

export interface ShapleyResult {
  readonly kind: 'shapley';
  readonly p: number;
  readonly target: number;
  readonly typescript: Timing;
  /** Peak RSS growth of the TypeScript process over its runs, bytes. */
  readonly typescriptPeakRss: number;
  /** The kernel's working arrays: (p + 1)³ + (p + 1)² + p(p + 1) doubles, bytes. */
  readonly workingMemory: number;
  readonly numpy: Timing | null;
  readonly numpyPeakRss: number | null;
  /** max |Δ| / max |importance| against numpy; null without numpy. */
  readonly maxDifference: number | null;
  readonly numpyVersion: string | null;
}

export interface OlsResult {
  readonly kind: 'ols';
  readonly n: number;
  readonly p: number;
  readonly target: number;
  readonly typescript: Timing;
  readonly statsmodels: Timing;
  readonly lstsq: Timing;
  /** Largest relative difference of the coefficients and standard errors from statsmodels'. */
  readonly maxDifference: number;
  readonly statsmodelsVersion: string;
  readonly numpyVersion: string;
}

export type DriversResult = ShapleyResult | OlsResult;

const SEED = 20240611;
const ROUNDS = 2;

/**
 * The population correlation matrix of a one-factor model, drivers first and the outcome last:
 * loadings λ from 0.3 to 0.8 drawn with mulberry32 (seeded by p), rᵢⱼ = λᵢ λⱼ.
 */
export function oneFactorCorrelation(p: number): Float64Array {
  const next = uniform(SEED + p);
  const loadings = Array.from({ length: p + 1 }, () => 0.3 + 0.5 * next());
  const size = p + 1;
  const out = new Float64Array(size * size);
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) out[i * size + j] = i === j ? 1 : loadings[i]! * loadings[j]!;
  }
  return out;
}

function correlationFile(p: number): string {
  const path = join(DATA_DIR, `shapley-correlation-p${p}-seed${SEED}.f64`);
  if (!existsSync(path)) {
    mkdirSync(DATA_DIR, { recursive: true });
    const matrix = oneFactorCorrelation(p);
    writeFileSync(path, new Uint8Array(matrix.buffer));
  }
  return path;
}

const driverNames = (p: number) => Array.from({ length: p }, (_, j) => `x${j + 1}`);

/** Moments that carry a given correlation matrix (1,000 nominal respondents, unit variances). */
function momentsOf(correlation: Float64Array, p: number): Moments {
  const size = p + 1;
  const n = 1000;
  return Moments.fromJSON({
    type: 'moments',
    version: 1,
    items: [...driverNames(p), 'y'],
    missing: 'listwise',
    weighted: false,
    rowsRead: n,
    dropped: 0,
    count: new Array<number>(size * size).fill(n),
    sumWeights: new Array<number>(size * size).fill(n),
    means: new Array<number>(size * size).fill(0),
    sumSquares: new Array<number>(size * size).fill(n - 1),
    comoments: Array.from(correlation, (r) => r * (n - 1)),
  });
}

function shapleyRound(p: number, reps: number, numpyOut: string | null) {
  const m = momentsOf(oneFactorCorrelation(p), p);
  const options = { outcome: 'y', drivers: driverNames(p) };
  const before = rss();
  const { result, times } = timeRuns(reps, () => relativeImportance(m, options));
  const peak = peakRss() - before;
  let maxDifference: number | null = null;
  if (numpyOut !== null && existsSync(numpyOut)) {
    const expected = readBinary(numpyOut).subarray(0, p);
    const scale = Math.max(...Array.from(expected, Math.abs));
    maxDifference = Math.max(...result.drivers.map((d, j) => Math.abs(d.importance - expected[j]!) / scale));
  }
  return { times, peak, maxDifference };
}

function olsRound(reps: number, numpyOut: string) {
  const { n, p } = OLS_CASE;
  const columns = itemColumns(n, p + 1, SEED, 'likert');
  const options = { outcome: 'q1', drivers: Array.from({ length: p }, (_, j) => `q${j + 2}`) };
  const { result, times } = timeRuns(reps, () => regress(columns, options));
  const expected = readBinary(numpyOut);
  let maxDifference = 0;
  result.coefficients.forEach((c, k) => {
    maxDifference = Math.max(
      maxDifference,
      Math.abs(c.estimate - expected[k]!) / Math.abs(expected[k]!),
      Math.abs(c.standardError - expected[p + 1 + k]!) / expected[p + 1 + k]!,
    );
  });
  return { times, maxDifference };
}

/** One Shapley case: ROUNDS rounds of numpy (when it runs) then TypeScript in a fresh process. */
export function runShapley(index: number, withNumpy: boolean): ShapleyResult {
  const c = SHAPLEY_CASES[index]!;
  const path = correlationFile(c.p);
  const out = join(DATA_DIR, `numpy-shapley-${process.pid}.f64`);
  const tsTimes: number[] = [];
  const numpyTimes: number[] = [];
  let tsPeak = 0;
  let numpyPeak: number | null = null;
  let numpyVersion: string | null = null;
  let maxDifference: number | null = null;
  for (let round = 0; round < ROUNDS; round++) {
    if (withNumpy) {
      const reference = python('drivers.py', ['shapley', path, c.p, c.numpyReps, out], 3600) as {
        numpy: string;
        times: number[];
        peakRssGrowth: number;
      };
      numpyTimes.push(...reference.times);
      numpyPeak = Math.max(numpyPeak ?? 0, reference.peakRssGrowth);
      numpyVersion = reference.numpy;
    }
    const ts = child(process.argv[1]!, ['--shapley', c.p, c.reps, withNumpy ? out : '-']) as {
      times: number[];
      peak: number;
      maxDifference: number | null;
    };
    tsTimes.push(...ts.times);
    tsPeak = Math.max(tsPeak, ts.peak);
    if (ts.maxDifference !== null) maxDifference = Math.max(maxDifference ?? 0, ts.maxDifference);
  }
  if (existsSync(out)) rmSync(out);
  const size = c.p + 1;
  return {
    kind: 'shapley',
    p: c.p,
    target: c.target,
    typescript: timing(tsTimes),
    typescriptPeakRss: tsPeak,
    workingMemory: 8 * (size * size * size + size * size + c.p * size),
    numpy: withNumpy ? timing(numpyTimes) : null,
    numpyPeakRss: numpyPeak,
    maxDifference,
    numpyVersion,
  };
}

/** The OLS case: ROUNDS rounds of statsmodels and lstsq (one Python process) then TypeScript. */
export function runOls(): OlsResult {
  const { n, p, reps, target } = OLS_CASE;
  const path = likertBinary(n, p + 1, SEED, 'likert');
  const out = join(DATA_DIR, `statsmodels-ols-${process.pid}.f64`);
  const tsTimes: number[] = [];
  const smTimes: number[] = [];
  const lstsqTimes: number[] = [];
  let maxDifference = 0;
  let statsmodelsVersion = '';
  let numpyVersion = '';
  for (let round = 0; round < ROUNDS; round++) {
    const reference = python('drivers.py', ['ols', path, n, p, reps, out], 1800) as {
      numpy: string;
      statsmodels: string;
      times: number[];
      lstsqTimes: number[];
    };
    smTimes.push(...reference.times);
    lstsqTimes.push(...reference.lstsqTimes);
    statsmodelsVersion = reference.statsmodels;
    numpyVersion = reference.numpy;
    const ts = child(process.argv[1]!, ['--ols', reps, out]) as { times: number[]; maxDifference: number };
    tsTimes.push(...ts.times);
    maxDifference = Math.max(maxDifference, ts.maxDifference);
  }
  rmSync(out);
  return {
    kind: 'ols',
    n,
    p,
    target,
    typescript: timing(tsTimes),
    statsmodels: timing(smTimes),
    lstsq: timing(lstsqTimes),
    maxDifference,
    statsmodelsVersion,
    numpyVersion,
  };
}

/** Every driver benchmark: the three Shapley cases (numpy at 25 only with `numpy25`), then OLS. */
export function runDrivers(numpy25 = false): DriversResult[] {
  const results: DriversResult[] = [];
  SHAPLEY_CASES.forEach((c, i) => {
    process.stderr.write(`exact Shapley, ${c.p} drivers …\n`);
    results.push(runShapley(i, c.numpyByDefault || numpy25));
  });
  process.stderr.write(`OLS, ${OLS_CASE.n} × ${OLS_CASE.p} …\n`);
  results.push(runOls());
  return results;
}

function absoluteTarget(ours: Timing, target: number): string {
  const met = ours.best <= target && ours.median <= target;
  return `< ${seconds(target)} ${met ? 'met' : 'MISSED'}`;
}

/** Table rows (bench/support.ts HEADER) for bench/run.ts. */
export function driversRows(results: readonly DriversResult[]): string[][] {
  const rows: string[][] = [];
  for (const r of results) {
    if (r.kind === 'shapley') {
      const memory = `peak RSS +${megabytes(r.typescriptPeakRss)} (kernel arrays ${(r.workingMemory / 1024).toFixed(0)} KB)`;
      rows.push([
        `exact Shapley (LMG), ${r.p} drivers (2^${r.p} subsets)`,
        `${bestMedian(r.typescript)}, ${memory}`,
        r.numpy === null
          ? 'numpy batched solves: not run (--numpy25)'
          : `numpy batched solves ${bestMedian(r.numpy)}, peak RSS +${megabytes(r.numpyPeakRss ?? Number.NaN)}`,
        r.numpy === null ? '—' : ratios(r.typescript, r.numpy, null)[0],
        absoluteTarget(r.typescript, r.target),
        r.maxDifference === null
          ? '(no reference)'
          : `${r.maxDifference <= 1e-10 ? 'yes' : 'NO'}, max |Δ| / max = ${r.maxDifference.toExponential(1)}`,
      ]);
    } else {
      const same = `${r.maxDifference <= 1e-8 ? 'yes' : 'NO'}, coefficients and SEs max rel. Δ = ${r.maxDifference.toExponential(1)}`;
      rows.push([
        `OLS with full inference, ${r.n.toLocaleString('en-US')} × ${r.p}`,
        bestMedian(r.typescript),
        `statsmodels OLS().fit() + summary ${bestMedian(r.statsmodels)}`,
        ...ratios(r.typescript, r.statsmodels, r.target).map((text) =>
          text.replace('≤ 0.3333333333333333×', '≤ 1/3×'),
        ),
        same,
      ] as string[]);
      rows.push([
        `OLS, ${r.n.toLocaleString('en-US')} × ${r.p}, against a coefficients-only floor`,
        bestMedian(r.typescript),
        `numpy.linalg.lstsq ${bestMedian(r.lstsq)}`,
        ratios(r.typescript, r.lstsq, null)[0],
        '(no target)',
        '',
      ]);
    }
  }
  return rows;
}

if (isMain(import.meta.url)) {
  const shapleyAt = process.argv.indexOf('--shapley');
  const olsAt = process.argv.indexOf('--ols');
  if (shapleyAt !== -1) {
    const [p, reps, out] = process.argv.slice(shapleyAt + 1, shapleyAt + 4);
    console.log(JSON.stringify(shapleyRound(Number(p), Number(reps), out === '-' ? null : out!)));
  } else if (olsAt !== -1) {
    const [reps, out] = process.argv.slice(olsAt + 1, olsAt + 3);
    console.log(JSON.stringify(olsRound(Number(reps), out!)));
  } else {
    const results = runDrivers(process.argv.includes('--numpy25'));
    if (process.argv.includes('--json')) {
      console.log(JSON.stringify(results));
    } else {
      const m = machine();
      const ols = results.find((r): r is OlsResult => r.kind === 'ols');
      console.log(
        `${m.date}, ${m.cpus} CPUs, ${m.cpu}, Node ${m.node}, numpy ${ols?.numpyVersion}, statsmodels ${ols?.statsmodelsVersion}`,
      );
      console.log(table(HEADER, driversRows(results)));
    }
  }
}
