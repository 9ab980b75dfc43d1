/**
 * Feeding SIPAS into PAR INDEX (docs/spec.md §2 `survey` rule): each unit's exact SIPAS index becomes the
 * survey score (0–100) of one `survey` criterion, so the criterion earns max × SIPAS / 100 without
 * any rounding in between. Checks mirror a survey results file: the criterion must be a survey leaf,
 * it must apply to every unit that has forms, and a (unit, criterion) already given by a survey
 * results file is an error.
 */
import { appliesTo, type Framework } from '../criteria/framework.js';
import type { Units } from '../criteria/units.js';
import { IssueList, problem } from '../errors.js';
import type { Exact } from '../numbers/exact.js';
import { APPRAISED, type InputMatrix } from '../criteria/inputs.js';
import { ruleOf } from '../criteria/rules/index.js';
import type { SipasResult } from '../sipas/result.js';

/**
 * What a unit without a SIPAS index (no forms, or nothing answered on valid forms) becomes.
 *
 * @inline
 */
export type SipasNullAs = 'missing' | 'na';

/** Options of {@link addSipasScores}. */
export interface SipasToParOptions {
  /**
   * A unit with no SIPAS index: `missing` (default: no survey score — scored 0, counted in the
   * unit's `missing`, an error under `--strict`) or `na` (the criterion does not apply to that unit:
   * its max leaves the unit's applicable max).
   */
  nullAs?: SipasNullAs;
  /** Name of the responses file, for errors. */
  file?: string;
}

/**
 * Stores each unit's SIPAS index as the survey score of `criterion` in `matrix`. Units of the
 * round whose group the criterion does not apply to are left alone, unless they have forms (an
 * error: their survey would count nowhere). Throws a {@link ParIndexError} listing every problem,
 * leaving `matrix` untouched.
 */
export function addSipasScores(matrix: InputMatrix, fw: Framework, units: Units, sipas: SipasResult, criterion: string, opts: SipasToParOptions = {}): void {
  const issues = new IssueList();
  const where = { file: opts.file };
  const c = fw.byCode.get(criterion);
  if (!c) {
    issues.add({ ...where, ...problem('unknown-criterion/sipas', { criterion }), value: criterion });
    issues.throwIfAny();
    return;
  }
  if (!c.isLeaf || ruleOf(c).scoring.source !== 'survey') {
    issues.add({ ...where, ...problem('not-survey-criterion', { code: c.code }), value: criterion });
    issues.throwIfAny();
  }
  const leaf = matrix.leafIndex.get(c.code)!;
  const writes: { cell: number; value: Exact | null }[] = [];
  for (const r of sipas.units) {
    if (!units.byId.has(r.unit)) issues.add({ ...where, ...problem('unknown-unit/survey', { unit: r.unit }), value: r.unit });
  }
  // Every unit of the round, including those the survey never saw (no forms: no index).
  for (const u of units.list) {
    const r = sipas.byUnit.get(u.id);
    if (!appliesTo(c, u.group)) {
      if (r && r.forms > 0) issues.add({ ...where, ...problem('not-applicable/survey', { code: c.code, group: u.group, unit: u.id, forms: r.forms }), value: criterion });
      continue;
    }
    const cell = matrix.cell(matrix.unitIndex.get(u.id)!, leaf);
    const index = r?.index ?? null;
    if (matrix.present[cell]) {
      // A survey results row and SIPAS for the same unit and criterion: SIPAS speaks for every unit
      // of the round (with forms or not, listed by the survey or not), so either source alone.
      issues.add({ ...where, ...problem('duplicate-survey', { unit: u.id, code: c.code }), value: criterion });
      continue;
    }
    if (index !== null || opts.nullAs === 'na') writes.push({ cell, value: index });
  }
  issues.throwIfAny();
  // Nothing is stored unless every unit passed.
  for (const { cell, value } of writes) {
    matrix.present[cell] = 1;
    if (value === null) matrix.setNA(cell, APPRAISED);
    else matrix.setExact(cell, APPRAISED, value);
  }
}
