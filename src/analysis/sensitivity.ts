/**
 * How stable are the ranks? (`parindex sensitivity`). Each of N runs perturbs the round with a
 * seeded generator — by default every leaf's weight (its max, and with it the points earned on it)
 * × a factor drawn uniformly from [1 − spread, 1 + spread); in `appraisal` mode appraised cells
 * revert to the self value at random (see `perturbations.ts`) — re-scores every unit exactly and
 * re-ranks each league with the round's tie rule. Per unit: base rank, min / median / max rank over the runs, the share of runs
 * keeping the base rank and the mean absolute rank shift — over the runs in which the unit has an
 * index (a run can leave it without one, e.g. when every appraised value reverts to a self `NA`;
 * those runs are counted apart as `unrankedRuns`); per league: units whose rank never moves and the
 * mean Spearman correlation between base and perturbed ranks. Deterministic: the same data, runs,
 * seed and spread give the same report. Bad options throw a {@link ParIndexError} (`bad-option`).
 */
import { ParIndexError, problem } from '../errors.js';
import { parseExact } from '../numbers/decimal-text.js';
import { Exact } from '../numbers/exact.js';
import { groupBy } from '../order/group-by.js';
import type { InputMatrix } from '../criteria/inputs.js';
import { ruleOf } from '../criteria/rules/index.js';
import { unitLeafDetails } from '../scoring/leaf-detail.js';
import { appraisalPerturbation, weightPerturbation } from './perturbations.js';
import { highestFirst, rankItems } from '../order/ranking.js';
import type { ScoreResult } from '../scoring/score.js';

/** Options of {@link sensitivity}. */
export interface SensitivityOptions {
  /** Number of perturbed runs (default 200, at least 1). */
  runs?: number;
  /** Seed of the generator (default 1; a whole number, taken modulo 2^32). */
  seed?: number;
  /** What is perturbed: criterion weights (default) or the council's appraisal. */
  mode?: SensitivityMode;
  /** weights mode: half-width of the weight factor's range, 0 ≤ spread < 1 (default 0.1 = ±10 %). */
  spread?: Exact | string;
  /** appraisal mode: probability that an appraised cell reverts to its self value, 0..1 (default 0.5). */
  revert?: Exact | string;
}

/** What a sensitivity run perturbs. */
export type SensitivityMode = 'weights' | 'appraisal';

/** The modes of {@link sensitivity}. */
export const SENSITIVITY_MODES = ['weights', 'appraisal'] as const;

/** The defaults of {@link sensitivity}. */
export const SENSITIVITY_DEFAULTS = Object.freeze({ runs: 200, seed: 1, mode: 'weights' as SensitivityMode, spread: '0.1', revert: '0.5' });

/** Rank statistics of one unit over the runs. */
export interface UnitSensitivity {
  /** Unit id. */
  unit: string;
  /** Name. */
  name: string;
  /** League. */
  rankGroup: string;
  /** Index of the unperturbed round. */
  index: Exact | null;
  /** Rank of the unperturbed round. */
  baseRank: number | null;
  /**
   * Best rank over the runs in which the unit has an index (as for the other rank statistics);
   * null without a base rank or when no run ranks the unit.
   */
  minRank: number | null;
  /** Median rank over the ranked runs (the mean of the two middle ranks for an even number of them). */
  medianRank: Exact | null;
  /** Worst rank over the ranked runs. */
  maxRank: number | null;
  /** Share of the ranked runs (0..1) in which the unit kept its base rank. */
  keepShare: Exact | null;
  /** Mean of |run rank − base rank| over the ranked runs. */
  meanShift: Exact | null;
  /** Runs in which the unit has no index (applicable max 0), left out of the rank statistics. */
  unrankedRuns: number;
  /** Lowest perturbed index. */
  minIndex: Exact | null;
  /** Highest perturbed index. */
  maxIndex: Exact | null;
}

/** Stability summary of one league. */
export interface LeagueSensitivity {
  /** Ranked units. */
  units: number;
  /** Units whose rank is the base rank in every run (a run leaving a unit unranked counts as a move). */
  neverMoved: number;
  /** neverMoved / units. */
  neverMovedShare: Exact | null;
  /** Mean of the units' mean absolute shifts (units ranked in at least one run). */
  meanShift: Exact | null;
  /**
   * Mean over the runs of Spearman's ρ between base and run ranks, by the classic formula
   * 1 − 6 Σd² / (n (n² − 1)) (exact without ties), over the units ranked both at base and in the
   * run (ranked again among themselves when a unit is ranked in only one of the two); runs with
   * fewer than 2 such units are left out; null when no run is left.
   */
  meanSpearman: Exact | null;
  /** Lowest ρ of any run. */
  minSpearman: Exact | null;
}

/** The report of {@link sensitivity}. */
export interface SensitivityResult {
  /** Runs made. */
  runs: number;
  /** Seed used. */
  seed: number;
  /** Mode used. */
  mode: SensitivityMode;
  /** Spread used (weights mode; 0 in appraisal mode). */
  spread: Exact;
  /** Revert probability used (appraisal mode; 0 in weights mode). */
  revert: Exact;
  /** Units in the order of the base result (league, rank, id). */
  units: UnitSensitivity[];
  /** Summary per league. */
  leagues: Map<string, LeagueSensitivity>;
}

function badOption(column: string, what: ReturnType<typeof problem>, value: unknown): ParIndexError {
  return new ParIndexError({ column, ...what, value: String(value) });
}

/**
 * Reads and checks the spread: decimal text or a value with 0 ≤ spread < 1, else a
 * {@link ParIndexError} (`bad-option`, column `spread`).
 */
export function parseSpread(spread: Exact | string): Exact {
  const w = typeof spread === 'string' ? parseExact(spread) : spread;
  if (!(w instanceof Exact)) throw badOption('spread', problem('bad-option/spread-not-decimal'), spread);
  if (w.sign() < 0 || w.cmp(Exact.ONE) >= 0) throw badOption('spread', problem('bad-option/spread-range'), typeof spread === 'string' ? spread : w.toString());
  return w;
}

/**
 * Reads and checks a revert probability: decimal text or a value with 0 ≤ p ≤ 1, else a
 * {@link ParIndexError} (`bad-option`, column `revert`).
 */
export function parseRevert(revert: Exact | string): Exact {
  const p = typeof revert === 'string' ? parseExact(revert) : revert;
  if (!(p instanceof Exact)) throw badOption('revert', problem('bad-option/revert-not-decimal'), revert);
  if (p.sign() < 0 || p.cmp(Exact.ONE) > 0) throw badOption('revert', problem('bad-option/revert-range'), typeof revert === 'string' ? revert : p.toString());
  return p;
}

/** A run's rank of a unit without an index in that run (ranks start at 1). */
const UNRANKED = 0;

/**
 * Runs the sensitivity analysis on a scored round. `inputs` must be the matrix `base` was scored
 * from. Bad options (runs < 1, a seed that is not a whole number ≥ 0, an unknown mode, spread
 * outside [0, 1), revert outside [0, 1]) throw a {@link ParIndexError} with code `bad-option` and
 * the option's name as column.
 */
export function sensitivity(base: ScoreResult, inputs: InputMatrix, options: SensitivityOptions = {}): SensitivityResult {
  const runs = options.runs ?? SENSITIVITY_DEFAULTS.runs;
  const seed = options.seed ?? SENSITIVITY_DEFAULTS.seed;
  if (!Number.isInteger(runs) || runs < 1) throw badOption('runs', problem('bad-option/runs'), runs);
  if (!Number.isInteger(seed) || seed < 0) throw badOption('seed', problem('bad-option/seed'), seed);
  const mode = options.mode ?? SENSITIVITY_DEFAULTS.mode;
  if (!(SENSITIVITY_MODES as readonly string[]).includes(mode)) throw badOption('mode', problem('bad-option/mode', { modes: SENSITIVITY_MODES.join(', ') }), mode);
  const spread = mode === 'weights' ? parseSpread(options.spread ?? SENSITIVITY_DEFAULTS.spread) : Exact.ZERO;
  const revert = mode === 'appraisal' ? parseRevert(options.revert ?? SENSITIVITY_DEFAULTS.revert) : Exact.ZERO;
  const fw = base.framework;
  const settings = base.settings;
  const units = base.units;
  const details = units.map((u) => unitLeafDetails(fw, inputs, inputs.unitIndex.get(u.unit)!));
  const design = mode === 'weights' ? weightPerturbation(details, fw.leaves.length, (j) => !ruleOf(fw.leaves[j]).scoring.hasMax, runs, seed, spread) : appraisalPerturbation(details, runs, seed, revert);

  const n = units.length;
  // ranks[i][r]: rank of unit i in run r, or UNRANKED when the unit has no index in that run.
  const ranks = Array.from({ length: n }, () => new Int32Array(runs));
  const minIndex: (Exact | null)[] = new Array(n).fill(null);
  const maxIndex: (Exact | null)[] = new Array(n).fill(null);
  const leagueMembers = groupBy(
    units.map((_, i) => i),
    (i) => units[i].rankGroup,
  );
  const spearman = new Map<string, Exact[]>([...leagueMembers.keys()].map((g) => [g, []]));
  const baseRankedCount = new Map([...leagueMembers].map(([g, members]) => [g, members.filter((i) => units[i].rank !== null).length]));
  const byBaseRank = (a: number, b: number) => units[a].rank! - units[b].rank!;
  const index: (Exact | null)[] = new Array(n);
  // rankOn rounded: each run's index rounded once per unit, not at every comparison of the sort.
  const rounded = settings.rankOn === 'rounded';
  const printed: bigint[] = new Array(n);
  const compare = rounded ? highestFirst(printed) : (a: number, b: number) => index[b]!.cmp(index[a]!);

  const nums: bigint[] = new Array(n);
  const dens: bigint[] = new Array(n);
  for (let r = 0; r < runs; r++) {
    design.run(r, nums, dens);
    for (let i = 0; i < n; i++) {
      const num = nums[i];
      const den = dens[i];
      if (den === 0n) {
        index[i] = null;
        continue;
      }
      let x = Exact.of(100n * num, den);
      if (settings.clamp) x = x.max(Exact.ZERO).min(Exact.HUNDRED);
      index[i] = x;
      if (rounded) printed[i] = x.roundToScaled(settings.decimals, settings.rounding);
      minIndex[i] = minIndex[i] === null ? x : minIndex[i]!.min(x);
      maxIndex[i] = maxIndex[i] === null ? x : maxIndex[i]!.max(x);
    }
    for (const [g, members] of leagueMembers) {
      const ranked = rankItems(
        members,
        (i) => index[i] !== null,
        compare,
        (i) => units[i].unit,
        settings.ties,
      );
      let d2 = 0n;
      let runRanked = 0;
      const both: number[] = [];
      for (const { item, rank } of ranked) {
        ranks[item][r] = rank ?? UNRANKED;
        if (rank === null) continue;
        runRanked++;
        const b = units[item].rank;
        if (b !== null) {
          d2 += BigInt((rank - b) * (rank - b));
          both.push(item);
        }
      }
      if (both.length >= 2 && (both.length !== runRanked || both.length !== baseRankedCount.get(g))) {
        // Units ranked in only one of the two rankings are left out of ρ: both rankings are then
        // taken again among the units ranked in both, so a dropped unit alone does not lower ρ.
        const baseRank = new Map(
          rankItems(
            both,
            () => true,
            byBaseRank,
            (i) => units[i].unit,
            settings.ties,
          ).map((x) => [x.item, x.rank!]),
        );
        d2 = 0n;
        for (const { item, rank } of rankItems(
          both,
          () => true,
          compare,
          (i) => units[i].unit,
          settings.ties,
        )) {
          const d = rank! - baseRank.get(item)!;
          d2 += BigInt(d * d);
        }
      }
      if (both.length >= 2) {
        const c = BigInt(both.length);
        spearman.get(g)!.push(Exact.ONE.sub(Exact.of(6n * d2, c * (c * c - 1n))));
      }
    }
  }

  const out: UnitSensitivity[] = units.map((u, i) => {
    const base = u.rank;
    const sorted = ranks[i].filter((x) => x !== UNRANKED).sort();
    const m = sorted.length;
    const unrankedRuns = runs - m;
    if (base === null || m === 0) {
      return {
        unit: u.unit,
        name: u.name,
        rankGroup: u.rankGroup,
        index: u.index,
        baseRank: base,
        minRank: null,
        medianRank: null,
        maxRank: null,
        keepShare: null,
        meanShift: null,
        unrankedRuns,
        minIndex: minIndex[i],
        maxIndex: maxIndex[i],
      };
    }
    let keep = 0;
    let shift = 0;
    for (const x of sorted) {
      if (x === base) keep++;
      shift += Math.abs(x - base);
    }
    const median = Exact.of(sorted[(m - 1) >> 1] + sorted[m >> 1], 2);
    return {
      unit: u.unit,
      name: u.name,
      rankGroup: u.rankGroup,
      index: u.index,
      baseRank: base,
      minRank: sorted[0],
      medianRank: median,
      maxRank: sorted[m - 1],
      keepShare: Exact.of(keep, m),
      meanShift: Exact.of(shift, m),
      unrankedRuns,
      minIndex: minIndex[i],
      maxIndex: maxIndex[i],
    };
  });

  const leagues = new Map<string, LeagueSensitivity>();
  for (const [g, members] of leagueMembers) {
    const ranked = members.map((i) => out[i]).filter((s) => s.baseRank !== null);
    const never = ranked.filter((s) => s.unrankedRuns === 0 && s.minRank === s.baseRank && s.maxRank === s.baseRank).length;
    const shifts = ranked.filter((s) => s.meanShift !== null);
    const rhos = spearman.get(g)!;
    let shiftSum = Exact.ZERO;
    for (const s of shifts) shiftSum = shiftSum.add(s.meanShift!);
    let rhoSum = Exact.ZERO;
    let rhoMin: Exact | null = null;
    for (const x of rhos) {
      rhoSum = rhoSum.add(x);
      rhoMin = rhoMin === null ? x : rhoMin.min(x);
    }
    leagues.set(g, {
      units: ranked.length,
      neverMoved: never,
      neverMovedShare: ranked.length ? Exact.of(never, ranked.length) : null,
      meanShift: shifts.length ? shiftSum.div(Exact.of(shifts.length)) : null,
      meanSpearman: rhos.length ? rhoSum.div(Exact.of(rhos.length)) : null,
      minSpearman: rhoMin,
    });
  }
  return { runs, seed, mode, spread, revert, units: out, leagues };
}
