/**
 * `score --format xlsx --audit sheet|csv|none`: where the results workbook's audit goes — its sheet,
 * a CSV beside the workbook, or nowhere — and the default by size (a sheet when the audit fits one,
 * else the CSV, said on stderr), on the embedded sample `hanoi-2021`; the usage errors.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { auditCsvPath, auditLimits } from '../src/cli/commands/score.js';
import { parse } from 'csv-parse/sync';
import { EXCEL_MAX_ROWS } from '../src/xlsx/write.js';
import { loadExcelJS } from '../src/xlsx/load-exceljs.js';
import { runCli } from './support/cli.js';
import { tempDir } from './support/xlsx.js';

const SAMPLE_ARGS = ['--framework', 'hanoi-2021', '--units', 'hanoi-2021', '--evidence', 'hanoi-2021', '--survey', 'hanoi-2021'];
/** The sample's audit: a row per unit and applicable leaf. */
const SAMPLE_AUDIT_ROWS = 2704;

afterEach(() => {
  auditLimits.sheetRows = EXCEL_MAX_ROWS - 1;
});

async function book(path: string) {
  const ExcelJS = await loadExcelJS();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

/** A sheet's rows as arrays of cell values (row 1 first), empty cells as ''. */
function sheetRows(ws: { rowCount: number; getRow(n: number): { values: unknown } }, width = 17): unknown[][] {
  const rows: unknown[][] = [];
  for (let n = 1; n <= ws.rowCount; n++) {
    const v = (ws.getRow(n).values as unknown[]).slice(1);
    rows.push(Array.from({ length: width }, (_, i) => v[i] ?? ''));
  }
  return rows;
}

/** A setting's value on the settings sheet. */
function setting(ws: { rowCount: number; getRow(n: number): { values: unknown } }, key: string): unknown {
  for (let n = 1; n <= ws.rowCount; n++) {
    const v = ws.getRow(n).values as unknown[];
    if (v[1] === key) return v[2];
  }
  return undefined;
}

async function score(dir: string, ...extra: string[]) {
  const out = join(dir, 'ketqua.xlsx');
  const r = await runCli(['score', ...SAMPLE_ARGS, '--format', 'xlsx', '--out', out, ...extra], { PARINDEX_LANG: 'vi' });
  return { ...r, out };
}

describe('--audit on score --format xlsx', () => {
  it('sheet (the default for the sample): the audit sheet holds every (unit, applicable leaf); no CSV', async () => {
    const dir = tempDir('parindex-audit-');
    const r = await score(dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(/audit\.csv/);
    expect(readdirSync(dir)).toEqual(['ketqua.xlsx']);
    const wb = await book(r.out);
    const audit = wb.getWorksheet('Chi tiết chấm điểm')!;
    expect(audit.rowCount).toBe(SAMPLE_AUDIT_ROWS + 1);
    expect(setting(wb.getWorksheet('Thiết lập')!, 'audit')).toBe('Chi tiết chấm điểm');
    // Sở Tài chính's index, as published, is still on its league sheet.
    expect(JSON.stringify(sheetRows(wb.worksheets[0], 40))).toContain('89.83');
  });

  it('csv: no audit sheet, ketqua.audit.csv beside the workbook with the audit sheet’s very rows', async () => {
    const sheetDir = tempDir('parindex-audit-');
    const sheet = await score(sheetDir, '--audit', 'sheet');
    const csvDir = tempDir('parindex-audit-');
    const csv = await score(csvDir, '--audit', 'csv');
    expect(csv.code, csv.stderr).toBe(0);
    expect(readdirSync(csvDir).sort()).toEqual(['ketqua.audit.csv', 'ketqua.xlsx']);
    const wb = await book(csv.out);
    expect(wb.getWorksheet('Chi tiết chấm điểm')).toBeUndefined();
    expect(setting(wb.getWorksheet('Thiết lập')!, 'audit')).toBe('ketqua.audit.csv');

    const rows: string[][] = parse(readFileSync(join(csvDir, 'ketqua.audit.csv'), 'utf8'), { relax_column_count: true });
    const fromSheet = sheetRows((await book(sheet.out)).getWorksheet('Chi tiết chấm điểm')!);
    expect(rows.length).toBe(SAMPLE_AUDIT_ROWS + 1);
    expect(rows[0]).toEqual(fromSheet[0]);
    expect(rows[0][0]).toBe('Khối');
    // Cell for cell: the CSV's text is the sheet value's text.
    expect(rows.map((r) => r.map(String))).toEqual(fromSheet.map((r) => r.map(String)));
  });

  it('csv honours --lang en, --csv-style vi and --bom', async () => {
    const dir = tempDir('parindex-audit-');
    const r = await score(dir, '--audit', 'csv', '--lang', 'en', '--csv-style', 'vi', '--bom');
    expect(r.code, r.stderr).toBe(0);
    const text = readFileSync(join(dir, 'ketqua.audit.csv'), 'utf8');
    expect(text.startsWith('\ufeffLeague;Unit;Name;Criterion;')).toBe(true);
    expect(text.split('\r\n').length - 2).toBe(SAMPLE_AUDIT_ROWS);
    // Points with a decimal comma (quoted, as every cell holding a comma is).
    expect(text).toMatch(/;"\d+,\d+";/);
  });

  it('none: neither an audit sheet nor a CSV; the settings say so', async () => {
    const dir = tempDir('parindex-audit-');
    const r = await score(dir, '--audit', 'none');
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(dir)).toEqual(['ketqua.xlsx']);
    const wb = await book(r.out);
    expect(wb.worksheets.map((w) => w.name)).not.toContain('Chi tiết chấm điểm');
    expect(setting(wb.getWorksheet('Thiết lập')!, 'audit')).toBe('none');
  });

  it('by default, an audit past one sheet’s rows goes to the CSV, said on stderr in Vietnamese first', async () => {
    auditLimits.sheetRows = 1000;
    const dir = tempDir('parindex-audit-');
    const out = join(dir, 'ketqua.xlsx');
    const r = await runCli(['score', ...SAMPLE_ARGS, '--format', 'xlsx', '--out', out], { PARINDEX_LANG: 'vi' });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`phần chi tiết chấm điểm có 2.704 dòng, quá 1.000 dòng của một trang tính Excel: ghi vào ${join(dir, 'ketqua.audit.csv')}`);
    expect(readdirSync(dir).sort()).toEqual(['ketqua.audit.csv', 'ketqua.xlsx']);
    const en = await runCli(['score', ...SAMPLE_ARGS, '--format', 'xlsx', '--out', join(dir, 'en.xlsx')]);
    expect(en.stderr).toContain('the scoring detail has 2,704 rows, more than the 1,000 of one Excel sheet');
    expect(SAMPLE_AUDIT_ROWS).toBe(2704);
  });

  it('--audit sheet past the limit continues the audit on further sheets, as before', async () => {
    auditLimits.sheetRows = 1000;
    const dir = tempDir('parindex-audit-');
    const r = await score(dir, '--audit', 'sheet');
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(dir)).toEqual(['ketqua.xlsx']);
    const wb = await book(r.out);
    const parts = ['Chi tiết chấm điểm', 'Chi tiết chấm điểm (2)', 'Chi tiết chấm điểm (3)'].map((n) => wb.getWorksheet(n)!);
    expect(parts.map((p) => p.rowCount)).toEqual([1001, 1001, SAMPLE_AUDIT_ROWS - 2000 + 1]);
  });

  it('the same inputs give byte-identical files, the workbook and its CSV', async () => {
    const a = tempDir('parindex-audit-');
    const b = tempDir('parindex-audit-');
    for (const dir of [a, b]) expect((await score(dir, '--audit', 'csv')).code).toBe(0);
    for (const f of ['ketqua.xlsx', 'ketqua.audit.csv']) expect(readFileSync(join(a, f)).equals(readFileSync(join(b, f))), f).toBe(true);
    const c = tempDir('parindex-audit-');
    const d = tempDir('parindex-audit-');
    for (const dir of [c, d]) expect((await score(dir)).code).toBe(0);
    expect(readFileSync(join(c, 'ketqua.xlsx')).equals(readFileSync(join(d, 'ketqua.xlsx')))).toBe(true);
  });

  it('the audit CSV is named from --out', () => {
    expect(auditCsvPath('ketqua.xlsx')).toBe('ketqua.audit.csv');
    expect(auditCsvPath('out/KQ.XLSX')).toBe('out/KQ.audit.csv');
    expect(auditCsvPath('ketqua')).toBe('ketqua.audit.csv');
  });
});

describe('--audit usage errors (exit 2, nothing written)', () => {
  it('without --format xlsx', async () => {
    const r = await runCli(['score', ...SAMPLE_ARGS, '--format', 'json', '--audit', 'csv']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--audit applies to --format xlsx only, not "json"');
    const vi = await runCli(['score', ...SAMPLE_ARGS, '--format', 'html', '--audit', 'none'], { PARINDEX_LANG: 'vi' });
    expect(vi.code).toBe(2);
    expect(vi.stderr).toContain('--audit chỉ dùng với --format xlsx, không dùng với "html"');
  });

  it('an unknown value names the nearest', async () => {
    const dir = tempDir('parindex-audit-');
    const r = await score(dir, '--audit', 'shet');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--audit nhận một trong các giá trị sheet, csv, none, không nhận "shet" (có phải ý bạn là "sheet"?)');
    const en = await runCli(['score', ...SAMPLE_ARGS, '--format', 'xlsx', '--out', join(dir, 'x.xlsx'), '--audit', 'nne']);
    expect(en.code).toBe(2);
    expect(en.stderr).toContain('--audit takes one of sheet, csv, none, not "nne" (did you mean "none"?)');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('csv without --out; --csv-style or --bom with --audit sheet or none', async () => {
    const noOut = await runCli(['score', ...SAMPLE_ARGS, '--format', 'xlsx', '--audit', 'csv']);
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toContain('--audit csv writes the audit to a CSV file beside the workbook: give --out FILE.xlsx');
    const dir = tempDir('parindex-audit-');
    const style = await score(dir, '--audit', 'sheet', '--csv-style', 'vi');
    expect(style.code).toBe(2);
    expect(style.stderr).toContain('--csv-style dùng cho đầu ra CSV: với --format xlsx, cho tệp CSV chi tiết chấm điểm (--audit csv), không dùng với --audit sheet');
    const bom = await score(dir, '--audit', 'none', '--bom');
    expect(bom.code).toBe(2);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('the audit CSV may not replace an input', async () => {
    const dir = tempDir('parindex-audit-');
    const { writeFileSync } = await import('node:fs');
    const units = join(dir, 'units.audit.csv');
    writeFileSync(units, readFileSync(join('data', 'hanoi-2021', 'units.csv')));
    const r = await runCli(['score', '--framework', 'hanoi-2021', '--units', units, '--evidence', 'hanoi-2021', '--survey', 'hanoi-2021', '--format', 'xlsx', '--audit', 'csv', '--out', join(dir, 'units.xlsx')]);
    expect(r.code).toBe(1);
    expect(existsSync(join(dir, 'units.xlsx'))).toBe(false);
  });

  it('by default a round whose audit fits one sheet writes no CSV, so an input named like one is no obstacle (reproduced by a review: exit 1)', async () => {
    const dir = tempDir('parindex-audit-');
    const { writeFileSync } = await import('node:fs');
    const units = join(dir, 'units.audit.csv');
    writeFileSync(units, readFileSync(join('data', 'hanoi-2021', 'units.csv')));
    const r = await runCli(['score', '--framework', 'hanoi-2021', '--units', units, '--evidence', 'hanoi-2021', '--survey', 'hanoi-2021', '--format', 'xlsx', '--out', join(dir, 'units.xlsx')]);
    expect(r.code).toBe(0);
    expect(existsSync(join(dir, 'units.xlsx'))).toBe(true);
    expect(readFileSync(units, 'utf8')).toBe(readFileSync(join('data', 'hanoi-2021', 'units.csv'), 'utf8'));
  });

  it('by default, past the sheet limit, an input where the CSV would go is refused before anything is written', async () => {
    const dir = tempDir('parindex-audit-');
    const { writeFileSync } = await import('node:fs');
    const units = join(dir, 'units.audit.csv');
    writeFileSync(units, readFileSync(join('data', 'hanoi-2021', 'units.csv')));
    const before = auditLimits.sheetRows;
    auditLimits.sheetRows = 1000;
    try {
      const r = await runCli(['score', '--framework', 'hanoi-2021', '--units', units, '--evidence', 'hanoi-2021', '--survey', 'hanoi-2021', '--format', 'xlsx', '--out', join(dir, 'units.xlsx')]);
      expect(r.code).toBe(1);
    } finally {
      auditLimits.sheetRows = before;
    }
    expect(existsSync(join(dir, 'units.xlsx'))).toBe(false);
    expect(readFileSync(units, 'utf8')).toBe(readFileSync(join('data', 'hanoi-2021', 'units.csv'), 'utf8'));
  });
});

describe('renderXlsx({ audit })', () => {
  it("'none' leaves the audit sheet out; 'sheet' (the default) keeps it; another value names the nearest", async () => {
    const { createRound, score, sample } = await import('../src/index.js');
    const { renderXlsx } = await import('../src/xlsx/index.js');
    const result = score(createRound(sample()));
    const ExcelJS = await loadExcelJS();
    const names = async (bytes: Uint8Array) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(bytes) as never);
      return wb.worksheets.map((w) => w.name);
    };
    expect(await names(await renderXlsx(result, { audit: 'none' }))).not.toContain('Chi tiết chấm điểm');
    expect(await names(await renderXlsx(result))).toContain('Chi tiết chấm điểm');
    await expect(renderXlsx(result, { audit: 'shet' as never })).rejects.toThrow(/sheet/);
  });
});
