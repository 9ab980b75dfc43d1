/**
 * A plain decimal.js implementation of docs/spec.md §2–4 scoring: every cell read from its text into a
 * `Decimal` and every rule applied with decimal.js arithmetic at high precision. It is the
 * library-based reference the exact core is tested against, and the "naive decimal.js" baseline of
 * the benchmarks. Inputs are assumed valid (run the checked readers first); it does no validation.
 */
import Decimal from 'decimal.js';
import { appliesTo, type Framework } from '../criteria/framework.js';
import type { Units } from '../criteria/units.js';
import { isNA, readYesNo } from '../criteria/rules.js';

/** One evidence row as text. */
export interface ReferenceEvidenceRow {
  /** Unit id. */
  unit: string;
  /** Leaf criterion code. */
  criterion: string;
  /** Self cell text (blank, `NA` or a value). */
  self: string;
  /** Appraised cell text (blank = the self value stands). */
  appraised: string;
}

/** One survey-results row as text. */
export interface ReferenceSurveyRow {
  /** Unit id. */
  unit: string;
  /** Survey leaf code. */
  criterion: string;
  /** Score text, 0–100 or `NA`. */
  score: string;
}

/** A unit's result from the reference: index and selfIndex (null when the applicable max is 0). */
export interface ReferenceUnitResult {
  /** 100 × points / max (clamped with `clamp`); null when the max is 0. */
  index: Decimal | null;
  /** The same from the self cells (survey scores count on both sides). */
  selfIndex: Decimal | null;
  /** Points counted in the index. */
  points: Decimal;
  /** Applicable max. */
  max: Decimal;
}

/** Decimal.js constructor configured for the reference (60 significant digits). */
export const RefDecimal = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_UP });

/**
 * Scores every unit with decimal.js. `decimalComma` must match how the inputs were read. Numbers in
 * the framework are taken from its exact values' text.
 */
export function scoreWithDecimal(fw: Framework, units: Units, evidence: readonly ReferenceEvidenceRow[], survey: readonly ReferenceSurveyRow[] = [], opts: { decimalComma?: boolean; clamp?: boolean } = {}): Map<string, ReferenceUnitResult> {
  const D = RefDecimal;
  const num = (t: string) => new D(opts.decimalComma ? t.trim().replace(',', '.') : t.trim());
  const dec = (x: { toString(): string }) => {
    const s = x.toString();
    const slash = s.indexOf('/');
    return slash < 0 ? new D(s) : new D(s.slice(0, slash)).div(s.slice(slash + 1));
  };
  const rows = new Map<string, ReferenceEvidenceRow>();
  for (const r of evidence) if (r.self.trim() !== '' || r.appraised.trim() !== '') rows.set(`${r.unit}\u0000${r.criterion}`, r);
  const scores = new Map<string, string>();
  for (const r of survey) scores.set(`${r.unit}\u0000${r.criterion}`, r.score);

  const points = (code: string, text: string): Decimal => {
    const c = fw.byCode.get(code)!;
    const max = dec(c.max);
    switch (c.rule) {
      case 'yesno':
        return readYesNo(text) ? max : new D(0);
      case 'ratio': {
        const target = dec(c.params.target ?? 100);
        return max.mul(Decimal.min(num(text), target)).div(target);
      }
      case 'tiers': {
        const v = num(text);
        for (const t of c.params.tiers ?? []) {
          if (t.op === 'else') return dec(t.points);
          const th = dec(t.threshold!);
          if (t.op === '>' ? v.gt(th) : v.gte(th)) return dec(t.points);
        }
        return new D(0);
      }
      case 'survey':
        return max.mul(num(text)).div(100);
      default:
        return num(text);
    }
  };

  const out = new Map<string, ReferenceUnitResult>();
  for (const u of units.list) {
    let pts = new D(0);
    let max = new D(0);
    let selfPts = new D(0);
    let selfMax = new D(0);
    for (const c of fw.leaves) {
      if (!appliesTo(c, u.group)) continue;
      const cmax = dec(c.max);
      const key = `${u.id}\u0000${c.code}`;
      if (c.rule === 'survey') {
        const s = scores.get(key);
        if (s !== undefined && isNA(s)) continue;
        const p = s === undefined || s.trim() === '' ? new D(0) : points(c.code, s); // blank: scored 0, as a missing score
        pts = pts.add(p);
        selfPts = selfPts.add(p);
        max = max.add(cmax);
        selfMax = selfMax.add(cmax);
        continue;
      }
      const r = rows.get(key);
      const self = r?.self.trim() ?? '';
      const appraised = r?.appraised.trim() ?? '';
      if (!isNA(self)) {
        selfMax = selfMax.add(cmax);
        if (self !== '') selfPts = selfPts.add(points(c.code, self));
      }
      const final = appraised !== '' ? appraised : self;
      if (isNA(final)) continue;
      max = max.add(cmax);
      if (final !== '') pts = pts.add(points(c.code, final));
    }
    const clamp = (x: Decimal) => (opts.clamp ? Decimal.min(Decimal.max(x, 0), 100) : x);
    out.set(u.id, {
      index: max.isZero() ? null : clamp(pts.mul(100).div(max)),
      selfIndex: selfMax.isZero() ? null : clamp(selfPts.mul(100).div(selfMax)),
      points: pts,
      max,
    });
  }
  return out;
}
