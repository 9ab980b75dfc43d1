/**
 * Every unit's points and max per area on the self side (what the unit claimed), for the results
 * workbook's self-vs-appraised sheet, without reading the leaves one by one: the kernel run once
 * more over a view of the inputs in which every appraised cell is blank except survey scores. With
 * its appraised cell blank, a leaf's final figure is its self figure (docs/spec.md §2: an unappraised
 * row counts its self value, NA leaves the max, a blank earns 0 out of the max; a survey score counts
 * the same on both sides), so the view's area totals are the self side's area totals. The leaf audit
 * (`areaSides(unitLeafAudit(…))`) is the reference in the tests.
 */
import type { Framework } from '../criteria/framework.js';
import { APPRAISED, BLANK, type InputMatrix } from '../criteria/inputs.js';
import { ruleOf } from '../criteria/rules/index.js';
import type { Exact } from '../numbers/exact.js';
import { ACC, slotValue, type Totals } from './kernel.js';
import { computeTotals } from './score.js';

/** The self side's totals of a round, by unit position in `inputs.units` and area position in the framework. */
export class SelfSides {
  readonly #t: Totals;
  readonly #areas: number;

  constructor(fw: Framework, inputs: InputMatrix) {
    const leaves = fw.leaves.length;
    const survey = fw.leaves.map((c) => ruleOf(c).scoring.source === 'survey');
    const state = inputs.state.slice();
    for (let cell = 0, j = 0; cell < inputs.present.length; cell++) {
      if (!survey[j]) state[cell * 2 + APPRAISED] = BLANK;
      if (++j === leaves) j = 0;
    }
    const view = Object.create(inputs, { state: { value: state } }) as InputMatrix;
    this.#t = computeTotals(fw, view);
    this.#areas = fw.areas.length;
  }

  /** Self points and max of area `a` for unit `u`, or undefined when no leaf of the area applies to the unit. */
  area(u: number, a: number): { points: Exact; max: Exact } | undefined {
    if (this.#t.areaLeaves[u * this.#areas + a] === 0) return undefined;
    return { points: slotValue(this.#t, u, ACC.areas + 2 * a), max: slotValue(this.#t, u, ACC.areas + 2 * a + 1) };
  }
}
