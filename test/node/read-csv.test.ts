import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { afterAll, expect, it, describe as suite } from 'vitest';
import { SurveyDataError } from '../../src/errors.js';
import { type CsvProgress, readCsv } from '../../src/node/index.js';
import { parseCsv } from '../../src/survey/csv.js';
import { defineSurvey } from '../../src/survey/define-survey.js';
import type { SurveyDefinitionInput } from '../../src/survey/schema.js';
import { expectSameColumn, expectSameResponses } from '../helpers/responses.js';

const survey = defineSurvey({
  scale: { min: 1, max: 5 },
  items: [{ id: 'q1' }, { id: 'q2', reverse: true }],
  weight: 'w',
  respondentId: 'id',
  segments: ['city'],
});

const rows = Array.from(
  { length: 200 },
  (_, i) =>
    `r${i};${i % 3 === 0 ? '"Zürich; ZH"' : i % 3 === 1 ? '北京' : '"two\r\nlines ""q"""'};${(i % 5) + 1};${i % 7 === 0 ? 'NA' : (i % 4) + 1};${(i % 9) + 0.5}`,
);
const text = `\uFEFFid;city;q1;q2;w\r\n${rows.join('\r\n')}\r\n\r\n`;
const bytes = new TextEncoder().encode(text);
const expected = parseCsv(text, survey);

const directory = mkdtempSync(join(tmpdir(), 'read-csv-'));
const file = join(directory, 'survey.csv');
writeFileSync(file, bytes);
afterAll(() => rmSync(directory, { recursive: true, force: true }));

suite('readCsv', () => {
  it('the reference parse is as written', () => {
    expect(expected.n).toBe(200);
    expect(expected.segment('city').slice(0, 3)).toEqual(['Zürich; ZH', '北京', 'two\r\nlines "q"']);
    expect(Array.from(expected.column('q2').slice(0, 3))).toEqual([Number.NaN, 4, 3]);
  });

  it('streams a file path in many small chunks, reporting progress', async () => {
    const progress: CsvProgress[] = [];
    const r = await readCsv(file, survey, { chunkSize: 7, onProgress: (p) => progress.push(p) });
    expectSameResponses(r, expected, 'path');
    expect(progress.length).toBe(Math.ceil(bytes.length / 7));
    progress.forEach((p, k) => {
      expect(p.totalBytes).toBe(bytes.length);
      if (k > 0) {
        expect(p.bytesRead).toBeGreaterThan(progress[k - 1]!.bytesRead);
        expect(p.rowsRead).toBeGreaterThanOrEqual(progress[k - 1]!.rowsRead);
      }
    });
    expect(progress.at(-1)!.bytesRead).toBe(bytes.length);
    expect(progress.at(-1)!.rowsRead).toBe(200);
    expect(progress[0]!.rowsRead).toBe(0);
  });

  it('reads a file URL with the default chunk size', async () => {
    const progress: CsvProgress[] = [];
    expectSameResponses(
      await readCsv(pathToFileURL(file), survey, { onProgress: (p) => progress.push(p) }),
      expected,
      'url',
    );
    expect(progress).toEqual([{ bytesRead: bytes.length, totalBytes: bytes.length, rowsRead: 200 }]);
  });

  it('reads a Readable stream of byte chunks or strings, of unknown length', async () => {
    const chunks: Buffer[] = [];
    for (let k = 0; k < bytes.length; k += 13) chunks.push(Buffer.from(bytes.subarray(k, k + 13)));
    const progress: CsvProgress[] = [];
    const r = await readCsv(Readable.from(chunks), survey, { onProgress: (p) => progress.push(p) });
    expectSameResponses(r, expected, 'stream');
    expect(progress).toHaveLength(chunks.length);
    expect(progress.every((p) => p.totalBytes === null)).toBe(true);
    expect(progress.at(-1)!.bytesRead).toBe(bytes.length);

    const strings = Readable.from(['q1,q2,w,id,city\n5,', '1,2,x,Bern\n', '4,4,1,y,北京']);
    const s = await readCsv(strings, survey);
    expect(Array.from(s.column('q2'))).toEqual([5, 2]);
    expect(s.segment('city')).toEqual(['Bern', '北京']);
  });

  it('applies the options of parseCsv', async () => {
    const bad = Readable.from([Buffer.from('id,city,q1,q2,w\na,x,7,1,1\nb,y,2,2,0\nc,z,3\n')]);
    const r = await readCsv(bad, survey, { invalid: 'drop-row', delimiter: ',' });
    expect(r.n).toBe(0);
    expect(r.report.droppedByReason).toEqual({
      'invalid cell': 1,
      'invalid weight': 1,
      'expected 5 fields as in the header; got 3': 1,
    });
  });

  it('throws the SurveyDataError of the data, named readCsv', async () => {
    const e = await readCsv(Readable.from([Buffer.from('id,city,q1,q2,w\na,x,"7",1,1\n')]), survey).catch(
      (error: unknown) => error,
    );
    expect(e).toBeInstanceOf(SurveyDataError);
    expect((e as Error).message).toBe(
      'readCsv: 1 problem in the data: row 1, column "q1": answer must be within the scale 1–5; got "7"',
    );
    await expect(readCsv(Readable.from([Buffer.from('id,q1\n')]), survey)).rejects.toThrow(
      /^readCsv: 3 problems in the data: column "q2" is defined in the survey but absent from the data; /,
    );
    await expect(readCsv(Readable.from([]), survey)).rejects.toThrow(
      new RangeError('readCsv: the CSV has no header line'),
    );
  });

  it.runIf(existsSync('/proc/self/fd'))(
    'leaves no file open when the survey or options are invalid',
    async () => {
      // Regression: the file was opened before the survey and options were checked, and never closed.
      const open = () => readdirSync('/proc/self/fd').length;
      const before = open();
      for (let k = 0; k < 5; k++) {
        await expect(readCsv(file, { items: [] })).rejects.toThrow(
          'defineSurvey: invalid definition: items: Too small: expected array to have >=1 items',
        );
        await expect(readCsv(file, survey, { delimiter: '|' as never })).rejects.toThrow(
          new RangeError(`readCsv: delimiter must be ',', ';' or a tab; got "|"`),
        );
      }
      await new Promise((done) => setTimeout(done, 50));
      expect(open()).toBe(before);
    },
  );

  it('rejects a bad source', async () => {
    await expect(readCsv(42 as never, survey)).rejects.toThrow(
      new TypeError('readCsv: source must be a file path, a URL or a readable stream; got 42'),
    );
    await expect(readCsv(null as never, survey)).rejects.toThrow(
      new TypeError('readCsv: source must be a file path, a URL or a readable stream; got null'),
    );
    await expect(readCsv({} as never, survey)).rejects.toThrow(
      new TypeError('readCsv: source must be a file path, a URL or a readable stream; got object'),
    );
    await expect(readCsv(join(directory, 'absent.csv'), survey)).rejects.toMatchObject({ code: 'ENOENT' });
    const failing = new Readable({
      read() {
        this.destroy(new Error('disk on fire'));
      },
    });
    await expect(readCsv(failing, survey)).rejects.toThrow(/^disk on fire$/);
  });
});

// The bundled sample (examples/data, README there): 612 respondents, 46 items, 3 segments, a weight
// and an id column, missing codes "", "NA" and 99. Expected values are counted here from the raw
// text, independently of the parser: the file has no quotes, so lines split on "\n" and ",".
const root = resolve(import.meta.dirname, '../..');
const csvPath = join(root, 'examples/data/bank-survey.csv');
const bankText = readFileSync(csvPath, 'utf8');
const definition = JSON.parse(
  readFileSync(join(root, 'examples/data/bank-survey.survey.json'), 'utf8'),
) as SurveyDefinitionInput;
const bankSurvey = defineSurvey(definition);

const lines = bankText.split('\n').filter((line) => line !== '');
const header = lines[0]!.split(',');
const cells = lines.slice(1).map((line) => line.split(','));
const raw = (column: string) => {
  const index = header.indexOf(column);
  expect(index, column).toBeGreaterThanOrEqual(0);
  return cells.map((row) => row[index]!);
};
const isMissing = (cell: string) => cell === '' || cell === 'NA' || cell === '99';
const itemIds = bankSurvey.definition.items.map((item) => item.id);

suite('the bundled bank survey', () => {
  it('the raw text is as the README describes it', () => {
    expect(bankText.includes('"')).toBe(false);
    expect(lines).toHaveLength(613);
    expect(cells.every((row) => row.length === header.length)).toBe(true);
    // README: 597 empty, 138 NA and 79 "99" among the answer cells.
    const answers = itemIds.flatMap(raw);
    expect(answers.filter((cell) => cell === '')).toHaveLength(597);
    expect(answers.filter((cell) => cell === 'NA')).toHaveLength(138);
    expect(answers.filter((cell) => cell === '99')).toHaveLength(79);
  });

  const parsed = parseCsv(bankText, bankSurvey);

  it('parseCsv reads 612 rows, 46 items, 3 segments, weights and ids', () => {
    expect(parsed.n).toBe(612);
    expect(parsed.items).toHaveLength(46);
    expect(parsed.items).toEqual(itemIds);
    expect(parsed.segments).toEqual(['branch', 'channel', 'customer_type']);
    expect(parsed.respondentIds).toEqual(raw('respondent_id'));
    expect(parsed.respondentIds![611]).toBe('R0612');
    expectSameColumn(parsed.weights!, raw('weight').map(Number), 'weight');
    for (const segment of parsed.segments) expect(parsed.segment(segment)).toEqual(raw(segment));
  });

  it('parseCsv reads every answer, reverse coding p_res4 and p_emp5', () => {
    for (const item of bankSurvey.definition.items) {
      const expected = raw(item.id).map((cell) =>
        isMissing(cell) ? Number.NaN : item.reverse ? 6 - Number(cell) : Number(cell),
      );
      expectSameColumn(parsed.column(item.id), expected, item.id);
    }
    expect(bankSurvey.definition.items.filter((item) => item.reverse).map((item) => item.id)).toEqual([
      'p_res4',
      'p_emp5',
    ]);
  });

  it('parseCsv reports no unknown columns, nothing dropped, and the missing counts', () => {
    const report = parsed.report;
    expect(report.unknownColumns).toEqual([]);
    expect(report.rowsRead).toBe(612);
    expect(report.rowsKept).toBe(612);
    expect(report.rowsDropped).toBe(0);
    expect(report.issueCount).toBe(0);
    expect(report.invalidAsMissing).toBe(0);
    expect(report.missingPerSegment).toEqual({ branch: 0, channel: 0, customer_type: 0 });
    const expected = Object.fromEntries(itemIds.map((id) => [id, raw(id).filter(isMissing).length]));
    expect(report.missingPerItem).toEqual(expected);
    expect(Object.values(report.missingPerItem).reduce((a, b) => a + b, 0)).toBe(597 + 138 + 79);
  });

  it('readCsv gives the same responses, in small chunks or whole', async () => {
    let calls = 0;
    const streamed = await readCsv(csvPath, definition, {
      chunkSize: 1009,
      onProgress: () => {
        calls++;
      },
    });
    expectSameResponses(streamed, parsed, 'chunked');
    expect(calls).toBe(Math.ceil(Buffer.byteLength(bankText) / 1009));
    expectSameResponses(await readCsv(csvPath, bankSurvey), parsed, 'whole');
  });
});

suite('readCsv: the direct lane of the fast path', () => {
  // Plain integers that are valid answers are stored by the reader itself; the rest goes through
  // the builder. The result must equal survey.parse on the same rows, whatever the mix, including
  // when the columns grow mid-stream (the first record is long, so the size estimate is too small).
  const survey = defineSurvey({
    scale: { min: 1, max: 5 },
    items: [
      { id: 'a' },
      { id: 'b', reverse: true },
      { id: 'c', missing: ['', 3] },
      { id: 'd', scale: { min: 0, max: 10 } },
    ],
    segments: ['s'],
  });
  const rows: Record<string, string | number>[] = [];
  for (let i = 0; i < 5000; i++) {
    rows.push({
      s: i === 0 ? 'x'.repeat(400) : String(i % 3),
      a: 1 + (i % 5),
      b: 1 + ((i * 7) % 5),
      c: i % 11 === 0 ? '' : 1 + ((i * 3) % 5),
      d: i % 13 === 0 ? 'NA' : i % 17,
    });
  }
  const header = ['s', 'a', 'b', 'c', 'd'];
  const text = `${header.join(',')}\n${rows.map((row) => header.map((h) => row[h]).join(',')).join('\n')}\n`;

  it('equals survey.parse of the same rows, across chunk boundaries and buffer growth', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'lane-')), 'lane.csv');
    writeFileSync(file, text);
    const streamed = await readCsv(file, survey, { chunkSize: 4096, invalid: 'drop-row' });
    const objects = survey.parse(
      rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, String(v)]))),
      { invalid: 'drop-row' },
    );
    expect(streamed.n).toBe(objects.n);
    expect(streamed.report.droppedByReason).toEqual(objects.report.droppedByReason);
    for (const id of ['a', 'b', 'c', 'd'])
      expect(Array.from(streamed.column(id)), id).toEqual(Array.from(objects.column(id)));
    expect(streamed.segment('s')).toEqual(objects.segment('s'));
    // d answers 11–16 are off the 0–10 scale: those rows are dropped, through the builder's checks.
    expect(streamed.report.rowsDropped).toBe(
      rows.filter((row) => typeof row.d === 'number' && row.d > 10).length,
    );
    // b is reverse coded in the lane: 6 − x.
    expect(streamed.column('b')[1]).toBe(6 - (1 + ((1 * 7) % 5)));
  });
});
