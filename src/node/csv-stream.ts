/**
 * Feeding a CSV file to the byte reader (`src/criteria/input-bytes.ts`) in 1 MiB reads into two
 * reused buffers (one read while the other is split), so reading a national evidence file holds two
 * megabytes of it, not the file.
 */
import { open } from 'node:fs/promises';
import type { CsvByteLines } from '../table/csv-bytes.js';
import { inputLimits } from './limits.js';

/** Bytes of each read. */
const CHUNK = 1 << 20;

/** What a file was when it was read (its evidence references are read back only from the same file). */
export interface FileStamp {
  size: number;
  mtimeMs: number;
}

/**
 * Streams a CSV file through `lines`. Its stamp when every line went in; undefined when the reader
 * gave up, or the file is missing, not a regular file or over `--limit file-bytes`: the caller then
 * reads it through the table readers, which word any problem.
 */
export async function streamCsv(path: string, lines: CsvByteLines): Promise<FileStamp | undefined> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, 'r');
  } catch {
    return undefined;
  }
  try {
    const stat = await handle.stat();
    const max = inputLimits().fileBytes;
    if (!stat.isFile() || stat.size > max) return undefined;
    // Two buffers: the next megabyte is read (on another thread) while this one is split.
    let buf = new Uint8Array(CHUNK);
    let spare = new Uint8Array(CHUNK);
    let total = 0;
    let reading = handle.read(buf, 0, CHUNK, 0);
    for (;;) {
      const { bytesRead } = await reading;
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > max) return undefined;
      reading = handle.read(spare, 0, CHUNK, total);
      if (!lines.push(buf.subarray(0, bytesRead))) {
        await reading.catch(() => undefined); // the handle is closed once no read is pending
        return undefined;
      }
      [buf, spare] = [spare, buf];
    }
    if (!lines.end()) return undefined;
    return { size: stat.size, mtimeMs: stat.mtimeMs };
  } catch {
    return undefined;
  } finally {
    await handle.close();
  }
}
