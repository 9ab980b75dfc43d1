/**
 * Writing an {@link Explanation} (`parindex explain`) as JSON, CSV or terminal text. Figures are
 * rounded to the output decimals; the JSON also carries the exact gaps (`…Exact`, a decimal or a
 * fraction) so an analyst can see precisely how many points a rank is away. Text and CSV speak the
 * presentation's language (Vietnamese by default) with numbers in its style; JSON keys never change.
 */
import type { Explanation, Gap } from '../analysis/explain.js';
import { explainWords } from '../i18n/labels/explain.js';
import type { Lang } from '../i18n/lang.js';
import type { NumberStyle } from '../i18n/number-style.js';
import { Exact } from '../numbers/exact.js';
import { fmt, type OutputFormat } from '../scoring/result-json.js';
import { type CsvOutputOptions, csvDialect, toCsv } from './csv-write.js';
import type { Presentation } from './presentation.js';
import { figureWriter, styledText } from './styled-number.js';
import { renderTextTable } from './text-table.js';

function gapJson(g: Gap, f: OutputFormat) {
  return { indexGap: fmt(g.indexGap, f), pointsGap: fmt(g.pointsGap, f), indexGapExact: g.indexGap.toString(), pointsGapExact: g.pointsGap.toString() };
}

/** The JSON document of an explanation. */
export function explanationJson(e: Explanation, f: OutputFormat) {
  const neighbour = (n: Explanation['above']) => n && { unit: n.unit, name: n.name, rank: n.rank, index: fmt(n.index, f), ...gapJson(n, f) };
  return {
    unit: e.unit,
    name: e.name,
    group: e.group,
    rankGroup: e.rankGroup,
    index: fmt(e.index, f),
    selfIndex: fmt(e.selfIndex, f),
    rank: e.rank,
    leagueSize: e.leagueSize,
    band: e.band,
    points: fmt(e.points, f),
    max: fmt(e.max, f),
    lost: fmt(e.lost, f),
    above: neighbour(e.above),
    below: neighbour(e.below),
    tiedWith: e.tiedWith,
    bands: e.bands.map((b) => ({ band: b.band, min: b.min.toString(), strict: b.strict, reached: b.reached, ...gapJson(b, f) })),
    areas: e.areas.map((a) => ({ code: a.code, title: a.title, points: fmt(a.points, f), max: fmt(a.max, f), lost: fmt(a.lost, f) })),
    leaves: e.leaves.map((l) => ({ code: l.code, title: l.title, area: l.area, rule: l.rule, status: l.status, input: l.input, points: fmt(l.points, f), max: fmt(l.max, f), lost: fmt(l.lost, f) })),
    lostLeaves: e.lostLeaves,
    missing: e.missing,
    unappraised: e.unappraised,
    na: e.na,
  };
}

/** The words for a leaf's status (how its input was found), the status itself when unknown. */
function statusWord(status: string, lang: Lang): string {
  return (explainWords[lang].status as Record<string, string>)[status] ?? status;
}

/** The CSV rows (header first): one row per item, `section` saying what it is. */
export function explanationRows(e: Explanation, f: OutputFormat, p: { lang?: Lang; numberStyle?: NumberStyle } = {}): (string | number | null)[][] {
  const lang = p.lang ?? 'vi';
  const w = explainWords[lang];
  const h = w.csv;
  const s = w.sections;
  const num = figureWriter(f, p.numberStyle);
  const text = (t: string) => styledText(t, p.numberStyle);
  const header = [h.section, h.item, h.name, h.rank, h.index, h.indexGap, h.pointsGap, h.rule, h.status, h.input, h.points, h.max, h.lost];
  const rows: (string | number | null)[][] = [header];
  rows.push([s.unit, e.unit, e.name, e.rank, num(e.index), null, null, null, null, null, num(e.points), num(e.max), num(e.lost)]);
  for (const [section, n] of [
    [s.above, e.above],
    [s.below, e.below],
  ] as const) {
    if (n) rows.push([section, n.unit, n.name, n.rank, num(n.index), num(n.indexGap), num(n.pointsGap), null, null, null, null, null, null]);
  }
  for (const t of e.tiedWith) rows.push([s.tied, t, null, e.rank, num(e.index), num(Exact.ZERO), null, null, null, null, null, null, null]);
  for (const b of e.bands)
    rows.push([s.band, b.band, `${b.strict ? '>' : '>='}${text(b.min.toString())}`, null, text(b.min.toString()), num(b.indexGap), num(b.pointsGap), null, b.reached ? w.reached : w.notReached, null, null, null, null]);
  for (const a of e.areas) rows.push([s.area, a.code, a.title, null, null, null, null, null, null, null, num(a.points), num(a.max), num(a.lost)]);
  for (const l of e.leaves) rows.push([s.leaf, l.code, l.title, null, null, null, null, l.rule, statusWord(l.status, lang), l.input === null ? null : text(l.input), num(l.points), num(l.max), num(l.lost)]);
  return rows;
}

/** The explanation as CSV text. */
export function explanationCsv(e: Explanation, f: OutputFormat, opts: CsvOutputOptions = {}): string {
  const d = csvDialect(opts);
  return toCsv(explanationRows(e, f, d), d.write);
}

/** The explanation as terminal text. */
export function explanationText(e: Explanation, f: OutputFormat, p: Presentation = {}): string {
  const lang = p.lang ?? 'vi';
  const w = explainWords[lang];
  const num = figureWriter(f, p.numberStyle);
  const text = (t: string) => styledText(t, p.numberStyle) ?? '';
  const out: string[] = [];
  out.push(w.head({ name: e.name, unit: e.unit, league: e.rankGroup, rank: e.rank, size: e.leagueSize, band: e.band }));
  out.push(w.totals(num(e.index) ?? '—', num(e.selfIndex) ?? '—', num(e.points) ?? '—', num(e.max) ?? '—', num(e.lost) ?? '—'));
  out.push(w.counts(e.missing, e.unappraised, e.na));
  out.push('');
  const g = w.gaps;
  const gaps: (string | number | null)[][] = [[g.gap, g.unit, g.rank, g.index, g.indexPoints, g.rawPoints]];
  if (e.above) gaps.push([w.above, e.above.unit, e.above.rank, num(e.above.index), num(e.above.indexGap), num(e.above.pointsGap)]);
  else if (e.index !== null) gaps.push([w.noAbove, null, null, null, null, null]);
  if (e.below) gaps.push([w.below, e.below.unit, e.below.rank, num(e.below.index), num(e.below.indexGap), num(e.below.pointsGap)]);
  else if (e.index !== null) gaps.push([w.noBelow, null, null, null, null, null]);
  for (const t of e.tiedWith) gaps.push([w.tied, t, e.rank, num(e.index), null, null]);
  for (const b of e.bands) {
    const threshold = { band: b.band, strict: b.strict, min: text(b.min.toString()) };
    gaps.push([b.reached ? w.bandMargin(threshold) : w.bandToReach(threshold), null, null, threshold.min, num(b.reached ? b.indexGap.neg() : b.indexGap), num(b.reached ? b.pointsGap.neg() : b.pointsGap)]);
  }
  if (gaps.length > 1) out.push(renderTextTable(gaps, ['left', 'left', 'right', 'right', 'right', 'right']));
  const a = w.areas;
  out.push(w.areasTitle);
  out.push(renderTextTable([[a.area, a.title, a.points, a.max, a.lost], ...e.areas.map((x) => [x.code, x.title, num(x.points), num(x.max), num(x.lost)])], ['left', 'left', 'right', 'right', 'right']));
  if (e.leaves.length) {
    const l = w.leaves;
    out.push(w.leavesTitle(e.leaves.length, e.lostLeaves));
    out.push(
      renderTextTable(
        [
          [l.criterion, l.rule, l.input, l.from, l.points, l.max, l.lost, l.title],
          ...e.leaves.map((x) => [x.code, x.rule, x.input === null ? null : text(x.input), statusWord(x.status, lang), num(x.points), num(x.max), num(x.lost), x.title]),
        ],
        ['left', 'left', 'right', 'left', 'right', 'right', 'right', 'left'],
      ),
    );
  }
  return out.join('\n');
}
