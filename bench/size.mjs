/**
 * The browser core's weight (docs/benchmarks.md): the bundle an app ships to "score an in-memory
 * round" — esbuild, --platform=browser, minified, resolving `parindex` through node_modules as an app
 * does (so the package's exports and browser fields apply) — its size minified and gzipped, each
 * dependency's share, and how long `import('parindex')` takes in a fresh Node process beside a bare
 * `node -e 0` (same run, medians). Goals: ≤ 60 KB gzip, import ≤ 40 ms over a bare start.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/** The program measured: a round from plain objects, scored, printed. Nothing else of the API. */
const PROGRAM = `import { createRound, score } from 'parindex';
const round = createRound({
  framework: [{ code: '1', title: 'A' }, { code: '1.1', title: 'a', max: 2 }, { code: '1.2', title: 'b', max: 3, rule: 'ratio', params: 'target=30' }],
  units: [{ unit: 'u', group: 'g' }, { unit: 'v', group: 'g' }],
  evidence: [{ unit: 'u', criterion: '1.1', self: 2, appraised: '1.5' }, { unit: 'v', criterion: '1.2', appraised: 10 }],
});
console.log(score(round).units.map((u) => u.unit + ' ' + u.index?.toFixed(2)).join(', '));
`;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function timeNode(args, runs) {
  const samples = [];
  for (let i = 0; i < runs + 1; i++) {
    const t = performance.now();
    const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const ms = performance.now() - t;
    if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
    if (i > 0) samples.push(ms); // the first run warms the file cache
  }
  return { medianMs: median(samples), minMs: Math.min(...samples), runs };
}

/** Measures the core; `root` is the repository (its dist/ must be built). */
export async function measureCore({ root, smoke }) {
  const dir = mkdtempSync(join(tmpdir(), 'parindex-size-'));
  try {
    mkdirSync(join(dir, 'node_modules'));
    symlinkSync(root, join(dir, 'node_modules', 'parindex'), 'dir');
    writeFileSync(join(dir, 'app.mjs'), PROGRAM);
    const result = await build({ entryPoints: [join(dir, 'app.mjs')], bundle: true, platform: 'browser', format: 'esm', minify: true, write: false, metafile: true, absWorkingDir: dir, logLevel: 'silent' });
    const code = result.outputFiles[0].contents;
    const out = Object.values(result.metafile.outputs)[0];
    const shares = new Map();
    for (const [path, { bytesInOutput }] of Object.entries(out.inputs)) {
      const m = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(path);
      const owner = m && m[1] !== 'parindex' ? m[1] : path.includes('dist/') ? 'parindex' : 'app';
      shares.set(owner, (shares.get(owner) ?? 0) + bytesInOutput);
    }
    const runs = smoke ? 2 : 15;
    const bare = timeNode(['-e', '0'], runs);
    const url = new URL(`file://${join(root, 'dist', 'index.js')}`).href;
    const imported = timeNode(['--input-type=module', '-e', `await import(${JSON.stringify(url)})`], runs);
    const gzip = gzipSync(code, { level: 9 }).length;
    // Run from a file: a bundle over 128 KB is longer than one command-line argument may be.
    const bundleFile = join(dir, 'bundle.mjs');
    writeFileSync(bundleFile, code);
    const check = spawnSync(process.execPath, [bundleFile], { encoding: 'utf8' });
    return {
      minifiedBytes: code.length,
      gzipBytes: gzip,
      shares: [...shares].sort((a, b) => b[1] - a[1]).map(([name, bytes]) => ({ name, bytes, share: bytes / code.length })),
      bare,
      imported,
      importOverBareMs: imported.medianMs - bare.medianMs,
      output: check.stdout.trim(),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The workload as bench/run.mjs reports it. */
export async function coreWorkload({ root, smoke, log }) {
  const m = await measureCore({ root, smoke });
  const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
  const title = 'Browser core: "score an in-memory round"';
  log(`\n${title} — esbuild --platform=browser --minify, parindex resolved through node_modules`);
  log(`  bundle ${kb(m.minifiedBytes)} minified, ${kb(m.gzipBytes)} gzip`);
  for (const s of m.shares) log(`    ${s.name.padEnd(38)} ${kb(s.bytes).padStart(9)}  ${(100 * s.share).toFixed(1)}%`);
  log(`  import('parindex') ${m.imported.medianMs.toFixed(1)} ms vs node -e 0 ${m.bare.medianMs.toFixed(1)} ms: +${m.importOverBareMs.toFixed(1)} ms`);
  const agree = m.output === 'u 30.00, v 20.00'; // u: 1.5 of 5; v: 10/30 of 3 = 1 of 5
  log(`  the bundle runs and scores right: ${agree ? 'yes' : `NO (${m.output})`}`);
  const goals = [
    { goal: 'browser core ≤ 60 KB gzip', value: m.gzipBytes / 1024, unit: 'KB', met: m.gzipBytes <= 60 * 1024, judged: !smoke },
    { goal: "import('parindex') ≤ 40 ms over a bare start", value: m.importOverBareMs, unit: 'ms', met: m.importOverBareMs <= 40, judged: !smoke },
  ];
  for (const g of goals) log(`  ${smoke ? '(smoke, not judged)' : g.met ? 'MET    ' : 'NOT MET'}  ${g.goal}: ${g.unit === 'ms' ? `${g.value.toFixed(1)} ms` : `${g.value.toFixed(1)} KB`}`);
  return { title, description: 'bundle size and import time of the core entry', sides: {}, ratios: { 'gzip KB': m.gzipBytes / 1024, 'import over bare ms': m.importOverBareMs }, goals, agree, agreeNotes: [], core: m };
}
