/**
 * The File/Blob API in headless Chromium (as test/runtimes.test.ts runs the core): a program using
 * `classifyInput` and `readRound` from the built `parindex` (and `parseXlsx` from `parindex/xlsx`),
 * bundled for a browser, given the sample's CSV files and the filled evidence template as real
 * browser `File`s. It must tell each apart and score the sample's figures.
 */
import { mkdirSync, mkdtempSync, readFileSync, existsSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsvTable } from '../src/table/csv.js';

const ROOT = join(__dirname, '..');
const SAMPLE = join(ROOT, 'data', 'hanoi-2021');
const CHROMIUM = process.env.PARINDEX_CHROMIUM ?? '/usr/bin/chromium';
let dir: string;

beforeAll(() => {
  if (!existsSync(join(ROOT, 'dist', 'index.js'))) throw new Error('run npm run build first (npm test does)');
  dir = mkdtempSync(join(tmpdir(), 'parindex-blobs-'));
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(ROOT, join(dir, 'node_modules', 'parindex'), 'dir');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('classifyInput and readRound in a browser', () => {
  it('tells the sample files apart and scores them from File objects in headless Chromium', async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: apt-get install chromium (.ci/run does), or set PARINDEX_CHROMIUM`);
    // The evidence as a workbook, as a council's Excel would save it.
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Đánh giá');
    const ev = parseCsvTable(readFileSync(join(SAMPLE, 'evidence.csv'), 'utf8'));
    sheet.addRow(['Mã đơn vị', 'Mã tiêu chí', 'Điểm tự chấm', 'Điểm thẩm định', 'Tài liệu kiểm chứng', 'Ghi chú']);
    for (const r of ev.rows) sheet.addRow(r.cells.map((c) => (/^\d+(\.\d+)?$/.test(c) ? Number(c) : c)));
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const inputs = Object.fromEntries(['framework.csv', 'units.csv', 'survey.csv', 'sipas-questions.csv'].map((f) => [f, readFileSync(join(SAMPLE, f), 'utf8')]));

    const result = await build({
      entryPoints: [join(ROOT, 'test', 'fixtures', 'runtimes', 'blobs-in-browser.ts')],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      minify: true,
      write: false,
      absWorkingDir: dir,
      nodePaths: [join(dir, 'node_modules')],
      logLevel: 'silent',
      metafile: true,
    });
    const used = Object.keys(result.metafile.inputs);
    expect(used.some((p) => p.includes('dist/index.js'))).toBe(true);
    expect(used.filter((p) => p.startsWith('node:'))).toEqual([]);

    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.setContent('<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>parindex</title></head><body></body></html>');
      await page.addScriptTag({ content: `globalThis.__inputs = ${JSON.stringify(inputs)}; globalThis.__xlsx = ${JSON.stringify(xlsx)};` });
      await page.addScriptTag({ content: result.outputFiles[0].text, type: 'module' });
      await page.waitForFunction(() => (globalThis as { __parindex?: string }).__parindex !== undefined, undefined, { timeout: 30_000 });
      expect(errors).toEqual([]);
      const line = await page.evaluate(() => (globalThis as { __parindex?: string }).__parindex);
      expect(line).toBe('framework.csv=framework units.csv=units survey.csv=survey sipas-questions.csv=sipas-questions danh-gia.xlsx=evidence | tai-chinh 89.83 | cau-giay 95.24');
    } finally {
      await browser.close();
    }
  }, 120_000);
});
