/**
 * `resultFromJson`: a score result back from its JSON document (docs/spec.md §6), e.g. after a trip
 * to a Web Worker or a file. The printed values stand for the exact ones (they are exact decimals
 * at the printed precision); renderers and `compare` take the rebuilt result, while `explain`,
 * `sensitivity` and the workbook, which need the round's inputs, ask for the round to be scored.
 */
import { DEFAULT_SETTINGS, type Settings } from '../criteria/settings.js';
import { IssueList, ParIndexError, problem } from '../errors.js';
import type { ResultJsonWant } from '../i18n/en/api.js';
import { parseExact } from '../numbers/decimal-text.js';
import { Exact } from '../numbers/exact.js';
import { scoreResultJson, type ScoreResultJson } from '../scoring/result-json.js';
import { defineHidden, UnitResult, type AreaResult, type RebuiltUnit, type ScoreResult, type Summary } from '../scoring/score.js';
import { isPlainObject, typeName } from './args.js';
import { tag } from './kinds.js';

const UNIT_KEYS = ['unit', 'name', 'group', 'rankGroup', 'index', 'selfIndex', 'rank', 'band', 'points', 'max', 'appraisalPoints', 'surveyPoints', 'adjustPoints', 'areas', 'missing', 'unappraised', 'na'] as const;
const SUMMARY_KEYS = ['count', 'mean', 'min', 'max'] as const;

/**
 * Rebuilds a score result from its JSON document — the text, or the parsed object — as
 * `JSON.stringify(result)` and `parindex score --format json` write it. Every field is checked;
 * a wrong one is a located error (`column` names the path, e.g. `units[3].index`).
 *
 * @example
 * const copy = resultFromJson(JSON.stringify(result));
 * JSON.stringify(copy) === JSON.stringify(result); // true
 */
export function resultFromJson(json: string | ScoreResultJson): ScoreResult {
  let doc: unknown = json;
  if (typeof json === 'string') {
    try {
      doc = JSON.parse(json);
    } catch (e) {
      throw new ParIndexError(problem('bad-json/result-text', { detail: (e as Error).message }));
    }
  }
  const issues = new IssueList();
  const shown = (value: unknown) => (typeof value === 'string' ? value : typeName(value));
  const bad = (path: string, value: unknown, want: ResultJsonWant): undefined => {
    issues.add({ column: path, ...problem('bad-result-json', { path, want }), value: shown(value) });
    return undefined;
  };
  if (!isPlainObject(doc) || !Array.isArray(doc.units) || !isPlainObject(doc.leagues) || !isPlainObject(doc.groups)) {
    throw new ParIndexError({ ...problem('bad-result-json/not-result'), value: typeName(doc) });
  }
  const d = doc as Record<string, unknown>;
  let decimals = 0;
  const num = (path: string, v: unknown, nullable: boolean): Exact | null | undefined => {
    if (v === null && nullable) return null;
    if (typeof v !== 'string') return bad(path, v, nullable ? 'decimal-or-null' : 'decimal');
    const x = parseExact(v);
    if (!x) return bad(path, v, 'decimal-example');
    const dot = v.indexOf('.');
    decimals = Math.max(decimals, dot < 0 ? 0 : v.length - dot - 1);
    return x;
  };
  const count = (path: string, v: unknown): number => (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? v : (bad(path, v, 'count') ?? 0));
  const text = (path: string, v: unknown, nullable = false): string | null => (typeof v === 'string' || (nullable && v === null) ? (v as string | null) : (bad(path, v, nullable ? 'text-or-null' : 'text') ?? ''));
  const extraKeys = (path: string, o: Record<string, unknown>, known: readonly string[]) => {
    for (const k of Object.keys(o)) if (!known.includes(k)) issues.add({ column: `${path}.${k}`, ...problem('bad-result-json/unknown-key', { key: k, path, known: known.join(', ') }), value: k });
  };

  const areaOrder: string[] = [];
  const rows: RebuiltUnit[] = [];
  doc.units.forEach((u: unknown, i: number) => {
    const p = `units[${i}]`;
    if (!isPlainObject(u)) return bad(p, u, 'unit');
    extraKeys(p, u, UNIT_KEYS);
    const areas = new Map<string, AreaResult>();
    if (!isPlainObject(u.areas)) bad(`${p}.areas`, u.areas, 'areas');
    else
      for (const [code, a] of Object.entries(u.areas)) {
        if (!isPlainObject(a)) {
          bad(`${p}.areas.${code}`, a, 'area');
          continue;
        }
        const points = num(`${p}.areas.${code}.points`, a.points, false);
        const max = num(`${p}.areas.${code}.max`, a.max, false);
        if (points && max) areas.set(code, { points, max });
        if (!areaOrder.includes(code)) areaOrder.push(code);
      }
    const rank = u.rank === null ? null : typeof u.rank === 'number' && Number.isSafeInteger(u.rank) && u.rank >= 1 ? u.rank : (bad(`${p}.rank`, u.rank, 'rank') ?? null);
    const row = {
      unit: text(`${p}.unit`, u.unit) ?? '',
      name: text(`${p}.name`, u.name) ?? '',
      group: text(`${p}.group`, u.group) ?? '',
      rankGroup: text(`${p}.rankGroup`, u.rankGroup) ?? '',
      index: num(`${p}.index`, u.index, true),
      selfIndex: num(`${p}.selfIndex`, u.selfIndex, true),
      rank,
      band: text(`${p}.band`, u.band, true),
      points: num(`${p}.points`, u.points, false),
      max: num(`${p}.max`, u.max, false),
      appraisalPoints: num(`${p}.appraisalPoints`, u.appraisalPoints, false),
      surveyPoints: num(`${p}.surveyPoints`, u.surveyPoints, false),
      adjustPoints: num(`${p}.adjustPoints`, u.adjustPoints, false),
      areas,
      missing: count(`${p}.missing`, u.missing),
      unappraised: count(`${p}.unappraised`, u.unappraised),
      na: count(`${p}.na`, u.na),
    };
    rows.push(row as RebuiltUnit);
  });
  const summaries = (what: 'leagues' | 'groups'): Map<string, Summary> => {
    const out = new Map<string, Summary>();
    for (const [k, s] of Object.entries(d[what] as Record<string, unknown>)) {
      const p = `${what}.${k}`;
      if (!isPlainObject(s)) {
        bad(p, s, 'summary');
        continue;
      }
      extraKeys(p, s, SUMMARY_KEYS);
      out.set(k, { count: count(`${p}.count`, s.count), mean: num(`${p}.mean`, s.mean, true) ?? null, min: num(`${p}.min`, s.min, true) ?? null, max: num(`${p}.max`, s.max, true) ?? null });
    }
    return out;
  };
  const leagues = summaries('leagues');
  const groups = summaries('groups');
  extraKeys('result', doc, ['units', 'leagues', 'groups']);
  issues.throwIfAny();

  const settings: Settings = { ...DEFAULT_SETTINGS, bands: [], decimals };
  const units = rows.map((r) => UnitResult.rebuilt(r, areaOrder, settings));
  const result = { units, leagues, groups, settings } as unknown as ScoreResult;
  // Only the area codes are known: renderers print them where titles would stand.
  const areas = areaOrder.map((code) => ({ code, title: code, max: Exact.ZERO }));
  const framework = { criteria: areas, byCode: new Map(areas.map((a) => [a.code, a])), leaves: [], areas, settings: {} };
  defineHidden(result, { framework, path: 'exact', toJSON: () => scoreResultJson(result) });
  return tag(result, 'score');
}
