import { readFileSync } from 'node:fs';
import { expect, it, describe as suite } from 'vitest';
import { fuzzyEvaluate } from '../../src/fuzzy/fuzzy-evaluate.js';
import { fuzzyEvaluateHierarchy } from '../../src/fuzzy/fuzzy-evaluate-hierarchy.js';
import type { FUZZY_OPERATORS } from '../../src/fuzzy/fuzzy-inputs.js';
import { membershipMatrix } from '../../src/fuzzy/membership-matrix.js';
import { bankSample } from '../helpers/data.js';
import { expectAllClose, expectClose } from '../helpers/expect-close.js';
import { expectThrows } from '../helpers/expect-throws.js';

// Reference values:
// - the multi-level example of 司守奎, 孙玺菁 (2011), 数学建模算法与应用 (国防工业出版社), §14.2
//   (多层次模糊综合评判: four first-level factors with weights A = (0.4, 0.3, 0.2, 0.1), each with 4 or 5
//   second-level factors), with the data and the result B = (0.288, 0.354, 0.2355, 0.0865, 0.036) as
//   given by the reproduction in github.com/RabbitWhite1/Mathematical-Modeling-In-Python
//   ("14.D 多层次模糊综合评判数据.txt" and notebook "14.2 模糊综合评判法"); exact decimals (checked with
//   rational arithmetic), so compared at 1e-12 relative;
// - two-level evaluations of the bundled sample (items → five SERVQUAL dimensions → overall, weighted
//   by the driver weights that generated the sample) under each operator, computed in base R by
//   test/fixtures/r/fuzzy.R. Unweighted, every operator agrees exactly; weighted, the overall results
//   differ by at most 2.2e-16 relative (B and normalized B) and 1.9e-16 (score), the dimensions' by at
//   most 6.2e-16 (normalized B under product-max), so 1e-12 relative is the tolerance.

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
  readonly operator: (typeof FUZZY_OPERATORS)[number];
  readonly weighted: boolean;
  readonly dimensionWeights: number[];
  readonly dimensions: EvaluationReference[];
  readonly membership: number[][];
  readonly overall: EvaluationReference;
}
const fixture = JSON.parse(readFileSync(new URL('../fixtures/r/fuzzy.json', import.meta.url), 'utf8')) as {
  readonly grades: string[];
  readonly gradeScores: number[];
  readonly dimensions: Record<string, string[]>;
  readonly dimensionWeights: Record<string, number>;
  readonly hierarchy: HierarchyReference[];
};
const tolerance = 1e-12;

const grades = ['优秀', '良好', '一般', '较差', '差'];
const textbook = {
  weights: [0.4, 0.3, 0.2, 0.1],
  itemWeights: [
    [0.2, 0.3, 0.3, 0.2],
    [0.3, 0.2, 0.1, 0.2, 0.2],
    [0.1, 0.2, 0.3, 0.2, 0.2],
    [0.3, 0.2, 0.2, 0.3],
  ],
  membership: [
    [
      [0.8, 0.15, 0.05, 0, 0],
      [0.2, 0.6, 0.1, 0.1, 0],
      [0.5, 0.4, 0.1, 0, 0],
      [0.1, 0.3, 0.5, 0.05, 0.05],
    ],
    [
      [0.3, 0.5, 0.15, 0.05, 0],
      [0.2, 0.2, 0.4, 0.1, 0.1],
      [0.4, 0.4, 0.1, 0.1, 0],
      [0.1, 0.3, 0.3, 0.2, 0.1],
      [0.3, 0.2, 0.2, 0.2, 0.1],
    ],
    [
      [0.1, 0.3, 0.5, 0.1, 0],
      [0.2, 0.3, 0.3, 0.1, 0.1],
      [0.2, 0.3, 0.35, 0.15, 0],
      [0.1, 0.3, 0.4, 0.1, 0.1],
      [0.1, 0.4, 0.3, 0.1, 0.1],
    ],
    [
      [0.3, 0.4, 0.2, 0.1, 0],
      [0.1, 0.4, 0.3, 0.1, 0.1],
      [0.2, 0.3, 0.4, 0.1, 0],
      [0.4, 0.3, 0.2, 0.1, 0],
    ],
  ],
};

suite('fuzzyEvaluateHierarchy on a published worked example', () => {
  it('司守奎 & 孙玺菁 (2011) §14.2, two levels: B = (0.288, 0.354, 0.2355, 0.0865, 0.036), verdict 良好', () => {
    const result = fuzzyEvaluateHierarchy({
      weights: textbook.weights,
      dimensions: textbook.membership.map((matrix, k) => ({
        id: `u${k + 1}`,
        weights: textbook.itemWeights[k]!,
        membership: { matrix, grades },
      })),
    });
    expectAllClose(result.vector, [0.288, 0.354, 0.2355, 0.0865, 0.036], tolerance, 'B');
    expect(result.grade).toBe('良好');
    expect(result.levels).toBe(2);
    // The first-level results, worked exactly: B₁ ties 优秀 and 良好.
    expectAllClose(
      result.dimensions.map((d) => d.evaluation.vector),
      [
        [0.39, 0.39, 0.17, 0.04, 0.01],
        [0.25, 0.33, 0.235, 0.125, 0.06],
        [0.15, 0.32, 0.355, 0.115, 0.06],
        [0.27, 0.35, 0.26, 0.1, 0.02],
      ],
      tolerance,
      'B_k',
    );
    expect(result.dimensions[0]!.evaluation.tied).toEqual(['优秀', '良好']);
    expect(result.warnings).toEqual([
      'fuzzyEvaluateHierarchy: in dimension "u1", grades "优秀" and "良好" tie for the largest membership (0.39); grade reports the first of them, so read normalizedVector and score',
    ]);
  });
});

suite('fuzzyEvaluateHierarchy against R on the bundled sample', () => {
  const sample = bankSample();
  for (const reference of fixture.hierarchy) {
    it(reference.name, () => {
      const result = fuzzyEvaluateHierarchy({
        weights: fixture.dimensionWeights,
        operator: reference.operator,
        dimensions: reference.dimensions.map((dimension) => ({
          id: dimension.id,
          weights: dimension.weights,
          membership: membershipMatrix(sample, {
            items: dimension.items,
            ...(reference.weighted ? {} : { weights: false as const }),
          }),
        })),
      });
      expect(result.method).toBe('fuzzy-evaluate-hierarchy');
      expect(result.id).toBe('overall');
      expect(result.levels).toBe(2);
      expect(result.grades).toEqual(fixture.grades);
      reference.dimensions.forEach((dimension, k) => {
        const got = result.dimensions[k]!;
        expect([got.id, got.depth, got.factors]).toEqual([dimension.id, 1, 'items']);
        expect(got.path).toEqual([dimension.id]);
        expectAllClose(got.evaluation.vector, dimension.vector, tolerance, `${dimension.id} B`);
        expectClose(got.evaluation.score, dimension.score, tolerance, `${dimension.id} score`);
        expect(got.evaluation.tied, dimension.id).toEqual(dimension.tied);
      });
      expectAllClose(result.evaluation.membership, reference.membership, tolerance, 'stacked membership');
      const overall = reference.overall;
      expect(result.evaluation.items).toEqual(overall.items);
      expectAllClose(result.evaluation.weights, overall.weights, 0, 'dimension weights');
      expectAllClose(result.vector, overall.vector, tolerance, 'overall B');
      expectAllClose(result.normalizedVector, overall.normalizedVector, tolerance, 'overall normalized B');
      expectClose(result.score, overall.score, tolerance, 'overall score');
      expect(result.grade).toBe(overall.grade);
      expect(result.tied).toEqual(overall.tied);
      expect(result.evaluation.influentialFactors).toEqual(overall.influentialFactors);
    });
  }

  it('warns, naming the level, when min-max lets only some dimensions shape the overall result', () => {
    const result = fuzzyEvaluateHierarchy({
      weights: fixture.dimensionWeights,
      operator: 'min-max',
      dimensions: Object.entries(fixture.dimensions).map(([id, items]) => ({
        id,
        weights: items.map(() => 1 / items.length),
        membership: membershipMatrix(bankSample(), { items }),
      })),
    });
    expect(result.evaluation.influentialFactors).toEqual(['reliability', 'responsiveness']);
    expect(result.warnings.at(-1)).toBe(
      `fuzzyEvaluateHierarchy: under 'min-max' only 2 of 5 factors ("reliability", "responsiveness") determine the result; the memberships of the other 3 have no influence on it, the known weakness of max-based compositions (consider 'weighted-average')`,
    );
    expect(result.warnings).toContain(
      'fuzzyEvaluateHierarchy: in dimension "tangibles", grades "very satisfied" and "satisfied" tie for the largest membership (0.25); grade reports the first of them, so read normalizedVector and score',
    );
  });
});

suite('fuzzyEvaluateHierarchy conventions and invariants', () => {
  it('the doc-comment example', () => {
    const result = fuzzyEvaluateHierarchy({
      weights: { service: 0.6, price: 0.4 },
      dimensions: [
        {
          id: 'service',
          weights: [0.5, 0.5],
          membership: [
            [0.6, 0.3, 0.1],
            [0.2, 0.6, 0.2],
          ],
        },
        { id: 'price', weights: [1], membership: [[0.1, 0.5, 0.4]] },
      ],
    });
    expectAllClose(result.vector, [0.28, 0.47, 0.25], 1e-15);
    expect(result.grade).toBe('v2');
  });

  it('weighted-average at every level equals one level with global weights (dimension × item)', () => {
    const sample = bankSample();
    const dimensions = Object.entries(fixture.dimensions);
    const hierarchy = fuzzyEvaluateHierarchy({
      weights: fixture.dimensionWeights,
      dimensions: dimensions.map(([id, items]) => ({
        id,
        weights: items.map(() => 1 / items.length),
        membership: membershipMatrix(sample, { items }),
      })),
    });
    const items = dimensions.flatMap(([, ids]) => ids);
    const global = dimensions.flatMap(([id, ids]) =>
      ids.map(() => fixture.dimensionWeights[id]! / ids.length),
    );
    const flat = fuzzyEvaluate({ weights: global, membership: membershipMatrix(sample, { items }) });
    expectAllClose(hierarchy.vector, flat.vector, 1e-14, 'B');
    expectClose(hierarchy.score, flat.score, 1e-14, 'score');
  });

  it('three levels: sub-dimensions nest, each level keeps its result, and operators can differ', () => {
    const result = fuzzyEvaluateHierarchy({
      id: 'bank',
      weights: { people: 0.7, tangibles: 0.3 },
      operator: 'weighted-average',
      dimensions: [
        {
          id: 'people',
          weights: { labels: ['assurance', 'empathy'], weights: [0.6, 0.4] },
          dimensions: [
            {
              id: 'assurance',
              weights: [0.25, 0.25, 0.25, 0.25],
              membership: membershipMatrix(bankSample(), { items: fixture.dimensions['assurance']! }),
            },
            {
              id: 'empathy',
              operator: 'min-max',
              weights: [0.2, 0.2, 0.2, 0.2, 0.2],
              membership: membershipMatrix(bankSample(), { items: fixture.dimensions['empathy']! }),
            },
          ],
        },
        {
          id: 'tangibles',
          weights: [0.25, 0.25, 0.25, 0.25],
          membership: membershipMatrix(bankSample(), { items: fixture.dimensions['tangibles']! }),
        },
      ],
    });
    expect(result.id).toBe('bank');
    expect(result.levels).toBe(3);
    const people = result.dimensions[0]!;
    expect([people.factors, people.depth, people.evaluation.items]).toEqual([
      'dimensions',
      1,
      ['assurance', 'empathy'],
    ]);
    const [assurance, empathy] = people.dimensions;
    expect(empathy!.path).toEqual(['people', 'empathy']);
    expect(empathy!.depth).toBe(2);
    expect(empathy!.evaluation.operator).toBe('min-max');
    expect(assurance!.evaluation.operator).toBe('weighted-average');
    // Each level composes the normalized vectors of the level below.
    const expectedPeople = fuzzyEvaluate({
      weights: [0.6, 0.4],
      membership: [assurance!.evaluation.normalizedVector, empathy!.evaluation.normalizedVector],
    });
    expectAllClose(people.evaluation.vector, expectedPeople.vector, 1e-15, 'people');
    const expectedTop = fuzzyEvaluate({
      weights: [0.7, 0.3],
      membership: [people.evaluation.normalizedVector, result.dimensions[1]!.evaluation.normalizedVector],
    });
    expectAllClose(result.vector, expectedTop.vector, 1e-15, 'top');
    expect(
      result.warnings.some((w) => w.startsWith('fuzzyEvaluateHierarchy: in dimension "people/empathy", ')),
    ).toBe(true);
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });

  it('dimensions without grade labels take those of the others; normalize applies at every level', () => {
    const result = fuzzyEvaluateHierarchy({
      weights: [1, 1],
      normalize: true,
      dimensions: [
        {
          id: 'a',
          weights: [2, 2],
          membership: [
            [1, 0],
            [0.5, 0.5],
          ],
        },
        { id: 'b', weights: [1], membership: { matrix: [[0.2, 0.8]], grades: ['good', 'bad'] } },
      ],
    });
    expect(result.grades).toEqual(['good', 'bad']);
    expect(result.dimensions[0]!.evaluation.grades).toEqual(['good', 'bad']);
    expectAllClose(result.vector, [0.475, 0.525], 1e-15);
    expect(result.warnings).toEqual([
      'fuzzyEvaluateHierarchy: weights of dimension "a" summed to 4; rescaled to sum to 1',
      'fuzzyEvaluateHierarchy: weights summed to 2; rescaled to sum to 1',
    ]);
  });
});

suite('fuzzyEvaluateHierarchy errors', () => {
  const leaf = (id: string, grades?: string[]) => ({
    id,
    weights: [1],
    membership: grades === undefined ? [[0.5, 0.5]] : { matrix: [[0.5, 0.5]], grades },
  });
  const cases: [string, () => unknown, ErrorConstructor, string][] = [
    [
      'options not an object',
      () => fuzzyEvaluateHierarchy(null as never),
      TypeError,
      'fuzzyEvaluateHierarchy: options must be { id?, weights, dimensions, operator?, gradeScores?, normalize? }; got null',
    ],
    [
      'dimensions not an array',
      () => fuzzyEvaluateHierarchy({ weights: [1], dimensions: {} as never }),
      TypeError,
      'fuzzyEvaluateHierarchy: dimensions must be an array of dimensions; got object',
    ],
    [
      'no dimensions',
      () => fuzzyEvaluateHierarchy({ weights: [], dimensions: [] }),
      RangeError,
      'fuzzyEvaluateHierarchy: dimensions must list at least one dimension; got none',
    ],
    [
      'a dimension without an id',
      () =>
        fuzzyEvaluateHierarchy({
          weights: [1],
          dimensions: [{ weights: [1], membership: [[1, 0]] } as never],
        }),
      TypeError,
      'fuzzyEvaluateHierarchy: each dimension must be { id, weights, membership } or { id, weights, dimensions } with a non-empty id; got object at index 0 of the dimensions',
    ],
    [
      'a dimension with both membership and dimensions',
      () =>
        fuzzyEvaluateHierarchy({
          weights: [1],
          dimensions: [{ ...leaf('a'), dimensions: [leaf('b')] } as never],
        }),
      TypeError,
      'fuzzyEvaluateHierarchy: dimension "a" must have either membership (its items) or dimensions (sub-dimensions); got both',
    ],
    [
      'a dimension with neither',
      () => fuzzyEvaluateHierarchy({ weights: [1], dimensions: [{ id: 'a', weights: [1] } as never] }),
      TypeError,
      'fuzzyEvaluateHierarchy: dimension "a" must have either membership (its items) or dimensions (sub-dimensions); got neither',
    ],
    [
      'duplicate dimension ids',
      () => fuzzyEvaluateHierarchy({ weights: [0.5, 0.5], dimensions: [leaf('a'), leaf('a')] }),
      RangeError,
      'fuzzyEvaluateHierarchy: dimension ids must be unique; got "a" twice',
    ],
    [
      'duplicate sub-dimension ids',
      () =>
        fuzzyEvaluateHierarchy({
          weights: [1],
          dimensions: [{ id: 'g', weights: [0.5, 0.5], dimensions: [leaf('a'), leaf('a')] }],
        }),
      RangeError,
      'fuzzyEvaluateHierarchy: dimension ids of dimension "g" must be unique; got "a" twice',
    ],
    [
      'an empty group',
      () => fuzzyEvaluateHierarchy({ weights: [1], dimensions: [{ id: 'g', weights: [], dimensions: [] }] }),
      RangeError,
      'fuzzyEvaluateHierarchy: dimensions of dimension "g" must list at least one dimension; got none',
    ],
    [
      'dimensions with different numbers of grades',
      () =>
        fuzzyEvaluateHierarchy({
          weights: [0.5, 0.5],
          dimensions: [leaf('a'), { id: 'b', weights: [1], membership: [[0.2, 0.3, 0.5]] }],
        }),
      RangeError,
      'fuzzyEvaluateHierarchy: every dimension must use the same grades; got 2 grades in "a" and 3 in "b"',
    ],
    [
      'dimensions with different grade labels',
      () =>
        fuzzyEvaluateHierarchy({
          weights: [0.5, 0.5],
          dimensions: [leaf('a', ['good', 'bad']), leaf('b', ['bad', 'good'])],
        }),
      RangeError,
      'fuzzyEvaluateHierarchy: every dimension must use the same grades in the same order; got "good", "bad" in "a" and "bad", "good" in "b"',
    ],
    [
      'an invalid membership, naming the dimension',
      () =>
        fuzzyEvaluateHierarchy({
          weights: [1],
          dimensions: [
            { id: 'g', weights: [1], dimensions: [{ id: 's', weights: [1], membership: [[0.5, 0.6]] }] },
          ],
        }),
      RangeError,
      'fuzzyEvaluateHierarchy: membership of dimension "g/s" rows must sum to 1 (within 1e-9); got 1.1 for row 0',
    ],
    [
      'item weights not summing to 1, naming the dimension',
      () =>
        fuzzyEvaluateHierarchy({
          weights: [1],
          dimensions: [
            {
              id: 'a',
              weights: [0.5, 0.4],
              membership: [
                [1, 0],
                [0, 1],
              ],
            },
          ],
        }),
      RangeError,
      'fuzzyEvaluateHierarchy: weights of dimension "a" must sum to 1 (within 1e-9); got 0.9 (use normalize: true to rescale)',
    ],
    [
      'dimension weights naming an unknown dimension',
      () => fuzzyEvaluateHierarchy({ weights: { a: 0.5, c: 0.5 }, dimensions: [leaf('a'), leaf('b')] }),
      RangeError,
      'fuzzyEvaluateHierarchy: weights must name factors of the membership; got unknown name "c" (factors are a, b)',
    ],
    [
      'an unknown operator on a dimension',
      () =>
        fuzzyEvaluateHierarchy({
          weights: [1],
          dimensions: [{ ...leaf('a'), operator: 'max' as never }],
        }),
      RangeError,
      `fuzzyEvaluateHierarchy: operator of dimension "a" must be one of 'weighted-average', 'min-max', 'product-max', 'min-bounded-sum'; got "max"`,
    ],
    [
      'gradeScores of the wrong count',
      () => fuzzyEvaluateHierarchy({ weights: [1], dimensions: [leaf('a')], gradeScores: [1, 2, 3] }),
      RangeError,
      'fuzzyEvaluateHierarchy: gradeScores must have one score per grade (2); got 3',
    ],
    [
      'an empty id',
      () => fuzzyEvaluateHierarchy({ id: '', weights: [1], dimensions: [leaf('a')] }),
      TypeError,
      'fuzzyEvaluateHierarchy: id must be a non-empty string; got ""',
    ],
  ];
  for (const [name, call, type, message] of cases) {
    it(name, () => expectThrows(call, type, message));
  }
});

suite('docs/fuzzy-evaluation.md', () => {
  const page = readFileSync(new URL('../../docs/fuzzy-evaluation.md', import.meta.url), 'utf8');
  const cells = (line: string) =>
    line
      .split('|')
      .slice(1, -1)
      .map((cell) => cell.trim());
  const evaluateSample = (operator: (typeof FUZZY_OPERATORS)[number]) => {
    // The code at the top of the page, with `responses` the bundled sample.
    const responses = bankSample();
    const dimensions = ['tangibles', 'reliability', 'responsiveness', 'assurance', 'empathy'];
    return fuzzyEvaluateHierarchy({
      weights: { tangibles: 0.08, reliability: 0.35, responsiveness: 0.25, assurance: 0.2, empathy: 0.12 },
      operator,
      dimensions: dimensions.map((id) => {
        const items = responses.dimension(id).filter((item) => item.startsWith('p_'));
        return {
          id,
          weights: items.map(() => 1 / items.length),
          membership: membershipMatrix(responses, { items }),
        };
      }),
    });
  };

  it('quotes the numbers of the worked example on the bundled sample', () => {
    const result = evaluateSample('weighted-average');
    const rows = page
      .split('\n')
      .filter((line) => /^\| (tangibles|reliability|responsiveness|assurance|empathy|overall) /.test(line))
      .map(cells);
    expect(rows).toHaveLength(6);
    for (const [id, weight, ...rest] of rows) {
      const evaluation =
        id === 'overall' ? result.evaluation : result.dimensions.find((d) => d.id === id)!.evaluation;
      if (id !== 'overall') expect(Number(weight), id).toBe(fixture.dimensionWeights[id!]);
      expect(rest, id).toEqual([
        ...evaluation.normalizedVector.map((b) => b.toFixed(3)),
        evaluation.tied.join(', '),
        evaluation.score.toFixed(1),
      ]);
    }
    expect(page).toContain(
      `result.normalizedVector; // [${result.normalizedVector.map((b) => b.toFixed(3)).join(', ')}]`,
    );
    expect(page).toContain(`result.grade; // '${result.grade}'`);
    expect(page).toContain(`result.score; // ${result.score.toFixed(1)}`);
    const responsiveness = result.dimensions.find((d) => d.id === 'responsiveness')!.evaluation
      .normalizedVector;
    expect(page).toContain(`(${(100 * (responsiveness[3]! + responsiveness[4]!)).toFixed(1)}%`);
  });

  it('quotes the numbers of each operator', () => {
    const rows = page
      .split('\n')
      .filter((line) => /^\| (weighted-average|min-max|product-max|min-bounded-sum) /.test(line))
      .map(cells);
    expect(rows).toHaveLength(4);
    for (const [operator, ...rest] of rows) {
      const result = evaluateSample(operator as (typeof FUZZY_OPERATORS)[number]);
      const influential = result.evaluation.influentialFactors;
      expect(rest, operator).toEqual([
        ...result.normalizedVector.map((b) => b.toFixed(3)),
        result.tied.join(', '),
        result.score.toFixed(1),
        influential.length === 5 ? 'all five' : influential.join(', '),
      ]);
    }
  });
});
