/** Thông báo tiếng Việt về các giới hạn (cùng khoá với en/limits.ts). */
import type { Translation } from '../catalogue.js';
import type { limits as en } from '../en/limits.js';

export const limits: Translation<typeof en> = {
  'framework-too-deep': {
    message: (p) => `tiêu chí "${p.code}" sâu hơn ${p.max} cấp`,
    expected: (p) => `khung tiêu chí có tối đa ${p.max} cấp (1 → 1.1 → 1.1.1 là 3 cấp)`,
  },
};
