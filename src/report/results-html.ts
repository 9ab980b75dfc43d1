/**
 * Results as one self-contained HTML report (`--format html`), with the content of the results
 * workbook's league sheets (both draw src/report/results-model.ts): the title; per league its
 * name, summary and table — rank, unit, per area the points and component index (and each unit's
 * maximum where it differs within the league), total and applicable max, index, band, last year's
 * index and rank and the changes; the legend; charts as inline SVG (a ranked bar chart and a heat
 * map of component indices per league); and a footer naming the settings and every input file with
 * its SHA-256.
 *
 * Printing: A4 landscape (`@page`), header rows repeated on every page (`<thead>`), a league per
 * page, unit names on one line, figures small enough for the widest league to fit the page width.
 * No scripts, nothing loaded from the network; every text is escaped, so unit names and titles
 * cannot inject markup. The same inputs give the same bytes (no date or clock in it).
 */
import type { ScoreResult } from '../scoring/score.js';
import { VERSION } from '../version.js';
import type { OutputFormat } from '../scoring/result-json.js';
import { styleNumber } from '../i18n/number-style.js';
import { escapeHtml } from './html-escape.js';
import { publishedReport, type PubCell, type PubLeague, type PublishOptions } from './results-model.js';
import { heatMap, rankedBarChart, type NumberText } from './svg-charts.js';

export { escapeHtml };

const STYLE = `*{box-sizing:border-box}
body{font-family:"Segoe UI",Roboto,Arial,"DejaVu Sans",sans-serif;margin:1.5rem;color:#111;font-size:14px}
h1{font-size:1.5rem;margin:0 0 .5rem}h2{font-size:1.15rem;margin:1.5rem 0 .25rem}
.wrap{overflow-x:auto}
table.r{border-collapse:collapse;font-size:.8rem}
table.r th,table.r td{border:1px solid #999;padding:.15rem .3rem}
table.r th{background:#e6e6e6;text-align:center;vertical-align:bottom;font-weight:600}
table.r th.g{vertical-align:middle}
td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td.t{white-space:nowrap}td.new{font-style:italic;text-align:center}
td.idx{font-weight:bold}
tbody tr:nth-child(even) td{background:#f4f4f4}
p.s,ul.notes,footer{color:#333;font-size:.8rem}
ul.notes{padding-left:1.2rem}
figure{margin:1rem 0}figcaption{font-size:.85rem;font-weight:600;margin-bottom:.25rem}
svg.chart{max-width:100%;height:auto;font-family:inherit}
footer table{border-collapse:collapse}footer td,footer th{border:1px solid #bbb;padding:.1rem .4rem;text-align:left}
code{font-family:"DejaVu Sans Mono",Consolas,monospace;font-size:.75rem}
@page{size:A4 landscape;margin:9mm}
@media print{
body{margin:0;font-size:9pt}
h1{font-size:13pt}h2{font-size:11pt;margin-top:0}
.wrap{overflow:visible}
section.league{break-before:page}section.league:first-of-type{break-before:auto}
table.r{font-size:6.2pt;width:100%}
table.r th,table.r td{padding:.4mm .7mm}
thead{display:table-header-group}
tr{break-inside:avoid}
tbody tr:nth-child(even) td{background:#f0f0f0;-webkit-print-color-adjust:exact;print-color-adjust:exact}
table.r th{-webkit-print-color-adjust:exact;print-color-adjust:exact}
figure{break-inside:avoid}
section.charts{break-before:page}
svg.chart{width:100%;max-height:180mm}
}`;

/** Options of {@link scoreResultHtml}: what the published results show besides the result. */
export type HtmlReportOptions = PublishOptions;

function cellHtml(c: PubCell, n: NumberText, strong: boolean, isNew: boolean): string {
  if (c.kind === 'empty') return '<td></td>';
  if (c.kind === 'text') return `<td class="${isNew ? 'new' : 't'}">${escapeHtml(c.text)}</td>`;
  return `<td class="n${strong ? ' idx' : ''}">${escapeHtml(n(c.text))}</td>`;
}

function leagueTable(league: PubLeague, n: NumberText): string {
  const visible = league.columns.map((c, i) => ({ c, i })).filter(({ c }) => !c.hidden);
  const groupAt = new Map(league.groups.map((g) => [g.from, g]));
  const inGroup = new Set(league.groups.flatMap((g) => Array.from({ length: g.span }, (_, k) => g.from + k)));
  const two = league.groups.length > 0;
  const first: string[] = [];
  const second: string[] = [];
  for (const { c, i } of visible) {
    const g = groupAt.get(i);
    if (g) first.push(`<th class="g" colspan="${g.span}" scope="colgroup">${escapeHtml(g.label)}</th>`);
    if (inGroup.has(i)) second.push(`<th scope="col">${escapeHtml(c.label)}</th>`);
    else first.push(`<th scope="col"${two ? ' rowspan="2"' : ''}>${escapeHtml(c.label)}</th>`);
  }
  const head = `<thead>\n<tr>${first.join('')}</tr>${two ? `\n<tr>${second.join('')}</tr>` : ''}\n</thead>`;
  const body = league.rows.map((r) => '<tr>' + visible.map(({ c, i }) => cellHtml(r.cells[i], n, c.role === 'index', c.role === 'previousIndex' && r.cells[i].kind === 'text')).join('') + '</tr>');
  return `<div class="wrap">\n<table class="r">\n${head}\n<tbody>\n${body.join('\n')}\n</tbody>\n</table>\n</div>`;
}

/** Renders a scored round as one HTML document (see the module comment). */
export function scoreResultHtml(result: ScoreResult, f: OutputFormat = result.settings, opts: HtmlReportOptions = {}): string {
  const report = publishedReport(result, f, opts);
  const w = report.words;
  const n: NumberText = (t) => styleNumber(t, opts.numberStyle);
  const e = escapeHtml;
  const lang = opts.lang === 'en' ? 'en' : 'vi';
  const out: string[] = [];
  out.push(
    `<!DOCTYPE html>\n<html lang="${lang}">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>${e(report.title)}</title>\n<style>\n${STYLE}\n</style>\n</head>\n<body>\n<header><h1>${e(report.title)}</h1></header>`,
  );
  for (const league of report.leagues) {
    out.push(`<section class="league" id="league-${e(league.id)}">`);
    out.push(`<h2>${e(league.label)}</h2>`);
    out.push(`<p class="s">${e(n2(league.summary, n))}</p>`);
    out.push(leagueTable(league, n));
    out.push('</section>');
  }
  out.push(`<ul class="notes">${report.notes.map((t) => `<li>${e(t)}</li>`).join('')}</ul>`);
  out.push(`<section class="charts">\n<h2>${e(w.charts.heading)}</h2>`);
  report.leagues.forEach((league, i) => {
    out.push(`<figure><figcaption>${e(w.charts.bars(league.label))}</figcaption>\n${rankedBarChart(league, w, n, `bars-${i + 1}`)}\n</figure>`);
    out.push(`<figure><figcaption>${e(w.charts.heat(league.label))}</figcaption>\n${heatMap(league, w, n, `heat-${i + 1}`)}\n</figure>`);
  });
  out.push('</section>');
  const st = result.settings;
  out.push('<footer>');
  out.push(`<p>${e(w.footer.made(VERSION))} · ${e(w.footer.rounding(f.decimals, f.rounding))} · ${e(w.footer.ties(st.ties, st.rankOn))}</p>`);
  if (report.sources.length) {
    out.push(`<table><caption>${e(w.footer.sources)}</caption><thead><tr><th>${e(w.footer.file)}</th><th>${e(w.footer.sha256)}</th></tr></thead><tbody>`);
    for (const s of report.sources) out.push(`<tr><td>${e(s.name)}</td><td><code>${e(s.sha256)}</code></td></tr>`);
    out.push('</tbody></table>');
  }
  out.push('</footer>');
  out.push('</body>\n</html>\n');
  return out.join('\n');
}

/** The numbers inside a sentence (the summary line) in the report's number style. */
function n2(text: string, n: NumberText): string {
  return text.replace(/-?\d+\.\d+/g, (m) => n(m));
}
