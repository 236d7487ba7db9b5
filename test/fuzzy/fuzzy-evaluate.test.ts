import { readFileSync } from 'node:fs';
import { expect, it, describe as suite } from 'vitest';
import { describe } from '../../src/describe/describe.js';
import { fuzzyEvaluate } from '../../src/fuzzy/fuzzy-evaluate.js';
import { FUZZY_OPERATORS } from '../../src/fuzzy/fuzzy-inputs.js';
import { defaultGradeScores } from '../../src/fuzzy/grades.js';
import { membershipMatrix } from '../../src/fuzzy/membership-matrix.js';
import { bankSample } from '../helpers/data.js';
import { expectAllClose, expectClose } from '../helpers/expect-close.js';
import { expectThrows } from '../helpers/expect-throws.js';

// Reference values:
// - a published worked example: 司守奎, 孙玺菁 (2011), 数学建模算法与应用 (国防工业出版社), §14.2,
//   example 14.2 (year-end evaluation of an employee; p. 375 as cited by the reproduction in
//   github.com/RabbitWhite1/Mathematical-Modeling-In-Python, notebook "14.2 模糊综合评判法"):
//   A = (0.25, 0.2, 0.25, 0.3), R as below, B = A ∘ R = (0.175, 0.53, 0.275, 0.02, 0) under M(·, +),
//   verdict 良好 ("good") by maximum membership;
// - the clothing example of Chinese fuzzy-mathematics teaching (服装评判: factors 花色, 式样, 耐穿程度,
//   价格; grades 很欢迎 … 不欢迎), under M(∧, ∨) with the weights of two groups of customers:
//   B₁ = (0.2, 0.3, 0.4, 0.1) "not very welcome" and B₂ = (0.35, 0.4, 0.2, 0.1) "rather welcome"
//   (as printed in the worked solution at e-com-net.com/article/1276296104417181696.htm);
// - each operator on the perception items of each SERVQUAL dimension of the bundled sample, with
//   membership shares unweighted and weighted, computed in base R by test/fixtures/r/fuzzy.R. On the
//   unweighted shares every operator agrees exactly; on the weighted shares (themselves within
//   3.6e-16 of R's) the largest relative difference is 4.5e-16 (B), 6.2e-16 (normalized B) and
//   2.0e-16 (scores), so 1e-12 relative is the tolerance.

interface EvaluationReference {
  readonly id: string;
  readonly operator: (typeof FUZZY_OPERATORS)[number];
  readonly items: string[];
  readonly weights: number[];
  readonly vector: number[];
  readonly normalizedVector: number[];
  readonly grade: string;
  readonly tied: string[];
  readonly score: number;
  readonly influentialFactors: string[];
}
interface HierarchyReference {
  readonly name: string;
  readonly weighted: boolean;
  readonly itemWeights: 'equal' | 'stated';
  readonly dimensions: EvaluationReference[];
}
const fixture = JSON.parse(readFileSync(new URL('../fixtures/r/fuzzy.json', import.meta.url), 'utf8')) as {
  readonly grades: string[];
  readonly gradeScores: number[];
  readonly dimensions: Record<string, string[]>;
  readonly hierarchy: HierarchyReference[];
};
const tolerance = 1e-12;

const employee = {
  weights: [0.25, 0.2, 0.25, 0.3],
  items: ['政治表现', '工作能力', '工作态度', '工作成绩'],
  grades: ['优秀', '良好', '一般', '较差', '差'],
  matrix: [
    [0.1, 0.5, 0.4, 0, 0],
    [0.2, 0.5, 0.2, 0.1, 0],
    [0.2, 0.5, 0.3, 0, 0],
    [0.2, 0.6, 0.2, 0, 0],
  ],
};

const clothing = {
  items: ['花色', '式样', '耐穿程度', '价格'],
  grades: ['很欢迎', '较欢迎', '不太欢迎', '不欢迎'],
  matrix: [
    [0.2, 0.5, 0.2, 0.1],
    [0.7, 0.2, 0.1, 0],
    [0, 0.4, 0.5, 0.1],
    [0.2, 0.3, 0.5, 0],
  ],
};

suite('fuzzyEvaluate on published worked examples', () => {
  it('司守奎 & 孙玺菁 (2011) example 14.2: B = (0.175, 0.53, 0.275, 0.02, 0), verdict 良好', () => {
    const result = fuzzyEvaluate({
      weights: employee.weights,
      membership: { matrix: employee.matrix, items: employee.items, grades: employee.grades },
    });
    expectAllClose(result.vector, [0.175, 0.53, 0.275, 0.02, 0], tolerance, 'B');
    expect(result.grade).toBe('良好');
    expect(result.tied).toEqual(['良好']);
    // Σ B = 1, so B is already normalized; score = 17.5 + 42.4 + 16.5 + 0.8 = 77.2.
    expectAllClose(result.normalizedVector, [0.175, 0.53, 0.275, 0.02, 0], tolerance, 'normalized B');
    expectClose(result.score, 77.2, tolerance, 'score');
    expect(result.warnings).toEqual([]);
  });

  it('the clothing example under M(∧, ∨): two groups of customers, two verdicts', () => {
    const membership = { matrix: clothing.matrix, items: clothing.items, grades: clothing.grades };
    const first = fuzzyEvaluate({ weights: [0.1, 0.2, 0.3, 0.4], membership, operator: 'min-max' });
    expect(first.vector).toEqual([0.2, 0.3, 0.4, 0.1]);
    expect(first.grade).toBe('不太欢迎');
    const second = fuzzyEvaluate({ weights: [0.4, 0.35, 0.15, 0.1], membership, operator: 'min-max' });
    expect(second.vector).toEqual([0.35, 0.4, 0.2, 0.1]);
    expect(second.grade).toBe('较欢迎');
  });
});

suite('fuzzyEvaluate against R on the bundled sample', () => {
  const sample = bankSample();
  for (const reference of fixture.hierarchy) {
    it(reference.name, () => {
      for (const dimension of reference.dimensions) {
        const membership = membershipMatrix(sample, {
          items: dimension.items,
          ...(reference.weighted ? {} : { weights: false as const }),
        });
        // Weights by item name, so that matching by name is exercised.
        const weights = Object.fromEntries(dimension.items.map((id, i) => [id, dimension.weights[i]!]));
        const result = fuzzyEvaluate({ weights, membership, operator: dimension.operator });
        const label = `${dimension.id} ${dimension.operator}`;
        expect(result.operator).toBe(dimension.operator);
        expect(result.items).toEqual(dimension.items);
        expect(result.grades).toEqual(fixture.grades);
        expect(result.gradeScores).toEqual(fixture.gradeScores);
        expectAllClose(result.weights, dimension.weights, 0, `${label} weights`);
        expectAllClose(result.vector, dimension.vector, tolerance, `${label} B`);
        expectAllClose(
          result.normalizedVector,
          dimension.normalizedVector,
          tolerance,
          `${label} normalized B`,
        );
        expectClose(result.score, dimension.score, tolerance, `${label} score`);
        expect(result.grade, label).toBe(dimension.grade);
        expect(result.tied, label).toEqual(dimension.tied);
        expect(result.influentialFactors, label).toEqual(dimension.influentialFactors);
        // Unweighted shares are exact ratios, so the max-based compositions reproduce R bit for bit.
        if (
          !reference.weighted &&
          (dimension.operator === 'min-max' || dimension.operator === 'product-max')
        ) {
          expect(result.vector, `${label} (exact)`).toEqual(dimension.vector);
        }
      }
    });
  }
});

suite('fuzzyEvaluate conventions and invariants', () => {
  it('the doc-comment example', () => {
    const result = fuzzyEvaluate({
      weights: [0.25, 0.2, 0.25, 0.3],
      membership: [
        [0.1, 0.5, 0.4, 0, 0],
        [0.2, 0.5, 0.2, 0.1, 0],
        [0.2, 0.5, 0.3, 0, 0],
        [0.2, 0.6, 0.2, 0, 0],
      ],
    });
    expectAllClose(result.vector, [0.175, 0.53, 0.275, 0.02, 0], 1e-15);
    expect(result.grade).toBe('v2');
    expectClose(result.score, 77.2, 1e-15);
  });

  it('names factors u1… and grades v1… when the matrix has no labels; defaults to weighted-average', () => {
    const result = fuzzyEvaluate({ weights: [0.5, 0.5], membership: clothing.matrix.slice(0, 2) });
    expect(result.items).toEqual(['u1', 'u2']);
    expect(result.grades).toEqual(['v1', 'v2', 'v3', 'v4']);
    expect(result.operator).toBe('weighted-average');
    expect(result.gradeScores).toEqual([100, 75, 50, 25]);
  });

  it('weighted-average: B sums to 1 when the weights and every row sum to 1', () => {
    const membership = membershipMatrix(bankSample(), { items: fixture.dimensions['empathy']! });
    const result = fuzzyEvaluate({ weights: [0.1, 0.15, 0.2, 0.25, 0.3], membership });
    expectClose(
      result.vector.reduce((a, b) => a + b, 0),
      1,
      1e-15,
    );
    expectAllClose(result.normalizedVector, result.vector, 1e-15);
  });

  it('weighted-average with scores 100 … 20 on grades 5 … 1: score = 20 × the weighted mean answer', () => {
    // Σⱼ bⱼ sⱼ = Σᵢ aᵢ Σⱼ rᵢⱼ · 20 vⱼ = 20 Σᵢ aᵢ meanᵢ (each item's mean over its answers, weighted).
    const items = fixture.dimensions['responsiveness']!;
    const weights = [0.3, 0.3, 0.2, 0.2];
    const result = fuzzyEvaluate({ weights, membership: membershipMatrix(bankSample(), { items }) });
    const means = describe(bankSample(), { items }).items.map((item) => item.mean);
    expectClose(result.score, 20 * means.reduce((total, mean, i) => total + weights[i]! * mean, 0), 1e-13);
  });

  it('all answers in one grade: that grade, with its score, under every operator', () => {
    const membership = membershipMatrix({ a: [4, 4, 4], b: [4, 4, Number.NaN], c: [4, 4, 4] });
    for (const operator of FUZZY_OPERATORS) {
      const result = fuzzyEvaluate({ weights: [0.5, 0.3, 0.2], membership, operator });
      expect(result.grade, operator).toBe('satisfied');
      expect(result.tied, operator).toEqual(['satisfied']);
      expect(result.normalizedVector, operator).toEqual([0, 1, 0, 0, 0]);
      expect(result.score, operator).toBe(80);
    }
  });

  it('permuting the factors (rows and weights together) does not change B', () => {
    const membership = membershipMatrix(bankSample(), { items: fixture.dimensions['reliability']! });
    const weights = [0.25, 0.2, 0.2, 0.2, 0.15];
    const order = [3, 0, 4, 2, 1];
    for (const operator of FUZZY_OPERATORS) {
      const direct = fuzzyEvaluate({ weights, membership, operator });
      const permuted = fuzzyEvaluate({
        weights: order.map((i) => weights[i]!),
        membership: {
          matrix: order.map((i) => membership.matrix[i]!),
          items: order.map((i) => membership.items[i]!),
          grades: membership.grades,
        },
        operator,
      });
      expectAllClose(permuted.vector, direct.vector, 1e-15, operator);
      expect(new Set(permuted.influentialFactors), operator).toEqual(new Set(direct.influentialFactors));
    }
  });

  it('an AHP result { weights, labels } is matched to the factors by name, in any order', () => {
    const membership = membershipMatrix(bankSample(), { items: fixture.dimensions['assurance']! });
    const byPosition = fuzzyEvaluate({ weights: [0.4, 0.3, 0.2, 0.1], membership });
    const ahpResult = {
      method: 'ahp',
      weights: [0.1, 0.4, 0.2, 0.3],
      labels: ['p_ass4', 'p_ass1', 'p_ass3', 'p_ass2'],
      consistencyRatio: 0.03,
    };
    const byLabel = fuzzyEvaluate({ weights: ahpResult, membership });
    expect(byLabel.weights).toEqual([0.4, 0.3, 0.2, 0.1]);
    expect(byLabel.vector).toEqual(byPosition.vector);
  });

  it('normalize: true rescales weights and says so; weights within 1e-9 of 1 are used as given', () => {
    const result = fuzzyEvaluate({ weights: [2, 1, 1, 0], membership: clothing.matrix, normalize: true });
    expect(result.weights).toEqual([0.5, 0.25, 0.25, 0]);
    expect(result.normalize).toBe(true);
    expect(result.warnings).toEqual(['fuzzyEvaluate: weights summed to 4; rescaled to sum to 1']);
    expect(result.influentialFactors).toEqual(['u1', 'u2', 'u3']);
    const close = fuzzyEvaluate({ weights: [0.5, 0.5 - 1e-10], membership: clothing.matrix.slice(0, 2) });
    expect(close.weights).toEqual([0.5, 0.5 - 1e-10]);
    expect(close.warnings).toEqual([]);
  });

  it('the operators on a small case worked by hand', () => {
    // a = (0.6, 0.4); r₁ = (0.5, 0.5, 0), r₂ = (0, 0.3, 0.7).
    const membership = [
      [0.5, 0.5, 0],
      [0, 0.3, 0.7],
    ];
    const weights = [0.6, 0.4];
    const vector = (operator: (typeof FUZZY_OPERATORS)[number]) =>
      fuzzyEvaluate({ weights, membership, operator }).vector;
    expectAllClose(vector('weighted-average'), [0.3, 0.42, 0.28], 1e-15, 'M(·,⊕)');
    expect(vector('min-max')).toEqual([0.5, 0.5, 0.4]);
    expectAllClose(vector('product-max'), [0.3, 0.3, 0.28], 1e-15, 'M(·,∨)');
    expectAllClose(vector('min-bounded-sum'), [0.5, 0.8, 0.4], 1e-15, 'M(∧,⊕)');
  });

  it('gradeScores: given, or 100 · (m − j) / m', () => {
    expect(defaultGradeScores(5)).toEqual([100, 80, 60, 40, 20]);
    expect(defaultGradeScores(4)).toEqual([100, 75, 50, 25]);
    const result = fuzzyEvaluate({
      weights: [1],
      membership: [[0.5, 0.25, 0.25]],
      gradeScores: [10, 5, 0],
    });
    expect(result.score).toBe(6.25);
  });

  it('reports ties under the maximum-membership principle', () => {
    const result = fuzzyEvaluate({
      weights: [0.5, 0.5],
      membership: {
        matrix: [
          [0.6, 0.2, 0.2],
          [0.2, 0.6, 0.2],
        ],
        grades: ['good', 'fair', 'poor'],
      },
    });
    expect(result.tied).toEqual(['good', 'fair']);
    expect(result.grade).toBe('good');
    expect(result.warnings).toEqual([
      'fuzzyEvaluate: grades "good" and "fair" tie for the largest membership (0.4); grade reports the first of them, so read normalizedVector and score',
    ]);
  });

  it('influential factors under max-based operators: ties count; fewer than half is warned about', () => {
    // The small factors tie for the last grade, so all four reach a maximum somewhere.
    const result = fuzzyEvaluate({
      weights: [0.7, 0.1, 0.1, 0.1],
      membership: {
        matrix: [
          [0.6, 0.3, 0.1],
          [0, 0.2, 0.8],
          [0, 0.2, 0.8],
          [0, 0.2, 0.8],
        ],
        items: ['main', 'b', 'c', 'd'],
      },
      operator: 'min-max',
    });
    expect(result.vector).toEqual([0.6, 0.3, 0.1]);
    expect(result.influentialFactors).toEqual(['main', 'b', 'c', 'd']);
    const product = fuzzyEvaluate({
      weights: [0.7, 0.1, 0.1, 0.1],
      membership: {
        matrix: [
          [0.6, 0.3, 0.1],
          [0, 0.2, 0.8],
          [0, 0.2, 0.8],
          [0, 0.2, 0.8],
        ],
        items: ['main', 'b', 'c', 'd'],
      },
      operator: 'product-max',
    });
    expectAllClose(product.vector, [0.42, 0.21, 0.08], 1e-15);
    expect(product.influentialFactors).toEqual(['main', 'b', 'c', 'd']);
    const lopsided = fuzzyEvaluate({
      weights: [0.7, 0.1, 0.1, 0.1],
      membership: {
        matrix: [
          [0.6, 0.3, 0.1],
          [0.5, 0.3, 0.2],
          [0.4, 0.4, 0.2],
          [0.5, 0.4, 0.1],
        ],
        items: ['main', 'b', 'c', 'd'],
      },
      operator: 'product-max',
    });
    expect(lopsided.influentialFactors).toEqual(['main']);
    expect(lopsided.warnings).toEqual([
      `fuzzyEvaluate: under 'product-max' only 1 of 4 factors ("main") determine the result; the memberships of the other 3 have no influence on it, the known weakness of max-based compositions (consider 'weighted-average')`,
    ]);
  });

  it('the result survives JSON', () => {
    const membership = membershipMatrix(bankSample(), { items: fixture.dimensions['tangibles']! });
    const result = fuzzyEvaluate({ weights: [0.25, 0.25, 0.25, 0.25], membership, operator: 'min-max' });
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });
});

suite('fuzzyEvaluate errors', () => {
  const membership = { matrix: clothing.matrix, items: clothing.items };
  const cases: [string, () => unknown, ErrorConstructor, string][] = [
    [
      'options not an object',
      () => fuzzyEvaluate(undefined as never),
      TypeError,
      'fuzzyEvaluate: options must be { weights, membership, operator?, gradeScores?, normalize? }; got undefined',
    ],
    [
      'an unknown operator',
      () => fuzzyEvaluate({ weights: [1], membership: [[0.5, 0.5]], operator: 'max-min' as never }),
      RangeError,
      `fuzzyEvaluate: operator must be one of 'weighted-average', 'min-max', 'product-max', 'min-bounded-sum'; got "max-min"`,
    ],
    [
      'an operator that is not a string',
      () => fuzzyEvaluate({ weights: [1], membership: [[0.5, 0.5]], operator: 2 as never }),
      TypeError,
      `fuzzyEvaluate: operator must be one of 'weighted-average', 'min-max', 'product-max', 'min-bounded-sum'; got 2`,
    ],
    [
      'membership of the wrong form',
      () => fuzzyEvaluate({ weights: [1], membership: 'R' as never }),
      TypeError,
      'fuzzyEvaluate: membership must be a matrix (number[][], one row per factor) or { matrix, items?, grades? }; got "R"',
    ],
    [
      'an empty membership matrix',
      () => fuzzyEvaluate({ weights: [], membership: [] }),
      RangeError,
      'fuzzyEvaluate: membership must have at least one row (factor); got none',
    ],
    [
      'a row that is not an array',
      () => fuzzyEvaluate({ weights: [0.5, 0.5], membership: [[0.5, 0.5], 1 as never] }),
      TypeError,
      'fuzzyEvaluate: membership rows must be arrays of numbers; got 1 in row 1',
    ],
    [
      'ragged rows',
      () =>
        fuzzyEvaluate({
          weights: [0.5, 0.5],
          membership: [
            [0.5, 0.5],
            [0.2, 0.3, 0.5],
          ],
        }),
      RangeError,
      'fuzzyEvaluate: membership rows must have equal lengths (one entry per grade); got 2 in row 0 and 3 in row 1',
    ],
    [
      'a single grade',
      () => fuzzyEvaluate({ weights: [1], membership: [[1]] }),
      RangeError,
      'fuzzyEvaluate: membership must have at least two grades (columns); got 1',
    ],
    [
      'an entry that is not a number',
      () => fuzzyEvaluate({ weights: [1], membership: [[0.5, '0.5' as never]] }),
      TypeError,
      'fuzzyEvaluate: membership entries must be numbers; got "0.5" at row 0, column 1',
    ],
    [
      'an entry outside [0, 1]',
      () => fuzzyEvaluate({ weights: [1], membership: [[1.2, -0.2]] }),
      RangeError,
      'fuzzyEvaluate: membership entries must be within [0, 1]; got 1.2 at row 0, column 0',
    ],
    [
      'a row not summing to 1',
      () =>
        fuzzyEvaluate({
          weights: [0.5, 0.5],
          membership: {
            matrix: [
              [0.5, 0.5],
              [0.3, 0.6],
            ],
            items: ['a', 'b'],
          },
        }),
      RangeError,
      'fuzzyEvaluate: membership rows must sum to 1 (within 1e-9); got 0.9 for row 1 ("b")',
    ],
    [
      'item labels of the wrong count',
      () => fuzzyEvaluate({ weights: [1], membership: { matrix: [[0.5, 0.5]], items: ['a', 'b'] } }),
      RangeError,
      'fuzzyEvaluate: membership.items must name each of the 1 rows; got 2 names',
    ],
    [
      'grade labels not strings',
      () => fuzzyEvaluate({ weights: [1], membership: { matrix: [[0.5, 0.5]], grades: [1, 2] as never } }),
      TypeError,
      'fuzzyEvaluate: membership.grades must be an array of strings; got an array of length 2',
    ],
    [
      'duplicate grade labels',
      () => fuzzyEvaluate({ weights: [1], membership: { matrix: [[0.5, 0.5]], grades: ['g', 'g'] } }),
      RangeError,
      'fuzzyEvaluate: membership.grades must be unique; got "g" twice',
    ],
    [
      'weights of the wrong form',
      () => fuzzyEvaluate({ weights: 0.5 as never, membership }),
      TypeError,
      'fuzzyEvaluate: weights must be numbers in factor order, { factor: weight } or a priority vector { weights, labels } (an AHP result); got 0.5',
    ],
    [
      'a weight that is not a number',
      () => fuzzyEvaluate({ weights: [0.5, '0.5'] as never, membership: membership.matrix.slice(0, 2) }),
      TypeError,
      'fuzzyEvaluate: weights must be numbers; got "0.5" at index 1',
    ],
    [
      'weights of the wrong count',
      () => fuzzyEvaluate({ weights: [0.5, 0.5], membership }),
      RangeError,
      'fuzzyEvaluate: weights must have one value per factor (4 membership rows); got 2',
    ],
    [
      'a negative weight',
      () => fuzzyEvaluate({ weights: [0.6, 0.6, -0.2, 0], membership }),
      RangeError,
      'fuzzyEvaluate: weights must be non-negative and finite; got -0.2 at index 2',
    ],
    [
      'a weight that is not finite, by name',
      () =>
        fuzzyEvaluate({ weights: { 花色: 0.5, 式样: Number.NaN, 耐穿程度: 0.25, 价格: 0.25 }, membership }),
      RangeError,
      'fuzzyEvaluate: weights must be non-negative and finite; got NaN for "式样"',
    ],
    [
      'weights not summing to 1',
      () => fuzzyEvaluate({ weights: [0.3, 0.3, 0.2, 0.1], membership }),
      RangeError,
      'fuzzyEvaluate: weights must sum to 1 (within 1e-9); got 0.9 (use normalize: true to rescale)',
    ],
    [
      'all weights zero with normalize',
      () => fuzzyEvaluate({ weights: [0, 0, 0, 0], membership, normalize: true }),
      RangeError,
      'fuzzyEvaluate: weights must not all be zero; got a sum of 0',
    ],
    [
      'weights by name without factor names',
      () => fuzzyEvaluate({ weights: { a: 0.5, b: 0.5 }, membership: clothing.matrix.slice(0, 2) }),
      TypeError,
      'fuzzyEvaluate: weights given by name need the factor names of the membership; give membership as { matrix, items } or weights in row order',
    ],
    [
      'a weight for an unknown factor',
      () =>
        fuzzyEvaluate({ weights: { 花色: 0.5, 式样: 0.2, 耐穿程度: 0.2, 价格: 0, 颜色: 0.1 }, membership }),
      RangeError,
      'fuzzyEvaluate: weights must name factors of the membership; got unknown name "颜色" (factors are 花色, 式样, 耐穿程度, 价格)',
    ],
    [
      'a factor without a weight',
      () => fuzzyEvaluate({ weights: { 花色: 0.5, 式样: 0.5 }, membership }),
      RangeError,
      'fuzzyEvaluate: weights must give every factor a weight; got none for "耐穿程度" and "价格"',
    ],
    [
      'a priority vector without labels',
      () => fuzzyEvaluate({ weights: { weights: [0.25, 0.25, 0.25, 0.25] } as never, membership }),
      TypeError,
      'fuzzyEvaluate: weights.labels must be an array of factor names (a priority vector is { weights, labels }); got undefined',
    ],
    [
      'a priority vector with too few labels',
      () => fuzzyEvaluate({ weights: { weights: [0.5, 0.5], labels: ['花色'] }, membership }),
      RangeError,
      'fuzzyEvaluate: weights.labels must name each of the 2 weights; got 1 labels',
    ],
    [
      'a priority vector with other labels (an AHP matrix without labels)',
      () =>
        fuzzyEvaluate({
          weights: { weights: [0.4, 0.3, 0.2, 0.1], labels: ['c1', 'c2', 'c3', 'c4'] },
          membership,
        }),
      RangeError,
      'fuzzyEvaluate: weights must name factors of the membership; got unknown names "c1", "c2", "c3" and "c4" (factors are 花色, 式样, 耐穿程度, 价格); label the comparison matrix with the factor names, or pass its weights array in row order',
    ],
    [
      'a priority vector naming a factor twice',
      () =>
        fuzzyEvaluate({
          weights: { weights: [0.25, 0.25, 0.25, 0.25], labels: ['花色', '花色', '耐穿程度', '价格'] },
          membership,
        }),
      RangeError,
      'fuzzyEvaluate: weights must name each factor once; got "花色" twice',
    ],
    [
      'a priority vector with a non-number weight',
      () => fuzzyEvaluate({ weights: { weights: [0.5, null], labels: ['a', 'b'] } as never, membership }),
      TypeError,
      'fuzzyEvaluate: weights.weights must be numbers; got null at index 1',
    ],
    [
      'gradeScores of the wrong count',
      () => fuzzyEvaluate({ weights: [0.25, 0.25, 0.25, 0.25], membership, gradeScores: [100, 50, 0] }),
      RangeError,
      'fuzzyEvaluate: gradeScores must have one score per grade (4); got 3',
    ],
    [
      'a grade score that is not finite',
      () =>
        fuzzyEvaluate({
          weights: [0.25, 0.25, 0.25, 0.25],
          membership,
          gradeScores: [100, Number.POSITIVE_INFINITY, 50, 0],
        }),
      RangeError,
      'fuzzyEvaluate: gradeScores must be finite numbers; got Infinity at index 1',
    ],
    [
      'gradeScores not an array',
      () => fuzzyEvaluate({ weights: [0.25, 0.25, 0.25, 0.25], membership, gradeScores: 100 as never }),
      TypeError,
      'fuzzyEvaluate: gradeScores must be an array of numbers; got 100',
    ],
  ];
  for (const [name, call, type, message] of cases) {
    it(name, () => expectThrows(call, type, message));
  }
});
