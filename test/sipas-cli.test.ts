/**
 * `parindex sipas`, `check --questions/--responses` and `score --sipas-*` through the CLI entry
 * (`main`, in process): outputs, exit codes (0 ok, 1 bad input, 2 bad usage), located messages,
 * nothing written on failure. The built binary is run once when dist/ exists.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../src/cli/program.js';
import { surveyBuiltinCsv } from '../src/sipas/builtins.js';
import { ENGLISH_ENV } from './support/cli.js';
import { SAMPLE, sampleText } from './support/round.js';

const Q = join(SAMPLE, 'sipas-questions.csv');
const R = join(SAMPLE, 'sipas-responses.csv');
const U = join(SAMPLE, 'units.csv');
const CLI = join(__dirname, '..', 'dist', 'cli.js');

let dir: string;
let stderr: string;
let stdout: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'parindex-sipas-'));
  stderr = '';
  stdout = '';
  vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => ((stderr += String(s)), true));
  vi.spyOn(process.stdout, 'write').mockImplementation(((s: string | Uint8Array, cb?: (e?: Error) => void) => {
    stdout += typeof s === 'string' ? s : Buffer.from(s).toString('utf8');
    if (typeof cb === 'function') cb();
    return true;
  }) as typeof process.stdout.write);
});
afterEach(() => vi.restoreAllMocks());

const run = (...args: string[]) => main(['node', 'parindex', ...args], ENGLISH_ENV);

describe('parindex sipas', () => {
  it('writes expected-sipas.json for the sample (exit 0), and the same with the built-in name', async () => {
    const out = join(dir, 'sipas.json');
    expect(await run('sipas', '--questions', Q, '--responses', R, '--format', 'json', '--out', out)).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(sampleText('expected-sipas.json'));
    expect(await run('sipas', '--questions', 'sipas-2017', '--responses', R, '--format', 'json')).toBe(0);
    expect(stdout).toBe(sampleText('expected-sipas.json'));
  });

  it('table and csv formats; --units gives leagues, names and units without forms', async () => {
    expect(await run('sipas', '--questions', Q, '--responses', R)).toBe(0);
    expect(stdout).toMatch(/^Rank {2}Unit/);
    expect(stdout).toMatch(/1 {2}ldtbxh +91\.82/);
    expect(stdout).toMatch(/ALL +85\.29/);
    stdout = '';
    expect(await run('sipas', '--questions', Q, '--responses', R, '--units', U, '--format', 'csv', '--decimals', '3')).toBe(0);
    const lines = stdout.trim().split('\r\n');
    expect(lines[0].startsWith('rankGroup,rank,unit,name,group,index,forms,valid,invalid,skipped,1,1.1,')).toBe(true);
    expect(lines[1]).toMatch(/^so,1,ldtbxh,Sở Lao động - Thương binh và Xã hội,so,91\.816,280,271,9,0,/);
    expect(lines.filter((l) => l.startsWith('quan-huyen,1,')).length).toBe(1);
    expect(lines.at(-1)).toMatch(/^,,ALL,,,85\.294,2890,/);
    expect(lines.length).toBe(1 + 52 + 1);
  });

  it('--print-definition writes a built-in as CSV (exit 0); an unknown name is a usage error (exit 2)', async () => {
    const out = join(dir, 'q.csv');
    expect(await run('sipas', '--print-definition', 'sipas-2023', '--out', out)).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(surveyBuiltinCsv('sipas-2023'));
    expect(await run('sipas', '--print-definition', 'sipas-2017')).toBe(0);
    expect(stdout).toBe(sampleText('sipas-questions.csv'));
    expect(await run('sipas', '--print-definition', 'sipas-1999')).toBe(2);
    expect(stderr).toMatch(/--print-definition takes one of sipas-2017, sipas-2023, not "sipas-1999"/);
  });

  it('bad usage exits 2: missing --responses, unknown format, bad --decimals', async () => {
    expect(await run('sipas', '--questions', Q)).toBe(2);
    expect(stderr).toMatch(/missing --responses/);
    expect(await run('sipas', '--questions', Q, '--responses', R, '--format', 'pdf')).toBe(2);
    expect(await run('sipas', '--questions', Q, '--responses', R, '--decimals', 'x')).toBe(2);
  });

  it('a bad value exits 1 naming file, row and column, leaving no output; --skip-bad-rows counts it', async () => {
    const bad = join(dir, 'responses.csv');
    const lines = sampleText('sipas-responses.csv').split('\n');
    lines[5] = lines[5].replace(/^([^,]*,[^,]*,)[^,]*,/, '$19,'); // row 6, column q1_1 (C)
    writeFileSync(bad, lines.join('\n'));
    const out = join(dir, 'out.json');
    expect(await run('sipas', '--questions', Q, '--responses', bad, '--format', 'json', '--out', out)).toBe(1);
    expect(stderr).toContain(`${bad}, row 6, column "q1_1" (C): bad answer to question "1.1"; found "9"`);
    expect(existsSync(out)).toBe(false);
    expect(await run('sipas', '--questions', Q, '--responses', bad, '--format', 'json', '--out', out, '--skip-bad-rows')).toBe(0);
    const all = JSON.parse(readFileSync(out, 'utf8')).units.at(-1);
    expect([all.forms, all.skipped]).toEqual([2890, 1]);
  });

  it('a missing file and an unknown unit exit 1', async () => {
    expect(await run('sipas', '--questions', Q, '--responses', join(dir, 'nope.csv'))).toBe(1);
    expect(stderr).toMatch(/nope\.csv: the file does not exist/);
    const units = join(dir, 'units.csv');
    writeFileSync(units, 'unit,name,group\nldtbxh,LĐTBXH,so\n');
    expect(await run('sipas', '--questions', Q, '--responses', R, '--units', units)).toBe(1);
    // Each unknown unit is reported once, on its first row.
    expect(stderr).toMatch(/9 problems in the input/);
    expect(stderr).toMatch(/row 10, column "unit" \(B\): unit "tu-phap" is not in the units file/);
  });
});

describe('parindex check with SIPAS inputs', () => {
  it('counts forms and units (exit 0) or lists the problems (exit 1)', async () => {
    expect(await run('check', '--questions', Q, '--responses', R, '--units', U)).toBe(0);
    expect(stdout).toBe('ok: survey definition with 27 nodes, 22 questions (18 required); 2890 forms over 10 units: 2784 valid, 106 invalid (0 skipped); 42 units without forms\n');
    const q = join(dir, 'q.csv');
    writeFileSync(q, 'code,title,column,weight,optional,aggregate\n1,,,0,,\n1.1,,x,,,\n');
    expect(await run('check', '--questions', q)).toBe(1);
    expect(stderr).toMatch(/q\.csv, row 2, column "weight" \(D\): weight of "1" is not above 0/);
  });
});

describe('parindex score with --sipas-*', () => {
  const base = ['score', '--framework', join(SAMPLE, 'framework.csv'), '--units', U, '--evidence', join(SAMPLE, 'evidence.csv')];

  it("feeds each unit's SIPAS into 8.1 (exit 0)", async () => {
    const survey = join(dir, 'survey.csv');
    writeFileSync(
      survey,
      sampleText('survey.csv')
        .split('\n')
        .filter((l) => !l.includes(',8.1,'))
        .join('\n'),
    );
    const out = join(dir, 'score.json');
    expect(await run(...base, '--survey', survey, '--sipas-questions', 'sipas-2017', '--sipas-responses', R, '--sipas-criterion', '8.1', '--format', 'json', '--out', out)).toBe(0);
    const units = JSON.parse(readFileSync(out, 'utf8')).units;
    const l = units.find((u: { unit: string }) => u.unit === 'ldtbxh');
    const plain = join(dir, 'plain.json');
    // Without SIPAS, 8.1 has no input for any unit: an error (absent-criterion) unless zeros are meant.
    expect(await run(...base, '--survey', survey, '--format', 'json', '--out', plain)).toBe(1);
    expect(stderr).toMatch(/criterion "8\.1" .*has no survey result for any of the 52 units it applies to.*\[absent-criterion\]/);
    expect(await run(...base, '--survey', survey, '--allow-missing', '--format', 'json', '--out', plain)).toBe(0);
    const l0 = JSON.parse(readFileSync(plain, 'utf8')).units.find((u: { unit: string }) => u.unit === 'ldtbxh');
    // 8.1 adds 8 × 91.8227… % = 7.35 points to ldtbxh's survey points and clears its missing input.
    expect(Number(l.surveyPoints) - Number(l0.surveyPoints)).toBeCloseTo(7.35, 1);
    expect(l0.missing).toBe(1);
    expect(l.missing).toBe(0);
    expect(units.find((u: { unit: string }) => u.unit === 'noi-vu').missing).toBe(1); // no forms for noi-vu
  });

  it('a (unit, criterion) from both --survey and SIPAS exits 1; an incomplete set of --sipas-* options exits 2', async () => {
    expect(await run(...base, '--survey', join(SAMPLE, 'survey.csv'), '--sipas-questions', 'sipas-2017', '--sipas-responses', R, '--sipas-criterion', '8.1')).toBe(1);
    expect(stderr).toMatch(/52 problems/);
    expect(stderr).toMatch(/\[duplicate-survey\]/);
    expect(await run(...base, '--sipas-questions', 'sipas-2017', '--sipas-responses', R)).toBe(2);
    expect(stderr).toMatch(/--sipas-questions, --sipas-responses and --sipas-criterion go together/);
  });

  it('usage errors come before any input is read: a missing framework file does not hide them', async () => {
    const nope = ['score', '--framework', join(dir, 'nope.csv'), '--units', U];
    expect(await run(...nope, '--sipas-criterion', '8.1')).toBe(2);
    expect(await run(...nope, '--sipas-null', 'na')).toBe(2);
    expect(await run(...nope, '--bands', 'garbage')).toBe(2);
    expect(stderr).toMatch(/--bands cannot take "garbage"\n {2}band "garbage" is not understood; found "garbage"; expected bands such as "A>=90; B>=80; C>=70" \[bad-bands\]/);
    expect(stderr).not.toMatch(/nope\.csv/);
    expect(await run(...nope)).toBe(1);
    expect(stderr).toMatch(/nope\.csv: the file does not exist/);
  });
});

describe('parindex check with score and SIPAS inputs together', () => {
  const round = ['--framework', join(SAMPLE, 'framework.csv'), '--units', U, '--evidence', join(SAMPLE, 'evidence.csv'), '--survey', join(SAMPLE, 'survey.csv')];
  it('checks both sets (exit 0), and a bad framework is found even with SIPAS inputs given (exit 1)', async () => {
    expect(await run('check', ...round, '--questions', Q, '--responses', R)).toBe(0);
    expect(stdout).toMatch(/^ok: survey definition with 27 nodes, 22 questions \(18 required\); 2890 forms over 10 units/);
    expect(stdout).toMatch(/\nok: 67 criteria \(56 leaves\), 52 units, /);
    expect(await run('check', '--framework', U, '--units', U, '--questions', Q, '--responses', R)).toBe(1);
  });
  it('lists the problems of both sets together, and prints no ok line when either has one', async () => {
    const bad = join(dir, 'evidence.csv');
    writeFileSync(bad, sampleText('evidence.csv').replace('noi-vu,1.4,1.25,1.25', 'noi-vu,1.4,1.25,abc'));
    const lines = sampleText('sipas-responses.csv').split('\n');
    lines[3] = lines[3].replace(/,[0-5],/, ',7,');
    const responses = join(dir, 'responses.csv');
    writeFileSync(responses, lines.join('\n'));
    const roundArgs = ['--framework', join(SAMPLE, 'framework.csv'), '--units', U, '--evidence', bad];
    expect(await run('check', ...roundArgs, '--questions', Q, '--responses', responses)).toBe(1);
    expect(stderr).toMatch(/2 problems in the input/);
    expect(stderr).toMatch(/responses\.csv, row 4, column "q\d_\d" \([A-Z]+\): bad answer/);
    expect(stderr).toMatch(/evidence\.csv, row 6, column "appraised" \(D\)/);
    stderr = '';
    expect(await run('check', ...roundArgs, '--questions', Q, '--responses', R)).toBe(1);
    expect(stderr).toMatch(/evidence\.csv, row 6/);
    expect(stdout).toBe('');
  });
  it('responses are typed by extension like every other input: .xls is an error, not read as CSV', async () => {
    const xls = join(dir, 'responses.xls');
    writeFileSync(xls, sampleText('sipas-responses.csv'));
    expect(await run('sipas', '--questions', 'sipas-2017', '--responses', xls)).toBe(1);
    expect(stderr).toContain(`${xls}: `);
    expect(stderr).toMatch(/; found "\.xls"; expected .*\[unknown-format\]/);
  });
  it('--print-definition writes CSV only: another --format is a usage error', async () => {
    expect(await run('sipas', '--print-definition', 'sipas-2017', '--format', 'json')).toBe(2);
    expect(stderr).toMatch(/--print-definition writes CSV; --format json does not apply/);
  });
});

describe.runIf(existsSync(CLI))('the built binary', () => {
  it('exit codes 0 / 1 / 2 and silence on stderr when it is not a terminal', () => {
    const ok = spawnSync('node', [CLI, 'sipas', '--questions', 'sipas-2017', '--responses', R, '--format', 'json'], { encoding: 'utf8' });
    expect([ok.status, ok.stderr]).toEqual([0, '']);
    expect(ok.stdout).toBe(sampleText('expected-sipas.json'));
    expect(spawnSync('node', [CLI, 'sipas', '--questions', Q, '--responses', join(dir, 'none.csv')], { encoding: 'utf8' }).status).toBe(1);
    expect(spawnSync('node', [CLI, 'sipas', '--questions', Q], { encoding: 'utf8' }).status).toBe(2);
  });
});
