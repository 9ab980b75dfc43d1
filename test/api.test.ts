/**
 * The public API as a program uses it (src/index.ts): a round is one object, results are data,
 * unknown keys and wrong types are the package's own located errors, one non-throwing form. Each
 * case that a new user hit with the 0.1 API (a wrong number with no error, results that are not
 * data, silently ignored misspellings) is reproduced here.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compare, createRound, Exact, explain, formatIssue, ParIndexError, parseCsv, renderCsv, renderText, resultFromJson, safe, sample, score, sensitivity, type EvidenceRow, type FrameworkRow, type UnitRow } from '../src/index.js';
import { csvRowSource } from '../src/table/csv.js';
import { SAMPLE } from './support/round.js';

const expected = JSON.parse(readFileSync(join(SAMPLE, 'expected-score.json'), 'utf8'));

/** Rows of a table as objects keyed by header (what a program would build from its own data). */
function rowsOf(t: { header: string[]; rows: { cells: string[] }[] }): Record<string, string>[] {
  return t.rows.map((r) => Object.fromEntries(t.header.map((h, i) => [h, r.cells[i]])));
}

const FW: FrameworkRow[] = [
  { code: '1', title: 'Chỉ đạo điều hành' },
  { code: '1.1', title: 'Kế hoạch', max: 100 },
];

/** Catches what `f` throws (it must throw). */
function thrown(f: () => unknown): ParIndexError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ParIndexError);
    return e as ParIndexError;
  }
  throw new Error('expected an error');
}

describe('a round is one object', () => {
  it('the sample from tables scores exactly as expected-score.json, and JSON.stringify(result) is that document', () => {
    const result = score(createRound(sample()));
    expect(JSON.parse(JSON.stringify(result))).toEqual(expected);
    expect(result.units[0].name).toBe('Sở Tài chính');
    expect(result.units[0].index!.toFixed(2)).toBe('89.83');
  });

  it('the same round from plain row objects gives the same result', () => {
    const t = sample();
    const round = createRound({
      framework: rowsOf(t.framework) as unknown as FrameworkRow[],
      units: rowsOf(t.units) as unknown as UnitRow[],
      evidence: rowsOf(t.evidence) as unknown as EvidenceRow[],
      survey: rowsOf(t.survey) as unknown as { unit: string; criterion: string; score: string }[],
    });
    expect(JSON.parse(JSON.stringify(score(round)))).toEqual(expected);
  });

  it('units are credited their own points whatever their order (the 0.1 API could credit one unit with another’s)', () => {
    // Reproduction: units listed in another order than the evidence; integer-like ids.
    const round = createRound({
      framework: FW,
      units: [
        { unit: '2', name: 'Hai', group: 'g' },
        { unit: '1', name: 'Một', group: 'g' },
      ],
      evidence: [
        { unit: '1', criterion: '1.1', self: 100, appraised: 100 },
        { unit: '2', criterion: '1.1', self: '0', appraised: '0' },
      ],
    });
    const r = score(round);
    expect(r.units.map((u) => [u.unit, u.index!.toString(), u.rank])).toEqual([
      ['1', '100', 1],
      ['2', '0', 2],
    ]);
    expect(round.units.map((u) => u.unit)).toEqual(['2', '1']);
  });

  it('numbers given as JS numbers are read through their shortest text (0.1 stays 0.1)', () => {
    const r = score(
      createRound({
        framework: [
          { code: '1', title: 'A' },
          { code: '1.1', title: 'a', max: 0.3 },
        ],
        units: [{ unit: 'u', group: 'g' }],
        evidence: [{ unit: 'u', criterion: '1.1', appraised: 0.1 }],
      }),
    );
    expect(r.units[0].points.toString()).toBe('0.1');
    expect(r.units[0].index!.toString()).toBe('100/3');
  });

  it('a CSV table from text or bytes is the same table', () => {
    const text = readFileSync(join(SAMPLE, 'units.csv'), 'utf8');
    expect(parseCsv(new TextEncoder().encode(text), { file: 'units.csv' })).toEqual(parseCsv(text, { file: 'units.csv' }));
  });
});

describe('results are data', () => {
  const result = score(createRound(sample()));

  it('enumerable keys are data only; no internals', () => {
    expect(Object.keys(result)).toEqual(['units', 'leagues', 'groups', 'settings']);
    expect(Object.keys(result.units[0])).toEqual(['unit', 'name', 'group', 'rankGroup', 'rank', 'band', 'missing', 'unappraised', 'na']);
    expect(JSON.parse(JSON.stringify(result.units[0]))).toEqual(expected.units[0]);
  });

  it('leagues, groups and areas are Maps in order of first appearance', () => {
    expect([...result.leagues.keys()]).toEqual(['so', 'quan-huyen']);
    expect(result.leagues.get('so')!.max!.toFixed(2)).toBe('89.83');
    expect([...result.units[0].areas.keys()]).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
  });

  it('exact values: toString exact, toFixed rounded, toNumber a float, cmp/eq; < and + throw the package error', () => {
    const i = result.units[0].index!;
    expect(i.toFixed(2)).toBe('89.83');
    expect(Math.abs(i.toNumber() - 89.83)).toBeLessThan(0.005);
    expect(i.cmp(Exact.of(100n))).toBe(-1);
    expect(Exact.of(8983n, 100n).eq(Exact.of(89830n, 1000n))).toBe(true);
    // 0.1: `Exact.of(8983n, 100n) > Exact.of(100n)` was true (string comparison).
    const e = thrown(() => (Exact.of(8983n, 100n) as unknown as number) > (Exact.of(100n) as unknown as number));
    expect(e.code).toBe('exact-not-a-number');
    expect(e.message).toContain('toNumber()');
    expect(thrown(() => Number(i)).code).toBe('exact-not-a-number');
    expect(`${Exact.of(1n, 3n)}`).toBe('1/3');
    expect(Exact.of(1n, 3n).toNumber()).toBe(1 / 3);
    expect(Exact.of(-(10n ** 30n) - 1n, 3n * 10n ** 10n).toNumber()).toBeCloseTo(-(10 ** 20) / 3, -5);
    expect(thrown(() => Exact.of(true as unknown as number)).code).toBe('bad-argument');
    expect(thrown(() => Exact.of(1.5)).code).toBe('bad-argument');
  });

  it('a result survives a trip through JSON: resultFromJson rebuilds it', () => {
    const text = JSON.stringify(result);
    const back = resultFromJson(text);
    expect(JSON.stringify(back)).toBe(text);
    expect(back.units[0].index!.toFixed(2)).toBe('89.83');
    // The league names (Khối sở) come from the round's units file, which JSON does not carry: the
    // rebuilt result heads its leagues by id, and everything else reads the same.
    expect(renderText(back)).toBe(renderText(result).replace('Khối sở —', 'Khối so —').replace('Khối quận, huyện, thị xã —', 'Khối quan-huyen —'));
    expect(renderCsv(back)).toBe(renderCsv(result));
    const c = compare(back, result);
    expect(c.leagues.get('so')).toMatchObject({ compared: 22, same: 22 });
    expect(c.units.every((u) => u.change?.sign() === 0)).toBe(true);
    // What needs the round's inputs says so.
    expect(thrown(() => explain(back, 'noi-vu')).code).toBe('no-round');
    expect(thrown(() => back.units[0].selfPoints).code).toBe('no-round');
  });

  it('resultFromJson checks every field with its path', () => {
    const doc = JSON.parse(JSON.stringify(result));
    doc.units[3].index = '8x.1';
    doc.units[4].rank = 0;
    doc.units[5].colour = 'red';
    const e = thrown(() => resultFromJson(doc));
    expect(e.issues.map((i) => [i.code, i.column]).sort()).toEqual([
      ['bad-result-json', 'units[3].index'],
      ['bad-result-json', 'units[4].rank'],
      ['bad-result-json', 'units[5].colour'],
    ]);
  });

  it('explain, sensitivity and compare answers are data with a JSON document', () => {
    const e = explain(result, 'noi-vu');
    expect(e.rank).toBe(3);
    expect(JSON.parse(JSON.stringify(e))).toMatchObject({ unit: 'noi-vu', rank: 3, index: '88.76' });
    const s = sensitivity(result, { runs: 3, seed: 7 });
    expect(JSON.parse(JSON.stringify(s)).runs).toBe(3);
    expect(renderText(s)).toContain('noi-vu');
  });
});

describe('misspellings and wrong types are located errors naming the nearest name', () => {
  const units = [{ unit: 'u', group: 'g' }];

  it('a misspelt column (apprised) is an error, not a silently ignored appraisal', () => {
    const e = thrown(() => createRound({ framework: FW, units, evidence: [{ unit: 'u', criterion: '1.1', self: 10, apprised: 5 } as EvidenceRow] }));
    expect(e.issues[0]).toMatchObject({ code: 'unknown-column', column: 'apprised', suggestion: 'appraised', row: 1 });
  });

  it('a misspelt option (tie) or argument (evidences) names the nearest', () => {
    const round = createRound({ framework: FW, units });
    expect(thrown(() => score(round, { tie: 'dense' } as never)).issues[0]).toMatchObject({ code: 'unknown-option', column: 'options.tie', suggestion: 'ties' });
    expect(thrown(() => createRound({ framework: FW, units, evidences: [] } as never)).issues[0]).toMatchObject({ code: 'unknown-option', suggestion: 'evidence' });
    expect(thrown(() => score(round, { ties: 'dence' } as never)).issues[0]).toMatchObject({ code: 'bad-setting', column: 'ties' });
  });

  it('a raw array, null or a number where a round is expected: the package error, never a TypeError', () => {
    for (const bad of [[], null, 42, 'x', undefined, new Map()]) {
      const r = safe(() => createRound(bad as never));
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toBeInstanceOf(ParIndexError);
      expect(thrown(() => score(bad as never)).code).toBe('bad-argument');
    }
    expect(thrown(() => createRound({ framework: FW, units: 42 as never })).issues[0]).toMatchObject({ code: 'bad-argument', column: 'units' });
    expect(thrown(() => createRound({ framework: FW, units: [{ unit: 'u', group: { x: 1 } } as never] })).issues[0]).toMatchObject({ code: 'bad-argument', column: 'units[0].group' });
  });

  it('problems in several parts are reported together', () => {
    const e = thrown(() => createRound({ framework: [{ code: '1.1', title: 'orphan' }], units: [{ unit: 'ALL', group: 'g' }] }));
    expect(e.issues.map((i) => i.code).sort()).toEqual(['bad-value', 'orphan-code'].sort());
  });

  it('safe() returns the issues and never throws, sync or async', async () => {
    const r = safe(() => createRound({ framework: FW, units, evidence: [{ unit: 'nobody', criterion: '1.1', self: 1 }] }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(formatIssue(r.issues[0])).toMatch(/nobody/);
    const a = await safe(async () => {
      throw new TypeError('boom');
    });
    expect(a.ok).toBe(false);
    if (!a.ok) expect(a.issues[0].code).toBe('internal-error');
  });

  it('property: any value passed to a public function gives a result or the package error, nothing else', () => {
    const round = createRound(sample());
    const result = score(round);
    const calls: ((x: unknown) => unknown)[] = [
      (x) => createRound(x as never),
      (x) => createRound({ framework: x, units: [{ unit: 'u', group: 'g' }] } as never),
      (x) => createRound({ framework: FW, units: [{ unit: 'u', group: 'g' }], evidence: x } as never),
      (x) => score(round, x as never),
      (x) => score(x as never),
      (x) => explain(result, x as never),
      (x) => explain(result, 'noi-vu', x as never),
      (x) => sensitivity(result, x as never),
      (x) => resultFromJson(x as never),
      (x) => renderText(x as never),
      (x) => renderCsv(result, x as never),
      (x) => parseCsv(x as never),
      (x) => compare(x as never, result),
      (x) => Exact.of(x as never),
    ];
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.constantFrom(null, undefined, Number.NaN, '42', [], [{}], [[]], { __proto__: null }, { units: [] }, new Uint8Array(3))), fc.nat(calls.length - 1), (value, k) => {
        try {
          calls[k](value);
        } catch (e) {
          if (!(e instanceof ParIndexError) || e.code === 'internal-error') throw e;
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe('CSV evidence read lazily (the byte path) gives what its table gives', () => {
  const text = (f: string) => readFileSync(join(SAMPLE, f), 'utf8');
  const fw = parseCsv(text('framework.csv'), { file: 'framework.csv' });
  const units = parseCsv(text('units.csv'), { file: 'units.csv' });
  const evidenceText = text('evidence.csv');
  const surveyText = text('survey.csv');
  /** The round's result (or its problems) from the files read as tables, or lazily with their text kept. */
  const run = (ev: string, sv: string, lazy: boolean) => {
    const read = (t: string, file: string) => (lazy ? csvRowSource(t, { file }) : parseCsv(t, { file }));
    const r = safe(() => createRound({ framework: fw, units, evidence: [read(ev, 'evidence.csv')] as never, survey: read(sv, 'survey.csv') as never }));
    if (!r.ok) return { issues: r.issues.map((i) => ({ ...i })) };
    const result = score(r.value);
    return { result: JSON.parse(JSON.stringify(result)), explained: JSON.parse(JSON.stringify(explain(result, 'noi-vu'))) };
  };

  it('the sample read lazily scores exactly as expected-score.json', () => {
    const lazy = run(evidenceText, surveyText, true);
    expect(lazy.result).toEqual(expected);
    expect(lazy).toEqual(run(evidenceText, surveyText, false));
  });

  it('property: any line of the evidence or survey changed gives the same result or the same problems either way', () => {
    const evLines = evidenceText.split('\n');
    const svLines = surveyText.split('\n');
    const edits = fc.constantFrom('', 'noi-vu,1.1.1,1,1,dup,', 'nobody,1.1.1,1,1,,', 'noi-vu,9.9,1,1,,', 'noi-vu,1.1.2,abc,,,', 'noi-vu,1.1.2,"90,5",,,', 'noi-vu,1.1.2,90.5,90.5,a,b,c', 'noi-vu,8.1,NA', 'so-tu-phap,8.1,101', '"x', ',,,');
    fc.assert(
      fc.property(fc.boolean(), fc.nat(), edits, (inSurvey, at, edit) => {
        const lines = [...(inSurvey ? svLines : evLines)];
        lines[1 + (at % (lines.length - 1))] = edit;
        const ev = inSurvey ? evidenceText : lines.join('\n');
        const sv = inSurvey ? lines.join('\n') : surveyText;
        expect(run(ev, sv, true)).toEqual(run(ev, sv, false));
      }),
      { numRuns: 60 },
    );
  });
});
