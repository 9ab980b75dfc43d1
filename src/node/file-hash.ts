/**
 * SHA-256 of input files, so a published report names exactly the files it was computed from (the
 * results workbook's settings sheet and the HTML report's footer list each with its hash).
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { fileReadError } from './file-errors.js';
import { type BuiltinInputKind, builtinNamed, samplePath } from './sample-files.js';

/** One input file: its name as shown to readers (the base name) and its SHA-256 in lower-case hex. */
export interface FileSource {
  /** The file's base name (folders are the user's business, not the reader's). */
  name: string;
  /** SHA-256 of the file's bytes, 64 lower-case hex digits. */
  sha256: string;
}

/** SHA-256 of a file's bytes (streamed), as lower-case hex. */
export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  try {
    // 1 MiB reads (a stream's 64 KiB chunks cost a national run's 50 MB of inputs ~0.1 s more).
    for await (const chunk of createReadStream(path, { highWaterMark: HASH_CHUNK })) hash.update(chunk as Buffer);
  } catch (e) {
    throw fileReadError(path, e);
  }
  return hash.digest('hex');
}

/** Bytes read at a time to hash a file. */
const HASH_CHUNK = 1 << 20;

/** One input of a run: its path as given, and for a built-in name (`--units hanoi-2021`) the kind of input it stands for. */
export interface InputPath {
  /** The argument as given (a path, or a built-in name). */
  path: string | undefined;
  /** What it is read as; a built-in name is hashed as the sample's file of this kind. */
  kind?: BuiltinInputKind;
}

/**
 * Every given input (blank ones skipped, each path once, in order) as a {@link FileSource}: a file
 * by its base name, a built-in name as `hanoi-2021/units.csv` (the sample file it stands for).
 */
export async function fileSources(inputs: readonly (InputPath | string | undefined)[]): Promise<FileSource[]> {
  const seen = new Set<string>();
  const out: FileSource[] = [];
  for (const x of inputs) {
    const input = typeof x === 'string' || x === undefined ? { path: x } : x;
    const p = input.path;
    if (!p || seen.has(p)) continue;
    seen.add(p);
    const builtin = input.kind ? builtinNamed(p) : undefined;
    if (builtin && input.kind) {
      const file = `${input.kind}.csv`;
      out.push({ name: `${builtin}/${file}`, sha256: await sha256File(samplePath(file, builtin)) });
    } else out.push({ name: basename(p), sha256: await sha256File(p) });
  }
  return out;
}
