/**
 * The benchmark script must not rot: CI runs it on tiny inputs (`--smoke`, seconds, no timing
 * assertions) against the built package and checks that every workload reports numeric figures for
 * every side and that the sides computed the same results.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..');
const WORKLOADS: Record<string, string[]> = {
  score: ['ours', 'float', 'decimal'],
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
    // The score sides agree on the league leader; SIPAS sides on every count.
    expect(report.workloads.sipas.sides.ours.check.forms).toBe(2000);
    expect(report.workloads.sipas.sides.duckdb.check.valid).toBe(report.workloads.sipas.sides.ours.check.valid);
    expect(report.workloads.xlsx.sides.ours.check.rows).toBe(200);
    expect(report.scaling.units.length).toBeGreaterThan(1);
    expect(report.scaling.forms.length).toBeGreaterThan(1);
    for (const r of [...report.scaling.units, ...report.scaling.forms]) expect(Number.isFinite(r.oursMs)).toBe(true);
  }, 120_000);
});
