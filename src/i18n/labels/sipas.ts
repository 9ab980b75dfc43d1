/** Headers and lines of the SIPAS results as text and CSV, in both languages (English CSV headers are the JSON field names). */
import { pair } from '../catalogue.js';

export const sipasWords = pair({
  vi: {
    league: (league: string, units: number) => `Khối ${league} — ${units} đơn vị`,
    table: { rank: 'Hạng', unit: 'Mã đơn vị', name: 'Tên đơn vị', index: 'SIPAS', forms: 'Số phiếu', valid: 'Hợp lệ', invalid: 'Không hợp lệ', skipped: 'Bỏ qua' },
    csv: { rankGroup: 'Khối', rank: 'Xếp hạng', unit: 'Mã đơn vị', name: 'Tên đơn vị', group: 'Nhóm', index: 'Chỉ số SIPAS', forms: 'Số phiếu', valid: 'Phiếu hợp lệ', invalid: 'Phiếu không hợp lệ', skipped: 'Phiếu bị bỏ qua' },
  },
  en: {
    league: (league: string, units: number) => `League ${league} — ${units} units`,
    table: { rank: 'Rank', unit: 'Unit', name: 'Name', index: 'SIPAS', forms: 'Forms', valid: 'Valid', invalid: 'Invalid', skipped: 'Skipped' },
    csv: { rankGroup: 'rankGroup', rank: 'rank', unit: 'unit', name: 'name', group: 'group', index: 'index', forms: 'forms', valid: 'valid', invalid: 'invalid', skipped: 'skipped' },
  },
});
