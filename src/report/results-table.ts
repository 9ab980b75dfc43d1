/**
 * Results as terminal tables: one table per league in rank order (the published style: rank, unit,
 * index, self-assessed index, appraisal, survey and bonus/penalty points), then a summary per league.
 */
import type { ScoreResult } from '../scoring/score.js';
import { fmt, type OutputFormat } from '../scoring/result-json.js';
import { renderTextTable } from './text-table.js';

/** Renders every league of a result as text tables. */
export function scoreResultText(result: ScoreResult, f: OutputFormat = result.settings): string {
  const hasBands = result.settings.bands.length > 0;
  const out: string[] = [];
  for (const [league, summary] of [...result.leagues]) {
    const units = result.units.filter((u) => u.rankGroup === league);
    out.push(`League ${league} — ${summary.count} units, mean ${fmt(summary.mean, f) ?? '—'}, min ${fmt(summary.min, f) ?? '—'}, max ${fmt(summary.max, f) ?? '—'}\n`);
    const header = ['Rank', 'Unit', 'Name', 'Index', 'Self', 'Appraisal', 'Survey', 'Adjust', ...(hasBands ? ['Band'] : []), 'Missing'];
    const rows = units.map((u) => [u.rank, u.unit, u.name, fmt(u.index, f), fmt(u.selfIndex, f), fmt(u.appraisalPoints, f), fmt(u.surveyPoints, f), fmt(u.adjustPoints, f), ...(hasBands ? [u.band] : []), u.missing]);
    out.push(renderTextTable([header, ...rows], ['right', 'left', 'left', 'right', 'right', 'right', 'right', 'right', ...(hasBands ? ['left' as const] : []), 'right']));
  }
  return out.join('\n');
}
