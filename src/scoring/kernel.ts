/**
 * The fast exact core. Every leaf's points are integers over a denominator, so a unit's totals are
 * sums of safe integers in float64 registers: exact, and as fast as a float sum. Each rule states its
 * points as integer arithmetic over a denominator it declares (`LeafRule.denominator`, `10^scale ×
 * factor`, and `LeafRule.kernel`, a {@link KernelForm}); the hot loop only knows those forms.
 *
 * Denominator classes. Usually one denominator `D = 10^E × lcm(factors)` holds every leaf. When it
 * would not fit in 2^53 — many ratio targets with no common factor, whose lcm grows with each — the
 * leaves are split into classes, each with its own `D_k = 10^E_k × L_k` (the base class takes what
 * fits, smallest factors first; the rest go first-fit into further classes). The same loop runs once
 * per class and keeps each class's points apart; maxima are always over the base `D`. A unit's exact
 * total sums its classes once, in bigints, when asked ({@link slotNumerator}), and its index is
 * reduced factor by factor ({@link classValue}). Only when a single factor or bound does not fit does
 * the caller fall back to the bigint path ({@link accumulateExact}), which gives the same results.
 */
import type { Criterion, Framework } from '../criteria/framework.js';
import { appliesTo } from '../criteria/framework.js';
import { APPRAISED, BLANK, type InputMatrix, NA, SELF, VALUE } from '../criteria/inputs.js';
import { type CellState, type KernelForm, type LeafRule, leafOutcome, type RuleScoring, ruleOf, unreachable } from '../criteria/rules/index.js';
import { Exact, gcd, lcm, POW10_DOUBLES, pow10 } from '../numbers/exact.js';

/** Accumulator slots per unit (then `2 × areas` for area points and max). */
export const ACC = { appraisal: 0, survey: 1, adjust: 2, max: 3, selfPoints: 4, selfMax: 5, areas: 6 } as const;

/** The slot a rule's points go to, by its `scoring.total`. */
const TOTAL_SLOT = { appraisal: ACC.appraisal, survey: ACC.survey, adjust: ACC.adjust } as const satisfies Record<RuleScoring['total'], number>;

/** Per-unit totals of a round: numerators over `den`, or exact values. */
export interface Totals {
  /** Accumulators, `slots` per unit (see {@link ACC}); numerators over `den` (fast path), or Exacts. */
  acc: Float64Array | Exact[];
  /** Denominator of `acc` (fast path; the base class's) or 1 (exact path, where acc holds Exacts). */
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
  /** Fast path with more than one denominator class: the other classes' points. */
  extra?: ExtraTotals;
}

/** Points of the denominator classes beyond the base one (see the file comment). */
export interface ExtraTotals {
  /** Number of extra classes. */
  classes: number;
  /** Per extra class, its leaves' point numerators over its denominator, `slots` per unit (max slots stay 0). */
  acc: Float64Array[];
  /** The common denominator of every class: `lcm(D_0, D_1, …)`. */
  den: bigint;
  /** Multiplier taking a base numerator to `den`. */
  baseCof: bigint;
  /** `baseCof` as a product of factors, each at most an extra class's denominator (for cheap reductions). */
  pieces: bigint[];
  /** Multiplier taking each extra class's numerators to `den`. */
  cof: bigint[];
}

// Plain literal constants in the hot loop (not property reads).
const DEST_APPRAISAL = 0;
const DEST_SURVEY = 1;
const DEST_ADJUST = 2;
/** Where a leaf's points go in the hot loop (bits 0–1 of `Plan.code`), by `scoring.total`. */
const DEST = { appraisal: DEST_APPRAISAL, survey: DEST_SURVEY, adjust: DEST_ADJUST } as const satisfies Record<RuleScoring['total'], number>;
/** Bit 2 of `Plan.code`: the leaf's input is a survey score (appraised side only, counting on both sides). */
const CODE_SURVEY = 4;

const OP_LINEAR = 0;
const OP_NONZERO = 1;
const OP_CAPPED = 2;
const OP_STEPS = 3;
/** Kernel op codes: one per {@link KernelForm} op (a missing op does not compile). */
const OP = { linear: OP_LINEAR, nonzero: OP_NONZERO, capped: OP_CAPPED, steps: OP_STEPS } as const satisfies Record<KernelForm['op'], number>;

/** The compiled, integer form of a framework for one input matrix, or the reason it cannot be used. */
export interface Plan {
  /** The base denominator D = 10^E_0 × L_0; maxima and base-class points are counts of 1/D. */
  den: bigint;
  /** Kernel op of each leaf (see {@link KernelForm}). */
  op: Int8Array;
  /** Area (position in the framework's areas) of each leaf. */
  area: Int32Array;
  /** Accumulator slot of each leaf's points (appraisal, survey or adjust). */
  total: Int8Array;
  /** 1 where the leaf's input is a survey score (appraised side only, counting on both sides). */
  surveySide: Uint8Array;
  /** 1 where a leaf with no row counts as missing. */
  countsMissing: Uint8Array;
  /** What the hot loop needs of a leaf in one byte: bits 0–1 its total (0 appraisal, 1 survey, 2 adjust), bit 2 set for a survey score. */
  code: Uint8Array;
  /** Max of each leaf over D (0 for a leaf without a max). */
  maxD: Float64Array;
  /** linear: × factor; nonzero: the points; capped: × factor after min(). */
  factor: Float64Array;
  /** capped and steps: multiplier of the input first. */
  mul: Float64Array;
  /** capped: the cap. */
  cap: Float64Array;
  /** steps: position of the leaf's first step in the step arrays below. */
  tierStart: Int32Array;
  /** steps: number of the leaf's steps. */
  tierCount: Int32Array;
  /** Per step: 1 for `>`, 0 for `>=`. */
  tierStrict: Uint8Array;
  /** Per step: the threshold as an integer at the leaf's step scale (see `mul`). */
  tierThreshold: Float64Array;
  /** Per step: its points over the leaf's denominator. */
  tierPointsD: Float64Array;
  /** steps: the points when no step is met. */
  tierElse: Float64Array;
  /** Leaf indices of the base class applying to each group. */
  leavesByGroup: Map<string, Int32Array>;
  /** Leaves applying per area, for each group (the same for every unit of a group). */
  areaLeavesByGroup: Map<string, Int32Array>;
  /** S: the largest decimal scale of any input; every input is read as an integer at this scale. */
  scale: number;
  /** Denominator class of each leaf: 0 the base (`den`), k ≥ 1 the extra class k − 1. */
  leafClass: Int32Array;
  /** The extra classes (none: every leaf is in the base class). */
  extra?: {
    /** Denominator of each extra class. */
    dens: bigint[];
    /** Per extra class, its leaf indices applying to each group. */
    leavesByGroup: Map<string, Int32Array>[];
  };
}

/** Options of {@link compilePlan}. */
export interface PlanOptions {
  /**
   * The largest integer the kernel may form (default 2^53 − 1). A smaller limit makes rounds split
   * into denominator classes (or fall back) at small sizes, for tests.
   */
  limit?: number;
}

/** Exact `x × D` rounded up, as a bigint (x ≥ 0). */
function ceilTimes(x: Exact, D: bigint): bigint {
  const n = x.num * D;
  return (n + x.den - 1n) / x.den;
}

/**
 * Compiles the framework for the fast path, or returns `undefined` when some bound would leave the
 * safe-integer range (huge values, many decimals, one leaf's denominator alone too large).
 */
export function compilePlan(fw: Framework, m: InputMatrix, opts: PlanOptions = {}): Plan | undefined {
  if (m.overflow.size > 0) return undefined;
  const limit = opts.limit ?? Number.MAX_SAFE_INTEGER;
  // Every sum and product the kernel forms stays within half the limit (the sums' headroom).
  const half = BigInt(Math.floor(limit / 2));
  const S = m.maxScale;
  const n = fw.leaves.length;
  const rules: LeafRule[] = fw.leaves.map((c) => ruleOf(c));

  // 1. Each leaf's denominator 10^scale × factor. Maxima are all over the base denominator, so its
  // power of ten covers every max's decimals; leaves are grouped by factor.
  let E0 = 0;
  const scaleOf: number[] = [];
  const factorOf: bigint[] = [];
  for (let j = 0; j < n; j++) {
    const c = fw.leaves[j];
    const d = rules[j].denominator(c, S);
    scaleOf.push(d.scale);
    factorOf.push(d.factor);
    if (rules[j].scoring.hasMax) E0 = Math.max(E0, scaleOfMax(c));
  }
  const maxInput = m.maxMagnitude;
  const bound = fw.leaves.map((c, j) => rules[j].bound(c, maxInput));
  let maxSum = Exact.ZERO;
  for (let j = 0; j < n; j++) if (rules[j].scoring.hasMax) maxSum = maxSum.add(fw.leaves[j].max);

  // 2. Classes, each with denominator 10^E × L: the base takes factor 1 and then every factor that
  // still fits, smallest first; the rest go to extra classes, first fit. A class fits when its points
  // bound (and, for the base, the max sum) times its denominator stays within the limit.
  const fits = (E: number, L: bigint, W: Exact, base: boolean) => {
    const D = pow10(E) * L;
    return D <= half && ceilTimes(W, D) <= half && (!base || ceilTimes(maxSum, D) <= half);
  };
  const byFactor = new Map<bigint, { leaves: number[]; E: number; W: Exact }>();
  for (let j = 0; j < n; j++) {
    const g = byFactor.get(factorOf[j]) ?? { leaves: [], E: 0, W: Exact.ZERO };
    g.leaves.push(j);
    g.E = Math.max(g.E, scaleOf[j]);
    g.W = g.W.add(bound[j]);
    byFactor.set(factorOf[j], g);
  }
  const one = byFactor.get(1n) ?? { leaves: [], E: 0, W: Exact.ZERO };
  const classes: { E: number; L: bigint; W: Exact; leaves: number[] }[] = [{ E: Math.max(E0, one.E), L: 1n, W: one.W, leaves: [...one.leaves] }];
  if (!fits(classes[0].E, 1n, classes[0].W, true)) return undefined;
  const factors = [...byFactor.keys()].filter((f) => f !== 1n).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const f of factors) {
    const g = byFactor.get(f)!;
    let k = 0;
    for (; k < classes.length; k++) {
      const cl = classes[k];
      const E = Math.max(cl.E, g.E);
      const L = lcm(cl.L, f);
      const W = cl.W.add(g.W);
      if (fits(E, L, W, k === 0)) {
        Object.assign(cl, { E, L, W });
        cl.leaves.push(...g.leaves);
        break;
      }
    }
    if (k === classes.length) {
      if (!fits(g.E, f, g.W, false)) return undefined;
      classes.push({ E: g.E, L: f, W: g.W, leaves: [...g.leaves] });
    }
  }
  const denOf = (k: number) => pow10(classes[k].E) * classes[k].L;

  // 3. Each leaf's integer form over its class's denominator, checked against the limit.
  const D0 = denOf(0);
  const plan: Plan = {
    den: D0,
    op: new Int8Array(n),
    area: new Int32Array(n),
    total: new Int8Array(n),
    surveySide: new Uint8Array(n),
    countsMissing: new Uint8Array(n),
    code: new Uint8Array(n),
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
    leavesByGroup: new Map(),
    areaLeavesByGroup: new Map(),
    scale: S,
    leafClass: new Int32Array(n),
  };
  classes.forEach((cl, k) => {
    for (const j of cl.leaves) plan.leafClass[j] = k;
  });
  const areaIndex = new Map(fw.areas.map((a, i) => [a.code, i]));
  const strict: number[] = [];
  const thr: number[] = [];
  const tpts: number[] = [];
  const safe = (x: bigint): number | undefined => (x <= half && x >= -half ? Number(x) : undefined);
  // The largest input as an integer at scale S (≤ 14, see InputMatrix.setScaled), plus one.
  const X = (maxInput + 1) * 10 ** S;
  if (X > Number(half)) return undefined;
  for (let j = 0; j < n; j++) {
    const c = fw.leaves[j];
    const r = rules[j];
    const D = denOf(plan.leafClass[j]);
    plan.area[j] = areaIndex.get(c.area)!;
    plan.total[j] = TOTAL_SLOT[r.scoring.total];
    plan.surveySide[j] = r.scoring.source === 'survey' ? 1 : 0;
    plan.countsMissing[j] = r.scoring.countsMissing ? 1 : 0;
    plan.code[j] = DEST[r.scoring.total] | (plan.surveySide[j] ? CODE_SURVEY : 0);
    if (r.scoring.hasMax) {
      const maxD = safe((c.max.num * D0) / c.max.den);
      if (maxD === undefined) return undefined;
      plan.maxD[j] = maxD;
    }
    const form = r.kernel(c, D, S);
    plan.op[j] = OP[form.op];
    switch (form.op) {
      case 'linear': {
        const f = safe(form.factor);
        if (f === undefined) return undefined;
        plan.factor[j] = f;
        break;
      }
      case 'nonzero': {
        const p = safe(form.points);
        if (p === undefined) return undefined;
        plan.factor[j] = p;
        break;
      }
      case 'capped': {
        const mul = safe(form.mul);
        const cap = safe(form.cap);
        const f = safe(form.factor);
        if (mul === undefined || cap === undefined || f === undefined || X * mul > Number(half) || cap * f > Number(half)) return undefined;
        plan.mul[j] = mul;
        plan.cap[j] = cap;
        plan.factor[j] = f;
        break;
      }
      case 'steps': {
        const mul = safe(form.mul);
        const otherwise = safe(form.otherwise);
        if (mul === undefined || otherwise === undefined || X * mul > Number(half)) return undefined;
        plan.mul[j] = mul;
        plan.tierElse[j] = otherwise;
        plan.tierStart[j] = strict.length;
        for (const st of form.steps) {
          const th = safe(st.threshold);
          const pd = safe(st.points);
          if (th === undefined || pd === undefined) return undefined;
          strict.push(st.strict ? 1 : 0);
          thr.push(th);
          tpts.push(pd);
        }
        plan.tierCount[j] = strict.length - plan.tierStart[j];
        break;
      }
      default:
        return unreachable(form, 'kernel op');
    }
  }
  plan.tierStrict = Uint8Array.from(strict);
  plan.tierThreshold = Float64Array.from(thr);
  plan.tierPointsD = Float64Array.from(tpts);

  // 4. Per group, the leaves of each class that apply (the same for every unit of a group).
  const K = classes.length - 1;
  if (K > 0) plan.extra = { dens: classes.slice(1).map((_, k) => denOf(k + 1)), leavesByGroup: Array.from({ length: K }, () => new Map()) };
  for (const u of m.units) {
    if (plan.leavesByGroup.has(u.group)) continue;
    const byClass: number[][] = classes.map(() => []);
    fw.leaves.forEach((c, j) => appliesTo(c, u.group) && byClass[plan.leafClass[j]].push(j));
    plan.leavesByGroup.set(u.group, Int32Array.from(byClass[0]));
    for (let k = 1; k <= K; k++) plan.extra!.leavesByGroup[k - 1].set(u.group, Int32Array.from(byClass[k]));
    const perArea = new Int32Array(fw.areas.length);
    for (const list of byClass) for (const j of list) perArea[plan.area[j]]++;
    plan.areaLeavesByGroup.set(u.group, perArea);
  }
  return plan;
}

/** Decimals of a leaf's max. */
function scaleOfMax(c: Criterion): number {
  const s = c.max.toString();
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : s.length - dot - 1;
}

/**
 * Runs the fast path: integer totals over `plan.den` for every unit and, with extra denominator
 * classes, each class's points over its own denominator (the same loop, once per class).
 */
export function accumulateFast(fw: Framework, m: InputMatrix, plan: Plan): Totals {
  const nUnits = m.units.length;
  const nAreas = fw.areas.length;
  const slots = ACC.areas + 2 * nAreas;
  const acc = new Float64Array(nUnits * slots);
  const counts = { missing: new Int32Array(nUnits), unappraised: new Int32Array(nUnits), na: new Int32Array(nUnits) };
  const areaLeaves = new Int32Array(nUnits * nAreas);
  for (let u = 0; u < nUnits; u++) areaLeaves.set(plan.areaLeavesByGroup.get(m.units[u].group)!, u * nAreas);
  accumulateLeaves(fw, m, plan, plan.leavesByGroup, slots, acc, counts);
  const totals: Totals = { acc, den: plan.den, slots, missing: counts.missing, unappraised: counts.unappraised, na: counts.na, areaLeaves, path: 'fast' };
  const ex = plan.extra;
  if (ex) {
    // Each class's points apart (over its denominator); its maxima (over the base D) move to the base totals.
    const maxSlots = [ACC.max, ACC.selfMax, ...fw.areas.map((_, a) => ACC.areas + 2 * a + 1)];
    const xacc = ex.leavesByGroup.map((byGroup) => {
      const out = new Float64Array(nUnits * slots);
      accumulateLeaves(fw, m, plan, byGroup, slots, out, counts);
      for (let at = 0; at < out.length; at += slots) {
        for (const s of maxSlots) {
          acc[at + s] += out[at + s];
          out[at + s] = 0;
        }
      }
      return out;
    });
    // L = lcm(D_0, D_1, …) = D_0 × Π pieces, each piece the part of D_k not already in L.
    let L = plan.den;
    const pieces: bigint[] = [];
    for (const d of ex.dens) {
      const piece = d / gcd(L, d);
      pieces.push(piece);
      L *= piece;
    }
    totals.extra = { classes: ex.dens.length, acc: xacc, den: L, baseCof: L / plan.den, pieces, cof: ex.dens.map((d) => L / d) };
  }
  return totals;
}

/**
 * The points of leaf `j` over its class's denominator for the side at array slot `k` of `m` (state
 * VALUE): the plan's integer form of the leaf's rule — exact, a safe integer within the plan's bounds.
 * The hot loop's own (a closure over the plan's arrays); the audit prints points from it too.
 */
export function kernelPoints(plan: Plan, m: InputMatrix): (j: number, k: number) => number {
  const S = plan.scale;
  const { op, factor, mul, cap, tierStart, tierCount, tierStrict, tierThreshold, tierPointsD, tierElse } = plan;
  const { value, scale } = m;
  return (j: number, k: number): number => {
    const x = value[k] * POW10_DOUBLES[S - scale[k]];
    switch (op[j]) {
      case OP_LINEAR:
        return x * factor[j];
      case OP_NONZERO:
        return x !== 0 ? factor[j] : 0;
      case OP_CAPPED: {
        const p = x * mul[j];
        return (p < cap[j] ? p : cap[j]) * factor[j];
      }
      case OP_STEPS: {
        const xv = x * mul[j];
        const end = tierStart[j] + tierCount[j];
        for (let t = tierStart[j]; t < end; t++) {
          const th = tierThreshold[t];
          if (xv > th || (xv === th && tierStrict[t] === 0)) return tierPointsD[t];
        }
        return tierElse[j];
      }
      default:
        throw new Error(`parindex: no kernel op ${op[j]}`);
    }
  };
}

/**
 * The hot loop over the leaves `byGroup` gives each unit: points and maxima added to `acc` (`slots`
 * per unit), counts to `counts`. The per-cell decisions inline {@link leafOutcome} (tested against
 * it on every combination).
 */
function accumulateLeaves(fw: Framework, m: InputMatrix, plan: Plan, byGroup: Map<string, Int32Array>, slots: number, acc: Float64Array, counts: { missing: Int32Array; unappraised: Int32Array; na: Int32Array }): void {
  const nUnits = m.units.length;
  const nLeaves = fw.leaves.length;
  const { area, countsMissing, maxD } = plan;
  const leafCode = plan.code;
  const { state, present } = m;
  const pointsOf = kernelPoints(plan, m);

  for (let u = 0; u < nUnits; u++) {
    const leaves = byGroup.get(m.units[u].group)!;
    if (leaves.length === 0) continue;
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
      const aBase = base + ACC.areas + 2 * area[j];
      const mx = maxD[j];
      // No row: 0 out of the max on both sides; missing unless the rule says otherwise.
      if (present[cell] === 0) {
        miss += countsMissing[j];
        max += mx;
        selfMax += mx;
        acc[aBase + 1] += mx;
        continue;
      }
      const code = leafCode[j];
      const ka = cell * 2 + APPRAISED;
      let kf = ka;
      if ((code & CODE_SURVEY) !== 0) {
        // A survey score: the appraised side, counting the same on the self side; NA: out of both.
        const sa = state[ka];
        if (sa === NA) {
          na++;
          continue;
        }
        selfMax += mx;
        max += mx;
        acc[aBase + 1] += mx;
        if (sa !== VALUE) continue;
        const p = pointsOf(j, ka);
        selfPts += p;
        acc[aBase] += p;
        const dest = code & 3;
        if (dest === DEST_APPRAISAL) appr += p;
        else if (dest === DEST_ADJUST) adj += p;
        else surv += p;
        continue;
      }
      // Self side (selfIndex): NA leaves its max out.
      const ks = cell * 2 + SELF;
      const ss = state[ks];
      if (ss !== NA) {
        selfMax += mx;
        if (ss === VALUE) selfPts += pointsOf(j, ks);
      }
      // Final side: appraised, else self (an unappraised row); NA: out of points and max.
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
      if (fs !== VALUE) continue;
      const p = pointsOf(j, kf);
      acc[aBase] += p;
      const dest = code & 3;
      if (dest === DEST_APPRAISAL) appr += p;
      else if (dest === DEST_ADJUST) adj += p;
      else surv += p;
    }
    acc[base + ACC.appraisal] += appr;
    acc[base + ACC.survey] += surv;
    acc[base + ACC.adjust] += adj;
    acc[base + ACC.selfPoints] += selfPts;
    acc[base + ACC.max] += max;
    acc[base + ACC.selfMax] += selfMax;
    counts.missing[u] += miss;
    counts.unappraised[u] += unap;
    counts.na[u] += na;
  }
}

/**
 * A unit's accumulator slot on the fast path as a numerator over {@link totalsDen}: the base class's
 * numerator plus every extra class's, each brought to the common denominator (bigints).
 */
export function slotNumerator(t: Totals, u: number, slot: number): bigint {
  const at = u * t.slots + slot;
  const base = BigInt((t.acc as Float64Array)[at]);
  const x = t.extra;
  if (!x) return base;
  let n = base * x.baseCof;
  for (let k = 0; k < x.classes; k++) {
    const v = x.acc[k][at];
    if (v !== 0) n += BigInt(v) * x.cof[k];
  }
  return n;
}

/** The denominator of {@link slotNumerator} (fast path). */
export function totalsDen(t: Totals): bigint {
  return t.extra ? t.extra.den : t.den;
}

/** A unit's accumulator slot as an exact value, whichever path produced the totals. */
export function slotValue(t: Totals, u: number, slot: number): Exact {
  if (t.path === 'exact') return (t.acc as Exact[])[u * t.slots + slot];
  if (!t.extra) return Exact.of(BigInt((t.acc as Float64Array)[u * t.slots + slot]), t.den);
  return Exact.ofFactors(slotNumerator(t, u, slot), [t.den, ...t.extra.pieces]);
}

/**
 * Fast path with denominator classes: a unit's `100 × (sum of pointSlots) / maxSlot` as an unreduced
 * fraction `[numerator, base max numerator]` whose true denominator is `base max × extra.baseCof` (the
 * common denominator cancels, maxima being base-class only), or null when the max is 0. Units of one
 * round share `baseCof`, so sums of these fractions need no bigint lcm of long numbers.
 */
export function classFraction(t: Totals, u: number, pointSlots: readonly number[], maxSlot: number): [bigint, bigint] | null {
  const max = BigInt((t.acc as Float64Array)[u * t.slots + maxSlot]);
  if (max === 0n) return null;
  let pts = 0n;
  for (const s of pointSlots) pts += slotNumerator(t, u, s);
  return [100n * pts, max];
}

/** The exact value of a {@link classFraction}, reduced factor by factor (its denominator's factors are small). */
export function classValue(t: Totals, f: readonly [bigint, bigint]): Exact {
  return Exact.ofFactors(f[0], [f[1], ...t.extra!.pieces]);
}

/**
 * The bigint path: the same totals with {@link Exact} arithmetic, each leaf read by
 * {@link leafOutcome} and scored by its rule's exact `points`. Used when the fast path's bounds do
 * not hold, and in tests as its reference.
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
  const rules = fw.leaves.map((c) => ruleOf(c));
  const add = (k: number, x: Exact) => {
    if (x.sign() !== 0) acc[k] = acc[k].add(x);
  };
  m.units.forEach((unit, u) => {
    const base = u * slots;
    fw.leaves.forEach((c: Criterion, j) => {
      if (!appliesTo(c, unit.group)) return;
      const rule = rules[j];
      const a = areaIndex.get(c.area)!;
      const aBase = base + ACC.areas + 2 * a;
      areaLeaves[u * nAreas + a]++;
      const cell = m.cell(u, j);
      const o = leafOutcome(rule.scoring, m.present[cell] === 1, m.state[cell * 2 + SELF] as CellState, m.state[cell * 2 + APPRAISED] as CellState);
      if (o.missing) missing[u]++;
      if (o.unappraised) unappraised[u]++;
      if (o.na) naCount[u]++;
      if (o.countsMax) {
        add(base + ACC.max, c.max);
        add(aBase + 1, c.max);
      }
      if (o.selfCountsMax) add(base + ACC.selfMax, c.max);
      if (o.pointsFrom >= 0) {
        const p = rule.points(c, m.exact(cell, o.pointsFrom));
        add(base + TOTAL_SLOT[rule.scoring.total], p);
        add(aBase, p);
      }
      if (o.selfPointsFrom >= 0) add(base + ACC.selfPoints, rule.points(c, m.exact(cell, o.selfPointsFrom)));
    });
  });
  return { acc, den: 1n, slots, missing, unappraised, na: naCount, areaLeaves, path: 'exact' };
}
