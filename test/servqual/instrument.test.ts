import { describe, expect, it } from 'vitest';
import { SERVQUAL_DIMENSIONS, STANDARD_SERVQUAL, servqualInstrument } from '../../src/servqual/instrument.js';
import { servqual } from '../../src/servqual/servqual.js';
import { defineSurvey } from '../../src/survey/define-survey.js';
import { bankSample } from '../helpers/data.js';

// The standard instrument's structure is that of Parasuraman, Zeithaml & Berry (1988; 1991, Table 1):
// tangibles 1–4, reliability 5–9, responsiveness 10–13, assurance 14–17, empathy 18–22.
describe('the standard SERVQUAL instrument', () => {
  it('has 22 numbered items in the five dimensions of the published scale', () => {
    expect(STANDARD_SERVQUAL.items).toHaveLength(22);
    expect(STANDARD_SERVQUAL.dimensions).toEqual(SERVQUAL_DIMENSIONS);
    const numbers = (dimension: string) =>
      STANDARD_SERVQUAL.items.filter((item) => item.dimension === dimension).map((item) => item.number);
    expect(numbers('tangibles')).toEqual([1, 2, 3, 4]);
    expect(numbers('reliability')).toEqual([5, 6, 7, 8, 9]);
    expect(numbers('responsiveness')).toEqual([10, 11, 12, 13]);
    expect(numbers('assurance')).toEqual([14, 15, 16, 17]);
    expect(numbers('empathy')).toEqual([18, 19, 20, 21, 22]);
    expect(
      STANDARD_SERVQUAL.items.every((item) => typeof item.text === 'string' && item.text.length > 10),
    ).toBe(true);
  });

  it('@example: the numbers of the reliability items', () => {
    expect(
      STANDARD_SERVQUAL.items.filter((item) => item.dimension === 'reliability').map((item) => item.number),
    ).toEqual([5, 6, 7, 8, 9]);
  });

  it('columns by item number: pattern { expectation: "E{number}", perception: "P{number}" }', () => {
    const table: Record<string, number[]> = {};
    for (let k = 1; k <= 22; k++) {
      table[`E${k}`] = [5, 6, 7, 6];
      table[`P${k}`] = [4, 6, 5, (k % 7) + 1];
    }
    const result = servqual(table, {
      instrument: 'standard',
      pattern: { expectation: 'E{number}', perception: 'P{number}' },
      scale: { min: 1, max: 7 },
      reliability: false,
    });
    expect(result.items[4]).toMatchObject({
      item: 'rel1',
      number: 5,
      expectationColumn: 'E5',
      perceptionColumn: 'P5',
    });
    expect(result.dimensions.map((d) => d.items.length)).toEqual([4, 5, 4, 4, 5]);
  });
});

describe('servqualInstrument (a custom instrument from the survey definition)', () => {
  it('@example: the bundled sample', () => {
    const responses = bankSample();
    expect(servqualInstrument(responses).dimensions).toEqual([
      'tangibles',
      'reliability',
      'responsiveness',
      'assurance',
      'empathy',
    ]);
  });

  it('reads items, dimensions and wording of an adapted instrument', () => {
    const survey = defineSurvey({
      name: 'hotel',
      scale: { min: 1, max: 7 },
      items: [
        { id: 'exp_room', text: 'An excellent hotel has quiet rooms.', dimension: 'rooms' },
        { id: 'exp_desk', text: 'An excellent hotel checks guests in quickly.', dimension: 'front desk' },
        { id: 'per_room', text: 'The rooms are quiet.', dimension: 'rooms' },
        { id: 'per_desk', text: 'Check-in is quick.', dimension: 'front desk' },
        { id: 'overall' },
      ],
    });
    const responses = survey.parse([
      { exp_room: '7', exp_desk: '6', per_room: '5', per_desk: '6', overall: '5' },
      { exp_room: '6', exp_desk: '6', per_room: '6', per_desk: '3', overall: '4' },
    ]);
    const pattern = { expectation: 'exp_{item}', perception: 'per_{item}' };
    const instrument = servqualInstrument(responses, pattern);
    expect(instrument).toEqual({
      name: 'hotel',
      dimensions: ['rooms', 'front desk'],
      items: [
        { id: 'room', number: null, dimension: 'rooms', text: 'The rooms are quiet.' },
        { id: 'desk', number: null, dimension: 'front desk', text: 'Check-in is quick.' },
      ],
    });
    const result = servqual(responses, { pattern, reliability: false });
    expect(result.items.map((item) => item.gap)).toEqual([-1, -1.5]);
    expect(result.overallGap).toBe(-1.25);
  });

  it('refuses expectation and perception columns in different dimensions', () => {
    const responses = defineSurvey({
      scale: { min: 1, max: 5 },
      items: [
        { id: 'e_a', dimension: 'X' },
        { id: 'p_a', dimension: 'Y' },
      ],
    }).parse([{ e_a: '4', p_a: '3' }]);
    expect(() => servqualInstrument(responses)).toThrow(
      new RangeError(
        'servqualInstrument: the expectation and perception columns of item "a" must have the same dimension; got "X" for "e_a" and "Y" for "p_a"',
      ),
    );
  });
});

describe('servqual doc-comment example', () => {
  it('@example', () => {
    expect(
      servqual(
        { e1: [5, 4, 5], p1: [4, 4, 3], e2: [4, 4, 5], p2: [4, 5, 4] },
        {
          pairs: [
            { item: 'q1', dimension: 'A', expectation: 'e1', perception: 'p1' },
            { item: 'q2', dimension: 'B', expectation: 'e2', perception: 'p2' },
          ],
          scale: { min: 1, max: 5 },
        },
      ).overallGap,
    ).toBe(-0.5);
  });
});
