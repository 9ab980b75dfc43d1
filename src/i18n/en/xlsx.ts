/** English messages of src/xlsx/ (the byte reader). Keys are `code` or `code/variant`; params are the issue's structured values. */
import type { Fragment } from '../catalogue.js';

/** What kind of workbook a read expects (the `expected` of `bad-xlsx` errors): any, or a results workbook. */
export type WorkbookKind = 'any' | 'results';

/** What a file that is not a zip archive is. */
export type NotZipKind = 'empty' | 'encrypted' | 'xls' | 'ole' | 'biff' | 'pdf' | 'gzip' | 'rar' | '7z' | 'excel-xml' | 'html' | 'xml' | 'text' | 'unknown';

/** What a zip archive without a workbook is. */
export type NotWorkbookKind = 'xlsb' | 'ods' | 'docx' | 'pptx' | 'numbers' | 'zip';

/** Why an XML part cannot be parsed (`detail`: the XML parser's own words, for `malformed`). */
export type XmlFault = 'not-utf-8' | 'cut-character' | 'malformed';

/** A table kind, or settings/instructions: what a sheet holds. */
export type SheetKindName = 'criteria' | 'units' | 'evidence' | 'survey' | 'questions' | 'responses' | 'settings' | 'instructions';

/** A limit of the byte reader (`limits.<name>`). */
export type LimitName = 'maxColumns' | 'maxRows' | 'maxCells' | 'maxSharedStrings' | 'maxBytes';

const ANY_BOOK = 'an .xlsx workbook (Excel 2007 or later; save .xls files as .xlsx)';
const BOOKS: Record<WorkbookKind, string> = { any: ANY_BOOK, results: 'an .xlsx workbook written by parindex score --format xlsx' };
const RESAVE = 'open it in Excel or LibreOffice and save it as .xlsx';

const NOT_ZIP: Record<NotZipKind, (start: string) => string> = {
  empty: () => 'the file is empty (0 bytes); the workbook was not saved or not copied completely',
  encrypted: () => 'the workbook is protected by a password to open (encrypted), so its cells cannot be read; open it in Excel, remove the password (File → Info → Protect Workbook → Encrypt with Password, clear it) and save it as .xlsx',
  xls: () => 'the file is an Excel 97–2003 workbook (.xls), which is not read; open it in Excel or LibreOffice and save it as .xlsx (Excel Workbook)',
  ole: () => `the file is an old Office document (an OLE compound file: .xls, .doc, …), not an .xlsx workbook; ${RESAVE}`,
  biff: () => `the file is an old Excel workbook (BIFF .xls), which is not read; ${RESAVE}`,
  pdf: () => 'the file is a PDF document, not a workbook; use the spreadsheet the PDF was made from, saved as .xlsx',
  gzip: () => 'the file is gzip-compressed, not an .xlsx workbook; decompress it first',
  rar: () => 'the file is a RAR archive, not an .xlsx workbook; extract the workbook from it first',
  '7z': () => 'the file is a 7-Zip archive, not an .xlsx workbook; extract the workbook from it first',
  'excel-xml': () => `the file is an Excel 2003 XML spreadsheet, not an .xlsx workbook; ${RESAVE}`,
  html: () => 'the file is an HTML page saved with a spreadsheet name (web systems often export "Excel" files this way), not an .xlsx workbook; open it in Excel and save it as .xlsx',
  xml: () => `the file is an XML document, not an .xlsx workbook (an .xlsx file is a zip archive); ${RESAVE}`,
  text: () => 'the file is plain text (perhaps CSV), not an .xlsx workbook; give it a .csv name to read it as CSV, or open it in Excel and save it as .xlsx',
  unknown: (start) => `the file is not a zip archive, so not an .xlsx workbook (it starts with bytes ${start}); ${RESAVE}`,
};

const NOT_WORKBOOK: Record<NotWorkbookKind, string> = {
  xlsb: 'it is an Excel binary workbook (.xlsb); open it in Excel and save it as .xlsx (Excel Workbook)',
  ods: 'it is an OpenDocument file (.ods, LibreOffice/OpenOffice); save it as .xlsx (File → Save As → Excel 2007-365)',
  docx: 'it is a Word document (.docx), not a workbook',
  pptx: 'it is a PowerPoint presentation (.pptx), not a workbook',
  numbers: 'it is an Apple Numbers file; export it to Excel (.xlsx)',
  zip: 'it is a zip archive without xl/workbook.xml (not a workbook, or a damaged one); open the workbook in Excel and save it as .xlsx',
};

/** An XML fault as `the … part is damaged: <fault>` words it. */
const XML_FAULTS: Record<XmlFault, (detail?: string) => string> = {
  'not-utf-8': () => 'its text is not valid UTF-8 (the file is damaged or was written by a faulty program)',
  'cut-character': () => 'its text ends in the middle of a character (the file is damaged)',
  malformed: (detail) => `its XML is malformed (${detail ?? ''})`,
};

const SHEET_KINDS: Record<SheetKindName, string> = {
  criteria: 'criteria',
  units: 'units',
  evidence: 'evidence',
  survey: 'survey',
  questions: 'questions',
  responses: 'responses',
  settings: 'settings',
  instructions: 'instructions',
};

/** Params of every `bad-xlsx` issue of a workbook read: what kind of workbook was expected. */
type Book = { book: WorkbookKind };
type Entry = Book & { path: string };
const book = (p: Book) => BOOKS[p.book] ?? ANY_BOOK;

/** Params of a `limit-exceeded` issue: the limit crossed (`limits.<limit>` raises it). */
type Limit = { limit: LimitName; max: number };
const STOPS = '; the read stops here';
/** The `--limit` key of each reader limit. */
export const LIMIT_FLAG: Record<LimitName, string> = { maxColumns: 'columns', maxRows: 'rows', maxCells: 'cells', maxSharedStrings: 'shared-strings', maxBytes: 'xlsx-bytes' };
const within = (p: { limit: LimitName }) => `a workbook within the reader's limits (if the file is genuine, raise it: --limit ${LIMIT_FLAG[p.limit]}=N; library: limits.${p.limit})`;

const DAMAGED_CELL = 'a cell as Excel writes it (the file is damaged or was written by a faulty program: open it in Excel or LibreOffice and save it again)';
const DAMAGED_SHEET = "; the sheet's XML is damaged or was written by a faulty program";
const SHEET_AS_EXCEL = 'a sheet as Excel writes it (open the file in Excel or LibreOffice and save it again)';

export const xlsx = {
  // The zip container (src/xlsx/zip.ts).
  'bad-xlsx/not-zip': { message: (p: Book & { kind: NotZipKind; start: string }) => NOT_ZIP[p.kind](p.start), expected: (p: Book & { kind: NotZipKind; start: string }) => book(p) },
  'bad-xlsx/duplicate-entry': { message: (p: Entry) => `the zip archive holds two entries named ${p.path}, so it is ambiguous which one is the workbook's`, expected: (p: Entry) => book(p) },
  'bad-xlsx/encrypted-entry': {
    message: (p: Entry) => `the zip entry ${p.path} is encrypted (a zip password), so it cannot be read; save the workbook again from Excel without a password`,
    expected: (p: Entry) => book(p),
  },
  'bad-xlsx/compression': {
    message: (p: Entry & { method: string }) => `the zip entry ${p.path} is compressed with ${p.method}, which is not supported (xlsx files use Deflate); open the workbook in Excel or LibreOffice and save it as .xlsx`,
    expected: (p: Entry & { method: string }) => book(p),
  },
  'bad-xlsx/entry-misplaced': { message: (p: Entry) => `the zip archive is damaged: the entry ${p.path} is not where its directory says`, expected: (p: Entry) => book(p) },
  'bad-xlsx/entry-truncated': {
    message: (p: Entry) => `the zip archive is truncated: the entry ${p.path} runs past the end of the file (the file was not copied or downloaded completely)`,
    expected: (p: Entry) => book(p),
  },
  'bad-xlsx/stored-sizes': { message: (p: Entry) => `the zip archive is damaged: the stored entry ${p.path} has two different sizes`, expected: (p: Entry) => book(p) },
  'bad-xlsx/inflates-too-much': {
    message: (p: Entry & { size: number }) => `the zip archive is damaged: the entry ${p.path} inflates to more than the ${p.size} bytes its directory gives`,
    expected: (p: Entry & { size: number }) => book(p),
  },
  'bad-xlsx/inflate-failed': {
    message: (p: Entry & { detail: string }) => `the zip archive is damaged: the entry ${p.path} cannot be decompressed (${p.detail})`,
    expected: (p: Entry & { detail: string }) => book(p),
  },
  'bad-xlsx/entry-size': {
    message: (p: Entry & { bytes: number; size: number }) => `the zip archive is damaged: the entry ${p.path} holds ${p.bytes} bytes, its directory says ${p.size}`,
    expected: (p: Entry & { bytes: number; size: number }) => book(p),
  },
  'bad-xlsx/crc': { message: (p: Entry) => `the zip archive is damaged: the entry ${p.path} fails its CRC check (the file was corrupted)`, expected: (p: Entry) => book(p) },
  'bad-xlsx/no-directory': {
    message: (_: Book) => 'the file starts like a zip archive but has no zip directory: it is truncated or damaged (not copied or downloaded completely); save it again from Excel',
    expected: (p: Book) => book(p),
  },
  'bad-xlsx/directory-past-end': {
    message: (_: Book) => 'the zip archive is truncated or damaged: its directory lies past the end of the file (not copied or downloaded completely)',
    expected: (p: Book) => book(p),
  },
  'bad-xlsx/directory-cut': { message: (_: Book) => 'the zip archive is damaged: its directory is cut short', expected: (p: Book) => book(p) },

  // The workbook's parts (src/xlsx/read.ts).
  'bad-xlsx/damaged-part': {
    message: (p: Entry & { fault: XmlFault; detail?: string }) => `the workbook's part ${p.path} is damaged: ${XML_FAULTS[p.fault](p.detail)}`,
    expected: (p: Entry & { fault: XmlFault; detail?: string }) => book(p),
  },
  'bad-xlsx/not-workbook': {
    message: (p: Book & { kind: NotWorkbookKind }) => `the file is not a readable xlsx workbook: ${NOT_WORKBOOK[p.kind]}`,
    expected: (p: Book & { kind: NotWorkbookKind }) => book(p),
  },
  'bad-xlsx/no-workbook-rels': {
    message: (p: Entry) => `the file is not a readable xlsx workbook: it has no ${p.path} (the list of the workbook's parts); it is damaged or was written by a faulty program`,
    expected: (p: Entry) => book(p),
  },
  'bad-xlsx/sheet-data-missing': { message: (_: Book) => 'the sheet is listed in the workbook but its data is missing', expected: (p: Book) => book(p) },
  'bad-xlsx/damaged-sheet': {
    message: (p: Book & { fault: XmlFault; detail?: string }) => `the sheet's XML is damaged: ${XML_FAULTS[p.fault](p.detail).replace(/^its /, '')}`,
    expected: (p: Book & { fault: XmlFault; detail?: string }) => book(p),
  },
  'empty-workbook': { message: () => 'the workbook has no worksheets', expected: () => 'an .xlsx workbook with at least one sheet' },
  'empty-sheet': { message: () => 'the sheet is empty', expected: () => 'a header row, then one row per record' },
  'merged-header': {
    message: (p: { ref: string }) => `header cells ${p.ref} are merged, so the columns under them have no names of their own`,
    expected: (_: { ref: string }) => 'one header cell per column, on one row (unmerge the header cells and name each column)',
  },
  'merged-header/streamed': {
    message: (p: { ref: string }) => `cells ${p.ref} are merged; merged cells are not read in a streamed sheet`,
    expected: (_: { ref: string }) => 'one value per cell (unmerge the cells, filling each one)',
  },
  'merged-cells/streamed': {
    message: (p: { ref: string }) => `cells ${p.ref} are merged; merged cells are not read in a streamed sheet`,
    expected: (_: { ref: string }) => 'one value per cell (unmerge the cells, filling each one)',
  },

  // Limits (src/xlsx/read.ts, sheet.ts).
  'limit-exceeded/bytes': {
    message: (p: Limit & { total: number; path: string }) => `the workbook's parts hold more than ${p.max} bytes uncompressed (${p.total} with ${p.path})${STOPS}`,
    expected: (p: Limit & { total: number; path: string }) => within(p),
  },
  'limit-exceeded/shared-strings': { message: (p: Limit) => `the workbook has more than ${p.max} shared strings${STOPS}`, expected: (p: Limit) => within(p) },
  'limit-exceeded/cells': { message: (p: Limit) => `the workbook has more than ${p.max} cells to read${STOPS}`, expected: (p: Limit) => within(p) },
  'limit-exceeded/cells-and-merges': { message: (p: Limit) => `the workbook has more than ${p.max} cells and merged ranges to read${STOPS}`, expected: (p: Limit) => within(p) },
  'limit-exceeded/merge-fill': { message: (p: Limit) => `the sheet's merged cells fill more than ${p.max} cells${STOPS}`, expected: (p: Limit) => within(p) },
  'limit-exceeded/row': { message: (p: Limit & { row: number }) => `row ${p.row} is past the last row allowed (${p.max})${STOPS}`, expected: (p: Limit & { row: number }) => within(p) },
  'limit-exceeded/column': {
    message: (p: Limit & { letter: string; column: number }) => `a cell is in column ${p.letter} (${p.column}), past the last column allowed (${p.max})${STOPS}`,
    expected: (p: Limit & { letter: string; column: number }) => within(p),
  },
  'limit-exceeded/merge-column': {
    message: (p: Limit & { ref: string }) => `the merged range ${p.ref} reaches past the last column allowed (${p.max})${STOPS}`,
    expected: (p: Limit & { ref: string }) => within(p),
  },
  'limit-exceeded/merge-row': {
    message: (p: Limit & { ref: string }) => `the merged range ${p.ref} reaches past the last row allowed (${p.max})${STOPS}`,
    expected: (p: Limit & { ref: string }) => within(p),
  },
  'limit-exceeded/too-big': {
    message: (p: { path: string; detail: string }) => `the part ${p.path} holds a text or list too large to read (${p.detail})${STOPS}`,
    expected: (_: { path: string; detail: string }) => 'a workbook as Excel writes it (a cell holds at most 32,767 characters)',
  },

  // A sheet's XML (src/xlsx/sheet.ts).
  'bad-xlsx/row-number': { message: (p: { row: string }) => `a row is numbered "${p.row}"${DAMAGED_SHEET}`, expected: (_: { row: string }) => SHEET_AS_EXCEL },
  'bad-xlsx/row-order': {
    message: (p: { row: number; previous: number }) => `row ${p.row} comes after row ${p.previous} in the sheet's XML (rows must be in order, each once)${DAMAGED_SHEET}`,
    expected: (_: { row: number; previous: number }) => SHEET_AS_EXCEL,
  },
  'bad-cell/date': {
    message: (p: { value: string }) => `the date cell holds "${p.value}", which is not an ISO 8601 date (YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS)`,
    expected: (_: { value: string }) => DAMAGED_CELL,
  },
  'bad-cell/reference': { message: (p: { ref: string }) => `the cell reference "${p.ref}" is not an A1 reference`, expected: (_: { ref: string }) => DAMAGED_CELL },
  'bad-cell/outside-row': { message: (p: { ref: string; row: number }) => `the cell ${p.ref} is written inside row ${p.row}`, expected: (_: { ref: string; row: number }) => DAMAGED_CELL },
  'bad-cell/twice': { message: (p: { ref: string }) => `the cell ${p.ref} is written twice in this row, so it has no single value`, expected: (_: { ref: string }) => DAMAGED_CELL },
  'bad-cell/type': { message: (p: { type: string }) => `the cell type t="${p.type}" is not an xlsx cell type`, expected: (_: { type: string }) => DAMAGED_CELL },
  'bad-cell/number': {
    message: (p: { value: string }) => `the number cell holds "${p.value}", which is not a number`,
    expected: (_: { value: string }) => 'a number as xlsx stores it (e.g. 12.5 or 1.5E-3); the file is damaged or was written by a faulty program',
  },
  'bad-cell/boolean': { message: (p: { value: string }) => `the boolean cell holds "${p.value}" (a boolean cell holds 1 or 0)`, expected: (_: { value: string }) => DAMAGED_CELL },
  'bad-cell/shared-index': {
    message: (p: { value: string }) => `the text cell refers to shared string "${p.value}", which is not an index (a whole number from 0)`,
    expected: (_: { value: string }) => DAMAGED_CELL,
  },
  'bad-cell/no-shared-strings': {
    message: (p: { index: number }) => `the text cell refers to shared string ${p.index}, but the workbook has no shared strings`,
    expected: (_: { index: number }) => DAMAGED_CELL,
  },
  'bad-cell/shared-range': {
    message: (p: { index: number; count: number }) => `the text cell refers to shared string ${p.index}, but the workbook has ${p.count} (0 to ${p.count - 1})`,
    expected: (_: { index: number; count: number }) => DAMAGED_CELL,
  },

  // Cell values (src/xlsx/cell-text.ts).
  'bad-number-cell': { message: () => 'the cell holds no finite number', expected: () => 'a number' },
  'error-cell/formula': {
    message: (p: { formula: string }) => `the formula =${p.formula} evaluates to an error`,
    expected: (_: { formula: string }) => 'a formula whose result is a value (fix the formula or type the value)',
  },
  'error-cell/formula-error': { message: (p: { formula: string; error: string }) => `the formula =${p.formula} evaluates to ${p.error}`, expected: (_: { formula: string; error: string }) => 'a formula whose result is a value' },
  'error-cell': { message: (p: { error: string }) => `the cell holds the error ${p.error}`, expected: (_: { error: string }) => 'a value' },
  'formula-without-value': {
    message: (p: { formula: string }) => `the formula ${p.formula ? `=${p.formula} ` : ''}has no saved result (the file was written by a program that does not calculate formulas)`,
    expected: (_: { formula: string }) => 'a value, or a formula with its result saved (open and save the file in Excel or LibreOffice)',
  },
  'bad-number-format': {
    message: (p: { number: string; format: string }) => `the cell holds ${p.number} in the number format ${p.format}, and which of the format's sections shows it cannot be told (so neither can whether it is a percentage)`,
    expected: (_: { number: string; format: string }) => 'a number format with a section for every value, e.g. 0.0% or [<1]0.0%;0.0 (or the General format)',
  },

  // Which sheet holds which table (src/xlsx/sheet-choice.ts).
  'ambiguous-sheet': {
    message: (p: { kind: SheetKindName; sheets: string; names: string }) => `two sheets hold the ${SHEET_KINDS[p.kind]} table (${p.sheets})`,
    expected: (p: { kind: SheetKindName; sheets: string; names: string }) => `one sheet named ${p.names}`,
  },
  'ambiguous-sheet/settings': { message: (p: { sheets: string }) => `two settings sheets (${p.sheets})`, expected: (_: { sheets: string }) => 'one sheet named "settings"' },
  'sheet-not-found': {
    message: (p: { kind: SheetKindName; names: string }) => `no sheet of the workbook holds the ${SHEET_KINDS[p.kind]} table`,
    expected: (p: { kind: SheetKindName; names: string }) => `a visible sheet named ${p.kind === 'evidence' ? 'or starting with ' : ''}${p.names}, or a workbook with a single sheet`,
  },
  'hidden-sheet': {
    message: (p: { kind: SheetKindName; sheet: string }) => `the ${SHEET_KINDS[p.kind]} sheet is hidden, and hidden sheets are not read`,
    expected: (p: { kind: SheetKindName; sheet: string }) => `a visible sheet (unhide "${p.sheet}" in Excel: right-click a sheet tab → Unhide)`,
  },
} satisfies Fragment;
