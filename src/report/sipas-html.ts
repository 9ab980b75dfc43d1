/**
 * SIPAS results (`parindex sipas --format html`) as one self-contained HTML document: per league a
 * table in rank order — rank, unit (and name), the SIPAS index, each factor's share and the forms
 * counted (valid, invalid, skipped) — the pooled row over every form, then each factor and question
 * with its share over all forms. Vietnamese labels unless `lang: 'en'`; print CSS for A4 landscape.
 */
import { groupBy } from '../order/group-by.js';
import { styleNumber } from '../i18n/number-style.js';
import type { Exact } from '../numbers/exact.js';
import { fmt, type OutputFormat } from '../scoring/result-json.js';
import type { SipasResult, SipasUnitResult } from '../sipas/result.js';
import { VERSION } from '../version.js';
import { esc, handoverPage, tdNum, tdText, th } from './handover-page.js';
import type { Presentation } from './presentation.js';
import { sipasReportWords } from './sipas-report-words.js';

/** Options of {@link sipasResultHtml}. */
export interface SipasHtmlOptions extends Presentation {
  /** Title of the page (default the SIPAS title in the language). */
  title?: string;
}

/** Renders a SIPAS result as one HTML document. */
export function sipasResultHtml(result: SipasResult, f: OutputFormat = result.settings, opts: SipasHtmlOptions = {}): string {
  const lang = opts.lang === 'en' ? 'en' : 'vi';
  const w = sipasReportWords(lang);
  const num = (x: Exact | null) => {
    const t = fmt(x, f);
    return t === null ? null : styleNumber(t, opts.numberStyle);
  };
  const top = result.definition.top;
  const withNames = result.hasUnits;
  const head = [th(w.rank), th(w.unit), ...(withNames ? [th(w.name)] : []), th(w.index), ...top.map((t) => th(t.code, t.title || undefined)), th(w.forms), th(w.valid), th(w.invalid), th(w.skipped)];
  const row = (u: SipasUnitResult, cls = '') =>
    `<tr${cls ? ` class="${cls}"` : ''}>${tdNum(u.rank)}${tdText(u.unit, true)}${withNames ? tdText(u.name ?? '', true) : ''}${tdNum(num(u.index), true)}${top.map((t) => tdNum(num(u.nodes.get(t.code) ?? null))).join('')}${tdNum(u.forms)}${tdNum(u.valid)}${tdNum(u.invalid)}${tdNum(u.skipped)}</tr>`;
  const legend = top.length ? `<p class="meta">${esc(w.factors)}: ${esc(top.map((t) => `${t.code}. ${t.title || t.code}`).join('; '))}</p>` : '';
  const body: string[] = legend ? [legend] : [];
  for (const [league, units] of groupBy(result.units, (u) => u.rankGroup ?? '')) {
    body.push('<section>');
    if (league) body.push(`<h2>${esc(w.league(league))}</h2>`, `<p>${esc(w.units(units.length))}</p>`);
    body.push(`<table>\n<thead><tr>${head.join('')}</tr></thead>\n<tbody>`, ...units.map((u) => row(u)), '</tbody>\n</table>', '</section>');
  }
  body.push(
    '<section>',
    `<h2>${esc(w.pooled)}</h2>`,
    `<table>\n<thead><tr>${head.join('')}</tr></thead>\n<tbody>`,
    row({ ...result.all, unit: `${w.pooled} (${result.all.unit})` }, 'all'),
    '</tbody>\n</table>',
    `<p>${esc(w.pooledNote)}</p>`,
    '</section>',
  );
  body.push('<section>', `<h2>${esc(w.nodesTitle)}</h2>`, `<table>\n<thead><tr>${[th(w.code), th(w.text), th(w.kind), th(w.weight), th(w.share)].join('')}</tr></thead>\n<tbody>`);
  for (const n of result.definition.nodes) {
    const title = n.isLeaf ? n.title : `<strong>${esc(n.title)}</strong>`;
    body.push(`<tr>${tdText(n.code, true)}<td>${n.isLeaf ? esc(title) : title}</td>${tdText(n.isLeaf ? w.question : w.factor, true)}${tdNum(n.weightText || '1')}${tdNum(num(result.all.nodes.get(n.code) ?? null), !n.isLeaf)}</tr>`);
  }
  body.push('</tbody>\n</table>', `<p>${esc(w.how)}</p>`, '</section>');
  const footer = [`${w.madeBy(VERSION)} · ${w.decimals}: ${f.decimals} (${f.rounding}) · ${w.ties}: ${result.settings.ties}`];
  return handoverPage({ lang, title: opts.title ?? w.title, body, footer });
}
