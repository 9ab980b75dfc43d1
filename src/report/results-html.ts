/**
 * Results as a small self-contained HTML report (`--format html`): one table per league in the
 * published style (rank, unit, points per area, appraisal, survey, bonus/penalty, index, band), a
 * summary line per league, and the settings used. No scripts, no external files; every text is
 * escaped, so unit names and titles cannot inject markup.
 */
import type { ScoreResult } from '../scoring/score.js';
import { VERSION } from '../version.js';
import { fmt, type OutputFormat } from '../scoring/result-json.js';

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => (ch === '&' ? '&amp;' : ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : ch === '"' ? '&quot;' : '&#39;'));
}

const STYLE = `body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;margin:2rem;color:#1b1b1b}
h1{font-size:1.4rem}h2{font-size:1.15rem;margin-top:2rem}
table{border-collapse:collapse;font-size:.9rem}th,td{border:1px solid #c8c8c8;padding:.25rem .5rem}
th{background:#d9e1f2;text-align:center;vertical-align:bottom}td.n{text-align:right;font-variant-numeric:tabular-nums}
tr:nth-child(even) td{background:#f7f7f7}p.s{color:#555;font-size:.85rem}`;

/** Options of {@link scoreResultHtml}. */
export interface HtmlReportOptions {
  /** Report title (default "Chỉ số cải cách hành chính — kết quả"). */
  title?: string;
}

/** Renders a scored round as one HTML document. */
export function scoreResultHtml(result: ScoreResult, f: OutputFormat = result.settings, opts: HtmlReportOptions = {}): string {
  const e = (v: string | number | null | undefined) => (v === null || v === undefined ? '' : escapeHtml(String(v)));
  const areas = result.framework.areas;
  const hasBands = result.settings.bands.length > 0;
  const title = opts.title ?? 'Chỉ số cải cách hành chính — kết quả';
  const out: string[] = [];
  out.push(
    `<!DOCTYPE html>\n<html lang="vi">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>${e(title)}</title>\n<style>${STYLE}</style>\n</head>\n<body>\n<h1>${e(title)}</h1>`,
  );
  for (const [league, s] of [...result.leagues]) {
    out.push(`<h2>Khối ${e(league)}</h2>`);
    out.push(`<p class="s">${s.count} đơn vị · trung bình ${e(fmt(s.mean, f) ?? '—')} · thấp nhất ${e(fmt(s.min, f) ?? '—')} · cao nhất ${e(fmt(s.max, f) ?? '—')}</p>`);
    const head = ['Xếp hạng', 'Đơn vị', ...areas.map((a) => `LV ${a.code}`), 'Điểm thẩm định', 'Điểm điều tra XHH', 'Điểm thưởng/trừ', 'Chỉ số CCHC', ...(hasBands ? ['Xếp loại'] : []), 'Chỉ số tự đánh giá'];
    const titles = ['', '', ...areas.map((a) => `${a.code}. ${a.title}`)];
    out.push('<table>\n<thead><tr>' + head.map((h, i) => `<th${titles[i] ? ` title="${e(titles[i])}"` : ''}>${e(h)}</th>`).join('') + '</tr></thead>\n<tbody>');
    for (const u of result.units.filter((x) => x.rankGroup === league)) {
      const ua = u.areas;
      const num = (v: string | null) => `<td class="n">${e(v ?? '')}</td>`;
      out.push(
        '<tr>' +
          `<td class="n">${e(u.rank ?? '')}</td><td>${e(u.name)}</td>` +
          areas.map((a) => num(ua.get(a.code) ? fmt(ua.get(a.code)!.points, f) : null)).join('') +
          num(fmt(u.appraisalPoints, f)) +
          num(fmt(u.surveyPoints, f)) +
          num(fmt(u.adjustPoints, f)) +
          `<td class="n"><strong>${e(fmt(u.index, f) ?? '')}</strong></td>` +
          (hasBands ? `<td>${e(u.band ?? '')}</td>` : '') +
          num(fmt(u.selfIndex, f)) +
          '</tr>',
      );
    }
    out.push('</tbody>\n</table>');
  }
  const st = result.settings;
  out.push(`<p class="s">parindex ${e(VERSION)} · ${f.decimals} chữ số thập phân (${e(f.rounding)}) · xếp hạng ${e(st.ties)} trên giá trị ${st.rankOn === 'exact' ? 'chính xác' : 'đã làm tròn'}</p>`);
  out.push('</body>\n</html>\n');
  return out.join('\n');
}
