/**
 * SIPAS from workbooks: a definition sheet `questions` and a responses sheet streamed row by row
 * (numeric cells read exactly), reproducing the sample; an error cell is a located problem or,
 * with skipBadRows, a skipped form.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ParIndexError } from '../src/errors.js';
import { parseCsvTable } from '../src/table/csv.js';
import { loadSurveyDefinition } from '../src/node/sipas-load.js';
import { surveyResultJsonText } from '../src/report/sipas-json.js';
import { scoreSurvey } from '../src/node/sipas-file.js';
import { sampleText } from './support/round.js';

const dir = mkdtempSync(join(tmpdir(), 'parindex-sipas-xlsx-'));

async function writeBook(path: string, sheets: Record<string, (string | number | null | { error: string })[][]>) {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    for (const r of rows) ws.addRow(r.map((c) => (c && typeof c === 'object' ? { error: c.error } : c)));
  }
  await wb.xlsx.writeFile(path);
}

/** Sample CSV table → rows with answers as numbers (as a council's workbook holds them). */
function sampleRows(file: string, numeric: boolean): (string | number | null)[][] {
  const t = parseCsvTable(sampleText(file));
  return [t.header, ...t.rows.map((r) => r.cells.map((c, i) => (numeric && i >= 2 && c !== '' ? Number(c) : c === '' ? null : c)))];
}

describe('SIPAS from xlsx', () => {
  it('a questions sheet and a streamed responses sheet reproduce expected-sipas.json', async () => {
    const q = join(dir, 'questions.xlsx');
    const r = join(dir, 'responses.xlsx');
    await writeBook(q, { questions: sampleRows('sipas-questions.csv', false) });
    await writeBook(r, { 'Phiếu khảo sát': sampleRows('sipas-responses.csv', true) });
    const def = await loadSurveyDefinition(q);
    expect(def.questions.length).toBe(22);
    const res = await scoreSurvey(def, r);
    expect(surveyResultJsonText(res)).toBe(sampleText('expected-sipas.json'));
  });

  it('an error cell stops with its sheet, row and column, or is skipped with skipBadRows', async () => {
    const def = await loadSurveyDefinition('sipas-2017');
    const rows = sampleRows('sipas-responses.csv', true).slice(0, 4) as (string | number | null | { error: string })[][];
    rows[2] = [...rows[2]];
    rows[2][5] = { error: '#N/A' };
    const r = join(dir, 'bad.xlsx');
    await writeBook(r, { responses: rows });
    const err = await scoreSurvey(def, r).catch((e) => e);
    expect(err).toBeInstanceOf(ParIndexError);
    expect((err as ParIndexError).issues[0]).toMatchObject({ sheet: 'responses', row: 3, columnLetter: 'F' });
    const ok = await scoreSurvey(def, r, { skipBadRows: true });
    expect([ok.all.forms, ok.all.skipped]).toEqual([3, 1]);
  });

  it('an error cell in a column no question reads (a note, a date) is ignored, as in CSV: the form counts', async () => {
    const def = await loadSurveyDefinition('sipas-2017');
    const rows = sampleRows('sipas-responses.csv', true).slice(0, 4) as (string | number | null | { error: string })[][];
    rows[0] = [...rows[0], 'ghi chú'];
    for (let i = 1; i < rows.length; i++) rows[i] = [...rows[i], i === 2 ? { error: '#N/A' } : 'ok'];
    const r = join(dir, 'ignored-error.xlsx');
    await writeBook(r, { responses: rows });
    const csvText = rows.map((row) => row.map((c) => (c && typeof c === 'object' ? c.error : (c ?? ''))).join(',')).join('\n');
    const fromCsv = await scoreSurvey(def, [Buffer.from(csvText)]);
    const res = await scoreSurvey(def, r);
    expect([res.all.forms, res.all.skipped]).toEqual([3, 0]);
    expect(surveyResultJsonText(res)).toBe(surveyResultJsonText(fromCsv));
    const skipping = await scoreSurvey(def, r, { skipBadRows: true });
    expect([skipping.all.forms, skipping.all.skipped]).toEqual([3, 0]);
    // In the unit column it still counts.
    rows[2] = [...rows[2]];
    rows[2][1] = { error: '#REF!' };
    const u = join(dir, 'unit-error.xlsx');
    await writeBook(u, { responses: rows });
    const err = await scoreSurvey(def, u).catch((e) => e);
    expect((err as ParIndexError).issues[0]).toMatchObject({ sheet: 'responses', row: 3, columnLetter: 'B', code: 'error-cell' });
  });

  it('header problems are located on the header row as Excel shows it (blank rows above)', async () => {
    const def = await loadSurveyDefinition('sipas-2017');
    const rows = sampleRows('sipas-responses.csv', true).slice(0, 3);
    const r = join(dir, 'low-header.xlsx');
    await writeBook(r, { responses: [[], [], [rows[0][0], rows[0][1], ...rows[0].slice(3)], ...rows.slice(1)] });
    const err = await scoreSurvey(def, r).catch((e) => e);
    expect(err).toBeInstanceOf(ParIndexError);
    expect((err as ParIndexError).issues[0]).toMatchObject({ sheet: 'responses', row: 3, code: 'missing-column' });
  });
});
