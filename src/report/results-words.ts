/**
 * The words of the published results (the results workbook and the HTML report), in Vietnamese —
 * the council's own words — and English. Both renderers take their labels from here, so a header
 * reads the same in the workbook and on the page.
 */
import type { Lang } from '../i18n/lang.js';

/** Every label of the published results in one language. */
export interface ResultsWords {
  /** Default title. */
  title: string;
  /** A league's heading when the units file gives it no name: `Khối so`. */
  league: (id: string) => string;
  rank: string;
  /** Header of the hidden unit-id column (read back by `compare` and `--previous`). */
  unitId: string;
  /** Header of the hidden league-id column (read back the same way). */
  leagueId: string;
  name: string;
  group: string;
  /** An area's header: `1. Công tác chỉ đạo…`. */
  area: (code: string, title: string) => string;
  /** Appended to an area's header when its maximum is the same for every unit of the league. */
  areaMax: (max: string) => string;
  /** Appended when the maximum differs between units of the league. */
  areaMaxVaries: string;
  /** An area's points column; it names the area so that `compare` and `--previous` read the column back. */
  points: (area: string) => string;
  /** Component index column (% of what applies). */
  percent: string;
  /** Per-unit maximum of an area (only where it differs within the league). */
  /** An area's applicable-maximum column (where units of a league differ), named like {@link points}. */
  areaMaxColumn: (area: string) => string;
  total: string;
  totalMax: string;
  /** Header group over the totals. */
  totals: string;
  index: string;
  band: string;
  /** Header group over the previous year's columns. */
  previousGroup: string;
  previousIndex: string;
  previousRank: string;
  indexChange: string;
  rankChange: string;
  /** Marks a unit absent from the previous results. */
  newUnit: string;
  /** The league's summary line. */
  summary: (count: number, mean: string, min: string, max: string) => string;
  /** Legend lines under a league's table. */
  notes: {
    percent: string;
    max: string;
    previous: (file: string) => string;
    rankChange: string;
  };
  /** Chart titles and captions. */
  charts: {
    heading: string;
    bars: (league: string) => string;
    barsDesc: string;
    mean: (value: string) => string;
    band: (label: string, min: string) => string;
    heat: (league: string) => string;
    heatDesc: string;
    heatScale: string;
    notApplicable: string;
  };
  /** Footer / settings lines. */
  footer: {
    made: (version: string) => string;
    rounding: (decimals: number, rounding: string) => string;
    ties: (ties: string, rankOn: 'exact' | 'rounded') => string;
    sources: string;
    file: string;
    sha256: string;
  };
}

const VI: ResultsWords = {
  title: 'Chỉ số cải cách hành chính — kết quả',
  league: (id) => `Khối ${id}`,
  rank: 'Xếp hạng',
  unitId: 'Mã đơn vị',
  leagueId: 'Khối',
  name: 'Tên đơn vị',
  group: 'Nhóm',
  area: (code, title) => `${code}. ${title}`,
  areaMax: (max) => ` (tối đa ${max} điểm)`,
  areaMaxVaries: ' (điểm tối đa theo từng đơn vị)',
  points: (area) => `Điểm LV ${area}`,
  percent: 'Chỉ số thành phần (%)',
  areaMaxColumn: (area) => `Điểm tối đa LV ${area}`,
  total: 'Tổng điểm',
  totalMax: 'Điểm tối đa áp dụng',
  totals: 'Tổng hợp',
  index: 'Chỉ số CCHC',
  band: 'Xếp loại',
  previousGroup: 'So với năm trước',
  previousIndex: 'Chỉ số năm trước',
  previousRank: 'Xếp hạng năm trước',
  indexChange: 'Tăng/giảm chỉ số',
  rankChange: 'Tăng/giảm hạng',
  newUnit: 'mới',
  summary: (count, mean, min, max) => `${count} đơn vị · trung bình ${mean} · thấp nhất ${min} · cao nhất ${max}`,
  notes: {
    percent: 'Chỉ số thành phần (%) = điểm đạt được ÷ điểm tối đa áp dụng của lĩnh vực × 100.',
    max: 'Điểm tối đa áp dụng: tổng điểm tối đa của các tiêu chí áp dụng cho đơn vị; tiêu chí không áp dụng (NA) không tính.',
    previous: (file) => `Năm trước: ${file}; đơn vị không có trong kết quả năm trước được ghi “mới”.`,
    rankChange: 'Tăng/giảm hạng: số dương là tăng hạng (hạng năm trước − hạng năm nay).',
  },
  charts: {
    heading: 'Biểu đồ',
    bars: (league) => `${league}: chỉ số CCHC theo thứ hạng`,
    barsDesc: 'Mỗi thanh là chỉ số CCHC của một đơn vị, xếp theo thứ hạng; đường nét đứt là trung bình của khối, đường chấm là ngưỡng xếp loại.',
    mean: (value) => `Trung bình ${value}`,
    band: (label, min) => `${label} ≥ ${min}`,
    heat: (league) => `${league}: chỉ số thành phần theo lĩnh vực (%)`,
    heatDesc: 'Mỗi ô là chỉ số thành phần (%) của một đơn vị trong một lĩnh vực, ghi bằng số; ô càng đậm chỉ số càng thấp.',
    heatScale: 'Thang: ô trắng 100 %, càng đậm càng thấp',
    notApplicable: 'không áp dụng',
  },
  footer: {
    made: (version) => `Tính bằng parindex ${version}`,
    rounding: (decimals, rounding) => `${decimals} chữ số thập phân (làm tròn ${rounding === 'half-even' ? 'về số chẵn' : 'lên từ 5'})`,
    ties: (ties, rankOn) => `xếp hạng đồng hạng kiểu ${ties} trên giá trị ${rankOn === 'exact' ? 'chính xác' : 'đã làm tròn'}`,
    sources: 'Tệp đầu vào',
    file: 'Tệp',
    sha256: 'SHA-256',
  },
};

const EN: ResultsWords = {
  title: 'PAR INDEX — results',
  league: (id) => `League ${id}`,
  rank: 'Rank',
  unitId: 'Unit',
  leagueId: 'League',
  name: 'Name',
  group: 'Group',
  area: (code, title) => `${code}. ${title}`,
  areaMax: (max) => ` (max ${max} points)`,
  areaMaxVaries: ' (maximum per unit)',
  points: (area) => `Points area ${area}`,
  percent: 'Component index (%)',
  areaMaxColumn: (area) => `Max area ${area}`,
  total: 'Total points',
  totalMax: 'Applicable max',
  totals: 'Totals',
  index: 'Index',
  band: 'Band',
  previousGroup: 'Against last year',
  previousIndex: 'Last year’s index',
  previousRank: 'Last year’s rank',
  indexChange: 'Index change',
  rankChange: 'Rank change',
  newUnit: 'new',
  summary: (count, mean, min, max) => `${count} units · mean ${mean} · lowest ${min} · highest ${max}`,
  notes: {
    percent: 'Component index (%) = points earned ÷ the area’s applicable maximum × 100.',
    max: 'Applicable max: the maximum points of the criteria that apply to the unit; criteria not applicable (NA) do not count.',
    previous: (file) => `Last year: ${file}; a unit not in last year’s results is marked “new”.`,
    rankChange: 'Rank change: positive means up (last year’s rank − this year’s).',
  },
  charts: {
    heading: 'Charts',
    bars: (league) => `${league}: index by rank`,
    barsDesc: 'Each bar is one unit’s index, in rank order; the dashed line is the league mean, dotted lines are band thresholds.',
    mean: (value) => `Mean ${value}`,
    band: (label, min) => `${label} ≥ ${min}`,
    heat: (league) => `${league}: component index by area (%)`,
    heatDesc: 'Each cell is a unit’s component index (%) in an area, written as a number; the darker the cell, the lower the index.',
    heatScale: 'Scale: white 100 %, darker is lower',
    notApplicable: 'not applicable',
  },
  footer: {
    made: (version) => `Computed with parindex ${version}`,
    rounding: (decimals, rounding) => `${decimals} decimals (rounded ${rounding})`,
    ties: (ties, rankOn) => `ties ${ties}, ranked on ${rankOn === 'exact' ? 'exact' : 'rounded'} values`,
    sources: 'Input files',
    file: 'File',
    sha256: 'SHA-256',
  },
};

/** The words of the published results in a language (Vietnamese by default). */
export function resultsWords(lang: Lang | undefined): ResultsWords {
  return lang === 'en' ? EN : VI;
}
