/**
 * Loading a whole PAR round from files: framework, units, evidence (one or more files, long or wide
 * layout) and survey results — each a file or a built-in name (`hanoi-2021`, see
 * `sample-files.ts` for how the two are told apart); then checking every input together.
 */
import { addSurveyTable, buildInputs, type SourceOptions } from '../criteria/evidence.js';
import { InputBytes } from '../criteria/input-bytes.js';
import type { Framework } from '../criteria/framework.js';
import type { Units } from '../criteria/units.js';
import { hanoi2021Framework } from '../data/sample.js';
import type { NumberTextOptions } from '../numbers/decimal-text.js';
import type { InputMatrix } from '../criteria/inputs.js';
import { csvRowSource } from '../table/csv.js';
import { loadFramework, loadTables, loadUnits, loadTable, readTextFile } from './files.js';
import { formatOf } from '../table/files.js';
import { builtinNamed, builtinTable } from './sample-files.js';
import type { RowSource } from '../table/table.js';
import { type FileStamp, streamCsv } from './csv-stream.js';
import { FileSources } from './file-sources.js';
import { readFileBytes } from './file-bytes.js';
import { inputLimits } from './limits.js';
import { type RowProgress, startRowProgress } from './read-progress.js';

/** Paths of a round's files. */
export interface RoundFiles {
  /** Framework file, or a built-in name (`hanoi-2021`). */
  framework: string;
  /** Units file, or a built-in name. */
  units: string;
  /** Evidence file(s), or a built-in name. */
  evidence?: string | string[];
  /** Survey results file, or a built-in name. */
  survey?: string;
}

/** A loaded, checked round, ready for {@link score}. */
/** How a round is read: numbers, what is kept of the sources, and where the matrix lives. */
export interface RoundLoadOptions extends NumberTextOptions, SourceOptions {
  /**
   * The matrix read from CSV evidence (and where each row stands) in shared memory: the CLI's audit
   * worker is sent them without a copy.
   */
  shared?: boolean;
}

export interface Round {
  framework: Framework;
  units: Units;
  inputs: InputMatrix;
}

/**
 * Loads a framework file or a built-in framework by name; `opts` (`decimalComma`) applies to a
 * file's text (a built-in framework is ours, written with the point).
 */
export async function loadFrameworkOrBuiltin(nameOrPath: string, opts: NumberTextOptions = {}): Promise<Framework> {
  if (builtinNamed(nameOrPath) !== undefined) return hanoi2021Framework();
  return loadFramework(nameOrPath, opts);
}

/**
 * The evidence of one file, as rows to check: a CSV file is read lazily ({@link csvRowSource}: only
 * its text is held, each row split as it is checked — a national round's million rows never stand
 * as a table); xlsx and JSON as tables.
 */
async function loadEvidenceSources(path: string): Promise<RowSource[]> {
  const builtin = builtinTable(path, 'evidence');
  if (builtin) return [builtin];
  if (formatOf(path) === 'csv') return [csvRowSource(await readTextFile(path), { file: path })];
  return loadTables(path, 'evidence');
}

/** The survey results table of a file or a built-in name. */
async function loadSurveyTable(pathOrName: string): Promise<RowSource> {
  return builtinTable(pathOrName, 'survey') ?? (await loadTable(pathOrName, 'survey'));
}

/** True when a path names a CSV file (not a built-in input). */
function isCsvFile(path: string): boolean {
  return builtinNamed(path) === undefined && formatOf(path) === 'csv';
}

/**
 * The inputs of a round whose evidence is CSV files, read by the byte path as the files stream by
 * (one megabyte of each held at a time; `src/criteria/input-bytes.ts`), or undefined when a file
 * leaves a line to the row path. The evidence references are read back from the files when the
 * audit asks for them (`FileSources`), not held.
 */
async function streamedInputs(framework: Framework, units: Units, evidence: string[], survey: string | undefined, opts: RoundLoadOptions): Promise<InputMatrix | undefined> {
  if (evidence.length === 0 || !evidence.every(isCsvFile)) return undefined;
  const reader = new InputBytes(framework, units, { decimalComma: opts.decimalComma, sources: opts.sources === false ? false : 'offsets', shared: opts.shared });
  const stamps: FileStamp[] = [];
  for (const path of evidence) {
    const stamp = await streamCsv(path, reader.evidence(path));
    if (stamp === undefined) return undefined;
    stamps.push(stamp);
  }
  if (survey !== undefined) {
    if (isCsvFile(survey)) {
      if ((await streamCsv(survey, reader.survey(survey))) === undefined) return undefined;
    } else addSurveyTable(reader.matrix, framework, units, await loadSurveyTable(survey), opts);
  }
  if (reader.offsets) reader.matrix.sourceLookup = new FileSources(reader.offsets, stamps);
  return reader.matrix;
}

/** True when a path names an xlsx file (not a built-in input). */
function isXlsxFile(path: string): boolean {
  return builtinNamed(path) === undefined && formatOf(path) === 'xlsx';
}

/**
 * The inputs of a round with xlsx evidence, each workbook's sheets streamed into the input matrix as
 * their rows are parsed (`streamXlsxSources`: no table built), or undefined when something needs
 * the table reader — merged cells, a bad cell, any error at all: the caller then reads the files as
 * tables, which words every problem exactly as always.
 */
async function xlsxStreamedInputs(framework: Framework, units: Units, evidence: string[], survey: string | undefined, opts: NumberTextOptions & SourceOptions): Promise<InputMatrix | undefined> {
  if (!evidence.some(isXlsxFile)) return undefined;
  const { streamXlsxSources } = await import('../xlsx/read.js');
  const parts: Iterable<RowSource>[] = [];
  const bars: RowProgress[] = [];
  try {
    for (const path of evidence) {
      if (!isXlsxFile(path)) {
        parts.push(await loadEvidenceSources(path));
        continue;
      }
      const bytes = await readFileBytes(path);
      const bar = await startRowProgress(path, bytes.length);
      bars.push(bar);
      parts.push({ [Symbol.iterator]: () => streamXlsxSources(bytes, 'evidence', { file: path, limits: inputLimits().xlsx, onProgress: (p) => bar.update(p.bytes, p.totalBytes, p.rows) }) });
    }
    const surveyTable = survey ? await loadSurveyTable(survey) : undefined;
    const sources = (function* () {
      for (const part of parts) yield* part;
    })();
    return buildInputs(framework, units, { evidence: sources, survey: surveyTable }, opts);
  } catch {
    return undefined;
  } finally {
    for (const bar of bars) bar.stop();
  }
}

/** Loads and checks every file of a round (all input problems are reported together). */
export async function loadRound(files: RoundFiles, opts: RoundLoadOptions = {}): Promise<Round> {
  const framework = await loadFrameworkOrBuiltin(files.framework, opts);
  const units = await loadUnits(files.units);
  const evidencePaths = files.evidence === undefined ? [] : Array.isArray(files.evidence) ? files.evidence : [files.evidence];
  const streamed = (await streamedInputs(framework, units, evidencePaths, files.survey, opts)) ?? (await xlsxStreamedInputs(framework, units, evidencePaths, files.survey, opts));
  if (streamed) return { framework, units, inputs: streamed };
  const evidence = (await Promise.all(evidencePaths.map((p) => loadEvidenceSources(p)))).flat();
  const survey = files.survey ? await loadSurveyTable(files.survey) : undefined;
  const inputs = buildInputs(framework, units, { evidence, survey }, opts);
  return { framework, units, inputs };
}
