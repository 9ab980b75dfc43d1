/** Thông báo tiếng Việt của src/sipas/ (cùng khoá, cùng tham số với en/sipas.ts). */
import type { Translation } from '../catalogue.js';
import type { sipas as en } from '../en/sipas.js';

export const sipas: Translation<typeof en> = {};
