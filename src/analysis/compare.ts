/**
 * Comparing two result files (`parindex compare OLD NEW`): per unit the old and new index, the
 * change, the old and new rank and the rank change; units present in only one file are flagged;
 * per league the mean change and how many units rose, fell or kept their rank. The figures compared
 * are the printed ones, read exactly from their text, so a change is exact at the printed decimals.
 * When both files printed area points (the JSON's `areas`, the CSV's and workbook's area columns),
 * each unit's points per area are compared too, and per league their mean change; a file without
 * them (an index-only CSV) means the index only is compared, and the comparison says which file
 * lacked them. Per league the largest movers are listed: the units whose index rose most and fell
 * most.
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
  /** Points per area (codes of {@link Comparison.areas}); null when area points are not compared. */
  areas: Map<string, AreaChange> | null;
}

/** One area of one unit compared. */
export interface AreaChange {
  /** Old printed points; null where the old file has none (unit or area absent, or not applicable). */
  old: Exact | null;
  /** New printed points; null where none. */
  new: Exact | null;
  /** new − old (null unless both exist). */
  change: Exact | null;
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
  /** The largest rises: units with a positive index change, largest first (at most {@link Comparison.top}). */
  risers: UnitComparison[];
  /** The largest falls: units with a negative index change, largest fall first (at most {@link Comparison.top}). */
  fallers: UnitComparison[];
  /** Mean change of each area's points over the units with points in both files; null when area points are not compared. */
  areaMeanChange: Map<string, Exact | null> | null;
}

/** Which file printed no area points, so that the index only is compared. */
export type AreasMissing = 'old' | 'new' | 'both';

/** Options of {@link compareResults}. */
export interface CompareOptions {
  /** Largest movers listed per league and direction (default {@link DEFAULT_MOVERS}; 0 = every unit that moved). */
  top?: number;
}

/** Movers listed per league and direction by default. */
export const DEFAULT_MOVERS = 5;

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
  /** Area codes compared (new file's order, then any only in the old); null when area points are not compared. */
  areas: string[] | null;
  /** Which file has no area points (null when both have them and they are compared). */
  areasMissing: AreasMissing | null;
  /** Largest movers listed per league and direction (0 = every unit that moved). */
  top: number;
}

function compareAreas(o: ResultRecord | undefined, n: ResultRecord | undefined, codes: readonly string[]): Map<string, AreaChange> {
  const out = new Map<string, AreaChange>();
  for (const code of codes) {
    const a = o?.areas?.get(code)?.points ?? null;
    const b = n?.areas?.get(code)?.points ?? null;
    out.set(code, { old: a, new: b, change: a && b ? b.sub(a) : null });
  }
  return out;
}

function compareUnit(o: ResultRecord | undefined, n: ResultRecord | undefined, codes: readonly string[] | null): UnitComparison {
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
    areas: codes ? compareAreas(o, n, codes) : null,
  };
}

/** The area codes of a file's units, in order of first appearance. */
function areaCodes(f: ResultFile, into: Set<string>): void {
  for (const u of f.units) for (const code of u.areas?.keys() ?? []) into.add(code);
}

const byId = (a: UnitComparison, b: UnitComparison) => (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0);
/** Risers: larger rise first, then larger rank gain, then id. */
const byRise = (a: UnitComparison, b: UnitComparison) => b.change!.cmp(a.change!) || (b.rankChange ?? 0) - (a.rankChange ?? 0) || byId(a, b);
/** Fallers: larger fall first, then larger rank loss, then id. */
const byFall = (a: UnitComparison, b: UnitComparison) => a.change!.cmp(b.change!) || (a.rankChange ?? 0) - (b.rankChange ?? 0) || byId(a, b);

/**
 * Compares two result files unit by unit (index, rank and, when both printed them, area points)
 * and league by league (mean changes, rank movement, the largest movers).
 */
export function compareResults(oldFile: ResultFile, newFile: ResultFile, options: CompareOptions = {}): Comparison {
  const top = options.top ?? DEFAULT_MOVERS;
  const areasMissing: AreasMissing | null = oldFile.hasAreas && newFile.hasAreas ? null : oldFile.hasAreas ? 'new' : newFile.hasAreas ? 'old' : 'both';
  let codes: string[] | null = null;
  if (!areasMissing) {
    const set = new Set<string>();
    areaCodes(newFile, set);
    areaCodes(oldFile, set);
    codes = [...set];
  }
  const oldBy = new Map(oldFile.units.map((u) => [u.unit, u]));
  const newIds = new Set(newFile.units.map((u) => u.unit));
  const listed = [...newFile.units.map((n) => compareUnit(oldBy.get(n.unit), n, codes)), ...oldFile.units.filter((o) => !newIds.has(o.unit)).map((o) => compareUnit(o, undefined, codes))];
  // By league (first appearance, new file first), then new rank, then old rank, then id.
  const leagueOrder = new Map<string, number>();
  for (const u of listed) if (!leagueOrder.has(u.rankGroup)) leagueOrder.set(u.rankGroup, leagueOrder.size);
  const r = (x: number | null) => x ?? Number.POSITIVE_INFINITY;
  const units = [...listed].sort((a, b) => leagueOrder.get(a.rankGroup)! - leagueOrder.get(b.rankGroup)! || r(a.newRank) - r(b.newRank) || r(a.oldRank) - r(b.oldRank) || (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0));
  const leagues = new Map<string, LeagueComparison>();
  const sums = new Map<string, Exact>();
  for (const u of units) {
    let l = leagues.get(u.rankGroup);
    if (!l) leagues.set(u.rankGroup, (l = { compared: 0, meanChange: null, up: 0, down: 0, same: 0, onlyOld: 0, onlyNew: 0, risers: [], fallers: [], areaMeanChange: codes ? new Map() : null }));
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
  const limit = (list: UnitComparison[]) => (top > 0 ? list.slice(0, top) : list);
  for (const [g, l] of leagues) {
    const members = units.filter((u) => u.rankGroup === g);
    l.risers = limit(members.filter((u) => u.change !== null && u.change.sign() > 0).sort(byRise));
    l.fallers = limit(members.filter((u) => u.change !== null && u.change.sign() < 0).sort(byFall));
    if (l.areaMeanChange && codes) {
      for (const code of codes) {
        const changes = members.flatMap((u) => (u.areas?.get(code)?.change ? [u.areas.get(code)!.change!] : []));
        l.areaMeanChange.set(code, changes.length ? changes.reduce((a, b) => a.add(b), Exact.ZERO).div(Exact.of(changes.length)) : null);
      }
    }
  }
  return { oldFile: oldFile.file, newFile: newFile.file, decimals: Math.max(oldFile.decimals, newFile.decimals), units, leagues, areas: codes, areasMissing, top };
}
