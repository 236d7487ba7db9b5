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
