/**
 * Hand-worked cases for every rule, NA, missing and unappraised rows, self vs appraised, ties,
 * rounding, bands, clamp and decimal commas. Every expected figure is worked out in the comments.
 */
import fc from 'fast-check';
import { safe } from '../src/errors.js';
import { describe, expect, it, vi } from 'vitest';
import { readDecimal } from '../src/numbers/decimal-text.js';
import { Exact } from '../src/numbers/exact.js';
import { parseBands } from '../src/criteria/bands.js';
import { InputMatrix } from '../src/criteria/inputs.js';
import { readCell } from '../src/criteria/rules.js';
import { scoreWithDecimal } from '../src/testing/decimal-reference.js';
import { catchError, csv, round, scoreCsv, unitOf } from './support/round.js';

const FW = csv(
  'code,title,max,method,rule,params,groups',
  '1,Area one,,,,,',
  '1.1,points,2,,points,,',
  '1.2,yesno,1.5,,yesno,,',
  '1.3,ratio,3,,ratio,target=30,',
  '1.4,tiers,2,,tiers,>90:2 | >=70:1 | else:0,',
  '1.5,bonus or penalty,,,adjust,min=-2 max=1,',
  '2,Survey,,survey,,,',
  '2.1,survey,4,,,,',
);
const UNITS = csv('unit,name,group,rankGroup', 'a,Unit A,so,', 'b,Unit B,so,');
const EVIDENCE = csv('unit,criterion,self,appraised,evidence,note', 'a,1.1,2,1.5,BC 1,reduced', 'a,1.2,yes,không,,', 'a,1.3,40,10,,', 'a,1.4,,90,,', 'a,1.5,,-0.5,,penalty', 'b,1.1,NA,na,,', 'b,1.3,30,,,', 'b,1.4,NA,95,,');
const SURVEY = csv('unit,criterion,score', 'a,2.1,87.5', 'b,2.1,NA');

describe('rules, NA, missing, self vs appraised', () => {
  const r = scoreCsv(FW, UNITS, EVIDENCE, SURVEY);
  it('unit a: every rule', () => {
    const a = unitOf(r, 'a');
    // points 1.5 (appraised) + yesno không 0 + ratio 3×10/30 = 1 + tiers 90 (not >90, ≥70) = 1
    expect(a.appraisalPoints.toString()).toBe('3.5');
    // survey 4 × 87.5/100 = 3.5
    expect(a.surveyPoints.toString()).toBe('3.5');
    expect(a.adjustPoints.toString()).toBe('-0.5');
    expect(a.points.toString()).toBe('6.5');
    // max 2 + 1.5 + 3 + 2 + 4 = 12.5 (adjust never counts); index 6.5/12.5 = 52%
    expect(a.max.toString()).toBe('12.5');
    expect(a.index!.toString()).toBe('52');
    // self: 2 + 1.5 (yes) + 3 (40 capped at target 30) + 0 (blank self) + 0 (blank) + 3.5 = 10 of 12.5
    expect(a.selfIndex!.toString()).toBe('80');
    expect([a.missing, a.unappraised, a.na]).toEqual([0, 0, 0]);
    expect(a.areas.get('1')!.points.toString()).toBe('3');
    expect(a.areas.get('1')!.max.toString()).toBe('8.5');
    expect(a.areas.get('2')!.points.toString()).toBe('3.5');
  });
  it('unit b: NA shrinks the denominator per side, missing scores 0, blank appraisal lets self stand', () => {
    const b = unitOf(r, 'b');
    // final: 1.1 NA, 1.2 missing (0 of 1.5), 1.3 self 30 stands → 3, 1.4 appraised 95 → 2, 2.1 NA
    expect(b.points.toString()).toBe('5');
    expect(b.max.toString()).toBe('6.5');
    // 500/6.5 = 76.923076…
    expect(b.index!.toString()).toBe('1000/13');
    expect(b.index!.toFixed(2)).toBe('76.92');
    // self: 1.2 missing 0/1.5, 1.3 → 3/3, 1.4 self NA leaves the self max: 3/4.5 = 66.67
    expect(b.selfIndex!.toFixed(2)).toBe('66.67');
    expect([b.missing, b.unappraised, b.na]).toEqual([1, 1, 2]);
  });
  it('ranks b (76.92) above a (52)', () => {
    expect(r.units.map((u) => [u.unit, u.rank])).toEqual([
      ['b', 1],
      ['a', 2],
    ]);
  });
  it('--strict turns missing inputs into an error naming unit and criterion', () => {
    const e = catchError(() => scoreCsv(FW, UNITS, EVIDENCE, SURVEY, { strict: true }));
    expect(e.code).toBe('missing-input');
    expect(e.issues.map((i) => i.message).join('\n')).toMatch(/unit "b", criterion "1.2"/);
  });
  it('a missing survey row is 0 and missing; a missing adjust row is 0 and not missing', () => {
    const r2 = scoreCsv(FW, UNITS, csv('unit,criterion,self,appraised,evidence,note', 'a,1.1,2,2,,'), undefined);
    const a = unitOf(r2, 'a');
    // only 1.1 given: 2 of 12.5 → 16%; missing: 1.2, 1.3, 1.4, 2.1 = 4 (1.5 adjust not counted)
    expect(a.index!.toString()).toBe('16');
    expect(a.missing).toBe(4);
  });
});

describe('tiers boundaries', () => {
  const fw = csv('code,title,max,method,rule,params,groups', '1,A,,,,,', '1.1,t,2,,tiers,>90:2 | >=70:1 | >=70:0.5 | else:0,');
  it('rejects equal inclusive thresholds twice', () => {
    expect(catchError(() => scoreCsv(fw, UNITS, undefined)).code).toBe('bad-params');
  });
  const fw2 = csv('code,title,max,method,rule,params,groups', '1,A,,,,,', '1.1,t,2,,tiers,>90:2 | >=90:1.5 | >=70:1,');
  const cases: [string, string][] = [
    ['90.0001', '2'],
    ['90', '1.5'],
    ['89.99', '1'],
    ['70', '1'],
    ['69.999', '0'],
  ];
  for (const [v, pts] of cases) {
    it(`${v} earns ${pts} (strict > before inclusive >= at the same threshold; no tier met = 0)`, () => {
      const r = scoreCsv(fw2, UNITS, csv('unit,criterion,self,appraised,evidence,note', `a,1.1,${v},,,`));
      expect(unitOf(r, 'a').points.toString()).toBe(pts);
    });
  }
});

describe('allowed values and ratio default target', () => {
  const fw = csv('code,title,max,method,rule,params,groups', '1,A,,,,,', '1.1,p,1,,points,allowed=0;0.5;1,', '1.2,r,2,,ratio,,');
  it('accepts an allowed value and caps ratio at target 100', () => {
    const r = scoreCsv(fw, UNITS, csv('unit,criterion,self,appraised,evidence,note', 'a,1.1,1,0.5,,', 'a,1.2,150,99.5,,'));
    // 0.5 + 2 × 99.5/100 = 2.49 of 3 → 83%
    expect(unitOf(r, 'a').points.toString()).toBe('2.49');
    expect(unitOf(r, 'a').index!.toString()).toBe('83');
    // self: 1 + 2 (150 capped) = 3 of 3
    expect(unitOf(r, 'a').selfIndex!.toString()).toBe('100');
  });
  it('rejects a value outside the allowed list', () => {
    const e = catchError(() => scoreCsv(fw, UNITS, csv('unit,criterion,self,appraised,evidence,note', 'a,1.1,0.75,,,')));
    expect(e.code).toBe('bad-input');
    expect(e.issues[0]).toMatchObject({ file: 'evidence.csv', row: 2, column: 'self', columnLetter: 'C', value: '0.75' });
    expect(e.issues[0].expected).toMatch(/one of 0, 0.5, 1/);
  });
});

function league(values: string[], opts: Parameters<typeof scoreCsv>[4] = {}) {
  const fw = csv('code,title,max,method,rule,params,groups', '1,A,,,,,', '1.1,p,3,,points,,', '1.2,adj,,,adjust,,');
  const units = csv('unit,name,group,rankGroup', ...values.map((_, i) => `u${i},U${i},g,L`));
  const ev = csv('unit,criterion,self,appraised,evidence,note', ...values.map((v, i) => `u${i},1.1,${v},,,`));
  return scoreCsv(fw, units, ev, undefined, opts);
}

describe('ties', () => {
  const values = ['3', '2', '2', '1'];
  it('competition: 1, 2, 2, 4 (default, Excel RANK.EQ)', () => {
    expect(league(values).units.map((u) => u.rank)).toEqual([1, 2, 2, 4]);
  });
  it('dense: 1, 2, 2, 3', () => {
    expect(league(values, { ties: 'dense' }).units.map((u) => u.rank)).toEqual([1, 2, 2, 3]);
  });
  it('ordinal: 1, 2, 3, 4 with equal values ordered by unit id', () => {
    const r = league(['2', '3', '2', '1'], { ties: 'ordinal' });
    expect(r.units.map((u) => [u.unit, u.rank])).toEqual([
      ['u1', 1],
      ['u0', 2],
      ['u2', 3],
      ['u3', 4],
    ]);
  });
  it('a tie at 2 decimals that is not a tie exactly: ranked apart on exact values, together with rankOn rounded', () => {
    // 100 × 1/3 = 33.333… and 100 × 0.9999/3 = 33.33 both print 33.33
    const exact = league(['1', '0.9999']);
    expect(exact.units.map((u) => u.index!.toFixed(2))).toEqual(['33.33', '33.33']);
    expect(exact.units.map((u) => [u.unit, u.rank])).toEqual([
      ['u0', 1],
      ['u1', 2],
    ]);
    const rounded = league(['1', '0.9999'], { rankOn: 'rounded' });
    expect(rounded.units.map((u) => u.rank)).toEqual([1, 1]);
  });
});

describe('rounding once at output', () => {
  const fw = csv('code,title,max,method,rule,params,groups', '1,A,,,,,', '1.1,p,100,,points,,');
  const one = (v: string, opts = {}) => unitOf(scoreCsv(fw, UNITS, csv('unit,criterion,self,appraised,evidence,note', `a,1.1,${v},,,`), undefined, opts), 'a');
  it('half-up at the boundary: 12.345 → 12.35, half-even → 12.34; 12.355 half-even → 12.36', () => {
    expect(one('12.345').index!.toFixed(2, 'half-up')).toBe('12.35');
    expect(one('12.345').index!.toFixed(2, 'half-even')).toBe('12.34');
    expect(one('12.355').index!.toFixed(2, 'half-even')).toBe('12.36');
    expect(one('12.3449999').index!.toFixed(2, 'half-up')).toBe('12.34');
  });
  it('any number of decimals', () => {
    expect(one('12.345').index!.toFixed(0)).toBe('12');
    expect(one('12.345').index!.toFixed(5)).toBe('12.34500');
  });
  it('totals come from unrounded parts', () => {
    // two thirds-valued leaves: 1/3 + 1/3 printed 0.33 + 0.33 but the total prints 0.67
    const fw3 = csv('code,title,max,method,rule,params,groups', '1,A,,,,,', '1.1,r,1,,ratio,target=3,', '2,B,,,,,', '2.1,r,1,,ratio,target=3,');
    const u = unitOf(scoreCsv(fw3, UNITS, csv('unit,criterion,self,appraised,evidence,note', 'a,1.1,1,,,', 'a,2.1,1,,,')), 'a');
    expect(u.areas.get('1')!.points.toFixed(2)).toBe('0.33');
    expect(u.areas.get('2')!.points.toFixed(2)).toBe('0.33');
    expect(u.points.toFixed(2)).toBe('0.67');
    expect(u.points.toString()).toBe('2/3');
  });
});

describe('bands and clamp', () => {
  it('bands: lower bounds inclusive, below all = none', () => {
    const r = league(['2.7', '2.6999', '2.4', '1'], { bands: 'A>=90; B>=80; C>=70' });
    expect(r.units.map((u) => [u.index!.toFixed(3), u.band])).toEqual([
      ['90.000', 'A'],
      ['89.997', 'B'],
      ['80.000', 'B'],
      ['33.333', null],
    ]);
  });
  it('bands: a comparison sign in the label is a located bad-bands error, not part of the label', () => {
    for (const bad of ['A=>90', 'A<=90', 'A≤90', 'A>=90; B=>80', 'A==90', '>=90']) {
      const e = catchError(() => parseBands(bad, { file: 'fw.json' }));
      expect(e.issues[0]).toMatchObject({ code: 'bad-bands', file: 'fw.json', column: 'bands', value: bad });
    }
    expect(parseBands('A >= 90; B>80; C ≥ 70').map((b) => [b.label, b.min.toString(), b.strict])).toEqual([
      ['A', '90', false],
      ['B', '80', true],
      ['C', '70', false],
    ]);
    expect(catchError(() => league(['2.7'], { bands: 'A=>90' })).issues[0]).toMatchObject({ code: 'bad-bands', column: 'bands' });
  });
  it('bands: safeParseBands returns the issues instead of throwing', () => {
    const bad = safe(() => parseBands('A=>90', { file: 'fw.json' }));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.issues[0]).toMatchObject({ code: 'bad-bands', file: 'fw.json', column: 'bands' });
    const good = safe(() => parseBands('B>=80; A>=90'));
    expect(good.ok && good.value.map((b) => b.label)).toEqual(['A', 'B']);
  });
  it('clamp keeps index within [0, 100] after adjustments', () => {
    const fw = csv('code,title,max,method,rule,params,groups', '1,A,,,,,', '1.1,p,1,,points,,', '1.2,adj,,,adjust,,');
    const ev = csv('unit,criterion,self,appraised,evidence,note', 'a,1.1,1,,,', 'a,1.2,0.5,,,', 'b,1.1,0,,,', 'b,1.2,-0.5,,,');
    const free = scoreCsv(fw, UNITS, ev);
    expect(unitOf(free, 'a').index!.toString()).toBe('150');
    expect(unitOf(free, 'b').index!.toString()).toBe('-50');
    const clamped = scoreCsv(fw, UNITS, ev, undefined, { clamp: true });
    expect(unitOf(clamped, 'a').index!.toString()).toBe('100');
    expect(unitOf(clamped, 'b').index!.toString()).toBe('0');
  });
});

describe('decimal comma', () => {
  const fw = csv('code,title,max,method,rule,params,groups', '1,A,,,,,', '1.1,p,2,,points,,');
  const ev = 'unit;criterion;self;appraised;evidence;note\na;1.1;1,5;1,25;;\n';
  it('is accepted with decimalComma (and a ; delimited file)', () => {
    const r = scoreCsv(fw, UNITS, ev, undefined, { decimalComma: true });
    expect(unitOf(r, 'a').points.toString()).toBe('1.25');
    expect(unitOf(r, 'a').selfIndex!.toString()).toBe('75');
  });
  it('is an error without it, naming the cell', () => {
    const e = catchError(() => scoreCsv(fw, UNITS, ev));
    expect(e.issues[0]).toMatchObject({ file: 'evidence.csv', row: 2, column: 'self', columnLetter: 'C', value: '1,5', code: 'bad-input' });
    expect(e.issues[0].expected).toMatch(/--decimal-comma/);
  });
  it('exponents, NaN, thousands separators, .5 and 5. are errors', () => {
    for (const bad of ['1e0', 'NaN', 'Infinity', '1,000.5', '.5', '5.', '1 000']) {
      const e = catchError(() => scoreCsv(fw, UNITS, csv('unit,criterion,self,appraised,evidence,note', `a,1.1,"${bad}",,,`)));
      expect(e.code, bad).toBe('bad-input');
    }
  });
});

describe('Exact', () => {
  it('never goes through floats: 0.1 + 0.2 = 0.3', () => {
    expect(Exact.fromScaled(1n, 1).add(Exact.fromScaled(2n, 1)).toString()).toBe('0.3');
  });
  it('rounds negative halves away from zero', () => {
    expect(Exact.of(-12345n, 1000n).toFixed(2)).toBe('-12.35');
    expect(Exact.of(-12345n, 1000n).toFixed(2, 'half-even')).toBe('-12.34');
  });
});

describe('values beyond the fast path', () => {
  it('falls back to bigint arithmetic and stays exact', () => {
    const fw = csv('code,title,max,method,rule,params,groups', '1,A,,,,,', '1.1,p,99999999999999999999,,points,,', '1.2,r,1,,ratio,target=7,');
    const r = scoreCsv(fw, UNITS, csv('unit,criterion,self,appraised,evidence,note', 'a,1.1,12345678901234567890.5,,,', 'a,1.2,1,,,'));
    expect(r.path).toBe('exact');
    // 12345678901234567890.5 + 1/7 = (24691357802469135781 × 7 + 2) / 14; index = that / 10^20 × 100
    const a = unitOf(r, 'a');
    expect(a.points.toString()).toBe('172839504617283950469/14');
    expect(a.index!.toFixed(10)).toBe('12.3456789012');
  });
});

describe('score: order of checks and cost of rankOn rounded', () => {
  it('--strict reports missing inputs before any totals are built (even on a path that cannot run)', () => {
    // The huge value leaves the fast path; forcing it would throw a RangeError — the missing input wins.
    const fw = csv('code,title,max,method,rule,params,groups', '1,A,,,,,', '1.1,p,99999999999999999999,,points,,', '1.2,q,1,,points,,');
    const e = catchError(() => scoreCsv(fw, UNITS, csv('unit,criterion,self,appraised,evidence,note', 'a,1.1,12345678901234567890.5,,,'), undefined, { strict: true, path: 'fast' }));
    expect(e.issues.map((i) => i.code)).toEqual(['missing-input', 'missing-input', 'missing-input']);
  });

  it('rankOn rounded rounds each index once, not at every comparison of the sort', () => {
    const values = Array.from({ length: 200 }, (_, i) => `${(i * 7919) % 3}.${String((i * 104729) % 10000).padStart(4, '0')}`);
    const spy = vi.spyOn(Exact.prototype, 'roundToScaled');
    try {
      const r = league(values, { rankOn: 'rounded', decimals: 1 });
      expect(spy.mock.calls.length).toBe(200);
      // Ranks still follow the printed values.
      const printed = r.units.map((u) => u.index!.toFixed(1));
      for (let i = 1; i < r.units.length; i++) {
        const tie = printed[i] === printed[i - 1];
        expect(tie ? r.units[i].rank === r.units[i - 1].rank : r.units[i].rank! > r.units[i - 1].rank!).toBe(true);
        expect(Number(printed[i])).toBeLessThanOrEqual(Number(printed[i - 1]));
      }
    } finally {
      spy.mockRestore();
    }
  });
});

describe('reading number text in one pass', () => {
  const POINT = /^[+-]?\d+(?:\.\d+)?$/;
  const COMMA = /^[+-]?\d+(?:,\d+)?$/;
  const reference = (t: string, comma: boolean) => {
    if (!(comma ? COMMA : POINT).test(t)) return undefined;
    const [int, frac = ''] = t.split(/[.,]/);
    const neg = int.startsWith('-');
    const units = BigInt(int.replace(/^[+-]/, '') + frac);
    return { units: neg ? -units : units, scale: frac.length };
  };

  it('readDecimal accepts exactly [+-]digits[.digits] (with decimalComma [+-]digits[,digits] instead), with the same value', () => {
    const text = fc.stringMatching(/^[+-]?[0-9]{0,20}[.,]?[0-9]{0,20}$/).chain((s) => fc.constantFrom(s, s + 'e1', ' ' + s, s + '.', '.' + s, s.replace(/[0-9]/, 'x')));
    fc.assert(
      fc.property(text, fc.boolean(), (t, comma) => {
        const want = reference(t, comma);
        const got = readDecimal(t, { decimalComma: comma });
        expect(got === undefined).toBe(want === undefined);
        if (got && want) {
          expect([BigInt(got.units), got.scale]).toEqual([want.units, want.scale]);
          expect(typeof got.units).toBe(t.replace(/[^0-9]/g, '').length <= 15 ? 'number' : 'bigint');
        }
      }),
      { numRuns: 3000, seed: 12 },
    );
    for (const bad of ['', '+', '-', '.', '1.', '.5', '1.2.3', '1,5', '1e5', 'NaN', 'Infinity', '0x2', '1 000', '١']) expect(readDecimal(bad), bad).toBeUndefined();
    expect(readDecimal('1,5', { decimalComma: true })).toEqual({ units: 15, scale: 1 });
    expect(readDecimal('1.5', { decimalComma: true })).toBeUndefined();
    expect(readDecimal('-0.05')).toEqual({ units: -5, scale: 2 });
    expect(readDecimal('1234567890123456.5')).toEqual({ units: 12345678901234565n, scale: 1 });
  });

  it('setScaled stores units / 10^scale exactly: in the typed arrays below 10^15 with scale ≤ 14, else in the overflow map', () => {
    const fw = csv('code,title,max,method,rule,params,groups', '1,A,,,,,', '1.1,p,1,,points,,');
    const r = round(fw, csv('unit,name,group', 'a,A,g'));
    const cases: [bigint, number, boolean][] = [
      [0n, 0, true],
      [-5n, 2, true],
      [125n, 1, true],
      [999_999_999_999_999n, 0, true],
      [1_000_000_000_000_000n, 0, false],
      [1n, 14, true],
      [1n, 15, false],
      [-12_345_678_901_234_567_890_125n, 2, false],
    ];
    for (const [units, scale, typed] of cases) {
      const m = new InputMatrix(r.fw, r.units);
      m.setScaled(0, 1, units, scale);
      // Independent of the parser: units / 10^scale written as a fraction.
      expect(m.exact(0, 1).eq(Exact.of(units, 10n ** BigInt(scale))), `${units}e-${scale}`).toBe(true);
      expect(m.overflow.size, `${units}e-${scale}`).toBe(typed ? 0 : 1);
      if (typed) {
        const n = new InputMatrix(r.fw, r.units);
        n.setScaled(0, 1, Number(units), scale);
        expect(n.exact(0, 1).eq(m.exact(0, 1))).toBe(true);
      }
    }
    // A second value on the same side replaces the first, wherever the first was kept.
    const m = new InputMatrix(r.fw, r.units);
    m.setScaled(0, 1, 10n ** 20n, 0);
    m.setScaled(0, 1, 5, 0);
    expect([m.exact(0, 1).toString(), m.overflow.size]).toEqual(['5', 0]);
    expect(() => m.setScaled(0, 1, 1.5, 0)).toThrow(RangeError);
    expect(() => m.setScaled(0, 1, 1, -1)).toThrow(RangeError);
  });

  it('the decimal.js reference scores a blank survey score as 0 of its max (a library caller can pass one)', () => {
    const fw = csv('code,title,max,method,rule,params,groups', '1,A,,,,,', '1.1,p,2,,points,,', '2,S,,survey,,,', '2.1,s,4,,,,');
    const r = round(fw, csv('unit,name,group', 'a,A,g'));
    const ref = scoreWithDecimal(r.fw, r.units, [{ unit: 'a', criterion: '1.1', self: '2', appraised: '' }], [{ unit: 'a', criterion: '2.1', score: ' ' }]);
    expect(ref.get('a')!.index!.toFixed(4)).toBe('33.3333'); // 100 × 2 / (2 + 4)
  });

  it('readCell gives the scaled decimal of its one parse', () => {
    const fw = csv('code,title,max,method,rule,params,groups', '1,A,,,,,', '1.1,p,10,,points,,', '1.2,y,1,,yesno,,');
    const r = round(fw, csv('unit,name,group', 'a,A,g'));
    expect(readCell(r.fw.byCode.get('1.1')!, ' 7,25 ', { decimalComma: true })).toMatchObject({ kind: 'value', text: '7.25', units: 725, scale: 2 });
    expect(readCell(r.fw.byCode.get('1.2')!, 'có')).toMatchObject({ kind: 'value', text: '1', units: 1, scale: 0 });
  });
});
