import { formatValue } from '../errors.js';
import { bootstrapRows, bootstrapSettings, drawResample, percentileInterval } from '../stats/bootstrap.js';
import { Random } from '../stats/random.js';
import { sum, weightedSum } from '../stats/sum.js';
import { mean, standardDeviation } from '../stats/variance.js';
import { type DataOptions, resolveData, type SurveyData } from '../survey/data.js';
import { Responses } from '../survey/responses.js';
import { type AnswerScale, answerScale, checkAnswers, checkScaleOption } from '../survey/scales.js';
import { segmentGroups, segmentLabels } from '../survey/segments.js';
import {
  type ClassifiedWeights,
  classifyWeights,
  resolveWeights,
  type SatisfactionIndexWeighting,
  type SatisfactionIndexWeights,
  weightedItems,
} from './index-weights.js';
import {
  checkSatisfactionLevels,
  DEFAULT_SATISFACTION_LEVELS,
  levelOf,
  type SatisfactionBand,
} from './satisfaction-levels.js';

const FN = 'satisfactionIndex';

/** The default seed of the bootstrap (stated in `result.bootstrap.seed`). */
export const DEFAULT_BOOTSTRAP_SEED = 20240917;

/** The answer scale of an item for data without a survey definition. */
export interface IndexScale {
  readonly min: number;
  readonly max: number;
  /** Answers must be whole numbers (default true, as in survey definitions). */
  readonly integer?: boolean;
}

/** Options of the bootstrap in {@link satisfactionIndex}. */
export interface SatisfactionIndexBootstrapOptions {
  /** Number of bootstrap resamples (default 2000). */
  readonly resamples?: number;
  /** Seed of the generator (default {@link DEFAULT_BOOTSTRAP_SEED}); the same seed gives the same intervals. */
  readonly seed?: number;
  /** Confidence level of the percentile intervals (default 0.95). */
  readonly confidenceLevel?: number;
}

/** Options of {@link satisfactionIndex}. */
export interface SatisfactionIndexOptions extends Omit<DataOptions, 'weights'> {
  /**
   * Item weights (the scoring table): `'equal'` (default), one number per item, `{ [item]: weight }`,
   * two-level `{ dimensions: { [dimension]: weight }, items?: { [dimension]: { [item]: weight } } }`,
   * or the result of another analysis (`{ weights, labels }`, `{ weights: { [item]: weight } }`,
   * `{ drivers: { driver, share }[] }`). Non-negative, summing to 1.
   *
   * Without `items`, the analysed items are those the weights name (in their order), else the items
   * of `dimensions`, else every item of the data.
   */
  readonly weights?: SatisfactionIndexWeights;
  /** Rescale weights that do not sum to 1 (with a warning) instead of throwing. Default false. */
  readonly normalize?: boolean;
  /**
   * Dimensions as `{ [dimension]: items }`, each analysed item in exactly one. Default: the items'
   * dimensions in the survey definition when every analysed item has one, else none.
   */
  readonly dimensions?: Readonly<Record<string, readonly string[]>>;
  /**
   * The answer scale, required for data without a survey definition: `{ min, max }` for every item or
   * `{ [item]: { min, max } }`. With `Responses`, each item's own scale is used (a scale given here
   * must agree with it).
   */
  readonly scale?: IndexScale | Readonly<Record<string, IndexScale>>;
  /**
   * Respondent weights (positive, one per respondent), or `false` to ignore the weights of a
   * `Responses`; default the survey's weights. (`weights` is taken by the item weights, so the
   * respondent weights of other analyses' `weights` option are given here.)
   */
  readonly respondentWeights?: ArrayLike<number> | false;
  /**
   * Segments: the id of a segment column of `Responses`, or one label per respondent (`null` =
   * missing). Each segment gets its index, its difference to the overall index and a bootstrap
   * interval.
   */
  readonly by?: string | readonly (string | null)[];
  /**
   * Percentile-bootstrap intervals for the overall index and each segment: `true` or options to turn
   * it on, `false` to turn it off. Default: on when `by` is given, else off.
   */
  readonly bootstrap?: SatisfactionIndexBootstrapOptions | boolean;
  /** Segments with fewer respondents get no interval and a warning (default 30). */
  readonly minSegmentSize?: number;
  /** The satisfaction-level bands (default {@link DEFAULT_SATISFACTION_LEVELS}). */
  readonly levels?: readonly SatisfactionBand[];
}

/** One item of the scoring table. */
export interface SatisfactionIndexItem {
  readonly item: string;
  readonly text: string | null;
  readonly dimension: string | null;
  /** The item's weight in the index (the weights sum to 1). */
  readonly weight: number;
  /** Respondents who answered it. */
  readonly n: number;
  /** Respondents who did not. */
  readonly missing: number;
  /** Mean answer over those who answered (respondent-weighted when weights are used). */
  readonly mean: number;
  /** Bottom of the item's scale. */
  readonly min: number;
  /** Top of the item's scale. */
  readonly max: number;
  /** 100 · (mean − min) / (max − min). */
  readonly score: number;
  /** weight · score; the contributions sum to the index. */
  readonly contribution: number;
  readonly level: string;
}

/** One dimension of the scoring table. */
export interface SatisfactionIndexDimension {
  readonly dimension: string;
  /** Sum of its items' weights (the dimension weights sum to 1). */
  readonly weight: number;
  readonly items: readonly string[];
  /**
   * Sub-index: Σ wᵢ · scoreᵢ / Σ wᵢ over its items; with two-level weights, the within-dimension
   * weights. `null` when its items all have weight 0 and no within-dimension weights are known.
   */
  readonly index: number | null;
  /** weight · sub-index: the dimension's share of the index. */
  readonly contribution: number;
  readonly level: string | null;
}

/** An item within a segment. */
export interface SatisfactionIndexSegmentItem {
  readonly item: string;
  readonly n: number;
  /** `null` when no respondent of the segment answered it. */
  readonly mean: number | null;
  readonly score: number | null;
}

/** The index of one segment. */
export interface SatisfactionIndexSegment {
  readonly segment: string;
  /** Respondents of the segment who answered at least one item. */
  readonly n: number;
  /** Respondents of the segment who answered none. */
  readonly dropped: number;
  /** Sum of the respondent weights of the `n` respondents (n without weights). */
  readonly totalWeight: number;
  /** `null` when the segment has no respondents or an item with positive weight has no answers in it. */
  readonly index: number | null;
  readonly level: string | null;
  /** Segment index − overall index. */
  readonly difference: number | null;
  /** Standard deviation of the bootstrap replicates; `null` without bootstrap or below the minimum size. */
  readonly standardError: number | null;
  /** Percentile-bootstrap interval; `null` without bootstrap or below the minimum size. */
  readonly confidenceInterval: readonly [number, number] | null;
  /** Resamples discarded because an item with positive weight had no answers in them. */
  readonly discardedResamples: number | null;
  /** Fewer respondents than `minSegmentSize`: reported, without an interval. */
  readonly belowMinimumSize: boolean;
  readonly items: readonly SatisfactionIndexSegmentItem[];
  readonly dimensions: readonly {
    readonly dimension: string;
    readonly index: number | null;
    readonly level: string | null;
  }[];
}

/** The bootstrap settings used. */
export interface SatisfactionIndexBootstrap {
  readonly method: 'percentile';
  readonly resamples: number;
  readonly seed: number;
  readonly confidenceLevel: number;
}

/** Result of {@link satisfactionIndex}. */
export interface SatisfactionIndexResult {
  readonly method: 'satisfaction-index';
  /** Σ wᵢ · scoreᵢ, from 0 (every answer at the bottom of its scale) to 100 (every answer at the top). */
  readonly index: number;
  readonly level: string;
  /** How the item weights were given. */
  readonly weighting: SatisfactionIndexWeighting;
  /** Whether respondent weights were used. */
  readonly weighted: boolean;
  /** Each item mean uses every respondent who answered it. */
  readonly missing: 'available-case';
  /** Respondents who answered at least one item. */
  readonly n: number;
  /** Respondents who answered none. */
  readonly dropped: number;
  readonly items: readonly SatisfactionIndexItem[];
  /** Empty without a dimension table. */
  readonly dimensions: readonly SatisfactionIndexDimension[];
  /**
   * Each respondent's index over the items they answered, Σ wᵢ · scoreᵢⱼ / Σ wᵢ (answered items
   * only); `null` when they answered no item with positive weight.
   */
  readonly perRespondent: readonly (number | null)[];
  /** Respondents who left at least one item unanswered (including those who answered none). */
  readonly respondentsWithMissing: number;
  /** Respondents whose `perRespondent` index is `null`. */
  readonly respondentsWithoutAnswers: number;
  /** Bootstrap standard error of the index, or `null` without bootstrap. */
  readonly standardError: number | null;
  /** Percentile-bootstrap interval of the index, or `null` without bootstrap. */
  readonly confidenceInterval: readonly [number, number] | null;
  readonly discardedResamples: number | null;
  readonly bootstrap: SatisfactionIndexBootstrap | null;
  /** The segment column of `Responses` used by `by`; `null` for labels given as an array or without segments. */
  readonly by: string | null;
  readonly segments: readonly SatisfactionIndexSegment[] | null;
  /** Respondents without a segment value (they count in the overall index only); `null` without segments. */
  readonly missingSegment: number | null;
  readonly minSegmentSize: number;
  /** The satisfaction-level bands used, from the top. */
  readonly levels: readonly SatisfactionBand[];
  readonly warnings: readonly string[];
}

// ---------------------------------------------------------------------------------------------------
// Option checks

/** Each item's scale: the survey definition's, else `options.scale` (whole-number bounds required). */
function resolveScales(
  items: readonly string[],
  surveyScales: readonly (AnswerScale | null)[],
  option: SatisfactionIndexOptions['scale'],
): AnswerScale[] {
  checkScaleOption(FN, option, 'item');
  return items.map((item, i) => answerScale(FN, item, surveyScales[i] ?? null, option, 'item', true));
}

interface DimensionTable {
  /** Dimension names, in order. */
  readonly names: readonly string[];
  /** Each item's dimension. */
  readonly of: readonly string[];
  /** Per dimension (same order as `names`), the indices of its items. */
  readonly members: readonly (readonly number[])[];
}

function dimensionTable(names: readonly string[], of: readonly string[]): DimensionTable {
  const members = names.map((dimension) => of.flatMap((d, i) => (d === dimension ? [i] : [])));
  return { names, of, members };
}

function dimensionsFromOption(option: unknown): [string, string[]][] {
  if (option === null || typeof option !== 'object' || Array.isArray(option)) {
    throw new TypeError(`${FN}: dimensions must be { dimension: items }; got ${formatValue(option)}`);
  }
  return Object.entries(option as Record<string, unknown>).map(([dimension, members]) => {
    if (!Array.isArray(members) || !members.every((item) => typeof item === 'string')) {
      throw new TypeError(
        `${FN}: dimensions must be { dimension: items }; got ${formatValue(members)} for ${formatValue(dimension)}`,
      );
    }
    if (members.length === 0) throw new RangeError(`${FN}: dimension ${formatValue(dimension)} has no items`);
    return [dimension, members as string[]];
  });
}

function tableFrom(
  entries: readonly (readonly [string, readonly string[]])[],
  items: readonly string[],
  source: string,
): DimensionTable {
  const analysed = new Set(items);
  const dimensionOf = new Map<string, string>();
  for (const [dimension, members] of entries) {
    for (const item of members) {
      if (!analysed.has(item)) {
        throw new RangeError(
          `${FN}: dimension ${formatValue(dimension)} names an item that is not analysed; got ${formatValue(item)} (items are ${items.join(', ')})`,
        );
      }
      const other = dimensionOf.get(item);
      if (other !== undefined) {
        throw new RangeError(
          `${FN}: each item must be in one dimension; got ${formatValue(item)} in ${formatValue(other)} and ${formatValue(dimension)}`,
        );
      }
      dimensionOf.set(item, dimension);
    }
  }
  const missing = items.find((item) => !dimensionOf.has(item));
  if (missing !== undefined) {
    throw new RangeError(
      `${FN}: every item must be in a dimension of ${source}; got none for ${formatValue(missing)}`,
    );
  }
  return dimensionTable(
    entries.map(([dimension]) => dimension),
    items.map((item) => dimensionOf.get(item)!),
  );
}

function resolveDimensions(
  option: SatisfactionIndexOptions['dimensions'],
  weights: ClassifiedWeights,
  items: readonly string[],
  responses: Responses | null,
): DimensionTable | null {
  if (option !== undefined) return tableFrom(dimensionsFromOption(option), items, 'options.dimensions');
  if (
    weights.kind === 'dimension' &&
    weights.dimensions.length > 0 &&
    weights.dimensions.every(([dimension]) => weights.items.has(dimension))
  ) {
    return tableFrom(
      weights.dimensions.map(([dimension]) => [
        dimension,
        weights.items.get(dimension)!.map(([item]) => item),
      ]),
      items,
      'weights.items',
    );
  }
  const surveyDimensions = items.map((item) => responses?.item(item).dimension ?? null);
  const without = items.findIndex((_, i) => surveyDimensions[i] === null);
  if (without === -1 && items.length > 0) {
    const of = surveyDimensions as string[];
    return dimensionTable([...new Set(of)], of);
  }
  if (weights.kind === 'dimension') {
    throw new RangeError(
      `${FN}: two-level weights need every item in a dimension; got none for ${formatValue(items[without])} (give options.dimensions or weights.items for every dimension)`,
    );
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------
// Computation

interface Context {
  readonly items: readonly string[];
  readonly columns: readonly Float64Array[];
  readonly respondentWeights: Float64Array | null;
  readonly scales: readonly AnswerScale[];
  readonly weights: readonly number[];
  /** Within-dimension weights per item, or null (then wᵢ / Σ_d wᵢ). */
  readonly within: readonly number[] | null;
  readonly dimensions: DimensionTable | null;
}

interface Estimate {
  readonly n: number[];
  readonly means: (number | null)[];
  readonly scores: (number | null)[];
  /** `null` when an item with positive weight has no answers. */
  readonly index: number | null;
  readonly dimensionIndices: (number | null)[];
}

function scoreOf(mean: number, scale: AnswerScale): number {
  return (100 * (mean - scale.min)) / (scale.max - scale.min);
}

/** Item means, scores, index and sub-indices over the given respondents. */
function estimate(ctx: Context, rows: readonly number[]): Estimate {
  const w = ctx.respondentWeights;
  const n: number[] = [];
  const means: (number | null)[] = [];
  const scores: (number | null)[] = [];
  // An item's answers over the rows (and their weights), reused across items.
  const values = new Float64Array(rows.length);
  const weights = w === null ? null : new Float64Array(rows.length);
  ctx.columns.forEach((column, i) => {
    let k = 0;
    for (const r of rows) {
      const value = column[r]!;
      if (Number.isNaN(value)) continue;
      values[k] = value;
      if (weights !== null) weights[k] = w![r]!;
      k++;
    }
    n.push(k);
    if (k === 0) {
      means.push(null);
      scores.push(null);
    } else {
      const m = mean(values.subarray(0, k), weights?.subarray(0, k));
      means.push(m);
      scores.push(scoreOf(m, ctx.scales[i]!));
    }
  });
  const complete = ctx.weights.every((weight, i) => weight === 0 || scores[i] !== null);
  const index = complete
    ? weightedSum(
        scores.map((score) => score ?? 0),
        ctx.weights,
      )
    : null;
  const dimensionIndices = (ctx.dimensions?.members ?? []).map((members) => {
    const within = members.map((i) => (ctx.within === null ? ctx.weights[i]! : ctx.within[i]!));
    const total = sum(within);
    if (!(total > 0)) return null;
    if (members.some((i, k) => within[k]! > 0 && scores[i] === null)) return null;
    return (
      weightedSum(
        members.map((i) => scores[i] ?? 0),
        within,
      ) / total
    );
  });
  return { n, means, scores, index, dimensionIndices };
}

interface BootstrapOutcome {
  readonly standardError: number | null;
  readonly confidenceInterval: readonly [number, number] | null;
  readonly discarded: number;
}

/**
 * Percentile bootstrap of the index over `rows`: `resamples` times, draw rows.length respondents with
 * replacement ({@link drawResample}), recompute the respondent-weighted item means and the index; a
 * resample in which an item with positive weight has no answers is discarded and counted.
 */
function bootstrapIndex(
  ctx: Context,
  rows: readonly number[],
  settings: SatisfactionIndexBootstrap,
  random: Random,
): BootstrapOutcome {
  const used = ctx.weights.map((_, i) => i).filter((i) => ctx.weights[i]! > 0);
  // Row-major copy of the answers of the rows, positive-weight items only.
  const columns = used.map((i) => ctx.columns[i]!);
  const { m, p, block, weights: rowWeights } = bootstrapRows(columns, rows, ctx.respondentWeights);
  const drawn = new Int32Array(m);
  const itemWeights = used.map((i) => ctx.weights[i]!);
  const lows = used.map((i) => ctx.scales[i]!.min);
  const ranges = used.map((i) => ctx.scales[i]!.max - ctx.scales[i]!.min);
  const numerators = new Float64Array(p);
  const denominators = new Float64Array(p);
  const replicates: number[] = [];
  let discarded = 0;
  for (let b = 0; b < settings.resamples; b++) {
    drawResample(random, drawn);
    numerators.fill(0);
    denominators.fill(0);
    for (let k = 0; k < m; k++) {
      const j = drawn[k]!;
      const weight = rowWeights[j]!;
      const base = j * p;
      for (let c = 0; c < p; c++) {
        const value = block[base + c]!;
        if (!Number.isNaN(value)) {
          numerators[c]! += weight * value;
          denominators[c]! += weight;
        }
      }
    }
    let index = 0;
    let complete = true;
    for (let c = 0; c < p; c++) {
      if (denominators[c] === 0) {
        complete = false;
        break;
      }
      index += (itemWeights[c]! * 100 * (numerators[c]! / denominators[c]! - lows[c]!)) / ranges[c]!;
    }
    if (complete) replicates.push(index);
    else discarded++;
  }
  if (replicates.length < 2) return { standardError: null, confidenceInterval: null, discarded };
  return {
    standardError: standardDeviation(replicates),
    confidenceInterval: percentileInterval(replicates, settings.confidenceLevel),
    discarded,
  };
}

/**
 * The weighted satisfaction index of a scoring table (the CSI convention): each item's mean answer is
 * rescaled to 0–100 on the item's own scale, scoreᵢ = 100 · (meanᵢ − minᵢ) / (maxᵢ − minᵢ), and the
 * index is the weighted sum of the scores, Σ wᵢ · scoreᵢ, with item weights wᵢ ≥ 0 summing to 1
 * (stated importances, a two-level dimension × item table, or weights from AHP, relative importance
 * or PCA). So the index is 100 when every answer is at the top of its scale, 0 when every answer is
 * at the bottom, and with equal weights the mean of the item scores.
 *
 * Missing answers: each item mean uses the respondents who answered it (available-case; weighted
 * by the respondent weights when there are any). The per-respondent index reweights over the items
 * each respondent answered, Σ_answered wᵢ · scoreᵢⱼ / Σ_answered wᵢ; because of this reweighting,
 * the mean of the per-respondent indices differs from the index when answers are missing.
 *
 * With dimensions, each dimension's sub-index is Σ_{i∈d} wᵢ · scoreᵢ / Σ_{i∈d} wᵢ and its weight
 * Σ_{i∈d} wᵢ. With `by`, each segment's index is computed the same way within the segment, with a
 * percentile-bootstrap interval (respondents resampled with replacement within the segment, their
 * respondent weights kept, R type-7 quantiles of the replicates); segments below `minSegmentSize`
 * are reported without an interval, with a warning. The overall index gets the same interval when
 * the bootstrap runs. The bootstrap generator is `Random` (xoshiro128**) seeded with `seed` for the
 * overall index and `seed + k` for the k-th segment (k = 1, 2, … in report order).
 *
 * Each score, sub-index and the index get a satisfaction level from `levels` (a reporting convention,
 * default ≥ 90 very satisfied … < 60 dissatisfied).
 *
 * References: Fornell, C., Johnson, M. D., Anderson, E. W., Cha, J. & Bryant, B. E. (1996). The
 * American Customer Satisfaction Index: nature, purpose, and findings. Journal of Marketing 60(4),
 * 7–18 (the 0–100 index scale). Efron, B. & Tibshirani, R. J. (1993). An Introduction to the
 * Bootstrap. Chapman & Hall, ch. 13 (percentile intervals).
 *
 * @throws {TypeError} when the data, weights, scale, dimensions, segments or options have the wrong form
 * @throws {RangeError} on weights that are negative or do not sum to 1 (without `normalize`), weights
 * for items that are not analysed or items without a weight, an item in two dimensions, an item
 * without a scale, an answer off its scale, an item with no answers, or invalid bootstrap options
 * @example
 * satisfactionIndex({ q1: [5, 4, 3], q2: [2, 3, 4] }, { scale: { min: 1, max: 5 }, weights: { q1: 0.6, q2: 0.4 } }).index; // 65
 */
export function satisfactionIndex(
  data: SurveyData,
  options: SatisfactionIndexOptions = {},
): SatisfactionIndexResult {
  if (options === null || typeof options !== 'object') {
    throw new TypeError(`${FN}: options must be an object; got ${formatValue(options)}`);
  }
  const classified = classifyWeights(FN, options.weights);
  const responses = data instanceof Responses ? data : null;

  let wanted = options.items;
  if (wanted === undefined) {
    const named = weightedItems(classified);
    if (named !== null) wanted = named;
    else if (options.dimensions !== undefined)
      wanted = dimensionsFromOption(options.dimensions).flatMap(([, m]) => m);
    // An item named twice is reported by the weight or dimension checks, which say where.
    if (wanted !== undefined) wanted = [...new Set(wanted)];
  }
  const dataset = resolveData(FN, data, {
    ...(options.columns === undefined ? {} : { columns: options.columns }),
    ...(wanted === undefined ? {} : { items: wanted }),
    ...(options.respondentWeights === undefined ? {} : { weights: options.respondentWeights }),
  });
  const items = dataset.items;
  if (items.length === 0) throw new RangeError(`${FN}: at least one item is needed; got none`);
  const scales = resolveScales(items, dataset.scales, options.scale);
  const dimensions = resolveDimensions(options.dimensions, classified, items, responses);
  const resolved = resolveWeights(FN, classified, items, dimensions?.of ?? null, options.normalize === true);
  const levels = checkSatisfactionLevels(FN, options.levels ?? DEFAULT_SATISFACTION_LEVELS);
  const minSegmentSize = options.minSegmentSize ?? 30;
  if (!(Number.isInteger(minSegmentSize) && minSegmentSize >= 0)) {
    throw new RangeError(
      `${FN}: minSegmentSize must be a non-negative integer; got ${formatValue(minSegmentSize)}`,
    );
  }
  const segments = options.by === undefined ? null : segmentLabels(FN, options.by, responses, dataset.n);
  const bootstrap = bootstrapSettings(FN, options.bootstrap, {
    seed: DEFAULT_BOOTSTRAP_SEED,
    on: segments !== null,
  });
  const warnings = [...resolved.warnings];

  // Answers on their scales; per-respondent indices.
  const columns = dataset.columns;
  items.forEach((item, i) => {
    checkAnswers(FN, item, columns[i]!, scales[i]!, 'at index');
  });
  const weights = resolved.weights;
  const perRespondent: (number | null)[] = [];
  const used: number[] = [];
  let respondentsWithMissing = 0;
  let respondentsWithoutAnswers = 0;
  for (let r = 0; r < dataset.n; r++) {
    let numerator = 0;
    let denominator = 0;
    let answered = 0;
    for (let i = 0; i < items.length; i++) {
      const value = columns[i]![r]!;
      if (Number.isNaN(value)) continue;
      answered++;
      const weight = weights[i]!;
      if (weight > 0) {
        numerator += weight * scoreOf(value, scales[i]!);
        denominator += weight;
      }
    }
    if (answered > 0) used.push(r);
    if (answered < items.length) respondentsWithMissing++;
    if (denominator > 0) perRespondent.push(numerator / denominator);
    else {
      perRespondent.push(null);
      respondentsWithoutAnswers++;
    }
  }

  const ctx: Context = {
    items,
    columns,
    respondentWeights: dataset.weights,
    scales,
    weights,
    within: resolved.within,
    dimensions,
  };
  const overall = estimate(ctx, used);
  const empty = items.find((_, i) => overall.n[i] === 0);
  if (empty !== undefined) {
    throw new RangeError(`${FN}: item ${formatValue(empty)} has no answers; leave it out of items`);
  }
  const index = overall.index!;
  const scores = overall.scores as number[];
  const contributions = scores.map((score, i) => weights[i]! * score);

  const itemRows: SatisfactionIndexItem[] = items.map((item, i) => {
    const definition = responses?.item(item) ?? null;
    return {
      item,
      text: definition?.text ?? null,
      dimension: dimensions?.of[i] ?? null,
      weight: weights[i]!,
      n: overall.n[i]!,
      missing: dataset.n - overall.n[i]!,
      mean: overall.means[i]!,
      min: scales[i]!.min,
      max: scales[i]!.max,
      score: scores[i]!,
      contribution: contributions[i]!,
      level: levelOf(scores[i]!, levels),
    };
  });
  const dimensionRows: SatisfactionIndexDimension[] = (dimensions?.names ?? []).map((dimension, k) => {
    const memberIndices = dimensions!.members[k]!;
    const subIndex = overall.dimensionIndices[k]!;
    if (subIndex === null) {
      warnings.push(
        `${FN}: dimension ${formatValue(dimension)} has weight 0 and no within-dimension weights; its sub-index is null`,
      );
    }
    return {
      dimension,
      weight: sum(memberIndices.map((i) => weights[i]!)),
      items: memberIndices.map((i) => items[i]!),
      index: subIndex,
      contribution: sum(memberIndices.map((i) => contributions[i]!)),
      level: subIndex === null ? null : levelOf(subIndex, levels),
    };
  });

  let standardError: number | null = null;
  let confidenceInterval: readonly [number, number] | null = null;
  let discardedResamples: number | null = null;
  const discardWarning = (what: string, outcome: BootstrapOutcome) => {
    if (outcome.discarded > 0) {
      warnings.push(
        `${FN}: ${outcome.discarded} of ${bootstrap!.resamples} bootstrap resamples of ${what} left an item without answers and were discarded`,
      );
    }
    if (outcome.confidenceInterval === null) {
      warnings.push(`${FN}: fewer than 2 usable bootstrap resamples of ${what}; no interval`);
    }
  };
  if (bootstrap !== null) {
    const outcome = bootstrapIndex(ctx, used, bootstrap, new Random(bootstrap.seed));
    discardWarning('the overall index', outcome);
    standardError = outcome.standardError;
    confidenceInterval = outcome.confidenceInterval;
    discardedResamples = outcome.discarded;
  }

  let segmentRows: SatisfactionIndexSegment[] | null = null;
  let missingSegment: number | null = null;
  if (segments !== null) {
    const usedSet = new Set(used);
    const groups = segmentGroups(FN, segments, 'the overall index includes them');
    missingSegment = groups.missing;
    if (groups.warning !== null) warnings.push(groups.warning);
    segmentRows = segments.order.map((label, k): SatisfactionIndexSegment => {
      const all = groups.rows[k]!;
      const rows = all.filter((r) => usedSet.has(r));
      const result = estimate(ctx, rows);
      const belowMinimumSize = rows.length < minSegmentSize;
      if (rows.length === 0) {
        warnings.push(`${FN}: segment ${formatValue(label)} has no respondents`);
      } else {
        if (belowMinimumSize) {
          warnings.push(
            `${FN}: segment ${formatValue(label)} has ${rows.length} respondents, fewer than minSegmentSize (${minSegmentSize})${bootstrap === null ? '' : '; no confidence interval'}`,
          );
        }
        if (result.index === null) {
          const missingItems = items.filter((_, i) => weights[i]! > 0 && result.n[i] === 0);
          warnings.push(
            `${FN}: segment ${formatValue(label)} has no answers to ${missingItems.map(formatValue).join(', ')}; its index is null`,
          );
        }
      }
      let outcome: BootstrapOutcome | null = null;
      if (bootstrap !== null && !belowMinimumSize && result.index !== null) {
        outcome = bootstrapIndex(ctx, rows, bootstrap, new Random(bootstrap.seed + k + 1));
        discardWarning(`segment ${formatValue(label)}`, outcome);
      }
      return {
        segment: label,
        n: rows.length,
        dropped: all.length - rows.length,
        totalWeight: dataset.weights === null ? rows.length : sum(rows.map((r) => dataset.weights![r]!)),
        index: result.index,
        level: result.index === null ? null : levelOf(result.index, levels),
        difference: result.index === null ? null : result.index - index,
        standardError: outcome?.standardError ?? null,
        confidenceInterval: outcome?.confidenceInterval ?? null,
        discardedResamples: outcome === null ? null : outcome.discarded,
        belowMinimumSize,
        items: items.map((item, i) => ({
          item,
          n: result.n[i]!,
          mean: result.means[i]!,
          score: result.scores[i]!,
        })),
        dimensions: (dimensions?.names ?? []).map((dimension, d) => {
          const subIndex = result.dimensionIndices[d]!;
          return { dimension, index: subIndex, level: subIndex === null ? null : levelOf(subIndex, levels) };
        }),
      };
    });
  }

  return {
    method: 'satisfaction-index',
    index,
    level: levelOf(index, levels),
    weighting: resolved.weighting,
    weighted: dataset.weights !== null,
    missing: 'available-case',
    n: used.length,
    dropped: dataset.n - used.length,
    items: itemRows,
    dimensions: dimensionRows,
    perRespondent,
    respondentsWithMissing,
    respondentsWithoutAnswers,
    standardError,
    confidenceInterval,
    discardedResamples,
    bootstrap,
    by: segments?.by ?? null,
    segments: segmentRows,
    missingSegment,
    minSegmentSize,
    levels,
    warnings,
  };
}
