import { readFileSync } from 'node:fs';
import { expect, it, describe as suite } from 'vitest';
import { aggregateJudgments, aggregatePriorities } from '../../src/ahp/aggregate.js';
import { type AhpResult, ahp } from '../../src/ahp/ahp.js';
import { type AhpHierarchyResult, ahpHierarchy } from '../../src/ahp/ahp-hierarchy.js';
import type { Judgment } from '../../src/ahp/pairwise-matrix.js';

// docs/ahp.md quotes numbers that the functions print: keep them true. Its code blocks that need no
// data are run as written (the import line removed).
const page = readFileSync(new URL('../../docs/ahp.md', import.meta.url), 'utf8');
const blocks = page
  .split('```ts\n')
  .slice(1)
  .map((block) => block.split('```')[0]!);
const run = <T>(block: string, name: string, fns: Record<string, unknown>): T => {
  const body = block.replace(/^import .*\n/m, '');
  return new Function(...Object.keys(fns), `${body}\nreturn ${name};`)(...Object.values(fns)) as T;
};
const fixed = (values: readonly number[], digits = 3) => values.map((v) => v.toFixed(digits)).join(', ');

const labels = ['reliability', 'responsiveness', 'assurance', 'empathy', 'tangibles'];
const judgments: Judgment[][] = [
  [1, 2, 3, 4, 5],
  [null, 1, 2, 3, 4],
  [null, null, 1, 1, 3],
  [null, null, null, 1, 2],
  [null, null, null, null, 1],
];
const edited = (cells: [number, number, Judgment][]) => {
  const copy = judgments.map((row) => [...row]);
  for (const [i, j, value] of cells) copy[i]![j] = value;
  return { labels, matrix: copy };
};

suite('docs/ahp.md', () => {
  it('the opening example', () => {
    const priorities = run<AhpResult>(blocks[0]!, 'priorities', { ahp });
    expect(priorities.weights).toEqual(ahp({ labels, matrix: judgments }).weights);
    expect(page).toContain(`priorities.weights; // [${fixed(priorities.weights)}] (rounded)`);
    expect(page).toContain(
      `priorities.consistencyRatio; // ${priorities.consistencyRatio.toFixed(3)}: consistent`,
    );
    expect(page).toContain(
      `λmax = ${priorities.lambdaMax.toFixed(3)}, CI = ${priorities.consistencyIndex.toFixed(4)}, RI(5) = ${priorities.randomIndex}, CR = ${priorities.consistencyRatio.toFixed(3)}`,
    );
    const spread = Math.max(
      ...(['geometric-mean', 'column-mean'] as const).flatMap((method) =>
        ahp({ labels, matrix: judgments }, { method }).weights.map((w, i) =>
          Math.abs(w - priorities.weights[i]!),
        ),
      ),
    );
    expect(spread).toBeLessThanOrEqual(0.003);
    expect(page).toContain('they agree to 0.003');
  });

  it('the diagnosis example', () => {
    const result = ahp(edited([[0, 4, '1/3']]));
    expect(page).toContain(`gives CR = ${result.consistencyRatio.toFixed(3)} and:`);
    expect(page).toContain(`\n${result.warnings[0]}\n`);
    const first = result.diagnosis[0]!;
    expect(page).toContain(`(${(first.contribution * 100).toFixed(1)}% of the inconsistency)`);
    expect(page).toContain(`Its consistent value, ${first.consistentValue.toFixed(2)},`);
  });

  it('the incomplete example', () => {
    const result = ahp(
      edited([
        [0, 4, null],
        [1, 3, null],
      ]),
    );
    expect(page).toContain(
      `completes them as ${result.matrix[0]![4]!.toFixed(2)} and ${result.matrix[1]![3]!.toFixed(2)} and gives\nweights ${fixed(result.weights)} (CR ${result.consistencyRatio.toFixed(3)})`,
    );
  });

  it('the leader example', () => {
    const leader = run<AhpHierarchyResult>(blocks[1]!, 'leader', { ahpHierarchy });
    const [tom, dick, harry] = leader.weights.map((w) => w.toFixed(3));
    expect(page).toContain(`leader.weights; // Tom ${tom}, Dick ${dick}, Harry ${harry}`);
    const criteria = leader.nodes[0]!.priorities!.weights;
    expect(
      page,
    ).toContain(`The criteria weights are ${fixed(criteria)} (the page prints .547 for experience; the
eigenvector gives ${criteria[0]!.toFixed(5)})`);
  });

  it('the group example', () => {
    const colleagues: Judgment[][][] = [
      [
        [1, 3, 2, 5, 4],
        [null, 1, 1, 3, 3],
        [null, null, 1, 2, 2],
        [null, null, null, 1, 1],
        [null, null, null, null, 1],
      ],
      [
        [1, 1, 4, 3, 7],
        [null, 1, 3, 2, 5],
        [null, null, 1, '1/2', 2],
        [null, null, null, 1, 3],
        [null, null, null, null, 1],
      ],
    ];
    const all = [judgments, ...colleagues].map((matrix) => ({ labels, matrix }));
    const individual = all.map((m) => ahp(m));
    const aij = ahp(aggregateJudgments(all));
    const aip = aggregatePriorities(individual);
    expect(page).toContain(
      `(CRs ${individual.map((r) => r.consistencyRatio.toFixed(3)).join(', ')}), AIJ gives ${fixed(aij.weights)}\n(group CR ${aij.consistencyRatio.toFixed(3)}) and AIP ${fixed(aip.weights)}.`,
    );
  });
});
