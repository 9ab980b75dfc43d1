/** Thông báo tiếng Việt của src/cli/: lỗi cách dùng (mã thoát 2), cùng khoá, cùng tham số với en/cli.ts. */
import type { Translation } from '../catalogue.js';
import type { cli as en } from '../en/cli.js';

export const cli: Translation<typeof en> = {
  'usage/whole-number': { message: (p) => `${p.flag} nhận một số nguyên từ ${p.min} đến ${p.max}, không nhận "${p.value}"` },
  'usage/limit-key': { message: (p) => `--limit không có khoá "${p.key}"${p.suggestion ? ` (có phải ${p.suggestion}?)` : ''}; các khoá: ${p.keys}` },
  'usage/limit-value': { message: (p) => `--limit ${p.key}= cần một số nguyên ≥ 1, không phải "${p.value}"` },
  'usage/bad-option-value': { message: (p) => `${p.flag} không nhận giá trị "${p.value}"` },
  'usage/missing-options': { message: (p) => `thiếu ${p.options}` },
  'usage/bom-not-csv': { message: (p) => `--bom chỉ dùng với --format csv, không dùng với "${p.format}"` },
  'usage/report-only': { message: (p) => `${p.flag} chỉ dùng với --format xlsx và html, không dùng với "${p.format}"` },
  'usage/csv-style-not-csv': { message: (p) => `--csv-style chỉ dùng với --format csv, không dùng với "${p.format}"` },
  'usage/binary-to-terminal': { message: (p) => `--format ${p.format} ghi một tệp bảng tính nhị phân: hãy thêm --out TỆP.${p.format} (hoặc chuyển đầu ra vào một tệp)` },
  'usage/spread-needs-weights': { message: () => '--spread chỉ dùng với --mode weights; với --mode appraisal hãy dùng --revert' },
  'usage/revert-needs-appraisal': { message: () => '--revert chỉ dùng với --mode appraisal' },
  'usage/print-definition-name': { message: (p) => `--print-definition nhận một trong các tên ${p.names}, không nhận "${p.value}"` },
  'usage/print-definition-format': { message: (p) => `--print-definition ghi ra CSV; không dùng được --format ${p.format}` },
  'usage/sipas-together': { message: () => '--sipas-questions, --sipas-responses và --sipas-criterion phải đi cùng nhau' },
  'usage/sipas-extras-alone': { message: () => '--sipas-null và --sipas-skip-bad-rows chỉ dùng cùng --sipas-questions, --sipas-responses và --sipas-criterion' },
  'usage/out-not-xlsx': { message: (p) => `--out phải là một tệp .xlsx, không phải "${p.out}"` },
  'usage/unknown-option': { message: (p) => `không có tùy chọn "${p.option}"${p.suggestion ? ` (có phải ý bạn là ${p.suggestion}?)` : ''}` },
  'usage/unknown-command': { message: (p) => `không có lệnh "${p.command}"${p.suggestion ? ` (có phải ý bạn là ${p.suggestion}?)` : ''}` },
  'usage/missing-argument': { message: (p) => `thiếu tham số <${p.argument}>` },
  'usage/option-missing-argument': { message: (p) => `tùy chọn ${p.option} cần một giá trị` },
  'usage/missing-mandatory': { message: (p) => `bắt buộc phải có tùy chọn ${p.option}` },
  'usage/invalid-choice': { message: (p) => `${p.option} nhận một trong các giá trị ${p.choices}, không nhận "${p.value}"` },
  'usage/invalid-value': { message: (p) => `${p.option} không nhận giá trị "${p.value}"` },
  'usage/excess-arguments': { message: (p) => `lệnh "${p.command}" nhận quá nhiều tham số: cần ${p.expected}, nhận được ${p.received}` },
  'usage/conflicting-option': { message: (p) => `không dùng được tùy chọn ${p.option} cùng với một tùy chọn khác đã cho` },
};
