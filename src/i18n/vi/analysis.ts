/** Thông báo tiếng Việt của src/analysis/ (cùng khoá, cùng tham số với en/analysis.ts). */
import type { Translation } from '../catalogue.js';
import type { analysis as en } from '../en/analysis.js';

export const analysis: Translation<typeof en> = {};
