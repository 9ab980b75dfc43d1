/**
 * `adjust` (docs/spec.md §2): a signed bonus (+) or penalty (−). `min=-5 max=3` are limits (a value
 * outside them is an error, not clamped). Its points count in the area's points and the total, never
 * in any max; it has no max, takes no NA, and a missing row is simply 0 (not missing).
 */
import { Exact } from '../../numbers/exact.js';
import { paramsProblem, parseKeyValues } from '../params.js';
import { cellProblem, isNA, isProblem, paramsResult, perInput, readNumber } from './common.js';
import type { LeafRule } from './rule.js';

export const adjust: LeafRule<'adjust'> = {
  name: 'adjust',
  description: 'A signed bonus (+) or penalty (−) within `min=… max=…`; counts in the points, never in any max.',
  scoring: { source: 'evidence', total: 'adjust', hasMax: false, countsMissing: false },
  parseParams(text, _leaf, opts) {
    const r = paramsResult(parseKeyValues(text, 'adjust', ['min', 'max'], opts));
    const { min, max } = r.params;
    if (min && max && min.cmp(max) > 0) return { params: {}, problems: [paramsProblem({ fault: 'min-above-max' })] };
    return r;
  },
  expects: (leaf) => ({ expect: 'signed', lo: leaf.params.min?.toString(), hi: leaf.params.max?.toString() }),
  read(leaf, text, opts) {
    if (isNA(text)) return cellProblem('adjust-na', adjust.expects(leaf));
    const r = readNumber(text, opts, adjust.expects(leaf));
    if (isProblem(r)) return r;
    const { min, max } = leaf.params;
    if ((min && r.value.cmp(min) < 0) || (max && r.value.cmp(max) > 0)) return cellProblem('adjust-outside', adjust.expects(leaf));
    return r;
  },
  plainRange: (leaf) => ({ lo: leaf.params.min ?? null, hi: leaf.params.max ?? null }),
  points: (_leaf, value) => value,
  bound: (_leaf, maxInput) => Exact.of(BigInt(Math.ceil(maxInput)) + 1n),
  // The input itself: a whole number of 10^-S at input scale S.
  denominator: (_leaf, S) => ({ scale: S, factor: 1n }),
  kernel: (_leaf, D, S) => ({ op: 'linear', factor: perInput(D, S) }),
  template: {
    label: 'điểm thưởng/trừ',
    hint(leaf) {
      const lo = leaf.params.min?.toString();
      const hi = leaf.params.max?.toString();
      const range = lo !== undefined && hi !== undefined ? ` từ ${lo} đến ${hi}` : lo !== undefined ? ` từ ${lo} trở lên` : hi !== undefined ? ` tối đa ${hi}` : '';
      return `Điểm thưởng (+) hoặc trừ (−)${range}; để trống = 0; không dùng NA`;
    },
    describe(leaf) {
      const { min, max } = leaf.params;
      const kind = min && min.sign() >= 0 ? 'Điểm thưởng' : max && max.sign() <= 0 ? 'Điểm trừ' : 'Điểm thưởng (+) hoặc trừ (−)';
      const range = min && max ? ` từ ${min.toString()} đến ${max.toString()}` : min ? ` từ ${min.toString()} trở lên` : max ? ` tối đa ${max.toString()}` : '';
      return `${kind}${range}: cộng vào tổng điểm, không tính vào điểm tối đa`;
    },
    validation(leaf) {
      const { min, max } = leaf.params;
      return {
        kind: 'formula',
        formula(ref) {
          const parts = [`ISNUMBER(${ref})`];
          if (min) parts.push(`${ref}>=${min.toString()}`);
          if (max) parts.push(`${ref}<=${max.toString()}`);
          return parts.length > 1 ? `AND(${parts.join(',')})` : parts[0];
        },
      };
    },
  },
};
