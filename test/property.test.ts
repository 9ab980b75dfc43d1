/**
 * Properties on random frameworks and rounds (fast-check): the fast integer core equals the bigint
 * path, both equal a plain decimal.js implementation, the index stays within [0, 100] without
 * adjustments, and ranks do not depend on the order of the input rows.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildInputs } from '../src/criteria/evidence.js';
import { buildFramework } from '../src/criteria/framework.js';
import { buildUnits } from '../src/criteria/units.js';
import { parseCsvTable } from '../src/table/csv.js';
import { scoreResultJson } from '../src/scoring/result-json.js';
import { RefDecimal, scoreWithDecimal } from '../src/testing/decimal-reference.js';
import { scoreMatrix } from '../src/scoring/score.js';
import { Exact } from '../src/numbers/exact.js';
import { csv } from './support/round.js';
import { accumulateExact, accumulateFast, compilePlan, slotValue } from '../src/scoring/kernel.js';
import { primesFrom } from '../src/testing/framework-gen.js';

type Leaf = { rule: string; max: string; params: string; groups: string };

const decimalIn = (maxUnits: number, scale: number) => fc.integer({ min: 0, max: maxUnits }).map((n) => (n / 10 ** scale).toFixed(scale));

const leafArb: fc.Arbitrary<Leaf> = fc.oneof(
  fc.record({ rule: fc.constant('points'), max: fc.constantFrom('1', '1.5', '2', '2.25', '3', '0.125'), params: fc.constant(''), groups: fc.constantFrom('', '', 'g1') }),
  fc.record({ rule: fc.constant('yesno'), max: fc.constantFrom('1', '1.5', '0.75'), params: fc.constant(''), groups: fc.constantFrom('', 'g2') }),
  fc.record({ rule: fc.constant('ratio'), max: fc.constantFrom('1', '2', '3', '2.5'), params: fc.constantFrom('', 'target=30', 'target=95', 'target=7', 'target=12.5', 'target=99.9'), groups: fc.constantFrom('', 'g1') }),
  fc.record({ rule: fc.constant('tiers'), max: fc.constant('2'), params: fc.constantFrom('>90:2 | >=70:1 | else:0', '>=50.5:2 | >50:1.5 | >=20:0.25', '>0:1'), groups: fc.constant('') }),
  fc.record({ rule: fc.constant('survey'), max: fc.constantFrom('2', '3', '4', '8', '1.5'), params: fc.constant(''), groups: fc.constant('') }),
  fc.record({ rule: fc.constant('adjust'), max: fc.constant(''), params: fc.constantFrom('min=-2 max=1', ''), groups: fc.constant('') }),
);

/** Distinct primes of tenths as ratio targets (50.3, 50.9, 52.1, …): no two share a factor. */
const PRIME_TARGETS = primesFrom(503, 40).map((p) => `target=${Math.floor(p / 10)}.${p % 10}`);

/**
 * Random rounds. With `coprime`, most leaves are ratio leaves and every ratio leaf gets its own prime
 * target, so the targets' lcm outgrows one safe denominator and the fast path splits the leaves into
 * denominator classes.
 */
const roundArbWith = (opts: { coprime?: boolean } = {}) =>
  fc
    .record({
      areas: fc.array(fc.array(opts.coprime ? fc.oneof({ weight: 4, arbitrary: leafArb.filter((l) => l.rule === 'ratio') }, { weight: 2, arbitrary: leafArb }) : leafArb, { minLength: 1, maxLength: opts.coprime ? 9 : 5 }), {
        minLength: 1,
        maxLength: 3,
      }),
      units: fc.array(fc.record({ group: fc.constantFrom('g1', 'g2'), league: fc.constantFrom('L1', 'L2') }), { minLength: 1, maxLength: 7 }),
      seed: fc.integer(),
    })
    .chain((shape) => {
      let ratios = 0;
      const leaves = shape.areas.flatMap((a, ai) => a.map((l, li) => ({ ...l, params: opts.coprime && l.rule === 'ratio' ? PRIME_TARGETS[ratios++] : l.params, code: `${ai + 1}.${li + 1}` })));
      const valueFor = (l: Leaf) => {
        switch (l.rule) {
          case 'points':
            return fc.integer({ min: 0, max: Math.round(Number(l.max) * 1000) }).map((n) => String(n / 1000));
          case 'yesno':
            return fc.constantFrom('1', '0', 'có', 'không', 'x', 'Đạt');
          case 'ratio':
            return decimalIn(15000, 2);
          case 'tiers':
            return fc.constantFrom('0', '20', '50', '50.5', '70', '89.99', '90', '90.01', '100');
          case 'survey':
            return decimalIn(10000, 2);
          default:
            return l.params ? fc.integer({ min: -8, max: 4 }).map((n) => String(n / 4)) : fc.integer({ min: -300, max: 300 }).map((n) => String(n / 100));
        }
      };
      const cellArb = (l: Leaf) => fc.oneof({ weight: 1, arbitrary: fc.constant('') }, { weight: l.rule === 'adjust' ? 0 : 1, arbitrary: fc.constant('NA') }, { weight: 6, arbitrary: valueFor(l) });
      const rowArb = (l: Leaf) => fc.record({ present: fc.boolean(), self: cellArb(l), appraised: cellArb(l) });
      return fc.record({
        shape: fc.constant(shape),
        leaves: fc.constant(leaves),
        cells: fc.tuple(...shape.units.map(() => fc.tuple(...leaves.map((l) => rowArb(l))))),
      });
    })
    .map(({ shape, leaves, cells }) => {
      const fwCsv = csv(
        'code,title,max,method,rule,params,groups',
        ...shape.areas.map((_, ai) => `${ai + 1},Area ${ai + 1},,,,,`),
        ...leaves.map((l) => `${l.code},leaf,${l.max},${l.rule === 'survey' ? 'survey' : ''},${l.rule},"${l.params}",${l.groups}`),
      );
      const unitsCsv = csv('unit,name,group,rankGroup', ...shape.units.map((u, i) => `u${i},Unit ${i},${u.group},${u.league}`));
      const ev: string[] = [];
      const sv: string[] = [];
      shape.units.forEach((u, i) =>
        leaves.forEach((l, j) => {
          const c = cells[i][j];
          if (!c.present || (l.groups && l.groups !== u.group)) return;
          if (l.rule === 'survey') sv.push(`u${i},${l.code},${c.appraised}`);
          else ev.push(`u${i},${l.code},${c.self},${c.appraised},,`);
        }),
      );
      return { fwCsv, unitsCsv, evRows: ev, svRows: sv.filter((r) => !r.endsWith(',')) };
    });
const roundArb = roundArbWith();
const coprimeArb = roundArbWith({ coprime: true });

function build(r: { fwCsv: string; unitsCsv: string; evRows: string[]; svRows: string[] }) {
  const fw = buildFramework(parseCsvTable(r.fwCsv));
  const units = buildUnits(parseCsvTable(r.unitsCsv));
  const evidence = parseCsvTable(csv('unit,criterion,self,appraised,evidence,note', ...r.evRows));
  const survey = parseCsvTable(csv('unit,criterion,score', ...r.svRows));
  return { fw, units, evidence, survey, inputs: buildInputs(fw, units, { evidence, survey }) };
}

const RUNS = { numRuns: 150 };

describe('properties on random rounds', () => {
  it('the fast integer core equals the bigint path', () => {
    let fastRuns = 0;
    fc.assert(
      fc.property(roundArb, (r) => {
        const b = build(r);
        const fast = scoreMatrix(b.fw, b.units, b.inputs, { path: 'auto' });
        const exact = scoreMatrix(b.fw, b.units, b.inputs, { path: 'exact' });
        if (fast.path === 'fast') fastRuns++;
        expect(scoreResultJson(fast, { decimals: 12, rounding: 'half-up' })).toEqual(scoreResultJson(exact, { decimals: 12, rounding: 'half-up' }));
        fast.units.forEach((u, i) => {
          const e = exact.units[i];
          expect(u.index === null ? null : u.index.toString()).toBe(e.index === null ? null : e.index.toString());
          expect(u.selfIndex === null ? null : u.selfIndex.toString()).toBe(e.selfIndex === null ? null : e.selfIndex.toString());
        });
      }),
      RUNS,
    );
    // The random rounds fit the fast path's bounds, so the comparison really exercises it.
    expect(fastRuns).toBe(RUNS.numRuns);
  });

  it('exact scoring equals plain decimal.js scoring (to 1e-40)', () => {
    fc.assert(
      fc.property(roundArb, (r) => {
        const b = build(r);
        const result = scoreMatrix(b.fw, b.units, b.inputs);
        const cell = (t: (typeof b.evidence)['rows'][number], i: number) => t.cells[i];
        const ref = scoreWithDecimal(
          b.fw,
          b.units,
          b.evidence.rows.map((row) => ({ unit: cell(row, 0), criterion: cell(row, 1), self: cell(row, 2), appraised: cell(row, 3) })),
          b.survey.rows.map((row) => ({ unit: cell(row, 0), criterion: cell(row, 1), score: cell(row, 2) })),
        );
        for (const u of result.units) {
          const want = ref.get(u.unit)!;
          for (const [got, exp] of [
            [u.index, want.index],
            [u.selfIndex, want.selfIndex],
          ] as const) {
            if (exp === null) {
              expect(got).toBeNull();
              continue;
            }
            const g = new RefDecimal(got!.num.toString()).div(got!.den.toString());
            expect(g.minus(exp).abs().lt('1e-40')).toBe(true);
          }
        }
      }),
      RUNS,
    );
  });

  it('with coprime ratio targets: the fast path, over several denominators, equals the bigint path and decimal.js', () => {
    let split = 0;
    fc.assert(
      fc.property(coprimeArb, (r) => {
        const b = build(r);
        const fast = scoreMatrix(b.fw, b.units, b.inputs);
        const exact = scoreMatrix(b.fw, b.units, b.inputs, { path: 'exact' });
        expect(fast.path).toBe('fast');
        if (compilePlan(b.fw, b.inputs)!.extra) split++;
        expect(scoreResultJson(fast, { decimals: 12, rounding: 'half-up' })).toEqual(scoreResultJson(exact, { decimals: 12, rounding: 'half-up' }));
        const cell = (t: (typeof b.evidence)['rows'][number], i: number) => t.cells[i];
        const ref = scoreWithDecimal(
          b.fw,
          b.units,
          b.evidence.rows.map((row) => ({ unit: cell(row, 0), criterion: cell(row, 1), self: cell(row, 2), appraised: cell(row, 3) })),
          b.survey.rows.map((row) => ({ unit: cell(row, 0), criterion: cell(row, 1), score: cell(row, 2) })),
        );
        fast.units.forEach((u, i) => {
          const e = exact.units[i];
          for (const [got, want] of [
            [u.index, e.index],
            [u.selfIndex, e.selfIndex],
            [u.points, e.points],
            [u.selfPoints, e.selfPoints],
            [u.max, e.max],
          ] as const) {
            expect(got === null ? null : got.toString()).toBe(want === null ? null : want.toString());
          }
          expect([...u.areas].map(([k, a]) => [k, a.points.toString(), a.max.toString()])).toEqual([...e.areas].map(([k, a]) => [k, a.points.toString(), a.max.toString()]));
          const d = ref.get(u.unit)!.index;
          if (d === null) expect(u.index).toBeNull();
          else expect(new RefDecimal(u.index!.num.toString()).div(u.index!.den.toString()).minus(d).abs().lt('1e-40')).toBe(true);
        });
        for (const [k, l] of fast.leagues) expect(l.mean?.toString() ?? null, k).toBe(exact.leagues.get(k)!.mean?.toString() ?? null);
      }),
      { numRuns: 60 },
    );
    // Most of these rounds need more than one denominator, so the classes really are exercised.
    expect(split).toBeGreaterThan(20);
  });

  it('with a small integer limit the kernel splits any round into denominator classes, and every total stays exact', () => {
    let split = 0;
    fc.assert(
      fc.property(roundArb, fc.constantFrom(1e8, 1e9, 1e10), (r, limit) => {
        const b = build(r);
        const plan = compilePlan(b.fw, b.inputs, { limit });
        if (!plan) return;
        if (plan.extra) split++;
        const fast = accumulateFast(b.fw, b.inputs, plan);
        const exact = accumulateExact(b.fw, b.inputs);
        for (let u = 0; u < b.inputs.units.length; u++) {
          for (let s = 0; s < fast.slots; s++) expect(slotValue(fast, u, s).toString(), `unit ${u} slot ${s}`).toBe(slotValue(exact, u, s).toString());
          expect([fast.missing[u], fast.unappraised[u], fast.na[u]]).toEqual([exact.missing[u], exact.unappraised[u], exact.na[u]]);
        }
      }),
      RUNS,
    );
    expect(split).toBeGreaterThan(10);
  });

  it('without adjustments the index lies within [0, 100]', () => {
    fc.assert(
      fc.property(roundArb, (r) => {
        const b = build(r);
        const adjustCodes = new Set(b.fw.leaves.filter((c) => c.rule === 'adjust').map((c) => c.code));
        const b2 = build({ ...r, evRows: r.evRows.filter((row) => !adjustCodes.has(row.split(',')[1])) });
        for (const u of scoreMatrix(b2.fw, b2.units, b2.inputs).units) {
          for (const x of [u.index, u.selfIndex]) {
            if (x === null) continue;
            expect(x.sign()).toBeGreaterThanOrEqual(0);
            expect(x.cmp(Exact.HUNDRED)).toBeLessThanOrEqual(0);
          }
        }
      }),
      RUNS,
    );
  });

  it('ranks do not depend on the order of units or evidence rows', () => {
    fc.assert(
      fc.property(roundArb, fc.integer({ min: 1, max: 1_000_000 }), (r, seed) => {
        const shuffle = <T>(xs: T[]) => {
          const out = [...xs];
          let s = seed;
          for (let i = out.length - 1; i > 0; i--) {
            s = (s * 1103515245 + 12345) % 2147483648;
            const j = s % (i + 1);
            [out[i], out[j]] = [out[j], out[i]];
          }
          return out;
        };
        const [uh, ...ur] = r.unitsCsv.trim().split('\n');
        const a = scoreMatrix(build(r).fw, build(r).units, build(r).inputs);
        const r2 = { ...r, unitsCsv: csv(uh, ...shuffle(ur)), evRows: shuffle(r.evRows), svRows: shuffle(r.svRows) };
        const b2 = build(r2);
        const b = scoreMatrix(b2.fw, b2.units, b2.inputs);
        const ranks = (x: typeof a) => Object.fromEntries(x.units.map((u) => [u.unit, [u.rank, u.index?.toString() ?? null]]));
        expect(ranks(b)).toEqual(ranks(a));
      }),
      RUNS,
    );
  });
});
