import { readFileSync } from 'node:fs';
import { expect, it, describe as suite } from 'vitest';
import { ahp } from '../../src/ahp/ahp.js';
import { type PairwiseFromSurveyOptions, pairwiseFromSurvey } from '../../src/ahp/pairwise-from-survey.js';
import { SurveyDataError } from '../../src/errors.js';
import { parseCsv } from '../../src/survey/csv.js';
import { expectAllClose, expectClose } from '../helpers/expect-close.js';

// Reference values: test/fixtures/r/ahp.R, `survey`: eight respondents answering six "a vs b"
// questions on the signed scale −9…9 about four items (respondent 7 skipped one), with respondent
// weights. R builds each rater's matrix, takes eigen() priorities and CR (Saaty 1980 RI), keeps the
// complete raters with CR < 0.1, and aggregates their judgments by the weighted geometric mean
// (AIJ, then eigen()) or their priorities (AIP, weighted geometric mean). Largest relative
// differences measured: priorities 1.6e-15; CR 3.1e-13 (on a CR of 0.006, where λmax − n is small);
// tolerance 1e-12 (relative, with an absolute floor of 1e-12 for values below 1).

interface Fixture {
  readonly survey: {
    readonly items: string[];
    readonly pairs: { column: string; a: string; b: string }[];
    readonly answers: Record<string, (number | null)[]>;
    readonly weights: number[];
    readonly raters: { index: number; consistencyRatio: number; weights: number[] }[];
    readonly crThreshold: number;
    readonly keptIndices: number[];
    readonly aggregatedWeights: number[];
    readonly aggregatedCR: number;
    readonly aggregatedAllWeights: number[];
    readonly priorityWeights: number[];
  };
}
const { survey } = JSON.parse(
  readFileSync(new URL('../fixtures/r/ahp.json', import.meta.url), 'utf8'),
) as Fixture;
const tolerance = 1e-12;
const base: PairwiseFromSurveyOptions = { pairs: survey.pairs, scale: 'signed', weights: survey.weights };

suite('pairwiseFromSurvey against R', () => {
  it('per-rater CR and priorities, exclusion above the CR threshold, AIJ of the rest', () => {
    const result = pairwiseFromSurvey(survey.answers, { ...base, crThreshold: survey.crThreshold });
    expect(result.labels).toEqual(survey.items);
    for (const reference of survey.raters) {
      const rater = result.raters[reference.index]!;
      expectClose(
        rater.consistencyRatio!,
        reference.consistencyRatio,
        tolerance,
        `CR of rater ${reference.index}`,
      );
      expectAllClose(rater.weights, reference.weights, tolerance, `weights of rater ${reference.index}`);
    }
    expect(result.raters.filter((r) => r.included).map((r) => r.index)).toEqual(survey.keptIndices);
    expect(result.raters.map((r) => r.reason)).toEqual([
      null,
      null,
      null,
      null,
      'inconsistent',
      null,
      null,
      'missing',
    ]);
    expect([result.n, result.used, result.dropped]).toEqual([8, 6, 2]);
    expect(result.droppedByReason).toEqual({ 'no-answers': 0, missing: 1, disconnected: 0, inconsistent: 1 });
    expect(result.weighted).toBe(true);
    expectAllClose(result.weights, survey.aggregatedWeights, tolerance, 'AIJ priorities');
    expectClose(result.group!.consistencyRatio, survey.aggregatedCR, tolerance, 'AIJ CR');
    expect(result.warnings).toEqual([
      'pairwiseFromSurvey: 2 of 8 raters left out (1 with unanswered comparisons, 1 above the CR threshold): row 4, row 7',
    ]);
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });

  it('without a threshold every complete rater counts, and the inconsistent ones are reported', () => {
    const result = pairwiseFromSurvey(survey.answers, base);
    expectAllClose(result.weights, survey.aggregatedAllWeights, tolerance, 'AIJ of all');
    expect(result.crThreshold).toBeNull();
    expect(result.raters[4]!.included).toBe(true);
    expect(result.raters[4]!.consistent).toBe(false);
    expect(result.warnings).toContain(
      'pairwiseFromSurvey: 1 of 8 raters have a consistency ratio not below 0.1; set crThreshold to leave them out',
    );
  });

  it('aggregates priorities (AIP) when asked', () => {
    const result = pairwiseFromSurvey(survey.answers, {
      ...base,
      crThreshold: survey.crThreshold,
      aggregation: 'priorities',
    });
    expect(result.aggregation).toBe('priorities');
    expect(result.group).toBeNull();
    expectAllClose(result.weights, survey.priorityWeights, tolerance, 'AIP');
  });
});

suite('pairwiseFromSurvey conventions', () => {
  it('the doc-comment example', () => {
    expect(
      pairwiseFromSurvey(
        { q1: [3, 5], q2: [5, 7], q3: [2, 3] },
        {
          pairs: [
            { column: 'q1', a: 'price', b: 'speed' },
            { column: 'q2', a: 'price', b: 'staff' },
            { column: 'q3', a: 'speed', b: 'staff' },
          ],
          scale: 'signed',
        },
      ).labels,
    ).toEqual(['price', 'speed', 'staff']);
  });

  it('signed coding: v ≥ 2 favours a, v ≤ −2 favours b, −1, 0 and 1 are equal; ratio coding is the judgment', () => {
    const pairs = [{ column: 'q', a: 'a', b: 'b' }];
    const judgments = [-9, -2, -1, 0, 1, 2, 9].map(
      (v) => pairwiseFromSurvey({ q: [v] }, { pairs, scale: 'signed' }).group!.matrix[0]![1],
    );
    expect(judgments).toEqual([1 / 9, 1 / 2, 1, 1, 1, 2, 9]);
    const ratio = [1 / 9, 0.5, 1, 3, 9].map(
      (v) => pairwiseFromSurvey({ q: [v] }, { pairs, scale: 'ratio' }).group!.matrix[0]![1],
    );
    expect(ratio).toEqual([1 / 9, 0.5, 1, 3, 9]);
    // Swapping a and b reverses the coding.
    const swapped = pairwiseFromSurvey(
      { q: [4] },
      { pairs: [{ column: 'q', a: 'b', b: 'a' }], scale: 'signed', labels: ['a', 'b'] },
    );
    expect(swapped.group!.matrix[0]![1]).toBe(0.25);
  });

  it("the signed and ratio codings of the same answers agree; aggregation equals ahp of the raters' matrices", () => {
    const signed = pairwiseFromSurvey(survey.answers, {
      pairs: survey.pairs,
      scale: 'signed',
      missing: 'exclude',
    });
    const toRatio = (v: number | null) => (v === null ? null : v >= 2 ? v : v <= -2 ? 1 / -v : 1);
    const ratioAnswers = Object.fromEntries(
      Object.entries(survey.answers).map(([column, values]) => [column, values.map(toRatio)]),
    );
    const ratio = pairwiseFromSurvey(ratioAnswers, { pairs: survey.pairs, scale: 'ratio' });
    expectAllClose(ratio.weights, signed.weights, 1e-15);
    // Unweighted AIJ = ahp of the cell-wise geometric mean of the complete raters.
    const kept = signed.raters.filter((r) => r.included).map((r) => r.index);
    const cell = (column: string) => {
      const values = kept.map((r) => toRatio(survey.answers[column]![r]!)!);
      return values.reduce((p, v) => p * v ** (1 / values.length), 1);
    };
    const [q1, q2, q3, q4, q5, q6] = ['q1', 'q2', 'q3', 'q4', 'q5', 'q6'].map(cell);
    const byHand = ahp([
      [1, q1!, q2!, q3!],
      [null, 1, q4!, q5!],
      [null, null, 1, q6!],
      [null, null, null, 1],
    ]);
    expectAllClose(signed.weights, byHand.weights, 1e-13);
  });

  it("missing: 'complete' keeps raters with gaps, completed by Harker's method", () => {
    const result = pairwiseFromSurvey(survey.answers, { ...base, missing: 'complete' });
    const gap = result.raters[7]!;
    expect([gap.included, gap.missingJudgments, gap.reason]).toEqual([true, 1, null]);
    const own = ahp({
      labels: survey.items,
      matrix: [
        [1, 3, null, 5],
        [null, 1, 2, 3],
        [null, null, 1, 2],
        [null, null, null, 1],
      ],
    });
    expectAllClose(gap.weights, own.weights, 1e-15);
    expectClose(gap.consistencyRatio!, own.consistencyRatio, 1e-15);
    expect(result.used).toBe(8);
  });

  it('counts raters without answers and those whose answers do not connect the items', () => {
    const pairs = [
      { column: 'q1', a: 'a', b: 'b' },
      { column: 'q2', a: 'b', b: 'c' },
      { column: 'q3', a: 'a', b: 'c' },
    ];
    const result = pairwiseFromSurvey(
      { q1: [3, null, null, 2], q2: [2, null, 3, 2], q3: [5, null, null, 4] },
      { pairs, scale: 'signed', missing: 'complete', raterIds: ['r1', 'r2', 'r3', 'r4'] },
    );
    expect(result.raters.map((r) => r.reason)).toEqual([null, 'no-answers', 'disconnected', null]);
    expect(result.warnings).toEqual([
      'pairwiseFromSurvey: 2 of 4 raters left out (1 without answers, 1 whose answers do not connect every item): "r2", "r3"',
    ]);
  });

  it('comparisons not asked are completed for every rater', () => {
    const result = pairwiseFromSurvey(
      { q1: [3, 2], q2: [2, 3] },
      {
        pairs: [
          { column: 'q1', a: 'a', b: 'b' },
          { column: 'q2', a: 'b', b: 'c' },
        ],
        scale: 'signed',
      },
    );
    expect(result.used).toBe(2);
    expect(result.group!.completed).toBe(true);
    expect(result.raters[0]!.consistencyRatio).toBeLessThan(1e-14);
  });

  it('reads Responses, with their respondent ids and weights', () => {
    const csv = 'id,w,q1,q2,q3\nA,1,3,5,2\nB,3,-2,1,4\nC,1,9,-9,9\n';
    const responses = parseCsv(csv, {
      scale: { min: -9, max: 9 },
      items: [{ id: 'q1' }, { id: 'q2' }, { id: 'q3' }],
      respondentId: 'id',
      weight: 'w',
    });
    const pairs = [
      { column: 'q1', a: 'a', b: 'b' },
      { column: 'q2', a: 'a', b: 'c' },
      { column: 'q3', a: 'b', b: 'c' },
    ];
    const result = pairwiseFromSurvey(responses, { pairs, scale: 'signed', crThreshold: 0.1 });
    expect(result.raters.map((r) => [r.id, r.included])).toEqual([
      ['A', true],
      ['B', true],
      ['C', false],
    ]);
    expect(result.weighted).toBe(true);
    const columns = pairwiseFromSurvey(
      { q1: [3, -2], q2: [5, 1], q3: [2, 4] },
      { pairs, scale: 'signed', weights: [1, 3] },
    );
    expectAllClose(result.weights, columns.weights, 1e-15);
  });
});

suite('pairwiseFromSurvey errors', () => {
  const pairs = [{ column: 'q', a: 'a', b: 'b' }];

  it('reports every answer off the scale as survey-data issues', () => {
    let caught: unknown;
    try {
      pairwiseFromSurvey({ q: [3, 0.5, 12, -10] }, { pairs, scale: 'signed' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(SurveyDataError);
    const error = caught as SurveyDataError;
    expect(error.issueCount).toBe(3);
    expect(error.issues.map((i) => [i.code, i.row, i.column, i.value])).toEqual([
      ['out_of_scale', 2, 'q', 0.5],
      ['out_of_scale', 3, 'q', 12],
      ['out_of_scale', 4, 'q', -10],
    ]);
    expect(error.message).toBe(
      'pairwiseFromSurvey: 3 problems in the data: row 2, column "q": 0.5 is not on the signed scale −9…9 (|v| ≥ 1 or 0); row 3, column "q": 12 is not on the signed scale −9…9 (|v| ≥ 1 or 0); row 4, column "q": -10 is not on the signed scale −9…9 (|v| ≥ 1 or 0)',
    );
    expect(() => pairwiseFromSurvey({ q: [0] }, { pairs, scale: 'ratio' })).toThrow(
      'pairwiseFromSurvey: 1 problem in the data: row 1, column "q": 0 is not on the ratio scale 1/9…9',
    );
  });

  it('rejects malformed pairs and options', () => {
    expect(() => pairwiseFromSurvey({ q: [1] }, { pairs: [], scale: 'signed' })).toThrow(
      new TypeError(
        'pairwiseFromSurvey: options.pairs must be a non-empty array of { column, a, b }; got an array of length 0',
      ),
    );
    expect(() =>
      pairwiseFromSurvey({ q: [1] }, { pairs: [{ column: 'q', a: 'a' }] as never, scale: 'signed' }),
    ).toThrow(
      new TypeError('pairwiseFromSurvey: options.pairs[0] must be { column, a, b } of strings; got object'),
    );
    expect(() =>
      pairwiseFromSurvey({ q: [1] }, { pairs: [{ column: 'q', a: 'a', b: 'a' }], scale: 'signed' }),
    ).toThrow(
      new RangeError(
        'pairwiseFromSurvey: options.pairs[0] must compare two different items; got a = b = "a"',
      ),
    );
    expect(() =>
      pairwiseFromSurvey(
        { q: [1], r: [1] },
        {
          pairs: [
            { column: 'q', a: 'a', b: 'b' },
            { column: 'r', a: 'b', b: 'a' },
          ],
          scale: 'signed',
        },
      ),
    ).toThrow(
      new RangeError(
        'pairwiseFromSurvey: each pair of items must be asked once; got "b" vs "a" in options.pairs[0] and options.pairs[1]',
      ),
    );
    expect(() => pairwiseFromSurvey({ q: [1] }, { pairs, scale: 'likert' as never })).toThrow(
      new RangeError("pairwiseFromSurvey: scale must be 'signed' (−9…9) or 'ratio' (1/9…9); got \"likert\""),
    );
    expect(() => pairwiseFromSurvey({ q: [1] }, { pairs, scale: 'signed', crThreshold: -1 })).toThrow(
      new RangeError('pairwiseFromSurvey: crThreshold must be positive and finite; got -1'),
    );
    expect(() =>
      pairwiseFromSurvey({ q: [1] }, { pairs, scale: 'signed', missing: 'drop' as never }),
    ).toThrow(new RangeError("pairwiseFromSurvey: missing must be 'exclude' or 'complete'; got \"drop\""));
    expect(() =>
      pairwiseFromSurvey({ q: [1] }, { pairs, scale: 'signed', aggregation: 'x' as never }),
    ).toThrow(
      new RangeError("pairwiseFromSurvey: aggregation must be 'judgments' or 'priorities'; got \"x\""),
    );
    expect(() => pairwiseFromSurvey({ q: [1] }, undefined as never)).toThrow(
      new TypeError('pairwiseFromSurvey: options { pairs, scale } are required; got undefined'),
    );
  });

  it('rejects items the pairs do not connect, labels that do not fit, unknown columns and ids', () => {
    expect(() =>
      pairwiseFromSurvey(
        { q: [1], r: [1] },
        {
          pairs: [
            { column: 'q', a: 'a', b: 'b' },
            { column: 'r', a: 'c', b: 'd' },
          ],
          scale: 'signed',
        },
      ),
    ).toThrow(
      new RangeError(
        'pairwiseFromSurvey: the pairs must connect every item (a chain of comparisons between any two); got no chain from "a" to "c", "d"',
      ),
    );
    expect(() => pairwiseFromSurvey({ q: [1] }, { pairs, scale: 'signed', labels: ['a'] })).toThrow(
      new RangeError('pairwiseFromSurvey: options.labels must list every item of the pairs; got no "b"'),
    );
    expect(() => pairwiseFromSurvey({ q: [1] }, { pairs, scale: 'signed', labels: ['a', 'b', 'c'] })).toThrow(
      new RangeError(
        'pairwiseFromSurvey: every item of options.labels must appear in a pair; got "c" in none',
      ),
    );
    expect(() => pairwiseFromSurvey({ x: [1] }, { pairs, scale: 'signed' })).toThrow(/unknown item "q"/);
    expect(() => pairwiseFromSurvey({ q: [1, 2] }, { pairs, scale: 'signed', raterIds: ['a'] })).toThrow(
      new RangeError('pairwiseFromSurvey: raterIds must have one id per respondent (2); got 1'),
    );
  });

  it('fails when no rater is left', () => {
    expect(() =>
      pairwiseFromSurvey(
        { q1: [9, null], q2: [9, 2], q3: [9, 2] },
        {
          pairs: [
            { column: 'q1', a: 'a', b: 'b' },
            { column: 'q2', a: 'b', b: 'c' },
            { column: 'q3', a: 'c', b: 'a' },
          ],
          scale: 'signed',
          crThreshold: 0.1,
        },
      ),
    ).toThrow(
      new RangeError(
        'pairwiseFromSurvey: no rater is left to aggregate; got 2 respondents, 1 with unanswered comparisons, 1 above the CR threshold',
      ),
    );
  });
});
