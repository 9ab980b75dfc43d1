/** The English catalogue: every message of the package, keyed `code` or `code/variant`. */
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

export const en = { ...general, ...table, ...criteria, ...scoring, ...analysis, ...sipas, ...xlsx, ...xlsxWrite, ...api, ...node, ...cli };

/** Every message key. */
export type MessageKey = keyof typeof en;

/** The params a message takes. */
export type ParamsOf<K extends MessageKey> = Parameters<(typeof en)[K]['message']>[0];
