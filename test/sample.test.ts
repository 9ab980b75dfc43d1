/**
 * The embedded Hà Nội 2021-shaped sample must reproduce expected-score.json exactly, through both
 * arithmetic paths, the library and the CLI — and with it the published 2021 top three and last of
 * both leagues.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildInputs } from '../src/criteria/evidence.js';
import { sampleTables, hanoi2021Framework, hanoi2021Units } from '../src/data/sample.js';
import { scoreResultJson } from '../src/scoring/result-json.js';
import { scoreMatrix } from '../src/scoring/score.js';
import { SAMPLE, sampleText } from './support/round.js';

const expected = JSON.parse(sampleText('expected-score.json'));
const CLI = join(__dirname, '..', 'dist', 'cli.js');

function sampleRound() {
  const t = sampleTables();
  const fw = hanoi2021Framework();
  const units = hanoi2021Units();
  return { fw, units, inputs: buildInputs(fw, units, { evidence: t.evidence, survey: t.survey }) };
}

describe('Hà Nội 2021 sample', () => {
  const r = sampleRound();
  for (const path of ['fast', 'exact'] as const) {
    it(`reproduces expected-score.json exactly (${path} path)`, () => {
      const result = scoreMatrix(r.fw, r.units, r.inputs, { path });
      expect(result.path).toBe(path);
      expect(scoreResultJson(result)).toEqual(expected);
      expect(JSON.stringify(scoreResultJson(result))).toBe(JSON.stringify(expected));
    });
  }

  it('reproduces the published 2021 top three and last of both leagues', () => {
    const result = scoreMatrix(r.fw, r.units, r.inputs);
    const league = (g: string) => result.units.filter((u) => u.rankGroup === g).map((u) => [u.unit, u.index!.toFixed(2), u.rank]);
    const so = league('so');
    expect(so.slice(0, 3)).toEqual([
      ['tai-chinh', '89.83', 1],
      ['ldtbxh', '89.71', 2],
      ['noi-vu', '88.76', 3],
    ]);
    expect(so[so.length - 1]).toEqual(['tnmt', '68.11', 22]);
    const qh = league('quan-huyen');
    expect(qh.slice(0, 3)).toEqual([
      ['cau-giay', '95.24', 1],
      ['hoan-kiem', '93.19', 2],
      ['long-bien', '93.01', 3],
    ]);
    expect(qh[qh.length - 1]).toEqual(['thuong-tin', '87.16', 30]);
    expect(so).toHaveLength(22);
    expect(qh).toHaveLength(30);
  });

  it('keeps exact values exact: Sở Tài chính index as a fraction', () => {
    const result = scoreMatrix(r.fw, r.units, r.inputs);
    const tc = result.units[0];
    // index = 100 × points / max with max = 100, so the index equals the points exactly.
    expect(tc.index!.eq(tc.points)).toBe(true);
    expect(tc.max.toString()).toBe('100');
    expect(tc.index!.toFixed(6)).toBe(tc.points.toFixed(6));
  });

  it('parindex score --format json prints expected-score.json', () => {
    const out = execFileSync(
      'node',
      [CLI, 'score', '--framework', join(SAMPLE, 'framework.csv'), '--units', join(SAMPLE, 'units.csv'), '--evidence', join(SAMPLE, 'evidence.csv'), '--survey', join(SAMPLE, 'survey.csv'), '--format', 'json'],
      { encoding: 'utf8' },
    );
    expect(JSON.parse(out)).toEqual(expected);
  });

  it('parindex demo prints both leagues ranked as tables (Vietnamese by default, English on request)', () => {
    const vi = execFileSync('node', [CLI, 'demo'], { encoding: 'utf8', env: { ...process.env, PARINDEX_LANG: '', LC_ALL: '', LC_MESSAGES: '', LANG: 'C.UTF-8' } });
    expect(vi).toMatch(/^Khối sở — 22 đơn vị, trung bình 82\.00, thấp nhất 68\.11, cao nhất 89\.83\n/);
    expect(vi).toMatch(/ 1 {2}tai-chinh +Sở Tài chính +89\.83/);
    const out = execFileSync('node', [CLI, 'demo'], { encoding: 'utf8', env: { ...process.env, PARINDEX_LANG: 'en' } });
    expect(out).toMatch(/Khối sở \(so\) — 22 units, mean 82\.00, min 68\.11, max 89\.83/);
    expect(out).toMatch(/Khối quận, huyện, thị xã \(quan-huyen\) — 30 units, mean 90\.50, min 87\.16, max 95\.24/);
    expect(out).toMatch(/ 1 {2}tai-chinh +Sở Tài chính +89\.83/);
    expect(out).toMatch(/ 1 {2}cau-giay +Quận Cầu Giấy +95\.24/);
    expect(out).toMatch(/30 {2}thuong-tin +Huyện Thường Tín +87\.16/);
  });
});
