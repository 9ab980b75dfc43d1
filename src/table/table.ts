/**
 * The one shape every reader produces: a header and rows of text cells, with where they came from.
 * CSV, xlsx and JSON readers all yield a {@link Table}; the parsers in `src/criteria` and
 * `src/sipas` read only tables, so every format is validated by the same code.
 */
import type { Location } from '../errors.js';

/** One data row: its spreadsheet row number and its cells as text (blank = ''). */
export interface TableRow {
  /** Row number as in a spreadsheet (the header's row, {@link Table.headerRow}, is usually 1). */
  row: number;
  /** Cell texts in header order; missing trailing cells are ''. */
  cells: string[];
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
export function makeTable(header: string[], rows: { row: number; cells: string[] }[], source: { file?: string; sheet?: string; headerRow?: number } = {}): Table {
  const width = header.length;
  const kept: TableRow[] = [];
  for (const r of rows) {
    const row = tableRow(r.row, r.cells, width);
    if (row) kept.push(row);
  }
  const table: Table = { file: source.file, sheet: source.sheet, header: header.map((h) => (h ?? '').trim()), rows: kept };
  if (source.headerRow !== undefined) table.headerRow = source.headerRow;
  return table;
}

/** A data row as every table holds it: cells trimmed and padded to `width`; a wholly blank row is `undefined` (dropped). */
export function tableRow(row: number, cells: readonly (string | undefined)[], width: number): TableRow | undefined {
  const out = cells.map((c) => (c ?? '').trim());
  if (out.every((c) => c === '')) return undefined;
  while (out.length < width) out.push('');
  return { row, cells: out };
}
