/** Test helpers: build a round from CSV text, score it, read the sample. */
import { readFileSync } from 'node:fs';
import { ParIndexError } from '../../src/errors.js';
import { join } from 'node:path';
import { buildInputs } from '../../src/criteria/evidence.js';
import { buildFramework, type Framework } from '../../src/criteria/framework.js';
import { buildUnits, type Units } from '../../src/criteria/units.js';
import { parseCsvTable } from '../../src/table/csv.js';
import type { InputMatrix } from '../../src/criteria/inputs.js';
import { scoreMatrix, type ScoreOptions, type ScoreResult } from '../../src/scoring/score.js';

/** Folder of the embedded sample. */
export const SAMPLE = join(__dirname, '..', '..', 'data', 'hanoi-2021');

/** Reads a sample file. */
export function sampleText(file: string): string {
  return readFileSync(join(SAMPLE, file), 'utf8');
}

/** CSV text from lines. */
export const csv = (...lines: string[]) => lines.join('\n') + '\n';

/** A round built from CSV texts. */
export interface TestRound {
  fw: Framework;
  units: Units;
  inputs: InputMatrix;
}

/** Builds a round from CSV texts (file names fw.csv, units.csv, evidence.csv, survey.csv in errors). */
export function round(frameworkCsv: string, unitsCsv: string, evidenceCsv?: string, surveyCsv?: string, opts: { decimalComma?: boolean } = {}): TestRound {
  const fw = buildFramework(parseCsvTable(frameworkCsv, { file: 'fw.csv' }), {}, opts);
  const units = buildUnits(parseCsvTable(unitsCsv, { file: 'units.csv' }));
  const inputs = buildInputs(
    fw,
    units,
    {
      evidence: evidenceCsv === undefined ? undefined : parseCsvTable(evidenceCsv, { file: 'evidence.csv' }),
      survey: surveyCsv === undefined ? undefined : parseCsvTable(surveyCsv, { file: 'survey.csv' }),
    },
    opts,
  );
  return { fw, units, inputs };
}

/** Scores a round built from CSV texts. */
export function scoreCsv(frameworkCsv: string, unitsCsv: string, evidenceCsv?: string, surveyCsv?: string, opts: ScoreOptions & { decimalComma?: boolean } = {}): ScoreResult {
  const r = round(frameworkCsv, unitsCsv, evidenceCsv, surveyCsv, opts);
  return scoreMatrix(r.fw, r.units, r.inputs, opts);
}

/** Result of a unit by id. */
export function unitOf(result: ScoreResult, id: string) {
  const u = result.units.find((x) => x.unit === id);
  if (!u) throw new Error(`no unit ${id}`);
  return u;
}

/** Runs a function expecting a ParIndexError and returns it. */
export function catchError(fn: () => unknown): import('../../src/errors.js').ParIndexError {
  try {
    fn();
  } catch (e) {
    return e as import('../../src/errors.js').ParIndexError;
  }
  throw new Error('expected an error');
}

/** The issues of the ParIndexError `fn` throws (it must throw one; anything else is rethrown). */
export function issuesOf(fn: () => unknown): import('../../src/errors.js').Issue[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof ParIndexError) return e.issues;
    throw e;
  }
  throw new Error('expected a ParIndexError');
}

/** {@link issuesOf} for an async function. */
export async function issuesOfAsync(fn: () => Promise<unknown>): Promise<import('../../src/errors.js').Issue[]> {
  try {
    await fn();
  } catch (e) {
    if (e instanceof ParIndexError) return e.issues;
    throw e;
  }
  throw new Error('expected a ParIndexError');
}
