/**
 * Speed of the xlsx reader over bytes (`src/xlsx/`) against the exceljs-based reader on a
 * 100,000-row evidence sheet (the workbook `xlsx-large.test.ts` writes). Skipped unless
 * `XLSX_BYTES_SPEED=1`: it prints timings (min / median of alternating runs in one process) and
 * asserts only that both readers return the same table.
 *
 *   XLSX_BYTES_SPEED=1 npx vitest run test/xlsx-bytes-speed.test.ts
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { iterateWorkbookRows, readWorkbookTables } from '../src/testing/exceljs-reader.js';
import { loadExcelJS } from '../src/xlsx/load-exceljs.js';
import { iterateXlsxRows, readXlsxTables } from '../src/xlsx/read.js';
import { tempDir } from './support/xlsx.js';

const RUNS = Number(process.env.XLSX_BYTES_RUNS ?? 5);

/** The 100,000-row evidence workbook of xlsx-large.test.ts; `styled` puts a number format on every score cell (half `0.0%`). */
async function writeLarge(path: string, styled: boolean): Promise<void> {
  const ExcelJS = await loadExcelJS();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: styled });
  const ws = wb.addWorksheet('evidence');
  ws.addRow(['unit', 'criterion', 'self', 'appraised', 'evidence', 'note']).commit();
  for (let u = 0; u < 2000; u++) {
    for (let j = 0; j < 50; j++) {
      const a = ((u * 7 + j * 3) % 9) / 4;
      const na = (u + j) % 17 === 0;
      const row = ws.addRow([`u${u}`, `1.${j + 1}`, na ? 'NA' : Math.min(2, a + 0.25), na ? 'NA' : (u * j) % 11 === 1 ? null : a, `CV ${u}-${j}`, null]);
      if (styled) for (const c of [3, 4]) row.getCell(c).numFmt = (u + j) % 2 ? '0.0%' : '0.00';
      row.commit();
    }
  }
  ws.commit();
  await wb.commit();
}

const ms = (t: number) => `${t.toFixed(0)} ms`;
const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return `min ${ms(s[0])}, median ${ms(s[s.length >> 1])}`;
};

describe.skipIf(!process.env.XLSX_BYTES_SPEED)('speed on 100,000 rows', () => {
  for (const styled of [false, true]) {
    it(`readWorkbookTables (exceljs) vs readXlsxTables (bytes)${styled ? ', number formats on the score cells' : ''}`, async () => {
      const path = join(tempDir('parindex-xlsx-speed-'), `large-${styled}.xlsx`);
      await writeLarge(path, styled);
      const old: number[] = [];
      const now: number[] = [];
      const oldIter: number[] = [];
      const nowIter: number[] = [];
      let a: unknown;
      let b: unknown;
      for (let i = 0; i < RUNS; i++) {
        let t = performance.now();
        a = await readWorkbookTables(path, 'evidence', { progress: false });
        old.push(performance.now() - t);
        t = performance.now();
        b = readXlsxTables(new Uint8Array(readFileSync(path)), 'evidence', { file: path });
        now.push(performance.now() - t);
        t = performance.now();
        let n = 0;
        for await (const _ of iterateWorkbookRows(path, 'evidence', { progress: false })) n++;
        oldIter.push(performance.now() - t);
        t = performance.now();
        let m = 0;
        for (const _ of iterateXlsxRows(new Uint8Array(readFileSync(path)), 'evidence', { file: path })) m++;
        nowIter.push(performance.now() - t);
        expect(m).toBe(n);
      }
      expect(b).toEqual(a);
      console.log(`${styled ? 'styled' : 'plain'}: tables exceljs ${stats(old)}; bytes ${stats(now)} | rows exceljs ${stats(oldIter)}; bytes ${stats(nowIter)}`);
    }, 600_000);
  }
});
