/**
 * One sheet of the workbooks a council hands on besides the results (the comparison and the SIPAS
 * report): a header row, then the rows; numbers in the output number format (changes signed),
 * widths fitted, header frozen and filterable, printed A4 landscape fitted to the page width with
 * the header row repeated on every page and the report's title in the page header. Nothing in it
 * depends on the clock (`buildWorkbookBytes` pins every date), so the same inputs give the same bytes.
 */
import type { Lang } from '../i18n/lang.js';
import { type BookWriter, buildWorkbookBytes, fitWidths, numFmtFor, safeSheetName } from './write.js';

/** A cell value. */
export type SheetCell = string | number | null;

/** One sheet's content. */
export interface HandoverSheet {
  /** Sheet name (made safe and unique when written). */
  name: string;
  /** Header labels. */
  header: string[];
  /** Rows under the header. */
  rows: SheetCell[][];
  /** Columns (0-based) holding figures at the output decimals. */
  numberCols?: ReadonlySet<number>;
  /** Columns holding changes: signed figures (`+1.25`, `-0.50`). */
  changeCols?: ReadonlySet<number>;
  /** Columns holding signed whole numbers (rank changes). */
  signedIntCols?: ReadonlySet<number>;
  /** Notes on header cells, by column. */
  notes?: ReadonlyMap<number, string>;
  /** Columns frozen at the left. */
  frozenCols?: number;
  /** Rows (0-based, of `rows`) shown bold, such as a pooled or total row. */
  boldRows?: ReadonlySet<number>;
}

/** The header fill: light grey, readable when printed in black and white. */
const HEAD_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8E8E8' } } as const;

/** Text of a page header: `&` doubled (Excel reads `&` as a code). */
function pageHeaderText(title: string): string {
  return `&C&"-,Bold"${title.replace(/&/g, '&&')}`;
}

/** How the workbook is printed and numbered. */
export interface HandoverBook {
  /** Title in every page header. */
  title: string;
  /** Decimals of figure and change columns. */
  decimals: number;
  /** Language of the page footer (`Trang 1 / 3`, `Page 1 / 3`). */
  lang: Lang;
}

function writeSheet(wb: BookWriter, taken: Set<string>, sheet: HandoverSheet, book: HandoverBook): void {
  const numFmt = numFmtFor(book.decimals);
  const changeFmt = `+${numFmt};-${numFmt};${numFmt}`;
  const ws = wb.addWorksheet(safeSheetName(sheet.name, taken), {
    views: [{ state: 'frozen', xSplit: sheet.frozenCols ?? 0, ySplit: 1 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1', margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.5, header: 0.3, footer: 0.3 } },
    headerFooter: { oddHeader: pageHeaderText(book.title), oddFooter: `&C${book.lang === 'en' ? 'Page' : 'Trang'} &P / &N` },
  });
  const widths = fitWidths(sheet.header, sheet.rows, { max: 45, numberWidth: changeFmt.length - numFmt.length });
  ws.columns = sheet.header.map((_, i) => ({ width: widths[i] }));
  if (sheet.rows.length > 0) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: sheet.rows.length + 1, column: sheet.header.length } };
  const head = ws.addRow(sheet.header);
  head.font = { bold: true };
  head.alignment = { vertical: 'middle', wrapText: true };
  head.eachCell((cell, n) => {
    cell.fill = HEAD_FILL;
    const note = sheet.notes?.get(n - 1);
    if (note) cell.note = note;
  });
  head.commit();
  sheet.rows.forEach((r, i) => {
    const row = ws.addRow(r);
    r.forEach((v, c) => {
      if (typeof v !== 'number') return;
      if (sheet.changeCols?.has(c)) row.getCell(c + 1).numFmt = changeFmt;
      else if (sheet.signedIntCols?.has(c)) row.getCell(c + 1).numFmt = '+0;-0;0';
      else if (sheet.numberCols?.has(c)) row.getCell(c + 1).numFmt = numFmt;
    });
    if (sheet.boldRows?.has(i)) row.font = { bold: true };
    row.commit();
  });
  ws.commit();
}

/** A workbook of the given sheets as xlsx bytes. */
export function handoverWorkbook(book: HandoverBook, sheets: readonly HandoverSheet[]): Promise<Uint8Array> {
  return buildWorkbookBytes((wb) => {
    wb.creator = 'parindex';
    const taken = new Set<string>();
    for (const s of sheets) writeSheet(wb, taken, s, book);
  });
}
