/**
 * `compare` as a report to hand on: the sample against a copy scored with a few appraised values
 * changed (area and index changes computed by hand from those values), the largest movers in
 * order, an index-only file (compared by index, and said so), and the text, CSV, HTML and xlsx
 * renderings in Vietnamese (default) and English; the same comparison gives the same bytes; the CLI
 * writes every format with the right exit codes.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareResults, type Comparison } from '../src/analysis/compare.js';
import { parseResultJson, readResultTables } from '../src/analysis/result-file.js';
import { compare, createRound, renderHtml, resultFromJson, score } from '../src/index.js';
import { buildInputs } from '../src/criteria/evidence.js';
import { hanoi2021Framework, hanoi2021Units, sampleTables } from '../src/data/sample.js';
import { ParIndexError } from '../src/errors.js';
import { loadResultFile } from '../src/node/result-load.js';
import { Exact } from '../src/numbers/exact.js';
import { comparisonHtml } from '../src/report/compare-html.js';
import { comparisonCsv, comparisonJson, comparisonText } from '../src/report/compare-output.js';
import { scoreResultCsv } from '../src/report/results-csv.js';
import { scoreResultJson } from '../src/scoring/result-json.js';
import { scoreMatrix } from '../src/scoring/score.js';
import type { Table } from '../src/table/table.js';
import { parseCsvTable } from '../src/table/csv.js';
import { comparisonWorkbook } from '../src/xlsx/compare-workbook.js';
import { renderXlsx } from '../src/xlsx/index.js';
import { loadExcelJS } from '../src/xlsx/load-exceljs.js';
import { runCli } from './support/cli.js';
import { SAMPLE } from './support/round.js';

const F = { decimals: 2, rounding: 'half-up' as const };

/** Appraised values changed (unit, criterion, new appraised): all `points` leaves, so points = the value. */
const CHANGES: [string, string, string][] = [
  ['tnmt', '2.4', '1.5'], // 1 → 1.5: area 2 +0.5
  ['tnmt', '2.5', '1.5'], // 1 → 1.5: area 2 +0.5
  ['y-te', '1.5', '1.5'], // 1.25 → 1.5: area 1 +0.25
  ['y-te', '3.5', '1.5'], // 1.25 → 1.5: area 3 +0.25
  ['noi-vu', '1.4', '0.25'], // 1.25 → 0.25: area 1 −1
  ['noi-vu', '2.5', '1.5'], // 1.25 → 1.5: area 2 +0.25
  ['gtvt', '1.4', '0.75'], // 1 → 0.75: area 1 −0.25
  ['cau-giay', '5.3', '2'], // 2.5 → 2: area 5 −0.5
];

function changed(evidence: Table): Table {
  const col = (name: string) => evidence.header.indexOf(name);
  const [u, c, a] = [col('unit'), col('criterion'), col('appraised')];
  const rows = evidence.rows.map((r) => {
    const hit = CHANGES.find(([unit, code]) => r.cells[u] === unit && r.cells[c] === code);
    if (!hit) return r;
    const cells = [...r.cells];
    cells[a] = hit[2];
    return { ...r, cells };
  });
  return { ...evidence, rows };
}

/** The sample scored as is, and with CHANGES. */
function scoredPair() {
  const t = sampleTables();
  const fw = hanoi2021Framework();
  const units = hanoi2021Units();
  const before = scoreMatrix(fw, units, buildInputs(fw, units, { evidence: t.evidence, survey: t.survey }));
  const after = scoreMatrix(fw, units, buildInputs(fw, units, { evidence: changed(t.evidence), survey: t.survey }));
  return { before, after };
}

function comparison(top?: number): Comparison {
  const { before, after } = scoredPair();
  return compareResults(parseResultJson(JSON.parse(JSON.stringify(scoreResultJson(before))), { file: 'old.json' }), parseResultJson(JSON.parse(JSON.stringify(scoreResultJson(after))), { file: 'new.json' }), { top });
}

const x = (text: string) => Exact.of(BigInt(text.replace('.', '').replace('-', '')) * (text.startsWith('-') ? -1n : 1n), 100n);

function tmpFile(name: string, text: string | Uint8Array): string {
  const p = join(mkdtempSync(join(tmpdir(), 'parindex-compare-report-')), name);
  writeFileSync(p, text);
  return p;
}

describe('compare: area points and the largest movers', () => {
  it('gives the hand-computed index and area changes of the modified units', () => {
    const c = comparison();
    expect(c.areas).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    expect(c.areasMissing).toBeNull();
    const u = (id: string) => c.units.find((v) => v.unit === id)!;
    const area = (id: string, code: string) => u(id).areas!.get(code)!;
    // tnmt: area 2 5.59 → 6.59, index 68.11 → 69.11, still last.
    expect([area('tnmt', '2').old!.toString(), area('tnmt', '2').new!.toString(), area('tnmt', '2').change!.eq(x('1.00'))]).toEqual(['5.59', '6.59', true]);
    expect([u('tnmt').newIndex!.toString(), u('tnmt').change!.eq(x('1.00')), u('tnmt').rankChange]).toEqual(['69.11', true, 0]);
    // noi-vu: area 1 −1.00 (9.28 → 8.28), area 2 +0.25 (7.05 → 7.30), index −0.75 → 88.01: below thanh-tra (88.40).
    expect([area('noi-vu', '1').new!.toString(), area('noi-vu', '1').change!.eq(x('-1.00')), area('noi-vu', '2').new!.toString()]).toEqual(['8.28', true, '7.3']);
    expect([u('noi-vu').newIndex!.toString(), u('noi-vu').change!.eq(x('-0.75')), u('noi-vu').oldRank, u('noi-vu').newRank, u('noi-vu').rankChange]).toEqual(['88.01', true, 3, 4, -1]);
    expect([u('thanh-tra').change!.sign(), u('thanh-tra').rankChange]).toEqual([0, 1]);
    // y-te: areas 1 and 3 +0.25 each, index +0.50; every other area unchanged.
    expect([...u('y-te').areas!].map(([code, a]) => [code, a.change!.toFixed(2)])).toEqual([
      ['1', '0.25'],
      ['2', '0.00'],
      ['3', '0.25'],
      ['4', '0.00'],
      ['5', '0.00'],
      ['6', '0.00'],
      ['7', '0.00'],
      ['8', '0.00'],
    ]);
    expect(u('y-te').change!.eq(x('0.50'))).toBe(true);
    expect(u('cau-giay').change!.eq(x('-0.50'))).toBe(true);
    expect(area('cau-giay', '5').change!.eq(x('-0.50'))).toBe(true);
  });

  it('lists the largest rises and falls per league, largest first, and the exact means', () => {
    const c = comparison();
    expect(c.top).toBe(5);
    const so = c.leagues.get('so')!;
    expect(so.risers.map((u) => [u.unit, u.change!.toFixed(2)])).toEqual([
      ['tnmt', '1.00'],
      ['y-te', '0.50'],
    ]);
    expect(so.fallers.map((u) => [u.unit, u.change!.toFixed(2)])).toEqual([
      ['noi-vu', '-0.75'],
      ['gtvt', '-0.25'],
    ]);
    expect([so.up, so.down, so.same]).toEqual([1, 1, 20]);
    // Mean index change (1 + 0.5 − 0.75 − 0.25) / 22 = 1/44; area means over the 22 units.
    expect(so.meanChange!.eq(Exact.of(1, 44))).toBe(true);
    expect(so.areaMeanChange!.get('1')!.eq(Exact.of(-1, 22))).toBe(true); // (−1 + 0.25 − 0.25) / 22
    expect(so.areaMeanChange!.get('2')!.eq(Exact.of(125, 2200))).toBe(true); // (1 + 0.25) / 22
    expect(so.areaMeanChange!.get('3')!.eq(Exact.of(25, 2200))).toBe(true);
    expect(so.areaMeanChange!.get('5')!.sign()).toBe(0);
    const qh = c.leagues.get('quan-huyen')!;
    expect([qh.risers.length, qh.fallers.map((u) => u.unit)]).toEqual([0, ['cau-giay']]);
    expect(qh.areaMeanChange!.get('5')!.eq(Exact.of(-5, 300))).toBe(true); // −0.5 / 30
    // top 1 keeps the largest of each; top 0 lists every unit that moved.
    const one = comparison(1).leagues.get('so')!;
    expect([one.risers.map((u) => u.unit), one.fallers.map((u) => u.unit)]).toEqual([['tnmt'], ['noi-vu']]);
    expect(
      comparison(0)
        .leagues.get('so')!
        .risers.map((u) => u.unit),
    ).toEqual(['tnmt', 'y-te']);
  });

  it('orders equal changes by rank gain, then id', () => {
    const units = (idx: Record<string, [string, number]>) => ({ units: Object.entries(idx).map(([unit, [index, rank]]) => ({ unit, rankGroup: 'l', index, rank })) });
    const a = parseResultJson(units({ p: ['50.00', 3], q: ['50.00', 4], r: ['60.00', 2], s: ['70.00', 1] }));
    const b = parseResultJson(units({ p: ['51.00', 3], q: ['51.00', 2], r: ['61.00', 1], s: ['69.00', 4] }));
    const l = compareResults(a, b).leagues.get('l')!;
    expect(l.risers.map((u) => u.unit)).toEqual(['q', 'r', 'p']); // +1 each: q gained 2 ranks, r 1, p 0
    expect(l.fallers.map((u) => u.unit)).toEqual(['s']);
  });

  it('compares the index only when a file has no area points, and says so', async () => {
    const { before, after } = scoredPair();
    const indexOnly = parseCsvTable('unit,rankGroup,index,rank\r\nnoi-vu,so,88.76,3\r\ntnmt,so,68.11,22\r\n', { file: 'old.csv' });
    const oldFile = readResultTables([indexOnly]);
    expect(oldFile.hasAreas).toBeUndefined();
    const newFile = await loadResultFile(tmpFile('new.csv', scoreResultCsv(after)));
    expect(newFile.hasAreas).toBe(true);
    const c = compareResults(oldFile, newFile);
    expect([c.areas, c.areasMissing]).toEqual([null, 'old']);
    expect(c.units.every((u) => u.areas === null)).toBe(true);
    expect(c.leagues.get('so')!.areaMeanChange).toBeNull();
    expect(c.units.find((u) => u.unit === 'tnmt')!.change!.eq(x('1.00'))).toBe(true);
    expect(comparisonText(c, F)).toContain('Tệp cũ không có điểm theo lĩnh vực: chỉ so sánh chỉ số.');
    expect(comparisonText(c, F, { lang: 'en' })).toContain('The old file has no area points: only the index is compared.');
    expect(comparisonHtml(c, F)).toContain('Tệp cũ không có điểm theo lĩnh vực');
    expect(comparisonJson(c, F)).toMatchObject({ areas: null, areasMissing: 'old' });
    expect(compareResults(newFile, oldFile).areasMissing).toBe('new');
    expect(compareResults(oldFile, oldFile).areasMissing).toBe('both');
    // A CSV of the sample reads the same area points as its JSON.
    const fromJson = parseResultJson(JSON.parse(JSON.stringify(scoreResultJson(before))));
    const fromCsv = await loadResultFile(tmpFile('old.csv', scoreResultCsv(before)));
    expect(compareResults(fromJson, fromCsv).units.every((u) => [...u.areas!.values()].every((a) => a.change!.sign() === 0))).toBe(true);
  });

  it('reads Vietnamese area headers and reports a bad area figure with its location', () => {
    const t = parseCsvTable('Mã đơn vị,Chỉ số,Lĩnh vực 1,Điểm lĩnh vực 2,LV 3 tối đa\r\na,80.5,7.25,6,9\r\nb,70,x,5,9\r\n', { file: 'r.csv' });
    let err: ParIndexError | undefined;
    try {
      readResultTables([t]);
    } catch (e) {
      err = e as ParIndexError;
    }
    expect(err!.issues.map((i) => [i.file, i.row, i.column, i.code, i.key, i.value])).toEqual([['r.csv', 3, 'Lĩnh vực 1', 'bad-number', 'bad-number/area-points', 'x']]);
    const ok = readResultTables([parseCsvTable('Mã đơn vị,Chỉ số,Lĩnh vực 1,Điểm lĩnh vực 2,LV 3 tối đa\r\na,80.5,7.25,6,9\r\n')]);
    // LV 3 has a maximum but no points column: not an area compared.
    expect([...ok.units[0].areas!].map(([code, a]) => [code, a.points?.toString() ?? null])).toEqual([
      ['1', '7.25'],
      ['2', '6'],
    ]);
  });

  it('keeps the JSON additive: the old keys, plus areas, risers, fallers and area means', () => {
    const j = comparisonJson(comparison(2), F);
    const nv = j.units.find((u) => u.unit === 'noi-vu')!;
    expect(nv).toMatchObject({ oldIndex: '88.76', newIndex: '88.01', change: '-0.75', oldRank: 3, newRank: 4, rankChange: -1, status: 'both', leagueChanged: false });
    expect(nv.areas!['1']).toEqual({ old: '9.28', new: '8.28', change: '-1.00' });
    expect(j.leagues.so).toMatchObject({ compared: 22, meanChange: '0.02', up: 1, down: 1, same: 20, onlyOld: 0, onlyNew: 0 });
    expect(j.leagues.so.risers.map((u) => [u.unit, u.change])).toEqual([
      ['tnmt', '1.00'],
      ['y-te', '0.50'],
    ]);
    expect(j.leagues.so.areaMeanChange).toMatchObject({ '1': '-0.05', '2': '0.06', '3': '0.01' });
    expect(j.top).toBe(2);
  });
});

describe('compare: text, CSV, HTML and xlsx', () => {
  it('writes text and CSV in Vietnamese by default, English with lang, decimal commas on request', () => {
    const c = comparison();
    const vi = comparisonText(c, F);
    expect(vi).toContain('Khối so — 22 đơn vị được so sánh, thay đổi chỉ số trung bình +0.02; tăng hạng 1, giảm hạng 1, giữ hạng 20');
    expect(vi).toContain('Tăng nhiều nhất: tnmt +1.00 (hạng 22 → 22); y-te +0.50 (hạng 18 → 18)');
    expect(vi).toContain('Giảm nhiều nhất: noi-vu -0.75 (hạng 3 → 4); gtvt -0.25 (hạng 21 → 21)');
    expect(vi).toMatch(/noi-vu\s+Sở Nội vụ\s+88\.76\s+88\.01\s+-0\.75\s+3\s+-1\s+-1\.00\s+\+0\.25\s+0\.00/);
    expect(comparisonText(c, F, { numberStyle: 'vi' })).toContain('tnmt +1,00 (hạng 22 → 22)');
    const en = comparisonText(c, F, { lang: 'en' });
    expect(en).toContain('League so — 22 units compared, mean change +0.02; rank up 1, down 1, same 20');
    expect(en).toContain('Largest falls: noi-vu -0.75 (rank 3 → 4)');
    const csv = comparisonCsv(c, F).trim().split('\r\n');
    expect(csv[0]).toBe('Khối,Mã đơn vị,Tên đơn vị,Trạng thái,Chỉ số cũ,Chỉ số mới,Thay đổi,Hạng cũ,Hạng mới,Thay đổi hạng,' + c.areas!.map((a) => `LV ${a} cũ,LV ${a} mới,LV ${a} thay đổi`).join(','));
    expect(csv).toContain('so,noi-vu,Sở Nội vụ,cả hai tệp,88.76,88.01,-0.75,3,4,-1,9.28,8.28,-1.00,7.05,7.30,0.25,15.19,15.19,0.00,8.12,8.12,0.00,11.03,11.03,0.00,8.83,8.83,0.00,13.26,13.26,0.00,16.00,16.00,0.00');
    const enCsv = comparisonCsv(c, F, { lang: 'en', csvStyle: 'vi' }).trim().split('\r\n');
    expect(enCsv[0].startsWith('rankGroup;unit;name;status;oldIndex;newIndex;change;oldRank;newRank;rankChange;area 1 old;area 1 new;area 1 change')).toBe(true);
    // (how a cell holding a comma is quoted is the CSV writer's business: compare the cells)
    expect(enCsv.map((l) => l.replace(/"/g, ''))).toContain(
      'so;noi-vu;Sở Nội vụ;both;88,76;88,01;-0,75;3;4;-1;9,28;8,28;-1,00;7,05;7,30;0,25;15,19;15,19;0,00;8,12;8,12;0,00;11,03;11,03;0,00;8,83;8,83;0,00;13,26;13,26;0,00;16,00;16,00;0,00',
    );
  });

  it('renders a self-contained HTML page: Vietnamese labels, the figures, print CSS, nothing from the network', () => {
    const c = comparison();
    const html = comparisonHtml(c, F, { title: 'So sánh 2020 & 2021' });
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('<title>So sánh 2020 &amp; 2021</title>');
    for (const label of ['Khối so', 'Tăng nhiều nhất', 'Giảm nhiều nhất', 'Chỉ số cũ', 'Chỉ số mới', 'Thay đổi hạng', 'Thay đổi điểm trung bình theo lĩnh vực']) expect(html).toContain(label);
    expect(html).toContain('<li>Sở Tài nguyên và Môi trường (tnmt): +1.00 — hạng cũ 22 → hạng mới 22</li>');
    expect(html).toMatch(
      /<td class="t">noi-vu<\/td><td class="t">Sở Nội vụ<\/td><td class="n">88\.76<\/td><td class="n b">88\.01<\/td><td class="n b">-0\.75<\/td><td class="n">3<\/td><td class="n">-1<\/td><td class="n" title="9\.28 → 8\.28">-1\.00<\/td>/,
    );
    expect(html).toContain('@page{size:A4 landscape');
    expect(html).toContain('thead{display:table-header-group}');
    expect(html).not.toMatch(/<script|<link|https?:\/\/|src=/);
    expect(html).toBe(comparisonHtml(comparison(), F, { title: 'So sánh 2020 & 2021' }));
    const en = comparisonHtml(c, F, { lang: 'en', numberStyle: 'vi' });
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('Largest rises');
    expect(en).toContain('+1,00');
  });

  it('writes a workbook whose figures equal the JSON, A4 landscape, header repeated, the same bytes twice', async () => {
    const c = comparison();
    const bytes = await comparisonWorkbook(c, F, { title: 'So sánh' });
    const ExcelJS = await loadExcelJS();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['So sánh so', 'So sánh quan-huyen', 'Tăng giảm nhiều nhất', 'Điểm lĩnh vực', 'Tổng hợp', 'Thông tin']);
    const ws = wb.getWorksheet('So sánh so')!;
    expect(ws.getRow(1).values).toEqual([undefined, 'Hạng mới', 'Mã đơn vị', 'Tên đơn vị', 'Chỉ số cũ', 'Chỉ số mới', 'Thay đổi', 'Hạng cũ', 'Thay đổi hạng', 'Ghi chú', ...c.areas!.map((a) => `LV ${a} thay đổi`)]);
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(ws.pageSetup.printTitlesRow).toBe('1:1');
    expect(ws.headerFooter.oddHeader).toBe('&C&"-,Bold"So sánh');
    const j = comparisonJson(c, F);
    const byUnit = new Map(j.units.map((u) => [u.unit, u]));
    ws.eachRow((row, n) => {
      if (n === 1) return;
      const v = row.values as unknown[];
      const u = byUnit.get(v[2] as string)!;
      expect([v[1] ?? null, v[4], v[5], v[6], v[7], v[8]]).toEqual([u.newRank, Number(u.oldIndex), Number(u.newIndex), Number(u.change), u.oldRank, u.rankChange]);
      c.areas!.forEach((a, i) => expect(v[10 + i]).toBe(Number(u.areas![a].change)));
    });
    expect(ws.getCell('F2').numFmt).toBe('+0.00;-0.00;0.00');
    const movers = wb.getWorksheet('Tăng giảm nhiều nhất')!;
    expect(movers.getRow(2).values).toEqual([undefined, 'so', 'Tăng nhiều nhất', 1, 'tnmt', 'Sở Tài nguyên và Môi trường', 68.11, 69.11, 1, 22, 22, 0]);
    const summary = wb.getWorksheet('Tổng hợp')!;
    expect((summary.getRow(2).values as unknown[]).slice(1, 9)).toEqual(['so', 22, 0.02, 1, 1, 20, 0, 0]);
    await new Promise((r) => setTimeout(r, 2100)); // past the zip format's 2-second clock
    expect(Buffer.from(await comparisonWorkbook(comparison(), F, { title: 'So sánh' })).equals(Buffer.from(bytes))).toBe(true);
  });

  it('renders through the library: renderHtml and renderXlsx take a comparison', async () => {
    const { before, after } = scoredPair();
    const t = sampleTables();
    const round = createRound({ framework: t.framework, units: t.units, evidence: t.evidence, survey: t.survey });
    const last = resultFromJson(JSON.parse(JSON.stringify(scoreResultJson(before))));
    const c = compare(last, resultFromJson(JSON.parse(JSON.stringify(scoreResultJson(after)))), { top: 1 });
    expect(c.leagues.get('so')!.risers.map((u) => u.unit)).toEqual(['tnmt']);
    expect(renderHtml(c, { lang: 'en', title: 'T' })).toContain('<title>T</title>');
    expect(renderHtml(c)).toContain('Tăng nhiều nhất');
    const bytes = await renderXlsx(c, { decimals: 3 });
    const ExcelJS = await loadExcelJS();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(wb.getWorksheet('So sánh so')!.getCell('D2').numFmt).toBe('0.000');
    expect(() => renderHtml(c, { previous: last } as never)).toThrow(ParIndexError);
    expect(() => compare(last, last, { top: -1 })).toThrow(ParIndexError);
    expect(compare(score(round), score(round)).areasMissing).toBeNull();
  });
});

describe('parindex compare --format xlsx|html (CLI)', () => {
  const OLD = join(SAMPLE, 'expected-score.json');
  const newer = () => {
    const { after } = scoredPair();
    return tmpFile('new.json', JSON.stringify(scoreResultJson(after)));
  };

  it('writes HTML and xlsx, and --top lists that many movers', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parindex-compare-report-'));
    const n = newer();
    const html = join(dir, 'c.html');
    const h = await runCli(['compare', OLD, n, '--format', 'html', '--out', html, '--title', 'So sánh kết quả 2021', '--top', '1', '--lang', 'vi']);
    expect([h.code, h.stderr]).toEqual([0, '']);
    const text = readFileSync(html, 'utf8');
    expect(text).toContain('<title>So sánh kết quả 2021</title>');
    expect(text).toContain('(tnmt): +1.00');
    expect(text).not.toContain('(y-te): +0.50');
    const xlsx = join(dir, 'c.xlsx');
    expect((await runCli(['compare', OLD, n, '--format', 'xlsx', '--out', xlsx, '--lang', 'en'])).code).toBe(0);
    const ExcelJS = await loadExcelJS();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(xlsx) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Compare so', 'Compare quan-huyen', 'Largest movers', 'Area points', 'Summary', 'About']);
    const table = await runCli(['compare', OLD, n, '--lang', 'en', '--top', '1']);
    expect(table.stdout).toContain('Largest rises: tnmt +1.00 (rank 22 → 22)\n');
    expect(table.stdout).toContain('Mean change of points per area: A1 -0.05; A2 +0.06; A3 +0.01; A4 0.00; A5 0.00; A6 0.00; A7 0.00; A8 0.00');
    const vi = await runCli(['compare', OLD, n, '--number-style', 'vi', '--lang', 'vi']);
    expect(vi.stdout).toContain('Tăng nhiều nhất: tnmt +1,00 (hạng 22 → 22); y-te +0,50 (hạng 18 → 18)');
  });

  it('refuses an unknown format, a workbook to a terminal, a bad --top (exit 2); an unreadable file exits 1 with no output', async () => {
    expect((await runCli(['compare', OLD, OLD, '--format', 'pdf'])).code).toBe(2);
    expect((await runCli(['compare', OLD, OLD, '--top', '-1'])).code).toBe(2);
    expect((await runCli(['compare', OLD, OLD, '--bom', '--format', 'html'])).code).toBe(2);
    const dir = mkdtempSync(join(tmpdir(), 'parindex-compare-report-'));
    const out = join(dir, 'c.html');
    const r = await runCli(['compare', OLD, join(dir, 'missing.json'), '--format', 'html', '--out', out, '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('missing.json');
    expect(existsSync(out)).toBe(false);
  });
});
