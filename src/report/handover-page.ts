/**
 * The page shell of the reports a council hands on besides the results (the comparison and the
 * SIPAS report): one self-contained HTML document — no script, no font, image or style loaded from
 * anywhere — with print CSS for A4 landscape (table headers repeated on every printed page, rows
 * never split, names kept on one line), readable in black and white. Every text is escaped, so
 * names and titles cannot inject markup; nothing depends on the clock, so the same inputs give the
 * same bytes.
 */
import type { Lang } from '../i18n/lang.js';

/** Escapes text for HTML element content and attribute values. */
export function esc(text: string | number | null | undefined): string {
  if (text === null || text === undefined) return '';
  return String(text).replace(/[&<>"']/g, (ch) => (ch === '&' ? '&amp;' : ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : ch === '"' ? '&quot;' : '&#39;'));
}

const STYLE = `@page{size:A4 landscape;margin:10mm}
*{box-sizing:border-box}
body{font-family:"DejaVu Sans","Noto Sans","Segoe UI",Roboto,Arial,sans-serif;margin:1.5rem;color:#000;background:#fff;font-size:10pt}
h1{font-size:15pt;margin:0 0 .3rem}h2{font-size:12pt;margin:1.2rem 0 .3rem;break-after:avoid}
p{margin:.2rem 0}p.meta,p.foot{color:#333;font-size:8.5pt}p.note{border-left:3px solid #000;padding-left:.4rem}
table{border-collapse:collapse;margin:.3rem 0 .6rem;font-size:8.5pt}
th,td{border:1px solid #666;padding:.1rem .3rem}
th{background:#e8e8e8;font-weight:bold;text-align:center;vertical-align:bottom}
td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td.t{white-space:nowrap}td.b{font-weight:bold}
tr.all td{border-top:2px solid #000;font-weight:bold}
thead{display:table-header-group}tr{break-inside:avoid}
ol.movers{margin:.1rem 0 .4rem;padding-left:1.6rem}
dl{display:grid;grid-template-columns:max-content auto;gap:.1rem .8rem;font-size:8.5pt}dt{font-weight:bold}dd{margin:0}
@media print{body{margin:0}section{break-inside:auto}}`;

/** What the page holds. */
export interface HandoverPage {
  /** Language of the page (`lang` attribute). */
  lang: Lang;
  /** Title (the `<title>` and the heading). */
  title: string;
  /** Body HTML after the heading (already escaped). */
  body: string[];
  /** Footer lines (text, escaped here). */
  footer: string[];
}

/** The whole document. */
export function handoverPage(page: HandoverPage): string {
  return [
    '<!DOCTYPE html>',
    `<html lang="${page.lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(page.title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    `<h1>${esc(page.title)}</h1>`,
    ...page.body,
    ...page.footer.map((line) => `<p class="foot">${esc(line)}</p>`),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** A header cell, with a hover title when given. */
export function th(text: string, title?: string): string {
  return `<th${title ? ` title="${esc(title)}"` : ''}>${esc(text)}</th>`;
}

/** A number cell (right-aligned, never wrapped). */
export function tdNum(text: string | number | null, bold = false): string {
  return `<td class="n${bold ? ' b' : ''}">${esc(text)}</td>`;
}

/** A text cell; `nowrap` keeps it on one line. */
export function tdText(text: string | null | undefined, nowrap = false): string {
  return `<td${nowrap ? ' class="t"' : ''}>${esc(text)}</td>`;
}
