/**
 * The one statement of a leaf's meaning (`leafOutcome`, src/criteria/rules/outcome.ts): hand-checked
 * cases, then every rule × every cell combination (no row; self and appraised each blank, NA or a
 * value) scored by the fast kernel (which inlines the same decisions in integer code), the bigint
 * kernel and the leaf audit, each held to what `leafOutcome` and the rule's exact points say.
 */
import { describe, expect, it } from 'vitest';
import { buildFramework } from '../src/criteria/framework.js';
import { APPRAISED, BLANK, InputMatrix, NA, SELF, VALUE } from '../src/criteria/inputs.js';
import { type CellState, leafOutcome, RULE_NAMES, RULES, type RuleName } from '../src/criteria/rules/index.js';
import { buildUnits } from '../src/criteria/units.js';
import { parseExact } from '../src/numbers/decimal-text.js';
import { ACC, accumulateExact, accumulateFast, compilePlan, slotValue, type Totals } from '../src/scoring/kernel.js';
import { unitLeafAudit } from '../src/scoring/leaf-audit.js';
import { parseCsvTable } from '../src/table/csv.js';
import { csv } from './support/round.js';

const evidence = RULES.points.scoring;
const surveyS = RULES.survey.scoring;
const adjustS = RULES.adjust.scoring;

describe('leafOutcome', () => {
  it('appraised else self; NA out of points and max on its side', () => {
    expect(leafOutcome(evidence, true, VALUE, VALUE)).toMatchObject({ status: 'appraised', finalSide: APPRAISED, pointsFrom: APPRAISED, countsMax: true, selfPointsFrom: SELF, selfCountsMax: true, unappraised: false });
    expect(leafOutcome(evidence, true, VALUE, BLANK)).toMatchObject({ status: 'self', finalSide: SELF, pointsFrom: SELF, countsMax: true, unappraised: true });
    expect(leafOutcome(evidence, true, NA, VALUE)).toMatchObject({ status: 'appraised', pointsFrom: APPRAISED, countsMax: true, selfPointsFrom: -1, selfCountsMax: false });
    expect(leafOutcome(evidence, true, VALUE, NA)).toMatchObject({ status: 'na', finalSide: APPRAISED, pointsFrom: -1, countsMax: false, selfPointsFrom: SELF, selfCountsMax: true, na: true });
    expect(leafOutcome(evidence, true, NA, BLANK)).toMatchObject({ status: 'na', finalSide: SELF, countsMax: false, selfCountsMax: false, na: true, unappraised: true });
    expect(leafOutcome(evidence, true, BLANK, VALUE)).toMatchObject({ status: 'appraised', pointsFrom: APPRAISED, selfPointsFrom: -1, selfCountsMax: true });
  });
  it('a survey score counts on both sides; NA takes it out of both', () => {
    expect(leafOutcome(surveyS, true, BLANK, VALUE)).toMatchObject({ status: 'survey', pointsFrom: APPRAISED, selfPointsFrom: APPRAISED, countsMax: true, selfCountsMax: true });
    expect(leafOutcome(surveyS, true, VALUE, NA)).toMatchObject({ status: 'na', pointsFrom: -1, selfPointsFrom: -1, countsMax: false, selfCountsMax: false, na: true });
    expect(leafOutcome(surveyS, true, BLANK, BLANK)).toMatchObject({ status: 'survey', pointsFrom: -1, countsMax: true });
  });
  it('no row: 0 out of the max, missing; an adjust leaf has no max and is never missing', () => {
    expect(leafOutcome(evidence, false, BLANK, BLANK)).toEqual({ status: 'missing', finalSide: -1, pointsFrom: -1, countsMax: true, selfPointsFrom: -1, selfCountsMax: true, missing: true, unappraised: false, na: false });
    expect(leafOutcome(adjustS, false, BLANK, BLANK)).toMatchObject({ status: 'missing', countsMax: false, selfCountsMax: false, missing: false });
    expect(leafOutcome(adjustS, true, VALUE, VALUE)).toMatchObject({ status: 'appraised', countsMax: false, selfCountsMax: false });
  });
  it('returns one shared, frozen object per combination', () => {
    expect(leafOutcome(evidence, true, VALUE, BLANK)).toBe(leafOutcome(evidence, true, VALUE, BLANK));
    expect(Object.isFrozen(leafOutcome(evidence, true, VALUE, BLANK))).toBe(true);
  });
});

/** One leaf of each rule and a value its cells may hold. */
const LEAVES: Record<RuleName, { row: string; value: string }> = {
  points: { row: '1.1,x,2,,points,,', value: '1.5' },
  yesno: { row: '1.1,x,1.5,,yesno,,', value: '1' },
  ratio: { row: '1.1,x,2,,ratio,target=97,', value: '50.5' },
  tiers: { row: '1.1,x,2,,tiers,>90:2 | >=70:1.25 | else:0.5,', value: '75' },
  survey: { row: '1.1,x,4,survey,survey,,', value: '87.5' },
  adjust: { row: '1.1,x,,,adjust,min=-2 max=1,', value: '-0.75' },
};
const STATES: CellState[] = [BLANK, NA, VALUE];

describe('the kernels and the audit follow leafOutcome on every combination', () => {
  for (const name of RULE_NAMES) {
    it(name, () => {
      const fw = buildFramework(parseCsvTable(csv('code,title,max,method,rule,params,groups', '1,A,,,,,', LEAVES[name].row)));
      const units = buildUnits(parseCsvTable(csv('unit,name,group,rankGroup', 'u,U,g,L')));
      const c = fw.leaves[0];
      const rule = RULES[name];
      const v = rule.points(c, parseExact(LEAVES[name].value)!);
      for (const present of [false, true]) {
        for (const ss of STATES) {
          for (const sa of STATES) {
            if (!present && (ss !== BLANK || sa !== BLANK)) continue;
            const m = new InputMatrix(fw, units);
            if (present) m.present[0] = 1;
            const set = (side: number, st: CellState) => (st === NA ? m.setNA(0, side) : st === VALUE ? m.setText(0, side, LEAVES[name].value) : undefined);
            set(SELF, ss);
            set(APPRAISED, sa);
            const o = leafOutcome(rule.scoring, present, ss, sa);
            const want = {
              points: o.pointsFrom >= 0 ? v.toString() : '0',
              max: o.countsMax ? c.max.toString() : '0',
              selfPoints: o.selfPointsFrom >= 0 ? v.toString() : '0',
              selfMax: o.selfCountsMax ? c.max.toString() : '0',
              counts: [o.missing ? 1 : 0, o.unappraised ? 1 : 0, o.na ? 1 : 0],
            };
            const plan = compilePlan(fw, m)!;
            const label = `${name} present=${present} self=${ss} appraised=${sa}`;
            for (const t of [accumulateFast(fw, m, plan), accumulateExact(fw, m)]) {
              const slot = (s: number) => slotValue(t, 0, s).toString();
              const total = { appraisal: ACC.appraisal, survey: ACC.survey, adjust: ACC.adjust }[rule.scoring.total];
              expect(got(t, slot, total), `${label} (${t.path})`).toEqual(want);
              // Points of the other totals stay 0; area points and max equal the unit's.
              for (const s of [ACC.appraisal, ACC.survey, ACC.adjust]) if (s !== total) expect(slot(s), label).toBe('0');
              expect([slot(ACC.areas), slot(ACC.areas + 1)], label).toEqual([want.points, want.max]);
            }
            const [a] = unitLeafAudit(fw, m, 0);
            expect({ status: a.status, points: a.points.toString(), max: a.max.toString(), selfPoints: a.selfPoints.toString(), selfMax: a.selfMax.toString() }, label).toEqual({
              status: o.status,
              points: want.points,
              max: want.max,
              selfPoints: want.selfPoints,
              selfMax: want.selfMax,
            });
          }
        }
      }
    });
  }
});

function got(t: Totals, slot: (s: number) => string, total: number) {
  return {
    points: slot(total),
    max: slot(ACC.max),
    selfPoints: slot(ACC.selfPoints),
    selfMax: slot(ACC.selfMax),
    counts: [t.missing[0], t.unappraised[0], t.na[0]],
  };
}
