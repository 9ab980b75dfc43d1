/**
 * SIPAS scoring by hand (docs/spec.md §5): form validity, invalid forms excluded, optional questions, a
 * question nobody answered, weights renormalised, `overall:`, ties, leagues from a units file,
 * the 1001 mean-of-parts rule on Hà Nội 2024's published parts, and located errors for bad
 * definitions and bad responses.
 */
import { safe } from '../src/errors.js';
import { describe, expect, it } from 'vitest';
import { buildUnits } from '../src/criteria/units.js';
import { parseCsvTable } from '../src/table/csv.js';
import { Exact } from '../src/numbers/exact.js';
import { surveyBuiltin } from '../src/sipas/builtins.js';
import { buildSurveyDefinition, parseSurveyDefinition, surveyDefinitionRows } from '../src/sipas/definition.js';
import { surveyResultCsv } from '../src/report/sipas-csv.js';
import { surveyResultJsonText } from '../src/report/sipas-json.js';
import { scoreSurveyCsv } from '../src/sipas/score.js';
import { scoreSurvey, type SurveyFileOptions as SurveyOptions } from '../src/node/sipas-file.js';
import { csv, issuesOf, issuesOfAsync } from './support/round.js';

const DEF = csv('code,title,column,weight,optional,aggregate', 'A,Factor A,,2,,', 'A.1,,a1,,,', 'A.2,,a2,3,,', 'B,Factor B,,,,overall:B.2', 'B.1,,b1,,,', 'B.2,,b2,,,', 'C,Feedback,,,,', 'C.1,,c1,,true,');
const def = () => buildSurveyDefinition(parseCsvTable(DEF, { file: 'def.csv' }));

const RESPONSES = csv(
  'form,unit,a1,a2,b1,b2,c1',
  '1,u1,5,4,3,5,',
  '2,u1,4,2,5,4,1',
  '3,u1,0,5,5,5,5', // invalid: a1 = 0 (no answer)
  '4,u1,2,,4,4,', // invalid: a2 blank
  '5,u1,1,2,2,1,4',
  '6,u2,5,5,5,5,', // u2: nobody answers the optional c1
  '7,u2,3,3,3,3,',
  '8,u3,1,1,1,1,1',
  '9,u4,5,5,,5,5', // u4: only invalid forms
);

const pct = (x: Exact | null | undefined) => (x == null ? null : x.toFixed(2));
const frac = (n: number, d: number) => Exact.of(n, d).mul(Exact.HUNDRED);

describe('SIPAS by hand', () => {
  const r = scoreSurveyCsv(def(), RESPONSES, { file: 'r.csv' });
  const u1 = r.byUnit.get('u1')!;

  it('counts forms, valid and invalid (a required question blank or 0 makes a form invalid)', () => {
    expect([u1.forms, u1.valid, u1.invalid, u1.skipped]).toEqual([5, 3, 2, 0]);
    expect(u1.counts.answered(0)).toBe(3);
    expect(u1.counts.satisfied(0)).toBe(2);
  });

  it('question share = 4–5 among 1–5 answers of valid forms only; the optional question counts where answered', () => {
    const n = u1.nodes;
    expect(n.get('A.1')!.eq(frac(2, 3))).toBe(true); // 5,4,1
    expect(n.get('A.2')!.eq(frac(1, 3))).toBe(true); // 4,2,2 — form 3's 5 is not counted
    expect(n.get('B.1')!.eq(frac(1, 3))).toBe(true);
    expect(n.get('B.2')!.eq(frac(2, 3))).toBe(true);
    expect(n.get('C.1')!.eq(frac(1, 2))).toBe(true); // answered on forms 2 and 5 only: 1, 4
  });

  it('weights: A = (1·2/3 + 3·1/3) / 4 = 5/12; overall:B.2 takes B.2, not the mean', () => {
    expect(u1.nodes.get('A')!.eq(frac(5, 12))).toBe(true);
    expect(pct(u1.nodes.get('A'))).toBe('41.67');
    expect(u1.nodes.get('B')!.eq(frac(2, 3))).toBe(true);
    // SIPAS = (2·5/12 + 1·2/3 + 1·1/2) / 4 = 1/2 exactly.
    expect(u1.index!.eq(Exact.of(50))).toBe(true);
  });

  it('a question nobody answered drops out with its node, and the other weights renormalise', () => {
    const u2 = r.byUnit.get('u2')!;
    expect(u2.nodes.get('C.1')).toBeNull();
    expect(u2.nodes.get('C')).toBeNull();
    // A = 1/2, B = b2 = 1/2; SIPAS = (2·1/2 + 1·1/2) / 3 = 1/2.
    expect(u2.index!.eq(Exact.of(50))).toBe(true);
  });

  it('a unit with no valid form has a null index, null nodes and no rank', () => {
    const u4 = r.byUnit.get('u4')!;
    expect([u4.forms, u4.valid, u4.invalid, u4.index, u4.rank]).toEqual([1, 0, 1, null, null]);
    expect([...u4.nodes.values()].every((v) => v === null)).toBe(true);
  });

  it('ranks on exact values with competition ties by default; dense and ordinal on request', () => {
    expect(r.units.map((u) => [u.unit, u.rank])).toEqual([
      ['u1', 1],
      ['u2', 1],
      ['u3', 3],
      ['u4', null],
    ]);
    const dense = scoreSurveyCsv(def(), RESPONSES, { ties: 'dense' });
    expect(dense.units.map((u) => u.rank)).toEqual([1, 1, 2, null]);
    const ordinal = scoreSurveyCsv(def(), RESPONSES, { ties: 'ordinal' });
    expect(ordinal.units.map((u) => u.rank)).toEqual([1, 2, 3, null]);
  });

  it('pools every form into ALL (last, no rank)', () => {
    expect([r.all.unit, r.all.forms, r.all.valid, r.all.invalid, r.all.rank]).toEqual(['ALL', 9, 6, 3, null]);
    // a1 over valid forms: 5,4,1, 5,3, 1 → 3 of 6.
    expect(r.all.nodes.get('A.1')!.eq(frac(1, 2))).toBe(true);
    const json = JSON.parse(surveyResultJsonText(r));
    expect(json.units.map((u: { unit: string }) => u.unit)).toEqual(['u1', 'u2', 'u3', 'u4', 'ALL']);
    expect(Object.keys(json.units[0])).toEqual(['unit', 'forms', 'valid', 'invalid', 'skipped', 'index', 'rank', 'nodes']);
    expect(json.units[0].nodes).toEqual({ A: '41.67', 'A.1': '66.67', 'A.2': '33.33', B: '66.67', 'B.1': '33.33', 'B.2': '66.67', C: '50.00', 'C.1': '50.00' });
    expect(json.units[3]).toMatchObject({ unit: 'u4', index: null, rank: null });
  });

  it('rounds only at output: --decimals and half-even apply to the exact value', () => {
    const r4 = scoreSurveyCsv(def(), RESPONSES, { decimals: 4 });
    expect(JSON.parse(surveyResultJsonText(r4)).units[0].nodes.A).toBe('41.6667');
    // 1/8 = 12.5 %: half-up 13, half-even 12 at 0 decimals.
    const eighth = csv('form,unit,a1,a2,b1,b2,c1', ...Array.from({ length: 8 }, (_, i) => `${i},u,${i === 0 ? 5 : 1},1,1,1,`));
    expect(pct(scoreSurveyCsv(def(), eighth).units[0].nodes.get('A.1'))).toBe('12.50');
    expect(JSON.parse(surveyResultJsonText(scoreSurveyCsv(def(), eighth, { decimals: 0 }))).units[0].nodes['A.1']).toBe('13');
    expect(JSON.parse(surveyResultJsonText(scoreSurveyCsv(def(), eighth, { decimals: 0, rounding: 'half-even' }))).units[0].nodes['A.1']).toBe('12');
  });

  it('an overall: question that nobody answered makes its node drop out', () => {
    const d = buildSurveyDefinition(parseCsvTable(csv('code,title,column,weight,optional,aggregate', '1,,,,,overall:1.2', '1.1,,x,,,', '1.2,,y,,true,', '2,,,,,', '2.1,,z,,,')));
    const res = scoreSurveyCsv(d, csv('form,unit,x,y,z', '1,u,5,,1', '2,u,5,,5'));
    const u = res.units[0];
    expect(u.nodes.get('1.1')!.eq(Exact.HUNDRED)).toBe(true);
    expect(u.nodes.get('1')).toBeNull();
    expect(u.index!.eq(Exact.of(50))).toBe(true); // only node 2 (z: 1 of 2) is left
  });

  it('1001 rule: SIPAS = mean of the parts — Hà Nội 2024 policy 86.51 and service 86.49 give 86.50', () => {
    const b = surveyBuiltin('sipas-2023');
    const header = ['form', 'unit', ...b.questions.map((q) => q.column!)];
    const lines = [header.join(',')];
    // Every policy question is satisfied on 8651 of 10000 forms, every service question on 8649.
    for (let f = 0; f < 10000; f++) {
      const cells = b.questions.map((q) => {
        const policy = q.code.startsWith('1.');
        return f < (policy ? 8651 : 8649) ? (f % 2 ? '4' : '5') : String(1 + (f % 3));
      });
      lines.push([`f${f}`, 'ha-noi', ...cells].join(','));
    }
    const res = scoreSurveyCsv(b, lines.join('\n') + '\n');
    const u = res.units[0];
    expect(pct(u.nodes.get('1'))).toBe('86.51');
    expect(pct(u.nodes.get('2'))).toBe('86.49');
    expect(u.index!.eq(Exact.of(8650, 100))).toBe(true);
    expect(pct(u.index)).toBe('86.50');
  });

  it('leagues come from a units file: each ranked apart, units without forms listed with a null index', () => {
    const units = buildUnits(parseCsvTable(csv('unit,name,group,rankGroup', 'u1,Một,so,so', 'u3,Ba,quan,quan-huyen', 'u2,Hai,so,so', 'u4,Bốn,huyen,quan-huyen', 'u5,Năm,so,so'), { file: 'units.csv' }));
    const res = scoreSurveyCsv(def(), RESPONSES, { units });
    expect(res.units.map((u) => [u.rankGroup, u.unit, u.rank, u.forms])).toEqual([
      ['so', 'u1', 1, 5],
      ['so', 'u2', 1, 2],
      ['so', 'u5', null, 0],
      ['quan-huyen', 'u3', 1, 1],
      ['quan-huyen', 'u4', null, 1],
    ]);
    const json = JSON.parse(surveyResultJsonText(res));
    expect(Object.keys(json.units[0]).slice(0, 5)).toEqual(['unit', 'name', 'group', 'rankGroup', 'forms']);
    expect(json.units.at(-1)).toMatchObject({ unit: 'ALL', name: null, rankGroup: null, forms: 9 });
    const text = surveyResultCsv(res, { lang: 'en' });
    expect(text.split('\r\n')[0]).toBe('rankGroup,rank,unit,name,group,index,forms,valid,invalid,skipped,A,A.1,A.2,B,B.1,B.2,C,C.1');
    expect(surveyResultCsv(res).split('\r\n')[0]).toBe('Khối,Xếp hạng,Mã đơn vị,Tên đơn vị,Nhóm,Chỉ số SIPAS,Số phiếu,Phiếu hợp lệ,Phiếu không hợp lệ,Phiếu bị bỏ qua,A,A.1,A.2,B,B.1,B.2,C,C.1');
  });
});

describe('survey definitions are checked as a whole', () => {
  const build = (...rows: string[]) => issuesOf(() => buildSurveyDefinition(parseCsvTable(csv('code,title,column,weight,optional,aggregate', ...rows), { file: 'q.csv' })));

  it('reports every problem with its row and column', () => {
    const issues = build(
      '1,,,,,', // row 2
      '1.1,,x,0,,', // row 3: weight 0
      '1.1,,y,,,', // row 4: duplicate code
      '2.1,,z,,,', // row 5: orphan
      '3,,,,true,overall:1.1', // row 6: optional on a parent, overall outside
      '3.1,,x,,,mean', // row 7: aggregate on a question, column x twice
      '4,,col,-1,,', // row 8: column on a parent, weight < 0 (it is a parent of 4.1)
      '4.1,,unit,,,', // row 9: reserved column
      '5,,,abc,maybe,', // row 10: bad weight, bad flag
    );
    const got = issues.map((i) => [i.code, i.row, i.column]);
    expect(got).toEqual(
      expect.arrayContaining([
        ['bad-weight', 3, 'weight'],
        ['duplicate-code', 4, 'code'],
        ['orphan-code', 5, 'code'],
        ['optional-on-parent', 6, 'optional'],
        ['bad-overall', 6, 'aggregate'],
        ['aggregate-on-question', 7, 'aggregate'],
        ['duplicate-column', 7, 'column'],
        ['column-on-parent', 8, 'column'],
        ['bad-weight', 8, 'weight'],
        ['reserved-column', 9, 'column'],
        ['bad-value', 10, 'weight'],
        ['bad-value', 10, 'optional'],
      ]),
    );
    expect(issues.every((i) => i.file === 'q.csv')).toBe(true);
  });

  it('overall: must name a question (not a parent) inside the node', () => {
    expect(build('1,,,,,overall:1.1', '1.1,,,,,', '1.1.1,,x,,,').map((i) => i.code)).toEqual(['bad-overall']);
    expect(build('1,,,,,overall:1.9', '1.1,,x,,,').map((i) => i.code)).toEqual(['bad-overall']);
    expect(() => buildSurveyDefinition(parseCsvTable(csv('code,title,column,weight,optional,aggregate', '1,,,,,overall:1.1.1', '1.1,,,,,', '1.1.1,,x,,,')))).not.toThrow();
  });

  it('a reserved column name is refused, and a question reads its code when column is blank', () => {
    expect(build('1,,,,,', '1.1,,Đơn vị,,,').map((i) => i.code)).toEqual(['reserved-column']);
    const d = buildSurveyDefinition(parseCsvTable(csv('code,title', '1,', '1.1,', '1.2,')));
    expect(d.questions.map((q) => q.column)).toEqual(['1.1', '1.2']);
  });

  it('accepts JSON ({"questions": [...]}) with Vietnamese headers and writes rows back', () => {
    const d = parseSurveyDefinition({ questions: [{ code: '1' }, { code: '1.1', column: 'q1', weight: 2, optional: true }, { code: '1.2', column: 'q2' }] });
    expect(d.questions.map((q) => [q.column, q.weight.toString(), q.optional])).toEqual([
      ['q1', '2', true],
      ['q2', '1', false],
    ]);
    const vn = buildSurveyDefinition(parseCsvTable(csv('Mã câu hỏi,Nội dung,Cột,Trọng số,Không bắt buộc,Cách tổng hợp', '1,Chung,,,,', '1.1,Câu 1,c1,,có,')));
    expect(vn.questions[0].optional).toBe(true);
    expect(surveyDefinitionRows(vn)).toEqual([
      ['code', 'title', 'column', 'weight', 'optional', 'aggregate'],
      ['1', 'Chung', '', '', '', ''],
      ['1.1', 'Câu 1', 'c1', '', 'true', ''],
    ]);
  });
});

describe('bad responses are located errors', () => {
  const bad = csv('form,unit,a1,a2,b1,b2,c1', '1,u1,5,4,3,5,', '2,u1,4,7,5,4,1', '', '3,u2,5,5,x,5,', '4,u2,4,4,4,4,4');
  for (const reader of ['tokenizer', 'csv-parse'] as const) {
    it(`names file, row, column and value (${reader})`, async () => {
      const issues = await issuesOfAsync(() => scoreSurvey(def(), [Buffer.from(bad)], { file: 'r.csv', reader }));
      expect(issues.map((i) => [i.code, i.file, i.row, i.column, i.columnLetter, i.value])).toEqual([
        ['bad-answer', 'r.csv', 3, 'a2', 'D', '7'],
        ['bad-answer', 'r.csv', 5, 'b1', 'E', 'x'],
      ]);
      expect(issues[0].expected).toMatch(/1 to 5/);
    });

    it(`--skip-bad-rows drops those forms and counts them in forms, invalid, skipped (${reader})`, async () => {
      const res = await scoreSurvey(def(), [Buffer.from(bad)], { skipBadRows: true, reader });
      const u1 = res.byUnit.get('u1')!;
      const u2 = res.byUnit.get('u2')!;
      expect([u1.forms, u1.valid, u1.invalid, u1.skipped]).toEqual([2, 1, 1, 1]);
      expect([u2.forms, u2.valid, u2.invalid, u2.skipped]).toEqual([2, 1, 1, 1]);
      expect([res.all.forms, res.all.skipped]).toEqual([4, 2]);
      // Only the clean forms count: u1's a1 is form 1's 5.
      expect(u1.nodes.get('A.1')!.eq(Exact.HUNDRED)).toBe(true);
    });
  }

  it('rejects values other than blank and 0–5: 6, -1, 4.0, 04, 4,5 (in ; files), ½', () => {
    for (const v of ['6', '-1', '4.0', '04', '"4,5"', '½', '4 4']) {
      const issues = issuesOf(() => scoreSurveyCsv(def(), csv('form,unit,a1,a2,b1,b2,c1', `1,u,${v},4,4,4,`)));
      expect(issues.map((i) => i.code)).toEqual(['bad-answer']);
    }
    // White space around an answer is ignored; 0 and blank are no answer.
    const ok = scoreSurveyCsv(def(), csv('form;unit;a1;a2;b1;b2;c1', '1;u; 4 ;"5";0;4;', '2;u;4;4;4;4;0'));
    expect([ok.units[0].valid, ok.units[0].invalid]).toEqual([1, 1]);
  });

  it('a unit outside the units file, a form without a unit, a missing or doubled column', async () => {
    const units = buildUnits(parseCsvTable(csv('unit,name,group', 'u1,,so')));
    const o: SurveyOptions = { units, file: 'r.csv' };
    expect(issuesOf(() => scoreSurveyCsv(def(), csv('form,unit,a1,a2,b1,b2,c1', '1,u1,5,5,5,5,', '2,zz,5,5,5,5,'), o)).map((i) => [i.code, i.row, i.column, i.value])).toEqual([['unknown-unit', 3, 'unit', 'zz']]);
    expect(issuesOf(() => scoreSurveyCsv(def(), csv('form,unit,a1,a2,b1,b2,c1', '1, ,5,5,5,5,'))).map((i) => [i.code, i.row])).toEqual([['missing-unit', 2]]);
    expect(issuesOf(() => scoreSurveyCsv(def(), csv('form,unit,a1,a2,b1,b2', '1,u,5,5,5,5'))).map((i) => [i.code, i.row])).toEqual([['missing-column', 1]]);
    expect(issuesOf(() => scoreSurveyCsv(def(), csv('form,unit,a1,a2,b1,b2,c1,a1', '1,u,5,5,5,5,,5'))).map((i) => [i.code, i.column, i.columnLetter])).toEqual([['duplicate-column', 'a1', 'H']]);
    // The exact name and a case variant: ambiguous too (which one holds the answers?).
    expect(issuesOf(() => scoreSurveyCsv(def(), csv('form,unit,a1,a2,b1,b2,c1,A1', '1,u,5,5,5,5,,5'))).map((i) => [i.code, i.column, i.columnLetter])).toEqual([['duplicate-column', 'A1', 'H']]);
    expect(issuesOf(() => scoreSurveyCsv(def(), csv('form,a1,a2,b1,b2,c1', '1,5,5,5,5,'))).map((i) => i.code)).toEqual(['missing-column']);
    expect(issuesOf(() => scoreSurveyCsv(def(), '')).map((i) => i.code)).toEqual(['empty-file']);
    expect(issuesOf(() => scoreSurveyCsv(def(), csv('form,unit,a1,a2,b1,b2,c1', '1,all,5,5,5,5,', '2,all,5,5,5,5,'))).map((i) => [i.code, i.row])).toEqual([['reserved-unit', 2]]);
    expect(safe(() => scoreSurveyCsv(def(), csv('form,unit,a1,a2,b1,b2,c1', '1,u,9,5,5,5,')))).toMatchObject({ ok: false, issues: [{ code: 'bad-answer', row: 2, column: 'a1' }] });
  });

  it('malformed CSV is a bad-csv error in both readers', async () => {
    for (const text of ['form,unit,a1,a2,b1,b2,c1\n1,u,5"x",5,5,5,\n', 'form,unit,a1,a2,b1,b2,c1\n1,u,"5"x,5,5,5,\n', 'form,unit,a1,a2,b1,b2,c1\n1,u,"5,5,5,5,\n']) {
      for (const reader of ['tokenizer', 'csv-parse'] as const) {
        const issues = await issuesOfAsync(() => scoreSurvey(def(), [Buffer.from(text)], { reader, file: 'r.csv' }));
        expect(issues.map((i) => [i.code, i.file])).toEqual([['bad-csv', 'r.csv']]);
      }
    }
  });
});

describe('one responses column per question', () => {
  it('two questions whose columns differ only in case (or NFC form) are a duplicate-column in the definition', () => {
    const issues = issuesOf(() => buildSurveyDefinition(parseCsvTable(csv('code,title,column', '1,,', '1.1,,Q1', '1.2,,q1', '1.3,,Câu 3', '1.4,,ca\u0302u 3'), { file: 'q.csv' })));
    expect(issues.map((i) => [i.code, i.row, i.column, i.value])).toEqual([
      ['duplicate-column', 4, 'column', 'q1'],
      ['duplicate-column', 6, 'column', 'câu 3'.normalize('NFD')],
    ]);
    // Before, both bound the one header "Q1", the second silently taking it over.
  });

  it('binding refuses a column already bound (a definition built by hand, not checked)', () => {
    const d = def();
    const questions = d.questions.map((q) => ({ ...q }));
    questions[1].column = 'A1'; // question A.2 would read a1 (case ignored), which A.1 reads
    const hand = { ...d, questions };
    const issues = issuesOf(() => scoreSurveyCsv(hand, csv('form,unit,a1,a2,b1,b2,c1', '1,u,5,4,5,5,'), { file: 'r.csv' }));
    expect(issues.map((i) => [i.code, i.file, i.row, i.column, i.columnLetter])).toEqual([['duplicate-column', 'r.csv', 1, 'a1', 'C']]);
    expect(issues[0].message).toMatch(/already question "A.1"/);
    questions[1].column = 'Unit';
    const unit = issuesOf(() => scoreSurveyCsv(hand, csv('form,unit,a1,a2,b1,b2,c1', '1,u,5,4,5,5,')));
    expect(unit.map((i) => [i.code, i.column])).toEqual([['duplicate-column', 'unit']]);
    expect(unit[0].message).toMatch(/already the unit/);
  });
});
