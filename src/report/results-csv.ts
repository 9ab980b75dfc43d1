/**
 * Results as CSV: one row per unit in output order (league, rank), rounded figures, a points and a
 * max column per area. Safe to open in a spreadsheet. Headers in the language asked for (English:
 * the JSON field names; Vietnamese: what a council reads — both read back by `parindex compare`),
 * numbers in the number style, `;` and decimal commas under the `vi` CSV style.
 */
import { resultWords } from '../i18n/labels/results.js';
import type { Lang } from '../i18n/lang.js';
import type { NumberStyle } from '../i18n/number-style.js';
import type { OutputFormat } from '../scoring/result-json.js';
import type { ScoreResult } from '../scoring/score.js';
import { type CsvOutputOptions, csvDialect, toCsv } from './csv-write.js';
import { figureWriter } from './styled-number.js';

/** The rows (header first) of the results table. */
export function scoreResultRows(result: ScoreResult, f: OutputFormat = result.settings, p: { lang?: Lang; numberStyle?: NumberStyle } = {}): (string | number | null)[][] {
  const w = resultWords[p.lang ?? 'vi'];
  const h = w.csv;
  const num = figureWriter(f, p.numberStyle);
  const areas = result.framework.areas.map((a) => a.code);
  const header = [
    h.rankGroup,
    h.rank,
    h.unit,
    h.name,
    h.group,
    h.index,
    h.selfIndex,
    h.band,
    h.points,
    h.max,
    h.appraisalPoints,
    h.surveyPoints,
    h.adjustPoints,
    ...areas.flatMap((a) => [w.areaPoints(a), w.areaMax(a)]),
    h.missing,
    h.unappraised,
    h.na,
  ];
  const rows = result.units.map((u) => {
    const ua = u.areas;
    return [
      u.rankGroup,
      u.rank,
      u.unit,
      u.name,
      u.group,
      num(u.index),
      num(u.selfIndex),
      u.band,
      num(u.points),
      num(u.max),
      num(u.appraisalPoints),
      num(u.surveyPoints),
      num(u.adjustPoints),
      ...areas.flatMap((a) => (ua.get(a) ? [num(ua.get(a)!.points), num(ua.get(a)!.max)] : [null, null])),
      u.missing,
      u.unappraised,
      u.na,
    ];
  });
  return [header, ...rows];
}

/** Results as CSV text. */
export function scoreResultCsv(result: ScoreResult, opts: CsvOutputOptions & Partial<OutputFormat> = {}): string {
  const d = csvDialect(opts);
  return toCsv(scoreResultRows(result, { decimals: opts.decimals ?? result.settings.decimals, rounding: opts.rounding ?? result.settings.rounding }, d), d.write);
}
