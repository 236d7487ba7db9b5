import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it, describe as suite } from 'vitest';
import {
  ahp,
  cronbachAlpha,
  type DimensionWeights,
  defineSurvey,
  fuzzyEvaluateHierarchy,
  type LabelledPairwiseMatrix,
  membershipMatrix,
  parseCsv,
  satisfactionIndex,
} from '../../src/index.js';
import { readCsv } from '../../src/node/index.js';
import { bankSample } from '../helpers/data.js';

// The @example of each doc comment in src/survey and src/node, run as written (defineSurvey's is in
// test/survey/define-survey.test.ts).
suite('doc-comment examples (survey)', () => {
  it('parseCsv', () => {
    expect(
      parseCsv('q1,q2\n5,4\n3,NA\n', { scale: { min: 1, max: 5 }, items: [{ id: 'q1' }, { id: 'q2' }] }).n,
    ).toBe(2);
  });

  it('readCsv with onProgress', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'read-csv-')), 'survey.csv');
    writeFileSync(file, 'q1,q2\n5,4\n3,NA\n');
    const survey = defineSurvey({ scale: { min: 1, max: 5 }, items: [{ id: 'q1' }, { id: 'q2' }] });
    const seen: number[] = [];
    const responses = await readCsv(file, survey, { onProgress: (p) => seen.push(p.rowsRead) });
    expect(responses.n).toBe(2);
    expect(seen.at(-1)).toBe(2);
  });
});

// The example scripts run as written and print what the library computes.
suite('example scripts', () => {
  const root = new URL('../../', import.meta.url);
  const stated = JSON.parse(
    readFileSync(new URL('examples/data/bank-survey.weights.json', root), 'utf8'),
  ) as {
    scoringTable: DimensionWeights;
    ahpJudgments: LabelledPairwiseMatrix;
  };
  const run = (script: string) =>
    execFileSync(
      fileURLToPath(new URL('node_modules/.bin/tsx', root)),
      [fileURLToPath(new URL(script, root))],
      {
        encoding: 'utf8',
      },
    );

  it('examples/scoring-table.ts', () => {
    const output = run('examples/scoring-table.ts');
    const sample = bankSample();
    const items = ['tangibles', 'reliability', 'responsiveness', 'assurance', 'empathy'].flatMap((d) =>
      sample.dimension(d).filter((id) => id.startsWith('p_')),
    );
    const index = satisfactionIndex(sample, {
      items,
      weights: stated.scoringTable,
    });
    expect(output).toContain(`index ${index.index.toFixed(1)} / 100 (${index.level})`);
    const alpha = cronbachAlpha(sample, {
      items: sample.dimension('reliability').filter((id) => id.startsWith('p_')),
    });
    expect(output).toMatch(new RegExp(`reliability +5 +${alpha.n} +${alpha.alpha.toFixed(3)}`));
    expect(output).toContain(`equal item weights ${satisfactionIndex(sample, { items }).index.toFixed(1)}`);
  });

  it('examples/ahp-fuzzy.ts', () => {
    const output = run('examples/ahp-fuzzy.ts');
    const judgments = ahp(stated.ahpJudgments);
    const dimensions = judgments.labels;
    expect(output).toContain(`reliability     ${judgments.weights[1]!.toFixed(3)}`);
    expect(output).toContain(`CR ${judgments.consistencyRatio.toFixed(3)} → consistent`);
    const sample = bankSample();
    const evaluation = fuzzyEvaluateHierarchy({
      weights: judgments,
      dimensions: dimensions.map((id) => {
        const items = sample.dimension(id).filter((item) => item.startsWith('p_'));
        return {
          id,
          weights: items.map(() => 1 / items.length),
          membership: membershipMatrix(sample, { items }),
        };
      }),
    });
    expect(output).toContain(
      `grade by maximum membership: ${evaluation.grade}; score (100/80/60/40/20): ${evaluation.score.toFixed(1)}`,
    );
  });
});
