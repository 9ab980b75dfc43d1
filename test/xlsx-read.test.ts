/**
 * Reading xlsx workbooks: sheet choice, exact numbers, formulas, rich text, booleans, dates, merged
 * and hidden sheets, and every bad-workbook case with its located error.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { safe } from '../src/errors.js';
import { describe, expect, it } from 'vitest';
import { buildInputs } from '../src/criteria/evidence.js';
import { buildFramework } from '../src/criteria/framework.js';
import { buildUnits } from '../src/criteria/units.js';
import { ParIndexError, type Issue } from '../src/errors.js';
import { parseCsvTable } from '../src/table/csv.js';
import { loadRound } from '../src/node/round.js';
import { loadTables } from '../src/node/files.js';
import { iterateWorkbookRows, readWorkbookTables } from '../src/node/xlsx-read.js';
import { exceljsCellText, shiftDecimalText } from '../src/xlsx/cell-text.js';
import { chooseSheets } from '../src/xlsx/sheet-choice.js';
import { scoreMatrix } from '../src/scoring/score.js';
import { parseRange, tapSheetXml, type MergeRange } from '../src/testing/exceljs-merges.js';
import { tempDir, writeWorkbook } from './support/xlsx.js';

const dir = tempDir();
const at = (name: string) => join(dir, name);

async function issuesOf(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    if (e instanceof ParIndexError) return e.issues;
    throw e;
  }
  throw new Error('expected a ParIndexError');
}

describe('reading cells', () => {
  it('numbers keep their shortest round-trip text; text, rich text, booleans, dates, hyperlinks and cached formulas become text', async () => {
    const p = await writeWorkbook(at('cells.xlsx'), [
      {
        name: 'evidence',
        rows: [
          ['unit', 'criterion', 'self', 'appraised', 'evidence', 'note'],
          ['a', '1.1', 0.1, 12.5, { richText: [{ text: 'CV ' }, { font: { bold: true }, text: '12/SNV' }] }, true],
          ['a', '1.2', 1e21, 0.000001, { text: 'link', hyperlink: 'https://example.org/x' }, new Date(Date.UTC(2021, 9, 24))],
          ['a', '1.3', '12,5', { formula: 'B1*2', result: 7.25 }, { formula: 'A1', result: 'text result' }, new Date(Date.UTC(2021, 9, 24, 8, 30))],
          ['a', '1.4', 3, -0, '  padded  ', false],
        ],
      },
    ]);
    const { tables } = await readWorkbookTables(p, 'evidence');
    expect(tables).toHaveLength(1);
    expect(tables[0]).toMatchObject({ file: p, sheet: 'evidence', header: ['unit', 'criterion', 'self', 'appraised', 'evidence', 'note'] });
    expect(tables[0].rows).toEqual([
      { row: 2, cells: ['a', '1.1', '0.1', '12.5', 'CV 12/SNV', 'true'] },
      { row: 3, cells: ['a', '1.2', '1000000000000000000000', '0.000001', 'link', '2021-10-24'] },
      { row: 4, cells: ['a', '1.3', '12,5', '7.25', 'text result', '2021-10-24T08:30:00'] },
      { row: 5, cells: ['a', '1.4', '3', '0', 'padded', 'false'] },
    ]);
  });

  it('drops blank and empty trailing rows but keeps spreadsheet row numbers', async () => {
    const p = await writeWorkbook(at('blank.xlsx'), [
      {
        name: 'units',
        rows: [[], ['unit', 'name', 'group'], ['a', 'A', 'so'], [null, null, null], ['b', 'B', 'so'], [], [null, '   ']],
      },
    ]);
    const { tables } = await readWorkbookTables(p, 'units');
    expect(tables[0].header).toEqual(['unit', 'name', 'group']);
    expect(tables[0].rows.map((r) => r.row)).toEqual([3, 5]);
  });
});

describe('choosing sheets', () => {
  it('picks sheets by kind name (English or Vietnamese, any case/diacritics), evidence across several sheets in tab order', async () => {
    const p = await writeWorkbook(at('multi.xlsx'), [
      { name: 'Hướng dẫn', rows: [['Điền vào các ô trắng']] },
      {
        name: 'Đánh giá quan-huyen',
        rows: [
          ['Mã đơn vị', 'Mã tiêu chí', 'Điểm thẩm định'],
          ['q1', '1.1', 1],
        ],
      },
      {
        name: 'DON VI',
        rows: [
          ['unit', 'name', 'group'],
          ['q1', 'Q1', 'quan'],
        ],
      },
      {
        name: 'danh gia so',
        rows: [
          ['Mã đơn vị', 'Mã tiêu chí', 'Điểm thẩm định'],
          ['s1', '1.1', 0],
        ],
      },
      { name: 'lists', rows: [['có'], ['không']], state: 'hidden' },
    ]);
    const ev = await readWorkbookTables(p, 'evidence');
    expect(ev.tables.map((t) => [t.sheet, t.rows[0].cells[0]])).toEqual([
      ['Đánh giá quan-huyen', 'q1'],
      ['danh gia so', 's1'],
    ]);
    const units = await loadTables(p, 'units');
    expect(units.map((t) => t.sheet)).toEqual(['DON VI']);
  });

  it('a single-sheet workbook is read whatever its sheet is called; settings/instructions sheets do not count', async () => {
    const p = await writeWorkbook(at('single.xlsx'), [
      {
        name: 'Sheet1',
        rows: [
          ['code', 'title', 'max'],
          ['1', 'A', null],
          ['1.1', 'a', 2],
        ],
      },
      {
        name: 'settings',
        rows: [
          ['key', 'value'],
          ['decimals', 3],
        ],
      },
    ]);
    const r = await readWorkbookTables(p, 'criteria');
    expect(r.tables[0].sheet).toBe('Sheet1');
    expect(r.settings?.rows).toEqual([{ row: 2, cells: ['decimals', '3'] }]);
  });

  it('chooseSheets: several unnamed visible sheets are not guessed', () => {
    expect(() => chooseSheets('f.xlsx', [{ name: 'A' }, { name: 'B' }], 'units')).toThrow(/no sheet of the workbook holds the units table/);
    expect(chooseSheets('f.xlsx', [{ name: 'A' }, { name: 'B', state: 'hidden' }], 'units')).toEqual([{ name: 'A' }]);
  });
});

describe('bad workbooks give located errors', () => {
  it('a formula without a cached result is an error, not zero', async () => {
    const p = await writeWorkbook(at('formula.xlsx'), [
      {
        name: 'evidence',
        rows: [
          ['unit', 'criterion', 'self', 'appraised'],
          ['a', '1.1', 1, { formula: 'C2*2' }],
        ],
      },
    ]);
    const issues = await issuesOf(readWorkbookTables(p, 'evidence'));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ file: p, sheet: 'evidence', row: 2, column: 'appraised', columnLetter: 'D', code: 'formula-without-value', value: '=C2*2' });
    expect(issues[0].expected).toMatch(/saved/);
  });

  it('an error cell (#DIV/0!) is located', async () => {
    const p = await writeWorkbook(at('errcell.xlsx'), [
      {
        name: 'evidence',
        rows: [
          ['unit', 'criterion', 'self'],
          ['a', '1.1', { formula: '1/0', result: { error: '#DIV/0!' } }],
        ],
      },
    ]);
    const issues = await issuesOf(readWorkbookTables(p, 'evidence'));
    expect(issues[0]).toMatchObject({ sheet: 'evidence', row: 2, columnLetter: 'C', column: 'self', code: 'error-cell' });
  });

  it('a merged header is an error naming its cells', async () => {
    const p = await writeWorkbook(at('merged-header.xlsx'), [
      {
        name: 'evidence',
        rows: [
          ['unit', 'criterion', 'Điểm', null],
          ['a', '1.1', 1, 1],
        ],
        edit: (ws) => ws.mergeCells('C1:D1'),
      },
    ]);
    const issues = await issuesOf(readWorkbookTables(p, 'evidence'));
    expect(issues[0]).toMatchObject({ file: p, sheet: 'evidence', row: 1, column: 'Điểm', columnLetter: 'C', code: 'merged-header', value: 'C1:D1' });
  });

  it('merged labels in the data are filled from their master cell', async () => {
    const p = await writeWorkbook(at('merged-data.xlsx'), [
      {
        name: 'evidence',
        rows: [
          ['unit', 'criterion', 'self'],
          ['a', '1.1', 1],
          [null, '1.2', 0],
          [null, '1.3', 2],
          ['b', '1.1', 1],
        ],
        edit: (ws) => ws.mergeCells('A2:A4'),
      },
    ]);
    const { tables } = await readWorkbookTables(p, 'evidence');
    expect(tables[0].rows.map((r) => r.cells[0])).toEqual(['a', 'a', 'a', 'b']);
  });

  it('a hidden sheet is never read: the only criteria sheet hidden is an error', async () => {
    const p = await writeWorkbook(at('hidden.xlsx'), [
      { name: 'notes', rows: [['x']] },
      {
        name: 'criteria',
        rows: [
          ['code', 'title', 'max'],
          ['1', 'A', 1],
        ],
        state: 'hidden',
      },
    ]);
    const issues = await issuesOf(readWorkbookTables(p, 'criteria'));
    expect(issues[0]).toMatchObject({ file: p, sheet: 'criteria', code: 'hidden-sheet' });
  });

  it('no sheet for the kind is an error listing the sheets', async () => {
    const p = await writeWorkbook(at('unknown.xlsx'), [
      { name: 'Bảng 1', rows: [['unit']] },
      { name: 'Bảng 2', rows: [['unit']] },
    ]);
    const issues = await issuesOf(readWorkbookTables(p, 'survey'));
    expect(issues[0]).toMatchObject({ file: p, code: 'sheet-not-found', value: 'Bảng 1, Bảng 2' });
    expect(issues[0].expected).toMatch(/survey/);
  });

  it('an empty sheet, a missing file and a file that is not a workbook are located errors', async () => {
    const empty = await writeWorkbook(at('empty.xlsx'), [{ name: 'units', rows: [] }]);
    expect((await issuesOf(readWorkbookTables(empty, 'units')))[0]).toMatchObject({ sheet: 'units', code: 'empty-sheet' });
    expect((await issuesOf(readWorkbookTables(at('nope.xlsx'), 'units')))[0]).toMatchObject({ code: 'file-not-found' });
    writeFileSync(at('fake.xlsx'), 'unit,name\na,b\n');
    expect((await issuesOf(readWorkbookTables(at('fake.xlsx'), 'units')))[0]).toMatchObject({ code: 'bad-xlsx', file: at('fake.xlsx') });
    const res = await safe(() => readWorkbookTables(at('nope.xlsx'), 'units'));
    expect(res.ok).toBe(false);
  });
});

describe('bad workbooks through the round loader', () => {
  const fwCsv = 'code,title,max,method,rule,params,groups\n1,A,,,,,\n1.1,a,2,,points,,\n1.2,b,1,,yesno,,\n';
  const unitsCsv = 'unit,name,group\nu,U,g\n';

  it('a bad number cell is located by sheet, row, column name and letter', async () => {
    writeFileSync(at('fw.csv'), fwCsv);
    writeFileSync(at('units.csv'), unitsCsv);
    const ev = await writeWorkbook(at('badnum.xlsx'), [
      {
        name: 'Đánh giá',
        rows: [
          ['Mã đơn vị', 'Mã tiêu chí', 'Điểm tự chấm', 'Điểm thẩm định'],
          ['u', '1.1', 1, 'hai'],
          ['u', '1.2', 'có', 3],
        ],
      },
    ]);
    const err = await loadRound({ framework: at('fw.csv'), units: at('units.csv'), evidence: ev }).catch((e) => e);
    expect(err).toBeInstanceOf(ParIndexError);
    expect(err.issues.map((i: Issue) => [i.file, i.sheet, i.row, i.column, i.columnLetter, i.value, i.code])).toEqual([
      [ev, 'Đánh giá', 2, 'Điểm thẩm định', 'D', 'hai', 'bad-input'],
      [ev, 'Đánh giá', 3, 'Điểm thẩm định', 'D', '3', 'bad-input'],
    ]);
    expect(err.issues[0].expected).toMatch(/0 to 2/);
  });

  it('a missing column is located by sheet and header row', async () => {
    const ev = await writeWorkbook(at('nocol.xlsx'), [
      {
        name: 'evidence',
        rows: [
          ['unit', 'self'],
          ['u', 1],
        ],
      },
    ]);
    const err = await loadRound({ framework: at('fw.csv'), units: at('units.csv'), evidence: ev }).catch((e) => e);
    expect(err.issues[0]).toMatchObject({ file: ev, sheet: 'evidence', row: 1, code: 'missing-column' });
    expect(err.issues[0].expected).toMatch(/criterion/);
  });

  it('a CSV with a UTF-8 BOM reads its first header cleanly', async () => {
    writeFileSync(at('bom.csv'), '\ufeffunit,criterion,self\nu,1.1,1\n');
    const [t] = await loadTables(at('bom.csv'), 'evidence');
    expect(t.header).toEqual(['unit', 'criterion', 'self']);
    const r = await loadRound({ framework: at('fw.csv'), units: at('units.csv'), evidence: at('bom.csv') });
    expect(r.inputs.present.reduce((a, b) => a + b, 0)).toBe(1);
  });

  it('a formula with a cached result of 0 reads as 0', async () => {
    const p = await writeWorkbook(at('zero.xlsx'), [
      {
        name: 'evidence',
        rows: [
          ['unit', 'criterion', 'self'],
          ['u', '1.1', { formula: '1-1', result: 0 }],
          ['u', '1.2', { formula: '"không"', result: '' }],
        ],
      },
    ]);
    const { tables } = await readWorkbookTables(p, 'evidence');
    expect(tables[0].rows.map((r) => r.cells[2])).toEqual(['0', '']);
  });
});

describe('merge tap', () => {
  it('finds merged ranges wherever the chunks split the XML, and passes every byte on', async () => {
    const xml = '<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData><mergeCells count="2"><mergeCell ref="A2:A4"/><mergeCell ref="C1:D1"/></mergeCells></worksheet>';
    for (let cut = 1; cut < xml.length; cut++)
      for (const mid of [1, 2, 5, 8, 9, 12]) {
        const chunks = [xml.slice(0, cut), ...Array.from({ length: 3 }, (_, k) => xml.slice(cut + k * mid, cut + (k + 1) * mid)), xml.slice(cut + 3 * mid)].filter(Boolean).map((c) => Buffer.from(c));
        const facts = { merges: [] as MergeRange[], bytes: 0 };
        let out = '';
        for await (const c of tapSheetXml(
          (async function* () {
            yield* chunks;
          })(),
          facts,
        ))
          out += String(c);
        expect(out).toBe(xml);
        expect(facts.bytes).toBe(xml.length);
        expect(
          facts.merges.map((m) => m.ref),
          `cut at ${cut}, ${mid}`,
        ).toEqual(['A2:A4', 'C1:D1']);
      }
    expect(parseRange('B2:AA10')).toEqual({ ref: 'B2:AA10', top: 2, bottom: 10, left: 2, right: 27 });
  });
});

describe('streaming rows', () => {
  it('iterateWorkbookRows yields the header then each row with its number', async () => {
    const p = await writeWorkbook(at('responses.xlsx'), [{ name: 'responses', rows: [['form', 'unit', 'q1'], ['f1', 'a', 5], [], ['f2', 'a', { formula: 'C2' }]] }]);
    const seen: unknown[] = [];
    for await (const r of iterateWorkbookRows(p, 'responses', { cellIssues: 'attach' })) seen.push([r.row, r.header, r.cells, r.issues?.map((i) => [i.code, i.columnLetter, i.row])]);
    expect(seen).toEqual([
      [1, true, ['form', 'unit', 'q1'], undefined],
      [2, false, ['f1', 'a', '5'], undefined],
      [4, false, ['f2', 'a', ''], [['formula-without-value', 'C', 4]]],
    ]);
    const it = iterateWorkbookRows(p, 'responses');
    await expect(
      (async () => {
        for await (const _ of it) void _;
      })(),
    ).rejects.toThrow(/formula/);
  });

  it('merged cells in a streamed sheet are an error after its last row', async () => {
    const p = await writeWorkbook(at('responses-merged.xlsx'), [
      {
        name: 'responses',
        rows: [
          ['form', 'unit', 'q1'],
          ['f1', 'a', 5],
          ['f2', null, 4],
        ],
        edit: (ws) => ws.mergeCells('B2:B3'),
      },
    ]);
    const rows: number[] = [];
    const run = async () => {
      for await (const r of iterateWorkbookRows(p, 'responses')) rows.push(r.row);
    };
    await expect(run()).rejects.toMatchObject({ code: 'merged-cells', row: 2, sheet: 'responses' });
    expect(rows).toEqual([1, 2, 3]);
  });
});

describe('percent-formatted cells', () => {
  const fwCsv = 'code,title,max,method,rule,params,groups\n1,A,,,,,\n1.1,Tỷ lệ hồ sơ đúng hạn,3,,ratio,target=100,\n1.2,Tỷ lệ số hóa,2,,ratio,target=80,\n';
  const unitsCsv = 'unit,name,group\nu,U,g\nv,V,g\n';

  it('a ratio typed as 90.5% (stored 0.905, format 0.0%) reads as 90.5 and scores 2.715 of 3, not 0.027', async () => {
    const p = await writeWorkbook(at('percent.xlsx'), [
      {
        name: 'evidence',
        rows: [
          ['unit', 'criterion', 'self', 'appraised'],
          ['u', '1.1', 0.95, 0.905],
          ['u', '1.2', 0.7, { formula: 'C3', result: 0.7 }],
          ['v', '1.1', 90.5, 1],
          ['v', '1.2', 0.07, 0.07],
        ],
        edit: (ws) => {
          for (const a of ['C2', 'D2']) ws.getCell(a).numFmt = '0.0%';
          for (const a of ['C3', 'D3']) ws.getCell(a).numFmt = '0%';
          ws.getCell('D4').numFmt = '0%';
          ws.getCell('C5').numFmt = '0.00"%"'; // a quoted % is literal text: the value is 0.07 as typed
          ws.getCell('D5').numFmt = '0%';
        },
      },
    ]);
    const { tables } = await readWorkbookTables(p, 'evidence');
    expect(tables[0].rows.map((r) => r.cells.slice(2))).toEqual([
      ['95', '90.5'],
      ['70', '70'],
      ['90.5', '100'],
      ['0.07', '7'],
    ]);
    // Streamed rows read the same.
    const streamed: string[][] = [];
    for await (const r of iterateWorkbookRows(p, 'evidence')) if (!r.header) streamed.push(r.cells.slice(2));
    expect(streamed).toEqual(tables[0].rows.map((r) => r.cells.slice(2)));
    // Scored: u 1.1 = 3 × 90.5/100 = 2.715; 1.2 = 2 × min(70/80, 1) = 1.75 → 4.465 of 5.
    const fw = buildFramework(parseCsvTable(fwCsv, { file: 'fw.csv' }));
    const units = buildUnits(parseCsvTable(unitsCsv, { file: 'units.csv' }));
    const result = scoreMatrix(fw, units, buildInputs(fw, units, { evidence: tables }));
    const u = result.units.find((x) => x.unit === 'u')!;
    expect(u.points.toString()).toBe('4.465');
    expect(u.index!.toFixed(2)).toBe('89.30');
    // v: 1.1 = 3 × 100/100 = 3; 1.2 = 2 × 7/80 = 0.175.
    expect(result.units.find((x) => x.unit === 'v')!.points.toString()).toBe('3.175');
  });

  it('exceljsCellText shifts the decimal text exactly, by the section that applies and two places per %', () => {
    const cell = (value: number, numFmt?: string) => exceljsCellText({ type: 2, value, numFmt });
    expect(cell(0.905, '0.0%')).toBe('90.5');
    expect(cell(1, '0%')).toBe('100');
    expect(cell(0.07, '0%')).toBe('7');
    expect(cell(0.1 + 0.2, '0%')).toBe('30.000000000000004'); // the double as stored, shifted as text: no float multiply
    expect(cell(-0.125, '0.0%;(0.0%)')).toBe('-12.5');
    expect(cell(-0.125, '0.00;-0.00%')).toBe('-12.5');
    expect(cell(0.125, '0.00;-0.00%')).toBe('0.125');
    expect(cell(0.5, '0.00\\%')).toBe('0.5'); // escaped: literal
    expect(cell(0.5, '[Red]0.00')).toBe('0.5');
    // A condition after a colour: the first section applies whatever the sign.
    expect(cell(-0.5, '[Red][<0]0.0%;0.00')).toBe('-50');
    expect(cell(0.5, '0%%')).toBe('5000');
    expect(cell(0.905, { formatCode: '0.0%' } as never)).toBe('90.5');
    expect(exceljsCellText({ type: 6, value: { formula: 'A1' }, result: 0.25, numFmt: '0%' })).toBe('25');
    expect(exceljsCellText({ type: 2, value: 89.8, numFmt: '0.00' }, { formatDecimals: true })).toBe('89.80');
    expect(exceljsCellText({ type: 2, value: 89.835, numFmt: '0.00' }, { formatDecimals: true })).toBe('89.835');
    expect(exceljsCellText({ type: 2, value: 89.8, numFmt: '0.00' })).toBe('89.8');
    expect([shiftDecimalText('0.905', 2), shiftDecimalText('12', 2), shiftDecimalText('-0.0001', 2), shiftDecimalText('0', 2), shiftDecimalText('1.5', 4)]).toEqual(['90.5', '1200', '-0.01', '0', '15000']);
  });
});

describe('header below row 1', () => {
  const fwCsv = 'code,title,max,method,rule,params,groups\n1,A,,,,,\n1.1,a,2,,points,,\n1.2,b,1,,yesno,,\n';
  const unitsCsv = 'unit,name,group\nu,U,g\n';

  it('table.headerRow is the row Excel shows; header errors and data rows are located on it', async () => {
    writeFileSync(at('fw3.csv'), fwCsv);
    writeFileSync(at('units3.csv'), unitsCsv);
    // Rows 1–2 blank, header on row 3, a blank row 5.
    const ev = await writeWorkbook(at('low-header.xlsx'), [{ name: 'evidence', rows: [[], [], ['unit', 'self', 'Mã tiêu chí', 'criterion'], ['u', 1, '1.1', '1.1'], [], ['u', 'x', '1.2', '1.2']] }]);
    const { tables } = await readWorkbookTables(ev, 'evidence');
    expect(tables[0].headerRow).toBe(3);
    expect(tables[0].rows.map((r) => r.row)).toEqual([4, 6]);
    const err = await loadRound({ framework: at('fw3.csv'), units: at('units3.csv'), evidence: ev }).catch((e) => e);
    expect(err).toBeInstanceOf(ParIndexError);
    expect(err.issues[0]).toMatchObject({ file: ev, sheet: 'evidence', row: 3, column: 'criterion', columnLetter: 'D', code: 'ambiguous-column' });
    const missing = await writeWorkbook(at('low-header-missing.xlsx'), [{ name: 'evidence', rows: [[], [], ['unit', 'self'], ['u', 1]] }]);
    const err2 = await loadRound({ framework: at('fw3.csv'), units: at('units3.csv'), evidence: missing }).catch((e) => e);
    expect(err2.issues[0]).toMatchObject({ sheet: 'evidence', row: 3, code: 'missing-column' });
    // A data error keeps its own row number.
    const bad = await writeWorkbook(at('low-header-bad.xlsx'), [{ name: 'evidence', rows: [[], ['unit', 'criterion', 'self'], [], ['u', '1.1', 'hai']] }]);
    const err3 = await loadRound({ framework: at('fw3.csv'), units: at('units3.csv'), evidence: bad }).catch((e) => e);
    expect(err3.issues[0]).toMatchObject({ sheet: 'evidence', row: 4, column: 'self', columnLetter: 'C', code: 'bad-input' });
  });

  it('the wide layout locates its header problems on the header row', async () => {
    const ev = await writeWorkbook(at('wide-low.xlsx'), [{ name: 'evidence', rows: [[], ['unit', '1.1', '9.9'], ['u', 1, 1]] }]);
    const err = await loadRound({ framework: at('fw3.csv'), units: at('units3.csv'), evidence: ev }).catch((e) => e);
    expect(err.issues[0]).toMatchObject({ sheet: 'evidence', row: 2, column: '9.9', columnLetter: 'C', code: 'unknown-criterion' });
  });
});

describe('wide layout header', () => {
  const fwCsv = 'code,title,max,method,rule,params,groups\n1,A,,,,,\n1.1,a,2,,points,,\n1.2,b,1,,yesno,,\n';
  const fw = buildFramework(parseCsvTable(fwCsv, { file: 'fw.csv' }));
  const units = buildUnits(parseCsvTable('unit,name,group\nu,U,g\n', { file: 'units.csv' }));
  const inputsOf = async (name: string, rows: unknown[][]) => {
    const { tables } = await readWorkbookTables(await writeWorkbook(at(name), [{ name: 'evidence', rows }]), 'evidence');
    try {
      return buildInputs(fw, units, { evidence: tables });
    } catch (e) {
      return e as ParIndexError;
    }
  };

  it('a criterion column written twice is a located duplicate-column error (it kept the last one silently)', async () => {
    const err = await inputsOf('wide-dup.xlsx', [
      ['unit', '1.1', '1.1', '1.2', '1.2 (self)', '1.2 (tự chấm)'],
      ['u', 2, 0, 'có', 'có', 'không'],
    ]);
    expect(err).toBeInstanceOf(ParIndexError);
    expect((err as ParIndexError).issues.map((i) => [i.row, i.column, i.columnLetter, i.code])).toEqual([
      [1, '1.1', 'C', 'duplicate-column'],
      [1, '1.2 (tự chấm)', 'F', 'duplicate-column'],
    ]);
    expect((err as ParIndexError).issues[0].message).toMatch(/column B/);
  });

  it('two unit columns are an ambiguity error on the header row; one unit column scores', async () => {
    const err = await inputsOf('wide-units.xlsx', [[], ['unit', 'Mã đơn vị', '1.1'], ['u', 'u', 2]]);
    expect((err as ParIndexError).issues[0]).toMatchObject({ row: 2, column: 'Mã đơn vị', columnLetter: 'B', code: 'ambiguous-column' });
    const ok = await inputsOf('wide-ok.xlsx', [
      ['Mã đơn vị', 'Tên', '1.1', '1.2'],
      ['u', 'U', 1.5, 'có'],
    ]);
    expect(ok).not.toBeInstanceOf(ParIndexError);
    expect(scoreMatrix(fw, units, ok as ReturnType<typeof buildInputs>).units[0].points.toString()).toBe('2.5');
  });
});

describe('progress bars', () => {
  /** Runs `fn` with stderr taken for a terminal (or not), returning what was written to it. */
  async function stderrOf(tty: boolean, fn: () => Promise<void>): Promise<string> {
    const out: string[] = [];
    const stderr = process.stderr as unknown as { isTTY?: boolean; write: (s: unknown) => boolean };
    const { isTTY, write } = stderr;
    stderr.isTTY = tty;
    stderr.write = (s: unknown) => (out.push(String(s)), true);
    try {
      await fn();
    } finally {
      stderr.isTTY = isTTY;
      stderr.write = write;
    }
    return out.join('');
  }

  it('one helper draws the workbook row bar and the SIPAS byte bar, only on a terminal', async () => {
    const { startRowProgress } = await import('../src/node/read-progress.js');
    const { startByteProgress, BYTE_PROGRESS_MIN } = await import('../src/cli/byte-progress.js');
    const bytes = await stderrOf(true, async () => {
      const bar = await startByteProgress('r.csv', 2 * BYTE_PROGRESS_MIN);
      bar.update(BYTE_PROGRESS_MIN, 2 * BYTE_PROGRESS_MIN);
      bar.stop();
    });
    expect(bytes).toContain('đang đọc r.csv'); // the CLI's language: Vietnamese unless --lang en
    expect(bytes).toContain('8.0/16.0 MB');
    const rows = await stderrOf(true, async () => {
      const bar = await startRowProgress('e.xlsx', 3 * 1024 * 1024, { lang: 'vi' });
      bar.update(50, 100, 1234);
      bar.stop();
    });
    expect(rows).toContain('đang đọc e.xlsx');
    expect(rows).toContain('1234 dòng');
    const rowsEn = await stderrOf(true, async () => {
      const bar = await startRowProgress('e.xlsx', 3 * 1024 * 1024, { lang: 'en' });
      bar.update(50, 100, 1234);
      bar.stop();
    });
    expect(rowsEn).toContain('reading e.xlsx');
    expect(rowsEn).toContain('1234 rows');
    // Not a terminal (a pipe, a log): nothing, whatever the size; small files: nothing.
    const quiet = await stderrOf(false, async () => {
      for (const bar of [await startByteProgress('r.csv', 2 * BYTE_PROGRESS_MIN), await startRowProgress('e.xlsx', 3 * 1024 * 1024)]) {
        bar.update(1, 2, 3);
        bar.stop();
      }
    });
    const small = await stderrOf(true, async () => {
      const bar = await startByteProgress('r.csv', 1000);
      bar.update(500, 1000);
      bar.stop();
    });
    expect([quiet, small]).toEqual(['', '']);
  });
});
