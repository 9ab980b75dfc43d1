/**
 * The results workbook's streamed league and self-vs-appraised sheets (rows as bytes, figures from
 * the kernel's totals) hold the cells, formats and widths of the workbook through exceljs's cell model
 * (`scoreResultWorkbookModel`, figures from the exact values) on generated rounds whose figures take
 * every path: one denominator, denominator classes (the exact values), clamped indices, 0 to 12
 * decimals, both roundings.
 */
import { describe, expect, it } from 'vitest';
import { type ScoreOptions, scoreMatrix } from '../src/scoring/score.js';
import { totalsOf } from '../src/scoring/result-totals.js';
import { syntheticRound } from '../src/testing/round-gen.js';
import { loadExcelJS } from '../src/xlsx/load-exceljs.js';
import { type ResultsWorkbookContext, scoreResultWorkbook, scoreResultWorkbookModel } from '../src/xlsx/results-workbook.js';

async function sheetsOf(bytes: Uint8Array) {
  const ExcelJS = await loadExcelJS();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as never);
  return wb.worksheets.map((ws) => {
    const cells: string[] = [];
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      row.eachCell({ includeEmpty: true }, (c, i) => {
        if ((c.value === null || c.value === '') && !c.border) return;
        cells.push(JSON.stringify([r, i, c.value, c.numFmt ?? null, c.font?.bold ?? null, c.border?.top?.style ?? null]));
      });
    });
    return { name: ws.name, cells, columns: (ws.columns ?? []).map((c) => [c.width ?? null, c.hidden ?? false]) };
  });
}

describe('results workbook figures: streamed rows from the totals equal the cell model from exact values', () => {
  it('generated rounds, every path of the figures', async () => {
    const cases: { spec: Parameters<typeof syntheticRound>[0]; opts: ScoreOptions }[] = [
      { spec: { units: 120, criteria: 30, seed: 21 }, opts: {} },
      { spec: { units: 90, criteria: 25, seed: 22 }, opts: { decimals: 0, rounding: 'half-even' } },
      { spec: { units: 90, criteria: 30, seed: 23 }, opts: { clamp: true, decimals: 3 } },
      { spec: { units: 60, criteria: 30, seed: 24, targets: 'coprime' }, opts: { decimals: 12 } },
    ];
    let fast = 0;
    for (const { spec, opts } of cases) {
      const gen = syntheticRound(spec);
      const fw = gen.framework();
      const units = gen.units();
      const inputs = gen.inputs(fw, units);
      const result = scoreMatrix(fw, units, inputs, opts);
      const t = totalsOf(result);
      if (t?.path === 'fast' && !t.extra) fast++;
      const ctx: ResultsWorkbookContext = { inputs, audit: 'none', lang: 'en' };
      const model = await sheetsOf(await scoreResultWorkbookModel(result, ctx));
      const streamed = await sheetsOf(await scoreResultWorkbook(result, ctx));
      expect(streamed.map((s) => s.name)).toEqual(model.map((s) => s.name));
      for (let i = 0; i < model.length; i++) expect(streamed[i], `${JSON.stringify(spec)}: sheet ${model[i].name}`).toEqual(model[i]);
      // The self-vs-appraised sheet has a row per unit, and figures in it.
      const sides = model.find((s) => s.name === 'Self and appraised')!;
      expect(sides.cells.filter((c) => typeof JSON.parse(c)[2] === 'number').length).toBeGreaterThan(units.list.length * 5);
    }
    expect(fast).toBeGreaterThanOrEqual(3);
  });
});
