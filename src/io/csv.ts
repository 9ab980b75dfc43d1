/**
 * CSV reading with csv-parse: UTF-8 with or without BOM, `,` `;` or tab as delimiter (guessed from
 * the header line), quoted cells with line breaks. Row numbers are record numbers as a spreadsheet
 * shows them (header = 1).
 */
import { parse } from 'csv-parse/sync';
import { ParIndexError } from '../errors.js';
import { splitCsvFast } from './csv-fast.js';
import { makeTable, type Table } from './table.js';

/** Guesses the delimiter from the first line: the most frequent of `,` `;` and tab outside quotes. */
export function guessDelimiter(text: string): string {
  const nl = text.indexOf('\n');
  const line = nl < 0 ? text : text.slice(0, nl);
  const counts: Record<string, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch in counts) counts[ch]++;
  }
  let best = ',';
  for (const d of [';', '\t']) if (counts[d] > counts[best]) best = d;
  return best;
}

/** Parses CSV text into a {@link Table}. Throws {@link ParIndexError} on malformed CSV. */
export function parseCsvTable(text: string, source: { file?: string } = {}): Table {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let records: string[][];
  try {
    const delimiter = guessDelimiter(body);
    // The fast splitter reads well-formed files; anything else goes to csv-parse (the reference).
    records =
      splitCsvFast(body, delimiter) ??
      (parse(body, {
        delimiter,
        relax_column_count: true,
        skip_empty_lines: false,
      }) as string[][]);
  } catch (e) {
    const err = e as { message?: string; lines?: number; record?: number };
    throw new ParIndexError({
      file: source.file,
      row: typeof err.lines === 'number' ? err.lines : undefined,
      code: 'bad-csv',
      message: `the file is not valid CSV: ${err.message ?? String(e)}`,
      expected: 'comma-, semicolon- or tab-separated text with balanced quotes',
    });
  }
  if (records.length === 0) {
    throw new ParIndexError({ file: source.file, code: 'empty-file', message: 'the file is empty', expected: 'a header row' });
  }
  const [header, ...rest] = records;
  return makeTable(
    header,
    rest.map((cells, i) => ({ row: i + 2, cells })),
    source,
  );
}
