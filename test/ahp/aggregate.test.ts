import { readFileSync } from 'node:fs';
import { expect, it, describe as suite } from 'vitest';
import { aggregateJudgments, aggregatePriorities } from '../../src/ahp/aggregate.js';
import { ahp } from '../../src/ahp/ahp.js';
import { expectAllClose, expectClose } from '../helpers/expect-close.js';

// Reference values: test/fixtures/r/ahp.R, `group`: three raters' 4 × 4 matrices with rater weights
// 0.5, 0.3, 0.2; the weighted geometric mean of the judgments, Reduce(`*`, Map(function(A, l) A^l,
// ...)) (AIJ), its eigen() priorities, and the weighted geometric (renormalised) and arithmetic means
// of the raters' eigen() priorities (AIP). Largest relative differences measured: AIJ matrix 4.1e-16,
// its priorities 1.1e-15, AIP 6.6e-16; tolerance 1e-12.

interface Fixture {
  readonly group: {
    readonly raters: number[][][];
    readonly raterWeights: number[];
    readonly aggregatedJudgments: number[][];
    readonly aggregatedJudgmentsEqual: number[][];
    readonly aggregatedWeights: number[];
    readonly aggregatedLambda: number;
    readonly individualWeights: number[][];
    readonly prioritiesGeometric: number[];
    readonly prioritiesArithmetic: number[];
  };
}
const { group } = JSON.parse(
  readFileSync(new URL('../fixtures/r/ahp.json', import.meta.url), 'utf8'),
) as Fixture;
const tolerance = 1e-12;

suite('aggregateJudgments (AIJ)', () => {
  it('equals the weighted geometric mean of the judgments computed in R, and ahp of it R eigen()', () => {
    const result = aggregateJudgments(group.raters, { raterWeights: [5, 3, 2] });
    expectAllClose(result.raterWeights, group.raterWeights, 1e-15);
    expectAllClose(result.matrix, group.aggregatedJudgments, tolerance, 'AIJ');
    expectAllClose(
      aggregateJudgments(group.raters).matrix,
      group.aggregatedJudgmentsEqual,
      tolerance,
      'equal',
    );
    const priorities = ahp(result);
    expectAllClose(priorities.weights, group.aggregatedWeights, tolerance, 'AIJ priorities');
    expectClose(priorities.lambdaMax, group.aggregatedLambda, tolerance, 'lambdaMax');
    expect(result.judgmentCounts.flat().every((c) => c === 3)).toBe(true);
    expect(result.warnings).toEqual([]);
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });

  it('the doc-comment example', () => {
    expect(
      aggregateJudgments([
        [
          [1, 4],
          ['1/4', 1],
        ],
        [
          [1, 1],
          [1, 1],
        ],
      ]).matrix,
    ).toEqual([
      [1, 2],
      [0.5, 1],
    ]);
  });

  it('keeps the aggregate reciprocal; identical raters give their own matrix; labels carry over', () => {
    const result = aggregateJudgments(group.raters);
    result.matrix.forEach((row, i) => {
      row.forEach((value, j) => {
        expectClose(value! * result.matrix[j]![i]!, 1, 1e-15);
      });
    });
    const one = group.raters[0]!;
    expectAllClose(aggregateJudgments([one, one, one]).matrix, one, 1e-15);
    const labelled = aggregateJudgments(
      group.raters.map((matrix) => ({ labels: ['a', 'b', 'c', 'd'], matrix })),
    );
    expect(labelled.labels).toEqual(['a', 'b', 'c', 'd']);
    expect(ahp(labelled).labels).toEqual(['a', 'b', 'c', 'd']);
  });

  it('means a judgment over the raters who made it; one nobody made stays null for Harker', () => {
    const result = aggregateJudgments(
      [
        [
          [1, 4, null],
          [null, 1, 2],
          [null, null, 1],
        ],
        [
          [1, 9, null],
          [null, 1, null],
          [null, null, 1],
        ],
      ],
      { raterWeights: [1, 3] },
    );
    expectClose(result.matrix[0]![1]!, 4 ** 0.25 * 9 ** 0.75, 1e-15);
    expect(result.matrix[1]![2]).toBe(2);
    expect(result.matrix[0]![2]).toBeNull();
    expect(result.judgmentCounts).toEqual([
      [2, 2, 0],
      [2, 2, 1],
      [0, 1, 2],
    ]);
    expect(result.warnings).toEqual([
      'aggregateJudgments: 2 judgments were not made by every rater; each is the mean over the raters who made it (see judgmentCounts)',
    ]);
    const completed = ahp(result);
    expect(completed.completed).toBe(true);
  });

  it('rejects invalid input', () => {
    const m = [
      [1, 2],
      [0.5, 1],
    ];
    expect(() => aggregateJudgments('x' as never)).toThrow(
      new TypeError('aggregateJudgments: matrices must be an array of pairwise matrices; got "x"'),
    );
    expect(() => aggregateJudgments([])).toThrow(
      new RangeError('aggregateJudgments: matrices must hold at least one matrix; got none'),
    );
    expect(() => aggregateJudgments([m, [[1]]])).toThrow(
      new RangeError("aggregateJudgments: every matrix must be 2 × 2 (as rater 0's); got 1 × 1 for rater 1"),
    );
    expect(() =>
      aggregateJudgments([
        { labels: ['a', 'b'], matrix: m },
        { labels: ['b', 'a'], matrix: m },
      ]),
    ).toThrow(
      new RangeError(
        'aggregateJudgments: every matrix must compare the same items in the same order; got "b", "a" for rater 1 and "a", "b" for rater 0',
      ),
    );
    expect(() =>
      aggregateJudgments([
        m,
        [
          [1, 2],
          [2, 1],
        ],
      ]),
    ).toThrow(
      new RangeError(
        'aggregateJudgments (rater 1): matrix must be reciprocal (a[i][j] · a[j][i] = 1 within reciprocalTolerance 0.000001); got a[0][1] = 2, a[1][0] = 2',
      ),
    );
    expect(() => aggregateJudgments([m, m], { raterWeights: [1] })).toThrow(
      new RangeError('aggregateJudgments: raterWeights must have one weight per rater (2); got 1'),
    );
    expect(() => aggregateJudgments([m, m], { raterWeights: [1, 0] })).toThrow(
      new RangeError('aggregateJudgments: raterWeights must be positive and finite; got 0 at index 1'),
    );
    expect(() => aggregateJudgments([m, m], { raterWeights: [1, '2'] as never })).toThrow(
      new TypeError('aggregateJudgments: raterWeights must be numbers; got "2" at index 1'),
    );
  });
});

suite('aggregatePriorities (AIP)', () => {
  it("weighted geometric and arithmetic means of the raters' priorities equal R", () => {
    const results = group.raters.map((matrix) => ahp(matrix));
    results.forEach((r, k) => {
      expectAllClose(r.weights, group.individualWeights[k]!, tolerance, `rater ${k}`);
    });
    const geometric = aggregatePriorities(results, { raterWeights: [0.5, 0.3, 0.2] });
    expect(geometric.mean).toBe('geometric');
    expectAllClose(geometric.weights, group.prioritiesGeometric, tolerance, 'geometric');
    const arithmetic = aggregatePriorities(results, { raterWeights: [0.5, 0.3, 0.2], mean: 'arithmetic' });
    expectAllClose(arithmetic.weights, group.prioritiesArithmetic, tolerance, 'arithmetic');
    expect(geometric.labels).toEqual(['c1', 'c2', 'c3', 'c4']);
    expectClose(
      geometric.weights.reduce((a, b) => a + b, 0),
      1,
      1e-15,
    );
    expect(JSON.parse(JSON.stringify(geometric))).toEqual(geometric);
  });

  it('the doc-comment example; plain arrays, labels from the results or the options', () => {
    expect(
      aggregatePriorities(
        [
          [0.5, 0.3, 0.2],
          [0.2, 0.3, 0.5],
        ],
        { mean: 'arithmetic' },
      ).weights,
    ).toEqual([0.35, 0.3, 0.35]);
    expect(aggregatePriorities([{ weights: [0.6, 0.4], labels: ['a', 'b'] }, [0.5, 0.5]]).labels).toEqual([
      'a',
      'b',
    ]);
    expect(aggregatePriorities([[0.6, 0.4]], { labels: ['x', 'y'] }).labels).toEqual(['x', 'y']);
    // Each vector is rescaled to sum to 1 first.
    expectAllClose(aggregatePriorities([[6, 4]]).weights, [0.6, 0.4], 1e-15);
  });

  it('rejects invalid input', () => {
    expect(() => aggregatePriorities([])).toThrow(
      new RangeError('aggregatePriorities: results must hold at least one priority vector; got none'),
    );
    expect(() => aggregatePriorities([{ w: 1 }] as never)).toThrow(
      new TypeError(
        'aggregatePriorities: each result must be a priority vector (number[]) or { weights, labels? }; got object for rater 0',
      ),
    );
    expect(() => aggregatePriorities([[0.5, 0.5], [1]])).toThrow(
      new RangeError(
        "aggregatePriorities: every priority vector must have 2 weights (as rater 0's); got 1 for rater 1",
      ),
    );
    expect(() => aggregatePriorities([[0.5, 0]])).toThrow(
      new RangeError(
        'aggregatePriorities: weights must be positive and finite; got 0 at index 1 for rater 0',
      ),
    );
    expect(() =>
      aggregatePriorities([
        { weights: [0.5, 0.5], labels: ['a', 'b'] },
        { weights: [0.5, 0.5], labels: ['b', 'a'] },
      ]),
    ).toThrow(
      new RangeError(
        'aggregatePriorities: every result must rank the same items in the same order; got "b", "a" for rater 1 and "a", "b" for rater 0',
      ),
    );
    expect(() => aggregatePriorities([[0.5, 0.5]], { mean: 'median' as never })).toThrow(
      new RangeError("aggregatePriorities: mean must be 'geometric' or 'arithmetic'; got \"median\""),
    );
    expect(() => aggregatePriorities([[0.5, 0.5]], { labels: ['a'] })).toThrow(
      new RangeError('aggregatePriorities: labels must name the 2 items; got 1 labels'),
    );
  });
});
