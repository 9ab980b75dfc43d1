/**
 * Exact rational numbers (bigint numerator over a positive bigint denominator, always reduced).
 * Every figure parindex reports is an {@link Exact}; rounding happens only in {@link Exact.toFixed}.
 */
import { ParIndexError, problem } from '../errors.js';

/** How a value is rounded to a number of decimals at output. */
export type RoundingMode = 'half-up' | 'half-even';

/** Greatest common divisor of two bigints (non-negative; gcd(0, 0) = 0). */
export function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  while (b !== 0n) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}

/** Least common multiple of two bigints (non-negative; 0 when either is 0). */
export function lcm(a: bigint, b: bigint): bigint {
  if (a === 0n || b === 0n) return 0n;
  const m = (a / gcd(a, b)) * b;
  return m < 0n ? -m : m;
}

const MAX_SAFE_BIG = BigInt(Number.MAX_SAFE_INTEGER);

const POW10: bigint[] = [1n];
/** 10^n as a bigint (cached). */
export function pow10(n: number): bigint {
  while (POW10.length <= n) POW10.push(POW10[POW10.length - 1] * 10n);
  return POW10[n];
}

/** An exact rational value. Immutable. */
export class Exact {
  /** Numerator (sign carried here). */
  readonly num: bigint;
  /** Denominator, always > 0. */
  readonly den: bigint;

  private constructor(num: bigint, den: bigint) {
    this.num = num;
    this.den = den;
  }

  /**
   * Builds `num / den`, reduced, from whole numbers (bigints or safe integers). A fraction, a
   * non-number or a zero denominator is a {@link ParIndexError} (`bad-argument`); to read decimal
   * text exactly, give the text to the function that takes it.
   */
  static of(num: bigint | number, den: bigint | number = 1n): Exact {
    let n = wholeNumber(num, 'num');
    let d = wholeNumber(den, 'den');
    if (d === 0n) throw new ParIndexError({ column: 'den', ...problem('bad-argument/zero-denominator'), value: '0' });
    if (d < 0n) {
      n = -n;
      d = -d;
    }
    if (d === 1n) return new Exact(n, 1n);
    if (n <= MAX_SAFE_BIG && n >= -MAX_SAFE_BIG && d <= MAX_SAFE_BIG) {
      // Both safe integers: Euclid in doubles (exact there) instead of bigint remainders.
      let a = Number(n < 0n ? -n : n);
      let b = Number(d);
      while (b !== 0) {
        const t = a % b;
        a = b;
        b = t;
      }
      if (a === 1) return new Exact(n, d);
      const g = BigInt(a);
      return new Exact(n / g, d / g);
    }
    const g = gcd(n, d);
    return g === 1n ? new Exact(n, d) : new Exact(n / g, d / g);
  }

  /**
   * @internal Builds `num / den` from two safe integers (|x| ≤ 2^53 − 1, den ≠ 0), reducing them with float
   * arithmetic, which is exact on safe integers and much faster than a bigint gcd. Falls back to
   * {@link Exact.of} when either is not a safe integer.
   */
  static fromSafeIntegers(num: number, den: number): Exact {
    if (!Number.isSafeInteger(num) || !Number.isSafeInteger(den) || den === 0) return Exact.of(BigInt(num), BigInt(den));
    let a = num < 0 ? -num : num;
    let b = den < 0 ? -den : den;
    while (b !== 0) {
      const t = a % b;
      a = b;
      b = t;
    }
    // a = gcd(|num|, |den|) ≥ 1, since den ≠ 0.
    const s = den < 0 ? -1 : 1;
    return new Exact(BigInt((s * num) / a), BigInt((s * den) / a));
  }

  /** The value 0. */
  static readonly ZERO = new Exact(0n, 1n);
  /** The value 1. */
  static readonly ONE = new Exact(1n, 1n);
  /** The value 100. */
  static readonly HUNDRED = new Exact(100n, 1n);

  /**
   * @internal `num / (f_1 × f_2 × …)` reduced, for a denominator given as a product of positive
   * factors, each a safe integer. `gcd(n, a·b) = gcd(n, a) · gcd(n / gcd(n, a), b)`, so the gcd is
   * taken factor by factor: a remainder by a small number and a float gcd each, instead of a bigint
   * Euclid on two long numbers (a 1,200-bit numerator over a 1,200-bit denominator: ~10× faster).
   */
  static ofFactors(num: bigint, factors: readonly bigint[]): Exact {
    let n = num;
    let den = 1n;
    for (const f of factors) {
      if (f <= 0n || f > MAX_SAFE_BIG) return Exact.of(num, product(factors));
      const fn = Number(f);
      let a = Number((n < 0n ? -n : n) % f);
      let b = fn;
      while (b !== 0) {
        const t = a % b;
        a = b;
        b = t;
      }
      // a = gcd(|n| mod f, f) = gcd(|n|, f) ≥ 1 (f ≥ 1).
      if (a === 1) den *= f;
      else {
        n /= BigInt(a);
        den *= BigInt(fn / a);
      }
    }
    return new Exact(n, den);
  }

  /** @internal Exact value of a scaled integer: `units / 10^scale`. */
  static fromScaled(units: bigint | number, scale: number): Exact {
    if (typeof units === 'number' && scale <= 15 && Number.isSafeInteger(units)) return Exact.fromSafeIntegers(units, 10 ** scale);
    if (scale <= 15) {
      const n = Number(units);
      if (Number.isSafeInteger(n) && BigInt(n) === BigInt(units)) return Exact.fromSafeIntegers(n, 10 ** scale);
    }
    return Exact.of(BigInt(units), pow10(scale));
  }

  /** Sum. */
  add(o: Exact): Exact {
    if (this.den === o.den) return Exact.of(this.num + o.num, this.den);
    return Exact.of(this.num * o.den + o.num * this.den, this.den * o.den);
  }
  /** Difference. */
  sub(o: Exact): Exact {
    if (this.den === o.den) return Exact.of(this.num - o.num, this.den);
    return Exact.of(this.num * o.den - o.num * this.den, this.den * o.den);
  }
  /** Product. */
  mul(o: Exact): Exact {
    return Exact.of(this.num * o.num, this.den * o.den);
  }
  /** Quotient; throws on division by zero. */
  div(o: Exact): Exact {
    if (o.num === 0n) throw new ParIndexError({ ...problem('bad-argument/division-by-zero'), value: '0' });
    return Exact.of(this.num * o.den, this.den * o.num);
  }
  /** Negation. */
  neg(): Exact {
    return new Exact(-this.num, this.den);
  }
  /** -1, 0 or 1. */
  sign(): -1 | 0 | 1 {
    return this.num < 0n ? -1 : this.num > 0n ? 1 : 0;
  }
  /** Compares with another value: -1, 0 or 1. */
  cmp(o: Exact): -1 | 0 | 1 {
    const l = this.num * o.den;
    const r = o.num * this.den;
    return l < r ? -1 : l > r ? 1 : 0;
  }
  /** True when both values are equal. */
  eq(o: Exact): boolean {
    return this.num === o.num && this.den === o.den;
  }
  /** Smaller of two values. */
  min(o: Exact): Exact {
    return this.cmp(o) <= 0 ? this : o;
  }
  /** Larger of two values. */
  max(o: Exact): Exact {
    return this.cmp(o) >= 0 ? this : o;
  }
  /**
   * Rounds to `decimals` places and prints with a point, e.g. `"89.83"`. Half-up rounds halves away
   * from zero; half-even to the even neighbour.
   */
  toFixed(decimals = 2, mode: RoundingMode = 'half-up'): string {
    // Small values (|num| × 10^decimals and den below 2^53) are rounded in exact double arithmetic:
    // a result's JSON has ~25 figures per unit, and the bigint steps below were most of writing it.
    if (this.num <= MAX_SAFE_BIG && this.num >= -MAX_SAFE_BIG && this.den <= MAX_SAFE_BIG) {
      const text = fixedText(Number(this.num), Number(this.den), decimals, mode);
      if (text !== undefined) return text;
    }
    return formatScaled(this.roundToScaled(decimals, mode), decimals);
  }

  /** @internal The rounded value as an integer count of `10^-decimals` units. */
  roundToScaled(decimals: number, mode: RoundingMode = 'half-up'): bigint {
    const scaled = this.num * pow10(decimals);
    const neg = scaled < 0n;
    const a = neg ? -scaled : scaled;
    let q = a / this.den;
    const r2 = (a % this.den) * 2n;
    if (r2 > this.den || (r2 === this.den && (mode === 'half-up' || q % 2n === 1n))) q += 1n;
    return neg ? -q : q;
  }

  /** The value rounded to `decimals` places, as an Exact. */
  round(decimals = 2, mode: RoundingMode = 'half-up'): Exact {
    return Exact.of(this.roundToScaled(decimals, mode), pow10(decimals));
  }

  /**
   * The exact value as text: a terminating decimal in full (`"12.5"`), otherwise the fraction
   * (`"1/3"`).
   */
  toString(): string {
    let d = this.den;
    let twos = 0;
    let fives = 0;
    while (d % 2n === 0n) {
      d /= 2n;
      twos++;
    }
    while (d % 5n === 0n) {
      d /= 5n;
      fives++;
    }
    if (d !== 1n) return `${this.num}/${this.den}`;
    const places = Math.max(twos, fives);
    return formatScaled((this.num * pow10(places)) / this.den, places);
  }

  /** JSON form: the exact text from {@link Exact.toString}. */
  toJSON(): string {
    return this.toString();
  }

  /**
   * The nearest binary float, for charts and statistics only (a float can be off in the last
   * digits: compare with {@link Exact.cmp}, print with {@link Exact.toFixed}).
   */
  toNumber(): number {
    const n = Number(this.num);
    const d = Number(this.den);
    // Both exact as floats: one correctly rounded division.
    if (Number.isSafeInteger(n) && Number.isSafeInteger(d)) return n / d;
    // Otherwise 21 significant digits of the quotient, read by the correctly rounding parser.
    const neg = this.num < 0n;
    const a = neg ? -this.num : this.num;
    const intDigits = (a / this.den).toString().length;
    const places = Math.max(0, 21 - intDigits) + (a < this.den ? digitsOfInverse(a, this.den) : 0);
    const scaled = (a * pow10(places)) / this.den;
    return (neg ? -1 : 1) * Number(`${scaled}e-${places}`);
  }

  /**
   * Always throws: an exact value is not a JavaScript number, so `<`, `>`, `+` or `-` on it would
   * compare or join text by accident. Use {@link Exact.cmp}, {@link Exact.eq}, {@link Exact.add} or
   * {@link Exact.toNumber}.
   */
  valueOf(): never {
    throw new ParIndexError({ ...problem('exact-not-a-number'), value: this.toString() });
  }

  /** Text in template strings (`${x}` is {@link Exact.toString}); anything numeric throws as {@link Exact.valueOf} does. */
  [Symbol.toPrimitive](hint: string): string {
    if (hint === 'string') return this.toString();
    return this.valueOf();
  }
}

/** The product of bigints. */
function product(xs: readonly bigint[]): bigint {
  let p = 1n;
  for (const x of xs) p *= x;
  return p;
}

/** How many leading zero digits `a / den` (a < den) has after the point, plus one. */
function digitsOfInverse(a: bigint, den: bigint): number {
  if (a === 0n) return 0;
  return (den / a).toString().length;
}

/** A whole number argument of {@link Exact.of} as a bigint, or the package's error. */
function wholeNumber(x: unknown, name: string): bigint {
  if (typeof x === 'bigint') return x;
  if (typeof x === 'number' && Number.isSafeInteger(x)) return BigInt(x);
  throw new ParIndexError({ column: name, ...problem('bad-argument/not-whole', { name }), value: typeof x === 'number' ? String(x) : typeof x });
}

/**
 * `|num| / den` (safe integers, `den > 0`) rounded to `decimals` (≤ 15) places as a whole count of
 * `10^-decimals` units, in exact double arithmetic (`|num| × 10^decimals + den` a safe integer, so
 * q × den stays below 2^53 even when q comes out one too large: every step is exact) — the digits
 * `Exact.toFixed` prints; -1 when those bounds do not hold (round with bigints instead).
 */
export function roundedUnits(num: number, den: number, decimals: number, mode: RoundingMode): number {
  if (decimals > 15 || !(den > 0)) return -1;
  const a = (num < 0 ? -num : num) * POW10_DOUBLES[decimals];
  // A product past 2^53 - 1 rounds to 2^53 or more, so this also refuses one that was not exact.
  if (a + den > Number.MAX_SAFE_INTEGER) return -1;
  let q = Math.floor(a / den);
  let r = a - q * den;
  // The division is correctly rounded, so q is off by at most one; r says which way.
  if (r < 0) {
    q -= 1;
    r += den;
  } else if (r >= den) {
    q += 1;
    r -= den;
  }
  const r2 = r * 2;
  if (r2 > den || (r2 === den && (mode === 'half-up' || q % 2 === 1))) q += 1;
  return q;
}

/**
 * `num / den` (safe integers, `den > 0`) rounded to `decimals` places as `Exact.toFixed(decimals,
 * mode)` prints it, by {@link roundedUnits} — the same digits, the value being the same fraction
 * whether reduced or not; undefined when its bounds do not hold.
 */
export function fixedText(num: number, den: number, decimals: number, mode: RoundingMode): string | undefined {
  if (!Number.isSafeInteger(num) || !Number.isSafeInteger(den)) return undefined;
  const q = roundedUnits(num, den, decimals, mode);
  if (q < 0) return undefined;
  const digits = String(q).padStart(decimals + 1, '0');
  const cut = digits.length - decimals;
  const text = decimals > 0 ? `${digits.slice(0, cut)}.${digits.slice(cut)}` : digits;
  return num < 0 && q !== 0 ? `-${text}` : text;
}

/** 10^0 … 10^22 as doubles: every one exact (10^23 is not). */
export const POW10_DOUBLES: readonly number[] = Array.from({ length: 23 }, (_, i) => 10 ** i);

/** Prints `units / 10^decimals` as decimal text. */

export function formatScaled(units: bigint, decimals: number): string {
  const neg = units < 0n;
  const digits = (neg ? -units : units).toString().padStart(decimals + 1, '0');
  const int = digits.slice(0, digits.length - decimals);
  const frac = digits.slice(digits.length - decimals);
  return (neg ? '-' : '') + (decimals > 0 ? `${int}.${frac}` : int);
}
