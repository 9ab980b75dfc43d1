/**
 * The shape of the message catalogues. A message is keyed `code` or `code/variant` (the error code
 * is the part before `/`) and built from the structured values (`params`); the English and
 * Vietnamese catalogues have the same keys with the same params (a missing translation is a
 * compile error, and test/i18n.test.ts checks it again at run time).
 */

/** Structured values of an issue, as a message uses them. */
export type Params = Readonly<Record<string, string | number | boolean | undefined>>;

/** One message: the sentence, and what was expected when the issue says so. */
export interface Entry<P extends Params = Params> {
  /** What is wrong, in a sentence, without the location. */
  message: (p: P) => string;
  /** What was expected instead. */
  expected?: (p: P) => string;
}

/** A set of messages keyed `code` or `code/variant`. */
export type Fragment = Record<string, Entry<never>>;

/** The same keys as `F`, each with the same params and the same presence of `expected`. */
export type Translation<F extends Fragment> = {
  [K in keyof F]: F[K] extends { message: (p: infer P) => string } ? (F[K] extends { expected: unknown } ? { message: (p: P) => string; expected: (p: P) => string } : { message: (p: P) => string }) : never;
};

/** The error code of a message key: the part before `/`. */
export function codeOfKey(key: string): string {
  const slash = key.indexOf('/');
  return slash < 0 ? key : key.slice(0, slash);
}

/**
 * Words and labels (table headers, report titles, help text) in both languages: `vi` and `en`
 * with the same keys. Use as `const words = pair({ vi: {...}, en: {...} })`.
 */
/* @__NO_SIDE_EFFECTS__ */
export function pair<V extends Record<string, unknown>>(both: { vi: V; en: { [K in keyof V]: V[K] } }): { vi: V; en: V } {
  return both as { vi: V; en: V };
}

/**
 * The catalogue of a language from its fragments (keys never repeat across fragments). A call, not
 * an object spread, so that a bundle which never formats an issue in that language can drop the
 * whole catalogue (`@__PURE__` at the call sites).
 */
export function merged<T extends Record<string, object>>(fragments: T): UnionToIntersection<T[keyof T]> {
  return Object.assign({}, ...Object.values(fragments)) as UnionToIntersection<T[keyof T]>;
}

type UnionToIntersection<U> = (U extends unknown ? (k: U) => void : never) extends (k: infer I) => void ? I : never;
