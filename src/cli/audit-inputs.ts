/**
 * The round as the main thread sends it to the audit worker (`parallel-audit.ts`): the input matrix
 * it read and scored — its arrays, the values past safe integers, and where each cell's evidence
 * reference stands (the byte reader's offsets and the files' stamps, or the texts) — and the order
 * of the scored units, so the worker reads no evidence again and scores nothing again. The worker
 * reads the small framework and units files itself; a digest of what it read of them
 * ({@link roundShape}) must equal the main thread's, else a file changed between the two reads and
 * the run stops with `unreadable-file/changed`.
 */
import type { Framework } from '../criteria/framework.js';
import type { SourceOffsets } from '../criteria/input-bytes.js';
import { type CellSource, InputMatrix } from '../criteria/inputs.js';
import type { Units } from '../criteria/units.js';
import type { FileStamp } from '../node/csv-stream.js';
import { FileSources } from '../node/file-sources.js';
import { Exact } from '../numbers/exact.js';
import type { AuditedRound } from '../xlsx/audit-csv.js';

/** An input matrix as a message (structured-cloned: typed arrays, plain objects, bigints). */
export interface InputsMessage {
  kind: 'inputs';
  present: Uint8Array;
  state: Uint8Array;
  scale: Uint8Array;
  value: Int32Array | Float64Array;
  /** Values past safe integers: cell side, numerator, denominator. */
  overflow: [number, bigint, bigint][];
  maxScale: number;
  maxMagnitude: number;
  /** Where the audit finds each cell's evidence reference and note. */
  sources: { offsets: SourceOffsets; stamps: readonly FileStamp[] } | { texts: Map<number, CellSource> };
  /** The scored result's units in its order, as indices into the units list (the worker need not score again). */
  order: Int32Array;
}

/**
 * The message of `inputs` and the order of `result`'s units: arrays in shared memory (`loadRound`'s
 * `shared`) are shared, others copied (never moved: the main thread keeps its round).
 */
export function inputsMessage(inputs: InputMatrix, result: AuditedRound): InputsMessage {
  const lookup = inputs.sourceLookup;
  const files = lookup instanceof FileSources ? lookup.where() : undefined;
  return {
    kind: 'inputs',
    present: inputs.present,
    state: inputs.state,
    scale: inputs.scale,
    value: inputs.value,
    overflow: [...inputs.overflow].map(([k, x]) => [k, x.num, x.den]),
    maxScale: inputs.maxScale,
    maxMagnitude: inputs.maxMagnitude,
    sources: files ?? { texts: inputs.sources },
    order: Int32Array.from(result.units, (u) => inputs.unitIndex.get(u.unit) ?? -1),
  };
}

/**
 * The round the audit reads, from the main thread's order of its units (`m.order`) over the units
 * the worker read (the same: {@link roundShape}).
 */
export function auditedRound(framework: Framework, units: Units, m: InputsMessage): AuditedRound {
  return {
    framework,
    units: Array.from(m.order, (i) => {
      const u = units.list[i];
      if (u === undefined) throw new Error(`parindex: the audit worker was sent no unit ${i}`);
      return { unit: u.id, name: u.name, group: u.group, rankGroup: u.rankGroup };
    }),
  };
}

/** The input matrix of a message, over the framework and units the worker read (the same shape: {@link roundShape}). */
export function matrixOf(framework: Framework, units: Units, m: InputsMessage): InputMatrix {
  const inputs = new InputMatrix(framework, units, { arrays: m });
  for (const [k, num, den] of m.overflow) inputs.overflow.set(k, Exact.of(num, den));
  inputs.maxScale = m.maxScale;
  inputs.maxMagnitude = m.maxMagnitude;
  if ('offsets' in m.sources) inputs.sourceLookup = new FileSources(m.sources.offsets, m.sources.stamps);
  else for (const [k, s] of m.sources.texts) inputs.sources.set(k, s);
  return inputs;
}

/**
 * A digest of what the audit reads of the framework and units: every criterion's code, title, place,
 * method, rule, parameters, maxima and groups, every unit's id, names, group and league.
 */
export function roundShape(framework: Framework, units: Units): string {
  const criteria = framework.criteria.map((c) => [c.code, c.title, c.parent ?? '', c.area, c.method, c.rule ?? '', c.paramsText, c.givenMax?.toString() ?? '', c.max.toString(), c.groups ? [...c.groups].sort() : null]);
  const list = units.list.map((u) => [u.id, u.name, u.group, u.rankGroup, u.groupName ?? null, u.rankGroupName ?? null]);
  const text = JSON.stringify([criteria, list]);
  // FNV-1a, 32 bits in two lanes, and the length (a change that keeps both needs a file changed just so).
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const x = text.charCodeAt(i);
    a = Math.imul(a ^ x, 0x01000193);
    b = Math.imul(b ^ x, 0x5bd1e995) ^ (b >>> 15);
  }
  return `${(a >>> 0).toString(16)}${(b >>> 0).toString(16)}:${text.length}`;
}
