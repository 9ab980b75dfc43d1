/**
 * The evidence template: its layout (a sheet per league, locked structure, validated inputs,
 * frozen header, Vietnamese labels), and the round trip a council makes — fill the input cells,
 * score the file unchanged — which must give the sample's expected figures.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/program.js';
import { hanoi2021Framework, hanoi2021Units, sampleTables } from '../src/data/sample.js';
import { evidenceTemplateBytes, inputHint, RATIO_INPUT_FORMAT, TEMPLATE_COLUMNS } from '../src/xlsx/evidence-template.js';
import { Exact } from '../src/numbers/exact.js';
import { scoreResultJson } from '../src/scoring/result-json.js';
import { loadRound } from '../src/node/round.js';
import { loadExcelJS } from '../src/xlsx/load-exceljs.js';
import { scoreMatrix } from '../src/scoring/score.js';
import { SAMPLE, sampleText } from './support/round.js';
import { tempDir } from './support/xlsx.js';

const expected = JSON.parse(sampleText('expected-score.json'));
const dir = tempDir('parindex-template-');

async function templateBook() {
  const ExcelJS = await loadExcelJS();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await evidenceTemplateBytes(hanoi2021Framework(), hanoi2021Units())) as never);
  return wb;
}

describe('evidence template layout', () => {
  it('has one sheet per league, an instructions sheet and a hidden lists sheet', async () => {
    const wb = await templateBook();
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      ['Đánh giá so', 'visible'],
      ['Đánh giá quan-huyen', 'visible'],
      ['Hướng dẫn', 'visible'],
      ['Danh mục', 'hidden'],
    ]);
  });

  it('lists every applicable appraisal leaf of every unit, pre-filled and locked; inputs unlocked and validated', async () => {
    const wb = await templateBook();
    const fw = hanoi2021Framework();
    const units = hanoi2021Units();
    const ws = wb.getWorksheet('Đánh giá so')!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(TEMPLATE_COLUMNS.map((c) => c.label));
    const so = units.list.filter((u) => u.rankGroup === 'so');
    const leaves = (group: string) => fw.leaves.filter((c) => c.rule !== 'survey' && (!c.groups || c.groups.has(group)));
    expect(ws.actualRowCount).toBe(1 + so.reduce((n, u) => n + leaves(u.group).length, 0));
    // First rows: the first unit, its leaves in framework order.
    const first = leaves(so[0].group);
    for (let i = 0; i < 3; i++) {
      const row = ws.getRow(i + 2);
      expect(row.getCell(1).value).toBe(so[0].id);
      expect(row.getCell(3).value).toBe(first[i].code);
      expect(row.getCell(4).value).toBe(first[i].title);
      expect(row.getCell(6).value).toBe(first[i].rule);
      expect(row.getCell(8).value).toBe(inputHint(first[i]));
      expect(row.getCell(1).protection?.locked).not.toBe(false);
      for (const c of [9, 10, 11, 12]) expect(row.getCell(c).protection).toMatchObject({ locked: false });
    }
    expect(ws.getRow(2).getCell(5).value).toBe(Number(first[0].max.toString()));
    expect((ws as unknown as { sheetProtection: unknown }).sheetProtection).toMatchObject({ sheet: true });
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 3, ySplit: 1 });
    // Validation per rule on both score columns.
    const dv = (addr: string) => (ws as unknown as { dataValidations: { find(a: string): Record<string, unknown> | undefined } }).dataValidations.find(addr);
    first.forEach((c, i) => {
      for (const colL of ['I', 'J']) {
        const v = dv(`${colL}${i + 2}`);
        expect(v, `${c.code} ${colL}`).toBeDefined();
        if (c.rule === 'yesno') expect(v).toMatchObject({ type: 'list', formulae: ["'Danh mục'!$A$1:$A$3"] });
        if (c.rule === 'points' && !c.params.allowed) expect(String((v!.formulae as string[])[0])).toContain(`<=${c.max.toString()}`);
        if (c.rule === 'adjust') expect(String((v!.formulae as string[])[0])).not.toContain('NA');
      }
    });
    const lists = wb.getWorksheet('Danh mục')!;
    expect([1, 2, 3].map((r) => lists.getCell(`A${r}`).value)).toEqual(['có', 'không', 'NA']);
  });
});

describe('template protection', () => {
  it('--password protects each league sheet with a SHA-512 hash', async () => {
    const ExcelJS = await loadExcelJS();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await evidenceTemplateBytes(hanoi2021Framework(), hanoi2021Units(), { password: 'hội đồng' })) as never);
    const prot = (wb.getWorksheet('Đánh giá so') as unknown as { sheetProtection: Record<string, unknown> }).sheetProtection;
    expect(prot).toMatchObject({ sheet: true, algorithmName: 'SHA-512', spinCount: 100000 });
    expect(String(prot.hashValue)).toMatch(/^[A-Za-z0-9+/=]{80,}$/);
  });
});

describe('template round trip', () => {
  it('filled with the sample evidence and scored unchanged, it gives expected-score.json (CLI template → fill → score)', async () => {
    const tpl = join(dir, 'evidence.xlsx');
    expect(await main(['node', 'parindex', 'template', '--framework', join(SAMPLE, 'framework.csv'), '--units', join(SAMPLE, 'units.csv'), '--out', tpl])).toBe(0);

    // Fill the input cells as a council would, from the sample's evidence rows.
    const ev = sampleTables().evidence;
    const byKey = new Map(ev.rows.map((r) => [`${r.cells[0]}|${r.cells[1]}`, r.cells]));
    const ExcelJS = await loadExcelJS();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(tpl);
    const asTyped = (t: string) => (t === '' ? null : /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : t);
    let filled = 0;
    for (const ws of wb.worksheets.filter((w) => w.name.startsWith('Đánh giá'))) {
      ws.eachRow((row, n) => {
        if (n === 1) return;
        const cells = byKey.get(`${row.getCell(1).value}|${row.getCell(3).value}`);
        if (!cells) return;
        row.getCell(9).value = asTyped(cells[2]);
        row.getCell(10).value = asTyped(cells[3]);
        row.getCell(11).value = cells[4] || null;
        row.getCell(12).value = cells[5] || null;
        filled++;
      });
    }
    expect(filled).toBe(ev.rows.length);
    const done = join(dir, 'filled.xlsx');
    await wb.xlsx.writeFile(done);

    const r = await loadRound({ framework: join(SAMPLE, 'framework.csv'), units: join(SAMPLE, 'units.csv'), evidence: done, survey: join(SAMPLE, 'survey.csv') });
    expect(scoreResultJson(scoreMatrix(r.framework, r.units, r.inputs))).toEqual(expected);
    // The evidence references travel to the audit trail.
    const src = [...r.inputs.sources.values()].find((s) => s.evidence.startsWith('BC 477'));
    expect(src).toMatchObject({ file: done, row: 2 });

    // And through the CLI: the JSON output equals the expected file byte for byte.
    const out = join(dir, 'score.json');
    expect(await main(['node', 'parindex', 'score', '--framework', join(SAMPLE, 'framework.csv'), '--units', join(SAMPLE, 'units.csv'), '--evidence', done, '--survey', join(SAMPLE, 'survey.csv'), '--format', 'json', '--out', out])).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(expected);
  });

  it('a bad value typed into the template is a located error naming the sheet and cell', async () => {
    const ExcelJS = await loadExcelJS();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await evidenceTemplateBytes(hanoi2021Framework(), hanoi2021Units())) as never);
    const ws = wb.getWorksheet('Đánh giá quan-huyen')!;
    ws.getCell('J5').value = 'nhiều';
    const p = join(dir, 'bad.xlsx');
    await wb.xlsx.writeFile(p);
    const err = await loadRound({ framework: join(SAMPLE, 'framework.csv'), units: join(SAMPLE, 'units.csv'), evidence: p }).catch((e) => e);
    expect(err.issues[0]).toMatchObject({ file: p, sheet: 'Đánh giá quan-huyen', row: 5, column: 'Điểm thẩm định', columnLetter: 'J', value: 'nhiều', code: 'bad-input' });
  });

  it('ratio inputs have a plain number format (85 for 85%); a ratio typed as 85% anyway scores as 85', async () => {
    const fw = hanoi2021Framework();
    const ExcelJS = await loadExcelJS();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await evidenceTemplateBytes(fw, hanoi2021Units())) as never);
    const ws = wb.getWorksheet('Đánh giá so')!;
    let ratioRow = 0;
    ws.eachRow((row, n) => {
      const c = n > 1 ? fw.byCode.get(String(row.getCell(3).value)) : undefined;
      if (!c) return;
      for (const k of [9, 10]) expect(row.getCell(k).numFmt, `${c.code} ${k}`).toBe(c.rule === 'ratio' ? RATIO_INPUT_FORMAT : undefined);
      if (c.rule === 'ratio' && !ratioRow && (c.params.target === undefined || c.params.target.toString() === '100')) ratioRow = n;
    });
    expect(ratioRow).toBeGreaterThan(0);
    expect(RATIO_INPUT_FORMAT).not.toContain('%');
    // A council types 85% anyway: Excel stores 0.85 with a percent format; it is read as 85.
    const row = ws.getRow(ratioRow);
    const c = fw.byCode.get(String(row.getCell(3).value))!;
    row.getCell(10).value = 0.85;
    row.getCell(10).numFmt = '0%';
    const p = join(dir, 'ratio-percent.xlsx');
    await wb.xlsx.writeFile(p);
    const r = await loadRound({ framework: join(SAMPLE, 'framework.csv'), units: join(SAMPLE, 'units.csv'), evidence: p });
    const cell = r.inputs.cell(r.inputs.unitIndex.get(String(row.getCell(1).value))!, r.inputs.leafIndex.get(c.code)!);
    expect(r.inputs.present[cell]).toBe(1);
    const u = scoreMatrix(r.framework, r.units, r.inputs).units.find((x) => x.unit === String(row.getCell(1).value))!;
    // The only input of the unit: max × 85/100.
    expect(u.appraisalPoints.toString()).toBe(c.max.mul(Exact.of(85, 100)).toString());
  });

  it('template needs --out (usage error, exit 2) and writes nothing on bad input (exit 1)', async () => {
    const err: string[] = [];
    const write = process.stderr.write.bind(process.stderr);
    (process.stderr as unknown as { write: (s: string) => boolean }).write = (s: string) => (err.push(String(s)), true);
    try {
      expect(await main(['node', 'parindex', 'template', '--framework', 'hanoi-2021', '--units', join(SAMPLE, 'units.csv')])).toBe(2);
      const badUnits = join(dir, 'units-bad.csv');
      writeFileSync(badUnits, 'unit,name\na,A\n');
      const out = join(dir, 'never.xlsx');
      expect(await main(['node', 'parindex', 'template', '--framework', 'hanoi-2021', '--units', badUnits, '--out', out])).toBe(1);
      expect(() => readFileSync(out)).toThrow();
    } finally {
      (process.stderr as unknown as { write: typeof write }).write = write;
    }
    expect(err.join('')).toMatch(/missing --out/);
  });
});
