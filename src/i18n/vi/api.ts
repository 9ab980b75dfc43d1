/** Thông báo tiếng Việt của src/api/ (cùng khoá, cùng tham số với en/api.ts). */
import type { Translation } from '../catalogue.js';
import type { api as en, ArgumentParams, ArgumentWant, ResultJsonWant, RoundUser } from '../en/api.js';

/** Dấu `, ` cuối cùng của danh sách thành ` hoặc `: `"a", "b"` → `"a" hoặc "b"`. */
const orList = (list: string) => list.replace(/, (?=[^,]*$)/, ' hoặc ');

const WANTS: Record<ArgumentWant, (p: ArgumentParams) => string> = {
  'object-keys': (p) => `một đối tượng với các khoá ${p.list}`,
  boolean: () => 'true hoặc false',
  choice: (p) => `một trong các giá trị ${p.list}`,
  'one-of': (p) => orList(`${p.list}`),
  integer: (p) => `một số nguyên từ ${p.min} đến ${p.max}`,
  text: () => 'văn bản',
  path: () => 'đường dẫn tệp',
  function: () => 'một hàm',
  'text-or-bytes': () => 'văn bản hoặc byte',
  'csv-input': () => 'văn bản CSV hoặc byte (Uint8Array)',
  'workbook-bytes': () => 'nội dung sổ tính dạng byte (Uint8Array)',
  'blob-input': () => 'một File hoặc Blob, byte (Uint8Array) hoặc văn bản',
  'sipas-files': () => '{ questions, responses, criterion } (các tệp) hoặc { result, criterion }',
  'table-kind': () => 'criteria, units, evidence, survey, questions hoặc responses',
  'row-object': () => 'một dòng dạng đối tượng',
  'table-row': () => '{ row: number, cells: string[] }',
  'cell-value': () => 'văn bản, một số hoặc để trống',
  'finite-number': () => 'một số hữu hạn',
  'criteria-input': () => 'các dòng tiêu chí hoặc một bảng',
  'framework-input': () => 'các dòng tiêu chí, { settings, criteria } hoặc một bảng',
  'units-input': () => 'các dòng đơn vị hoặc một bảng',
  'evidence-input': () => 'các dòng điểm tự chấm, thẩm định, một bảng, hoặc danh sách các bảng',
  'evidence-table': () => 'các dòng điểm tự chấm, thẩm định hoặc một bảng',
  'survey-input': () => 'các dòng điểm điều tra xã hội học hoặc một bảng',
  'questions-input': () => 'các dòng câu hỏi, { questions } hoặc một bảng',
  'responses-input': () => 'văn bản CSV hoặc byte, một luồng dữ liệu, một bảng hoặc các dòng phiếu',
  'sipas-definition': () => 'bộ câu hỏi khảo sát từ sipasBuiltin() hoặc createSipasDefinition()',
  'sipas-result': () => 'kết quả SIPAS từ scoreSipas()',
  'survey-criterion': () => 'mã một tiêu chí điều tra xã hội học, ví dụ 8.1',
  round: () => 'một đợt đánh giá từ createRound() hoặc loadRound()',
  'score-result': () => 'một kết quả của score()',
  'any-result': () => 'một kết quả của score(), scoreSipas(), explain(), sensitivity() hoặc compare()',
  'result-or-file': () => 'một kết quả của score() hoặc resultFromJson(), hoặc tệp kết quả từ loadResult()',
  'unit-id': () => 'một mã đơn vị',
  'report-result': () => 'một kết quả của score(), scoreSipas() hoặc compare()',
};

const RESULT_JSON_WANTS: Record<ResultJsonWant, string> = {
  decimal: 'một số thập phân dạng văn bản',
  'decimal-or-null': 'một số thập phân dạng văn bản, hoặc null',
  'decimal-example': 'một số thập phân dạng văn bản, như "89.83"',
  count: 'một số nguyên ≥ 0',
  rank: 'một số nguyên ≥ 1, hoặc null',
  text: 'văn bản',
  'text-or-null': 'văn bản hoặc null',
  unit: 'một đối tượng đơn vị',
  areas: 'một đối tượng các lĩnh vực',
  area: '{ points, max }',
  summary: '{ count, mean, min, max }',
};

const ROUND_USERS: Record<RoundUser, string> = { explain: 'explain (giải thích thứ hạng)', sensitivity: 'sensitivity (độ ổn định thứ hạng)', workbook: 'sổ tính kết quả' };

export const api: Translation<typeof en> = {
  'bad-argument': { message: (p) => `đối số ${p.what} không hợp lệ`, expected: (p) => WANTS[p.want](p) },
  'bad-argument/choice': {
    message: (p) => `giá trị của ${p.what} không hợp lệ${p.suggestion ? `; có phải là "${p.suggestion}"?` : ''}`,
    expected: (p) => `một trong các giá trị ${p.list}`,
  },
  'bad-argument/no-framework': { message: () => 'một đợt đánh giá cần có khung tiêu chí', expected: () => WANTS['framework-input']({ what: '', want: 'framework-input' }) },
  'bad-argument/no-units': { message: () => 'một đợt đánh giá cần có danh sách đơn vị', expected: () => WANTS['units-input']({ what: '', want: 'units-input' }) },
  'unknown-option': {
    message: (p) => `khoá "${p.key}" không có trong ${p.what}${p.suggestion ? `; có phải là "${p.suggestion}"?` : ''}`,
    expected: (p) => `một trong các khoá ${p.known}`,
  },
  'no-round': {
    message: (p) => `${ROUND_USERS[p.what]} cần dữ liệu đầu vào của đợt đánh giá, mà kết quả dựng lại từ JSON không có`,
    expected: () => 'một kết quả của score(round)',
  },
  'bad-json/result-text': { message: (p) => `không phải JSON hợp lệ: ${p.detail}`, expected: () => 'tài liệu JSON của một kết quả chấm điểm' },
  'bad-result-json': { message: (p) => `${p.path} không hợp lệ`, expected: (p) => RESULT_JSON_WANTS[p.want] },
  'bad-result-json/unknown-key': { message: (p) => `khoá "${p.key}" không có trong ${p.path}`, expected: (p) => `một trong các khoá ${p.known}` },
  'bad-result-json/not-result': { message: () => 'không phải tài liệu JSON của một kết quả chấm điểm', expected: () => '{"units": [...], "leagues": {...}, "groups": {...}}' },
  'unknown-criterion/sipas': {
    message: (p) => `tiêu chí "${p.criterion}" (--sipas-criterion) không có trong khung tiêu chí`,
    expected: () => 'mã một tiêu chí điều tra xã hội học của khung tiêu chí, ví dụ 8.1',
  },
  'not-survey-criterion': { message: (p) => `"${p.code}" không phải tiêu chí điều tra xã hội học`, expected: () => 'một tiêu chí thành phần chấm bằng điều tra xã hội học (method survey)' },
  'unknown-unit/survey': { message: (p) => `đơn vị "${p.unit}" của cuộc điều tra không có trong tệp đơn vị`, expected: () => 'một mã đơn vị có trong tệp đơn vị' },
  'not-applicable/survey': {
    message: (p) => `"${p.code}" không áp dụng cho nhóm "${p.group}", nhưng đơn vị "${p.unit}" có ${p.forms} phiếu khảo sát`,
    expected: (p) => `một tiêu chí điều tra xã hội học áp dụng cho nhóm ${p.group}`,
  },
  'duplicate-survey': {
    message: (p) => `đơn vị "${p.unit}", tiêu chí "${p.code}" có điểm cả trong tệp kết quả điều tra và từ SIPAS`,
    expected: () => 'mỗi đơn vị và tiêu chí chỉ một nguồn (bỏ dòng đó khỏi tệp kết quả điều tra, hoặc bỏ các tuỳ chọn SIPAS)',
  },
};
