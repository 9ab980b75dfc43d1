/**
 * Baseline "naive decimal.js" for the scoring goal: the same rules as parindex, written the
 * straightforward way with decimal.js arithmetic per cell — on PREPARED data, like the other two
 * sides (which start from the checked InputMatrix, built untimed).
 *
 * Setup (untimed, `prepareDecimal`): every evidence and survey cell parsed from its text once —
 * numbers into decimal.js Decimals (precision 60, half-up: RefDecimal, as the reference
 * implementation uses), yes/no into booleans, NA and blank into state flags — into arrays indexed by
 * (unit, leaf); every leaf's max, ratio target and tier thresholds/points into Decimals.
 *
 * Timed run (`decimalPreparedScore`): per unit and applicable leaf, the six rules — points (the
 * value), yesno (max or 0), ratio (max × min(v, target) / target), tiers (first matching tier, else
 * the `else` points or 0), survey (max × score / 100), adjust (the value) — appraised value when
 * there is one, else the self-assessment; NA leaves the max (and counts), a missing row or blank
 * survey score counts 0 with its max. Then index = 100 × points / max and selfIndex likewise, the
 * missing / unappraised / NA counts, competition ranks per league by Decimal comparison, the league
 * means, and every index printed to 2 decimals (half-up). It does not compute per-area points
 * (parindex and the float64 side do), which if anything favours this baseline.
 *
 * Like parindex (docs/spec.md §3), an evidence row whose self and appraised cells are both blank counts as
 * no row (missing, not unappraised). It implements the default settings only — competition ties,
 * ranks on exact values, no clamp, no bands, 2 decimals half-up (what the synthetic rounds use):
 * `prepareDecimal` throws on a framework with any other setting rather than score it differently
 * from parindex.
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
const BASELINE = 'the naive decimal.js baseline';
const BLANK = 0,
  NA = 1,
  VALUE = 2;

/** The settings this baseline implements (docs/spec.md §2 defaults); `decimals` and `rounding` only shape output. */
const DEFAULTS = { ties: 'competition', rankOn: 'exact', clamp: false, decimals: 2, rounding: 'half-up', bands: '' };

/**
 * Throws unless every setting of `fw` is its default (an absent setting is the default). Settings
 * may be given as text (an xlsx settings sheet): `clamp` `false`/`no`/`0`, `decimals` `2`.
 */
export function assertDefaultSettings(fw, who = 'the naive decimal.js baseline') {
  const norm = (k, v) => {
    if (k === 'clamp' && typeof v === 'string') return { true: true, yes: true, 1: true, false: false, no: false, 0: false }[v.trim().toLowerCase()] ?? v;
    if (k === 'decimals' && typeof v === 'string' && /^\s*\d+\s*$/.test(v)) return Number(v);
    return typeof v === 'string' ? v.trim() : v;
  };
  const off = Object.entries(fw.settings ?? {})
    .filter(([k, v]) => v !== undefined && (!(k in DEFAULTS) || norm(k, v) !== DEFAULTS[k]))
    .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`);
  if (off.length) throw new Error(`${who} implements the default settings only (ties competition, rankOn exact, no clamp, no bands, 2 decimals half-up); this framework sets ${off.join(', ')}`);
}

/** Parses the framework and every cell into Decimals (untimed setup). Throws on non-default settings. */
export function prepareDecimal(D, readYesNo, fw, units, evidence, survey) {
  assertDefaultSettings(fw);
  const dec = (x) => new D(x.num.toString()).div(x.den.toString());
  const leaves = fw.leaves.map((c) => {
    const tiers = [];
    let elsePts = null;
    for (const t of c.params.tiers ?? []) {
      if (t.op === 'else') elsePts = dec(t.points);
      else tiers.push({ strict: t.op === '>', threshold: dec(t.threshold), points: dec(t.points) });
    }
    return { code: c.code, rule: ruleCode(c), max: dec(c.max), target: dec(c.params.target ?? { num: 100n, den: 1n }), tiers, elsePts, groups: c.groups };
  });
  const nLeaves = leaves.length;
  const leafIndex = new Map(leaves.map((c, j) => [c.code, j]));
  const list = units.list.map((u) => ({ id: u.id, group: u.group, rankGroup: u.rankGroup }));
  const unitIndex = new Map(list.map((u, i) => [u.id, i]));
  const nCells = list.length * nLeaves;
  const present = new Uint8Array(nCells);
  const state = new Uint8Array(nCells * 2); // [self, appraised] per cell; survey scores sit on the appraised side
  const value = new Array(nCells * 2).fill(null);
  const read = (k, rule, text) => {
    const t = text.trim();
    if (t === '') return;
    if (t.toUpperCase() === 'NA') {
      state[k] = NA;
      return;
    }
    state[k] = VALUE;
    value[k] = rule === R_YESNO ? readYesNo(t) : new D(t);
  };
  for (const r of evidence) {
    if (r.self.trim() === '' && r.appraised.trim() === '') continue; // counts as no row (docs/spec.md §3)
    const j = leafIndex.get(r.criterion);
    const cell = unitIndex.get(r.unit) * nLeaves + j;
    present[cell] = 1;
    read(cell * 2, leaves[j].rule, r.self);
    read(cell * 2 + 1, leaves[j].rule, r.appraised);
  }
  for (const r of survey) {
    const j = leafIndex.get(r.criterion);
    const cell = unitIndex.get(r.unit) * nLeaves + j;
    present[cell] = 1;
    read(cell * 2 + 1, R_SURVEY, r.score);
  }
  return { D, leaves, units: list, present, state, value };
}

function points(D, c, v) {
  switch (c.rule) {
    case R_YESNO:
      return v ? c.max : new D(0);
    case R_RATIO:
      return c.max.mul(D.min(v, c.target)).div(c.target);
    case R_TIERS:
      for (const t of c.tiers) if (t.strict ? v.gt(t.threshold) : v.gte(t.threshold)) return t.points;
      return c.elsePts ?? new D(0);
    case R_SURVEY:
      return c.max.mul(v).div(100);
    case R_POINTS:
    case R_ADJUST:
      return v;
    default:
      throw new Error(`${BASELINE}: no implementation of rule code ${c.rule}`);
  }
}

/** The timed run: totals, ranks and league means in decimal.js, every index printed to 2 dp. */
export function decimalPreparedScore(prep) {
  const { D, leaves, units, present, state, value } = prep;
  const nLeaves = leaves.length;
  const byGroup = new Map();
  const out = units.map(() => ({ index: null, selfIndex: null, rank: null, missing: 0, unappraised: 0, na: 0 }));
  for (let u = 0; u < units.length; u++) {
    const unit = units[u];
    let applicable = byGroup.get(unit.group);
    if (!applicable) {
      applicable = [];
      leaves.forEach((c, j) => {
        if (c.groups === undefined || c.groups.has(unit.group)) applicable.push(j);
      });
      byGroup.set(unit.group, applicable);
    }
    let pts = new D(0),
      max = new D(0),
      selfPts = new D(0),
      selfMax = new D(0);
    const r = out[u];
    for (const j of applicable) {
      const c = leaves[j];
      const cell = u * nLeaves + j;
      if (present[cell] === 0) {
        if (c.rule !== R_ADJUST) r.missing++;
        max = max.add(c.max);
        selfMax = selfMax.add(c.max);
        continue;
      }
      const ks = cell * 2,
        ka = ks + 1;
      if (c.rule === R_SURVEY) {
        if (state[ka] === NA) {
          r.na++;
          continue;
        }
        const p = state[ka] === VALUE ? points(D, c, value[ka]) : new D(0);
        pts = pts.add(p);
        selfPts = selfPts.add(p);
        max = max.add(c.max);
        selfMax = selfMax.add(c.max);
        continue;
      }
      if (state[ks] !== NA) {
        selfMax = selfMax.add(c.max);
        if (state[ks] === VALUE) selfPts = selfPts.add(points(D, c, value[ks]));
      }
      let k = ka;
      if (state[ka] === BLANK) {
        r.unappraised++;
        k = ks;
      }
      if (state[k] === NA) {
        r.na++;
        continue;
      }
      max = max.add(c.max);
      if (state[k] === VALUE) pts = pts.add(points(D, c, value[k]));
    }
    r.index = max.isZero() ? null : pts.mul(100).div(max);
    r.selfIndex = selfMax.isZero() ? null : selfPts.mul(100).div(selfMax);
  }
  const leagues = new Map();
  units.forEach((unit, u) => {
    if (out[u].index === null) return;
    const l = leagues.get(unit.rankGroup);
    if (l) l.push(u);
    else leagues.set(unit.rankGroup, [u]);
  });
  const means = {};
  for (const [name, list] of leagues) {
    list.sort((a, b) => out[b].index.cmp(out[a].index) || (units[a].id < units[b].id ? -1 : 1));
    let sum = new D(0);
    list.forEach((u, k) => {
      const prev = k > 0 ? out[list[k - 1]] : null;
      out[u].rank = prev && prev.index.eq(out[u].index) ? prev.rank : k + 1;
      sum = sum.add(out[u].index);
    });
    means[name] = sum.div(list.length);
  }
  let chars = 0;
  for (const r of out) if (r.index !== null) chars += r.index.toFixed(2, D.ROUND_HALF_UP).length;
  return { units: out, means, chars };
}
