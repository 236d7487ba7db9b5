/**
 * Error classes shared by every part of the library.
 *
 * Convention: a wrong kind of argument is a `TypeError`, a wrong size or value a `RangeError`, and
 * bad survey data (cells, rows, columns) a {@link SurveyDataError} whose `issues` list every bad
 * cell. Messages read `fn: requirement; got value`.
 */

/** Machine-readable code of one survey-data issue. */
export type SurveyIssueCode =
  | 'not_a_number'
  | 'out_of_scale'
  | 'not_integer'
  | 'invalid_weight'
  | 'invalid_segment'
  | 'missing_column'
  | 'duplicate_column'
  | 'ragged_row';

/** One problem found in survey data: which row and column, the raw value and what is wrong. */
export interface SurveyIssue {
  readonly code: SurveyIssueCode;
  /** 1-based data row (the header of a CSV is not counted); `null` for a whole-column issue. */
  readonly row: number | null;
  /** Column name; `null` for a whole-row issue. */
  readonly column: string | null;
  /** The raw cell value as read. */
  readonly value: unknown;
  readonly message: string;
}

/** Survey data that cannot be used as it is. `issues` lists the first problems; `issueCount` all. */
export class SurveyDataError extends Error {
  override readonly name = 'SurveyDataError';
  readonly issues: readonly SurveyIssue[];
  readonly issueCount: number;

  constructor(fn: string, issues: readonly SurveyIssue[], issueCount = issues.length) {
    const shown = issues.slice(0, 5);
    const rest = issueCount - shown.length;
    const list = [...shown.map((issue) => issue.message), ...(rest > 0 ? [`and ${rest} more`] : [])].join(
      '; ',
    );
    super(`${fn}: ${issueCount} ${issueCount === 1 ? 'problem' : 'problems'} in the data: ${list}`);
    this.issues = issues;
    this.issueCount = issueCount;
  }
}

/** An invalid survey definition; `path` names the offending part, e.g. `items[3].scale`. */
export class SurveyDefinitionError extends Error {
  override readonly name = 'SurveyDefinitionError';
  readonly problems: readonly { readonly path: string; readonly message: string }[];

  constructor(problems: readonly { readonly path: string; readonly message: string }[]) {
    super(`defineSurvey: invalid definition: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
    this.problems = problems;
  }
}

/** Formats a value for an error message: strings quoted, numbers as written. */
export function formatValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : String(value);
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  return typeof value;
}
