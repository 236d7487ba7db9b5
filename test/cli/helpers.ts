import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { run } from '../../src/cli/run.js';

/** The repository root: the command lines of the tests name files relative to it. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export const DATA = 'examples/data/bank-survey.csv';
export const SURVEY = 'examples/data/bank-survey.survey.json';
export const WEIGHTS = 'examples/data/bank-survey.weights.json';

export const VERSION = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

/** The arguments of a command on the bundled sample: `command DATA -s SURVEY ...options`. */
export function onSample(command: string, ...options: string[]): string[] {
  return [command, DATA, '-s', SURVEY, ...options];
}

/** What one run of the command line did. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the command line in-process with captured output (stderr a terminal when `isTTY`). */
export async function cli(
  argv: readonly string[],
  options: { isTTY?: boolean; cwd?: string; now?: () => number } = {},
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    isTTY: options.isTTY ?? false,
    cwd: options.cwd ?? ROOT,
    version: VERSION,
    ...(options.now === undefined ? {} : { now: options.now }),
  });
  return { code, stdout, stderr };
}

/** The JSON form of a result, as the command line writes it. */
export function asJson(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value));
}
