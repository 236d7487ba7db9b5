import { SurveyDataError, SurveyDefinitionError } from '../index.js';

/**
 * A mistake in the command line or in a file it names (a missing file, bad JSON, an option value
 * that cannot be used): reported as one line on stderr with exit code 2.
 */
export class CliError extends Error {
  override readonly name = 'CliError';
}

/** Library errors read `fn: requirement; got value`; engine errors ("Cannot read properties …") do not. */
const LIBRARY_MESSAGE = /^[A-Za-z][\w.]*: \S/;

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

interface ParseArgsError extends TypeError {
  readonly code: string;
}

function isParseArgsError(error: unknown): error is ParseArgsError {
  const code: unknown = (error as { code?: unknown } | null)?.code;
  return error instanceof TypeError && typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_');
}

/** `util.parseArgs`'s messages, reworded in the style of the others. */
function parseArgsMessage(error: ParseArgsError, command: string | null): string {
  // "Option '-o, --out <value>' argument missing": the long name when there is one.
  const option = /'(?:-\w, )?(--?[^' ,]+)/.exec(error.message)?.[1] ?? null;
  const help = `see satisfaction-analytics ${command === null ? '' : `${command} `}--help`;
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option !== null) {
    return `unknown option ${option}${command === null ? '' : ` for ${command}`}; ${help}`;
  }
  if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option !== null) {
    return /does not take an argument/.test(error.message)
      ? `option ${option} takes no value; ${help}`
      : `option ${option} needs a value; ${help}`;
  }
  return `${oneLine(error.message.split('\n')[0]!)}; ${help}`;
}

/**
 * The one-line reason of a user error — a {@link CliError}, bad survey data or definition, an option
 * that `util.parseArgs` rejects, or a `TypeError` / `RangeError` raised by an analysis for its
 * input — or `null` for anything else, which is an internal error.
 */
export function userErrorMessage(error: unknown, command: string | null = null): string | null {
  if (error instanceof SurveyDefinitionError && error.problems.length > 5) {
    // The first problems are enough to find the mistake.
    const shown = error.problems.slice(0, 5).map((p) => `${p.path}: ${p.message}`);
    return oneLine(
      `defineSurvey: invalid definition: ${shown.join('; ')}; and ${error.problems.length - 5} more`,
    );
  }
  if (
    error instanceof CliError ||
    error instanceof SurveyDataError ||
    error instanceof SurveyDefinitionError
  ) {
    return oneLine(error.message);
  }
  if (isParseArgsError(error)) return parseArgsMessage(error, command);
  if ((error instanceof TypeError || error instanceof RangeError) && LIBRARY_MESSAGE.test(error.message)) {
    return oneLine(error.message);
  }
  return null;
}

const FS_REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a directory',
  ENOTDIR: 'a part of the path is not a directory',
  EMFILE: 'too many open files',
  ENOSPC: 'no space left on the device',
  EROFS: 'read-only file system',
};

/**
 * A file-system error as a {@link CliError} naming the file as the user wrote it; other errors are
 * returned unchanged.
 */
export function fileError(error: unknown, verb: 'read' | 'write', file: string): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !/^E[A-Z]+$/.test(code)) return error;
  return new CliError(`cannot ${verb} ${JSON.stringify(file)}: ${FS_REASONS[code] ?? code}`);
}
