/** Catalogue tiếng Việt: mọi thông báo của gói, cùng khoá với catalogue tiếng Anh. */
import { merged, type Translation } from '../catalogue.js';
import type { en } from '../en/index.js';
import { analysis } from './analysis.js';
import { api } from './api.js';
import { builtinInputs } from './builtin-inputs.js';
import { cli } from './cli.js';
import { criteria } from './criteria.js';
import { files } from './files.js';
import { general } from './general.js';
import { limits } from './limits.js';
import { node } from './node.js';
import { scoring } from './scoring.js';
import { sipas } from './sipas.js';
import { table } from './table.js';
import { xlsx } from './xlsx.js';
import { xlsxWrite } from './xlsx-write.js';

export const vi: Translation<typeof en> = /* @__PURE__ */ merged({ general, files, limits, table, criteria, scoring, analysis, sipas, xlsx, xlsxWrite, api, builtinInputs, node, cli });
