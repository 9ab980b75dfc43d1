/** The English catalogue: every message of the package, keyed `code` or `code/variant`. */
import { merged } from '../catalogue.js';
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

export const en = /* @__PURE__ */ merged({ general, files, limits, table, criteria, scoring, analysis, sipas, xlsx, xlsxWrite, api, builtinInputs, node, cli });

/** Every message key. */
export type MessageKey = keyof typeof en;

/** The params a message takes. */
export type ParamsOf<K extends MessageKey> = Parameters<(typeof en)[K]['message']>[0];
