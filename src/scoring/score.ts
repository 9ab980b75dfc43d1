/**
 * Scoring a round (docs/spec.md §4): totals per unit from the exact core, index and selfIndex, ranks per
 * league, bands, and league and group summaries. Every figure is exact; rounding happens only when
 * results are written.
 */
import type { Framework } from '../criteria/framework.js';
import { resolveSettings, type Settings, type TieMode } from '../criteria/settings.js';
import type { SettingsInput } from '../criteria/schemas.js';
import type { Units } from '../criteria/units.js';
import { ParIndexError, problem, type Issue } from '../errors.js';
import { Exact, type RoundingMode } from '../numbers/exact.js';
import { sumFractions } from '../numbers/exact-sum.js';
import { bandOf, type Band } from '../criteria/bands.js';
import type { InputMatrix } from '../criteria/inputs.js';
import { ACC, accumulateExact, accumulateFast, classFraction, classValue, compilePlan, slotValue, type Totals } from './kernel.js';
import { groupBy } from '../order/group-by.js';
import { highestFirst, rankItems } from '../order/ranking.js';
import { missingInputIssues, missingReport } from './absent-inputs.js';
import { keepTotals } from './result-totals.js';
import { scoreResultJson, unitJson, type OutputFormat, type ScoreResultJson, type UnitJson } from './result-json.js';

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
/** Accumulator slots whose sum is a unit's points (appraisal + survey + adjust). */
const INDEX_SLOTS: readonly number[] = [ACC.appraisal, ACC.survey, ACC.adjust];

/** Options of {@link score}; each overrides the framework's settings. */
export interface ScoreOptions {
  /** Decimals at output, and of the values ranked with `rankOn: 'rounded'` (0–20). */
  decimals?: number;
  /** Rounding at output: `half-up` (half away from zero) or `half-even`. */
  rounding?: RoundingMode;
  /** Tie handling in ranks: `competition` (1, 2, 2, 4), `dense` (1, 2, 2, 3) or `ordinal` (by id). */
  ties?: TieMode;
  /** Rank on exact indices (default) or on the printed, rounded ones. */
  rankOn?: 'exact' | 'rounded';
  /** Bands text (`"A>=90; B>=80"`) or parsed bands. */
  bands?: string | Band[];
  /** Clamp index and selfIndex to [0, 100] after adjustments. */
  clamp?: boolean;
  /** A missing input is an error instead of 0. */
  strict?: boolean;
  /** Force a path (tests, benchmarks); default: fast when its bounds hold. */
  path?: 'auto' | 'fast' | 'exact';
}

/** Points and applicable max of an area. */
export interface AreaResult {
  /** Points earned in the area (bonus and penalty included). */
  points: Exact;
  /** Applicable max of the area. */
  max: Exact;
}

/** The printed values of a unit, read back from the JSON document. */
export interface RebuiltUnit {
  unit: string;
  name: string;
  group: string;
  rankGroup: string;
  index: Exact | null;
  selfIndex: Exact | null;
  rank: number | null;
  band: string | null;
  points: Exact;
  max: Exact;
  appraisalPoints: Exact;
  surveyPoints: Exact;
  adjustPoints: Exact;
  areas: Map<string, AreaResult>;
  missing: number;
  unappraised: number;
  na: number;
}

/** Count, mean, min and max of exact indices (units without an index are left out). */
export interface Summary {
  /** Units with an index. */
  count: number;
  /** Exact mean of their indices (null when count is 0). */
  mean: Exact | null;
  /** Lowest index (null when count is 0). */
  min: Exact | null;
  /** Highest index (null when count is 0). */
  max: Exact | null;
}

/**
 * One unit's result (docs/spec.md §4). Exact values are computed on first access; enumerable keys
 * are the unit's data only, and `JSON.stringify(unit)` gives its row of the JSON document.
 */
export class UnitResult {
  /** Unit id. */
  readonly unit: string;
  /** Unit name. */
  readonly name: string;
  /** Unit group. */
  readonly group: string;
  /** League. */
  readonly rankGroup: string;
  /** Rank in the league (null without an index). */
  rank: number | null = null;
  /** Band (null when none). */
  band: string | null = null;
  /** Applicable leaves with no input (scored 0). */
  readonly missing: number;
  /** Rows with no appraised value (the self value stands). */
  readonly unappraised: number;
  /** Leaves not applicable (NA) on the final side. */
  readonly na: number;
  readonly #position: number;
  #rebuilt = false;
  readonly #t: Totals;
  readonly #areaCodes: readonly string[];
  readonly #clamp: boolean;
  #format: OutputFormat = { decimals: 2, rounding: 'half-up' };
  #cache?: Map<string, unknown>;
  /**
   * Fast path without clamp: points / max as a float (NaN otherwise). Points and max are safe
   * integers and correctly rounded division is monotone, so a float order is the exact order
   * wherever the floats differ; equal floats are compared exactly. With denominator classes it is
   * the exact index's `toNumber()`, also monotone, taken when first compared.
   */
  #approx: number;
  #approxPending: boolean;

  /** @internal Built by {@link scoreMatrix}. */
  constructor(unit: { id: string; name: string; group: string; rankGroup: string }, position: number, totals: Totals, areaCodes: readonly string[], clamp: boolean) {
    this.unit = unit.id;
    this.name = unit.name;
    this.group = unit.group;
    this.rankGroup = unit.rankGroup;
    this.#position = position;
    this.#t = totals;
    this.#areaCodes = areaCodes;
    this.#clamp = clamp;
    this.missing = totals.missing[position];
    this.unappraised = totals.unappraised[position];
    this.na = totals.na[position];
    let approx = NaN;
    if (totals.path === 'fast' && !clamp && !totals.extra) {
      const acc = totals.acc as Float64Array;
      const b = position * totals.slots;
      const pts = acc[b + ACC.appraisal] + acc[b + ACC.survey] + acc[b + ACC.adjust];
      if (Number.isSafeInteger(pts)) approx = pts / acc[b + ACC.max];
    }
    this.#approx = approx;
    this.#approxPending = totals.path === 'fast' && totals.extra !== undefined;
  }

  /**
   * @internal A unit rebuilt from its printed JSON row (`resultFromJson`): the printed values stand
   * for the exact ones; the self-assessed points and max, not printed, are not available.
   */
  static rebuilt(row: RebuiltUnit, areaCodes: readonly string[], format: OutputFormat): UnitResult {
    const slots = ACC.areas + 2 * areaCodes.length;
    const acc: Exact[] = new Array(slots).fill(Exact.ZERO);
    acc[ACC.appraisal] = row.appraisalPoints;
    acc[ACC.survey] = row.surveyPoints;
    acc[ACC.adjust] = row.adjustPoints;
    acc[ACC.max] = row.max;
    const areaLeaves = new Int32Array(areaCodes.length);
    areaCodes.forEach((code, a) => {
      const area = row.areas.get(code);
      if (!area) return;
      areaLeaves[a] = 1;
      acc[ACC.areas + 2 * a] = area.points;
      acc[ACC.areas + 2 * a + 1] = area.max;
    });
    const one = (n: number) => Int32Array.of(n);
    const totals: Totals = { acc, den: 1n, slots, missing: one(row.missing), unappraised: one(row.unappraised), na: one(row.na), areaLeaves, path: 'exact' };
    const u = new UnitResult({ id: row.unit, name: row.name, group: row.group, rankGroup: row.rankGroup }, 0, totals, areaCodes, false);
    u.rank = row.rank;
    u.band = row.band;
    u.#format = format;
    const cache = (u.#cache = new Map<string, unknown>());
    cache.set('index', row.index);
    cache.set('selfIndex', row.selfIndex);
    cache.set('points', row.points);
    u.#rebuilt = true;
    return u;
  }

  /** @internal Position of the unit in the round's units. */
  get position(): number {
    return this.#position;
  }

  /** @internal Sets the output rounding used by {@link UnitResult.toJSON}. */
  setFormat(f: OutputFormat): void {
    this.#format = f;
  }

  #memo<T>(key: string, f: () => T): T {
    const cache = (this.#cache ??= new Map<string, unknown>());
    if (!cache.has(key)) cache.set(key, f());
    return cache.get(key) as T;
  }

  /** Raw accumulator slot as an exact value. */
  #slot(i: number): Exact {
    const t = this.#t;
    if (t.extra) return slotValue(t, this.#position, i);
    const v = t.acc[this.#position * t.slots + i];
    return typeof v === 'number' ? (t.den <= MAX_SAFE ? Exact.fromSafeIntegers(v, Number(t.den)) : Exact.of(BigInt(v), t.den)) : v;
  }

  /** Fast path: the points and max numerators (over the common denominator) as safe integers, or undefined. */
  #fastParts(pointsSlot: readonly number[], maxSlot: number): [number, number] | undefined {
    const t = this.#t;
    if (t.path !== 'fast' || t.extra) return undefined;
    const acc = t.acc as Float64Array;
    const base = this.#position * t.slots;
    let pts = 0;
    for (const s of pointsSlot) pts += acc[base + s];
    const max = acc[base + maxSlot];
    return Number.isSafeInteger(pts) && Number.isSafeInteger(100 * pts) ? [100 * pts, max] : undefined;
  }

  /** Denominator classes: the index's unreduced fraction (see `classFraction`), computed once. */
  #indexParts(): [bigint, bigint] | null {
    return this.#memo('indexParts', () => classFraction(this.#t, this.#position, INDEX_SLOTS, ACC.max));
  }

  #ratio(pointsSlot: readonly number[], maxSlot: number): Exact | null {
    if (this.#t.extra) {
      // Several denominator classes: their points summed once, in bigints, and reduced factor by factor.
      const parts = pointsSlot === INDEX_SLOTS ? this.#indexParts() : classFraction(this.#t, this.#position, pointsSlot, maxSlot);
      if (parts === null) return null;
      const idx = classValue(this.#t, parts);
      return this.#clamp ? idx.max(Exact.ZERO).min(Exact.HUNDRED) : idx;
    }
    const parts = this.#fastParts(pointsSlot, maxSlot);
    if (parts) {
      if (parts[1] === 0) return null;
      // The common denominator cancels: index = 100·points / max, reduced once in float arithmetic.
      const idx = Exact.fromSafeIntegers(parts[0], parts[1]);
      return this.#clamp ? idx.max(Exact.ZERO).min(Exact.HUNDRED) : idx;
    }
    const max = this.#slot(maxSlot);
    if (max.sign() === 0) return null;
    let pts = Exact.ZERO;
    for (const s of pointsSlot) pts = pts.add(this.#slot(s));
    let idx = Exact.HUNDRED.mul(pts).div(max);
    if (this.#clamp) idx = idx.max(Exact.ZERO).min(Exact.HUNDRED);
    return idx;
  }

  /** 100 × (appraisal + survey + adjust points) / applicable max; null when the max is 0. */
  get index(): Exact | null {
    return this.#memo('index', () => this.#ratio(INDEX_SLOTS, ACC.max));
  }
  /** True when the unit has an index (its applicable max is not 0), without computing it. */
  get hasIndex(): boolean {
    const t = this.#t;
    const v = t.acc[this.#position * t.slots + ACC.max];
    return typeof v === 'number' ? v !== 0 : v.sign() !== 0;
  }

  /**
   * @internal The index as an unreduced fraction `[numerator, denominator]` (cheap on the fast
   * path, for exact sums such as league means), the denominator to be multiplied by
   * {@link UnitResult.indexFractionScale}; null without an index.
   */
  indexFraction(): [bigint, bigint] | null {
    if (this.#t.extra && !this.#clamp) return this.#indexParts();
    const parts = this.#clamp ? undefined : this.#fastParts(INDEX_SLOTS, ACC.max);
    if (parts) return parts[1] === 0 ? null : [BigInt(parts[0]), BigInt(parts[1])];
    const idx = this.index;
    return idx === null ? null : [idx.num, idx.den];
  }

  /**
   * @internal The factor every {@link UnitResult.indexFraction} of this round leaves out of its
   * denominator: 1, or with denominator classes the pieces of the common denominator (the same for
   * every unit of a round, so a sum of indices needs no lcm of long numbers).
   */
  indexFractionScale(): bigint {
    return this.#t.extra && !this.#clamp ? this.#t.extra.baseCof : 1n;
  }

  /** The same from the self-assessed inputs. */
  get selfIndex(): Exact | null {
    return this.#memo('selfIndex', () => this.#ratio([ACC.selfPoints], ACC.selfMax));
  }
  /** Appraisal + survey + adjust points. */
  get points(): Exact {
    return this.#memo('points', () => this.appraisalPoints.add(this.surveyPoints).add(this.adjustPoints));
  }
  /** Applicable max (appraised side). */
  get max(): Exact {
    return this.#memo('max', () => this.#slot(ACC.max));
  }
  /** Points of appraisal criteria (bonus and penalty excluded). */
  get appraisalPoints(): Exact {
    return this.#memo('appraisalPoints', () => this.#slot(ACC.appraisal));
  }
  /** Points of survey criteria. */
  get surveyPoints(): Exact {
    return this.#memo('surveyPoints', () => this.#slot(ACC.survey));
  }
  /** Bonus and penalty points. */
  get adjustPoints(): Exact {
    return this.#memo('adjustPoints', () => this.#slot(ACC.adjust));
  }
  /** Self-assessed points (survey and adjust included). Not available on a result rebuilt from JSON. */
  get selfPoints(): Exact {
    this.#needsRound('selfPoints');
    return this.#memo('selfPoints', () => this.#slot(ACC.selfPoints));
  }
  /** Applicable max on the self side. Not available on a result rebuilt from JSON. */
  get selfMax(): Exact {
    this.#needsRound('selfMax');
    return this.#memo('selfMax', () => this.#slot(ACC.selfMax));
  }

  #needsRound(what: string): void {
    if (this.#rebuilt) throw new ParIndexError({ ...problem('no-round/rebuilt', { what }), value: this.unit });
  }
  /** Points and max per area with a leaf applying to the unit, by area code in framework order. */
  get areas(): ReadonlyMap<string, AreaResult> {
    return this.#memo('areas', () => {
      const out = new Map<string, AreaResult>();
      const n = this.#areaCodes.length;
      this.#areaCodes.forEach((code, a) => {
        if (this.#t.areaLeaves[this.#position * n + a] === 0) return;
        out.set(code, { points: this.#slot(ACC.areas + 2 * a), max: this.#slot(ACC.areas + 2 * a + 1) });
      });
      return out;
    });
  }

  /** @internal Compares indices exactly (negative when this one is higher); both must be non-null. */
  compareIndex(o: UnitResult): number {
    if (this.#approxPending) this.#settleApprox();
    if (o.#approxPending) o.#settleApprox();
    // Same totals (same common denominator): floats first, exact only on a float tie. NaN (no fast
    // figure) never compares unequal, so it falls through to the exact comparison too.
    if (this.#t === o.#t && this.#approx !== o.#approx && this.#approx === this.#approx && o.#approx === o.#approx) return this.#approx > o.#approx ? -1 : 1;
    return o.index!.cmp(this.index!);
  }

  #settleApprox(): void {
    this.#approxPending = false;
    this.#approx = this.index === null ? NaN : this.index.toNumber();
  }

  /** The unit's row of the JSON document (docs/spec.md §6), rounded as the run's settings say. */
  toJSON(): UnitJson {
    return unitJson(this, this.#format);
  }
}

/**
 * The result of a round (docs/spec.md §4): plain data. Enumerable keys are `units`, `leagues`,
 * `groups` and `settings`; `JSON.stringify(result)` gives the JSON document of docs/spec.md §6
 * (numbers as strings rounded to the run's decimals). League, group and area names are user text,
 * so they are Map keys (in order of first appearance), never object keys.
 */
export interface ScoreResult {
  /** Units by league (first appearance), then rank, then id. */
  readonly units: readonly UnitResult[];
  /** Summary per league, in order of first appearance. */
  readonly leagues: ReadonlyMap<string, Summary>;
  /** Summary per group, in order of first appearance in `units`. */
  readonly groups: ReadonlyMap<string, Summary>;
  /** Settings used. */
  readonly settings: Settings;
  /** @internal The framework scored (not enumerable). */
  readonly framework: Framework;
  /** @internal Which arithmetic path ran (not enumerable). */
  readonly path: 'fast' | 'exact';
  /** The JSON document (docs/spec.md §6). */
  toJSON(): ScoreResultJson;
}

function summarize(units: UnitResult[]): Summary {
  const withIndex = units.filter((u) => u.hasIndex);
  if (withIndex.length === 0) return { count: 0, mean: null, min: null, max: null };
  // Min and max by the exact comparison (floats first, exact on ties); the mean from one exact sum.
  let min = withIndex[0];
  let max = withIndex[0];
  for (const u of withIndex) {
    if (u.compareIndex(min) > 0) min = u;
    if (u.compareIndex(max) < 0) max = u;
  }
  // Units of one result share the scale their fractions leave out of the denominator.
  const scale = withIndex[0].indexFractionScale();
  if (withIndex.some((u) => u.indexFractionScale() !== scale)) throw new RangeError('parindex: a summary of units from different rounds');
  const sum = sumFractions(withIndex.map((u) => u.indexFraction()!));
  return { count: withIndex.length, mean: sum.div(Exact.of(BigInt(withIndex.length) * scale)), min: min.index, max: max.index };
}

/**
 * Lists every applicable input with no row (survey leaves included, bonus/penalty leaves not), as
 * issues naming unit and criterion: what `--strict` rejects and `check` reports.
 */
export function findMissingInputs(inputs: InputMatrix): Issue[] {
  return missingInputIssues(missingReport(inputs).cells);
}

/** Computes per-unit totals with the fast path when its bounds hold, else the bigint path. */
export function computeTotals(fw: Framework, inputs: InputMatrix, path: ScoreOptions['path'] = 'auto'): Totals {
  if (path !== 'exact') {
    const plan = compilePlan(fw, inputs);
    if (plan) return accumulateFast(fw, inputs, plan);
    if (path === 'fast') throw new RangeError('the fast path cannot hold these inputs exactly');
  }
  return accumulateExact(fw, inputs);
}

/** Attaches what a result carries besides its data, as non-enumerable properties. */
export function defineHidden<T extends object>(target: T, props: Record<string, unknown>): T {
  for (const [k, v] of Object.entries(props)) Object.defineProperty(target, k, { value: v, enumerable: false, writable: false, configurable: false });
  return target;
}

/**
 * Scores a round's input matrix: every unit's index, selfIndex and points, ranks within each
 * league, bands and summaries. With `strict`, a missing input is an error. The public entry is
 * `score(round)`; this is the engine under it.
 */
export function scoreMatrix(fw: Framework, units: Units, inputs: InputMatrix, options: ScoreOptions = {}): ScoreResult {
  const settings = resolveSettings(
    fw.settings as SettingsInput,
    {
      decimals: options.decimals,
      rounding: options.rounding,
      ties: options.ties,
      rankOn: options.rankOn,
      bands: options.bands,
      clamp: options.clamp,
    } as Partial<Settings>,
  );
  if (options.strict) {
    const issues = findMissingInputs(inputs);
    if (issues.length) throw new ParIndexError(issues);
  }
  const totals = computeTotals(fw, inputs, options.path);
  const areaCodes = fw.areas.map((a) => a.code);
  const results = units.list.map((u, i) => new UnitResult(u, i, totals, areaCodes, settings.clamp));

  let compare = (a: UnitResult, b: UnitResult) => a.compareIndex(b);
  if (settings.rankOn === 'rounded') {
    // Each index rounded once (by position), not at every comparison of the sort.
    const byPrinted = highestFirst(results.map((r) => (r.hasIndex ? r.index!.roundToScaled(settings.decimals, settings.rounding) : 0n)));
    compare = (a, b) => byPrinted(a.position, b.position);
  }
  const ordered: UnitResult[] = [];
  const leagues = new Map<string, Summary>();
  for (const [k, league] of groupBy(results, (r) => r.rankGroup)) {
    for (const { item, rank } of rankItems(
      league,
      (r) => r.hasIndex,
      compare,
      (r) => r.unit,
      settings.ties,
    )) {
      item.rank = rank;
      if (settings.bands.length) item.band = bandOf(item.index, settings.bands);
      item.setFormat(settings);
      ordered.push(item);
    }
    leagues.set(k, summarize(league));
  }
  const groups = new Map<string, Summary>();
  for (const [k, list] of groupBy(ordered, (r) => r.group)) groups.set(k, summarize(list));
  const result = { units: ordered, leagues, groups, settings } as unknown as ScoreResult;
  keepTotals(result, totals);
  return defineHidden(result, { framework: fw, path: totals.path, toJSON: () => scoreResultJson(result) });
}
