/**
 * Reading xlsx workbooks by path: the file's bytes are read once (a zipped workbook is small beside
 * its sheets' XML), then the byte reader of `src/xlsx/read.ts` inflates and parses one sheet part at
 * a time — the same code a browser runs. Progress (rows read) goes to a bar on a terminal.
 */
import { readFileBytes } from './file-bytes.js';
import { inputLimits } from './limits.js';
import type { TableKind } from '../table/files.js';
import { iterateXlsxRows, readXlsxSheetTables, readXlsxTables, type XlsxHeaderRule, type XlsxLimits, type XlsxProgress, type XlsxRow, type XlsxSheetTables, type XlsxTables } from '../xlsx/read.js';
import type { CellTextOptions } from '../xlsx/cell-text.js';
import type { WorkbookKind } from '../i18n/en/xlsx.js';
import { startRowProgress, type ProgressOptions } from './read-progress.js';

/** Options for reading a workbook file. */
export interface WorkbookReadOptions extends ProgressOptions {
  /** Bounds on the work (defaults: `DEFAULT_XLSX_LIMITS`). */
  limits?: Partial<XlsxLimits>;
}

/** Tables read from a workbook for one kind (several for evidence), and the framework's settings sheet. */
export type WorkbookTables = XlsxTables;
/** One row streamed from a workbook. */
export type WorkbookRow = XlsxRow;

/** Options of {@link iterateWorkbookRows}. */
export interface WorkbookRowOptions extends WorkbookReadOptions {
  /** `throw` (default): a bad cell throws a located error; `attach`: it is blanked and listed in `row.issues`. */
  cellIssues?: 'throw' | 'attach';
}

/** Options of {@link readWorkbookSheetTables}. */
export interface SheetTablesOptions extends WorkbookReadOptions {
  /** Header search: rows above the header are passed over; a sheet without one is skipped. */
  header: XlsxHeaderRule;
  /** How numbers become text. */
  cell?: CellTextOptions;
  /** What kind of workbook is expected (the `expected` of `bad-xlsx` errors): any, or a results workbook. */
  book?: WorkbookKind;
}

/** A workbook's bytes, or the located error for a missing or unreadable file. */
async function workbookBytes(path: string): Promise<Uint8Array> {
  return readFileBytes(path);
}

/** Runs `read` with a progress bar fed by the reader's progress (shown on a terminal for large files). */
async function withProgress<T>(path: string, bytes: Uint8Array, opts: ProgressOptions, read: (onProgress: (p: XlsxProgress) => void) => T): Promise<T> {
  const bar = await startRowProgress(path, bytes.length, opts);
  try {
    return read((p) => bar.update(p.bytes, p.totalBytes, p.rows));
  } finally {
    bar.stop();
  }
}

/**
 * Reads the sheet(s) for `kind` from a workbook file as tables, plus its `settings` sheet when
 * `kind` is `criteria`; every problem is located (file, sheet, row, column) and reported together.
 */
export async function readWorkbookTables(path: string, kind: TableKind, opts: WorkbookReadOptions = {}): Promise<WorkbookTables> {
  const bytes = await workbookBytes(path);
  return withProgress(path, bytes, opts, (onProgress) => readXlsxTables(bytes, kind, { file: path, limits: { ...inputLimits().xlsx, ...opts.limits }, onProgress }));
}

/** Reads every visible sheet whose header (found by `opts.header`) is within its first rows, as tables in tab order. */
export async function readWorkbookSheetTables(path: string, opts: SheetTablesOptions): Promise<XlsxSheetTables> {
  const bytes = await workbookBytes(path);
  return withProgress(path, bytes, opts, (onProgress) => readXlsxSheetTables(bytes, { ...opts, limits: { ...inputLimits().xlsx, ...opts.limits }, file: path, onProgress }));
}

/**
 * Streams the rows of the sheet(s) for `kind` (e.g. `responses`) without building a table, for
 * readers that aggregate as they go, such as SIPAS survey responses.
 */
export async function* iterateWorkbookRows(path: string, kind: TableKind, opts: WorkbookRowOptions = {}): AsyncGenerator<WorkbookRow> {
  const bytes = await workbookBytes(path);
  const bar = await startRowProgress(path, bytes.length, opts);
  try {
    yield* iterateXlsxRows(bytes, kind, { file: path, limits: { ...inputLimits().xlsx, ...opts.limits }, cellIssues: opts.cellIssues, onProgress: (p) => bar.update(p.bytes, p.totalBytes, p.rows) });
  } finally {
    bar.stop();
  }
}
