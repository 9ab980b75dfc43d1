/**
 * Where each (unit, criterion) cell of the input matrix got its first evidence row, across the
 * evidence tables of a round: a second row for the cell is a `duplicate-row` naming the first.
 */
/** Where the first row of a (unit, criterion) cell is, as the `duplicate-row` message names it. */
export interface FirstRow {
  /** Its row (header = 1). */
  row: number;
  /** Its table's file and sheet, when it stands in another table with a name of its own. */
  file?: string;
  sheet?: string;
  /** Its table's position among the evidence tables (1 = first), when the tables cannot be told apart by name. */
  table?: number;
}

/**
 * Where the evidence row of each (unit, criterion) cell was first read, across every evidence
 * table of a round, so that a second row for the same cell is an error even when it stands in
 * another file or sheet. Typed arrays, not a Map: a national round (over a million rows) costs no
 * hashing and no garbage.
 */
export class FirstEvidenceRows {
  /** Source row of each cell's first row (0 = none yet). */
  private readonly rows: Float64Array;
  /** Index into `labels` of the table the first row came from. */
  private readonly tables: Uint16Array;
  /** How each table is named in messages (file, sheet), in the order they were read. */
  private readonly labels: { file?: string; sheet?: string; key: string }[] = [];

  /** An empty record for a matrix of `cells` cells. */
  constructor(cells: number) {
    this.rows = new Float64Array(cells);
    this.tables = new Uint16Array(cells);
  }

  /** Starts the next evidence table: rows claimed from now on are its rows. `file` and `sheet` name it. */
  nextTable(file?: string, sheet?: string): void {
    this.labels.push({ file: file || undefined, sheet: sheet || undefined, key: `${file ?? ''}\u0000${sheet ?? ''}` });
  }

  /**
   * Records `row` of the current table as the first row of `cell` and returns `undefined`, or, when
   * the cell already has one, leaves it and returns where that first row is: its row in the same
   * table ("row 7"), with the file and sheet in another ("evidence.xlsx, sheet so, row 7"), with
   * its table's position when two tables have the same name (the same file given twice) or none
   * ("row 7 of evidence table 1").
   */
  claim(cell: number, row: number): FirstRow | undefined {
    if (this.labels.length === 0) this.nextTable();
    const current = this.labels.length - 1;
    const first = this.rows[cell];
    if (first === 0) {
      this.rows[cell] = row;
      this.tables[cell] = current;
      return undefined;
    }
    const t = this.tables[cell];
    if (t === current) return { row: first };
    const label = this.labels[t];
    const named = label.file !== undefined || label.sheet !== undefined;
    const where = { row: first, ...(label.file !== undefined ? { file: label.file } : {}), ...(label.sheet !== undefined ? { sheet: label.sheet } : {}) };
    return named && label.key !== this.labels[current].key ? where : { ...where, table: t + 1 };
  }
}
