import { readFileSync } from 'node:fs';
import { expect, it, describe as suite } from 'vitest';
import { DEFAULT_FUZZY_GRADES } from '../../src/fuzzy/grades.js';
import { membershipMatrix } from '../../src/fuzzy/membership-matrix.js';
import { defineSurvey } from '../../src/survey/define-survey.js';
import { bankSample } from '../helpers/data.js';
import { expectAllClose, expectClose } from '../helpers/expect-close.js';
import { expectThrows } from '../helpers/expect-throws.js';

// Reference values: the shares of each grade among the answers to the 22 perception items of the
// bundled sample (examples/data/bank-survey.csv), unweighted and with respondent weights, computed in
// base R by test/fixtures/r/fuzzy.R. Unweighted shares are exact ratios of counts and agree exactly;
// the largest relative difference of the weighted shares is 3.6e-16, so 1e-12 relative is the
// tolerance.

interface MembershipReference {
  readonly weighted: boolean;
  readonly items: string[];
  readonly matrix: number[][];
  readonly counts: number[][];
  readonly answered: number[];
  readonly missing: number[];
}
const fixture = JSON.parse(readFileSync(new URL('../fixtures/r/fuzzy.json', import.meta.url), 'utf8')) as {
  readonly grades: string[];
  readonly dimensions: Record<string, string[]>;
  readonly membership: { readonly unweighted: MembershipReference; readonly weighted: MembershipReference };
};
const tolerance = 1e-12;

suite('membershipMatrix against R on the bundled sample', () => {
  for (const reference of [fixture.membership.unweighted, fixture.membership.weighted]) {
    it(`${reference.weighted ? 'weighted' : 'unweighted'} shares of the perception items`, () => {
      const result = membershipMatrix(bankSample(), {
        items: reference.items,
        ...(reference.weighted ? {} : { weights: false as const }),
      });
      expect(result.method).toBe('membership-matrix');
      expect(result.weighted).toBe(reference.weighted);
      expect(result.items).toEqual(reference.items);
      expect(result.grades).toEqual(fixture.grades);
      expect(result.gradeValues).toEqual([[5], [4], [3], [2], [1]]);
      expect(result.n).toBe(bankSample().n);
      expect(result.counts).toEqual(reference.counts);
      expect(result.answered).toEqual(reference.answered);
      expect(result.missing).toEqual(reference.missing);
      expectAllClose(result.matrix, reference.matrix, tolerance, 'matrix');
      if (!reference.weighted) expect(result.matrix).toEqual(reference.matrix);
    });
  }
});

suite('membershipMatrix conventions and invariants', () => {
  it('the doc-comment example', () => {
    expect(membershipMatrix({ q1: [5, 4, 4, 2, Number.NaN] }).matrix).toEqual([[0.25, 0.5, 0, 0.25, 0]]);
  });

  it('rows sum to 1 and the result survives JSON', () => {
    const result = membershipMatrix(bankSample(), { items: fixture.dimensions['empathy']! });
    for (const row of result.matrix)
      expectClose(
        row.reduce((a, b) => a + b, 0),
        1,
        1e-15,
      );
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });

  it('a grade of several scale points gathers their shares', () => {
    const items = fixture.dimensions['reliability']!;
    const five = membershipMatrix(bankSample(), { items });
    const three = membershipMatrix(bankSample(), {
      items,
      grades: [
        { label: 'satisfied', values: [4, 5] },
        { label: 'neutral', values: [3] },
        { label: 'dissatisfied', values: [1, 2] },
      ],
    });
    expect(three.grades).toEqual(['satisfied', 'neutral', 'dissatisfied']);
    three.matrix.forEach((row, i) => {
      const r = five.matrix[i]!;
      expectAllClose(row, [r[0]! + r[1]!, r[2]!, r[3]! + r[4]!], 1e-15, items[i]);
    });
    expect(three.counts[0]!.reduce((a, b) => a + b, 0)).toBe(five.answered[0]);
  });

  it('respondent weights: shares of Σw; weights: false or equal weights give the unweighted shares', () => {
    const data = { q1: [5, 5, 4, 1], q2: [3, Number.NaN, 3, 2] };
    const weighted = membershipMatrix(data, { weights: [1, 3, 2, 4] });
    expect(weighted.weighted).toBe(true);
    expectAllClose(weighted.matrix[0], [0.4, 0.2, 0, 0, 0.4], 1e-15, 'q1');
    expectAllClose(weighted.matrix[1], [0, 0, 3 / 7, 4 / 7, 0], 1e-15, 'q2');
    expect(weighted.counts).toEqual([
      [2, 1, 0, 0, 1],
      [0, 0, 2, 1, 0],
    ]);
    expect(weighted.answered).toEqual([4, 3]);
    expect(weighted.missing).toEqual([0, 1]);
    expect(membershipMatrix(data, { weights: [2, 2, 2, 2] }).matrix).toEqual(membershipMatrix(data).matrix);
    expect(membershipMatrix(bankSample(), { items: ['p_tan1'], weights: false }).weighted).toBe(false);
  });

  it('answers all in one grade give a row with 1 there', () => {
    expect(membershipMatrix({ q: [4, 4, 4, Number.NaN] }).matrix).toEqual([[0, 1, 0, 0, 0]]);
  });

  it('rows of numbers with columns, and a custom scale checked for coverage', () => {
    const result = membershipMatrix(
      [
        [0, 2],
        [1, 2],
        [2, 0],
      ],
      {
        columns: ['a', 'b'],
        scale: { min: 0, max: 2 },
        grades: [
          { label: 'good', values: [2] },
          { label: 'bad', values: [0, 1] },
        ],
      },
    );
    expect(result.items).toEqual(['a', 'b']);
    expect(result.matrix).toEqual([
      [1 / 3, 2 / 3],
      [2 / 3, 1 / 3],
    ]);
  });

  it('warns about an item missing for more than 20% of the respondents', () => {
    const result = membershipMatrix({ q: [5, 4, Number.NaN, Number.NaN, 3] });
    expect(result.warnings).toEqual(['membershipMatrix: item "q" is missing for 2 of 5 respondents (40.0%)']);
  });

  it('the default grades are the five satisfaction grades, best first', () => {
    expect(DEFAULT_FUZZY_GRADES.map((grade) => grade.label)).toEqual(fixture.grades);
    expect(DEFAULT_FUZZY_GRADES.map((grade) => grade.values)).toEqual([[5], [4], [3], [2], [1]]);
    expect(Object.isFrozen(DEFAULT_FUZZY_GRADES)).toBe(true);
  });
});

suite('membershipMatrix errors', () => {
  const data = { q: [5, 4, 3] };
  const cases: [string, () => unknown, ErrorConstructor, string][] = [
    [
      'grades not an array',
      () => membershipMatrix(data, { grades: 'five' as never }),
      TypeError,
      'membershipMatrix: grades must be an array of { label, values }; got "five"',
    ],
    [
      'fewer than two grades',
      () => membershipMatrix(data, { grades: [{ label: 'all', values: [1, 2, 3, 4, 5] }] }),
      RangeError,
      'membershipMatrix: grades must list at least two grades; got 1',
    ],
    [
      'a grade of the wrong form',
      () => membershipMatrix(data, { grades: [{ label: 'a', values: [5] }, { label: 'b' } as never] }),
      TypeError,
      'membershipMatrix: each grade must be { label: string, values: number[] }; got object at index 1',
    ],
    [
      'an empty label',
      () =>
        membershipMatrix(data, {
          grades: [
            { label: '', values: [5] },
            { label: 'b', values: [4] },
          ],
        }),
      RangeError,
      'membershipMatrix: grade labels must not be empty; got "" at index 0',
    ],
    [
      'a label twice',
      () =>
        membershipMatrix(data, {
          grades: [
            { label: 'a', values: [5] },
            { label: 'a', values: [4] },
          ],
        }),
      RangeError,
      'membershipMatrix: grade labels must be unique; got "a" twice',
    ],
    [
      'a grade without points',
      () =>
        membershipMatrix(data, {
          grades: [
            { label: 'a', values: [5, 4, 3] },
            { label: 'b', values: [] },
          ],
        }),
      RangeError,
      'membershipMatrix: each grade must have at least one scale point; got none for "b"',
    ],
    [
      'a point that is not a finite number',
      () =>
        membershipMatrix(data, {
          grades: [
            { label: 'a', values: [5, 4] },
            { label: 'b', values: [Number.NaN] },
          ],
        }),
      RangeError,
      'membershipMatrix: grade scale points must be finite numbers; got NaN in "b"',
    ],
    [
      'a point in two grades',
      () =>
        membershipMatrix(data, {
          grades: [
            { label: 'high', values: [5, 4, 3] },
            { label: 'low', values: [3, 2, 1] },
          ],
        }),
      RangeError,
      'membershipMatrix: each scale point must belong to exactly one grade; got 3 in "high" and "low"',
    ],
    [
      'a scale point in no grade (default grades on a 0–10 item)',
      () => membershipMatrix(bankSample(), { items: ['recommend'] }),
      RangeError,
      'membershipMatrix: every point of the scale of "recommend" (0–10) must belong to a grade; got none for 0 (grades cover 1, 2, 3, 4, 5; the default grades are for a 1–5 scale, pass options.grades)',
    ],
    [
      'a scale point in no grade (options.scale)',
      () =>
        membershipMatrix(data, {
          scale: { min: 1, max: 5 },
          grades: [
            { label: 'high', values: [5, 4] },
            { label: 'low', values: [2, 1] },
          ],
        }),
      RangeError,
      'membershipMatrix: every point of the scale of "q" (1–5) must belong to a grade; got none for 3 (grades cover 1, 2, 4, 5)',
    ],
    [
      'an answer in no grade',
      () => membershipMatrix({ q: [5, 4, 7] }),
      RangeError,
      'membershipMatrix: answers of "q" must fall in a grade (grades cover 1, 2, 3, 4, 5); got 7 at index 2',
    ],
    [
      'an item without answers',
      () => membershipMatrix({ q: [5, 4], r: [Number.NaN, Number.NaN] }),
      RangeError,
      'membershipMatrix: every item needs at least one answer (a membership row must sum to 1); got none for "r"',
    ],
    [
      'a continuous scale',
      () =>
        membershipMatrix(
          defineSurvey({ scale: { min: 0, max: 1, integer: false }, items: [{ id: 'x' }] }).parse([
            { x: 0.5 },
          ]),
        ),
      RangeError,
      'membershipMatrix: grades need whole scale points; got the continuous scale 0–1 of "x"',
    ],
    [
      'an invalid options.scale',
      () => membershipMatrix(data, { scale: { min: 5, max: 1 } }),
      RangeError,
      'membershipMatrix: scale must have whole-number ends with min < max; got 5–1',
    ],
    [
      'no items',
      () => membershipMatrix({}),
      RangeError,
      'membershipMatrix: data must have at least one item; got none',
    ],
    [
      'an unknown item',
      () => membershipMatrix(data, { items: ['z'] }),
      RangeError,
      'membershipMatrix: unknown item "z"; available are q',
    ],
  ];
  for (const [name, call, type, message] of cases) {
    it(name, () => expectThrows(call, type, message));
  }
});
