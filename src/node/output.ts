/**
 * Writing output: to stdout, or to a file atomically (a temp file beside it, flushed to disk, then
 * renamed over the target), so a failed run never leaves a half-written or stale file behind. A
 * target that cannot be written (missing folder, no permission, a folder of that name) is a
 * located {@link ParIndexError} naming the user's path — exit 1, not an internal error — and the
 * CLI checks it before reading any input, so a long run does not fail at its very end.
 */
import { randomBytes } from 'node:crypto';
import { constants, rmSync } from 'node:fs';
import { access, type FileHandle, lstat, open, readlink, realpath, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { ParIndexError, problem } from '../errors.js';
import type { WriteFault } from '../i18n/en/node.js';

/** Why a write failed, by the system's error code. */
const FAULTS: Record<string, WriteFault> = {
  ENOENT: 'no-folder',
  ENOTDIR: 'not-a-folder',
  EACCES: 'permission',
  EPERM: process.platform === 'win32' ? 'in-use-or-read-only' : 'permission',
  EROFS: 'read-only-fs',
  EISDIR: 'is-folder',
  EBUSY: 'in-use',
  ENOSPC: 'disk-full',
};

/** The located error for an output path that cannot be written, from the system's error code. */
function cannotWrite(path: string, code: string | undefined, detail?: string): ParIndexError {
  const reason = (code !== undefined && Object.hasOwn(FAULTS, code) ? FAULTS[code] : undefined) ?? 'other';
  const other = detail ?? code;
  return new ParIndexError({ file: path, ...problem('cannot-write', reason === 'other' && other !== undefined ? { reason, detail: other } : { reason }) });
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
  await outputTarget(path);
}

/**
 * Where the bytes for `path` go, or the located error that refuses it. A symlink is written through
 * to its target (the link stays a link); a FIFO, a device or a socket is refused (replacing
 * `/dev/stdout` or a pipe with a file is never meant); so is a read-only file (no write bit: an
 * overwrite the owner did not allow, even for root) and a file with other hard links (the atomic
 * rename would split them). An existing file's mode is kept.
 */
async function outputTarget(path: string): Promise<{ target: string; mode?: number }> {
  if (/[\\/]$/.test(path)) throw cannotWrite(path, 'EISDIR'); // names a folder
  let target = path;
  const link = await lstat(path).catch(() => undefined);
  if (link?.isSymbolicLink()) target = await realpath(path).catch(async () => resolve(dirname(path), await readlink(path)));
  const folder = dirname(target);
  try {
    if (!(await stat(folder)).isDirectory()) throw cannotWrite(path, 'ENOTDIR');
    await access(folder, constants.W_OK);
  } catch (e) {
    if (e instanceof ParIndexError) throw e;
    throw cannotWrite(path, (e as NodeJS.ErrnoException).code, (e as Error).message);
  }
  const st = await stat(target).catch(() => undefined);
  if (!st) return { target };
  if (st.isDirectory()) throw cannotWrite(path, 'EISDIR');
  if (!st.isFile()) throw new ParIndexError({ file: path, ...problem('cannot-write/special', { kind: st.isFIFO() ? 'fifo' : st.isSocket() ? 'socket' : 'device' }) });
  if ((st.mode & 0o222) === 0) throw new ParIndexError({ file: path, ...problem('cannot-write/read-only') });
  if (st.nlink > 1) throw new ParIndexError({ file: path, ...problem('cannot-write/hard-links', { others: st.nlink - 1 }) });
  return { target, mode: st.mode & 0o7777 };
}

/** Temp files being written, removed if the run is interrupted (Ctrl-C, SIGTERM). */
const pending = new Set<string>();
let handlersInstalled = false;

function removePendingAndExit(signal: NodeJS.Signals): void {
  for (const tmp of pending) {
    try {
      rmSync(tmp, { force: true });
    } catch {
      /* best effort */
    }
  }
  process.exit(signal === 'SIGINT' ? 130 : 143);
}

function installSignalHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.once('SIGINT', removePendingAndExit);
  process.once('SIGTERM', removePendingAndExit);
}

/** The temp file's name beside `target`: short enough for any file system, whatever the target's name. */
function tempName(target: string): string {
  let base = basename(target);
  // 255 bytes is the usual limit of one name; the temp adds a dot, a dash and 18 characters.
  while (Buffer.byteLength(base) > 200) base = base.slice(0, -1);
  return join(dirname(target), `.${base}-${process.pid.toString(36)}${randomBytes(4).toString('hex')}.tmp`);
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
      throw new ParIndexError({ file: out, ...problem('out-is-input', { input }), value: out });
    }
  }
}

/** Writes `data` to `path` atomically: temp file in the same folder, flushed, then renamed over the target. */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const { target, mode } = await outputTarget(path);
  const tmp = tempName(target);
  installSignalHandlers();
  pending.add(tmp);
  try {
    const handle = await open(tmp, 'wx', mode ?? 0o666);
    try {
      if (mode !== undefined) await handle.chmod(mode);
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if ((await stat(target).catch(() => undefined))?.isDirectory()) throw cannotWrite(path, 'EISDIR');
    await rename(tmp, target);
    pending.delete(tmp);
  } catch (e) {
    pending.delete(tmp);
    await rm(tmp, { force: true }).catch(() => undefined); // nothing to remove where nothing could be made
    if (e instanceof ParIndexError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code) throw cannotWrite(path, code, (e as Error).message);
    throw e;
  }
}

/**
 * A file being written in pieces (a workbook as it is built, an audit CSV row by row): the bytes go
 * to a temp file beside the target as they come; {@link StagedOutput.commit} flushes it to disk and
 * renames it over the target, {@link StagedOutput.abort} removes it. Interrupted (Ctrl-C, SIGTERM),
 * the temp file is removed too: the target is never half-written.
 */
export interface StagedOutput {
  /** Takes the next bytes (or text, as UTF-8). */
  write(chunk: Uint8Array | string): void;
  /** Resolves when the file has taken what was written so far; rejects when writing failed. */
  ready(): Promise<void>;
  /** Flushes the file to disk and renames it over the target (the located error when it cannot). */
  commit(): Promise<void>;
  /** Removes the temp file (nothing to do after commit). */
  abort(): Promise<void>;
  /**
   * Hands the temp file to another writer on another thread of this process (the audit worker of
   * `cli/parallel-audit.ts` writes its bytes there itself, not through this thread): what was
   * written here is written out first; then the open file's descriptor is given and nothing more
   * may be written here. {@link StagedOutput.commit} and {@link StagedOutput.abort} stay here: call
   * them only once the other writer has stopped. `fault` words that writer's failure (a system
   * error code) as {@link StagedOutput.ready} would. Only staged files have it (not stdout).
   */
  handOff?(): Promise<{ fd: number; fault: (code: string | undefined, detail?: string) => ParIndexError }>;
}

/** Bytes gathered before a write to the staged file. */
const GATHER = 1 << 20;

/** A file written in pieces to `path` atomically (see {@link StagedOutput}); the same checks as {@link writeFileAtomic}. */
export async function stageOutput(path: string): Promise<StagedOutput> {
  const { target, mode } = await outputTarget(path);
  const tmp = tempName(target);
  installSignalHandlers();
  pending.add(tmp);
  let handle: FileHandle;
  try {
    handle = await open(tmp, 'wx', mode ?? 0o666);
    if (mode !== undefined) await handle.chmod(mode);
  } catch (e) {
    pending.delete(tmp);
    await rm(tmp, { force: true }).catch(() => undefined);
    const code = (e as NodeJS.ErrnoException).code;
    throw code ? cannotWrite(path, code, (e as Error).message) : e;
  }
  // Writes go through the handle one after another; small chunks are gathered into 1 MiB writes,
  // texts encoded straight into the buffer (no Buffer per chunk, no concatenation).
  let failure: unknown;
  let chain = Promise.resolve();
  let queued = 0;
  let buf = Buffer.allocUnsafe(GATHER);
  let pos = 0;
  const send = (data: Uint8Array) => {
    chain = chain.then(async () => {
      if (failure !== undefined) return;
      try {
        for (let at = 0; at < data.length; ) at += (await handle.write(data, at, data.length - at)).bytesWritten;
      } catch (e) {
        failure ??= e;
      } finally {
        queued -= data.length;
      }
    });
  };
  const flush = () => {
    if (pos === 0) return;
    send(buf.subarray(0, pos));
    buf = Buffer.allocUnsafe(GATHER);
    pos = 0;
  };
  const put = (chunk: Uint8Array | string): number => {
    if (typeof chunk === 'string') {
      // At most 3 bytes of UTF-8 per UTF-16 unit.
      if (chunk.length * 3 > GATHER - pos) {
        flush();
        if (chunk.length * 3 > GATHER) {
          const bytes = Buffer.from(chunk, 'utf8');
          send(bytes);
          return bytes.length;
        }
      }
      const n = buf.write(chunk, pos);
      pos += n;
      return n;
    }
    if (chunk.length > GATHER - pos) {
      flush();
      if (chunk.length > GATHER / 2) {
        send(chunk);
        return chunk.length;
      }
    }
    buf.set(chunk, pos);
    pos += chunk.length;
    return chunk.length;
  };
  let done = false;
  let handedOff = false;
  const located = (e: unknown) => {
    if (e instanceof ParIndexError) return e;
    const code = (e as NodeJS.ErrnoException).code;
    return code ? cannotWrite(path, code, (e as Error).message) : e;
  };
  const abort = async () => {
    if (done) return;
    done = true;
    await chain;
    await handle.close().catch(() => undefined);
    await rm(tmp, { force: true }).catch(() => undefined);
    pending.delete(tmp);
  };
  return {
    write(chunk) {
      if (handedOff) throw new Error('parindex: a staged file written after it was handed to another writer');
      if (failure !== undefined || done) return;
      queued += put(chunk);
      if (pos >= GATHER - 4096) flush();
    },
    async ready() {
      if (queued >= 16 << 20) {
        flush();
        await chain;
      }
      if (failure !== undefined) throw located(failure);
    },
    async commit() {
      try {
        flush();
        await chain;
        if (failure !== undefined) throw failure;
        await handle.sync();
        await handle.close();
        if ((await stat(target).catch(() => undefined))?.isDirectory()) throw cannotWrite(path, 'EISDIR');
        await rename(tmp, target);
        done = true;
        pending.delete(tmp);
      } catch (e) {
        await abort();
        throw located(e);
      }
    },
    abort,
    async handOff() {
      flush();
      await chain;
      if (failure !== undefined) throw located(failure);
      handedOff = true;
      return { fd: handle.fd, fault: (code, detail) => cannotWrite(path, code, detail) };
    },
  };
}

/**
 * Writes to `out` in pieces, atomically (see {@link stageOutput}), or to stdout when no path is
 * given: `produce` writes into the sink and awaits its `ready` now and then.
 */
export async function writeOutputStreamed(out: string | undefined, produce: (sink: StagedOutput) => Promise<void>): Promise<void> {
  const sink = out ? await stageOutput(out) : stdoutSink();
  try {
    await produce(sink);
    await sink.commit();
  } catch (e) {
    await sink.abort();
    throw e;
  }
}

/** Stdout as a {@link StagedOutput} (nothing to rename; a closed pipe is reported by the caller's EPIPE handling). */
export function stdoutSink(): StagedOutput {
  const out = process.stdout;
  let failure: unknown;
  const onError = (e: unknown) => (failure ??= e);
  out.on('error', onError);
  const waitDrain = () =>
    new Promise<void>((resolve) => {
      if (!out.writableNeedDrain) return resolve();
      out.once('drain', () => resolve());
    });
  return {
    write(chunk) {
      if (failure === undefined) out.write(chunk);
    },
    async ready() {
      await waitDrain();
      if (failure !== undefined) throw failure;
    },
    async commit() {
      await new Promise<void>((resolve, reject) => out.write('', (e) => (e ? reject(e) : resolve())));
      out.off('error', onError);
      if (failure !== undefined) throw failure;
    },
    async abort() {
      out.off('error', onError);
    },
  };
}

/** Writes to `out` atomically when given, else to stdout. */
export async function writeOutput(out: string | undefined, data: string | Uint8Array): Promise<void> {
  if (out) await writeFileAtomic(out, data);
  else await new Promise<void>((resolve, reject) => process.stdout.write(data, (err) => (err ? reject(err) : resolve())));
}
