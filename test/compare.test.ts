/**
 * `compare`: two result files read back exactly from their printed text — a file against itself,
 * against a hand-modified copy, JSON against CSV of the same round; bad files are located errors
 * (exit 1, the file named), bad usage exit 2.
 */
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { safe } from '../src/errors.js';
import { describe, expect, it } from 'vitest';
import { buildInputs } from '../src/criteria/evidence.js';
import { hanoi2021Framework, hanoi2021Units, sampleTables } from '../src/data/sample.js';
import { ParIndexError } from '../src/errors.js';
import { comparisonJson } from '../src/report/compare-output.js';
import { scoreResultCsv } from '../src/report/results-csv.js';
import { scoreResultWorkbook } from '../src/xlsx/results-workbook.js';
import { parseResultJson } from '../src/analysis/result-file.js';
import { loadResultFile } from '../src/node/result-load.js';
import { Exact } from '../src/numbers/exact.js';
import { compareResults } from '../src/analysis/compare.js';
import { scoreMatrix } from '../src/scoring/score.js';
import { runCli } from './support/cli.js';
import { SAMPLE, sampleText } from './support/round.js';

const EXPECTED = join(SAMPLE, 'expected-score.json');
const expected = () => JSON.parse(sampleText('expected-score.json'));
type UnitJson = { unit: string; index: string | null; rank: number | null; rankGroup: string; name: string };

/** A modified copy: Nội vụ 88.76 → 90.01 and first; Tài chính and LĐTB&XH one rank down; TN&MT gone; a new unit. */
function modified() {
  const d = expected();
  const units = d.units as UnitJson[];
  const nv = units.find((u) => u.unit === 'noi-vu')!;
  nv.index = '90.01';
  nv.rank = 1;
  for (const u of units) if (u.unit === 'tai-chinh' || u.unit === 'ldtbxh') u.rank! += 1;
  d.units = units.filter((u) => u.unit !== 'tnmt');
  d.units.push({ unit: 'so-moi', name: 'Sở Mới', group: 'so', rankGroup: 'so', index: '70.5', rank: 21 });
  return d;
}

function tmp(name: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'parindex-compare-'));
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

describe('compareResults', () => {
  it('finds no change between a result and itself', () => {
    const r = parseResultJson(expected(), { file: 'a.json' });
    expect(r.units).toHaveLength(52);
    expect(r.decimals).toBe(2);
    const c = compareResults(r, r);
    expect(c.units).toHaveLength(52);
    for (const u of c.units) {
      expect(u.status).toBe('both');
      expect(u.change!.sign()).toBe(0);
      expect(u.rankChange).toBe(0);
    }
    expect(c.leagues.get('so')!).toMatchObject({ compared: 22, meanChange: Exact.ZERO, up: 0, down: 0, same: 22, onlyOld: 0, onlyNew: 0, risers: [], fallers: [] });
    expect(c.leagues.get('quan-huyen')!.compared).toBe(30);
  });

  it('gives the hand-computed change of a modified unit, flags units in one file only', () => {
    const c = compareResults(parseResultJson(expected()), parseResultJson(modified()));
    const nv = c.units.find((u) => u.unit === 'noi-vu')!;
    expect(nv.change!.eq(Exact.of(125, 100))).toBe(true); // 90.01 − 88.76
    expect([nv.oldRank, nv.newRank, nv.rankChange]).toEqual([3, 1, 2]);
    const tc = c.units.find((u) => u.unit === 'tai-chinh')!;
    expect([tc.change!.sign(), tc.oldRank, tc.newRank, tc.rankChange]).toEqual([0, 1, 2, -1]);
    const gone = c.units.find((u) => u.unit === 'tnmt')!;
    expect([gone.status, gone.oldIndex!.toString(), gone.newIndex, gone.change, gone.rankChange]).toEqual(['only-old', '68.11', null, null, null]);
    const added = c.units.find((u) => u.unit === 'so-moi')!;
    expect([added.status, added.newIndex!.toString(), added.change]).toEqual(['only-new', '70.5', null]);
    // League so: 21 units in both, one changed by 1.25 → mean 1.25 / 21, exactly.
    expect(c.leagues.get('so')!).toMatchObject({ compared: 21, up: 1, down: 2, same: 18, onlyOld: 1, onlyNew: 1 });
    expect(c.leagues.get('so')!.meanChange!.eq(Exact.of(125, 2100))).toBe(true);
    // Listed by league, then new rank (units only in the old file after, by old rank).
    const so = c.units.filter((u) => u.rankGroup === 'so').map((u) => u.unit);
    expect(so.slice(0, 3)).toEqual(['noi-vu', 'tai-chinh', 'ldtbxh']);
    expect(so[so.length - 1]).toBe('tnmt');
    const j = comparisonJson(c, { decimals: c.decimals, rounding: 'half-up' });
    expect(j.units.find((u) => u.unit === 'noi-vu')).toMatchObject({ oldIndex: '88.76', newIndex: '90.01', change: '1.25', rankChange: 2 });
    expect(j.leagues.so.meanChange).toBe('0.06');
  });

  it('reads the CSV of a round like its JSON', async () => {
    const t = sampleTables();
    const fw = hanoi2021Framework();
    const units = hanoi2021Units();
    const result = scoreMatrix(fw, units, buildInputs(fw, units, { evidence: t.evidence, survey: t.survey }));
    const fromCsv = await loadResultFile(tmp('r.csv', scoreResultCsv(result, { bom: true })));
    const fromJson = await loadResultFile(EXPECTED);
    const strip = (f: typeof fromCsv) => f.units.map(({ row: _row, ...u }) => ({ ...u, index: u.index?.toString() }));
    expect(strip(fromCsv)).toEqual(strip(fromJson));
    expect(compareResults(fromJson, fromCsv).units.every((u) => u.change!.sign() === 0 && u.rankChange === 0)).toBe(true);
  });

  it('reads the workbook `score --format xlsx` writes like the JSON of the same round', async () => {
    const t = sampleTables();
    const fw = hanoi2021Framework();
    const units = hanoi2021Units();
    const inputs = buildInputs(fw, units, { evidence: t.evidence, survey: t.survey });
    const result = scoreMatrix(fw, units, inputs);
    const bytes = await scoreResultWorkbook(result, { inputs });
    const dir = mkdtempSync(join(tmpdir(), 'parindex-compare-'));
    writeFileSync(join(dir, 'r.xlsx'), bytes);
    const fromXlsx = await loadResultFile(join(dir, 'r.xlsx'));
    const fromJson = await loadResultFile(EXPECTED);
    const key = (f: typeof fromXlsx) => f.units.map((u) => [u.unit, u.rankGroup, u.rank, u.index?.toString()]).sort();
    expect(key(fromXlsx)).toEqual(key(fromJson));
    const cmp = compareResults(fromJson, fromXlsx);
    expect(cmp.units).toHaveLength(52);
    expect(cmp.units.every((u) => u.change!.sign() === 0 && u.rankChange === 0)).toBe(true);
  });

  it('reads the league sheets of a results workbook (numeric cells exact, other sheets skipped)', async () => {
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    const summary = wb.addWorksheet('Tóm tắt');
    summary.addRow(['League', 'Units', 'Mean']);
    summary.addRow(['so', 22, 81.5]);
    const so = wb.addWorksheet('so');
    so.addRow(['Chỉ số CCHC 2021 — khối sở']); // a title row above the header
    so.addRow(['Xếp hạng', 'Mã đơn vị', 'Tên đơn vị', 'Khối', 'Chỉ số']);
    so.addRow([1, 'tai-chinh', 'Sở Tài chính', 'so', 89.83]);
    so.addRow([2, 'ldtbxh', 'Sở LĐTB&XH', 'so', { formula: 'B1', result: 89.71 }]);
    so.addRow([3, 'noi-vu', 'Sở Nội vụ', 'so', 88.1]);
    const qh = wb.addWorksheet('quan-huyen');
    qh.addRow(['rank', 'unit', 'name', 'rankGroup', 'index']);
    qh.addRow([1, 'cau-giay', 'Quận Cầu Giấy', 'quan-huyen', 95.24]);
    qh.addRow([null, 'moi', 'Mới', 'quan-huyen', null]);
    const path = join(mkdtempSync(join(tmpdir(), 'parindex-compare-')), 'r.xlsx');
    await wb.xlsx.writeFile(path);
    const r = await loadResultFile(path);
    expect(r.units.map((u) => [u.unit, u.rankGroup, u.index?.toString() ?? null, u.rank, u.row])).toEqual([
      ['tai-chinh', 'so', '89.83', 1, 3],
      ['ldtbxh', 'so', '89.71', 2, 4],
      ['noi-vu', 'so', '88.1', 3, 5],
      ['cau-giay', 'quan-huyen', '95.24', 1, 2],
      ['moi', 'quan-huyen', null, null, 3],
    ]);
    const c = compareResults(parseResultJson(expected()), r);
    expect(c.units.find((u) => u.unit === 'noi-vu')!.change!.toString()).toBe('-0.66'); // 88.1 − 88.76
    expect(c.units.find((u) => u.unit === 'tai-chinh')!.change!.sign()).toBe(0);
    const bad = new ExcelJS.Workbook();
    bad.addWorksheet('notes').addRow(['nothing here']);
    const badPath = join(mkdtempSync(join(tmpdir(), 'parindex-compare-')), 'bad.xlsx');
    await bad.xlsx.writeFile(badPath);
    await expect(loadResultFile(badPath)).rejects.toMatchObject({ code: 'no-results-sheet', file: badPath });
    const noValue = new ExcelJS.Workbook();
    const sheet = noValue.addWorksheet('so');
    sheet.addRow(['unit', 'index']);
    sheet.addRow(['a', { formula: 'C2*2' }]);
    const noValuePath = join(mkdtempSync(join(tmpdir(), 'parindex-compare-')), 'nv.xlsx');
    await noValue.xlsx.writeFile(noValuePath);
    await expect(loadResultFile(noValuePath)).rejects.toMatchObject({ code: 'formula-without-value', file: noValuePath, sheet: 'so', row: 2, column: 'index' });
  });

  it('compares at the larger printed precision', () => {
    const d = modified();
    (d.units as UnitJson[]).find((u) => u.unit === 'noi-vu')!.index = '90.015';
    const c = compareResults(parseResultJson(expected()), parseResultJson(d));
    expect(c.decimals).toBe(3);
    expect(c.units.find((u) => u.unit === 'noi-vu')!.change!.toString()).toBe('1.255');
  });

  it('reports bad result data with locations, all together', () => {
    const d = expected();
    d.units[1].index = '89,71';
    d.units[3].rank = 'first';
    d.units[5].unit = d.units[4].unit;
    let err: ParIndexError | undefined;
    try {
      parseResultJson(d, { file: 'bad.json' });
    } catch (e) {
      err = e as ParIndexError;
    }
    expect(err).toBeInstanceOf(ParIndexError);
    expect(err!.issues.map((i) => [i.file, i.row, i.column, i.code, i.value])).toEqual([
      ['bad.json', 3, 'index', 'bad-number', '89,71'],
      ['bad.json', 5, 'rank', 'bad-number', 'first'],
      ['bad.json', 7, 'unit', 'duplicate-unit', d.units[4].unit],
    ]);
    const notResult = safe(() => parseResultJson([{ unit: 'a' }], { file: 'x.json' }));
    expect(notResult.ok).toBe(false);
    if (!notResult.ok) expect(notResult.issues[0]).toMatchObject({ file: 'x.json', code: 'bad-json' });
    const noIndex = safe(() => parseResultJson({ units: [{ unit: 'a', rank: 1 }] }, { file: 'y.json' }));
    expect(noIndex.ok).toBe(false);
    if (!noIndex.ok) expect(noIndex.issues[0]).toMatchObject({ file: 'y.json', code: 'missing-column' });
  });
});

describe('parindex compare (CLI)', () => {
  it('prints a table, JSON and CSV', async () => {
    const newer = tmp('new.json', JSON.stringify(modified()));
    const t = await runCli(['compare', EXPECTED, newer, '--lang', 'en']);
    expect(t.code).toBe(0);
    expect(t.stdout).toMatch(/noi-vu\s+Sở Nội vụ\s+88\.76\s+90\.01\s+\+1\.25\s+3\s+\+2/);
    expect(t.stdout).toContain('only-old');
    const j = await runCli(['compare', EXPECTED, newer, '--format', 'json']);
    expect(JSON.parse(j.stdout).leagues.so).toMatchObject({ compared: 21, meanChange: '0.06', onlyOld: 1, onlyNew: 1 });
    const dir = mkdtempSync(join(tmpdir(), 'parindex-compare-'));
    const out = join(dir, 'c.csv');
    expect((await runCli(['compare', EXPECTED, newer, '--format', 'csv', '--decimals', '3', '--out', out, '--lang', 'en'])).code).toBe(0);
    const lines = readFileSync(out, 'utf8').trim().split('\r\n');
    expect(lines[0].startsWith('rankGroup,unit,name,status,oldIndex,newIndex,change,oldRank,newRank,rankChange,area 1 old,area 1 new,area 1 change,')).toBe(true);
    expect(lines.find((l) => l.startsWith('so,noi-vu,'))!.startsWith('so,noi-vu,Sở Nội vụ,both,88.760,90.010,1.250,3,1,2,9.280,9.280,0.000,')).toBe(true);
  });

  it('exits 1 naming unreadable or invalid files (both reported), 2 on bad usage', async () => {
    const broken = tmp('broken.json', '{"units": [');
    const dir = mkdtempSync(join(tmpdir(), 'parindex-compare-'));
    const out = join(dir, 'c.json');
    const r = await runCli(['compare', broken, join(dir, 'missing.json'), '--out', out, '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(broken);
    expect(r.stderr).toContain('not valid JSON');
    expect(r.stderr).toContain('missing.json');
    expect(existsSync(out)).toBe(false);
    const wrong = await runCli(['compare', EXPECTED, join(SAMPLE, 'units.csv'), '--lang', 'en']);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('units.csv');
    expect(wrong.stderr).toContain('"index"');
    expect((await runCli(['compare', EXPECTED, tmp('r.txt2', '')])).code).toBe(1);
    expect((await runCli(['compare', EXPECTED])).code).toBe(2);
    expect((await runCli(['compare', EXPECTED, EXPECTED, '--format', 'pdf'])).code).toBe(2);
  });
});
