/**
 * Byte-identical workbooks: the same inputs give the same file. exceljs stamps the workbook's
 * creation time in `docProps/core.xml`, and the zip writer stamps every entry with the time it is
 * written (some entries as the writer is created, before any code of ours sees it). Both are set
 * here to one fixed instant, so no clock reaches the bytes: `buildWorkbookBytes` calls
 * {@link freezeClock} on every workbook it writes. It fixes the workbook's own dates, and the bytes
 * read back from the writer's buffer pass through {@link withFixedZipTimes}, which sets every zip
 * entry's modification time.
 */
import type { BookWriter } from './write.js';

/** The fixed instant in `docProps/core.xml` (2000-01-01T00:00:00Z). */
const STAMP_UTC = new Date(Date.UTC(2000, 0, 1));

/** 2000-01-01 00:00:00 as MS-DOS date and time fields (zip entry times, local-time fields, no zone). */
const DOS_DATE = ((2000 - 1980) << 9) | (1 << 5) | 1;
const DOS_TIME = 0;

/** The writer's in-memory output buffer (exceljs's StreamBuf; not in its typings). */
interface OutputBuffer {
  read(...args: unknown[]): Uint8Array | null;
}

/**
 * Makes a streaming workbook's bytes independent of the clock: its creation and modification times
 * (`docProps/core.xml`) are a fixed instant, and the bytes read from its output buffer (as
 * `buildWorkbookBytes` does once the workbook is committed) carry fixed zip entry times.
 */
export function freezeClock(wb: BookWriter): void {
  wb.created = STAMP_UTC;
  wb.modified = STAMP_UTC;
  const out = (wb as unknown as { stream: OutputBuffer }).stream;
  const read = out.read.bind(out);
  out.read = (...args) => {
    const bytes = read(...args);
    return bytes ? withFixedZipTimes(bytes) : bytes;
  };
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/**
 * The zip's bytes with every entry's modification date and time — in its local header and in the
 * central directory — set to 2000-01-01 00:00 (the CRC covers the data only, so it stays valid).
 * Changes the array in place and returns it. Bytes that are not a plain (non-zip64) zip are
 * returned unchanged.
 */
export function withFixedZipTimes(bytes: Uint8Array): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) return bytes;
  const count = view.getUint16(end + 10, true);
  let p = view.getUint32(end + 16, true);
  if (count === 0xffff || p === 0xffffffff) return bytes;
  for (let k = 0; k < count && p + 46 <= bytes.length; k++) {
    if (view.getUint32(p, true) !== CENTRAL) return bytes;
    view.setUint16(p + 12, DOS_TIME, true);
    view.setUint16(p + 14, DOS_DATE, true);
    const local = view.getUint32(p + 42, true);
    if (local + 30 <= bytes.length && view.getUint32(local, true) === LOCAL) {
      view.setUint16(local + 10, DOS_TIME, true);
      view.setUint16(local + 12, DOS_DATE, true);
    }
    p += 46 + view.getUint16(p + 28, true) + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }
  return bytes;
}
