/**
 * zod schemas of a survey definition (docs/spec.md §5): the rows of a `questions` table (CSV, xlsx sheet
 * `questions`, JSON rows) with their cells as text. Their messages are kinds of value (`weight`)
 * that the catalogues word as the "expected" part of located errors. Tree checks (parents, `overall:` targets, columns) happen in the definition
 * builder.
 */
import * as z from 'zod/mini';
import { blankToUndefined, CODE_PATTERN, NUMBER_PATTERN, preprocess } from '../criteria/schemas.js';

/** Texts read as `true` in the `optional` column (case-insensitive; Vietnamese accepted). */
export const TRUE_TEXTS = ['true', 'yes', 'y', '1', 'x', 'có', 'co'] as const;
/** Texts read as `false` in the `optional` column (case-insensitive; Vietnamese accepted). */
export const FALSE_TEXTS = ['false', 'no', 'n', '0', 'không', 'khong'] as const;

/** Reads a yes/no cell; `undefined` for blank, the text itself when it is neither. */
export function readFlag(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  const t = v.trim().normalize('NFC').toLowerCase();
  if (t === '') return undefined;
  if ((TRUE_TEXTS as readonly string[]).includes(t)) return true;
  if ((FALSE_TEXTS as readonly string[]).includes(t)) return false;
  return v;
}

/** An `aggregate` cell: `mean` or `overall:<question code>`. */
export const AGGREGATE_PATTERN = /^(?:mean|overall:\s*[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*)$/i;

/** One row of a survey definition. */
export const QuestionRowSchema = z.object({
  code: z.string().check(z.regex(CODE_PATTERN, 'question-code')),
  title: z.string(),
  column: preprocess(blankToUndefined, z.optional(z.string())),
  weight: preprocess(blankToUndefined, z.optional(z.string().check(z.regex(NUMBER_PATTERN, 'weight')))),
  optional: preprocess(readFlag, z.optional(z.boolean('flag'))),
  aggregate: preprocess(blankToUndefined, z.optional(z.string().check(z.regex(AGGREGATE_PATTERN, 'aggregate')))),
});
/** A definition row after the schema. */
export type QuestionRow = z.infer<typeof QuestionRowSchema>;

/** The JSON survey definition file: `{ "questions": [rows] }` or a bare array of rows. */
export const SurveyDefinitionFileSchema = z.object({
  questions: z.array(
    z.object({
      code: z.string().check(z.regex(CODE_PATTERN), z.describe('dotted path; leaves are questions')),
      title: z.optional(z.string()),
      column: z.optional(z.string().check(z.describe('leaves: the responses column (default = code)'))),
      weight: z.optional(z.union([z.string(), z.number()]).check(z.describe('> 0, weight among siblings (default 1)'))),
      optional: z.optional(z.union([z.boolean(), z.string()]).check(z.describe('leaves: a valid form may leave it blank'))),
      aggregate: z.optional(z.string().check(z.describe('parents: mean (default) or overall:<question code>'))),
    }),
  ),
});

/** JSON Schema (draft 2020-12) of the survey definition JSON file, for editors and validators. */
export function surveyDefinitionJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(SurveyDefinitionFileSchema) as Record<string, unknown>;
}
