/** Thông báo tiếng Việt của src/criteria/ (cùng khoá, cùng tham số với en/criteria.ts). */
import type { Translation } from '../catalogue.js';
import type { CellFaultParams, criteria as en, Expects, ParamsFaultParams, PointParams } from '../en/criteria.js';
import { tableWhat } from './table.js';

/** Số viết bằng dấu chấm khi đang bật `--decimal-comma`. */
export const DECIMAL_COMMA = 'số dùng dấu phẩy thập phân như 12,5 (đang bật --decimal-comma; 1.200 sẽ được hiểu là một nghìn hai trăm — hãy viết 1200)';

/** Điều một ô cần có, theo tham số `expect` của `bad-value` (thông báo zod của src/criteria/schemas.ts, src/sipas/schemas.ts). */
const EXPECT: Record<string, (p: { choices?: string }) => string> = {
  code: () => 'mã phân cấp bằng dấu chấm, như 1, 1.2 hoặc 1.2.3',
  max: () => 'một số ≥ 0, như 2 hoặc 1.5',
  method: () => 'appraisal (thẩm định) hoặc survey (điều tra xã hội học)',
  rule: (p) => `một trong ${p.choices}`,
  'unit-id': () => 'mã đơn vị',
  'unit-not-all': () => 'mã đơn vị khác ALL (ALL dành cho dòng tổng hợp chung)',
  group: () => 'nhóm đơn vị, như so, quan, huyen hoặc thixa',
  'unit-ref': () => 'mã đơn vị có trong tệp đơn vị',
  'criterion-ref': () => 'mã tiêu chí có trong khung tiêu chí',
  'survey-criterion-ref': () => 'mã tiêu chí điều tra xã hội học',
  score: () => 'điểm từ 0 đến 100 hoặc NA',
  'setting-name': () => 'tên thiết lập',
  'question-code': () => 'mã phân cấp bằng dấu chấm, như 1, 1.2 hoặc A.1',
  weight: () => 'một số > 0, như 1 hoặc 0.5',
  flag: () => 'true hoặc false (để trống = false)',
  aggregate: () => 'mean hoặc overall:<mã câu hỏi>',
};

/** Giá trị mỗi thiết lập nhận (`bad-setting`). */
const SETTING: Record<string, string> = {
  decimals: 'số chữ số thập phân, là số nguyên từ 0 đến 20, như 2',
  rounding: 'half-up (làm tròn lên khi đúng nửa) hoặc half-even (làm tròn về số chẵn)',
  ties: 'competition, dense hoặc ordinal',
  rankOn: 'exact (xếp hạng theo giá trị chính xác) hoặc rounded (theo giá trị đã làm tròn)',
  bands: 'ngưỡng xếp loại như "A>=90; B>=80; C>=70"',
  clamp: 'true hoặc false (cũng nhận yes/no, 1/0)',
};

/** Tên cách chấm bằng lời của hội đồng. */
const RULE: Record<string, string> = { points: 'số điểm', yesno: 'có/không', ratio: 'tỷ lệ %', tiers: 'theo bậc', survey: 'điều tra xã hội học', adjust: 'điểm thưởng/trừ' };
const ruleWords = (rule: string): string => RULE[rule] ?? rule;

function expectsText(p: Expects): string {
  switch (p.expect) {
    case 'points':
      return `số điểm từ 0 đến ${p.max} (hoặc NA)`;
    case 'allowed':
      return `một trong các giá trị ${p.allowed} (hoặc NA)`;
    case 'yesno':
      return 'có/không, đạt/không đạt, 1/0, yes/no hoặc x (hoặc NA)';
    case 'percentage':
      return 'tỷ lệ phần trăm ≥ 0 (hoặc NA)';
    case 'number':
      return 'một số (hoặc NA)';
    case 'survey-score':
      return 'điểm từ 0 đến 100 (hoặc NA)';
    case 'signed':
      return p.lo !== undefined || p.hi !== undefined ? `điểm thưởng (+) hoặc điểm trừ (−) từ ${p.lo ?? '−∞'} đến ${p.hi ?? '+∞'}` : 'điểm thưởng (+) hoặc điểm trừ (−)';
  }
}

function cellFaultText(p: CellFaultParams): string {
  switch (p.fault) {
    case 'not-a-number':
      return 'không phải là số';
    case 'points-outside':
      return `số điểm nằm ngoài khoảng từ 0 đến ${p.max}`;
    case 'not-allowed':
      return 'số điểm không thuộc các giá trị được phép';
    case 'not-yes-no':
      return 'không phải câu trả lời có/không';
    case 'negative-percentage':
      return 'tỷ lệ phần trăm âm';
    case 'survey-outside':
      return 'điểm nằm ngoài khoảng từ 0 đến 100';
    case 'adjust-na':
      return 'điểm thưởng/trừ không được ghi NA';
    case 'adjust-outside':
      return 'điểm thưởng/trừ vượt giới hạn cho phép';
  }
}

function cellExpectedText(p: CellFaultParams): string {
  const want = expectsText(p);
  return p.fault === 'not-a-number' ? `${want}; viết số như ${p.comma ? '12 hoặc 12,5' : '12 hoặc 12.5 (dùng --decimal-comma để viết 12,5)'}` : want;
}

function paramsFaultText(p: ParamsFaultParams): string {
  switch (p.fault) {
    case 'no-params':
      return `cách chấm "${p.rule}" không nhận tham số`;
    case 'outside-pair':
      return `tham số "${p.text}" có "${p.token}" nằm ngoài cặp khoá=giá trị`;
    case 'unknown-key':
      return `không nhận ra tham số "${p.key}" của cách chấm "${p.rule}"`;
    case 'not-a-number':
      return `tham số "${p.key}" không phải là số`;
    case 'twice':
      return `tham số "${p.key}" được ghi hai lần`;
    case 'allowed-outside':
      return `giá trị được phép ${p.value} nằm ngoài khoảng từ 0 đến điểm tối đa`;
    case 'target':
      return 'mục tiêu (target) của cách chấm tỷ lệ phải lớn hơn 0';
    case 'min-above-max':
      return 'giới hạn dưới (min) của điểm thưởng/trừ lớn hơn giới hạn trên (max)';
    case 'no-tiers':
      return 'cách chấm theo bậc cần có các bậc';
    case 'tier-syntax':
      return `không hiểu bậc "${p.tier}"`;
    case 'tier-points':
      return `bậc "${p.tier}" có số điểm không phải là số`;
    case 'tier-outside':
      return `bậc "${p.tier}" cho số điểm ngoài khoảng từ 0 đến điểm tối đa`;
    case 'else-threshold':
      return `bậc "${p.tier}": else không có ngưỡng`;
    case 'else-last':
      return 'else phải là bậc cuối cùng';
    case 'tier-threshold':
      return `bậc "${p.tier}" có ngưỡng không phải là số`;
    case 'tier-order':
      return `các bậc không theo thứ tự ngưỡng giảm dần tại "${p.tier}"`;
  }
}

function paramsExpectedText(p: ParamsFaultParams): string {
  switch (p.fault) {
    case 'no-params':
      return 'để trống ô tham số';
    case 'outside-pair':
      return `các cặp khoá=giá trị với khoá ${p.keys}`;
    case 'unknown-key':
      return `một trong ${p.keys}`;
    case 'not-a-number':
      return `một số như ${p.comma ? '0,5' : '0.5'}`;
    case 'twice':
      return 'mỗi khoá chỉ ghi một lần';
    case 'allowed-outside':
      return `các giá trị được phép từ 0 đến ${p.max}`;
    case 'target':
      return 'target > 0, ví dụ target=100';
    case 'min-above-max':
      return 'min ≤ max';
    case 'no-tiers':
      return 'các bậc như ">90:2 | >=70:1 | else:0"';
    case 'tier-syntax':
      return 'các bậc dạng ">90:2", ">=70:1" hoặc "else:0", ngăn cách bằng "|"';
    case 'tier-points':
      return 'số điểm là một số';
    case 'tier-outside':
      return `số điểm từ 0 đến ${p.max ?? 'điểm tối đa'}`;
    case 'else-threshold':
      return '"else:số điểm"';
    case 'else-last':
      return 'else chỉ ở bậc cuối';
    case 'tier-threshold':
      return 'một số sau > hoặc >=';
    case 'tier-order':
      return 'ngưỡng giảm dần từ trái sang phải (cùng ngưỡng thì ">" đứng trước ">=")';
  }
}

function pointText(p: PointParams): string {
  return `${p.where === 'param' ? 'tham số' : 'bậc'} "${p.name}": "${p.text}" có dấu "." nhưng đang bật --decimal-comma`;
}

/** Nơi có dòng đầu tiên của một cặp (đơn vị, tiêu chí) bị lặp. */
function firstRow(p: { row: number; file?: string; sheet?: string; table?: number }): string {
  const label = [p.file, p.sheet && `trang tính ${p.sheet}`].filter(Boolean).join(', ');
  if (p.table !== undefined) return `dòng ${p.row} của bảng điểm thứ ${p.table}${label ? ` (${label})` : ''}`;
  if (label) return `${label}, dòng ${p.row}`;
  return `dòng ${p.row}`;
}

export const criteria: Translation<typeof en> = {
  'bad-value': { message: (p) => `giá trị không hợp lệ ở cột ${p.field} của ${tableWhat(p.what)}`, expected: (p) => EXPECT[p.expect]?.(p) ?? p.expect },

  'bad-number/max': { message: (p) => `điểm tối đa của "${p.criterion}" có dấu "." nhưng đang bật --decimal-comma`, expected: () => DECIMAL_COMMA },
  'bad-value/max': { message: () => 'điểm tối đa trong khung tiêu chí không hợp lệ', expected: (p) => `một số ≥ 0, như 2 hoặc ${p.comma ? '1,5' : '1.5'}` },
  'duplicate-code': { message: (p) => `mã tiêu chí "${p.code}" xuất hiện hai lần (lần đầu ở dòng ${p.first})`, expected: () => 'mỗi mã chỉ một lần' },
  'orphan-code': { message: (p) => `tiêu chí "${p.code}" không có tiêu chí cha "${p.parent}" trong khung tiêu chí`, expected: (p) => `một dòng cho "${p.parent}" (tiêu chí cha của "${p.code}")` },
  'empty-framework': { message: () => 'khung tiêu chí không có tiêu chí nào', expected: () => 'ít nhất một dòng tiêu chí' },
  'bad-groups': { message: (p) => `nhóm áp dụng của "${p.code}" loại trừ mọi nhóm mà tiêu chí cha áp dụng`, expected: (p) => `một phần của ${p.parentGroups}` },
  'rule-on-parent': { message: (p) => `"${p.code}" có tiêu chí thành phần nên không ghi cách chấm`, expected: () => 'để trống cách chấm ở tiêu chí cha' },
  'params-on-parent': { message: (p) => `"${p.code}" có tiêu chí thành phần nên không ghi tham số`, expected: () => 'để trống tham số ở tiêu chí cha' },
  'parent-max-mismatch': {
    message: (p) => `điểm tối đa của "${p.code}" khác tổng điểm tối đa của các tiêu chí thành phần (${p.sum})`,
    expected: (p) => `${p.sum}, hoặc để trống khi các tiêu chí thành phần là phương án theo nhóm`,
  },
  'rule-method-mismatch': {
    message: (p) => `"${p.code}" có phương pháp ${p.method} nhưng cách chấm là ${p.rule}`,
    expected: (p) => (p.method === 'survey' ? 'cách chấm survey (hoặc để trống) cho tiêu chí điều tra xã hội học' : `phương pháp survey cho cách chấm ${p.rule}`),
  },
  'adjust-max': {
    message: (p) => `tiêu chí ${ruleWords(p.rule)} "${p.code}" không có điểm tối đa (không bao giờ tính vào điểm tối đa)`,
    expected: () => 'để trống điểm tối đa; giới hạn ghi ở tham số dạng min=… max=…',
  },
  'missing-max': { message: (p) => `tiêu chí "${p.code}" chưa có điểm tối đa`, expected: () => 'một số ≥ 0' },
  'bad-max': { message: (p) => `điểm tối đa của "${p.code}" là số âm`, expected: () => 'một số ≥ 0' },
  'bad-params': { message: (p) => `"${p.criterion}": ${paramsFaultText(p)}`, expected: (p) => paramsExpectedText(p) },
  'bad-number/params': { message: (p) => `"${p.criterion}": ${pointText(p)}`, expected: () => DECIMAL_COMMA },
  'bad-json/framework': { message: () => 'tệp JSON khung tiêu chí phải là một mảng tiêu chí hoặc một đối tượng có "criteria"', expected: () => '{"settings": {...}, "criteria": [...]}' },

  'bad-setting': { message: (p) => `thiết lập "${p.key}" không hợp lệ`, expected: (p) => SETTING[p.key] ?? p.key },
  'bad-setting/bands-list': { message: () => 'thiết lập "bands" không hợp lệ: không phải danh sách ngưỡng xếp loại', expected: () => 'ngưỡng xếp loại dạng văn bản như "A>=90; B>=80", hoặc các ngưỡng đã đọc {label, min, strict}' },
  'bad-setting/not-object': { message: () => 'phần settings phải là một đối tượng', expected: () => '{"decimals": 2, "ties": "competition", …}' },
  'unknown-setting': { message: (p) => `không có thiết lập ${p.key}`, expected: (p) => p.known },
  'unknown-setting/sheet': { message: () => 'không có thiết lập này', expected: (p) => p.known },
  'duplicate-setting': { message: (p) => `thiết lập "${p.key}" được ghi lần thứ hai (lần đầu ở dòng ${p.first})`, expected: () => 'mỗi thiết lập chỉ một lần' },
  'bad-bands': { message: (p) => `không hiểu ngưỡng xếp loại "${p.band}"`, expected: () => 'ngưỡng xếp loại như "A>=90; B>=80; C>=70"' },

  'conflicting-label': {
    message: (p) => `${p.what === 'league' ? 'khối' : 'nhóm'} "${p.id}" có tên "${p.first}"${p.firstRow ? ` ở dòng ${p.firstRow}` : ''} nhưng ở đây tên khác`,
    expected: (p) => `cùng một tên cho mọi đơn vị của ${p.what === 'league' ? 'khối' : 'nhóm'} "${p.id}" (hoặc để trống)`,
  },
  'duplicate-unit': {
    message: (p) => `đơn vị "${p.unit}" xuất hiện hai lần${p.otherForm ? ' (cùng chữ nhưng ở dạng mã hoá Unicode khác)' : ''} (lần đầu ở dòng ${p.first})`,
    expected: () => 'mỗi đơn vị chỉ một lần',
  },
  'no-units': { message: () => 'tệp đơn vị không có đơn vị nào', expected: () => 'mỗi đơn vị một dòng' },

  'unknown-criterion/column': { message: (p) => `cột "${p.header}" không ứng với tiêu chí nào của khung tiêu chí`, expected: () => 'mã tiêu chí, hoặc "<mã> (tự chấm)"' },
  'duplicate-column/wide': {
    message: (p) => `tiêu chí "${p.code}"${p.self ? ' (tự chấm)' : ''} có hai cột ("${p.first}" ở cột ${p.firstColumn} và cột này)`,
    expected: () => 'mỗi tiêu chí một cột (và một cột "<mã> (tự chấm)")',
  },
  'unknown-unit': { message: (p) => `đơn vị "${p.unit}" không có trong tệp đơn vị`, expected: () => 'mã đơn vị có trong tệp đơn vị' },
  'unknown-criterion': { message: (p) => `tiêu chí "${p.criterion}" không có trong khung tiêu chí`, expected: () => 'mã một tiêu chí thành phần cuối cùng của khung tiêu chí' },
  'unknown-criterion/survey': { message: (p) => `tiêu chí "${p.criterion}" không có trong khung tiêu chí`, expected: () => 'mã một tiêu chí điều tra xã hội học của khung tiêu chí' },
  'parent-criterion': { message: (p) => `"${p.code}" có tiêu chí thành phần; điểm ghi ở các tiêu chí thành phần`, expected: (p) => `một trong ${p.children}` },
  'survey-criterion': { message: (p) => `"${p.code}" được chấm theo điểm điều tra xã hội học, không theo điểm tự chấm, thẩm định`, expected: () => 'một tiêu chí thẩm định (điểm điều tra ghi ở tệp điểm điều tra xã hội học)' },
  'not-survey-criterion/results': { message: (p) => `"${p.code}" không phải tiêu chí điều tra xã hội học`, expected: () => 'một tiêu chí thành phần có phương pháp survey' },
  'not-applicable': { message: (p) => `"${p.code}" không áp dụng cho nhóm "${p.group}" của đơn vị "${p.unit}"`, expected: (p) => `một tiêu chí áp dụng cho nhóm ${p.group}` },
  'bad-input': { message: (p) => `tiêu chí "${p.criterion}" (cách chấm: ${ruleWords(p.rule)}) của đơn vị "${p.unit}": ${cellFaultText(p)}`, expected: (p) => cellExpectedText(p) },
  'bad-number/input': { message: (p) => `tiêu chí "${p.criterion}" (cách chấm: ${ruleWords(p.rule)}) của đơn vị "${p.unit}": số có dấu "." nhưng đang bật --decimal-comma`, expected: () => DECIMAL_COMMA },
  'bad-score': { message: (p) => `điểm điều tra xã hội học của đơn vị "${p.unit}", tiêu chí "${p.criterion}": ${cellFaultText(p)}`, expected: (p) => cellExpectedText(p) },
  'bad-number/score': { message: (p) => `điểm điều tra xã hội học của đơn vị "${p.unit}", tiêu chí "${p.criterion}": số có dấu "." nhưng đang bật --decimal-comma`, expected: () => DECIMAL_COMMA },
  'duplicate-row': { message: (p) => `dòng thứ hai cho đơn vị "${p.unit}", tiêu chí "${p.criterion}" (dòng đầu ở ${firstRow(p)})`, expected: () => 'mỗi đơn vị, mỗi tiêu chí một dòng' },
  'duplicate-row/survey': { message: (p) => `dòng điều tra thứ hai cho đơn vị "${p.unit}", tiêu chí "${p.criterion}" (dòng đầu ở dòng ${p.row})`, expected: () => 'mỗi đơn vị, mỗi tiêu chí một dòng' },
};
