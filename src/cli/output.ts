import { writeFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import {
  escapeMarkdown,
  htmlDocument,
  type RenderableResult,
  renderMarkdown,
  renderSection,
  type SatisfactionReport,
} from '../index.js';
import { CliError, fileError } from './cli-error.js';

/** The output formats. */
export type OutputFormat = 'md' | 'html' | 'json';

const FORMAT_NAMES: Readonly<Record<string, OutputFormat>> = {
  md: 'md',
  markdown: 'md',
  html: 'html',
  htm: 'html',
  json: 'json',
};

/**
 * The output format: `--format` when given, else the extension of `--out` (.md, .markdown, .html,
 * .htm, .json), else Markdown.
 * @throws {CliError} for an unknown format or an extension that names none
 */
export function outputFormat(out: string | undefined, format: string | undefined): OutputFormat {
  if (format !== undefined) {
    const chosen = FORMAT_NAMES[format.toLowerCase()];
    if (chosen === undefined)
      throw new CliError(`--format must be md, html or json; got ${JSON.stringify(format)}`);
    return chosen;
  }
  if (out === undefined) return 'md';
  const chosen = FORMAT_NAMES[extname(out).slice(1).toLowerCase()];
  if (chosen === undefined) {
    throw new CliError(
      `cannot tell the format of ${JSON.stringify(out)} from its extension; name a .md, .html or .json file or give --format md, html or json`,
    );
  }
  return chosen;
}

/** What a command produced: one analysis result, several results of one analysis, or a report. */
export type Outcome =
  | { readonly kind: 'result'; readonly result: RenderableResult }
  | {
      readonly kind: 'results';
      /** The title of the document (default for `--title`). */
      readonly title: string;
      /** The results by name, the keys of the JSON output. */
      readonly results: Readonly<Record<string, RenderableResult>>;
    }
  | { readonly kind: 'report'; readonly report: SatisfactionReport };

/** Text of the outcome in a format; `title` and `subtitle` head a single result's document. */
export function renderOutcome(
  outcome: Outcome,
  format: OutputFormat,
  heading: { readonly title?: string; readonly subtitle?: string } = {},
): string {
  if (outcome.kind === 'report') {
    const { report } = outcome;
    if (format === 'json') return `${JSON.stringify(report.toJSON(), null, 2)}\n`;
    return format === 'html' ? report.toHTML() : report.toMarkdown();
  }
  if (outcome.kind === 'results') {
    const results = outcome.results;
    if (format === 'json') return `${JSON.stringify(results, null, 2)}\n`;
    const title = heading.title ?? outcome.title;
    const sections = Object.values(results).map((result) => renderSection(result));
    if (format === 'html') {
      return htmlDocument({
        title,
        ...(heading.subtitle === undefined ? {} : { subtitle: heading.subtitle }),
        sections,
      });
    }
    return `${[
      `# ${escapeMarkdown(title)}`,
      ...Object.values(results).map((result) => renderMarkdown(result, { headingLevel: 2 }).trimEnd()),
    ].join('\n\n')}\n`;
  }
  const { result } = outcome;
  const title = heading.title === undefined ? {} : { title: heading.title };
  switch (format) {
    case 'json':
      return `${JSON.stringify(result, null, 2)}\n`;
    case 'md':
      return renderMarkdown(result, { ...title, headingLevel: 1 });
    case 'html': {
      const section = renderSection(result, title);
      return htmlDocument({
        title: section.title,
        ...(heading.subtitle === undefined ? {} : { subtitle: heading.subtitle }),
        sections: [section],
      });
    }
  }
}

/** The warnings of an outcome, each naming its section in a report. */
export function outcomeWarnings(outcome: Outcome): readonly string[] {
  if (outcome.kind === 'results') return Object.values(outcome.results).flatMap((r) => r.warnings);
  return outcome.kind === 'report' ? outcome.report.warnings : outcome.result.warnings;
}

/**
 * Writes the text to `out` (relative to `cwd`).
 * @throws {CliError} when the file cannot be written
 */
export async function writeOutput(out: string, cwd: string, text: string): Promise<void> {
  try {
    await writeFile(resolve(cwd, out), text, 'utf8');
  } catch (error) {
    throw fileError(error, 'write', out);
  }
}
