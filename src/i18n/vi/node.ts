/** Thông báo tiếng Việt của src/node/ (cùng khoá, cùng tham số với en/node.ts). */
import type { Translation } from '../catalogue.js';
import type { node as en, SpecialFile, WriteFault } from '../en/node.js';

const WRITE_FAULTS: Record<WriteFault, string> = {
  'no-folder': 'không có thư mục chứa tệp',
  'not-a-folder': 'một phần của đường dẫn thư mục là tệp, không phải thư mục',
  permission: 'không có quyền ghi',
  'in-use-or-read-only': 'tệp đang được mở hoặc chỉ cho đọc (tệp có đang mở trong Excel không? hãy đóng lại rồi chạy lại)',
  'read-only-fs': 'hệ thống tệp chỉ cho đọc',
  'is-folder': 'đó là một thư mục',
  'in-use': 'tệp đang được mở (tệp có đang mở trong Excel không? hãy đóng lại rồi chạy lại)',
  'disk-full': 'ổ đĩa đã đầy',
  other: '',
};

const SPECIAL: Record<SpecialFile, string> = { fifo: 'một đường ống có tên (FIFO)', socket: 'một socket', device: 'một thiết bị' };

const REPLACEABLE = 'một tên tệp mới, hoặc một tệp thông thường được phép ghi đè';

export const node: Translation<typeof en> = {
  'file-not-found': { message: () => 'không có tệp này', expected: () => 'một tệp đọc được' },
  'unreadable-file': { message: (p) => `không đọc được tệp (${p.detail})`, expected: () => 'một tệp đọc được' },
  'unreadable-file/changed': {
    message: () => 'tệp đã thay đổi sau khi được đọc, trước khi đọc lại số hiệu văn bản minh chứng cho bảng chi tiết chấm điểm',
    expected: () => 'giữ nguyên các tệp đầu vào trong khi parindex chạy; hãy chạy lại lệnh',
  },
  'cannot-write': {
    message: (p) => `không ghi được tệp kết quả: ${p.reason === 'other' ? (p.detail ?? 'không rõ lý do') : WRITE_FAULTS[p.reason]}`,
    expected: () => 'đường dẫn tệp trong một thư mục có sẵn và ghi được',
  },
  'cannot-write/special': { message: (p) => `không ghi được tệp kết quả: đó là ${SPECIAL[p.kind]}, không phải tệp; kết quả sẽ thay thế nó`, expected: () => REPLACEABLE },
  'cannot-write/read-only': { message: () => 'không ghi được tệp kết quả: tệp chỉ cho đọc; parindex không ghi đè tệp này', expected: () => REPLACEABLE },
  'cannot-write/hard-links': { message: (p) => `không ghi được tệp kết quả: tệp có ${p.others} liên kết cứng khác; thay tệp sẽ tách rời các liên kết đó`, expected: () => REPLACEABLE },
  'out-is-input': {
    message: (p) => `--out trỏ tới một tệp đầu vào của lần chạy này (${p.input}); ghi kết quả vào đó sẽ xoá mất tệp đầu vào`,
    expected: () => 'một tên tệp mới cho kết quả (tệp đầu vào không bao giờ bị ghi đè)',
  },
  'no-results-sheet': {
    message: (p) => `sổ tính không có trang tính hiển thị nào có cột đơn vị và cột chỉ số trong ${p.within} dòng đầu`,
    expected: () => 'các trang tính theo khối như parindex score --format xlsx ghi',
  },
  'no-web-build': {
    message: () => 'trang cho hội đồng chưa được dựng (thư mục không có index.html)',
    expected: () => 'trang đã dựng trong dist/web/: hãy chạy `npm run build` trong thư mục parindex trước',
  },
  'port-in-use': {
    message: (p) => `cổng ${p.port} đang được dùng (bởi một parindex serve khác hoặc chương trình khác)`,
    expected: () => 'một cổng còn trống: parindex serve --port N (hoặc --port 0 để chọn bất kỳ cổng trống nào)',
  },
  'port-in-use/denied': {
    message: (p) => `người dùng này không được dùng cổng ${p.port}`,
    expected: () => 'một cổng từ 1024 đến 65535: parindex serve --port N (hoặc --port 0 để chọn bất kỳ cổng trống nào)',
  },
  'bad-csv/stream': { message: (p) => `tệp không phải CSV hợp lệ: ${p.detail}`, expected: () => 'văn bản phân cách bằng dấu phẩy, dấu chấm phẩy hoặc tab, với dấu ngoặc kép đóng mở đủ cặp' },
};
