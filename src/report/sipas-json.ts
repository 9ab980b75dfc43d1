/**
 * The JSON form of SIPAS results (docs/spec.md §5–6): `{"units": [...]}` with one object per unit and the
 * pooled `ALL` row last — `unit`, (`name`, `group`, `rankGroup` when a units file was given),
 * `forms`, `valid`, `invalid`, `skipped`, `index`, `rank`, `nodes` — figures as strings rounded to
 * the output decimals, counts and ranks as integers, null where none. The text form keeps nodes
 * in definition order (`"1"`, `"1.1"`, …, `"2"`), which a plain object cannot (JavaScript puts
 * integer-like keys first).
 */
import { fmt, type OutputFormat } from '../scoring/result-json.js';
import type { SipasResult, SipasUnitResult } from '../sipas/result.js';

/** One unit of the JSON document. */
export interface SurveyUnitJson {
  unit: string;
  name?: string | null;
  group?: string | null;
  rankGroup?: string | null;
  forms: number;
  valid: number;
  invalid: number;
  skipped: number;
  index: string | null;
  rank: number | null;
  nodes: Record<string, string | null>;
}

/** The JSON document of a SIPAS result. */
export interface SurveyResultJson {
  units: SurveyUnitJson[];
}

function unitEntries(r: SipasUnitResult, result: SipasResult, f: OutputFormat): [string, unknown][] {
  const e: [string, unknown][] = [['unit', r.unit]];
  if (result.hasUnits) e.push(['name', r.name ?? null], ['group', r.group ?? null], ['rankGroup', r.rankGroup ?? null]);
  e.push(['forms', r.forms], ['valid', r.valid], ['invalid', r.invalid], ['skipped', r.skipped], ['index', fmt(r.index, f)], ['rank', r.rank]);
  e.push(['nodes', new Map([...r.nodes].map(([k, v]) => [k, fmt(v, f)]))]);
  return e;
}

function rowsOf(result: SipasResult): SipasUnitResult[] {
  return [...result.units, result.all];
}

/** The JSON document as a plain object (node keys in JavaScript's key order). */
export function surveyResultJson(result: SipasResult, f: OutputFormat = result.settings): SurveyResultJson {
  return {
    units: rowsOf(result).map((r) => {
      const o: Record<string, unknown> = {};
      for (const [k, v] of unitEntries(r, result, f)) o[k] = v instanceof Map ? Object.fromEntries(v) : v;
      return o as unknown as SurveyUnitJson;
    }),
  };
}

/** JSON text like `JSON.stringify(x, null, 2)`, with Maps written as objects in insertion order. */
export function stringifyOrdered(value: unknown, indent = '  ', level = 0): string {
  const pad = indent.repeat(level + 1);
  const end = indent.repeat(level);
  if (value instanceof Map) {
    if (value.size === 0) return '{}';
    const parts = [...value].map(([k, v]) => `${pad}${JSON.stringify(String(k))}: ${stringifyOrdered(v, indent, level + 1)}`);
    return `{\n${parts.join(',\n')}\n${end}}`;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((v) => pad + stringifyOrdered(v, indent, level + 1)).join(',\n')}\n${end}]`;
  }
  if (value !== null && typeof value === 'object') {
    return stringifyOrdered(new Map(Object.entries(value).filter(([, v]) => v !== undefined)), indent, level);
  }
  return JSON.stringify(value) ?? 'null';
}

/** The JSON document as text (2-space indent, nodes in definition order, final newline). */
export function surveyResultJsonText(result: SipasResult, f: OutputFormat = result.settings): string {
  const doc = new Map<string, unknown>([['units', rowsOf(result).map((r) => new Map(unitEntries(r, result, f)))]]);
  return stringifyOrdered(doc) + '\n';
}
