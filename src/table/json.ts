/**
 * JSON inputs as tables: an array of objects (one per row) becomes a table whose header is the union
 * of keys in order of appearance.
 *
 * JSON text is parsed with lossless-json, so a number keeps its source text (never a binary float
 * in between): `99.99999999999999999` reads as those digits, as the same digits written as a string
 * do, and an exponent form (`1.5e-3`) is written out exactly (`0.0015`). A key written twice with
 * different values is an error (with the same value, it reads once); so is an array where a cell
 * value is expected (`"self": [5]`), except an array of texts in the framework's `groups`. Numbers
 * given by a program in row objects (JS numbers, not JSON text) become their shortest round-trip
 * text. Cells that were numbers are marked on their row (`TableRow.numeric`): `--decimal-comma`
 * applies to text only.
 */
import { isLosslessNumber, type LosslessNumber, parse, stringify } from 'lossless-json';
import { type Issue, IssueList, ParIndexError, problem } from '../errors.js';
import type { JsonType } from '../i18n/en/table.js';
import { numberToDecimalText } from '../numbers/decimal-text.js';
import { stripBom } from './csv.js';
import { foldHeader } from './headers.js';
import { cellLocation, makeTable, type Table } from './table.js';

/** Longest text a JSON number in exponent form may be written out to (`1e5000` is refused). */
export const MAX_EXPANDED_NUMBER = 1000;

/** A JSON number's source text written out without an exponent, exactly; undefined when longer than {@link MAX_EXPANDED_NUMBER}. */
export function jsonNumberText(text: string): string | undefined {
  const e = text.search(/[eE]/);
  if (e < 0) return text;
  const mantissa = text.slice(0, e);
  const exp = Number(text.slice(e + 1));
  const neg = mantissa.startsWith('-');
  const body = neg ? mantissa.slice(1) : mantissa;
  const dot = body.indexOf('.');
  const intPart = dot < 0 ? body : body.slice(0, dot);
  const digits = intPart + (dot < 0 ? '' : body.slice(dot + 1));
  const point = intPart.length + exp; // the decimal point's place in `digits`
  if (!Number.isSafeInteger(exp) || Math.max(point, digits.length - point, digits.length) > MAX_EXPANDED_NUMBER) return undefined;
  let all = digits;
  let at = point;
  if (at > all.length) all += '0'.repeat(at - all.length);
  if (at < 0) {
    all = '0'.repeat(-at) + all;
    at = 0;
  }
  const i = all.slice(0, at).replace(/^0+/, '') || '0';
  const f = all.slice(at).replace(/0+$/, '');
  const out = f === '' ? i : `${i}.${f}`;
  return neg && out !== '0' ? `-${out}` : out;
}

/** Why a JSON value cannot be a cell: the message from the catalogues and the value as JSON text. */
type CellProblem = Pick<Issue, 'code' | 'key' | 'params' | 'message' | 'expected'> & { value: string };

/** A JSON value as JSON text, its numbers as written. */
function jsonText(v: unknown): string {
  if (isLosslessNumber(v)) return (v as LosslessNumber).value;
  if (v === undefined) return 'undefined';
  try {
    return stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}

/**
 * Folded names of the framework's `groups` column (its name and the aliases no other table's field
 * uses), whose value may be an array of strings. `nhóm` and `group` also name the units' `group`, a
 * single group, so an array there is an error.
 */
const LIST_COLUMNS = new Set(['groups', 'nhóm áp dụng', 'áp dụng cho', 'đối tượng áp dụng'].map(foldHeader));

/**
 * Text of a JSON cell value: strings as is, numbers as written (JSON text: see the module notes; a
 * program's JS number: shortest round-trip text), booleans as `true`/`false`, null as blank, an
 * object as its JSON text; a problem for an array (an array of strings under the framework's
 * `groups`, `list`, is joined with `;`).
 */
function cellText(v: unknown, list: boolean): string | CellProblem {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return numberToDecimalText(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (isLosslessNumber(v)) {
    const text = jsonNumberText((v as LosslessNumber).value);
    if (text !== undefined) return text;
    return { ...problem('bad-json/long-number', { number: (v as LosslessNumber).value, limit: MAX_EXPANDED_NUMBER }), value: (v as LosslessNumber).value };
  }
  if (Array.isArray(v)) {
    if (list && v.every((x) => typeof x === 'string')) return v.join(';');
    return { ...problem('bad-json/array-cell', { list }), value: jsonText(v) };
  }
  // An object stays its JSON text, as before: where a number is read it is then a located bad
  // number, and a result file's `areas` (not read back) passes.
  return jsonText(v);
}

/** Text of a JSON cell value (see the module notes); throws for an array. */
export function jsonCellText(v: unknown): string {
  const t = cellText(v, false);
  if (typeof t === 'string') return t;
  throw new ParIndexError(t);
}

/** A JSON value's type, as the messages name it. */
function typeOf(v: unknown): JsonType {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (isLosslessNumber(v) || typeof v === 'number') return 'number';
  return typeof v;
}

/**
 * Turns an array of row objects into a {@link Table}. Row numbers count the header as row 1, so the
 * first object is row 2 (as if the array were a sheet). An array where a cell value is expected is a
 * `bad-json` error on its row and key; every such problem is reported together.
 */
export function jsonRowsToTable(rows: unknown, source: { file?: string; sheet?: string } = {}): Table {
  if (!Array.isArray(rows)) {
    throw new ParIndexError({ ...source, ...problem('bad-json/not-array'), value: typeOf(rows) });
  }
  const header: string[] = [];
  const seen = new Set<string>();
  rows.forEach((r, i) => {
    if (r === null || typeof r !== 'object' || Array.isArray(r) || isLosslessNumber(r)) {
      throw new ParIndexError({ ...source, row: i + 2, ...problem('bad-json/row-not-object', { type: typeOf(r) }), value: jsonText(r) });
    }
    for (const k of Object.keys(r)) if (!seen.has(k)) seen.add(k), header.push(k);
  });
  const lists = header.map((h) => LIST_COLUMNS.has(foldHeader(h)));
  const issues = new IssueList();
  const located = { file: source.file, sheet: source.sheet, header, rows: [] };
  const table = makeTable(
    header,
    rows.map((r, i) => {
      // Cells that were numbers (JSON or JS): their text is point decimal, untouched by --decimal-comma.
      let numeric: number[] | undefined;
      const cells = header.map((h, c) => {
        // Own keys only: a row without `constructor` has no constructor cell.
        const v = Object.hasOwn(r as object, h) ? (r as Record<string, unknown>)[h] : undefined;
        const t = cellText(v, lists[c]);
        if (typeof t === 'string') {
          if (typeof v === 'number' || isLosslessNumber(v)) (numeric ??= []).push(c);
          return t;
        }
        issues.add({ ...cellLocation(located, i + 2, c), ...t });
        return '';
      });
      return { row: i + 2, cells, numeric };
    }),
    source,
  );
  issues.throwIfAny();
  return table;
}

/** 1-based line and column of a character position in a text. */
function lineAndColumn(text: string, position: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < position; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: position - start + 1 };
}

/** A key written twice with different values (thrown from lossless-json's duplicate-key hook). */
class DuplicateKey extends Error {
  constructor(
    readonly key: string,
    readonly position: number,
  ) {
    super(`duplicate key ${key}`);
  }
}

/**
 * Parses JSON text, naming the file and the line and column on a syntax error. Numbers come back
 * as lossless-json's `LosslessNumber` (their source text, `.value`), read by {@link jsonRowsToTable};
 * a key written twice with different values is an error naming the key and its line.
 */
export function parseJsonText(text: string, source: { file?: string } = {}): unknown {
  const body = stripBom(text);
  try {
    return parse(body, undefined, {
      onDuplicateKey: ({ key, position }) => {
        throw new DuplicateKey(key, position);
      },
    });
  } catch (e) {
    if (e instanceof DuplicateKey) {
      const at = lineAndColumn(body, Math.max(0, e.position - 1));
      throw new ParIndexError({ file: source.file, ...problem('bad-json/duplicate-key', { key: e.key, line: at.line, column: at.column }), value: e.key });
    }
    const message = (e as Error).message ?? String(e);
    const m = /at position (\d+)/.exec(message);
    const where = m ? lineAndColumn(body, Number(m[1])) : undefined;
    throw new ParIndexError({ file: source.file, ...problem('bad-json/syntax', { detail: message, line: where?.line, column: where?.column }) });
  }
}

/**
 * A parsed JSON value with its numbers as JS numbers where that is exact (the number's value is the
 * float's shortest round-trip value: `2`, `2.0`, `0.5`), else as their source text — for readers
 * that take JS values, such as a framework's `settings` (`"decimals": 2.0000000000000001` is then
 * text, and refused, never 2).
 */
export function plainJsonNumbers(v: unknown): unknown {
  if (isLosslessNumber(v)) {
    const text = jsonNumberText((v as LosslessNumber).value) ?? (v as LosslessNumber).value;
    const x = Number(text);
    return Number.isFinite(x) && sameDecimal(numberToDecimalText(x), text) ? x : text;
  }
  if (Array.isArray(v)) return v.map(plainJsonNumbers);
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v)) Object.defineProperty(out, k, { value: plainJsonNumbers((v as Record<string, unknown>)[k]), enumerable: true, writable: true, configurable: true });
    return out;
  }
  return v;
}

/** True when two plain decimal texts have the same value (`2` and `2.0`, `-0` and `0`). */
function sameDecimal(a: string, b: string): boolean {
  const canon = (t: string) => {
    const neg = t.startsWith('-');
    const body = neg || t.startsWith('+') ? t.slice(1) : t;
    const dot = body.indexOf('.');
    const i = (dot < 0 ? body : body.slice(0, dot)).replace(/^0+/, '') || '0';
    const f = dot < 0 ? '' : body.slice(dot + 1).replace(/0+$/, '');
    const s = f === '' ? i : `${i}.${f}`;
    return neg && s !== '0' ? `-${s}` : s;
  };
  return canon(a) === canon(b);
}
