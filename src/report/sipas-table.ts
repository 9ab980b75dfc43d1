/**
 * SIPAS results as terminal tables: one table per league in rank order with the counts of forms,
 * the index and each top-level node (factor or part); the pooled `ALL` row closes the output.
 * Question-level figures are in the CSV and JSON outputs.
 */
import { fmt, type OutputFormat } from '../scoring/result-json.js';
import { renderTextTable, type Align } from './text-table.js';
import type { SipasResult, SipasUnitResult } from '../sipas/result.js';
import { groupBy } from '../order/group-by.js';

/** Renders a SIPAS result as text tables. */
export function surveyResultText(result: SipasResult, f: OutputFormat = result.settings): string {
  const top = result.definition.top;
  const header = ['Rank', 'Unit', ...(result.hasUnits ? ['Name'] : []), 'SIPAS', ...top.map((t) => t.code), 'Forms', 'Valid', 'Invalid', 'Skipped'];
  const align: Align[] = ['right', 'left', ...(result.hasUnits ? ['left' as const] : []), 'right', ...top.map(() => 'right' as const), 'right', 'right', 'right', 'right'];
  const line = (u: SipasUnitResult) => [u.rank, u.unit, ...(result.hasUnits ? [u.name ?? null] : []), fmt(u.index, f), ...top.map((t) => fmt(u.nodes.get(t.code) ?? null, f)), u.forms, u.valid, u.invalid, u.skipped];
  const leagues = groupBy(result.units, (u) => u.rankGroup ?? '');
  const out: string[] = [];
  const legend = top.map((t) => `${t.code} = ${t.title || t.code}`).join('; ');
  for (const [league, units] of leagues) {
    if (league) out.push(`League ${league} — ${units.length} units\n`);
    out.push(renderTextTable([header, ...units.map(line)], align));
  }
  out.push(renderTextTable([header, line(result.all)], align));
  if (legend) out.push(`${legend}\n`);
  return out.join('\n');
}
