import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { servqual } from '../../src/servqual/servqual.js';
import { bankSample } from '../helpers/data.js';
import { asJson, DATA, ROOT, SURVEY, VERSION } from './helpers.js';

// The command as a separate process (src/cli/main.ts under tsx, as the built dist/cli.js runs it):
// exit codes, stdout and stderr as a shell sees them.
function spawn(args: readonly string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the satisfaction-analytics process', () => {
  it('--version finds the version of package.json from the script', () => {
    expect(spawn(['--version'])).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: '' });
  });

  it('runs a command: JSON on stdout, nothing on a non-terminal stderr', () => {
    const { code, stdout, stderr } = spawn(['servqual', DATA, '--survey', SURVEY, '--format', 'json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual(asJson(servqual(bankSample())));
  });

  it('bad input: exit code 2, one line on stderr, no stack trace', () => {
    const { code, stdout, stderr } = spawn(['describe', 'missing.csv', '--survey', SURVEY]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe('satisfaction-analytics: cannot read "missing.csv": no such file or directory\n');
  });
});
