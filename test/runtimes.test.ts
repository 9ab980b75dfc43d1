/**
 * The core entry runs everywhere (docs/architecture.md): one small program
 * (test/fixtures/runtimes/score-sample.ts) imports `parindex` as an app would, is bundled with
 * esbuild for a browser — no stubs, no Node built-in — and run in headless Chromium (Debian's
 * `chromium`, driven by playwright-core; `.ci/run` installs it), bundled for Node and run with no
 * node_modules beside it, and run under Deno. Each prints the same line.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { parseCsvTable } from '../src/table/csv.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..');
const PROGRAM = join(ROOT, 'test', 'fixtures', 'runtimes', 'score-sample.ts');
const ARTIFACTS = join(ROOT, 'test-artifacts');
/** What the program prints: both leagues' leaders of the sample, a hand-computed small round, a located error, 52 units. */
const EXPECTED = 'tai-chinh 89.83 | cau-giay 95.24 | u=70,v=100/3 | orphan-code | 52';
const CHROMIUM = process.env.PARINDEX_CHROMIUM ?? '/usr/bin/chromium';

let dir: string;

/** Bundles the program against the built package (resolved through node_modules/parindex, as an app resolves it). */
async function bundle(platform: 'browser' | 'node', program = PROGRAM): Promise<string> {
  const result = await build({ entryPoints: [program], bundle: true, platform, format: 'esm', minify: true, write: false, absWorkingDir: dir, nodePaths: [join(dir, 'node_modules')], logLevel: 'silent', metafile: true });
  const inputs = Object.keys(result.metafile.inputs);
  // The program really went through the package's dist, and pulled in no Node built-in.
  expect(inputs.some((p) => p.includes('dist/index.js') || p.includes('dist/xlsx.js'))).toBe(true);
  expect(inputs.filter((p) => p.startsWith('node:'))).toEqual([]);
  return result.outputFiles[0].text;
}

/** Runs a bundled program in a blank page of headless Chromium and returns what it left in `__parindex`. */
async function inChromium(code: string, prelude: string, screenshot: string): Promise<string> {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: apt-get install chromium fonts-dejavu-core (.ci/run does), or set PARINDEX_CHROMIUM`);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // Nothing is fetched: the page and the program are inline.
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.setContent('<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>parindex</title></head><body></body></html>');
    if (prelude) await page.addScriptTag({ content: prelude });
    await page.addScriptTag({ content: code, type: 'module' });
    await page.waitForFunction(() => (globalThis as { __parindex?: string }).__parindex !== undefined, undefined, { timeout: 30_000 }).catch(() => undefined);
    expect(errors).toEqual([]);
    const line = (await page.evaluate(() => (globalThis as { __parindex?: string }).__parindex)) ?? '';
    expect(await page.textContent('body')).toBe(line);
    expect(requests.filter((u) => !u.startsWith('data:') && u !== 'about:blank')).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, screenshot) });
    return line;
  } finally {
    await browser.close();
  }
}

beforeAll(() => {
  if (!existsSync(join(ROOT, 'dist', 'index.js'))) throw new Error('run npm run build first (npm test does)');
  dir = mkdtempSync(join(tmpdir(), 'parindex-runtimes-'));
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(ROOT, join(dir, 'node_modules', 'parindex'), 'dir');
  mkdirSync(ARTIFACTS, { recursive: true });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the core entry in every runtime', () => {
  it('bundles for a browser with no stubs and runs in headless Chromium', async () => {
    const code = await bundle('browser');
    expect(await inChromium(code, '', 'runtimes-browser.png')).toBe(EXPECTED);
  });

  it('reads an xlsx workbook from bytes in the browser (parindex/xlsx)', async () => {
    // The sample's evidence as a workbook (written by exceljs, as a council's Excel would).
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('evidence');
    const ev = parseCsvTable(readFileSync(join(ROOT, 'data', 'hanoi-2021', 'evidence.csv'), 'utf8'));
    sheet.addRow(ev.header);
    for (const r of ev.rows) sheet.addRow(r.cells.map((c) => (/^\d+(\.\d+)?$/.test(c) ? Number(c) : c)));
    const base64 = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const code = await bundle('browser', join(ROOT, 'test', 'fixtures', 'runtimes', 'xlsx-in-browser.ts'));
    const line = await inChromium(code, `globalThis.__xlsx = ${JSON.stringify(base64)};`, 'runtimes-xlsx.png');
    expect(line).toBe(`evidence ${ev.rows.length} tai-chinh 89.83`);
  });

  it('bundles for Node and runs with no node_modules beside it', async () => {
    const code = await bundle('node');
    const out = join(mkdtempSync(join(tmpdir(), 'parindex-nodebundle-')), 'app.mjs');
    writeFileSync(out, code);
    expect(execFileSync(process.execPath, [out], { encoding: 'utf8' }).trim()).toBe(EXPECTED);
    rmSync(join(out, '..'), { recursive: true, force: true });
  });

  it('a Node bundle reads files through parindex/node and writes workbooks through parindex/xlsx', async () => {
    // 0.1 failed here: the built-in sample was read from data/ on disk and the xlsx reader required
    // exceljs's unzipper at run time.
    const result = await build({
      entryPoints: [join(ROOT, 'test', 'fixtures', 'runtimes', 'node-files.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      write: false,
      absWorkingDir: dir,
      nodePaths: [join(dir, 'node_modules')],
      logLevel: 'silent',
      banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    });
    const out = join(mkdtempSync(join(tmpdir(), 'parindex-nodebundle-')), 'files.mjs');
    writeFileSync(out, result.outputFiles[0].text);
    expect(execFileSync(process.execPath, [out], { encoding: 'utf8', cwd: join(out, '..') }).trim()).toBe('tai-chinh 89.83 52');
    rmSync(join(out, '..'), { recursive: true, force: true });
  });

  it('runs under Deno', async () => {
    const code = await bundle('browser');
    const file = join(dir, 'deno-app.mjs');
    writeFileSync(file, code);
    const deno = join(ROOT, 'node_modules', '.bin', 'deno');
    // No permissions at all: the core needs no file system, network or environment.
    const r = spawnSync(deno, ['run', '--quiet', '--no-prompt', '--no-config', file], { encoding: 'utf8', env: { ...process.env, DENO_DIR: join(dir, '.deno'), NO_COLOR: '1' } });
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe(EXPECTED);
    expect(r.status).toBe(0);
  });
});
