/** Thông báo tiếng Việt về tên dữ liệu có sẵn dùng thay tệp (cùng khoá, cùng tham số với en/builtin-inputs.ts). */
import type { Translation } from '../catalogue.js';
import type { builtinInputs as en } from '../en/builtin-inputs.js';

export const builtinInputs: Translation<typeof en> = {
  'ambiguous-input': {
    message: (p) => `"${p.name}" vừa là tên dữ liệu có sẵn vừa là tên một tệp trong thư mục hiện tại`,
    expected: (p) => `./${p.name} để dùng tệp; để dùng dữ liệu có sẵn, chạy từ thư mục khác hoặc đổi tên tệp`,
  },
  'unknown-builtin': {
    message: (p) => `không có tệp nào và không có dữ liệu có sẵn nào tên "${p.name}"${p.suggestion ? ` (có phải ý bạn là "${p.suggestion}"?)` : ''}`,
    expected: (p) => `một tệp (.csv, .json, .xlsx) hoặc tên dữ liệu có sẵn: ${p.names}`,
  },
};
