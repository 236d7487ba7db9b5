import { formatValue } from '../errors.js';
import { type Survey, toSurvey } from './define-survey.js';
import type { Responses } from './responses.js';
import { type ParseOptions, ResponsesBuilder } from './responses-builder.js';
import type { SurveyDefinitionInput } from './schema.js';

/** Options of `parseCsv` and `readCsv`. */
export interface CsvOptions extends ParseOptions {
  /** Field delimiter. Default: detected from the header line (the most frequent of `,` `;` tab). */
  readonly delimiter?: ',' | ';' | '\t';
}

const QUOTE = 34;
const LF = 10;
const CR = 13;
const MINUS = 45;
const PLUS = 43;
const DOT = 46;
const ZERO = 48;
const NINE = 57;
const POWERS_OF_TEN = Array.from({ length: 23 }, (_, k) => 10 ** k);
const decoder = new TextDecoder('utf-8');

/**
 * Reads a field of plain decimal digits (`-12`, `3.25`, `+4`) straight from bytes; NaN when the
 * field is anything else (exponent, spaces, text, more than 15 digits), so the caller falls back to
 * the text path. The integer numerator is exact (< 2^53) and 10^k is exact (k ≤ 22), so the one
 * division is correctly rounded: the result equals `Number(text)` bit for bit.
 */
function fastDecimal(bytes: Uint8Array, start: number, end: number): number {
  let p = start;
  let negative = false;
  const first = bytes[p];
  if (first === MINUS || first === PLUS) {
    negative = first === MINUS;
    p++;
  }
  if (p >= end) return Number.NaN;
  let numerator = 0;
  let digits = 0;
  let fraction = -1;
  for (; p < end; p++) {
    const b = bytes[p]!;
    if (b >= ZERO && b <= NINE) {
      numerator = numerator * 10 + (b - ZERO);
      digits++;
      if (fraction >= 0) fraction++;
    } else if (b === DOT && fraction < 0) {
      fraction = 0;
    } else {
      return Number.NaN;
    }
  }
  if (digits === 0 || digits > 15) return Number.NaN;
  const value = fraction > 0 ? numerator / POWERS_OF_TEN[fraction]! : numerator;
  return negative ? -value : value;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** Decodes bytes as UTF-8, with a quick path for short ASCII fields. */
function decode(bytes: Uint8Array, start: number, end: number): string {
  if (end - start <= 32) {
    let out = '';
    for (let p = start; p < end; p++) {
      const b = bytes[p]!;
      if (b >= 0x80) return decoder.decode(bytes.subarray(start, end));
      out += String.fromCharCode(b);
    }
    return out;
  }
  return decoder.decode(bytes.subarray(start, end));
}

/** Splits one record into its fields as text (used for the header). */
function splitRecord(bytes: Uint8Array, start: number, end: number, delimiter: number): string[] {
  const fields: string[] = [];
  let p = start;
  for (;;) {
    if (bytes[p] === QUOTE) {
      const [text, next] = readQuoted(bytes, p, end, delimiter);
      fields.push(text);
      if (next === -1) return fields;
      p = next;
    } else {
      let q = p;
      while (q < end && bytes[q] !== delimiter) q++;
      fields.push(decode(bytes, p, q));
      p = q;
    }
    if (p >= end) return fields;
    p++; // past the delimiter
    if (p === end) {
      fields.push('');
      return fields;
    }
  }
}

/**
 * Reads a quoted field starting at `start` (the opening quote): `""` is a literal quote, and
 * delimiters and line breaks inside are data. Returns the text and the index after the field,
 * which is the delimiter, `end`, or -1 when the closing quote is missing.
 */
function readQuoted(bytes: Uint8Array, start: number, end: number, delimiter: number): [string, number] {
  let text = '';
  let from = start + 1;
  let p = from;
  while (p < end) {
    if (bytes[p] === QUOTE) {
      if (bytes[p + 1] === QUOTE) {
        text += decoder.decode(bytes.subarray(from, p + 1));
        p += 2;
        from = p;
        continue;
      }
      text += decoder.decode(bytes.subarray(from, p));
      p++;
      // Anything between the closing quote and the delimiter is kept as written.
      let q = p;
      while (q < end && bytes[q] !== delimiter) q++;
      if (q > p) text += decode(bytes, p, q);
      return [text, q];
    }
    p++;
  }
  return [text + decoder.decode(bytes.subarray(from, end)), -1];
}

function detectDelimiter(headerLine: string): number {
  const counts = new Map<number, number>([
    [44, 0],
    [59, 0],
    [9, 0],
  ]);
  let inQuote = false;
  for (const char of headerLine) {
    if (char === '"') inQuote = !inQuote;
    else if (!inQuote) {
      const code = char.charCodeAt(0);
      const count = counts.get(code);
      if (count !== undefined) counts.set(code, count + 1);
    }
  }
  let best = 44;
  for (const [code, count] of counts) if (count > (counts.get(best) ?? 0)) best = code;
  return best;
}

/**
 * An incremental CSV reader: feed it byte chunks of any size with `push`, then `end` returns the
 * `Responses`. Memory is bounded by the columns being built plus one chunk. Records may span
 * chunks; quoted fields may hold delimiters, quotes (`""`) and line breaks; a UTF-8 byte-order mark
 * is skipped; lines end in LF or CRLF; blank lines are skipped and not counted as rows.
 */
export class CsvReader {
  readonly #fn: string;
  readonly #survey: Survey;
  readonly #options: CsvOptions;
  readonly #expectedBytes: number;
  #builder: ResponsesBuilder | null = null;
  #delimiter = 44;
  #fieldCount = 0;
  #numeric: Uint8Array = new Uint8Array(0);
  #read: Uint8Array = new Uint8Array(0);
  #pending: Uint8Array | null = null;
  #first = true;
  #rows = 0;

  /**
   * @param expectedBytes the input size when known, to size the columns once
   */
  constructor(
    fn: string,
    survey: Survey | SurveyDefinitionInput,
    options: CsvOptions = {},
    expectedBytes = 0,
  ) {
    this.#fn = fn;
    this.#survey = toSurvey(survey, fn);
    this.#options = options;
    this.#expectedBytes = expectedBytes;
    if (options.delimiter !== undefined && ![',', ';', '\t'].includes(options.delimiter)) {
      throw new RangeError(
        `${fn}: delimiter must be ',', ';' or a tab; got ${formatValue(options.delimiter)}`,
      );
    }
  }

  /** Data rows read so far. */
  get rows(): number {
    return this.#rows;
  }

  /** Reads the complete records of `chunk` and keeps the incomplete tail for the next one. */
  push(chunk: Uint8Array): void {
    let bytes = chunk;
    const pending = this.#pending;
    if (pending !== null) {
      this.#pending = null;
      const lineEnd = this.#first ? -1 : chunk.indexOf(LF);
      if (lineEnd === -1) {
        bytes = concat(pending, chunk);
      } else {
        // Finish the pending record with the head of this chunk, so the chunk itself is not copied;
        // if the record goes on (a quoted line break), fall back to joining the two.
        const head = concat(pending, chunk.subarray(0, lineEnd + 1));
        const consumed = this.#records(head, 0, false);
        bytes =
          consumed === head.length
            ? chunk.subarray(lineEnd + 1)
            : concat(head.subarray(consumed), chunk.subarray(lineEnd + 1));
      }
    }
    let start = 0;
    if (this.#first && bytes.length >= 3) {
      if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
      this.#first = false;
    } else if (this.#first) {
      this.#pending = bytes.slice();
      return;
    }
    const consumed = this.#records(bytes, start, false);
    if (consumed < bytes.length) this.#pending = bytes.slice(consumed);
  }

  /** Reads what is left and returns the responses. */
  end(): Responses {
    if (this.#pending !== null) {
      const bytes = this.#pending;
      this.#pending = null;
      let start = 0;
      if (this.#first && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
      this.#first = false;
      this.#records(bytes, start, true);
    }
    if (this.#builder === null) {
      throw new RangeError(`${this.#fn}: the CSV has no header line`);
    }
    return this.#builder.finish();
  }

  /** Reads records from `start`; returns the index of the first byte not consumed. */
  #records(bytes: Uint8Array, start: number, final: boolean): number {
    let p = start;
    let quoteAt = -2; // position of the next quote at or after p; -1 = none in the buffer
    const length = bytes.length;
    while (p < length) {
      if (quoteAt !== -1 && quoteAt < p) quoteAt = bytes.indexOf(QUOTE, p);
      if (quoteAt === -1 && this.#builder !== null) {
        // No quotes in the rest of the buffer: every line up to the last LF is a whole record.
        const last = bytes.lastIndexOf(LF);
        if (last >= p) {
          this.#plainRecords(bytes, p, last + 1);
          p = last + 1;
          continue;
        }
      }
      // Find the end of this record: the next LF that is not inside quotes.
      let lineEnd = bytes.indexOf(LF, p);
      if (quoteAt !== -1 && (lineEnd === -1 || quoteAt < lineEnd)) {
        let inQuote = false;
        let q = p;
        for (; q < length; q++) {
          const b = bytes[q];
          if (b === QUOTE) inQuote = !inQuote;
          else if (b === LF && !inQuote) break;
        }
        lineEnd = q < length ? q : -1;
        quoteAt = bytes.indexOf(QUOTE, lineEnd === -1 ? length : lineEnd);
      }
      if (lineEnd === -1) {
        if (!final) return p;
        lineEnd = length;
      }
      let end = lineEnd;
      if (end > p && bytes[end - 1] === CR) end--;
      if (end > p) this.#record(bytes, p, end);
      p = lineEnd + 1;
    }
    return length;
  }

  /**
   * Reads the records of [start, limit), which holds whole LF-terminated lines and no quote:
   * fields are split in the same scan that finds the line ends.
   */
  #plainRecords(bytes: Uint8Array, start: number, limit: number): void {
    const builder = this.#builder!;
    const delimiter = this.#delimiter;
    const fieldCount = this.#fieldCount;
    const numeric = this.#numeric;
    const lane = builder.directLane();
    const { low, high, reverse } = lane;
    let { buffers } = lane;
    let p = start;
    while (p < limit) {
      const first = bytes[p];
      if (first === LF) {
        p++;
        continue;
      }
      if (first === CR && bytes[p + 1] === LF) {
        p += 2;
        continue;
      }
      const reserved = this.#rows === 0 && this.#reserve(bytes.indexOf(LF, p) - p + 1);
      if (builder.beginRow() || reserved) buffers = builder.directLane().buffers;
      const row = builder.rowIndex;
      this.#rows++;
      let column = 0;
      let from = p;
      // Digits are accumulated in the same scan; a field of 1–15 plain digits is an integer read
      // exactly, anything else goes through #field.
      let value = 0;
      let digitsOnly = true;
      for (;;) {
        const b = bytes[p]!;
        if (b === delimiter || b === LF) {
          const to = b === LF && p > from && bytes[p - 1] === CR ? p - 1 : p;
          const length = p - from;
          if (digitsOnly && length > 0 && length <= 15 && column < fieldCount && numeric[column] === 1) {
            // A plain integer: stored directly when the builder's lane says it is valid as it stands.
            if (value >= low[column]! && value <= high[column]!) {
              buffers[column]![row] = reverse[column] === 1 ? low[column]! + high[column]! - value : value;
            } else {
              builder.number(column, value);
            }
          } else {
            this.#field(column, bytes, from, to);
          }
          column++;
          p++;
          if (b === LF) break;
          from = p;
          value = 0;
          digitsOnly = true;
        } else {
          const digit = b - ZERO;
          if (digit >= 0 && digit <= 9) value = value * 10 + digit;
          else digitsOnly = false;
          p++;
        }
      }
      this.#endRecord(column, false);
    }
  }

  /** Reads one record in [start, end) (line end excluded), which may hold quoted fields. */
  #record(bytes: Uint8Array, start: number, end: number): void {
    const builder = this.#builder;
    if (builder === null) {
      this.#header(bytes, start, end);
      return;
    }
    const delimiter = this.#delimiter;
    const fieldCount = this.#fieldCount;
    if (this.#rows === 0) this.#reserve(end - start + 1);
    builder.beginRow();
    this.#rows++;
    let column = 0;
    let p = start;
    let unclosed = false;
    for (;;) {
      let next: number;
      if (bytes[p] === QUOTE) {
        const [text, after] = readQuoted(bytes, p, end, delimiter);
        if (column < fieldCount && this.#read[column] === 1) builder.text(column, text);
        if (after === -1) {
          unclosed = true;
          next = end;
        } else {
          next = after;
        }
      } else {
        next = p;
        while (next < end && bytes[next] !== delimiter) next++;
        this.#field(column, bytes, p, next);
      }
      column++;
      if (next >= end) break;
      p = next + 1;
      if (p === end) {
        // A trailing delimiter: one more, empty field.
        this.#field(column, bytes, p, p);
        column++;
        break;
      }
    }
    this.#endRecord(column, unclosed);
  }

  /** Ends a record of `fields` fields: a ragged record or an unclosed quote drops the row. */
  #endRecord(fields: number, unclosed: boolean): void {
    const builder = this.#builder!;
    if (unclosed) {
      builder.dropRow('ragged_row', null, 'a quoted field is not closed');
    } else if (fields !== this.#fieldCount) {
      builder.dropRow(
        'ragged_row',
        fields,
        `expected ${this.#fieldCount} fields as in the header; got ${fields}`,
      );
    }
    builder.endRow();
  }

  /** Passes the unquoted field [from, to) of `column` to the builder: as a number when it reads as one. */
  #field(column: number, bytes: Uint8Array, from: number, to: number): void {
    if (column >= this.#fieldCount || this.#read[column] !== 1) return;
    const builder = this.#builder!;
    if (this.#numeric[column] === 1) {
      const value = fastDecimal(bytes, from, to);
      if (!Number.isNaN(value)) {
        builder.number(column, value);
        return;
      }
    }
    builder.text(column, decode(bytes, from, to));
  }

  /**
   * Sizes the columns once, from the first record's length (with its line end) and the input size;
   * true when the column buffers were reallocated.
   */
  #reserve(recordBytes: number): boolean {
    if (!(this.#expectedBytes > 0 && recordBytes > 0)) return false;
    return this.#builder!.reserve((this.#expectedBytes / recordBytes) * 1.05);
  }

  #header(bytes: Uint8Array, start: number, end: number): void {
    const line = decoder.decode(bytes.subarray(start, end));
    const delimiter = this.#options.delimiter;
    this.#delimiter = delimiter === undefined ? detectDelimiter(line) : delimiter.charCodeAt(0);
    const header = splitRecord(bytes, start, end, this.#delimiter);
    const builder = new ResponsesBuilder(this.#fn, this.#survey.definition, header, this.#options, 1024);
    this.#builder = builder;
    this.#fieldCount = header.length;
    this.#read = new Uint8Array(header.length);
    this.#numeric = new Uint8Array(header.length);
    for (const index of builder.readColumns()) {
      this.#read[index] = 1;
      this.#numeric[index] = builder.numericColumn(index) ? 1 : 0;
    }
  }
}

/**
 * Parses CSV text into `Responses` under a survey definition. Quotes, a UTF-8 byte-order mark,
 * `,` `;` and tab delimiters (detected from the header line) and CRLF line ends are handled; the
 * first line names the columns. Every cell is validated as in `survey.parse`, and rows are
 * numbered from 1 after the header.
 *
 * @throws {SurveyDataError} for invalid cells (under `invalid: 'error'`) or defined columns absent
 * from the header
 * @example
 * parseCsv('q1,q2\n5,4\n3,NA\n', { scale: { min: 1, max: 5 }, items: [{ id: 'q1' }, { id: 'q2' }] }).n; // 2
 */
export function parseCsv(
  text: string,
  survey: Survey | SurveyDefinitionInput,
  options: CsvOptions = {},
): Responses {
  if (typeof text !== 'string')
    throw new TypeError(`parseCsv: text must be a string; got ${formatValue(text)}`);
  const reader = new CsvReader('parseCsv', survey, options);
  reader.push(new TextEncoder().encode(text));
  return reader.end();
}
