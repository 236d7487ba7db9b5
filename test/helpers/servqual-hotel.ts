import { readFileSync } from 'node:fs';
import type { ServqualOptions } from '../../src/servqual/servqual.js';

/**
 * The synthetic three-column hotel survey of the SERVQUAL fixtures (test/fixtures/python/servqual.py):
 * adequate, desired and perceived service on 1–7, per-respondent allocations, management estimates
 * and a `site` segment (one of 3 respondents).
 */
export const synthetic = JSON.parse(
  readFileSync(new URL('../fixtures/python/servqual.json', import.meta.url), 'utf8'),
).synthetic as {
  data: Record<string, (number | string | null)[]>;
  items: { id: string; dimension: string }[];
  management: Record<string, number>;
  allocationColumns: Record<string, string>;
};

/** Its answer and allocation columns (without `site` and `weight`). */
export const hotelTable: Record<string, (number | null)[]> = {};
for (const [name, values] of Object.entries(synthetic.data)) {
  if (name !== 'site' && name !== 'weight') hotelTable[name] = values as (number | null)[];
}

/** The options that score it: the three-column pattern, allocations, management estimates, by site. */
export const hotelOptions: ServqualOptions = {
  instrument: { items: synthetic.items },
  pattern: { expectation: 'd_{item}', perception: 'p_{item}', adequate: 'a_{item}' },
  scale: { min: 1, max: 7 },
  importance: { columns: synthetic.allocationColumns },
  managementExpectations: synthetic.management,
  by: synthetic.data.site as string[],
};
