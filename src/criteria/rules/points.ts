/**
 * `points` (docs/spec.md §2): the input itself, a number from 0 to max; `allowed=0;0.5;1` restricts
 * it to those values ("on time 1 / late 0.5 / not issued 0").
 */
import { parseKeyValues } from '../params.js';
import { isNA, isProblem, NA_INPUT, naFormula, paramsResult, perInput, readNumber } from './common.js';
import type { LeafRule } from './rule.js';

export const points: LeafRule<'points'> = {
  name: 'points',
  description: 'The input itself, a number from 0 to max; `allowed=0;0.5;1` restricts it to those values.',
  scoring: { source: 'evidence', total: 'appraisal', hasMax: true, countsMissing: true },
  parseParams(text, leaf, opts) {
    const r = paramsResult(parseKeyValues(text, 'points', ['allowed'], opts));
    for (const a of r.params.allowed ?? []) {
      if (a.sign() < 0 || a.cmp(leaf.max) > 0) r.problems.push({ message: `allowed value ${a.toString()} is outside 0..max`, expected: `allowed values from 0 to ${leaf.max.toString()}` });
    }
    return r;
  },
  expected(leaf) {
    const allowed = leaf.params.allowed;
    return allowed ? `one of ${allowed.map((a) => a.toString()).join(', ')} (or NA)` : `a number from 0 to ${leaf.max.toString()} (or NA)`;
  },
  read(leaf, text, opts) {
    if (isNA(text)) return NA_INPUT;
    const r = readNumber(text, opts, points.expected(leaf));
    if (isProblem(r)) return r;
    if (r.value.sign() < 0 || r.value.cmp(leaf.max) > 0) return { problem: `points outside 0..${leaf.max.toString()}`, expected: points.expected(leaf) };
    if (leaf.params.allowed && !leaf.params.allowed.some((a) => a.eq(r.value))) return { problem: 'points not among the allowed values', expected: points.expected(leaf) };
    return r;
  },
  points: (_leaf, value) => value,
  bound: (leaf) => leaf.max,
  // The input itself: a whole number of 10^-S at input scale S.
  denominator: (_leaf, S) => ({ scale: S, factor: 1n }),
  kernel: (_leaf, D, S) => ({ op: 'linear', factor: perInput(D, S) }),
  template: {
    label: 'số điểm',
    hint: (leaf) => (leaf.params.allowed ? `Một trong các giá trị ${leaf.params.allowed.map((a) => a.toString()).join('; ')}, hoặc NA` : `Số điểm từ 0 đến ${leaf.max.toString()}, hoặc NA`),
    validation(leaf) {
      if (leaf.params.allowed) return { kind: 'list', values: [...leaf.params.allowed, 'NA'] };
      const max = leaf.max.toString();
      return { kind: 'formula', formula: (ref) => `OR(${naFormula(ref)},AND(ISNUMBER(${ref}),${ref}>=0,${ref}<=${max}))` };
    },
  },
};
