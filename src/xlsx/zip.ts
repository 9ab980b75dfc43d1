/**
 * The zip container of an xlsx file, read from bytes (`Uint8Array`) — no Node built-ins, so it
 * runs in a browser as well.
 *
 * The central directory is read here (it is a few fixed-layout records) so that parts can be
 * taken in any order and one part at a time: the workbook, shared strings and styles first, then
 * only the sheets needed, each inflated chunk by chunk with fflate's streaming `Inflate` and handed
 * to the XML parser — a 200 MB sheet is never held as one string. Every part read is checked: its
 * size against the directory's, its CRC-32, and the total against `maxBytes` (a zip bomb stops at
 * the limit, not when memory runs out).
 *
 * A file that is not a zip at all is described, with what to do: an `.xls` (Excel 97–2003), a
 * password-protected workbook (an OLE file holding an `EncryptedPackage`), an HTML page or an
 * Excel 2003 XML file saved with an `.xls`/`.xlsx` name, a CSV file, an empty file.
 */
import { Inflate } from 'fflate';
import { type Issue, ParIndexError, problem } from '../errors.js';
import type { NotZipKind, WorkbookKind } from '../i18n/en/xlsx.js';

/** One entry of the zip's central directory. */
export interface ZipEntry {
  /** Path inside the archive as stored (e.g. `xl/worksheets/sheet1.xml`). */
  path: string;
  /** Compression method (0 stored, 8 deflate). */
  method: number;
  /** General-purpose flags (bit 0: encrypted). */
  flags: number;
  /** CRC-32 of the uncompressed data. */
  crc: number;
  /** Compressed size in bytes. */
  compressedSize: number;
  /** Uncompressed size in bytes, from the directory. */
  size: number;
  /** Offset of the entry's local header. */
  localOffset: number;
}

/** Where and how a zip is read (for errors and limits). */
export interface ZipReadOptions {
  /** File name for error locations. */
  file?: string;
  /** What kind of workbook is expected (the `expected` of `bad-xlsx` errors; default any). */
  book?: WorkbookKind;
}

/** The message fields of an issue, from {@link problem}. */
export type Problem = Pick<Issue, 'code' | 'key' | 'params' | 'message' | 'expected'>;

/** Builds the located `bad-xlsx` error from its message (`problem('bad-xlsx/…', { …, book })`). */
export function badXlsx(file: string | undefined, what: Problem, opts: { sheet?: string; row?: number; value?: string } = {}): ParIndexError {
  return new ParIndexError({
    ...(file !== undefined ? { file } : {}),
    ...(opts.sheet !== undefined ? { sheet: opts.sheet } : {}),
    ...(opts.row !== undefined ? { row: opts.row } : {}),
    ...what,
    ...(opts.value !== undefined ? { value: opts.value } : {}),
  });
}

const u16 = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8);
const u32 = (b: Uint8Array, i: number) => (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16)) + b[i + 3] * 0x1000000;
const u64 = (b: Uint8Array, i: number) => u32(b, i) + u32(b, i + 4) * 0x100000000;

const startsWith = (b: Uint8Array, sig: readonly number[], at = 0) => b.length >= at + sig.length && sig.every((x, i) => b[at + i] === x);

/** True when the UTF-16LE text `s` occurs in the first `limit` bytes (OLE directory names). */
function hasUtf16(b: Uint8Array, s: string, limit = 1 << 20): boolean {
  const n = Math.min(b.length, limit) - 2 * s.length;
  outer: for (let i = 0; i <= n; i++) {
    for (let k = 0; k < s.length; k++) if (b[i + 2 * k] !== s.charCodeAt(k) || b[i + 2 * k + 1] !== 0) continue outer;
    return true;
  }
  return false;
}

const hex = (b: Uint8Array, n = 8) => Array.from(b.subarray(0, n), (x) => x.toString(16).toUpperCase().padStart(2, '0')).join(' ');

/** What a file that is not a zip is, and what to do with it. */
export interface NotZip {
  /** Short name of what the file is (the issue's `value`). */
  value: string;
  /** What it is (the catalogue words it, with what to do). */
  kind: NotZipKind;
  /** Its first bytes in hex (`D0 CF 11 E0 …`). */
  start: string;
}

/**
 * Describes a file that is not a zip archive (undefined when it starts like one): empty, an
 * `.xls`, an encrypted workbook, HTML or XML saved with a spreadsheet name, PDF, text.
 */
export function describeNonZip(bytes: Uint8Array): NotZip | undefined {
  const start = hex(bytes);
  if (bytes.length === 0) return { value: '(0 bytes)', kind: 'empty', start };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return undefined;
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    if (hasUtf16(bytes, 'EncryptedPackage')) {
      return { value: 'password-protected workbook', kind: 'encrypted', start };
    }
    if (hasUtf16(bytes, 'Workbook') || hasUtf16(bytes, 'Book')) return { value: '.xls (Excel 97–2003)', kind: 'xls', start };
    return { value: 'OLE compound file', kind: 'ole', start };
  }
  if (startsWith(bytes, [0x09, 0x08]) || startsWith(bytes, [0x09, 0x04]) || startsWith(bytes, [0x09, 0x02])) {
    return { value: '.xls (BIFF)', kind: 'biff', start };
  }
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return { value: 'PDF', kind: 'pdf', start };
  if (startsWith(bytes, [0x1f, 0x8b])) return { value: 'gzip', kind: 'gzip', start };
  if (startsWith(bytes, [0x52, 0x61, 0x72, 0x21])) return { value: 'RAR', kind: 'rar', start };
  if (startsWith(bytes, [0x37, 0x7a, 0xbc, 0xaf])) return { value: '7z', kind: '7z', start };
  // Text: HTML, XML, CSV. Look at the first characters past a BOM and white space.
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 4096)).replace(/^\ufeff/, '');
  const lead = head.trimStart().slice(0, 1024).toLowerCase();
  if (lead.startsWith('<')) {
    if (lead.includes('urn:schemas-microsoft-com:office:spreadsheet')) {
      return { value: 'Excel 2003 XML', kind: 'excel-xml', start };
    }
    if (/<(!doctype html|html|table|head|body|meta)\b/.test(lead)) {
      return { value: 'HTML', kind: 'html', start };
    }
    return { value: 'XML', kind: 'xml', start };
  }
  let printable = 0;
  const sample = bytes.subarray(0, 4096);
  for (const b of sample) if (b === 9 || b === 10 || b === 13 || b >= 32) printable++;
  if (printable === sample.length) {
    return { value: 'text', kind: 'text', start };
  }
  return { value: start, kind: 'unknown', start };
}

const COMPRESSION: Record<number, string> = {
  1: 'Shrink',
  6: 'Implode',
  9: 'Deflate64',
  12: 'bzip2',
  14: 'LZMA',
  93: 'Zstandard',
  95: 'XZ',
  96: 'JPEG',
  97: 'WavPack',
  98: 'PPMd',
  99: 'AES encryption',
};

let crcTables: Int32Array[] | undefined;

/** CRC-32 (zip's polynomial) of `data`, continuing from `crc` (slicing by 8 bytes at a time). */
export function crc32(data: Uint8Array, crc = 0): number {
  if (!crcTables) {
    const t0 = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      t0[n] = c;
    }
    crcTables = [t0];
    for (let k = 1; k < 8; k++) {
      const prev = crcTables[k - 1];
      const t = new Int32Array(256);
      for (let n = 0; n < 256; n++) t[n] = t0[prev[n] & 0xff] ^ (prev[n] >>> 8);
      crcTables.push(t);
    }
  }
  const [t0, t1, t2, t3, t4, t5, t6, t7] = crcTables;
  let c = ~crc;
  let i = 0;
  const end8 = data.length - (data.length % 8);
  for (; i < end8; i += 8) {
    const a = c ^ (data[i] | (data[i + 1] << 8) | (data[i + 2] << 16) | (data[i + 3] << 24));
    c = t7[a & 0xff] ^ t6[(a >>> 8) & 0xff] ^ t5[(a >>> 16) & 0xff] ^ t4[a >>> 24] ^ t3[data[i + 4]] ^ t2[data[i + 5]] ^ t1[data[i + 6]] ^ t0[data[i + 7]];
  }
  for (; i < data.length; i++) c = t0[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

/** Normalises a part path for lookup: no leading slash, forward slashes, lower case. */
export function partKey(path: string): string {
  return path.replace(/\\/g, '/').replace(/^\/+/, '').toLowerCase();
}

/** An opened zip archive: its entries, looked up case-insensitively, and their data. */
export class ZipArchive {
  /** Entries in directory order (directories left out). */
  readonly entries: ZipEntry[] = [];
  private readonly byKey = new Map<string, ZipEntry>();

  /** Use {@link openZip}. */
  constructor(
    private readonly bytes: Uint8Array,
    private readonly opts: ZipReadOptions,
  ) {}

  /** @internal */
  add(e: ZipEntry): void {
    const key = partKey(e.path);
    if (this.byKey.has(key)) throw this.fail(problem('bad-xlsx/duplicate-entry', { path: e.path, book: this.book }), e.path);
    this.byKey.set(key, e);
    this.entries.push(e);
  }

  /** The entry at `path` (case-insensitive, leading `/` ignored), if any. */
  get(path: string): ZipEntry | undefined {
    return this.byKey.get(partKey(path));
  }

  /** What kind of workbook is expected, for the errors. */
  private get book(): WorkbookKind {
    return this.opts.book ?? 'any';
  }

  private fail(what: Problem, value?: string): ParIndexError {
    return badXlsx(this.opts.file, what, { value });
  }

  /** Offset of an entry's data, after checking its method, flags and bounds. */
  private dataStart(e: ZipEntry): number {
    if (e.flags & 1) {
      throw this.fail(problem('bad-xlsx/encrypted-entry', { path: e.path, book: this.book }), e.path);
    }
    if (e.method !== 0 && e.method !== 8) {
      const name = COMPRESSION[e.method] ?? `method ${e.method}`;
      throw this.fail(problem('bad-xlsx/compression', { path: e.path, method: name, book: this.book }), `${e.path} (${name})`);
    }
    const b = this.bytes;
    const at = e.localOffset;
    if (at + 30 > b.length || u32(b, at) !== 0x04034b50) throw this.fail(problem('bad-xlsx/entry-misplaced', { path: e.path, book: this.book }), e.path);
    const start = at + 30 + u16(b, at + 26) + u16(b, at + 28);
    if (start + e.compressedSize > b.length) throw this.fail(problem('bad-xlsx/entry-truncated', { path: e.path, book: this.book }), e.path);
    return start;
  }

  /**
   * The entry's uncompressed bytes, chunk by chunk (about `chunk` compressed bytes at a time),
   * checked against the directory's size and CRC-32 once the last chunk is out. `budget` is charged
   * with the bytes produced and throws when it is exceeded.
   */
  *chunks(e: ZipEntry, budget: ByteBudget, chunk = 1 << 16): Generator<Uint8Array> {
    const start = this.dataStart(e);
    const src = this.bytes.subarray(start, start + e.compressedSize);
    budget.reserve(e);
    let out = 0;
    let crc = 0;
    if (e.method === 0) {
      if (e.compressedSize !== e.size) throw this.fail(problem('bad-xlsx/stored-sizes', { path: e.path, book: this.book }), e.path);
      for (let i = 0; i < src.length; i += chunk * 4) {
        const piece = src.subarray(i, Math.min(src.length, i + chunk * 4));
        crc = crc32(piece, crc);
        out += piece.length;
        yield piece;
      }
    } else {
      let pending: Uint8Array[] = [];
      const inflater = new Inflate((data) => {
        out += data.length;
        if (out > e.size) throw this.fail(problem('bad-xlsx/inflates-too-much', { path: e.path, size: e.size, book: this.book }), e.path);
        if (data.length) pending.push(data);
      });
      let i = 0;
      do {
        const end = Math.min(src.length, i + chunk);
        try {
          inflater.push(src.subarray(i, end), end >= src.length);
        } catch (err) {
          if (err instanceof ParIndexError) throw err;
          throw this.fail(problem('bad-xlsx/inflate-failed', { path: e.path, detail: (err as Error).message, book: this.book }), e.path);
        }
        i = end;
        const ready = pending;
        pending = [];
        for (const d of ready) {
          crc = crc32(d, crc);
          yield d;
        }
      } while (i < src.length);
    }
    if (out !== e.size) throw this.fail(problem('bad-xlsx/entry-size', { path: e.path, bytes: out, size: e.size, book: this.book }), e.path);
    if (crc !== e.crc) throw this.fail(problem('bad-xlsx/crc', { path: e.path, book: this.book }), e.path);
  }

  /** The entry's whole uncompressed bytes (for the small parts: workbook, relationships, styles). */
  read(e: ZipEntry, budget: ByteBudget): Uint8Array {
    const parts = [...this.chunks(e, budget)];
    if (parts.length === 1) return parts[0];
    const all = new Uint8Array(e.size);
    let at = 0;
    for (const p of parts) {
      all.set(p, at);
      at += p.length;
    }
    return all;
  }
}

/** The bytes of parts read so far, against a limit (uncompressed). */
export class ByteBudget {
  /** Bytes reserved so far (declared sizes of the parts read). */
  used = 0;
  constructor(
    readonly max: number,
    private readonly onExceed: (e: ZipEntry, used: number) => ParIndexError,
  ) {}
  /** Charges an entry's declared size; throws when the total would pass the limit. */
  reserve(e: ZipEntry): void {
    if (this.used + e.size > this.max) throw this.onExceed(e, this.used + e.size);
    this.used += e.size;
  }
}

/**
 * Opens the zip archive in `bytes` (its central directory). A file that is not a zip, or a
 * damaged one, is a located `bad-xlsx` error saying what the file is and what to do.
 */
export function openZip(bytes: Uint8Array, opts: ZipReadOptions = {}): ZipArchive {
  const book = opts.book ?? 'any';
  const fail = (what: Problem, value?: string) => badXlsx(opts.file, what, { value });
  const other = describeNonZip(bytes);
  if (other) throw fail(problem('bad-xlsx/not-zip', { kind: other.kind, start: other.start, book }), other.value);
  // End of central directory: the last record with its signature (a comment may follow it).
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x05 && bytes[i + 3] === 0x06) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw fail(problem('bad-xlsx/no-directory', { book }), 'truncated zip');
  let count = u16(bytes, eocd + 10);
  let cdSize = u32(bytes, eocd + 12);
  let cdOffset = u32(bytes, eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    // Zip64: the locator sits just before the end record.
    const loc = eocd - 20;
    if (loc >= 0 && u32(bytes, loc) === 0x07064b50) {
      const z = u64(bytes, loc + 8);
      if (z + 56 <= bytes.length && u32(bytes, z) === 0x06064b50) {
        count = u64(bytes, z + 32);
        cdSize = u64(bytes, z + 40);
        cdOffset = u64(bytes, z + 48);
      }
    }
  }
  if (cdOffset + cdSize > bytes.length) throw fail(problem('bad-xlsx/directory-past-end', { book }), 'truncated zip');
  const zip = new ZipArchive(bytes, opts);
  const utf8 = new TextDecoder('utf-8');
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.length || u32(bytes, p) !== 0x02014b50) throw fail(problem('bad-xlsx/directory-cut', { book }), 'damaged zip');
    const flags = u16(bytes, p + 8);
    const method = u16(bytes, p + 10);
    const crc = u32(bytes, p + 16);
    let compressedSize = u32(bytes, p + 20);
    let size = u32(bytes, p + 24);
    const nameLen = u16(bytes, p + 28);
    const extraLen = u16(bytes, p + 30);
    const commentLen = u16(bytes, p + 32);
    let localOffset = u32(bytes, p + 42);
    const name = utf8.decode(bytes.subarray(p + 46, p + 46 + nameLen));
    if (size === 0xffffffff || compressedSize === 0xffffffff || localOffset === 0xffffffff) {
      // Zip64 extended information: the fields that overflowed, in this order.
      let x = p + 46 + nameLen;
      const xEnd = x + extraLen;
      while (x + 4 <= xEnd) {
        const id = u16(bytes, x);
        const len = u16(bytes, x + 2);
        if (id === 1) {
          let q = x + 4;
          if (size === 0xffffffff) {
            size = u64(bytes, q);
            q += 8;
          }
          if (compressedSize === 0xffffffff) {
            compressedSize = u64(bytes, q);
            q += 8;
          }
          if (localOffset === 0xffffffff) localOffset = u64(bytes, q);
          break;
        }
        x += 4 + len;
      }
    }
    if (!name.endsWith('/')) zip.add({ path: name, method, flags, crc, compressedSize, size, localOffset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return zip;
}
