/**
 * A results CSV written for Vietnamese Excel (`--csv-style vi`: `;` between cells, decimal commas)
 * reads back: `compare --decimal-comma` and `score --previous FILE --decimal-comma` take it, with the
 * same figures as the plain CSV; without `--decimal-comma` its `89,83` is refused, never guessed.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './support/cli.js';
import { loadResult } from '../src/node/index.js';
import { ParIndexError } from '../src/errors.js';

const dir = mkdtempSync(join(tmpdir(), 'parindex-csv-style-'));
const plain = join(dir, 'plain.csv');
const vi = join(dir, 'vi.csv');

describe('--csv-style vi files read back', () => {
  it('compare --decimal-comma reads them with the same figures as the plain CSV', async () => {
    expect((await runCli(['demo', '--format', 'csv', '--out', plain])).code).toBe(0);
    expect((await runCli(['demo', '--format', 'csv', '--csv-style', 'vi', '--out', vi])).code).toBe(0);
    expect(readFileSync(vi, 'utf8')).toContain('"89,83"');
    const a = await loadResult(plain);
    const b = await loadResult(vi, { decimalComma: true });
    expect(b.units.map((u) => [u.unit, u.indexText, u.rank])).toEqual(a.units.map((u) => [u.unit, u.index?.toString() === '89.83' ? '89,83' : u.indexText?.replace('.', ','), u.rank]));
    expect(b.units.map((u) => u.index?.toString())).toEqual(a.units.map((u) => u.index?.toString()));
    expect(b.units.find((u) => u.unit === 'tai-chinh')?.index?.toFixed(2)).toBe('89.83');
    const r = await runCli(['compare', plain, vi, '--decimal-comma', '--format', 'json']);
    // The plain file's points are an error under --decimal-comma: each file is read as one style.
    expect(r.code).toBe(1);
    const same = await runCli(['compare', vi, vi, '--decimal-comma', '--format', 'json']);
    expect(same.code).toBe(0);
    const c = JSON.parse(same.stdout);
    const tc = c.units.find((u: { unit: string }) => u.unit === 'tai-chinh');
    expect([tc.oldIndex, tc.newIndex, tc.change]).toEqual(['89.83', '89.83', '0.00']);
  });

  it('without --decimal-comma, 89,83 is refused on its cell, not read as 8983 or 89', async () => {
    await expect(loadResult(vi)).rejects.toBeInstanceOf(ParIndexError);
    const e = (await loadResult(vi).catch((x: unknown) => x)) as ParIndexError;
    expect(e.issues[0]).toMatchObject({ code: 'bad-number', row: 2, value: '89,83' });
  });

  it('score --previous reads last year’s Vietnamese-style CSV with --decimal-comma', async () => {
    const out = join(dir, 'report.html');
    const builtIn = ['--framework', 'hanoi-2021', '--units', 'hanoi-2021', '--evidence', 'hanoi-2021', '--survey', 'hanoi-2021'];
    const r = await runCli(['score', ...builtIn, '--allow-missing', '--format', 'html', '--previous', vi, '--decimal-comma', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('89.83');
  });
});

describe('a SIPAS result is not a PAR result', () => {
  it('compare and --previous refuse a sipas --format json file (before: PAR index compared with the SIPAS index, exit 0)', async () => {
    const sipas = join(dir, 'sipas.json');
    const par = join(dir, 'par.json');
    expect((await runCli(['sipas', '--questions', 'sipas-2017', '--responses', join(__dirname, '..', 'data', 'hanoi-2021', 'sipas-responses.csv'), '--format', 'json', '--out', sipas])).code).toBe(0);
    expect((await runCli(['demo', '--format', 'json', '--out', par])).code).toBe(0);
    const c = await runCli(['compare', par, sipas]);
    expect(c.code).toBe(1);
    expect(c.stderr).toContain('this is a SIPAS result');
    const p = await runCli(['demo', '--format', 'html', '--previous', sipas, '--out', join(dir, 'x.html')]);
    expect(p.code).toBe(1);
    expect(p.stderr).toContain('[bad-json]');
  });
});

describe('--title goes with xlsx and html only', () => {
  it('sipas and compare refuse it with another format, as score does (before: ignored)', async () => {
    const par = join(dir, 'par2.json');
    expect((await runCli(['demo', '--format', 'json', '--out', par])).code).toBe(0);
    const c = await runCli(['compare', par, par, '--title', 'T']);
    expect(c.code).toBe(2);
    expect(c.stderr).toContain('--title applies to --format xlsx and html only');
    const s = await runCli(['sipas', '--questions', 'sipas-2017', '--responses', join(__dirname, '..', 'data', 'hanoi-2021', 'sipas-responses.csv'), '--title', 'T']);
    expect(s.code).toBe(2);
  });
});
