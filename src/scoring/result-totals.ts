/**
 * @internal The totals a score result was ranked from, kept beside it (not on it: a result is plain
 * data) so a writer can print its figures from the kernel's numerators instead of computing the
 * totals a second time or making each unit's exact values.
 */
import type { Totals } from './kernel.js';

const scoredFrom = new WeakMap<object, Totals>();

/** Notes the totals a result was made from (by `scoreMatrix`). */
export function keepTotals(result: object, totals: Totals): void {
  scoredFrom.set(result, totals);
}

/** The totals a result was made from, or undefined for a result not made by `scoreMatrix` here. */
export function totalsOf(result: object): Totals | undefined {
  return scoredFrom.get(result);
}
