/** Thông báo tiếng Việt của src/sipas/ (cùng khoá, cùng tham số với en/sipas.ts). */
import type { Translation } from '../catalogue.js';
import type { sipas as en } from '../en/sipas.js';

export const sipas: Translation<typeof en> = {
  'duplicate-code/question': { message: (p) => `mã "${p.code}" xuất hiện hai lần (lần đầu ở dòng ${p.first})`, expected: () => 'mỗi mã chỉ một lần' },
  'bad-weight': { message: (p) => `trọng số của "${p.code}" không lớn hơn 0`, expected: () => 'một số > 0 (để trống = 1)' },
  'orphan-code/question': { message: (p) => `"${p.code}" không có mục cha "${p.parent}" trong bộ câu hỏi khảo sát`, expected: (p) => `một dòng cho "${p.parent}" (mục cha của "${p.code}")` },
  'empty-definition': { message: () => 'bộ câu hỏi khảo sát không có câu hỏi nào', expected: () => 'mỗi mục, mỗi câu hỏi một dòng' },
  'optional-on-parent': { message: (p) => `"${p.code}" có mục con nên không thể là không bắt buộc (hãy đánh dấu các câu hỏi của nó)`, expected: () => 'để trống ở mục cha' },
  'column-on-parent': { message: (p) => `"${p.code}" có mục con nên không đọc cột nào`, expected: () => 'để trống ở mục cha' },
  'bad-overall/not-inside': { message: (p) => `"${p.aggregate}" không chỉ một câu hỏi nằm trong "${p.code}"`, expected: (p) => `overall:<mã một câu hỏi bên dưới ${p.code}>` },
  'bad-overall/not-question': { message: (p) => `"${p.target}" không phải câu hỏi (nó có mục con)`, expected: (p) => `overall:<mã một câu hỏi bên dưới ${p.code}>` },
  'aggregate-on-question': { message: (p) => `"${p.code}" là câu hỏi nên không ghi cách tổng hợp`, expected: () => 'để trống ở câu hỏi' },
  'duplicate-column/questions': {
    message: (p) => `câu hỏi "${p.first}" và "${p.code}" cùng đọc cột "${p.column}"${p.firstColumn === p.column ? '' : ` ("${p.firstColumn}" là cùng một cột: không phân biệt chữ hoa, chữ thường)`}`,
    expected: () => 'mỗi câu hỏi một cột',
  },
  'reserved-column': { message: (p) => `câu hỏi "${p.code}" sẽ đọc cột "${p.column}", là tên cột phiếu hoặc đơn vị của tệp phiếu`, expected: () => 'tên cột khác form (phiếu) và unit (đơn vị)' },
  'bad-json/definition': { message: () => 'tệp JSON bộ câu hỏi khảo sát phải là một mảng các dòng hoặc một đối tượng có "questions"', expected: () => '{"questions": [...]}' },

  'missing-column/question': { message: (p) => `tệp phiếu khảo sát không có cột "${p.column}" cho câu hỏi "${p.question}"`, expected: (p) => `một cột có tiêu đề "${p.column}"` },
  'duplicate-column/repeated': { message: (p) => `cột "${p.column}" (câu hỏi "${p.question}") xuất hiện ${p.times} lần`, expected: () => 'mỗi cột câu hỏi chỉ một lần' },
  'duplicate-column/taken': {
    message: (p) => `cột "${p.column}" sẽ được câu hỏi "${p.question}" đọc, nhưng đã là ${p.byQuestion === undefined ? 'cột đơn vị' : `cột của câu hỏi "${p.byQuestion}"`}`,
    expected: () => 'mỗi câu hỏi một cột, khác cột đơn vị',
  },
  'unknown-column/near-miss': {
    message: (p) => `không nhận ra cột "${p.column}" trong tệp phiếu khảo sát, gần giống cột của câu hỏi "${p.question}"; có phải là "${p.suggestion}"?`,
    expected: (p) => `cột "${p.suggestion}" (cột không thuộc câu hỏi nào được bỏ qua, trừ khi tên gần giống như thế này)`,
  },
  'too-many-problems/stopped': { message: (p) => `dừng đọc sau ${p.max} lỗi` },
  'bad-answer': { message: (p) => `câu trả lời cho câu hỏi "${p.question}" không hợp lệ`, expected: () => 'từ 1 đến 5 (1 = rất không hài lòng … 5 = rất hài lòng), hoặc để trống / 0 nếu không trả lời' },
  'reserved-unit': { message: () => 'mã đơn vị ALL dành cho dòng tổng hợp chung (lần đầu ở dòng này)', expected: () => 'mã đơn vị khác ALL' },
  'unknown-unit/form': { message: (p) => `đơn vị "${p.unit}" không có trong tệp đơn vị (lần đầu ở dòng này)`, expected: () => 'mã đơn vị có trong tệp đơn vị' },
  'missing-unit': { message: () => 'phiếu không ghi đơn vị', expected: () => 'mã đơn vị được khảo sát trong phiếu' },
  'too-many-cells/form': {
    message: (p) => `phiếu có giá trị nằm bên phải cột cuối cùng của dòng tiêu đề${p.last ? ` (${p.last})` : ''}, không thuộc cột nào (dấu phẩy thập phân hoặc dấu phân cách không đặt trong ngoặc kép?)`,
    expected: (p) => `tối đa ${p.width} ô mỗi phiếu, như dòng tiêu đề (đặt ô có dấu phân cách trong ngoặc kép)`,
  },
  'too-few-cells': {
    message: (p) => `phiếu có ${p.cells} ô nhưng dòng tiêu đề có ${p.width} cột (dòng bị cắt ngắn, hoặc có dấu xuống dòng trong một ô không đặt trong ngoặc kép?)`,
    expected: (p) => `${p.width} ô mỗi phiếu, như dòng tiêu đề`,
  },
  'empty-file/responses': { message: () => 'tệp phiếu khảo sát trống', expected: () => 'một dòng tiêu đề: form (phiếu), unit (đơn vị) và mỗi câu hỏi một cột' },
};
