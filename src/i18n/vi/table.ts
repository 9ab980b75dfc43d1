/** Thông báo tiếng Việt của src/table/ (cùng khoá, cùng tham số với en/table.ts). */
import type { Translation } from '../catalogue.js';
import type { table as en, JsonType, TableWhat } from '../en/table.js';

const WHAT: Record<TableWhat, string> = {
  framework: 'khung tiêu chí',
  'units file': 'tệp đơn vị',
  'evidence file': 'tệp điểm tự chấm, thẩm định',
  'wide evidence table': 'bảng điểm dạng ngang (mỗi tiêu chí một cột)',
  'survey results file': 'tệp điểm điều tra xã hội học',
  'settings sheet': 'trang tính thiết lập (settings)',
  'survey definition': 'bộ câu hỏi khảo sát',
  'responses file': 'tệp phiếu khảo sát',
  'result file': 'tệp kết quả',
};

/** Tên tiếng Việt của một loại bảng (tham số `what`). */
export const tableWhat = (what: TableWhat): string => WHAT[what] ?? what;

const A_TYPE: Record<JsonType, string> = {
  null: 'null',
  array: 'một mảng',
  number: 'một số',
  object: 'một đối tượng',
  string: 'một chuỗi văn bản',
  boolean: 'giá trị true/false',
  undefined: 'undefined',
  bigint: 'một số bigint',
  symbol: 'một symbol',
  function: 'một hàm',
};

const UTF8 = 'văn bản UTF-8 (trong Excel: Save As → "CSV UTF-8")';
const CSV = 'văn bản phân cách bằng dấu phẩy, dấu chấm phẩy hoặc tab, dấu ngoặc kép đóng mở đủ cặp';
const NOT_CSV = 'tệp không phải CSV hợp lệ';

export const table: Translation<typeof en> = {
  'unknown-format': { message: () => 'không nhận ra loại tệp', expected: () => '.csv (hoặc .txt, .tsv), .json hoặc .xlsx (hoặc .xlsm)' },
  'bad-encoding/utf-16': { message: () => 'tệp là văn bản UTF-16', expected: () => UTF8 },
  'bad-encoding/not-utf-8': { message: () => 'tệp không phải văn bản UTF-8 (có thể là bảng mã khác, như Windows-1258?)', expected: () => UTF8 },

  // `detail` là thông báo của thư viện đọc CSV (tiếng Anh): chỉ dùng khi không có biến thể riêng.
  'bad-csv': { message: (p) => `${NOT_CSV}: ${p.detail}`, expected: () => CSV },
  'bad-csv/quote-not-closed': { message: () => `${NOT_CSV}: có dấu ngoặc kép mở mà không đóng`, expected: () => CSV },
  'bad-csv/text-after-quote': { message: (p) => `${NOT_CSV}: có chữ ngay sau dấu ngoặc kép đóng ở ô thứ ${p.field}`, expected: () => CSV },
  'bad-csv/quote-in-unquoted': { message: (p) => `${NOT_CSV}: có dấu ngoặc kép giữa ô thứ ${p.field} (ô không đặt trong ngoặc kép)`, expected: () => CSV },
  'empty-file': { message: () => 'tệp trống', expected: () => 'một dòng tiêu đề' },

  'too-many-cells/csv': {
    message: (p) =>
      `dòng có ${p.cells} ô nhưng dòng tiêu đề chỉ có ${p.width} cột: có giá trị nằm bên phải cột cuối cùng${p.last ? ` (${p.last})` : ''} (dấu phẩy thập phân không đặt trong ngoặc kép như 5,5, hoặc dấu phân cách trong một ô?)`,
    expected: (p) => `tối đa ${p.width} ô mỗi dòng, như dòng tiêu đề (đặt ô có dấu phân cách trong ngoặc kép: "5,5")`,
  },
  'too-many-cells/sheet': {
    message: (p) => `ô ở cột ${p.column}, bên phải cột cuối cùng của dòng tiêu đề${p.last ? ` (${p.last})` : ''}, có giá trị nhưng không có tên cột`,
    expected: () => 'tên cột cho cột đó, hoặc để trống ô',
  },
  'too-many-problems/long-rows': { message: (p) => `và ${p.more} dòng khác có giá trị nằm bên phải cột cuối cùng của dòng tiêu đề` },

  'bad-json/long-number': { message: (p) => `số ${p.number} quá dài để viết ra (hơn ${p.limit} chữ số)`, expected: () => 'một số như 12.5' },
  'bad-json/array-cell': {
    message: (p) => `có một mảng ở chỗ cần giá trị của một ô${p.list ? ' (riêng cột nhóm áp dụng có thể là mảng văn bản)' : ''}`,
    expected: (p) => `văn bản, số, true/false hoặc null${p.list ? ', hoặc một mảng văn bản' : ''}`,
  },
  'bad-json/not-array': { message: () => 'cần một mảng các dòng', expected: () => 'một mảng JSON gồm các đối tượng' },
  'bad-json/row-not-object': { message: (p) => `một dòng là ${A_TYPE[p.type] ?? p.type}, không phải đối tượng`, expected: () => 'một đối tượng có các trường đặt tên' },
  'bad-json/duplicate-key': {
    message: (p) => `khoá "${p.key}" được viết hai lần trong một đối tượng, với hai giá trị khác nhau (dòng ${p.line}, cột ${p.column})`,
    expected: () => 'mỗi khoá chỉ một lần trong một đối tượng',
  },
  // Có vị trí thì chỉ nêu vị trí; không có thì nêu thông báo của thư viện đọc JSON.
  'bad-json/syntax': { message: (p) => `tệp không phải JSON hợp lệ${p.line !== undefined ? ` (dòng ${p.line}, cột ${p.column})` : `: ${p.detail}`}`, expected: () => 'văn bản JSON' },

  'ambiguous-column': { message: (p) => `hai cột của ${tableWhat(p.what)} cùng khớp với "${p.field}" (${p.columns})`, expected: (p) => `chỉ một cột cho "${p.field}"` },
  'missing-column': {
    message: (p) => `${tableWhat(p.what)} không có cột "${p.field}"`,
    expected: (p) => `một cột có tiêu đề "${p.field}"${p.aliases ? ` (hoặc ${p.aliases})` : ''}`,
  },
  'unknown-column': {
    message: (p) => `không nhận ra cột "${p.column}" trong ${tableWhat(p.what)}${p.suggestion ? `; có phải là "${p.suggestion}"?` : ''}`,
    expected: (p) => `một trong các cột ${p.fields} (hoặc một cột không được đọc: ${p.free})`,
  },
};
