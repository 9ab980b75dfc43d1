/**
 * A file written in pieces (`stageOutput`, the CLI's workbooks and audit CSV): texts are encoded
 * straight into a 1 MiB buffer and bytes copied into it, or sent on their own when large; whatever
 * the mix of sizes, the file holds exactly the pieces in order, and nothing until committed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stageOutput } from '../src/node/output.js';
import { SeededRandom } from '../src/testing/random.js';
import { tempDir } from './support/xlsx.js';

const dir = tempDir('parindex-staged-');

describe('staged output', () => {
  it('holds every piece in order: short and long texts (ASCII, Vietnamese, emoji), small and large byte arrays', async () => {
    const rng = new SeededRandom(5);
    const short = ['a', 'Chỉ số CCHC', '😀', 'x'.repeat(1000)];
    // Past the buffer once encoded (3 bytes each), and past it as text.
    const long = ['đ'.repeat(400_000), 'b'.repeat(1_200_000)];
    const pieces: (string | Uint8Array)[] = [];
    for (let i = 0; i < 400; i++) {
      const rare = rng.int(0, 9) === 0;
      if (rng.int(0, 1) === 0) pieces.push(rare ? long[i % 2] : short[i % 4]);
      else pieces.push(new Uint8Array(rare ? 700_000 : rng.int(0, 40)).fill(65 + (i % 26)));
    }
    const path = join(dir, 'pieces.txt');
    const out = await stageOutput(path);
    for (const p of pieces) {
      out.write(p);
      if (rng.int(0, 20) === 0) await out.ready();
    }
    expect(existsSync(path)).toBe(false);
    await out.commit();
    const want = Buffer.concat(pieces.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : p)));
    const got = readFileSync(path);
    expect(got.length).toBe(want.length);
    expect(got.equals(want)).toBe(true);
  });
});
