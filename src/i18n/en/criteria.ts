/** English messages of src/criteria/. Keys are `code` or `code/variant`; params are the issue's structured values. */
import type { Fragment } from '../catalogue.js';
import { type TableWhat, tableWhat } from './table.js';

/** What a number cell must hold under `--decimal-comma` when it was written with a point. */
export const DECIMAL_COMMA = 'a number with a decimal comma such as 12,5 (--decimal-comma is on; 1.200 would be twelve hundred — write 1200)';

/** A number written with a point under `--decimal-comma`, in an input cell. */
export const POINT_IN_NUMBER = 'a "." in a number, but --decimal-comma is on';

/**
 * What a row schema expects of a cell, by the `expect` param of `bad-value`: the zod message of the
 * check that failed (src/criteria/schemas.ts, src/sipas/schemas.ts); `choices` lists an enum's values.
 */
const EXPECT: Record<string, (p: { choices?: string }) => string> = {
  code: () => 'a dotted code such as 1, 1.2 or 1.2.3',
  max: () => 'a number ≥ 0 such as 2 or 1.5',
  method: () => 'appraisal or survey',
  rule: (p) => `one of ${p.choices}`,
  'unit-id': () => 'a unit id',
  'unit-not-all': () => 'a unit id other than ALL (reserved for the pooled row)',
  group: () => 'a unit group such as so, quan, huyen or thixa',
  'unit-ref': () => 'a unit id from the units file',
  'criterion-ref': () => 'a criterion code from the framework',
  'survey-criterion-ref': () => 'a survey criterion code',
  score: () => 'a score from 0 to 100 or NA',
  'setting-name': () => 'a setting name',
  'question-code': () => 'a dotted code such as 1, 1.2 or A.1',
  weight: () => 'a number > 0 such as 1 or 0.5',
  flag: () => 'true or false (blank = false)',
  aggregate: () => 'mean or overall:<question code>',
};

/** What each setting takes (`bad-setting`). */
const SETTING: Record<string, string> = {
  decimals: 'a whole number of decimals from 0 to 20, such as 2',
  rounding: 'half-up or half-even',
  ties: 'competition, dense or ordinal',
  rankOn: 'exact or rounded',
  bands: 'bands text such as "A>=90; B>=80; C>=70"',
  clamp: 'true or false (also yes/no, 1/0)',
};

/** What a leaf's rule expects in an input cell: a kind and the leaf's numbers. */
export type Expects = {
  expect: 'points' | 'allowed' | 'yesno' | 'percentage' | 'number' | 'survey-score' | 'signed';
  /** `points`: the leaf's max. */
  max?: string;
  /** `allowed`: the allowed values, `, `-separated. */
  allowed?: string;
  /** `signed`: the limits, when given. */
  lo?: string;
  hi?: string;
};

/** The English words of what a rule expects in a cell. */
export function expectsText(p: Expects): string {
  switch (p.expect) {
    case 'points':
      return `a number from 0 to ${p.max} (or NA)`;
    case 'allowed':
      return `one of ${p.allowed} (or NA)`;
    case 'yesno':
      return '1/0, yes/no, có/không, đạt/không đạt or x (or NA)';
    case 'percentage':
      return 'a percentage ≥ 0 (or NA)';
    case 'number':
      return 'a number (or NA)';
    case 'survey-score':
      return 'a score from 0 to 100 (or NA)';
    case 'signed':
      return p.lo !== undefined || p.hi !== undefined ? `a signed number from ${p.lo ?? '−∞'} to ${p.hi ?? '+∞'}` : 'a signed number';
  }
}

/** Why a rule refused an input cell. */
export type CellFault = 'not-a-number' | 'points-outside' | 'not-allowed' | 'not-yes-no' | 'negative-percentage' | 'survey-outside' | 'adjust-na' | 'adjust-outside';

/** A refused input cell: the fault, what the rule expects, and whether `--decimal-comma` is on. */
export type CellFaultParams = Expects & { fault: CellFault; comma?: boolean };

/** The English words of a cell fault (without the criterion and unit). */
export function cellFaultText(p: CellFaultParams): string {
  switch (p.fault) {
    case 'not-a-number':
      return 'not a number';
    case 'points-outside':
      return `points outside 0..${p.max}`;
    case 'not-allowed':
      return 'points not among the allowed values';
    case 'not-yes-no':
      return 'not a yes/no answer';
    case 'negative-percentage':
      return 'a negative percentage';
    case 'survey-outside':
      return 'survey score outside 0..100';
    case 'adjust-na':
      return 'an adjustment cannot be NA';
    case 'adjust-outside':
      return 'adjustment outside its limits';
  }
}

/** What was expected instead of a refused cell. */
export function cellExpectedText(p: CellFaultParams): string {
  const want = expectsText(p);
  return p.fault === 'not-a-number' ? `${want}; numbers as 12 or 12.5${p.comma ? ' or 12,5' : ' (use --decimal-comma for 12,5)'}` : want;
}

/** Why a params cell was refused. */
export type ParamsFault =
  | 'no-params'
  | 'outside-pair'
  | 'unknown-key'
  | 'not-a-number'
  | 'twice'
  | 'allowed-outside'
  | 'target'
  | 'min-above-max'
  | 'no-tiers'
  | 'tier-syntax'
  | 'tier-points'
  | 'tier-outside'
  | 'else-threshold'
  | 'else-last'
  | 'tier-threshold'
  | 'tier-order';

/** A refused params cell: the fault and the values it names. */
export type ParamsFaultParams = {
  fault: ParamsFault;
  /** The rule's name. */
  rule?: string;
  /** The params cell as written. */
  text?: string;
  /** The token outside a key=value pair. */
  token?: string;
  /** The keys the rule takes, `, `-separated. */
  keys?: string;
  /** The param's key. */
  key?: string;
  /** `--decimal-comma` is on. */
  comma?: boolean;
  /** An allowed value. */
  value?: string;
  /** The leaf's max. */
  max?: string;
  /** A tier as written. */
  tier?: string;
};

/** The English words of a params fault (without the criterion). */
export function paramsFaultText(p: ParamsFaultParams): string {
  switch (p.fault) {
    case 'no-params':
      return `rule "${p.rule}" takes no params`;
    case 'outside-pair':
      return `params "${p.text}" has "${p.token}" outside a key=value pair`;
    case 'unknown-key':
      return `unknown param "${p.key}" for rule "${p.rule}"`;
    case 'not-a-number':
      return `param "${p.key}" is not a number`;
    case 'twice':
      return `param "${p.key}" is given twice`;
    case 'allowed-outside':
      return `allowed value ${p.value} is outside 0..max`;
    case 'target':
      return 'ratio target must be > 0';
    case 'min-above-max':
      return 'adjust min is above max';
    case 'no-tiers':
      return 'tiers rule needs tiers';
    case 'tier-syntax':
      return `tier "${p.tier}" is not understood`;
    case 'tier-points':
      return `tier "${p.tier}" has points that are not a number`;
    case 'tier-outside':
      return `tier "${p.tier}" gives points outside 0..max`;
    case 'else-threshold':
      return `tier "${p.tier}": else takes no threshold`;
    case 'else-last':
      return 'else must be the last tier';
    case 'tier-threshold':
      return `tier "${p.tier}" has a threshold that is not a number`;
    case 'tier-order':
      return `tiers are not in descending order at "${p.tier}"`;
  }
}

/** What was expected instead of a refused params cell. */
export function paramsExpectedText(p: ParamsFaultParams): string {
  switch (p.fault) {
    case 'no-params':
      return 'an empty params cell';
    case 'outside-pair':
      return `key=value pairs with keys ${p.keys}`;
    case 'unknown-key':
      return `one of ${p.keys}`;
    case 'not-a-number':
      return `a number such as ${p.comma ? '0,5' : '0.5'}`;
    case 'twice':
      return 'each key once';
    case 'allowed-outside':
      return `allowed values from 0 to ${p.max}`;
    case 'target':
      return 'target > 0, e.g. target=100';
    case 'min-above-max':
      return 'min ≤ max';
    case 'no-tiers':
      return 'tiers such as ">90:2 | >=70:1 | else:0"';
    case 'tier-syntax':
      return 'tiers like ">90:2", ">=70:1" or "else:0" split by "|"';
    case 'tier-points':
      return 'a number of points';
    case 'tier-outside':
      return `points from 0 to ${p.max ?? 'max'}`;
    case 'else-threshold':
      return '"else:points"';
    case 'else-last':
      return 'else only last';
    case 'tier-threshold':
      return 'a number after > or >=';
    case 'tier-order':
      return 'thresholds descending left to right (at an equal threshold ">" before ">=")';
  }
}

/** A number of a params cell written with a point under `--decimal-comma`: in a `param` (its key) or a `tier` (as written). */
export type PointParams = { where: 'param' | 'tier'; name: string; text: string };

/** The English words of a point under `--decimal-comma` in a params cell (without the criterion). */
export function pointText(p: PointParams): string {
  return `${p.where === 'param' ? 'param' : 'tier'} "${p.name}": "${p.text}" has a "." but --decimal-comma is on`;
}

type Code = { code: string };
type Evidence = { criterion: string; rule: string; unit: string };
type Survey = { unit: string; criterion: string };
type DuplicateRow = {
  unit: string;
  criterion: string;
  /** Row of the first row for the same cell. */
  row: number;
  /** Its file and sheet, when it is in another table with a name. */
  file?: string;
  sheet?: string;
  /** Its table's position (1 = first), when the tables cannot be told apart by name. */
  table?: number;
};

/** Where the first row of a repeated (unit, criterion) is. */
function firstRow(p: DuplicateRow): string {
  if (p.table !== undefined) {
    const label = [p.file, p.sheet && `sheet ${p.sheet}`].filter(Boolean).join(', ');
    return `row ${p.row} of evidence table ${p.table}${label ? ` (${label})` : ''}`;
  }
  if (p.file !== undefined || p.sheet !== undefined) return `${[p.file, p.sheet && `sheet ${p.sheet}`].filter(Boolean).join(', ')}, row ${p.row}`;
  return `row ${p.row}`;
}

export const criteria = {
  // Rows of every table (src/criteria/rows.ts).
  'bad-value': {
    message: (p: { field: string; what: TableWhat; expect: string; choices?: string }) => `bad ${p.field} in the ${tableWhat(p.what)}`,
    expected: (p: { field: string; what: TableWhat; expect: string; choices?: string }) => EXPECT[p.expect]?.(p) ?? p.expect,
  },

  // The framework.
  'bad-number/max': { message: (p: { criterion: string }) => `max of "${p.criterion}" has a "." but --decimal-comma is on`, expected: (_: { criterion: string }) => DECIMAL_COMMA },
  'bad-value/max': { message: (_: { comma: boolean }) => 'bad max in the framework', expected: (p: { comma: boolean }) => `a number ≥ 0 such as 2 or ${p.comma ? '1,5' : '1.5'}` },
  'duplicate-code': { message: (p: { code: string; first: number }) => `criterion code "${p.code}" appears twice (first on row ${p.first})`, expected: (_: { code: string; first: number }) => 'each code once' },
  'orphan-code': {
    message: (p: { code: string; parent: string }) => `criterion "${p.code}" has no parent "${p.parent}" in the framework`,
    expected: (p: { code: string; parent: string }) => `a row for "${p.parent}" (the parent of "${p.code}")`,
  },
  'empty-framework': { message: () => 'the framework has no criteria', expected: () => 'at least one criterion row' },
  'bad-groups': {
    message: (p: { code: string; parentGroups: string }) => `groups of "${p.code}" exclude every group its parent applies to`,
    expected: (p: { code: string; parentGroups: string }) => `a subset of ${p.parentGroups}`,
  },
  'rule-on-parent': { message: (p: Code) => `"${p.code}" has children, so it takes no rule`, expected: (_: Code) => 'a blank rule on a parent' },
  'params-on-parent': { message: (p: Code) => `"${p.code}" has children, so it takes no params`, expected: (_: Code) => 'blank params on a parent' },
  'parent-max-mismatch': {
    message: (p: { code: string; sum: string }) => `max of "${p.code}" differs from the sum of its children's max (${p.sum})`,
    expected: (p: { code: string; sum: string }) => `${p.sum}, or blank where children are group variants`,
  },
  'rule-method-mismatch': {
    message: (p: { code: string; method: string; rule: string }) => `"${p.code}" has method ${p.method} but rule ${p.rule}`,
    expected: (p: { code: string; method: string; rule: string }) => (p.method === 'survey' ? 'rule survey (or blank) for a survey criterion' : `method survey for rule ${p.rule}`),
  },
  'adjust-max': {
    message: (p: { code: string; rule: string }) => `${p.rule} leaf "${p.code}" takes no max (it never counts in any max)`,
    expected: (_: { code: string; rule: string }) => 'a blank max; limits go in params as min=… max=…',
  },
  'missing-max': { message: (p: Code) => `leaf "${p.code}" has no max`, expected: (_: Code) => 'a number ≥ 0' },
  'bad-max': { message: (p: Code) => `max of "${p.code}" is negative`, expected: (_: Code) => 'a number ≥ 0' },
  'bad-params': {
    message: (p: ParamsFaultParams & { criterion: string }) => `"${p.criterion}": ${paramsFaultText(p)}`,
    expected: (p: ParamsFaultParams & { criterion: string }) => paramsExpectedText(p),
  },
  'bad-number/params': { message: (p: PointParams & { criterion: string }) => `"${p.criterion}": ${pointText(p)}`, expected: (_: PointParams & { criterion: string }) => DECIMAL_COMMA },
  'bad-json/framework': { message: () => 'a framework JSON must be an array of criteria or an object with "criteria"', expected: () => '{"settings": {...}, "criteria": [...]}' },

  // Settings and bands.
  'bad-setting': { message: (p: { key: string }) => `bad setting "${p.key}"`, expected: (p: { key: string }) => SETTING[p.key] ?? p.key },
  'bad-setting/bands-list': { message: () => 'bad setting "bands": not a list of bands', expected: () => 'bands text such as "A>=90; B>=80" or parsed bands {label, min, strict}' },
  'bad-setting/not-object': { message: () => 'settings must be an object', expected: () => '{"decimals": 2, "ties": "competition", …}' },
  'unknown-setting': { message: (p: { key: string; known: string }) => `unknown setting ${p.key}`, expected: (p: { key: string; known: string }) => p.known },
  'unknown-setting/sheet': { message: (_: { known: string }) => 'unknown setting', expected: (p: { known: string }) => p.known },
  'duplicate-setting': { message: (p: { key: string; first: number }) => `a second "${p.key}" setting (first on row ${p.first})`, expected: (_: { key: string; first: number }) => 'each setting once' },
  'bad-bands': { message: (p: { band: string }) => `band "${p.band}" is not understood`, expected: (_: { band: string }) => 'bands such as "A>=90; B>=80; C>=70"' },

  // Units.
  'conflicting-label': {
    message: (p: { what: 'league' | 'group'; id: string; first: string; firstRow: number }) => `${p.what} "${p.id}" is named "${p.first}"${p.firstRow ? ` on row ${p.firstRow}` : ''} and differently here`,
    expected: (p: { what: 'league' | 'group'; id: string; first: string; firstRow: number }) => `the same name for every unit of ${p.what} "${p.id}" (or a blank cell)`,
  },
  'duplicate-unit': {
    message: (p: { unit: string; first: number; otherForm: boolean }) => `unit "${p.unit}" appears twice${p.otherForm ? ' (the same text in another Unicode form)' : ''} (first on row ${p.first})`,
    expected: (_: { unit: string; first: number; otherForm: boolean }) => 'each unit once',
  },
  'no-units': { message: () => 'the units file has no units', expected: () => 'one row per unit' },

  // Evidence and survey results.
  'unknown-criterion/column': { message: (p: { header: string }) => `column "${p.header}" names no criterion of the framework`, expected: (_: { header: string }) => 'a criterion code, or "<code> (self)"' },
  'duplicate-column/wide': {
    message: (p: { code: string; self: boolean; first: string; firstColumn: string }) => `criterion "${p.code}"${p.self ? ' (self)' : ''} has two columns ("${p.first}" in column ${p.firstColumn} and this one)`,
    expected: (_: { code: string; self: boolean; first: string; firstColumn: string }) => 'one column per criterion (and one "<code> (self)" column)',
  },
  'unknown-unit': { message: (p: { unit: string }) => `unit "${p.unit}" is not in the units file`, expected: (_: { unit: string }) => 'a unit id from the units file' },
  'unknown-criterion': { message: (p: { criterion: string }) => `criterion "${p.criterion}" is not in the framework`, expected: (_: { criterion: string }) => 'a leaf criterion code of the framework' },
  'unknown-criterion/survey': { message: (p: { criterion: string }) => `criterion "${p.criterion}" is not in the framework`, expected: (_: { criterion: string }) => 'a survey criterion code of the framework' },
  'parent-criterion': { message: (p: { code: string; children: string }) => `"${p.code}" has sub-criteria; evidence goes on its leaves`, expected: (p: { code: string; children: string }) => `one of ${p.children}` },
  'survey-criterion': { message: (p: Code) => `"${p.code}" is scored from survey results, not evidence`, expected: (_: Code) => 'an appraisal criterion (survey scores go in the survey results file)' },
  'not-survey-criterion/results': { message: (p: Code) => `"${p.code}" is not a survey criterion`, expected: (_: Code) => 'a leaf with method survey' },
  'not-applicable': {
    message: (p: { code: string; group: string; unit: string }) => `"${p.code}" does not apply to group "${p.group}" of unit "${p.unit}"`,
    expected: (p: { code: string; group: string; unit: string }) => `a criterion for group ${p.group}`,
  },
  'bad-input': { message: (p: CellFaultParams & Evidence) => `"${p.criterion}" (${p.rule}) for "${p.unit}": ${cellFaultText(p)}`, expected: (p: CellFaultParams & Evidence) => cellExpectedText(p) },
  'bad-number/input': { message: (p: Evidence) => `"${p.criterion}" (${p.rule}) for "${p.unit}": ${POINT_IN_NUMBER}`, expected: (_: Evidence) => DECIMAL_COMMA },
  'bad-score': { message: (p: CellFaultParams & Survey) => `survey score for "${p.unit}", "${p.criterion}": ${cellFaultText(p)}`, expected: (p: CellFaultParams & Survey) => cellExpectedText(p) },
  'bad-number/score': { message: (p: Survey) => `survey score for "${p.unit}", "${p.criterion}": ${POINT_IN_NUMBER}`, expected: (_: Survey) => DECIMAL_COMMA },
  'duplicate-row': { message: (p: DuplicateRow) => `a second row for unit "${p.unit}", criterion "${p.criterion}" (first on ${firstRow(p)})`, expected: (_: DuplicateRow) => 'one row per unit and criterion' },
  'duplicate-row/survey': {
    message: (p: { unit: string; criterion: string; row: number }) => `a second survey row for unit "${p.unit}", criterion "${p.criterion}" (first on row ${p.row})`,
    expected: (_: { unit: string; criterion: string; row: number }) => 'one row per unit and criterion',
  },
} satisfies Fragment;
