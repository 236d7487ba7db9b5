import { readFileSync } from 'node:fs';
import { expect, it, describe as suite } from 'vitest';
import { ahp } from '../../src/ahp/ahp.js';
import {
  type AhpHierarchyNode,
  type AhpHierarchyOptions,
  ahpHierarchy,
} from '../../src/ahp/ahp-hierarchy.js';
import { expectAllClose, expectClose } from '../helpers/expect-close.js';

// The leader example: "Analytic hierarchy process – leader example", Wikipedia
// (https://en.wikipedia.org/wiki/Analytic_hierarchy_process_%E2%80%93_leader_example). Judgments as
// published (also in the R package ahp's tom_dick_harry.ahp and the AHPy examples); the page gives
// criteria weights .547, .127, .270, .056, local priorities of Tom, Dick, Harry per criterion
// (experience .217 .717 .066, education .188 .081 .731, charisma .743 .194 .063, age .265 .672 .063)
// and global priorities Tom .358, Dick .493, Harry .149. R's eigen() on the same matrices
// (test/fixtures/r/ahp.R) agrees with every number to 1e-15.

interface Fixture {
  readonly complete: { name: string; eigenvector: { weights: number[]; consistencyRatio: number } }[];
  readonly leaderGlobal: number[];
}
const fixture = JSON.parse(
  readFileSync(new URL('../fixtures/r/ahp.json', import.meta.url), 'utf8'),
) as Fixture;
const reference = (name: string) => fixture.complete.find((c) => c.name === name)!.eigenvector;

const leader: AhpHierarchyNode = {
  id: 'goal',
  label: 'Choose the most suitable leader',
  matrix: [
    [1, 4, 3, 7],
    ['1/4', 1, '1/3', 3],
    ['1/3', 3, 1, 5],
    ['1/7', '1/3', '1/5', 1],
  ],
  children: [
    {
      id: 'experience',
      label: 'Experience',
      matrix: [
        [1, '1/4', 4],
        [null, 1, 9],
        [null, null, 1],
      ],
    },
    {
      id: 'education',
      label: 'Education',
      matrix: [
        [1, 3, '1/5'],
        [null, 1, '1/7'],
        [null, null, 1],
      ],
    },
    {
      id: 'charisma',
      label: 'Charisma',
      matrix: [
        [1, 5, 9],
        [null, 1, 4],
        [null, null, 1],
      ],
    },
    {
      id: 'age',
      label: 'Age',
      matrix: [
        [1, '1/3', 5],
        [null, 1, 9],
        [null, null, 1],
      ],
    },
  ],
};
const candidates = ['Tom', 'Dick', 'Harry'];

suite('ahpHierarchy: the Wikipedia leader example', () => {
  const result = ahpHierarchy(leader, { alternatives: candidates });
  const node = (id: string) => result.nodes.find((n) => n.id === id)!;

  it('global priorities of the candidates as published, and as R computes them', () => {
    expect(result.synthesis).toBe('alternatives');
    expect(result.labels).toEqual(candidates);
    expect(result.weights.map((w) => w.toFixed(3))).toEqual(['0.358', '0.493', '0.149']);
    expectAllClose(result.weights, fixture.leaderGlobal, 1e-12);
  });

  it('criteria weights as published (experience printed .547 where the eigenvector gives 0.54757)', () => {
    const local = ['experience', 'education', 'charisma', 'age'].map((id) => node(id).localWeight);
    expect(local.slice(1).map((w) => w.toFixed(3))).toEqual(['0.127', '0.270', '0.056']);
    expect(Math.abs(local[0]! - 0.547)).toBeLessThan(0.001);
    expectAllClose(local, reference('leader criteria').weights, 1e-12);
    expectClose(node('goal').consistencyRatio!, reference('leader criteria').consistencyRatio, 1e-12);
  });

  it('local priorities of the candidates under each criterion as published', () => {
    const published: Record<string, string[]> = {
      experience: ['0.217', '0.717', '0.066'],
      education: ['0.188', '0.081', '0.731'],
      charisma: ['0.743', '0.194', '0.063'],
      age: ['0.265', '0.672', '0.063'],
    };
    for (const [id, values] of Object.entries(published)) {
      const priorities = node(id).priorities!;
      expect(priorities.labels).toEqual(candidates);
      expect(priorities.weights.map((w) => w.toFixed(3))).toEqual(values);
      expectAllClose(priorities.weights, reference(`leader ${id}`).weights, 1e-12);
      expectClose(node(id).consistencyRatio!, reference(`leader ${id}`).consistencyRatio, 1e-12);
    }
  });

  it('contributions decompose the global priorities by criterion', () => {
    expect(result.leafIds).toEqual(['experience', 'education', 'charisma', 'age']);
    result.contributions!.forEach((row, k) => {
      expectClose(
        row.reduce((a, b) => a + b, 0),
        result.weights[k]!,
        1e-15,
      );
      row.forEach((value, l) => {
        const leaf = node(result.leafIds[l]!);
        expectClose(value, leaf.globalWeight * leaf.priorities!.weights[k]!, 1e-15);
      });
    });
    expect(result.consistent).toBe(true);
    expect(result.inconsistentNodes).toEqual([]);
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });
});

suite('ahpHierarchy trees', () => {
  it('the doc-comment example', () => {
    expect(
      ahpHierarchy({
        id: 'goal',
        matrix: [
          [1, 3],
          ['1/3', 1],
        ],
        children: [
          { id: 'price' },
          {
            id: 'quality',
            matrix: [
              [1, 2],
              ['1/2', 1],
            ],
            children: [{ id: 'staff' }, { id: 'speed' }],
          },
        ],
      }).weights,
    ).toEqual([0.75, 0.16666666666666666, 0.08333333333333333]);
  });

  it('leaf weights are products of local weights down the path and sum to 1, at any depth', () => {
    const sub = [
      [1, 2, 4],
      ['1/2', 1, 3],
      ['1/4', '1/3', 1],
    ];
    const tree: AhpHierarchyNode = {
      id: 'satisfaction',
      matrix: [
        [1, 3, 5],
        ['1/3', 1, 2],
        ['1/5', '1/2', 1],
      ],
      children: [
        {
          id: 'service',
          matrix: [
            [1, 2],
            ['1/2', 1],
          ],
          children: [
            {
              id: 'staff',
              matrix: sub,
              children: [{ id: 'friendly' }, { id: 'competent' }, { id: 'quick' }],
            },
            { id: 'waiting' },
          ],
        },
        { id: 'price' },
        { id: 'branch', children: [{ id: 'access' }] },
      ],
    };
    const result = ahpHierarchy(tree);
    expect(result.synthesis).toBe('leaves');
    expect(result.ids).toEqual(['friendly', 'competent', 'quick', 'waiting', 'price', 'access']);
    expectClose(
      result.weights.reduce((a, b) => a + b, 0),
      1,
      1e-15,
    );
    const top = ahp(tree.matrix!).weights;
    const service = ahp(tree.children![0]!.matrix!).weights;
    const staff = ahp(sub).weights;
    expectAllClose(
      result.weights,
      [
        top[0]! * service[0]! * staff[0]!,
        top[0]! * service[0]! * staff[1]!,
        top[0]! * service[0]! * staff[2]!,
        top[0]! * service[1]!,
        top[1]!,
        top[2]!,
      ],
      1e-15,
    );
    const quick = result.nodes.find((n) => n.id === 'quick')!;
    expect([quick.parent, quick.path, quick.depth, quick.leaf, quick.priorities]).toEqual([
      'staff',
      ['satisfaction', 'service', 'staff', 'quick'],
      3,
      true,
      null,
    ]);
    const branch = result.nodes.find((n) => n.id === 'branch')!;
    expect([branch.children, branch.priorities, branch.consistencyRatio]).toEqual([['access'], null, null]);
    expect(result.nodes.find((n) => n.id === 'access')!.localWeight).toBe(1);
    expect(result.nodes.map((n) => n.id)).toEqual([
      'satisfaction',
      'service',
      'staff',
      'friendly',
      'competent',
      'quick',
      'waiting',
      'price',
      'branch',
      'access',
    ]);
  });

  it('alternatives under leaves at different depths; a single alternative needs no matrix', () => {
    const tree: AhpHierarchyNode = {
      id: 'goal',
      matrix: [
        [1, 2],
        ['1/2', 1],
      ],
      children: [
        {
          id: 'cost',
          matrix: [
            [1, 3],
            ['1/3', 1],
          ],
          children: [
            {
              id: 'price',
              matrix: [
                [1, 4],
                ['1/4', 1],
              ],
            },
            {
              id: 'fees',
              matrix: [
                [1, '1/2'],
                [2, 1],
              ],
            },
          ],
        },
        {
          id: 'service',
          matrix: {
            labels: ['bank A', 'bank B'],
            matrix: [
              [1, '1/3'],
              [3, 1],
            ],
          },
        },
      ],
    };
    const result = ahpHierarchy(tree, { alternatives: ['bank A', 'bank B'] });
    const expected = [
      (2 / 3) * (3 / 4) * (4 / 5) + (2 / 3) * (1 / 4) * (1 / 3) + (1 / 3) * (1 / 4),
      (2 / 3) * (3 / 4) * (1 / 5) + (2 / 3) * (1 / 4) * (2 / 3) + (1 / 3) * (3 / 4),
    ];
    expectAllClose(result.weights, expected, 1e-15);
    const single = ahpHierarchy({ id: 'only', children: [{ id: 'leaf' }] }, { alternatives: ['x'] });
    expect(single.weights).toEqual([1]);
  });

  it('labelled matrices may name the children by id or by label', () => {
    const byLabel = ahpHierarchy({
      id: 'g',
      matrix: {
        labels: ['Price', 'quality'],
        matrix: [
          [1, 2],
          [null, 1],
        ],
      },
      children: [{ id: 'price', label: 'Price' }, { id: 'quality' }],
    });
    expect(byLabel.labels).toEqual(['Price', 'quality']);
    expect(byLabel.nodes[0]!.priorities!.labels).toEqual(['Price', 'quality']);
  });

  it('flags inconsistent nodes by id and in warnings, with the node in the message', () => {
    const result = ahpHierarchy({
      id: 'goal',
      matrix: [
        [1, 9, '1/9'],
        [null, 1, 9],
        [null, null, 1],
      ],
      children: [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
    });
    expect(result.consistent).toBe(false);
    expect(result.inconsistentNodes).toEqual(['goal']);
    expect(result.nodes[0]!.consistent).toBe(false);
    expect(result.warnings[0]).toMatch(
      /^ahpHierarchy \(node "goal"\): the consistency ratio is 6\.130, not below 0\.1: revise the judgments, starting with a\[\d\]\[\d\] \("\w" vs "\w"\)/,
    );
  });

  it('passes the ahp options to every matrix', () => {
    const result = ahpHierarchy(leader, {
      alternatives: candidates,
      method: 'geometric-mean',
      randomIndex: 'alonso-lamata-2006',
    });
    expect(result.priorityMethod).toBe('geometric-mean');
    expect(result.randomIndexTable.source).toMatch(/^Alonso & Lamata \(2006\)/);
    expect(result.nodes.every((n) => n.priorities?.priorityMethod !== 'eigenvector')).toBe(true);
    expect(result.nodes[1]!.priorities!.randomIndex).toBe(0.5247);
  });
});

suite('ahpHierarchy errors', () => {
  const throws = (tree: unknown, error: Error, options: AhpHierarchyOptions = {}) => {
    let caught: unknown;
    try {
      ahpHierarchy(tree as AhpHierarchyNode, options);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(error.constructor);
    expect((caught as Error).message).toBe(error.message);
  };
  const pair = [
    [1, 2],
    ['1/2', 1],
  ];

  it('rejects malformed nodes', () => {
    throws(
      null,
      new TypeError('ahpHierarchy: tree must be a node { id, label?, matrix?, children? }; got null'),
    );
    throws({ id: 3 }, new TypeError('ahpHierarchy: tree.id must be a non-empty string; got 3'));
    throws(
      { id: 'g', children: 'a' },
      new TypeError('ahpHierarchy: the children of node "g" must be an array of nodes; got "a"'),
    );
    throws(
      { id: 'g', matrix: pair, children: [{ id: 'a' }, 'b'] },
      new TypeError(
        'ahpHierarchy: the child at index 1 of node "g" must be a node { id, label?, matrix?, children? }; got "b"',
      ),
    );
    throws(
      { id: 'g', label: 4 },
      new TypeError('ahpHierarchy: the label of node "g" must be a string; got 4'),
    );
  });

  it('rejects duplicate ids and missing or misplaced matrices', () => {
    throws(
      { id: 'g', matrix: pair, children: [{ id: 'a' }, { id: 'g' }] },
      new RangeError('ahpHierarchy: node ids must be unique; got "g" twice'),
    );
    throws(
      { id: 'g', children: [{ id: 'a' }, { id: 'b' }] },
      new RangeError('ahpHierarchy: node "g" needs a matrix comparing its 2 children ("a", "b")'),
    );
    throws(
      { id: 'g', matrix: pair, children: [{ id: 'a', matrix: pair }, { id: 'b' }] },
      new RangeError(
        'ahpHierarchy: node "a" has a matrix but no children; give options.alternatives to compare alternatives at the leaves',
      ),
    );
    throws(
      { id: 'g', matrix: pair, children: [{ id: 'a', matrix: pair }, { id: 'b' }] },
      new RangeError('ahpHierarchy: node "b" needs a matrix comparing its 2 alternatives ("x", "y")'),
      { alternatives: ['x', 'y'] },
    );
  });

  it('rejects matrices that do not fit the children or alternatives', () => {
    throws(
      { id: 'g', matrix: pair, children: [{ id: 'a' }, { id: 'b' }, { id: 'c' }] },
      new RangeError('ahpHierarchy (node "g"): the matrix must compare the 3 children (3 × 3); got 2 rows'),
    );
    throws(
      { id: 'g', matrix: { labels: ['b', 'a'], matrix: pair }, children: [{ id: 'a' }, { id: 'b' }] },
      new RangeError(
        'ahpHierarchy (node "g"): the matrix labels must name the children in order ("a", "b"); got "b", "a"',
      ),
    );
    throws(
      {
        id: 'g',
        matrix: [
          [1, 2],
          [2, 1],
        ],
        children: [{ id: 'a' }, { id: 'b' }],
      },
      new RangeError(
        'ahpHierarchy (node "g"): matrix must be reciprocal (a[i][j] · a[j][i] = 1 within reciprocalTolerance 0.000001); got a[0][1] ("a" vs "b") = 2, a[1][0] = 2',
      ),
    );
  });

  it('rejects invalid alternatives and options', () => {
    throws(
      { id: 'g' },
      new RangeError(
        'ahpHierarchy: options.alternatives must be a non-empty array of names; got an array of length 0',
      ),
      {
        alternatives: [],
      },
    );
    throws({ id: 'g' }, new RangeError('ahpHierarchy: options.alternatives must be unique; got "x" twice'), {
      alternatives: ['x', 'x'],
    });
    throws(
      { id: 'g' },
      new TypeError('ahpHierarchy: options.alternatives must be strings; got 1 at index 0'),
      {
        alternatives: [1] as never,
      },
    );
    throws(
      { id: 'g' },
      new RangeError(
        "ahpHierarchy: method must be 'eigenvector', 'geometric-mean', 'column-mean'; got \"x\"",
      ),
      {
        method: 'x' as never,
      },
    );
  });
});
