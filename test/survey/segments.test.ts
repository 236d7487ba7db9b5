import { expect, it, describe as suite } from 'vitest';
import { defineSurvey } from '../../src/survey/define-survey.js';
import { segmentGroups, segmentLabels } from '../../src/survey/segments.js';

// Hand-built responses: every expected value below is read off the rows.
const survey = defineSurvey({
  scale: { min: 1, max: 5 },
  items: [{ id: 'q1' }],
  segments: [{ id: 'channel', levels: ['web', 'phone', 'branch'] }, 'city'],
});
const responses = survey.parse([
  { channel: 'phone', city: 'Bern', q1: 5 },
  { channel: 'web', city: 'Zürich', q1: 4 },
  { channel: '', city: 'Bern', q1: 3 },
  { channel: 'phone', city: '', q1: 2 },
]);

suite('segmentLabels', () => {
  it('reads a segment column of Responses, its declared levels first (even unused ones)', () => {
    expect(segmentLabels('fn', 'channel', responses, 4)).toEqual({
      by: 'channel',
      labels: ['phone', 'web', null, 'phone'],
      order: ['web', 'phone', 'branch'],
    });
  });

  it('orders the labels of a column without levels by first appearance', () => {
    expect(segmentLabels('fn', 'city', responses, 4)).toEqual({
      by: 'city',
      labels: ['Bern', 'Zürich', 'Bern', null],
      order: ['Bern', 'Zürich'],
    });
  });

  it('takes one label per respondent from an array, with or without Responses', () => {
    const by = ['b', null, 'a', 'b'];
    const expected = { by: null, labels: by, order: ['b', 'a'] };
    expect(segmentLabels('fn', by, null, 4)).toEqual(expected);
    expect(segmentLabels('fn', by, responses, 4)).toEqual(expected);
    expect(segmentLabels('fn', [null, null], null, 2)).toEqual({ by: null, labels: [null, null], order: [] });
  });

  it('doc-comment example', () => {
    expect(segmentLabels('fn', ['b', null, 'a', 'b'], null, 4).order).toEqual(['b', 'a']);
  });

  it('names the problem with by', () => {
    expect(() => segmentLabels('fn', 'channel', null, 4)).toThrow(
      new TypeError(
        'fn: by names a segment column of Responses; got "channel" with plain data (give one label per respondent)',
      ),
    );
    expect(() => segmentLabels('fn', 'region', responses, 4)).toThrow(
      new RangeError('fn: unknown segment "region"; segments are channel, city'),
    );
    const plain = defineSurvey({ scale: { min: 1, max: 5 }, items: [{ id: 'x' }] }).parse([{ x: 1 }]);
    expect(() => segmentLabels('fn', 'channel', plain, 1)).toThrow(
      new RangeError('fn: unknown segment "channel"; the survey has none'),
    );
    expect(() => segmentLabels('fn', ['a', 'b'], null, 3)).toThrow(
      new RangeError('fn: by must have one label per respondent (3); got 2'),
    );
    expect(() => segmentLabels('fn', ['a', 1 as unknown as string], null, 2)).toThrow(
      new TypeError('fn: by must hold strings (null = missing); got 1 at index 1'),
    );
    expect(() => segmentLabels('fn', 7 as unknown as string, null, 2)).toThrow(
      new TypeError('fn: by must be a segment id or one label per respondent; got 7'),
    );
  });
});

suite('segmentGroups', () => {
  it('groups the respondents in report order and words the warning for those without a segment', () => {
    const groups = segmentGroups(
      'fn',
      segmentLabels('fn', ['b', null, 'a', 'b', null], null, 5),
      'the total includes them',
    );
    expect(groups.rows).toEqual([[0, 3], [2]]);
    expect(groups.missing).toBe(2);
    expect(groups.warning).toBe(
      'fn: 2 respondents have no segment label and are in no segment (the total includes them)',
    );
    expect(segmentGroups('fn', segmentLabels('fn', ['a'], null, 1), 'x').warning).toBeNull();
  });
});
