/**
 * The general path for responses CSV: csv-parse's streaming parser (records as cell texts), fed
 * the same chunks as the byte tokenizer. Same delimiter guess, BOM handling and row numbering
 * (header = row 1, a blank line is a row) as every CSV reader of parindex; it is the reference the
 * tokenizer is tested against.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ParIndexError, problem } from '../errors.js';
import { csvParseOptions, guessDelimiter, stripBom } from '../table/csv.js';
import { utf16Mark } from '../table/files.js';
import type { FormIngest } from '../sipas/ingest.js';

const LF = 10;

/** Reads chunks until the header line is complete; returns them and the guessed delimiter. */
async function probeHeader(it: AsyncIterator<Uint8Array>): Promise<{ head: Uint8Array[]; delimiter: string; done: boolean }> {
  const head: Uint8Array[] = [];
  let bytes = 0;
  let done = false;
  for (;;) {
    const r = await it.next();
    if (r.done) {
      done = true;
      break;
    }
    head.push(r.value);
    bytes += r.value.length;
    if (r.value.indexOf(LF) >= 0 || bytes >= 1 << 16) break;
  }
  const text = stripBom(Buffer.concat(head).toString('utf8'));
  return { head, delimiter: guessDelimiter(text), done };
}

/** True for an error raised by csv-parse on malformed input. */
function isCsvError(e: unknown): e is { code: string; message: string } {
  const code = (e as { code?: unknown })?.code;
  return typeof code === 'string' && (code.startsWith('CSV_') || code.startsWith('INVALID_'));
}

/** Reads every record of `chunks` with csv-parse into `ingest` (header first). */
export async function ingestWithCsvParse(ingest: FormIngest, chunks: AsyncIterable<Uint8Array>, delimiter?: string): Promise<void> {
  const it = chunks[Symbol.asyncIterator]();
  const probe = await probeHeader(it);
  const { parse } = await import('csv-parse');
  const parser = parse({ ...csvParseOptions(delimiter ?? probe.delimiter), bom: true });
  // csv-parse decodes without complaint; text that is not UTF-8 is caught here, as the tokenizer does.
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  let lineBreaks = 0;
  const checked = (chunk: Uint8Array, first: boolean): Uint8Array => {
    const utf16 = first ? utf16Mark(chunk) : undefined;
    if (utf16 !== undefined) throw new ParIndexError({ file: ingest.file, ...problem('bad-encoding/utf-16'), value: utf16 });
    try {
      utf8.decode(chunk, { stream: chunk.length > 0 });
    } catch {
      const text = new TextDecoder('utf-8').decode(chunk);
      const before = text.slice(0, Math.max(text.indexOf('\uFFFD'), 0));
      const row = lineBreaks + before.split(/\r\n|\r|\n/).length;
      throw new ParIndexError({ file: ingest.file, row, ...problem('bad-encoding/not-utf-8') });
    }
    for (const b of chunk) if (b === LF) lineBreaks++;
    return chunk;
  };
  async function* all(): AsyncGenerator<Uint8Array> {
    try {
      let first = true;
      for (const chunk of probe.head) {
        yield checked(chunk, first);
        first = false;
      }
      while (!probe.done) {
        const r = await it.next();
        if (r.done) break;
        yield checked(r.value, first);
        first = false;
      }
      checked(new Uint8Array(0), false); // a character cut off at the end of the file
    } finally {
      await it.return?.();
    }
  }
  const done = pipeline(Readable.from(all()), parser).then(
    () => undefined,
    (e: unknown) => e,
  );
  let row = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      row++;
      if (row === 1) ingest.setHeader(record);
      else ingest.addRecord(record, row);
    }
  } catch (e) {
    const reading = await done;
    if (reading instanceof ParIndexError) throw reading;
    if (e instanceof ParIndexError) throw e;
    if (isCsvError(e)) {
      const records = (e as { records?: unknown }).records;
      throw new ParIndexError({ file: ingest.file, row: typeof records === 'number' ? records + 1 : row + 1, ...problem('bad-csv/stream', { detail: e.message }) });
    }
    throw e;
  }
  const err = await done;
  if (err) throw err;
}
