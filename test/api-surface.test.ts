/**
 * The public surface stays small and documented: the built entries' runtime exports (counted and
 * checked against engine names that must stay internal), and the TypeDoc reference in docs/api/,
 * regenerated here with the repository's typedoc.json (no warnings: every public export, property
 * and member has a doc comment) and equal byte for byte to the committed one.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..');
const DIST = join(ROOT, 'dist');
const DOCS = join(ROOT, 'docs', 'api');
const TYPEDOC = join(ROOT, 'node_modules', 'typedoc', 'bin', 'typedoc');
const HINT = 'docs/api/ is out of date: run `npm run docs` and commit docs/api/';

/** Engine names that must never be exported from `parindex` (at run time or as types). */
const DENIED = ['FormIngest', 'ResponsesTokenizer', 'CHUNK_SIZE', 'computeTotals', 'gcd', 'mulberry32', 'SeededRandom', 'writeSyntheticRound', 'scoreWithDecimal', 'RefDecimal', 'InputMatrix', 'scoreMatrix'];

/** The runtime exports of a built entry, sorted. */
async function runtimeExports(file: string): Promise<string[]> {
  const mod: Record<string, unknown> = await import(pathToFileURL(join(DIST, file)).href);
  return Object.keys(mod).sort();
}

/** Every name an entry's declaration file exports (values and types), from its `export { … }` lists. */
function declaredExports(file: string): string[] {
  const text = readFileSync(join(DIST, file), 'utf8');
  const names: string[] = [];
  for (const m of text.matchAll(/^export\s*\{([^}]*)\}/gm)) {
    for (const part of m[1].split(',')) {
      const spec = part.trim().replace(/^type\s+/, '');
      if (spec)
        names.push(
          spec
            .split(/\s+as\s+/)
            .pop()!
            .trim(),
        );
    }
  }
  return names.sort();
}

/** Relative paths (with `/`) of every file under `dir`, sorted. */
function filesUnder(dir: string, base = dir): string[] {
  if (!existsSync(dir)) return [];
  const files: string[] = [];
  for (const d of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, d.name);
    if (d.isDirectory()) files.push(...filesUnder(path, base));
    else files.push(relative(base, path).split(sep).join('/'));
  }
  return files.sort();
}

interface Run {
  status: number;
  output: string;
}

/** Runs TypeDoc with the repository's typedoc.json, writing to `out`; never throws. */
function typedoc(out: string): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [TYPEDOC, '--out', out], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' }, maxBuffer: 16 << 20 }, (error, stdout, stderr) => {
      const status = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      // biome-ignore lint/suspicious/noControlCharactersInRegex: strips terminal colours
      resolve({ status, output: `${stdout}${stderr}${error && !stderr ? String(error) : ''}`.replace(/\x1b\[[0-9;]*m/g, '') });
    });
  });
}

let root: string[] = [];
let node: string[] = [];

beforeAll(async () => {
  if (!existsSync(join(DIST, 'index.js')) || !existsSync(join(DIST, 'node.js'))) throw new Error('dist/ is missing: run `npm run build` (npm test does) first');
  root = await runtimeExports('index.js');
  node = await runtimeExports('node.js');
});

describe('runtime exports', () => {
  it('parindex has at most 50', () => {
    expect(root.length, `parindex exports ${root.length} values:\n  ${root.join('\n  ')}`).toBeLessThanOrEqual(50);
    expect(root).toContain('createRound');
  });
  it('parindex/node has at most 10', () => {
    expect(node.length, `parindex/node exports ${node.length} values:\n  ${node.join('\n  ')}`).toBeLessThanOrEqual(10);
    expect(node).toContain('loadRound');
  });
  it('parindex/node does not repeat the core entry', () => {
    expect(node.filter((n) => root.includes(n))).toEqual([]);
  });
});

describe('no engine internals in parindex', () => {
  it('none of the denied names, at run time or as a type', () => {
    const types = declaredExports('index.d.ts');
    expect(types.length, 'no export list found in dist/index.d.ts').toBeGreaterThan(root.length);
    expect(root.filter((n) => DENIED.includes(n))).toEqual([]);
    expect(types.filter((n) => DENIED.includes(n))).toEqual([]);
  });
  it('no safe* helper except safe itself', () => {
    const names = [...new Set([...root, ...declaredExports('index.d.ts')])];
    expect(names.filter((n) => n.startsWith('safe') && n !== 'safe')).toEqual([]);
    expect(root).toContain('safe');
  });
});

describe('API reference (docs/api/)', () => {
  const out = mkdtempSync(join(tmpdir(), 'parindex-api-'));
  let run: Run;
  let generated: string[] = [];
  beforeAll(async () => {
    run = await typedoc(out);
    generated = filesUnder(out);
  }, 180_000);
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('TypeDoc succeeds with no warnings (every public export, property and member documented)', () => {
    const problems = run.output.split(/\r?\n/).filter((l) => /\[(warning|error)\]/.test(l));
    expect(problems, `typedoc exited ${run.status}:\n${run.output}`).toEqual([]);
    expect(run.status, run.output).toBe(0);
    expect(generated.length).toBeGreaterThan(0);
  });

  it('equals the committed docs/api/ byte for byte', () => {
    expect(run.status, `typedoc failed (see above):\n${run.output}`).toBe(0);
    const committed = filesUnder(DOCS);
    expect(committed, `${HINT} (files differ)`).toEqual(generated);
    const changed = generated.filter((f) => !readFileSync(join(out, f)).equals(readFileSync(join(DOCS, f))));
    expect(changed, `${HINT} (contents differ)`).toEqual([]);
  });

  it('documents every runtime export of both entries', () => {
    expect(run.status, `typedoc failed (see above):\n${run.output}`).toBe(0);
    // One page per export: parindex/<kind>/<Name>.md, parindex/node/<kind>/<Name>.md.
    const pages = (prefix: string) => new Set(generated.map((f) => f.match(new RegExp(`^${prefix}/(?:classes|functions|variables|enumerations|namespaces)/([^/]+)\\.md$`))?.[1]).filter((n) => n !== undefined));
    const rootPages = pages('parindex');
    const nodePages = pages('parindex/node');
    expect(
      root.filter((n) => !rootPages.has(n)),
      'parindex exports missing from the reference',
    ).toEqual([]);
    expect(
      node.filter((n) => !nodePages.has(n)),
      'parindex/node exports missing from the reference',
    ).toEqual([]);
  });
});
