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
import { badArgument, checkKeys, optionalBoolean, optionalChoice, optionalInteger, optionalString } from '../api/args.js';
import { type LimitsOption, withInputLimits } from './limits.js';
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
  /** Bounds on the files read (defaults in the README, "Resource limits"); crossing one is `limit-exceeded`. */
  limits?: LimitsOption;
}

/** The `limits` option, checked: whole numbers ≥ 1 by the known names. */
function limitsOf(v: unknown): LimitsOption | undefined {
  if (v === undefined) return undefined;
  const o = checkKeys(v, ['fileBytes', 'maxColumns', 'maxRows', 'maxCells', 'maxSharedStrings', 'maxBytes'], 'options.limits');
  const out: LimitsOption = {};
  for (const k of Object.keys(o) as (keyof LimitsOption)[]) {
    const n = optionalInteger(o[k], `options.limits.${k}`, 1, Number.MAX_SAFE_INTEGER);
    if (n !== undefined) out[k] = n;
  }
  return out;
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
  const o = checkKeys(options, ['decimalComma', 'limits'], 'options');
  const limits = limitsOf(o.limits);
  const evidence =
    p.evidence === undefined ? undefined : typeof p.evidence === 'string' ? p.evidence : Array.isArray(p.evidence) ? p.evidence.map((e, i) => requirePath(e, `paths.evidence[${i}]`)) : requirePath(p.evidence, 'paths.evidence');
  const files: RoundFiles = { framework: requirePath(p.framework, 'paths.framework'), units: requirePath(p.units, 'paths.units'), evidence, survey: p.survey === undefined ? undefined : requirePath(p.survey, 'paths.survey') };
  const decimalComma = optionalBoolean(o.decimalComma, 'options.decimalComma');
  const parts = await withInputLimits(limits, () => loadRoundFiles(files, { decimalComma }));
  return Round.fromParts(parts);
}

/** What a table file holds, which decides its expected columns and xlsx sheet names. */
export type { TableKind, FileFormat, Table };
export type { LimitsOption };

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
  /** Bounds on the file read (an xlsx or JSON file of forms; CSV forms are streamed). */
  limits?: LimitsOption;
}

/**
 * Scores SIPAS from a responses file: CSV and xlsx are streamed (memory does not grow with the
 * number of forms), JSON is read whole.
 */
export async function scoreSipasFile(definition: SipasDefinition, path: string, options: SipasFileOptions = {}): Promise<SipasResult> {
  const o = checkKeys(options, ['units', 'skipBadRows', 'decimals', 'rounding', 'ties', 'delimiter', 'onProgress', 'limits'], 'options');
  if (o.onProgress !== undefined && typeof o.onProgress !== 'function') throw badArgument('options.onProgress', o.onProgress, 'function');
  const { limits: _, ...rest } = o;
  const result = await withInputLimits(limitsOf(o.limits), () => scoreSurvey(definition, requirePath(path, 'path'), { ...sipasOptionsOf(rest), onProgress: o.onProgress as SipasFileOptions['onProgress'] }));
  return sipasResult(result);
}

/** Options of {@link loadResult}. */
export interface LoadResultOptions {
  /** The CSV's figures use a decimal comma (as `--csv-style vi` writes them: `89,83`); a `.` in them is then an error. */
  decimalComma?: boolean;
  /** Bounds on the file read. */
  limits?: LimitsOption;
}

/** Reads a result file (.json, .csv or .xlsx as `parindex score` writes them) for `compare` or as last year's results. */
export async function loadResult(path: string, options: LoadResultOptions = {}): Promise<ResultFile> {
  const o = checkKeys(options, ['decimalComma', 'limits'], 'options');
  const decimalComma = optionalBoolean(o.decimalComma, 'options.decimalComma');
  return withInputLimits(limitsOf(o.limits), () => loadResultFile(requirePath(path, 'path'), { decimalComma }));
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
