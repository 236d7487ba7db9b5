import { describe, expect, it } from 'vitest';
import {
  type ServqualOptions,
  type ServqualResult,
  type ServqualSegment,
  servqual,
} from '../../src/servqual/servqual.js';
import { mean } from '../../src/stats/variance.js';
import { defineSurvey } from '../../src/survey/define-survey.js';
import { bankSample } from '../helpers/data.js';
import { expectClose } from '../helpers/expect-close.js';
import { hotelOptions, hotelTable, synthetic } from '../helpers/servqual-hotel.js';

// Invariants of the definitions (no reference values): gap = P − E, weights from points sum to 1,
// SERVPERF equals the perception means, the scores are the stated means, a test's mean difference is
// the gap, MSA − MSS = D − A, gap 1 = E − management, and the reductions (equal points, equal weights,
// one segment) give back the simpler figures. Tolerance 1e-12 relative: sums of a few hundred terms.
const TOLERANCE = 1e-12;
const sample = bankSample();
const DIMENSIONS = ['tangibles', 'reliability', 'responsiveness', 'assurance', 'empathy'];

function expectGapIdentity(result: ServqualResult | ServqualSegment, label: string): void {
  for (const row of [...result.items, ...result.dimensions]) {
    if (row.gap === null) continue;
    expectClose(row.gap, row.perception! - row.expectation!, TOLERANCE, `${label} ${JSON.stringify(row)}`);
  }
}

describe('servqual invariants', () => {
  const result = servqual(sample, {
    by: 'channel',
    importance: {
      points: { tangibles: 10, reliability: 30, responsiveness: 25, assurance: 20, empathy: 15 },
    },
  });

  it('gap = P − E for every item and dimension, in the whole sample and each segment', () => {
    expectGapIdentity(result, 'whole');
    for (const segment of result.segments!) expectGapIdentity(segment, segment.segment);
    expectGapIdentity(servqual(hotelTable, hotelOptions), 'hotel');
  });

  it('SERVPERF equals the mean of the dimension perception means; overallGap the mean of the dimension gaps', () => {
    expectClose(result.servperf, mean(result.dimensions.map((d) => d.perception!)), TOLERANCE);
    expectClose(result.overallGap, mean(result.dimensions.map((d) => d.gap!)), TOLERANCE);
    // Each item's perception mean is the mean of its answers over the respondents with both answers.
    const item = result.items[0]!;
    const e = sample.column('e_tan1');
    const p = sample.column('p_tan1');
    const w = sample.weights!;
    const rows = [...p.keys()].filter((r) => !Number.isNaN(e[r]!) && !Number.isNaN(p[r]!));
    expectClose(
      item.perception,
      mean(
        rows.map((r) => p[r]!),
        rows.map((r) => w[r]!),
      ),
      TOLERANCE,
    );
  });

  it('with complete answers, dimension means are the means of the item means', () => {
    const table = {
      e1: [5, 4, 5, 3],
      p1: [4, 4, 3, 3],
      e2: [4, 4, 5, 5],
      p2: [4, 5, 4, 2],
      e3: [2, 5, 5, 4],
      p3: [3, 5, 1, 4],
    };
    const r = servqual(table, {
      pairs: [
        { item: 'q1', dimension: 'A', expectation: 'e1', perception: 'p1' },
        { item: 'q2', dimension: 'A', expectation: 'e2', perception: 'p2' },
        { item: 'q3', dimension: 'B', expectation: 'e3', perception: 'p3' },
      ],
      scale: { min: 1, max: 5 },
    });
    const a = r.dimensions[0]!;
    expectClose(a.perception!, (r.items[0]!.perception + r.items[1]!.perception) / 2, TOLERANCE);
    expectClose(a.expectation!, (r.items[0]!.expectation + r.items[1]!.expectation) / 2, TOLERANCE);
    expect(r.servperf).toBe(mean([a.perception!, r.dimensions[1]!.perception!]));
  });

  it('weights from points sum to 1; equal points give the unweighted score', () => {
    expectClose(sum(result.importance!.dimensions.map((d) => d.weight!)), 1, TOLERANCE);
    const equal = servqual(sample, {
      importance: { points: Object.fromEntries(DIMENSIONS.map((d) => [d, 20])) },
      reliability: false,
    });
    expectClose(equal.weightedGap!, equal.overallGap, TOLERANCE);
    expectClose(equal.weightedServperf!, equal.servperf, TOLERANCE);
    const hotel = servqual(hotelTable, hotelOptions);
    expectClose(sum(hotel.importance!.dimensions.map((d) => d.weight!)), 1, TOLERANCE);
  });

  it('each test’s mean difference is the gap; the interval contains it', () => {
    result.tests.items.forEach((test, i) => {
      expectClose(test.meanDifference!, result.items[i]!.gap, TOLERANCE);
      expect(test.confidenceInterval![0]).toBeLessThan(test.meanDifference!);
      expect(test.confidenceInterval![1]).toBeGreaterThan(test.meanDifference!);
    });
    result.tests.dimensions.forEach((test, d) => {
      expectClose(test.meanDifference!, result.dimensions[d]!.gap!, TOLERANCE);
    });
  });

  it('items are ranked from the largest shortfall', () => {
    const gaps = result.ranking.map((id) => result.items.find((item) => item.item === id)!.gap);
    expect([...gaps].sort((a, b) => a - b)).toEqual(gaps);
    expect(result.items.find((item) => item.item === result.ranking[0])!.rank).toBe(1);
  });

  it('zone of tolerance: MSA − MSS = desired − adequate; shares sum to 1; gap 1 = E − management', () => {
    const hotel = servqual(hotelTable, hotelOptions);
    for (const row of [...hotel.zoneOfTolerance!.items, ...hotel.zoneOfTolerance!.dimensions]) {
      expectClose(row.adequacyGap! - row.superiorityGap!, row.toleranceWidth!, TOLERANCE);
      expectClose(row.adequacyGap!, row.perception! - row.adequate!, TOLERANCE);
      expectClose(row.shares!.below + row.shares!.inside + row.shares!.above, 1, TOLERANCE);
    }
    hotel.gap1!.items.forEach((row, i) => {
      expect(row.customerExpectation).toBe(hotel.items[i]!.expectation);
      expectClose(row.gap!, row.customerExpectation! - synthetic.management[row.item!]!, TOLERANCE);
    });
  });

  it('equal respondent weights give the unweighted figures, tests included', () => {
    const unweighted = servqual(sample, { weights: false, reliability: false });
    const equal = servqual(sample, { weights: new Array(sample.n).fill(2.5), reliability: false });
    expect(equal.weighted).toBe(true);
    for (const [i, item] of equal.items.entries()) expectClose(item.gap, unweighted.items[i]!.gap, TOLERANCE);
    equal.tests.dimensions.forEach((test, d) => {
      const plain = unweighted.tests.dimensions[d]!;
      expectClose(test.standardError!, plain.standardError!, TOLERANCE);
      expectClose(test.pValue!, plain.pValue!, 1e-9);
    });
  });

  it('one segment holding everyone reproduces the whole sample, with zero differences', () => {
    const one = servqual(sample, { by: new Array(sample.n).fill('all'), reliability: false });
    const segment = one.segments![0]!;
    expect(segment.n).toBe(one.n);
    expect(segment.overallGap).toBe(one.overallGap);
    expect(segment.difference.overallGap).toBe(0);
    segment.items.forEach((item, i) => {
      expect(item.gap).toBe(one.items[i]!.gap);
      expect(item.difference.gap).toBe(0);
    });
  });

  it('the instrument derived from the survey definition is the standard one', () => {
    const derived = servqual(sample, { reliability: false });
    const standard = servqual(sample, { instrument: 'standard', reliability: false });
    expect(derived.items.map((i) => [i.item, i.dimension])).toEqual(
      standard.items.map((i) => [i.item, i.dimension]),
    );
    expect(derived.overallGap).toBe(standard.overallGap);
    expect(derived.dimensions.map((d) => d.dimension)).toEqual(DIMENSIONS);
  });

  it('the result is plain JSON', () => {
    const hotel = servqual(hotelTable, hotelOptions);
    expect(JSON.parse(JSON.stringify(hotel))).toEqual(hotel);
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });
});

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

describe('servqual reports what it leaves out', () => {
  const survey = defineSurvey({
    scale: { min: 1, max: 5 },
    items: [
      { id: 'e_a', dimension: 'X' },
      { id: 'p_a', dimension: 'X' },
      { id: 'e_b', dimension: 'X' },
      { id: 'p_b', dimension: 'X' },
    ],
    segments: [{ id: 'site', levels: ['north', 'south', 'east'] }],
  });
  const responses = survey.parse([
    { e_a: '5', p_a: '4', e_b: '4', p_b: '4', site: 'north' },
    { e_a: '4', p_a: '4', e_b: '', p_b: '3', site: 'north' },
    { e_a: '', p_a: '', e_b: '', p_b: '', site: 'south' },
    { e_a: '5', p_a: '3', e_b: '5', p_b: '5', site: '' },
  ]);

  it('counts unpaired answers, respondents without pairs, partial scores and segment gaps', () => {
    const result = servqual(responses, { by: 'site', reliability: false });
    expect([result.n, result.dropped]).toEqual([3, 1]);
    expect(result.items.map((item) => [item.n, item.unpaired])).toEqual([
      [3, 0],
      [2, 1],
    ]);
    expect(result.dimensions[0]).toMatchObject({ n: 3, partial: 1, missing: 1 });
    expect(result.missingSegment).toBe(1);
    expect(result.segments!.map((s) => [s.segment, s.n, s.dropped])).toEqual([
      ['north', 2, 0],
      ['south', 0, 1],
      ['east', 0, 0],
    ]);
    expect(result.segments![2]!.overallGap).toBeNull();
    expect(result.segments![2]!.difference.overallGap).toBeNull();
    expect(result.warnings).toEqual([
      `servqual: respondents scored on part of a dimension's items (dimensionScore: 'available'): X 1`,
      'servqual: the gaps of "b" do not vary; no t-test',
      'servqual: 1 respondent has no "site" value and is in no segment (the whole-sample figures include them)',
      'servqual: segment "north" has 2 respondents, fewer than minSegmentSize (30); its figures are imprecise',
      'servqual: segment "south" has no respondents',
      'servqual: segment "east" has no respondents',
    ]);
  });

  it('allocations within pointsTolerance of 100 are accepted and normalised', () => {
    const table = { e1: [5, 4], p1: [4, 4], e2: [4, 4], p2: [4, 5], ia: [33.3, 50], ib: [66.4, 50] };
    const options: ServqualOptions = {
      pairs: [
        { item: 'q1', dimension: 'A', expectation: 'e1', perception: 'p1' },
        { item: 'q2', dimension: 'B', expectation: 'e2', perception: 'p2' },
      ],
      scale: {
        e1: { min: 1, max: 5 },
        p1: { min: 1, max: 5 },
        e2: { min: 1, max: 5 },
        p2: { min: 1, max: 5 },
      },
      importance: { columns: { A: 'ia', B: 'ib' } },
      reliability: false,
    };
    const result = servqual(table, options);
    // Respondent 1: gaps −1 (A) and 0 (B), weights 33.3/99.7 and 66.4/99.7; respondent 2: 0 and 1, half each.
    expectClose(result.weightedGap!, (-33.3 / 99.7 + 0.5) / 2, TOLERANCE);
    expect(() => servqual(table, { ...options, pointsTolerance: 0.2 })).toThrow(
      /^servqual: importance points must sum to 100 \(±0\.2\); got 99\.7 in the row at index 0 \(ia \+ ib\)$/,
    );
  });
});
