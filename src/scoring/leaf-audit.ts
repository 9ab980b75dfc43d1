/**
 * The audit trail of a unit, leaf by leaf and on both sides: what the unit claimed (self), what the
 * council accepted (appraised), which side counted, and the exact points and max each side adds.
 * It reads each leaf with the same statement of a leaf's meaning as the kernels (`leafOutcome`), one
 * leaf at a time, for the results workbook's audit and self-vs-appraised sheets and for `explain`;
 * tests check that the leaves add up to the unit's totals, area by area.
 */
import { appliesTo, type Criterion, type Framework } from '../criteria/framework.js';
import { type CellSource, type InputMatrix, SELF, APPRAISED, VALUE, NA } from '../criteria/inputs.js';
import { type CellState, type LeafStatus, leafOutcome, ruleOf } from '../criteria/rules/index.js';
import { Exact } from '../numbers/exact.js';

/** One side of an input cell: blank, not applicable, or an exact value (`yesno` as 1/0). */
export type SideInput = { state: 'blank' } | { state: 'na' } | { state: 'value'; value: Exact };

/**
 * How the final input of a leaf was found (see `LeafStatus` in `criteria/rules/outcome.ts`).
 *
 * @inline
 */
export type AuditStatus = LeafStatus;

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
  /** The side whose cell decided the final figure (`SELF` 0 or `APPRAISED` 1: a value, NA or a blank), or -1 without a row. */
  finalSide: -1 | 0 | 1;
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

const BLANK_SIDE: SideInput = Object.freeze({ state: 'blank' });
const NA_SIDE: SideInput = Object.freeze({ state: 'na' });

function side(inputs: InputMatrix, cell: number, s: number): SideInput {
  const st = inputs.state[cell * 2 + s];
  if (st === VALUE) return { state: 'value', value: inputs.exact(cell, s) };
  return st === NA ? NA_SIDE : BLANK_SIDE;
}

/**
 * Every leaf applying to unit number `u` (its position in `inputs.units`), in framework order. Each
 * leaf is read by the one statement of a leaf's meaning (`leafOutcome`) and scored by its rule.
 * `sources: false` leaves out each leaf's evidence reference (a view that does not show it).
 */
export function unitLeafAudit(fw: Framework, inputs: InputMatrix, u: number, opts: { sources?: boolean } = {}): LeafAudit[] {
  // The evidence references may live in the files (read back on demand): only look them up when shown.
  const sources = opts.sources !== false;
  const unit = inputs.units[u];
  const out: LeafAudit[] = [];
  fw.leaves.forEach((c, j) => {
    if (!appliesTo(c, unit.group)) return;
    const rule = ruleOf(c);
    const cell = inputs.cell(u, j);
    const present = inputs.present[cell] === 1;
    const o = leafOutcome(rule.scoring, present, inputs.state[cell * 2 + SELF] as CellState, inputs.state[cell * 2 + APPRAISED] as CellState);
    const self = present ? side(inputs, cell, SELF) : BLANK_SIDE;
    const appraised = present ? side(inputs, cell, APPRAISED) : BLANK_SIDE;
    const pointsOf = (from: number) => (from < 0 ? Exact.ZERO : rule.points(c, inputs.exact(cell, from)));
    out.push({
      criterion: c,
      leaf: j,
      self,
      appraised,
      status: o.status,
      finalSide: o.finalSide,
      points: pointsOf(o.pointsFrom),
      max: o.countsMax ? c.max : Exact.ZERO,
      selfPoints: pointsOf(o.selfPointsFrom),
      selfMax: o.selfCountsMax ? c.max : Exact.ZERO,
      source: sources ? inputs.sourceLookup.get(cell) : undefined,
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
