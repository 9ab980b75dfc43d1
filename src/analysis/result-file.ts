/**
 * Reading result files back (for `parindex compare`): the JSON written by `parindex score --format
 * json`, the CSV written by `--format csv`, and the xlsx workbook written by `--format xlsx` (its
 * league sheets). Every format becomes a {@link Table} first, then one reader checks it: the index is
 * read exactly from its printed text (never through a float), the rank as a whole number.
 */
import { ParIndexError, IssueList, problem } from '../errors.js';
import { type NumberTextOptions, parseExact } from '../numbers/decimal-text.js';
import type { Exact } from '../numbers/exact.js';
import { bindColumns, type FieldSpec } from '../table/headers.js';
import { jsonRowsToTable } from '../table/json.js';
import { cellLocation, type Table } from '../table/table.js';
import { areaColumnsOf, readAreaCells, type ResultArea } from './result-areas.js';

/** One unit as a result file printed it. */
export interface ResultRecord {
  /** Unit id. */
  unit: string;
  /** Name ('' when the file has none). */
  name: string;
  /** League ('' when the file has none). */
  rankGroup: string;
  /** The printed index, read exactly; null where the file has none. */
  index: Exact | null;
  /** The index text as printed. */
  indexText: string | null;
  /** Rank; null where none. */
  rank: number | null;
  /** Source row (header = 1; for JSON the first unit is row 2). */
  row: number;
  /** Points per area code, where the file printed them (`areas` in JSON, area columns in CSV and xlsx). */
  areas?: Map<string, ResultArea>;
}

/** A result file read back. */
export interface ResultFile {
  /** File name as given. */
  file?: string;
  /** Units in file order. */
  units: ResultRecord[];
  /** Most decimals any index was printed with. */
  decimals: number;
  /** True when every table of the file has area points (see {@link ResultRecord.areas}). */
  hasAreas?: boolean;
}

/** Columns read from a results table, with the headers other tools and councils use. */
export const RESULT_FIELDS = [
  { name: 'unit', aliases: ['id', 'mã đơn vị', 'ma don vi', 'đơn vị', 'don vi'], required: true },
  { name: 'name', aliases: ['tên', 'tên đơn vị', 'ten don vi'] },
  { name: 'rankGroup', aliases: ['league', 'khối', 'khoi'] },
  { name: 'index', aliases: ['chỉ số', 'chi so', 'chỉ số cchc', 'par index', 'parindex'], required: true },
  { name: 'rank', aliases: ['xếp hạng', 'xep hang', 'thứ hạng', 'thu hang', 'hạng'] },
] as const satisfies readonly FieldSpec[];

function decimalsOf(text: string): number {
  // The text parsed as a number: its one `.` or (under --decimal-comma) `,` is the decimal separator.
  const dot = Math.max(text.indexOf('.'), text.indexOf(','));
  return dot < 0 ? 0 : text.length - dot - 1;
}

/**
 * Reads result rows from tables (one per league sheet, or one for JSON/CSV). Blank index or rank
 * cells (or `null`, `—`) mean none. Every bad cell and every unit listed twice is reported together.
 */
export function readResultTables(tables: readonly Table[], opts: NumberTextOptions = {}): ResultFile {
  const issues = new IssueList();
  const units: ResultRecord[] = [];
  const seen = new Map<string, ResultRecord>();
  let decimals = 0;
  let hasAreas = tables.length > 0;
  for (const table of tables) {
    const cols = bindColumns(table, RESULT_FIELDS, issues, 'result file');
    if (cols.unit < 0 || cols.index < 0) continue;
    const areaCols = areaColumnsOf(table);
    if (!areaCols) hasAreas = false;
    const cell = (cells: string[], c: number) => (c >= 0 ? (cells[c] ?? '').trim() : '');
    const none = (t: string) => t === '' || t === 'null' || t === '—' || t === '-';
    for (const { row, cells } of table.rows) {
      const unit = cell(cells, cols.unit);
      const at = (c: number) => cellLocation(table, row, c);
      if (unit === '') {
        issues.add({ ...at(cols.unit), ...problem('bad-value/result-unit'), value: '' });
        continue;
      }
      const indexText = cell(cells, cols.index);
      let bad = false;
      let index: Exact | null = null;
      if (!none(indexText)) {
        const x = parseExact(indexText, opts);
        if (x) {
          index = x;
          decimals = Math.max(decimals, decimalsOf(indexText));
        } else {
          bad = true;
          issues.add({ ...at(cols.index), ...problem('bad-number/result-index', { unit }), value: indexText });
        }
      }
      const rankText = cell(cells, cols.rank);
      let rank: number | null = null;
      if (!none(rankText)) {
        if (/^\d+$/.test(rankText) && Number(rankText) >= 1) rank = Number(rankText);
        else {
          bad = true;
          issues.add({ ...at(cols.rank), ...problem('bad-number/result-rank', { unit }), value: rankText });
        }
      }
      const areas = areaCols ? readAreaCells(table, row, cells, areaCols, unit, issues, opts) : undefined;
      if (areaCols && !areas) bad = true;
      if (bad) continue;
      const prev = seen.get(unit);
      if (prev) {
        issues.add({ ...at(cols.unit), ...problem('duplicate-unit/result', { unit, first: prev.row }), value: unit });
        continue;
      }
      const rec: ResultRecord = { unit, name: cell(cells, cols.name), rankGroup: cell(cells, cols.rankGroup), index, indexText: index ? indexText : null, rank, row };
      if (areas) rec.areas = areas;
      seen.set(unit, rec);
      units.push(rec);
    }
  }
  issues.throwIfAny();
  return { file: tables[0]?.file, units, decimals, ...(hasAreas ? { hasAreas } : {}) };
}

/**
 * Reads a result JSON document (`{"units": [...], ...}` as `parindex score --format json` writes
 * it). The first unit object counts as row 2, as if `units` were a sheet.
 */
export function parseResultJson(json: unknown, source: { file?: string } = {}): ResultFile {
  const units = json && typeof json === 'object' && !Array.isArray(json) ? (json as { units?: unknown }).units : undefined;
  if (!Array.isArray(units)) {
    throw new ParIndexError({ ...source, ...problem('bad-json/not-result'), value: Array.isArray(json) ? 'an array' : typeof json });
  }
  // A SIPAS result (`parindex sipas --format json`) has units with forms and nodes: its index is a
  // satisfaction index, never to be compared with a PAR INDEX as if it were one.
  const sipasUnit = units.find((u) => u !== null && typeof u === 'object' && 'forms' in u && 'nodes' in u);
  if (sipasUnit !== undefined) throw new ParIndexError({ ...source, ...problem('bad-json/sipas-result'), value: String((sipasUnit as { unit?: unknown }).unit ?? '') });
  return readResultTables([jsonRowsToTable(units, source)]);
}
