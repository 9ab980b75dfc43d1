/**
 * Loading round inputs from files by extension: `.csv` (csv-parse), `.json` (numbers read from
 * their source text: `src/table/json.ts`), `.xlsx` (the byte reader, loaded only when a workbook is
 * read). Every loader names the file in its errors.
 */
import { ParIndexError, problem } from '../errors.js';
import { readFileBytes } from './file-bytes.js';
import { buildFramework, parseFramework, type Framework } from '../criteria/framework.js';
import type { NumberTextOptions } from '../numbers/decimal-text.js';
import { buildUnits, type Units } from '../criteria/units.js';
import { decodeUtf8, formatOf, type TableKind } from '../table/files.js';
import { builtinTable } from './sample-files.js';
import { parseCsvTable } from '../table/csv.js';
import { jsonRowsToTable, parseJsonText, plainJsonNumbers } from '../table/json.js';
import type { Table } from '../table/table.js';

/** Reads a UTF-8 text file, turning a missing or unreadable file, one over the limit or another encoding into a located error. */
export async function readTextFile(path: string): Promise<string> {
  const bytes = await readFileBytes(path);
  try {
    return decodeUtf8(bytes, path);
  } catch (e) {
    // Longer than the longest string Node can make (the limit was raised past it).
    if (e instanceof RangeError) throw new ParIndexError({ file: path, ...problem('limit-exceeded/text-too-long', { size: bytes.length }) });
    throw e;
  }
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

/**
 * Loads a framework from CSV, JSON (`{settings, criteria}` or an array) or xlsx (`criteria` +
 * `settings` sheets); `opts` (`decimalComma`) applies to the text of `max` and `params`.
 */
export async function loadFramework(path: string, opts: NumberTextOptions = {}): Promise<Framework> {
  const file = path;
  switch (formatOf(path)) {
    case 'csv':
      return buildFramework(parseCsvTable(await readTextFile(path), { file }), {}, opts);
    case 'json':
      return parseFramework(withPlainSettings(parseJsonText(await readTextFile(path), { file })), { file }, opts);
    case 'xlsx': {
      const { tables, settings } = await readXlsx(path, 'criteria');
      const { parseSettingsTable } = await import('../criteria/settings.js');
      return buildFramework(tables[0], settings ? parseSettingsTable(settings) : {}, opts);
    }
  }
}

/**
 * A framework document with its `settings` values as JS values: a JSON number becomes a number
 * when that is exact (`2`, `2.0`), else its text (`2.0000000000000001`, which the settings check
 * refuses — never rounded to 2). The criteria rows keep their numbers' source text.
 */
function withPlainSettings(json: unknown): unknown {
  if (json === null || typeof json !== 'object' || Array.isArray(json) || !Object.hasOwn(json, 'settings')) return json;
  return { ...(json as Record<string, unknown>), settings: plainJsonNumbers((json as { settings: unknown }).settings) };
}

/** Loads units from CSV, JSON or xlsx (sheet `units`), or a built-in sample's units by name (`hanoi-2021`). */
export async function loadUnits(path: string): Promise<Units> {
  return buildUnits(builtinTable(path, 'units') ?? (await loadTable(path, 'units')));
}
