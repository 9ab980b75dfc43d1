/**
 * Small byte-range helpers the byte readers share (the SIPAS tokenizer, the evidence byte reader)
 * and joining chunks into one array (workbooks written in memory, files read in pieces).
 */

/** FNV-1a's offset basis and prime (32 bits), for a loop that hashes as it scans (as {@link hashBytes}). */
export const FNV_OFFSET = 0x811c9dc5;
export const FNV_PRIME = 0x01000193;

/** FNV-1a hash of the byte range `b[s, e)` (for look-up caches keyed by bytes). */
export function hashBytes(b: Uint8Array, s: number, e: number): number {
  let h = FNV_OFFSET;
  for (let i = s; i < e; i++) h = Math.imul(h ^ b[i], FNV_PRIME);
  return h >>> 0;
}

/** True when `a` holds exactly the bytes `b[s, e)`. */
export function sameBytes(a: Uint8Array, b: Uint8Array, s: number, e: number): boolean {
  if (a.length !== e - s) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[s + i]) return false;
  return true;
}

/** The chunks joined into one array (the chunk itself when there is one). */
export function concatBytes(chunks: readonly Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  let size = 0;
  for (const c of chunks) size += c.length;
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
