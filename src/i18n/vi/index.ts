/** Catalogue tiếng Việt: mọi thông báo của gói, cùng khoá với catalogue tiếng Anh. */
import type { Translation } from '../catalogue.js';
import type { en } from '../en/index.js';
import { analysis } from './analysis.js';
import { api } from './api.js';
import { cli } from './cli.js';
import { criteria } from './criteria.js';
import { general } from './general.js';
import { node } from './node.js';
import { scoring } from './scoring.js';
import { sipas } from './sipas.js';
import { table } from './table.js';
import { xlsx } from './xlsx.js';
import { xlsxWrite } from './xlsx-write.js';

export const vi: Translation<typeof en> = { ...general, ...table, ...criteria, ...scoring, ...analysis, ...sipas, ...xlsx, ...xlsxWrite, ...api, ...node, ...cli };
