/**
 * The results workbook (`parindex score --format xlsx`), for councils and publication:
 *
 * 1. One sheet per league, named by the league's name (units file `rankGroupName`, else its id):
 *    the published table of src/report/results-model.ts — the HTML report shows the same content —
 *    title, league name and summary, the legend, then rank, unit, group (where the league mixes
 *    groups), per area its points, component index (%) and, where it differs within the league,
 *    each unit's maximum; total, applicable max, index, band, and with a previous result last
 *    year's index and rank and the changes. The unit and league ids are hidden columns (`compare`
 *    and `--previous` read the sheet back). A4 landscape, one page wide, both header rows repeated.
 * 2. `Tổng hợp` — count, mean, min and max per league and per group.
 * 3. `Tự chấm và thẩm định` — per unit and area: self-assessed points, points after appraisal and
 *    the council's adjustment (their difference), then the same for the totals and both indices.
 * 4. `Chi tiết chấm điểm` — the audit: every (unit, applicable leaf) with its self and appraised
 *    inputs, the input that counted, the rule, max, points, the evidence reference and note, and
 *    the row it came from (continued on `Chi tiết chấm điểm (2)`, … past Excel's row limit).
 * 5. `Thiết lập` — input files, every setting used, the arithmetic path, the package version and
 *    each input file with its SHA-256.
 *
 * Numbers: display figures (sheets 1–3) hold the exact value rounded once to `decimals` — the same
 * figure the CSV, JSON and table outputs print — with the number format `0.00` (per `decimals`).
 * Differences are computed exactly and rounded once. The audit sheet keeps points to 12 decimals
 * (shown with `decimals` places) so a council can re-add a unit's leaves in Excel; inputs are the
 * values as entered. Every sheet prints A4 landscape, fitted to the page width, with its header
 * rows repeated. The same inputs give byte-identical files (no clock in them).
 */
import type { ScoreResult, UnitResult, Summary } from '../scoring/score.js';
import type { InputMatrix } from '../criteria/inputs.js';
import { type LeafRule, ruleOf } from '../criteria/rules/index.js';
import { unitLeafAudit, type AuditStatus, type SideInput } from '../scoring/leaf-audit.js';
import { SelfSides } from '../scoring/self-sides.js';
import type { Exact } from '../numbers/exact.js';
import { VERSION } from '../version.js';
import type { OutputFormat } from '../scoring/result-json.js';
import { Figures, publishedReport, type PubCell, type PubLeague, type PubReport, type PublishOptions } from '../report/results-model.js';
import { resultsWords } from '../report/results-words.js';
import { pair } from '../i18n/catalogue.js';
import { appliesTo, type Criterion } from '../criteria/framework.js';
import { AsciiOut, numberSpan } from './sheet-bytes.js';
import { buildWorkbookBytes, type ByteSink, checkCellText, EXCEL_MAX_ROWS, exactCell, fitWidths, numFmtFor, roundedNumber, safeSheetName, textWidth, writeWorkbook, type BookWriter, type WriteFlow } from './write.js';

/** What the workbook records besides the result: the inputs (for the audit) and how the run was made. */
export interface ResultsWorkbookContext extends PublishOptions {
  /** The round's inputs (the audit and self-vs-appraised sheets are built from them). */
  inputs: InputMatrix;
  /** Input files as given. */
  files?: { framework?: string; units?: string; evidence?: string | string[]; survey?: string; previous?: string };
  /** Other options of the run worth recording (e.g. `strict`, `decimalComma`). */
  options?: Record<string, string | number | boolean | undefined>;
  /** Rows per audit sheet (default: Excel's limit less the header). */
  maxRowsPerSheet?: number;
  /**
   * Where the audit goes: `sheet` (default) — the `Chi tiết chấm điểm` sheet(s) of the workbook;
   * `none` — no audit sheet (the CLI's `--audit csv` writes it beside the workbook instead, see
   * `audit-csv.ts`, and names that file in {@link auditFile}).
   */
  audit?: 'sheet' | 'none';
  /** The audit's CSV file (its name), recorded on the settings sheet when the audit went there. */
  auditFile?: string;
  /** Called as the audit is written: units done of the total (a progress bar's feed). */
  progress?: (done: number, total: number) => void;
}

/** Header labels of a league sheet in Vietnamese, as published (`compare` and `--previous` read them back). */
export const LEAGUE_LABELS = (() => {
  const w = resultsWords('vi');
  return { rank: w.rank, unit: w.unitId, name: w.name, group: w.group, rankGroup: w.leagueId, points: w.total, max: w.totalMax, index: w.index, band: w.band } as const;
})();

/** The words of the summary, sides, audit and settings sheets, Vietnamese and English (league sheets: `resultsWords`). */
const WORKBOOK_WORDS = pair({
  vi: {
    sheets: { summary: 'Tổng hợp', sides: 'Tự chấm và thẩm định', audit: 'Chi tiết chấm điểm', settings: 'Thiết lập' },
    status: { appraised: 'đã thẩm định', self: 'chưa thẩm định (dùng điểm tự chấm)', survey: 'điều tra xã hội học', na: 'không áp dụng (NA)', missing: 'thiếu (0 điểm)' } as Record<AuditStatus, string>,
    summary: { kind: 'Loại', name: 'Tên', count: 'Số đơn vị có chỉ số', mean: 'Trung bình', min: 'Thấp nhất', max: 'Cao nhất', league: 'Khối', group: 'Nhóm' },
    sides: {
      league: 'Khối',
      unit: 'Mã đơn vị',
      name: 'Tên đơn vị',
      self: (c: string) => `${c} tự chấm`,
      appraised: (c: string) => `${c} thẩm định`,
      diff: (c: string) => `${c} chênh lệch`,
      totalSelf: 'Tổng tự chấm',
      totalAppraised: 'Tổng sau thẩm định',
      totalDiff: 'Chênh lệch',
      selfIndex: 'Chỉ số tự đánh giá',
      index: 'Chỉ số sau thẩm định',
    },
    audit: [
      'Khối',
      'Mã đơn vị',
      'Tên đơn vị',
      'Mã tiêu chí',
      'Tên tiêu chí',
      'Cách chấm',
      'Tham số',
      'Điểm tối đa',
      'Điểm tự chấm',
      'Điểm thẩm định',
      'Đầu vào tính điểm',
      'Trạng thái',
      'Điểm',
      'Điểm tối đa áp dụng',
      'Tài liệu kiểm chứng',
      'Ghi chú',
      'Nguồn (tệp:dòng)',
    ],
    row: 'dòng ',
    settings: { header: 'Thiết lập', value: 'Giá trị' },
  },
  en: {
    sheets: { summary: 'Summary', sides: 'Self and appraised', audit: 'Scoring detail', settings: 'Settings' },
    status: { appraised: 'appraised', self: 'not appraised (self-score used)', survey: 'survey', na: 'not applicable (NA)', missing: 'missing (0 points)' } as Record<AuditStatus, string>,
    summary: { kind: 'Kind', name: 'Name', count: 'Units with an index', mean: 'Mean', min: 'Min', max: 'Max', league: 'League', group: 'Group' },
    sides: {
      league: 'League',
      unit: 'Unit',
      name: 'Name',
      self: (c: string) => `${c} self`,
      appraised: (c: string) => `${c} appraised`,
      diff: (c: string) => `${c} difference`,
      totalSelf: 'Total self',
      totalAppraised: 'Total appraised',
      totalDiff: 'Difference',
      selfIndex: 'Self index',
      index: 'Index after appraisal',
    },
    audit: ['League', 'Unit', 'Name', 'Criterion', 'Title', 'Rule', 'Params', 'Max', 'Self', 'Appraised', 'Scored input', 'Status', 'Points', 'Applicable max', 'Evidence', 'Note', 'Source (file:row)'],
    row: 'row ',
    settings: { header: 'Setting', value: 'Value' },
  },
});

/** Sheet names (Vietnamese; `--lang en` gives the English ones). */
export const RESULT_SHEETS = {
  league: (label: string) => label,
  ...WORKBOOK_WORDS.vi.sheets,
} as const;

/** A sheet's rows, with which columns hold display numbers. */
interface SheetData {
  header: string[];
  rows: (string | number | null)[][];
  /** Column indexes formatted with the output number format. */
  numberCols: Set<number>;
  /** Notes on header cells, by column index. */
  notes?: Map<number, string>;
  /** Frozen columns at the left. */
  frozenCols?: number;
}

const HEAD_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE6E6E6' } } as const;
const THIN = { style: 'thin', color: { argb: 'FF999999' } } as const;
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** A4 (paper size 9) landscape, fitted to one page wide, `titles` rows repeated on every page. */
function printSetup(titles?: string) {
  return {
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
    ...(titles ? { printTitlesRow: titles } : {}),
  } as const;
}

/** A sheet's header and what goes with it, before its rows. */
type SheetHead = Omit<SheetData, 'rows'>;

/** Adds a sheet, its columns `widths` wide, filtered over `rows` rows, and writes its header row. */
function sheetHead(wb: BookWriter, name: string, data: SheetHead, widths: readonly number[], rows: number) {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', xSplit: data.frozenCols ?? 0, ySplit: 1 }], pageSetup: printSetup('1:1') });
  ws.columns = data.header.map((_, i) => ({ width: widths[i] }));
  if (rows > 0) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: rows + 1, column: data.header.length } };
  const head = ws.addRow(data.header);
  head.font = { bold: true };
  head.alignment = { vertical: 'middle', wrapText: true };
  head.eachCell((cell, n) => {
    cell.fill = HEAD_FILL;
    const note = data.notes?.get(n - 1);
    if (note) cell.note = note;
  });
  head.commit();
  return ws;
}

/** A sheet through exceljs's cell model (the streamed self-vs-appraised sheet: {@link writeSidesSheet}). */
function writeSheet(wb: BookWriter, name: string, data: SheetData, numFmt: string): void {
  const ws = sheetHead(wb, name, data, fitWidths(data.header, data.rows, { max: 50, numberWidth: numFmt.length }), data.rows.length);
  for (const r of data.rows) {
    const row = ws.addRow(r);
    for (const i of data.numberCols) if (typeof r[i] === 'number') row.getCell(i + 1).numFmt = numFmt;
    row.commit();
  }
  ws.commit();
}

/** The number format of a published cell: its decimals, and `+` on positive changes. */
function cellFormat(decimals: number, signedCell: boolean | undefined): string {
  const base = numFmtFor(decimals);
  return signedCell ? `+${base};-${base};${base}` : base;
}

/** Lines a text takes in a column `chars` wide (word wrap, roughly). */
function linesFor(text: string, chars: number): number {
  let lines = 1;
  let used = 0;
  for (const word of text.split(/\s+/)) {
    const n = [...word].length;
    if (used > 0 && used + 1 + n > chars) {
      lines++;
      used = n;
    } else used += (used > 0 ? 1 : 0) + n;
  }
  return lines;
}

/**
 * A league sheet: the published table of src/report/results-model.ts (the HTML report shows the
 * same). Rows: title, league name, summary, legend notes, then two header rows (areas over their
 * columns; column labels) repeated on every printed page, then one row per unit in rank order. The
 * unit and league ids are hidden columns, for `compare` and `--previous` to read the sheet back.
 */
function writeLeagueSheet(wb: BookWriter, flow: WriteFlow, name: string, report: PubReport, league: PubLeague): void {
  const cols = league.columns;
  const groupRow = 4 + report.notes.length;
  const labelRow = groupRow + 1;
  const widths = cols.map((c, i) => {
    if (c.hidden) return 12;
    let longest = 0;
    for (const r of league.rows) {
      const x = r.cells[i];
      // A number's text is ASCII digits, a point and a sign: its width is its length.
      const w = x.kind === 'empty' ? 0 : x.kind === 'number' ? x.text.length : textWidth(x.text);
      if (w > longest) longest = w;
    }
    if (c.role === 'name' || c.role === 'group') return Math.min(45, Math.max(longest + 2, 10));
    return Math.max(7, longest + 2);
  });
  const frozen = cols.findIndex((c) => c.role === 'name') + 1;
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', xSplit: frozen, ySplit: labelRow }], pageSetup: printSetup(`${groupRow}:${labelRow}`) });
  ws.columns = cols.map((c, i) => ({ width: widths[i], hidden: c.hidden === true }));
  ws.autoFilter = { from: { row: labelRow, column: 1 }, to: { row: labelRow + league.rows.length, column: cols.length } };
  const title = ws.addRow([report.title]);
  title.font = { bold: true, size: 14 };
  title.commit();
  const heading = ws.addRow([league.label]);
  heading.font = { bold: true, size: 12 };
  heading.commit();
  ws.addRow([league.summary]).commit();
  for (const note of report.notes) {
    const r = ws.addRow([note]);
    r.font = { italic: true, size: 9 };
    r.commit();
  }
  // Areas (and last year's columns) over their columns; the merges never touch the label row.
  const groupCells: (string | null)[] = cols.map(() => null);
  for (const g of league.groups) groupCells[g.from] = g.label;
  const gr = ws.addRow(groupCells);
  let tallest = 1;
  for (const g of league.groups) {
    const chars = widths.slice(g.from, g.from + g.span).reduce((a, b) => a + b, 0);
    tallest = Math.max(tallest, linesFor(g.label, Math.max(4, Math.floor(chars * 0.95))));
  }
  gr.height = 13 * tallest + 4;
  for (let i = 1; i <= cols.length; i++) {
    const cell = gr.getCell(i);
    cell.fill = HEAD_FILL;
    cell.border = BORDER;
    cell.font = { bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  }
  for (const g of league.groups) if (g.span > 1) ws.mergeCells(groupRow, g.from + 1, groupRow, g.from + g.span);
  gr.commit();
  const lr = ws.addRow(cols.map((c) => c.label));
  lr.height = 13 * Math.max(...cols.map((c, i) => (c.hidden ? 1 : linesFor(c.label, Math.max(4, Math.floor(widths[i] * 0.95)))))) + 4;
  lr.eachCell((cell) => {
    cell.fill = HEAD_FILL;
    cell.border = BORDER;
    cell.font = { bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'bottom', wrapText: true };
  });
  lr.commit();
  if (flow.streamed) {
    // A national league's 10,000 rows as raw XML (exceljs's cell model took seconds): the same cells and styles.
    const raw = new RawRows(
      wb,
      undefined,
      () => false,
      () => true,
    );
    // The style of a column's cells of one kind (empty, text, a number's decimals and sign), looked
    // up once per column and kind: the workbook's styles are added in the order cells first need them.
    const styles: string[][] = cols.map(() => []);
    const styleOf = (i: number, c: PubCell): string => {
      const k = c.kind === 'empty' ? 0 : c.kind === 'text' ? 1 : 2 + 2 * c.decimals + (c.signed ? 1 : 0);
      let style = styles[i][k];
      if (style === undefined) {
        const bold = cols[i].role === 'index';
        const centred = c.kind === 'text' && cols[i].role === 'previousIndex';
        const fmt = c.kind === 'number' ? cellFormat(c.decimals, c.signed) : '';
        style = raw.style(
          `${c.kind}|${fmt}|${bold}|${centred}`,
          { border: BORDER, ...(fmt ? { numFmt: fmt } : {}), ...(bold ? { font: { bold: true } } : {}), ...(centred ? { alignment: { horizontal: 'center' } } : {}) },
          c.kind === 'number' ? 2 : c.kind === 'text' ? 3 : 0,
        );
        styles[i][k] = style;
      }
      return style;
    };
    // Rows as bytes, handed on in the pieces the rows' strings once were (a row every cols + 2 of them, up to 65,536).
    const out = new AsciiOut();
    const stream = (ws as unknown as StreamedParts['sheet']).stream;
    const perWrite = Math.ceil(65_536 / (cols.length + 2));
    let r = labelRow + 1;
    let inWrite = 0;
    for (const row of league.rows) {
      const rs = String(r);
      out.text('<row r="');
      out.text(rs);
      out.text('">');
      const cells = row.cells;
      for (let i = 0; i < cells.length; i++) {
        const c = cells[i];
        const style = styleOf(i, c);
        if (c.kind === 'number') raw.numberBytes(out, c.text, i, rs, style);
        else if (c.kind === 'text') raw.sharedBytes(out, c.text, i, r, rs, name, style);
        else raw.emptyBytes(out, i, rs, style);
      }
      out.text('</row>');
      r++;
      if (++inWrite === perWrite) {
        stream.writeAscii(out.take());
        inWrite = 0;
      }
    }
    stream.writeAscii(out.take());
    ws.commit();
    return;
  }
  for (const r of league.rows) {
    const row = ws.addRow(r.cells.map((c) => (c.kind === 'empty' ? null : c.kind === 'text' ? c.text : Number(c.text))));
    r.cells.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      cell.border = BORDER;
      if (c.kind === 'number') cell.numFmt = cellFormat(c.decimals, c.signed);
      if (cols[i].role === 'index') cell.font = { bold: true };
      if (c.kind === 'text' && cols[i].role === 'previousIndex') cell.alignment = { horizontal: 'center' };
    });
    row.commit();
  }
  ws.commit();
}

/** A league's or group's name for people: the units file's, else its id. */
interface Names {
  league: (id: string) => string;
  group: (id: string) => string;
  /** The sheets' words in the workbook's language. */
  w: (typeof WORKBOOK_WORDS)['vi'];
}

function namesOf(ctx: PublishOptions): Names {
  return { league: (id) => ctx.labels?.leagues.get(id) ?? id, group: (id) => ctx.labels?.groups.get(id) ?? id, w: WORKBOOK_WORDS[ctx.lang === 'en' ? 'en' : 'vi'] };
}

function summarySheet(result: ScoreResult, f: OutputFormat, names: Names): SheetData {
  const n = (x: Exact | null) => roundedNumber(x, f.decimals, f.rounding);
  const line = (kind: string, key: string, s: Summary) => [kind, key, s.count, n(s.mean), n(s.min), n(s.max)];
  const w = names.w.summary;
  const rows = [...[...result.leagues].map(([k, s]) => line(w.league, names.league(k), s)), ...[...result.groups].map(([k, s]) => line(w.group, names.group(k), s))];
  return { header: [w.kind, w.name, w.count, w.mean, w.min, w.max], rows, numberCols: new Set([3, 4, 5]) };
}

/** The self-vs-appraised sheet's header: league, unit, name, per area self, appraised and their difference, then the totals' and the indices. */
function sidesHead(result: ScoreResult, names: Names): SheetHead {
  const areas = result.framework.areas;
  const w = names.w.sides;
  const header = [w.league, w.unit, w.name, ...areas.flatMap((a) => [w.self(a.code), w.appraised(a.code), w.diff(a.code)]), w.totalSelf, w.totalAppraised, w.totalDiff, w.selfIndex, w.index];
  const numberCols = new Set<number>();
  for (let i = 3; i < header.length; i++) numberCols.add(i);
  const notes = new Map(areas.map((a, i) => [3 + 3 * i, `${a.code}. ${a.title}`]));
  return { header, numberCols, notes, frozenCols: 3 };
}

/** The self-vs-appraised sheet, every figure an exact value rounded once (the reference of {@link writeSidesSheet}). */
function sidesSheet(result: ScoreResult, inputs: InputMatrix, f: OutputFormat, names: Names): SheetData {
  const areas = result.framework.areas;
  const n = (x: Exact | null) => roundedNumber(x, f.decimals, f.rounding);
  // Self points per area from the kernel (SelfSides); the final side's are the result's own.
  const selfSides = new SelfSides(result.framework, inputs);
  const rows = result.units.map((u: UnitResult) => {
    const at = inputs.unitIndex.get(u.unit)!;
    const perArea = areas.flatMap((a, i) => {
      const self = selfSides.area(at, i);
      if (!self) return [null, null, null];
      const points = u.areas.get(a.code)!.points;
      return [n(self.points), n(points), n(points.sub(self.points))];
    });
    return [names.league(u.rankGroup), u.unit, u.name, ...perArea, n(u.selfPoints), n(u.points), n(u.points.sub(u.selfPoints)), n(u.selfIndex), n(u.index)];
  });
  return { ...sidesHead(result, names), rows };
}

/**
 * The self-vs-appraised sheet streamed as raw XML (a national round: 10,063 rows of 29 figures):
 * the cells of {@link sidesSheet}, each figure printed from the kernel's totals ({@link Figures}:
 * the text the exact value's `toFixed` gives) and written as the number that text reads as
 * (`numberBytes`), its rows as bytes in writes of 4096 rows (as their strings were written).
 */
function writeSidesSheet(wb: BookWriter, name: string, result: ScoreResult, inputs: InputMatrix, f: OutputFormat, names: Names, numFmt: string): void {
  const head = sidesHead(result, names);
  const areas = result.framework.areas;
  const figures = new Figures(result, f);
  const selfSides = new SelfSides(result.framework, inputs);
  const cols = head.header.length;
  // Every row's cells, one after another: text for the first three, a figure's text (or null) for the rest.
  const cells: (string | null)[] = [];
  for (const u of result.units) {
    const at = inputs.unitIndex.get(u.unit)!;
    cells.push(names.league(u.rankGroup), u.unit, u.name);
    for (let i = 0; i < areas.length; i++) {
      const self = selfSides.area(at, i);
      if (!self) cells.push(null, null, null);
      else {
        const code = areas[i].code;
        cells.push(self.points.toFixed(f.decimals, f.rounding), figures.areaPoints(u, i, code), figures.areaLess(u, i, code, self.points));
      }
    }
    cells.push(figures.selfPoints(u), figures.total(u), figures.totalLessSelf(u), figures.selfIndex(u), figures.index(u));
  }
  const rows = result.units.length;
  // Widths as fitWidths fits them: the header and the first 5000 rows, a number at least as wide as its format.
  const widths = head.header.map((h) => textWidth(h));
  for (let r = 0, k = 0; r < Math.min(rows, 5000); r++) {
    for (let i = 0; i < cols; i++, k++) {
      const v = cells[k];
      let w = 0;
      if (v !== null && i >= 3) {
        const span = numberSpan(v);
        w = Math.max(span < 0 ? String(Number(v)).length : (span >> 1) - (span & 1), numFmt.length);
      } else if (v !== null) w = textWidth(v);
      if (w > widths[i]) widths[i] = w;
    }
  }
  const ws = sheetHead(
    wb,
    name,
    head,
    widths.map((w) => Math.min(50, Math.max(6, w + 2))),
    rows,
  );
  const raw = new RawRows(
    wb,
    numFmt,
    (i) => i >= 3,
    () => true,
  );
  const stream = (ws as unknown as StreamedParts['sheet']).stream;
  const out = new AsciiOut();
  for (let from = 0; from < rows; from += 4096) {
    for (let r = from, k = from * cols; r < Math.min(rows, from + 4096); r++) {
      const row = r + 2;
      const rs = String(row);
      out.text('<row r="');
      out.text(rs);
      out.text('">');
      for (let i = 0; i < cols; i++, k++) {
        const v = cells[k];
        if (v === null || v === '') continue;
        if (i >= 3) raw.numberBytes(out, v, i, rs, raw.numberStyle);
        else raw.sharedBytes(out, v, i, row, rs, name, '');
      }
      out.text('</row>');
    }
    stream.writeAscii(out.take());
  }
  ws.commit();
}

/** An input side as an audit cell: blank, `NA`, the rule's label (`yesno`), or the value as entered. */
export function inputCell(s: SideInput, rule: LeafRule): string | number | null {
  if (s.state === 'blank') return null;
  if (s.state === 'na') return 'NA';
  if (rule.inputLabel) return rule.inputLabel(s.value);
  const t = s.value.toString();
  return t.includes('/') ? Number(s.value.toFixed(12)) : exactCell(t);
}

/** An audit row: the cells of {@link AUDIT_COLUMNS} (`null` for an empty cell). */
export type AuditRow = (string | number | null)[];

/** The audit's columns, Vietnamese and English (the sheet's header and the CSV's). */
export const AUDIT_COLUMNS = { vi: WORKBOOK_WORDS.vi.audit, en: WORKBOOK_WORDS.en.audit } as const;

/** How many audit rows a result has: one per unit and applicable leaf (no row is built). */
export function auditRowCount(result: ScoreResult): number {
  const perGroup = new Map<string, number>();
  let n = 0;
  for (const u of result.units) {
    let k = perGroup.get(u.group);
    if (k === undefined) {
      k = result.framework.leaves.filter((c) => appliesTo(c, u.group)).length;
      perGroup.set(u.group, k);
    }
    n += k;
  }
  return n;
}

/** The name an evidence file goes by in the audit's source column (its base name). */
function evidenceLabel(file: string | undefined): string {
  return file ? file.split(/[\\/]/).pop()! : '';
}

/** The audit's source column before the row number: `file:`, or `dòng ` for a row given without a file. */
export function auditSourcePrefix(file: string | undefined, lang: PublishOptions['lang']): string {
  return file ? `${evidenceLabel(file)}:` : WORKBOOK_WORDS[lang === 'en' ? 'en' : 'vi'].row;
}

/** The audit's status words in the workbook's language. */
export function auditStatusWords(lang: PublishOptions['lang']): Record<AuditStatus, string> {
  return WORKBOOK_WORDS[lang === 'en' ? 'en' : 'vi'].status;
}

/** The audit cells a leaf's rows share: code, title, rule, parameters, max. */
export function auditLeafCells(c: Criterion, rule: LeafRule): AuditRow {
  return [c.code, c.title, c.rule ?? '', c.paramsText.trim(), rule.scoring.hasMax ? exactCell(c.max.toString()) : null];
}

/** Exact points as an audit cell: to 12 decimals (a council re-adds a unit's leaves in Excel). */
export function auditPoints(x: Exact): number {
  return Number(x.toFixed(12));
}

/**
 * The audit rows, unit by unit (in result order), leaf by leaf, in batches of one unit: every
 * (unit, applicable leaf) with its inputs, status, exact points to 12 decimals and evidence.
 * `lang` words the status and the source column.
 */
export function* auditRowBatches(result: ScoreResult, inputs: InputMatrix, ctx: Pick<PublishOptions, 'labels' | 'lang'>): Generator<AuditRow[]> {
  const names = namesOf(ctx);
  const precise = auditPoints;
  // What a leaf's rows share, computed once per leaf.
  const leafCells = new Map<Criterion, { rule: LeafRule; cells: AuditRow }>();
  const leafOf = (c: Criterion) => {
    let l = leafCells.get(c);
    if (!l) {
      const rule = ruleOf(c);
      l = { rule, cells: auditLeafCells(c, rule) };
      leafCells.set(c, l);
    }
    return l;
  };
  const status = names.w.status;
  for (const u of result.units) {
    const league = names.league(u.rankGroup);
    const batch: AuditRow[] = [];
    for (const a of unitLeafAudit(result.framework, inputs, inputs.unitIndex.get(u.unit)!)) {
      const { rule, cells } = leafOf(a.criterion);
      const final = a.status === 'self' ? a.self : a.status === 'na' || a.status === 'missing' ? null : a.appraised;
      const src = a.source;
      batch.push([
        league,
        u.unit,
        u.name,
        cells[0],
        cells[1],
        cells[2],
        cells[3],
        cells[4],
        inputCell(a.self, rule),
        inputCell(a.appraised, rule),
        final ? inputCell(final, rule) : a.status === 'na' ? 'NA' : null,
        status[a.status],
        precise(a.points),
        precise(a.max),
        src?.evidence ?? '',
        src?.note ?? '',
        src ? auditSourcePrefix(src.file, ctx.lang) + src.row : '',
      ]);
    }
    yield batch;
  }
}

const AUDIT_NUMBER_COLS = [12, 13];

/** Audit columns written as shared strings (their values repeat: unit, leaf, status); the others (evidence, note, source) inline. */
const AUDIT_SHARED = [true, true, true, true, true, true, true, true, true, true, true, true, true, true, false, false, false];

/** Rows between two waits for the output to catch up. */
const AUDIT_BATCH_ROWS = 16_384;

const XML_ESCAPE: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

function xmlText(s: string): string {
  return /[&<>]/.test(s) ? s.replace(/[&<>]/g, (c) => XML_ESCAPE[c]) : s;
}

/** Spreadsheet column letters of a 0-based column index: 0 → A, 27 → AB. */
function columnLetters(i: number): string {
  let s = '';
  for (let c = i + 1; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

const LETTERS: string[] = [];

/** exceljs's streaming sheet and workbook parts the raw rows go through (not in its typings). */
interface StreamedParts {
  sheet: { stream: { write(xml: string): void; writeAscii(bytes: Uint8Array): void } };
  book: { sharedStrings: { add(text: string): number; count: number }; styles: { addStyleModel(model: { numFmt: string }, cellType: number): number } };
}

/**
 * Writes rows as sheet XML, straight into the sheet's zip part (the audit, the league and
 * self-vs-appraised sheets): the 20 million
 * cells of a national round through exceljs's cell model (a style rendered per cell, a row object
 * per row) took minutes. The cells are those `addRow` writes — shared strings for the repeating
 * columns, inline strings for evidence, note and source, numbers with the points' style — each
 * text checked ({@link checkCellText}) as `addRow` would. The league and self-vs-appraised sheets' cells are written as
 * bytes (`emptyBytes`, `numberBytes`, `sharedBytes`: the XML `cell` makes, its ASCII into an
 * {@link AsciiOut}).
 */
class RawRows {
  readonly #ss: StreamedParts['book']['sharedStrings'];
  readonly #numStyle: string;
  /** The style attribute of number cells in the numbered columns. */
  readonly numberStyle: string;
  readonly #checked = new Set<string>();
  readonly #numbered: (i: number) => boolean;
  readonly #shared: (i: number) => boolean;

  /** Number cells in the columns `numbered` says get `numFmt` (none without one); text in the columns `shared` says are shared strings, else inline. */
  readonly #book: StreamedParts['book'];
  readonly #styles = new Map<string, string>();
  /** `<c r="` and column `i`'s letters. */
  readonly #refs: string[] = [];

  constructor(wb: BookWriter, numFmt: string | undefined, numbered: (i: number) => boolean, shared: (i: number) => boolean) {
    const book = wb as unknown as StreamedParts['book'];
    this.#book = book;
    this.#ss = book.sharedStrings;
    this.#numStyle = numFmt === undefined ? '' : ` s="${book.styles.addStyleModel({ numFmt }, 2 /* exceljs ValueType.Number */)}"`;
    this.numberStyle = this.#numStyle;
    this.#numbered = numbered;
    this.#shared = shared;
  }

  /** The XML of `rows`, the first being sheet row `first`, for `sheet`. */
  xml(rows: readonly AuditRow[], first: number, sheet: string): string {
    // Pieces joined once: a string grown by += is a rope that costs far more to encode.
    const x: string[] = [];
    let r = first;
    for (const row of rows) {
      x.push(`<row r="${r}">`);
      for (let i = 0; i < row.length; i++) {
        const v = row[i];
        if (v === null || v === '') continue;
        x.push(this.cell(v, i, r, sheet, typeof v === 'number' && this.#numbered(i) ? this.#numStyle : '', this.#shared(i)));
      }
      x.push('</row>');
      r++;
    }
    return x.join('');
  }

  /** The XML of one cell holding `v` at column `i` of sheet row `r`, with the style attribute `style` (` s="n"` or empty). */
  cell(v: string | number | null, i: number, r: number, sheet: string, style: string, shared: boolean): string {
    const ref = (LETTERS[i] ??= columnLetters(i)) + r;
    if (v === null) return `<c r="${ref}"${style}/>`;
    if (typeof v === 'number') return `<c r="${ref}"${style}><v>${v}</v></c>`;
    if (!this.#checked.has(v)) {
      checkCellText(v, { sheet, row: r, column: i + 1 });
      if (shared) this.#checked.add(v);
    }
    if (shared) return `<c r="${ref}"${style} t="s"><v>${this.#ss.add(v)}</v></c>`;
    return `<c r="${ref}"${style} t="inlineStr"><is><t${/^\s|\n|\s$/.test(v) ? ' xml:space="preserve"' : ''}>${xmlText(v)}</t></is></c>`;
  }

  /** The start of cell `i`'s XML in the row whose number is `row` (its text), up to the style. */
  #ref(out: AsciiOut, i: number, row: string): void {
    out.text((this.#refs[i] ??= `<c r="${(LETTERS[i] ??= columnLetters(i))}`));
    out.text(row);
    out.text('"');
  }

  /** As {@link cell} writes an empty cell (`null`), into `out`; `row` is the row's number as text. */
  emptyBytes(out: AsciiOut, i: number, row: string, style: string): void {
    this.#ref(out, i, row);
    out.text(style);
    out.text('/>');
  }

  /** As {@link cell} writes the number `Number(text)` (`text` a printed figure), into `out`. */
  numberBytes(out: AsciiOut, text: string, i: number, row: string, style: string): void {
    this.#ref(out, i, row);
    out.text(style);
    out.text('><v>');
    const span = numberSpan(text);
    if (span < 0) out.text(String(Number(text)));
    else out.text(text, span & 1, span >> 1);
    out.text('</v></c>');
  }

  /** As {@link cell} writes the text `v` as a shared string (checked the same way), into `out`; `r` is the row's number. */
  sharedBytes(out: AsciiOut, v: string, i: number, r: number, row: string, sheet: string, style: string): void {
    if (!this.#checked.has(v)) {
      checkCellText(v, { sheet, row: r, column: i + 1 });
      this.#checked.add(v);
    }
    this.#ref(out, i, row);
    out.text(style);
    out.text(' t="s"><v>');
    out.int(this.#ss.add(v));
    out.text('</v></c>');
  }

  /** The style attribute (` s="n"`) of a cell style, added to the workbook's styles once per `key`. */
  style(key: string, model: object, cellType: number): string {
    let s = this.#styles.get(key);
    if (s === undefined) this.#styles.set(key, (s = ` s="${this.#book.styles.addStyleModel(model as { numFmt: string }, cellType)}"`));
    return s;
  }
}

async function writeAudit(wb: BookWriter, flow: WriteFlow, result: ScoreResult, ctx: ResultsWorkbookContext, numFmt: string, taken: Set<string>, names: Names): Promise<string> {
  const limit = Math.max(1, Math.min(ctx.maxRowsPerSheet ?? EXCEL_MAX_ROWS - 1, EXCEL_MAX_ROWS - 1));
  // Widths from a first sample of rows; then rows are streamed sheet by sheet.
  const sample: AuditRow[] = [];
  for (const batch of auditRowBatches(result, ctx.inputs, ctx)) {
    sample.push(...batch);
    if (sample.length >= 2000) break;
  }
  const widths = fitWidths(names.w.audit, sample, { max: 50, numberWidth: numFmt.length });
  const raw = flow.streamed
    ? new RawRows(
        wb,
        numFmt,
        (i) => i === 12 || i === 13,
        (i) => AUDIT_SHARED[i],
      )
    : undefined;
  let ws: ReturnType<BookWriter['addWorksheet']> | undefined;
  let sheetName = '';
  let inSheet = 0;
  let part = 0;
  const open = () => {
    part++;
    sheetName = safeSheetName(part === 1 ? names.w.sheets.audit : `${names.w.sheets.audit} (${part})`, taken);
    ws = wb.addWorksheet(sheetName, { views: [{ state: 'frozen', xSplit: 4, ySplit: 1 }], pageSetup: printSetup('1:1') });
    ws.columns = names.w.audit.map((_, i) => ({ width: widths[i] }));
    const head = ws.addRow([...names.w.audit]);
    head.font = { bold: true };
    head.eachCell((cell) => (cell.fill = HEAD_FILL));
    head.commit();
    inSheet = 0;
  };
  const first = names.w.sheets.audit;
  open();
  const total = result.units.length;
  let units = 0;
  let sinceWait = 0;
  ctx.progress?.(0, total);
  for (const batch of auditRowBatches(result, ctx.inputs, ctx)) {
    for (let from = 0; from < batch.length; ) {
      if (inSheet >= limit) {
        ws!.commit();
        open();
      }
      const take = Math.min(batch.length - from, limit - inSheet);
      const rows = batch.slice(from, from + take);
      if (raw) (ws as unknown as StreamedParts['sheet']).stream.write(raw.xml(rows, inSheet + 2, sheetName));
      else {
        for (const r of rows) {
          const row = ws!.addRow(r);
          for (const i of AUDIT_NUMBER_COLS) row.getCell(i + 1).numFmt = numFmt;
          row.commit();
        }
      }
      inSheet += take;
      from += take;
      sinceWait += take;
    }
    units++;
    if (sinceWait >= AUDIT_BATCH_ROWS) {
      sinceWait = 0;
      ctx.progress?.(units, total);
      await flow.ready();
    }
  }
  ws!.commit();
  ctx.progress?.(total, total);
  return part === 1 ? first : `${first} … ${sheetName}`;
}

function settingsSheet(result: ScoreResult, ctx: ResultsWorkbookContext, names: Names, audit: string): SheetData {
  const s = result.settings;
  const files = ctx.files ?? {};
  const ev = files.evidence === undefined ? '' : Array.isArray(files.evidence) ? files.evidence.join('; ') : files.evidence;
  const bandsText = s.bands.map((b) => `${b.label}${b.strict ? '>' : '>='}${b.min.toString()}`).join('; ');
  const rows: (string | number | null)[][] = [
    ['parindex', VERSION],
    ['framework', files.framework ?? result.framework.source?.file ?? ''],
    ['units', files.units ?? ''],
    ['evidence', ev],
    ['survey', files.survey ?? ''],
    ...(files.previous ? [['previous', files.previous]] : []),
    ...(ctx.title ? [['title', ctx.title]] : []),
    ['decimals', s.decimals],
    ['rounding', s.rounding],
    ['ties', s.ties],
    ['rankOn', s.rankOn],
    ['bands', bandsText],
    ['clamp', String(s.clamp)],
    ...Object.entries(ctx.options ?? {})
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, typeof v === 'number' ? v : String(v)]),
    ['audit', audit],
    ['path', result.path],
    ['criteria', result.framework.criteria.length],
    ['leaves', result.framework.leaves.length],
    ['units scored', result.units.length],
  ];
  if (ctx.sources?.length) {
    const w = resultsWords(ctx.lang).footer;
    rows.push([null, null], [`${w.sources} (${w.file})`, w.sha256], ...ctx.sources.map((x) => [x.name, x.sha256]));
  }
  return { header: [names.w.settings.header, names.w.settings.value], rows, numberCols: new Set() };
}

/** Builds the results workbook into `wb` (see the module comment for its sheets). */
async function buildResultsWorkbook(wb: BookWriter, flow: WriteFlow, result: ScoreResult, ctx: ResultsWorkbookContext, f: OutputFormat): Promise<void> {
  const numFmt = numFmtFor(f.decimals);
  const report = publishedReport(result, f, ctx);
  const names = namesOf(ctx);
  const taken = new Set<string>();
  for (const league of report.leagues) writeLeagueSheet(wb, flow, safeSheetName(RESULT_SHEETS.league(league.label), taken), report, league);
  await flow.ready();
  writeSheet(wb, safeSheetName(names.w.sheets.summary, taken), summarySheet(result, f, names), numFmt);
  const sides = safeSheetName(names.w.sheets.sides, taken);
  if (flow.streamed) writeSidesSheet(wb, sides, result, ctx.inputs, f, names, numFmt);
  else writeSheet(wb, sides, sidesSheet(result, ctx.inputs, f, names), numFmt);
  await flow.ready();
  const audit = ctx.audit === 'none' ? (ctx.auditFile ?? 'none') : await writeAudit(wb, flow, result, ctx, numFmt, taken, names);
  writeSheet(wb, safeSheetName(names.w.sheets.settings, taken), settingsSheet(result, ctx, names, audit), numFmt);
}

/**
 * The results workbook as xlsx bytes (see the module comment for its sheets). `f` sets the
 * output decimals and rounding (default: the result's settings). The same inputs give the same
 * bytes: no creation date, and every part of the zip stamped with one fixed time.
 */
export async function scoreResultWorkbook(result: ScoreResult, ctx: ResultsWorkbookContext, f: OutputFormat = result.settings): Promise<Uint8Array> {
  return buildWorkbookBytes((wb, flow) => buildResultsWorkbook(wb, flow, result, ctx, f));
}

/**
 * The results workbook with every row through exceljs's cell model, none written as raw sheet XML:
 * the reference the tests hold the raw rows to (the same cells, formats and styles).
 */
export async function scoreResultWorkbookModel(result: ScoreResult, ctx: ResultsWorkbookContext, f: OutputFormat = result.settings): Promise<Uint8Array> {
  return buildWorkbookBytes((wb, flow) => buildResultsWorkbook(wb, { ...flow, streamed: false }, result, ctx, f));
}

/**
 * The results workbook written into `sink` as it is built (the CLI's file stream): the same bytes
 * as {@link scoreResultWorkbook}, never whole in memory.
 */
export async function writeScoreResultWorkbook(result: ScoreResult, ctx: ResultsWorkbookContext, f: OutputFormat, sink: ByteSink): Promise<void> {
  await writeWorkbook((wb, flow) => buildResultsWorkbook(wb, flow, result, ctx, f), sink);
}
