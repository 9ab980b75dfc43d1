/**
 * zod schemas for the rows of every input table (cells are text; blank = ''), the settings, and the
 * JSON framework file. A row schema's message is the kind of value a cell must hold (`unit-ref`),
 * worded by the catalogues as the "expected" part of a `bad-value` error (src/i18n/{en,vi}/criteria.ts), and
 * {@link frameworkJsonSchema} gives editors a JSON Schema for framework files.
 */
import * as z from 'zod/mini';
import { RULE_NAMES } from './rules/rule.js';

/** Dotted criterion or question code: segments of letters, digits, `_` or `-`, split by `.`. */
export const CODE_PATTERN = /^[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*$/;
/** Exact number text (point decimal). */
export const NUMBER_PATTERN = /^[+-]?\d+(?:\.\d+)?$/;

/** A blank text cell read as absent, so an optional field is not checked against its pattern. */
/** The parent of a dotted code (`1.2.3` → `1.2`), or undefined for a top-level code. */
export function parentCode(code: string): string | undefined {
  const at = code.lastIndexOf('.');
  return at < 0 ? undefined : code.slice(0, at);
}

export const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
/** `z.preprocess` of full zod, in zod/mini's terms: `fn` runs on the input, then `schema` checks it. */
export const preprocess = <T extends z.ZodMiniType>(fn: (v: unknown) => unknown, schema: T) => z.pipe(z.transform(fn), schema);
const optionalText = <T extends z.ZodMiniType>(schema: T) => preprocess(blankToUndefined, z.optional(schema));

/** How a criterion is scored: appraised evidence or survey results. */
export const METHODS = ['appraisal', 'survey'] as const;
/** Tie handling in ranks. */
export const TIE_MODES = ['competition', 'dense', 'ordinal'] as const;
/** Rounding modes at output. */
export const ROUNDING_MODES = ['half-up', 'half-even'] as const;
/** What ranks compare. */
export const RANK_ON = ['exact', 'rounded'] as const;

/**
 * A framework `max` as text: a point or a comma decimal here; which separator the run takes
 * (`--decimal-comma`) is checked by the framework builder, which reads the number.
 */
const MAX_PATTERN = /^[+-]?\d+(?:[.,]\d+)?$/;

/** One framework row (docs/spec.md §2). Number checks beyond the text form happen in the framework builder. */
export const FrameworkRowSchema = z.object({
  code: z.string().check(z.regex(CODE_PATTERN, 'code')),
  title: z.string(),
  max: optionalText(z.string().check(z.regex(MAX_PATTERN, 'max'))),
  method: optionalText(z.enum(METHODS, 'method')),
  rule: optionalText(z.enum(RULE_NAMES, 'rule')),
  params: z.string(),
  groups: z.string(),
});
/** A framework row after the schema. */
export type FrameworkRow = z.infer<typeof FrameworkRowSchema>;

/** One units row (docs/spec.md §3). */
export const UnitRowSchema = z.object({
  unit: z.string().check(
    z.minLength(1, 'unit-id'),
    z.refine((s) => s.toUpperCase() !== 'ALL', 'unit-not-all'),
  ),
  name: z.string(),
  group: z.string().check(z.minLength(1, 'group')),
  rankGroup: z.string(),
  groupName: z.string(),
  rankGroupName: z.string(),
});
/** A units row after the schema. */
export type UnitRow = z.infer<typeof UnitRowSchema>;

/** One evidence row, long layout (docs/spec.md §3). `self`/`appraised` are checked per rule later. */
export const EvidenceRowSchema = z.object({
  unit: z.string().check(z.minLength(1, 'unit-ref')),
  criterion: z.string().check(z.minLength(1, 'criterion-ref')),
  self: z.string(),
  appraised: z.string(),
  evidence: z.string(),
  note: z.string(),
});
/** {@link EvidenceRowSchema} as a plain check: text fields, `unit` and `criterion` not blank. */
export const EVIDENCE_ROW_PLAIN = { nonEmpty: ['unit', 'criterion'] } as const;
/** An evidence row after the schema. */
export type EvidenceRow = z.infer<typeof EvidenceRowSchema>;

/** One survey-results row (docs/spec.md §3). */
export const SurveyRowSchema = z.object({
  unit: z.string().check(z.minLength(1, 'unit-ref')),
  criterion: z.string().check(z.minLength(1, 'survey-criterion-ref')),
  // A blank score is no row, as a blank evidence row is: a survey template can be checked while it is filled.
  score: z.string(),
});
/** {@link SurveyRowSchema} as a plain check: text fields, `unit` and `criterion` not blank. */
export const SURVEY_ROW_PLAIN = { nonEmpty: ['unit', 'criterion'] } as const;
/** A survey-results row after the schema. */
export type SurveyRow = z.infer<typeof SurveyRowSchema>;

/** What a `decimals` setting must be. */
const DECIMALS_EXPECTED = 'a whole number of decimals from 0 to 20, such as 2';

/**
 * Settings as written in a framework file, a `settings` sheet or given as options (all optional;
 * docs/spec.md §2). Text is accepted where a sheet cell holds it: `decimals` as plain digits only (`2`, not
 * `2.0`, `1e1` or `0x2`), `clamp` as true/false, yes/no or 1/0. `bands` is checked as text here and
 * parsed by `parseBands`.
 */
export const SettingsSchema = z.partial(
  z.strictObject({
    decimals: preprocess(
      (v) => (typeof v === 'string' ? (/^\d+$/.test(v.trim()) ? Number(v.trim()) : v) : v),
      z.number(DECIMALS_EXPECTED).check(
        z.refine((n) => Number.isInteger(n), DECIMALS_EXPECTED),
        z.gte(0, DECIMALS_EXPECTED),
        z.lte(20, DECIMALS_EXPECTED),
      ),
    ),
    rounding: z.enum(ROUNDING_MODES, 'half-up or half-even'),
    ties: z.enum(TIE_MODES, 'competition, dense or ordinal'),
    rankOn: z.enum(RANK_ON, 'exact or rounded'),
    bands: z.string('bands text such as "A>=90; B>=80; C>=70"'),
    clamp: preprocess(
      (v) => (typeof v === 'string' ? (({ true: true, false: false, yes: true, no: false, '1': true, '0': false } as Record<string, boolean>)[v.trim().toLowerCase()] ?? v) : v),
      z.boolean('true or false (also yes/no, 1/0)'),
    ),
  }),
);
/**
 * Settings as read (every key optional). Written out rather than `z.infer<typeof SettingsSchema>`
 * so that zod's types stay out of the published .d.ts (zod 4's need TypeScript 5.4 or later).
 */
export interface SettingsInput {
  decimals?: number;
  rounding?: (typeof ROUNDING_MODES)[number];
  ties?: (typeof TIE_MODES)[number];
  rankOn?: (typeof RANK_ON)[number];
  bands?: string;
  clamp?: boolean;
}

const cellValue = z.union([z.string(), z.number()]);

/**
 * The JSON framework file: `{ settings, criteria }` (a bare criteria array is also accepted). For
 * editors it states the canonical JSON types (`decimals` a number, `clamp` a boolean); the reader
 * also accepts them as text, as a settings sheet holds them (see {@link SettingsSchema}).
 */
export const FrameworkFileSchema = z.object({
  settings: z.optional(
    z.object({
      decimals: z.optional(z.int().check(z.gte(0), z.lte(20))),
      rounding: z.optional(z.enum(ROUNDING_MODES)),
      ties: z.optional(z.enum(TIE_MODES)),
      rankOn: z.optional(z.enum(RANK_ON)),
      bands: z.optional(z.string().check(z.describe('e.g. "A>=90; B>=80; C>=70"'))),
      clamp: z.optional(z.boolean()),
    }),
  ),
  criteria: z.array(
    z.object({
      code: z.string().check(z.regex(CODE_PATTERN), z.describe('dotted path; the parent of 1.2.3 is 1.2')),
      title: z.optional(z.string()),
      max: z.optional(cellValue.check(z.describe('maximum points; blank on adjust leaves and on parents of group variants'))),
      method: z.optional(z.enum(METHODS)),
      rule: z.optional(z.enum(RULE_NAMES)),
      params: z.optional(z.string().check(z.describe('key=value pairs, or tiers such as ">90:2 | >=70:1 | else:0"'))),
      groups: z.optional(z.string().check(z.describe('";"-separated unit groups; empty = all'))),
    }),
  ),
});

/** JSON Schema (draft 2020-12) of the framework JSON file, for editors and validators. */
export function frameworkJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(FrameworkFileSchema) as Record<string, unknown>;
}
