export type { CsvProgress, ReadCsvOptions } from './read-csv.js';
export { readCsv } from './read-csv.js';
