/**
 * The embedded Hà Nội 2021-shaped sample (illustrative criteria, real unit names): the four tables
 * of a round, ready for `createRound`.
 */
import { SAMPLES, sampleTables, type SampleName } from '../data/sample.js';
import { markNumeric, type Table } from '../table/table.js';
import { badArgument } from './args.js';

/** The tables of a built-in sample round. */
export interface SampleTables {
  /** The criteria framework (8 areas, 56 leaves, every rule). */
  framework: Table;
  /** The 52 units (22 sở, 30 district-level units). */
  units: Table;
  /** The evidence, long layout. */
  evidence: Table;
  /** The survey results. */
  survey: Table;
}

/**
 * The tables of a built-in sample round (`hanoi-2021`, the default), for `createRound`. Its numbers
 * are written with the point and read so even with `decimalComma` (which then applies to the other
 * tables given with them).
 *
 * @example
 * const result = score(createRound(sample()));
 * result.units[0].name; // "Sở Tài chính"
 */
export function sample(name: SampleName = 'hanoi-2021'): SampleTables {
  if (!(SAMPLES as readonly string[]).includes(name)) throw badArgument('name', name, 'choice', { list: SAMPLES.map((s) => `"${s}"`).join(', ') });
  const tables = sampleTables(name);
  // The sample is written with the point: its numbers read the same whatever `decimalComma` says (as
  // the CLI's built-in `hanoi-2021` inputs), like numbers from a workbook's number cells.
  for (const t of [tables.framework, tables.units, tables.evidence, tables.survey]) {
    const every = t.header.map((_, i) => i);
    for (const row of t.rows) markNumeric(row, every);
  }
  return tables;
}

export type { SampleName };
