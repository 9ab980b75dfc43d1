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
  /** What is wrong, in a sentence, without the location. */
  message: string;
  /** The value found, as text. */
  value?: string;
  /** What was expected instead. */
  expected?: string;
  /** The nearest known name, for an unknown column, key or option. */
  suggestion?: string;
}

/** Formats a location as `file, sheet "s", row 4, column "max" (C)`. */
export function formatLocation(loc: Location): string {
  const parts: string[] = [];
  if (loc.file) parts.push(loc.file);
  if (loc.sheet) parts.push(`sheet "${loc.sheet}"`);
  if (loc.row !== undefined) parts.push(`row ${loc.row}`);
  if (loc.column !== undefined || loc.columnLetter !== undefined) {
    const name = loc.column !== undefined ? `column "${loc.column}"` : 'column';
    parts.push(loc.columnLetter ? `${name} (${loc.columnLetter})` : name);
  }
  return parts.join(', ');
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
function shownValue(value: string): string {
  const chars = Array.from(value);
  if (chars.length <= MAX_SHOWN_VALUE) return `"${visible(value)}"`;
  return `"${visible(chars.slice(0, SHOWN_CHARS).join(''))}…" (${chars.length} characters)`;
}

/**
 * Formats an issue as one line: location, message, found value and expectation. Characters that
 * cannot be seen (NUL, zero-width space, a no-break space …) are shown escaped (`\u{200B}`), and a
 * found value longer than 80 characters is cut, with its length; the issue itself keeps them whole.
 */
export function formatIssue(issue: Issue): string {
  const loc: Location = { row: issue.row, columnLetter: issue.columnLetter };
  if (issue.file !== undefined) loc.file = visible(issue.file);
  if (issue.sheet !== undefined) loc.sheet = visible(issue.sheet);
  if (issue.column !== undefined) loc.column = visible(issue.column);
  const where = formatLocation(loc);
  const message = visible(issue.message);
  let text = where ? `${where}: ${message}` : message;
  if (issue.value !== undefined) text += `; found ${shownValue(issue.value)}`;
  if (issue.expected !== undefined) text += `; expected ${visible(issue.expected)}`;
  return `${text} [${issue.code}]`;
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
    const more = list.length > 1 ? ` (and ${list.length - 1} more problem${list.length > 2 ? 's' : ''})` : '';
    super(formatIssue(first) + more);
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
  const err = new ParIndexError({ code: 'internal-error', message: `an internal error (a bug in parindex, please report it): ${message}` });
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
