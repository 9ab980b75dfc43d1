/**
 * The audit worker's sink (`audit-worker.ts`): the staged CSV the main thread hands over by its
 * descriptor (`StagedOutput.handOff`, a message on `port`). Bytes the writer makes before the
 * descriptor comes wait here; then every chunk is written with `writeSync`, in order.
 */
import { once } from 'node:events';
import { fsyncSync, writeSync } from 'node:fs';
import { type MessagePort, receiveMessageOnPort } from 'node:worker_threads';
import type { AuditWorkerOrder } from './parallel-audit.js';

/** Bytes made before the file is handed over that may wait here before the writer waits for it. */
const WAITING_BYTES = 32 << 20;

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
 * (up to {@link WAITING_BYTES}, then the writer waits); then every chunk is written at once, in order.
 */
export class HandedFile {
  #fd: number | undefined;
  readonly #waiting: Uint8Array[] = [];
  #waitingBytes = 0;
  written = 0;

  /** `waitingLimit`: bytes that may wait for the descriptor before {@link HandedFile.ready} waits for it. */
  constructor(
    private readonly port: MessagePort,
    private readonly waitingLimit = WAITING_BYTES,
  ) {}

  write(bytes: Uint8Array): void {
    if (this.#fd === undefined) this.#poll();
    if (this.#fd === undefined) {
      this.#waiting.push(bytes);
      this.#waitingBytes += bytes.length;
    } else this.#write(bytes);
  }

  async ready(): Promise<void> {
    if (this.#fd === undefined && this.#waitingBytes >= this.waitingLimit) await this.opened();
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
  sync(): void {
    try {
      fsyncSync(this.#fd!);
    } catch (e) {
      throw new WriteFailed((e as NodeJS.ErrnoException).code, (e as Error).message);
    }
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
      throw new WriteFailed((e as NodeJS.ErrnoException).code, (e as Error).message);
    }
    this.written += bytes.length;
  }
}
