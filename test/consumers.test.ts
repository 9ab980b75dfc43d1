/**
 * The packed package as users get it ("types that compile where users are"): `npm pack` (no build:
 * dist must exist), the tarball extracted into a project's node_modules, and three consumer projects
 * from test/fixtures/consumers — ESM and CommonJS under `nodenext`, and a bundler build — type-checked
 * with `strict` and `skipLibCheck: false` by TypeScript 5.9 and by 5.0 (the oldest supported), then
 * the ESM and CommonJS builds run with node on the sample. Offline: the projects' other dependencies
 * are symlinks to this repository's node_modules.
 */
import { execFile, execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..');
const FIXTURES = join(ROOT, 'test', 'fixtures', 'consumers');
const TSC = { '5.9': join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '5.0': join(ROOT, 'node_modules', 'typescript-5.0', 'bin', 'tsc') } as const;
type Project = 'esm' | 'cjs' | 'bundler';
type Version = keyof typeof TSC;

interface Run {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs node with `args` in `cwd`, never throwing: the exit status and both outputs. */
function node(args: string[], cwd: string): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, args, { cwd, encoding: 'utf8', maxBuffer: 16 << 20 }, (error, stdout, stderr) => {
      const status = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ status, stdout, stderr: stderr || (error && !stdout ? String(error) : '') });
    });
  });
}

/** Asserts a clean exit, showing everything the process printed when it was not. */
function expectOk(r: Run, what: string): void {
  expect(r.status, `${what} exited ${r.status}:\n${r.stdout}${r.stderr}`).toBe(0);
}

let tmp = '';
let proj = '';
let files: string[] = [];
const compiles = new Map<string, Promise<Run>>();

/** `tsc -p` of one consumer project (once; the tests share the run). Only 5.9 emits: its output is run. */
function tsc(project: Project, version: Version): Promise<Run> {
  const key = `${project}@${version}`;
  let run = compiles.get(key);
  if (!run) {
    run = node([TSC[version], '-p', '.', ...(version === '5.9' ? [] : ['--noEmit'])], join(proj, project));
    compiles.set(key, run);
  }
  return run;
}

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'parindex-consumers-'));
  const packed = JSON.parse(execFileSync('npm', ['pack', '--pack-destination', tmp, '--json', '--offline'], { cwd: ROOT, encoding: 'utf8' })) as { filename: string; files: { path: string }[] }[];
  files = packed[0].files.map((f) => f.path);
  proj = join(tmp, 'proj');
  const pkg = join(proj, 'node_modules', 'parindex');
  mkdirSync(pkg, { recursive: true });
  execFileSync('tar', ['-xzf', join(tmp, packed[0].filename), '-C', pkg, '--strip-components=1']);
  // The package's dependencies (and @types/node), as installed here: nothing is downloaded.
  for (const name of readdirSync(join(ROOT, 'node_modules'))) {
    if (name === 'parindex' || name.startsWith('.')) continue;
    symlinkSync(join(ROOT, 'node_modules', name), join(proj, 'node_modules', name), 'junction');
  }
  cpSync(FIXTURES, proj, { recursive: true });
});

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('the packed package', () => {
  it('holds the entry points, their types for import and require, and the sample data; no sources', () => {
    for (const f of ['package.json', 'dist/index.js', 'dist/index.cjs', 'dist/index.d.ts', 'dist/index.d.cts', 'dist/node.js', 'dist/node.cjs', 'dist/node.d.ts', 'dist/node.d.cts', 'data/hanoi-2021/framework.csv'])
      expect(files).toContain(f);
    expect(files.filter((f) => f.startsWith('src/') || f.startsWith('test/'))).toEqual([]);
  });
});

describe.concurrent('consumer projects type-check (strict, skipLibCheck false)', () => {
  for (const project of ['esm', 'cjs', 'bundler'] as const) {
    for (const version of ['5.9', '5.0'] as const) {
      it(`${project} with TypeScript ${version}`, async () => {
        expectOk(await tsc(project, version), `tsc ${version} -p ${project}`);
      });
    }
  }
});

/** Lines every consumer prints: the sample's published figures and the API's results on it. */
const EXPECTED = [
  'first tai-chinh 89.83 1',
  'league so 22 tai-chinh 89.83',
  'league quan-huyen 30 cau-giay 95.24',
  'exact 1 number true 0.12 0.3333',
  'explain noi-vu 3 ldtbxh 0.95 3',
  'sensitivity so 22 3',
  'sensitivity quan-huyen 30 3',
  'json tai-chinh 89.83 true',
  'compare 52 true so,quan-huyen',
  'render true so,1,tai-chinh',
  'sipas a=100.00 b=50.00 75.00',
  'rows a=91.00#1 b=70.00#2',
  'safe ok 52 67',
  'safe async true file-not-found',
  'files tai-chinh 89.83 52',
];

describe.concurrent('compiled consumers run on the sample', () => {
  for (const project of ['esm', 'cjs'] as const) {
    it(`${project}`, async () => {
      expectOk(await tsc(project, '5.9'), `tsc 5.9 -p ${project}`);
      const r = await node(['out/main.js'], join(proj, project));
      expectOk(r, `node ${project}/out/main.js`);
      const lines = r.stdout.trim().split(/\r?\n/);
      expect(lines).toEqual(expect.arrayContaining(project === 'cjs' ? [...EXPECTED, 'require function true'] : EXPECTED));
      // formatIssue speaks Vietnamese unless asked for English.
      expect(lines.find((l) => l.startsWith('safe 1 '))).toMatch(/^safe 1 true evidence, dòng 2, cột "self" \(C\): .*giá trị là "abc".*\[bad-input\]$/);
    });
  }
});
