/**
 * The score JSON written as bytes (`scoreResultJsonChunks`, what `parindex score --format json`
 * writes) is byte for byte `JSON.stringify(scoreResultJson(result), null, 2)` and a line end, UTF-8
 * encoded — the library path, and the pieces of `scoreResultJsonPieces` — in any chunk size: on the
 * sample, and on a round with area codes that objects order first (`10` before `2`, `01` after),
 * `__proto__` as an area and a league, names with quotes, line breaks, Vietnamese and a lone
 * surrogate, units without an index, bands and another rounding. Each figure's digits, written
 * without making its text, are `Exact.toFixed`'s on random values (ties, negatives, long numbers).
 * Rows written from the round's totals (what the CLI does) are the same bytes on generated rounds
 * in every rounding, decimals and option, whether the totals path or the getters write them.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Exact } from '../src/numbers/exact.js';
import { fixedBytes, rowsFromTotals, scoreResultJson, scoreResultJsonChunks, scoreResultJsonPieces } from '../src/scoring/result-json.js';
import { totalsOf } from '../src/scoring/result-totals.js';
import { computeTotals, type ScoreOptions, type ScoreResult, scoreMatrix } from '../src/scoring/score.js';
import { syntheticRound } from '../src/testing/round-gen.js';
import { csv, round, sampleText, scoreCsv } from './support/round.js';

const whole = (r: ScoreResult, f?: Parameters<typeof scoreResultJson>[1]) => `${JSON.stringify(scoreResultJson(r, f), null, 2)}\n`;

/** The chunks joined, with the size of each. */
function joined(chunks: Iterable<Uint8Array>): { bytes: Buffer; sizes: number[] } {
  const list = [...chunks];
  return { bytes: Buffer.concat(list), sizes: list.map((c) => c.length) };
}

describe('scoreResultJsonChunks', () => {
  it('the sample: the bytes of the library document, in one chunk or in many', () => {
    const r = scoreCsv(sampleText('framework.csv'), sampleText('units.csv'), sampleText('evidence.csv'), sampleText('survey.csv'));
    const expected = Buffer.from(whole(r), 'utf8');
    const one = joined(scoreResultJsonChunks(r));
    expect(one.sizes).toHaveLength(1);
    expect(one.bytes.equals(expected)).toBe(true);
    const many = joined(scoreResultJsonChunks(r, r.settings, 1000));
    expect(many.bytes.equals(expected)).toBe(true);
    // Every chunk but the last holds the size asked for or more.
    expect(many.sizes.length).toBeGreaterThan(10);
    expect(many.sizes.slice(0, -1).every((n) => n >= 1000)).toBe(true);
    expect(JSON.parse(many.bytes.toString('utf8')).units.find((u: { unit: string }) => u.unit === 'tai-chinh').index).toBe('89.83');
  });

  it('odd area codes, names and leagues, units without an index, bands, three decimals half-even', () => {
    const fw = csv(
      'code,title,max,method,rule,params,groups',
      '2,Two,,,,,',
      '2.1,a,10,appraisal,points,,',
      '10,Ten,,,,,',
      '10.1,b,3,appraisal,yesno,,g1;g2',
      'b,Bee,,,,,',
      'b.1,c,4,appraisal,points,,g2',
      '01,Zero one,,,,,',
      '01.1,d,2,appraisal,points,,g1',
      '__proto__,Proto,,,,,',
      '__proto__.1,e,5,appraisal,points,,g3',
    );
    const units = ['unit,name,group,rankGroup'];
    const evidence = ['unit,criterion,self,appraised'];
    const groups = ['g1', 'g2', 'g3', '__proto__'];
    for (let i = 0; i < 400; i++) {
      const group = groups[i % 4];
      const name = i % 7 === 0 ? `"Tên ""${i}""\n ${'đ'.repeat(i % 5)}"` : i % 7 === 1 ? `Sở ${i} \ud800` : i % 7 === 2 ? `é 😀 ${i}` : `u ${i}`;
      units.push(`u${i},${name},${group},${i % 5 === 0 ? '__proto__' : group}`);
      // Units of group __proto__ have their one leaf NA: no applicable max, so no index.
      evidence.push(group === '__proto__' ? `u${i},2.1,NA,NA` : `u${i},2.1,${i % 11},${(i * 7) % 11}`);
      if (group === 'g1' || group === 'g2') evidence.push(`u${i},10.1,${i % 2},${(i + 1) % 2}`);
      if (group === 'g2') evidence.push(`u${i},b.1,${i % 4},${(i * 3) % 5 === 0 ? 'NA' : (i * 3) % 4}`);
      if (group === 'g1') evidence.push(`u${i},01.1,1.5,${i % 3}`);
      if (group === 'g3') evidence.push(`u${i},__proto__.1,${i % 6},${(i * 5) % 6}`);
    }
    const r = scoreCsv(fw, `${units.join('\n')}\n`, `${evidence.join('\n')}\n`, undefined, { decimals: 3, rounding: 'half-even', bands: 'A>=80; B>=50' });
    const f = { decimals: 3, rounding: 'half-even' as const };
    const text = whole(r, f);
    const doc = JSON.parse(text);
    // The round has what the test is about.
    expect(Object.keys(doc.units.find((u: { group: string }) => u.group === 'g1').areas)).toEqual(['2', '10', '01']);
    expect(Object.keys(doc.units.find((u: { group: string }) => u.group === 'g3').areas)).toEqual(['2', '__proto__']);
    expect(doc.units.some((u: { index: string | null }) => u.index === null)).toBe(true);
    expect(doc.units.some((u: { band: string | null }) => u.band === 'A')).toBe(true);
    expect(Object.keys(doc.leagues)).toContain('__proto__');
    const expected = Buffer.from(text, 'utf8');
    expect(Buffer.from([...scoreResultJsonPieces(r, f)].join(''), 'utf8').equals(expected)).toBe(true);
    for (const size of [1, 700, 4096, 1 << 20]) {
      const { bytes, sizes } = joined(scoreResultJsonChunks(r, f, size));
      expect(bytes.equals(expected)).toBe(true);
      expect(sizes.slice(0, -1).every((n) => n >= size)).toBe(true);
    }
  });

  it('no units: the empty document', () => {
    const r = scoreCsv(csv('code,title,max,method,rule,params,groups', '1,A,,,,,', '1.1,x,10,appraisal,points,,'), csv('unit,name,group,rankGroup', 'u,U,g,g'));
    const empty = { ...r, units: [] } as unknown as ScoreResult;
    expect(Buffer.concat([...scoreResultJsonChunks(empty, r.settings)]).toString('utf8')).toBe(whole(empty, r.settings));
  });

  it("figures: the digits written are Exact.toFixed's, for any value, decimals and rounding", () => {
    const big = fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n });
    const safe = fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }).map(BigInt);
    const small = fc.integer({ min: -100_000, max: 100_000 }).map(BigInt);
    const num = fc.oneof(small, small, safe, big, fc.constantFrom(0n, 1n, -1n, 5n, -5n, 125n, -125n, 2n ** 53n - 1n, 2n ** 53n, -(2n ** 53n)));
    const den = fc.oneof(fc.constantFrom(1n, 2n, 3n, 4n, 7n, 8n, 10n, 40n, 100n, 1000n, 10n ** 15n, 2n ** 53n - 1n, 2n ** 53n), fc.bigInt({ min: 1n, max: 10n ** 20n }));
    fc.assert(
      fc.property(num, den, fc.integer({ min: 0, max: 20 }), fc.constantFrom('half-up' as const, 'half-even' as const), (n, d, decimals, rounding) => {
        const x = Exact.of(n, d);
        expect(Buffer.from(fixedBytes(x, { decimals, rounding })).toString('latin1')).toBe(x.toFixed(decimals, rounding));
      }),
      { numRuns: 3000 },
    );
    // Exact halves at the last printed place, where the two roundings differ.
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000, max: 10_000_000 }), fc.integer({ min: 0, max: 15 }), fc.constantFrom('half-up' as const, 'half-even' as const), (m, decimals, rounding) => {
        const x = Exact.of(BigInt(2 * m + 1) * 5n, 10n ** BigInt(decimals + 1));
        expect(Buffer.from(fixedBytes(x, { decimals, rounding })).toString('latin1')).toBe(x.toFixed(decimals, rounding));
      }),
      { numRuns: 2000 },
    );
  });

  it('rows written from the totals: the same bytes on generated rounds, every option', () => {
    let fromTotals = 0;
    const cases: { spec: Parameters<typeof syntheticRound>[0]; opts: ScoreOptions }[] = [
      { spec: { units: 120, criteria: 40, seed: 1 }, opts: {} },
      { spec: { units: 90, criteria: 25, seed: 2 }, opts: { decimals: 0, rounding: 'half-even' } },
      { spec: { units: 90, criteria: 25, seed: 3 }, opts: { decimals: 5, rounding: 'half-even', bands: 'A>=90; B>=70' } },
      { spec: { units: 60, criteria: 30, seed: 4 }, opts: { decimals: 15 } },
      { spec: { units: 60, criteria: 30, seed: 4 }, opts: { decimals: 20 } },
      { spec: { units: 60, criteria: 30, seed: 5 }, opts: { clamp: true } },
      { spec: { units: 60, criteria: 30, seed: 6, targets: 'coprime' }, opts: { decimals: 12 } },
      { spec: { preset: 'hanoi' }, opts: { ties: 'dense', rankOn: 'rounded', decimals: 1 } },
    ];
    for (const { spec, opts } of cases) {
      const round = syntheticRound(spec);
      const fw = round.framework();
      const units = round.units();
      const inputs = round.inputs(fw, units);
      const result = scoreMatrix(fw, units, inputs, opts);
      const totals = computeTotals(fw, inputs);
      if (rowsFromTotals(result, totals)) fromTotals++;
      const expected = Buffer.from(whole(result), 'utf8');
      for (const size of [4096, 1 << 20]) {
        const { bytes, sizes } = joined(scoreResultJsonChunks(result, result.settings, size, totals));
        expect(bytes.equals(expected), JSON.stringify({ spec, opts, size })).toBe(true);
        expect(sizes.slice(0, -1).every((n) => n >= size)).toBe(true);
      }
    }
    // The totals write most of these rounds (clamp, more than 15 decimals and denominator classes go to the getters).
    expect(fromTotals).toBeGreaterThanOrEqual(5);
  });

  it('rows from the totals: negative points, NA, units without an index or with no area', () => {
    const fw = csv(
      'code,title,max,method,rule,params,groups',
      '10,Ten,,,,,',
      '10.1,a,7,appraisal,points,,',
      '10.2,b,3,appraisal,ratio,target=30,g1',
      '10.3,c,,appraisal,adjust,min=-3 max=1.5,',
      '2,Two,,,,,',
      '2.1,d,2.5,appraisal,yesno,,g2',
      'x,Ex,,,,,',
      'x.1,e,1,appraisal,points,,g3',
    );
    const units = ['unit,name,group,rankGroup'];
    const evidence = ['unit,criterion,self,appraised'];
    for (let i = 0; i < 300; i++) {
      const g = ['g1', 'g2', 'g3', 'g4'][i % 4];
      units.push(`u${i},U ${i},${g},${i % 3 === 0 ? 'L1' : 'L2'}`);
      evidence.push(i % 5 === 0 ? `u${i},10.1,NA,NA` : `u${i},10.1,${(i * 7) % 8},${(i * 3) % 8}`);
      evidence.push(`u${i},10.3,${-(i % 4)},${i % 2 ? '-2.75' : '1.5'}`);
      if (g === 'g1') evidence.push(`u${i},10.2,${i % 41},${(i * 13) % 37}`);
      if (g === 'g2') evidence.push(`u${i},2.1,${i % 2},${(i + 1) % 2}`);
    }
    for (const opts of [{}, { decimals: 3, rounding: 'half-even' as const }, { decimals: 0 }]) {
      const text = { fw, units: `${units.join('\n')}\n`, ev: `${evidence.join('\n')}\n` };
      const result = scoreCsv(text.fw, text.units, text.ev, undefined, opts);
      const r = round(text.fw, text.units, text.ev);
      const totals = computeTotals(r.fw, r.inputs);
      expect(rowsFromTotals(result, totals)).toBe(true);
      const doc = JSON.parse(whole(result));
      expect(doc.units.some((u: { index: string | null }) => u.index === null)).toBe(true);
      expect(doc.units.some((u: { adjustPoints: string }) => u.adjustPoints.startsWith('-'))).toBe(true);
      expect(Buffer.concat([...scoreResultJsonChunks(result, result.settings, 1000, totals)]).equals(Buffer.from(whole(result), 'utf8'))).toBe(true);
      // The totals the result was ranked from, kept beside it (what the CLI passes), print the same.
      const kept = totalsOf(result);
      expect(kept?.acc).toEqual(totals.acc);
      expect(Buffer.concat([...scoreResultJsonChunks(result, result.settings, 1000, kept)]).equals(Buffer.from(whole(result), 'utf8'))).toBe(true);
      // Totals of another round are refused, not printed.
      const other = round(text.fw, csv('unit,name,group,rankGroup', ...units.slice(1).reverse()), text.ev);
      expect(() => [...scoreResultJsonChunks(result, result.settings, 1000, computeTotals(other.fw, other.inputs))]).toThrow(RangeError);
    }
  });
});
