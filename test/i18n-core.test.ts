/**
 * The messages of the core's readers (tables, criteria, scoring, SIPAS) come from the two
 * catalogues: real bad inputs give issues whose Vietnamese line (the default) and English line are
 * exactly what a clerk and a developer read, and every issue thrown for a set of representative bad
 * inputs has a catalogue key present in both languages, worded differently in each.
 */
import { describe, expect, it } from 'vitest';
import { parseBands } from '../src/criteria/bands.js';
import { buildInputs } from '../src/criteria/evidence.js';
import type { Framework } from '../src/criteria/framework.js';
import { parseSettingsRecord } from '../src/criteria/settings.js';
import type { Units } from '../src/criteria/units.js';
import { formatIssue, type Issue, ParIndexError } from '../src/errors.js';
import { codeOfKey } from '../src/i18n/catalogue.js';
import { en } from '../src/i18n/en/index.js';
import { vi } from '../src/i18n/vi/index.js';
import { Exact } from '../src/numbers/exact.js';
import { missingInputIssues, missingReport } from '../src/scoring/absent-inputs.js';
import { buildSurveyDefinition } from '../src/sipas/definition.js';
import { scoreSurveyCsv } from '../src/sipas/score.js';
import { parseCsvTable } from '../src/table/csv.js';
import { parseJsonText } from '../src/table/json.js';
import { makeTable } from '../src/table/table.js';
import { csv, issuesOf, round } from './support/round.js';

const FW = csv('code,title,max,method,rule,params,groups', '1,Chỉ đạo,3,,,,', '1.1,Kế hoạch,1,,yesno,,', '1.2,Báo cáo,2,,points,,');
const UNITS = csv('unit,name,group', 'noi-vu,Sở Nội vụ,so', 'tu-phap,Sở Tư pháp,so');
const DEF = csv('code,title,column,weight', '1,Tiếp cận,,', '1.1,Chỗ ngồi,q1_1,', '1.2,Trang thiết bị,q1_2,');
const definition = () => buildSurveyDefinition(parseCsvTable(DEF, { file: 'cau-hoi.csv' }));

/** The one issue `fn` throws. */
function only(fn: () => unknown): Issue {
  const issues = issuesOf(fn);
  expect(issues).toHaveLength(1);
  return issues[0];
}

describe('an issue of the core in either language', () => {
  it('a number cell that is not a number', () => {
    const issue = only(() => round(FW, UNITS, csv('unit,criterion,self,appraised', 'noi-vu,1.2,1,9O')));
    expect(formatIssue(issue)).toBe(
      'evidence.csv, dòng 2, cột "appraised" (D): tiêu chí "1.2" (cách chấm: số điểm) của đơn vị "noi-vu": không phải là số; giá trị là "9O"; cần số điểm từ 0 đến 2 (hoặc NA); viết số như 12 hoặc 12.5 (dùng --decimal-comma để viết 12,5) [bad-input]',
    );
    expect(formatIssue(issue, { lang: 'en' })).toBe(
      'evidence.csv, row 2, column "appraised" (D): "1.2" (points) for "noi-vu": not a number; found "9O"; expected a number from 0 to 2 (or NA); numbers as 12 or 12.5 (use --decimal-comma for 12,5) [bad-input]',
    );
  });

  it('a max written with a point under --decimal-comma', () => {
    const issue = only(() => round(csv('code,title,max', '1,Chỉ đạo,1.5'), UNITS, undefined, undefined, { decimalComma: true }));
    expect(formatIssue(issue)).toBe(
      'fw.csv, dòng 2, cột "max" (C): điểm tối đa của "1" có dấu "." nhưng đang bật --decimal-comma; giá trị là "1.5"; cần số dùng dấu phẩy thập phân như 12,5 (đang bật --decimal-comma; 1.200 sẽ được hiểu là một nghìn hai trăm — hãy viết 1200) [bad-number]',
    );
    expect(formatIssue(issue, { lang: 'en' })).toBe(
      'fw.csv, row 2, column "max" (C): max of "1" has a "." but --decimal-comma is on; found "1.5"; expected a number with a decimal comma such as 12,5 (--decimal-comma is on; 1.200 would be twelve hundred — write 1200) [bad-number]',
    );
  });

  it('an unknown column, with the nearest field', () => {
    const issue = only(() => round(FW, UNITS, csv('unit,criterion,self,apraised', 'noi-vu,1.2,1,1')));
    expect(issue.suggestion).toBe('appraised');
    const free = 'stt, no, số tt, title, tên tiêu chí, max, điểm tối đa, name, unitName, tên đơn vị, rule, cách chấm, params, tham số, hint, hướng dẫn nhập';
    expect(formatIssue(issue)).toBe(
      `evidence.csv, dòng 1, cột "apraised" (D): không nhận ra cột "apraised" trong tệp điểm tự chấm, thẩm định; có phải là "appraised"?; giá trị là "apraised"; cần một trong các cột "unit", "criterion", "self", "appraised", "evidence", "note" (hoặc một cột không được đọc: ${free}) [unknown-column]`,
    );
    expect(formatIssue(issue, { lang: 'en' })).toBe(
      `evidence.csv, row 1, column "apraised" (D): unknown column "apraised" in the evidence file; did you mean "appraised"?; found "apraised"; expected one of "unit", "criterion", "self", "appraised", "evidence", "note" (or a free column: ${free}) [unknown-column]`,
    );
  });

  it('a criterion code written twice', () => {
    const issue = only(() => round(csv('code,title,max', '1,Chỉ đạo,1', '1,Điều hành,2'), UNITS));
    expect(formatIssue(issue)).toBe('fw.csv, dòng 3, cột "code" (A): mã tiêu chí "1" xuất hiện hai lần (lần đầu ở dòng 2); giá trị là "1"; cần mỗi mã chỉ một lần [duplicate-code]');
    expect(formatIssue(issue, { lang: 'en' })).toBe('fw.csv, row 3, column "code" (A): criterion code "1" appears twice (first on row 2); found "1"; expected each code once [duplicate-code]');
  });

  it('a SIPAS answer outside 1..5', () => {
    const issue = only(() => scoreSurveyCsv(definition(), csv('form,unit,q1_1,q1_2', '1,noi-vu,5,7'), { file: 'phieu.csv' }));
    expect(formatIssue(issue)).toBe(
      'phieu.csv, dòng 2, cột "q1_2" (D): câu trả lời cho câu hỏi "1.2" không hợp lệ; giá trị là "7"; cần từ 1 đến 5 (1 = rất không hài lòng … 5 = rất hài lòng), hoặc để trống / 0 nếu không trả lời [bad-answer]',
    );
    expect(formatIssue(issue, { lang: 'en' })).toBe('phieu.csv, row 2, column "q1_2" (D): bad answer to question "1.2"; found "7"; expected 1 to 5 (1 = rất không hài lòng … 5 = rất hài lòng), or blank / 0 for no answer [bad-answer]');
  });

  it('a second row for the same cell in another evidence table names that table', () => {
    const { fw, units } = round(FW, UNITS);
    const issue = only(() => twoEvidenceTables(fw, units));
    expect(formatIssue(issue)).toBe(
      'b.xlsx, trang tính "so", dòng 2, cột "criterion" (B): dòng thứ hai cho đơn vị "noi-vu", tiêu chí "1.1" (dòng đầu ở a.csv, dòng 2); giá trị là "1.1"; cần mỗi đơn vị, mỗi tiêu chí một dòng [duplicate-row]',
    );
    expect(formatIssue(issue, { lang: 'en' })).toBe(
      'b.xlsx, sheet "so", row 2, column "criterion" (B): a second row for unit "noi-vu", criterion "1.1" (first on a.csv, row 2); found "1.1"; expected one row per unit and criterion [duplicate-row]',
    );
  });
});

/** The same (unit, criterion) in a CSV file and in a sheet of a workbook. */
function twoEvidenceTables(fw: Framework, units: Units) {
  const a = parseCsvTable(csv('unit,criterion,self,appraised', 'noi-vu,1.1,1,1'), { file: 'a.csv' });
  const b = makeTable(['unit', 'criterion', 'self', 'appraised'], [{ row: 2, cells: ['noi-vu', '1.1', '0', '0'] }], { file: 'b.xlsx', sheet: 'so' });
  return buildInputs(fw, units, { evidence: [a, b] });
}

/** Representative bad inputs of the core's folders: each throws issues. */
const BAD: [string, () => unknown][] = [
  ['not a number', () => round(FW, UNITS, csv('unit,criterion,self,appraised', 'noi-vu,1.2,abc,1'))],
  ['point under --decimal-comma in an input', () => round(FW, UNITS, csv('unit,criterion,self,appraised', 'noi-vu,1.2,"1,5",1.5'), undefined, { decimalComma: true })],
  ['a yes/no cell', () => round(FW, UNITS, csv('unit,criterion,self,appraised', 'noi-vu,1.1,maybe,NA'))],
  ['unknown column', () => round(FW, UNITS, csv('unit,criterion,self,apraised', 'noi-vu,1.2,1,1'))],
  ['missing column', () => round(FW, csv('unit,name', 'noi-vu,Sở Nội vụ'))],
  ['bad unit id, duplicate unit', () => round(FW, csv('unit,name,group', 'ALL,Tất cả,so', 'noi-vu,A,so', 'noi-vu,B,so', 'tu-phap,C,'))],
  ['framework tree and max', () => round(csv('code,title,max,method,rule,params', '1,A,5,,,', '1.1,B,,,,', '1.2,C,2,survey,points,', '1.3,D,1,,adjust,min=2 max=1', '2.1,E,1,,,', '1.1,F,1,,,'), UNITS)],
  ['tiers and params', () => round(csv('code,title,max,rule,params', '1,A,2,tiers,>=70:1 | >90:2', '2,B,1,ratio,target=0', '3,C,1,points,allowed=0;2', '4,D,1,yesno,x=1', '5,E,1,ratio,goal=3', '6,F,1,tiers,>90:x | else:0'), UNITS)],
  ['evidence against the framework and units', () => round(FW, UNITS, csv('unit,criterion,self,appraised', 'x,1.1,1,1', 'noi-vu,9,1,1', 'noi-vu,1,1,1', 'noi-vu,1.1,1,1', 'noi-vu,1.1,1,1'))],
  ['survey results', () => round(csv('code,title,max,method', '1,A,2,survey'), UNITS, undefined, csv('unit,criterion,score', 'noi-vu,1,120', 'tu-phap,1,abc'))],
  ['bad CSV and too many cells', () => parseCsvTable('a,b\n1,"x"y\n', { file: 'x.csv' })],
  ['too many cells', () => parseCsvTable('a,b\n1,2,3\n', { file: 'x.csv' })],
  ['bad JSON', () => parseJsonText('{"a": }', { file: 'x.json' })],
  ['bad settings', () => parseSettingsRecord({ decimals: 'x', foo: 1, bands: 'A=>90' })],
  ['bad bands', () => parseBands('A=>90')],
  ['SIPAS definition', () => buildSurveyDefinition(parseCsvTable(csv('code,title,column,weight', '1,A,,0', '1.1,B,q,', '1.1,C,q,', '2.1,D,unit,'), { file: 'd.csv' }))],
  ['SIPAS responses header', () => scoreSurveyCsv(definition(), csv('form,unit,q1_1,Q1-2', '1,noi-vu,5,5'))],
  ['SIPAS forms', () => scoreSurveyCsv(definition(), csv('form,unit,q1_1,q1_2', '1,,5,5', '2,x,5,5', '3,ALL,5,5', '4,noi-vu,5', '5,noi-vu,5,5,5'), { units: round(FW, UNITS).units })],
  ['SIPAS quote never closed', () => scoreSurveyCsv(definition(), 'form,unit,q1_1,q1_2\n1,noi-vu,"5,5\n')],
  ['absent and missing inputs', () => absentAndMissing()],
  ['exact arithmetic', () => Exact.of(1, 0)],
];

function absentAndMissing() {
  const r = round(FW, UNITS, csv('unit,criterion,self,appraised', 'noi-vu,1.1,1,1'));
  const report = missingReport(r.inputs);
  throw new ParIndexError([...report.absent, ...missingInputIssues(report.cells)]);
}

describe('every issue of the core comes from both catalogues', () => {
  const keys = new Set<string>();
  for (const [name, fn] of BAD) {
    it(name, () => {
      const issues = issuesOf(fn);
      expect(issues.length).toBeGreaterThan(0);
      for (const issue of issues) {
        expect(issue.key, `${issue.code}: ${issue.message}`).toBeDefined();
        const key = issue.key!;
        keys.add(key);
        expect(Object.hasOwn(en, key) && Object.hasOwn(vi, key), key).toBe(true);
        expect(codeOfKey(key)).toBe(issue.code);
        // The Vietnamese line is worded from the Vietnamese catalogue, not the English text kept on the issue.
        expect(formatIssue(issue), key).not.toBe(formatIssue(issue, { lang: 'en' }));
      }
    });
  }
  it('the inputs above reach many messages', () => {
    expect(keys.size).toBeGreaterThanOrEqual(35);
  });
});
