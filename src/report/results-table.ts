/**
 * Results as terminal tables: one table per league in rank order (the published style: rank, unit,
 * index, self-assessed index, appraisal, survey and bonus/penalty points), then a summary per league.
 * Words in the presentation's language (Vietnamese by default), numbers in its style.
 */
import { resultWords } from '../i18n/labels/results.js';
import type { UnitLabels } from '../criteria/unit-labels.js';
import type { OutputFormat } from '../scoring/result-json.js';
import type { ScoreResult } from '../scoring/score.js';
import type { Presentation } from './presentation.js';
import { figureWriter } from './styled-number.js';
import { renderTextTable } from './text-table.js';

/** Renders every league of a result as text tables; a league is headed by its name when `labels` has one (the units file's `rankGroupName`). */
export function scoreResultText(result: ScoreResult, f: OutputFormat = result.settings, p: Presentation = {}, labels?: UnitLabels): string {
  const w = resultWords[p.lang ?? 'vi'];
  const t = w.table;
  const num = figureWriter(f, p.numberStyle);
  const hasBands = result.settings.bands.length > 0;
  const out: string[] = [];
  for (const [league, summary] of [...result.leagues]) {
    const units = result.units.filter((u) => u.rankGroup === league);
    out.push(`${w.league({ league, name: labels?.leagues.get(league), count: summary.count, mean: num(summary.mean) ?? '—', min: num(summary.min) ?? '—', max: num(summary.max) ?? '—' })}\n`);
    const header = [t.rank, t.unit, t.name, t.index, t.self, t.appraisal, t.survey, t.adjust, ...(hasBands ? [t.band] : []), t.missing];
    const rows = units.map((u) => [u.rank, u.unit, u.name, num(u.index), num(u.selfIndex), num(u.appraisalPoints), num(u.surveyPoints), num(u.adjustPoints), ...(hasBands ? [u.band] : []), u.missing]);
    out.push(renderTextTable([header, ...rows], ['right', 'left', 'left', 'right', 'right', 'right', 'right', 'right', ...(hasBands ? ['left' as const] : []), 'right']));
  }
  return out.join('\n');
}
