/**
 * Running a CLI action: bad input (a {@link ParIndexError}) prints every located problem and exits
 * 1; bad usage exits 2; anything else is an internal error (exit 3, with the stack under DEBUG).
 * Everything is printed in the CLI's language (`--lang`, else the environment; see ./lang.ts).
 */
import { formatIssue, type Issue, ParIndexError } from '../errors.js';
import type { Params } from '../i18n/catalogue.js';
import { type CliMessageKey, cli as en } from '../i18n/en/cli.js';
import type { Lang } from '../i18n/lang.js';
import { cliWords } from '../i18n/labels/cli.js';
import { cli as vi } from '../i18n/vi/cli.js';

/** Exit code for bad input. */
export const EXIT_BAD_INPUT = 1;
/** Exit code for bad usage. */
export const EXIT_USAGE = 2;
/** Exit code for an internal error. */
export const EXIT_INTERNAL = 3;

/** The params a usage message takes. */
type UsageParams<K extends CliMessageKey> = Parameters<(typeof en)[K]['message']>[0];

/**
 * A usage error raised by our own option checks (exit 2): a catalogue key of src/i18n/{en,vi}/cli.ts
 * and its params, so it prints in either language; `message` is the English text (for logs).
 * `issues` are the problems a library reader found in the option's value (printed under it).
 */
export class UsageError extends Error {
  /** The catalogue key (`usage/…`). */
  readonly key: CliMessageKey;
  /** The values the message is built from. */
  readonly params: Params;
  /** Problems found in the value, when a library reader checked it. */
  readonly issues: readonly Issue[];

  constructor(...args: UsageErrorArgs) {
    const [key, params = {}, issues = []] = args as [CliMessageKey, Params?, Issue[]?];
    super(usageMessage(key, params, 'en'));
    this.name = 'UsageError';
    this.key = key;
    this.params = params;
    this.issues = issues;
  }

  /** The message in a language. */
  text(lang: Lang): string {
    return usageMessage(this.key, this.params, lang);
  }
}

/** The arguments of {@link UsageError}: a key, its params when it takes any, and the issues found. */
export type UsageErrorArgs = { [K in CliMessageKey]: UsageParams<K> extends undefined ? [key: K, params?: undefined, issues?: readonly Issue[]] : [key: K, params: UsageParams<K>, issues?: readonly Issue[]] }[CliMessageKey];

/** A usage message in a language, from the catalogues. */
export function usageMessage(key: CliMessageKey, params: Params, lang: Lang): string {
  const entry = (lang === 'en' ? en : vi)[key] as { message: (p: Params) => string };
  return entry.message(params);
}

/** Most problems printed before "… and N more". */
const MAX_PRINTED = 50;

/** Prints an error the way the CLI reports it, in `lang`, and returns the exit code. */
export function reportError(e: unknown, lang: Lang = 'vi', stderr: (s: string) => void = (s) => process.stderr.write(s)): number {
  const w = cliWords[lang];
  // stdout closed by its reader (`| head -1`): nothing more to say, and nothing went wrong.
  if ((e as { code?: unknown } | undefined)?.code === 'EPIPE') return 0;
  if (e instanceof ParIndexError) {
    const n = e.issues.length;
    stderr(`parindex: ${n === 1 ? w.badInput : w.problems(n)}\n`);
    for (const issue of e.issues.slice(0, MAX_PRINTED)) stderr(`  ${formatIssue(issue, { lang })}\n`);
    if (n > MAX_PRINTED) stderr(`  ${w.more(n - MAX_PRINTED)}\n`);
    return EXIT_BAD_INPUT;
  }
  if (e instanceof UsageError) {
    stderr(`parindex: ${e.text(lang)}\n`);
    // The reader's problems with the value, without a location: the value is the option's.
    for (const { file, sheet, row, column, columnLetter, ...issue } of e.issues) stderr(`  ${formatIssue(issue, { lang })}\n`);
    stderr(`${w.seeHelp}\n`);
    return EXIT_USAGE;
  }
  stderr(`parindex: ${w.internal((e as Error)?.message ?? String(e))}\n`);
  if (process.env.DEBUG) stderr(`${(e as Error)?.stack ?? ''}\n`);
  return EXIT_INTERNAL;
}
