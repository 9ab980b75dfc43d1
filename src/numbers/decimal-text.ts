/**
 * Reading number text exactly. Accepted: `[+-]digits[.digits]`; with `decimalComma` a `,` may stand
 * for the point. Exponents, `NaN`, `Infinity`, thousands separators, `.5` and `5.` are rejected.
 */
import { Exact, pow10 } from './exact.js';

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

/** Reads decimal text into a scaled integer; returns `undefined` when it is not an accepted number. */
export function parseScaledDecimal(text: string, opts: NumberTextOptions = {}): ScaledDecimal | undefined {
  const t = text.trim();
  if (!isDecimalText(t, opts)) return undefined;
  const sepAt = Math.max(t.indexOf('.'), t.indexOf(','));
  if (sepAt < 0) return { units: BigInt(t), scale: 0 };
  const intPart = t.slice(0, sepAt);
  const frac = t.slice(sepAt + 1);
  const neg = intPart.startsWith('-');
  const absInt = intPart.replace(/^[+-]/, '');
  const units = BigInt(absInt) * pow10(frac.length) + BigInt(frac);
  return { units: neg ? -units : units, scale: frac.length };
}

/** Reads decimal text into an exact value; `undefined` when it is not an accepted number. */
export function parseExact(text: string, opts: NumberTextOptions = {}): Exact | undefined {
  const d = parseScaledDecimal(text, opts);
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
