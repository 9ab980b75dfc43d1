/**
 * Files around --out (issue: hardening). 0.1 replaced a symlink by a regular file, replaced a FIFO,
 * would have replaced /dev/stdout as root, brought a 0600 file back 0644, overwrote a read-only file,
 * broke hard links, left its temp file beside the output on Ctrl-C, and failed a legal 240-byte name
 * only at the end (the temp name was longer than 255 bytes).
 */
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, linkSync, lstatSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../src/node/output.js';

const fresh = () => mkdtempSync(join(tmpdir(), 'parindex-outfiles-'));
const code = async (p: Promise<unknown>) => p.then(() => 'ok').catch((e: { code?: string; message?: string }) => `${e.code}: ${e.message}`);

describe('writing --out', () => {
  it('writes through a symlink to its target; the link stays a link', async () => {
    const dir = fresh();
    writeFileSync(join(dir, 'target.csv'), 'old');
    symlinkSync(join(dir, 'target.csv'), join(dir, 'link.csv'));
    await writeFileAtomic(join(dir, 'link.csv'), 'new');
    expect(lstatSync(join(dir, 'link.csv')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, 'link.csv'))).toBe(join(dir, 'target.csv'));
    expect(readFileSync(join(dir, 'target.csv'), 'utf8')).toBe('new');
  });
  it('refuses a FIFO and a device', async () => {
    const dir = fresh();
    execFileSync('mkfifo', [join(dir, 'pipe')]);
    expect(await code(writeFileAtomic(join(dir, 'pipe'), 'x'))).toMatch(/^cannot-write: .*named pipe/);
    expect(lstatSync(join(dir, 'pipe')).isFIFO()).toBe(true);
    expect(await code(writeFileAtomic('/dev/null', 'x'))).toMatch(/^cannot-write: .*device/);
  });
  it("keeps an existing file's mode; refuses a read-only file and one with other hard links", async () => {
    const dir = fresh();
    writeFileSync(join(dir, 'private.json'), '{}');
    chmodSync(join(dir, 'private.json'), 0o600);
    await writeFileAtomic(join(dir, 'private.json'), '[]');
    expect(statSync(join(dir, 'private.json')).mode & 0o777).toBe(0o600);
    writeFileSync(join(dir, 'ro.csv'), 'keep');
    chmodSync(join(dir, 'ro.csv'), 0o444);
    expect(await code(writeFileAtomic(join(dir, 'ro.csv'), 'x'))).toMatch(/^cannot-write: .*read-only/);
    expect(readFileSync(join(dir, 'ro.csv'), 'utf8')).toBe('keep');
    writeFileSync(join(dir, 'a.csv'), 'keep');
    linkSync(join(dir, 'a.csv'), join(dir, 'b.csv'));
    expect(await code(writeFileAtomic(join(dir, 'a.csv'), 'x'))).toMatch(/^cannot-write: .*hard link/);
  });
  it('a legal 240-byte name is written (the temp name fits too)', async () => {
    const dir = fresh();
    const name = 'kết-quả-chỉ-số-cchc-';
    const long = join(dir, `${name}${'x'.repeat(240 - Buffer.byteLength(name) - 4)}.csv`);
    expect(Buffer.byteLength(long.split('/').pop()!)).toBe(240);
    await writeFileAtomic(long, 'ok');
    expect(readFileSync(long, 'utf8')).toBe('ok');
  });
  it('Ctrl-C while writing leaves no temp file behind', async () => {
    const dir = fresh();
    const url = new URL('../dist/node.js', import.meta.url).href; // the built package (npm test builds first)
    // A child process writes 400 MB (slow enough to be interrupted) and is sent SIGINT mid-way.
    const script = `const { writeFileAtomic } = await import(${JSON.stringify(url)}); process.stdout.write('go\\n'); await writeFileAtomic(${JSON.stringify(join(dir, 'big.bin'))}, new Uint8Array(400 * 1024 * 1024));`;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    await new Promise((r) => setTimeout(r, 150));
    child.kill('SIGINT');
    const exit = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    expect(exit).toBe(130);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
