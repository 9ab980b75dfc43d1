/**
 * The registry of leaf rules (docs/spec.md §2): one object per rule, keyed by name. The record's type
 * names every rule of {@link RULE_NAMES}, so a rule left out (or registered under another name) does
 * not compile.
 */
import { adjust } from './adjust.js';
import { points } from './points.js';
import { ratio } from './ratio.js';
import type { LeafRule, RuleName } from './rule.js';
import { survey } from './survey.js';
import { tiers } from './tiers.js';
import { yesno } from './yesno.js';

/** Every rule by name: exactly one object per name of {@link RULE_NAMES}. */
export type RuleRegistry = { readonly [N in RuleName]: LeafRule<N> };

/** The leaf rules by name. */
export const RULES: RuleRegistry = Object.freeze({ points, yesno, ratio, tiers, survey, adjust });

/** The rule a leaf takes when its `rule` cell is blank, by method: `points`, or `survey` under method survey. */
export const DEFAULT_RULE = Object.freeze({ appraisal: 'points', survey: 'survey' } as const satisfies Record<'appraisal' | 'survey', RuleName>);

/** The rule object of a leaf criterion; throws on a parent (which has no rule). */
export function ruleOf(leaf: { readonly rule?: RuleName; readonly code?: string }): LeafRule {
  const r = leaf.rule === undefined ? undefined : RULES[leaf.rule];
  if (!r) throw new RangeError(`parindex: criterion ${leaf.code ?? ''} has no rule ${leaf.rule ?? ''}`.trim());
  return r;
}

/** Ends an exhaustive switch: `default: return unreachable(x, 'rule')` compiles only when every case is handled. */
export function unreachable(x: never, what: string): never {
  throw new Error(`parindex: unhandled ${what} ${String(x)}`);
}

export { RULE_NAMES, type CellInput, type CellProblem, type KernelForm, type LeafRule, type ParamsResult, type RuleLeaf, type RuleName, type RuleScoring, type RuleTemplate, type TemplateValidation } from './rule.js';
export { isNA } from './common.js';
export { leafOutcome, type CellState, type LeafOutcome, type LeafStatus, type Side } from './outcome.js';
export { readYesNo } from './yesno.js';
export { parseTiers } from './tiers.js';
export { RATIO_INPUT_FORMAT } from './ratio.js';
