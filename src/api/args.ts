/**
 * Checking what a program passes to the public functions: every wrong argument is the package's own
 * located error (`bad-argument`, `unknown-option`), never a TypeError, and an unknown key names the
 * nearest known one.
 */
import { IssueList, ParIndexError, problem, type Issue } from '../errors.js';
import type { ArgumentParams, ArgumentWant } from '../i18n/en/api.js';
import { nearestName } from '../text/nearest.js';

/** A short description of a value's type, for messages. */
export function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (v instanceof Uint8Array) return 'bytes (Uint8Array)';
  return typeof v === 'object' ? 'an object' : typeof v === 'number' && Number.isNaN(v) ? 'NaN' : typeof v;
}

/** The value of a wrong argument as an issue shows it: text as is, anything else by its type. */
function shownArgument(value: unknown): string {
  return typeof value === 'string' ? value : typeName(value);
}

/**
 * A `bad-argument` error: `what` is the argument's name as the docs write it (`options.ties`), `want`
 * what it should be (worded by each catalogue; `extra` gives the names or bounds some kinds show).
 */
export function badArgument(what: string, value: unknown, want: ArgumentWant, extra: Pick<ArgumentParams, 'list' | 'min' | 'max'> = {}): ParIndexError {
  return new ParIndexError({ column: what, ...problem('bad-argument', { what, want, ...extra }), value: shownArgument(value) });
}

/** The `bad-argument` error of a missing framework or units in `createRound`'s input. */
export function missingInput(what: 'input.framework' | 'input.units'): ParIndexError {
  return new ParIndexError({ column: what, ...problem(what === 'input.framework' ? 'bad-argument/no-framework' : 'bad-argument/no-units'), value: shownArgument(undefined) });
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
  if (!isPlainObject(value)) throw badArgument(what, value, 'object-keys', { list: known.join(', ') });
  const issues = new IssueList();
  for (const k of Object.keys(value)) {
    if (known.includes(k)) continue;
    const suggestion = nearestName(k, known);
    const issue: Issue = { column: `${what}.${k}`, ...problem('unknown-option', { key: k, what, known: known.join(', '), ...(suggestion ? { suggestion } : {}) }), value: k };
    if (suggestion) issue.suggestion = suggestion;
    issues.add(issue);
  }
  issues.throwIfAny();
  return value;
}

/** Checks an optional boolean option. */
export function optionalBoolean(v: unknown, what: string): boolean | undefined {
  if (v === undefined || typeof v === 'boolean') return v;
  throw badArgument(what, v, 'boolean');
}

/** Checks an optional option that must be one of `choices`. */
export function optionalChoice<T extends string>(v: unknown, choices: readonly T[], what: string): T | undefined {
  if (v === undefined) return undefined;
  if (typeof v === 'string' && (choices as readonly string[]).includes(v)) return v as T;
  const suggestion = typeof v === 'string' ? nearestName(v, choices) : undefined;
  const issue: Issue = { column: what, ...problem('bad-argument/choice', { what, list: choices.map((c) => `"${c}"`).join(', '), ...(suggestion ? { suggestion } : {}) }), value: shownArgument(v) };
  if (suggestion) issue.suggestion = suggestion;
  throw new ParIndexError(issue);
}

/** Checks an optional whole number within [min, max]. */
export function optionalInteger(v: unknown, what: string, min: number, max: number): number | undefined {
  if (v === undefined) return undefined;
  if (typeof v === 'number' && Number.isSafeInteger(v) && v >= min && v <= max) return v;
  throw badArgument(what, typeof v === 'number' ? String(v) : v, 'integer', { min, max });
}

/** Checks an optional string. */
export function optionalString(v: unknown, what: string): string | undefined {
  if (v === undefined || typeof v === 'string') return v;
  throw badArgument(what, v, 'text');
}
