/**
 * Writing workbooks with exceljs's streaming `WorkbookWriter` (rows are committed as they are
 * written, so a large audit sheet never lives in memory as a workbook model), its parts deflated
 * into a byte sink as they come (`zip-out.ts`): the CLI's atomic file stream, or bytes collected for
 * the library's renderers. Helpers for the cells every parindex workbook shares:
 * number formats per `--decimals`, numbers that are exactly their output text, fitted widths.
 */
import type ExcelJS from 'exceljs';
import { numberToDecimalText } from '../numbers/decimal-text.js';
import type { Exact, RoundingMode } from '../numbers/exact.js';
import { ParIndexError, problem } from '../errors.js';
import { freezeClock } from './fixed-clock.js';
import { loadExcelJS, loadWorkbookWriter } from './load-exceljs.js';
import { MemoryBookWriter } from './memory-writer.js';
import { type ByteSink, ZipOut } from './zip-out.js';
import { concatBytes } from '../text/bytes.js';

export type { ByteSink };

/** exceljs's streaming workbook writer. */
export type BookWriter = ExcelJS.stream.xlsx.WorkbookWriter;

/** Excel's limit of rows per sheet. */
export const EXCEL_MAX_ROWS = 1_048_576;

/** Excel's limit of characters in one cell. */
export const EXCEL_MAX_CELL_CHARS = 32_767;

/**
 * Characters an xlsx file cannot hold (XML 1.0 forbids them): C0 controls other than tab, line feed
 * and carriage return, U+FFFE, U+FFFF and lone surrogates. exceljs would drop the controls without a
 * word and write the others into an invalid file.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters are what this refuses
const NOT_IN_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u;

/** Spreadsheet column letters of a 1-based column number: 1 → A, 28 → AB. */
function letters(n: number): string {
  let s = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

/**
 * Refuses a text an xlsx cell cannot hold — a character XML forbids, or more than Excel's 32,767
 * characters — with the sheet, row and column it was going to: a workbook parindex writes is never
 * invalid, and no cell is silently changed or cut. (Such text can come in through JSON or CSV;
 * the CSV and JSON outputs carry it whole.)
 */
export function checkCellText(text: string, where: { sheet: string; row: number; column: number }): void {
  const m = NOT_IN_XML.exec(text);
  const at = { sheet: where.sheet, row: where.row, columnLetter: letters(where.column) };
  if (m) {
    const code = (m[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
    throw new ParIndexError({ ...at, ...problem('cannot-write/xml-character', { char: `U+${code}` }), value: text });
  }
  if (text.length > EXCEL_MAX_CELL_CHARS) throw new ParIndexError({ ...at, ...problem('cannot-write/cell-too-long', { length: text.length, max: EXCEL_MAX_CELL_CHARS }), value: text });
}

/** A worksheet whose `addRow` checks every text it writes (see {@link checkCellText}). */
function guardRows(ws: ReturnType<BookWriter['addWorksheet']>, sheet: string): void {
  const addRow = ws.addRow.bind(ws);
  let next = 1;
  ws.addRow = ((values: unknown, style?: string) => {
    if (Array.isArray(values)) {
      values.forEach((v, i) => {
        if (typeof v === 'string') checkCellText(v, { sheet, row: next, column: i + 1 });
      });
    }
    const row = addRow(values as never, style);
    next = row.number + 1;
    return row;
  }) as typeof ws.addRow;
}

/** What a workbook builder gets besides the writer: backpressure, and whether rows may be written as raw XML. */
export interface WriteFlow {
  /**
   * Resolves when the output has caught up with the rows written so far (a long sheet awaits it
   * every few thousand rows, so neither the compressor's queue nor the file's grows without bound).
   */
  ready(): Promise<void>;
  /**
   * The sheets are exceljs's streaming sheets writing into {@link ZipOut} (not the in-memory
   * stand-in of a browser build): a long sheet may write its rows as XML itself (see
   * `results-workbook.ts`'s audit).
   */
  streamed: boolean;
}

/** A workbook builder: adds and commits its sheets. */
export type BuildWorkbook = (wb: BookWriter, flow: WriteFlow) => Promise<void> | void;

/** exceljs's streaming writer's internals replaced here (not in its typings). */
interface WriterInternals {
  zip: unknown;
  promise: Promise<unknown>;
  _openStream(path: string): unknown;
  _finalize(): Promise<unknown>;
  addThemes(): Promise<void>;
  addOfficeRels(): Promise<void>;
}

/**
 * Writes a workbook with exceljs's streaming writer into `sink`, part by part as it is built (see
 * `zip-out.ts`): the file is never whole in memory, nor is a sheet. Every row added with `addRow` is
 * checked by {@link checkCellText}; sheet names by {@link safeSheetName}. No clock reaches the bytes
 * ({@link freezeClock}, and every zip entry stamped with one fixed time), so the same inputs give
 * byte-identical files. Where exceljs has no streaming writer (its browser build), the workbook is
 * built in memory and its bytes written to `sink` at the end.
 */
export async function writeWorkbook(build: BuildWorkbook, sink: ByteSink): Promise<void> {
  const WorkbookWriter = await loadWorkbookWriter();
  if (!WorkbookWriter) {
    // exceljs's browser build has no streaming writer: the in-memory facade offers the same surface.
    const wb = new MemoryBookWriter(await loadExcelJS(), { useStyles: true, useSharedStrings: true }) as unknown as BookWriter;
    wb.creator = 'parindex';
    freezeClock(wb);
    guardSheets(wb);
    await build(wb, { ready: async () => {}, streamed: false });
    await wb.commit();
    const out = (wb as unknown as { stream: { read(): Uint8Array | null } }).stream.read();
    if (out?.length) sink.write(new Uint8Array(out.buffer, out.byteOffset, out.byteLength));
    return;
  }
  const wb = new WorkbookWriter({ useStyles: true, useSharedStrings: true });
  wb.creator = 'parindex';
  // No clock in the file: the same inputs give byte-identical workbooks.
  freezeClock(wb);
  // The parts go into our zip, straight to the sink (exceljs's own archiver keeps them in memory).
  // Its constructor already gave the theme and package relationships to its archiver: given again.
  const zip = new ZipOut(sink);
  const w = wb as unknown as WriterInternals;
  w.zip = {
    append: (data: string | Uint8Array, o: { name: string; base64?: boolean }) => {
      if (o.base64) throw new Error('parindex workbooks carry no base64 media');
      zip.add(o.name, data);
    },
  };
  w._openStream = (path: string) => zip.open(path);
  w._finalize = async () => {
    await zip.finish();
    return wb;
  };
  w.promise = Promise.all([w.addThemes(), w.addOfficeRels()]);
  guardSheets(wb);
  await build(wb, { ready: () => zip.ready(), streamed: true });
  await wb.commit();
}

/** Every sheet added to `wb` checks the text of its rows ({@link guardRows}). */
function guardSheets(wb: BookWriter): void {
  const addWorksheet = wb.addWorksheet.bind(wb);
  wb.addWorksheet = ((name: string, options?: Partial<ExcelJS.AddWorksheetOptions>) => {
    const ws = addWorksheet(name, options);
    guardRows(ws, name);
    return ws;
  }) as typeof wb.addWorksheet;
}

/**
 * Builds a workbook as {@link writeWorkbook} does and returns its bytes (for the library's
 * renderers, which return bytes; the CLI streams large workbooks to the file instead).
 */
export async function buildWorkbookBytes(build: BuildWorkbook): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  await writeWorkbook(build, {
    write(chunk) {
      chunks.push(chunk);
    },
  });
  return concatBytes(chunks);
}

/** The number format showing `decimals` places: `0`, `0.00`, `0.000`, … */
export function numFmtFor(decimals: number): string {
  return decimals > 0 ? `0.${'0'.repeat(decimals)}` : '0';
}

/**
 * A display number: the exact value rounded once, as the other output formats print it; the cell
 * holds the double nearest that decimal text, so Excel shows exactly the printed figure.
 */
export function roundedNumber(x: Exact | null, decimals: number, rounding: RoundingMode): number | null {
  return x === null ? null : Number(x.toFixed(decimals, rounding));
}

/**
 * An input value as a cell: a number when the double reads back as the very same decimal text
 * (true for every ordinary input), else the exact text (a cell must never show a different value).
 */
export function exactCell(text: string): number | string {
  const n = Number(text);
  return Number.isFinite(n) && numberToDecimalText(n) === text.replace(/^\+/, '') ? n : text;
}

/** Display width of a cell value in characters (Unicode NFC: a Vietnamese letter counts once). */
export function textWidth(v: unknown): number {
  if (v === null || v === undefined) return 0;
  const s = typeof v === 'number' ? String(v) : String(v).normalize('NFC');
  let w = 0;
  for (const line of s.split('\n')) w = Math.max(w, [...line].length);
  return w;
}

/**
 * Column widths fitted to the header and rows (the first `sample` rows; a wide column is capped at
 * `max` characters and wraps).
 */
export function fitWidths(header: readonly unknown[], rows: Iterable<readonly unknown[]>, opts: { min?: number; max?: number; sample?: number; numberWidth?: number } = {}): number[] {
  const min = opts.min ?? 6;
  const max = opts.max ?? 60;
  const sample = opts.sample ?? 5000;
  const widths = header.map((h) => textWidth(h));
  let n = 0;
  for (const r of rows) {
    if (n++ >= sample) break;
    r.forEach((v, i) => {
      const w = typeof v === 'number' ? Math.max(textWidth(v), opts.numberWidth ?? 0) : textWidth(v);
      if (w > (widths[i] ?? 0)) widths[i] = w;
    });
  }
  return widths.map((w) => Math.min(max, Math.max(min, w + 2)));
}

/** Characters Excel forbids in sheet names, and its 31-character limit. */
export function safeSheetName(name: string, taken: Set<string>): string {
  const base =
    name
      .replace(/[\\/?*[\]:]/g, '-')
      .replace(new RegExp(NOT_IN_XML.source, 'gu'), '')
      .replace(/^'+|'+$/g, '')
      .slice(0, 31) || 'Sheet';
  let candidate = base;
  for (let i = 2; taken.has(candidate.toLowerCase()); i++) {
    const suffix = ` (${i})`;
    candidate = base.slice(0, 31 - suffix.length) + suffix;
  }
  taken.add(candidate.toLowerCase());
  return candidate;
}
