/**
 * Built-in names wherever a file is taken: `--framework`, `--units`, `--evidence`, `--survey` (and
 * `parindex/node`'s `loadRound`) accept `hanoi-2021`. A built-in name and a file are told apart by
 * how the argument is written, never guessed: a path (a slash, or an extension) is a file; a bare
 * name is a built-in, and an error when a file of that name is in the current folder too.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { score } from '../src/api/score.js';
import { ParIndexError } from '../src/errors.js';
import { loadRound } from '../src/node/index.js';
import { builtinNamed, looksLikePath } from '../src/node/sample-files.js';
import { runCli } from './support/cli.js';
import { SAMPLE, sampleText } from './support/round.js';
import { tempDir } from './support/xlsx.js';

const expected = JSON.parse(sampleText('expected-score.json'));
const dir = tempDir('parindex-builtin-');

/** The issues of what `fn` throws. */
function thrown(fn: () => unknown): ParIndexError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ParIndexError) return e;
    throw e;
  }
  throw new Error('nothing thrown');
}

describe('built-in names for every input', () => {
  it('score with hanoi-2021 for all four inputs prints the demo JSON (= expected-score.json)', async () => {
    const demo = await runCli(['demo', '--format', 'json']);
    const builtin = await runCli(['score', '--framework', 'hanoi-2021', '--units', 'hanoi-2021', '--evidence', 'hanoi-2021', '--survey', 'hanoi-2021', '--format', 'json']);
    expect(demo.code).toBe(0);
    expect(builtin.code).toBe(0);
    expect(builtin.stdout).toBe(demo.stdout);
    expect(JSON.parse(builtin.stdout)).toEqual(expected);
  });

  it('built-in names and files mix: built-in units with the sample files as paths', async () => {
    const mixed = await runCli(['score', '--framework', join(SAMPLE, 'framework.csv'), '--units', 'hanoi-2021', '--evidence', join(SAMPLE, 'evidence.csv'), '--survey', 'hanoi-2021', '--format', 'json']);
    expect(mixed.code).toBe(0);
    expect(JSON.parse(mixed.stdout)).toEqual(expected);
  });

  it('--decimal-comma is about the user files: the built-in sample, written with the point, reads the same', async () => {
    const r = await runCli(['score', '--framework', 'hanoi-2021', '--units', 'hanoi-2021', '--evidence', 'hanoi-2021', '--survey', 'hanoi-2021', '--decimal-comma', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(expected);
    // The same sample given as files is read as the user's: its "0.5" is a bad-number under --decimal-comma.
    const files = await runCli(['score', '--framework', 'hanoi-2021', '--units', 'hanoi-2021', '--evidence', join(SAMPLE, 'evidence.csv'), '--survey', 'hanoi-2021', '--decimal-comma', '--format', 'json']);
    expect(files.code).toBe(1);
    expect(files.stderr).toContain('[bad-number]');
  });

  it('check and template take them too', async () => {
    const check = await runCli(['check', '--framework', 'hanoi-2021', '--units', 'hanoi-2021', '--evidence', 'hanoi-2021', '--survey', 'hanoi-2021']);
    expect(check.code).toBe(0);
    const t = await runCli(['template', '--framework', 'hanoi-2021', '--units', 'hanoi-2021', '--out', join(dir, 't.xlsx')]);
    expect(t.code).toBe(0);
  });

  it('parindex/node loadRound takes them: the scored round is the sample', async () => {
    const round = await loadRound({ framework: 'hanoi-2021', units: 'hanoi-2021', evidence: ['hanoi-2021'], survey: 'hanoi-2021' });
    expect(JSON.parse(JSON.stringify(score(round)))).toEqual(expected);
  });
});

describe('a built-in name or a file: never guessed', () => {
  const none = () => false;
  it('a path (slash or extension) is a file; a bare name is a built-in', () => {
    expect(looksLikePath('units.csv')).toBe(true);
    expect(looksLikePath('./hanoi-2021')).toBe(true);
    expect(looksLikePath('data\\hanoi-2021')).toBe(true);
    expect(looksLikePath('hanoi-2021')).toBe(false);
    expect(builtinNamed('hanoi-2021', none)).toBe('hanoi-2021');
    expect(builtinNamed('./hanoi-2021', () => true)).toBeUndefined();
    expect(builtinNamed('hanoi-2021.csv', none)).toBeUndefined(); // a file, missing: the reader says so
    expect(builtinNamed('units', (p) => p === 'units')).toBeUndefined(); // an existing file without extension
  });

  it('a bare built-in name that is also a file in the current folder is ambiguous-input, naming both', () => {
    const e = thrown(() => builtinNamed('hanoi-2021', (p) => p === 'hanoi-2021'));
    expect(e.issues).toHaveLength(1);
    expect(e.issues[0]).toMatchObject({ code: 'ambiguous-input', file: 'hanoi-2021', value: 'hanoi-2021', params: { name: 'hanoi-2021' } });
    expect(e.issues[0].message).toBe('"hanoi-2021" is both a built-in name and a file in the current folder');
    expect(e.issues[0].expected).toContain('./hanoi-2021 for the file');
  });

  it('an unknown bare name is unknown-builtin, suggesting the nearest built-in', () => {
    const e = thrown(() => builtinNamed('hanoi-2012', none));
    expect(e.issues[0]).toMatchObject({ code: 'unknown-builtin', value: 'hanoi-2012', suggestion: 'hanoi-2021', params: { name: 'hanoi-2012', suggestion: 'hanoi-2021', names: 'hanoi-2021' } });
    expect(e.issues[0].message).toBe('no file and no built-in named "hanoi-2012" (did you mean "hanoi-2021"?)');
    // Far from every built-in: no suggestion, the built-ins listed in what was expected.
    const far = thrown(() => builtinNamed('don-vi', none));
    expect(far.issues[0]).toMatchObject({ code: 'unknown-builtin', params: { suggestion: '' } });
    expect(far.issues[0].suggestion).toBeUndefined();
    expect(far.issues[0].expected).toBe('a file (.csv, .json, .xlsx) or a built-in name: hanoi-2021');
  });

  it('through the CLI: exit 1, in Vietnamese by default, with the suggestion; --units and --evidence alike', async () => {
    const r = await runCli(['score', '--framework', 'hanoi-2021', '--units', 'hanoi-2012', '--evidence', 'hanoi-2021', '--format', 'json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('"hanoi-2012"');
    expect(r.stderr).toContain('"hanoi-2021"');
    expect(r.stderr).toContain('[unknown-builtin]');
    const ev = await runCli(['score', '--framework', 'hanoi-2021', '--units', 'hanoi-2021', '--evidence', 'hanoi2021', '--format', 'json']);
    expect(ev.code).toBe(1);
    expect(ev.stderr).toContain('[unknown-builtin]');
  });

  it('a file named hanoi-2021 in the current folder: the bare name is ambiguous, ./hanoi-2021 is the file', async () => {
    const cwd = process.cwd();
    const here = join(dir, 'cwd');
    mkdirSync(here, { recursive: true });
    writeFileSync(join(here, 'hanoi-2021'), 'unit,name,group,rankGroup\n');
    process.chdir(here);
    try {
      const r = await runCli(['score', '--framework', 'hanoi-2021', '--units', join(SAMPLE, 'units.csv'), '--format', 'json']);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('[ambiguous-input]');
      // Written as a path, it is the file (which has no extension: its type is the error).
      const f = await runCli(['score', '--framework', './hanoi-2021', '--units', join(SAMPLE, 'units.csv'), '--format', 'json']);
      expect(f.code).toBe(1);
      expect(f.stderr).toContain('[unknown-format]');
    } finally {
      process.chdir(cwd);
    }
  });
});

describe('survey definitions by name', () => {
  it('a misspelt built-in definition suggests the nearest (before: "unknown file type")', async () => {
    const { loadSurveyDefinition } = await import('../src/node/sipas-load.js');
    const e = await loadSurveyDefinition('sipas-2024').catch((x: unknown) => x as { issues: { code: string; suggestion?: string }[] });
    expect((e as { issues: { code: string; suggestion?: string }[] }).issues[0]).toMatchObject({ code: 'unknown-builtin', suggestion: 'sipas-2023' });
  });
});
