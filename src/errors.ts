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

/** Formats an issue as one line: location, message, found value and expectation. */
export function formatIssue(issue: Issue): string {
  const where = formatLocation(issue);
  let text = where ? `${where}: ${issue.message}` : issue.message;
  if (issue.value !== undefined) text += `; found "${issue.value}"`;
  if (issue.expected !== undefined) text += `; expected ${issue.expected}`;
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

/** Result of a `safe…` function: the value, or the issues that stopped it. */
export type SafeResult<T> = { ok: true; value: T } | { ok: false; issues: Issue[]; error: ParIndexError };

/**
 * Runs `fn` and turns a thrown {@link ParIndexError} into `{ ok: false, issues }`. Other errors
 * (bugs, I/O failures) are rethrown.
 */
export function toSafe<T>(fn: () => T): SafeResult<T> {
  try {
    return { ok: true, value: fn() };
  } catch (e) {
    if (e instanceof ParIndexError) return { ok: false, issues: e.issues, error: e };
    throw e;
  }
}

/** Async form of {@link toSafe}. */
export async function toSafeAsync<T>(fn: () => Promise<T>): Promise<SafeResult<T>> {
  try {
    return { ok: true, value: await fn() };
  } catch (e) {
    if (e instanceof ParIndexError) return { ok: false, issues: e.issues, error: e };
    throw e;
  }
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
