/**
 * `adjust` (docs/spec.md §2): a signed bonus (+) or penalty (−). `min=-5 max=3` are limits (a value
 * outside them is an error, not clamped). Its points count in the area's points and the total, never
 * in any max; it has no max, takes no NA, and a missing row is simply 0 (not missing).
 */
import { Exact } from '../../numbers/exact.js';
import { parseKeyValues } from '../params.js';
import { isNA, isProblem, paramsResult, perInput, readNumber } from './common.js';
import type { LeafRule } from './rule.js';

export const adjust: LeafRule<'adjust'> = {
  name: 'adjust',
  description: 'A signed bonus (+) or penalty (−) within `min=… max=…`; counts in the points, never in any max.',
  scoring: { source: 'evidence', total: 'adjust', hasMax: false, countsMissing: false },
  parseParams(text, _leaf, opts) {
    const r = paramsResult(parseKeyValues(text, 'adjust', ['min', 'max'], opts));
    const { min, max } = r.params;
    if (min && max && min.cmp(max) > 0) return { params: {}, problems: [{ message: 'adjust min is above max', expected: 'min ≤ max' }] };
    return r;
  },
  expected(leaf) {
    const lo = leaf.params.min?.toString();
    const hi = leaf.params.max?.toString();
    return lo || hi ? `a signed number from ${lo ?? '−∞'} to ${hi ?? '+∞'}` : 'a signed number';
  },
  read(leaf, text, opts) {
    if (isNA(text)) return { problem: 'an adjustment cannot be NA', expected: adjust.expected(leaf) };
    const r = readNumber(text, opts, adjust.expected(leaf));
    if (isProblem(r)) return r;
    const { min, max } = leaf.params;
    if ((min && r.value.cmp(min) < 0) || (max && r.value.cmp(max) > 0)) return { problem: 'adjustment outside its limits', expected: adjust.expected(leaf) };
    return r;
  },
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
