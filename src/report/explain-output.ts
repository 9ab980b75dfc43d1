/**
 * Writing an {@link Explanation} (`parindex explain`) as JSON, CSV or terminal text. Figures are
 * rounded to the output decimals; the JSON also carries the exact gaps (`…Exact`, a decimal or a
 * fraction) so an analyst can see precisely how many points a rank is away.
 */
import { Exact } from '../numbers/exact.js';
import type { Explanation, Gap } from '../analysis/explain.js';
import { toCsv, type CsvWriteOptions } from './csv-write.js';
import { fmt, type OutputFormat } from '../scoring/result-json.js';
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

/** The CSV rows (header first): one row per item, `section` saying what it is. */
export function explanationRows(e: Explanation, f: OutputFormat): (string | number | null)[][] {
  const header = ['section', 'item', 'name', 'rank', 'index', 'indexGap', 'pointsGap', 'rule', 'status', 'input', 'points', 'max', 'lost'];
  const rows: (string | number | null)[][] = [header];
  rows.push(['unit', e.unit, e.name, e.rank, fmt(e.index, f), null, null, null, null, null, fmt(e.points, f), fmt(e.max, f), fmt(e.lost, f)]);
  for (const [section, n] of [
    ['above', e.above],
    ['below', e.below],
  ] as const) {
    if (n) rows.push([section, n.unit, n.name, n.rank, fmt(n.index, f), fmt(n.indexGap, f), fmt(n.pointsGap, f), null, null, null, null, null, null]);
  }
  for (const t of e.tiedWith) rows.push(['tied', t, null, e.rank, fmt(e.index, f), fmt(Exact.ZERO, f), null, null, null, null, null, null, null]);
  for (const b of e.bands) rows.push(['band', b.band, `${b.strict ? '>' : '>='}${b.min.toString()}`, null, b.min.toString(), fmt(b.indexGap, f), fmt(b.pointsGap, f), null, b.reached ? 'reached' : 'below', null, null, null, null]);
  for (const a of e.areas) rows.push(['area', a.code, a.title, null, null, null, null, null, null, null, fmt(a.points, f), fmt(a.max, f), fmt(a.lost, f)]);
  for (const l of e.leaves) rows.push(['leaf', l.code, l.title, null, null, null, null, l.rule, l.status, l.input, fmt(l.points, f), fmt(l.max, f), fmt(l.lost, f)]);
  return rows;
}

/** The explanation as CSV text. */
export function explanationCsv(e: Explanation, f: OutputFormat, opts: CsvWriteOptions = {}): string {
  return toCsv(explanationRows(e, f), opts);
}

/** The explanation as terminal text. */
export function explanationText(e: Explanation, f: OutputFormat): string {
  const out: string[] = [];
  const rank = e.rank === null ? 'unranked' : `rank ${e.rank} of ${e.leagueSize}`;
  out.push(`${e.name} (${e.unit}) — league ${e.rankGroup}, ${rank}${e.band ? `, band ${e.band}` : ''}`);
  out.push(`Index ${fmt(e.index, f) ?? '—'} (self-assessed ${fmt(e.selfIndex, f) ?? '—'}); ${fmt(e.points, f)} points of ${fmt(e.max, f)}, ${fmt(e.lost, f)} lost`);
  out.push(`Missing inputs ${e.missing}, unappraised rows ${e.unappraised}, not applicable ${e.na}`);
  out.push('');
  const gaps: (string | number | null)[][] = [['Gap', 'Unit', 'Rank', 'Index', 'Index points', 'Raw points']];
  if (e.above) gaps.push(['to draw level with the unit above', e.above.unit, e.above.rank, fmt(e.above.index, f), fmt(e.above.indexGap, f), fmt(e.above.pointsGap, f)]);
  else if (e.index !== null) gaps.push(['no unit above (leads the league)', null, null, null, null, null]);
  if (e.below) gaps.push(['lead over the unit below', e.below.unit, e.below.rank, fmt(e.below.index, f), fmt(e.below.indexGap, f), fmt(e.below.pointsGap, f)]);
  else if (e.index !== null) gaps.push(['no unit below (last of the league)', null, null, null, null, null]);
  for (const t of e.tiedWith) gaps.push(['tied with', t, e.rank, fmt(e.index, f), null, null]);
  for (const b of e.bands) {
    const what = b.reached ? `margin above band ${b.band} (${b.strict ? '>' : '≥'} ${b.min.toString()})` : `to reach band ${b.band} (${b.strict ? '>' : '≥'} ${b.min.toString()})`;
    gaps.push([what, null, null, b.min.toString(), fmt(b.reached ? b.indexGap.neg() : b.indexGap, f), fmt(b.reached ? b.pointsGap.neg() : b.pointsGap, f)]);
  }
  if (gaps.length > 1) out.push(renderTextTable(gaps, ['left', 'left', 'right', 'right', 'right', 'right']));
  out.push('Points lost by area');
  out.push(renderTextTable([['Area', 'Title', 'Points', 'Max', 'Lost'], ...e.areas.map((a) => [a.code, a.title, fmt(a.points, f), fmt(a.max, f), fmt(a.lost, f)])], ['left', 'left', 'right', 'right', 'right']));
  if (e.leaves.length) {
    out.push(`Largest lost leaves (${e.leaves.length} of ${e.lostLeaves})`);
    out.push(
      renderTextTable(
        [['Criterion', 'Rule', 'Input', 'From', 'Points', 'Max', 'Lost', 'Title'], ...e.leaves.map((l) => [l.code, l.rule, l.input, l.status, fmt(l.points, f), fmt(l.max, f), fmt(l.lost, f), l.title])],
        ['left', 'left', 'right', 'left', 'right', 'right', 'right', 'left'],
      ),
    );
  }
  return out.join('\n');
}
