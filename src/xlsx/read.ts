/**
 * Reading tables from xlsx workbooks held as bytes (`Uint8Array`), with no Node built-in: the zip
 * is read with fflate, the XML with saxes, so the same code runs in a browser. The semantics are
 * those of the exceljs-based reader (`src/node/xlsx-read.ts`), rule for rule:
 *
 * - Sheets are chosen by kind (`src/xlsx/sheet-choice.ts`): named sheets, else a single sheet; hidden
 *   sheets are never read; evidence may span several sheets (one table each).
 * - The header is the first non-blank row; row numbers are the sheet's own. Wholly blank rows
 *   (and empty trailing rows) are dropped. A value right of the header's last non-blank cell has no
 *   column name: a located `too-many-cells` error (attached to its row when streamed).
 * - Cells become text as `src/xlsx/sheet.ts` describes (numbers exact, percent formats as shown,
 *   formulas by cached result, a formula without one is an error, never 0).
 * - Merged cells: a merge touching the header row is an error; a merge in the data fills its
 *   range with its master cell's text. Streamed rows cannot be filled: `merged-cells`.
 * - Every problem names file, sheet, row, column (header name and A1 letter), the value found and
 *   what was expected; all problems of a read are reported together.
 *
 * It also reports what exceljs passes over (see `sheet.ts`: bad shared-string indexes, numbers
 * that are not numbers, duplicate cells …), and bounds the work a hostile file can cause
 * ({@link XlsxLimits}): cells are kept sparse while a row is parsed, so a styled cell at column
 * XFD costs one entry, not 16,384.
 */
import { IssueList, ParIndexError, problem, type Issue } from '../errors.js';
import type { NotWorkbookKind, WorkbookKind } from '../i18n/en/xlsx.js';
import type { TableKind } from '../table/files.js';
import { columnLetter, isNumericCell, markNumeric, type RowSource, type Table, type TableRow, tooManyCellsIssue } from '../table/table.js';
import type { CellTextOptions, CellValueProblem } from './cell-text.js';
import { chooseSettingsSheet, chooseSheets, isVisible, type SheetInfo } from './sheet-choice.js';
import { columnNumber, denseCells, SheetParser, type MergeRange, type ReadCounters, type SheetContext, type SparseRow } from './sheet.js';
import { parseRelationships, parseSharedStrings, parseStyles, parseWorkbookXml, relsPathOf, resolveTarget, type Relationship, type WorkbookSheet } from './workbook.js';
import { XmlPartError } from './xml.js';
import { badXlsx, ByteBudget, openZip, type Problem, type ZipArchive, type ZipEntry } from './zip.js';

/** Bounds on the work one read may do; crossing one is a located `limit-exceeded` error. */
export interface XlsxLimits {
  /** Highest column a cell may be in (default 16,384 = XFD, Excel's last). */
  maxColumns: number;
  /** Highest row number (default 1,048,576, Excel's last). */
  maxRows: number;
  /**
   * Most cells one read handles (default 100,000,000), counted twice over: the `<c>` elements
   * parsed, and separately the text cells produced (blank cells padded into rows and cells filled
   * by merges included).
   */
  maxCells: number;
  /** Most shared strings (default 10,000,000). */
  maxSharedStrings: number;
  /** Most uncompressed bytes of the parts read, all together (default 2 GiB). */
  maxBytes: number;
}

/** The default {@link XlsxLimits}: generous, far above any real council workbook. */
export const DEFAULT_XLSX_LIMITS: Readonly<XlsxLimits> = Object.freeze({
  maxColumns: 16_384,
  maxRows: 1_048_576,
  maxCells: 100_000_000,
  maxSharedStrings: 10_000_000,
  maxBytes: 2 * 1024 * 1024 * 1024,
});

/** Progress of a read, reported after each parsed chunk of sheet XML. */
export interface XlsxProgress {
  /** Sheet XML bytes parsed so far (all sheets read). */
  bytes: number;
  /** Sheet XML bytes of the sheets to read (uncompressed sizes from the zip directory). */
  totalBytes: number;
  /** Rows passed on so far. */
  rows: number;
}

/** Options for reading a workbook from bytes. */
export interface XlsxReadOptions {
  /** File name as given (for error locations and `Table.file`); default ''. */
  file?: string;
  /** Bounds on the work (defaults: {@link DEFAULT_XLSX_LIMITS}). */
  limits?: Partial<XlsxLimits>;
  /** Called as the sheets are parsed. */
  onProgress?: (p: XlsxProgress) => void;
}

/** Tables read for one kind (several for evidence), and the framework's settings sheet. */
export interface XlsxTables {
  /** The tables of the kind, in tab order. */
  tables: Table[];
  /** The `settings` sheet (kind `criteria` only), if the workbook has one. */
  settings?: Table;
}

/** One row streamed by {@link iterateXlsxRows} (as `WorkbookRow` of `src/node/xlsx-read.ts`). */
export interface XlsxRow {
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
  /** Problems in this row's cells (their text is ''), present only with `cellIssues: 'attach'`. */
  issues?: Issue[];
}

/** Options of {@link iterateXlsxRows}. */
export interface XlsxRowOptions extends XlsxReadOptions {
  /** `throw` (default): a bad cell throws a located error; `attach`: it is blanked and listed in `row.issues`. */
  cellIssues?: 'throw' | 'attach';
}

/** How a sheet's header row is found when it is not simply the first non-blank row. */
export interface XlsxHeaderRule {
  /** True for the header row (cells as read). */
  accept(cells: readonly string[]): boolean;
  /** Last row (as Excel numbers it) searched; a sheet without a header by then is skipped. */
  within: number;
}

/** Options of {@link readXlsxSheetTables}. */
export interface XlsxSheetTablesOptions extends XlsxReadOptions {
  /** Header search: rows above the header are passed over; a sheet without one is skipped. */
  header: XlsxHeaderRule;
  /** How numbers become text. */
  cell?: CellTextOptions;
  /** What kind of workbook is expected (the `expected` of `bad-xlsx` errors; default any). */
  book?: WorkbookKind;
}

/** What {@link readXlsxSheetTables} found. */
export interface XlsxSheetTables {
  /** Tables of the sheets whose header was found, in tab order. */
  tables: Table[];
  /** Every sheet of the workbook in tab order, hidden ones marked `(hidden)` (for error messages). */
  sheets: string[];
}

/** What to do with each sheet. */
type Role = 'table' | 'settings';

/** Options of the core walker. */
interface WalkOptions extends XlsxReadOptions {
  header?: XlsxHeaderRule;
  cell?: CellTextOptions;
  book?: WorkbookKind;
}

/** A converted row (the header row has `header: true`). */
interface RowOut {
  row: number;
  cells: string[];
  /** Columns of the number cells (see `TableRow.numeric`). */
  numeric?: number[];
  header: boolean;
  issues?: Issue[];
}

/** One sheet's events as the core walker yields them. */
type SheetEvent = { type: 'rows'; sheet: string; role: Role; rows: RowOut[] } | { type: 'end'; sheet: string; role: Role; merges: MergeRange[]; headerRow: number; header: string[] };

/** A sheet of the opened workbook, with its part. */
interface BookSheet extends SheetInfo {
  entry?: ZipEntry;
}

/** An opened workbook: its zip, sheets, shared strings and styles. */
interface OpenBook {
  zip: ZipArchive;
  sheets: BookSheet[];
  sharedStrings: string[] | undefined;
  formats: (string | undefined)[];
  date1904: boolean;
  budget: ByteBudget;
}

const limitsOf = (opts: XlsxReadOptions): XlsxLimits => ({ ...DEFAULT_XLSX_LIMITS, ...opts.limits });

/** The located error for a crossed limit. */
function limitError(file: string, what: Problem, value: string, where: { sheet?: string; row?: number; col?: number; header?: readonly string[] } = {}): ParIndexError {
  const issue: Issue = { file, ...what, value };
  if (where.sheet !== undefined) issue.sheet = where.sheet;
  if (where.row !== undefined) issue.row = where.row;
  if (where.col !== undefined) {
    issue.column = where.header?.[where.col] ?? '';
    issue.columnLetter = columnLetter(where.col);
  }
  return new ParIndexError(issue);
}

/**
 * A text or list too large for JavaScript to hold (V8 refuses strings past about 512 MB: "Invalid
 * string length") — a hostile file, never a workbook Excel writes (a cell holds 32,767 characters).
 */
function tooBig(file: string, entry: ZipEntry, e: RangeError, sheet?: string, row?: number): ParIndexError {
  const issue: Issue = { file, ...problem('limit-exceeded/too-big', { path: entry.path, detail: e.message }), value: entry.path };
  if (sheet !== undefined) issue.sheet = sheet;
  if (row !== undefined) issue.row = row;
  return new ParIndexError(issue);
}

/** Reads a small part whole and parses it; a fault is a `bad-xlsx` error naming the part. */
function parsePart<T>(book: { zip: ZipArchive; budget: ByteBudget }, entry: ZipEntry, file: string, wanted: WorkbookKind, parse: (chunks: Iterable<Uint8Array>) => T): T {
  try {
    return parse(book.zip.chunks(entry, book.budget));
  } catch (e) {
    if (e instanceof XmlPartError) throw badXlsx(file, problem('bad-xlsx/damaged-part', { path: entry.path, fault: e.fault, ...(e.detail !== undefined ? { detail: e.detail } : {}), book: wanted }), { value: entry.path });
    if (e instanceof RangeError) throw tooBig(file, entry, e);
    throw e;
  }
}

/** Names what a zip without a workbook is (an .ods, .xlsb, .docx …). */
function notAWorkbook(zip: ZipArchive, file: string, wanted: WorkbookKind): ParIndexError {
  const has = (p: string) => zip.get(p) !== undefined;
  const say = (value: string, kind: NotWorkbookKind) => badXlsx(file, problem('bad-xlsx/not-workbook', { kind, book: wanted }), { value });
  if (has('xl/workbook.bin')) return say('.xlsb', 'xlsb');
  if (has('content.xml') && has('mimetype')) return say('OpenDocument', 'ods');
  if (has('word/document.xml')) return say('.docx', 'docx');
  if (has('ppt/presentation.xml')) return say('.pptx', 'pptx');
  if (has('index.xml') || has('Index/Document.iwa')) return say('Numbers', 'numbers');
  return say('zip without a workbook', 'zip');
}

/** Opens the workbook: the sheet list, relationships, shared strings and styles. */
function openBook(bytes: Uint8Array, file: string, limits: XlsxLimits, wanted: WorkbookKind = 'any'): OpenBook {
  const zip = openZip(bytes, { file, book: wanted });
  const budget = new ByteBudget(limits.maxBytes, (e, total) => limitError(file, problem('limit-exceeded/bytes', { limit: 'maxBytes', max: limits.maxBytes, total, path: e.path }), String(total)));
  const book = { zip, budget };
  // The workbook part: from the package relationships, else where every writer puts it.
  let wbPath = 'xl/workbook.xml';
  const pkgRels = zip.get('_rels/.rels');
  if (pkgRels) {
    const rels = parsePart(book, pkgRels, file, wanted, parseRelationships);
    const office = rels.find((r) => /\/officeDocument$/.test(r.type) && !r.external);
    if (office && zip.get(resolveTarget('', office.target))) wbPath = resolveTarget('', office.target);
  }
  const wbEntry = zip.get(wbPath);
  if (!wbEntry) throw notAWorkbook(zip, file, wanted);
  const relsEntry = zip.get(relsPathOf(wbPath));
  if (!relsEntry) throw badXlsx(file, problem('bad-xlsx/no-workbook-rels', { path: relsPathOf(wbPath), book: wanted }), { value: relsPathOf(wbPath) });
  const rels: Relationship[] = parsePart(book, relsEntry, file, wanted, parseRelationships);
  const info = parsePart(book, wbEntry, file, wanted, parseWorkbookXml);
  const byId = new Map(rels.filter((r) => !r.external).map((r) => [r.id, r]));
  const partOf = (type: string, fallback: string): ZipEntry | undefined => {
    const rel = rels.find((r) => r.type.endsWith(`/${type}`) && !r.external);
    return (rel && zip.get(resolveTarget(wbPath, rel.target))) ?? zip.get(fallback);
  };
  const sstEntry = partOf('sharedStrings', 'xl/sharedStrings.xml');
  const sharedStrings = sstEntry
    ? parsePart(book, sstEntry, file, wanted, (chunks) =>
        parseSharedStrings(chunks, limits.maxSharedStrings, (n) => limitError(file, problem('limit-exceeded/shared-strings', { limit: 'maxSharedStrings', max: limits.maxSharedStrings }), String(n))),
      )
    : undefined;
  const stylesEntry = partOf('styles', 'xl/styles.xml');
  const formats = stylesEntry ? parsePart(book, stylesEntry, file, wanted, parseStyles) : [];
  const sheets = info.sheets.map((s: WorkbookSheet): BookSheet => {
    const rel = s.rId === undefined ? undefined : byId.get(s.rId);
    const entry = rel ? zip.get(resolveTarget(wbPath, rel.target)) : undefined;
    const out: BookSheet = { name: s.name };
    if (s.state !== undefined) out.state = s.state;
    if (entry) out.entry = entry;
    return out;
  });
  return { zip, sheets, sharedStrings, formats, date1904: info.date1904, budget };
}

/** Width of a header: up to its last non-blank cell. */
function headerWidth(cells: string[]): number {
  let w = cells.length;
  while (w > 0 && cells[w - 1] === '') w--;
  return w;
}

function cellIssue(file: string, sheet: string, row: number, col: number, header: readonly string[] | undefined, p: CellValueProblem): Issue {
  const { value, ...words } = p;
  return { file, sheet, row, column: header?.[col] ?? '', columnLetter: columnLetter(col), ...words, value };
}

/**
 * The core: parses the chosen sheets in tab order, yielding non-blank rows (header first) in
 * batches (one per chunk of sheet XML), then each sheet's merged ranges. Cell problems are
 * attached to their row. With a header rule, rows above the header are passed over and a sheet
 * without a header within its first rows is left unparsed (its `end` has header row 0).
 */
function* walk(bytes: Uint8Array, choose: (file: string, sheets: SheetInfo[]) => Map<string, Role>, opts: WalkOptions): Generator<SheetEvent> {
  const file = opts.file ?? '';
  const limits = limitsOf(opts);
  const wanted = opts.book ?? 'any';
  const book = openBook(bytes, file, limits, wanted);
  if (book.sheets.length === 0) throw new ParIndexError({ file, ...problem('empty-workbook') });
  const chosen = choose(
    file,
    book.sheets.map((s) => (s.state === undefined ? { name: s.name } : { name: s.name, state: s.state })),
  );
  const rule = opts.header;
  const counters: ReadCounters = { elements: 0 };
  let slots = 0;
  let total = 0;
  let bytesBefore = 0;
  const totalBytes = book.sheets.reduce((n, s) => n + (chosen.has(s.name) ? (s.entry?.size ?? 0) : 0), 0);
  for (const info of book.sheets) {
    const role = chosen.get(info.name);
    if (role === undefined) continue;
    const entry = info.entry;
    if (!entry) {
      throw badXlsx(file, problem('bad-xlsx/sheet-data-missing', { book: wanted }), { sheet: info.name });
    }
    const sheet = info.name;
    let header: string[] | undefined;
    let headerRow = 0;
    let width = 0;
    let skipped = false;
    let batch: RowOut[] = [];
    const ctx: SheetContext = {
      file,
      sheet,
      sharedStrings: book.sharedStrings,
      formats: book.formats,
      date1904: book.date1904,
      cell: opts.cell ?? {},
      limits,
      counters,
      limitError: (what, value, row, col) => limitError(file, what, value, { sheet, row, col, header }),
    };
    const onRow = (r: SparseRow): boolean => {
      let issues: Issue[] | undefined;
      if (r.problems) for (const p of r.problems) (issues ??= []).push(cellIssue(file, sheet, r.row, p.col, header, p.problem));
      const cells = denseCells(r, width);
      if (!header) {
        if (rule && (r.row > rule.within || !rule.accept(cells))) {
          if (r.row >= rule.within) {
            skipped = true;
            return true; // no header within the first rows: the rest of the sheet is not parsed
          }
          return false;
        }
        header = cells;
        headerRow = r.row;
        width = headerWidth(cells);
        header.length = width;
        batch.push(issues ? { row: r.row, cells: header, header: true, issues } : { row: r.row, cells: header, header: true });
      } else {
        // A value right of the header's last column has no column to be read in.
        const last = r.cols.length - 1;
        if (last >= 0 && r.cols[last] >= width) {
          let k = last;
          while (k > 0 && r.cols[k - 1] >= width) k--;
          (issues ??= []).push(tooManyCellsIssue({ file, sheet, header: header as string[] }, r.row, r.cols[k], r.texts[k], cells.length, 'sheet'));
        }
        const out: RowOut = issues ? { row: r.row, cells, header: false, issues } : { row: r.row, cells, header: false };
        if (r.numeric) out.numeric = r.numeric;
        batch.push(out);
      }
      slots += cells.length;
      if (slots > limits.maxCells) throw limitError(file, problem('limit-exceeded/cells', { limit: 'maxCells', max: limits.maxCells }), String(slots), { sheet, row: r.row });
      return false;
    };
    const parser = new SheetParser(ctx, onRow);
    try {
      for (const chunk of book.zip.chunks(entry, book.budget)) {
        parser.write(chunk);
        if (batch.length > 0) {
          total += batch.length;
          opts.onProgress?.({ bytes: bytesBefore + parser.bytes, totalBytes, rows: total });
          const rows = batch;
          batch = [];
          yield { type: 'rows', sheet, role, rows };
        }
        if (parser.stopped) break;
      }
      parser.end();
    } catch (e) {
      if (e instanceof XmlPartError) {
        throw badXlsx(file, problem('bad-xlsx/damaged-sheet', { fault: e.fault, ...(e.detail !== undefined ? { detail: e.detail } : {}), book: wanted }), { sheet, row: parser.row || undefined, value: entry.path });
      }
      if (e instanceof RangeError) throw tooBig(file, entry, e, sheet, parser.row || undefined);
      throw e;
    }
    if (batch.length > 0) {
      total += batch.length;
      opts.onProgress?.({ bytes: bytesBefore + parser.bytes, totalBytes, rows: total });
      const rows = batch;
      batch = [];
      yield { type: 'rows', sheet, role, rows };
    }
    bytesBefore += skipped ? entry.size : parser.bytes;
    yield { type: 'end', sheet, role, merges: skipped ? [] : parser.merges, headerRow, header: header ?? [] };
  }
}

/** Sheets chosen for a kind (and, for criteria, the settings sheet). */
function chooserFor(kind: TableKind): (file: string, sheets: SheetInfo[]) => Map<string, Role> {
  return (file, sheets) => {
    const m = new Map<string, Role>();
    for (const s of chooseSheets(file, sheets, kind)) m.set(s.name, 'table');
    if (kind === 'criteria') {
      const st = chooseSettingsSheet(file, sheets);
      if (st && !m.has(st.name)) m.set(st.name, 'settings');
    }
    return m;
  };
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

/**
 * The cell issues without the `too-many-cells` ones under a merge touching the header row: those
 * columns have a header cell, merged (reported as `merged-header`, the cause).
 */
export function withoutHeaderMergeColumns(issues: readonly Issue[], merges: readonly MergeRange[], headerRow: number): Issue[] {
  const spans = merges.filter((m) => m.top <= headerRow && m.bottom >= headerRow);
  if (spans.length === 0) return [...issues];
  return issues.filter((i) => {
    if (i.code !== 'too-many-cells' || i.columnLetter === undefined) return true;
    const col = columnNumber(i.columnLetter);
    return !spans.some((m) => m.left <= col && col <= m.right);
  });
}

/**
 * Fills each data merge with its master (top-left) cell's text, on the rows that were kept.
 * Returns the cells added (for the cell budget).
 */
function fillMerges(rows: TableRow[], merges: readonly MergeRange[], headerRow: number, room: number): number {
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
  let added = 0;
  for (const m of merges) {
    if (m.bottom <= headerRow) continue;
    const first = find(m.top);
    const master = first < rows.length && rows[first].row === m.top ? (rows[first].cells[m.left - 1] ?? '') : '';
    if (master === '') continue;
    // The filled cells are number cells when the master is one (and text otherwise).
    const masterNumeric = isNumericCell(rows[first], m.left - 1);
    for (let i = first; i < rows.length && rows[i].row <= m.bottom; i++) {
      const outside = (rows[i].numeric ?? []).filter((c) => c < m.left - 1 || c >= m.right);
      if (masterNumeric) for (let c = m.left - 1; c < m.right; c++) outside.push(c);
      if (rows[i].numeric || masterNumeric) markNumeric(rows[i], outside);
      const cells = rows[i].cells;
      if (cells.length < m.right) {
        added += m.right - cells.length;
        if (added > room) return added;
      }
      for (let c = m.left - 1; c < m.right; c++) {
        while (cells.length <= c) cells.push('');
        cells[c] = master;
      }
    }
  }
  return added;
}

/**
 * Collects the walked sheets as tables (header row, merges filled, rows padded to the header).
 * A sheet without a header is `empty-sheet`, unless a header rule skips such sheets.
 */
function collectTables(bytes: Uint8Array, choose: (file: string, sheets: SheetInfo[]) => Map<string, Role>, opts: WalkOptions): XlsxTables {
  const file = opts.file ?? '';
  const limits = limitsOf(opts);
  const issues = new IssueList();
  const tables: Table[] = [];
  let settings: Table | undefined;
  let rows: TableRow[] = [];
  let pending: Issue[] = [];
  let padded = 0;
  for (const ev of walk(bytes, choose, opts)) {
    if (ev.type === 'rows') {
      for (const r of ev.rows) {
        if (r.issues) pending.push(...r.issues);
        if (r.header) rows = [];
        else rows.push(markNumeric({ row: r.row, cells: r.cells }, r.numeric));
      }
      continue;
    }
    const { merges, headerRow, header } = ev;
    const cellIssues = pending;
    pending = [];
    if (headerRow === 0) {
      rows = [];
      if (opts.header) continue; // no header within the rows searched: not a table
      issues.add({ file, sheet: ev.sheet, ...problem('empty-sheet') });
      continue;
    }
    for (const i of withoutHeaderMergeColumns(cellIssues, merges, headerRow)) issues.add(i);
    for (const i of mergedHeaderIssues(file, ev.sheet, headerRow, header, merges)) issues.add(i);
    if (merges.length) {
      padded += fillMerges(rows, merges, headerRow, limits.maxCells - padded);
      if (padded > limits.maxCells) throw limitError(file, problem('limit-exceeded/merge-fill', { limit: 'maxCells', max: limits.maxCells }), String(padded), { sheet: ev.sheet });
    }
    for (const r of rows) {
      if (r.cells.length < header.length) {
        padded += header.length - r.cells.length;
        while (r.cells.length < header.length) r.cells.push('');
      }
    }
    const table: Table = { file, sheet: ev.sheet, header, rows, headerRow };
    if (ev.role === 'settings') settings = table;
    else tables.push(table);
    rows = [];
  }
  issues.throwIfAny();
  return settings ? { tables, settings } : { tables };
}

/**
 * Reads the sheet(s) for `kind` from a workbook's bytes as tables, plus its `settings` sheet when
 * `kind` is `criteria` — as `readWorkbookTables` (`src/node/xlsx-read.ts`) does from a path. Throws a
 * {@link ParIndexError} listing every problem found (bad cells, formulas without results, merged
 * headers, a missing or hidden sheet, an empty sheet). Each table's `headerRow` is the sheet row
 * its header stands on.
 */
export function readXlsxTables(bytes: Uint8Array, kind: TableKind, opts: XlsxReadOptions = {}): XlsxTables {
  return collectTables(bytes, chooserFor(kind), opts);
}

/**
 * Every visible sheet whose header (found by `opts.header`) is within its first rows, as tables in
 * tab order — as `readWorkbookSheetTables` (the results workbook `compare` reads). Other sheets are
 * left unparsed after their first rows; hidden sheets are never read.
 */
export function readXlsxSheetTables(bytes: Uint8Array, opts: XlsxSheetTablesOptions): XlsxSheetTables {
  const names: string[] = [];
  const visible = (_file: string, sheets: SheetInfo[]) => {
    for (const s of sheets) names.push(isVisible(s) ? s.name : `${s.name} (hidden)`);
    return new Map<string, Role>(sheets.filter(isVisible).map((s) => [s.name, 'table']));
  };
  return { tables: collectTables(bytes, visible, opts).tables, sheets: names };
}

/** The sheets of a workbook in tab order, with their state (reads only the workbook's parts, no sheet). */
export function listXlsxSheets(bytes: Uint8Array, opts: XlsxReadOptions = {}): SheetInfo[] {
  return openBook(bytes, opts.file ?? '', limitsOf(opts)).sheets.map((s) => (s.state === undefined ? { name: s.name } : { name: s.name, state: s.state }));
}

/**
 * Streams the rows of the sheet(s) for `kind` without building a table — as `iterateWorkbookRows`
 * (`src/node/xlsx-read.ts`), synchronously since the workbook is in memory. Yields, per chosen sheet in
 * tab order, its header row (`header: true`), then each non-blank data row.
 *
 * - Bad cells: by default a located {@link ParIndexError} is thrown; with `cellIssues: 'attach'` the
 *   cell is '' and the problem is in `row.issues`.
 * - Merged cells cannot be filled in a stream, so a sheet with merged cells at or below its header
 *   throws a located `merged-cells` (`merged-header`) error after its last row has been yielded.
 */
export function* iterateXlsxRows(bytes: Uint8Array, kind: TableKind, opts: XlsxRowOptions = {}): Generator<XlsxRow> {
  const file = opts.file ?? '';
  const attach = opts.cellIssues === 'attach';
  for (const ev of walk(bytes, chooserFor(kind), opts)) {
    if (ev.type === 'rows') {
      if (ev.role !== 'table') continue;
      for (const r of ev.rows) {
        if (r.issues && !attach) throw new ParIndexError(r.issues);
        const out: XlsxRow = { file, sheet: ev.sheet, row: r.row, cells: r.cells, header: r.header };
        if (r.issues) out.issues = r.issues;
        yield out;
      }
      continue;
    }
    if (ev.role !== 'table' || ev.headerRow === 0) continue;
    const m = ev.merges.find((r) => r.bottom >= ev.headerRow);
    if (m) {
      throw new ParIndexError({
        file,
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

/** Thrown by {@link streamXlsxSources} at anything the table reader would report or change (read the workbook with {@link readXlsxTables} then). */
export class XlsxStreamDeclined extends Error {
  constructor(reason: string) {
    super(`parindex: the workbook is read as tables instead (${reason})`);
    this.name = 'XlsxStreamDeclined';
  }
}

/**
 * The sheet(s) for `kind` as row sources whose rows are parsed from the sheet's XML as they are
 * iterated — no table is built, so a large evidence workbook goes into the input matrix row by row.
 * Take the sources in order; a source's rows are read once (what a consumer leaves unread is passed
 * over when it asks for the next source). Rows are what {@link readXlsxTables} gives (numbers marked,
 * short rows padded) as long as the sheets are plain: a bad cell, a value right of the header, merged
 * cells (filled in by the table reader), an empty sheet or a settings sheet throw
 * {@link XlsxStreamDeclined}, and the caller reads the workbook with {@link readXlsxTables}, which
 * words every problem.
 */
export function* streamXlsxSources(bytes: Uint8Array, kind: TableKind, opts: XlsxReadOptions = {}): Generator<RowSource> {
  const file = opts.file ?? '';
  const events = walk(bytes, chooserFor(kind), opts);
  let pending: RowOut[] = [];
  let sheetOpen = false;
  const next = (): SheetEvent | undefined => {
    const r = events.next();
    return r.done ? undefined : r.value;
  };
  const checkEnd = (ev: Extract<SheetEvent, { type: 'end' }>): void => {
    sheetOpen = false;
    if (ev.role !== 'table') throw new XlsxStreamDeclined('a settings sheet');
    if (ev.headerRow === 0) throw new XlsxStreamDeclined('a sheet without a header');
    if (ev.merges.length > 0) throw new XlsxStreamDeclined('merged cells');
  };
  /** The data rows of the open sheet, from `pending` on, until its end. */
  function* rowsOf(header: readonly string[]): Generator<TableRow> {
    for (;;) {
      for (const r of pending) {
        if (r.issues) throw new XlsxStreamDeclined('a cell the table reader reports');
        if (r.header) throw new XlsxStreamDeclined('a second header');
        const cells = r.cells;
        while (cells.length < header.length) cells.push('');
        yield markNumeric({ row: r.row, cells }, r.numeric);
      }
      pending = [];
      const ev = next();
      if (ev === undefined) return;
      if (ev.type === 'end') return checkEnd(ev);
      pending = ev.rows;
    }
  }
  for (;;) {
    // Pass over what the consumer left of the previous sheet.
    while (sheetOpen) {
      pending = [];
      const ev = next();
      if (ev === undefined) return;
      if (ev.type === 'end') checkEnd(ev);
      else if (ev.rows.some((r) => r.issues)) throw new XlsxStreamDeclined('a cell the table reader reports');
    }
    const ev = next();
    if (ev === undefined) return;
    if (ev.type === 'end') {
      checkEnd(ev);
      continue;
    }
    sheetOpen = true;
    const [first, ...rest] = ev.rows;
    if (!first?.header || first.issues) throw new XlsxStreamDeclined('a header the table reader reports');
    pending = rest;
    const header = first.cells;
    let used = false;
    const source: RowSource = {
      file,
      sheet: ev.sheet,
      header,
      headerRow: first.row,
      rows: {
        [Symbol.iterator]() {
          if (used) throw new XlsxStreamDeclined('rows read twice');
          used = true;
          return rowsOf(header);
        },
      },
    };
    yield source;
  }
}
