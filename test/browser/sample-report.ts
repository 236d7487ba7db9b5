import { readFileSync } from 'node:fs';
import type { LabelledPairwiseMatrix } from '../../src/ahp/pairwise-matrix.js';
import type { ReportConfig } from '../../src/report/report.js';
import type { DimensionWeights } from '../../src/scoring/index-weights.js';
import { bankSample } from '../helpers/data.js';

const root = new URL('../../', import.meta.url);
const readJson = (file: string) => JSON.parse(readFileSync(new URL(file, root), 'utf8'));

/**
 * The full report config of the bundled sample: every section the report supports, on the perception
 * items of the five SERVQUAL dimensions, with the manager's scoring table (index segmented by
 * channel) and AHP judgments of examples/data/bank-survey.weights.json, and SERVQUAL with those
 * weights as 100 points. examples/report.ts builds the same config.
 */
export function sampleReportConfig(): ReportConfig {
  const sample = bankSample();
  const { scoringTable, ahpJudgments } = readJson('examples/data/bank-survey.weights.json') as {
    scoringTable: DimensionWeights;
    ahpJudgments: LabelledPairwiseMatrix;
  };
  const { name } = readJson('examples/data/bank-survey.survey.json') as { name: string };
  const dimensions = ahpJudgments.labels;
  const points = Object.fromEntries(
    Object.entries(scoringTable.dimensions).map(([dimension, weight]) => [
      dimension,
      Math.round(weight * 100),
    ]),
  );
  return {
    title: name,
    subtitle: `Bundled sample, ${sample.n} respondents`,
    items: dimensions.flatMap((d) => sample.dimension(d).filter((id) => id.startsWith('p_'))),
    describe: true,
    netPromoterScore: true,
    reliability: true,
    satisfactionIndex: { weights: scoringTable, by: 'channel' },
    ahp: { judgments: ahpJudgments },
    fuzzy: true,
    pca: { rotation: 'varimax', by: 'channel' },
    drivers: { outcome: 'overall', drivers: 'dimensions' },
    comparison: true,
    servqual: { importance: { points }, by: 'channel' },
  };
}
