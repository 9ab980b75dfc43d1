/**
 * The coprime-targets cliff (the issue "the exact fast path falls off a cliff"): 120 ratio leaves whose
 * targets are distinct primes make one common denominator 10^E × lcm(targets) far larger than 2^53.
 * Such a round used to go to the bigint path (3,000 units: about a minute); the fast path now keeps
 * each unit's points per denominator class. Here: the 3,000-unit round is scored on the fast path,
 * and a smaller one gives exactly the bigint path's and decimal.js's results.
 */
import { describe, expect, it } from 'vitest';
import { buildInputs } from '../src/criteria/evidence.js';
import { buildFramework, type Framework } from '../src/criteria/framework.js';
import { InputMatrix } from '../src/criteria/inputs.js';
import { buildUnits, type Units } from '../src/criteria/units.js';
import { compilePlan } from '../src/scoring/kernel.js';
import { scoreResultJson } from '../src/scoring/result-json.js';
import { scoreMatrix } from '../src/scoring/score.js';
import { parseCsvTable } from '../src/table/csv.js';
import { RefDecimal, scoreWithDecimal } from '../src/testing/decimal-reference.js';
import { primesFrom } from '../src/testing/framework-gen.js';
import { SeededRandom } from '../src/testing/random.js';
import { syntheticRound } from '../src/testing/round-gen.js';
import { csv } from './support/round.js';

const LEAVES = 120;
/** 120 ratio leaves in 6 areas, targets the primes 1009, 1013, … (no two share a factor), plus a survey and an adjust leaf per area. */
function framework(): Framework {
  const primes = primesFrom(1000, LEAVES);
  const rows = ['code,title,max,method,rule,params,groups'];
  for (let a = 1; a <= 6; a++) rows.push(`${a},Area ${a},,,,,`);
  primes.forEach((p, i) => rows.push(`${(i % 6) + 1}.${Math.floor(i / 6) + 1},Tỷ lệ,${['1', '1.5', '2', '0.25'][i % 4]},,ratio,target=${p},`));
  for (let a = 1; a <= 6; a++) rows.push(`${a}.91,Điều tra,2,survey,survey,,`, `${a}.92,Điểm thưởng,,,adjust,min=-1 max=1,`);
  return buildFramework(parseCsvTable(csv(...rows)));
}
const unitsOf = (n: number): Units => buildUnits(parseCsvTable(csv('unit,name,group,rankGroup', ...Array.from({ length: n }, (_, i) => `u${i},Unit ${i},${i % 3 ? 'huyen' : 'so'},${i % 3 ? 'huyen' : 'so'}`))));

describe('120 ratio leaves with coprime targets', () => {
  it('3,000 units are scored on the fast path', () => {
    const fw = framework();
    const units = unitsOf(3000);
    // Inputs straight into the matrix (values 0.00–1,500.00, some NA, some rows missing or unappraised).
    const m = new InputMatrix(fw, units);
    const rng = new SeededRandom(7, 1);
    for (let u = 0; u < units.list.length; u++) {
      fw.leaves.forEach((c, j) => {
        if (c.rule === 'adjust' && !rng.chance(0.3)) return;
        const r = rng.float();
        if (r < 0.01) return; // missing
        const cell = m.cell(u, j);
        m.present[cell] = 1;
        if (c.rule === 'survey') return r < 0.03 ? m.setNA(cell, 1) : m.setScaled(cell, 1, rng.int(4000, 10000), 2);
        const v = () => (c.rule === 'adjust' ? rng.int(-4, 4) * 25 : rng.int(0, 150_000));
        if (r < 0.03 && c.rule !== 'adjust') {
          m.setNA(cell, 0);
          m.setNA(cell, 1);
          return;
        }
        m.setScaled(cell, 0, v(), 2);
        if (r > 0.07) m.setScaled(cell, 1, v(), 2);
      });
    }
    const plan = compilePlan(fw, m)!;
    expect(plan).toBeDefined();
    expect(plan.extra!.dens.length).toBeGreaterThan(10); // the targets need many denominator classes
    const t = performance.now();
    const result = scoreMatrix(fw, units, m);
    let printed = 0;
    for (const u of result.units) if (u.index) printed += u.index.toFixed(2).length;
    const ms = performance.now() - t;
    expect(result.path).toBe('fast');
    expect(printed).toBeGreaterThan(3000 * 4);
    // Seconds, not a minute, even on a busy machine (≈0.1–0.3 s measured; the bigint path took ~70 s).
    expect(ms).toBeLessThan(20_000);
  }, 120_000);

  it('on 40 units the fast path gives exactly the bigint path and decimal.js', () => {
    const fw = framework();
    const units = unitsOf(40);
    const rng = new SeededRandom(11, 2);
    const ev: string[] = [];
    const sv: string[] = [];
    for (const u of units.list) {
      for (const c of fw.leaves) {
        const r = rng.float();
        if (r < 0.02) continue;
        const v = () => (c.rule === 'adjust' ? String(rng.int(-4, 4) / 4) : (rng.int(0, 150_000) / 100).toFixed(2));
        if (c.rule === 'survey') sv.push(`${u.id},${c.code},${r < 0.05 ? 'NA' : (rng.int(4000, 10000) / 100).toFixed(2)}`);
        else if (c.rule === 'adjust') ev.push(`${u.id},${c.code},${v()},${r < 0.5 ? '' : v()},,`);
        else ev.push(`${u.id},${c.code},${r < 0.05 ? 'NA' : v()},${r < 0.1 ? '' : r < 0.12 ? 'NA' : v()},,`);
      }
    }
    const evidence = parseCsvTable(csv('unit,criterion,self,appraised,evidence,note', ...ev));
    const survey = parseCsvTable(csv('unit,criterion,score', ...sv));
    const inputs = buildInputs(fw, units, { evidence, survey });
    const fast = scoreMatrix(fw, units, inputs);
    const exact = scoreMatrix(fw, units, inputs, { path: 'exact' });
    expect([fast.path, exact.path]).toEqual(['fast', 'exact']);
    expect(scoreResultJson(fast, { decimals: 20, rounding: 'half-even' })).toEqual(scoreResultJson(exact, { decimals: 20, rounding: 'half-even' }));
    const ref = scoreWithDecimal(
      fw,
      units,
      evidence.rows.map((r) => ({ unit: r.cells[0], criterion: r.cells[1], self: r.cells[2], appraised: r.cells[3] })),
      survey.rows.map((r) => ({ unit: r.cells[0], criterion: r.cells[1], score: r.cells[2] })),
    );
    fast.units.forEach((u, i) => {
      const e = exact.units[i];
      expect([u.unit, u.rank, u.index?.toString(), u.selfIndex?.toString(), u.points.toString(), u.selfPoints.toString(), u.max.toString(), u.missing, u.na, u.unappraised]).toEqual([
        e.unit,
        e.rank,
        e.index?.toString(),
        e.selfIndex?.toString(),
        e.points.toString(),
        e.selfPoints.toString(),
        e.max.toString(),
        e.missing,
        e.na,
        e.unappraised,
      ]);
      expect([...u.areas].map(([k, a]) => `${k}:${a.points}/${a.max}`)).toEqual([...e.areas].map(([k, a]) => `${k}:${a.points}/${a.max}`));
      // The exact index has a denominator of hundreds of digits; decimal.js at 60 digits agrees to 1e-40.
      const d = ref.get(u.unit)!;
      expect(new RefDecimal(u.index!.num.toString()).div(u.index!.den.toString()).minus(d.index!).abs().lt('1e-40')).toBe(true);
    });
    expect(fast.units.some((u) => u.index!.den.toString().length > 100)).toBe(true);
    for (const [k, l] of fast.leagues) expect([l.mean?.toString(), l.min?.toString(), l.max?.toString()], k).toEqual([exact.leagues.get(k)!.mean?.toString(), exact.leagues.get(k)!.min?.toString(), exact.leagues.get(k)!.max?.toString()]);
  });

  it('the benchmark shape (syntheticRound targets: coprime) stays on the fast path and scores like the bigint path', () => {
    const r = syntheticRound({ units: 30, criteria: 60, targets: 'coprime', seed: 3 });
    const fw = r.framework();
    const ratios = fw.leaves.filter((c) => c.rule === 'ratio');
    expect(ratios.length).toBeGreaterThan(40);
    expect(new Set(ratios.map((c) => c.params.target!.num)).size).toBe(ratios.length);
    const units = r.units();
    const inputs = r.inputs(fw, units);
    const fast = scoreMatrix(fw, units, inputs);
    expect(fast.path).toBe('fast');
    expect(compilePlan(fw, inputs)!.extra).toBeDefined();
    const exact = scoreMatrix(fw, units, inputs, { path: 'exact' });
    expect(scoreResultJson(fast, { decimals: 20, rounding: 'half-up' })).toEqual(scoreResultJson(exact, { decimals: 20, rounding: 'half-up' }));
  });
});
