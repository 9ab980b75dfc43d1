/**
 * The HTML report's charts as inline SVG (nothing loaded from anywhere): per league a ranked bar
 * chart of the index with the league mean and the band thresholds, and a heat map of component
 * indices (units × areas). Each has a `<title>` and `<desc>`; each bar, line and cell a `<title>`.
 * They read in black and white: every bar and cell carries its figure as text, the mean line is
 * dashed and the thresholds dotted, each labelled — grey levels only add to what is written.
 */
import { escapeHtml } from './html-escape.js';
import type { PubLeague } from './results-model.js';
import type { ResultsWords } from './results-words.js';

/** Writes a printed number in the report's number style. */
export type NumberText = (text: string) => string;

const e = escapeHtml;
const px = (n: number) => (Math.round(n * 10) / 10).toString();

/** Characters of a name kept in a chart's label column (the full name is in the bar's `<title>`). */
const NAME_CHARS = 40;
const clip = (s: string) => ([...s].length > NAME_CHARS ? `${[...s].slice(0, NAME_CHARS - 1).join('')}…` : s);

/**
 * The ranked bar chart of a league: one horizontal bar per unit in rank order, from 0 to 100 (or
 * the highest index above 100), the figure at the bar's end; the mean as a dashed line, each band
 * threshold as a dotted line, both labelled.
 */
export function rankedBarChart(league: PubLeague, w: ResultsWords, n: NumberText, id: string): string {
  const { units, mean, bands } = league.bars;
  const row = 16;
  const top = 34;
  const left = 250;
  const width = 1000;
  const right = 60;
  const plot = width - left - right;
  const height = top + units.length * row + 24;
  const hi = Math.max(100, ...units.map((u) => u.value ?? 0), ...bands.map((b) => b.value));
  const lo = Math.min(0, ...units.map((u) => u.value ?? 0));
  const x = (v: number) => left + ((v - lo) / (hi - lo)) * plot;
  const title = w.charts.bars(league.label);
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" aria-labelledby="${id}-t ${id}-d" font-size="11">`,
    `<title id="${id}-t">${e(title)}</title>`,
    `<desc id="${id}-d">${e(w.charts.barsDesc)}</desc>`,
  );
  // Axis: 0, 20, … 100.
  for (let v = 0; v <= hi; v += 20) {
    out.push(`<line x1="${px(x(v))}" y1="${top - 4}" x2="${px(x(v))}" y2="${top + units.length * row}" stroke="#d0d0d0" stroke-width="0.5"/>`);
    out.push(`<text x="${px(x(v))}" y="${height - 8}" text-anchor="middle" fill="#333">${e(n(String(v)))}</text>`);
  }
  units.forEach((u, i) => {
    const y = top + i * row;
    const label = `${u.rank ?? '—'}. ${u.name}`;
    out.push(`<g><title>${e(`${label}: ${n(u.text)}`)}</title>`);
    out.push(`<text x="${left - 6}" y="${y + row - 4}" text-anchor="end" fill="#000">${e(clip(label))}</text>`);
    if (u.value !== null) {
      out.push(`<rect x="${px(x(Math.min(0, u.value)))}" y="${y + 2}" width="${px(Math.abs(x(u.value) - x(0)))}" height="${row - 4}" fill="#8c8c8c" stroke="#000" stroke-width="0.5"/>`);
      out.push(`<text x="${px(x(Math.max(0, u.value)) + 4)}" y="${y + row - 4}" fill="#000">${e(n(u.text))}</text>`);
    }
    out.push('</g>');
  });
  const bottom = top + units.length * row;
  for (const b of bands) {
    const bx = px(x(b.value));
    const label = w.charts.band(b.label, n(b.text));
    out.push(`<g><title>${e(label)}</title><line x1="${bx}" y1="${top - 14}" x2="${bx}" y2="${bottom}" stroke="#000" stroke-width="1" stroke-dasharray="1 3"/>`);
    out.push(`<text x="${bx}" y="${top - 18}" text-anchor="middle" fill="#000">${e(label)}</text></g>`);
  }
  if (mean) {
    const mx = px(x(mean.value));
    const label = w.charts.mean(n(mean.text));
    out.push(`<g><title>${e(label)}</title><line x1="${mx}" y1="${top - 4}" x2="${mx}" y2="${bottom}" stroke="#000" stroke-width="1.5" stroke-dasharray="6 3"/>`);
    out.push(`<text x="${mx}" y="${top - 6}" text-anchor="middle" font-weight="bold" fill="#000">${e(label)}</text></g>`);
  }
  out.push('</svg>');
  return out.join('\n');
}

/** Grey level of a component index: white at 100, darker as it falls (black at 50 and below). */
function shade(v: number): { fill: string; ink: string } {
  const t = Math.max(0, Math.min(1, (v - 50) / 50));
  const level = Math.round(64 + t * (255 - 64));
  const hex = level.toString(16).padStart(2, '0');
  return { fill: `#${hex}${hex}${hex}`, ink: level < 150 ? '#fff' : '#000' };
}

/**
 * The heat map of a league: one row per unit (rank order), one column per area; each cell holds
 * the component index as text, shaded grey by its value; an area that does not apply is hatched.
 */
export function heatMap(league: PubLeague, w: ResultsWords, n: NumberText, id: string): string {
  const { areas, rows } = league.heat;
  const row = 16;
  const left = 250;
  const cell = Math.max(48, Math.min(90, Math.floor(740 / Math.max(1, areas.length))));
  const top = 40;
  const width = left + areas.length * cell + 10;
  const height = top + rows.length * row + 24;
  const title = w.charts.heat(league.label);
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" aria-labelledby="${id}-t ${id}-d" font-size="11">`,
    `<title id="${id}-t">${e(title)}</title>`,
    `<desc id="${id}-d">${e(w.charts.heatDesc)}</desc>`,
    `<defs><pattern id="${id}-na" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#fff"/><line x1="0" y1="0" x2="0" y2="6" stroke="#000" stroke-width="1"/></pattern></defs>`,
  );
  areas.forEach((a, j) => {
    const cx = left + j * cell + cell / 2;
    out.push(`<g><title>${e(`${a.code}. ${a.title}`)}</title><text x="${px(cx)}" y="${top - 8}" text-anchor="middle" font-weight="bold" fill="#000">${e(a.code)}</text></g>`);
  });
  rows.forEach((r, i) => {
    const y = top + i * row;
    out.push(`<text x="${left - 6}" y="${y + row - 4}" text-anchor="end" fill="#000">${e(clip(r.name))}</text>`);
    r.cells.forEach((c, j) => {
      const cx = left + j * cell;
      const a = areas[j];
      if (c.value === null) {
        out.push(`<rect x="${cx}" y="${y}" width="${cell}" height="${row}" fill="url(#${id}-na)" stroke="#fff"><title>${e(`${r.name} · ${a.code}. ${a.title}: ${w.charts.notApplicable}`)}</title></rect>`);
        return;
      }
      const s = shade(c.value);
      out.push(`<g><title>${e(`${r.name} · ${a.code}. ${a.title}: ${n(c.text)} %`)}</title><rect x="${cx}" y="${y}" width="${cell}" height="${row}" fill="${s.fill}" stroke="#fff"/>`);
      out.push(`<text x="${px(cx + cell / 2)}" y="${y + row - 4}" text-anchor="middle" fill="${s.ink}">${e(n(c.text))}</text></g>`);
    });
  });
  out.push(`<text x="${left}" y="${height - 6}" fill="#333">${e(w.charts.heatScale)}</text>`);
  out.push('</svg>');
  return out.join('\n');
}
