/**
 * `survey` (docs/spec.md §2): no evidence input; a score from 0 to 100 from the survey results (or
 * SIPAS forms) earns max × score / 100. The score is kept on the appraised side and counts the same
 * on the self side. Goes with `method: survey`.
 */
import { Exact, pow10 } from '../../numbers/exact.js';
import { parseKeyValues } from '../params.js';
import { cellProblem, isNA, isProblem, NA_INPUT, naFormula, paramsResult, readNumber, scaleOf, wholeOver } from './common.js';
import type { LeafRule } from './rule.js';

export const survey: LeafRule<'survey'> = {
  name: 'survey',
  description: 'A survey score from 0 to 100 (survey results or SIPAS forms) earns max × score / 100; no evidence input.',
  scoring: { source: 'survey', total: 'survey', hasMax: true, countsMissing: true },
  parseParams: (text) => paramsResult(parseKeyValues(text, 'survey', [])),
  expects: () => ({ expect: 'survey-score' }),
  read(leaf, text, opts) {
    if (isNA(text)) return NA_INPUT;
    const r = readNumber(text, opts, survey.expects(leaf));
    if (isProblem(r)) return r;
    if (r.value.sign() < 0 || r.value.cmp(Exact.HUNDRED) > 0) return cellProblem('survey-outside', survey.expects(leaf));
    return r;
  },
  plainRange: () => ({ lo: null, hi: Exact.HUNDRED }),
  points: (leaf, value) => leaf.max.mul(value).div(Exact.HUNDRED),
  bound: (leaf) => leaf.max,
  // max × x / 100 with x at scale S: a whole number of 10^-(decimals of max + S + 2).
  denominator: (leaf, S) => ({ scale: scaleOf(leaf.max) + S + 2, factor: 1n }),
  kernel: (leaf, D, S) => ({ op: 'linear', factor: wholeOver(leaf.max, D, pow10(S) * 100n) }),
  template: {
    label: 'điều tra xã hội học',
    // Survey leaves have no template rows (their scores come from the survey results file).
    hint: () => '',
    describe: (leaf) => `Điểm điều tra xã hội học (từ 0 đến 100) × ${leaf.max.toString()} / 100, lấy từ tệp kết quả điều tra`,
    validation: () => ({ kind: 'formula', formula: naFormula }),
  },
};
