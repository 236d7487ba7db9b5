import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  defineSurvey,
  type NetPromoterScoreResult,
  netPromoterScore,
  netPromoterScoreDifference,
} from '../../src/index.js';
import { bankSample, sharedColumn } from '../helpers/data.js';
import { expectAbsolute, expectAllClose, expectClose } from '../helpers/expect-close.js';

// Reference values, computed independently in R 4.2 by test/fixtures/r/stats.R from the +1 / 0 / −1
// scores s of the answers (promoter 9–10, passive 7–8, detractor 0–6):
//   score = 100 · (mean(x >= 9) − mean(x <= 6)),
//   standard error = 100 · sd(s) · √((n − 1) / n) / √n (population sd of s),
//   interval = score ± qnorm(1 − (1 − level) / 2) · standard error;
// weighted: score = 100 · weighted.mean(s, w), standard error = 100 · √(Σw(s − s̄w)² / Σw) / √n_eff with
// Kish's n_eff = (Σw)² / Σw²; a difference of two groups: z = Δ / √(SEa² + SEb²), p = 2 · pnorm(−|z|).
// Data: the bundled sample's `recommend` (missing codes "", "NA", 99) and ../shared/data
// bank_satisfaction.csv `loy3` (0–10).

interface NpsReference {
  readonly n: number;
  readonly missing: number;
  readonly promoters: number;
  readonly passives: number;
  readonly detractors: number;
  readonly promoterShare: number;
  readonly passiveShare: number;
  readonly detractorShare: number;
  readonly score: number;
  readonly standardError: number;
  readonly effectiveN: number;
  readonly confidenceInterval: [number, number];
  readonly confidenceLevel: number;
}
interface DifferenceReference {
  readonly difference: number;
  readonly standardError: number;
  readonly zValue: number;
  readonly pValue: number;
  readonly confidenceInterval: [number, number];
  readonly confidenceLevel: number;
}
interface Comparison {
  readonly segment: string;
  readonly a: string;
  readonly b: string;
  readonly unweighted: DifferenceReference;
  readonly weighted: DifferenceReference;
  readonly level90: DifferenceReference;
}
interface Fixture {
  readonly netPromoterScore: {
    sample: NpsReference;
    sampleWeighted: NpsReference;
    sample90: NpsReference;
    bankLoy3: NpsReference;
    bankLoy3Level99: NpsReference;
    comparisons: Comparison[];
    examples: { score: number; difference: number };
  };
}
const fixture = JSON.parse(
  readFileSync(new URL('../fixtures/r/stats.json', import.meta.url), 'utf8'),
) as Fixture;
const reference = fixture.netPromoterScore;

const sample = bankSample();
const loy3 = sharedColumn('bank_satisfaction.csv', 'loy3');

// Measured: at most 4.8e-15 (the branch − online difference, 0.62 points), 6.1e-16 on the standard
// errors; counts exact.
const TOLERANCE = 1e-13;

function expectNps(actual: NetPromoterScoreResult, expected: NpsReference, weighted: boolean): void {
  expect(actual.method).toBe('net-promoter-score');
  expect([actual.n, actual.missing]).toEqual([expected.n, expected.missing]);
  expect([actual.promoters, actual.passives, actual.detractors]).toEqual([
    expected.promoters,
    expected.passives,
    expected.detractors,
  ]);
  expectClose(actual.promoterShare, expected.promoterShare, TOLERANCE, 'promoter share');
  expectClose(actual.passiveShare, expected.passiveShare, TOLERANCE, 'passive share');
  expectClose(actual.detractorShare, expected.detractorShare, TOLERANCE, 'detractor share');
  expectClose(actual.score, expected.score, TOLERANCE, 'score');
  expectClose(actual.standardError, expected.standardError, TOLERANCE, 'standard error');
  expectClose(actual.effectiveN, expected.effectiveN, TOLERANCE, 'effective n');
  expectAllClose(actual.confidenceInterval, expected.confidenceInterval, TOLERANCE, 'interval');
  expect(actual.confidenceLevel).toBe(expected.confidenceLevel);
  expect(actual.weighted).toBe(weighted);
  // Invariants: the three groups partition the answers; the shares sum to 1.
  expect(actual.promoters + actual.passives + actual.detractors).toBe(actual.n);
  expectClose(actual.promoterShare + actual.passiveShare + actual.detractorShare, 1, 1e-15, 'shares sum');
}

function expectDifference(
  actual: ReturnType<typeof netPromoterScoreDifference>,
  expected: DifferenceReference,
): void {
  expect(actual.method).toBe('net-promoter-score-difference');
  expectClose(actual.difference, expected.difference, TOLERANCE, 'difference');
  expectClose(actual.standardError, expected.standardError, TOLERANCE, 'standard error');
  expectClose(actual.zValue, expected.zValue, TOLERANCE, 'z');
  expectAbsolute(actual.pValue, expected.pValue, 1e-12, 'p-value');
  expectClose(actual.pValue, expected.pValue, TOLERANCE, 'p-value (relative)');
  expectAllClose(actual.confidenceInterval, expected.confidenceInterval, TOLERANCE, 'interval');
  expect(actual.confidenceLevel).toBe(expected.confidenceLevel);
}

describe('netPromoterScore against R', () => {
  it('bundled sample, unweighted (Responses with weights: false)', () => {
    expectNps(netPromoterScore(sample, { weights: false }), reference.sample, false);
  });

  it('bundled sample, unweighted, from the plain answers (NaN = missing)', () => {
    expectNps(netPromoterScore(Array.from(sample.column('recommend'))), reference.sample, false);
  });

  it('bundled sample, weighted by the survey weights (the default for Responses) with Kish n_eff', () => {
    expectNps(netPromoterScore(sample), reference.sampleWeighted, true);
    expectNps(
      netPromoterScore(sample.column('recommend'), { weights: sample.weights! }),
      reference.sampleWeighted,
      true,
    );
  });

  it('bundled sample at the 90 % level', () => {
    expectNps(netPromoterScore(sample, { weights: false, confidenceLevel: 0.9 }), reference.sample90, false);
  });

  it('bank_satisfaction loy3 (0–10) at the 95 % and 99 % levels', () => {
    expectNps(netPromoterScore(loy3), reference.bankLoy3, false);
    expectNps(netPromoterScore(loy3, { confidenceLevel: 0.99 }), reference.bankLoy3Level99, false);
  });

  it('documented example: netPromoterScore([10, 9, 8, 7, 6, 3, 10, 9]).score is 25', () => {
    // Source: R 100 * (mean(x >= 9) - mean(x <= 6)) = 100 · (4/8 − 2/8) = 25.
    expect(netPromoterScore([10, 9, 8, 7, 6, 3, 10, 9]).score).toBe(reference.examples.score);
    expect(reference.examples.score).toBe(25);
  });

  it('clips the interval to [−100, 100]; all promoters give score 100 with standard error 0', () => {
    // By the formula: pP = 1, pD = 0, so pP + pD − (pP − pD)² = 0.
    const all = netPromoterScore([10, 9, 10, 9, 10]);
    expect([all.score, all.standardError]).toEqual([100, 0]);
    expect(all.confidenceInterval).toEqual([100, 100]);
    // 19 promoters and 1 detractor: score 90, SE = 100·√((0.95 + 0.05 − 0.81)/20) = 9.747; the upper
    // end 90 + 1.96 · 9.747 > 100 is clipped.
    const high = netPromoterScore([...new Array(19).fill(10), 0]);
    expectClose(high.score, 90, 1e-13, 'score');
    expectClose(high.standardError, 100 * Math.sqrt(0.19 / 20), 1e-13, 'standard error');
    expect(high.confidenceInterval[1]).toBe(100);
  });

  it('warns below 30 answers and for no answers', () => {
    expect(netPromoterScore([10, 9, 8]).warnings).toEqual([
      'netPromoterScore: only 3 answers; the normal interval is unreliable below about 30',
    ]);
    const none = netPromoterScore([Number.NaN, Number.NaN]);
    expect(none.warnings).toEqual(['netPromoterScore: no answers; the score is undefined']);
    expect([none.n, none.missing]).toEqual([0, 2]);
    expect(none.score).toBeNaN();
    expect(netPromoterScore(loy3).warnings).toEqual([]);
  });
});

describe('netPromoterScoreDifference against R', () => {
  it.each(reference.comparisons.map((c) => [`${c.segment} ${c.a} − ${c.b}`, c] as const))('%s', (_, c) => {
    const a = sample.filter({ [c.segment]: c.a });
    const b = sample.filter({ [c.segment]: c.b });
    expectDifference(netPromoterScoreDifference(a, b, { weights: false }), c.unweighted);
    expectDifference(netPromoterScoreDifference(a, b), c.weighted);
    expectDifference(netPromoterScoreDifference(a, b, { weights: false, confidenceLevel: 0.9 }), c.level90);
    // Results may be passed instead of answers.
    const ra = netPromoterScore(a, { weights: false });
    const rb = netPromoterScore(b, { weights: false });
    const fromResults = netPromoterScoreDifference(ra, rb);
    expectDifference(fromResults, c.unweighted);
    expect(fromResults.a).toBe(ra);
    // Antisymmetry: swapping the groups negates the difference and keeps the p-value.
    const swapped = netPromoterScoreDifference(rb, ra);
    expect(swapped.difference).toBe(-fromResults.difference);
    expect(swapped.pValue).toBe(fromResults.pValue);
  });

  it('documented example: netPromoterScoreDifference([10, 10, 9, 6], [10, 6, 5, 3]).difference is 100', () => {
    // Source: R, 100 · (3/4 − 1/4) − 100 · (1/4 − 3/4) = 50 − (−50) = 100.
    expect(netPromoterScoreDifference([10, 10, 9, 6], [10, 6, 5, 3]).difference).toBe(
      reference.examples.difference,
    );
  });
});

describe('netPromoterScore errors', () => {
  it.each([
    [[10, 9, 11], 'netPromoterScore: answers must be integers from 0 to 10; got 11 at index 2'],
    [[3.5], 'netPromoterScore: answers must be integers from 0 to 10; got 3.5 at index 0'],
    [[5, Number.NaN, -1], 'netPromoterScore: answers must be integers from 0 to 10; got -1 at index 2'],
  ])('rejects %j naming the index', (values, message) => {
    expect(() => netPromoterScore(values)).toThrow(new RangeError(message));
  });

  it('rejects weights of another length or not positive', () => {
    expect(() => netPromoterScore([9, 10], { weights: [1] })).toThrow(
      new RangeError('netPromoterScore: weights must have one value per answer (2); got 1'),
    );
    expect(() => netPromoterScore([9, 10], { weights: [1, 0] })).toThrow(
      new RangeError('netPromoterScore: weights must be positive and finite; got 0 at index 1'),
    );
  });

  it('rejects a confidence level outside (0, 1) and values that are not an array', () => {
    expect(() => netPromoterScore([9], { confidenceLevel: 1 })).toThrow(
      new RangeError('netPromoterScore: confidenceLevel must be within (0, 1); got 1'),
    );
    expect(() => netPromoterScoreDifference([9], [9], { confidenceLevel: 0 })).toThrow(
      new RangeError('netPromoterScoreDifference: confidenceLevel must be within (0, 1); got 0'),
    );
    expect(() => netPromoterScore(5 as never)).toThrow(
      new TypeError('netPromoterScore: values must be an array of 0–10 answers or Responses; got 5'),
    );
  });

  it('rejects Responses whose survey names no recommend item', () => {
    const survey = defineSurvey({ scale: { min: 1, max: 5 }, items: [{ id: 'q1' }] });
    const responses = survey.parse([{ q1: 3 }, { q1: 4 }]);
    expect(() => netPromoterScore(responses)).toThrow(
      new RangeError(
        'netPromoterScore: the survey definition names no recommend item (0–10); pass the values instead',
      ),
    );
  });
});
