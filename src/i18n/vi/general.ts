/** Thông báo tiếng Việt dùng chung. */
import type { Translation } from '../catalogue.js';
import type { general as en } from '../en/general.js';

export const general: Translation<typeof en> = {
  'internal-error': { message: (p) => `lỗi nội bộ (lỗi của parindex, xin báo lại): ${p.detail}` },
};
