/**
 * Summing many exact fractions fast. Adding rationals one by one reduces by a bigint gcd at every
 * step, which dominates when thousands of indices with different denominators are summed (a
 * league mean). Here numerators are first summed per denominator, the distinct denominators are
 * brought to their least common multiple, and the total is reduced once.
 */
import { Exact, lcm } from './exact.js';

/** The exact sum of fractions `num / den` (unreduced is fine; den ≠ 0). */
export function sumFractions(parts: Iterable<readonly [bigint, bigint]>): Exact {
  const byDen = new Map<bigint, bigint>();
  for (const [n0, d0] of parts) {
    if (d0 === 0n) throw new RangeError('sumFractions: zero denominator');
    const n = d0 < 0n ? -n0 : n0;
    const d = d0 < 0n ? -d0 : d0;
    byDen.set(d, (byDen.get(d) ?? 0n) + n);
  }
  let den = 1n;
  for (const d of byDen.keys()) den = lcm(den, d);
  let num = 0n;
  for (const [d, n] of byDen) num += n * (den / d);
  return Exact.of(num, den);
}
