import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it, describe as suite } from 'vitest';
import { importancePerformance } from '../../src/drivers/importance-performance.js';
import { regress } from '../../src/drivers/regress.js';
import { relativeImportance } from '../../src/drivers/relative-importance.js';
import { bankDimensionMeans, DIMENSIONS } from './helpers.js';

// examples/drivers.ts runs as written and prints what the library computes on the same data.
suite('examples/drivers.ts', () => {
  const root = new URL('../../', import.meta.url);
  const output = execFileSync(
    fileURLToPath(new URL('node_modules/.bin/tsx', root)),
    [fileURLToPath(new URL('examples/drivers.ts', root))],
    { encoding: 'utf8' },
  );
  const { columns } = bankDimensionMeans();
  const options = { outcome: 'overall', drivers: [...DIMENSIONS] };

  it('prints the regression', () => {
    const fit = regress(columns, options);
    expect(output).toContain(
      `n = ${fit.n} (${fit.dropped} dropped for a missing answer), R² = ${fit.rSquared.toFixed(3)}, adjusted ${fit.adjustedRSquared.toFixed(3)}, F = ${fit.fStatistic.toFixed(1)} on 5 and ${fit.df} df`,
    );
    const reliability = fit.coefficients.find((c) => c.term === 'reliability')!;
    expect(output).toMatch(
      new RegExp(
        `reliability +${reliability.estimate.toFixed(3)} +${reliability.standardError.toFixed(3)} +${reliability.tValue.toFixed(2)} .* ${reliability.standardized!.toFixed(3)} +${reliability.vif!.toFixed(2)}`,
      ),
    );
  });

  it('prints the Shapley shares with their intervals and the relative weights', () => {
    const shapley = relativeImportance(columns, { ...options, bootstrap: true });
    const weights = relativeImportance(columns, { ...options, method: 'relative-weights' });
    for (const row of shapley.drivers) {
      const rw = weights.drivers.find((d) => d.driver === row.driver)!;
      expect(output).toContain(
        `${String(row.rank).padStart(4)}  ${row.driver.padEnd(14)}  ${row.importance.toFixed(3)}  ${row.share.toFixed(3)}  ${row.shareInterval![0].toFixed(3)}–${row.shareInterval![1].toFixed(3)}      ${rw.importance.toFixed(3)}`,
      );
    }
    const undecided = shapley.comparisons!.filter((c) => !c.distinguishable);
    for (const pair of undecided) expect(output).toContain(`  ${pair.driver} vs ${pair.other}: difference`);
  });

  it('prints the importance–performance map', () => {
    const map = importancePerformance(columns, { ...options, scale: { min: 1, max: 5 } });
    for (const row of map.drivers) {
      expect(output).toMatch(
        new RegExp(
          `${row.priorityRank}  ${row.driver} +${row.importance.toFixed(3)} +${row.performance.toFixed(2)}  ${row.quadrantLabel}`,
        ),
      );
    }
  });
});
