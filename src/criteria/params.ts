/**
 * The `params` cell of a leaf: `key=value` pairs split by spaces or `;` (`allowed=0;0.5;1` lists
 * values), or the tiers syntax `>90:2 | >=70:1 | else:0`.
 */
import { parseExact } from '../numbers/decimal-text.js';
import type { Exact } from '../numbers/exact.js';

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
  /** What is wrong with the params cell. */
  message: string;
  /** What was expected instead. */
  expected: string;
}

const KEYS: Record<string, readonly string[]> = {
  points: ['allowed'],
  ratio: ['target'],
  adjust: ['min', 'max'],
  yesno: [],
  survey: [],
};

/** Parses `key=value` params for a rule; returns the params or a problem. */
export function parseKeyValueParams(text: string, rule: string): LeafParams | ParamsProblem {
  const allowedKeys = KEYS[rule] ?? [];
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
    const v = parseExact(raw);
    if (!v) return { message: `param "${key}" is not a number`, expected: 'a number such as 0.5' };
    if (key === 'allowed') (out.allowed ??= []).push(v);
    else if ((out as Record<string, unknown>)[key] !== undefined) {
      return { message: `param "${key}" is given twice`, expected: 'each key once' };
    } else (out as Record<string, Exact>)[key] = v;
    lastKey = key;
  }
  if (out.target && out.target.sign() <= 0) return { message: 'ratio target must be > 0', expected: 'target > 0, e.g. target=100' };
  if (out.min && out.max && out.min.cmp(out.max) > 0) return { message: 'adjust min is above max', expected: 'min ≤ max' };
  return out;
}

/** Parses the tiers syntax; checks order, `else` last and 0 ≤ points ≤ max. */
export function parseTiers(text: string, max: Exact | undefined): Tier[] | ParamsProblem {
  const parts = text
    .split('|')
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0) return { message: 'tiers rule needs tiers', expected: 'tiers such as ">90:2 | >=70:1 | else:0"' };
  const tiers: Tier[] = [];
  for (const [i, part] of parts.entries()) {
    const m = /^(>=|>|else)\s*([^:]*?)\s*:\s*(\S+)$/.exec(part);
    if (!m) return { message: `tier "${part}" is not understood`, expected: 'tiers like ">90:2", ">=70:1" or "else:0" split by "|"' };
    const [, op, thr, pts] = m;
    const points = parseExact(pts);
    if (!points) return { message: `tier "${part}" has points that are not a number`, expected: 'a number of points' };
    if (points.sign() < 0 || (max && points.cmp(max) > 0)) {
      return { message: `tier "${part}" gives points outside 0..max`, expected: `points from 0 to ${max ? max.toString() : 'max'}` };
    }
    if (op === 'else') {
      if (thr !== '') return { message: `tier "${part}": else takes no threshold`, expected: '"else:points"' };
      if (i !== parts.length - 1) return { message: 'else must be the last tier', expected: 'else only last' };
      tiers.push({ op: 'else', points });
      continue;
    }
    const threshold = parseExact(thr);
    if (!threshold) return { message: `tier "${part}" has a threshold that is not a number`, expected: 'a number after > or >=' };
    const prev = tiers[tiers.length - 1];
    if (prev && prev.threshold) {
      const c = threshold.cmp(prev.threshold);
      const ok = c < 0 || (c === 0 && prev.op === '>' && op === '>=');
      if (!ok) {
        return { message: `tiers are not in descending order at "${part}"`, expected: 'thresholds descending left to right (at an equal threshold ">" before ">=")' };
      }
    }
    tiers.push({ op: op as '>' | '>=', threshold, points });
  }
  return tiers;
}

/** True when a parse result is a problem rather than params. */
export function isParamsProblem(x: unknown): x is ParamsProblem {
  return typeof x === 'object' && x !== null && 'expected' in x && 'message' in x;
}
