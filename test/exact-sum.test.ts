/**
 * The fast exact helpers used by league summaries: {@link Exact.fromSafeIntegers} equals
 * {@link Exact.of}, {@link sumFractions} equals adding one by one, and {@link Exact.ofFactors} equals
 * {@link Exact.of} over the product of its factors.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Exact, gcd, lcm } from '../src/numbers/exact.js';
import { sumFractions } from '../src/numbers/exact-sum.js';

const safe = fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER });
const nonZero = safe.filter((x) => x !== 0);

describe('Exact.fromSafeIntegers', () => {
  it('equals Exact.of on safe integers (reduced, sign on the numerator)', () => {
    fc.assert(
      fc.property(safe, nonZero, (n, d) => {
        const a = Exact.fromSafeIntegers(n, d);
        const b = Exact.of(BigInt(n), BigInt(d));
        expect(a.num).toBe(b.num);
        expect(a.den).toBe(b.den);
      }),
      { numRuns: 2000 },
    );
    expect(Exact.fromSafeIntegers(0, -7).toString()).toBe('0');
    expect(Exact.fromSafeIntegers(-6, -4).toString()).toBe('1.5');
    expect(Exact.fromSafeIntegers(100, 3).toString()).toBe('100/3');
  });

  it('falls back to bigint arithmetic beyond the safe range', () => {
    expect(Exact.fromSafeIntegers(2 ** 60, 2 ** 58).toString()).toBe('4');
    expect(() => Exact.fromSafeIntegers(1, 0)).toThrow(expect.objectContaining({ code: 'bad-argument' }));
  });
});

describe('sumFractions', () => {
  it('equals summing with Exact.add', () => {
    const frac = fc.tuple(
      fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }),
      fc.bigInt({ min: -(10n ** 6n), max: 10n ** 14n }).filter((d) => d !== 0n),
    );
    fc.assert(
      fc.property(fc.array(frac, { maxLength: 60 }), (parts) => {
        let want = Exact.ZERO;
        for (const [n, d] of parts) want = want.add(Exact.of(n, d));
        expect(sumFractions(parts).eq(want)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('sums thirds, sevenths and repeated denominators exactly', () => {
    expect(
      sumFractions([
        [1n, 3n],
        [1n, 3n],
        [1n, 3n],
      ]).toString(),
    ).toBe('1');
    expect(
      sumFractions([
        [1n, 3n],
        [2n, 7n],
        [5n, -6n],
      ]).eq(Exact.of(1n, 3n).add(Exact.of(2n, 7n)).sub(Exact.of(5n, 6n))),
    ).toBe(true);
    expect(sumFractions([]).toString()).toBe('0');
  });
});

describe('lcm', () => {
  it('is the least common multiple: non-negative, a multiple of both, times the gcd equals |a·b|', () => {
    expect([lcm(4n, 6n), lcm(-4n, 6n), lcm(7n, 1n), lcm(0n, 5n), lcm(5n, 0n), lcm(0n, 0n)]).toEqual([12n, 12n, 7n, 0n, 0n, 0n]);
    const big = fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n });
    fc.assert(
      fc.property(big, big, (a, b) => {
        const m = lcm(a, b);
        expect(m >= 0n).toBe(true);
        if (a === 0n || b === 0n) {
          expect(m).toBe(0n);
          return;
        }
        expect(m % a === 0n && m % b === 0n).toBe(true);
        const ab = a * b;
        expect(m * gcd(a, b)).toBe(ab < 0n ? -ab : ab);
      }),
      { numRuns: 500 },
    );
  });
});

describe('Exact.ofFactors', () => {
  const factor = fc.oneof(fc.bigInt({ min: 1n, max: 1000n }), fc.bigInt({ min: 1n, max: BigInt(Number.MAX_SAFE_INTEGER) }), fc.constantFrom(1n, 2n, 4n, 25n, 1009n, 1013n * 1019n));
  it('equals Exact.of over the product of the factors (reduced, sign on the numerator)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 400n), max: 10n ** 400n }), fc.array(factor, { minLength: 1, maxLength: 12 }), (n, fs) => {
        const den = fs.reduce((a, b) => a * b, 1n);
        // Numerators sharing factors with the denominator as well as random ones.
        for (const num of [n, n * den, n * fs[0], 0n]) {
          const a = Exact.ofFactors(num, fs);
          const b = Exact.of(num, den);
          expect([a.num, a.den]).toEqual([b.num, b.den]);
        }
      }),
      { numRuns: 300 },
    );
    // 6 / (4 × 9) = 1/6; a factor beyond the safe range falls back to Exact.of.
    expect(Exact.ofFactors(6n, [4n, 9n]).toString()).toBe('1/6');
    expect(Exact.ofFactors(-(2n ** 70n), [2n ** 60n, 3n]).toString()).toBe('-1024/3');
  });
});
