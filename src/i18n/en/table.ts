/** English messages of src/table/. Keys are `code` or `code/variant`; params are the issue's structured values. */
import type { Fragment } from '../catalogue.js';

/**
 * Which table a header or a row problem is in: the `what` param of the column and row messages
 * (`bindColumns`, `readRows`). Each catalogue words it.
 */
export type TableWhat = 'framework' | 'units file' | 'evidence file' | 'wide evidence table' | 'survey results file' | 'settings sheet' | 'survey definition' | 'responses file' | 'result file';

const WHAT: Record<TableWhat, string> = {
  framework: 'framework',
  'units file': 'units file',
  'evidence file': 'evidence file',
  'wide evidence table': 'wide evidence table',
  'survey results file': 'survey results file',
  'settings sheet': 'settings sheet',
  'survey definition': 'survey definition',
  'responses file': 'responses file',
  'result file': 'result file',
};

/** The English words for a table kind (a `what` param). */
export const tableWhat = (what: TableWhat): string => WHAT[what] ?? what;

/** What a JSON value is, as the `type` param of the JSON messages says it. */
export type JsonType = 'null' | 'array' | 'number' | 'object' | 'string' | 'boolean' | 'undefined' | 'bigint' | 'symbol' | 'function';

const A_TYPE: Record<JsonType, string> = {
  null: 'null',
  array: 'an array',
  number: 'a number',
  object: 'an object',
  string: 'a string',
  boolean: 'a boolean',
  undefined: 'a undefined',
  bigint: 'a bigint',
  symbol: 'a symbol',
  function: 'a function',
};

const UTF8 = 'UTF-8 text (in Excel: Save As → "CSV UTF-8")';
const CSV = 'comma-, semicolon- or tab-separated text with balanced quotes';
const NOT_CSV = 'the file is not valid CSV';

export const table = {
  'unknown-format': { message: () => 'unknown file type', expected: () => '.csv (also .txt, .tsv), .json or .xlsx (also .xlsm)' },
  'bad-encoding/utf-16': { message: () => 'the file is UTF-16 text', expected: () => UTF8 },
  'bad-encoding/not-utf-8': { message: () => 'the file is not UTF-8 text (another encoding, such as Windows-1258?)', expected: () => UTF8 },

  'bad-csv': { message: (p: { detail: string }) => `${NOT_CSV}: ${p.detail}`, expected: (_: { detail: string }) => CSV },
  'bad-csv/quote-not-closed': { message: () => `${NOT_CSV}: a quote is never closed`, expected: () => CSV },
  'bad-csv/text-after-quote': { message: (p: { field: number }) => `${NOT_CSV}: text after a closing quote on field ${p.field}`, expected: (_: { field: number }) => CSV },
  'bad-csv/quote-in-unquoted': { message: (p: { field: number }) => `${NOT_CSV}: a quote inside unquoted field ${p.field}`, expected: (_: { field: number }) => CSV },
  'empty-file': { message: () => 'the file is empty', expected: () => 'a header row' },

  'too-many-cells/csv': {
    message: (p: { cells: number; width: number; last: string }) =>
      `the row has ${p.cells} cells but the header has ${p.width} columns: a value right of the last column${p.last ? ` (${p.last})` : ''} (an unquoted decimal comma such as 5,5, or a delimiter in an unquoted cell?)`,
    expected: (p: { cells: number; width: number; last: string }) => `at most ${p.width} cells per row, as in the header (quote a cell that holds the delimiter: "5,5")`,
  },
  'too-many-cells/sheet': {
    message: (p: { column: string; last: string }) => `a value in column ${p.column}, right of the header's last column${p.last ? ` (${p.last})` : ''}, has no column name`,
    expected: (_: { column: string; last: string }) => 'a header for that column, or an empty cell',
  },
  'too-many-problems/long-rows': { message: (p: { more: number }) => `and ${p.more} more row${p.more === 1 ? '' : 's'} with a value right of the header's last column` },

  'bad-json/long-number': {
    message: (p: { number: string; limit: number }) => `the number ${p.number} is too long to write out (more than ${p.limit} digits)`,
    expected: (_: { number: string; limit: number }) => 'a number such as 12.5',
  },
  'bad-json/array-cell': {
    message: (p: { list: boolean }) => `an array where a cell value is expected${p.list ? ' (groups may be an array of texts)' : ''}`,
    expected: (p: { list: boolean }) => `text, a number, true/false or null${p.list ? ', or an array of texts' : ''}`,
  },
  'bad-json/not-array': { message: () => 'expected an array of rows', expected: () => 'a JSON array of objects' },
  'bad-json/row-not-object': { message: (p: { type: JsonType }) => `a row is ${A_TYPE[p.type] ?? p.type}, not an object`, expected: (_: { type: JsonType }) => 'an object with named fields' },
  'bad-json/duplicate-key': {
    message: (p: { key: string; line: number; column: number }) => `the key "${p.key}" is written twice in one object, with different values (line ${p.line}, column ${p.column})`,
    expected: (_: { key: string; line: number; column: number }) => 'each key once in an object',
  },
  'bad-json/syntax': {
    message: (p: { detail: string; line?: number; column?: number }) => `the file is not valid JSON: ${p.detail}${p.line !== undefined ? ` (line ${p.line}, column ${p.column})` : ''}`,
    expected: (_: { detail: string; line?: number; column?: number }) => 'JSON text',
  },

  'ambiguous-column': {
    message: (p: { what: TableWhat; field: string; columns: string }) => `two columns of the ${tableWhat(p.what)} match "${p.field}" (${p.columns})`,
    expected: (p: { what: TableWhat; field: string; columns: string }) => `one column for "${p.field}"`,
  },
  'missing-column': {
    message: (p: { what: TableWhat; field: string; aliases: string }) => `the ${tableWhat(p.what)} has no "${p.field}" column`,
    expected: (p: { what: TableWhat; field: string; aliases: string }) => `a header "${p.field}"${p.aliases ? ` (or ${p.aliases})` : ''}`,
  },
  'unknown-column': {
    message: (p: { what: TableWhat; column: string; suggestion?: string; fields: string; free: string }) => `unknown column "${p.column}" in the ${tableWhat(p.what)}${p.suggestion ? `; did you mean "${p.suggestion}"?` : ''}`,
    expected: (p: { what: TableWhat; column: string; suggestion?: string; fields: string; free: string }) => `one of ${p.fields} (or a free column: ${p.free})`,
  },
} satisfies Fragment;
