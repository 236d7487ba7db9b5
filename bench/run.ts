// Runs every benchmark and prints one table of times, references and ratios against the targets.
// `npm run bench` (tsx bench/run.ts); always exits 0, a failed benchmark is reported in the table.
//
// The TypeScript side is measured on a build of the benchmarks (tsup, the package's own bundler,
// into bench/.data/build/) run by plain `node`, as the published package runs. Under tsx, its
// module loader invalidates V8's ArrayBufferDetaching protector, after which every typed-array
// access also checks for a detached buffer: 15–25% slower here, a cost of the dev loader, not of
// the library. `npm run bench -- --tsx` measures the TypeScript sources under tsx instead.

import { join } from 'node:path';
import { build } from 'tsup';
import { type CorrelationResult, correlationRows } from './correlation.js';
import { type DriversResult, driversRows } from './drivers.js';
import { type PcaBenchResult, pcaRows } from './pca.js';
import { type ReadCsvResult, readCsvRows } from './read-csv.js';
import { BENCH_DIR, child, DATA_DIR, HEADER, machine, table } from './support.js';

const BUILD_DIR = join(DATA_DIR, 'build');

async function scripts(underTsx: boolean) {
  if (underTsx) {
    return {
      correlation: join(BENCH_DIR, 'correlation.ts'),
      readCsv: join(BENCH_DIR, 'read-csv.ts'),
      pca: join(BENCH_DIR, 'pca.ts'),
      drivers: join(BENCH_DIR, 'drivers.ts'),
      execArgv: process.execArgv,
      how: 'TypeScript sources under tsx',
    };
  }
  await build({
    entry: {
      correlation: join(BENCH_DIR, 'correlation.ts'),
      'read-csv': join(BENCH_DIR, 'read-csv.ts'),
      pca: join(BENCH_DIR, 'pca.ts'),
      drivers: join(BENCH_DIR, 'drivers.ts'),
    },
    outDir: BUILD_DIR,
    format: ['esm'],
    platform: 'node',
    target: 'node20',
    splitting: false,
    sourcemap: false,
    dts: false,
    clean: true,
    silent: true,
    config: false,
    skipNodeModulesBundle: true,
  });
  return {
    correlation: join(BUILD_DIR, 'correlation.js'),
    readCsv: join(BUILD_DIR, 'read-csv.js'),
    pca: join(BUILD_DIR, 'pca.js'),
    drivers: join(BUILD_DIR, 'drivers.js'),
    execArgv: [],
    how: 'tsup build of bench/ and src/, plain node',
  };
}

function failure(what: string, error: unknown): string[] {
  return [
    what,
    `FAILED: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
    '',
    '',
    '',
    '',
  ];
}

async function main(): Promise<void> {
  const started = performance.now();
  const m = machine();
  const run = await scripts(process.argv.includes('--tsx'));
  const rows: string[][] = [];
  let numpy = '?';
  let pandas = '?';

  process.stderr.write(`correlation (${run.how}) …\n`);
  try {
    const results = child(run.correlation, ['--json'], 900, run.execArgv) as CorrelationResult[];
    numpy = results[0]?.numpyVersion ?? numpy;
    rows.push(...correlationRows(results));
  } catch (error) {
    rows.push(failure('correlation', error));
  }

  process.stderr.write(`readCsv (${run.how}) …\n`);
  try {
    const result = child(run.readCsv, ['--json'], 900, run.execArgv) as ReadCsvResult;
    pandas = result.pandasVersion;
    rows.push(...readCsvRows(result));
  } catch (error) {
    rows.push(failure('readCsv', error));
  }

  process.stderr.write(`pca (${run.how}) …\n`);
  try {
    rows.push(...pcaRows(child(run.pca, ['--json'], 900, run.execArgv) as PcaBenchResult[]));
  } catch (error) {
    rows.push(failure('pca', error));
  }

  process.stderr.write(`drivers (${run.how}) …\n`);
  let statsmodels = '?';
  try {
    const results = child(run.drivers, ['--json'], 900, run.execArgv) as DriversResult[];
    for (const result of results) {
      if ('statsmodelsVersion' in result) statsmodels = result.statsmodelsVersion;
    }
    rows.push(...driversRows(results));
  } catch (error) {
    rows.push(failure('drivers', error));
  }

  console.log(
    [
      '',
      `satisfaction-analytics benchmarks, ${m.date}: ${m.cpus} CPUs (nproc), ${m.cpu}, Node ${m.node},`,
      `numpy ${numpy}, pandas ${pandas}, statsmodels ${statsmodels}. TypeScript side: ${run.how}.`,
      'Times: best / median of the timed runs after a warm-up; a target is met when both ratios',
      '(best / best, median / median) are within it.',
      '',
      table(HEADER, rows),
      '',
      `(${((performance.now() - started) / 1000).toFixed(0)} s in all)`,
    ].join('\n'),
  );
}

main()
  .catch((error: unknown) => console.error(error))
  .finally(() => {
    process.exitCode = 0;
  });
