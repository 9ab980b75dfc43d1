/** English messages of src/api/. Keys are `code` or `code/variant`; params are the issue's structured values. */
import type { Fragment } from '../catalogue.js';

/** The last `, ` of a list as ` or `: `"a", "b"` → `"a" or "b"`. */
const orList = (list: string) => list.replace(/, (?=[^,]*$)/, ' or ');

/** Params of a `bad-argument` issue: the argument's name as the docs write it, and what it should be. */
export interface ArgumentParams {
  [k: string]: string | number | boolean | undefined;
  /** The argument: `options.ties`, `input.framework`, `units[3].group`. */
  what: string;
  /** What the argument should be (a key of {@link ARGUMENT_WANTS}). */
  want: ArgumentWant;
  /** Names (quoted, joined by `, `) for `want` `object-keys`, `choice`, `one-of`. */
  list?: string;
  /** Bounds for `want` `integer`. */
  min?: number;
  max?: number;
}

/** What an argument should be, in English, by kind. */
export const ARGUMENT_WANTS = {
  'object-keys': (p: ArgumentParams) => `an object with keys ${p.list}`,
  boolean: () => 'true or false',
  choice: (p: ArgumentParams) => `${p.list}`,
  'one-of': (p: ArgumentParams) => orList(`${p.list}`),
  integer: (p: ArgumentParams) => `a whole number from ${p.min} to ${p.max}`,
  text: () => 'text',
  path: () => 'a file path',
  function: () => 'a function',
  'text-or-bytes': () => 'text or bytes',
  'csv-input': () => 'CSV text or bytes (Uint8Array)',
  'workbook-bytes': () => 'the workbook as bytes (Uint8Array)',
  'blob-input': () => 'a File or Blob, bytes (Uint8Array) or text',
  'sipas-files': () => '{ questions, responses, criterion } (files) or { result, criterion }',
  'table-kind': () => 'criteria, units, evidence, survey, questions or responses',
  'row-object': () => 'a row object',
  'table-row': () => '{ row: number, cells: string[] }',
  'cell-value': () => 'text, a number or blank',
  'finite-number': () => 'a finite number',
  'criteria-input': () => 'criteria rows or a table',
  'framework-input': () => 'criteria rows, { settings, criteria } or a table',
  'units-input': () => 'unit rows or a table',
  'evidence-input': () => 'evidence rows, a table, or a list of them',
  'evidence-table': () => 'evidence rows or a table',
  'survey-input': () => 'survey rows or a table',
  'questions-input': () => 'question rows, { questions } or a table',
  'responses-input': () => 'CSV text or bytes, a stream of chunks, a table or form rows',
  'sipas-definition': () => 'a survey definition from sipasBuiltin() or createSipasDefinition()',
  'sipas-result': () => 'a SIPAS result from scoreSipas()',
  'survey-criterion': () => 'the code of a survey criterion, e.g. 8.1',
  round: () => 'a round from createRound() or loadRound()',
  'score-result': () => 'a result of score()',
  'any-result': () => 'a result of score(), scoreSipas(), explain(), sensitivity() or compare()',
  'result-or-file': () => 'a result of score() or resultFromJson(), or a result file from loadResult()',
  'unit-id': () => 'a unit id',
  'report-result': () => 'a result of score(), scoreSipas() or compare()',
} satisfies Record<string, (p: ArgumentParams) => string>;

/** What an argument should be: a key of {@link ARGUMENT_WANTS}. */
export type ArgumentWant = keyof typeof ARGUMENT_WANTS;

/** Params of a `bad-result-json` issue: the JSON path and what it should hold. */
export interface ResultJsonParams {
  [k: string]: string | number | boolean | undefined;
  /** Path in the document: `units[3].index`. */
  path: string;
  /** What it should hold (a key of {@link RESULT_JSON_WANTS}). */
  want: ResultJsonWant;
}

/** What a field of a result's JSON document should hold, in English, by kind. */
export const RESULT_JSON_WANTS = {
  decimal: 'a decimal as text',
  'decimal-or-null': 'a decimal as text, or null',
  'decimal-example': 'a decimal as text, such as "89.83"',
  count: 'a whole number ≥ 0',
  rank: 'a whole number ≥ 1, or null',
  text: 'text',
  'text-or-null': 'text or null',
  unit: 'a unit object',
  areas: 'an object of areas',
  area: '{ points, max }',
  summary: '{ count, mean, min, max }',
} as const;

/** What a field of a result's JSON should hold: a key of {@link RESULT_JSON_WANTS}. */
export type ResultJsonWant = keyof typeof RESULT_JSON_WANTS;

/** What needs a round's inputs (the `what` of `no-round`). */
export type RoundUser = 'explain' | 'sensitivity' | 'workbook';

const ROUND_USERS: Record<RoundUser, string> = { explain: 'explain', sensitivity: 'sensitivity', workbook: 'the results workbook' };

export const api = {
  'bad-argument': { message: (p: ArgumentParams) => `bad argument ${p.what}`, expected: (p: ArgumentParams) => ARGUMENT_WANTS[p.want](p) },
  'bad-argument/choice': {
    message: (p: { what: string; list: string; suggestion?: string }) => `bad value for ${p.what}${p.suggestion ? `; did you mean "${p.suggestion}"?` : ''}`,
    expected: (p: { what: string; list: string; suggestion?: string }) => p.list,
  },
  'bad-argument/no-framework': { message: () => 'a round needs a framework', expected: () => ARGUMENT_WANTS['framework-input']() },
  'bad-argument/no-units': { message: () => 'a round needs units', expected: () => ARGUMENT_WANTS['units-input']() },
  'unknown-option': {
    message: (p: { key: string; what: string; known: string; suggestion?: string }) => `unknown key "${p.key}" in ${p.what}${p.suggestion ? `; did you mean "${p.suggestion}"?` : ''}`,
    expected: (p: { key: string; what: string; known: string; suggestion?: string }) => `one of ${p.known}`,
  },
  'no-round': {
    message: (p: { what: RoundUser }) => `${ROUND_USERS[p.what]} needs the round's inputs, which a result rebuilt from JSON does not carry`,
    expected: (_: { what: RoundUser }) => 'a result of score(round)',
  },
  'bad-json/result-text': { message: (p: { detail: string }) => `not valid JSON: ${p.detail}`, expected: (_: { detail: string }) => 'the JSON document of a score result' },
  'bad-result-json': { message: (p: ResultJsonParams) => `bad ${p.path}`, expected: (p: ResultJsonParams) => RESULT_JSON_WANTS[p.want] },
  'bad-result-json/unknown-key': {
    message: (p: { key: string; path: string; known: string }) => `unknown key "${p.key}" in ${p.path}`,
    expected: (p: { key: string; path: string; known: string }) => `one of ${p.known}`,
  },
  'bad-result-json/not-result': { message: () => 'not the JSON document of a score result', expected: () => '{"units": [...], "leagues": {...}, "groups": {...}}' },
  'unknown-criterion/sipas': {
    message: (p: { criterion: string }) => `criterion "${p.criterion}" (--sipas-criterion) is not in the framework`,
    expected: (_: { criterion: string }) => 'the code of a survey criterion of the framework, e.g. 8.1',
  },
  'not-survey-criterion': { message: (p: { code: string }) => `"${p.code}" is not a survey criterion`, expected: (_: { code: string }) => 'a leaf with method survey' },
  'unknown-unit/survey': { message: (p: { unit: string }) => `unit "${p.unit}" of the survey is not in the units file`, expected: (_: { unit: string }) => 'a unit id from the units file' },
  'not-applicable/survey': {
    message: (p: { code: string; group: string; unit: string; forms: number }) => `"${p.code}" does not apply to group "${p.group}", yet unit "${p.unit}" has ${p.forms} survey form${p.forms === 1 ? '' : 's'}`,
    expected: (p: { code: string; group: string; unit: string; forms: number }) => `a survey criterion for group ${p.group}`,
  },
  'duplicate-survey': {
    message: (p: { unit: string; code: string }) => `unit "${p.unit}", criterion "${p.code}" has a score in the survey results file and from SIPAS`,
    expected: (_: { unit: string; code: string }) => 'one source per unit and criterion (drop the row from the survey results file, or the SIPAS options)',
  },
} satisfies Fragment;
