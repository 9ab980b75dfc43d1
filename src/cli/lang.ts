/**
 * The CLI's language, known before commander builds the help: `--lang vi|en` (or `--lang=en`) in
 * the arguments — the last one given, before a `--` — else the environment (`PARINDEX_LANG`, then
 * `LC_ALL`, `LC_MESSAGES`, `LANG`; see {@link langFromEnv}). A `--lang` with another value does
 * not count here: commander refuses it, in the environment's language.
 */
import { isLang, type Lang, langFromEnv } from '../i18n/lang.js';

/** The language of a CLI run with `args` (without node and the script) in `env`. */
export function cliLang(args: readonly string[], env: Readonly<Record<string, string | undefined>>): Lang {
  let found: Lang | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') break;
    const value = a === '--lang' ? args[++i] : a.startsWith('--lang=') ? a.slice('--lang='.length) : undefined;
    if (value === undefined) continue;
    if (isLang(value)) found = value;
  }
  return found ?? langFromEnv(env);
}
