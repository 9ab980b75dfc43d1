/**
 * Synthetic SIPAS response files (docs/spec.md §5): one row per form, `form,unit,q1_1…q5_4` in the
 * sipas-2017 shape (22 questions; factor 5, feedback, optional). Rows are produced one at a time
 * and written in fixed-size chunks, so a 5,000,000-form file costs the same memory as a 10-form one.
 */
import { surveyBuiltin } from '../sipas/builtins.js';
import { writeChunks } from './chunked-file.js';
import { SeededRandom } from './random.js';

const SIPAS_2017_QUESTIONS = surveyBuiltin('sipas-2017').questions;

/** The 22 question columns of sipas-2017, in file order (from the built-in definition). */
export const SIPAS_2017_COLUMNS: readonly string[] = SIPAS_2017_QUESTIONS.map((q) => q.column ?? q.code);

/** Columns of sipas-2017 that a valid form may leave blank (factor 5, feedback; from the built-in definition). */
export const SIPAS_2017_OPTIONAL: ReadonlySet<string> = new Set(SIPAS_2017_QUESTIONS.filter((q) => q.optional).map((q) => q.column ?? q.code));

/** Options of {@link sipasResponseLines} and {@link writeSipasResponses}. */
export interface SipasResponsesOptions {
  /** Number of forms (rows). */
  forms: number;
  /** Unit ids the forms are spread over. */
  units: readonly string[];
  /** Seed. */
  seed?: number;
  /** Share of answers left blank on a required question (default 0.0015: about 3% invalid forms). */
  blankRate?: number;
  /** Share of forms with the optional factor answered (default 0.45). */
  feedbackRate?: number;
}

/** The header line of a responses file (with its line end). */
export function sipasResponsesHeader(): string {
  return `form,unit,${SIPAS_2017_COLUMNS.join(',')}\n`;
}

/**
 * Yields the data lines of a responses file (each ending in `\n`), in batches joined into strings
 * of about `batchBytes` characters. Each unit has its own satisfaction level (share of 4–5 answers
 * between 70% and 95%); `0` (no answer) appears now and then; forms are spread evenly over units.
 */
export function* sipasResponseLines(opts: SipasResponsesOptions, batchBytes = 1 << 20): Generator<string> {
  const rng = new SeededRandom(opts.seed ?? 1, 0x51a5);
  const blank = opts.blankRate ?? 0.0015;
  const feedback = opts.feedbackRate ?? 0.45;
  const nUnits = opts.units.length;
  if (nUnits === 0) throw new RangeError('sipasResponseLines: no units');
  const satisfied = opts.units.map(() => 0.7 + 0.25 * rng.float());
  const required = SIPAS_2017_COLUMNS.filter((c) => !SIPAS_2017_OPTIONAL.has(c)).length;
  const optional = SIPAS_2017_COLUMNS.length - required;
  const width = String(opts.forms).length;
  const LOW = ['1', '2', '3', '3', '3'];
  let out = '';
  for (let i = 0; i < opts.forms; i++) {
    const u = rng.uint32() % nUnits;
    const p = satisfied[u];
    let line = `F${String(i + 1).padStart(width, '0')},${opts.units[u]}`;
    for (let q = 0; q < required; q++) {
      const r = rng.float();
      if (r < blank) line += ',';
      else if (r < blank * 1.2) line += ',0';
      else if (r < p) line += rng.uint32() & 1 ? ',5' : ',4';
      else line += ',' + LOW[rng.uint32() % 5];
    }
    if (rng.float() < feedback) {
      for (let q = 0; q < optional; q++) line += rng.float() < p ? (rng.uint32() & 1 ? ',5' : ',4') : ',' + LOW[rng.uint32() % 5];
    } else line += ','.repeat(optional);
    out += line + '\n';
    if (out.length >= batchBytes) {
      yield out;
      out = '';
    }
  }
  if (out) yield out;
}

/**
 * Writes a responses CSV to `path` in constant memory (1 MB chunks); returns the forms and bytes
 * written.
 */
export async function writeSipasResponses(path: string, opts: SipasResponsesOptions): Promise<{ forms: number; bytes: number }> {
  const bytes = await writeChunks(
    path,
    (function* () {
      yield sipasResponsesHeader();
      yield* sipasResponseLines(opts);
    })(),
  );
  return { forms: opts.forms, bytes };
}
