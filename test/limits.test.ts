/**
 * Resource limits (issue 13 item 1): every input is bounded — a file over `file-bytes` is refused
 * before it is read, an endless input (`/dev/zero` behind a .csv name) stops at the limit with a
 * located `limit-exceeded` instead of filling memory (before: 24 GB read, or exit 3 after 6.3 GB for
 * SIPAS forms), and `--limit key=value` sets each bound for one run.
 */
import { existsSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './support/cli.js';
import { readFileBytes } from '../src/node/file-bytes.js';
import { DEFAULT_FILE_BYTES, inputLimits, setInputLimits, withLimits } from '../src/node/limits.js';
import { issuesOfAsync, SAMPLE } from './support/round.js';

const dir = mkdtempSync(join(tmpdir(), 'parindex-limits-'));
const zeroCsv = join(dir, 'zero.csv');
if (existsSync('/dev/zero')) symlinkSync('/dev/zero', zeroCsv);
const sample = (f: string) => join(SAMPLE, f);
const round = ['--framework', sample('framework.csv'), '--units', sample('units.csv'), '--survey', sample('survey.csv')];

describe('input limits', () => {
  it('a file over file-bytes is refused before it is read, naming its size and the limit', async () => {
    const e = await issuesOfAsync(() => readFileBytes(sample('evidence.csv'), 1000));
    expect(e[0]).toMatchObject({ code: 'limit-exceeded', key: 'limit-exceeded/file-bytes', file: sample('evidence.csv'), params: { max: 1000 } });
    expect((await readFileBytes(sample('units.csv'), 100_000)).length).toBeGreaterThan(0);
  });

  it.runIf(existsSync('/dev/zero'))('an endless input stops at the limit (a CSV named for /dev/zero)', async () => {
    const e = await issuesOfAsync(() => readFileBytes(zeroCsv, 3 * 1024 * 1024));
    expect(e[0]).toMatchObject({ code: 'limit-exceeded', params: { size: 3 * 1024 * 1024 + 1, max: 3 * 1024 * 1024 } });
  });

  it.runIf(existsSync('/dev/zero'))('SIPAS forms from an endless input stop at one cell of 1 MiB, located (before: exit 3 after 6.3 GB)', async () => {
    const r = await runCli(['sipas', '--questions', 'sipas-2017', '--responses', zeroCsv]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/zero\.csv, row 1: a cell of this line holds more than 1048576 bytes.*\[limit-exceeded\]/);
  });

  it('--limit file-bytes=N applies to the run, and the next run is back to the defaults', async () => {
    const small = await runCli(['score', ...round, '--evidence', sample('evidence.csv'), '--limit', 'file-bytes=100000', '--format', 'json']);
    expect(small.code).toBe(1);
    expect(small.stderr).toMatch(/evidence\.csv: the file has \d+ bytes, more than the 100000 bytes one input file may have.*--limit file-bytes=N.*\[limit-exceeded\]/);
    const ok = await runCli(['score', ...round, '--evidence', sample('evidence.csv'), '--format', 'json']);
    expect(ok.code).toBe(0);
    expect(inputLimits().fileBytes).toBe(DEFAULT_FILE_BYTES);
  });

  it('--limit columns=N bounds a workbook read', async () => {
    const xlsx = join(dir, 'u.xlsx');
    expect((await runCli(['demo', '--format', 'xlsx', '--out', xlsx])).code).toBe(0);
    const r = await runCli(['compare', xlsx, xlsx, '--limit', 'columns=3']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('[limit-exceeded]');
  });

  it('an unknown key or a bad value is a usage error naming the nearest key (exit 2)', async () => {
    const a = await runCli(['demo', '--limit', 'file-byte=10']);
    expect(a.code).toBe(2);
    expect(a.stderr).toContain('--limit has no key "file-byte" (did you mean file-bytes?)');
    const b = await runCli(['demo', '--limit', 'cells=0']);
    expect(b.code).toBe(2);
    expect(b.stderr).toContain('--limit cells= takes a whole number ≥ 1, not "0"');
    const c = await runCli(['demo', '--limit', 'cells=0', '--lang', 'vi'], {});
    expect(c.stderr).toContain('--limit cells= cần một số nguyên ≥ 1');
  });

  it('withLimits maps every key', () => {
    const l = withLimits(
      new Map([
        ['file-bytes', 1],
        ['columns', 2],
        ['rows', 3],
        ['cells', 4],
        ['shared-strings', 5],
        ['xlsx-bytes', 6],
      ]),
    );
    expect(l).toEqual({ fileBytes: 1, xlsx: { maxColumns: 2, maxRows: 3, maxCells: 4, maxSharedStrings: 5, maxBytes: 6 } });
    setInputLimits(undefined);
  });
});

describe('limits from the library (parindex/node)', () => {
  it('loadRound(paths, { limits }) bounds that call only', async () => {
    const { loadRound, loadResult } = await import('../src/node/index.js');
    const paths = { framework: sample('framework.csv'), units: sample('units.csv'), evidence: sample('evidence.csv'), survey: sample('survey.csv') };
    const e = await issuesOfAsync(() => loadRound(paths, { limits: { fileBytes: 100_000 } }));
    expect(e[0]).toMatchObject({ code: 'limit-exceeded', file: sample('evidence.csv'), params: { max: 100_000 } });
    await expect(loadRound(paths)).resolves.toBeTruthy();
    expect(inputLimits().fileBytes).toBe(DEFAULT_FILE_BYTES);
    const bad = await issuesOfAsync(() => loadRound(paths, { limits: { filebytes: 1 } as never }));
    expect(bad[0]).toMatchObject({ code: 'unknown-option', suggestion: 'fileBytes' });
    const zero = await issuesOfAsync(() => loadRound(paths, { limits: { maxColumns: 0 } }));
    expect(zero[0].code).toBe('bad-argument');
    const r = await issuesOfAsync(() => loadResult(sample('expected-score.json'), { limits: { fileBytes: 10 } }));
    expect(r[0].code).toBe('limit-exceeded');
  });
});
