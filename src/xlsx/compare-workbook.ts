/**
 * A comparison (`parindex compare --format xlsx`) as a workbook:
 *
 * 1. `So sánh <league>` — one sheet per league: new rank, unit, name, old and new index, change,
 *    old and new rank, rank change, note, and (when both files printed area points) each area's
 *    change of points.
 * 2. `Tăng giảm nhiều nhất` — per league the largest rises and falls.
 * 3. `Điểm lĩnh vực` — when area points are compared: per unit and area, old and new points and the
 *    change.
 * 4. `Tổng hợp` — per league: units compared, mean change, rank up/down/same, units in one file
 *    only, and the mean change of each area.
 * 5. `Thông tin` — the two files, decimals and rounding, movers listed, and the note when area
 *    points are not compared.
 *
 * Figures are the exact values rounded once to the output decimals (the same figures the text, CSV
 * and JSON print), changes with a signed number format. Vietnamese labels unless `lang: 'en'`.
 */
import type { Comparison, UnitComparison } from '../analysis/compare.js';
import type { Exact } from '../numbers/exact.js';
import { unitNote } from '../report/compare-output.js';
import { compareWords } from '../report/compare-words.js';
import type { Presentation } from '../report/presentation.js';
import type { OutputFormat } from '../scoring/result-json.js';
import { VERSION } from '../version.js';
import { type HandoverSheet, handoverWorkbook, type SheetCell } from './handover-sheet.js';
import { roundedNumber } from './write.js';

/** Options of {@link comparisonWorkbook}. */
export interface ComparisonWorkbookOptions extends Presentation {
  /** Title in every page header (default the comparison's title in the language). */
  title?: string;
}

const range = (from: number, to: number) => new Set(Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i));

/** The comparison as xlsx bytes (see the module comment for its sheets). */
export function comparisonWorkbook(c: Comparison, f: OutputFormat, opts: ComparisonWorkbookOptions = {}): Promise<Uint8Array> {
  const lang = opts.lang === 'en' ? 'en' : 'vi';
  const w = compareWords(lang);
  const p: Presentation = { lang };
  const n = (x: Exact | null) => roundedNumber(x, f.decimals, f.rounding);
  const areas = c.areas ?? [];
  const sheets: HandoverSheet[] = [];

  for (const [g] of c.leagues) {
    const header = [w.newRank, w.unit, w.name, w.oldIndex, w.newIndex, w.change, w.oldRank, w.rankChange, w.note, ...areas.map((a) => w.areaChange(a))];
    const rows: SheetCell[][] = c.units
      .filter((u) => u.rankGroup === g)
      .map((u) => [u.newRank, u.unit, u.name, n(u.oldIndex), n(u.newIndex), n(u.change), u.oldRank, u.rankChange, unitNote(u, p), ...areas.map((a) => n(u.areas?.get(a)?.change ?? null))]);
    const notes = new Map(areas.map((a, i) => [9 + i, `${w.area(a)}: ${w.areaNew(a)} − ${w.areaOld(a)}`]));
    notes.set(7, w.rankChangeNote);
    sheets.push({ name: w.leagueSheet(g || '-'), header, rows, numberCols: new Set([3, 4]), changeCols: new Set([5, ...range(9, 9 + areas.length)]), signedIntCols: new Set([7]), notes, frozenCols: 3 });
  }

  const moverRows: SheetCell[][] = [];
  const mover = (g: string, dir: string, u: UnitComparison, i: number): SheetCell[] => [g, dir, i + 1, u.unit, u.name, n(u.oldIndex), n(u.newIndex), n(u.change), u.oldRank, u.newRank, u.rankChange];
  for (const [g, l] of c.leagues) {
    l.risers.forEach((u, i) => moverRows.push(mover(g, w.risers, u, i)));
    l.fallers.forEach((u, i) => moverRows.push(mover(g, w.fallers, u, i)));
  }
  sheets.push({
    name: w.moversSheet,
    header: [w.rankGroup, w.direction, w.order, w.unit, w.name, w.oldIndex, w.newIndex, w.change, w.oldRank, w.newRank, w.rankChange],
    rows: moverRows,
    numberCols: new Set([5, 6]),
    changeCols: new Set([7]),
    signedIntCols: new Set([10]),
    frozenCols: 5,
  });

  if (c.areas) {
    const rows: SheetCell[][] = [];
    for (const u of c.units)
      for (const a of areas) {
        const x = u.areas?.get(a);
        rows.push([u.rankGroup, u.unit, u.name, w.area(a), n(x?.old ?? null), n(x?.new ?? null), n(x?.change ?? null)]);
      }
    sheets.push({ name: w.areasSheet, header: [w.rankGroup, w.unit, w.name, w.areaLabel, w.oldPoints, w.newPoints, w.change], rows, numberCols: new Set([4, 5]), changeCols: new Set([6]), frozenCols: 3 });
  }

  const summary: SheetCell[][] = [...c.leagues].map(([g, l]) => [g, l.compared, n(l.meanChange), l.up, l.down, l.same, l.onlyOld, l.onlyNew, ...areas.map((a) => n(l.areaMeanChange?.get(a) ?? null))]);
  sheets.push({
    name: w.summarySheet,
    header: [w.rankGroup, w.compared, w.meanChange, w.up, w.down, w.same, w.onlyOld, w.onlyNew, ...areas.map((a) => `${w.areaShort(a)}: ${w.meanChange.toLowerCase()}`)],
    rows: summary,
    changeCols: new Set([2, ...range(8, 8 + areas.length)]),
  });

  const info: SheetCell[][] = [
    [w.oldFile, c.oldFile ?? ''],
    [w.newFile, c.newFile ?? ''],
    [w.decimals, f.decimals],
    [w.rounding, f.rounding],
    [w.top, c.top > 0 ? c.top : w.all],
    ...(c.areasMissing ? [[w.note, w.areasMissing[c.areasMissing]]] : []),
    [w.rankChange, w.rankChangeNote],
    ['parindex', VERSION],
  ];
  sheets.push({ name: w.infoSheet, header: [w.setting, w.value], rows: info });
  return handoverWorkbook({ title: opts.title ?? w.title, decimals: f.decimals, lang }, sheets);
}
