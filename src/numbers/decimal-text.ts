/**
 * Reading number text exactly. Accepted: `[+-]digits[.digits]`; with `decimalComma` a `,` may stand
 * for the point. Exponents, `NaN`, `Infinity`, thousands separators, `.5` and `5.` are rejected.
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
const POINT_OR_COMMA = /^[+-]?\d+(?:[.,]\d+)?$/;

/** Options for reading number text. */
export interface NumberTextOptions {
  /** Accept `,` as the decimal separator (the point still works). */
  decimalComma?: boolean;
}

/** True when `text` (already trimmed) is an accepted number. */
export function isDecimalText(text: string, opts: NumberTextOptions = {}): boolean {
  return (opts.decimalComma ? POINT_OR_COMMA : POINT_ONLY).test(text);
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
    if (sepAt >= 0 || (c !== 46 /* . */ && !(c === 44 /* , */ && opts.decimalComma))) return undefined;
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
