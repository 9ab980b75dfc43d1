/**
 * The exceljs-based reader of 0.1, kept as the library reference the byte reader (src/xlsx) is
 * tested against (test/xlsx-bytes.test.ts) — test support, never shipped.
 *
 * Reading tables from xlsx workbooks, streamed with exceljs's `WorkbookReader` (loaded only when a
 * workbook is read): rows are turned into text cells as they are parsed, so a 100,000-row evidence
 * sheet is held once, as the {@link Table} the parsers need — never as a workbook model besides.
 *
 * - Sheets are chosen by kind (`xlsx-sheets.ts`): named sheets, else a single sheet; hidden sheets
 *   are never read; evidence may span several sheets (one table each).
 * - The header is the first non-blank row; row numbers are the sheet's own (header usually row 1).
 *   Wholly blank rows (and empty trailing rows) are dropped.
 * - Cells become text as `xlsx-cell.ts` describes (numbers exact, formulas by cached result,
 *   a formula without one is an error, never 0). Text cells are passed on as written, so `12,5` is
 *   read with `--decimal-comma` exactly like a CSV cell.
 * - Merged cells (`xlsx-merges.ts`): a merge touching the header row is an error; a merge in the
 *   data fills its whole range with its master cell's value (a unit name merged down a block).
 * - Every problem names file, sheet, row, column (header name and A1 letter), the value found and
 *   what was expected; all problems of a read are reported together.
 */
import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { IssueList, ParIndexError, problem, type Issue } from '../errors.js';
import type { TableKind } from '../table/files.js';
import { startRowProgress, type ProgressOptions } from '../node/read-progress.js';
import { columnLetter, extraCellAt, type Table, type TableRow, tooManyCellsIssue } from '../table/table.js';
import { exceljsCellText, type CellTextOptions, type CellValueProblem, type ExcelJSCellLike } from '../xlsx/cell-text.js';
import { loadExcelJS } from '../xlsx/load-exceljs.js';
import { tapSheetXml, type MergeRange, type SheetXmlFacts } from './exceljs-merges.js';
import { chooseSettingsSheet, chooseSheets, isVisible, type SheetInfo } from '../xlsx/sheet-choice.js';
import { openXlsxParts, workbookPartPath, type XlsxParts } from './exceljs-zip.js';
import { withoutHeaderMergeColumns } from '../xlsx/read.js';

/** Options for reading a workbook. */
export interface WorkbookReadOptions extends ProgressOptions {}

/** Tables read from a workbook for one kind (several for evidence), and the framework's settings sheet. */
export interface WorkbookTables {
  /** The tables of the kind, in tab order. */
  tables: Table[];
  /** The `settings` sheet (kind `criteria` only), if the workbook has one. */
  settings?: Table;
}

/** One row streamed from a workbook by {@link iterateWorkbookRows}. */
export interface WorkbookRow {
  /** File as given. */
  file: string;
  /** Sheet name. */
  sheet: string;
  /** Row number as the spreadsheet shows it. */
  row: number;
  /** Cell texts from column A (index 0 = A), trimmed; blank = ''. */
  cells: string[];
  /** True for the sheet's header row (its first non-blank row), which comes before its data rows. */
  header: boolean;
  /**
   * Problems in this row's cells (their text is ''), present only with `cellIssues: 'attach'`;
   * by default the iterator throws at the first problem instead.
   */
  issues?: Issue[];
}

/** Options of {@link iterateWorkbookRows}. */
export interface WorkbookRowOptions extends WorkbookReadOptions {
  /** `throw` (default): a bad cell throws a located error; `attach`: it is blanked and listed in `row.issues`. */
  cellIssues?: 'throw' | 'attach';
}

/** A worksheet as exceljs's streaming reader yields it (the parts used here). */
interface StreamSheet {
  name: string;
  state?: string;
  /** Parsed events, one array per XML chunk (rows among them). */
  parse(): AsyncIterable<{ eventType: string; value: StreamRow }[]>;
}

/** What to do with each sheet. */
type Role = 'table' | 'settings';

function cellIssue(file: string, sheet: string, row: number, col: number, header: readonly string[] | undefined, p: CellValueProblem): Issue {
  const { value, ...words } = p;
  return { file, sheet, row, column: header?.[col] ?? '', columnLetter: columnLetter(col), ...words, value };
}

/** A streamed row (the parts used here). */
interface StreamRow {
  number: number;
  eachCell(iteratee: (cell: ExcelJSCellLike, col: number) => void): void;
}

/**
 * Converts one exceljs row to trimmed cell texts; reports bad cells. Formula cells are read from
 * the cell model (`cell.result`), because exceljs's `cell.value` drops a cached result of 0.
 */
function rowCells(row: StreamRow, width: number, cellOpts: CellTextOptions, onProblem: (col: number, p: CellValueProblem) => void): { cells: string[]; blank: boolean } {
  const cells: string[] = new Array(width).fill('');
  let blank = true;
  row.eachCell((cell, col) => {
    const t = exceljsCellText(cell, cellOpts);
    if (typeof t !== 'string') {
      onProblem(col - 1, t);
      return;
    }
    const s = t.length > 0 && (t.charCodeAt(0) <= 32 || t.charCodeAt(t.length - 1) <= 32) ? t.trim() : t;
    if (s !== '') {
      while (cells.length < col - 1) cells.push('');
      cells[col - 1] = s;
      blank = false;
    }
  });
  return { cells, blank };
}

/** Width of a header: up to its last non-blank cell. */
function headerWidth(cells: string[]): number {
  let w = cells.length;
  while (w > 0 && cells[w - 1] === '') w--;
  return w;
}

const XLSX_EXPECTED = 'an .xlsx workbook (Excel 2007 or later; save .xls files as .xlsx)';

/** The located error for a workbook that cannot be opened or parsed (`file-not-found`, `bad-xlsx`). */
function badWorkbook(file: string, e: unknown, expected = XLSX_EXPECTED): ParIndexError {
  const code = (e as NodeJS.ErrnoException)?.code;
  return new ParIndexError({
    file,
    code: code === 'ENOENT' ? 'file-not-found' : 'bad-xlsx',
    message: code === 'ENOENT' ? 'the file does not exist' : `the file is not a readable xlsx workbook (${(e as Error)?.message ?? String(e)})`,
    expected: code === 'ENOENT' ? 'a readable file' : expected,
  });
}

/** A merge touching the header row is an error: the columns under it have no names of their own. */
function mergedHeaderIssues(file: string, sheet: string, headerRow: number, header: readonly string[], merges: readonly MergeRange[]): Issue[] {
  return merges
    .filter((m) => m.top <= headerRow && m.bottom >= headerRow)
    .map((m) => ({
      file,
      sheet,
      row: headerRow,
      column: header[m.left - 1] ?? '',
      columnLetter: columnLetter(m.left - 1),
      ...problem('merged-header', { ref: m.ref }),
      value: m.ref,
    }));
}

/** Fills each data merge with its master (top-left) cell's text, on the rows that were kept. */
function fillMerges(rows: TableRow[], merges: readonly MergeRange[], headerRow: number): void {
  const find = (r: number) => {
    let lo = 0;
    let hi = rows.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (rows[mid].row < r) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  for (const m of merges) {
    if (m.bottom <= headerRow) continue;
    const first = find(m.top);
    const master = first < rows.length && rows[first].row === m.top ? (rows[first].cells[m.left - 1] ?? '') : '';
    if (master === '') continue;
    for (let i = first; i < rows.length && rows[i].row <= m.bottom; i++) {
      const cells = rows[i].cells;
      for (let c = m.left - 1; c < m.right; c++) {
        while (cells.length <= c) cells.push('');
        cells[c] = master;
      }
    }
  }
}

/** One sheet's events as the core walker yields them. */
type SheetEvent = { type: 'rows'; sheet: string; role: Role; rows: RowOut[] } | { type: 'end'; sheet: string; role: Role; facts: SheetXmlFacts; headerRow: number; header: string[] };

/** A converted row (the header row has `header: true`). */
interface RowOut {
  row: number;
  cells: string[];
  header: boolean;
  issues?: Issue[];
}

/** exceljs's streaming workbook reader, driven part by part (its own parsers, our part order). */
interface ReaderInternals {
  workbookRels?: { Id: string; Target: string }[];
  model?: { sheets?: { name: string; state?: string; rId: string }[] };
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncIterable<unknown>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseWorksheet(iterator: AsyncIterable<unknown>, sheetNo: string): Iterator<{ eventType: string; value: StreamSheet }>;
}

/** Opens the workbook and reads its sheet list, relationships, shared strings and styles (number formats among them). */
async function openWorkbook(path: string, expected?: string): Promise<{ reader: ReaderInternals; parts: XlsxParts; sheets: (SheetInfo & { part?: string })[]; size: number }> {
  let parts: XlsxParts;
  let size: number;
  try {
    size = (await stat(path)).size;
    parts = await openXlsxParts(path);
  } catch (e) {
    throw badWorkbook(path, e, expected);
  }
  const ExcelJS = await loadExcelJS();
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore' }) as unknown as ReaderInternals;
  const rels = parts.get('xl/_rels/workbook.xml.rels');
  const book = parts.get('xl/workbook.xml');
  if (!rels || !book) throw badWorkbook(path, new Error('it has no xl/workbook.xml'), expected);
  try {
    await reader._parseRels(rels.stream());
    await reader._parseWorkbook(book.stream());
    const shared = parts.get('xl/sharedStrings.xml');
    if (shared) for await (const _ of reader._parseSharedStrings(shared.stream())) void _;
    const styles = parts.get('xl/styles.xml');
    if (styles) await reader._parseStyles(styles.stream());
  } catch (e) {
    throw badWorkbook(path, e, expected);
  }
  const targets = new Map((reader.workbookRels ?? []).map((r) => [r.Id, r.Target]));
  const sheets = (reader.model?.sheets ?? []).map((s) => {
    const target = targets.get(s.rId);
    return { name: s.name, state: s.state, part: target === undefined ? undefined : workbookPartPath(target) };
  });
  return { reader, parts, sheets, size };
}

/** How a sheet's header row is found when it is not simply the first non-blank row. */
export interface HeaderRule {
  /** True for the header row (cells as read). */
  accept(cells: readonly string[]): boolean;
  /** Last row (as Excel numbers it) searched; a sheet without a header by then is skipped. */
  within: number;
}

/** Options of the core walker. */
interface WalkOptions extends WorkbookReadOptions {
  /** Header search (default: the first non-blank row is the header). */
  header?: HeaderRule;
  /** How numbers become text. */
  cell?: CellTextOptions;
  /** Expected text of a `bad-xlsx` error. */
  expected?: string;
}

/**
 * The core: streams the chosen sheets of a workbook in tab order, yielding non-blank rows (header
 * first) in batches, then each sheet's merged ranges. Cell problems are attached to their row.
 * With a {@link HeaderRule}, rows above the header are passed over and a sheet without a header
 * within its first rows is left unparsed (its `end` has header row 0).
 */
async function* walkWorkbook(path: string, choose: (sheets: SheetInfo[]) => Map<string, Role>, opts: WalkOptions): AsyncGenerator<SheetEvent> {
  const { reader, parts, sheets, size } = await openWorkbook(path, opts.expected);
  if (sheets.length === 0) {
    throw new ParIndexError({ file: path, ...problem('empty-workbook') });
  }
  const chosen = choose(sheets.map((s) => ({ name: s.name, state: s.state })));
  const progress = await startRowProgress(path, size, opts);
  const rule = opts.header;
  const cellOpts = opts.cell ?? {};
  let total = 0;
  let bytesBefore = 0;
  const totalBytes = sheets.reduce((n, s) => n + (chosen.has(s.name) && s.part ? (parts.get(s.part)?.uncompressedSize ?? 0) : 0), 0);
  try {
    for (const info of sheets) {
      const role = chosen.get(info.name);
      if (role === undefined) continue;
      const part = info.part === undefined ? undefined : parts.get(info.part);
      if (!part) {
        throw new ParIndexError({ file: path, sheet: info.name, ...problem('bad-xlsx/sheet-data-missing', { book: 'any' }) });
      }
      const facts: SheetXmlFacts = { merges: [], bytes: 0 };
      const sheetNo = /(\d+)\.xml$/i.exec(part.path)?.[1] ?? '0';
      const ws = reader._parseWorksheet(tapSheetXml(part.stream(), facts), sheetNo).next().value!.value;
      ws.name = info.name;
      let header: string[] | undefined;
      let headerRow = 0;
      let width = 0;
      let skipped = false;
      try {
        // ws.parse() yields the events of one XML chunk at a time: rows are converted and passed on
        // in batches, so no extra async step is taken per row.
        sheet: for await (const events of ws.parse()) {
          const batch: RowOut[] = [];
          for (const { eventType, value: r } of events) {
            if (eventType !== 'row') continue;
            let issues: Issue[] | undefined;
            const { cells, blank } = rowCells(r, width, cellOpts, (col, p) => (issues ??= []).push(cellIssue(path, info.name, r.number, col, header, p)));
            if (blank && !issues) continue;
            if (!header) {
              if (rule && (r.number > rule.within || !rule.accept(cells))) {
                if (r.number >= rule.within) {
                  skipped = true;
                  break sheet; // no header within the first rows: the rest of the sheet is not parsed
                }
                continue;
              }
              header = cells;
              headerRow = r.number;
              width = headerWidth(cells);
              header.length = width;
              batch.push({ row: r.number, cells: header, header: true, issues });
            } else {
              // A value right of the header's last column has no column name (as src/xlsx/read.ts).
              const extra = extraCellAt(cells, width);
              if (extra >= 0) (issues ??= []).push(tooManyCellsIssue({ file: path, sheet: info.name, header }, r.number, extra, cells[extra], cells.length, 'sheet'));
              batch.push({ row: r.number, cells, header: false, issues });
            }
          }
          if (batch.length === 0) continue;
          total += batch.length;
          progress.update(bytesBefore + facts.bytes, totalBytes, total);
          yield { type: 'rows', sheet: info.name, role, rows: batch };
        }
      } catch (e) {
        throw e instanceof ParIndexError ? e : badWorkbook(path, e, opts.expected);
      }
      bytesBefore += skipped ? (part.uncompressedSize ?? facts.bytes) : facts.bytes;
      yield { type: 'end', sheet: info.name, role, facts, headerRow, header: header ?? [] };
    }
  } finally {
    progress.stop();
  }
}

/** Sheets chosen for a kind (and, for criteria, the settings sheet). */
function chooserFor(path: string, kind: TableKind): (sheets: SheetInfo[]) => Map<string, Role> {
  return (sheets) => {
    const m = new Map<string, Role>();
    for (const s of chooseSheets(path, sheets, kind)) m.set(s.name, 'table');
    if (kind === 'criteria') {
      const st = chooseSettingsSheet(path, sheets);
      if (st && !m.has(st.name)) m.set(st.name, 'settings');
    }
    return m;
  };
}

/**
 * Collects the walked sheets as tables (header row, merges filled, rows padded to the header).
 * A sheet without a header is `empty-sheet`, unless a {@link HeaderRule} skips such sheets.
 */
async function collectTables(path: string, choose: (sheets: SheetInfo[]) => Map<string, Role>, opts: WalkOptions): Promise<WorkbookTables> {
  const issues = new IssueList();
  const tables: Table[] = [];
  let settings: Table | undefined;
  let rows: TableRow[] = [];
  let pending: Issue[] = [];
  for await (const ev of walkWorkbook(path, choose, opts)) {
    if (ev.type === 'rows') {
      for (const r of ev.rows) {
        if (r.issues) pending.push(...r.issues);
        if (r.header) rows = [];
        else rows.push({ row: r.row, cells: r.cells });
      }
      continue;
    }
    const { facts, headerRow, header } = ev;
    const cellIssues = pending;
    pending = [];
    if (headerRow === 0) {
      rows = [];
      if (opts.header) continue; // no header within the rows searched: not a table
      issues.add({ file: path, sheet: ev.sheet, ...problem('empty-sheet') });
      continue;
    }
    for (const i of withoutHeaderMergeColumns(cellIssues, facts.merges, headerRow)) issues.add(i);
    const merged = mergedHeaderIssues(path, ev.sheet, headerRow, header, facts.merges);
    for (const i of merged) issues.add(i);
    if (facts.merges.length) fillMerges(rows, facts.merges, headerRow);
    for (const r of rows) while (r.cells.length < header.length) r.cells.push('');
    const table: Table = { file: path, sheet: ev.sheet, header, rows, headerRow };
    if (ev.role === 'settings') settings = table;
    else tables.push(table);
    rows = [];
  }
  issues.throwIfAny();
  return settings ? { tables, settings } : { tables };
}

/**
 * Reads the sheet(s) for `kind` from a workbook as tables, plus its `settings` sheet when `kind`
 * is `criteria`. Streams the file; throws a {@link ParIndexError} listing every problem found
 * (bad cells, formulas without results, merged headers, a missing or hidden sheet, an empty sheet).
 * Each table's `headerRow` is the sheet row its header stands on.
 */
export function readWorkbookTables(path: string, kind: TableKind, opts: WorkbookReadOptions = {}): Promise<WorkbookTables> {
  return collectTables(path, chooserFor(path, kind), opts);
}

/** Options of {@link readWorkbookSheetTables}. */
export interface SheetTablesOptions extends WorkbookReadOptions {
  /** Header search: rows above the header are passed over; a sheet without one is skipped. */
  header: HeaderRule;
  /** How numbers become text. */
  cell?: CellTextOptions;
  /** Expected text of a `bad-xlsx` error (what kind of workbook was expected). */
  expected?: string;
}

/** What {@link readWorkbookSheetTables} found. */
export interface SheetTables {
  /** Tables of the sheets whose header was found, in tab order. */
  tables: Table[];
  /** Every sheet of the workbook in tab order, hidden ones marked `(hidden)` (for error messages). */
  sheets: string[];
}

/**
 * Streams every visible sheet whose header (found by `opts.header`) is within its first rows, as
 * tables in tab order; other sheets are left unparsed after their first rows (a results
 * workbook's million-row audit sheet costs nothing). Hidden sheets are never read.
 */
export async function readWorkbookSheetTables(path: string, opts: SheetTablesOptions): Promise<SheetTables> {
  const names: string[] = [];
  const visible = (sheets: SheetInfo[]) => {
    for (const s of sheets) names.push(isVisible(s) ? s.name : `${s.name} (hidden)`);
    return new Map<string, Role>(sheets.filter(isVisible).map((s) => [s.name, 'table']));
  };
  return { tables: (await collectTables(path, visible, opts)).tables, sheets: names };
}

/**
 * Streams the rows of the sheet(s) for `kind` (e.g. `responses`) without building a table — for
 * readers that aggregate as they go, such as SIPAS survey responses, in constant memory.
 *
 * Yields, per chosen sheet in tab order: its header row
 * (`header: true`, the first non-blank row), then each non-blank data row with its spreadsheet row
 * number. Cells are text as {@link readWorkbookTables} gives them (index 0 = column A; use
 * `columnLetter(i)` for the A1 letter in errors).
 *
 * - Bad cells (formula without a cached result, `#N/A`, …): by default a located
 *   {@link ParIndexError} is thrown; with `cellIssues: 'attach'` the cell is '' and the problem is
 *   in `row.issues` (e.g. to drop the form with `--skip-bad-rows`).
 * - Merged cells cannot be filled in a stream (an xlsx file lists them after the rows), so a sheet
 *   with merged cells at or below its header throws a located `merged-cells` error after its last
 *   row has been yielded.
 * - Sheet choice, hidden sheets and missing sheets behave as in {@link readWorkbookTables}.
 */
export async function* iterateWorkbookRows(path: string, kind: TableKind, opts: WorkbookRowOptions = {}): AsyncGenerator<WorkbookRow> {
  const attach = opts.cellIssues === 'attach';
  for await (const ev of walkWorkbook(path, chooserFor(path, kind), opts)) {
    if (ev.type === 'rows') {
      if (ev.role !== 'table') continue;
      for (const r of ev.rows) {
        if (r.issues && !attach) throw new ParIndexError(r.issues);
        const out: WorkbookRow = { file: path, sheet: ev.sheet, row: r.row, cells: r.cells, header: r.header };
        if (r.issues) out.issues = r.issues;
        yield out;
      }
      continue;
    }
    if (ev.role !== 'table' || ev.headerRow === 0) continue;
    const m = ev.facts.merges.find((r) => r.bottom >= ev.headerRow);
    if (m) {
      throw new ParIndexError({
        file: path,
        sheet: ev.sheet,
        row: Math.max(m.top, ev.headerRow),
        column: ev.header[m.left - 1] ?? '',
        columnLetter: columnLetter(m.left - 1),
        ...(m.top <= ev.headerRow ? problem('merged-header/streamed', { ref: m.ref }) : problem('merged-cells/streamed', { ref: m.ref })),
        value: m.ref,
      });
    }
  }
}
