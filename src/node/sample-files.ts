/**
 * Paths of the embedded sample's files as shipped in the package (`data/hanoi-2021/`), for the CLI
 * (the demo reads them as a user's files would be read, and names them in its output); and a
 * built-in name given where a file is taken (`--units hanoi-2021`).
 *
 * A built-in name or a file? Never guessed (README, "Built-in names"):
 * - an argument with a `/` or `\`, or whose last part has an extension (`units.csv`), is a file;
 * - a bare name (`hanoi-2021`) is a built-in — and when a file or folder of that very name exists
 *   in the current folder, that is an `ambiguous-input` error naming both (`./hanoi-2021` is the file);
 * - a bare name that is no built-in is a file when it exists (its type is then checked as any
 *   file's), else an `unknown-builtin` error suggesting the nearest built-in name.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SAMPLES, type SampleName, sampleTable } from '../data/sample.js';
import { ParIndexError, problem } from '../errors.js';
import { markNumeric, type Table } from '../table/table.js';
import { nearestName } from '../text/nearest.js';

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

/** The kinds of input a built-in sample provides in place of a file. */
export type BuiltinInputKind = 'framework' | 'units' | 'evidence' | 'survey';

const SAMPLE_FILES = { framework: 'framework.csv', units: 'units.csv', evidence: 'evidence.csv', survey: 'survey.csv' } as const satisfies Record<BuiltinInputKind, string>;

/** True when an argument is written as a path: a `/` or `\` in it, or an extension on its last part. */
export function looksLikePath(arg: string): boolean {
  if (/[/\\]/.test(arg)) return true;
  return arg.lastIndexOf('.') > 0;
}

/**
 * The built-in sample an input argument names, or undefined when it names a file (see the rules
 * above). Throws `ambiguous-input` for a built-in name that is also a file or folder in the current
 * folder, and `unknown-builtin` for a bare name that is neither a built-in nor an existing file.
 * `exists` is the file system check (a parameter for the tests).
 */
export function builtinNamed(arg: string, exists: (path: string) => boolean = existsSync): SampleName | undefined {
  if (looksLikePath(arg)) return undefined;
  const name = arg.normalize('NFC');
  const builtin = (SAMPLES as readonly string[]).includes(name) ? (name as SampleName) : undefined;
  if (builtin) {
    if (exists(arg)) throw new ParIndexError({ file: arg, ...problem('ambiguous-input', { name: arg }), value: arg });
    return builtin;
  }
  if (exists(arg)) return undefined;
  throw unknownBuiltin(arg, SAMPLES);
}

/** The `unknown-builtin` error for a bare name that is neither one of `names` nor a file, naming the nearest. */
export function unknownBuiltin(arg: string, names: readonly string[]): ParIndexError {
  const suggestion = nearestName(arg.normalize('NFC'), names) ?? '';
  return new ParIndexError({ file: arg, ...problem('unknown-builtin', { name: arg, suggestion, names: names.join(', ') }), value: arg, ...(suggestion ? { suggestion } : {}) });
}

/**
 * The table a built-in sample holds for an input kind (embedded in the package, named
 * `hanoi-2021/<file>` in errors), or undefined when the argument names a file. The sample is ours,
 * written with the decimal point: its cells are marked as numbers' text, so `--decimal-comma`
 * (about the user's own files of the run) does not apply to them — as with the built-in framework.
 */
export function builtinTable(arg: string, kind: Exclude<BuiltinInputKind, 'framework'>): Table | undefined {
  const name = builtinNamed(arg);
  if (name === undefined) return undefined;
  const table = sampleTable(SAMPLE_FILES[kind], name);
  const every = table.header.map((_, i) => i);
  for (const row of table.rows) markNumeric(row, every);
  return table;
}
