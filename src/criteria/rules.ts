/**
 * The six leaf rules (docs/spec.md §2) on exact values: reading an input cell for a rule, and the points a
 * value earns. This is the plain, readable statement of the rules; the fast kernel in `kernel.ts`
 * must agree with it (tests check both on random frameworks).
 */
import type { Criterion } from './framework.js';
import type { NumberTextOptions } from '../numbers/decimal-text.js';
import { readDecimal } from '../numbers/decimal-text.js';
import { Exact } from '../numbers/exact.js';

/**
 * A cell as read: blank, not applicable, or an exact value (yes/no read as 1/0) with its canonical
 * text (point decimal) and, from the same single parse, `units / 10^scale` (for
 * `InputMatrix.setScaled`).
 */
export type CellInput = { kind: 'blank' } | { kind: 'na' } | { kind: 'value'; value: Exact; text: string; units: number | bigint; scale: number };

/** Why a cell was rejected: what was wrong and what was expected. */
export interface CellProblem {
  /** What is wrong with the cell, e.g. `points outside 0..2`. */
  problem: string;
  /** What the rule expects instead. */
  expected: string;
}

const YES = new Set(['1', 'yes', 'có', 'co', 'đạt', 'dat', 'x', 'true', 'y']);
const NO = new Set(['0', 'no', 'không', 'khong', 'không đạt', 'khong dat', 'false', 'n']);

/** Reads a yes/no token (case-insensitive, NFC): true, false, or undefined when not one. */
export function readYesNo(text: string): boolean | undefined {
  const t = text.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ');
  if (YES.has(t)) return true;
  if (NO.has(t)) return false;
  return undefined;
}

/** True when a cell says "not applicable" (`NA`, any case). */
export function isNA(text: string): boolean {
  return text.trim().toUpperCase() === 'NA';
}

/** Text of what a rule expects in a cell, for error messages. */
export function expectedInput(c: Criterion): string {
  switch (c.rule) {
    case 'points':
      return c.params.allowed ? `one of ${c.params.allowed.map((a) => a.toString()).join(', ')} (or NA)` : `a number from 0 to ${c.max.toString()} (or NA)`;
    case 'yesno':
      return '1/0, yes/no, có/không, đạt/không đạt or x (or NA)';
    case 'ratio':
      return 'a percentage ≥ 0 (or NA)';
    case 'tiers':
      return 'a number (or NA)';
    case 'adjust': {
      const lo = c.params.min?.toString();
      const hi = c.params.max?.toString();
      return lo || hi ? `a signed number from ${lo ?? '−∞'} to ${hi ?? '+∞'}` : 'a signed number';
    }
    case 'survey':
      return 'a score from 0 to 100 (or NA)';
    default:
      return 'a value';
  }
}

/** Reads one input cell for a leaf's rule; returns the input or a problem. */
export function readCell(c: Criterion, text: string, opts: NumberTextOptions = {}): CellInput | CellProblem {
  const t = text.trim();
  if (t === '') return { kind: 'blank' };
  if (isNA(t)) {
    if (c.rule === 'adjust') return { problem: 'an adjustment cannot be NA', expected: expectedInput(c) };
    return { kind: 'na' };
  }
  if (c.rule === 'yesno') {
    const yn = readYesNo(t);
    if (yn === undefined) return { problem: 'not a yes/no answer', expected: expectedInput(c) };
    return yn ? { kind: 'value', value: Exact.ONE, text: '1', units: 1, scale: 0 } : { kind: 'value', value: Exact.ZERO, text: '0', units: 0, scale: 0 };
  }
  const d = readDecimal(t, opts);
  if (d === undefined) {
    return { problem: 'not a number', expected: `${expectedInput(c)}; numbers as 12 or 12.5${opts.decimalComma ? ' or 12,5' : ' (use --decimal-comma for 12,5)'}` };
  }
  const v = Exact.fromScaled(d.units, d.scale);
  const canon = opts.decimalComma ? t.replace(',', '.') : t;
  switch (c.rule) {
    case 'points':
      if (v.sign() < 0 || v.cmp(c.max) > 0) return { problem: `points outside 0..${c.max.toString()}`, expected: expectedInput(c) };
      if (c.params.allowed && !c.params.allowed.some((a) => a.eq(v))) return { problem: 'points not among the allowed values', expected: expectedInput(c) };
      break;
    case 'ratio':
      if (v.sign() < 0) return { problem: 'a negative percentage', expected: expectedInput(c) };
      break;
    case 'adjust':
      if ((c.params.min && v.cmp(c.params.min) < 0) || (c.params.max && v.cmp(c.params.max) > 0)) {
        return { problem: 'adjustment outside its limits', expected: expectedInput(c) };
      }
      break;
    case 'survey':
      if (v.sign() < 0 || v.cmp(Exact.HUNDRED) > 0) return { problem: 'survey score outside 0..100', expected: expectedInput(c) };
      break;
    default:
      break;
  }
  return { kind: 'value', value: v, text: canon, units: d.units, scale: d.scale };
}

/** True when {@link readCell} returned a problem. */
export function isCellProblem(x: CellInput | CellProblem): x is CellProblem {
  return 'problem' in x;
}

/** Points a valid input value earns on a leaf (exact). */
export function leafPoints(c: Criterion, value: Exact): Exact {
  switch (c.rule) {
    case 'points':
    case 'adjust':
      return value;
    case 'yesno':
      return value.sign() > 0 ? c.max : Exact.ZERO;
    case 'ratio': {
      const target = c.params.target ?? Exact.HUNDRED;
      return c.max.mul(value.min(target)).div(target);
    }
    case 'tiers':
      for (const t of c.params.tiers ?? []) {
        if (t.op === 'else') return t.points;
        const cmp = value.cmp(t.threshold!);
        if (cmp > 0 || (cmp === 0 && t.op === '>=')) return t.points;
      }
      return Exact.ZERO;
    case 'survey':
      return c.max.mul(value).div(Exact.HUNDRED);
    default:
      return Exact.ZERO;
  }
}
