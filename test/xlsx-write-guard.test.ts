/**
 * Text an xlsx cell cannot hold — XML-illegal characters (U+FFFE, U+FFFF, lone surrogates, C0
 * controls) and more than Excel's 32,767 characters — is refused with the sheet, row and column it
 * was going to, instead of an invalid workbook (U+FFFF) or a silently changed cell (controls).
 */
import { describe, expect, it } from 'vitest';
import { buildWorkbookBytes, checkCellText, safeSheetName } from '../src/xlsx/write.js';
import { type FrameworkRow, createRound, score } from '../src/index.js';
import ExcelJS from 'exceljs';
import { renderXlsx } from '../src/xlsx/index.js';
import { catchError, issuesOfAsync } from './support/round.js';

describe('cell text an xlsx cannot hold', () => {
  it.each([
    ['U+FFFF', 'Sở\uFFFF', 'U+FFFF'],
    ['U+FFFE', '\uFFFEx', 'U+FFFE'],
    ['a lone high surrogate', 'a\uD800b', 'U+D800'],
    ['a lone low surrogate', 'a\uDC00b', 'U+DC00'],
    ['a control character', 'a\u0001b', 'U+0001'],
  ])('%s is refused with its location', (_, text, char) => {
    const e = catchError(() => checkCellText(text, { sheet: 'Khối sở', row: 7, column: 28 }));
    expect(e.issues[0]).toMatchObject({ code: 'cannot-write', key: 'cannot-write/xml-character', sheet: 'Khối sở', row: 7, columnLetter: 'AB', params: { char } });
  });

  it('keeps what XML allows: tab, line breaks, Vietnamese, emoji (a surrogate pair), U+FFFD', () => {
    for (const text of ['a\tb\nc\rd', 'Sở Tài chính', '😀', '\uFFFD', '\uFDD0']) expect(() => checkCellText(text, { sheet: 's', row: 1, column: 1 })).not.toThrow();
  });

  it('refuses a text over 32,767 characters and keeps one of exactly 32,767', () => {
    expect(() => checkCellText('x'.repeat(32_767), { sheet: 's', row: 1, column: 1 })).not.toThrow();
    const e = catchError(() => checkCellText('x'.repeat(32_768), { sheet: 's', row: 2, column: 3 }));
    expect(e.issues[0]).toMatchObject({ code: 'cannot-write', key: 'cannot-write/cell-too-long', row: 2, columnLetter: 'C', params: { length: 32_768, max: 32_767 } });
  });

  it('every row a workbook writer adds is checked, located by its row number', async () => {
    const e = await issuesOfAsync(() =>
      buildWorkbookBytes((wb) => {
        const ws = wb.addWorksheet('Kết quả');
        ws.addRow(['unit', 'name']).commit();
        ws.addRow(['a', 'fine']).commit();
        ws.addRow(['b', 'bad\uFFFF']).commit();
        ws.commit();
      }),
    );
    expect(e[0]).toMatchObject({ code: 'cannot-write', sheet: 'Kết quả', row: 3, columnLetter: 'B' });
  });

  it('sheet names lose the characters XML forbids', () => {
    expect(safeSheetName('Khối\uFFFF sở', new Set())).toBe('Khối sở');
  });

  it('a unit name with U+FFFF scores, but the results workbook refuses it naming the cell (before: an invalid file, exit 0)', async () => {
    const framework: FrameworkRow[] = [
      { code: '1', title: 'Công tác chỉ đạo', max: '10' },
      { code: '1.1', title: 'Kế hoạch', max: '10', method: 'appraisal', rule: 'yesno' },
    ];
    const evidence = [
      { unit: 'a', criterion: '1.1', self: '1', appraised: '1' },
      { unit: 'b', criterion: '1.1', self: '0', appraised: '0' },
    ];
    const units = (name: string) => [
      { unit: 'a', name, group: 'so' },
      { unit: 'b', name: 'Sở B', group: 'so' },
    ];
    const bad = score(createRound({ framework, units: units('Sở A\uFFFF'), evidence }));
    expect(bad.units.find((u) => u.unit === 'a')?.index?.toString()).toBe('100');
    const e = await issuesOfAsync(() => renderXlsx(bad));
    expect(e[0]).toMatchObject({ code: 'cannot-write', params: { char: 'U+FFFF' } });
    expect(e[0].sheet).toBeTruthy();
    expect(e[0].row).toBeGreaterThan(1);
    // The same round with a clean name writes a workbook exceljs reads back.
    const bytes = await renderXlsx(score(createRound({ framework, units: units('Sở A'), evidence })));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as never);
    expect(wb.worksheets.length).toBeGreaterThan(0);
  });
});
