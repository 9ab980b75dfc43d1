/**
 * Writing a synthetic round as CSV files in a folder: `framework.csv`, `units.csv`,
 * `evidence.csv`, `survey.csv`, and with forms `sipas-questions.csv` (the sipas-2017 definition) and
 * `sipas-responses.csv`. Files are streamed in 1 MB chunks, so memory does not grow with the size of
 * the round.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { quoteCsvCell } from '../report/csv-write.js';
import { surveyBuiltinCsv } from '../sipas/builtins.js';
import { writeChunks } from './chunked-file.js';
import { FRAMEWORK_HEADER, frameworkRowCells } from './framework-gen.js';
import { EVIDENCE_HEADER, SURVEY_HEADER, UNITS_HEADER, syntheticRound, type SyntheticRound, type SyntheticSpec } from './round-gen.js';
import { writeSipasResponses } from './sipas-gen.js';

/** What {@link writeSyntheticRound} wrote: file paths and sizes. */
export interface WrittenRound {
  /** Folder written. */
  dir: string;
  /** Paths by role. */
  files: { framework: string; units: string; evidence: string; survey: string; sipasQuestions?: string; sipasResponses?: string };
  /** Rows written per file role. */
  rows: { evidence: number; survey: number; forms: number };
  /** Bytes written in total (every file). */
  bytes: number;
}

/** Writes rows as CSV lines to `path` in 1 MB chunks; returns rows and bytes written. */
export async function writeCsvRows(path: string, header: readonly string[], rows: Iterable<readonly string[]>): Promise<{ rows: number; bytes: number }> {
  let n = 0;
  function* chunks(): Generator<string> {
    let out = header.map((h) => quoteCsvCell(h)).join(',') + '\n';
    for (const r of rows) {
      let line = '';
      for (let i = 0; i < r.length; i++) line += (i ? ',' : '') + quoteCsvCell(r[i]);
      out += line + '\n';
      n++;
      if (out.length >= 1 << 20) {
        yield out;
        out = '';
      }
    }
    yield out;
  }
  const bytes = await writeChunks(path, chunks());
  return { rows: n, bytes };
}

/** Writes a synthetic round (a spec or a {@link SyntheticRound}) as CSV files into `dir`. */
export async function writeSyntheticRound(dir: string, round: SyntheticSpec | SyntheticRound): Promise<WrittenRound> {
  const r = 'unitList' in round ? round : syntheticRound(round);
  await mkdir(dir, { recursive: true });
  const files: WrittenRound['files'] = {
    framework: join(dir, 'framework.csv'),
    units: join(dir, 'units.csv'),
    evidence: join(dir, 'evidence.csv'),
    survey: join(dir, 'survey.csv'),
  };
  let bytes = 0;
  bytes += (await writeCsvRows(files.framework, FRAMEWORK_HEADER, r.frameworkRows.map(frameworkRowCells))).bytes;
  bytes += (
    await writeCsvRows(
      files.units,
      UNITS_HEADER,
      r.unitList.map((u) => [u.id, u.name, u.group, u.rankGroup]),
    )
  ).bytes;
  const ev = await writeCsvRows(files.evidence, EVIDENCE_HEADER, r.evidenceRows());
  const sv = await writeCsvRows(files.survey, SURVEY_HEADER, r.surveyRows());
  bytes += ev.bytes + sv.bytes;
  if (r.forms > 0) {
    files.sipasQuestions = join(dir, 'sipas-questions.csv');
    files.sipasResponses = join(dir, 'sipas-responses.csv');
    bytes += await writeChunks(files.sipasQuestions, [surveyBuiltinCsv('sipas-2017')]);
    bytes += (await writeSipasResponses(files.sipasResponses, { forms: r.forms, units: r.unitIds(), seed: r.seed })).bytes;
  }
  return { dir, files, rows: { evidence: ev.rows, survey: sv.rows, forms: r.forms }, bytes };
}
