import { formatValue, SurveyDataError } from '../errors.js';
import type { Responses } from './responses.js';
import { type ParseOptions, ResponsesBuilder } from './responses-builder.js';
import { type SurveyDefinition, type SurveyDefinitionInput, validateDefinition } from './schema.js';

/** The outcome of {@link Survey.safeParse}: the responses, or the error that `parse` would throw. */
export type SafeParseResult =
  | { readonly success: true; readonly data: Responses }
  | { readonly success: false; readonly error: SurveyDataError };

/** A validated survey definition that parses answers into {@link Responses}. */
export interface Survey {
  readonly definition: SurveyDefinition;
  /**
   * Validates rows of answers (objects keyed by column name; numbers, numeric strings, or missing
   * codes) and returns them as `Responses` with reverse coding applied.
   * @throws {SurveyDataError} listing every invalid cell (under `invalid: 'error'`, the default) or
   * naming defined columns absent from the data (always)
   */
  parse(rows: readonly Readonly<Record<string, unknown>>[], options?: ParseOptions): Responses;
  /** Like `parse`, but returns `{ success: false, error }` instead of throwing a `SurveyDataError`. */
  safeParse(rows: readonly Readonly<Record<string, unknown>>[], options?: ParseOptions): SafeParseResult;
}

function parseRows(
  definition: SurveyDefinition,
  rows: readonly Readonly<Record<string, unknown>>[],
  options: ParseOptions | undefined,
): Responses {
  if (!Array.isArray(rows))
    throw new TypeError(`survey.parse: rows must be an array of objects; got ${formatValue(rows)}`);
  const header: string[] = [];
  const known = new Set<string>();
  rows.forEach((row, index) => {
    if (typeof row !== 'object' || row === null || Array.isArray(row)) {
      throw new TypeError(
        `survey.parse: each row must be an object keyed by column; got ${formatValue(row)} in row ${index + 1}`,
      );
    }
    for (const key of Object.keys(row)) {
      if (!known.has(key)) {
        known.add(key);
        header.push(key);
      }
    }
  });
  const builder = new ResponsesBuilder('survey.parse', definition, header, options, rows.length);
  // Read each cell under the row's own key: slot names are trimmed, keys may not be (" q1").
  const used = builder.readColumns().map((index) => [index, header[index]!] as const);
  for (const row of rows) {
    builder.beginRow();
    for (const [index, name] of used) {
      const value = row[name];
      if (typeof value === 'number') builder.number(index, value);
      else if (typeof value === 'string') builder.text(index, value);
      else if (value === null || value === undefined) builder.text(index, '');
      else builder.text(index, String(value));
    }
    builder.endRow();
  }
  return builder.finish();
}

/**
 * Validates a survey definition: the default scale, the items (id, text, dimension, reverse coding,
 * own scale, own missing codes), the overall and recommend items, and the weight, respondent-id and
 * segment columns. Returns a `Survey` whose `parse` and `safeParse` read answers.
 *
 * Reverse coding maps an answer x to (min + max − x) on the item's scale. Missing codes (default
 * `""` and `"NA"`) are read as missing answers; a code that reads as a number also matches that
 * number. An answer outside its scale, a non-integer on an integer scale or unreadable text is
 * invalid and handled by the `invalid` policy of `parse`.
 *
 * @throws {SurveyDefinitionError} naming the path of each problem (`items[3].id`, `recommend`, …)
 * @example
 * const survey = defineSurvey({
 *   scale: { min: 1, max: 5 },
 *   items: [{ id: 'q1' }, { id: 'q2', reverse: true }],
 * });
 * survey.parse([{ q1: 5, q2: 1 }, { q1: '4', q2: 'NA' }]).column('q2'); // Float64Array [5, NaN]
 */
export function defineSurvey(definition: SurveyDefinitionInput): Survey {
  const validated = validateDefinition(definition);
  return {
    definition: validated,
    parse: (rows, options) => parseRows(validated, rows, options),
    safeParse: (rows, options) => {
      try {
        return { success: true, data: parseRows(validated, rows, options) };
      } catch (error) {
        if (error instanceof SurveyDataError) return { success: false, error };
        throw error;
      }
    },
  };
}

/** Accepts a `Survey`, or a definition to validate. */
export function toSurvey(survey: Survey | SurveyDefinitionInput, fn = 'defineSurvey'): Survey {
  if (survey === null || typeof survey !== 'object') {
    throw new TypeError(
      `${fn}: survey must be a survey from defineSurvey or a survey definition; got ${formatValue(survey)}`,
    );
  }
  return 'parse' in survey && typeof survey.parse === 'function'
    ? (survey as Survey)
    : defineSurvey(survey as SurveyDefinitionInput);
}
