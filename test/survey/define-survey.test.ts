import { expect, it, describe as suite } from 'vitest';
import { SurveyDefinitionError } from '../../src/errors.js';
import { defineSurvey } from '../../src/survey/define-survey.js';
import type { SurveyDefinitionInput } from '../../src/survey/schema.js';

/** The error `defineSurvey` throws for `input`, or a failure when it does not throw one. */
function definitionError(input: unknown): SurveyDefinitionError {
  try {
    defineSurvey(input as SurveyDefinitionInput);
  } catch (error) {
    expect(error).toBeInstanceOf(SurveyDefinitionError);
    return error as SurveyDefinitionError;
  }
  return expect.fail('defineSurvey did not throw');
}

suite('defineSurvey: valid definitions', () => {
  it('fills in every default', () => {
    const survey = defineSurvey({ items: [{ id: 'q1' }] });
    expect(survey.definition).toEqual({
      name: 'survey',
      items: [{ id: 'q1', text: 'q1', dimension: null, reverse: false, scale: null, missing: ['', 'NA'] }],
      overall: null,
      recommend: null,
      weight: null,
      respondentId: null,
      segments: [],
      missing: ['', 'NA'],
    });
  });

  it('inherits the survey scale and missing codes unless an item overrides them', () => {
    const survey = defineSurvey({
      name: 'bank',
      scale: { min: 1, max: 5, labels: ['a', 'b', 'c', 'd', 'e'] },
      missing: ['', 99],
      items: [
        { id: 'q1', text: 'Speed', dimension: 'service', reverse: true },
        { id: 'nps', scale: { min: 0, max: 10 }, missing: ['DK'] },
        { id: 'spend', scale: { min: 0, max: 1000, integer: false } },
      ],
      overall: 'q1',
      recommend: 'nps',
      weight: 'w',
      respondentId: 'id',
      segments: ['branch', { id: 'channel', text: 'Channel', levels: ['phone', 'web'] }],
    });
    const d = survey.definition;
    expect(d.name).toBe('bank');
    expect(d.items[0]).toEqual({
      id: 'q1',
      text: 'Speed',
      dimension: 'service',
      reverse: true,
      scale: { min: 1, max: 5, integer: true, labels: ['a', 'b', 'c', 'd', 'e'] },
      missing: ['', 99],
    });
    expect(d.items[1]).toEqual({
      id: 'nps',
      text: 'nps',
      dimension: null,
      reverse: false,
      scale: { min: 0, max: 10, integer: true },
      missing: ['DK'],
    });
    expect(d.items[2]!.scale).toEqual({ min: 0, max: 1000, integer: false });
    expect(d.overall).toBe('q1');
    expect(d.recommend).toBe('nps');
    expect(d.weight).toBe('w');
    expect(d.respondentId).toBe('id');
    expect(d.segments).toEqual([
      { id: 'branch', text: 'branch', levels: null },
      { id: 'channel', text: 'Channel', levels: ['phone', 'web'] },
    ]);
    expect(d.missing).toEqual(['', 99]);
  });

  it('accepts a non-integer scale with non-integer bounds', () => {
    const survey = defineSurvey({ scale: { min: 0.5, max: 1.5, integer: false }, items: [{ id: 'x' }] });
    expect(survey.definition.items[0]!.scale).toEqual({ min: 0.5, max: 1.5, integer: false });
  });

  it('runs the doc-comment example', () => {
    const survey = defineSurvey({
      scale: { min: 1, max: 5 },
      items: [{ id: 'q1' }, { id: 'q2', reverse: true }],
    });
    expect(
      Array.from(
        survey
          .parse([
            { q1: 5, q2: 1 },
            { q1: '4', q2: 'NA' },
          ])
          .column('q2'),
      ),
    ).toEqual([5, Number.NaN]);
  });
});

suite('defineSurvey: invalid definitions', () => {
  it('requires an integer scale for the recommend item', () => {
    expect(() =>
      defineSurvey({ items: [{ id: 'r', scale: { min: 0, max: 10, integer: false } }], recommend: 'r' }),
    ).toThrow(
      'defineSurvey: invalid definition: recommend: the recommend item must be on an integer 0–10 scale; got a non-integer scale 0–10',
    );
  });

  it('rejects a duplicate item id', () => {
    expect(() => defineSurvey({ items: [{ id: 'a' }, { id: 'b' }, { id: 'a' }] })).toThrow(
      'defineSurvey: invalid definition: items[2].id: duplicate item id "a" (also items[0])',
    );
  });

  it('rejects a reverse item without any scale', () => {
    const error = definitionError({ items: [{ id: 'a' }, { id: 'b', reverse: true }] });
    expect(error.problems).toEqual([
      {
        path: 'items[1].reverse',
        message: 'reverse item "b" needs a scale (item scale or survey default) to reverse on',
      },
    ]);
  });

  it('rejects min ≥ max, on the survey scale and on an item scale', () => {
    expect(() => defineSurvey({ scale: { min: 5, max: 5 }, items: [{ id: 'a' }] })).toThrow(
      'defineSurvey: invalid definition: scale.max: max must be greater than min; got min = 5, max = 5',
    );
    expect(definitionError({ items: [{ id: 'a', scale: { min: 7, max: 1 } }] }).problems).toEqual([
      { path: 'items[0].scale.max', message: 'max must be greater than min; got min = 7, max = 1' },
    ]);
  });

  it('rejects non-integer bounds on an integer scale', () => {
    expect(() => defineSurvey({ scale: { min: 1.5, max: 5 }, items: [{ id: 'a' }] })).toThrow(
      'defineSurvey: invalid definition: scale.min: an integer scale needs integer bounds; got min = 1.5, max = 5',
    );
    expect(
      definitionError({ items: [{ id: 'a', scale: { min: 0, max: 9.5, integer: true } }] }).problems,
    ).toEqual([
      {
        path: 'items[0].scale.min',
        message: 'an integer scale needs integer bounds; got min = 0, max = 9.5',
      },
    ]);
  });

  it('rejects the wrong number of labels', () => {
    expect(() =>
      defineSurvey({ scale: { min: 1, max: 5, labels: ['a', 'b'] }, items: [{ id: 'a' }] }),
    ).toThrow(
      'defineSurvey: invalid definition: scale.labels: labels must name each of the 5 points of an integer scale; got 2 labels',
    );
  });

  it('rejects labels on a non-integer scale, saying why', () => {
    expect(
      definitionError({
        scale: { min: 0, max: 1, integer: false, labels: ['no', 'yes'] },
        items: [{ id: 'a' }],
      }).problems,
    ).toEqual([{ path: 'scale.labels', message: 'labels need an integer scale; got integer: false' }]);
  });

  it('rejects overall or recommend naming an unknown item', () => {
    expect(() => defineSurvey({ items: [{ id: 'a' }], overall: 'sat' })).toThrow(
      'defineSurvey: invalid definition: overall: must name a defined item; got "sat"',
    );
    expect(() => defineSurvey({ items: [{ id: 'a' }], recommend: 'nps' })).toThrow(
      'defineSurvey: invalid definition: recommend: must name a defined item; got "nps"',
    );
  });

  it('rejects a recommend item not on 0–10', () => {
    expect(() =>
      defineSurvey({ scale: { min: 1, max: 10 }, items: [{ id: 'nps' }], recommend: 'nps' }),
    ).toThrow(
      'defineSurvey: invalid definition: recommend: the recommend item must be on an integer 0–10 scale; got 1–10',
    );
    expect(() => defineSurvey({ items: [{ id: 'nps' }], recommend: 'nps' })).toThrow(
      'defineSurvey: invalid definition: recommend: the recommend item must be on an integer 0–10 scale; got no scale',
    );
  });

  it('rejects weight, respondentId and segments that collide with an item or each other', () => {
    expect(definitionError({ items: [{ id: 'a' }], weight: 'a' }).problems).toEqual([
      { path: 'weight', message: 'column "a" is already used by items[0]' },
    ]);
    expect(definitionError({ items: [{ id: 'a' }], weight: 'w', respondentId: 'w' }).problems).toEqual([
      { path: 'respondentId', message: 'column "w" is already used by weight' },
    ]);
    expect(definitionError({ items: [{ id: 'a' }], respondentId: 'id', segments: ['id'] }).problems).toEqual([
      { path: 'segments[0]', message: 'column "id" is already used by respondentId' },
    ]);
    expect(
      definitionError({ items: [{ id: 'a' }], segments: ['s', { id: 'a' }, { id: 's', levels: ['x'] }] })
        .problems,
    ).toEqual([
      { path: 'segments[1]', message: 'column "a" is already used by items[0]' },
      { path: 'segments[2]', message: 'column "s" is already used by segments[0]' },
    ]);
  });

  it('rejects unknown keys at every level (strict)', () => {
    expect(() =>
      defineSurvey({ items: [{ id: 'a' }], title: 'x' } as unknown as SurveyDefinitionInput),
    ).toThrow('defineSurvey: invalid definition: (definition): Unrecognized key: "title"');
    expect(definitionError({ items: [{ id: 'a', label: 'x' }] }).problems).toEqual([
      { path: 'items[0]', message: 'Unrecognized key: "label"' },
    ]);
    expect(definitionError({ scale: { min: 1, max: 5, step: 1 }, items: [{ id: 'a' }] }).problems).toEqual([
      { path: 'scale', message: 'Unrecognized key: "step"' },
    ]);
    expect(definitionError({ items: [{ id: 'a' }], segments: [{ id: 's', level: ['x'] }] }).problems).toEqual(
      [{ path: 'segments[0]', message: 'Unrecognized key: "level"' }],
    );
  });

  it('rejects empty items and empty ids', () => {
    expect(() => defineSurvey({ items: [] })).toThrow(
      'defineSurvey: invalid definition: items: Too small: expected array to have >=1 items',
    );
    expect(definitionError({ items: [{ id: '' }] }).problems).toEqual([
      { path: 'items[0].id', message: 'Too small: expected string to have >=1 characters' },
    ]);
  });

  it('rejects a definition that is not an object, and non-finite bounds', () => {
    expect(() => defineSurvey(null as unknown as SurveyDefinitionInput)).toThrow(
      'defineSurvey: invalid definition: (definition): Invalid input: expected object, received null',
    );
    expect(
      definitionError({ scale: { min: 1, max: Number.POSITIVE_INFINITY }, items: [{ id: 'a' }] }).problems,
    ).toEqual([{ path: 'scale.max', message: 'Invalid input: expected number, received Infinity' }]);
  });

  it('lists every problem at once, in definition order', () => {
    const error = definitionError({
      items: [{ id: 'a' }, { id: 'a', reverse: true }],
      overall: 'x',
      weight: 'a',
    });
    expect(error.name).toBe('SurveyDefinitionError');
    expect(error.problems.map((problem) => problem.path)).toEqual([
      'items[1].id',
      'items[1].reverse',
      'overall',
      'weight',
    ]);
    expect(error.message).toBe(
      'defineSurvey: invalid definition: items[1].id: duplicate item id "a" (also items[0]); ' +
        'items[1].reverse: reverse item "a" needs a scale (item scale or survey default) to reverse on; ' +
        'overall: must name a defined item; got "x"; weight: column "a" is already used by items[1]',
    );
  });
});
