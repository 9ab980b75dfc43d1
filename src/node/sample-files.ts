/**
 * Paths of the embedded sample's files as shipped in the package (`data/hanoi-2021/`), for the CLI
 * (the demo reads them as a user's files would be read, and names them in its output).
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SampleName } from '../data/sample.js';

/** Folder holding a built-in sample's files (found by walking up from this module). */
export function sampleDir(name: SampleName = 'hanoi-2021'): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'data', name);
    if (existsSync(join(candidate, 'framework.csv'))) return candidate;
    dir = dirname(dir);
  }
  throw new Error(`parindex: the built-in sample "${name}" is missing from the installed package`);
}

/** Path of one file of a built-in sample. */
export function samplePath(file: string, name: SampleName = 'hanoi-2021'): string {
  return join(sampleDir(name), file);
}
