/** Exact's double-arithmetic paths for small values (toFixed, reducing a fraction) agree with the bigint ones. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Exact, formatScaled, gcd } from '../src/numbers/exact.js';

const reference = (x: Exact, d: number, mode: 'half-up' | 'half-even') => formatScaled(x.roundToScaled(d, mode), d);

describe('Exact.toFixed', () => {
  it('equals the bigint rounding on random fractions, small and large, both modes', () => {
    const big = fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n });
    const small = fc.bigInt({ min: -(10n ** 9n), max: 10n ** 9n });
    const den = fc.oneof(fc.bigInt({ min: 1n, max: 10n ** 7n }), fc.bigInt({ min: 1n, max: 2n ** 60n }), fc.constantFrom(1n, 2n, 3n, 7n, 8n, 100n, 400n, 3n * 2n ** 52n));
    fc.assert(
      fc.property(fc.oneof(small, big), den, fc.integer({ min: 0, max: 15 }), fc.constantFrom('half-up' as const, 'half-even' as const), (n, d, places, mode) => {
        const x = Exact.of(n, d);
        expect(x.toFixed(places, mode)).toBe(reference(x, places, mode));
      }),
      { numRuns: 20000 },
    );
  });

  it('rounds exact halves by the mode, and never prints -0', () => {
    expect(Exact.of(5n, 1000n).toFixed(2)).toBe('0.01');
    expect(Exact.of(5n, 1000n).toFixed(2, 'half-even')).toBe('0.00');
    expect(Exact.of(15n, 1000n).toFixed(2, 'half-even')).toBe('0.02');
    expect(Exact.of(-5n, 1000n).toFixed(2)).toBe('-0.01');
    expect(Exact.of(-4n, 1000n).toFixed(2)).toBe('0.00');
    expect(Exact.of(8983n, 100n).toFixed(2)).toBe('89.83');
    expect(Exact.of(2n, 3n).toFixed(0)).toBe('1');
  });
});

describe('Exact.of', () => {
  it('reduces like the bigint gcd, for safe and long numerators and denominators of either sign', () => {
    const n = fc.oneof(fc.bigInt({ min: -(2n ** 53n), max: 2n ** 53n }), fc.bigInt({ min: -(2n ** 80n), max: 2n ** 80n }), fc.bigInt({ min: -1000n, max: 1000n }));
    const d = fc.oneof(fc.bigInt({ min: 1n, max: 2n ** 53n }), fc.bigInt({ min: -(2n ** 60n), max: -1n }), fc.bigInt({ min: 1n, max: 1000n }));
    fc.assert(
      fc.property(n, d, (num, den) => {
        const x = Exact.of(num, den);
        const sign = den < 0n ? -1n : 1n;
        const g = gcd(num, den) || 1n;
        expect([x.num, x.den]).toEqual([(sign * num) / g, (sign * den) / g]);
      }),
      { numRuns: 20000 },
    );
  });
});
