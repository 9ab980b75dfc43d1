/**
 * The scoring workload's agreement check: what every side reports after its last timed run
 * (untimed), and how the runner compares the sides with parindex.
 *
 * Every side reports one row per unit, in the units order:
 *
 *   [id, league, rank, index2, selfIndex2, missing, na, unappraised, indexFine, selfIndexFine]
 *
 * `index2` / `selfIndex2` are the values printed to 2 decimals (exact sides: half-up; float64:
 * `toFixed(2)`), null when there is none; `indexFine` / `selfIndexFine` are, on the exact sides,
 * the exact values printed to 12 decimals half-up (text), on the float64 side the doubles
 * themselves. `rank` is null for an unranked unit; a count is null only on a side that does not
 * compute it (the decimal.js-from-text reference returns no counts). League means are reported the
 * same way: `{ league: [mean2, meanFine] }`.
 *
 * `compareScore` holds each side to parindex:
 *   - exact sides (naive decimal.js on prepared Decimals, decimal.js from text): every row equal
 *     field for field (rank, index and selfIndex to 2 and to 12 decimals, missing, NA and
 *     unappraised counts — the text reference has no counts, so those are skipped for it only)
 *     and every league mean equal to 2 and 12 decimals;
 *   - float64: the same ids and leagues; missing / NA / unappraised counts equal; index, selfIndex
 *     and league means within 1e-9 (relative, at least absolute) of the exact values; every rank
 *     and every 2-dp index, selfIndex and mean equal — except that a printed value may differ by
 *     0.01 where the exact value lies within 1e-9 of the half-way point between the two printed
 *     values (float64 cannot round such a value reliably), and a rank may differ where the unit's
 *     exact index lies within 1e-9 of another ranked unit's in its league (an exact tie or a near
 *     tie float64 cannot resolve). The runner prints how many such exemptions it made.
 */
import { createHash } from 'node:crypto';

const TOL = 1e-9;
const ID = 0,
  LEAGUE = 1,
  RANK = 2,
  INDEX2 = 3,
  SELF2 = 4,
  MISSING = 5,
  NA = 6,
  UNAPPRAISED = 7,
  INDEXF = 8,
  SELFF = 9;
const COUNT_FIELDS = [MISSING, NA, UNAPPRAISED];
const NAMES = ['id', 'league', 'rank', 'index (2 dp)', 'selfIndex (2 dp)', 'missing', 'na', 'unappraised', 'index (12 dp)', 'selfIndex (12 dp)'];

/**
 * A side's check object: the rows and means (for `compareScore`; the runner drops `rows` from the
 * JSON report), a per-league summary (leader, its 2-dp index, ranked units, 2-dp mean) and a
 * digest of the rows and means for the record.
 */
export function scoreCheck(rows, means) {
  const leagues = {};
  for (const r of rows) {
    const l = (leagues[r[LEAGUE]] ??= { top: null, topIndex: null, ranked: 0, mean: null });
    if (r[RANK] === null) continue;
    l.ranked++;
    if (r[RANK] === 1 && (l.top === null || r[ID] < l.top)) {
      l.top = r[ID];
      l.topIndex = r[INDEX2];
    }
  }
  for (const [k, m] of Object.entries(means)) if (leagues[k]) leagues[k].mean = m[0];
  const sortedMeans = Object.fromEntries(
    Object.keys(means)
      .sort()
      .map((k) => [k, means[k]]),
  );
  const digest = createHash('sha256')
    .update(JSON.stringify([rows, sortedMeans]))
    .digest('hex')
    .slice(0, 16);
  return {
    leagues: Object.fromEntries(
      Object.keys(leagues)
        .sort()
        .map((k) => [k, leagues[k]]),
    ),
    digest,
    means: sortedMeans,
    rows,
  };
}

const near = (a, b) => Math.abs(a - b) <= TOL * Math.max(1, Math.abs(b));

/** True when printed values `f` (float side) and `e` (exact) may differ: 0.01 apart, exact value `v` at their half-way point. */
function halfBoundary(f, e, v) {
  const a = Number(f),
    b = Number(e);
  return Math.abs(Math.abs(a - b) - 0.01) < 1e-12 && near(v, (a + b) / 2);
}

/** Compares the exact side `x` with ours row by row; pushes problems. */
function compareExact(name, ours, x, counts, problems) {
  const bad = [];
  if (x.rows.length !== ours.rows.length) bad.push(`${x.rows.length} units, ours ${ours.rows.length}`);
  else
    ours.rows.forEach((o, i) => {
      const r = x.rows[i];
      for (let f = 0; f < o.length; f++) {
        if (!counts && COUNT_FIELDS.includes(f)) continue;
        if (r[f] !== o[f]) bad.push(`unit ${o[ID]}: ${NAMES[f]} ${r[f]}, ours ${o[f]}`);
      }
    });
  compareMeans(ours.means, x.means, (_k, m, o) => m[0] === o[0] && m[1] === o[1], bad);
  if (bad.length) problems.push(`${name}: ${bad.length} difference(s), e.g. ${bad.slice(0, 3).join('; ')}`);
}

function compareMeans(oursMeans, means, same, bad) {
  const keys = Object.keys(oursMeans);
  if (JSON.stringify(Object.keys(means)) !== JSON.stringify(keys)) bad.push(`leagues with a mean ${Object.keys(means).join(',')}, ours ${keys.join(',')}`);
  else for (const k of keys) if (!same(k, means[k], oursMeans[k])) bad.push(`league ${k}: mean ${means[k][0]} (${means[k][1]}), ours ${oursMeans[k][0]} (${oursMeans[k][1]})`);
}

/** Compares the float64 side `x` with ours (see the file comment); pushes problems, returns the exemptions made. */
function compareFloat(name, ours, x, problems) {
  const bad = [];
  const exempt = { printed: 0, ranks: 0 };
  if (x.rows.length !== ours.rows.length) {
    problems.push(`${name}: ${x.rows.length} units, ours ${ours.rows.length}`);
    return exempt;
  }
  // Units whose exact index lies within TOL of another ranked unit's in the same league.
  const nearTie = new Set();
  const byLeague = new Map();
  ours.rows.forEach((o, i) => {
    if (o[RANK] === null) return;
    const l = byLeague.get(o[LEAGUE]);
    if (l) l.push(i);
    else byLeague.set(o[LEAGUE], [i]);
  });
  for (const list of byLeague.values()) {
    const v = list.map((i) => [i, Number(ours.rows[i][INDEXF])]).sort((a, b) => a[1] - b[1]);
    for (let k = 1; k < v.length; k++)
      if (near(v[k][1], v[k - 1][1])) {
        nearTie.add(v[k][0]);
        nearTie.add(v[k - 1][0]);
      }
  }
  const value = (name2, f, e, fFine, eFine, id) => {
    if ((f === null) !== (e === null)) return bad.push(`unit ${id}: ${name2} ${f}, ours ${e}`);
    if (e === null) return;
    const v = Number(eFine);
    if (!near(fFine, v)) bad.push(`unit ${id}: ${name2} ${fFine}, ours ${eFine}`);
    else if (f !== e) {
      if (halfBoundary(f, e, v)) exempt.printed++;
      else bad.push(`unit ${id}: ${name2} printed ${f}, ours ${e}`);
    }
  };
  ours.rows.forEach((o, i) => {
    const r = x.rows[i];
    if (r[ID] !== o[ID] || r[LEAGUE] !== o[LEAGUE]) return bad.push(`row ${i}: unit ${r[ID]} (${r[LEAGUE]}), ours ${o[ID]} (${o[LEAGUE]})`);
    for (const f of COUNT_FIELDS) if (r[f] !== o[f]) bad.push(`unit ${o[ID]}: ${NAMES[f]} ${r[f]}, ours ${o[f]}`);
    value('index', r[INDEX2], o[INDEX2], r[INDEXF], o[INDEXF], o[ID]);
    value('selfIndex', r[SELF2], o[SELF2], r[SELFF], o[SELFF], o[ID]);
    if (r[RANK] !== o[RANK]) {
      if (r[RANK] !== null && o[RANK] !== null && nearTie.has(i)) exempt.ranks++;
      else bad.push(`unit ${o[ID]}: rank ${r[RANK]}, ours ${o[RANK]}`);
    }
  });
  compareMeans(
    ours.means,
    x.means,
    (_k, m, o) => {
      if (!near(m[1], Number(o[1]))) return false;
      if (m[0] === o[0]) return true;
      if (halfBoundary(m[0], o[0], Number(o[1]))) return ++exempt.printed > 0;
      return false;
    },
    bad,
  );
  if (bad.length) problems.push(`${name}: ${bad.length} difference(s), e.g. ${bad.slice(0, 3).join('; ')}`);
  return exempt;
}

/**
 * The scoring workload's agreement: `{ ok, notes }`. `s` holds the sides' results (`s.ours.check`
 * and so on, as `scoreCheck` built them); a side that failed or reported no rows disagrees.
 */
export function compareScore(s) {
  const problems = [];
  const notes = [];
  const ours = s.ours?.check;
  if (!ours?.rows) return { ok: false, notes: ['parindex reported no rows'] };
  for (const [key, label, counts] of [
    ['decimal', 'naive decimal.js', true],
    ['decimalText', 'decimal.js from text', false],
  ]) {
    if (!s[key]) continue;
    if (!s[key].check?.rows) problems.push(`${label}: no rows reported`);
    else compareExact(label, ours, s[key].check, counts, problems);
  }
  if (s.float) {
    if (!s.float.check?.rows) problems.push('float64: no rows reported');
    else {
      const ex = compareFloat('float64', ours, s.float.check, problems);
      notes.push(`float64 within 1e-9 of exact; ${ex.ranks} rank(s) at exact or near ties and ${ex.printed} 2-dp value(s) at a half-way point exempted`);
    }
  }
  return { ok: problems.length === 0, notes: [...problems, ...notes] };
}
