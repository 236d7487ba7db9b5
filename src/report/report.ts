import { formatValue } from '../errors.js';
import {
  type AhpOptions,
  type AhpResult,
  ahp,
  type CronbachAlphaOptions,
  type CronbachAlphaResult,
  cronbachAlpha,
  type DescribeOptions,
  describe,
  type FuzzyGrade,
  type FuzzyOperator,
  fuzzyEvaluate,
  fuzzyEvaluateHierarchy,
  type ImportancePerformanceOptions,
  importancePerformance,
  type McDonaldOmegaOptions,
  type McDonaldOmegaResult,
  mcdonaldOmega,
  membershipMatrix,
  type NetPromoterScoreOptions,
  netPromoterScore,
  type PairwiseInput,
  type PcaOptions,
  type PcaResult,
  type PerformanceMeasure,
  pca,
  pcaIndexWeights,
  type RelativeImportanceBootstrapOptions,
  type RelativeImportanceMethod,
  type RelativeImportanceResult,
  Responses,
  regress,
  relativeImportance,
  type SatisfactionIndexOptions,
  type SatisfactionIndexWeights,
  type ServqualOptions,
  type SurveyData,
  satisfactionIndex,
  servqual,
} from '../index.js';
import { escapeMarkdown } from './escape.js';
import { formatInterval, formatNumber, formatPercent, formatSigned } from './format.js';
import { htmlDocument } from './html-document.js';
import { type MethodComparisonOptions, methodComparison } from './method-comparison.js';
import { type RenderableResult, renderSection } from './render.js';
import { type Section, sectionToMarkdown, uniqueIds } from './section.js';

/**
 * The driver analysis of a report: the regression of `outcome` on `drivers`, their relative
 * importance and the importance–performance map.
 */
export interface ReportDriversConfig {
  /** The outcome, e.g. overall satisfaction (an item or column). */
  readonly outcome: string;
  /**
   * The drivers: item ids or column names, or `'dimensions'`: each respondent's mean of the analysed
   * items of each dimension that they answered (a respondent who answered none of a dimension's
   * items is missing on it), one driver per dimension.
   */
  readonly drivers: readonly string[] | 'dimensions';
  /** The relative-importance method, also the importance of the map (default `'shapley'`). */
  readonly method?: RelativeImportanceMethod;
  /** Bootstrap intervals and pairwise comparisons of the relative importance (default off). */
  readonly bootstrap?: boolean | RelativeImportanceBootstrapOptions;
  /** Level of the regression coefficients' intervals (default 0.95). */
  readonly confidenceLevel?: number;
  /** Performance on the map: `'mean'` (default) or `'top-box'`. */
  readonly performance?: PerformanceMeasure;
  /** Scale points in the top box (default 2). */
  readonly topBox?: number;
  /** Where the map's crosshairs are (default `'mean'`). */
  readonly crosshairs?: ImportancePerformanceOptions['crosshairs'];
  /**
   * Respondent weights, or `false` to ignore the survey's; default the survey's weights (also for
   * the dimension means).
   */
  readonly weights?: ArrayLike<number> | false;
}

/**
 * What {@link report} runs, section by section. A section runs when its key is `true` or an options
 * object, and is skipped when absent or `false` (`drivers` runs when given).
 */
export interface ReportConfig {
  /** Title of the report (default "Customer satisfaction report"). */
  readonly title?: string;
  /** A line under the title: the data set, the period. */
  readonly subtitle?: string;
  /** Column names, required when the data are rows (`number[][]`). */
  readonly columns?: readonly string[];
  /** The items of every section that does not name its own (default: every item of the data). */
  readonly items?: readonly string[];
  /**
   * Dimensions as `{ dimension: items }`: reliability is computed per dimension, the index gets
   * sub-indices, and the fuzzy evaluation has two levels. Default: the dimensions of the survey
   * definition, when every analysed item of `Responses` has one.
   */
  readonly dimensions?: Readonly<Record<string, readonly string[]>>;
  /** The answer scale, for data without a survey definition (describe, index, membership). */
  readonly scale?: { readonly min: number; readonly max: number; readonly labels?: readonly string[] };
  /** Item descriptives (`describe`). */
  readonly describe?: boolean | DescribeOptions;
  /**
   * Net Promoter Score of the 0–10 recommend item: the survey's `recommend` item, or `item`.
   */
  readonly netPromoterScore?: boolean | (NetPromoterScoreOptions & { readonly item?: string });
  /** Cronbach's alpha and McDonald's omega, per dimension (or of all items without dimensions). */
  readonly reliability?:
    | boolean
    | (CronbachAlphaOptions &
        Pick<McDonaldOmegaOptions, 'tolerance' | 'maxIterations'> & {
          /** Also McDonald's omega for scales of 3+ items (default true). */
          readonly omega?: boolean;
        });
  /** The weighted satisfaction index (`satisfactionIndex`), with its options (weights, by, bootstrap …). */
  readonly satisfactionIndex?: boolean | SatisfactionIndexOptions;
  /** AHP weights from pairwise judgments, of the dimensions or of the items. */
  readonly ahp?: AhpOptions & { readonly judgments: PairwiseInput };
  /**
   * Fuzzy comprehensive evaluation: membership of the items in the grades, evaluated per dimension and
   * overall (two levels) with dimensions, else over the items. The weights are the AHP weights when
   * its labels are the dimensions (or, without dimensions, the items), else equal; items within a
   * dimension weigh equally.
   */
  readonly fuzzy?:
    | boolean
    | {
        readonly grades?: readonly FuzzyGrade[];
        readonly operator?: FuzzyOperator;
        readonly gradeScores?: readonly number[];
      };
  /**
   * The method-comparison table: the index under several weightings and their rank agreement. It
   * compares `weightings` with the index's own weights (as "stated", when given) and the AHP weights
   * (as "AHP").
   */
  readonly comparison?:
    | boolean
    | (Omit<MethodComparisonOptions, 'weightings'> & {
        readonly weightings?: Readonly<Record<string, SatisfactionIndexWeights>>;
      });
  /**
   * SERVQUAL gaps (`servqual`), with its options (instrument or pairs, importance, `by`, zone of
   * tolerance …). Its items come from the survey definition or the options, not from `items`.
   */
  readonly servqual?: boolean | ServqualOptions;
  /**
   * Principal components (`pca`) of the report's items, with its options (components, rotation,
   * `by` …). The section summarises the per-respondent scores; the result in `toJSON()` keeps them
   * (`scores: false` leaves them out).
   */
  readonly pca?: boolean | PcaOptions;
  /** Driver analysis: regression, relative importance and the importance–performance map. */
  readonly drivers?: ReportDriversConfig;
}

/** One analysis result of a report section, with its label (e.g. the dimension) when there are several. */
export interface ReportPart {
  readonly label: string | null;
  readonly result: RenderableResult;
}

/** One section of a report: the analysis results it shows. */
export interface ReportSection {
  readonly id: string;
  readonly title: string;
  readonly parts: readonly ReportPart[];
}

/** The JSON form of a report (`report(...).toJSON()`). */
export interface ReportJSON {
  readonly title: string;
  readonly subtitle: string | null;
  readonly n: number;
  readonly sections: readonly ReportSection[];
  readonly warnings: readonly string[];
}

/** Result of {@link report}: the results by section, every warning, and the three renderings. */
export interface SatisfactionReport extends ReportJSON {
  /** The results as a plain JSON object (what `JSON.stringify(report)` writes). */
  toJSON(): ReportJSON;
  /** The report as Markdown: a title, then each section's summary and tables. */
  toMarkdown(): string;
  /** The report as one self-contained HTML document, with charts. */
  toHTML(): string;
}

const FN = 'report';

function enabled<T extends object>(value: boolean | T | undefined): T | null {
  if (value === undefined || value === false) return null;
  if (value === true) return {} as T;
  if (value === null || typeof value !== 'object') {
    throw new TypeError(
      `${FN}: a section must be true, false or an options object; got ${formatValue(value)}`,
    );
  }
  return value;
}

function respondentCount(data: SurveyData): number {
  if (data instanceof Responses) return data.n;
  if (Array.isArray(data)) return data.length;
  const first = Object.values(data as Record<string, ArrayLike<unknown>>)[0];
  return first === undefined ? 0 : first.length;
}

function itemIds(data: SurveyData, columns: readonly string[] | undefined): readonly string[] {
  if (data instanceof Responses) return data.items;
  if (Array.isArray(data)) return columns ?? [];
  return Object.keys(data as object);
}

/** One column of the data, missing answers NaN; `what` names the option in the error. */
function columnOf(
  data: SurveyData,
  id: string,
  columns: readonly string[] | undefined,
  what = 'netPromoterScore.item',
): ArrayLike<number> {
  const missing = () => new RangeError(`${FN}: ${what} must be one of the columns; got ${formatValue(id)}`);
  if (data instanceof Responses) {
    if (!data.items.includes(id)) throw missing();
    return data.column(id);
  }
  if (Array.isArray(data)) {
    const index = columns?.indexOf(id) ?? -1;
    if (index < 0) throw missing();
    return (data as readonly (readonly (number | null)[])[]).map((row) => row[index] ?? Number.NaN);
  }
  const column = (data as Record<string, ArrayLike<number | null>>)[id];
  if (column === undefined) throw missing();
  return Array.from(column, (v) => (v === null ? Number.NaN : v));
}

/** The data, names and options of the driver analysis, with `'dimensions'` turned into columns. */
function driverInput(
  data: SurveyData,
  config: ReportConfig,
  spec: ReportDriversConfig,
  dimensions: Readonly<Record<string, readonly string[]>> | null,
): {
  data: SurveyData;
  drivers: string[];
  options: { columns?: readonly string[]; weights?: ArrayLike<number> | false };
  scale: { scale?: { min: number; max: number } | Record<string, { min: number; max: number }> };
} {
  const columns = config.columns;
  const weights = spec.weights === undefined ? {} : { weights: spec.weights };
  const givenScale =
    data instanceof Responses || config.scale === undefined
      ? {}
      : { scale: { min: config.scale.min, max: config.scale.max } };
  if (spec.drivers !== 'dimensions') {
    if (!Array.isArray(spec.drivers)) {
      throw new TypeError(
        `${FN}: drivers.drivers must be a list of items or 'dimensions'; got ${formatValue(spec.drivers)}`,
      );
    }
    return {
      data,
      drivers: [...spec.drivers],
      options: { ...(columns === undefined ? {} : { columns }), ...weights },
      scale: givenScale,
    };
  }
  if (dimensions === null) {
    throw new RangeError(
      `${FN}: drivers 'dimensions' needs dimensions (config.dimensions, or a survey definition that gives every analysed item one); got none`,
    );
  }
  const outcome = spec.outcome;
  const table: Record<string, number[]> = {
    [outcome]: Array.from(columnOf(data, outcome, columns, 'drivers.outcome')),
  };
  const names = Object.keys(dimensions);
  const scales: Record<string, { min: number; max: number }> = {};
  for (const name of names) {
    const members = dimensions[name]!;
    if (name === outcome || members.includes(outcome)) {
      throw new RangeError(
        `${FN}: drivers.outcome must be neither a dimension nor one of its items; got ${formatValue(outcome)} in ${formatValue(name)}`,
      );
    }
    const values = members.map((id) => columnOf(data, id, columns, `the item ${formatValue(id)}`));
    const n = values[0]?.length ?? 0;
    table[name] = Array.from({ length: n }, (_, r) => {
      let sum = 0;
      let count = 0;
      for (const column of values) {
        const value = column[r]!;
        if (!Number.isNaN(value)) {
          sum += value;
          count++;
        }
      }
      return count === 0 ? Number.NaN : sum / count;
    });
    if (data instanceof Responses) {
      const own = members.map((id) => data.scale(id));
      const first = own[0];
      if (first == null || own.some((s) => s == null || s.min !== first.min || s.max !== first.max)) {
        throw new RangeError(
          `${FN}: drivers 'dimensions' needs the items of a dimension on one scale; got ${members.map((id, i) => `${id} ${own[i] == null ? 'unbounded' : `${own[i]!.min}–${own[i]!.max}`}`).join(', ')} in ${formatValue(name)}`,
        );
      }
      scales[name] = { min: first.min, max: first.max };
    }
  }
  const surveyWeights =
    spec.weights === undefined && data instanceof Responses && data.weights !== undefined
      ? { weights: data.weights }
      : weights;
  return {
    data: table,
    drivers: names,
    options: spec.weights === false ? {} : surveyWeights,
    scale: data instanceof Responses ? { scale: scales } : givenScale,
  };
}

/** The dimensions of the config, or of the survey definition when every item has one. */
function dimensionsOf(
  data: SurveyData,
  config: ReportConfig,
  items: readonly string[],
): Readonly<Record<string, readonly string[]>> | null {
  if (config.dimensions !== undefined) return config.dimensions;
  if (!(data instanceof Responses) || items.length === 0) return null;
  const of = items.map((id) => data.item(id).dimension ?? null);
  if (of.some((d) => d === null)) return null;
  const out: Record<string, string[]> = {};
  items.forEach((id, i) => {
    const members = out[of[i]!];
    if (members === undefined) out[of[i]!] = [id];
    else members.push(id);
  });
  return out;
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x) => b.includes(x));

/**
 * Runs the satisfaction analysis that `config` asks for — item descriptives, Net Promoter Score,
 * reliability per dimension, the weighted satisfaction index, AHP weights with the fuzzy evaluation,
 * principal components, the driver analysis (regression, relative importance, importance–performance
 * map), the comparison of weighting methods and the SERVQUAL gaps — and returns the results with every warning and three
 * renderings: `toJSON()` (the plain results), `toMarkdown()` (tables) and `toHTML()` (one
 * self-contained document with charts, no scripts, nothing loaded from the network).
 *
 * Each analysis gets the report's `items`, `dimensions`, `scale` and `columns` unless its options say
 * otherwise; an analysis that throws stops the report with its error. Output is deterministic: the
 * same data and config give the same strings (the bootstrap is seeded).
 *
 * @param data `Responses`, an object of columns, or rows with `config.columns`
 * @throws {TypeError} when config or a section has the wrong kind, and whatever the analyses throw
 * @example
 * const r = report({ q1: [5, 4, 4, 2], q2: [4, 4, 3, 2], q3: [5, 5, 3, 1] },
 *   { scale: { min: 1, max: 5 }, describe: true, reliability: true, satisfactionIndex: true });
 * r.sections.map((s) => s.id); // ['describe', 'reliability', 'satisfaction-index']
 */
export function report(data: SurveyData, config: ReportConfig = {}): SatisfactionReport {
  if (config === null || typeof config !== 'object') {
    throw new TypeError(`${FN}: config must be an object; got ${formatValue(config)}`);
  }
  const columns = config.columns;
  const items = config.items ?? itemIds(data, columns);
  const dimensions = dimensionsOf(data, config, items);
  const base = {
    ...(columns === undefined ? {} : { columns }),
    ...(config.items === undefined ? {} : { items: config.items }),
  };
  const scale = data instanceof Responses || config.scale === undefined ? {} : { scale: config.scale };
  const sections: ReportSection[] = [];
  const add = (id: string, title: string, parts: ReportPart[]) => sections.push({ id, title, parts });

  const describeOptions = enabled(config.describe);
  if (describeOptions !== null) {
    add('describe', 'Item descriptives', [
      { label: null, result: describe(data, { ...base, ...scale, ...describeOptions }) },
    ]);
  }

  const npsOptions = enabled(config.netPromoterScore);
  if (npsOptions !== null) {
    const { item, ...options } = npsOptions;
    let result: RenderableResult;
    if (item === undefined) {
      if (!(data instanceof Responses)) {
        throw new RangeError(
          `${FN}: netPromoterScore.item must name the 0–10 recommend column for data without a survey definition; got none`,
        );
      }
      result = netPromoterScore(data, options);
    } else {
      const weights = options.weights ?? (data instanceof Responses ? data.weights : undefined);
      result = netPromoterScore(columnOf(data, item, columns), {
        ...options,
        ...(weights === undefined || weights === false ? {} : { weights }),
      });
    }
    add('net-promoter-score', 'Net Promoter Score', [{ label: item ?? null, result }]);
  }

  const reliabilityOptions = enabled(config.reliability);
  if (reliabilityOptions !== null) {
    const { omega = true, tolerance, maxIterations, ...alphaOptions } = reliabilityOptions;
    const scales: [string | null, readonly string[]][] =
      dimensions === null ? [[null, items]] : Object.entries(dimensions);
    const parts: ReportPart[] = [];
    for (const [label, members] of scales) {
      if (members.length < 2) continue;
      const options = { ...base, ...alphaOptions, items: members };
      parts.push({ label, result: cronbachAlpha(data, options) });
      if (omega && members.length >= 3) {
        parts.push({
          label,
          result: mcdonaldOmega(data, {
            ...options,
            ...(tolerance === undefined ? {} : { tolerance }),
            ...(maxIterations === undefined ? {} : { maxIterations }),
          }),
        });
      }
    }
    if (parts.length === 0) {
      throw new RangeError(`${FN}: reliability needs a scale (dimension) of at least 2 items; got none`);
    }
    add('reliability', 'Reliability', parts);
  }

  const indexOptions = enabled(config.satisfactionIndex);
  let indexWeights: SatisfactionIndexWeights | undefined;
  if (indexOptions !== null) {
    indexWeights = indexOptions.weights;
    const result = satisfactionIndex(data, {
      ...base,
      ...scale,
      ...(config.dimensions === undefined ? {} : { dimensions: config.dimensions }),
      ...indexOptions,
    });
    add('satisfaction-index', 'Satisfaction index', [{ label: null, result }]);
  }

  let ahpResult: AhpResult | null = null;
  if (config.ahp !== undefined) {
    const { judgments, ...options } = config.ahp;
    ahpResult = ahp(judgments, options);
    add('ahp', 'AHP weights', [{ label: null, result: ahpResult }]);
  }
  const ahpOver =
    ahpResult === null
      ? null
      : dimensions !== null && sameSet(ahpResult.labels, Object.keys(dimensions))
        ? 'dimensions'
        : sameSet(ahpResult.labels, items)
          ? 'items'
          : null;
  const localWarnings: string[] = [];
  if (ahpResult !== null && ahpOver === null) {
    localWarnings.push(
      `${FN}: the AHP labels (${ahpResult.labels.join(', ')}) are neither the dimensions nor the items, so the fuzzy evaluation and the method comparison do not use the AHP weights`,
    );
  }

  const fuzzyOptions = enabled(config.fuzzy);
  if (fuzzyOptions !== null) {
    const membershipOptions = {
      ...(fuzzyOptions.grades === undefined ? {} : { grades: fuzzyOptions.grades }),
      ...scale,
    };
    const evaluation = {
      ...(fuzzyOptions.operator === undefined ? {} : { operator: fuzzyOptions.operator }),
      ...(fuzzyOptions.gradeScores === undefined ? {} : { gradeScores: fuzzyOptions.gradeScores }),
    };
    const equal = (n: number) => Array.from({ length: n }, () => 1 / n);
    let result: RenderableResult;
    if (dimensions !== null) {
      const names = Object.keys(dimensions);
      result = fuzzyEvaluateHierarchy({
        ...evaluation,
        weights: ahpResult !== null && ahpOver === 'dimensions' ? ahpResult : equal(names.length),
        normalize: true,
        dimensions: names.map((id) => {
          const members = dimensions[id]!;
          return {
            id,
            weights: equal(members.length),
            membership: membershipMatrix(data, { ...base, ...membershipOptions, items: members }),
          };
        }),
      });
    } else {
      const membership = membershipMatrix(data, { ...base, ...membershipOptions, items });
      result = fuzzyEvaluate({
        ...evaluation,
        weights: ahpResult !== null && ahpOver === 'items' ? ahpResult : equal(items.length),
        membership,
        normalize: true,
      });
    }
    add('fuzzy-evaluation', 'Fuzzy comprehensive evaluation', [{ label: null, result }]);
  }

  const pcaOptions = enabled(config.pca);
  let pcaResult: PcaResult | null = null;
  if (pcaOptions !== null) {
    pcaResult = pca(data, { ...base, ...pcaOptions });
    add('pca', 'Principal components', [{ label: null, result: pcaResult }]);
  }

  let importanceResult: RelativeImportanceResult | null = null;
  let driversOver: 'dimensions' | 'items' | null = null;
  if (config.drivers !== undefined) {
    const spec = config.drivers;
    if (spec === null || typeof spec !== 'object') {
      throw new TypeError(`${FN}: drivers must be { outcome, drivers, … }; got ${formatValue(spec)}`);
    }
    const input = driverInput(data, config, spec, dimensions);
    const common = { ...input.options, outcome: spec.outcome, drivers: input.drivers };
    const method = spec.method ?? 'shapley';
    const fit = regress(input.data, {
      ...common,
      ...(spec.confidenceLevel === undefined ? {} : { confidenceLevel: spec.confidenceLevel }),
    });
    importanceResult = relativeImportance(input.data, {
      ...common,
      method,
      ...(spec.bootstrap === undefined ? {} : { bootstrap: spec.bootstrap }),
    });
    const map = importancePerformance(input.data, {
      ...common,
      ...input.scale,
      importance: method,
      ...(spec.performance === undefined ? {} : { performance: spec.performance }),
      ...(spec.topBox === undefined ? {} : { topBox: spec.topBox }),
      ...(spec.crosshairs === undefined ? {} : { crosshairs: spec.crosshairs }),
    });
    add('drivers', 'Drivers of overall satisfaction', [
      { label: null, result: fit },
      { label: null, result: importanceResult },
      { label: null, result: map },
    ]);
    driversOver = spec.drivers === 'dimensions' ? 'dimensions' : 'items';
  }

  const comparisonOptions = enabled(config.comparison);
  if (comparisonOptions !== null) {
    const { weightings: given = {}, ...options } = comparisonOptions;
    const weightings: Record<string, SatisfactionIndexWeights> = {};
    if (indexWeights !== undefined && indexWeights !== 'equal') weightings['stated'] = indexWeights;
    if (ahpResult !== null && ahpOver === 'items') weightings['AHP'] = ahpResult;
    if (ahpResult !== null && ahpOver === 'dimensions') {
      weightings['AHP'] = {
        dimensions: Object.fromEntries(ahpResult.labels.map((label, i) => [label, ahpResult.weights[i]!])),
      };
    }
    // PCA weights and derived importance join when they weigh the compared items (or dimensions).
    const compared = config.items ?? (dimensions === null ? items : Object.values(dimensions).flat());
    if (pcaResult !== null) {
      if (sameSet(pcaResult.items, compared)) weightings['PCA'] = pcaIndexWeights(pcaResult);
      else {
        localWarnings.push(
          `${FN}: the PCA items are not the compared items, so the method comparison leaves the PCA weights out`,
        );
      }
    }
    if (importanceResult !== null) {
      const names = importanceResult.drivers.map((d) => d.driver);
      if (driversOver === 'dimensions' && dimensions !== null && sameSet(names, Object.keys(dimensions))) {
        weightings['derived importance'] = {
          dimensions: Object.fromEntries(importanceResult.drivers.map((d) => [d.driver, d.share])),
        };
      } else if (driversOver === 'items' && sameSet(names, compared)) {
        weightings['derived importance'] = importanceResult;
      } else {
        localWarnings.push(
          `${FN}: the drivers are neither the compared items nor the dimensions, so the method comparison leaves the derived importance out`,
        );
      }
    }
    Object.assign(weightings, given);
    const result = methodComparison(data, {
      ...base,
      ...scale,
      ...(dimensions === null ? {} : { dimensions }),
      ...(config.items === undefined && dimensions !== null
        ? { items: Object.values(dimensions).flat() }
        : {}),
      ...options,
      weightings,
    });
    add('method-comparison', 'Weighting methods compared', [{ label: null, result }]);
  }

  const servqualOptions = enabled(config.servqual);
  if (servqualOptions !== null) {
    const result = servqual(data, {
      ...(columns === undefined ? {} : { columns }),
      ...scale,
      ...servqualOptions,
    });
    add('servqual', 'SERVQUAL gaps', [{ label: null, result }]);
  }

  const warnings = [
    ...sections.flatMap((s) =>
      s.parts.flatMap((p) =>
        p.result.warnings.map((w) => `${s.title}${p.label === null ? '' : ` (${p.label})`}: ${w}`),
      ),
    ),
    ...localWarnings,
  ];
  const json: ReportJSON = {
    title: config.title ?? 'Customer satisfaction report',
    subtitle: config.subtitle ?? null,
    n: respondentCount(data),
    sections,
    warnings,
  };
  let rendered: Section[] | null = null;
  const renderedSections = () =>
    (rendered ??= uniqueIds([overview(json), ...sections.map(toSection), ...warningSection(warnings)]));
  return {
    ...json,
    toJSON: () => json,
    toMarkdown: () => {
      const head = [
        `# ${escapeMarkdown(json.title)}`,
        ...(json.subtitle ? [escapeMarkdown(json.subtitle)] : []),
      ];
      return `${[...head, ...renderedSections().map((s) => sectionToMarkdown(s, 2))].join('\n\n')}\n`;
    },
    toHTML: () =>
      htmlDocument({
        title: json.title,
        ...(json.subtitle ? { subtitle: json.subtitle } : {}),
        sections: renderedSections(),
      }),
  };
}

/** The first section: what the report contains. */
function overview(json: ReportJSON): Section {
  const key = json.sections.map((s) => s.title).join(', ');
  const highlights: { label: string; value: string }[] = [];
  for (const section of json.sections) {
    for (const { label, result } of section.parts) {
      const suffix = label === null ? '' : ` (${label})`;
      if (result.method === 'satisfaction-index') {
        highlights.push({
          label: 'Satisfaction index',
          value: `${formatNumber(result.index, 1)} / 100, ${result.level}${result.confidenceInterval ? ` (interval ${formatInterval(result.confidenceInterval, 1)})` : ''}`,
        });
      } else if (result.method === 'net-promoter-score') {
        highlights.push({ label: 'Net Promoter Score', value: formatNumber(result.score, 1) });
      } else if (result.method === 'cronbach-alpha') {
        highlights.push({ label: `Cronbach's alpha${suffix}`, value: formatNumber(result.alpha, 3) });
      } else if (result.method === 'fuzzy-evaluate' || result.method === 'fuzzy-evaluate-hierarchy') {
        highlights.push({
          label: 'Fuzzy evaluation',
          value: `${result.grade} (score ${formatNumber(result.score, 1)})`,
        });
      } else if (result.method === 'servqual') {
        highlights.push({
          label: 'SERVQUAL score',
          value: `${formatSigned(result.overallGap, 3)} (SERVPERF ${formatNumber(result.servperf, 3)})`,
        });
      } else if (result.method === 'ahp') {
        highlights.push({ label: 'AHP consistency ratio', value: formatNumber(result.consistencyRatio, 3) });
      } else if (result.method === 'pca') {
        highlights.push({
          label: 'Principal components',
          value: `${result.retained} kept, ${formatPercent(result.cumulative[result.retained - 1]!, 1)} of the variance${result.kmo === null ? '' : `; KMO ${formatNumber(result.kmo.overall, 3)}`}`,
        });
      } else if (result.method === 'ols' || result.method === 'wls') {
        highlights.push({
          label: `R² of ${result.outcome} on the drivers`,
          value: formatNumber(result.rSquared, 3),
        });
      } else if (
        result.method === 'shapley' ||
        result.method === 'relative-weights' ||
        result.method === 'first'
      ) {
        const top = result.drivers.find((d) => d.rank === 1);
        if (top !== undefined) {
          highlights.push({
            label: 'Most important driver',
            value: `${top.driver} (${formatPercent(top.share, 1)} of the importance)`,
          });
        }
      } else if (result.method === 'importance-performance') {
        const focus = result.quadrants['concentrate-here'];
        highlights.push({ label: 'Concentrate here', value: focus.length === 0 ? 'none' : focus.join(', ') });
      }
    }
  }
  return {
    id: 'overview',
    title: 'Overview',
    blocks: [
      {
        kind: 'summary',
        entries: [
          { label: 'Respondents in the data', value: String(json.n) },
          { label: 'Analyses', value: key === '' ? 'none' : key },
          ...highlights,
          { label: 'Warnings', value: String(json.warnings.length) },
        ],
      },
    ],
  };
}

/** A report section rendered: one result as its renderer's section, several as subsections. */
function toSection(section: ReportSection): Section {
  if (section.parts.length === 1 && section.parts[0]!.label === null) {
    return { ...renderSection(section.parts[0]!.result), id: section.id, title: section.title };
  }
  if (section.id === 'reliability') return reliabilitySection(section);
  return {
    id: section.id,
    title: section.title,
    blocks: [],
    subsections: section.parts.map((p) => {
      const rendered = renderSection(p.result);
      return p.label === null ? rendered : { ...rendered, title: `${rendered.title} (${p.label})` };
    }),
  };
}

/** Reliability: an overview table over the scales, then one subsection per scale and coefficient. */
function reliabilitySection(section: ReportSection): Section {
  const alphas = section.parts.filter(
    (p): p is { label: string | null; result: CronbachAlphaResult } => p.result.method === 'cronbach-alpha',
  );
  const omegaOf = (label: string | null) =>
    (section.parts.find((p) => p.label === label && p.result.method === 'mcdonald-omega')?.result as
      | McDonaldOmegaResult
      | undefined) ?? null;
  return {
    id: section.id,
    title: section.title,
    blocks: [
      {
        kind: 'table',
        table: {
          caption: 'Reliability of each scale',
          columns: [
            { header: 'scale' },
            { header: 'items', kind: 'integer' },
            { header: 'n', kind: 'integer' },
            { header: 'alpha', kind: 'number', decimals: 3 },
            { header: 'interval (Feldt)' },
            { header: 'omega total', kind: 'number', decimals: 3 },
          ],
          rows: alphas.map(({ label, result }) => [
            label ?? 'all items',
            result.k,
            result.n,
            result.alpha,
            formatInterval([result.confidenceInterval.lower, result.confidenceInterval.upper], 3),
            omegaOf(label)?.omegaTotal ?? null,
          ]),
        },
      },
    ],
    subsections: section.parts.map((p) => {
      const rendered = renderSection(p.result);
      const alpha = p.result.method === 'cronbach-alpha';
      const scale = p.label ?? 'All items';
      return {
        ...rendered,
        id: `${scale}-${alpha ? 'alpha' : 'omega'}`,
        title: `${scale}: ${alpha ? "Cronbach's alpha" : "McDonald's omega"}`,
      };
    }),
  };
}

function warningSection(warnings: readonly string[]): Section[] {
  return warnings.length === 0
    ? []
    : [{ id: 'warnings', title: 'All warnings', blocks: [{ kind: 'warnings', warnings }] }];
}
