/**
 * CSV reading with csv-parse: UTF-8 with or without BOM, `,` `;` or tab as delimiter (guessed from
 * the header line), quoted cells with line breaks. Row numbers are record numbers as a spreadsheet
 * shows them (header = 1). A row with a non-blank cell right of the header's last non-blank cell
 * (`a,1.1,4,5,5`: an unquoted decimal comma) is a located `too-many-cells` error, never read short.
 */
import { parse } from 'csv-parse/sync';
import { type Issue, ParIndexError, problem } from '../errors.js';
import { csvRecordsLazily, splitCsvFast } from './csv-fast.js';
import { extraCellAt, MAX_ROW_ISSUES, makeTable, moreRowsIssue, type RowSource, type Table, tableRow, tooManyCellsIssue } from './table.js';

/** Text without a leading UTF-8 byte order mark. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * The csv-parse options shared by every CSV reader: rows may have fewer or more cells than the header
 * (checked later, with locations), blank lines are kept (they are dropped as blank rows), and LF,
 * CRLF and CR all end a record, even mixed in one file (csv-parse would otherwise take the first
 * line end it meets as the only one and read the others as cell text, gluing rows together).
 */
export function csvParseOptions(delimiter: string) {
  return { delimiter, relax_column_count: true, skip_empty_lines: false, record_delimiter: ['\r\n', '\n', '\r'] };
}

/**
 * Guesses the delimiter from the first record (up to the first line end outside quotes): the most
 * frequent of `,` `;` and tab outside quotes.
 */
export function guessDelimiter(text: string): string {
  const counts: Record<string, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (ch === '\n' || ch === '\r') break;
    else if (ch in counts) counts[ch]++;
  }
  let best = ',';
  for (const d of [';', '\t']) if (counts[d] > counts[best]) best = d;
  return best;
}

/**
 * The message of a csv-parse error: its common faults from the catalogues (a quote never closed,
 * text after a closing quote, a quote inside an unquoted cell; `field` counted from 1), anything
 * else with csv-parse's own words.
 */
function csvParseProblem(err: { message?: string; code?: string; column?: number }, e: unknown) {
  const field = typeof err.column === 'number' ? err.column + 1 : undefined;
  if (err.code === 'CSV_QUOTE_NOT_CLOSED') return problem('bad-csv/quote-not-closed');
  if (field !== undefined && (err.code === 'CSV_INVALID_CLOSING_QUOTE' || err.code === 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE')) return problem('bad-csv/text-after-quote', { field });
  if (field !== undefined && err.code === 'INVALID_OPENING_QUOTE') return problem('bad-csv/quote-in-unquoted', { field });
  return problem('bad-csv', { detail: err.message ?? String(e) });
}

/** Parses CSV text into a {@link Table}. Throws {@link ParIndexError} on malformed CSV. */
export function parseCsvTable(text: string, source: { file?: string } = {}): Table {
  const body = stripBom(text);
  let records: string[][];
  try {
    const delimiter = guessDelimiter(body);
    // The fast splitter reads well-formed files; anything else goes to csv-parse (the reference).
    records = splitCsvFast(body, delimiter) ?? (parse(body, csvParseOptions(delimiter)) as string[][]);
  } catch (e) {
    // csv-parse counts records read before the bad one; lines would count the line breaks inside
    // quoted cells too, while rows here are records (header = 1).
    const err = e as { message?: string; lines?: number; records?: number; code?: string; column?: number };
    throw new ParIndexError({
      file: source.file,
      row: typeof err.records === 'number' ? err.records + 1 : typeof err.lines === 'number' ? err.lines : undefined,
      ...csvParseProblem(err, e),
    });
  }
  if (records.length === 0) {
    throw new ParIndexError({ file: source.file, ...problem('empty-file') });
  }
  const header = records[0];
  // The rows as makeTable makes them, each straight from its record (record i is row i + 1).
  const table = makeTable(header, [], source);
  for (let i = 1; i < records.length; i++) {
    const row = tableRow(i + 1, records[i], header.length);
    if (row) table.rows.push(row);
  }
  table.lineCells = header.length;
  let width = table.header.length;
  while (width > 0 && table.header[width - 1] === '') width--;
  const long = new LongRows(table);
  for (let i = 1; i < records.length; i++) {
    const cells = records[i];
    if (cells.length <= width) continue;
    const col = extraCellAt(cells, width);
    if (col >= 0) long.add(i + 1, col, cells[col], cells.length);
  }
  long.throwIfAny();
  return table;
}

/** The rows found with a value right of the header's last column: the first {@link MAX_ROW_ISSUES} listed, the rest counted. */
class LongRows {
  private readonly issues: Issue[] = [];
  private more = 0;
  constructor(private readonly source: { file?: string; sheet?: string; header: readonly string[] }) {}
  add(row: number, col: number, value: string, cells: number): void {
    if (this.issues.length < MAX_ROW_ISSUES) this.issues.push(tooManyCellsIssue(this.source, row, col, value, cells, 'csv'));
    else this.more++;
  }
  throwIfAny(): void {
    if (this.issues.length === 0) return;
    throw new ParIndexError(this.more > 0 ? [...this.issues, moreRowsIssue(this.source, this.more)] : this.issues);
  }
}

/**
 * CSV text as a {@link RowSource} whose rows are split as they are iterated, one at a time: a file
 * of a million evidence rows is never held as a table (only its text). Rows are the same as
 * {@link parseCsvTable}'s (trimmed, padded, blank rows dropped, numbered as records); a file the
 * fast splitter leaves to csv-parse is read whole by {@link parseCsvTable}, and so are the errors.
 * Rows with a value right of the header's last column are found before any row is given (the
 * splitter's first walk over the text notes them) and refused together, as by {@link parseCsvTable}.
 */
export function csvRowSource(text: string, source: { file?: string } = {}): RowSource {
  const body = stripBom(text);
  // The walk that checks the text notes the long rows (it slices only their first extra cell).
  const long: { record: number; col: number; value: string; cells: number }[] = [];
  const delimiter = guessDelimiter(body);
  const records = csvRecordsLazily(body, delimiter, {
    width: 0,
    found(record, col, value, cells) {
      long.push({ record, col, value, cells });
    },
  });
  const first = records?.[Symbol.iterator]().next();
  if (!records || !first || first.done) return parseCsvTable(text, source);
  const header = first.value.map((h) => h.trim());
  const width = header.length;
  if (long.length > 0) {
    const rows = new LongRows({ file: source.file, header });
    for (const l of long) rows.add(l.record + 1, l.col, l.value, l.cells);
    rows.throwIfAny();
  }
  return {
    file: source.file,
    header,
    lineCells: first.value.length,
    text: { body, delimiter },
    rows: {
      *[Symbol.iterator]() {
        let n = 0;
        for (const cells of records) {
          if (n++ === 0) continue; // the header
          const row = tableRow(n, cells, width);
          if (row) yield row;
        }
      },
    },
  };
}
