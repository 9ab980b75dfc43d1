/**
 * What the CLI prints besides its usage errors, in both languages: the heads of error reports,
 * `check`'s listing, the missing-input warning and the progress bar's label.
 */
import { pair } from '../catalogue.js';

/** A missing input as `check` lists it: unit, criterion, whether a survey result, and where its blank row is (already located). */
export interface MissingCellWords {
  unit: string;
  criterion: string;
  survey: boolean;
  /** The blank row's location, formatted in the same language; '' when none. */
  at: string;
}

/** The counts of `check`'s summary line for score inputs. */
export interface RoundCounts {
  criteria: number;
  leaves: number;
  units: number;
  rows: number;
  missing: number;
}

/** The counts of `check`'s summary line for SIPAS inputs. */
export interface SurveyCounts {
  nodes: number;
  questions: number;
  required: number;
}

/** The CLI's own words. */
export const cliWords = pair({
  vi: {
    badInput: 'dữ liệu vào có lỗi',
    problems: (n: number) => `dữ liệu vào có ${n} lỗi`,
    more: (n: number) => `… và ${n} lỗi khác`,
    seeHelp: '(xem parindex --help)',
    internal: (message: string) => `lỗi nội bộ: ${message}`,
    checkRound: (c: RoundCounts) => `ok: ${c.criteria} tiêu chí (${c.leaves} tiêu chí thành phần), ${c.units} đơn vị, ${c.rows} dòng dữ liệu; ${c.missing} ô dữ liệu áp dụng còn thiếu (tính 0 điểm; là lỗi khi có --strict)`,
    missingCell: (c: MissingCellWords) => `thiếu: đơn vị "${c.unit}", tiêu chí "${c.criterion}"${c.survey ? ' (kết quả điều tra xã hội học)' : ''}${c.at ? ` — dòng trống tại ${c.at}` : ''}`,
    missingSummary: (cells: number, units: number, list: string, more: boolean) => `các ô dữ liệu còn thiếu được tính 0 điểm: ${cells} (đơn vị × tiêu chí) ở ${units} đơn vị: ${list}${more ? ', …' : ''} (parindex check liệt kê đầy đủ)`,
    checkSurvey: (c: SurveyCounts) => `ok: bộ câu hỏi khảo sát có ${c.nodes} mục, ${c.questions} câu hỏi (${c.required} câu bắt buộc)`,
    checkForms: (forms: number, units: number, valid: number, invalid: number, skipped: number) => `; ${forms} phiếu của ${units} đơn vị: ${valid} hợp lệ, ${invalid} không hợp lệ (bỏ qua ${skipped})`,
    unitsWithoutForms: (n: number) => `; ${n} đơn vị không có phiếu`,
    reading: (label: string) => `đang đọc ${label}`,
    rows: 'dòng',
    writing: (label: string) => `đang ghi ${label}`,
    units: 'đơn vị',
    auditToCsv: (rows: number, limit: number, file: string) =>
      `phần chi tiết chấm điểm có ${rows.toLocaleString('vi-VN')} dòng, quá ${limit.toLocaleString('vi-VN')} dòng của một trang tính Excel: ghi vào ${file} (--audit sheet để chia thành nhiều trang tính, --audit none để bỏ)`,
    serving: (url: string) => `Mở trang: ${url}`,
    serveStop: 'Nhấn Ctrl+C để dừng.',
    serveStopped: 'Đã dừng.',
  },
  en: {
    badInput: 'bad input',
    problems: (n: number) => `${n} problems in the input`,
    more: (n: number) => `… and ${n} more`,
    seeHelp: '(see parindex --help)',
    internal: (message: string) => `internal error: ${message}`,
    checkRound: (c: RoundCounts) => `ok: ${c.criteria} criteria (${c.leaves} leaves), ${c.units} units, ${c.rows} input rows; ${c.missing} applicable inputs missing (scored 0; an error with --strict)`,
    missingCell: (c: MissingCellWords) => `missing: unit "${c.unit}", criterion "${c.criterion}"${c.survey ? ' (survey result)' : ''}${c.at ? ` — blank row at ${c.at}` : ''}`,
    missingSummary: (cells: number, units: number, list: string, more: boolean) =>
      `missing inputs scored 0: ${cells} (unit × criterion) in ${units} unit${units === 1 ? '' : 's'}: ${list}${more ? ', …' : ''} (parindex check lists them all)`,
    checkSurvey: (c: SurveyCounts) => `ok: survey definition with ${c.nodes} nodes, ${c.questions} questions (${c.required} required)`,
    checkForms: (forms: number, units: number, valid: number, invalid: number, skipped: number) => `; ${forms} forms over ${units} units: ${valid} valid, ${invalid} invalid (${skipped} skipped)`,
    unitsWithoutForms: (n: number) => `; ${n} units without forms`,
    reading: (label: string) => `reading ${label}`,
    rows: 'rows',
    writing: (label: string) => `writing ${label}`,
    units: 'units',
    auditToCsv: (rows: number, limit: number, file: string) =>
      `the scoring detail has ${rows.toLocaleString('en-US')} rows, more than the ${limit.toLocaleString('en-US')} of one Excel sheet: written to ${file} (--audit sheet splits it across sheets, --audit none leaves it out)`,
    serving: (url: string) => `Open the page: ${url}`,
    serveStop: 'Press Ctrl+C to stop.',
    serveStopped: 'Stopped.',
  },
});
