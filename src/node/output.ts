/**
 * Writing output: to stdout, or to a file atomically (a temp file beside it, flushed to disk, then
 * renamed over the target), so a failed run never leaves a half-written or stale file behind. A
 * target that cannot be written (missing folder, no permission, a folder of that name) is a
 * located {@link ParIndexError} naming the user's path — exit 1, not an internal error — and the
 * CLI checks it before reading any input, so a long run does not fail at its very end.
 */
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, open, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { ParIndexError } from '../errors.js';

const EXPECTED_TARGET = 'a file path in an existing folder that can be written';

/** The located error for an output path that cannot be written, from the system's error code. */
function cannotWrite(path: string, code: string | undefined, detail?: string): ParIndexError {
  const why: Record<string, string> = {
    ENOENT: 'its folder does not exist',
    ENOTDIR: 'a part of its folder path is a file, not a folder',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EROFS: 'the file system is read-only',
    EISDIR: 'it is a folder',
    EBUSY: 'the file is in use (open in another program?)',
    ENOSPC: 'the disk is full',
  };
  const reason = (code && why[code]) ?? detail ?? code ?? 'unknown reason';
  return new ParIndexError({ file: path, code: 'cannot-write', message: `the output file cannot be written: ${reason}`, expected: EXPECTED_TARGET });
}

/**
 * Checks, before any work, that `path` can be written: its folder exists and is writable, the path
 * is not a folder, and it is none of the run's `inputs` (the same file by any name: a symlink or a
 * hard link to an input counts) — writing there would replace an input with the results. Throws a
 * located {@link ParIndexError} otherwise; no path (stdout) passes.
 */
export async function checkOutputPath(path: string | undefined, inputs: readonly (string | undefined)[] = []): Promise<void> {
  if (path === undefined || path === '') return;
  await refuseInputAsOutput(path, inputs);
  if (/[\\/]$/.test(path)) throw cannotWrite(path, 'EISDIR'); // names a folder
  const folder = dirname(path);
  try {
    if (!(await stat(folder)).isDirectory()) throw cannotWrite(path, 'ENOTDIR');
    await access(folder, constants.W_OK);
  } catch (e) {
    if (e instanceof ParIndexError) throw e;
    throw cannotWrite(path, (e as NodeJS.ErrnoException).code, (e as Error).message);
  }
  const target = await stat(path).catch(() => undefined);
  if (target?.isDirectory()) throw cannotWrite(path, 'EISDIR');
}

/** The located error when `out` is one of the `inputs` (same path, or the same file through a link). */
async function refuseInputAsOutput(out: string, inputs: readonly (string | undefined)[]): Promise<void> {
  const outStat = await stat(out).catch(() => undefined);
  for (const input of inputs) {
    if (input === undefined || input === '') continue;
    const same =
      resolve(input) === resolve(out) ||
      (outStat !== undefined &&
        (await stat(input)
          .then((s) => s.dev === outStat.dev && s.ino === outStat.ino)
          .catch(() => false)));
    if (same) {
      throw new ParIndexError({
        file: out,
        code: 'out-is-input',
        message: `--out names an input of this run (${input}); writing the results there would replace it`,
        value: out,
        expected: 'a new file name for the results (inputs are never overwritten)',
      });
    }
  }
}

/** Writes `data` to `path` atomically: temp file in the same folder, flushed, then renamed over the target. */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  if (/[\\/]$/.test(path)) throw cannotWrite(path, 'EISDIR'); // names a folder
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const handle = await open(tmp, 'wx');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if ((await stat(path).catch(() => undefined))?.isDirectory()) throw cannotWrite(path, 'EISDIR');
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true }).catch(() => undefined); // nothing to remove where nothing could be made
    if (e instanceof ParIndexError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code) throw cannotWrite(path, code, (e as Error).message);
    throw e;
  }
}

/** Writes to `out` atomically when given, else to stdout. */
export async function writeOutput(out: string | undefined, data: string | Uint8Array): Promise<void> {
  if (out) await writeFileAtomic(out, data);
  else await new Promise<void>((resolve, reject) => process.stdout.write(data, (err) => (err ? reject(err) : resolve())));
}
