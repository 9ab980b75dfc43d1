/**
 * The evidence references and notes of a round read by the byte reader, read back from the files
 * when the audit asks for them (issue 14: "read it back in a second pass rather than holding it").
 * The reader kept only where each cell's row stands (`SourceOffsets`: its offset, row number and
 * file, and where its two cells are in the line, so that the line need not be split again); the
 * audit goes unit by unit (in ranked order, not the file's), and each unit's rows stand together in
 * a council's files, so the rows are read through a small window of the file: one read per unit or
 * so. Each file stays open while it is being read and is closed once the reads pause.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { EVIDENCE_BYTES, EVIDENCE_WIDE, NOTE_BYTES, NOTE_WIDE, SPANS, type SourceOffsets } from '../criteria/input-bytes.js';
import type { CellSource, CellSourceBytes, CellSources } from '../criteria/inputs.js';
import { ParIndexError, problem } from '../errors.js';
import { ByteLine, splitCsvLine } from '../table/csv-bytes.js';
import type { FileStamp } from './csv-stream.js';

/** Bytes read at a time (a window grows for a longer line). */
const WINDOW = 1 << 14;
/** A file is closed this long after its last read. */
const IDLE_MS = 200;
/**
 * An open file's size and time are checked again before a read when this long has passed since the
 * last check (and whenever it is opened): an audit reads a window per unit or so — 10,000 reads for
 * a national round, and a check at each took as long as the reads.
 */
const CHECK_MS = 25;

/** One file's window: bytes `[start, start + length)` of the file. */
interface Window {
  start: number;
  length: number;
  bytes: Uint8Array;
  /** `bytes` up to `length` (made once per read, not per line). */
  view: Uint8Array;
}

const LF = 10;
const CR = 13;
const QUOTE = 34;
const SPACE = 32;
const TAB = 9;

/**
 * True when `bytes[s, e)` can be a cell of the line starting at `line` as the reader split it: an
 * empty range, or one after the line's start or a delimiter, quote, space or tab, and before one of
 * those, a line end or the window's end `n` (the file's end: the window holds the byte after a
 * range when the file has one).
 */
function cellAt(bytes: Uint8Array, line: number, s: number, e: number, n: number, delimiter: number): boolean {
  if (s === e) return true;
  if (s > line) {
    const b = bytes[s - 1];
    if (b !== delimiter && b !== QUOTE && b !== SPACE && b !== TAB) return false;
  }
  if (e >= n) return true;
  const a = bytes[e];
  return a === delimiter || a === QUOTE || a === SPACE || a === TAB || a === CR || a === LF;
}

/** {@link CellSources} read back from the evidence files at the offsets the byte reader kept. */
export class FileSources implements CellSources {
  private readonly windows: Window[];
  private readonly lines: ByteLine[];
  /** Open descriptors by file (closed when the reads pause). */
  private readonly fds: (number | undefined)[];
  private closer: ReturnType<typeof setTimeout> | undefined;
  /** When a file was last read (closed {@link IDLE_MS} after it), and last checked, by file. */
  private lastRead = 0;
  private readonly checked: number[];
  /** Where the line {@link lineAt} found starts in its window. */
  private lineStart = 0;
  /** What {@link sourceBytes} gives (one object, filled again at each call). */
  private readonly found: CellSourceBytes = { bytes: new Uint8Array(0), evidenceStart: 0, evidenceEnd: 0, noteStart: 0, noteEnd: 0, exact: true, row: 0 };

  constructor(
    private readonly offsets: SourceOffsets,
    private readonly stamps: readonly FileStamp[],
  ) {
    this.windows = offsets.files.map(() => {
      const bytes = new Uint8Array(WINDOW);
      return { start: 0, length: 0, bytes, view: bytes.subarray(0, 0) };
    });
    this.lines = offsets.files.map((f) => new ByteLine(f.cells));
    this.fds = offsets.files.map(() => undefined);
    this.checked = offsets.files.map(() => -Infinity);
  }

  /** Where the rows stand and the files' stamps (for another thread's {@link FileSources} over the same files). */
  where(): { offsets: SourceOffsets; stamps: readonly FileStamp[] } {
    return { offsets: this.offsets, stamps: this.stamps };
  }

  get(cell: number): CellSource | undefined {
    const at = this.offsets.offset[cell];
    if (at === 0) return undefined;
    const t = this.offsets.table[cell];
    const f = this.offsets.files[t];
    const line = this.split(t, at - 1);
    const evidence = line.text(f.evidence);
    const note = line.text(f.note);
    return { evidence, note, row: this.offsets.row[cell], file: f.file };
  }

  sourceBytes(cell: number): CellSourceBytes | undefined {
    const o = this.offsets;
    const at = o.offset[cell];
    if (at === 0) return undefined;
    const t = o.table[cell];
    const f = o.files[t];
    const r = this.found;
    const how = o.how[cell];
    if ((how & SPANS) !== 0) {
      // The ranges the reader kept: the line's bytes read, not split again — from the byte before
      // the line (the previous line's LF) to the one after the later range.
      const k = cell * 4;
      const w = this.windows[t];
      const base = this.span(t, at - 2, Math.max(o.spans[k + 1], o.spans[k + 3]) + 2) + 1;
      const bytes = w.bytes;
      r.bytes = bytes;
      r.evidenceStart = base + o.spans[k];
      r.evidenceEnd = base + o.spans[k + 1];
      r.noteStart = base + o.spans[k + 2];
      r.noteEnd = base + o.spans[k + 3];
      // The file as it was read: a line after a line end, each range between a cell's edges and,
      // past ASCII, UTF-8 (a file changed since, with the same size and time, is caught here).
      const edge = f.delimiter;
      if (
        bytes[base - 1] !== LF ||
        !cellAt(bytes, base, r.evidenceStart, r.evidenceEnd, w.length, edge) ||
        !cellAt(bytes, base, r.noteStart, r.noteEnd, w.length, edge) ||
        ((how & EVIDENCE_WIDE) !== 0 && !isUtf8(bytes.subarray(r.evidenceStart, r.evidenceEnd))) ||
        ((how & NOTE_WIDE) !== 0 && !isUtf8(bytes.subarray(r.noteStart, r.noteEnd)))
      ) {
        this.close();
        throw this.changed(t);
      }
      r.exact = (how & (EVIDENCE_BYTES | NOTE_BYTES)) === (EVIDENCE_BYTES | NOTE_BYTES);
      r.row = o.row[cell];
      r.file = f.file;
      return r;
    }
    const line = this.split(t, at - 1);
    r.bytes = line.bytes;
    r.exact = true;
    let k = f.evidence;
    if (k < 0 || k >= line.count) r.evidenceStart = r.evidenceEnd = 0;
    else {
      r.evidenceStart = line.start[k];
      r.evidenceEnd = line.end[k];
      if (!line.isBytes(k)) r.exact = false;
    }
    k = f.note;
    if (k < 0 || k >= line.count) r.noteStart = r.noteEnd = 0;
    else {
      r.noteStart = line.start[k];
      r.noteEnd = line.end[k];
      if (!line.isBytes(k)) r.exact = false;
    }
    r.row = this.offsets.row[cell];
    r.file = f.file;
    return r;
  }

  /** The line of file `t` at offset `at`, split into its cells. */
  private split(t: number, at: number): ByteLine {
    const line = this.lines[t];
    const e = this.lineAt(t, at);
    const bytes = this.windows[t].bytes;
    const s = this.lineStart;
    line.bytes = bytes;
    if (!splitCsvLine(bytes, s, e > s && bytes[e - 1] === 13 ? e - 1 : e, this.offsets.files[t].delimiter, line)) throw this.changed(t);
    return line;
  }

  /**
   * Where file offset `at` is in window `t`'s bytes, the window holding the `need` bytes from there
   * (read again when it does not) — all but the last, the byte after a line's later cell, when the
   * file ends before it; a file too short for them changed since it was read.
   */
  private span(t: number, at: number, need: number): number {
    const w = this.windows[t];
    const size = this.stamps[t].size;
    const end = Math.min(at + need, size);
    if (at + need - 1 > size) {
      this.close();
      throw this.changed(t);
    }
    if (at >= w.start && end <= w.start + w.length) return at - w.start;
    if (need > w.bytes.length) w.bytes = new Uint8Array(need);
    this.fill(t, at);
    if (w.start + w.length < end) {
      this.close();
      throw this.changed(t);
    }
    return 0;
  }

  /**
   * The line at file offset `at` in window `t`'s bytes: returns its end (its LF left out) and sets
   * {@link lineStart} to its start.
   */
  private lineAt(t: number, at: number): number {
    const w = this.windows[t];
    for (;;) {
      if (at >= w.start && at < w.start + w.length) {
        const s = at - w.start;
        this.lineStart = s;
        const lf = w.view.indexOf(10, s);
        if (lf >= 0) return lf;
        if (w.start + w.length >= this.stamps[t].size) return w.length; // the last line
        if (s === 0) w.bytes = new Uint8Array(w.bytes.length * 2); // a line longer than the window
      }
      this.fill(t, at);
    }
  }

  /** Reads the window of file `t` from offset `at`, checking the file is the one that was read. */
  private fill(t: number, at: number): void {
    const w = this.windows[t];
    let fd = this.fds[t];
    if (fd === undefined) {
      try {
        fd = openSync(this.offsets.files[t].file ?? '', 'r');
      } catch {
        throw this.changed(t);
      }
      this.fds[t] = fd;
      this.checked[t] = -Infinity;
    }
    const now = performance.now();
    this.lastRead = now;
    this.closeWhenIdle();
    if (now - this.checked[t] >= CHECK_MS) {
      const st = fstatSync(fd);
      if (st.size !== this.stamps[t].size || st.mtimeMs !== this.stamps[t].mtimeMs) {
        this.close();
        throw this.changed(t);
      }
      this.checked[t] = now;
    }
    let got = 0;
    while (got < w.bytes.length) {
      const n = readSync(fd, w.bytes, got, w.bytes.length - got, at + got);
      if (n === 0) break;
      got += n;
    }
    w.start = at;
    w.length = got;
    w.view = w.bytes.subarray(0, got);
  }

  /** Closes the open files once no read came for a while (the audit is done, or paused). */
  private closeWhenIdle(): void {
    if (this.closer !== undefined) return;
    const wait = (ms: number) => {
      this.closer = setTimeout(() => {
        const idle = performance.now() - this.lastRead;
        if (idle >= IDLE_MS) this.close();
        else wait(IDLE_MS - idle);
      }, ms);
      this.closer.unref();
    };
    wait(IDLE_MS);
  }

  private close(): void {
    if (this.closer !== undefined) clearTimeout(this.closer);
    this.closer = undefined;
    this.fds.forEach((fd, t) => {
      if (fd !== undefined) closeSync(fd);
      this.fds[t] = undefined;
    });
  }

  private changed(t: number): ParIndexError {
    return new ParIndexError({ file: this.offsets.files[t].file, ...problem('unreadable-file/changed') });
  }
}
