/**
 * Results as CSV: one row per unit in output order (league, rank), rounded figures, a points and a
 * max column per area. Safe to open in a spreadsheet.
 */
import type { ScoreResult } from '../scoring/score.js';
import { toCsv, type CsvWriteOptions } from './csv-write.js';
import { fmt, type OutputFormat } from '../scoring/result-json.js';

/** The rows (header first) of the results table. */
export function scoreResultRows(result: ScoreResult, f: OutputFormat = result.settings): (string | number | null)[][] {
  const areas = result.framework.areas.map((a) => a.code);
  const header = [
    'rankGroup',
    'rank',
    'unit',
    'name',
    'group',
    'index',
    'selfIndex',
    'band',
    'points',
    'max',
    'appraisalPoints',
    'surveyPoints',
    'adjustPoints',
    ...areas.flatMap((a) => [`area ${a} points`, `area ${a} max`]),
    'missing',
    'unappraised',
    'na',
  ];
  const rows = result.units.map((u) => {
    const ua = u.areas;
    return [
      u.rankGroup,
      u.rank,
      u.unit,
      u.name,
      u.group,
      fmt(u.index, f),
      fmt(u.selfIndex, f),
      u.band,
      fmt(u.points, f),
      fmt(u.max, f),
      fmt(u.appraisalPoints, f),
      fmt(u.surveyPoints, f),
      fmt(u.adjustPoints, f),
      ...areas.flatMap((a) => (ua.get(a) ? [fmt(ua.get(a)!.points, f), fmt(ua.get(a)!.max, f)] : [null, null])),
      u.missing,
      u.unappraised,
      u.na,
    ];
  });
  return [header, ...rows];
}

/** Results as CSV text. */
export function scoreResultCsv(result: ScoreResult, opts: CsvWriteOptions & Partial<OutputFormat> = {}): string {
  return toCsv(scoreResultRows(result, { decimals: opts.decimals ?? result.settings.decimals, rounding: opts.rounding ?? result.settings.rounding }), opts);
}
