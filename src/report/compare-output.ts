/**
 * Writing a {@link Comparison} (`parindex compare`) as JSON, CSV or terminal text. Figures are
 * printed at the files' own decimals unless the output format says otherwise; changes are signed
 * (`+0.12`, `-1.05` in text; plain `-1.05` / `0.12` in JSON and CSV). A rank change is old rank −
 * new rank: positive = moved up. Text and CSV are Vietnamese unless `lang: 'en'`; JSON keys are
 * never translated. Area points (when both files printed them) add a change column per area; the
 * largest movers and the mean area changes close each league's text.
 */
import type { Comparison, LeagueComparison, UnitComparison } from '../analysis/compare.js';
import { styleNumber } from '../i18n/number-style.js';
import type { Exact } from '../numbers/exact.js';
import { fmt, mapJson, type OutputFormat } from '../scoring/result-json.js';
import { compareWords } from './compare-words.js';
import { type CsvOutputOptions, csvDialect, toCsv } from './csv-write.js';
import type { Presentation } from './presentation.js';
import { renderTextTable } from './text-table.js';

/** A change as printed for people: `+1.25`, `-0.50`, `0.00`; null stays null. */
export function signedText(x: Exact | null, f: OutputFormat): string | null {
  const t = fmt(x, f);
  return t === null || t.startsWith('-') || /^0(\.0*)?$/.test(t) ? t : `+${t}`;
}

/** A rank change as printed: `+2`, `-1`, `0`. */
export function signedInt(n: number | null): string | null {
  return n === null ? null : n > 0 ? `+${n}` : String(n);
}

/** One unit of the JSON document (without its areas). */
function unitCoreJson(u: UnitComparison, f: OutputFormat) {
  return {
    unit: u.unit,
    name: u.name,
    rankGroup: u.rankGroup,
    status: u.status,
    leagueChanged: u.leagueChanged,
    oldIndex: fmt(u.oldIndex, f),
    newIndex: fmt(u.newIndex, f),
    change: fmt(u.change, f),
    oldRank: u.oldRank,
    newRank: u.newRank,
    rankChange: u.rankChange,
  };
}

function leagueJson(l: LeagueComparison, f: OutputFormat) {
  const mover = (u: UnitComparison) => {
    const { unit, name, oldIndex, newIndex, change, oldRank, newRank, rankChange } = unitCoreJson(u, f);
    return { unit, name, oldIndex, newIndex, change, oldRank, newRank, rankChange };
  };
  return {
    compared: l.compared,
    meanChange: fmt(l.meanChange, f),
    up: l.up,
    down: l.down,
    same: l.same,
    onlyOld: l.onlyOld,
    onlyNew: l.onlyNew,
    risers: l.risers.map(mover),
    fallers: l.fallers.map(mover),
    areaMeanChange: l.areaMeanChange ? mapJson(l.areaMeanChange, (x) => fmt(x, f)) : null,
  };
}

/** The JSON document of a comparison (docs/analysis.md): keys in English, figures as rounded strings. */
export function comparisonJson(c: Comparison, f: OutputFormat) {
  return {
    old: c.oldFile ?? null,
    new: c.newFile ?? null,
    areas: c.areas,
    areasMissing: c.areasMissing,
    top: c.top,
    units: c.units.map((u) => ({ ...unitCoreJson(u, f), areas: u.areas ? mapJson(u.areas, (a) => ({ old: fmt(a.old, f), new: fmt(a.new, f), change: fmt(a.change, f) })) : null })),
    leagues: Object.fromEntries([...c.leagues].map(([g, l]) => [g, leagueJson(l, f)])),
  };
}

/**
 * The CSV rows (header first): one row per unit; with area points, an old, new and change column
 * per area. Headers and status in the language asked (Vietnamese by default); numbers as `styleNumber` writes them.
 */
export function comparisonRows(c: Comparison, f: OutputFormat, p: Presentation = {}): (string | number | null)[][] {
  const en = p.lang === 'en';
  const w = compareWords(p.lang);
  const n = (x: Exact | null) => {
    const t = fmt(x, f);
    return t === null ? null : styleNumber(t, p.numberStyle);
  };
  const areas = c.areas ?? [];
  const header = en
    ? ['rankGroup', 'unit', 'name', 'status', 'oldIndex', 'newIndex', 'change', 'oldRank', 'newRank', 'rankChange']
    : [w.rankGroup, w.unit, w.name, w.status, w.oldIndex, w.newIndex, w.change, w.oldRank, w.newRank, w.rankChange];
  header.push(...areas.flatMap((a) => [w.areaOld(a), w.areaNew(a), w.areaChange(a)]));
  const rows = c.units.map((u) => [
    u.rankGroup,
    u.unit,
    u.name,
    w.status_[u.status],
    n(u.oldIndex),
    n(u.newIndex),
    n(u.change),
    u.oldRank,
    u.newRank,
    u.rankChange,
    ...areas.flatMap((a) => {
      const x = u.areas?.get(a);
      return x ? [n(x.old), n(x.new), n(x.change)] : [null, null, null];
    }),
  ]);
  return [header, ...rows];
}

/** The comparison as CSV text (Vietnamese header unless `lang: 'en'`; `csvStyle: 'vi'` for `;` and decimal commas). */
export function comparisonCsv(c: Comparison, f: OutputFormat, opts: CsvOutputOptions = {}): string {
  const d = csvDialect(opts);
  return toCsv(comparisonRows(c, f, { lang: d.lang, numberStyle: d.numberStyle }), d.write);
}

/** Text of one league's movers: `noi-vu +1.25 (hạng 3 → 1); …`, or "không có". */
export function moversText(list: readonly UnitComparison[], f: OutputFormat, p: Presentation = {}): string {
  const w = compareWords(p.lang);
  const s = (t: string | null) => styleNumber(t ?? '—', p.numberStyle);
  return list.length ? list.map((u) => w.moverLine(u.unit, s(signedText(u.change, f)), String(u.oldRank ?? '—'), String(u.newRank ?? '—'))).join('; ') : w.none;
}

/** The summary line of a league, in the language asked. */
export function leagueSummary(l: LeagueComparison, league: string, f: OutputFormat, p: Presentation = {}): string {
  const w = compareWords(p.lang);
  return w.leagueLine({ league, compared: l.compared, mean: styleNumber(signedText(l.meanChange, f) ?? '—', p.numberStyle), up: l.up, down: l.down, same: l.same, onlyOld: l.onlyOld, onlyNew: l.onlyNew });
}

/** The note of a unit: new, only in the old file, or league changed. */
export function unitNote(u: UnitComparison, p: Presentation = {}): string {
  const w = compareWords(p.lang);
  return u.status === 'both' ? (u.leagueChanged ? w.noteOf.leagueChanged : '') : w.noteOf[u.status];
}

/**
 * The comparison as terminal text: one table per league (with a change column per area when area
 * points are compared), its summary, its largest movers and mean area changes.
 */
export function comparisonText(c: Comparison, f: OutputFormat, p: Presentation = {}): string {
  const w = compareWords(p.lang);
  const s = (t: string | null) => (t === null ? null : styleNumber(t, p.numberStyle));
  const areas = c.areas ?? [];
  const out: string[] = [`${w.title}\n${w.files(c.oldFile ?? w.oldName, c.newFile ?? w.newName)}\n`];
  if (c.areasMissing) out.push(`${w.areasMissing[c.areasMissing]}\n`);
  for (const [g, l] of c.leagues) {
    out.push(`${w.league(g)} — ${leagueSummary(l, g, f, p)}\n`);
    const rows = c.units
      .filter((u) => u.rankGroup === g)
      .map((u) => [
        u.newRank,
        u.unit,
        u.name,
        s(fmt(u.oldIndex, f)),
        s(fmt(u.newIndex, f)),
        s(signedText(u.change, f)),
        u.oldRank,
        signedInt(u.rankChange),
        ...areas.map((a) => s(signedText(u.areas?.get(a)?.change ?? null, f))),
        unitNote(u, p),
      ]);
    const head = [w.rank, w.unit, w.name, w.oldIndex, w.newIndex, w.change, w.oldRank, w.rankChange, ...areas.map((a) => w.areaShort(a)), w.note];
    out.push(renderTextTable([head, ...rows], ['right', 'left', 'left', 'right', 'right', 'right', 'right', 'right', ...areas.map(() => 'right' as const), 'left']));
    out.push(`${w.risers}: ${moversText(l.risers, f, p)}`);
    out.push(`${w.fallers}: ${moversText(l.fallers, f, p)}`);
    if (l.areaMeanChange) out.push(`${w.areaMeans}: ${[...l.areaMeanChange].map(([a, x]) => `${w.areaShort(a)} ${s(signedText(x, f)) ?? '—'}`).join('; ')}`);
    out.push('');
  }
  out.push(w.rankChangeNote);
  return `${out.join('\n')}\n`;
}
