/**
 * Informational baseline "decimal.js from text": the reference implementation parindex is tested
 * against (src/scoring/decimal-reference.ts, exported as scoreWithDecimal) run on the evidence and
 * survey rows AS TEXT — so its timed run also parses every cell, builds its row maps and converts
 * the framework's numbers per unit — then each league ranked by Decimal comparison (competition
 * ranks) and every index printed to 2 decimals (half-up). The scoring goal is judged against the
 * prepared baseline (decimal-prepared.mjs), which starts from parsed data like the other sides.
 */
export function decimalScore(P, fw, units, evidence, survey) {
  const res = P.scoreWithDecimal(fw, units, evidence, survey);
  const leagues = new Map();
  for (const u of units.list) {
    const r = res.get(u.id);
    if (r.index === null) continue;
    const l = leagues.get(u.rankGroup);
    if (l) l.push([u.id, r.index]);
    else leagues.set(u.rankGroup, [[u.id, r.index]]);
  }
  const rank = new Map();
  let chars = 0;
  for (const list of leagues.values()) {
    list.sort((a, b) => b[1].cmp(a[1]) || (a[0] < b[0] ? -1 : 1));
    list.forEach(([id, idx], k) => {
      rank.set(id, k > 0 && list[k - 1][1].eq(idx) ? rank.get(list[k - 1][0]) : k + 1);
      chars += idx.toFixed(2, P.RefDecimal.ROUND_HALF_UP).length;
    });
  }
  return { res, rank, chars };
}
