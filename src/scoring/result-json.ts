/**
 * The JSON form of a score result (docs/spec.md §6): numbers as strings rounded to the output
 * decimals, counts and ranks as integers, null where none. `JSON.stringify(result)` gives it.
 */
import { Exact, type RoundingMode, roundedUnits } from '../numbers/exact.js';
import { ACC, type Totals } from './kernel.js';
import type { ScoreResult, Summary, UnitResult } from './score.js';

/** Output rounding. */
export interface OutputFormat {
  /** Decimals printed. */
  decimals: number;
  /** How the last printed digit is rounded. */
  rounding: RoundingMode;
}

/** Rounds an exact value for output; null stays null. */
export function fmt(x: Exact | null, f: OutputFormat): string | null {
  return x === null ? null : x.toFixed(f.decimals, f.rounding);
}

/** A summary in the JSON document. */
export interface SummaryJson {
  /** Units with an index. */
  count: number;
  /** Mean index, rounded; null when count is 0. */
  mean: string | null;
  /** Lowest index, rounded. */
  min: string | null;
  /** Highest index, rounded. */
  max: string | null;
}

/** One unit in the JSON document. */
export interface UnitJson {
  /** Unit id. */
  unit: string;
  /** Unit name. */
  name: string;
  /** Unit group. */
  group: string;
  /** League the unit is ranked in. */
  rankGroup: string;
  /** The index, rounded; null when the applicable max is 0. */
  index: string | null;
  /** The index from the self-assessed inputs, rounded; null when not available. */
  selfIndex: string | null;
  /** Rank in the league; null without an index. */
  rank: number | null;
  /** Band; null when none. */
  band: string | null;
  /** Appraisal + survey + adjust points, rounded. */
  points: string | null;
  /** Applicable max (appraised side), rounded. */
  max: string | null;
  /** Points of appraisal criteria (bonus and penalty excluded), rounded. */
  appraisalPoints: string | null;
  /** Points of survey criteria, rounded. */
  surveyPoints: string | null;
  /** Bonus and penalty points, rounded. */
  adjustPoints: string | null;
  /** Points and max per area code. */
  areas: Record<
    string,
    {
      /** Points in the area, rounded. */
      points: string | null;
      /** Applicable max of the area, rounded. */
      max: string | null;
    }
  >;
  /** Applicable leaves with no input (scored 0). */
  missing: number;
  /** Rows with no appraised value (the self value stands). */
  unappraised: number;
  /** Leaves not applicable (NA) on the final side. */
  na: number;
}

/** The JSON document of a scored round (docs/spec.md §6). */
export interface ScoreResultJson {
  /** Units by league, then rank, then id. */
  units: UnitJson[];
  /** Summary per league. */
  leagues: Record<string, SummaryJson>;
  /** Summary per group. */
  groups: Record<string, SummaryJson>;
}

/** JSON of a summary. */
export function summaryJson(s: Summary, f: OutputFormat): SummaryJson {
  return { count: s.count, mean: fmt(s.mean, f), min: fmt(s.min, f), max: fmt(s.max, f) };
}

/**
 * A Map as a JSON object. User text becomes the keys, so the object is built with
 * `Object.fromEntries` (own data properties: a key such as `__proto__` stays a key).
 */
export function mapJson<T, U>(m: ReadonlyMap<string, T>, fn: (t: T) => U): Record<string, U> {
  return Object.fromEntries([...m].map(([k, v]) => [k, fn(v)]));
}

/** The JSON row of one unit. */
export function unitJson(
  u: Pick<UnitResult, 'unit' | 'name' | 'group' | 'rankGroup' | 'index' | 'selfIndex' | 'rank' | 'band' | 'points' | 'max' | 'appraisalPoints' | 'surveyPoints' | 'adjustPoints' | 'areas' | 'missing' | 'unappraised' | 'na'>,
  f: OutputFormat,
): UnitJson {
  return {
    unit: u.unit,
    name: u.name,
    group: u.group,
    rankGroup: u.rankGroup,
    index: fmt(u.index, f),
    selfIndex: fmt(u.selfIndex, f),
    rank: u.rank,
    band: u.band,
    points: fmt(u.points, f),
    max: fmt(u.max, f),
    appraisalPoints: fmt(u.appraisalPoints, f),
    surveyPoints: fmt(u.surveyPoints, f),
    adjustPoints: fmt(u.adjustPoints, f),
    areas: mapJson(u.areas, (a) => ({ points: fmt(a.points, f), max: fmt(a.max, f) })),
    missing: u.missing,
    unappraised: u.unappraised,
    na: u.na,
  };
}

/** The JSON document of a scored round, rounded as `f` says (default: the run's settings). */
export function scoreResultJson(result: ScoreResult, f: OutputFormat = result.settings): ScoreResultJson {
  return {
    units: result.units.map((u) => unitJson(u, f)),
    leagues: mapJson(result.leagues, (s) => summaryJson(s, f)),
    groups: mapJson(result.groups, (s) => summaryJson(s, f)),
  };
}

/** Units per piece of {@link scoreResultJsonPieces}. */
const UNITS_PER_PIECE = 512;

/** `JSON.stringify(x, null, 2)` placed at `depth` levels of indentation (every line but the first shifted). */
function indented(x: unknown, depth: number): string {
  const pad = '  '.repeat(depth);
  return JSON.stringify(x, null, 2).replaceAll('\n', `\n${pad}`);
}

/** A JSON value as `JSON.stringify` prints a string, a whole number or null. */
function jsonValue(x: string | number | null): string {
  return x === null ? 'null' : typeof x === 'string' ? JSON.stringify(x) : String(x);
}

/**
 * A unit's row as `JSON.stringify(row, null, 2)` prints it inside the document's `units` array (at
 * two levels of indentation), written field by field: half the time of stringifying and shifting it.
 */
function unitJsonText(j: UnitJson): string {
  const keys = Object.keys(j.areas); // the order JSON.stringify takes (integer-like codes first)
  let areas = '{}';
  if (keys.length > 0) {
    areas = '{\n';
    for (let i = 0; i < keys.length; i++) {
      const a = j.areas[keys[i]];
      areas += `        ${JSON.stringify(keys[i])}: {\n          "points": ${jsonValue(a.points)},\n          "max": ${jsonValue(a.max)}\n        }${i < keys.length - 1 ? ',\n' : '\n'}`;
    }
    areas += '      }';
  }
  return (
    `    {\n      "unit": ${jsonValue(j.unit)},\n      "name": ${jsonValue(j.name)},\n      "group": ${jsonValue(j.group)},\n      "rankGroup": ${jsonValue(j.rankGroup)},\n` +
    `      "index": ${jsonValue(j.index)},\n      "selfIndex": ${jsonValue(j.selfIndex)},\n      "rank": ${jsonValue(j.rank)},\n      "band": ${jsonValue(j.band)},\n` +
    `      "points": ${jsonValue(j.points)},\n      "max": ${jsonValue(j.max)},\n      "appraisalPoints": ${jsonValue(j.appraisalPoints)},\n      "surveyPoints": ${jsonValue(j.surveyPoints)},\n      "adjustPoints": ${jsonValue(j.adjustPoints)},\n` +
    `      "areas": ${areas},\n      "missing": ${jsonValue(j.missing)},\n      "unappraised": ${jsonValue(j.unappraised)},\n      "na": ${jsonValue(j.na)}\n    }`
  );
}

/**
 * The JSON document of a scored round as `JSON.stringify(scoreResultJson(result, f), null, 2)`
 * prints it, plus a final line end, in pieces of a few hundred units: a writer can send each piece
 * on as it comes, so a national result is never held as one object tree and one string (strings
 * never hold a raw line break, so shifting lines is safe; a test holds the pieces to the whole).
 */
export function* scoreResultJsonPieces(result: ScoreResult, f: OutputFormat = result.settings): Generator<string> {
  const units = result.units;
  if (units.length === 0) yield '{\n  "units": [],\n';
  else {
    yield '{\n  "units": [\n';
    for (let i = 0; i < units.length; i += UNITS_PER_PIECE) {
      let piece = '';
      const end = Math.min(units.length, i + UNITS_PER_PIECE);
      for (let k = i; k < end; k++) piece += `${unitJsonText(unitJson(units[k], f))}${k < units.length - 1 ? ',\n' : '\n'}`;
      yield piece;
    }
    yield '  ],\n';
  }
  yield `  "leagues": ${indented(
    mapJson(result.leagues, (s) => summaryJson(s, f)),
    1,
  )},\n`;
  yield `  "groups": ${indented(
    mapJson(result.groups, (s) => summaryJson(s, f)),
    1,
  )}\n}\n`;
}

/** Bytes of the chunks {@link scoreResultJsonChunks} gives (each is this long or more, but the last). */
const CHUNK_BYTES = 1 << 20;

const encoder = new TextEncoder();

/**
 * The document of {@link scoreResultJsonPieces} as UTF-8 bytes, written straight into chunks of at
 * least `chunkBytes` (the last one shorter): the unit rows are written field by field from the
 * result, with no row object, no text and no second copy — what `parindex score --format json`
 * writes. The same bytes as the pieces encoded (test/result-json-bytes.test.ts holds them to it).
 *
 * With `totals` — the totals the result was scored from (`computeTotals` on its round, as
 * `scoreMatrix` made them) — a unit's figures are written from their numerators, without making
 * the exact values the result's getters make and keep; units (or rounds) whose figures need exact
 * arithmetic are written from the getters.
 */
export function* scoreResultJsonChunks(result: ScoreResult, f: OutputFormat = result.settings, chunkBytes = CHUNK_BYTES, totals?: Totals): Generator<Uint8Array> {
  const out = new ByteChunks(chunkBytes);
  const units = result.units;
  if (units.length === 0) out.ascii('{\n  "units": [],\n');
  else {
    out.ascii('{\n  "units": [\n');
    const strings = new JsonStrings();
    const rows = totals === undefined ? undefined : TotalsRows.of(result, totals, f);
    for (let k = 0; k < units.length; k++) {
      if (rows === undefined || !rows.write(out, units[k], strings)) writeUnit(out, units[k], f, strings);
      out.ascii(k < units.length - 1 ? ',\n' : '\n');
      if (out.full()) yield out.take();
    }
    out.ascii('  ],\n');
  }
  out.text(
    `  "leagues": ${indented(
      mapJson(result.leagues, (s) => summaryJson(s, f)),
      1,
    )},\n`,
  );
  out.text(
    `  "groups": ${indented(
      mapJson(result.groups, (s) => summaryJson(s, f)),
      1,
    )}\n}\n`,
  );
  yield out.take();
}

/** A figure as the document prints it: rounded decimal text in quotes, or null. */
function writeFigure(out: ByteChunks, x: Exact | null, f: OutputFormat): void {
  if (x === null) out.ascii('null');
  else {
    out.byte(34);
    out.fixed(x, f.decimals, f.rounding);
    out.byte(34);
  }
}

/** @internal `x.toFixed(f.decimals, f.rounding)` as {@link scoreResultJsonChunks} writes it (for tests). */
export function fixedBytes(x: Exact, f: OutputFormat): Uint8Array {
  const out = new ByteChunks(64);
  out.fixed(x, f.decimals, f.rounding);
  return out.take();
}

/** A whole number or null, as `JSON.stringify` prints it. */
function writeCount(out: ByteChunks, n: number | null): void {
  out.ascii(n === null ? 'null' : String(n));
}

/**
 * True when a map's keys come in the order `JSON.stringify` prints an object's keys — array
 * indices first, ascending, then the others as given — so the map can be written as it iterates.
 */
function inJsonKeyOrder(m: ReadonlyMap<string, unknown>): boolean {
  let text = false;
  let last = -1;
  for (const k of m.keys()) {
    const n = arrayIndex(k);
    if (n < 0) text = true;
    else if (text || n <= last) return false;
    else last = n;
  }
  return true;
}

/** The keys of a map in the order `JSON.stringify` prints an object's keys: array indices ascending, then the rest as given. */
function jsonKeyOrder(m: ReadonlyMap<string, unknown>): string[] {
  const keys = [...m.keys()];
  return [...keys.filter((k) => arrayIndex(k) >= 0).sort((a, b) => arrayIndex(a) - arrayIndex(b)), ...keys.filter((k) => arrayIndex(k) < 0)];
}

/** The array index a key is (the canonical text of a whole number below 2^32 − 1, which objects order first), or -1. */
function arrayIndex(k: string): number {
  const n = k.length;
  if (n === 0 || n > 10 || (n > 1 && k.charCodeAt(0) === 48)) return -1;
  let v = 0;
  for (let i = 0; i < n; i++) {
    const c = k.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v < 4294967295 ? v : -1;
}

/** A unit's row, as {@link unitJsonText} prints {@link unitJson}'s object (what `JSON.stringify(row, null, 2)` gives at two levels). */
function writeUnit(out: ByteChunks, u: UnitResult, f: OutputFormat, strings: JsonStrings): void {
  out.ascii('    {\n      "unit": ');
  out.jsonString(u.unit);
  out.ascii(',\n      "name": ');
  out.jsonString(u.name);
  out.ascii(',\n      "group": ');
  out.text(strings.of(u.group));
  out.ascii(',\n      "rankGroup": ');
  out.text(strings.of(u.rankGroup));
  out.ascii(',\n      "index": ');
  writeFigure(out, u.index, f);
  out.ascii(',\n      "selfIndex": ');
  writeFigure(out, u.selfIndex, f);
  out.ascii(',\n      "rank": ');
  writeCount(out, u.rank);
  out.ascii(',\n      "band": ');
  if (u.band === null) out.ascii('null');
  else out.text(strings.of(u.band));
  out.ascii(',\n      "points": ');
  writeFigure(out, u.points, f);
  out.ascii(',\n      "max": ');
  writeFigure(out, u.max, f);
  out.ascii(',\n      "appraisalPoints": ');
  writeFigure(out, u.appraisalPoints, f);
  out.ascii(',\n      "surveyPoints": ');
  writeFigure(out, u.surveyPoints, f);
  out.ascii(',\n      "adjustPoints": ');
  writeFigure(out, u.adjustPoints, f);
  out.ascii(',\n      "areas": ');
  const areas = u.areas;
  if (areas.size === 0) out.ascii('{}');
  else {
    out.ascii('{\n');
    let i = 0;
    for (const code of inJsonKeyOrder(areas) ? areas.keys() : jsonKeyOrder(areas)) {
      const a = areas.get(code)!;
      out.ascii(i++ === 0 ? '        ' : '\n        },\n        ');
      out.text(strings.of(code));
      out.ascii(': {\n          "points": ');
      writeFigure(out, a.points, f);
      out.ascii(',\n          "max": ');
      writeFigure(out, a.max, f);
    }
    out.ascii('\n        }\n      }');
  }
  out.ascii(',\n      "missing": ');
  writeCount(out, u.missing);
  out.ascii(',\n      "unappraised": ');
  writeCount(out, u.unappraised);
  out.ascii(',\n      "na": ');
  writeCount(out, u.na);
  out.ascii('\n    }');
}

/**
 * Unit rows written from the totals a result was scored from, on the fast path (numerators over one
 * safe denominator, no denominator classes, no clamp): each figure is `numerator / den` (the index
 * `100 × points / max`), summed and rounded as the result's getters do it, printed without an exact
 * value being made. A unit whose numbers leave the safe integers is left to the getters.
 */
class TotalsRows {
  private readonly n: number;
  /** The areas (their positions) in the order JSON prints an object's keys: any unit's areas are printed in it. */
  private readonly order: number[];

  private constructor(
    private readonly t: Totals & { acc: Float64Array },
    private readonly den: number,
    private readonly codes: readonly string[],
    private readonly f: OutputFormat,
  ) {
    this.n = codes.length;
    const byCode = new Map(codes.map((c, a) => [c, a]));
    this.order = jsonKeyOrder(byCode).map((c) => byCode.get(c)!);
  }

  /** The writer for a result and its totals, or undefined when its figures need exact arithmetic. */
  static of(result: ScoreResult, t: Totals, f: OutputFormat): TotalsRows | undefined {
    if (t.path !== 'fast' || t.extra !== undefined || !(t.acc instanceof Float64Array) || result.settings.clamp || f.decimals > 15) return undefined;
    const den = Number(t.den);
    if (!Number.isSafeInteger(den) || den <= 0) return undefined;
    return new TotalsRows(
      t as Totals & { acc: Float64Array },
      den,
      result.framework.areas.map((a) => a.code),
      f,
    );
  }

  /** Writes a unit's row; false (nothing written) when a figure needs exact arithmetic. */
  write(out: ByteChunks, u: UnitResult, strings: JsonStrings): boolean {
    const t = this.t;
    const at = u.position;
    if (t.missing[at] !== u.missing || t.unappraised[at] !== u.unappraised || t.na[at] !== u.na) throw new RangeError('parindex: JSON rows written from the totals of another round');
    const acc = t.acc;
    const b = at * t.slots;
    const appraisal = acc[b + ACC.appraisal];
    const survey = acc[b + ACC.survey];
    const adjust = acc[b + ACC.adjust];
    const max = acc[b + ACC.max];
    const selfPoints = acc[b + ACC.selfPoints];
    const selfMax = acc[b + ACC.selfMax];
    // The index's points summed in doubles, in this order, as the result does it.
    let indexPoints = 0;
    indexPoints += appraisal;
    indexPoints += survey;
    indexPoints += adjust;
    if (
      !safe(appraisal) ||
      !safe(survey) ||
      !safe(adjust) ||
      !safe(max) ||
      max < 0 ||
      !safe(selfPoints) ||
      !safe(selfMax) ||
      selfMax < 0 ||
      Math.abs(appraisal) + Math.abs(survey) + Math.abs(adjust) > Number.MAX_SAFE_INTEGER ||
      (max !== 0 && (!safe(indexPoints) || !safe(100 * indexPoints))) ||
      (selfMax !== 0 && !safe(100 * selfPoints))
    ) {
      return false;
    }
    const areas = ACC.areas + b;
    for (let a = 0; a < this.n; a++) if (t.areaLeaves[at * this.n + a] !== 0 && (!safe(acc[areas + 2 * a]) || !safe(acc[areas + 2 * a + 1]))) return false;
    const den = this.den;
    out.ascii('    {\n      "unit": ');
    out.jsonString(u.unit);
    out.ascii(',\n      "name": ');
    out.jsonString(u.name);
    out.ascii(',\n      "group": ');
    out.text(strings.of(u.group));
    out.ascii(',\n      "rankGroup": ');
    out.text(strings.of(u.rankGroup));
    out.ascii(',\n      "index": ');
    if (max === 0) out.ascii('null');
    else this.figure(out, 100 * indexPoints, max);
    out.ascii(',\n      "selfIndex": ');
    if (selfMax === 0) out.ascii('null');
    else this.figure(out, 100 * selfPoints, selfMax);
    out.ascii(',\n      "rank": ');
    writeCount(out, u.rank);
    out.ascii(',\n      "band": ');
    if (u.band === null) out.ascii('null');
    else out.text(strings.of(u.band));
    out.ascii(',\n      "points": ');
    this.figure(out, appraisal + survey + adjust, den);
    out.ascii(',\n      "max": ');
    this.figure(out, max, den);
    out.ascii(',\n      "appraisalPoints": ');
    this.figure(out, appraisal, den);
    out.ascii(',\n      "surveyPoints": ');
    this.figure(out, survey, den);
    out.ascii(',\n      "adjustPoints": ');
    this.figure(out, adjust, den);
    out.ascii(',\n      "areas": ');
    let written = 0;
    for (const a of this.order) {
      if (t.areaLeaves[at * this.n + a] === 0) continue;
      out.ascii(written++ === 0 ? '{\n        ' : '\n        },\n        ');
      out.text(strings.of(this.codes[a]));
      out.ascii(': {\n          "points": ');
      this.figure(out, acc[areas + 2 * a], den);
      out.ascii(',\n          "max": ');
      this.figure(out, acc[areas + 2 * a + 1], den);
    }
    out.ascii(written === 0 ? '{}' : '\n        }\n      }');
    out.ascii(',\n      "missing": ');
    writeCount(out, u.missing);
    out.ascii(',\n      "unappraised": ');
    writeCount(out, u.unappraised);
    out.ascii(',\n      "na": ');
    writeCount(out, u.na);
    out.ascii('\n    }');
    return true;
  }

  private figure(out: ByteChunks, num: number, den: number): void {
    out.byte(34);
    out.fraction(num, den, this.f.decimals, this.f.rounding);
    out.byte(34);
  }
}

const safe = Number.isSafeInteger;

/** @internal True when {@link scoreResultJsonChunks} writes a result's rows from these totals (for tests). */
export function rowsFromTotals(result: ScoreResult, totals: Totals, f: OutputFormat = result.settings): boolean {
  return TotalsRows.of(result, totals, f) !== undefined;
}

/** User text that repeats from row to row (groups, leagues, bands, area codes) as JSON strings, each stringified once. */
class JsonStrings {
  private readonly known = new Map<string, string>();

  of(s: string): string {
    let j = this.known.get(s);
    if (j === undefined) {
      j = JSON.stringify(s);
      this.known.set(s, j);
    }
    return j;
  }
}

/**
 * UTF-8 bytes written into chunks: a chunk is handed on once {@link full} (at least `size` bytes
 * written), and a new one started; a chunk has room past `size` for the row that fills it.
 */
class ByteChunks {
  private buf = new Uint8Array(0);
  private pos = 0;
  /** A figure's digits, last first (a safe whole number has at most 16; 15 decimals, 16 places). */
  private readonly digits = new Uint8Array(32);

  constructor(private readonly size: number) {}

  /** True once the chunk holds its size or more. */
  full(): boolean {
    return this.pos >= this.size;
  }

  /** The bytes written since the last take, as a chunk of their own; the next write starts a new chunk. */
  take(): Uint8Array {
    const chunk = this.buf.subarray(0, this.pos);
    this.buf = new Uint8Array(0);
    this.pos = 0;
    return chunk;
  }

  private room(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    // A new chunk with room past its size for the row that fills it; a longer row grows it.
    const grown = new Uint8Array(Math.max(this.size + (this.size >> 4) + 256, this.buf.length * 2, this.pos + n));
    grown.set(this.buf.subarray(0, this.pos));
    this.buf = grown;
  }

  byte(c: number): void {
    this.room(1);
    this.buf[this.pos++] = c;
  }

  /**
   * `x.toFixed(decimals, mode)`, its digits written straight into the chunk when `Exact.toFixed`
   * rounds in doubles (numerator and denominator safe integers, `|num| × 10^decimals + den` too,
   * at most 15 decimals), by the same steps; otherwise its text.
   */
  fixed(x: Exact, decimals: number, mode: RoundingMode): void {
    if (decimals <= 15) {
      const n = Number(x.num);
      const d = Number(x.den);
      // Number(bigint) is a safe integer exactly when the bigint is one (past them it rounds to 2^53 or more).
      if (Number.isSafeInteger(n) && Number.isSafeInteger(d) && this.rounded(n, d, decimals, mode)) return;
    }
    this.ascii(x.toFixed(decimals, mode));
  }

  /** `num / den` (safe integers, den ≠ 0) as `Exact.toFixed(decimals, mode)` prints it. */
  fraction(num: number, den: number, decimals: number, mode: RoundingMode): void {
    if (decimals > 15 || !this.rounded(num, den, decimals, mode)) this.ascii(Exact.fromSafeIntegers(num, den).toFixed(decimals, mode));
  }

  /**
   * Writes `num / den` (safe integers) rounded to `decimals` (≤ 15) places and returns true when it
   * rounds in exact doubles (den > 0, `|num| × 10^decimals + den` a safe integer): the digits of
   * the correctly rounded value, as `Exact.toFixed` computes them; false (nothing written) otherwise.
   */
  private rounded(num: number, den: number, decimals: number, mode: RoundingMode): boolean {
    const q = roundedUnits(num, den, decimals, mode);
    if (q < 0) return false;
    this.scaled(num < 0 && q !== 0, q, decimals);
    return true;
  }

  /** `q / 10^decimals` (q a safe whole number ≥ 0) with `decimals` places and a point, `-` first when `negative`. */
  private scaled(negative: boolean, q: number, decimals: number): void {
    // The digits of q, at least decimals + 1 of them, last first.
    const digits = this.digits;
    let k = 0;
    do {
      const next = Math.floor(q / 10);
      digits[k++] = q - next * 10;
      q = next;
    } while (q > 0);
    while (k <= decimals) digits[k++] = 0;
    this.room(k + 2);
    const b = this.buf;
    let p = this.pos;
    if (negative) b[p++] = 45;
    for (let i = k - 1; i >= 0; i--) {
      if (i === decimals - 1) b[p++] = 46;
      b[p++] = 48 + digits[i];
    }
    this.pos = p;
  }

  /** Text known to be ASCII (the document's own words, figures, numbers). */
  ascii(s: string): void {
    const n = s.length;
    this.room(n);
    const b = this.buf;
    let p = this.pos;
    for (let i = 0; i < n; i++) b[p++] = s.charCodeAt(i);
    this.pos = p;
  }

  /**
   * `JSON.stringify(s)` as UTF-8, written as it is read: text with nothing to escape (no quote,
   * backslash, control character or surrogate) goes straight in; other text is stringified.
   */
  jsonString(s: string): void {
    const n = s.length;
    this.room(n * 3 + 2);
    const b = this.buf;
    const start = this.pos;
    let p = start;
    b[p++] = 34;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x80) {
        if (c < 0x20 || c === 34 || c === 92) return this.escaped(s, start);
        b[p++] = c;
      } else if (c < 0x800) {
        b[p++] = 0xc0 | (c >> 6);
        b[p++] = 0x80 | (c & 0x3f);
      } else {
        if (c >= 0xd800 && c <= 0xdfff) return this.escaped(s, start);
        b[p++] = 0xe0 | (c >> 12);
        b[p++] = 0x80 | ((c >> 6) & 0x3f);
        b[p++] = 0x80 | (c & 0x3f);
      }
    }
    b[p++] = 34;
    this.pos = p;
  }

  private escaped(s: string, start: number): void {
    this.pos = start;
    this.text(JSON.stringify(s));
  }

  /** Any text, as UTF-8. */
  text(s: string): void {
    // At most three bytes per UTF-16 code unit.
    this.room(s.length * 3);
    const b = this.buf;
    let p = this.pos;
    const n = s.length;
    let i = 0;
    for (; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x80) break;
      b[p++] = c;
    }
    if (i < n) p += encoder.encodeInto(s.slice(i), b.subarray(p)).written ?? 0;
    this.pos = p;
  }
}
