/** Thông báo tiếng Việt của src/node/ (cùng khoá, cùng tham số với en/node.ts). */
import type { Translation } from '../catalogue.js';
import type { node as en } from '../en/node.js';

export const node: Translation<typeof en> = {};
