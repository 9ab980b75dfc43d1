/**
 * The JSON form of results (SPEC §6): numbers as strings rounded to the output decimals, counts and
 * ranks as integers, null where none.
 */
import type { Exact, RoundingMode } from '../numbers/exact.js';
import type { ScoreResult, Summary } from '../scoring/score.js';

/** Output rounding. */
export interface OutputFormat {
  decimals: number;
  rounding: RoundingMode;
}

/** Rounds an exact value for output; null stays null. */
export function fmt(x: Exact | null, f: OutputFormat): string | null {
  return x === null ? null : x.toFixed(f.decimals, f.rounding);
}

/** JSON of a summary. */
export function summaryJson(s: Summary, f: OutputFormat) {
  return { count: s.count, mean: fmt(s.mean, f), min: fmt(s.min, f), max: fmt(s.max, f) };
}

/** The JSON document of a scored round. */
export function scoreResultJson(result: ScoreResult, f: OutputFormat = result.settings) {
  const mapValues = <T, U>(o: Record<string, T>, fn: (t: T) => U) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, fn(v)]));
  return {
    units: result.units.map((u) => ({
      unit: u.unit,
      name: u.name,
      group: u.group,
      rankGroup: u.rankGroup,
      index: fmt(u.index, f),
      selfIndex: fmt(u.selfIndex, f),
      rank: u.rank,
      band: u.band,
      points: fmt(u.points, f),
      max: fmt(u.max, f),
      appraisalPoints: fmt(u.appraisalPoints, f),
      surveyPoints: fmt(u.surveyPoints, f),
      adjustPoints: fmt(u.adjustPoints, f),
      areas: mapValues(u.areas, (a) => ({ points: fmt(a.points, f), max: fmt(a.max, f) })),
      missing: u.missing,
      unappraised: u.unappraised,
      na: u.na,
    })),
    leagues: mapValues(result.leagues, (s) => summaryJson(s, f)),
    groups: mapValues(result.groups, (s) => summaryJson(s, f)),
  };
}

/** The type of {@link scoreResultJson}'s document. */
export type ScoreResultJson = ReturnType<typeof scoreResultJson>;
