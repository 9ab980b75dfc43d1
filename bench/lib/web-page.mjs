/**
 * The council page's side of the `web-national` workload: the built page (dist/web) scores a
 * round's CSV files in headless Chromium, as a council would.
 *
 * - The page is served by `parindex serve` itself (`node dist/cli.js serve --port 0 --root COPY`, a
 *   copy of dist/web: the tree is shared and a build elsewhere may empty dist/ during the run) on
 *   127.0.0.1; Chromium is Debian's (`/usr/bin/chromium`, or PARINDEX_CHROMIUM) driven by
 *   playwright-core, as test/web-page.test.ts does.
 * - Each run opens the page in a fresh browser context (empty cache), sets the four files on the
 *   page's one multiple-file input, waits until every file's kind is recognised, then clicks Score.
 *   The time is measured in the page: from the click on Score (a capture listener) until the first
 *   animation frame after the ranking (`table.ranking`) is in the document — reading the files,
 *   the worker's checking, scoring and rendering, the page's JSON parse and the table's render.
 * - Transfer: every response of the context from the page's load until the ranking is shown (the
 *   page, its script and style, the scoring worker), each body gzipped here at level 9 (the local
 *   server does not compress); no response may be an exceljs chunk (it loads only when a workbook
 *   is read or written).
 * - Memory: the Chromium process tree (every descendant of this process but the server), sampled
 *   every 200 ms from /proc: the peak of the summed PSS (shared pages counted once) and the peak RSS
 *   of the largest single process (the page's renderer, which runs the worker). Linux only; null
 *   elsewhere.
 * - Check: the ranking's rows read back from the page (unit, rank, index) as a digest the runner
 *   compares with the CLI's JSON of the same files (bench/case.mjs `outputCheck`).
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { median } from './timing.mjs';
import { rankingDigest } from './web-digest.mjs';

export const CHROMIUM = process.env.PARINDEX_CHROMIUM ?? '/usr/bin/chromium';
const INPUTS = ['framework', 'units', 'evidence', 'survey'];

/** Starts `parindex serve` on a free loopback port for `root`; resolves with its URL and a stop function. */
async function serve(cli, root) {
  const child = spawn(process.execPath, [cli, 'serve', '--port', '0', '--root', root], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr.on('data', (d) => (err += d));
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`parindex serve printed no address in 15 s: ${out}${err}`)), 15_000);
    child.stdout.on('data', (d) => {
      out += d;
      const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[0]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`parindex serve exited ${code}: ${err}`));
    });
  });
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      child.kill('SIGTERM');
    });
  return { url, pid: child.pid, stop };
}

/** The descendants of `root` (pids), from /proc; [] where there is no /proc. */
function descendants(root) {
  let entries;
  try {
    entries = readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  } catch {
    return [];
  }
  const children = new Map();
  for (const d of entries) {
    let stat;
    try {
      stat = readFileSync(`/proc/${d}/stat`, 'utf8');
    } catch {
      continue;
    }
    // pid (comm) state ppid …: comm may hold spaces and parentheses, so read after the last ')'.
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (!children.has(ppid)) children.set(ppid, []);
    children.get(ppid).push(Number(d));
  }
  const out = [];
  const queue = [root];
  while (queue.length && out.length < 10_000) {
    for (const c of children.get(queue.shift()) ?? []) {
      out.push(c);
      queue.push(c);
    }
  }
  return out;
}

/** /proc/PID/smaps_rollup ("" when the process is gone). */
function readRollup(pid) {
  try {
    return readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
  } catch {
    return '';
  }
}

/** Samples the browser's memory (every process under this one but `exclude`) until stopped. */
function memorySampler(exclude) {
  if (!existsSync('/proc/self/smaps_rollup')) return { stop: () => ({ pssMB: null, rendererRssMB: null, samples: 0 }) };
  let pss = 0;
  let rss = 0;
  let samples = 0;
  const sample = () => {
    let total = 0;
    for (const pid of descendants(process.pid)) {
      if (exclude.has(pid)) continue;
      const text = readRollup(pid);
      const p = /^Pss:\s+(\d+) kB/m.exec(text);
      const r = /^Rss:\s+(\d+) kB/m.exec(text);
      if (p) total += Number(p[1]);
      if (r) rss = Math.max(rss, Number(r[1]));
    }
    pss = Math.max(pss, total);
    samples++;
  };
  const timer = setInterval(sample, 200);
  let result;
  return {
    stop() {
      if (!result) {
        clearInterval(timer);
        sample();
        result = { pssMB: pss / 1024, rendererRssMB: rss / 1024, samples };
      }
      return result;
    },
  };
}

/** The in-page clock: click on #score → the first frame after `table.ranking` is in the document. */
const CLOCK = `(() => {
  const t = (window.__bench = { click: null, shown: null, painted: null, problems: null, steps: [] });
  document.addEventListener('click', (e) => {
    if (t.click === null && e.target instanceof Element && e.target.closest('#score')) t.click = performance.now();
  }, true);
  let step = '';
  const seen = () => {
    if (t.click === null || t.shown !== null) return;
    // The worker's progress as the page shows it (step and count): where the time goes.
    const p = document.querySelector('.progress');
    const bar = p && p.querySelector('progress');
    const now = p ? (p.firstChild?.textContent || '').trim() + ' ' + (bar ? bar.value + '/' + bar.max : '') : '';
    if (now !== step) {
      step = now;
      t.steps.push([Math.round(performance.now() - t.click), now]);
    }
    if (document.querySelector('table.ranking')) {
      t.shown = performance.now();
      requestAnimationFrame(() => setTimeout(() => (t.painted = performance.now()), 0));
    } else if (document.querySelector('.problems, .message')) {
      t.problems = (document.querySelector('.problems, .message').textContent || '').slice(0, 2000);
    }
  };
  new MutationObserver(seen).observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['value', 'max'] });
})()`;

/** Reads the ranking back from the page: [unit, rank, index] per row, the page's own text. */
const ROWS = `[...document.querySelectorAll('table.ranking tbody tr')].map((tr) => {
  const td = tr.querySelectorAll('td');
  return [tr.getAttribute('data-unit'), td[0].textContent, tr.querySelector('td.index').textContent];
})`;

/** The ranking rows of one league's table (the page shown). */
const leagueRows = (league) => `[...document.querySelectorAll('table.ranking[data-league=' + JSON.stringify(${JSON.stringify(league)}) + '] tbody tr')].map((tr) => {
  const td = tr.querySelectorAll('td');
  return [tr.getAttribute('data-unit'), td[0].textContent, tr.querySelector('td.index').textContent];
})`;

/**
 * Every ranking row, all pages: the page shows 100 units of a league at a time, so each league with
 * a pager is paged through with its "next" button until that button says it is the last page.
 */
async function allRows(page, timeoutMs) {
  const paged = await page.evaluate(`[...document.querySelectorAll('nav.pager')].map((n) => n.getAttribute('data-league'))`);
  if (paged.length === 0) return page.evaluate(ROWS);
  const leagues = await page.evaluate(`[...document.querySelectorAll('table.ranking')].map((t) => t.getAttribute('data-league'))`);
  const rows = [];
  for (const league of leagues) {
    const sel = `nav.pager[data-league=${JSON.stringify(league)}] button.next`;
    for (let guard = 0; guard < 10_000; guard++) {
      const shown = await page.evaluate(leagueRows(league));
      rows.push(...shown);
      const last = !paged.includes(league) || (await page.evaluate(`document.querySelector(${JSON.stringify(sel)}).getAttribute('aria-disabled') === 'true'`));
      if (last) break;
      await page.click(sel);
      const first = JSON.stringify(shown[0]?.[0] ?? null);
      await poll(page, `(${leagueRows(league)})[0]?.[0] !== ${first}`, timeoutMs, 'the next page of the ranking');
    }
  }
  return rows;
}

/**
 * Waits until `expr` (a script) is true in the page, checking every 50 ms, at most `timeoutMs`.
 * page.evaluate, not waitForFunction: the page's Content-Security-Policy (as `parindex serve` sends
 * it) allows no eval, which waitForFunction's predicate needs.
 */
async function poll(page, expr, timeoutMs, what) {
  const end = Date.now() + timeoutMs;
  while (!(await page.evaluate(expr))) {
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** One run: a fresh context, load, files, Score, ranking. */
async function onePage(browser, url, files, timeoutMs, exclude) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const responses = [];
  context.on('response', (r) => responses.push(r));
  const errors = [];
  const memory = memorySampler(exclude);
  try {
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(url);
    await page.waitForSelector('#files', { state: 'attached' });
    await page.evaluate(CLOCK);
    await page.setInputFiles('#files', files);
    // Every file's kind recognised from its content (the worker reads each file once for this).
    const kinds = INPUTS.map((k) => `document.querySelector('tr[data-file="${k}.csv"] select')?.value === '${k}'`).join(' && ');
    await poll(page, kinds, timeoutMs, "the files' kinds recognised");
    await page.click('#score');
    await poll(page, 'window.__bench.painted !== null || window.__bench.problems !== null', timeoutMs, 'the ranking');
    const t = await page.evaluate('window.__bench');
    if (t.painted === null) throw new Error(`the page showed problems instead of the ranking: ${t.problems}`);
    const mem = memory.stop();
    const rows = await allRows(page, timeoutMs);
    const transfer = [];
    for (const r of responses) {
      const u = new URL(r.url());
      if (u.protocol !== 'http:') continue;
      let body;
      try {
        body = await r.body();
      } catch {
        body = Buffer.alloc(0);
      }
      transfer.push({ path: u.pathname, status: r.status(), bytes: body.length, gzipBytes: body.length ? gzipSync(body, { level: 9 }).length : 0 });
    }
    return { ms: t.painted - t.click, domMs: t.shown - t.click, steps: t.steps, rows, transfer, errors, mem };
  } finally {
    memory.stop();
    await context.close();
  }
}

/**
 * The page's side: `{ medianMs, minMs, maxMs, runs, warmup, samplesMs, maxRssMB, check }` like every
 * other side (bench/case.mjs). `p.dir` holds framework.csv, units.csv, evidence.csv and survey.csv.
 */
export async function pageScore({ cli, web, dir, warmup = 0, runs = 1, timeoutMs = 600_000 }) {
  if (!existsSync(join(web, 'index.html'))) throw new Error(`no built page at ${web}: run npm run build`);
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: apt-get install chromium, or set PARINDEX_CHROMIUM`);
  const { chromium } = await import('playwright-core');
  const tmp = mkdtempSync(join(tmpdir(), 'parindex-bench-web-'));
  const root = join(tmp, 'web');
  cpSync(web, root, { recursive: true });
  const server = await serve(cli, root);
  let browser;
  try {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const files = INPUTS.map((k) => join(dir, `${k}.csv`));
    const exclude = new Set([server.pid]);
    for (let i = 0; i < warmup; i++) await onePage(browser, server.url, files, timeoutMs, exclude);
    const all = [];
    for (let i = 0; i < runs; i++) all.push(await onePage(browser, server.url, files, timeoutMs, exclude));
    const last = all[all.length - 1];
    const samples = all.map((r) => r.ms);
    const pss = all.map((r) => r.mem.pssMB).filter((x) => x !== null);
    const sum = (k) => last.transfer.reduce((n, t) => n + t[k], 0);
    return {
      medianMs: median(samples),
      minMs: Math.min(...samples),
      maxMs: Math.max(...samples),
      runs: samples.length,
      warmup,
      samplesMs: samples,
      // The browser's peak: the summed PSS of its processes, sampled (see the file comment).
      maxRssMB: pss.length ? Math.max(...pss) : null,
      check: {
        units: last.rows.length,
        ...rankingDigest(last.rows.map(([unit, rank, index]) => [unit, rank, index.replace(',', '.')])),
        domMs: median(all.map((r) => r.domMs)),
        // The last run's progress as the page showed it: [ms after the click, step and count].
        steps: last.steps,
        rendererRssMB: Math.max(...all.map((r) => r.mem.rendererRssMB ?? 0)) || null,
        memorySamples: last.mem.samples,
        pageErrors: last.errors,
        transfer: {
          requests: last.transfer.length,
          bytes: sum('bytes'),
          gzipBytes: sum('gzipBytes'),
          exceljs: last.transfer.filter((t) => /exceljs/i.test(t.path)).map((t) => t.path),
          worker: last.transfer.some((t) => /worker/i.test(t.path)),
          files: last.transfer,
        },
      },
    };
  } finally {
    await browser?.close();
    await server.stop();
    rmSync(tmp, { recursive: true, force: true });
  }
}
