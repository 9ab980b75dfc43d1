/**
 * parindex/xlsx — spreadsheets: reading workbooks from bytes (any runtime: fflate + saxes), and
 * writing the results workbook and the evidence template as xlsx bytes (exceljs, loaded only when
 * one is written; Node). A separate entry, so the core stays small.
 *
 * @packageDocumentation
 * @module parindex/xlsx
 */
import { checkKeys, optionalString } from '../api/args.js';
import { inputsOf } from '../api/analysis.js';
import { outputFormat, type RenderOptions } from '../api/render.js';
import { PUBLISH_KEYS, publishOptionsOf, type PublishedReportOptions } from '../api/publish-options.js';
import { roundParts, type Round } from '../api/round.js';
import type { ScoreResult } from '../scoring/score.js';
import type { Comparison } from '../analysis/compare.js';
import type { SipasResult } from '../sipas/result.js';
import { handoverOptionsOf, type HandoverReportOptions } from '../api/handover-render.js';
import { kindOf } from '../api/kinds.js';
import { comparisonWorkbook } from './compare-workbook.js';
import { sipasResultWorkbook } from './sipas-workbook.js';
import { surveyTemplateBytes } from './survey-template.js';
import { evidenceTemplateBytes } from './evidence-template.js';
import { scoreResultWorkbook } from './results-workbook.js';
import { readXlsxTables, type XlsxLimits } from './read.js';
import type { Table } from '../table/table.js';
import type { TableKind } from '../table/files.js';
import { badArgument, optionalChoice } from '../api/args.js';

/** What a workbook is read for: decides the sheet names looked for and the expected columns. */
export type { TableKind };
/** Bounds on reading a workbook: columns, rows, cells, shared strings and bytes (defaults well above any real round). */
export type { XlsxLimits };

/** Options of {@link parseXlsx}. */
export interface ParseXlsxOptions {
  /** The file's name, for error messages. */
  file?: string;
  /** Bounds on the work (columns, cells, shared strings, bytes); crossing one is a located `limit-exceeded` error. */
  limits?: Partial<XlsxLimits>;
}

/** What {@link parseXlsx} read. */
export interface XlsxTables {
  /** The tables of the kind, in tab order (evidence may span several sheets). */
  tables: Table[];
  /** The `settings` sheet, for kind `criteria`, when the workbook has one (give it as the framework document's `settings`). */
  settings?: Table;
}

/**
 * Reads the sheet(s) of one kind from xlsx bytes (a `File`'s `arrayBuffer()`, a fetched file, a
 * Node `Buffer`) as tables for `createRound`: the sheet named for the kind (in English or
 * Vietnamese) or the only sheet; hidden sheets never; numbers exact, percent cells as shown,
 * formulas by their saved result. Every problem is located (file, sheet, row, column) and reported
 * together; what is not an xlsx workbook (.xls, .ods, a CSV renamed) says what it is.
 *
 * @example
 * const { tables } = parseXlsx(new Uint8Array(await file.arrayBuffer()), 'evidence', { file: file.name });
 * const round = createRound({ framework, units, evidence: tables });
 */
export function parseXlsx(bytes: Uint8Array, kind: TableKind, options: ParseXlsxOptions = {}): XlsxTables {
  if (!(bytes instanceof Uint8Array)) throw badArgument('bytes', bytes, 'workbook-bytes');
  const k = optionalChoice(kind, ['criteria', 'units', 'evidence', 'survey', 'questions', 'responses'] as const, 'kind');
  if (!k) throw badArgument('kind', kind, 'table-kind');
  const o = checkKeys(options, ['file', 'limits'], 'options');
  return readXlsxTables(bytes, k, { file: optionalString(o.file, 'options.file'), limits: o.limits as Partial<XlsxLimits> | undefined });
}

/**
 * Options of {@link renderXlsx}: rounding, and what the league sheets show besides the result —
 * `title`, `previous` (last year's results), `sources` (input files with their SHA-256, listed on
 * the settings sheet), `lang` (`numberStyle` is accepted and ignored: cells hold numbers).
 */
export interface XlsxOptions extends RenderOptions, PublishedReportOptions {
  /**
   * The audit (every unit × applicable leaf with its inputs, points and evidence): `sheet` (default)
   * on the `Chi tiết chấm điểm` sheet(s), continued on further sheets past Excel's row limit; `none`
   * leaves it out (a national round's 1.5 million rows; the CLI's `--audit csv` writes them beside
   * the workbook instead).
   */
  audit?: 'sheet' | 'none';
}

/**
 * The results workbook (xlsx bytes): a sheet per league with the published table (the same content
 * as `renderHtml`: per area points and component index, total and applicable max, index, rank,
 * band, last year's figures with `previous`), printed A4 landscape with the header rows repeated;
 * self-assessed vs appraised; an audit of every input; the settings of the run and its input files.
 * The same inputs give the same bytes.
 */
export async function renderXlsx(result: ScoreResult, options?: XlsxOptions): Promise<Uint8Array>;
/**
 * A comparison (`compare()`) or a SIPAS result (`scoreSipas()`) as a workbook to hand on (xlsx
 * bytes): a sheet per league (a comparison: index, rank and area changes; SIPAS: index, factors and
 * forms counted), then the details (largest movers and area points; every question's share), a
 * summary and the settings; Vietnamese labels unless `lang: 'en'`, printed A4 landscape fitted to
 * the width with the header row repeated. The same inputs give the same bytes.
 *
 * @example
 * const bytes = await renderXlsx(compare(lastYear, thisYear), { title: 'So sánh 2020–2021' });
 */
export async function renderXlsx(result: Comparison | SipasResult, options?: HandoverReportOptions): Promise<Uint8Array>;
export async function renderXlsx(result: ScoreResult | Comparison | SipasResult, options: XlsxOptions | HandoverReportOptions = {}): Promise<Uint8Array> {
  const kind = kindOf(result, 'result');
  if (kind === 'comparison' || kind === 'sipas') {
    const { f, report } = handoverOptionsOf(result as Comparison | SipasResult, options);
    return kind === 'comparison' ? comparisonWorkbook(result as Comparison, f, report) : sipasResultWorkbook(result as SipasResult, f, report);
  }
  const score = result as ScoreResult;
  const inputs = inputsOf(score, 'workbook');
  const o = checkKeys(options, ['decimals', 'rounding', 'audit', ...PUBLISH_KEYS], 'options');
  const audit = optionalChoice(o.audit, ['sheet', 'none'] as const, 'options.audit');
  return scoreResultWorkbook(score, { inputs, ...publishOptionsOf(score, o), audit }, outputFormat(score, o));
}

/** Options of {@link renderTemplate}. */
export interface TemplateOptions {
  /** Password of the sheet protection (default none: protection guards against slips only). */
  password?: string;
  /**
   * `evidence` (default): self and appraised scores per unit and appraisal criterion. `survey`: the
   * survey results workbook, one score (0–100 or NA) per unit and survey criterion.
   */
  kind?: 'evidence' | 'survey';
}

/**
 * A template (xlsx bytes) for a round's framework and units, instructions first: the evidence
 * template (a sheet per league with the criteria filled in and locked, input cells validated by
 * rule) or, with `kind: 'survey'`, the survey results template. Filled in, it reads back as that input.
 */
export async function renderTemplate(round: Round, options: TemplateOptions = {}): Promise<Uint8Array> {
  const parts = roundParts(round);
  const o = checkKeys(options, ['password', 'kind'], 'options');
  const password = optionalString(o.password, 'options.password');
  const kind = optionalChoice(o.kind, ['evidence', 'survey'] as const, 'options.kind') ?? 'evidence';
  return kind === 'survey' ? surveyTemplateBytes(parts.framework, parts.units, { password }) : evidenceTemplateBytes(parts.framework, parts.units, { password });
}
