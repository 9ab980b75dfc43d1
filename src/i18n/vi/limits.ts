/** Thông báo tiếng Việt về các giới hạn (cùng khoá với en/limits.ts). */
import type { Translation } from '../catalogue.js';
import type { limits as en } from '../en/limits.js';

export const limits: Translation<typeof en> = {
  'framework-too-deep': {
    message: (p) => `tiêu chí "${p.code}" sâu hơn ${p.max} cấp`,
    expected: (p) => `khung tiêu chí có tối đa ${p.max} cấp (1 → 1.1 → 1.1.1 là 3 cấp)`,
  },
  'limit-exceeded/cell-bytes': {
    message: (p) => `một ô của dòng này dài hơn ${p.max} byte: đây không phải bảng phiếu khảo sát (tệp không có điểm kết thúc, hoặc tệp nhị phân?)`,
    expected: () => 'một tệp CSV phiếu khảo sát, mỗi câu hỏi một ô ngắn',
  },
  'limit-exceeded/line-cells': {
    message: (p) => `dòng này có hơn ${p.max} ô: đây không phải bảng phiếu khảo sát (tệp không có điểm kết thúc, hoặc tệp nhị phân?)`,
    expected: (p) => `tối đa ${p.max} ô mỗi dòng`,
  },
  'limit-exceeded/file-bytes': {
    message: (p) => `tệp có ${p.size} byte, nhiều hơn mức ${p.max} byte cho một tệp đầu vào`,
    expected: (p) =>
      `một tệp nhỏ hơn, hoặc nâng giới hạn: --limit file-bytes=N (thư viện: limits.fileBytes)${p.max >= 500 * 1024 * 1024 ? '; tệp CSV hay JSON trên 500 MB không đọc trọn một lần được: hãy chia nhỏ, hoặc lưu thành .xlsx' : ''}`,
  },
  'limit-exceeded/text-too-long': {
    message: (p) => `tệp có ${p.size} byte, quá nhiều để đọc thành một văn bản`,
    expected: () => 'một tệp CSV hay JSON dưới 500 MB: hãy chia thành nhiều tệp minh chứng, hoặc lưu thành .xlsx',
  },
};
