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

describe('a survey template being filled', () => {
  it('blank scores are no rows (listed as missing), not bad values: a half-filled template can be checked', async () => {
    const { runCli } = await import('./support/cli.js');
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'parindex-survey-tpl-'));
    const tpl = join(dir, 'survey.xlsx');
    const builtIn = ['--framework', 'hanoi-2021', '--units', 'hanoi-2021'];
    expect((await runCli(['template', ...builtIn, '--kind', 'survey', '--out', tpl])).code).toBe(0);
    const r = await runCli(['check', ...builtIn, '--evidence', 'hanoi-2021', '--survey', tpl]);
    // Before: one bad-value per blank score (468 on a fresh template). Now: missing inputs, no bad values.
    expect(r.stderr + r.stdout).not.toContain('[bad-value]');
    expect(r.stdout + r.stderr).toMatch(/8\.\d/);
  });
});
