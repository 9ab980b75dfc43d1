/** Thông báo tiếng Việt về loại tệp (cùng khoá với en/files.ts). */
import type { Translation } from '../catalogue.js';
import type { files as en } from '../en/files.js';

const KIND = { zip: 'một sổ tính xlsx (tệp nén zip)', ole: 'một tệp Office cũ (.xls, .doc)', pdf: 'một tài liệu PDF', image: 'một hình ảnh' } as const;

export const files: Translation<typeof en> = {
  'unknown-format/save-as-xlsx': {
    message: (p) => `không đọc được sổ tính ${p.ext}; hãy mở bằng Excel hoặc LibreOffice rồi lưu thành .xlsx (Excel Workbook)`,
    expected: () => '.csv (hoặc .txt, .tsv), .json hoặc .xlsx (hoặc .xlsm)',
  },
  'unknown-format/binary-as-text': {
    message: (p) => `tệp này là ${KIND[p.kind]}, không phải văn bản${p.kind === 'zip' ? ': hãy đổi đuôi tên tệp thành .xlsx để đọc như sổ tính' : p.kind === 'ole' ? ': hãy mở bằng Excel rồi lưu thành .xlsx (hoặc "CSV UTF-8")' : ''}`,
    expected: () => 'văn bản UTF-8 (trong Excel: Save As → "CSV UTF-8")',
  },
  'too-many-cells/csv-shifted': {
    message: (p) => `dòng này có ${p.cells} ô nhưng dòng tiêu đề có ${p.header}: các ô thừa để trống, nhưng một dấu phẩy thập phân không đặt trong ngoặc kép (5,5) sẽ đẩy các ô sau nó sang phải một cột, nên dòng này không được đọc`,
    expected: (p) => `${p.header} ô mỗi dòng, như dòng tiêu đề (đặt số có dấu phẩy thập phân trong ngoặc kép, "5,5", hoặc xoá dấu phân cách thừa)`,
  },
};
