import {
  ahp,
  cronbachAlpha,
  describe,
  type ImportancePerformanceResult,
  type PcaComponents,
  pca,
  type RegressResult,
  type RelativeImportanceResult,
  type ReportConfig,
  type Responses,
  report,
  type SatisfactionIndexWeights,
  satisfactionIndex,
  servqual,
  servqualInstrument,
} from '../index.js';
import { CliError } from './cli-error.js';
import {
  choice,
  kindOf,
  namedNumbers,
  readJson,
  readJsonObject,
  selectItems,
  wholeNumber,
} from './inputs.js';
import type { Outcome } from './output.js';

/** One option of a command, as `util.parseArgs` takes it, with its help text. */
export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  readonly short?: string;
  /** Placeholder of the value in the help (`FILE`). */
  readonly value?: string;
  readonly description: string;
}

/** What a command runs on: its parsed options, its positional arguments and the data. */
export interface CommandContext {
  readonly values: Readonly<Record<string, string | boolean | undefined>>;
  /** The positional arguments after the command name. */
  readonly positionals: readonly string[];
  /** The directory that relative file names are read from and written to. */
  readonly cwd: string;
  /** The data read from DATA.csv under --survey (commands that read data), else `null`. */
  readonly responses: Responses | null;
}

/** A command of the command line. */
export interface Command {
  readonly name: string;
  /** One line for the program's help. */
  readonly summary: string;
  /** What the command's help says it does. */
  readonly description: string;
  /** The positional argument: `DATA.csv` (read under --survey) or another file. */
  readonly positional: string;
  readonly readsData: boolean;
  readonly options: Readonly<Record<string, OptionSpec>>;
  readonly examples: readonly string[];
  execute(context: CommandContext): Promise<Outcome>;
}

/** Options of every command that reads a CSV file. */
export const DATA_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  survey: {
    type: 'string',
    short: 's',
    value: 'FILE',
    description: 'the survey definition (JSON), required',
  },
  delimiter: {
    type: 'string',
    value: ',|;|tab',
    description: 'field delimiter of the CSV (default: detected from the header)',
  },
  invalid: {
    type: 'string',
    value: 'POLICY',
    description:
      'invalid cells: error (default: stop and list them), missing (read them as missing) or drop-row',
  },
};

/** Options of every command: output, progress and help. */
export const OUTPUT_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  out: {
    type: 'string',
    short: 'o',
    value: 'FILE',
    description: 'write to FILE; its extension .md, .html or .json sets the format (default: stdout)',
  },
  format: {
    type: 'string',
    short: 'f',
    value: 'FORMAT',
    description: 'md (default), html or json, whatever the extension of --out',
  },
  title: { type: 'string', value: 'TEXT', description: 'title of the output' },
  quiet: {
    type: 'boolean',
    short: 'q',
    description: 'no progress bar and no warnings on stderr',
  },
  help: { type: 'boolean', short: 'h', description: 'show this help' },
};

const ITEMS: OptionSpec = {
  type: 'string',
  short: 'i',
  value: 'LIST',
  description: "items by id or pattern, comma-separated: 'p_rel1,p_rel2' or 'p_*'",
};
const DIMENSION: OptionSpec = {
  type: 'string',
  short: 'd',
  value: 'NAME',
  description: 'the items of one dimension of the survey definition (with --items: those it names)',
};
const UNWEIGHTED: OptionSpec = {
  type: 'boolean',
  description: "ignore the survey's respondent weights",
};
const BY: OptionSpec = {
  type: 'string',
  value: 'SEGMENT',
  description: 'repeat the analysis in each group of a segment column of the survey',
};
const OPTIONS: OptionSpec = {
  type: 'string',
  value: 'FILE',
  description: "more options as a JSON object, named as in the library's API; flags override them",
};

const SEED: OptionSpec = {
  type: 'string',
  value: 'N',
  description: 'seed of the bootstrap (default 20240917)',
};

const string = (context: CommandContext, name: string) => context.values[name] as string | undefined;
const flag = (context: CommandContext, name: string) => context.values[name] === true;

/**
 * `{ [key]: convert(value) }` when the option `name` was given, else `{}`: an option of the library
 * from a flag, to spread over those of --options FILE.
 */
function given<K extends string>(context: CommandContext, name: string, key: K): { [P in K]?: string };
function given<K extends string, T>(
  context: CommandContext,
  name: string,
  key: K,
  convert: (value: string) => T,
): { [P in K]?: T };
function given(
  context: CommandContext,
  name: string,
  key: string,
  convert: (value: string) => unknown = (value) => value,
): Record<string, unknown> {
  const value = string(context, name);
  return value === undefined ? {} : { [key]: convert(value) };
}

/** `{ [key]: false }` under --unweighted (the survey's respondent weights left out), else `{}`. */
function unweighted<K extends string>(context: CommandContext, key: K): { [P in K]?: false } {
  return (flag(context, 'unweighted') ? { [key]: false } : {}) as { [P in K]?: false };
}

/** The options of --options FILE, or an empty object. */
async function optionsFile(context: CommandContext): Promise<Record<string, unknown>> {
  const file = string(context, 'options');
  return file === undefined ? {} : readJsonObject(file, context.cwd, '--options');
}

/** The data read for the command (commands with `readsData`). */
function data(context: CommandContext): Responses {
  if (context.responses === null) throw new Error('cli: command read no data');
  return context.responses;
}

/** `{ items }` from --items / --dimension, or nothing. */
function itemsOption(context: CommandContext): { items?: string[] } {
  const items = selectItems(data(context), string(context, 'items'), string(context, 'dimension'));
  return items === undefined ? {} : { items };
}

/** Stops a --seed without --bootstrap: the seed is the bootstrap's. */
function checkSeed(context: CommandContext): void {
  if (string(context, 'seed') !== undefined && string(context, 'bootstrap') === undefined) {
    throw new CliError('--seed sets the seed of the bootstrap: give --bootstrap N too');
  }
}

/** `{ bootstrap: { resamples, seed } }` from --bootstrap N and --seed N, or nothing. */
function bootstrapOption(context: CommandContext): { bootstrap?: { resamples: number; seed?: number } } {
  return given(context, 'bootstrap', 'bootstrap', (resamples) => ({
    resamples: wholeNumber('bootstrap', resamples, 1),
    ...given(context, 'seed', 'seed', (seed) => wholeNumber('seed', seed, 0)),
  }));
}

/** What differs between the commands that analyse the data file. */
interface AnalysisCommandSpec extends Pick<Command, 'name' | 'summary' | 'description' | 'examples'> {
  /** The command's own options; --unweighted and --options follow them. */
  readonly options: Readonly<Record<string, OptionSpec>>;
  /** Help of --options when the command says more about it. */
  readonly optionsHelp?: string;
  /** The outcome from the data and the object of --options FILE (which the flags override). */
  run(context: CommandContext, responses: Responses, file: Record<string, unknown>): Promise<Outcome>;
}

/**
 * A command that reads DATA.csv under --survey and runs an analysis on it, with the options of
 * --options FILE overridden by its flags, and --unweighted.
 */
function analysisCommand(spec: AnalysisCommandSpec): Command {
  const { optionsHelp, run, ...command } = spec;
  return {
    ...command,
    positional: 'DATA.csv',
    readsData: true,
    options: {
      ...spec.options,
      unweighted: UNWEIGHTED,
      options: optionsHelp === undefined ? OPTIONS : { ...OPTIONS, description: optionsHelp },
    },
    async execute(context) {
      const file = await optionsFile(context);
      return run(context, data(context), file);
    },
  };
}

const describeCommand = analysisCommand({
  name: 'describe',
  summary: 'item descriptives: mean, sd, median, answer counts, top- and bottom-box shares',
  description:
    'Item descriptives (describe): n, missing, mean, sd, median, min, max, the count of each scale point and the top- and bottom-box shares, for every item or those chosen.',
  options: {
    items: ITEMS,
    dimension: DIMENSION,
    'top-box': { type: 'string', value: 'K', description: 'scale points in the top-box share (default 2)' },
    'bottom-box': {
      type: 'string',
      value: 'K',
      description: 'scale points in the bottom-box share (default 2)',
    },
  },
  examples: [
    "satisfaction-analytics describe bank-survey.csv --survey bank-survey.survey.json --items 'p_*'",
    'satisfaction-analytics describe bank-survey.csv -s bank-survey.survey.json --out describe.html',
  ],
  async run(context, responses, file) {
    const result = describe(responses, {
      ...file,
      ...itemsOption(context),
      ...given(context, 'top-box', 'topBox', (value) => wholeNumber('top-box', value, 1)),
      ...given(context, 'bottom-box', 'bottomBox', (value) => wholeNumber('bottom-box', value, 1)),
      ...unweighted(context, 'weights'),
    });
    return { kind: 'result', result };
  },
});

const alphaCommand = analysisCommand({
  name: 'alpha',
  summary: "Cronbach's alpha of a scale (--items or --dimension)",
  description:
    "Cronbach's alpha of one scale (cronbachAlpha), with Feldt's interval, standardized alpha, Guttman's lambda 6 and each item's corrected item-total correlation and alpha if deleted. Name the scale's items with --items, --dimension or both.",
  options: {
    items: ITEMS,
    dimension: DIMENSION,
    reverse: {
      type: 'string',
      value: 'LIST',
      description: 'items to reverse (min + max − x) before the analysis, comma-separated',
    },
  },
  examples: [
    "satisfaction-analytics alpha bank-survey.csv --survey bank-survey.survey.json --dimension reliability --items 'p_*'",
    'satisfaction-analytics alpha bank-survey.csv -s bank-survey.survey.json --items p_res1,p_res2,p_res3,p_res4 --format json',
  ],
  async run(context, responses, file) {
    const items = itemsOption(context);
    if (items.items === undefined && file['items'] === undefined) {
      throw new CliError('alpha needs the items of one scale: give --items, --dimension or both');
    }
    const result = cronbachAlpha(responses, {
      ...file,
      ...items,
      ...given(context, 'reverse', 'reverse', (value) => value.split(',').map((id) => id.trim())),
      ...unweighted(context, 'weights'),
    });
    return { kind: 'result', result };
  },
});

const indexCommand = analysisCommand({
  name: 'index',
  summary: 'the weighted satisfaction index (0-100) from a scoring table',
  description:
    "The weighted satisfaction index (satisfactionIndex): each item's mean on a 0-100 score, weighted by the scoring table, with dimension sub-indices, segments and a seeded bootstrap interval. --weights takes a JSON file in any form satisfactionIndex accepts: { item: weight }, one number per item, two-level { dimensions: { name: weight }, items? }, { labels, weights } (e.g. the JSON output of the ahp command), or the word equal.",
  options: {
    weights: {
      type: 'string',
      short: 'w',
      value: 'FILE',
      description: 'item weights (JSON; FILE#/pointer for a part of a file), or equal (the default)',
    },
    items: ITEMS,
    dimension: DIMENSION,
    by: BY,
    bootstrap: {
      type: 'string',
      value: 'N',
      description: 'a percentile bootstrap interval from N resamples',
    },
    seed: SEED,
  },
  examples: [
    "satisfaction-analytics index bank-survey.csv -s bank-survey.survey.json --items 'p_*' --weights 'bank-survey.weights.json#/scoringTable' --by channel",
    "satisfaction-analytics index bank-survey.csv -s bank-survey.survey.json --items 'p_*' --bootstrap 2000 --out index.html",
  ],
  async run(context, responses, file) {
    const weightsArgument = string(context, 'weights');
    let weights: SatisfactionIndexWeights | undefined;
    if (weightsArgument === 'equal') weights = 'equal';
    else if (weightsArgument !== undefined) {
      const value = await readJson(weightsArgument, context.cwd);
      if (value === null || (typeof value !== 'object' && value !== 'equal')) {
        throw new CliError(
          `--weights ${JSON.stringify(weightsArgument)} must hold weights (an object, an array or "equal"); got ${kindOf(value)}`,
        );
      }
      weights = value as SatisfactionIndexWeights;
    }
    checkSeed(context);
    const result = satisfactionIndex(responses, {
      ...file,
      ...itemsOption(context),
      ...(weights === undefined ? {} : { weights }),
      ...given(context, 'by', 'by'),
      ...bootstrapOption(context),
      ...unweighted(context, 'respondentWeights'),
    });
    return { kind: 'result', result };
  },
});

const ahpCommand: Command = {
  name: 'ahp',
  summary: 'AHP priority weights and consistency of a pairwise-comparison matrix',
  description:
    "AHP priority weights of a pairwise-comparison matrix (ahp), with lambda max, the consistency index and ratio, and the judgments that contribute most to an inconsistency. MATRIX.json holds the matrix, [[1, 3], ['1/3', 1]], or { labels, matrix }; MATRIX.json#/pointer takes a part of a file.",
  positional: 'MATRIX.json',
  readsData: false,
  options: {
    method: {
      type: 'string',
      short: 'm',
      value: 'METHOD',
      description: 'priorities by eigenvector (default), geometric-mean or column-mean',
    },
    options: OPTIONS,
  },
  examples: [
    "satisfaction-analytics ahp 'bank-survey.weights.json#/ahpJudgments'",
    'satisfaction-analytics ahp judgments.json --method geometric-mean --out ahp.json',
  ],
  async execute(context) {
    const matrix = await readJson(context.positionals[0]!, context.cwd);
    const result = ahp(matrix as never, {
      ...(await optionsFile(context)),
      ...given(context, 'method', 'method', (value) =>
        choice('method', value, ['eigenvector', 'geometric-mean', 'column-mean'] as const),
      ),
    });
    return { kind: 'result', result };
  },
};

const servqualCommand = analysisCommand({
  name: 'servqual',
  summary: 'SERVQUAL gaps between perceived and expected service',
  description:
    "SERVQUAL gaps (servqual): perception − expectation per item and dimension with paired t-tests, the unweighted and importance-weighted SERVQUAL scores, SERVPERF, the reliability of each dimension, and per segment with --by. The items are the survey definition's e_{item} / p_{item} column pairs (other patterns, pairs, the zone of tolerance and gap 1 through --options).",
  options: {
    points: {
      type: 'string',
      value: 'LIST',
      description: 'dimension importance as 100 points: tangibles=10,reliability=30,…',
    },
    importance: {
      type: 'string',
      value: 'FILE',
      description: 'dimension importance from a JSON file: {"points": {…}} or {"columns": {…}}',
    },
    by: BY,
    'dimension-score': {
      type: 'string',
      value: 'RULE',
      description: "a respondent's dimension score over the items answered (available, default) or complete",
    },
  },
  examples: [
    'satisfaction-analytics servqual bank-survey.csv -s bank-survey.survey.json --points tangibles=10,reliability=30,responsiveness=25,assurance=20,empathy=15 --by channel',
    'satisfaction-analytics servqual bank-survey.csv -s bank-survey.survey.json --out servqual.html',
  ],
  async run(context, responses, file) {
    const points = string(context, 'points');
    const importanceFile = string(context, 'importance');
    if (points !== undefined && importanceFile !== undefined) {
      throw new CliError('give the importance once: --points or --importance, not both');
    }
    const importance =
      points !== undefined
        ? { points: namedNumbers('points', points) }
        : importanceFile !== undefined
          ? await readJsonObject(importanceFile, context.cwd, '--importance')
          : undefined;
    const result = servqual(responses, {
      ...file,
      ...(importance === undefined ? {} : { importance: importance as never }),
      ...given(context, 'by', 'by'),
      ...given(context, 'dimension-score', 'dimensionScore', (value) =>
        choice('dimension-score', value, ['available', 'complete'] as const),
      ),
      ...unweighted(context, 'weights'),
    });
    return { kind: 'result', result };
  },
});

/**
 * `--components`: a whole number of components, `kaiser`, or a fraction below 1, the cumulative
 * proportion of variance to reach.
 */
export function componentsOption(value: string): PcaComponents {
  if (value === 'kaiser') return 'kaiser';
  if (/^\d+$/.test(value.trim())) return wholeNumber('components', value, 1);
  const fraction = Number(value);
  if (/^\s*0?\.\d+\s*$/.test(value) && fraction > 0 && fraction < 1) return { cumulative: fraction };
  throw new CliError(
    `--components must be a number of components, kaiser, or a fraction of the variance such as 0.8; got ${JSON.stringify(value)}`,
  );
}

const pcaCommand = analysisCommand({
  name: 'pca',
  summary: 'principal components: adequacy, scree, loadings, composite score by segment',
  description:
    "Principal component analysis (pca) of the items chosen (default: every item): KMO and Bartlett's test, the eigenvalues with their proportions (scree), the loadings and communalities of the kept components, an optional varimax rotation, and each respondent's component and composite scores; with --by, the segments ranked by mean composite score. The JSON output holds the per-respondent scores; Markdown and HTML summarise them.",
  options: {
    items: ITEMS,
    dimension: DIMENSION,
    rotation: {
      type: 'string',
      short: 'r',
      value: 'ROTATION',
      description: 'none (default) or varimax',
    },
    components: {
      type: 'string',
      short: 'k',
      value: 'N',
      description:
        'components to keep: a number, kaiser (default: eigenvalue above 1) or a fraction of the variance to reach, such as 0.8',
    },
    by: BY,
  },
  examples: [
    "satisfaction-analytics pca bank-survey.csv --survey bank-survey.survey.json --items 'p_*' --rotation varimax --by channel",
    "satisfaction-analytics pca bank-survey.csv -s bank-survey.survey.json -i 'p_*' --components 0.6 --out pca.html",
  ],
  async run(context, responses, file) {
    const result = pca(responses, {
      ...file,
      ...itemsOption(context),
      ...given(context, 'rotation', 'rotation', (value) =>
        choice('rotation', value, ['none', 'varimax'] as const),
      ),
      ...given(context, 'components', 'components', componentsOption),
      ...given(context, 'by', 'by'),
      ...unweighted(context, 'weights'),
    });
    return { kind: 'result', result };
  },
});

const driversCommand = analysisCommand({
  name: 'drivers',
  summary: 'driver analysis: regression, relative importance, importance-performance map',
  description:
    "Driver analysis of an outcome such as overall satisfaction: the regression on the drivers (regress: coefficients, standard errors, t, p, intervals, betas, VIFs, R²), their relative importance (relativeImportance: Shapley/LMG by default, with bootstrap intervals and pairwise comparisons on request) and the importance-performance map (importancePerformance: Martilla & James's quadrants and the action priority). --drivers names items or patterns, or the word dimensions: each respondent's mean of the --items of each dimension. The JSON output is { regress, relativeImportance, importancePerformance }.",
  options: {
    outcome: {
      type: 'string',
      short: 'y',
      value: 'ITEM',
      description: 'the outcome, e.g. overall (required)',
    },
    drivers: {
      type: 'string',
      short: 'x',
      value: 'LIST',
      description:
        "the drivers: items or patterns, comma-separated ('p_rel*,p_res*'), or dimensions (the dimension means of --items)",
    },
    items: {
      ...ITEMS,
      description: "with --drivers dimensions: the items averaged in each dimension ('p_*')",
    },
    method: {
      type: 'string',
      short: 'm',
      value: 'METHOD',
      description: 'relative importance by shapley (default), relative-weights or first',
    },
    bootstrap: {
      type: 'string',
      value: 'N',
      description: 'bootstrap intervals and pairwise comparisons of importance from N resamples',
    },
    seed: SEED,
  },
  optionsHelp:
    'more options as JSON: confidenceLevel, performance, topBox, crosshairs (as in the drivers key of a report config)',
  examples: [
    "satisfaction-analytics drivers bank-survey.csv --survey bank-survey.survey.json --outcome overall --drivers dimensions --items 'p_*' --bootstrap 2000",
    "satisfaction-analytics drivers bank-survey.csv -s bank-survey.survey.json -y overall -x 'p_rel*,p_res*' --method relative-weights --out drivers.html",
  ],
  async run(context, responses, file) {
    const outcome = string(context, 'outcome') ?? (file['outcome'] as string | undefined);
    if (outcome === undefined)
      throw new CliError('drivers needs --outcome, the item to explain (e.g. overall)');
    const driversArgument = string(context, 'drivers');
    const items = selectItems(responses, string(context, 'items'), undefined);
    let drivers: readonly string[] | 'dimensions';
    if (driversArgument === 'dimensions') {
      if (items === undefined) {
        throw new CliError(
          "--drivers dimensions averages the items of each dimension: name them with --items (e.g. --items 'p_*')",
        );
      }
      drivers = 'dimensions';
    } else if (driversArgument !== undefined) {
      if (items !== undefined) {
        throw new CliError(
          '--items chooses the items of --drivers dimensions; with a list of drivers, leave it out',
        );
      }
      drivers = selectItems(responses, driversArgument, undefined)!;
    } else if (Array.isArray(file['drivers']) || file['drivers'] === 'dimensions') {
      drivers = file['drivers'] as readonly string[] | 'dimensions';
    } else {
      throw new CliError("drivers needs --drivers: items or patterns ('p_rel*,p_res*'), or dimensions");
    }
    checkSeed(context);
    const spec: NonNullable<ReportConfig['drivers']> = {
      ...file,
      outcome,
      drivers,
      ...given(context, 'method', 'method', (value) =>
        choice('method', value, ['shapley', 'relative-weights', 'first'] as const),
      ),
      ...bootstrapOption(context),
      ...unweighted(context, 'weights'),
    };
    // The report's driver section runs the three analyses (and builds the dimension means).
    const section = report(responses, {
      ...(items === undefined ? {} : { items }),
      drivers: spec,
    }).sections[0]!;
    const [fit, importance, map] = section.parts.map((part) => part.result) as [
      RegressResult,
      RelativeImportanceResult,
      ImportancePerformanceResult,
    ];
    return {
      kind: 'results',
      title: `Drivers of ${outcome}`,
      results: { regress: fit, relativeImportance: importance, importancePerformance: map },
    };
  },
});

/**
 * The report of a survey without a config: item descriptives; the Net Promoter Score when the
 * definition names a `recommend` item; SERVQUAL when its columns hold expectation and perception
 * pairs (e_{item}, p_{item}).
 */
export function defaultReportConfig(responses: Responses): ReportConfig {
  let hasServqual = true;
  try {
    servqualInstrument(responses);
  } catch {
    hasServqual = false;
  }
  return {
    describe: true,
    ...(responses.definition.recommend === null ? {} : { netPromoterScore: true }),
    ...(hasServqual ? { servqual: true } : {}),
  };
}

const reportCommand: Command = {
  name: 'report',
  summary: 'a report of several analyses (Markdown, or HTML with charts)',
  description:
    'A report of the analyses a config file names (report): item descriptives, Net Promoter Score, reliability per dimension, the satisfaction index, AHP weights, the fuzzy evaluation, principal components, the driver analysis, the comparison of weighting methods and SERVQUAL. The config is a ReportConfig as JSON. Without --config: item descriptives, the Net Promoter Score when the survey names a recommend item, and SERVQUAL when it has e_{item} / p_{item} pairs. The HTML output is one self-contained file with inline SVG charts.',
  positional: 'DATA.csv',
  readsData: true,
  options: {
    config: {
      type: 'string',
      short: 'c',
      value: 'FILE',
      description: 'the analyses to run: a ReportConfig as JSON (FILE#/pointer for a part of a file)',
    },
    subtitle: { type: 'string', value: 'TEXT', description: 'a line under the title' },
  },
  examples: [
    'satisfaction-analytics report bank-survey.csv --survey bank-survey.survey.json --out report.html',
    'satisfaction-analytics report bank-survey.csv -s bank-survey.survey.json --config report.json --out report.md',
  ],
  async execute(context) {
    const responses = data(context);
    const configFile = string(context, 'config');
    const config =
      configFile === undefined
        ? defaultReportConfig(responses)
        : ((await readJsonObject(configFile, context.cwd, 'the config')) as ReportConfig);
    const result = report(responses, {
      ...config,
      ...given(context, 'title', 'title'),
      ...given(context, 'subtitle', 'subtitle'),
    });
    return { kind: 'report', report: result };
  },
};

/**
 * The commands, in the order of the help. A new analysis is one more entry (and its renderer in
 * report/).
 */
export const COMMANDS: readonly Command[] = [
  reportCommand,
  describeCommand,
  alphaCommand,
  indexCommand,
  ahpCommand,
  servqualCommand,
  pcaCommand,
  driversCommand,
];

/** Every option of a command, as `util.parseArgs` wants them. */
export function commandOptions(command: Command): Record<string, OptionSpec> {
  return { ...(command.readsData ? DATA_OPTIONS : {}), ...command.options, ...OUTPUT_OPTIONS };
}
