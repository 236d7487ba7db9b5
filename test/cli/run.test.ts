import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS, commandOptions } from '../../src/cli/commands.js';
import { run } from '../../src/cli/run.js';
import { cli, DATA, SURVEY, VERSION, WEIGHTS } from './helpers.js';

const P = 'satisfaction-analytics: ';

/** A scratch directory with a small survey, its data, and files of every broken kind. */
function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cli-'));
  const files: Record<string, string> = {
    'small.survey.json': JSON.stringify({ scale: { min: 1, max: 5 }, items: [{ id: 'q1' }, { id: 'q2' }] }),
    'small.csv': 'q1,q2\n1,2\n7,3\n4,x\n5,5\n',
    'semicolon.csv': 'q1;q2\n1;2\n3;3\n',
    'broken.json': '{ "items": [ }',
    'array.json': '[1, 2]',
    'bad-survey.json': JSON.stringify({ items: 3 }),
    'ahp-string.json': '"abc"',
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('help and version', () => {
  it('--help lists every command; -h and help are the same', async () => {
    const help = await cli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stderr).toBe('');
    expect(
      help.stdout.startsWith('satisfaction-analytics: customer-satisfaction analysis of survey data\n'),
    ).toBe(true);
    for (const command of COMMANDS) {
      expect(help.stdout).toMatch(
        new RegExp(`^  ${command.name} +${command.summary.replace(/[()]/g, '\\$&')}$`, 'm'),
      );
    }
    expect(help.stdout).toContain('Exit codes: 0 done; 2 bad input');
    expect((await cli(['-h'])).stdout).toBe(help.stdout);
    expect((await cli(['help'])).stdout).toBe(help.stdout);
    // No line of the help is wider than 100 characters, examples aside.
    for (const line of help.stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(100);
  });

  it('each command has its --help: usage, every option, examples', async () => {
    for (const command of COMMANDS) {
      const help = await cli([command.name, '--help']);
      expect(help.code).toBe(0);
      expect(help.stderr).toBe('');
      const usage = `Usage: satisfaction-analytics ${command.name} ${command.positional}${command.readsData ? ' --survey SURVEY.json' : ''} [options]`;
      expect(help.stdout.split('\n')[0]).toBe(usage);
      for (const [name, spec] of Object.entries(commandOptions(command))) {
        const short = spec.short === undefined ? '    ' : `-${spec.short}, `;
        expect(help.stdout).toContain(
          `  ${short}--${name}${spec.value === undefined ? '' : ` ${spec.value}`}  `,
        );
      }
      expect(help.stdout).toContain('\nExamples:\n  satisfaction-analytics ');
      expect((await cli(['help', command.name])).stdout).toBe(help.stdout);
      expect((await cli([command.name, '-h'])).stdout).toBe(help.stdout);
    }
    expect(commandOptions(COMMANDS.find((c) => c.name === 'ahp')!)).not.toHaveProperty('survey');
  });

  it('--version and -V print the version of package.json', async () => {
    expect(await cli(['--version'])).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: '' });
    expect((await cli(['-V'])).stdout).toBe(`${VERSION}\n`);
  });

  it('doc-comment example of run', async () => {
    let out = '';
    const io = {
      stdout: { write: (t: string) => (out += t) },
      stderr: { write: () => true },
      version: '0.1.0',
    };
    expect(await run(['--version'], io)).toBe(0);
    expect(out).toBe('0.1.0\n');
  });
});

describe('user errors: exit code 2 and one line on stderr', () => {
  const dir = scratch();
  const f = (name: string) => join(dir, name);
  const cases: [string, string[], string | RegExp][] = [
    ['no command', [], 'missing command; see satisfaction-analytics --help'],
    [
      'unknown command',
      ['summary', DATA],
      'unknown command "summary"; commands are report, describe, alpha, index, ahp, servqual, pca, drivers',
    ],
    [
      'an option before the command',
      ['--out', 'x.md'],
      'unknown option --out; a command comes first (report, describe, alpha, index, ahp, servqual, pca, drivers); see satisfaction-analytics --help',
    ],
    [
      'help on an unknown command',
      ['help', 'factor'],
      'unknown command "factor"; commands are report, describe, alpha, index, ahp, servqual, pca, drivers',
    ],
    [
      'unknown option',
      ['describe', DATA, '-s', SURVEY, '--weights', 'w.json'],
      'unknown option --weights for describe; see satisfaction-analytics describe --help',
    ],
    [
      'unknown short option',
      ['describe', DATA, '-s', SURVEY, '-x'],
      'unknown option -x for describe; see satisfaction-analytics describe --help',
    ],
    [
      'option without its value',
      ['describe', DATA, '-s', SURVEY, '--out'],
      'option --out needs a value; see satisfaction-analytics describe --help',
    ],
    [
      'a value for a flag',
      ['describe', DATA, '-s', SURVEY, '--quiet=yes'],
      'option --quiet takes no value; see satisfaction-analytics describe --help',
    ],
    [
      'no data file',
      ['describe', '-s', SURVEY],
      'describe needs DATA.csv; see satisfaction-analytics describe --help',
    ],
    [
      'two data files',
      ['describe', DATA, DATA, '-s', SURVEY],
      `describe takes one DATA.csv; got 2: ${DATA} ${DATA}`,
    ],
    [
      'no --survey',
      ['describe', DATA],
      `describe needs --survey SURVEY.json, the survey definition of ${DATA}`,
    ],
    [
      'missing data file',
      ['describe', 'nowhere.csv', '-s', SURVEY],
      'cannot read "nowhere.csv": no such file or directory',
    ],
    [
      'a directory as data',
      ['describe', 'examples', '-s', SURVEY],
      'cannot read "examples": it is a directory',
    ],
    [
      'missing survey file',
      ['describe', DATA, '-s', 'nowhere.json'],
      'cannot read "nowhere.json": no such file or directory',
    ],
    [
      'bad JSON',
      ['describe', DATA, '-s', f('broken.json')],
      new RegExp(`^${P}"${f('broken.json')}" is not valid JSON: \\S.*\\n$`),
    ],
    [
      'a survey that is not an object',
      ['describe', DATA, '-s', f('array.json')],
      `the survey definition "${f('array.json')}" must be a JSON object; got an array`,
    ],
    [
      'SurveyDefinitionError',
      ['describe', DATA, '-s', f('bad-survey.json')],
      /^satisfaction-analytics: defineSurvey: invalid definition: items: .+\n$/,
    ],
    [
      'SurveyDataError',
      ['describe', f('small.csv'), '-s', f('small.survey.json')],
      'readCsv: 2 problems in the data: row 2, column "q1": answer must be within the scale 1–5; got 7; row 3, column "q2": answer must be a number or a missing code; got "x"',
    ],
    [
      'RangeError from an analysis',
      ['index', DATA, '-s', SURVEY, '--weights', `${WEIGHTS}#/scoringTable`],
      'satisfactionIndex: two-level weights need every item in a dimension; got none for "overall" (give options.dimensions or weights.items for every dimension)',
    ],
    [
      'TypeError from an analysis',
      ['ahp', f('ahp-string.json')],
      'ahp: matrix must be an array of rows or { labels, matrix }; got "abc"',
    ],
    [
      'nothing at a JSON pointer',
      ['ahp', `${WEIGHTS}#/judgments`],
      `${WEIGHTS}#/judgments: no value at "/judgments"`,
    ],
    [
      'alpha without items',
      ['alpha', DATA, '-s', SURVEY],
      'alpha needs the items of one scale: give --items, --dimension or both',
    ],
    [
      'a pattern matching nothing',
      ['describe', DATA, '-s', SURVEY, '-i', 'x_*'],
      '--items: no item matches "x_*"',
    ],
    [
      'an unknown dimension',
      ['describe', DATA, '-s', SURVEY, '-d', 'speed'],
      '--dimension: no item has the dimension "speed"; dimensions are tangibles, reliability, responsiveness, assurance, empathy',
    ],
    [
      'a bad --format',
      ['describe', DATA, '-s', SURVEY, '-f', 'pdf'],
      '--format must be md, html or json; got "pdf"',
    ],
    [
      'an --out without a known extension',
      ['describe', DATA, '-s', SURVEY, '-o', 'out.pdf'],
      'cannot tell the format of "out.pdf" from its extension; name a .md, .html or .json file or give --format md, html or json',
    ],
    [
      'an unwritable --out',
      ['describe', DATA, '-s', SURVEY, '-o', join(dir, 'no', 'such', 'dir.md')],
      `cannot write "${join(dir, 'no', 'such', 'dir.md')}": no such file or directory`,
    ],
    [
      'a bad number',
      ['index', DATA, '-s', SURVEY, '--bootstrap', '1e3'],
      '--bootstrap must be a whole number of at least 1; got "1e3"',
    ],
    [
      '--seed alone',
      ['index', DATA, '-s', SURVEY, '--seed', '3'],
      '--seed sets the seed of the bootstrap: give --bootstrap N too',
    ],
    [
      'bad --points',
      ['servqual', DATA, '-s', SURVEY, '--points', 'tangibles:10'],
      '--points must read name=number,name=number; got "tangibles:10"',
    ],
    [
      'points and importance',
      ['servqual', DATA, '-s', SURVEY, '--points', 'a=100', '--importance', 'x.json'],
      'give the importance once: --points or --importance, not both',
    ],
    [
      'a bad choice',
      ['ahp', `${WEIGHTS}#/ahpJudgments`, '-m', 'mean'],
      '--method must be one of eigenvector, geometric-mean, column-mean; got "mean"',
    ],
    [
      'a bad --delimiter',
      ['describe', DATA, '-s', SURVEY, '--delimiter', '|'],
      '--delimiter must be ",", ";" or tab; got "|"',
    ],
    [
      'a bad --invalid',
      ['describe', DATA, '-s', SURVEY, '--invalid', 'skip'],
      '--invalid must be one of error, missing, drop-row; got "skip"',
    ],
    [
      '--options that is not an object',
      ['describe', DATA, '-s', SURVEY, '--options', f('array.json')],
      `--options "${f('array.json')}" must be a JSON object; got an array`,
    ],
  ];

  for (const [name, argv, expected] of cases) {
    it(name, async () => {
      const result = await cli(argv);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      if (typeof expected === 'string') expect(result.stderr).toBe(`${P}${expected}\n`);
      else expect(result.stderr).toMatch(expected);
      // One line, and no stack trace.
      expect(result.stderr.split('\n')).toHaveLength(2);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    });
  }

  it('a long list of definition problems is cut to the first five', async () => {
    const survey = { items: Array.from({ length: 8 }, (_, i) => ({ id: `q${i}`, bogus: true })) };
    writeFileSync(f('many-problems.json'), JSON.stringify(survey));
    const { code, stderr } = await cli(['describe', DATA, '-s', f('many-problems.json')]);
    expect(code).toBe(2);
    expect(stderr).toMatch(
      /^satisfaction-analytics: defineSurvey: invalid definition: items\[0\]: .*; and \d+ more\n$/,
    );
    expect(stderr.match(/items\[\d\]/g)).toHaveLength(5);
  });
});

describe('internal errors: exit code 1 with the stack', () => {
  async function failing(error: Error) {
    let stderr = '';
    const code = await run(['describe', DATA, '-s', SURVEY], {
      stdout: {
        write: () => {
          throw error;
        },
      },
      stderr: { write: (t: string) => (stderr += t) },
      cwd: new URL('../../', import.meta.url).pathname,
    });
    return { code, stderr };
  }

  it('an unexpected error is not reported as bad input', async () => {
    const { code, stderr } = await failing(new Error('disk on fire'));
    expect(code).toBe(1);
    expect(stderr).toMatch(/^satisfaction-analytics: internal error: Error: disk on fire\n\s+at /);
  });

  it('an engine TypeError (not a library message) is internal too', async () => {
    const { code, stderr } = await failing(
      new TypeError("Cannot read properties of undefined (reading 'x')"),
    );
    expect(code).toBe(1);
    expect(stderr).toContain('internal error: TypeError: Cannot read properties of undefined');
  });
});

describe('reading', () => {
  it('--invalid drop-row: the rows dropped are noted on stderr; --quiet silences the note', async () => {
    const dir = scratch();
    const argv = [
      'describe',
      join(dir, 'small.csv'),
      '-s',
      join(dir, 'small.survey.json'),
      '--invalid',
      'drop-row',
    ];
    const result = await cli([...argv, '-f', 'json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).items[0].n).toBe(2);
    expect(result.stderr).toBe(`${P}${join(dir, 'small.csv')}: 2 of 4 rows dropped (2 invalid cell)\n`);
    expect((await cli([...argv, '-q'])).stderr).toBe('');
  });

  it('--delimiter', async () => {
    const dir = scratch();
    const result = await cli([
      'describe',
      join(dir, 'semicolon.csv'),
      '-s',
      join(dir, 'small.survey.json'),
      '--delimiter',
      ';',
      '-f',
      'json',
    ]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).items.map((i: { mean: number }) => i.mean)).toEqual([2, 2.5]);
  });
});

describe('progress bar', () => {
  const line = (rows: number, bytes: string) =>
    `bank-survey.csv [########################] 100%  ${rows} rows  ${bytes} of ${bytes}\u001b[K`;

  it('on stderr when it is a terminal: rows and bytes, ending with the full bar and a newline', async () => {
    const { code, stdout, stderr } = await cli(['describe', DATA, '-s', SURVEY], { isTTY: true });
    expect(code).toBe(0);
    expect(stdout.startsWith('# Item descriptives')).toBe(true);
    const draws = stderr.split('\r').slice(1);
    expect(draws.length).toBeGreaterThanOrEqual(1);
    expect(draws.at(-1)).toBe(`${line(612, '80.0 kB')}\n`);
    expect(stderr).not.toContain('warning');
  });

  it('off when stderr is not a terminal, and with --quiet', async () => {
    expect((await cli(['describe', DATA, '-s', SURVEY])).stderr).toBe('');
    expect((await cli(['describe', DATA, '-s', SURVEY, '--quiet'], { isTTY: true })).stderr).toBe('');
  });

  it('says where the output went; ends its line before an error message', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-'));
    const out = join(dir, 'd.md');
    const written = await cli(['describe', DATA, '-s', SURVEY, '-o', out], { isTTY: true });
    expect(written.stderr.endsWith(`\n${P}wrote ${out}\n`)).toBe(true);
    const failed = await cli(['index', DATA, '-s', SURVEY, '-w', `${WEIGHTS}#/scoringTable`], {
      isTTY: true,
    });
    expect(failed.code).toBe(2);
    expect(failed.stderr).toContain('\u001b[K\nsatisfaction-analytics: satisfactionIndex: two-level weights');
  });

  it('redraws as a long file is read, at most every 100 ms', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-'));
    const rows = 750_000; // 3.0 MB: three chunks of 1 MiB
    const body = Array.from({ length: rows }, (_, i) => `${(i % 5) + 1},${((i * 7) % 5) + 1}`).join('\n');
    writeFileSync(join(dir, 'long.csv'), `q1,q2\n${body}\n`);
    writeFileSync(
      join(dir, 'long.survey.json'),
      JSON.stringify({ scale: { min: 1, max: 5 }, items: [{ id: 'q1' }, { id: 'q2' }] }),
    );
    // A clock that advances 60 ms per reading: of the three updates, the second comes too soon.
    let time = 0;
    const { code, stderr } = await cli(['describe', 'long.csv', '-s', 'long.survey.json', '-f', 'json'], {
      isTTY: true,
      cwd: dir,
      now: () => (time += 60),
    });
    expect(code).toBe(0);
    const draws = stderr.split('\r').slice(1);
    const percents = draws.map((d) => Number(/\] +(\d+)%/.exec(d)![1]));
    expect(draws).toHaveLength(3); // updates 1 and 3, then the final state
    expect(percents.at(-1)).toBe(100);
    expect(percents[0]).toBeLessThan(100);
    for (let i = 1; i < percents.length; i++) expect(percents[i]).toBeGreaterThanOrEqual(percents[i - 1]!);
    expect(draws.at(-1)?.endsWith(' 750,000 rows  3.0 MB of 3.0 MB\u001b[K\n')).toBe(true);
  });
});
