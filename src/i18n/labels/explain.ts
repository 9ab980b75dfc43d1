/**
 * Words of `parindex explain` as text and CSV, in both languages (English CSV headers are the JSON
 * field names). `status` words each way a leaf's input was found (scoring's `LeafStatus`).
 */
import { pair } from '../catalogue.js';

/** The head line: unit, league, rank (null: unranked) of the league's size, band. */
export interface ExplainHead {
  name: string;
  unit: string;
  league: string;
  rank: number | null;
  size: number;
  band: string | null;
}

/** A band threshold: its name, `>` or `≥`, and the minimum (printed). */
export interface BandThreshold {
  band: string;
  strict: boolean;
  min: string;
}

const op = (strict: boolean) => (strict ? '>' : '≥');

export const explainWords = pair({
  vi: {
    head: (h: ExplainHead) => `${h.name} (${h.unit}) — khối ${h.league}, ${h.rank === null ? 'chưa xếp hạng' : `xếp hạng ${h.rank}/${h.size}`}${h.band ? `, xếp loại ${h.band}` : ''}`,
    totals: (index: string, self: string, points: string, max: string, lost: string) => `Chỉ số ${index} (tự chấm ${self}); đạt ${points}/${max} điểm, mất ${lost} điểm`,
    counts: (missing: number, unappraised: number, na: number) => `Tiêu chí thiếu dữ liệu: ${missing}; dòng chưa thẩm định: ${unappraised}; không áp dụng: ${na}`,
    gaps: { gap: 'Khoảng cách', unit: 'Đơn vị', rank: 'Hạng', index: 'Chỉ số', indexPoints: 'Điểm chỉ số', rawPoints: 'Điểm thô' },
    above: 'để bằng đơn vị xếp trên',
    noAbove: 'không có đơn vị xếp trên (đứng đầu khối)',
    below: 'hơn đơn vị xếp dưới',
    noBelow: 'không có đơn vị xếp dưới (cuối khối)',
    tied: 'bằng chỉ số với',
    bandMargin: (b: BandThreshold) => `vượt ngưỡng xếp loại ${b.band} (${op(b.strict)} ${b.min})`,
    bandToReach: (b: BandThreshold) => `để đạt xếp loại ${b.band} (${op(b.strict)} ${b.min})`,
    areasTitle: 'Điểm bị mất theo lĩnh vực',
    areas: { area: 'Lĩnh vực', title: 'Tên lĩnh vực', points: 'Điểm', max: 'Tối đa', lost: 'Mất' },
    leavesTitle: (shown: number, all: number) => `Tiêu chí thành phần mất nhiều điểm nhất (${shown}/${all})`,
    leaves: { criterion: 'Tiêu chí', rule: 'Cách chấm', input: 'Dữ liệu', from: 'Nguồn', points: 'Điểm', max: 'Tối đa', lost: 'Mất', title: 'Tên tiêu chí' },
    status: { appraised: 'thẩm định', self: 'tự chấm', survey: 'điều tra XHH', na: 'không áp dụng', missing: 'thiếu' },
    csv: {
      section: 'Phần',
      item: 'Mục',
      name: 'Tên',
      rank: 'Xếp hạng',
      index: 'Chỉ số',
      indexGap: 'Cách biệt chỉ số',
      pointsGap: 'Cách biệt điểm',
      rule: 'Cách chấm',
      status: 'Trạng thái',
      input: 'Dữ liệu',
      points: 'Điểm',
      max: 'Điểm tối đa',
      lost: 'Điểm mất',
    },
    sections: { unit: 'đơn vị', above: 'xếp trên', below: 'xếp dưới', tied: 'bằng chỉ số', band: 'xếp loại', area: 'lĩnh vực', leaf: 'tiêu chí thành phần' },
    reached: 'đạt',
    notReached: 'chưa đạt',
  },
  en: {
    head: (h: ExplainHead) => `${h.name} (${h.unit}) — league ${h.league}, ${h.rank === null ? 'unranked' : `rank ${h.rank} of ${h.size}`}${h.band ? `, band ${h.band}` : ''}`,
    totals: (index: string, self: string, points: string, max: string, lost: string) => `Index ${index} (self-assessed ${self}); ${points} points of ${max}, ${lost} lost`,
    counts: (missing: number, unappraised: number, na: number) => `Missing inputs ${missing}, unappraised rows ${unappraised}, not applicable ${na}`,
    gaps: { gap: 'Gap', unit: 'Unit', rank: 'Rank', index: 'Index', indexPoints: 'Index points', rawPoints: 'Raw points' },
    above: 'to draw level with the unit above',
    noAbove: 'no unit above (leads the league)',
    below: 'lead over the unit below',
    noBelow: 'no unit below (last of the league)',
    tied: 'tied with',
    bandMargin: (b: BandThreshold) => `margin above band ${b.band} (${op(b.strict)} ${b.min})`,
    bandToReach: (b: BandThreshold) => `to reach band ${b.band} (${op(b.strict)} ${b.min})`,
    areasTitle: 'Points lost by area',
    areas: { area: 'Area', title: 'Title', points: 'Points', max: 'Max', lost: 'Lost' },
    leavesTitle: (shown: number, all: number) => `Largest lost leaves (${shown} of ${all})`,
    leaves: { criterion: 'Criterion', rule: 'Rule', input: 'Input', from: 'From', points: 'Points', max: 'Max', lost: 'Lost', title: 'Title' },
    status: { appraised: 'appraised', self: 'self', survey: 'survey', na: 'na', missing: 'missing' },
    csv: { section: 'section', item: 'item', name: 'name', rank: 'rank', index: 'index', indexGap: 'indexGap', pointsGap: 'pointsGap', rule: 'rule', status: 'status', input: 'input', points: 'points', max: 'max', lost: 'lost' },
    sections: { unit: 'unit', above: 'above', below: 'below', tied: 'tied', band: 'band', area: 'area', leaf: 'leaf' },
    reached: 'reached',
    notReached: 'below',
  },
});
