/**
 * The audit CSV written by a worker thread (src/cli/parallel-audit.ts) into the staged file while the
 * workbook is written: the built binary writes, with the worker, exactly the bytes it writes without
 * one (every CSV style, both languages, a BOM); a worker that fails (its write too: cannot-write), or
 * that read other inputs than the main thread (a file changed between the two reads), stops the run
 * with nothing written; the matrix sent to the worker scores and audits as the one read (its units in
 * the main thread's order), and the digest of
 * the framework and units tells one reading from another.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditedRound, inputsMessage, matrixOf, roundShape } from '../src/cli/audit-inputs.js';
import type { InputMatrix } from '../src/criteria/inputs.js';
import { unitLabels } from '../src/criteria/unit-labels.js';
import type { Units } from '../src/criteria/units.js';
import { FileSources } from '../src/node/file-sources.js';
import { Exact } from '../src/numbers/exact.js';
import { scoreMatrix } from '../src/scoring/score.js';
import { type AuditedRound, writeAuditCsv } from '../src/xlsx/audit-csv.js';
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
  it('is byte for byte the CSV (and the workbook, with the hashes the worker made) written without a worker', () => {
    mkdirSync(join(dir, 'seq'), { recursive: true });
    mkdirSync(join(dir, 'par'), { recursive: true });
    for (const extra of [[], ['--lang', 'en'], ['--csv-style', 'vi', '--bom']]) {
      const seq = score(CLI, join(dir, 'seq', 'r.xlsx'), '0', extra);
      expect(seq.status, seq.stderr).toBe(0);
      const par = score(CLI, join(dir, 'par', 'r.xlsx'), '1', extra);
      expect(par.status, par.stderr).toBe(0);
      const a = readFileSync(join(dir, 'seq', 'r.audit.csv'));
      const b = readFileSync(join(dir, 'par', 'r.audit.csv'));
      expect(a.length).toBeGreaterThan(300 * 40 * 20);
      expect(b.equals(a)).toBe(true);
      expect(readFileSync(join(dir, 'par', 'r.xlsx')).equals(readFileSync(join(dir, 'seq', 'r.xlsx')))).toBe(true);
    }
  }, 120_000);

  /**
   * `parindex score` (the built binary) with a worker of our own beside it, `code` (under
   * node_modules, so its packages resolve), writing into a new folder `name`: the run, and what it
   * left in that folder.
   */
  function withWorker(code: string, name: string, extra: string[] = []): { r: ReturnType<typeof score>; left: string[] } {
    const base = join(ROOT, 'node_modules', '.cache');
    mkdirSync(base, { recursive: true });
    const d = mkdtempSync(join(base, 'parindex-worker-'));
    try {
      copyFileSync(CLI, join(d, 'cli.js'));
      writeFileSync(join(d, 'audit-worker.js'), `import { parentPort } from 'node:worker_threads';\n${code}\n`);
      mkdirSync(join(dir, name));
      const r = score(join(d, 'cli.js'), join(dir, name, 'r.xlsx'), '1', extra);
      return { r, left: readdirSync(join(dir, name)) };
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  }

  it('stops the run with nothing written when the worker fails', () => {
    const { r, left } = withWorker("parentPort.postMessage({ kind: 'failed', message: 'boom in the worker' });", 'failed');
    expect(r.status).toBe(3);
    expect(r.stderr).toContain('boom in the worker');
    expect(left).toEqual([]);
  }, 60_000);

  it('words a write the worker could not make as cannot-write, with nothing left behind', () => {
    const { r, left } = withWorker("parentPort.postMessage({ kind: 'failed', message: 'ENOSPC: no space left on device, write', writeCode: 'ENOSPC' });", 'full', ['--lang', 'en']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('[cannot-write]');
    expect(r.stderr).toContain('r.audit.csv');
    expect(left).toEqual([]);
  }, 60_000);

  it('stops the run with unreadable-file/changed when the worker read other inputs', () => {
    const { r, left } = withWorker("parentPort.postMessage({ kind: 'digest', digest: 'another reading' });\nparentPort.postMessage({ kind: 'done' });", 'changed', ['--lang', 'en']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('the file changed after it was read');
    expect(r.stderr).toContain('[unreadable-file]');
    expect(left).toEqual([]);
  }, 60_000);

  it('stops the run when the worker ends before its audit is whole', () => {
    const { r, left } = withWorker('process.exit(0);', 'ended');
    expect(r.status).toBe(3);
    expect(left).toEqual([]);
  }, 60_000);
});

describe('the round sent to the worker (audit-inputs.ts)', () => {
  async function auditBytes(result: AuditedRound, inputs: InputMatrix, units: Units): Promise<Buffer> {
    const chunks: Uint8Array[] = [];
    await writeAuditCsv(result, inputs, { lang: 'vi', labels: unitLabels(units) }, { write: (b) => chunks.push(b.slice()), ready: async () => undefined });
    return Buffer.concat(chunks);
  }

  it('gives the worker a matrix (in shared memory) that scores and audits exactly as the one read, from offsets or texts', async () => {
    const { files } = round;
    const r = await loadRound({ framework: files.framework, units: files.units, evidence: [files.evidence], survey: files.survey }, { sources: true, shared: true });
    expect(r.inputs.present.buffer).toBeInstanceOf(SharedArrayBuffer);
    const result = scoreMatrix(r.framework, r.units, r.inputs, {});
    const want = await auditBytes(result, r.inputs, r.units);
    expect(want.length).toBeGreaterThan(300 * 40 * 20);
    // Read back from the file at the offsets the reader kept, as the CLI does…
    expect(r.inputs.sourceLookup).toBeInstanceOf(FileSources);
    const sent = structuredClone(inputsMessage(r.inputs, result));
    const theirs = matrixOf(r.framework, r.units, sent);
    // Shared, not copied: the same memory.
    expect(theirs.value.buffer).toBe(sent.value.buffer);
    expect(sent.value.buffer).toBeInstanceOf(SharedArrayBuffer);
    // The units in the result's order (ranked, not the file's), without scoring them again.
    const order = auditedRound(r.framework, r.units, sent);
    expect(order.units.map((u) => u.unit)).toEqual(result.units.map((u) => u.unit));
    expect(order.units.map((u) => u.unit)).not.toEqual(r.units.list.map((u) => u.id));
    expect((await auditBytes(order, theirs, r.units)).equals(want)).toBe(true);
    // The matrix scores as the one read.
    const theirResult = scoreMatrix(r.framework, r.units, theirs, {});
    expect(theirResult.units.map((u) => `${u.unit}:${u.index?.toString()}:${u.rank}`)).toEqual(result.units.map((u) => `${u.unit}:${u.index?.toString()}:${u.rank}`));
    // …and kept as texts (xlsx evidence, the row path).
    for (let cell = 0; cell < r.inputs.present.length; cell++) {
      const s = r.inputs.sourceLookup.get(cell);
      if (s) r.inputs.sources.set(cell, s);
    }
    r.inputs.sourceLookup = r.inputs.sources;
    const textsSent = structuredClone(inputsMessage(r.inputs, result));
    const texts = matrixOf(r.framework, r.units, textsSent);
    expect(texts.sourceLookup).toBe(texts.sources);
    expect((await auditBytes(auditedRound(r.framework, r.units, textsSent), texts, r.units)).equals(want)).toBe(true);
  }, 60_000);

  it('carries values past safe integers exactly', async () => {
    const { files } = round;
    const r = await loadRound({ framework: files.framework, units: files.units, evidence: [files.evidence] }, { sources: false });
    const big = Exact.of(123456789012345678901234567n, 1000n);
    r.inputs.overflow.set(5, big);
    const inFileOrder = { framework: r.framework, units: r.units.list.map((u) => ({ unit: u.id, name: u.name, group: u.group, rankGroup: u.rankGroup })) };
    const theirs = matrixOf(r.framework, r.units, structuredClone(inputsMessage(r.inputs, inFileOrder)));
    expect(theirs.overflow.get(5)?.toString()).toBe(big.toString());
    expect(theirs.value).toEqual(r.inputs.value);
    expect(theirs.maxScale).toBe(r.inputs.maxScale);
  }, 60_000);

  it('tells the framework and units read twice apart when a file changed in between', async () => {
    const { files } = round;
    const one = await loadRound({ framework: files.framework, units: files.units });
    const two = await loadRound({ framework: files.framework, units: files.units });
    expect(roundShape(two.framework, two.units)).toBe(roundShape(one.framework, one.units));
    // A criterion's title (the audit prints it; its max cannot change alone: parents sum their children).
    const fw = readFileSync(files.framework, 'utf8').split('\n');
    const titleCol = fw[0].split(',').indexOf('title');
    const leafLine = fw.findIndex((l, i) => i > 0 && !l.includes('"') && l.split(',').length > titleCol);
    expect(leafLine).toBeGreaterThan(0);
    const cells = fw[leafLine].split(',');
    cells[titleCol] = `${cells[titleCol]} (sửa)`;
    const changed = join(dir, 'changed-framework.csv');
    writeFileSync(changed, [...fw.slice(0, leafLine), cells.join(','), ...fw.slice(leafLine + 1)].join('\n'));
    const three = await loadRound({ framework: changed, units: files.units });
    expect(roundShape(three.framework, three.units)).not.toBe(roundShape(one.framework, one.units));
    // A unit's name.
    const un = readFileSync(files.units, 'utf8').split('\n');
    const uh = un[0].split(',');
    const nameCol = uh.indexOf('name');
    expect(un[1]).not.toContain('"');
    const u = un[1].split(',');
    u[nameCol] = `${u[nameCol]} mới`;
    const renamed = join(dir, 'renamed-units.csv');
    writeFileSync(renamed, [un[0], u.join(','), ...un.slice(2)].join('\n'));
    const four = await loadRound({ framework: files.framework, units: renamed });
    expect(roundShape(four.framework, four.units)).not.toBe(roundShape(one.framework, one.units));
  }, 60_000);
});
