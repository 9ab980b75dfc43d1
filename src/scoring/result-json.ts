/**
 * The JSON form of a score result (docs/spec.md §6): numbers as strings rounded to the output
 * decimals, counts and ranks as integers, null where none. `JSON.stringify(result)` gives it.
 */
import type { Exact, RoundingMode } from '../numbers/exact.js';
import type { ScoreResult, Summary, UnitResult } from './score.js';

/** Output rounding. */
export interface OutputFormat {
  /** Decimals printed. */
  decimals: number;
  /** How the last printed digit is rounded. */
  rounding: RoundingMode;
}

/** Rounds an exact value for output; null stays null. */
export function fmt(x: Exact | null, f: OutputFormat): string | null {
  return x === null ? null : x.toFixed(f.decimals, f.rounding);
}

/** A summary in the JSON document. */
export interface SummaryJson {
  /** Units with an index. */
  count: number;
  /** Mean index, rounded; null when count is 0. */
  mean: string | null;
  /** Lowest index, rounded. */
  min: string | null;
  /** Highest index, rounded. */
  max: string | null;
}

/** One unit in the JSON document. */
export interface UnitJson {
  /** Unit id. */
  unit: string;
  /** Unit name. */
  name: string;
  /** Unit group. */
  group: string;
  /** League the unit is ranked in. */
  rankGroup: string;
  /** The index, rounded; null when the applicable max is 0. */
  index: string | null;
  /** The index from the self-assessed inputs, rounded; null when not available. */
  selfIndex: string | null;
  /** Rank in the league; null without an index. */
  rank: number | null;
  /** Band; null when none. */
  band: string | null;
  /** Appraisal + survey + adjust points, rounded. */
  points: string | null;
  /** Applicable max (appraised side), rounded. */
  max: string | null;
  /** Points of appraisal criteria (bonus and penalty excluded), rounded. */
  appraisalPoints: string | null;
  /** Points of survey criteria, rounded. */
  surveyPoints: string | null;
  /** Bonus and penalty points, rounded. */
  adjustPoints: string | null;
  /** Points and max per area code. */
  areas: Record<
    string,
    {
      /** Points in the area, rounded. */
      points: string | null;
      /** Applicable max of the area, rounded. */
      max: string | null;
    }
  >;
  /** Applicable leaves with no input (scored 0). */
  missing: number;
  /** Rows with no appraised value (the self value stands). */
  unappraised: number;
  /** Leaves not applicable (NA) on the final side. */
  na: number;
}

/** The JSON document of a scored round (docs/spec.md §6). */
export interface ScoreResultJson {
  /** Units by league, then rank, then id. */
  units: UnitJson[];
  /** Summary per league. */
  leagues: Record<string, SummaryJson>;
  /** Summary per group. */
  groups: Record<string, SummaryJson>;
}

/** JSON of a summary. */
export function summaryJson(s: Summary, f: OutputFormat): SummaryJson {
  return { count: s.count, mean: fmt(s.mean, f), min: fmt(s.min, f), max: fmt(s.max, f) };
}

/**
 * A Map as a JSON object. User text becomes the keys, so the object is built with
 * `Object.fromEntries` (own data properties: a key such as `__proto__` stays a key).
 */
export function mapJson<T, U>(m: ReadonlyMap<string, T>, fn: (t: T) => U): Record<string, U> {
  return Object.fromEntries([...m].map(([k, v]) => [k, fn(v)]));
}

/** The JSON row of one unit. */
export function unitJson(
  u: Pick<UnitResult, 'unit' | 'name' | 'group' | 'rankGroup' | 'index' | 'selfIndex' | 'rank' | 'band' | 'points' | 'max' | 'appraisalPoints' | 'surveyPoints' | 'adjustPoints' | 'areas' | 'missing' | 'unappraised' | 'na'>,
  f: OutputFormat,
): UnitJson {
  return {
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
    areas: mapJson(u.areas, (a) => ({ points: fmt(a.points, f), max: fmt(a.max, f) })),
    missing: u.missing,
    unappraised: u.unappraised,
    na: u.na,
  };
}

/** The JSON document of a scored round, rounded as `f` says (default: the run's settings). */
export function scoreResultJson(result: ScoreResult, f: OutputFormat = result.settings): ScoreResultJson {
  return {
    units: result.units.map((u) => unitJson(u, f)),
    leagues: mapJson(result.leagues, (s) => summaryJson(s, f)),
    groups: mapJson(result.groups, (s) => summaryJson(s, f)),
  };
}

/** Units per piece of {@link scoreResultJsonPieces}. */
const UNITS_PER_PIECE = 512;

/** `JSON.stringify(x, null, 2)` placed at `depth` levels of indentation (every line but the first shifted). */
function indented(x: unknown, depth: number): string {
  const pad = '  '.repeat(depth);
  return JSON.stringify(x, null, 2).replaceAll('\n', `\n${pad}`);
}

/** A JSON value as `JSON.stringify` prints a string, a whole number or null. */
function jsonValue(x: string | number | null): string {
  return x === null ? 'null' : typeof x === 'string' ? JSON.stringify(x) : String(x);
}

/**
 * A unit's row as `JSON.stringify(row, null, 2)` prints it inside the document's `units` array (at
 * two levels of indentation), written field by field: half the time of stringifying and shifting it.
 */
function unitJsonText(j: UnitJson): string {
  const keys = Object.keys(j.areas); // the order JSON.stringify takes (integer-like codes first)
  let areas = '{}';
  if (keys.length > 0) {
    areas = '{\n';
    for (let i = 0; i < keys.length; i++) {
      const a = j.areas[keys[i]];
      areas += `        ${JSON.stringify(keys[i])}: {\n          "points": ${jsonValue(a.points)},\n          "max": ${jsonValue(a.max)}\n        }${i < keys.length - 1 ? ',\n' : '\n'}`;
    }
    areas += '      }';
  }
  return (
    `    {\n      "unit": ${jsonValue(j.unit)},\n      "name": ${jsonValue(j.name)},\n      "group": ${jsonValue(j.group)},\n      "rankGroup": ${jsonValue(j.rankGroup)},\n` +
    `      "index": ${jsonValue(j.index)},\n      "selfIndex": ${jsonValue(j.selfIndex)},\n      "rank": ${jsonValue(j.rank)},\n      "band": ${jsonValue(j.band)},\n` +
    `      "points": ${jsonValue(j.points)},\n      "max": ${jsonValue(j.max)},\n      "appraisalPoints": ${jsonValue(j.appraisalPoints)},\n      "surveyPoints": ${jsonValue(j.surveyPoints)},\n      "adjustPoints": ${jsonValue(j.adjustPoints)},\n` +
    `      "areas": ${areas},\n      "missing": ${jsonValue(j.missing)},\n      "unappraised": ${jsonValue(j.unappraised)},\n      "na": ${jsonValue(j.na)}\n    }`
  );
}

/**
 * The JSON document of a scored round as `JSON.stringify(scoreResultJson(result, f), null, 2)`
 * prints it, plus a final line end, in pieces of a few hundred units: a writer can send each piece
 * on as it comes, so a national result is never held as one object tree and one string (strings
 * never hold a raw line break, so shifting lines is safe; a test holds the pieces to the whole).
 */
export function* scoreResultJsonPieces(result: ScoreResult, f: OutputFormat = result.settings): Generator<string> {
  const units = result.units;
  if (units.length === 0) yield '{\n  "units": [],\n';
  else {
    yield '{\n  "units": [\n';
    for (let i = 0; i < units.length; i += UNITS_PER_PIECE) {
      let piece = '';
      const end = Math.min(units.length, i + UNITS_PER_PIECE);
      for (let k = i; k < end; k++) piece += `${unitJsonText(unitJson(units[k], f))}${k < units.length - 1 ? ',\n' : '\n'}`;
      yield piece;
    }
    yield '  ],\n';
  }
  yield `  "leagues": ${indented(
    mapJson(result.leagues, (s) => summaryJson(s, f)),
    1,
  )},\n`;
  yield `  "groups": ${indented(
    mapJson(result.groups, (s) => summaryJson(s, f)),
    1,
  )}\n}\n`;
}
