import { expect, it, describe as suite } from 'vitest';
import { bartlettSphericity, kmo, samplingAdequacy } from '../../src/pca/sampling-adequacy.js';
import { moments } from '../../src/stats/moments.js';
import { expectAllClose, expectClose } from '../helpers/expect-close.js';
import { fixture } from './fixture.js';

// Reference values: R 4.2 psych 2.2.9 KMO(x) and cortest.bartlett on R's attitude and psych's bfi
// (KMO(bfi25) and cortest.bartlett(bfi25): pairwise correlations, n = 2,800 rows), and on a 3 × 3
// correlation matrix with n = 100 — test/fixtures/r/pca.R. Measured differences below 2e-14.
const tolerance = 1e-12;
const attitude = fixture.data.attitude as Record<string, number[]>;

suite('kmo and bartlettSphericity against psych', () => {
  it('attitude', () => {
    const reference = fixture.kmoRaw.attitude;
    const result = kmo(attitude);
    expect(result.method).toBe('kmo');
    expectClose(result.overall, reference.overall, tolerance, 'KMO');
    expectAllClose(
      result.items.map((i) => i.msa),
      reference.items,
      tolerance,
      'MSA',
    );
    expect(result.adequacy).toBe('middling');
    const bartlett = bartlettSphericity(attitude);
    expectClose(bartlett.chiSquare, reference.chiSquare, tolerance, 'χ²');
    expect(bartlett.df).toBe(reference.df);
    expectClose(bartlett.pValue, reference.pValue, tolerance, 'p');
  });

  it('bfi with pairwise correlations (psych’s default)', () => {
    const reference = fixture.kmoRaw.bfi;
    const result = kmo(fixture.data.bfi, { missing: 'pairwise' });
    expectClose(result.overall, reference.overall, tolerance, 'KMO');
    expectAllClose(
      result.items.map((i) => i.msa),
      reference.items,
      tolerance,
      'MSA',
    );
    const bartlett = bartlettSphericity(fixture.data.bfi, { missing: 'pairwise' });
    expect(bartlett.n).toBe(reference.n);
    expectClose(bartlett.chiSquare, reference.chiSquare, tolerance, 'χ²');
    expect(bartlett.pValue).toBe(reference.pValue);
  });

  it('the doc-comment examples: a correlation matrix with n', () => {
    const input = { correlation: fixture.small.correlation, n: 100 };
    expectClose(kmo(input).overall, fixture.small.kmo, tolerance, 'KMO');
    expect(kmo(input).overall).toBe(0.6278611324060892);
    expectClose(bartlettSphericity(input).chiSquare, fixture.small.bartlett, tolerance, 'χ²');
    expect(bartlettSphericity(input).chiSquare).toBe(46.449145324961485);
  });

  it('moments give the same values as the data', () => {
    expect(kmo(moments(attitude)).overall).toBeCloseTo(kmo(attitude).overall, 14);
    expect(bartlettSphericity(moments(attitude)).chiSquare).toBeCloseTo(
      bartlettSphericity(attitude).chiSquare,
      10,
    );
  });
});

suite('sampling adequacy: labels, warnings, errors', () => {
  it('Kaiser’s labels', () => {
    expect([0.95, 0.85, 0.75, 0.65, 0.55, 0.45].map(samplingAdequacy)).toEqual([
      'marvelous',
      'meritorious',
      'middling',
      'mediocre',
      'miserable',
      'unacceptable',
    ]);
  });

  it('warns on a low KMO and a non-significant Bartlett test', () => {
    const weak = {
      correlation: [
        [1, 0.1, 0.05],
        [0.1, 1, 0.08],
        [0.05, 0.08, 1],
      ],
      n: 30,
    };
    expect(kmo(weak).warnings[0]).toMatch(/^kmo: KMO = 0\.\d{3} \((miserable|unacceptable)\) is below 0\.6/);
    const bartlett = bartlettSphericity(weak);
    expect(bartlett.pValue).toBeGreaterThan(0.05);
    expect(bartlett.warnings[0]).toMatch(
      /^bartlettSphericity: Bartlett's test of sphericity is not significant/,
    );
  });

  it('names a linearly dependent item', () => {
    const data = { a: [1, 2, 3, 4, 5, 6], b: [2, 1, 4, 3, 6, 5], c: [3, 3, 7, 7, 11, 11] };
    expect(() => kmo(data)).toThrow(
      /^kmo: item "c" is a linear combination of items "a", "b" \(R² = 1\): the correlation matrix is singular/,
    );
  });

  it('refuses an indefinite matrix', () => {
    const indefinite = {
      correlation: [
        [1, 0.9, -0.9],
        [0.9, 1, 0.9],
        [-0.9, 0.9, 1],
      ],
      n: 50,
    };
    expect(() => kmo(indefinite)).toThrow(
      new RangeError(
        'kmo: the correlation matrix must be positive definite for partial correlations; got an indefinite matrix (pairwise deletion)',
      ),
    );
    expect(() => bartlettSphericity(indefinite)).toThrow(
      /^bartlettSphericity: the correlation matrix must be positive definite/,
    );
  });

  it('checks a matrix input', () => {
    expect(() =>
      kmo({
        correlation: [
          [1, 0.5],
          [0.5, 1],
        ],
        n: 2,
      }),
    ).toThrow(
      new RangeError(
        'kmo: needs more respondents than items (n > p), or the correlation matrix is singular; got 2 for 2 items',
      ),
    );
    expect(() =>
      kmo({
        correlation: [
          [2, 0.5],
          [0.5, 1],
        ],
        n: 20,
      }),
    ).toThrow(new RangeError('kmo: a correlation matrix has 1 on its diagonal; got 2 for "V1"'));
  });
});
