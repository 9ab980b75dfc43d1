/**
 * A comparison (`parindex compare --format html`) as one self-contained HTML document: per league
 * the summary (units compared, mean change, rank movement), the largest rises and falls, and a
 * table of every unit — old and new index, change, old and new rank, rank change and, when both
 * files printed area points, the change of each area's points (its old → new points on hover) —
 * then the mean area changes. Vietnamese labels unless `lang: 'en'`; print CSS for A4 landscape.
 */
import type { Comparison, UnitComparison } from '../analysis/compare.js';
import { styleNumber } from '../i18n/number-style.js';
import type { Exact } from '../numbers/exact.js';
import { fmt, type OutputFormat } from '../scoring/result-json.js';
import { VERSION } from '../version.js';
import { leagueSummary, signedInt, signedText, unitNote } from './compare-output.js';
import { compareWords } from './compare-words.js';
import { esc, handoverPage, tdNum, tdText, th } from './handover-page.js';
import type { Presentation } from './presentation.js';

/** Options of {@link comparisonHtml}. */
export interface ComparisonHtmlOptions extends Presentation {
  /** Title of the page (default "So sánh kết quả chỉ số cải cách hành chính", or its English words). */
  title?: string;
}

/** Renders a comparison as one HTML document. */
export function comparisonHtml(c: Comparison, f: OutputFormat, opts: ComparisonHtmlOptions = {}): string {
  const lang = opts.lang === 'en' ? 'en' : 'vi';
  const w = compareWords(lang);
  const p: Presentation = { lang, numberStyle: opts.numberStyle };
  const s = (t: string | null) => (t === null ? null : styleNumber(t, opts.numberStyle));
  const num = (x: Exact | null) => s(fmt(x, f));
  const areas = c.areas ?? [];
  const body: string[] = [`<p class="meta">${esc(w.files(c.oldFile ?? w.oldName, c.newFile ?? w.newName))}</p>`];
  if (c.areasMissing) body.push(`<p class="note">${esc(w.areasMissing[c.areasMissing])}</p>`);
  const moverList = (list: readonly UnitComparison[]) =>
    list.length
      ? `<ol class="movers">${list.map((u) => `<li>${esc(u.name || u.unit)} (${esc(u.unit)}): ${esc(s(signedText(u.change, f)))} — ${esc(w.oldRank.toLowerCase())} ${esc(u.oldRank ?? '—')} → ${esc(w.newRank.toLowerCase())} ${esc(u.newRank ?? '—')}</li>`).join('')}</ol>`
      : `<p>${esc(w.none)}</p>`;
  for (const [g, l] of c.leagues) {
    body.push('<section>', `<h2>${esc(w.league(g))}</h2>`, `<p>${esc(leagueSummary(l, g, f, p))}</p>`);
    body.push(`<p><strong>${esc(w.risers)}</strong></p>`, moverList(l.risers), `<p><strong>${esc(w.fallers)}</strong></p>`, moverList(l.fallers));
    const head = [th(w.newRank), th(w.unit), th(w.name), th(w.oldIndex), th(w.newIndex), th(w.change), th(w.oldRank), th(w.rankChange), ...areas.map((a) => th(w.areaShort(a), `${w.area(a)}: ${w.change.toLowerCase()}`)), th(w.note)];
    body.push(`<table>\n<thead><tr>${head.join('')}</tr></thead>\n<tbody>`);
    for (const u of c.units.filter((x) => x.rankGroup === g)) {
      const areaCells = areas.map((a) => {
        const x = u.areas?.get(a);
        const hover = x && (x.old || x.new) ? ` title="${esc(`${num(x.old) ?? '—'} → ${num(x.new) ?? '—'}`)}"` : '';
        return `<td class="n"${hover}>${esc(s(signedText(x?.change ?? null, f)))}</td>`;
      });
      body.push(
        `<tr>${tdNum(u.newRank)}${tdText(u.unit, true)}${tdText(u.name, true)}${tdNum(num(u.oldIndex))}${tdNum(num(u.newIndex), true)}${tdNum(s(signedText(u.change, f)), true)}${tdNum(u.oldRank)}${tdNum(signedInt(u.rankChange))}${areaCells.join('')}${tdText(unitNote(u, p), true)}</tr>`,
      );
    }
    body.push('</tbody>\n</table>');
    if (l.areaMeanChange) {
      body.push(`<p><strong>${esc(w.areaMeans)}</strong>: ${esc([...l.areaMeanChange].map(([a, x]) => `${w.areaShort(a)} ${s(signedText(x, f)) ?? '—'}`).join('; '))}</p>`);
    }
    body.push('</section>');
  }
  const footer = [w.rankChangeNote, `${w.madeBy(VERSION)} · ${w.decimals}: ${f.decimals} (${f.rounding})`];
  return handoverPage({ lang, title: opts.title ?? w.title, body, footer });
}
