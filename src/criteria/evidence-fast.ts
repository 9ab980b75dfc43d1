/**
 * The fast path for long-layout evidence in CSV text (issue 14): each line goes from the text
 * straight into the input matrix — cells sliced from the text by index, no row arrays, no record
 * objects, no schema pass — for the lines that are plainly right: the unit and criterion known as
 * written, a leaf appraisal criterion that applies to the unit, both cells read by the criterion's
 * rule, no second row for the cell. The first line that is anything else (a quote left open or a
 * line break inside quotes, a cell past the header line, a unit written in another Unicode form,
 * any problem at all) makes it give up, and {@link buildInputs} reads every table again through the
 * general path — the reference — which words the problems. So both paths give the same matrix on
 * every file the fast one finishes, and the same errors on every other (test/evidence-fast.test.ts
 * and the readers' property tests hold them to it).
 */
import { IssueList } from '../errors.js';
import type { NumberTextOptions } from '../numbers/decimal-text.js';
import { bindColumns, FIELDS, FREE_COLUMNS } from '../table/headers.js';
import { cellLocation, type RowSource } from '../table/table.js';
import type { FirstEvidenceRows, SourceOptions } from './evidence.js';
import { appliesTo, type Criterion, type Framework } from './framework.js';
import { APPRAISED, type InputMatrix, SELF } from './inputs.js';
import { isCellProblem, readCell } from './rules.js';
import { ruleOf } from './rules/index.js';
import type { Unit, Units } from './units.js';

const QUOTE = 34;

/** What the checks need of one criterion code, looked up once per file. */
interface CriterionFacts {
  c: Criterion;
  leaf: number | undefined;
  /** A leaf scored from evidence (not a survey criterion). */
  appraisal: boolean;
  /** Whether it applies to a group, by group. */
  applies: Map<string, boolean>;
}

/**
 * The cells of one line (`line` has no line end), into `out` (reused): quoted cells unescaped
 * (`""` → `"`), every cell trimmed as tables trim them. Returns the cell count, or -1 for a line the
 * general path must read (a quote left open, a quote inside an unquoted cell, text after a closing
 * quote).
 */
function splitLine(line: string, d: string, out: string[]): number {
  let n = 0;
  let i = 0;
  const len = line.length;
  for (;;) {
    let value: string;
    // Leading spaces before an opening quote would be text to csv-parse: only a quote at the very start opens.
    if (i < len && line.charCodeAt(i) === QUOTE) {
      let j = i + 1;
      value = '';
      for (;;) {
        const q = line.indexOf('"', j);
        if (q < 0) return -1; // the quote closes on another line
        if (q + 1 < len && line.charCodeAt(q + 1) === QUOTE) {
          value += line.slice(j, q + 1);
          j = q + 2;
          continue;
        }
        value += line.slice(j, q);
        i = q + 1;
        break;
      }
      if (i < len && line[i] !== d) return -1; // text after the closing quote
    } else {
      const next = line.indexOf(d, i);
      const end = next < 0 ? len : next;
      value = line.slice(i, end);
      if (value.indexOf('"') >= 0) return -1;
      i = end;
    }
    out[n++] = value.trim();
    if (i >= len) return n;
    i++; // the delimiter
    if (i === len) {
      out[n++] = '';
      return n;
    }
  }
}

/**
 * Reads a long-layout evidence table held as CSV text (`table.text`) into `matrix`. Returns false,
 * having possibly written part of it, at the first line it leaves to the general path (the caller
 * then starts over with a fresh matrix); true when every line went in.
 */
export function readLongEvidenceFast(table: RowSource, fw: Framework, units: Units, matrix: InputMatrix, opts: NumberTextOptions & SourceOptions, seen: FirstEvidenceRows): boolean {
  const text = table.text;
  if (text === undefined || table.lineCells === undefined) return false;
  const scratch = new IssueList();
  const cols = bindColumns(table, FIELDS.evidence, scratch, 'evidence file', FREE_COLUMNS.evidence);
  if (scratch.issues.length > 0 || cols.unit < 0 || cols.criterion < 0) return false;
  const { body, delimiter } = text;
  const lineCells = table.lineCells;
  const cells: string[] = new Array(lineCells);
  const get = (c: number, n: number) => (c >= 0 && c < n ? cells[c] : '');
  // Line ends: LF or CRLF throughout (a bare CR is the general path's).
  const firstLF = body.indexOf('\n');
  if (firstLF < 0) return true; // a header and no rows
  const crlf = firstLF > 0 && body.charCodeAt(firstLF - 1) === 13;
  let start = firstLF + 1;
  let row = 1;
  // Rows come grouped by unit and repeat the same criteria: the last unit, and per criterion code
  // what the checks need, are looked up once.
  let lastUnitId: string | undefined;
  let lastUnit: Unit | undefined;
  let lastUnitIndex = -1;
  const byCode = new Map<string, CriterionFacts | null>();
  while (start < body.length) {
    const lf = body.indexOf('\n', start);
    let end = lf < 0 ? body.length : lf;
    const next = lf < 0 ? body.length : lf + 1;
    row++;
    if (crlf && end > start && body.charCodeAt(end - 1) === 13) end--;
    const line = body.slice(start, end);
    start = next;
    if (line.indexOf('\r') >= 0) return false;
    const n = splitLine(line, delimiter, cells);
    if (n < 0 || n > lineCells) return false;
    let blank = true;
    for (let k = 0; k < n; k++) {
      if (cells[k] !== '') {
        blank = false;
        break;
      }
    }
    if (blank) continue; // a blank line: no row (rows keep their numbers)
    const unitId = get(cols.unit, n);
    if (unitId !== lastUnitId) {
      lastUnitId = unitId;
      lastUnit = units.byId.get(unitId);
      lastUnitIndex = lastUnit ? matrix.unitIndex.get(lastUnit.id)! : -1;
    }
    const u = lastUnit;
    const code = get(cols.criterion, n);
    let facts = byCode.get(code);
    if (facts === undefined) {
      const c = fw.byCode.get(code);
      facts = c ? { c, leaf: matrix.leafIndex.get(c.code), appraisal: c.isLeaf && ruleOf(c).scoring.source !== 'survey', applies: new Map() } : null;
      byCode.set(code, facts);
    }
    if (!u || facts === null) return false;
    const { c, leaf } = facts;
    const self = get(cols.self, n);
    const appraised = get(cols.appraised, n);
    if (self === '' && appraised === '') {
      // As the general path: no row; where it stands is kept for `check`.
      if (c.isLeaf && leaf !== undefined) {
        const cell = matrix.cell(lastUnitIndex, leaf);
        if (!matrix.blankRows.has(cell)) matrix.blankRows.set(cell, cellLocation(table, row, cols.appraised));
      }
      continue;
    }
    if (!facts.appraisal || leaf === undefined) return false;
    let applies = facts.applies.get(u.group);
    if (applies === undefined) {
      applies = appliesTo(c, u.group);
      facts.applies.set(u.group, applies);
    }
    if (!applies) return false;
    const selfIn = readCell(c, self, opts);
    const apprIn = readCell(c, appraised, opts);
    if (isCellProblem(selfIn) || isCellProblem(apprIn)) return false;
    const cell = matrix.cell(lastUnitIndex, leaf);
    if (seen.claim(cell, row) !== undefined) return false;
    matrix.present[cell] = 1;
    if (selfIn.kind === 'na') matrix.setNA(cell, SELF);
    else if (selfIn.kind === 'value') matrix.setScaled(cell, SELF, selfIn.units, selfIn.scale);
    if (apprIn.kind === 'na') matrix.setNA(cell, APPRAISED);
    else if (apprIn.kind === 'value') matrix.setScaled(cell, APPRAISED, apprIn.units, apprIn.scale);
    if (opts.sources !== false) {
      const evidence = get(cols.evidence, n);
      const note = get(cols.note, n);
      if (evidence || note) matrix.sources.set(cell, { evidence, note, row, file: table.file });
    }
  }
  return true;
}
