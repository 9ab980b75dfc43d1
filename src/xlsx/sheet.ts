/**
 * One worksheet's XML, streamed with saxes: each `<row>` becomes the texts of its non-blank cells
 * (kept sparse — a styled empty cell at column XFD costs nothing) and the problems of its bad
 * cells; `<mergeCell>` ranges are collected for the reader to apply after the rows.
 *
 * Cells become text exactly as `src/xlsx/cell-text.ts` describes (that module's pure helpers do the
 * numbers: shortest round-trip text, percent formats shifted as text, `formatDecimals`):
 *
 * | `<c>` | text |
 * |---|---|
 * | `t="s"` | the shared string (runs joined, phonetic runs left out) |
 * | `t="inlineStr"` (`<is>`), `t="str"` | the string |
 * | `t="n"` or none | the number; a date format gives `YYYY-MM-DD[THH:MM:SS]` |
 * | `t="b"` | `true` / `false` |
 * | `t="d"` | the ISO date as `YYYY-MM-DD[THH:MM:SS]` |
 * | `t="e"` | problem `error-cell` |
 * | `<f>` with a cached `<v>` | that value, converted as above; an error value is `error-cell` |
 * | `<f>` without a value | problem `formula-without-value` (never 0) |
 *
 * Faults exceljs passes over silently are problems with code `bad-cell`: a shared-string index that
 * is not a whole number, is out of range, or has no shared strings to point to; a number that is
 * not one (`0x5`, `5abc` — parseFloat would read 0 and 5); a boolean other than 0/1; a `t="d"`
 * value that is not an ISO date; two cells with one reference in a row; a reference that is not
 * A1 or lies in another row; an unknown cell type.
 */
import type { Issue } from '../errors.js';
import { ParIndexError, problem } from '../errors.js';
import type { Problem } from './zip.js';
import { columnLetter } from '../table/table.js';
import { numberToDecimalText } from '../numbers/decimal-text.js';
import { dateCellText, exceljsCellText, xlsxCellValueText, type CellTextOptions, type CellValueProblem } from './cell-text.js';
import { decodeXString, isDateFormat } from './workbook.js';
import { XmlStream } from './xml.js';

/** A merged range, 1-based and inclusive. */
export interface MergeRange {
  /** As written, e.g. `B2:B9`. */
  ref: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Column number (1-based) of A1 letters (`A` → 1, `XFD` → 16384). */
export function columnNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n;
}

const CELL = /^\$?([A-Z]{1,3})\$?(\d+)$/;

/** Parses an A1 range (`B2:C4` or a single cell `B2`); undefined when malformed. */
export function parseRange(ref: string): MergeRange | undefined {
  const [a, b = a] = ref.split(':');
  const ma = CELL.exec(a);
  const mb = CELL.exec(b);
  if (!ma || !mb) return undefined;
  const c1 = columnNumber(ma[1]);
  const c2 = columnNumber(mb[1]);
  const r1 = Number(ma[2]);
  const r2 = Number(mb[2]);
  return { ref, top: Math.min(r1, r2), bottom: Math.max(r1, r2), left: Math.min(c1, c2), right: Math.max(c1, c2) };
}

/** A bad cell of a row: its column (0-based) and what is wrong. */
export interface CellProblemAt {
  col: number;
  problem: CellValueProblem;
}

/** A row as parsed: the non-blank cells (sparse), and the problems of its bad cells. */
export interface SparseRow {
  /** Row number as the spreadsheet shows it. */
  row: number;
  /** Columns (0-based) of the non-blank cells, ascending. */
  cols: number[];
  /** Their trimmed texts. */
  texts: string[];
  /** Columns of the cells that are numbers (their text is point decimal: `--decimal-comma` does not apply). */
  numeric?: number[];
  /** Bad cells, by column. */
  problems?: CellProblemAt[];
}

/** The cells of a sparse row as text from column A: `max(width, last non-blank + 1)` long, blanks ''. */
export function denseCells(r: SparseRow, width: number): string[] {
  const n = r.cols.length === 0 ? 0 : r.cols[r.cols.length - 1] + 1;
  const cells: string[] = new Array(Math.max(width, n)).fill('');
  for (let i = 0; i < r.cols.length; i++) cells[r.cols[i]] = r.texts[i];
  return cells;
}

/** Limits on what one read may hold. */
export interface SheetLimits {
  /** Highest column (1-based) a cell may be in (Excel: 16,384 = XFD). */
  maxColumns: number;
  /** Highest row number (Excel: 1,048,576). */
  maxRows: number;
  /** Most `<c>` elements parsed in one read (all sheets). */
  maxCells: number;
}

/** Work done so far in one read, shared by its sheets. */
export interface ReadCounters {
  /** `<c>` elements parsed. */
  elements: number;
}

/** What a sheet's cells need from the workbook. */
export interface SheetContext {
  /** File name for errors. */
  file?: string;
  /** Sheet name for errors. */
  sheet: string;
  /** Shared strings; undefined when the workbook has no shared-strings part. */
  sharedStrings: string[] | undefined;
  /** Number format of each style index (a cell's `s`); undefined = General. */
  formats: readonly (string | undefined)[];
  /** Dates count from 1904. */
  date1904: boolean;
  /** How numbers become text. */
  cell: CellTextOptions;
  limits: SheetLimits;
  /** Counters shared by the sheets of one read. */
  counters: ReadCounters;
  /** Builds the located error for a crossed limit (`problem('limit-exceeded/…', …)`). */
  limitError(what: Problem, value: string, row?: number, col?: number): ParIndexError;
}

/** A `bad-cell` problem: the cell's value as found, with its message. */
function bad(what: Problem, value: string): CellValueProblem {
  return { ...what, value };
}

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?(?:Z|[+-]\d{2}:\d{2})?$/;

/** A date serial number as exceljs turns it into a date (UTC), then as text. */
export function serialDateText(x: number, date1904: boolean): string {
  return dateCellText(new Date(Math.round((x - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000)));
}

/** The text of a `t="d"` value (ISO 8601, its wall-clock time as written), or a problem. */
export function isoDateText(v: string): string | CellValueProblem {
  const m = ISO_DATE.exec(v.trim());
  const fail = () => bad(problem('bad-cell/date', { value: v }), v);
  if (!m) return fail();
  const [y, mo, d, h = 0, mi = 0, s = 0] = m.slice(1, 7).map((x) => (x === undefined ? undefined : Number(x))) as number[];
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  date.setUTCHours(h, mi, s, 0);
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d || date.getUTCHours() !== h || date.getUTCMinutes() !== mi || date.getUTCSeconds() !== s) return fail();
  return dateCellText(date);
}

/** The value of a text of decimal digits only (NaN otherwise, and for ''). */
function wholeNumber(s: string): number {
  if (s.length === 0 || s.length > 15) return s.length > 15 && /^\d+$/.test(s) ? Number(s) : Number.NaN;
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const k = s.charCodeAt(i);
    if (k < 48 || k > 57) return Number.NaN;
    n = n * 10 + (k - 48);
  }
  return n;
}

/** The parts of one `<c>` element as read. */
interface CellState {
  t: string | undefined;
  s: number;
  formula: string | undefined;
  v: string | undefined;
  inline: string | undefined;
}

const TEXT_NONE = 0;
const TEXT_F = 1;
const TEXT_V = 2;
const TEXT_IS = 3;

/**
 * Streams one worksheet's XML: call {@link write} with its byte chunks and {@link end}; each
 * non-blank row (or row with a bad cell) goes to `onRow` as soon as it closes. `onRow` returning
 * true stops the parse ({@link stopped}); the rest of the sheet is then not read.
 */
export class SheetParser {
  /** Merged ranges (complete after {@link end}). */
  readonly merges: MergeRange[] = [];
  /** The row being read (0 before the first), for error locations. */
  row = 0;
  /** True once `onRow` asked to stop. */
  stopped = false;

  private readonly xml: XmlStream;
  private inData = false;
  private inRow = false;
  private nextCol = 0;
  private lastCol = -1;
  private seen: Set<number> | undefined;
  private dups: Set<number> | undefined;
  /** Every column with a `<c>` in the row so far (for duplicates once cells come out of order). */
  private readonly allCols: number[] = [];
  private cols: number[] = [];
  private texts: string[] = [];
  /** Columns of the row's number cells (none: undefined). */
  private numeric: number[] | undefined;
  /** True when the current cell's text came from a number. */
  private isNumber = false;
  private sorted = true;
  private problems: CellProblemAt[] | undefined;
  private inCell = false;
  private col = 0;
  private ref: string | undefined;
  private refProblem: CellValueProblem | undefined;
  private cell: CellState = { t: undefined, s: 0, formula: undefined, v: undefined, inline: undefined };
  private capture = TEXT_NONE;
  private inIs = false;
  private phonetic = 0;
  private text = '';

  constructor(
    private readonly ctx: SheetContext,
    private readonly onRow: (row: SparseRow) => boolean,
  ) {
    this.xml = new XmlStream({
      open: (name, a) => this.open(name, a),
      close: (name) => this.close(name),
      text: (t) => {
        if (this.capture !== TEXT_NONE) this.text += t;
      },
    });
  }

  /** Bytes of sheet XML parsed so far. */
  get bytes(): number {
    return this.xml.bytes;
  }

  /** Parses the next chunk of the sheet's bytes. */
  write(chunk: Uint8Array): void {
    if (!this.stopped) this.xml.write(chunk);
  }

  /** Ends the sheet. */
  end(): void {
    if (!this.stopped) this.xml.end();
  }

  private open(name: string, a: Record<string, string>): void {
    if (this.stopped) return;
    switch (name) {
      case 'c':
        if (this.inRow) this.startCell(a);
        return;
      case 'v':
        if (this.inCell) {
          this.capture = TEXT_V;
          this.text = '';
        }
        return;
      case 'f':
        if (this.inCell) {
          this.capture = TEXT_F;
          this.text = '';
        }
        return;
      case 'row':
        if (this.inData) this.startRow(a);
        return;
      case 'is':
        if (this.inCell) {
          this.inIs = true;
          this.cell.inline = '';
        }
        return;
      case 't':
        if (this.inIs && this.phonetic === 0) {
          this.capture = TEXT_IS;
          this.text = '';
        }
        return;
      case 'rPh':
        if (this.inIs) this.phonetic++;
        return;
      case 'sheetData':
        this.inData = true;
        return;
      case 'mergeCell':
        if (a.ref !== undefined) this.addMerge(a.ref);
        return;
      default:
        return;
    }
  }

  private close(name: string): void {
    if (this.stopped) return;
    switch (name) {
      case 'v':
        if (this.capture === TEXT_V) this.cell.v = this.text;
        this.capture = TEXT_NONE;
        return;
      case 'f':
        if (this.capture === TEXT_F) this.cell.formula = this.text;
        this.capture = TEXT_NONE;
        return;
      case 't':
        if (this.capture === TEXT_IS) this.cell.inline += this.text;
        this.capture = TEXT_NONE;
        return;
      case 'c':
        if (this.inCell) this.endCell();
        return;
      case 'row':
        if (this.inRow) this.endRow();
        return;
      case 'is':
        this.inIs = false;
        return;
      case 'rPh':
        if (this.phonetic > 0) this.phonetic--;
        return;
      case 'sheetData':
        this.inData = false;
        return;
      default:
        return;
    }
  }

  private startRow(a: Record<string, string>): void {
    const r = a.r;
    let n: number;
    if (r === undefined) n = this.row + 1;
    else {
      n = wholeNumber(r);
      if (!(n >= 1)) throw this.damaged(problem('bad-xlsx/row-number', { row: r }), r);
    }
    if (n > this.ctx.limits.maxRows) throw this.ctx.limitError(problem('limit-exceeded/row', { limit: 'maxRows', max: this.ctx.limits.maxRows, row: n }), String(n), n);
    if (n <= this.row) throw this.damaged(problem('bad-xlsx/row-order', { row: n, previous: this.row }), String(n), n);
    this.row = n;
    this.inRow = true;
    this.nextCol = 0;
    this.lastCol = -1;
    this.seen = undefined;
    this.dups = undefined;
    this.cols = [];
    this.texts = [];
    this.numeric = undefined;
    this.sorted = true;
    this.problems = undefined;
    this.allCols.length = 0;
  }

  private startCell(a: Record<string, string>): void {
    const ref = a.r;
    this.ref = ref;
    this.refProblem = undefined;
    let col = this.nextCol;
    if (ref !== undefined) {
      // A1 reference: 1–3 capital letters, then the row's number.
      let i = 0;
      let c = 0;
      let k = ref.charCodeAt(0);
      while (k >= 65 && k <= 90 && i < 4) {
        c = c * 26 + (k - 64);
        k = ref.charCodeAt(++i);
      }
      let r = 0;
      const digitsAt = i;
      while (k >= 48 && k <= 57) {
        r = r * 10 + (k - 48);
        k = ref.charCodeAt(++i);
      }
      if (digitsAt === 0 || digitsAt > 3 || i === digitsAt || i < ref.length) {
        this.refProblem = bad(problem('bad-cell/reference', { ref }), ref);
      } else {
        col = c - 1;
        if (r !== this.row) this.refProblem = bad(problem('bad-cell/outside-row', { ref, row: this.row }), ref);
      }
    }
    if (col + 1 > this.ctx.limits.maxColumns)
      throw this.ctx.limitError(problem('limit-exceeded/column', { limit: 'maxColumns', max: this.ctx.limits.maxColumns, letter: columnLetter(col), column: col + 1 }), ref ?? columnLetter(col), this.row, col);
    this.col = col;
    this.nextCol = col + 1;
    this.inCell = true;
    if (++this.ctx.counters.elements > this.ctx.limits.maxCells) throw this.ctx.limitError(problem('limit-exceeded/cells', { limit: 'maxCells', max: this.ctx.limits.maxCells }), ref ?? columnLetter(col), this.row, col);
    const cell = this.cell;
    cell.t = a.t;
    const st = a.s;
    cell.s = st === undefined ? 0 : wholeNumber(st);
    cell.formula = undefined;
    cell.v = undefined;
    cell.inline = undefined;
    this.isNumber = false;
    this.inIs = false;
    this.phonetic = 0;
    this.capture = TEXT_NONE;
  }

  private endCell(): void {
    this.inCell = false;
    this.capture = TEXT_NONE;
    const col = this.col;
    // Two cells with one reference: the row has no single value for that column.
    if (col > this.lastCol) {
      this.lastCol = col;
      this.allCols.push(col);
      this.seen?.add(col);
    } else {
      this.sorted = false;
      this.seen ??= new Set(this.allCols);
      if (this.seen.has(col)) {
        const at = this.cols.indexOf(col);
        if (at >= 0) {
          this.cols.splice(at, 1);
          this.texts.splice(at, 1);
          if (this.numeric) this.numeric = this.numeric.filter((c) => c !== col);
        }
        if (this.dups?.has(col)) return;
        (this.dups ??= new Set()).add(col);
        this.problems = this.problems?.filter((p) => p.col !== col);
        const ref = this.ref ?? `${columnLetter(col)}${this.row}`;
        this.addProblem(col, bad(problem('bad-cell/twice', { ref }), ref));
        return;
      }
      this.seen.add(col);
      this.allCols.push(col);
    }
    const t = this.refProblem ?? this.cellText();
    if (typeof t !== 'string') {
      this.addProblem(col, t);
      return;
    }
    const s = t.length > 0 && (t.charCodeAt(0) <= 32 || t.charCodeAt(t.length - 1) <= 32) ? t.trim() : t;
    if (s !== '') {
      this.cols.push(col);
      this.texts.push(s);
      if (this.isNumber) (this.numeric ??= []).push(col);
    }
  }

  private addProblem(col: number, problem: CellValueProblem): void {
    (this.problems ??= []).push({ col, problem });
  }

  private endRow(): void {
    this.inRow = false;
    if (this.cols.length === 0 && !this.problems?.length) return;
    let cols = this.cols;
    let texts = this.texts;
    if (!this.sorted) {
      const order = cols.map((_, i) => i).sort((x, y) => cols[x] - cols[y]);
      cols = order.map((i) => this.cols[i]);
      texts = order.map((i) => this.texts[i]);
      this.problems?.sort((x, y) => x.col - y.col);
    }
    const r: SparseRow = { row: this.row, cols, texts };
    if (this.numeric?.length) r.numeric = this.numeric;
    if (this.problems?.length) r.problems = this.problems;
    if (this.onRow(r) === true) this.stopped = true;
  }

  private addMerge(ref: string): void {
    const m = parseRange(ref);
    if (++this.ctx.counters.elements > this.ctx.limits.maxCells) throw this.ctx.limitError(problem('limit-exceeded/cells-and-merges', { limit: 'maxCells', max: this.ctx.limits.maxCells }), ref, this.row || undefined);
    if (!m || (m.bottom <= m.top && m.right <= m.left)) return;
    if (m.right > this.ctx.limits.maxColumns) throw this.ctx.limitError(problem('limit-exceeded/merge-column', { limit: 'maxColumns', max: this.ctx.limits.maxColumns, ref }), ref, m.top, m.left - 1);
    if (m.bottom > this.ctx.limits.maxRows) throw this.ctx.limitError(problem('limit-exceeded/merge-row', { limit: 'maxRows', max: this.ctx.limits.maxRows, ref }), ref, m.top, m.left - 1);
    this.merges.push(m);
  }

  private damaged(what: Problem, value: string, row?: number): ParIndexError {
    const issue: Issue = { ...what, value };
    if (this.ctx.file !== undefined) issue.file = this.ctx.file;
    issue.sheet = this.ctx.sheet;
    if (row !== undefined) issue.row = row;
    return new ParIndexError(issue);
  }

  /** The cell's text (untrimmed) or its problem. */
  private cellText(): string | CellValueProblem {
    const c = this.cell;
    const t = c.t;
    if (c.formula !== undefined) return this.formulaText(c.formula);
    if (c.v === undefined) {
      if (c.inline !== undefined && (t === undefined || t === 'inlineStr')) return decodeXString(c.inline);
      return '';
    }
    const v = c.v;
    switch (t) {
      case undefined:
      case 'n':
        return this.numberText(v);
      case 's':
        return this.sharedString(v);
      case 'str':
        return decodeXString(v);
      case 'inlineStr':
        return decodeXString(c.inline ?? v);
      case 'b':
        return this.booleanText(v);
      case 'e':
        return xlsxCellValueText({ error: v });
      case 'd':
        return isoDateText(v);
      default:
        return bad(problem('bad-cell/type', { type: t }), t);
    }
  }

  /** A formula cell: its cached value, converted as a value cell of its type; none is a problem. */
  private formulaText(formula: string): string | CellValueProblem {
    const c = this.cell;
    const t = c.t;
    const v = c.v;
    if (v === undefined || (v === '' && t !== 'str' && t !== 'inlineStr' && t !== 'e')) return xlsxCellValueText({ formula });
    switch (t) {
      case 'str':
      case 'inlineStr':
        return decodeXString(v);
      case 'e':
        return xlsxCellValueText({ formula, result: Number.NaN }); // `error-cell`: the formula evaluates to an error
      case 'b':
        return this.booleanText(v);
      case 'd':
        return isoDateText(v);
      case 's':
        return this.sharedString(v);
      case undefined:
      case 'n': {
        const x = this.parseNumber(v);
        if (typeof x !== 'number') return x;
        if (!Number.isFinite(x)) return xlsxCellValueText({ formula, result: x });
        return this.finiteNumberText(x);
      }
      default:
        return bad(problem('bad-cell/type', { type: t }), t);
    }
  }

  private parseNumber(v: string): number | CellValueProblem {
    const s = v.length > 0 && (v.charCodeAt(0) <= 32 || v.charCodeAt(v.length - 1) <= 32) ? v.trim() : v;
    if (!NUMBER.test(s)) return bad(problem('bad-cell/number', { value: v }), v);
    return Number(s);
  }

  private numberText(v: string): string | CellValueProblem {
    if (this.ctx.formats[this.cell.s] === undefined) {
      // Fast path: no format, and the text is the number's own shortest text (`0.75`, `12`).
      const y = Number(v);
      const t = String(y);
      if (t === v && Number.isFinite(y) && t.indexOf('e') < 0) {
        this.isNumber = true;
        return t;
      }
    }
    const x = this.parseNumber(v);
    if (typeof x !== 'number') return x;
    return this.finiteNumberText(x);
  }

  /** A number as text: a date in a date format, else exact with its format's percent shift. */
  private finiteNumberText(x: number): string | CellValueProblem {
    const fmt = this.ctx.formats[this.cell.s];
    if (fmt !== undefined && isDateFormat(fmt)) return serialDateText(x, this.ctx.date1904);
    this.isNumber = true;
    if (fmt === undefined) return numberToDecimalText(x); // what exceljsCellText gives a number without a format
    return exceljsCellText({ type: 2, value: x, numFmt: fmt }, this.ctx.cell);
  }

  private booleanText(v: string): string | CellValueProblem {
    const s = v.trim();
    if (s === '1') return 'true';
    if (s === '0') return 'false';
    return bad(problem('bad-cell/boolean', { value: v }), v);
  }

  private sharedString(v: string): string | CellValueProblem {
    let i = wholeNumber(v);
    if (Number.isNaN(i)) i = wholeNumber(v.trim());
    if (Number.isNaN(i)) return bad(problem('bad-cell/shared-index', { value: v }), v);
    const sst = this.ctx.sharedStrings;
    if (!sst) return bad(problem('bad-cell/no-shared-strings', { index: i }), v);
    if (i >= sst.length) return bad(problem('bad-cell/shared-range', { index: i, count: sst.length }), v);
    return sst[i];
  }
}
