/**
 * Each leaf rule object on its own (src/criteria/rules/*.ts), with hand-computed figures: params,
 * reading a cell, exact points, the bound, the kernel's denominator and integer form, and the
 * template's hint and validation. Then, for every rule, the integer form evaluated exactly equals
 * the exact points times the denominator on a grid of inputs.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectsText } from '../src/i18n/en/criteria.js';
import { parseExact } from '../src/numbers/decimal-text.js';
import { Exact, pow10 } from '../src/numbers/exact.js';
import type { LeafParams } from '../src/criteria/params.js';
import { type CellInput, type CellProblem, type KernelForm, type LeafRule, RULE_NAMES, RULES, type RuleLeaf, unreachable } from '../src/criteria/rules/index.js';

const x = (t: string) => parseExact(t)!;
const leaf = (max: string, paramsText = '', params: LeafParams = {}): RuleLeaf => ({ max: x(max), givenMax: x(max), params, paramsText });
/** A leaf with its params read by the rule, as the framework builder does. */
const parsed = (rule: LeafRule, max: string, paramsText = ''): RuleLeaf => {
  const r = rule.parseParams(paramsText, { max: x(max), givenMax: x(max) });
  expect(r.problems).toEqual([]);
  return leaf(max, paramsText, r.params);
};
const value = (r: CellInput | CellProblem) => {
  if ('problem' in r || r.kind !== 'value') throw new Error(`not a value: ${JSON.stringify(r)}`);
  return r;
};
const problem = (r: CellInput | CellProblem) => ('problem' in r ? r.problem : undefined);

/** The kernel's integer form evaluated exactly (bigints) for the input x (an integer at scale S). */
function evalForm(f: KernelForm, xs: bigint): bigint {
  switch (f.op) {
    case 'linear':
      return xs * f.factor;
    case 'nonzero':
      return xs !== 0n ? f.points : 0n;
    case 'capped': {
      const p = xs * f.mul;
      return (p < f.cap ? p : f.cap) * f.factor;
    }
    case 'steps': {
      const v = xs * f.mul;
      for (const s of f.steps) if (v > s.threshold || (v === s.threshold && !s.strict)) return s.points;
      return f.otherwise;
    }
    default:
      return unreachable(f, 'kernel op');
  }
}

/** The smallest D the rule's denominator asks for, for inputs at scale S. */
function minimalD(rule: LeafRule, l: RuleLeaf, S: number): bigint {
  const d = rule.denominator(l, S);
  return pow10(d.scale) * d.factor;
}

describe('points', () => {
  const r = RULES.points;
  it('reads numbers from 0 to max; allowed values restrict them', () => {
    const l = parsed(r, '2');
    expect(value(r.read(l, '1.5', {})).value.toString()).toBe('1.5');
    expect(value(r.read(l, '1,5', { decimalComma: true }))).toMatchObject({ text: '1.5', units: 15, scale: 1 });
    expect(r.read(l, 'na', {})).toEqual({ kind: 'na' });
    expect(problem(r.read(l, '2.5', {}))).toBe('points outside 0..2');
    expect(problem(r.read(l, '-0', {}))).toBeUndefined();
    expect(r.read(l, 'abc', {})).toMatchObject({ problem: 'not a number', expected: 'a number from 0 to 2 (or NA); numbers as 12 or 12.5 (use --decimal-comma for 12,5)' });
    const a = parsed(r, '1', 'allowed=0;0.5;1');
    expect(a.params.allowed!.map(String)).toEqual(['0', '0.5', '1']);
    expect(expectsText(r.expects(a))).toBe('one of 0, 0.5, 1 (or NA)');
    expect(problem(r.read(a, '0.25', {}))).toBe('points not among the allowed values');
  });
  it('checks its params: the allowed key only, values within 0..max', () => {
    expect(r.parseParams('allowed=0;2', { max: x('1') }).problems).toMatchObject([{ message: 'allowed value 2 is outside 0..max', expected: 'allowed values from 0 to 1' }]);
    expect(r.parseParams('target=3', { max: x('1') }).problems).toMatchObject([{ message: 'unknown param "target" for rule "points"', expected: 'one of allowed' }]);
  });
  it('earns the input itself; in the kernel x × D / 10^S', () => {
    const l = parsed(r, '2');
    expect(r.points(l, x('1.25')).toString()).toBe('1.25');
    expect(r.bound(l, 999).toString()).toBe('2');
    expect(r.denominator(l, 2)).toEqual({ scale: 2, factor: 1n });
    // D = 1000, S = 2: 1.25 read as 125 → 125 × 10 = 1250 = 1.25 × 1000
    expect(r.kernel(l, 1000n, 2)).toEqual({ op: 'linear', factor: 10n });
  });
  it('template: hint, a range or a list', () => {
    const l = parsed(r, '1.5');
    expect(r.template.hint(l)).toBe('Số điểm từ 0 đến 1.5, hoặc NA');
    const v = r.template.validation(l);
    expect(v.kind === 'formula' && v.formula('I2')).toBe('OR(UPPER(TRIM(I2))="NA",AND(ISNUMBER(I2),I2>=0,I2<=1.5))');
    const a = parsed(r, '1', 'allowed=0;0.5;1');
    expect(r.template.hint(a)).toBe('Một trong các giá trị 0; 0.5; 1, hoặc NA');
    const list = r.template.validation(a);
    expect(list.kind === 'list' && list.values.map(String)).toEqual(['0', '0.5', '1', 'NA']);
  });
});

describe('yesno', () => {
  const r = RULES.yesno;
  const l = parsed(r, '1.5');
  it('reads yes/no words as 1/0', () => {
    for (const t of ['1', 'Có', 'co', 'ĐẠT', 'x', 'yes', 'TRUE', 'y']) expect(value(r.read(l, t, {})).text, t).toBe('1');
    for (const t of ['0', 'KHÔNG', 'khong', 'không   đạt', 'khong dat', 'no', 'false', 'n']) expect(value(r.read(l, t, {})).text, t).toBe('0');
    expect(r.read(l, 'NA', {})).toEqual({ kind: 'na' });
    expect(r.read(l, 'maybe', {})).toMatchObject({ problem: 'not a yes/no answer', expected: '1/0, yes/no, có/không, đạt/không đạt or x (or NA)' });
  });
  it('takes no params', () => {
    expect(r.parseParams('x=1', { max: x('1') }).problems).toMatchObject([{ message: 'rule "yesno" takes no params', expected: 'an empty params cell' }]);
  });
  it('earns max or 0; in the kernel max × D when x ≠ 0', () => {
    expect(r.points(l, Exact.ONE).toString()).toBe('1.5');
    expect(r.points(l, Exact.ZERO).toString()).toBe('0');
    expect(r.denominator(l, 3)).toEqual({ scale: 1, factor: 1n });
    expect(r.kernel(l, 100n, 3)).toEqual({ op: 'nonzero', points: 150n });
  });
  it('template: a có/không/NA list; the results workbook shows có/không', () => {
    expect(r.template.hint(l)).toBe('có/không (hoặc 1/0, đạt/không đạt), hoặc NA; có = 1.5 điểm');
    expect(r.template.validation(l)).toEqual({ kind: 'list', values: ['có', 'không', 'NA'] });
    expect(r.inputLabel!(Exact.ONE)).toBe('có');
    expect(r.inputLabel!(Exact.ZERO)).toBe('không');
  });
});

describe('ratio', () => {
  const r = RULES.ratio;
  it('reads a percentage ≥ 0; the target must be > 0', () => {
    const l = parsed(r, '3', 'target=30');
    expect(l.params.target!.toString()).toBe('30');
    expect(value(r.read(l, '120', {})).value.toString()).toBe('120');
    expect(problem(r.read(l, '-1', {}))).toBe('a negative percentage');
    expect(r.parseParams('target=0', { max: x('1') })).toMatchObject({ params: {}, problems: [{ message: 'ratio target must be > 0', expected: 'target > 0, e.g. target=100' }] });
    expect(r.parseParams('target=1 target=2', { max: x('1') }).problems[0].message).toBe('param "target" is given twice');
  });
  it('earns max × min(p, target) / target (target 100 by default)', () => {
    const l = parsed(r, '3', 'target=30');
    expect(r.points(l, x('10')).toString()).toBe('1'); // 3 × 10/30
    expect(r.points(l, x('40')).toString()).toBe('3'); // capped at the target
    expect(r.points(parsed(r, '2'), x('85')).toString()).toBe('1.7'); // 2 × 85/100
    expect(r.points(parsed(r, '1'), x('1')).toString()).toBe('0.01');
    expect(r.points(parsed(r, '2', 'target=7'), x('3')).toString()).toBe('6/7');
  });
  it('kernel: min(x × 10^st, T × 10^S) × max·D/(10^S·T)', () => {
    // max 3, target 30, S = 2: D = 10^(0+2+0) × 30 = 3000; mul 1, cap 3000, factor 3·3000/(100·30) = 3
    const l = parsed(r, '3', 'target=30');
    expect(r.denominator(l, 2)).toEqual({ scale: 2, factor: 30n });
    expect(r.kernel(l, 3000n, 2)).toEqual({ op: 'capped', mul: 1n, cap: 3000n, factor: 3n });
    // 10.00 → 1000: min(1000, 3000) × 3 = 3000 = 1 point × D
    expect(evalForm(r.kernel(l, 3000n, 2), 1000n)).toBe(3000n);
    // target 12.5 = 25/2, st = 1: D = 10^(0+2+1) × 25 = 25000; T = 125, mul 10, cap 12500, factor 3·25000/(100·125) = 6
    const d = parsed(r, '3', 'target=12.5');
    expect(r.denominator(d, 2)).toEqual({ scale: 3, factor: 25n });
    expect(r.kernel(d, 25000n, 2)).toEqual({ op: 'capped', mul: 10n, cap: 12500n, factor: 6n });
    // 5.00 → 500: 5000 × 6 = 30000 = 1.2 × 25000 (3 × 5/12.5 = 1.2)
    expect(evalForm(r.kernel(d, 25000n, 2), 500n)).toBe(30000n);
  });
  it('template: ≥ 0 or NA, the input shown as typed', () => {
    const l = parsed(r, '2', 'target=95');
    expect(r.template.hint(l)).toBe('Tỷ lệ % (≥ 0; gõ 85 cho 85%), hoặc NA; đạt 95% trở lên = 2 điểm');
    const v = r.template.validation(l);
    expect(v.kind === 'formula' && v.formula('J5')).toBe('OR(UPPER(TRIM(J5))="NA",AND(ISNUMBER(J5),J5>=0))');
    expect(r.template.numFmt).toBe('0.0###');
  });
});

describe('tiers', () => {
  const r = RULES.tiers;
  it('reads its tiers; rejects bad order, else not last, points above max', () => {
    const l = parsed(r, '2', '>90:2 | >=70:1 | else:0');
    expect(l.params.tiers!.map((t) => [t.op, t.threshold?.toString(), t.points.toString()])).toEqual([
      ['>', '90', '2'],
      ['>=', '70', '1'],
      ['else', undefined, '0'],
    ]);
    const bad = (text: string) => r.parseParams(text, { max: x('2'), givenMax: x('2') }).problems[0]?.message;
    expect(bad('>=70:1 | >90:2')).toBe('tiers are not in descending order at ">90:2"');
    expect(bad('else:0 | >1:1')).toBe('else must be the last tier');
    expect(bad('>1:3')).toBe('tier ">1:3" gives points outside 0..max');
    expect(bad('')).toBe('tiers rule needs tiers');
    expect(bad('>=50:1 | >50:2')).toBe('tiers are not in descending order at ">50:2"');
    expect(bad('>50:2 | >=50:1')).toBeUndefined();
  });
  it('earns the points of the first tier met, else 0', () => {
    const l = parsed(r, '2', '>90:2 | >=70:1 | else:0');
    expect(r.points(l, x('90')).toString()).toBe('1'); // not > 90, ≥ 70
    expect(r.points(l, x('90.01')).toString()).toBe('2');
    expect(r.points(l, x('69.99')).toString()).toBe('0');
    const noElse = parsed(r, '2', '>=50.5:2 | >50:1.5 | >=20:0.25');
    expect(r.points(noElse, x('50.5')).toString()).toBe('2');
    expect(r.points(noElse, x('50.1')).toString()).toBe('1.5');
    expect(r.points(noElse, x('50')).toString()).toBe('0.25');
    expect(r.points(noElse, x('19')).toString()).toBe('0');
    expect(r.points(parsed(r, '1', '>-5:1'), x('-4')).toString()).toBe('1');
  });
  it('kernel: thresholds at the tier scale, points over D', () => {
    const l = parsed(r, '2', '>=50.5:2 | >50:1.5 | >=20:0.25');
    // points in quarters: D = 100 (scale 2); inputs at S = 0 compared at ts = 1 (mul 10)
    expect(r.denominator(l, 0)).toEqual({ scale: 2, factor: 1n });
    expect(r.kernel(l, 100n, 0)).toEqual({
      op: 'steps',
      mul: 10n,
      steps: [
        { strict: false, threshold: 505n, points: 200n },
        { strict: true, threshold: 500n, points: 150n },
        { strict: false, threshold: 200n, points: 25n },
      ],
      otherwise: 0n,
    });
  });
  it('template: any number or NA', () => {
    const l = parsed(r, '2', '>90:2 | >=70:1 | else:0');
    expect(r.template.hint(l)).toBe('Giá trị số, hoặc NA; điểm theo bậc: trên 90: 2 điểm; từ 70 trở lên: 1 điểm; còn lại: 0 điểm');
    const v = r.template.validation(l);
    expect(v.kind === 'formula' && v.formula('I9')).toBe('OR(UPPER(TRIM(I9))="NA",ISNUMBER(I9))');
  });
});

describe('survey', () => {
  const r = RULES.survey;
  const l = parsed(r, '4');
  it('reads a score from 0 to 100, on the appraised side only', () => {
    expect(value(r.read(l, '87.5', {})).value.toString()).toBe('87.5');
    expect(problem(r.read(l, '100.01', {}))).toBe('survey score outside 0..100');
    expect(r.read(l, 'NA', {})).toEqual({ kind: 'na' });
    expect(r.scoring).toEqual({ source: 'survey', total: 'survey', hasMax: true, countsMissing: true });
  });
  it('earns max × score / 100; in the kernel x × max·D/(10^S·100)', () => {
    expect(r.points(l, x('87.5')).toString()).toBe('3.5');
    expect(r.points(parsed(r, '1.5'), x('33.33')).toString()).toBe('0.49995');
    expect(r.denominator(l, 2)).toEqual({ scale: 4, factor: 1n });
    // D = 10^4: factor 4 × 10^4 / (100 × 100) = 4; 87.50 → 8750 × 4 = 35000 = 3.5 × 10^4
    expect(r.kernel(l, 10_000n, 2)).toEqual({ op: 'linear', factor: 4n });
  });
});

describe('adjust', () => {
  const r = RULES.adjust;
  const l = parsed(r, '0', 'min=-2 max=1');
  it('reads a signed number within its limits; never NA', () => {
    expect(value(r.read(l, '-0.5', {})).value.toString()).toBe('-0.5');
    expect(r.read(l, 'NA', {})).toMatchObject({ problem: 'an adjustment cannot be NA', expected: 'a signed number from -2 to 1' });
    expect(problem(r.read(l, '-2.5', {}))).toBe('adjustment outside its limits');
    expect(expectsText(r.expects(leaf('0')))).toBe('a signed number');
    expect(expectsText(r.expects(leaf('0', 'max=3', { max: x('3') })))).toBe('a signed number from −∞ to 3');
    expect(r.parseParams('min=2 max=1', { max: Exact.ZERO }).problems[0].message).toBe('adjust min is above max');
  });
  it('has no max, is not missing when absent, earns the value itself', () => {
    expect(r.scoring).toEqual({ source: 'evidence', total: 'adjust', hasMax: false, countsMissing: false });
    expect(r.points(l, x('-1.25')).toString()).toBe('-1.25');
    // The bound comes from the largest input of the round (7.5 → 8, plus one).
    expect(r.bound(l, 7.5).toString()).toBe('9');
  });
  it('template: within the limits, no NA', () => {
    expect(r.template.hint(l)).toBe('Điểm thưởng (+) hoặc trừ (−) từ -2 đến 1; để trống = 0; không dùng NA');
    const v = r.template.validation(l);
    expect(v.kind === 'formula' && v.formula('I3')).toBe('AND(ISNUMBER(I3),I3>=-2,I3<=1)');
    const open = r.template.validation(leaf('0'));
    expect(open.kind === 'formula' && open.formula('I3')).toBe('ISNUMBER(I3)');
  });
});

describe('every rule', () => {
  it('is registered under its own name, with a description', () => {
    expect(Object.keys(RULES)).toEqual([...RULE_NAMES]);
    for (const name of RULE_NAMES) {
      expect(RULES[name].name).toBe(name);
      expect(RULES[name].description.length).toBeGreaterThan(20);
      expect(RULES[name].template.label.length).toBeGreaterThan(0);
    }
  });

  // A leaf of each rule and the inputs it accepts, as decimal text (two decimals at most).
  const cases: [LeafRule, string, string, fc.Arbitrary<string>][] = [
    [RULES.points, '2.25', '', fc.integer({ min: 0, max: 225 }).map((n) => (n / 100).toFixed(2))],
    [RULES.yesno, '1.75', '', fc.constantFrom('0', '1')],
    [RULES.ratio, '2.5', 'target=12.5', fc.integer({ min: 0, max: 15_000 }).map((n) => (n / 100).toFixed(2))],
    [RULES.ratio, '3', 'target=97', fc.integer({ min: 0, max: 15_000 }).map((n) => (n / 10).toFixed(1))],
    [RULES.tiers, '2', '>=50.5:2 | >50:1.5 | >=20:0.25', fc.integer({ min: -100, max: 10_000 }).map((n) => (n / 100).toFixed(2))],
    [RULES.tiers, '2', '>90:2 | >=70:1 | else:0.75', fc.integer({ min: 0, max: 100 }).map(String)],
    [RULES.survey, '1.5', '', fc.integer({ min: 0, max: 10_000 }).map((n) => (n / 100).toFixed(2))],
    [RULES.adjust, '0', 'min=-2 max=1', fc.integer({ min: -200, max: 100 }).map((n) => (n / 100).toFixed(2))],
  ];
  it.each(cases.map((c) => [`${c[0].name} ${c[2]}`, ...c] as const))('%s: the kernel form over D equals the exact points × D', (_name, rule, max, params, inputs) => {
    const l = parsed(rule, max, params);
    fc.assert(
      fc.property(inputs, fc.integer({ min: 2, max: 3 }), fc.integer({ min: 1, max: 7 }), (text, S, k) => {
        // Any multiple of the declared denominator works: D = k × 10^(extra) × minimal.
        const D = minimalD(rule, l, S) * BigInt(k) * 10n;
        const input = value(rule.read(l, text, {}));
        const xs = (input.value.num * pow10(S)) / input.value.den; // the input as an integer at scale S
        expect(Exact.of(evalForm(rule.kernel(l, D, S), xs), D).toString()).toBe(rule.points(l, input.value).toString());
        expect(rule.points(l, input.value).cmp(rule.bound(l, 100)) <= 0).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
