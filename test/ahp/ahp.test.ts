import { readFileSync } from 'node:fs';
import { expect, it, describe as suite } from 'vitest';
import { type AhpOptions, ahp } from '../../src/ahp/ahp.js';
import {
  ALONSO_LAMATA_2006_RANDOM_INDEX,
  SAATY_1980_RANDOM_INDEX,
  SAATY_2005_RANDOM_INDEX,
} from '../../src/ahp/random-index.js';
import { expectAllClose, expectClose } from '../helpers/expect-close.js';

// Reference values: base R 4.2 `eigen` (LAPACK dgeev) for the principal eigenvector and eigenvalue,
// row geometric means and normalised column means computed independently, Harker's completion as
// its own eigen problem, and CI / CR from the tables written out in the script. Computed by
// test/fixtures/r/ahp.R on Saaty's drinks matrix, the Wikipedia leader example, a consistent
// matrix, a 2 × 2, 13 random reciprocal matrices (n = 3…15) and 6 mildly inconsistent ones.
// Largest relative differences measured: eigenvector weights 2.7e-15 and λmax 4.1e-15 (random
// n = 14); geometric-mean and column-mean weights and λmax 3.5e-16; CR 1.3e-13 (a difference
// λmax − n of order 1e-2 amplifies rounding); Harker weights 6.3e-15, completed matrix 7.5e-15.
// Tolerance: 1e-12 relative throughout.

interface MethodReference {
  readonly weights: number[];
  readonly lambdaMax: number;
  readonly consistencyIndex: number;
  readonly consistencyRatio: number;
}
interface CompleteCase {
  readonly name: string;
  readonly source: string | null;
  readonly randomIndex: 'saaty-1980' | 'alonso-lamata-2006';
  readonly matrix: number[][];
  readonly eigenvector: MethodReference;
  readonly geometricMean: MethodReference;
  readonly columnMean: MethodReference;
}
interface IncompleteCase {
  readonly name: string;
  readonly matrix: (number | null)[][];
  readonly harkerLambda: number;
  readonly weights: number[];
  readonly completed: number[][];
  readonly lambdaMax: number;
  readonly completedWeights: number[];
  readonly consistencyRatio: number;
}
interface Fixture {
  readonly randomIndex: { readonly saaty1980: number[]; readonly alonsoLamata2006: number[] };
  readonly complete: CompleteCase[];
  readonly incomplete: IncompleteCase[];
}
const fixture = JSON.parse(
  readFileSync(new URL('../fixtures/r/ahp.json', import.meta.url), 'utf8'),
) as Fixture;
const tolerance = 1e-12;
const byName = (name: string) => fixture.complete.find((c) => c.name === name)!;

const methods = [
  ['eigenvector', 'eigenvector'],
  ['geometric-mean', 'geometricMean'],
  ['column-mean', 'columnMean'],
] as const;

suite('ahp against R', () => {
  for (const reference of fixture.complete) {
    for (const [method, key] of methods) {
      it(`${reference.name}, ${method}`, () => {
        const result = ahp(reference.matrix, { method, randomIndex: reference.randomIndex });
        const expected = reference[key];
        expect(result.priorityMethod).toBe(method);
        expectAllClose(result.weights, expected.weights, tolerance, 'weights');
        expectClose(result.lambdaMax, expected.lambdaMax, tolerance, 'lambdaMax');
        expectClose(result.consistencyIndex, expected.consistencyIndex, tolerance, 'CI');
        expectClose(result.consistencyRatio, expected.consistencyRatio, tolerance, 'CR');
      });
    }
  }

  for (const reference of fixture.incomplete) {
    it(`Harker completion: ${reference.name}`, () => {
      const result = ahp(reference.matrix);
      expect(result.completed).toBe(true);
      expect(result.missing).toBe(reference.matrix.flat().filter((v) => v === null).length / 2);
      expectAllClose(result.weights, reference.weights, tolerance, 'Harker weights');
      expectAllClose(result.matrix, reference.completed, tolerance, 'completed matrix');
      // The completed matrix has Harker's Perron vector and eigenvalue.
      expectClose(result.lambdaMax, reference.harkerLambda, tolerance, 'lambdaMax');
      expectAllClose(reference.completedWeights, reference.weights, tolerance, 'R: completed = Harker');
      expectClose(result.consistencyRatio, reference.consistencyRatio, tolerance, 'CR');
      expect(result.warnings.join('\n')).toContain("completed by Harker's method");
    });
  }

  it('the random-index tables are the ones the fixture used', () => {
    expect(SAATY_1980_RANDOM_INDEX.values).toEqual(fixture.randomIndex.saaty1980);
    expect(ALONSO_LAMATA_2006_RANDOM_INDEX.values).toEqual(fixture.randomIndex.alonsoLamata2006);
  });
});

suite('ahp on published examples', () => {
  it('the doc-comment example (STYLE.md)', () => {
    const weights = ahp([
      [1, 3, 5],
      [1 / 3, 1, 3],
      [1 / 5, 1 / 3, 1],
    ]).weights;
    expect(weights.map((w) => w.toFixed(4))).toEqual(['0.6370', '0.2583', '0.1047']);
  });

  // Saaty, T. L. (2008). Decision making with the analytic hierarchy process. Int. J. Services
  // Sciences 1(1), 83–98: judgments of the relative consumption of drinks in the US; the derived
  // scale .177, .019, .042, .116, .190, .129, .327 with CR 0.022 (as reproduced by the AHPy test suite).
  it("Saaty's drinks: the published priorities and CR", () => {
    const drinks = byName('Saaty drinks').matrix;
    const labels = ['coffee', 'wine', 'tea', 'beer', 'sodas', 'milk', 'water'];
    const result = ahp({ labels, matrix: drinks });
    expect(result.weights.map((w) => w.toFixed(3))).toEqual([
      '0.177',
      '0.019',
      '0.042',
      '0.116',
      '0.190',
      '0.129',
      '0.327',
    ]);
    expect(result.labels).toEqual(labels);
    expect(result.consistencyRatio.toFixed(3)).toBe('0.022');
    expect(ahp(drinks, { randomIndex: 'saaty-2005' }).consistencyRatio.toFixed(3)).toBe('0.022');
    expect(result.consistent).toBe(true);
    expect(result.diagnosis).toEqual([]);
  });
});

suite('ahp invariants and conventions', () => {
  it('weights sum to 1 for every method and matrix', () => {
    for (const reference of fixture.complete) {
      for (const [method] of methods) {
        const { weights } = ahp(reference.matrix, { method, randomIndex: reference.randomIndex });
        expectClose(
          weights.reduce((a, b) => a + b, 0),
          1,
          1e-15,
          `${reference.name} ${method}`,
        );
        expect(weights.every((w) => w > 0)).toBe(true);
      }
    }
  });

  it('a consistent matrix has λmax = n, CR = 0 and its generating vector as weights, by every method', () => {
    const v = [0.4, 0.25, 0.2, 0.1, 0.05];
    const matrix = v.map((vi) => v.map((vj) => vi / vj));
    for (const [method] of methods) {
      const result = ahp(matrix, { method });
      expectAllClose(result.weights, v, 1e-14, method);
      expectClose(result.lambdaMax, 5, 1e-14, method);
      expect(Math.abs(result.consistencyRatio)).toBeLessThan(1e-14);
      expect(result.consistent).toBe(true);
    }
  });

  it('a 2 × 2 matrix is always consistent; n = 1 has weight 1', () => {
    const two = ahp([
      [1, 9],
      ['1/9', 1],
    ]);
    expect([two.consistencyIndex, two.consistencyRatio, two.randomIndex, two.consistent]).toEqual([
      0,
      0,
      0,
      true,
    ]);
    expectAllClose(two.weights, [0.9, 0.1], 1e-15);
    const one = ahp([[1]]);
    expect([one.weights, one.lambdaMax, one.consistencyRatio, one.consistent]).toEqual([[1], 1, 0, true]);
  });

  it('exact strings equal the numbers; a triangle with nulls is completed by reciprocals', () => {
    const numbers = ahp([
      [1, 3, 0.5],
      [1 / 3, 1, 0.25],
      [2, 4, 1],
    ]);
    const strings = ahp([
      ['1', '3', '0.5'],
      ['1/3', 1, ' 1 / 4 '],
      ['2', '4', '1'],
    ]);
    const upper = ahp([
      [1, '3', '.5'],
      [null, 1, '1/4'],
      [null, null, null],
    ]);
    expect(strings.matrix).toEqual(numbers.matrix);
    expect(upper.matrix).toEqual(numbers.matrix);
    expect(upper.completed).toBe(false);
    expect(strings.weights).toEqual(numbers.weights);
  });

  it('labels come from options, from { labels, matrix }, or default to c1, c2, …', () => {
    const matrix = [
      [1, 2],
      [0.5, 1],
    ];
    expect(ahp(matrix).labels).toEqual(['c1', 'c2']);
    expect(ahp(matrix, { labels: ['a', 'b'] }).labels).toEqual(['a', 'b']);
    expect(ahp({ labels: ['x', 'y'], matrix }).labels).toEqual(['x', 'y']);
    expect(ahp({ labels: ['x', 'y'], matrix }, { labels: ['x', 'y'] }).labels).toEqual(['x', 'y']);
  });

  it('rounded decimals pass with a wider reciprocalTolerance; the upper triangle is authoritative', () => {
    const typed = [
      [1, 3, 5],
      [0.333, 1, 3],
      [0.2, 0.333, 1],
    ];
    expect(() => ahp(typed)).toThrow(RangeError);
    const result = ahp(typed, { reciprocalTolerance: 0.01 });
    expect(result.matrix[1]![0]).toBe(1 / 3);
    expect(result.matrix[2]![1]).toBe(1 / 3);
    expect(result.weights).toEqual(
      ahp([
        [1, 3, 5],
        [1 / 3, 1, 3],
        [1 / 5, 1 / 3, 1],
      ]).weights,
    );
    expect(result.warnings).toEqual([
      'ahp: the lower triangle was replaced by the reciprocals of the upper triangle (largest deviation 0.00100 at a[0][1] = 3, a[1][0] = 0.333)',
    ]);
    // Reciprocals computed in floating point raise no warning.
    expect(
      ahp([
        [1, 3],
        [1 / 3, 1],
      ]).warnings,
    ).toEqual([]);
  });

  it('warns about judgments outside 1/9…9', () => {
    const result = ahp({
      labels: ['a', 'b', 'c'],
      matrix: [
        [1, 12, 3],
        [null, 1, '1/20'],
        [null, null, 1],
      ],
    });
    expect(result.warnings[0]).toBe(
      'ahp: 2 judgments lie outside Saaty\'s scale 1/9…9: a[0][1] ("a" vs "b") = 12, a[1][2] ("b" vs "c") = "1/20"',
    );
  });

  it('selects the random-index table and reports it', () => {
    const matrix = byName('leader criteria').matrix;
    const saaty1980 = ahp(matrix);
    expect(saaty1980.randomIndex).toBe(0.9);
    expect(saaty1980.randomIndexTable).toEqual({
      source: SAATY_1980_RANDOM_INDEX.source,
      values: [...SAATY_1980_RANDOM_INDEX.values],
    });
    expect(ahp(matrix, { randomIndex: 'saaty-2005' }).randomIndex).toBe(0.89);
    expect(ahp(matrix, { randomIndex: 'alonso-lamata-2006' }).randomIndex).toBe(0.8816);
    const user = ahp(matrix, { randomIndex: [0, 0, 0.5, 1] });
    expect(user.randomIndexTable).toEqual({ source: 'user', values: [0, 0, 0.5, 1] });
    expectClose(user.consistencyRatio, user.consistencyIndex, 1e-15);
    expect(
      ahp(matrix, { randomIndex: { source: 'Donegan & Dodd (1991)', values: [0, 0, 0.4914, 0.8286] } })
        .randomIndex,
    ).toBe(0.8286);
    expect(SAATY_2005_RANDOM_INDEX.values).toHaveLength(15);
  });

  it('consistent is CR below the threshold', () => {
    const matrix = byName('leader criteria').matrix; // CR 0.0439
    expect(ahp(matrix).consistent).toBe(true);
    const strict = ahp(matrix, { consistencyThreshold: 0.04 });
    expect(strict.consistent).toBe(false);
    expect(strict.consistencyThreshold).toBe(0.04);
    expect(strict.diagnosis).toHaveLength(6);
  });

  it('diagnoses an inconsistent matrix: the reversed judgment first, with exact shares', () => {
    // The consistent ratios of (8, 4, 2, 1) with a[0][3] reversed from 8 to 1/8.
    const result = ahp({
      labels: ['price', 'speed', 'staff', 'branch'],
      matrix: [
        [1, 2, 4, '1/8'],
        [null, 1, 2, 4],
        [null, null, 1, 2],
        [null, null, null, 1],
      ],
    });
    expect(result.consistent).toBe(false);
    const [first] = result.diagnosis;
    expect([first!.row, first!.column, first!.rowLabel, first!.columnLabel, first!.value]).toEqual([
      0,
      3,
      'price',
      'branch',
      0.125,
    ]);
    const w = result.weights;
    expectClose(first!.consistentValue, w[0]! / w[3]!, 1e-15);
    expectClose(first!.deviationRatio, (0.125 * w[3]!) / w[0]!, 1e-15);
    expect(first!.nearestScaleValue).toBe(0.5);
    // λmax − n = (1/n) Σ (ε + 1/ε − 2); shares sum to 1, largest first.
    const terms = result.diagnosis.map((d) => d.deviationRatio + 1 / d.deviationRatio - 2);
    expectClose(terms.reduce((a, b) => a + b, 0) / 4, result.lambdaMax - 4, 1e-13);
    expectClose(
      result.diagnosis.reduce((a, d) => a + d.contribution, 0),
      1,
      1e-14,
    );
    const shares = result.diagnosis.map((d) => d.contribution);
    expect([...shares].sort((a, b) => b - a)).toEqual(shares);
    expect(result.warnings).toEqual([
      'ahp: the consistency ratio is 1.013, not below 0.1: revise the judgments, starting with a[0][3] ("price" vs "branch") = 1/8 (consistent with the weights: 0.660; nearest scale value 1/2)',
    ]);
  });

  it('leaves completed judgments out of the diagnosis', () => {
    const result = ahp([
      [1, 9, null, '1/9'],
      [null, 1, 9, null],
      [null, null, 1, 9],
      [null, null, null, 1],
    ]);
    expect(result.consistent).toBe(false);
    expect(result.diagnosis.map((d) => [d.row, d.column]).sort()).toEqual([
      [0, 1],
      [0, 3],
      [1, 2],
      [2, 3],
    ]);
  });

  it('nearest scale values round in log distance', async () => {
    const { nearestScaleValue } = await import('../../src/ahp/pairwise-matrix.js');
    expect([0.05, 0.3, 0.34, 1.41, 1.42, 2.44, 2.45, 8.48, 8.49, 20].map(nearestScaleValue)).toEqual([
      1 / 9,
      1 / 3,
      1 / 3,
      1,
      2,
      2,
      3,
      8,
      9,
      9,
    ]);
  });

  it("power iteration (the fallback) converges to the eigen-decomposition's Perron vector", async () => {
    const { harkerMatrix, perronEigen, powerIteration } = await import('../../src/ahp/priority-vector.js');
    for (const matrix of [
      byName('Saaty drinks').matrix,
      byName('random 12').matrix,
      harkerMatrix(fixture.incomplete[1]!.matrix),
    ]) {
      const start = matrix.map(() => 1 / matrix.length);
      const power = powerIteration(matrix, start);
      const eigen = perronEigen(matrix);
      expectAllClose(power.vector, eigen.vector, 1e-13);
      expectClose(power.value, eigen.value, 1e-13);
    }
  });

  it('result is plain JSON', () => {
    for (const input of [byName('Saaty drinks').matrix, fixture.incomplete[0]!.matrix]) {
      const result = ahp(input, { consistencyThreshold: 0.001 });
      expect(JSON.parse(JSON.stringify(result))).toEqual(result);
    }
  });
});

suite('ahp errors', () => {
  const throws = (matrix: unknown, error: Error, options: AhpOptions = {}) => {
    expect(() => ahp(matrix as never, options)).toThrow(error);
    try {
      ahp(matrix as never, options);
    } catch (caught) {
      expect((caught as Error).constructor).toBe(error.constructor);
    }
  };

  it('rejects input that is not a matrix', () => {
    throws(5, new TypeError('ahp: matrix must be an array of rows or { labels, matrix }; got 5'));
    throws([], new RangeError('ahp: matrix must have at least one row; got an empty array'));
    throws([[1, 2], 3], new TypeError('ahp: matrix rows must be arrays; got 3 at row 1'));
    throws(
      [
        [1, 2],
        [0.5, 1, 3],
      ],
      new RangeError('ahp: matrix must be square (2 × 2); got 3 values in row 1'),
    );
  });

  it('rejects judgments of the wrong kind or value, naming the cell', () => {
    const cell = (value: unknown) => [
      [1, value],
      [null, 1],
    ];
    throws(
      cell(true),
      new TypeError('ahp: judgments must be numbers, strings such as "1/3", or null; got boolean at a[0][1]'),
    );
    for (const [value, shown] of [
      ['abc', '"abc"'],
      ['1/0', '"1/0"'],
      ['-3', '"-3"'],
      ['3e2', '"3e2"'],
      [0, '0'],
      [-2, '-2'],
      [Number.NaN, 'NaN'],
      [Number.POSITIVE_INFINITY, 'Infinity'],
    ] as const) {
      throws(
        cell(value),
        new RangeError(
          `ahp: judgments must be positive and finite (a number, or a string such as "3" or "1/3"); got a[0][1] = ${shown}`,
        ),
      );
    }
    throws(
      { labels: ['price', 'speed'], matrix: cell('x') },
      new RangeError(
        'ahp: judgments must be positive and finite (a number, or a string such as "3" or "1/3"); got a[0][1] ("price" vs "speed") = "x"',
      ),
    );
  });

  it('rejects a diagonal other than 1 and a matrix that is not reciprocal', () => {
    throws(
      [
        [1, 2],
        [0.5, 2],
      ],
      new RangeError('ahp: diagonal judgments must be 1; got a[1][1] = 2'),
    );
    throws(
      [
        [1, 3, 5],
        [1 / 3, 1, 3],
        [0.25, 1 / 3, 1],
      ],
      new RangeError(
        'ahp: matrix must be reciprocal (a[i][j] · a[j][i] = 1 within reciprocalTolerance 0.000001); got a[0][2] = 5, a[2][0] = 0.25',
      ),
    );
  });

  it('rejects labels that do not fit', () => {
    const matrix = [
      [1, 2],
      [0.5, 1],
    ];
    throws(matrix, new RangeError('ahp: options.labels must name the 2 items of the matrix; got 3 labels'), {
      labels: ['a', 'b', 'c'],
    });
    throws({ labels: ['a', 'a'], matrix }, new RangeError('ahp: labels must be unique; got "a" twice'));
    throws({ labels: ['a', 2], matrix }, new TypeError('ahp: labels must be strings; got 2 at index 1'));
    throws(
      { labels: ['a', 'b'], matrix },
      new RangeError(
        'ahp: options.labels must equal the labels of the matrix when both are given; got "b", "a" and "a", "b"',
      ),
      { labels: ['b', 'a'] },
    );
  });

  it('rejects missing judgments that leave items unconnected', () => {
    throws(
      [
        [1, 2, null, null],
        [null, 1, null, null],
        [null, null, 1, 3],
        [null, null, null, 1],
      ],
      new RangeError(
        "ahp: the given judgments must connect every item (Harker's completion needs a connected comparison graph); got no chain of judgments from item 0 (c1), item 1 (c2) to item 2 (c3), item 3 (c4)",
      ),
    );
    throws(
      {
        labels: ['a', 'b', 'c'],
        matrix: [
          [1, 2, null],
          [null, 1, null],
          [null, null, 1],
        ],
      },
      new RangeError(
        'ahp: the given judgments must connect every item (Harker\'s completion needs a connected comparison graph); got no chain of judgments from "a", "b" to "c"',
      ),
    );
  });

  it('rejects invalid options', () => {
    const matrix = [
      [1, 2],
      [0.5, 1],
    ];
    throws(
      matrix,
      new RangeError("ahp: method must be 'eigenvector', 'geometric-mean', 'column-mean'; got \"power\""),
      {
        method: 'power' as never,
      },
    );
    throws(matrix, new RangeError('ahp: consistencyThreshold must be positive and finite; got 0'), {
      consistencyThreshold: 0,
    });
    throws(matrix, new RangeError('ahp: reciprocalTolerance must be within [0, 1); got 1'), {
      reciprocalTolerance: 1,
    });
  });

  it('rejects random-index tables that are unknown, invalid or too short', () => {
    const matrix = [
      [1, 2],
      [0.5, 1],
    ];
    throws(
      matrix,
      new RangeError(
        "ahp: randomIndex must be 'saaty-1980', 'saaty-2005', 'alonso-lamata-2006', an array of values or { source, values }; got \"saaty\"",
      ),
      { randomIndex: 'saaty' as never },
    );
    throws(
      matrix,
      new RangeError(
        'ahp: randomIndex values must be positive and finite (RI(n) for n = 1, 2, …); got 0 for n = 3',
      ),
      { randomIndex: [0, 0, 0] },
    );
    throws(matrix, new TypeError('ahp: randomIndex values must be numbers; got "1" for n = 1'), {
      randomIndex: ['1'] as never,
    });
    throws(matrix, new RangeError('ahp: randomIndex must list RI(1), RI(2), …; got an empty array'), {
      randomIndex: [],
    });
    throws(
      matrix,
      new TypeError('ahp: randomIndex must be a table name, an array of values or { source, values }; got 3'),
      {
        randomIndex: 3 as never,
      },
    );
    const eleven = Array.from({ length: 11 }, (_, i) =>
      Array.from({ length: 11 }, (__, j) => (i === j ? 1 : null)),
    );
    eleven.forEach((row, i) => {
      if (i > 0) row[i - 1] = 1;
    });
    throws(
      eleven,
      new RangeError(
        "ahp: the random-index table (Saaty (1980), The Analytic Hierarchy Process, McGraw-Hill) covers n = 1…10; got n = 11 (give randomIndex: 'saaty-2005' or 'alonso-lamata-2006' for n up to 15, or your own values)",
      ),
    );
    expect(ahp(eleven, { randomIndex: 'saaty-2005' }).randomIndex).toBe(1.52);
    const sixteen = [
      Array.from({ length: 16 }, () => 1),
      ...Array.from({ length: 15 }, () => Array(16).fill(null)),
    ];
    sixteen.forEach((row, i) => {
      row[i] = 1;
    });
    throws(
      sixteen,
      new RangeError(
        'ahp: the random-index table (user) covers n = 1…15; got n = 16 (give your own values in randomIndex)',
      ),
      { randomIndex: [...SAATY_2005_RANDOM_INDEX.values] },
    );
  });
});
