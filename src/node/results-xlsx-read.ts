/**
 * Reading a results workbook (as `parindex score --format xlsx` writes it) back into tables for
 * `parindex compare`: every visible sheet whose header row (within its first 10 rows) has a unit
 * and an index column is a league sheet; other sheets (summaries, notes, the audit) are skipped
 * after their first rows. The workbook is streamed by the shared reader (`xlsx-read.ts`), so a
 * million-row audit sheet is never held; hidden sheets are never read. Cells are read by the shared
 * xlsx cell reader: numbers as their shortest round-trip text, padded to the decimals their number
 * format shows (`89.8` in a `0.00` cell is the printed `89.80`), formulas by their saved result.
 */
import { ParIndexError, problem } from '../errors.js';
import { fieldNames, foldHeader } from '../table/headers.js';
import { RESULT_FIELDS } from '../analysis/result-file.js';
import type { Table } from '../table/table.js';
import { readWorkbookSheetTables } from './xlsx-read.js';

const UNIT = fieldNames(RESULT_FIELDS[0]);
const INDEX = fieldNames(RESULT_FIELDS[3]);

/** Rows searched for a league sheet's header. */
const HEADER_WITHIN = 10;

/** True for a league sheet's header: it has a unit and an index column. */
function isLeagueHeader(cells: readonly string[]): boolean {
  const folded = cells.map(foldHeader);
  return folded.some((h) => UNIT.has(h)) && folded.some((h) => INDEX.has(h));
}

/** Reads the league sheets of a results workbook as tables (header row and spreadsheet row numbers kept). */
export async function readResultWorkbookTables(path: string): Promise<Table[]> {
  const { tables, sheets } = await readWorkbookSheetTables(path, {
    header: { accept: isLeagueHeader, within: HEADER_WITHIN },
    cell: { formatDecimals: true },
    book: 'results',
  });
  if (tables.length === 0) {
    throw new ParIndexError({ file: path, ...problem('no-results-sheet', { within: HEADER_WITHIN }), value: sheets.join(', ') });
  }
  return tables;
}
