import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { report } from '../../src/report/report.js';
import { defineSurvey } from '../../src/survey/define-survey.js';
import { bankSample } from '../helpers/data.js';
import { sampleReportConfig } from './sample-report.js';

// The HTML report as a browser shows it: the full report of the bundled sample opened from a file in
// headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core; no browser is
// downloaded). Skipped when Chromium is absent outside CI; under CI (CI set) it runs, and .ci/run
// installs Chromium first.
const CHROMIUM = '/usr/bin/chromium';
const skip = !existsSync(CHROMIUM) && !process.env['CI'];
if (skip) {
  console.warn(
    `test/browser: ${CHROMIUM} not found and CI is not set, so the browser checks are skipped (apt-get install chromium to run them)`,
  );
}

// Playwright adds --headless and --no-sandbox and starts every browser on a new, empty profile
// (its own --user-data-dir). Without the networking flags Chromium tries to reach Google's hosts at
// start-up; nothing here may touch the network.
const FLAGS = [
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const VIEWPORT = { width: 1280, height: 900 };
const output = fileURLToPath(new URL('../../test-output/browser/', import.meta.url));

/** What a page did while it loaded: console messages, uncaught errors, dialogs and requests. */
interface Opened {
  readonly page: Page;
  readonly console: { type: string; text: string }[];
  readonly errors: string[];
  readonly dialogs: string[];
  readonly requests: string[];
}

describe.skipIf(skip)(`the HTML report in headless Chromium (${CHROMIUM})`, () => {
  let browser: Browser;
  let directory: string;

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'report-browser-'));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS, timeout: 15_000 });
  });
  afterAll(async () => {
    await browser?.close();
    if (directory !== undefined) rmSync(directory, { recursive: true, force: true });
  });

  /** Writes html to a file and opens it; any request that is not for a file is recorded and aborted. */
  async function open(html: string, name: string): Promise<Opened> {
    const file = join(directory, `${name}.html`);
    writeFileSync(file, html);
    const context = await browser.newContext({ viewport: VIEWPORT });
    const page = await context.newPage();
    const opened: Opened = { page, console: [], errors: [], dialogs: [], requests: [] };
    page.on('console', (m) => opened.console.push({ type: m.type(), text: m.text() }));
    page.on('pageerror', (e) => opened.errors.push(e.message));
    page.on('dialog', (d) => {
      opened.dialogs.push(d.message());
      void d.dismiss();
    });
    context.on('request', (r) => opened.requests.push(r.url()));
    await context.route(
      (url) => url.protocol !== 'file:',
      (route) => route.abort(),
    );
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    return opened;
  }

  /** Asserts no console error, no uncaught error, no dialog and no request but for the file itself. */
  function expectQuiet(opened: Opened, file: string): void {
    expect(opened.console.filter((m) => m.type === 'error')).toEqual([]);
    expect(opened.errors).toEqual([]);
    expect(opened.dialogs).toEqual([]);
    expect(opened.requests).toEqual([pathToFileURL(join(directory, `${file}.html`)).href]);
  }

  it('the checks see a request, a console error, a page error and a dialog when a page has them', async () => {
    // A deliberately bad page, so that the checks below are known to catch what they look for.
    const opened = await open(
      '<!DOCTYPE html><html><body><img src="http://example.invalid/x.png">' +
        '<script>console.error("bad"); alert("hi"); undefinedFunction();</script></body></html>',
      'bad',
    );
    await opened.page.waitForTimeout(50);
    expect(opened.requests).toContain('http://example.invalid/x.png');
    expect(opened.console).toContainEqual({ type: 'error', text: 'bad' });
    expect(opened.dialogs).toEqual(['hi']);
    expect(opened.errors.join('\n')).toContain('undefinedFunction');
    await opened.page.context().close();
  });

  it('renders the full report of the bundled sample: every chart visible and drawn, nothing loaded', async () => {
    const html = report(bankSample(), sampleReportConfig()).toHTML();
    const opened = await open(html, 'report');
    const { page } = opened;
    expectQuiet(opened, 'report');
    expect(await page.title()).toBe('Retail bank service quality survey (synthetic)');
    expect(await page.locator('script').count()).toBe(0);

    // As many charts in the page as in the HTML string, each visible, inside the page's width, with
    // an accessible name and at least one mark of positive size.
    const expected = html.match(/<svg [^>]*role="img"/g)!.length;
    expect(expected).toBeGreaterThanOrEqual(24);
    const charts = await page.locator('svg[role="img"]').evaluateAll((svgs) =>
      svgs.map((svg) => {
        const box = svg.getBoundingClientRect();
        const marks = [...svg.querySelectorAll('.mark')].map((m) => m.getBoundingClientRect());
        return {
          title: svg.querySelector('title')?.textContent ?? '',
          visible: svg.checkVisibility({ opacityProperty: true, visibilityProperty: true }),
          left: box.left,
          right: box.right,
          width: box.width,
          height: box.height,
          marks: marks.length,
          drawn: marks.filter((m) => m.width > 0 && m.height > 0).length,
        };
      }),
    );
    expect(charts).toHaveLength(expected);
    for (const chart of charts) {
      const name = chart.title;
      expect(name.length, 'accessible name').toBeGreaterThan(0);
      expect(chart.visible, name).toBe(true);
      expect(chart.width, name).toBeGreaterThan(0);
      expect(chart.height, name).toBeGreaterThan(0);
      expect(chart.left, name).toBeGreaterThanOrEqual(0);
      expect(chart.right, name).toBeLessThanOrEqual(VIEWPORT.width);
      expect(chart.marks, name).toBeGreaterThan(0);
      expect(chart.drawn, name).toBeGreaterThan(0);
    }
    // Every section's chart made it: the SERVQUAL gaps and the fuzzy memberships among them.
    const titles = charts.map((c) => c.title);
    for (const title of [
      'Item means with top-2 box shares',
      'Promoters, passives and detractors',
      'Sub-index per dimension and channel',
      'AHP priority weights',
      'Membership in each grade per dimension',
      'Item weights under each weighting',
      'Gap per dimension (P − E)',
    ]) {
      expect(titles).toContain(title);
    }
    // The page does not scroll sideways; wide tables scroll in their own box.
    const [scrollWidth, scrollHeight] = await page
      .locator('html')
      .evaluate((root) => [root.scrollWidth, root.scrollHeight]);
    expect(scrollWidth).toBeLessThanOrEqual(VIEWPORT.width);

    mkdirSync(output, { recursive: true });
    const screenshot = join(output, 'report.png');
    await page.screenshot({ path: screenshot, fullPage: true });
    const png = readFileSync(screenshot);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([VIEWPORT.width, scrollHeight]);
    console.log(`test/browser: screenshot of the report (${charts.length} charts): ${screenshot}`);

    // The print stylesheet applies: full width, no break inside a chart or table, headings kept
    // with what follows. The PDF is what printing gives.
    await page.emulateMedia({ media: 'print' });
    const print = await page.locator('html').evaluate((root) => {
      const style = (selector: string) =>
        root.ownerDocument.defaultView!.getComputedStyle(root.querySelector(selector)!);
      return {
        bodyMaxWidth: style('body').maxWidth,
        chart: style('figure.chart').breakInside,
        table: style('.table-wrap').breakInside,
        heading: style('h2').breakAfter,
      };
    });
    expect(print).toEqual({ bodyMaxWidth: 'none', chart: 'avoid', table: 'avoid', heading: 'avoid' });
    const pdfPath = join(output, 'report.pdf');
    const pdf = await page.pdf({ path: pdfPath, format: 'A4', printBackground: false });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page\b/g)!.length).toBeGreaterThan(5);
    console.log(`test/browser: the report printed to PDF: ${pdfPath}`);
    await page.context().close();
  });

  it('shows item texts holding markup as text: no script runs, no element is made', async () => {
    const survey = defineSurvey({
      scale: { min: 1, max: 5 },
      items: [
        { id: 'q1', text: '<script>alert(1)</script>', dimension: 'service' },
        { id: 'q2', text: '<img src=x onerror=alert(2)>', dimension: 'service' },
        { id: 'q3', text: `"quoted" & 'single'`, dimension: 'service' },
        { id: 'nps', text: 'Recommend?', scale: { min: 0, max: 10 } },
      ],
      recommend: 'nps',
    });
    const answers = [
      [5, 4, 5, 10],
      [4, 4, 5, 9],
      [4, 3, 3, 8],
      [2, 2, 1, 7],
      [3, 3, 2, 6],
      [5, 5, 4, 3],
      [4, 5, 4, 10],
      [1, 2, 1, 9],
      [3, 3, 2, 0],
      [4, 4, 5, 10],
    ];
    const responses = survey.parse(answers.map(([q1, q2, q3, nps]) => ({ q1, q2, q3, nps })));
    const html = report(responses, {
      title: '<script>alert("title")</script>',
      items: ['q1', 'q2', 'q3'],
      describe: true,
      netPromoterScore: true,
      satisfactionIndex: true,
    }).toHTML();
    const opened = await open(html, 'markup');
    const { page } = opened;
    expectQuiet(opened, 'markup');
    expect([await page.locator('script').count(), await page.locator('img').count()]).toEqual([0, 0]);
    expect(await page.title()).toBe('<script>alert("title")</script>');
    for (const text of ['<script>alert(1)</script>', '<img src=x onerror=alert(2)>', `"quoted" & 'single'`]) {
      await expect(page.getByRole('cell', { name: text, exact: true }).first().isVisible()).resolves.toBe(
        true,
      );
    }
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      '<script>alert("title")</script>',
    );
    await page.context().close();
  });
});
