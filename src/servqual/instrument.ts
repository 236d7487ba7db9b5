import { formatValue } from '../errors.js';
import { Responses } from '../survey/responses.js';

/** One statement of a SERVQUAL instrument: its id, number on the form, dimension and wording. */
export interface ServqualInstrumentItem {
  /** The item's id, which the column pattern turns into column names (`e_{item}` → `e_tan1`). */
  readonly id: string;
  /** Its number on the questionnaire (`{number}` in a column pattern), or `null`. */
  readonly number: number | null;
  readonly dimension: string;
  /** The statement, in the neutral form that both the expectation and the perception version adapt. */
  readonly text: string | null;
}

/** A SERVQUAL instrument: the items and the dimensions they form, in report order. */
export interface ServqualInstrument {
  readonly name: string;
  readonly dimensions: readonly string[];
  readonly items: readonly ServqualInstrumentItem[];
}

/** An instrument as a user writes it: `number`, `text` and `dimensions` are optional. */
export interface ServqualInstrumentInput {
  readonly name?: string;
  /** The dimensions in report order (default: in order of first appearance among the items). */
  readonly dimensions?: readonly string[];
  readonly items: readonly {
    readonly id: string;
    readonly dimension: string;
    readonly number?: number | null;
    readonly text?: string | null;
  }[];
}

/** The five SERVQUAL dimensions in the order of Parasuraman, Zeithaml & Berry (1988). */
export const SERVQUAL_DIMENSIONS: readonly string[] = [
  'tangibles',
  'reliability',
  'responsiveness',
  'assurance',
  'empathy',
];

const STATEMENTS: readonly (readonly [string, string, string])[] = [
  ['tan1', 'tangibles', 'Its equipment looks modern.'],
  ['tan2', 'tangibles', 'Its physical facilities are attractive to look at.'],
  ['tan3', 'tangibles', 'Its employees look neat and professional.'],
  ['tan4', 'tangibles', 'Material associated with the service (forms, statements, leaflets) looks good.'],
  ['rel1', 'reliability', 'When it promises to do something by a certain time, it does so.'],
  ['rel2', 'reliability', 'When a customer has a problem, it shows a sincere interest in solving it.'],
  ['rel3', 'reliability', 'It performs the service right the first time.'],
  ['rel4', 'reliability', 'It provides its services at the time it promises to.'],
  ['rel5', 'reliability', 'It keeps its records free of errors.'],
  ['res1', 'responsiveness', 'Its employees tell customers exactly when a service will be performed.'],
  ['res2', 'responsiveness', 'Its employees serve customers promptly.'],
  ['res3', 'responsiveness', 'Its employees are always willing to help customers.'],
  ['res4', 'responsiveness', "Its employees are never too busy to respond to customers' requests."],
  ['ass1', 'assurance', 'The behaviour of its employees gives customers confidence.'],
  ['ass2', 'assurance', 'Customers feel safe in their dealings with it.'],
  ['ass3', 'assurance', 'Its employees are courteous with customers every time.'],
  ['ass4', 'assurance', "Its employees know enough to answer customers' questions."],
  ['emp1', 'empathy', 'It gives customers individual attention.'],
  ['emp2', 'empathy', 'Its opening hours suit all its customers.'],
  ['emp3', 'empathy', 'Its employees give customers personal attention.'],
  ['emp4', 'empathy', "It has its customers' best interests at heart."],
  ['emp5', 'empathy', 'Its employees understand the specific needs of their customers.'],
];

/**
 * The standard 22-item SERVQUAL instrument (Parasuraman, Zeithaml & Berry 1988, as refined in 1991,
 * when all statements became positively worded): tangibles 1–4, reliability 5–9, responsiveness
 * 10–13, assurance 14–17, empathy 18–22. Ids are `tan1`–`tan4`, `rel1`–`rel5`, `res1`–`res4`,
 * `ass1`–`ass4`, `emp1`–`emp5`; the wording paraphrases the published statements in a neutral form
 * (the expectation version reads "An excellent company will …", the perception version "Company X
 * …"). Adapt the wording to the industry, as the authors recommend.
 *
 * References: Parasuraman, A., Zeithaml, V. A. & Berry, L. L. (1988). SERVQUAL: a multiple-item scale
 * for measuring consumer perceptions of service quality. Journal of Retailing 64(1), 12–40.
 * Parasuraman, A., Berry, L. L. & Zeithaml, V. A. (1991). Refinement and reassessment of the SERVQUAL
 * scale. Journal of Retailing 67(4), 420–450.
 * @example STANDARD_SERVQUAL.items.filter((item) => item.dimension === 'reliability').map((item) => item.number); // [5, 6, 7, 8, 9]
 */
export const STANDARD_SERVQUAL: ServqualInstrument = {
  name: 'SERVQUAL (22 items)',
  dimensions: SERVQUAL_DIMENSIONS,
  items: STATEMENTS.map(([id, dimension, text], index) => ({ id, number: index + 1, dimension, text })),
};

/** A column pattern: column names with `{item}` (the item id) or `{number}` (the item number). */
export interface ServqualPattern {
  /** The expectation column (the desired level in the three-column format), e.g. `'e_{item}'`. */
  readonly expectation: string;
  /** The perception column, e.g. `'p_{item}'`. */
  readonly perception: string;
  /** The adequate (minimum acceptable) level of the three-column format, e.g. `'a_{item}'`. */
  readonly adequate?: string;
}

/** The default column pattern, that of the bundled sample: `e_{item}`, `p_{item}`. */
export const DEFAULT_SERVQUAL_PATTERN: ServqualPattern = { expectation: 'e_{item}', perception: 'p_{item}' };

/** Checks an instrument written by a user and fills in its defaults. */
export function checkInstrument(fn: string, input: unknown): ServqualInstrument {
  if (
    input === null ||
    typeof input !== 'object' ||
    !Array.isArray((input as ServqualInstrumentInput).items)
  ) {
    throw new TypeError(
      `${fn}: instrument must be 'standard' or { items: { id, dimension }[] }; got ${formatValue(input)}`,
    );
  }
  const given = input as ServqualInstrumentInput;
  if (given.items.length === 0) throw new RangeError(`${fn}: instrument must have items; got none`);
  const seen = new Set<string>();
  const items = given.items.map((item, index): ServqualInstrumentItem => {
    if (item === null || typeof item !== 'object') {
      throw new TypeError(
        `${fn}: instrument.items[${index}] must be { id, dimension }; got ${formatValue(item)}`,
      );
    }
    if (typeof item.id !== 'string' || item.id === '') {
      throw new TypeError(
        `${fn}: instrument.items[${index}].id must be a string; got ${formatValue(item.id)}`,
      );
    }
    if (typeof item.dimension !== 'string' || item.dimension === '') {
      throw new TypeError(
        `${fn}: item ${formatValue(item.id)} needs a dimension (a string); got ${formatValue(item.dimension)}`,
      );
    }
    if (seen.has(item.id)) throw new RangeError(`${fn}: item ${formatValue(item.id)} is listed twice`);
    seen.add(item.id);
    const number = item.number ?? null;
    if (number !== null && !(Number.isInteger(number) && number > 0)) {
      throw new RangeError(
        `${fn}: the number of item ${formatValue(item.id)} must be a positive integer; got ${formatValue(number)}`,
      );
    }
    return { id: item.id, number, dimension: item.dimension, text: item.text ?? null };
  });
  const used = [...new Set(items.map((item) => item.dimension))];
  let dimensions = used;
  if (given.dimensions !== undefined) {
    if (!Array.isArray(given.dimensions)) {
      throw new TypeError(
        `${fn}: instrument.dimensions must be an array; got ${formatValue(given.dimensions)}`,
      );
    }
    dimensions = [...given.dimensions];
    const unknown = used.find((dimension) => !dimensions.includes(dimension));
    if (unknown !== undefined) {
      throw new RangeError(
        `${fn}: unknown dimension ${formatValue(unknown)} (item ${formatValue(items.find((item) => item.dimension === unknown)!.id)}); instrument.dimensions are ${dimensions.join(', ')}`,
      );
    }
    const empty = dimensions.find((dimension) => !used.includes(dimension));
    if (empty !== undefined) throw new RangeError(`${fn}: dimension ${formatValue(empty)} has no items`);
    const twice = dimensions.find((dimension, i) => dimensions.indexOf(dimension) !== i);
    if (twice !== undefined) throw new RangeError(`${fn}: dimension ${formatValue(twice)} is listed twice`);
  }
  return { name: given.name ?? 'custom', dimensions, items };
}

/** Puts an item's id and number into a column pattern, unchecked. */
function fill(pattern: string, item: Pick<ServqualInstrumentItem, 'id' | 'number'>): string {
  return pattern.replaceAll('{item}', item.id).replaceAll('{number}', String(item.number));
}

/** Puts an item's id and number into a column pattern. */
export function columnName(
  fn: string,
  pattern: string,
  item: Pick<ServqualInstrumentItem, 'id' | 'number'>,
): string {
  if (pattern.includes('{number}') && item.number === null) {
    throw new RangeError(
      `${fn}: the pattern ${formatValue(pattern)} uses {number}, but item ${formatValue(item.id)} has no number`,
    );
  }
  return fill(pattern, item);
}

/** Checks a column pattern: strings with {item} or {number}, all different. */
export function checkPattern(fn: string, pattern: unknown): ServqualPattern {
  const given = pattern as ServqualPattern;
  if (
    pattern === null ||
    typeof pattern !== 'object' ||
    typeof given.expectation !== 'string' ||
    typeof given.perception !== 'string' ||
    (given.adequate !== undefined && typeof given.adequate !== 'string')
  ) {
    throw new TypeError(
      `${fn}: pattern must be { expectation, perception, adequate? } (strings with {item} or {number}); got ${formatValue(pattern)}`,
    );
  }
  for (const [key, value] of Object.entries(given)) {
    if (value !== undefined && !/\{(item|number)\}/.test(value as string)) {
      throw new RangeError(
        `${fn}: pattern.${key} must contain {item} or {number}; got ${formatValue(value)}`,
      );
    }
  }
  const texts = [given.expectation, given.perception, given.adequate].filter((p) => p !== undefined);
  if (new Set(texts).size !== texts.length) {
    throw new RangeError(
      `${fn}: the columns of pattern must differ; got ${texts.map(formatValue).join(', ')}`,
    );
  }
  return given;
}

/** A regular expression that matches a pattern's columns and captures the item id (or number). */
function matcher(pattern: string): { regex: RegExp; by: 'item' | 'number' } {
  const by = pattern.includes('{item}') ? 'item' : 'number';
  const parts = pattern.split(by === 'item' ? '{item}' : '{number}');
  const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const capture = by === 'item' ? '(.+)' : '([1-9][0-9]*)';
  return { regex: new RegExp(`^${parts.map(escapeRegExp).join(capture)}$`), by };
}

/**
 * The SERVQUAL instrument of a survey definition: every perception column that the pattern matches
 * (`p_{item}` → item `tan1` for column `p_tan1`) becomes an item, in definition order, with the
 * dimension the definition gives it; its expectation column (and adequate column, in the
 * three-column format) must exist and carry the same dimension. So any adaptation (a bank, a hotel,
 * extra or fewer items and dimensions) is defined once, in the survey definition.
 *
 * @param source parsed `Responses` (its definition is read)
 * @param pattern the column pattern (default `{ expectation: 'e_{item}', perception: 'p_{item}' }`)
 * @throws {RangeError} when no column matches, a perception column has no expectation column or the
 * other way round, or an item has no dimension (or two)
 * @example servqualInstrument(responses).dimensions; // ['tangibles', 'reliability', 'responsiveness', 'assurance', 'empathy']
 */
export function servqualInstrument(
  source: Responses,
  pattern: ServqualPattern = DEFAULT_SERVQUAL_PATTERN,
  fn = 'servqualInstrument',
): ServqualInstrument {
  if (!(source instanceof Responses)) {
    throw new TypeError(`${fn}: the instrument is read from parsed Responses; got ${formatValue(source)}`);
  }
  const checked = checkPattern(fn, pattern);
  const columns = source.items;
  const available = new Set(columns);
  const perception = matcher(checked.perception);
  const items: ServqualInstrumentItem[] = [];
  for (const column of columns) {
    const match = perception.regex.exec(column);
    if (match === null) continue;
    const key = match[1]!;
    const item = perception.by === 'item' ? { id: key, number: null } : { id: column, number: Number(key) };
    const dimension = source.item(column).dimension;
    if (dimension === null) {
      throw new RangeError(
        `${fn}: item ${formatValue(item.id)} has no dimension in the survey definition; got none for ${formatValue(column)}`,
      );
    }
    for (const [role, template] of [
      ['expectation', checked.expectation],
      ['adequate', checked.adequate],
    ] as const) {
      if (template === undefined) continue;
      const partner = fill(template, item);
      if (!available.has(partner)) {
        throw new RangeError(
          `${fn}: item ${formatValue(item.id)} has a perception column ${formatValue(column)} but no ${role} column ${formatValue(partner)}`,
        );
      }
      const other = source.item(partner).dimension;
      if (other !== dimension) {
        throw new RangeError(
          `${fn}: the ${role} and perception columns of item ${formatValue(item.id)} must have the same dimension; got ${formatValue(other)} for ${formatValue(partner)} and ${formatValue(dimension)} for ${formatValue(column)}`,
        );
      }
    }
    items.push({ ...item, dimension, text: source.item(column).text });
  }
  if (items.length === 0) {
    throw new RangeError(
      `${fn}: no column matches the perception pattern ${formatValue(checked.perception)}; columns are ${columns.join(', ')}`,
    );
  }
  // An expectation (or adequate) column whose perception column is missing is an item without its pair.
  const ids = new Set(items.map((item) => item.id));
  const numbers = new Set(items.map((item) => item.number));
  for (const [role, template] of [
    ['expectation', checked.expectation],
    ['adequate', checked.adequate],
  ] as const) {
    if (template === undefined) continue;
    const other = matcher(template);
    for (const column of columns) {
      const match = other.regex.exec(column);
      if (match === null) continue;
      const known = other.by === 'item' ? ids.has(match[1]!) : numbers.has(Number(match[1]!));
      if (!known) {
        throw new RangeError(
          `${fn}: the ${role} column ${formatValue(column)} has no perception column (pattern ${formatValue(checked.perception)})`,
        );
      }
    }
  }
  return {
    name: source.definition.name,
    dimensions: [...new Set(items.map((item) => item.dimension))],
    items,
  };
}
