/**
 * The leaf rules as the readers and the bigint path use them: reading an input cell for a leaf, the
 * exact points of a value, what a cell must hold. Each is one call to the leaf's rule object
 * (`rules/*.ts`, registered in `rules/index.ts`), where everything about a rule lives.
 */
import { expectsText } from '../i18n/en/criteria.js';
import type { NumberTextOptions } from '../numbers/decimal-text.js';
import type { Exact } from '../numbers/exact.js';
import type { Criterion } from './framework.js';
import { type CellInput, type CellProblem, ruleOf } from './rules/index.js';

export { isNA, readYesNo, type CellInput, type CellProblem } from './rules/index.js';

const BLANK_INPUT: CellInput = Object.freeze({ kind: 'blank' });

/** What a leaf's rule expects in a cell, in English words (the catalogues word `ruleOf(c).expects(c)` in either language). */
export function expectedInput(c: Criterion): string {
  return expectsText(ruleOf(c).expects(c));
}

/** Reads one input cell for a leaf's rule; returns the input or a problem. */
export function readCell(c: Criterion, text: string, opts: NumberTextOptions = {}): CellInput | CellProblem {
  const t = text.trim();
  if (t === '') return BLANK_INPUT;
  return ruleOf(c).read(c, t, opts);
}

/** True when {@link readCell} returned a problem. */
export function isCellProblem(x: CellInput | CellProblem): x is CellProblem {
  return 'problem' in x;
}

/** Points a valid input value earns on a leaf (exact). */
export function leafPoints(c: Criterion, value: Exact): Exact {
  return ruleOf(c).points(c, value);
}
