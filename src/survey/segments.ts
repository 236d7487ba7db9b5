import { formatValue } from '../errors.js';
import type { Responses } from './responses.js';

/**
 * The `by` option of the analyses that report segments: the id of a segment column of `Responses`,
 * or one label per respondent (`null` = missing).
 */
export type SegmentsBy = string | readonly (string | null)[];

/** Each respondent's segment, with the segments in report order. */
export interface SegmentLabels {
  /** The segment column, or `null` for labels given as an array. */
  readonly by: string | null;
  /** One label per respondent; `null` = no segment. */
  readonly labels: readonly (string | null)[];
  /**
   * Segment names in report order: a segment column's declared levels first (even those no
   * respondent has), then every other label in order of first appearance.
   */
  readonly order: readonly string[];
}

/**
 * Resolves the `by` option of a segmented analysis into one label per respondent and the order in
 * which the segments are reported. A segment id reads that segment column of `responses` (and its
 * declared levels, which lead the order); an array gives the labels directly and must hold one
 * string or `null` per respondent.
 *
 * @param fn the calling function, for error messages
 * @param by a segment id of `responses`, or one label per respondent
 * @param responses the analysed `Responses`, or `null` for plain data (then `by` must be an array)
 * @param n the number of respondents
 * @throws {TypeError} when `by` is neither a string nor an array, holds something other than strings
 * and `null`, or names a segment column of plain data
 * @throws {RangeError} on an unknown segment id or labels that are not one per respondent
 * @example segmentLabels('fn', ['b', null, 'a', 'b'], null, 4).order // ['b', 'a']
 */
export function segmentLabels(
  fn: string,
  by: SegmentsBy,
  responses: Responses | null,
  n: number,
): SegmentLabels {
  const order: string[] = [];
  let labels: readonly (string | null)[];
  let name: string | null = null;
  if (typeof by === 'string') {
    if (responses === null) {
      throw new TypeError(
        `${fn}: by names a segment column of Responses; got ${formatValue(by)} with plain data (give one label per respondent)`,
      );
    }
    if (!responses.segments.includes(by)) {
      const known =
        responses.segments.length === 0
          ? 'the survey has none'
          : `segments are ${responses.segments.join(', ')}`;
      throw new RangeError(`${fn}: unknown segment ${formatValue(by)}; ${known}`);
    }
    labels = responses.segment(by);
    order.push(...(responses.segmentDefinition(by).levels ?? []));
    name = by;
  } else if (Array.isArray(by)) {
    if (by.length !== n) {
      throw new RangeError(`${fn}: by must have one label per respondent (${n}); got ${by.length}`);
    }
    by.forEach((label, i) => {
      if (label !== null && typeof label !== 'string') {
        throw new TypeError(
          `${fn}: by must hold strings (null = missing); got ${formatValue(label)} at index ${i}`,
        );
      }
    });
    labels = by;
  } else {
    throw new TypeError(`${fn}: by must be a segment id or one label per respondent; got ${formatValue(by)}`);
  }
  const seen = new Set(order);
  for (const label of labels) {
    if (label !== null && !seen.has(label)) {
      seen.add(label);
      order.push(label);
    }
  }
  return { by: name, labels, order };
}

/** The respondents of each segment, and how many have no segment. */
export interface SegmentGroups {
  /** Row indices of each segment, in the order of `SegmentLabels.order`. */
  readonly rows: readonly (readonly number[])[];
  /** Respondents without a segment label. */
  readonly missing: number;
  /**
   * The warning for the respondents without a segment (which the whole-sample figures still
   * include), or `null` when every respondent has one.
   */
  readonly warning: string | null;
}

/**
 * Groups the respondents by segment, in report order, and words the warning for those without a
 * segment.
 * @param fn the calling function, for the warning
 * @param included where the respondents without a segment still count, e.g. "the overall index includes them"
 * @example segmentGroups('fn', segmentLabels('fn', ['b', null, 'a', 'b'], null, 4), 'the total includes them').rows // [[0, 3], [2]]
 */
export function segmentGroups(fn: string, segments: SegmentLabels, included: string): SegmentGroups {
  const position = new Map(segments.order.map((label, k) => [label, k]));
  const rows = segments.order.map((): number[] => []);
  let missing = 0;
  segments.labels.forEach((label, r) => {
    if (label === null) missing++;
    else rows[position.get(label)!]!.push(r);
  });
  const what = segments.by === null ? 'segment label' : `${formatValue(segments.by)} value`;
  const warning =
    missing === 0
      ? null
      : `${fn}: ${missing} ${missing === 1 ? 'respondent has' : 'respondents have'} no ${what} and ${missing === 1 ? 'is' : 'are'} in no segment (${included})`;
  return { rows, missing, warning };
}
