/**
 * Loading round inputs from files by extension: `.csv` (csv-parse), `.json`, `.xlsx` (exceljs,
 * loaded only when a workbook is read). Every loader names the file in its errors.
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { buildFramework, parseFramework, type Framework } from '../criteria/framework.js';
import { buildUnits, type Units } from '../criteria/units.js';
import { ParIndexError } from '../errors.js';
import { parseCsvTable } from './csv.js';
import { jsonRowsToTable, parseJsonText } from './json.js';
import type { Table } from './table.js';

/** The kinds of table a file may hold; xlsx readers pick the sheet by this name. */
export type TableKind = 'criteria' | 'units' | 'evidence' | 'survey' | 'questions' | 'responses';

/** File formats read by extension. */
export type FileFormat = 'csv' | 'json' | 'xlsx';

/** Format of a file from its extension; throws a located error for an unknown one. */
export function formatOf(path: string): FileFormat {
  const ext = extname(path).slice(1).toLowerCase();
  if (ext === 'csv' || ext === 'txt' || ext === 'tsv') return 'csv';
  if (ext === 'json') return 'json';
  if (ext === 'xlsx' || ext === 'xlsm') return 'xlsx';
  throw new ParIndexError({ file: path, code: 'unknown-format', message: 'unknown file type', value: ext ? `.${ext}` : '(no extension)', expected: '.csv (also .txt, .tsv), .json or .xlsx (also .xlsm)' });
}

/** Turns a missing or unreadable file into a located error. */
export function fileReadError(path: string, e: unknown): ParIndexError {
  const code = (e as NodeJS.ErrnoException).code;
  return new ParIndexError({
    file: path,
    code: code === 'ENOENT' ? 'file-not-found' : 'unreadable-file',
    message: code === 'ENOENT' ? 'the file does not exist' : `the file cannot be read (${code ?? (e as Error).message})`,
    expected: 'a readable file',
  });
}

/** What a text file must be, as error messages say it. */
export const UTF8_EXPECTED = 'UTF-8 text (in Excel: Save As → "CSV UTF-8")';

/**
 * Decodes a text file's bytes as UTF-8. Text in another encoding would otherwise come through as
 * replacement characters in unit names and titles, so UTF-16 (Excel's "Unicode Text") and bytes
 * that are not UTF-8 (Windows-1258, Latin-1 exports) are located errors naming the first bad line.
 */
export function decodeUtf8(bytes: Uint8Array, path: string): string {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    throw new ParIndexError({ file: path, code: 'bad-encoding', message: 'the file is UTF-16 text', value: bytes[0] === 0xff ? 'UTF-16LE' : 'UTF-16BE', expected: UTF8_EXPECTED });
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const text = new TextDecoder('utf-8').decode(bytes);
    const at = text.indexOf('\uFFFD');
    const before = text.slice(0, Math.max(at, 0));
    const lines = before.split(/\r\n|\r|\n/);
    const row = lines.length; // the line of the first bad byte (a record, unless a quoted cell holds line breaks)
    const line = lines[row - 1] + text.slice(before.length).split(/\r\n|\r|\n/, 1)[0];
    throw new ParIndexError({ file: path, row, code: 'bad-encoding', message: 'the file is not UTF-8 text (another encoding, such as Windows-1258?)', value: line.slice(0, 60), expected: UTF8_EXPECTED });
  }
}

/** Reads a UTF-8 text file, turning a missing or unreadable file or another encoding into a located error. */
export async function readTextFile(path: string): Promise<string> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (e) {
    throw fileReadError(path, e);
  }
  return decodeUtf8(bytes, path);
}

/** Reads the sheet(s) of an xlsx file for one kind of table (exceljs loaded on demand). */
async function readXlsx(path: string, kind: TableKind): Promise<{ tables: Table[]; settings?: Table }> {
  const { readWorkbookTables } = await import('./xlsx-read.js');
  return readWorkbookTables(path, kind);
}

/** Reads one table of a kind from a CSV, JSON (array of rows) or xlsx file. */
export async function loadTable(path: string, kind: TableKind): Promise<Table> {
  const tables = await loadTables(path, kind);
  return tables[0];
}

/** Reads the tables of a kind from a file (an xlsx file may hold several evidence sheets). */
export async function loadTables(path: string, kind: TableKind): Promise<Table[]> {
  const file = path;
  switch (formatOf(path)) {
    case 'csv':
      return [parseCsvTable(await readTextFile(path), { file })];
    case 'json': {
      const json = parseJsonText(await readTextFile(path), { file });
      const rows = Array.isArray(json) ? json : (json as Record<string, unknown>)?.[kind];
      return [jsonRowsToTable(rows ?? json, { file })];
    }
    case 'xlsx':
      return (await readXlsx(path, kind)).tables;
  }
}

/** Loads a framework from CSV, JSON (`{settings, criteria}` or an array) or xlsx (`criteria` + `settings` sheets). */
export async function loadFramework(path: string): Promise<Framework> {
  const file = path;
  switch (formatOf(path)) {
    case 'csv':
      return buildFramework(parseCsvTable(await readTextFile(path), { file }));
    case 'json':
      return parseFramework(parseJsonText(await readTextFile(path), { file }), { file });
    case 'xlsx': {
      const { tables, settings } = await readXlsx(path, 'criteria');
      const { parseSettingsTable } = await import('../criteria/settings.js');
      return buildFramework(tables[0], settings ? parseSettingsTable(settings) : {});
    }
  }
}

/** Loads units from CSV, JSON or xlsx (sheet `units`). */
export async function loadUnits(path: string): Promise<Units> {
  return buildUnits(await loadTable(path, 'units'));
}
