/**
 * `yesno` (docs/spec.md §2): max for yes, 0 for no. Yes: `1`, `yes`, `có`, `đạt`, `x`, `true`, `y`
 * (and unaccented `co`, `dat`); no: `0`, `no`, `không`, `không đạt`, `false`, `n` (and `khong`,
 * `khong dat`). Case-insensitive, Unicode NFC.
 */
import { Exact } from '../../numbers/exact.js';
import { parseKeyValues } from '../params.js';
import { cellProblem, isNA, NA_INPUT, paramsResult, scaleOf, wholeOver } from './common.js';
import type { CellInput, LeafRule } from './rule.js';

const YES = new Set(['1', 'yes', 'có', 'co', 'đạt', 'dat', 'x', 'true', 'y']);
const NO = new Set(['0', 'no', 'không', 'khong', 'không đạt', 'khong dat', 'false', 'n']);

/** Reads a yes/no token (case-insensitive, NFC): true, false, or undefined when not one. */
export function readYesNo(text: string): boolean | undefined {
  const t = text.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ');
  if (YES.has(t)) return true;
  if (NO.has(t)) return false;
  return undefined;
}

const YES_INPUT: CellInput = Object.freeze({ kind: 'value', value: Exact.ONE, text: '1', units: 1, scale: 0 });
const NO_INPUT: CellInput = Object.freeze({ kind: 'value', value: Exact.ZERO, text: '0', units: 0, scale: 0 });

export const yesno: LeafRule<'yesno'> = {
  name: 'yesno',
  description: 'Max for a yes (1, yes, có, đạt, x …), 0 for a no (0, no, không, không đạt …); read as 1/0.',
  scoring: { source: 'evidence', total: 'appraisal', hasMax: true, countsMissing: true },
  parseParams: (text) => paramsResult(parseKeyValues(text, 'yesno', [])),
  expects: () => ({ expect: 'yesno' }),
  read(leaf, text) {
    if (isNA(text)) return NA_INPUT;
    const yn = readYesNo(text);
    if (yn === undefined) return cellProblem('not-yes-no', yesno.expects(leaf));
    return yn ? YES_INPUT : NO_INPUT;
  },
  points: (leaf, value) => (value.sign() > 0 ? leaf.max : Exact.ZERO),
  bound: (leaf) => leaf.max,
  // Max or nothing: a whole number of 10^-(decimals of max).
  denominator: (leaf) => ({ scale: scaleOf(leaf.max), factor: 1n }),
  kernel: (leaf, D) => ({ op: 'nonzero', points: wholeOver(leaf.max, D) }),
  template: {
    label: 'có/không',
    hint: (leaf) => `có/không (hoặc 1/0, đạt/không đạt), hoặc NA; có = ${leaf.max.toString()} điểm`,
    describe: (leaf) => `Có: ${leaf.max.toString()} điểm; không: 0 điểm`,
    validation: () => ({ kind: 'list', values: ['có', 'không', 'NA'] }),
  },
  inputLabel: (value) => (value.sign() > 0 ? 'có' : 'không'),
};
