import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { STANDARD_SERVQUAL } from '../../src/servqual/instrument.js';
import {
  type ServqualOptions,
  type ServqualResult,
  type ServqualSegment,
  servqual,
} from '../../src/servqual/servqual.js';
import { bankSample } from '../helpers/data.js';
import { expectClose } from '../helpers/expect-close.js';

// Reference values: numpy 1.24 / pandas 1.5 / scipy 1.10 (Debian python3), test/fixtures/python/servqual.py
// — item, dimension, overall, weighted and SERVPERF scores, paired t-tests (scipy.stats.ttest_rel and
// its confidence_interval; weighted: the linearisation standard error written out in numpy), Cronbach's
// alpha per dimension (np.cov, listwise), the zone of tolerance and gap 1, for the whole sample and each
// segment, on the bundled sample (read with pandas as parseCsv reads it: missing codes "", "NA", 99;
// p_res4 and p_emp5 as 6 − x) and on a synthetic three-column hotel survey that the script generates
// (seed 20241107) and stores in the fixture.
//
// Tolerance 1e-10 relative (floor 1e-10 near zero). Measured largest differences, relative with
// expectClose's floor of 1: 6.3e-15 (interval bounds), 3.2e-15 (gaps and mean differences), 1.8e-15
// (segment differences), 9.3e-16 (zone figures); without the floor, p-values 9.8e-14 and alphas
// 3.8e-14 relative.
const TOLERANCE = 1e-10;

type Num = number | null;
interface TestReference {
  n: number;
  meanDifference: Num;
  standardDeviation?: Num;
  standardError?: Num;
  tValue?: Num;
  df?: Num;
  pValue?: Num;
  confidenceInterval?: [Num, Num];
}
interface AlphaReference {
  alpha: number;
  standardizedAlpha: number;
  n: number;
  dropped: number;
}
interface ZoneReference {
  item?: string;
  dimension?: string;
  n: number;
  adequate: Num;
  desired: Num;
  perception: Num;
  adequacyGap: Num;
  superiorityGap: Num;
  toleranceWidth: Num;
  position: string | null;
  shares: { below: Num; inside: Num; above: Num };
  invertedZones: number;
}
interface FiguresReference {
  n: number;
  dropped: number;
  totalWeight: number;
  items: {
    item: string;
    n: number;
    unpaired: number;
    expectation: Num;
    perception: Num;
    gap: Num;
    rank: number;
  }[];
  dimensions: {
    dimension: string;
    n: number;
    partial: number;
    missing: number;
    expectation: Num;
    perception: Num;
    gap: Num;
    rank: number;
  }[];
  tests: { items: TestReference[]; dimensions: TestReference[] };
  overallGap: number;
  servperf: number;
  weightedGap?: number;
  weightedServperf?: number;
  importance?: number[];
  importanceN?: number;
  missingAllocation?: number;
  incompleteScores?: number;
  zone?: { items: ZoneReference[]; dimensions: ZoneReference[] };
  gap1?: {
    items: { item: string; gap: number }[];
    dimensions: { dimension: string; managementExpectation: number; gap: number }[];
  };
  reliability: {
    dimension: string;
    expectation: AlphaReference | null;
    perception: AlphaReference | null;
    gap: AlphaReference | null;
  }[];
  segment?: string;
  segments?: FiguresReference[];
}
interface Fixture {
  sample: { points: Record<string, number>; weighted: FiguresReference; unweighted: FiguresReference };
  synthetic: {
    data: Record<string, (number | string | null)[]>;
    items: { id: string; dimension: string }[];
    management: Record<string, number>;
    allocationColumns: Record<string, string>;
    unweighted: FiguresReference;
    weighted: FiguresReference;
  };
}
const fixture = JSON.parse(
  readFileSync(new URL('../fixtures/python/servqual.json', import.meta.url), 'utf8'),
) as Fixture;

function close(actual: Num | undefined, expected: Num | undefined, label: string): void {
  if (expected === null || expected === undefined) {
    expect(actual ?? null, label).toBeNull();
    return;
  }
  expect(actual, label).not.toBeNull();
  expectClose(actual!, expected, TOLERANCE, label);
}

type Figures = ServqualResult | ServqualSegment;

function expectFigures(actual: Figures, expected: FiguresReference, label: string): void {
  expect(actual.n, `${label} n`).toBe(expected.n);
  expected.items.forEach((e, i) => {
    const a = actual.items[i]!;
    const at = `${label} ${e.item}`;
    expect(a.item).toBe(e.item);
    expect([a.n, a.unpaired], `${at} n, unpaired`).toEqual([e.n, e.unpaired]);
    close(a.expectation, e.expectation, `${at} expectation`);
    close(a.perception, e.perception, `${at} perception`);
    close(a.gap, e.gap, `${at} gap`);
    if (e.n > 0) expect(a.rank, `${at} rank`).toBe(e.rank);
  });
  expected.dimensions.forEach((e, d) => {
    const a = actual.dimensions[d]!;
    const at = `${label} ${e.dimension}`;
    expect(a.dimension).toBe(e.dimension);
    expect([a.n, a.partial, a.missing], `${at} n, partial, missing`).toEqual([e.n, e.partial, e.missing]);
    close(a.expectation, e.expectation, `${at} expectation`);
    close(a.perception, e.perception, `${at} perception`);
    close(a.gap, e.gap, `${at} gap`);
  });
  close(actual.overallGap, expected.overallGap, `${label} overallGap`);
  close(actual.servperf, expected.servperf, `${label} servperf`);
  close(actual.weightedGap, expected.weightedGap ?? null, `${label} weightedGap`);
  close(actual.weightedServperf, expected.weightedServperf ?? null, `${label} weightedServperf`);
  if (expected.importance !== undefined) {
    const weights = actual.importance!.dimensions.map((d) => d.weight);
    for (const [d, w] of expected.importance.entries())
      close(weights[d]!, w, `${label} importance weight ${d}`);
    if (expected.importanceN !== undefined) {
      expect(
        [actual.importance!.n, actual.importance!.missingAllocation, actual.importance!.incompleteScores],
        `${label} importance counts`,
      ).toEqual([expected.importanceN, expected.missingAllocation, expected.incompleteScores]);
    }
  }
  const tests = [
    ...actual.tests.items.map((t, i) => [t, expected.tests.items[i]!, `item ${i}`] as const),
    ...actual.tests.dimensions.map((t, d) => [t, expected.tests.dimensions[d]!, `dimension ${d}`] as const),
  ];
  for (const [a, e, which] of tests) {
    const at = `${label} test ${which}`;
    expect(a.n, `${at} n`).toBe(e.n);
    close(a.meanDifference, e.meanDifference, `${at} meanDifference`);
    if (e.n < 2) {
      expect(a.tValue).toBeNull();
      continue;
    }
    close(a.standardDeviation, e.standardDeviation!, `${at} standardDeviation`);
    close(a.standardError, e.standardError!, `${at} standardError`);
    close(a.tValue, e.tValue!, `${at} tValue`);
    expect(a.df, `${at} df`).toBe(e.df);
    close(a.pValue, e.pValue!, `${at} pValue`);
    close(a.confidenceInterval![0], e.confidenceInterval![0], `${at} lower`);
    close(a.confidenceInterval![1], e.confidenceInterval![1], `${at} upper`);
  }
  expected.reliability.forEach((e, d) => {
    const a = actual.reliability![d]!;
    for (const kind of ['expectation', 'perception', 'gap'] as const) {
      const at = `${label} ${e.dimension} ${kind} alpha`;
      const want = e[kind];
      if (want === null) {
        expect(a[kind], at).toBeNull();
        continue;
      }
      close(a[kind]!.alpha, want.alpha, at);
      close(a[kind]!.standardizedAlpha, want.standardizedAlpha, `${at} standardized`);
      expect([a[kind]!.n, a[kind]!.dropped], `${at} n, dropped`).toEqual([want.n, want.dropped]);
    }
  });
  if (expected.zone !== undefined) {
    const zone = actual.zoneOfTolerance!;
    const rows = [
      ...zone.items.map((row, i) => [row, expected.zone!.items[i]!] as const),
      ...zone.dimensions.map((row, d) => [row, expected.zone!.dimensions[d]!] as const),
    ];
    for (const [a, e] of rows) {
      const at = `${label} zone ${e.item ?? e.dimension}`;
      expect([a.n, a.position, a.invertedZones], `${at} n, position, inverted`).toEqual([
        e.n,
        e.position,
        e.invertedZones,
      ]);
      for (const key of [
        'adequate',
        'desired',
        'perception',
        'adequacyGap',
        'superiorityGap',
        'toleranceWidth',
      ] as const) {
        close(a[key], e[key], `${at} ${key}`);
      }
      if (e.n > 0) {
        for (const key of ['below', 'inside', 'above'] as const)
          close(a.shares![key], e.shares[key], `${at} ${key}`);
      }
    }
  } else {
    expect(actual.zoneOfTolerance).toBeNull();
  }
  if (expected.gap1 !== undefined) {
    for (const [i, e] of expected.gap1.items.entries()) {
      close(actual.gap1!.items[i]!.gap, e.gap, `${label} gap1 ${e.item}`);
    }
    expected.gap1.dimensions.forEach((e, d) => {
      const a = actual.gap1!.dimensions[d]!;
      close(a.managementExpectation, e.managementExpectation, `${label} gap1 ${e.dimension} management`);
      close(a.gap, e.gap, `${label} gap1 ${e.dimension}`);
    });
  }
}

function expectSegments(result: ServqualResult, expected: FiguresReference): void {
  const segments = result.segments!;
  expect(segments.map((s) => s.segment)).toEqual(expected.segments!.map((s) => s.segment));
  segments.forEach((segment, k) => {
    const e = expected.segments![k]!;
    const label = `segment ${segment.segment}`;
    expectFigures(segment, e, label);
    expect(segment.dropped, `${label} dropped`).toBe(e.dropped);
    close(segment.totalWeight, e.totalWeight, `${label} totalWeight`);
    close(segment.difference.overallGap, e.overallGap - expected.overallGap, `${label} difference`);
    close(segment.difference.servperf, e.servperf - expected.servperf, `${label} servperf difference`);
    segment.items.forEach((item, i) => {
      const whole = expected.items[i]!.gap!;
      close(
        item.difference.gap,
        e.items[i]!.gap === null ? null : e.items[i]!.gap! - whole,
        `${label} ${item.item}`,
      );
    });
  });
}

const sample = bankSample();

describe('servqual on the bundled sample against numpy/scipy', () => {
  it('survey weights, available-item dimension scores, fixed points, by channel', () => {
    const expected = fixture.sample.weighted;
    const result = servqual(sample, { importance: { points: fixture.sample.points }, by: 'channel' });
    expect(result.method).toBe('servqual');
    expect(result.weighted).toBe(true);
    expect(result.dimensionScore).toBe('available');
    expect(result.items.map((item) => item.item)).toEqual(expected.items.map((item) => item.item));
    expect(result.dropped).toBe(expected.dropped);
    expectFigures(result, expected, 'weighted');
    expectSegments(result, expected);
  });

  it('unweighted, complete dimension scores, the standard instrument by name, by branch', () => {
    const expected = fixture.sample.unweighted;
    const result = servqual(sample, {
      instrument: 'standard',
      weights: false,
      dimensionScore: 'complete',
      importance: { points: fixture.sample.points },
      by: 'branch',
    });
    expect(result.weighted).toBe(false);
    expect(result.instrument).toBe(STANDARD_SERVQUAL.name);
    expect(result.items.map((item) => item.number)).toEqual(Array.from({ length: 22 }, (_, i) => i + 1));
    expectFigures(result, expected, 'unweighted');
    expectSegments(result, expected);
  });
});

describe('servqual on the synthetic three-column survey against numpy/scipy', () => {
  const { data, items, management, allocationColumns } = fixture.synthetic;
  const table: Record<string, (number | null)[]> = {};
  for (const [name, values] of Object.entries(data)) {
    if (name !== 'site' && name !== 'weight') table[name] = values as (number | null)[];
  }
  const options: ServqualOptions = {
    instrument: { name: 'hotel', items },
    pattern: { expectation: 'd_{item}', perception: 'p_{item}', adequate: 'a_{item}' },
    scale: { min: 1, max: 7 },
    importance: { columns: allocationColumns },
    managementExpectations: management,
    by: data.site as string[],
  };

  it('unweighted, available-item dimension scores, per-respondent allocations, by site', () => {
    const expected = fixture.synthetic.unweighted;
    const result = servqual(table, options);
    expect(result.instrument).toBe('hotel');
    expectFigures(result, expected, 'synthetic');
    expectSegments(result, expected);
    expect(result.warnings).toContain(
      'servqual: segment "east" has 3 respondents, fewer than minSegmentSize (30); its figures are imprecise',
    );
  });

  it('respondent weights, complete dimension scores', () => {
    const expected = fixture.synthetic.weighted;
    const result = servqual(table, {
      ...options,
      weights: data.weight as number[],
      dimensionScore: 'complete',
    });
    expectFigures(result, expected, 'synthetic weighted');
    expectSegments(result, expected);
  });
});
