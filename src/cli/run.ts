import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import type { Responses } from '../index.js';
import { CliError, userErrorMessage } from './cli-error.js';
import { COMMANDS, commandOptions } from './commands.js';
import { commandHelp, PROGRAM, programHelp } from './help.js';
import { choice, readResponses } from './inputs.js';
import { outcomeWarnings, outputFormat, renderOutcome, writeOutput } from './output.js';
import { ProgressBar } from './progress.js';

/** Where the command line writes, and what it needs to know about its surroundings. */
export interface CliIO {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
  /** Whether stderr is a terminal: the progress bar is drawn only then (default false). */
  readonly isTTY?: boolean;
  /** The directory that relative file names refer to (default `process.cwd()`). */
  readonly cwd?: string;
  /** What `--version` prints (default "unknown"). */
  readonly version?: string;
  /** The progress bar's clock in milliseconds (default `Date.now`). */
  readonly now?: () => number;
}

const DELIMITERS: Readonly<Record<string, ',' | ';' | '\t'>> = {
  ',': ',',
  ';': ';',
  tab: '\t',
  '\t': '\t',
  '\\t': '\t',
};

/** A one-line note about rows the parser dropped, or `null`. */
function droppedNote(file: string, responses: Responses): string | null {
  const report = responses.report;
  if (report.rowsDropped === 0) return null;
  const reasons = Object.entries(report.droppedByReason)
    .map(([reason, count]) => `${count} ${reason}`)
    .join(', ');
  return `${file}: ${report.rowsDropped} of ${report.rowsRead} rows dropped${reasons === '' ? '' : ` (${reasons})`}`;
}

/**
 * Runs the command line `argv` (the arguments after the program name) and returns the exit code: 0
 * when done, 2 for bad input (a one-line reason on stderr: a missing or unreadable file, bad JSON,
 * an unknown command or option, bad survey data, an analysis that rejects its input), 1 for an
 * internal error (with its stack). Output goes to `--out FILE` or to stdout; the progress bar, the
 * notes on dropped rows and (with `--out`) the results' warnings go to stderr.
 * @example await run(['--version'], { stdout: process.stdout, stderr: process.stderr, version: '0.1.0' }) // 0, prints "0.1.0"
 */
export async function run(argv: readonly string[], io: CliIO): Promise<number> {
  const cwd = io.cwd ?? process.cwd();
  const fail = (message: string) => {
    io.stderr.write(`${PROGRAM}: ${message}\n`);
    return 2;
  };
  let commandName: string | null = null;
  let bar: ProgressBar | null = null;
  try {
    const [first, ...rest] = argv;
    if (first === undefined) return fail(`missing command; see ${PROGRAM} --help`);
    if (first === '--help' || first === '-h') {
      io.stdout.write(programHelp());
      return 0;
    }
    if (first === '--version' || first === '-V') {
      io.stdout.write(`${io.version ?? 'unknown'}\n`);
      return 0;
    }
    const names = COMMANDS.map((c) => c.name);
    if (first === 'help') {
      const topic = rest[0];
      const command = COMMANDS.find((c) => c.name === topic);
      if (topic !== undefined && command === undefined) {
        return fail(`unknown command ${JSON.stringify(topic)}; commands are ${names.join(', ')}`);
      }
      io.stdout.write(command === undefined ? programHelp() : commandHelp(command));
      return 0;
    }
    const command = COMMANDS.find((c) => c.name === first);
    if (command === undefined) {
      return fail(
        first.startsWith('-')
          ? `unknown option ${first}; a command comes first (${names.join(', ')}); see ${PROGRAM} --help`
          : `unknown command ${JSON.stringify(first)}; commands are ${names.join(', ')}`,
      );
    }
    commandName = command.name;
    const { values, positionals } = parseArgs({
      args: [...rest],
      options: commandOptions(command),
      strict: true,
      allowPositionals: true,
    });
    if (values['help'] === true) {
      io.stdout.write(commandHelp(command));
      return 0;
    }
    const text = (name: string) => values[name] as string | undefined;
    if (positionals.length !== 1) {
      throw new CliError(
        positionals.length === 0
          ? `${command.name} needs ${command.positional}; see ${PROGRAM} ${command.name} --help`
          : `${command.name} takes one ${command.positional}; got ${positionals.length}: ${positionals.join(' ')}`,
      );
    }
    const out = text('out');
    const format = outputFormat(out, text('format'));
    const quiet = values['quiet'] === true;
    const notes: string[] = [];

    let responses: Responses | null = null;
    let subtitle: string | undefined;
    if (command.readsData) {
      const file = positionals[0]!;
      const survey = text('survey');
      if (survey === undefined) {
        throw new CliError(`${command.name} needs --survey SURVEY.json, the survey definition of ${file}`);
      }
      const delimiter = text('delimiter');
      if (delimiter !== undefined && DELIMITERS[delimiter] === undefined) {
        throw new CliError(`--delimiter must be ",", ";" or tab; got ${JSON.stringify(delimiter)}`);
      }
      const invalid = text('invalid');
      if (io.isTTY === true && !quiet) bar = new ProgressBar(io.stderr, basename(file), io.now);
      const progress = bar;
      responses = await readResponses(file, survey, cwd, {
        ...(delimiter === undefined ? {} : { delimiter: DELIMITERS[delimiter]! }),
        ...(invalid === undefined
          ? {}
          : { invalid: choice('invalid', invalid, ['error', 'missing', 'drop-row'] as const) }),
        ...(progress === null ? {} : { onProgress: (p) => progress.update(p) }),
      });
      bar?.finish(responses.report.rowsRead);
      bar = null;
      const note = droppedNote(file, responses);
      if (note !== null) notes.push(note);
      subtitle = `${basename(file)}, ${responses.n} respondents`;
    }

    const outcome = await command.execute({ values, positionals, cwd, responses });
    const title = text('title');
    const rendered = renderOutcome(outcome, format, {
      ...(title === undefined ? {} : { title }),
      ...(subtitle === undefined ? {} : { subtitle }),
    });
    if (out === undefined) io.stdout.write(rendered);
    else {
      await writeOutput(out, cwd, rendered);
      // The output is in a file: say what it warns about here too.
      notes.push(...outcomeWarnings(outcome).map((w) => `warning: ${w}`));
      if (io.isTTY === true && !quiet) notes.push(`wrote ${out}`);
    }
    if (!quiet) for (const note of notes) io.stderr.write(`${PROGRAM}: ${note}\n`);
    return 0;
  } catch (error) {
    bar?.end();
    const message = userErrorMessage(error, commandName);
    if (message !== null) return fail(message);
    io.stderr.write(
      `${PROGRAM}: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    return 1;
  }
}
