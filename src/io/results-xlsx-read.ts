/**
 * Reading a results workbook (as `parindex score --format xlsx` writes it) back into tables for
 * `parindex compare`: every sheet whose header row (within its first 10 rows) has a unit and an
 * index column is a league sheet; other sheets (summaries, notes) are skipped. Cells are read by the
 * shared xlsx cell reader: numbers as their shortest round-trip text (89.83 stays "89.83"),
 * formulas by their saved result. exceljs is loaded only here, on demand.
 */
import { IssueList, ParIndexError } from '../errors.js';
import { foldHeader } from './headers.js';
import { RESULT_FIELDS } from './results-read.js';
import { columnLetter, makeTable, type Table } from './table.js';
import { exceljsCellText, isCellValueProblem } from './xlsx-cell.js';
import { loadExcelJS } from './xlsx-load.js';

const names = (f: (typeof RESULT_FIELDS)[number]) => new Set<string>([f.name, ...f.aliases].map(foldHeader));
const UNIT = names(RESULT_FIELDS[0]);
const INDEX = names(RESULT_FIELDS[3]);

/** Reads the league sheets of a results workbook as tables (header row and spreadsheet row numbers kept). */
export async function readResultWorkbookTables(path: string): Promise<Table[]> {
  const ExcelJS = await loadExcelJS();
  const wb = new ExcelJS.Workbook();
  const issues = new IssueList();
  try {
    await wb.xlsx.readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new ParIndexError({ file: path, code: code === 'ENOENT' ? 'file-not-found' : 'bad-xlsx', message: code === 'ENOENT' ? 'the file does not exist' : `the file is not a readable xlsx workbook (${(e as Error).message})`, expected: 'an .xlsx workbook written by parindex score --format xlsx' });
  }
  const tables: Table[] = [];
  for (const ws of wb.worksheets) {
    // Cell texts of a row; an unreadable cell (error, formula without a saved result) is reported.
    const rowTexts = (r: number, header?: string[]): string[] => {
      const cells: string[] = [];
      ws.getRow(r).eachCell({ includeEmpty: true }, (cell, col) => {
        const t = exceljsCellText(cell);
        if (isCellValueProblem(t)) {
          if (header) issues.add({ file: path, sheet: ws.name, row: r, column: header[col - 1] || undefined, columnLetter: columnLetter(col - 1), code: t.code, message: t.message, value: t.value, expected: t.expected });
          cells[col - 1] = '';
        } else cells[col - 1] = t.trim();
      });
      return Array.from(cells, (c) => c ?? '');
    };
    let headerRow = 0;
    for (let r = 1; r <= Math.min(10, ws.rowCount); r++) {
      const folded = rowTexts(r).map(foldHeader);
      if (folded.some((h) => UNIT.has(h)) && folded.some((h) => INDEX.has(h))) {
        headerRow = r;
        break;
      }
    }
    if (!headerRow) continue;
    const header = rowTexts(headerRow);
    const rows: { row: number; cells: string[] }[] = [];
    for (let r = headerRow + 1; r <= ws.rowCount; r++) rows.push({ row: r, cells: rowTexts(r, header) });
    tables.push(makeTable(header, rows, { file: path, sheet: ws.name }));
  }
  issues.throwIfAny();
  if (tables.length === 0) {
    throw new ParIndexError({ file: path, code: 'no-results-sheet', message: 'no sheet of the workbook has a unit and an index column', value: wb.worksheets.map((w) => w.name).join(', '), expected: 'league sheets as parindex score --format xlsx writes them' });
  }
  return tables;
}
