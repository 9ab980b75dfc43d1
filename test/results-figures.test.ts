/**
 * The published table's figures printed from the kernel's totals (results-model.ts `Figures`:
 * numerators over the round's denominator, rounded by `fixedText`) are the figures the unit's exact
 * values print (`toFixed(decimals, rounding)`): `fixedText` against `Exact.toFixed` and by hand, the
 * sample's published figures, and whole published reports against the same report made from the
 * exact values (a result without its totals) on generated rounds with every option.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Exact } from '../src/numbers/exact.js';
import { fixedText } from '../src/numbers/exact.js';
import { Figures, publishedReport } from '../src/report/results-model.js';
import { SelfSides } from '../src/scoring/self-sides.js';
import { totalsOf } from '../src/scoring/result-totals.js';
import { type ScoreOptions, type ScoreResult, scoreMatrix } from '../src/scoring/score.js';
import { syntheticRound } from '../src/testing/round-gen.js';
import { csv, round, sampleText, scoreCsv } from './support/round.js';

/** The same result without the totals it was ranked from: every figure from the exact values. */
const exactOnly = (r: ScoreResult): ScoreResult => Object.create(r);

describe('fixedText', () => {
  it('by hand: rounding at the last place, both modes, signs, leading zeros', () => {
    expect(fixedText(1_234_567, 10_000, 2, 'half-up')).toBe('123.46');
    expect(fixedText(125, 1000, 2, 'half-up')).toBe('0.13');
    expect(fixedText(125, 1000, 2, 'half-even')).toBe('0.12');
    expect(fixedText(135, 1000, 2, 'half-even')).toBe('0.14');
    expect(fixedText(-5, 1000, 2, 'half-up')).toBe('-0.01');
    expect(fixedText(-5, 1000, 2, 'half-even')).toBe('0.00');
    expect(fixedText(-4, 1000, 2, 'half-up')).toBe('0.00');
    expect(fixedText(7, 1, 0, 'half-up')).toBe('7');
    expect(fixedText(1, 3, 4, 'half-up')).toBe('0.3333');
    expect(fixedText(2, 3, 0, 'half-up')).toBe('1');
    // 100 × 8,983 / 10,000 (a component index: the round's denominator cancels).
    expect(fixedText(100 * 8983, 10_000, 2, 'half-up')).toBe('89.83');
    // Outside exact doubles: left to the exact path.
    expect(fixedText(Number.MAX_SAFE_INTEGER, 7, 2, 'half-up')).toBeUndefined();
    expect(fixedText(1, 3, 16, 'half-up')).toBeUndefined();
    expect(fixedText(1, 0, 2, 'half-up')).toBeUndefined();
  });

  it('equals Exact.toFixed wherever it answers', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
        fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
        fc.integer({ min: 0, max: 15 }),
        fc.constantFrom('half-up' as const, 'half-even' as const),
        (n, d, decimals, rounding) => {
          const t = fixedText(n, d, decimals, rounding);
          if (t !== undefined) expect(t).toBe(Exact.of(n, d).toFixed(decimals, rounding));
        },
      ),
      { numRuns: 3000 },
    );
    // Small numbers (always answered), and exact halves at the last printed place.
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000, max: 10_000_000 }), fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 0, max: 6 }), fc.constantFrom('half-up' as const, 'half-even' as const), (n, d, decimals, rounding) => {
        expect(fixedText(n, d, decimals, rounding)).toBe(Exact.of(n, d).toFixed(decimals, rounding));
        const half = 10 ** (decimals + 1);
        expect(fixedText((2 * n + 1) * 5, half, decimals, rounding)).toBe(Exact.of((2 * n + 1) * 5, half).toFixed(decimals, rounding));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('published figures from the totals', () => {
  it('the sample: the published figures of expected-score.json', () => {
    const r = scoreCsv(sampleText('framework.csv'), sampleText('units.csv'), sampleText('evidence.csv'), sampleText('survey.csv'));
    expect(totalsOf(r)?.path).toBe('fast');
    const expected: { units: { unit: string; index: string; points: string; max: string; areas: Record<string, { points: string; max: string }> }[] } = JSON.parse(sampleText('expected-score.json'));
    const report = publishedReport(r);
    let seen = 0;
    for (const league of report.leagues) {
      const col = (role: string, area?: string) => league.columns.findIndex((c) => c.role === role && c.area === area);
      for (const row of league.rows) {
        const u = expected.units.find((x) => x.unit === row.unit)!;
        const text = (i: number) => {
          const c = row.cells[i];
          return c.kind === 'empty' ? null : c.text;
        };
        expect(text(col('index'))).toBe(u.index);
        expect(text(col('total'))).toBe(u.points);
        expect(text(col('totalMax'))).toBe(u.max);
        for (const [code, a] of Object.entries(u.areas)) {
          expect(text(col('points', code))).toBe(a.points);
          const m = col('areaMax', code);
          if (m >= 0) expect(text(m)).toBe(a.max);
          seen++;
        }
      }
    }
    expect(seen).toBeGreaterThan(300);
    expect(report).toEqual(publishedReport(exactOnly(r)));
  });

  it('by hand: maxima varying within the league, an area whose leaves are all NA (max 0, no component index)', () => {
    const fw = csv('code,title,max,method,rule,params,groups', '1,Chỉ đạo,,,,,', '1.1,Kế hoạch,2,,points,,', '1.2,Báo cáo,3,,points,,', '2,Thủ tục,4,,,,', '2.1,Công khai,4,,points,,');
    const units = csv('unit,name,group,rankGroup', 'a,A,s,L', 'b,B,s,L', 'c,C,s,L');
    const evidence = csv('unit,criterion,self', 'a,1.1,1.5', 'a,1.2,NA', 'a,2.1,3', 'b,1.1,2', 'b,1.2,2.25', 'b,2.1,1', 'c,1.1,1', 'c,1.2,3', 'c,2.1,NA');
    const r = scoreCsv(fw, units, evidence);
    expect(totalsOf(r)?.path).toBe('fast');
    const [league] = publishedReport(r).leagues;
    expect(league.columns.map((c) => `${c.role}${c.area ?? ''}`)).toEqual(['rank', 'name', 'points1', 'areaMax1', 'percent1', 'points2', 'areaMax2', 'percent2', 'total', 'totalMax', 'index', 'unitId', 'leagueId']);
    const texts = league.rows.map((row) => row.cells.map((c) => (c.kind === 'empty' ? '' : c.text)));
    // c: 4 of 5 (index 80), a: 4.5 of 6 (75), b: 5.25 of 9 (58.33…); c's area 2 is NA: 0 of 0, no component index.
    expect(texts).toEqual([
      ['1', 'C', '4.00', '5.00', '80.00', '0.00', '0.00', '', '4.00', '5.00', '80.00', 'c', 'L'],
      ['2', 'A', '1.50', '2.00', '75.00', '3.00', '4.00', '75.00', '4.50', '6.00', '75.00', 'a', 'L'],
      ['3', 'B', '4.25', '5.00', '85.00', '1.00', '4.00', '25.00', '5.25', '9.00', '58.33', 'b', 'L'],
    ]);
    expect(publishedReport(r)).toEqual(publishedReport(exactOnly(r)));
  });

  it('generated rounds, every option: the report made from the exact values', () => {
    const cases: { spec: Parameters<typeof syntheticRound>[0]; opts: ScoreOptions }[] = [
      { spec: { units: 300, criteria: 40, seed: 1 }, opts: {} },
      { spec: { units: 200, criteria: 25, seed: 2 }, opts: { decimals: 0, rounding: 'half-even' } },
      { spec: { units: 200, criteria: 25, seed: 3 }, opts: { decimals: 5, rounding: 'half-even', bands: 'A>=90; B>=70' } },
      { spec: { units: 120, criteria: 30, seed: 4 }, opts: { decimals: 15 } },
      { spec: { units: 120, criteria: 30, seed: 4 }, opts: { decimals: 20 } },
      { spec: { units: 120, criteria: 30, seed: 5 }, opts: { clamp: true } },
      { spec: { units: 120, criteria: 30, seed: 6, targets: 'coprime' }, opts: { decimals: 12 } },
      { spec: { preset: 'hanoi' }, opts: { ties: 'dense', rankOn: 'rounded', decimals: 1 } },
      { spec: { preset: 'city' }, opts: { decimals: 3 } },
    ];
    let fast = 0;
    for (const { spec, opts } of cases) {
      const round = syntheticRound(spec);
      const fw = round.framework();
      const units = round.units();
      const result = scoreMatrix(fw, units, round.inputs(fw, units), opts);
      const t = totalsOf(result);
      if (t?.path === 'fast' && !t.extra) fast++;
      for (const f of [result.settings, { decimals: 3, rounding: 'half-even' as const }]) {
        const report = publishedReport(result, f);
        expect(report, JSON.stringify(spec)).toEqual(publishedReport(exactOnly(result), f));
      }
    }
    expect(fast).toBeGreaterThanOrEqual(6);
  });

  it('by hand: the self-vs-appraised figures (self points and index, the adjustments per area and in total)', () => {
    const fw = csv('code,title,max,method,rule,params,groups', '1,Chỉ đạo,,,,,', '1.1,Kế hoạch,2,,points,,', '1.2,Báo cáo,3,,points,,', '2,Thủ tục,4,,,,', '2.1,Công khai,4,,points,,');
    const units = csv('unit,name,group,rankGroup', 'a,A,s,L', 'b,B,s,L');
    const evidence = csv('unit,criterion,self,appraised', 'a,1.1,2,1.5', 'a,1.2,3,2.25', 'a,2.1,4,3', 'b,1.1,1,', 'b,1.2,NA,', 'b,2.1,2,4');
    const r = round(fw, units, evidence);
    const result = scoreMatrix(r.fw, r.units, r.inputs);
    expect(totalsOf(result)?.path).toBe('fast');
    const sides = new SelfSides(r.fw, r.inputs);
    const rows = (res: ScoreResult) => {
      const figures = new Figures(res, res.settings);
      return res.units.map((u) => {
        const at = r.inputs.unitIndex.get(u.unit)!;
        const perArea = res.framework.areas.flatMap((a, i) => {
          const self = sides.area(at, i)!;
          return [self.points.toFixed(2), figures.areaPoints(u, i, a.code), figures.areaLess(u, i, a.code, self.points)];
        });
        return [u.unit, ...perArea, figures.selfPoints(u), figures.total(u), figures.totalLessSelf(u), figures.selfIndex(u), figures.index(u)];
      });
    };
    // a: area 1 self 5, appraised 3.75; area 2 self 4, appraised 3; 9 of 9 claimed (100), 6.75 of 9 after appraisal (75).
    // b: 1.1 unappraised (its self 1 stands), 1.2 NA (max 2); area 2 self 2, appraised 4: 3 of 6 claimed (50), 5 of 6 (83.33).
    expect(rows(result)).toEqual([
      ['b', '1.00', '1.00', '0.00', '2.00', '4.00', '2.00', '3.00', '5.00', '2.00', '50.00', '83.33'],
      ['a', '5.00', '3.75', '-1.25', '4.00', '3.00', '-1.00', '9.00', '6.75', '-2.25', '100.00', '75.00'],
    ]);
    expect(rows(exactOnly(result))).toEqual(rows(result));
  });

  it('generated rounds: the self-vs-appraised figures equal the exact values rounded once', () => {
    const fmt = (x: Exact | null, f: { decimals: number; rounding: 'half-up' | 'half-even' }) => (x === null ? null : x.toFixed(f.decimals, f.rounding));
    const cases: { spec: Parameters<typeof syntheticRound>[0]; opts: ScoreOptions }[] = [
      { spec: { units: 200, criteria: 40, seed: 11 }, opts: {} },
      { spec: { units: 150, criteria: 25, seed: 12 }, opts: { decimals: 0, rounding: 'half-even' } },
      { spec: { units: 150, criteria: 30, seed: 13 }, opts: { clamp: true, decimals: 4 } },
      { spec: { units: 100, criteria: 30, seed: 14, targets: 'coprime' }, opts: { decimals: 12 } },
      { spec: { preset: 'hanoi' }, opts: { decimals: 1 } },
    ];
    let checked = 0;
    for (const { spec, opts } of cases) {
      const gen = syntheticRound(spec);
      const fw = gen.framework();
      const units = gen.units();
      const inputs = gen.inputs(fw, units);
      const result = scoreMatrix(fw, units, inputs, opts);
      const f = result.settings;
      const figures = new Figures(result, f);
      const sides = new SelfSides(fw, inputs);
      for (const u of result.units) {
        const at = inputs.unitIndex.get(u.unit)!;
        fw.areas.forEach((a, i) => {
          const self = sides.area(at, i);
          if (!self) return;
          expect(figures.areaLess(u, i, a.code, self.points)).toBe(fmt(u.areas.get(a.code)!.points.sub(self.points), f));
          checked++;
        });
        expect(figures.selfPoints(u)).toBe(fmt(u.selfPoints, f));
        expect(figures.totalLessSelf(u)).toBe(fmt(u.points.sub(u.selfPoints), f));
        expect(figures.selfIndex(u)).toBe(fmt(u.selfIndex, f));
        expect(figures.index(u)).toBe(fmt(u.index, f));
        expect(figures.total(u)).toBe(fmt(u.points, f));
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });
});
