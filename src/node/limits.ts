/**
 * The bounds on what one run reads (docs/spec.md §6, README "Resource limits"): generous defaults far
 * above any real round, each raised or lowered with `--limit key=value`. Crossing one is a located
 * `limit-exceeded` error the moment it happens, never an exhausted memory or a hang.
 *
 * | key | default | bounds |
 * |---|---|---|
 * | `file-bytes` | 500 MiB | bytes of one CSV, JSON or xlsx input file (CSV and JSON are read whole) |
 * | `columns` | 16,384 | highest column of a workbook cell (XFD) |
 * | `rows` | 1,048,576 | highest workbook row |
 * | `cells` | 100,000,000 | cells one workbook read handles |
 * | `shared-strings` | 10,000,000 | shared strings of a workbook |
 * | `xlsx-bytes` | 2 GiB | uncompressed bytes of the workbook parts read |
 *
 * SIPAS forms are streamed, so their size is unbounded; one cell of a form stops at 1 MiB and one
 * line at 16,384 cells (src/sipas/tokenizer.ts).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { DEFAULT_XLSX_LIMITS, type XlsxLimits } from '../xlsx/read.js';

/** The limits of a run. */
export interface InputLimits {
  /** Most bytes of one input file. */
  fileBytes: number;
  /** The workbook reader's limits. */
  xlsx: XlsxLimits;
}

/** 500 MiB: below the longest string Node can make (a CSV or JSON file is decoded as one text). */
export const DEFAULT_FILE_BYTES = 500 * 1024 * 1024;

/** The `--limit` keys and what each sets. */
export const LIMIT_KEYS = ['file-bytes', 'columns', 'rows', 'cells', 'shared-strings', 'xlsx-bytes'] as const;

/** One `--limit` key. */
export type LimitKey = (typeof LIMIT_KEYS)[number];

const XLSX_FIELD: Record<Exclude<LimitKey, 'file-bytes'>, keyof XlsxLimits> = {
  columns: 'maxColumns',
  rows: 'maxRows',
  cells: 'maxCells',
  'shared-strings': 'maxSharedStrings',
  'xlsx-bytes': 'maxBytes',
};

/** The defaults. */
export function defaultLimits(): InputLimits {
  return { fileBytes: DEFAULT_FILE_BYTES, xlsx: { ...DEFAULT_XLSX_LIMITS } };
}

let current: InputLimits = defaultLimits();
/** Limits of one library call (`loadRound(paths, { limits })`), for the reads it makes. */
const scoped = new AsyncLocalStorage<InputLimits>();

/** The limits in force: a library call's own, else the run's (the defaults unless the CLI set others). */
export function inputLimits(): InputLimits {
  return scoped.getStore() ?? current;
}

/** The limits a library caller may set, by the names of {@link XlsxLimits} plus `fileBytes`. */
export interface LimitsOption extends Partial<XlsxLimits> {
  /** Most bytes of one input file (default 500 MiB). */
  fileBytes?: number;
}

/** Runs `fn` (and the reads it makes) with `limits` over the run's. */
export function withInputLimits<T>(limits: LimitsOption | undefined, fn: () => Promise<T>): Promise<T> {
  if (limits === undefined) return fn();
  const base = inputLimits();
  const { fileBytes, ...xlsx } = limits;
  return scoped.run({ fileBytes: fileBytes ?? base.fileBytes, xlsx: { ...base.xlsx, ...xlsx } }, fn);
}

/** Limits with `changes` applied (keys already checked). */
export function withLimits(changes: ReadonlyMap<LimitKey, number>): InputLimits {
  const out = defaultLimits();
  for (const [key, value] of changes) {
    if (key === 'file-bytes') out.fileBytes = value;
    else out.xlsx[XLSX_FIELD[key]] = value;
  }
  return out;
}

/** Sets the limits for this run (the CLI, from `--limit`); `undefined` restores the defaults. */
export function setInputLimits(limits: InputLimits | undefined): void {
  current = limits ?? defaultLimits();
}
