/**
 * The audit worker's sink (`audit-worker.ts`): the staged CSV the main thread hands over by its
 * descriptor (`StagedOutput.handOff`, a message on `port`). Bytes the writer makes before the
 * descriptor comes wait here; then every chunk is written with `writeSync`, in order, and every
 * {@link SYNC_EVERY} bytes flushed to disk in the background (`fdatasync` on libuv's threads), so the
 * sync before the file is committed waits for the last few megabytes, not the whole file (a national
 * audit's 200 MB took 150 ms to sync at the end, with every thread of the run waiting).
 */
import { once } from 'node:events';
import { fdatasync, fsyncSync, writeSync } from 'node:fs';
import { type MessagePort, receiveMessageOnPort } from 'node:worker_threads';
import type { AuditWorkerOrder } from './parallel-audit.js';

/** Bytes made before the file is handed over that may wait here before the writer waits for it. */
const WAITING_BYTES = 32 << 20;

/** Bytes written between two background flushes to disk. */
export const SYNC_EVERY = 16 << 20;

/** What {@link HandedFile} may be given besides its port (tests give small sizes and a fake flush). */
export interface HandedFileOptions {
  /** Bytes made before the file is handed over that may wait before {@link HandedFile.ready} waits for it. */
  waitingLimit?: number;
  /** Bytes written between two background flushes. */
  syncEvery?: number;
  /** The background flush (`fs.fdatasync`). */
  datasync?: (fd: number, done: (e: NodeJS.ErrnoException | null) => void) => void;
}

/** A failed write to the staged file (its system error code goes to the main thread, which words it). */
export class WriteFailed extends Error {
  constructor(
    readonly code: string | undefined,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The staged CSV as the worker's sink: bytes made before the main thread sends its descriptor wait
 * (up to {@link WAITING_BYTES}, then the writer waits); then every chunk is written at once, in
 * order, and flushed to disk in the background every {@link SYNC_EVERY} bytes (a failed flush stops
 * the writer at its next wait, and {@link HandedFile.sync} reports it).
 */
export class HandedFile {
  #fd: number | undefined;
  readonly #waiting: Uint8Array[] = [];
  #waitingBytes = 0;
  written = 0;
  readonly #waitingLimit: number;
  readonly #syncEvery: number;
  readonly #datasync: NonNullable<HandedFileOptions['datasync']>;
  /** Bytes written since the last background flush began. */
  #unsynced = 0;
  /** The background flush under way (one at a time), resolved by its callback. */
  #syncing: Promise<void> | undefined;
  /** The first background flush that failed. */
  #syncFailure: NodeJS.ErrnoException | undefined;
  /** Background flushes begun (for tests). */
  flushes = 0;

  constructor(
    private readonly port: MessagePort,
    o: HandedFileOptions = {},
  ) {
    this.#waitingLimit = o.waitingLimit ?? WAITING_BYTES;
    this.#syncEvery = o.syncEvery ?? SYNC_EVERY;
    this.#datasync = o.datasync ?? fdatasync;
  }

  write(bytes: Uint8Array): void {
    if (this.#fd === undefined) this.#poll();
    if (this.#fd === undefined) {
      this.#waiting.push(bytes);
      this.#waitingBytes += bytes.length;
    } else this.#write(bytes);
  }

  async ready(): Promise<void> {
    if (this.#syncFailure) throw this.#failed(this.#syncFailure);
    if (this.#fd === undefined && this.#waitingBytes >= this.#waitingLimit) await this.opened();
    // A flush under way finishes in a callback: a turn of the event loop lets it come (the writer
    // between two waits never gives one), so that the next can begin.
    else if (this.#syncing) await new Promise((resolve) => setImmediate(resolve));
  }

  /** Resolves once the descriptor has come and what waited is written. */
  async opened(): Promise<void> {
    this.#poll();
    while (this.#fd === undefined) {
      this.#take((await once(this.port, 'message'))[0]);
      this.#poll();
    }
  }

  /** Takes the messages already sent, without waiting, until the descriptor is among them. */
  #poll(): void {
    while (this.#fd === undefined) {
      const m = receiveMessageOnPort(this.port);
      if (m === undefined) return;
      this.#take(m.message);
    }
  }

  /**
   * Flushes what was written to disk, here rather than in the main thread's commit (which syncs
   * again, then with nothing left to write): the worker is often done before the workbook.
   */
  async sync(): Promise<void> {
    await this.#syncing;
    try {
      if (this.#syncFailure) throw this.#syncFailure;
      fsyncSync(this.#fd!);
    } catch (e) {
      throw this.#failed(e);
    }
  }

  /** A system error of the file as the main thread is told it. */
  #failed(e: unknown): WriteFailed {
    return new WriteFailed((e as NodeJS.ErrnoException).code, (e as Error).message);
  }

  #take(m: AuditWorkerOrder | undefined): void {
    if (m?.kind !== 'write') return;
    this.#fd = m.fd;
    for (const b of this.#waiting.splice(0)) this.#write(b);
    this.#waitingBytes = 0;
  }

  #write(bytes: Uint8Array): void {
    try {
      for (let at = 0; at < bytes.length; ) at += writeSync(this.#fd!, bytes, at, bytes.length - at);
    } catch (e) {
      throw this.#failed(e);
    }
    this.written += bytes.length;
    this.#unsynced += bytes.length;
    if (this.#unsynced >= this.#syncEvery && this.#syncing === undefined && this.#syncFailure === undefined) this.#flush(this.#fd!);
  }

  /** Begins a background flush of what was written so far. */
  #flush(fd: number): void {
    this.#unsynced = 0;
    this.flushes++;
    let resolve!: () => void;
    this.#syncing = new Promise<void>((r) => (resolve = r));
    this.#datasync(fd, (e) => {
      if (e) this.#syncFailure ??= e;
      this.#syncing = undefined;
      resolve();
    });
  }
}
