/** Thông báo tiếng Việt về loại tệp (cùng khoá với en/files.ts). */
import type { Translation } from '../catalogue.js';
import { type files as en, inputKindList, type INPUT_KIND_WORDS } from '../en/files.js';

/** Các loại tệp đầu vào mà `classifyInput` phân biệt. */
const INPUT_KINDS: Record<keyof typeof INPUT_KIND_WORDS, string> = {
  framework: 'bộ tiêu chí (mã tiêu chí, tên tiêu chí, điểm tối đa…)',
  units: 'danh sách đơn vị (mã đơn vị, tên đơn vị, nhóm…)',
  evidence: 'điểm tự chấm và thẩm định (mã đơn vị, mã tiêu chí, điểm tự chấm, điểm thẩm định…)',
  survey: 'kết quả điều tra xã hội học (mã đơn vị, mã tiêu chí, điểm)',
  'sipas-questions': 'bộ câu hỏi khảo sát SIPAS (mã, nội dung, cột…)',
  'sipas-responses': 'phiếu khảo sát SIPAS (phiếu, đơn vị, mỗi câu hỏi một cột)',
  previous: 'tệp kết quả (mã đơn vị, chỉ số, xếp hạng…) do parindex score ghi',
};

const ANY_INPUT = () => inputKindList(Object.keys(INPUT_KINDS).join(', '), INPUT_KINDS);

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
  'ambiguous-file-kind': {
    message: (p) => `nội dung tệp khớp với nhiều loại dữ liệu vào: ${inputKindList(p.kinds, INPUT_KINDS)}; hãy chọn đúng loại của tệp`,
    expected: () => 'nội dung của một loại dữ liệu vào',
  },
  'unknown-file-kind': {
    message: (p) => `các cột của tệp (${p.columns}) không khớp với loại dữ liệu vào nào`,
    expected: () => ANY_INPUT(),
  },
  'unknown-file-kind/empty': { message: () => 'tệp trống', expected: () => ANY_INPUT() },
  'unknown-file-kind/json': { message: () => 'tài liệu JSON không chứa bảng của loại dữ liệu vào nào', expected: () => 'một mảng các dòng dạng đối tượng, { "settings", "criteria" }, { "questions" } hoặc tài liệu kết quả có "units"' },
  'unknown-file-kind/sipas-result': {
    message: () => 'tệp này là kết quả SIPAS (parindex sipas --format json), không phải dữ liệu vào của kỳ đánh giá',
    expected: () => 'bộ câu hỏi khảo sát SIPAS và các phiếu khảo sát đã dùng để tính kết quả đó',
  },
  'unknown-file-kind/workbook': {
    message: (p) => `không trang tính nào của sổ tính chứa bảng của loại dữ liệu vào nào (các trang tính: ${p.sheets})`,
    expected: () => `các trang tính đặt tên như trong tệp mẫu (tiêu chí, đơn vị, đánh giá…, điều tra, câu hỏi, phiếu; hoặc tên tiếng Anh), hoặc một trang tính duy nhất chứa ${ANY_INPUT()}`,
  },
  'unknown-file-kind/needs-xlsx': {
    message: () => 'tệp này là sổ tính xlsx nhưng không có bộ đọc sổ tính',
    expected: () => 'hàm parseXlsx của parindex/xlsx, truyền vào tuỳ chọn parseXlsx',
  },
};
