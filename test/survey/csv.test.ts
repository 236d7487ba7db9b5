import { parse as csvParse } from 'csv-parse/sync';
import fc from 'fast-check';
import { expect, it, describe as suite } from 'vitest';
import { SurveyDataError } from '../../src/errors.js';
import { CsvReader, parseCsv } from '../../src/survey/csv.js';
import { defineSurvey } from '../../src/survey/define-survey.js';
import { expectSameColumn, expectSameResponses } from '../helpers/responses.js';

// Comparison helpers (kept in this file: test/node/read-csv.test.ts has the same ones).

const survey = defineSurvey({
  scale: { min: 1, max: 5 },
  items: [{ id: 'q1' }, { id: 'q2', reverse: true }],
  weight: 'w',
  respondentId: 'id',
  segments: ['city'],
});
const plain = defineSurvey({ scale: { min: 1, max: 5 }, items: [{ id: 'q1' }, { id: 'q2' }] });
const unbounded = defineSurvey({ items: [{ id: 'x' }, { id: 'y' }] });

const values = (column: ArrayLike<number>) => Array.from(column);

function dataError(f: () => unknown): SurveyDataError {
  try {
    f();
  } catch (error) {
    expect(error).toBeInstanceOf(SurveyDataError);
    return error as SurveyDataError;
  }
  return expect.fail('no SurveyDataError thrown');
}

suite('parseCsv: header', () => {
  it('reads the header names, trimmed and quoted, in any order, and lists unknown columns', () => {
    const r = parseCsv(' q2 ,"note, free text","q1"\n1,hello,2\n5,"x",4\n', plain);
    expect(values(r.column('q1'))).toEqual([2, 4]);
    expect(values(r.column('q2'))).toEqual([1, 5]);
    expect(r.report.unknownColumns).toEqual(['note, free text']);
    expect(r.report.rowsRead).toBe(2);
  });

  it('runs the doc-comment example', () => {
    expect(
      parseCsv('q1,q2\n5,4\n3,NA\n', { scale: { min: 1, max: 5 }, items: [{ id: 'q1' }, { id: 'q2' }] }).n,
    ).toBe(2);
  });

  it('returns no rows for a header alone, and rejects text without a header', () => {
    const r = parseCsv('q1,q2\n', plain);
    expect(r.n).toBe(0);
    expect(r.report.rowsRead).toBe(0);
    expect(values(r.column('q1'))).toEqual([]);
    expect(() => parseCsv('', plain)).toThrow(new RangeError('parseCsv: the CSV has no header line'));
    expect(() => parseCsv('\r\n\n', plain)).toThrow(new RangeError('parseCsv: the CSV has no header line'));
    expect(() => parseCsv(42 as never, plain)).toThrow(
      new TypeError('parseCsv: text must be a string; got 42'),
    );
  });

  it('rejects defined columns absent from the header and a column named twice', () => {
    expect(() => parseCsv('q1,other\n1,2\n', plain)).toThrow(
      new SurveyDataError('parseCsv', [
        {
          code: 'missing_column',
          row: null,
          column: 'q2',
          value: null,
          message: 'column "q2" is defined in the survey but absent from the data',
        },
      ]),
    );
    expect(dataError(() => parseCsv('q1,other\n1,2\n', plain)).message).toBe(
      'parseCsv: 1 problem in the data: column "q2" is defined in the survey but absent from the data',
    );
    expect(dataError(() => parseCsv('q1,q2, q1\n1,2,3\n', plain, { invalid: 'missing' })).message).toBe(
      'parseCsv: 1 problem in the data: column "q1" appears twice in the header',
    );
  });

  it('takes a survey definition or a Survey', () => {
    const text = 'q1,q2\n1,2\n';
    expect(values(parseCsv(text, plain).column('q2'))).toEqual([2]);
    expect(values(parseCsv(text, { items: [{ id: 'q1' }, { id: 'q2' }] }).column('q2'))).toEqual([2]);
  });
});

suite('parseCsv: arguments', () => {
  it('rejects a survey that is neither a Survey nor a definition', () => {
    expect(() => parseCsv('q\n1\n', null as never)).toThrow(
      new TypeError('parseCsv: survey must be a survey from defineSurvey or a survey definition; got null'),
    );
  });

  it('reports a duplicated header column with its own code', () => {
    const survey = defineSurvey({ scale: { min: 1, max: 5 }, items: [{ id: 'q1' }] });
    try {
      parseCsv('q1,q1\n1,2\n', survey);
      expect.fail('parseCsv should have thrown');
    } catch (error) {
      expect(error).toBeInstanceOf(SurveyDataError);
      expect((error as SurveyDataError).issues[0]!.code).toBe('duplicate_column');
    }
  });
});

suite('parseCsv: delimiters', () => {
  for (const [name, d] of [
    ['comma', ','],
    ['semicolon', ';'],
    ['tab', '\t'],
  ] as const) {
    it(`detects a ${name} from the header line`, () => {
      const text = `${['id', 'q1', 'city', 'q2', 'w'].join(d)}\n${['r1', '5', 'Bern', '1', '1.5'].join(d)}\n`;
      const r = parseCsv(text, survey);
      expect(values(r.column('q1'))).toEqual([5]);
      expect(values(r.column('q2'))).toEqual([5]);
      expect(r.segment('city')).toEqual(['Bern']);
      expect(values(r.weights!)).toEqual([1.5]);
    });
  }

  it('counts only delimiters outside quotes when detecting', () => {
    const r = parseCsv('"a,b,c";q1;q2\nx,y;1;2\n', plain);
    expect(r.report.unknownColumns).toEqual(['a,b,c']);
    expect(values(r.column('q2'))).toEqual([2]);
  });

  it('uses an explicit delimiter where detection would pick another', () => {
    const text = 'q1;q2;a,b,c,d\n1;2;x,y,z,w\n';
    expect(dataError(() => parseCsv(text, plain)).issues.map((issue) => issue.column)).toEqual(['q1', 'q2']);
    const r = parseCsv(text, plain, { delimiter: ';' });
    expect(values(r.column('q1'))).toEqual([1]);
    expect(r.report.unknownColumns).toEqual(['a,b,c,d']);
  });

  it('rejects any other delimiter', () => {
    expect(() => parseCsv('q1|q2\n', plain, { delimiter: '|' as never })).toThrow(
      new RangeError(`parseCsv: delimiter must be ',', ';' or a tab; got "|"`),
    );
  });
});

suite('parseCsv: records', () => {
  it('reads quoted fields with delimiters, doubled quotes and line breaks', () => {
    const text =
      'id,city,q1,q2,w\n' +
      'a,"Bern, BE",1,2,1\n' +
      'b,"say ""hi""",3,4,1\n' +
      'c,"two\nlines",5,5,1\n' +
      'd,"crlf\r\ninside",2,2,1\n' +
      'e,"""",1,1,1\n' +
      'f,"",1,1,1\n';
    const r = parseCsv(text, survey);
    expect(r.segment('city')).toEqual(['Bern, BE', 'say "hi"', 'two\nlines', 'crlf\r\ninside', '"', null]);
    expect(r.respondentIds).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(values(r.column('q1'))).toEqual([1, 3, 5, 2, 1, 1]);
  });

  it('reads quoted numbers and quoted missing codes', () => {
    const r = parseCsv('x,y\n"4"," 4.5 "\n"-1e2","NA"\n"",""\n', unbounded);
    expect(values(r.column('x'))).toEqual([4, -100, Number.NaN]);
    expect(values(r.column('y'))).toEqual([4.5, Number.NaN, Number.NaN]);
  });

  it('skips a UTF-8 byte-order mark and reads CRLF line ends', () => {
    const r = parseCsv('\uFEFFq1,q2\r\n1,2\r\n3,4\r\n', plain);
    expect(values(r.column('q1'))).toEqual([1, 3]);
    expect(values(r.column('q2'))).toEqual([2, 4]);
    expect(r.report.unknownColumns).toEqual([]);
  });

  it('skips blank lines without counting them, and numbers rows from 1 after the header', () => {
    const text = '\nq1,q2\n\n1,2\r\n\r\n\n"3",4\n"9","multi\nline"\n\n';
    const r = parseCsv(text, plain, { invalid: 'missing' });
    expect(r.report.rowsRead).toBe(3);
    expect(values(r.column('q1'))).toEqual([1, 3, Number.NaN]);
    expect(r.report.issues).toEqual([
      {
        code: 'out_of_scale',
        row: 3,
        column: 'q1',
        value: '9',
        message: 'row 3, column "q1": answer must be within the scale 1–5; got "9"',
      },
      {
        code: 'not_a_number',
        row: 3,
        column: 'q2',
        value: 'multi\nline',
        message: 'row 3, column "q2": answer must be a number or a missing code; got "multi\\nline"',
      },
    ]);
  });

  it('reads a last line without a newline, also after CR', () => {
    expect(values(parseCsv('q1,q2\n1,2\n3,4', plain).column('q2'))).toEqual([2, 4]);
    expect(values(parseCsv('q1,q2\r\n1,2\r\n3,4\r', plain).column('q2'))).toEqual([2, 4]);
    expect(values(parseCsv('q1,q2\n1,"2"', plain).column('q2'))).toEqual([2]);
  });

  it('reads a trailing delimiter as one more, empty field', () => {
    const r = parseCsv('q1,q2,\n1,2,\n3,,\n', plain);
    expect(r.report.unknownColumns).toEqual(['']);
    expect(values(r.column('q2'))).toEqual([2, Number.NaN]);
    const ragged = parseCsv('q1,q2\n1,2,\n3,4\n', plain, { invalid: 'missing' });
    expect(ragged.report.dropped).toEqual([{ row: 1, reason: 'expected 2 fields as in the header; got 3' }]);
  });

  it('reads non-ASCII segment values and headers', () => {
    const long = 'Санкт-Петербург, Ленинградская область';
    const text = `q1,Stadt,q2\n1,Zürich,2\n3,北京,4\n5,"${long}",1\n2,São Paulo,2\n`;
    const r = parseCsv(text, {
      scale: { min: 1, max: 5 },
      items: [{ id: 'q1' }, { id: 'q2' }],
      segments: ['Stadt'],
    });
    expect(r.segment('Stadt')).toEqual(['Zürich', '北京', long, 'São Paulo']);
    expect(r.groupBy('Stadt').map((group) => group.key)).toEqual(['Zürich', '北京', long, 'São Paulo']);
  });

  it('reads numbers exactly as Number(text) does', () => {
    const texts = [
      '0',
      '-0',
      '+3',
      '3.25',
      '-12.5',
      '.5',
      '-.5',
      '5.',
      '0.1',
      '0.3',
      '2.675',
      '1e0',
      '1E+2',
      '-2.5e-3',
      '0.30000000000000004',
      '999999999999999',
      '123456789.012345',
      '1234567890123456',
      '9.999999999999999',
      '0.12345678901234567',
      '9007199254740993',
      '12345678901234567890',
      '0.000000000000001',
      '0.0000000000000001',
      '3.141592653589793238462643',
      '00012',
      '-000.000',
      '1.7976931348623157e308',
      '5e-324',
      '4.9406564584124654e-324',
    ];
    const text = `x,y\n${texts.map((t) => `${t},"${t}"`).join('\n')}\n`;
    const r = parseCsv(text, unbounded);
    expectSameColumn(r.column('x'), texts.map(Number), 'unquoted');
    expectSameColumn(r.column('y'), texts.map(Number), 'quoted');
  });

  it('rejects text that is not a plain decimal', () => {
    const r = parseCsv('x,y\n0x10,1\nInfinity,1\n1,2\n3 4,1\n1.2.3,1\n-,1\n+,1\n.,1\n1e,1\n', unbounded, {
      invalid: 'missing',
    });
    expect(r.report.issues.map((issue) => [issue.row, issue.code, issue.value])).toEqual([
      [1, 'not_a_number', '0x10'],
      [2, 'not_a_number', 'Infinity'],
      [4, 'not_a_number', '3 4'],
      [5, 'not_a_number', '1.2.3'],
      [6, 'not_a_number', '-'],
      [7, 'not_a_number', '+'],
      [8, 'not_a_number', '.'],
      [9, 'not_a_number', '1e'],
    ]);
    expect(r.report.invalidAsMissing).toBe(8);
  });

  it('reads a missing code in the weight column as no weight, however the cell is written', () => {
    // Regression: the unquoted cell 99 (the fast number path) and "99.0" passed as weights of 99.
    const coded = defineSurvey({ missing: ['', 'NA', 99], items: [{ id: 'q' }], weight: 'w' });
    const r = parseCsv('q,w\n1,99\n2," 99"\n3,99.0\n4,"99.0"\n5,98\n', coded, { invalid: 'missing' });
    expect(values(r.column('q'))).toEqual([5]);
    expect(values(r.weights!)).toEqual([98]);
    expect(r.report.dropped).toEqual([1, 2, 3, 4].map((row) => ({ row, reason: 'invalid weight' })));
  });

  it('grows its columns past the initial capacity', () => {
    const lines = Array.from({ length: 3000 }, (_, i) => `${(i % 5) + 1},${i % 11 === 0 ? 'NA' : 3}`);
    const r = parseCsv(`q1,q2\n${lines.join('\n')}`, plain);
    expect(r.n).toBe(3000);
    expect(r.column('q1')[2999]).toBe(5);
    expect(r.report.missingPerItem).toEqual({ q1: 0, q2: 273 });
  });
});

suite('parseCsv: ragged rows and unclosed quotes', () => {
  const text = 'id,city,q1,q2,w\na,Bern,1,2,1\nb,Bern,1,2\nc,Bern,3,4,1,extra\nd,Basel,5,5,2\n';
  const issues = [
    {
      code: 'ragged_row',
      row: 2,
      column: null,
      value: 4,
      message: 'row 2: expected 5 fields as in the header; got 4',
    },
    {
      code: 'ragged_row',
      row: 3,
      column: null,
      value: 6,
      message: 'row 3: expected 5 fields as in the header; got 6',
    },
  ];

  it("throws a SurveyDataError under 'error'", () => {
    const e = dataError(() => parseCsv(text, survey));
    expect(e.message).toBe(
      'parseCsv: 2 problems in the data: row 2: expected 5 fields as in the header; got 4; ' +
        'row 3: expected 5 fields as in the header; got 6',
    );
    expect(e.issues).toEqual(issues);
  });

  for (const invalid of ['missing', 'drop-row'] as const) {
    it(`drops the row under '${invalid}'`, () => {
      const r = parseCsv(text, survey, { invalid });
      expect(r.respondentIds).toEqual(['a', 'd']);
      expect(values(r.column('q1'))).toEqual([1, 5]);
      expect(values(r.weights!)).toEqual([1, 2]);
      expect(r.segment('city')).toEqual(['Bern', 'Basel']);
      expect(r.report.rowsRead).toBe(4);
      expect(r.report.rowsDropped).toBe(2);
      expect(r.report.dropped).toEqual([
        { row: 2, reason: 'expected 5 fields as in the header; got 4' },
        { row: 3, reason: 'expected 5 fields as in the header; got 6' },
      ]);
      expect(r.report.droppedByReason).toEqual({
        'expected 5 fields as in the header; got 4': 1,
        'expected 5 fields as in the header; got 6': 1,
      });
      expect(r.report.issues).toEqual(issues);
      expect(r.report.invalidAsMissing).toBe(0);
    });
  }

  it('drops the rest of the text as one row after an unclosed quote', () => {
    const r = parseCsv('q1,q2,note\n1,2,a\n3,4,"open\n5,6,b\n', plain, { invalid: 'drop-row' });
    expect(values(r.column('q1'))).toEqual([1]);
    expect(r.report.rowsRead).toBe(2);
    expect(r.report.dropped).toEqual([{ row: 2, reason: 'a quoted field is not closed' }]);
    expect(r.report.issues).toEqual([
      {
        code: 'ragged_row',
        row: 2,
        column: null,
        value: null,
        message: 'row 2: a quoted field is not closed',
      },
    ]);
    expect(() => parseCsv('q1,q2\n1,"2', plain)).toThrow(
      new SurveyDataError('parseCsv', [
        {
          code: 'ragged_row',
          row: 1,
          column: null,
          value: null,
          message: 'row 1: a quoted field is not closed',
        },
      ]),
    );
  });
});

suite('CsvReader: chunks', () => {
  const text =
    '\uFEFFid;city;q1;q2;w\r\n' +
    'a;"Zürich; ZH";1;2;1.5\r\n' +
    '\r\n' +
    'b;"say ""hi""\r\nand bye";"3";NA;2\r\n' +
    'c;北京;5;;0.25\n' +
    'd;"";4;4;1e0\r\n' +
    'e;"x"" ""y";2;1;3';
  const bytes = new TextEncoder().encode(text);
  const expected = parseCsv(text, survey);

  const read = (chunks: Uint8Array[]) => {
    const reader = new CsvReader('parseCsv', survey);
    for (const chunk of chunks) reader.push(chunk);
    return reader.end();
  };

  it('the reference parse is as written', () => {
    expect(expected.respondentIds).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(expected.segment('city')).toEqual(['Zürich; ZH', 'say "hi"\r\nand bye', '北京', null, 'x" "y']);
    expect(values(expected.column('q1'))).toEqual([1, 3, 5, 4, 2]);
    expect(values(expected.column('q2'))).toEqual([4, Number.NaN, Number.NaN, 2, 5]);
    expect(values(expected.weights!)).toEqual([1.5, 2, 0.25, 1, 3]);
  });

  it('gives identical responses when split at every byte boundary', () => {
    for (let k = 0; k <= bytes.length; k++) {
      expectSameResponses(read([bytes.subarray(0, k), bytes.subarray(k)]), expected, `split at ${k}`);
    }
  });

  it('gives identical responses when split at every pair of byte boundaries', () => {
    for (let i = 0; i <= bytes.length; i++) {
      for (let j = i; j <= bytes.length; j += 3) {
        const r = read([bytes.subarray(0, i), bytes.subarray(i, j), bytes.subarray(j)]);
        expectSameResponses(r, expected, `split at ${i}, ${j}`);
      }
    }
  });

  it('gives identical responses one byte at a time, and counts rows as it goes', () => {
    const reader = new CsvReader('parseCsv', survey, {}, bytes.length);
    const counts: number[] = [];
    for (let k = 0; k < bytes.length; k++) {
      reader.push(bytes.subarray(k, k + 1));
      counts.push(reader.rows);
    }
    expectSameResponses(reader.end(), expected, 'byte by byte');
    expect(counts.every((count, k) => k === 0 || count >= counts[k - 1]!)).toBe(true);
    expect(counts.at(-1)).toBe(4); // the last line has no newline: read by end()
    expect(reader.rows).toBe(5);
  });

  it('reports ragged rows and bad cells in the same rows whatever the chunking', () => {
    const bad = 'q1,q2\n1,2\n3\n"7",x\n4,5,6\n';
    const badBytes = new TextEncoder().encode(bad);
    const reference = parseCsv(bad, plain, { invalid: 'missing' });
    expect(reference.report.issues.map((issue) => [issue.row, issue.code])).toEqual([
      [2, 'ragged_row'],
      [3, 'out_of_scale'],
      [3, 'not_a_number'],
      [4, 'ragged_row'],
    ]);
    for (let k = 0; k <= badBytes.length; k++) {
      const reader = new CsvReader('parseCsv', plain, { invalid: 'missing' });
      reader.push(badBytes.subarray(0, k));
      reader.push(badBytes.subarray(k));
      expectSameResponses(reader.end(), reference, `split at ${k}`);
    }
  });

  it('handles a BOM alone, an input shorter than a BOM, and empty chunks', () => {
    const reader = new CsvReader('parseCsv', plain);
    reader.push(new Uint8Array(0));
    reader.push(new Uint8Array([0xef]));
    reader.push(new Uint8Array([0xbb, 0xbf]));
    reader.push(new TextEncoder().encode('q1,q2\n2,3'));
    reader.push(new Uint8Array(0));
    expect(values(reader.end().column('q2'))).toEqual([3]);
    const short = new CsvReader('parseCsv', unbounded);
    short.push(new TextEncoder().encode('x'));
    expect(() => short.end()).toThrow(/^parseCsv: 1 problem in the data: column "y" is defined/);
    const empty = new CsvReader('readCsv', plain);
    expect(() => empty.end()).toThrow(new RangeError('readCsv: the CSV has no header line'));
  });
});

// Property: for random tables, serialised here, parseCsv reads the same numbers as csv-parse (the
// oracle) followed by the documented cell rules (trim; "" and "NA" are missing; else Number(text)),
// and CsvReader gives the same responses whatever the chunk boundaries.

type Delimiter = ',' | ';' | '\t';

interface Table {
  readonly names: string[];
  readonly rows: string[][];
  readonly quoteHeader: boolean[];
  readonly quoteCells: boolean[][];
  readonly delimiter: Delimiter;
  readonly eol: '\n' | '\r\n';
  readonly bom: boolean;
  readonly trailingNewline: boolean;
  readonly explicitDelimiter: boolean;
}

const nameChar = fc.constantFrom(...'abcxyzQ_09 é北,;\t"\n'.split(''));
const name = fc
  .tuple(fc.constantFrom('a', 'q', 'Z', 'é', '北', '_'), fc.array(nameChar, { maxLength: 6 }))
  .map(([first, rest]) => (rest.length % 2 === 0 ? first + rest.join('') : rest.join('') + first));

const digits = fc
  .array(fc.constantFrom(...'0123456789'.split('')), { minLength: 1, maxLength: 20 })
  .map((d) => d.join(''));
const sign = fc.constantFrom('', '-', '+');
const numberText = fc.oneof(
  fc.integer({ min: -1_000_000, max: 1_000_000 }).map(String),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
  fc.tuple(sign, digits, digits).map(([s, a, b]) => `${s}${a}.${b}`),
  fc.tuple(sign, digits).map(([s, a]) => `${s}.${a}`),
  fc
    .tuple(sign, digits, fc.constantFrom('e', 'E'), sign, fc.integer({ min: 0, max: 30 }))
    .map(([s, a, e, es, x]) => `${s}${a}${e}${es}${x}`),
  fc.constantFrom('0', '-0', '+0', '-0.0', '5.', '1e0', '00012', '9007199254740993', '0.1', '2.675'),
);
const cell = fc.oneof(
  { weight: 6, arbitrary: numberText },
  { weight: 1, arbitrary: fc.constantFrom('', 'NA', ' NA ', ' ') },
  { weight: 1, arbitrary: numberText.map((t) => ` ${t}  `) },
);

const table: fc.Arbitrary<Table> = fc
  .record({
    names: fc.uniqueArray(name, { minLength: 1, maxLength: 6, selector: (n) => n.trim() }),
    rowCount: fc.integer({ min: 0, max: 25 }),
    delimiter: fc.constantFrom<Delimiter>(',', ';', '\t'),
    eol: fc.constantFrom<'\n' | '\r\n'>('\n', '\r\n'),
    bom: fc.boolean(),
    trailingNewline: fc.boolean(),
    explicitDelimiter: fc.boolean(),
  })
  .chain(({ names, rowCount, ...rest }) =>
    fc
      .record({
        quoteHeader: fc.array(fc.boolean(), { minLength: names.length, maxLength: names.length }),
        rows: fc.array(
          fc.array(fc.tuple(cell, fc.boolean()), { minLength: names.length, maxLength: names.length }),
          {
            minLength: rowCount,
            maxLength: rowCount,
          },
        ),
      })
      .map(({ quoteHeader, rows }) => ({
        ...rest,
        names,
        quoteHeader,
        rows: rows.map((row) => row.map(([text]) => text)),
        quoteCells: rows.map((row) => row.map(([, quoted]) => quoted)),
      })),
  );

/** A field, quoted when asked or when it holds a quote, a line break or any candidate delimiter
 * (so that delimiter detection, which counts them outside quotes on the header line, is unambiguous). */
function field(text: string, quote: boolean): string {
  return quote || /[,;\t"\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function serialise(t: Table): string {
  const lines = [t.names.map((n, c) => field(n, t.quoteHeader[c]!)).join(t.delimiter)];
  for (const [r, row] of t.rows.entries()) {
    // A one-column row holding only an empty or blank cell is quoted, or it would be a blank line.
    const only = row.length === 1 && row[0]!.trim() === '';
    lines.push(row.map((text, c) => field(text, t.quoteCells[r]![c]! || only)).join(t.delimiter));
  }
  return (t.bom ? '\uFEFF' : '') + lines.join(t.eol) + (t.trailingNewline ? t.eol : '');
}

/** The oracle: csv-parse's string cells, then the documented cell rules. */
function oracle(text: string, delimiter: Delimiter): { names: string[]; columns: Float64Array[] } {
  const records = csvParse(text, { bom: true, delimiter, relax_quotes: false }) as string[][];
  const [header, ...rows] = records;
  const names = header!.map((n) => n.trim());
  const columns = names.map(
    (_, c) =>
      new Float64Array(
        rows.map((row) => {
          const cellText = row[c]!.trim();
          return cellText === '' || cellText === 'NA' ? Number.NaN : Number(cellText);
        }),
      ),
  );
  return { names, columns };
}

suite('parseCsv against csv-parse (property)', () => {
  it('reads random tables as the oracle does, whatever the chunk boundaries', () => {
    fc.assert(
      fc.property(table, fc.array(fc.nat(), { maxLength: 8 }), (t, cuts) => {
        const text = serialise(t);
        const expected = oracle(text, t.delimiter);
        const definition = { items: expected.names.map((id) => ({ id })) };
        const options = t.explicitDelimiter ? { delimiter: t.delimiter } : {};
        const survey = defineSurvey(definition);
        const responses = parseCsv(text, survey, options);
        expect(responses.n).toBe(t.rows.length);
        expect(responses.items).toEqual(expected.names);
        expected.names.forEach((id, c) => {
          expectSameColumn(responses.column(id), expected.columns[c]!, id);
        });
        expect(responses.report.issueCount).toBe(0);

        const bytes = new TextEncoder().encode(text);
        const points = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
        const reader = new CsvReader('parseCsv', survey, options);
        let from = 0;
        for (const point of [...points, bytes.length]) {
          reader.push(bytes.subarray(from, point));
          from = point;
        }
        expectSameResponses(reader.end(), responses, `cuts ${points.join(',')}`);
      }),
      { numRuns: 300 },
    );
  });
});

suite('parseCsv: the quote-free fast path agrees with the general path', () => {
  // A buffer without quotes is split by one scan that also reads digits; a buffer with a quote goes
  // through the record-by-record path. The same rows must give the same Responses either way.
  const survey = defineSurvey({
    items: [{ id: 'a' }, { id: 'b', missing: ['', 'NA', 99] }, { id: 'c' }],
    segments: ['s'],
  });
  const lines = [
    'a,b,c,s',
    '1,2,3,x',
    '-4,+5,6.25,y',
    '',
    '7,99,1234567890123456,z',
    '8,NA, 9 ,w',
    '1e3,2,3,\r',
    '10,11\r',
    '12,13,14,u,extra',
    '15,,16,v',
    '0017,18.,.5,t',
  ];

  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
  ])('with %s line ends', (_, eol) => {
    const plain = parseCsv(lines.join(eol) + eol, survey, { invalid: 'drop-row' });
    const general = parseCsv(`${lines.join(eol)}${eol}"1",2,3,q${eol}`, survey, { invalid: 'drop-row' });
    expect(general.n).toBe(plain.n + 1);
    expect(plain.report.droppedByReason).toEqual(general.report.droppedByReason);
    expect(plain.report.rowsRead).toBe(general.report.rowsRead - 1);
    for (const id of ['a', 'b', 'c']) {
      const expected = Array.from(general.column(id)).slice(0, plain.n);
      expect(Array.from(plain.column(id)), id).toEqual(expected);
    }
    expect(plain.segment('s')).toEqual(general.segment('s').slice(0, plain.n));
    expect(Array.from(plain.column('c'))).toEqual([3, 6.25, 1234567890123456, 9, 3, 16, 0.5]);
  });
});
