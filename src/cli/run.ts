/**
 * Running a CLI action: bad input (a {@link ParIndexError}) prints every located problem and exits
 * 1; bad usage exits 2; anything else is an internal error (exit 3, with the stack under DEBUG).
 */
import { formatIssue, ParIndexError } from '../errors.js';

/** Exit code for bad input. */
export const EXIT_BAD_INPUT = 1;
/** Exit code for bad usage. */
export const EXIT_USAGE = 2;
/** Exit code for an internal error. */
export const EXIT_INTERNAL = 3;

/** A usage error raised by our own option checks (exit 2). */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Most problems printed before "… and N more". */
const MAX_PRINTED = 50;

/** Prints an error the way the CLI reports it and returns the exit code. */
export function reportError(e: unknown, stderr: (s: string) => void = (s) => process.stderr.write(s)): number {
  // stdout closed by its reader (`| head -1`): nothing more to say, and nothing went wrong.
  if ((e as { code?: unknown } | undefined)?.code === 'EPIPE') return 0;
  if (e instanceof ParIndexError) {
    const n = e.issues.length;
    stderr(`parindex: ${n === 1 ? 'bad input' : `${n} problems in the input`}\n`);
    for (const issue of e.issues.slice(0, MAX_PRINTED)) stderr(`  ${formatIssue(issue, { lang: 'en' })}\n`);
    if (n > MAX_PRINTED) stderr(`  … and ${n - MAX_PRINTED} more\n`);
    return EXIT_BAD_INPUT;
  }
  if (e instanceof UsageError) {
    stderr(`parindex: ${e.message}\n(see parindex --help)\n`);
    return EXIT_USAGE;
  }
  stderr(`parindex: internal error: ${(e as Error)?.message ?? String(e)}\n`);
  if (process.env.DEBUG) stderr(`${(e as Error)?.stack ?? ''}\n`);
  return EXIT_INTERNAL;
}
