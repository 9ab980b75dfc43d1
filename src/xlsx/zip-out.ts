/**
 * The zip container of a streamed workbook, written entry after entry into a {@link ByteSink} as the
 * workbook is written — never the whole file, nor a whole sheet, in memory. exceljs's streaming
 * writer would hand its parts to archiver (or JSZip), which kept every sheet's XML until the end:
 * the national round's audit (1.27 million rows) took gigabytes. Here each part is deflated as it
 * comes, with the platform's `CompressionStream('deflate-raw')` (native zlib on Node, Deno and
 * browsers; it runs beside the JavaScript that writes the rows) or, where that is missing, fflate's
 * deflate. fflate's `Zip` lays the entries out in the order they were opened, holding a later
 * entry's compressed bytes until the earlier ones end.
 *
 * No clock reaches the bytes: every entry is stamped 2000-01-01 00:00 (zip times are local times,
 * so the local date is used), and the chunks fed to the compressor are cut at fixed sizes, so the
 * same parts give the same file.
 */
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import { concatBytes } from '../text/bytes.js';

/** Where a streamed file's bytes go, in order. */
export interface ByteSink {
  /** Takes the next bytes of the file (the array is not reused by the writer). */
  write(chunk: Uint8Array): void;
  /** Resolves when the sink can take more (a file stream that has caught up); rejects when it failed. */
  ready?(): Promise<void>;
}

/** 2000-01-01 00:00 local time: the DOS date and time fields of every entry. */
const FIXED_TIME = new Date(2000, 0, 1);

/** Compressor input per chunk: large enough that the per-chunk cost vanishes, fixed so the bytes do not depend on timing. */
const CHUNK_CHARS = 1 << 18;

/** Uncompressed bytes handed to the compressors and not yet taken: above this, {@link ZipOut.ready} waits. */
const BACKLOG_HIGH = 32 << 20;

const EMPTY = new Uint8Array(0);

/** Whether `CompressionStream('deflate-raw')` works here (Node ≥ 20.12, Deno, current browsers). */
function nativeDeflate(): boolean {
  try {
    return typeof CompressionStream === 'function' && new CompressionStream('deflate-raw') !== undefined;
  } catch {
    return false;
  }
}

/** CRC-32 tables for eight bytes a step ("slicing by 8"): `CRC[k][b]` is byte `b`'s CRC shifted through `k` more zero bytes. */
const CRC: Int32Array[] = (() => {
  const t0 = new Int32Array(256);
  for (let i = 0; i < 256; i++) {
    let c = i;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t0[i] = c;
  }
  const tables = [t0];
  for (let k = 1; k < 8; k++) {
    const p = tables[k - 1];
    const t = new Int32Array(256);
    for (let i = 0; i < 256; i++) t[i] = (p[i] >>> 8) ^ t0[p[i] & 255];
    tables.push(t);
  }
  return tables;
})();

/**
 * @internal The CRC-32 register after `d` (the zip's checksum: start from -1, the checksum is the
 * register's complement), eight bytes a step — the same value as a byte a step, in a third of the time.
 */
export function crc32Update(c: number, d: Uint8Array): number {
  const [t0, t1, t2, t3, t4, t5, t6, t7] = CRC;
  const n = d.length;
  let i = 0;
  for (; i + 8 <= n; i += 8) {
    c ^= d[i] | (d[i + 1] << 8) | (d[i + 2] << 16) | (d[i + 3] << 24);
    c = t7[c & 255] ^ t6[(c >>> 8) & 255] ^ t5[(c >>> 16) & 255] ^ t4[c >>> 24] ^ t3[d[i + 4]] ^ t2[d[i + 5]] ^ t1[d[i + 6]] ^ t0[d[i + 7]];
  }
  for (; i < n; i++) c = t0[(c ^ d[i]) & 255] ^ (c >>> 8);
  return c;
}

/** The platform's CRC-32 where it has one (Node's `zlib.crc32`, from 20.15), found without importing Node's modules. */
const NATIVE_CRC32 = (() => {
  try {
    const z = (globalThis as { process?: { getBuiltinModule?(id: string): unknown } }).process?.getBuiltinModule?.('node:zlib') as { crc32?: unknown } | undefined;
    return typeof z?.crc32 === 'function' ? (z.crc32 as (data: Uint8Array, value?: number) => number) : undefined;
  } catch {
    return undefined;
  }
})();

/**
 * Gives an fflate zip entry a faster CRC-32 of the same bytes — the platform's, else
 * {@link crc32Update}: fflate's own (its `c`, fed each chunk by `push`) reads a byte a step, ~55 ms
 * of a national workbook's 23 MB on the thread writing the rows. An entry without that `c` keeps its own.
 */
function fastCrc(entry: object): void {
  const e = entry as { c?: { p?: unknown; d?: unknown } };
  if (typeof e.c?.p !== 'function' || typeof e.c?.d !== 'function') return;
  const native = NATIVE_CRC32;
  if (native) {
    // The checksum so far (unsigned); fflate's register is its complement, and `d` gives the checksum as an int32.
    let sum = 0;
    e.c = { p: (d: Uint8Array) => (sum = native(d, sum)), d: () => sum | 0 };
  } else {
    let c = -1;
    e.c = { p: (d: Uint8Array) => (c = crc32Update(c, d)), d: () => ~c };
  }
}

/** A zip entry deflated by `CompressionStream` (asynchronous: its output arrives later, in order). */
class NativeDeflateEntry extends ZipPassThrough {
  readonly #writer: WritableStreamDefaultWriter<Uint8Array>;
  readonly #zip: ZipOut;

  constructor(name: string, zip: ZipOut) {
    super(name);
    fastCrc(this);
    this.compression = 8;
    this.mtime = FIXED_TIME;
    this.#zip = zip;
    const cs = new CompressionStream('deflate-raw');
    // Node's types say Uint8Array, the DOM library BufferSource (the page type-checks this file too).
    this.#writer = cs.writable.getWriter() as WritableStreamDefaultWriter<Uint8Array>;
    const reader = cs.readable.getReader();
    const pump = async () => {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        if (value.length) this.ondata(null, value, false);
      }
      this.ondata(null, EMPTY, true);
    };
    pump().catch((e) => zip.fail(e));
  }

  override process(chunk: Uint8Array, final: boolean): void {
    if (chunk.length) {
      const n = chunk.length;
      this.#zip.taken(n);
      this.#writer.write(chunk).then(
        () => this.#zip.done(n),
        (e) => this.#zip.fail(e),
      );
    }
    if (final) this.#writer.close().catch((e) => this.#zip.fail(e));
  }
}

/**
 * One part being written: text and bytes are gathered into chunks of a fixed size before they are
 * compressed. Offers what exceljs's sheet writers use of a stream (`write`, `end`, `on`, `emit`,
 * `pause`).
 */
export class ZipEntryStream {
  readonly #entry: { push(chunk: Uint8Array, final: boolean): void };
  /** Text written since the last ASCII bytes (or the last chunk). */
  #text = '';
  /** What came before {@link #text} since the last chunk: its encoded text and ASCII bytes, in order. */
  #parts: Uint8Array[] = [];
  /** Characters written since the last chunk (UTF-16 code units of text, one per ASCII byte). */
  #chars = 0;
  #ended = false;
  readonly #listeners = new Map<string, (() => void)[]>();
  static readonly #encoder = new TextEncoder();

  constructor(entry: { push(chunk: Uint8Array, final: boolean): void }) {
    this.#entry = entry;
  }

  /** Adds text (UTF-8) or bytes to the part; `callback` (exceljs passes one sometimes) is called at once. */
  write(data: string | Uint8Array | { toBuffer(): Uint8Array | null }, encoding?: unknown, callback?: () => void): boolean {
    if (this.#ended) throw new Error('zip entry written after its end');
    if (typeof data === 'string') {
      this.#text += data;
      this.#chars += data.length;
    } else {
      const bytes = data instanceof Uint8Array ? data : data.toBuffer();
      if (bytes?.length) {
        const text = new TextDecoder().decode(bytes);
        this.#text += text;
        this.#chars += text.length;
      }
    }
    if (this.#chars >= CHUNK_CHARS) this.#flushText(false);
    const cb = typeof encoding === 'function' ? (encoding as () => void) : callback;
    cb?.();
    return true;
  }

  /**
   * Adds ASCII text given as its bytes (a sheet's rows written as bytes): the same part, and the same
   * chunks, as `write` of the text they spell — each byte a character — so the file keeps its bytes.
   * The array is the part's from then on (not to be reused).
   */
  writeAscii(bytes: Uint8Array): void {
    if (this.#ended) throw new Error('zip entry written after its end');
    if (bytes.length === 0) return;
    // The text before is encoded on its own: no character spans ASCII bytes, so its UTF-8 is the same.
    if (this.#text) this.#parts.push(ZipEntryStream.#encoder.encode(this.#text));
    this.#text = '';
    this.#parts.push(bytes);
    this.#chars += bytes.length;
    if (this.#chars >= CHUNK_CHARS) this.#flushText(false);
  }

  #flushText(final: boolean): void {
    let bytes: Uint8Array = this.#text ? ZipEntryStream.#encoder.encode(this.#text) : EMPTY;
    if (this.#parts.length) {
      if (bytes.length) this.#parts.push(bytes);
      bytes = concatBytes(this.#parts);
      this.#parts = [];
    }
    this.#text = '';
    this.#chars = 0;
    if (bytes.length || final) this.#entry.push(bytes, final);
  }

  /** Ends the part (after `data`, when given). */
  end(data?: string | Uint8Array, encoding?: unknown, callback?: () => void): void {
    if (this.#ended) return;
    if (data !== undefined && data !== null && typeof data !== 'function') this.write(data);
    this.#ended = true;
    this.#flushText(true);
    this.emit('finish');
    this.emit('zipped');
    const cb = typeof data === 'function' ? data : typeof encoding === 'function' ? encoding : callback;
    (cb as (() => void) | undefined)?.();
  }

  on(event: string, fn: () => void): this {
    const list = this.#listeners.get(event) ?? [];
    list.push(fn);
    this.#listeners.set(event, list);
    return this;
  }

  once(event: string, fn: () => void): this {
    return this.on(event, fn);
  }

  emit(event: string): boolean {
    const list = this.#listeners.get(event);
    this.#listeners.delete(event);
    list?.forEach((fn) => fn());
    return Boolean(list?.length);
  }

  pause(): void {}
  resume(): void {}
}

/** A zip written into a {@link ByteSink} entry by entry (see the module comment). */
export class ZipOut {
  readonly #zip: Zip;
  readonly #sink: ByteSink;
  readonly #native = nativeDeflate();
  #error: unknown;
  #backlog = 0;
  #waiters: (() => void)[] = [];
  #finished: Promise<void>;
  #resolveFinished!: () => void;
  #rejectFinished!: (e: unknown) => void;

  constructor(sink: ByteSink) {
    this.#sink = sink;
    this.#finished = new Promise((resolve, reject) => {
      this.#resolveFinished = resolve;
      this.#rejectFinished = reject;
    });
    this.#finished.catch(() => undefined); // read by finish(); a failure before then is kept in #error
    this.#zip = new Zip((err, chunk, final) => {
      if (err) return this.fail(err);
      try {
        if (chunk.length) this.#sink.write(chunk);
      } catch (e) {
        return this.fail(e);
      }
      if (final) this.#resolveFinished();
    });
  }

  /** Opens the next part, named `name` (a leading `/`, as exceljs writes some names, is dropped). */
  open(name: string): ZipEntryStream {
    const file = name.replace(/^\/+/, '');
    let entry: ZipPassThrough | ZipDeflate;
    if (this.#native) {
      entry = new NativeDeflateEntry(file, this);
    } else {
      entry = new ZipDeflate(file, { level: 6 });
      fastCrc(entry);
      entry.mtime = FIXED_TIME;
    }
    this.#zip.add(entry);
    return new ZipEntryStream(entry);
  }

  /** A whole part at once. */
  add(name: string, data: string | Uint8Array): void {
    this.open(name).end(data);
  }

  /** @internal Bytes handed to a compressor. */
  taken(n: number): void {
    this.#backlog += n;
  }

  /** @internal Bytes a compressor took. */
  done(n: number): void {
    this.#backlog -= n;
    if (this.#backlog < BACKLOG_HIGH / 2 && this.#waiters.length) {
      const w = this.#waiters;
      this.#waiters = [];
      w.forEach((fn) => fn());
    }
  }

  /** @internal A compressor or the sink failed: the file is abandoned. */
  fail(e: unknown): void {
    if (this.#error === undefined) this.#error = e ?? new Error('zip output failed');
    this.#rejectFinished(this.#error);
    const w = this.#waiters;
    this.#waiters = [];
    w.forEach((fn) => fn());
  }

  /**
   * Resolves when the compressors and the sink have caught up (so the rows written meanwhile do not
   * pile up in memory); rejects with the first failure. Writers call it every few thousand rows.
   */
  async ready(): Promise<void> {
    if (this.#error !== undefined) throw this.#error;
    if (this.#backlog >= BACKLOG_HIGH) await new Promise<void>((resolve) => this.#waiters.push(resolve));
    if (this.#error !== undefined) throw this.#error;
    await this.#sink.ready?.();
  }

  /** Ends the zip (every part opened must have ended) and resolves once its last byte is in the sink. */
  async finish(): Promise<void> {
    if (this.#error !== undefined) throw this.#error;
    this.#zip.end();
    await this.#finished;
    await this.#sink.ready?.();
  }
}
