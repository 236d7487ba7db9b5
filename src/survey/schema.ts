import { z } from 'zod';
import { SurveyDefinitionError } from '../errors.js';

/**
 * The zod schema of a survey definition. This file is the only user of zod: everything downstream
 * works with the plain, normalised {@link SurveyDefinition} that {@link validateDefinition} returns.
 */

const missingCode = z.union([z.string(), z.number()]);

const scaleSchema = z
  .object({
    min: z.number().finite(),
    max: z.number().finite(),
    /** Answers must be whole numbers (the usual Likert or 0–10 scale). Default true. */
    integer: z.boolean().optional(),
    /** One label per scale point, from min to max (integer scales only). */
    labels: z.array(z.string()).optional(),
  })
  .strict()
  .superRefine((scale, ctx) => {
    if (!(scale.min < scale.max)) {
      ctx.addIssue({
        code: 'custom',
        path: ['max'],
        message: `max must be greater than min; got min = ${scale.min}, max = ${scale.max}`,
      });
      return;
    }
    const integer = scale.integer ?? true;
    if (integer && (!Number.isInteger(scale.min) || !Number.isInteger(scale.max))) {
      ctx.addIssue({
        code: 'custom',
        path: ['min'],
        message: `an integer scale needs integer bounds; got min = ${scale.min}, max = ${scale.max}`,
      });
    }
    if (scale.labels !== undefined) {
      const points = scale.max - scale.min + 1;
      if (!integer) {
        ctx.addIssue({
          code: 'custom',
          path: ['labels'],
          message: 'labels need an integer scale; got integer: false',
        });
      } else if (scale.labels.length !== points) {
        ctx.addIssue({
          code: 'custom',
          path: ['labels'],
          message: `labels must name each of the ${points} points of an integer scale; got ${scale.labels.length} labels`,
        });
      }
    }
  });

const itemSchema = z
  .object({
    id: z.string().min(1),
    text: z.string().optional(),
    dimension: z.string().min(1).optional(),
    reverse: z.boolean().optional(),
    scale: scaleSchema.optional(),
    missing: z.array(missingCode).optional(),
  })
  .strict();

const segmentSchema = z.union([
  z.string().min(1),
  z
    .object({
      id: z.string().min(1),
      text: z.string().optional(),
      levels: z.array(z.string().min(1)).min(1).optional(),
    })
    .strict(),
]);

const surveySchema = z
  .object({
    name: z.string().optional(),
    scale: scaleSchema.optional(),
    missing: z.array(missingCode).optional(),
    items: z.array(itemSchema).min(1),
    overall: z.string().min(1).optional(),
    recommend: z.string().min(1).optional(),
    weight: z.string().min(1).optional(),
    respondentId: z.string().min(1).optional(),
    segments: z.array(segmentSchema).optional(),
  })
  .strict();

/** A response scale: answers from `min` to `max`, whole numbers unless `integer` is false. */
export interface Scale {
  readonly min: number;
  readonly max: number;
  readonly integer: boolean;
  readonly labels?: readonly string[];
}

/** One questionnaire item, normalised: every field present. */
export interface ItemDefinition {
  readonly id: string;
  readonly text: string;
  readonly dimension: string | null;
  readonly reverse: boolean;
  /** The item's own scale, or the survey's default; `null` for an unbounded numeric item. */
  readonly scale: Scale | null;
  /** Cell values read as missing for this item. */
  readonly missing: readonly (string | number)[];
}

/** A segment column (branch, channel, …), with its allowed levels when they were declared. */
export interface SegmentDefinition {
  readonly id: string;
  readonly text: string;
  readonly levels: readonly string[] | null;
}

/** A validated survey definition with every default filled in. */
export interface SurveyDefinition {
  readonly name: string;
  readonly items: readonly ItemDefinition[];
  readonly overall: string | null;
  readonly recommend: string | null;
  readonly weight: string | null;
  readonly respondentId: string | null;
  readonly segments: readonly SegmentDefinition[];
  /** The survey-wide missing codes (items may override them). */
  readonly missing: readonly (string | number)[];
}

/** The definition as written by a user (JSON or an object literal). */
export type SurveyDefinitionInput = z.input<typeof surveySchema>;

/** Missing codes used when a definition names none: an empty cell and "NA". */
export const DEFAULT_MISSING_CODES: readonly string[] = ['', 'NA'];

function pathOf(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    out += typeof key === 'number' ? `[${key}]` : out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(definition)' : out;
}

/**
 * Validates a survey definition and fills in its defaults.
 * @throws {SurveyDefinitionError} naming the path of every problem (e.g. `items[3].id`)
 */
export function validateDefinition(input: unknown): SurveyDefinition {
  const parsed = surveySchema.safeParse(input);
  if (!parsed.success) {
    throw new SurveyDefinitionError(
      parsed.error.issues.map((issue) => ({ path: pathOf(issue.path), message: issue.message })),
    );
  }
  const def = parsed.data;
  const problems: { path: string; message: string }[] = [];
  const surveyMissing = def.missing ?? DEFAULT_MISSING_CODES;
  const defaultScale = def.scale;

  const seen = new Map<string, number>();
  const items: ItemDefinition[] = def.items.map((item, index) => {
    const previous = seen.get(item.id);
    if (previous !== undefined) {
      problems.push({
        path: `items[${index}].id`,
        message: `duplicate item id ${JSON.stringify(item.id)} (also items[${previous}])`,
      });
    } else {
      seen.set(item.id, index);
    }
    const scaleInput = item.scale ?? defaultScale;
    const scale: Scale | null =
      scaleInput === undefined
        ? null
        : {
            min: scaleInput.min,
            max: scaleInput.max,
            integer: scaleInput.integer ?? true,
            ...(scaleInput.labels === undefined ? {} : { labels: scaleInput.labels }),
          };
    const reverse = item.reverse ?? false;
    if (reverse && scale === null) {
      problems.push({
        path: `items[${index}].reverse`,
        message: `reverse item ${JSON.stringify(item.id)} needs a scale (item scale or survey default) to reverse on`,
      });
    }
    return {
      id: item.id,
      text: item.text ?? item.id,
      dimension: item.dimension ?? null,
      reverse,
      scale,
      missing: item.missing ?? surveyMissing,
    };
  });

  for (const key of ['overall', 'recommend'] as const) {
    const id = def[key];
    if (id !== undefined && !seen.has(id)) {
      problems.push({ path: key, message: `must name a defined item; got ${JSON.stringify(id)}` });
    }
  }
  if (def.recommend !== undefined) {
    const item = items[seen.get(def.recommend) ?? -1];
    if (
      item !== undefined &&
      (item.scale === null || item.scale.min !== 0 || item.scale.max !== 10 || !item.scale.integer)
    ) {
      problems.push({
        path: 'recommend',
        message: `the recommend item must be on an integer 0–10 scale; got ${item.scale === null ? 'no scale' : `${item.scale.integer ? '' : 'a non-integer scale '}${item.scale.min}–${item.scale.max}`}`,
      });
    }
  }

  const segments: SegmentDefinition[] = (def.segments ?? []).map((segment) =>
    typeof segment === 'string'
      ? { id: segment, text: segment, levels: null }
      : { id: segment.id, text: segment.text ?? segment.id, levels: segment.levels ?? null },
  );

  // Every column the definition names must be named once only.
  const columns = new Map<string, string>();
  for (const [index, item] of items.entries()) columns.set(item.id, `items[${index}]`);
  const claim = (id: string, path: string) => {
    const other = columns.get(id);
    if (other !== undefined) {
      problems.push({ path, message: `column ${JSON.stringify(id)} is already used by ${other}` });
    } else {
      columns.set(id, path);
    }
  };
  if (def.weight !== undefined) claim(def.weight, 'weight');
  if (def.respondentId !== undefined) claim(def.respondentId, 'respondentId');
  for (const [index, segment] of segments.entries()) claim(segment.id, `segments[${index}]`);

  if (problems.length > 0) throw new SurveyDefinitionError(problems);
  return {
    name: def.name ?? 'survey',
    items,
    overall: def.overall ?? null,
    recommend: def.recommend ?? null,
    weight: def.weight ?? null,
    respondentId: def.respondentId ?? null,
    segments,
    missing: surveyMissing,
  };
}
