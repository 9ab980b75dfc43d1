import type { Params } from './i18n/catalogue.js';
import { codeOfKey } from './i18n/catalogue.js';
import { en, type MessageKey, type ParamsOf } from './i18n/en/index.js';
import type { Lang } from './i18n/lang.js';
import { vi } from './i18n/vi/index.js';

/**
 * Errors on user data. Every problem is an {@link Issue} that says where it is (file, sheet, row
 * numbered as in a spreadsheet with the header on row 1, column) what was found and what was
 * expected. A {@link ParIndexError} carries one or more issues.
 */

/** Where a problem is. Fields are present when known. */
export interface Location {
  /** File path or name as the user gave it. */
  file?: string;
  /** Worksheet name (xlsx). */
  sheet?: string;
  /** Row number as in a spreadsheet: header = row 1. */
  row?: number;
  /** Column: the header name as written in the file. */
  column?: string;
  /** Spreadsheet column letter(s), e.g. `D`. */
  columnLetter?: string;
}

/** One problem found in user data. */
export interface Issue extends Location {
  /** Stable machine-readable code, e.g. `bad-number`, `duplicate-code`. */
  code: string;
  /** What is wrong, in a sentence, without the location (English; {@link formatIssue} gives either language). */
  message: string;
  /** The catalogue key of the message (`code` or `code/variant`), when it comes from the catalogues. */
  key?: string;
  /** The structured values the message is built from (names, counts, limits), by name. */
  params?: Params;
  /** The value found, as text. */
  value?: string;
  /** What was expected instead (English, like `message`). */
  expected?: string;
  /** The nearest known name, for an unknown column, key or option. */
  suggestion?: string;
}

const WHERE = {
  vi: { sheet: 'trang tính', row: 'dòng', column: 'cột', found: 'giá trị là', expected: 'cần', more: (n: number) => ` (và ${n} lỗi khác)` },
  en: { sheet: 'sheet', row: 'row', column: 'column', found: 'found', expected: 'expected', more: (n: number) => ` (and ${n} more problem${n > 1 ? 's' : ''})` },
} as const;

/** Options of {@link formatIssue} and {@link formatLocation}. */
export interface FormatOptions {
  /** Language: `vi` (default) or `en`. */
  lang?: Lang;
}

/**
 * Formats a location as `file, trang tính "s", dòng 4, cột "max" (C)` (Vietnamese, the default) or
 * `file, sheet "s", row 4, column "max" (C)` with `{ lang: 'en' }`.
 */
export function formatLocation(loc: Location, options: FormatOptions = {}): string {
  const w = WHERE[options.lang === 'en' ? 'en' : 'vi'];
  const parts: string[] = [];
  if (loc.file) parts.push(loc.file);
  if (loc.sheet) parts.push(`${w.sheet} "${loc.sheet}"`);
  if (loc.row !== undefined) parts.push(`${w.row} ${loc.row}`);
  if (loc.column !== undefined || loc.columnLetter !== undefined) {
    const name = loc.column !== undefined ? `${w.column} "${loc.column}"` : w.column;
    parts.push(loc.columnLetter ? `${name} (${loc.columnLetter})` : name);
  }
  return parts.join(', ');
}

/**
 * The message fields of an issue from the catalogues: `code`, `key`, `params`, and `message` and
 * `expected` in English (what {@link Issue} keeps; {@link formatIssue} renders either language).
 *
 * @internal
 */
export function problem<K extends MessageKey>(key: K, ...args: ParamsOf<K> extends undefined ? [] : [params: ParamsOf<K>]): Pick<Issue, 'code' | 'key' | 'params' | 'message' | 'expected'> {
  const params = (args[0] ?? {}) as Params;
  const entry = en[key] as { message: (p: Params) => string; expected?: (p: Params) => string };
  const out: Pick<Issue, 'code' | 'key' | 'params' | 'message' | 'expected'> = { code: codeOfKey(key), key, params, message: entry.message(params) };
  if (entry.expected) out.expected = entry.expected(params);
  return out;
}

/** An issue's message and expectation in a language: from the catalogue when the issue has a key, else as recorded. */
function worded(issue: Issue, lang: Lang): { message: string; expected?: string } {
  if (lang === 'en' || issue.key === undefined || !Object.hasOwn(vi, issue.key)) return { message: issue.message, expected: issue.expected };
  const entry = (vi as unknown as Record<string, { message: (p: Params) => string; expected?: (p: Params) => string }>)[issue.key];
  const p = issue.params ?? {};
  return { message: entry.message(p), expected: entry.expected ? entry.expected(p) : issue.expected };
}

/**
 * Characters a reader cannot see or tell apart from a space: controls (NUL, tab, line breaks),
 * format characters (zero-width space and joiners, bidi controls, the BOM, soft hyphen), lone
 * surrogates, line and paragraph separators, spaces other than U+0020 (no-break, thin, ideographic),
 * fillers and variation selectors.
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000\u115F\u1160\u3164\uFFA0]|\u034F|\u17B4|\u17B5|\u180B|\u180C|\u180D|[\uFE00-\uFE0F]|[\u{E0100}-\u{E01EF}]/gu;

const NAMED: Record<string, string> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** Text with invisible characters shown as escapes: `\t`, `\n`, `\r`, else `\u{200B}` (hex, at least 4 digits). */
function visible(text: string): string {
  return text.replace(INVISIBLE, (ch) => NAMED[ch] ?? `\\u{${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}}`);
}

/** Found values longer than this many characters are cut in messages (to {@link SHOWN_CHARS}, with their length). */
const MAX_SHOWN_VALUE = 80;
const SHOWN_CHARS = 60;

/** A found value as a message shows it: quoted, invisible characters escaped, cut when long (`"abc…" (500 characters)`). */
function shownValue(value: string, lang: Lang): string {
  const chars = Array.from(value);
  if (chars.length <= MAX_SHOWN_VALUE) return `"${visible(value)}"`;
  return `"${visible(chars.slice(0, SHOWN_CHARS).join(''))}…" (${chars.length} ${lang === 'en' ? 'characters' : 'ký tự'})`;
}

/**
 * Formats an issue as one line: location, message, found value and expectation, in Vietnamese (the
 * default) or English (`{ lang: 'en' }`), ending with the code: `r.csv, dòng 4, cột "max" (C): …
 * [bad-number]`. Characters that cannot be seen (NUL, zero-width space, a no-break space …) are
 * shown escaped (`\u{200B}`), and a found value longer than 80 characters is cut, with its length;
 * the issue itself keeps them whole.
 */
export function formatIssue(issue: Issue, options: FormatOptions = {}): string {
  const lang: Lang = options.lang === 'en' ? 'en' : 'vi';
  return issueLine(issue, lang, worded(issue, lang));
}

/**
 * One issue's line in a language, with its message and expectation already worded. The error's own
 * message (English) comes through here without the Vietnamese catalogue, so a bundle that never
 * formats an issue for a reader does not carry it.
 */
function issueLine(issue: Issue, lang: Lang, words: { message: string; expected?: string }): string {
  const w = WHERE[lang];
  const loc: Location = { row: issue.row, columnLetter: issue.columnLetter };
  if (issue.file !== undefined) loc.file = visible(issue.file);
  if (issue.sheet !== undefined) loc.sheet = visible(issue.sheet);
  if (issue.column !== undefined) loc.column = visible(issue.column);
  const where = formatLocation(loc, { lang });
  const message = visible(words.message);
  let text = where ? `${where}: ${message}` : message;
  if (issue.value !== undefined) text += `; ${w.found} ${shownValue(issue.value, lang)}`;
  if (words.expected !== undefined) text += `; ${w.expected} ${visible(words.expected)}`;
  return `${text} [${issue.code}]`;
}

/** "(and N more problems)" after the first issue, in a language. */
export function moreProblems(n: number, lang: Lang): string {
  return n > 0 ? WHERE[lang].more(n) : '';
}

/** The error thrown for bad user data. `issues` lists every problem found (at least one). */
export class ParIndexError extends Error {
  /** Code of the first issue. */
  readonly code: string;
  /** Every problem found. */
  readonly issues: Issue[];
  /** File of the first issue. */
  readonly file?: string;
  /** Sheet of the first issue. */
  readonly sheet?: string;
  /** Row of the first issue (header = 1). */
  readonly row?: number;
  /** Column of the first issue. */
  readonly column?: string;

  constructor(issues: Issue | Issue[]) {
    const list = Array.isArray(issues) ? issues : [issues];
    if (list.length === 0) throw new TypeError('ParIndexError needs at least one issue');
    const first = list[0];
    // The error's message is for developers' logs: English. formatIssue gives either language.
    super(issueLine(first, 'en', { message: first.message, expected: first.expected }) + moreProblems(list.length - 1, 'en'));
    this.name = 'ParIndexError';
    this.code = first.code;
    this.issues = list;
    this.file = first.file;
    this.sheet = first.sheet;
    this.row = first.row;
    this.column = first.column;
  }
}

/** What {@link safe} returns: the value, or the issues that stopped it. */
export type SafeResult<T> =
  | {
      /** True: `fn` returned. */
      ok: true;
      /** What `fn` returned (awaited). */
      value: T;
    }
  | {
      /** False: `fn` threw. */
      ok: false;
      /** The issues that stopped it (one `internal-error` for anything but a {@link ParIndexError}). */
      issues: Issue[];
      /** The error, as a {@link ParIndexError}. */
      error: ParIndexError;
    };

/** A thrown value as the package's error: a {@link ParIndexError} as is, anything else as an `internal-error` (a bug). */
export function asParIndexError(e: unknown): ParIndexError {
  if (e instanceof ParIndexError) return e;
  const message = e instanceof Error ? e.message : String(e);
  const err = new ParIndexError(problem('internal-error', { detail: message }));
  (err as { cause?: unknown }).cause = e;
  return err;
}

function failed(e: unknown): { ok: false; issues: Issue[]; error: ParIndexError } {
  const error = asParIndexError(e);
  return { ok: false, issues: error.issues, error };
}

/**
 * The one non-throwing form of every parindex function: runs `fn` and returns
 * `{ ok: true, value }`, or `{ ok: false, issues, error }` instead of throwing. A promise gives a
 * promise of the same. It never throws: anything other than a {@link ParIndexError} (a bug) comes
 * back as an issue with code `internal-error`.
 *
 * @example
 * const r = safe(() => createRound({ framework, units, evidence }));
 * if (!r.ok) for (const i of r.issues) console.log(formatIssue(i));
 */
export function safe<T>(fn: () => Promise<T>): Promise<SafeResult<T>>;
export function safe<T>(fn: () => T): SafeResult<T>;
export function safe<T>(fn: () => T | Promise<T>): SafeResult<T> | Promise<SafeResult<T>> {
  let value: T | Promise<T>;
  try {
    value = fn();
  } catch (e) {
    return failed(e);
  }
  if (value instanceof Promise) return value.then((v): SafeResult<T> => ({ ok: true, value: v }), failed);
  return { ok: true, value };
}

/** Collects issues while a whole input is checked, then throws them together. */
export class IssueList {
  /** Issues collected so far. */
  readonly issues: Issue[] = [];
  /** Records an issue. */
  add(issue: Issue): void {
    this.issues.push(issue);
  }
  /** Throws a {@link ParIndexError} with every issue if any was recorded. */
  throwIfAny(): void {
    if (this.issues.length > 0) throw new ParIndexError(this.issues);
  }
}
