/**
 * SIPAS feeding PAR INDEX: each unit's exact SIPAS index becomes the survey score of one survey
 * criterion (max × SIPAS / 100, never rounded in between); the checks a survey results file gets;
 * units without an index as missing or not applicable.
 */
import { safe } from '../src/errors.js';
import { describe, expect, it } from 'vitest';
import { buildInputs } from '../src/criteria/evidence.js';
import { hanoi2021Framework, hanoi2021Units, sampleTables } from '../src/data/sample.js';
import { ParIndexError } from '../src/errors.js';
import { parseCsvTable } from '../src/table/csv.js';
import { makeTable } from '../src/table/table.js';
import { Exact } from '../src/numbers/exact.js';
import { surveyBuiltin } from '../src/sipas/builtins.js';
import { addSipasScores } from '../src/api/sipas-into-par.js';
import { scoreSurveyCsv } from '../src/sipas/score.js';
import { scoreMatrix } from '../src/scoring/score.js';
import { csv, round, sampleText } from './support/round.js';

describe('SIPAS → PAR survey criterion 8.1 on the sample', () => {
  const fw = hanoi2021Framework();
  const units = hanoi2021Units();
  const t = sampleTables();
  // The survey results without their 8.1 rows: SIPAS gives 8.1 instead.
  const survey = makeTable(
    t.survey.header,
    t.survey.rows.filter((r) => r.cells[1] !== '8.1'),
    { file: 'survey.csv' },
  );
  const sipas = scoreSurveyCsv(surveyBuiltin('sipas-2017'), sampleText('sipas-responses.csv'), { units });

  it('each unit with forms earns exactly 8 × SIPAS / 100 on 8.1; units without forms are missing', () => {
    const base = buildInputs(fw, units, { evidence: t.evidence, survey });
    const withSipas = buildInputs(fw, units, { evidence: t.evidence, survey });
    addSipasScores(withSipas, fw, units, sipas, '8.1');
    const before = scoreMatrix(fw, units, base);
    const after = scoreMatrix(fw, units, withSipas);
    const eight = Exact.of(8);
    for (const u of after.units) {
      const s = sipas.byUnit.get(u.unit)!;
      const b = before.units.find((x) => x.unit === u.unit)!;
      if (s.index === null) {
        expect(s.forms).toBe(0);
        expect(u.surveyPoints.eq(b.surveyPoints)).toBe(true);
        expect(u.missing).toBe(b.missing);
        continue;
      }
      expect(u.surveyPoints.sub(b.surveyPoints).eq(eight.mul(s.index).div(Exact.HUNDRED))).toBe(true);
      expect(u.missing).toBe(b.missing - 1);
    }
    // ldtbxh: SIPAS 91.82… → 7.35 of 8 points on 8.1.
    const l = sipas.byUnit.get('ldtbxh')!;
    expect(eight.mul(l.index!).div(Exact.HUNDRED).toFixed(2)).toBe('7.35');
    expect(l.index!.toString()).toContain('/'); // not a terminating decimal: kept exact
  });

  it('nullAs "na": units without a SIPAS index leave 8.1 out of their applicable max', () => {
    const m = buildInputs(fw, units, { evidence: t.evidence, survey });
    addSipasScores(m, fw, units, sipas, '8.1', { nullAs: 'na' });
    const base = scoreMatrix(fw, units, buildInputs(fw, units, { evidence: t.evidence, survey }));
    const r = scoreMatrix(fw, units, m);
    const noiVu = r.units.find((u) => u.unit === 'noi-vu')!;
    const noiVuBase = base.units.find((u) => u.unit === 'noi-vu')!;
    expect(noiVu.max.eq(noiVuBase.max.sub(Exact.of(8)))).toBe(true);
    expect(noiVu.na).toBe(noiVuBase.na + 1);
  });

  it('a survey scored without the units list reaches every unit of the round the same way', () => {
    const unlisted = scoreSurveyCsv(surveyBuiltin('sipas-2017'), sampleText('sipas-responses.csv'));
    expect(unlisted.units.length).toBe(10); // only the units with forms
    for (const nullAs of ['na', 'missing'] as const) {
      const a = buildInputs(fw, units, { evidence: t.evidence, survey });
      const b = buildInputs(fw, units, { evidence: t.evidence, survey });
      addSipasScores(a, fw, units, sipas, '8.1', { nullAs });
      addSipasScores(b, fw, units, unlisted, '8.1', { nullAs });
      const ra = scoreMatrix(fw, units, a);
      const rb = scoreMatrix(fw, units, b);
      expect(rb.units.map((u) => [u.unit, u.index?.toString(), u.na, u.missing])).toEqual(ra.units.map((u) => [u.unit, u.index?.toString(), u.na, u.missing]));
    }
  });

  it('a (unit, criterion) given by both the survey results file and SIPAS is an error', () => {
    const m = buildInputs(fw, units, { evidence: t.evidence, survey: t.survey });
    const res = safe(() => addSipasScores(m, fw, units, sipas, '8.1', { file: 'sipas-responses.csv' }));
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(res.issues.map((i) => i.code)).toEqual(Array(52).fill('duplicate-survey'));
      expect(res.issues[0]).toMatchObject({ file: 'sipas-responses.csv' });
    }
    // The same when the survey was scored without the units list (it never saw units without forms).
    const unlisted = scoreSurveyCsv(surveyBuiltin('sipas-2017'), sampleText('sipas-responses.csv'));
    const again = safe(() => addSipasScores(buildInputs(fw, units, { evidence: t.evidence, survey: t.survey }), fw, units, unlisted, '8.1'));
    expect(again.ok ? [] : again.issues.map((i) => i.code)).toEqual(Array(52).fill('duplicate-survey'));
  });

  it('the criterion must exist and be a survey leaf', () => {
    const m = buildInputs(fw, units, { evidence: t.evidence, survey });
    expect(() => addSipasScores(m, fw, units, sipas, '9.9')).toThrow(ParIndexError);
    for (const [code, err] of [
      ['9.9', 'unknown-criterion'],
      ['8', 'not-survey-criterion'],
      ['8.3', 'not-survey-criterion'],
    ]) {
      const r = safe(() => addSipasScores(m, fw, units, sipas, code));
      expect(r.ok ? [] : r.issues.map((i) => i.code)).toEqual([err]);
    }
  });
});

describe('SIPAS → PAR with groups', () => {
  const FW = csv('code,title,max,method,rule,params,groups', '1,Area,,,,,', '1.1,Appraised,5,appraisal,points,,', '1.2,SIPAS,5,survey,survey,,so');
  const UNITS = csv('unit,name,group', 'a,Sở A,so', 'b,Quận B,quan');
  const EVIDENCE = csv('unit,criterion,self,appraised', 'a,1.1,5,4', 'b,1.1,4,4');
  const def = surveyBuiltin('sipas-2017');
  const cols = def.questions.map((q) => q.column).join(',');
  const form = (unit: string, v: string) => `f,${unit},${Array(18).fill(v).join(',')},,,,`;

  it('a criterion that does not apply to a unit with forms is an error; without forms it is skipped', () => {
    const r = round(FW, UNITS, EVIDENCE);
    const both = scoreSurveyCsv(def, csv(`form,unit,${cols}`, form('a', '5'), form('b', '4')), { units: r.units });
    const issues = safe(() => addSipasScores(r.inputs, r.fw, r.units, both, '1.2'));
    expect(issues.ok ? [] : issues.issues.map((i) => [i.code, i.message.includes('"b"')])).toEqual([['not-applicable', true]]);
    // A failed call stores nothing.
    expect(r.inputs.present.reduce((x, y) => x + y, 0)).toBe(2);

    const onlyA = scoreSurveyCsv(def, csv(`form,unit,${cols}`, form('a', '5'), form('a', '3')), { units: r.units });
    addSipasScores(r.inputs, r.fw, r.units, onlyA, '1.2');
    const res = scoreMatrix(r.fw, r.units, r.inputs);
    const a = res.units.find((u) => u.unit === 'a')!;
    // SIPAS 50 → 2.5 of 5 points; index = (4 + 2.5) / 10.
    expect(a.surveyPoints.toString()).toBe('2.5');
    expect(a.index!.toFixed(2)).toBe('65.00');
    expect(res.units.find((u) => u.unit === 'b')!.index!.toFixed(2)).toBe('80.00');
  });

  it('a non-terminating SIPAS (1/3) stays exact through PAR', () => {
    const r = round(FW, UNITS, EVIDENCE);
    const third = scoreSurveyCsv(def, csv(`form,unit,${cols}`, form('a', '5'), form('a', '3'), form('a', '1')), { units: r.units });
    addSipasScores(r.inputs, r.fw, r.units, third, '1.2');
    const a = scoreMatrix(r.fw, r.units, r.inputs).units.find((u) => u.unit === 'a')!;
    expect(a.surveyPoints.eq(Exact.of(5, 3))).toBe(true);
    expect(a.index!.eq(Exact.of(4, 1).add(Exact.of(5, 3)).mul(Exact.of(10)))).toBe(true);
  });

  it('uses the units file: a unit of the survey outside it cannot be fed', () => {
    const r = round(FW, UNITS, EVIDENCE);
    const loose = scoreSurveyCsv(def, csv(`form,unit,${cols}`, form('zz', '5')));
    const res = safe(() => addSipasScores(r.inputs, r.fw, r.units, loose, '1.2'));
    expect(res.ok ? [] : res.issues.map((i) => i.code)).toEqual(['unknown-unit']);
    expect(parseCsvTable(UNITS).rows.length).toBe(2);
  });
});
