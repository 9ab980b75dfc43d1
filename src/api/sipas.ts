/**
 * SIPAS from raw survey forms (docs/spec.md §5): a survey definition (built in, or from rows) and
 * the forms (CSV text or bytes, a stream of chunks, a table or row objects) give each unit's
 * satisfaction index. Files and paths are `parindex/node`'s (`loadSipasDefinition`, `scoreSipasFile`).
 */
import { ROUNDING_MODES, TIE_MODES } from '../criteria/schemas.js';
import { buildUnits } from '../criteria/units.js';
import type { RoundingMode } from '../numbers/exact.js';
import type { TieMode } from '../criteria/settings.js';
import { isSurveyBuiltin, SURVEY_BUILTINS, surveyBuiltin, type SurveyBuiltinName } from '../sipas/builtins.js';
import { buildSurveyDefinition, type SipasDefinition } from '../sipas/definition.js';
import type { SipasResult } from '../sipas/result.js';

export type { SipasDefinition, SipasResult };
import { surveyResultJson } from '../report/sipas-json.js';
import { countSurveyChunks, scoreSurveyCsv, scoreSurveyTable, type SurveyOptions } from '../sipas/score.js';
import { chunksOf } from '../sipas/source.js';
import { surveyResultFromCounts } from '../sipas/result.js';
import { defineHidden } from '../scoring/score.js';
import { badArgument, checkKeys, isPlainObject, optionalBoolean, optionalChoice, optionalInteger, optionalString } from './args.js';
import { tag } from './kinds.js';
import { isTable, type CellValue, type Rows, type UnitRow } from './round.js';
import { jsonRowsToTable } from '../table/json.js';
import type { Table } from '../table/table.js';

/**
 * The names of the built-in survey definitions.
 *
 * @useDeclaredType
 */
export type SipasBuiltinName = SurveyBuiltinName;

/** One node or question of a survey definition, as a row object. */
export interface SipasQuestionRow {
  /** Dotted code; leaves are questions. */
  code: string;
  /** Title. */
  title?: string;
  /** Leaves: the responses column (default: the code). */
  column?: string;
  /** Weight among siblings, > 0 (default 1). */
  weight?: CellValue;
  /** Leaves: `true` if a valid form may leave it blank. */
  optional?: CellValue | boolean;
  /** Parents: `mean` (default) or `overall:<code>`. */
  aggregate?: string;
}

/**
 * A built-in survey definition: `sipas-2017` (QĐ 2640/QĐ-BNV, 22 questions in 5 factors) or
 * `sipas-2023` (QĐ 1001/QĐ-BNV, a policy part and a service part).
 */
export function sipasBuiltin(name: SipasBuiltinName): SipasDefinition {
  if (typeof name !== 'string' || !isSurveyBuiltin(name)) throw badArgument('name', name, 'one-of', { list: SURVEY_BUILTINS.map((n) => `"${n}"`).join(', ') });
  return surveyBuiltin(name);
}

/**
 * A survey definition from rows (or `{ questions: rows }`, or a table), checked as a whole:
 * duplicate or orphan codes, bad weights, two questions reading one column… each located.
 */
export function createSipasDefinition(input: Rows<SipasQuestionRow> | { questions: Rows<SipasQuestionRow> }): SipasDefinition {
  let rows: unknown = input;
  if (isPlainObject(input) && !isTable(input)) rows = checkKeys(input, ['questions'], 'input', false).questions;
  if (isTable(rows)) return buildSurveyDefinition(rows);
  if (Array.isArray(rows)) {
    rows.forEach((r, i) => {
      if (!isPlainObject(r)) throw badArgument(`questions[${i}]`, r, 'row-object');
    });
    return buildSurveyDefinition(jsonRowsToTable(rows, { file: 'questions' }));
  }
  throw badArgument('input', input, 'questions-input');
}

/** One survey form as a row object: `form`, `unit` and a value per question column (1–5, blank or 0 = no answer). */
export type SipasFormRow = {
  /** Unit id. */
  unit: string;
  /** Form id (optional). */
  form?: string;
} & Record<string, CellValue>;

/** Where the forms come from: CSV text or bytes, a stream of chunks, a table or row objects. */
export type SipasResponses = string | Uint8Array | AsyncIterable<Uint8Array | string> | Iterable<Uint8Array> | Table | readonly SipasFormRow[];

/** Options of {@link scoreSipas}. */
export interface SipasOptions {
  /** The units: only these are accepted, leagues come from their `rankGroup`, units without forms are listed. */
  units?: Rows<UnitRow>;
  /** Drop a form holding a bad answer (counted in forms, invalid and skipped) instead of stopping. */
  skipBadRows?: boolean;
  /** Decimals at output (default 2). */
  decimals?: number;
  /** Rounding at output (default `half-up`). */
  rounding?: RoundingMode;
  /** Ties in ranks (default `competition`). */
  ties?: TieMode;
  /** CSV delimiter (default: guessed from the header line). */
  delimiter?: ',' | ';' | '\t';
  /** A name for the responses in error messages. */
  file?: string;
}

const OPTION_KEYS = ['units', 'skipBadRows', 'decimals', 'rounding', 'ties', 'delimiter', 'file'] as const;

function isIterableSource(v: unknown): boolean {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && (Symbol.asyncIterator in v || Symbol.iterator in v);
}

/**
 * @internal The checked SIPAS options of `scoreSipas` and `scoreSipasFile` (keys already checked):
 * units as rows or a table, the flags and output settings, each a located `bad-argument` when wrong.
 */
export function sipasOptionsOf(o: Record<string, unknown>): SurveyOptions {
  let units: SurveyOptions['units'];
  if (o.units !== undefined) {
    if (!isTable(o.units) && !Array.isArray(o.units)) throw badArgument('options.units', o.units, 'units-input');
    units = buildUnits(isTable(o.units) ? o.units : jsonRowsToTable(o.units, { file: 'units' }));
  }
  return {
    units,
    skipBadRows: optionalBoolean(o.skipBadRows, 'options.skipBadRows'),
    decimals: optionalInteger(o.decimals, 'options.decimals', 0, 20),
    rounding: optionalChoice(o.rounding, ROUNDING_MODES, 'options.rounding'),
    ties: optionalChoice(o.ties, TIE_MODES, 'options.ties'),
    delimiter: optionalChoice(o.delimiter, [',', ';', '\t'] as const, 'options.delimiter'),
    file: optionalString(o.file, 'options.file'),
  };
}

/**
 * Scores SIPAS from raw forms: invalid forms counted and excluded, the share of 4–5 answers per
 * question, weighted means up the definition tree, ranks per league and a pooled `ALL` row. CSV is
 * read by a streaming byte tokenizer, so a stream of a million forms takes little memory.
 *
 * @example
 * const sipas = await scoreSipas(sipasBuiltin('sipas-2017'), csvText);
 * sipas.all.index?.toFixed(2);
 */
export async function scoreSipas(definition: SipasDefinition, responses: SipasResponses, options: SipasOptions = {}): Promise<SipasResult> {
  if (!isPlainObject(definition) || !Array.isArray((definition as SipasDefinition).nodes)) throw badArgument('definition', definition, 'sipas-definition');
  const o = checkKeys(options, OPTION_KEYS, 'options');
  const opts = sipasOptionsOf(o);
  let result: SipasResult;
  if (typeof responses === 'string' || responses instanceof Uint8Array) result = scoreSurveyCsv(definition, responses, opts);
  else if (isTable(responses)) result = scoreSurveyTable(definition, responses, opts);
  else if (Array.isArray(responses)) result = scoreSurveyTable(definition, jsonRowsToTable(responses, { file: opts.file ?? 'responses' }), opts);
  else if (isIterableSource(responses)) {
    const counts = await countSurveyChunks(definition, chunksOf(responses as AsyncIterable<Uint8Array>).chunks, opts);
    result = surveyResultFromCounts(definition, counts, opts);
  } else throw badArgument('responses', responses, 'responses-input');
  return sipasResult(result);
}

/** @internal Marks a SIPAS result as public data: `JSON.stringify` gives its JSON document. */
export function sipasResult(result: SipasResult): SipasResult {
  defineHidden(result, { toJSON: () => surveyResultJson(result) });
  return tag(result, 'sipas');
}
