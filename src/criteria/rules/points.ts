/**
 * `points` (docs/spec.md §2): the input itself, a number from 0 to max; `allowed=0;0.5;1` restricts
 * it to those values ("on time 1 / late 0.5 / not issued 0").
 */
import { paramsProblem, parseKeyValues } from '../params.js';
import { cellProblem, isNA, isProblem, NA_INPUT, naFormula, paramsResult, perInput, readNumber } from './common.js';
import type { LeafRule } from './rule.js';

export const points: LeafRule<'points'> = {
  name: 'points',
  description: 'The input itself, a number from 0 to max; `allowed=0;0.5;1` restricts it to those values.',
  scoring: { source: 'evidence', total: 'appraisal', hasMax: true, countsMissing: true },
  parseParams(text, leaf, opts) {
    const r = paramsResult(parseKeyValues(text, 'points', ['allowed'], opts));
    for (const a of r.params.allowed ?? []) {
      if (a.sign() < 0 || a.cmp(leaf.max) > 0) r.problems.push(paramsProblem({ fault: 'allowed-outside', value: a.toString(), max: leaf.max.toString() }));
    }
    return r;
  },
  expects(leaf) {
    const allowed = leaf.params.allowed;
    return allowed ? { expect: 'allowed', allowed: allowed.map((a) => a.toString()).join(', '), max: leaf.max.toString() } : { expect: 'points', max: leaf.max.toString() };
  },
  read(leaf, text, opts) {
    if (isNA(text)) return NA_INPUT;
    const r = readNumber(text, opts, points.expects(leaf));
    if (isProblem(r)) return r;
    if (r.value.sign() < 0 || r.value.cmp(leaf.max) > 0) return cellProblem('points-outside', points.expects(leaf));
    if (leaf.params.allowed && !leaf.params.allowed.some((a) => a.eq(r.value))) return cellProblem('not-allowed', points.expects(leaf));
    return r;
  },
  plainRange: (leaf) => (leaf.params.allowed ? undefined : { lo: null, hi: leaf.max }),
  points: (_leaf, value) => value,
  bound: (leaf) => leaf.max,
  // The input itself: a whole number of 10^-S at input scale S.
  denominator: (_leaf, S) => ({ scale: S, factor: 1n }),
  kernel: (_leaf, D, S) => ({ op: 'linear', factor: perInput(D, S) }),
  template: {
    label: 'số điểm',
    describe: (leaf) => (leaf.params.allowed ? `Điểm là một trong các mức ${leaf.params.allowed.map((a) => a.toString()).join('; ')} (tối đa ${leaf.max.toString()} điểm)` : `Điểm là số điểm nhập, từ 0 đến ${leaf.max.toString()}`),
    hint: (leaf) => (leaf.params.allowed ? `Một trong các giá trị ${leaf.params.allowed.map((a) => a.toString()).join('; ')}, hoặc NA` : `Số điểm từ 0 đến ${leaf.max.toString()}, hoặc NA`),
    validation(leaf) {
      if (leaf.params.allowed) return { kind: 'list', values: [...leaf.params.allowed, 'NA'] };
      const max = leaf.max.toString();
      return { kind: 'formula', formula: (ref) => `OR(${naFormula(ref)},AND(ISNUMBER(${ref}),${ref}>=0,${ref}<=${max}))` };
    },
  },
};
