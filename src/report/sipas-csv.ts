/**
 * SIPAS results as CSV: one row per unit in output order (league, rank), the pooled `ALL` row
 * last, a column per node and question (100 × share, rounded; blank where it dropped out). Safe to
 * open in a spreadsheet.
 */
import { toCsv, type CsvWriteOptions } from './csv-write.js';
import { fmt, type OutputFormat } from '../scoring/result-json.js';
import type { SipasResult } from '../sipas/result.js';

/** The rows (header first) of the SIPAS results table. */
export function surveyResultRows(result: SipasResult, f: OutputFormat = result.settings): (string | number | null)[][] {
  const codes = result.definition.nodes.map((n) => n.code);
  const withUnits = result.hasUnits;
  const header = [...(withUnits ? ['rankGroup'] : []), 'rank', 'unit', ...(withUnits ? ['name', 'group'] : []), 'index', 'forms', 'valid', 'invalid', 'skipped', ...codes];
  const rows = [...result.units, result.all].map((u) => [
    ...(withUnits ? [u.rankGroup ?? null] : []),
    u.rank,
    u.unit,
    ...(withUnits ? [u.name ?? null, u.group ?? null] : []),
    fmt(u.index, f),
    u.forms,
    u.valid,
    u.invalid,
    u.skipped,
    ...codes.map((c) => fmt(u.nodes.get(c) ?? null, f)),
  ]);
  return [header, ...rows];
}

/** SIPAS results as CSV text. */
export function surveyResultCsv(result: SipasResult, opts: CsvWriteOptions & Partial<OutputFormat> = {}): string {
  return toCsv(surveyResultRows(result, { decimals: opts.decimals ?? result.settings.decimals, rounding: opts.rounding ?? result.settings.rounding }), opts);
}
