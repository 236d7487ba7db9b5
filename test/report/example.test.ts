import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { report, type SatisfactionReport } from '../../src/report/report.js';
import { sampleReportConfig } from '../browser/sample-report.js';
import { bankSample } from '../helpers/data.js';
import { SECTION_ORDER } from './helpers.js';

// examples/report.ts runs as written, writes the report that report() gives for the same config, and
// prints its sections, chart count, headline numbers and paths.
const root = new URL('../../', import.meta.url);
const directory = mkdtempSync(join(tmpdir(), 'report-example-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));
let built: SatisfactionReport | undefined;
const expectedReport = () => (built ??= report(bankSample(), sampleReportConfig()));

const run = (...args: string[]) =>
  execFileSync(
    fileURLToPath(new URL('node_modules/.bin/tsx', root)),
    [fileURLToPath(new URL('examples/report.ts', root)), ...args],
    { encoding: 'utf8' },
  );

it('examples/report.ts', () => {
  const target = join(directory, 'given');
  const output = run(target);
  const expected = expectedReport();
  const html = expected.toHTML();

  // The files are the library's renderings, byte for byte.
  const htmlPath = join(target, 'report.html');
  const markdownPath = join(target, 'report.md');
  expect(readFileSync(htmlPath, 'utf8')).toBe(html);
  expect(readFileSync(markdownPath, 'utf8')).toBe(expected.toMarkdown());
  expect(output).toContain(`\nHTML:     ${htmlPath} (`);
  expect(output).toContain(`\nMarkdown: ${markdownPath}\n`);

  expect(output.startsWith(`${expected.title}: 612 respondents\n`)).toBe(true);
  expect(expected.sections.map((s) => s.id)).toEqual(SECTION_ORDER);
  expected.sections.forEach((section, i) => {
    expect(output).toMatch(
      new RegExp(`\\n ?${i + 1}\\. ${section.id} +${section.title.replace(/[()]/g, '\\$&')}[ (\\n]`),
    );
  });
  expect(output).toContain('Reliability (tangibles, reliability, responsiveness, assurance, empathy)\n');

  const charts = html.match(/<svg [^>]*role="img"/g)!.length;
  expect(charts).toBe(html.match(/<svg/g)!.length);
  const warnings = expected.warnings.length;
  expect(output).toContain(`\n${charts} charts, ${warnings} warning${warnings === 1 ? '' : 's'}\n`);
  for (const warning of expected.warnings) expect(output).toContain(`\n! ${warning}\n`);

  const result = (id: string) => expected.sections.find((s) => s.id === id)!.parts[0]!.result;
  const index = result('satisfaction-index');
  const nps = result('net-promoter-score');
  const gaps = result('servqual');
  if (
    index.method !== 'satisfaction-index' ||
    nps.method !== 'net-promoter-score' ||
    gaps.method !== 'servqual'
  ) {
    throw new Error('unexpected section results');
  }
  expect(output).toContain(`\nSatisfaction index ${index.index.toFixed(1)} / 100 (${index.level})\n`);
  expect(output).toContain(`\nNet Promoter Score ${nps.score.toFixed(1)}\n`);
  expect(output).toContain(`\nSERVQUAL score ${gaps.overallGap.toFixed(3)}\n`);
});

it('examples/report.ts writes to a new temporary directory without an argument', () => {
  const output = run();
  const htmlPath = /\nHTML: +(\S+report\.html) \(/.exec(output)![1]!;
  const markdownPath = /\nMarkdown: +(\S+report\.md)\n/.exec(output)![1]!;
  try {
    expect(htmlPath.startsWith(join(tmpdir(), 'report-'))).toBe(true);
    expect(markdownPath).toBe(join(htmlPath, '..', 'report.md'));
    expect(readFileSync(htmlPath, 'utf8')).toBe(expectedReport().toHTML());
  } finally {
    rmSync(join(htmlPath, '..'), { recursive: true, force: true });
  }
});
