/**
 * The perturbation designs of the sensitivity analysis, each producing, run by run, every unit's
 * perturbed points and applicable max as integers over a common denominator (so the index stays an
 * exact rational):
 *
 * - **weights**: every leaf's weight (its max, and the points earned on it) × a factor drawn
 *   uniformly from [1 − spread, 1 + spread), one draw per non-adjust leaf per run, shared by all
 *   units (a weight belongs to the framework). Bonus and penalty points are not perturbed.
 * - **appraisal**: every cell where the council's appraised value counted reverts to the unit's own
 *   self value with probability `revert`, independently per (unit, leaf) and run — how much the
 *   ranks owe to the council's corrections.
 */
import { type Exact, lcm } from '../numbers/exact.js';
import { mulberry32, UINT32_RANGE } from '../numbers/prng.js';
import type { LeafDetail } from '../scoring/leaf-detail.js';

/** A perturbation design ready to run. */
export interface Perturbation {
  /** Writes each unit's perturbed points (`num`) and applicable max (`den`) for run `r`, same scale. */
  run(r: number, num: bigint[], den: bigint[]): void;
}

/** The least common denominator of every value. */
function commonDenominator(values: Iterable<Exact>): bigint {
  let d = 1n;
  for (const v of values) d = lcm(d, v.den);
  return d;
}

/**
 * Draws the weight factors of every run: `runs` rows of one integer per perturbed leaf, each
 * factor being `k / scale` with k uniform over 2^32 steps of [1 − spread, 1 + spread).
 */
export function drawWeightFactors(leaves: number, runs: number, seed: number, spread: Exact): { k: bigint[][]; scale: bigint } {
  const rng = mulberry32(seed);
  const scale = spread.den * UINT32_RANGE;
  const k: bigint[][] = [];
  for (let r = 0; r < runs; r++) {
    const row: bigint[] = new Array(leaves);
    for (let j = 0; j < leaves; j++) {
      const x = BigInt(rng.nextUint32());
      // f = 1 + spread × (2x − 2^32) / 2^32
      row[j] = scale + spread.num * (2n * x - UINT32_RANGE);
    }
    k.push(row);
  }
  return { k, scale };
}

/** The weights design over per-unit leaf details (`leafCount` = leaves in the framework). */
export function weightPerturbation(details: readonly LeafDetail[][], leafCount: number, isAdjust: (leaf: number) => boolean, runs: number, seed: number, spread: Exact): Perturbation {
  const slot = new Int32Array(leafCount).fill(-1);
  let nSlots = 0;
  for (let j = 0; j < leafCount; j++) if (!isAdjust(j)) slot[j] = nSlots++;
  const D = commonDenominator(details.flatMap((list) => list.flatMap((d) => [d.points, d.max])));
  const toD = (x: Exact) => (x.num * D) / x.den;
  const terms = details.map((list) => {
    const s: number[] = [];
    const p: bigint[] = [];
    const m: bigint[] = [];
    let adjust = 0n;
    for (const d of list) {
      if (slot[d.leaf] < 0) adjust += toD(d.points);
      else if (d.max.sign() !== 0 || d.points.sign() !== 0) {
        s.push(slot[d.leaf]);
        p.push(toD(d.points));
        m.push(toD(d.max));
      }
    }
    return { s, p, m, adjust };
  });
  const { k, scale } = drawWeightFactors(nSlots, runs, seed, spread);
  return {
    run(r, num, den) {
      const kr = k[r];
      terms.forEach((t, i) => {
        let a = scale * t.adjust;
        let b = 0n;
        for (let q = 0; q < t.s.length; q++) {
          const f = kr[t.s[q]];
          a += f * t.p[q];
          b += f * t.m[q];
        }
        num[i] = a;
        den[i] = b;
      });
    },
  };
}

/**
 * The appraisal design: per run, each cell whose appraised value counted (and whose self value
 * would give other points or another max) reverts to the self value with probability `revert`.
 * Draws are made run by run, unit by unit, leaf by leaf in framework order.
 */
export function appraisalPerturbation(details: readonly LeafDetail[][], runs: number, seed: number, revert: Exact): Perturbation {
  const D = commonDenominator(details.flatMap((list) => list.flatMap((d) => (d.self ? [d.points, d.max, d.self.points, d.self.max] : [d.points, d.max]))));
  const toD = (x: Exact) => (x.num * D) / x.den;
  const terms = details.map((list) => {
    let num = 0n;
    let den = 0n;
    const dp: bigint[] = [];
    const dm: bigint[] = [];
    for (const d of list) {
      num += toD(d.points);
      den += toD(d.max);
      if (d.self && !(d.self.points.eq(d.points) && d.self.max.eq(d.max))) {
        dp.push(toD(d.self.points.sub(d.points)));
        dm.push(toD(d.self.max.sub(d.max)));
      }
    }
    return { num, den, dp, dm };
  });
  const rng = mulberry32(seed);
  // x < revert × 2^32 ⇔ x · revert.den < revert.num · 2^32
  const threshold = revert.num * UINT32_RANGE;
  const choices: Uint8Array[][] = [];
  for (let r = 0; r < runs; r++) choices.push(terms.map((t) => Uint8Array.from(t.dp, () => (BigInt(rng.nextUint32()) * revert.den < threshold ? 1 : 0))));
  return {
    run(r, num, den) {
      terms.forEach((t, i) => {
        let a = t.num;
        let b = t.den;
        const c = choices[r][i];
        for (let q = 0; q < c.length; q++) {
          if (c[q]) {
            a += t.dp[q];
            b += t.dm[q];
          }
        }
        num[i] = a;
        den[i] = b;
      });
    },
  };
}
