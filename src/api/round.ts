/**
 * A round is one object: the framework, the units and every input, checked together. Built by
 * {@link createRound} from plain objects or tables (or by `loadRound` in `parindex/node` from
 * files); scored by `score(round)`. Nothing can be passed twice, so nothing can disagree.
 */
import { buildInputs } from '../criteria/evidence.js';
import { buildFramework, type Framework, type Method, type Rule } from '../criteria/framework.js';
import type { NumberTextOptions } from '../numbers/decimal-text.js';
import type { RoundingMode } from '../numbers/exact.js';
import type { TieMode } from '../criteria/settings.js';
import { parseSettingsRecord, parseSettingsTable } from '../criteria/settings.js';
import { buildUnits, type Units } from '../criteria/units.js';
import { IssueList, ParIndexError } from '../errors.js';
import { jsonRowsToTable } from '../table/json.js';
import type { RowSource, Table } from '../table/table.js';
import type { Exact } from '../numbers/exact.js';
import type { InputMatrix } from '../criteria/inputs.js';
import { addSipasScores, type SipasNullAs } from './sipas-into-par.js';
import type { SipasResult } from '../sipas/result.js';
import type { ArgumentWant } from '../i18n/en/api.js';
import { badArgument, checkKeys, isPlainObject, missingInput, optionalBoolean, optionalChoice, optionalString } from './args.js';

/** A cell of a row object: text, a number (read through its shortest round-trip text), or blank. */
export type CellValue = string | number | null | undefined;

/** One criterion of the framework (docs/spec.md §2), as a row object. */
export interface FrameworkRow {
  /** Dotted code: `1`, `1.2`, `1.2.3`; the parent of `1.2.3` is `1.2`. */
  code: string;
  /** Title (free text). */
  title?: string;
  /** Maximum points; blank on `adjust` leaves and on parents whose children are group variants. */
  max?: CellValue;
  /** `appraisal` (default) or `survey`; on a parent, the default of the leaves below. */
  method?: Method;
  /** Leaf rule (default `points`, or `survey` under method survey). */
  rule?: Rule;
  /** Rule parameters: `key=value` pairs or tiers such as `>90:2 | >=70:1 | else:0`. */
  params?: string;
  /** `;`-separated unit groups the criterion applies to; blank = every group. */
  groups?: string;
}

/** Settings a framework may carry (docs/spec.md §2); score options override them. */
export interface FrameworkSettings {
  /** Decimals at output (default 2). */
  decimals?: number;
  /** `half-up` (default) or `half-even`. */
  rounding?: RoundingMode;
  /** `competition` (default), `dense` or `ordinal`. */
  ties?: TieMode;
  /** Rank on `exact` indices (default) or on the `rounded` ones. */
  rankOn?: 'exact' | 'rounded';
  /** Bands such as `"A>=90; B>=80"`. */
  bands?: string;
  /** Clamp index and selfIndex to [0, 100]. */
  clamp?: boolean;
}

/** A framework with its settings, as a JSON framework file holds it. */
export interface FrameworkDocument {
  /** Settings (optional): an object, or a settings sheet's table (key, value rows). */
  settings?: FrameworkSettings | Table;
  /** The criteria, as row objects or a table. */
  criteria: readonly FrameworkRow[] | Table;
}

/** One unit (docs/spec.md §3), as a row object. */
export interface UnitRow {
  /** Id used by the evidence (`ALL` is reserved). */
  unit: string;
  /** Display name (default: the id). */
  name?: string;
  /** Group (so, quan, huyen, thixa, …): decides which criteria apply. */
  group: string;
  /** League it is ranked in (default: its group). */
  rankGroup?: string;
  /** Display name of the group in reports (e.g. "Quận"); every unit of a group that gives one gives the same. */
  groupName?: string;
  /** Display name of the league in reports (e.g. "Khối sở"); every unit of a league that gives one gives the same. */
  rankGroupName?: string;
}

/** One evidence row, long layout (docs/spec.md §3): a unit's input for one criterion. */
export interface EvidenceRow {
  /** Unit id. */
  unit: string;
  /** Criterion code (a leaf). */
  criterion: string;
  /** The unit's self-assessed input (a number, a yes/no word, or `NA`). */
  self?: CellValue;
  /** The council's appraised input; blank = not appraised (the self input stands). */
  appraised?: CellValue;
  /** Reference to the supporting document (carried to the audit). */
  evidence?: string;
  /** A note (carried to the audit). */
  note?: string;
}

/** One survey-results row (docs/spec.md §3): a unit's score, 0–100 or `NA`, for a survey criterion. */
export interface SurveyRow {
  /** Unit id. */
  unit: string;
  /** Survey criterion code. */
  criterion: string;
  /** Score from 0 to 100, or `NA`. */
  score: CellValue;
}

/** Rows of one kind: row objects, or a table read from a file ({@link parseCsv}). */
export type Rows<R> = readonly R[] | Table;

/** SIPAS scores to put into a survey criterion of the round (docs/spec.md §5). */
export interface SipasInput {
  /** A SIPAS result from `scoreSipas`. */
  result: SipasResult;
  /** The survey criterion that takes each unit's SIPAS index, e.g. `8.1`. */
  criterion: string;
  /** A unit without a SIPAS index: `missing` (default: scored 0, counted missing) or `na` (not applicable). */
  nullAs?: SipasNullAs;
}

/** Everything a round is made of. */
export interface RoundInput {
  /** The criteria framework: row objects, a framework document (`{ settings, criteria }`) or a table. */
  framework: readonly FrameworkRow[] | FrameworkDocument | Table;
  /** The units: row objects or a table. */
  units: Rows<UnitRow>;
  /** Evidence: rows or a table (long or wide layout), or a list of them (several files or sheets). */
  evidence?: Rows<EvidenceRow> | readonly Rows<EvidenceRow>[];
  /** Survey results (scores of survey criteria). */
  survey?: Rows<SurveyRow>;
  /** SIPAS indices for a survey criterion, from `scoreSipas`. */
  sipas?: SipasInput;
}

/** Options of {@link createRound}. */
export interface RoundOptions {
  /**
   * The decimal separator of text cells is `,` (`'12,5'`), in the framework's `max` and `params` as
   * in evidence and survey cells; a `.` there is then a `bad-number` error (`'1.200'` would be twelve
   * hundred). JS numbers are numbers: this does not touch them.
   */
  decimalComma?: boolean;
}

/** One unit of a round. */
export interface RoundUnit {
  /** Unit id. */
  readonly unit: string;
  /** Display name. */
  readonly name: string;
  /** Group. */
  readonly group: string;
  /** League. */
  readonly rankGroup: string;
}

/** One criterion of a round's framework. */
export interface RoundCriterion {
  /** Dotted code. */
  readonly code: string;
  /** Title. */
  readonly title: string;
  /** Maximum points (0 for `adjust` leaves; the sum of all children for a parent). */
  readonly max: Exact;
  /** True for a leaf. */
  readonly isLeaf: boolean;
  /** Leaf rule (null on parents). */
  readonly rule: Rule | null;
  /** `appraisal` or `survey`. */
  readonly method: Method;
  /** Groups it applies to (null = every group). */
  readonly groups: readonly string[] | null;
}

/** The parts of a round, for the engine. */
export interface RoundParts {
  framework: Framework;
  units: Units;
  inputs: InputMatrix;
}

let partsOf: (r: Round) => RoundParts;

/**
 * A checked round: framework, units and inputs together. Made by {@link createRound} (or
 * `loadRound` in `parindex/node`); scored by `score`. Its data is read through `units`,
 * `criteria` and `settings`; the engine's internals are private.
 */
export class Round {
  readonly #parts: RoundParts;

  private constructor(parts: RoundParts) {
    this.#parts = parts;
  }

  static {
    partsOf = (r) => r.#parts;
  }

  /** @internal Wraps checked parts (the Node loader and the CLI build rounds from files). */
  static fromParts(parts: RoundParts): Round {
    return new Round(parts);
  }

  /** The units in input order. */
  get units(): readonly RoundUnit[] {
    return this.#parts.units.list.map((u) => ({ unit: u.id, name: u.name, group: u.group, rankGroup: u.rankGroup }));
  }

  /** The criteria in framework order. */
  get criteria(): readonly RoundCriterion[] {
    return this.#parts.framework.criteria.map((c) => ({ code: c.code, title: c.title, max: c.max, isLeaf: c.isLeaf, rule: c.rule ?? null, method: c.method, groups: c.groups ? [...c.groups] : null }));
  }

  /** The framework's own settings (score options override them). */
  get settings(): FrameworkSettings {
    return { ...this.#parts.framework.settings } as FrameworkSettings;
  }

  /** A short description, e.g. for logs. */
  toJSON(): {
    /** Number of units. */
    units: number;
    /** Number of criteria (leaves and their parents). */
    criteria: number;
  } {
    return { units: this.#parts.units.list.length, criteria: this.#parts.framework.criteria.length };
  }
}

/** @internal The engine's view of a round. */
export function roundParts(round: Round): RoundParts {
  if (!(round instanceof Round)) throw badArgument('round', round, 'round');
  return partsOf(round);
}

const INPUT_KEYS = ['framework', 'units', 'evidence', 'survey', 'sipas'] as const;
const FRAMEWORK_DOC_KEYS = ['settings', 'criteria'] as const;
const SIPAS_KEYS = ['result', 'criterion', 'nullAs'] as const;
const OPTION_KEYS = ['decimalComma'] as const;

/** True for a table from a reader: a header array and an array of rows. */
export function isTable(v: unknown): v is Table {
  return isPlainObject(v) && Array.isArray(v.header) && Array.isArray(v.rows);
}

/**
 * @internal True for a CSV file read lazily (`csvRowSource`, src/table/csv.ts): rows split as they
 * are read, its text kept so that long evidence and survey results take the byte path of
 * `buildInputs` (what the CLI does; the page's worker hands its CSV evidence in this way). Its rows
 * come from the CSV splitter, so they are not checked one by one here.
 */
export function isCsvSource(v: unknown): v is RowSource {
  if (!isPlainObject(v) || !Array.isArray(v.header) || !isPlainObject(v.text) || Array.isArray(v.rows)) return false;
  const rows = v.rows as { [Symbol.iterator]?: unknown } | null | undefined;
  return typeof v.text.body === 'string' && typeof v.text.delimiter === 'string' && typeof rows?.[Symbol.iterator] === 'function';
}

/** Evidence or survey rows: a CSV file read lazily as it is, else a table from rows or a table, checked. */
function sourceOf(v: unknown, what: string, expected: ArgumentWant): RowSource {
  return isCsvSource(v) ? v : tableOf(v, what, expected);
}

/** A table from rows or a table, checked; `what` names the argument in errors. */
function tableOf(v: unknown, what: string, expected: ArgumentWant): Table {
  if (isTable(v)) {
    v.header.forEach((h, i) => {
      if (typeof h !== 'string') throw badArgument(`${what}.header[${i}]`, h, 'text');
    });
    v.rows.forEach((r, i) => {
      if (!isPlainObject(r) || !Array.isArray(r.cells) || typeof r.row !== 'number' || r.cells.some((c) => typeof c !== 'string')) throw badArgument(`${what}.rows[${i}]`, r, 'table-row');
    });
    return v;
  }
  if (Array.isArray(v)) {
    v.forEach((r, i) => {
      if (!isPlainObject(r)) throw badArgument(`${what}[${i}]`, r, 'row-object');
      for (const [k, x] of Object.entries(r)) {
        if (x !== undefined && x !== null && typeof x !== 'string' && typeof x !== 'number') throw badArgument(`${what}[${i}].${k}`, x, 'cell-value');
        if (typeof x === 'number' && !Number.isFinite(x)) throw badArgument(`${what}[${i}].${k}`, String(x), 'finite-number');
      }
    });
    return jsonRowsToTable(v, { file: what });
  }
  throw badArgument(what, v, expected);
}

function frameworkOf(v: unknown, opts: NumberTextOptions): Framework {
  if (isTable(v) || Array.isArray(v)) return buildFramework(tableOf(v, 'framework', 'criteria-input'), {}, opts);
  if (isPlainObject(v)) {
    const doc = checkKeys(v, FRAMEWORK_DOC_KEYS, 'framework', false);
    const settings = doc.settings === undefined ? {} : isTable(doc.settings) ? parseSettingsTable(doc.settings) : parseSettingsRecord(doc.settings, { file: 'framework' });
    return buildFramework(tableOf(doc.criteria, 'framework.criteria', 'criteria-input'), settings, opts);
  }
  throw badArgument('framework', v, 'framework-input');
}

function evidenceOf(v: unknown): RowSource[] {
  if (v === undefined) return [];
  if (isTable(v) || isCsvSource(v)) return [sourceOf(v, 'evidence', 'evidence-table')];
  if (!Array.isArray(v)) throw badArgument('evidence', v, 'evidence-input');
  // A list of tables or of row lists (several files); otherwise the rows of one table.
  if (v.length > 0 && v.every((x) => isTable(x) || isCsvSource(x) || Array.isArray(x))) return v.map((x, i) => sourceOf(x, `evidence[${i}]`, 'evidence-table'));
  return [tableOf(v, 'evidence', 'evidence-table')];
}

/**
 * Builds a round from plain objects or tables and checks every input together: unknown units or
 * criteria, bad cells (each located by row and column), duplicate rows, unknown columns (naming
 * the nearest known one). Throws a {@link ParIndexError} listing every problem; `safe(() =>
 * createRound(…))` returns them instead.
 *
 * @example
 * const round = createRound({
 *   framework: [{ code: '1', title: 'Chỉ đạo' }, { code: '1.1', title: 'Kế hoạch', max: 2 }],
 *   units: [{ unit: 'noi-vu', name: 'Sở Nội vụ', group: 'so' }],
 *   evidence: [{ unit: 'noi-vu', criterion: '1.1', self: 2, appraised: '1.5' }],
 * });
 */
export function createRound(input: RoundInput, options: RoundOptions = {}): Round {
  return createRoundKeeping(input, options, true);
}

/**
 * @internal {@link createRound}, keeping each cell's evidence reference and note for the audit or
 * not (`sources: false`: the figures are the same, the results workbook's audit has no references;
 * the council page ranks without them and builds the round again with them for the workbook).
 */
export function createRoundKeeping(input: RoundInput, options: RoundOptions, sources: boolean): Round {
  const given = checkKeys(input, INPUT_KEYS, 'input', false);
  const opts = checkKeys(options, OPTION_KEYS, 'options');
  const decimalComma = optionalBoolean(opts.decimalComma, 'options.decimalComma');
  if (given.framework === undefined) throw missingInput('input.framework');
  if (given.units === undefined) throw missingInput('input.units');
  // Each part is checked even when another failed, so every problem is reported at once.
  const issues = new IssueList();
  const attempt = <T>(f: () => T): T | undefined => {
    try {
      return f();
    } catch (e) {
      if (!(e instanceof ParIndexError)) throw e;
      for (const i of e.issues) issues.add(i);
      return undefined;
    }
  };
  const framework = attempt(() => frameworkOf(given.framework, { decimalComma }));
  const units = attempt(() => buildUnits(tableOf(given.units, 'units', 'units-input')));
  const evidence = attempt(() => evidenceOf(given.evidence));
  const survey = given.survey === undefined ? undefined : attempt(() => sourceOf(given.survey, 'survey', 'survey-input'));
  const sipas = given.sipas === undefined ? undefined : attempt(() => sipasOf(given.sipas));
  issues.throwIfAny();
  const inputs = buildInputs(framework!, units!, { evidence, survey }, { decimalComma, sources });
  if (sipas) addSipasScores(inputs, framework!, units!, sipas.result, sipas.criterion, { nullAs: sipas.nullAs, file: 'sipas' });
  return Round.fromParts({ framework: framework!, units: units!, inputs });
}

function sipasOf(v: unknown): { result: SipasResult; criterion: string; nullAs?: SipasNullAs } {
  const s = checkKeys(v, SIPAS_KEYS, 'input.sipas', false);
  const result = s.result as SipasResult | undefined;
  if (!isPlainObject(result) || !Array.isArray(result.units) || !(result.byUnit instanceof Map)) throw badArgument('input.sipas.result', result, 'sipas-result');
  const criterion = optionalString(s.criterion, 'input.sipas.criterion');
  if (!criterion) throw badArgument('input.sipas.criterion', s.criterion, 'survey-criterion');
  return { result, criterion, nullAs: optionalChoice(s.nullAs, ['missing', 'na'] as const, 'input.sipas.nullAs') };
}
