/**
 * The worker of `parallel-audit.ts` (built as `dist/audit-worker.js`): reads the framework and units
 * of the options it is given and sends a digest of them (`roundShape`), takes the input matrix the
 * main thread read and scored with the order of the scored units (`audit-inputs.ts`), and writes its
 * audit CSV into the staged file whose descriptor the main thread sends; any error goes as data.
 */
import { once } from 'node:events';
import { parentPort, workerData } from 'node:worker_threads';
import { unitLabels } from '../criteria/unit-labels.js';
import { ParIndexError } from '../errors.js';
import { fileSources } from '../node/file-hash.js';
import { loadUnits } from '../node/files.js';
import { loadFrameworkOrBuiltin } from '../node/round.js';
import { writeAuditCsv } from '../xlsx/audit-csv.js';
import { auditedRound, type InputsMessage, matrixOf, roundShape } from './audit-inputs.js';
import { HandedFile, WriteFailed } from './handed-file.js';
import { sourceInputs } from './source-inputs.js';
import type { AuditWorkerData, AuditWorkerMessage } from './parallel-audit.js';

async function run(port: NonNullable<typeof parentPort>, data: AuditWorkerData): Promise<void> {
  const send = (m: AuditWorkerMessage) => port.postMessage(m);
  const o = data.options;
  const framework = await loadFrameworkOrBuiltin(o.framework!, { decimalComma: o.decimalComma });
  const units = await loadUnits(o.units!);
  send({ kind: 'digest', digest: roundShape(framework, units) });
  // The report's hashes of the input files, made while the main thread reads the round.
  send({ kind: 'sources', sources: await fileSources(sourceInputs(o)) });
  // The main thread's matrix (SIPAS scores already in it) comes once it has read and scored the round.
  const [m] = (await once(port, 'message')) as [InputsMessage];
  if (m?.kind !== 'inputs') throw new Error(`parindex: the audit worker expected the inputs, not ${String(m?.kind)}`);
  const inputs = matrixOf(framework, units, m);
  const result = auditedRound(framework, units, m);
  // The writer never touches a chunk again once written: one made before the file came may wait as it is.
  const file = new HandedFile(port);
  await writeAuditCsv(result, inputs, { lang: data.lang, csvStyle: data.csvStyle, bom: data.bom, labels: unitLabels(units), progress: (done, total) => send({ kind: 'progress', done, total }) }, file);
  await file.opened();
  await file.sync();
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
