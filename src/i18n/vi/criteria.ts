/** Thông báo tiếng Việt của src/criteria/ (cùng khoá, cùng tham số với en/criteria.ts). */
import type { Translation } from '../catalogue.js';
import type { criteria as en } from '../en/criteria.js';

export const criteria: Translation<typeof en> = {};
