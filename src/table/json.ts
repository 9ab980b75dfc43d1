/**
 * JSON inputs as tables: an array of objects (one per row) becomes a table whose header is the union
 * of keys in order of appearance. Numbers become their shortest round-trip text, never float math.
 */
import { ParIndexError } from '../errors.js';
import { numberToDecimalText } from '../numbers/decimal-text.js';
import { stripBom } from './csv.js';
import { makeTable, type Table } from './table.js';

/** Text of a JSON cell value: strings as is, numbers by round-trip text, booleans as `true`/`false`. */
export function jsonCellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return numberToDecimalText(v);
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (Array.isArray(v)) return v.map(jsonCellText).join(';');
  return JSON.stringify(v);
}

/**
 * Turns an array of row objects into a {@link Table}. Row numbers count the header as row 1, so the
 * first object is row 2 (as if the array were a sheet).
 */
export function jsonRowsToTable(rows: unknown, source: { file?: string; sheet?: string } = {}): Table {
  if (!Array.isArray(rows)) {
    throw new ParIndexError({ ...source, code: 'bad-json', message: 'expected an array of rows', value: typeof rows, expected: 'a JSON array of objects' });
  }
  const header: string[] = [];
  const seen = new Set<string>();
  rows.forEach((r, i) => {
    if (r === null || typeof r !== 'object' || Array.isArray(r)) {
      throw new ParIndexError({ ...source, row: i + 2, code: 'bad-json', message: 'a row is not an object', value: JSON.stringify(r), expected: 'an object with named fields' });
    }
    for (const k of Object.keys(r)) if (!seen.has(k)) seen.add(k), header.push(k);
  });
  return makeTable(
    header,
    rows.map((r, i) => ({ row: i + 2, cells: header.map((h) => jsonCellText((r as Record<string, unknown>)[h])) })),
    source,
  );
}

/** Parses JSON text, naming the file and the position on a syntax error. */
export function parseJsonText(text: string, source: { file?: string } = {}): unknown {
  const body = stripBom(text);
  try {
    return JSON.parse(body);
  } catch (e) {
    throw new ParIndexError({ file: source.file, code: 'bad-json', message: `the file is not valid JSON: ${(e as Error).message}`, expected: 'JSON text' });
  }
}
