import { readFileSync } from 'node:fs';
import { expect, it, describe as suite } from 'vitest';
import { regress } from '../../src/drivers/regress.js';
import { moments } from '../../src/stats/moments.js';
import { bankSample } from '../helpers/data.js';
import { expectAbsolute, expectAllClose, expectClose } from '../helpers/expect-close.js';
import { caseData, fixture, type RegressionReference } from './helpers.js';

// Reference values: R 4.2.2 lm / summary.lm / confint and car 3.1.1 vif (Debian's r-cran-car), on
// mtcars, longley (ill-conditioned), swiss, attitude, airquality (listwise deletion), a WLS case and
// the bundled sample (dimension means, the 22 perception items, unweighted and with the survey
// weights) — test/fixtures/r/drivers.R. The largest relative differences measured: estimates 2.5e-13
// (a coefficient near zero, bank items), standard errors 2.0e-13 and VIF 3.3e-13 (longley), interval
// bounds 1.7e-12 (a bound near zero, mtcars), R², F and σ 6.4e-15; p-values 8e-14 absolute. So
// 1e-10 relative (1e-12 absolute for p-values) is the tolerance; the issue asks for 1e-8 / 1e-10.
// The near-exact fit is the exception, explained at its test.
const tolerance = 1e-10;
const pTolerance = 1e-12;

const exact = JSON.parse(
  readFileSync(new URL('../fixtures/python/drivers.json', import.meta.url), 'utf8'),
) as {
  estimate: number[];
  standardError: number[];
  tValue: number[];
  residualStandardError: number;
  fStatistic: number;
  oneMinusRSquared: number;
};

function fitCase(c: RegressionReference, viaMoments = false) {
  const { columns, weights } = caseData(c.source, c.weighted);
  if (viaMoments) {
    const m = moments(columns, { items: [...c.drivers, c.outcome], ...(weights ? { weights } : {}) });
    return regress(m, { outcome: c.outcome, drivers: c.drivers });
  }
  return regress(columns, { outcome: c.outcome, drivers: c.drivers, ...(weights ? { weights } : {}) });
}

function compare(c: RegressionReference, result: ReturnType<typeof regress>, tol: number, sigmaTol = tol) {
  expect(result.n).toBe(c.n);
  expect(result.dropped).toBe(c.dropped);
  expect(result.df).toBe(c.df);
  expect(result.method).toBe(c.weighted ? 'wls' : 'ols');
  expect(result.coefficients.map((row) => row.term)).toEqual(c.terms);
  const rows = result.coefficients;
  expectAllClose(
    rows.map((row) => row.estimate),
    c.estimate,
    tol,
    'estimate',
  );
  expectAllClose(
    rows.map((row) => row.standardError),
    c.standardError,
    sigmaTol,
    'standard error',
  );
  expectAllClose(
    rows.map((row) => row.tValue),
    c.tValue,
    sigmaTol,
    't',
  );
  rows.forEach((row, i) => {
    expectAbsolute(row.pValue, c.pValue[i]!, pTolerance, `p ${row.term}`);
  });
  expectAllClose(
    rows.map((row) => row.confidenceInterval[0]),
    c.lower,
    tol,
    'lower',
  );
  expectAllClose(
    rows.map((row) => row.confidenceInterval[1]),
    c.upper,
    tol,
    'upper',
  );
  expectAllClose(
    rows.slice(1).map((row) => row.standardized),
    c.standardized,
    tol,
    'standardized',
  );
  expectAllClose(
    rows.slice(1).map((row) => row.vif),
    c.vif,
    tol,
    'vif',
  );
  expect(rows[0]!.standardized).toBeNull();
  expect(rows[0]!.vif).toBeNull();
  expectClose(result.rSquared, c.rSquared, tol, 'R²');
  expectClose(result.adjustedRSquared, c.adjustedRSquared, tol, 'adjusted R²');
  expectClose(result.fStatistic, c.fStatistic, 2 * sigmaTol, 'F');
  expectAbsolute(result.fPValue, c.fPValue, pTolerance, 'F p');
  expectClose(result.residualStandardError, c.residualStandardError, sigmaTol, 'σ');
}

suite('regress against R lm, summary.lm, confint and car::vif', () => {
  for (const c of fixture.regressions.filter((r) => r.source !== 'nearfit')) {
    it(c.name, () => {
      compare(c, fitCase(c), tolerance);
    });
  }

  // From moments alone (no refinement pass over the data) the normal equations keep 1e-8 on these
  // data too: the largest differences measured are 1.5e-12 (longley estimates) and 5.9e-14 (longley σ).
  for (const c of fixture.regressions.filter((r) => r.source !== 'nearfit')) {
    it(`${c.name}, from moments`, () => {
      compare(c, fitCase(c, true), 1e-10);
    });
  }

  // R² = 1 − 5.8e-18: σ is a difference of numbers 1e17 times larger. R's Householder QR gets it to
  // 9.6e-9 relative of the exact value (test/fixtures/python/drivers.py, rational arithmetic), the
  // refined fit here to 2.6e-9; so the quantities proportional to σ (σ, standard errors, t, F) are
  // compared with the exact values at 1e-8 and with R at 2e-8 (their sum of errors; 4e-8 for F, which
  // goes with 1 / σ²); the estimates at 1e-10 with both.
  it('near-exact fit: against exact rational arithmetic and R', () => {
    const c = fixture.regressions.find((r) => r.source === 'nearfit')!;
    const result = fitCase(c);
    compare(c, result, tolerance, 2e-8);
    expectAllClose(
      result.coefficients.map((row) => row.estimate),
      exact.estimate,
      1e-10,
      'exact estimate',
    );
    expectAllClose(
      result.coefficients.map((row) => row.standardError),
      exact.standardError,
      1e-8,
      'exact se',
    );
    expectAllClose(
      result.coefficients.map((row) => row.tValue),
      exact.tValue,
      1e-8,
      'exact t',
    );
    expectClose(result.residualStandardError, exact.residualStandardError, 1e-8, 'exact σ');
    expectClose(result.fStatistic, exact.fStatistic, 1e-8, 'exact F');
  });

  it('near-exact fit from moments: the normal equations lose σ (documented limitation)', () => {
    const c = fixture.regressions.find((r) => r.source === 'nearfit')!;
    const result = fitCase(c, true);
    expectAllClose(
      result.coefficients.map((row) => row.estimate),
      exact.estimate,
      1e-10,
      'estimate',
    );
    expect(Math.abs(result.residualStandardError / exact.residualStandardError - 1)).toBeGreaterThan(1e-3);
  });
});

suite('regress: data forms and weights', () => {
  const c = fixture.regressions.find((r) => r.name === 'mtcars, mpg on six drivers')!;
  const columns = fixture.data.mtcars as Record<string, number[]>;

  it('rows with columns give the same fit as columns', () => {
    const names = [...c.drivers, c.outcome];
    const rows = columns[c.outcome]!.map((_, r) => names.map((name) => columns[name]![r]!));
    const fromRows = regress(rows, { columns: names, outcome: c.outcome, drivers: c.drivers });
    expect(fromRows).toEqual(regress(columns, { outcome: c.outcome, drivers: c.drivers }));
  });

  // Reference: the weighted item-level case of drivers.R (lm with the survey weights).
  it('Responses use the survey weights by default (WLS)', () => {
    const reference = fixture.regressions.find(
      (r) => r.name === 'bank sample, weighted, on the 22 perception items',
    )!;
    const result = regress(bankSample(), { outcome: 'overall', drivers: reference.drivers });
    expect(result.weighted).toBe(true);
    compare(reference, result, tolerance);
    const unweighted = regress(bankSample(), {
      outcome: 'overall',
      drivers: reference.drivers,
      weights: false,
    });
    compare(
      fixture.regressions.find((r) => r.name === 'bank sample, overall on the 22 perception items')!,
      unweighted,
      tolerance,
    );
  });

  it('integer weights equal repeated rows (lm invariant)', () => {
    const weights = columns['carb']!.map((carb) => carb);
    const repeated: Record<string, number[]> = {};
    for (const name of [...c.drivers, c.outcome]) {
      repeated[name] = columns[name]!.flatMap((value, r) => new Array<number>(weights[r]!).fill(value));
    }
    const weighted = regress(columns, { outcome: c.outcome, drivers: c.drivers, weights });
    const expanded = regress(repeated, { outcome: c.outcome, drivers: c.drivers });
    expectAllClose(
      weighted.coefficients.map((row) => row.estimate),
      expanded.coefficients.map((row) => row.estimate),
      1e-12,
    );
    expectClose(weighted.rSquared, expanded.rSquared, 1e-12);
  });

  it('listwise deletion is counted and explained in a warning', () => {
    const airquality = fixture.regressions.find((r) => r.source === 'airquality')!;
    const result = fitCase(airquality);
    expect(result.dropped).toBe(42);
    expect(result.warnings).toContain(
      'regress: 42 of 153 respondents dropped for a missing answer (listwise; missing per variable: "Solar.R" 7, "Ozone" 37)',
    );
  });

  it('a confidence level other than 0.95', () => {
    const result = regress(columns, { outcome: 'mpg', drivers: ['wt'], confidenceLevel: 0.9 });
    const slope = result.coefficients[1]!;
    // t quantile 0.95 at 30 df: R qt(0.95, 30) = 1.6972608865939569
    expectClose(
      slope.confidenceInterval[1] - slope.estimate,
      1.6972608865939569 * slope.standardError,
      1e-14,
    );
    expect(result.confidenceLevel).toBe(0.9);
  });

  it('warns about strong collinearity (VIF above 10)', () => {
    const longley = fixture.regressions.find((r) => r.source === 'longley')!;
    expect(fitCase(longley).warnings).toEqual([
      'regress: strong collinearity among the drivers (VIF above 10: "GNP.deflator" 135.5, "GNP" 1788.5, "Unemployed" 33.6, "Population" 399.2, "Year" 759.0); their coefficients are unstable, compare relative importance instead',
    ]);
  });
});

suite('regress: errors name the cause', () => {
  const base = { y: [1, 3, 2, 5, 4, 6], a: [1, 2, 3, 4, 5, 7], b: [2, 1, 4, 3, 6, 5] };

  it('fewer respondents than parameters plus one', () => {
    expect(() =>
      regress({ y: [1, 2, 3], a: [1, 2, 4], b: [3, 1, 2] }, { outcome: 'y', drivers: ['a', 'b'] }),
    ).toThrow(
      new RangeError(
        'regress: needs at least 4 respondents with the outcome and every driver answered (3 parameters and one residual degree of freedom); got 3',
      ),
    );
  });

  it('a constant driver', () => {
    expect(() =>
      regress({ ...base, c: [0.1, 0.1, 0.1, 0.1, 0.1, 0.1] }, { outcome: 'y', drivers: ['a', 'c'] }),
    ).toThrow(
      new RangeError(
        'regress: driver "c" is constant over the 6 respondents used (zero variance); remove it from drivers',
      ),
    );
  });

  it('a constant outcome', () => {
    expect(() => regress({ ...base, y: [2, 2, 2, 2, 2, 2] }, { outcome: 'y', drivers: ['a'] })).toThrow(
      new RangeError(
        'regress: the outcome "y" is constant over the 6 respondents used (zero variance); there is nothing to explain',
      ),
    );
  });

  it('exactly collinear drivers, named', () => {
    const c = base.a.map((a, i) => 2 * a - 0.5 * base.b[i]!);
    expect(() => regress({ ...base, c }, { outcome: 'y', drivers: ['a', 'b', 'c'] })).toThrow(
      /^regress: drivers are exactly collinear: "c" is a linear combination of "a", "b" \(1 − R² = .+ among the 6 respondents used\); remove one of them$/,
    );
    const d = base.a.map((a) => 3 * a + 1);
    expect(() => regress({ ...base, d }, { outcome: 'y', drivers: ['a', 'b', 'd'] })).toThrow(
      /^regress: drivers are exactly collinear: "d" is a linear combination of "a" \(/,
    );
  });

  it('names and options', () => {
    expect(() => regress(base, { outcome: 'y', drivers: [] })).toThrow(
      new RangeError('regress: drivers must name at least one driver; got none'),
    );
    expect(() => regress(base, { outcome: 'y', drivers: ['a', 'y'] })).toThrow(
      new RangeError('regress: the outcome must not be one of the drivers; got "y" in both'),
    );
    expect(() => regress(base, { outcome: 'y', drivers: ['a', 'a'] })).toThrow(
      new RangeError('regress: driver "a" is listed twice'),
    );
    expect(() => regress(base, { outcome: 'y', drivers: ['z'] })).toThrow(
      new RangeError('regress: unknown item "z"; available are y, a, b'),
    );
    expect(() => regress(base, { outcome: 3 as unknown as string, drivers: ['a'] })).toThrow(
      new TypeError('regress: outcome must be the name of an item or column; got 3'),
    );
    expect(() => regress(base, { outcome: 'y', drivers: ['a'], confidenceLevel: 1 })).toThrow(
      new RangeError('regress: confidenceLevel must be within (0, 1); got 1'),
    );
    const m = moments(base, { missing: 'pairwise' });
    expect(() => regress(m, { outcome: 'y', drivers: ['a'] })).toThrow(
      new RangeError(
        "regress: moments must be computed with missing = 'listwise' (one set of respondents); got 'pairwise'",
      ),
    );
  });
});

suite('regress doc-comment example', () => {
  it('runs as written', () => {
    expect(
      regress({ y: [1, 3, 2, 5, 4], x: [1, 2, 3, 4, 5] }, { outcome: 'y', drivers: ['x'] }).coefficients[1]!
        .estimate,
    ).toBe(0.8);
  });
});
