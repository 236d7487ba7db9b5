import { readFileSync } from 'node:fs';
import { expect, it, describe as suite } from 'vitest';
import { type ServqualResult, servqual } from '../../src/servqual/servqual.js';
import { bankSample } from '../helpers/data.js';

// docs/servqual.md quotes numbers and messages that the library produces: keep them true. Its first
// code block runs as written (the import line removed) on the bundled sample.
const page = readFileSync(new URL('../../docs/servqual.md', import.meta.url), 'utf8');
/** The page with its line breaks (and indentation) read as spaces, for sentences. */
const flat = page.replace(/\n */g, ' ');
const firstBlock = page.split('```ts\n')[1]!.split('```')[0]!;
const responses = bankSample();
/** A number as the page prints it in prose and tables: a Unicode minus sign. */
const text = (value: number, digits: number) => value.toFixed(digits).replace('-', '−');
const range = (values: number[], digits: number) =>
  `${Math.min(...values).toFixed(digits)}–${Math.max(...values).toFixed(digits)}`;

suite('docs/servqual.md', () => {
  const result = new Function(
    'servqual',
    'responses',
    `${firstBlock.replace(/^import .*\n/m, '')}\nreturn result;`,
  )(servqual, responses) as ServqualResult;

  it('the opening example', () => {
    expect(page).toContain(`result.overallGap; // ${result.overallGap.toFixed(3)} (`);
    expect(page).toContain(`result.weightedGap; // ${result.weightedGap!.toFixed(3)} (`);
    expect(page).toContain(`result.servperf; // ${result.servperf.toFixed(3)} (`);
    expect(page).toContain(
      `result.ranking.slice(0, 3); // [${result.ranking
        .slice(0, 3)
        .map((id) => `'${id}'`)
        .join(', ')}]`,
    );
  });

  it('the worked example', () => {
    for (const row of result.dimensions) {
      expect(page).toMatch(
        new RegExp(
          `\\| ${row.dimension} +\\| ${row.expectation!.toFixed(2)} +\\| ${row.perception!.toFixed(2)} +\\| ${text(row.gap!, 2)} +\\| ${row.rank} +\\|`,
        ),
      );
    }
    expect(flat).toContain(`The unweighted SERVQUAL score is ${text(result.overallGap, 3)} and`);
    expect(flat).toContain(`the weighted score is ${text(result.weightedGap!, 3)}: the dimensions`);
    expect(flat).toContain(`SERVPERF is ${result.servperf.toFixed(3)}.`);
    const smallest = [...result.tests.dimensions].sort(
      (a, b) => Math.abs(a.tValue!) - Math.abs(b.tValue!),
    )[0]!;
    expect(flat).toContain(
      `(the smallest |t| is ${smallest.dimension}', t(${smallest.df}) = ${text(smallest.tValue!, 2)}, p = ${smallest.pValue!.toFixed(3)})`,
    );
    const [first, second] = result.ranking.map((id) => result.items.find((item) => item.item === id)!);
    expect(first!.gap.toFixed(2)).toBe(second!.gap.toFixed(2));
    expect(flat).toContain(`The largest shortfalls are \`${first!.item}\``);
    expect(flat).toContain(`and \`${second!.item}\` (prompt service), both ${text(first!.gap, 2)}.`);

    const phone = result.segments!.find((s) => s.segment === 'phone')!;
    const responsiveness = phone.dimensions.find((d) => d.dimension === 'responsiveness')!;
    const whole = result.dimensions.find((d) => d.dimension === 'responsiveness')!;
    expect(flat).toContain(
      `responsiveness gap is ${text(responsiveness.gap!, 2)} against ${text(whole.gap!, 2)} overall (difference ${text(responsiveness.difference.gap!, 2)})`,
    );
    const unweighted = servqual(responses, { weights: false, reliability: false });
    const gaps = unweighted.dimensions.map((d) => text(d.gap!, 2));
    expect(flat).toContain(
      `the dimension gaps are ${gaps.slice(0, 2).join(', ')}, ${gaps.slice(2, 4).join(', ')} and ${gaps[4]}`,
    );

    const alphas = (kind: 'expectation' | 'perception' | 'gap') =>
      result.reliability!.map((row) => row[kind]!.alpha);
    expect(flat).toContain(`perception items is ${range(alphas('perception'), 2)} per dimension`);
    expect(flat).toContain(
      `expectation items ${range(alphas('expectation'), 2)} and that of the gap scores ${range(alphas('gap'), 2)}.`,
    );
  });

  it('the missing-data paragraph', () => {
    const partial = result.dimensions.map((d) => d.partial);
    expect(flat).toContain(
      `bundled sample, ${range(partial, 0)} of the ${result.n} respondents per dimension`,
    );
    const complete = servqual(responses, { dimensionScore: 'complete', reliability: false });
    expect(flat).toContain(
      `the dimensions rest on ${range(
        complete.dimensions.map((d) => d.n),
        0,
      )} respondents and the overall gap moves from ${text(result.overallGap, 3)} to ${text(complete.overallGap, 3)}.`,
    );
  });

  it('the quoted error messages', () => {
    const scale = { min: 1, max: 5 };
    const pairs = [
      { item: 'q1', dimension: 'A', expectation: 'e1', perception: 'p1' },
      { item: 'q2', dimension: 'B', expectation: 'e2', perception: 'p2' },
    ];
    const messages = [
      () =>
        servqual(
          { e_a: [1], p_a: [2], e_b: [3] },
          {
            instrument: {
              items: [
                { id: 'a', dimension: 'X' },
                { id: 'b', dimension: 'X' },
              ],
            },
            scale,
          },
        ),
      () => servqual({ e1: [5, 4], p1: [4, 4], e2: [4, 4], p2: [4, 6] }, { pairs, scale }),
      () =>
        servqual(
          { e1: [5, 4], p1: [4, 4], e2: [4, 4], p2: [4, 5], imp_a: [60, 50], imp_b: [40, 45] },
          {
            pairs,
            scale: { e1: scale, p1: scale, e2: scale, p2: scale },
            importance: { columns: { A: 'imp_a', B: 'imp_b' } },
          },
        ),
    ].map((call) => {
      try {
        call();
      } catch (error) {
        return (error as Error).message;
      }
      throw new Error('no error');
    });
    for (const message of messages) expect(flat).toContain(`\`${message}\``);
  });
});
