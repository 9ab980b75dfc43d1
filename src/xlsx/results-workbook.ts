/**
 * The results workbook (`parindex score --format xlsx`), for councils and publication:
 *
 * 1. `Kết quả <league>` — one sheet per league in the published style: rank, unit, points per area,
 *    appraisal points, survey points, bonus/penalty, total, max, index, band, self index, counts.
 * 2. `Tổng hợp` — count, mean, min and max per league and per group.
 * 3. `Tự chấm và thẩm định` — per unit and area: self-assessed points, points after appraisal and
 *    the council's adjustment (their difference), then the same for the totals and both indices.
 * 4. `Chi tiết chấm điểm` — the audit: every (unit, applicable leaf) with its self and appraised
 *    inputs, the input that counted, the rule, max, points, the evidence reference and note, and
 *    the row it came from (continued on `Chi tiết chấm điểm (2)`, … past Excel's row limit).
 * 5. `Thiết lập` — input files, every setting used, the arithmetic path and the package version.
 *
 * Numbers: display figures (sheets 1–3) hold the exact value rounded once to `decimals` — the same
 * figure the CSV, JSON and table outputs print — with the number format `0.00` (per `decimals`).
 * Differences are computed exactly and rounded once. The audit sheet keeps points to 12 decimals
 * (shown with `decimals` places) so a council can re-add a unit's leaves in Excel; inputs are the
 * values as entered. Widths are fitted to the content, headers frozen and filterable.
 */
import type { ScoreResult, UnitResult, Summary } from '../scoring/score.js';
import type { InputMatrix } from '../criteria/inputs.js';
import { type LeafRule, ruleOf } from '../criteria/rules/index.js';
import { areaSides, unitLeafAudit, type AuditStatus, type SideInput } from '../scoring/leaf-audit.js';
import type { Exact } from '../numbers/exact.js';
import { VERSION } from '../version.js';
import type { OutputFormat } from '../scoring/result-json.js';
import { buildWorkbookBytes, EXCEL_MAX_ROWS, exactCell, fitWidths, numFmtFor, roundedNumber, safeSheetName, type BookWriter } from './write.js';

/** What the workbook records besides the result: the inputs (for the audit) and how the run was made. */
export interface ResultsWorkbookContext {
  /** The round's inputs (the audit and self-vs-appraised sheets are built from them). */
  inputs: InputMatrix;
  /** Input files as given. */
  files?: { framework?: string; units?: string; evidence?: string | string[]; survey?: string };
  /** Other options of the run worth recording (e.g. `strict`, `decimalComma`). */
  options?: Record<string, string | number | boolean | undefined>;
  /** Rows per audit sheet (default: Excel's limit less the header). */
  maxRowsPerSheet?: number;
}

/** Header labels of a league sheet (Vietnamese, as published). `compare` reads them back. */
export const LEAGUE_LABELS = {
  rank: 'Xếp hạng',
  unit: 'Mã đơn vị',
  name: 'Tên đơn vị',
  group: 'Nhóm',
  rankGroup: 'Khối',
  area: (code: string) => `Lĩnh vực ${code}`,
  appraisalPoints: 'Điểm thẩm định',
  surveyPoints: 'Điểm điều tra XHH',
  adjustPoints: 'Điểm thưởng/trừ',
  points: 'Tổng điểm',
  max: 'Điểm tối đa',
  index: 'Chỉ số CCHC',
  band: 'Xếp loại',
  selfIndex: 'Chỉ số tự đánh giá',
  missing: 'Thiếu',
  unappraised: 'Chưa thẩm định',
  na: 'Không áp dụng (NA)',
} as const;

/** Sheet names. */
export const RESULT_SHEETS = {
  league: (league: string) => `Kết quả ${league}`,
  summary: 'Tổng hợp',
  sides: 'Tự chấm và thẩm định',
  audit: 'Chi tiết chấm điểm',
  settings: 'Thiết lập',
} as const;

const STATUS_LABEL: Record<AuditStatus, string> = {
  appraised: 'đã thẩm định',
  self: 'chưa thẩm định (dùng điểm tự chấm)',
  survey: 'điều tra xã hội học',
  na: 'không áp dụng (NA)',
  missing: 'thiếu (0 điểm)',
};

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

function writeSheet(wb: BookWriter, name: string, data: SheetData, numFmt: string): void {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', xSplit: data.frozenCols ?? 0, ySplit: 1 }] });
  const widths = fitWidths(data.header, data.rows, { max: 50, numberWidth: numFmt.length });
  ws.columns = data.header.map((_, i) => ({ width: widths[i] }));
  if (data.rows.length > 0) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: data.rows.length + 1, column: data.header.length } };
  const head = ws.addRow(data.header);
  head.font = { bold: true };
  head.alignment = { vertical: 'middle', wrapText: true };
  head.eachCell((cell, n) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
    const note = data.notes?.get(n - 1);
    if (note) cell.note = note;
  });
  head.commit();
  for (const r of data.rows) {
    const row = ws.addRow(r);
    for (const i of data.numberCols) if (typeof r[i] === 'number') row.getCell(i + 1).numFmt = numFmt;
    row.commit();
  }
  ws.commit();
}

function leagueSheet(result: ScoreResult, league: string, f: OutputFormat): SheetData {
  const areas = result.framework.areas;
  const hasBands = result.settings.bands.length > 0;
  const L = LEAGUE_LABELS;
  const header = [
    L.rank,
    L.unit,
    L.name,
    L.group,
    L.rankGroup,
    ...areas.map((a) => L.area(a.code)),
    L.appraisalPoints,
    L.surveyPoints,
    L.adjustPoints,
    L.points,
    L.max,
    L.index,
    ...(hasBands ? [L.band] : []),
    L.selfIndex,
    L.missing,
    L.unappraised,
    L.na,
  ];
  const n = (x: Exact | null) => roundedNumber(x, f.decimals, f.rounding);
  const firstArea = 5;
  const numberCols = new Set<number>();
  for (let i = firstArea; i < firstArea + areas.length + 6; i++) numberCols.add(i);
  numberCols.add(header.indexOf(L.selfIndex));
  const rows = result.units
    .filter((u) => u.rankGroup === league)
    .map((u) => {
      const ua = u.areas;
      return [
        u.rank,
        u.unit,
        u.name,
        u.group,
        u.rankGroup,
        ...areas.map((a) => (ua.get(a.code) ? n(ua.get(a.code)!.points) : null)),
        n(u.appraisalPoints),
        n(u.surveyPoints),
        n(u.adjustPoints),
        n(u.points),
        n(u.max),
        n(u.index),
        ...(hasBands ? [u.band] : []),
        n(u.selfIndex),
        u.missing,
        u.unappraised,
        u.na,
      ];
    });
  const notes = new Map(areas.map((a, i) => [firstArea + i, `${a.code}. ${a.title} (tối đa ${a.max.toString()} điểm)`]));
  return { header, rows, numberCols, notes, frozenCols: 3 };
}

function summarySheet(result: ScoreResult, f: OutputFormat): SheetData {
  const n = (x: Exact | null) => roundedNumber(x, f.decimals, f.rounding);
  const line = (kind: string, key: string, s: Summary) => [kind, key, s.count, n(s.mean), n(s.min), n(s.max)];
  const rows = [...[...result.leagues].map(([k, s]) => line('Khối', k, s)), ...[...result.groups].map(([k, s]) => line('Nhóm', k, s))];
  return { header: ['Loại', 'Tên', 'Số đơn vị có chỉ số', 'Trung bình', 'Thấp nhất', 'Cao nhất'], rows, numberCols: new Set([3, 4, 5]) };
}

function sidesSheet(result: ScoreResult, inputs: InputMatrix, f: OutputFormat): SheetData {
  const areas = result.framework.areas;
  const n = (x: Exact | null) => roundedNumber(x, f.decimals, f.rounding);
  const header = [
    'Khối',
    'Mã đơn vị',
    'Tên đơn vị',
    ...areas.flatMap((a) => [`${a.code} tự chấm`, `${a.code} thẩm định`, `${a.code} chênh lệch`]),
    'Tổng tự chấm',
    'Tổng sau thẩm định',
    'Chênh lệch',
    'Chỉ số tự đánh giá',
    'Chỉ số sau thẩm định',
  ];
  const rows = result.units.map((u: UnitResult) => {
    const sides = areaSides(unitLeafAudit(result.framework, inputs, inputs.unitIndex.get(u.unit)!));
    const perArea = areas.flatMap((a) => {
      const s = sides.get(a.code);
      return s ? [n(s.selfPoints), n(s.points), n(s.points.sub(s.selfPoints))] : [null, null, null];
    });
    return [u.rankGroup, u.unit, u.name, ...perArea, n(u.selfPoints), n(u.points), n(u.points.sub(u.selfPoints)), n(u.selfIndex), n(u.index)];
  });
  const numberCols = new Set<number>();
  for (let i = 3; i < header.length; i++) numberCols.add(i);
  const notes = new Map(areas.map((a, i) => [3 + 3 * i, `${a.code}. ${a.title}`]));
  return { header, rows, numberCols, notes, frozenCols: 3 };
}

function inputCell(s: SideInput, rule: LeafRule): string | number | null {
  if (s.state === 'blank') return null;
  if (s.state === 'na') return 'NA';
  if (rule.inputLabel) return rule.inputLabel(s.value);
  const t = s.value.toString();
  return t.includes('/') ? Number(s.value.toFixed(12)) : exactCell(t);
}

/** The audit rows, unit by unit (in result order), leaf by leaf. */
function* auditRows(result: ScoreResult, inputs: InputMatrix, evidenceLabel: (file: string | undefined) => string): Generator<(string | number | null)[]> {
  const precise = (x: Exact) => Number(x.toFixed(12));
  for (const u of result.units) {
    for (const a of unitLeafAudit(result.framework, inputs, inputs.unitIndex.get(u.unit)!)) {
      const c = a.criterion;
      const rule = ruleOf(c);
      const final = a.status === 'self' ? a.self : a.status === 'na' || a.status === 'missing' ? null : a.appraised;
      yield [
        u.rankGroup,
        u.unit,
        u.name,
        c.code,
        c.title,
        c.rule ?? '',
        c.paramsText.trim(),
        rule.scoring.hasMax ? exactCell(c.max.toString()) : null,
        inputCell(a.self, rule),
        inputCell(a.appraised, rule),
        final ? inputCell(final, rule) : a.status === 'na' ? 'NA' : null,
        STATUS_LABEL[a.status],
        precise(a.points),
        precise(a.max),
        a.source?.evidence ?? '',
        a.source?.note ?? '',
        a.source ? `${evidenceLabel(a.source.file)}${a.source.file ? ':' : 'dòng '}${a.source.row}` : '',
      ];
    }
  }
}

const AUDIT_HEADER = [
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
];
const AUDIT_NUMBER_COLS = [12, 13];

function writeAudit(wb: BookWriter, result: ScoreResult, ctx: ResultsWorkbookContext, numFmt: string, taken: Set<string>): void {
  const limit = Math.max(1, Math.min(ctx.maxRowsPerSheet ?? EXCEL_MAX_ROWS - 1, EXCEL_MAX_ROWS - 1));
  const label = (file: string | undefined) => (file ? file.split(/[\\/]/).pop()! : '');
  // Widths from a first sample of rows; then rows are streamed sheet by sheet.
  const sample: (string | number | null)[][] = [];
  for (const r of auditRows(result, ctx.inputs, label)) {
    sample.push(r);
    if (sample.length >= 2000) break;
  }
  const widths = fitWidths(AUDIT_HEADER, sample, { max: 50, numberWidth: numFmt.length });
  let ws: ReturnType<BookWriter['addWorksheet']> | undefined;
  let inSheet = 0;
  let part = 0;
  const open = () => {
    part++;
    const name = safeSheetName(part === 1 ? RESULT_SHEETS.audit : `${RESULT_SHEETS.audit} (${part})`, taken);
    ws = wb.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 4, ySplit: 1 }] });
    ws.columns = AUDIT_HEADER.map((_, i) => ({ width: widths[i] }));
    const head = ws.addRow(AUDIT_HEADER);
    head.font = { bold: true };
    head.eachCell((cell) => (cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } }));
    head.commit();
    inSheet = 0;
  };
  open();
  for (const r of auditRows(result, ctx.inputs, label)) {
    if (inSheet >= limit) {
      ws!.commit();
      open();
    }
    const row = ws!.addRow(r);
    for (const i of AUDIT_NUMBER_COLS) row.getCell(i + 1).numFmt = numFmt;
    row.commit();
    inSheet++;
  }
  ws!.commit();
}

function settingsSheet(result: ScoreResult, ctx: ResultsWorkbookContext): SheetData {
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
    ['decimals', s.decimals],
    ['rounding', s.rounding],
    ['ties', s.ties],
    ['rankOn', s.rankOn],
    ['bands', bandsText],
    ['clamp', String(s.clamp)],
    ...Object.entries(ctx.options ?? {})
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, typeof v === 'number' ? v : String(v)]),
    ['path', result.path],
    ['criteria', result.framework.criteria.length],
    ['leaves', result.framework.leaves.length],
    ['units scored', result.units.length],
  ];
  return { header: ['Thiết lập', 'Giá trị'], rows, numberCols: new Set() };
}

/**
 * The results workbook as xlsx bytes (see the module comment for its sheets). `f` sets the
 * output decimals and rounding (default: the result's settings).
 */
export async function scoreResultWorkbook(result: ScoreResult, ctx: ResultsWorkbookContext, f: OutputFormat = result.settings): Promise<Uint8Array> {
  const numFmt = numFmtFor(f.decimals);
  return buildWorkbookBytes((wb) => {
    const taken = new Set<string>();
    for (const league of result.leagues.keys()) writeSheet(wb, safeSheetName(RESULT_SHEETS.league(league), taken), leagueSheet(result, league, f), numFmt);
    writeSheet(wb, safeSheetName(RESULT_SHEETS.summary, taken), summarySheet(result, f), numFmt);
    writeSheet(wb, safeSheetName(RESULT_SHEETS.sides, taken), sidesSheet(result, ctx.inputs, f), numFmt);
    writeAudit(wb, result, ctx, numFmt, taken);
    writeSheet(wb, safeSheetName(RESULT_SHEETS.settings, taken), settingsSheet(result, ctx), numFmt);
  });
}
