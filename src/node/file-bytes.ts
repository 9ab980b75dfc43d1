/** Reading an input file's bytes within the run's limit (`--limit file-bytes`). */
import { type FileHandle, open } from 'node:fs/promises';
import { ParIndexError, problem } from '../errors.js';
import { concatBytes } from '../text/bytes.js';
import { fileReadError } from './file-errors.js';
import { inputLimits } from './limits.js';

/**
 * A file's bytes, at most `limits.fileBytes` of them (`--limit file-bytes`): a larger regular file is
 * refused before it is read, and a file with no size of its own (a pipe, `/dev/zero`) the moment it
 * passes the limit — never an exhausted memory or a read that does not end. A missing or unreadable
 * file is a located error.
 */
export async function readFileBytes(path: string, max = inputLimits().fileBytes): Promise<Uint8Array> {
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (e) {
    throw fileReadError(path, e);
  }
  try {
    const stat = await handle.stat();
    if (stat.isFile() && stat.size > max) throw new ParIndexError({ file: path, ...problem('limit-exceeded/file-bytes', { size: stat.size, max }) });
    const chunks: Uint8Array[] = [];
    let total = 0;
    if (stat.isFile() && stat.size > 0) {
      // A regular file: one buffer of its size, filled in as few reads as the system gives; a file
      // that grew since its size was taken is read on below, within the limit.
      const whole = new Uint8Array(stat.size);
      let got = 0;
      while (got < whole.length) {
        const { bytesRead } = await handle.read(whole, got, whole.length - got, null);
        if (bytesRead === 0) return whole.subarray(0, got);
        got += bytesRead;
      }
      chunks.push(whole);
      total = got;
    }
    for (;;) {
      const chunk = new Uint8Array(Math.min(total > 0 ? 1 << 16 : 1 << 20, max + 1 - total) || 1);
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > max) throw new ParIndexError({ file: path, ...problem('limit-exceeded/file-bytes', { size: total, max }) });
      chunks.push(bytesRead === chunk.length ? chunk : chunk.subarray(0, bytesRead));
    }
    return concatBytes(chunks);
  } catch (e) {
    if (e instanceof ParIndexError) throw e;
    throw fileReadError(path, e);
  } finally {
    await handle.close();
  }
}
