/**
 * Runs ONE side of one benchmark workload in this (child) process and prints one JSON line:
 * timings (median of N after warm-up), peak RSS of this process (process.resourceUsage().maxRSS,
 * which covers setup too: e.g. the scoring input matrix), and a `check` object the runner uses to
 * confirm every side computed the same thing. Usage (the runner does this):
 *
 *   node bench/case.mjs '{"case":"score:ours","params":{...},"runs":15,"warmup":3,"dist":"/abs/build/internal.js"}'
 *
 * Each side runs in its own process so that one side's memory or JIT state cannot favour another.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { measure, median } from './lib/timing.mjs';
import { jsonRankingRows, rankingDigest } from './lib/web-digest.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const job = JSON.parse(process.argv[2]);
const distIndex = job.dist ?? join(here, '..', 'build', 'internal.js');
const P = await import(pathToFileURL(distIndex).href);
const p = job.params ?? {};

/** A synthetic round and its checked inputs, built untimed (setup). `p.targets: 'coprime'`: ratio leaves with distinct prime targets. */
function scoringSetup() {
  const round = P.syntheticRound({ units: p.units, criteria: p.criteria, seed: p.seed ?? 1, targets: p.targets });
  const fw = round.framework();
  const units = round.units();
  return { round, fw, units };
}

const SIDES = {
  // --- exact scoring ---------------------------------------------------------------------------
  // Every side starts from prepared data built untimed (the checked InputMatrix, or for decimal.js
  // every cell already parsed into a Decimal), except 'score:decimal-text', an informational row.
  'score:ours': {
    async setup() {
      const s = scoringSetup();
      return { ...s, inputs: s.round.inputs(s.fw, s.units), scoreCheck: (await import('./lib/score-check.mjs')).scoreCheck };
    },
    run({ fw, units, inputs }) {
      const res = P.scoreMatrix(fw, units, inputs);
      let chars = 0;
      for (const u of res.units) if (u.index) chars += u.index.toFixed(2).length;
      return { res, chars };
    },
    check({ res }, { fw, units, inputs, scoreCheck }) {
      const byId = new Map(res.units.map((u) => [u.unit, u]));
      const t = (x, d) => (x === null ? null : x.toFixed(d));
      const rows = units.list.map((unit) => {
        const u = byId.get(unit.id);
        return [unit.id, unit.rankGroup, u.rank, t(u.index, 2), t(u.selfIndex, 2), u.missing, u.na, u.unappraised, t(u.index, 12), t(u.selfIndex, 12)];
      });
      const means = Object.fromEntries([...res.leagues].flatMap(([k, l]) => (l.mean === null ? [] : [[k, [l.mean.toFixed(2), l.mean.toFixed(12)]]])));
      // How the fast path held the round: one common denominator, or several classes (coprime ratio targets).
      const plan = P.compilePlan?.(fw, inputs);
      return { path: res.path, denominators: plan ? 1 + (plan.extra?.dens.length ?? 0) : null, units: res.units.length, ...scoreCheck(rows, means) };
    },
  },
  'score:float': {
    async setup() {
      const s = scoringSetup();
      const { floatScore } = await import('./lib/float-score.mjs');
      return { ...s, inputs: s.round.inputs(s.fw, s.units), floatScore, scoreCheck: (await import('./lib/score-check.mjs')).scoreCheck };
    },
    run({ fw, inputs, floatScore }) {
      return floatScore(fw, inputs);
    },
    check(out, { inputs, scoreCheck }) {
      const t = out.totals;
      const v = (x) => (Number.isNaN(x) ? null : x);
      const t2 = (x) => (Number.isNaN(x) ? null : x.toFixed(2));
      const rows = inputs.units.map((u, i) => [u.id, u.rankGroup, Number.isNaN(t.index[i]) ? null : out.rank[i], t2(t.index[i]), t2(t.selfIndex[i]), t.missing[i], t.na[i], t.unappraised[i], v(t.index[i]), v(t.selfIndex[i])]);
      const means = Object.fromEntries(Object.entries(out.means).map(([k, m]) => [k, [m.toFixed(2), m]]));
      return { units: out.rank.length, ...scoreCheck(rows, means) };
    },
  },
  'score:decimal': {
    async setup() {
      const s = scoringSetup();
      const { prepareDecimal, decimalPreparedScore } = await import('./lib/decimal-prepared.mjs');
      const evidence = (function* () {
        for (const c of s.round.evidenceRows()) yield { unit: c[0], criterion: c[1], self: c[2], appraised: c[3] };
      })();
      const survey = (function* () {
        for (const c of s.round.surveyRows()) yield { unit: c[0], criterion: c[1], score: c[2] };
      })();
      const prep = prepareDecimal(P.RefDecimal, P.readYesNo, s.fw, s.units, evidence, survey);
      return { prep, decimalPreparedScore, scoreCheck: (await import('./lib/score-check.mjs')).scoreCheck };
    },
    run({ prep, decimalPreparedScore }) {
      return decimalPreparedScore(prep);
    },
    check(out, { prep, scoreCheck }) {
      const D = prep.D;
      const t = (x, d) => (x === null ? null : x.toFixed(d, D.ROUND_HALF_UP));
      const rows = prep.units.map((u, i) => {
        const r = out.units[i];
        return [u.id, u.rankGroup, r.rank, t(r.index, 2), t(r.selfIndex, 2), r.missing, r.na, r.unappraised, t(r.index, 12), t(r.selfIndex, 12)];
      });
      const means = Object.fromEntries(Object.entries(out.means).map(([k, m]) => [k, [t(m, 2), t(m, 12)]]));
      return { units: out.units.length, ...scoreCheck(rows, means) };
    },
  },
  'score:decimal-text': {
    async setup() {
      const s = scoringSetup();
      const evidence = [...s.round.evidenceRows()].map((c) => ({ unit: c[0], criterion: c[1], self: c[2], appraised: c[3] }));
      const survey = [...s.round.surveyRows()].map((c) => ({ unit: c[0], criterion: c[1], score: c[2] }));
      const { decimalScore } = await import('./lib/decimal-score.mjs');
      return { ...s, evidence, survey, decimalScore, scoreCheck: (await import('./lib/score-check.mjs')).scoreCheck };
    },
    run({ fw, units, evidence, survey, decimalScore }) {
      return decimalScore(P, fw, units, evidence, survey);
    },
    // The reference returns index and selfIndex per unit, no missing / NA / unappraised counts.
    check(out, { units, scoreCheck }) {
      const t = (x, d) => (x === null ? null : x.toFixed(d, P.RefDecimal.ROUND_HALF_UP));
      const rows = units.list.map((u) => {
        const r = out.res.get(u.id);
        return [u.id, u.rankGroup, out.rank.get(u.id) ?? null, t(r.index, 2), t(r.selfIndex, 2), null, null, null, t(r.index, 12), t(r.selfIndex, 12)];
      });
      const means = Object.fromEntries([...out.means].map(([k, m]) => [k, [t(m, 2), t(m, 12)]]));
      return { units: units.list.length, ...scoreCheck(rows, means) };
    },
  },

  // --- SIPAS ingest ------------------------------------------------------------------------------
  'sipas:ours': {
    setup() {
      return { def: P.surveyBuiltin('sipas-2017') };
    },
    run({ def }) {
      return P.scoreSurvey(def, p.file);
    },
    check(res) {
      const c = res.all.counts;
      let answered = 0;
      let satisfied = 0;
      for (let q = 0; q < c.histogram.length / 6; q++) {
        answered += c.answered(q);
        satisfied += c.satisfied(q);
      }
      return { units: res.units.length, forms: res.all.forms, valid: res.all.valid, answered, satisfied, index: res.all.index?.toFixed(2) ?? null };
    },
  },
  'sipas:raw': {
    async setup() {
      return await import('./lib/sipas-baselines.mjs');
    },
    run(b) {
      return b.rawScan(p.file);
    },
    check(out) {
      return { forms: out.forms, bytes: out.bytes };
    },
  },
  'sipas:csv-parse': {
    async setup() {
      return await import('./lib/sipas-baselines.mjs');
    },
    run(b) {
      return b.csvParseCounts(p.file, P.SIPAS_2017_COLUMNS, P.SIPAS_2017_OPTIONAL);
    },
    check(out) {
      return out;
    },
  },
  'sipas:duckdb': {
    async setup() {
      const b = await import('./lib/sipas-baselines.mjs');
      const { connection } = await b.duckdbConnect();
      const threads = (await connection.runAndReadAll("SELECT current_setting('threads')")).getRows()[0][0];
      return { b, connection, threads: Number(threads), sql: b.duckdbSql(p.file, P.SIPAS_2017_COLUMNS, P.SIPAS_2017_OPTIONAL) };
    },
    run({ b, connection, sql }) {
      return b.duckdbCounts(connection, sql, P.SIPAS_2017_COLUMNS.length);
    },
    check(out, state) {
      return { ...out, threads: state.threads };
    },
  },

  // --- xlsx evidence read ------------------------------------------------------------------------
  'xlsx:ours': {
    setup() {
      return {};
    },
    run() {
      return P.loadTables(p.file, 'evidence');
    },
    check(tables) {
      return { rows: tables.reduce((n, t) => n + t.rows.length, 0), cells: tables[0].header.length };
    },
  },
  'xlsx:exceljs': {
    async setup() {
      const mod = await import('exceljs');
      return { ExcelJS: mod.default ?? mod };
    },
    async run({ ExcelJS }) {
      const reader = new ExcelJS.stream.xlsx.WorkbookReader(p.file, { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore', worksheets: 'emit', entries: 'emit' });
      let rows = 0;
      let cells = 0;
      for await (const ws of reader) {
        for await (const row of ws) {
          rows++;
          const v = row.values;
          for (let i = 1; i < v.length; i++) if (v[i] !== undefined && v[i] !== null) cells++;
        }
      }
      return { rows: rows - 1, cells };
    },
    check(out) {
      return out;
    },
  },

  // --- CLI cold start ----------------------------------------------------------------------------
  'cold:ours': {
    process: () => [
      join(dirname(distIndex), '..', 'dist', 'cli.js'),
      'score',
      '--framework',
      P.samplePath('framework.csv'),
      '--units',
      P.samplePath('units.csv'),
      '--evidence',
      P.samplePath('evidence.csv'),
      '--survey',
      P.samplePath('survey.csv'),
    ],
  },
  'cold:node': { process: () => ['-e', '0'] },
  // End to end: `parindex score` on a generated round's CSV files (read, check, score, write CSV).
  'cli:score': { process: () => [...scoreCommand(), '--format', 'csv'] },
  // End to end, whole processes on the files as users run them (`e2e-*` workloads). `p.out` is
  // where the CLI writes (a temp path, so stdout is not the measure).
  'e2e:score': {
    process: () => [...scoreCommand(), '--allow-missing', '--format', p.format ?? 'json', '--out', p.out],
    check: () => outputCheck(),
  },
  // The council page (bench/lib/web-page.mjs): the same files scored in headless Chromium, from the
  // click on Score until the ranking is shown; its own timing, memory and transfer figures.
  'web:score': {
    custom: async () =>
      (await import('./lib/web-page.mjs')).pageScore({
        cli: join(dirname(distIndex), '..', 'dist', 'cli.js'),
        web: join(dirname(distIndex), '..', 'dist', 'web'),
        dir: p.dir,
        warmup: job.warmup ?? 0,
        runs: job.runs ?? 1,
        timeoutMs: p.timeoutMs,
      }),
  },
  'e2e:score-scan': { process: () => [join(here, 'lib', 'raw-scan.mjs'), '0', join(p.dir, 'evidence.csv'), join(p.dir, 'survey.csv')], check: (stdout) => JSON.parse(String(stdout)) },
  'e2e:sipas': {
    process: () => [join(dirname(distIndex), '..', 'dist', 'cli.js'), 'sipas', '--questions', 'sipas-2017', '--responses', p.file, '--format', 'json', '--out', p.out],
    check: () => outputCheck(),
  },
  'e2e:sipas-scan': { process: () => [join(here, 'lib', 'raw-scan.mjs'), '1', p.file], check: (stdout) => JSON.parse(String(stdout)) },
};

/** `node dist/cli.js score` with the generated round's four CSV files (`p.dir`). */
function scoreCommand() {
  const file = (name) => join(p.dir, `${name}.csv`);
  return [join(dirname(distIndex), '..', 'dist', 'cli.js'), 'score', '--framework', file('framework'), '--units', file('units'), '--evidence', file('evidence'), '--survey', file('survey')];
}

/** What an end-to-end run wrote to `p.out`: its size, and for JSON the units and forms in it. */
function outputCheck() {
  const bytes = statSync(p.out).size;
  if ((p.format ?? 'json') !== 'json') return { outBytes: bytes };
  const doc = JSON.parse(readFileSync(p.out, 'utf8'));
  // SIPAS adds an `ALL` row for the whole survey: its forms are every unit's forms.
  const units = doc.units.filter((u) => u.unit !== 'ALL');
  // A score document's ranking as the council page prints it (bench/lib/web-digest.mjs), for `web-national`.
  const ranking = job.case === 'e2e:score' ? rankingDigest(jsonRankingRows(doc)) : {};
  return { outBytes: bytes, units: units.length, forms: units.reduce((n, u) => n + (u.forms ?? 0), 0), ...ranking };
}

/** Times a command in fresh processes; peak RSS from /usr/bin/time when available. */
function timeProcess(args) {
  const runOnce = () => {
    const t = performance.now();
    const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 30 });
    const ms = performance.now() - t;
    if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
    return { ms, out: r.stdout };
  };
  for (let i = 0; i < (job.warmup ?? 1); i++) runOnce();
  const samples = [];
  let out;
  for (let i = 0; i < (job.runs ?? 5); i++) {
    const r = runOnce();
    samples.push(r.ms);
    out = r.out;
  }
  let maxRssMB = null;
  if (existsSync('/usr/bin/time')) {
    const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    const kb = Number(String(r.stderr).trim().split('\n').pop());
    if (Number.isFinite(kb)) maxRssMB = kb / 1024;
  }
  return {
    medianMs: median(samples),
    minMs: Math.min(...samples),
    maxMs: Math.max(...samples),
    runs: samples.length,
    warmup: job.warmup ?? 1,
    samplesMs: samples,
    maxRssMB,
    check: side.check ? side.check(out) : { stdoutBytes: out.length },
  };
}

const side = SIDES[job.case];
if (!side) throw new Error(`unknown case ${job.case}`);
let result;
if (side.process) {
  result = timeProcess(side.process());
} else if (side.custom) {
  result = await side.custom();
} else {
  const state = await side.setup();
  const m = await measure(() => side.run(state), { warmup: job.warmup ?? 1, runs: job.runs ?? 5 });
  const check = side.check(m.last, state);
  delete m.last;
  result = { ...m, maxRssMB: process.resourceUsage().maxRSS / 1024, check };
}
// DuckDB keeps native threads alive: leave promptly once the figures are out — after the write has
// flushed (stdout to a pipe is asynchronous; the scoring sides' per-unit rows run to ~1 MB).
process.stdout.write(JSON.stringify(result) + '\n', () => process.exit(0));
