/**
 * Writing a {@link SensitivityResult} (`parindex sensitivity`) as JSON, CSV or terminal text.
 * Indices and shifts are rounded to the output decimals; the share of runs keeping the base rank is
 * printed as a percentage; Spearman's ρ with at least 4 decimals (it sits close to 1); the median
 * rank exactly (a whole number or a half). Text and CSV speak the presentation's language
 * (Vietnamese by default) with numbers in its style; JSON keys never change.
 */
import type { SensitivityResult } from '../analysis/sensitivity.js';
import { sensitivityWords } from '../i18n/labels/sensitivity.js';
import type { Lang } from '../i18n/lang.js';
import type { NumberStyle } from '../i18n/number-style.js';
import { Exact } from '../numbers/exact.js';
import { fmt, type OutputFormat } from '../scoring/result-json.js';
import { type CsvOutputOptions, csvDialect, toCsv } from './csv-write.js';
import type { Presentation } from './presentation.js';
import { styledText } from './styled-number.js';
import { renderTextTable } from './text-table.js';

const pct = (x: Exact | null, f: OutputFormat) => fmt(x && x.mul(Exact.HUNDRED), f);
const rho = (x: Exact | null, f: OutputFormat) => fmt(x, { ...f, decimals: Math.max(4, f.decimals) });
const exactText = (x: Exact | null) => (x === null ? null : x.toString());

/** The JSON document of a sensitivity report. */
export function sensitivityJson(s: SensitivityResult, f: OutputFormat) {
  return {
    runs: s.runs,
    seed: s.seed,
    mode: s.mode,
    spread: s.spread.toString(),
    revert: s.revert.toString(),
    units: s.units.map((u) => ({
      unit: u.unit,
      name: u.name,
      rankGroup: u.rankGroup,
      index: fmt(u.index, f),
      baseRank: u.baseRank,
      minRank: u.minRank,
      medianRank: exactText(u.medianRank),
      maxRank: u.maxRank,
      keepPercent: pct(u.keepShare, f),
      meanShift: fmt(u.meanShift, f),
      unrankedRuns: u.unrankedRuns,
      minIndex: fmt(u.minIndex, f),
      maxIndex: fmt(u.maxIndex, f),
    })),
    leagues: Object.fromEntries(
      [...s.leagues].map(([g, l]) => [g, { units: l.units, neverMoved: l.neverMoved, neverMovedPercent: pct(l.neverMovedShare, f), meanShift: fmt(l.meanShift, f), meanSpearman: rho(l.meanSpearman, f), minSpearman: rho(l.minSpearman, f) }]),
    ),
  };
}

/** The figures of a report as people read them: rounded, then in the number style. */
function figures(f: OutputFormat, style: NumberStyle | undefined) {
  const s = (t: string | null) => styledText(t, style);
  return {
    num: (x: Exact | null) => s(fmt(x, f)),
    pct: (x: Exact | null) => s(pct(x, f)),
    rho: (x: Exact | null) => s(rho(x, f)),
    exact: (x: Exact | null) => s(exactText(x)),
  };
}

/** The CSV rows (header first): one row per unit. */
export function sensitivityRows(s: SensitivityResult, f: OutputFormat, p: { lang?: Lang; numberStyle?: NumberStyle } = {}): (string | number | null)[][] {
  const h = sensitivityWords[p.lang ?? 'vi'].csv;
  const n = figures(f, p.numberStyle);
  const header = [h.rankGroup, h.unit, h.name, h.index, h.baseRank, h.minRank, h.medianRank, h.maxRank, h.keepPercent, h.meanShift, h.unrankedRuns, h.minIndex, h.maxIndex];
  return [header, ...s.units.map((u) => [u.rankGroup, u.unit, u.name, n.num(u.index), u.baseRank, u.minRank, n.exact(u.medianRank), u.maxRank, n.pct(u.keepShare), n.num(u.meanShift), u.unrankedRuns, n.num(u.minIndex), n.num(u.maxIndex)])];
}

/** The report as CSV text. */
export function sensitivityCsv(s: SensitivityResult, f: OutputFormat, opts: CsvOutputOptions = {}): string {
  const d = csvDialect(opts);
  return toCsv(sensitivityRows(s, f, d), d.write);
}

/** The report as terminal text: one table per league, then its stability summary. */
export function sensitivityText(s: SensitivityResult, f: OutputFormat, p: Presentation = {}): string {
  const w = sensitivityWords[p.lang ?? 'vi'];
  const n = figures(f, p.numberStyle);
  const text = (x: Exact) => styledText(x.toString(), p.numberStyle) ?? '';
  const design = s.mode === 'weights' ? w.weights(s.runs, s.seed, text(Exact.ONE.sub(s.spread)), text(Exact.ONE.add(s.spread))) : w.appraisal(s.runs, s.seed, text(s.revert));
  const out: string[] = [`${design}\n`];
  for (const [g, l] of [...s.leagues]) {
    out.push(
      `${w.league({ league: g, neverMoved: l.neverMoved, units: l.units, percent: n.pct(l.neverMovedShare) ?? '—', meanShift: n.num(l.meanShift) ?? '—', meanRho: n.rho(l.meanSpearman) ?? '—', minRho: n.rho(l.minSpearman) ?? '—' })}\n`,
    );
    const units = s.units.filter((u) => u.rankGroup === g);
    // Runs in which a unit had no index (so no rank) are shown only when there are any.
    const unranked = units.some((u) => u.unrankedRuns > 0);
    const t = w.table;
    const header = [t.rank, t.unit, t.name, t.index, t.best, t.median, t.worst, t.kept, t.meanShift, ...(unranked ? [t.unranked] : []), t.range];
    const rows = units.map((u) => [
      u.baseRank,
      u.unit,
      u.name,
      n.num(u.index),
      u.minRank,
      n.exact(u.medianRank),
      u.maxRank,
      n.pct(u.keepShare),
      n.num(u.meanShift),
      ...(unranked ? [u.unrankedRuns] : []),
      u.minIndex ? `${n.num(u.minIndex)}–${n.num(u.maxIndex)}` : null,
    ]);
    out.push(renderTextTable([header, ...rows], ['right', 'left', 'left', 'right', 'right', 'right', 'right', 'right', 'right', ...(unranked ? ['right' as const] : []), 'right']));
  }
  return out.join('\n');
}
