/** Thông báo tiếng Việt của src/xlsx/ (trình đọc byte; cùng khoá, cùng tham số với en/xlsx.ts). */
import type { Translation } from '../catalogue.js';
import { LIMIT_FLAG, type LimitName, type NotWorkbookKind, type NotZipKind, type SheetKindName, type WorkbookKind, type XmlFault, type xlsx as en } from '../en/xlsx.js';

const ANY_BOOK = 'một sổ tính .xlsx (Excel 2007 trở về sau; tệp .xls cần lưu lại thành .xlsx)';
const BOOKS: Record<WorkbookKind, string> = { any: ANY_BOOK, results: 'một sổ tính .xlsx do parindex score --format xlsx ghi' };
const RESAVE = 'hãy mở tệp bằng Excel hoặc LibreOffice rồi lưu lại thành .xlsx';

const NOT_ZIP: Record<NotZipKind, (start: string) => string> = {
  empty: () => 'tệp rỗng (0 byte); sổ tính chưa được lưu hoặc sao chép chưa hết',
  encrypted: () => 'sổ tính có mật khẩu mở (đã mã hoá) nên không đọc được các ô; hãy mở bằng Excel, bỏ mật khẩu (File → Info → Protect Workbook → Encrypt with Password, xoá mật khẩu) rồi lưu lại thành .xlsx',
  xls: () => 'tệp là sổ tính Excel 97–2003 (.xls), loại tệp không đọc được; hãy mở bằng Excel hoặc LibreOffice rồi lưu lại thành .xlsx (Excel Workbook)',
  ole: () => `tệp là một tài liệu Office kiểu cũ (tệp OLE: .xls, .doc, …), không phải sổ tính .xlsx; ${RESAVE}`,
  biff: () => `tệp là sổ tính Excel kiểu cũ (BIFF .xls), loại tệp không đọc được; ${RESAVE}`,
  pdf: () => 'tệp là tài liệu PDF, không phải sổ tính; hãy dùng bảng tính gốc đã tạo ra tệp PDF, lưu thành .xlsx',
  gzip: () => 'tệp được nén gzip, không phải sổ tính .xlsx; hãy giải nén trước',
  rar: () => 'tệp là tệp nén RAR, không phải sổ tính .xlsx; hãy giải nén lấy sổ tính ra trước',
  '7z': () => 'tệp là tệp nén 7-Zip, không phải sổ tính .xlsx; hãy giải nén lấy sổ tính ra trước',
  'excel-xml': () => `tệp là bảng tính Excel 2003 XML, không phải sổ tính .xlsx; ${RESAVE}`,
  html: () => 'tệp là trang HTML được lưu với tên của bảng tính (các phần mềm trên web hay xuất tệp "Excel" theo cách này), không phải sổ tính .xlsx; hãy mở bằng Excel rồi lưu lại thành .xlsx',
  xml: () => `tệp là tài liệu XML, không phải sổ tính .xlsx (tệp .xlsx là một tệp nén zip); ${RESAVE}`,
  text: () => 'tệp là văn bản thuần (có thể là CSV), không phải sổ tính .xlsx; hãy đặt tên đuôi .csv để đọc như CSV, hoặc mở bằng Excel rồi lưu lại thành .xlsx',
  unknown: (start) => `tệp không phải tệp nén zip nên không phải sổ tính .xlsx (bắt đầu bằng các byte ${start}); ${RESAVE}`,
};

const NOT_WORKBOOK: Record<NotWorkbookKind, string> = {
  xlsb: 'đó là sổ tính nhị phân của Excel (.xlsb); hãy mở bằng Excel rồi lưu lại thành .xlsx (Excel Workbook)',
  ods: 'đó là tệp OpenDocument (.ods, LibreOffice/OpenOffice); hãy lưu lại thành .xlsx (File → Save As → Excel 2007-365)',
  docx: 'đó là văn bản Word (.docx), không phải sổ tính',
  pptx: 'đó là bài trình chiếu PowerPoint (.pptx), không phải sổ tính',
  numbers: 'đó là tệp Apple Numbers; hãy xuất sang Excel (.xlsx)',
  zip: 'đó là tệp nén zip không có xl/workbook.xml (không phải sổ tính, hoặc sổ tính đã hỏng); hãy mở sổ tính bằng Excel rồi lưu lại thành .xlsx',
};

const XML_FAULTS: Record<XmlFault, (detail?: string) => string> = {
  'not-utf-8': () => 'văn bản không phải UTF-8 hợp lệ (tệp bị hỏng hoặc do một phần mềm lỗi ghi ra)',
  'cut-character': () => 'văn bản kết thúc giữa chừng một ký tự (tệp bị hỏng)',
  malformed: (detail) => `XML sai cấu trúc (${detail ?? ''})`,
};

const SHEET_KINDS: Record<SheetKindName, string> = {
  criteria: 'khung tiêu chí',
  units: 'danh sách đơn vị',
  evidence: 'điểm tự chấm, thẩm định',
  survey: 'kết quả điều tra xã hội học',
  questions: 'bộ câu hỏi khảo sát',
  responses: 'phiếu khảo sát',
  settings: 'thiết lập',
  instructions: 'hướng dẫn',
};

const book = (p: { book: WorkbookKind }) => BOOKS[p.book] ?? ANY_BOOK;
const STOPS = '; dừng đọc tại đây';
const within = (p: { limit: LimitName }) => `một sổ tính trong giới hạn của trình đọc (nếu tệp đúng là như vậy, nâng giới hạn: --limit ${LIMIT_FLAG[p.limit]}=N; thư viện: limits.${p.limit})`;

const DAMAGED_CELL = 'một ô như Excel ghi (tệp bị hỏng hoặc do một phần mềm lỗi ghi ra: hãy mở bằng Excel hoặc LibreOffice rồi lưu lại)';
const DAMAGED_SHEET = '; XML của trang tính bị hỏng hoặc do một phần mềm lỗi ghi ra';
const SHEET_AS_EXCEL = 'một trang tính như Excel ghi (hãy mở tệp bằng Excel hoặc LibreOffice rồi lưu lại)';

export const xlsx: Translation<typeof en> = {
  'bad-xlsx/not-zip': { message: (p) => NOT_ZIP[p.kind](p.start), expected: book },
  'bad-xlsx/duplicate-entry': { message: (p) => `tệp nén zip có hai mục cùng tên ${p.path}, nên không rõ mục nào là của sổ tính`, expected: book },
  'bad-xlsx/encrypted-entry': { message: (p) => `mục ${p.path} của tệp zip đã mã hoá (mật khẩu zip) nên không đọc được; hãy lưu lại sổ tính từ Excel, không đặt mật khẩu`, expected: book },
  'bad-xlsx/compression': {
    message: (p) => `mục ${p.path} của tệp zip được nén bằng ${p.method}, cách nén này không được hỗ trợ (tệp xlsx dùng Deflate); hãy mở sổ tính bằng Excel hoặc LibreOffice rồi lưu lại thành .xlsx`,
    expected: book,
  },
  'bad-xlsx/entry-misplaced': { message: (p) => `tệp nén zip bị hỏng: mục ${p.path} không nằm ở chỗ danh mục zip ghi`, expected: book },
  'bad-xlsx/entry-truncated': { message: (p) => `tệp nén zip bị cắt cụt: mục ${p.path} vượt quá cuối tệp (tệp chưa được sao chép hoặc tải về hết)`, expected: book },
  'bad-xlsx/stored-sizes': { message: (p) => `tệp nén zip bị hỏng: mục không nén ${p.path} có hai kích thước khác nhau`, expected: book },
  'bad-xlsx/inflates-too-much': { message: (p) => `tệp nén zip bị hỏng: mục ${p.path} giải nén ra nhiều hơn ${p.size} byte mà danh mục zip ghi`, expected: book },
  'bad-xlsx/inflate-failed': { message: (p) => `tệp nén zip bị hỏng: không giải nén được mục ${p.path} (${p.detail})`, expected: book },
  'bad-xlsx/entry-size': { message: (p) => `tệp nén zip bị hỏng: mục ${p.path} có ${p.bytes} byte, danh mục zip ghi ${p.size}`, expected: book },
  'bad-xlsx/crc': { message: (p) => `tệp nén zip bị hỏng: mục ${p.path} sai mã kiểm tra CRC (tệp đã bị hỏng)`, expected: book },
  'bad-xlsx/no-directory': {
    message: () => 'tệp bắt đầu như một tệp nén zip nhưng không có danh mục zip: tệp bị cắt cụt hoặc hỏng (chưa sao chép hoặc tải về hết); hãy lưu lại từ Excel',
    expected: book,
  },
  'bad-xlsx/directory-past-end': { message: () => 'tệp nén zip bị cắt cụt hoặc hỏng: danh mục zip nằm quá cuối tệp (chưa sao chép hoặc tải về hết)', expected: book },
  'bad-xlsx/directory-cut': { message: () => 'tệp nén zip bị hỏng: danh mục zip bị cắt cụt', expected: book },

  'bad-xlsx/damaged-part': { message: (p) => `phần ${p.path} của sổ tính bị hỏng: ${XML_FAULTS[p.fault](p.detail)}`, expected: book },
  'bad-xlsx/not-workbook': { message: (p) => `tệp không phải sổ tính xlsx đọc được: ${NOT_WORKBOOK[p.kind]}`, expected: book },
  'bad-xlsx/no-workbook-rels': {
    message: (p) => `tệp không phải sổ tính xlsx đọc được: thiếu ${p.path} (danh sách các phần của sổ tính); tệp bị hỏng hoặc do một phần mềm lỗi ghi ra`,
    expected: book,
  },
  'bad-xlsx/sheet-data-missing': { message: () => 'trang tính có trong danh sách của sổ tính nhưng thiếu dữ liệu', expected: book },
  'bad-xlsx/damaged-sheet': { message: (p) => `XML của trang tính bị hỏng: ${XML_FAULTS[p.fault](p.detail)}`, expected: book },
  'empty-workbook': { message: () => 'sổ tính không có trang tính nào', expected: () => 'một sổ tính .xlsx có ít nhất một trang tính' },
  'empty-sheet': { message: () => 'trang tính trống', expected: () => 'một dòng tiêu đề, rồi mỗi bản ghi một dòng' },
  'merged-header': {
    message: (p) => `các ô tiêu đề ${p.ref} bị gộp, nên các cột bên dưới không có tên riêng`,
    expected: () => 'mỗi cột một ô tiêu đề, trên cùng một dòng (bỏ gộp các ô tiêu đề và đặt tên cho từng cột)',
  },
  'merged-header/streamed': { message: (p) => `các ô ${p.ref} bị gộp; ô gộp không đọc được khi đọc trang tính theo luồng`, expected: () => 'mỗi ô một giá trị (bỏ gộp các ô và điền vào từng ô)' },
  'merged-cells/streamed': { message: (p) => `các ô ${p.ref} bị gộp; ô gộp không đọc được khi đọc trang tính theo luồng`, expected: () => 'mỗi ô một giá trị (bỏ gộp các ô và điền vào từng ô)' },

  'limit-exceeded/bytes': { message: (p) => `vượt giới hạn: các phần của sổ tính chứa hơn ${p.max} byte khi giải nén (${p.total} byte tính cả ${p.path})${STOPS}`, expected: within },
  'limit-exceeded/shared-strings': { message: (p) => `vượt giới hạn: sổ tính có hơn ${p.max} chuỗi dùng chung${STOPS}`, expected: within },
  'limit-exceeded/cells': { message: (p) => `vượt giới hạn: sổ tính có hơn ${p.max} ô cần đọc${STOPS}`, expected: within },
  'limit-exceeded/cells-and-merges': { message: (p) => `vượt giới hạn: sổ tính có hơn ${p.max} ô và vùng gộp cần đọc${STOPS}`, expected: within },
  'limit-exceeded/merge-fill': { message: (p) => `vượt giới hạn: các ô gộp của trang tính phủ hơn ${p.max} ô${STOPS}`, expected: within },
  'limit-exceeded/row': { message: (p) => `vượt giới hạn: dòng ${p.row} nằm sau dòng cuối cùng được phép (${p.max})${STOPS}`, expected: within },
  'limit-exceeded/column': { message: (p) => `vượt giới hạn: một ô nằm ở cột ${p.letter} (${p.column}), sau cột cuối cùng được phép (${p.max})${STOPS}`, expected: within },
  'limit-exceeded/merge-column': { message: (p) => `vượt giới hạn: vùng gộp ${p.ref} vượt quá cột cuối cùng được phép (${p.max})${STOPS}`, expected: within },
  'limit-exceeded/merge-row': { message: (p) => `vượt giới hạn: vùng gộp ${p.ref} vượt quá dòng cuối cùng được phép (${p.max})${STOPS}`, expected: within },
  'limit-exceeded/too-big': {
    message: (p) => `vượt giới hạn: phần ${p.path} chứa một đoạn văn bản hoặc danh sách quá lớn, không đọc được (${p.detail})${STOPS}`,
    expected: () => 'một sổ tính như Excel ghi (mỗi ô chứa tối đa 32.767 ký tự)',
  },

  'bad-xlsx/row-number': { message: (p) => `một dòng được đánh số "${p.row}"${DAMAGED_SHEET}`, expected: () => SHEET_AS_EXCEL },
  'bad-xlsx/row-order': { message: (p) => `dòng ${p.row} đứng sau dòng ${p.previous} trong XML của trang tính (các dòng phải theo thứ tự, mỗi dòng một lần)${DAMAGED_SHEET}`, expected: () => SHEET_AS_EXCEL },
  'bad-cell/date': { message: (p) => `ô ngày tháng chứa "${p.value}", không phải ngày theo ISO 8601 (YYYY-MM-DD hoặc YYYY-MM-DDTHH:MM:SS)`, expected: () => DAMAGED_CELL },
  'bad-cell/reference': { message: (p) => `địa chỉ ô "${p.ref}" không phải địa chỉ kiểu A1`, expected: () => DAMAGED_CELL },
  'bad-cell/outside-row': { message: (p) => `ô ${p.ref} được ghi bên trong dòng ${p.row}`, expected: () => DAMAGED_CELL },
  'bad-cell/twice': { message: (p) => `ô ${p.ref} được ghi hai lần trong dòng này, nên không có một giá trị duy nhất`, expected: () => DAMAGED_CELL },
  'bad-cell/type': { message: (p) => `kiểu ô t="${p.type}" không phải kiểu ô của xlsx`, expected: () => DAMAGED_CELL },
  'bad-cell/number': {
    message: (p) => `ô số chứa "${p.value}", không phải là số`,
    expected: () => 'một số như xlsx lưu (ví dụ 12.5 hoặc 1.5E-3); tệp bị hỏng hoặc do một phần mềm lỗi ghi ra',
  },
  'bad-cell/boolean': { message: (p) => `ô đúng/sai chứa "${p.value}" (ô đúng/sai chỉ chứa 1 hoặc 0)`, expected: () => DAMAGED_CELL },
  'bad-cell/shared-index': { message: (p) => `ô văn bản trỏ tới chuỗi dùng chung "${p.value}", không phải một chỉ mục (số nguyên từ 0)`, expected: () => DAMAGED_CELL },
  'bad-cell/no-shared-strings': { message: (p) => `ô văn bản trỏ tới chuỗi dùng chung ${p.index}, nhưng sổ tính không có chuỗi dùng chung nào`, expected: () => DAMAGED_CELL },
  'bad-cell/shared-range': { message: (p) => `ô văn bản trỏ tới chuỗi dùng chung ${p.index}, nhưng sổ tính chỉ có ${p.count} chuỗi (từ 0 đến ${p.count - 1})`, expected: () => DAMAGED_CELL },

  'bad-number-cell': { message: () => 'ô không chứa một số hữu hạn', expected: () => 'một số' },
  'error-cell/formula': { message: (p) => `công thức =${p.formula} cho kết quả lỗi`, expected: () => 'một công thức cho ra giá trị (sửa công thức hoặc nhập thẳng giá trị)' },
  'error-cell/formula-error': { message: (p) => `công thức =${p.formula} cho kết quả lỗi ${p.error}`, expected: () => 'một công thức cho ra giá trị' },
  'error-cell': { message: (p) => `ô chứa lỗi ${p.error}`, expected: () => 'một giá trị' },
  'formula-without-value': {
    message: (p) => `công thức ${p.formula ? `=${p.formula} ` : ''}chưa có kết quả được lưu (tệp do một phần mềm không tính công thức ghi ra)`,
    expected: () => 'một giá trị, hoặc công thức đã lưu kết quả (mở và lưu lại tệp bằng Excel hoặc LibreOffice)',
  },
  'bad-number-format': {
    message: (p) => `ô chứa ${p.number} với định dạng số ${p.format}, và không xác định được phần nào của định dạng hiển thị số này (nên cũng không biết đó có phải tỷ lệ phần trăm không)`,
    expected: () => 'một định dạng số có phần cho mọi giá trị, ví dụ 0.0% hoặc [<1]0.0%;0.0 (hoặc định dạng General)',
  },

  'ambiguous-sheet': { message: (p) => `có hai trang tính chứa bảng ${SHEET_KINDS[p.kind]} (${p.sheets})`, expected: (p) => `chỉ một trang tính, có tên là một trong ${p.names}` },
  'ambiguous-sheet/settings': { message: (p) => `có hai trang tính thiết lập (${p.sheets})`, expected: () => 'một trang tính tên "settings"' },
  'sheet-not-found': {
    message: (p) => `sổ tính không có trang tính nào chứa bảng ${SHEET_KINDS[p.kind]}`,
    expected: (p) => `một trang tính hiển thị có tên ${p.kind === 'evidence' ? 'là hoặc bắt đầu bằng ' : ''}${p.names.replace(/", "/g, '" hoặc "')}, hoặc một sổ tính chỉ có một trang tính`,
  },
  'hidden-sheet': {
    message: (p) => `trang tính ${SHEET_KINDS[p.kind]} đang bị ẩn, mà trang tính ẩn thì không được đọc`,
    expected: (p) => `một trang tính hiển thị (bỏ ẩn "${p.sheet}" trong Excel: nhấn chuột phải vào một thẻ trang tính → Unhide)`,
  },
};
