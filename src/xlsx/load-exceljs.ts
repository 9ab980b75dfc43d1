/**
 * Loading exceljs on demand. exceljs is large and CommonJS; importing it at start-up would cost the
 * CLI ~200 ms, so every spreadsheet function calls {@link loadExcelJS} inside its body. Under ESM
 * the module arrives as `{ default: exports }`, under the CJS build as the exports themselves.
 */
import type * as ExcelJSNamespace from 'exceljs';

/** The exceljs module's exports. */
export type ExcelJSModule = typeof ExcelJSNamespace;

let cached: Promise<ExcelJSModule> | undefined;

/** Imports exceljs once (dynamic import; `mod.default ?? mod` for its CommonJS shape). */
export function loadExcelJS(): Promise<ExcelJSModule> {
  cached ??= import('exceljs').then((mod) => (mod as unknown as { default?: ExcelJSModule }).default ?? (mod as unknown as ExcelJSModule));
  return cached;
}
