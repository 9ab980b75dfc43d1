/**
 * Informational baseline "decimal.js from text": the reference implementation parindex is tested
 * against (src/scoring/decimal-reference.ts, exported as scoreWithDecimal) run on the evidence and
 * survey rows AS TEXT — so its timed run also parses every cell, builds its row maps and converts
 * the framework's numbers per unit — then each league ranked by Decimal comparison (competition
 * ranks) with its mean, and every index printed to 2 decimals (half-up). The scoring goal is judged
 * against the prepared baseline (decimal-prepared.mjs), which starts from parsed data like the other
 * sides. Like that baseline it implements the default settings only (it throws on any other).
 */
import { assertDefaultSettings } from './decimal-prepared.mjs';

export function decimalScore(P, fw, units, evidence, survey) {
  assertDefaultSettings(fw, 'the decimal.js-from-text baseline');
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
  const means = new Map();
  let chars = 0;
  for (const [name, list] of leagues) {
    list.sort((a, b) => b[1].cmp(a[1]) || (a[0] < b[0] ? -1 : 1));
    let sum = new P.RefDecimal(0);
    list.forEach(([id, idx], k) => {
      rank.set(id, k > 0 && list[k - 1][1].eq(idx) ? rank.get(list[k - 1][0]) : k + 1);
      sum = sum.add(idx);
      chars += idx.toFixed(2, P.RefDecimal.ROUND_HALF_UP).length;
    });
    means.set(name, sum.div(list.length));
  }
  return { res, rank, means, chars };
}
