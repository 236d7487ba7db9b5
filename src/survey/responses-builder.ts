import { formatValue, SurveyDataError, type SurveyIssue, type SurveyIssueCode } from '../errors.js';
import { type ParseReport, Responses } from './responses.js';
import type { SurveyDefinition } from './schema.js';

/** What to do with a cell that is neither a valid answer nor a missing code. */
export type InvalidPolicy = 'error' | 'missing' | 'drop-row';

/** Options of `survey.parse`, `parseCsv` and `readCsv`. */
export interface ParseOptions {
  /**
   * `'error'` (default): throw a `SurveyDataError` listing the invalid cells; `'missing'`: read
   * invalid answers as missing (a row with an invalid weight is dropped); `'drop-row'`: drop every
   * row with an invalid cell. Whatever the policy, the report counts what happened.
   */
  readonly invalid?: InvalidPolicy;
  /** How many issues to list in the error or report (all are counted). Default 100. */
  readonly maxIssues?: number;
}

enum Role {
  Item = 0,
  Weight = 1,
  Segment = 2,
  Id = 3,
  Ignored = 4,
}

/** How one column of the input is read. All slots share one shape so the hot path stays monomorphic. */
interface Slot {
  readonly role: Role;
  readonly name: string;
  /** Index into the item, or segment, arrays. */
  readonly target: number;
  readonly min: number;
  readonly max: number;
  readonly bounded: boolean;
  readonly integer: boolean;
  readonly reverse: boolean;
  /** Numeric missing codes, as an array: a scan of one to three codes beats a hash lookup per cell. */
  readonly numberCodes: readonly number[];
  readonly textCodes: ReadonlySet<string>;
  readonly levels: ReadonlySet<string> | null;
}

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const MAX_DROPPED_LISTED = 10_000;

/** Reads a trimmed cell as a plain decimal number; NaN when it is not one (no hex, no "Infinity"). */
export function parseDecimal(text: string): number {
  return DECIMAL.test(text) ? Number(text) : Number.NaN;
}

function splitCodes(codes: readonly (string | number)[]) {
  const numberCodes = new Set<number>();
  const textCodes = new Set<string>();
  for (const code of codes) {
    if (typeof code === 'number') {
      numberCodes.add(code);
      textCodes.add(String(code));
    } else {
      const text = code.trim();
      textCodes.add(text);
      const value = parseDecimal(text);
      // A text code that reads as a number also matches that number ("99" matches 99).
      if (!Number.isNaN(value)) numberCodes.add(value);
    }
  }
  return { numberCodes: [...numberCodes], textCodes };
}

/**
 * Accumulates validated rows into the columns of a {@link Responses}. Both input paths (rows of
 * objects and CSV) drive it cell by cell: `beginRow`, then `number` or `text` per cell, then
 * `endRow`. Cells of a row are written in place and committed only when the row is kept.
 */
export class ResponsesBuilder {
  readonly slots: readonly Slot[];
  readonly #fn: string;
  readonly #definition: SurveyDefinition;
  readonly #policy: InvalidPolicy;
  readonly #maxIssues: number;
  #capacity: number;
  #items: Float64Array[];
  #weights: Float64Array | null;
  readonly #segments: (string | null)[][];
  readonly #ids: string[] | null;
  readonly #unknownColumns: string[];

  #row = 0;
  #kept = 0;
  #drop: string | null = null;
  #rowInvalid = 0;
  #invalidAsMissing = 0;
  #issueCount = 0;
  readonly #issues: SurveyIssue[] = [];
  readonly #dropped: { row: number; reason: string }[] = [];
  readonly #droppedByReason: Record<string, number> = {};

  /**
   * @param header the input's column names, in input order
   * @param expectedRows a capacity hint (grown as needed)
   * @throws {SurveyDataError} when a defined column is absent from the header (always, whatever the policy)
   */
  constructor(
    fn: string,
    definition: SurveyDefinition,
    header: readonly string[],
    options: ParseOptions = {},
    expectedRows = 1024,
  ) {
    this.#fn = fn;
    this.#definition = definition;
    this.#policy = options.invalid ?? 'error';
    if (!['error', 'missing', 'drop-row'].includes(this.#policy)) {
      throw new RangeError(
        `${fn}: invalid must be 'error', 'missing' or 'drop-row'; got ${formatValue(this.#policy)}`,
      );
    }
    this.#maxIssues = options.maxIssues ?? 100;
    if (!Number.isInteger(this.#maxIssues) || this.#maxIssues < 0) {
      throw new RangeError(
        `${fn}: maxIssues must be a non-negative integer; got ${formatValue(options.maxIssues)}`,
      );
    }
    this.#capacity = Math.max(16, Math.ceil(expectedRows));

    const surveyCodes = splitCodes(definition.missing);
    const itemIndex = new Map(definition.items.map((item, index) => [item.id, index]));
    const segmentIndex = new Map(definition.segments.map((segment, index) => [segment.id, index]));
    const seen = new Set<string>();
    this.#unknownColumns = [];
    this.slots = header.map((rawName) => {
      const name = rawName.trim();
      const base = {
        name,
        target: -1,
        min: Number.NEGATIVE_INFINITY,
        max: Number.POSITIVE_INFINITY,
        bounded: false,
        integer: false,
        reverse: false,
        numberCodes: surveyCodes.numberCodes,
        textCodes: surveyCodes.textCodes,
        levels: null,
      };
      if (seen.has(name)) {
        throw new SurveyDataError(fn, [
          {
            code: 'duplicate_column',
            row: null,
            column: name,
            value: name,
            message: `column ${formatValue(name)} appears twice in the header`,
          },
        ]);
      }
      seen.add(name);
      const item = itemIndex.get(name);
      if (item !== undefined) {
        const def = definition.items[item]!;
        const codes = splitCodes(def.missing);
        return {
          ...base,
          role: Role.Item,
          target: item,
          min: def.scale?.min ?? Number.NEGATIVE_INFINITY,
          max: def.scale?.max ?? Number.POSITIVE_INFINITY,
          bounded: def.scale !== null,
          integer: def.scale?.integer ?? false,
          reverse: def.reverse,
          numberCodes: codes.numberCodes,
          textCodes: codes.textCodes,
        };
      }
      if (name === definition.weight) return { ...base, role: Role.Weight };
      if (name === definition.respondentId) return { ...base, role: Role.Id };
      const segment = segmentIndex.get(name);
      if (segment !== undefined) {
        const levels = definition.segments[segment]!.levels;
        return {
          ...base,
          role: Role.Segment,
          target: segment,
          levels: levels === null ? null : new Set(levels),
        };
      }
      this.#unknownColumns.push(name);
      return { ...base, role: Role.Ignored };
    });

    const absent = [
      ...definition.items.map((item) => item.id),
      ...(definition.weight === null ? [] : [definition.weight]),
      ...(definition.respondentId === null ? [] : [definition.respondentId]),
      ...definition.segments.map((segment) => segment.id),
    ].filter((id) => !seen.has(id));
    if (absent.length > 0) {
      throw new SurveyDataError(
        fn,
        absent.map((id) => ({
          code: 'missing_column' as const,
          row: null,
          column: id,
          value: null,
          message: `column ${formatValue(id)} is defined in the survey but absent from the data`,
        })),
      );
    }

    this.#items = definition.items.map(() => new Float64Array(this.#capacity));
    this.#weights = definition.weight === null ? null : new Float64Array(this.#capacity);
    this.#segments = definition.segments.map(() => []);
    this.#ids = definition.respondentId === null ? null : [];
  }

  /**
   * Grows the column buffers to hold at least `rows` rows (a capacity hint; never shrinks); true
   * when they were reallocated (see `directLane`).
   */
  reserve(rows: number): boolean {
    if (!(rows > this.#capacity)) return false;
    this.#resize(Math.ceil(rows));
    return true;
  }

  /** Indices of the header columns that are read (those the definition names). */
  readColumns(): number[] {
    const out: number[] = [];
    this.slots.forEach((slot, index) => {
      if (slot.role !== Role.Ignored) out.push(index);
    });
    return out;
  }

  /** Whether column `index` holds numbers (an item or the weight), so a reader may parse it as such. */
  numericColumn(index: number): boolean {
    const role = this.slots[index]?.role;
    return role === Role.Item || role === Role.Weight;
  }

  /**
   * A direct lane for readers' hot loops. For header column c, `buffers[c]` is the item column
   * that `number(c, x)` writes to, and an integer x with `low[c] ≤ x ≤ high[c]` is a valid answer
   * there: on the scale and not a missing code (`low` > `high` for columns without such a lane:
   * not an item, or a missing code lies on the scale). Such a cell may be stored directly as
   * `buffers[c][rowIndex] = reverse[c] ? low[c] + high[c] − x : x`; every other cell must go
   * through `number` or `text`. The buffers change when `beginRow` returns true.
   */
  directLane(): {
    readonly buffers: readonly (Float64Array | null)[];
    readonly low: Float64Array;
    readonly high: Float64Array;
    readonly reverse: Uint8Array;
  } {
    const low = new Float64Array(this.slots.length).fill(Number.POSITIVE_INFINITY);
    const high = new Float64Array(this.slots.length).fill(Number.NEGATIVE_INFINITY);
    const reverse = new Uint8Array(this.slots.length);
    const buffers = this.slots.map((slot, c) => {
      if (slot.role !== Role.Item) return null;
      if (slot.numberCodes.some((code) => code >= slot.min && code <= slot.max)) return null;
      low[c] = slot.min;
      high[c] = slot.max;
      reverse[c] = slot.reverse ? 1 : 0;
      return this.#items[slot.target]!;
    });
    return { buffers, low, high, reverse };
  }

  /** The index at which the current row's cells are stored (rows kept so far). */
  get rowIndex(): number {
    return this.#kept;
  }

  /** Starts the next data row; true when the column buffers were reallocated (see `directLane`). */
  beginRow(): boolean {
    this.#row++;
    this.#drop = null;
    this.#rowInvalid = 0;
    if (this.#kept === this.#capacity) {
      this.#grow();
      return true;
    }
    return false;
  }

  /** Reads a numeric cell of column `column` (index into the header). */
  number(column: number, value: number): void {
    const slot = this.slots[column]!;
    switch (slot.role) {
      case Role.Item:
        this.#items[slot.target]![this.#kept] = this.#answer(slot, value, value);
        return;
      case Role.Weight:
        this.#weight(slot, value, value);
        return;
      case Role.Segment:
      case Role.Id:
        this.text(column, String(value));
        return;
      default:
        return;
    }
  }

  /** Reads a text cell of column `column`: a missing code, a number written as text, or a label. */
  text(column: number, raw: string): void {
    const slot = this.slots[column]!;
    const text = raw.trim();
    switch (slot.role) {
      case Role.Item:
        this.#items[slot.target]![this.#kept] = slot.textCodes.has(text)
          ? Number.NaN
          : this.#answer(slot, parseDecimal(text), raw);
        return;
      case Role.Weight:
        this.#weight(slot, slot.textCodes.has(text) ? Number.NaN : parseDecimal(text), raw);
        return;
      case Role.Segment: {
        let value: string | null = text;
        if (slot.textCodes.has(text)) value = null;
        else if (slot.levels !== null && !slot.levels.has(text)) {
          this.#invalid(
            'invalid_segment',
            slot,
            raw,
            `must be one of ${[...slot.levels].map(formatValue).join(', ')}`,
          );
          value = null;
        }
        this.#segments[slot.target]![this.#kept] = value;
        return;
      }
      case Role.Id:
        this.#ids![this.#kept] = text;
        return;
      default:
        return;
    }
  }

  /** Drops the current row for a structural reason (e.g. a ragged CSV record), with an issue. */
  dropRow(code: SurveyIssueCode, value: unknown, message: string): void {
    this.#record({ code, row: this.#row, column: null, value, message: `row ${this.#row}: ${message}` });
    this.#drop ??= message;
  }

  /** Ends the current row: keeps it, or drops it with the first reason found. */
  endRow(): void {
    if (this.#drop !== null) {
      this.#droppedByReason[this.#drop] = (this.#droppedByReason[this.#drop] ?? 0) + 1;
      if (this.#dropped.length < MAX_DROPPED_LISTED)
        this.#dropped.push({ row: this.#row, reason: this.#drop });
      return;
    }
    this.#invalidAsMissing += this.#rowInvalid;
    this.#kept++;
  }

  /**
   * The parsed responses.
   * @throws {SurveyDataError} under `invalid: 'error'` when any cell was invalid
   */
  finish(): Responses {
    if (this.#policy === 'error' && this.#issueCount > 0) {
      throw new SurveyDataError(this.#fn, this.#issues, this.#issueCount);
    }
    const n = this.#kept;
    const trim = (column: Float64Array) =>
      column.length === n ? column : column.length - n > n / 8 ? column.slice(0, n) : column.subarray(0, n);
    const definition = this.#definition;
    const columns = new Map<string, Float64Array>();
    const missingPerItem: Record<string, number> = {};
    definition.items.forEach((item, index) => {
      const column = trim(this.#items[index]!);
      this.#items[index] = column;
      columns.set(item.id, column);
      let missing = 0;
      for (let i = 0; i < n; i++) if (Number.isNaN(column[i]!)) missing++;
      missingPerItem[item.id] = missing;
    });
    const segments = new Map<string, (string | null)[]>();
    const missingPerSegment: Record<string, number> = {};
    definition.segments.forEach((segment, index) => {
      const values = this.#segments[index]!;
      values.length = n;
      segments.set(segment.id, values);
      missingPerSegment[segment.id] = values.reduce((count, value) => count + (value === null ? 1 : 0), 0);
    });
    if (this.#ids !== null) this.#ids.length = n;
    const report: ParseReport = {
      rowsRead: this.#row,
      rowsKept: n,
      rowsDropped: this.#row - n,
      dropped: this.#dropped,
      droppedByReason: this.#droppedByReason,
      missingPerItem,
      missingPerSegment,
      invalidAsMissing: this.#invalidAsMissing,
      issues: this.#issues,
      issueCount: this.#issueCount,
      unknownColumns: this.#unknownColumns,
      invalid: this.#policy,
    };
    return new Responses({
      definition,
      items: definition.items,
      columns,
      weights: this.#weights === null ? null : trim(this.#weights),
      segments,
      respondentIds: this.#ids,
      report,
    });
  }

  #answer(slot: Slot, value: number, raw: unknown): number {
    if (slot.numberCodes.includes(value) || (Number.isNaN(value) && typeof raw === 'number'))
      return Number.NaN;
    if (!Number.isFinite(value))
      return this.#invalid('not_a_number', slot, raw, 'answer must be a number or a missing code');
    if (slot.bounded && (value < slot.min || value > slot.max)) {
      return this.#invalid(
        'out_of_scale',
        slot,
        raw,
        `answer must be within the scale ${slot.min}–${slot.max}`,
      );
    }
    if (slot.integer && !Number.isInteger(value)) {
      return this.#invalid(
        'not_integer',
        slot,
        raw,
        `answer must be a whole scale point ${slot.min}–${slot.max}`,
      );
    }
    return slot.reverse ? slot.min + slot.max - value : value;
  }

  #weight(slot: Slot, value: number, raw: unknown): void {
    // A missing code is no weight, whether written as a number or as text (99, "99", "99.0").
    if (value > 0 && Number.isFinite(value) && !slot.numberCodes.includes(value)) {
      this.#weights![this.#kept] = value;
      return;
    }
    this.#drop ??= 'invalid weight';
    this.#invalid('invalid_weight', slot, raw, 'weight must be a positive number');
  }

  #invalid(code: SurveyIssueCode, slot: Slot, value: unknown, requirement: string): number {
    this.#record({
      code,
      row: this.#row,
      column: slot.name,
      value,
      message: `row ${this.#row}, column ${formatValue(slot.name)}: ${requirement}; got ${formatValue(value)}`,
    });
    if (this.#policy === 'drop-row') this.#drop ??= 'invalid cell';
    else this.#rowInvalid++;
    return Number.NaN;
  }

  #record(issue: SurveyIssue): void {
    this.#issueCount++;
    if (this.#issues.length < this.#maxIssues) this.#issues.push(issue);
  }

  #grow(): void {
    this.#resize(Math.ceil(this.#capacity * 1.5));
  }

  #resize(capacity: number): void {
    this.#capacity = capacity;
    const grow = (column: Float64Array) => {
      const next = new Float64Array(capacity);
      // Buffers grow only between rows, so the kept rows are all there is to copy.
      next.set(column.subarray(0, this.#kept));
      return next;
    };
    this.#items = this.#items.map(grow);
    if (this.#weights !== null) this.#weights = grow(this.#weights);
  }
}
