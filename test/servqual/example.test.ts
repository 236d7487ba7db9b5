import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { servqual } from '../../src/servqual/servqual.js';
import { bankSample } from '../helpers/data.js';

// examples/servqual.ts runs as written and prints what the library computes.
const root = new URL('../../', import.meta.url);

it('examples/servqual.ts', () => {
  const output = execFileSync(
    fileURLToPath(new URL('node_modules/.bin/tsx', root)),
    [fileURLToPath(new URL('examples/servqual.ts', root))],
    { encoding: 'utf8' },
  );
  const signed = (value: number, digits = 2) => `${value >= 0 ? '+' : ''}${value.toFixed(digits)}`;
  // The example turns the stated dimension weights into 100 points.
  const stated = JSON.parse(
    readFileSync(new URL('examples/data/bank-survey.weights.json', root), 'utf8'),
  ) as {
    scoringTable: { dimensions: Record<string, number> };
  };
  const points = Object.fromEntries(
    Object.entries(stated.scoringTable.dimensions).map(([dimension, weight]) => [
      dimension,
      Math.round(weight * 100),
    ]),
  );
  const result = servqual(bankSample(), { importance: { points }, by: 'channel' });
  for (const row of result.dimensions) {
    expect(output).toMatch(
      new RegExp(
        `${row.dimension} +${row.n} +${row.expectation!.toFixed(2)} +${row.perception!.toFixed(2)} +${signed(row.gap!)} +${row.rank}`,
      ),
    );
  }
  expect(output).toContain(`mean of the dimension gaps): ${signed(result.overallGap, 3)}`);
  expect(output).toContain(`(points ${Object.values(points).join('/')}): ${signed(result.weightedGap!, 3)}`);
  expect(output).toContain(`mean of the dimension perceptions): ${result.servperf.toFixed(3)}`);
  for (const row of result.reliability!) {
    expect(output).toMatch(
      new RegExp(
        `${row.dimension} +${row.k} +${row.expectation!.alpha.toFixed(3)} +${row.perception!.alpha.toFixed(3)} +${row.gap!.alpha.toFixed(3)}`,
      ),
    );
  }
  for (const segment of result.segments!) {
    expect(output).toContain(
      `${segment.segment.padEnd(8)} ${segment.n}  ${signed(segment.overallGap!, 3)} (${signed(segment.difference.overallGap!, 3)})`,
    );
  }
  const worst = result.items.find((item) => item.item === result.ranking[0])!;
  const test = result.tests.items.find((row) => row.item === worst.item)!;
  expect(output).toContain(
    ` 1. ${worst.item.padEnd(5)} gap ${signed(worst.gap)}  95% ${test.confidenceInterval![0].toFixed(2)} to ${test.confidenceInterval![1].toFixed(2)}  t(${test.df}) = ${test.tValue!.toFixed(2)}`,
  );
});
