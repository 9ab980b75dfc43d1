/**
 * The fast exact core. Every leaf's points are integers over one common denominator `D` for the
 * round (10^E × the lcm of the ratio targets), so a unit's totals are sums of safe integers in
 * float64 registers: exact, and as fast as a float sum. When the bounds do not fit in 2^53 the
 * caller falls back to the bigint path ({@link accumulateExact}), which gives the same results.
 */
import type { Criterion, Framework } from '../criteria/framework.js';
import { appliesTo } from '../criteria/framework.js';
import { Exact, lcm, pow10 } from '../numbers/exact.js';
import { APPRAISED, BLANK, NA, SELF, VALUE, type InputMatrix } from '../criteria/inputs.js';
import { leafPoints } from '../criteria/rules.js';

/** Accumulator slots per unit (then `2 × areas` for area points and max). */
export const ACC = { appraisal: 0, survey: 1, adjust: 2, max: 3, selfPoints: 4, selfMax: 5, areas: 6 } as const;

/** Per-unit totals of a round: numerators over `den`, or exact values. */
export interface Totals {
  /** Accumulators, `slots` per unit (see {@link ACC}); numerators over `den`. */
  acc: Float64Array | Exact[];
  /** Common denominator (fast path) or 1 (exact path, where acc holds Exacts). */
  den: bigint;
  /** Slots per unit. */
  slots: number;
  /** Missing inputs per unit. */
  missing: Int32Array;
  /** Unappraised rows per unit. */
  unappraised: Int32Array;
  /** NA leaves (final side) per unit. */
  na: Int32Array;
  /** Leaves applying per unit (> 0 means the unit has at least one applicable leaf in that area). */
  areaLeaves: Int32Array;
  /** Which path produced the totals. */
  path: 'fast' | 'exact';
}

const RULE_POINTS = 0;
const RULE_YESNO = 1;
const RULE_RATIO = 2;
const RULE_TIERS = 3;
const RULE_SURVEY = 4;
const RULE_ADJUST = 5;
const RULE_CODE: Record<string, number> = { points: 0, yesno: 1, ratio: 2, tiers: 3, survey: 4, adjust: 5 };

const P10 = Array.from({ length: 23 }, (_, i) => 10 ** i);

function scaleOf(x: Exact): number {
  const s = x.toString();
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : s.length - dot - 1;
}

/** The compiled, integer form of a framework for one input matrix, or the reason it cannot be used. */
export interface Plan {
  /** The common denominator D = 10^E × lcm(ratio targets' numerators); every figure is a count of 1/D. */
  den: bigint;
  /** Rule of each leaf (a code: points 0, yesno 1, ratio 2, tiers 3, survey 4, adjust 5). */
  rule: Int8Array;
  /** Area (position in the framework's areas) of each leaf. */
  area: Int32Array;
  /** Max of each leaf over D (0 for adjust). */
  maxD: Float64Array;
  /** points/adjust: × factor; ratio: × factor after min(); survey: × factor. */
  factor: Float64Array;
  /** ratio: multiplier of the input before min(); tiers: to the tier scale. */
  mul: Float64Array;
  /** ratio: the cap (target at scale S × mul). */
  cap: Float64Array;
  /** tiers: position of the leaf's first tier in the tier arrays below. */
  tierStart: Int32Array;
  /** tiers: number of the leaf's tiers, `else` not counted. */
  tierCount: Int32Array;
  /** Per tier: 1 for `>`, 0 for `>=`. */
  tierStrict: Uint8Array;
  /** Per tier: the threshold as an integer at the leaf's tier scale (see `mul`). */
  tierThreshold: Float64Array;
  /** Per tier: its points over D. */
  tierPointsD: Float64Array;
  /** tiers: the `else` points over D (when `hasElse`). */
  tierElse: Float64Array;
  /** tiers: 1 when the leaf ends with `else`. */
  hasElse: Uint8Array;
  /** Leaf indices applying to each group. */
  leavesByGroup: Map<string, Int32Array>;
  /** Leaves applying per area, for each group (the same for every unit of a group). */
  areaLeavesByGroup: Map<string, Int32Array>;
  /** S: the largest decimal scale of any input; every input is read as an integer at this scale. */
  scale: number;
}

/**
 * Compiles the framework for the fast path, or returns `undefined` when some bound would leave the
 * safe-integer range (huge values, many decimals, large coprime ratio targets).
 */
export function compilePlan(fw: Framework, m: InputMatrix): Plan | undefined {
  if (m.overflow.size > 0) return undefined;
  const S = m.maxScale;
  const n = fw.leaves.length;
  let L = 1n;
  let E = S;
  for (const c of fw.leaves) {
    const sm = scaleOf(c.max);
    E = Math.max(E, sm);
    if (c.rule === 'ratio') {
      const t = c.params.target ?? Exact.HUNDRED;
      L = lcm(L, t.num);
      E = Math.max(E, sm + S + scaleOf(t));
    } else if (c.rule === 'survey') E = Math.max(E, sm + S + 2);
    else if (c.rule === 'tiers') for (const t of c.params.tiers ?? []) E = Math.max(E, scaleOf(t.points));
  }
  if (E > 22) return undefined;
  const D = pow10(E) * L;
  const toD = (x: Exact): number | undefined => {
    const v = (x.num * D) / x.den;
    if (v * x.den !== x.num * D) return undefined;
    const num = Number(v);
    return Number.isSafeInteger(num) ? num : undefined;
  };
  const plan: Plan = {
    den: D,
    rule: new Int8Array(n),
    area: new Int32Array(n),
    maxD: new Float64Array(n),
    factor: new Float64Array(n),
    mul: new Float64Array(n),
    cap: new Float64Array(n),
    tierStart: new Int32Array(n),
    tierCount: new Int32Array(n),
    tierStrict: new Uint8Array(0),
    tierThreshold: new Float64Array(0),
    tierPointsD: new Float64Array(0),
    tierElse: new Float64Array(n),
    hasElse: new Uint8Array(n),
    leavesByGroup: new Map(),
    areaLeavesByGroup: new Map(),
    scale: S,
  };
  const areaIndex = new Map(fw.areas.map((a, i) => [a.code, i]));
  const strict: number[] = [];
  const thr: number[] = [];
  const tpts: number[] = [];
  let bound = 0;
  const unitFactor = D / pow10(S); // value at scale S → points over D
  for (let j = 0; j < n; j++) {
    const c = fw.leaves[j];
    plan.rule[j] = RULE_CODE[c.rule!];
    plan.area[j] = areaIndex.get(c.area)!;
    const maxD = toD(c.max);
    if (maxD === undefined) return undefined;
    plan.maxD[j] = maxD;
    bound += maxD;
    switch (c.rule) {
      case 'points':
      case 'adjust':
        plan.factor[j] = Number(unitFactor);
        if (c.rule === 'adjust') bound += (m.maxMagnitude + 1) * Number(D);
        break;
      case 'ratio': {
        // points·D = min(x·10^st, T·10^S) × M·D / (10^S · T), x = the input at scale S (10^st cancels)
        const t = c.params.target ?? Exact.HUNDRED;
        const st = scaleOf(t);
        const T = (t.num * pow10(st)) / t.den; // target at its own scale
        const f = (c.max.num * D) / (c.max.den * pow10(S) * T);
        if (f * c.max.den * pow10(S) * T !== c.max.num * D) return undefined;
        plan.factor[j] = Number(f);
        plan.mul[j] = P10[st];
        plan.cap[j] = Number(T * pow10(S));
        break;
      }
      case 'survey': {
        const g = (c.max.num * D) / (c.max.den * pow10(S) * 100n);
        if (g * c.max.den * pow10(S) * 100n !== c.max.num * D) return undefined;
        plan.factor[j] = Number(g);
        break;
      }
      case 'tiers': {
        const tiers = c.params.tiers ?? [];
        let ts = S;
        for (const t of tiers) if (t.threshold) ts = Math.max(ts, scaleOf(t.threshold));
        if (ts > 22) return undefined;
        plan.mul[j] = P10[ts - S];
        plan.tierStart[j] = strict.length;
        for (const t of tiers) {
          const pd = toD(t.points);
          if (pd === undefined) return undefined;
          if (t.op === 'else') {
            plan.hasElse[j] = 1;
            plan.tierElse[j] = pd;
            continue;
          }
          const th = (t.threshold!.num * pow10(ts)) / t.threshold!.den;
          if (!Number.isSafeInteger(Number(th))) return undefined;
          strict.push(t.op === '>' ? 1 : 0);
          thr.push(Number(th));
          tpts.push(pd);
        }
        plan.tierCount[j] = strict.length - plan.tierStart[j];
        if (m.maxMagnitude * P10[ts] * 2 > Number.MAX_SAFE_INTEGER) return undefined;
        break;
      }
      default:
        break;
    }
  }
  // Every per-leaf product is bounded by its leaf's max·D (or the adjust bound); inputs at scale S too.
  if (bound * 2 > Number.MAX_SAFE_INTEGER) return undefined;
  let maxMul = 1;
  for (let j = 0; j < n; j++) if (plan.mul[j] > maxMul) maxMul = plan.mul[j];
  if ((m.maxMagnitude + 1) * P10[S] * maxMul * 2 > Number.MAX_SAFE_INTEGER) return undefined;
  plan.tierStrict = Uint8Array.from(strict);
  plan.tierThreshold = Float64Array.from(thr);
  plan.tierPointsD = Float64Array.from(tpts);
  for (const u of m.units) {
    if (!plan.leavesByGroup.has(u.group)) {
      const idx: number[] = [];
      fw.leaves.forEach((c, j) => appliesTo(c, u.group) && idx.push(j));
      plan.leavesByGroup.set(u.group, Int32Array.from(idx));
      const perArea = new Int32Array(fw.areas.length);
      for (const j of idx) perArea[plan.area[j]]++;
      plan.areaLeavesByGroup.set(u.group, perArea);
    }
  }
  return plan;
}

/** Runs the fast path: integer totals over `plan.den` for every unit. */
export function accumulateFast(fw: Framework, m: InputMatrix, plan: Plan): Totals {
  const nUnits = m.units.length;
  const nLeaves = fw.leaves.length;
  const nAreas = fw.areas.length;
  const slots = ACC.areas + 2 * nAreas;
  const acc = new Float64Array(nUnits * slots);
  const missing = new Int32Array(nUnits);
  const unappraised = new Int32Array(nUnits);
  const naCount = new Int32Array(nUnits);
  const areaLeaves = new Int32Array(nUnits * nAreas);
  const S = plan.scale;
  const { rule, area, maxD, factor, mul, cap, tierStart, tierCount, tierStrict, tierThreshold, tierPointsD, tierElse, hasElse } = plan;
  const { state, value, scale, present } = m;

  // Points over D for one side's value (state VALUE) of leaf j at array slot k.
  const pointsOf = (j: number, k: number): number => {
    const x = value[k] * P10[S - scale[k]];
    switch (rule[j]) {
      case RULE_POINTS:
      case RULE_ADJUST:
        return x * factor[j];
      case RULE_YESNO:
        return x !== 0 ? maxD[j] : 0;
      case RULE_RATIO: {
        const p = x * mul[j];
        return (p < cap[j] ? p : cap[j]) * factor[j];
      }
      case RULE_SURVEY:
        return x * factor[j];
      case RULE_TIERS: {
        const xv = x * mul[j];
        const end = tierStart[j] + tierCount[j];
        for (let t = tierStart[j]; t < end; t++) {
          const th = tierThreshold[t];
          if (xv > th || (xv === th && tierStrict[t] === 0)) return tierPointsD[t];
        }
        return hasElse[j] ? tierElse[j] : 0;
      }
      default:
        throw new Error(`parindex: no kernel code for rule ${rule[j]}`);
    }
  };

  for (let u = 0; u < nUnits; u++) {
    const group = m.units[u].group;
    const leaves = plan.leavesByGroup.get(group)!;
    areaLeaves.set(plan.areaLeavesByGroup.get(group)!, u * nAreas);
    const base = u * slots;
    const cellBase = u * nLeaves;
    let appr = 0;
    let surv = 0;
    let adj = 0;
    let max = 0;
    let selfPts = 0;
    let selfMax = 0;
    let miss = 0;
    let unap = 0;
    let na = 0;
    for (let li = 0; li < leaves.length; li++) {
      const j = leaves[li];
      const cell = cellBase + j;
      const a = area[j];
      const aBase = base + ACC.areas + 2 * a;
      const r = rule[j];
      const mx = maxD[j];
      if (present[cell] === 0) {
        if (r !== RULE_ADJUST) miss++;
        max += mx;
        selfMax += mx;
        acc[aBase + 1] += mx;
        continue;
      }
      const ks = cell * 2 + SELF;
      const ka = cell * 2 + APPRAISED;
      if (r === RULE_SURVEY) {
        if (state[ka] === NA) {
          na++;
          continue;
        }
        const p = pointsOf(j, ka);
        surv += p;
        selfPts += p;
        max += mx;
        selfMax += mx;
        acc[aBase] += p;
        acc[aBase + 1] += mx;
        continue;
      }
      // self side
      const ss = state[ks];
      if (ss !== NA) {
        selfMax += mx;
        if (ss === VALUE) selfPts += pointsOf(j, ks);
      }
      // final side: appraised, else self
      let kf = ka;
      let fs = state[ka];
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
      acc[aBase + 1] += mx;
      if (fs === VALUE) {
        const p = pointsOf(j, kf);
        if (r === RULE_ADJUST) adj += p;
        else appr += p;
        acc[aBase] += p;
      }
    }
    acc[base + ACC.appraisal] = appr;
    acc[base + ACC.survey] = surv;
    acc[base + ACC.adjust] = adj;
    acc[base + ACC.max] = max;
    acc[base + ACC.selfPoints] = selfPts;
    acc[base + ACC.selfMax] = selfMax;
    missing[u] = miss;
    unappraised[u] = unap;
    naCount[u] = na;
  }
  return { acc, den: plan.den, slots, missing, unappraised, na: naCount, areaLeaves, path: 'fast' };
}

/**
 * The bigint path: the same totals with {@link Exact} arithmetic and the readable rules of
 * `rules.ts`. Used when the fast path's bounds do not hold, and in tests as its reference.
 */
export function accumulateExact(fw: Framework, m: InputMatrix): Totals {
  const nUnits = m.units.length;
  const nAreas = fw.areas.length;
  const slots = ACC.areas + 2 * nAreas;
  const acc: Exact[] = new Array(nUnits * slots).fill(Exact.ZERO);
  const missing = new Int32Array(nUnits);
  const unappraised = new Int32Array(nUnits);
  const naCount = new Int32Array(nUnits);
  const areaLeaves = new Int32Array(nUnits * nAreas);
  const areaIndex = new Map(fw.areas.map((a, i) => [a.code, i]));
  const add = (k: number, x: Exact) => (acc[k] = acc[k].add(x));
  m.units.forEach((unit, u) => {
    const base = u * slots;
    fw.leaves.forEach((c: Criterion, j) => {
      if (!appliesTo(c, unit.group)) return;
      const a = areaIndex.get(c.area)!;
      const aBase = base + ACC.areas + 2 * a;
      areaLeaves[u * nAreas + a]++;
      const cell = m.cell(u, j);
      const applicable = () => {
        add(base + ACC.max, c.max);
        add(aBase + 1, c.max);
      };
      if (!m.present[cell]) {
        if (c.rule !== 'adjust') missing[u]++;
        applicable();
        add(base + ACC.selfMax, c.max);
        return;
      }
      const sa = m.state[cell * 2 + APPRAISED];
      if (c.rule === 'survey') {
        if (sa === NA) return void naCount[u]++;
        const p = leafPoints(c, m.exact(cell, APPRAISED));
        add(base + ACC.survey, p);
        add(base + ACC.selfPoints, p);
        add(base + ACC.selfMax, c.max);
        add(aBase, p);
        applicable();
        return;
      }
      const ss = m.state[cell * 2 + SELF];
      if (ss !== NA) {
        add(base + ACC.selfMax, c.max);
        if (ss === VALUE) add(base + ACC.selfPoints, leafPoints(c, m.exact(cell, SELF)));
      }
      let side = APPRAISED;
      let fs = sa;
      if (fs === BLANK) {
        unappraised[u]++;
        side = SELF;
        fs = ss;
      }
      if (fs === NA) return void naCount[u]++;
      applicable();
      if (fs === VALUE) {
        const p = leafPoints(c, m.exact(cell, side));
        add(base + (c.rule === 'adjust' ? ACC.adjust : ACC.appraisal), p);
        add(aBase, p);
      }
    });
  });
  return { acc, den: 1n, slots, missing, unappraised, na: naCount, areaLeaves, path: 'exact' };
}
