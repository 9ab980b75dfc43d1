/**
 * How stable are the ranks? (`parindex sensitivity`). Each of N runs perturbs the round with a
 * seeded generator — by default every leaf's weight (its max, and with it the points earned on it)
 * × a factor drawn uniformly from [1 − spread, 1 + spread); in `appraisal` mode appraised cells
 * revert to the self value at random (see `perturbations.ts`) — re-scores every unit exactly and
 * re-ranks each league with the round's tie rule. Per unit: base rank, min / median / max rank over the runs, the share of runs
 * keeping the base rank and the mean absolute rank shift; per league: units whose rank never moves
 * and the mean Spearman correlation between base and perturbed ranks. Deterministic: the same data,
 * runs, seed and spread give the same report.
 */
import { parseExact } from '../numbers/decimal-text.js';
import { Exact } from '../numbers/exact.js';
import type { InputMatrix } from './inputs.js';
import { unitLeafDetails } from './leaf-detail.js';
import { appraisalPerturbation, weightPerturbation } from './perturbations.js';
import { rankItems } from './ranking.js';
import type { ScoreResult } from './score.js';

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
  /** Best rank over the runs. */
  minRank: number | null;
  /** Median rank over the runs (the mean of the two middle ranks for an even number of runs). */
  medianRank: Exact | null;
  /** Worst rank over the runs. */
  maxRank: number | null;
  /** Share of runs (0..1) in which the unit kept its base rank. */
  keepShare: Exact | null;
  /** Mean of |run rank − base rank| over the runs. */
  meanShift: Exact | null;
  /** Lowest perturbed index. */
  minIndex: Exact | null;
  /** Highest perturbed index. */
  maxIndex: Exact | null;
}

/** Stability summary of one league. */
export interface LeagueSensitivity {
  /** Ranked units. */
  units: number;
  /** Units whose rank is the base rank in every run. */
  neverMoved: number;
  /** neverMoved / units. */
  neverMovedShare: Exact | null;
  /** Mean of the units' mean absolute shifts. */
  meanShift: Exact | null;
  /**
   * Mean over the runs of Spearman's ρ between base and run ranks, by the classic formula
   * 1 − 6 Σd² / (n (n² − 1)) (exact without ties); null with fewer than 2 ranked units.
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
  leagues: Record<string, LeagueSensitivity>;
}

/** Reads and checks the spread (a RangeError unless it is decimal text or a value with 0 ≤ spread < 1). */
export function parseSpread(spread: Exact | string): Exact {
  const w = typeof spread === 'string' ? parseExact(spread) : spread;
  if (w === undefined) throw new RangeError(`spread must be a decimal number such as 0.1, not "${spread as string}"`);
  if (w.sign() < 0 || w.cmp(Exact.ONE) >= 0) throw new RangeError(`spread must be at least 0 and below 1, not ${w.toString()}`);
  return w;
}

/** Reads and checks a revert probability (a RangeError unless 0 ≤ p ≤ 1). */
export function parseRevert(revert: Exact | string): Exact {
  const p = typeof revert === 'string' ? parseExact(revert) : revert;
  if (p === undefined) throw new RangeError(`revert must be a decimal number such as 0.5, not "${revert as string}"`);
  if (p.sign() < 0 || p.cmp(Exact.ONE) > 0) throw new RangeError(`revert must be from 0 to 1, not ${p.toString()}`);
  return p;
}

/**
 * Runs the sensitivity analysis on a scored round. `inputs` must be the matrix `base` was scored
 * from. Throws a RangeError on bad options (runs < 1, spread outside [0, 1), revert outside [0, 1]).
 */
export function sensitivity(base: ScoreResult, inputs: InputMatrix, options: SensitivityOptions = {}): SensitivityResult {
  const runs = options.runs ?? SENSITIVITY_DEFAULTS.runs;
  const seed = options.seed ?? SENSITIVITY_DEFAULTS.seed;
  if (!Number.isInteger(runs) || runs < 1) throw new RangeError(`runs must be a whole number ≥ 1, not ${runs}`);
  if (!Number.isInteger(seed) || seed < 0) throw new RangeError(`seed must be a whole number ≥ 0, not ${seed}`);
  const mode = options.mode ?? SENSITIVITY_DEFAULTS.mode;
  if (!(SENSITIVITY_MODES as readonly string[]).includes(mode)) throw new RangeError(`mode must be weights or appraisal, not ${mode}`);
  const spread = mode === 'weights' ? parseSpread(options.spread ?? SENSITIVITY_DEFAULTS.spread) : Exact.ZERO;
  const revert = mode === 'appraisal' ? parseRevert(options.revert ?? SENSITIVITY_DEFAULTS.revert) : Exact.ZERO;
  const fw = base.framework;
  const settings = base.settings;
  const units = base.units;
  const details = units.map((u) => unitLeafDetails(fw, inputs, inputs.unitIndex.get(u.unit)!));
  const design =
    mode === 'weights'
      ? weightPerturbation(details, fw.leaves.length, (j) => fw.leaves[j].rule === 'adjust', runs, seed, spread)
      : appraisalPerturbation(details, runs, seed, revert);

  const n = units.length;
  const ranks = Array.from({ length: n }, () => new Int32Array(runs));
  const minIndex: (Exact | null)[] = new Array(n).fill(null);
  const maxIndex: (Exact | null)[] = new Array(n).fill(null);
  const leagueMembers = new Map<string, number[]>();
  units.forEach((u, i) => {
    const list = leagueMembers.get(u.rankGroup);
    if (list) list.push(i);
    else leagueMembers.set(u.rankGroup, [i]);
  });
  const spearman = new Map<string, Exact[]>([...leagueMembers.keys()].map((g) => [g, []]));
  const index: (Exact | null)[] = new Array(n);

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
      minIndex[i] = minIndex[i] === null ? x : minIndex[i]!.min(x);
      maxIndex[i] = maxIndex[i] === null ? x : maxIndex[i]!.max(x);
    }
    const key = (i: number) => (settings.rankOn === 'rounded' ? index[i]!.round(settings.decimals, settings.rounding) : index[i]!);
    for (const [g, members] of leagueMembers) {
      const ranked = rankItems(members, (i) => index[i] !== null, (a, b) => key(b).cmp(key(a)), (i) => units[i].unit, settings.ties);
      let d2 = 0n;
      let count = 0;
      for (const { item, rank } of ranked) {
        ranks[item][r] = rank ?? 0;
        const b = units[item].rank;
        if (rank !== null && b !== null) {
          d2 += BigInt((rank - b) * (rank - b));
          count++;
        }
      }
      if (count >= 2) {
        const c = BigInt(count);
        spearman.get(g)!.push(Exact.ONE.sub(Exact.of(6n * d2, c * (c * c - 1n))));
      }
    }
  }

  const out: UnitSensitivity[] = units.map((u, i) => {
    const base = u.rank;
    if (base === null) {
      return { unit: u.unit, name: u.name, rankGroup: u.rankGroup, index: u.index, baseRank: null, minRank: null, medianRank: null, maxRank: null, keepShare: null, meanShift: null, minIndex: minIndex[i], maxIndex: maxIndex[i] };
    }
    const sorted = Int32Array.from(ranks[i]).sort();
    let keep = 0;
    let shift = 0;
    for (const x of sorted) {
      if (x === base) keep++;
      shift += Math.abs(x - base);
    }
    const median = Exact.of(sorted[(runs - 1) >> 1] + sorted[runs >> 1], 2);
    return {
      unit: u.unit,
      name: u.name,
      rankGroup: u.rankGroup,
      index: u.index,
      baseRank: base,
      minRank: sorted[0],
      medianRank: median,
      maxRank: sorted[runs - 1],
      keepShare: Exact.of(keep, runs),
      meanShift: Exact.of(shift, runs),
      minIndex: minIndex[i],
      maxIndex: maxIndex[i],
    };
  });

  const leagues: Record<string, LeagueSensitivity> = {};
  for (const [g, members] of leagueMembers) {
    const ranked = members.map((i) => out[i]).filter((s) => s.baseRank !== null);
    const never = ranked.filter((s) => s.minRank === s.baseRank && s.maxRank === s.baseRank).length;
    const rhos = spearman.get(g)!;
    let shiftSum = Exact.ZERO;
    for (const s of ranked) shiftSum = shiftSum.add(s.meanShift!);
    let rhoSum = Exact.ZERO;
    let rhoMin: Exact | null = null;
    for (const x of rhos) {
      rhoSum = rhoSum.add(x);
      rhoMin = rhoMin === null ? x : rhoMin.min(x);
    }
    leagues[g] = {
      units: ranked.length,
      neverMoved: never,
      neverMovedShare: ranked.length ? Exact.of(never, ranked.length) : null,
      meanShift: ranked.length ? shiftSum.div(Exact.of(ranked.length)) : null,
      meanSpearman: rhos.length ? rhoSum.div(Exact.of(rhos.length)) : null,
      minSpearman: rhoMin,
    };
  }
  return { runs, seed, mode, spread, revert, units: out, leagues };
}
