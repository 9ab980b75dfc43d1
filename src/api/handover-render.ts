/**
 * The options of the reports handed on besides the published results — a comparison and a SIPAS
 * result as HTML (`renderHtml`) or a workbook (`parindex/xlsx`'s `renderXlsx`) — checked once for
 * both: rounding, title, language and number style.
 */
import type { Comparison } from '../analysis/compare.js';
import { LANGS } from '../i18n/lang.js';
import { NUMBER_STYLES } from '../i18n/number-style.js';
import { comparisonHtml } from '../report/compare-html.js';
import type { Presentation } from '../report/presentation.js';
import { sipasResultHtml } from '../report/sipas-html.js';
import type { OutputFormat } from '../scoring/result-json.js';
import type { SipasResult } from '../sipas/result.js';
import { ROUNDING_MODES } from '../criteria/schemas.js';
import { checkKeys, optionalChoice, optionalInteger, optionalString } from './args.js';

/** Options of a comparison or a SIPAS result as HTML or xlsx. */
export interface HandoverReportOptions {
  /** Decimals printed (0–20; default the result's own). */
  decimals?: number;
  /** `half-up` or `half-even`. */
  rounding?: OutputFormat['rounding'];
  /** Title of the page (and of the workbook's page header); default the report's title in the language. */
  title?: string;
  /** Language of every label: `vi` (default) or `en`. */
  lang?: Presentation['lang'];
  /** Numbers as `89.83` (`en`, default) or `89,83` (`vi`); HTML only (a workbook's cells are numbers). */
  numberStyle?: Presentation['numberStyle'];
}

/** The keys of {@link HandoverReportOptions}. */
export const HANDOVER_KEYS = ['decimals', 'rounding', 'title', 'lang', 'numberStyle'] as const;

/** @internal The checked options: rounding, and title and presentation. */
export function handoverOptionsOf(result: Comparison | SipasResult, options: unknown): { f: OutputFormat; report: Presentation & { title?: string } } {
  const o = checkKeys(options, HANDOVER_KEYS, 'options');
  const own: OutputFormat = 'settings' in result ? result.settings : { decimals: result.decimals, rounding: 'half-up' };
  const f: OutputFormat = {
    decimals: optionalInteger(o.decimals, 'options.decimals', 0, 20) ?? own.decimals,
    rounding: optionalChoice(o.rounding, ROUNDING_MODES, 'options.rounding') ?? own.rounding,
  };
  return {
    f,
    report: { title: optionalString(o.title, 'options.title'), lang: optionalChoice(o.lang, LANGS, 'options.lang'), numberStyle: optionalChoice(o.numberStyle, NUMBER_STYLES, 'options.numberStyle') },
  };
}

/** @internal A comparison or a SIPAS result as one HTML document. */
export function handoverHtml(result: Comparison | SipasResult, kind: 'comparison' | 'sipas', options: unknown): string {
  const { f, report } = handoverOptionsOf(result, options);
  return kind === 'comparison' ? comparisonHtml(result as Comparison, f, report) : sipasResultHtml(result as SipasResult, f, report);
}
