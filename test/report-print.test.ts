/**
 * The HTML report as a reader sees it, in headless Chromium (Debian's `chromium` driven by
 * playwright-core, as test/runtimes.test.ts; `.ci/run` installs it with fonts-dejavu-core): the
 * report renders with nothing fetched, a screenshot is kept in test-artifacts/, printing gives A4
 * landscape pages, no table is cut off on the right under print media, unit names stay on one
 * line, header rows repeat (`<thead>` as a table header group), and the Vietnamese text is there.
 * The report is the widest one: the sở league with bands and last year's columns.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRound, parseCsv, renderHtml, score } from '../src/index.js';
import { parseResultJson } from '../src/analysis/result-file.js';
import { sampleText } from './support/round.js';

const ROOT = join(__dirname, '..');
const ARTIFACTS = join(ROOT, 'test-artifacts');
const CHROMIUM = process.env.PARINDEX_CHROMIUM ?? '/usr/bin/chromium';
/** A4 landscape less the report's 9 mm margins, in CSS pixels (96 per inch). */
const PAGE_WIDTH_PX = ((297 - 2 * 9) / 25.4) * 96;

let browser: Browser;

function report(): string {
  const t = (f: string) => parseCsv(sampleText(f), { file: f });
  const round = createRound({ framework: t('framework.csv'), units: t('units.csv'), evidence: t('evidence.csv'), survey: t('survey.csv') });
  const result = score(round, { missing: 'zero', bands: 'Xuất sắc>=90; Tốt>=80; Khá>=70' });
  const last = JSON.parse(sampleText('expected-score.json'));
  last.units = last.units.filter((u: { unit: string }) => u.unit !== 'thanh-tra');
  const previous = parseResultJson(last, { file: 'ket-qua-2020.json' });
  return renderHtml(result, { title: 'Chỉ số CCHC năm 2021', previous, sources: [{ name: 'evidence.csv', sha256: 'a'.repeat(64) }] });
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: apt-get install chromium fonts-dejavu-core (.ci/run does), or set PARINDEX_CHROMIUM`);
  mkdirSync(ARTIFACTS, { recursive: true });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});
afterAll(async () => {
  await browser?.close();
});

describe('the HTML report in a browser', () => {
  it('renders with nothing fetched; a screenshot is kept; the Vietnamese text is there', async () => {
    const html = report();
    writeFileSync(join(ARTIFACTS, 'report-print.html'), html);
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const requests: string[] = [];
    const errors: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('pageerror', (e) => errors.push(e.message));
    await page.setContent(html, { waitUntil: 'load' });
    expect(errors).toEqual([]);
    expect(requests.filter((u) => !u.startsWith('data:') && u !== 'about:blank')).toEqual([]);
    expect(await page.title()).toBe('Chỉ số CCHC năm 2021');
    const text = (await page.textContent('body'))!;
    for (const s of ['Khối sở', 'Khối quận, huyện, thị xã', 'Sở Tài chính', 'Quận Cầu Giấy', 'Chỉ số thành phần (%)', 'Cải cách thủ tục hành chính', 'Chỉ số năm trước', 'mới', 'Điểm tối đa áp dụng']) expect(text, s).toContain(s);
    // Two tables, two bar charts and two heat maps, each chart with its title.
    expect(await page.locator('table.r').count()).toBe(2);
    expect(await page.locator('svg.chart > title').allTextContents()).toEqual([
      'Khối sở: chỉ số CCHC theo thứ hạng',
      'Khối sở: chỉ số thành phần theo lĩnh vực (%)',
      'Khối quận, huyện, thị xã: chỉ số CCHC theo thứ hạng',
      'Khối quận, huyện, thị xã: chỉ số thành phần theo lĩnh vực (%)',
    ]);
    await page.screenshot({ path: join(ARTIFACTS, 'report-print.png'), fullPage: true });
    await page.close();
  });

  it('prints A4 landscape: header rows repeat, no table is cut off on the right, names on one line', async () => {
    const page = await browser.newPage({ viewport: { width: Math.floor(PAGE_WIDTH_PX), height: 700 } });
    await page.setContent(report(), { waitUntil: 'load' });
    await page.emulateMedia({ media: 'print' });
    // Measured in the page (a script string: the test's own types know no DOM).
    const m = (await page.evaluate(`(() => {
      const tables = [...document.querySelectorAll('table.r')].map((t) => {
        const box = t.getBoundingClientRect();
        const rows = [...t.querySelectorAll('tbody tr')].map((tr) => {
          const cells = [...tr.querySelectorAll('td')];
          const style = getComputedStyle(cells[1]);
          const line = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.3;
          return { name: cells[1].getBoundingClientRect().height, line, text: cells[1].textContent };
        });
        return { left: box.left, right: box.right, head: getComputedStyle(t.querySelector('thead')).display, rows };
      });
      const widest = Math.max(...[...document.querySelectorAll('body *')].map((e) => e.getBoundingClientRect().right));
      return { tables, widest, scroll: document.documentElement.scrollWidth };
    })()`)) as { tables: { left: number; right: number; head: string; rows: { name: number; line: number; text: string | null }[] }[]; widest: number; scroll: number };
    expect(m.tables).toHaveLength(2);
    for (const t of m.tables) {
      expect(t.head).toBe('table-header-group');
      expect(t.left).toBeGreaterThanOrEqual(0);
      expect(t.right, 'a table runs past the page width').toBeLessThanOrEqual(PAGE_WIDTH_PX + 0.5);
      // Unit names are not wrapped: each name cell is one line high (as tall as the row's rank cell).
      for (const r of t.rows) expect(r.name, r.text ?? '').toBeLessThan(r.line * 1.9);
    }
    expect(m.widest).toBeLessThanOrEqual(PAGE_WIDTH_PX + 0.5);
    expect(m.scroll).toBeLessThanOrEqual(Math.ceil(PAGE_WIDTH_PX));
    await page.screenshot({ path: join(ARTIFACTS, 'report-print-media.png'), clip: { x: 0, y: 0, width: Math.floor(PAGE_WIDTH_PX), height: 700 } });
    const pdf = await page.pdf({ format: 'A4', landscape: true, printBackground: true });
    writeFileSync(join(ARTIFACTS, 'report-print.pdf'), pdf);
    // Every page is A4 landscape (842 × 595 points), and there are several (leagues and charts).
    const boxes = [...pdf.toString('latin1').matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((x) => [Number(x[1]), Number(x[2])]);
    expect(boxes.length).toBeGreaterThanOrEqual(3);
    for (const [w, h] of boxes) {
      expect(Math.abs(w - 842), `page width ${w}`).toBeLessThan(2);
      expect(Math.abs(h - 595), `page height ${h}`).toBeLessThan(2);
    }
    await page.close();
  });
});
