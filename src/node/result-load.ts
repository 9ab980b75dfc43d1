/**
 * Reading a result file by path (for `parindex compare`): JSON, CSV or the results workbook,
 * each turned into tables and checked by `src/analysis/result-file.ts`.
 */
import { parseResultJson, readResultTables, type ResultFile } from '../analysis/result-file.js';
import { parseCsvTable } from '../table/csv.js';
import { formatOf } from '../table/files.js';
import { parseJsonText } from '../table/json.js';
import { readTextFile } from './files.js';

/**
 * Reads a result file by extension: `.json`, `.csv` or `.xlsx` (exceljs loaded only then).
 * `decimalComma`: the CSV's figures are written with a decimal comma (`--csv-style vi`), and a `.`
 * in them is an error; JSON and numeric xlsx cells are read with the point whatever it says.
 */
export async function loadResultFile(path: string, opts: { decimalComma?: boolean } = {}): Promise<ResultFile> {
  switch (formatOf(path)) {
    case 'json':
      return parseResultJson(parseJsonText(await readTextFile(path), { file: path }), { file: path });
    case 'csv':
      return readResultTables([parseCsvTable(await readTextFile(path), { file: path })], { decimalComma: opts.decimalComma });
    case 'xlsx': {
      const { readResultWorkbookTables } = await import('./results-xlsx-read.js');
      return readResultTables(await readResultWorkbookTables(path));
    }
  }
}
