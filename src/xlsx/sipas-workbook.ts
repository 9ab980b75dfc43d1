/**
 * SIPAS results (`parindex sipas --format xlsx`) as a workbook:
 *
 * 1. `SIPAS <league>` (or `Kết quả SIPAS` without a units file) — per league in rank order: rank,
 *    unit (name, group), the SIPAS index, each factor's share, forms, valid, invalid, skipped.
 * 2. `Chi tiết câu hỏi` — every unit, then the pooled `ALL` row (bold): the index and the share of
 *    every factor and question, as the CSV has them.
 * 3. `Bộ câu hỏi` — the definition: code, text, factor or question, weight, optional, aggregate,
 *    responses column, and the share over all forms.
 * 4. `Thông tin` — the definition's name or file, decimals, rounding, ties, the pooled counts and
 *    how the figures are formed.
 *
 * Figures are the exact values rounded once to the output decimals (the same figures the CSV and
 * JSON print). Vietnamese labels unless `lang: 'en'`.
 */
import { groupBy } from '../order/group-by.js';
import type { Exact } from '../numbers/exact.js';
import type { Presentation } from '../report/presentation.js';
import { sipasReportWords } from '../report/sipas-report-words.js';
import type { OutputFormat } from '../scoring/result-json.js';
import type { SipasResult, SipasUnitResult } from '../sipas/result.js';
import { VERSION } from '../version.js';
import { type HandoverSheet, handoverWorkbook, type SheetCell } from './handover-sheet.js';
import { exactCell, roundedNumber } from './write.js';

/** Options of {@link sipasResultWorkbook}. */
export interface SipasWorkbookOptions extends Presentation {
  /** Title in every page header (default the SIPAS title in the language). */
  title?: string;
}

const range = (from: number, to: number) => new Set(Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i));

/** The SIPAS result as xlsx bytes (see the module comment for its sheets). */
export function sipasResultWorkbook(result: SipasResult, f: OutputFormat = result.settings, opts: SipasWorkbookOptions = {}): Promise<Uint8Array> {
  const lang = opts.lang === 'en' ? 'en' : 'vi';
  const w = sipasReportWords(lang);
  const n = (x: Exact | null) => roundedNumber(x, f.decimals, f.rounding);
  const def = result.definition;
  const top = def.top;
  const withUnits = result.hasUnits;
  const sheets: HandoverSheet[] = [];
  const idCols = (u: SipasUnitResult): SheetCell[] => [u.unit, ...(withUnits ? [u.name ?? null, u.group ?? null] : [])];
  const idHead = [w.unit, ...(withUnits ? [w.name, w.group] : [])];

  const leagues = groupBy(result.units, (u) => u.rankGroup ?? '');
  for (const [league, units] of leagues) {
    const header = [w.rank, ...idHead, w.index, ...top.map((t) => t.code), w.forms, w.valid, w.invalid, w.skipped];
    const first = 1 + idHead.length;
    const rows = units.map((u) => [u.rank, ...idCols(u), n(u.index), ...top.map((t) => n(u.nodes.get(t.code) ?? null)), u.forms, u.valid, u.invalid, u.skipped]);
    const notes = new Map(top.map((t, i) => [first + 1 + i, `${t.code}. ${t.title || t.code}`]));
    sheets.push({ name: league ? w.leagueSheet(league) : w.resultSheet, header, rows, numberCols: range(first, first + 1 + top.length), notes, frozenCols: 1 + idHead.length });
  }

  const codes = def.nodes.map((x) => x.code);
  const detailHead = [...(withUnits ? [w.rankGroup] : []), w.rank, ...idHead, w.index, w.forms, w.valid, w.invalid, w.skipped, ...codes];
  const lead = (withUnits ? 1 : 0) + 1 + idHead.length;
  const detailRow = (u: SipasUnitResult, pooled: boolean): SheetCell[] => [
    ...(withUnits ? [pooled ? null : (u.rankGroup ?? null)] : []),
    u.rank,
    ...(pooled ? [`${u.unit} (${w.pooled})`, ...(withUnits ? [null, null] : [])] : idCols(u)),
    n(u.index),
    u.forms,
    u.valid,
    u.invalid,
    u.skipped,
    ...codes.map((c) => n(u.nodes.get(c) ?? null)),
  ];
  const detailRows = [...result.units.map((u) => detailRow(u, false)), detailRow(result.all, true)];
  const numberCols = new Set([lead, ...range(lead + 5, lead + 5 + codes.length)]);
  const detailNotes = new Map(def.nodes.map((x, i) => [lead + 5 + i, `${x.code}. ${x.title || x.code}`]));
  sheets.push({ name: w.detailSheet, header: detailHead, rows: detailRows, numberCols, notes: detailNotes, frozenCols: lead, boldRows: new Set([detailRows.length - 1]) });

  const defRows = def.nodes.map((x): SheetCell[] => [
    x.code,
    x.title,
    x.isLeaf ? w.question : w.factor,
    x.weightText ? exactCell(x.weightText) : 1,
    x.isLeaf && x.optional ? w.yes : null,
    x.isLeaf ? null : x.aggregateText || 'mean',
    x.isLeaf ? x.columnText || x.code : null,
    n(result.all.nodes.get(x.code) ?? null),
  ]);
  sheets.push({ name: w.definitionSheet, header: [w.code, w.text, w.kind, w.weight, w.optional, w.aggregate, w.column, w.share], rows: defRows, numberCols: new Set([7]), frozenCols: 1 });

  const all = result.all;
  const info: SheetCell[][] = [
    [w.definition, def.name ?? def.source?.file ?? ''],
    [w.decimals, f.decimals],
    [w.rounding, f.rounding],
    [w.ties, result.settings.ties],
    [`${w.pooled}: ${w.forms.toLowerCase()}`, all.forms],
    [`${w.pooled}: ${w.valid.toLowerCase()}`, all.valid],
    [`${w.pooled}: ${w.invalid.toLowerCase()}`, all.invalid],
    [`${w.pooled}: ${w.skipped.toLowerCase()}`, all.skipped],
    [w.pooled, w.pooledNote],
    [w.share, w.how],
    ['parindex', VERSION],
  ];
  sheets.push({ name: w.infoSheet, header: [w.setting, w.value], rows: info });
  return handoverWorkbook({ title: opts.title ?? w.title, decimals: f.decimals, lang }, sheets);
}
