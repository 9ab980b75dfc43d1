/**
 * The evidence references and notes of a round read by the byte reader, read back from the files
 * when the audit asks for them (issue 14: "read it back in a second pass rather than holding it").
 * The reader kept only where each cell's row stands (`SourceOffsets`: three numbers per cell); the
 * audit goes unit by unit (in ranked order, not the file's), and each unit's rows stand together in
 * a council's files, so the rows are read through a small window of the file: one read per unit or
 * so. Each file stays open while it is being read and is closed once the reads pause.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { SourceOffsets } from '../criteria/input-bytes.js';
import type { CellSource, CellSources } from '../criteria/inputs.js';
import { ParIndexError, problem } from '../errors.js';
import { ByteLine, splitCsvLine } from '../table/csv-bytes.js';
import type { FileStamp } from './csv-stream.js';

/** Bytes read at a time (a window grows for a longer line). */
const WINDOW = 1 << 14;
/** A file is closed this long after its last read. */
const IDLE_MS = 200;

/** One file's window: bytes `[start, start + length)` of the file. */
interface Window {
  start: number;
  length: number;
  bytes: Uint8Array;
}

/** {@link CellSources} read back from the evidence files at the offsets the byte reader kept. */
export class FileSources implements CellSources {
  private readonly windows: Window[];
  private readonly lines: ByteLine[];
  /** Open descriptors by file (closed when the reads pause). */
  private readonly fds: (number | undefined)[];
  private closer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly offsets: SourceOffsets,
    private readonly stamps: readonly FileStamp[],
  ) {
    this.windows = offsets.files.map(() => ({ start: 0, length: 0, bytes: new Uint8Array(WINDOW) }));
    this.lines = offsets.files.map((f) => new ByteLine(f.cells));
    this.fds = offsets.files.map(() => undefined);
  }

  get(cell: number): CellSource | undefined {
    const at = this.offsets.offset[cell];
    if (at === 0) return undefined;
    const t = this.offsets.table[cell];
    const f = this.offsets.files[t];
    const line = this.lines[t];
    const { bytes, s, e } = this.lineAt(t, at - 1);
    line.bytes = bytes;
    if (!splitCsvLine(bytes, s, e > s && bytes[e - 1] === 13 ? e - 1 : e, f.delimiter, line)) throw this.changed(t);
    const evidence = line.text(f.evidence);
    const note = line.text(f.note);
    return { evidence, note, row: this.offsets.row[cell], file: f.file };
  }

  /** The bytes of the line at file offset `at` (its LF left out). */
  private lineAt(t: number, at: number): { bytes: Uint8Array; s: number; e: number } {
    const w = this.windows[t];
    for (;;) {
      if (at >= w.start && at < w.start + w.length) {
        const s = at - w.start;
        const lf = w.bytes.subarray(0, w.length).indexOf(10, s);
        if (lf >= 0) return { bytes: w.bytes, s, e: lf };
        if (w.start + w.length >= this.stamps[t].size) return { bytes: w.bytes, s, e: w.length }; // the last line
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
    }
    this.closeWhenIdle();
    const st = fstatSync(fd);
    if (st.size !== this.stamps[t].size || st.mtimeMs !== this.stamps[t].mtimeMs) {
      this.close();
      throw this.changed(t);
    }
    let got = 0;
    while (got < w.bytes.length) {
      const n = readSync(fd, w.bytes, got, w.bytes.length - got, at + got);
      if (n === 0) break;
      got += n;
    }
    w.start = at;
    w.length = got;
  }

  /** Closes the open files once no read came for a while (the audit is done, or paused). */
  private closeWhenIdle(): void {
    if (this.closer !== undefined) clearTimeout(this.closer);
    this.closer = setTimeout(() => this.close(), IDLE_MS);
    this.closer.unref();
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
