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
import { RefDecimal } from '../src/scoring/decimal-reference.js';
import { readYesNo } from '../src/scoring/rules.js';
import { score } from '../src/scoring/score.js';
import { syntheticRound } from '../src/synthetic/round-gen.js';

const root = join(__dirname, '..');
const WORKLOADS: Record<string, string[]> = {
  score: ['ours', 'float', 'decimal', 'decimalText'],
  sipas: ['ours', 'raw', 'duckdb', 'csvParse'],
  'sipas-large': ['ours', 'raw'],
  xlsx: ['ours', 'exceljs'],
  cold: ['ours', 'node'],
};

describe('bench/run.mjs --smoke', () => {
  it('reports every workload, side, ratio and goal as numbers', () => {
    if (!existsSync(join(root, 'dist', 'index.js')) || !existsSync(join(root, 'dist', 'cli.js'))) {
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
    expect(Object.keys(report.workloads).sort()).toEqual(Object.keys(WORKLOADS).sort());
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
    // The score sides agree on every league's leader, its 2-dp index and the ranked count (the exact
    // sides on every unit's 2-dp index too); SIPAS sides on every count.
    const score = report.workloads.score.sides;
    expect(Object.keys(score.ours.check.leagues).length).toBe(2);
    for (const side of ['float', 'decimal', 'decimalText']) expect(score[side].check.leagues, side).toEqual(score.ours.check.leagues);
    for (const side of ['decimal', 'decimalText']) expect(score[side].check.indexDigest, side).toBe(score.ours.check.indexDigest);
    expect(report.workloads.sipas.sides.ours.check.forms).toBe(2000);
    expect(report.workloads.sipas.sides.duckdb.check.valid).toBe(report.workloads.sipas.sides.ours.check.valid);
    expect(report.workloads.xlsx.sides.ours.check.rows).toBe(200);
    expect(report.scaling.units.length).toBeGreaterThan(1);
    expect(report.scaling.forms.length).toBeGreaterThan(1);
    for (const r of [...report.scaling.units, ...report.scaling.forms]) expect(Number.isFinite(r.oursMs)).toBe(true);
  }, 120_000);
});

describe('bench/lib/decimal-prepared.mjs (the naive decimal.js baseline)', () => {
  it('scores every unit exactly like score(): index, selfIndex, rank, counts and league means', async () => {
    const { prepareDecimal, decimalPreparedScore } = await import(pathToFileURL(join(root, 'bench', 'lib', 'decimal-prepared.mjs')).href);
    for (const spec of [{ preset: 'hanoi' as const }, { units: 120, criteria: 160, seed: 4 }]) {
      const r = syntheticRound(spec);
      const fw = r.framework();
      const units = r.units();
      const res = score(fw, units, r.inputs(fw, units));
      const evidence = [...r.evidenceRows()].map((c) => ({ unit: c[0], criterion: c[1], self: c[2], appraised: c[3] }));
      const survey = [...r.surveyRows()].map((c) => ({ unit: c[0], criterion: c[1], score: c[2] }));
      const prep = prepareDecimal(RefDecimal, readYesNo, fw, units, evidence, survey);
      const out = decimalPreparedScore(prep);
      const byId = new Map(res.units.map((u) => [u.unit, u]));
      units.list.forEach((unit, i) => {
        const o = byId.get(unit.id)!;
        const d = out.units[i];
        expect([d.index.toFixed(30), d.selfIndex.toFixed(30), d.rank, d.missing, d.na, d.unappraised], unit.id).toEqual([o.index!.toFixed(30), o.selfIndex!.toFixed(30), o.rank, o.missing, o.na, o.unappraised]);
      });
      for (const [k, l] of Object.entries(res.leagues)) expect(out.means[k].toFixed(30), k).toBe(l.mean!.toFixed(30));
    }
  });
});
