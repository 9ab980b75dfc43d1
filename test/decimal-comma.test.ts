/**
 * `--decimal-comma` (docs/spec.md §1): under the flag the decimal separator is `,` in every text cell
 * of the run — framework `max` and `params`, evidence, survey — and a `.` there is a located
 * `bad-number` error (Vietnamese `1.200` is twelve hundred, never 1.2). Numbers that came in as
 * numbers (xlsx number cells, JSON numbers, JS numbers in row objects) are not text: the flag does
 * not touch them.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRound, score } from '../src/index.js';
import { sampleTables } from '../src/data/sample.js';
import { loadRound } from '../src/node/round.js';
import { scoreResultJson } from '../src/scoring/result-json.js';
import { scoreMatrix } from '../src/scoring/score.js';
import type { Table } from '../src/table/table.js';
import { catchError, csv, round, SAMPLE, sampleText, scoreCsv, unitOf } from './support/round.js';
import { tempDir, writeWorkbook } from './support/xlsx.js';

const COMMA_EXPECTED = 'a number with a decimal comma such as 12,5 (--decimal-comma is on; 1.200 would be twelve hundred — write 1200)';
const dir = tempDir('parindex-decimal-comma-');

describe('--decimal-comma: a "." in a text number cell is an error', () => {
  const fw = csv('code,title,max,method,rule,params,groups', '1,A,,,,,', '1.1,B,,,,,', '1.1.1,Số văn bản,1,,ratio,target=1500,');
  const units = csv('unit,name,group', 'noi-vu,Sở Nội vụ,so');

  it('reproduction: evidence `noi-vu,1.1.1,1.200,…` is refused, located, never read as 1.2', () => {
    const ev = csv('unit,criterion,self,appraised,evidence,note', 'noi-vu,1.1.1,1.200,1200,BC 477/BC-SNV,');
    const e = catchError(() => round(fw, units, ev, undefined, { decimalComma: true }));
    expect(e.issues).toHaveLength(1);
    expect(e.issues[0]).toMatchObject({ file: 'evidence.csv', row: 2, column: 'self', columnLetter: 'C', value: '1.200', code: 'bad-number', expected: COMMA_EXPECTED });
  });

  it('survey scores too', () => {
    const f = csv('code,title,max,method,rule,params,groups', '1,A,,,,,', '1.1,S,2,survey,,,');
    const e = catchError(() => round(f, units, undefined, csv('unit,criterion,score', 'noi-vu,1.1,81.29'), { decimalComma: true }));
    expect(e.issues[0]).toMatchObject({ file: 'survey.csv', row: 2, column: 'score', columnLetter: 'C', value: '81.29', code: 'bad-number', expected: COMMA_EXPECTED });
    const r = round(f, units, undefined, csv('unit,criterion,score', 'noi-vu,1.1,"81,29"'), { decimalComma: true });
    expect(scoreMatrix(r.fw, r.units, r.inputs).units[0].points.toString()).toBe('1.6258');
  });

  it('without the flag, 12,5 keeps its error and its hint', () => {
    const ev = csv('unit,criterion,self,appraised,evidence,note', 'noi-vu,1.1.1,"12,5",,,');
    const e = catchError(() => round(fw, units, ev));
    expect(e.issues[0]).toMatchObject({ row: 2, column: 'self', code: 'bad-input', value: '12,5' });
    expect(e.issues[0].expected).toMatch(/\(use --decimal-comma for 12,5\)/);
  });
});

describe('--decimal-comma: framework max and params', () => {
  const head = 'code;title;max;method;rule;params;groups';
  const units = csv('unit,name,group', 'a,A,g', 'b,B,g');
  const commaFw = csv(head, '1;A;;;;;', '1.1;r;37,5;;ratio;target=30,5;', '1.2;p;1;;points;"allowed=0;0,5;1";', '1.3;t;2;;tiers;>=90,5:2 | >=50:1,5 | else:0;', '1.4;j;;;adjust;min=-1,5 max=0,5;');
  const pointFw = csv(head, '1;A;;;;;', '1.1;r;37.5;;ratio;target=30.5;', '1.2;p;1;;points;"allowed=0;0.5;1";', '1.3;t;2;;tiers;>=90.5:2 | >=50:1.5 | else:0;', '1.4;j;;;adjust;min=-1.5 max=0.5;');
  const commaEv = csv('unit;criterion;self;appraised', 'a;1.1;20,25;15,5', 'a;1.2;1;0,5', 'a;1.3;90,5;70', 'a;1.4;-1,25;0,5', 'b;1.1;31;30,5', 'b;1.2;0,5;0', 'b;1.3;90,4;91', 'b;1.4;0;-1,5');
  const pointEv = commaEv.replace(/(\d),(\d)/g, '$1.$2');

  it('reads 37,5 and target=30,5 exactly under the flag', () => {
    const r = round(commaFw, units, commaEv, undefined, { decimalComma: true });
    const c = r.fw.byCode.get('1.1')!;
    expect(c.max.toString()).toBe('37.5');
    expect(c.params.target!.toString()).toBe('30.5');
    expect(r.fw.byCode.get('1.2')!.params.allowed!.map(String)).toEqual(['0', '0.5', '1']);
    expect(r.fw.byCode.get('1.3')!.params.tiers!.map((t) => `${t.op}${t.threshold ?? ''}:${t.points}`)).toEqual(['>=90.5:2', '>=50:1.5', 'else:0']);
    expect(r.fw.byCode.get('1.4')!.params.min!.toString()).toBe('-1.5');
  });

  it('scores exactly as the point version without the flag', () => {
    const comma = scoreResultJson(scoreCsv(commaFw, units, commaEv, undefined, { decimalComma: true }));
    const point = scoreResultJson(scoreCsv(pointFw, units, pointEv));
    expect(comma).toEqual(point);
    expect(unitOf(scoreCsv(pointFw, units, pointEv), 'a').points.toString()).not.toBe('0');
  });

  it('a "." in max or params under the flag is a located bad-number error', () => {
    const bad = csv(head, '1;A;;;;;', '1.1;r;37.5;;ratio;target=30,5;', '1.2;r;1;;ratio;target=30.5;');
    const e = catchError(() => round(bad, units, undefined, undefined, { decimalComma: true }));
    expect(e.issues).toHaveLength(2);
    expect(e.issues[0]).toMatchObject({ file: 'fw.csv', row: 3, column: 'max', columnLetter: 'C', value: '37.5', code: 'bad-number', expected: COMMA_EXPECTED });
    expect(e.issues[1]).toMatchObject({ file: 'fw.csv', row: 4, column: 'params', columnLetter: 'F', value: 'target=30.5', code: 'bad-number', expected: COMMA_EXPECTED });
  });

  it('without the flag, 37,5 in max is still refused', () => {
    const e = catchError(() => round(commaFw, units));
    expect(e.issues[0]).toMatchObject({ row: 3, column: 'max', value: '37,5' });
  });
});

describe('--decimal-comma: numbers that came in as numbers are not text', () => {
  const fwCsv = () => {
    const p = join(dir, 'fw.csv');
    writeFileSync(p, csv('code,title,max,method,rule,params,groups', '1,A,,,,,', '1.1,p,2,,points,,'));
    return p;
  };
  const unitsCsv = () => {
    const p = join(dir, 'units.csv');
    writeFileSync(p, csv('unit,name,group', 'a,A,g'));
    return p;
  };
  const selfAndAppraised = async (files: Parameters<typeof loadRound>[0]) => {
    const r = await loadRound(files, { decimalComma: true });
    const s = scoreMatrix(r.framework, r.units, r.inputs);
    return [s.units[0].selfPoints?.toString(), s.units[0].points.toString()];
  };

  it('xlsx number cells are numbers; a text cell 1,5 reads 1.5; a text cell 1.5 is refused', async () => {
    const ev = await writeWorkbook(join(dir, 'ev.xlsx'), [
      {
        name: 'evidence',
        rows: [
          ['unit', 'criterion', 'self', 'appraised'],
          ['a', '1.1', 1.5, '1,5'],
        ],
      },
    ]);
    expect(await selfAndAppraised({ framework: fwCsv(), units: unitsCsv(), evidence: ev })).toEqual(['1.5', '1.5']);
    const bad = await writeWorkbook(join(dir, 'ev-bad.xlsx'), [
      {
        name: 'evidence',
        rows: [
          ['unit', 'criterion', 'self', 'appraised'],
          ['a', '1.1', 1.5, '1.5'],
        ],
      },
    ]);
    const e = await loadRound({ framework: fwCsv(), units: unitsCsv(), evidence: bad }, { decimalComma: true }).catch((x) => x);
    expect(e.issues[0]).toMatchObject({ file: bad, sheet: 'evidence', row: 2, column: 'appraised', columnLetter: 'D', value: '1.5', code: 'bad-number' });
  });

  it('an xlsx framework with max 37.5 as a number cell reads under the flag', async () => {
    const fw = await writeWorkbook(join(dir, 'fw.xlsx'), [
      {
        name: 'criteria',
        rows: [
          ['code', 'title', 'max', 'rule', 'params'],
          ['1', 'A', null, null, null],
          ['1.1', 'r', 37.5, 'ratio', 'target=30,5'],
        ],
      },
    ]);
    const ev = join(dir, 'ev-r.csv');
    writeFileSync(ev, csv('unit;criterion;self;appraised', 'a;1.1;30,5;15,25'));
    const r = await loadRound({ framework: fw, units: unitsCsv(), evidence: ev }, { decimalComma: true });
    expect(r.framework.byCode.get('1.1')!.max.toString()).toBe('37.5');
    expect(scoreMatrix(r.framework, r.units, r.inputs).units[0].points.toString()).toBe('18.75');
  });

  it('JSON numbers are numbers; JSON text "1,5" reads 1.5', async () => {
    const ev = join(dir, 'ev.json');
    writeFileSync(ev, JSON.stringify([{ unit: 'a', criterion: '1.1', self: 1.5, appraised: '1,5' }]));
    expect(await selfAndAppraised({ framework: fwCsv(), units: unitsCsv(), evidence: ev })).toEqual(['1.5', '1.5']);
    const fw = join(dir, 'fw.json');
    writeFileSync(fw, '{"criteria": [{"code": "1", "title": "A"}, {"code": "1.1", "title": "p", "max": 1.5, "rule": "points", "params": "allowed=0;0,5;1,5"}]}');
    const r = await loadRound({ framework: fw, units: unitsCsv(), evidence: ev }, { decimalComma: true });
    expect(r.framework.byCode.get('1.1')!.max.toString()).toBe('1.5');
  });

  it('createRound with row objects: JS numbers unaffected, text "1,5" read as 1.5, text "1.5" refused', () => {
    const input = (appraised: unknown) => ({
      framework: [
        { code: '1', title: 'A' },
        { code: '1.1', title: 'p', max: 2.5 },
      ],
      units: [{ unit: 'a', name: 'A', group: 'g' }],
      evidence: [{ unit: 'a', criterion: '1.1', self: 1.5, appraised }],
    });
    const result = score(createRound(input('1,5') as never, { decimalComma: true }));
    expect(result.units[0].points.toString()).toBe('1.5');
    expect(result.units[0].selfPoints!.toString()).toBe('1.5');
    expect(score(createRound(input(1.25) as never, { decimalComma: true })).units[0].points.toString()).toBe('1.25');
    const e = catchError(() => createRound(input('1.5') as never, { decimalComma: true }));
    expect(e.issues[0]).toMatchObject({ row: 2, column: 'appraised', value: '1.5', code: 'bad-number', expected: COMMA_EXPECTED });
    const f = catchError(() =>
      createRound(
        {
          ...input(1.5),
          framework: [
            { code: '1', title: 'A' },
            { code: '1.1', title: 'p', max: '2.5' },
          ],
        } as never,
        { decimalComma: true },
      ),
    );
    expect(f.issues[0]).toMatchObject({ column: 'max', value: '2.5', code: 'bad-number' });
  });
});

describe('--decimal-comma: the sample with its CSV files written with decimal commas', () => {
  /** A table as `;`-delimited CSV with `,` for the decimal point in the number columns `cols` (and in params). */
  const commaCsv = (t: Table, cols: number[], params = -1) => {
    const quote = (c: string) => (/[;"\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
    const cell = (c: string, j: number) => (cols.includes(j) ? c.replace('.', ',') : j === params ? c.replace(/(\d)\.(\d)/g, '$1,$2') : c);
    return [t.header.join(';'), ...t.rows.map((r) => r.cells.map((c, j) => quote(cell(c, j))).join(';'))].join('\n') + '\n';
  };

  it('scores identically with the flag (Sở Tài chính 89.83)', async () => {
    const t = sampleTables();
    const files = { framework: join(dir, 'framework.csv'), units: join(SAMPLE, 'units.csv'), evidence: join(dir, 'evidence.csv'), survey: join(dir, 'survey.csv') };
    writeFileSync(files.framework, commaCsv(t.framework, [2], 5));
    writeFileSync(files.evidence, commaCsv(t.evidence, [2, 3]));
    writeFileSync(files.survey, commaCsv(t.survey, [2]));
    expect(t.evidence.rows.some((r) => r.cells[2].includes('.'))).toBe(true);
    const r = await loadRound(files, { decimalComma: true });
    const got = scoreResultJson(scoreMatrix(r.framework, r.units, r.inputs));
    expect(got).toEqual(JSON.parse(sampleText('expected-score.json')));
    expect(got.units.find((u: { unit: string }) => u.unit === 'tai-chinh')?.index).toBe('89.83');
    // The point files under the flag are refused: every "." there is an error.
    const e = await loadRound({ framework: join(SAMPLE, 'framework.csv'), units: files.units, evidence: files.evidence, survey: files.survey }, { decimalComma: true }).catch((x) => x);
    expect(e.code).toBe('bad-number');
  });
});

describe('the built-in sample beside decimal-comma files', () => {
  it('createRound(sample(), { decimalComma: true }) reads the sample’s numbers with the point (as the CLI’s built-ins): Sở Tài chính 89.83', async () => {
    const { createRound, sample, score } = await import('../src/index.js');
    const r = score(createRound(sample(), { decimalComma: true }));
    expect(r.units.find((u) => u.unit === 'tai-chinh')?.index?.toFixed(2)).toBe('89.83');
  });
});
