/**
 * Merged cells in a streamed sheet. exceljs's streaming reader ignores `<mergeCells>`, which an
 * xlsx file stores *after* the rows of a sheet. {@link tapSheetXml} watches the sheet's XML as it
 * passes to the parser (one `indexOf` per chunk until the tag appears) and collects the merged
 * ranges (counting the bytes, for progress); the reader applies them once the rows are read:
 * a merge touching the header row is an error, a merge in the data fills every cell of its range
 * with the value of its top-left (master) cell.
 */

import { type MergeRange, parseRange } from '../xlsx/sheet.js';

// The range model and A1 parsing are the byte reader's (src/xlsx/sheet.ts): one rule for both readers.
export { columnNumber, type MergeRange, parseRange } from '../xlsx/sheet.js';

/** What {@link tapSheetXml} collected. */
export interface SheetXmlFacts {
  /** Merged ranges (complete once the sheet has been read). */
  merges: MergeRange[];
  /** Bytes of sheet XML passed on so far (for progress). */
  bytes: number;
}

const MERGE_TAG = /<(?:\w+:)?mergeCell\b[^>]*?\bref="([^"]+)"/g;

/**
 * Wraps a sheet's XML chunk iterator: chunks pass through untouched; merged ranges and the
 * bytes passed are recorded in `facts` (merges complete when the iterator ends).
 */
export async function* tapSheetXml(source: AsyncIterable<unknown>, facts: SheetXmlFacts): AsyncGenerator<unknown> {
  let tail = '';
  let collected: string | undefined;
  for await (const chunk of source) {
    const isBuf = Buffer.isBuffer(chunk);
    facts.bytes += isBuf ? (chunk as Buffer).length : String(chunk).length;
    yield chunk;
    if (collected !== undefined) {
      collected += isBuf ? (chunk as Buffer).toString('latin1') : String(chunk);
      continue;
    }
    const at = isBuf ? (chunk as Buffer).indexOf('mergeCell') : String(chunk).indexOf('mergeCell');
    if (at >= 0) {
      collected = tail + (isBuf ? (chunk as Buffer).toString('latin1') : String(chunk));
      continue;
    }
    // The tag may straddle chunks: keep the last characters seen (across short chunks too).
    const len = isBuf ? (chunk as Buffer).length : String(chunk).length;
    const head = isBuf ? (chunk as Buffer).toString('latin1', 0, Math.min(16, len)) : String(chunk).slice(0, 16);
    if (tail && (tail + head).includes('mergeCell')) {
      collected = tail + (isBuf ? (chunk as Buffer).toString('latin1') : String(chunk));
      continue;
    }
    const end = isBuf ? (chunk as Buffer).toString('latin1', Math.max(0, len - 16)) : String(chunk).slice(-16);
    tail = (tail + end).slice(-16);
  }
  if (collected !== undefined) {
    for (const m of collected.matchAll(MERGE_TAG)) {
      const r = parseRange(m[1]);
      if (r && (r.bottom > r.top || r.right > r.left)) facts.merges.push(r);
    }
  }
}
