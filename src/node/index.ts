/**
 * parindex/node — the Node adapters: reading rounds, survey definitions, forms and result files
 * from paths (CSV, JSON, xlsx; large files streamed), and writing output atomically. Everything
 * else is in the core entry, `parindex`.
 *
 * @packageDocumentation
 * @module parindex/node
 */
import type { FileFormat, TableKind } from '../table/files.js';
import { formatOf as fileFormatOf } from '../table/files.js';
import { loadTable as loadTableFile } from './files.js';
import { writeFileAtomic as writeAtomic } from './output.js';
import { loadResultFile } from './result-load.js';
export { fileSources, sha256File, type FileSource, type InputPath } from './file-hash.js';
export type { BuiltinInputKind } from './sample-files.js';
import { loadRound as loadRoundFiles, type RoundFiles } from './round.js';
import type { Table } from '../table/table.js';
import { loadSurveyDefinition } from './sipas-load.js';
import { scoreSurvey } from './sipas-file.js';
import { badArgument, checkKeys, optionalBoolean, optionalChoice, optionalString } from '../api/args.js';
import type { ResultFile } from '../api/analysis.js';
import { Round } from '../api/round.js';
import { sipasOptionsOf, sipasResult, type SipasDefinition, type SipasOptions, type SipasResult } from '../api/sipas.js';

/** The files of a round. */
export interface RoundPaths {
  /** Framework file (.csv, .json, .xlsx), or a built-in name (`hanoi-2021`). */
  framework: string;
  /** Units file. */
  units: string;
  /** Evidence file(s), long or wide layout. */
  evidence?: string | readonly string[];
  /** Survey results file. */
  survey?: string;
}

/** Options of {@link loadRound}. */
export interface LoadRoundOptions {
  /**
   * The decimal separator of text cells is `,` (`12,5`) in every file of the round — framework `max`
   * and `params`, evidence, survey — and a `.` there is a `bad-number` error. xlsx number cells and
   * JSON numbers are numbers: this does not touch them.
   */
  decimalComma?: boolean;
}

function requirePath(v: unknown, what: string): string {
  const s = optionalString(v, what);
  if (!s) throw badArgument(what, v, 'path');
  return s;
}

/**
 * Reads and checks every file of a round (all problems of all files reported together, each with
 * file, sheet, row and column) and returns the round for `score`.
 *
 * @example
 * const round = await loadRound({ framework: 'framework.xlsx', units: 'units.csv', evidence: ['so.xlsx', 'huyen.xlsx'], survey: 'survey.csv' });
 */
export async function loadRound(paths: RoundPaths, options: LoadRoundOptions = {}): Promise<Round> {
  const p = checkKeys(paths, ['framework', 'units', 'evidence', 'survey'], 'paths', false);
  const o = checkKeys(options, ['decimalComma'], 'options');
  const evidence =
    p.evidence === undefined ? undefined : typeof p.evidence === 'string' ? p.evidence : Array.isArray(p.evidence) ? p.evidence.map((e, i) => requirePath(e, `paths.evidence[${i}]`)) : requirePath(p.evidence, 'paths.evidence');
  const files: RoundFiles = { framework: requirePath(p.framework, 'paths.framework'), units: requirePath(p.units, 'paths.units'), evidence, survey: p.survey === undefined ? undefined : requirePath(p.survey, 'paths.survey') };
  const parts = await loadRoundFiles(files, { decimalComma: optionalBoolean(o.decimalComma, 'options.decimalComma') });
  return Round.fromParts(parts);
}

/** What a table file holds, which decides its expected columns and xlsx sheet names. */
export type { TableKind, FileFormat, Table };

/** Reads one table from a file (.csv, .json, .xlsx — the sheet named for `kind`, or the only sheet). */
export async function loadTable(path: string, kind: TableKind): Promise<Table> {
  return loadTableFile(requirePath(path, 'path'), optionalChoice(kind, ['criteria', 'units', 'evidence', 'survey', 'questions', 'responses'] as const, 'kind') ?? 'evidence');
}

/** A built-in survey definition by name (`sipas-2017`, `sipas-2023`), or one read from a file. */
export async function loadSipasDefinition(nameOrPath: string): Promise<SipasDefinition> {
  return loadSurveyDefinition(requirePath(nameOrPath, 'nameOrPath'));
}

/** Options of {@link scoreSipasFile}: those of `scoreSipas`, plus progress. */
export interface SipasFileOptions extends Omit<SipasOptions, 'file'> {
  /** Called as bytes are read (for a progress bar). */
  onProgress?: (bytesRead: number, totalBytes: number | undefined) => void;
}

/**
 * Scores SIPAS from a responses file: CSV and xlsx are streamed (memory does not grow with the
 * number of forms), JSON is read whole.
 */
export async function scoreSipasFile(definition: SipasDefinition, path: string, options: SipasFileOptions = {}): Promise<SipasResult> {
  const o = checkKeys(options, ['units', 'skipBadRows', 'decimals', 'rounding', 'ties', 'delimiter', 'onProgress'], 'options');
  if (o.onProgress !== undefined && typeof o.onProgress !== 'function') throw badArgument('options.onProgress', o.onProgress, 'function');
  const result = await scoreSurvey(definition, requirePath(path, 'path'), { ...sipasOptionsOf(o), onProgress: o.onProgress as SipasFileOptions['onProgress'] });
  return sipasResult(result);
}

/** Options of {@link loadResult}. */
export interface LoadResultOptions {
  /** The CSV's figures use a decimal comma (as `--csv-style vi` writes them: `89,83`); a `.` in them is then an error. */
  decimalComma?: boolean;
}

/** Reads a result file (.json, .csv or .xlsx as `parindex score` writes them) for `compare` or as last year's results. */
export async function loadResult(path: string, options: LoadResultOptions = {}): Promise<ResultFile> {
  const o = checkKeys(options, ['decimalComma'], 'options');
  return loadResultFile(requirePath(path, 'path'), { decimalComma: optionalBoolean(o.decimalComma, 'options.decimalComma') });
}

/**
 * Writes text or bytes to a file atomically: a temporary file beside it, flushed, then renamed, so
 * a failed run never leaves a half-written file. An unwritable path is a located error.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  if (typeof data !== 'string' && !(data instanceof Uint8Array)) throw badArgument('data', data, 'text-or-bytes');
  return writeAtomic(requirePath(path, 'path'), data);
}

/** The format of a file by its extension (`.csv`/`.txt`/`.tsv`, `.json`, `.xlsx`/`.xlsm`); others are an error. */
export function formatOf(path: string): FileFormat {
  return fileFormatOf(requirePath(path, 'path'));
}
