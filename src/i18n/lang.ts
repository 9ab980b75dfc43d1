/** The languages parindex speaks: Vietnamese first, English available. */

/** A language code: `vi` (Vietnamese, the default for what people read) or `en` (English). */
export type Lang = 'vi' | 'en';

/** Every language, Vietnamese first. */
export const LANGS: readonly Lang[] = ['vi', 'en'];

/** True when `value` is a language code parindex speaks. */
export function isLang(value: unknown): value is Lang {
  return value === 'vi' || value === 'en';
}

/**
 * The language named by an environment (`PARINDEX_LANG`, then the locale variables `LC_ALL`,
 * `LC_MESSAGES`, `LANG` in POSIX order): English when the first one set names English
 * (`en`, `en_US.UTF-8`, `C`/`POSIX` do not count as English), otherwise Vietnamese.
 */
export function langFromEnv(env: Readonly<Record<string, string | undefined>>): Lang {
  const explicit = env.PARINDEX_LANG?.trim().toLowerCase();
  if (explicit === 'en' || explicit === 'vi') return explicit;
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const value = env[name]?.trim();
    if (!value) continue;
    if (/^en([_.@-]|$)/i.test(value)) return 'en';
    if (/^vi([_.@-]|$)/i.test(value)) return 'vi';
    // C, POSIX or another language: the first variable set decides, and it names no English.
    return 'vi';
  }
  return 'vi';
}
