/**
 * Matching header names forgivingly: case, spaces, punctuation and Vietnamese diacritics are
 * ignored, and Vietnamese labels are accepted (`mã tiêu chí` for `code`, `điểm thẩm định` for
 * `appraised`, …). A header that matches two fields, or a field matched by two headers, is an error.
 */
import { type IssueList, problem } from '../errors.js';
import type { TableWhat } from '../i18n/en/table.js';
import { nearestName } from '../text/nearest.js';
import { cellLocation, headerRowOf, type RowSource } from './table.js';

/** Folds a header for comparison: lower case, no diacritics, đ → d, letters and digits only. */
export function foldHeader(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** A field a table may have: its canonical name, accepted aliases and whether it is required. */
export interface FieldSpec {
  /** Canonical name, as in docs/spec.md. */
  name: string;
  /** Other accepted header texts (folded with {@link foldHeader} before comparison). */
  aliases?: readonly string[];
  /** The table is rejected without it. */
  required?: boolean;
}

/** The folded header names a field answers to: its name and aliases, folded with {@link foldHeader}. */
export function fieldNames(field: FieldSpec): Set<string> {
  return new Set([field.name, ...(field.aliases ?? [])].map(foldHeader));
}

/**
 * Columns a table may carry besides its fields, ignored when read (row numbers, titles, the
 * template's hint columns). Any other column is an `unknown-column` error naming the nearest field:
 * a misspelt `apraised` must never leave the appraised scores unread.
 */
export const FREE_COLUMNS = {
  framework: ['stt', 'no', 'số tt', 'ghi chú', 'note', 'notes', 'mô tả', 'description'],
  units: ['stt', 'no', 'số tt', 'ghi chú', 'note', 'notes'],
  evidence: ['stt', 'no', 'số tt', 'title', 'tên tiêu chí', 'max', 'điểm tối đa', 'name', 'unitName', 'tên đơn vị', 'rule', 'cách chấm', 'params', 'tham số', 'hint', 'hướng dẫn nhập'],
  survey: ['stt', 'no', 'số tt', 'name', 'tên đơn vị', 'title', 'tên tiêu chí', 'max', 'điểm tối đa', 'ghi chú', 'note', 'notes'],
} as const satisfies Record<string, readonly string[]>;

/** Column index of each field in a table; -1 where absent. */
export type ColumnMap<F extends string> = Record<F, number>;

/**
 * Finds each field's column. Records an issue for a missing required field or an ambiguous match
 * (located on the table's header row) and returns the map (absent fields = -1).
 */
export function bindColumns<F extends string>(table: RowSource, fields: readonly (FieldSpec & { name: F })[], issues: IssueList, what: TableWhat, free?: readonly string[]): ColumnMap<F> {
  const map = {} as ColumnMap<F>;
  const folded = table.header.map(foldHeader);
  if (free) checkUnknownColumns(table, folded, fields, free, issues, what);
  for (const f of fields) {
    const names = fieldNames(f);
    const hits: number[] = [];
    folded.forEach((h, i) => {
      if (names.has(h)) hits.push(i);
    });
    if (hits.length > 1) {
      issues.add({
        ...cellLocation(table, headerRowOf(table), hits[1]),
        ...problem('ambiguous-column', { what, field: f.name, columns: hits.map((i) => `"${table.header[i]}"`).join(', ') }),
      });
    }
    map[f.name] = hits.length > 0 ? hits[0] : -1;
    if (hits.length === 0 && f.required) {
      issues.add({
        file: table.file,
        sheet: table.sheet,
        row: headerRowOf(table),
        ...problem('missing-column', { what, field: f.name, aliases: (f.aliases ?? []).map((a) => `"${a}"`).join(', ') }),
        value: table.header.join(', '),
      });
    }
  }
  return map;
}

/**
 * Records an `unknown-column` issue, on its header cell, for every column that is neither a field
 * (name or alias) nor a free column, suggesting the nearest field. Blank headers are ignored.
 */
function checkUnknownColumns(table: RowSource, folded: string[], fields: readonly FieldSpec[], free: readonly string[], issues: IssueList, what: TableWhat): void {
  const known = new Set([...fields.flatMap((f) => [...fieldNames(f)]), ...free.map(foldHeader)]);
  const candidates = fields.flatMap((f) => [f.name, ...(f.aliases ?? [])].map((n) => [n, f.name] as const));
  folded.forEach((h, i) => {
    if (h === '' || known.has(h)) return;
    const suggestion = nearestName(table.header[i], candidates, foldHeader);
    issues.add({
      ...cellLocation(table, headerRowOf(table), i),
      ...problem('unknown-column', { what, column: table.header[i], suggestion, fields: fields.map((f) => `"${f.name}"`).join(', '), free: free.join(', ') }),
      value: table.header[i],
      ...(suggestion ? { suggestion } : {}),
    });
  });
}

/** Header aliases per table kind (Vietnamese labels councils use). */
export const FIELDS = {
  framework: [
    { name: 'code', required: true, aliases: ['mã', 'mã tiêu chí', 'ma so', 'mã số tiêu chí', 'tiêu chí', 'stt', 'ký hiệu'] },
    { name: 'title', aliases: ['tên', 'tên tiêu chí', 'nội dung', 'nội dung tiêu chí', 'tiêu đề', 'name'] },
    { name: 'max', aliases: ['điểm tối đa', 'điểm chuẩn', 'điểm tối đa được chấm', 'điểm max', 'maxpoints'] },
    { name: 'method', aliases: ['phương pháp', 'phương pháp đánh giá', 'hình thức đánh giá'] },
    { name: 'rule', aliases: ['quy tắc', 'quy tắc chấm', 'cách tính điểm', 'cách chấm', 'cách chấm điểm'] },
    { name: 'params', aliases: ['tham số', 'thông số', 'thang điểm'] },
    { name: 'groups', aliases: ['nhóm', 'nhóm áp dụng', 'áp dụng cho', 'đối tượng áp dụng', 'group'] },
  ],
  units: [
    { name: 'unit', required: true, aliases: ['đơn vị', 'mã đơn vị', 'mã số đơn vị', 'id'] },
    { name: 'name', aliases: ['tên đơn vị', 'tên', 'tên cơ quan', 'cơ quan'] },
    { name: 'group', required: true, aliases: ['nhóm', 'nhóm đơn vị', 'loại đơn vị', 'loại'] },
    { name: 'rankGroup', aliases: ['khối', 'khối xếp hạng', 'khối thi đua', 'nhóm xếp hạng', 'rank group', 'league'] },
    { name: 'groupName', aliases: ['tên nhóm', 'tên nhóm đơn vị', 'group name'] },
    { name: 'rankGroupName', aliases: ['tên khối', 'tên khối xếp hạng', 'tên khối thi đua', 'league name'] },
  ],
  evidence: [
    { name: 'unit', required: true, aliases: ['đơn vị', 'mã đơn vị', 'mã số đơn vị'] },
    { name: 'criterion', required: true, aliases: ['mã tiêu chí', 'mã số tiêu chí', 'tiêu chí', 'code'] },
    { name: 'self', aliases: ['điểm tự chấm', 'tự chấm', 'tự đánh giá', 'điểm tự đánh giá', 'điểm đơn vị tự chấm', 'self score', 'self assessed'] },
    { name: 'appraised', aliases: ['điểm thẩm định', 'thẩm định', 'điểm sau thẩm định', 'điểm hội đồng thẩm định', 'kết quả thẩm định', 'appraisal'] },
    { name: 'evidence', aliases: ['tài liệu kiểm chứng', 'kiểm chứng', 'tài liệu minh chứng', 'minh chứng', 'hồ sơ kiểm chứng', 'evidence ref'] },
    { name: 'note', aliases: ['ghi chú', 'giải trình', 'ý kiến thẩm định', 'nhận xét', 'notes'] },
  ],
  survey: [
    { name: 'unit', required: true, aliases: ['đơn vị', 'mã đơn vị'] },
    { name: 'criterion', required: true, aliases: ['mã tiêu chí', 'tiêu chí', 'code'] },
    { name: 'score', required: true, aliases: ['điểm', 'điểm điều tra', 'điểm khảo sát', 'điểm điều tra xã hội học', 'kết quả', 'kết quả điều tra', 'chỉ số', 'tỷ lệ', 'tỉ lệ'] },
  ],
  questions: [
    { name: 'code', required: true, aliases: ['mã', 'mã câu hỏi', 'mã tiêu chí', 'stt'] },
    { name: 'title', aliases: ['tên', 'nội dung', 'câu hỏi', 'tiêu chí', 'name'] },
    { name: 'column', aliases: ['cột', 'tên cột', 'cột dữ liệu', 'cột phiếu'] },
    { name: 'weight', aliases: ['trọng số', 'hệ số'] },
    { name: 'optional', aliases: ['không bắt buộc', 'tùy chọn', 'tuỳ chọn'] },
    { name: 'aggregate', aliases: ['cách tổng hợp', 'tổng hợp'] },
  ],
  responses: [
    { name: 'form', aliases: ['phiếu', 'mã phiếu', 'số phiếu', 'id'] },
    { name: 'unit', required: true, aliases: ['đơn vị', 'mã đơn vị'] },
  ],
  settings: [
    { name: 'key', required: true, aliases: ['setting', 'thiết lập', 'tham số', 'name'] },
    { name: 'value', required: true, aliases: ['giá trị'] },
  ],
} as const satisfies Record<string, readonly FieldSpec[]>;
