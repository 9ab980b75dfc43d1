/** Thông báo tiếng Việt của src/cli/ (cùng khoá, cùng tham số với en/cli.ts). */
import type { Translation } from '../catalogue.js';
import type { cli as en } from '../en/cli.js';

export const cli: Translation<typeof en> = {};
