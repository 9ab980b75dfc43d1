/**
 * The one file writer of the generator: writes text chunks to a file as they are produced, so a
 * file of any size costs the memory of one chunk (the producers batch about 1 MB per chunk).
 */
import { open } from 'node:fs/promises';

/** Writes every chunk of `chunks` to `path` (UTF-8, replacing the file); returns the bytes written. */
export async function writeChunks(path: string, chunks: Iterable<string>): Promise<number> {
  const fh = await open(path, 'w');
  let bytes = 0;
  try {
    for (const chunk of chunks) {
      if (chunk === '') continue;
      const buf = Buffer.from(chunk, 'utf8');
      bytes += buf.length;
      await fh.write(buf);
    }
  } finally {
    await fh.close();
  }
  return bytes;
}
