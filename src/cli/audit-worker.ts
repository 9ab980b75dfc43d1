/**
 * The worker of `parallel-audit.ts` (built as `dist/audit-worker.js`): reads and scores the round of
 * the options it is given, as `parindex score` does, and writes its audit CSV into the staged file
 * whose descriptor the main thread sends; sends the digest of the input matrix it read first, and any
 * error as data.
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
import { HandedFile, WriteFailed } from './handed-file.js';

async function run(port: NonNullable<typeof parentPort>, data: AuditWorkerData): Promise<void> {
  const send = (m: AuditWorkerMessage) => port.postMessage(m);
  const o = data.options;
  const round = await loadRound({ framework: o.framework!, units: o.units!, evidence: o.evidence, survey: o.survey }, { decimalComma: o.decimalComma, sources: true });
  await applySipasOptions(round, o);
  const result = scoreMatrix(round.framework, round.units, round.inputs, scoreOptionsOf(o));
  send({ kind: 'digest', digest: inputsDigest(round.inputs) });
  // The writer never touches a chunk again once written: one made before the file came may wait as it is.
  const file = new HandedFile(port);
  await writeAuditCsv(result, round.inputs, { lang: data.lang, csvStyle: data.csvStyle, bom: data.bom, labels: unitLabels(round.units), progress: (done, total) => send({ kind: 'progress', done, total }) }, file);
  await file.opened();
  file.sync();
  send({ kind: 'done', bytes: file.written });
}

if (parentPort) {
  const port = parentPort;
  run(port, workerData as AuditWorkerData).catch((e: unknown) => {
    const failed: AuditWorkerMessage =
      e instanceof ParIndexError
        ? { kind: 'failed', issues: e.issues, message: e.message }
        : e instanceof WriteFailed
          ? { kind: 'failed', message: e.message, writeCode: e.code }
          : { kind: 'failed', message: String((e as Error)?.message ?? e), stack: (e as Error)?.stack };
    port.postMessage(failed);
  });
}
