/**
 * SIPAS results as CSV: one row per unit in output order (league, rank), the pooled `ALL` row
 * last, a column per node and question (100 × share, rounded; blank where it dropped out). Safe to
 * open in a spreadsheet. Headers in the language asked for (English: the JSON field names), numbers
 * in the number style, `;` and decimal commas under the `vi` CSV style.
 */
import { sipasWords } from '../i18n/labels/sipas.js';
import type { Lang } from '../i18n/lang.js';
import type { NumberStyle } from '../i18n/number-style.js';
import type { OutputFormat } from '../scoring/result-json.js';
import type { SipasResult } from '../sipas/result.js';
import { type CsvOutputOptions, csvDialect, toCsv } from './csv-write.js';
import { figureWriter } from './styled-number.js';

/** The rows (header first) of the SIPAS results table. */
export function surveyResultRows(result: SipasResult, f: OutputFormat = result.settings, p: { lang?: Lang; numberStyle?: NumberStyle } = {}): (string | number | null)[][] {
  const h = sipasWords[p.lang ?? 'vi'].csv;
  const num = figureWriter(f, p.numberStyle);
  const codes = result.definition.nodes.map((n) => n.code);
  const withUnits = result.hasUnits;
  const header = [...(withUnits ? [h.rankGroup] : []), h.rank, h.unit, ...(withUnits ? [h.name, h.group] : []), h.index, h.forms, h.valid, h.invalid, h.skipped, ...codes];
  const rows = [...result.units, result.all].map((u) => [
    ...(withUnits ? [u.rankGroup ?? null] : []),
    u.rank,
    u.unit,
    ...(withUnits ? [u.name ?? null, u.group ?? null] : []),
    num(u.index),
    u.forms,
    u.valid,
    u.invalid,
    u.skipped,
    ...codes.map((c) => num(u.nodes.get(c) ?? null)),
  ]);
  return [header, ...rows];
}

/** SIPAS results as CSV text. */
export function surveyResultCsv(result: SipasResult, opts: CsvOutputOptions & Partial<OutputFormat> = {}): string {
  const d = csvDialect(opts);
  return toCsv(surveyResultRows(result, { decimals: opts.decimals ?? result.settings.decimals, rounding: opts.rounding ?? result.settings.rounding }, d), d.write);
}
