import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ahp } from '../../src/ahp/ahp.js';
import { COMMANDS, componentsOption, defaultReportConfig } from '../../src/cli/commands.js';
import { commandHelp } from '../../src/cli/help.js';
import { describe as describeItems } from '../../src/describe/describe.js';
import { importancePerformance } from '../../src/drivers/importance-performance.js';
import { regress } from '../../src/drivers/regress.js';
import { relativeImportance } from '../../src/drivers/relative-importance.js';
import { pca } from '../../src/pca/pca.js';
import { cronbachAlpha } from '../../src/reliability/cronbach-alpha.js';
import { htmlDocument } from '../../src/report/html-document.js';
import { renderMarkdown, renderSection } from '../../src/report/render.js';
import { report } from '../../src/report/report.js';
import { satisfactionIndex } from '../../src/scoring/satisfaction-index.js';
import { servqual } from '../../src/servqual/servqual.js';
import { parseCsv } from '../../src/survey/csv.js';
import { bankSample } from '../helpers/data.js';
import { DIMENSIONS, dimensionMeans, SECTION_ORDER } from '../report/helpers.js';
import { asJson, cli, DATA, onSample, ROOT, SURVEY, WEIGHTS } from './helpers.js';

// Every command on the bundled sample: its JSON output is the library's own result for the same
// options (the command line adds reading and rendering, nothing else), and its Markdown and HTML are
// the report/ renderings of that result.
const sample = bankSample();
const weights = JSON.parse(readFileSync(join(ROOT, WEIGHTS), 'utf8'));
const perception = sample.items.filter((id) => id.startsWith('p_'));
const points = { tangibles: 10, reliability: 30, responsiveness: 25, assurance: 20, empathy: 15 };

async function json(argv: readonly string[]): Promise<unknown> {
  const { code, stdout, stderr } = await cli([...argv, '--format', 'json']);
  expect(stderr).toBe('');
  expect(code).toBe(0);
  return JSON.parse(stdout);
}

describe('the commands give the library results', () => {
  it('describe: every item, items by pattern, a dimension, box sizes, unweighted', async () => {
    expect(await json(['describe', DATA, '--survey', SURVEY])).toEqual(asJson(describeItems(sample)));
    expect(await json(onSample('describe', '--items', 'p_*', '--top-box', '1'))).toEqual(
      asJson(describeItems(sample, { items: perception, topBox: 1 })),
    );
    expect(await json(onSample('describe', '-d', 'empathy', '--bottom-box', '3', '--unweighted'))).toEqual(
      asJson(describeItems(sample, { items: sample.dimension('empathy'), bottomBox: 3, weights: false })),
    );
  });

  it('alpha: --dimension with --items, --items alone, --reverse', async () => {
    const reliability = ['p_rel1', 'p_rel2', 'p_rel3', 'p_rel4', 'p_rel5'];
    expect(await json(onSample('alpha', '--dimension', 'reliability', '--items', 'p_*'))).toEqual(
      asJson(cronbachAlpha(sample, { items: reliability })),
    );
    expect(await json(onSample('alpha', '-i', 'p_res1,p_res2, p_res3,p_res4'))).toEqual(
      asJson(cronbachAlpha(sample, { items: ['p_res1', 'p_res2', 'p_res3', 'p_res4'] })),
    );
    expect(await json(onSample('alpha', '-i', 'p_res*', '--reverse', 'p_res4'))).toEqual(
      asJson(cronbachAlpha(sample, { items: ['p_res1', 'p_res2', 'p_res3', 'p_res4'], reverse: ['p_res4'] })),
    );
  });

  it('index: the two-level scoring table of the weights file, by channel, bootstrap with seed', async () => {
    const scoringTable = weights.scoringTable;
    expect(
      await json(
        onSample('index', '--items', 'p_*', '--weights', `${WEIGHTS}#/scoringTable`, '--by', 'channel'),
      ),
    ).toEqual(asJson(satisfactionIndex(sample, { items: perception, weights: scoringTable, by: 'channel' })));
    expect(
      await json(onSample('index', '-i', 'p_*', '--bootstrap', '300', '--seed', '7', '--unweighted')),
    ).toEqual(
      asJson(
        satisfactionIndex(sample, {
          items: perception,
          bootstrap: { resamples: 300, seed: 7 },
          respondentWeights: false,
        }),
      ),
    );
    expect(await json(onSample('index', '-i', 'p_rel*', '-w', 'equal'))).toEqual(
      asJson(satisfactionIndex(sample, { items: perception.filter((id) => id.startsWith('p_rel')) })),
    );
  });

  it('index takes the JSON output of ahp as weights', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-'));
    const judgments = {
      labels: ['p_rel1', 'p_rel2', 'p_rel3'],
      matrix: [
        [1, 3, 5],
        ['1/3', 1, 3],
        ['1/5', '1/3', 1],
      ],
    };
    const file = join(dir, 'judgments.json');
    writeFileSync(file, JSON.stringify(judgments));
    const written = await cli(['ahp', file, '--out', join(dir, 'ahp.json')]);
    expect(written.code).toBe(0);
    expect(await json(onSample('index', '-i', 'p_rel1,p_rel2,p_rel3', '-w', join(dir, 'ahp.json')))).toEqual(
      asJson(satisfactionIndex(sample, { items: ['p_rel1', 'p_rel2', 'p_rel3'], weights: ahp(judgments) })),
    );
  });

  it('ahp: a part of the weights file, and --method', async () => {
    expect(await json(['ahp', `${WEIGHTS}#/ahpJudgments`])).toEqual(asJson(ahp(weights.ahpJudgments)));
    expect(await json(['ahp', `${WEIGHTS}#/ahpJudgments`, '--method', 'geometric-mean'])).toEqual(
      asJson(ahp(weights.ahpJudgments, { method: 'geometric-mean' })),
    );
  });

  it('servqual: points, by channel, dimension-score rule, unweighted, --options, --importance', async () => {
    expect(
      await json(
        onSample(
          'servqual',
          '--points',
          'tangibles=10,reliability=30,responsiveness=25,assurance=20,empathy=15',
          '--by',
          'channel',
        ),
      ),
    ).toEqual(asJson(servqual(sample, { importance: { points }, by: 'channel' })));
    expect(await json(onSample('servqual', '--dimension-score', 'complete', '--unweighted'))).toEqual(
      asJson(servqual(sample, { dimensionScore: 'complete', weights: false })),
    );
    const dir = mkdtempSync(join(tmpdir(), 'cli-'));
    writeFileSync(join(dir, 'options.json'), JSON.stringify({ confidenceLevel: 0.9, reliability: false }));
    writeFileSync(join(dir, 'importance.json'), JSON.stringify({ points }));
    expect(
      await json(
        onSample(
          'servqual',
          '--options',
          join(dir, 'options.json'),
          '--importance',
          join(dir, 'importance.json'),
        ),
      ),
    ).toEqual(asJson(servqual(sample, { confidenceLevel: 0.9, reliability: false, importance: { points } })));
  });

  it('pca: items, rotation, components, by channel, unweighted, --options', async () => {
    expect(await json(onSample('pca', '--items', 'p_*', '--rotation', 'varimax', '--by', 'channel'))).toEqual(
      asJson(pca(sample, { items: perception, rotation: 'varimax', by: 'channel' })),
    );
    expect(await json(onSample('pca', '-d', 'empathy', '-i', 'p_*', '-k', '2', '--unweighted'))).toEqual(
      asJson(
        pca(sample, {
          items: ['p_emp1', 'p_emp2', 'p_emp3', 'p_emp4', 'p_emp5'],
          components: 2,
          weights: false,
        }),
      ),
    );
    const dir = mkdtempSync(join(tmpdir(), 'cli-'));
    writeFileSync(join(dir, 'options.json'), JSON.stringify({ missing: 'pairwise', scores: false }));
    expect(
      await json(onSample('pca', '-i', 'p_*', '--components', '0.6', '--options', join(dir, 'options.json'))),
    ).toEqual(
      asJson(
        pca(sample, {
          items: perception,
          components: { cumulative: 0.6 },
          missing: 'pairwise',
          scores: false,
        }),
      ),
    );
  });

  it('--components: a number, kaiser or a fraction of the variance', async () => {
    expect(componentsOption('3')).toBe(3);
    expect(componentsOption('kaiser')).toBe('kaiser');
    expect(componentsOption('0.75')).toEqual({ cumulative: 0.75 });
    expect(() => componentsOption('0')).toThrow('--components must be a whole number of at least 1; got "0"');
    for (const bad of ['1.5', '0.0', 'all', '-1']) {
      expect(() => componentsOption(bad)).toThrow(
        `--components must be a number of components, kaiser, or a fraction of the variance such as 0.8; got ${JSON.stringify(bad)}`,
      );
    }
    const { code, stderr } = await cli(onSample('pca', '-i', 'p_*', '--rotation', 'promax'));
    expect(code).toBe(2);
    expect(stderr).toBe('satisfaction-analytics: --rotation must be one of none, varimax; got "promax"\n');
  });

  it('drivers: dimension means of the items, or items by pattern; method, bootstrap, unweighted', async () => {
    // The dimension means of examples/drivers.ts, weighted by the survey's respondent weights.
    const means = dimensionMeans(sample);
    const options = { outcome: 'overall', drivers: DIMENSIONS, weights: sample.weights! };
    expect(
      await json(
        onSample(
          'drivers',
          '--outcome',
          'overall',
          '--drivers',
          'dimensions',
          '--items',
          'p_*',
          '--bootstrap',
          '100',
          '--seed',
          '3',
        ),
      ),
    ).toEqual(
      asJson({
        regress: regress(means, options),
        relativeImportance: relativeImportance(means, { ...options, bootstrap: { resamples: 100, seed: 3 } }),
        importancePerformance: importancePerformance(means, { ...options, scale: { min: 1, max: 5 } }),
      }),
    );
    const items = ['p_rel1', 'p_rel2', 'p_rel3', 'p_rel4', 'p_rel5', 'p_res1', 'p_res2', 'p_res3', 'p_res4'];
    const plain = { outcome: 'overall', drivers: items, weights: false as const };
    const dir = mkdtempSync(join(tmpdir(), 'cli-'));
    writeFileSync(
      join(dir, 'options.json'),
      JSON.stringify({ performance: 'top-box', confidenceLevel: 0.9 }),
    );
    expect(
      await json(
        onSample(
          'drivers',
          '-y',
          'overall',
          '-x',
          'p_rel*,p_res*',
          '--method',
          'relative-weights',
          '--unweighted',
          '--options',
          join(dir, 'options.json'),
        ),
      ),
    ).toEqual(
      asJson({
        regress: regress(sample, { ...plain, confidenceLevel: 0.9 }),
        relativeImportance: relativeImportance(sample, { ...plain, method: 'relative-weights' }),
        importancePerformance: importancePerformance(sample, {
          ...plain,
          importance: 'relative-weights',
          performance: 'top-box',
        }),
      }),
    );
  });

  it('drivers: Markdown and HTML of the three results; errors that say what is missing', async () => {
    const argv = onSample('drivers', '-y', 'overall', '-x', 'p_rel*');
    const { stdout } = await cli(argv);
    const drivers = ['p_rel1', 'p_rel2', 'p_rel3', 'p_rel4', 'p_rel5'];
    const results = [
      regress(sample, { outcome: 'overall', drivers }),
      relativeImportance(sample, { outcome: 'overall', drivers }),
      importancePerformance(sample, { outcome: 'overall', drivers }),
    ];
    expect(stdout).toBe(
      `# Drivers of overall\n\n${results.map((r) => renderMarkdown(r).trimEnd()).join('\n\n')}\n`,
    );
    const html = await cli([...argv, '--format', 'html', '--title', 'Drivers']);
    expect(html.stdout).toBe(
      htmlDocument({
        title: 'Drivers',
        subtitle: 'bank-survey.csv, 612 respondents',
        sections: results.map((r) => renderSection(r)),
      }),
    );
    const errors = await Promise.all([
      cli(onSample('drivers', '-x', 'p_rel*')),
      cli(onSample('drivers', '-y', 'overall')),
      cli(onSample('drivers', '-y', 'overall', '-x', 'dimensions')),
      cli(onSample('drivers', '-y', 'overall', '-x', 'p_rel1,p_rel2', '-i', 'p_*')),
      cli(onSample('drivers', '-y', 'overall', '-x', 'p_rel*', '--seed', '1')),
    ]);
    expect(errors.map((e) => e.stderr)).toEqual(
      [
        'drivers needs --outcome, the item to explain (e.g. overall)',
        "drivers needs --drivers: items or patterns ('p_rel*,p_res*'), or dimensions",
        "--drivers dimensions averages the items of each dimension: name them with --items (e.g. --items 'p_*')",
        '--items chooses the items of --drivers dimensions; with a list of drivers, leave it out',
        '--seed sets the seed of the bootstrap: give --bootstrap N too',
      ].map((m) => `satisfaction-analytics: ${m}\n`),
    );
    for (const e of errors) expect(e.code).toBe(2);
  });

  it('the help of pca and drivers lists their options', () => {
    for (const name of ['pca', 'drivers']) {
      const command = COMMANDS.find((c) => c.name === name)!;
      const help = commandHelp(command);
      for (const option of Object.keys(command.options)) expect(help).toContain(`--${option}`);
    }
  });

  it('report: a config file (a ReportConfig as JSON) and the default config', async () => {
    const config = JSON.parse(readFileSync(join(ROOT, 'test/cli/bank-report.config.json'), 'utf8'));
    const expected = report(sample, config);
    expect(await json(onSample('report', '--config', 'test/cli/bank-report.config.json'))).toEqual(
      asJson(expected.toJSON()),
    );
    expect(expected.sections.map((s) => s.id)).toEqual(SECTION_ORDER);
    // Without --config: descriptives, NPS (the survey names a recommend item) and SERVQUAL (e_/p_ pairs).
    expect(defaultReportConfig(sample)).toEqual({ describe: true, netPromoterScore: true, servqual: true });
    const byDefault = await cli(onSample('report', '--title', 'Bank', '--subtitle', 'Q3'));
    expect(byDefault.code).toBe(0);
    expect(byDefault.stdout).toBe(
      report(sample, {
        describe: true,
        netPromoterScore: true,
        servqual: true,
        title: 'Bank',
        subtitle: 'Q3',
      }).toMarkdown(),
    );
    const plain = parseCsv('q1,q2\n1,2\n4,5\n', {
      scale: { min: 1, max: 5 },
      items: [{ id: 'q1' }, { id: 'q2' }],
    });
    expect(defaultReportConfig(plain)).toEqual({ describe: true });
  });
});

describe('formats', () => {
  it('Markdown on stdout by default: the renderer of the result, headed at level 1', async () => {
    const { code, stdout } = await cli(onSample('alpha', '-d', 'tangibles', '-i', 'p_*'));
    expect(code).toBe(0);
    const result = cronbachAlpha(sample, { items: ['p_tan1', 'p_tan2', 'p_tan3', 'p_tan4'] });
    expect(stdout).toBe(renderMarkdown(result, { headingLevel: 1 }));
    const titled = await cli(onSample('alpha', '-d', 'tangibles', '-i', 'p_*', '--title', 'Tangibles'));
    expect(titled.stdout.split('\n')[0]).toBe('# Tangibles');
  });

  it('HTML: one document of the result, subtitled with the data file and its respondents', async () => {
    const { stdout } = await cli(onSample('servqual', '--format', 'html'));
    expect(stdout).toBe(
      htmlDocument({
        title: 'SERVQUAL gaps',
        subtitle: 'bank-survey.csv, 612 respondents',
        sections: [renderSection(servqual(sample))],
      }),
    );
  });

  it('writes --out files in the format of their extension, or of --format', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-'));
    const config = 'test/cli/bank-report.config.json';
    const expected = report(sample, JSON.parse(readFileSync(join(ROOT, config), 'utf8')));
    for (const [file, text] of [
      ['report.html', expected.toHTML()],
      ['report.md', expected.toMarkdown()],
      ['report.json', `${JSON.stringify(expected.toJSON(), null, 2)}\n`],
      ['report.HTM', expected.toHTML()],
    ] as const) {
      const out = join(dir, file);
      const result = await cli(onSample('report', '-c', config, '--out', out, '--quiet'));
      expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
      expect(readFileSync(out, 'utf8')).toBe(text);
    }
    const out = join(dir, 'report.txt');
    await cli(onSample('report', '-c', config, '-o', out, '-f', 'md', '-q'));
    expect(readFileSync(out, 'utf8')).toBe(expected.toMarkdown());
  });

  it('with --out, the warnings also go to stderr (not with --quiet); relative paths from cwd', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-'));
    const result = await cli(['servqual', join(ROOT, DATA), '-s', join(ROOT, SURVEY), '-o', 'sq.md'], {
      cwd: dir,
    });
    expect(result.code).toBe(0);
    const expected = servqual(sample);
    expect(result.stderr).toBe(
      expected.warnings.map((w) => `satisfaction-analytics: warning: ${w}\n`).join(''),
    );
    expect(readFileSync(join(dir, 'sq.md'), 'utf8')).toBe(renderMarkdown(expected, { headingLevel: 1 }));
  });
});
