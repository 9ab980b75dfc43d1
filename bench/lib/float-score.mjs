/**
 * Baseline for the scoring benchmark: the same round scored in plain float64 (NOT exact), on the
 * same prepared typed arrays (InputMatrix) and with the same rule logic as the exact core:
 * self/appraised/NA/blank/missing handling, the six rules (points, yesno, ratio with its target,
 * tiers, survey, adjust), per-unit index and selfIndex, per-area points and max, missing /
 * unappraised / NA counts, then ranking each league (competition ties, sort by float index) and
 * printing every index with toFixed(2). This is what a float implementation would do; it gives
 * the wrong answer whenever a sum such as 0.1 + 0.2 or a third from a ratio target rounds.
 */
const R_POINTS = 0,
  R_YESNO = 1,
  R_RATIO = 2,
  R_TIERS = 3,
  R_SURVEY = 4,
  R_ADJUST = 5;
/** The rules this baseline implements, by name (test/bench-smoke.test.ts holds it to parindex's registry). */
export const RULE_CODES = Object.freeze({ points: R_POINTS, yesno: R_YESNO, ratio: R_RATIO, tiers: R_TIERS, survey: R_SURVEY, adjust: R_ADJUST });
/** A leaf's rule code; a rule this baseline does not implement is an error, never scored as another. */
function ruleCode(c) {
  if (!Object.hasOwn(RULE_CODES, c.rule)) throw new Error(`${BASELINE}: no implementation of rule "${c.rule}" (criterion ${c.code})`);
  return RULE_CODES[c.rule];
}
const BASELINE = 'the float64 baseline';
const SELF = 0,
  APPRAISED = 1,
  BLANK = 0,
  NA = 1,
  VALUE = 2;
const P10 = Array.from({ length: 23 }, (_, i) => 10 ** i);
const num = (x) => Number(x.num) / Number(x.den);

/** Compiles the framework into float arrays (part of the timed work, like compilePlan on our side). */
export function compileFloat(fw, m) {
  const n = fw.leaves.length;
  const rule = new Int8Array(n),
    area = new Int32Array(n),
    max = new Float64Array(n),
    target = new Float64Array(n);
  const tierStart = new Int32Array(n),
    tierEnd = new Int32Array(n),
    elsePts = new Float64Array(n);
  const thr = [],
    strict = [],
    pts = [];
  const areaIndex = new Map(fw.areas.map((a, i) => [a.code, i]));
  fw.leaves.forEach((c, j) => {
    rule[j] = ruleCode(c);
    area[j] = areaIndex.get(c.area);
    max[j] = num(c.max);
    target[j] = c.params.target ? num(c.params.target) : 100;
    tierStart[j] = thr.length;
    elsePts[j] = 0;
    for (const t of c.params.tiers ?? []) {
      if (t.op === 'else') {
        elsePts[j] = num(t.points);
        continue;
      }
      thr.push(num(t.threshold));
      strict.push(t.op === '>' ? 1 : 0);
      pts.push(num(t.points));
    }
    tierEnd[j] = thr.length;
  });
  const byGroup = new Map();
  for (const u of m.units) if (!byGroup.has(u.group)) byGroup.set(u.group, Int32Array.from(fw.leaves.flatMap((c, j) => (c.groups === undefined || c.groups.has(u.group) ? [j] : []))));
  return { rule, area, max, target, tierStart, tierEnd, elsePts, thr: Float64Array.from(thr), strict: Uint8Array.from(strict), pts: Float64Array.from(pts), byGroup, nAreas: fw.areas.length };
}

function points(p, j, x) {
  switch (p.rule[j]) {
    case R_YESNO:
      return x !== 0 ? p.max[j] : 0;
    case R_RATIO: {
      const t = p.target[j];
      return (p.max[j] * (x < t ? x : t)) / t;
    }
    case R_TIERS: {
      for (let t = p.tierStart[j]; t < p.tierEnd[j]; t++) {
        const th = p.thr[t];
        if (x > th || (x === th && p.strict[t] === 0)) return p.pts[t];
      }
      return p.elsePts[j];
    }
    case R_SURVEY:
      return (p.max[j] * x) / 100;
    case R_POINTS:
    case R_ADJUST:
      return x;
    default:
      throw new Error(`${BASELINE}: no implementation of rule code ${p.rule[j]}`);
  }
}

/** Scores every unit in float64: returns index/selfIndex per unit plus area sums and counts. */
export function floatTotals(fw, m, p = compileFloat(fw, m)) {
  const nUnits = m.units.length,
    nLeaves = fw.leaves.length,
    nAreas = p.nAreas;
  const index = new Float64Array(nUnits),
    selfIndex = new Float64Array(nUnits);
  const areaPts = new Float64Array(nUnits * nAreas),
    areaMax = new Float64Array(nUnits * nAreas);
  const missing = new Int32Array(nUnits),
    unappraised = new Int32Array(nUnits),
    naCount = new Int32Array(nUnits);
  const { state, value, scale, present } = m;
  for (let u = 0; u < nUnits; u++) {
    const leaves = p.byGroup.get(m.units[u].group);
    let pts = 0,
      max = 0,
      sp = 0,
      sm = 0,
      miss = 0,
      unap = 0,
      na = 0;
    const ab = u * nAreas;
    for (let li = 0; li < leaves.length; li++) {
      const j = leaves[li];
      const cell = u * nLeaves + j;
      const r = p.rule[j],
        mx = p.max[j],
        a = ab + p.area[j];
      if (present[cell] === 0) {
        if (r !== R_ADJUST) miss++;
        max += mx;
        sm += mx;
        areaMax[a] += mx;
        continue;
      }
      const ks = cell * 2 + SELF,
        ka = cell * 2 + APPRAISED;
      if (r === R_SURVEY) {
        if (state[ka] === NA) {
          na++;
          continue;
        }
        const v = points(p, j, value[ka] / P10[scale[ka]]);
        pts += v;
        sp += v;
        max += mx;
        sm += mx;
        areaPts[a] += v;
        areaMax[a] += mx;
        continue;
      }
      const ss = state[ks];
      if (ss !== NA) {
        sm += mx;
        if (ss === VALUE) sp += points(p, j, value[ks] / P10[scale[ks]]);
      }
      let kf = ka,
        fs = state[ka];
      if (fs === BLANK) {
        unap++;
        kf = ks;
        fs = ss;
      }
      if (fs === NA) {
        na++;
        continue;
      }
      max += mx;
      areaMax[a] += mx;
      if (fs === VALUE) {
        const v = points(p, j, value[kf] / P10[scale[kf]]);
        pts += v;
        areaPts[a] += v;
      }
    }
    index[u] = max === 0 ? NaN : (100 * pts) / max;
    selfIndex[u] = sm === 0 ? NaN : (100 * sp) / sm;
    missing[u] = miss;
    unappraised[u] = unap;
    naCount[u] = na;
  }
  return { index, selfIndex, areaPts, areaMax, missing, unappraised, na: naCount };
}

/** The whole float run: totals, competition ranks per league, mean per league, every index printed to 2 dp. */
export function floatScore(fw, m) {
  const t = floatTotals(fw, m);
  const leagues = new Map();
  m.units.forEach((u, i) => {
    if (!Number.isNaN(t.index[i])) {
      const l = leagues.get(u.rankGroup);
      if (l) l.push(i);
      else leagues.set(u.rankGroup, [i]);
    }
  });
  const rank = new Int32Array(m.units.length);
  const means = {};
  for (const [name, list] of leagues) {
    list.sort((a, b) => t.index[b] - t.index[a] || (m.units[a].id < m.units[b].id ? -1 : 1));
    let sum = 0;
    list.forEach((u, k) => {
      rank[u] = k > 0 && t.index[list[k - 1]] === t.index[u] ? rank[list[k - 1]] : k + 1;
      sum += t.index[u];
    });
    means[name] = sum / list.length;
  }
  let chars = 0;
  for (let i = 0; i < m.units.length; i++) chars += t.index[i].toFixed(2).length;
  return { totals: t, rank, means, chars };
}
