import { readFileSync } from 'node:fs';
import { parseCsv } from '../../src/index.js';
import type { Responses } from '../../src/survey/responses.js';

const root = new URL('../../', import.meta.url);

/**
 * A numeric column of a published data set in ../shared/data (the folder beside the checkout, as
 * in CI): mobi.csv or bank_satisfaction.csv, whose header names are quoted.
 */
export function sharedColumn(file: string, column: string): number[] {
  const [header, ...lines] = readFileSync(new URL(`../shared/data/${file}`, root), 'utf8')
    .trim()
    .split('\n');
  const index = header!.split(',').indexOf(`"${column}"`);
  if (index === -1) throw new Error(`sharedColumn: no column ${column} in ${file}`);
  return lines.map((line) => Number(line.split(',')[index]));
}

let sample: Responses | undefined;

/** The bundled sample survey, parsed once with its definition. */
export function bankSample(): Responses {
  sample ??= parseCsv(
    readFileSync(new URL('examples/data/bank-survey.csv', root), 'utf8'),
    JSON.parse(readFileSync(new URL('examples/data/bank-survey.survey.json', root), 'utf8')),
  );
  return sample;
}

/** The reference values of test/fixtures/r/stats.json (made by stats.R), typed by each test. */
export function statsFixture<T>(): T {
  return JSON.parse(readFileSync(new URL('test/fixtures/r/stats.json', root), 'utf8')) as T;
}

/** Where a descriptive fixture case of stats.R takes its values from. */
export interface DescriptiveSource {
  readonly source: 'mobi' | 'bank_satisfaction' | 'attitude' | 'sample' | 'inline';
  readonly column: string;
  readonly values?: number[];
  readonly weights?: number[];
}

/**
 * The values (and, for the bundled sample, the weights of the respondents who answered) of a
 * descriptive fixture case, as R read them.
 */
export function caseData(
  c: DescriptiveSource,
  attitude: { readonly items: readonly string[]; readonly columns: readonly number[][] },
): { values: number[]; weights: number[] | undefined } {
  switch (c.source) {
    case 'mobi':
      return { values: sharedColumn('mobi.csv', c.column), weights: undefined };
    case 'bank_satisfaction':
      return { values: sharedColumn('bank_satisfaction.csv', c.column), weights: undefined };
    case 'attitude':
      return { values: attitude.columns[attitude.items.indexOf(c.column)]!, weights: undefined };
    case 'sample': {
      const sample = bankSample();
      const column = sample.column(c.column);
      const answered = [...column.keys()].filter((i) => !Number.isNaN(column[i]!));
      return { values: answered.map((i) => column[i]!), weights: answered.map((i) => sample.weights![i]!) };
    }
    case 'inline':
      return { values: c.values!, weights: c.weights };
  }
}
