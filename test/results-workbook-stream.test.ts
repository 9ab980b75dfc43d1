/**
 * The results workbook as written (exceljs's streaming writer, with the long sheets' rows — league
 * tables, self vs appraised, audit — written as raw sheet XML) holds the same sheets, cells, number
 * formats, fonts, borders, alignments, merges and columns as the workbook with every row through
 * exceljs's cell model (`scoreResultWorkbookModel`, the reference), on the sample with last year's
 * results (signed changes, a centred "mới"), in both languages.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadResultFile } from '../src/node/result-load.js';
import { loadRound } from '../src/node/round.js';
import { scoreMatrix } from '../src/scoring/score.js';
import { loadExcelJS } from '../src/xlsx/load-exceljs.js';
import { type ResultsWorkbookContext, scoreResultWorkbook, scoreResultWorkbookModel } from '../src/xlsx/results-workbook.js';
import { SAMPLE, sampleText } from './support/round.js';
import { tempDir } from './support/xlsx.js';

const dir = tempDir('parindex-stream-book-');

async function sheetsOf(bytes: Uint8Array) {
  const ExcelJS = await loadExcelJS();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as never);
  return wb.worksheets.map((ws) => {
    const cells: string[] = [];
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      row.eachCell({ includeEmpty: true }, (c, i) => {
        // An empty text is a blank cell (the raw rows leave it out, exceljs's model writes it).
        if ((c.value === null || c.value === '') && !c.border) return;
        cells.push(JSON.stringify([r, i, c.value, c.numFmt ?? null, c.font?.bold ?? null, c.border?.top?.style ?? null, c.alignment?.horizontal ?? null, c.fill ? 'fill' : null]));
      });
    });
    const model = ws.model as unknown as { merges: string[] };
    return {
      name: ws.name,
      cells,
      merges: [...model.merges].sort(),
      columns: (ws.columns ?? []).map((c) => [c.width ?? null, c.hidden ?? false]),
      views: ws.views,
      autoFilter: ws.autoFilter ?? null,
    };
  });
}

describe('results workbook: the raw sheet rows equal exceljs’s cell model', () => {
  it('sample with last year’s results, Vietnamese and English', async () => {
    const r = await loadRound({ framework: join(SAMPLE, 'framework.csv'), units: join(SAMPLE, 'units.csv'), evidence: [join(SAMPLE, 'evidence.csv')], survey: join(SAMPLE, 'survey.csv') });
    const result = scoreMatrix(r.framework, r.units, r.inputs);
    const last = JSON.parse(sampleText('expected-score.json'));
    last.units = last.units.filter((u: { unit: string }) => u.unit !== 'thanh-tra');
    Object.assign(
      last.units.find((u: { unit: string }) => u.unit === 'tai-chinh'),
      { index: '88.00', rank: 3 },
    );
    const prevPath = join(dir, 'prev.json');
    writeFileSync(prevPath, JSON.stringify(last));
    const previous = await loadResultFile(prevPath);
    for (const lang of ['vi', 'en'] as const) {
      const ctx: ResultsWorkbookContext = { inputs: r.inputs, previous, lang, title: 'Chỉ số CCHC năm 2021' };
      const model = await sheetsOf(await scoreResultWorkbookModel(result, ctx));
      const streamed = await sheetsOf(await scoreResultWorkbook(result, ctx));
      expect(streamed.map((s) => s.name)).toEqual(model.map((s) => s.name));
      for (let i = 0; i < model.length; i++) {
        expect(streamed[i], `${lang}: sheet ${model[i].name}`).toEqual(model[i]);
      }
      // What the comparison covers: the league sheet's signed change format, the centred "mới", the bold index.
      const league = model[0].cells.map((c) => JSON.parse(c));
      expect(league.some((c) => c[3] === '+0.00;-0.00;0.00' && c[5] === 'thin')).toBe(true);
      expect(league.some((c) => (c[2] === 'mới' || c[2] === 'new') && c[6] === 'center')).toBe(true);
      expect(league.some((c) => typeof c[2] === 'number' && c[4] === true)).toBe(true);
      expect(model.length).toBeGreaterThanOrEqual(6);
    }
  });
});
