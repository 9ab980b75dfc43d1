#!/usr/bin/env node
/**
 * `npm run demo [-- args]`: runs `node dist/cli.js demo args…`, building first only when the build
 * is missing or stale — when dist/cli.js is older than any file it is built from (everything under
 * src/, and tsup.config.ts, tsconfig.json, package.json). A current build starts the demo at once
 * instead of rebuilding every time (~17 s). `isStale` is exported for the tests.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** What the built CLI is made from, relative to the package root: folders are walked. */
export const BUILD_INPUTS = ['src', 'tsup.config.ts', 'tsconfig.json', 'package.json'];
/** The build output the demo runs, relative to the package root. */
export const BUILD_OUTPUT = join('dist', 'cli.js');

/** Newest modification time (ms) of a file or of every file under a folder; -Infinity when absent. */
export function newestMtime(path) {
  let st;
  try {
    st = statSync(path);
  } catch {
    return Number.NEGATIVE_INFINITY;
  }
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = Number.NEGATIVE_INFINITY;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)));
  return newest;
}

/**
 * Whether the package at `root` needs a build before the demo: its output is missing, or older than
 * one of its inputs. Returns the reason too (for the message), or undefined when current.
 */
export function isStale(root, inputs = BUILD_INPUTS, output = BUILD_OUTPUT) {
  let built;
  try {
    built = statSync(join(root, output)).mtimeMs;
  } catch {
    return { stale: true, reason: `${output} is missing` };
  }
  for (const input of inputs) {
    if (newestMtime(join(root, input)) > built) return { stale: true, reason: `${input} changed since the last build` };
  }
  return { stale: false, reason: undefined };
}

/** Builds when stale (tsup, as `npm run build` minus emptying dist/), then runs the demo; returns the exit code. */
function main(root, args) {
  const { stale, reason } = isStale(root);
  if (stale) {
    process.stderr.write(`parindex demo: building (${reason}) …\n`);
    const tsup = join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'tsup.cmd' : 'tsup');
    const build = spawnSync(tsup, ['--silent'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
    if (build.status !== 0) return build.status ?? 1;
  }
  const run = spawnSync(process.execPath, [join(root, BUILD_OUTPUT), 'demo', ...args], { stdio: 'inherit' });
  return run.status ?? 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main(join(dirname(fileURLToPath(import.meta.url)), '..'), process.argv.slice(2));
}
