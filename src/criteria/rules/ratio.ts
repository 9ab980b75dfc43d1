/**
 * `ratio` (docs/spec.md §2): a percentage p ≥ 0 earns max × min(p, target) / target;
 * `target=100` by default, and a target must be > 0.
 */
import { Exact, pow10 } from '../../numbers/exact.js';
import { paramsProblem, parseKeyValues } from '../params.js';
import { cellProblem, isNA, isProblem, NA_INPUT, naFormula, paramsResult, readNumber, scaleOf, wholeOver } from './common.js';
import type { LeafRule, RuleLeaf } from './rule.js';

/**
 * Number format of a ratio's input cells in the evidence template: a plain number (not a percent
 * format), so a council types the percentage itself — 85 for 85% — and sees it as typed (a `%` typed
 * anyway is read as the number shown).
 */
export const RATIO_INPUT_FORMAT = '0.0###';

/** The leaf's target (100 unless given). */
const targetOf = (leaf: RuleLeaf): Exact => leaf.params.target ?? Exact.HUNDRED;

export const ratio: LeafRule<'ratio'> = {
  name: 'ratio',
  description: 'A percentage p ≥ 0 earns max × min(p, target) / target (target=100 by default, > 0).',
  scoring: { source: 'evidence', total: 'appraisal', hasMax: true, countsMissing: true },
  parseParams(text, _leaf, opts) {
    const r = paramsResult(parseKeyValues(text, 'ratio', ['target'], opts));
    if (r.params.target && r.params.target.sign() <= 0) return { params: {}, problems: [paramsProblem({ fault: 'target' })] };
    return r;
  },
  expects: () => ({ expect: 'percentage' }),
  read(leaf, text, opts) {
    if (isNA(text)) return NA_INPUT;
    const r = readNumber(text, opts, ratio.expects(leaf));
    if (isProblem(r)) return r;
    if (r.value.sign() < 0) return cellProblem('negative-percentage', ratio.expects(leaf));
    return r;
  },
  plainRange: () => ({ lo: null, hi: null }),
  points(leaf, value) {
    const target = targetOf(leaf);
    return leaf.max.mul(value.min(target)).div(target);
  },
  bound: (leaf) => leaf.max,
  // max·min(x, t)/t with x at scale S, t = T/10^st: a whole number of 1/(10^(decimals of max + S + st) × t's numerator).
  denominator(leaf, S) {
    const t = targetOf(leaf);
    return { scale: scaleOf(leaf.max) + S + scaleOf(t), factor: t.num };
  },
  // points·D = min(x·10^st, T·10^S) × max·D / (10^S · T), T the target at its own scale st (10^st cancels).
  kernel(leaf, D, S) {
    const t = targetOf(leaf);
    const st = scaleOf(t);
    const T = wholeOver(t, pow10(st));
    return { op: 'capped', mul: pow10(st), cap: T * pow10(S), factor: wholeOver(leaf.max, D, pow10(S) * T) };
  },
  template: {
    label: 'tỷ lệ %',
    hint: (leaf) => `Tỷ lệ % (≥ 0; gõ 85 cho 85%), hoặc NA; đạt ${leaf.params.target ? leaf.params.target.toString() : '100'}% trở lên = ${leaf.max.toString()} điểm`,
    validation: () => ({ kind: 'formula', formula: (ref) => `OR(${naFormula(ref)},AND(ISNUMBER(${ref}),${ref}>=0))` }),
    describe(leaf) {
      const t = leaf.params.target ? leaf.params.target.toString() : '100';
      const max = leaf.max.toString();
      return `Điểm theo tỷ lệ đạt được: ${max} điểm × tỷ lệ % / ${t}; đạt ${t}% trở lên: ${max} điểm`;
    },
    numFmt: RATIO_INPUT_FORMAT,
  },
};
