import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Responses } from '../index.js';
import { type CsvProgress, readCsv } from '../node/index.js';
import { CliError, fileError } from './cli-error.js';

/**
 * Splits `file.json#/a/b` into the file and a JSON Pointer (RFC 6901); without `#/` (or a final
 * `#`) the whole argument is the file.
 */
export function splitPointer(argument: string): { file: string; pointer: string | null } {
  const at = argument.indexOf('#/');
  if (at > 0) return { file: argument.slice(0, at), pointer: argument.slice(at + 1) };
  if (argument.endsWith('#') && argument.length > 1) return { file: argument.slice(0, -1), pointer: '' };
  return { file: argument, pointer: null };
}

/** The value at a JSON Pointer (`/a/0/b`; `~1` is `/`, `~0` is `~`). */
export function resolvePointer(value: unknown, pointer: string, where: string): unknown {
  if (pointer === '') return value;
  let current = value;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const next =
      current !== null && typeof current === 'object' && Object.hasOwn(current, key)
        ? (current as Record<string, unknown>)[key]
        : undefined;
    if (next === undefined) throw new CliError(`${where}: no value at ${JSON.stringify(pointer)}`);
    current = next;
  }
  return current;
}

/** What kind of JSON value this is, for messages. */
export function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/**
 * Reads a JSON file named on the command line (relative to `cwd`), optionally a part of it with
 * `file.json#/pointer`.
 * @throws {CliError} when the file cannot be read, is not JSON, or has nothing at the pointer
 */
export async function readJson(argument: string, cwd: string): Promise<unknown> {
  const { file, pointer } = splitPointer(argument);
  let text: string;
  try {
    text = await readFile(resolve(cwd, file), 'utf8');
  } catch (error) {
    throw fileError(error, 'read', file);
  }
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new CliError(`${JSON.stringify(file)} is not valid JSON: ${(error as Error).message}`);
  }
  return pointer === null ? value : resolvePointer(value, pointer, argument);
}

/** Reads a JSON file that must hold an object (a config, options, a survey definition). */
export async function readJsonObject(
  argument: string,
  cwd: string,
  what: string,
): Promise<Record<string, unknown>> {
  const value = await readJson(argument, cwd);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new CliError(`${what} ${JSON.stringify(argument)} must be a JSON object; got ${kindOf(value)}`);
  }
  return value as Record<string, unknown>;
}

/** How to read the CSV file. */
export interface ReadDataOptions {
  readonly delimiter?: ',' | ';' | '\t';
  readonly invalid?: 'error' | 'missing' | 'drop-row';
  readonly onProgress?: (progress: CsvProgress) => void;
}

/**
 * Reads the data file under the survey definition with `readCsv` (streamed, 1 MB at a time).
 * @throws {CliError} when either file cannot be read; `SurveyDefinitionError` or `SurveyDataError`
 * for a bad definition or bad data
 */
export async function readResponses(
  dataFile: string,
  surveyArgument: string,
  cwd: string,
  options: ReadDataOptions,
): Promise<Responses> {
  const survey = await readJsonObject(surveyArgument, cwd, 'the survey definition');
  const path = resolve(cwd, dataFile);
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
  } catch (error) {
    throw fileError(error, 'read', dataFile);
  }
  try {
    return await readCsv(path, survey as never, { ...options, chunkSize: 1 << 20 });
  } catch (error) {
    throw fileError(error, 'read', dataFile);
  }
}

/** A comma-separated list, trimmed, without empty entries. */
export function list(value: string): string[] {
  return value
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/**
 * The items an option names: ids or patterns with `*` (`p_*`) from `--items`, the items of a
 * `--dimension`, or both (the dimension's items that `--items` names); `undefined` when neither is
 * given.
 * @throws {CliError} when a pattern matches no item or the dimension has none
 */
export function selectItems(
  responses: Responses,
  items: string | undefined,
  dimension: string | undefined,
): string[] | undefined {
  let pool: readonly string[] = responses.items;
  if (dimension !== undefined) {
    pool = responses.dimension(dimension);
    if (pool.length === 0) {
      const known = [
        ...new Set(responses.items.map((id) => responses.item(id).dimension).filter((d) => d != null)),
      ];
      throw new CliError(
        `--dimension: no item has the dimension ${JSON.stringify(dimension)}; ${known.length === 0 ? 'the survey defines none' : `dimensions are ${known.join(', ')}`}`,
      );
    }
    if (items === undefined) return [...pool];
  }
  if (items === undefined) return undefined;
  const tokens = list(items);
  if (tokens.length === 0)
    throw new CliError('--items: give item ids or patterns separated by commas; got none');
  const chosen: string[] = [];
  for (const token of tokens) {
    let matches: string[];
    if (token.includes('*')) {
      const regex = new RegExp(
        `^${token
          .split('*')
          .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
          .join('.*')}$`,
      );
      matches = pool.filter((id) => regex.test(id));
      if (matches.length === 0) {
        throw new CliError(
          `--items: no item${dimension === undefined ? '' : ` of the dimension ${JSON.stringify(dimension)}`} matches ${JSON.stringify(token)}`,
        );
      }
    } else {
      if (dimension !== undefined && !pool.includes(token)) {
        throw new CliError(
          `--items: ${JSON.stringify(token)} is not an item of the dimension ${JSON.stringify(dimension)}`,
        );
      }
      matches = [token];
    }
    for (const id of matches) if (!chosen.includes(id)) chosen.push(id);
  }
  return chosen;
}

/** A whole number option (`--bootstrap 500`) within [min, ∞). */
export function wholeNumber(option: string, value: string, min: number): number {
  const number = Number(value);
  if (!/^[+-]?\d+$/.test(value.trim()) || !Number.isSafeInteger(number) || number < min) {
    throw new CliError(`--${option} must be a whole number of at least ${min}; got ${JSON.stringify(value)}`);
  }
  return number;
}

/** One of the allowed values of an option. */
export function choice<T extends string>(option: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw new CliError(`--${option} must be one of ${allowed.join(', ')}; got ${JSON.stringify(value)}`);
  }
  return value as T;
}

/** `name=number,name=number` (`--points tangibles=10,reliability=30`). */
export function namedNumbers(option: string, value: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const part of list(value)) {
    const match = /^(.+?)\s*=\s*(\S+)$/.exec(part);
    const number = match === null ? Number.NaN : Number(match[2]);
    if (match === null || !Number.isFinite(number)) {
      throw new CliError(`--${option} must read name=number,name=number; got ${JSON.stringify(part)}`);
    }
    out[match[1]!] = number;
  }
  if (Object.keys(out).length === 0) {
    throw new CliError(`--${option} must read name=number,name=number; got ${JSON.stringify(value)}`);
  }
  return out;
}
