/**
 * Bands (xếp loại) such as `A>=90; B>=80; C>=70`: lower bounds inclusive (`>` makes one strict);
 * a value below every band has none. Compared on exact values. A label may not contain `<`, `>`,
 * `=`, `≥` or `≤`.
 */
import { ParIndexError, problem } from '../errors.js';
import { parseExact } from '../numbers/decimal-text.js';
import type { Exact } from '../numbers/exact.js';

/** One band: its label and lower bound. */
export interface Band {
  /** Label printed, e.g. `A`. */
  label: string;
  /** Lower bound. */
  min: Exact;
  /** True for `>` (the bound itself is below the band). */
  strict: boolean;
}

/** Parses a bands text; bands are returned from the highest bound down. */
export function parseBands(text: string, source: { file?: string; sheet?: string } = {}): Band[] {
  const bands: Band[] = [];
  for (const part of text
    .split(/[;|]/)
    .map((s) => s.trim())
    .filter(Boolean)) {
    // The label holds no comparison sign, so `A=>90` or `A<=90` is an error, not label "A=" / "A<".
    const m = /^([^<>=≥≤]+?)\s*(>=|>|≥)\s*(\S+)$/.exec(part);
    const min = m && parseExact(m[3]);
    if (!m || !min) {
      throw new ParIndexError({ ...source, column: 'bands', ...problem('bad-bands', { band: part }), value: text });
    }
    bands.push({ label: m[1].trim(), min, strict: m[2] === '>' });
  }
  return orderBands(bands);
}

/**
 * Sorts bands in place the way {@link bandOf} reads them: highest bound first, and at an equal bound
 * the strict one (`>`) before the inclusive one.
 */
export function orderBands(bands: Band[]): Band[] {
  return bands.sort((a, b) => b.min.cmp(a.min) || (a.strict === b.strict ? 0 : a.strict ? -1 : 1));
}

/** The band a value falls in, or null. */
export function bandOf(value: Exact | null, bands: readonly Band[]): string | null {
  if (value === null) return null;
  for (const b of bands) {
    const c = value.cmp(b.min);
    if (c > 0 || (c === 0 && !b.strict)) return b.label;
  }
  return null;
}
