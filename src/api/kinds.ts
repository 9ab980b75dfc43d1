/**
 * What each public result is, for the renderers that take any of them: a registry of the objects
 * the public functions returned (no tag on the objects themselves, so their keys stay data).
 */
import { badArgument } from './args.js';

/** The result kinds the renderers know. */
export type ResultKind = 'score' | 'sipas' | 'explanation' | 'sensitivity' | 'comparison';

const kinds = new WeakMap<object, ResultKind>();

/** Records what `value` is and returns it. */
export function tag<T extends object>(value: T, kind: ResultKind): T {
  kinds.set(value, kind);
  return value;
}

/** What `value` is; a `bad-argument` error when it is no parindex result. */
export function kindOf(value: unknown, what: string): ResultKind {
  const k = typeof value === 'object' && value !== null ? kinds.get(value) : undefined;
  if (!k) throw badArgument(what, value, 'any-result');
  return k;
}
