/**
 * Evidence (docs/spec.md §3) in the long layout (one row per unit × criterion) or the wide layout (one row
 * per unit, a column per criterion code, optional `<code> (self)` columns), and survey results.
 * Every cell is checked against its criterion's rule and stored exactly in an {@link InputMatrix}.
 */
import { IssueList, type Issue, type Location, problem } from '../errors.js';
import { bindColumns, FIELDS, FREE_COLUMNS } from '../table/headers.js';
import { cellLocation, columnLetter, headerRowOf, isNumericCell, type RowSource } from '../table/table.js';
import { type NumberTextOptions, POINT_DECIMAL } from '../numbers/decimal-text.js';
import { APPRAISED, InputMatrix, SELF } from './inputs.js';
import { type CellProblem, isCellProblem, readCell } from './rules.js';
import { ruleOf } from './rules/index.js';
import { appliesTo, type Criterion, type Framework } from './framework.js';
import { FirstEvidenceRows } from './first-rows.js';
import { InputBytes } from './input-bytes.js';
import { isWideEvidence, SELF_SUFFIX } from './evidence-layout.js';

export { FirstEvidenceRows, type FirstRow } from './first-rows.js';
export { isWideEvidence } from './evidence-layout.js';
import { iterateRows } from './rows.js';
import { CODE_PATTERN, EVIDENCE_ROW_PLAIN, EvidenceRowSchema, SURVEY_ROW_PLAIN, SurveyRowSchema } from './schemas.js';
import { unitNamed, type Units } from './units.js';

/** One evidence entry with the location of each of its cells, whatever the layout. */
export interface EvidenceRecord {
  unit: string;
  criterion: string;
  self: string;
  appraised: string;
  evidence: string;
  note: string;
  /** Source row. */
  row: number;
  /** True when `self` came in as a number (xlsx, JSON): read with the point whatever `--decimal-comma` says. */
  selfNumeric?: boolean;
  /** True when `appraised` came in as a number. */
  appraisedNumeric?: boolean;
  /** Where a cell of the record is (computed only when an error needs it). */
  at: (field: 'unit' | 'criterion' | 'self' | 'appraised') => Location;
}

/** Reads a long-layout evidence table into records, lazily (row shape checked by zod). */
export function* evidenceRecordsFromLong(table: RowSource, issues: IssueList): Generator<EvidenceRecord> {
  // One record at a time: a national round's million rows are never held twice.
  for (const r of iterateRows(table, FIELDS.evidence, EvidenceRowSchema, issues, 'evidence file', FREE_COLUMNS.evidence, EVIDENCE_ROW_PLAIN)) {
    const v = r.value;
    const row = r.source.row;
    const numeric = r.source.numeric !== undefined; // CSV rows never are
    yield {
      unit: v.unit,
      criterion: v.criterion,
      self: v.self,
      appraised: v.appraised,
      evidence: v.evidence,
      note: v.note,
      row,
      selfNumeric: numeric && isNumericCell(r.source, r.cols.self),
      appraisedNumeric: numeric && isNumericCell(r.source, r.cols.appraised),
      at: (field) => cellLocation(table, row, r.cols[field]),
    };
  }
}

/**
 * Reads a wide-layout evidence table into records (one per unit × criterion column). Header
 * problems — no unit column or two of them, a code-like column naming no criterion, a criterion
 * column written twice — are located on the header row.
 */
export function* evidenceRecordsFromWide(table: RowSource, fw: Framework, issues: IssueList): Generator<EvidenceRecord> {
  const headerRow = headerRowOf(table);
  const before = issues.issues.length;
  const { unit: unitCol } = bindColumns(table, [FIELDS.evidence[0]], issues, 'wide evidence table');
  if (unitCol < 0 || issues.issues.length > before) return;
  const apprCols = new Map<string, number>();
  const selfCols = new Map<string, number>();
  table.header.forEach((h, i) => {
    if (i === unitCol) return;
    const m = SELF_SUFFIX.exec(h);
    const code = (m ? m[1] : h).trim();
    if (!fw.byCode.has(code)) {
      if (CODE_PATTERN.test(code) && /\d/.test(code)) {
        issues.add({ ...cellLocation(table, headerRow, i), ...problem('unknown-criterion/column', { header: h }), value: h });
      }
      return; // other columns (names, titles) are ignored
    }
    const cols = m ? selfCols : apprCols;
    const first = cols.get(code);
    if (first !== undefined) {
      issues.add({
        ...cellLocation(table, headerRow, i),
        ...problem('duplicate-column/wide', { code, self: m !== null, first: table.header[first], firstColumn: columnLetter(first) }),
        value: h,
      });
      return;
    }
    cols.set(code, i);
  });
  const codes = [...new Set([...apprCols.keys(), ...selfCols.keys()])].map((code) => ({ code, a: apprCols.get(code) ?? -1, s: selfCols.get(code) ?? -1 }));
  for (const r of table.rows) {
    const unit = r.cells[unitCol];
    for (const { code, a, s } of codes) {
      yield {
        unit,
        criterion: code,
        self: s >= 0 ? r.cells[s] : '',
        appraised: a >= 0 ? r.cells[a] : '',
        evidence: '',
        note: '',
        row: r.row,
        selfNumeric: isNumericCell(r, s),
        appraisedNumeric: isNumericCell(r, a),
        // A problem with the (unit, criterion) pair — a repeated unit row, a criterion that does not
        // apply — is located on this row's cell of the criterion's column.
        at: (field) => cellLocation(table, r.row, field === 'unit' ? unitCol : field === 'self' ? s : field === 'appraised' ? a : a >= 0 ? a : s),
      };
    }
  }
}

/** Options for reading inputs. */
export interface InputOptions extends NumberTextOptions {
  /** Label for error messages when a table has no file name. */
  file?: string;
}

function fail(issues: IssueList, at: Location, fields: Pick<Issue, 'code' | 'key' | 'params' | 'message' | 'expected'>, value: string): void {
  issues.add({ ...at, ...fields, value });
}

/**
 * Checks evidence records against the framework and units and stores them in `matrix`: unknown
 * unit or criterion, duplicate (unit, criterion), rows for survey criteria, parents or criteria
 * whose groups exclude the unit, and every cell against its rule. Pass the same `seen` to every
 * call for one round (as {@link buildInputs} does) so that a row repeated in another table is
 * caught too.
 */
export function addEvidence(
  matrix: InputMatrix,
  fw: Framework,
  units: Units,
  records: Iterable<EvidenceRecord>,
  issues: IssueList,
  opts: NumberTextOptions & SourceOptions = {},
  seen: FirstEvidenceRows = new FirstEvidenceRows(matrix.present.length),
): void {
  for (const rec of records) {
    const u = unitNamed(units, rec.unit);
    const c = fw.byCode.get(rec.criterion);
    if (!u) {
      fail(issues, rec.at('unit'), problem('unknown-unit', { unit: rec.unit }), rec.unit);
      continue;
    }
    if (!c) {
      fail(issues, rec.at('criterion'), problem('unknown-criterion', { criterion: rec.criterion }), rec.criterion);
      continue;
    }
    if (rec.self.trim() === '' && rec.appraised.trim() === '') {
      // Counts as no row; where it stands is kept for `check` (a template row to fill in).
      if (c.isLeaf && matrix.leafIndex.has(c.code)) {
        const cell = matrix.cell(matrix.unitIndex.get(u.id)!, matrix.leafIndex.get(c.code)!);
        if (!matrix.blankRows.has(cell)) matrix.blankRows.set(cell, rec.at('appraised'));
      }
      continue;
    }
    if (!c.isLeaf) {
      fail(issues, rec.at('criterion'), problem('parent-criterion', { code: c.code, children: c.children.join(', ') }), rec.criterion);
      continue;
    }
    if (ruleOf(c).scoring.source === 'survey') {
      fail(issues, rec.at('criterion'), problem('survey-criterion', { code: c.code }), rec.criterion);
      continue;
    }
    if (!appliesTo(c, u.group)) {
      fail(issues, rec.at('criterion'), problem('not-applicable', { code: c.code, group: u.group, unit: u.id }), rec.criterion);
      continue;
    }
    const cell = matrix.cell(matrix.unitIndex.get(u.id)!, matrix.leafIndex.get(c.code)!);
    const selfIn = readCell(c, rec.self, rec.selfNumeric ? POINT_DECIMAL : opts);
    const apprIn = readCell(c, rec.appraised, rec.appraisedNumeric ? POINT_DECIMAL : opts);
    const selfBad = isCellProblem(selfIn);
    const apprBad = isCellProblem(apprIn);
    if (selfBad) fail(issues, rec.at('self'), inputProblem(selfIn, c, u.id), rec.self);
    if (apprBad) fail(issues, rec.at('appraised'), inputProblem(apprIn, c, u.id), rec.appraised);
    if (selfBad || apprBad) continue;
    const first = seen.claim(cell, rec.row);
    if (first !== undefined) {
      fail(issues, rec.at('criterion'), problem('duplicate-row', { unit: u.id, criterion: c.code, ...first }), rec.criterion);
      continue;
    }
    matrix.present[cell] = 1;
    if (selfIn.kind === 'na') matrix.setNA(cell, SELF);
    else if (selfIn.kind === 'value') matrix.setScaled(cell, SELF, selfIn.units, selfIn.scale);
    if (apprIn.kind === 'na') matrix.setNA(cell, APPRAISED);
    else if (apprIn.kind === 'value') matrix.setScaled(cell, APPRAISED, apprIn.units, apprIn.scale);
    if (opts.sources !== false && (rec.evidence || rec.note)) matrix.sources.set(cell, { evidence: rec.evidence, note: rec.note, row: rec.row, file: rec.at('unit').file });
  }
}

/** The issue fields of an evidence cell its rule refused (`bad-input`, or `bad-number` for a point under `--decimal-comma`). */
function inputProblem(p: CellProblem, c: Criterion, unit: string) {
  const where = { criterion: c.code, rule: c.rule ?? '', unit };
  return p.params ? problem('bad-input', { ...p.params, ...where }) : problem('bad-number/input', where);
}

/** Checks survey results (unit, criterion, score 0–100 or NA) and stores them in `matrix`. */
export function addSurveyResults(matrix: InputMatrix, fw: Framework, units: Units, table: RowSource, issues: IssueList, opts: NumberTextOptions = {}): void {
  const seen = new Map<number, number>();
  for (const r of iterateRows(table, FIELDS.survey, SurveyRowSchema, issues, 'survey results file', FREE_COLUMNS.survey, SURVEY_ROW_PLAIN)) {
    const v = r.value;
    const at = (col: number) => cellLocation(table, r.source.row, col);
    const u = unitNamed(units, v.unit);
    const c = fw.byCode.get(v.criterion);
    if (!u) {
      fail(issues, at(r.cols.unit), problem('unknown-unit', { unit: v.unit }), v.unit);
      continue;
    }
    if (!c) {
      fail(issues, at(r.cols.criterion), problem('unknown-criterion/survey', { criterion: v.criterion }), v.criterion);
      continue;
    }
    if (!c.isLeaf || ruleOf(c).scoring.source !== 'survey') {
      fail(issues, at(r.cols.criterion), problem('not-survey-criterion/results', { code: c.code }), v.criterion);
      continue;
    }
    if (!appliesTo(c, u.group)) {
      fail(issues, at(r.cols.criterion), problem('not-applicable', { code: c.code, group: u.group, unit: u.id }), v.criterion);
      continue;
    }
    if (v.score.trim() === '') {
      // No row, as a blank evidence row; where it stands is kept for `check` (a template row to fill in).
      const blank = matrix.cell(matrix.unitIndex.get(u.id)!, matrix.leafIndex.get(c.code)!);
      if (!matrix.blankRows.has(blank)) matrix.blankRows.set(blank, at(r.cols.score));
      continue;
    }
    const input = readCell(c, v.score, isNumericCell(r.source, r.cols.score) ? POINT_DECIMAL : opts);
    if (isCellProblem(input)) {
      const where = { unit: u.id, criterion: c.code };
      fail(issues, at(r.cols.score), input.params ? problem('bad-score', { ...input.params, ...where }) : problem('bad-number/score', where), v.score);
      continue;
    }
    const cell = matrix.cell(matrix.unitIndex.get(u.id)!, matrix.leafIndex.get(c.code)!);
    const first = seen.get(cell);
    if (first !== undefined) {
      fail(issues, at(r.cols.criterion), problem('duplicate-row/survey', { unit: u.id, criterion: c.code, row: first }), v.criterion);
      continue;
    }
    seen.set(cell, r.source.row);
    matrix.present[cell] = 1;
    if (input.kind === 'na') matrix.setNA(cell, APPRAISED);
    else if (input.kind === 'value') matrix.setScaled(cell, APPRAISED, input.units, input.scale);
  }
}

/**
 * {@link buildInputs} with long CSV evidence (and CSV survey results) read by the byte path
 * (`input-bytes.ts`), or undefined as soon as one table leaves a line to the row path (or a table
 * has no text): the caller starts over.
 */
function fastInputs(fw: Framework, units: Units, tables: RoundTables, opts: NumberTextOptions & SourceOptions): InputMatrix | undefined {
  const evidence = tables.evidence === undefined ? [] : Array.isArray(tables.evidence) ? tables.evidence : 'header' in tables.evidence ? [tables.evidence] : undefined;
  if (evidence === undefined || evidence.length === 0 || evidence.some((t) => t.text === undefined)) return undefined;
  const reader = new InputBytes(fw, units, opts);
  const utf8 = new TextEncoder();
  for (const t of evidence) {
    const lines = reader.evidence(t.file);
    if (!lines.push(utf8.encode(t.text!.body)) || !lines.end()) return undefined;
  }
  const survey = tables.survey;
  if (survey?.text !== undefined) {
    const lines = reader.survey(survey.file);
    if (!lines.push(utf8.encode(survey.text.body)) || !lines.end()) return undefined;
  } else if (survey) addSurveyTable(reader.matrix, fw, units, survey, opts);
  return reader.matrix;
}

/** Adds a survey results table to a matrix read by the byte path, throwing its problems. */
export function addSurveyTable(matrix: InputMatrix, fw: Framework, units: Units, survey: RowSource, opts: NumberTextOptions = {}): void {
  const issues = new IssueList();
  addSurveyResults(matrix, fw, units, survey, issues, opts);
  issues.throwIfAny();
}

/** Whether the evidence references and notes are kept per cell (for the xlsx audit and `explain`). */
export interface SourceOptions {
  /**
   * Keep each cell's evidence reference, note and row (default true). A run whose outputs never show
   * them (`score` to JSON, CSV, a table or HTML) leaves them out: a national round holds ~700k fewer
   * strings.
   */
  sources?: boolean;
}

/** The tables of one round. */
export interface RoundTables {
  /**
   * Evidence table(s) (long or wide layout); an iterable is taken once, in order (a workbook's sheets
   * streamed as their rows are read: `streamXlsxSources`).
   */
  evidence?: RowSource | RowSource[] | Iterable<RowSource>;
  /** Survey results table. */
  survey?: RowSource;
}

/**
 * Checks and stores every input of a round. All problems across the tables are collected and
 * thrown together as one {@link ParIndexError}.
 */
export function buildInputs(fw: Framework, units: Units, tables: RoundTables, opts: NumberTextOptions & SourceOptions = {}): InputMatrix {
  // Long CSV evidence read straight from its bytes when every line is plainly right; the first line
  // that is not sends every table through the rows below instead (src/criteria/input-bytes.ts).
  const fast = fastInputs(fw, units, tables, opts);
  if (fast) return fast;
  const issues = new IssueList();
  const matrix = new InputMatrix(fw, units);
  const evidence: Iterable<RowSource> = tables.evidence === undefined ? [] : 'header' in tables.evidence ? [tables.evidence] : tables.evidence;
  const seen = new FirstEvidenceRows(matrix.present.length);
  for (const t of evidence) {
    seen.nextTable(t.file, t.sheet);
    const records = isWideEvidence(t, fw) ? evidenceRecordsFromWide(t, fw, issues) : evidenceRecordsFromLong(t, issues);
    addEvidence(matrix, fw, units, records, issues, opts, seen);
  }
  if (tables.survey) addSurveyResults(matrix, fw, units, tables.survey, issues, opts);
  issues.throwIfAny();
  return matrix;
}
