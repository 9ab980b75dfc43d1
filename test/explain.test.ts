/**
 * `explain`: exact gaps to the neighbours and bands, per-area and per-leaf losses — on the Hà Nội
 * sample (published 2021 figures: Tài chính 89.83, LĐTB&XH 89.71, Nội vụ 88.76) and on a small
 * hand-worked round; the leaf breakdown must add up to the engine's totals; and the CLI.
 */
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { safe } from '../src/errors.js';
import { describe, expect, it } from 'vitest';
import { buildInputs } from '../src/criteria/evidence.js';
import { hanoi2021Framework, hanoi2021Units, sampleTables } from '../src/data/sample.js';
import { ParIndexError } from '../src/errors.js';
import { explanationJson } from '../src/report/explain-output.js';
import { Exact } from '../src/numbers/exact.js';
import { explainUnit } from '../src/analysis/explain.js';
import { unitLeafDetails } from '../src/scoring/leaf-detail.js';
import { scoreMatrix } from '../src/scoring/score.js';
import { runCli } from './support/cli.js';
import { csv, round, SAMPLE, unitOf } from './support/round.js';

const x = (num: number, den = 1) => Exact.of(num, den);

function sample() {
  const t = sampleTables();
  const fw = hanoi2021Framework();
  const units = hanoi2021Units();
  const inputs = buildInputs(fw, units, { evidence: t.evidence, survey: t.survey });
  return { fw, units, inputs, result: scoreMatrix(fw, units, inputs) };
}

describe('explain on the Hà Nội sample', () => {
  const s = sample();

  it('gives the exact gap from ldtbxh to tai-chinh above and noi-vu below', () => {
    const e = explainUnit(s.result, s.inputs, 'ldtbxh');
    const tc = unitOf(s.result, 'tai-chinh');
    const ld = unitOf(s.result, 'ldtbxh');
    const nv = unitOf(s.result, 'noi-vu');
    expect([e.rank, e.leagueSize, e.rankGroup, e.index!.toFixed(2)]).toEqual([2, 22, 'so', '89.71']);
    expect(e.above!.unit).toBe('tai-chinh');
    expect(e.above!.indexGap.eq(tc.index!.sub(ld.index!))).toBe(true);
    expect(e.above!.indexGap.toString()).toBe('11441/95000');
    expect(e.above!.indexGap.toFixed(2)).toBe('0.12'); // 89.83 − 89.71 as printed
    expect(e.below!.unit).toBe('noi-vu');
    expect(e.below!.indexGap.eq(ld.index!.sub(nv.index!))).toBe(true);
    expect(e.below!.indexGap.toFixed(2)).toBe('0.95'); // 89.71 − 88.76
    // max is 100 for a sở, so raw points equal index points.
    expect(ld.max.eq(Exact.HUNDRED)).toBe(true);
    expect(e.above!.pointsGap.eq(e.above!.indexGap)).toBe(true);
    expect(e.tiedWith).toEqual([]);
  });

  it('has no unit above the leader and none below the last', () => {
    expect(explainUnit(s.result, s.inputs, 'tai-chinh').above).toBeNull();
    expect(explainUnit(s.result, s.inputs, 'tnmt').below).toBeNull();
    expect(explainUnit(s.result, s.inputs, 'cau-giay').above).toBeNull();
    expect(explainUnit(s.result, s.inputs, 'thuong-tin').below).toBeNull();
  });

  it('finds, for every unit, the nearest strictly higher and lower index of its league', () => {
    for (const u of s.result.units) {
      const e = explainUnit(s.result, s.inputs, u.unit);
      const league = s.result.units.filter((o) => o.rankGroup === u.rankGroup && o !== u);
      const higher = league.filter((o) => o.index!.cmp(u.index!) > 0).sort((a, b) => a.index!.cmp(b.index!));
      const lower = league.filter((o) => o.index!.cmp(u.index!) < 0).sort((a, b) => b.index!.cmp(a.index!));
      expect(e.above?.unit ?? null).toBe(higher[0]?.unit ?? null);
      expect(e.below?.unit ?? null).toBe(lower[0]?.unit ?? null);
      if (e.above) {
        expect(u.index!.add(e.above.indexGap).eq(e.above.index)).toBe(true);
        expect(e.above.pointsGap.mul(Exact.HUNDRED).div(u.max).eq(e.above.indexGap)).toBe(true);
      }
      expect(e.lost.eq(u.max.sub(u.points))).toBe(true);
    }
  });

  it('leaf details add up to the engine totals for every unit (points, max, areas)', () => {
    s.result.units.forEach((u) => {
      const details = unitLeafDetails(s.fw, s.inputs, s.inputs.unitIndex.get(u.unit)!);
      const sum = (f: (d: (typeof details)[number]) => Exact, keep = (_: (typeof details)[number]) => true) => details.filter(keep).reduce((a, d) => a.add(f(d)), Exact.ZERO);
      expect(sum((d) => d.points).eq(u.points)).toBe(true);
      expect(sum((d) => d.max).eq(u.max)).toBe(true);
      expect(
        sum(
          (d) => d.points,
          (d) => d.criterion.rule === 'survey',
        ).eq(u.surveyPoints),
      ).toBe(true);
      for (const [code, a] of u.areas) {
        expect(
          sum(
            (d) => d.points,
            (d) => d.criterion.area === code,
          ).eq(a.points),
        ).toBe(true);
        expect(
          sum(
            (d) => d.max,
            (d) => d.criterion.area === code,
          ).eq(a.max),
        ).toBe(true);
      }
      expect(details.filter((d) => d.status === 'missing' && d.criterion.rule !== 'adjust')).toHaveLength(u.missing);
      expect(details.filter((d) => d.status === 'na')).toHaveLength(u.na);
      expect(details.filter((d) => d.status === 'self')).toHaveLength(u.unappraised);
    });
  });

  it('lists area losses summing to the total loss and the largest lost leaves first', () => {
    const e = explainUnit(s.result, s.inputs, 'ldtbxh', { top: 0 });
    expect(e.areas.map((a) => a.code)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    expect(e.areas.reduce((a, b) => a.add(b.lost), Exact.ZERO).eq(e.lost)).toBe(true);
    expect(e.leaves.length).toBe(e.lostLeaves);
    for (let i = 1; i < e.leaves.length; i++) expect(e.leaves[i - 1].lost.cmp(e.leaves[i].lost)).toBeGreaterThanOrEqual(0);
    // The two 1.5-point yes/no leaves answered "no" come first, in framework order.
    expect(e.leaves.slice(0, 2).map((l) => [l.code, l.rule, l.input, l.points.toString(), l.max.toString()])).toEqual([
      ['5.1', 'yesno', '0', '0', '1.5'],
      ['7.4', 'yesno', '0', '0', '1.5'],
    ]);
    expect(explainUnit(s.result, s.inputs, 'ldtbxh').leaves).toHaveLength(10);
  });

  it('rejects an unknown unit with a located error naming it and the number of units', () => {
    let err: unknown;
    try {
      explainUnit(s.result, s.inputs, 'so-khong-co', { unitsFile: 'units.csv' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ParIndexError);
    const pe = err as ParIndexError;
    expect(pe.code).toBe('unknown-unit');
    expect(pe.file).toBe('units.csv');
    expect(pe.issues[0].value).toBe('so-khong-co');
    expect(pe.message).toContain('"so-khong-co"');
    expect(pe.message).toContain('52 units');
    const res = safe(() => explainUnit(s.result, s.inputs, 'so-khong-co'));
    expect(res.ok).toBe(false);
    expect(safe(() => explainUnit(s.result, s.inputs, 'ldtbxh')).ok).toBe(true);
  });
});

// A hand-worked round: applicable max 13 (9 for u3, where 1.2 is NA); bonus/penalty in area 3.
const FW = csv(
  'code,title,max,method,rule,params,groups',
  '1,Area one,,,,,',
  '1.1,points leaf,6,appraisal,points,,',
  '1.2,yes/no leaf,4,appraisal,yesno,,',
  '2,Area two,,,,,',
  '2.1,ratio leaf,3,appraisal,ratio,target=30,',
  '3,Bonus and penalty,,,,,',
  '3.1,penalty,,appraisal,adjust,min=-2 max=1,',
);
const UNITS = csv('unit,name,group', 'u1,One,g', 'u2,Two,g', 'u3,Three,g', 'u4,Four,g');
const EVIDENCE = csv(
  'unit,criterion,self,appraised',
  'u1,1.1,5,', // self stands: 5
  'u1,1.2,yes,yes',
  'u1,2.1,20,20', // 3 × 20/30 = 2 → 11/13
  'u2,1.1,6,6',
  'u2,1.2,yes,no',
  'u2,2.1,35,30', // capped at the target: 3
  'u2,3.1,0,-0.5', // 6 + 0 + 3 − 0.5 = 8.5 → 850/13
  'u3,1.1,3,3',
  'u3,1.2,NA,NA',
  'u3,2.1,10,10', // 3 + 1 = 4 of 9 → 400/9
  'u4,1.1,5,5',
  'u4,1.2,x,x',
  'u4,2.1,20,20', // = u1
);

describe('explain on a hand-worked round', () => {
  const r = round(FW, UNITS, EVIDENCE);
  const result = scoreMatrix(r.fw, r.units, r.inputs, { bands: 'A>=80; B>60' });

  it('gives exact gaps in index points and in raw points on the unit max', () => {
    const e = explainUnit(result, r.inputs, 'u2');
    expect(e.index!.eq(x(850, 13))).toBe(true);
    expect(e.rank).toBe(3);
    expect(e.above!.unit).toBe('u1'); // u1 and u4 tie at 1100/13; the id breaks the listing tie
    expect(e.above!.indexGap.eq(x(250, 13))).toBe(true);
    expect(e.above!.pointsGap.eq(x(5, 2))).toBe(true); // 250/13 × 13/100 = 2.5 raw points
    expect(e.below!.unit).toBe('u3');
    expect(e.below!.indexGap.eq(x(2450, 117))).toBe(true); // 850/13 − 400/9
    expect(e.below!.pointsGap.eq(x(49, 18))).toBe(true); // × 13/100
    expect(e.bands.map((b) => [b.band, b.reached, b.indexGap.toString(), b.pointsGap.toString()])).toEqual([
      ['A', false, '190/13', '1.9'],
      ['B', true, '-70/13', '-0.7'],
    ]);
    expect(e.band).toBe('B');
  });

  it('lists losses per area and per leaf, a penalty counting as a loss', () => {
    const e = explainUnit(result, r.inputs, 'u2');
    expect(e.areas.map((a) => [a.code, a.points.toString(), a.max.toString(), a.lost.toString()])).toEqual([
      ['1', '6', '10', '4'],
      ['2', '3', '3', '0'],
      ['3', '-0.5', '0', '0.5'],
    ]);
    expect(e.leaves.map((l) => [l.code, l.status, l.input, l.points.toString(), l.max.toString(), l.lost.toString()])).toEqual([
      ['1.2', 'appraised', '0', '0', '4', '4'],
      ['3.1', 'appraised', '-0.5', '-0.5', '0', '0.5'],
    ]);
    expect(e.lost.eq(x(9, 2))).toBe(true);
    expect(explainUnit(result, r.inputs, 'u2', { top: 1 }).leaves).toHaveLength(1);
    expect(explainUnit(result, r.inputs, 'u2', { top: 1 }).lostLeaves).toBe(2);
  });

  it('reports ties, self-standing rows, NA leaves and a missing adjust row', () => {
    const e1 = explainUnit(result, r.inputs, 'u1');
    expect(e1.rank).toBe(1);
    expect(e1.tiedWith).toEqual(['u4']);
    expect(e1.above).toBeNull();
    expect(e1.below!.unit).toBe('u2');
    expect(e1.unappraised).toBe(1);
    expect(e1.leaves.map((l) => [l.code, l.status, l.input, l.lost.toString()])).toEqual([
      ['1.1', 'self', '5', '1'], // equal losses keep framework order
      ['2.1', 'appraised', '20', '1'],
    ]);
    expect(e1.missing).toBe(0); // no 3.1 (adjust) row: 0 points, not missing
    const e3 = explainUnit(result, r.inputs, 'u3');
    expect([e3.na, e3.max.toString(), e3.rank, e3.below]).toEqual([1, '9', 4, null]);
    expect(e3.above!.unit).toBe('u2');
    expect(e3.above!.pointsGap.eq(x(2450, 117).mul(x(9, 100)))).toBe(true); // on u3's own max of 9
  });

  it('prints rounded figures and the exact gaps in JSON', () => {
    const j = explanationJson(explainUnit(result, r.inputs, 'u2'), { decimals: 2, rounding: 'half-up' });
    expect(j.index).toBe('65.38');
    expect(j.above).toMatchObject({ unit: 'u1', indexGap: '19.23', pointsGap: '2.50', indexGapExact: '250/13', pointsGapExact: '2.5' });
    expect(j.below).toMatchObject({ unit: 'u3', indexGap: '20.94', pointsGap: '2.72', pointsGapExact: '49/18' });
  });
});

describe('parindex explain (CLI)', () => {
  const args = ['--framework', join(SAMPLE, 'framework.csv'), '--units', join(SAMPLE, 'units.csv'), '--evidence', join(SAMPLE, 'evidence.csv'), '--survey', join(SAMPLE, 'survey.csv')];

  it('writes JSON with the gaps to --out atomically', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parindex-explain-'));
    const out = join(dir, 'ldtbxh.json');
    const r = await runCli(['explain', ...args, '--unit', 'ldtbxh', '--format', 'json', '--out', out, '--bands', 'A>=90']);
    expect(r.code).toBe(0);
    const j = JSON.parse(readFileSync(out, 'utf8'));
    expect([j.unit, j.index, j.rank, j.above.unit, j.above.indexGap, j.below.unit, j.below.indexGap]).toEqual(['ldtbxh', '89.71', 2, 'tai-chinh', '0.12', 'noi-vu', '0.95']);
    expect(j.bands[0]).toMatchObject({ band: 'A', reached: false, indexGap: '0.29' });
  });

  it('prints a table and CSV', async () => {
    const t = await runCli(['explain', ...args, '--unit', 'ldtbxh']);
    expect(t.code).toBe(0);
    expect(t.stdout).toContain('rank 2 of 22');
    expect(t.stdout).toMatch(/to draw level with the unit above\s+tai-chinh\s+1\s+89\.83\s+0\.12\s+0\.12/);
    const c = await runCli(['explain', ...args, '--unit', 'ldtbxh', '--format', 'csv', '--decimals', '4']);
    expect(c.code).toBe(0);
    const lines = c.stdout.trim().split('\r\n');
    expect(lines[0]).toBe('section,item,name,rank,index,indexGap,pointsGap,rule,status,input,points,max,lost');
    expect(lines.find((l) => l.startsWith('above,'))).toContain(',0.1204,'); // 11441/95000 = 0.12043…
  });

  it('exits 1 naming an unknown unit, 2 without --unit, and leaves no output file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parindex-explain-'));
    const out = join(dir, 'x.json');
    const r = await runCli(['explain', ...args, '--unit', 'nope', '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('"nope"');
    expect(r.stderr).toContain('52 units');
    expect(existsSync(out)).toBe(false);
    expect((await runCli(['explain', ...args])).code).toBe(2);
    expect((await runCli(['explain', ...args, '--unit', 'ldtbxh', '--top', 'many'])).code).toBe(2);
    expect((await runCli(['explain', '--units', join(SAMPLE, 'units.csv'), '--unit', 'ldtbxh'])).code).toBe(2);
  });
});

describe('unitLeafDetails: every way a leaf is read', () => {
  const fw = csv(
    'code,title,max,method,rule,params,groups',
    '1,A,,,,,',
    '1.1,a,2,,points,,',
    '1.2,b,2,,points,,',
    '1.3,c,2,,points,,',
    '1.4,d,1,,yesno,,',
    '1.5,e,2,,points,,',
    '1.6,f,2,,points,,',
    '1.7,g,2,,points,,',
    '2,S,,survey,,,',
    '2.1,s,3,,,,',
    '2.2,t,3,,,,',
    '3,B,,,,,',
    '3.1,bonus,,,adjust,max=1,',
  );
  const ev = csv('unit,criterion,self,appraised', 'u,1.1,1,2', 'u,1.2,NA,1.5', 'u,1.3,1.5,NA', 'u,1.4,yes,', 'u,1.6,NA,', 'u,1.7,NA,NA', 'u,3.1,0.5,');
  const r = round(fw, csv('unit,name,group', 'u,U,g'), ev, csv('unit,criterion,score', 'u,2.1,50', 'u,2.2,NA'));

  it('gives status, input, points, max and (where the appraised cell counted) the self alternative', () => {
    const rows = unitLeafDetails(r.fw, r.inputs, 0).map((d) => [d.criterion.code, d.status, d.input, d.points.toString(), d.max.toString(), d.self ? [d.self.input, d.self.points.toString(), d.self.max.toString()] : null]);
    expect(rows).toEqual([
      ['1.1', 'appraised', '2', '2', '2', ['1', '1', '2']],
      ['1.2', 'appraised', '1.5', '1.5', '2', ['NA', '0', '0']],
      ['1.3', 'na', 'NA', '0', '0', ['1.5', '1.5', '2']],
      ['1.4', 'self', '1', '1', '1', null],
      ['1.5', 'missing', null, '0', '2', null],
      ['1.6', 'na', 'NA', '0', '0', null],
      ['1.7', 'na', 'NA', '0', '0', ['NA', '0', '0']],
      ['2.1', 'survey', '50', '1.5', '3', null],
      ['2.2', 'na', 'NA', '0', '0', null],
      ['3.1', 'self', '0.5', '0.5', '0', null],
    ]);
    const u = scoreMatrix(r.fw, r.units, r.inputs).units[0];
    // 2 + 1.5 + 1 + 1.5 + 0.5 = 6.5 of 2 + 2 + 1 + 2 + 3 = 10
    expect([u.points.toString(), u.max.toString(), u.index!.toString()]).toEqual(['6.5', '10', '65']);
  });
});
