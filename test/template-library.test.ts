/** The library's renderTemplate writes both templates: evidence (default) and survey results. */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { createRound, safe, sample } from '../src/index.js';
import { renderTemplate } from '../src/xlsx/index.js';

async function sheetNames(bytes: Uint8Array): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as never);
  return wb.worksheets.map((w) => w.name);
}

describe('renderTemplate', () => {
  const round = createRound(sample());
  it('kind survey: instructions first, then the survey results sheet', async () => {
    const names = await sheetNames(await renderTemplate(round, { kind: 'survey' }));
    expect(names[0]).toMatch(/Hướng dẫn/);
    expect(names).toContain('Kết quả điều tra');
  });
  it('default evidence: instructions first, then a sheet per league', async () => {
    const names = await sheetNames(await renderTemplate(round));
    expect(names[0]).toMatch(/Hướng dẫn/);
    expect(names.filter((n) => n.startsWith('Đánh giá'))).toHaveLength(2);
  });
  it('an unknown kind is bad-argument', async () => {
    const r = await safe(() => renderTemplate(round, { kind: 'surveys' as 'survey' }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0].code).toBe('bad-argument');
  });
});
