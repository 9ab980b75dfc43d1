/**
 * Reading tables from text or bytes: the one shape every reader produces (a header and rows of
 * text cells, with their spreadsheet row numbers), so every format is checked by the same code.
 */
import { parseCsvTable } from '../table/csv.js';
import { decodeUtf8 } from '../table/files.js';
import type { Table } from '../table/table.js';
import { badArgument, checkKeys, optionalString } from './args.js';

/** Options of {@link parseCsv}. */
export interface ParseCsvOptions {
  /** The file's name, for error messages. */
  file?: string;
}

/**
 * Reads CSV text or UTF-8 bytes (with or without a BOM; `,`, `;` or tab delimited, guessed from
 * the header line; LF, CRLF or CR line ends) into a table. Non-UTF-8 bytes are a located
 * `bad-encoding` error.
 *
 * @example
 * const evidence = parseCsv(await file.text(), { file: file.name });
 */
export function parseCsv(input: string | Uint8Array, options: ParseCsvOptions = {}): Table {
  const o = checkKeys(options, ['file'], 'options');
  const file = optionalString(o.file, 'options.file');
  if (input instanceof Uint8Array) return parseCsvTable(decodeUtf8(input, file ?? 'CSV'), { file });
  if (typeof input !== 'string') throw badArgument('input', input, 'csv-input');
  return parseCsvTable(input, { file });
}

export type { Table };
