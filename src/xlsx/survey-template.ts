/**
 * The survey results workbook a council fills in (`parindex template --kind survey`): the
 * instructions sheet first, then one sheet `Kết quả điều tra` with a row per (unit, applicable
 * survey leaf) — units in file order, leaves in framework order — read back by
 * `parindex score --survey` as it is (docs/spec.md §3: columns unit, criterion, score).
 *
 * - Structure cells (unit and its name, criterion and its title, max, how it is scored) are
 *   pre-filled and locked; the sheet is protected without a password (against slips); the score
 *   and note columns are unlocked.
 * - The score cells accept a number from 0 to 100 or `NA` (data validation); the header
 *   `Điểm điều tra xã hội học` is one of the survey file's names for `score`.
 * - One sheet for every league: a survey results file is one table (the reader takes one sheet
 *   named for the survey), and the rows carry the unit.
 * - The same inputs give the same bytes (`fixed-clock.ts`); no file path is written.
 */
import type { Criterion, Framework } from '../criteria/framework.js';
import { appliesTo } from '../criteria/framework.js';
import { naFormula } from '../criteria/rules/common.js';
import { ruleOf } from '../criteria/rules/index.js';
import type { Unit, Units } from '../criteria/units.js';
import { ParIndexError, problem } from '../errors.js';
import { columnLetter } from '../table/table.js';
import { addInstructions } from './evidence-template.js';
import { buildWorkbookBytes, EXCEL_MAX_ROWS, exactCell, fitWidths } from './write.js';

/** Column labels of the survey template (the reader binds unit, criterion and score by these labels). */
export const SURVEY_TEMPLATE_COLUMNS = [
  { key: 'unit', label: 'Mã đơn vị', input: false },
  { key: 'unitName', label: 'Tên đơn vị', input: false },
  { key: 'criterion', label: 'Mã tiêu chí', input: false },
  { key: 'title', label: 'Tên tiêu chí', input: false },
  { key: 'max', label: 'Điểm tối đa', input: false },
  { key: 'score', label: 'Điểm điều tra xã hội học', input: true },
  { key: 'note', label: 'Ghi chú', input: true },
] as const;

/** Name of the survey results sheet (a survey sheet name, see `sheet-choice.ts`). */
export const SURVEY_SHEET = 'Kết quả điều tra';

/** What a council types in a score cell (the validation message). */
export const SURVEY_HINT = 'Điểm điều tra xã hội học từ 0 đến 100 (chỉ số hài lòng, %), hoặc NA';

const SCORE_COL = SURVEY_TEMPLATE_COLUMNS.findIndex((c) => c.key === 'score');

/** The rows: every unit, each applicable survey leaf. */
function surveyRows(fw: Framework, units: readonly Unit[]): { unit: Unit; c: Criterion }[] {
  const rows: { unit: Unit; c: Criterion }[] = [];
  for (const unit of units) for (const c of fw.leaves) if (ruleOf(c).scoring.source === 'survey' && appliesTo(c, unit.group)) rows.push({ unit, c });
  return rows;
}

const INSTRUCTIONS = (fw: Framework, units: Units, leaves: number) => [
  ['Phiếu nhập kết quả điều tra xã hội học — Chỉ số cải cách hành chính (PAR INDEX) — tạo bởi parindex'],
  [''],
  [`Trang "${SURVEY_SHEET}": mỗi dòng là một tiêu chí thành phần điều tra xã hội học của một đơn vị (mọi khối).`],
  ['Chỉ nhập vào 2 cột có nền trắng: Điểm điều tra xã hội học, Ghi chú. Các cột khác bị khóa.'],
  ['Điểm điều tra xã hội học là số từ 0 đến 100 (ví dụ 87,3); điểm của tiêu chí = điểm tối đa × điểm điều tra / 100.'],
  ['NA = không áp dụng (không tính điểm, không tính vào điểm tối đa). Để trống: coi như thiếu kết quả (0 điểm).'],
  ['Số thập phân: gõ theo định dạng của máy (87,3 hoặc 87.3) vào ô số; ô văn bản "87,3" cần tùy chọn --decimal-comma.'],
  ['Không thêm, xóa hay đổi tên cột hoặc trang tính; có thể lọc và sắp xếp.'],
  [''],
  ['Tính điểm:  parindex score --framework <khung tiêu chí> --units <danh sách đơn vị> --evidence <tệp chấm điểm> --survey <tệp này>'],
  [''],
  [`Khung tiêu chí: ${fw.areas.length} lĩnh vực, ${leaves} tiêu chí thành phần điều tra xã hội học. Đơn vị: ${units.list.length}.`],
];

/**
 * Writes the survey results template for a framework and units as xlsx bytes: the instructions
 * sheet and the `Kết quả điều tra` sheet. Throws a {@link ParIndexError} when the rows do not fit
 * an Excel sheet.
 */
export async function surveyTemplateBytes(fw: Framework, units: Units, opts: { password?: string } = {}): Promise<Uint8Array> {
  const rows = surveyRows(fw, units.list);
  if (rows.length + 1 > EXCEL_MAX_ROWS) {
    throw new ParIndexError({ file: units.source?.file, ...problem('league-too-large/survey', { rows: rows.length, max: EXCEL_MAX_ROWS - 1 }), value: String(rows.length) });
  }
  const leaves = fw.leaves.filter((c) => ruleOf(c).scoring.source === 'survey').length;
  return buildWorkbookBytes(async (wb) => {
    addInstructions(wb, INSTRUCTIONS(fw, units, leaves));
    const header = SURVEY_TEMPLATE_COLUMNS.map((c) => c.label);
    const values = rows.map(({ unit, c }) => [unit.id, unit.name, c.code, c.title, exactCell(c.max.toString()), null, null]);
    const ws = wb.addWorksheet(SURVEY_SHEET, { views: [{ state: 'frozen', xSplit: 3, ySplit: 1, activeCell: `${columnLetter(SCORE_COL)}2` }] });
    const widths = fitWidths(header, values, { max: 48 });
    ws.columns = SURVEY_TEMPLATE_COLUMNS.map((c, i) => ({ key: c.key, width: widths[i] }));
    ws.autoFilter = { from: 'A1', to: `${columnLetter(SURVEY_TEMPLATE_COLUMNS.length - 1)}${Math.max(rows.length, 1) + 1}` };
    if (rows.length > 0) {
      const top = `${columnLetter(SCORE_COL)}2`;
      (ws as unknown as { dataValidations: { add(range: string, v: Record<string, unknown>): void } }).dataValidations.add(`${top}:${columnLetter(SCORE_COL)}${rows.length + 1}`, {
        type: 'custom',
        formulae: [`OR(${naFormula(top)},AND(ISNUMBER(${top}),${top}>=0,${top}<=100))`],
        allowBlank: true,
        showErrorMessage: true,
        errorStyle: 'stop',
        errorTitle: 'Giá trị không hợp lệ',
        error: SURVEY_HINT,
        showInputMessage: true,
        promptTitle: 'Cách nhập',
        prompt: SURVEY_HINT,
      });
    }
    const head = ws.addRow(header);
    head.font = { bold: true };
    head.alignment = { vertical: 'middle', wrapText: true };
    head.eachCell((cell, n) => {
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: SURVEY_TEMPLATE_COLUMNS[n - 1].input ? 'FFFFF2CC' : 'FFD9E1F2' } };
      cell.border = { bottom: { style: 'thin' } };
      if (n - 1 === SCORE_COL) cell.note = `${SURVEY_HINT}. Điểm của tiêu chí = điểm tối đa × điểm điều tra / 100.`;
    });
    head.commit();
    values.forEach((v) => {
      const row = ws.addRow(v);
      row.eachCell({ includeEmpty: true }, (cell, n) => {
        const spec = SURVEY_TEMPLATE_COLUMNS[n - 1];
        if (!spec) return;
        if (spec.input) cell.protection = { locked: false };
        else cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
        if (spec.key === 'title') cell.alignment = { wrapText: true, vertical: 'top' };
      });
      row.commit();
    });
    await ws.protect(opts.password ?? '', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true, autoFilter: true, sort: true });
    ws.commit();
  });
}
