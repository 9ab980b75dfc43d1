/** Thông báo tiếng Việt của src/analysis/ (cùng khoá, cùng tham số với en/analysis.ts). */
import type { Translation } from '../catalogue.js';
import type { analysis as en } from '../en/analysis.js';

const SPREAD = 'một số thập phân từ 0 đến dưới 1, ví dụ 0.1';
const REVERT = 'một xác suất từ 0 đến 1, ví dụ 0.5';

export const analysis: Translation<typeof en> = {
  'unknown-unit/explain': {
    message: (p) => `đơn vị "${p.unit}" không có trong tệp đơn vị (tệp có ${p.count} đơn vị: ${p.first}${p.count > 5 ? ', …' : ''})`,
    expected: (p) => `một trong ${p.count} mã đơn vị của tệp đơn vị`,
  },
  'bad-value/result-unit': { message: () => 'một dòng kết quả không có mã đơn vị', expected: () => 'một mã đơn vị' },
  'bad-number/result-index': { message: (p) => `chỉ số của đơn vị "${p.unit}" không phải là số`, expected: () => 'một số thập phân như 89.83 (hoặc để trống/null nếu không có)' },
  'bad-number/result-rank': { message: (p) => `xếp hạng của đơn vị "${p.unit}" không phải số nguyên ≥ 1`, expected: () => 'một thứ hạng như 3 (hoặc để trống/null nếu không có)' },
  'duplicate-unit/result': { message: (p) => `đơn vị "${p.unit}" xuất hiện hai lần (lần đầu ở dòng ${p.first})`, expected: () => 'mỗi đơn vị một lần' },
  'bad-json/sipas-result': {
    message: () => 'đây là kết quả SIPAS (đơn vị có số phiếu và các câu hỏi), không phải kết quả Chỉ số CCHC',
    expected: () => 'tệp JSON do parindex score --format json ghi',
  },
  'bad-json/not-result': { message: () => 'không phải kết quả của parindex: không có mảng "units"', expected: () => 'tệp JSON do parindex score --format json ghi ({"units": [...], "leagues": ...})' },
  'bad-option/spread-not-decimal': { message: () => 'biên độ (spread) không phải số thập phân', expected: () => SPREAD },
  'bad-option/spread-range': { message: () => 'biên độ (spread) nằm ngoài [0, 1)', expected: () => SPREAD },
  'bad-option/revert-not-decimal': { message: () => 'xác suất thay điểm thẩm định bằng điểm tự chấm (revert) không phải số thập phân', expected: () => REVERT },
  'bad-option/revert-range': { message: () => 'xác suất thay điểm thẩm định bằng điểm tự chấm (revert) nằm ngoài [0, 1]', expected: () => REVERT },
  'bad-option/runs': { message: () => 'số lần chạy (runs) không phải số nguyên ≥ 1', expected: () => 'số lần chạy là số nguyên ≥ 1, ví dụ 200' },
  'bad-option/seed': { message: () => 'hạt giống ngẫu nhiên (seed) không phải số nguyên ≥ 0', expected: () => 'một số nguyên ≥ 0, ví dụ 1' },
  'bad-option/mode': { message: () => 'không có kiểu phân tích độ nhạy này', expected: (p) => p.modes.replace(/, (?=[^,]*$)/, ' hoặc ') },
  // Điểm lĩnh vực của tệp kết quả đọc lại (src/analysis/result-areas.ts, cho compare).
  'bad-number/area-points': { message: (p) => `điểm lĩnh vực ${p.area} của đơn vị "${p.unit}" không phải là số`, expected: () => 'một số thập phân như 7.50 (hoặc để trống/null nếu không có)' },
  'bad-value/areas-object': { message: (p) => `mục "areas" của đơn vị "${p.unit}" không phải là bảng điểm theo lĩnh vực`, expected: () => 'một đối tượng như {"1": {"points": "7.50", "max": "9.00"}}' },
};
