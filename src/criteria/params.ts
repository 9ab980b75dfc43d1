/**
 * The `params` cell of a leaf: `key=value` pairs split by spaces or `;` (`allowed=0;0.5;1` lists
 * values), or the tiers syntax `>90:2 | >=70:1 | else:0` (read by the tiers rule, `rules/tiers.ts`).
 * Which keys a rule takes, and the checks between them, are the rule's (`rules/*.ts`).
 */
import { DECIMAL_COMMA_EXPECTED, isPointUnderComma, type NumberTextOptions, readDecimal } from '../numbers/decimal-text.js';
import { Exact } from '../numbers/exact.js';

/** One tier: points given when the input meets the threshold (`else` = always). */
export interface Tier {
  /** `>` strict, `>=` inclusive, `else` the catch-all (last only). */
  op: '>' | '>=' | 'else';
  /** Threshold (absent on `else`). */
  threshold?: Exact;
  /** Points given. */
  points: Exact;
}

/** Parsed params of a leaf. */
export interface LeafParams {
  /** `points`: the only values allowed. */
  allowed?: Exact[];
  /** `ratio`: the target percentage (> 0, default 100). */
  target?: Exact;
  /** `adjust`: lower limit. */
  min?: Exact;
  /** `adjust`: upper limit. */
  max?: Exact;
  /** `tiers`: the tiers in order. */
  tiers?: Tier[];
}

/** A problem with a params cell: what is wrong and what was expected. */
export interface ParamsProblem {
  /** The issue's code when not `bad-params`: `bad-number` for a `.` under `--decimal-comma`. */
  code?: 'bad-number';
  /** What is wrong with the params cell. */
  message: string;
  /** What was expected instead. */
  expected: string;
}

/**
 * Parses `key=value` params taking the keys `keys` (for rule `rule`, named in messages); returns the
 * params or the first problem. Each key may be given once, except `allowed`, whose values continue
 * after `;` (`allowed=0;0.5;1`). Checks between keys (a target > 0, min ≤ max) are the rule's.
 */
export function parseKeyValues(text: string, rule: string, keys: readonly (keyof LeafParams)[], opts: NumberTextOptions = {}): LeafParams | ParamsProblem {
  const allowedKeys: readonly string[] = keys;
  const out: LeafParams = {};
  const tokens = text.split(/[\s;]+/).filter(Boolean);
  if (tokens.length > 0 && allowedKeys.length === 0) {
    return { message: `rule "${rule}" takes no params`, expected: 'an empty params cell' };
  }
  let lastKey: string | undefined;
  for (const tok of tokens) {
    const eq = tok.indexOf('=');
    const key = eq >= 0 ? tok.slice(0, eq).trim() : lastKey;
    const raw = eq >= 0 ? tok.slice(eq + 1).trim() : tok;
    if (key === undefined || (eq < 0 && key !== 'allowed')) {
      return { message: `params "${text}" has "${tok}" outside a key=value pair`, expected: `key=value pairs with keys ${allowedKeys.join(', ')}` };
    }
    if (!allowedKeys.includes(key)) {
      return { message: `unknown param "${key}" for rule "${rule}"`, expected: `one of ${allowedKeys.join(', ')}` };
    }
    const v = paramNumber(raw, opts);
    if (!v) return { message: `param "${key}" is not a number`, expected: `a number such as ${opts.decimalComma ? '0,5' : '0.5'}` };
    if (!(v instanceof Exact)) return { ...v, message: `param "${key}": ${v.message}` };
    if (key === 'allowed') (out.allowed ??= []).push(v);
    else if ((out as Record<string, unknown>)[key] !== undefined) {
      return { message: `param "${key}" is given twice`, expected: 'each key once' };
    } else (out as Record<string, Exact>)[key] = v;
    lastKey = key;
  }
  return out;
}

/**
 * A number of a params cell (trimmed text), read as `opts` says; undefined when it is not one, or
 * the `bad-number` problem for a `.` under `decimalComma`.
 */
export function paramNumber(text: string, opts: NumberTextOptions): Exact | ParamsProblem | undefined {
  const d = readDecimal(text.trim(), opts);
  if (d !== undefined) return Exact.fromScaled(d.units, d.scale);
  if (isPointUnderComma(text.trim(), opts)) return { code: 'bad-number', message: `"${text.trim()}" has a "." but --decimal-comma is on`, expected: DECIMAL_COMMA_EXPECTED };
  return undefined;
}

/** True when a parse result is a problem rather than params. */
export function isParamsProblem(x: unknown): x is ParamsProblem {
  return typeof x === 'object' && x !== null && 'expected' in x && 'message' in x;
}
