/** Thông báo tiếng Việt của src/xlsx/ (cùng khoá, cùng tham số với en/xlsx.ts). */
import type { Translation } from '../catalogue.js';
import type { xlsx as en } from '../en/xlsx.js';

export const xlsx: Translation<typeof en> = {};
