/**
 * Scoring SIPAS from raw survey forms (docs/spec.md §5), from what is in memory or streamed in:
 * responses are read by the byte tokenizer into per-unit counters, so memory does not grow with
 * the number of forms; then every unit's figures are computed exactly and ranked. Files (CSV,
 * xlsx, JSON by path) and the csv-parse reader are `src/node/sipas-file.ts`'s.
 */
import type { Units } from '../criteria/units.js';
import type { TieMode } from '../criteria/settings.js';
import { type Table, writtenCells } from '../table/table.js';
import type { RoundingMode } from '../numbers/exact.js';
import type { SurveyCounts } from './counts.js';
import type { SipasDefinition } from './definition.js';
import { FormIngest } from './ingest.js';
import { surveyResultFromCounts, type SipasResult } from './result.js';
import type { ProgressCallback } from './source.js';
import { ResponsesTokenizer } from './tokenizer.js';

/** Options of SIPAS scoring. */
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
  /** Delimiter; default: guessed from the header line (`,` `;` or tab). */
  delimiter?: string;
  /** File name used in errors (default: the path, for a path source). */
  file?: string;
  /** Progress by bytes read. */
  onProgress?: ProgressCallback;
  /** Stop after this many problems (default 100). */
  maxIssues?: number;
}

/** The ingest of one responses table or file. */
export function ingestOf(definition: SipasDefinition, opts: SurveyOptions, file?: string, sheet?: string): FormIngest {
  return new FormIngest(definition, { file, sheet, unitIds: opts.units?.list.map((u) => u.id), skipBadRows: opts.skipBadRows, maxIssues: opts.maxIssues });
}

/** Counts the forms of a table already in memory (xlsx sheet, JSON rows, parsed CSV). */
export function countSurveyTable(definition: SipasDefinition, table: Table, opts: SurveyOptions = {}): SurveyCounts {
  const ingest = ingestOf(definition, opts, opts.file ?? table.file, table.sheet);
  ingest.setHeader(table.header, table.headerRow);
  for (const r of table.rows) ingest.addRecord(r.cells, r.row, false, writtenCells(r));
  return ingest.finish();
}

/**
 * Counts the forms of CSV given as byte chunks (a stream, an iterable, or the bytes cut into
 * chunks) with the byte tokenizer: memory does not grow with the number of forms. Throws a
 * {@link ParIndexError} listing bad values, unknown units and malformed CSV.
 */
export async function countSurveyChunks(definition: SipasDefinition, chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, opts: SurveyOptions = {}): Promise<SurveyCounts> {
  const ingest = ingestOf(definition, opts, opts.file);
  const tokenizer = new ResponsesTokenizer(ingest, opts.delimiter);
  for await (const chunk of chunks) tokenizer.push(chunk);
  tokenizer.end();
  return ingest.finish();
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
  tokenizer.push(typeof csv === 'string' ? new TextEncoder().encode(csv) : csv);
  tokenizer.end();
  return surveyResultFromCounts(definition, ingest.finish(), opts);
}
