/**
 * Rendering results to text: a terminal table, CSV, an HTML report (the results workbook and the
 * evidence template are `parindex/xlsx`'s). Each renderer takes any result it can show (a score, SIPAS,
 * explanation, sensitivity or comparison result) and returns a string or bytes — writing them
 * anywhere is the caller's (or `parindex/node`'s) business.
 */
import { ROUNDING_MODES } from '../criteria/schemas.js';
import { comparisonCsv, comparisonText } from '../report/compare-output.js';
import { explanationCsv, explanationText } from '../report/explain-output.js';
import { scoreResultCsv } from '../report/results-csv.js';
import { scoreResultHtml } from '../report/results-html.js';
import { scoreResultText } from '../report/results-table.js';
import { sensitivityCsv, sensitivityText } from '../report/sensitivity-output.js';
import type { RoundingMode } from '../numbers/exact.js';
import type { Comparison } from '../analysis/compare.js';
import type { Explanation } from '../analysis/explain.js';
import type { OutputFormat } from '../scoring/result-json.js';
import type { ScoreResult } from '../scoring/score.js';
import type { SensitivityResult } from '../analysis/sensitivity.js';
import type { SipasResult } from '../sipas/result.js';
import { surveyResultCsv } from '../report/sipas-csv.js';
import { surveyResultText } from '../report/sipas-table.js';
import { badArgument, checkKeys, optionalBoolean, optionalChoice, optionalInteger, optionalString } from './args.js';
import { kindOf } from './kinds.js';

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

/** @internal The output rounding: the options', else the result's own. */
export function outputFormat(x: AnyResult, o: Record<string, unknown>): OutputFormat {
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
  const f = outputFormat(result, checkKeys(options, ['decimals', 'rounding'], 'options'));
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
  const f = outputFormat(result, o);
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
  return scoreResultHtml(result, outputFormat(result, o), { title: optionalString(o.title, 'options.title') });
}
