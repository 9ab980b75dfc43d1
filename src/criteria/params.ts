/**
 * The `params` cell of a leaf: `key=value` pairs split by spaces or `;` (`allowed=0;0.5;1` lists
 * values), or the tiers syntax `>90:2 | >=70:1 | else:0` (read by the tiers rule, `rules/tiers.ts`).
 * Which keys a rule takes, and the checks between them, are the rule's (`rules/*.ts`).
 */
import { DECIMAL_COMMA, type ParamsFaultParams, type PointParams, paramsExpectedText, paramsFaultText, pointText } from '../i18n/en/criteria.js';
import { isPointUnderComma, type NumberTextOptions, readDecimal } from '../numbers/decimal-text.js';
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

/**
 * A problem with a params cell: the fault and its values (`bad-params`), or where a number was
 * written with a point under `--decimal-comma` (`bad-number`), for the catalogues; and the same in
 * English words (without the criterion).
 */
export type ParamsProblem = (
  | {
      /** The fault and the values it names (`bad-params`). */
      params: ParamsFaultParams;
      point?: undefined;
      code?: undefined;
    }
  | {
      /** The number written with a point under `--decimal-comma` (`bad-number`). */
      point: PointParams;
      params?: undefined;
      /** The issue's code when not `bad-params`. */
      code: 'bad-number';
    }
) & {
  /** What is wrong with the params cell (English). */
  message: string;
  /** What was expected instead (English). */
  expected: string;
};

/** The problem of a params cell for a fault. */
export function paramsProblem(params: ParamsFaultParams): ParamsProblem {
  return { params, message: paramsFaultText(params), expected: paramsExpectedText(params) };
}

/** The problem of a params number written with a point under `--decimal-comma`. */
export function pointProblem(point: PointParams): ParamsProblem {
  return { point, code: 'bad-number', message: pointText(point), expected: DECIMAL_COMMA };
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
    return paramsProblem({ fault: 'no-params', rule });
  }
  let lastKey: string | undefined;
  for (const tok of tokens) {
    const eq = tok.indexOf('=');
    const key = eq >= 0 ? tok.slice(0, eq).trim() : lastKey;
    const raw = eq >= 0 ? tok.slice(eq + 1).trim() : tok;
    if (key === undefined || (eq < 0 && key !== 'allowed')) {
      return paramsProblem({ fault: 'outside-pair', text, token: tok, keys: allowedKeys.join(', ') });
    }
    if (!allowedKeys.includes(key)) {
      return paramsProblem({ fault: 'unknown-key', key, rule, keys: allowedKeys.join(', ') });
    }
    const v = paramNumber(raw, opts);
    if (v === undefined) return paramsProblem({ fault: 'not-a-number', key, comma: opts.decimalComma === true });
    if (v === POINT) return pointProblem({ where: 'param', name: key, text: raw.trim() });
    if (key === 'allowed') (out.allowed ??= []).push(v);
    else if ((out as Record<string, unknown>)[key] !== undefined) {
      return paramsProblem({ fault: 'twice', key });
    } else (out as Record<string, Exact>)[key] = v;
    lastKey = key;
  }
  return out;
}

/** What {@link paramNumber} returns for a number written with a `.` under `decimalComma`. */
export const POINT = 'point';

/**
 * A number of a params cell (trimmed text), read as `opts` says; undefined when it is not one, or
 * {@link POINT} for a `.` under `decimalComma` (a `bad-number` problem, named by the caller).
 */
export function paramNumber(text: string, opts: NumberTextOptions): Exact | typeof POINT | undefined {
  const d = readDecimal(text.trim(), opts);
  if (d !== undefined) return Exact.fromScaled(d.units, d.scale);
  if (isPointUnderComma(text.trim(), opts)) return POINT;
  return undefined;
}

/** True when a parse result is a problem rather than params. */
export function isParamsProblem(x: unknown): x is ParamsProblem {
  return typeof x === 'object' && x !== null && 'expected' in x && 'message' in x;
}
