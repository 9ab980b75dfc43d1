/**
 * The worker of `parallel-audit.ts` (built as `dist/audit-worker.js`): reads and scores the round of
 * the options it is given, as `parindex score` does, and writes its audit CSV in chunks moved to the
 * main thread; sends the digest of the input matrix it read first, and any error as data.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { unitLabels } from '../criteria/unit-labels.js';
import { ParIndexError } from '../errors.js';
import { loadRound } from '../node/round.js';
import { scoreMatrix } from '../scoring/score.js';
import { writeAuditCsv } from '../xlsx/audit-csv.js';
import { applySipasOptions } from './commands/sipas.js';
import { scoreOptionsOf } from './options.js';
import { type AuditWorkerData, type AuditWorkerMessage, inputsDigest } from './parallel-audit.js';

async function run(port: NonNullable<typeof parentPort>, data: AuditWorkerData): Promise<void> {
  const send = (m: AuditWorkerMessage, moved?: ArrayBuffer[]) => port.postMessage(m, moved);
  const o = data.options;
  const round = await loadRound({ framework: o.framework!, units: o.units!, evidence: o.evidence, survey: o.survey }, { decimalComma: o.decimalComma, sources: true });
  await applySipasOptions(round, o);
  const result = scoreMatrix(round.framework, round.units, round.inputs, scoreOptionsOf(o));
  send({ kind: 'digest', digest: inputsDigest(round.inputs) });
  await writeAuditCsv(
    result,
    round.inputs,
    { lang: data.lang, csvStyle: data.csvStyle, bom: data.bom, labels: unitLabels(round.units), progress: (done, total) => send({ kind: 'progress', done, total }) },
    {
      write(bytes) {
        // The writer never touches a chunk's buffer again (each chunk starts a buffer of its own):
        // the buffer is moved with the chunk, not copied; a chunk inside another's buffer is copied.
        const own = bytes.byteOffset === 0 && bytes.buffer instanceof ArrayBuffer ? bytes : bytes.slice();
        send({ kind: 'chunk', bytes: own }, [own.buffer as ArrayBuffer]);
      },
      ready: async () => undefined,
    },
  );
  send({ kind: 'done' });
}

if (parentPort) {
  const port = parentPort;
  run(port, workerData as AuditWorkerData).catch((e: unknown) => {
    const failed: AuditWorkerMessage = e instanceof ParIndexError ? { kind: 'failed', issues: e.issues, message: e.message } : { kind: 'failed', message: String((e as Error)?.message ?? e), stack: (e as Error)?.stack };
    port.postMessage(failed);
  });
}
