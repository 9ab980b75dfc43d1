/**
 * Rendering results to text and bytes: a terminal table, CSV, an HTML report, the results workbook
 * and the evidence template. Each renderer takes any result it can show (a score, SIPAS,
 * explanation, sensitivity or comparison result) and returns a string or bytes — writing them
 * anywhere is the caller's (or `parindex/node`'s) business.
 */
import { ROUNDING_MODES } from '../criteria/schemas.js';
import { comparisonCsv, comparisonText } from '../io/compare-output.js';
import { evidenceTemplateBytes } from '../io/evidence-template.js';
import { explanationCsv, explanationText } from '../io/explain-output.js';
import { scoreResultCsv } from '../io/results-csv.js';
import { scoreResultHtml } from '../io/results-html.js';
import { scoreResultText } from '../io/results-table.js';
import { scoreResultWorkbook } from '../io/results-xlsx.js';
import { sensitivityCsv, sensitivityText } from '../io/sensitivity-output.js';
import type { RoundingMode } from '../numbers/exact.js';
import type { Comparison } from '../scoring/compare.js';
import type { Explanation } from '../scoring/explain.js';
import type { OutputFormat } from '../scoring/result-json.js';
import type { ScoreResult } from '../scoring/score.js';
import type { SensitivityResult } from '../scoring/sensitivity.js';
import type { SipasResult } from '../sipas/result.js';
import { surveyResultCsv } from '../sipas/results-csv.js';
import { surveyResultText } from '../sipas/results-table.js';
import { inputsOf } from './analysis.js';
import { badArgument, checkKeys, optionalBoolean, optionalChoice, optionalInteger, optionalString } from './args.js';
import { kindOf } from './kinds.js';
import { roundParts, type Round } from './round.js';

/** Any result a renderer takes. */
export type AnyResult = ScoreResult | SipasResult | Explanation | SensitivityResult | Comparison;

/** Rounding of printed figures; each defaults to the run's settings. */
export interface RenderOptions {
  /** Decimals printed (0–20). */
  decimals?: number;
  /** `half-up` or `half-even`. */
  rounding?: RoundingMode;
}

/** Options of {@link renderCsv}. */
export interface CsvOptions extends RenderOptions {
  /** Start with a UTF-8 byte order mark, so Excel reads Vietnamese text right. */
  bom?: boolean;
  /** Delimiter: `,` (default), `;` or a tab. */
  delimiter?: ',' | ';' | '\t';
}

/** Options of {@link renderHtml}. */
export interface HtmlOptions extends RenderOptions {
  /** Report title (default "Chỉ số cải cách hành chính — kết quả"). */
  title?: string;
}

function formatOf(x: AnyResult, o: Record<string, unknown>): OutputFormat {
  const own = (x as { settings?: OutputFormat }).settings;
  const base: OutputFormat = own ?? { decimals: (x as Comparison).decimals ?? 2, rounding: 'half-up' };
  return {
    decimals: optionalInteger(o.decimals, 'options.decimals', 0, 20) ?? base.decimals,
    rounding: optionalChoice(o.rounding, ROUNDING_MODES, 'options.rounding') ?? base.rounding,
  };
}

/**
 * A result as a plain-text table for a terminal (leagues one after the other).
 *
 * @example
 * console.log(renderText(score(round)));
 */
export function renderText(result: AnyResult, options: RenderOptions = {}): string {
  const kind = kindOf(result, 'result');
  const f = formatOf(result, checkKeys(options, ['decimals', 'rounding'], 'options'));
  switch (kind) {
    case 'score':
      return scoreResultText(result as ScoreResult, f);
    case 'sipas':
      return surveyResultText(result as SipasResult, f);
    case 'explanation':
      return explanationText(result as Explanation, f);
    case 'sensitivity':
      return sensitivityText(result as SensitivityResult, f);
    case 'comparison':
      return comparisonText(result as Comparison, f);
  }
}

/** A result as CSV text; cells that a spreadsheet would run as formulas are neutralised. */
export function renderCsv(result: AnyResult, options: CsvOptions = {}): string {
  const kind = kindOf(result, 'result');
  const o = checkKeys(options, ['decimals', 'rounding', 'bom', 'delimiter'], 'options');
  const f = formatOf(result, o);
  const csv = { bom: optionalBoolean(o.bom, 'options.bom'), delimiter: optionalChoice(o.delimiter, [',', ';', '\t'] as const, 'options.delimiter') };
  switch (kind) {
    case 'score':
      return scoreResultCsv(result as ScoreResult, { ...f, ...csv });
    case 'sipas':
      return surveyResultCsv(result as SipasResult, { ...f, ...csv });
    case 'explanation':
      return explanationCsv(result as Explanation, f, csv);
    case 'sensitivity':
      return sensitivityCsv(result as SensitivityResult, f, csv);
    case 'comparison':
      return comparisonCsv(result as Comparison, f, csv);
  }
}

/** A score result as one self-contained HTML document (Vietnamese headings, one table per league). */
export function renderHtml(result: ScoreResult, options: HtmlOptions = {}): string {
  if (kindOf(result, 'result') !== 'score') throw badArgument('result', result, 'a result of score()');
  const o = checkKeys(options, ['decimals', 'rounding', 'title'], 'options');
  return scoreResultHtml(result, formatOf(result, o), { title: optionalString(o.title, 'options.title') });
}

/**
 * The results workbook (xlsx bytes): a sheet per league in the published style, self-assessed vs
 * appraised, an audit of every input, and the settings of the run.
 */
export async function renderXlsx(result: ScoreResult, options: RenderOptions = {}): Promise<Uint8Array> {
  const inputs = inputsOf(result, 'the results workbook');
  const o = checkKeys(options, ['decimals', 'rounding'], 'options');
  return scoreResultWorkbook(result, { inputs }, formatOf(result, o));
}

/** Options of {@link renderTemplate}. */
export interface TemplateOptions {
  /** Password of the sheet protection (default none: protection guards against slips only). */
  password?: string;
}

/**
 * The evidence template (xlsx bytes) for a round's framework and units: a sheet per league with the
 * criteria filled in and locked, input cells validated by rule. Filled in, it reads back as evidence.
 */
export async function renderTemplate(round: Round, options: TemplateOptions = {}): Promise<Uint8Array> {
  const parts = roundParts(round);
  const o = checkKeys(options, ['password'], 'options');
  return evidenceTemplateBytes(parts.framework, parts.units, { password: optionalString(o.password, 'options.password') });
}
