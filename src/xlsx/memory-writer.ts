/**
 * A workbook writer for runtimes whose exceljs has no streaming `WorkbookWriter` — the browser build
 * (`dist/exceljs.min.js`, what bundlers resolve through exceljs's `browser` field) exports only the
 * ordinary `Workbook`. {@link MemoryBookWriter} offers the surface parindex's workbook builders use
 * (`addWorksheet` with its options, sheets with `addRow`/`columns`/`autoFilter`/`mergeCells`/
 * `dataValidations`/`protect`/`commit`, rows with `getCell`/`eachCell`/`font`/`commit`, the
 * workbook's `creator`/`created`/`modified`, `commit` and the output buffer `stream.read()`) over an
 * ordinary `Workbook`, written with `xlsx.writeBuffer()` once committed. The whole workbook lives in
 * memory, which a browser tab's round (tens of thousands of rows at most) affords.
 * `buildWorkbookBytes` uses it only when the streaming writer is missing.
 */
import type ExcelJS from 'exceljs';
import type { ExcelJSModule } from './load-exceljs.js';

/** The writer's output buffer, read once the workbook is committed (as exceljs's StreamBuf is). */
class OutputBuffer {
  #bytes: Uint8Array | null = null;

  /** @internal Set by `commit`. */
  put(bytes: Uint8Array): void {
    this.#bytes = bytes;
  }

  /** The whole workbook once committed (null before, and after it was read). */
  read(): Uint8Array | null {
    const b = this.#bytes;
    this.#bytes = null;
    return b;
  }
}

/** An in-memory stand-in for exceljs's streaming `WorkbookWriter` (see the module comment). */
export class MemoryBookWriter {
  readonly #wb: ExcelJS.Workbook;
  readonly #options: { useStyles: boolean; useSharedStrings: boolean };
  /** The output buffer, as the streaming writer's `stream`. */
  readonly stream = new OutputBuffer();

  constructor(ExcelJSLib: ExcelJSModule, options: { useStyles?: boolean; useSharedStrings?: boolean } = {}) {
    this.#wb = new ExcelJSLib.Workbook();
    this.#options = { useStyles: options.useStyles ?? true, useSharedStrings: options.useSharedStrings ?? true };
  }

  get creator(): string | undefined {
    return this.#wb.creator;
  }
  set creator(v: string | undefined) {
    this.#wb.creator = v as string;
  }
  get created(): Date {
    return this.#wb.created;
  }
  set created(v: Date) {
    this.#wb.created = v;
  }
  get modified(): Date {
    return this.#wb.modified;
  }
  set modified(v: Date) {
    this.#wb.modified = v;
  }

  /** A sheet of the ordinary workbook, with the streaming sheet's `commit()` (nothing to flush here). */
  addWorksheet(name: string, options?: Partial<ExcelJS.AddWorksheetOptions>): ExcelJS.Worksheet & { commit(): void } {
    const ws = this.#wb.addWorksheet(name, options) as ExcelJS.Worksheet & { commit(): void };
    ws.commit = () => {};
    return ws;
  }

  /** Writes the workbook into {@link stream}. */
  async commit(): Promise<void> {
    const buffer = await this.#wb.xlsx.writeBuffer(this.#options as ExcelJS.XlsxWriteOptions);
    const b = buffer as unknown as ArrayBuffer | Uint8Array;
    this.stream.put(b instanceof Uint8Array ? new Uint8Array(b.buffer, b.byteOffset, b.byteLength) : new Uint8Array(b));
  }
}
