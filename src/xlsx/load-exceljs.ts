/**
 * Loading exceljs on demand. exceljs is large and CommonJS; importing it at start-up would cost the
 * CLI ~200 ms, so every spreadsheet function calls {@link loadExcelJS} inside its body. Under ESM
 * the module arrives as `{ default: exports }`, under the CJS build as the exports themselves.
 */
import type * as ExcelJSNamespace from 'exceljs';

/** The exceljs module's exports. */
export type ExcelJSModule = typeof ExcelJSNamespace;

/** exceljs's streaming workbook writer (its class). */
export type WorkbookWriterClass = ExcelJSModule['stream']['xlsx']['WorkbookWriter'];

let cached: Promise<ExcelJSModule> | undefined;

/** Imports exceljs once (dynamic import; `mod.default ?? mod` for its CommonJS shape). */
export function loadExcelJS(): Promise<ExcelJSModule> {
  cached ??= import('exceljs').then((mod) => (mod as unknown as { default?: ExcelJSModule }).default ?? (mod as unknown as ExcelJSModule));
  return cached;
}

/** Where exceljs keeps its streaming writer (exceljs has no `exports` map: its files may be required). */
const WRITER_MODULE = 'exceljs/lib/stream/xlsx/workbook-writer.js';

/**
 * exceljs's streaming `WorkbookWriter`, or undefined where exceljs has none (its browser build).
 * Under Node its module alone is required (~90 ms with what it needs) rather than all of exceljs
 * (~280 ms: the reader, unzipper, the CSV and model code a writer never runs) — found through
 * `process.getBuiltinModule` (Node 20.16 and later), so that bundlers for the browser see no Node
 * module and no such path; elsewhere — the browser, an older Node — or when that fails, it comes
 * from the whole module.
 */
export async function loadWorkbookWriter(): Promise<WorkbookWriterClass | undefined> {
  try {
    const nodeModule = (globalThis as { process?: { getBuiltinModule?(id: string): unknown } }).process?.getBuiltinModule?.('node:module') as { createRequire?(from: string): (id: string) => unknown } | undefined;
    if (typeof nodeModule?.createRequire === 'function') {
      const writer = nodeModule.createRequire(import.meta.url)(WRITER_MODULE);
      if (typeof writer === 'function') return writer as WorkbookWriterClass;
    }
  } catch {
    // not resolvable from here (a bundle that moved exceljs): the whole module below
  }
  return (await loadExcelJS()).stream?.xlsx?.WorkbookWriter;
}
