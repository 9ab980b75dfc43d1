/**
 * parindex benchmarks: for each workload, our time and the ratios against baselines measured in
 * the same run, each side in its own child process (bench/case.mjs) so peak RSS is per side.
 *
 *   npm run bench                          full run (10,000 × 160 scoring, 1M and 5M SIPAS forms,
 *                                          100,000-row xlsx, CLI cold start)
 *   npm run bench -- --scaling             also the scaling table (units 52 → 10,000; forms 10k → 5M)
 *   npm run bench -- --json [FILE]         the same figures as JSON (stdout, or FILE)
 *   npm run bench -- --smoke               every workload at tiny sizes, in seconds (CI; no goals judged)
 *   npm run bench -- --only score,cold     some workloads (score, score-coprime, sipas, sipas-large, xlsx, cold, core,
 *                                          e2e-score, e2e-sipas; e2e-national and web-national run only when
 *                                          named here: minutes; web-national needs dist/web and Chromium)
 *   npm run bench -- --runs N              timed runs per side (default per workload)
 *   npm run bench -- --coprime-units N     units of the score-coprime workload (default 3,000)
 *   npm run bench -- --dist PATH           the built package to measure (default build/internal.js)
 *
 * Generated inputs are kept in bench/out/data (git-ignored). Absolute times vary between machines
 * and runs; the ratios from one run are the figures the goals are judged on.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { count, parseArgs } from './lib/args.mjs';
import { ensureEvidenceXlsx, ensurePreset, ensureResponses, ensureRound } from './lib/data.mjs';
import { compareScore } from './lib/score-check.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const args = parseArgs(process.argv.slice(2), { booleans: ['smoke', 'scaling', 'quiet', 'help'] });
// The usage is this file's opening comment; an unknown option prints it rather than starting a run.
const OPTIONS = ['smoke', 'scaling', 'quiet', 'help', 'json', 'only', 'runs', 'dist', 'data', 'units', 'criteria', 'forms', 'largeForms', 'rows', 'coprimeUnits'];
const unknown = [...Object.keys(args).filter((k) => k !== '_' && !OPTIONS.includes(k)), ...args._.filter((a) => a !== '-h')];
if (args.help === true || args._.includes('-h') || unknown.length) {
  const usage = readFileSync(fileURLToPath(import.meta.url), 'utf8')
    .split('*/')[0]
    .replace(/^\/\*\*\n| \* ?/gm, '');
  if (unknown.length) process.stderr.write(`bench: unknown option ${unknown.join(', ')}\n`);
  (unknown.length ? process.stderr : process.stdout).write(usage);
  process.exit(unknown.length ? 2 : 0);
}
const smoke = args.smoke === true;
const dist = resolve(args.dist ?? join(here, '..', 'build', 'internal.js'));
const dataDir = resolve(args.data ?? join(here, 'out', 'data'));
const jsonOut = args.json === undefined ? undefined : args.json === true ? '-' : String(args.json);
const quiet = args.quiet === true || jsonOut === '-';
const only = args.only ? new Set(String(args.only).split(',')) : undefined;
const P = await import(pathToFileURL(dist).href);

const log = (s = '') => {
  if (!quiet) process.stdout.write(s + '\n');
};
const progress = (s) => {
  if (!quiet) process.stderr.write(s);
};

function machine() {
  let cpu = cpus()[0]?.model ?? 'unknown';
  try {
    cpu = /model name\s*:\s*(.*)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpu;
  } catch {
    /* not Linux */
  }
  return { cpu, cores: cpus().length, node: process.version, platform: `${process.platform} ${process.arch}`, memoryMB: Math.round(totalmem() / 2 ** 20) };
}

/** Runs one side in a child process; returns its figures (or an error). */
function runCase(kase, params, { warmup, runs }) {
  const job = { case: kase, params, warmup, runs: args.runs ? count(args.runs) : runs, dist };
  progress(`  ${kase} ${JSON.stringify(params)} … `);
  const t = performance.now();
  const r = spawnSync(process.execPath, ['--max-old-space-size=8192', join(here, 'case.mjs'), JSON.stringify(job)], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const wall = (performance.now() - t) / 1000;
  if (r.status !== 0) {
    progress(`failed (${wall.toFixed(1)} s)\n`);
    return { error: (r.stderr || `exit ${r.status}`).trim().split('\n').slice(-6).join('\n') };
  }
  const out = JSON.parse(r.stdout.trim().split('\n').pop());
  progress(`${fmtMs(out.medianMs)} (${wall.toFixed(1)} s)\n`);
  return out;
}

const fmtMs = (ms) => (ms === undefined || ms === null || Number.isNaN(ms) ? 'n/a' : ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 100 ? `${ms.toFixed(0)} ms` : `${ms.toFixed(1)} ms`);
const fmtX = (x) => (x === null || x === undefined || Number.isNaN(x) ? 'n/a' : x >= 100 ? `${x.toFixed(0)}×` : `${x.toFixed(2)}×`);
const fmtMB = (mb) => (mb === null || mb === undefined ? 'n/a' : `${mb.toFixed(0)} MB`);
const fmtKB = (kb) => (kb === null || kb === undefined ? 'n/a' : `${kb.toFixed(1)} KB`);
const ratio = (a, b) => (a?.medianMs && b?.medianMs ? a.medianMs / b.medianMs : null);

/** The score-coprime goal: exact scoring within this factor of the float64 loop (see docs/benchmarks.md). */
const COPRIME_GOAL = 20;

/** Workload definitions: sizes and runs per mode, sides, ratios and goals. */
function workloads() {
  const S = smoke;
  return [
    {
      name: 'score',
      title: 'exact scoring',
      params: S ? { units: 30, criteria: 20 } : { units: count(args.units, 10_000), criteria: count(args.criteria, 160) },
      describe: (p) => `${p.units.toLocaleString('en')} units × ${p.criteria} criteria: score() (totals, ranks, league summaries) + every index printed to 2 dp`,
      sides: {
        ours: { case: 'score:ours', label: 'parindex exact core', warmup: S ? 0 : 3, runs: S ? 1 : 15 },
        float: { case: 'score:float', label: 'float64, same rule logic', warmup: S ? 0 : 3, runs: S ? 1 : 15 },
        decimal: { case: 'score:decimal', label: 'naive decimal.js, prepared Decimals', warmup: S ? 0 : 1, runs: S ? 1 : 3 },
        // Informational, not judged: the reference scoreWithDecimal, which also parses every cell's text.
        decimalText: { case: 'score:decimal-text', label: 'decimal.js from text (info, not judged)', warmup: S ? 0 : 1, runs: S ? 1 : 2 },
      },
      ratios: (s) => ({ 'ours/float': ratio(s.ours, s.float), 'decimal/ours': ratio(s.decimal, s.ours), 'decimalText/ours': ratio(s.decimalText, s.ours) }),
      goals: (_s, r) => [
        { goal: 'exact scoring ≤ 2× the float64 baseline', value: r['ours/float'], met: r['ours/float'] !== null && r['ours/float'] <= 2 },
        { goal: 'exact scoring ≥ 60× faster than naive decimal.js', value: r['decimal/ours'], met: r['decimal/ours'] !== null && r['decimal/ours'] >= 60 },
      ],
      // Unit by unit (bench/lib/score-check.mjs): the exact sides equal to parindex in rank, index and
      // selfIndex (2 and 12 dp), missing / NA / unappraised counts (not reported by the text
      // reference) and league means; float64 equal in counts, ranks and 2-dp values and within 1e-9
      // elsewhere, except at exact or near ties and at 2-dp half-way points (counted and printed).
      agree: (s) => compareScore(s),
    },
    {
      // Ratio targets with no common factor: one common denominator (10^E × their lcm) would leave 2^53,
      // so the fast path keeps each unit's points per denominator class and sums the classes once per
      // unit in bigints (src/scoring/kernel.ts). Before, such a round fell to the bigint path (3,000
      // units × 120 coprime targets: about a minute).
      name: 'score-coprime',
      title: 'exact scoring, coprime ratio targets',
      params: S ? { units: 30, criteria: 40, targets: 'coprime' } : { units: count(args.coprimeUnits, 3_000), criteria: 141, targets: 'coprime' },
      describe: (p) => `${p.units.toLocaleString('en')} units × ${p.criteria} criteria, every appraisal leaf a ratio with its own prime target (no common factor): score() + every index to 2 dp`,
      sides: {
        ours: { case: 'score:ours', label: 'parindex exact core', warmup: S ? 0 : 3, runs: S ? 1 : 15 },
        float: { case: 'score:float', label: 'float64, same rule logic', warmup: S ? 0 : 3, runs: S ? 1 : 15 },
        decimal: { case: 'score:decimal', label: 'naive decimal.js, prepared Decimals', warmup: S ? 0 : 1, runs: S ? 1 : 3 },
      },
      ratios: (s) => ({ 'ours/float': ratio(s.ours, s.float), 'decimal/ours': ratio(s.decimal, s.ours) }),
      goals: (s, r) => [
        { goal: `coprime targets: exact scoring on the fast path, ≤ ${COPRIME_GOAL}× the float64 baseline`, value: r['ours/float'], met: s.ours?.check?.path === 'fast' && r['ours/float'] !== null && r['ours/float'] <= COPRIME_GOAL },
      ],
      agree: (s) => compareScore(s),
    },
    {
      name: 'sipas',
      title: 'SIPAS ingest',
      params: { forms: S ? 2000 : count(args.forms, 1_000_000) },
      file: async (p) => ensureResponses(P, dataDir, p.forms),
      describe: (p) => `${p.forms.toLocaleString('en')} forms × 22 questions (sipas-2017), 52 units: read, count, score and rank`,
      sides: {
        ours: { case: 'sipas:ours', label: 'parindex scoreSurvey (byte tokenizer)', warmup: S ? 0 : 1, runs: S ? 1 : 5 },
        raw: { case: 'sipas:raw', label: 'raw byte scan (read + count LF)', warmup: S ? 0 : 1, runs: S ? 1 : 5 },
        duckdb: { case: 'sipas:duckdb', label: 'DuckDB read_csv + GROUP BY', warmup: S ? 0 : 1, runs: S ? 1 : 5 },
        csvParse: { case: 'sipas:csv-parse', label: 'csv-parse stream + same counts', warmup: S ? 0 : 1, runs: S ? 1 : 3 },
      },
      ratios: (s) => ({ 'ours/raw': ratio(s.ours, s.raw), 'ours/duckdb': ratio(s.ours, s.duckdb), 'csvParse/ours': ratio(s.csvParse, s.ours) }),
      goals: (s, r) => [
        { goal: 'SIPAS ingest faster than DuckDB', value: r['ours/duckdb'], met: r['ours/duckdb'] !== null && r['ours/duckdb'] < 1 },
        { goal: 'SIPAS ingest ≤ 1.5× the raw byte scan', value: r['ours/raw'], met: r['ours/raw'] !== null && r['ours/raw'] <= 1.5 },
        { goal: 'SIPAS ingest ≥ 5× faster than csv-parse', value: r['csvParse/ours'], met: r['csvParse/ours'] !== null && r['csvParse/ours'] >= 5 },
        { goal: 'SIPAS peak RSS ≤ 150 MB', value: s.ours?.maxRssMB ?? null, unit: 'MB', met: (s.ours?.maxRssMB ?? Infinity) <= 150 },
      ],
      agree: (s) => ['forms', 'valid', 'answered', 'satisfied'].every((k) => s.ours?.check?.[k] === s.csvParse?.check?.[k] && s.ours?.check?.[k] === s.duckdb?.check?.[k]) && s.ours?.check?.forms === s.raw?.check?.forms,
    },
    {
      name: 'sipas-large',
      title: 'SIPAS ingest, large file',
      params: { forms: S ? 4000 : count(args.largeForms, 5_000_000) },
      file: async (p) => ensureResponses(P, dataDir, p.forms),
      describe: (p) => `${p.forms.toLocaleString('en')} forms × 22 questions: time and peak RSS`,
      sides: {
        ours: { case: 'sipas:ours', label: 'parindex scoreSurvey', warmup: 0, runs: S ? 1 : 2 },
        raw: { case: 'sipas:raw', label: 'raw byte scan', warmup: 0, runs: S ? 1 : 2 },
      },
      ratios: (s) => ({ 'ours/raw': ratio(s.ours, s.raw) }),
      goals: (s) => [{ goal: 'SIPAS peak RSS ≤ 150 MB at the large size', value: s.ours?.maxRssMB ?? null, unit: 'MB', met: (s.ours?.maxRssMB ?? Infinity) <= 150 }],
      agree: (s) => s.ours?.check?.forms === s.raw?.check?.forms,
    },
    {
      name: 'xlsx',
      title: 'xlsx evidence read',
      params: { rows: S ? 200 : count(args.rows, 100_000) },
      file: async (p) => ensureEvidenceXlsx(P, dataDir, p.rows),
      describe: (p) => `${p.rows.toLocaleString('en')} evidence rows × 6 columns, one sheet: to a checked-shape Table`,
      sides: {
        ours: { case: 'xlsx:ours', label: 'parindex loadTables (exceljs stream)', warmup: S ? 0 : 1, runs: S ? 1 : 3 },
        exceljs: { case: 'xlsx:exceljs', label: 'bare exceljs streaming iteration', warmup: S ? 0 : 1, runs: S ? 1 : 3 },
      },
      ratios: (s) => ({ 'ours/exceljs': ratio(s.ours, s.exceljs) }),
      goals: (_s, r) => [{ goal: 'xlsx read ≤ 1.3× bare exceljs streaming', value: r['ours/exceljs'], met: r['ours/exceljs'] !== null && r['ours/exceljs'] <= 1.3 }],
      agree: (s) => s.ours?.check?.rows === s.exceljs?.check?.rows,
    },
    {
      name: 'cold',
      title: 'CLI cold start',
      params: {},
      describe: () => '`parindex score` on the embedded sample (CSV, 52 units) vs `node -e 0`, fresh processes',
      sides: {
        ours: { case: 'cold:ours', label: 'node dist/cli.js score (sample CSV)', warmup: S ? 0 : 2, runs: S ? 1 : 21 },
        node: { case: 'cold:node', label: 'node -e 0', warmup: S ? 0 : 2, runs: S ? 1 : 21 },
      },
      ratios: (s) => ({ 'ours-node ms': s.ours?.medianMs !== undefined && s.node?.medianMs !== undefined ? s.ours.medianMs - s.node.medianMs : null }),
      goals: (_s, r) => [{ goal: '`parindex score` on the sample within 150 ms of `node -e 0`', value: r['ours-node ms'], unit: 'ms', met: r['ours-node ms'] !== null && r['ours-node ms'] <= 150 }],
      agree: (s) => (s.ours?.check?.stdoutBytes ?? 0) > 0,
    },
    // End to end: the CLI on files as users run them, whole processes (start-up, reading, checks,
    // scoring, writing), against a raw single-pass scan of the same files (bench/lib/raw-scan.mjs:
    // floats, no checks), same run. Peak RSS of each whole process.
    {
      name: 'e2e-score',
      title: 'end to end: parindex score on CSV files',
      params: S ? { units: 40, criteria: 20 } : { units: count(args.units, 10_000), criteria: count(args.criteria, 160) },
      prepare: async (p) => ({ dir: await ensureRound(P, dataDir, p.units, p.criteria), out: e2eOut('e2e-score.json') }),
      describe: (p) => `${p.units.toLocaleString('en')} units × ${p.criteria} criteria, long-layout evidence + survey CSV → \`parindex score --format json --out FILE\``,
      sides: {
        ours: { case: 'e2e:score', label: 'node dist/cli.js score (JSON out)', warmup: S ? 0 : 1, runs: S ? 1 : 3 },
        scan: { case: 'e2e:score-scan', label: 'raw scan process (float, no checks)', warmup: S ? 0 : 1, runs: S ? 1 : 3 },
      },
      ratios: (s) => ({ 'ours/scan': ratio(s.ours, s.scan) }),
      goals: (s, r) => [
        { goal: '`score` end to end ≤ 2.5× the raw scan of its files', value: r['ours/scan'], met: r['ours/scan'] !== null && r['ours/scan'] <= 2.5 },
        { goal: '`score` end to end: peak RSS (informational)', value: s.ours?.maxRssMB ?? null, unit: 'MB', met: true },
      ],
      agree: (s) => (s.ours?.check?.units ?? 0) > 0 && (s.scan?.check?.rows ?? 0) > 0,
    },
    {
      name: 'e2e-sipas',
      title: 'end to end: parindex sipas on a CSV of forms',
      params: { forms: S ? 2000 : count(args.forms, 1_000_000) },
      prepare: async (p) => ({ file: await ensureResponses(P, dataDir, p.forms), out: e2eOut('e2e-sipas.json') }),
      describe: (p) => `${p.forms.toLocaleString('en')} forms × 22 questions (sipas-2017) → \`parindex sipas --format json --out FILE\``,
      sides: {
        ours: { case: 'e2e:sipas', label: 'node dist/cli.js sipas (JSON out)', warmup: S ? 0 : 1, runs: S ? 1 : 3 },
        scan: { case: 'e2e:sipas-scan', label: 'raw scan process (float, no checks)', warmup: S ? 0 : 1, runs: S ? 1 : 3 },
      },
      ratios: (s) => ({ 'ours/scan': ratio(s.ours, s.scan) }),
      goals: (s, r) => [
        { goal: '`sipas` end to end ≤ 1.5× the raw scan of its file', value: r['ours/scan'], met: r['ours/scan'] !== null && r['ours/scan'] <= 1.5 },
        { goal: '`sipas` end to end: peak RSS (informational)', value: s.ours?.maxRssMB ?? null, unit: 'MB', met: true },
      ],
      agree: (s) => s.ours?.check?.forms === s.scan?.check?.rows,
    },
    {
      name: 'e2e-national',
      optIn: true,
      title: 'end to end: the national preset, JSON and xlsx',
      params: { preset: S ? 'hanoi' : 'national' },
      prepare: async (p) => ({ dir: await ensurePreset(P, dataDir, p.preset), out: e2eOut('e2e-national.json'), outXlsx: e2eOut('e2e-national.xlsx') }),
      describe: (p) => `the ${p.preset} preset's CSV files → \`parindex score\` as JSON and as xlsx`,
      sides: {
        // A warm-up and three runs each (medians compared): one run of each moved the ratio by ±0.3 between runs.
        json: { case: 'e2e:score', label: 'node dist/cli.js score --format json', warmup: S ? 0 : 1, runs: S ? 1 : 3 },
        xlsx: { case: 'e2e:score', label: 'node dist/cli.js score --format xlsx', warmup: S ? 0 : 1, runs: S ? 1 : 3, params: (p) => ({ ...p, format: 'xlsx', out: p.outXlsx }) },
        scan: { case: 'e2e:score-scan', label: 'raw scan process (float, no checks)', warmup: S ? 0 : 1, runs: S ? 1 : 3 },
      },
      ratios: (s) => ({ 'json/scan': ratio(s.json, s.scan), 'xlsx/json': ratio(s.xlsx, s.json) }),
      goals: (s, r) => [
        { goal: 'national JSON: peak RSS ≤ 300 MB', value: s.json?.maxRssMB ?? null, unit: 'MB', met: (s.json?.maxRssMB ?? Infinity) <= 300 },
        { goal: 'national xlsx ≤ 3× its JSON export', value: r['xlsx/json'], met: r['xlsx/json'] !== null && r['xlsx/json'] <= 3 },
        { goal: 'national xlsx: peak RSS ≤ 1 GB', value: s.xlsx?.maxRssMB ?? null, unit: 'MB', met: (s.xlsx?.maxRssMB ?? Infinity) <= 1024 },
      ],
      agree: (s) => (s.json?.check?.units ?? 0) > 0 && (s.xlsx?.check?.outBytes ?? 0) > 0,
    },
    {
      // The council page (bench/lib/web-page.mjs): dist/web served by `parindex serve` on 127.0.0.1,
      // headless Chromium (playwright-core), the preset's four CSV files on the page's file input,
      // timed from the click on Score until the ranking is shown; the CLI on the same files, same run.
      name: 'web-national',
      optIn: true,
      title: 'the council page: the national preset scored in the browser',
      params: { preset: S ? 'hanoi' : 'national' },
      prepare: async (p) => ({ dir: await ensurePreset(P, dataDir, p.preset), out: e2eOut('web-national.json'), timeoutMs: S ? 60_000 : 600_000 }),
      describe: (p) => `the ${p.preset} preset's CSV files in the council page (dist/web, headless Chromium: click on Score → ranking shown) against \`parindex score --format json\` on the same files`,
      sides: {
        page: { case: 'web:score', label: 'council page (peak: PSS, all processes)', warmup: S ? 0 : 1, runs: S ? 1 : 3 },
        cli: { case: 'e2e:score', label: 'node dist/cli.js score --format json', warmup: S ? 0 : 1, runs: S ? 1 : 3 },
      },
      ratios: (s) => ({ 'page/cli': ratio(s.page, s.cli) }),
      goals: (s, r) => {
        const t = s.page?.check?.transfer;
        const kb = t ? t.gzipBytes / 1024 : null;
        return [
          { goal: 'national preset scored in the page ≤ 2× the CLI', value: r['page/cli'], met: r['page/cli'] !== null && r['page/cli'] <= 2 },
          { goal: 'page transfer before xlsx ≤ 300 KB gzip, no exceljs', value: kb, unit: 'KB', met: kb !== null && kb <= 300 && t.exceljs.length === 0 },
          { goal: 'page: peak memory of the browser (informational)', value: s.page?.maxRssMB ?? null, unit: 'MB', met: true },
        ];
      },
      // The page's ranking (unit, rank, 2-dp index of every row, read back from the table) equals the CLI's JSON.
      agree: (s) => {
        const page = s.page?.check;
        const cli = s.cli?.check;
        const ok = (page?.units ?? 0) > 0 && page.units === cli?.units && page.digest === cli?.digest && page.pageErrors.length === 0;
        const t = page?.transfer;
        const notes = t
          ? [
              `page: ${t.requests} responses before the ranking, ${(t.bytes / 1024).toFixed(1)} KB, ${(t.gzipBytes / 1024).toFixed(1)} KB gzip -9 (${t.files.map((f) => `${f.path} ${(f.gzipBytes / 1024).toFixed(1)} KB`).join(', ')}); exceljs among them: ${t.exceljs.length ? t.exceljs.join(', ') : 'no'}`,
              `page: ranking in the document after ${fmtMs(page.domMs)} (median), shown at the next frame; renderer peak RSS ${fmtMB(page.rendererRssMB)}; ${page.units} units, ${page.ranked} ranked, digest ${page.digest} (CLI ${cli?.digest ?? 'n/a'})`,
            ]
          : [];
        return { ok, notes };
      },
    },
  ];
}

/** Where an end-to-end run writes its output (beside the generated data, git-ignored). */
function e2eOut(name) {
  const dir = join(dataDir, '..', 'e2e-out');
  mkdirSync(dir, { recursive: true });
  return join(dir, name);
}

async function runWorkload(w) {
  const params = { ...w.params };
  if (w.file || w.prepare) {
    progress(`preparing ${w.name} input … `);
    if (w.file) params.file = await w.file(params);
    if (w.prepare) Object.assign(params, await w.prepare(params));
    progress('ok\n');
  }
  log(`\n${w.title} — ${w.describe(params)}`);
  const sides = {};
  for (const [key, s] of Object.entries(w.sides)) sides[key] = { label: s.label, ...runCase(s.case, s.params ? s.params(params) : params, s) };
  const ratios = w.ratios(sides);
  const goals = w.goals(sides, ratios).map((g) => ({ ...g, judged: !smoke }));
  const row = (_k, s) => {
    const extra = s.error ? `ERROR: ${s.error}` : `${fmtMs(s.medianMs).padStart(9)}  (min ${fmtMs(s.minMs)}, ${s.runs} runs)  peak RSS ${fmtMB(s.maxRssMB)}`;
    log(`  ${s.label.padEnd(40)} ${extra}`);
  };
  for (const [k, s] of Object.entries(sides)) row(k, s);
  for (const [k, v] of Object.entries(ratios)) log(`  ${k.padEnd(40)} ${k.endsWith('ms') ? fmtMs(v) : fmtX(v)}`);
  // `agree` gives a boolean, or { ok, notes } with what differed (or what was exempted).
  const a = w.agree(sides);
  const agree = typeof a === 'boolean' ? a : a.ok;
  const agreeNotes = typeof a === 'boolean' ? [] : a.notes;
  log(`  results agree across sides: ${agree ? 'yes' : 'NO'}`);
  for (const n of agreeNotes) log(`    ${n}`);
  // Per-unit rows were for the check only; the report keeps each side's summary and digest.
  for (const side of Object.values(sides)) if (Array.isArray(side.check?.rows)) delete side.check.rows;
  for (const g of goals) log(`  ${smoke ? '(smoke, not judged)' : g.met ? 'MET    ' : 'NOT MET'}  ${g.goal}: ${g.unit === 'MB' ? fmtMB(g.value) : g.unit === 'ms' ? fmtMs(g.value) : g.unit === 'KB' ? fmtKB(g.value) : fmtX(g.value)}`);
  const shown = (v) => (typeof v === 'string' ? v.replace(dataDir, 'bench/out/data') : v);
  return { title: w.title, description: w.describe(params), params: Object.fromEntries(Object.entries(params).map(([k, v]) => [k, shown(v)])), sides, ratios, goals, agree, agreeNotes };
}

async function scaling() {
  const unitsList = smoke ? [10, 20] : [52, 600, 2500, 10_000];
  const formsList = smoke ? [1000, 2000] : [10_000, 100_000, 1_000_000, 5_000_000];
  const criteria = smoke ? 20 : 160;
  log(`\nscaling — exact scoring, ${criteria} criteria (score(): in memory; CLI: \`parindex score\` from the CSV files, end to end)`);
  log('  units      score()     float       ratio     µs/unit  peak RSS    CLI from CSV  CLI peak RSS');
  const unitsRows = [];
  for (const units of unitsList) {
    // Small rounds take a few milliseconds: more warm-up and runs so both sides are measured warm.
    const small = units < 5000;
    const timing = { warmup: smoke ? 0 : small ? 10 : 2, runs: smoke ? 1 : small ? 21 : 9 };
    const o = runCase('score:ours', { units, criteria }, timing);
    const f = runCase('score:float', { units, criteria }, timing);
    const dir = await ensureRound(P, dataDir, units, criteria);
    const cli = runCase('cli:score', { units, criteria, dir }, { warmup: 0, runs: smoke ? 1 : units >= 5000 ? 1 : 3 });
    const r = {
      units,
      criteria,
      oursMs: o.medianMs ?? null,
      floatMs: f.medianMs ?? null,
      oursPerUnitUs: o.medianMs ? (1000 * o.medianMs) / units : null,
      oursRssMB: o.maxRssMB ?? null,
      floatRssMB: f.maxRssMB ?? null,
      cliMs: cli.medianMs ?? null,
      cliRssMB: cli.maxRssMB ?? null,
    };
    unitsRows.push(r);
    log(
      `  ${String(units).padStart(6)}  ${fmtMs(r.oursMs).padStart(9)}  ${fmtMs(r.floatMs).padStart(9)}  ${fmtX(ratio(o, f)).padStart(7)}  ${(r.oursPerUnitUs ?? NaN).toFixed(2).padStart(8)}  ${fmtMB(r.oursRssMB).padStart(8)}  ${fmtMs(r.cliMs).padStart(12)}  ${fmtMB(r.cliRssMB).padStart(10)}`,
    );
  }
  log('\nscaling — SIPAS ingest (52 units)');
  log('  forms        ours        raw scan    ours/raw   ns/form   peak RSS');
  const formsRows = [];
  for (const forms of formsList) {
    const file = await ensureResponses(P, dataDir, forms);
    const big = forms >= 5_000_000;
    const o = runCase('sipas:ours', { forms, file }, { warmup: smoke || big ? 0 : 1, runs: smoke ? 1 : big ? 2 : 3 });
    const raw = runCase('sipas:raw', { forms, file }, { warmup: smoke || big ? 0 : 1, runs: smoke ? 1 : big ? 2 : 3 });
    const r = { forms, oursMs: o.medianMs ?? null, rawMs: raw.medianMs ?? null, oursPerFormNs: o.medianMs ? (1e6 * o.medianMs) / forms : null, oursRssMB: o.maxRssMB ?? null };
    formsRows.push(r);
    log(`  ${String(forms).padStart(8)}  ${fmtMs(r.oursMs).padStart(9)}  ${fmtMs(r.rawMs).padStart(9)}  ${fmtX(ratio(o, raw)).padStart(9)}  ${(r.oursPerFormNs ?? NaN).toFixed(0).padStart(8)}  ${fmtMB(r.oursRssMB).padStart(8)}`);
  }
  return { units: unitsRows, forms: formsRows };
}

const report = { machine: machine(), mode: smoke ? 'smoke' : 'full', date: new Date().toISOString(), workloads: {}, scaling: undefined };
log(`parindex benchmarks (${report.mode}) — ${report.machine.cpu}, ${report.machine.cores} cores, Node ${report.machine.node}`);
log('Absolute times vary between machines and runs; goals are judged on ratios from this run.');
for (const w of workloads()) {
  if (only ? !only.has(w.name) : w.optIn) continue;
  report.workloads[w.name] = await runWorkload(w);
}
if (!only || only.has('core')) report.workloads.core = await (await import('./size.mjs')).coreWorkload({ root: join(here, '..'), smoke, log });
if (args.scaling) report.scaling = await scaling();

const goals = Object.values(report.workloads).flatMap((w) => w.goals);
if (!smoke && goals.length) {
  log(`\ngoals met: ${goals.filter((g) => g.met).length} of ${goals.length}`);
  for (const g of goals.filter((g) => !g.met)) log(`  not met: ${g.goal}`);
}
if (jsonOut) {
  const text = JSON.stringify(report, null, 2) + '\n';
  if (jsonOut === '-') process.stdout.write(text);
  else writeFileSync(jsonOut, text);
}
