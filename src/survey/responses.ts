import { formatValue, type SurveyIssue } from '../errors.js';
import type { ItemDefinition, Scale, SegmentDefinition, SurveyDefinition } from './schema.js';

/** Why rows were dropped while parsing, and how many cells were missing or invalid. */
export interface ParseReport {
  /** Data rows read (blank lines are not rows). */
  readonly rowsRead: number;
  readonly rowsKept: number;
  readonly rowsDropped: number;
  /** Each dropped row (1-based data row) with the reason. */
  readonly dropped: readonly { readonly row: number; readonly reason: string }[];
  /** Dropped rows counted by reason. */
  readonly droppedByReason: Readonly<Record<string, number>>;
  /** Missing answers per item among the kept rows (missing codes and invalid cells read as missing). */
  readonly missingPerItem: Readonly<Record<string, number>>;
  /** Missing values per segment column among the kept rows. */
  readonly missingPerSegment: Readonly<Record<string, number>>;
  /** Invalid cells read as missing under `invalid: 'missing'`. */
  readonly invalidAsMissing: number;
  /** The invalid cells found (first `maxIssues`), whatever the policy did with them. */
  readonly issues: readonly SurveyIssue[];
  /** All invalid cells found, including those beyond `issues`. */
  readonly issueCount: number;
  /** Columns in the data that the definition does not name; they were ignored. */
  readonly unknownColumns: readonly string[];
  /** The policy for invalid cells that was applied. */
  readonly invalid: 'error' | 'missing' | 'drop-row';
}

/** Parts of a {@link Responses}; the constructor shares (does not copy) the arrays. */
export interface ResponsesParts {
  readonly definition: SurveyDefinition;
  readonly items: readonly ItemDefinition[];
  readonly columns: ReadonlyMap<string, Float64Array>;
  readonly weights: Float64Array | null;
  readonly segments: ReadonlyMap<string, readonly (string | null)[]>;
  readonly respondentIds: readonly string[] | null;
  readonly report: ParseReport;
}

/** One group of {@link Responses.groupBy}. */
export interface ResponsesGroup {
  readonly segment: string;
  readonly key: string;
  readonly n: number;
  readonly responses: Responses;
}

/**
 * Parsed survey answers: one `Float64Array` per item (NaN = missing) with reverse coding already
 * applied as (min + max − x), segment columns as strings (`null` = missing), optional respondent
 * weights, and the parse `report`. Create one with `survey.parse(rows)` or `parseCsv(text, survey)`.
 *
 * A `Responses` is read-only: `select`, `filter` and `groupBy` return new ones that carry the
 * original parse report.
 */
export class Responses {
  /** Number of respondents (rows kept). */
  readonly n: number;
  /** Item ids, in definition order. */
  readonly items: readonly string[];
  /** Respondent weights, or `undefined` when the survey has no weight column. */
  readonly weights: Float64Array | undefined;
  /** Segment column ids. */
  readonly segments: readonly string[];
  /** The respondent id of each row, when the definition names a `respondentId` column. */
  readonly respondentIds: readonly string[] | undefined;
  /** What parsing read, kept and dropped. */
  readonly report: ParseReport;
  /** The validated survey definition. */
  readonly definition: SurveyDefinition;

  readonly #items: readonly ItemDefinition[];
  readonly #columns: ReadonlyMap<string, Float64Array>;
  readonly #segments: ReadonlyMap<string, readonly (string | null)[]>;

  constructor(parts: ResponsesParts) {
    this.definition = parts.definition;
    this.#items = parts.items;
    this.#columns = parts.columns;
    this.#segments = parts.segments;
    this.items = parts.items.map((item) => item.id);
    this.weights = parts.weights ?? undefined;
    this.segments = [...parts.segments.keys()];
    this.respondentIds = parts.respondentIds ?? undefined;
    this.report = parts.report;
    const first = parts.items[0];
    this.n = first === undefined ? (parts.respondentIds?.length ?? 0) : parts.columns.get(first.id)!.length;
  }

  /** The answers to one item (NaN = missing), reverse coded where the definition says so. */
  column(id: string): Float64Array {
    const column = this.#columns.get(id);
    if (column === undefined) {
      throw new RangeError(`responses: unknown item ${formatValue(id)}; items are ${this.items.join(', ')}`);
    }
    return column;
  }

  /** The definition of one item: text, dimension, scale, reverse, missing codes. */
  item(id: string): ItemDefinition {
    const item = this.#items.find((candidate) => candidate.id === id);
    if (item === undefined) {
      throw new RangeError(`responses: unknown item ${formatValue(id)}; items are ${this.items.join(', ')}`);
    }
    return item;
  }

  /** The scale of one item, or `null` for an unbounded numeric item. */
  scale(id: string): Scale | null {
    return this.item(id).scale;
  }

  /** The items of one dimension, in definition order. */
  dimension(name: string): readonly string[] {
    return this.#items.filter((item) => item.dimension === name).map((item) => item.id);
  }

  /** The values of one segment column (`null` = missing). */
  segment(id: string): readonly (string | null)[] {
    const values = this.#segments.get(id);
    if (values === undefined) {
      const known =
        this.segments.length === 0 ? 'the survey has none' : `segments are ${this.segments.join(', ')}`;
      throw new RangeError(`responses: unknown segment ${formatValue(id)}; ${known}`);
    }
    return values;
  }

  /** The definition of one segment column. */
  segmentDefinition(id: string): SegmentDefinition {
    this.segment(id);
    return this.definition.segments.find((segment) => segment.id === id)!;
  }

  /** The same respondents with only the named items, in the order given. */
  select(items: readonly string[]): Responses {
    const chosen = items.map((id) => this.item(id));
    return new Responses({
      definition: this.definition,
      items: chosen,
      columns: new Map(chosen.map((item) => [item.id, this.column(item.id)])),
      weights: this.weights ?? null,
      segments: this.#segments,
      respondentIds: this.respondentIds ?? null,
      report: this.report,
    });
  }

  /**
   * The respondents that match: either a predicate over a respondent's answers and segments, or an
   * object of segment values (`{ channel: 'phone' }`, all must match).
   */
  filter(
    predicate:
      | ((respondent: Readonly<Record<string, number | string | null>>, index: number) => boolean)
      | Readonly<Record<string, string>>,
  ): Responses {
    let keep: (index: number) => boolean;
    if (typeof predicate === 'function') {
      keep = (index) => predicate(this.#respondent(index), index);
    } else {
      const tests = Object.entries(predicate).map(([id, value]) => [this.segment(id), value] as const);
      keep = (index) => tests.every(([values, value]) => values[index] === value);
    }
    const rows: number[] = [];
    for (let index = 0; index < this.n; index++) if (keep(index)) rows.push(index);
    return this.#take(rows);
  }

  /**
   * One group per segment value, in the order of the declared levels (or of first appearance).
   * Respondents whose segment value is missing belong to no group; their number is
   * `report.missingPerSegment[segment]`.
   */
  groupBy(segment: string): ResponsesGroup[] {
    const values = this.segment(segment);
    const declared = this.segmentDefinition(segment).levels;
    const rowsByKey = new Map<string, number[]>();
    for (const level of declared ?? []) rowsByKey.set(level, []);
    values.forEach((value, index) => {
      if (value === null) return;
      let rows = rowsByKey.get(value);
      if (rows === undefined) {
        rows = [];
        rowsByKey.set(value, rows);
      }
      rows.push(index);
    });
    return [...rowsByKey].map(([key, rows]) => ({
      segment,
      key,
      n: rows.length,
      responses: this.#take(rows),
    }));
  }

  /** The answers as a plain object of columns (number arrays, `NaN` = missing), for JSON or tables. */
  toColumns(): Record<string, number[]> {
    const out: Record<string, number[]> = {};
    for (const id of this.items) out[id] = Array.from(this.column(id));
    return out;
  }

  #respondent(index: number): Record<string, number | string | null> {
    const out: Record<string, number | string | null> = {};
    for (const id of this.items) out[id] = this.column(id)[index]!;
    for (const [id, values] of this.#segments) out[id] = values[index] ?? null;
    if (this.weights !== undefined && this.definition.weight !== null) {
      out[this.definition.weight] = this.weights[index]!;
    }
    return out;
  }

  #take(rows: readonly number[]): Responses {
    const pick = (source: Float64Array) => {
      const out = new Float64Array(rows.length);
      for (let k = 0; k < rows.length; k++) out[k] = source[rows[k]!]!;
      return out;
    };
    return new Responses({
      definition: this.definition,
      items: this.#items,
      columns: new Map([...this.#columns].map(([id, column]) => [id, pick(column)])),
      weights: this.weights === undefined ? null : pick(this.weights),
      segments: new Map(
        [...this.#segments].map(([id, values]) => [id, rows.map((row) => values[row] ?? null)]),
      ),
      respondentIds: this.respondentIds === undefined ? null : rows.map((row) => this.respondentIds![row]!),
      report: this.report,
    });
  }
}
