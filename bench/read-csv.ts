// Benchmark: readCsv (satisfaction-analytics/node) against pandas.read_csv on the same file, and
// csv-parse (a streaming CSV parser, as a dependency we could have used) for docs/dependencies.md.
//
// The file: 1,000,000 respondents × 20 items q1…q20, 1–5 answers, 2% empty cells, written once by
// bench/data.ts. Times: the whole read, file to columns, best of several runs after a warm-up (the
// file is then in the page cache for both sides), two rounds alternating with pandas, each in a
// fresh process. Memory: peak RSS growth of a fresh process reading the file once; the numeric
// data are 1e6 × 20 × 8 = 160 MB.
//
//   npx tsx bench/read-csv.ts              a table
//   npx tsx bench/read-csv.ts --json       one JSON line (used by bench/run.ts)
//   … --time FILE REPS                     one round of timed reads (a child process)
//   … --memory FILE | --csv-parse FILE     one read in a fresh process: time, peak RSS growth

import { createReadStream, statSync } from 'node:fs';
import { parse } from 'csv-parse';
import { defineSurvey } from '../src/index.js';
import { readCsv } from '../src/node/index.js';
import { likertCsv } from './data.js';
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
  timing,
} from './support.js';

export const CSV_ROWS = 1_000_000;
export const CSV_ITEMS = 20;
const SEED = 20240611;
const MISSING = 0.02;
const ROUNDS = 2;
const REPS = 6;
/** csv-parse gets one run, stopped after this long. */
const CSV_PARSE_SECONDS = 120;

const survey = defineSurvey({
  scale: { min: 1, max: 5 },
  items: Array.from({ length: CSV_ITEMS }, (_, j) => ({ id: `q${j + 1}` })),
});

export interface ReadCsvResult {
  readonly rows: number;
  readonly items: number;
  readonly fileBytes: number;
  /** Bytes of the numeric data: rows × items × 8. */
  readonly dataBytes: number;
  readonly typescript: Timing;
  readonly pandas: Timing;
  readonly ratio: number;
  /** Best time of one read in a fresh process (cold JIT, fresh memory), each side. */
  readonly typescriptOnce: number;
  readonly pandasOnce: number;
  /** Largest peak RSS growth of those reads. */
  readonly typescriptGrowth: number;
  readonly pandasGrowth: number;
  /** Whether both sides read the same rows, missing cells and column sums. */
  readonly agree: boolean;
  readonly pandasVersion: string;
  /** One csv-parse read into Float64Array columns; null when it did not finish in time. */
  readonly csvParse: { seconds: number; growth: number; agree: boolean } | null;
}

interface OneRead {
  seconds: number;
  growth: number;
}

interface PandasTimes {
  pandas: string;
  times: number[];
  rows: number;
  missing: number;
  sums: number[];
}

/** Rows, missing cells and column sums (NaN skipped) of the columns read. */
function summary(columns: readonly Float64Array[]): { rows: number; missing: number; sums: number[] } {
  let missing = 0;
  const sums = columns.map((column) => {
    let sum = 0;
    for (let i = 0; i < column.length; i++) {
      const value = column[i]!;
      if (Number.isNaN(value)) missing++;
      else sum += value;
    }
    return sum;
  });
  return { rows: columns[0]?.length ?? 0, missing, sums };
}

function sameSummary(a: ReturnType<typeof summary>, b: { rows: number; missing: number; sums: number[] }) {
  return (
    a.rows === b.rows &&
    a.missing === b.missing &&
    a.sums.length === b.sums.length &&
    a.sums.every((sum, j) => sum === b.sums[j])
  );
}

async function readColumns(path: string): Promise<Float64Array[]> {
  const responses = await readCsv(path, survey);
  return responses.items.map((id) => responses.column(id));
}

/** csv-parse, streaming, each record into growing Float64Array columns (empty cell = NaN). */
async function csvParseColumns(path: string): Promise<Float64Array[]> {
  let capacity = 1024;
  let columns = Array.from({ length: CSV_ITEMS }, () => new Float64Array(capacity));
  let rows = 0;
  const parser = createReadStream(path).pipe(parse({ from_line: 2 }));
  for await (const record of parser as AsyncIterable<string[]>) {
    if (rows === capacity) {
      capacity *= 2;
      columns = columns.map((column) => {
        const grown = new Float64Array(capacity);
        grown.set(column);
        return grown;
      });
    }
    for (let j = 0; j < CSV_ITEMS; j++) {
      const cell = record[j]!;
      columns[j]![rows] = cell === '' ? Number.NaN : Number(cell);
    }
    rows++;
  }
  return columns.map((column) => column.subarray(0, rows));
}

/** One read in this (fresh) process: seconds, peak RSS growth and the summary. */
async function measureOnce(path: string, read: (path: string) => Promise<Float64Array[]>) {
  const before = rss();
  const start = performance.now();
  const columns = await read(path);
  const elapsed = (performance.now() - start) / 1000;
  const growth = peakRss() - before;
  return { seconds: elapsed, growth, ...summary(columns) };
}

/** The TypeScript side of one round, in this process: one warm-up read, then `reps` timed reads. */
async function typescriptRound(path: string, reps: number) {
  let columns = await readColumns(path); // warm-up
  const times: number[] = [];
  for (let r = 0; r < reps; r++) {
    const start = performance.now();
    columns = await readColumns(path);
    times.push((performance.now() - start) / 1000);
  }
  return { times, ...summary(columns) };
}

export async function runReadCsv(): Promise<ReadCsvResult> {
  const path = likertCsv(CSV_ROWS, CSV_ITEMS, SEED, MISSING);
  const size = statSync(path).size;
  const tsTimes: number[] = [];
  const pandasTimes: number[] = [];
  let reference: PandasTimes | null = null;
  let agree = true;
  // Rounds of pandas (a Python process), then readCsv (a fresh Node process).
  for (let round = 0; round < ROUNDS; round++) {
    process.stderr.write(`  pandas.read_csv, round ${round + 1} …\n`);
    reference = python('read_csv.py', ['time', path, REPS]) as PandasTimes;
    pandasTimes.push(...reference.times);
    process.stderr.write(`  readCsv, round ${round + 1} …\n`);
    const ts = child(process.argv[1]!, ['--time', path, REPS]) as ReturnType<typeof summary> & {
      times: number[];
    };
    tsTimes.push(...ts.times);
    agree &&= sameSummary(ts, reference);
  }

  // One read in a fresh process, twice each side: the usual use, and the peak memory.
  process.stderr.write('  one read in a fresh process: readCsv, pandas …\n');
  const once = { typescript: [] as OneRead[], pandas: [] as OneRead[] };
  for (let round = 0; round < ROUNDS; round++) {
    once.typescript.push(child(process.argv[1]!, ['--memory', path]) as OneRead);
    once.pandas.push(python('read_csv.py', ['memory', path]) as OneRead);
  }
  process.stderr.write(`  csv-parse (one run, at most ${CSV_PARSE_SECONDS} s) …\n`);
  const csvParse = child(process.argv[1]!, ['--csv-parse', path], CSV_PARSE_SECONDS) as
    | (ReturnType<typeof summary> & { seconds: number; growth: number })
    | null;

  const typescript = timing(tsTimes);
  const pandas = timing(pandasTimes);
  return {
    rows: CSV_ROWS,
    items: CSV_ITEMS,
    fileBytes: size,
    dataBytes: CSV_ROWS * CSV_ITEMS * 8,
    typescript,
    pandas,
    ratio: typescript.best / pandas.best,
    typescriptOnce: Math.min(...once.typescript.map((read) => read.seconds)),
    pandasOnce: Math.min(...once.pandas.map((read) => read.seconds)),
    typescriptGrowth: Math.max(...once.typescript.map((read) => read.growth)),
    pandasGrowth: Math.max(...once.pandas.map((read) => read.growth)),
    agree,
    pandasVersion: reference?.pandas ?? '',
    csvParse:
      csvParse === null
        ? null
        : {
            seconds: csvParse.seconds,
            growth: csvParse.growth,
            agree: reference !== null && sameSummary(csvParse, reference),
          },
  };
}

export function readCsvRows(r: ReadCsvResult): string[][] {
  const name = `readCsv, ${r.rows.toLocaleString('en-US')} × ${r.items} CSV (${megabytes(r.fileBytes)})`;
  const memoryLimit = 2 * r.dataBytes;
  return [
    [
      `${name}: time`,
      bestMedian(r.typescript),
      `pandas.read_csv ${bestMedian(r.pandas)}`,
      ...ratios(r.typescript, r.pandas, 1),
      r.agree ? 'yes: rows, missing cells, column sums' : 'NO',
    ],
    [
      `${name}: one read in a fresh process`,
      seconds(r.typescriptOnce),
      `pandas.read_csv ${seconds(r.pandasOnce)}`,
      `${(r.typescriptOnce / r.pandasOnce).toFixed(2)}×`,
      '(no target)',
      '',
    ],
    [
      `${name}: peak RSS growth`,
      megabytes(r.typescriptGrowth),
      `pandas.read_csv ${megabytes(r.pandasGrowth)}`,
      `${(r.typescriptGrowth / r.dataBytes).toFixed(2)}× data`,
      `< ${megabytes(memoryLimit)} ${r.typescriptGrowth < memoryLimit ? 'met' : 'MISSED'}`,
      '',
    ],
    [
      'csv-parse 6 → Float64Array columns, one read in a fresh process',
      r.csvParse === null
        ? `> ${CSV_PARSE_SECONDS} s`
        : `${seconds(r.csvParse.seconds)}, ${megabytes(r.csvParse.growth)} peak RSS growth`,
      '',
      r.csvParse === null ? '' : `${(r.csvParse.seconds / r.typescriptOnce).toFixed(2)}× readCsv's`,
      '(figure for docs/dependencies.md)',
      r.csvParse === null ? '' : r.csvParse.agree ? 'yes' : 'NO',
    ],
  ];
}

if (isMain(import.meta.url)) {
  const mode = process.argv[2];
  const file = process.argv[3];
  if ((mode === '--memory' || mode === '--csv-parse') && file !== undefined) {
    const result = await measureOnce(file, mode === '--memory' ? readColumns : csvParseColumns);
    console.log(JSON.stringify(result));
  } else if (mode === '--time' && file !== undefined) {
    console.log(JSON.stringify(await typescriptRound(file, Number(process.argv[4]))));
  } else {
    process.stderr.write('readCsv …\n');
    const result = await runReadCsv();
    if (mode === '--json') {
      console.log(JSON.stringify(result));
    } else {
      const m = machine();
      console.log(`${m.date}, ${m.cpus} CPUs, ${m.cpu}, Node ${m.node}, pandas ${result.pandasVersion}`);
      console.log(table(HEADER, readCsvRows(result)));
    }
  }
}
