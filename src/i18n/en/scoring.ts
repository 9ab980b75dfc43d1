/**
 * English messages of src/scoring/ (and of the exact numbers of src/numbers/, which have no
 * catalogue of their own). Keys are `code` or `code/variant`; params are the issue's structured values.
 */
import type { Fragment } from '../catalogue.js';

const ZERO_HINT = '--allow-missing (library: missing: "zero") to score them as 0';

type Absent = { code: string; title: string; survey: boolean; units: number };
type Missing = { unit: string; criterion: string; survey: boolean };

export const scoring = {
  'no-survey-input': {
    message: (p: { count: number; codes: string }) => `no survey results for any unit: the ${p.count} survey ${p.count === 1 ? 'criterion' : 'criteria'} (${p.codes}) would score 0 everywhere`,
    expected: (_: { count: number; codes: string }) => `a survey results file (--survey) or SIPAS forms (--sipas-…), or ${ZERO_HINT}`,
  },
  'absent-criterion': {
    message: (p: Absent) => `criterion "${p.code}"${p.title ? ` (${p.title})` : ''} has no ${p.survey ? 'survey result' : 'evidence row'} for any of the ${p.units} units it applies to`,
    expected: (_: Absent) => `its inputs (a forgotten file or sheet?), or ${ZERO_HINT}`,
  },
  'missing-input': {
    message: (p: Missing) => `no ${p.survey ? 'survey result' : 'evidence row'} for unit "${p.unit}", criterion "${p.criterion}" (--strict)`,
    expected: (_: Missing) => 'a row for every applicable criterion',
  },
  'no-round/rebuilt': { message: (p: { what: string }) => `${p.what} is not in the JSON document: score the round again to get it`, expected: (_: { what: string }) => 'a result of score(round)' },

  // Exact numbers (src/numbers/exact.ts): a program's mistakes.
  'bad-argument/zero-denominator': { message: () => 'Exact.of: zero denominator', expected: () => 'a non-zero denominator' },
  'bad-argument/division-by-zero': { message: () => 'Exact: division by zero', expected: () => 'a non-zero divisor' },
  'bad-argument/not-whole': {
    message: (p: { name: string }) => `Exact.of: ${p.name} must be a whole number`,
    expected: (_: { name: string }) => 'a bigint or a safe integer (read decimal text exactly with the function that takes text)',
  },
  'exact-not-a-number': {
    message: () => 'an exact value cannot be used with <, >, + or -: compare with .cmp() / .eq(), compute with .add() / .sub(), or call .toNumber() for a float',
    expected: () => 'x.cmp(y), x.eq(y), x.toNumber() or x.toFixed(2)',
  },
} satisfies Fragment;
