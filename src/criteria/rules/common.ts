/**
 * Small pieces the rule objects share: reading `NA` and numbers from a cell, exact integer scaling
 * for the kernel's forms, and the template's NA formula. No rule logic lives here.
 */
import { type CellFault, cellExpectedText, cellFaultText, DECIMAL_COMMA, type Expects, POINT_IN_NUMBER } from '../../i18n/en/criteria.js';
import { isPointUnderComma, type NumberTextOptions, readDecimal } from '../../numbers/decimal-text.js';
import { Exact, pow10 } from '../../numbers/exact.js';
import { isParamsProblem, type LeafParams, type ParamsProblem } from '../params.js';
import type { CellInput, CellProblem, ParamsResult } from './rule.js';

/** True when a cell says "not applicable" (`NA`, any case). */
export function isNA(text: string): boolean {
  return text.trim().toUpperCase() === 'NA';
}

/** The input of a cell that says NA. */
export const NA_INPUT: CellInput = Object.freeze({ kind: 'na' });

/** The problem of a cell a rule refuses: the fault and what the rule `expects` (`comma`: `--decimal-comma` is on). */
export function cellProblem(fault: CellFault, expects: Expects, comma?: boolean): CellProblem {
  const params = comma === undefined ? { ...expects, fault } : { ...expects, fault, comma };
  return { params, problem: cellFaultText(params), expected: cellExpectedText(params) };
}

/**
 * Reads trimmed number text into a value input, or the "not a number" problem naming what the rule
 * expects (`expects`) and how decimals are written. Under `decimalComma` a number written with a
 * `.` (`1.200`) is a `bad-number` problem: there the point is never a decimal separator.
 */
export function readNumber(text: string, opts: NumberTextOptions, expects: Expects): { kind: 'value'; value: Exact; text: string; units: number | bigint; scale: number } | CellProblem {
  const d = readDecimal(text, opts);
  if (d === undefined) {
    if (isPointUnderComma(text, opts)) return { code: 'bad-number', problem: POINT_IN_NUMBER, expected: DECIMAL_COMMA };
    return cellProblem('not-a-number', expects, opts.decimalComma === true);
  }
  return { kind: 'value', value: Exact.fromScaled(d.units, d.scale), text: opts.decimalComma ? text.replace(',', '.') : text, units: d.units, scale: d.scale };
}

/** True when a read gave a problem rather than an input. */
export function isProblem(x: CellInput | CellProblem): x is CellProblem {
  return 'problem' in x;
}

/** Number of decimals in an exact decimal's text (a fraction's `/` text has none that matter here). */
export function scaleOf(x: Exact): number {
  const s = x.toString();
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : s.length - dot - 1;
}

/**
 * `x × D / divisor` as a whole number; throws when it is not one (the denominator the rule declared
 * does not divide `D`: a bug, never bad input).
 */
export function wholeOver(x: Exact, D: bigint, divisor = 1n): bigint {
  const n = x.num * D;
  const d = x.den * divisor;
  const q = n / d;
  if (q * d !== n) throw new RangeError(`parindex: ${x.toString()} × ${D} / ${divisor} is not a whole number`);
  return q;
}

/** `D / 10^S` as a whole number (the factor that takes an input at scale S to points over D). */
export function perInput(D: bigint, S: number): bigint {
  return wholeOver(Exact.ONE, D, pow10(S));
}

/** The formula part that accepts `NA` in a template cell. */
export function naFormula(ref: string): string {
  return `UPPER(TRIM(${ref}))="NA"`;
}

/** A params parse (params, or one problem) as a {@link ParamsResult}. */
export function paramsResult(parsed: LeafParams | ParamsProblem): ParamsResult {
  return isParamsProblem(parsed) ? { params: {}, problems: [parsed] } : { params: parsed, problems: [] };
}
