/**
 * A CSV line splitter over bytes, fed in chunks of any size (issue 14): each line's cells become
 * byte ranges into the chunk (or into a small buffer for a line that spans two chunks) — no string,
 * no array per row — for a reader that looks its cells up by bytes and parses numbers in place
 * (`src/criteria/input-bytes.ts`). The file's bytes are never held whole: memory is one chunk.
 *
 * It takes only what it reads exactly as the table readers (`csv.ts`, `csv-fast.ts`, csv-parse)
 * would: LF line ends, or CRLF on every line when the first line ends so; RFC 4180 quotes within a
 * line (`""` escapes); cells trimmed as the tables trim them. At anything else — a quote left open
 * (a line break inside quotes), a quote inside an unquoted cell, text after a closing quote, a bare
 * CR, a control character, more cells than the header line, a UTF-16 mark or a binary file — the
 * sink is told nothing more and {@link CsvByteLines.push} returns false: the caller reads the file
 * through the table readers instead, which are the reference and word every problem. Lines holding
 * bytes past ASCII are checked to be UTF-8 (a line that is not makes it give up the same way).
 */
import { binaryKind, utf16Mark } from './files.js';

const QUOTE = 34;
const LF = 10;
const CR = 13;
const TAB = 9;
const SPACE = 32;

/** The cells of one line as byte ranges into {@link ByteLine.bytes}, valid during the sink's call only. */
export class ByteLine {
  /** The bytes the ranges index (a chunk, or a buffer holding a line that spans chunks). */
  bytes: Uint8Array = new Uint8Array(0);
  /** Number of cells. */
  count = 0;
  /** Line number in the file (the header is 1). */
  row = 1;
  /** Byte offset of the line's first byte in the file (after any byte order mark: as the file's bytes). */
  offset = 0;
  /** Index in {@link bytes} of the line's first byte (the ranges below less this: places in the line). */
  begin = 0;
  /** Start of each cell, spaces and tabs around it left out (inside the quotes for a quoted cell). */
  readonly start: Int32Array;
  /** End (exclusive) of each cell. */
  readonly end: Int32Array;
  /** 1 where a quoted cell holds `""` (its text needs unescaping). */
  readonly escaped: Uint8Array;
  /** 1 where a cell holds a byte past ASCII (the line is valid UTF-8). */
  readonly wide: Uint8Array;

  constructor(cells: number) {
    this.start = new Int32Array(cells);
    this.end = new Int32Array(cells);
    this.escaped = new Uint8Array(cells);
    this.wide = new Uint8Array(cells);
  }

  /**
   * True when `text(k)` is cell `k`'s bytes as UTF-8, byte for byte: no doubled quote undone, and no
   * trim past the spaces and tabs already left out of the range — a cell of ASCII only, or one
   * starting and ending with an ASCII byte (the line is valid UTF-8, so decoding and encoding again
   * gives its bytes; a first byte below 0x80 is no byte order mark the decoder would drop).
   */
  isBytes(k: number): boolean {
    if (this.escaped[k] === 1) return false;
    if (this.wide[k] === 0) return true;
    const s = this.start[k];
    const e = this.end[k];
    return s === e || (this.bytes[s] < 0x80 && this.bytes[e - 1] < 0x80);
  }

  /** True when cell `k` is written as nothing but spaces or tabs (or the line has no such cell). */
  bytesEmpty(k: number): boolean {
    return k < 0 || k >= this.count || this.start[k] === this.end[k];
  }

  /** Cell `k`'s text, unescaped and trimmed as the tables trim cells ('' when the line has no such cell). */
  text(k: number): string {
    if (k < 0 || k >= this.count) return '';
    const s = this.start[k];
    const e = this.end[k];
    let t: string;
    if (this.wide[k] === 0) {
      t = e - s < 64 ? String.fromCharCode.apply(null, this.bytes.subarray(s, e) as unknown as number[]) : LATIN1.decode(this.bytes.subarray(s, e));
    } else t = UTF8.decode(this.bytes.subarray(s, e));
    if (this.escaped[k] === 1) t = t.replaceAll('""', '"');
    return this.wide[k] === 0 && this.escaped[k] === 0 ? t : t.trim();
  }

  /** True when cell `k` is blank as the tables see it (empty once trimmed). */
  blank(k: number): boolean {
    if (this.bytesEmpty(k)) return true;
    // Spaces and tabs are trimmed from the range already: a cell starting or ending with any other
    // ASCII byte holds text. Only a cell wrapped in bytes past ASCII (a no-break space?) is decoded.
    if (this.wide[k] === 0 || this.bytes[this.start[k]] < 0x80 || this.bytes[this.end[k] - 1] < 0x80) return false;
    return this.text(k) === '';
  }
}

const UTF8 = new TextDecoder('utf-8');
const UTF8_STRICT = new TextDecoder('utf-8', { fatal: true });
// ASCII bytes only reach it, so any single-byte decoding gives the same text.
const LATIN1 = new TextDecoder('latin1');

/** What the caller makes of the header line: its delimiter and cell count, or false to give up. */
export type HeaderResult = { delimiter: string; cells: number } | false;

/** The receiver of a file's lines. */
export interface ByteLineSink {
  /** The header line as text (byte order mark removed, line end left out). */
  header(text: string): HeaderResult;
  /** One data line (blank lines included: the sink decides); false to give up. */
  line(line: ByteLine): boolean;
}

/**
 * Splits a CSV file's bytes, given in chunks, into lines for a {@link ByteLineSink}. `push` each chunk
 * in order (a chunk may be reused by the caller once `push` returns), then `end()`. Both return false
 * once the splitter or the sink gave up; nothing more is read then.
 */
export class CsvByteLines {
  private carry: Uint8Array = new Uint8Array(256);
  private carried = 0;
  /** File offset of `carry[0]`. */
  private carryOffset = 0;
  /** Bytes of the file seen before the current chunk. */
  private seen = 0;
  private headerDone = false;
  private crlf = false;
  private d = 44;
  private line: ByteLine = new ByteLine(0);
  private row = 1;
  private failed = false;

  constructor(private readonly sink: ByteLineSink) {}

  /** Feeds the next chunk; false once reading gave up. */
  push(chunk: Uint8Array): boolean {
    if (this.failed) return false;
    let pos = 0;
    const n = chunk.length;
    const base = this.seen;
    this.seen += n;
    if (this.carried > 0 || !this.headerDone) {
      // The line begun in an earlier chunk (or the header, however long) ends at this chunk's first LF.
      const lf = chunk.indexOf(LF);
      if (lf < 0) {
        this.keep(chunk, 0, n, base);
        return true;
      }
      this.keep(chunk, 0, lf, base);
      pos = lf + 1;
      const ok = this.carriedLine();
      this.carried = 0;
      if (!ok) return this.fail();
    }
    pos = this.wholeLines(chunk, pos, base);
    if (pos < 0) return this.fail();
    // The tail without a line end waits for the next chunk.
    if (pos < n) this.keep(chunk, pos, n, base + pos);
    return true;
  }

  /**
   * The whole lines of a chunk from `pos`, each split in the one pass that finds its end and handed
   * to the sink; returns where the first incomplete line starts (the chunk's length when none), or
   * -1 when the splitter or the sink gave up. (The loop is a method of its own: the optimized code
   * of a loop entered in the middle of `push` knew nothing of the code after it and was thrown
   * away at the end of every chunk.)
   */
  private wholeLines(chunk: Uint8Array, pos: number, base: number): number {
    const n = chunk.length;
    const line = this.line;
    const sink = this.sink;
    const d = this.d;
    const crlf = this.crlf;
    let row = this.row;
    while (pos < n) {
      line.bytes = chunk;
      line.row = row + 1;
      line.offset = base + pos;
      line.begin = pos;
      const end = scanCsvLine(chunk, pos, n, d, crlf, false, line);
      if (end === INCOMPLETE) break;
      if (end === GIVE_UP) return -1;
      row++;
      this.row = row;
      if (!sink.line(line)) return -1;
      pos = end + 1;
    }
    return pos;
  }

  /** The end of the file: the last line if it had no line end. False when reading gave up (or no header was found). */
  end(): boolean {
    if (this.failed) return false;
    if (!this.headerDone) {
      // A file of one line (or none): the table readers' case.
      return this.fail();
    }
    if (this.carried > 0) {
      const ok = this.dataLine(this.carry, 0, this.carried, this.carryOffset, false);
      this.carried = 0;
      if (!ok) return this.fail();
    }
    return true;
  }

  private fail(): false {
    this.failed = true;
    this.carried = 0;
    return false;
  }

  private keep(chunk: Uint8Array, s: number, e: number, offset: number): void {
    if (this.carried === 0) this.carryOffset = offset;
    const need = this.carried + (e - s);
    if (need > this.carry.length) {
      const grown = new Uint8Array(Math.max(need, this.carry.length * 2));
      grown.set(this.carry.subarray(0, this.carried));
      this.carry = grown;
    }
    this.carry.set(chunk.subarray(s, e), this.carried);
    this.carried = need;
  }

  /** The line gathered in `carry` (its LF just found): the header, or a data line. */
  private carriedLine(): boolean {
    if (this.headerDone) return this.dataLine(this.carry, 0, this.carried, this.carryOffset, true);
    return this.headerLine(this.carry.subarray(0, this.carried));
  }

  private headerLine(b: Uint8Array): boolean {
    this.headerDone = true;
    if (binaryKind(b) !== undefined || utf16Mark(b) !== undefined) return false;
    let s = 0;
    if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) s = 3;
    let e = b.length;
    if (e > s && b[e - 1] === CR) {
      this.crlf = true;
      e--;
    }
    let quotes = 0;
    for (let i = s; i < e; i++) {
      const c = b[i];
      if (c === QUOTE) quotes++;
      else if (c === CR || c === 0) return false;
    }
    if (quotes % 2 !== 0) return false; // a header cell with a line break inside quotes
    let text: string;
    try {
      text = UTF8_STRICT.decode(b.subarray(s, e));
    } catch {
      return false;
    }
    const h = this.sink.header(text);
    if (h === false || h.delimiter.length !== 1) return false;
    this.d = h.delimiter.charCodeAt(0);
    if (this.d === QUOTE || this.d === CR || this.d === LF) return false;
    this.line = new ByteLine(h.cells);
    return true;
  }

  /**
   * Splits the whole line `b[s, e)` (its LF left out: a line carried over chunks, `hadLF`, or the
   * file's last) and hands it to the sink.
   */
  private dataLine(b: Uint8Array, s: number, e: number, offset: number, hadLF: boolean): boolean {
    if (hadLF && this.crlf && (e === s || b[e - 1] !== CR)) return false; // a bare LF in a CRLF file
    this.row++;
    const line = this.line;
    line.bytes = b;
    line.row = this.row;
    line.offset = offset;
    line.begin = s;
    if (scanCsvLine(b, s, e, this.d, this.crlf, true, line) < 0) return false;
    return this.sink.line(line);
  }
}

/** A byte of an unquoted cell's text: printable ASCII, a space or a tab (not the delimiter). */
const PLAIN = 0;
/** A byte that ends an unquoted cell: the delimiter, LF or CR. */
const ENDS = 1;
/** A byte no unquoted cell may hold here: a quote, a control character. */
const REFUSED = 2;
/** A byte past ASCII (part of a UTF-8 sequence, checked once the line is split). */
const WIDE = 3;

/** The class of every byte in an unquoted cell for the delimiter last asked about. */
let classesOf = -1;
let classes = new Uint8Array(256);

function byteClasses(d: number): Uint8Array {
  if (d !== classesOf) {
    const t = new Uint8Array(256);
    for (let x = 0; x < 256; x++) t[x] = x === d || x === LF || x === CR ? ENDS : x >= 0x80 ? WIDE : x === QUOTE || (x < SPACE && x !== TAB) ? REFUSED : PLAIN;
    classes = t;
    classesOf = d;
  }
  return classes;
}

/** {@link scanCsvLine}: the line is not whole in the bytes given (more are coming). */
export const INCOMPLETE = -2;
/** {@link scanCsvLine}: the line is one the table readers must read. */
export const GIVE_UP = -1;

/**
 * Splits the line starting at `b[s]` at delimiter `d` into `line`'s cell ranges (its `bytes`, `row`
 * and `offset` are the caller's to set), finding its end in the same pass. Returns the index of the
 * line's LF; with `last` (the line runs to `limit`, no LF), `limit`; {@link INCOMPLETE} when `limit`
 * comes first and more bytes follow; {@link GIVE_UP} for a line the table readers must read — a
 * quote left open or holding a line break, a quote inside an unquoted cell, text after a closing
 * quote, a control character, a bare CR (or a line without its CR in a CRLF file), more cells than
 * `line` holds, bytes that are not UTF-8.
 */
export function scanCsvLine(b: Uint8Array, s: number, limit: number, d: number, crlf: boolean, last: boolean, line: ByteLine): number {
  const cls = byteClasses(d);
  const starts = line.start;
  const ends = line.end;
  const escapes = line.escaped;
  const wides = line.wide;
  const max = starts.length;
  let k = 0;
  let i = s;
  let wideLine = false;
  let c: number;
  for (;;) {
    if (k >= max) return GIVE_UP; // more cells than the header line
    let cs: number;
    let ce: number;
    let esc = 0;
    let wide = 0;
    if (i < limit && b[i] === QUOTE) {
      let j = i + 1;
      cs = j;
      for (;;) {
        if (j >= limit) return last ? GIVE_UP : INCOMPLETE; // the quote closes later (or never)
        const x = b[j];
        if (x === QUOTE) {
          if (j + 1 < limit && b[j + 1] === QUOTE) {
            esc = 1;
            j += 2;
            continue;
          }
          if (j + 1 >= limit && !last) return INCOMPLETE; // a doubled quote may be split
          break;
        }
        if (x >= 0x80) wide = 1;
        else if (x < SPACE && x !== TAB) return GIVE_UP; // a line break inside quotes, a control character
        j++;
      }
      ce = j;
      i = j + 1;
      c = i < limit ? b[i] : -1;
      if (c !== d && c !== LF && c !== CR && c !== -1) return GIVE_UP; // text after the closing quote
    } else {
      // One look-up per byte: most bytes are plain text (class 0).
      let j = i;
      for (; j < limit; j++) {
        const t = cls[b[j]];
        if (t !== PLAIN) {
          if (t !== WIDE) break;
          wide = 1;
        }
      }
      cs = i;
      ce = j;
      i = j;
      if (j < limit) {
        c = b[j];
        if (cls[c] === REFUSED) return GIVE_UP; // a quote inside an unquoted cell, a control character
      } else c = -1;
    }
    // The only bytes up to a space left in a cell are spaces and tabs (any other gave up).
    if (cs < ce) {
      if (b[cs] <= SPACE) {
        cs++;
        while (cs < ce && b[cs] <= SPACE) cs++;
      }
      if (b[ce - 1] <= SPACE) {
        ce--;
        while (ce > cs && b[ce - 1] <= SPACE) ce--;
      }
    }
    starts[k] = cs;
    ends[k] = ce;
    escapes[k] = esc;
    wides[k] = wide;
    if (wide === 1) wideLine = true;
    k++;
    if (c !== d) break;
    i++; // the delimiter: another cell follows (an empty one at the line's end)
  }
  line.count = k;
  let end: number;
  if (c === -1) {
    if (!last) return INCOMPLETE;
    end = limit;
  } else if (c === LF) {
    if (crlf && !last) return GIVE_UP; // a bare LF in a CRLF file: mixed line ends
    end = i;
  } else {
    // CR: a line end only as CR LF in a CRLF file (or the file's last byte there).
    if (!crlf) return GIVE_UP;
    if (i + 1 < limit) {
      if (b[i + 1] !== LF) return GIVE_UP;
      end = i + 1;
    } else if (last) end = limit;
    else return INCOMPLETE;
  }
  if (wideLine && !isUtf8(b, s, i)) return GIVE_UP;
  return end;
}

/**
 * Splits the whole line `b[s, e)` (no line end) at delimiter `d` into `line`'s cell ranges. False
 * for a line the table readers must read (see {@link scanCsvLine}).
 */
export function splitCsvLine(b: Uint8Array, s: number, e: number, d: number, line: ByteLine): boolean {
  return scanCsvLine(b, s, e, d, false, true, line) >= 0;
}

/**
 * True when `b[s, e)` is well-formed UTF-8 as a fatal `TextDecoder` accepts it (no overlong forms,
 * surrogates or code points past U+10FFFF), checked without making a string.
 */
export function isUtf8(b: Uint8Array, s: number, e: number): boolean {
  let i = s;
  while (i < e) {
    const c = b[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      if (c === 0xe0) lo = 0xa0;
      else if (c === 0xed) hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      if (c === 0xf0) lo = 0x90;
      else if (c === 0xf4) hi = 0x8f;
    } else return false;
    if (i + need >= e) return false;
    const c1 = b[i + 1];
    if (c1 < lo || c1 > hi) return false;
    for (let j = 2; j <= need; j++) {
      const cj = b[i + j];
      if (cj < 0x80 || cj > 0xbf) return false;
    }
    i += need + 1;
  }
  return true;
}
