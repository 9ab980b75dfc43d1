/**
 * Header and sheet names: Vietnamese labels are accepted, matching ignores case, spaces and
 * diacritics, and it stays unambiguous — no folded alias names two fields of one table, and the
 * template's extra columns bind to no field.
 */
import { describe, expect, it } from 'vitest';
import { IssueList } from '../src/errors.js';
import { TEMPLATE_COLUMNS } from '../src/xlsx/evidence-template.js';
import { bindColumns, FIELDS, foldHeader } from '../src/table/headers.js';
import { makeTable } from '../src/table/table.js';
import { SHEET_NAMES, sheetKindOf, sheetNameMatches } from '../src/xlsx/sheet-choice.js';

describe('header aliases', () => {
  for (const [kind, fields] of Object.entries(FIELDS)) {
    it(`${kind}: every folded name belongs to one field only`, () => {
      const owner = new Map<string, string>();
      for (const f of fields as readonly { name: string; aliases?: readonly string[] }[]) {
        for (const a of [f.name, ...(f.aliases ?? [])]) {
          const k = foldHeader(a);
          expect(k, `"${a}" folds to nothing`).not.toBe('');
          const prev = owner.get(k);
          expect(prev === undefined || prev === f.name, `${kind}: "${a}" names both ${prev} and ${f.name}`).toBe(true);
          owner.set(k, f.name);
        }
      }
    });
  }

  it('Vietnamese labels bind, whatever their case, spacing and diacritics', () => {
    const t = makeTable(['MÃ ĐƠN VỊ', 'ma tieu chi', 'Điểm  tự chấm', 'điểm thẩm định', 'Tài liệu kiểm chứng', 'ghi chú'], []);
    const issues = new IssueList();
    expect(bindColumns(t, FIELDS.evidence, issues, 'evidence file')).toEqual({ unit: 0, criterion: 1, self: 2, appraised: 3, evidence: 4, note: 5 });
    const u = makeTable(['Mã đơn vị', 'Tên đơn vị', 'Nhóm', 'Khối'], []);
    expect(bindColumns(u, FIELDS.units, issues, 'units file')).toEqual({ unit: 0, name: 1, group: 2, rankGroup: 3, groupName: -1, rankGroupName: -1 });
    const f = makeTable(['Mã tiêu chí', 'Tên tiêu chí', 'Điểm tối đa', 'Phương pháp', 'Cách chấm', 'Tham số', 'Nhóm áp dụng'], []);
    expect(bindColumns(f, FIELDS.framework, issues, 'framework')).toEqual({ code: 0, title: 1, max: 2, method: 3, rule: 4, params: 5, groups: 6 });
    expect(issues.issues).toEqual([]);
  });

  it('the template header binds its four input columns and nothing else', () => {
    const t = makeTable(
      TEMPLATE_COLUMNS.map((c) => c.label),
      [],
    );
    const issues = new IssueList();
    const cols = bindColumns(t, FIELDS.evidence, issues, 'evidence file');
    expect(issues.issues).toEqual([]);
    const byLabel = Object.fromEntries(Object.entries(cols).map(([k, i]) => [k, TEMPLATE_COLUMNS[i].key]));
    expect(byLabel).toEqual({ unit: 'unit', criterion: 'criterion', self: 'self', appraised: 'appraised', evidence: 'evidence', note: 'note' });
  });

  it('two columns for one field are an ambiguity error naming the second', () => {
    const t = makeTable(['unit', 'Mã tiêu chí', 'criterion'], [], { file: 'e.xlsx', sheet: 'evidence' });
    const issues = new IssueList();
    bindColumns(t, FIELDS.evidence, issues, 'evidence file');
    expect(issues.issues[0]).toMatchObject({ code: 'ambiguous-column', sheet: 'evidence', row: 1, columnLetter: 'C' });
  });
});

describe('sheet names', () => {
  it('every sheet name belongs to one kind', () => {
    const owner = new Map<string, string>();
    for (const [kind, names] of Object.entries(SHEET_NAMES)) {
      for (const n of names) {
        expect(sheetKindOf(n), `${n}`).toBe(kind);
        const prev = owner.get(foldHeader(n));
        expect(prev === undefined || prev === kind).toBe(true);
        owner.set(foldHeader(n), kind);
      }
    }
  });

  it('evidence sheets are found by prefix; other kinds by the whole name', () => {
    expect(sheetNameMatches('Đánh giá quan-huyen', 'evidence')).toBe(true);
    expect(sheetNameMatches('EVIDENCE 2021', 'evidence')).toBe(true);
    expect(sheetNameMatches('Đơn vị', 'units')).toBe(true);
    expect(sheetNameMatches('don_vi', 'units')).toBe(true);
    expect(sheetNameMatches('Đơn vị cũ', 'units')).toBe(false);
    expect(sheetKindOf('Sheet1')).toBeUndefined();
  });
});
