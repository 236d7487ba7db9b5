import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it, describe as suite } from 'vitest';
import { defineSurvey, parseCsv } from '../../src/index.js';
import { readCsv } from '../../src/node/index.js';

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
