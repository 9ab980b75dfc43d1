/**
 * `tiers` (docs/spec.md §2): a number v earns the points of the first tier it meets, reading left to
 * right — `>90:2 | >=70:1 | else:0`. `>` is strict, `>=` inclusive; thresholds descend (at an equal
 * threshold `>` before `>=`) and may be any signed number; `else` only last; points within 0..max.
 * No tier met: 0.
 */
import type { NumberTextOptions } from '../../numbers/decimal-text.js';
import { Exact, pow10 } from '../../numbers/exact.js';
import { type ParamsProblem, paramNumber, type Tier } from '../params.js';
import { isNA, NA_INPUT, naFormula, readNumber, scaleOf, wholeOver } from './common.js';
import type { LeafRule } from './rule.js';

/** Parses the tiers syntax (numbers as `opts` says); checks order, `else` last and 0 ≤ points ≤ max. */
export function parseTiers(text: string, max: Exact | undefined, opts: NumberTextOptions = {}): Tier[] | ParamsProblem {
  const parts = text
    .split('|')
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0) return { message: 'tiers rule needs tiers', expected: 'tiers such as ">90:2 | >=70:1 | else:0"' };
  const tiers: Tier[] = [];
  for (const [i, part] of parts.entries()) {
    const m = /^(>=|>|else)\s*([^:]*?)\s*:\s*(\S+)$/.exec(part);
    if (!m) return { message: `tier "${part}" is not understood`, expected: 'tiers like ">90:2", ">=70:1" or "else:0" split by "|"' };
    const [, op, thr, pts] = m;
    const points = paramNumber(pts, opts);
    if (points && !(points instanceof Exact)) return { ...points, message: `tier "${part}": ${points.message}` };
    if (!points) return { message: `tier "${part}" has points that are not a number`, expected: 'a number of points' };
    if (points.sign() < 0 || (max && points.cmp(max) > 0)) {
      return { message: `tier "${part}" gives points outside 0..max`, expected: `points from 0 to ${max ? max.toString() : 'max'}` };
    }
    if (op === 'else') {
      if (thr !== '') return { message: `tier "${part}": else takes no threshold`, expected: '"else:points"' };
      if (i !== parts.length - 1) return { message: 'else must be the last tier', expected: 'else only last' };
      tiers.push({ op: 'else', points });
      continue;
    }
    const threshold = paramNumber(thr, opts);
    if (threshold && !(threshold instanceof Exact)) return { ...threshold, message: `tier "${part}": ${threshold.message}` };
    if (!threshold) return { message: `tier "${part}" has a threshold that is not a number`, expected: 'a number after > or >=' };
    const prev = tiers[tiers.length - 1];
    if (prev?.threshold) {
      const c = threshold.cmp(prev.threshold);
      const ok = c < 0 || (c === 0 && prev.op === '>' && op === '>=');
      if (!ok) {
        return { message: `tiers are not in descending order at "${part}"`, expected: 'thresholds descending left to right (at an equal threshold ">" before ">=")' };
      }
    }
    tiers.push({ op: op as '>' | '>=', threshold, points });
  }
  return tiers;
}

export const tiers: LeafRule<'tiers'> = {
  name: 'tiers',
  description: 'A number earns the points of the first tier it meets, left to right (`>90:2 | >=70:1 | else:0`); none met: 0.',
  scoring: { source: 'evidence', total: 'appraisal', hasMax: true, countsMissing: true },
  parseParams(text, leaf, opts) {
    const parsed = parseTiers(text, leaf.givenMax, opts);
    return Array.isArray(parsed) ? { params: { tiers: parsed }, problems: [] } : { params: {}, problems: [parsed] };
  },
  expected: () => 'a number (or NA)',
  read(leaf, text, opts) {
    if (isNA(text)) return NA_INPUT;
    return readNumber(text, opts, tiers.expected(leaf));
  },
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
    hint: (leaf) => `Giá trị số, hoặc NA; điểm theo bậc: ${leaf.paramsText.trim()}`,
    validation: () => ({ kind: 'formula', formula: (ref) => `OR(${naFormula(ref)},ISNUMBER(${ref}))` }),
  },
};
