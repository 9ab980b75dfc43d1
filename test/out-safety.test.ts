/**
 * No input is ever overwritten: an --out that is an input of the run — by the same path, another
 * spelling of it, a symlink or a hard link — is refused before anything is read (0.1 replaced
 * `--evidence ev.csv --out ev.csv` with the results, exit 0).
 */
import { copyFileSync, linkSync, mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { runCli } from './support/cli.js';
import { SAMPLE } from './support/round.js';

let dir: string;
const files = ['framework.csv', 'units.csv', 'evidence.csv', 'survey.csv', 'sipas-questions.csv', 'sipas-responses.csv'];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'parindex-out-'));
  for (const f of files) copyFileSync(join(SAMPLE, f), join(dir, f));
});

const at = (f: string) => join(dir, f);
const scoreArgs = () => ['score', '--framework', at('framework.csv'), '--units', at('units.csv'), '--evidence', at('evidence.csv'), '--survey', at('survey.csv')];

/** Runs the CLI and checks that every input file is byte-for-byte what it was. */
async function refused(args: string[]) {
  const before = new Map(files.map((f) => [f, readFileSync(at(f))]));
  const r = await runCli(args);
  for (const [f, bytes] of before) expect(readFileSync(at(f)).equals(bytes), `${f} unchanged`).toBe(true);
  expect(r.code).toBe(1);
  expect(r.stderr).toMatch(/\[out-is-input\]/);
  return r;
}

describe('--out never names an input', () => {
  it('score --evidence ev.csv --out ev.csv is refused, and the evidence is untouched', async () => {
    const r = await refused([...scoreArgs(), '--format', 'csv', '--out', at('evidence.csv')]);
    expect(r.stderr).toContain('evidence.csv');
  });
  it('another spelling of the same path, a symlink and a hard link to an input are refused too', async () => {
    await refused([...scoreArgs(), '--out', join(dir, '.', 'sub', '..', 'survey.csv')]);
    symlinkSync(at('units.csv'), at('link.csv'));
    await refused([...scoreArgs(), '--format', 'csv', '--out', at('link.csv')]);
    linkSync(at('framework.csv'), at('hard.csv'));
    await refused([...scoreArgs(), '--format', 'csv', '--out', at('hard.csv')]);
  });
  it('sipas, template, explain and compare check their inputs as well', async () => {
    await refused(['sipas', '--questions', at('sipas-questions.csv'), '--responses', at('sipas-responses.csv'), '--out', at('sipas-responses.csv')]);
    await refused(['explain', ...scoreArgs().slice(1), '--unit', 'noi-vu', '--out', at('units.csv')]);
    await refused(['score', ...scoreArgs().slice(1), '--sipas-questions', at('sipas-questions.csv'), '--sipas-responses', at('sipas-responses.csv'), '--sipas-criterion', '8.1', '--out', at('sipas-questions.csv')]);
    expect((await runCli([...scoreArgs(), '--format', 'json', '--out', at('r.json')])).code).toBe(0);
    await refused(['compare', at('r.json'), at('r.json'), '--out', at('r.json')]);
  });
  it('a new file beside the inputs is written', async () => {
    expect((await runCli([...scoreArgs(), '--format', 'csv', '--out', at('ket-qua.csv')])).code).toBe(0);
    expect(readFileSync(at('ket-qua.csv'), 'utf8')).toMatch(/^rankGroup,rank,unit/);
  });
});
