/** Words of `parindex sensitivity` as text and CSV, in both languages (English CSV headers are the JSON field names). */
import { pair } from '../catalogue.js';

/** A league's stability line (figures printed). */
export interface StabilityLine {
  league: string;
  neverMoved: number;
  units: number;
  percent: string;
  meanShift: string;
  meanRho: string;
  minRho: string;
}

export const sensitivityWords = pair({
  vi: {
    weights: (runs: number, seed: number, low: string, high: string) => `Độ nhạy theo trọng số: ${runs} lần chạy, hạt giống ${seed}, trọng số của mỗi tiêu chí thành phần nhân với một hệ số ngẫu nhiên đều trong [${low}; ${high})`,
    appraisal: (runs: number, seed: number, p: string) => `Độ nhạy theo thẩm định: ${runs} lần chạy, hạt giống ${seed}, mỗi ô đã thẩm định trở về điểm tự chấm với xác suất ${p}`,
    league: (l: StabilityLine) => `Khối ${l.league} — ${l.neverMoved}/${l.units} đơn vị không bao giờ đổi hạng (${l.percent} %); dịch chuyển trung bình ${l.meanShift}; hệ số Spearman ρ trung bình ${l.meanRho}, thấp nhất ${l.minRho}`,
    table: {
      rank: 'Hạng',
      unit: 'Mã đơn vị',
      name: 'Tên đơn vị',
      index: 'Chỉ số',
      best: 'Hạng cao nhất',
      median: 'Trung vị',
      worst: 'Hạng thấp nhất',
      kept: 'Giữ hạng %',
      meanShift: 'Dịch chuyển TB',
      unranked: 'Lần không xếp hạng',
      range: 'Khoảng chỉ số',
    },
    csv: {
      rankGroup: 'Khối',
      unit: 'Mã đơn vị',
      name: 'Tên đơn vị',
      index: 'Chỉ số',
      baseRank: 'Xếp hạng',
      minRank: 'Hạng cao nhất',
      medianRank: 'Hạng trung vị',
      maxRank: 'Hạng thấp nhất',
      keepPercent: 'Tỷ lệ giữ hạng (%)',
      meanShift: 'Dịch chuyển hạng trung bình',
      unrankedRuns: 'Số lần không xếp hạng',
      minIndex: 'Chỉ số thấp nhất',
      maxIndex: 'Chỉ số cao nhất',
    },
  },
  en: {
    weights: (runs: number, seed: number, low: string, high: string) => `Weight sensitivity: ${runs} runs, seed ${seed}, every leaf's weight × a uniform factor in [${low}, ${high})`,
    appraisal: (runs: number, seed: number, p: string) => `Appraisal sensitivity: ${runs} runs, seed ${seed}, each appraised cell reverts to the self value with probability ${p}`,
    league: (l: StabilityLine) => `League ${l.league} — ${l.neverMoved} of ${l.units} units never change rank (${l.percent} %); mean shift ${l.meanShift}; Spearman ρ mean ${l.meanRho}, min ${l.minRho}`,
    table: { rank: 'Rank', unit: 'Unit', name: 'Name', index: 'Index', best: 'Best', median: 'Median', worst: 'Worst', kept: 'Kept %', meanShift: 'Mean shift', unranked: 'Unranked runs', range: 'Index range' },
    csv: {
      rankGroup: 'rankGroup',
      unit: 'unit',
      name: 'name',
      index: 'index',
      baseRank: 'baseRank',
      minRank: 'minRank',
      medianRank: 'medianRank',
      maxRank: 'maxRank',
      keepPercent: 'keepPercent',
      meanShift: 'meanShift',
      unrankedRuns: 'unrankedRuns',
      minIndex: 'minIndex',
      maxIndex: 'maxIndex',
    },
  },
});
