import { formatValue } from '../errors.js';
import type {
  AhpResult,
  CronbachAlphaResult,
  DescribeResult,
  FuzzyEvaluateHierarchyResult,
  FuzzyEvaluateResult,
  ImportancePerformanceResult,
  McDonaldOmegaResult,
  MembershipMatrixResult,
  NetPromoterScoreResult,
  PcaResult,
  RegressResult,
  RelativeImportanceResult,
  SatisfactionIndexResult,
  ServqualResult,
} from '../index.js';
import type { MethodComparisonResult } from './method-comparison.js';
import { renderAhp } from './renderers/ahp.js';
import { renderDescribe } from './renderers/describe.js';
import { renderImportancePerformance, renderRegress, renderRelativeImportance } from './renderers/drivers.js';
import {
  renderFuzzyEvaluate,
  renderFuzzyEvaluateHierarchy,
  renderMembershipMatrix,
} from './renderers/fuzzy.js';
import { renderMethodComparison } from './renderers/method-comparison.js';
import { renderNetPromoterScore } from './renderers/net-promoter-score.js';
import { renderPca } from './renderers/pca.js';
import { renderCronbachAlpha, renderMcDonaldOmega } from './renderers/reliability.js';
import { renderSatisfactionIndex } from './renderers/satisfaction-index.js';
import { renderServqual } from './renderers/servqual.js';
import { type Section, sectionToHTML, sectionToMarkdown, uniqueIds } from './section.js';

/** The analysis results that have a renderer, told apart by their `method` tag. */
export type RenderableResult =
  | DescribeResult
  | NetPromoterScoreResult
  | CronbachAlphaResult
  | McDonaldOmegaResult
  | SatisfactionIndexResult
  | AhpResult
  | MembershipMatrixResult
  | FuzzyEvaluateResult
  | FuzzyEvaluateHierarchyResult
  | MethodComparisonResult
  | ServqualResult
  | PcaResult
  | RegressResult
  | RelativeImportanceResult
  | ImportancePerformanceResult;

/** The result type whose `method` tag can be M (a result type may carry several tags). */
type ResultOf<M extends RenderableResult['method']> = RenderableResult extends infer R
  ? R extends { readonly method: infer T }
    ? M extends T
      ? R
      : never
    : never
  : never;

type RendererTable = {
  readonly [M in RenderableResult['method']]: (result: ResultOf<M>) => Section;
};

/**
 * One renderer per `method` tag. A new analysis is rendered by adding its result type to
 * {@link RenderableResult} and one entry here.
 */
const RENDERERS: RendererTable = {
  describe: renderDescribe,
  'net-promoter-score': renderNetPromoterScore,
  'cronbach-alpha': renderCronbachAlpha,
  'mcdonald-omega': renderMcDonaldOmega,
  'satisfaction-index': renderSatisfactionIndex,
  ahp: renderAhp,
  'membership-matrix': renderMembershipMatrix,
  'fuzzy-evaluate': renderFuzzyEvaluate,
  'fuzzy-evaluate-hierarchy': renderFuzzyEvaluateHierarchy,
  'method-comparison': renderMethodComparison,
  servqual: renderServqual,
  pca: renderPca,
  // regress: ordinary or weighted least squares.
  ols: renderRegress,
  wls: renderRegress,
  // relativeImportance, one tag per method.
  shapley: renderRelativeImportance,
  'relative-weights': renderRelativeImportance,
  first: renderRelativeImportance,
  'importance-performance': renderImportancePerformance,
};

/** The `method` tags that {@link renderSection}, {@link renderMarkdown} and {@link renderHTML} accept. */
export const RENDERED_METHODS: readonly RenderableResult['method'][] = Object.freeze(
  Object.keys(RENDERERS) as RenderableResult['method'][],
);

/** Options of {@link renderSection}, {@link renderMarkdown} and {@link renderHTML}. */
export interface RenderOptions {
  /** Section title (default the analysis's name, e.g. "Satisfaction index"). */
  readonly title?: string;
  /** Heading level of the section (default 2; subsections one deeper). */
  readonly headingLevel?: number;
}

function hasRenderer(method: unknown): method is RenderableResult['method'] {
  return typeof method === 'string' && Object.hasOwn(RENDERERS, method);
}

/**
 * The section (title, summary, tables, charts, warnings) of one analysis result, chosen by its
 * `method` tag: the format-neutral form that {@link renderMarkdown}, {@link renderHTML} and
 * `htmlDocument` print.
 * @throws {TypeError} when `result` is not a result with a known `method` tag
 */
export function renderSection(result: RenderableResult, options: RenderOptions = {}): Section {
  const method = (result as { method?: unknown } | null)?.method;
  if (result === null || typeof result !== 'object' || !hasRenderer(method)) {
    throw new TypeError(
      `renderSection: result must be an analysis result whose method is one of ${RENDERED_METHODS.map((m) => `'${m}'`).join(', ')}; got ${
        result !== null && typeof result === 'object' ? `method ${formatValue(method)}` : formatValue(result)
      }`,
    );
  }
  const render = RENDERERS[method] as (r: RenderableResult) => Section;
  const section = render(result);
  return options.title === undefined ? section : { ...section, title: options.title };
}

/**
 * One analysis result as Markdown: a heading, a summary list, GFM tables (the numbers of every
 * chart) and the warnings. Charts are left out: use {@link renderHTML} for them. Data text is
 * escaped, so item texts cannot break the tables or inject HTML.
 * @throws {TypeError} when `result` is not a result with a known `method` tag
 * @example renderMarkdown(netPromoterScore([10, 9, 8, 7, 6, 3, 10, 9])).split('\n')[0] // '## Net Promoter Score'
 */
export function renderMarkdown(result: RenderableResult, options: RenderOptions = {}): string {
  return `${sectionToMarkdown(renderSection(result, options), options.headingLevel ?? 2)}\n`;
}

/**
 * One analysis result as an HTML fragment: a `<section>` with a heading, a summary, tables, inline
 * SVG charts and the warnings. Put it in a page, a notebook cell, or `htmlDocument` for a complete
 * file (which also brings the stylesheet). No scripts; every data text is escaped.
 * @throws {TypeError} when `result` is not a result with a known `method` tag
 */
export function renderHTML(result: RenderableResult, options: RenderOptions = {}): string {
  return sectionToHTML(uniqueIds([renderSection(result, options)])[0]!, options.headingLevel ?? 2);
}
