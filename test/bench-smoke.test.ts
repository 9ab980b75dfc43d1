/**
 * The benchmark script must not rot: CI runs it on tiny inputs (`--smoke`, seconds, no timing
 * assertions) against the built package and checks that every workload reports numeric figures for
 * every side and that the sides computed the same results.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RefDecimal } from '../src/testing/decimal-reference.js';
import { buildInputs } from '../src/criteria/evidence.js';
import { makeTable } from '../src/table/table.js';
import { readYesNo } from '../src/criteria/rules.js';
import { RULE_NAMES } from '../src/criteria/rules/index.js';
import { scoreMatrix } from '../src/scoring/score.js';
import { EVIDENCE_HEADER, syntheticRound } from '../src/testing/round-gen.js';

const root = join(__dirname, '..');
const WORKLOADS: Record<string, string[]> = {
  score: ['ours', 'float', 'decimal', 'decimalText'],
  'score-coprime': ['ours', 'float', 'decimal'],
  sipas: ['ours', 'raw', 'duckdb', 'csvParse'],
  'sipas-large': ['ours', 'raw'],
  xlsx: ['ours', 'exceljs'],
  cold: ['ours', 'node'],
  // End to end, whole processes on files (e2e-national and web-national run only when named: minutes at
  // full size; web-national's smoke run is its own test below).
  'e2e-score': ['ours', 'scan'],
  'e2e-sipas': ['ours', 'scan'],
};

describe('bench/run.mjs --smoke', () => {
  it('reports every workload, side, ratio and goal as numbers', () => {
    if (!existsSync(join(root, 'build', 'internal.js')) || !existsSync(join(root, 'dist', 'cli.js'))) {
      execFileSync(process.execPath, [join(root, 'node_modules', 'tsup', 'dist', 'cli-default.js')], { cwd: root, stdio: 'ignore' });
    }
    const out = execFileSync(process.execPath, [join(root, 'bench', 'run.mjs'), '--smoke', '--scaling', '--json', '--data', join(root, 'bench', 'out', 'smoke-data')], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 1 << 26,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const report = JSON.parse(out);
    expect(report.mode).toBe('smoke');
    expect(typeof report.machine.cores).toBe('number');
    expect(Object.keys(report.workloads).sort()).toEqual([...Object.keys(WORKLOADS), 'core'].sort());
    for (const [name, sides] of Object.entries(WORKLOADS)) {
      const w = report.workloads[name];
      expect(Object.keys(w.sides).sort(), name).toEqual([...sides].sort());
      for (const side of sides) {
        const s = w.sides[side];
        expect(s.error, `${name}/${side}`).toBeUndefined();
        for (const k of ['medianMs', 'minMs', 'maxMs']) expect(Number.isFinite(s[k]), `${name}/${side}.${k}`).toBe(true);
        expect(s.runs).toBeGreaterThan(0);
        expect(s.maxRssMB, `${name}/${side}.maxRssMB`).toBeGreaterThan(0);
      }
      for (const [k, v] of Object.entries(w.ratios)) expect(Number.isFinite(v), `${name} ratio ${k}`).toBe(true);
      expect(w.goals.length).toBeGreaterThan(0);
      for (const g of w.goals) {
        expect(Number.isFinite(g.value), `${name} goal ${g.goal}`).toBe(true);
        expect(g.judged).toBe(false);
      }
      expect(w.agree, `${name}: every side computed the same result`).toBe(true);
    }
    // The score sides were compared unit by unit (bench/lib/score-check.mjs): the exact sides report
    // the same league summaries (leader, its 2-dp index, ranked units, 2-dp mean), and the prepared
    // decimal.js side the same digest of every unit's rank, index, selfIndex, counts and the means.
    const score = report.workloads.score.sides;
    expect(Object.keys(score.ours.check.leagues).length).toBe(2);
    for (const side of ['decimal', 'decimalText']) expect(score[side].check.leagues, side).toEqual(score.ours.check.leagues);
    expect(score.decimal.check.digest).toBe(score.ours.check.digest);
    for (const [k, l] of Object.entries(score.ours.check.leagues) as [string, { top: string; ranked: number }][]) {
      expect(score.float.check.leagues[k].top, k).toBe(l.top);
      expect(score.float.check.leagues[k].ranked, k).toBe(l.ranked);
    }
    expect(report.workloads.score.agreeNotes.join('\n')).toMatch(/^float64 within 1e-9 of exact/);
    // Coprime ratio targets: scored on the fast path over several denominators, identical to decimal.js.
    const coprime = report.workloads['score-coprime'].sides;
    expect(coprime.ours.check.path).toBe('fast');
    expect(coprime.ours.check.denominators).toBeGreaterThan(1);
    expect(coprime.decimal.check.digest).toBe(coprime.ours.check.digest);
    for (const side of Object.keys(score)) expect(score[side].check.rows, `${side}: per-unit rows are dropped from the report`).toBeUndefined();
    expect(report.workloads.sipas.sides.ours.check.forms).toBe(2000);
    expect(report.workloads.sipas.sides.duckdb.check.valid).toBe(report.workloads.sipas.sides.ours.check.valid);
    expect(report.workloads.xlsx.sides.ours.check.rows).toBe(200);
    // The browser core (bench/size.mjs): a real bundle that runs and scores right, its size and shares.
    const core = report.workloads.core.core;
    expect(report.workloads.core.agree).toBe(true);
    expect(core.gzipBytes).toBeGreaterThan(5_000);
    expect(core.gzipBytes).toBeLessThan(core.minifiedBytes);
    expect(core.shares.map((s: { name: string }) => s.name)).toContain('parindex');
    expect(Number.isFinite(core.importOverBareMs)).toBe(true);
    expect(report.scaling.units.length).toBeGreaterThan(1);
    expect(report.scaling.forms.length).toBeGreaterThan(1);
    for (const r of [...report.scaling.units, ...report.scaling.forms]) expect(Number.isFinite(r.oursMs)).toBe(true);
  }, 120_000);
});

describe('bench/run.mjs --smoke --only web-national (the council page against the CLI)', () => {
  it('scores the hanoi preset in the page to the CLI’s ranking, without loading exceljs, and reports its figures', () => {
    const chromium = process.env.PARINDEX_CHROMIUM ?? '/usr/bin/chromium';
    if (!existsSync(join(root, 'dist', 'web', 'index.html')) || !existsSync(join(root, 'dist', 'cli.js')) || !existsSync(join(root, 'build', 'internal.js'))) {
      throw new Error('run npm run build first (npm test does): dist/web, dist/cli.js and build/internal.js are needed');
    }
    if (!existsSync(chromium)) throw new Error(`no Chromium at ${chromium}: apt-get install chromium (.ci/run does), or set PARINDEX_CHROMIUM`);
    const out = execFileSync(process.execPath, [join(root, 'bench', 'run.mjs'), '--smoke', '--only', 'web-national', '--json', '--data', join(root, 'bench', 'out', 'smoke-data')], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 1 << 26,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const report = JSON.parse(out);
    expect(Object.keys(report.workloads)).toEqual(['web-national']);
    const w = report.workloads['web-national'];
    expect(w.params.preset).toBe('hanoi');
    expect(Object.keys(w.sides).sort()).toEqual(['cli', 'page']);
    for (const side of ['page', 'cli']) {
      expect(w.sides[side].error, side).toBeUndefined();
      expect(Number.isFinite(w.sides[side].medianMs), side).toBe(true);
    }
    const page = w.sides.page.check;
    const cli = w.sides.cli.check;
    // The ranking was shown, and it is the CLI's: every unit's rank and 2-dp index read back from the table.
    expect(page.units).toBe(52);
    expect(page.ranked).toBeGreaterThan(0);
    expect(page.digest).toMatch(/^[0-9a-f]{16}$/);
    expect(page.digest).toBe(cli.digest);
    expect(cli.units).toBe(52);
    expect(page.pageErrors).toEqual([]);
    expect(w.agree).toBe(true);
    // What the page loaded before the ranking: its page, script, style and scoring worker, never exceljs.
    const t = page.transfer;
    expect(t.exceljs).toEqual([]);
    expect(t.worker).toBe(true);
    expect(t.files.map((f: { path: string }) => f.path)).toContain('/');
    expect(t.files.some((f: { path: string }) => /exceljs/i.test(f.path))).toBe(false);
    for (const f of t.files) {
      expect(f.status, f.path).toBe(200);
      expect(f.gzipBytes, f.path).toBeGreaterThan(0);
    }
    expect(t.gzipBytes).toBeGreaterThan(0);
    expect(t.gzipBytes).toBeLessThan(t.bytes);
    expect(t.gzipBytes).toBe(t.files.reduce((n: number, f: { gzipBytes: number }) => n + f.gzipBytes, 0));
    expect(Number.isFinite(w.ratios['page/cli'])).toBe(true);
    expect(w.goals.map((g: { goal: string }) => g.goal)).toEqual(['national preset scored in the page ≤ 2× the CLI', 'page transfer before xlsx ≤ 300 KB gzip, no exceljs', 'page: peak memory of the browser (informational)']);
    expect(w.goals[1].value).toBe(t.gzipBytes / 1024);
    for (const g of w.goals) expect(g.judged).toBe(false);
    // Memory from /proc (Linux): the browser's processes were sampled.
    if (existsSync('/proc/self/smaps_rollup')) {
      expect(w.sides.page.maxRssMB).toBeGreaterThan(0);
      expect(page.memorySamples).toBeGreaterThan(0);
    }
  }, 60_000);
});

describe('the baselines implement every rule', () => {
  it('float64 and naive decimal.js name exactly the registered rules, and refuse any other', async () => {
    for (const file of ['float-score.mjs', 'decimal-prepared.mjs']) {
      const lib = await import(pathToFileURL(join(root, 'bench', 'lib', file)).href);
      expect(Object.keys(lib.RULE_CODES), file).toEqual([...RULE_NAMES]);
    }
    const r = syntheticRound({ units: 4, criteria: 10 });
    const fw = r.framework();
    const odd = { ...fw, leaves: fw.leaves.map((c, j) => (j === 0 ? { ...c, rule: 'seventh' } : c)) };
    const { compileFloat } = await import(pathToFileURL(join(root, 'bench', 'lib', 'float-score.mjs')).href);
    expect(() => compileFloat(odd, r.inputs(fw, r.units()))).toThrow(/no implementation of rule "seventh"/);
    const { prepareDecimal } = await import(pathToFileURL(join(root, 'bench', 'lib', 'decimal-prepared.mjs')).href);
    expect(() => prepareDecimal(RefDecimal, readYesNo, odd, r.units(), [], [])).toThrow(/no implementation of rule "seventh"/);
  });
});

describe('bench/lib/decimal-prepared.mjs (the naive decimal.js baseline)', () => {
  const load = async () => await import(pathToFileURL(join(root, 'bench', 'lib', 'decimal-prepared.mjs')).href);
  type Row = { unit: string; criterion: string; self: string; appraised: string };
  /** Holds the baseline to scoreMatrix() unit by unit: index, selfIndex (30 dp), rank, counts, league means. */
  async function expectSameAsScore(r: ReturnType<typeof syntheticRound>, evidence: Row[], inputs = r.inputs(r.framework(), r.units())) {
    const { prepareDecimal, decimalPreparedScore } = await load();
    const fw = r.framework();
    const units = r.units();
    const res = scoreMatrix(fw, units, inputs);
    const survey = [...r.surveyRows()].map((c) => ({ unit: c[0], criterion: c[1], score: c[2] }));
    const out = decimalPreparedScore(prepareDecimal(RefDecimal, readYesNo, fw, units, evidence, survey));
    const byId = new Map(res.units.map((u) => [u.unit, u]));
    units.list.forEach((unit, i) => {
      const o = byId.get(unit.id)!;
      const d = out.units[i];
      expect([d.index.toFixed(30), d.selfIndex.toFixed(30), d.rank, d.missing, d.na, d.unappraised], unit.id).toEqual([o.index!.toFixed(30), o.selfIndex!.toFixed(30), o.rank, o.missing, o.na, o.unappraised]);
    });
    for (const [k, l] of res.leagues) expect(out.means[k].toFixed(30), k).toBe(l.mean!.toFixed(30));
    return { res, out };
  }
  const rowsOf = (r: ReturnType<typeof syntheticRound>): Row[] => [...r.evidenceRows()].map((c) => ({ unit: c[0], criterion: c[1], self: c[2], appraised: c[3] }));

  it('scores every unit exactly like scoreMatrix(): index, selfIndex, rank, counts and league means', async () => {
    for (const spec of [{ preset: 'hanoi' as const }, { units: 120, criteria: 160, seed: 4 }]) {
      const r = syntheticRound(spec);
      await expectSameAsScore(r, rowsOf(r));
    }
  });

  it('counts an evidence row whose self and appraised cells are both blank as no row (missing, not unappraised)', async () => {
    const r = syntheticRound({ preset: 'hanoi' });
    const fw = r.framework();
    const units = r.units();
    const evidence = rowsOf(r);
    const k = evidence.findIndex((e) => fw.byCode.get(e.criterion)!.rule !== 'adjust' && e.self.trim() !== '' && e.appraised.trim() !== '' && e.self.trim().toUpperCase() !== 'NA');
    const before = scoreMatrix(fw, units, r.inputs(fw, units)).units.find((u) => u.unit === evidence[k].unit)!;
    evidence[k] = { ...evidence[k], self: '', appraised: ' ' };
    const table = makeTable(
      [...EVIDENCE_HEADER],
      evidence.map((e, i) => ({ row: i + 2, cells: [e.unit, e.criterion, e.self, e.appraised, '', ''] })),
      { file: 'evidence.csv' },
    );
    const { res, out } = await expectSameAsScore(r, evidence, buildInputs(fw, units, { evidence: table, survey: r.surveyTable() }));
    const after = res.units.find((u) => u.unit === evidence[k].unit)!;
    expect([after.missing, after.unappraised]).toEqual([before.missing + 1, before.unappraised]);
    const d = out.units[units.list.findIndex((u) => u.id === evidence[k].unit)];
    expect([d.missing, d.unappraised]).toEqual([after.missing, after.unappraised]);
  });

  it('refuses a framework with settings it does not implement (ties, rankOn, clamp, bands, decimals, rounding)', async () => {
    const { prepareDecimal } = await load();
    const r = syntheticRound({ units: 10, criteria: 20 });
    const fw = r.framework();
    const units = r.units();
    const prep = (settings: Record<string, unknown>) => () => prepareDecimal(RefDecimal, readYesNo, { ...fw, settings }, units, [], []);
    for (const s of [{ ties: 'dense' }, { rankOn: 'rounded' }, { clamp: true }, { clamp: 'yes' }, { bands: 'A>=90' }, { decimals: 3 }, { rounding: 'half-even' }]) {
      expect(prep(s), JSON.stringify(s)).toThrow(/implements the default settings only .*this framework sets/);
    }
    for (const s of [{}, { ties: 'competition', rankOn: 'exact', clamp: 'false', decimals: '2', rounding: 'half-up' }]) expect(prep(s), JSON.stringify(s)).not.toThrow();
  });
});
