/**
 * A tiny seeded pseudo-random generator (mulberry32, public domain by Tommy Ettinger): 32-bit
 * state, whole 32-bit outputs, the same sequence on every platform for a given seed. Used by the
 * sensitivity analysis so that a run is reproducible from its seed. Not for cryptography.
 */

/** A generator of uniform unsigned 32-bit integers. */
export interface Prng {
  /** The next value, a whole number in [0, 2^32). */
  nextUint32(): number;
}

/** 2^32, the number of distinct {@link Prng.nextUint32} values. */
export const UINT32_RANGE = 4294967296n;

/** A mulberry32 generator seeded with `seed` (taken modulo 2^32). */
export function mulberry32(seed: number): Prng {
  let a = seed >>> 0;
  return {
    nextUint32(): number {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return (t ^ (t >>> 14)) >>> 0;
    },
  };
}
