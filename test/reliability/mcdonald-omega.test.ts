import { readFileSync } from 'node:fs';
import { expect, it, describe as suite } from 'vitest';
import { cronbachAlpha, mcdonaldOmega, moments } from '../../src/index.js';
import { bankSample } from '../helpers/data.js';
import { expectAbsolute, expectAllClose, expectClose } from '../helpers/expect-close.js';

// Reference values: R 4.2 psych 2.2.9 `omega(x, nfactors = 1)$omega.tot` and the minres loadings of
// `fa(cor(x, use = "pairwise"), 1)`, on attitude and on psych's bfi scales (reverse-keyed items
// keyed first), pairwise as psych computes and listwise on na.omit data; lavaan 0.6's one-factor ML
// omega on standardized items for comparison. Computed by test/fixtures/r/reliability.R.
//
// Tolerances, measured: psych's fa stops its optimiser (optim, L-BFGS-B) short of the minres optimum
// that the iteration here reaches to 1e-12; its loadings differ from ours by at most 6.0e-6 and its
// omega by at most 4.1e-8 over these cases, hence 1e-5 and 1e-7.

interface OmegaReference {
  readonly name: string;
  readonly source: 'attitude' | 'bfi';
  readonly items: string[];
  readonly missing: 'pairwise' | 'listwise';
  readonly omegaTotal: number;
  readonly loadings: number[];
  readonly lavaanOmega: number;
}
interface Fixture {
  readonly data: {
    readonly attitude: Record<string, number[]>;
    readonly bfi: Record<string, (number | null)[]>;
  };
  readonly omega: OmegaReference[];
}
const fixture = JSON.parse(
  readFileSync(new URL('../fixtures/r/reliability.json', import.meta.url), 'utf8'),
) as Fixture;
const { attitude, bfi } = fixture.data;
const reverseKeys: Record<string, string[]> = {
  agreeableness: ['A1'],
  conscientiousness: ['C4', 'C5'],
  extraversion: ['E1', 'E2'],
  neuroticism: [],
  openness: ['O2', 'O5'],
};

function run(reference: OmegaReference) {
  if (reference.source === 'attitude') {
    return mcdonaldOmega(attitude, { items: reference.items, missing: reference.missing });
  }
  return mcdonaldOmega(bfi, {
    items: reference.items,
    missing: reference.missing,
    reverse: reverseKeys[reference.name.split(' ')[1]!]!,
    scale: { min: 1, max: 6 },
  });
}

suite('mcdonaldOmega against psych::omega', () => {
  for (const reference of fixture.omega) {
    it(reference.name, () => {
      const result = run(reference);
      expect(result.converged).toBe(true);
      expect(result.missing).toBe(reference.missing);
      expectAbsolute(result.omegaTotal, reference.omegaTotal, 1e-7, 'omega total');
      expectAllClose(result.loadings, reference.loadings, 1e-5, 'loadings');
    });
  }

  it('is within 0.005 of lavaan on the bfi scales (2,800 respondents)', () => {
    // Maximum likelihood and minres weigh residuals differently; over the bfi scales the two omegas
    // differ by at most 0.0035 (neuroticism). On attitude (30 departments) they differ by 0.0104,
    // and lavaan's own raw-score omega by 0.0053 from psych's, so attitude is not compared here.
    for (const reference of fixture.omega.filter((r) => r.source === 'bfi')) {
      expectAbsolute(run(reference).omegaTotal, reference.lavaanOmega, 0.005, reference.name);
    }
  });

  it('the doc-comment example', () => {
    const result = mcdonaldOmega({
      q1: [4, 4, 4, 2, 3, 4, 1, 4, 4, 2],
      q2: [2, 3, 4, 1, 3, 3, 1, 3, 3, 4],
      q3: [4, 3, 3, 1, 2, 3, 3, 4, 3, 1],
      q4: [3, 3, 4, 2, 3, 2, 1, 4, 3, 2],
    });
    expect(result.omegaTotal).toBe(0.8219008985450142);
    // psych::omega(x, 1)$omega.tot = 0.821900927367658 (its optimiser stops 2.9e-8 away)
    expectAbsolute(result.omegaTotal, 0.821900927367658, 1e-7);
  });
});

suite('mcdonaldOmega model and invariants', () => {
  it('the loadings solve the minres equations: λ is an eigenvector of R with λ² on the diagonal', () => {
    const result = mcdonaldOmega(attitude);
    const r = moments(attitude).correlation();
    const norm = result.loadings.reduce((a, l) => a + l * l, 0);
    r.forEach((row, i) => {
      const product = row.reduce(
        (a, value, j) => a + (i === j ? result.loadings[i]! ** 2 : value) * result.loadings[j]!,
        0,
      );
      expectClose(product, norm * result.loadings[i]!, 1e-10, `row ${i}`);
    });
    expectAllClose(
      result.uniquenesses,
      result.loadings.map((l) => 1 - l * l),
      1e-15,
    );
  });

  it('equals alpha for parallel items (equal loadings) and exceeds it for congeneric ones', () => {
    // Compound symmetry: every correlation ρ, so λ² = ρ and ω = α_std = kρ / (1 + (k − 1)ρ).
    const rho = 0.4;
    const k = 5;
    const r = Array.from({ length: k }, (_, i) => Array.from({ length: k }, (_, j) => (i === j ? 1 : rho)));
    const rows = equicorrelated(r, 400);
    const omega = mcdonaldOmega(rows.data, { columns: rows.columns });
    const alpha = cronbachAlpha(rows.data, { columns: rows.columns });
    expectClose(omega.omegaTotal, alpha.standardizedAlpha, 1e-9);
    const congeneric = mcdonaldOmega(attitude);
    expect(congeneric.omegaTotal).toBeGreaterThan(cronbachAlpha(attitude).standardizedAlpha);
  });

  it('from moments equals from the raw data; the result is plain JSON', () => {
    const raw = mcdonaldOmega(bfi, { items: ['N1', 'N2', 'N3', 'N4', 'N5'], missing: 'pairwise' });
    const fromMoments = mcdonaldOmega(
      moments(bfi, { items: ['N1', 'N2', 'N3', 'N4', 'N5'], missing: 'pairwise' }),
    );
    expectClose(fromMoments.omegaTotal, raw.omegaTotal, 1e-14);
    expect(JSON.parse(JSON.stringify(raw))).toEqual(raw);
  });

  it('uses Responses with their weights and states the estimator', () => {
    const result = mcdonaldOmega(bankSample(), { items: ['p_rel1', 'p_rel2', 'p_rel3', 'p_rel4', 'p_rel5'] });
    expect(result).toMatchObject({ estimator: 'minres', basis: 'correlation', weighted: true, k: 5 });
    expect(result.n + result.dropped).toBe(612);
    expect(result.omegaTotal).toBeGreaterThan(0.5);
    expect(result.omegaTotal).toBeLessThan(1);
  });
});

suite('mcdonaldOmega diagnostics and errors', () => {
  it('names items that load negatively (unreversed keys)', () => {
    const result = mcdonaldOmega(bfi, { items: ['A1', 'A2', 'A3', 'A4', 'A5'] });
    expect(result.loadings[0]).toBeLessThan(0);
    expect(result.warnings).toContain(
      'mcdonaldOmega: "A1" loads negatively on the common factor; reverse-coding suspect (see options.reverse)',
    );
  });

  it('bounds a Heywood case and says so', () => {
    const result = mcdonaldOmega({ q1: [4, 5, 3, 4, 2, 3], q2: [4, 4, 3, 5, 2, 3], q3: [5, 5, 2, 4, 3, 2] });
    expectClose(result.uniquenesses[0]!, 0.005, 1e-12);
    expect(result.warnings).toEqual([
      'mcdonaldOmega: Heywood case: the communality of "q1" reached its bound 0.995',
    ]);
  });

  it('reports non-convergence', () => {
    const result = mcdonaldOmega(attitude, { maxIterations: 2 });
    expect(result.converged).toBe(false);
    expect(result.warnings).toContain(
      'mcdonaldOmega: the factor fit did not converge in 2 iterations (tolerance 1e-12)',
    );
  });

  it('needs three items and valid options', () => {
    expect(() => mcdonaldOmega(attitude, { items: ['rating', 'raises'] })).toThrow(
      new RangeError(
        'mcdonaldOmega: a one-factor model needs at least 3 items (2 items cannot identify it); got 2',
      ),
    );
    expect(() => mcdonaldOmega(attitude, { tolerance: 0 })).toThrow(
      new RangeError('mcdonaldOmega: tolerance must be positive; got 0'),
    );
    expect(() => mcdonaldOmega(attitude, { maxIterations: 1.5 })).toThrow(
      new RangeError('mcdonaldOmega: maxIterations must be a positive integer; got 1.5'),
    );
    expect(() => mcdonaldOmega({ a: [1, 2, 3], b: [1, 2, 4], c: [3, 3, 3] })).toThrow(
      new RangeError(
        'mcdonaldOmega: item "c" has no variance (every answer is the same); remove it from items',
      ),
    );
  });
});

/** Rows whose sample correlation matrix is exactly `r`: standardized, whitened normals recoloured. */
function equicorrelated(r: number[][], n: number): { data: number[][]; columns: string[] } {
  const k = r.length;
  // Deterministic pseudo-random scores, then exact whitening by Gram–Schmidt on centred columns.
  let seed = 7;
  const next = () => {
    seed = (seed * 48271) % 2147483647;
    return seed / 2147483647 - 0.5;
  };
  const z = Array.from({ length: k }, () => Array.from({ length: n }, next));
  for (let j = 0; j < k; j++) {
    const column = z[j]!;
    const mean = column.reduce((a, b) => a + b, 0) / n;
    for (let i = 0; i < n; i++) column[i]! -= mean;
    for (let l = 0; l < j; l++) {
      const other = z[l]!;
      const dot = column.reduce((a, v, i) => a + v * other[i]!, 0);
      for (let i = 0; i < n; i++) column[i]! -= dot * other[i]!;
    }
    const norm = Math.sqrt(column.reduce((a, v) => a + v * v, 0));
    for (let i = 0; i < n; i++) column[i]! /= norm;
  }
  // Cholesky factor of r, then x = z Lᵀ has correlation r.
  const l = r.map((row) => row.map(() => 0));
  for (let i = 0; i < k; i++) {
    for (let j = 0; j <= i; j++) {
      let s = r[i]![j]!;
      for (let m = 0; m < j; m++) s -= l[i]![m]! * l[j]![m]!;
      l[i]![j] = i === j ? Math.sqrt(s) : s / l[j]![j]!;
    }
  }
  const data = Array.from({ length: n }, (_, i) =>
    Array.from({ length: k }, (_, a) => l[a]!.reduce((s, value, m) => s + value * z[m]![i]!, 0)),
  );
  return { data, columns: r.map((_, i) => `x${i + 1}`) };
}
