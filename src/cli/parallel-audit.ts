/**
 * The audit CSV of `parindex score --format xlsx` written by a worker thread while the main thread
 * writes the workbook (on a national round each is seconds of work; a machine has two cores or more).
 *
 * The worker (`audit-worker.ts`, built beside `cli.js`) reads the framework and units itself (small
 * files), is sent the input matrix the main thread read and scored and the order of the scored
 * units (`audit-inputs.ts`: no evidence is read twice, nothing is scored twice), and writes the audit
 * with `writeAuditCsv` as the main thread would, straight into the staged CSV: the main thread stages the
 * file and hands its descriptor over (`StagedOutput.handOff`), the worker writes its 1 MiB chunks
 * there (what it made before the file was handed over waits in the worker), and the main thread
 * commits the file with the workbook once the worker says it is done. (Sending 200 MB of chunks to a
 * main thread busy with the workbook queued them in its memory: a national run took a second longer
 * and 250 MB more.) The worker sends a digest of the framework and units it read (`roundShape`):
 * unless it equals the main thread's, a file changed between the two reads and the run stops with
 * `unreadable-file/changed` (nothing is written).
 *
 * Used when the built worker exists (not when the CLI runs from its sources, as in tests of the
 * sequential path) and the evidence is large enough to repay a second thread
 * ({@link WORKER_EVIDENCE_BYTES}); `PARINDEX_AUDIT_WORKER=0` never uses it, `=1` always does.
 */
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { InputMatrix } from '../criteria/inputs.js';
import { inputsMessage } from './audit-inputs.js';
import type { AuditedRound } from '../xlsx/audit-csv.js';
import { type Issue, ParIndexError, problem } from '../errors.js';
import type { Lang } from '../i18n/lang.js';
import type { FileSource } from '../node/file-hash.js';
import type { StagedOutput } from '../node/output.js';
import type { ScoreCliOptions } from './options.js';

/** What the worker is given: the options it reads the round's framework and units with, and the CSV's style. */
export interface AuditWorkerData {
  /** `previous`: last year's results (hashed for the report, as the main thread would). */
  options: ScoreCliOptions & { audit?: string; previous?: string };
  lang: Lang;
  csvStyle?: ScoreCliOptions['csvStyle'];
  bom?: boolean;
}

/** What the worker sends. */
export type AuditWorkerMessage =
  | { kind: 'digest'; digest: string }
  /** The inputs' hashes for the published report (`source-inputs.ts`), made while the main thread reads. */
  | { kind: 'sources'; sources: FileSource[] }
  | { kind: 'progress'; done: number; total: number }
  | { kind: 'done'; bytes: number }
  /** `writeCode`: writing the file failed with this system error code (ENOSPC, …). */
  | { kind: 'failed'; issues?: Issue[]; message: string; stack?: string; writeCode?: string };

/** What the worker is sent: the descriptor of the staged CSV it writes its audit into. */
export type AuditWorkerOrder = { kind: 'write'; fd: number };

/**
 * Evidence bytes from which a second thread for the audit (its start, a copy of the matrix) repays itself: with
 * `--audit csv`, 8 MiB (a few hundred thousand rows); by default, where the audit goes to a CSV only
 * past an Excel sheet's rows, 24 MiB (about 800,000 rows of evidence: a round that may pass them).
 */
export const WORKER_EVIDENCE_BYTES = { csv: 8 << 20, auto: 24 << 20 };

/** The built worker's file, when it exists beside this module's bundle. */
function workerFile(): string | undefined {
  const url = new URL('./audit-worker.js', import.meta.url);
  if (url.protocol !== 'file:') return undefined;
  const path = fileURLToPath(url);
  return existsSync(path) ? path : undefined;
}

/** True when the options' evidence files hold enough bytes to start the worker (or the environment says so). */
function worthAWorker(o: ScoreCliOptions & { audit?: string }): boolean {
  const env = process.env.PARINDEX_AUDIT_WORKER;
  if (env === '0') return false;
  if (env === '1') return true;
  let bytes = 0;
  for (const f of o.evidence ?? []) bytes += statSync(f, { throwIfNoEntry: false })?.size ?? 0;
  return bytes >= (o.audit === 'csv' ? WORKER_EVIDENCE_BYTES.csv : WORKER_EVIDENCE_BYTES.auto);
}

/** An audit being written by a worker: its chunks go to a staged CSV once one is given. */
export interface AuditInWorker {
  /**
   * Hands the staged `sink` to the worker, which writes its audit there, and resolves once the
   * worker is done and the digest it sent equals `digest` (`roundShape` of the main thread's round); rejects with
   * the worker's error. Commit or abort `sink` only after this settles and {@link AuditInWorker.stop}.
   */
  writeTo(sink: StagedOutput, digest: string, progress?: (done: number, total: number) => void): Promise<void>;
  /** The input files' hashes the worker made (undefined when it failed first: hash them here). */
  sources(): Promise<FileSource[] | undefined>;
  /** Sends the worker the input matrix the main thread read and scored (copied: the main thread keeps it) and the order of `result`'s units. */
  give(inputs: InputMatrix, result: AuditedRound): void;
  /** Ends the worker (its audit is not needed, or the run failed); resolves once its thread has stopped. */
  stop(): Promise<void>;
}

/**
 * Starts the worker for an audit CSV, as early as possible (it reads the files while the main thread
 * does); undefined when no worker is to be used.
 */
export function startAuditWorker(data: AuditWorkerData): AuditInWorker | undefined {
  const file = workerFile();
  if (!file || !worthAWorker(data.options)) return undefined;
  let worker: Worker;
  try {
    worker = new Worker(file, { workerData: data });
  } catch {
    return undefined; // options that cannot be sent (none are known): the main thread writes the audit
  }
  // Until a sink is given, the messages wait; then each is handled as it comes.
  const waiting: AuditWorkerMessage[] = [];
  let handle: ((m: AuditWorkerMessage) => void) | undefined;
  let ended: Error | undefined;
  let onEnd: ((e: Error) => void) | undefined;
  const end = (e: Error) => {
    ended ??= e;
    onEnd?.(ended);
  };
  let gotSources: (s: FileSource[] | undefined) => void = () => undefined;
  const sources = new Promise<FileSource[] | undefined>((resolve) => (gotSources = resolve));
  worker.on('message', (m: AuditWorkerMessage) => {
    if (m.kind === 'sources') return gotSources(m.sources);
    if (m.kind === 'failed') gotSources(undefined);
    return handle ? handle(m) : waiting.push(m);
  });
  worker.on('error', (e) => {
    gotSources(undefined);
    end(e);
  });
  worker.on('exit', (code) => {
    gotSources(undefined);
    end(new Error(`parindex: the audit worker stopped (exit ${code}) before its audit was whole`));
  });
  let stopped = false;
  return {
    sources: () => sources,
    give(inputs, result) {
      if (!stopped) worker.postMessage(inputsMessage(inputs, result));
    },
    async writeTo(sink, digest, progress) {
      if (!sink.handOff) throw new Error('parindex: the audit worker writes only into a staged file');
      const { fd, fault } = await sink.handOff();
      worker.postMessage({ kind: 'write', fd } satisfies AuditWorkerOrder);
      return new Promise<void>((resolve, reject) => {
        let theirs: string | undefined;
        let settled = false;
        const fail = (e: unknown) => {
          if (settled) return;
          settled = true;
          reject(e);
        };
        onEnd = fail;
        handle = (m) => {
          if (settled) return;
          switch (m.kind) {
            case 'digest':
              theirs = m.digest;
              if (theirs !== digest) fail(new ParIndexError({ file: data.options.evidence?.join(', ') ?? data.options.framework, ...problem('unreadable-file/changed') }));
              break;
            case 'progress':
              progress?.(m.done, m.total);
              break;
            case 'done':
              if (theirs !== digest) return fail(new Error('parindex: the audit worker finished without a digest of its inputs'));
              settled = true;
              resolve();
              break;
            case 'failed': {
              if (m.issues) return fail(new ParIndexError(m.issues));
              if (m.writeCode !== undefined) return fail(fault(m.writeCode, m.message));
              const e = new Error(m.message);
              if (m.stack) e.stack = m.stack;
              fail(e);
            }
          }
        };
        for (const m of waiting.splice(0)) handle(m);
        if (ended && !settled) fail(ended);
      });
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      handle = () => undefined;
      onEnd = undefined;
      await worker.terminate();
    },
  };
}
