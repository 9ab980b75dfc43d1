/** Test helpers: build xlsx workbooks with exceljs in a temp folder. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type ExcelJSDefault from 'exceljs';
import { loadExcelJS } from '../../src/xlsx/load-exceljs.js';
import type { Table } from '../../src/table/table.js';

/** A fresh temp folder. */
export function tempDir(prefix = 'parindex-xlsx-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A sheet to write: its rows (first = header) and optional sheet state. */
export interface SheetSpec {
  name: string;
  rows: unknown[][];
  state?: 'visible' | 'hidden' | 'veryHidden';
  /** Called after the rows are added, to merge cells, set formulas … */
  edit?: (ws: ExcelJSDefault.Worksheet) => void;
}

/** Writes a workbook with exceljs (the in-memory writer) and returns its path. */
export async function writeWorkbook(path: string, sheets: SheetSpec[]): Promise<string> {
  const ExcelJS = await loadExcelJS();
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name, s.state ? { state: s.state } : {});
    for (const r of s.rows) ws.addRow(r);
    s.edit?.(ws);
  }
  await wb.xlsx.writeFile(path);
  return path;
}

/** A table's rows as arrays (header first) — e.g. to write a CSV table into a sheet. */
export function tableRows(t: Table): string[][] {
  return [t.header, ...t.rows.map((r) => r.cells)];
}

/** Rows of a CSV-read table as sheet values: number-looking cells become numeric cells. */
export function asSheetValues(rows: string[][], numericColumns: number[]): unknown[][] {
  return rows.map((r, i) => (i === 0 ? r : r.map((c, j) => (numericColumns.includes(j) && /^[+-]?\d+(\.\d+)?$/.test(c) ? Number(c) : c === '' ? null : c))));
}
