/** Thông báo tiếng Việt của src/scoring/ (cùng khoá, cùng tham số với en/scoring.ts). */
import type { Translation } from '../catalogue.js';
import type { scoring as en } from '../en/scoring.js';

export const scoring: Translation<typeof en> = {};
