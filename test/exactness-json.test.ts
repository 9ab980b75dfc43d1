/**
 * JSON numbers read from their source text (docs/spec.md §1): `"appraised": 99.99999999999999999`
 * as a JSON number must not become 100 through a binary float and take full points on a `>=100`
 * tier — it reads as the same digits written as a string do. A key written twice with different
 * values, or an array or object where a cell value is expected, is a located `bad-json` error.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRound } from '../src/api/round.js';
import { score } from '../src/api/score.js';
import { loadRound, loadTable } from '../src/node/index.js';
import { loadFramework } from '../src/node/files.js';
import { scoreSurvey } from '../src/node/sipas-file.js';
import { buildSurveyDefinition } from '../src/sipas/definition.js';
import { parseCsvTable } from '../src/table/csv.js';
import { jsonRowsToTable, parseJsonText } from '../src/table/json.js';
import { csv, issuesOf, issuesOfAsync } from './support/round.js';
import { tempDir } from './support/xlsx.js';

const dir = tempDir('parindex-json-');
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

/** The table a JSON text of rows reads as. */
const rowsOf = (text: string) => jsonRowsToTable(parseJsonText(text, { file: 'x.json' }), { file: 'x.json' });

const FRAMEWORK = csv('code,title,max,rule,params', '1,A,,,', '1.1,x,10,tiers,>=100:10 | else:0');
const UNITS = csv('unit,name,group', 'a,A,so');

describe('JSON numbers are read from their source text', () => {
  it('the reproduction: 99.99999999999999999 as a number scores as the same digits as a string', async () => {
    const fw = file('fw.csv', FRAMEWORK);
    const units = file('units.csv', UNITS);
    const asNumber = file('n.json', '[{"unit": "a", "criterion": "1.1", "appraised": 99.99999999999999999}]');
    const asString = file('s.json', '[{"unit": "a", "criterion": "1.1", "appraised": "99.99999999999999999"}]');
    const n = score(await loadRound({ framework: fw, units, evidence: asNumber }));
    const s = score(await loadRound({ framework: fw, units, evidence: asString }));
    expect(s.units[0].points.toString()).toBe('0');
    expect(n.units[0].points.toString()).toBe('0');
    const hundred = score(await loadRound({ framework: fw, units, evidence: file('h.json', '[{"unit": "a", "criterion": "1.1", "appraised": 100}]') }));
    expect(hundred.units[0].points.toString()).toBe('10');
  });

  it('digits are kept as written (no float in between), exponents are written out exactly', () => {
    const t = rowsOf('[{"a": 0.1, "b": 0.30000000000000000001, "c": 12345678901234567890, "d": 1.50, "e": -0}, {"a": 1e2, "b": 1.5E-3, "c": -2.5e+1, "d": 0e0, "e": 123.456e1}]');
    expect(t.rows.map((r) => r.cells)).toEqual([
      ['0.1', '0.30000000000000000001', '12345678901234567890', '1.50', '-0'],
      ['100', '0.0015', '-25', '0', '1234.56'],
    ]);
  });

  it('an exponent too large to write out is a located error', () => {
    const issues = issuesOf(() => rowsOf('[{"unit": "a", "self": 1e5000}]'));
    expect(issues.map((i) => [i.code, i.file, i.row, i.column])).toEqual([['bad-json', 'x.json', 2, 'self']]);
    expect(issues[0].value).toBe('1e5000');
  });

  it('JSON numbers in responses: 5.0 is a bad answer, as the text "5.0" is', async () => {
    const def = buildSurveyDefinition(parseCsvTable(csv('code,title,column', '1,,', '1.1,,q1')));
    const ok = await scoreSurvey(def, file('r.json', '[{"unit": "u", "q1": 5}, {"unit": "u", "q1": 4}]'));
    expect(ok.units.map((u) => [u.unit, u.forms, u.valid])).toEqual([['u', 2, 2]]);
    const issues = await issuesOfAsync(() => scoreSurvey(def, file('r2.json', '[{"unit": "u", "q1": 5.0}]')));
    expect(issues.map((i) => [i.code, i.row, i.column, i.value])).toEqual([['bad-answer', 2, 'q1', '5.0']]);
  });

  it("a framework's settings still take JSON numbers; a number that is not exactly a whole one is refused", async () => {
    const crit = '[{"code": "1", "title": "A"}, {"code": "1.1", "title": "x", "max": 10}]';
    const fw = await loadFramework(file('fw.json', `{"settings": {"decimals": 3, "clamp": true}, "criteria": ${crit}}`));
    expect(fw.settings).toMatchObject({ decimals: 3, clamp: true });
    const issues = await issuesOfAsync(() => loadFramework(file('fw2.json', `{"settings": {"decimals": 2.0000000000000001}, "criteria": ${crit}}`)));
    expect(issues.map((i) => [i.code, i.column, i.value])).toEqual([['bad-setting', 'settings.decimals', '2.0000000000000001']]);
    expect((await loadFramework(file('fw3.json', `{"settings": {"decimals": 2.0}, "criteria": ${crit}}`))).settings).toMatchObject({ decimals: 2 });
  });

  it('numbers given by a program (not JSON text) keep the shortest round-trip text', () => {
    const round = createRound({
      framework: [
        { code: '1', title: 'A' },
        { code: '1.1', title: 'x', max: 10 },
      ],
      units: [{ unit: 'a', group: 'so' }],
      evidence: [{ unit: 'a', criterion: '1.1', appraised: 0.1 + 0.2 }],
    });
    expect(score(round).units[0].points.toString()).toBe('0.30000000000000004');
  });
});

describe('duplicate keys, arrays and objects where a value is expected', () => {
  it('a key written twice with different values is a located bad-json error', () => {
    const issues = issuesOf(() => parseJsonText('[\n  {"unit": "a", "appraised": 5,\n   "appraised": 3}\n]', { file: 'e.json' }));
    expect(issues.map((i) => [i.code, i.file, i.value])).toEqual([['bad-json', 'e.json', 'appraised']]);
    expect(issues[0].message).toMatch(/line 3/);
  });

  it('a key written twice with the same value reads once', () => {
    expect(rowsOf('[{"unit": "a", "self": 5, "self": 5}]').rows[0].cells).toEqual(['a', '5']);
  });

  it('an array where a cell value is expected is located on its row and key', () => {
    const issues = issuesOf(() => rowsOf('[{"unit": "a", "self": 4}, {"unit": "a", "self": [5]}, {"unit": "b", "self": ["4", 1.50]}]'));
    expect(issues.map((i) => [i.code, i.row, i.column, i.value])).toEqual([
      ['bad-json', 3, 'self', '[5]'],
      ['bad-json', 4, 'self', '["4",1.50]'],
    ]);
  });

  it('an object stays its JSON text (a number column then refuses it, located)', async () => {
    expect(rowsOf('[{"unit": "b", "note": {"x": 1.0}}]').rows[0].cells).toEqual(['b', '{"x":1.0}']);
    const fw = file('fw-o.csv', FRAMEWORK);
    const units = file('units-o.csv', UNITS);
    const issues = await issuesOfAsync(() => loadRound({ framework: fw, units, evidence: file('o.json', '[{"unit": "a", "criterion": "1.1", "appraised": {"v": 100}}]') }));
    expect(issues.map((i) => [i.row, i.column])).toEqual([[2, 'appraised']]);
  });

  it("the framework's groups may be an array of strings (joined with ;)", () => {
    expect(rowsOf('[{"code": "1", "groups": ["so", "huyen"]}]').rows[0].cells).toEqual(['1', 'so;huyen']);
    expect(issuesOf(() => rowsOf('[{"code": "1", "groups": ["so", 2]}]')).map((i) => [i.code, i.row, i.column])).toEqual([['bad-json', 2, 'groups']]);
    expect(issuesOf(() => rowsOf('[{"unit": "a", "group": ["so", "huyen"]}]')).map((i) => [i.code, i.row, i.column])).toEqual([['bad-json', 2, 'group']]);
  });

  it('a row that is a number, or a syntax error, is located', () => {
    expect(issuesOf(() => rowsOf('[{"unit": "a"}, 5]')).map((i) => [i.code, i.row, i.value])).toEqual([['bad-json', 3, '5']]);
    const issues = issuesOf(() => parseJsonText('[\n{"unit": "a",}\n]', { file: 'e.json' }));
    expect(issues.map((i) => [i.code, i.file])).toEqual([['bad-json', 'e.json']]);
    expect(issues[0].message).toMatch(/line 2/);
  });

  it('keys named like Object.prototype members are plain keys', async () => {
    const t = rowsOf('[{"unit": "a", "constructor": "x", "__proto__": "y", "toString": "z"}, {"unit": "b"}]');
    expect(t.header).toEqual(['unit', 'constructor', '__proto__', 'toString']);
    expect(t.rows.map((r) => r.cells)).toEqual([
      ['a', 'x', 'y', 'z'],
      ['b', '', '', ''],
    ]);
    const units = await loadTable(file('u.json', '[{"unit": "a", "group": "so"}, {"unit": "b", "group": "so", "hasOwnProperty": 1}]'), 'units');
    expect(units.rows.map((r) => r.cells)).toEqual([
      ['a', 'so', ''],
      ['b', 'so', '1'],
    ]);
  });
});
