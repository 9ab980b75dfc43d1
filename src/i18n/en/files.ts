/** English messages about what kind of file was given (src/table/files.ts). */
import type { Fragment } from '../catalogue.js';

const KIND = { zip: 'an xlsx workbook (a zip archive)', ole: 'an old Office file (.xls, .doc)', pdf: 'a PDF document', image: 'a picture' } as const;

export const files = {
  'unknown-format/save-as-xlsx': {
    message: (p: { ext: string }) => `a ${p.ext} workbook cannot be read; open it in Excel or LibreOffice and save it as .xlsx (Excel Workbook)`,
    expected: () => '.csv (also .txt, .tsv), .json or .xlsx (also .xlsm)',
  },
  'unknown-format/binary-as-text': {
    message: (p: { kind: keyof typeof KIND }) =>
      `the file is ${KIND[p.kind]}, not text${p.kind === 'zip' ? ': give it an .xlsx name to read it as a workbook' : p.kind === 'ole' ? ': open it in Excel and save it as .xlsx (or as "CSV UTF-8")' : ''}`,
    expected: () => 'UTF-8 text (in Excel: Save As → "CSV UTF-8")',
  },
  'too-many-cells/csv-shifted': {
    message: (p: { cells: number; header: number }) =>
      `this line has ${p.cells} cells but the header line has ${p.header}: the extra cells are blank, but an unquoted decimal comma (5,5) would move the cells after it one column right, so the line is not read`,
    expected: (p: { cells: number; header: number }) => `${p.header} cells per line, as in the header line (write a decimal comma inside quotes, "5,5", or remove the delimiter too many)`,
  },
} satisfies Fragment;
