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
import { evidenceTemplateBytes, inputHint, RATIO_INPUT_FORMAT, scoringWords, TEMPLATE_COLUMNS } from '../src/xlsx/evidence-template.js';
import { listXlsxSheets, readXlsxSheetTables, readXlsxTables } from '../src/xlsx/read.js';
import { SURVEY_TEMPLATE_COLUMNS, surveyTemplateBytes } from '../src/xlsx/survey-template.js';
import { RULE_NAMES } from '../src/criteria/rules/index.js';
import { unzipSync } from 'fflate';
import { vi } from 'vitest';
import { runCli } from './support/cli.js';
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
  it('has the instructions sheet first, then one sheet per league and a hidden lists sheet', async () => {
    const wb = await templateBook();
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      ['Hướng dẫn', 'visible'],
      ['Đánh giá so', 'visible'],
      ['Đánh giá quan-huyen', 'visible'],
      ['Danh mục', 'hidden'],
    ]);
    // The same order through the package's own reader.
    expect(listXlsxSheets(await evidenceTemplateBytes(hanoi2021Framework(), hanoi2021Units()))).toEqual([
      { name: 'Hướng dẫn', state: 'visible' },
      { name: 'Đánh giá so', state: 'visible' },
      { name: 'Đánh giá quan-huyen', state: 'visible' },
      { name: 'Danh mục', state: 'hidden' },
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
      expect(row.getCell(6).value).toBe(scoringWords(first[i]));
      expect(row.getCell(7).value).toBe(inputHint(first[i]));
      expect(row.getCell(1).protection?.locked).not.toBe(false);
      for (const c of [8, 9, 10, 11]) expect(row.getCell(c).protection).toMatchObject({ locked: false });
    }
    expect(ws.getRow(2).getCell(5).value).toBe(Number(first[0].max.toString()));
    expect((ws as unknown as { sheetProtection: unknown }).sheetProtection).toMatchObject({ sheet: true });
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 3, ySplit: 1 });
    // Validation per rule on both score columns.
    const dv = (addr: string) => (ws as unknown as { dataValidations: { find(a: string): Record<string, unknown> | undefined } }).dataValidations.find(addr);
    first.forEach((c, i) => {
      for (const colL of ['H', 'I']) {
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
        row.getCell(8).value = asTyped(cells[2]);
        row.getCell(9).value = asTyped(cells[3]);
        row.getCell(10).value = cells[4] || null;
        row.getCell(11).value = cells[5] || null;
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
    ws.getCell('I5').value = 'nhiều';
    const p = join(dir, 'bad.xlsx');
    await wb.xlsx.writeFile(p);
    const err = await loadRound({ framework: join(SAMPLE, 'framework.csv'), units: join(SAMPLE, 'units.csv'), evidence: p }).catch((e) => e);
    expect(err.issues[0]).toMatchObject({ file: p, sheet: 'Đánh giá quan-huyen', row: 5, column: 'Điểm thẩm định', columnLetter: 'I', value: 'nhiều', code: 'bad-input' });
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
      for (const k of [8, 9]) expect(row.getCell(k).numFmt, `${c.code} ${k}`).toBe(c.rule === 'ratio' ? RATIO_INPUT_FORMAT : undefined);
      if (c.rule === 'ratio' && !ratioRow && (c.params.target === undefined || c.params.target.toString() === '100')) ratioRow = n;
    });
    expect(ratioRow).toBeGreaterThan(0);
    expect(RATIO_INPUT_FORMAT).not.toContain('%');
    // A council types 85% anyway: Excel stores 0.85 with a percent format; it is read as 85.
    const row = ws.getRow(ratioRow);
    const c = fw.byCode.get(String(row.getCell(3).value))!;
    row.getCell(9).value = 0.85;
    row.getCell(9).numFmt = '0%';
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
      expect(await main(['node', 'parindex', 'template', '--framework', 'hanoi-2021', '--units', join(SAMPLE, 'units.csv'), '--lang', 'en'])).toBe(2);
      const badUnits = join(dir, 'units-bad.csv');
      writeFileSync(badUnits, 'unit,name\na,A\n');
      const out = join(dir, 'never.xlsx');
      expect(await main(['node', 'parindex', 'template', '--framework', 'hanoi-2021', '--units', badUnits, '--out', out])).toBe(1);
      expect(() => readFileSync(out)).toThrow();
    } finally {
      (process.stderr as unknown as { write: typeof write }).write = write;
    }
    expect(err.join('')).toMatch(/missing --out|thiếu --out/);
  });
});

/** Rule codes and params syntax: never shown to a council (`yesno`, `tiers`, `else`, `target=`, `>=`). */
const RULE_CODE = new RegExp(`\\b(${[...RULE_NAMES, 'else', 'target', 'allowed', 'min', 'max'].join('|')})\\b|[<>]|\\w=`);

/** Every text of every part of a workbook (shared strings, sheets, properties), unzipped. */
function allText(bytes: Uint8Array): string {
  return Object.values(unzipSync(bytes))
    .map((b) => new TextDecoder().decode(b))
    .join('\n');
}

describe('what a council reads in the evidence template', () => {
  it('"Cách chấm" describes each leaf in Vietnamese words, the hints too: no rule code or params syntax', async () => {
    const fw = hanoi2021Framework();
    const bytes = await evidenceTemplateBytes(fw, hanoi2021Units());
    const tables = readXlsxTables(bytes, 'evidence').tables;
    expect(tables.map((t) => t.sheet)).toEqual(['Đánh giá so', 'Đánh giá quan-huyen']);
    const ruleCol = TEMPLATE_COLUMNS.findIndex((c) => c.key === 'rule');
    const hintCol = TEMPLATE_COLUMNS.findIndex((c) => c.key === 'hint');
    const seen = new Set<string>();
    for (const t of tables) {
      expect(t.header).toEqual(TEMPLATE_COLUMNS.map((c) => c.label));
      expect(t.header).not.toContain('Tham số');
      for (const row of t.rows) {
        const c = fw.byCode.get(row.cells[2])!;
        expect(row.cells[ruleCol]).toBe(scoringWords(c));
        expect(row.cells[ruleCol], c.code).not.toMatch(RULE_CODE);
        expect(row.cells[hintCol], c.code).not.toMatch(RULE_CODE);
        seen.add(c.rule!);
      }
    }
    // Every rule with evidence rows was shown (survey leaves have none here).
    expect([...seen].sort()).toEqual(['adjust', 'points', 'ratio', 'tiers', 'yesno'].filter((r) => fw.leaves.some((c) => c.rule === r)).sort());
    // The sample's own leaves, as hand-written sentences.
    const words = (code: string) => scoringWords(fw.byCode.get(code)!);
    expect(words('1.1.1')).toBe('Có: 1 điểm; không: 0 điểm');
    expect(words('1.2')).toBe('Điểm theo bậc: từ 4 trở lên: 1 điểm; từ 3 trở lên: 0.5 điểm; còn lại: 0 điểm');
    expect(words('3.3')).toBe('Điểm theo bậc: trên 50: 2 điểm; từ 30 trở lên: 1.5 điểm; từ 20 trở lên: 1 điểm; còn lại: 0 điểm');
    expect(words('1.3')).toBe('Điểm theo tỷ lệ đạt được: 1 điểm × tỷ lệ % / 30; đạt 30% trở lên: 1 điểm');
    expect(words('1.7')).toBe('Điểm thưởng từ 0 đến 1: cộng vào tổng điểm, không tính vào điểm tối đa');
    expect(words('1.8')).toBe('Điểm trừ từ -2 đến 0: cộng vào tổng điểm, không tính vào điểm tối đa');
    expect(words('1.6')).toBe('Điểm điều tra xã hội học (từ 0 đến 100) × 2 / 100, lấy từ tệp kết quả điều tra');
  });

  it('the instructions explain the columns in Vietnamese, name no rule code and no file path', async () => {
    const dirOf = join(dir, 'inputs');
    const tpl = join(dir, 'no-path.xlsx');
    const r = await runCli(['template', '--framework', join(SAMPLE, 'framework.csv'), '--units', join(SAMPLE, 'units.csv'), '--out', tpl]);
    expect(r.code).toBe(0);
    const bytes = new Uint8Array(readFileSync(tpl));
    const help = readXlsxSheetTables(bytes, { header: { accept: (cells) => cells[0]?.startsWith('Phiếu chấm điểm') ?? false, within: 1 } }).tables;
    expect(help.map((t) => t.sheet)).toEqual(['Hướng dẫn']);
    const lines = [help[0].header[0], ...help[0].rows.map((row) => row.cells[0])];
    expect(lines.some((l) => l.includes('Cột "Cách chấm"'))).toBe(true);
    expect(lines.some((l) => l.includes('--kind survey'))).toBe(true);
    for (const l of lines.filter((x) => !x.includes('parindex'))) expect(l).not.toMatch(RULE_CODE);
    expect(lines.at(-1)).toBe('Khung tiêu chí: 8 lĩnh vực, 56 tiêu chí thành phần (47 chấm điểm ở đây, 9 điều tra xã hội học). Đơn vị: 52.');
    // No path anywhere in the file: neither the folder nor the names of the inputs.
    const text = allText(bytes);
    for (const p of [SAMPLE, dirOf, 'framework.csv', 'units.csv', 'hanoi-2021/', '/tmp/']) expect(text).not.toContain(p);
    // Nor for the built-in framework, whose tables are named hanoi-2021/framework.csv inside the package.
    expect(allText(await evidenceTemplateBytes(hanoi2021Framework(), hanoi2021Units()))).not.toContain('hanoi-2021/');
  });

  it('the same inputs give byte-identical files, whatever the clock says', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2021-03-04T05:06:07Z'));
      const a = await evidenceTemplateBytes(hanoi2021Framework(), hanoi2021Units());
      const s1 = await surveyTemplateBytes(hanoi2021Framework(), hanoi2021Units());
      vi.setSystemTime(new Date('2030-11-12T13:14:15Z'));
      const b = await evidenceTemplateBytes(hanoi2021Framework(), hanoi2021Units());
      const s2 = await surveyTemplateBytes(hanoi2021Framework(), hanoi2021Units());
      expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
      expect(Buffer.from(s1).equals(Buffer.from(s2))).toBe(true);
      expect(allText(a)).not.toContain('2021-03-04');
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('survey results template (template --kind survey)', () => {
  it('has the instructions first and one survey sheet: a row per unit and applicable survey leaf', async () => {
    const fw = hanoi2021Framework();
    const units = hanoi2021Units();
    const bytes = await surveyTemplateBytes(fw, units);
    expect(listXlsxSheets(bytes)).toEqual([
      { name: 'Hướng dẫn', state: 'visible' },
      { name: 'Kết quả điều tra', state: 'visible' },
    ]);
    const [t] = readXlsxTables(bytes, 'survey').tables;
    expect(t.header).toEqual(SURVEY_TEMPLATE_COLUMNS.map((c) => c.label));
    // Exactly the (unit, criterion) pairs of the sample's survey file, units in file order.
    const sample = sampleTables().survey;
    expect(t.rows.length).toBe(sample.rows.length);
    expect(t.rows.length).toBe(52 * 9);
    expect(new Set(t.rows.map((r) => `${r.cells[0]}|${r.cells[2]}`))).toEqual(new Set(sample.rows.map((r) => `${r.cells[0]}|${r.cells[1]}`)));
    expect(t.rows[0].cells.slice(0, 6)).toEqual([units.list[0].id, units.list[0].name, '1.6', fw.byCode.get('1.6')!.title, '2', '']);
    // The score column is unlocked and validated 0..100 or NA.
    const ExcelJS = await loadExcelJS();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as never);
    const ws = wb.getWorksheet('Kết quả điều tra')!;
    expect(ws.getCell('F2').protection).toMatchObject({ locked: false });
    expect(ws.getCell('A2').protection?.locked).not.toBe(false);
    const v = (ws as unknown as { dataValidations: { find(a: string): Record<string, unknown> | undefined } }).dataValidations.find('F100');
    expect(String((v!.formulae as string[])[0])).toBe('OR(UPPER(TRIM(F2))="NA",AND(ISNUMBER(F2),F2>=0,F2<=100))');
  });

  it('written by the CLI from built-in names, filled with the sample survey values, it scores to expected-score.json', async () => {
    const tpl = join(dir, 'survey-template.xlsx');
    const r = await runCli(['template', '--kind', 'survey', '--framework', 'hanoi-2021', '--units', 'hanoi-2021', '--out', tpl]);
    expect(r.code).toBe(0);
    expect(Buffer.from(readFileSync(tpl)).equals(Buffer.from(await surveyTemplateBytes(hanoi2021Framework(), hanoi2021Units())))).toBe(true);

    const byKey = new Map(sampleTables().survey.rows.map((row) => [`${row.cells[0]}|${row.cells[1]}`, row.cells[2]]));
    const ExcelJS = await loadExcelJS();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(tpl);
    let filled = 0;
    wb.getWorksheet('Kết quả điều tra')!.eachRow((row, n) => {
      if (n === 1) return;
      const score = byKey.get(`${row.getCell(1).value}|${row.getCell(3).value}`);
      if (score === undefined) return;
      row.getCell(6).value = score === 'NA' ? 'NA' : Number(score);
      filled++;
    });
    expect(filled).toBe(byKey.size);
    const done = join(dir, 'survey-filled.xlsx');
    await wb.xlsx.writeFile(done);

    const round = await loadRound({ framework: join(SAMPLE, 'framework.csv'), units: join(SAMPLE, 'units.csv'), evidence: join(SAMPLE, 'evidence.csv'), survey: done });
    expect(scoreResultJson(scoreMatrix(round.framework, round.units, round.inputs))).toEqual(expected);
    // And through the CLI, with the built-in evidence.
    const out = await runCli(['score', '--framework', 'hanoi-2021', '--units', 'hanoi-2021', '--evidence', 'hanoi-2021', '--survey', done, '--format', 'json']);
    expect(out.code).toBe(0);
    expect(JSON.parse(out.stdout)).toEqual(expected);
  });

  it('--kind takes evidence or survey (usage error, exit 2, otherwise)', async () => {
    const r = await runCli(['template', '--kind', 'dieu-tra', '--framework', 'hanoi-2021', '--units', 'hanoi-2021', '--out', join(dir, 'never-kind.xlsx')]);
    expect(r.code).toBe(2);
    expect(() => readFileSync(join(dir, 'never-kind.xlsx'))).toThrow();
  });
});
