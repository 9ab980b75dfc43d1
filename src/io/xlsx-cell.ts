/**
 * The text of an xlsx cell, as every reader downstream expects it (the same text a CSV file would
 * hold). Numbers are exact: a numeric cell is a binary double, so it becomes its shortest
 * round-trip text (`0.1` stays `0.1`), never float arithmetic.
 *
 * | cell | text |
 * |---|---|
 * | number | shortest round-trip text (`numberToDecimalText`) |
 * | text, rich text | the characters (runs joined) |
 * | hyperlink | its displayed text |
 * | boolean | `true` / `false` (a `yesno` rule reads them as yes/no) |
 * | date (date number format) | `YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM:SS` when it has a time |
 * | formula | its cached result, converted as above |
 * | formula without a cached result | a problem (never 0): the file was saved by a program that does not calculate |
 * | error (`#N/A`, `#DIV/0!`, …) | a problem |
 */
import { numberToDecimalText } from '../numbers/decimal-text.js';

/** Why a cell could not be read, with what was expected instead. */
export interface CellValueProblem {
  /** Stable code: `formula-without-value`, `error-cell`, `bad-number-cell`. */
  code: string;
  /** What is wrong. */
  message: string;
  /** The value found, as text. */
  value: string;
  /** What was expected. */
  expected: string;
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
  return formula === undefined
    ? { code: 'bad-number-cell', message: 'the cell holds no finite number', value: String(x), expected: 'a number' }
    : { code: 'error-cell', message: `the formula =${formula} evaluates to an error`, value: `=${formula}`, expected: 'a formula whose result is a value (fix the formula or type the value)' };
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
      return {
        code: 'formula-without-value',
        message: `the formula ${formula ? `=${formula} ` : ''}has no saved result (the file was written by a program that does not calculate formulas)`,
        value: formula ? `=${formula}` : '(shared formula)',
        expected: 'a value, or a formula with its result saved (open and save the file in Excel or LibreOffice)',
      };
    }
    const r = o.result;
    if (typeof r === 'number') return numberText(r, formula);
    if (r !== null && typeof r === 'object' && 'error' in (r as object)) {
      return { code: 'error-cell', message: `the formula =${formula} evaluates to ${(r as { error: string }).error}`, value: `=${formula}`, expected: 'a formula whose result is a value' };
    }
    return xlsxCellValueText(r);
  }
  if (Array.isArray(o.richText)) {
    let s = '';
    for (const run of o.richText) s += run.text ?? '';
    return s;
  }
  if (typeof o.error === 'string') {
    return { code: 'error-cell', message: `the cell holds the error ${o.error}`, value: o.error, expected: 'a value' };
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
}

/** exceljs's `ValueType.Formula`. */
const FORMULA_TYPE = 6;

/**
 * Text of an exceljs cell (or a problem), for both the streaming and the in-memory reader. Use it
 * rather than `xlsxCellValueText(cell.value)`: for formula cells exceljs's `cell.value` drops a
 * cached result that is falsy (`0`, `''`, `false`), which would read as "no saved result"; the
 * result is taken from the cell model (`cell.result`) here.
 */
export function exceljsCellText(cell: ExcelJSCellLike): string | CellValueProblem {
  const v = cell.value;
  if (typeof v === 'string') return v;
  if (cell.type !== FORMULA_TYPE) return xlsxCellValueText(v);
  const f = (v ?? {}) as { formula?: string; sharedFormula?: string };
  const formula = f.formula ?? f.sharedFormula ?? '';
  return xlsxCellValueText(cell.result === undefined ? { formula } : { formula, result: cell.result });
}
