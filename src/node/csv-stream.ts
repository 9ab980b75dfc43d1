/**
 * Feeding a CSV file to the byte reader (`src/criteria/input-bytes.ts`) in 1 MiB reads of one
 * reused buffer, so reading a national evidence file holds one megabyte of it, not the file.
 */
import { open } from 'node:fs/promises';
import type { CsvByteLines } from '../table/csv-bytes.js';
import { inputLimits } from './limits.js';

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
    const buf = new Uint8Array(1 << 20);
    let total = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buf, 0, buf.length, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > max) return undefined;
      if (!lines.push(buf.subarray(0, bytesRead))) return undefined;
    }
    if (!lines.end()) return undefined;
    return { size: stat.size, mtimeMs: stat.mtimeMs };
  } catch {
    return undefined;
  } finally {
    await handle.close();
  }
}
