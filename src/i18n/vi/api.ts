/** Thông báo tiếng Việt của src/api/ (cùng khoá, cùng tham số với en/api.ts). */
import type { Translation } from '../catalogue.js';
import type { api as en } from '../en/api.js';

export const api: Translation<typeof en> = {};
