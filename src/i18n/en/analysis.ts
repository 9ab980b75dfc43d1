/** English messages of src/analysis/. Keys are `code` or `code/variant`; params are the structured values. */
import type { Fragment } from '../catalogue.js';

const SPREAD = 'a decimal from 0 up to (not including) 1, such as 0.1';
const REVERT = 'a probability from 0 to 1, such as 0.5';

/** Params of `unknown-unit/explain`: the id, how many units the result has and the first ids (joined by `, `). */
type UnknownUnit = { unit: string; count: number; first: string };

export const analysis = {
  'unknown-unit/explain': {
    message: (p: UnknownUnit) => `unit "${p.unit}" is not in the units file (it has ${p.count} unit${p.count === 1 ? '' : 's'}: ${p.first}${p.count > 5 ? ', …' : ''})`,
    expected: (p: UnknownUnit) => `one of the ${p.count} unit ids of the units file`,
  },
  'bad-value/result-unit': { message: () => 'a result row has no unit id', expected: () => 'a unit id' },
  'bad-number/result-index': { message: (p: { unit: string }) => `the index of unit "${p.unit}" is not a number`, expected: (_: { unit: string }) => 'a decimal number such as 89.83 (or blank/null for none)' },
  'bad-number/result-rank': { message: (p: { unit: string }) => `the rank of unit "${p.unit}" is not a whole number ≥ 1`, expected: (_: { unit: string }) => 'a rank such as 3 (or blank/null for none)' },
  'duplicate-unit/result': { message: (p: { unit: string; first: number }) => `unit "${p.unit}" appears twice (first on row ${p.first})`, expected: (_: { unit: string; first: number }) => 'each unit once' },
  'bad-json/sipas-result': {
    message: () => 'this is a SIPAS result (units with forms and question nodes), not a PAR INDEX result',
    expected: () => 'the JSON written by parindex score --format json (a SIPAS result compares only with another SIPAS result)',
  },
  'bad-json/not-result': { message: () => 'not a parindex result: no "units" array', expected: () => 'the JSON written by parindex score --format json ({"units": [...], "leagues": ...})' },
  'bad-option/spread-not-decimal': { message: () => 'the spread is not a decimal number', expected: () => SPREAD },
  'bad-option/spread-range': { message: () => 'the spread is outside [0, 1)', expected: () => SPREAD },
  'bad-option/revert-not-decimal': { message: () => 'the revert probability is not a decimal number', expected: () => REVERT },
  'bad-option/revert-range': { message: () => 'the revert probability is outside [0, 1]', expected: () => REVERT },
  'bad-option/runs': { message: () => 'the number of runs is not a whole number ≥ 1', expected: () => 'a whole number of runs ≥ 1, such as 200' },
  'bad-option/seed': { message: () => 'the seed is not a whole number ≥ 0', expected: () => 'a whole number ≥ 0, such as 1' },
  'bad-option/mode': { message: (_: { modes: string }) => 'unknown sensitivity mode', expected: (p: { modes: string }) => p.modes.replace(/, (?=[^,]*$)/, ' or ') },
  // Area points of a result file read back (src/analysis/result-areas.ts, for compare).
  'bad-number/area-points': {
    message: (p: { unit: string; area: string }) => `the points of unit "${p.unit}" in area ${p.area} are not a number`,
    expected: (_: { unit: string; area: string }) => 'a decimal number such as 7.50 (or blank/null for none)',
  },
  'bad-value/areas-object': { message: (p: { unit: string }) => `the "areas" of unit "${p.unit}" are not an object of area points`, expected: (_: { unit: string }) => 'an object such as {"1": {"points": "7.50", "max": "9.00"}}' },
} satisfies Fragment;
