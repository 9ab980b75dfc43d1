/**
 * Headers and lines of the score results as text and CSV, in both languages. The English CSV
 * headers are the JSON field names (what scripts read); the Vietnamese ones are what a council
 * reads, and `parindex compare` / `--previous` read both back (src/analysis/result-file.ts).
 */
import { pair } from '../catalogue.js';

/** A league's summary line: its id (and name, from the units file), the units with an index and their mean, min and max (printed). */
export interface LeagueLine {
  league: string;
  name?: string;
  count: number;
  mean: string;
  min: string;
  max: string;
}

export const resultWords = pair({
  vi: {
    league: (l: LeagueLine) => `${l.name ?? `Khối ${l.league}`} — ${l.count} đơn vị, trung bình ${l.mean}, thấp nhất ${l.min}, cao nhất ${l.max}`,
    table: { rank: 'Hạng', unit: 'Mã đơn vị', name: 'Tên đơn vị', index: 'Chỉ số', self: 'Tự chấm', appraisal: 'Thẩm định', survey: 'Điều tra XHH', adjust: 'Cộng/trừ', band: 'Xếp loại', missing: 'Thiếu' },
    csv: {
      rankGroup: 'Khối',
      rank: 'Xếp hạng',
      unit: 'Mã đơn vị',
      name: 'Tên đơn vị',
      group: 'Nhóm',
      index: 'Chỉ số',
      selfIndex: 'Chỉ số tự chấm',
      band: 'Xếp loại',
      points: 'Tổng điểm',
      max: 'Điểm tối đa áp dụng',
      appraisalPoints: 'Điểm thẩm định',
      surveyPoints: 'Điểm điều tra xã hội học',
      adjustPoints: 'Điểm cộng/trừ',
      missing: 'Số tiêu chí thiếu dữ liệu',
      unappraised: 'Số dòng chưa thẩm định',
      na: 'Số tiêu chí không áp dụng',
    },
    areaPoints: (area: string) => `Điểm lĩnh vực ${area}`,
    areaMax: (area: string) => `Điểm tối đa lĩnh vực ${area}`,
  },
  en: {
    league: (l: LeagueLine) => `${l.name ? `${l.name} (${l.league})` : `League ${l.league}`} — ${l.count} units, mean ${l.mean}, min ${l.min}, max ${l.max}`,
    table: { rank: 'Rank', unit: 'Unit', name: 'Name', index: 'Index', self: 'Self', appraisal: 'Appraisal', survey: 'Survey', adjust: 'Adjust', band: 'Band', missing: 'Missing' },
    csv: {
      rankGroup: 'rankGroup',
      rank: 'rank',
      unit: 'unit',
      name: 'name',
      group: 'group',
      index: 'index',
      selfIndex: 'selfIndex',
      band: 'band',
      points: 'points',
      max: 'max',
      appraisalPoints: 'appraisalPoints',
      surveyPoints: 'surveyPoints',
      adjustPoints: 'adjustPoints',
      missing: 'missing',
      unappraised: 'unappraised',
      na: 'na',
    },
    areaPoints: (area: string) => `area ${area} points`,
    areaMax: (area: string) => `area ${area} max`,
  },
});
