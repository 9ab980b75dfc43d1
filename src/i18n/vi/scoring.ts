/** Thông báo tiếng Việt của src/scoring/ và src/numbers/ (cùng khoá, cùng tham số với en/scoring.ts). */
import type { Translation } from '../catalogue.js';
import type { scoring as en } from '../en/scoring.js';

const ZERO_HINT = '--allow-missing (thư viện: missing: "zero") để tính các ô đó là 0 điểm';

export const scoring: Translation<typeof en> = {
  'no-survey-input': {
    message: (p) => `không có điểm điều tra xã hội học của đơn vị nào: ${p.count} tiêu chí điều tra xã hội học (${p.codes}) sẽ bị tính 0 điểm ở mọi đơn vị`,
    expected: () => `tệp điểm điều tra xã hội học (--survey) hoặc phiếu khảo sát SIPAS (--sipas-…), hoặc ${ZERO_HINT}`,
  },
  'absent-criterion': {
    message: (p) => `tiêu chí "${p.code}"${p.title ? ` (${p.title})` : ''} không có ${p.survey ? 'điểm điều tra xã hội học' : 'dòng điểm nào'} cho cả ${p.units} đơn vị mà tiêu chí áp dụng`,
    expected: () => `điểm của tiêu chí (có phải quên một tệp hoặc trang tính?), hoặc ${ZERO_HINT}`,
  },
  'missing-input': {
    message: (p) => `không có ${p.survey ? 'điểm điều tra xã hội học' : 'dòng điểm'} cho đơn vị "${p.unit}", tiêu chí "${p.criterion}" (--strict)`,
    expected: () => 'mỗi tiêu chí áp dụng có một dòng điểm',
  },
  'no-round/rebuilt': { message: (p) => `${p.what} không có trong tài liệu JSON: hãy chấm lại kỳ đánh giá để có giá trị này`, expected: () => 'kết quả của score(round)' },

  'bad-argument/zero-denominator': { message: () => 'Exact.of: mẫu số bằng 0', expected: () => 'mẫu số khác 0' },
  'bad-argument/division-by-zero': { message: () => 'Exact: chia cho 0', expected: () => 'số chia khác 0' },
  'bad-argument/not-whole': { message: (p) => `Exact.of: ${p.name} phải là số nguyên`, expected: () => 'một bigint hoặc số nguyên an toàn (đọc số thập phân chính xác bằng hàm nhận văn bản)' },
  'exact-not-a-number': {
    message: () => 'không dùng giá trị chính xác với <, >, + hoặc -: so sánh bằng .cmp() / .eq(), tính bằng .add() / .sub(), hoặc gọi .toNumber() để có số thực',
    expected: () => 'x.cmp(y), x.eq(y), x.toNumber() hoặc x.toFixed(2)',
  },
};
