/**
 * A small CSV record splitter for the common case, used before csv-parse. `parindex score` on a
 * council's files runs once per command, so csv-parse's cold start (its state machine runs in the
 * interpreter) was a third of the command's own time; this splitter does the same work with
 * native `indexOf` scans and a short loop.
 *
 * It accepts files it reads exactly the way csv-parse (with `csvParseOptions`) reads them: LF or
 * CRLF line ends used consistently, RFC 4180 quoted cells (`""` escapes, line breaks inside
 * quotes). For anything else — a quote inside an unquoted cell, text after a closing quote, a
 * quote left open, bare CR or mixed line ends — it returns `undefined` and the caller runs
 * csv-parse, which stays the reference (and the one that words the error). Tests check both give
 * the same records on random input. `csvRecordsLazily` gives the records one at a time, so a
 * national evidence file (over a million rows) is never held as a table.
 */

const QUOTE = 34;
const LF = 10;
const CR = 13;

/**
 * What the walk notes about cells right of the header (the first record): its width, up to its last
 * non-blank cell (set as the header is walked; start at 0), and `found(record, col, value, cells)` for each record with a non-blank such
 * cell — its first one, and the record's cell count (record 0 is the header).
 */
export interface ExtraCells {
  width: number;
  found(record: number, col: number, value: string, cells: number): void;
}

/** How a text's records end, when the splitter can read it: the delimiter's code and the line end. */
interface Shape {
  d: number;
  crlf: boolean;
  /** Index of the first line end. */
  firstEnd: number;
}

function shapeOf(text: string, delimiter: string): Shape | undefined {
  if (delimiter.length !== 1) return undefined;
  const d = delimiter.charCodeAt(0);
  if (d === QUOTE || d === LF || d === CR) return undefined;
  // Line ends: LF or CRLF used throughout (mixed or bare CR line ends go to csv-parse), and only
  // when the first line end of the text is a real record end.
  const firstLF = text.indexOf('\n');
  const firstCR = text.indexOf('\r');
  let crlf = false;
  if (firstCR >= 0) {
    if (firstLF !== firstCR + 1) return undefined;
    crlf = true;
  }
  return { d, crlf, firstEnd: crlf ? firstCR : firstLF };
}

/**
 * The splitter: yields each record of `text` (non-empty) in order when `build`, or only walks the
 * text when not (nothing is sliced or kept); returns false at the first construct it leaves to
 * csv-parse — records already yielded stand, so a caller that must not act on part of a file checks
 * the whole text first with `build` false.
 */
function* records(text: string, shape: Shape, build: boolean, extra?: ExtraCells): Generator<string[], boolean, undefined> {
  const n = text.length;
  const { d, crlf, firstEnd } = shape;
  let firstRecord = true;
  let row: string[] = [];
  let i = 0;
  // Cells of the current record so far, and the record's index (the header is 0): for `extra`.
  let col = 0;
  let record = 0;
  let flaggedCol = -1;
  let flaggedValue = '';
  for (;;) {
    let c: number;
    const start = i;
    let quoted = false;
    if (i < n && text.charCodeAt(i) === QUOTE) {
      quoted = true;
      let value = '';
      let j = i + 1;
      for (;;) {
        const q = text.indexOf('"', j);
        if (q < 0) return false; // quote not closed
        if (q + 1 < n && text.charCodeAt(q + 1) === QUOTE) {
          if (build) value += text.slice(j, q + 1);
          j = q + 2;
          continue;
        }
        if (build) value += text.slice(j, q);
        i = q + 1;
        break;
      }
      if (build) row.push(value);
    } else {
      let j = i;
      c = 0;
      while (j < n) {
        c = text.charCodeAt(j);
        if (c === d || c === LF || c === CR || c === QUOTE) break;
        j++;
      }
      if (j < n && c === QUOTE) return false; // a quote inside an unquoted cell
      if (build) row.push(text.slice(i, j));
      i = j;
    }
    // The cell is [start, i); one right of the header's columns is noted (rare: sliced only then).
    if (extra !== undefined && firstRecord && i > start) {
      // The header's width is up to its last non-blank cell (a trailing delimiter adds none).
      if ((quoted ? text.slice(start + 1, i - 1) : text.slice(start, i)).trim() !== '') extra.width = col + 1;
    } else if (extra !== undefined && !firstRecord && col >= extra.width && flaggedCol < 0 && i > start) {
      const value = quoted ? text.slice(start + 1, i - 1).replace(/""/g, '"') : text.slice(start, i);
      if (value.trim() !== '') {
        flaggedCol = col;
        flaggedValue = value;
      }
    }
    col++;
    if (i >= n) {
      if (flaggedCol >= 0) extra?.found(record, flaggedCol, flaggedValue, col);
      if (build) yield row;
      return true;
    }
    c = text.charCodeAt(i);
    if (quoted && c !== d && c !== LF && c !== CR) return false; // text after a closing quote
    // text[i] is the delimiter or a line end.
    if (c === d) {
      i++;
      continue;
    }
    if (crlf) {
      if (c !== CR || i + 1 >= n || text.charCodeAt(i + 1) !== LF) return false;
    } else if (c !== LF) return false;
    if (firstRecord) {
      if (i !== firstEnd) return false; // the first line end was inside quotes
      firstRecord = false;
    }
    if (flaggedCol >= 0) {
      extra?.found(record, flaggedCol, flaggedValue, col);
      flaggedCol = -1;
    }
    col = 0;
    record++;
    if (build) {
      yield row;
      row = [];
    }
    i += crlf ? 2 : 1;
    if (i >= n) return true;
  }
}

/**
 * Splits CSV text (BOM already removed) into records of cell texts, or returns `undefined` when
 * the text needs csv-parse (see the module notes).
 */
export function splitCsvFast(text: string, delimiter: string): string[][] | undefined {
  if (text.length === 0) return [];
  const shape = shapeOf(text, delimiter);
  if (!shape) return undefined;
  const out: string[][] = [];
  const it = records(text, shape, true);
  for (;;) {
    const r = it.next();
    if (r.done) return r.value ? out : undefined;
    out.push(r.value);
  }
}

/**
 * The records of CSV text (BOM already removed) one at a time, as they are iterated (each
 * iteration splits the text anew, holding one record at a time), or `undefined` when the text
 * needs csv-parse. The whole text is walked once first, keeping nothing, so a declined file is
 * known before any record is used; with `extra`, that walk also notes each record's first non-blank
 * cell right of the header (a record that is too long), so those are known before too.
 */
export function csvRecordsLazily(text: string, delimiter: string, extra?: ExtraCells): Iterable<string[]> | undefined {
  if (text.length === 0) return [];
  const shape = shapeOf(text, delimiter);
  if (!shape) return undefined;
  const walk = records(text, shape, false, extra);
  let r = walk.next();
  while (!r.done) r = walk.next();
  if (!r.value) return undefined;
  return {
    *[Symbol.iterator]() {
      yield* records(text, shape, true);
    },
  };
}
