/**
 * The criteria framework: a tree of areas → criteria → sub-criteria by dotted code (docs/spec.md §2),
 * built from a table (CSV, xlsx sheet `criteria`, JSON rows) and checked as a whole.
 */
import { IssueList, ParIndexError, problem, type Issue } from '../errors.js';
import { FIELDS, FREE_COLUMNS } from '../table/headers.js';
import { jsonRowsToTable } from '../table/json.js';
import { cellLocation, isNumericCell, type Table } from '../table/table.js';
import { isPointUnderComma, type NumberTextOptions, POINT_DECIMAL, readDecimal } from '../numbers/decimal-text.js';
import { Exact } from '../numbers/exact.js';
import type { LeafParams } from './params.js';
import { readRows } from './rows.js';
import { DEFAULT_RULE, RULE_NAMES, RULES } from './rules/index.js';
import { FrameworkRowSchema, parentCode, type SettingsInput } from './schemas.js';
import { parseSettingsRecord } from './settings.js';

/** A leaf rule (docs/spec.md §2). */
export type Rule = 'points' | 'yesno' | 'ratio' | 'tiers' | 'survey' | 'adjust';
// The public union names exactly the registered rules (the objects in rules/): each check fails to
// compile when a rule is in one and not the other.
RULE_NAMES satisfies readonly Rule[];
RULES satisfies Record<Rule, unknown>;
/** How a criterion is scored. */
export type Method = 'appraisal' | 'survey';

/** One node of the framework tree. */
export interface Criterion {
  /** Dotted code, unique. */
  code: string;
  /** Title as written. */
  title: string;
  /** Parent code; undefined for areas. */
  parent?: string;
  /** Code of the top-level area this node belongs to. */
  area: string;
  /** Child codes in file order. */
  children: string[];
  /** True when the node has no children. */
  isLeaf: boolean;
  /** Effective method (own, else inherited, else `appraisal`). */
  method: Method;
  /** Leaf rule; undefined on parents. */
  rule?: Rule;
  /** Parsed params (leaves). */
  params: LeafParams;
  /** Params as written. */
  paramsText: string;
  /** Max as written (undefined = blank). */
  givenMax?: Exact;
  /** Max of a leaf (0 for adjust) or the sum of all children's max for a parent. */
  max: Exact;
  /** Groups it applies to after intersecting with its ancestors; undefined = every group. */
  groups?: ReadonlySet<string>;
  /** Source row (header = 1). */
  row?: number;
}

/** A validated framework. */
export interface Framework {
  /** Every criterion in file order. */
  criteria: Criterion[];
  /** Criteria by code. */
  byCode: ReadonlyMap<string, Criterion>;
  /** Leaves in file order. */
  leaves: Criterion[];
  /** Top-level areas in file order. */
  areas: Criterion[];
  /** Settings read with the framework (CSV frameworks have none). */
  settings: SettingsInput;
  /** Where it came from. */
  source?: { file?: string; sheet?: string };
}

/** True when criterion `c` applies to units of `group`. */
export function appliesTo(c: Criterion, group: string): boolean {
  return c.groups === undefined || c.groups.has(group);
}

function splitGroups(text: string): Set<string> | undefined {
  const parts = text
    .split(/[;,]/)
    .map((s) => s.trim().normalize('NFC'))
    .filter(Boolean);
  return parts.length ? new Set(parts) : undefined;
}

/**
 * The most levels a framework may have (1 → 1.1 → 1.1.1 … is 3). Real frameworks have 3 or 4;
 * a deeper one is a `framework-too-deep` error at the first criterion past the limit, so that no
 * walk over the tree (building, scoring, explaining, rendering) can run out of stack.
 */
export const MAX_FRAMEWORK_DEPTH = 32;

/** The first criterion (in file order) deeper than {@link MAX_FRAMEWORK_DEPTH}, found without recursion. */
function firstTooDeep<C extends { code: string; parent?: string }>(criteria: readonly C[], byCode: ReadonlyMap<string, C>): C | undefined {
  const depth = new Map<string, number>();
  for (const c of criteria) {
    const chain: C[] = [];
    let x: C | undefined = c;
    while (x && !depth.has(x.code)) {
      chain.push(x);
      x = x.parent === undefined ? undefined : byCode.get(x.parent);
    }
    let d = x ? depth.get(x.code)! : 0;
    for (let i = chain.length - 1; i >= 0; i--) depth.set(chain[i].code, ++d);
    if (depth.get(c.code)! > MAX_FRAMEWORK_DEPTH) return c;
  }
  return undefined;
}

/**
 * Builds a framework from a criteria table (and optional settings). Every problem in the table is
 * collected and thrown together as a {@link ParIndexError}: duplicate or orphan codes, a parent max
 * that differs from the sum of its children, unknown rules, params that do not fit the rule, tiers
 * out of order or above max, and so on. `max` and `params` text is read as `opts` says
 * (`decimalComma`: `,` is the separator and a `.` is a `bad-number` error); cells that came in as
 * numbers (xlsx, JSON) always with the point.
 */
export function buildFramework(table: Table, settings: SettingsInput = {}, opts: NumberTextOptions = {}): Framework {
  const issues = new IssueList();
  const rows = readRows(table, FIELDS.framework, FrameworkRowSchema, issues, 'framework', FREE_COLUMNS.framework);
  const at = (row: number | undefined, field: string, r: (typeof rows)[number] | undefined): Issue => {
    const col = r ? (r.cols[field as keyof typeof r.cols] ?? -1) : -1;
    return { ...cellLocation(table, row, col), code: '', message: '' };
  };

  /** How the text of a cell of row `r` is read: a cell that came in as a number with the point. */
  const optsAt = (r: (typeof rows)[number], field: 'max' | 'params'): NumberTextOptions => (isNumericCell(r.source, r.cols[field]) ? POINT_DECIMAL : opts);
  /** Codes whose max could not be read (already reported: not "missing" as well). */
  const badMax = new Set<string>();
  const readMax = (r: (typeof rows)[number]): Exact | undefined => {
    const text = r.value.max;
    if (text === undefined) return undefined;
    const o = optsAt(r, 'max');
    const d = readDecimal(text.trim(), o);
    if (d !== undefined) return Exact.fromScaled(d.units, d.scale);
    if (isPointUnderComma(text.trim(), o)) {
      issues.add({ ...at(r.source.row, 'max', r), ...problem('bad-number/max', { criterion: r.value.code }), value: text });
    } else {
      issues.add({ ...at(r.source.row, 'max', r), ...problem('bad-value/max', { comma: o.decimalComma === true }), value: text });
    }
    badMax.add(r.value.code);
    return undefined;
  };

  const byCode = new Map<string, Criterion>();
  const rowOf = new Map<string, (typeof rows)[number]>();
  const ownMethod = new Map<string, Method | undefined>();
  const ownRule = new Map<string, Rule | undefined>();
  const ownGroups = new Map<string, Set<string> | undefined>();
  const criteria: Criterion[] = [];

  for (const r of rows) {
    const v = r.value;
    if (byCode.has(v.code)) {
      const first = byCode.get(v.code)!;
      issues.add({ ...at(r.source.row, 'code', r), ...problem('duplicate-code', { code: v.code, first: first.row ?? 0 }), value: v.code });
      continue;
    }
    const c: Criterion = {
      code: v.code,
      title: v.title,
      parent: parentCode(v.code),
      area: v.code.split('.')[0],
      children: [],
      isLeaf: true,
      method: 'appraisal',
      params: {},
      paramsText: v.params,
      givenMax: readMax(r),
      max: Exact.ZERO,
      row: r.source.row,
    };
    byCode.set(v.code, c);
    rowOf.set(v.code, r);
    ownMethod.set(v.code, v.method);
    ownRule.set(v.code, v.rule);
    ownGroups.set(v.code, splitGroups(v.groups));
    criteria.push(c);
  }

  // Tree links; orphans.
  for (const c of criteria) {
    if (c.parent === undefined) continue;
    const p = byCode.get(c.parent);
    if (!p) {
      issues.add({
        ...at(c.row, 'code', rowOf.get(c.code)),
        ...problem('orphan-code', { code: c.code, parent: c.parent }),
        value: c.code,
      });
      continue;
    }
    p.children.push(c.code);
    p.isLeaf = false;
  }
  // Depth, without recursion: a criterion deeper than MAX_FRAMEWORK_DEPTH levels is refused before
  // anything walks the tree (real frameworks have 3 or 4 levels; 9,000 overflowed the stack).
  const tooDeep = firstTooDeep(criteria, byCode);
  if (tooDeep) {
    issues.add({ ...at(tooDeep.row, 'code', rowOf.get(tooDeep.code)), ...problem('framework-too-deep', { code: tooDeep.code, max: MAX_FRAMEWORK_DEPTH }), value: tooDeep.code });
  }
  if (criteria.length === 0 && issues.issues.length === 0) {
    issues.add({ file: table.file, sheet: table.sheet, ...problem('empty-framework') });
  }

  // Top-down: method, groups; leaves: rule, params, max.
  const visit = (c: Criterion, inheritedMethod: Method | undefined, inheritedGroups: Set<string> | undefined) => {
    const r = rowOf.get(c.code);
    const m = ownMethod.get(c.code) ?? inheritedMethod;
    const own = ownGroups.get(c.code);
    let groups = inheritedGroups;
    if (own) {
      groups = inheritedGroups ? new Set([...own].filter((g) => inheritedGroups.has(g))) : own;
      if (groups.size === 0) {
        issues.add({ ...at(c.row, 'groups', r), ...problem('bad-groups', { code: c.code, parentGroups: [...inheritedGroups!].join(';') }), value: [...own].join(';') });
      }
    }
    c.groups = groups;
    if (!c.isLeaf) {
      c.method = m ?? 'appraisal';
      if (ownRule.get(c.code)) {
        issues.add({ ...at(c.row, 'rule', r), ...problem('rule-on-parent', { code: c.code }), value: ownRule.get(c.code) });
      }
      if (c.paramsText.trim()) {
        issues.add({ ...at(c.row, 'params', r), ...problem('params-on-parent', { code: c.code }), value: c.paramsText });
      }
      let sum = Exact.ZERO;
      for (const k of c.children) {
        const child = byCode.get(k)!;
        visit(child, m, groups);
        sum = sum.add(child.max);
      }
      c.max = sum;
      if (c.givenMax && !c.givenMax.eq(sum)) {
        issues.add({
          ...at(c.row, 'max', r),
          ...problem('parent-max-mismatch', { code: c.code, sum: sum.toString() }),
          value: c.givenMax.toString(),
        });
      }
      return;
    }
    const rule: Rule = ownRule.get(c.code) ?? DEFAULT_RULE[m ?? 'appraisal'];
    const def = RULES[rule];
    const surveyRule = def.scoring.source === 'survey';
    c.method = m ?? (surveyRule ? 'survey' : 'appraisal');
    c.rule = rule;
    if ((c.method === 'survey') !== surveyRule) {
      issues.add({
        ...at(c.row, 'rule', r),
        ...problem('rule-method-mismatch', { code: c.code, method: c.method, rule }),
        value: rule,
      });
    }
    if (!def.scoring.hasMax) {
      if (c.givenMax !== undefined) {
        // adjust is the one rule without a max.
        issues.add({ ...at(c.row, 'max', r), ...problem('adjust-max', { code: c.code, rule }), value: c.givenMax.toString() });
      }
      c.max = Exact.ZERO;
    } else if (c.givenMax === undefined) {
      if (!badMax.has(c.code)) issues.add({ ...at(c.row, 'max', r), ...problem('missing-max', { code: c.code }), value: '' });
    } else if (c.givenMax.sign() < 0) {
      issues.add({ ...at(c.row, 'max', r), ...problem('bad-max', { code: c.code }), value: c.givenMax.toString() });
    } else {
      c.max = c.givenMax;
    }
    const parsed = def.parseParams(c.paramsText, c, r ? optsAt(r, 'params') : opts);
    c.params = parsed.params;
    for (const p of parsed.problems) {
      const fields = p.point ? problem('bad-number/params', { criterion: c.code, ...p.point }) : problem('bad-params', { criterion: c.code, ...p.params });
      issues.add({ ...at(c.row, 'params', r), ...fields, value: c.paramsText });
    }
  };
  const areas = criteria.filter((c) => c.parent === undefined);
  if (tooDeep) issues.throwIfAny();
  for (const a of areas) visit(a, undefined, undefined);

  issues.throwIfAny();
  return {
    criteria,
    byCode,
    leaves: criteria.filter((c) => c.isLeaf),
    areas,
    settings,
    source: { file: table.file, sheet: table.sheet },
  };
}

/**
 * Builds a framework from parsed JSON: `{ "settings": {...}, "criteria": [rows] }` or a bare array
 * of rows. Numbers in JSON are read through their shortest round-trip text; `opts` applies to text.
 */
export function parseFramework(json: unknown, source: { file?: string } = {}, opts: NumberTextOptions = {}): Framework {
  if (Array.isArray(json)) return buildFramework(jsonRowsToTable(json, { ...source, sheet: undefined }), {}, opts);
  if (json && typeof json === 'object' && Array.isArray((json as { criteria?: unknown }).criteria)) {
    const obj = json as { criteria: unknown[]; settings?: unknown };
    const settings = obj.settings === undefined ? {} : parseSettingsRecord(obj.settings, source);
    return buildFramework(jsonRowsToTable(obj.criteria, source), settings, opts);
  }
  throw new ParIndexError({ ...source, ...problem('bad-json/framework'), value: typeof json });
}
