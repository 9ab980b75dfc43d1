/**
 * The audit trail of a unit, leaf by leaf and on both sides: what the unit claimed (self), what the
 * council accepted (appraised), which side counted, and the exact points and max each side adds.
 * It restates the exact kernel's reading (`accumulateExact`) one leaf at a time, for the results
 * workbook's audit and self-vs-appraised sheets, so the fast totals path stays untouched; tests
 * check that the leaves add up to the unit's totals, area by area.
 */
import { appliesTo, type Criterion, type Framework } from '../criteria/framework.js';
import { Exact } from '../numbers/exact.js';
import { APPRAISED, BLANK, NA, SELF, VALUE, type CellSource, type InputMatrix } from '../criteria/inputs.js';
import { leafPoints } from '../criteria/rules.js';

/** One side of an input cell: blank, not applicable, or an exact value (`yesno` as 1/0). */
export type SideInput = { state: 'blank' } | { state: 'na' } | { state: 'value'; value: Exact };

/**
 * How the final input of a leaf was found.
 *
 * @inline
 */
export type AuditStatus =
  /** The appraised value counted. */
  | 'appraised'
  /** No appraised value: the self value counted (an unappraised row). */
  | 'self'
  /** A survey score counted (it counts the same on the self side). */
  | 'survey'
  /** Not applicable on the final side: neither points nor max. */
  | 'na'
  /** No row: 0 points out of the max (an `adjust` leaf: 0 and not missing). */
  | 'missing';

/** One applicable leaf of one unit. */
export interface LeafAudit {
  /** The leaf. */
  criterion: Criterion;
  /** Its position in the framework's leaves. */
  leaf: number;
  /** The self cell. */
  self: SideInput;
  /** The appraised cell (survey: the survey score). */
  appraised: SideInput;
  /** How the final input was found. */
  status: AuditStatus;
  /** Exact points counted in the index (signed for `adjust`). */
  points: Exact;
  /** Max added to the applicable max (0 when NA; always 0 for `adjust`). */
  max: Exact;
  /** Exact points on the self side (selfIndex). */
  selfPoints: Exact;
  /** Max added on the self side. */
  selfMax: Exact;
  /** Evidence reference and note of the input row, when given. */
  source?: CellSource;
}

function side(inputs: InputMatrix, cell: number, s: number): SideInput {
  const st = inputs.state[cell * 2 + s];
  if (st === VALUE) return { state: 'value', value: inputs.exact(cell, s) };
  return st === NA ? { state: 'na' } : { state: 'blank' };
}

const pointsOf = (c: Criterion, s: SideInput) => (s.state === 'value' ? leafPoints(c, s.value) : Exact.ZERO);

/** Every leaf applying to unit number `u` (its position in `inputs.units`), in framework order. */
export function unitLeafAudit(fw: Framework, inputs: InputMatrix, u: number): LeafAudit[] {
  const unit = inputs.units[u];
  const out: LeafAudit[] = [];
  fw.leaves.forEach((c, j) => {
    if (!appliesTo(c, unit.group)) return;
    const cell = inputs.cell(u, j);
    const source = inputs.sources.get(cell);
    if (!inputs.present[cell]) {
      out.push({ criterion: c, leaf: j, self: { state: 'blank' }, appraised: { state: 'blank' }, status: 'missing', points: Exact.ZERO, max: c.max, selfPoints: Exact.ZERO, selfMax: c.max, source });
      return;
    }
    const self = side(inputs, cell, SELF);
    const appraised = side(inputs, cell, APPRAISED);
    if (c.rule === 'survey') {
      if (appraised.state === 'na') {
        out.push({ criterion: c, leaf: j, self, appraised, status: 'na', points: Exact.ZERO, max: Exact.ZERO, selfPoints: Exact.ZERO, selfMax: Exact.ZERO, source });
        return;
      }
      const p = pointsOf(c, appraised);
      out.push({ criterion: c, leaf: j, self, appraised, status: 'survey', points: p, max: c.max, selfPoints: p, selfMax: c.max, source });
      return;
    }
    const selfMax = self.state === 'na' ? Exact.ZERO : c.max;
    const selfPoints = pointsOf(c, self);
    const useSelf = inputs.state[cell * 2 + APPRAISED] === BLANK;
    const final = useSelf ? self : appraised;
    const status: AuditStatus = final.state === 'na' ? 'na' : useSelf ? 'self' : 'appraised';
    out.push({
      criterion: c,
      leaf: j,
      self,
      appraised,
      status,
      points: final.state === 'na' ? Exact.ZERO : pointsOf(c, final),
      max: final.state === 'na' ? Exact.ZERO : c.max,
      selfPoints,
      selfMax,
      source,
    });
  });
  return out;
}

/** Self and final points and max of one area for one unit. */
export interface AreaSides {
  /** Points on the self side. */
  selfPoints: Exact;
  /** Applicable max on the self side. */
  selfMax: Exact;
  /** Points counted in the index (equals the unit's `areas[code].points`). */
  points: Exact;
  /** Applicable max (equals `areas[code].max`). */
  max: Exact;
}

/** Sums a unit's leaf audit per area (only areas with a leaf applying to the unit appear). */
export function areaSides(audit: readonly LeafAudit[]): Map<string, AreaSides> {
  const out = new Map<string, AreaSides>();
  for (const a of audit) {
    const code = a.criterion.area;
    const s = out.get(code) ?? { selfPoints: Exact.ZERO, selfMax: Exact.ZERO, points: Exact.ZERO, max: Exact.ZERO };
    out.set(code, { selfPoints: s.selfPoints.add(a.selfPoints), selfMax: s.selfMax.add(a.selfMax), points: s.points.add(a.points), max: s.max.add(a.max) });
  }
  return out;
}
