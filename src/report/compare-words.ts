/**
 * The words of a comparison report (`parindex compare`) in Vietnamese and English: headers, the
 * per-league summary, the movers and the note when area points are not compared. Shared by the text,
 * CSV, HTML and xlsx renderers, so every format says the same thing.
 */
import type { AreasMissing, PresenceStatus } from '../analysis/compare.js';
import { pair } from '../i18n/catalogue.js';

/** Counts and figures of one league's summary line (figures already formatted). */
export interface LeagueLine {
  league: string;
  compared: number;
  mean: string;
  up: number;
  down: number;
  same: number;
  onlyOld: number;
  onlyNew: number;
}

/** Vietnamese and English words of a comparison. */
export const COMPARE_WORDS = pair({
  vi: {
    title: 'So sánh kết quả chỉ số cải cách hành chính',
    files: (oldFile: string, newFile: string) => `Tệp cũ: ${oldFile} → tệp mới: ${newFile}`,
    oldName: 'tệp cũ',
    newName: 'tệp mới',
    league: (g: string) => (g ? `Khối ${g}` : 'Không có khối'),
    leagueLine: (l: LeagueLine) =>
      `${l.compared} đơn vị được so sánh, thay đổi chỉ số trung bình ${l.mean}; tăng hạng ${l.up}, giảm hạng ${l.down}, giữ hạng ${l.same}` +
      (l.onlyNew ? `; ${l.onlyNew} đơn vị mới` : '') +
      (l.onlyOld ? `; ${l.onlyOld} đơn vị chỉ có trong tệp cũ` : ''),
    rank: 'Xếp hạng',
    unit: 'Mã đơn vị',
    name: 'Tên đơn vị',
    rankGroup: 'Khối',
    status: 'Trạng thái',
    oldIndex: 'Chỉ số cũ',
    newIndex: 'Chỉ số mới',
    change: 'Thay đổi',
    oldRank: 'Hạng cũ',
    newRank: 'Hạng mới',
    rankChange: 'Thay đổi hạng',
    note: 'Ghi chú',
    area: (code: string) => `Lĩnh vực ${code}`,
    areaShort: (code: string) => `LV ${code}`,
    areaChange: (code: string) => `LV ${code} thay đổi`,
    areaOld: (code: string) => `LV ${code} cũ`,
    areaNew: (code: string) => `LV ${code} mới`,
    areaLabel: 'Lĩnh vực',
    oldPoints: 'Điểm cũ',
    newPoints: 'Điểm mới',
    oldFile: 'Tệp cũ',
    newFile: 'Tệp mới',
    areaMeans: 'Thay đổi điểm trung bình theo lĩnh vực',
    risers: 'Tăng nhiều nhất',
    fallers: 'Giảm nhiều nhất',
    direction: 'Chiều',
    order: 'Thứ tự',
    none: 'không có',
    moverLine: (unit: string, change: string, oldRank: string, newRank: string) => `${unit} ${change} (hạng ${oldRank} → ${newRank})`,
    status_: { both: 'cả hai tệp', 'only-old': 'chỉ có trong tệp cũ', 'only-new': 'mới' } satisfies Record<PresenceStatus, string>,
    noteOf: { 'only-old': 'chỉ có trong tệp cũ', 'only-new': 'mới', leagueChanged: 'đổi khối' },
    areasMissing: {
      old: 'Tệp cũ không có điểm theo lĩnh vực: chỉ so sánh chỉ số.',
      new: 'Tệp mới không có điểm theo lĩnh vực: chỉ so sánh chỉ số.',
      both: 'Cả hai tệp đều không có điểm theo lĩnh vực: chỉ so sánh chỉ số.',
    } satisfies Record<AreasMissing, string>,
    rankChangeNote: 'Thay đổi hạng = hạng cũ − hạng mới: số dương là tăng hạng.',
    summarySheet: 'Tổng hợp',
    compared: 'Số đơn vị so sánh',
    meanChange: 'Thay đổi trung bình',
    up: 'Tăng hạng',
    down: 'Giảm hạng',
    same: 'Giữ hạng',
    onlyOld: 'Chỉ có trong tệp cũ',
    onlyNew: 'Đơn vị mới',
    leagueSheet: (g: string) => `So sánh ${g}`,
    areasSheet: 'Điểm lĩnh vực',
    moversSheet: 'Tăng giảm nhiều nhất',
    infoSheet: 'Thông tin',
    setting: 'Mục',
    value: 'Giá trị',
    decimals: 'Số chữ số thập phân',
    rounding: 'Cách làm tròn',
    top: 'Số đơn vị tăng/giảm nhiều nhất liệt kê mỗi khối',
    all: 'tất cả',
    madeBy: (version: string) => `Lập bằng parindex ${version}`,
  },
  en: {
    title: 'Comparison of PAR INDEX results',
    files: (oldFile: string, newFile: string) => `Old file: ${oldFile} → new file: ${newFile}`,
    oldName: 'old',
    newName: 'new',
    league: (g: string) => `League ${g || '(none)'}`,
    leagueLine: (l: LeagueLine) =>
      `${l.compared} units compared, mean change ${l.mean}; rank up ${l.up}, down ${l.down}, same ${l.same}` +
      (l.onlyNew || l.onlyOld ? `; ${[l.onlyNew ? `${l.onlyNew} only in new` : '', l.onlyOld ? `${l.onlyOld} only in old` : ''].filter(Boolean).join(', ')}` : ''),
    rank: 'Rank',
    unit: 'Unit',
    name: 'Name',
    rankGroup: 'League',
    status: 'Status',
    oldIndex: 'Old',
    newIndex: 'New',
    change: 'Change',
    oldRank: 'Old rank',
    newRank: 'New rank',
    rankChange: 'Rank change',
    note: 'Note',
    area: (code: string) => `Area ${code}`,
    areaShort: (code: string) => `A${code}`,
    areaChange: (code: string) => `area ${code} change`,
    areaOld: (code: string) => `area ${code} old`,
    areaNew: (code: string) => `area ${code} new`,
    areaLabel: 'Area',
    oldPoints: 'Old points',
    newPoints: 'New points',
    oldFile: 'Old file',
    newFile: 'New file',
    areaMeans: 'Mean change of points per area',
    risers: 'Largest rises',
    fallers: 'Largest falls',
    direction: 'Direction',
    order: 'Order',
    none: 'none',
    moverLine: (unit: string, change: string, oldRank: string, newRank: string) => `${unit} ${change} (rank ${oldRank} → ${newRank})`,
    status_: { both: 'both', 'only-old': 'only-old', 'only-new': 'only-new' } satisfies Record<PresenceStatus, string>,
    noteOf: { 'only-old': 'only-old', 'only-new': 'only-new', leagueChanged: 'league changed' },
    areasMissing: {
      old: 'The old file has no area points: only the index is compared.',
      new: 'The new file has no area points: only the index is compared.',
      both: 'Neither file has area points: only the index is compared.',
    } satisfies Record<AreasMissing, string>,
    rankChangeNote: 'Rank change = old rank − new rank: positive means moved up.',
    summarySheet: 'Summary',
    compared: 'Units compared',
    meanChange: 'Mean change',
    up: 'Rank up',
    down: 'Rank down',
    same: 'Same rank',
    onlyOld: 'Only in old',
    onlyNew: 'Only in new',
    leagueSheet: (g: string) => `Compare ${g}`,
    areasSheet: 'Area points',
    moversSheet: 'Largest movers',
    infoSheet: 'About',
    setting: 'Item',
    value: 'Value',
    decimals: 'Decimals',
    rounding: 'Rounding',
    top: 'Largest movers listed per league',
    all: 'all',
    madeBy: (version: string) => `Made with parindex ${version}`,
  },
});

/** The words of a comparison in a language (Vietnamese unless `en`). */
export function compareWords(lang: string | undefined) {
  return lang === 'en' ? COMPARE_WORDS.en : COMPARE_WORDS.vi;
}
