/**
 * SIPAS from files and Node streams: a responses path (CSV read in large chunks from one file
 * handle, xlsx streamed row by row, JSON read whole), any stream or iterable of chunks, or bytes;
 * the byte tokenizer (default) or csv-parse (the general reader, kept as the reference in tests).
 * Memory for CSV does not grow with the number of forms.
 */
import { open } from 'node:fs/promises';
import type { SurveyCounts } from '../sipas/counts.js';
import type { SipasDefinition } from '../sipas/definition.js';
import { surveyResultFromCounts, type SipasResult } from '../sipas/result.js';
import { countSurveyChunks, countSurveyTable, ingestOf, type SurveyOptions } from '../sipas/score.js';
import { CHUNK_SIZE, chunksOf, type ProgressCallback, type ResponsesSource } from '../sipas/source.js';
import { fileReadError } from './file-errors.js';
import { loadTable } from './files.js';
import { formatOf } from '../table/files.js';
import { ingestWithCsvParse } from './sipas-csv-parse.js';

/** How responses CSV is split into cells. */
export type ResponsesReader = 'tokenizer' | 'csv-parse';

/** Options of {@link scoreSurvey}: those of the core, and the file-side ones. */
export interface SurveyFileOptions extends SurveyOptions {
  /** CSV reader (default `tokenizer`, the fast path; `csv-parse` is the general one). */
  reader?: ResponsesReader;
  /**
   * Format of a path source: `csv` or `xlsx` (streamed) or `json` (read whole, as a table). Default:
   * from the extension as for every input (`.csv`/`.txt`/`.tsv`, `.xlsx`/`.xlsm`, `.json`; any other
   * is an `unknown-format` error); a stream or bytes are CSV.
   */
  format?: 'csv' | 'xlsx' | 'json';
}

/** A responses path, or what the core reads. */
export type ResponsesFileSource = string | ResponsesSource;

/**
 * A file's chunks. With `reuse`, the file is read into one buffer over and over: each chunk is
 * valid only until the next one is asked for (the byte tokenizer copies what it keeps), so no
 * garbage piles up between collections.
 */
export async function* fileChunks(path: string, chunkSize: number, reuse: boolean, onProgress?: ProgressCallback): AsyncGenerator<Uint8Array> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (e) {
    throw fileReadError(path, e);
  }
  try {
    const total = (await handle.stat()).size;
    let read = 0;
    let buf = Buffer.allocUnsafe(chunkSize);
    for (;;) {
      if (!reuse && read > 0) buf = Buffer.allocUnsafe(chunkSize);
      const { bytesRead } = await handle.read(buf, 0, chunkSize, null);
      if (bytesRead === 0) break;
      read += bytesRead;
      yield bytesRead === chunkSize ? buf : buf.subarray(0, bytesRead);
      onProgress?.(read, total);
    }
  } finally {
    await handle.close();
  }
}

/**
 * Counts the forms of an xlsx workbook's `responses` sheet, streamed row by row (constant memory).
 * A cell holding an error value in a column the reading uses (form, unit, a question) is a located
 * problem, or with `skipBadRows` drops its form; in any other column it is ignored, as in CSV.
 */
async function countWorkbookResponses(definition: SipasDefinition, path: string, opts: SurveyFileOptions): Promise<SurveyCounts> {
  const { iterateWorkbookRows } = await import('./xlsx-read.js');
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
export async function countSurveyResponses(definition: SipasDefinition, source: ResponsesFileSource, opts: SurveyFileOptions = {}): Promise<SurveyCounts> {
  const path = typeof source === 'string' ? source : undefined;
  const format = opts.format ?? (path ? formatOf(path) : 'csv');
  if (format !== 'csv') {
    if (!path) throw new TypeError(`scoreSurvey: ${format} responses must be given as a file path`);
    if (format === 'xlsx') return countWorkbookResponses(definition, path, opts);
    return countSurveyTable(definition, await loadTable(path, 'responses'), opts);
  }
  const reuse = opts.reader !== 'csv-parse';
  const chunks = path ? fileChunks(path, CHUNK_SIZE, reuse, opts.onProgress) : chunksOf(source as ResponsesSource, { onProgress: opts.onProgress }).chunks;
  const named = { ...opts, file: opts.file ?? path };
  if (opts.reader !== 'csv-parse') return countSurveyChunks(definition, chunks, named);
  const ingest = ingestOf(definition, named, named.file);
  await ingestWithCsvParse(ingest, chunks, opts.delimiter);
  return ingest.finish();
}

/**
 * Scores SIPAS from raw survey forms. `source` is a path (CSV and `.xlsx` streamed; `.json` read
 * whole), a Readable or any (async) iterable of chunks, or the file's bytes. Throws a
 * {@link ParIndexError} on bad input (every problem located: file, row, column).
 */
export async function scoreSurvey(definition: SipasDefinition, source: ResponsesFileSource, opts: SurveyFileOptions = {}): Promise<SipasResult> {
  const counts = await countSurveyResponses(definition, source, opts);
  return surveyResultFromCounts(definition, counts, opts);
}
