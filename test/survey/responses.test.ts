import { expect, it, describe as suite } from 'vitest';
import { defineSurvey } from '../../src/survey/define-survey.js';
import type { Responses } from '../../src/survey/responses.js';

// Hand-built responses: every expected value below is read off the rows.
const survey = defineSurvey({
  scale: { min: 1, max: 5 },
  items: [
    { id: 'q1', dimension: 'speed', text: 'Fast service' },
    { id: 'q2', dimension: 'staff', reverse: true },
    { id: 'q3', dimension: 'speed' },
    { id: 'nps', scale: { min: 0, max: 10 } },
  ],
  weight: 'w',
  respondentId: 'id',
  segments: [{ id: 'channel', levels: ['web', 'phone', 'branch'] }, 'city'],
});

const responses = survey.parse([
  { id: 'a', w: 1, channel: 'phone', city: 'Bern', q1: 5, q2: 1, q3: 4, nps: 10 },
  { id: 'b', w: 2, channel: 'web', city: 'Zürich', q1: 4, q2: 2, q3: 'NA', nps: 9 },
  { id: 'c', w: 0.5, channel: '', city: 'Bern', q1: 3, q2: 3, q3: 2, nps: 7 },
  { id: 'd', w: 1.5, channel: 'phone', city: '', q1: 2, q2: 4, q3: 1, nps: 0 },
  { id: 'e', w: 3, channel: 'web', city: '北京', q1: 'NA', q2: 5, q3: 5, nps: 6 },
]);

const values = (column: ArrayLike<number>) => Array.from(column);

suite('Responses: accessors', () => {
  it('exposes n, items, segments, weights and respondent ids', () => {
    expect(responses.n).toBe(5);
    expect(responses.items).toEqual(['q1', 'q2', 'q3', 'nps']);
    expect(responses.segments).toEqual(['channel', 'city']);
    expect(values(responses.weights!)).toEqual([1, 2, 0.5, 1.5, 3]);
    expect(responses.respondentIds).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(responses.definition).toBe(survey.definition);
  });

  it('column returns the reverse-coded answers with NaN for missing', () => {
    expect(values(responses.column('q1'))).toEqual([5, 4, 3, 2, Number.NaN]);
    expect(values(responses.column('q2'))).toEqual([5, 4, 3, 2, 1]);
    expect(responses.column('q1')).toBeInstanceOf(Float64Array);
  });

  it('item, scale and dimension describe the definition', () => {
    expect(responses.item('q1')).toEqual({
      id: 'q1',
      text: 'Fast service',
      dimension: 'speed',
      reverse: false,
      scale: { min: 1, max: 5, integer: true },
      missing: ['', 'NA'],
    });
    expect(responses.scale('nps')).toEqual({ min: 0, max: 10, integer: true });
    expect(responses.dimension('speed')).toEqual(['q1', 'q3']);
    expect(responses.dimension('staff')).toEqual(['q2']);
    expect(responses.dimension('none')).toEqual([]);
  });

  it('segment returns the values with null for missing', () => {
    expect(responses.segment('channel')).toEqual(['phone', 'web', null, 'phone', 'web']);
    expect(responses.segment('city')).toEqual(['Bern', 'Zürich', 'Bern', null, '北京']);
    expect(responses.segmentDefinition('channel')).toEqual({
      id: 'channel',
      text: 'channel',
      levels: ['web', 'phone', 'branch'],
    });
  });

  it('names the known ids when an id is unknown', () => {
    const message = 'responses: unknown item "q9"; items are q1, q2, q3, nps';
    expect(() => responses.column('q9')).toThrow(new RangeError(message));
    expect(() => responses.item('q9')).toThrow(new RangeError(message));
    expect(() => responses.scale('q9')).toThrow(new RangeError(message));
    expect(() => responses.segment('region')).toThrow(
      new RangeError('responses: unknown segment "region"; segments are channel, city'),
    );
    expect(() => responses.segmentDefinition('region')).toThrow(
      new RangeError('responses: unknown segment "region"; segments are channel, city'),
    );
    const plain = defineSurvey({ items: [{ id: 'x' }] }).parse([{ x: 1 }]);
    expect(() => plain.segment('channel')).toThrow(
      new RangeError('responses: unknown segment "channel"; the survey has none'),
    );
    expect(plain.weights).toBeUndefined();
    expect(plain.respondentIds).toBeUndefined();
  });
});

suite('Responses: select, filter, groupBy, toColumns', () => {
  it('select keeps the order given and shares the columns', () => {
    const selected = responses.select(['nps', 'q1']);
    expect(selected.items).toEqual(['nps', 'q1']);
    expect(selected.n).toBe(5);
    expect(selected.column('nps')).toBe(responses.column('nps'));
    expect(selected.weights).toBe(responses.weights);
    expect(selected.respondentIds).toEqual(responses.respondentIds);
    expect(selected.segment('channel')).toEqual(responses.segment('channel'));
    expect(selected.report).toBe(responses.report);
    expect(() => selected.column('q2')).toThrow('responses: unknown item "q2"; items are nps, q1');
    expect(() => responses.select(['q1', 'zz'])).toThrow(
      'responses: unknown item "zz"; items are q1, q2, q3, nps',
    );
  });

  it('filter by predicate sees answers, segments and the weight', () => {
    const seen: unknown[] = [];
    const filtered = responses.filter((respondent, index) => {
      if (index === 0) seen.push(respondent);
      return (respondent['nps'] as number) >= 7 && respondent['city'] === 'Bern';
    });
    expect(seen).toEqual([{ q1: 5, q2: 5, q3: 4, nps: 10, channel: 'phone', city: 'Bern', w: 1 }]);
    expect(filtered.n).toBe(2);
    expect(filtered.respondentIds).toEqual(['a', 'c']);
    expect(values(filtered.column('q3'))).toEqual([4, 2]);
    expect(values(filtered.weights!)).toEqual([1, 0.5]);
    expect(filtered.segment('channel')).toEqual(['phone', null]);
    expect(filtered.report).toBe(responses.report);
  });

  it('filter by a segment object needs every segment to match', () => {
    const web = responses.filter({ channel: 'web' });
    expect(web.respondentIds).toEqual(['b', 'e']);
    expect(values(web.column('q1'))).toEqual([4, Number.NaN]);
    expect(responses.filter({ channel: 'phone', city: 'Bern' }).respondentIds).toEqual(['a']);
    expect(responses.filter({ channel: 'fax' }).n).toBe(0);
    expect(() => responses.filter({ region: 'x' })).toThrow(
      'responses: unknown segment "region"; segments are channel, city',
    );
  });

  it('groupBy orders groups by the declared levels, keeps empty levels, leaves missing values out', () => {
    const groups = responses.groupBy('channel');
    expect(groups.map((g) => [g.segment, g.key, g.n])).toEqual([
      ['channel', 'web', 2],
      ['channel', 'phone', 2],
      ['channel', 'branch', 0],
    ]);
    const [web, phone, branch] = groups.map((group) => group.responses) as [Responses, Responses, Responses];
    expect(web.respondentIds).toEqual(['b', 'e']);
    expect(values(web.weights!)).toEqual([2, 3]);
    expect(values(phone.column('q2'))).toEqual([5, 2]);
    expect(phone.segment('city')).toEqual(['Bern', null]);
    expect(branch.n).toBe(0);
    expect(branch.column('q1')).toHaveLength(0);
    // Respondent c (missing channel) is in no group.
    expect(groups.reduce((total, g) => total + g.n, 0)).toBe(
      5 - responses.report.missingPerSegment['channel']!,
    );
  });

  it('groupBy without levels orders groups by first appearance', () => {
    const groups = responses.groupBy('city');
    expect(groups.map((g) => [g.key, g.n, g.responses.respondentIds])).toEqual([
      ['Bern', 2, ['a', 'c']],
      ['Zürich', 1, ['b']],
      ['北京', 1, ['e']],
    ]);
    expect(() => responses.groupBy('region')).toThrow(
      'responses: unknown segment "region"; segments are channel, city',
    );
  });

  it('toColumns returns plain number arrays', () => {
    const columns = responses.toColumns();
    expect(columns).toEqual({
      q1: [5, 4, 3, 2, Number.NaN],
      q2: [5, 4, 3, 2, 1],
      q3: [4, Number.NaN, 2, 1, 5],
      nps: [10, 9, 7, 0, 6],
    });
    expect(Array.isArray(columns['q1'])).toBe(true);
    expect(responses.select(['q3']).toColumns()).toEqual({ q3: [4, Number.NaN, 2, 1, 5] });
  });
});
