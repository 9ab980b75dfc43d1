/**
 * Which sheet of a workbook holds which table. Sheet names are compared folded like headers (case,
 * spaces, punctuation and Vietnamese diacritics ignored), so `Đơn vị`, `don vi` and `DON_VI` are the
 * same name. Rules (docs/spreadsheets.md):
 *
 * 1. Visible sheets named for the kind are read (`criteria`/`tiêu chí`, `units`/`đơn vị`, …).
 *    Evidence may span several sheets: every visible sheet whose name *starts* with an evidence
 *    name (`evidence`, `đánh giá`, `chấm điểm`, `thẩm định`, `kiểm chứng`), e.g. the template's
 *    `Đánh giá so` and `Đánh giá quan-huyen`.
 * 2. Otherwise a workbook with exactly one visible sheet not named for another kind (settings,
 *    instructions …) is read whatever its name — a single-sheet file works.
 * 3. Hidden sheets are never read: templates keep lookup lists there. When the only sheet named for
 *    the kind is hidden, that is an error (`hidden-sheet`) rather than a silent "not found".
 */
import { ParIndexError, problem } from '../errors.js';
import type { TableKind } from '../table/files.js';
import { foldHeader } from '../table/headers.js';

/** A sheet as listed in the workbook (tab order). */
export interface SheetInfo {
  /** Sheet name as written. */
  name: string;
  /** `visible` (or undefined), `hidden` or `veryHidden`. */
  state?: string;
}

/** Kinds of sheet a workbook may hold: the table kinds, settings, and instructions (never read). */
export type SheetKind = TableKind | 'settings' | 'instructions';

/** Accepted sheet names per kind (compared folded). Evidence names are prefixes. */
export const SHEET_NAMES: Readonly<Record<SheetKind, readonly string[]>> = {
  criteria: ['criteria', 'framework', 'tiêu chí', 'bộ tiêu chí', 'khung tiêu chí', 'bộ chỉ số'],
  settings: ['settings', 'thiết lập', 'cài đặt', 'tham số'],
  units: ['units', 'đơn vị', 'danh sách đơn vị'],
  evidence: ['evidence', 'đánh giá', 'chấm điểm', 'thẩm định', 'kiểm chứng'],
  survey: ['survey', 'survey results', 'điều tra', 'khảo sát', 'kết quả điều tra', 'kết quả khảo sát', 'điểm điều tra'],
  questions: ['questions', 'câu hỏi', 'bảng hỏi', 'definition'],
  responses: ['responses', 'phiếu', 'phiếu khảo sát', 'phiếu điều tra', 'trả lời', 'forms'],
  instructions: ['instructions', 'hướng dẫn', 'readme', 'ghi chú'],
};

const FOLDED: Record<SheetKind, string[]> = Object.fromEntries(Object.entries(SHEET_NAMES).map(([k, v]) => [k, v.map(foldHeader)])) as Record<SheetKind, string[]>;

/** True when a sheet name names `kind` (evidence: starts with an evidence name). */
export function sheetNameMatches(name: string, kind: SheetKind): boolean {
  const f = foldHeader(name);
  if (f === '') return false;
  return kind === 'evidence' ? FOLDED.evidence.some((p) => f.startsWith(p)) : FOLDED[kind].includes(f);
}

/** The kind a sheet name names, if any (first match in {@link SHEET_NAMES} order). */
export function sheetKindOf(name: string): SheetKind | undefined {
  for (const k of Object.keys(SHEET_NAMES) as SheetKind[]) if (sheetNameMatches(name, k)) return k;
  return undefined;
}

/** True unless the sheet is hidden or very hidden. */
export function isVisible(s: SheetInfo): boolean {
  return s.state !== 'hidden' && s.state !== 'veryHidden';
}

const quoteList = (xs: readonly string[]) => xs.map((x) => `"${x}"`).join(', ');

/**
 * The sheets to read for `kind`, in tab order. Throws a {@link ParIndexError} naming the file and
 * the sheets found when none fits, when the only fitting sheet is hidden, or when two sheets claim
 * a kind that takes one.
 */
export function chooseSheets(file: string, sheets: readonly SheetInfo[], kind: TableKind): SheetInfo[] {
  const named = sheets.filter((s) => sheetNameMatches(s.name, kind));
  const visibleNamed = named.filter(isVisible);
  if (visibleNamed.length > 0) {
    if (kind !== 'evidence' && visibleNamed.length > 1) {
      throw new ParIndexError({
        file,
        sheet: visibleNamed[1].name,
        ...problem('ambiguous-sheet', { kind, sheets: quoteList(visibleNamed.map((s) => s.name)), names: quoteList(SHEET_NAMES[kind]) }),
        value: visibleNamed.map((s) => s.name).join(', '),
      });
    }
    return visibleNamed;
  }
  if (named.length > 0) throw hiddenSheetError(file, named[0], kind);
  const candidates = sheets.filter((s) => isVisible(s) && sheetKindOf(s.name) === undefined);
  const visible = sheets.filter(isVisible);
  if (candidates.length === 1 && visible.every((s) => s === candidates[0] || sheetKindOf(s.name) === 'settings' || sheetKindOf(s.name) === 'instructions')) return candidates;
  throw new ParIndexError({
    file,
    ...problem('sheet-not-found', { kind, names: quoteList(SHEET_NAMES[kind]) }),
    value: sheets.length ? sheets.map((s) => (isVisible(s) ? s.name : `${s.name} (hidden)`)).join(', ') : '(no sheets)',
  });
}

/** The `settings` sheet of a framework workbook, if any (hidden only → error). */
export function chooseSettingsSheet(file: string, sheets: readonly SheetInfo[]): SheetInfo | undefined {
  const named = sheets.filter((s) => sheetNameMatches(s.name, 'settings'));
  const visible = named.filter(isVisible);
  if (visible.length > 1) {
    throw new ParIndexError({ file, sheet: visible[1].name, ...problem('ambiguous-sheet/settings', { sheets: quoteList(visible.map((s) => s.name)) }), value: visible.map((s) => s.name).join(', ') });
  }
  if (visible.length === 1) return visible[0];
  if (named.length > 0) throw hiddenSheetError(file, named[0], 'settings');
  return undefined;
}

function hiddenSheetError(file: string, sheet: SheetInfo, kind: SheetKind): ParIndexError {
  return new ParIndexError({ file, sheet: sheet.name, ...problem('hidden-sheet', { kind, sheet: sheet.name }), value: `${sheet.name} (${sheet.state})` });
}
