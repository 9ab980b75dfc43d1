/**
 * A digest of a ranking, the same from the council page's table and from the CLI's JSON: one
 * `[unit, rank, index]` row per unit (rank `—` when unranked, index to 2 decimals as printed, `—`
 * when none), sorted by unit id, hashed. The `web-national` workload compares the two sides with it.
 */
import { createHash } from 'node:crypto';

/** `{ digest, ranked }` of `[unit, rank, index]` rows (texts). */
export function rankingDigest(rows) {
  const sorted = rows.map((r) => r.map(String)).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return {
    digest: createHash('sha256').update(JSON.stringify(sorted)).digest('hex').slice(0, 16),
    ranked: sorted.filter((r) => r[1] !== '—').length,
  };
}

/** The rows of a `parindex score --format json` document, as the page prints them. */
export function jsonRankingRows(doc) {
  return doc.units.map((u) => [u.unit, u.rank === null || u.rank === undefined ? '—' : String(u.rank), u.index ?? '—']);
}
