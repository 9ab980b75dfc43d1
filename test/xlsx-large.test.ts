/**
 * A 100,000-row evidence workbook is streamed (exceljs's streaming reader, row by row) and read
 * exactly: every row, every number, and the scores that follow from them. Peak memory is measured
 * by hand (docs/spreadsheets.md), never asserted; there are no timing assertions.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildFramework } from '../src/criteria/framework.js';
import { buildInputs } from '../src/criteria/evidence.js';
import { buildUnits } from '../src/criteria/units.js';
import { parseCsvTable } from '../src/table/csv.js';
import { iterateWorkbookRows, readWorkbookTables } from '../src/node/xlsx-read.js';
import { loadExcelJS } from '../src/xlsx/load-exceljs.js';
import { scoreMatrix } from '../src/scoring/score.js';
import { tempDir } from './support/xlsx.js';

const LEAVES = 50;
const UNITS = 2000; // × 50 leaves = 100,000 evidence rows
const dir = tempDir('parindex-large-');
const path = join(dir, 'evidence-100k.xlsx');

/** The value unit u gives leaf j (points out of 2, in quarters; some NA, some unappraised). */
const appraised = (u: number, j: number) => ((u * 7 + j * 3) % 9) / 4;
const selfOf = (u: number, j: number) => Math.min(2, appraised(u, j) + 0.25);
const isNA = (u: number, j: number) => (u + j) % 17 === 0;
const unappraised = (u: number, j: number) => (u * j) % 11 === 1;

async function writeLarge(): Promise<void> {
  const ExcelJS = await loadExcelJS();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: false });
  const ws = wb.addWorksheet('evidence');
  ws.addRow(['unit', 'criterion', 'self', 'appraised', 'evidence', 'note']).commit();
  for (let u = 0; u < UNITS; u++) {
    for (let j = 0; j < LEAVES; j++) {
      const na = isNA(u, j);
      ws.addRow([`u${u}`, `1.${j + 1}`, na ? 'NA' : selfOf(u, j), na ? 'NA' : unappraised(u, j) ? null : appraised(u, j), `CV ${u}-${j}`, null]).commit();
    }
  }
  ws.commit();
  await wb.commit();
}

describe('large workbooks stream', () => {
  it('reads a 100,000-row evidence sheet exactly and scores it', async () => {
    await writeLarge();
    const { tables } = await readWorkbookTables(path, 'evidence');
    const t = tables[0];
    expect(t.rows).toHaveLength(UNITS * LEAVES);
    const cellsOf = (u: number, j: number) => {
      const na = isNA(u, j);
      return [`u${u}`, `1.${j + 1}`, na ? 'NA' : String(selfOf(u, j)), na ? 'NA' : unappraised(u, j) ? '' : String(appraised(u, j)), `CV ${u}-${j}`, ''];
    };
    expect(t.rows[0]).toEqual({ row: 2, cells: ['u0', '1.1', 'NA', 'NA', 'CV 0-0', ''] });
    expect(t.rows[1]).toEqual({ row: 3, cells: ['u0', '1.2', '1', '0.75', 'CV 0-1', ''] });
    // Every row, exactly.
    let bad = 0;
    for (let u = 0; u < UNITS; u++)
      for (let j = 0; j < LEAVES; j++) {
        const r = t.rows[u * LEAVES + j];
        if (r.row !== u * LEAVES + j + 2 || r.cells.join('|') !== cellsOf(u, j).join('|')) bad++;
      }
    expect(bad).toBe(0);

    const fw = buildFramework(parseCsvTable(['code,title,max,rule', '1,Area,,', ...Array.from({ length: LEAVES }, (_, j) => `1.${j + 1},leaf ${j + 1},2,points`)].join('\n')));
    const units = buildUnits(parseCsvTable(['unit,name,group', ...Array.from({ length: UNITS }, (_, u) => `u${u},Unit ${u},g`)].join('\n')));
    const result = scoreMatrix(fw, units, buildInputs(fw, units, { evidence: tables }));
    // Hand-computed expectations for a few units (quarters: exact in binary and in decimal).
    for (const u of [0, 1, 17, 999, UNITS - 1]) {
      let pts = 0;
      let max = 0;
      for (let j = 0; j < LEAVES; j++) {
        if (isNA(u, j)) continue;
        max += 2;
        pts += unappraised(u, j) ? selfOf(u, j) : appraised(u, j);
      }
      const r = result.units.find((x) => x.unit === `u${u}`)!;
      expect(r.points.toString()).toBe(String(pts));
      expect(r.max.toString()).toBe(String(max));
    }
  });

  it('iterateWorkbookRows streams the same rows without building a table', async () => {
    let n = 0;
    let header: string[] = [];
    let lastRow = 0;
    for await (const r of iterateWorkbookRows(path, 'evidence')) {
      if (r.header) header = r.cells;
      else n++;
      lastRow = r.row;
    }
    expect(header).toEqual(['unit', 'criterion', 'self', 'appraised', 'evidence', 'note']);
    expect(n).toBe(UNITS * LEAVES);
    expect(lastRow).toBe(UNITS * LEAVES + 1);
  });
});
