/**
 * Checking what a program passes to the public functions: every wrong argument is the package's own
 * located error (`bad-argument`, `unknown-option`), never a TypeError, and an unknown key names the
 * nearest known one.
 */
import { IssueList, ParIndexError, type Issue } from '../errors.js';
import { nearestName } from '../text/nearest.js';

/** A short description of a value's type, for messages. */
export function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (v instanceof Uint8Array) return 'bytes (Uint8Array)';
  return typeof v === 'object' ? 'an object' : typeof v === 'number' && Number.isNaN(v) ? 'NaN' : typeof v;
}

/** A `bad-argument` error: `what` is the argument's name as the docs write it (`options.ties`). */
export function badArgument(what: string, value: unknown, expected: string, message?: string): ParIndexError {
  return new ParIndexError({ code: 'bad-argument', column: what, message: message ?? `bad argument ${what}`, value: typeof value === 'string' ? value : typeName(value), expected });
}

/** True for a plain object (not null, an array, bytes, a Map or a class instance other than Object). */
export function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/**
 * Checks that `value` is a plain object (or undefined when `optional`) whose keys are all in
 * `known`; an unknown key is an `unknown-option` issue naming the nearest known key.
 */
export function checkKeys(value: unknown, known: readonly string[], what: string, optional = true): Record<string, unknown> {
  if (value === undefined && optional) return {};
  if (!isPlainObject(value)) throw badArgument(what, value, `an object with keys ${known.join(', ')}`);
  const issues = new IssueList();
  for (const k of Object.keys(value)) {
    if (known.includes(k)) continue;
    const suggestion = nearestName(k, known);
    const issue: Issue = {
      code: 'unknown-option',
      column: `${what}.${k}`,
      message: `unknown key "${k}" in ${what}${suggestion ? `; did you mean "${suggestion}"?` : ''}`,
      value: k,
      expected: `one of ${known.join(', ')}`,
    };
    if (suggestion) issue.suggestion = suggestion;
    issues.add(issue);
  }
  issues.throwIfAny();
  return value;
}

/** Checks an optional boolean option. */
export function optionalBoolean(v: unknown, what: string): boolean | undefined {
  if (v === undefined || typeof v === 'boolean') return v;
  throw badArgument(what, v, 'true or false');
}

/** Checks an optional option that must be one of `choices`. */
export function optionalChoice<T extends string>(v: unknown, choices: readonly T[], what: string): T | undefined {
  if (v === undefined) return undefined;
  if (typeof v === 'string' && (choices as readonly string[]).includes(v)) return v as T;
  const suggestion = typeof v === 'string' ? nearestName(v, choices) : undefined;
  const err = badArgument(what, v, choices.map((c) => `"${c}"`).join(', '), `bad value for ${what}${suggestion ? `; did you mean "${suggestion}"?` : ''}`);
  if (suggestion) err.issues[0].suggestion = suggestion;
  throw err;
}

/** Checks an optional whole number within [min, max]. */
export function optionalInteger(v: unknown, what: string, min: number, max: number): number | undefined {
  if (v === undefined) return undefined;
  if (typeof v === 'number' && Number.isSafeInteger(v) && v >= min && v <= max) return v;
  throw badArgument(what, typeof v === 'number' ? String(v) : v, `a whole number from ${min} to ${max}`);
}

/** Checks an optional string. */
export function optionalString(v: unknown, what: string): string | undefined {
  if (v === undefined || typeof v === 'string') return v;
  throw badArgument(what, v, 'text');
}
