/**
 * The one shape every reader produces: a header and rows of text cells, with where they came from.
 * CSV, xlsx and JSON readers all yield a {@link Table}; the parsers in `src/criteria` and
 * `src/sipas` read only tables, so every format is validated by the same code.
 */
import { type Issue, type Location, problem } from '../errors.js';

/** One data row: its spreadsheet row number and its cells as text (blank = ''). */
export interface TableRow {
  /** Row number as in a spreadsheet (the header's row, {@link Table.headerRow}, is usually 1). */
  row: number;
  /** Cell texts in header order; missing trailing cells are ''. */
  cells: string[];
  /**
   * Indices of the cells that came in as numbers (an xlsx number cell, a JSON or JS number), whose
   * text is the number's point-decimal text: `--decimal-comma` does not apply to them. Set by the
   * xlsx and JSON readers (not enumerable, so not a data key); absent on CSV rows.
   */
  readonly numeric?: readonly number[];
}

/** Records which cells of a row came in as numbers ({@link TableRow.numeric}); none on an unmarked row: nothing set. */
export function markNumeric<R extends TableRow>(r: R, cols: readonly number[] | undefined): R {
  if (cols !== undefined && (cols.length > 0 || r.numeric !== undefined)) Object.defineProperty(r, 'numeric', { value: cols, configurable: true });
  return r;
}

/** True when cell `col` of a row came in as a number (see {@link TableRow.numeric}). */
export function isNumericCell(r: TableRow, col: number): boolean {
  const n = r.numeric;
  return n !== undefined && col >= 0 && n.includes(col);
}

/**
 * Rows with a header and where they came from, read once in order: what the checking code needs.
 * A {@link Table} is one (its rows an array); a large CSV file is read as one whose rows are split
 * as they are iterated (`csvRowSource`), so it is never held whole.
 */
export interface RowSource {
  /** File name as given by the user, if any. */
  file?: string;
  /** Sheet name, for workbooks. */
  sheet?: string;
  /** Header cells as written. */
  header: string[];
  /**
   * Row number of the header as a spreadsheet shows it (a sheet's first non-blank row may be below
   * row 1); undefined = 1. Errors about the header are located on it.
   */
  headerRow?: number;
  /**
   * CSV only: how many cells the header line has as written, trailing blank ones included. A data
   * line with more (even blank) cells is not read by the PAR readers (`too-many-cells`): in
   * `a,1.2,99,5,` under `unit,criterion,self,appraised` an unquoted decimal comma may have moved the
   * cells after it one column right.
   */
  lineCells?: number;
  /**
   * CSV read lazily only: the text the rows are split from (BOM removed) and its delimiter, for a
   * reader with a fast path over the text (src/criteria/input-bytes.ts). The rows stay the reference.
   *
   * @internal
   */
  text?: { body: string; delimiter: string };
  /** Data rows, blank rows removed. */
  rows: Iterable<TableRow>;
}

/** A table read from a file, sheet or JSON array. */
export interface Table extends RowSource {
  /** Data rows, blank rows removed. */
  rows: TableRow[];
}

/** Spreadsheet column letters for a 0-based column index: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** The row a table's header stands on, as a spreadsheet shows it (1 unless the table says otherwise). */
export function headerRowOf(table: RowSource): number {
  return table.headerRow ?? 1;
}

/** Location of a cell of a table (column index -1 = the row as a whole). */
export function cellLocation(table: RowSource, row: number | undefined, col: number): Location {
  const loc: Location = { file: table.file, sheet: table.sheet, row };
  if (col >= 0) {
    loc.column = table.header[col];
    loc.columnLetter = columnLetter(col);
  }
  return loc;
}

/** Builds a table from a header and rows of cell text; wholly blank rows are dropped. */
export function makeTable(header: string[], rows: { row: number; cells: string[]; numeric?: readonly number[] }[], source: { file?: string; sheet?: string; headerRow?: number } = {}): Table {
  const width = header.length;
  const kept: TableRow[] = [];
  for (const r of rows) {
    const row = tableRow(r.row, r.cells, width);
    if (row) kept.push(markNumeric(row, r.numeric));
  }
  const table: Table = { file: source.file, sheet: source.sheet, header: header.map((h) => (h ?? '').trim()), rows: kept };
  if (source.headerRow !== undefined) table.headerRow = source.headerRow;
  return table;
}

/**
 * A data row as every table holds it: cells trimmed and padded to `width`, blank cells beyond it
 * dropped; a wholly blank row is `undefined` (dropped). A non-blank cell beyond `width` is kept (the
 * readers report it first: {@link extraCellAt}).
 */
export function tableRow(row: number, cells: readonly (string | undefined)[], width: number): TableRow | undefined {
  const out = cells.map((c) => (c ?? '').trim());
  if (out.every((c) => c === '')) return undefined;
  const written = out.length;
  while (out.length < width) out.push('');
  while (out.length > width && out[out.length - 1] === '') out.pop();
  const r: TableRow = { row, cells: out };
  // A short row is padded, trailing blank cells past the header are dropped; how many cells it had
  // stays known, out of sight (not a data key).
  if (written !== out.length) Object.defineProperty(r, WRITTEN, { value: written });
  return r;
}

const WRITTEN = 'writtenCells';

/**
 * How many cells a row had as written: fewer than its `cells` when a CSV line was shorter than the
 * header and padded (SIPAS refuses such a form), more when blank cells past the header were dropped;
 * else `cells.length`.
 */
export function writtenCells(r: TableRow): number {
  const n = (r as { [WRITTEN]?: unknown })[WRITTEN];
  return typeof n === 'number' ? n : r.cells.length;
}

/**
 * The first cell at or right of `width` (the header's column count) that is not blank, or -1.
 * Such a cell has no column to be read in: in CSV it is most often an unquoted decimal comma
 * (`a,1.1,4,5,5`), so the row is refused rather than read short.
 */
export function extraCellAt(cells: readonly (string | undefined)[], width: number): number {
  for (let i = width; i < cells.length; i++) {
    const c = cells[i];
    if (c !== undefined && c !== '' && c.trim() !== '') return i;
  }
  return -1;
}

/** Most `too-many-cells` issues listed for one table before the rest are counted in one line. */
export const MAX_ROW_ISSUES = 100;

/**
 * The issue for a row with a value right of the header's last non-blank cell (`col`, 0-based), on
 * the cell: `cells` long in a `csv` file (a delimiter too many), or a cell of a `sheet` with no header.
 */
export function tooManyCellsIssue(source: { file?: string; sheet?: string; header: readonly string[] }, row: number, col: number, value: string, cells: number, kind: 'csv' | 'sheet'): Issue {
  let width = source.header.length;
  while (width > 0 && source.header[width - 1].trim() === '') width--;
  const last = width > 0 ? columnLetter(width - 1) : '';
  return {
    ...cellLocation({ file: source.file, sheet: source.sheet, header: [...source.header], rows: [] }, row, col),
    column: undefined,
    ...(kind === 'csv' ? problem('too-many-cells/csv', { cells, width, last }) : problem('too-many-cells/sheet', { column: columnLetter(col), last })),
    value: value.trim(),
  };
}

/** The summary issue when more than {@link MAX_ROW_ISSUES} rows of a table are too long. */
export function moreRowsIssue(source: { file?: string; sheet?: string }, more: number): Issue {
  return { file: source.file, sheet: source.sheet, ...problem('too-many-problems/long-rows', { more }) };
}
