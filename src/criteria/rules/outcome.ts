/**
 * The one statement of what a leaf's cell means (docs/spec.md §2–4), for every rule: given whether
 * the unit has a row for the leaf and the state of its two sides, which side's value earns the points,
 * whether the max counts, on the final (index) side and on the self side, and what is counted.
 *
 * - An `evidence` rule: the appraised value, else (appraised cell blank: an unappraised row) the self
 *   value. NA on the final side takes the leaf out of both points and max on that side; so does NA on
 *   the self side for the selfIndex. A blank final cell earns 0 out of the max.
 * - A `survey` rule: the score on the appraised side counts the same on both sides; NA takes the
 *   leaf out of both.
 * - No row: 0 points out of the max on both sides, counted as missing when the rule says so (not
 *   `adjust`, where a missing row is simply 0).
 * - A rule without a max (`adjust`) never counts in any max.
 *
 * The bigint kernel, the leaf audit and the decimal.js reference call this function; the fast
 * kernel inlines the same decisions in integer code and is tested against it on every combination
 * (test/leaf-outcome.test.ts).
 */
import { APPRAISED, BLANK, NA, SELF, VALUE } from '../inputs.js';
import type { RuleScoring } from './rule.js';

/** A side of a cell: `SELF` (0) or `APPRAISED` (1), as in the input matrix. */
export type Side = typeof SELF | typeof APPRAISED;
/** A cell side's state: `BLANK` (0), `NA` (1) or `VALUE` (2), as in the input matrix. */
export type CellState = typeof BLANK | typeof NA | typeof VALUE;

/**
 * How the final input of a leaf was found.
 *
 * @inline
 */
export type LeafStatus =
  /** The appraised value counted. */
  | 'appraised'
  /** No appraised value: the self value counted (an unappraised row). */
  | 'self'
  /** A survey score counted (it counts the same on the self side). */
  | 'survey'
  /** Not applicable on the final side: neither points nor max. */
  | 'na'
  /** No row: 0 points out of the max (an `adjust` leaf: 0 and not missing). */
  | 'missing';

/** What one leaf of one unit contributes, as decisions (the points themselves are the rule's). */
export interface LeafOutcome {
  /** How the final input was found. */
  readonly status: LeafStatus;
  /** The side whose cell decided the final figure (a value, NA or a blank), or -1 without a row. */
  readonly finalSide: Side | -1;
  /** The side whose value earns the points counted in the index, or -1 (0 points). */
  readonly pointsFrom: Side | -1;
  /** The leaf's max counts in the applicable max. */
  readonly countsMax: boolean;
  /** The side whose value earns the self-assessed points (selfIndex), or -1 (0 points). */
  readonly selfPointsFrom: Side | -1;
  /** The leaf's max counts in the self-assessed max. */
  readonly selfCountsMax: boolean;
  /** Counted as missing. */
  readonly missing: boolean;
  /** Counted as unappraised (the appraised cell is blank: the self value stands). */
  readonly unappraised: boolean;
  /** Counted as NA (not applicable on the final side). */
  readonly na: boolean;
}

function decide(s: RuleScoring, present: boolean, self: CellState, appraised: CellState): LeafOutcome {
  const hasMax = s.hasMax;
  if (!present) {
    return { status: 'missing', finalSide: -1, pointsFrom: -1, countsMax: hasMax, selfPointsFrom: -1, selfCountsMax: hasMax, missing: s.countsMissing, unappraised: false, na: false };
  }
  if (s.source === 'survey') {
    if (appraised === NA) return { status: 'na', finalSide: APPRAISED, pointsFrom: -1, countsMax: false, selfPointsFrom: -1, selfCountsMax: false, missing: false, unappraised: false, na: true };
    const from = appraised === VALUE ? APPRAISED : -1;
    return { status: 'survey', finalSide: APPRAISED, pointsFrom: from, countsMax: hasMax, selfPointsFrom: from, selfCountsMax: hasMax, missing: false, unappraised: false, na: false };
  }
  const selfPointsFrom = self === VALUE ? SELF : -1;
  const selfCountsMax = hasMax && self !== NA;
  const unappraised = appraised === BLANK;
  const finalSide = unappraised ? SELF : APPRAISED;
  const final = unappraised ? self : appraised;
  if (final === NA) return { status: 'na', finalSide, pointsFrom: -1, countsMax: false, selfPointsFrom, selfCountsMax, missing: false, unappraised, na: true };
  return { status: unappraised ? 'self' : 'appraised', finalSide, pointsFrom: final === VALUE ? finalSide : -1, countsMax: hasMax, selfPointsFrom, selfCountsMax, missing: false, unappraised, na: false };
}

const cache = new WeakMap<RuleScoring, LeafOutcome[]>();

/**
 * What a leaf of a rule with `scoring` contributes for one unit: `present` when the unit has a row
 * (evidence row or survey result) for it, `self` and `appraised` the states of its two sides. The
 * result is shared and frozen (one per combination).
 */
export function leafOutcome(scoring: RuleScoring, present: boolean, self: CellState, appraised: CellState): LeafOutcome {
  let table = cache.get(scoring);
  if (!table) cache.set(scoring, (table = []));
  const k = (present ? 9 : 0) + self * 3 + appraised;
  return (table[k] ??= Object.freeze(decide(scoring, present, self, appraised)));
}
