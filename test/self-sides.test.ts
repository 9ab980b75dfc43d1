/**
 * The self side per area from the kernel (`SelfSides`, the results workbook's self-vs-appraised
 * sheet) equals the leaf audit's sums (`areaSides(unitLeafAudit(…))`, which reads every leaf by
 * `leafOutcome`) on the sample, on generated rounds (one denominator and many denominator classes)
 * and on rounds the bigint path scores; and a hand-computed unit.
 */
import { describe, expect, it } from 'vitest';
import type { Framework } from '../src/criteria/framework.js';
import type { InputMatrix } from '../src/criteria/inputs.js';
import { loadRound } from '../src/node/round.js';
import { Exact } from '../src/numbers/exact.js';
import { areaSides, unitLeafAudit } from '../src/scoring/leaf-audit.js';
import { computeTotals } from '../src/scoring/score.js';
import { SelfSides } from '../src/scoring/self-sides.js';
import { syntheticRound } from '../src/testing/round-gen.js';
import { csv, round, SAMPLE } from './support/round.js';
import { join } from 'node:path';

/** Checks every unit and area against the leaf audit; returns how many (unit, area) pairs were compared. */
function agreeWithAudit(fw: Framework, inputs: InputMatrix): number {
  const sides = new SelfSides(fw, inputs);
  let compared = 0;
  inputs.units.forEach((unit, u) => {
    const audit = areaSides(unitLeafAudit(fw, inputs, u, { sources: false }));
    fw.areas.forEach((a, i) => {
      const want = audit.get(a.code);
      const got = sides.area(u, i);
      expect(got === undefined, `${unit.id} area ${a.code}: no leaf applies`).toBe(want === undefined);
      if (!want || !got) return;
      expect(got.points.toString(), `${unit.id} area ${a.code} self points`).toBe(want.selfPoints.toString());
      expect(got.max.toString(), `${unit.id} area ${a.code} self max`).toBe(want.selfMax.toString());
      compared++;
    });
  });
  return compared;
}

describe('self side per area (SelfSides)', () => {
  it('equals the leaf audit on the Hà Nội sample (52 units, survey leaves, adjust leaves)', async () => {
    const r = await loadRound({ framework: join(SAMPLE, 'framework.csv'), units: join(SAMPLE, 'units.csv'), evidence: [join(SAMPLE, 'evidence.csv')], survey: join(SAMPLE, 'survey.csv') });
    expect(agreeWithAudit(r.framework, r.inputs)).toBeGreaterThan(52 * 6);
  });

  it('equals the leaf audit on generated rounds: one denominator, and many denominator classes', () => {
    for (const spec of [
      { units: 300, criteria: 60, seed: 3 },
      { units: 120, criteria: 40, seed: 9, targets: 'coprime' as const },
    ]) {
      const g = syntheticRound(spec);
      const fw = g.framework();
      const inputs = g.inputs(fw);
      if (spec.targets) expect(computeTotals(fw, inputs).extra, 'the coprime round uses denominator classes').toBeDefined();
      expect(agreeWithAudit(fw, inputs)).toBeGreaterThan(spec.units);
    }
  });

  it('equals the leaf audit on the bigint path (an input too long for the fast path), hand-computed', () => {
    const fw = csv(
      'code,title,max,method,rule,params,groups',
      '1,A,,,,,',
      '1.1,a,2,,points,,',
      '1.2,b,1,,yesno,,',
      '1.3,c,3,,ratio,target=30,',
      '1.4,d,4,,points,,',
      '1.5,e,2,survey,survey,,',
      '2,B,,,,,',
      '2.1,f,,,adjust,min=-2 max=1,',
      '2.2,g,5,,points,,x',
    );
    const r = round(
      fw,
      csv('unit,name,group', 'u,U,g', 'v,V,x'),
      csv('unit,criterion,self,appraised', 'u,1.1,NA,1.5', 'u,1.2,có,', 'u,1.3,20,10', 'u,2.1,1,-1.5', 'v,1.1,2,NA', 'v,1.3,0.000000000000000000001,30', 'v,2.2,4,3'),
      csv('unit,criterion,score', 'u,1.5,50', 'v,1.5,NA'),
    );
    expect(computeTotals(r.fw, r.inputs).path).toBe('exact');
    expect(agreeWithAudit(r.fw, r.inputs)).toBe(4);
    const sides = new SelfSides(r.fw, r.inputs);
    // u: 0 (NA) + 1 (có) + 3×20/30 + 0 (no row for 1.4) + 2×50/100 (survey) = 4; max 1 + 3 + 4 + 2 = 10 (NA leaves it).
    expect(sides.area(0, 0)).toEqual({ points: Exact.of(4n), max: Exact.of(10n) });
    // u's area 2: the adjust leaf's self value, no max; 2.2 does not apply to group g.
    expect(sides.area(0, 1)).toEqual({ points: Exact.of(1n), max: Exact.ZERO });
    // v: 2 + 0 (no row) + 3×10⁻²¹/30 + 0, survey NA (out of both); max 2 + 1 + 3 + 4.
    expect(sides.area(1, 0)).toEqual({ points: Exact.of(2n).add(Exact.of(1n, 10n ** 22n)), max: Exact.of(10n) });
    expect(sides.area(1, 1)).toEqual({ points: Exact.of(4n), max: Exact.of(5n) });
  });
});
