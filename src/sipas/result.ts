/**
 * From counters to SIPAS results (docs/spec.md §5), exactly: question share = valid forms answering 4–5 /
 * valid forms answering 1–5; a question nobody answered drops out and its siblings' weights
 * renormalise; a parent is the weighted mean of its children that did not drop out, or the share
 * of its `overall:` question; SIPAS = 100 × the weighted mean of the top-level nodes. Units are
 * ranked within their league on exact values; the pooled `ALL` row (every form) has no rank.
 */
import type { Units } from '../criteria/units.js';
import type { TieMode } from '../criteria/settings.js';
import { Exact, type RoundingMode } from '../numbers/exact.js';
import { rankItems } from '../order/ranking.js';
import type { SurveyCounts, UnitCounts } from './counts.js';
import type { SipasDefinition, SipasNode } from './definition.js';
import { groupBy } from '../order/group-by.js';

/** Id of the pooled row. */
export const POOLED_ID = 'ALL';

/** Output and ranking settings of a SIPAS result. */
export interface SipasSettings {
  /** Decimals at output (default 2). */
  decimals: number;
  /** Rounding at output (default half-up). */
  rounding: RoundingMode;
  /** Tie handling in ranks (default competition). */
  ties: TieMode;
}

/** SIPAS of one unit (or of the pooled row). */
export interface SipasUnitResult {
  /** Unit id (`ALL` for the pooled row). */
  unit: string;
  /** Unit name (from the units file). */
  name?: string;
  /** Unit group (from the units file). */
  group?: string;
  /** League the unit is ranked in (the units file's rankGroup); undefined without a units file. */
  rankGroup?: string;
  /** Forms read for the unit. */
  forms: number;
  /** Valid forms. */
  valid: number;
  /** Invalid forms (skipped ones included). */
  invalid: number;
  /** Forms dropped for a bad value. */
  skipped: number;
  /** SIPAS, 0–100, exact; null when every node dropped out. */
  index: Exact | null;
  /** Rank within the league (1 = highest); null for no index and for the pooled row. */
  rank: number | null;
  /** 100 × share of every node and question in definition order; null where it dropped out. */
  nodes: Map<string, Exact | null>;
  /** @internal The counters behind the figures. */
  counts: UnitCounts;
}

/** A scored survey. */
export interface SipasResult {
  /** The definition used. */
  definition: SipasDefinition;
  /** Units, by league (order of first appearance) then rank then id; the pooled row is not here. */
  units: SipasUnitResult[];
  /** The pooled `ALL` row over every form. */
  all: SipasUnitResult;
  /** Results by unit id. */
  byUnit: ReadonlyMap<string, SipasUnitResult>;
  /** True when leagues come from a units file. */
  hasUnits: boolean;
  /** Output and ranking settings. */
  settings: SipasSettings;
}

/** Default output and ranking settings. */
export const DEFAULT_SURVEY_SETTINGS: Readonly<SipasSettings> = Object.freeze({ decimals: 2, rounding: 'half-up', ties: 'competition' });

/** Weighted mean of the values that are present; null when none is. */
function weightedMean(items: { value: Exact | null; weight: Exact }[]): Exact | null {
  let num = Exact.ZERO;
  let den = Exact.ZERO;
  for (const it of items) {
    if (it.value === null) continue;
    num = num.add(it.value.mul(it.weight));
    den = den.add(it.weight);
  }
  return den.sign() === 0 ? null : num.div(den);
}

/**
 * Shares (0–1) of every node from one unit's counters, and the overall share (SIPAS / 100).
 * Exact throughout; nothing is rounded.
 */
export function surveyShares(definition: SipasDefinition, counts: UnitCounts): { nodes: Map<string, Exact | null>; overall: Exact | null } {
  const shares = new Map<string, Exact | null>();
  const visit = (n: SipasNode): Exact | null => {
    let v: Exact | null;
    if (n.isLeaf) {
      const answered = counts.answered(n.question);
      v = answered > 0 ? Exact.of(BigInt(counts.satisfied(n.question)), BigInt(answered)) : null;
    } else {
      const kids = n.children.map((k) => definition.byCode.get(k)!);
      const values = kids.map((k) => ({ value: visit(k), weight: k.weight }));
      v = n.aggregate.kind === 'overall' ? (shares.get(n.aggregate.question) ?? null) : weightedMean(values);
    }
    shares.set(n.code, v);
    return v;
  };
  const overall = weightedMean(definition.top.map((t) => ({ value: visit(t), weight: t.weight })));
  // Definition order for output.
  const nodes = new Map<string, Exact | null>();
  for (const n of definition.nodes) nodes.set(n.code, shares.get(n.code) ?? null);
  return { nodes, overall };
}

/** One row's result from its counters (rank set later). */
export function unitSurveyResult(definition: SipasDefinition, counts: UnitCounts): SipasUnitResult {
  const { nodes, overall } = surveyShares(definition, counts);
  const pct = new Map<string, Exact | null>();
  for (const [k, v] of nodes) pct.set(k, v === null ? null : v.mul(Exact.HUNDRED));
  return {
    unit: counts.id,
    forms: counts.forms,
    valid: counts.valid,
    invalid: counts.invalid,
    skipped: counts.skipped,
    index: overall === null ? null : overall.mul(Exact.HUNDRED),
    rank: null,
    nodes: pct,
    counts,
  };
}

/**
 * Scores counted responses: every unit's nodes and index, ranks within leagues (the units file's
 * rankGroup; one league without it), and the pooled `ALL` row.
 */
export function surveyResultFromCounts(definition: SipasDefinition, counts: SurveyCounts, opts: { units?: Units; decimals?: number; rounding?: RoundingMode; ties?: TieMode } = {}): SipasResult {
  const settings: SipasSettings = {
    decimals: opts.decimals ?? DEFAULT_SURVEY_SETTINGS.decimals,
    rounding: opts.rounding ?? DEFAULT_SURVEY_SETTINGS.rounding,
    ties: opts.ties ?? DEFAULT_SURVEY_SETTINGS.ties,
  };
  const rows = counts.units.map((c) => {
    const r = unitSurveyResult(definition, c);
    const u = opts.units?.byId.get(c.id);
    if (u) Object.assign(r, { name: u.name, group: u.group, rankGroup: u.rankGroup });
    return r;
  });
  const leagues = groupBy(rows, (r) => r.rankGroup ?? '');
  const units: SipasUnitResult[] = [];
  for (const members of leagues.values()) {
    const ranked = rankItems(
      members,
      (r) => r.index !== null,
      (a, b) => b.index!.cmp(a.index!),
      (r) => r.unit,
      settings.ties,
    );
    for (const { item, rank } of ranked) {
      item.rank = rank;
      units.push(item);
    }
  }
  const all = unitSurveyResult(definition, counts.pooled(POOLED_ID));
  return { definition, units, all, byUnit: new Map(units.map((u) => [u.unit, u])), hasUnits: opts.units !== undefined, settings };
}
