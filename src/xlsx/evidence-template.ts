/**
 * The evidence workbook a council fills in (`parindex template`): one sheet per league, in the long
 * layout — one row per (unit, applicable appraisal leaf), units in file order, leaves in framework
 * order — so the filled file is read back by `parindex score --evidence` as it is.
 *
 * - The instructions sheet comes first (what a council opens the file to), then the league sheets.
 * - Structure cells (unit, criterion, title, max, how it is scored, hint) are pre-filled and locked;
 *   the sheet is protected without a password (against slips, not against the council), and the
 *   four input columns — self, appraised, evidence reference, note — are unlocked.
 * - Input cells carry data validation per rule (each rule's `template`, `criteria/rules/*.ts`):
 *   yes/no lists (có, không, NA), numeric ranges 0..max with `NA`, lists of allowed values, ratios
 *   ≥ 0, tiers any number, adjustments within their limits (never NA). Lists live on the hidden
 *   `Danh mục` sheet, as numeric cells, so they read the same under any regional number format.
 * - The header is frozen with the unit and criterion columns, and filterable.
 * - Survey criteria have no rows (their scores come from the survey results file, whose own
 *   template is `survey-template.ts`).
 * - Everything a person reads is Vietnamese: the "Cách chấm" column says how each leaf is scored in
 *   words (its rule's `template.describe`), never a rule code or params syntax; no file path is
 *   written (it would name a folder of the machine that wrote the file). The same inputs give the
 *   same bytes (`fixed-clock.ts`).
 *
 * Why one sheet per league rather than per unit: units of a league are compared with each other,
 * so a council can filter one criterion across all of them; a province has two leagues but up to
 * ~50 units (a national round, hundreds), and Excel slows down with hundreds of sheets.
 */
import type { Criterion, Framework } from '../criteria/framework.js';
import { appliesTo } from '../criteria/framework.js';
import type { Unit, Units } from '../criteria/units.js';
import { ParIndexError, problem } from '../errors.js';
import type { Exact } from '../numbers/exact.js';
import { columnLetter } from '../table/table.js';
import { type BookWriter, buildWorkbookBytes, EXCEL_MAX_ROWS, exactCell, fitWidths, safeSheetName } from './write.js';
import { groupBy } from '../order/group-by.js';
import { RATIO_INPUT_FORMAT as RULE_RATIO_INPUT_FORMAT, ruleOf, unreachable } from '../criteria/rules/index.js';

/** Column labels of a template sheet (the reader binds the input columns by these Vietnamese labels). */
export const TEMPLATE_COLUMNS = [
  { key: 'unit', label: 'Mã đơn vị', input: false },
  { key: 'unitName', label: 'Tên đơn vị', input: false },
  { key: 'criterion', label: 'Mã tiêu chí', input: false },
  { key: 'title', label: 'Tên tiêu chí', input: false },
  { key: 'max', label: 'Điểm tối đa', input: false },
  { key: 'rule', label: 'Cách chấm', input: false },
  { key: 'hint', label: 'Hướng dẫn nhập', input: false },
  { key: 'self', label: 'Điểm tự chấm', input: true },
  { key: 'appraised', label: 'Điểm thẩm định', input: true },
  { key: 'evidence', label: 'Tài liệu kiểm chứng', input: true },
  { key: 'note', label: 'Ghi chú', input: true },
] as const;

/** Prefix of the league sheets' names (an evidence sheet name, see `xlsx-sheets.ts`). */
export const TEMPLATE_SHEET_PREFIX = 'Đánh giá';
/** Name of the hidden sheet holding validation lists. */
export const LISTS_SHEET = 'Danh mục';
/** Name of the instructions sheet. */
export const INSTRUCTIONS_SHEET = 'Hướng dẫn';

const col = (key: (typeof TEMPLATE_COLUMNS)[number]['key']) => TEMPLATE_COLUMNS.findIndex((c) => c.key === key);
const SELF_COL = col('self');
const APPRAISED_COL = col('appraised');

const num = (x: Exact) => x.toString();

/**
 * Number format of a ratio's input cells: a plain number (not a percent format), so a council
 * types the percentage itself — 85 for 85% — and sees it as typed (a `%` typed anyway is read
 * as the number shown, see `xlsx-cell.ts`). The ratio rule's `template.numFmt`.
 */
export const RATIO_INPUT_FORMAT = RULE_RATIO_INPUT_FORMAT;

/** The input a council types for a leaf, in words (also the validation message): its rule's hint. */
export function inputHint(c: Criterion): string {
  return ruleOf(c).template.hint(c);
}

/** How a leaf is scored, in Vietnamese words (the "Cách chấm" column): its rule's description. */
export function scoringWords(c: Criterion): string {
  return ruleOf(c).template.describe(c);
}

/** Text of a list's values, the key under which the lists sheet holds it. */
const listKey = (values: readonly (string | Exact)[]) => values.map((v) => (typeof v === 'string' ? v : `#${num(v)}`)).join('\u0000');

/** A data validation for a leaf's input cells (top-left cell `ref`): its rule's, lists resolved on the lists sheet. */
function validationFor(c: Criterion, ref: string, lists: Map<string, string>): Record<string, unknown> {
  const base = { allowBlank: true, showErrorMessage: true, errorStyle: 'stop', errorTitle: 'Giá trị không hợp lệ', error: inputHint(c).slice(0, 225), showInputMessage: true, promptTitle: 'Cách nhập', prompt: inputHint(c).slice(0, 250) };
  const v = ruleOf(c).template.validation(c);
  switch (v.kind) {
    case 'list':
      return { ...base, type: 'list', formulae: [lists.get(listKey(v.values))!] };
    case 'formula':
      return { ...base, type: 'custom', formulae: [v.formula(ref)] };
    default:
      return unreachable(v, 'template validation');
  }
}

/** exceljs sheets have `dataValidations` (missing from its typings). */
interface SheetWithValidations {
  dataValidations: { add(range: string, validation: Record<string, unknown>): void };
}

/** A key that is equal for leaves whose input cells validate the same way. */
function validationKey(c: Criterion): string {
  return `${c.rule}|${num(c.max)}|${c.paramsText.trim()}`;
}

/** The rows of one league's sheet. */
function leagueRows(fw: Framework, units: readonly Unit[]): { unit: Unit; c: Criterion }[] {
  const rows: { unit: Unit; c: Criterion }[] = [];
  for (const unit of units) for (const c of fw.leaves) if (ruleOf(c).scoring.source === 'evidence' && appliesTo(c, unit.group)) rows.push({ unit, c });
  return rows;
}

/** Number of survey leaves (scored from the survey results file, not here). */
const surveyLeaves = (fw: Framework) => fw.leaves.filter((c) => ruleOf(c).scoring.source === 'survey').length;

const INSTRUCTIONS = (fw: Framework, units: Units) => [
  ['Phiếu chấm điểm Chỉ số cải cách hành chính (PAR INDEX) — tạo bởi parindex'],
  [''],
  ['Mỗi trang "Đánh giá …" là một khối xếp hạng; mỗi dòng là một tiêu chí thành phần của một đơn vị.'],
  ['Chỉ nhập vào 4 cột có nền trắng: Điểm tự chấm, Điểm thẩm định, Tài liệu kiểm chứng, Ghi chú. Các cột khác bị khóa.'],
  ['Cột "Cách chấm" cho biết điểm của tiêu chí thành phần được tính thế nào; cột "Hướng dẫn nhập" cho biết cần nhập giá trị gì.'],
  ['Điểm thẩm định để trống: dùng điểm tự chấm (dòng chưa thẩm định). Cả hai để trống: coi như không có dòng (0 điểm, thiếu).'],
  ['NA = không áp dụng (không tính điểm, không tính vào điểm tối đa). Điểm thưởng/trừ không nhận NA; để trống = 0.'],
  ['Tỷ lệ %: gõ con số phần trăm (85 cho 85%). Có/không: chọn trong danh sách (có, không, NA).'],
  ['Số thập phân: gõ theo định dạng của máy (12,5 hoặc 12.5) vào ô số; ô văn bản "12,5" cần tùy chọn --decimal-comma.'],
  ['Tiêu chí điều tra xã hội học không có dòng ở đây: điểm lấy từ tệp kết quả điều tra (mẫu: parindex template --kind survey).'],
  ['Không thêm, xóa hay đổi tên cột hoặc trang tính; có thể lọc và sắp xếp. Trang "Danh mục" (ẩn) chứa danh sách cho các ô chọn.'],
  [''],
  ['Tính điểm:  parindex score --framework <khung tiêu chí> --units <danh sách đơn vị> --evidence <tệp này> --survey <tệp kết quả điều tra>'],
  [''],
  [`Khung tiêu chí: ${fw.areas.length} lĩnh vực, ${fw.leaves.length} tiêu chí thành phần (${fw.leaves.length - surveyLeaves(fw)} chấm điểm ở đây, ${surveyLeaves(fw)} điều tra xã hội học). Đơn vị: ${units.list.length}.`],
];

/** Options of {@link evidenceTemplateBytes}. */
export interface TemplateOptions {
  /** Password for sheet protection (default none: protection guards against slips only). */
  password?: string;
}

/** Writes the instructions sheet (one wide column of text lines). */
export function addInstructions(wb: BookWriter, lines: readonly string[][]): void {
  const help = wb.addWorksheet(INSTRUCTIONS_SHEET);
  help.columns = [{ width: 120 }];
  for (const line of lines) help.addRow(line).commit();
  help.commit();
}

/**
 * Writes the evidence template for a framework and units as xlsx bytes: the instructions sheet,
 * a sheet per league (`Đánh giá <league>`) and a hidden lists sheet. Throws a
 * {@link ParIndexError} when a league has more rows than an Excel sheet holds.
 */
export async function evidenceTemplateBytes(fw: Framework, units: Units, opts: TemplateOptions = {}): Promise<Uint8Array> {
  const leagues = groupBy(units.list, (u) => u.rankGroup);
  const perLeague = [...leagues].map(([league, us]) => ({ league, rows: leagueRows(fw, us) }));
  for (const { league, rows } of perLeague) {
    if (rows.length + 1 > EXCEL_MAX_ROWS) {
      throw new ParIndexError({ file: units.source?.file, ...problem('league-too-large', { league, rows: rows.length, max: EXCEL_MAX_ROWS - 1 }), value: String(rows.length) });
    }
  }

  // Validation lists (yes/no, allowed values, …): one column per distinct list, in order of first use.
  const listColumns: (string | number)[][] = [];
  const lists = new Map<string, string>();
  const listRef = (i: number, n: number) => `'${LISTS_SHEET}'!$${columnLetter(i)}$1:$${columnLetter(i)}$${n}`;
  for (const { rows } of perLeague) {
    for (const { c } of rows) {
      const v = ruleOf(c).template.validation(c);
      if (v.kind !== 'list' || lists.has(listKey(v.values))) continue;
      const values = v.values.map((x) => (typeof x === 'string' ? x : exactCell(num(x))));
      lists.set(listKey(v.values), listRef(listColumns.length, values.length));
      listColumns.push(values);
    }
  }

  return buildWorkbookBytes(async (wb) => {
    addInstructions(wb, INSTRUCTIONS(fw, units));
    const taken = new Set<string>([INSTRUCTIONS_SHEET.toLowerCase(), LISTS_SHEET.toLowerCase()]);
    const header = TEMPLATE_COLUMNS.map((c) => c.label);
    for (const { league, rows } of perLeague) {
      if (rows.length === 0) continue;
      const ws = wb.addWorksheet(safeSheetName(`${TEMPLATE_SHEET_PREFIX} ${league}`, taken), {
        views: [{ state: 'frozen', xSplit: 3, ySplit: 1, activeCell: `${columnLetter(SELF_COL)}2` }],
      });
      const values = rows.map(({ unit, c }) => [unit.id, unit.name, c.code, c.title, ruleOf(c).scoring.hasMax ? exactCell(num(c.max)) : null, scoringWords(c), inputHint(c), null, null, null, null]);
      const widths = fitWidths(header, values, { max: 48 });
      ws.columns = TEMPLATE_COLUMNS.map((c, i) => ({ key: c.key, width: widths[i] }));
      ws.autoFilter = { from: 'A1', to: `${columnLetter(TEMPLATE_COLUMNS.length - 1)}${rows.length + 1}` };

      // Validation: one entry per run of consecutive rows that validate alike, over both score columns.
      let runStart = 0;
      for (let i = 1; i <= rows.length; i++) {
        if (i < rows.length && validationKey(rows[i].c) === validationKey(rows[runStart].c)) continue;
        const top = `${columnLetter(SELF_COL)}${runStart + 2}`;
        const range = `${top}:${columnLetter(APPRAISED_COL)}${i + 1}`;
        (ws as unknown as SheetWithValidations).dataValidations.add(range, validationFor(rows[runStart].c, top, lists));
        runStart = i;
      }

      const head = ws.addRow(header);
      head.font = { bold: true };
      head.alignment = { vertical: 'middle', wrapText: true };
      head.eachCell((cell, n) => {
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: TEMPLATE_COLUMNS[n - 1].input ? 'FFFFF2CC' : 'FFD9E1F2' } };
        cell.border = { bottom: { style: 'thin' } };
      });
      head.commit();
      values.forEach((v, k) => {
        const row = ws.addRow(v);
        const numFmt = ruleOf(rows[k].c).template.numFmt;
        row.eachCell({ includeEmpty: true }, (cell, n) => {
          const spec = TEMPLATE_COLUMNS[n - 1];
          if (!spec) return;
          if (spec.input) cell.protection = { locked: false };
          else cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
          if (spec.key === 'title' || spec.key === 'rule' || spec.key === 'hint') cell.alignment = { wrapText: true, vertical: 'top' };
          if (numFmt && (n - 1 === SELF_COL || n - 1 === APPRAISED_COL)) cell.numFmt = numFmt;
        });
        row.commit();
      });
      await ws.protect(opts.password ?? '', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true, autoFilter: true, sort: true });
      ws.commit();
    }

    const listSheet = wb.addWorksheet(LISTS_SHEET, { state: 'hidden' });
    const height = Math.max(...listColumns.map((c) => c.length));
    for (let r = 0; r < height; r++) listSheet.addRow(listColumns.map((c) => c[r] ?? null)).commit();
    listSheet.commit();
  });
}
