import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { formatValue } from '../errors.js';
import { type CsvOptions, CsvReader } from '../survey/csv.js';
import type { Survey } from '../survey/define-survey.js';
import type { Responses } from '../survey/responses.js';
import type { SurveyDefinitionInput } from '../survey/schema.js';

/** Progress of {@link readCsv}, reported once per chunk read. */
export interface CsvProgress {
  readonly bytesRead: number;
  /** The file size, or `null` when reading a stream of unknown length. */
  readonly totalBytes: number | null;
  readonly rowsRead: number;
}

/** Options of {@link readCsv}: those of `parseCsv`, plus a progress callback and the chunk size. */
export interface ReadCsvOptions extends CsvOptions {
  readonly onProgress?: (progress: CsvProgress) => void;
  /** Bytes read at a time from a file path. Default 4 MiB. */
  readonly chunkSize?: number;
}

/**
 * Streams a CSV file (a path) or a readable byte stream into `Responses` under a survey
 * definition, with memory bounded by the numeric columns being built plus one chunk: the file is
 * never held whole. Parsing rules are those of `parseCsv`.
 *
 * @throws {SurveyDataError} for invalid cells (under `invalid: 'error'`) or defined columns absent from the header
 * @example
 * const responses = await readCsv('survey.csv', survey, { onProgress: (p) => console.error(p.rowsRead) });
 */
export async function readCsv(
  source: string | URL | Readable,
  survey: Survey | SurveyDefinitionInput,
  options: ReadCsvOptions = {},
): Promise<Responses> {
  const path = typeof source === 'string' || source instanceof URL ? source : null;
  if (path === null && !(source !== null && typeof source === 'object' && Symbol.asyncIterator in source)) {
    throw new TypeError(
      `readCsv: source must be a file path, a URL or a readable stream; got ${formatValue(source)}`,
    );
  }
  const totalBytes = path === null ? null : (await stat(path)).size;
  // Validate the survey and options before a file is opened, so that an error leaves none open.
  const reader = new CsvReader('readCsv', survey, options, totalBytes ?? 0);
  const stream: AsyncIterable<unknown> =
    path === null
      ? (source as Readable)
      : createReadStream(path, { highWaterMark: options.chunkSize ?? 4 * 1024 * 1024 });
  let bytesRead = 0;
  for await (const chunk of stream) {
    const bytes =
      typeof chunk === 'string'
        ? new TextEncoder().encode(chunk)
        : chunk instanceof Uint8Array
          ? chunk
          : new Uint8Array(chunk as ArrayBuffer);
    reader.push(bytes);
    bytesRead += bytes.length;
    options.onProgress?.({ bytesRead, totalBytes, rowsRead: reader.rows });
  }
  return reader.end();
}
