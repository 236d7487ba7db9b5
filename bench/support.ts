// Shared helpers of the benchmarks: timing, the Python side, child processes, machine facts.

import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** bench/, whether this runs from source (tsx) or from the build in bench/.data/build/. */
const here = dirname(fileURLToPath(import.meta.url));
export const BENCH_DIR = basename(here) === 'build' ? resolve(here, '../..') : here;

/** bench/.data/ (gitignored): generated data and the build of the benchmarks. */
export const DATA_DIR = join(BENCH_DIR, '.data');

/** Debian's interpreter, with python3-numpy and python3-pandas. */
export const PYTHON = '/usr/bin/python3';

/** Times in seconds of repeated runs, with their best (minimum) and median. */
export interface Timing {
  readonly times: readonly number[];
  readonly best: number;
  readonly median: number;
}

export function timing(times: readonly number[]): Timing {
  const sorted = [...times].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  const median =
    sorted.length % 2 === 1 ? sorted[Math.floor(middle)]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { times, best: sorted[0] ?? Number.NaN, median: sorted.length === 0 ? Number.NaN : median };
}

/** Parses the last line of a child's standard output as JSON. */
function lastJsonLine(stdout: string, what: string): unknown {
  const line = stdout.trim().split('\n').at(-1);
  if (line === undefined || line === '') throw new Error(`${what}: no output`);
  return JSON.parse(line);
}

/** Runs a Python script of bench/ and returns the JSON it prints last. */
export function python(script: string, args: readonly (string | number)[], timeoutSeconds = 600): unknown {
  const result = spawnSync(PYTHON, [join(BENCH_DIR, script), ...args.map(String)], {
    encoding: 'utf8',
    timeout: timeoutSeconds * 1000,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error !== undefined) throw result.error;
  if (result.status !== 0) throw new Error(`${script} failed (${result.status}): ${result.stderr.trim()}`);
  return lastJsonLine(result.stdout, script);
}

/**
 * Runs a script in a fresh Node process (by default the way this one runs: same loader flags;
 * default heap limits) and returns the JSON it prints last, or `null` when it does not finish in
 * time.
 */
export function child(
  script: string,
  args: readonly (string | number)[],
  timeoutSeconds = 600,
  execArgv: readonly string[] = process.execArgv,
): unknown {
  const result = spawnSync(process.execPath, [...execArgv, script, ...args.map(String)], {
    encoding: 'utf8',
    timeout: timeoutSeconds * 1000,
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (result.error !== undefined && (result.error as NodeJS.ErrnoException).code === 'ETIMEDOUT') return null;
  if (result.signal === 'SIGTERM') return null;
  if (result.error !== undefined) throw result.error;
  if (result.status !== 0) throw new Error(`${script} ${args.join(' ')} failed (${result.status})`);
  return lastJsonLine(result.stdout, script);
}

/** RSS of this process in bytes, now. */
export function rss(): number {
  return process.memoryUsage.rss();
}

/**
 * Peak RSS of this process so far, in bytes: VmHWM of /proc/self/status. Not getrusage's maxRSS,
 * which a child process inherits from its parent on Linux (it would report the parent's peak).
 */
export function peakRss(): number {
  const match = /^VmHWM:\s*(\d+)\s*kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
  return match === null ? Number.NaN : Number(match[1]) * 1024;
}

/** The facts a measured number needs: date, CPUs, CPU model, Node version. */
export function machine(): { date: string; cpus: number; cpu: string; node: string } {
  let cpu = 'unknown CPU';
  try {
    const match = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (match !== null) cpu = match[1]!.trim();
  } catch {
    // not Linux: keep 'unknown CPU'
  }
  return {
    date: new Date().toISOString().slice(0, 10),
    cpus: availableParallelism(),
    cpu,
    node: process.version,
  };
}

/** Whether this file is the script Node was started with (not imported). */
export function isMain(url: string): boolean {
  return process.argv[1] !== undefined && fileURLToPath(url) === process.argv[1];
}

export function seconds(value: number): string {
  if (!Number.isFinite(value)) return '—';
  return value < 0.1 ? `${(value * 1000).toFixed(2)} ms` : `${value.toFixed(3)} s`;
}

/** The best and the median time of a {@link Timing}: `best / median`. */
export function bestMedian(t: Timing): string {
  return `${seconds(t.best)} / ${seconds(t.median)}`;
}

/**
 * Times a synchronous call in this process: one warm-up call, then `reps` timed calls. Returns the
 * seconds of each timed call and the result of the last.
 */
export function timeRuns<T>(reps: number, run: () => T): { result: T; times: number[] } {
  let result = run(); // warm-up
  const times: number[] = [];
  for (let r = 0; r < reps; r++) {
    const start = performance.now();
    result = run();
    times.push((performance.now() - start) / 1000);
  }
  return { result, times };
}

export function megabytes(bytes: number): string {
  return Number.isFinite(bytes) ? `${(bytes / 1e6).toFixed(0)} MB` : '—';
}

/** A Markdown table, columns padded so that it also reads well in a terminal. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((row) => (row[c] ?? '').length)));
  const line = (cells: readonly string[]) =>
    `| ${cells.map((cell, c) => cell.padEnd(widths[c]!)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

/** Columns of every benchmark table. */
export const HEADER = [
  'Benchmark',
  'TypeScript best / median',
  'Reference best / median',
  'Ratio best / median',
  'Target',
  'Same result',
];

/** The ratios of the best and of the median times, and whether both are within `target`. */
export function ratios(ours: Timing, reference: Timing, target: number | null): [string, string] {
  const best = ours.best / reference.best;
  const median = ours.median / reference.median;
  const text = `${best.toFixed(2)}× / ${median.toFixed(2)}×`;
  if (target === null) return [text, '(no target)'];
  return [text, `≤ ${target}× ${best <= target && median <= target ? 'met' : 'MISSED'}`];
}

/** A case of a benchmark that is timed against numpy: its name and the size of its data. */
export interface NumpyCase {
  readonly name: string;
  readonly n: number;
  readonly p: number;
}

/**
 * The command line of a benchmark that times each of `cases` against numpy. With
 * `--case I --typescript NUMPY_OUT`, one TypeScript round of case I in this (child) process, its JSON
 * printed; otherwise every case in turn (progress on standard error), the results printed as one
 * JSON line with `--json` (for bench/run.ts), else as a table after the machine facts.
 */
export function numpyCasesMain<C extends NumpyCase, R extends { readonly numpyVersion: string }>(
  cases: readonly C[],
  round: (c: C, numpyOut: string) => unknown,
  run: (index: number) => R,
  rows: (results: readonly R[]) => string[][],
): void {
  const at = process.argv.indexOf('--case');
  const typescript = process.argv.indexOf('--typescript');
  if (at !== -1 && typescript !== -1) {
    const c = cases[Number(process.argv[at + 1])]!;
    console.log(JSON.stringify(round(c, process.argv[typescript + 1]!)));
    return;
  }
  const results: R[] = [];
  cases.forEach((c, i) => {
    process.stderr.write(`${c.name}, ${c.n} × ${c.p} …\n`);
    results.push(run(i));
  });
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(results));
  } else {
    const m = machine();
    console.log(`${m.date}, ${m.cpus} CPUs, ${m.cpu}, Node ${m.node}, numpy ${results[0]?.numpyVersion}`);
    console.log(table(HEADER, rows(results)));
  }
}
