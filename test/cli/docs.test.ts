import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS, DATA_OPTIONS, OUTPUT_OPTIONS } from '../../src/cli/commands.js';
import { progressLine } from '../../src/cli/progress.js';
import { cronbachAlpha } from '../../src/reliability/cronbach-alpha.js';
import { bankSample } from '../helpers/data.js';
import { cli, DATA, ROOT, SURVEY, WEIGHTS } from './helpers.js';

// docs/cli.md lists every command and option, quotes output, a config file and error messages:
// keep them true.
const page = readFileSync(join(ROOT, 'docs/cli.md'), 'utf8');

/** The text of a `## heading` section. */
function section(heading: string): string {
  const parts = page.split(/^## /m);
  const found = parts.find((part) => part.startsWith(`${heading}\n`));
  expect(found, heading).toBeDefined();
  return found!;
}

/** The option names in the first column of a section's tables. */
function documentedOptions(text: string): string[] {
  return [...text.matchAll(/^\| `(?:-\w, )?--([\w-]+)/gm)].map((m) => m[1]!);
}

describe('docs/cli.md', () => {
  it('documents every command with each of its own options, and the options of every command', () => {
    const common = documentedOptions(section('Options of every command'));
    expect(common.sort()).toEqual([...Object.keys(DATA_OPTIONS), ...Object.keys(OUTPUT_OPTIONS)].sort());
    for (const command of COMMANDS) {
      const own = documentedOptions(section(command.name));
      // --title is common; report's table repeats it.
      expect(own.filter((o) => o !== 'title').sort(), command.name).toEqual(
        Object.keys(command.options).sort(),
      );
      expect(page).toMatch(new RegExp(`^\\| \`${command.name}\` +\\|`, 'm'));
    }
  });

  it('the config file is the one the tests run', () => {
    const block = section('report').split('```json\n')[1]!.split('```')[0]!;
    expect(JSON.parse(block)).toEqual(
      JSON.parse(readFileSync(join(ROOT, 'test/cli/bank-report.config.json'), 'utf8')),
    );
  });

  it('the ahp output and the progress line are what the command prints', async () => {
    const quoted = section('ahp').split('```text\n')[1]!.split('```')[0]!;
    const { stdout } = await cli(['ahp', `${WEIGHTS}#/ahpJudgments`]);
    expect(stdout.startsWith(quoted)).toBe(true);
    const bar = page.split('```text\n')[2]!.split('\n')[0]!;
    const size = statSync(join(ROOT, DATA)).size;
    expect(bar).toBe(progressLine('bank-survey.csv', { bytesRead: size, totalBytes: size, rowsRead: 612 }));
  });

  it("alpha's numbers", () => {
    const r = cronbachAlpha(bankSample(), { items: ['p_rel1', 'p_rel2', 'p_rel3', 'p_rel4', 'p_rel5'] });
    const text = `alpha ${r.alpha.toFixed(3)} with Feldt's interval ${r.confidenceInterval.lower.toFixed(3)}–${r.confidenceInterval.upper.toFixed(3)}, over the ${r.n} respondents`;
    expect(section('alpha').replace(/\s+/g, ' ')).toContain(text);
  });

  it('the error messages are those of the commands', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-docs-'));
    writeFileSync(join(dir, 'data.csv'), 'q1,q2\n1,2\n7,3\n4,x\n');
    writeFileSync(
      join(dir, 'survey.json'),
      JSON.stringify({ scale: { min: 1, max: 5 }, items: [{ id: 'q1' }, { id: 'q2' }] }),
    );
    const runs = await Promise.all([
      cli(['describe', 'nowhere.csv', '-s', SURVEY]),
      cli(['describe', DATA, '-s', SURVEY, '--weights', 'w.json']),
      cli(['describe', 'data.csv', '-s', 'survey.json'], { cwd: dir }),
      cli(['index', DATA, '-s', SURVEY, '--weights', `${WEIGHTS}#/scoringTable`]),
    ]);
    const quoted = section('Exit codes and errors').split('```text\n')[1]!.split('```')[0]!;
    expect(quoted).toBe(runs.map((r) => r.stderr).join(''));
    for (const r of runs) expect(r.code).toBe(2);
  });
});
