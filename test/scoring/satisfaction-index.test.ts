import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_BOOTSTRAP_SEED,
  DEFAULT_SATISFACTION_LEVELS,
  defineSurvey,
  quantile,
  type SatisfactionIndexResult,
  type SatisfactionIndexWeights,
  satisfactionIndex,
  standardDeviation,
} from '../../src/index.js';
import { Random } from '../../src/stats/random.js';
import { bankSample } from '../helpers/data.js';
import { expectClose } from '../helpers/expect-close.js';

// Reference values: R 4.2 (base R), test/fixtures/r/scoring.R — item means (mean, or weighted.mean
// over the answered values), scores 100 · (mean − min) / (max − min), contributions, the index,
// dimension weights, sub-indices and contributions, per-respondent indices (reweighted over answered
// items) and per-segment indices, on the bundled sample read as parseCsv reads it (missing codes "",
// "NA", 99; p_res4 and p_emp5 reversed as 6 − x; weights `weight`) and on a hand-checkable case.
//
// Tolerance: 1e-12 relative (these are means and weighted sums). Measured: item means, scores, weights,
// contributions, indices, segment indices and differences identical to R; sub-indices within 2.1e-16
// and per-respondent indices within 6.8e-16 relative.
const TOLERANCE = 1e-12;

interface ItemReference {
  readonly item: string;
  readonly n: number;
  readonly mean: number | null;
  readonly score: number | null;
  readonly weight?: number;
  readonly contribution?: number;
}
interface DimensionReference {
  readonly dimension: string;
  readonly weight?: number;
  readonly items?: string[];
  readonly index: number;
  readonly contribution?: number;
}
interface SegmentReference {
  readonly segment: string;
  readonly n: number;
  readonly dropped: number;
  readonly totalWeight: number;
  readonly index: number | null;
  readonly difference: number | null;
  readonly items: ItemReference[];
  readonly dimensions?: DimensionReference[];
}
interface CaseReference {
  readonly name: string;
  readonly itemIds: string[];
  readonly weighted: boolean;
  readonly itemWeights: number[];
  readonly dimensionWeights?: Record<string, number>;
  readonly withinWeights?: number[];
  readonly n: number;
  readonly dropped: number;
  readonly index: number;
  readonly items: ItemReference[];
  readonly dimensions?: DimensionReference[];
  readonly perRespondent: (number | null)[];
  readonly respondentsWithMissing: number;
  readonly respondentsWithoutAnswers: number;
  readonly segments: Record<string, SegmentReference[]>;
}
interface Fixture {
  readonly sample: Record<
    | 'twoLevelWeighted'
    | 'twoLevelUnweighted'
    | 'twoLevelWithin'
    | 'itemWeighted'
    | 'equalUnweighted'
    | 'mixedScales',
    CaseReference
  >;
  readonly hand: {
    readonly data: {
      columns: Record<string, (number | null)[]>;
      respondentWeights: number[];
      labels: (string | null)[];
      itemWeights: Record<string, number>;
      dimensions: Record<string, string[]>;
      scales: Record<string, { min: number; max: number }>;
    };
    readonly unweighted: CaseReference;
    readonly weighted: CaseReference;
  };
  readonly examples: {
    satisfactionIndex: number;
    overallScoreWeighted: number;
    overallScoreStandardError: number;
  };
}
const fixture = JSON.parse(
  readFileSync(new URL('../fixtures/r/scoring.json', import.meta.url), 'utf8'),
) as Fixture;

const sample = bankSample();
const perception = sample.items.filter((id) => id.startsWith('p_'));

function expectMatches(result: SatisfactionIndexResult, reference: CaseReference, segmentBy?: string): void {
  const label = reference.name;
  expect(result.items.map((item) => item.item)).toEqual(reference.itemIds);
  expect([result.n, result.dropped], `${label} n, dropped`).toEqual([reference.n, reference.dropped]);
  expect(result.weighted).toBe(reference.weighted);
  expectClose(result.index, reference.index, TOLERANCE, `${label} index`);
  result.items.forEach((actual, i) => {
    const expected = reference.items[i]!;
    const at = `${label} ${actual.item}`;
    expect(actual.n, `${at} n`).toBe(expected.n);
    expectClose(actual.weight, expected.weight!, TOLERANCE, `${at} weight`);
    expectClose(actual.mean, expected.mean!, TOLERANCE, `${at} mean`);
    expectClose(actual.score, expected.score!, TOLERANCE, `${at} score`);
    expectClose(actual.contribution, expected.contribution!, TOLERANCE, `${at} contribution`);
  });
  const dimensions = reference.dimensions ?? [];
  expect(result.dimensions.map((d) => d.dimension)).toEqual(dimensions.map((d) => d.dimension));
  result.dimensions.forEach((actual, k) => {
    const expected = dimensions[k]!;
    const at = `${label} ${actual.dimension}`;
    expect(actual.items).toEqual(expected.items);
    expectClose(actual.weight, expected.weight!, TOLERANCE, `${at} weight`);
    expectClose(actual.index!, expected.index, TOLERANCE, `${at} sub-index`);
    expectClose(actual.contribution, expected.contribution!, TOLERANCE, `${at} contribution`);
  });
  expect(result.perRespondent.length).toBe(reference.perRespondent.length);
  result.perRespondent.forEach((value, j) => {
    const expected = reference.perRespondent[j]!;
    if (expected === null) expect(value, `${label} respondent ${j}`).toBeNull();
    else expectClose(value!, expected, TOLERANCE, `${label} respondent ${j}`);
  });
  expect(result.respondentsWithMissing).toBe(reference.respondentsWithMissing);
  expect(result.respondentsWithoutAnswers).toBe(reference.respondentsWithoutAnswers);
  if (segmentBy !== undefined) {
    const segments = reference.segments[segmentBy]!;
    expect(result.segments!.map((s) => s.segment)).toEqual(segments.map((s) => s.segment));
    result.segments!.forEach((actual, k) => {
      const expected = segments[k]!;
      const at = `${label} ${segmentBy} = ${actual.segment}`;
      expect([actual.n, actual.dropped], `${at} n, dropped`).toEqual([expected.n, expected.dropped]);
      expectClose(actual.totalWeight, expected.totalWeight, TOLERANCE, `${at} total weight`);
      expectClose(actual.index!, expected.index!, TOLERANCE, `${at} index`);
      expectClose(actual.difference!, expected.difference!, TOLERANCE, `${at} difference`);
      actual.items.forEach((item, i) => {
        const e = expected.items[i]!;
        expect(item.item).toBe(e.item);
        expect(item.n, `${at} ${item.item} n`).toBe(e.n);
        expectClose(item.mean!, e.mean!, TOLERANCE, `${at} ${item.item} mean`);
        expectClose(item.score!, e.score!, TOLERANCE, `${at} ${item.item} score`);
      });
      actual.dimensions.forEach((dimension, d) => {
        const e = expected.dimensions![d]!;
        expect(dimension.dimension).toBe(e.dimension);
        expectClose(dimension.index!, e.index, TOLERANCE, `${at} ${dimension.dimension} sub-index`);
      });
    });
  }
}

/** The two-level weights of a fixture case as the options take them. */
function twoLevel(reference: CaseReference): SatisfactionIndexWeights {
  const dimensions = reference.dimensionWeights!;
  if (reference.withinWeights === undefined) return { dimensions };
  const items: Record<string, Record<string, number>> = {};
  reference.itemIds.forEach((item, i) => {
    const dimension = sample.item(item).dimension!;
    items[dimension] = { ...items[dimension], [item]: reference.withinWeights![i]! };
  });
  return { dimensions, items };
}

const noBootstrap = { bootstrap: false } as const;

describe('satisfactionIndex on the bundled sample against R', () => {
  const cases = fixture.sample;

  it('two-level weights (the model’s driver weights, equal within), survey weights, by channel and branch', () => {
    const reference = cases.twoLevelWeighted;
    const options = { items: perception, weights: twoLevel(reference), ...noBootstrap };
    const result = satisfactionIndex(sample, { ...options, by: 'channel' });
    expect(result.method).toBe('satisfaction-index');
    expect(result.weighting).toBe('dimension');
    expect(result.missing).toBe('available-case');
    expectMatches(result, reference, 'channel');
    expectMatches(satisfactionIndex(sample, { ...options, by: 'branch' }), reference, 'branch');
  });

  it('two-level weights, unweighted (respondentWeights: false), by channel and branch', () => {
    const reference = cases.twoLevelUnweighted;
    const options = {
      items: perception,
      weights: twoLevel(reference),
      respondentWeights: false,
      ...noBootstrap,
    } as const;
    expectMatches(satisfactionIndex(sample, { ...options, by: 'channel' }), reference, 'channel');
    expectMatches(satisfactionIndex(sample, { ...options, by: 'branch' }), reference, 'branch');
  });

  it('two-level weights with unequal weights within each dimension', () => {
    const reference = cases.twoLevelWithin;
    // Without `items`: the items are those the within weights name.
    const result = satisfactionIndex(sample, { weights: twoLevel(reference), by: 'channel', ...noBootstrap });
    expectMatches(result, reference, 'channel');
  });

  it('item weights (the perception loadings), dimensions from the survey, by branch', () => {
    const reference = cases.itemWeighted;
    const weights = Object.fromEntries(reference.itemIds.map((item, i) => [item, reference.itemWeights[i]!]));
    const result = satisfactionIndex(sample, { weights, by: 'branch', ...noBootstrap });
    expect(result.weighting).toBe('item');
    expectMatches(result, reference, 'branch');
  });

  it('equal weights, unweighted', () => {
    const reference = cases.equalUnweighted;
    const result = satisfactionIndex(sample, {
      items: perception,
      respondentWeights: false,
      by: 'channel',
      ...noBootstrap,
    });
    expect(result.weighting).toBe('equal');
    expectMatches(result, reference, 'channel');
  });

  it('items on different scales (1–5 and 0–10) with weights in item order, no dimension table', () => {
    const reference = cases.mixedScales;
    const result = satisfactionIndex(sample, {
      items: reference.itemIds,
      weights: [0.3, 0.2, 0.25, 0.25],
      by: 'channel',
      ...noBootstrap,
    });
    expect(result.items.map((item) => [item.min, item.max])).toEqual([
      [1, 5],
      [1, 5],
      [1, 5],
      [0, 10],
    ]);
    expect(result.dimensions).toEqual([]);
    expect(result.items.every((item) => item.dimension === null)).toBe(true);
    expectMatches(result, reference, 'channel');
  });

  it('carries item text and dimension from the survey definition', () => {
    const result = satisfactionIndex(sample, { items: ['p_res4', 'p_emp1'], ...noBootstrap });
    expect(result.items[0]!.text).toBe(sample.item('p_res4').text);
    expect(result.items.map((item) => item.dimension)).toEqual(['responsiveness', 'empathy']);
    expect(result.dimensions.map((d) => [d.dimension, d.items])).toEqual([
      ['responsiveness', ['p_res4']],
      ['empathy', ['p_emp1']],
    ]);
  });
});

describe('satisfactionIndex on the hand-checkable case', () => {
  const data = fixture.hand.data;
  const options = {
    scale: data.scales,
    weights: data.itemWeights,
    dimensions: data.dimensions,
    by: data.labels,
    bootstrap: false,
  } as const;

  it('unweighted: 61.25; dimensions 57.8125 and 75; respondents 70 and 62 (by hand and in R)', () => {
    const result = satisfactionIndex(data.columns, options);
    expect(result.index).toBe(61.25);
    expect(result.dimensions.map((d) => d.index)).toEqual([57.8125, 75]);
    expect(result.perRespondent[0]).toBe(70);
    expect(result.perRespondent[3]).toBe(62);
    expect(result.perRespondent[6]).toBeNull();
    expect([result.n, result.dropped, result.respondentsWithoutAnswers]).toEqual([6, 1, 1]);
    expectMatches(result, fixture.hand.unweighted, 'labels');
    expect(result.by).toBeNull();
    expect(result.missingSegment).toBe(1);
  });

  it('with respondent weights', () => {
    const result = satisfactionIndex(data.columns, { ...options, respondentWeights: data.respondentWeights });
    expect(result.weighted).toBe(true);
    expectMatches(result, fixture.hand.weighted, 'labels');
    // Respondent weights do not enter the per-respondent indices.
    expect(result.perRespondent).toEqual(satisfactionIndex(data.columns, options).perRespondent);
  });

  it('rows with `columns` give the same result as the columns object', () => {
    const names = Object.keys(data.columns);
    const rows = data.columns.q1!.map((_, r) => names.map((name) => data.columns[name]![r] ?? Number.NaN));
    expect(satisfactionIndex(rows, { ...options, columns: names })).toEqual(
      satisfactionIndex(data.columns, options),
    );
  });

  it('documented example: q1 = [5, 4, 3], q2 = [2, 3, 4] on 1–5 with weights 0.6 and 0.4 give 65', () => {
    // Source: R 0.6 · 100 · (4 − 1) / 4 + 0.4 · 100 · (3 − 1) / 4 (scoring.R, examples).
    const index = satisfactionIndex(
      { q1: [5, 4, 3], q2: [2, 3, 4] },
      { scale: { min: 1, max: 5 }, weights: { q1: 0.6, q2: 0.4 } },
    ).index;
    expect(index).toBe(65);
    expect(index).toBe(fixture.examples.satisfactionIndex);
  });
});

describe('weights in every accepted form', () => {
  const reference = fixture.sample.itemWeighted;
  const items = reference.itemIds;
  const values = reference.itemWeights;
  const base = { items, ...noBootstrap };
  const expected = satisfactionIndex(sample, { ...base, weights: values });

  it('item order, record, AHP-style { weights, labels } and { weights: record } give the same index', () => {
    const record = Object.fromEntries(items.map((item, i) => [item, values[i]!]));
    const reversed = Object.fromEntries([...items].reverse().map((item) => [item, record[item]!]));
    // An analysis result carries other fields too; they are ignored.
    const ahpResult = { weights: values, labels: items, lambdaMax: 22.4, consistencyRatio: 0.01 };
    const forms: SatisfactionIndexWeights[] = [
      record,
      reversed,
      ahpResult,
      { weights: [...values].reverse(), labels: [...items].reverse() },
      { weights: values },
      { weights: record },
    ];
    for (const weights of forms) {
      const result = satisfactionIndex(sample, { ...base, weights });
      expect(result.index).toBe(expected.index);
      expect(result.items.map((item) => item.weight)).toEqual(expected.items.map((item) => item.weight));
    }
    expect(satisfactionIndex(sample, { ...base, weights: record }).weighting).toBe('item');
    expect(
      satisfactionIndex(sample, { ...base, weights: { weights: values, labels: items } }).weighting,
    ).toBe('analysis');
  });

  it('relative-importance shares ({ drivers: { driver, share }[] }) name the items', () => {
    const drivers = items.map((driver, i) => ({
      driver,
      share: values[i]!,
      importance: values[i]! * 0.6,
      rank: 0,
    }));
    const relativeImportanceResult = { method: 'shapley', rSquared: 0.6, drivers };
    const result = satisfactionIndex(sample, { weights: relativeImportanceResult, ...noBootstrap });
    expect(result.weighting).toBe('analysis');
    expect(result.items.map((item) => item.item)).toEqual(items);
    expect(result.index).toBe(expected.index);
  });

  it('two-level weights with equal within weights equal the product item weights', () => {
    const twoLevelRef = fixture.sample.twoLevelWeighted;
    const fromDimensions = satisfactionIndex(sample, {
      items: perception,
      weights: twoLevel(twoLevelRef),
      ...noBootstrap,
    });
    const fromItems = satisfactionIndex(sample, {
      items: perception,
      weights: twoLevelRef.itemWeights,
      ...noBootstrap,
    });
    expectClose(fromDimensions.index, fromItems.index, 1e-14, 'index');
    fromDimensions.items.forEach((item, i) => {
      expectClose(item.weight, fromItems.items[i]!.weight, 1e-15, item.item);
    });
    // The within weights are the item weights over their dimension's weight.
    expect(fromDimensions.dimensions.map((d) => d.weight)).toEqual(
      fromDimensions.dimensions.map((d) => twoLevelRef.dimensionWeights![d.dimension]),
    );
  });

  it('without `items`, the items are those the weights or the dimensions name, else every column', () => {
    const columns = { a: [1, 2, 3], b: [3, 3, 3], c: [5, 5, 1] };
    const scale = { min: 1, max: 5 };
    expect(
      satisfactionIndex(columns, { scale, weights: { c: 0.5, a: 0.5 } }).items.map((i) => i.item),
    ).toEqual(['c', 'a']);
    expect(
      satisfactionIndex(columns, { scale, dimensions: { X: ['b'], Y: ['a'] } }).items.map((i) => i.item),
    ).toEqual(['b', 'a']);
    expect(satisfactionIndex(columns, { scale }).items.map((i) => i.item)).toEqual(['a', 'b', 'c']);
  });

  it('normalize: true rescales weights that do not sum to 1 and warns with the original sum', () => {
    const columns = { a: [1, 5], b: [3, 3] };
    const scale = { min: 1, max: 5 };
    const result = satisfactionIndex(columns, { scale, weights: { a: 3, b: 1 }, normalize: true });
    expect(result.items.map((item) => item.weight)).toEqual([0.75, 0.25]);
    expect(result.warnings).toEqual(['satisfactionIndex: weights summed to 4; rescaled to sum to 1']);
    const twoLevelResult = satisfactionIndex(columns, {
      scale,
      weights: { dimensions: { X: 0.5, Y: 0.45 } },
      dimensions: { X: ['a'], Y: ['b'] },
      normalize: true,
    });
    expect(twoLevelResult.warnings).toEqual([
      'satisfactionIndex: dimension weights summed to 0.95; rescaled to sum to 1',
    ]);
    expectClose(
      twoLevelResult.items.reduce((s, item) => s + item.weight, 0),
      1,
      1e-15,
      'Σ weights after normalize',
    );
    // Weights within 1e-9 of 1 are accepted (and divided by their sum) without a warning.
    const third = 0.333333333333;
    const close = satisfactionIndex({ a: [1], b: [2], c: [3] }, { scale, weights: [third, third, third] });
    expect(close.warnings).toEqual([]);
    expectClose(close.items[0]!.weight, 1 / 3, 1e-15, 'rescaled third');
  });
});

describe('invariants', () => {
  const scale = { a: { min: 1, max: 5 }, b: { min: 0, max: 10 }, c: { min: 1, max: 7 } };
  const weights = { a: 0.2, b: 0.5, c: 0.3 };
  const respondentWeights = [0.7, 1.3, 2.1, 0.4];

  it('every answer at the top of its scale gives 100, at the bottom 0 (any weights, missing answers)', () => {
    const top = { a: [5, 5, Number.NaN, 5], b: [10, 10, 10, Number.NaN], c: [7, Number.NaN, 7, 7] };
    const bottom = { a: [1, 1, Number.NaN, 1], b: [0, 0, 0, Number.NaN], c: [1, Number.NaN, 1, 1] };
    for (const options of [{}, { respondentWeights }]) {
      const high = satisfactionIndex(top, { scale, weights, ...options });
      expectClose(high.index, 100, 1e-14, 'all at the top');
      expect(high.level).toBe('very satisfied');
      for (const value of high.perRespondent) expectClose(value!, 100, 1e-14, 'respondent at the top');
      const low = satisfactionIndex(bottom, { scale, weights, ...options });
      expectClose(low.index, 0, 1e-14, 'all at the bottom');
      expect(low.level).toBe('dissatisfied');
      for (const value of low.perRespondent) expectClose(value!, 0, 1e-14, 'respondent at the bottom');
    }
    const sampleTop = satisfactionIndex(
      Object.fromEntries(perception.map((id) => [id, new Array(20).fill(5)])),
      {
        scale: { min: 1, max: 5 },
        weights: twoLevel(fixture.sample.twoLevelWeighted),
        dimensions: Object.fromEntries(
          ['tangibles', 'reliability', 'responsiveness', 'assurance', 'empathy'].map((d) => [
            d,
            sample.dimension(d).filter((id) => id.startsWith('p_')),
          ]),
        ),
      },
    );
    expectClose(sampleTop.index, 100, 1e-14, 'two-level, all at the top');
  });

  it('equal weights: the index is the mean of the item scores; sums of weights and contributions', () => {
    for (const options of [
      { items: perception },
      { items: perception, respondentWeights: false as const },
      { weights: twoLevel(fixture.sample.twoLevelWithin) },
      { items: fixture.sample.mixedScales.itemIds, weights: [0.3, 0.2, 0.25, 0.25] },
    ]) {
      const result = satisfactionIndex(sample, { ...options, ...noBootstrap });
      const scores = result.items.map((item) => item.score);
      if (options.weights === undefined) {
        expectClose(result.index, scores.reduce((a, b) => a + b, 0) / scores.length, 1e-14, 'mean of scores');
      }
      expectClose(
        result.items.reduce((s, item) => s + item.weight, 0),
        1,
        1e-15,
        'Σ item weights',
      );
      expectClose(
        result.items.reduce((s, item) => s + item.contribution, 0),
        result.index,
        1e-14,
        'Σ contributions',
      );
      if (result.dimensions.length > 0) {
        expectClose(
          result.dimensions.reduce((s, d) => s + d.weight, 0),
          1,
          1e-15,
          'Σ dimension weights',
        );
        expectClose(
          result.dimensions.reduce((s, d) => s + d.contribution, 0),
          result.index,
          1e-14,
          'Σ dimension contributions',
        );
        for (const d of result.dimensions)
          expectClose(d.contribution, d.weight * d.index!, 1e-14, d.dimension);
      }
      for (const item of result.items) expect(item.score).toBeGreaterThanOrEqual(0);
    }
  });

  it('without missing answers the (weighted) mean of the per-respondent indices is the index; with missing answers it differs', () => {
    const complete = { a: [1, 4, 5, 2], b: [3, 10, 0, 7], c: [7, 2, 5, 4] };
    const result = satisfactionIndex(complete, { scale, weights, respondentWeights });
    const per = result.perRespondent as number[];
    const weightedMean =
      per.reduce((s, v, j) => s + v * respondentWeights[j]!, 0) /
      respondentWeights.reduce((a, b) => a + b, 0);
    expectClose(weightedMean, result.index, 1e-14, 'weighted mean of per-respondent indices');
    expect(result.respondentsWithMissing).toBe(0);

    // The sample has missing answers: the two differ (by 0.03 points on the unweighted two-level index).
    const sampleResult = satisfactionIndex(sample, {
      items: perception,
      weights: twoLevel(fixture.sample.twoLevelUnweighted),
      respondentWeights: false,
      ...noBootstrap,
    });
    const values = sampleResult.perRespondent.filter((v): v is number => v !== null);
    const meanPer = values.reduce((a, b) => a + b, 0) / values.length;
    expect(Math.abs(meanPer - sampleResult.index)).toBeGreaterThan(1e-6);
    expect(sampleResult.respondentsWithMissing).toBe(
      fixture.sample.twoLevelUnweighted.respondentsWithMissing,
    );
  });

  it('a dimension whose items all have weight 0 has weight 0 and, without within weights, a null sub-index', () => {
    const data = { a: [1, 5, 3], b: [2, 2, 4], c: [5, 5, 5] };
    const scale = { min: 1, max: 5 };
    const dimensions = { X: ['a', 'c'], Y: ['b'] };
    const result = satisfactionIndex(data, { scale, dimensions, weights: { a: 0.5, c: 0.5, b: 0 } });
    expect(result.dimensions[1]).toEqual({
      dimension: 'Y',
      weight: 0,
      items: ['b'],
      index: null,
      contribution: 0,
      level: null,
    });
    expect(result.warnings).toEqual([
      'satisfactionIndex: dimension "Y" has weight 0 and no within-dimension weights; its sub-index is null',
    ]);
    expect(result.index).toBe(75);
    // Two-level weights keep the within-dimension weights, so the sub-index exists.
    const twoLevelResult = satisfactionIndex(data, {
      scale,
      dimensions,
      weights: { dimensions: { X: 1, Y: 0 } },
    });
    // b: mean 8/3 on 1–5, score 100 · (8/3 − 1) / 4 = 125/3.
    expectClose(twoLevelResult.dimensions[1]!.index!, 125 / 3, 1e-15, 'sub-index of Y');
    expect(twoLevelResult.warnings).toEqual([]);
  });

  it('results are plain JSON: they survive a JSON round trip', () => {
    const result = satisfactionIndex(fixture.hand.data.columns, {
      scale: fixture.hand.data.scales,
      weights: fixture.hand.data.itemWeights,
      by: fixture.hand.data.labels,
      minSegmentSize: 2,
      bootstrap: { resamples: 200 },
    });
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
    const sampleResult = satisfactionIndex(sample, {
      items: perception,
      by: 'channel',
      bootstrap: { resamples: 100 },
    });
    expect(JSON.parse(JSON.stringify(sampleResult))).toEqual(sampleResult);
  });
});

describe('segments and the bootstrap', () => {
  const base = { items: perception, weights: twoLevel(fixture.sample.twoLevelWeighted) };

  it('the bootstrap runs by default with `by`, with the stated defaults, and is deterministic', () => {
    const result = satisfactionIndex(sample, { ...base, by: 'channel' });
    expect(result.bootstrap).toEqual({
      method: 'percentile',
      resamples: 2000,
      seed: DEFAULT_BOOTSTRAP_SEED,
      confidenceLevel: 0.95,
    });
    expect(result.minSegmentSize).toBe(30);
    expect(satisfactionIndex(sample, { ...base, by: 'channel' })).toEqual(result);
    const other = satisfactionIndex(sample, { ...base, by: 'channel', bootstrap: { seed: 7 } });
    expect(other.confidenceInterval).not.toEqual(result.confidenceInterval);
    expect(other.index).toBe(result.index);
    // Off without `by`, on with `bootstrap: true`, off with `false`.
    expect(satisfactionIndex(sample, base).bootstrap).toBeNull();
    expect(satisfactionIndex(sample, base).confidenceInterval).toBeNull();
    expect(satisfactionIndex(sample, { ...base, bootstrap: true }).confidenceInterval).toEqual(
      result.confidenceInterval,
    );
    const off = satisfactionIndex(sample, { ...base, by: 'channel', bootstrap: false });
    expect(off.segments!.every((s) => s.confidenceInterval === null && s.standardError === null)).toBe(true);
  });

  it('intervals contain the estimates; segment differences are to the overall index', () => {
    const result = satisfactionIndex(sample, { ...base, by: 'branch' });
    const [lower, upper] = result.confidenceInterval!;
    expect(lower).toBeLessThan(result.index);
    expect(upper).toBeGreaterThan(result.index);
    for (const segment of result.segments!) {
      const [l, u] = segment.confidenceInterval!;
      expect(l).toBeLessThan(segment.index!);
      expect(u).toBeGreaterThan(segment.index!);
      expect(segment.difference).toBe(segment.index! - result.index);
      expect(segment.discardedResamples).toBe(0);
      expect(segment.belowMinimumSize).toBe(false);
      expect(segment.level).toBe(
        DEFAULT_SATISFACTION_LEVELS.find((band) => segment.index! >= band.min)!.label,
      );
    }
    expect(result.missingSegment).toBe(0);
    expect(result.warnings).toEqual([]);
  });

  it('replicates are a hand-rolled resampling with the same generator (seed, then seed + k per segment)', () => {
    const resamples = 300;
    const seed = 99;
    const result = satisfactionIndex(sample, {
      ...base,
      by: 'channel',
      bootstrap: { resamples, seed, confidenceLevel: 0.9 },
    });
    const weights = result.items.map((item) => item.weight);
    const columns = perception.map((id) => sample.column(id));
    const respondentWeights = sample.weights!;
    /** Resample `rows` with Random(seedValue): draw rows.length indices, weighted item means, the index. */
    const handRolled = (rows: number[], seedValue: number) => {
      const random = new Random(seedValue);
      const replicates: number[] = [];
      for (let b = 0; b < resamples; b++) {
        const numerator = new Array<number>(columns.length).fill(0);
        const denominator = new Array<number>(columns.length).fill(0);
        for (let k = 0; k < rows.length; k++) {
          const r = rows[random.index(rows.length)]!;
          columns.forEach((column, i) => {
            if (!Number.isNaN(column[r]!)) {
              numerator[i]! += respondentWeights[r]! * column[r]!;
              denominator[i]! += respondentWeights[r]!;
            }
          });
        }
        replicates.push(
          weights.reduce((s, w, i) => s + (w * 100 * (numerator[i]! / denominator[i]! - 1)) / 4, 0),
        );
      }
      return {
        standardError: standardDeviation(replicates),
        confidenceInterval: [quantile(replicates, 0.05), quantile(replicates, 0.95)],
      };
    };
    const everyone = Array.from({ length: sample.n }, (_, r) => r);
    const overall = handRolled(everyone, seed);
    expectClose(result.standardError!, overall.standardError, 1e-12, 'overall standard error');
    expectClose(result.confidenceInterval![0], overall.confidenceInterval[0]!, 1e-12, 'overall lower');
    expectClose(result.confidenceInterval![1], overall.confidenceInterval[1]!, 1e-12, 'overall upper');
    const channel = sample.segment('channel');
    result.segments!.forEach((segment, k) => {
      const rows = everyone.filter((r) => channel[r] === segment.segment);
      const expected = handRolled(rows, seed + k + 1);
      expectClose(segment.standardError!, expected.standardError, 1e-12, `${segment.segment} standard error`);
      expectClose(
        segment.confidenceInterval![0],
        expected.confidenceInterval[0]!,
        1e-12,
        `${segment.segment} lower`,
      );
      expectClose(
        segment.confidenceInterval![1],
        expected.confidenceInterval[1]!,
        1e-12,
        `${segment.segment} upper`,
      );
    });
  });

  it('the bootstrap standard error of a one-item index is close to the analytic standard error of a weighted mean', () => {
    // Analytic: the linearisation standard error of a weighted mean, √(n/(n − 1) · Σw²(x − x̄w)²) / Σw,
    // times 100 / (max − min) (R, scoring.R). The bootstrap estimates the same quantity without the
    // n/(n − 1) factor (0.08 % here); with 4000 resamples its Monte Carlo error is about 1/√(2 · 4000)
    // ≈ 1.1 %, so 10 % is a generous bound. Measured: 0.03 % above (1.06531 against 1.06495).
    const result = satisfactionIndex(sample, { items: ['overall'], bootstrap: { resamples: 4000 } });
    expectClose(result.index, fixture.examples.overallScoreWeighted, TOLERANCE, 'overall score');
    const ratio = result.standardError! / fixture.examples.overallScoreStandardError;
    expect(Math.abs(ratio - 1)).toBeLessThan(0.1);
  });

  it('a segment below minSegmentSize is reported with its index, without an interval, and warned about', () => {
    const result = satisfactionIndex(sample, {
      ...base,
      by: 'channel',
      minSegmentSize: 200,
      bootstrap: { resamples: 100 },
    });
    const small = result.segments!.filter((s) => s.belowMinimumSize);
    expect(small.length).toBeGreaterThan(0);
    for (const segment of small) {
      expect(segment.index).not.toBeNull();
      expect(segment.confidenceInterval).toBeNull();
      expect(segment.standardError).toBeNull();
      expect(result.warnings).toContain(
        `satisfactionIndex: segment ${JSON.stringify(segment.segment)} has ${segment.n} respondents, fewer than minSegmentSize (200); no confidence interval`,
      );
    }
    expect(
      result.segments!.filter((s) => !s.belowMinimumSize).every((s) => s.confidenceInterval !== null),
    ).toBe(true);
  });

  it('an empty declared segment is reported with n 0 and a null index; missing segment values are counted', () => {
    const survey = defineSurvey({
      scale: { min: 1, max: 5 },
      items: [{ id: 'q1' }, { id: 'q2' }],
      segments: [{ id: 'channel', levels: ['branch', 'online', 'fax'] }],
    });
    const rows = Array.from({ length: 40 }, (_, r) => ({
      q1: 1 + (r % 5),
      q2: 1 + ((r * 3) % 5),
      channel: r === 39 ? '' : r % 2 === 0 ? 'branch' : 'online',
    }));
    const result = satisfactionIndex(survey.parse(rows), {
      by: 'channel',
      minSegmentSize: 10,
      bootstrap: { resamples: 200 },
    });
    expect(result.segments!.map((s) => [s.segment, s.n])).toEqual([
      ['branch', 20],
      ['online', 19],
      ['fax', 0],
    ]);
    const fax = result.segments![2]!;
    expect([fax.index, fax.level, fax.difference, fax.confidenceInterval, fax.belowMinimumSize]).toEqual([
      null,
      null,
      null,
      null,
      true,
    ]);
    expect(fax.items.map((item) => [item.n, item.mean, item.score])).toEqual([
      [0, null, null],
      [0, null, null],
    ]);
    expect(result.missingSegment).toBe(1);
    expect(result.warnings).toEqual([
      'satisfactionIndex: 1 respondent has no "channel" value and is in no segment (the overall index includes them)',
      'satisfactionIndex: segment "fax" has no respondents',
    ]);
  });

  it('resamples in which an item has no answers are discarded, counted and warned about', () => {
    // q2 has one answer among 40 respondents: about (39/40)^40 ≈ 36 % of resamples miss it.
    const q2 = new Array<number>(40).fill(Number.NaN);
    q2[7] = 4;
    const data = { q1: Array.from({ length: 40 }, (_, r) => 1 + (r % 5)), q2 };
    const result = satisfactionIndex(data, { scale: { min: 1, max: 5 }, bootstrap: { resamples: 1000 } });
    expect(result.discardedResamples).toBeGreaterThan(300);
    expect(result.discardedResamples).toBeLessThan(430);
    expect(result.warnings).toEqual([
      `satisfactionIndex: ${result.discardedResamples} of 1000 bootstrap resamples of the overall index left an item without answers and were discarded`,
    ]);
    expect(result.confidenceInterval).not.toBeNull();
    // An item with weight 0 does not cause discards.
    const weightless = satisfactionIndex(data, {
      scale: { min: 1, max: 5 },
      weights: [1, 0],
      bootstrap: { resamples: 200 },
    });
    expect(weightless.discardedResamples).toBe(0);
  });

  it('a segment without answers to a weighted item has a null index and a warning', () => {
    const data = { q1: [1, 2, 3, 4, 5, 3], q2: [2, 2, Number.NaN, Number.NaN, 4, 5] };
    const result = satisfactionIndex(data, {
      scale: { min: 1, max: 5 },
      by: ['a', 'a', 'b', 'b', 'c', 'c'],
      minSegmentSize: 1,
      bootstrap: { resamples: 50 },
    });
    const b = result.segments![1]!;
    expect([b.segment, b.n, b.index, b.confidenceInterval]).toEqual(['b', 2, null, null]);
    expect(b.items[0]!.score).toBe(62.5);
    expect(result.warnings).toContain(
      'satisfactionIndex: segment "b" has no answers to "q2"; its index is null',
    );
  });
});

describe('satisfaction levels in the result', () => {
  it('labels the index, each item, each dimension and each segment; custom bands in any order', () => {
    const result = satisfactionIndex(sample, { items: perception, by: 'channel', bootstrap: false });
    expect(result.levels).toEqual(DEFAULT_SATISFACTION_LEVELS);
    expect(result.level).toBe('neutral');
    expect(result.items.every((item) => typeof item.level === 'string')).toBe(true);
    const custom = satisfactionIndex(sample, {
      items: perception,
      bootstrap: false,
      levels: [
        { min: 0, label: 'low' },
        { min: 70, label: 'high' },
      ],
    });
    expect(custom.levels).toEqual([
      { min: 70, label: 'high' },
      { min: 0, label: 'low' },
    ]);
    for (const item of custom.items) expect(item.level).toBe(item.score >= 70 ? 'high' : 'low');
    for (const d of custom.dimensions) expect(d.level).toBe(d.index! >= 70 ? 'high' : 'low');
  });
});

describe('satisfactionIndex errors', () => {
  const columns = { a: [1, 2, 3], b: [2, 3, 4] };
  const scale = { min: 1, max: 5 };

  it('weights that do not sum to 1, negative, unknown or missing', () => {
    expect(() => satisfactionIndex(columns, { scale, weights: { a: 0.5, b: 0.45 } })).toThrow(
      new RangeError('satisfactionIndex: weights must sum to 1; got 0.95 (use normalize: true to rescale)'),
    );
    expect(() => satisfactionIndex(columns, { scale, weights: { a: 1.1, b: -0.1 } })).toThrow(
      new RangeError('satisfactionIndex: weights must be non-negative and finite; got -0.1 for "b"'),
    );
    expect(() => satisfactionIndex(columns, { scale, weights: [0.5, Number.NaN] })).toThrow(
      new RangeError('satisfactionIndex: weights must be non-negative and finite; got NaN for "b"'),
    );
    expect(() =>
      satisfactionIndex(columns, { scale, items: ['a', 'b'], weights: { a: 0.5, b: 0.3, c: 0.2 } }),
    ).toThrow(
      new RangeError(
        'satisfactionIndex: weights name an item that is not analysed; got "c" (items are a, b)',
      ),
    );
    expect(() => satisfactionIndex(columns, { scale, items: ['a', 'b'], weights: { a: 1 } })).toThrow(
      new RangeError('satisfactionIndex: weights must give a weight for every item; got none for "b"'),
    );
    expect(() =>
      satisfactionIndex(columns, { scale, weights: { weights: [0.5, 0.5], labels: ['a', 'a'] } }),
    ).toThrow(new RangeError('satisfactionIndex: weights name item "a" twice'));
    expect(() => satisfactionIndex(columns, { scale, weights: [1] })).toThrow(
      new RangeError('satisfactionIndex: weights must have one value per item (2); got 1'),
    );
    expect(() => satisfactionIndex(columns, { scale, weights: { a: 0, b: 0 }, normalize: true })).toThrow(
      new RangeError('satisfactionIndex: weights must not all be zero; got a sum of 0'),
    );
    expect(() => satisfactionIndex(columns, { scale, weights: 'importance' as never })).toThrow(TypeError);
    // Without `items`, a weight for an item that is not in the data is an unknown item.
    expect(() => satisfactionIndex(columns, { scale, weights: { a: 0.5, z: 0.5 } })).toThrow(
      /^satisfactionIndex: unknown item "z"; available are a, b$/,
    );
  });

  it('two-level weights: dimension sums, dimensions without weights, within-dimension weights', () => {
    const dimensions = { X: ['a'], Y: ['b'] };
    expect(() =>
      satisfactionIndex(columns, { scale, dimensions, weights: { dimensions: { X: 0.5, Y: 0.4 } } }),
    ).toThrow(
      new RangeError(
        'satisfactionIndex: dimension weights must sum to 1; got 0.9 (use normalize: true to rescale)',
      ),
    );
    expect(() =>
      satisfactionIndex(columns, { scale, dimensions, weights: { dimensions: { X: 1 } } }),
    ).toThrow(
      new RangeError(
        'satisfactionIndex: dimension weights must give a weight for every dimension; got none for "Y"',
      ),
    );
    expect(() =>
      satisfactionIndex(columns, { scale, dimensions, weights: { dimensions: { X: 0.5, Y: 0.5, Z: 0 } } }),
    ).toThrow(
      new RangeError(
        'satisfactionIndex: dimension weights name a dimension with no analysed items; got "Z" (dimensions are X, Y)',
      ),
    );
    expect(() =>
      satisfactionIndex(
        { a: [1], b: [2], c: [3] },
        { scale, weights: { dimensions: { X: 0.5, Y: 0.5 }, items: { X: { a: 0.7, b: 0.2 }, Y: { c: 1 } } } },
      ),
    ).toThrow(
      new RangeError(
        'satisfactionIndex: item weights within dimension "X" must sum to 1; got 0.9 (use normalize: true to rescale)',
      ),
    );
    expect(() =>
      satisfactionIndex(columns, {
        scale,
        dimensions,
        weights: { dimensions: { X: 0.5, Y: 0.5 }, items: { X: { b: 1 } } },
      }),
    ).toThrow(
      new RangeError(
        'satisfactionIndex: item weights within dimension "X" name an item outside it; got "b" (items are a)',
      ),
    );
    expect(() => satisfactionIndex(columns, { scale, weights: { dimensions: { X: 1 } } })).toThrow(
      new RangeError(
        'satisfactionIndex: two-level weights need every item in a dimension; got none for "a" (give options.dimensions or weights.items for every dimension)',
      ),
    );
  });

  it('dimensions: an item in two dimensions, an item not analysed, an item in none', () => {
    expect(() => satisfactionIndex(columns, { scale, dimensions: { X: ['a', 'b'], Y: ['b'] } })).toThrow(
      new RangeError('satisfactionIndex: each item must be in one dimension; got "b" in "X" and "Y"'),
    );
    expect(() =>
      satisfactionIndex(columns, { scale, items: ['a', 'b'], dimensions: { X: ['a', 'b', 'c'] } }),
    ).toThrow(
      new RangeError(
        'satisfactionIndex: dimension "X" names an item that is not analysed; got "c" (items are a, b)',
      ),
    );
    expect(() => satisfactionIndex(columns, { scale, items: ['a', 'b'], dimensions: { X: ['a'] } })).toThrow(
      new RangeError(
        'satisfactionIndex: every item must be in a dimension of options.dimensions; got none for "b"',
      ),
    );
    expect(() => satisfactionIndex(columns, { scale, dimensions: { X: [] } })).toThrow(
      new RangeError('satisfactionIndex: dimension "X" has no items'),
    );
  });

  it('scales: an item without one, an answer off its scale, a scale that contradicts the survey', () => {
    expect(() => satisfactionIndex(columns)).toThrow(
      new RangeError(
        'satisfactionIndex: item "a" has no scale; give options.scale as { min, max } or one per item',
      ),
    );
    expect(() => satisfactionIndex(columns, { scale: { a: scale } })).toThrow(
      new RangeError(
        'satisfactionIndex: item "b" has no scale; give options.scale as { min, max } or one per item',
      ),
    );
    expect(() => satisfactionIndex({ a: [1, Number.NaN, 7] }, { scale })).toThrow(
      new RangeError(
        'satisfactionIndex: answers of "a" must be whole points of the scale 1–5; got 7 at index 2',
      ),
    );
    expect(() => satisfactionIndex({ a: [1, 2.5] }, { scale })).toThrow(
      new RangeError(
        'satisfactionIndex: answers of "a" must be whole points of the scale 1–5; got 2.5 at index 1',
      ),
    );
    // Continuous scales accept any value within the bounds.
    expect(satisfactionIndex({ a: [0.5, 2.5] }, { scale: { min: 0, max: 10, integer: false } }).index).toBe(
      15,
    );
    expect(() => satisfactionIndex({ a: [1] }, { scale: { min: 5, max: 5 } })).toThrow(
      new RangeError(
        'satisfactionIndex: scale of "a" must have finite bounds with max greater than min; got 5–5',
      ),
    );
    expect(() => satisfactionIndex(sample, { items: ['p_tan1'], scale: { min: 0, max: 10 } })).toThrow(
      new RangeError(
        'satisfactionIndex: the scale of "p_tan1" is 1–5 in the survey definition; got 0–10 in options.scale',
      ),
    );
    expect(() => satisfactionIndex({ a: [Number.NaN, Number.NaN], b: [1, 2] }, { scale })).toThrow(
      new RangeError('satisfactionIndex: item "a" has no answers; leave it out of items'),
    );
  });

  it('segments and bootstrap options', () => {
    expect(() => satisfactionIndex(columns, { scale, by: ['x', 'y'] })).toThrow(
      new RangeError('satisfactionIndex: by must have one label per respondent (3); got 2'),
    );
    expect(() => satisfactionIndex(columns, { scale, by: 'channel' })).toThrow(
      new TypeError(
        'satisfactionIndex: by names a segment column of Responses; got "channel" with plain data (give one label per respondent)',
      ),
    );
    expect(() => satisfactionIndex(sample, { items: perception, by: 'region' })).toThrow(
      new RangeError(
        'satisfactionIndex: unknown segment "region"; segments are branch, channel, customer_type',
      ),
    );
    expect(() => satisfactionIndex(columns, { scale, bootstrap: { resamples: 1 } })).toThrow(
      new RangeError('satisfactionIndex: bootstrap.resamples must be an integer of at least 2; got 1'),
    );
    expect(() => satisfactionIndex(columns, { scale, bootstrap: { seed: -1 } })).toThrow(
      new RangeError('satisfactionIndex: bootstrap.seed must be an integer from 0 to 4294967295; got -1'),
    );
    expect(() => satisfactionIndex(columns, { scale, bootstrap: { confidenceLevel: 95 } })).toThrow(
      new RangeError('satisfactionIndex: bootstrap.confidenceLevel must be within (0, 1); got 95'),
    );
    expect(() => satisfactionIndex(columns, { scale, minSegmentSize: -1 })).toThrow(
      new RangeError('satisfactionIndex: minSegmentSize must be a non-negative integer; got -1'),
    );
  });

  it('levels: empty, repeated bounds or labels, no band covering 0, a bound above 100', () => {
    const run = (levels: { min: number; label: string }[]) => () =>
      satisfactionIndex(columns, { scale, levels });
    expect(run([])).toThrow(
      new RangeError('satisfactionIndex: levels must hold at least one band; got none'),
    );
    expect(
      run([
        { min: 50, label: 'high' },
        { min: 50, label: 'mid' },
        { min: 0, label: 'low' },
      ]),
    ).toThrow(
      new RangeError('satisfactionIndex: level bounds must be distinct; got 50 for "high" and "mid"'),
    );
    expect(
      run([
        { min: 50, label: 'ok' },
        { min: 0, label: 'ok' },
      ]),
    ).toThrow(new RangeError('satisfactionIndex: level labels must be distinct; got "ok" twice'));
    expect(run([{ min: 10, label: 'some' }])).toThrow(
      new RangeError(
        'satisfactionIndex: the lowest level must start at 0 or below so that every score has a label; got 10 for "some"',
      ),
    );
    expect(
      run([
        { min: 120, label: 'super' },
        { min: 0, label: 'rest' },
      ]),
    ).toThrow(
      new RangeError('satisfactionIndex: level bounds must be finite and at most 100; got 120 for "super"'),
    );
  });
});

describe('docs/satisfaction-index.md', () => {
  // The numbers of the worked example, as printed there (2 decimals).
  it('the worked example on the bundled sample', () => {
    const dimensions = {
      tangibles: 0.08,
      reliability: 0.35,
      responsiveness: 0.25,
      assurance: 0.2,
      empathy: 0.12,
    };
    const result = satisfactionIndex(sample, { items: perception, weights: { dimensions }, by: 'channel' });
    const f = (x: number | null) => x!.toFixed(2);
    expect([f(result.index), result.level, f(result.standardError)]).toEqual(['69.14', 'neutral', '0.65']);
    expect(result.confidenceInterval!.map(f)).toEqual(['67.82', '70.40']);
    expect(
      result.dimensions.map((d) => [d.dimension, f(d.weight), f(d.index), f(d.contribution), d.level]),
    ).toEqual([
      ['tangibles', '0.08', '73.03', '5.84', 'fairly satisfied'],
      ['reliability', '0.35', '69.82', '24.44', 'neutral'],
      ['responsiveness', '0.25', '62.81', '15.70', 'neutral'],
      ['assurance', '0.20', '74.74', '14.95', 'fairly satisfied'],
      ['empathy', '0.12', '68.36', '8.20', 'neutral'],
    ]);
    const byScore = [...result.items].sort((a, b) => a.score - b.score);
    expect([byScore[0]!.item, f(byScore[0]!.score), byScore[0]!.level]).toEqual([
      'p_res2',
      '59.66',
      'dissatisfied',
    ]);
    expect([byScore[1]!.item, f(byScore[1]!.score)]).toEqual(['p_res1', '60.87']);
    expect([byScore.at(-1)!.item, f(byScore.at(-1)!.score)]).toEqual(['p_ass2', '78.21']);
    expect(
      result.segments!.map((s) => [
        s.segment,
        s.n,
        f(s.totalWeight),
        f(s.index),
        f(s.difference),
        s.confidenceInterval!.map(f).join('–'),
        f(s.dimensions[2]!.index),
        f(s.dimensions[4]!.index),
      ]),
    ).toEqual([
      ['branch', 230, '183.60', '69.34', '0.20', '67.65–71.00', '64.58', '70.56'],
      ['phone', 183, '137.70', '67.80', '-1.33', '65.68–69.73', '56.98', '70.55'],
      ['online', 199, '290.70', '69.64', '0.51', '67.28–71.91', '64.49', '65.92'],
    ]);
    expect(f(satisfactionIndex(sample, { items: perception }).index)).toBe('69.69');
    const byBranch = satisfactionIndex(sample, {
      items: perception,
      weights: { dimensions },
      bootstrap: false,
      by: 'branch',
    });
    expect(byBranch.segments!.map((s) => f(s.dimensions[0]!.index))).toEqual([
      '73.81',
      '75.35',
      '75.70',
      '65.12',
    ]);
    // Mean of the per-respondent indices (survey weights) against the index.
    const per = result.perRespondent as number[];
    const weights = sample.weights!;
    const meanPer = per.reduce((s, v, j) => s + v * weights[j]!, 0) / weights.reduce((a, b) => a + b, 0);
    expect([meanPer.toFixed(3), result.index.toFixed(3), result.respondentsWithMissing]).toEqual([
      '69.125',
      '69.136',
      285,
    ]);
  });
});
