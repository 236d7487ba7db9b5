import type {
  FuzzyEvaluateHierarchyResult,
  FuzzyEvaluateResult,
  FuzzyHierarchyDimensionResult,
  MembershipMatrixResult,
} from '../../index.js';
import { stackedBarChart } from '../charts/stacked-bar-chart.js';
import { formatNumber } from '../format.js';
import type { Block, Section } from '../section.js';
import { chartBlock, column, summaryBlock, tableBlock, warningsBlock } from './blocks.js';

const OPERATOR: Readonly<Record<FuzzyEvaluateResult['operator'], string>> = {
  'weighted-average': 'weighted average M(·, ⊕)',
  'min-max': 'min–max M(∧, ∨)',
  'product-max': 'product–max M(·, ∨)',
  'min-bounded-sum': 'min–bounded sum M(∧, ⊕)',
};

const gradeColumns = (grades: readonly string[]) => column.numbers(grades, 3);

/** `membershipMatrix`: each item's share of answers in each grade (table and stacked bars). */
export function renderMembershipMatrix(result: MembershipMatrixResult): Section {
  return {
    id: 'membership-matrix',
    title: 'Fuzzy membership matrix',
    blocks: [
      tableBlock({
        caption: 'Membership of each item in each grade (share of its answers)',
        columns: [
          column.text('item'),
          column.integer('answered'),
          column.integer('missing'),
          ...gradeColumns(result.grades),
        ],
        rows: result.items.map((item, i) => [
          item,
          result.answered[i]!,
          result.missing[i]!,
          ...result.matrix[i]!,
        ]),
        notes: [
          `Grades (scale points): ${result.grades.map((g, j) => `${g} (${result.gradeValues[j]!.join(', ')})`).join('; ')}.${result.weighted ? ' Shares weighted by the respondent weights.' : ''}`,
        ],
      }),
      chartBlock(
        stackedBarChart({
          title: 'Membership in each grade',
          categories: result.grades,
          rows: result.items.map((item, i) => ({ label: item, values: result.matrix[i]! })),
          axisLabel: 'membership (share of answers)',
        }),
      ),
      warningsBlock(result.warnings),
    ],
  };
}

function evaluationSummary(result: {
  grade: string;
  tied: readonly string[];
  score: number;
  gradeScores: readonly number[];
  grades: readonly string[];
}) {
  return [
    {
      label: 'Grade (maximum membership)',
      value:
        result.tied.length > 1
          ? `${result.grade} (tied with ${result.tied.filter((g) => g !== result.grade).join(', ')})`
          : result.grade,
    },
    {
      label: 'Score',
      value: `${formatNumber(result.score, 1)} (grade scores ${result.grades.map((g, j) => `${g} ${formatNumber(result.gradeScores[j]!, 0)}`).join(', ')})`,
    },
  ];
}

/**
 * `fuzzyEvaluate`: the grade and score, the weights and membership matrix of the factors with the
 * evaluation vector B and its normalisation (table), and the memberships as stacked bars with the
 * overall distribution on top.
 */
export function renderFuzzyEvaluate(result: FuzzyEvaluateResult): Section {
  return {
    id: 'fuzzy-evaluation',
    title: 'Fuzzy comprehensive evaluation',
    blocks: [
      summaryBlock([...evaluationSummary(result), { label: 'Operator', value: OPERATOR[result.operator] }]),
      tableBlock({
        caption: 'Weights A, membership matrix R and evaluation B = A ∘ R',
        columns: [column.text('factor'), column.number('weight', 3), ...gradeColumns(result.grades)],
        rows: [
          ...result.items.map((item, i) => [item, result.weights[i]!, ...result.membership[i]!]),
          ['B', null, ...result.vector],
          ['B normalized', null, ...result.normalizedVector],
        ],
      }),
      chartBlock(
        stackedBarChart({
          title: 'Membership in each grade',
          categories: result.grades,
          rows: [
            {
              label: 'overall (B)',
              values: result.normalizedVector,
              annotation: `${result.grade}, ${formatNumber(result.score, 1)}`,
            },
            ...result.items.map((item, i) => ({
              label: item,
              values: result.membership[i]!,
              annotation: `w ${formatNumber(result.weights[i]!, 3)}`,
            })),
          ],
        }),
      ),
      warningsBlock(result.warnings),
    ],
  };
}

function flatten(dimensions: readonly FuzzyHierarchyDimensionResult[]): FuzzyHierarchyDimensionResult[] {
  return dimensions.flatMap((d) => [d, ...flatten(d.dimensions)]);
}

/**
 * `fuzzyEvaluateHierarchy`: the overall grade and score, each dimension's (and sub-dimension's)
 * normalized evaluation vector, grade, score and weight in its parent (table), and the vectors as
 * stacked bars, the overall one on top.
 */
export function renderFuzzyEvaluateHierarchy(result: FuzzyEvaluateHierarchyResult): Section {
  const all = flatten(result.dimensions);
  const weightOf = (d: FuzzyHierarchyDimensionResult): number | null => {
    const parentEvaluation =
      d.depth === 1 ? result.evaluation : (all.find((p) => p.dimensions.includes(d))?.evaluation ?? null);
    const index = parentEvaluation?.items.indexOf(d.id) ?? -1;
    return index < 0 ? null : parentEvaluation!.weights[index]!;
  };
  const blocks: Block[] = [
    summaryBlock([
      ...evaluationSummary(result),
      { label: 'Operator', value: OPERATOR[result.operator] },
      { label: 'Levels', value: String(result.levels) },
    ]),
    tableBlock({
      caption: 'Evaluation per dimension (normalized B)',
      columns: [
        column.text('dimension'),
        column.number('weight', 3),
        ...gradeColumns(result.grades),
        column.text('grade'),
        column.number('score', 1),
      ],
      rows: [
        [result.id, null, ...result.normalizedVector, result.grade, result.score],
        ...all.map((d) => [
          d.path.join(' / '),
          weightOf(d),
          ...d.evaluation.normalizedVector,
          d.evaluation.grade,
          d.evaluation.score,
        ]),
      ],
      notes: ['weight: the dimension’s weight within its parent.'],
    }),
    chartBlock(
      stackedBarChart({
        title: 'Membership in each grade per dimension',
        categories: result.grades,
        rows: [
          {
            label: result.id,
            values: result.normalizedVector,
            annotation: `${result.grade}, ${formatNumber(result.score, 1)}`,
          },
          ...all.map((d) => ({
            label: d.path.join(' / '),
            values: d.evaluation.normalizedVector,
            annotation: `${d.evaluation.grade}, ${formatNumber(d.evaluation.score, 1)}`,
          })),
        ],
      }),
    ),
    warningsBlock(result.warnings),
  ];
  return { id: 'fuzzy-evaluation', title: 'Fuzzy comprehensive evaluation', blocks };
}
