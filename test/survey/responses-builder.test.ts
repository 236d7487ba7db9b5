import { expect, it, describe as suite } from 'vitest';
import { SurveyDataError } from '../../src/errors.js';
import { defineSurvey } from '../../src/survey/define-survey.js';
import type { ParseOptions } from '../../src/survey/responses-builder.js';

// survey.parse on rows of objects: every cell rule of the builder, each invalid path and each
// invalid-cell policy. Expected values follow from the rules in the doc comments of defineSurvey and
// ParseOptions (reverse = min + max − x; missing codes; NaN = missing).

const survey = defineSurvey({
  scale: { min: 1, max: 5 },
  items: [
    { id: 'q1' },
    { id: 'q2', reverse: true },
    { id: 'nps', scale: { min: 0, max: 10 }, reverse: true, missing: ['DK', -1] },
    { id: 'share', scale: { min: 0, max: 1, integer: false }, reverse: true },
  ],
  weight: 'w',
  respondentId: 'id',
  segments: ['city', { id: 'channel', levels: ['phone', 'web'] }],
});

const unbounded = defineSurvey({ items: [{ id: 'x' }] });
const codes = defineSurvey({
  items: [{ id: 'x' }, { id: 'y', missing: ['NA', 99] }, { id: 'z', missing: ['', '99'] }],
});

type Row = Record<string, unknown>;
const good: Row = { id: 'r', w: 1, city: 'Bern', channel: 'web', q1: 3, q2: 3, nps: 5, share: 0.5 };
const row = (cells: Row): Row => ({ ...good, ...cells });
const values = (column: Float64Array) => Array.from(column);

/** The SurveyDataError thrown by `f`. */
function dataError(f: () => unknown): SurveyDataError {
  try {
    f();
  } catch (error) {
    expect(error).toBeInstanceOf(SurveyDataError);
    return error as SurveyDataError;
  }
  return expect.fail('no SurveyDataError thrown');
}

suite('survey.parse: valid cells', () => {
  it('reads numbers and numeric strings, trimmed', () => {
    const r = unbounded.parse([
      { x: 4 },
      { x: ' 4 ' },
      { x: '4.0' },
      { x: '+4' },
      { x: '4e0' },
      { x: '-0.5' },
    ]);
    expect(values(r.column('x'))).toEqual([4, 4, 4, 4, 4, -0.5]);
    expect(r.n).toBe(6);
  });

  it('reads survey-wide missing codes, trimmed, and NaN, null and undefined as missing', () => {
    const r = unbounded.parse([
      { x: '' },
      { x: 'NA' },
      { x: ' NA ' },
      { x: '   ' },
      { x: null },
      { x: undefined },
      { x: Number.NaN },
      {},
      { x: 1 },
    ]);
    expect(values(r.column('x'))).toEqual([...Array(8).fill(Number.NaN), 1]);
    expect(r.report.missingPerItem['x']).toBe(8);
    expect(r.report.issueCount).toBe(0);
  });

  it('matches a numeric code with its text and a text code with its number', () => {
    const r = codes.parse([
      { x: 1, y: 99, z: 99 },
      { x: 1, y: '99', z: '99' },
      { x: 1, y: ' 99.0 ', z: '99.0' },
      { x: 99, y: 'NA', z: '' },
    ]);
    expect(values(r.column('y'))).toEqual([Number.NaN, Number.NaN, Number.NaN, Number.NaN]);
    expect(values(r.column('z'))).toEqual([Number.NaN, Number.NaN, Number.NaN, Number.NaN]);
    // 99 is not a code of x (the default codes "" and "NA" are).
    expect(values(r.column('x'))).toEqual([1, 1, 1, 99]);
  });

  it('replaces the survey-wide codes with an item override', () => {
    // nps has missing ['DK', -1]: "DK", -1 and "-1" are missing, "NA" and "" are not codes for it.
    const r = survey.parse([row({ nps: 'DK' }), row({ nps: -1 }), row({ nps: '-1' })]);
    expect(values(r.column('nps'))).toEqual([Number.NaN, Number.NaN, Number.NaN]);
    const e = dataError(() => survey.parse([row({ nps: 'NA' }), row({ nps: null })]));
    expect(e.message).toBe(
      'survey.parse: 2 problems in the data: row 1, column "nps": answer must be a number or a missing code; got "NA"; ' +
        'row 2, column "nps": answer must be a number or a missing code; got ""',
    );
  });

  it('reverse codes as min + max − x on the default and on an item scale, integer or not', () => {
    const r = survey.parse([
      row({ q1: 1, q2: 1, nps: 0, share: 0 }),
      row({ q1: 2, q2: '2', nps: '3', share: '0.25' }),
      row({ q1: 5, q2: 5, nps: 10, share: 1 }),
    ]);
    expect(values(r.column('q1'))).toEqual([1, 2, 5]);
    expect(values(r.column('q2'))).toEqual([5, 4, 1]);
    expect(values(r.column('nps'))).toEqual([10, 7, 0]);
    expect(values(r.column('share'))).toEqual([1, 0.75, 0]);
  });

  it('accepts non-integers on a non-integer scale and any finite number without a scale', () => {
    expect(values(survey.parse([row({ share: 0.125 })]).column('share'))).toEqual([0.875]);
    expect(values(unbounded.parse([{ x: -1e6 }, { x: '3.5' }, { x: '1e300' }]).column('x'))).toEqual([
      -1e6, 3.5, 1e300,
    ]);
  });

  it('carries weights, respondent ids and segments, with missing segment values as null', () => {
    const r = survey.parse([
      row({ id: 'a', w: '0.5', city: ' Zürich ', channel: 'phone' }),
      row({ id: 'b', w: 2, city: 'NA', channel: '' }),
      row({ id: 'c', w: 1.25, city: 42, channel: null }),
    ]);
    expect(values(r.weights!)).toEqual([0.5, 2, 1.25]);
    expect(r.respondentIds).toEqual(['a', 'b', 'c']);
    expect(r.segment('city')).toEqual(['Zürich', null, '42']);
    expect(r.segment('channel')).toEqual(['phone', null, null]);
    expect(r.report.missingPerSegment).toEqual({ city: 1, channel: 2 });
  });

  it('reads a key that is written with spaces (" q1 ") under its trimmed column name', () => {
    // Regression: cells were looked up under the trimmed name, so such a column read as all missing.
    const r = unbounded.parse([{ ' x ': 3 }, { ' x ': '4' }]);
    expect(values(r.column('x'))).toEqual([3, 4]);
    expect(r.report.missingPerItem['x']).toBe(0);
  });

  it('rejects two keys that name the same column once trimmed', () => {
    expect(() => unbounded.parse([{ x: 1, ' x': 2 }])).toThrow(
      'survey.parse: 1 problem in the data: column "x" appears twice in the header',
    );
  });

  it('reports unknown columns, missing per item and per segment, and the policy used', () => {
    const r = survey.parse([
      row({ note: 'hi', q1: 'NA', q2: '' }),
      row({ extra: 1, q1: '' }),
      row({ city: '', nps: 'DK' }),
    ]);
    expect(r.report).toEqual({
      rowsRead: 3,
      rowsKept: 3,
      rowsDropped: 0,
      dropped: [],
      droppedByReason: {},
      missingPerItem: { q1: 2, q2: 1, nps: 1, share: 0 },
      missingPerSegment: { city: 1, channel: 0 },
      invalidAsMissing: 0,
      issues: [],
      issueCount: 0,
      unknownColumns: ['note', 'extra'],
      invalid: 'error',
    });
  });

  it('grows its columns past the initial capacity', () => {
    const rows = Array.from({ length: 1000 }, (_, i) => ({ x: i, y: i % 7 === 0 ? 'NA' : 1, z: 2 }));
    const r = codes.parse(rows);
    expect(r.n).toBe(1000);
    expect(r.column('x')[999]).toBe(999);
    expect(r.report.missingPerItem['y']).toBe(143);
  });
});

suite('survey.parse: invalid cells', () => {
  const cases: [string, Row, Record<string, unknown>][] = [
    [
      'not_a_number "abc"',
      { q1: 'abc' },
      {
        code: 'not_a_number',
        column: 'q1',
        value: 'abc',
        requirement: 'answer must be a number or a missing code',
      },
    ],
    [
      'not_a_number "0x10"',
      { q1: '0x10' },
      {
        code: 'not_a_number',
        column: 'q1',
        value: '0x10',
        requirement: 'answer must be a number or a missing code',
      },
    ],
    [
      'not_a_number "Infinity"',
      { q1: 'Infinity' },
      {
        code: 'not_a_number',
        column: 'q1',
        value: 'Infinity',
        requirement: 'answer must be a number or a missing code',
      },
    ],
    [
      'not_a_number Infinity',
      { q2: Number.NEGATIVE_INFINITY },
      {
        code: 'not_a_number',
        column: 'q2',
        value: Number.NEGATIVE_INFINITY,
        requirement: 'answer must be a number or a missing code',
      },
    ],
    [
      'out_of_scale 6',
      { q1: 6 },
      { code: 'out_of_scale', column: 'q1', value: 6, requirement: 'answer must be within the scale 1–5' },
    ],
    [
      'out_of_scale "11" on 0–10',
      { nps: '11' },
      {
        code: 'out_of_scale',
        column: 'nps',
        value: '11',
        requirement: 'answer must be within the scale 0–10',
      },
    ],
    [
      'out_of_scale on a non-integer scale',
      { share: 1.01 },
      {
        code: 'out_of_scale',
        column: 'share',
        value: 1.01,
        requirement: 'answer must be within the scale 0–1',
      },
    ],
    [
      'not_integer 3.5',
      { q2: 3.5 },
      {
        code: 'not_integer',
        column: 'q2',
        value: 3.5,
        requirement: 'answer must be a whole scale point 1–5',
      },
    ],
    [
      'invalid_segment',
      { channel: 'fax' },
      {
        code: 'invalid_segment',
        column: 'channel',
        value: 'fax',
        requirement: 'must be one of "phone", "web"',
      },
    ],
  ];

  for (const [name, cells, expected] of cases) {
    it(`${name}: throws under 'error', reads as missing under 'missing', drops under 'drop-row'`, () => {
      const { code, column, value, requirement } = expected as {
        code: string;
        column: string;
        value: unknown;
        requirement: string;
      };
      const shown = typeof value === 'string' ? JSON.stringify(value) : String(value);
      const message = `row 2, column "${column}": ${requirement}; got ${shown}`;
      const rows = [row({}), row(cells), row({})];

      const e = dataError(() => survey.parse(rows));
      expect(e.message).toBe(`survey.parse: 1 problem in the data: ${message}`);
      expect(e.issues).toEqual([{ code, row: 2, column, value, message }]);
      expect(e.issueCount).toBe(1);

      const missing = survey.parse(rows, { invalid: 'missing' });
      expect(missing.n).toBe(3);
      if (column === 'channel') expect(missing.segment(column)[1]).toBeNull();
      else expect(missing.column(column)[1]).toBeNaN();
      expect(missing.report.invalidAsMissing).toBe(1);
      expect(missing.report.issues).toEqual([{ code, row: 2, column, value, message }]);
      expect(missing.report.rowsDropped).toBe(0);
      expect(missing.report.invalid).toBe('missing');

      const dropped = survey.parse(rows, { invalid: 'drop-row' });
      expect(dropped.n).toBe(2);
      expect(dropped.report.rowsRead).toBe(3);
      expect(dropped.report.rowsKept).toBe(2);
      expect(dropped.report.rowsDropped).toBe(1);
      expect(dropped.report.dropped).toEqual([{ row: 2, reason: 'invalid cell' }]);
      expect(dropped.report.droppedByReason).toEqual({ 'invalid cell': 1 });
      expect(dropped.report.invalidAsMissing).toBe(0);
      expect(dropped.report.issueCount).toBe(1);
    });
  }

  for (const [name, w, shown] of [
    ['0', 0, '0'],
    ['-1', -1, '-1'],
    ['""', '', '""'],
    ['NaN', Number.NaN, 'NaN'],
    ['"abc"', 'abc', '"abc"'],
  ] as const) {
    it(`invalid_weight ${name}: throws under 'error' and drops the row under 'missing' and 'drop-row'`, () => {
      const message = `row 1, column "w": weight must be a positive number; got ${shown}`;
      const rows = [row({ w }), row({ w: 2 })];
      const e = dataError(() => survey.parse(rows));
      expect(e.message).toBe(`survey.parse: 1 problem in the data: ${message}`);
      expect(e.issues).toEqual([{ code: 'invalid_weight', row: 1, column: 'w', value: w, message }]);
      for (const invalid of ['missing', 'drop-row'] as const) {
        const r = survey.parse(rows, { invalid });
        expect(r.n).toBe(1);
        expect(values(r.weights!)).toEqual([2]);
        expect(r.respondentIds).toEqual(['r']);
        expect(r.report.dropped).toEqual([{ row: 1, reason: 'invalid weight' }]);
        expect(r.report.droppedByReason).toEqual({ 'invalid weight': 1 });
        expect(r.report.invalidAsMissing).toBe(0);
      }
    });
  }

  it('reads a missing code in the weight column as no weight, as a number or as text', () => {
    // Regression: the number 99 and the text "99.0" passed as weights while "99" was invalid.
    const coded = defineSurvey({ missing: ['', 'NA', 99], items: [{ id: 'q' }], weight: 'w' });
    for (const w of [99, '99', ' 99 ', '99.0', 'NA']) {
      const r = coded.parse(
        [
          { q: 1, w },
          { q: 2, w: 98 },
        ],
        { invalid: 'missing' },
      );
      expect(Array.from(r.weights!), String(w)).toEqual([98]);
      expect(r.report.issues, String(w)).toEqual([
        {
          code: 'invalid_weight',
          row: 1,
          column: 'w',
          value: w,
          message: `row 1, column "w": weight must be a positive number; got ${JSON.stringify(w)}`,
        },
      ]);
    }
  });

  it('lists every bad cell under error, and keeps row contents aligned after drops', () => {
    const rows = [
      row({ id: 'a', q1: 'abc', q2: 9 }),
      row({ id: 'b', q1: 1 }),
      row({ id: 'c', nps: 3.5, channel: 'fax' }),
      row({ id: 'd', q1: 5, city: 'Basel' }),
    ];
    const e = dataError(() => survey.parse(rows));
    expect(e.issueCount).toBe(4);
    expect(e.issues.map((issue) => [issue.code, issue.row, issue.column])).toEqual([
      ['not_a_number', 1, 'q1'],
      ['out_of_scale', 1, 'q2'],
      // In column order of the rows' keys: channel comes before nps.
      ['invalid_segment', 3, 'channel'],
      ['not_integer', 3, 'nps'],
    ]);

    const dropped = survey.parse(rows, { invalid: 'drop-row' });
    expect(dropped.respondentIds).toEqual(['b', 'd']);
    expect(values(dropped.column('q1'))).toEqual([1, 5]);
    expect(dropped.segment('city')).toEqual(['Bern', 'Basel']);
    expect(dropped.report.dropped).toEqual([
      { row: 1, reason: 'invalid cell' },
      { row: 3, reason: 'invalid cell' },
    ]);

    const missing = survey.parse(rows, { invalid: 'missing' });
    expect(missing.report.invalidAsMissing).toBe(4);
    expect(missing.report.missingPerItem).toEqual({ q1: 1, q2: 1, nps: 1, share: 0 });
    expect(missing.report.missingPerSegment).toEqual({ city: 0, channel: 1 });
  });

  it('caps the listed issues at maxIssues, counts all, and says how many more in the message', () => {
    const rows = Array.from({ length: 8 }, (_, i) => row({ q1: `bad${i + 1}` }));
    const messageOf = (i: number) =>
      `row ${i}, column "q1": answer must be a number or a missing code; got "bad${i}"`;
    const e = dataError(() => survey.parse(rows, { maxIssues: 6 }));
    expect(e.issues).toHaveLength(6);
    expect(e.issueCount).toBe(8);
    expect(e.message).toBe(
      `survey.parse: 8 problems in the data: ${[1, 2, 3, 4, 5].map(messageOf).join('; ')}; and 3 more`,
    );
    const r = survey.parse(rows, { invalid: 'missing', maxIssues: 2 });
    expect(r.report.issues.map((issue) => issue.row)).toEqual([1, 2]);
    expect(r.report.issueCount).toBe(8);
    expect(r.report.invalidAsMissing).toBe(8);
    expect(dataError(() => survey.parse(rows)).issues).toHaveLength(8);
  });

  it('throws missing_column for a defined column absent from every row, whatever the policy', () => {
    const { w: _w, city: _city, ...rest } = good;
    const message =
      'survey.parse: 2 problems in the data: column "w" is defined in the survey but absent from the data; ' +
      'column "city" is defined in the survey but absent from the data';
    for (const invalid of ['error', 'missing', 'drop-row'] as const) {
      const e = dataError(() => survey.parse([rest], { invalid }));
      expect(e.message).toBe(message);
      expect(e.issues[0]).toEqual({
        code: 'missing_column',
        row: null,
        column: 'w',
        value: null,
        message: 'column "w" is defined in the survey but absent from the data',
      });
    }
  });

  it('rejects an unknown policy and rows that are not an array of objects', () => {
    expect(() => survey.parse([good], { invalid: 'skip' } as unknown as ParseOptions)).toThrow(
      new RangeError(`survey.parse: invalid must be 'error', 'missing' or 'drop-row'; got "skip"`),
    );
    expect(() => survey.parse('q1' as never)).toThrow(
      new TypeError('survey.parse: rows must be an array of objects; got "q1"'),
    );
    expect(() => survey.parse([good, [1, 2]] as never)).toThrow(
      new TypeError(
        'survey.parse: each row must be an object keyed by column; got an array of length 2 in row 2',
      ),
    );
    expect(() => survey.parse([null] as never)).toThrow(
      new TypeError('survey.parse: each row must be an object keyed by column; got null in row 1'),
    );
  });
});

suite('survey.safeParse', () => {
  it('returns the responses on success', () => {
    const result = survey.safeParse([good]);
    expect(result.success).toBe(true);
    if (result.success) expect(values(result.data.column('q2'))).toEqual([3]);
  });

  it('returns the SurveyDataError instead of throwing it', () => {
    const result = survey.safeParse([row({ q1: 7 }), row({ q2: 'x' })]);
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(result.error).toBeInstanceOf(SurveyDataError);
      expect(result.error.issueCount).toBe(2);
      expect(result.error.message).toBe(
        'survey.parse: 2 problems in the data: row 1, column "q1": answer must be within the scale 1–5; got 7; ' +
          'row 2, column "q2": answer must be a number or a missing code; got "x"',
      );
    }
    const absent = survey.safeParse([{ q1: 1 }]);
    expect(absent.success).toBe(false);
  });

  it('still throws errors other than SurveyDataError', () => {
    expect(() => survey.safeParse({} as never)).toThrow(
      new TypeError('survey.parse: rows must be an array of objects; got object'),
    );
    expect(() => survey.safeParse([good], { invalid: 'drop' } as unknown as ParseOptions)).toThrow(
      RangeError,
    );
  });
});

suite('survey.parse: limits of the issue list', () => {
  const small = defineSurvey({ scale: { min: 1, max: 5 }, items: [{ id: 'q' }] });
  const rows = [7, 8, 9, 0, 6, 7, 8].map((q) => ({ q }));

  it('counts the issues not shown when maxIssues is below five', () => {
    const result = small.safeParse(rows, { maxIssues: 2 });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.error.issues).toHaveLength(2);
    expect(result.error.issueCount).toBe(7);
    expect(result.error.message).toBe(
      'survey.parse: 7 problems in the data: row 1, column "q": answer must be within the scale 1–5; got 7; ' +
        'row 2, column "q": answer must be within the scale 1–5; got 8; and 5 more',
    );
  });

  it('lists none with maxIssues 0 and still counts them', () => {
    const result = small.safeParse(rows, { maxIssues: 0 });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.error.issues).toHaveLength(0);
    expect(result.error.message).toBe('survey.parse: 7 problems in the data: and 7 more');
  });

  it('rejects a maxIssues that is not a non-negative integer', () => {
    expect(() => small.parse(rows, { maxIssues: -1 })).toThrow(
      new RangeError('survey.parse: maxIssues must be a non-negative integer; got -1'),
    );
    expect(() => small.parse(rows, { maxIssues: Number.NaN })).toThrow(
      new RangeError('survey.parse: maxIssues must be a non-negative integer; got NaN'),
    );
  });
});
