/**
 * The audit worker's sink (src/cli/handed-file.ts): bytes made before the staged file's descriptor
 * comes wait, in order, and are written when it comes; past the limit the writer waits for it; a
 * failed write is a WriteFailed with the system's code (the main thread words it as cannot-write);
 * what is written is flushed to disk in the background as it goes, and a failed flush is reported.
 */
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { HandedFile, WriteFailed } from '../src/cli/handed-file.js';

const dir = mkdtempSync(join(tmpdir(), 'parindex-handed-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const bytes = (s: string) => new TextEncoder().encode(s);

/** A file of `dir` (made empty, then opened with `flags`) and a channel for a HandedFile on `port1`; both closed after `body`. */
async function withFile(name: string, flags: 'w' | 'r', body: (t: { path: string; fd: number; port1: MessagePort; port2: MessagePort }) => Promise<void>): Promise<void> {
  const path = join(dir, name);
  writeFileSync(path, '');
  const fd = openSync(path, flags);
  const { port1, port2 } = new MessageChannel();
  try {
    await body({ path, fd, port1, port2 });
  } finally {
    closeSync(fd);
    port1.close();
  }
}

/** What `p` rejects with (undefined when it resolves). */
const rejection = (p: Promise<unknown>): Promise<unknown> =>
  p.then(
    () => undefined,
    (x: unknown) => x,
  );

describe('HandedFile', () => {
  it('keeps what was made before the descriptor came and writes everything in order', async () => {
    await withFile('a.csv', 'w', async ({ path, fd, port1, port2 }) => {
      const f = new HandedFile(port1);
      f.write(bytes('ma,'));
      f.write(bytes('điểm\r\n'));
      await f.ready(); // under the limit: no wait
      expect(readFileSync(path).length).toBe(0);
      port2.postMessage({ kind: 'something else' });
      port2.postMessage({ kind: 'write', fd });
      // The next write sees the descriptor (no turn of the event loop needed).
      f.write(bytes('x1,9.5\r\n'));
      expect(readFileSync(path, 'utf8')).toBe('ma,điểm\r\nx1,9.5\r\n');
      await f.opened();
      f.write(bytes('x2,10\r\n'));
      expect(readFileSync(path, 'utf8')).toBe('ma,điểm\r\nx1,9.5\r\nx2,10\r\n');
      expect(f.written).toBe(Buffer.byteLength('ma,điểm\r\nx1,9.5\r\nx2,10\r\n'));
    });
  });

  it('waits for the descriptor once more than its limit waits, then writes it all', async () => {
    await withFile('b.csv', 'w', async ({ path, fd, port1, port2 }) => {
      const f = new HandedFile(port1, { waitingLimit: 8 });
      f.write(bytes('0123456789'));
      let ready = false;
      const waiting = f.ready().then(() => (ready = true));
      await new Promise((r) => setTimeout(r, 20));
      expect(ready).toBe(false);
      port2.postMessage({ kind: 'write', fd });
      await waiting;
      expect(readFileSync(path, 'utf8')).toBe('0123456789');
      expect(f.written).toBe(10);
    });
  });

  it('turns a failed write into WriteFailed with the system code', async () => {
    // Opened for reading only: a write is EBADF.
    await withFile('c.csv', 'r', async ({ fd, port1, port2 }) => {
      const f = new HandedFile(port1);
      f.write(bytes('row\r\n'));
      port2.postMessage({ kind: 'write', fd });
      const e = await rejection(f.opened());
      expect(e).toBeInstanceOf(WriteFailed);
      expect((e as WriteFailed).code).toBe('EBADF');
    });
  });

  it('flushes to disk in the background every few bytes, one flush at a time, and syncs the rest at the end', async () => {
    // A flush ends in a later turn of the event loop, as fs.fdatasync's callback does.
    const pending: ((e: NodeJS.ErrnoException | null) => void)[] = [];
    const finish = () => {
      const done = pending.shift()!;
      setImmediate(() => done(null));
    };
    await withFile('d.csv', 'w', async ({ path, fd, port1, port2 }) => {
      const f = new HandedFile(port1, { syncEvery: 10, datasync: (_fd, done) => pending.push(done) });
      port2.postMessage({ kind: 'write', fd });
      await f.opened();
      f.write(bytes('0123456789')); // 10 bytes: a flush begins
      f.write(bytes('abcdefghij')); // another 10 while it is under way: none more
      expect(f.flushes).toBe(1);
      finish();
      f.write(bytes('ABCDEFGHIJ')); // its end not yet seen (the writer gave no turn): still one
      expect(f.flushes).toBe(1);
      await f.ready(); // a turn of the event loop: the flush's end is seen
      f.write(bytes('klmnopqrst'));
      expect(f.flushes).toBe(2);
      const synced = f.sync(); // waits for the flush under way, then syncs
      let done = false;
      void synced.then(() => (done = true));
      await new Promise((r) => setImmediate(r));
      expect(done).toBe(false);
      finish();
      await synced;
      expect(readFileSync(path, 'utf8')).toBe('0123456789abcdefghijABCDEFGHIJklmnopqrst');
    });
  });

  it('reports a background flush that failed as WriteFailed with its code, at the next wait and at the sync', async () => {
    await withFile('e.csv', 'w', async ({ fd, port1, port2 }) => {
      const f = new HandedFile(port1, { syncEvery: 4, datasync: (_fd, done) => setImmediate(() => done(Object.assign(new Error('EIO: i/o error, fdatasync'), { code: 'EIO' }))) });
      port2.postMessage({ kind: 'write', fd });
      await f.opened();
      f.write(bytes('rows\r\n'));
      expect(f.flushes).toBe(1);
      await new Promise((r) => setTimeout(r, 5)); // the flush has failed
      // The writer is stopped at its next wait…
      const stopped = await rejection(f.ready());
      expect(stopped).toBeInstanceOf(WriteFailed);
      expect((stopped as WriteFailed).code).toBe('EIO');
      // …and the sync says so too.
      const e = await rejection(f.sync());
      expect(e).toBeInstanceOf(WriteFailed);
      expect((e as WriteFailed).code).toBe('EIO');
    });
  });
});
