/**
 * The text of an xlsx cell, as every reader downstream expects it (the same text a CSV file would
 * hold). Numbers are exact: a numeric cell is a binary double, so it becomes its shortest
 * round-trip text (`0.1` stays `0.1`), never float arithmetic.
 *
 * | cell | text |
 * |---|---|
 * | number | shortest round-trip text (`numberToDecimalText`) |
 * | number with a percent format (`0.0%`) | the number shown: `0.905` → `90.5` (text shift, exact) |
 * | number whose format's section cannot be told (`[>=100]0;[<0]0%` holding 50) | a problem (`bad-number-format`) |
 * | text, rich text | the characters (runs joined) |
 * | hyperlink | its displayed text |
 * | boolean | `true` / `false` (a `yesno` rule reads them as yes/no) |
 * | date (date number format) | `YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM:SS` when it has a time |
 * | formula | its cached result, converted as above |
 * | formula without a cached result | a problem (never 0): the file was saved by a program that does not calculate |
 * | error (`#N/A`, `#DIV/0!`, …) | a problem |
 */
import { type Issue, problem } from '../errors.js';
import { numberToDecimalText } from '../numbers/decimal-text.js';

/**
 * Why a cell could not be read, with what was expected instead: the message fields of an issue
 * (`code` such as `formula-without-value`, `error-cell`, `bad-number-cell`; its catalogue `key` and
 * `params`; the English `message` and `expected`) and the value found, as text.
 */
export interface CellValueProblem extends Pick<Issue, 'code' | 'key' | 'params' | 'message' | 'expected'> {
  /** The value found, as text. */
  value: string;
}

/** True when {@link xlsxCellValueText} returned a problem. */
export function isCellValueProblem(x: string | CellValueProblem): x is CellValueProblem {
  return typeof x !== 'string';
}

const pad = (n: number) => (n < 10 ? `0${n}` : String(n));

/** A date cell as ISO text (exceljs gives dates in UTC): `YYYY-MM-DD`, with `THH:MM:SS` when not midnight. */
export function dateCellText(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  const day = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const h = d.getUTCHours();
  const m = d.getUTCMinutes();
  const s = d.getUTCSeconds();
  return h === 0 && m === 0 && s === 0 ? day : `${day}T${pad(h)}:${pad(m)}:${pad(s)}`;
}

function numberText(x: number, formula?: string): string | CellValueProblem {
  if (Number.isFinite(x)) return numberToDecimalText(x);
  return formula === undefined ? { ...problem('bad-number-cell'), value: String(x) } : { ...problem('error-cell/formula', { formula }), value: `=${formula}` };
}

/**
 * Text of an exceljs cell value (see the table above), or a problem. `undefined`/`null` are blank.
 */
export function xlsxCellValueText(v: unknown): string | CellValueProblem {
  switch (typeof v) {
    case 'string':
      return v;
    case 'number':
      return numberText(v);
    case 'undefined':
      return '';
    case 'boolean':
      return v ? 'true' : 'false';
    default:
      break;
  }
  if (v === null) return '';
  if (v instanceof Date) return dateCellText(v);
  const o = v as { richText?: { text?: string }[]; formula?: string; sharedFormula?: string; result?: unknown; error?: string; text?: unknown; hyperlink?: string };
  if ('formula' in o || 'sharedFormula' in o) {
    const formula = o.formula || o.sharedFormula || '';
    if (!('result' in o) || o.result === undefined) {
      return { ...problem('formula-without-value', { formula }), value: formula ? `=${formula}` : '(shared formula)' };
    }
    const r = o.result;
    if (typeof r === 'number') return numberText(r, formula);
    if (r !== null && typeof r === 'object' && 'error' in (r as object)) {
      return { ...problem('error-cell/formula-error', { formula, error: (r as { error: string }).error }), value: `=${formula}` };
    }
    return xlsxCellValueText(r);
  }
  if (Array.isArray(o.richText)) {
    let s = '';
    for (const run of o.richText) s += run.text ?? '';
    return s;
  }
  if (typeof o.error === 'string') {
    return { ...problem('error-cell', { error: o.error }), value: o.error };
  }
  if ('text' in o) return xlsxCellValueText(o.text);
  return '';
}

/** An exceljs cell (the parts read here). */
export interface ExcelJSCellLike {
  /** exceljs ValueType (6 = formula). */
  type: number;
  /** exceljs's value. */
  value: unknown;
  /** A formula's cached result, from the cell model. */
  result?: unknown;
  /** The cell's number format (`0.00`, `0.0%`, …), when it has one. */
  numFmt?: unknown;
}

/** Options of {@link exceljsCellText}. */
export interface CellTextOptions {
  /**
   * Pad a number with trailing zeros to the decimals its number format shows (`89.8` in a `0.00`
   * cell → `89.80`): a printed figure read back with the precision it was printed with. Never
   * rounds (a value with more decimals than its format keeps them). Default false.
   */
  formatDecimals?: boolean;
}

/** exceljs's `ValueType.Formula`. */
const FORMULA_TYPE = 6;

/** What a number format does to a number: percent signs (each ×100) and fixed decimals shown. */
interface FormatFacts {
  /** `%` signs in the section (each scales by 100). */
  percent: number;
  /** Decimals always shown (`0` placeholders after the point). */
  decimals: number;
}

/**
 * Calls `visit` with each character of a number format (and its index) that is not literal text:
 * quoted strings, `[...]` (colours, conditions, locales) and the character after a backslash, `_` or `*`
 * are passed over.
 */
function forEachFormatChar(fmt: string, visit: (ch: string, i: number) => void): void {
  for (let i = 0; i < fmt.length; i++) {
    const ch = fmt[i];
    if (ch === '"' || ch === '[') {
      const end = fmt.indexOf(ch === '"' ? '"' : ']', i + 1);
      i = end < 0 ? fmt.length : end;
    } else if (ch === '\\' || ch === '_' || ch === '*') {
      i++; // the next character is literal (or a fill/space character)
    } else visit(ch, i);
  }
}

/** A section's condition (`[<1]`, `[>=100]`, `[<>0]`): its operator and number. */
interface Condition {
  op: '<' | '<=' | '>' | '>=' | '=' | '<>';
  value: number;
}

/** One section of a number format: what it does, its condition, and whether it is the text section (`@`). */
interface Section {
  facts: FormatFacts;
  condition?: Condition;
  text: boolean;
  /** A bracket that starts like a condition but is not one (`[<abc]`), or two conditions. */
  bad: boolean;
}

const CONDITION = /^(<=|>=|<>|<|>|=)\s*([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)$/;

/** What one section of a number format does: its percent signs, the decimals it always shows, its condition. */
function parseSection(section: string): Section {
  let percent = 0;
  let decimals = 0;
  let afterPoint = false;
  let text = false;
  forEachFormatChar(section, (ch) => {
    if (ch === '%') percent++;
    else if (ch === '@') text = true;
    else if (ch === '.') afterPoint = true;
    else if (ch === '0' && afterPoint) decimals++;
    else if (afterPoint && ch !== '#' && ch !== '?') afterPoint = false; // the decimals ended (`0.00 "điểm"`, `0.0E+00`)
  });
  // Brackets: colours (`[Red]`, `[Color10]`), locales (`[$-409]`), elapsed time (`[h]`) are not
  // conditions; a condition is an operator and a number.
  let condition: Condition | undefined;
  let bad = false;
  for (let i = 0; i < section.length; i++) {
    const ch = section[i];
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      i = end < 0 ? section.length : end;
    } else if (ch === '\\' || ch === '_' || ch === '*') i++;
    else if (ch === '[') {
      const end = section.indexOf(']', i + 1);
      const inside = section.slice(i + 1, end < 0 ? section.length : end).trim();
      i = end < 0 ? section.length : end;
      if (!/^[<>=]/.test(inside)) continue;
      const m = CONDITION.exec(inside);
      if (!m || condition) bad = true;
      else condition = { op: m[1] as Condition['op'], value: Number(m[2]) };
    }
  }
  const out: Section = { facts: { percent, decimals }, text, bad };
  if (condition) out.condition = condition;
  return out;
}

/** True when `x` meets a section's condition. */
function meets(c: Condition, x: number): boolean {
  switch (c.op) {
    case '<':
      return x < c.value;
    case '<=':
      return x <= c.value;
    case '>':
      return x > c.value;
    case '>=':
      return x >= c.value;
    case '=':
      return x === c.value;
    case '<>':
      return x !== c.value;
  }
}

/** Splits a format at `;` outside quotes, brackets and escapes. */
function formatSections(fmt: string): string[] {
  const out: string[] = [];
  let start = 0;
  forEachFormatChar(fmt, (ch, i) => {
    if (ch === ';') {
      out.push(fmt.slice(start, i));
      start = i + 1;
    }
  });
  out.push(fmt.slice(start));
  return out;
}

const NO_FACTS: FormatFacts = { percent: 0, decimals: 0 };
const GENERAL: Section[] = [{ facts: NO_FACTS, text: false, bad: false }];
const sectionsCache = new Map<string, Section[]>();

/** The sections of a number format (cached: a sheet uses a handful of formats). */
function formatSectionsOf(fmt: string): Section[] {
  let sections = sectionsCache.get(fmt);
  if (!sections) {
    sections = fmt === '' || fmt === 'General' || fmt === '@' ? GENERAL : formatSections(fmt).map(parseSection);
    if (sectionsCache.size < 1000) sectionsCache.set(fmt, sections);
  }
  return sections;
}

/** The facts of one of `candidates` (indices into `sections`) when they all scale alike; undefined when the choice would change the value. */
function alike(sections: readonly Section[], candidates: readonly number[]): FormatFacts | undefined {
  const first = sections[candidates[0]].facts;
  return candidates.every((i) => sections[i].facts.percent === first.percent) ? first : undefined;
}

/**
 * How a number format shows `x`: the facts of the section Excel uses for it, or undefined when
 * that cannot be told (and the sections would read the value differently).
 *
 * - Up to four sections, `positive;negative;zero;text`; the text section (the fourth, or a last
 *   section holding `@`) never shows a number. One number section shows every number; two: zero
 *   and up, then below zero; three: above, below, zero.
 * - With conditions (`[<1]`, `[>=100]`; colours such as `[Red]` and locales such as `[$-409]` are
 *   not conditions): the first section whose condition `x` meets; a second section without a
 *   condition takes every other number when it is the last one, and a third section after two
 *   conditions does. A number no section takes, a malformed condition, a condition on the first
 *   section missing while a later one has one, or more than four sections: undefined — unless
 *   every section it could be has the same percent signs, so the value read is the same.
 */
export function numberFormatFacts(numFmt: unknown, x: number): FormatFacts | undefined {
  const fmt = typeof numFmt === 'string' ? numFmt : typeof (numFmt as { formatCode?: unknown })?.formatCode === 'string' ? (numFmt as { formatCode: string }).formatCode : '';
  if (fmt === '') return NO_FACTS;
  const all = formatSectionsOf(fmt);
  if (all.length > 4 || all.some((s) => s.bad)) return undefined;
  let nums = all;
  if (all.length === 4) nums = all.slice(0, 3);
  else if (all.length > 1 && all[all.length - 1].text) nums = all.slice(0, -1);
  else if (all.length === 1 && all[0].text) return NO_FACTS; // a text format: a number shows as General
  const n = nums.length;
  const every = nums.map((_, i) => i);
  if (!nums.some((s) => s.condition)) {
    if (n === 1) return nums[0].facts;
    if (n === 2) return nums[x < 0 ? 1 : 0].facts;
    return nums[x > 0 ? 0 : x < 0 ? 1 : 2].facts;
  }
  const [c0, c1, c2] = nums.map((s) => s.condition);
  if (!c0) return alike(nums, every);
  if (meets(c0, x)) return nums[0].facts;
  if (n === 1) return undefined;
  if (c1) {
    if (meets(c1, x)) return nums[1].facts;
    return n === 3 && !c2 ? nums[2].facts : undefined;
  }
  return n === 2 ? nums[1].facts : alike(nums, [1, 2]);
}

/**
 * Moves the decimal point of a plain decimal text (`-12.345`) `places` to the right, as text — an
 * exact shift, never float arithmetic: `0.905` → `90.5`, `1` → `100`, `0.07` → `7`.
 */
export function shiftDecimalText(text: string, places: number): string {
  const neg = text.startsWith('-');
  const body = neg || text.startsWith('+') ? text.slice(1) : text;
  const dot = body.indexOf('.');
  const intPart = dot < 0 ? body : body.slice(0, dot);
  const frac = dot < 0 ? '' : body.slice(dot + 1);
  const digits = intPart + frac;
  let point = intPart.length + places;
  let all = digits;
  if (point > all.length) all += '0'.repeat(point - all.length);
  if (point < 0) {
    all = '0'.repeat(-point) + all;
    point = 0;
  }
  let i = all.slice(0, point).replace(/^0+/, '') || '0';
  const f = all.slice(point).replace(/0+$/, '');
  if (i === '0' && f === '') return '0';
  i = f === '' ? i : `${i}.${f}`;
  return neg ? `-${i}` : i;
}

/** Pads a plain decimal text with trailing zeros to `decimals` places (never rounds). */
function padDecimals(text: string, decimals: number): string {
  if (decimals <= 0) return text;
  const dot = text.indexOf('.');
  const have = dot < 0 ? 0 : text.length - dot - 1;
  if (have >= decimals) return text;
  return (dot < 0 ? `${text}.` : text) + '0'.repeat(decimals - have);
}

/** A number as the text its format shows: a percent section's value ×100 (exact), optionally padded; a problem when the section cannot be told. */
function formattedNumberText(x: number, numFmt: unknown, opts: CellTextOptions): string | CellValueProblem {
  const t = numberText(x);
  if (typeof t !== 'string' || numFmt === undefined || numFmt === null) return t;
  const f = numberFormatFacts(numFmt, x);
  if (f === undefined) {
    const fmt = typeof numFmt === 'string' ? numFmt : String((numFmt as { formatCode?: unknown }).formatCode);
    return { ...problem('bad-number-format', { number: t, format: fmt }), value: `${t} (format ${fmt})` };
  }
  const shown = f.percent > 0 ? shiftDecimalText(t, 2 * f.percent) : t;
  return opts.formatDecimals ? padDecimals(shown, f.decimals) : shown;
}

/**
 * Text of an exceljs cell (or a problem), for the streaming readers and for callers holding exceljs
 * cells of a workbook read in memory. Use it
 * rather than `xlsxCellValueText(cell.value)`: for formula cells exceljs's `cell.value` drops a
 * cached result that is falsy (`0`, `''`, `false`), which would read as "no saved result"; the
 * result is taken from the cell model (`cell.result`) here.
 *
 * A number (or a formula's numeric result) in a cell with a percent format is the number the cell
 * shows, not the fraction Excel stores: `90.5%` typed in a ratio cell is stored as `0.905` and read
 * as `90.5` (the decimal text shifted two places per `%`, exactly). `%` inside quotes, brackets or
 * escaped (`\%`) is literal text and does not count.
 */
export function exceljsCellText(cell: ExcelJSCellLike, opts: CellTextOptions = {}): string | CellValueProblem {
  const v = cell.value;
  if (typeof v === 'string') return v;
  if (cell.type !== FORMULA_TYPE) return typeof v === 'number' ? formattedNumberText(v, cell.numFmt, opts) : xlsxCellValueText(v);
  const f = (v ?? {}) as { formula?: string; sharedFormula?: string };
  const formula = f.formula ?? f.sharedFormula ?? '';
  if (typeof cell.result === 'number' && Number.isFinite(cell.result)) return formattedNumberText(cell.result, cell.numFmt, opts);
  return xlsxCellValueText(cell.result === undefined ? { formula } : { formula, result: cell.result });
}
