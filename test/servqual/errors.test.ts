import { describe, expect, it } from 'vitest';
import { servqualInstrument } from '../../src/servqual/instrument.js';
import { type ServqualOptions, servqual } from '../../src/servqual/servqual.js';
import { defineSurvey } from '../../src/survey/define-survey.js';
import { bankSample } from '../helpers/data.js';

// Every invalid input is an error that names the culprit; the messages are pinned.
const table = {
  e1: [5, 4, 5],
  p1: [4, 4, 3],
  e2: [4, 4, 5],
  p2: [4, 5, 4],
  imp_a: [60, 50, 40],
  imp_b: [40, 50, 60],
};
const pairs: ServqualOptions['pairs'] = [
  { item: 'q1', dimension: 'A', expectation: 'e1', perception: 'p1' },
  { item: 'q2', dimension: 'B', expectation: 'e2', perception: 'p2' },
];
const base: ServqualOptions = { pairs, scale: { min: 1, max: 5 } };
const sample = bankSample();

describe('servqual errors', () => {
  it('importance points that do not sum to 100', () => {
    expect(() => servqual(table, { ...base, importance: { points: { A: 60, B: 30 } } })).toThrow(
      new RangeError('servqual: importance points must sum to 100 (±0.5); got 90'),
    );
    const allocations = { ...table, imp_b: [40, 45, 60] };
    expect(() =>
      servqual(allocations, {
        ...base,
        importance: { columns: { A: 'imp_a', B: 'imp_b' } },
        scale: {
          e1: { min: 1, max: 5 },
          p1: { min: 1, max: 5 },
          e2: { min: 1, max: 5 },
          p2: { min: 1, max: 5 },
        },
      }),
    ).toThrow(
      new RangeError(
        'servqual: importance points must sum to 100 (±0.5); got 95 in the row at index 1 (imp_a + imp_b)',
      ),
    );
    expect(() => servqual(table, { ...base, importance: { points: { A: 120, B: -20 } } })).toThrow(
      new RangeError('servqual: importance points must be non-negative numbers; got -20 for "B"'),
    );
  });

  it('an item without its pair', () => {
    const { p2: _p2, ...withoutP2 } = table;
    expect(() => servqual(withoutP2, base)).toThrow(
      new RangeError('servqual: item "q2" has no perception column "p2" in the data'),
    );
    expect(() =>
      servqual(
        { e_a: [1], p_a: [2], e_b: [3] },
        {
          instrument: {
            items: [
              { id: 'a', dimension: 'X' },
              { id: 'b', dimension: 'X' },
            ],
          },
          scale: { min: 1, max: 5 },
        },
      ),
    ).toThrow(
      new RangeError('servqual: item "b" has an expectation column "e_b" but no perception column "p_b"'),
    );
    const survey = defineSurvey({
      scale: { min: 1, max: 5 },
      items: [
        { id: 'e_a', dimension: 'X' },
        { id: 'p_a', dimension: 'X' },
        { id: 'e_b', dimension: 'X' },
      ],
    });
    const responses = survey.parse([{ e_a: '4', p_a: '3', e_b: '5' }]);
    expect(() => servqual(responses)).toThrow(
      new RangeError('servqual: the expectation column "e_b" has no perception column (pattern "p_{item}")'),
    );
    const noExpectation = defineSurvey({
      scale: { min: 1, max: 5 },
      items: [
        { id: 'e_a', dimension: 'X' },
        { id: 'p_a', dimension: 'X' },
        { id: 'p_b', dimension: 'X' },
      ],
    }).parse([{ e_a: '4', p_a: '3', p_b: '5' }]);
    expect(() => servqualInstrument(noExpectation)).toThrow(
      new RangeError(
        'servqualInstrument: item "b" has a perception column "p_b" but no expectation column "e_b"',
      ),
    );
  });

  it('out-of-scale answers in plain tables name the column, value and row', () => {
    expect(() => servqual({ ...table, p2: [4, 6, 4] }, base)).toThrow(
      new RangeError(
        'servqual: answers of "p2" must be whole points of the scale 1–5; got 6 in the row at index 1',
      ),
    );
    expect(() => servqual({ ...table, e1: [5, 4.5, 5] }, base)).toThrow(/got 4.5 in the row at index 1/);
    expect(() => servqual(table, { pairs })).toThrow(
      new RangeError(
        'servqual: column "e1" has no scale; give options.scale as { min, max } or one per column',
      ),
    );
    expect(() =>
      servqual(table, {
        pairs,
        scale: {
          e1: { min: 1, max: 5 },
          p1: { min: 1, max: 7 },
          e2: { min: 1, max: 5 },
          p2: { min: 1, max: 5 },
        },
      }),
    ).toThrow(
      new RangeError(
        'servqual: the perception column "p1" of item "q1" must be on the scale of its expectation column (1–5); got 1–7',
      ),
    );
  });

  it('unknown and empty dimensions', () => {
    expect(() => servqual(table, { ...base, importance: { points: { A: 50, C: 50 } } })).toThrow(
      new RangeError('servqual: importance names an unknown dimension "C"; dimensions are A, B'),
    );
    expect(() => servqual(table, { ...base, importance: { points: { A: 100 } } })).toThrow(
      new RangeError('servqual: importance must give every dimension; got none for "B"'),
    );
    const items = [
      { id: '1', dimension: 'A' },
      { id: '2', dimension: 'B' },
    ];
    const pattern = { expectation: 'e{item}', perception: 'p{item}' };
    expect(() =>
      servqual(table, { instrument: { items, dimensions: ['A'] }, pattern, scale: { min: 1, max: 5 } }),
    ).toThrow(new RangeError('servqual: unknown dimension "B" (item "2"); instrument.dimensions are A'));
    expect(() =>
      servqual(table, {
        instrument: { items, dimensions: ['A', 'B', 'C'] },
        pattern,
        scale: { min: 1, max: 5 },
      }),
    ).toThrow(new RangeError('servqual: dimension "C" has no items'));
    expect(() =>
      servqual(table, { pairs: [{ expectation: 'e1', perception: 'p1' }], scale: { min: 1, max: 5 } }),
    ).toThrow(
      new RangeError(
        'servqual: item "p1" needs a dimension (pairs[0].dimension or the survey definition); got none',
      ),
    );
  });

  it('items without answers, and complete dimension scores nobody has', () => {
    expect(() => servqual({ ...table, p2: [null, null, null] }, base)).toThrow(
      new RangeError(
        'servqual: item "q2" has no respondent with both answers; leave it out of the instrument',
      ),
    );
    const sparse = { e1: [5, null], p1: [4, 3], e2: [4, 4], p2: [4, 5], e3: [3, 3], p3: [3, 3] };
    expect(() =>
      servqual(sparse, {
        pairs: [...pairs!, { item: 'q3', dimension: 'A', expectation: 'e3', perception: 'p3' }],
        scale: { min: 1, max: 5 },
        dimensionScore: 'complete',
        reliability: false,
      }),
    ).not.toThrow();
    expect(() =>
      servqual(
        { e1: [5, null], p1: [4, 3], e2: [4, 4], p2: [4, null], e3: [null, 3], p3: [3, 3] },
        {
          pairs: [...pairs!, { item: 'q3', dimension: 'B', expectation: 'e3', perception: 'p3' }],
          scale: { min: 1, max: 5 },
          dimensionScore: 'complete',
        },
      ),
    ).toThrow(
      new RangeError(
        `servqual: dimension "B" has no respondent with every item answered (dimensionScore: 'complete'); use dimensionScore: 'available'`,
      ),
    );
  });

  it('management estimates', () => {
    expect(() => servqual(table, { ...base, managementExpectations: { q1: 4, q9: 4 } })).toThrow(
      new RangeError('servqual: managementExpectations names an unknown item "q9"; items are q1, q2'),
    );
    expect(() => servqual(table, { ...base, managementExpectations: { q1: 4 } })).toThrow(
      new RangeError('servqual: managementExpectations must give every item; got none for "q2"'),
    );
    expect(() => servqual(table, { ...base, managementExpectations: { q1: 4, q2: 6 } })).toThrow(
      new RangeError(`servqual: management's estimate for "q2" must be within the scale 1–5; got 6`),
    );
  });

  it('wrong kinds and conflicting options', () => {
    expect(() => servqual(table, { ...base, instrument: 'standard' })).toThrow(
      new TypeError('servqual: give either pairs or instrument, not both'),
    );
    expect(() => servqual(table, { scale: { min: 1, max: 5 } })).toThrow(
      new TypeError(
        "servqual: data without a survey definition need options.instrument or options.pairs (to know each item's dimension)",
      ),
    );
    expect(() => servqual(table, { ...base, by: 'channel' })).toThrow(TypeError);
    expect(() => servqual(sample, { by: 'region', reliability: false })).toThrow(
      new RangeError('servqual: unknown segment "region"; segments are branch, channel, customer_type'),
    );
    expect(() => servqual(table, { ...base, dimensionScore: 'all' as 'complete' })).toThrow(
      new RangeError(`servqual: dimensionScore must be 'available' or 'complete'; got "all"`),
    );
    expect(() => servqual(table, { ...base, confidenceLevel: 95 })).toThrow(
      new RangeError('servqual: confidenceLevel must be within (0, 1); got 95'),
    );
    expect(() => servqual(sample, { pattern: { expectation: 'e_', perception: 'p_{item}' } })).toThrow(
      new RangeError('servqual: pattern.expectation must contain {item} or {number}; got "e_"'),
    );
    expect(() => servqual(sample, { pattern: { expectation: 'x_{item}', perception: 'y_{item}' } })).toThrow(
      /^servqual: no column matches the perception pattern "y_\{item\}"/,
    );
    expect(() => servqual(sample, { scale: { min: 1, max: 7 }, reliability: false })).toThrow(
      new RangeError(
        'servqual: the scale of "e_tan1" is 1–5 in the survey definition; got 1–7 in options.scale',
      ),
    );
  });
});
