// Benchmark data: deterministic Likert answers, written once to bench/.data/ and shared with the
// Python references, so that both sides see exactly the same numbers.

import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';

import { DATA_DIR } from './support.js';

export { DATA_DIR };

/** Part of every file name: bump it when the generator changes, so stale files are not reused. */
const GENERATOR = 'g1';

/**
 * A seeded generator of uniform numbers in [0, 1): mulberry32 (Tommy Ettinger, public domain),
 * 32-bit state, the same sequence on every machine and every run.
 */
export function uniform(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Answers of `n` respondents to `p` items on a 1–5 scale from a one-factor model: a respondent's
 * latent satisfaction s and an item noise e (each the sum of three uniforms, centred), answer =
 * clamp(round(3 + 2.8 · (λⱼ s + (1 − λⱼ) e)), 1, 5), with loadings λⱼ from 0.3 to 0.8. A fraction
 * `missing` of the answers is NaN. Returned column-major: item j is `[j · n, (j + 1) · n)`.
 */
export function likertColumns(n: number, p: number, seed: number, missing = 0): Float64Array {
  const next = uniform(seed);
  const out = new Float64Array(n * p);
  const loadings = Array.from({ length: p }, (_, j) => 0.3 + (0.5 * (j % 6)) / 5);
  for (let r = 0; r < n; r++) {
    const s = next() + next() + next() - 1.5;
    for (let j = 0; j < p; j++) {
      const e = next() + next() + next() - 1.5;
      const l = loadings[j]!;
      const answer = Math.round(3 + 2.8 * (l * s + (1 - l) * e));
      out[j * n + r] = missing > 0 && next() < missing ? Number.NaN : Math.min(5, Math.max(1, answer));
    }
  }
  return out;
}

function ensureDir(): void {
  if (!existsSync(DATA_DIR)) mkdirSync(DATA_DIR, { recursive: true });
}

/**
 * What a benchmark data set holds: `likert` whole-number answers (complete), `continuous` the same
 * answers plus a uniform offset in ±0.25 (no longer whole numbers: the general floating-point
 * kernel), `missing` Likert answers of which 0.5% are missing (NaN).
 */
export type Variant = 'likert' | 'continuous' | 'missing';

/** The data of a {@link Variant}, column-major, deterministic for a seed. */
export function variantColumns(n: number, p: number, seed: number, variant: Variant): Float64Array {
  const data = likertColumns(n, p, seed, variant === 'missing' ? 0.005 : 0);
  if (variant === 'continuous') {
    const next = uniform(seed ^ 0x5bd1e995);
    for (let i = 0; i < data.length; i++) data[i] = data[i]! + (next() - 0.5) / 2;
  }
  return data;
}

/**
 * The path of the column-major float64 file (little-endian, item j at offset j · n · 8) of
 * `variantColumns(n, p, seed, variant)`, written on first use. numpy reads it as
 * `np.fromfile(path, '<f8').reshape(p, n)`: one row per variable, the layout `np.corrcoef` expects.
 */
export function likertBinary(n: number, p: number, seed: number, variant: Variant = 'likert'): string {
  ensureDir();
  const path = join(DATA_DIR, `${variant}-${n}x${p}-seed${seed}-${GENERATOR}.f64`);
  if (existsSync(path) && statSync(path).size === n * p * 8) return path;
  const data = variantColumns(n, p, seed, variant);
  const fd = openSync(`${path}.partial`, 'w');
  const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  const step = 64 * 1024 * 1024;
  for (let offset = 0; offset < bytes.length; offset += step) {
    writeSync(fd, bytes, offset, Math.min(step, bytes.length - offset));
  }
  closeSync(fd);
  // Renamed only when complete, so an interrupted run never leaves a truncated file behind.
  renameSync(`${path}.partial`, path);
  return path;
}

/**
 * Reads a little-endian float64 file into one Float64Array: a file written by {@link likertBinary}
 * (column-major), or the numbers a Python reference wrote for comparison.
 */
export function readBinary(path: string): Float64Array {
  const buffer = readFileSync(path);
  if (buffer.byteOffset % 8 === 0) {
    return new Float64Array(buffer.buffer, buffer.byteOffset, buffer.byteLength / 8);
  }
  const out = new Float64Array(buffer.byteLength / 8);
  new Uint8Array(out.buffer).set(buffer);
  return out;
}

/**
 * The data of `likertBinary(n, p, seed, variant)` as a table of named columns q1 … qp: views into
 * the one buffer read from the file (no copy).
 */
export function itemColumns(
  n: number,
  p: number,
  seed: number,
  variant: Variant,
): Record<string, Float64Array> {
  const data = readBinary(likertBinary(n, p, seed, variant));
  const columns: Record<string, Float64Array> = {};
  for (let j = 0; j < p; j++) columns[`q${j + 1}`] = data.subarray(j * n, (j + 1) * n);
  return columns;
}

/**
 * The path of a CSV of `n` respondents × `p` items named q1…qp (1–5 answers, a fraction `missing`
 * of empty cells, `\n` line ends), written on first use.
 */
export function likertCsv(n: number, p: number, seed: number, missing: number): string {
  ensureDir();
  const path = join(DATA_DIR, `survey-${n}x${p}-seed${seed}-${GENERATOR}.csv`);
  if (existsSync(path) && statSync(path).size > 0) return path;
  const data = likertColumns(n, p, seed, missing);
  const fd = openSync(`${path}.partial`, 'w');
  writeSync(fd, `${Array.from({ length: p }, (_, j) => `q${j + 1}`).join(',')}\n`);
  const rowsPerWrite = 20_000;
  for (let start = 0; start < n; start += rowsPerWrite) {
    const lines: string[] = [];
    for (let r = start; r < Math.min(n, start + rowsPerWrite); r++) {
      const cells = new Array<string>(p);
      for (let j = 0; j < p; j++) {
        const value = data[j * n + r]!;
        cells[j] = Number.isNaN(value) ? '' : String(value);
      }
      lines.push(cells.join(','));
    }
    writeSync(fd, `${lines.join('\n')}\n`);
  }
  closeSync(fd);
  // Renamed only when complete, so an interrupted run never leaves a truncated file behind.
  renameSync(`${path}.partial`, path);
  return path;
}
