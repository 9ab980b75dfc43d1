/**
 * The page's own words, Vietnamese (the default: what a council reads) and English. Messages about
 * the inputs are the core's (`formatIssue`), never written here.
 */
import type { Lang } from '../../src/index.js';
import type { FileKind } from './protocol.js';

export interface PageWords {
  title: string;
  lead: string;
  privacy: string;
  langSwitch: string;
  steps: { files: string; check: string; results: string };
  kinds: Record<FileKind, string>;
  kindHelp: string;
  dropHere: string;
  chooseFiles: string;
  addAs: (kind: string) => string;
  noFiles: string;
  fileName: string;
  fileKind: string;
  fileNote: string;
  remove: (name: string) => string;
  sources: string;
  sourceOf: Record<'framework' | 'units' | 'evidence' | 'survey', string>;
  fromFiles: (n: number) => string;
  fromSample: string;
  none: string;
  trySample: string;
  sipasInto: string;
  sipasIntoNone: string;
  partial: string;
  partialHelp: string;
  decimalComma: string;
  /** Last year's results given as a workbook. */
  previousWorkbook: string;
  /** How a message naming the CLI's `--decimal-comma` names the page's box instead. */
  decimalCommaBox: string;
  score: string;
  scoring: string;
  cancel: string;
  cancelled: string;
  steps2: Record<'read' | 'check' | 'score' | 'sipas' | 'render', string>;
  problems: (n: number) => string;
  problemsIntro: string;
  partialUnavailable: string;
  partialDropped: (n: number) => string;
  partialScored: string;
  missingCells: (cells: number, units: number) => string;
  rankingOf: (league: string, n: number, mean: string) => string;
  col: { rank: string; unit: string; name: string; index: string; selfIndex: string; band: string; missing: string; group: string };
  clickUnit: string;
  /** The ranking's pages: the navigation's name, its buttons and where the reader is. */
  pages: { nav: (league: string) => string; first: string; previous: string; next: string; last: string; at: (page: number, pages: number, from: number, to: number, n: number) => string };
  charts: string;
  chartsLater: (units: number) => string;
  drawCharts: string;
  drawingCharts: string;
  reportWorking: string;
  tabs: { ranking: string; explain: string; sensitivity: string; compare: string; report: string; sipas: string; downloads: string };
  explainOf: (name: string) => string;
  explainNone: string;
  rankLine: (rank: string, size: number, index: string, self: string) => string;
  above: (name: string, rank: string, gap: string, points: string) => string;
  below: (name: string, rank: string, gap: string, points: string) => string;
  leader: string;
  last: string;
  tied: (names: string) => string;
  areas: string;
  areaCol: { code: string; title: string; points: string; max: string; lost: string };
  leaves: string;
  leafCol: { code: string; title: string; self: string; appraised: string; status: string; points: string; max: string; lost: string };
  status: Record<string, string>;
  back: string;
  sensitivityRun: string;
  sensitivityRuns: string;
  sensitivityMode: string;
  modeWeights: string;
  modeAppraisal: string;
  sensitivityLead: (runs: number, mode: string) => string;
  sensCol: { unit: string; rank: string; range: string; keep: string; index: string };
  correlation: (league: string, value: string) => string;
  compareLead: string;
  compareFile: string;
  compareRun: string;
  compareNone: string;
  cmpCol: { unit: string; old: string; now: string; change: string; rankOld: string; rankNow: string; rankChange: string; status: string };
  presence: Record<string, string>;
  download: { title: string; xlsx: string; html: string; csv: string; json: string; template: string; surveyTemplate: string; compareHtml: string; sipasHtml: string; working: string };
  notScored: string;
  workerFailed: string;
  reportFrame: string;
  sipasLead: string;
}

export const WORDS: Record<Lang, PageWords> = {
  vi: {
    title: 'Chỉ số cải cách hành chính — trang cho hội đồng',
    lead: 'Thả các tệp của hội đồng vào đây, xem xếp hạng và giải thích từng đơn vị.',
    privacy: 'Mọi tính toán chạy ngay trong trình duyệt này: không tệp nào được gửi đi đâu.',
    langSwitch: 'English',
    steps: { files: '1. Chọn tệp', check: '2. Kiểm tra', results: '3. Kết quả' },
    kinds: {
      framework: 'Bộ tiêu chí',
      units: 'Danh sách đơn vị',
      evidence: 'Điểm tự chấm, thẩm định',
      survey: 'Kết quả điều tra',
      questions: 'Bảng hỏi SIPAS',
      responses: 'Phiếu SIPAS',
      previous: 'Kết quả năm trước',
      ignore: 'Không dùng',
    },
    kindHelp: 'Loại tệp được nhận ra theo nội dung; có thể đổi cho từng tệp.',
    dropHere: 'Kéo thả tất cả các tệp (CSV, XLSX, JSON) vào đây, hoặc',
    chooseFiles: 'Chọn tệp…',
    addAs: (kind) => `Thêm tệp ${kind.toLowerCase()}`,
    noFiles: 'Chưa có tệp nào.',
    fileName: 'Tệp',
    fileKind: 'Loại',
    fileNote: 'Nhận ra',
    remove: (name) => `Bỏ tệp ${name}`,
    sources: 'Nguồn dữ liệu',
    sourceOf: { framework: 'Bộ tiêu chí', units: 'Đơn vị', evidence: 'Điểm chấm', survey: 'Điều tra' },
    fromFiles: (n) => `Từ tệp (${n})`,
    fromSample: 'Mẫu Hà Nội 2021 (có sẵn)',
    none: 'Không có',
    trySample: 'Dùng toàn bộ dữ liệu mẫu Hà Nội 2021',
    sipasInto: 'Đưa chỉ số SIPAS vào tiêu chí',
    sipasIntoNone: 'Không đưa (chỉ xem riêng)',
    partial: 'Chấm phần dữ liệu sạch và liệt kê phần còn thiếu',
    decimalComma: 'Số trong tệp CSV viết bằng dấu phẩy thập phân (12,5 — Excel cài đặt tiếng Việt)',
    decimalCommaBox: 'ô «dấu phẩy thập phân» ở trên',
    previousWorkbook: 'Kết quả năm trước: trang này đọc tệp .json hoặc .csv do parindex ghi (nút «Tải về» JSON/CSV, hoặc parindex score --format json); tệp Excel kết quả chưa đọc được ở đây.',
    partialHelp: 'Các dòng có lỗi trong tệp điểm chấm và điều tra bị bỏ ra; ô bị bỏ tính 0 điểm và được đếm là thiếu.',
    score: 'Chấm điểm',
    scoring: 'Đang chấm điểm…',
    cancel: 'Hủy',
    cancelled: 'Đã hủy. Chưa có kết quả.',
    steps2: { read: 'Đọc tệp', check: 'Kiểm tra dữ liệu', score: 'Tính điểm và xếp hạng', sipas: 'Tính chỉ số SIPAS', render: 'Lập báo cáo' },
    problems: (n) => `Có ${n} lỗi trong dữ liệu vào`,
    problemsIntro: 'Chưa chấm điểm: hãy sửa các lỗi dưới đây (mỗi lỗi ghi tệp, trang tính, dòng và cột), rồi chấm lại.',
    partialUnavailable: 'Không thể chấm phần sạch: có lỗi ở bộ tiêu chí, danh sách đơn vị hoặc ở dòng tiêu đề của tệp — phải sửa trước.',
    partialDropped: (n) => `Đã bỏ ${n} dòng có lỗi; kết quả dưới đây chỉ tính phần dữ liệu sạch.`,
    partialScored: 'Kết quả từng phần — chưa dùng để công bố.',
    missingCells: (cells, units) => `${cells} ô (đơn vị × tiêu chí) còn thiếu được tính 0 điểm, ở ${units} đơn vị.`,
    rankingOf: (league, n, mean) => `${league} — ${n} đơn vị, trung bình ${mean}`,
    col: { rank: 'Hạng', unit: 'Mã', name: 'Đơn vị', index: 'Chỉ số', selfIndex: 'Tự chấm', band: 'Xếp loại', missing: 'Ô thiếu', group: 'Nhóm' },
    clickUnit: 'Bấm (hoặc Enter) vào một đơn vị để xem giải thích.',
    pages: {
      nav: (league) => `Các trang xếp hạng: ${league}`,
      first: 'Trang đầu',
      previous: 'Trang trước',
      next: 'Trang sau',
      last: 'Trang cuối',
      at: (page, pages, from, to, n) => `Trang ${page}/${pages} — dòng ${from}–${to} trong ${n} đơn vị`,
    },
    charts: 'Biểu đồ',
    chartsLater: (units) => `Biểu đồ của ${units.toLocaleString('vi-VN')} đơn vị rất lớn (mỗi đơn vị một thanh, một hàng bản đồ nhiệt) nên chỉ vẽ khi cần.`,
    drawCharts: 'Vẽ biểu đồ',
    drawingCharts: 'Đang vẽ biểu đồ…',
    reportWorking: 'Đang viết báo cáo…',
    tabs: { ranking: 'Xếp hạng', explain: 'Giải thích', sensitivity: 'Độ ổn định', compare: 'So với năm trước', report: 'Báo cáo', sipas: 'SIPAS', downloads: 'Tải về' },
    explainOf: (name) => `Giải thích: ${name}`,
    explainNone: 'Chọn một đơn vị trong bảng xếp hạng.',
    rankLine: (rank, size, index, self) => `Hạng ${rank}/${size} — chỉ số ${index} (tự chấm ${self})`,
    above: (name, rank, gap, points) => `Kém đơn vị xếp trên (${name}, hạng ${rank}): ${gap} điểm chỉ số, tức ${points} điểm chấm.`,
    below: (name, rank, gap, points) => `Hơn đơn vị xếp dưới (${name}, hạng ${rank}): ${gap} điểm chỉ số, tức ${points} điểm chấm.`,
    leader: 'Đứng đầu khối.',
    last: 'Đứng cuối khối.',
    tied: (names) => `Bằng điểm với: ${names}`,
    areas: 'Điểm theo lĩnh vực',
    areaCol: { code: 'Mã', title: 'Lĩnh vực', points: 'Điểm đạt', max: 'Tối đa', lost: 'Bị mất' },
    leaves: 'Tự chấm và thẩm định theo tiêu chí',
    leafCol: { code: 'Mã', title: 'Tiêu chí', self: 'Tự chấm', appraised: 'Thẩm định', status: 'Tính theo', points: 'Điểm', max: 'Tối đa', lost: 'Bị mất' },
    status: { appraised: 'thẩm định', self: 'tự chấm (chưa thẩm định)', survey: 'điều tra', na: 'không áp dụng', missing: 'thiếu (0 điểm)', adjust: 'cộng/trừ' },
    back: 'Về bảng xếp hạng',
    sensitivityRun: 'Tính độ ổn định',
    sensitivityRuns: 'Số lần chạy',
    sensitivityMode: 'Cách xáo trộn',
    modeWeights: 'trọng số ±10%',
    modeAppraisal: 'bỏ ngẫu nhiên điểm thẩm định',
    sensitivityLead: (runs, mode) => `${runs} lần chấm lại (${mode}): thứ hạng của mỗi đơn vị dao động trong khoảng nào.`,
    sensCol: { unit: 'Đơn vị', rank: 'Hạng', range: 'Khoảng hạng', keep: 'Giữ hạng (%)', index: 'Khoảng chỉ số' },
    correlation: (league, value) => `${league}: hệ số tương quan hạng trung bình ${value}`,
    compareLead: 'So với kết quả năm trước (tệp JSON do parindex xuất: parindex score --format json).',
    compareFile: 'Tệp kết quả năm trước',
    compareRun: 'So sánh',
    compareNone: 'Chưa có tệp kết quả năm trước: thả tệp JSON vào ô chọn tệp.',
    cmpCol: { unit: 'Đơn vị', old: 'Năm trước', now: 'Năm nay', change: 'Thay đổi', rankOld: 'Hạng trước', rankNow: 'Hạng nay', rankChange: 'Đổi hạng', status: 'Ghi chú' },
    presence: { both: '', 'only-new': 'mới', 'only-old': 'không còn' },
    download: {
      title: 'Tải kết quả về máy',
      xlsx: 'Bảng tính kết quả (.xlsx)',
      html: 'Báo cáo (.html)',
      csv: 'Bảng kết quả (.csv)',
      json: 'Dữ liệu kết quả (.json)',
      template: 'Mẫu nhập điểm trống (.xlsx)',
      surveyTemplate: 'Mẫu nhập kết quả điều tra (.xlsx)',
      compareHtml: 'Báo cáo so sánh (.html)',
      sipasHtml: 'Báo cáo SIPAS (.html)',
      working: 'Đang tạo tệp…',
    },
    notScored: 'Chưa có kết quả.',
    workerFailed: 'Lỗi khi tính: ',
    reportFrame: 'Báo cáo kết quả',
    sipasLead: 'Chỉ số hài lòng (SIPAS) tính từ phiếu khảo sát.',
  },
  en: {
    title: 'PAR INDEX — the council page',
    lead: 'Drop the council’s files here, see the ranking and explain every unit.',
    privacy: 'Everything is computed in this browser: no file is sent anywhere.',
    langSwitch: 'Tiếng Việt',
    steps: { files: '1. Files', check: '2. Check', results: '3. Results' },
    kinds: {
      framework: 'Framework',
      units: 'Units',
      evidence: 'Evidence (self and appraised)',
      survey: 'Survey results',
      questions: 'SIPAS questions',
      responses: 'SIPAS forms',
      previous: 'Last year’s results',
      ignore: 'Not used',
    },
    kindHelp: 'Each file’s kind is recognised from its content; it can be changed per file.',
    dropHere: 'Drop all the files (CSV, XLSX, JSON) here, or',
    chooseFiles: 'Choose files…',
    addAs: (kind) => `Add ${kind.toLowerCase()} files`,
    noFiles: 'No files yet.',
    fileName: 'File',
    fileKind: 'Kind',
    fileNote: 'Recognised',
    remove: (name) => `Remove ${name}`,
    sources: 'Data sources',
    sourceOf: { framework: 'Framework', units: 'Units', evidence: 'Evidence', survey: 'Survey' },
    fromFiles: (n) => `From files (${n})`,
    fromSample: 'Hà Nội 2021 sample (built in)',
    none: 'None',
    trySample: 'Use the whole Hà Nội 2021 sample',
    sipasInto: 'Put the SIPAS index into criterion',
    sipasIntoNone: 'Do not (show it on its own)',
    partial: 'Score the clean part and list what is missing',
    decimalComma: 'Numbers in the CSV files use a decimal comma (12,5 — Excel in a Vietnamese locale)',
    decimalCommaBox: 'the "decimal comma" box above',
    previousWorkbook: "Last year's results: this page reads the .json or .csv file parindex writes (the JSON/CSV download, or parindex score --format json); a results workbook cannot be read here yet.",
    partialHelp: 'Rows with a problem in evidence and survey files are left out; their cells score 0 and are counted missing.',
    score: 'Score',
    scoring: 'Scoring…',
    cancel: 'Cancel',
    cancelled: 'Cancelled. No results yet.',
    steps2: { read: 'Reading files', check: 'Checking the data', score: 'Scoring and ranking', sipas: 'Scoring SIPAS', render: 'Writing the report' },
    problems: (n) => `${n} problem(s) in the inputs`,
    problemsIntro: 'Nothing scored: fix the problems below (each names its file, sheet, row and column), then score again.',
    partialUnavailable: 'The clean part cannot be scored: there are problems in the framework, the units or a file’s header row — fix them first.',
    partialDropped: (n) => `${n} row(s) with problems left out; the results below count the clean data only.`,
    partialScored: 'Partial results — not for publication.',
    missingCells: (cells, units) => `${cells} missing cell(s) (unit × criterion) scored 0, in ${units} unit(s).`,
    rankingOf: (league, n, mean) => `${league} — ${n} units, mean ${mean}`,
    col: { rank: 'Rank', unit: 'Id', name: 'Unit', index: 'Index', selfIndex: 'Self', band: 'Band', missing: 'Missing', group: 'Group' },
    clickUnit: 'Click a unit (or press Enter on it) for its explanation.',
    pages: {
      nav: (league) => `Ranking pages: ${league}`,
      first: 'First page',
      previous: 'Previous page',
      next: 'Next page',
      last: 'Last page',
      at: (page, pages, from, to, n) => `Page ${page} of ${pages} — rows ${from}–${to} of ${n} units`,
    },
    charts: 'Charts',
    chartsLater: (units) => `The charts of ${units.toLocaleString('en')} units are very large (a bar and a heat-map row per unit), so they are drawn on request.`,
    drawCharts: 'Draw the charts',
    drawingCharts: 'Drawing the charts…',
    reportWorking: 'Writing the report…',
    tabs: { ranking: 'Ranking', explain: 'Explanation', sensitivity: 'Sensitivity', compare: 'Compare with last year', report: 'Report', sipas: 'SIPAS', downloads: 'Downloads' },
    explainOf: (name) => `Explanation: ${name}`,
    explainNone: 'Choose a unit in the ranking.',
    rankLine: (rank, size, index, self) => `Rank ${rank}/${size} — index ${index} (self-assessed ${self})`,
    above: (name, rank, gap, points) => `Behind the unit above (${name}, rank ${rank}) by ${gap} index points, i.e. ${points} points.`,
    below: (name, rank, gap, points) => `Ahead of the unit below (${name}, rank ${rank}) by ${gap} index points, i.e. ${points} points.`,
    leader: 'First in its league.',
    last: 'Last in its league.',
    tied: (names) => `Tied with: ${names}`,
    areas: 'Points by area',
    areaCol: { code: 'Code', title: 'Area', points: 'Points', max: 'Max', lost: 'Lost' },
    leaves: 'Self-assessed and appraised, criterion by criterion',
    leafCol: { code: 'Code', title: 'Criterion', self: 'Self', appraised: 'Appraised', status: 'Counted', points: 'Points', max: 'Max', lost: 'Lost' },
    status: { appraised: 'appraised', self: 'self (not appraised)', survey: 'survey', na: 'not applicable', missing: 'missing (0 points)', adjust: 'bonus/penalty' },
    back: 'Back to the ranking',
    sensitivityRun: 'Run the sensitivity analysis',
    sensitivityRuns: 'Runs',
    sensitivityMode: 'Perturbation',
    modeWeights: 'weights ±10%',
    modeAppraisal: 'appraised values randomly reverted',
    sensitivityLead: (runs, mode) => `${runs} re-scorings (${mode}): the range of each unit’s rank.`,
    sensCol: { unit: 'Unit', rank: 'Rank', range: 'Rank range', keep: 'Kept rank (%)', index: 'Index range' },
    correlation: (league, value) => `${league}: mean rank correlation ${value}`,
    compareLead: 'Compare with last year’s results (the JSON file parindex writes: parindex score --format json).',
    compareFile: 'Last year’s results file',
    compareRun: 'Compare',
    compareNone: 'No results file of last year yet: drop its JSON file in the file chooser.',
    cmpCol: { unit: 'Unit', old: 'Last year', now: 'This year', change: 'Change', rankOld: 'Old rank', rankNow: 'Rank', rankChange: 'Rank change', status: 'Note' },
    presence: { both: '', 'only-new': 'new', 'only-old': 'gone' },
    download: {
      title: 'Download the results',
      xlsx: 'Results workbook (.xlsx)',
      html: 'Report (.html)',
      csv: 'Results table (.csv)',
      json: 'Results data (.json)',
      template: 'Blank evidence template (.xlsx)',
      surveyTemplate: 'Blank survey template (.xlsx)',
      compareHtml: 'Comparison report (.html)',
      sipasHtml: 'SIPAS report (.html)',
      working: 'Writing the file…',
    },
    notScored: 'No results yet.',
    workerFailed: 'Failed: ',
    reportFrame: 'Results report',
    sipasLead: 'Satisfaction index (SIPAS) from the survey forms.',
  },
};
