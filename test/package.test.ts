/**
 * The built package as users get it: ESM import and CJS require of dist, the CLI's exit codes and
 * messages, atomic output, and the version kept equal to package.json.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VERSION } from '../src/version.js';
import { SAMPLE } from './support/round.js';

const ROOT = join(__dirname, '..');
const CLI = join(ROOT, 'dist', 'cli.js');
// The built CLI speaks the language of its environment: these checks read its English.
const run = (args: string[]) => spawnSync('node', [CLI, ...args], { encoding: 'utf8', env: { ...process.env, PARINDEX_LANG: 'en' } });
const sampleArgs = ['--framework', join(SAMPLE, 'framework.csv'), '--units', join(SAMPLE, 'units.csv'), '--evidence', join(SAMPLE, 'evidence.csv'), '--survey', join(SAMPLE, 'survey.csv')];

describe('built package', () => {
  it('ESM import works and scores the built-in sample', () => {
    const code = `import { createRound, sample, score } from 'parindex';
const r = score(createRound(sample()));
console.log(r.units[0].unit, r.units[0].index.toFixed(2));`;
    const out = execFileSync('node', ['--input-type=module', '-e', code], { cwd: ROOT, encoding: 'utf8' });
    expect(out.trim()).toBe('tai-chinh 89.83');
  });
  it('CJS require works', () => {
    const code = `const p = require('parindex'); const r = p.score(p.createRound(p.sample()));
const q = r.units.filter(x => x.rankGroup === 'quan-huyen');
console.log(q[0].unit, q[0].index.toFixed(2), typeof p.Exact);`;
    const out = execFileSync('node', ['-e', code], { cwd: ROOT, encoding: 'utf8' });
    expect(out.trim()).toBe('cau-giay 95.24 function');
  });
  it('package.json version equals the exported VERSION and the CLI --version', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(VERSION).toBe(pkg.version);
    expect(run(['--version']).stdout.trim()).toBe(pkg.version);
  });
});

describe('CLI exit codes and messages', () => {
  it('exit 0 and CSV output', () => {
    const r = run(['score', ...sampleArgs, '--format', 'csv']);
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split(/\r?\n/);
    expect(lines).toHaveLength(53);
    expect(lines[1]).toMatch(/^so,1,tai-chinh,Sở Tài chính,so,89\.83,94\.46,/);
  });
  it('flags override settings: --decimals, --ties, --bands', () => {
    const r = run(['score', ...sampleArgs, '--format', 'json', '--decimals', '3', '--bands', 'A>=90; B>=80']);
    const j = JSON.parse(r.stdout);
    expect(j.units[0].index).toMatch(/^89\.83\d$/);
    expect(j.units[0].band).toBe('B');
    expect(j.units.find((u: { unit: string }) => u.unit === 'cau-giay').band).toBe('A');
  });
  it('exit 1 on bad input, naming file, row, column, value and expectation; no output file left', () => {
    const dir = mkdtempSync(join(tmpdir(), 'parindex-'));
    const bad = join(dir, 'evidence.csv');
    const text = readFileSync(join(SAMPLE, 'evidence.csv'), 'utf8').replace('noi-vu,1.4,1.25,1.25', 'noi-vu,1.4,1.25,abc');
    writeFileSync(bad, text);
    const out = join(dir, 'result.json');
    const args = sampleArgs.map((a) => (a.endsWith('evidence.csv') ? bad : a));
    const r = run(['score', ...args, '--format', 'json', '--out', out]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${bad}, row 6, column "appraised" (D)`);
    expect(r.stderr).toMatch(/found "abc"; expected a number from 0 to 1\.5/);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir)).toEqual(['evidence.csv']);
  });
  it('exit 2 on bad usage', () => {
    expect(run(['score', '--bogus']).status).toBe(2);
    expect(run(['score', ...sampleArgs, '--ties', 'random']).status).toBe(2);
    expect(run(['score', ...sampleArgs, '--decimals', 'two']).status).toBe(2);
    expect(run(['score', '--units', 'u.csv']).status).toBe(2);
    expect(run(['nonsense']).status).toBe(2);
  });
  it('--out writes the file atomically and prints nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'parindex-'));
    const out = join(dir, 'r.json');
    writeFileSync(out, 'old');
    const r = run(['demo', '--format', 'json', '--out', out]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(JSON.parse(readFileSync(join(SAMPLE, 'expected-score.json'), 'utf8')));
    expect(readdirSync(dir)).toEqual(['r.json']);
  });
  it('an --out that cannot be written is bad input (exit 1) reported before any input is read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'parindex-'));
    for (const [out, why] of [
      [join(dir, 'no-such-folder', 'r.csv'), 'its folder does not exist'],
      [dir, 'it is a folder'],
    ]) {
      // The framework does not exist either: the output path is checked first.
      const r = run(['score', '--framework', join(dir, 'missing.csv'), '--units', join(SAMPLE, 'units.csv'), '--out', out]);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(`${out}: the output file cannot be written: ${why}`);
      expect(r.stderr).not.toContain('internal error');
    }
    expect(run(['template', '--framework', 'hanoi-2021', '--units', join(SAMPLE, 'units.csv'), '--out', join(dir, 'x', 'e.xlsx')]).status).toBe(1);
    // A usage error still comes first (exit 2), and every command with --out checks it.
    expect(run(['score', '--units', join(SAMPLE, 'units.csv'), '--out', join(dir, 'x', 'r.csv')]).status).toBe(2);
    for (const args of [
      ['sipas', '--questions', 'sipas-2017', '--responses', join(SAMPLE, 'sipas-responses.csv')],
      ['explain', ...sampleArgs, '--unit', 'noi-vu'],
      ['sensitivity', ...sampleArgs, '--runs', '2'],
      ['compare', join(SAMPLE, 'expected-score.json'), join(SAMPLE, 'expected-score.json')],
      ['demo'],
    ]) {
      const r = run([...args, '--out', join(dir, 'x', 'out.txt')]);
      expect([r.status, r.stderr.includes('its folder does not exist')], args[0]).toEqual([1, true]);
    }
    expect(readdirSync(dir)).toEqual([]);
  });
  it('check lists the round and exits 0; a bad file exits 1', () => {
    const r = run(['check', ...sampleArgs]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/67 criteria \(56 leaves\), 52 units/);
    expect(run(['check', '--framework', join(SAMPLE, 'units.csv'), '--units', join(SAMPLE, 'units.csv')]).status).toBe(1);
  });
  it('the built-in framework can be named', () => {
    const r = run(['score', '--framework', 'hanoi-2021', ...sampleArgs.slice(2), '--format', 'json']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).units[0].index).toBe('89.83');
  });
});

describe('check --strict', () => {
  it('lists each missing input and exits 1', () => {
    const r = run(['check', ...sampleArgs, '--strict']);
    expect(r.status).toBe(1);
    // the sample has two missing rows (ban-ql-kcn and phuc-tho)
    expect(r.stderr).toMatch(/2 problems in the input/);
    expect(r.stderr).toMatch(/unit "ban-ql-kcn", criterion "[\d.]+"/);
    expect(r.stderr).toMatch(/unit "phuc-tho", criterion "[\d.]+"/);
  });
});
