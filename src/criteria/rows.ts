/**
 * Turning the rows of a table ({@link RowSource}) into validated row objects with a zod schema. Every zod issue becomes a
 * located {@link Issue} naming the row and the column of the failing field.
 */
import type * as z from 'zod/mini';
import { type IssueList, problem } from '../errors.js';
import type { TableWhat } from '../i18n/en/table.js';
import { bindColumns, type ColumnMap, type FieldSpec } from '../table/headers.js';
import { cellLocation, type RowSource, type TableRow, writtenCells } from '../table/table.js';

/** A validated row with its source. */
export interface ReadRow<T, F extends string> {
  /** The validated values. */
  value: T;
  /** The source row. */
  source: TableRow;
  /** Column of each field (-1 = absent). */
  cols: ColumnMap<F>;
}

/**
 * What a schema of text fields checks, when that is all it checks: every field is a string (always,
 * here) and `nonEmpty` fields are not blank. A row meeting it is the schema's output as it is
 * (test/rows-fast.test.ts holds the two to the same answer on random rows); any other row goes
 * through the schema, which words the problem.
 */
export interface PlainRowSchema<F extends string> {
  nonEmpty: readonly F[];
}

/**
 * Reads every row of `table` through `schema`. Rows that fail are reported to `issues` and left out;
 * the caller throws once the whole table has been checked.
 */
export function readRows<F extends string, T>(table: RowSource, fields: readonly (FieldSpec & { name: F })[], schema: z.ZodMiniType<T>, issues: IssueList, what: TableWhat, free?: readonly string[]): ReadRow<T, F>[] {
  return [...iterateRows(table, fields, schema, issues, what, free)];
}

/**
 * {@link readRows} one row at a time: nothing is held between rows, so a table of a million rows
 * costs no second copy of itself (the rows die young instead of filling the old generation).
 */
export function* iterateRows<F extends string, T>(
  table: RowSource,
  fields: readonly (FieldSpec & { name: F })[],
  schema: z.ZodMiniType<T>,
  issues: IssueList,
  what: TableWhat,
  free?: readonly string[],
  plain?: PlainRowSchema<F>,
): Generator<ReadRow<T, F>> {
  const before = issues.issues.length;
  const cols = bindColumns(table, fields, issues, what, free);
  if (issues.issues.length > before) return;
  const lineCells = table.lineCells;
  for (const source of table.rows) {
    if (lineCells !== undefined && writtenCells(source) > lineCells) {
      // Blank cells past the header line: a trailing delimiter, or an unquoted decimal comma that moved
      // the cells after it (`a,1.2,99,5,` for `a,1.2,99.5,`). Never guessed: refused on the line.
      issues.add({ ...cellLocation(table, source.row, -1), ...problem('too-many-cells/csv-shifted', { cells: writtenCells(source), header: lineCells }), value: source.cells.join(',') });
      continue;
    }
    const record: Record<string, string> = {};
    for (const f of fields) record[f.name] = cols[f.name] >= 0 ? (source.cells[cols[f.name]] ?? '') : '';
    // A row the schema surely accepts as it is (every field a string, the required ones not blank)
    // skips the schema: a national file's million rows are not each parsed twice.
    if (plain !== undefined && plain.nonEmpty.every((f) => record[f] !== '')) {
      yield { value: record as T, source, cols };
      continue;
    }
    const parsed = schema.safeParse(record);
    if (parsed.success) {
      yield { value: parsed.data, source, cols };
      continue;
    }
    for (const zi of parsed.error.issues) {
      const field = String(zi.path[0] ?? '') as F;
      const col = cols[field] ?? -1;
      issues.add({
        ...cellLocation(table, source.row, col),
        column: col >= 0 ? table.header[col] : field,
        // The schema's message names what the cell must hold (a kind the catalogues word); an enum's values are listed.
        ...problem('bad-value', { field, what, expect: zi.message, choices: 'values' in zi && Array.isArray(zi.values) ? zi.values.join(', ') : undefined }),
        value: record[field] ?? '',
      });
    }
  }
}
