/**
 * The council page (web/, built to dist/web) in a real browser — Debian's `chromium` driven by
 * playwright-core, as test/report-print.test.ts — served from a loopback static server started
 * here. The clerk's path with the sample's files given through the one multiple-file input (kinds
 * recognised from content), by keyboard only; the ranking, a unit's explanation, the sensitivity
 * view, the comparison with last year; the downloads read back (the JSON equals `parindex score
 * --format json` on the same files, the workbook reads back as results, the template as evidence);
 * a workbook with a bad cell located by sheet, row and column, and the clean part scored on request;
 * Cancel; English. Every request stays on the page's origin and none is a POST. Screenshots of each
 * view are kept in test-artifacts/web/.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import ExcelJS from 'exceljs';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRound, explain, parseCsv, score, sensitivity } from '../src/index.js';
import { parseXlsx } from '../src/xlsx/index.js';
import { readResultTables } from '../src/analysis/result-file.js';
import { readResultWorkbookTables } from '../src/node/results-xlsx-read.js';
import { parseCsvTable } from '../src/table/csv.js';

const ROOT = join(__dirname, '..');
const WEB = join(ROOT, 'dist', 'web');
const SAMPLE = join(ROOT, 'data', 'hanoi-2021');
const ARTIFACTS = join(ROOT, 'test-artifacts', 'web');
const CHROMIUM = process.env.PARINDEX_CHROMIUM ?? '/usr/bin/chromium';
const INPUTS = ['framework.csv', 'units.csv', 'evidence.csv', 'survey.csv'];

let browser: Browser;
let server: Server;
let origin: string;
let dir: string;
/** A copy of dist/web (the tree is shared: a build elsewhere may rebuild dist/ during the test). */
let web: string;
/** `parindex score --format json` on the sample's files, run once before the page. */
let cliJson: string;

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.map': 'application/json' };

/** The reference: the sample scored by the library, as the page must score it. */
function reference() {
  const t = (f: string) => parseCsv(readFileSync(join(SAMPLE, f), 'utf8'), { file: f });
  return score(createRound({ framework: t('framework.csv'), units: t('units.csv'), evidence: t('evidence.csv'), survey: t('survey.csv') }));
}

/** Presses Tab until the focused element matches `selector` (at most `max` presses); fails otherwise. */
async function tabTo(page: Page, selector: string, max = 300): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    // A script string: the test's own types know no DOM.
    if (await page.evaluate(`document.activeElement?.matches(${JSON.stringify(selector)}) ?? false`)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** A new page recording every request (URL and method) and every page error. */
async function openPage(): Promise<{ page: Page; requests: { url: string; method: string }[]; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const requests: { url: string; method: string }[] = [];
  const errors: string[] = [];
  page.on('request', (r) => requests.push({ url: r.url(), method: r.method() }));
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('worker', (w) => w.on('console', () => undefined));
  await page.goto(`${origin}/`);
  await page.waitForSelector('#files', { state: 'attached' });
  return { page, requests, errors };
}

/** Nothing left the page's origin, and nothing was posted. */
function expectLocalOnly(requests: { url: string; method: string }[]): void {
  expect(requests.length).toBeGreaterThan(0);
  const foreign = requests.filter((r) => !(r.url.startsWith(`${origin}/`) || r.url.startsWith('blob:') || r.url.startsWith('data:')));
  expect(foreign).toEqual([]);
  expect(requests.filter((r) => r.method !== 'GET')).toEqual([]);
}

async function downloadOf(page: Page, kind: string): Promise<{ name: string; bytes: Buffer }> {
  const [d] = await Promise.all([page.waitForEvent('download'), page.click(`[data-download="${kind}"]`)]);
  const path = await d.path();
  return { name: d.suggestedFilename(), bytes: readFileSync(path) };
}

beforeAll(async () => {
  if (!existsSync(join(WEB, 'index.html')) || !existsSync(join(ROOT, 'dist', 'cli.js'))) throw new Error('run npm run build first (npm test does): dist/web and dist/cli.js are needed');
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: apt-get install chromium fonts-dejavu-core (.ci/run does), or set PARINDEX_CHROMIUM`);
  mkdirSync(ARTIFACTS, { recursive: true });
  dir = mkdtempSync(join(tmpdir(), 'parindex-web-'));
  web = join(dir, 'web');
  cpSync(WEB, web, { recursive: true });
  cliJson = execFileSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'score', ...['framework', 'units', 'evidence', 'survey'].flatMap((k) => [`--${k}`, `${k}.csv`]), '--format', 'json'], {
    cwd: SAMPLE,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  for (const f of [...INPUTS, 'sipas-questions.csv', 'sipas-responses.csv']) copyFileSync(join(SAMPLE, f), join(dir, f));
  copyFileSync(join(SAMPLE, 'expected-score.json'), join(dir, 'ket-qua-2020.json'));
  // A tiny static server for dist/web on the loopback interface: GET only.
  server = createServer((req, res) => {
    const path = normalize(decodeURIComponent((req.url ?? '/').split('?')[0])).replace(/^(\.\.[/\\])+/, '');
    const file = join(web, path === '/' ? 'index.html' : path);
    if (req.method !== 'GET' || !file.startsWith(web) || !existsSync(file)) {
      res.writeHead(req.method === 'GET' ? 404 : 405).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the council page', () => {
  it('the clerk’s path by keyboard: files → kinds → score → ranking → explanation; views, downloads, nothing sent', async () => {
    const ref = reference();
    const { page, requests, errors } = await openPage();
    expect(await page.getAttribute('html', 'lang')).toBe('vi');

    // Keyboard: Tab reaches the one multiple-file input (its dialog is a native one: the files are set on it).
    await tabTo(page, '#files');
    expect(await page.getAttribute('#files', 'multiple')).not.toBeNull();
    const given = [...INPUTS, 'sipas-questions.csv', 'sipas-responses.csv', 'ket-qua-2020.json'];
    await page.setInputFiles(
      '#files',
      given.map((f) => join(dir, f)),
    );
    // Each file's kind comes from its content.
    const kinds: Record<string, string> = {
      'framework.csv': 'framework',
      'units.csv': 'units',
      'evidence.csv': 'evidence',
      'survey.csv': 'survey',
      'sipas-questions.csv': 'questions',
      'sipas-responses.csv': 'responses',
      'ket-qua-2020.json': 'previous',
    };
    for (const [name, kind] of Object.entries(kinds)) await expect.poll(() => page.locator(`tr[data-file="${name}"] select`).inputValue(), { timeout: 10_000 }).toBe(kind);
    await page.screenshot({ path: join(ARTIFACTS, '1-files.png'), fullPage: true });

    await tabTo(page, '#score');
    await page.keyboard.press('Enter');
    await page.waitForSelector('table.ranking', { timeout: 20_000 });
    const first = (league: string) => page.locator(`table.ranking[data-league="${league}"] tbody tr`).first();
    expect(await first('so').locator('button.unit').textContent()).toBe('Sở Tài chính');
    expect(await first('so').locator('td.index').textContent()).toBe('89,83');
    expect(await first('quan-huyen').locator('button.unit').textContent()).toBe('Quận Cầu Giấy');
    expect(await first('quan-huyen').locator('td.index').textContent()).toBe('95,24');
    // Every unit's index is the library's.
    for (const u of ref.units) expect(await page.locator(`tr[data-unit="${u.unit}"] td.index`).textContent(), u.unit).toBe(u.index!.toFixed(2).replace('.', ','));
    // 52 units: each league's ranking fits one page (100 rows), so no page buttons.
    expect(await page.locator('nav.pager').count()).toBe(0);
    expect(await page.locator('table.ranking tbody tr').count()).toBe(52);
    // The report's charts (the core's SVG) are on the ranking view.
    expect(await page.locator('.charts svg.chart').count()).toBe(4);
    await page.screenshot({ path: join(ARTIFACTS, '2-ranking.png'), fullPage: true });

    // Keyboard to a unit, Enter: its explanation, focused.
    await tabTo(page, 'tr[data-unit="noi-vu"] button.unit');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.explain h3');
    await expect.poll(() => page.evaluate('document.activeElement?.textContent')).toBe('Giải thích: Sở Nội vụ');
    const e = explain(ref, 'noi-vu');
    const vi = (x: { toFixed(n: number): string }) => x.toFixed(2).replace('.', ',');
    expect(await page.locator('.explain .rank-line').textContent()).toBe(`Hạng 3/22 — chỉ số ${vi(e.index!)} (tự chấm ${vi(e.selfIndex!)})`);
    expect(await page.locator('.explain li.above').textContent()).toBe(`Kém đơn vị xếp trên (${e.above!.name}, hạng 2): ${vi(e.above!.indexGap)} điểm chỉ số, tức ${vi(e.above!.pointsGap)} điểm chấm.`);
    expect(await page.locator('.explain li.below').textContent()).toBe(`Hơn đơn vị xếp dưới (${e.below!.name}, hạng 4): ${vi(e.below!.indexGap)} điểm chỉ số, tức ${vi(e.below!.pointsGap)} điểm chấm.`);
    // Self vs appraised per criterion, from the sample's evidence (noi-vu 1.1.2: 90.5 and 90.5).
    const ev = parseCsvTable(readFileSync(join(SAMPLE, 'evidence.csv'), 'utf8'));
    const row = ev.rows.find((r) => r.cells[0] === 'noi-vu' && r.cells[3] !== '' && r.cells[2] !== r.cells[3])!;
    const leaf = page.locator(`.explain table.leaves tr[data-code="${row.cells[1]}"] td`);
    expect(await leaf.nth(2).textContent()).toBe(row.cells[2].replace('.', ','));
    expect(await leaf.nth(3).textContent()).toBe(row.cells[3].replace('.', ','));
    await page.screenshot({ path: join(ARTIFACTS, '3-explain.png'), fullPage: true });

    // Sensitivity: the library's figures.
    await page.click('#tab-sensitivity');
    await page.fill('#view-sensitivity input[type=number]', '50');
    await page.click('#run-sensitivity');
    await page.waitForSelector('.sensitivity table');
    const s = (JSON.parse(JSON.stringify(sensitivity(ref, { runs: 50 }))) as { units: { unit: string; keepPercent: string }[] }).units.find((u) => u.unit === 'tai-chinh')!;
    expect(await page.locator('.sensitivity tr[data-unit="tai-chinh"] td').nth(3).textContent()).toBe(s.keepPercent.replace('.', ','));
    await page.screenshot({ path: join(ARTIFACTS, '4-sensitivity.png'), fullPage: true });

    // Compare with last year's JSON (the sample's expected output: no change anywhere).
    await page.click('#tab-compare');
    await page.click('#run-compare');
    await page.waitForSelector('.comparison table');
    const cells = page.locator('.comparison tr[data-unit="tai-chinh"] td');
    expect(await cells.nth(2).textContent()).toBe('89,83');
    expect(await cells.nth(3).textContent()).toBe('89,83');
    expect(await cells.nth(4).textContent()).toBe('0,00');
    await page.screenshot({ path: join(ARTIFACTS, '5-compare.png'), fullPage: true });

    await page.click('#tab-report');
    await page.waitForSelector('iframe.report');
    const frame = page.frameLocator('iframe.report');
    await expect.poll(() => frame.locator('h1').textContent()).toBeTruthy();
    expect(await frame.locator('table.r').count()).toBe(2);
    await page.screenshot({ path: join(ARTIFACTS, '6-report.png'), fullPage: true });

    await page.click('#tab-sipas');
    await page.waitForSelector('iframe.report');
    await page.screenshot({ path: join(ARTIFACTS, '7-sipas.png'), fullPage: true });

    // Downloads.
    await page.click('#tab-downloads');
    await page.screenshot({ path: join(ARTIFACTS, '8-downloads.png'), fullPage: true });
    const json = await downloadOf(page, 'json');
    expect(json.name).toBe('ket-qua.json');
    expect(json.bytes.toString('utf8')).toBe(cliJson);

    const xlsx = await downloadOf(page, 'xlsx');
    const xlsxPath = join(dir, xlsx.name);
    writeFileSync(xlsxPath, xlsx.bytes);
    const back = readResultTables(await readResultWorkbookTables(xlsxPath));
    const top = back.units.find((u) => u.unit === 'tai-chinh')!;
    expect(top.index?.toFixed(2)).toBe('89.83');
    expect(back.units.find((u) => u.unit === 'cau-giay')?.index?.toFixed(2)).toBe('95.24');
    expect(back.units).toHaveLength(52);

    const csv = await downloadOf(page, 'csv');
    expect(csv.bytes.toString('utf8')).toContain('Sở Tài chính;');
    expect(csv.bytes.toString('utf8')).toContain('89,83');

    const html = await downloadOf(page, 'html');
    expect(html.bytes.toString('utf8')).toContain('Quận Cầu Giấy');

    const template = await downloadOf(page, 'template');
    const t = parseXlsx(new Uint8Array(template.bytes), 'evidence', { file: template.name });
    expect(t.tables.length).toBe(2);
    expect(t.tables.reduce((n, x) => n + x.rows.length, 0)).toBeGreaterThan(1000);

    expect(errors).toEqual([]);
    expectLocalOnly(requests);
    await page.close();
  });

  it('a workbook with a bad cell: its sheet, row and column; then the clean part on request', async () => {
    // The sample's evidence as a workbook, with one bad cell (self of data row 4 = spreadsheet row 5, column C).
    const ev = parseCsvTable(readFileSync(join(SAMPLE, 'evidence.csv'), 'utf8'));
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('evidence');
    sheet.addRow(ev.header);
    ev.rows.forEach((r, i) => sheet.addRow(r.cells.map((c, j) => (i === 3 && j === 2 ? 'abc' : /^\d+(\.\d+)?$/.test(c) ? Number(c) : c))));
    writeFileSync(join(dir, 'danh-gia.xlsx'), Buffer.from(await wb.xlsx.writeBuffer()));
    const bad = ev.rows[3];

    const { page, requests, errors } = await openPage();
    await page.setInputFiles(
      '#files',
      ['framework.csv', 'units.csv', 'danh-gia.xlsx', 'survey.csv'].map((f) => join(dir, f)),
    );
    await expect.poll(() => page.locator('tr[data-file="danh-gia.xlsx"] select').inputValue(), { timeout: 10_000 }).toBe('evidence');
    await page.click('#score');
    await page.waitForSelector('.problems');
    const text = (await page.locator('.problems').textContent()) ?? '';
    expect(text).toContain('danh-gia.xlsx, trang tính "evidence", dòng 5, cột "self" (C)');
    expect(text).toContain('"abc"');
    expect(await page.locator('table.ranking').count()).toBe(0);
    await page.screenshot({ path: join(ARTIFACTS, '9-problems.png'), fullPage: true });

    // The clean part: the bad row is left out and listed; its cell scores 0 and is counted missing.
    await page.check('.partial input');
    await page.click('#score');
    await page.waitForSelector('table.ranking');
    expect(await page.locator('.results .warning').first().textContent()).toContain('Đã bỏ 1 dòng có lỗi');
    expect(await page.locator(`tr[data-unit="${bad.cells[0]}"] td`).last().textContent()).not.toBe('');
    await page.screenshot({ path: join(ARTIFACTS, '10-partial.png'), fullPage: true });

    // English: the page's words, the core's messages and number style switch.
    await page.click('button.lang');
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.locator('h1').textContent()).toBe('PAR INDEX — the council page');
    expect(await page.locator('.results .warning ol').textContent()).toContain('danh-gia.xlsx, sheet "evidence", row 5, column "self" (C)');
    await page.screenshot({ path: join(ARTIFACTS, '11-english.png'), fullPage: true });

    expect(errors).toEqual([]);
    expectLocalOnly(requests);
    await page.close();
  });

  it('a league of 230 units is shown 100 at a time; the pages are reached by keyboard and hold the library’s ranking', async () => {
    const big = join(dir, 'big');
    mkdirSync(big, { recursive: true });
    const units = ['unit,name,group'];
    const evidence = ['unit,criterion,self,appraised'];
    for (let i = 1; i <= 230; i++) {
      const id = `dv-${String(i).padStart(3, '0')}`;
      units.push(`${id},Đơn vị ${i},so`);
      evidence.push(`${id},1.1,${((i * 37) % 101) / 10},${((i * 53) % 101) / 10}`, `${id},1.2,1,${i % 3 === 0 ? 0 : 1}`);
    }
    const files = {
      'framework.csv': 'code,title,max,method,rule,params,groups\n1,Lĩnh vực 1,,,,,\n1.1,Điểm,10,appraisal,points,,\n1.2,Có/không,2,appraisal,yesno,,\n',
      'units.csv': `${units.join('\n')}\n`,
      'evidence.csv': `${evidence.join('\n')}\n`,
    };
    for (const [name, text] of Object.entries(files)) writeFileSync(join(big, name), text);
    const t = (f: keyof typeof files) => parseCsv(files[f], { file: f });
    const ref = score(createRound({ framework: t('framework.csv'), units: t('units.csv'), evidence: t('evidence.csv') }));
    const expected = ref.units.map((u) => [u.unit, String(u.rank), u.index!.toFixed(2).replace('.', ',')]);

    const { page, errors } = await openPage();
    await page.setInputFiles(
      '#files',
      Object.keys(files).map((f) => join(big, f)),
    );
    await expect.poll(() => page.locator('tr[data-file="evidence.csv"] select').inputValue(), { timeout: 10_000 }).toBe('evidence');
    await tabTo(page, '#score');
    await page.keyboard.press('Enter');
    await page.waitForSelector('table.ranking', { timeout: 20_000 });
    const shown = async () =>
      page
        .locator('table.ranking[data-league="so"] tbody tr')
        .evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-unit'), (tr as unknown as { cells: { textContent: string }[] }).cells[0].textContent, tr.querySelector('td.index')?.textContent ?? '']));
    const seen: string[][] = [];
    const pageOne = await shown();
    expect(pageOne).toHaveLength(100);
    seen.push(...pageOne);
    // Next page by keyboard, until the last (where "next" says it is disabled and stays focusable).
    for (let k = 2; k <= 3; k++) {
      await tabTo(page, 'nav.pager[data-league="so"] button.next');
      await page.keyboard.press('Enter');
      await expect.poll(async () => (await shown())[0]?.[0], { timeout: 5_000 }).toBe(expected[(k - 1) * 100][0]);
      seen.push(...(await shown()));
    }
    expect(await page.getAttribute('nav.pager[data-league="so"] button.next', 'aria-disabled')).toBe('true');
    expect(seen).toEqual(expected);
    await page.screenshot({ path: join(ARTIFACTS, '12-pages.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('CSV files written with decimal commas (Excel in Vietnamese): refused in the page’s words, read once the box is ticked', async () => {
    const vn = join(dir, 'vn');
    mkdirSync(vn, { recursive: true });
    const quote = (c: string) => (/[;"\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c);
    for (const name of ['evidence.csv', 'survey.csv']) {
      const t = parseCsvTable(readFileSync(join(SAMPLE, name), 'utf8'));
      const numeric = new Set(['self', 'appraised', 'score'].map((h) => t.header.indexOf(h)));
      const cells = (r: string[], head = false) =>
        r
          .map((c, i) => (!head && numeric.has(i) && /^-?\d+\.\d+$/.test(c) ? c.replace('.', ',') : c))
          .map(quote)
          .join(';');
      writeFileSync(join(vn, name), `${[cells(t.header, true), ...t.rows.map((r) => cells(r.cells))].join('\r\n')}\r\n`);
    }
    const { page, errors } = await openPage();
    await page.setInputFiles(
      '#files',
      ['evidence.csv', 'survey.csv'].map((f) => join(vn, f)),
    );
    await expect.poll(() => page.locator('tr[data-file="survey.csv"] select').inputValue(), { timeout: 10_000 }).toBe('survey');
    await page.click('#score');
    await page.waitForSelector('.problems');
    const text = (await page.locator('.problems').textContent()) ?? '';
    expect(text).toContain('ô «dấu phẩy thập phân» ở trên');
    expect(text).not.toContain('--decimal-comma');
    await page.check('.decimal-comma input');
    await page.click('#score');
    await page.waitForSelector('table.ranking, .problems', { timeout: 20_000 });
    expect(
      await page.locator('.problems').count(),
      (await page
        .locator('.problems')
        .first()
        .textContent()
        .catch(() => '')) ?? '',
    ).toBe(0);
    const first = (league: string) => page.locator(`table.ranking[data-league="${league}"] tbody tr`).first();
    expect(await first('so').locator('td.index').textContent()).toBe('89,83');
    expect(await first('quan-huyen').locator('td.index').textContent()).toBe('95,24');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('Cancel stops a long run at once and the page stays usable', async () => {
    const { page, errors } = await openPage();
    await page.click('button:has-text("Dùng toàn bộ dữ liệu mẫu")');
    await page.click('#score');
    await page.waitForSelector('table.ranking');
    await page.click('#tab-sensitivity');
    await page.fill('#view-sensitivity input[type=number]', '100000');
    await page.click('#run-sensitivity');
    await page.waitForSelector('#cancel');
    // The page answers while the worker computes.
    await page.click('button.lang');
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('en');
    await page.click('#cancel');
    await page.waitForSelector('.message');
    expect(await page.locator('.message').textContent()).toBe('Cancelled. No results yet.');
    expect(await page.locator('#cancel').count()).toBe(0);
    // A fresh worker scores again.
    await page.click('#score');
    await page.waitForSelector('table.ranking');
    expect(await page.locator('table.ranking[data-league="so"] tbody tr td.index').first().textContent()).toBe('89.83');
    expect(errors).toEqual([]);
    await page.close();
  });
});
