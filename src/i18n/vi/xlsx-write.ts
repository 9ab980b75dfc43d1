/** Thông báo tiếng Việt khi ghi sổ tính xlsx (cùng khoá với en/xlsx-write.ts). */
import type { Translation } from '../catalogue.js';
import type { xlsxWrite as en } from '../en/xlsx-write.js';

export const xlsxWrite: Translation<typeof en> = {
  'cannot-write/xml-character': {
    message: (p) => `văn bản này chứa ký tự ${p.char}, mà tệp xlsx không chứa được; chưa ghi sổ tính`,
    expected: () => 'văn bản không có ký tự điều khiển, U+FFFE, U+FFFF hay nửa cặp surrogate (sửa dữ liệu vào, hoặc ghi --format csv hay json, giữ nguyên văn bản)',
  },
  'cannot-write/cell-too-long': {
    message: (p) => `văn bản này dài ${p.length} ký tự; một ô Excel chứa tối đa ${p.max}; chưa ghi sổ tính`,
    expected: () => 'văn bản ngắn hơn (hoặc ghi --format csv hay json, giữ nguyên văn bản)',
  },
  'league-too-large': {
    message: (p) => `khối "${p.league}" cần ${p.rows} dòng, nhiều hơn một trang tính Excel chứa được`,
    expected: (p) => `tối đa ${p.max} dòng (đơn vị, tiêu chí) mỗi khối`,
  },
  'league-too-large/survey': {
    message: (p) => `kết quả điều tra cần ${p.rows} dòng, nhiều hơn một trang tính Excel chứa được`,
    expected: (p) => `tối đa ${p.max} dòng (đơn vị, tiêu chí)`,
  },
};
