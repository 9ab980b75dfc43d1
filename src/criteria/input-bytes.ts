/**
 * The fast path for long-layout CSV evidence and survey results (issue 14): bytes go straight into
 * the input matrix. {@link CsvByteLines} splits each line into byte ranges; here the unit is looked
 * up by comparing bytes with the previous row's (rows come grouped by unit) and by its text only when
 * it changes (NFC as the rows do), the criterion by a hash of its bytes, and a plain number
 * (`12`, `4.75`) is parsed to a scaled integer in place and checked against the range its rule takes
 * as written (`plainRange`, see `rules/rule.ts`). Other short cells (`NA`, `có`, `không`) are read
 * once per criterion by the rule itself and remembered by their bytes; anything else goes through
 * the rule's `read` as the row path does.
 *
 * Only lines that are plainly right go in: the unit and criterion known, a leaf of the right kind
 * that applies to the unit, both cells read by the rule, no second row for the cell. At the first
 * line that is anything else — or anything {@link CsvByteLines} leaves to the table readers — the
 * reader gives up, and the caller reads every table again through the row path (`evidence.ts`), the
 * reference, which words the problems. So both give the same matrix on every file this path
 * finishes and the same errors on every other (test/input-bytes.test.ts holds them to it on random
 * and malformed files, in every chunking).
 */
import { IssueList } from '../errors.js';
import type { NumberTextOptions } from '../numbers/decimal-text.js';
import type { Exact } from '../numbers/exact.js';
import { type ByteLine, type ByteLineSink, CsvByteLines, type HeaderResult } from '../table/csv-bytes.js';
import { hashBytes, sameBytes } from '../text/bytes.js';
import { csvRowSource, guessDelimiter } from '../table/csv.js';
import { bindColumns, FIELDS, FREE_COLUMNS } from '../table/headers.js';
import { cellLocation, type RowSource } from '../table/table.js';
import { isWideEvidence } from './evidence-layout.js';
import { appliesTo, type Criterion, type Framework } from './framework.js';
import { APPRAISED, InputMatrix, SELF } from './inputs.js';
import { isCellProblem, readCell } from './rules.js';
import { ruleOf } from './rules/index.js';
import { type Unit, type Units, unitNamed } from './units.js';

/** Digits a plain number may have to be read in place (as `readDecimal` keeps them in a double). */
const PLAIN_DIGITS = 15;
/** Decimal places a plain number may have to be read in place (the matrix's typed arrays hold up to 14). */
const PLAIN_SCALE = 14;
/** Cells this short are remembered by their bytes once read by the rule (`NA`, `có`, `Không đạt`). */
const SHORT = 32;

/** A side as read: blank, NA, a value (in `units`/`scale` of the reader), or give up. */
const BLANK = 0;
const NA = 1;
const VALUE = 2;
const GIVE_UP = -1;

/** A short cell as its rule read it. */
type ShortRead = { kind: typeof BLANK | typeof NA | typeof GIVE_UP } | { kind: typeof VALUE; units: number; scale: number };

/** A short cell's bytes and how its rule read them. */
interface ShortCell {
  bytes: Uint8Array;
  read: ShortRead;
}

/** What the checks need of one criterion, looked up once per code. */
interface Facts {
  c: Criterion;
  /** The code's bytes as written in the file (the hash's check). */
  bytes: Uint8Array;
  leaf: number | undefined;
  /** A leaf scored from evidence (not a survey criterion). */
  appraisal: boolean;
  /** A leaf scored from the survey results. */
  survey: boolean;
  /** Whether it applies to a group, by group. */
  applies: Map<string, boolean>;
  /** Per scale s: the largest plain `units` taken (hi × 10^s rounded down), or null when no plain number is itself. */
  hi: Float64Array | null;
  /** Per scale s: the smallest plain `units` taken (lo × 10^s rounded up). */
  lo: Float64Array | null;
  /** Short cells as the rule read them, by a hash of their bytes. */
  short: Map<number, ShortCell>;
  /** The criterion the row after one of this criterion named last time (rows repeat the criteria in order). */
  next: Facts | null;
  /** The last group asked about, and the answer. */
  lastGroup: string | undefined;
  lastApplies: boolean;
}

/** `floor(x × 10^s)` (or ceil) as a double, ±Infinity past the safe integers (no plain units reach them). */
function scaledBound(x: Exact, s: number, up: boolean): number {
  const n = x.num * 10n ** BigInt(s);
  const d = x.den;
  let q = n / d;
  const r = n % d;
  if (r !== 0n) {
    if (up && n > 0n) q += 1n;
    else if (!up && n < 0n) q -= 1n;
  }
  if (q > BigInt(Number.MAX_SAFE_INTEGER)) return Number.POSITIVE_INFINITY;
  if (q < BigInt(Number.MIN_SAFE_INTEGER)) return Number.NEGATIVE_INFINITY;
  return Number(q);
}

function bounds(x: Exact | null, up: boolean): Float64Array {
  const out = new Float64Array(PLAIN_SCALE + 1);
  for (let s = 0; s <= PLAIN_SCALE; s++) out[s] = x === null ? (up ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY) : scaledBound(x, s, up);
  return out;
}

/** Where the audit finds a cell's evidence reference and note: its row's place in the file, kept instead of the text. */
export class SourceOffsets {
  /** Per cell: the row's byte offset in its file plus one (0: the row had neither evidence nor note). */
  readonly offset: Float64Array;
  /** Per cell: the row number (header = 1). */
  readonly row: Float64Array;
  /** Per cell: index into {@link files}. */
  readonly table: Uint16Array;
  /**
   * Per cell, 4 numbers: where its evidence reference and its note start and end in the row's line
   * (bytes from the line's first byte; the cell's range as the reader split it), so that the audit
   * reads them back without splitting the line again. Valid where {@link how} says so.
   */
  readonly spans: Uint16Array;
  /** Per cell: {@link SPANS} when `spans` holds its ranges (the line is short enough), with {@link EVIDENCE_BYTES}, {@link NOTE_BYTES}, {@link EVIDENCE_WIDE} and {@link NOTE_WIDE}. */
  readonly how: Uint8Array;
  /** Each evidence file read, with the columns of its evidence and note and its delimiter. */
  readonly files: { file?: string; evidence: number; note: number; delimiter: number; cells: number }[] = [];

  /** `shared`: in shared memory (sent to another thread without a copy). */
  constructor(cells: number, shared = false) {
    const buffer = (bytes: number) => (shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes));
    this.offset = new Float64Array(buffer(cells * 8));
    this.row = new Float64Array(buffer(cells * 8));
    this.table = new Uint16Array(buffer(cells * 2));
    this.spans = new Uint16Array(buffer(cells * 8));
    this.how = new Uint8Array(buffer(cells));
  }
}

/** {@link SourceOffsets.how}: the cell's {@link SourceOffsets.spans} hold its ranges. */
export const SPANS = 1;
/** {@link SourceOffsets.how}: the evidence reference's text is its range's bytes (`ByteLine.isBytes`). */
export const EVIDENCE_BYTES = 2;
/** {@link SourceOffsets.how}: the note's text is its range's bytes. */
export const NOTE_BYTES = 4;
/** {@link SourceOffsets.how}: the evidence reference holds bytes past ASCII (checked to be UTF-8 when read back). */
export const EVIDENCE_WIDE = 8;
/** {@link SourceOffsets.how}: the note holds bytes past ASCII. */
export const NOTE_WIDE = 16;

/** Places in a line past which {@link SourceOffsets.spans} cannot hold a range (the line is split again). */
const SPAN_LIMIT = 0xffff;

/**
 * Keeps cell `k`'s range in the line at `o.spans[at]` and `[at + 1]`, returning its `how` bits —
 * `bytes` when its text is its bytes, `wide` when it holds bytes past ASCII; a cell the line lacks
 * is empty (its spans 0, its text its bytes) — or -1 when the range ends too far into the line.
 */
function keptSpan(o: SourceOffsets, l: ByteLine, k: number, at: number, bytes: number, wide: number): number {
  if (k < 0 || k >= l.count) return bytes;
  const e = l.end[k] - l.begin;
  if (e >= SPAN_LIMIT) return -1;
  o.spans[at] = l.start[k] - l.begin;
  o.spans[at + 1] = e;
  return (l.isBytes(k) ? bytes : 0) | (l.wide[k] === 1 ? wide : 0);
}

/** Options of {@link InputBytes}. */
export interface InputBytesOptions extends NumberTextOptions {
  /**
   * What to keep of each row's evidence reference and note: `true` the text in `matrix.sources` (as
   * the row path does), `'offsets'` only where the row stands ({@link InputBytes.offsets}: read back
   * when the audit is written), `false` nothing.
   */
  sources?: boolean | 'offsets';
  /** Make the matrix and the offsets in shared memory (another thread is sent them without a copy). */
  shared?: boolean;
}

/** Reads a round's long CSV evidence and survey results from bytes into one input matrix. */
export class InputBytes {
  readonly matrix: InputMatrix;
  /** Where each cell's row stands, with `sources: 'offsets'`. */
  readonly offsets: SourceOffsets | undefined;
  private readonly byHash = new Map<number, Facts | null>();
  private readonly byCode = new Map<string, Facts | null>();
  private readonly sep: number;
  /** @internal The value of the last side read as VALUE: units of 10^-scale. */
  units = 0;
  /** @internal See {@link units}. */
  scale = 0;

  constructor(
    /** @internal */ readonly fw: Framework,
    private readonly unitsOf: Units,
    /** @internal */ readonly opts: InputBytesOptions = {},
  ) {
    this.matrix = new InputMatrix(fw, unitsOf, { shared: opts.shared });
    this.offsets = opts.sources === 'offsets' ? new SourceOffsets(this.matrix.present.length, opts.shared) : undefined;
    this.sep = opts.decimalComma ? 44 : 46;
  }

  /** The splitter for the next evidence file (`file` names it in messages); push its bytes, then `end()`. */
  evidence(file?: string): CsvByteLines {
    return new CsvByteLines(new EvidenceSink(this, file));
  }

  /** The splitter for the survey results file. */
  survey(file?: string): CsvByteLines {
    return new CsvByteLines(new SurveySink(this, file));
  }

  /** @internal The unit a line names, by bytes when it is the previous line's. */
  unitAt(line: ByteLine, k: number, last: LastUnit): Unit | undefined {
    if (k < 0 || k >= line.count) return undefined;
    const b = line.bytes;
    const s = line.start[k];
    const e = line.end[k];
    if (last.unit !== undefined && last.bytes !== undefined && line.escaped[k] === 0 && sameBytes(last.bytes, b, s, e)) return last.unit;
    const id = line.text(k);
    const u = id === '' ? undefined : unitNamed(this.unitsOf, id);
    if (u === undefined) return undefined;
    last.unit = u;
    last.index = this.matrix.unitIndex.get(u.id)!;
    last.bytes = line.escaped[k] === 0 ? b.slice(s, e) : undefined;
    return u;
  }

  /**
   * @internal The criterion a line names (null: none of the framework's). `prev` is the previous
   * line's: the criterion that followed it last time is tried first, by its bytes.
   */
  factsAt(line: ByteLine, k: number, prev: Facts | null): Facts | null {
    const f = this.factsByBytes(line, k, prev?.next ?? null);
    if (prev !== null) prev.next = f;
    return f;
  }

  private factsByBytes(line: ByteLine, k: number, guess: Facts | null): Facts | null {
    if (k < 0 || k >= line.count) return null;
    const b = line.bytes;
    const s = line.start[k];
    const e = line.end[k];
    if (line.escaped[k] === 0) {
      if (guess !== null && sameBytes(guess.bytes, b, s, e)) return guess;
      const h = hashBytes(b, s, e);
      const f = this.byHash.get(h);
      if (f !== undefined && f !== null && sameBytes(f.bytes, b, s, e)) return f;
      if (f === undefined) {
        const found = this.factsOf(line.text(k), b.slice(s, e));
        this.byHash.set(h, found);
        return found;
      }
    }
    return this.factsOf(line.text(k), b.slice(s, e));
  }

  private factsOf(code: string, bytes: Uint8Array): Facts | null {
    const known = this.byCode.get(code);
    if (known !== undefined) return known;
    const c = this.fw.byCode.get(code);
    let f: Facts | null = null;
    if (c) {
      const rule = c.isLeaf ? ruleOf(c) : undefined;
      const range = rule?.plainRange?.(c);
      f = {
        c,
        bytes,
        leaf: this.matrix.leafIndex.get(c.code),
        appraisal: rule !== undefined && rule.scoring.source !== 'survey',
        survey: rule !== undefined && rule.scoring.source === 'survey',
        applies: new Map(),
        hi: range ? bounds(range.hi, false) : null,
        lo: range ? bounds(range.lo, true) : null,
        short: new Map(),
        next: null,
        lastGroup: undefined,
        lastApplies: false,
      };
    }
    this.byCode.set(code, f);
    return f;
  }

  /** @internal Whether a criterion applies to a unit's group. */
  applies(f: Facts, u: Unit): boolean {
    if (f.lastGroup === u.group) return f.lastApplies;
    let a = f.applies.get(u.group);
    if (a === undefined) {
      a = appliesTo(f.c, u.group);
      f.applies.set(u.group, a);
    }
    f.lastGroup = u.group;
    f.lastApplies = a;
    return a;
  }

  /** @internal Reads cell `k` for the criterion's rule: BLANK, NA, VALUE (then `units`/`scale`) or GIVE_UP. */
  read(f: Facts, line: ByteLine, k: number): number {
    if (k < 0 || line.bytesEmpty(k)) return BLANK;
    const b = line.bytes;
    const s = line.start[k];
    const e = line.end[k];
    const plain = line.wide[k] === 0 && line.escaped[k] === 0;
    if (plain && f.hi !== null) {
      let units = 0;
      let sepAt = -1;
      let i = s;
      for (; i < e; i++) {
        const c = b[i];
        if (c >= 48 && c <= 57) units = units * 10 + (c - 48);
        else if (c === this.sep && sepAt < 0 && i > s) sepAt = i;
        else break;
      }
      if (i === e && sepAt !== e - 1) {
        const scale = sepAt < 0 ? 0 : e - sepAt - 1;
        const digits = e - s - (sepAt < 0 ? 0 : 1);
        if (digits <= PLAIN_DIGITS && scale <= PLAIN_SCALE && units <= f.hi[scale] && units >= f.lo![scale]) {
          this.units = units;
          this.scale = scale;
          return VALUE;
        }
      }
    }
    let r: ShortRead | undefined;
    if (line.escaped[k] === 0 && e - s <= SHORT) {
      const h = hashBytes(b, s, e);
      const known = f.short.get(h);
      if (known !== undefined && sameBytes(known.bytes, b, s, e)) r = known.read;
      if (r === undefined) {
        r = this.readByRule(f, line.text(k));
        if (known === undefined) f.short.set(h, { bytes: b.slice(s, e), read: r });
      }
    } else r = this.readByRule(f, line.text(k));
    if (r.kind === VALUE) {
      this.units = r.units;
      this.scale = r.scale;
    }
    return r.kind;
  }

  private readByRule(f: Facts, text: string): ShortRead {
    const input = readCell(f.c, text, this.opts);
    if (isCellProblem(input)) return { kind: GIVE_UP };
    if (input.kind === 'blank') return { kind: BLANK };
    if (input.kind === 'na') return { kind: NA };
    // A long value (past a double's safe integers) goes to the row path, which keeps it exactly.
    if (typeof input.units !== 'number') return { kind: GIVE_UP };
    return { kind: VALUE, units: input.units, scale: input.scale };
  }

  /** @internal Stores a side read by {@link read}. */
  store(cell: number, side: number, kind: number): void {
    if (kind === NA) this.matrix.setNA(cell, side);
    else if (kind === VALUE) this.matrix.setPlain(cell, side, this.units, this.scale);
  }

  /**
   * @internal Claims a cell for a row: false when a row already gave it (a `duplicate-row`, which the
   * row path words). Evidence and survey rows fill different leaves, so `present` tells for both.
   */
  claim(cell: number): boolean {
    const present = this.matrix.present;
    if (present[cell] !== 0) return false;
    present[cell] = 1;
    return true;
  }
}

/** The previous line's unit, and its bytes (undefined when its cell was quoted with `""`). */
interface LastUnit {
  unit: Unit | undefined;
  index: number;
  bytes: Uint8Array | undefined;
}

function newLastUnit(): LastUnit {
  return { unit: undefined, index: -1, bytes: undefined };
}

/** The header line as a table with no rows (its cells named and counted as the table readers do), or undefined. */
function headerTable(text: string, file: string | undefined): RowSource | undefined {
  try {
    return csvRowSource(text, { file });
  } catch {
    return undefined;
  }
}

/** True when every cell of a line is blank (no row, as the tables drop blank lines). */
function blankLine(line: ByteLine): boolean {
  for (let k = 0; k < line.count; k++) if (!line.blank(k)) return false;
  return true;
}

class EvidenceSink implements ByteLineSink {
  private cols = { unit: -1, criterion: -1, self: -1, appraised: -1, evidence: -1, note: -1 };
  private table: RowSource | undefined;
  private readonly last = newLastUnit();
  private prev: Facts | null = null;
  private fileIndex = -1;

  constructor(
    private readonly r: InputBytes,
    private readonly file: string | undefined,
  ) {}

  header(text: string): HeaderResult {
    const t = headerTable(text, this.file);
    if (t === undefined || t.lineCells === undefined || isWideEvidence(t, this.r.fw)) return false;
    const scratch = new IssueList();
    const cols = bindColumns(t, FIELDS.evidence, scratch, 'evidence file', FREE_COLUMNS.evidence);
    if (scratch.issues.length > 0 || cols.unit < 0 || cols.criterion < 0) return false;
    this.cols = cols;
    this.table = t;
    const delimiter = guessDelimiter(text);
    const offsets = this.r.offsets;
    if (offsets) {
      this.fileIndex = offsets.files.length;
      offsets.files.push({ file: this.file, evidence: cols.evidence, note: cols.note, delimiter: delimiter.charCodeAt(0), cells: t.lineCells });
    }
    return { delimiter, cells: t.lineCells };
  }

  line(l: ByteLine): boolean {
    const cols = this.cols;
    // A line with a unit is no blank line; one without is (or the row path's error).
    if (l.bytesEmpty(cols.unit)) return blankLine(l);
    const r = this.r;
    const u = r.unitAt(l, cols.unit, this.last);
    if (u === undefined) return false;
    const f = r.factsAt(l, cols.criterion, this.prev);
    this.prev = f;
    if (f === null) return false;
    const matrix = r.matrix;
    if (l.blank(cols.self) && l.blank(cols.appraised)) {
      // As the row path: no row; where it stands is kept for `check`.
      if (f.c.isLeaf && f.leaf !== undefined) {
        const cell = matrix.cell(this.last.index, f.leaf);
        if (!matrix.blankRows.has(cell)) matrix.blankRows.set(cell, cellLocation(this.table!, l.row, cols.appraised));
      }
      return true;
    }
    if (!f.appraisal || f.leaf === undefined || !r.applies(f, u)) return false;
    const cell = matrix.cell(this.last.index, f.leaf);
    // Each side is stored as soon as it is read: a line that gives up later discards the whole matrix.
    if (!r.claim(cell)) return false;
    const self = r.read(f, l, cols.self);
    if (self === GIVE_UP) return false;
    r.store(cell, SELF, self);
    const appr = r.read(f, l, cols.appraised);
    if (appr === GIVE_UP) return false;
    r.store(cell, APPRAISED, appr);
    const keep = r.opts.sources;
    if (keep !== 'offsets') {
      if (keep !== false) this.keepText(l, cell);
    } else if (!l.blank(cols.evidence) || !l.blank(cols.note)) {
      const o = r.offsets!;
      o.offset[cell] = l.offset + 1;
      o.row[cell] = l.row;
      o.table[cell] = this.fileIndex;
      this.keepSpans(o, l, cell);
    }
    return true;
  }

  /** The evidence reference's and note's ranges in the line and whether their texts are their bytes. */
  private keepSpans(o: SourceOffsets, l: ByteLine, cell: number): void {
    const evidence = keptSpan(o, l, this.cols.evidence, cell * 4, EVIDENCE_BYTES, EVIDENCE_WIDE);
    const note = keptSpan(o, l, this.cols.note, cell * 4 + 2, NOTE_BYTES, NOTE_WIDE);
    if (evidence >= 0 && note >= 0) o.how[cell] = SPANS | evidence | note;
  }

  private keepText(l: ByteLine, cell: number): void {
    const evidence = this.cols.evidence >= 0 ? l.text(this.cols.evidence) : '';
    const note = this.cols.note >= 0 ? l.text(this.cols.note) : '';
    if (evidence || note) this.r.matrix.sources.set(cell, { evidence, note, row: l.row, file: this.file });
  }
}

class SurveySink implements ByteLineSink {
  private cols = { unit: -1, criterion: -1, score: -1 };
  private table: RowSource | undefined;
  private readonly last = newLastUnit();
  private prev: Facts | null = null;

  constructor(
    private readonly r: InputBytes,
    private readonly file: string | undefined,
  ) {}

  header(text: string): HeaderResult {
    const t = headerTable(text, this.file);
    if (t === undefined || t.lineCells === undefined) return false;
    const scratch = new IssueList();
    const cols = bindColumns(t, FIELDS.survey, scratch, 'survey results file', FREE_COLUMNS.survey);
    if (scratch.issues.length > 0 || cols.unit < 0 || cols.criterion < 0 || cols.score < 0) return false;
    this.cols = cols;
    this.table = t;
    return { delimiter: guessDelimiter(text), cells: t.lineCells };
  }

  line(l: ByteLine): boolean {
    if (l.bytesEmpty(this.cols.unit)) return blankLine(l);
    const r = this.r;
    const u = r.unitAt(l, this.cols.unit, this.last);
    if (u === undefined) return false;
    const f = r.factsAt(l, this.cols.criterion, this.prev);
    this.prev = f;
    if (f === null || !f.survey || f.leaf === undefined || !r.applies(f, u)) return false;
    const matrix = r.matrix;
    const cell = matrix.cell(this.last.index, f.leaf);
    if (l.blank(this.cols.score)) {
      if (!matrix.blankRows.has(cell)) matrix.blankRows.set(cell, cellLocation(this.table!, l.row, this.cols.score));
      return true;
    }
    const kind = r.read(f, l, this.cols.score);
    if (kind === GIVE_UP || !r.claim(cell)) return false;
    r.store(cell, APPRAISED, kind);
    return true;
  }
}
