/**
 * Reading number text exactly. Accepted: `[+-]digits[.digits]`; with `decimalComma`,
 * `[+-]digits[,digits]` instead (a `.` is then refused: Vietnamese `1.200` is twelve hundred).
 * Exponents, `NaN`, `Infinity`, thousands separators, `.5` and `5.` are rejected.
 */
import { Exact } from './exact.js';

/** A decimal read from text: `units / 10^scale`. */
export interface ScaledDecimal {
  /** Signed integer count of 10^-scale units. */
  units: bigint;
  /** Number of decimals written in the text. */
  scale: number;
}

const POINT_ONLY = /^[+-]?\d+(?:\.\d+)?$/;
const COMMA_ONLY = /^[+-]?\d+(?:,\d+)?$/;

/** Options for reading number text. */
export interface NumberTextOptions {
  /**
   * The decimal separator of text cells is `,` (`12,5`), and a `.` is refused (docs/spec.md §1).
   * Numbers that came in as numbers (xlsx number cells, JSON numbers) are read with the point
   * whatever this says ({@link POINT_DECIMAL}).
   */
  decimalComma?: boolean;
}

/** Options for text that came from a number (an xlsx number cell, a JSON or JS number): point decimal, always. */
export const POINT_DECIMAL: NumberTextOptions = Object.freeze({});

/**
 * True when `text` (trimmed) was refused under `decimalComma` for a `.` in it: digits with a `.`
 * (and perhaps `,`), such as `1.200`, `12.5` or `1.200,5` (a `bad-number` rather than "not a number").
 */
export function isPointUnderComma(text: string, opts: NumberTextOptions): boolean {
  return opts.decimalComma === true && text.indexOf('.') >= 0 && /^[+-]?\d[\d.,]*$/.test(text);
}

/** True when `text` (already trimmed) is an accepted number. */
export function isDecimalText(text: string, opts: NumberTextOptions = {}): boolean {
  return (opts.decimalComma ? COMMA_ONLY : POINT_ONLY).test(text);
}

/**
 * A decimal read in one pass: `units / 10^scale`, with `units` a number when the text has at most
 * 15 digits (always a safe integer then), else a bigint.
 */
export interface ReadDecimal {
  /** Signed count of 10^-scale units. */
  units: number | bigint;
  /** Number of decimals written in the text. */
  scale: number;
}

/** Digits a number-valued {@link ReadDecimal} may have (10^15 < 2^53). */
const NUMBER_DIGITS = 15;

/**
 * Reads accepted number text (already trimmed; see {@link isDecimalText}) in one scan, without a
 * regular expression or a bigint for short numbers; `undefined` when it is not an accepted number.
 */
export function readDecimal(text: string, opts: NumberTextOptions = {}): ReadDecimal | undefined {
  const n = text.length;
  let i = 0;
  let neg = false;
  const c0 = text.charCodeAt(0);
  if (c0 === 43 /* + */ || c0 === 45 /* - */) {
    neg = c0 === 45;
    i = 1;
  }
  const start = i;
  let units = 0;
  let sepAt = -1;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      units = units * 10 + (c - 48);
      continue;
    }
    if (sepAt >= 0 || c !== (opts.decimalComma ? 44 /* , */ : 46) /* . */) return undefined;
    if (i === start) return undefined; // no digit before the separator
    sepAt = i;
  }
  if (i === start || sepAt === n - 1) return undefined; // no digits, or none after the separator
  const scale = sepAt < 0 ? 0 : n - sepAt - 1;
  const digits = n - start - (sepAt < 0 ? 0 : 1);
  if (digits <= NUMBER_DIGITS) return { units: neg ? -units : units, scale };
  const big = BigInt(sepAt < 0 ? text.slice(start) : text.slice(start, sepAt) + text.slice(sepAt + 1));
  return { units: neg ? -big : big, scale };
}

/** Reads decimal text into a scaled integer; returns `undefined` when it is not an accepted number. */
export function parseScaledDecimal(text: string, opts: NumberTextOptions = {}): ScaledDecimal | undefined {
  const d = readDecimal(text.trim(), opts);
  return d && { units: BigInt(d.units), scale: d.scale };
}

/** Reads decimal text into an exact value; `undefined` when it is not an accepted number. */
export function parseExact(text: string, opts: NumberTextOptions = {}): Exact | undefined {
  const d = readDecimal(text.trim(), opts);
  return d && Exact.fromScaled(d.units, d.scale);
}

/**
 * Text of a value that came in as a binary float (an xlsx numeric cell or a JSON number): its
 * shortest round-trip text, so `0.1` stays `0.1`. Exponent forms are expanded exactly.
 */
export function numberToDecimalText(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  const s = String(x);
  if (!/e/i.test(s)) return s;
  const m = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/i.exec(s);
  if (!m) return s;
  const [, sign, intDigits, fracDigits = '', expText] = m;
  const exp = Number(expText);
  const digits = intDigits + fracDigits;
  const pointAt = intDigits.length + exp;
  let out: string;
  if (pointAt <= 0) out = `0.${'0'.repeat(-pointAt)}${digits}`;
  else if (pointAt >= digits.length) out = digits + '0'.repeat(pointAt - digits.length);
  else out = `${digits.slice(0, pointAt)}.${digits.slice(pointAt)}`;
  return sign + out;
}
