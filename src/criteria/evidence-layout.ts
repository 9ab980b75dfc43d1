/** Which layout an evidence table has: long (a row per unit × criterion) or wide (a column per criterion). */
import { FIELDS, foldHeader } from '../table/headers.js';
import type { RowSource } from '../table/table.js';
import type { Framework } from './framework.js';

/** A wide column header for a self-score: `1.1 (tự chấm)`, `1.1 (self)`. */
export const SELF_SUFFIX = /^(.*?)\s*\((?:self|tự chấm|tu cham)\)\s*$/i;

/**
 * True when a table looks like the wide layout: it has a unit column and no criterion column, and
 * its other headers are criterion codes of the framework.
 */
export function isWideEvidence(table: RowSource, fw: Framework): boolean {
  const folded = table.header.map(foldHeader);
  const critNames = new Set(['criterion', ...FIELDS.evidence[1].aliases].map(foldHeader));
  if (folded.some((h) => critNames.has(h))) return false;
  return table.header.some((h) => fw.byCode.has(h.trim()) || fw.byCode.has(h.replace(SELF_SUFFIX, '$1').trim()));
}
