import { formatValue } from '../errors.js';
import { cronbachAlpha } from '../reliability/cronbach-alpha.js';
import { checkConfidenceLevel } from '../stats/confidence.js';
import { sum, weightedSum } from '../stats/sum.js';
import { mean } from '../stats/variance.js';
import { type DataOptions, resolveData, type SurveyData } from '../survey/data.js';
import { Responses } from '../survey/responses.js';
import { answerScale, checkAnswers, checkScaleOption } from '../survey/scales.js';
import { segmentGroups, segmentLabels } from '../survey/segments.js';
import {
  checkInstrument,
  checkPattern,
  columnName,
  DEFAULT_SERVQUAL_PATTERN,
  type ServqualInstrument,
  type ServqualInstrumentInput,
  type ServqualPattern,
  STANDARD_SERVQUAL,
  servqualInstrument,
} from './instrument.js';
import { type PairedTTest, pairedTTest } from './paired-t-test.js';

const FN = 'servqual';

// ---------------------------------------------------------------------------------------------------
// Options and result types

/** One item given as its columns. */
export interface ServqualPair {
  /** The item's name in the result (default: the perception column). */
  readonly item?: string;
  /** Its dimension; default the perception column's dimension in the survey definition. */
  readonly dimension?: string;
  readonly expectation: string;
  readonly perception: string;
  /** The adequate-service column of the three-column format (then `expectation` is the desired level). */
  readonly adequate?: string;
}

/** The answer scale of a column for data without a survey definition. */
export interface ServqualScale {
  readonly min: number;
  readonly max: number;
  /** Answers must be whole numbers (default true). */
  readonly integer?: boolean;
}

/**
 * Importance of the dimensions as 100-point allocations: fixed `points` per dimension (one
 * allocation, e.g. a management decision or the sample's mean allocation), or per-respondent
 * allocations in `columns` (one column per dimension).
 */
export type ServqualImportanceOption =
  | { readonly points: Readonly<Record<string, number>> }
  | { readonly columns: Readonly<Record<string, string>> };

/** Options of {@link servqual}. */
export interface ServqualOptions extends Omit<DataOptions, 'items'> {
  /** The items as explicit column pairs (instead of `instrument` and `pattern`). */
  readonly pairs?: readonly ServqualPair[];
  /**
   * `'standard'` (the 22-item instrument, {@link STANDARD_SERVQUAL}) or a custom instrument
   * `{ items: { id, dimension, number?, text? }[], dimensions? }`. Default (with `Responses`): the
   * instrument that the survey definition describes ({@link servqualInstrument}).
   */
  readonly instrument?: 'standard' | ServqualInstrumentInput;
  /** Column names of each item: default `{ expectation: 'e_{item}', perception: 'p_{item}' }`. */
  readonly pattern?: ServqualPattern;
  /**
   * The answer scale, required for data without a survey definition: `{ min, max }` for every column
   * or `{ [column]: { min, max } }`. With `Responses`, each column's scale is its own.
   */
  readonly scale?: ServqualScale | Readonly<Record<string, ServqualScale>>;
  /** Dimension importance as 100-point allocations, for the weighted SERVQUAL score. */
  readonly importance?: ServqualImportanceOption;
  /** How far an allocation may be from 100 (rounding); default 0.5. */
  readonly pointsTolerance?: number;
  /**
   * A respondent's dimension score: `'available'` (default) the mean over the items of the dimension
   * with both answers, at least one; `'complete'` only when every item of the dimension has both.
   */
  readonly dimensionScore?: 'available' | 'complete';
  /**
   * Management's estimate of customer expectations per item (one manager, or the mean of a management
   * sample), on the expectation scale: adds gap 1 (customer expectation − management estimate).
   */
  readonly managementExpectations?: Readonly<Record<string, number>>;
  /** Segments: a segment id of `Responses`, or one label per respondent (`null` = missing). */
  readonly by?: string | readonly (string | null)[];
  /** Segments with fewer respondents are reported with a warning (default 30). */
  readonly minSegmentSize?: number;
  /** Confidence level of the t intervals (default 0.95). */
  readonly confidenceLevel?: number;
  /** Cronbach's alpha of each dimension's expectation, perception and gap scores (default true). */
  readonly reliability?: boolean;
}

/** Gap figures of one item. */
export interface ServqualItem {
  readonly item: string;
  /** Its number on the questionnaire, when the instrument gives one. */
  readonly number: number | null;
  readonly text: string | null;
  readonly dimension: string;
  readonly expectationColumn: string;
  readonly perceptionColumn: string;
  /** Respondents with both answers (the item's figures use these only). */
  readonly n: number;
  /** Respondents with exactly one of the two answers (left out of the item's figures). */
  readonly unpaired: number;
  /** Mean expectation E over the n respondents. */
  readonly expectation: number;
  /** Mean perception P over the n respondents (the item's SERVPERF score). */
  readonly perception: number;
  /** Mean of the per-respondent gaps P − E (= perception − expectation). */
  readonly gap: number;
  /** 1 for the most negative gap (the largest shortfall). */
  readonly rank: number;
}

/** Gap figures of one dimension, from per-respondent dimension scores. */
export interface ServqualDimension {
  readonly dimension: string;
  readonly items: readonly string[];
  /** Respondents with a dimension score. */
  readonly n: number;
  /** Of those, respondents scored on part of the items (`dimensionScore: 'available'`). */
  readonly partial: number;
  /** Respondents without a score. */
  readonly missing: number;
  readonly expectation: number | null;
  readonly perception: number | null;
  readonly gap: number | null;
  /** 1 for the most negative gap. */
  readonly rank: number | null;
}

/** The weights behind the weighted score. */
export interface ServqualImportance {
  readonly source: 'points' | 'columns';
  /**
   * Per dimension: points / Σ points (fixed), or the mean normalised allocation (columns); Σ = 1.
   * `null` (columns) when no respondent has both an allocation and a score on every dimension.
   */
  readonly dimensions: readonly { readonly dimension: string; readonly weight: number | null }[];
  /** Respondents in the weighted score (columns), else the respondents of the whole analysis. */
  readonly n: number;
  /** Respondents without a (complete) allocation. */
  readonly missingAllocation: number;
  /** Respondents with an allocation but without a score on every dimension. */
  readonly incompleteScores: number;
}

/** A paired t-test of P against E for an item or a dimension. */
export interface ServqualTest extends PairedTTest {
  readonly item?: string;
  readonly dimension?: string;
}

/** The paired t-tests. */
export interface ServqualTests {
  readonly confidenceLevel: number;
  readonly items: readonly ServqualTest[];
  readonly dimensions: readonly ServqualTest[];
}

/** Where perception falls relative to the zone of tolerance. */
export type ZonePosition = 'below' | 'inside' | 'above';

/** Zone-of-tolerance figures of an item or a dimension. */
export interface ServqualZoneRow {
  readonly item?: string;
  readonly dimension?: string;
  /** Respondents with the adequate, desired and perceived answers. */
  readonly n: number;
  readonly adequate: number | null;
  readonly desired: number | null;
  readonly perception: number | null;
  /** Measure of service adequacy, mean of P − A. */
  readonly adequacyGap: number | null;
  /** Measure of service superiority, mean of P − D. */
  readonly superiorityGap: number | null;
  /** desired − adequate: the width of the zone (negative: the zone is inverted). */
  readonly toleranceWidth: number | null;
  /** Where the mean perception falls: below the mean adequate level, above the mean desired, or inside. */
  readonly position: ZonePosition | null;
  /** Shares of respondents whose own perception falls below / inside / above their own zone. */
  readonly shares: { readonly below: number; readonly inside: number; readonly above: number } | null;
  /** Respondents whose adequate level exceeds their desired level. */
  readonly invertedZones: number;
}

/** The zone of tolerance (three-column format). */
export interface ServqualZoneOfTolerance {
  readonly items: readonly ServqualZoneRow[];
  readonly dimensions: readonly ServqualZoneRow[];
}

/** Gap 1: customer expectation − management's estimate of it. */
export interface ServqualGap1Row {
  readonly item?: string;
  readonly dimension?: string;
  readonly customerExpectation: number | null;
  readonly managementExpectation: number;
  readonly gap: number | null;
}

export interface ServqualGap1 {
  readonly items: readonly ServqualGap1Row[];
  readonly dimensions: readonly ServqualGap1Row[];
}

/** Cronbach's alpha of one set of scores. */
export interface ServqualAlpha {
  readonly alpha: number;
  readonly standardizedAlpha: number;
  /** Respondents used (listwise: every item of the dimension answered). */
  readonly n: number;
  readonly dropped: number;
}

/** Reliability of one dimension. */
export interface ServqualReliability {
  readonly dimension: string;
  readonly k: number;
  /** `null` for a one-item dimension or when alpha cannot be computed (a warning says why). */
  readonly expectation: ServqualAlpha | null;
  readonly perception: ServqualAlpha | null;
  /** Alpha of the item gap scores P − E. */
  readonly gap: ServqualAlpha | null;
}

/** The figures computed for the whole sample and again for each segment. */
interface Figures<Item, Dimension> {
  readonly n: number;
  readonly items: readonly Item[];
  readonly dimensions: readonly Dimension[];
  /** Unweighted SERVQUAL score: the mean of the dimension gaps. */
  readonly overallGap: number | null;
  /** Σ_d w_d · gap_d (fixed points) or the mean per-respondent weighted gap (columns); `null` without importance. */
  readonly weightedGap: number | null;
  /** SERVPERF: the mean of the dimension perception scores. */
  readonly servperf: number | null;
  /** Importance-weighted SERVPERF, like `weightedGap`. */
  readonly weightedServperf: number | null;
  readonly importance: ServqualImportance | null;
  readonly tests: ServqualTests;
  readonly zoneOfTolerance: ServqualZoneOfTolerance | null;
  readonly gap1: ServqualGap1 | null;
  readonly reliability: readonly ServqualReliability[] | null;
}

/** An item within a segment, with its differences to the whole sample. */
export interface ServqualSegmentItem
  extends Omit<ServqualItem, 'expectation' | 'perception' | 'gap' | 'rank'> {
  readonly expectation: number | null;
  readonly perception: number | null;
  readonly gap: number | null;
  readonly rank: number | null;
  /** Segment − whole, for expectation, perception and gap. */
  readonly difference: {
    readonly expectation: number | null;
    readonly perception: number | null;
    readonly gap: number | null;
  };
}

/** A dimension within a segment, with its differences to the whole sample. */
export interface ServqualSegmentDimension extends ServqualDimension {
  readonly difference: {
    readonly expectation: number | null;
    readonly perception: number | null;
    readonly gap: number | null;
  };
}

/** Every figure of one segment. */
export interface ServqualSegment extends Figures<ServqualSegmentItem, ServqualSegmentDimension> {
  readonly segment: string;
  /** Respondents of the segment with at least one item pair. */
  readonly n: number;
  /** Respondents of the segment without any. */
  readonly dropped: number;
  /** Σ respondent weights of the n respondents (n without weights). */
  readonly totalWeight: number;
  readonly belowMinimumSize: boolean;
  /** Segment − whole for the four scores. */
  readonly difference: {
    readonly overallGap: number | null;
    readonly weightedGap: number | null;
    readonly servperf: number | null;
    readonly weightedServperf: number | null;
  };
}

/** Result of {@link servqual}. */
export interface ServqualResult extends Figures<ServqualItem, ServqualDimension> {
  readonly method: 'servqual';
  /** The instrument's name (`'pairs'` for explicit pairs). */
  readonly instrument: string;
  readonly dimensionScore: 'available' | 'complete';
  /** Whether respondent weights were used. */
  readonly weighted: boolean;
  /** Respondents with at least one item pair. */
  readonly n: number;
  /** Respondents without any. */
  readonly dropped: number;
  readonly overallGap: number;
  readonly servperf: number;
  /** Item ids from the most negative gap to the most positive. */
  readonly ranking: readonly string[];
  readonly by: string | null;
  readonly segments: readonly ServqualSegment[] | null;
  /** Respondents without a segment value (in the whole-sample figures only); `null` without segments. */
  readonly missingSegment: number | null;
  readonly minSegmentSize: number;
  readonly warnings: readonly string[];
}

// ---------------------------------------------------------------------------------------------------
// Resolving the items

interface Spec {
  readonly item: string;
  readonly number: number | null;
  readonly text: string | null;
  readonly dimension: string;
  readonly expectation: string;
  readonly perception: string;
  readonly adequate: string | null;
}

function columnsOf(data: SurveyData, options: ServqualOptions): readonly string[] {
  if (data instanceof Responses) return data.items;
  if (Array.isArray(data)) {
    if (options.columns === undefined) {
      throw new TypeError(`${FN}: row data (number[][]) need options.columns to name the columns`);
    }
    return options.columns;
  }
  if (data === null || typeof data !== 'object') {
    throw new TypeError(
      `${FN}: data must be Responses, an object of columns or rows of numbers; got ${formatValue(data)}`,
    );
  }
  return Object.keys(data);
}

function resolveSpecs(
  data: SurveyData,
  options: ServqualOptions,
): { specs: Spec[]; dimensions: string[]; name: string } {
  const responses = data instanceof Responses ? data : null;
  const available = new Set(columnsOf(data, options));
  if (options.pairs !== undefined && options.instrument !== undefined) {
    throw new TypeError(`${FN}: give either pairs or instrument, not both`);
  }
  if (options.pairs !== undefined && options.pattern !== undefined) {
    throw new TypeError(`${FN}: pattern applies to an instrument; pairs name their columns`);
  }
  if (options.pairs !== undefined) {
    if (!Array.isArray(options.pairs) || options.pairs.length === 0) {
      throw new TypeError(
        `${FN}: pairs must be a non-empty array of { expectation, perception }; got ${formatValue(options.pairs)}`,
      );
    }
    const specs = options.pairs.map((pair, index): Spec => {
      if (
        pair === null ||
        typeof pair !== 'object' ||
        typeof pair.expectation !== 'string' ||
        typeof pair.perception !== 'string'
      ) {
        throw new TypeError(
          `${FN}: pairs[${index}] must be { item?, dimension?, expectation, perception, adequate? }; got ${formatValue(pair)}`,
        );
      }
      const item = pair.item ?? pair.perception;
      for (const [role, column] of [
        ['perception', pair.perception],
        ['expectation', pair.expectation],
        ['adequate', pair.adequate],
      ] as const) {
        if (column !== undefined && !available.has(column)) {
          throw new RangeError(
            `${FN}: item ${formatValue(item)} has no ${role} column ${formatValue(column)} in the data`,
          );
        }
      }
      const fromSurvey = responses?.item(pair.perception).dimension ?? null;
      const dimension = pair.dimension ?? fromSurvey;
      if (typeof dimension !== 'string' || dimension === '') {
        throw new RangeError(
          `${FN}: item ${formatValue(item)} needs a dimension (pairs[${index}].dimension or the survey definition); got none`,
        );
      }
      return {
        item,
        number: null,
        text: responses?.item(pair.perception).text ?? null,
        dimension,
        expectation: pair.expectation,
        perception: pair.perception,
        adequate: pair.adequate ?? null,
      };
    });
    const twice = specs.find((spec, i) => specs.findIndex((other) => other.item === spec.item) !== i);
    if (twice !== undefined) throw new RangeError(`${FN}: item ${formatValue(twice.item)} is listed twice`);
    return { specs, dimensions: [...new Set(specs.map((spec) => spec.dimension))], name: 'pairs' };
  }

  const pattern = checkPattern(FN, options.pattern ?? DEFAULT_SERVQUAL_PATTERN);
  let instrument: ServqualInstrument;
  if (options.instrument === 'standard') instrument = STANDARD_SERVQUAL;
  else if (options.instrument !== undefined) instrument = checkInstrument(FN, options.instrument);
  else if (responses !== null) instrument = servqualInstrument(responses, pattern, FN);
  else {
    throw new TypeError(
      `${FN}: data without a survey definition need options.instrument or options.pairs (to know each item's dimension)`,
    );
  }
  const specs = instrument.items.map((item): Spec => {
    const expectation = columnName(FN, pattern.expectation, item);
    const perception = columnName(FN, pattern.perception, item);
    const adequate = pattern.adequate === undefined ? null : columnName(FN, pattern.adequate, item);
    const roles = [
      ['expectation', expectation],
      ['perception', perception],
      ...(adequate === null ? [] : [['adequate', adequate]]),
    ] as const;
    const present = roles.filter(([, column]) => available.has(column));
    const absent = roles.filter(([, column]) => !available.has(column));
    if (absent.length > 0) {
      if (present.length === 0) {
        throw new RangeError(
          `${FN}: item ${formatValue(item.id)} has no columns in the data; got none of ${roles.map(([, c]) => formatValue(c)).join(', ')}`,
        );
      }
      throw new RangeError(
        `${FN}: item ${formatValue(item.id)} has ${present[0]![0] === 'perception' ? 'a' : 'an'} ${present[0]![0]} column ${formatValue(present[0]![1])} but no ${absent[0]![0]} column ${formatValue(absent[0]![1])}`,
      );
    }
    return {
      item: item.id,
      number: item.number,
      text: item.text,
      dimension: item.dimension,
      expectation,
      perception,
      adequate,
    };
  });
  return { specs, dimensions: [...instrument.dimensions], name: instrument.name };
}

// ---------------------------------------------------------------------------------------------------
// Per-respondent scores, computed once

interface Scores {
  readonly n: number;
  readonly specs: readonly Spec[];
  readonly dimensions: readonly string[];
  /** Per dimension, the indices of its items in `specs`. */
  readonly members: readonly (readonly number[])[];
  /** Item columns. */
  readonly expectation: readonly Float64Array[];
  readonly perception: readonly Float64Array[];
  readonly adequate: readonly (Float64Array | null)[];
  /** Per item: P − E, NaN unless both answered. */
  readonly itemGap: readonly Float64Array[];
  /** Per dimension, per respondent: E, P, gap means over the dimension's paired items (NaN = no score). */
  readonly dimensionExpectation: readonly Float64Array[];
  readonly dimensionPerception: readonly Float64Array[];
  readonly dimensionGap: readonly Float64Array[];
  readonly dimensionPartial: readonly Uint8Array[];
  /** Three-column format: per dimension, per respondent A, D, P over items with all three. */
  readonly zone: {
    readonly adequate: readonly Float64Array[];
    readonly desired: readonly Float64Array[];
    readonly perception: readonly Float64Array[];
  } | null;
  /** Per respondent normalised allocations (one array per dimension), NaN = no valid allocation. */
  readonly allocation: readonly Float64Array[] | null;
  readonly weights: Float64Array | null;
}

function dimensionMeans(
  n: number,
  members: readonly number[],
  columns: readonly (readonly Float64Array[])[],
  complete: boolean,
): { means: Float64Array[]; partial: Uint8Array } {
  const sets = columns.map((set) => members.map((i) => set[i]!));
  const means = columns.map(() => new Float64Array(n));
  const partial = new Uint8Array(n);
  const totals = new Float64Array(columns.length);
  const m = members.length;
  for (let r = 0; r < n; r++) {
    totals.fill(0);
    let k = 0;
    for (let j = 0; j < m; j++) {
      let answered = true;
      for (let c = 0; c < sets.length; c++) {
        if (Number.isNaN(sets[c]![j]![r]!)) {
          answered = false;
          break;
        }
      }
      if (!answered) continue;
      for (let c = 0; c < sets.length; c++) totals[c]! += sets[c]![j]![r]!;
      k++;
    }
    const scored = complete ? k === m : k > 0;
    for (let c = 0; c < sets.length; c++) means[c]![r] = scored ? totals[c]! / k : Number.NaN;
    partial[r] = scored && k < m ? 1 : 0;
  }
  return { means, partial };
}

// ---------------------------------------------------------------------------------------------------
// Aggregation over a set of respondents

interface Context {
  readonly scores: Scores;
  readonly confidenceLevel: number;
  readonly fixedWeights: readonly number[] | null;
  readonly management: readonly number[] | null;
  readonly reliability: boolean;
  readonly warnings: string[];
}

/** The values of `columns` (and the weights) over the rows where every column is answered. */
interface Kept {
  readonly n: number;
  readonly columns: readonly Float64Array[];
  readonly weights: Float64Array | null;
}

/** Working buffers, one per column of a {@link keep} call, grown as needed. */
class Buffers {
  #buffers: Float64Array[] = [];
  get(index: number, length: number): Float64Array {
    let buffer = this.#buffers[index];
    if (buffer === undefined || buffer.length < length) {
      buffer = new Float64Array(length);
      this.#buffers[index] = buffer;
    }
    return buffer;
  }
}

function keep(
  columns: readonly Float64Array[],
  rows: readonly number[],
  weights: Float64Array | null,
  buffers: Buffers,
): Kept {
  const out = columns.map((_, c) => buffers.get(c, rows.length));
  const w = weights === null ? null : buffers.get(columns.length, rows.length);
  let k = 0;
  for (const r of rows) {
    let answered = true;
    for (const column of columns) {
      if (Number.isNaN(column[r]!)) {
        answered = false;
        break;
      }
    }
    if (!answered) continue;
    for (let c = 0; c < columns.length; c++) out[c]![k] = columns[c]![r]!;
    if (w !== null) w[k] = weights![r]!;
    k++;
  }
  return { n: k, columns: out.map((column) => column.subarray(0, k)), weights: w?.subarray(0, k) ?? null };
}

/** Weighted mean of a kept column; `null` for none. */
function meanOf(kept: Kept, c: number): number | null {
  return kept.n === 0 ? null : mean(kept.columns[c]!, kept.weights ?? undefined);
}

function rankOf(values: readonly (number | null)[]): (number | null)[] {
  const order = values
    .map((value, i) => ({ value, i }))
    .filter((entry): entry is { value: number; i: number } => entry.value !== null)
    .sort((a, b) => a.value - b.value || a.i - b.i);
  const ranks: (number | null)[] = values.map(() => null);
  order.forEach((entry, position) => {
    ranks[entry.i] = position + 1;
  });
  return ranks;
}

function meanOrNull(values: readonly (number | null)[]): number | null {
  return values.some((value) => value === null) ? null : mean(values as number[]);
}

function zoneRow(
  adequate: Float64Array,
  desired: Float64Array,
  perception: Float64Array,
  rows: readonly number[],
  weights: Float64Array | null,
  buffers: Buffers,
): Omit<ServqualZoneRow, 'item' | 'dimension'> {
  const kept = keep([adequate, desired, perception], rows, weights, buffers);
  const [a, d, p] = kept.columns as [Float64Array, Float64Array, Float64Array];
  const n = kept.n;
  let below = 0;
  let inside = 0;
  let above = 0;
  let invertedZones = 0;
  for (let k = 0; k < n; k++) {
    const weight = kept.weights === null ? 1 : kept.weights[k]!;
    if (a[k]! > d[k]!) invertedZones++;
    if (p[k]! < a[k]!) below += weight;
    else if (p[k]! > d[k]!) above += weight;
    else inside += weight;
  }
  if (n === 0) {
    return {
      n,
      adequate: null,
      desired: null,
      perception: null,
      adequacyGap: null,
      superiorityGap: null,
      toleranceWidth: null,
      position: null,
      shares: null,
      invertedZones,
    };
  }
  const w = kept.weights ?? undefined;
  const meanA = mean(a, w);
  const meanD = mean(d, w);
  const meanP = mean(p, w);
  const total = w === undefined ? n : sum(w);
  return {
    n,
    adequate: meanA,
    desired: meanD,
    perception: meanP,
    adequacyGap: mean(
      p.map((value, k) => value - a[k]!),
      w,
    ),
    superiorityGap: mean(
      p.map((value, k) => value - d[k]!),
      w,
    ),
    toleranceWidth: meanD - meanA,
    position: meanP < meanA ? 'below' : meanP > meanD ? 'above' : 'inside',
    shares: { below: below / total, inside: inside / total, above: above / total },
    invertedZones,
  };
}

function alphaOf(
  columns: Record<string, Float64Array>,
  rows: readonly number[],
  weights: Float64Array | null,
  what: string,
  warnings: string[],
): ServqualAlpha | null {
  const pick = (column: Float64Array) => {
    if (rows.length === column.length) return column; // every respondent, in order
    const out = new Float64Array(rows.length);
    for (let k = 0; k < rows.length; k++) out[k] = column[rows[k]!]!;
    return out;
  };
  const table: Record<string, Float64Array> = {};
  for (const [id, column] of Object.entries(columns)) table[id] = pick(column);
  try {
    const result = cronbachAlpha(table, weights === null ? {} : { weights: pick(weights) });
    return {
      alpha: result.alpha,
      standardizedAlpha: result.standardizedAlpha,
      n: result.n,
      dropped: result.dropped,
    };
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    warnings.push(`${FN}: no alpha for ${what}: ${error.message}`);
    return null;
  }
}

function estimate(
  ctx: Context,
  rows: readonly number[],
  where: string,
): Figures<Omit<ServqualSegmentItem, 'difference'>, ServqualDimension> & { readonly used: number[] } {
  const s = ctx.scores;
  const w = s.weights;
  const specs = s.specs;
  const buffers = new Buffers();
  const used: number[] = [];
  for (const r of rows) {
    for (const gap of s.itemGap) {
      if (!Number.isNaN(gap[r]!)) {
        used.push(r);
        break;
      }
    }
  }

  const itemTests: ServqualTest[] = [];
  const itemRows = specs.map((spec, i) => {
    const kept = keep([s.expectation[i]!, s.perception[i]!, s.itemGap[i]!], rows, w, buffers);
    let unpaired = 0;
    for (const r of rows) {
      if (Number.isNaN(s.expectation[i]![r]!) !== Number.isNaN(s.perception[i]![r]!)) unpaired++;
    }
    itemTests.push({ item: spec.item, ...pairedTTest(kept.columns[2]!, kept.weights, ctx.confidenceLevel) });
    return {
      item: spec.item,
      number: spec.number,
      text: spec.text,
      dimension: spec.dimension,
      expectationColumn: spec.expectation,
      perceptionColumn: spec.perception,
      n: kept.n,
      unpaired,
      expectation: meanOf(kept, 0),
      perception: meanOf(kept, 1),
      gap: meanOf(kept, 2),
    };
  });
  const itemRanks = rankOf(itemRows.map((row) => row.gap));

  const dimensionTests: ServqualTest[] = [];
  const dimensionRows = s.dimensions.map((dimension, d) => {
    const kept = keep(
      [s.dimensionExpectation[d]!, s.dimensionPerception[d]!, s.dimensionGap[d]!],
      rows,
      w,
      buffers,
    );
    let partial = 0;
    for (const r of rows) if (s.dimensionPartial[d]![r] === 1) partial++;
    dimensionTests.push({ dimension, ...pairedTTest(kept.columns[2]!, kept.weights, ctx.confidenceLevel) });
    return {
      dimension,
      items: s.members[d]!.map((i) => specs[i]!.item),
      n: kept.n,
      partial,
      missing: rows.length - kept.n,
      expectation: meanOf(kept, 0),
      perception: meanOf(kept, 1),
      gap: meanOf(kept, 2),
    };
  });
  const dimensionRanks = rankOf(dimensionRows.map((row) => row.gap));
  const overallGap = meanOrNull(dimensionRows.map((row) => row.gap));
  const servperf = meanOrNull(dimensionRows.map((row) => row.perception));

  let weightedGap: number | null = null;
  let weightedServperf: number | null = null;
  let importance: ServqualImportance | null = null;
  if (ctx.fixedWeights !== null) {
    const gaps = dimensionRows.map((row) => row.gap);
    const perceptions = dimensionRows.map((row) => row.perception);
    if (gaps.every((g) => g !== null)) weightedGap = weightedSum(gaps as number[], ctx.fixedWeights);
    if (perceptions.every((p) => p !== null)) {
      weightedServperf = weightedSum(perceptions as number[], ctx.fixedWeights);
    }
    importance = {
      source: 'points',
      dimensions: s.dimensions.map((dimension, d) => ({ dimension, weight: ctx.fixedWeights![d]! })),
      n: used.length,
      missingAllocation: 0,
      incompleteScores: 0,
    };
  } else if (s.allocation !== null) {
    const allocation = s.allocation;
    let missingAllocation = 0;
    let incompleteScores = 0;
    const gapScores: number[] = [];
    const perceptionScores: number[] = [];
    const respondentWeights: number[] = [];
    const shares = s.dimensions.map(() => [] as number[]);
    // One respondent's allocation, gaps and perceptions, reused across rows.
    const a = new Float64Array(s.dimensions.length);
    const gaps = new Float64Array(s.dimensions.length);
    const perceptions = new Float64Array(s.dimensions.length);
    for (const r of rows) {
      if (Number.isNaN(allocation[0]![r]!)) {
        missingAllocation++;
        continue;
      }
      if (s.dimensionGap.some((gap) => Number.isNaN(gap[r]!))) {
        incompleteScores++;
        continue;
      }
      for (let d = 0; d < a.length; d++) {
        a[d] = allocation[d]![r]!;
        gaps[d] = s.dimensionGap[d]![r]!;
        perceptions[d] = s.dimensionPerception[d]![r]!;
        shares[d]!.push(a[d]!);
      }
      gapScores.push(weightedSum(gaps, a));
      perceptionScores.push(weightedSum(perceptions, a));
      respondentWeights.push(w === null ? 1 : w[r]!);
    }
    const rw = w === null ? undefined : respondentWeights;
    if (gapScores.length > 0) {
      weightedGap = mean(gapScores, rw);
      weightedServperf = mean(perceptionScores, rw);
    }
    importance = {
      source: 'columns',
      dimensions: s.dimensions.map((dimension, d) => ({
        dimension,
        weight: gapScores.length === 0 ? null : mean(shares[d]!, rw),
      })),
      n: gapScores.length,
      missingAllocation,
      incompleteScores,
    };
    if (gapScores.length === 0) {
      ctx.warnings.push(
        `${FN}: ${where} has no respondent with an allocation and a score on every dimension; no weighted score`,
      );
    }
  }

  let zoneOfTolerance: ServqualZoneOfTolerance | null = null;
  if (s.zone !== null) {
    const zone = s.zone;
    zoneOfTolerance = {
      items: specs.map((spec, i) => ({
        item: spec.item,
        ...zoneRow(s.adequate[i]!, s.expectation[i]!, s.perception[i]!, rows, w, buffers),
      })),
      dimensions: s.dimensions.map((dimension, d) => ({
        dimension,
        ...zoneRow(zone.adequate[d]!, zone.desired[d]!, zone.perception[d]!, rows, w, buffers),
      })),
    };
  }

  let gap1: ServqualGap1 | null = null;
  if (ctx.management !== null) {
    const management = ctx.management;
    gap1 = {
      items: itemRows.map((row, i) => ({
        item: row.item,
        customerExpectation: row.expectation,
        managementExpectation: management[i]!,
        gap: row.expectation === null ? null : row.expectation - management[i]!,
      })),
      dimensions: dimensionRows.map((row, d) => {
        const estimateOf = mean(s.members[d]!.map((i) => management[i]!));
        return {
          dimension: row.dimension,
          customerExpectation: row.expectation,
          managementExpectation: estimateOf,
          gap: row.expectation === null ? null : row.expectation - estimateOf,
        };
      }),
    };
  }

  let reliability: ServqualReliability[] | null = null;
  if (ctx.reliability) {
    reliability = s.dimensions.map((dimension, d) => {
      const members = s.members[d]!;
      if (members.length < 2) {
        return { dimension, k: members.length, expectation: null, perception: null, gap: null };
      }
      const pick = (set: readonly Float64Array[]) =>
        Object.fromEntries(members.map((i) => [specs[i]!.item, set[i]!]));
      const label = (what: string) =>
        `the ${what} scores of ${formatValue(dimension)}${where === 'the sample' ? '' : ` in ${where}`}`;
      return {
        dimension,
        k: members.length,
        expectation: alphaOf(pick(s.expectation), rows, w, label('expectation'), ctx.warnings),
        perception: alphaOf(pick(s.perception), rows, w, label('perception'), ctx.warnings),
        gap: alphaOf(pick(s.itemGap), rows, w, label('gap'), ctx.warnings),
      };
    });
  }

  return {
    used,
    n: used.length,
    items: itemRows.map((row, i) => ({ ...row, rank: itemRanks[i]! })),
    dimensions: dimensionRows.map((row, d) => ({ ...row, rank: dimensionRanks[d]! })),
    overallGap,
    weightedGap,
    servperf,
    weightedServperf,
    importance,
    tests: { confidenceLevel: ctx.confidenceLevel, items: itemTests, dimensions: dimensionTests },
    zoneOfTolerance,
    gap1,
    reliability,
  };
}

const minus = (a: number | null, b: number | null) => (a === null || b === null ? null : a - b);

// ---------------------------------------------------------------------------------------------------
// The analysis

/**
 * SERVQUAL gap scores (Parasuraman, Zeithaml & Berry 1988): service quality as the gap between what
 * customers perceive (P) and what they expect (E), item by item and over the dimensions of the
 * instrument (tangibles, reliability, responsiveness, assurance, empathy in the standard 22 items).
 *
 * Per item, over the respondents who answered both statements: mean E, mean P and the mean of the
 * per-respondent gaps P − E (so gap = P − E exactly; a respondent with one answer is counted in
 * `unpaired`). Per dimension, each respondent's dimension score is the mean of their item scores over
 * the dimension's items with both answers (`dimensionScore: 'available'`, the default, needs one;
 * `'complete'` needs all), and the dimension figures are means of those scores (as Parasuraman et
 * al. average per-respondent scores; not the mean of the item means when answers are missing). The
 * unweighted SERVQUAL score `overallGap` is the mean of the dimension gaps, `servperf` (Cronin &
 * Taylor 1992) the mean of the dimension perceptions. With `importance`, the weighted score is
 * Σ_d w_d · gap_d with w_d = points_d / Σ points (fixed points), or the mean over respondents of
 * Σ_d (points_dj / Σ points_j) · gap_dj (per-respondent allocations, which must sum to 100 within
 * `pointsTolerance`). Paired t-tests of P against E per item and dimension (df = n − 1; weighted: the
 * linearisation standard error). Means are respondent-weighted when the data carry weights.
 *
 * With an adequate column (three-column format, Parasuraman, Zeithaml & Berry 1994), `expectation` is
 * the desired level and `zoneOfTolerance` gives the measures of service adequacy (P − A) and
 * superiority (P − D) and where perception falls. With `managementExpectations`, `gap1` is customer
 * expectation − management's estimate. `reliability` gives Cronbach's alpha of each dimension's
 * expectation, perception and gap scores (listwise); `by` repeats every figure per segment with the
 * difference to the whole sample.
 *
 * References: Parasuraman, A., Zeithaml, V. A. & Berry, L. L. (1985). A conceptual model of service
 * quality and its implications for future research. Journal of Marketing 49(4), 41–50. — (1988).
 * SERVQUAL. Journal of Retailing 64(1), 12–40. — (1994). Alternative scales for measuring service
 * quality. Journal of Retailing 70(3), 201–230. Cronin, J. J. & Taylor, S. A. (1992). Measuring
 * service quality: a reexamination and extension. Journal of Marketing 56(3), 55–68.
 *
 * @throws {TypeError} when the data, pairs, instrument, pattern, scale, importance or segments have
 * the wrong form
 * @throws {RangeError} on an item without its pair, an answer off its scale, an item with no pairs,
 * an expectation and perception on different scales, points that do not sum to 100 (naming the row
 * and the sum), an unknown or empty dimension, or a management estimate for an unknown item
 * @example
 * servqual(
 *   { e1: [5, 4, 5], p1: [4, 4, 3], e2: [4, 4, 5], p2: [4, 5, 4] },
 *   {
 *     pairs: [
 *       { item: 'q1', dimension: 'A', expectation: 'e1', perception: 'p1' },
 *       { item: 'q2', dimension: 'B', expectation: 'e2', perception: 'p2' },
 *     ],
 *     scale: { min: 1, max: 5 },
 *   },
 * ).overallGap; // -0.5 (gaps: q1 −1, q2 0)
 */
export function servqual(data: SurveyData, options: ServqualOptions = {}): ServqualResult {
  if (options === null || typeof options !== 'object') {
    throw new TypeError(`${FN}: options must be an object; got ${formatValue(options)}`);
  }
  const responses = data instanceof Responses ? data : null;
  const { specs, dimensions, name } = resolveSpecs(data, options);
  const dimensionScore = options.dimensionScore ?? 'available';
  if (dimensionScore !== 'available' && dimensionScore !== 'complete') {
    throw new RangeError(
      `${FN}: dimensionScore must be 'available' or 'complete'; got ${formatValue(dimensionScore)}`,
    );
  }
  const confidenceLevel = checkConfidenceLevel(FN, options.confidenceLevel ?? 0.95);
  const minSegmentSize = options.minSegmentSize ?? 30;
  if (!(Number.isInteger(minSegmentSize) && minSegmentSize >= 0)) {
    throw new RangeError(
      `${FN}: minSegmentSize must be a non-negative integer; got ${formatValue(minSegmentSize)}`,
    );
  }
  const tolerance = options.pointsTolerance ?? 0.5;
  if (!(tolerance >= 0 && Number.isFinite(tolerance))) {
    throw new RangeError(
      `${FN}: pointsTolerance must be a non-negative number; got ${formatValue(tolerance)}`,
    );
  }

  // Importance columns are read with the items.
  const importanceOption = options.importance;
  let importanceColumns: string[] | null = null;
  let fixedPoints: number[] | null = null;
  if (importanceOption !== undefined) {
    if (importanceOption === null || typeof importanceOption !== 'object') {
      throw new TypeError(
        `${FN}: importance must be { points: { dimension: points } } or { columns: { dimension: column } }; got ${formatValue(importanceOption)}`,
      );
    }
    const given =
      'points' in importanceOption
        ? (importanceOption.points as Record<string, unknown>)
        : 'columns' in importanceOption
          ? (importanceOption.columns as Record<string, unknown>)
          : null;
    if (given === null || typeof given !== 'object') {
      throw new TypeError(
        `${FN}: importance must be { points: { dimension: points } } or { columns: { dimension: column } }; got ${formatValue(importanceOption)}`,
      );
    }
    const unknown = Object.keys(given).find((dimension) => !dimensions.includes(dimension));
    if (unknown !== undefined) {
      throw new RangeError(
        `${FN}: importance names an unknown dimension ${formatValue(unknown)}; dimensions are ${dimensions.join(', ')}`,
      );
    }
    const absent = dimensions.find((dimension) => !(dimension in given));
    if (absent !== undefined) {
      throw new RangeError(
        `${FN}: importance must give every dimension; got none for ${formatValue(absent)}`,
      );
    }
    if ('points' in importanceOption) {
      fixedPoints = dimensions.map((dimension) => {
        const points = given[dimension];
        if (typeof points !== 'number' || !(points >= 0 && Number.isFinite(points))) {
          throw new RangeError(
            `${FN}: importance points must be non-negative numbers; got ${formatValue(points)} for ${formatValue(dimension)}`,
          );
        }
        return points;
      });
      const total = sum(fixedPoints);
      if (!(Math.abs(total - 100) <= tolerance)) {
        throw new RangeError(`${FN}: importance points must sum to 100 (±${tolerance}); got ${total}`);
      }
    } else {
      importanceColumns = dimensions.map((dimension) => {
        const column = given[dimension];
        if (typeof column !== 'string') {
          throw new TypeError(
            `${FN}: importance.columns must name a column per dimension; got ${formatValue(column)} for ${formatValue(dimension)}`,
          );
        }
        return column;
      });
    }
  }

  const itemColumns = specs.flatMap((spec) => [
    spec.expectation,
    spec.perception,
    ...(spec.adequate === null ? [] : [spec.adequate]),
  ]);
  const twice = itemColumns.find((column, i) => itemColumns.indexOf(column) !== i);
  if (twice !== undefined) {
    throw new RangeError(`${FN}: each column can serve one item and role; got ${formatValue(twice)} twice`);
  }
  const wanted = [...itemColumns, ...(importanceColumns ?? []).filter((c) => !itemColumns.includes(c))];
  const dataset = resolveData(FN, data, {
    ...(options.columns === undefined ? {} : { columns: options.columns }),
    items: wanted,
    ...(options.weights === undefined ? {} : { weights: options.weights }),
  });
  const n = dataset.n;
  const column = (id: string) => dataset.columns[wanted.indexOf(id)]!;
  const scaleOf = (id: string) => {
    checkScaleOption(FN, options.scale, 'column');
    const scale = answerScale(
      FN,
      id,
      dataset.scales[wanted.indexOf(id)] ?? null,
      options.scale,
      'column',
      false,
    );
    checkAnswers(FN, id, column(id), scale, 'in the row at index');
    return scale;
  };
  const scales = specs.map((spec) => {
    const e = scaleOf(spec.expectation);
    const p = scaleOf(spec.perception);
    const a = spec.adequate === null ? null : scaleOf(spec.adequate);
    for (const [role, other, id] of [
      ['perception', p, spec.perception],
      ['adequate', a, spec.adequate],
    ] as const) {
      if (other !== null && (other.min !== e.min || other.max !== e.max)) {
        throw new RangeError(
          `${FN}: the ${role} column ${formatValue(id)} of item ${formatValue(spec.item)} must be on the scale of its expectation column (${e.min}–${e.max}); got ${other.min}–${other.max}`,
        );
      }
    }
    return e;
  });
  const adequateGiven = specs.filter((spec) => spec.adequate !== null).length;
  if (adequateGiven > 0 && adequateGiven < specs.length) {
    const without = specs.find((spec) => spec.adequate === null)!;
    throw new RangeError(
      `${FN}: the three-column format needs an adequate column for every item; got none for ${formatValue(without.item)}`,
    );
  }

  let management: number[] | null = null;
  if (options.managementExpectations !== undefined) {
    const given = options.managementExpectations;
    if (given === null || typeof given !== 'object' || Array.isArray(given)) {
      throw new TypeError(`${FN}: managementExpectations must be { item: value }; got ${formatValue(given)}`);
    }
    const unknown = Object.keys(given).find((item) => !specs.some((spec) => spec.item === item));
    if (unknown !== undefined) {
      throw new RangeError(
        `${FN}: managementExpectations names an unknown item ${formatValue(unknown)}; items are ${specs.map((spec) => spec.item).join(', ')}`,
      );
    }
    management = specs.map((spec, i) => {
      const value = given[spec.item];
      if (value === undefined) {
        throw new RangeError(
          `${FN}: managementExpectations must give every item; got none for ${formatValue(spec.item)}`,
        );
      }
      const scale = scales[i]!;
      if (typeof value !== 'number' || !(value >= scale.min && value <= scale.max)) {
        throw new RangeError(
          `${FN}: management's estimate for ${formatValue(spec.item)} must be within the scale ${scale.min}–${scale.max}; got ${formatValue(value)}`,
        );
      }
      return value;
    });
  }

  // Per-respondent scores.
  const expectation = specs.map((spec) => column(spec.expectation));
  const perception = specs.map((spec) => column(spec.perception));
  const adequate = specs.map((spec) => (spec.adequate === null ? null : column(spec.adequate)));
  const itemGap = specs.map((_, i) => {
    const e = expectation[i]!;
    const p = perception[i]!;
    const gap = new Float64Array(n);
    for (let r = 0; r < n; r++) gap[r] = p[r]! - e[r]!;
    return gap;
  });
  const complete = dimensionScore === 'complete';
  const membersOf = dimensions.map((dimension) =>
    specs.map((_, i) => i).filter((i) => specs[i]!.dimension === dimension),
  );
  const paired = membersOf.map((members) =>
    dimensionMeans(n, members, [expectation, perception, itemGap], complete),
  );
  const zone =
    adequateGiven === 0
      ? null
      : (() => {
          const triples = membersOf.map((members) =>
            dimensionMeans(n, members, [adequate as Float64Array[], expectation, perception], complete),
          );
          return {
            adequate: triples.map((t) => t.means[0]!),
            desired: triples.map((t) => t.means[1]!),
            perception: triples.map((t) => t.means[2]!),
          };
        })();

  let allocation: Float64Array[] | null = null;
  if (importanceColumns !== null) {
    const raw = importanceColumns.map((id) => column(id));
    allocation = dimensions.map(() => new Float64Array(n));
    const points = new Float64Array(raw.length); // one respondent's allocation, reused across rows
    for (let r = 0; r < n; r++) {
      for (let d = 0; d < raw.length; d++) points[d] = raw[d]![r]!;
      if (points.some(Number.isNaN)) {
        for (const values of allocation) values[r] = Number.NaN;
        continue;
      }
      const negative = points.findIndex((value) => value < 0);
      if (negative !== -1) {
        throw new RangeError(
          `${FN}: importance points must be non-negative; got ${formatValue(points[negative])} in column ${formatValue(importanceColumns[negative])}, row at index ${r}`,
        );
      }
      const total = sum(points);
      if (!(Math.abs(total - 100) <= tolerance)) {
        throw new RangeError(
          `${FN}: importance points must sum to 100 (±${tolerance}); got ${total} in the row at index ${r} (${importanceColumns.join(' + ')})`,
        );
      }
      points.forEach((value, d) => {
        allocation![d]![r] = value / total;
      });
    }
  }

  const scores: Scores = {
    n,
    specs,
    dimensions,
    members: membersOf,
    expectation,
    perception,
    adequate,
    itemGap,
    dimensionExpectation: paired.map((p) => p.means[0]!),
    dimensionPerception: paired.map((p) => p.means[1]!),
    dimensionGap: paired.map((p) => p.means[2]!),
    dimensionPartial: paired.map((p) => p.partial),
    zone,
    allocation,
    weights: dataset.weights,
  };
  const warnings: string[] = [];
  const ctx: Context = {
    scores,
    confidenceLevel,
    fixedWeights: fixedPoints === null ? null : fixedPoints.map((points) => points / sum(fixedPoints!)),
    management,
    reliability: options.reliability !== false,
    warnings,
  };
  const everyone = Array.from({ length: n }, (_, r) => r);
  const whole = estimate(ctx, everyone, 'the sample');
  const empty = whole.items.find((item) => item.n === 0);
  if (empty !== undefined) {
    throw new RangeError(
      `${FN}: item ${formatValue(empty.item)} has no respondent with both answers; leave it out of the instrument`,
    );
  }
  const partial = whole.dimensions.filter((dimension) => dimension.partial > 0);
  if (partial.length > 0) {
    warnings.push(
      `${FN}: respondents scored on part of a dimension's items (dimensionScore: 'available'): ${partial.map((dimension) => `${dimension.dimension} ${dimension.partial}`).join(', ')}`,
    );
  }
  const unscored = whole.dimensions.find((dimension) => dimension.n === 0);
  if (unscored !== undefined) {
    throw new RangeError(
      `${FN}: dimension ${formatValue(unscored.dimension)} has no respondent with every item answered (dimensionScore: 'complete'); use dimensionScore: 'available'`,
    );
  }
  if (whole.importance !== null && whole.importance.missingAllocation > 0) {
    warnings.push(
      `${FN}: ${whole.importance.missingAllocation} ${whole.importance.missingAllocation === 1 ? 'respondent has' : 'respondents have'} no complete importance allocation and ${whole.importance.missingAllocation === 1 ? 'is' : 'are'} left out of the weighted score`,
    );
  }
  if (whole.importance !== null && whole.importance.incompleteScores > 0) {
    warnings.push(
      `${FN}: ${whole.importance.incompleteScores} ${whole.importance.incompleteScores === 1 ? 'respondent lacks' : 'respondents lack'} a score on some dimension and ${whole.importance.incompleteScores === 1 ? 'is' : 'are'} left out of the weighted score`,
    );
  }
  for (const test of [...whole.tests.items, ...whole.tests.dimensions]) {
    if (test.n >= 2 && test.tValue === null) {
      warnings.push(`${FN}: the gaps of ${formatValue(test.item ?? test.dimension)} do not vary; no t-test`);
    }
  }
  if (whole.zoneOfTolerance !== null) {
    const inverted = whole.zoneOfTolerance.items.filter((row) => row.invertedZones > 0);
    if (inverted.length > 0) {
      warnings.push(
        `${FN}: some respondents rate the adequate level above the desired level (${inverted.map((row) => `${formatValue(row.item)}: ${row.invertedZones}`).join(', ')}); their zone is inverted`,
      );
    }
  }

  let segments: ServqualSegment[] | null = null;
  let missingSegment: number | null = null;
  const labels = options.by === undefined ? null : segmentLabels(FN, options.by, responses, n);
  if (labels !== null) {
    const groups = segmentGroups(FN, labels, 'the whole-sample figures include them');
    missingSegment = groups.missing;
    if (groups.warning !== null) warnings.push(groups.warning);
    segments = labels.order.map((label, k): ServqualSegment => {
      const all = groups.rows[k]!;
      const where = `segment ${formatValue(label)}`;
      const figures = estimate(ctx, all, where);
      const { used: rows, ...rest } = figures;
      const belowMinimumSize = rows.length < minSegmentSize;
      if (rows.length === 0) warnings.push(`${FN}: ${where} has no respondents`);
      else if (belowMinimumSize) {
        warnings.push(
          `${FN}: ${where} has ${rows.length} respondents, fewer than minSegmentSize (${minSegmentSize}); its figures are imprecise`,
        );
      }
      return {
        segment: label,
        ...rest,
        dropped: all.length - rows.length,
        totalWeight: dataset.weights === null ? rows.length : sum(rows.map((r) => dataset.weights![r]!)),
        belowMinimumSize,
        items: figures.items.map((item, i) => {
          const base = whole.items[i]!;
          return {
            ...item,
            difference: {
              expectation: minus(item.expectation, base.expectation),
              perception: minus(item.perception, base.perception),
              gap: minus(item.gap, base.gap),
            },
          };
        }),
        dimensions: figures.dimensions.map((dimension, d) => {
          const base = whole.dimensions[d]!;
          return {
            ...dimension,
            difference: {
              expectation: minus(dimension.expectation, base.expectation),
              perception: minus(dimension.perception, base.perception),
              gap: minus(dimension.gap, base.gap),
            },
          };
        }),
        difference: {
          overallGap: minus(figures.overallGap, whole.overallGap),
          weightedGap: minus(figures.weightedGap, whole.weightedGap),
          servperf: minus(figures.servperf, whole.servperf),
          weightedServperf: minus(figures.weightedServperf, whole.weightedServperf),
        },
      };
    });
  }

  // The whole sample has a pair on every item (checked above), so every item has its figures.
  const items = whole.items as ServqualItem[];
  return {
    method: 'servqual',
    instrument: name,
    dimensionScore,
    weighted: dataset.weights !== null,
    n: whole.n,
    dropped: n - whole.n,
    items,
    dimensions: whole.dimensions,
    overallGap: whole.overallGap!,
    weightedGap: whole.weightedGap,
    servperf: whole.servperf!,
    weightedServperf: whole.weightedServperf,
    importance: whole.importance,
    ranking: [...items].sort((a, b) => a.rank - b.rank).map((item) => item.item),
    tests: whole.tests,
    zoneOfTolerance: whole.zoneOfTolerance,
    gap1: whole.gap1,
    reliability: whole.reliability,
    by: labels?.by ?? null,
    segments,
    missingSegment,
    minSegmentSize,
    warnings,
  };
}
