/** Thông báo tiếng Việt của src/table/ (cùng khoá, cùng tham số với en/table.ts). */
import type { Translation } from '../catalogue.js';
import type { table as en } from '../en/table.js';

const UTF8 = 'văn bản UTF-8 (trong Excel: Save As → "CSV UTF-8")';

export const table: Translation<typeof en> = {
  'unknown-format': { message: () => 'không nhận ra loại tệp', expected: () => '.csv (hoặc .txt, .tsv), .json hoặc .xlsx (hoặc .xlsm)' },
  'bad-encoding/utf-16': { message: () => 'tệp là văn bản UTF-16', expected: () => UTF8 },
  'bad-encoding/not-utf-8': { message: () => 'tệp không phải văn bản UTF-8 (có thể là bảng mã khác, như Windows-1258?)', expected: () => UTF8 },
};
