/**
 * Scoring SIPAS from raw survey forms (docs/spec.md §5). Responses are read as a stream — by the byte
 * tokenizer (default for CSV) or csv-parse — into per-unit counters, so memory does not grow with
 * the number of forms; then every unit's figures are computed exactly and ranked.
 */
import type { Units } from '../criteria/units.js';
import type { TieMode } from '../criteria/settings.js';
import { formatOf, loadTable } from '../io/files.js';
import type { Table } from '../io/table.js';
import type { RoundingMode } from '../numbers/exact.js';
import type { SurveyCounts } from './counts.js';
import { ingestWithCsvParse } from './csv-stream.js';
import type { SipasDefinition } from './definition.js';
import { FormIngest } from './ingest.js';
import { surveyResultFromCounts, type SipasResult } from './result.js';
import { chunksOf, type ProgressCallback, type ResponsesSource } from './source.js';
import { ResponsesTokenizer } from './tokenizer.js';

/** How responses CSV is split into cells. */
export type ResponsesReader = 'tokenizer' | 'csv-parse';

/** Options of {@link scoreSurvey}. */
export interface SurveyOptions {
  /** Units file: only its units are accepted, leagues come from its rankGroup, units without forms are listed. */
  units?: Units;
  /** Drop forms holding a bad value (counted in forms, invalid and skipped) instead of stopping. */
  skipBadRows?: boolean;
  /** Decimals at output (default 2). */
  decimals?: number;
  /** Rounding at output (default half-up). */
  rounding?: RoundingMode;
  /** Tie handling in ranks (default competition). */
  ties?: TieMode;
  /** CSV reader (default `tokenizer`, the fast path; `csv-parse` is the general one). */
  reader?: ResponsesReader;
  /** Delimiter; default: guessed from the header line (`,` `;` or tab). */
  delimiter?: string;
  /**
   * Format of a path source: `csv` or `xlsx` (streamed) or `json` (read whole, as a table). Default:
   * from the extension as for every input (`.csv`/`.txt`/`.tsv`, `.xlsx`/`.xlsm`, `.json`; any other
   * is an `unknown-format` error); a stream or bytes are CSV.
   */
  format?: 'csv' | 'xlsx' | 'json';
  /** File name used in errors (default: the path, for a path source). */
  file?: string;
  /** Progress by bytes read. */
  onProgress?: ProgressCallback;
  /** Stop after this many problems (default 100). */
  maxIssues?: number;
}

function ingestOf(definition: SipasDefinition, opts: SurveyOptions, file?: string, sheet?: string): FormIngest {
  return new FormIngest(definition, { file, sheet, unitIds: opts.units?.list.map((u) => u.id), skipBadRows: opts.skipBadRows, maxIssues: opts.maxIssues });
}

/** Counts the forms of a table already in memory (xlsx sheet, JSON rows, parsed CSV). */
export function countSurveyTable(definition: SipasDefinition, table: Table, opts: SurveyOptions = {}): SurveyCounts {
  const ingest = ingestOf(definition, opts, opts.file ?? table.file, table.sheet);
  ingest.setHeader(table.header, table.headerRow);
  for (const r of table.rows) ingest.addRecord(r.cells, r.row);
  return ingest.finish();
}

/**
 * Counts the forms of an xlsx workbook's `responses` sheet, streamed row by row (constant memory).
 * A cell holding an error value in a column the reading uses (form, unit, a question) is a located
 * problem, or with `skipBadRows` drops its form; in any other column it is ignored, as in CSV.
 */
async function countWorkbookResponses(definition: SipasDefinition, path: string, opts: SurveyOptions): Promise<SurveyCounts> {
  const { iterateWorkbookRows } = await import('../io/xlsx-read.js');
  const ingest = ingestOf(definition, opts, opts.file ?? path);
  for await (const r of iterateWorkbookRows(path, 'responses', { cellIssues: 'attach' })) {
    ingest.setSheet(r.sheet);
    if (r.header) {
      ingest.setHeader(r.cells, r.row);
      continue;
    }
    const bad = r.issues ? ingest.cellIssuesInUse(r.issues) : [];
    if (bad.length && !ingest.skipBadRows) ingest.addIssues(bad);
    ingest.addRecord(r.cells, r.row, bad.length > 0);
  }
  return ingest.finish();
}

/**
 * Reads responses into per-unit counters without scoring them (what `parindex check` runs).
 * Throws a {@link ParIndexError} listing bad values, unknown units and malformed CSV.
 */
export async function countSurveyResponses(definition: SipasDefinition, source: ResponsesSource, opts: SurveyOptions = {}): Promise<SurveyCounts> {
  const path = typeof source === 'string' ? source : undefined;
  const format = opts.format ?? (path ? formatOf(path) : 'csv');
  if (format !== 'csv') {
    if (!path) throw new TypeError(`scoreSurvey: ${format} responses must be given as a file path`);
    if (format === 'xlsx') return countWorkbookResponses(definition, path, opts);
    return countSurveyTable(definition, await loadTable(path, 'responses'), opts);
  }
  const ingest = ingestOf(definition, opts, opts.file ?? path);
  const { chunks } = chunksOf(source, { onProgress: opts.onProgress, reuse: opts.reader !== 'csv-parse' });
  if (opts.reader === 'csv-parse') {
    await ingestWithCsvParse(ingest, chunks, opts.delimiter);
  } else {
    const tokenizer = new ResponsesTokenizer(ingest, opts.delimiter);
    for await (const chunk of chunks) tokenizer.push(chunk);
    tokenizer.end();
  }
  return ingest.finish();
}

/**
 * Scores SIPAS from raw survey forms. `source` is a path (CSV and `.xlsx` streamed; `.json` read whole),
 * a Readable or any (async) iterable of chunks, or the file's bytes. Memory for CSV does not grow
 * with the number of forms. Throws a {@link ParIndexError} on bad input (every problem located:
 * file, row, column).
 */
export async function scoreSurvey(definition: SipasDefinition, source: ResponsesSource, opts: SurveyOptions = {}): Promise<SipasResult> {
  const counts = await countSurveyResponses(definition, source, opts);
  return surveyResultFromCounts(definition, counts, opts);
}

/** Scores SIPAS from a responses table in memory (synchronous; any reader's {@link Table}). */
export function scoreSurveyTable(definition: SipasDefinition, table: Table, opts: SurveyOptions = {}): SipasResult {
  return surveyResultFromCounts(definition, countSurveyTable(definition, table, opts), opts);
}

/**
 * Scores SIPAS from responses CSV text or bytes in memory, synchronously, through the byte
 * tokenizer.
 */
export function scoreSurveyCsv(definition: SipasDefinition, csv: string | Uint8Array, opts: SurveyOptions = {}): SipasResult {
  const ingest = ingestOf(definition, opts, opts.file);
  const tokenizer = new ResponsesTokenizer(ingest, opts.delimiter);
  tokenizer.push(typeof csv === 'string' ? Buffer.from(csv, 'utf8') : csv);
  tokenizer.end();
  return surveyResultFromCounts(definition, ingest.finish(), opts);
}
