/**
 * SIPAS as a report to hand on: the embedded sample (data/hanoi-2021 SIPAS files, whose figures are
 * expected-sipas.json) rendered as a workbook — read back, every figure equals the JSON result,
 * printed A4 landscape with the header repeated, the same bytes twice — and as an HTML page with the
 * Vietnamese labels and the figures; through the library (renderHtml, renderXlsx) and the CLI
 * (`parindex sipas --format xlsx|html`).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderHtml, scoreSipas, sipasBuiltin } from '../src/index.js';
import { loadUnits } from '../src/node/files.js';
import { scoreSurvey } from '../src/node/sipas-file.js';
import { sipasResultHtml } from '../src/report/sipas-html.js';
import { buildSurveyDefinition } from '../src/sipas/definition.js';
import { parseCsvTable } from '../src/table/csv.js';
import { renderXlsx } from '../src/xlsx/index.js';
import { loadExcelJS } from '../src/xlsx/load-exceljs.js';
import { sipasResultWorkbook } from '../src/xlsx/sipas-workbook.js';
import { runCli } from './support/cli.js';
import { SAMPLE, sampleText } from './support/round.js';

const expected = JSON.parse(sampleText('expected-sipas.json')) as {
  units: { unit: string; index: string | null; rank: number | null; forms: number; valid: number; invalid: number; skipped: number; nodes: Record<string, string | null> }[];
};
const Q = join(SAMPLE, 'sipas-questions.csv');
const R = join(SAMPLE, 'sipas-responses.csv');
const U = join(SAMPLE, 'units.csv');

const definition = () => buildSurveyDefinition(parseCsvTable(sampleText('sipas-questions.csv'), { file: 'sipas-questions.csv' }));

async function load(bytes: Uint8Array) {
  const ExcelJS = await loadExcelJS();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

const num = (t: string | null) => (t === null ? null : Number(t));

describe('SIPAS workbook', () => {
  it('holds the figures of expected-sipas.json, every unit, node and question, and the pooled row', async () => {
    const result = await scoreSurvey(definition(), R);
    const bytes = await sipasResultWorkbook(result);
    const wb = await load(bytes);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Kết quả SIPAS', 'Chi tiết câu hỏi', 'Bộ câu hỏi', 'Thông tin']);
    const main = wb.getWorksheet('Kết quả SIPAS')!;
    expect(main.getRow(1).values).toEqual([undefined, 'Xếp hạng', 'Mã đơn vị', 'Chỉ số SIPAS (%)', '1', '2', '3', '4', '5', 'Số phiếu', 'Phiếu hợp lệ', 'Phiếu không hợp lệ', 'Phiếu bị loại do lỗi dữ liệu']);
    expect(main.getCell('D1').note).toBeTruthy();
    const ranked = expected.units.filter((u) => u.unit !== 'ALL');
    expect(main.rowCount).toBe(ranked.length + 1);
    ranked.forEach((u, i) => {
      const v = main.getRow(i + 2).values as unknown[];
      expect(v.slice(1)).toEqual([u.rank, u.unit, num(u.index), ...['1', '2', '3', '4', '5'].map((k) => num(u.nodes[k])), u.forms, u.valid, u.invalid, u.skipped]);
    });
    expect(main.getCell('C2').numFmt).toBe('0.00');
    expect(main.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' });
    const detail = wb.getWorksheet('Chi tiết câu hỏi')!;
    const codes = Object.keys(expected.units[0].nodes).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
    expect((detail.getRow(1).values as unknown[]).slice(8)).toEqual(result.definition.nodes.map((n) => n.code));
    expect(result.definition.nodes.map((n) => n.code).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))).toEqual(codes);
    expected.units.forEach((u, i) => {
      const v = detail.getRow(i + 2).values as unknown[];
      expect(v[2]).toBe(u.unit === 'ALL' ? 'ALL (Tất cả các phiếu)' : u.unit);
      expect([v[1] ?? null, v[3], v[4], v[5], v[6], v[7]]).toEqual([u.rank, num(u.index), u.forms, u.valid, u.invalid, u.skipped]);
      result.definition.nodes.forEach((n, k) => expect(v[8 + k] ?? null).toBe(num(u.nodes[n.code])));
    });
    expect(detail.getRow(expected.units.length + 1).font?.bold).toBe(true);
    const defs = wb.getWorksheet('Bộ câu hỏi')!;
    expect((defs.getRow(1).values as unknown[]).slice(1)).toEqual(['Mã', 'Nội dung', 'Loại', 'Trọng số', 'Không bắt buộc', 'Cách tổng hợp', 'Cột trong tệp phiếu', 'Tỷ lệ hài lòng (%)']);
    const all = expected.units.find((u) => u.unit === 'ALL')!;
    expect((defs.getRow(2).values as unknown[]).slice(1, 5)).toEqual(['1', result.definition.nodes[0].title, 'yếu tố', 1]);
    expect(defs.getCell('H2').value).toBe(num(all.nodes['1']));
    const info = wb.getWorksheet('Thông tin')!;
    expect(info.getRow(6).values).toEqual([undefined, 'Tất cả các phiếu: số phiếu', 2890]);
  });

  it('has a sheet per league with names when a units file is given, English labels with lang', async () => {
    const result = await scoreSurvey(definition(), R, { units: await loadUnits(U) });
    const wb = await load(await sipasResultWorkbook(result, result.settings, { lang: 'en', title: 'SIPAS 2021' }));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['SIPAS so', 'SIPAS quan-huyen', 'Questions detail', 'Definition', 'About']);
    const so = wb.getWorksheet('SIPAS so')!;
    expect((so.getRow(1).values as unknown[]).slice(1, 6)).toEqual(['Rank', 'Unit', 'Name', 'Group', 'SIPAS index (%)']);
    expect((so.getRow(2).values as unknown[]).slice(1, 6)).toEqual([1, 'ldtbxh', 'Sở Lao động - Thương binh và Xã hội', 'so', 91.82]);
    expect(so.headerFooter.oddHeader).toBe('&C&"-,Bold"SIPAS 2021');
    const qh = wb.getWorksheet('SIPAS quan-huyen')!;
    expect((qh.getRow(2).values as unknown[]).slice(1, 6)).toEqual([1, 'cau-giay', 'Quận Cầu Giấy', 'quan', 89.4]);
    expect(qh.getCell('E2').numFmt).toBe('0.00');
  });

  it('gives the same bytes for the same result', async () => {
    const result = await scoreSurvey(definition(), R);
    const a = await sipasResultWorkbook(result);
    await new Promise((r) => setTimeout(r, 2100)); // past the zip format's 2-second clock
    expect(Buffer.from(await sipasResultWorkbook(await scoreSurvey(definition(), R))).equals(Buffer.from(a))).toBe(true);
  });
});

describe('SIPAS HTML', () => {
  it('is a self-contained page with the Vietnamese labels and the figures', async () => {
    const result = await scoreSurvey(definition(), R, { units: await loadUnits(U) });
    const html = sipasResultHtml(result);
    expect(html).toContain('<html lang="vi">');
    for (const label of [
      'Chỉ số hài lòng của người dân, tổ chức',
      'Khối so',
      'Khối quan-huyen',
      'Xếp hạng',
      'Tên đơn vị',
      'Chỉ số SIPAS (%)',
      'Số phiếu',
      'Phiếu hợp lệ',
      'Phiếu không hợp lệ',
      'Tất cả các phiếu',
      'Các yếu tố',
      'yếu tố',
      'câu hỏi',
    ])
      expect(html).toContain(label);
    expect(html).toMatch(
      /<td class="n">1<\/td><td class="t">ldtbxh<\/td><td class="t">Sở Lao động - Thương binh và Xã hội<\/td><td class="n b">91\.82<\/td><td class="n">92\.84<\/td><td class="n">91\.42<\/td><td class="n">90\.55<\/td><td class="n">90\.68<\/td><td class="n">93\.58<\/td><td class="n">280<\/td><td class="n">271<\/td><td class="n">9<\/td><td class="n">0<\/td><\/tr>/,
    );
    expect(html).toMatch(
      /<tr class="all"><td class="n"><\/td><td class="t">Tất cả các phiếu \(ALL\)<\/td><td class="t"><\/td><td class="n b">85\.29<\/td>.*<td class="n">2890<\/td><td class="n">2784<\/td><td class="n">106<\/td><td class="n">0<\/td><\/tr>/,
    );
    // Every unit's index as expected-sipas.json prints it.
    for (const u of expected.units) if (u.index) expect(html).toContain(`<td class="n b">${u.index}</td>`);
    expect(html).toContain('@page{size:A4 landscape');
    expect(html).not.toMatch(/<script|<link|https?:\/\/|src=/);
    expect(sipasResultHtml(result)).toBe(html);
    const en = sipasResultHtml(result, result.settings, { lang: 'en', numberStyle: 'vi', title: 'SIPAS <2021>' });
    expect(en).toContain('<title>SIPAS &lt;2021&gt;</title>');
    expect(en).toContain('<td class="n b">91,82</td>');
    expect(en).toContain('All forms');
  });

  it('renders through the library: renderHtml and renderXlsx take a SIPAS result', async () => {
    const r = await scoreSipas(sipasBuiltin('sipas-2017'), sampleText('sipas-responses.csv'));
    const html = renderHtml(r, { decimals: 3 });
    expect(html).toContain(`<td class="n b">${r.units[0].index!.toFixed(3)}</td>`);
    expect(r.units[0].index!.toFixed(2)).toBe('91.82');
    expect(html).toContain('Chỉ số SIPAS (%)');
    const wb = await load(await renderXlsx(r, { lang: 'en' }));
    expect(wb.worksheets[0].name).toBe('SIPAS results');
  });
});

describe('parindex sipas --format xlsx|html (CLI)', () => {
  it('writes both, refuses a workbook to a terminal without --out (exit 2)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parindex-sipas-report-'));
    const html = join(dir, 's.html');
    const h = await runCli(['sipas', '--questions', Q, '--responses', R, '--units', U, '--format', 'html', '--out', html, '--title', 'SIPAS năm 2021', '--number-style', 'vi', '--lang', 'vi']);
    expect([h.code, h.stderr]).toEqual([0, '']);
    const text = readFileSync(html, 'utf8');
    expect(text).toContain('<h1>SIPAS năm 2021</h1>');
    expect(text).toContain('<td class="n b">89,40</td>');
    const xlsx = join(dir, 's.xlsx');
    expect((await runCli(['sipas', '--questions', 'sipas-2017', '--responses', R, '--format', 'xlsx', '--out', xlsx, '--lang', 'vi'])).code).toBe(0);
    const wb = await load(readFileSync(xlsx));
    expect(wb.getWorksheet('Kết quả SIPAS')!.getCell('C2').value).toBe(91.82);
    expect((await runCli(['sipas', '--questions', Q, '--responses', R, '--format', 'html', '--bom'])).code).toBe(2);
    expect((await runCli(['sipas', '--print-definition', 'sipas-2017', '--format', 'xlsx', '--out', join(dir, 'd.xlsx')])).code).toBe(2);
  });
});
