/**
 * The audit CSV written by a worker thread (src/cli/parallel-audit.ts) into the staged file while the
 * workbook is written: the built binary writes, with the worker, exactly the bytes it writes without
 * one (every CSV style, both languages, a BOM); a worker that fails (its write too: cannot-write), or
 * that read other inputs than the main thread (a file changed between the two reads), stops the run
 * with nothing written; the digest of the inputs tells one reading from another.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inputsDigest } from '../src/cli/parallel-audit.js';
import { loadRound } from '../src/node/round.js';
import { type WrittenRound, writeSyntheticRound } from '../src/testing/write-round.js';

const ROOT = join(__dirname, '..');
const CLI = join(ROOT, 'dist', 'cli.js');
let dir: string;
let round: WrittenRound;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'parindex-parallel-audit-'));
  round = await writeSyntheticRound(join(dir, 'round'), { units: 300, criteria: 40, seed: 11 });
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function score(cli: string, out: string, worker: '0' | '1', extra: string[] = []) {
  const { files } = round;
  const args = [cli, 'score', '--framework', files.framework, '--units', files.units, '--evidence', files.evidence, '--survey', files.survey, '--allow-missing', '--format', 'xlsx', '--audit', 'csv', '--out', out, ...extra];
  return spawnSync('node', args, { encoding: 'utf8', env: { ...process.env, PARINDEX_AUDIT_WORKER: worker } });
}

describe('the audit CSV from a worker, the built binary', () => {
  it('is byte for byte the CSV written without a worker', () => {
    for (const extra of [[], ['--lang', 'en'], ['--csv-style', 'vi', '--bom']]) {
      const seq = score(CLI, join(dir, 'seq.xlsx'), '0', extra);
      expect(seq.status, seq.stderr).toBe(0);
      const par = score(CLI, join(dir, 'par.xlsx'), '1', extra);
      expect(par.status, par.stderr).toBe(0);
      const a = readFileSync(join(dir, 'seq.audit.csv'));
      const b = readFileSync(join(dir, 'par.audit.csv'));
      expect(a.length).toBeGreaterThan(300 * 40 * 20);
      expect(b.equals(a)).toBe(true);
      expect(existsSync(join(dir, 'par.xlsx'))).toBe(true);
    }
  }, 120_000);

  /** The binary with a worker of our own beside it (under node_modules, so its packages resolve). */
  function withWorker(code: string): string {
    const base = join(ROOT, 'node_modules', '.cache');
    mkdirSync(base, { recursive: true });
    const d = mkdtempSync(join(base, 'parindex-worker-'));
    copyFileSync(CLI, join(d, 'cli.js'));
    writeFileSync(join(d, 'audit-worker.js'), `import { parentPort } from 'node:worker_threads';\n${code}\n`);
    return d;
  }

  it('stops the run with nothing written when the worker fails', () => {
    const d = withWorker("parentPort.postMessage({ kind: 'failed', message: 'boom in the worker' });");
    try {
      const out = join(dir, 'failed', 'r.xlsx');
      mkdirSync(join(dir, 'failed'));
      const r = score(join(d, 'cli.js'), out, '1');
      expect(r.status).toBe(3);
      expect(r.stderr).toContain('boom in the worker');
      expect(readdirSync(join(dir, 'failed'))).toEqual([]);
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  }, 60_000);

  it('words a write the worker could not make as cannot-write, with nothing left behind', () => {
    const d = withWorker("parentPort.postMessage({ kind: 'failed', message: 'ENOSPC: no space left on device, write', writeCode: 'ENOSPC' });");
    try {
      const out = join(dir, 'full', 'r.xlsx');
      mkdirSync(join(dir, 'full'));
      const r = score(join(d, 'cli.js'), out, '1', ['--lang', 'en']);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('[cannot-write]');
      expect(r.stderr).toContain('r.audit.csv');
      expect(readdirSync(join(dir, 'full'))).toEqual([]);
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  }, 60_000);

  it('stops the run with unreadable-file/changed when the worker read other inputs', () => {
    const d = withWorker("parentPort.postMessage({ kind: 'digest', digest: 'another reading' });\nparentPort.postMessage({ kind: 'done' });");
    try {
      const out = join(dir, 'changed', 'r.xlsx');
      mkdirSync(join(dir, 'changed'));
      const r = score(join(d, 'cli.js'), out, '1', ['--lang', 'en']);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('the file changed after it was read');
      expect(r.stderr).toContain('[unreadable-file]');
      expect(readdirSync(join(dir, 'changed'))).toEqual([]);
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  }, 60_000);

  it('stops the run when the worker ends before its audit is whole', () => {
    const d = withWorker('process.exit(0);');
    try {
      mkdirSync(join(dir, 'ended'));
      const r = score(join(d, 'cli.js'), join(dir, 'ended', 'r.xlsx'), '1');
      expect(r.status).toBe(3);
      expect(readdirSync(join(dir, 'ended'))).toEqual([]);
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('inputsDigest', () => {
  it('is the same for two readings of the same files and differs when one value does', async () => {
    const { files } = round;
    const one = await loadRound({ framework: files.framework, units: files.units, evidence: [files.evidence], survey: files.survey });
    const two = await loadRound({ framework: files.framework, units: files.units, evidence: [files.evidence], survey: files.survey });
    expect(inputsDigest(two.inputs)).toBe(inputsDigest(one.inputs));
    const text = readFileSync(files.evidence, 'utf8').split('\n');
    // One appraised value one point lower (or higher) in the last evidence row.
    const cells = text[text.length - 2].split(',');
    const at = 3;
    cells[at] = cells[at] === '0' ? '1' : '0';
    const changed = join(dir, 'changed-evidence.csv');
    writeFileSync(changed, [...text.slice(0, -2), cells.join(','), ''].join('\n'));
    const three = await loadRound({ framework: files.framework, units: files.units, evidence: [changed], survey: files.survey });
    expect(inputsDigest(three.inputs)).not.toBe(inputsDigest(one.inputs));
  }, 60_000);
});
