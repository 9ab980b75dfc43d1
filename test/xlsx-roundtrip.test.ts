/**
 * The same round from CSV and from xlsx scores identically: the sample's framework (with a settings
 * sheet), units, evidence and survey results as workbooks — numeric cells, text cells, one combined
 * workbook, the wide layout — all equal expected-score.json. Text cells with decimal commas go
 * through --decimal-comma exactly like CSV cells.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sampleTables } from '../src/data/sample.js';
import { loadFramework } from '../src/node/files.js';
import { scoreResultJson } from '../src/scoring/result-json.js';
import { loadRound } from '../src/node/round.js';
import { scoreMatrix } from '../src/scoring/score.js';
import { SAMPLE, sampleText } from './support/round.js';
import { asSheetValues, tableRows, tempDir, writeWorkbook } from './support/xlsx.js';

const expected = JSON.parse(sampleText('expected-score.json'));
const dir = tempDir('parindex-roundtrip-');
const t = sampleTables();
const csvFiles = { framework: join(SAMPLE, 'framework.csv'), units: join(SAMPLE, 'units.csv'), evidence: join(SAMPLE, 'evidence.csv'), survey: join(SAMPLE, 'survey.csv') };
const scoreOf = async (files: Parameters<typeof loadRound>[0], opts: Parameters<typeof loadRound>[1] = {}) => {
  const r = await loadRound(files, opts);
  return scoreResultJson(scoreMatrix(r.framework, r.units, r.inputs));
};

describe('CSV ↔ xlsx', () => {
  it('the sample from CSV equals expected-score.json (reference)', async () => {
    expect(await scoreOf(csvFiles)).toEqual(expected);
  });

  it('each file as its own workbook, numbers as numeric cells, scores exactly like the CSV files', async () => {
    const fw = await writeWorkbook(join(dir, 'framework.xlsx'), [
      { name: 'criteria', rows: asSheetValues(tableRows(t.framework), [2]) },
      {
        name: 'settings',
        rows: [
          ['key', 'value'],
          ['decimals', 2],
          ['ties', 'competition'],
          ['rounding', 'half-up'],
        ],
      },
    ]);
    const units = await writeWorkbook(join(dir, 'units.xlsx'), [{ name: 'đơn vị', rows: tableRows(t.units) }]);
    const ev = await writeWorkbook(join(dir, 'evidence.xlsx'), [{ name: 'Sheet1', rows: asSheetValues(tableRows(t.evidence), [2, 3]) }]);
    const sv = await writeWorkbook(join(dir, 'survey.xlsx'), [{ name: 'survey', rows: asSheetValues(tableRows(t.survey), [2]) }]);
    expect(await scoreOf({ framework: fw, units, evidence: ev, survey: sv })).toEqual(expected);
    const framework = await loadFramework(fw);
    expect(framework.settings).toEqual({ decimals: 2, ties: 'competition', rounding: 'half-up' });
    expect(framework.leaves).toHaveLength(56);
  });

  it('one workbook holding every table (Vietnamese sheet names and headers), text cells only', async () => {
    const vn = (rows: string[][], labels: Record<string, string>) => [rows[0].map((h) => labels[h] ?? h), ...rows.slice(1)];
    const all = await writeWorkbook(join(dir, 'round.xlsx'), [
      { name: 'Tiêu chí', rows: vn(tableRows(t.framework), { code: 'Mã tiêu chí', title: 'Tên tiêu chí', max: 'Điểm tối đa', method: 'Phương pháp', rule: 'Cách chấm', params: 'Tham số', groups: 'Nhóm áp dụng' }) },
      { name: 'Đơn vị', rows: vn(tableRows(t.units), { unit: 'Mã đơn vị', name: 'Tên đơn vị', group: 'Nhóm', rankGroup: 'Khối' }) },
      { name: 'Đánh giá', rows: vn(tableRows(t.evidence), { unit: 'Đơn vị', criterion: 'Mã tiêu chí', self: 'Điểm tự chấm', appraised: 'Điểm thẩm định', evidence: 'Tài liệu kiểm chứng', note: 'Ghi chú' }) },
      { name: 'Điều tra', rows: vn(tableRows(t.survey), { unit: 'Đơn vị', criterion: 'Mã tiêu chí', score: 'Điểm điều tra' }) },
      { name: 'Hướng dẫn', rows: [['Bảng tính mẫu']] },
    ]);
    expect(await scoreOf({ framework: all, units: all, evidence: all, survey: all })).toEqual(expected);
  });

  it('evidence split over one sheet per league scores the same', async () => {
    const unitsByLeague = new Map(t.units.rows.map((r) => [r.cells[0], r.cells[3]]));
    const rows = tableRows(t.evidence);
    const league = (l: string) => [rows[0], ...rows.slice(1).filter((r) => unitsByLeague.get(r[0]) === l)];
    const ev = await writeWorkbook(join(dir, 'evidence-leagues.xlsx'), [
      { name: 'Đánh giá so', rows: asSheetValues(league('so'), [2, 3]) },
      { name: 'Đánh giá quan-huyen', rows: asSheetValues(league('quan-huyen'), [2, 3]) },
    ]);
    expect(await scoreOf({ ...csvFiles, evidence: ev })).toEqual(expected);
  });

  it('the wide layout in a workbook (a column per criterion, "<code> (self)" columns) scores the same', async () => {
    const codes = [...new Set(t.evidence.rows.map((r) => r.cells[1]))];
    const units = [...new Set(t.evidence.rows.map((r) => r.cells[0]))];
    const cell = new Map(t.evidence.rows.map((r) => [`${r.cells[0]} ${r.cells[1]}`, r.cells]));
    const header = ['unit', ...codes.flatMap((c) => [c, `${c} (self)`])];
    const rows = units.map((u) => [u, ...codes.flatMap((c) => [cell.get(`${u} ${c}`)?.[3] ?? '', cell.get(`${u} ${c}`)?.[2] ?? ''])]);
    const ev = await writeWorkbook(join(dir, 'wide.xlsx'), [{ name: 'evidence', rows: asSheetValues([header, ...rows], header.map((_, i) => i).slice(1)) }]);
    expect(await scoreOf({ ...csvFiles, evidence: ev })).toEqual(expected);
  });

  it('decimal commas in text cells: an error without --decimal-comma, the same scores with it', async () => {
    const rows = tableRows(t.evidence).map((r, i) => (i === 0 ? r : r.map((c, j) => (j >= 2 && j <= 3 ? c.replace('.', ',') : c))));
    expect(rows.some((r) => r[2].includes(','))).toBe(true);
    const ev = await writeWorkbook(join(dir, 'comma.xlsx'), [{ name: 'evidence', rows }]);
    const err = await loadRound({ ...csvFiles, evidence: ev }).catch((e) => e);
    expect(err.issues[0]).toMatchObject({ file: ev, sheet: 'evidence', code: 'bad-input' });
    expect(err.issues[0].expected).toMatch(/--decimal-comma/);
    // Under the flag every text cell of the run takes the comma: the point CSV framework and survey
    // are refused, so here the framework is the built-in one and the survey a sheet of number cells.
    const sv = await writeWorkbook(join(dir, 'survey-numbers.xlsx'), [{ name: 'survey', rows: asSheetValues(tableRows(t.survey), [2]) }]);
    expect(await scoreOf({ ...csvFiles, framework: 'hanoi-2021', evidence: ev, survey: sv }, { decimalComma: true })).toEqual(expected);
  });

  it('a numeric cell keeps its shortest text: 0.1 + 0.2 style values stay exact', async () => {
    const fw = await writeWorkbook(join(dir, 'fw-small.xlsx'), [
      {
        name: 'criteria',
        rows: [
          ['code', 'title', 'max', 'rule'],
          ['1', 'A', null, null],
          ['1.1', 'a', 0.3, 'points'],
          ['1.2', 'b', 0.7, 'points'],
        ],
      },
    ]);
    const units = await writeWorkbook(join(dir, 'u-small.xlsx'), [
      {
        name: 'units',
        rows: [
          ['unit', 'name', 'group'],
          ['u', 'U', 'g'],
        ],
      },
    ]);
    const ev = await writeWorkbook(join(dir, 'e-small.xlsx'), [
      {
        name: 'evidence',
        rows: [
          ['unit', 'criterion', 'self', 'appraised'],
          ['u', '1.1', 0.1, 0.1],
          ['u', '1.2', 0.2, 0.2],
        ],
      },
    ]);
    const r = await loadRound({ framework: fw, units, evidence: ev });
    const res = scoreMatrix(r.framework, r.units, r.inputs);
    expect(res.units[0].points.toString()).toBe('0.3'); // not 0.30000000000000004
    expect(res.units[0].index!.toString()).toBe('30');
  });
});
