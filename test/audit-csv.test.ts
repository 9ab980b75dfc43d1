/**
 * The audit CSV (`score --format xlsx --audit csv`) is written by a fast writer that remembers each
 * leaf's cells per value; it must give, byte for byte, the lines of the reference — the workbook's
 * audit rows (`auditRowBatches`) each made a line by `auditCsvLine` — in every CSV style and
 * language, on the sample (evidence references read back from the file), generated rounds with
 * ratio points that do not terminate, and hand-made rounds with every kind of cell: NA, blank,
 * missing rows, `yesno` labels, survey scores, negative adjustments, inputs too long for the typed
 * arrays, references that look like formulas or hold delimiters and quotes.
 */
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { appliesTo } from '../src/criteria/framework.js';
import { RULES } from '../src/criteria/rules/index.js';
import type { InputMatrix } from '../src/criteria/inputs.js';
import { loadRound } from '../src/node/round.js';
import { csvDialect, type CsvOutputOptions } from '../src/report/csv-write.js';
import { type ScoreResult, scoreMatrix } from '../src/scoring/score.js';
import { syntheticRound } from '../src/testing/round-gen.js';
import { auditCsvLine, writeAuditCsv } from '../src/xlsx/audit-csv.js';
import { AUDIT_COLUMNS, auditRowBatches } from '../src/xlsx/results-workbook.js';
import { csv, round, SAMPLE } from './support/round.js';

type Style = Pick<CsvOutputOptions, 'csvStyle' | 'lang' | 'bom' | 'delimiter'>;
const STYLES: Style[] = [{}, { csvStyle: 'vi', bom: true }, { lang: 'en' }, { csvStyle: 'vi', lang: 'en' }];

/** The reference text: the header, then every audit row as a line. */
function reference(result: ScoreResult, inputs: InputMatrix, style: Style, labels?: { leagues: Map<string, string>; groups: Map<string, string> }): string {
  const d = csvDialect(style);
  const delimiter = d.write.delimiter ?? ',';
  let text = (d.write.bom ? '\ufeff' : '') + auditCsvLine(AUDIT_COLUMNS[d.lang], delimiter, d.numberStyle) + '\r\n';
  for (const batch of auditRowBatches(result, inputs, { labels, lang: d.lang })) for (const row of batch) text += auditCsvLine(row, delimiter, d.numberStyle) + '\r\n';
  return text;
}

/** What writeAuditCsv writes, with the progress it reports. */
async function written(result: ScoreResult, inputs: InputMatrix, style: Style, labels?: { leagues: Map<string, string>; groups: Map<string, string> }) {
  const parts: Uint8Array[] = [];
  const progress: number[] = [];
  await writeAuditCsv(result, inputs, { ...style, labels, progress: (done) => progress.push(done) }, { write: (b) => parts.push(b.slice()), ready: async () => {} });
  return { text: new TextDecoder('utf-8', { ignoreBOM: true, fatal: true }).decode(Buffer.concat(parts)), progress };
}

async function expectSame(result: ScoreResult, inputs: InputMatrix, labels?: { leagues: Map<string, string>; groups: Map<string, string> }, styles: Style[] = STYLES) {
  for (const style of styles) {
    const want = reference(result, inputs, style, labels);
    const got = await written(result, inputs, style, labels);
    expect(got.text.length, JSON.stringify(style)).toBe(want.length);
    expect(got.text === want, JSON.stringify(style)).toBe(true);
    expect(got.progress.at(-1)).toBe(result.units.length);
  }
}

describe('audit CSV: the fast writer equals the reference rows', () => {
  it('on the Hà Nội sample, references read back from the evidence file, league names from the units file', async () => {
    const r = await loadRound({ framework: join(SAMPLE, 'framework.csv'), units: join(SAMPLE, 'units.csv'), evidence: [join(SAMPLE, 'evidence.csv')], survey: join(SAMPLE, 'survey.csv') });
    const result = scoreMatrix(r.framework, r.units, r.inputs);
    const labels = {
      leagues: new Map([
        ['so', 'Khối sở'],
        ['huyen', 'Khối huyện'],
      ]),
      groups: new Map<string, string>(),
    };
    await expectSame(result, r.inputs, labels);
    const text = (await written(result, r.inputs, {})).text;
    expect(text.split('\r\n').length - 2).toBe(result.units.reduce((n, u) => n + r.framework.leaves.filter((c) => appliesTo(c, u.group)).length, 0));
    // Sở Tài chính's appraised 1.1.1 (yesno): its label and its point, from evidence.csv.
    expect(text).toMatch(/\r\nso,tai-chinh,Sở Tài chính,1\.1\.1,[^\r]*,yesno,,1,có,có,có,đã thẩm định,1,1,BC 404\/BC-STC ngày 13\/07\/2021,,evidence\.csv:45\r\n/);
  });

  it('on generated rounds: one denominator, and ratio targets whose points do not terminate', async () => {
    for (const spec of [
      { units: 200, criteria: 50, seed: 4 },
      { units: 80, criteria: 30, seed: 11, targets: 'coprime' as const },
    ]) {
      const g = syntheticRound(spec);
      const fw = g.framework();
      const units = g.units();
      const inputs = g.inputs(fw, units);
      await expectSame(scoreMatrix(fw, units, inputs), inputs);
    }
  });

  it('on hand-made rounds with every kind of cell', async () => {
    const r = round(
      csv(
        'code,title,max,method,rule,params,groups',
        '1,A,,,,,',
        '1.1,"a, b",2,,points,,',
        '1.2,=b,1,,yesno,,',
        '1.3,c,3,,ratio,target=7,',
        '1.4,d,4,,points,,',
        '1.5,e,2,survey,survey,,',
        '2,B,,,,,',
        '2.1,f,,,adjust,min=-2 max=1,',
        '2.2,g,5,,tiers,>=4:5 | >=2:2.5 | else:0,x',
      ),
      csv('unit,name,group,rankGroup', 'u,"U ""one""",g,k', 'v,V;2,x,k', 'w,=W,g,k'),
      csv(
        'unit,criterion,self,appraised,evidence,note',
        'u,1.1,NA,1.5,"=HYPERLINK(""x"")",a;b',
        'u,1.2,có,,@ref,',
        'u,1.3,20,10,,"line1\nline2"',
        'u,2.1,1,-1.5,-2 trừ,+note',
        'u,1.4,1.2345,0.00012,,',
        'v,1.1,2,NA,BC 1,',
        'v,1.3,0.000000000000000000001,6.5,,',
        'v,1.4,3.5,3.25,,',
        'v,2.2,4,3,"say ""hi""",',
        'w,1.1,1.25,1.25,,',
        'w,1.3,99999999999999.9,,,',
        'w,1.4,,,,',
      ),
      csv('unit,criterion,score', 'u,1.5,50', 'v,1.5,NA', 'w,1.5,33.333'),
    );
    const result = scoreMatrix(r.fw, r.units, r.inputs);
    await expectSame(result, r.inputs);
    const text = (await written(result, r.inputs, {})).text;
    expect(text).toContain(`,1.3,c,ratio,target=7,3,0.000000000000000000001,6.5,6.5,đã thẩm định,${Number((19.5 / 7).toFixed(12))},3,,,\r\n`);
    expect(text).toContain(`k,v,"V;2",1.4,d,points,,4,3.5,3.25,3.25,đã thẩm định,3.25,4,,,\r\n`);
    expect(text).toContain(`k,w,'=W,1.3,c,ratio,target=7,3,99999999999999.9,,99999999999999.9,chưa thẩm định (dùng điểm tự chấm),3,3,,,\r\n`);
    expect(text).toContain(`k,u,"U ""one""",1.1,"a, b",points,,2,NA,1.5,1.5,đã thẩm định,1.5,2,"'=HYPERLINK(""x"")","a;b",evidence.csv:2\r\n`);
  });

  it('points printed from the kernel’s integers: negative, zero, many decimals, past 1000, beside points that do not terminate', async () => {
    // Inputs in the kernel's bounds (a plan): every points cell with at most 12 decimals is written
    // from the kernel's integer, the others (ratio target 7, points of 1000 and more) by value.
    const r = round(
      csv(
        'code,title,max,method,rule,params,groups',
        '1,A,,,,,',
        '1.1,a,2,,points,,',
        '1.2,b,3,,ratio,target=8,',
        '1.3,c,3,,ratio,target=7,',
        '1.4,d,5000,,points,,',
        '1.5,e,2,survey,survey,,',
        '2,B,,,,,',
        '2.1,f,,,adjust,min=-2 max=1,',
        '2.2,g,5,,tiers,>=4:5 | >=2:2.5 | else:0,',
      ),
      csv('unit,name,group,rankGroup', 'u,U,g,k', 'v,V,g,k'),
      csv(
        'unit,criterion,self,appraised,evidence,note',
        'u,1.1,0.000001,1.999999,,',
        'u,1.2,10,5,,',
        'u,1.3,10,6.5,,',
        'u,1.4,999.5,1000.25,,',
        'u,2.1,1,-1.5,,',
        'u,2.2,4,3,,',
        'v,1.1,0,0,,',
        'v,1.2,0,8,,',
        'v,1.3,0,7,,',
        'v,1.4,0.5,12,,',
        'v,2.1,0,0,,',
        'v,2.2,1,1,,',
      ),
      csv('unit,criterion,score', 'u,1.5,33.333', 'v,1.5,100'),
    );
    const result = scoreMatrix(r.fw, r.units, r.inputs);
    // Delimiters a number could hold (`,` with decimal commas, `-`, `.`) turn the kernel's path off.
    await expectSame(result, r.inputs, undefined, [...STYLES, { csvStyle: 'vi', delimiter: ',' }, { delimiter: '-' }, { delimiter: '.' }]);
    // The rules' exact points are asked only for the cells off the kernel's path: 6.5 of a ratio of
    // 7 (its points do not terminate) and 1000.25 points (past 1000), each once.
    const spies = (['points', 'ratio', 'survey', 'adjust', 'tiers'] as const).map((n) => vi.spyOn(RULES[n], 'points'));
    let text: string;
    try {
      text = (await written(result, r.inputs, {})).text;
      expect(spies.flatMap((spy) => spy.mock.calls.map(([leaf, value]) => `${(leaf as { code?: string }).code}:${value.toString()}`)).sort()).toEqual(['1.3:6.5', '1.4:1000.25']);
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
    const vi_ = (await written(result, r.inputs, { csvStyle: 'vi' })).text;
    // 1.999999 points; 5 × 3 / 8 = 1.875; 6.5 × 3 / 7 does not terminate.
    expect(text).toContain(',1.1,a,points,,2,0.000001,1.999999,1.999999,đã thẩm định,1.999999,2,,,\r\n');
    expect(vi_).toContain(';1.1;a;points;;2;"0,000001";"1,999999";"1,999999";đã thẩm định;"1,999999";2;;;\r\n');
    expect(text).toContain(',1.2,b,ratio,target=8,3,10,5,5,đã thẩm định,1.875,3,,,\r\n');
    expect(text).toContain(`,1.3,c,ratio,target=7,3,10,6.5,6.5,đã thẩm định,${Number((19.5 / 7).toFixed(12))},3,,,\r\n`);
    // 1000.25 points: past 10^15 × 10^-12, by value.
    expect(text).toContain(',1.4,d,points,,5000,999.5,1000.25,1000.25,đã thẩm định,1000.25,5000,,,\r\n');
    // 33.333 of 100 on a survey leaf of max 2: 0.66666; a deduction of 1.5; a tier of 2.5; zeros.
    expect(text).toContain(',1.5,e,survey,,2,,33.333,33.333,điều tra xã hội học,0.66666,2,,,\r\n');
    expect(vi_).toContain(';1.5;e;survey;;2;;"33,333";"33,333";điều tra xã hội học;"0,66666";2;;;\r\n');
    expect(text).toContain(',2.1,f,adjust,min=-2 max=1,,1,-1.5,-1.5,đã thẩm định,-1.5,0,,,\r\n');
    expect(vi_).toContain(';2.1;f;adjust;min=-2 max=1;;1;"-1,5";"-1,5";đã thẩm định;"-1,5";0;;;\r\n');
    expect(text).toContain('k,v,V,1.1,a,points,,2,0,0,0,đã thẩm định,0,2,,,\r\n');
    expect(text).toContain(',2.2,g,tiers,>=4:5 | >=2:2.5 | else:0,5,4,3,3,đã thẩm định,2.5,5,,,\r\n');
  });
});
