/**
 * `score(round, options)`: the public entry to scoring (docs/spec.md §4). The result keeps its round,
 * so `explain`, `sensitivity` and the workbook writer need nothing else.
 */
import { resolveSettings } from '../criteria/settings.js';
import { scoreMatrix, type ScoreResult } from '../scoring/score.js';
import { ParIndexError } from '../errors.js';
import { missingReport } from '../scoring/absent-inputs.js';
import { checkKeys, optionalBoolean, optionalChoice } from './args.js';
import { tag } from './kinds.js';
import { roundParts, type Round } from './round.js';
import type { RoundingMode } from '../numbers/exact.js';
import type { TieMode } from '../criteria/settings.js';

/** Options of {@link score}; each overrides the framework's settings. */
export interface ScoreOptions {
  /** Decimals at output, and of the values ranked with `rankOn: 'rounded'` (0–20; default 2). */
  decimals?: number;
  /** Rounding at output: `half-up` (default; half away from zero) or `half-even`. */
  rounding?: RoundingMode;
  /** Ties: `competition` (default; 1, 2, 2, 4), `dense` (1, 2, 2, 3) or `ordinal` (by unit id). */
  ties?: TieMode;
  /** Rank on `exact` indices (default) or on the printed, `rounded` ones. */
  rankOn?: 'exact' | 'rounded';
  /** Bands, e.g. `"A>=90; B>=80; C>=70"` (lower bounds inclusive; `>` for strict). */
  bands?: string;
  /** Clamp index and selfIndex to [0, 100] after bonus and penalty points. */
  clamp?: boolean;
  /** A missing input is an error instead of scoring 0. */
  strict?: boolean;
  /**
   * A whole input absent — no survey results while survey criteria apply, or a criterion (bonus and
   * penalty excepted) with no input for any unit: `error` (default) or `zero` (scored 0, as meant).
   */
  missing?: 'error' | 'zero';
}

const OPTION_KEYS = ['decimals', 'rounding', 'ties', 'rankOn', 'bands', 'clamp', 'strict', 'missing'] as const;

const roundOf = new WeakMap<ScoreResult, Round>();

/** @internal The round a result was scored from (undefined for a result rebuilt from JSON). */
export function resultRound(result: ScoreResult): Round | undefined {
  return roundOf.get(result);
}

/**
 * Scores a round: every unit's exact index and self-assessed index, ranks within each league,
 * bands, and league and group summaries. `JSON.stringify(result)` gives the JSON document.
 *
 * @example
 * const result = score(round, { ties: 'dense' });
 * result.units[0].index?.toFixed(2); // "89.83"
 */
export function score(round: Round, options: ScoreOptions = {}): ScoreResult {
  const parts = roundParts(round);
  const o = checkKeys(options, OPTION_KEYS, 'options') as ScoreOptions;
  const strict = optionalBoolean(o.strict, 'options.strict');
  const missing = optionalChoice(o.missing, ['error', 'zero'] as const, 'options.missing') ?? 'error';
  // Settings are checked (and located by option name) before anything is scored.
  resolveSettings({ decimals: o.decimals, rounding: o.rounding, ties: o.ties, rankOn: o.rankOn, bands: o.bands, clamp: o.clamp });
  if (missing === 'error') {
    const absent = missingReport(parts.inputs).absent;
    if (absent.length) throw new ParIndexError(absent);
  }
  const { missing: _, ...engine } = o;
  const result = scoreMatrix(parts.framework, parts.units, parts.inputs, { ...engine, strict });
  roundOf.set(result, round);
  return tag(result, 'score');
}
