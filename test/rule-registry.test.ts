/**
 * The rule registry is exhaustive at compile time: `npx tsc --noEmit -p .` type-checks this file, and
 * every `@ts-expect-error` below must meet an error — a registry missing a rule, a rule registered
 * under another name, a switch over rule names or kernel ops missing a case, a code table missing an
 * op, a public `Rule` union out of step with the registry. If one of them stopped being an error, tsc
 * would fail on the unused directive. At run time: the registry, the names and the public union agree.
 */
import { describe, expect, it } from 'vitest';
import type { Rule } from '../src/criteria/framework.js';
import { adjust } from '../src/criteria/rules/adjust.js';
import { DEFAULT_RULE, type KernelForm, RULE_NAMES, RULES, type RuleName, type RuleRegistry, type RuleScoring, ruleOf } from '../src/criteria/rules/index.js';
import { points } from '../src/criteria/rules/points.js';
import { ratio } from '../src/criteria/rules/ratio.js';
import { survey } from '../src/criteria/rules/survey.js';
import { tiers } from '../src/criteria/rules/tiers.js';
import { yesno } from '../src/criteria/rules/yesno.js';

// A registry without one rule does not compile.
// @ts-expect-error — `adjust` is missing
const missingRule: RuleRegistry = { points, yesno, ratio, tiers, survey };

// Nor does a rule object registered under another rule's name.
// @ts-expect-error — the tiers object is not a LeafRule<'ratio'>
const swappedRule: RuleRegistry = { points, yesno, ratio: tiers, tiers, survey, adjust };

// A switch over rule names must handle every name to reach its `never` check.
function describeRule(name: RuleName): string {
  switch (name) {
    case 'points':
    case 'yesno':
    case 'ratio':
    case 'tiers':
    case 'survey':
      return name;
    default: {
      // @ts-expect-error — 'adjust' is not handled, so `name` is not `never` here
      const _exhaustive: never = name;
      return _exhaustive;
    }
  }
}

// The same for the kernel's integer forms, and for a code table keyed by them or by rule names.
function opName(f: KernelForm): string {
  switch (f.op) {
    case 'linear':
    case 'nonzero':
    case 'capped':
      return f.op;
    default: {
      // @ts-expect-error — 'steps' is not handled
      const _exhaustive: never = f;
      return String(_exhaustive);
    }
  }
}
// @ts-expect-error — a code table without 'steps'
const opCodes = { linear: 0, nonzero: 1, capped: 2 } as const satisfies Record<KernelForm['op'], number>;
// @ts-expect-error — a rule-code table without 'survey'
const ruleCodes = { points: 0, yesno: 1, ratio: 2, tiers: 3, adjust: 5 } as const satisfies Record<RuleName, number>;
// @ts-expect-error — a total-slot table without 'adjust'
const totals = { appraisal: 0, survey: 1 } as const satisfies Record<RuleScoring['total'], number>;

// The public `Rule` union and the registry's names are the same set (framework.ts checks both ways).
const sameNames: [Rule] extends [RuleName] ? ([RuleName] extends [Rule] ? true : false) : false = true;
// @ts-expect-error — a name outside the registry is not a rule
const notARule: RuleName = 'seventh';

describe('the rule registry', () => {
  it('holds one object per name, in the documented order', () => {
    expect(Object.keys(RULES)).toEqual(['points', 'yesno', 'ratio', 'tiers', 'survey', 'adjust']);
    expect(RULE_NAMES).toEqual(Object.keys(RULES));
    expect(Object.isFrozen(RULES)).toBe(true);
    for (const [name, rule] of Object.entries(RULES)) expect(rule.name).toBe(name);
  });
  it('defaults a blank rule to points, or survey under method survey', () => {
    expect(DEFAULT_RULE).toEqual({ appraisal: 'points', survey: 'survey' });
    expect(RULES[DEFAULT_RULE.survey].scoring.source).toBe('survey');
  });
  it('ruleOf refuses a parent (no rule)', () => {
    expect(ruleOf({ rule: 'ratio' })).toBe(ratio);
    expect(() => ruleOf({ code: '1' })).toThrow(/criterion 1 has no rule/);
  });
  it('the compile-time checks above are in this file (so tsc runs them)', () => {
    expect([missingRule, swappedRule, opCodes, ruleCodes, totals, sameNames, notARule].length).toBe(7);
    expect(describeRule('points')).toBe('points');
    expect(opName({ op: 'linear', factor: 1n })).toBe('linear');
  });
});
