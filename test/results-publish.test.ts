/**
 * The published results (issue 12): the results workbook's league sheets and the HTML report carry
 * the same content — title, league and group names, area names with the maxima that apply, per
 * area points and component index, total and applicable max, index, rank, band, last year's index
 * and rank with the changes — and every maximum any output shows (xlsx, HTML, CSV, text) is what
 * applies to the league or unit. Same inputs → same bytes; input files named with their SHA-256.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRound, parseCsv, renderHtml, score } from '../src/index.js';
import { loadResult } from '../src/node/index.js';
import { renderXlsx } from '../src/xlsx/index.js';
import { scoreResultRows } from '../src/report/results-csv.js';
import { scoreResultText } from '../src/report/results-table.js';
import { publishedReport } from '../src/report/results-model.js';
import { loadExcelJS } from '../src/xlsx/load-exceljs.js';
import { runCli } from './support/cli.js';
import { csv, issuesOf, round, SAMPLE, sampleText, scoreCsv } from './support/round.js';
import { tempDir } from './support/xlsx.js';
import type { ScoreResult } from '../src/scoring/score.js';
import { Exact } from '../src/numbers/exact.js';

/** A column label without the area it names (`Điểm LV 2` → `Điểm`, `Points area 2` → `Points`): tests find area columns by the area title above. */
const bare = (label: string) => label.replace(/ (?:LV|area) \S+$/, '');

interface AreaJson {
  points: string;
  max: string;
}
interface UnitJson {
  unit: string;
  name: string;
  group: string;
  rankGroup: string;
  index: string;
  rank: number;
  points: string;
  max: string;
  areas: Record<string, AreaJson>;
}
const expected: { units: UnitJson[] } = JSON.parse(sampleText('expected-score.json'));
const byId = new Map(expected.units.map((u) => [u.unit, u]));
const dir = tempDir('parindex-publish-');
const sampleArgs = ['--framework', join(SAMPLE, 'framework.csv'), '--units', join(SAMPLE, 'units.csv'), '--evidence', join(SAMPLE, 'evidence.csv'), '--survey', join(SAMPLE, 'survey.csv')];
/** The CLI in Vietnamese, the default where no language is named. */
const cli = (args: string[]) => runCli(args, {});
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

type Book = Awaited<ReturnType<typeof readBook>>;
type Sheet = NonNullable<ReturnType<Book['getWorksheet']>>;

async function readBook(bytes: Uint8Array) {
  const ExcelJS = await loadExcelJS();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as never);
  return wb;
}

/** A league sheet as a reader sees it: title lines, the area header row, the label row, data rows (cell values by column). */
function leagueSheet(ws: Sheet) {
  let labelRow = 0;
  ws.eachRow((row, n) => {
    if (!labelRow && (row.values as unknown[]).includes('Chỉ số CCHC')) labelRow = n;
  });
  const values = (n: number) => (ws.getRow(n).values as unknown[]).slice(1);
  const labels = values(labelRow).map((v) => (v === undefined ? '' : String(v)));
  const groups = values(labelRow - 1);
  // The area over each column (merged cells hold their text in the first column).
  const areaOf: string[] = [];
  let current = '';
  labels.forEach((_, i) => {
    const g = groups[i];
    if (typeof g === 'string' && g !== '') current = g;
    else if (g === undefined || g === null || g === '') current = i > 0 && ws.getCell(labelRow - 1, i + 1).isMerged ? current : '';
    areaOf.push(current);
  });
  const rows: unknown[][] = [];
  for (let n = labelRow + 1; n <= ws.rowCount; n++) rows.push(values(n));
  const top = Array.from({ length: labelRow - 2 }, (_, i) => String(ws.getCell(i + 1, 1).value ?? ''));
  return { labelRow, labels, groups, areaOf, areas: areaOf, rows, top, col: (label: string, area = '') => labels.findIndex((l, i) => bare(l) === label && (area === '' || areaOf[i].startsWith(`${area}. `))) };
}

/** The maximum an area header names, `(tối đa 9 điểm)` → "9"; null when it says the maximum is per unit. */
function headerMax(label: string): string | null {
  const m = /\((?:tối đa|max) ([\d.,]+) (?:điểm|points)\)$/.exec(label);
  return m ? m[1].replace(',', '.') : null;
}

/** The maxima of each area among a league's units (as printed in the JSON). */
function leagueMaxima(units: readonly UnitJson[]): Map<string, Set<number>> {
  const out = new Map<string, Set<number>>();
  for (const u of units) for (const [a, v] of Object.entries(u.areas)) (out.get(a) ?? out.set(a, new Set()).get(a)!).add(Number(v.max));
  return out;
}

/** HTML tables: per table the group header cells, the leaf header cells and the body rows (cell texts). */
function htmlTables(html: string) {
  const strip = (s: string) =>
    s
      .replace(/<[^>]+>/g, '')
      .replace(/&amp;/g, '&')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>');
  return [...html.matchAll(/<table class="r">([\s\S]*?)<\/table>/g)].map((m) => {
    const [head, body] = m[1].split('<tbody>');
    const trs = [...head.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((t) => [...t[1].matchAll(/<th([^>]*)>([\s\S]*?)<\/th>/g)].map((c) => ({ attrs: c[1], text: strip(c[2]) })));
    // Resolve the two header rows into one label and one area per column.
    const labels: string[] = [];
    const areas: string[] = [];
    const second = [...(trs[1] ?? [])];
    for (const th of trs[0]) {
      const span = Number(/colspan="(\d+)"/.exec(th.attrs)?.[1] ?? 1);
      if (/class="g"/.test(th.attrs)) {
        for (let k = 0; k < span; k++) {
          labels.push(second.shift()!.text);
          areas.push(th.text);
        }
      } else {
        labels.push(th.text);
        areas.push('');
      }
    }
    const rows = [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((t) => [...t[1].matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((c) => strip(c[1])));
    return { labels, areas, rows, col: (label: string, area = '') => labels.findIndex((l, i) => bare(l) === label && (area === '' || areas[i].startsWith(`${area}. `))) };
  });
}

/**
 * Every maximum a league table shows, checked against the scored units: an area header's maximum
 * equals every unit's maximum for that area; where the header names none, each row's "Điểm tối đa"
 * cell is the unit's maximum; "Điểm tối đa áp dụng" is the unit's max. Returns how many were checked.
 */
function checkShownMaxima(
  t: { labels: string[]; areas: string[]; rows: unknown[][]; col: (l: string, a?: string) => number },
  units: Map<string, { max: string; areas: Record<string, AreaJson> }>,
  nameOf: (row: unknown[]) => string,
): number {
  let checked = 0;
  const seen = new Set<string>();
  t.areas.forEach((area, i) => {
    if (!area || seen.has(area) || !/^\S+\. /.test(area)) return;
    seen.add(area);
    const code = area.slice(0, area.indexOf('. '));
    const max = headerMax(area);
    const perUnit = t.col('Điểm tối đa', code);
    if (max !== null) {
      expect(perUnit, `area ${code}: a header maximum and a per-unit column`).toBe(-1);
      for (const row of t.rows) {
        const u = units.get(nameOf(row))!;
        if (u.areas[code]) expect(Number(u.areas[code].max), `area ${code} of ${nameOf(row)}`).toBe(Number(max));
        checked++;
      }
    } else {
      expect(perUnit, `area ${code} has neither a header maximum nor a column`).toBeGreaterThanOrEqual(0);
      for (const row of t.rows) {
        const u = units.get(nameOf(row))!;
        expect(Number(String(row[perUnit]).replace(',', '.')), `area ${code} of ${nameOf(row)}`).toBe(Number(u.areas[code].max));
        checked++;
      }
    }
    void i;
  });
  const total = t.col('Điểm tối đa áp dụng');
  expect(total).toBeGreaterThanOrEqual(0);
  for (const row of t.rows) {
    expect(Number(String(row[total]).replace(',', '.'))).toBe(Number(units.get(nameOf(row))!.max));
    checked++;
  }
  return checked;
}

/** The sample scored through the library (its round keeps the units file's league and group names). */
function sampleResult(): ScoreResult {
  const text = (f: string) => sampleText(f);
  const r = createRound({
    framework: parseCsv(text('framework.csv'), { file: 'framework.csv' }),
    units: parseCsv(text('units.csv'), { file: 'units.csv' }),
    evidence: parseCsv(text('evidence.csv'), { file: 'evidence.csv' }),
    survey: parseCsv(text('survey.csv'), { file: 'survey.csv' }),
  });
  return score(r, { missing: 'zero' });
}

afterEach(() => {
  vi.useRealTimers();
});

describe('the maxima bug (issue 12): every displayed maximum is what applies', () => {
  it('reproduction: demo --format xlsx no longer notes the framework’s raw sums (9, 10, 18.5, 11.5, …, 107.5) on the league sheets', async () => {
    const out = join(dir, 'r.xlsx');
    expect((await cli(['demo', '--format', 'xlsx', '--out', out])).code).toBe(0);
    const wb = await readBook(readFileSync(out));
    const texts: string[] = [];
    for (const ws of wb.worksheets.slice(0, 2)) {
      const header = leagueSheet(ws).labelRow;
      ws.eachRow((row, n) =>
        row.eachCell((c) => {
          if (n > header) return;
          texts.push(String(c.value ?? ''));
          if (c.note) texts.push(typeof c.note === 'string' ? c.note : JSON.stringify(c.note));
        }),
      );
    }
    const all = texts.join('\n');
    // The raw sums of areas 3, 4 and 6 over both leagues' criteria (18.5, 11.5, 12.5) appear nowhere.
    for (const raw of ['18.5', '11.5', '12.5', '107.5']) expect(all.includes(raw), raw).toBe(false);
    // Area 2 applies 8 points to every unit of both leagues (its raw sum is 10).
    for (const ws of wb.worksheets.slice(0, 2)) {
      const s = leagueSheet(ws);
      expect(s.areaOf[s.col('Điểm', '2')]).toBe('2. Xây dựng và tổ chức thực hiện văn bản QPPL (tối đa 8 điểm)');
    }
    const qh = leagueSheet(wb.worksheets[1]);
    expect(qh.areaOf[qh.col('Điểm', '3')]).toBe('3. Cải cách thủ tục hành chính (tối đa 17 điểm)');
    expect(qh.areaOf[qh.col('Điểm', '2')]).toMatch(/\(tối đa 8 điểm\)$/);
    expect(qh.areaOf[qh.col('Điểm', '6')]).toMatch(/\(tối đa 10 điểm\)$/);
  });

  it('xlsx, HTML, CSV and text: each displayed maximum equals the scored result, for both leagues of the sample', async () => {
    const result = sampleResult();
    const wb = await readBook(await renderXlsx(result));
    const html = htmlTables(renderHtml(result));
    const byName = new Map(expected.units.map((u) => [u.name, u]));
    let checked = 0;
    for (const [i, league] of ['so', 'quan-huyen'].entries()) {
      const units = expected.units.filter((u) => u.rankGroup === league);
      const sheet = leagueSheet(wb.worksheets[i]);
      expect(sheet.rows.map((r) => r[sheet.col('Tên đơn vị')])).toEqual(units.map((u) => u.name));
      checked += checkShownMaxima(sheet, byName, (r) => String(r[sheet.col('Tên đơn vị')]));
      checked += checkShownMaxima(html[i], byName, (r) => String(r[html[i].col('Tên đơn vị')]));
      // Where maxima differ within the league (sở: areas 3, 4, 6, 7; quận/huyện: area 4), a per-unit column.
      const varying = [...leagueMaxima(units)].filter(([, s]) => s.size > 1).map(([a]) => a);
      expect(varying).toEqual(league === 'so' ? ['3', '4', '6', '7'] : ['4']);
      for (const a of varying) expect(sheet.col('Điểm tối đa', a)).toBeGreaterThan(0);
    }
    expect(checked).toBe(2 * (22 * 9 + 30 * 9));
    // CSV (helper H3's renderer): every max column is the unit's (per-unit maxima, never the framework's).
    const rows = scoreResultRows(result);
    const header = rows[0].map(String);
    const maxCols = header.map((h, i) => [h, i] as const).filter(([h]) => /max|tối đa/i.test(h) && !/index|chỉ số/i.test(h));
    expect(maxCols.length).toBe(9);
    for (const r of rows.slice(1)) {
      const u = byId.get(String(r[header.findIndex((h) => /^(unit|mã đơn vị)$/i.test(h))]))!;
      for (const [h, i] of maxCols) {
        const area = /(\d+)/.exec(h)?.[1];
        expect(Number(String(r[i]).replace(',', '.')), `${u.unit} ${h}`).toBe(Number(area ? (u.areas[area]?.max ?? 'NaN') : u.max));
      }
    }
    // Text (H3's renderer): any maximum it prints is the unit's.
    const text = scoreResultText(result);
    for (const u of expected.units.filter((x) => x.max !== '100.00')) {
      const line = text.split('\n').find((l) => l.includes(` ${u.unit} `));
      expect(line, u.unit).toBeDefined();
      expect(line!.includes('107.5')).toBe(false);
    }
  });

  it('a framework whose groups give different maxima: per-unit columns where they differ within a league', async () => {
    const fw = csv('code,title,max,method,rule,params,groups', '1,Chỉ đạo điều hành,,,,,', '1.1,Kế hoạch,2,,points,,', '1.2,Báo cáo sở,3,,points,,s', '1.3,Báo cáo quận,5,,points,,q', '2,Thủ tục,4,,,,', '2.1,Công khai,4,,points,,');
    const units = csv('unit,name,group,rankGroup,groupName,rankGroupName', 'a,Đơn vị A,s,L,Sở,Khối L', 'b,Đơn vị B,q,L,Quận,Khối L', 'c,Đơn vị C,s,M,Sở,Khối M', 'd,Đơn vị D,s,M,Sở,Khối M');
    const evidence = csv('unit,criterion,self', 'a,1.1,2', 'a,1.2,3', 'a,2.1,4', 'b,1.1,1', 'b,1.3,5', 'b,2.1,2', 'c,1.1,2', 'c,1.2,NA', 'c,2.1,4', 'd,1.1,2', 'd,1.2,1', 'd,2.1,3');
    const r = createRound({ framework: parseCsv(fw), units: parseCsv(units), evidence: parseCsv(evidence) });
    const result = score(r);
    // Area 1: a (sở) 2+3 = 5, b (quận) 2+5 = 7 in league L; c: 1.2 is NA → 2, d → 5 in league M.
    const want = new Map([
      ['Đơn vị A', { max: '9.00', areas: { '1': { points: '5', max: '5' }, '2': { points: '4', max: '4' } } }],
      ['Đơn vị B', { max: '11.00', areas: { '1': { points: '6', max: '7' }, '2': { points: '2', max: '4' } } }],
      ['Đơn vị C', { max: '6.00', areas: { '1': { points: '2', max: '2' }, '2': { points: '4', max: '4' } } }],
      ['Đơn vị D', { max: '9.00', areas: { '1': { points: '3', max: '5' }, '2': { points: '3', max: '4' } } }],
    ]);
    const wb = await readBook(await renderXlsx(result));
    expect(wb.worksheets.slice(0, 2).map((w) => w.name)).toEqual(['Khối L', 'Khối M']);
    const html = htmlTables(renderHtml(result));
    for (const i of [0, 1]) {
      const sheet = leagueSheet(wb.worksheets[i]);
      expect(checkShownMaxima(sheet, want, (row) => String(row[sheet.col('Tên đơn vị')]))).toBe(6);
      expect(checkShownMaxima(html[i], want, (row) => String(row[html[i].col('Tên đơn vị')]))).toBe(6);
      // Area 1 differs in both leagues (5 vs 7; 2 vs 5); area 2 is 4 for all: named in its header.
      expect(sheet.col('Điểm tối đa', '1')).toBeGreaterThan(0);
      expect(sheet.areaOf[sheet.col('Điểm', '2')]).toBe('2. Thủ tục (tối đa 4 điểm)');
      expect(html[i].areas[html[i].col('Điểm', '2')]).toBe('2. Thủ tục (tối đa 4 điểm)');
    }
    // Component index of B in area 1: 6 of 7 → 85.71 %; its group named, not its id.
    const l = leagueSheet(wb.worksheets[0]);
    const b = l.rows.find((row) => row[l.col('Tên đơn vị')] === 'Đơn vị B')!;
    expect(b[l.col('Chỉ số thành phần (%)', '1')]).toBe(85.71);
    expect(b[l.col('Nhóm')]).toBe('Quận');
    // CSV: the same per-unit maxima.
    const rows = scoreResultRows(result);
    const h = rows[0].map(String);
    const area1 = h.findIndex((x) => /1/.test(x) && /max|tối đa/i.test(x));
    expect(rows.slice(1).map((row) => Number(row[area1]))).toEqual([5, 7, 2, 5]); // rank order: C (6 of 6) before D (6 of 9)
  });
});

describe('publishable content, the same in xlsx and HTML', () => {
  it('title, league and group names, area names, points and component index, total and applicable max, index, rank', async () => {
    const result = sampleResult();
    const title = 'Chỉ số CCHC năm 2021';
    const wb = await readBook(await renderXlsx(result, { title }));
    const page = renderHtml(result, { title });
    const html = htmlTables(page);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Khối sở', 'Khối quận, huyện, thị xã', 'Tổng hợp', 'Tự chấm và thẩm định', 'Chi tiết chấm điểm', 'Thiết lập']);
    expect(page).toContain(`<title>${title}</title>`);
    expect(page).toContain('<h2>Khối sở</h2>');
    expect(page).toContain('<h2>Khối quận, huyện, thị xã</h2>');
    expect(page).not.toMatch(/Khối so\b|quan-huyen</);
    for (const [i, ws] of wb.worksheets.slice(0, 2).entries()) {
      const s = leagueSheet(ws);
      expect(s.top[0]).toBe(title);
      expect(s.top[1]).toBe(ws.name);
      // The same visible columns and the same figures in both.
      const visible = s.labels.map((l, k) => ({ l, k })).filter(({ k }) => !ws.getColumn(k + 1).hidden);
      expect(visible.map(({ l }) => l)).toEqual(html[i].labels);
      expect(visible.map(({ k }) => s.areaOf[k])).toEqual(html[i].areas);
      s.rows.forEach((row, r) => {
        expect(visible.map(({ k }) => (row[k] === undefined || row[k] === null ? '' : typeof row[k] === 'number' ? (row[k] as number).toFixed(k === 0 ? 0 : 2) : String(row[k])))).toEqual(html[i].rows[r]);
      });
    }
    const so = leagueSheet(wb.worksheets[0]);
    const row = (id: string) => so.rows.find((r) => r[so.col('Mã đơn vị')] === id)!;
    // Sở Tài chính first: 89.83; area 1: 8.86 of 9 → 98.44 %.
    expect(so.rows[0][so.col('Tên đơn vị')]).toBe('Sở Tài chính');
    expect(so.rows[0][so.col('Xếp hạng')]).toBe(1);
    expect(so.rows[0][so.col('Chỉ số CCHC')]).toBe(89.83);
    expect(so.rows[0][so.col('Điểm', '1')]).toBe(8.86);
    // The component index is the exact points over the max, rounded once: 8.8614… of 9 → 98.46 (not 8.86 / 9).
    const a1 = result.units.find((u) => u.unit === 'tai-chinh')!.areas.get('1')!;
    expect(a1.points.mul(Exact.HUNDRED).div(a1.max).toFixed(2)).toBe('98.46');
    expect(so.rows[0][so.col('Chỉ số thành phần (%)', '1')]).toBe(98.46);
    expect(so.areaOf[so.col('Điểm', '1')]).toBe('1. Công tác chỉ đạo, điều hành CCHC (tối đa 9 điểm)');
    // thanh-tra: 83.10 of 94 → 88.40 (NA criteria leave the max).
    expect([row('thanh-tra')[so.col('Tổng điểm')], row('thanh-tra')[so.col('Điểm tối đa áp dụng')], row('thanh-tra')[so.col('Chỉ số CCHC')]]).toEqual([83.1, 94, 88.4]);
    expect(wb.worksheets[0].getCell(so.labelRow + 1 + so.rows.indexOf(row('thanh-tra')), so.col('Chỉ số CCHC') + 1).numFmt).toBe('0.00');
    const qh = leagueSheet(wb.worksheets[1]);
    expect([qh.rows[0][qh.col('Tên đơn vị')], qh.rows[0][qh.col('Chỉ số CCHC')], qh.rows[0][qh.col('Nhóm')]]).toEqual(['Quận Cầu Giấy', 95.24, 'Quận']);
    expect(html[1].rows[0].slice(0, 3)).toEqual(['1', 'Quận Cầu Giấy', 'Quận']);
    // Ids are hidden columns only (read back by compare / --previous), never on the page.
    expect(wb.worksheets[0].getColumn(so.col('Mã đơn vị') + 1).hidden).toBe(true);
    expect(html[0].labels).not.toContain('Mã đơn vị');
  });

  it('English labels with lang: "en"; decimal commas in HTML with numberStyle: "vi"', async () => {
    const result = sampleResult();
    const en = renderHtml(result, { lang: 'en' });
    expect(en).toContain('<html lang="en">');
    const t = htmlTables(en)[0];
    expect(t.labels.slice(0, 3)).toEqual(['Rank', 'Name', 'Points area 1']);
    expect(t.labels).toContain('Component index (%)');
    expect(t.areas[t.labels.indexOf('Points area 1')]).toBe('1. Công tác chỉ đạo, điều hành CCHC (max 9 points)');
    const vi = htmlTables(renderHtml(result, { numberStyle: 'vi' }))[0];
    expect(vi.rows[0][vi.col('Chỉ số CCHC')]).toBe('89,83');
    const wb = await readBook(await renderXlsx(result, { lang: 'en' }));
    expect(wb.worksheets[0].name).toBe('Khối sở');
    let found = false;
    wb.worksheets[0].eachRow((r) => {
      if ((r.values as unknown[]).includes('Index') && (r.values as unknown[]).includes('Applicable max')) found = true;
    });
    expect(found).toBe(true);
    // And the English workbook reads back (compare's reader takes "Unit", "Index", "Rank").
    const path = join(dir, 'en.xlsx');
    writeFileSync(path, await renderXlsx(result, { lang: 'en' }));
    expect((await loadResult(path)).units.find((u) => u.unit === 'cau-giay')).toMatchObject({ indexText: '95.24', rank: 1, rankGroup: 'quan-huyen' });
  });

  it('--previous: last year’s index and rank, the changes from the printed figures, a new unit marked "mới"', async () => {
    const last = JSON.parse(sampleText('expected-score.json'));
    // Last year: tai-chinh 88.00 rank 3, cau-giay 95.50 rank 1, thanh-tra absent (a new unit).
    last.units = last.units.filter((u: UnitJson) => u.unit !== 'thanh-tra');
    const set = (id: string, index: string, rank: number) =>
      Object.assign(
        last.units.find((u: UnitJson) => u.unit === id),
        { index, rank },
      );
    set('tai-chinh', '88.00', 3);
    set('cau-giay', '95.50', 1);
    const prevPath = join(dir, 'ket-qua-2020.json');
    writeFileSync(prevPath, JSON.stringify(last));
    const out = join(dir, 'ket-qua-2021.html');
    const xlsx = join(dir, 'ket-qua-2021.xlsx');
    expect((await cli(['demo', '--format', 'html', '--title', 'Chỉ số CCHC năm 2021', '--previous', prevPath, '--out', out])).code).toBe(0);
    expect((await cli(['demo', '--format', 'xlsx', '--title', 'Chỉ số CCHC năm 2021', '--previous', prevPath, '--out', xlsx])).code).toBe(0);
    const html = htmlTables(readFileSync(out, 'utf8'));
    const wb = await readBook(readFileSync(xlsx));
    const so = html[0];
    const cols = ['Chỉ số năm trước', 'Xếp hạng năm trước', 'Tăng/giảm chỉ số', 'Tăng/giảm hạng'].map((c) => so.col(c));
    const tc = so.rows.find((r) => r[1] === 'Sở Tài chính')!;
    expect(cols.map((c) => tc[c])).toEqual(['88.00', '3', '+1.83', '+2']); // 89.83 − 88.00; rank 3 → 1
    const tt = so.rows.find((r) => r[1] === 'Thanh tra Thành phố' || r[1].startsWith('Thanh tra'))!;
    expect(cols.map((c) => tt[c])).toEqual(['mới', '', '', '']);
    const qh = html[1];
    const cg = qh.rows.find((r) => r[1] === 'Quận Cầu Giấy')!;
    expect(['Chỉ số năm trước', 'Tăng/giảm chỉ số', 'Tăng/giảm hạng'].map((c) => cg[qh.col(c)])).toEqual(['95.50', '-0.26', '0']);
    const s = leagueSheet(wb.worksheets[0]);
    const x = s.rows.find((r) => r[s.col('Mã đơn vị')] === 'tai-chinh')!;
    expect([x[s.col('Chỉ số năm trước')], x[s.col('Tăng/giảm chỉ số')], x[s.col('Tăng/giảm hạng')]]).toEqual([88, 1.83, 2]);
    expect(wb.worksheets[0].getCell(s.labelRow + 1, s.col('Tăng/giảm chỉ số') + 1).numFmt).toBe('+0.00;-0.00;0.00');
    expect(s.rows.find((r) => r[s.col('Mã đơn vị')] === 'thanh-tra')![s.col('Chỉ số năm trước')]).toBe('mới');
    expect(s.areaOf[s.col('Chỉ số năm trước')]).toBe('So với năm trước');
    // The workbook with previous-year columns still reads back with this year's figures.
    expect((await loadResult(xlsx)).units.find((u) => u.unit === 'tai-chinh')).toMatchObject({ indexText: '89.83', rank: 1 });
    // Last year's file may be a results workbook too; and it is never the output.
    expect((await cli(['demo', '--format', 'html', '--previous', xlsx, '--out', join(dir, 'again.html')])).code).toBe(0);
    const same = await cli(['demo', '--format', 'xlsx', '--previous', xlsx, '--out', xlsx]);
    expect(same.code).toBe(1);
    expect(same.stderr).toContain('out-is-input');
    const notReport = await cli(['demo', '--format', 'csv', '--title', 'x']);
    expect(notReport.code).toBe(2);
  });
});

describe('printing, determinism and sources', () => {
  it('xlsx: A4 landscape, one page wide, both header rows repeated on every page', async () => {
    const wb = await readBook(await renderXlsx(sampleResult()));
    for (const ws of wb.worksheets) {
      expect(ws.pageSetup, ws.name).toMatchObject({ orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    }
    const so = leagueSheet(wb.worksheets[0]);
    expect(wb.worksheets[0].pageSetup.printTitlesRow).toBe(`${so.labelRow - 1}:${so.labelRow}`);
    expect(wb.worksheets[0].views[0]).toMatchObject({ state: 'frozen', ySplit: so.labelRow, xSplit: 2 });
  });

  it('the same inputs give byte-identical files, whatever the clock says', async () => {
    const args = (format: string, out: string) => ['score', ...sampleArgs, '--format', format, '--title', 'Chỉ số CCHC năm 2021', '--out', out];
    const files: Buffer[] = [];
    for (const [i, when] of ['2022-04-28T08:00:00Z', '2031-12-31T23:59:59Z'].entries()) {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(new Date(when));
      const x = join(dir, `same-${i}.xlsx`);
      const h = join(dir, `same-${i}.html`);
      expect((await cli(args('xlsx', x))).code).toBe(0);
      expect((await cli(args('html', h))).code).toBe(0);
      vi.useRealTimers();
      files.push(readFileSync(x), readFileSync(h));
    }
    expect(files[0].equals(files[2])).toBe(true);
    expect(files[1].equals(files[3])).toBe(true);
    // The workbook's dates are one fixed instant, whatever the clock said.
    const { unzipSync, strFromU8 } = await import('fflate');
    const core = strFromU8(unzipSync(new Uint8Array(files[0]))['docProps/core.xml']);
    expect([...core.matchAll(/<dcterms:(?:created|modified)[^>]*>([^<]*)</g)].map((m) => m[1])).toEqual(['2000-01-01T00:00:00Z', '2000-01-01T00:00:00Z']);
  });

  it('the settings sheet and the HTML footer name each input file with its SHA-256', async () => {
    const x = join(dir, 'sources.xlsx');
    const h = join(dir, 'sources.html');
    expect((await cli(['score', ...sampleArgs, '--format', 'xlsx', '--out', x])).code).toBe(0);
    expect((await cli(['score', ...sampleArgs, '--format', 'html', '--out', h])).code).toBe(0);
    const want = ['framework.csv', 'units.csv', 'evidence.csv', 'survey.csv'].map((f) => [f, sha(join(SAMPLE, f))]);
    const page = readFileSync(h, 'utf8');
    for (const [f, hash] of want) expect(page).toContain(`<tr><td>${f}</td><td><code>${hash}</code></td></tr>`);
    const wb = await readBook(readFileSync(x));
    const st = wb.getWorksheet('Thiết lập')!;
    const pairs = new Map<string, unknown>();
    st.eachRow((r) => pairs.set(String(r.getCell(1).value), r.getCell(2).value));
    for (const [f, hash] of want) expect(pairs.get(f)).toBe(hash);
    // A built-in name is named as the sample file it stands for.
    const b = join(dir, 'builtin.html');
    expect((await cli(['score', '--framework', 'hanoi-2021', ...sampleArgs.slice(2), '--format', 'html', '--out', b])).code).toBe(0);
    expect(readFileSync(b, 'utf8')).toContain(`<tr><td>hanoi-2021/framework.csv</td><td><code>${sha(join(SAMPLE, 'framework.csv'))}</code></td></tr>`);
  });
});

describe('league and group names from the units file', () => {
  it('the same name for every unit of a league, or a located conflicting-label error', () => {
    const fw = csv('code,title,max,method,rule,params,groups', '1,A,,,,,', '1.1,a,2,,points,,');
    const ok = round(fw, csv('unit,name,group,rankGroup,tên nhóm,tên khối', 'a,A,s,L,Sở,Khối L', 'b,B,s,L,,Khối L'), csv('unit,criterion,self', 'a,1.1,1', 'b,1.1,2'));
    expect(publishedReport(scoreCsv(fw, csv('unit,name,group', 'a,A,s'), csv('unit,criterion,self', 'a,1.1,1'))).leagues[0].label).toBe('Khối s');
    expect(ok.units.list.map((u) => [u.groupName, u.rankGroupName])).toEqual([
      ['Sở', 'Khối L'],
      [undefined, 'Khối L'],
    ]);
    const issues = issuesOf(() => round(fw, csv('unit,name,group,rankGroup,rankGroupName', 'a,A,s,L,Khối L', 'b,B,s,L,Khối Lớn')));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'conflicting-label', row: 3, column: 'rankGroupName', value: 'Khối Lớn' });
  });
});
