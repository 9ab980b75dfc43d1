/**
 * The fast path for responses CSV: a hand-written byte tokenizer for this one shape (one row per
 * form, one small cell per question), fed chunk by chunk so memory stays flat whatever the number
 * of forms. It handles a UTF-8 BOM, `,` `;` or tab delimiters (guessed from the header line like
 * every CSV reader of parindex), LF, CRLF or CR line ends, quoted cells (with `""` escapes and line
 * breaks inside) and cells split across chunks. An answer cell of one byte is read without making
 * a string; anything else goes through {@link readAnswer}, so both readers agree on every cell.
 * Malformed CSV (a quote opening inside a cell, text after a closing quote, a quote left open) is
 * a located `bad-csv` error, as with csv-parse. The csv-parse stream (`./csv-stream.ts`) is the
 * general path and the reference in tests.
 */
import { ParIndexError, problem } from '../errors.js';
import { guessDelimiter } from '../table/csv.js';
import { utf16Mark } from '../table/files.js';
import { FNV_OFFSET, FNV_PRIME, hashBytes, sameBytes } from '../text/bytes.js';
import { BAD_ANSWER, readAnswer } from './answers.js';
import { ANSWER_CODES } from './counts.js';
import { ROLE_UNIT, type FormIngest } from './ingest.js';

const LF = 10;
const CR = 13;
const QUOTE = 34;

/** Unit of the current form: blank so far. */
const UNIT_BLANK = -1;
/** Unit of the current form: not in the units list. */
const UNIT_UNKNOWN = -2;

/** Bytes of the start of a file kept before the delimiter is guessed (the header line). */
const HEADER_PROBE = 1 << 16;

/**
 * The most bytes one cell may hold (1 MiB; an answer is one digit, a unit id a few words): a file
 * that never ends a cell (`/dev/zero`, a binary file) stops here with a located `limit-exceeded`
 * instead of filling memory.
 */
export const MAX_CELL_BYTES = 1 << 20;

/** The most cells one line may hold (Excel's 16,384 columns): a line that never ends stops here. */
export const MAX_LINE_CELLS = 16_384;

interface UnitEntry {
  bytes: Uint8Array;
  index: number;
  text: string;
  next?: UnitEntry;
}

/**
 * End of a quoted cell whose content starts at `from`: the closing quote's index, or -1 when the
 * cell has a doubled quote or a line break (the general path reads those). Stops at the first LF,
 * so it never reads past the chunk's last line end.
 */
function closingQuote(b: Uint8Array, from: number): number {
  let j = from;
  for (;;) {
    const c = b[j];
    if (c === QUOTE) return b[j + 1] === QUOTE ? -1 : j;
    if (c === LF) return -1;
    j++;
  }
}

/** True when the bytes hold only white space as String.prototype.trim sees it. */
function isBlankBytes(b: Uint8Array, s: number, e: number, decode: (b: Uint8Array, s: number, e: number) => string): boolean {
  for (let i = s; i < e; i++) {
    const c = b[i];
    if (c === 0x20 || (c >= 0x09 && c <= 0x0d)) continue;
    if (c >= 0x80) return decode(b, s, e).trim() === '';
    return false;
  }
  return true;
}

/** Splits responses CSV bytes into forms and counts them through a {@link FormIngest}. */
export class ResponsesTokenizer {
  private readonly ingest: FormIngest;
  private readonly decoder = new TextDecoder('utf-8');
  private readonly special = new Uint8Array(256);
  private delim = -1;
  /** The delimiter given by the caller (else guessed from the header line). */
  private readonly givenDelimiter: string | undefined;
  /** True once the start of the file (BOM, delimiter) has been dealt with. */
  private started = false;
  private probe: Uint8Array[] = [];
  private probeBytes = 0;
  // Current record.
  private row = 1;
  private col = 0;
  private nonBlank = false;
  private bad = false;
  private unit = UNIT_BLANK;
  private unknownText = '';
  /** The record's first non-blank cell right of the header (-1: none), and its text. */
  private extraCol = -1;
  private extraText = '';
  private readonly headerCells: string[] = [];
  // Current field.
  private inQuotes = false;
  private pendingQuote = false;
  private afterQuote = false;
  private skipLF = false;
  private useScratch = false;
  private scratch = new Uint8Array(256);
  private scratchLen = 0;
  // Unit look-up by bytes.
  private readonly unitCache = new Map<number, UnitEntry>();

  /** A tokenizer counting into `ingest`; `delimiter` overrides the guess from the header line. */
  constructor(ingest: FormIngest, delimiter?: string) {
    this.ingest = ingest;
    this.givenDelimiter = delimiter;
  }

  private setDelimiter(d: string): void {
    this.delim = d.charCodeAt(0);
    this.special.fill(0);
    for (const c of [this.delim, LF, CR, QUOTE]) this.special[c] = 1;
  }

  private decode = (b: Uint8Array, s: number, e: number): string => this.decoder.decode(b.subarray(s, e));
  private readonly strictDecoder = new TextDecoder('utf-8', { fatal: true });

  /** The text of a cell the reading uses (header, unit, a non-digit answer): bytes that are not UTF-8 stop with a located error. */
  private cellText(b: Uint8Array, s: number, e: number, col: number): string {
    try {
      return this.strictDecoder.decode(b.subarray(s, e));
    } catch {
      throw new ParIndexError({ ...this.ingest.at(this.row, col), ...problem('bad-encoding/not-utf-8'), value: this.decode(b, s, e) });
    }
  }

  private badCsv(fields: ReturnType<typeof problem>): never {
    throw new ParIndexError({ file: this.ingest.file, row: this.row, ...fields });
  }

  /** Feeds the next chunk of the file. */
  push(chunk: Uint8Array): void {
    if (!this.started) {
      this.probe.push(chunk.slice());
      this.probeBytes += chunk.length;
      if (chunk.indexOf(LF) < 0 && chunk.indexOf(CR) < 0 && this.probeBytes < HEADER_PROBE) return;
      this.startFromProbe();
      return;
    }
    this.scan(chunk);
  }

  /** Skips a BOM, guesses the delimiter from the header line unless given, then scans what was kept. */
  private startFromProbe(): void {
    this.started = true;
    let all = this.probe.length === 1 ? this.probe[0] : new Uint8Array(this.probeBytes);
    if (this.probe.length > 1) {
      let at = 0;
      for (const p of this.probe) all.set(p, at), (at += p.length);
    }
    this.probe = [];
    const utf16 = utf16Mark(all);
    if (utf16 !== undefined) throw new ParIndexError({ file: this.ingest.file, ...problem('bad-encoding/utf-16'), value: utf16 });
    if (all.length >= 3 && all[0] === 0xef && all[1] === 0xbb && all[2] === 0xbf) all = all.subarray(3);
    this.setDelimiter(this.givenDelimiter ?? guessDelimiter(this.decode(all, 0, Math.min(all.length, HEADER_PROBE))));
    this.scan(all);
  }

  private appendScratch(b: Uint8Array, s: number, e: number): void {
    const need = this.scratchLen + (e - s);
    if (need > MAX_CELL_BYTES) throw new ParIndexError({ file: this.ingest.file, row: this.row, ...problem('limit-exceeded/cell-bytes', { max: MAX_CELL_BYTES }) });
    if (need > this.scratch.length) {
      const bigger = new Uint8Array(Math.max(need, this.scratch.length * 2));
      bigger.set(this.scratch.subarray(0, this.scratchLen));
      this.scratch = bigger;
    }
    if (e - s < 32) {
      const dst = this.scratch;
      for (let i = s, j = this.scratchLen; i < e; i++, j++) dst[j] = b[i];
    } else this.scratch.set(b.subarray(s, e), this.scratchLen);
    this.scratchLen = need;
  }

  private scan(buf: Uint8Array): void {
    const n = buf.length;
    const special = this.special;
    const delim = this.delim;
    let i = 0;
    if (this.skipLF) {
      this.skipLF = false;
      if (n > 0 && buf[0] === LF) i = 1;
    }
    if (this.pendingQuote && n > 0) {
      this.pendingQuote = false;
      if (buf[i] === QUOTE) {
        this.appendScratch(buf, i, i + 1);
        i++;
      } else {
        this.inQuotes = false;
        this.afterQuote = true;
      }
    }
    if (this.afterQuote && i < n) {
      const b = buf[i];
      if (b !== delim && b !== LF && b !== CR) this.badCsv(problem('bad-csv/text-after-quote', { field: this.col + 1 }));
      this.afterQuote = false;
    }
    const lastLF = buf.lastIndexOf(LF);
    if (this.atRecordStart()) i = this.fastRecords(buf, i, lastLF);
    let fieldStart = i;
    while (i < n) {
      if (this.inQuotes) {
        let j = buf.indexOf(QUOTE, i);
        if (j < 0) j = n;
        this.appendScratch(buf, i, j);
        if (j === n) {
          i = n;
          fieldStart = n;
          break;
        }
        if (j + 1 === n) {
          this.pendingQuote = true;
          i = n;
          fieldStart = n;
          break;
        }
        if (buf[j + 1] === QUOTE) {
          this.appendScratch(buf, j, j + 1);
          i = j + 2;
          continue;
        }
        this.inQuotes = false;
        i = j + 1;
        fieldStart = i;
        if (i < n) {
          const b = buf[i];
          if (b !== delim && b !== LF && b !== CR) this.badCsv(problem('bad-csv/text-after-quote', { field: this.col + 1 }));
        } else this.afterQuote = true;
        continue;
      }
      while (i < n && special[buf[i]] === 0) i++;
      if (i === n) break;
      const b = buf[i];
      if (b === delim) {
        this.endField(buf, fieldStart, i);
        fieldStart = ++i;
        continue;
      }
      if (b === LF || b === CR) {
        this.endField(buf, fieldStart, i);
        this.endRecord();
        i++;
        if (b === CR) {
          if (i < n) {
            if (buf[i] === LF) i++;
          } else this.skipLF = true;
        }
        if (i <= lastLF && !this.skipLF) i = this.fastRecords(buf, i, lastLF);
        fieldStart = i;
        continue;
      }
      // A quote.
      if (i === fieldStart && !this.useScratch) {
        this.inQuotes = true;
        this.useScratch = true;
        this.scratchLen = 0;
        i++;
        continue;
      }
      this.badCsv(problem('bad-csv/quote-in-unquoted', { field: this.col + 1 }));
    }
    if (!this.inQuotes && fieldStart < n) {
      this.appendScratch(buf, fieldStart, n);
      this.useScratch = true;
    }
  }

  /** True between records, outside any cell, once the header is bound: where the fast path may run. */
  private atRecordStart(): boolean {
    return this.ingest.hasHeader && this.col === 0 && !this.useScratch && !this.inQuotes && !this.pendingQuote && !this.afterQuote && !this.skipLF;
  }

  /**
   * The fast path: counts whole records that start at or before `limit` (the chunk's last LF, so
   * every byte read exists) as long as they have the plain shape — exactly the header's columns,
   * answers of one digit 0–5 or blank (quoted or not), a plain ASCII unit already seen, cells
   * without doubled quotes or line breaks, LF or CRLF line ends. It stops at the first record of any other shape (or with anything to report)
   * and returns its start, where the general state machine takes over; the counts are the same
   * either way.
   */
  private fastRecords(buf: Uint8Array, i: number, limit: number): number {
    const ingest = this.ingest;
    const counts = ingest.counts;
    const roles = ingest.roles;
    const ncols = roles.length;
    const answers = ingest.answers;
    const required = counts.requiredMask;
    const units = counts.units;
    const nq = answers.length;
    const delim = this.delim;
    let start = i;
    const lastColumn = ncols - 1;
    records: while (i <= limit) {
      start = i;
      let unit = UNIT_BLANK;
      let invalid = 0;
      let nonBlank = false;
      for (let col = 0; col < ncols; col++) {
        const role = roles[col];
        if (role >= 0) {
          const c = buf[i];
          const v = c - 48;
          if (v >= 0 && v <= 5) {
            const next = buf[i + 1];
            if (next === delim) {
              if (col === lastColumn) break records;
              i += 2;
            } else if (col === lastColumn && (next === LF || next === CR)) i++;
            else break records;
            answers[role] = v;
            if (v === 0) invalid |= required[role];
            nonBlank = true;
          } else if (c === delim) {
            if (col === lastColumn) break records;
            i++;
            answers[role] = 0;
            invalid |= required[role];
          } else if (col === lastColumn && (c === LF || c === CR)) {
            answers[role] = 0;
            invalid |= required[role];
          } else if (c === QUOTE) {
            // A quoted answer: "" or one digit between quotes.
            const j = closingQuote(buf, i + 1);
            if (j < 0) break records;
            let v = 0;
            if (j === i + 2) {
              v = buf[i + 1] - 48;
              if (v < 0 || v > 5) break records;
              nonBlank = true;
            } else if (j !== i + 1) break records;
            i = j + 1;
            const t = buf[i];
            if (col === lastColumn) {
              if (t !== LF && t !== CR) break records;
            } else if (t === delim) i++;
            else break records;
            answers[role] = v;
            if (v === 0) invalid |= required[role];
          } else break records;
          continue;
        }
        // The unit or an ignored cell: its content is [s, e).
        let s = i;
        let e: number;
        let c = buf[i];
        let h = FNV_OFFSET;
        if (c === QUOTE) {
          const j = closingQuote(buf, i + 1);
          if (j < 0) break records;
          s = i + 1;
          e = j;
          i = j + 1;
          c = buf[i];
          if (role === ROLE_UNIT) h = hashBytes(buf, s, e);
        } else if (role === ROLE_UNIT) {
          while (c !== delim && c !== LF && c !== CR && c !== QUOTE) {
            h = Math.imul(h ^ c, FNV_PRIME);
            c = buf[++i];
          }
          e = i;
        } else {
          while (c !== delim && c !== LF && c !== CR && c !== QUOTE) c = buf[++i];
          e = i;
        }
        if (c === QUOTE || (c === delim) === (col === lastColumn) || (c !== delim && c !== LF && c !== CR)) break records;
        if (role === ROLE_UNIT) {
          if (e > s) {
            const first = buf[s];
            const last = buf[e - 1];
            if (first <= 0x20 || first >= 0x7f || last <= 0x20 || last >= 0x7f) break records;
            const entry = this.cachedUnit(h >>> 0, buf, s, e);
            if (entry === undefined || entry.index < 0) break records;
            unit = entry.index;
            nonBlank = true;
          }
        } else if (!nonBlank) {
          for (let k = s; k < e; k++) {
            const b = buf[k];
            if (b === 0x20 || b === 0x09) continue;
            if (b >= 0x80 || (b >= 0x0a && b <= 0x0d)) break records;
            nonBlank = true;
            break;
          }
        }
        if (col !== lastColumn) i++;
      }
      const end = buf[i];
      if (end === CR) {
        if (buf[i + 1] !== LF) break;
        i += 2;
      } else if (end === LF) i++;
      else break;
      if (nonBlank) {
        if (unit < 0) break;
        const u = units[unit];
        u.forms++;
        if (invalid !== 0) u.invalid++;
        else {
          u.valid++;
          const h = u.histogram;
          for (let q = 0, b = 0; q < nq; q++, b += ANSWER_CODES) h[b + answers[q]]++;
        }
      }
      this.row++;
      start = i;
    }
    answers.fill(0);
    return start;
  }

  private endField(buf: Uint8Array, s: number, e: number): void {
    if (this.useScratch) {
      if (e > s) this.appendScratch(buf, s, e);
      this.useScratch = false;
      const len = this.scratchLen;
      this.scratchLen = 0;
      this.cell(this.scratch, 0, len);
    } else this.cell(buf, s, e);
  }

  /** One cell's bytes, in the current column. */
  private cell(b: Uint8Array, s: number, e: number): void {
    const col = this.col++;
    if (col >= MAX_LINE_CELLS) throw new ParIndexError({ file: this.ingest.file, row: this.row, ...problem('limit-exceeded/line-cells', { max: MAX_LINE_CELLS }) });
    const ingest = this.ingest;
    if (!ingest.hasHeader) {
      this.headerCells.push(this.cellText(b, s, e, col));
      return;
    }
    const roles = ingest.roles;
    const role = col < roles.length ? roles[col] : -1;
    const len = e - s;
    if (role >= 0) {
      if (len === 0) return;
      if (len === 1) {
        const d = b[s] - 48;
        if (d >= 0 && d <= 5) {
          ingest.answers[role] = d;
          this.nonBlank = true;
          return;
        }
      }
      const text = this.cellText(b, s, e, col);
      const v = readAnswer(text);
      if (v === BAD_ANSWER) {
        this.nonBlank = true;
        this.bad = true;
        ingest.badValue(this.row, col, text);
      } else {
        ingest.answers[role] = v;
        if (v !== 0 || text.trim() !== '') this.nonBlank = true;
      }
      return;
    }
    if (role === ROLE_UNIT) {
      if (len === 0) return;
      this.unit = this.lookUpUnit(b, s, e, col);
      return;
    }
    if (col >= ingest.width) {
      // Right of the header: a value here has no column (the form is misshapen).
      if (len > 0 && this.extraCol < 0 && !isBlankBytes(b, s, e, this.decode)) {
        this.extraCol = col;
        this.extraText = this.cellText(b, s, e, col);
        this.nonBlank = true;
      }
      return;
    }
    if (!this.nonBlank && len > 0 && !isBlankBytes(b, s, e, this.decode)) this.nonBlank = true;
  }

  /** The cached unit whose id has these bytes (and hash), if seen before. */
  private cachedUnit(h: number, b: Uint8Array, s: number, e: number): UnitEntry | undefined {
    for (let entry = this.unitCache.get(h); entry; entry = entry.next) if (sameBytes(entry.bytes, b, s, e)) return entry;
    return undefined;
  }

  /** Unit index of a unit cell (bytes cached by hash), or UNIT_BLANK / UNIT_UNKNOWN. */
  private lookUpUnit(b: Uint8Array, s: number, e: number, col: number): number {
    const first = b[s];
    const last = b[e - 1];
    const plain = first > 0x20 && first < 0x7f && last > 0x20 && last < 0x7f;
    if (plain) {
      const entry = this.cachedUnit(hashBytes(b, s, e), b, s, e);
      if (entry) {
        this.nonBlank = true;
        if (entry.index < 0) this.unknownText = entry.text;
        return entry.index < 0 ? UNIT_UNKNOWN : entry.index;
      }
    }
    const text = this.cellText(b, s, e, col).trim();
    if (text === '') {
      if (!isBlankBytes(b, s, e, this.decode)) this.nonBlank = true;
      return UNIT_BLANK;
    }
    this.nonBlank = true;
    const index = this.ingest.counts.unitOf(text);
    if (plain) {
      const h = hashBytes(b, s, e);
      this.unitCache.set(h, { bytes: b.slice(s, e), index, text, next: this.unitCache.get(h) });
    }
    if (index < 0) {
      this.unknownText = text;
      return UNIT_UNKNOWN;
    }
    return index;
  }

  private endRecord(): void {
    const ingest = this.ingest;
    if (!ingest.hasHeader) {
      ingest.setHeader(this.headerCells);
    } else if (this.nonBlank) {
      if (this.col < ingest.width || this.extraCol >= 0) this.endMisshapen();
      else if (this.unit === UNIT_BLANK) ingest.missingUnit(this.row);
      else if (this.unit === UNIT_UNKNOWN) ingest.unknownUnit(this.row, this.unknownText);
      else ingest.commit(this.unit, this.bad);
    }
    this.row++;
    this.col = 0;
    this.nonBlank = false;
    this.bad = false;
    this.unit = UNIT_BLANK;
    this.extraCol = -1;
    ingest.answers.fill(0);
  }

  /** Ends a form shorter than the header or with a value right of it: skipped under skipBadRows when it has a unit, else an error. */
  private endMisshapen(): void {
    const ingest = this.ingest;
    if (ingest.skipBadRows && this.unit !== UNIT_BLANK) {
      if (this.unit === UNIT_UNKNOWN) ingest.unknownUnit(this.row, this.unknownText);
      else ingest.commit(this.unit, true);
    } else ingest.misshapenForm(this.row, this.col, this.extraCol, this.extraText);
  }

  /** Ends the file: the last record without a line end, an unclosed quote (an error). */
  end(): void {
    if (!this.started) this.startFromProbe();
    if (this.pendingQuote) {
      this.pendingQuote = false;
      this.inQuotes = false;
    }
    if (this.inQuotes) this.badCsv(problem('bad-csv/quote-not-closed'));
    this.afterQuote = false;
    if (this.col > 0 || this.useScratch) {
      this.endField(this.scratch, 0, 0);
      this.endRecord();
    }
  }

  /** Number of records read so far, header included (the last row number). */
  get records(): number {
    return this.row - 1;
  }
}
