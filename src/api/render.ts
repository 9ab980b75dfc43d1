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
import { badArgument, checkKeys, optionalBoolean, optionalChoice, optionalInteger } from './args.js';
import { kindOf } from './kinds.js';
import { LANGS, type Lang } from '../i18n/lang.js';
import { NUMBER_STYLES, type NumberStyle } from '../i18n/number-style.js';
import { CSV_STYLES, type CsvStyle, type Presentation } from '../report/presentation.js';
import { PUBLISH_KEYS, publishOptionsOf, type PublishedReportOptions } from './publish-options.js';
import { handoverHtml, type HandoverReportOptions } from './handover-render.js';
import { unitLabels, type UnitLabels } from '../criteria/unit-labels.js';
import { roundParts } from './round.js';
import { resultRound } from './score.js';

/** The league and group names of the round a result was scored from (none for a result read back from JSON). */
function labelsOf(result: ScoreResult): UnitLabels | undefined {
  const round = resultRound(result);
  return round ? unitLabels(roundParts(round).units) : undefined;
}

/** Any result a renderer takes. */
export type AnyResult = ScoreResult | SipasResult | Explanation | SensitivityResult | Comparison;

/** Rounding of printed figures; each defaults to the run's settings. */
export interface RenderOptions {
  /** Decimals printed (0–20). */
  decimals?: number;
  /** `half-up` or `half-even`. */
  rounding?: RoundingMode;
}

/** Options of {@link renderText}: rounding, language and number style. */
export interface TextOptions extends RenderOptions {
  /**
   * Language of headers and lines: `vi` (the default: what a council reads) or `en`. JSON keys are
   * never translated.
   */
  lang?: Lang;
  /** Numbers as `89.83` (`en`, the default) or `89,83` (`vi`). */
  numberStyle?: NumberStyle;
}

/** Options of {@link renderCsv}. */
export interface CsvOptions extends TextOptions {
  /** Start with a UTF-8 byte order mark, so Excel reads Vietnamese text right. */
  bom?: boolean;
  /** Delimiter: `,` (default; `;` under `csvStyle: 'vi'`), `;` or a tab. */
  delimiter?: ',' | ';' | '\t';
  /**
   * `vi`: `;` between cells and decimal commas (`89,83`), as Excel in a Vietnamese locale reads
   * them (read back with `decimalComma`); `en` (default): `,` between cells and `numberStyle`.
   * Headers are Vietnamese unless `lang: 'en'` (then the JSON field names: `rankGroup`, `index`, …).
   */
  csvStyle?: CsvStyle;
}

/**
 * Options of {@link renderHtml}: rounding, and what the published report shows besides the result —
 * `title`, `previous` (last year's results), `sources` (input files with their SHA-256), `lang`,
 * `numberStyle`.
 */
export interface HtmlOptions extends RenderOptions, PublishedReportOptions {}

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
export function renderText(result: AnyResult, options: TextOptions = {}): string {
  const kind = kindOf(result, 'result');
  const o = checkKeys(options, ['decimals', 'rounding', 'lang', 'numberStyle'], 'options');
  const f = outputFormat(result, o);
  const p = presentationOption(o);
  switch (kind) {
    case 'score':
      return scoreResultText(result as ScoreResult, f, p, labelsOf(result as ScoreResult));
    case 'sipas':
      return surveyResultText(result as SipasResult, f, p);
    case 'explanation':
      return explanationText(result as Explanation, f, p);
    case 'sensitivity':
      return sensitivityText(result as SensitivityResult, f, p);
    case 'comparison':
      return comparisonText(result as Comparison, f, p);
  }
}

/** The checked `lang` and `numberStyle` of render options. */
function presentationOption(o: Record<string, unknown>): Presentation {
  return { lang: optionalChoice(o.lang, LANGS, 'options.lang') ?? 'vi', numberStyle: optionalChoice(o.numberStyle, NUMBER_STYLES, 'options.numberStyle') ?? 'en' };
}

/** A result as CSV text; cells that a spreadsheet would run as formulas are neutralised. */
export function renderCsv(result: AnyResult, options: CsvOptions = {}): string {
  const kind = kindOf(result, 'result');
  const o = checkKeys(options, ['decimals', 'rounding', 'bom', 'delimiter', 'lang', 'numberStyle', 'csvStyle'], 'options');
  const f = outputFormat(result, o);
  const csv = {
    ...presentationOption(o),
    bom: optionalBoolean(o.bom, 'options.bom'),
    delimiter: optionalChoice(o.delimiter, [',', ';', '\t'] as const, 'options.delimiter'),
    csvStyle: optionalChoice(o.csvStyle, CSV_STYLES, 'options.csvStyle'),
  };
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

/**
 * A score result as one self-contained HTML report to publish: the title; per league its name,
 * summary and table (rank, unit, per area points and component index, total and applicable max,
 * index, band, and with `previous` last year's index and rank and the changes); charts as inline
 * SVG; a footer naming the settings and the input files with their SHA-256. Prints A4 landscape
 * with the header rows on every page; Vietnamese labels unless `lang: 'en'`. The same inputs give
 * the same text.
 *
 * @example
 * const html = renderHtml(score(round), { title: 'Chỉ số CCHC năm 2021', previous: lastYear });
 */
export function renderHtml(result: ScoreResult, options?: HtmlOptions): string;
/**
 * A comparison (`compare()`) or a SIPAS result (`scoreSipas()`) as one self-contained HTML report
 * to hand on: per league its table (a comparison: index, rank and area changes and the largest
 * movers; SIPAS: index, factors and forms counted) with Vietnamese labels unless `lang: 'en'`,
 * printed A4 landscape with the header rows on every page. The same inputs give the same text.
 *
 * @example
 * const html = renderHtml(compare(lastYear, thisYear, { top: 3 }), { title: 'So sánh 2020–2021' });
 */
export function renderHtml(result: Comparison | SipasResult, options?: HandoverReportOptions): string;
export function renderHtml(result: ScoreResult | Comparison | SipasResult, options: HtmlOptions | HandoverReportOptions = {}): string {
  const kind = kindOf(result, 'result');
  if (kind === 'comparison' || kind === 'sipas') return handoverHtml(result as Comparison | SipasResult, kind, options);
  if (kind !== 'score') throw badArgument('result', result, 'report-result');
  const o = checkKeys(options, ['decimals', 'rounding', ...PUBLISH_KEYS], 'options');
  return scoreResultHtml(result as ScoreResult, outputFormat(result, o), publishOptionsOf(result as ScoreResult, o));
}
