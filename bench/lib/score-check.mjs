/**
 * What every scoring side reports for the agreement check: per league, the leader (rank 1; the
 * smallest unit id among tied leaders), its index to 2 decimals and how many units were ranked; and
 * a digest of every unit's 2-decimal index, so the exact sides can be compared unit by unit.
 */
import { createHash } from 'node:crypto';

/** `rows`: [unit id, league, rank (null = unranked), index printed to 2 dp (null = none)] per unit, in units order. */
export function leagueCheck(rows) {
  const leagues = {};
  const h = createHash('sha256');
  for (const [id, league, rank, index] of rows) {
    h.update(`${id}:${index}\n`);
    const l = (leagues[league] ??= { top: null, topIndex: null, ranked: 0 });
    if (rank === null) continue;
    l.ranked++;
    if (rank === 1 && (l.top === null || id < l.top)) {
      l.top = id;
      l.topIndex = index;
    }
  }
  const sorted = Object.fromEntries(Object.keys(leagues).sort().map((k) => [k, leagues[k]]));
  return { leagues: sorted, indexDigest: h.digest('hex').slice(0, 16) };
}
