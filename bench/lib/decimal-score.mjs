/**
 * Baseline "naive decimal.js": the reference implementation parindex is tested against
 * (src/scoring/decimal-reference.ts, exported as scoreWithDecimal) — every cell read from its text
 * into a decimal.js Decimal (precision 60) and every rule applied with decimal.js arithmetic, as a
 * straightforward implementation would — then each league ranked by Decimal comparison and every
 * index printed to 2 decimals (half-up). Its input is the evidence and survey rows as text.
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
  let top;
  let chars = 0;
  for (const list of leagues.values()) {
    list.sort((a, b) => b[1].cmp(a[1]) || (a[0] < b[0] ? -1 : 1));
    top ??= list[0];
    for (const [, idx] of list) chars += idx.toFixed(2, P.RefDecimal.ROUND_HALF_UP).length;
  }
  return { units: units.list.length, top: top[0], topIndex: top[1].toFixed(2, P.RefDecimal.ROUND_HALF_UP), chars };
}
