/**
 * The analyses of a scored round (docs/analysis.md): `explain` one unit, `sensitivity` of the ranks,
 * `compare` two results. Each takes the result, which keeps its round; each answer is plain data
 * whose `JSON.stringify` gives the CLI's JSON document.
 */
import { ParIndexError, problem } from '../errors.js';
import type { RoundUser } from '../i18n/en/api.js';
import type { ResultFile } from '../analysis/result-file.js';
import { parseResultJson } from '../analysis/result-file.js';
import { comparisonJson } from '../report/compare-output.js';
import { explanationJson } from '../report/explain-output.js';
import { sensitivityJson } from '../report/sensitivity-output.js';
import { compareResults, type Comparison } from '../analysis/compare.js';
import { explainUnit, type Explanation } from '../analysis/explain.js';
import type { ScoreResult } from '../scoring/score.js';
import { defineHidden } from '../scoring/score.js';
import { sensitivity as runSensitivity, SENSITIVITY_MODES, type SensitivityMode, type SensitivityResult } from '../analysis/sensitivity.js';
import { badArgument, checkKeys, isPlainObject, optionalChoice, optionalInteger, optionalString } from './args.js';
import { kindOf, tag } from './kinds.js';
import { roundParts } from './round.js';
import { resultRound } from './score.js';

/** The round's inputs behind a result of `score`, or a `no-round` error (a result rebuilt from JSON). */
export function inputsOf(result: ScoreResult, what: RoundUser) {
  if (kindOf(result, 'result') !== 'score') throw badArgument('result', result, 'score-result');
  const round = resultRound(result);
  if (!round) throw new ParIndexError(problem('no-round', { what }));
  return roundParts(round).inputs;
}

/** Options of {@link explain}. */
export interface ExplainOptions {
  /** How many lost leaves to list, largest loss first (default 10; 0 = every leaf with a loss). */
  top?: number;
}

/**
 * Explains one unit's rank: its exact gap in index and raw points to the unit above and below and
 * to each band, and where it lost points (areas, then leaves, self-assessed vs appraised).
 *
 * @example
 * const e = explain(result, 'noi-vu');
 * e.above?.indexGap.toFixed(2); // how far the unit above is
 */
export function explain(result: ScoreResult, unit: string, options: ExplainOptions = {}): Explanation {
  const inputs = inputsOf(result, 'explain');
  const id = optionalString(unit, 'unit');
  if (id === undefined) throw badArgument('unit', unit, 'unit-id');
  const o = checkKeys(options, ['top'], 'options');
  const top = optionalInteger(o.top, 'options.top', 0, Number.MAX_SAFE_INTEGER);
  const e = explainUnit(result, inputs, id, { top });
  defineHidden(e, { toJSON: () => explanationJson(e, result.settings) });
  return tag(e, 'explanation');
}

/** Options of {@link sensitivity}. */
export interface SensitivityOptions {
  /** Perturbed runs (default 200, at least 1). */
  runs?: number;
  /** Seed (default 1): the same seed gives the same report. */
  seed?: number;
  /** `weights` (default: every leaf's weight times a random factor) or `appraisal` (appraised cells revert to self values). */
  mode?: SensitivityMode;
  /** weights mode: half-width of the factor's range as decimal text, 0 ≤ spread < 1 (default "0.1" = ±10 %). */
  spread?: string;
  /** appraisal mode: probability that an appraised cell reverts, as decimal text from 0 to 1 (default "0.5"). */
  revert?: string;
}

/**
 * How stable the ranks are: the round is re-scored under seeded perturbations and each unit's
 * rank range, share of runs at its rank and the league's rank correlation are reported.
 */
export function sensitivity(result: ScoreResult, options: SensitivityOptions = {}): SensitivityResult {
  const inputs = inputsOf(result, 'sensitivity');
  const o = checkKeys(options, ['runs', 'seed', 'mode', 'spread', 'revert'], 'options');
  const mode = optionalChoice(o.mode, SENSITIVITY_MODES, 'options.mode');
  const runs = optionalInteger(o.runs, 'options.runs', 1, 1_000_000);
  const seed = optionalInteger(o.seed, 'options.seed', 0, Number.MAX_SAFE_INTEGER);
  const spread = optionalString(o.spread, 'options.spread');
  const revert = optionalString(o.revert, 'options.revert');
  const s = runSensitivity(result, inputs, { runs, seed, mode, spread, revert });
  defineHidden(s, { toJSON: () => sensitivityJson(s, result.settings) });
  return tag(s, 'sensitivity');
}

/** A result file read back for {@link compare} (from `loadResult` in `parindex/node`). */
export type { ResultFile };

/** @internal A result of `score`/`resultFromJson` or a result file, as a result file (`compare`, and `--previous` in the published reports). */
export function resultFileOf(x: ScoreResult | ResultFile, what: string): ResultFile {
  if (typeof x === 'object' && x !== null && isPlainObject(x) && !Array.isArray((x as ResultFile).units)) throw badArgument(what, x, 'result-or-file');
  try {
    if (kindOf(x, what) === 'score') return parseResultJson(JSON.parse(JSON.stringify(x)), { file: what });
  } catch (e) {
    if (!(e instanceof ParIndexError) || e.code !== 'bad-argument') throw e;
  }
  const f = x as ResultFile;
  if (!isPlainObject(f) || !Array.isArray(f.units) || typeof f.decimals !== 'number') throw badArgument(what, x, 'result-or-file');
  return f;
}

/** Options of {@link compare}. */
export interface CompareOptions {
  /** Largest movers listed per league and direction, by index change (default 5; 0 = every unit that moved). */
  top?: number;
}

/**
 * Compares two results — this year's and last year's, or two runs — unit by unit (index change,
 * rank change, area points when both results have them, units only in one) and league by league
 * (mean change, rank movement, the largest rises and falls, mean area changes).
 *
 * @example
 * const c = compare(lastYear, thisYear, { top: 3 });
 * c.leagues.get('so')?.risers.map((u) => u.unit);
 */
export function compare(previous: ScoreResult | ResultFile, current: ScoreResult | ResultFile, options: CompareOptions = {}): Comparison {
  const o = checkKeys(options, ['top'], 'options');
  const top = optionalInteger(o.top, 'options.top', 0, Number.MAX_SAFE_INTEGER);
  const c = compareResults(resultFileOf(previous, 'previous'), resultFileOf(current, 'current'), { top });
  defineHidden(c, { toJSON: () => comparisonJson(c, { decimals: c.decimals, rounding: 'half-up' }) });
  return tag(c, 'comparison');
}
