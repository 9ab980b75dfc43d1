/**
 * The scoring input: one cell per (unit, leaf) with a self side and an appraised side, kept in typed
 * arrays so that national-scale rounds (10,000 units × 160 criteria) score fast in constant memory
 * per cell. Values are exact: a decimal is stored as an integer count of 10^-scale units (safe
 * integers only; anything larger is kept as an {@link Exact} in an overflow map).
 */
import type { Location } from '../errors.js';
import type { Criterion, Framework } from './framework.js';
import type { Unit, Units } from './units.js';
import { readDecimal } from '../numbers/decimal-text.js';
import { Exact, POW10_DOUBLES, pow10 } from '../numbers/exact.js';

/** Side of a cell: what the unit claimed. */
export const SELF = 0;
/** Side of a cell: what the council accepted (survey scores are stored here). */
export const APPRAISED = 1;

/** Cell state: blank (or no row). */
export const BLANK = 0;
/** Cell state: not applicable. */
export const NA = 1;
/** Cell state: a value. */
export const VALUE = 2;

/** Audit details of an input row. */
export interface CellSource {
  /** Evidence document reference. */
  evidence: string;
  /** Note. */
  note: string;
  /** Source row (header = 1). */
  row: number;
  /** File name. */
  file?: string;
}

/**
 * A cell's source as the bytes its row was read from ({@link CellSources.sourceBytes}): the evidence
 * reference and the note as ranges of `bytes`, valid until the next call.
 */
export interface CellSourceBytes {
  /** The bytes the ranges index. */
  bytes: Uint8Array;
  /** Evidence reference: `bytes[evidenceStart, evidenceEnd)`. */
  evidenceStart: number;
  evidenceEnd: number;
  /** Note: `bytes[noteStart, noteEnd)`. */
  noteStart: number;
  noteEnd: number;
  /**
   * True when each text {@link CellSources.get} gives is its range's bytes as UTF-8, byte for byte
   * (false for a cell whose doubled quotes are undone or whose text is trimmed further): then the
   * texts are read with `get`.
   */
  exact: boolean;
  /** Source row (header = 1). */
  row: number;
  /** File name. */
  file?: string;
}

/** Where the audit finds a cell's evidence reference and note. */
export interface CellSources {
  /** The cell's source, or undefined when its row gave neither an evidence reference nor a note. */
  get(cell: number): CellSource | undefined;
  /**
   * The same source as bytes, where the texts are read from bytes (no string is made), or undefined
   * as `get`. Optional: a source kept as texts has none.
   */
  sourceBytes?(cell: number): CellSourceBytes | undefined;
}

/** Where an {@link InputMatrix} keeps its arrays. */
export interface MatrixMemory {
  /** Make them in shared memory (`SharedArrayBuffer`): sent to another thread without a copy. */
  shared?: boolean;
  /** Take these, already filled (and sized for the framework and units). */
  arrays?: { present: Uint8Array; state: Uint8Array; scale: Uint8Array; value: Int32Array | Float64Array };
}

/** Every input of a round, by unit × leaf. */
export class InputMatrix {
  /** Leaves, in framework order; their position is the leaf index. */
  readonly leaves: readonly Criterion[];
  /** Leaf index by code. */
  readonly leafIndex: ReadonlyMap<string, number>;
  /** Units, in file order; their position is the unit index. */
  readonly units: readonly Unit[];
  /** Unit index by id. */
  readonly unitIndex: ReadonlyMap<string, number>;
  /** 1 where an input row exists (a row with both cells blank counts as none). */
  readonly present: Uint8Array;
  /** State per cell side: index `cell * 2 + side`. */
  readonly state: Uint8Array;
  /**
   * Integer value per cell side (units of 10^-scale), when safe: 32-bit integers while every value
   * fits (half the memory of a national round's matrix), doubles from the first one that does not.
   */
  value: Int32Array | Float64Array;
  /** Decimal scale per cell side. */
  readonly scale: Uint8Array;
  /** Values too large for a safe integer, by `cell * 2 + side`. */
  readonly overflow = new Map<number, Exact>();
  /** Audit details by cell, where a row gave them. */
  readonly sources = new Map<number, CellSource>();
  /**
   * The audit details as the audit reads them: {@link sources}, or where the byte reader left them
   * in the files (`parindex/node` reads them back when asked).
   */
  sourceLookup: CellSources = this.sources;
  /**
   * Where a row with both input cells blank stood, by cell (the template's rows waiting to be
   * filled in): `check` names the sheet and row of each missing input that has one.
   */
  readonly blankRows = new Map<number, Location>();
  /** Largest decimal scale stored. */
  maxScale = 0;
  /** Largest magnitude stored (|value| as a float, for the fast path's bounds). */
  maxMagnitude = 0;

  /**
   * An empty matrix of the framework's leaves for the units; `opts.shared` puts its arrays in shared
   * memory (another thread is sent them without a copy), `opts.arrays` takes arrays already filled
   * (a matrix sent by another thread: the same framework and units).
   */
  constructor(framework: Framework, units: Units, opts: MatrixMemory = {}) {
    this.leaves = framework.leaves;
    this.leafIndex = new Map(framework.leaves.map((c, i) => [c.code, i]));
    this.units = units.list;
    this.unitIndex = new Map(units.list.map((u, i) => [u.id, i]));
    const cells = this.units.length * this.leaves.length;
    const a = opts.arrays;
    if (a && (a.present.length !== cells || a.state.length !== cells * 2 || a.scale.length !== cells * 2 || a.value.length !== cells * 2)) throw new RangeError('InputMatrix: arrays of another shape');
    this.shared = opts.shared === true;
    this.present = a?.present ?? new Uint8Array(this.buffer(cells));
    this.state = a?.state ?? new Uint8Array(this.buffer(cells * 2));
    this.value = a?.value ?? new Int32Array(this.buffer(cells * 8));
    this.scale = a?.scale ?? new Uint8Array(this.buffer(cells * 2));
  }

  /** True when the arrays are made in shared memory. */
  private readonly shared: boolean;

  private buffer(bytes: number): ArrayBuffer | SharedArrayBuffer {
    return this.shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes);
  }

  /** Moves the values to doubles (a value past 32-bit integers came). */
  private widen(): void {
    const wide = new Float64Array(this.buffer(this.value.length * 8));
    wide.set(this.value);
    this.value = wide;
  }

  /** Cell number of (unit index, leaf index). */
  cell(unit: number, leaf: number): number {
    return unit * this.leaves.length + leaf;
  }

  /**
   * {@link setScaled} for a value the byte reader read into a matrix of its own: `|units| < 10^15` a
   * whole number, `scale ≤ 14`, and no value of the matrix in the overflow map (its caller guarantees
   * all three, so nothing is checked).
   */
  setPlain(cell: number, side: number, units: number, scale: number): void {
    const k = cell * 2 + side;
    this.state[k] = VALUE;
    if ((units | 0) !== units && this.value instanceof Int32Array) this.widen();
    this.value[k] = units;
    this.scale[k] = scale;
    if (scale > this.maxScale) this.maxScale = scale;
    const m = (units < 0 ? -units : units) / POW10_DOUBLES[scale];
    if (m > this.maxMagnitude) this.maxMagnitude = m;
  }

  /** Stores a value given as canonical decimal text (`-12.50`; point only) on one side of a cell. */
  setText(cell: number, side: number, text: string): void {
    const d = readDecimal(text);
    if (d === undefined) throw new RangeError(`InputMatrix.setText: not decimal text: "${text}"`);
    this.setScaled(cell, side, d.units, d.scale);
  }

  /**
   * Stores the decimal `units / 10^scale` on one side of a cell (as read once by `readCell`). Up to
   * 15 digits (|units| < 10^15 and scale ≤ 14) it goes in the typed arrays; anything longer is kept
   * exactly in the overflow map, which routes scoring to the bigint path.
   */
  setScaled(cell: number, side: number, units: number | bigint, scale: number): void {
    if ((typeof units === 'number' && !Number.isSafeInteger(units)) || !Number.isInteger(scale) || scale < 0) {
      throw new RangeError(`InputMatrix.setScaled: units must be a safe integer or a bigint and scale a whole number ≥ 0, not ${units} and ${scale}`);
    }
    const k = cell * 2 + side;
    this.state[k] = VALUE;
    if (this.overflow.size !== 0) this.overflow.delete(k); // a value stored before on this side is replaced wherever it lived
    const n = typeof units === 'number' ? units : Number(units);
    const mag = n < 0 ? -n : n;
    if (mag < 1e15 && scale <= 14 && Number.isInteger(n) && (typeof units === 'number' || BigInt(n) === units)) {
      if ((n | 0) !== n && this.value instanceof Int32Array) this.widen();
      this.value[k] = n;
      this.scale[k] = scale;
      if (scale > this.maxScale) this.maxScale = scale;
      const m = mag / 10 ** scale;
      if (m > this.maxMagnitude) this.maxMagnitude = m;
    } else {
      this.overflow.set(k, Exact.of(BigInt(units), pow10(scale)));
    }
  }

  /**
   * Stores an exact value (e.g. a SIPAS index, which may not terminate as a decimal) on one side of
   * a cell. Non-decimal values live in the overflow map, which routes scoring to the bigint path.
   */
  setExact(cell: number, side: number, x: Exact): void {
    const text = x.toString();
    if (!text.includes('/')) return this.setText(cell, side, text);
    this.state[cell * 2 + side] = VALUE;
    this.overflow.set(cell * 2 + side, x);
  }

  /** Marks one side of a cell not applicable. */
  setNA(cell: number, side: number): void {
    this.state[cell * 2 + side] = NA;
  }

  /** The exact value on one side of a cell (call only when its state is VALUE). */
  exact(cell: number, side: number): Exact {
    const k = cell * 2 + side;
    return this.overflow.get(k) ?? Exact.fromScaled(this.value[k], this.scale[k]);
  }
}
