/**
 * The results workbook's audit as CSV (`parindex score --format xlsx --audit csv`): the very rows of
 * the `Chi tiết chấm điểm` sheet — every (unit, applicable leaf) with its inputs, status, points
 * and evidence — for a round whose audit passes Excel's row limit. Written in pieces into a sink
 * (the CLI's atomic file), so 1.27 million rows never sit in memory as one text. Headers in the
 * language asked for; `csvStyle: 'vi'` puts `;` between cells and decimal commas; cells that a
 * spreadsheet would run as a formula are neutralized, as in every CSV parindex writes.
 */
import type { InputMatrix } from '../criteria/inputs.js';
import { styleNumber } from '../i18n/number-style.js';
import { numberToDecimalText } from '../numbers/decimal-text.js';
import { type CsvOutputOptions, csvDialect, neutralizeFormula, quoteCsvCell } from '../report/csv-write.js';
import type { PublishOptions } from '../report/results-model.js';
import type { UnitResult } from '../scoring/score.js';
import { AUDIT_COLUMNS, auditLeafCells, auditPoints, auditSourcePrefix, auditStatusWords, inputCell } from './results-workbook.js';
import { appliesTo, type Criterion, type Framework } from '../criteria/framework.js';
import { BLANK, NA } from '../criteria/inputs.js';
import { type CellState, type LeafRule, leafOutcome, ruleOf } from '../criteria/rules/index.js';
import type { AuditStatus } from '../scoring/leaf-audit.js';
import { compilePlan, kernelPoints } from '../scoring/kernel.js';
import { gcd } from '../numbers/exact.js';

/** Where the CSV's bytes (UTF-8) go, in order. */
export interface TextSink {
  /** Takes the next bytes (neither the array nor, when it starts there, the rest of its buffer is touched again by the writer). */
  write(bytes: Uint8Array): void;
  /** Resolves when the sink has taken what was written so far. */
  ready(): Promise<void>;
}

/**
 * What the audit reads of a result: its framework and its units in the result's order (a
 * `ScoreResult` is one; the audit worker makes one from the main thread's order, `audit-inputs.ts`).
 */
export interface AuditedRound {
  framework: Framework;
  units: readonly Pick<UnitResult, 'unit' | 'name' | 'group' | 'rankGroup'>[];
}

/** Options of {@link writeAuditCsv}: the CSV's style and BOM, the language, league names, a progress feed. */
export interface AuditCsvOptions extends CsvOutputOptions, Pick<PublishOptions, 'labels'> {
  /** Called as rows are written: units done of the total. */
  progress?: (done: number, total: number) => void;
}

/** 10^12: the audit's points have at most 12 decimals (`auditPoints`). */
const TEN_12 = 10n ** 12n;

/** Rows between two waits for the sink. */
const BATCH_ROWS = 16_384;

/** A text a spreadsheet might run as a formula (the only cells {@link neutralizeFormula} changes). */
const MAYBE_FORMULA = /^[=+\-@\t\r]|[;,\t][=+\-@]/;

/** One cell as CSV text: numbers in the file's number style, texts quoted and neutralized as needed. */
function csvCell(v: string | number | null, delimiter: string, numberStyle: CsvOutputOptions['numberStyle']): string {
  if (v === null) return '';
  if (typeof v === 'number') {
    const t = numberToDecimalText(v);
    return numberStyle === 'vi' ? quoteCsvCell(styleNumber(t, numberStyle), delimiter) : t;
  }
  return quoteCsvCell(MAYBE_FORMULA.test(v) ? neutralizeFormula(v) : v, delimiter);
}

/** One audit row as a CSV line (no line end): the reference the fast writer below is tested against. */
export function auditCsvLine(row: readonly (string | number | null)[], delimiter: string, numberStyle: CsvOutputOptions['numberStyle']): string {
  let line = '';
  for (let i = 0; i < row.length; i++) {
    if (i > 0) line += delimiter;
    line += csvCell(row[i], delimiter, numberStyle);
  }
  return line;
}

/** Largest |value| of a matrix cell whose text is remembered by (value, scale) (the key stays a safe integer). */
const KEY_LIMIT = 2 ** 47;

/** Bytes gathered before they go to the sink. */
const CHUNK = 1 << 20;

/** What one leaf's rows share, as UTF-8 bytes: its fixed cells, its max, and each input value and points met so far. */
interface LeafBytes {
  criterion: Criterion;
  rule: LeafRule;
  /** Code, title, rule, parameters and max, each followed by the delimiter. */
  fixed: Piece;
  /** The applicable max and the delimiter (a row whose max counts). */
  max: Piece;
  /** An input value's cell and the delimiter, by value (shared by the leaves whose rule labels inputs alike). */
  inputs: ValueMemo;
  /** The points a value earns and the delimiter, by value (shared by the leaves a rule reads alike). */
  points: ValueMemo;
}

/** Values `0 ≤ units < SMALL_UNITS` at a scale below 4 are remembered in pages of arrays, not in the map. */
const SMALL_UNITS = 1 << 20;
/** Slots of a page of {@link ValueMemo} (a power of two). */
const PAGE = 256;
/** A {@link Cells} reference is `offset * REF_LEN + length`. */
const REF_LEN = 2 ** 21;

/**
 * The cells remembered by value, their bytes one after another in one buffer (a row's cells are
 * copied from a few cache lines, not from an object each): a cell is a number, `offset * REF_LEN +
 * length` (≥ 1), or for a cell not remembered (or too long) `-1 - i`, the i-th of this row's others.
 */
class Cells {
  bytes = new Uint8Array(1 << 16);
  /** A view of {@link bytes} (copied four bytes at a time). */
  view = new DataView(this.bytes.buffer);
  #pos = 0;
  /** Cells of the current row not kept in `bytes`. */
  readonly others: Uint8Array[] = [];

  /** Keeps `b` (not empty), returning its reference. */
  add(b: Uint8Array): number {
    const n = b.length;
    if (n >= REF_LEN) return this.other(b);
    if (this.#pos + n > this.bytes.length) {
      const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.#pos + n));
      grown.set(this.bytes.subarray(0, this.#pos));
      this.bytes = grown;
      this.view = new DataView(grown.buffer);
    }
    this.bytes.set(b, this.#pos);
    const ref = this.#pos * REF_LEN + n;
    this.#pos += n;
    return ref;
  }

  /** `b` for this row only. */
  other(b: Uint8Array): number {
    this.others.push(b);
    return -this.others.length;
  }
}

/**
 * Cells remembered by a matrix value (units, scale), as {@link Cells} references (0: none): the
 * common small values in pages of {@link PAGE} by scale and `units` (no hashing, Smi indices; a
 * leaf's values, mostly at one scale, on few pages), others in a map by `units * 32 + scale`. Each
 * scale's list of pages is filled up to the highest page made (never written far past its end,
 * which would turn a JavaScript array into a dictionary).
 */
class ValueMemo {
  readonly pages: (Float64Array | undefined)[][] = [[], [], [], []];
  readonly other = new Map<number, number>();

  get(units: number, scale: number): number {
    if (scale < 4 && units >= 0 && units < SMALL_UNITS) {
      const page = this.pages[scale][units >>> 8];
      return page === undefined ? 0 : page[units & (PAGE - 1)];
    }
    return (units < KEY_LIMIT && units > -KEY_LIMIT ? this.other.get(units * 32 + scale) : undefined) ?? 0;
  }

  set(units: number, scale: number, ref: number): void {
    if (scale < 4 && units >= 0 && units < SMALL_UNITS) {
      const pages = this.pages[scale];
      const p = units >>> 8;
      while (pages.length <= p) pages.push(undefined);
      let page = pages[p];
      if (page === undefined) pages[p] = page = new Float64Array(PAGE);
      page[units & (PAGE - 1)] = ref;
    } else if (units < KEY_LIMIT && units > -KEY_LIMIT) this.other.set(units * 32 + scale, ref);
  }
}

/** Which ASCII characters leave a text cell as it is: anywhere (`inner`), and first (`first`); 1 = yes. */
interface PlainCells {
  inner: Uint8Array;
  first: Uint8Array;
  /** What a byte of a cell's UTF-8 asks of {@link csvCell}, by byte ({@link ByteChunks.bytesCell}). */
  bytes: Uint8Array;
}

/** {@link PlainCells.bytes}: nothing (any byte past ASCII too). */
const AS_IS = 0;
/** {@link PlainCells.bytes}: the cell is quoted (the delimiter). */
const QUOTED = 1;
/** {@link PlainCells.bytes}: the cell is quoted, and a formula character right after it is neutralized (`,`, `;`, tab). */
const SPLITS = 2;
/** {@link PlainCells.bytes}: the text is needed (a quote to double, a line break). */
const TEXT = 3;
/** {@link PlainCells.bytes}, first byte: neutralized (`=`, `+`, `-`, `@`; the text is needed). */
const FORMULA = 4;

/**
 * The ASCII characters that leave a text cell unchanged by {@link csvCell} (no quotes: not `"`, `,`,
 * `;`, tab, CR, LF or the delimiter; not neutralized: no `=`, `+`, `-`, `@` first), or undefined for
 * a delimiter of more than one character or past ASCII (every cell then goes through csvCell).
 */
function plainCells(delimiter: string): PlainCells | undefined {
  if (delimiter.length !== 1 || delimiter.charCodeAt(0) > 127) return undefined;
  const inner = new Uint8Array(128).fill(1);
  for (const c of `",;\t\r\n${delimiter}`) inner[c.charCodeAt(0)] = 0;
  const first = inner.slice();
  for (const c of '=+-@') first[c.charCodeAt(0)] = 0;
  const bytes = new Uint8Array(256);
  bytes[delimiter.charCodeAt(0)] = QUOTED;
  for (const c of ',;\t') bytes[c.charCodeAt(0)] = SPLITS;
  for (const c of '"\r\n') bytes[c.charCodeAt(0)] = TEXT;
  for (const c of '=+-@') bytes[c.charCodeAt(0)] = FORMULA;
  return { inner, first, bytes };
}

/** Bytes written again and again (a unit's first cells, a leaf's fixed cells, words), with a view to copy them by. */
class Piece {
  readonly view: DataView;

  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
}

/** UTF-8 bytes gathered into chunks of {@link CHUNK}, each handed to the sink once full (and not touched again). */
class ByteChunks {
  #buf = new Uint8Array(CHUNK);
  #view = new DataView(this.#buf.buffer);
  #pos = 0;
  readonly #encoder = new TextEncoder();

  constructor(private readonly sink: TextSink) {}

  /** Appends bytes. */
  put(b: Uint8Array): void {
    const n = b.length;
    if (this.#pos + n > CHUNK) this.flush();
    if (n > CHUNK) return this.sink.write(b.slice());
    const buf = this.#buf;
    let at = this.#pos;
    if (n < 24) for (let i = 0; i < n; i++) buf[at++] = b[i];
    else {
      buf.set(b, at);
      at += n;
    }
    this.#pos = at;
  }

  /** Appends a piece's bytes. */
  piece(p: Piece): void {
    const n = p.bytes.length;
    if (this.#pos + n > CHUNK) this.flush();
    if (n > CHUNK) return this.sink.write(p.bytes.slice());
    this.#copy(p.bytes, p.view, 0, n);
  }

  /** Appends a cell of `cells` by its reference. */
  ref(cells: Cells, ref: number): void {
    if (ref < 0) return this.put(cells.others[-1 - ref]);
    // (Exact: REF_LEN is a power of two; a division and a floor cost less than a double's `%`.)
    const s = Math.floor(ref / REF_LEN);
    const n = ref - s * REF_LEN;
    if (this.#pos + n > CHUNK) this.flush();
    if (n > CHUNK) return this.sink.write(cells.bytes.slice(s, s + n));
    this.#copy(cells.bytes, cells.view, s, n);
  }

  /**
   * Copies `src[s, s + n)` (`view` a view of all of `src`'s bytes) to the chunk, which has room for
   * them: four bytes at a time (a third of the time of a byte a step on a row's short cells), then
   * the last few.
   */
  #copy(src: Uint8Array, view: DataView, s: number, n: number): void {
    const dst = this.#view;
    const at = this.#pos;
    let i = 0;
    for (; i + 4 <= n; i += 4) dst.setUint32(at + i, view.getUint32(s + i, true), true);
    const buf = this.#buf;
    for (; i < n; i++) buf[at + i] = src[s + i];
    this.#pos = at + n;
  }

  /** Appends a text as UTF-8. */
  text(t: string): void {
    const n = t.length;
    if (n === 0) return;
    if (this.#pos + n * 3 > CHUNK) this.flush();
    if (n * 3 > CHUNK) return this.sink.write(this.#encoder.encode(t));
    // ASCII byte by byte (most references are); from the first other character, the encoder.
    const buf = this.#buf;
    const at = this.#pos;
    for (let i = 0; i < n; i++) {
      const ch = t.charCodeAt(i);
      if (ch > 127) {
        this.#pos = at + i + this.#encoder.encodeInto(t.slice(i), buf.subarray(at + i)).written;
        return;
      }
      buf[at + i] = ch;
    }
    this.#pos = at + n;
  }

  /**
   * Appends a text cell: as it is when `plain` says none of its characters needs quoting and its
   * first does not need neutralizing ({@link plainCells}), else the text `slow` makes of it.
   */
  cell(t: string, plain: PlainCells, slow: (t: string) => string): void {
    const n = t.length;
    if (n === 0) return;
    const first = t.charCodeAt(0);
    if (first < 128 && plain.first[first] === 0) return this.text(slow(t));
    for (let i = 0; i < n; i++) {
      const ch = t.charCodeAt(i);
      if (ch < 128 && plain.inner[ch] === 0) return this.text(slow(t));
    }
    this.text(t);
  }

  /**
   * Appends a text cell given as its UTF-8 bytes `b[s, e)` as {@link csvCell} writes its text, when
   * that is plain to see from the bytes: as they are, or in quotes (a delimiter in it, no quote).
   * Returns false, having written nothing, for a cell whose text is needed: a formula character
   * first or after a `,`, `;` or tab (neutralized unless the cell is a number), a quote, a line break.
   */
  bytesCell(b: Uint8Array, s: number, e: number, cls: Uint8Array): boolean {
    if (s >= e) return true;
    if (cls[b[s]] >= TEXT) return false;
    let quoted = false;
    for (let i = s; i < e; i++) {
      const c = cls[b[i]];
      if (c === AS_IS || c === FORMULA) continue;
      if (c === TEXT) return false;
      quoted = true;
      if (c === SPLITS && i + 1 < e && cls[b[i + 1]] === FORMULA) return false;
    }
    const n = e - s + 2;
    if (this.#pos + n > CHUNK) this.flush();
    if (n > CHUNK) {
      if (quoted) this.sink.write(new Uint8Array([34]));
      this.sink.write(b.slice(s, e));
      if (quoted) this.sink.write(new Uint8Array([34]));
      return true;
    }
    const buf = this.#buf;
    let at = this.#pos;
    if (quoted) buf[at++] = 34;
    if (e - s < 32) for (let i = s; i < e; i++) buf[at++] = b[i];
    else {
      buf.set(b.subarray(s, e), at);
      at += e - s;
    }
    if (quoted) buf[at++] = 34;
    this.#pos = at;
    return true;
  }

  /** Appends a whole number ≥ 0 in decimal digits. */
  digits(n: number): void {
    if (this.#pos + 16 > CHUNK) this.flush();
    const buf = this.#buf;
    let end = this.#pos;
    for (let x = n; x >= 10; x = Math.floor(x / 10)) end++;
    this.#pos = end + 1;
    for (let x = n; ; x = Math.floor(x / 10)) {
      buf[end--] = 48 + (x % 10);
      if (x < 10) break;
    }
  }

  /**
   * Appends `q × 10^-12` (`q` an integer, |q| < 10^15) as {@link csvCell} writes the number: its
   * shortest decimal text — no trailing zeros, no `-` for zero — with `sep` (a byte) before the
   * fraction, the whole in quotes when it has a fraction and `quote` says the separator needs them
   * (the decimal comma). A number of at most 15 significant digits is the shortest text of its double.
   */
  twelfths(q: number, sep: number, quote: boolean): void {
    if (this.#pos + 24 > CHUNK) this.flush();
    const a = q < 0 ? -q : q;
    const int = Math.floor(a / 1e12);
    const frac = a - int * 1e12;
    // The fraction's twelve digits in two halves of six (each below 10^6: integer arithmetic).
    const hi = Math.floor(frac / 1e6);
    const lo = frac - hi * 1e6;
    const quoted = quote && frac !== 0;
    const buf = this.#buf;
    if (quoted) buf[this.#pos++] = 34;
    if (q < 0) buf[this.#pos++] = 45;
    this.digits(int); // below 1000: the room checked above holds
    if (frac !== 0) {
      buf[this.#pos++] = sep;
      if (lo === 0) this.#sixths(hi);
      else {
        this.#six(hi);
        this.#sixths(lo);
      }
    }
    if (quoted) buf[this.#pos++] = 34;
  }

  /** Appends `x` (0 ≤ x < 10^6, an integer) as six digits, leading zeros kept. */
  #six(x: number): void {
    const buf = this.#buf;
    let n = x | 0;
    for (let i = this.#pos + 5; i >= this.#pos; i--) {
      buf[i] = 48 + (n % 10);
      n = (n / 10) | 0;
    }
    this.#pos += 6;
  }

  /** Appends `x` (0 < x < 10^6, an integer) as six digits, leading zeros kept and trailing zeros left out. */
  #sixths(x: number): void {
    let n = x | 0;
    let len = 6;
    while (n % 10 === 0) {
      n = (n / 10) | 0;
      len--;
    }
    const buf = this.#buf;
    for (let i = this.#pos + len - 1; i >= this.#pos; i--) {
      buf[i] = 48 + (n % 10);
      n = (n / 10) | 0;
    }
    this.#pos += len;
  }

  /** Hands what was gathered to the sink. */
  flush(): void {
    if (this.#pos === 0) return;
    this.sink.write(this.#buf.subarray(0, this.#pos));
    this.#buf = new Uint8Array(CHUNK);
    this.#view = new DataView(this.#buf.buffer);
    this.#pos = 0;
  }
}

/**
 * The audit's CSV lines unit by unit, as UTF-8 bytes gathered in `out`; yields each unit's row count.
 * The lines are those {@link auditCsvLine} makes of `auditRowBatches`' rows (tested equal), without
 * an object or a string per row: the cells a leaf's rows share and a value's cell are made (by the
 * same functions) and encoded once per leaf and value; points are printed from the kernel's exact
 * integers where they have at most 12 decimals, else made from each rule's exact `points` and
 * encoded once per (leaf, value) — a national round's 1.5 million rows have a few hundred thousand
 * distinct pairs; the decisions are the same `leafOutcome`; only the evidence and note are texts per row.
 */
function* auditCsvUnits(
  result: AuditedRound,
  inputs: InputMatrix,
  o: { lang: PublishOptions['lang']; labels?: PublishOptions['labels']; delimiter: string; numberStyle: CsvOutputOptions['numberStyle'] },
  out: ByteChunks,
): Generator<number> {
  const d = o.delimiter;
  const encoder = new TextEncoder();
  const cell = (v: string | number | null) => csvCell(v, d, o.numberStyle);
  const bytes = (t: string): Uint8Array => {
    const b = new Uint8Array(t.length);
    for (let i = 0; i < t.length; i++) {
      const ch = t.charCodeAt(i);
      if (ch > 127) return encoder.encode(t);
      b[i] = ch;
    }
    return b;
  };
  const fw = result.framework;
  const nLeaves = inputs.leaves.length;
  const { present, state, scale, overflow } = inputs;
  const values = inputs.value;
  const zero = bytes(cell(0) + d);
  const zeroPiece = new Piece(zero);
  const na = bytes(cell('NA') + d);
  const delim = bytes(d);
  const delimPiece = new Piece(delim);
  const noSource = new Piece(bytes(d + d + '\r\n'));
  const crlf = new Piece(bytes('\r\n'));
  const words = auditStatusWords(o.lang);
  const status = Object.fromEntries(Object.entries(words).map(([k, w]) => [k, new Piece(bytes(cell(w) + d))])) as Record<AuditStatus, Piece>;
  const inputMemos = new Map<LeafRule['inputLabel'], ValueMemo>();
  // A value's points depend on the rule and what it reads of the leaf (`RuleLeaf`: max, max as
  // written, params — parsed from their text with the framework's options): leaves alike share them.
  const pointsMemos = new Map<string, ValueMemo>();
  const leaves: LeafBytes[] = fw.leaves.map((c) => {
    const rule = ruleOf(c);
    let memo = inputMemos.get(rule.inputLabel);
    if (!memo) inputMemos.set(rule.inputLabel, (memo = new ValueMemo()));
    const alike = [rule.name, c.max.toString(), c.givenMax?.toString() ?? '', c.paramsText].join('\u0000');
    let points = pointsMemos.get(alike);
    if (!points) pointsMemos.set(alike, (points = new ValueMemo()));
    const fixed = auditLeafCells(c, rule)
      .map((v) => cell(v) + d)
      .join('');
    return { criterion: c, rule, fixed: new Piece(bytes(fixed)), max: new Piece(bytes(cell(auditPoints(c.max)) + d)), inputs: memo, points };
  });
  const byGroup = new Map<string, number[]>();
  const leavesOf = (group: string) => {
    let l = byGroup.get(group);
    if (!l) byGroup.set(group, (l = leaves.flatMap((x, j) => (appliesTo(x.criterion, group) ? [j] : []))));
    return l;
  };
  // Points printed from the kernel's integer form (`kernelPoints`: p = points × D, the denominator
  // of the leaf's class), rather than looked up by value (a national round has 160,000 distinct
  // (leaf, value) points in 1.4 million rows): with D = g × D' where g = gcd(D, 10^12), points with
  // at most 12 decimals — which `auditPoints` keeps as they are — are those whose p is a multiple of
  // D', and their cell is the integer (p / D') × (10^12 / g) × 10^-12. Others (more decimals, to be
  // rounded), and every leaf without a plan (values past the kernel's bounds), by value.
  const plan = compilePlan(fw, inputs);
  const kernel = plan && kernelPoints(plan, inputs);
  const perD = new Float64Array(nLeaves);
  const twelfths = new Float64Array(nLeaves);
  const sep = o.numberStyle === 'vi' ? 44 : 46;
  // Points written so need no quotes for the delimiter (csvCell quotes a cell holding it).
  const numberChars = sep === 44 ? '0123456789-,' : '0123456789-.';
  if (plan && ![...d].some((c) => numberChars.includes(c))) {
    for (let j = 0; j < nLeaves; j++) {
      const k = plan.leafClass[j];
      const den = k === 0 ? plan.den : plan.extra!.dens[k - 1];
      const g = gcd(den, TEN_12);
      perD[j] = Number(den / g);
      twelfths[j] = Number(TEN_12 / g);
    }
  }
  // A fraction with a decimal comma is quoted (csvCell quotes a cell holding `,`).
  const quoteFraction = sep === 44;
  // A value's cell, or the points it earns, remembered by (value, scale) (not a value kept exactly only).
  const cells = new Cells();
  const inputRef = (l: LeafBytes, at: number, side: number): number => {
    const k = at * 2 + side;
    if (overflow.size !== 0 && overflow.has(k)) return cells.other(bytes(cell(inputCell({ state: 'value', value: inputs.exact(at, side) }, l.rule)) + d));
    let ref = l.inputs.get(values[k], scale[k]);
    if (ref === 0) l.inputs.set(values[k], scale[k], (ref = cells.add(bytes(cell(inputCell({ state: 'value', value: inputs.exact(at, side) }, l.rule)) + d))));
    return ref;
  };
  const pointsRef = (l: LeafBytes, at: number, side: number): number => {
    const k = at * 2 + side;
    if (overflow.size !== 0 && overflow.has(k)) return cells.other(bytes(cell(auditPoints(l.rule.points(l.criterion, inputs.exact(at, side)))) + d));
    let ref = l.points.get(values[k], scale[k]);
    if (ref === 0) l.points.set(values[k], scale[k], (ref = cells.add(bytes(cell(auditPoints(l.rule.points(l.criterion, inputs.exact(at, side)))) + d))));
    return ref;
  };
  const delimRef = cells.add(delim);
  const naRef = cells.add(na);
  const zeroRef = cells.add(zero);
  const sources = inputs.sourceLookup;
  const plain = plainCells(d);
  // A file's `file:` (or `dòng `): written as it is before the row number when csvCell leaves `file:123` so.
  const prefixes = new Map<string | undefined, { text: string; bytes: Piece; plain: boolean }>();
  const sourcePrefix = (file: string | undefined) => {
    let p = prefixes.get(file);
    if (p === undefined) {
      const text = auditSourcePrefix(file, o.lang);
      prefixes.set(file, (p = { text, bytes: new Piece(bytes(text)), plain: cell(text + '0') === text + '0' && cell(text + '123456789') === text + '123456789' }));
    }
    return p;
  };
  const league = (id: string) => o.labels?.leagues.get(id) ?? id;
  for (const u of result.units) {
    const at0 = inputs.unitIndex.get(u.unit)! * nLeaves;
    const prefix = new Piece(bytes(cell(league(u.rankGroup)) + d + cell(u.unit) + d + cell(u.name) + d));
    const list = leavesOf(u.group);
    for (let i = 0; i < list.length; i++) {
      const j = list[i];
      const l = leaves[j];
      const at = at0 + j;
      const has = present[at] === 1;
      const ss = state[at * 2] as CellState;
      const sa = state[at * 2 + 1] as CellState;
      const decided = leafOutcome(l.rule.scoring, has, ss, sa);
      if (cells.others.length !== 0) cells.others.length = 0;
      const self = !has || ss === BLANK ? delimRef : ss === NA ? naRef : inputRef(l, at, 0);
      const appraised = !has || sa === BLANK ? delimRef : sa === NA ? naRef : inputRef(l, at, 1);
      const st = decided.status;
      const from = decided.pointsFrom;
      out.piece(prefix);
      out.piece(l.fixed);
      out.ref(cells, self);
      out.ref(cells, appraised);
      out.ref(cells, st === 'self' ? self : st === 'na' ? naRef : st === 'missing' ? delimRef : appraised);
      out.piece(status[st]);
      if (from < 0) out.ref(cells, zeroRef);
      else {
        const p = twelfths[j] === 0 ? Number.NaN : kernel!(j, at * 2 + from);
        // p a multiple of D' when p / D' is a whole number that gives p back (a quotient rounded to a
        // whole number does not); then exact, and a product past 10^15 (or past 2^53) goes by value.
        const r = p / perD[j];
        const q = Math.floor(r) === r && r * perD[j] === p ? r * twelfths[j] : Number.NaN;
        if (q < 1e15 && q > -1e15) {
          out.twelfths(q, sep, quoteFraction);
          out.piece(delimPiece);
        } else out.ref(cells, pointsRef(l, at, from));
      }
      out.piece(decided.countsMax ? l.max : zeroPiece);
      if (plain && sources.sourceBytes) {
        const r = sources.sourceBytes(at);
        if (r === undefined) {
          out.piece(noSource);
          continue;
        }
        // Evidence and note copied from the file's bytes where their texts are those bytes and the
        // bytes show how csvCell writes them; any other from its text.
        if (r.exact && out.bytesCell(r.bytes, r.evidenceStart, r.evidenceEnd, plain.bytes)) {
          out.piece(delimPiece);
          if (!out.bytesCell(r.bytes, r.noteStart, r.noteEnd, plain.bytes)) out.cell(sources.get(at)!.note, plain, cell);
        } else {
          const src = sources.get(at)!;
          out.cell(src.evidence, plain, cell);
          out.piece(delimPiece);
          out.cell(src.note, plain, cell);
        }
        out.piece(delimPiece);
        const where = sourcePrefix(r.file);
        if (where.plain) {
          out.piece(where.bytes);
          out.digits(r.row);
        } else out.text(cell(where.text + r.row));
        out.piece(crlf);
        continue;
      }
      const src = sources.get(at);
      if (!src) {
        out.piece(noSource);
        continue;
      }
      if (plain) {
        out.cell(src.evidence, plain, cell);
        out.piece(delimPiece);
        out.cell(src.note, plain, cell);
      } else {
        out.text(cell(src.evidence));
        out.piece(delimPiece);
        out.text(cell(src.note));
      }
      out.piece(delimPiece);
      // The source column `file:row` is a text cell: quoted when the file name needs it.
      const where = sourcePrefix(src.file);
      if (where.plain) {
        out.piece(where.bytes);
        out.digits(src.row);
      } else out.text(cell(where.text + src.row));
      out.piece(crlf);
    }
    yield list.length;
  }
}

/**
 * Writes the audit of `result` as CSV into `sink`, unit by unit, waiting for the sink every few
 * thousand rows. The rows are those of the workbook's audit sheet (`auditRowBatches`).
 */
export async function writeAuditCsv(result: AuditedRound, inputs: InputMatrix, o: AuditCsvOptions, sink: TextSink): Promise<void> {
  const d = csvDialect(o);
  const delimiter = d.write.delimiter ?? ',';
  const out = new ByteChunks(sink);
  out.text((d.write.bom ? '\ufeff' : '') + auditCsvLine(AUDIT_COLUMNS[d.lang], delimiter, d.numberStyle) + '\r\n');
  const total = result.units.length;
  let units = 0;
  let rows = 0;
  o.progress?.(0, total);
  for (const n of auditCsvUnits(result, inputs, { labels: o.labels, lang: d.lang, delimiter, numberStyle: d.numberStyle }, out)) {
    rows += n;
    units++;
    if (rows >= BATCH_ROWS) {
      rows = 0;
      out.flush();
      o.progress?.(units, total);
      await sink.ready();
    }
  }
  out.flush();
  o.progress?.(total, total);
  await sink.ready();
}
