/**
 * Writing CSV safely for spreadsheets: RFC 4180 quoting, and cells that a spreadsheet would run as
 * a formula (starting with `=`, `+`, `-`, `@`, tab or CR) prefixed with `'` — except plain numbers
 * such as `-1.5` (or `-1,5`), which are written unchanged. Optional UTF-8 BOM so Excel reads
 * Vietnamese text. The `vi` CSV style ({@link csvDialect}) puts `;` between cells and writes decimal
 * commas, as Excel in a Vietnamese locale reads them.
 */
import type { Lang } from '../i18n/lang.js';
import type { NumberStyle } from '../i18n/number-style.js';
import { isDecimalText } from '../numbers/decimal-text.js';
import type { CsvStyle, Presentation } from './presentation.js';

/**
 * Makes one cell safe to open in a spreadsheet (formula injection), leaving numbers unchanged: a
 * formula character at the start, or right after a `;`, `,` or tab inside the cell (where an Excel
 * that splits on another delimiter than this file's would start a new cell), gets a `'` before it.
 */
export function neutralizeFormula(cell: string): string {
  if (cell === '' || isDecimalText(cell) || isDecimalText(cell, { decimalComma: true })) return cell;
  const inner = cell.replace(/([;,\t])(?=[=+\-@])/g, "$1'");
  return /^[=+\-@\t\r]/.test(inner) ? `'${inner}` : inner;
}

/**
 * Quotes a cell when it holds a delimiter — any of `,`, `;` and tab, whatever this file's delimiter,
 * since Excel in a Vietnamese (or any decimal-comma) locale splits a CSV on `;`: an unquoted
 * `x;=cmd|…` would become a formula cell there — a quote or a line break.
 */
export function quoteCsvCell(cell: string, delimiter = ','): string {
  return cell.includes(delimiter) || /[",;\t\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** Options for {@link toCsv}. */
export interface CsvWriteOptions {
  /** Start with a UTF-8 byte order mark (for Excel). */
  bom?: boolean;
  /** Delimiter (default `,`). */
  delimiter?: string;
  /** Protect against formula injection (default true). */
  safe?: boolean;
}

/** Options of a CSV renderer: how it is written, its language and number style, and the CSV style. */
export interface CsvOutputOptions extends CsvWriteOptions, Presentation {
  /** `vi`: `;` between cells and decimal commas (unless `delimiter` says otherwise); `en` (default): `,` and the number style. */
  csvStyle?: CsvStyle;
}

/** How a CSV renderer writes: the writer's options, the headers' language and the numbers' style. */
export function csvDialect(o: CsvOutputOptions = {}): { write: CsvWriteOptions; lang: Lang; numberStyle: NumberStyle } {
  const vi = o.csvStyle === 'vi';
  return { write: { bom: o.bom, safe: o.safe, delimiter: o.delimiter ?? (vi ? ';' : ',') }, lang: o.lang ?? 'vi', numberStyle: vi ? 'vi' : (o.numberStyle ?? 'en') };
}

/** Serializes rows (header first) as CSV text with CRLF line ends. */
export function toCsv(rows: readonly (readonly (string | number | null | undefined)[])[], opts: CsvWriteOptions = {}): string {
  const d = opts.delimiter ?? ',';
  const safe = opts.safe ?? true;
  const lines = rows.map((r) =>
    r
      .map((v) => {
        const text = v === null || v === undefined ? '' : String(v);
        return quoteCsvCell(safe ? neutralizeFormula(text) : text, d);
      })
      .join(d),
  );
  return (opts.bom ? '\ufeff' : '') + lines.join('\r\n') + '\r\n';
}
