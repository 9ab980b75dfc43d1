/**
 * A unit's score leaf by leaf: for every leaf that applies to the unit, the input that counted
 * (appraised, else self; survey score), the exact points it earned and the max it adds to the
 * applicable max. A view of the leaf audit ({@link unitLeafAudit}), which states the exact kernel's
 * reading one leaf at a time; tests check that the leaves add up to the unit's totals.
 */
import type { Criterion, Framework } from '../criteria/framework.js';
import type { Exact } from '../numbers/exact.js';
import { APPRAISED, type InputMatrix, SELF } from '../criteria/inputs.js';
import { ruleOf } from '../criteria/rules/index.js';
import { unitLeafAudit, type AuditStatus, type LeafAudit, type SideInput } from './leaf-audit.js';

/** How a leaf's input was found for a unit (see {@link AuditStatus}). */
export type LeafStatus = AuditStatus;

/** One applicable leaf of one unit. */
export interface LeafDetail {
  /** The leaf. */
  criterion: Criterion;
  /** Position of the leaf in the framework's leaves. */
  leaf: number;
  /** How the input was found. */
  status: LeafStatus;
  /** The input that counted, as exact text (`yesno` as 1/0), `NA`, or null when none. */
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

function inputText(s: SideInput): string | null {
  return s.state === 'value' ? s.value.toString() : s.state === 'na' ? 'NA' : null;
}

/** The detail of one audited leaf. */
function leafDetailOf(a: LeafAudit): LeafDetail {
  // The cell that counted: appraised (survey: the score), else self when the appraised cell is blank.
  const final = a.finalSide === SELF ? a.self : a.finalSide === APPRAISED ? a.appraised : undefined;
  const d: LeafDetail = { criterion: a.criterion, leaf: a.leaf, status: a.status, input: final ? inputText(final) : null, points: a.points, max: a.max };
  // The appraised cell counted (a value or NA) on a leaf with a self cell: what the self cell gives.
  if (a.finalSide === APPRAISED && ruleOf(a.criterion).scoring.source === 'evidence') {
    d.self = { input: inputText(a.self), points: a.selfPoints, max: a.selfMax };
  }
  return d;
}

/**
 * Every leaf applying to unit number `u` (its position in `inputs.units`), in framework order, with
 * the points and max it contributes to the final (appraised) index.
 */
export function unitLeafDetails(fw: Framework, inputs: InputMatrix, u: number): LeafDetail[] {
  return unitLeafAudit(fw, inputs, u).map(leafDetailOf);
}
