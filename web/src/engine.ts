/**
 * The page's handle on its scoring worker: one request at a time per reply id, progress passed to
 * the caller, and `cancel()` terminating the worker (its work and its last result are dropped; a
 * fresh worker is started on the next request).
 */
import type { FromWorker, ToWorker } from './protocol.js';

type Reply = Exclude<FromWorker, { t: 'progress' }>;
type Progress = Extract<FromWorker, { t: 'progress' }>;
type Pending = { resolve: (m: Reply) => void; reject: (e: Error) => void; progress?: (p: Progress) => void };

/** Raised for requests cut short by `cancel()`. */
export class Cancelled extends Error {}

/** Distributes a request type over the ToWorker union so the reply id can be left out. */
type Request = ToWorker extends infer T ? (T extends { rid: number } ? Omit<T, 'rid'> : never) : never;

export class Engine {
  #worker: Worker | undefined;
  #pending = new Map<number, Pending>();
  #next = 1;

  #start(): Worker {
    if (this.#worker) return this.#worker;
    const w = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (ev: MessageEvent<FromWorker>) => {
      const m = ev.data;
      const p = this.#pending.get(m.rid);
      if (!p) return;
      if (m.t === 'progress') return p.progress?.(m);
      this.#pending.delete(m.rid);
      p.resolve(m);
    };
    w.onerror = (ev) => {
      for (const p of this.#pending.values()) p.reject(new Error(ev.message || 'worker error'));
      this.#pending.clear();
    };
    this.#worker = w;
    return w;
  }

  /** Sends a request; resolves with its reply (progress goes to `progress`). */
  request(msg: Request, progress?: (p: Progress) => void, transfer: Transferable[] = []): Promise<Reply> {
    const rid = this.#next++;
    const w = this.#start();
    return new Promise<Reply>((resolve, reject) => {
      this.#pending.set(rid, { resolve, reject, progress });
      w.postMessage({ ...msg, rid } as ToWorker, transfer);
    });
  }

  /** True while a worker holds a result (it was not cancelled since). */
  get started(): boolean {
    return this.#worker !== undefined;
  }

  /** Stops the worker at once; every pending request fails with {@link Cancelled}. */
  cancel(): void {
    this.#worker?.terminate();
    this.#worker = undefined;
    for (const p of this.#pending.values()) p.reject(new Cancelled('cancelled'));
    this.#pending.clear();
  }
}
