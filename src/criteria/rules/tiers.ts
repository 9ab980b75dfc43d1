/**
 * `tiers` (docs/spec.md §2): a number v earns the points of the first tier it meets, reading left to
 * right — `>90:2 | >=70:1 | else:0`. `>` is strict, `>=` inclusive; thresholds descend (at an equal
 * threshold `>` before `>=`) and may be any signed number; `else` only last; points within 0..max.
 * No tier met: 0.
 */
import type { NumberTextOptions } from '../../numbers/decimal-text.js';
import { Exact, pow10 } from '../../numbers/exact.js';
import { POINT, type ParamsProblem, paramNumber, paramsProblem, pointProblem, type Tier } from '../params.js';
import { isNA, NA_INPUT, naFormula, readNumber, scaleOf, wholeOver } from './common.js';
import type { LeafRule } from './rule.js';

/** Parses the tiers syntax (numbers as `opts` says); checks order, `else` last and 0 ≤ points ≤ max. */
export function parseTiers(text: string, max: Exact | undefined, opts: NumberTextOptions = {}): Tier[] | ParamsProblem {
  const parts = text
    .split('|')
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0) return paramsProblem({ fault: 'no-tiers' });
  const tiers: Tier[] = [];
  for (const [i, part] of parts.entries()) {
    const m = /^(>=|>|else)\s*([^:]*?)\s*:\s*(\S+)$/.exec(part);
    if (!m) return paramsProblem({ fault: 'tier-syntax', tier: part });
    const [, op, thr, pts] = m;
    const points = paramNumber(pts, opts);
    if (points === POINT) return pointProblem({ where: 'tier', name: part, text: pts.trim() });
    if (!points) return paramsProblem({ fault: 'tier-points', tier: part });
    if (points.sign() < 0 || (max && points.cmp(max) > 0)) {
      return paramsProblem({ fault: 'tier-outside', tier: part, max: max?.toString() });
    }
    if (op === 'else') {
      if (thr !== '') return paramsProblem({ fault: 'else-threshold', tier: part });
      if (i !== parts.length - 1) return paramsProblem({ fault: 'else-last' });
      tiers.push({ op: 'else', points });
      continue;
    }
    const threshold = paramNumber(thr, opts);
    if (threshold === POINT) return pointProblem({ where: 'tier', name: part, text: thr.trim() });
    if (!threshold) return paramsProblem({ fault: 'tier-threshold', tier: part });
    const prev = tiers[tiers.length - 1];
    if (prev?.threshold) {
      const c = threshold.cmp(prev.threshold);
      const ok = c < 0 || (c === 0 && prev.op === '>' && op === '>=');
      if (!ok) {
        return paramsProblem({ fault: 'tier-order', tier: part });
      }
    }
    tiers.push({ op: op as '>' | '>=', threshold, points });
  }
  return tiers;
}

/**
 * The tiers in Vietnamese words, first met first, with no syntax (`>`, `else`):
 * `trên 90: 2 điểm; từ 70 trở lên: 1 điểm; còn lại: 0 điểm` (no catch-all: `không đạt bậc nào: 0 điểm`).
 */
export function tierWords(list: readonly Tier[]): string {
  const words = list.map((t) => `${t.op === 'else' ? 'còn lại' : t.op === '>' ? `trên ${t.threshold!.toString()}` : `từ ${t.threshold!.toString()} trở lên`}: ${t.points.toString()} điểm`);
  if (!list.some((t) => t.op === 'else')) words.push('không đạt bậc nào: 0 điểm');
  return words.join('; ');
}

export const tiers: LeafRule<'tiers'> = {
  name: 'tiers',
  description: 'A number earns the points of the first tier it meets, left to right (`>90:2 | >=70:1 | else:0`); none met: 0.',
  scoring: { source: 'evidence', total: 'appraisal', hasMax: true, countsMissing: true },
  parseParams(text, leaf, opts) {
    const parsed = parseTiers(text, leaf.givenMax, opts);
    return Array.isArray(parsed) ? { params: { tiers: parsed }, problems: [] } : { params: {}, problems: [parsed] };
  },
  expects: () => ({ expect: 'number' }),
  read(leaf, text, opts) {
    if (isNA(text)) return NA_INPUT;
    return readNumber(text, opts, tiers.expects(leaf));
  },
  plainRange: () => ({ lo: null, hi: null }),
  points(leaf, value) {
    for (const t of leaf.params.tiers ?? []) {
      if (t.op === 'else') return t.points;
      const cmp = value.cmp(t.threshold!);
      if (cmp > 0 || (cmp === 0 && t.op === '>=')) return t.points;
    }
    return Exact.ZERO;
  },
  bound: (leaf) => leaf.max,
  // One of the tier points: a whole number of 10^-(most decimals of any tier's points).
  denominator: (leaf) => ({ scale: Math.max(0, ...(leaf.params.tiers ?? []).map((t) => scaleOf(t.points))), factor: 1n }),
  // Thresholds and the input compared as integers at the tier scale ts (≥ S): x × 10^(ts−S) against threshold × 10^ts.
  kernel(leaf, D, S) {
    const list = leaf.params.tiers ?? [];
    const ts = Math.max(S, ...list.map((t) => (t.threshold ? scaleOf(t.threshold) : 0)));
    const steps = list.filter((t) => t.op !== 'else').map((t) => ({ strict: t.op === '>', threshold: wholeOver(t.threshold!, pow10(ts)), points: wholeOver(t.points, D) }));
    const otherwise = list.find((t) => t.op === 'else');
    return { op: 'steps', mul: pow10(ts - S), steps, otherwise: otherwise ? wholeOver(otherwise.points, D) : 0n };
  },
  template: {
    label: 'theo bậc',
    hint: (leaf) => `Giá trị số, hoặc NA; điểm theo bậc: ${tierWords(leaf.params.tiers ?? [])}`,
    describe: (leaf) => `Điểm theo bậc: ${tierWords(leaf.params.tiers ?? [])}`,
    validation: () => ({ kind: 'formula', formula: (ref) => `OR(${naFormula(ref)},ISNUMBER(${ref}))` }),
  },
};
