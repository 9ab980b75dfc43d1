/**
 * Every validation error of the foundation, with its location: file, row (header = 1), column name
 * and letter, the value found and what was expected.
 */
import { safe } from '../src/errors.js';
import { describe, expect, it } from 'vitest';
import { parseFramework } from '../src/criteria/framework.js';
import { parseSettingsRecord, parseSettingsTable, resolveSettings } from '../src/criteria/settings.js';
import { Exact } from '../src/numbers/exact.js';
import { scoreMatrix } from '../src/scoring/score.js';
import { frameworkJsonSchema } from '../src/criteria/schemas.js';
import { ParIndexError } from '../src/errors.js';
import { loadFramework } from '../src/node/files.js';
import { formatOf } from '../src/table/files.js';
import { parseCsvTable } from '../src/table/csv.js';
import { buildFramework } from '../src/criteria/framework.js';
import { buildInputs } from '../src/criteria/evidence.js';
import { buildUnits } from '../src/criteria/units.js';
import { catchError, csv, round } from './support/round.js';

const HEAD = 'code,title,max,method,rule,params,groups';
const fwError = (...rows: string[]) => catchError(() => buildFramework(parseCsvTable(csv(HEAD, ...rows), { file: 'fw.csv' })));

describe('framework errors', () => {
  it('duplicate code', () => {
    const e = fwError('1,A,,,,,', '1.1,x,1,,,,', '1.1,y,1,,,,');
    expect(e.issues[0]).toMatchObject({ code: 'duplicate-code', file: 'fw.csv', row: 4, column: 'code', columnLetter: 'A', value: '1.1' });
    expect(e.message).toMatch(/fw\.csv, row 4, column "code" \(A\): criterion code "1\.1" appears twice \(first on row 3\)/);
  });
  it('orphan code', () => {
    const e = fwError('1,A,,,,,', '1.2.1,x,1,,,,');
    expect(e.issues[0]).toMatchObject({ code: 'orphan-code', row: 3, columnLetter: 'A', value: '1.2.1' });
    expect(e.issues[0].expected).toMatch(/"1\.2"/);
  });
  it('parent max ≠ sum of children', () => {
    const e = fwError('1,A,5,,,,', '1.1,x,1,,,,', '1.2,y,2.5,,,,');
    expect(e.issues[0]).toMatchObject({ code: 'parent-max-mismatch', row: 2, column: 'max', columnLetter: 'C', value: '5' });
    expect(e.issues[0].expected).toMatch(/^3\.5/);
  });
  it('unknown rule', () => {
    const e = fwError('1,A,,,,,', '1.1,x,1,,percent,,');
    expect(e.issues[0]).toMatchObject({ code: 'bad-value', row: 3, column: 'rule', columnLetter: 'E', value: 'percent' });
    expect(e.issues[0].expected).toMatch(/points, yesno, ratio, tiers, survey, adjust/);
  });
  it('tiers not descending', () => {
    const e = fwError('1,A,,,,,', '1.1,x,2,,tiers,>=70:1 | >90:2,');
    expect(e.issues[0]).toMatchObject({ code: 'bad-params', row: 3, column: 'params', columnLetter: 'F' });
    expect(e.issues[0].message).toMatch(/descending/);
  });
  it('tiers above max', () => {
    const e = fwError('1,A,,,,,', '1.1,x,2,,tiers,>90:3 | else:0,');
    expect(e.issues[0]).toMatchObject({ code: 'bad-params', row: 3, columnLetter: 'F' });
    expect(e.issues[0].expected).toMatch(/from 0 to 2/);
  });
  it('else not last', () => {
    expect(fwError('1,A,,,,,', '1.1,x,2,,tiers,else:0 | >90:2,').issues[0].message).toMatch(/else must be the last/);
  });
  it('rule or params on a parent; params on yesno and survey', () => {
    expect(fwError('1,A,,,points,,', '1.1,x,1,,,,').issues[0]).toMatchObject({ code: 'rule-on-parent', row: 2 });
    expect(fwError('1,A,,,,,', '1.1,x,1,,yesno,target=3,').issues[0]).toMatchObject({ code: 'bad-params', row: 3 });
    expect(fwError('1,A,,,,,', '1.1,x,1,survey,survey,target=3,').issues[0]).toMatchObject({ code: 'bad-params', row: 3 });
  });
  it('leaf without max; adjust with max; ratio target 0; bad number text', () => {
    expect(fwError('1,A,,,,,', '1.1,x,,,,,').issues[0]).toMatchObject({ code: 'missing-max', row: 3 });
    expect(fwError('1,A,,,,,', '1.1,x,1,,adjust,,').issues[0]).toMatchObject({ code: 'adjust-max', row: 3 });
    expect(fwError('1,A,,,,,', '1.1,x,1,,ratio,target=0,').issues[0]).toMatchObject({ code: 'bad-params' });
    expect(fwError('1,A,,,,,', '1.1,x,1e2,,,,').issues[0]).toMatchObject({ code: 'bad-value', column: 'max', value: '1e2' });
  });
  it('collects every problem, not just the first', () => {
    const e = fwError('1,A,,,,,', '1.1,x,,,,,', '1.2,y,1,,nope,,', '3.1,z,1,,,,');
    expect(e.issues.map((i) => i.code).sort()).toEqual(['bad-value', 'missing-max', 'orphan-code']);
  });
  it('missing column', () => {
    const e = catchError(() => buildFramework(parseCsvTable('title,max\nx,1\n', { file: 'fw.csv' })));
    expect(e.issues[0]).toMatchObject({ code: 'missing-column', row: 1 });
  });
  it('safe twin returns issues instead of throwing', () => {
    const r = safe(() => buildFramework(parseCsvTable(csv(HEAD, '1,A,,,,,', '1.1,x,,,,,'))));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0].code).toBe('missing-max');
  });
  it('JSON framework with settings; bad settings are located', () => {
    const fw = parseFramework({
      settings: { decimals: 1, ties: 'dense', bands: 'A>=90' },
      criteria: [
        { code: '1', title: 'A' },
        { code: '1.1', title: 'x', max: 0.1 },
      ],
    });
    expect(fw.byCode.get('1.1')!.max.toString()).toBe('0.1');
    expect(fw.settings).toMatchObject({ decimals: 1, ties: 'dense' });
    const e = catchError(() => parseFramework({ settings: { ties: 'random' }, criteria: [] }, { file: 'fw.json' }));
    expect(e.issues[0]).toMatchObject({ code: 'bad-setting', file: 'fw.json', column: 'settings.ties' });
    expect(catchError(() => parseSettingsRecord({ colour: 'red' })).code).toBe('unknown-setting');
    expect(catchError(() => parseSettingsRecord({ colour: undefined, decimals: undefined })).issues).toMatchObject([{ code: 'unknown-setting', column: 'settings.colour' }]);
  });
  it('a missing file is a located error through the safe loader', async () => {
    const r = await safe(() => loadFramework('/no/such/fw.csv'));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]).toMatchObject({ code: 'file-not-found', file: '/no/such/fw.csv' });
  });
  it('the file type comes from the extension of the file name only', () => {
    expect(formatOf('data.v2/Evidence.XLSX')).toBe('xlsx');
    expect(formatOf('a.b/units.csv')).toBe('csv');
    for (const [path, found] of [
      ['/dev/null', '(no extension)'],
      ['data.v2/evidence', '(no extension)'],
      ['e.ods', '.ods'],
    ]) {
      const e = catchError(() => formatOf(path));
      expect(e.issues[0]).toMatchObject({ code: 'unknown-format', file: path, value: found });
    }
  });
  it('exports the JSON Schema of the framework file', () => {
    const schema = frameworkJsonSchema() as { properties: Record<string, unknown> };
    expect(Object.keys(schema.properties)).toEqual(['settings', 'criteria']);
    expect(JSON.stringify(schema)).toContain('"enum":["points","yesno","ratio","tiers","survey","adjust"]');
  });
});

const FW = csv(HEAD, '1,A,,,,,', '1.1,p,2,,points,,', '1.2,q,1,,yesno,,so', '2,S,,survey,,,', '2.1,s,3,,,,');
const UNITS = csv('unit,name,group,rankGroup', 'a,A,so,', 'b,B,quan,');
const EV_HEAD = 'unit,criterion,self,appraised,evidence,note';
const evError = (...rows: string[]) => catchError(() => round(FW, UNITS, csv(EV_HEAD, ...rows)));

describe('evidence and survey errors', () => {
  it('points input above max', () => {
    const e = evError('a,1.1,2,2.5,,');
    expect(e.issues[0]).toMatchObject({ code: 'bad-input', file: 'evidence.csv', row: 2, column: 'appraised', columnLetter: 'D', value: '2.5' });
    expect(e.issues[0].expected).toMatch(/from 0 to 2/);
    expect(e).toBeInstanceOf(ParIndexError);
  });
  it('unknown unit or criterion', () => {
    expect(evError('zz,1.1,1,,,').issues[0]).toMatchObject({ code: 'unknown-unit', row: 2, column: 'unit', columnLetter: 'A', value: 'zz' });
    expect(evError('a,9.9,1,,,').issues[0]).toMatchObject({ code: 'unknown-criterion', row: 2, column: 'criterion', columnLetter: 'B', value: '9.9' });
  });
  it('duplicate evidence rows', () => {
    const e = evError('a,1.1,1,,,', 'a,1.1,2,,,');
    expect(e.issues[0]).toMatchObject({ code: 'duplicate-row', row: 3 });
    expect(e.issues[0].message).toMatch(/first on row 2/);
  });
  it('a row repeated in another evidence file or sheet is a duplicate too, naming where the first is', () => {
    const fw = buildFramework(parseCsvTable(FW, { file: 'fw.csv' }));
    const units = buildUnits(parseCsvTable(UNITS, { file: 'units.csv' }));
    const first = parseCsvTable(csv(EV_HEAD, 'a,1.1,1,,,'), { file: 'ev1.csv' });
    const second = parseCsvTable(csv(EV_HEAD, 'b,1.1,1,,,', 'a,1.1,2,,,'), { file: 'ev2.csv' });
    const e = catchError(() => buildInputs(fw, units, { evidence: [first, second] }));
    expect(e.issues).toHaveLength(1);
    expect(e.issues[0]).toMatchObject({ code: 'duplicate-row', file: 'ev2.csv', row: 3, column: 'criterion' });
    expect(e.issues[0].message).toMatch(/first on ev1\.csv, row 2/);
    const sheetA = { ...first, sheet: 'so' };
    const sheetB = { ...parseCsvTable(csv(EV_HEAD, 'a,1.1,2,,,'), { file: 'ev1.csv' }), sheet: 'quan' };
    expect(catchError(() => buildInputs(fw, units, { evidence: [sheetA, sheetB] })).issues[0].message).toMatch(/first on ev1\.csv, sheet so, row 2/);
    // The same file given twice, and tables without a name: the table is named by its place.
    expect(catchError(() => buildInputs(fw, units, { evidence: [first, first] })).issues[0].message).toMatch(/first on row 2 of evidence table 1 \(ev1\.csv\)/);
    const unnamed = parseCsvTable(csv(EV_HEAD, 'b,1.1,1,,,', 'a,1.1,2,,,'));
    expect(catchError(() => buildInputs(fw, units, { evidence: [parseCsvTable(csv(EV_HEAD, 'a,1.1,1,,,')), unnamed] })).issues[0].message).toMatch(/first on row 2 of evidence table 1\)/);
  });
  it('rows for a parent, a survey criterion, or a criterion whose groups exclude the unit', () => {
    expect(evError('a,1,1,,,').issues[0].code).toBe('parent-criterion');
    expect(evError('a,2.1,1,,,').issues[0].code).toBe('survey-criterion');
    expect(evError('b,1.2,1,,,').issues[0]).toMatchObject({ code: 'not-applicable', row: 2 });
  });
  it('a bad yes/no answer', () => {
    expect(evError('a,1.2,maybe,,,').issues[0]).toMatchObject({ code: 'bad-input', column: 'self', value: 'maybe' });
  });
  it('survey score outside [0, 100]', () => {
    const e = catchError(() => round(FW, UNITS, undefined, csv('unit,criterion,score', 'a,2.1,100.5')));
    expect(e.issues[0]).toMatchObject({ code: 'bad-score', file: 'survey.csv', row: 2, column: 'score', columnLetter: 'C', value: '100.5' });
  });
  it('survey rows for non-survey criteria', () => {
    const e = catchError(() => round(FW, UNITS, undefined, csv('unit,criterion,score', 'a,1.1,50')));
    expect(e.issues[0].code).toBe('not-survey-criterion');
  });
  it('units: duplicate id and the reserved ALL', () => {
    expect(catchError(() => round(FW, csv('unit,name,group', 'a,A,so', 'a,B,so'))).issues[0]).toMatchObject({ code: 'duplicate-unit', file: 'units.csv', row: 3 });
    expect(catchError(() => round(FW, csv('unit,name,group', 'ALL,A,so'))).issues[0]).toMatchObject({ code: 'bad-value', column: 'unit', row: 2 });
  });
  it('a row with both cells blank counts as no row (not a duplicate)', () => {
    const r = round(FW, UNITS, csv(EV_HEAD, 'a,1.1,,,,', 'a,1.1,1,,,'));
    expect(r.inputs.present.reduce((x, y) => x + y, 0)).toBe(1);
  });
});

describe('settings errors', () => {
  const SETTINGS = (...rows: string[]) => ({ ...parseCsvTable(csv('key,value', ...rows), { file: 'fw.xlsx' }), sheet: 'settings' });

  it('library overrides are checked like settings: a located bad-setting naming the option, never a TypeError', () => {
    const r = round(FW, UNITS, csv(EV_HEAD, 'a,1.1,1,,,'));
    const bad = (options: Parameters<typeof scoreMatrix>[3]) => {
      const res = safe(() => scoreMatrix(r.fw, r.units, r.inputs, options));
      expect(res.ok).toBe(false);
      return res.ok ? [] : res.issues;
    };
    expect(bad({ decimals: -1, rankOn: 'rounded' })[0]).toMatchObject({ code: 'bad-setting', column: 'decimals', value: '-1' });
    expect(bad({ decimals: 1.5 })[0]).toMatchObject({ code: 'bad-setting', column: 'decimals', value: '1.5', expected: expect.stringMatching(/whole number of decimals from 0 to 20/) });
    expect(bad({ decimals: NaN })[0]).toMatchObject({ code: 'bad-setting', column: 'decimals', value: 'NaN' });
    expect(bad({ ties: 'bogus' as never })[0]).toMatchObject({ code: 'bad-setting', column: 'ties', value: 'bogus', expected: 'competition, dense or ordinal' });
    expect(bad({ rounding: 'up' as never, rankOn: 'printed' as never }).map((i) => i.column)).toEqual(['rounding', 'rankOn']);
    expect(bad({ bands: 'A=>90' })[0]).toMatchObject({ code: 'bad-bands', column: 'bands', value: 'A=>90' });
    expect(bad({ bands: [{ label: 'A', min: 90, strict: false }] as never })[0]).toMatchObject({ code: 'bad-setting', column: 'bands' });
    expect(bad({ clamp: 'maybe' as never })[0]).toMatchObject({ code: 'bad-setting', column: 'clamp' });
    expect(() => resolveSettings({ colour: 'red' } as never)).toThrow(ParIndexError);
  });

  it('parsed bands are accepted as an override, in any order', () => {
    const r = round(FW, UNITS, csv(EV_HEAD, 'a,1.1,2,,,', 'a,1.2,1,,,', 'b,1.1,1,,,'));
    const bands = [
      { label: 'B', min: Exact.of(40), strict: false },
      { label: 'A', min: Exact.of(90), strict: false },
    ];
    const res = scoreMatrix(r.fw, r.units, r.inputs, { bands });
    expect(res.settings.bands.map((b) => b.label)).toEqual(['A', 'B']);
    // a: (2 + 1) of 6 (the survey leaf is missing) = 50 → B; b: 1 of 5 = 20 → no band.
    expect(res.units.map((u) => [u.unit, u.index!.toString(), u.band])).toEqual([
      ['a', '50', 'B'],
      ['b', '20', null],
    ]);
    expect(bands.map((b) => b.label)).toEqual(['B', 'A']); // the caller's array is not reordered
  });

  it('a settings sheet: every problem at its row and value cell, bands in the same pass, clear expectations', () => {
    const e = catchError(() => parseSettingsTable(SETTINGS('decimals,abc', 'bands,A=>90', 'ties,bogus', 'colour,red', 'clamp,maybe')));
    expect(e.issues).toHaveLength(5);
    expect(e.issues[0]).toMatchObject({ code: 'bad-setting', file: 'fw.xlsx', sheet: 'settings', row: 2, column: 'value', columnLetter: 'B', value: 'abc', expected: 'a whole number of decimals from 0 to 20, such as 2' });
    expect(e.issues[1]).toMatchObject({ code: 'bad-bands', sheet: 'settings', row: 3, column: 'value', columnLetter: 'B', value: 'A=>90' });
    expect(e.issues[2]).toMatchObject({ code: 'bad-setting', row: 4, column: 'value', value: 'bogus', expected: 'competition, dense or ordinal' });
    expect(e.issues[3]).toMatchObject({ code: 'unknown-setting', row: 5, column: 'key', columnLetter: 'A', value: 'colour' });
    expect(e.issues[4]).toMatchObject({ code: 'bad-setting', row: 6, column: 'value', value: 'maybe' });
    for (const i of e.issues) expect(i.expected ?? '').not.toMatch(/received|NaN/);
  });

  it('a bad bands text is reported with the other settings problems, not after them', () => {
    const e = catchError(() => parseSettingsTable(SETTINGS('decimals,-1', 'bands,garbage')));
    expect(e.issues.map((i) => [i.code, i.row])).toEqual([
      ['bad-setting', 2],
      ['bad-bands', 3],
    ]);
    const j = catchError(() => parseSettingsRecord({ decimals: 'x', bands: 'A=>90' }, { file: 'fw.json' }));
    expect(j.issues.map((i) => [i.code, i.column])).toEqual([
      ['bad-setting', 'settings.decimals'],
      ['bad-bands', 'settings.bands'],
    ]);
  });

  it('decimals are plain digits only: 1e1, 0x2, 2.0 and -1 are errors; 3 is 3', () => {
    for (const bad of ['1e1', '0x2', '2.0', '-1', '21', ' ', '+2']) {
      if (bad.trim() === '') continue;
      expect(catchError(() => parseSettingsTable(SETTINGS(`decimals,${bad}`))).issues[0]).toMatchObject({ code: 'bad-setting', row: 2, column: 'value', value: bad });
    }
    expect(parseSettingsTable(SETTINGS('Decimals,3', 'clamp,yes', 'bands,A>=90', 'ties,'))).toEqual({ decimals: 3, clamp: true, bands: 'A>=90' });
    // A setting given twice is an error on the second, not a silent override.
    expect(catchError(() => parseSettingsTable(SETTINGS('decimals,2', 'ties,dense', 'DECIMALS,3'))).issues).toMatchObject([{ code: 'duplicate-setting', row: 4, column: 'key', value: 'DECIMALS' }]);
    expect(catchError(() => parseSettingsRecord({ decimals: '1e1' })).issues[0]).toMatchObject({ column: 'settings.decimals', value: '1e1' });
  });
});
