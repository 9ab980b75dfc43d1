/**
 * The published results as one model both renderers draw — the results workbook's league sheets
 * (src/xlsx/results-workbook.ts) and the HTML report (src/report/results-html.ts) — so the two
 * carry the same content: title; per league its name, summary and one table (rank, unit name,
 * group where the league mixes groups, per area the points and the component index — the % of what
 * applies — and the unit's own maximum where it differs within the league, total points and the
 * unit's applicable max, index, band, and with a previous result last year's index and rank and the
 * changes); legend notes; chart data; the settings line and the input files with their SHA-256.
 *
 * Every maximum shown is what applies: an area's header names its maximum only when it is the same
 * for every unit of the league that has the area (never the framework's raw sum over all groups);
 * otherwise each unit's maximum has a column. Figures are the exact values rounded once, as every
 * other output prints them; changes are computed from the printed figures, so a reader can check
 * them by subtracting what is on the page.
 */
import type { UnitLabels } from '../criteria/unit-labels.js';
import type { Band } from '../criteria/bands.js';
import type { ResultFile, ResultRecord } from '../analysis/result-file.js';
import { parseExact } from '../numbers/decimal-text.js';
import { Exact, fixedText, type RoundingMode } from '../numbers/exact.js';
import { ACC, type Totals } from '../scoring/kernel.js';
import { fmt, type OutputFormat } from '../scoring/result-json.js';
import { totalsOf } from '../scoring/result-totals.js';
import type { ScoreResult, UnitResult } from '../scoring/score.js';
import type { Presentation } from './presentation.js';
import { resultsWords, type ResultsWords } from './results-words.js';

/** An input file named in the report: its name and SHA-256 (lower-case hex). */
export interface ReportSource {
  /** The file's name as readers should see it. */
  name: string;
  /** SHA-256 of its bytes, 64 hex digits. */
  sha256: string;
}

/** What the published results show besides the result itself. */
export interface PublishOptions extends Presentation {
  /** Title (default "Chỉ số cải cách hành chính — kết quả" / "PAR INDEX — results"). */
  title?: string;
  /** Last year's results: previous index and rank, and the changes (units matched by id). */
  previous?: ResultFile;
  /** Input files named in the footer / settings sheet with their SHA-256. */
  sources?: readonly ReportSource[];
  /** League and group names (from the units file); ids are shown where none is given. */
  labels?: UnitLabels;
}

/** What a column holds. */
export type ColumnRole = 'rank' | 'name' | 'group' | 'points' | 'percent' | 'areaMax' | 'total' | 'totalMax' | 'index' | 'band' | 'previousIndex' | 'previousRank' | 'indexChange' | 'rankChange' | 'unitId' | 'leagueId';

/** One column of a league table. */
export interface PubColumn {
  /** Header text (under its group's header, if any). */
  label: string;
  /** What it holds. */
  role: ColumnRole;
  /** Area code, for area columns. */
  area?: string;
  /** Machine columns (unit and league ids): hidden in the workbook, absent from the page. */
  hidden?: boolean;
}

/** A header cell over consecutive columns (an area, or last year's columns). */
export interface PubHeadGroup {
  /** Header text. */
  label: string;
  /** First column (index into the columns). */
  from: number;
  /** Columns spanned. */
  span: number;
}

/** One cell: text, or a number printed as `text` (plain decimal point; `+`/`-` signs where `signed`). */
export type PubCell = { kind: 'empty' } | { kind: 'text'; text: string } | { kind: 'number'; text: string; decimals: number; signed?: boolean };

/** One unit's row. */
export interface PubRow {
  /** Unit id. */
  unit: string;
  /** Cells, one per column. */
  cells: PubCell[];
}

/** A bar of the ranked chart. */
export interface ChartBar {
  /** Unit name. */
  name: string;
  /** Rank (null without an index). */
  rank: number | null;
  /** The printed index as a number (null without one). */
  value: number | null;
  /** The printed index. */
  text: string;
}

/** One unit's row of the heat map. */
export interface HeatRow {
  /** Unit name. */
  name: string;
  /** Component index per area of the league (null where the area does not apply). */
  cells: { value: number | null; text: string }[];
}

/** One league's published table, summary and chart data. */
export interface PubLeague {
  /** League id. */
  id: string;
  /** Its heading: the name from the units file, else `Khối <id>`. */
  label: string;
  /** Summary line (count, mean, lowest, highest). */
  summary: string;
  /** Columns in order. */
  columns: PubColumn[];
  /** Header groups (columns outside every group have a header of their own). */
  groups: PubHeadGroup[];
  /** Units in rank order. */
  rows: PubRow[];
  /** The ranked bar chart: bars, the league mean and the band thresholds (made when first read). */
  bars: { units: ChartBar[]; mean: { value: number; text: string } | null; bands: { label: string; value: number; text: string }[] };
  /** The heat map: areas (code and title) and one row per unit (made when first read). */
  heat: { areas: { code: string; title: string }[]; rows: HeatRow[] };
}

/** The published results of a round. */
export interface PubReport {
  /** Language of every label. */
  words: ResultsWords;
  /** Title. */
  title: string;
  /** One per league, in result order. */
  leagues: PubLeague[];
  /** Legend lines. */
  notes: string[];
  /** Input files with their SHA-256. */
  sources: readonly ReportSource[];
  /** Decimals printed. */
  decimals: number;
}

/** `9.00` → `9`, `8.50` → `8.5`: a maximum in a header, the same value in fewer digits. */
export function shortNumber(text: string): string {
  return text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
}

function decimalsOf(text: string): number {
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

const EMPTY: PubCell = { kind: 'empty' };
const num = (text: string | null, decimals: number): PubCell => (text === null ? EMPTY : { kind: 'number', text, decimals });
const signed = (x: Exact, decimals: number): PubCell => {
  const t = x.toFixed(decimals);
  return { kind: 'number', text: x.sign() > 0 ? `+${t}` : t, decimals, signed: true };
};

/** The component index: 100 × points / max, null when nothing applies. */
export function componentIndex(points: Exact, max: Exact): Exact | null {
  return max.sign() === 0 ? null : Exact.HUNDRED.mul(points).div(max);
}

const safe = Number.isSafeInteger;

/** The totals a result was ranked from (`totalsOf`) when they are numerators over one safe denominator (the fast path without denominator classes). */
function oneDenominator(result: ScoreResult): (Totals & { acc: Float64Array }) | undefined {
  const t = totalsOf(result);
  if (t === undefined || t.path !== 'fast' || t.extra !== undefined || !(t.acc instanceof Float64Array)) return undefined;
  const den = Number(t.den);
  return safe(den) && den > 0 ? (t as Totals & { acc: Float64Array }) : undefined;
}

/**
 * The figures of a league table (and of the results workbook's self-vs-appraised sheet), as `fmt`
 * prints the unit's exact values (`toFixed(decimals, rounding)`). From the totals the result was
 * ranked from ({@link oneDenominator}) each figure is its numerator over the round's denominator —
 * an area's points and max, the total (appraisal + survey + adjust, summed exactly in doubles as the
 * result does), self points, their differences, the component index `100 × points / max` and the
 * indices `100 × total / max` (the denominator cancels) — rounded by {@link fixedText}: no exact
 * value is made per unit and area. A figure whose numbers leave the safe integers, a clamped index,
 * or a result without such totals (rebuilt from a file, the bigint path, denominator classes) is
 * printed from the unit's exact values as before.
 */
export class Figures {
  readonly #t: (Totals & { acc: Float64Array }) | undefined;
  readonly #den: number;
  readonly #areas: number;
  readonly #clamp: boolean;
  readonly #d: number;
  readonly #mode: RoundingMode;
  readonly #f: OutputFormat;

  constructor(result: ScoreResult, f: OutputFormat) {
    const t = oneDenominator(result);
    this.#t = t;
    this.#den = t === undefined ? 0 : Number(t.den);
    this.#areas = result.framework.areas.length;
    this.#clamp = result.settings.clamp;
    this.#d = f.decimals;
    this.#mode = f.rounding;
    this.#f = f;
  }

  /** `num / den` rounded, or undefined when `num` is not a safe integer. */
  #frac(num: number, den: number): string | undefined {
    if (!safe(num)) return undefined;
    return fixedText(num, den, this.#d, this.#mode) ?? Exact.fromSafeIntegers(num, den).toFixed(this.#d, this.#mode);
  }

  /** Whether a leaf of area `a` (position; `code`) applies to the unit. */
  applies(u: UnitResult, a: number, code: string): boolean {
    const t = this.#t;
    return t ? t.areaLeaves[u.position * this.#areas + a] !== 0 : u.areas.has(code);
  }

  /** An applying area's points (`applies` first). */
  areaPoints(u: UnitResult, a: number, code: string): string {
    const t = this.#t;
    return (t && this.#frac(t.acc[u.position * t.slots + ACC.areas + 2 * a], this.#den)) ?? fmt(u.areas.get(code)!.points, this.#f)!;
  }

  /** An applying area's maximum. */
  areaMax(u: UnitResult, a: number, code: string): string {
    const t = this.#t;
    return (t && this.#frac(t.acc[u.position * t.slots + ACC.areas + 2 * a + 1], this.#den)) ?? fmt(u.areas.get(code)!.max, this.#f)!;
  }

  /** An applying area's component index, null when its maximum is 0. */
  percent(u: UnitResult, a: number, code: string): string | null {
    const t = this.#t;
    if (t) {
      const at = u.position * t.slots + ACC.areas + 2 * a;
      const p = t.acc[at];
      const m = t.acc[at + 1];
      if (m === 0) return null;
      if (m > 0 && safe(m) && safe(100 * p)) {
        const s = this.#frac(100 * p, m);
        if (s !== undefined) return s;
      }
    }
    const r = u.areas.get(code)!;
    return fmt(componentIndex(r.points, r.max), this.#f);
  }

  /** The unit's appraisal, survey and adjust points summed (exactly), or undefined past the safe integers. */
  #points(u: UnitResult): number | undefined {
    const t = this.#t!;
    const b = u.position * t.slots;
    const appraisal = t.acc[b + ACC.appraisal];
    const survey = t.acc[b + ACC.survey];
    const adjust = t.acc[b + ACC.adjust];
    if (!safe(appraisal) || !safe(survey) || !safe(adjust) || Math.abs(appraisal) + Math.abs(survey) + Math.abs(adjust) > Number.MAX_SAFE_INTEGER) return undefined;
    return appraisal + survey + adjust;
  }

  /** Total points. */
  total(u: UnitResult): string {
    const p = this.#t ? this.#points(u) : undefined;
    return (p === undefined ? undefined : this.#frac(p, this.#den)) ?? fmt(u.points, this.#f)!;
  }

  /** Applicable maximum. */
  max(u: UnitResult): string {
    const t = this.#t;
    return (t && this.#frac(t.acc[u.position * t.slots + ACC.max], this.#den)) ?? fmt(u.max, this.#f)!;
  }

  /** `100 × points / max` from numerators over the round's denominator (null when max is 0), or undefined past the safe integers or clamped. */
  #ratio(points: number | undefined, max: number): string | null | undefined {
    if (this.#clamp || points === undefined || !safe(max)) return undefined;
    if (max === 0) return null;
    return max > 0 && safe(100 * points) ? this.#frac(100 * points, max) : undefined;
  }

  /** The index, null without one. */
  index(u: UnitResult): string | null {
    const t = this.#t;
    const s = t && this.#ratio(this.#points(u), t.acc[u.position * t.slots + ACC.max]);
    return s !== undefined ? s : fmt(u.index, this.#f);
  }

  /** The self-assessed index, null without one. */
  selfIndex(u: UnitResult): string | null {
    const t = this.#t;
    const b = t ? u.position * t.slots : 0;
    const s = t && this.#ratio(t.acc[b + ACC.selfPoints], t.acc[b + ACC.selfMax]);
    return s !== undefined ? s : fmt(u.selfIndex, this.#f);
  }

  /** Self-assessed points. */
  selfPoints(u: UnitResult): string {
    const t = this.#t;
    return (t && this.#frac(t.acc[u.position * t.slots + ACC.selfPoints], this.#den)) ?? fmt(u.selfPoints, this.#f)!;
  }

  /** Total points less the self-assessed points (the council's adjustment). */
  totalLessSelf(u: UnitResult): string {
    const t = this.#t;
    const p = t ? this.#points(u) : undefined;
    if (p !== undefined) {
      const self = t!.acc[u.position * t!.slots + ACC.selfPoints];
      const s = safe(self) && Math.abs(p) + Math.abs(self) <= Number.MAX_SAFE_INTEGER ? this.#frac(p - self, this.#den) : undefined;
      if (s !== undefined) return s;
    }
    return fmt(u.points.sub(u.selfPoints), this.#f)!;
  }

  /** An applying area's points less `x` (its self-assessed points, say): over the round's denominator when `x`'s denominator divides it. */
  areaLess(u: UnitResult, a: number, code: string, x: Exact): string {
    const t = this.#t;
    if (t) {
      const p = t.acc[u.position * t.slots + ACC.areas + 2 * a];
      const xn = Number(x.num);
      const xd = Number(x.den);
      if (safe(p) && safe(xn) && safe(xd) && this.#den % xd === 0) {
        const m = xn * (this.#den / xd);
        const d = p - m;
        if (safe(m) && safe(d) && Math.abs(p) + Math.abs(m) <= Number.MAX_SAFE_INTEGER) {
          const s = this.#frac(d, this.#den);
          if (s !== undefined) return s;
        }
      }
    }
    return fmt(u.areas.get(code)!.points.sub(x), this.#f)!;
  }
}

/** How an area is shown in a league: absent (applies to no unit), one maximum for all, or per unit. */
type AreaShape = { code: string; title: string; at: number; max: Exact | null };

function areaShapes(result: ScoreResult, units: readonly UnitResult[]): AreaShape[] {
  const out: AreaShape[] = [];
  const fast = oneDenominator(result);
  const nAreas = result.framework.areas.length;
  result.framework.areas.forEach((a, at) => {
    if (fast) {
      // Maxima over one denominator: equal numerators (safe integers), equal values — no exact value per unit.
      const acc = fast.acc;
      let first: UnitResult | undefined;
      let m0 = 0;
      let same = true;
      let exact = true;
      for (const u of units) {
        if (fast.areaLeaves[u.position * nAreas + at] === 0) continue;
        const m = acc[u.position * fast.slots + ACC.areas + 2 * at + 1];
        if (!safe(m)) exact = false;
        if (first === undefined) {
          first = u;
          m0 = m;
        } else if (m !== m0) same = false;
      }
      if (first === undefined) return;
      if (exact) {
        out.push({ code: a.code, title: a.title, at, max: same ? first.areas.get(a.code)!.max : null });
        return;
      }
    }
    const maxima = units.flatMap((u) => {
      const r = u.areas.get(a.code);
      return r ? [r.max] : [];
    });
    if (maxima.length === 0) return;
    const same = maxima.every((m) => m.eq(maxima[0]));
    out.push({ code: a.code, title: a.title, at, max: same ? maxima[0] : null });
  });
  return out;
}

function previousMap(previous: ResultFile | undefined): Map<string, ResultRecord> | undefined {
  if (!previous) return undefined;
  const m = new Map<string, ResultRecord>();
  for (const r of previous.units) {
    const id = r.unit.normalize('NFC');
    if (!m.has(id)) m.set(id, r);
  }
  return m;
}

function leagueOf(result: ScoreResult, id: string, f: OutputFormat, w: ResultsWords, opts: PublishOptions, prev: Map<string, ResultRecord> | undefined): PubLeague {
  const units = result.units.filter((u) => u.rankGroup === id);
  const label = opts.labels?.leagues.get(id) ?? w.league(id);
  const groupName = (g: string) => opts.labels?.groups.get(g) ?? g;
  const mixed = new Set(units.map((u) => u.group)).size > 1;
  const hasBands = result.settings.bands.length > 0;
  const areas = areaShapes(result, units);
  const d = f.decimals;

  const columns: PubColumn[] = [];
  const groups: PubHeadGroup[] = [];
  const col = (c: PubColumn) => columns.push(c);
  col({ label: w.rank, role: 'rank' });
  col({ label: w.name, role: 'name' });
  if (mixed) col({ label: w.group, role: 'group' });
  for (const a of areas) {
    const from = columns.length;
    col({ label: w.points(a.code), role: 'points', area: a.code });
    if (a.max === null) col({ label: w.areaMaxColumn(a.code), role: 'areaMax', area: a.code });
    col({ label: w.percent, role: 'percent', area: a.code });
    const maxText = a.max === null ? w.areaMaxVaries : w.areaMax(shortNumber(a.max.toFixed(d, f.rounding)));
    groups.push({ label: w.area(a.code, a.title) + maxText, from, span: columns.length - from });
  }
  col({ label: w.total, role: 'total' });
  col({ label: w.totalMax, role: 'totalMax' });
  col({ label: w.index, role: 'index' });
  if (hasBands) col({ label: w.band, role: 'band' });
  if (prev) {
    const from = columns.length;
    col({ label: w.previousIndex, role: 'previousIndex' });
    col({ label: w.previousRank, role: 'previousRank' });
    col({ label: w.indexChange, role: 'indexChange' });
    col({ label: w.rankChange, role: 'rankChange' });
    groups.push({ label: w.previousGroup, from, span: 4 });
  }
  col({ label: w.unitId, role: 'unitId', hidden: true });
  col({ label: w.leagueId, role: 'leagueId', hidden: true });

  const figures = new Figures(result, f);
  const areaAt = new Map(areas.map((a) => [a.code, a.at]));
  const at = columns.map((c) => (c.area === undefined ? -1 : areaAt.get(c.area)!));
  const rows: PubRow[] = units.map((u) => {
    const cells: PubCell[] = [];
    for (let i = 0; i < columns.length; i++) cells.push(cellOf(columns[i], at[i], u, f, figures, w, groupName, prev));
    return { unit: u.unit, cells };
  });

  const s = result.leagues.get(id)!;
  const dash = (x: Exact | null) => fmt(x, f) ?? '—';
  const printed = (x: Exact | null) => (x === null ? null : Number(x.toFixed(d, f.rounding)));
  // The charts' data is made when first read (the HTML report draws them; the workbook never does).
  const makeBars = (): PubLeague['bars'] => ({
    units: units.map((u) => ({ name: u.name, rank: u.rank, value: printed(u.index), text: fmt(u.index, f) ?? '—' })),
    mean: s.mean === null ? null : { value: printed(s.mean)!, text: fmt(s.mean, f)! },
    bands: result.settings.bands.map((b: Band) => ({ label: b.label, value: b.min.toNumber(), text: b.min.toString().includes('/') ? b.min.toFixed(d, f.rounding) : b.min.toString() })),
  });
  const makeHeat = (): PubLeague['heat'] => ({
    areas: areas.map((a) => ({ code: a.code, title: a.title })),
    rows: units.map((u) => ({
      name: u.name,
      cells: areas.map((a) => {
        const r = u.areas.get(a.code);
        const ci = r ? componentIndex(r.points, r.max) : null;
        return { value: printed(ci), text: fmt(ci, f) ?? '' };
      }),
    })),
  });
  let bars: PubLeague['bars'] | undefined;
  let heat: PubLeague['heat'] | undefined;
  return {
    id,
    label,
    summary: w.summary(s.count, dash(s.mean), dash(s.min), dash(s.max)),
    columns,
    groups,
    rows,
    get bars() {
      bars ??= makeBars();
      return bars;
    },
    get heat() {
      heat ??= makeHeat();
      return heat;
    },
  };
}

/** The cell of column `c` (its area at position `at` of the framework's) in unit `u`'s row. */
function cellOf(c: PubColumn, at: number, u: UnitResult, f: OutputFormat, figures: Figures, w: ResultsWords, groupName: (g: string) => string, prev: Map<string, ResultRecord> | undefined): PubCell {
  const d = f.decimals;
  const p = prev?.get(u.unit);
  switch (c.role) {
    case 'rank':
      return u.rank === null ? EMPTY : num(String(u.rank), 0);
    case 'name':
      return { kind: 'text', text: u.name };
    case 'group':
      return { kind: 'text', text: groupName(u.group) };
    case 'points':
      return figures.applies(u, at, c.area!) ? num(figures.areaPoints(u, at, c.area!), d) : EMPTY;
    case 'areaMax':
      return figures.applies(u, at, c.area!) ? num(figures.areaMax(u, at, c.area!), d) : EMPTY;
    case 'percent':
      return figures.applies(u, at, c.area!) ? num(figures.percent(u, at, c.area!), d) : EMPTY;
    case 'total':
      return num(figures.total(u), d);
    case 'totalMax':
      return num(figures.max(u), d);
    case 'index':
      return num(figures.index(u), d);
    case 'band':
      return u.band === null ? EMPTY : { kind: 'text', text: u.band };
    case 'previousIndex':
      if (!p) return { kind: 'text', text: w.newUnit };
      return p.indexText === null ? EMPTY : num(p.indexText, decimalsOf(p.indexText));
    case 'previousRank':
      return p?.rank == null ? EMPTY : num(String(p.rank), 0);
    case 'indexChange': {
      if (!p || p.index === null || u.index === null) return EMPTY;
      const now = parseExact(u.index.toFixed(d, f.rounding))!;
      return signed(now.sub(p.index), Math.max(d, decimalsOf(p.indexText ?? '')));
    }
    case 'rankChange':
      if (!p || p.rank === null || u.rank === null || (p.rankGroup !== '' && p.rankGroup.normalize('NFC') !== u.rankGroup)) return EMPTY;
      return signed(Exact.of(p.rank - u.rank), 0);
    case 'unitId':
      return { kind: 'text', text: u.unit };
    case 'leagueId':
      return { kind: 'text', text: u.rankGroup };
  }
}

/** The published results of a scored round (see the module comment). */
export function publishedReport(result: ScoreResult, f: OutputFormat = result.settings, opts: PublishOptions = {}): PubReport {
  const w = resultsWords(opts.lang);
  const prev = previousMap(opts.previous);
  const leagues = [...result.leagues.keys()].map((id) => leagueOf(result, id, f, w, opts, prev));
  const notes = [w.notes.percent, w.notes.max];
  if (prev) notes.push(w.notes.previous(opts.previous?.file ? opts.previous.file.split(/[\\/]/).pop()! : '—'), w.notes.rankChange);
  return { words: w, title: opts.title?.trim() || w.title, leagues, notes, sources: opts.sources ?? [], decimals: f.decimals };
}
