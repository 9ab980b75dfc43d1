/**
 * Comparing two result files (`parindex compare OLD NEW`): per unit the old and new index, the
 * change, the old and new rank and the rank change; units present in only one file are flagged;
 * per league the mean change and how many units rose, fell or kept their rank. The figures compared
 * are the printed ones, read exactly from their text, so a change is exact at the printed decimals.
 */
import { Exact } from '../numbers/exact.js';
import type { ResultFile, ResultRecord } from './result-file.js';

/** Where a unit was found. */
export type PresenceStatus = 'both' | 'only-old' | 'only-new';

/** One unit compared. */
export interface UnitComparison {
  /** Unit id. */
  unit: string;
  /** Name (from the new file, else the old). */
  name: string;
  /** League (from the new file, else the old). */
  rankGroup: string;
  /** Present in both files or only one. */
  status: PresenceStatus;
  /** True when the unit is in both files under different leagues. */
  leagueChanged: boolean;
  /** Old printed index. */
  oldIndex: Exact | null;
  /** New printed index. */
  newIndex: Exact | null;
  /** new − old (null unless both exist). */
  change: Exact | null;
  /** Old rank. */
  oldRank: number | null;
  /** New rank. */
  newRank: number | null;
  /** old rank − new rank: positive = moved up (null unless both exist). */
  rankChange: number | null;
}

/** One league compared (by the new file's league of each unit). */
export interface LeagueComparison {
  /** Units in both files with an index in both. */
  compared: number;
  /** Mean of their index changes. */
  meanChange: Exact | null;
  /** Units whose rank improved. */
  up: number;
  /** Units whose rank worsened. */
  down: number;
  /** Units that kept their rank. */
  same: number;
  /** Units only in the old file. */
  onlyOld: number;
  /** Units only in the new file. */
  onlyNew: number;
}

/** The comparison of two result files. */
export interface Comparison {
  /** Old file name. */
  oldFile?: string;
  /** New file name. */
  newFile?: string;
  /** Decimals at which the files were printed (the larger of the two). */
  decimals: number;
  /** By league (first appearance, new file first), then new rank, then old rank (units only in the old file), then id. */
  units: UnitComparison[];
  /** Per league, in order of first appearance in `units`. */
  leagues: Map<string, LeagueComparison>;
}

function compareUnit(o: ResultRecord | undefined, n: ResultRecord | undefined): UnitComparison {
  const src = (n ?? o)!;
  const both = o !== undefined && n !== undefined;
  return {
    unit: src.unit,
    name: n?.name || o?.name || '',
    rankGroup: n?.rankGroup || o?.rankGroup || '',
    status: both ? 'both' : o ? 'only-old' : 'only-new',
    leagueChanged: both && o.rankGroup !== n.rankGroup,
    oldIndex: o?.index ?? null,
    newIndex: n?.index ?? null,
    change: o?.index && n?.index ? n.index.sub(o.index) : null,
    oldRank: o?.rank ?? null,
    newRank: n?.rank ?? null,
    rankChange: o?.rank != null && n?.rank != null ? o.rank - n.rank : null,
  };
}

/** Compares two result files unit by unit and league by league. */
export function compareResults(oldFile: ResultFile, newFile: ResultFile): Comparison {
  const oldBy = new Map(oldFile.units.map((u) => [u.unit, u]));
  const newIds = new Set(newFile.units.map((u) => u.unit));
  const listed = [...newFile.units.map((n) => compareUnit(oldBy.get(n.unit), n)), ...oldFile.units.filter((o) => !newIds.has(o.unit)).map((o) => compareUnit(o, undefined))];
  // By league (first appearance, new file first), then new rank, then old rank, then id.
  const leagueOrder = new Map<string, number>();
  for (const u of listed) if (!leagueOrder.has(u.rankGroup)) leagueOrder.set(u.rankGroup, leagueOrder.size);
  const r = (x: number | null) => x ?? Number.POSITIVE_INFINITY;
  const units = [...listed].sort((a, b) => leagueOrder.get(a.rankGroup)! - leagueOrder.get(b.rankGroup)! || r(a.newRank) - r(b.newRank) || r(a.oldRank) - r(b.oldRank) || (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0));
  const leagues = new Map<string, LeagueComparison>();
  const sums = new Map<string, Exact>();
  for (const u of units) {
    let l = leagues.get(u.rankGroup);
    if (!l) leagues.set(u.rankGroup, (l = { compared: 0, meanChange: null, up: 0, down: 0, same: 0, onlyOld: 0, onlyNew: 0 }));
    if (u.status === 'only-old') l.onlyOld++;
    else if (u.status === 'only-new') l.onlyNew++;
    if (u.change) {
      l.compared++;
      sums.set(u.rankGroup, (sums.get(u.rankGroup) ?? Exact.ZERO).add(u.change));
    }
    if (u.rankChange !== null) {
      if (u.rankChange > 0) l.up++;
      else if (u.rankChange < 0) l.down++;
      else l.same++;
    }
  }
  for (const [g, s] of sums) {
    const l = leagues.get(g)!;
    l.meanChange = s.div(Exact.of(l.compared));
  }
  return { oldFile: oldFile.file, newFile: newFile.file, decimals: Math.max(oldFile.decimals, newFile.decimals), units, leagues };
}
