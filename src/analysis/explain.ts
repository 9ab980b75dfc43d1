/**
 * Explaining one unit's result (`parindex explain`): its index, rank and league; the exact gap to
 * the unit ranked directly above and below and to each band's lower bound, in index points and in
 * the raw points the unit would need on its own applicable max; and where it lost points — per area
 * and the largest lost leaves. Every figure is exact; rounding happens only at output.
 */
import { ParIndexError, problem } from '../errors.js';
import { Exact } from '../numbers/exact.js';
import type { InputMatrix } from '../criteria/inputs.js';
import { ruleOf } from '../criteria/rules/index.js';
import { unitLeafDetails, type LeafStatus } from '../scoring/leaf-detail.js';
import type { ScoreResult, UnitResult } from '../scoring/score.js';

/** Options of {@link explainUnit}. */
export interface ExplainOptions {
  /** How many lost leaves to list, largest first (default 10; 0 = all with a loss). */
  top?: number;
  /** Units file name, for the error on an unknown unit. */
  unitsFile?: string;
}

/** A gap in index points and the raw points it takes on the unit's own applicable max. */
export interface Gap {
  /** Index points (see where the gap is used for its sign). */
  indexGap: Exact;
  /** Raw points on the unit's applicable max matching `indexGap`: indexGap × max / 100, exact. */
  pointsGap: Exact;
}

/**
 * A neighbouring unit in the league. The gap is always positive: for the unit above, what the unit
 * must gain to draw level (a tie; anything more overtakes); for the unit below, the unit's lead —
 * what it could lose before being caught.
 */
export interface Neighbour extends Gap {
  /** Unit id. */
  unit: string;
  /** Name. */
  name: string;
  /** Its rank. */
  rank: number | null;
  /** Its exact index. */
  index: Exact;
}

/**
 * The gap to a band's lower bound, signed: bound − index. Positive = what the unit must gain to
 * reach the bound (for a strict `>` band, anything more); 0 or negative = its margin above it.
 */
export interface BandGap extends Gap {
  /** Band label. */
  band: string;
  /** Lower bound. */
  min: Exact;
  /** True when the bound itself is below the band (`>`): the unit must exceed it. */
  strict: boolean;
  /** True when the unit is in this band or a higher one. */
  reached: boolean;
}

/** Points lost in one area. */
export interface AreaLoss {
  /** Area code. */
  code: string;
  /** Area title. */
  title: string;
  /** Points earned (bonus and penalty included). */
  points: Exact;
  /** Applicable max. */
  max: Exact;
  /** max − points (negative when a bonus lifts the area above its max). */
  lost: Exact;
}

/** Points lost on one leaf. */
export interface LeafLoss {
  /** Criterion code. */
  code: string;
  /** Title. */
  title: string;
  /** Area code. */
  area: string;
  /** Rule. */
  rule: string;
  /** How the input was found. */
  status: LeafStatus;
  /** The input that counted (null when missing). */
  input: string | null;
  /** Points earned. */
  points: Exact;
  /** Max (0 for adjust). */
  max: Exact;
  /** max − points; for a penalty (`adjust` below 0), the penalty's size. */
  lost: Exact;
}

/** Everything `parindex explain` reports about one unit. */
export interface Explanation {
  /** Unit id. */
  unit: string;
  /** Name. */
  name: string;
  /** Group. */
  group: string;
  /** League. */
  rankGroup: string;
  /** Exact index (null when the applicable max is 0). */
  index: Exact | null;
  /** Self-assessed index. */
  selfIndex: Exact | null;
  /** Rank in the league. */
  rank: number | null;
  /** Units ranked in the league. */
  leagueSize: number;
  /** Band, if bands are set. */
  band: string | null;
  /** Points (appraisal + survey + adjust). */
  points: Exact;
  /** Applicable max. */
  max: Exact;
  /** Total lost: max − points. */
  lost: Exact;
  /** The nearest unit with a strictly higher index (null for the leader). */
  above: Neighbour | null;
  /** The nearest unit with a strictly lower index (null for the last). */
  below: Neighbour | null;
  /** Units with exactly the same index. */
  tiedWith: string[];
  /** Gap to each band's lower bound, highest band first (empty without bands). */
  bands: BandGap[];
  /** Every area applying to the unit, in framework order. */
  areas: AreaLoss[];
  /** Lost leaves, largest loss first (then framework order); at most `top`. */
  leaves: LeafLoss[];
  /** Leaves with a loss in all (before `top` cut the list). */
  lostLeaves: number;
  /** Applicable leaves without input. */
  missing: number;
  /** Rows whose appraised cell was blank (the self value stood). */
  unappraised: number;
  /** Leaves not applicable. */
  na: number;
}

function gapTo(target: Exact, index: Exact, max: Exact): Gap {
  const indexGap = target.sub(index);
  return { indexGap, pointsGap: indexGap.mul(max).div(Exact.HUNDRED) };
}

/** A neighbour with the positive gap between the higher and the lower of the two indices. */
function neighbour(u: UnitResult, self: UnitResult, higher: Exact, lower: Exact): Neighbour {
  return { unit: u.unit, name: u.name, rank: u.rank, index: u.index!, ...gapTo(higher, lower, self.max) };
}

/** Throws the located error for a unit id that is not in the result. */
function unknownUnit(result: ScoreResult, id: string, file?: string): never {
  const first = result.units
    .slice(0, 5)
    .map((u) => u.unit)
    .join(', ');
  throw new ParIndexError({ file, column: 'unit', ...problem('unknown-unit/explain', { unit: id, count: result.units.length, first }), value: id });
}

/**
 * Explains one unit of a scored round. `inputs` must be the matrix the result was scored from (it
 * gives the per-leaf detail). Throws a {@link ParIndexError} (`unknown-unit`) when `unitId` is not a
 * unit of the round.
 *
 * Neighbours are found on exact indices whatever the `rankOn` setting: "above" is the nearest unit
 * whose index is strictly higher, so tied units are listed in `tiedWith` instead.
 */
export function explainUnit(result: ScoreResult, inputs: InputMatrix, unitId: string, options: ExplainOptions = {}): Explanation {
  const u = result.units.find((x) => x.unit === unitId);
  const position = inputs.unitIndex.get(unitId);
  if (!u || position === undefined) unknownUnit(result, unitId, options.unitsFile);
  const league = result.units.filter((x) => x.rankGroup === u.rankGroup && x.index !== null);
  let above: Neighbour | null = null;
  let below: Neighbour | null = null;
  const tiedWith: string[] = [];
  const bands: BandGap[] = [];
  if (u.index !== null) {
    let best: UnitResult | undefined;
    let worst: UnitResult | undefined;
    for (const o of league) {
      if (o === u) continue;
      const c = o.index!.cmp(u.index);
      if (c === 0) tiedWith.push(o.unit);
      else if (c > 0 && (!best || o.index!.cmp(best.index!) < 0)) best = o;
      else if (c < 0 && (!worst || o.index!.cmp(worst.index!) > 0)) worst = o;
    }
    above = best ? neighbour(best, u, best.index!, u.index) : null;
    below = worst ? neighbour(worst, u, u.index, worst.index!) : null;
    for (const b of result.settings.bands) {
      const c = u.index.cmp(b.min);
      bands.push({ band: b.label, min: b.min, strict: b.strict, reached: c > 0 || (c === 0 && !b.strict), ...gapTo(b.min, u.index, u.max) });
    }
  }
  const fw = result.framework;
  const areas: AreaLoss[] = [...u.areas].map(([code, a]) => ({ code, title: fw.byCode.get(code)?.title ?? '', points: a.points, max: a.max, lost: a.max.sub(a.points) }));
  const lost: LeafLoss[] = [];
  for (const d of unitLeafDetails(fw, inputs, position)) {
    const c = d.criterion;
    // A leaf with a max loses what it did not earn; one without (a bonus or penalty) loses a penalty.
    const loss = ruleOf(c).scoring.hasMax ? d.max.sub(d.points) : d.points.neg().max(Exact.ZERO);
    if (loss.sign() <= 0) continue;
    lost.push({ code: c.code, title: c.title, area: c.area, rule: c.rule!, status: d.status, input: d.input, points: d.points, max: d.max, lost: loss });
  }
  // Stable sort: largest loss first, framework order among equals.
  lost.sort((a, b) => b.lost.cmp(a.lost));
  const top = options.top ?? 10;
  return {
    unit: u.unit,
    name: u.name,
    group: u.group,
    rankGroup: u.rankGroup,
    index: u.index,
    selfIndex: u.selfIndex,
    rank: u.rank,
    leagueSize: league.length,
    band: u.band,
    points: u.points,
    max: u.max,
    lost: u.max.sub(u.points),
    above,
    below,
    tiedWith: tiedWith.sort(),
    bands,
    areas,
    leaves: top > 0 ? lost.slice(0, top) : lost,
    lostLeaves: lost.length,
    missing: u.missing,
    unappraised: u.unappraised,
    na: u.na,
  };
}
