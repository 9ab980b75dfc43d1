/**
 * The synthetic data generator: deterministic by seed, frameworks that build and hold every rule,
 * rounds that score identically through the fast core, the bigint path, plain decimal.js and the
 * written CSV files, and SIPAS response files of the right shape.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadRound } from '../src/node/round.js';
import { scoreWithDecimal } from '../src/testing/decimal-reference.js';
import { surveyBuiltinCsv } from '../src/sipas/builtins.js';
import { scoreMatrix } from '../src/scoring/score.js';
import { SeededRandom } from '../src/testing/random.js';
import { syntheticRound } from '../src/testing/round-gen.js';
import { SIPAS_2017_COLUMNS, SIPAS_2017_OPTIONAL, sipasResponseLines, sipasResponsesHeader, writeSipasResponses } from '../src/testing/sipas-gen.js';
import { writeSyntheticRound } from '../src/testing/write-round.js';

const tmp = mkdtempSync(join(tmpdir(), 'parindex-synth-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const hashRows = (rows: Iterable<string[]>) => {
  const h = createHash('sha256');
  let n = 0;
  for (const r of rows) {
    h.update(r.join('\u0001') + '\n');
    n++;
  }
  return `${n}:${h.digest('hex')}`;
};

describe('SeededRandom', () => {
  it('repeats its sequence for a seed and stream, and differs across streams', () => {
    const a = new SeededRandom(42, 3);
    const b = new SeededRandom(42, 3);
    const c = new SeededRandom(42, 4);
    const sa = Array.from({ length: 50 }, () => a.uint32());
    expect(Array.from({ length: 50 }, () => b.uint32())).toEqual(sa);
    expect(Array.from({ length: 50 }, () => c.uint32())).not.toEqual(sa);
    const r = new SeededRandom(7);
    for (let i = 0; i < 1000; i++) {
      const x = r.int(3, 9);
      expect(x >= 3 && x <= 9 && Number.isInteger(x)).toBe(true);
    }
  });
});

describe('synthetic rounds', () => {
  it('are deterministic: the same spec gives the same rows, another seed other rows', () => {
    const a = syntheticRound({ units: 30, criteria: 40, seed: 5 });
    const b = syntheticRound({ units: 30, criteria: 40, seed: 5 });
    const c = syntheticRound({ units: 30, criteria: 40, seed: 6 });
    expect(hashRows(a.evidenceRows())).toBe(hashRows(b.evidenceRows()));
    expect(hashRows(a.surveyRows())).toBe(hashRows(b.surveyRows()));
    expect(a.frameworkRows).toEqual(b.frameworkRows);
    expect(hashRows(a.evidenceRows())).not.toBe(hashRows(c.evidenceRows()));
    // Iterating twice gives the same rows (each unit has its own stream).
    expect(hashRows(a.evidenceRows())).toBe(hashRows(a.evidenceRows()));
  });

  it('build valid frameworks of any size with every rule, sub-criteria and group variants', () => {
    for (const criteria of [1, 3, 7, 20, 61, 160, 400]) {
      const r = syntheticRound({ units: 10, criteria, seed: criteria });
      const fw = r.framework();
      expect(fw.leaves.length).toBe(criteria);
    }
    const fw = syntheticRound({ units: 10, criteria: 160 }).framework();
    expect(new Set(fw.leaves.map((c) => c.rule))).toEqual(new Set(['points', 'yesno', 'ratio', 'tiers', 'survey', 'adjust']));
    expect(fw.leaves.some((c) => c.params.allowed)).toBe(true);
    expect(fw.leaves.some((c) => c.params.target !== undefined && c.params.target.toString() !== '100')).toBe(true);
    expect(fw.leaves.some((c) => c.params.tiers?.some((t) => t.op === '>'))).toBe(true);
    expect(fw.leaves.some((c) => c.groups?.has('so') && !c.groups.has('huyen'))).toBe(true);
    expect(fw.leaves.some((c) => c.groups?.has('huyen') && !c.groups.has('so'))).toBe(true);
    expect(fw.leaves.some((c) => c.code.split('.').length === 3)).toBe(true);
    expect(fw.areas.length).toBe(8);
  });

  it('presets have the real unit counts and leagues', () => {
    const hanoi = syntheticRound({ preset: 'hanoi' });
    expect(hanoi.unitList.length).toBe(52);
    expect(new Set(hanoi.unitList.map((u) => u.rankGroup))).toEqual(new Set(['so', 'quan-huyen']));
    expect(syntheticRound({ preset: 'city' }).unitList.length).toBe(600);
    const national = syntheticRound({ preset: 'national' });
    expect(national.unitList.length).toBe(10_063);
    expect(national.unitList.filter((u) => u.group === 'tinh').length).toBe(63);
    expect(syntheticRound({ units: 10_000, criteria: 160 }).unitList.length).toBe(10_000);
  });

  it('hold the kinds of rows a real round has: NA, unappraised, missing, adjustments', () => {
    const r = syntheticRound({ preset: 'hanoi' });
    const fw = r.framework();
    const units = r.units();
    const res = scoreMatrix(fw, units, r.inputs(fw, units));
    const sum = (f: (u: (typeof res.units)[number]) => number) => res.units.reduce((a, u) => a + f(u), 0);
    expect(sum((u) => u.na)).toBeGreaterThan(0);
    expect(sum((u) => u.unappraised)).toBeGreaterThan(0);
    expect(sum((u) => u.missing)).toBeGreaterThan(0);
    expect(res.units.some((u) => u.adjustPoints.sign() !== 0)).toBe(true);
    expect(res.units.every((u) => u.rank !== null)).toBe(true);
  });

  it('score the same through the fast core, the bigint path and plain decimal.js', () => {
    for (const spec of [{ preset: 'hanoi' as const }, { units: 40, criteria: 90, seed: 3 }]) {
      const r = syntheticRound(spec);
      const fw = r.framework();
      const units = r.units();
      const inputs = r.inputs(fw, units);
      const fast = scoreMatrix(fw, units, inputs);
      const exact = scoreMatrix(fw, units, inputs, { path: 'exact' });
      expect(fast.path).toBe('fast');
      expect(exact.path).toBe('exact');
      const ref = scoreWithDecimal(
        fw,
        units,
        [...r.evidenceRows()].map((c) => ({ unit: c[0], criterion: c[1], self: c[2], appraised: c[3] })),
        [...r.surveyRows()].map((c) => ({ unit: c[0], criterion: c[1], score: c[2] })),
      );
      const exactBy = new Map(exact.units.map((u) => [u.unit, u]));
      for (const u of fast.units) {
        const e = exactBy.get(u.unit)!;
        expect(u.index!.eq(e.index!)).toBe(true);
        expect(u.selfIndex!.eq(e.selfIndex!)).toBe(true);
        expect(u.rank).toBe(e.rank);
        expect(u.index!.toFixed(30)).toBe(ref.get(u.unit)!.index!.toFixed(30));
        expect(u.selfIndex!.toFixed(30)).toBe(ref.get(u.unit)!.selfIndex!.toFixed(30));
      }
      for (const [k, s] of fast.leagues) {
        expect(s.mean!.eq(exact.leagues.get(k)!.mean!)).toBe(true);
        expect(s.min!.eq(exact.leagues.get(k)!.min!)).toBe(true);
        expect(s.max!.eq(exact.leagues.get(k)!.max!)).toBe(true);
      }
    }
  });

  it('written as CSV files, load and score exactly like the generated inputs', async () => {
    const r = syntheticRound({ units: 25, criteria: 50, forms: 500, seed: 9 });
    const w = await writeSyntheticRound(join(tmp, 'round'), r);
    expect(w.rows.forms).toBe(500);
    const round = await loadRound({ framework: w.files.framework, units: w.files.units, evidence: w.files.evidence, survey: w.files.survey });
    const fromFiles = scoreMatrix(round.framework, round.units, round.inputs);
    const fw = r.framework();
    const units = r.units();
    const direct = scoreMatrix(fw, units, r.inputs(fw, units));
    expect(fromFiles.units.map((u) => [u.unit, u.index!.toString(), u.rank])).toEqual(direct.units.map((u) => [u.unit, u.index!.toString(), u.rank]));
    const lines = readFileSync(w.files.sipasResponses!, 'utf8').trimEnd().split('\n');
    expect(lines.length).toBe(501);
    expect(readFileSync(w.files.sipasQuestions!, 'utf8')).toBe(surveyBuiltinCsv('sipas-2017'));
    expect(w.bytes).toBe(Object.values(w.files).reduce((n, f) => n + statSync(f).size, 0));
  });
});

describe('SIPAS responses', () => {
  it('have the sipas-2017 columns, answers 0–5 or blank, and repeat by seed', async () => {
    const opts = { forms: 3000, units: ['a', 'b', 'c'], seed: 11 };
    const text = sipasResponsesHeader() + [...sipasResponseLines(opts, 1000)].join('');
    const again = sipasResponsesHeader() + [...sipasResponseLines(opts)].join('');
    expect(again).toBe(text);
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toBe(`form,unit,${SIPAS_2017_COLUMNS.join(',')}`);
    expect(SIPAS_2017_COLUMNS).toEqual([...'12345'].flatMap((f, i) => Array.from({ length: [5, 4, 5, 4, 4][i] }, (_, q) => `q${f}_${q + 1}`)));
    expect([...SIPAS_2017_OPTIONAL]).toEqual(['q5_1', 'q5_2', 'q5_3', 'q5_4']);
    expect(lines.length).toBe(3001);
    const byUnit = new Map<string, number>();
    let invalid = 0;
    let feedback = 0;
    const allowed = new Set(['', '0', '1', '2', '3', '4', '5']);
    const bad: string[] = [];
    for (const line of lines.slice(1)) {
      const cells = line.split(',');
      if (cells.length !== 24) bad.push(line);
      byUnit.set(cells[1], (byUnit.get(cells[1]) ?? 0) + 1);
      for (const v of cells.slice(2)) if (!allowed.has(v)) bad.push(v);
      if (cells.slice(2, 20).some((v) => v === '' || v === '0')) invalid++;
      if (cells[20] !== '') feedback++;
    }
    expect(bad).toEqual([]);
    expect([...byUnit.keys()].sort()).toEqual(['a', 'b', 'c']);
    expect(invalid / 3000).toBeGreaterThan(0.005);
    expect(invalid / 3000).toBeLessThan(0.1);
    expect(feedback / 3000).toBeGreaterThan(0.3);
    const path = join(tmp, 'responses.csv');
    const w = await writeSipasResponses(path, opts);
    expect(readFileSync(path, 'utf8')).toBe(text);
    expect(w.bytes).toBe(Buffer.byteLength(text));
  });
});
