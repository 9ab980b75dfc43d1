/**
 * The zip's CRC-32 (zip-out.ts): eight bytes a step gives the checksum a byte a step gives (the
 * check value of "123456789", Node's zlib.crc32 on any bytes cut anywhere), and every part of a
 * streamed zip carries its bytes' checksum in the central directory.
 */
import { crc32 } from 'node:zlib';
import fc from 'fast-check';
import { unzipSync } from 'fflate';
import { describe, expect, it, vi } from 'vitest';
import { crc32Update, ZipOut } from '../src/xlsx/zip-out.js';

/** A byte a step, as fflate computes it. */
function bytewise(d: Uint8Array): number {
  let c = -1;
  for (const b of d) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return ~c >>> 0;
}

describe('CRC-32', () => {
  it('the check value, and the bytewise checksum of any bytes in any pieces', () => {
    expect(~crc32Update(-1, new TextEncoder().encode('123456789')) >>> 0).toBe(0xcbf43926);
    expect(~crc32Update(-1, new Uint8Array(0)) >>> 0).toBe(0);
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.array(fc.nat(300), { maxLength: 5 }), (data, cuts) => {
        let c = -1;
        let at = 0;
        for (const cut of [...cuts.map((x) => Math.min(x, data.length))].sort((a, b) => a - b)) {
          c = crc32Update(c, data.subarray(at, Math.max(at, cut)));
          at = Math.max(at, cut);
        }
        c = crc32Update(c, data.subarray(at));
        expect(~c >>> 0).toBe(bytewise(data));
        expect(~c >>> 0).toBe(crc32(data));
      }),
      { numRuns: 1000 },
    );
  });

  it("every part of a streamed zip carries its checksum (the platform's CRC-32)", async () => {
    await checkZip(ZipOut);
  });

  it("every part of a streamed zip carries its checksum (without the platform's, eight bytes a step)", async () => {
    const proc = process as { getBuiltinModule?: unknown };
    const had = proc.getBuiltinModule;
    proc.getBuiltinModule = () => undefined;
    try {
      vi.resetModules();
      const fresh = await import('../src/xlsx/zip-out.js');
      await checkZip(fresh.ZipOut);
    } finally {
      proc.getBuiltinModule = had;
      vi.resetModules();
    }
  });
});

/** Writes three parts in pieces and reads each one's CRC-32 back from the central directory. */
async function checkZip(Out: typeof ZipOut): Promise<void> {
  const chunks: Uint8Array[] = [];
  const zip = new Out({ write: (c) => chunks.push(c) });
  const parts: Record<string, Uint8Array> = {
    'small.xml': new TextEncoder().encode('<a>Khối</a>'),
    'large.xml': new TextEncoder().encode('<row r="1"><c r="A1"><v>89.83</v></c></row>'.repeat(20_000)),
    'empty.xml': new Uint8Array(0),
  };
  for (const [name, data] of Object.entries(parts)) {
    const e = zip.open(name);
    // In pieces, as a sheet is written.
    for (let at = 0; at < data.length; at += 100_000) e.write(data.subarray(at, at + 100_000));
    e.end();
  }
  await zip.finish();
  const bytes = Buffer.concat(chunks);
  expect(Object.keys(unzipSync(bytes))).toEqual(Object.keys(parts));
  // The central directory's records: name and CRC-32 of each part.
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = bytes.readUInt32LE(end + 16);
  const seen: Record<string, number> = {};
  for (let i = 0; i < bytes.readUInt16LE(end + 10); i++) {
    expect(bytes.readUInt32LE(at)).toBe(0x02014b50);
    const nameLength = bytes.readUInt16LE(at + 28);
    seen[bytes.toString('utf8', at + 46, at + 46 + nameLength)] = bytes.readUInt32LE(at + 16);
    at += 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  expect(seen).toEqual(Object.fromEntries(Object.entries(parts).map(([name, data]) => [name, crc32(data)])));
}
