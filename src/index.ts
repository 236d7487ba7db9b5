// The public surface of satisfaction-analytics, by name. Node-only helpers (readCsv) are in
// 'satisfaction-analytics/node'.

export type {
  AggregateJudgmentsOptions,
  AggregateJudgmentsResult,
  AggregatePrioritiesOptions,
  AggregatePrioritiesResult,
  PriorityInput,
} from './ahp/aggregate.js';
export { aggregateJudgments, aggregatePriorities } from './ahp/aggregate.js';
export type { AhpJudgmentDiagnosis, AhpOptions, AhpResult } from './ahp/ahp.js';
export { ahp } from './ahp/ahp.js';
export type {
  AhpHierarchyNode,
  AhpHierarchyNodeResult,
  AhpHierarchyOptions,
  AhpHierarchyResult,
} from './ahp/ahp-hierarchy.js';
export { ahpHierarchy } from './ahp/ahp-hierarchy.js';
export type {
  PairwiseFromSurveyOptions,
  PairwiseFromSurveyResult,
  SurveyPair,
  SurveyRater,
  SurveyRaterExclusion,
} from './ahp/pairwise-from-survey.js';
export { pairwiseFromSurvey } from './ahp/pairwise-from-survey.js';
export type {
  Judgment,
  LabelledPairwiseMatrix,
  PairwiseInput,
  PairwiseMatrixInput,
} from './ahp/pairwise-matrix.js';
export { SAATY_SCALE } from './ahp/pairwise-matrix.js';
export type { PriorityMethod } from './ahp/priority-vector.js';
export type { RandomIndexName, RandomIndexSpec, RandomIndexTable } from './ahp/random-index.js';
export {
  ALONSO_LAMATA_2006_RANDOM_INDEX,
  SAATY_1980_RANDOM_INDEX,
  SAATY_2005_RANDOM_INDEX,
} from './ahp/random-index.js';
export type {
  DescribeOptions,
  DescribeResult,
  ItemDescription,
  ScalePointCount,
} from './describe/describe.js';
export { describe } from './describe/describe.js';
export type {
  NetPromoterScoreDifferenceResult,
  NetPromoterScoreOptions,
  NetPromoterScoreResult,
} from './describe/net-promoter-score.js';
export { netPromoterScore, netPromoterScoreDifference } from './describe/net-promoter-score.js';
export type { ProportionOptions, ProportionResult } from './describe/proportion.js';
export { proportion } from './describe/proportion.js';
export type { DriverOptions } from './drivers/driver-data.js';
export type {
  CrosshairRule,
  DriverScale,
  ImportancePerformanceDriver,
  ImportancePerformanceOptions,
  ImportancePerformanceResult,
  ImportanceSource,
  PerformanceMeasure,
  Quadrant,
} from './drivers/importance-performance.js';
export { importancePerformance, QUADRANT_LABELS } from './drivers/importance-performance.js';
export type { RegressionCoefficient, RegressOptions, RegressResult } from './drivers/regress.js';
export { regress } from './drivers/regress.js';
export type {
  ImportanceInterval,
  RelativeImportanceBootstrap,
  RelativeImportanceBootstrapOptions,
  RelativeImportanceComparison,
  RelativeImportanceDriver,
  RelativeImportanceMethod,
  RelativeImportanceOptions,
  RelativeImportanceResult,
} from './drivers/relative-importance.js';
export { DEFAULT_IMPORTANCE_SEED, relativeImportance } from './drivers/relative-importance.js';
export { EXACT_SHAPLEY_LIMIT } from './drivers/shapley.js';
export type { SurveyIssue, SurveyIssueCode } from './errors.js';
export { SurveyDataError, SurveyDefinitionError } from './errors.js';
export type { FuzzyEvaluateOptions, FuzzyEvaluateResult } from './fuzzy/fuzzy-evaluate.js';
export { fuzzyEvaluate } from './fuzzy/fuzzy-evaluate.js';
export type {
  FuzzyEvaluateHierarchyOptions,
  FuzzyEvaluateHierarchyResult,
  FuzzyGroupDimension,
  FuzzyHierarchyDimension,
  FuzzyHierarchyDimensionResult,
  FuzzyItemDimension,
} from './fuzzy/fuzzy-evaluate-hierarchy.js';
export { fuzzyEvaluateHierarchy } from './fuzzy/fuzzy-evaluate-hierarchy.js';
export type {
  FuzzyMembership,
  FuzzyOperator,
  FuzzyWeights,
  LabelledMembership,
  PriorityVector,
} from './fuzzy/fuzzy-inputs.js';
export { FUZZY_OPERATORS } from './fuzzy/fuzzy-inputs.js';
export type { FuzzyGrade } from './fuzzy/grades.js';
export { DEFAULT_FUZZY_GRADES, defaultGradeScores } from './fuzzy/grades.js';
export type { MembershipMatrixOptions, MembershipMatrixResult } from './fuzzy/membership-matrix.js';
export { membershipMatrix } from './fuzzy/membership-matrix.js';
export type {
  CorrelationMatrixInput,
  CorrelationStructureOptions,
  PcaData,
} from './pca/correlation-structure.js';
export type {
  PcaComponents,
  PcaOptions,
  PcaResult,
  PcaRetention,
  PcaRotation,
  PcaSegment,
} from './pca/pca.js';
export { pca } from './pca/pca.js';
export type {
  PcaIndexWeightScheme,
  PcaIndexWeightsOptions,
  PcaIndexWeightsResult,
} from './pca/pca-index-weights.js';
export { pcaIndexWeights } from './pca/pca-index-weights.js';
export type {
  BartlettMeasures,
  BartlettSphericityResult,
  KmoMeasures,
  KmoResult,
  SamplingAdequacy,
} from './pca/sampling-adequacy.js';
export { bartlettSphericity, kmo, samplingAdequacy } from './pca/sampling-adequacy.js';
export type { VarimaxOptions, VarimaxResult } from './pca/varimax.js';
export { varimax } from './pca/varimax.js';
export type {
  CronbachAlphaItem,
  CronbachAlphaOptions,
  CronbachAlphaResult,
} from './reliability/cronbach-alpha.js';
export { cronbachAlpha } from './reliability/cronbach-alpha.js';
export type { ReliabilityOptions } from './reliability/item-covariance.js';
export type { McDonaldOmegaOptions, McDonaldOmegaResult } from './reliability/mcdonald-omega.js';
export { mcdonaldOmega } from './reliability/mcdonald-omega.js';
export type {
  BarChartOptions,
  BarDatum,
  DivergingBarChartOptions,
  ReferenceLine,
} from './report/charts/bar-chart.js';
export { barChart, divergingBarChart } from './report/charts/bar-chart.js';
export type { BarSeries, GroupedBarChartOptions } from './report/charts/grouped-bar-chart.js';
export { groupedBarChart } from './report/charts/grouped-bar-chart.js';
export type { LineChartOptions, LineSeries } from './report/charts/line-chart.js';
export { lineChart } from './report/charts/line-chart.js';
export type { QuadrantChartOptions, QuadrantPoint } from './report/charts/quadrant-chart.js';
export { quadrantChart } from './report/charts/quadrant-chart.js';
export type { RangeChartOptions, RangeRow } from './report/charts/range-chart.js';
export { rangeChart } from './report/charts/range-chart.js';
export type { StackedBarChartOptions, StackedRow } from './report/charts/stacked-bar-chart.js';
export { stackedBarChart } from './report/charts/stacked-bar-chart.js';
export type { ChartOptions } from './report/charts/svg.js';
export { ordinalColors, PALETTE } from './report/charts/svg.js';
export { escapeAttribute, escapeHtml, escapeMarkdown, escapeMarkdownCell } from './report/escape.js';
export type { HtmlDocumentOptions } from './report/html-document.js';
export { htmlDocument, REPORT_CSS } from './report/html-document.js';
export type {
  MethodAgreement,
  MethodComparisonMethod,
  MethodComparisonOptions,
  MethodComparisonResult,
} from './report/method-comparison.js';
export { methodComparison } from './report/method-comparison.js';
export type { NotebookDisplay, NotebookDisplayOptions } from './report/notebook.js';
export { display, NOTEBOOK_CSS, notebookHTML } from './report/notebook.js';
export type { RenderableResult, RenderOptions } from './report/render.js';
export { RENDERED_METHODS, renderHTML, renderMarkdown, renderSection } from './report/render.js';
export type {
  ReportConfig,
  ReportDriversConfig,
  ReportJSON,
  ReportPart,
  ReportSection,
  SatisfactionReport,
} from './report/report.js';
export { report } from './report/report.js';
export type { Block, Section } from './report/section.js';
export type { Table, TableCell, TableColumn } from './report/table.js';
export { tableToHTML, tableToMarkdown } from './report/table.js';
export type {
  AnalysisWeights,
  DimensionWeights,
  SatisfactionIndexWeighting,
  SatisfactionIndexWeights,
} from './scoring/index-weights.js';
export type {
  IndexScale,
  SatisfactionIndexBootstrap,
  SatisfactionIndexBootstrapOptions,
  SatisfactionIndexDimension,
  SatisfactionIndexItem,
  SatisfactionIndexOptions,
  SatisfactionIndexResult,
  SatisfactionIndexSegment,
  SatisfactionIndexSegmentItem,
} from './scoring/satisfaction-index.js';
export { DEFAULT_BOOTSTRAP_SEED, satisfactionIndex } from './scoring/satisfaction-index.js';
export type { SatisfactionBand } from './scoring/satisfaction-levels.js';
export { DEFAULT_SATISFACTION_LEVELS, satisfactionLevel } from './scoring/satisfaction-levels.js';
export type {
  ServqualInstrument,
  ServqualInstrumentInput,
  ServqualInstrumentItem,
  ServqualPattern,
} from './servqual/instrument.js';
export {
  DEFAULT_SERVQUAL_PATTERN,
  SERVQUAL_DIMENSIONS,
  STANDARD_SERVQUAL,
  servqualInstrument,
} from './servqual/instrument.js';
export type {
  ServqualAlpha,
  ServqualDimension,
  ServqualGap1,
  ServqualGap1Row,
  ServqualImportance,
  ServqualImportanceOption,
  ServqualItem,
  ServqualOptions,
  ServqualPair,
  ServqualReliability,
  ServqualResult,
  ServqualScale,
  ServqualSegment,
  ServqualSegmentDimension,
  ServqualSegmentItem,
  ServqualTest,
  ServqualTests,
  ServqualZoneOfTolerance,
  ServqualZoneRow,
  ZonePosition,
} from './servqual/servqual.js';
export { servqual } from './servqual/servqual.js';
export {
  chiSquareCdf,
  chiSquareQuantile,
  fCdf,
  fQuantile,
  normalCdf,
  normalQuantile,
  studentTCdf,
  studentTQuantile,
  studentTTwoSided,
} from './stats/distributions.js';
export { kendallTau } from './stats/kendall-tau.js';
export type { MissingPolicy, MomentsJSON, MomentsOptions } from './stats/moments.js';
export { Moments, moments } from './stats/moments.js';
export { median, quantile, weightedMedian } from './stats/quantile.js';
export { sum, weightedSum } from './stats/sum.js';
export { mean, standardDeviation, variance } from './stats/variance.js';
export type { CsvOptions } from './survey/csv.js';
export { CsvReader, parseCsv } from './survey/csv.js';
export type { DataOptions, SurveyData } from './survey/data.js';
export type { SafeParseResult, Survey } from './survey/define-survey.js';
export { defineSurvey } from './survey/define-survey.js';
export type { ParseReport, ResponsesGroup } from './survey/responses.js';
export { Responses } from './survey/responses.js';
export type { InvalidPolicy, ParseOptions } from './survey/responses-builder.js';
export type {
  ItemDefinition,
  Scale,
  SegmentDefinition,
  SurveyDefinition,
  SurveyDefinitionInput,
} from './survey/schema.js';
