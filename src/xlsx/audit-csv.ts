/**
 * The results workbook's audit as CSV (`parindex score --format xlsx --audit csv`): the very rows of
 * the `Chi tiết chấm điểm` sheet — every (unit, applicable leaf) with its inputs, status, points
 * and evidence — for a round whose audit passes Excel's row limit. Written in pieces into a sink
 * (the CLI's atomic file), so 1.27 million rows never sit in memory as one text. Headers in the
 * language asked for; `csvStyle: 'vi'` puts `;` between cells and decimal commas; cells that a
 * spreadsheet would run as a formula are neutralized, as in every CSV parindex writes.
 */
import type { InputMatrix } from '../criteria/inputs.js';
import { styleNumber } from '../i18n/number-style.js';
import { numberToDecimalText } from '../numbers/decimal-text.js';
import { type CsvOutputOptions, csvDialect, neutralizeFormula, quoteCsvCell } from '../report/csv-write.js';
import type { PublishOptions } from '../report/results-model.js';
import type { ScoreResult } from '../scoring/score.js';
import { AUDIT_COLUMNS, type AuditRow, auditRowBatches } from './results-workbook.js';

/** Where the CSV text goes, in order. */
export interface TextSink {
  /** Takes the next text. */
  write(text: string): void;
  /** Resolves when the sink has taken what was written so far. */
  ready(): Promise<void>;
}

/** Options of {@link writeAuditCsv}: the CSV's style and BOM, the language, league names, a progress feed. */
export interface AuditCsvOptions extends CsvOutputOptions, Pick<PublishOptions, 'labels'> {
  /** Called as rows are written: units done of the total. */
  progress?: (done: number, total: number) => void;
}

/** Rows between two waits for the sink. */
const BATCH_ROWS = 16_384;

/** A text a spreadsheet might run as a formula (the only cells {@link neutralizeFormula} changes). */
const MAYBE_FORMULA = /^[=+\-@\t\r]|[;,\t][=+\-@]/;

/** One audit row as a CSV line (no line end). */
function csvLine(row: readonly (string | number | null)[], delimiter: string, numberStyle: CsvOutputOptions['numberStyle']): string {
  let line = '';
  for (let i = 0; i < row.length; i++) {
    const v = row[i];
    if (i > 0) line += delimiter;
    if (v === null) continue;
    if (typeof v === 'number') {
      const t = numberToDecimalText(v);
      line += numberStyle === 'vi' ? quoteCsvCell(styleNumber(t, numberStyle), delimiter) : t;
    } else line += quoteCsvCell(MAYBE_FORMULA.test(v) ? neutralizeFormula(v) : v, delimiter);
  }
  return line;
}

function lines(batch: readonly AuditRow[], delimiter: string, numberStyle: CsvOutputOptions['numberStyle']): string {
  let text = '';
  for (const r of batch) text += csvLine(r, delimiter, numberStyle) + '\r\n';
  return text;
}

/**
 * Writes the audit of `result` as CSV into `sink`, unit by unit, waiting for the sink every few
 * thousand rows. The rows are those of the workbook's audit sheet (`auditRowBatches`).
 */
export async function writeAuditCsv(result: ScoreResult, inputs: InputMatrix, o: AuditCsvOptions, sink: TextSink): Promise<void> {
  const d = csvDialect(o);
  const delimiter = d.write.delimiter ?? ',';
  sink.write((d.write.bom ? '\ufeff' : '') + csvLine(AUDIT_COLUMNS[d.lang], delimiter, d.numberStyle) + '\r\n');
  const total = result.units.length;
  let units = 0;
  let rows = 0;
  o.progress?.(0, total);
  for (const batch of auditRowBatches(result, inputs, { labels: o.labels, lang: d.lang })) {
    sink.write(lines(batch, delimiter, d.numberStyle));
    rows += batch.length;
    units++;
    if (rows >= BATCH_ROWS) {
      rows = 0;
      o.progress?.(units, total);
      await sink.ready();
    }
  }
  o.progress?.(total, total);
  await sink.ready();
}
