/**
 * Where responses come from: a file path (read in large chunks from one file handle), a Node
 * Readable, any async or sync iterable of byte or text chunks, or the bytes themselves. Every
 * source becomes one async iterable of byte chunks, with progress reported by bytes read.
 */
import { open } from 'node:fs/promises';
import { fileReadError } from '../io/files.js';

/** Responses to read: a path, a stream or iterable of chunks (bytes or UTF-8 text), or bytes. */
export type ResponsesSource = string | Uint8Array | AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>;

/** Called after each chunk with the bytes read so far and the total when known (files). */
export type ProgressCallback = (bytesRead: number, totalBytes: number | undefined) => void;

/** Bytes read per file read (a few large reads keep the scan fast and memory flat). */
export const CHUNK_SIZE = 1 << 20;

/** Byte chunks of a source, with its size when known. */
export interface ChunkSource {
  /** The chunks, in order. */
  chunks: AsyncIterable<Uint8Array>;
  /** Total bytes, when known (files and byte arrays). */
  totalBytes?: number;
}

async function* fileChunks(path: string, chunkSize: number, reuse: boolean, onProgress?: ProgressCallback): AsyncGenerator<Uint8Array> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (e) {
    throw fileReadError(path, e);
  }
  try {
    const total = (await handle.stat()).size;
    let read = 0;
    let buf = Buffer.allocUnsafe(chunkSize);
    for (;;) {
      if (!reuse && read > 0) buf = Buffer.allocUnsafe(chunkSize);
      const { bytesRead } = await handle.read(buf, 0, chunkSize, null);
      if (bytesRead === 0) break;
      read += bytesRead;
      yield bytesRead === chunkSize ? buf : buf.subarray(0, bytesRead);
      onProgress?.(read, total);
    }
  } finally {
    await handle.close();
  }
}

async function* iterableChunks(source: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>, onProgress?: ProgressCallback): AsyncGenerator<Uint8Array> {
  let read = 0;
  for await (const c of source as AsyncIterable<Uint8Array | string>) {
    const bytes = typeof c === 'string' ? Buffer.from(c, 'utf8') : c;
    read += bytes.length;
    yield bytes;
    onProgress?.(read, undefined);
  }
}

async function* bytesChunks(bytes: Uint8Array, chunkSize: number, onProgress?: ProgressCallback): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += chunkSize) {
    const end = Math.min(bytes.length, at + chunkSize);
    yield bytes.subarray(at, end);
    onProgress?.(end, bytes.length);
  }
}

/**
 * The chunks of a source (a string is a path). With `reuse`, a file is read into one buffer over
 * and over: each chunk is valid only until the next one is asked for (the byte tokenizer copies
 * what it keeps), so no garbage piles up between collections.
 */
export function chunksOf(source: ResponsesSource, opts: { chunkSize?: number; onProgress?: ProgressCallback; reuse?: boolean } = {}): ChunkSource {
  const size = opts.chunkSize ?? CHUNK_SIZE;
  if (typeof source === 'string') return { chunks: fileChunks(source, size, opts.reuse === true, opts.onProgress) };
  if (source instanceof Uint8Array) return { chunks: bytesChunks(source, size, opts.onProgress), totalBytes: source.length };
  return { chunks: iterableChunks(source, opts.onProgress) };
}
