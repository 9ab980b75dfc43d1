/**
 * What every responses reader shares (the byte tokenizer, the csv-parse stream, in-memory tables):
 * binding the header to the definition's questions and the `unit` column, the blank-row rule,
 * answer checks with located issues, unit look-up, and counting each form into
 * {@link SurveyCounts}. Readers differ only in how they split bytes into cells.
 */
import { IssueList, ParIndexError, problem, type Issue } from '../errors.js';
import { bindColumns, FIELDS, foldHeader } from '../table/headers.js';
import { editDistance } from '../text/nearest.js';
import { columnLetter, extraCellAt, type Table } from '../table/table.js';
import { BAD_ANSWER, readAnswer } from './answers.js';
import { SurveyCounts } from './counts.js';
import type { SipasDefinition, SipasNode } from './definition.js';

/** Role of a responses column that no question reads and that is not the unit. */
export const ROLE_IGNORE = -1;
/** Role of the `unit` column. */
export const ROLE_UNIT = -2;

/** Problems collected before reading stops (the first ones are the useful ones). */
export const DEFAULT_MAX_ISSUES = 100;

/** Options of a responses reading. */
export interface IngestOptions {
  /** File name used in errors. */
  file?: string;
  /** Sheet name used in errors (xlsx). */
  sheet?: string;
  /** Only these unit ids are accepted, in this order (an unknown unit is an error). */
  unitIds?: readonly string[];
  /** Drop forms holding a bad value, counting them as forms, invalid and skipped. */
  skipBadRows?: boolean;
  /** Stop after this many problems (default {@link DEFAULT_MAX_ISSUES}). */
  maxIssues?: number;
}

/** The state of one reading of responses. */
export class FormIngest {
  /** The counters being filled. */
  readonly counts: SurveyCounts;
  /** Problems found so far. */
  readonly issues = new IssueList();
  /** Header cells as read (set by {@link FormIngest.setHeader}). */
  header: string[] = [];
  /** Per header column: question index (≥ 0), {@link ROLE_UNIT} or {@link ROLE_IGNORE}. */
  roles = new Int32Array(0);
  /** Column of `unit`. */
  unitCol = -1;
  /**
   * Columns a form must have: up to the header's last non-blank cell. A non-blank form with fewer
   * cells, or with a non-blank cell right of them, is misshapen ({@link FormIngest.misshapenForm}).
   */
  width = 0;
  /** A1 letters of the columns read: form, unit and the questions'. */
  private readLetters = new Set<string>();
  /** Answers of the current form, by question index (0 = no answer). */
  readonly answers: Uint8Array;
  /** True once the header has been bound. */
  hasHeader = false;
  private readonly definition: SipasDefinition;
  private opts: IngestOptions;
  private readonly maxIssues: number;
  private readonly unknownUnits = new Set<string>();

  constructor(definition: SipasDefinition, opts: IngestOptions = {}) {
    this.definition = definition;
    this.opts = { ...opts };
    this.counts = new SurveyCounts(definition, opts.unitIds);
    this.answers = new Uint8Array(definition.questions.length);
    this.maxIssues = opts.maxIssues ?? DEFAULT_MAX_ISSUES;
  }

  /** File name used in errors. */
  get file(): string | undefined {
    return this.opts.file;
  }

  /** Sets the sheet named in later errors (a workbook read sheet by sheet). */
  setSheet(sheet: string | undefined): void {
    this.opts.sheet = sheet;
  }

  /** Records problems found by a reader (e.g. bad xlsx cells), stopping at the limit. */
  addIssues(issues: readonly Issue[]): void {
    for (const i of issues) this.add(i);
  }

  /** True when bad values drop their form instead of stopping the run. */
  get skipBadRows(): boolean {
    return this.opts.skipBadRows === true;
  }

  /**
   * Binds the header: finds `unit` and `form` (aliases accepted) and each question's column (its
   * exact name, else the same name ignoring case). A missing column, a question column written
   * twice, a column another question (or the unit) already reads, or a near miss of a question's
   * column (`q1_l`, `Q1-1`: {@link FormIngest.nearMisses}) stops with every such problem listed,
   * located on `row` — the header's row as the spreadsheet shows it (default 1). Other columns are
   * ignored.
   */
  setHeader(cells: readonly string[], row = 1): void {
    const header = cells.map((c) => (c ?? '').trim().normalize('NFC'));
    const table: Table = { file: this.opts.file, sheet: this.opts.sheet, header, headerRow: row, rows: [] };
    const issues = new IssueList();
    const cols = bindColumns(table, FIELDS.responses, issues, 'responses file');
    const roles = new Int32Array(header.length).fill(ROLE_IGNORE);
    if (cols.unit >= 0) roles[cols.unit] = ROLE_UNIT;
    const where = { file: this.opts.file, sheet: this.opts.sheet, row };
    const missing = new Set<number>();
    for (const q of this.definition.questions) {
      const name = q.column!.normalize('NFC');
      // Matched ignoring case (definitions may not hold two columns differing only so): two header
      // cells that both match, `q1_1` and `Q1_1`, are ambiguous.
      const folded = name.toLowerCase();
      const hits = header.flatMap((h, i) => (h.toLowerCase() === folded ? [i] : []));
      if (hits.length === 0) {
        missing.add(q.question);
        issues.add({ ...where, ...problem('missing-column/question', { column: name, question: q.code }), value: header.join(', ') });
        continue;
      }
      if (hits.length > 1) {
        issues.add({
          ...where,
          column: header[hits[1]],
          columnLetter: columnLetter(hits[1]),
          ...problem('duplicate-column/repeated', { column: name, question: q.code, times: hits.length }),
          value: name,
        });
        continue;
      }
      const bound = roles[hits[0]];
      if (bound !== ROLE_IGNORE) {
        issues.add({
          ...where,
          column: header[hits[0]],
          columnLetter: columnLetter(hits[0]),
          ...problem('duplicate-column/taken', { column: header[hits[0]], question: q.code, byQuestion: bound === ROLE_UNIT ? undefined : this.definition.questions[bound].code }),
          value: header[hits[0]],
        });
        continue;
      }
      roles[hits[0]] = q.question;
    }
    this.nearMisses(header, roles, cols.form, missing, issues, row);
    issues.throwIfAny();
    this.header = header;
    this.roles = roles;
    this.unitCol = cols.unit;
    let width = header.length;
    while (width > 0 && header[width - 1] === '') width--;
    this.width = width;
    this.readLetters = new Set(header.flatMap((_, i) => (roles[i] !== ROLE_IGNORE || i === cols.form ? [columnLetter(i)] : [])));
    this.hasHeader = true;
  }

  /**
   * Columns no question reads are ignored, but one that is a near miss of a question's column is an
   * `unknown-column` error suggesting it: its answers would otherwise go unread. A near miss is,
   * compared as headers are (case, diacritics, spaces and punctuation such as `-` `_` `.` ignored),
   * the same name (`Q1-1`, `q1.1` for `q1_1`), or one edit away when both names have at least three
   * letters or digits (`q1_l`, `q5_5`). The suggestion is a missing question column when one is that
   * near, else the nearest present one (definition order breaks ties).
   */
  private nearMisses(header: readonly string[], roles: Int32Array, formCol: number, missing: ReadonlySet<number>, issues: IssueList, row: number): void {
    const questions = this.definition.questions.map((q) => ({ q, folded: foldHeader(q.column!) }));
    // A column with a question's own name (a duplicate, reported as such) is no near miss.
    const named = new Set(this.definition.questions.map((q) => q.column!.normalize('NFC').toLowerCase()));
    header.forEach((h, i) => {
      if (roles[i] !== ROLE_IGNORE || i === formCol || h === '' || named.has(h.toLowerCase())) return;
      const f = foldHeader(h);
      if (f === '') return;
      let best: { q: SipasNode; d: number; missing: boolean } | undefined;
      for (const { q, folded } of questions) {
        if (folded === '') continue;
        const d = f === folded ? 0 : f.length >= 3 && folded.length >= 3 && Math.abs(f.length - folded.length) <= 1 ? editDistance(f, folded) : 2;
        if (d > 1) continue;
        const m = missing.has(q.question);
        if (!best || d < best.d || (d === best.d && m && !best.missing)) best = { q, d, missing: m };
      }
      if (!best) return;
      const column = best.q.column!;
      issues.add({
        file: this.opts.file,
        sheet: this.opts.sheet,
        row,
        column: h,
        columnLetter: columnLetter(i),
        ...problem('unknown-column/near-miss', { column: h, question: best.q.code, suggestion: column }),
        value: h,
        suggestion: column,
      });
    });
  }

  /**
   * The problems among a row's bad cells (xlsx error values, formulas without a result) that
   * matter: those in a column the reading uses — form, unit or a question. A `#N/A` in a column
   * no one reads is ignored, as its text would be in a CSV file.
   */
  cellIssuesInUse(issues: readonly Issue[]): Issue[] {
    return issues.filter((i) => i.columnLetter === undefined || this.readLetters.has(i.columnLetter));
  }

  /** Records an issue; stops the reading once {@link IngestOptions.maxIssues} is reached. */
  private add(issue: Issue): void {
    this.issues.add(issue);
    if (this.issues.issues.length >= this.maxIssues) {
      this.issues.add({ file: this.opts.file, sheet: this.opts.sheet, ...problem('too-many-problems/stopped', { max: this.maxIssues }) });
      throw new ParIndexError(this.issues.issues);
    }
  }

  /** The location of a cell (row as in a spreadsheet, column by header name and letter). */
  at(row: number, col: number): { file?: string; sheet?: string; row: number; column?: string; columnLetter: string } {
    return { file: this.opts.file, sheet: this.opts.sheet, row, column: this.header[col] ?? `(column ${col + 1})`, columnLetter: columnLetter(col) };
  }

  /** A bad answer at (row, col): an issue, unless bad rows are skipped. */
  badValue(row: number, col: number, text: string): void {
    if (this.skipBadRows) return;
    const q = this.definition.questions[this.roles[col]];
    this.add({ ...this.at(row, col), ...problem('bad-answer', { question: q.code }), value: text.trim() });
  }

  /** A unit id that is not in the units list (reported once per id, compared after NFC, on its first row). */
  unknownUnit(row: number, text: string): void {
    const key = text.normalize('NFC');
    if (this.unknownUnits.has(key)) return;
    this.unknownUnits.add(key);
    if (text.toUpperCase() === 'ALL') {
      return this.add({ ...this.at(row, this.unitCol), ...problem('reserved-unit'), value: text });
    }
    this.add({ ...this.at(row, this.unitCol), ...problem('unknown-unit/form', { unit: text }), value: text });
  }

  /** A form with a blank unit. */
  missingUnit(row: number): void {
    this.add({ ...this.at(row, this.unitCol), ...problem('missing-unit'), value: '' });
  }

  /**
   * A non-blank form whose cells do not line up with the header: `cells` cells, fewer than the
   * header's columns ({@link FormIngest.width}), or a non-blank cell at `extraCol` right of them
   * (its text `extraText`) — a line break or delimiter inside an unquoted cell, a cut line. The
   * answers cannot be trusted to be in their columns, so the form is never counted as read.
   */
  misshapenForm(row: number, cells: number, extraCol: number, extraText: string): void {
    const where = { file: this.opts.file, sheet: this.opts.sheet, row };
    if (extraCol >= 0) {
      const last = this.width > 0 ? columnLetter(this.width - 1) : '';
      return this.add({ ...where, columnLetter: columnLetter(extraCol), ...problem('too-many-cells/form', { last, width: this.width }), value: extraText.trim() });
    }
    this.add({
      ...where,
      column: this.header[cells],
      columnLetter: columnLetter(cells),
      ...problem('too-few-cells', { cells, width: this.width }),
      value: String(cells),
    });
  }

  /**
   * Ends a misshapen form (see {@link FormIngest.misshapenForm}) whose unit cell reads `unit`
   * (undefined when blank): with `skipBadRows` and a unit it is counted as skipped (an unknown unit
   * is still an error, as for every bad form); otherwise — or when it has no unit to be counted
   * for — it is an error.
   */
  endMisshapen(row: number, cells: number, extraCol: number, extraText: string, unit: string | undefined): void {
    if (this.skipBadRows && unit !== undefined) return this.finishForm(row, unit, true);
    this.misshapenForm(row, cells, extraCol, extraText);
  }

  /**
   * Handles one data record given as cell texts (csv-parse, xlsx rows, in-memory tables): a row
   * whose cells are all blank is no form; otherwise its answers are read, its unit looked up and the
   * form counted. `bad` marks a form already known to hold a bad cell (an xlsx error value). A
   * form shorter than the header (`written`: its cells as written, when the cells were padded), or
   * with a value right of it, is misshapen.
   */
  addRecord(cells: readonly string[], row: number, bad = false, written = cells.length): void {
    let blank = true;
    for (let i = 0; i < cells.length; i++) {
      if (cells[i] !== '' && cells[i].trim() !== '') {
        blank = false;
        break;
      }
    }
    if (blank) return;
    const width = this.width;
    const short = written < width;
    const extraCol = cells.length > width ? extraCellAt(cells, width) : -1;
    const roles = this.roles;
    const answers = this.answers;
    answers.fill(0);
    const n = Math.min(cells.length, roles.length);
    for (let col = 0; col < n; col++) {
      const q = roles[col];
      if (q < 0) continue;
      const v = readAnswer(cells[col]);
      if (v === BAD_ANSWER) {
        this.badValue(row, col, cells[col]);
        bad = true;
      } else answers[q] = v;
    }
    const unit = (cells[this.unitCol] ?? '').trim();
    if (short || extraCol >= 0) return this.endMisshapen(row, written, extraCol, extraCol >= 0 ? cells[extraCol] : '', unit === '' ? undefined : unit);
    this.finishForm(row, unit === '' ? undefined : unit, bad);
  }

  /**
   * Ends a non-blank form: `unit` is its unit id (undefined when blank), `bad` whether it held a
   * bad value. Counts it, or records why it cannot be counted.
   */
  finishForm(row: number, unit: string | undefined, bad: boolean): void {
    if (unit === undefined) return this.missingUnit(row);
    const u = this.counts.unitOf(unit);
    if (u < 0) return this.unknownUnit(row, unit);
    this.commit(u, bad);
  }

  /** Counts the current answers as one form of unit index `u`. */
  commit(u: number, bad: boolean): void {
    this.counts.addForm(u, this.answers, bad);
  }

  /** Ends the reading: throws every problem found, else returns the counters. */
  finish(): SurveyCounts {
    if (!this.hasHeader) {
      this.issues.add({ file: this.opts.file, sheet: this.opts.sheet, ...problem('empty-file/responses') });
    }
    this.issues.throwIfAny();
    return this.counts;
  }
}
