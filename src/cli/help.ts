import { COMMANDS, type Command, commandOptions, type OptionSpec } from './commands.js';

/** The program's name, as typed. */
export const PROGRAM = 'satisfaction-analytics';

const WIDTH = 100;

/** Text wrapped at the help width, each line indented. */
function wrap(text: string, indent: number): string {
  const words = text.split(/\s+/).filter((w) => w !== '');
  const lines: string[] = [];
  let line = '';
  const limit = WIDTH - indent;
  for (const word of words) {
    if (line !== '' && line.length + 1 + word.length > limit) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines.map((l) => `${' '.repeat(indent)}${l}`).join('\n');
}

function optionLine(name: string, spec: OptionSpec): [string, string] {
  const short = spec.short === undefined ? '    ' : `-${spec.short}, `;
  return [`  ${short}--${name}${spec.value === undefined ? '' : ` ${spec.value}`}`, spec.description];
}

function table(rows: readonly (readonly [string, string])[]): string {
  const width = Math.max(...rows.map(([left]) => left.length)) + 2;
  // The description wrapped in the right column; its first line follows the left column.
  return rows.map(([left, right]) => `${left.padEnd(width)}${wrap(right, width).slice(width)}`).join('\n');
}

/** The help of the program: its commands and options. */
export function programHelp(): string {
  return `${[
    `${PROGRAM}: customer-satisfaction analysis of survey data`,
    '',
    `Usage: ${PROGRAM} <command> DATA.csv --survey SURVEY.json [options]`,
    `       ${PROGRAM} ahp MATRIX.json [options]`,
    '',
    'Commands:',
    table(COMMANDS.map((c) => [`  ${c.name}`, c.summary])),
    '',
    'Options:',
    table([
      ['  -h, --help', `this help; ${PROGRAM} <command> --help for a command's options`],
      ['  -V, --version', 'the version'],
    ]),
    '',
    wrap(
      'Output: Markdown on stdout, or --out FILE with the format from its extension (.md, .html with charts, .json with every figure), or --format. A progress bar shows on stderr while a file is read, when stderr is a terminal (not with --quiet).',
      0,
    ),
    '',
    wrap('Exit codes: 0 done; 2 bad input (a one-line reason on stderr); 1 an internal error.', 0),
  ].join('\n')}\n`;
}

/** The help of one command: usage, what it does, its options and examples. */
export function commandHelp(command: Command): string {
  const options = Object.entries(commandOptions(command)).map(([name, spec]) => optionLine(name, spec));
  return `${[
    `Usage: ${PROGRAM} ${command.name} ${command.positional}${command.readsData ? ' --survey SURVEY.json' : ''} [options]`,
    '',
    wrap(command.description, 0),
    '',
    'Options:',
    table(options),
    '',
    'Examples:',
    ...command.examples.map((e) => `  ${e}`),
  ].join('\n')}\n`;
}
