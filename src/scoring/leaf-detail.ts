/**
 * A unit's score leaf by leaf: for every leaf that applies to the unit, the input that counted
 * (appraised, else self; survey score), the exact points it earned and the max it adds to the
 * applicable max. The same reading as the exact kernel (`accumulateExact`), kept separate so the
 * totals path stays fast; tests check that the leaves add up to the unit's totals.
 */
import { appliesTo, type Criterion, type Framework } from '../criteria/framework.js';
import { Exact } from '../numbers/exact.js';
import { APPRAISED, BLANK, NA, SELF, VALUE, type InputMatrix } from './inputs.js';
import { leafPoints } from './rules.js';

/** How a leaf's input was found for a unit. */
export type LeafStatus =
  /** An appraised value counted. */
  | 'appraised'
  /** A survey score counted (survey leaves). */
  | 'survey'
  /** No appraised value: the self value counted. */
  | 'self'
  /** Not applicable on the final side: neither points nor max. */
  | 'na'
  /** No row: 0 points out of the max (an `adjust` leaf: 0 and not missing). */
  | 'missing'
  /** A row whose final side is blank (both cells blank counts as no row, so only survey/adjust edge cases). */
  | 'blank';

/** One applicable leaf of one unit. */
export interface LeafDetail {
  /** The leaf. */
  criterion: Criterion;
  /** Position of the leaf in the framework's leaves. */
  leaf: number;
  /** How the input was found. */
  status: LeafStatus;
  /** The input that counted, as exact text (`yesno` as 1/0), or null when none. */
  input: string | null;
  /** Exact points earned (signed for `adjust`). */
  points: Exact;
  /** Max this leaf adds to the applicable max (0 when NA, and always 0 for `adjust`). */
  max: Exact;
  /**
   * When the appraised cell counted (a value or NA; not survey leaves): what the unit's own (self)
   * cell would have given instead —
   * its points (0 for a blank self cell) and max (0 when self says NA), as in the selfIndex.
   */
  self?: { input: string | null; points: Exact; max: Exact };
}

/**
 * Every leaf applying to unit number `u` (its position in `inputs.units`), in framework order, with
 * the points and max it contributes to the final (appraised) index.
 */
export function unitLeafDetails(fw: Framework, inputs: InputMatrix, u: number): LeafDetail[] {
  const unit = inputs.units[u];
  const out: LeafDetail[] = [];
  fw.leaves.forEach((c, j) => {
    if (!appliesTo(c, unit.group)) return;
    const cell = inputs.cell(u, j);
    if (!inputs.present[cell]) {
      out.push({ criterion: c, leaf: j, status: 'missing', input: null, points: Exact.ZERO, max: c.max });
      return;
    }
    const sa = inputs.state[cell * 2 + APPRAISED];
    let side = APPRAISED;
    let fs = sa;
    let status: LeafStatus = c.rule === 'survey' ? 'survey' : 'appraised';
    if (c.rule !== 'survey' && fs === BLANK) {
      side = SELF;
      fs = inputs.state[cell * 2 + SELF];
      status = 'self';
    }
    // Where the appraised cell counted, what the self cell would have given (as in the selfIndex).
    let self: LeafDetail['self'];
    if (side === APPRAISED && c.rule !== 'survey') {
      const ss = inputs.state[cell * 2 + SELF];
      const selfValue = ss === VALUE ? inputs.exact(cell, SELF) : undefined;
      self = { input: ss === NA ? 'NA' : selfValue ? selfValue.toString() : null, points: selfValue ? leafPoints(c, selfValue) : Exact.ZERO, max: ss === NA ? Exact.ZERO : c.max };
    }
    let d: LeafDetail;
    if (fs === NA) d = { criterion: c, leaf: j, status: 'na', input: 'NA', points: Exact.ZERO, max: Exact.ZERO };
    else if (fs !== VALUE) d = { criterion: c, leaf: j, status: 'blank', input: null, points: Exact.ZERO, max: c.max };
    else {
      const value = inputs.exact(cell, side);
      d = { criterion: c, leaf: j, status, input: value.toString(), points: leafPoints(c, value), max: c.max };
    }
    if (self) d.self = self;
    out.push(d);
  });
  return out;
}
