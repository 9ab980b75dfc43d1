/**
 * Writing a {@link Comparison} (`parindex compare`) as JSON, CSV or terminal text. Figures are
 * printed at the files' own decimals unless the output format says otherwise; changes are signed
 * (`+0.12`, `-1.05` in text; plain `-1.05` / `0.12` in JSON and CSV). A rank change is old rank −
 * new rank: positive = moved up.
 */
import type { Comparison } from '../analysis/compare.js';
import type { Exact } from '../numbers/exact.js';
import { toCsv, type CsvWriteOptions } from './csv-write.js';
import { fmt, type OutputFormat } from '../scoring/result-json.js';
import { renderTextTable } from './text-table.js';

const signed = (x: Exact | null, f: OutputFormat) => {
  const t = fmt(x, f);
  return t === null || t.startsWith('-') || /^0(\.0*)?$/.test(t) ? t : `+${t}`;
};
const signedInt = (n: number | null) => (n === null ? null : n > 0 ? `+${n}` : String(n));

/** The JSON document of a comparison. */
export function comparisonJson(c: Comparison, f: OutputFormat) {
  return {
    old: c.oldFile ?? null,
    new: c.newFile ?? null,
    units: c.units.map((u) => ({
      unit: u.unit,
      name: u.name,
      rankGroup: u.rankGroup,
      status: u.status,
      leagueChanged: u.leagueChanged,
      oldIndex: fmt(u.oldIndex, f),
      newIndex: fmt(u.newIndex, f),
      change: fmt(u.change, f),
      oldRank: u.oldRank,
      newRank: u.newRank,
      rankChange: u.rankChange,
    })),
    leagues: Object.fromEntries([...c.leagues].map(([g, l]) => [g, { ...l, meanChange: fmt(l.meanChange, f) }])),
  };
}

/** The CSV rows (header first): one row per unit. */
export function comparisonRows(c: Comparison, f: OutputFormat): (string | number | null)[][] {
  const header = ['rankGroup', 'unit', 'name', 'status', 'oldIndex', 'newIndex', 'change', 'oldRank', 'newRank', 'rankChange'];
  return [header, ...c.units.map((u) => [u.rankGroup, u.unit, u.name, u.status, fmt(u.oldIndex, f), fmt(u.newIndex, f), fmt(u.change, f), u.oldRank, u.newRank, u.rankChange])];
}

/** The comparison as CSV text. */
export function comparisonCsv(c: Comparison, f: OutputFormat, opts: CsvWriteOptions = {}): string {
  return toCsv(comparisonRows(c, f), opts);
}

/** The comparison as terminal text: one table per league with its summary. */
export function comparisonText(c: Comparison, f: OutputFormat): string {
  const out: string[] = [`Compare ${c.oldFile ?? 'old'} → ${c.newFile ?? 'new'}\n`];
  for (const [g, l] of [...c.leagues]) {
    const only = [l.onlyNew ? `${l.onlyNew} only in new` : '', l.onlyOld ? `${l.onlyOld} only in old` : ''].filter(Boolean).join(', ');
    out.push(`League ${g || '(none)'} — ${l.compared} units compared, mean change ${signed(l.meanChange, f) ?? '—'}; rank up ${l.up}, down ${l.down}, same ${l.same}${only ? `; ${only}` : ''}\n`);
    const rows = c.units
      .filter((u) => u.rankGroup === g)
      .map((u) => [u.newRank, u.unit, u.name, fmt(u.oldIndex, f), fmt(u.newIndex, f), signed(u.change, f), u.oldRank, signedInt(u.rankChange), u.status === 'both' ? (u.leagueChanged ? 'league changed' : '') : u.status]);
    out.push(renderTextTable([['Rank', 'Unit', 'Name', 'Old', 'New', 'Change', 'Old rank', 'Rank change', 'Note'], ...rows], ['right', 'left', 'left', 'right', 'right', 'right', 'right', 'right', 'left']));
  }
  return out.join('\n');
}
