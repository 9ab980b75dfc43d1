/**
 * Results written for spreadsheets: the results workbook (`--format xlsx`) read back — values,
 * number formats, the self-vs-appraised and audit sheets adding up to the unit totals, settings —
 * the HTML report, and CSV output (BOM, formula injection) with its usage checks.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkOutputTarget } from '../src/cli/options.js';
import { main } from '../src/cli/program.js';
import { UsageError } from '../src/cli/run.js';
import { toCsv, neutralizeFormula } from '../src/report/csv-write.js';
import { scoreResultCsv } from '../src/report/results-csv.js';
import { escapeHtml, scoreResultHtml } from '../src/report/results-html.js';
import { loadResultFile } from '../src/node/result-load.js';
import { RESULT_SHEETS, scoreResultWorkbook } from '../src/xlsx/results-workbook.js';
import { loadRound } from '../src/node/round.js';
import { loadExcelJS } from '../src/xlsx/load-exceljs.js';
import { Exact } from '../src/numbers/exact.js';
import { areaSides, unitLeafAudit } from '../src/scoring/leaf-audit.js';
import { scoreMatrix } from '../src/scoring/score.js';
import { VERSION } from '../src/version.js';
import { csv, SAMPLE, sampleText, scoreCsv } from './support/round.js';
import { tempDir } from './support/xlsx.js';

const expected = JSON.parse(sampleText('expected-score.json'));
const dir = tempDir('parindex-results-');
const files = { framework: join(SAMPLE, 'framework.csv'), units: join(SAMPLE, 'units.csv'), evidence: [join(SAMPLE, 'evidence.csv')], survey: join(SAMPLE, 'survey.csv') };
const sample = async () => {
  const r = await loadRound(files);
  return { r, result: scoreMatrix(r.framework, r.units, r.inputs) };
};

async function readBook(bytes: Uint8Array) {
  const ExcelJS = await loadExcelJS();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as never);
  return wb;
}

const header = (ws: { getRow(n: number): { values: unknown } }) => (ws.getRow(1).values as unknown[]).slice(1);

/** The row of a league sheet's column labels (title, league, summary and legend lines come first). */
function labelRowOf(ws: { getRow(n: number): { values: unknown } }): number {
  for (let n = 1; n <= 10; n++) if ((ws.getRow(n).values as unknown[]).includes('Chỉ số CCHC')) return n;
  throw new Error('no label row');
}

describe('leaf audit', () => {
  it('adds up to every unit’s area points and max, total points and self points (both arithmetic paths agree)', async () => {
    const { r } = await sample();
    for (const path of ['fast', 'exact'] as const) {
      const result = scoreMatrix(r.framework, r.units, r.inputs, { path });
      for (const u of result.units) {
        const audit = unitLeafAudit(r.framework, r.inputs, r.inputs.unitIndex.get(u.unit)!);
        const sides = areaSides(audit);
        for (const [code, a] of u.areas) {
          expect(sides.get(code)!.points.eq(a.points), `${u.unit} area ${code}`).toBe(true);
          expect(sides.get(code)!.max.eq(a.max)).toBe(true);
        }
        const sum = (k: 'points' | 'selfPoints' | 'selfMax') => audit.reduce((s, x) => s.add(x[k]), Exact.ZERO);
        expect(sum('points').eq(u.points)).toBe(true);
        expect(sum('selfPoints').eq(u.selfPoints)).toBe(true);
        expect(sum('selfMax').eq(u.selfMax)).toBe(true);
        expect(audit.filter((x) => x.status === 'self').length).toBe(u.unappraised);
        expect(audit.filter((x) => x.status === 'missing' && x.criterion.rule !== 'adjust').length).toBe(u.missing);
      }
    }
  });

  it('a hand-computed unit: NA on the self side, an unappraised row, a missing row', () => {
    const fw = csv('code,title,max,method,rule,params,groups', '1,A,,,,,', '1.1,a,2,,points,,', '1.2,b,1,,yesno,,', '1.3,c,3,,ratio,target=30,', '1.4,d,4,,points,,');
    const r = scoreCsv(fw, csv('unit,name,group', 'u,U,g'), csv('unit,criterion,self,appraised', 'u,1.1,NA,1.5', 'u,1.2,có,', 'u,1.3,20,10'));
    const u = r.units[0];
    expect(u.areas.get('1')!.points.toString()).toBe('3.5'); // 1.5 + 1 + 3×10/30
    expect(u.selfPoints.toString()).toBe('3'); // 0 (NA) + 1 + 3×20/30
    expect(u.selfMax.toString()).toBe('8'); // 1 + 3 + 4 (NA leaves the self max)
  });
});

describe('results workbook', () => {
  it('league sheets in the published style hold the rounded figures with number format 0.00', async () => {
    const { r, result } = await sample();
    const wb = await readBook(await scoreResultWorkbook(result, { inputs: r.inputs, files }));
    // Without names from the units file, a league is named by its id.
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Khối so', 'Khối quan-huyen', 'Tổng hợp', 'Tự chấm và thẩm định', 'Chi tiết chấm điểm', 'Thiết lập']);
    const so = wb.getWorksheet('Khối so')!;
    const top = labelRowOf(so);
    const h = (so.getRow(top).values as unknown[]).slice(1);
    expect(h.slice(0, 2)).toEqual(['Xếp hạng', 'Tên đơn vị']);
    const col = (label: string) => h.indexOf(label) + 1;
    const areaCol = (code: string) => 1 + (so.getRow(top - 1).values as unknown[]).slice(1).findIndex((v) => typeof v === 'string' && v.startsWith(`${code}. `));
    const first = expected.units[0]; // tai-chinh, rank 1, index 89.83
    const row = so.getRow(top + 1);
    expect(row.getCell(col('Mã đơn vị')).value).toBe(first.unit);
    expect(row.getCell(col('Xếp hạng')).value).toBe(1);
    expect(row.getCell(col('Chỉ số CCHC')).value).toBe(89.83);
    expect(row.getCell(col('Chỉ số CCHC')).numFmt).toBe('0.00');
    expect(row.getCell(col('Tổng điểm')).value).toBe(Number(first.points));
    expect(row.getCell(col('Điểm tối đa áp dụng')).value).toBe(Number(first.max));
    expect(row.getCell(areaCol('3')).value).toBe(Number(first.areas['3'].points));
    expect(row.getCell(areaCol('3')).numFmt).toBe('0.00');
    expect(so.views[0]).toMatchObject({ state: 'frozen', ySplit: top });
    expect(so.getColumn(col('Tên đơn vị')).width).toBeGreaterThan(20);
    // Every unit of the league, in rank order, and nothing after them.
    const units = expected.units.filter((u: { rankGroup: string }) => u.rankGroup === 'so');
    expect(so.actualRowCount).toBe(units.length + top);
    units.forEach((u: { unit: string; index: string; rank: number }, i: number) => {
      expect([so.getRow(i + top + 1).getCell(col('Mã đơn vị')).value, so.getRow(i + top + 1).getCell(col('Chỉ số CCHC')).value, so.getRow(i + top + 1).getCell(1).value]).toEqual([u.unit, Number(u.index), u.rank]);
    });
  });

  it('the workbook is read back by compare’s reader with the published indices', async () => {
    const out = join(dir, 'results.xlsx');
    expect(await main(['node', 'parindex', 'demo', '--format', 'xlsx', '--out', out])).toBe(0);
    const back = await loadResultFile(out);
    expect(back.units.map((u) => [u.unit, u.index?.toFixed(2), u.rank])).toEqual(expected.units.map((u: { unit: string; index: string; rank: number }) => [u.unit, u.index, u.rank]));
  });

  it('compare reads back the printed figures: 88.40 stays "88.40" (from the 0.00 format), so decimals is 2', async () => {
    const out = join(dir, 'results-zeros.xlsx');
    expect(await main(['node', 'parindex', 'demo', '--format', 'xlsx', '--out', out])).toBe(0);
    const back = await loadResultFile(out);
    expect(back.decimals).toBe(2);
    expect(back.units.map((u) => [u.unit, u.indexText])).toEqual(expected.units.map((u: { unit: string; index: string }) => [u.unit, u.index]));
    expect(back.units.some((u) => u.indexText === '88.40')).toBe(true);
  });

  it('compare reads only visible league sheets with a header in their first 10 rows; others are not parsed', async () => {
    const ExcelJS = await loadExcelJS();
    const wb = new ExcelJS.Workbook();
    const so = wb.addWorksheet('Kết quả so');
    so.addRow(['Chỉ số CCHC 2021']);
    so.addRow([]);
    so.addRow(['Xếp hạng', 'Mã đơn vị', 'Chỉ số CCHC']);
    so.addRow([1, 'a', 89.8]).getCell(3).numFmt = '0.00';
    so.addRow([2, 'b', 85]).getCell(3).numFmt = '0.00';
    const old = wb.addWorksheet('Kết quả cũ', { state: 'hidden' });
    old.addRow(['Xếp hạng', 'Mã đơn vị', 'Chỉ số CCHC']);
    old.addRow([1, 'z', 70.123]);
    const late = wb.addWorksheet('Ghi chú');
    for (let i = 0; i < 10; i++) late.addRow([`dòng ${i + 1}`]);
    late.addRow(['Mã đơn vị', 'Chỉ số CCHC']); // row 11: not a league sheet
    late.addRow(['y', 1]);
    const blankTop = wb.addWorksheet('Trống');
    for (let i = 0; i < 13; i++) blankTop.addRow([]);
    blankTop.addRow(['Mã đơn vị', 'Chỉ số CCHC']); // row 14, below blank rows only: still too late
    blankTop.addRow(['x', 2]);
    const audit = wb.addWorksheet('Chi tiết chấm điểm');
    audit.addRow(['Mã đơn vị', 'Mã tiêu chí', 'Điểm']);
    for (let i = 0; i < 2000; i++) audit.addRow(['a', `1.${i}`, { error: '#N/A' }]); // never parsed past its header
    const path = join(dir, 'leagues.xlsx');
    await wb.xlsx.writeFile(path);
    const back = await loadResultFile(path);
    expect(back.units.map((u) => [u.unit, u.indexText, u.rank, u.row])).toEqual([
      ['a', '89.80', 1, 4],
      ['b', '85.00', 2, 5],
    ]);
    expect(back.decimals).toBe(2);
    const bad = join(dir, 'not-a-book.xlsx');
    writeFileSync(bad, 'unit,index\na,1\n');
    const err = await loadResultFile(bad).catch((e) => e);
    expect(err.issues[0]).toMatchObject({ code: 'bad-xlsx', file: bad, expected: 'an .xlsx workbook written by parindex score --format xlsx' });
    const none = new ExcelJS.Workbook();
    none.addWorksheet('notes').addRow(['nothing']);
    none.addWorksheet('Kết quả', { state: 'hidden' }).addRow(['unit', 'index']);
    const nonePath = join(dir, 'none.xlsx');
    await none.xlsx.writeFile(nonePath);
    expect((await loadResultFile(nonePath).catch((e) => e)).issues[0]).toMatchObject({ code: 'no-results-sheet', file: nonePath, value: 'notes, Kết quả (hidden)' });
  });

  it('--decimals 3 gives 0.000 formats and 3-decimal values', async () => {
    const { r } = await sample();
    const result = scoreMatrix(r.framework, r.units, r.inputs, { decimals: 3 });
    const wb = await readBook(await scoreResultWorkbook(result, { inputs: r.inputs }, { decimals: 3, rounding: 'half-up' }));
    const so = wb.getWorksheet('Khối so')!;
    const top = labelRowOf(so);
    const c = (so.getRow(top).values as unknown[]).indexOf('Chỉ số CCHC');
    expect(so.getRow(top + 1).getCell(c).numFmt).toBe('0.000');
    expect(so.getRow(top + 1).getCell(c).value).toBe(Number(result.units[0].index!.toFixed(3)));
  });

  it('self-vs-appraised and audit sheets: adjustments per area, every input with its evidence reference', async () => {
    const { r, result } = await sample();
    const wb = await readBook(await scoreResultWorkbook(result, { inputs: r.inputs, files }));
    const sides = wb.getWorksheet(RESULT_SHEETS.sides)!;
    const sh = header(sides);
    const u = result.units[0];
    const row = sides.getRow(2);
    expect(row.getCell(2).value).toBe(u.unit);
    const a1 = areaSides(unitLeafAudit(r.framework, r.inputs, r.inputs.unitIndex.get(u.unit)!)).get('1')!;
    expect(row.getCell(sh.indexOf('1 tự chấm') + 1).value).toBe(Number(a1.selfPoints.toFixed(2)));
    expect(row.getCell(sh.indexOf('1 thẩm định') + 1).value).toBe(Number(u.areas.get('1')!.points.toFixed(2)));
    expect(row.getCell(sh.indexOf('1 chênh lệch') + 1).value).toBe(Number(u.areas.get('1')!.points.sub(a1.selfPoints).toFixed(2)));
    expect(row.getCell(sh.indexOf('Chỉ số tự đánh giá') + 1).value).toBe(Number(expected.units[0].selfIndex));
    expect(row.getCell(sh.indexOf('Chỉ số sau thẩm định') + 1).value).toBe(89.83);

    const audit = wb.getWorksheet(RESULT_SHEETS.audit)!;
    const ah = header(audit);
    const at = (n: number, label: string) => audit.getRow(n).getCell(ah.indexOf(label) + 1);
    // Rows: every applicable leaf of every unit.
    const total = result.units.reduce((n, x) => n + unitLeafAudit(r.framework, r.inputs, r.inputs.unitIndex.get(x.unit)!).length, 0);
    expect(audit.actualRowCount).toBe(total + 1);
    // The first unit's rows re-add to its points.
    let sum = 0;
    let n = 2;
    for (; at(n, 'Mã đơn vị').value === u.unit; n++) sum += at(n, 'Điểm').value as number;
    expect(sum).toBeCloseTo(Number(u.points.toFixed(12)), 9);
    expect(sum.toFixed(2)).toBe(expected.units[0].points);
    expect(at(2, 'Điểm').numFmt).toBe('0.00');
    // An evidence reference from the sample, with its source row.
    const ev = sampleText('evidence.csv').split('\n');
    const line = ev.findIndex((l) => l.startsWith('tai-chinh,1.1.1,'));
    const cells = ev[line].split(',');
    let found = false;
    audit.eachRow((rw) => {
      if (rw.getCell(2).value === 'tai-chinh' && rw.getCell(4).value === '1.1.1') {
        found = true;
        expect(at(rw.number, 'Tài liệu kiểm chứng').value).toBe(cells[4]);
        expect(at(rw.number, 'Nguồn (tệp:dòng)').value).toBe(`evidence.csv:${line + 1}`);
        expect(at(rw.number, 'Điểm tự chấm').value).toBe(cells[2] === '1' ? 'có' : 'không');
      }
    });
    expect(found).toBe(true);

    const st = wb.getWorksheet(RESULT_SHEETS.settings)!;
    const settings = new Map<string, unknown>();
    st.eachRow((rw, i) => i > 1 && settings.set(String(rw.getCell(1).value), rw.getCell(2).value));
    expect(settings.get('parindex')).toBe(VERSION);
    expect(settings.get('framework')).toBe(files.framework);
    expect(settings.get('decimals')).toBe(2);
    expect(settings.get('rounding')).toBe('half-up');
    expect(settings.get('ties')).toBe('competition');
  });

  it('the audit continues on further sheets past the row limit', async () => {
    const { r, result } = await sample();
    const wb = await readBook(await scoreResultWorkbook(result, { inputs: r.inputs, maxRowsPerSheet: 1000 }));
    const parts = wb.worksheets.filter((w) => w.name.startsWith(RESULT_SHEETS.audit));
    const total = result.units.reduce((n, x) => n + unitLeafAudit(r.framework, r.inputs, r.inputs.unitIndex.get(x.unit)!).length, 0);
    expect(parts.map((p) => p.name)).toEqual(Array.from({ length: Math.ceil(total / 1000) }, (_, i) => (i === 0 ? RESULT_SHEETS.audit : `${RESULT_SHEETS.audit} (${i + 1})`)));
    expect(parts.reduce((s, p) => s + p.actualRowCount - 1, 0)).toBe(total);
  });
});

describe('html report', () => {
  it('one table per league with the published figures; text escaped', async () => {
    const { result } = await sample();
    const html = scoreResultHtml(result);
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html.match(/<table class="r">/g)).toHaveLength(2);
    expect(html).toContain('<td class="n idx">89.83</td>');
    expect(html).toContain('Sở Tài chính');
    expect(escapeHtml(`<script>"x" & 'y'</script>`)).toBe('&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/script&gt;');
    const evil = scoreCsv(csv('code,title,max,method,rule,params,groups', '1,A,,,,,', '1.1,a,2,,points,,'), csv('unit,name,group', 'u,<img src=x onerror=alert(1)>,g'), csv('unit,criterion,self', 'u,1.1,1'));
    const page = scoreResultHtml(evil);
    expect(page).not.toContain('<img');
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('demo --format html writes the report', async () => {
    const out = join(dir, 'report.html');
    expect(await main(['node', 'parindex', 'demo', '--format', 'html', '--out', out])).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('<h2>Khối quận, huyện, thị xã</h2>');
  });
});

describe('CSV for spreadsheets', () => {
  it('--bom starts the file with a UTF-8 BOM; without it there is none', async () => {
    const a = join(dir, 'bom.csv');
    const b = join(dir, 'nobom.csv');
    expect(await main(['node', 'parindex', 'demo', '--format', 'csv', '--bom', '--out', a, '--lang', 'en'])).toBe(0);
    expect(await main(['node', 'parindex', 'demo', '--format', 'csv', '--out', b, '--lang', 'en'])).toBe(0);
    const withBom = readFileSync(a);
    const without = readFileSync(b);
    expect([...withBom.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(without[0]).toBe('r'.charCodeAt(0));
    expect(withBom.subarray(3).equals(without)).toBe(true);
  });

  it('sipas --bom: the SIPAS CSV gets the BOM too', async () => {
    const a = join(dir, 'sipas-bom.csv');
    const b = join(dir, 'sipas.csv');
    const args = ['--questions', join(SAMPLE, 'sipas-questions.csv'), '--responses', join(SAMPLE, 'sipas-responses.csv'), '--format', 'csv'];
    expect(await main(['node', 'parindex', 'sipas', ...args, '--bom', '--out', a])).toBe(0);
    expect(await main(['node', 'parindex', 'sipas', ...args, '--out', b])).toBe(0);
    const withBom = readFileSync(a);
    expect([...withBom.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(withBom.subarray(3).equals(readFileSync(b))).toBe(true);
  });

  it('formula injection is neutralised; numbers, including negative ones, are unchanged', async () => {
    expect(neutralizeFormula('=HYPERLINK("http://x","y")')).toBe(`'=HYPERLINK("http://x","y")`);
    expect(neutralizeFormula('+1+1')).toBe(`'+1+1`);
    expect(neutralizeFormula('-2+3')).toBe(`'-2+3`);
    expect(neutralizeFormula('@SUM(A1)')).toBe(`'@SUM(A1)`);
    expect(neutralizeFormula('-1.5')).toBe('-1.5');
    expect(neutralizeFormula('+3')).toBe('+3');
    expect(neutralizeFormula('Sở Nội vụ')).toBe('Sở Nội vụ');
    expect(
      toCsv(
        [
          ['a', 'b'],
          ['=1+2', '-0.50'],
        ],
        { bom: true },
      ),
    ).toBe("\ufeffa,b\r\n'=1+2,-0.50\r\n");
    const evil = scoreCsv(csv('code,title,max,method,rule,params,groups', '1,A,,,,,', '1.1,a,2,,points,,', '1.2,b,,,adjust,,'), csv('unit,name,group', 'u,=cmd|calc,g'), csv('unit,criterion,self', 'u,1.1,1', 'u,1.2,-0.5'));
    const text = scoreResultCsv(evil);
    expect(text).toContain(",'=cmd|calc,");
    expect(text).toContain(',-0.50,'); // adjust points stay a plain negative number
  });

  it('usage: --bom only with csv; a workbook is not written to a terminal', () => {
    expect(() => checkOutputTarget({ format: 'json', bom: true })).toThrow(UsageError);
    expect(() => checkOutputTarget({ format: 'xlsx' }, true)).toThrow(/--out/);
    expect(() => checkOutputTarget({ format: 'xlsx' }, false)).not.toThrow();
    expect(() => checkOutputTarget({ format: 'xlsx', out: 'r.xlsx' }, true)).not.toThrow();
    expect(() => checkOutputTarget({ format: 'csv', bom: true }, true)).not.toThrow();
  });
});

describe('the results workbook in English', () => {
  it('--lang en: every sheet name and header in English, the same figures', async () => {
    const { runCli } = await import('./support/cli.js');
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const ExcelJS = (await import('exceljs')).default;
    const dir = mkdtempSync(join(tmpdir(), 'parindex-wb-en-'));
    const out = join(dir, 'r.xlsx');
    expect((await runCli(['demo', '--format', 'xlsx', '--lang', 'en', '--out', out])).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const names = wb.worksheets.map((w) => w.name);
    expect(names.slice(-4)).toEqual(['Summary', 'Self and appraised', 'Scoring detail', 'Settings']);
    expect(wb.getWorksheet('Summary')!.getRow(1).values).toEqual([undefined, 'Kind', 'Name', 'Units with an index', 'Mean', 'Min', 'Max']);
    const audit = wb.getWorksheet('Scoring detail')!;
    expect((audit.getRow(1).values as unknown[]).slice(1, 4)).toEqual(['League', 'Unit', 'Name']);
    const statuses = new Set<string>();
    audit.eachRow((r, n) => {
      if (n > 1) statuses.add(String(r.getCell(12).value));
    });
    expect([...statuses].every((s) => /^(appraised|not appraised|survey|not applicable|missing)/.test(s))).toBe(true);
    const summary = wb.getWorksheet('Summary')!;
    expect(summary.getRow(2).getCell(6).value).toBe(89.83);
  });
});
