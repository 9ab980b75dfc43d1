/**
 * A file of the wrong kind says what it is and what to do (issue 13 item 6): an `.xls` workbook is
 * refused with "save it as .xlsx", and a workbook, an old Office file, a PDF or a picture named
 * `.csv` is named as such instead of "not UTF-8 text" followed by its raw bytes.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatIssue } from '../src/errors.js';
import { binaryKind } from '../src/table/files.js';
import { loadTable } from '../src/node/index.js';
import { parseCsv, safe } from '../src/index.js';
import { zipSync, strToU8 } from 'fflate';
import { issuesOfAsync } from './support/round.js';

const dir = mkdtempSync(join(tmpdir(), 'parindex-kinds-'));
const file = (name: string, bytes: Uint8Array | string) => {
  const p = join(dir, name);
  writeFileSync(p, bytes);
  return p;
};
const workbook = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'xl/workbook.xml': strToU8('<workbook/>') });
const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);

describe('files of the wrong kind', () => {
  it('recognises a zip (xlsx), an OLE file, a PDF and pictures by their first bytes, and nothing in text', () => {
    expect(binaryKind(workbook)).toBe('zip');
    expect(binaryKind(ole)).toBe('ole');
    expect(binaryKind(strToU8('%PDF-1.7\n'))).toBe('pdf');
    expect(binaryKind(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]))).toBe('image');
    expect(binaryKind(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe('image');
    expect(binaryKind(strToU8('unit,name\nPK,Sở PK\n'))).toBeUndefined();
    expect(binaryKind(strToU8('PK'))).toBeUndefined();
  });

  it('an xlsx workbook named .csv is named a workbook, to be renamed (before: "not UTF-8" and its raw bytes)', async () => {
    const issue = (await issuesOfAsync(() => loadTable(file('don-vi.csv', workbook), 'units')))[0];
    expect(issue).toMatchObject({ code: 'unknown-format', key: 'unknown-format/binary-as-text', params: { kind: 'zip' } });
    expect(formatIssue(issue, { lang: 'en' })).toBe(
      `${join(dir, 'don-vi.csv')}: the file is an xlsx workbook (a zip archive), not text: give it an .xlsx name to read it as a workbook; found "zip"; expected UTF-8 text (in Excel: Save As → "CSV UTF-8") [unknown-format]`,
    );
    expect(formatIssue(issue)).toContain('tệp này là một sổ tính xlsx (tệp nén zip), không phải văn bản: hãy đổi đuôi tên tệp thành .xlsx');
  });

  it('an old Office file named .csv says to save it as .xlsx or CSV UTF-8', async () => {
    const issue = (await issuesOfAsync(() => loadTable(file('bang.csv', ole), 'evidence')))[0];
    expect(issue).toMatchObject({ code: 'unknown-format', params: { kind: 'ole' } });
    expect(issue.message).toContain('save it as .xlsx');
  });

  it('an .xls workbook says to save it as .xlsx (before: "unknown file type")', async () => {
    const issue = (await issuesOfAsync(() => loadTable(file('minh-chung.xls', ole), 'evidence')))[0];
    expect(issue).toMatchObject({ code: 'unknown-format', key: 'unknown-format/save-as-xlsx', params: { ext: '.xls' }, value: '.xls' });
    expect(formatIssue(issue)).toContain('lưu thành .xlsx');
  });

  it('parseCsv on workbook bytes is refused the same way (browser and library path)', () => {
    const r = safe(() => parseCsv(workbook));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]).toMatchObject({ code: 'unknown-format', params: { kind: 'zip' } });
  });
});
