/**
 * `sensitivity`: seeded weight perturbation (and appraisal reversion). Same seed → same report;
 * spread 0 → nothing moves; a run's perturbed index equals the hand formula Σ f·points / Σ f·max;
 * reverting every appraised cell gives the selfIndex exactly; rank statistics are ordered; the CLI.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { safe } from '../src/errors.js';
import { describe, expect, it, vi } from 'vitest';
import { buildInputs } from '../src/criteria/evidence.js';
import { hanoi2021Framework, hanoi2021Units, sampleTables } from '../src/data/sample.js';
import { sensitivityJson, sensitivityRows, sensitivityText } from '../src/report/sensitivity-output.js';
import { Exact } from '../src/numbers/exact.js';
import { mulberry32, UINT32_RANGE } from '../src/numbers/prng.js';
import { drawWeightFactors } from '../src/analysis/perturbations.js';
import { parseRevert, parseSpread, sensitivity } from '../src/analysis/sensitivity.js';
import { scoreMatrix } from '../src/scoring/score.js';
import { runCli } from './support/cli.js';
import { catchError, csv, round, SAMPLE } from './support/round.js';

const F = { decimals: 2, rounding: 'half-up' } as const;

function sample() {
  const t = sampleTables();
  const fw = hanoi2021Framework();
  const units = hanoi2021Units();
  const inputs = buildInputs(fw, units, { evidence: t.evidence, survey: t.survey });
  return { inputs, result: scoreMatrix(fw, units, inputs) };
}

describe('mulberry32', () => {
  it('is deterministic per seed, in range and roughly uniform', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const xs = Array.from({ length: 10_000 }, () => a.nextUint32());
    expect(xs).toEqual(Array.from({ length: 10_000 }, () => b.nextUint32()));
    expect(xs.slice(0, 10)).not.toEqual(Array.from({ length: 10 }, () => c.nextUint32()));
    for (const x of xs) expect(Number.isInteger(x) && x >= 0 && x < 2 ** 32).toBe(true);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(Math.abs(mean / 2 ** 31 - 1)).toBeLessThan(0.02);
    expect(new Set(xs).size).toBeGreaterThan(9_990);
  });
});

describe('drawWeightFactors', () => {
  it('draws factors within [1 − spread, 1 + spread)', () => {
    const spread = Exact.of(1, 10);
    const { k, scale } = drawWeightFactors(50, 40, 7, spread);
    expect(scale).toBe(10n * UINT32_RANGE);
    const lo = (scale * 9n) / 10n;
    const hi = (scale * 11n) / 10n;
    for (const row of k) for (const f of row) expect(f >= lo && f < hi).toBe(true);
    const { k: zero } = drawWeightFactors(5, 3, 7, Exact.ZERO);
    for (const row of zero) for (const f of row) expect(f).toBe(UINT32_RANGE);
  });
});

describe('sensitivity on the Hà Nội sample', () => {
  const s = sample();

  it('is deterministic: the same seed gives the same report, another seed other draws', () => {
    const a = sensitivityJson(sensitivity(s.result, s.inputs, { runs: 50, seed: 5 }), F);
    const b = sensitivityJson(sensitivity(s.result, s.inputs, { runs: 50, seed: 5 }), F);
    const c = sensitivity(s.result, s.inputs, { runs: 50, seed: 6 });
    expect(a).toEqual(b);
    const d = sensitivity(s.result, s.inputs, { runs: 50, seed: 5 });
    // Different draws → different extreme indices (exact values).
    const ext = (r: typeof c) => r.units.map((u) => `${u.minIndex}|${u.maxIndex}`).join(',');
    expect(ext(c)).not.toBe(ext(d));
    expect([a.runs, a.seed, a.mode, a.spread]).toEqual([50, 5, 'weights', '0.1']);
  });

  it('with spread 0 every run keeps the base rank and index', () => {
    const r = sensitivity(s.result, s.inputs, { runs: 5, spread: '0' });
    for (const u of r.units) {
      const base = s.result.units.find((x) => x.unit === u.unit)!;
      expect([u.minRank, u.maxRank, u.medianRank!.toString()]).toEqual([base.rank, base.rank, String(base.rank)]);
      expect(u.keepShare!.eq(Exact.ONE)).toBe(true);
      expect(u.meanShift!.sign()).toBe(0);
      expect(u.minIndex!.eq(base.index!) && u.maxIndex!.eq(base.index!)).toBe(true);
    }
    for (const l of Object.values(r.leagues)) {
      expect(l.neverMoved).toBe(l.units);
      expect(l.meanSpearman!.eq(Exact.ONE)).toBe(true);
    }
    expect(r.leagues.get('so')!.units).toBe(22);
    expect(r.leagues.get('quan-huyen')!.units).toBe(30);
  });

  it('keeps min ≤ median ≤ max within 1..league size, whatever the seed and spread', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 99 }), (seed, runs, pct) => {
        const r = sensitivity(s.result, s.inputs, { runs, seed, spread: Exact.of(pct, 100) });
        for (const u of r.units) {
          const size = r.leagues.get(u.rankGroup)!.units;
          expect(u.minRank!).toBeGreaterThanOrEqual(1);
          expect(Exact.of(u.minRank!).cmp(u.medianRank!)).toBeLessThanOrEqual(0);
          expect(u.medianRank!.cmp(Exact.of(u.maxRank!))).toBeLessThanOrEqual(0);
          expect(u.maxRank!).toBeLessThanOrEqual(size);
          expect(u.minIndex!.cmp(u.maxIndex!)).toBeLessThanOrEqual(0);
          expect(u.keepShare!.sign() >= 0 && u.keepShare!.cmp(Exact.ONE) <= 0).toBe(true);
          if (u.keepShare!.sign() > 0) expect(u.minRank! <= u.baseRank! && u.baseRank! <= u.maxRank!).toBe(true);
        }
      }),
      { numRuns: 15, seed: 20210428 },
    );
  });

  it('places every base rank inside its run range at the default settings (a fact of this data)', () => {
    const r = sensitivity(s.result, s.inputs);
    expect(r.runs).toBe(200);
    for (const u of r.units) expect(u.minRank! <= u.baseRank! && u.baseRank! <= u.maxRank!).toBe(true);
    // The published top two sở are 0.12 apart: they swap in some runs, the leader of the districts does not.
    const tc = r.units.find((u) => u.unit === 'tai-chinh')!;
    const cg = r.units.find((u) => u.unit === 'cau-giay')!;
    expect([tc.minRank, tc.maxRank]).toEqual([1, 2]);
    expect(tc.keepShare!.cmp(Exact.ONE)).toBe(-1);
    expect([cg.minRank, cg.maxRank]).toEqual([1, 1]);
  });
});

describe('sensitivity in appraisal mode (appraised cells revert to self values)', () => {
  const s = sample();

  it('with revert 1 every run scores the self-assessed index exactly; with revert 0 nothing moves', () => {
    const all = sensitivity(s.result, s.inputs, { mode: 'appraisal', runs: 3, revert: '1' });
    expect([all.mode, all.revert.toString(), all.spread.toString()]).toEqual(['appraisal', '1', '0']);
    for (const u of all.units) {
      const base = s.result.units.find((x) => x.unit === u.unit)!;
      expect(u.minIndex!.eq(base.selfIndex!) && u.maxIndex!.eq(base.selfIndex!)).toBe(true);
    }
    const none = sensitivity(s.result, s.inputs, { mode: 'appraisal', runs: 3, revert: '0' });
    for (const u of none.units) expect(u.keepShare!.eq(Exact.ONE) && u.minIndex!.eq(u.index!) && u.maxIndex!.eq(u.index!)).toBe(true);
  });

  it('is deterministic per seed and rejects a revert probability above 1', () => {
    const a = sensitivityJson(sensitivity(s.result, s.inputs, { mode: 'appraisal', runs: 40, seed: 9 }), F);
    expect(sensitivityJson(sensitivity(s.result, s.inputs, { mode: 'appraisal', runs: 40, seed: 9 }), F)).toEqual(a);
    expect(sensitivityJson(sensitivity(s.result, s.inputs, { mode: 'appraisal', runs: 40, seed: 10 }), F)).not.toEqual(a);
    expect(catchError(() => sensitivity(s.result, s.inputs, { mode: 'appraisal', revert: '1.5' })).issues[0]).toMatchObject({ code: 'bad-option', column: 'revert', value: '1.5' });
  });
});

// Two units, two leaves, one bonus: the perturbed index is Σ f·points + bonus over Σ f·max.
const FW = csv('code,title,max,method,rule,params,groups', '1,A,,,,,', '1.1,a,6,appraisal,points,,', '1.2,b,4,appraisal,ratio,target=30,', '2,B,,,,,', '2.1,bonus,,appraisal,adjust,max=1,');
const UNITS = csv('unit,name,group', 'p,P,g', 'q,Q,g');
const EVIDENCE = csv('unit,criterion,self,appraised', 'p,1.1,6,6', 'p,1.2,10,10', 'p,2.1,0.5,0.5', 'q,1.1,3,3', 'q,1.2,30,30');
// p: 6 + 4×10/30 = 22/3, + 0.5 → 47/6 of 10; q: 3 + 4 = 7 of 10.

describe('sensitivity on a hand-worked round', () => {
  const r = round(FW, UNITS, EVIDENCE);
  const base = scoreMatrix(r.fw, r.units, r.inputs);

  it('re-scores a run exactly: 100 × (f1·6 + f2·4/3 + 0.5) / (f1·6 + f2·4) for p', () => {
    for (const seed of [1, 2, 3, 99]) {
      const spread = Exact.of(3, 10);
      const rep = sensitivity(base, r.inputs, { runs: 1, seed, spread });
      const { k, scale } = drawWeightFactors(2, 1, seed, spread); // the adjust leaf draws nothing
      const [f1, f2] = k[0].map((v) => Exact.of(v, scale));
      const p = Exact.HUNDRED.mul(
        f1
          .mul(Exact.of(6))
          .add(f2.mul(Exact.of(4, 3)))
          .add(Exact.of(1, 2)),
      ).div(f1.mul(Exact.of(6)).add(f2.mul(Exact.of(4))));
      const q = Exact.HUNDRED.mul(f1.mul(Exact.of(3)).add(f2.mul(Exact.of(4)))).div(f1.mul(Exact.of(6)).add(f2.mul(Exact.of(4))));
      const [up, uq] = ['p', 'q'].map((id) => rep.units.find((u) => u.unit === id)!);
      expect(up.minIndex!.eq(p) && up.maxIndex!.eq(p)).toBe(true);
      expect(uq.minIndex!.eq(q) && uq.maxIndex!.eq(q)).toBe(true);
    }
  });

  it('flips close ranks when the weights move enough, never with spread 0', () => {
    // p 78.33 vs q 70: p leads on leaf 1, q on leaf 2. Only a large shift towards leaf 2 flips them.
    expect(base.units.map((u) => [u.unit, u.rank])).toEqual([
      ['p', 1],
      ['q', 2],
    ]);
    const wide = sensitivity(base, r.inputs, { runs: 400, seed: 11, spread: '0.9' });
    const p = wide.units.find((u) => u.unit === 'p')!;
    expect(p.maxRank).toBe(2);
    expect(p.keepShare!.cmp(Exact.ONE)).toBe(-1);
    expect(wide.leagues.get('g')!.minSpearman!.eq(Exact.of(-1))).toBe(true); // a swap of two: ρ = 1 − 6·2/6 = −1
    const none = sensitivity(base, r.inputs, { runs: 50, spread: '0' });
    expect(none.units.every((u) => u.keepShare!.eq(Exact.ONE))).toBe(true);
  });

  it('rejects bad options', () => {
    // A ParIndexError (code bad-option, column = the option), so the safe twins catch it.
    expect(catchError(() => sensitivity(base, r.inputs, { runs: 0 })).issues[0]).toMatchObject({ code: 'bad-option', column: 'runs', value: '0' });
    expect(catchError(() => sensitivity(base, r.inputs, { spread: '1' })).issues[0]).toMatchObject({ code: 'bad-option', column: 'spread', value: '1' });
    expect(catchError(() => sensitivity(base, r.inputs, { spread: '-0.1' })).issues[0]).toMatchObject({ code: 'bad-option', column: 'spread', value: '-0.1' });
    expect(catchError(() => sensitivity(base, r.inputs, { spread: '1e-1' })).issues[0]).toMatchObject({ code: 'bad-option', column: 'spread', value: '1e-1' });
    expect(catchError(() => sensitivity(base, r.inputs, { seed: 1.5 })).issues[0]).toMatchObject({ code: 'bad-option', column: 'seed' });
    expect(catchError(() => sensitivity(base, r.inputs, { mode: 'random' as never })).issues[0]).toMatchObject({ code: 'bad-option', column: 'mode' });
    expect(catchError(() => parseRevert('2')).issues[0]).toMatchObject({ code: 'bad-option', column: 'revert', value: '2', expected: 'a probability from 0 to 1, such as 0.5' });
    expect(catchError(() => parseSpread(Exact.of(3, 2))).issues[0]).toMatchObject({ code: 'bad-option', column: 'spread', value: '1.5' });
  });

  it('has a safe twin: bad options come back as issues', () => {
    const bad = safe(() => sensitivity(base, r.inputs, { runs: -1, spread: '0.2' }));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.issues[0]).toMatchObject({ code: 'bad-option', column: 'runs' });
    const good = safe(() => sensitivity(base, r.inputs, { runs: 3 }));
    expect(good.ok && good.value.runs).toBe(3);
  });

  it('rounds each index once per run with rankOn rounded (not at every comparison)', () => {
    const fw = csv('code,title,max,method,rule,params,groups', '1,A,,,,,', '1.1,a,100,appraisal,points,,');
    const ids = Array.from({ length: 60 }, (_, i) => `u${String(i).padStart(2, '0')}`);
    const many = round(fw, csv('unit,name,group', ...ids.map((id) => `${id},${id},g`)), csv('unit,criterion,self,appraised', ...ids.map((id, i) => `${id},1.1,${(i * 37) % 100}.5,`)));
    const rounded = scoreMatrix(many.fw, many.units, many.inputs, { rankOn: 'rounded', decimals: 0 });
    const spies = [vi.spyOn(Exact.prototype, 'roundToScaled'), vi.spyOn(Exact.prototype, 'round')];
    try {
      const rep = sensitivity(rounded, many.inputs, { runs: 4, spread: '0.2' });
      expect(rep.units).toHaveLength(60);
      expect(spies[0].mock.calls.length + spies[1].mock.calls.length).toBeLessThanOrEqual(4 * 60);
    } finally {
      for (const sp of spies) sp.mockRestore();
    }
  });
});

// Unit q counts only through appraised cells whose self side says NA: when both revert, q has no
// index in that run. p 60, q 90 (base rank 1), t 50; with one cell reverted q is still 9 of 10 = 90.
const FW_NA = csv('code,title,max,method,rule,params,groups', '1,A,,,,,', '1.1,a,10,appraisal,points,,', '1.2,b,10,appraisal,points,,');
const UNITS_NA = csv('unit,name,group', 'p,P,g', 'q,Q,g', 't,T,g');
const EVIDENCE_NA = csv('unit,criterion,self,appraised', 'p,1.1,6,6', 'p,1.2,6,6', 'q,1.1,NA,9', 'q,1.2,NA,9', 't,1.1,5,5', 't,1.2,5,5');

describe('sensitivity: a unit left without an index in a run', () => {
  const r = round(FW_NA, UNITS_NA, EVIDENCE_NA);
  const base = scoreMatrix(r.fw, r.units, r.inputs);

  it('is unranked in that run, not rank 0: every run unranked gives no rank statistics', () => {
    expect(base.units.map((u) => [u.unit, u.rank])).toEqual([
      ['q', 1],
      ['p', 2],
      ['t', 3],
    ]);
    const rep = sensitivity(base, r.inputs, { mode: 'appraisal', runs: 5, revert: '1' });
    const q = rep.units.find((u) => u.unit === 'q')!;
    expect([q.baseRank, q.minRank, q.medianRank, q.maxRank, q.keepShare, q.meanShift, q.unrankedRuns]).toEqual([1, null, null, null, null, null, 5]);
    const p = rep.units.find((u) => u.unit === 'p')!;
    expect([p.minRank, p.maxRank, p.medianRank!.toString(), p.keepShare!.toString(), p.meanShift!.toString(), p.unrankedRuns]).toEqual([1, 1, '1', '0', '1', 0]);
    // Among the units ranked in both rankings (p, t) the order holds: ρ = 1.
    expect(rep.leagues.get('g')!.meanSpearman!.eq(Exact.ONE) && rep.leagues.get('g')!.minSpearman!.eq(Exact.ONE)).toBe(true);
    expect([rep.leagues.get('g')!.units, rep.leagues.get('g')!.neverMoved]).toEqual([3, 0]);
    expect(rep.leagues.get('g')!.meanShift!.toString()).toBe('1'); // p and t move up one; q has no shift
  });

  it('leaves the unranked runs out of min, median, keep share and mean shift', () => {
    const rep = sensitivity(base, r.inputs, { mode: 'appraisal', runs: 200, seed: 3, revert: '0.5' });
    const q = rep.units.find((u) => u.unit === 'q')!;
    expect(q.unrankedRuns).toBeGreaterThan(20); // both cells revert in about a quarter of the runs
    expect(q.unrankedRuns).toBeLessThan(80);
    expect([q.minRank, q.maxRank, q.medianRank!.toString(), q.keepShare!.toString(), q.meanShift!.toString()]).toEqual([1, 1, '1', '1', '0']);
    expect(rep.leagues.get('g')!.neverMoved).toBe(0); // q lost its rank in some runs
    for (const u of rep.units) expect(u.unrankedRuns).toBe(u.unit === 'q' ? q.unrankedRuns : 0);
    expect(rep.leagues.get('g')!.minSpearman!.eq(Exact.ONE)).toBe(true);
    // The reports show the count: JSON and CSV always, the text table only when a league has any.
    const f = { decimals: 2, rounding: 'half-up' as const };
    expect(sensitivityJson(rep, f).units.find((u) => u.unit === 'q')!.unrankedRuns).toBe(q.unrankedRuns);
    expect(sensitivityRows(rep, f).find((row) => row[1] === 'q')![10]).toBe(q.unrankedRuns);
    expect(sensitivityText(rep, f, { lang: 'en' })).toMatch(/Unranked runs/);
    expect(sensitivityText(sensitivity(base, r.inputs, { runs: 3 }), f, { lang: 'en' })).not.toMatch(/Unranked runs/);
    expect(sensitivityText(rep, f)).toMatch(/Lần không xếp hạng/);
  });
});

describe('parindex sensitivity (CLI)', () => {
  const args = ['--framework', join(SAMPLE, 'framework.csv'), '--units', join(SAMPLE, 'units.csv'), '--evidence', join(SAMPLE, 'evidence.csv'), '--survey', join(SAMPLE, 'survey.csv')];

  it('writes the same JSON for the same seed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parindex-sens-'));
    const a = join(dir, 'a.json');
    const b = join(dir, 'b.json');
    expect((await runCli(['sensitivity', ...args, '--runs', '30', '--seed', '3', '--spread', '0.2', '--format', 'json', '--out', a])).code).toBe(0);
    expect((await runCli(['sensitivity', ...args, '--runs', '30', '--seed', '3', '--spread', '0.2', '--format', 'json', '--out', b])).code).toBe(0);
    expect(readFileSync(a, 'utf8')).toBe(readFileSync(b, 'utf8'));
    const j = JSON.parse(readFileSync(a, 'utf8'));
    expect([j.runs, j.seed, j.mode, j.spread, j.units.length]).toEqual([30, 3, 'weights', '0.2', 52]);
    expect(j.units[0]).toMatchObject({ unit: 'tai-chinh', index: '89.83', baseRank: 1 });
  });

  it('prints tables and CSV', async () => {
    const t = await runCli(['sensitivity', ...args, '--runs', '10']);
    expect(t.code).toBe(0);
    expect(t.stdout).toContain('10 runs, seed 1');
    expect(t.stdout).toContain('League so');
    const c = await runCli(['sensitivity', ...args, '--runs', '10', '--format', 'csv']);
    expect(c.stdout.split('\r\n')[0]).toBe('rankGroup,unit,name,index,baseRank,minRank,medianRank,maxRank,keepPercent,meanShift,unrankedRuns,minIndex,maxIndex');
    expect(c.stdout.trim().split('\r\n')).toHaveLength(53);
    const ap = await runCli(['sensitivity', ...args, '--runs', '10', '--mode', 'appraisal', '--revert', '0.25']);
    expect(ap.code).toBe(0);
    expect(ap.stdout).toContain('reverts to the self value with probability 0.25');
  });

  it('exits 2 on bad --runs, --seed or --spread', async () => {
    for (const bad of [
      ['--runs', '0'],
      ['--runs', 'x'],
      ['--seed', '-1'],
      ['--spread', '1'],
      ['--spread', 'abc'],
      ['--mode', 'random'],
      ['--mode', 'appraisal', '--revert', '2'],
      ['--mode', 'appraisal', '--spread', '0.2'],
      ['--revert', '0.5'],
    ]) {
      expect((await runCli(['sensitivity', ...args, ...bad])).code).toBe(2);
    }
    // The flag and the value, then the library's option reader's problem: what it takes.
    expect((await runCli(['sensitivity', ...args, '--spread', '1'])).stderr).toMatch(
      /^parindex: --spread cannot take "1"\n {2}.*; found "1"; expected a decimal from 0 up to \(not including\) 1, such as 0\.1 \[bad-option\]\n\(see parindex --help\)\n$/,
    );
    expect((await runCli(['sensitivity', ...args, '--mode', 'appraisal', '--revert', 'x'])).stderr).toMatch(/^parindex: --revert cannot take "x"\n {2}.*; found "x"; expected a probability from 0 to 1, such as 0\.5 \[bad-option\]\n/);
  });
});
