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
import { binaryKind } from './files.js';

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
    return this.wide[k] === 1 && this.text(k) === '';
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
    // Whole lines inside the chunk; the tail without a line end waits for the next chunk.
    for (;;) {
      const lf = chunk.indexOf(LF, pos);
      if (lf < 0) break;
      if (!this.dataLine(chunk, pos, lf, base + pos)) return this.fail();
      pos = lf + 1;
    }
    if (pos < n) this.keep(chunk, pos, n, base + pos);
    return true;
  }

  /** The end of the file: the last line if it had no line end. False when reading gave up (or no header was found). */
  end(): boolean {
    if (this.failed) return false;
    if (!this.headerDone) {
      // A file of one line (or none): the table readers' case.
      return this.fail();
    }
    if (this.carried > 0) {
      const ok = this.dataLine(this.carry, 0, this.carried, this.carryOffset, true);
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
    if (this.headerDone) return this.dataLine(this.carry, 0, this.carried, this.carryOffset);
    return this.headerLine(this.carry.subarray(0, this.carried));
  }

  private headerLine(b: Uint8Array): boolean {
    this.headerDone = true;
    if (binaryKind(b) !== undefined || (b.length >= 2 && ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff)))) return false;
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
   * Splits the line `b[s, lf)` (`lf` its LF, or the file's end when `last`) and hands it to the sink.
   */
  private dataLine(b: Uint8Array, s: number, lf: number, offset: number, last = false): boolean {
    this.row++;
    let e = lf;
    if (this.crlf) {
      if (e > s && b[e - 1] === CR) e--;
      else if (!last) return false; // a bare LF in a CRLF file: mixed line ends
    }
    const line = this.line;
    line.bytes = b;
    line.row = this.row;
    line.offset = offset;
    if (!splitCsvLine(b, s, e, this.d, line)) return false;
    return this.sink.line(line);
  }
}

/**
 * Splits the line `b[s, e)` (no line end) at delimiter `d` into `line`'s cell ranges (its `bytes`,
 * `row` and `offset` are the caller's to set). False for a line the table readers must read: a quote
 * left open, a quote inside an unquoted cell, text after a closing quote, a control character, more
 * cells than `line` holds, bytes that are not UTF-8.
 */
export function splitCsvLine(b: Uint8Array, s: number, e: number, d: number, line: ByteLine): boolean {
  const max = line.start.length;
  let k = 0;
  let i = s;
  let wideLine = false;
  for (;;) {
    if (k >= max) return false; // more cells than the header line
    let cs: number;
    let ce: number;
    let esc = 0;
    let wide = 0;
    if (i < e && b[i] === QUOTE) {
      let j = i + 1;
      cs = j;
      for (;;) {
        if (j >= e) return false; // the quote closes on another line (or never)
        const c = b[j];
        if (c === QUOTE) {
          if (j + 1 < e && b[j + 1] === QUOTE) {
            esc = 1;
            j += 2;
            continue;
          }
          break;
        }
        if (c >= 0x80) wide = 1;
        else if (c < SPACE && c !== TAB) return false;
        j++;
      }
      ce = j;
      i = j + 1;
      if (i < e && b[i] !== d) return false; // text after the closing quote
    } else {
      let j = i;
      for (; j < e; j++) {
        const c = b[j];
        if (c === d) break;
        if (c === QUOTE) return false;
        if (c >= 0x80) wide = 1;
        else if (c < SPACE && c !== TAB) return false;
      }
      cs = i;
      ce = j;
      i = j;
    }
    while (cs < ce && (b[cs] === SPACE || b[cs] === TAB)) cs++;
    while (ce > cs && (b[ce - 1] === SPACE || b[ce - 1] === TAB)) ce--;
    line.start[k] = cs;
    line.end[k] = ce;
    line.escaped[k] = esc;
    line.wide[k] = wide;
    if (wide === 1) wideLine = true;
    k++;
    if (i >= e) break;
    i++; // the delimiter
    if (i === e) {
      if (k >= max) return false;
      line.start[k] = e;
      line.end[k] = e;
      line.escaped[k] = 0;
      line.wide[k] = 0;
      k++;
      break;
    }
  }
  line.count = k;
  if (wideLine) {
    try {
      UTF8_STRICT.decode(b.subarray(s, e));
    } catch {
      return false;
    }
  }
  return true;
}
