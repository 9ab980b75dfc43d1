/**
 * SIPAS results as terminal tables: one table per league in rank order with the counts of forms,
 * the index and each top-level node (factor or part); the pooled `ALL` row closes the output.
 * Question-level figures are in the CSV and JSON outputs. Words in the presentation's language
 * (Vietnamese by default), numbers in its style.
 */
import { sipasWords } from '../i18n/labels/sipas.js';
import { groupBy } from '../order/group-by.js';
import type { OutputFormat } from '../scoring/result-json.js';
import type { SipasResult, SipasUnitResult } from '../sipas/result.js';
import type { Presentation } from './presentation.js';
import { figureWriter } from './styled-number.js';
import { type Align, renderTextTable } from './text-table.js';

/** Renders a SIPAS result as text tables. */
export function surveyResultText(result: SipasResult, f: OutputFormat = result.settings, p: Presentation = {}): string {
  const w = sipasWords[p.lang ?? 'vi'];
  const t = w.table;
  const num = figureWriter(f, p.numberStyle);
  const top = result.definition.top;
  const header = [t.rank, t.unit, ...(result.hasUnits ? [t.name] : []), t.index, ...top.map((n) => n.code), t.forms, t.valid, t.invalid, t.skipped];
  const align: Align[] = ['right', 'left', ...(result.hasUnits ? ['left' as const] : []), 'right', ...top.map(() => 'right' as const), 'right', 'right', 'right', 'right'];
  const line = (u: SipasUnitResult) => [u.rank, u.unit, ...(result.hasUnits ? [u.name ?? null] : []), num(u.index), ...top.map((n) => num(u.nodes.get(n.code) ?? null)), u.forms, u.valid, u.invalid, u.skipped];
  const leagues = groupBy(result.units, (u) => u.rankGroup ?? '');
  const out: string[] = [];
  const legend = top.map((n) => `${n.code} = ${n.title || n.code}`).join('; ');
  for (const [league, units] of leagues) {
    if (league) out.push(`${w.league(league, units.length)}\n`);
    out.push(renderTextTable([header, ...units.map(line)], align));
  }
  out.push(renderTextTable([header, line(result.all)], align));
  if (legend) out.push(`${legend}\n`);
  return out.join('\n');
}
