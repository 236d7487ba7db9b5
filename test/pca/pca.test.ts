import { expect, it, describe as suite } from 'vitest';
import { pca } from '../../src/pca/pca.js';
import { moments } from '../../src/stats/moments.js';
import { bankSample } from '../helpers/data.js';
import { expectAllClose, expectClose } from '../helpers/expect-close.js';
import { caseData, caseOptions, expectNullableClose, fixture, rowsOf } from './fixture.js';

// Reference values: R 4.2 eigen(cor(x)) / eigen(cov(x)), prcomp(x, scale. = TRUE)$x, psych 2.2.9 KMO
// and cortest.bartlett, and stats::varimax continued to full convergence, on R's attitude,
// USJudgeRatings and mtcars, psych's bfi (listwise and pairwise) and the bundled sample (weighted
// and unweighted), with signs and column order mapped by the sign rule — test/fixtures/r/pca.R.
//
// Measured largest relative differences: eigenvalues 1e-12 (mtcars covariance, eigenvalues up to
// 18,641: LAPACK's dsyevr against ml-matrix's tql2), eigenvectors, loadings, scores and composite
// 1e-13, KMO 2e-14, Bartlett 5e-15, varimax against the converged R rotation 2.3e-11 (mtcars
// covariance; 1e-12 elsewhere), rotated scores 5e-12. So 1e-10 is the tolerance throughout, except
// where noted.
const tolerance = 1e-10;

suite('pca against R', () => {
  for (const reference of fixture.cases) {
    it(reference.name, () => {
      const result = pca(caseData(reference), caseOptions(reference));
      expect(result.n).toBe(reference.n);
      expect(result.dropped).toBe(reference.dropped);
      expect(result.scored).toBe(reference.scored);
      expect(result.retained).toBe(reference.retained);
      expect(result.weighted).toBe(reference.options.weighted);
      expectAllClose(result.eigenvalues, reference.eigenvalues, tolerance, 'eigenvalues');
      expectAllClose(result.proportion, reference.proportion, tolerance, 'proportion');
      expectAllClose(result.cumulative, reference.cumulative, tolerance, 'cumulative');
      expectAllClose(result.eigenvectors, reference.eigenvectors, tolerance, 'eigenvectors');
      expectAllClose(result.loadings, reference.loadings, tolerance, 'loadings');
      expectAllClose(result.communalities, reference.communalities, tolerance, 'communalities');
      expectAllClose(result.compositeWeights, reference.compositeWeights, tolerance, 'composite weights');
      expectClose(result.kmo!.overall, reference.kmo.overall, tolerance, 'KMO');
      expectAllClose(
        result.kmo!.items.map((i) => i.msa),
        reference.kmo.items,
        tolerance,
        'MSA',
      );
      expectClose(result.bartlett!.chiSquare, reference.bartlett.chiSquare, tolerance, 'Bartlett χ²');
      expect(result.bartlett!.df).toBe(reference.bartlett.df);
      expectClose(result.bartlett!.sampleSize, reference.bartlett.sampleSize, tolerance, 'Bartlett n');
      // p-values this small underflow alike on both sides; compared relatively where they do not.
      expectClose(result.bartlett!.pValue, reference.bartlett.pValue, tolerance, 'Bartlett p');
      const rows = reference.scoreRows;
      expectNullableClose(rowsOf(result.scores!, rows), reference.scores, tolerance, 'scores');
      if (reference.prcompScores) {
        expectNullableClose(rowsOf(result.scores!, rows), reference.prcompScores, tolerance, 'prcomp scores');
      }
      expectNullableClose(
        rows.map((r) => result.compositeScore![r]!),
        reference.compositeScore,
        tolerance,
        'composite',
      );
      expectNullableClose(
        rows.map((r) => result.scaledCompositeScore![r]!),
        reference.scaledCompositeScore,
        tolerance,
        'scaled composite',
      );
      expectClose(result.compositeRange!.min, reference.compositeRange.min, tolerance, 'composite min');
      expectClose(result.compositeRange!.max, reference.compositeRange.max, tolerance, 'composite max');
      if (reference.rotated) {
        const rotated = result.rotated!;
        expect(rotated.converged).toBe(true);
        expectAllClose(rotated.loadings, reference.rotated.convergedLoadings, tolerance, 'varimax loadings');
        expectAllClose(
          rotated.rotationMatrix,
          reference.rotated.convergedRotationMatrix,
          tolerance,
          'rotation matrix',
        );
        expectNullableClose(
          rowsOf(result.rotatedScores!, rows),
          reference.rotated.scores,
          tolerance,
          'rotated scores',
        );
        // stats::varimax(eps = 1e-14) stops on the growth of its criterion, which is quadratic in the
        // rotation still to do: measured up to 9.1e-7 (mtcars covariance), 5.4e-8 elsewhere.
        expectAllClose(rotated.loadings, reference.rotated.loadings, 2e-6, 'stats::varimax(eps = 1e-14)');
        // psych::principal uses stats::varimax's default eps = 1e-5: measured up to 1.1e-3 on the
        // correlation basis (USJudgeRatings) and 3.8e-2 relative on mtcars' covariance loadings
        // (which are in the items' units, up to 130).
        const psychTolerance = reference.options.basis === 'covariance' ? 0.05 : 2e-3;
        expectAllClose(rotated.loadings, reference.rotated.psychLoadings, psychTolerance, 'psych::principal');
        // psych::principal(eps = 1e-14), which passes eps on to stats::varimax: both sides iterated to
        // convergence, within the same stopping error as stats::varimax(eps = 1e-14) above.
        expectAllClose(
          rotated.loadings,
          reference.rotated.psychConvergedLoadings,
          2e-6,
          'psych::principal(eps = 1e-14)',
        );
        if (reference.rotated.psychScores) {
          // psych's scores from its loadings: measured up to 3.8e-3 (USJudgeRatings).
          expectNullableClose(
            rowsOf(result.rotatedScores!, rows),
            reference.rotated.psychScores,
            5e-3,
            'psych scores',
          );
        }
      }
    });
  }
});

suite('pca invariants', () => {
  const reference = fixture.cases.find((c) => c.name.startsWith('bfi, 25 items, listwise'))!;
  const result = pca(caseData(reference), {
    ...caseOptions(reference),
    components: 25,
    rotation: 'varimax',
  });

  it('eigenvectors are orthonormal (VᵀV = I) and the eigenvalues sum to p', () => {
    const v = result.eigenvectors;
    for (let a = 0; a < 25; a++) {
      for (let b = 0; b < 25; b++) {
        const dot = v.reduce((s, row) => s + row[a]! * row[b]!, 0);
        expectClose(dot, a === b ? 1 : 0, 1e-12, `VᵀV[${a}][${b}]`);
      }
    }
    expectClose(
      result.eigenvalues.reduce((a, b) => a + b, 0),
      25,
      1e-12,
      'Σλ',
    );
    expectClose(result.cumulative.at(-1)!, 1, 1e-12, 'cumulative');
  });

  it('keeping every component, communalities are 1 and the rotation is orthogonal', () => {
    expectAllClose(
      result.communalities,
      result.items.map(() => 1),
      1e-12,
      'communalities',
    );
    const t = result.rotated!.rotationMatrix;
    for (let a = 0; a < 25; a++) {
      for (let b = 0; b < 25; b++) {
        const dot = t.reduce((s, row) => s + row[a]! * row[b]!, 0);
        expectClose(dot, a === b ? 1 : 0, 1e-12, `TᵀT[${a}][${b}]`);
      }
    }
  });

  it('each component’s largest-magnitude loading is positive', () => {
    for (const matrix of [result.loadings, result.rotated!.loadings]) {
      for (let j = 0; j < matrix[0]!.length; j++) {
        const column = matrix.map((row) => row[j]!);
        const largest = column.reduce((a, b) => (Math.abs(b) > Math.abs(a) ? b : a), 0);
        expect(largest).toBeGreaterThan(0);
      }
    }
  });

  it('scores have mean 0 and variance = eigenvalue; the composite is their eigenvalue-share combination', () => {
    const scored = result.compositeScore!.map((c, r) => (c === null ? -1 : r)).filter((r) => r >= 0);
    expect(scored.length).toBe(reference.n);
    result.componentNames.forEach((name, j) => {
      const values = scored.map((r) => result.scores![name]![r]!);
      const mean = values.reduce((a, b) => a + b, 0) / values.length;
      const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1);
      expectClose(mean, 0, 1e-12, `${name} mean`);
      expectClose(variance, result.eigenvalues[j]!, 1e-10, `${name} variance`);
    });
    for (const r of scored.slice(0, 50)) {
      const combination = result.componentNames.reduce(
        (a, name, j) => a + result.compositeWeights[j]! * result.scores![name]![r]!,
        0,
      );
      expectClose(result.compositeScore![r]!, combination, 1e-12, `composite ${r}`);
    }
    const scaled = scored.map((r) => result.scaledCompositeScore![r]!);
    expect(Math.min(...scaled)).toBe(0);
    expectClose(Math.max(...scaled), 100, 1e-12, 'max scaled');
  });

  it('rotated scores are uncorrelated with unit variance', () => {
    const names = result.rotated!.components;
    const rows = result.compositeScore!.map((c, r) => (c === null ? -1 : r)).filter((r) => r >= 0);
    for (const a of names.slice(0, 4)) {
      for (const b of names.slice(0, 4)) {
        const x = rows.map((r) => result.rotatedScores![a]![r]!);
        const y = rows.map((r) => result.rotatedScores![b]![r]!);
        const cross = x.reduce((s, v, k) => s + v * y[k]!, 0) / (rows.length - 1);
        expectClose(cross, a === b ? 1 : 0, 1e-10, `cov(${a}, ${b})`);
      }
    }
  });

  it('unit-variance scores are the scores divided by √eigenvalue', () => {
    const unit = pca(caseData(reference), { ...caseOptions(reference), scoreVariance: 'unit' });
    const plain = pca(caseData(reference), caseOptions(reference));
    expect(unit.scoreVariance).toBe('unit');
    for (const r of [0, 1, 2, 5, 8]) {
      plain.componentNames.forEach((name, j) => {
        const f = plain.scores![name]![r];
        const u = unit.scores![name]![r];
        if (f === null) expect(u).toBeNull();
        else expectClose(u!, f! / Math.sqrt(plain.eigenvalues[j]!), 1e-12, `${name}[${r}]`);
      });
    }
    // The composite does not change with the scale of `scores`.
    expect(unit.compositeScore).toEqual(plain.compositeScore);
  });
});

suite('pca inputs', () => {
  const attitude = fixture.data.attitude as Record<string, number[]>;
  const items = Object.keys(attitude);

  it('moments and { correlation, n } give the same solution as the data, without scores', () => {
    const fromData = pca(attitude);
    const fromMoments = pca(moments(attitude));
    const fromMatrix = pca({ correlation: moments(attitude).correlation(), n: 30, items });
    for (const other of [fromMoments, fromMatrix]) {
      expectAllClose(other.eigenvalues, fromData.eigenvalues, 1e-14, 'eigenvalues');
      expectAllClose(other.loadings, fromData.loadings, 1e-13, 'loadings');
      expectClose(other.kmo!.overall, fromData.kmo!.overall, 1e-14, 'KMO');
      expectClose(other.bartlett!.chiSquare, fromData.bartlett!.chiSquare, 1e-13, 'Bartlett');
      expect(other.scores).toBeNull();
      expect(other.compositeScore).toBeNull();
    }
    expect(fromData.scores).not.toBeNull();
    const covariance = pca(
      { covariance: moments(attitude).covariance(), n: 30, items },
      { basis: 'covariance' },
    );
    const covarianceData = pca(attitude, { basis: 'covariance' });
    expectAllClose(covariance.eigenvalues, covarianceData.eigenvalues, 1e-13, 'covariance eigenvalues');
  });

  it('scores requested from moments are an error that says why', () => {
    expect(() => pca(moments(attitude), { scores: true })).toThrow(
      new RangeError(
        "pca: scores need the respondents' answers; got moments (pass the data, or set scores: false)",
      ),
    );
    expect(() => pca(attitude, { scores: false, rank: true })).toThrow(
      new RangeError('pca: rank and by need scores; got scores: false'),
    );
  });

  it('rows with a missing answer are not scored: null, counted, aligned', () => {
    const data = { ...attitude, rating: attitude.rating!.map((v, r) => (r === 3 ? Number.NaN : v)) };
    const result = pca(data);
    expect(result.n).toBe(29);
    expect(result.dropped).toBe(1);
    expect(result.scored).toBe(29);
    expect(result.unscored).toBe(1);
    expect(result.compositeScore![3]).toBeNull();
    expect(result.scaledCompositeScore![3]).toBeNull();
    expect(result.scores!.PC1![3]).toBeNull();
    expect(result.compositeScore!).toHaveLength(30);
    expect(result.warnings).toContain(
      'pca: 1 of 30 respondents left an analysed item unanswered and have no scores (null)',
    );
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });

  it('retention rules: fixed, Kaiser (above the mean eigenvalue), cumulative', () => {
    const kaiser = pca(attitude);
    expect(kaiser.retention).toEqual({ rule: 'kaiser', threshold: 1 });
    expect(kaiser.retained).toBe(kaiser.eigenvalues.filter((v) => v > 1).length);
    expect(pca(attitude, { components: 3 }).retained).toBe(3);
    const cumulative = pca(attitude, { components: { cumulative: 0.7 } });
    expect(cumulative.cumulative[cumulative.retained - 1]).toBeGreaterThanOrEqual(0.7);
    expect(cumulative.cumulative[cumulative.retained - 2]).toBeLessThan(0.7);
    expect(cumulative.retention).toEqual({ rule: 'cumulative', threshold: 0.7 });
    // With the covariance basis, Kaiser's rule keeps eigenvalues above their mean.
    const covariance = pca(attitude, { basis: 'covariance' });
    const mean = covariance.eigenvalues.reduce((a, b) => a + b, 0) / items.length;
    expectClose(covariance.retention.threshold!, mean, 1e-12, 'threshold');
    expect(covariance.retained).toBe(covariance.eigenvalues.filter((v) => v > mean).length);
  });

  it('ranks respondents (1 = highest, ties share the lowest rank) and segments by mean composite', () => {
    const result = pca(attitude, { rank: true, by: attitude.rating!.map((v) => (v >= 65 ? 'high' : 'low')) });
    const composite = result.compositeScore as number[];
    const best = composite.indexOf(Math.max(...composite));
    expect(result.ranks![best]).toBe(1);
    result.ranks!.forEach((rank, r) => {
      expect(rank).toBe(1 + composite.filter((c) => c > composite[r]!).length);
    });
    const segments = result.segments!;
    expect(segments.map((s) => s.rank)).toEqual([1, 2]);
    for (const segment of segments) {
      const members = attitude.rating!.map((v, r) =>
        (v >= 65 ? 'high' : 'low') === segment.segment ? r : -1,
      );
      const values = members.filter((r) => r >= 0).map((r) => composite[r]!);
      expect(segment.n).toBe(values.length);
      expectClose(segment.compositeScore!, values.reduce((a, b) => a + b, 0) / values.length, 1e-12, 'mean');
    }
    expect(segments[0]!.compositeScore!).toBeGreaterThan(segments[1]!.compositeScore!);
  });

  it('segments of Responses by name, weighted by the respondent weights', () => {
    const sample = bankSample();
    const items = sample.items.filter((id) => id.startsWith('p_'));
    const result = pca(sample, { items, by: 'channel' });
    expect(result.by).toBe('channel');
    expect(result.weighted).toBe(true);
    const channel = sample.segment('channel');
    for (const segment of result.segments!) {
      let w = 0;
      let s = 0;
      let unscored = 0;
      channel.forEach((label, r) => {
        if (label !== segment.segment) return;
        const c = result.compositeScore![r];
        if (c === null || c === undefined) {
          unscored++;
          return;
        }
        w += sample.weights![r]!;
        s += sample.weights![r]! * c;
      });
      expectClose(segment.compositeScore!, s / w, 1e-12, segment.segment);
      expect(segment.unscored).toBe(unscored);
    }
  });
});

suite('pca errors', () => {
  const attitude = fixture.data.attitude as Record<string, number[]>;

  it('names a constant item', () => {
    expect(() => pca({ ...attitude, privileges: attitude.privileges!.map(() => 3) })).toThrow(
      new RangeError(
        'pca: item "privileges" has no variance (every answer is the same); remove it from items',
      ),
    );
  });

  it('names an item that is a linear combination of others, and those items', () => {
    const total = attitude.rating!.map((v, r) => v + 2 * attitude.complaints![r]!);
    expect(() =>
      pca({
        rating: attitude.rating!,
        complaints: attitude.complaints!,
        learning: attitude.learning!,
        total,
      }),
    ).toThrow(
      /^pca: item "total" is a linear combination of items "rating", "complaints" \(R² = 1\): the correlation matrix is singular; remove it or one of them; got 1 − R² = /,
    );
  });

  it('needs two items and more respondents than items', () => {
    expect(() => pca({ a: [1, 2, 3] })).toThrow(new RangeError('pca: needs at least 2 items; got 1'));
    expect(() => pca({ a: [1, 2, 3], b: [2, 1, 3], c: [3, 3, 1] })).toThrow(
      new RangeError(
        'pca: needs more respondents with every item answered than items (n > p), or the correlation matrix is singular; got 3 for 3 items',
      ),
    );
  });

  it('checks its options', () => {
    expect(() => pca(attitude, { components: 8 })).toThrow(
      new RangeError('pca: components must be a whole number from 1 to 7 (the items); got 8'),
    );
    expect(() => pca(attitude, { components: { cumulative: 1.5 } })).toThrow(
      new RangeError('pca: components.cumulative must be within (0, 1]; got 1.5'),
    );
    expect(() => pca(attitude, { components: 'scree' as never })).toThrow(
      new TypeError(`pca: components must be a number, 'kaiser' or { cumulative }; got "scree"`),
    );
    expect(() => pca(attitude, { basis: 'cov' as never })).toThrow(
      new RangeError(`pca: basis must be 'correlation' or 'covariance'; got "cov"`),
    );
    expect(() => pca(attitude, { rotation: 'promax' as never })).toThrow(
      new RangeError(`pca: rotation must be 'none' or 'varimax'; got "promax"`),
    );
    expect(() => pca(attitude, { missing: 'none' as never })).toThrow(
      new RangeError(`pca: missing must be 'listwise' or 'pairwise'; got "none"`),
    );
    expect(() =>
      pca(
        {
          correlation: [
            [1, 0.5],
            [0.5, 1],
          ],
          n: 10,
        },
        { basis: 'covariance' },
      ),
    ).toThrow(
      new RangeError("pca: basis 'covariance' needs a covariance matrix or data; got a correlation matrix"),
    );
    expect(() =>
      pca({
        correlation: [
          [1, 0.5],
          [0.4, 1],
        ],
        n: 10,
      }),
    ).toThrow(new RangeError('pca: correlation must be symmetric; got [1][0] = 0.4, [0][1] = 0.5'));
  });

  it('the doc-comment example', () => {
    const result = pca({ q1: [1, 2, 3, 4, 5], q2: [2, 1, 4, 3, 5], q3: [1, 3, 2, 5, 4] });
    expect(result.eigenvalues.map((v) => Number(v.toFixed(4)))).toEqual([2.2913, 0.7, 0.0087]);
    expect(result.retained).toBe(1);
    expect(result.scaledCompositeScore!.map((v) => Number(v!.toFixed(2)))).toEqual([
      0, 20.44, 50, 79.56, 100,
    ]);
  });
});
