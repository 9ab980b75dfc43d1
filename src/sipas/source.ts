/**
 * Where responses come from in memory or streamed in: any async or sync iterable of byte or text
 * chunks (a Node Readable, a web ReadableStream's reader loop), or the bytes themselves. Every source
 * becomes one async iterable of byte chunks, with progress reported by bytes read.
 */

/** Responses to read: a stream or iterable of chunks (bytes or UTF-8 text), or bytes. */
export type ResponsesSource = Uint8Array | AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>;

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

const encoder = new TextEncoder();

async function* iterableChunks(source: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>, onProgress?: ProgressCallback): AsyncGenerator<Uint8Array> {
  let read = 0;
  for await (const c of source as AsyncIterable<Uint8Array | string>) {
    const bytes = typeof c === 'string' ? encoder.encode(c) : c;
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

/** The chunks of a source in memory or streamed in (a file's are `src/node/sipas-file.ts`'s). */
export function chunksOf(source: ResponsesSource, opts: { chunkSize?: number; onProgress?: ProgressCallback } = {}): ChunkSource {
  const size = opts.chunkSize ?? CHUNK_SIZE;
  if (source instanceof Uint8Array) return { chunks: bytesChunks(source, size, opts.onProgress), totalBytes: source.length };
  return { chunks: iterableChunks(source, opts.onProgress) };
}
