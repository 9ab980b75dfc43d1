/**
 * Writing a {@link SensitivityResult} (`parindex sensitivity`) as JSON, CSV or terminal text.
 * Indices and shifts are rounded to the output decimals; the share of runs keeping the base rank is
 * printed as a percentage; Spearman's ρ with at least 4 decimals (it sits close to 1); the median
 * rank exactly (a whole number or a half).
 */
import { Exact } from '../numbers/exact.js';
import type { SensitivityResult } from '../analysis/sensitivity.js';
import { toCsv, type CsvWriteOptions } from './csv-write.js';
import { fmt, type OutputFormat } from '../scoring/result-json.js';
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

/** The CSV rows (header first): one row per unit. */
export function sensitivityRows(s: SensitivityResult, f: OutputFormat): (string | number | null)[][] {
  const header = ['rankGroup', 'unit', 'name', 'index', 'baseRank', 'minRank', 'medianRank', 'maxRank', 'keepPercent', 'meanShift', 'unrankedRuns', 'minIndex', 'maxIndex'];
  return [
    header,
    ...s.units.map((u) => [u.rankGroup, u.unit, u.name, fmt(u.index, f), u.baseRank, u.minRank, exactText(u.medianRank), u.maxRank, pct(u.keepShare, f), fmt(u.meanShift, f), u.unrankedRuns, fmt(u.minIndex, f), fmt(u.maxIndex, f)]),
  ];
}

/** The report as CSV text. */
export function sensitivityCsv(s: SensitivityResult, f: OutputFormat, opts: CsvWriteOptions = {}): string {
  return toCsv(sensitivityRows(s, f), opts);
}

/** The report as terminal text: one table per league, then its stability summary. */
export function sensitivityText(s: SensitivityResult, f: OutputFormat): string {
  const design =
    s.mode === 'weights'
      ? `Weight sensitivity: ${s.runs} runs, seed ${s.seed}, every leaf's weight × a uniform factor in [${Exact.ONE.sub(s.spread).toString()}, ${Exact.ONE.add(s.spread).toString()})`
      : `Appraisal sensitivity: ${s.runs} runs, seed ${s.seed}, each appraised cell reverts to the self value with probability ${s.revert.toString()}`;
  const out: string[] = [`${design}\n`];
  for (const [g, l] of [...s.leagues]) {
    out.push(
      `League ${g} — ${l.neverMoved} of ${l.units} units never change rank (${pct(l.neverMovedShare, f) ?? '—'} %); mean shift ${fmt(l.meanShift, f) ?? '—'}; ` +
        `Spearman ρ mean ${rho(l.meanSpearman, f) ?? '—'}, min ${rho(l.minSpearman, f) ?? '—'}\n`,
    );
    const units = s.units.filter((u) => u.rankGroup === g);
    // Runs in which a unit had no index (so no rank) are shown only when there are any.
    const unranked = units.some((u) => u.unrankedRuns > 0);
    const header = ['Rank', 'Unit', 'Name', 'Index', 'Best', 'Median', 'Worst', 'Kept %', 'Mean shift', ...(unranked ? ['Unranked runs'] : []), 'Index range'];
    const rows = units.map((u) => [
      u.baseRank,
      u.unit,
      u.name,
      fmt(u.index, f),
      u.minRank,
      exactText(u.medianRank),
      u.maxRank,
      pct(u.keepShare, f),
      fmt(u.meanShift, f),
      ...(unranked ? [u.unrankedRuns] : []),
      u.minIndex ? `${fmt(u.minIndex, f)}–${fmt(u.maxIndex, f)}` : null,
    ]);
    out.push(renderTextTable([header, ...rows], ['right', 'left', 'left', 'right', 'right', 'right', 'right', 'right', 'right', ...(unranked ? ['right' as const] : []), 'right']));
  }
  return out.join('\n');
}
