/**
 * scripts/demo.mjs (`npm run demo`) builds only when the build is missing or older than one of its
 * inputs: the staleness check on temporary package folders with set modification times.
 */
import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILD_INPUTS, BUILD_OUTPUT, isStale, newestMtime } from '../scripts/demo.mjs';
import { tempDir } from './support/xlsx.js';

/** A file with content, modified at `t` (seconds since the epoch). */
function file(path: string, t: number): void {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, 'x');
  utimesSync(path, t, t);
}

/** A package folder: src/ with a nested file, the configs, and dist/cli.js built at `built` (or none). */
function pkg(times: { src: number; nested: number; config: number; built?: number }): string {
  const root = tempDir('parindex-demo-');
  file(join(root, 'src', 'index.ts'), times.src);
  file(join(root, 'src', 'cli', 'commands', 'score.ts'), times.nested);
  for (const f of ['tsup.config.ts', 'tsconfig.json', 'package.json']) file(join(root, f), times.config);
  if (times.built !== undefined) file(join(root, BUILD_OUTPUT), times.built);
  return root;
}

describe('npm run demo: build only when stale', () => {
  it('inputs are src/ and the build configuration; the output is dist/cli.js', () => {
    expect(BUILD_INPUTS).toEqual(['src', 'tsup.config.ts', 'tsconfig.json', 'package.json']);
    expect(BUILD_OUTPUT).toBe(join('dist', 'cli.js'));
  });

  it('newestMtime walks folders; a missing path is -Infinity', () => {
    const root = pkg({ src: 1000, nested: 3000, config: 500 });
    expect(newestMtime(join(root, 'src'))).toBe(3_000_000);
    expect(newestMtime(join(root, 'src', 'index.ts'))).toBe(1_000_000);
    expect(newestMtime(join(root, 'nowhere'))).toBe(Number.NEGATIVE_INFINITY);
  });

  it('no dist/cli.js: stale', () => {
    expect(isStale(pkg({ src: 1000, nested: 1000, config: 1000 }))).toEqual({ stale: true, reason: `${BUILD_OUTPUT} is missing` });
  });

  it('built after every input: current (also when built in the same second as the newest input)', () => {
    expect(isStale(pkg({ src: 1000, nested: 2000, config: 1500, built: 2500 }))).toEqual({ stale: false, reason: undefined });
    expect(isStale(pkg({ src: 1000, nested: 2000, config: 1500, built: 2000 })).stale).toBe(false);
  });

  it('a file deep in src/ newer than the build: stale, naming src', () => {
    expect(isStale(pkg({ src: 1000, nested: 3000, config: 1000, built: 2000 }))).toEqual({ stale: true, reason: 'src changed since the last build' });
  });

  it('a newer build configuration: stale', () => {
    expect(isStale(pkg({ src: 1000, nested: 1000, config: 3000, built: 2000 }))).toEqual({ stale: true, reason: 'tsup.config.ts changed since the last build' });
  });
});
