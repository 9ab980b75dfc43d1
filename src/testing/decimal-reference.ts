/**
 * A plain decimal.js implementation of docs/spec.md §2–4 scoring: every cell read from its text into a
 * `Decimal` and every rule applied with decimal.js arithmetic at high precision. It is the
 * library-based reference the exact core is tested against, and the "naive decimal.js" baseline of
 * the benchmarks. Inputs are assumed valid (run the checked readers first); it does no validation.
 *
 * Which cell counts (appraised else self, survey scores, NA, missing) is the one statement of a
 * leaf's meaning the kernels use (`leafOutcome`); the points are computed here, independently of the
 * rule objects, with decimal.js — an exhaustive switch, so a new rule does not compile until it is
 * written here too.
 */
import Decimal from 'decimal.js';
import { appliesTo, type Criterion, type Framework } from '../criteria/framework.js';
import { BLANK, NA, VALUE } from '../criteria/inputs.js';
import { type CellState, isNA, leafOutcome, readYesNo, ruleOf } from '../criteria/rules/index.js';
import type { Units } from '../criteria/units.js';

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

  const points = (c: Criterion, text: string): Decimal => {
    const max = dec(c.max);
    const rule = c.rule!;
    switch (rule) {
      case 'points':
      case 'adjust':
        return num(text);
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
      default: {
        const _exhaustive: never = rule;
        throw new Error(`scoreWithDecimal: no decimal.js points for rule ${String(_exhaustive)}`);
      }
    }
  };
  const stateOf = (text: string): CellState => (text === '' ? BLANK : isNA(text) ? NA : VALUE);

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
      // The cells as text: a survey score sits on the appraised side (blank: scored 0, as a missing score).
      let present: boolean;
      let self = '';
      let appraised = '';
      if (ruleOf(c).scoring.source === 'survey') {
        const s = scores.get(key);
        present = s !== undefined;
        appraised = s?.trim() ?? '';
      } else {
        const r = rows.get(key);
        present = r !== undefined;
        self = r?.self.trim() ?? '';
        appraised = r?.appraised.trim() ?? '';
      }
      const o = leafOutcome(ruleOf(c).scoring, present, stateOf(self), stateOf(appraised));
      const text = (side: number) => (side === 0 ? self : appraised);
      if (o.countsMax) max = max.add(cmax);
      if (o.selfCountsMax) selfMax = selfMax.add(cmax);
      if (o.pointsFrom >= 0) pts = pts.add(points(c, text(o.pointsFrom)));
      if (o.selfPointsFrom >= 0) selfPts = selfPts.add(points(c, text(o.selfPointsFrom)));
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
