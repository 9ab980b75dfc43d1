/**
 * The area points of a result file read back (for `parindex compare`): where the file printed them,
 * each unit's points per area, read exactly from their text. The JSON written by `parindex score
 * --format json` has an `areas` object per unit (`{"1": {"points": "7.50", "max": "9.00"}, …}`);
 * the CSV has `area 1 points` / `area 1 max` columns (or their Vietnamese labels, `Lĩnh vực 1`,
 * `Điểm lĩnh vực 1`, `Lĩnh vực 1 tối đa`, `LV 1`…); the results workbook has a `Lĩnh vực 1` column
 * per area. A file without them (an index-only CSV) has no area points, and `compare` compares its
 * index only.
 */
import { isLosslessNumber, parse } from 'lossless-json';
import { type IssueList, problem } from '../errors.js';
import { type NumberTextOptions, parseExact } from '../numbers/decimal-text.js';
import type { Exact } from '../numbers/exact.js';
import { foldHeader } from '../table/headers.js';
import { cellLocation, type Table } from '../table/table.js';

/** One area of one unit as a result file printed it. */
export interface ResultArea {
  /** Points in the area; null where the file has none (the area does not apply). */
  points: Exact | null;
  /** Applicable maximum of the area; null where the file has none. */
  max: Exact | null;
}

/** Where a table keeps area points: one JSON `areas` column, or a points (and max) column per area. */
export type AreaColumns = { kind: 'json'; column: number } | { kind: 'columns'; areas: Map<string, { points: number; max: number }> };

const AREA = '(?:area|lĩnh vực|linh vuc|lv)';
/** Header patterns (any case, NFC, spaces collapsed) and what they hold; the area code is group 1. */
const PATTERNS: readonly [RegExp, 'points' | 'max'][] = [
  [new RegExp(String.raw`^${AREA}\s*(\S+?)\.?\s+(?:max|maximum|tối đa|toi da|điểm tối đa|diem toi da)$`, 'iu'), 'max'],
  [new RegExp(String.raw`^(?:max|điểm tối đa|diem toi da)\s+${AREA}\s*(\S+?)\.?$`, 'iu'), 'max'],
  [new RegExp(String.raw`^${AREA}\s*(\S+?)\.?(?:\s+(?:points|điểm|diem))?$`, 'iu'), 'points'],
  [new RegExp(String.raw`^(?:points|điểm|diem)\s+${AREA}\s*(\S+?)\.?$`, 'iu'), 'points'],
];

/** What an area header holds, or undefined when the header names no area (the code as written). */
export function areaHeader(header: string): { code: string; holds: 'points' | 'max' } | undefined {
  const h = header.normalize('NFC').trim().replace(/\s+/g, ' ');
  for (const [re, holds] of PATTERNS) {
    const m = re.exec(h);
    if (m) return { code: m[1], holds };
  }
  return undefined;
}

/** The area columns of a result table; undefined when it has none. */
export function areaColumnsOf(table: Table): AreaColumns | undefined {
  const json = table.header.findIndex((h) => foldHeader(h) === 'areas');
  if (json >= 0) return { kind: 'json', column: json };
  const areas = new Map<string, { points: number; max: number }>();
  table.header.forEach((h, i) => {
    const a = areaHeader(h);
    if (!a) return;
    const slot = areas.get(a.code) ?? { points: -1, max: -1 };
    if (slot[a.holds] < 0) slot[a.holds] = i;
    areas.set(a.code, slot);
  });
  for (const [code, slot] of areas) if (slot.points < 0) areas.delete(code);
  return areas.size > 0 ? { kind: 'columns', areas } : undefined;
}

const none = (t: string) => t === '' || t === 'null' || t === '—' || t === '-';

/** A figure's text from a JSON value: a string or a number as written; null for none; undefined when neither. */
function jsonFigure(v: unknown): string | null | undefined {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v.trim();
  if (isLosslessNumber(v)) return v.value;
  return undefined;
}

/**
 * One row's area points; undefined when a cell is bad (each bad cell recorded in `issues`, located
 * on the row and column).
 */
export function readAreaCells(table: Table, row: number, cells: readonly string[], cols: AreaColumns, unit: string, issues: IssueList, opts: NumberTextOptions = {}): Map<string, ResultArea> | undefined {
  const out = new Map<string, ResultArea>();
  let bad = false;
  const figure = (text: string | null | undefined, area: string, column: number): Exact | null => {
    if (text === null || text === undefined || none(text)) {
      if (text === undefined) {
        bad = true;
        issues.add({ ...cellLocation(table, row, column), ...problem('bad-number/area-points', { unit, area }), value: cells[column] ?? '' });
      }
      return null;
    }
    // JSON numbers are always written with the point; CSV and xlsx cells as the reader was told.
    const x = parseExact(text, cols.kind === 'json' ? {} : opts);
    if (x) return x;
    bad = true;
    issues.add({ ...cellLocation(table, row, column), ...problem('bad-number/area-points', { unit, area }), value: text });
    return null;
  };
  if (cols.kind === 'columns') {
    for (const [code, c] of cols.areas) {
      const cell = (i: number) => (i >= 0 ? (cells[i] ?? '').trim() : '');
      out.set(code, { points: figure(cell(c.points), code, c.points), max: c.max >= 0 ? figure(cell(c.max), code, c.max) : null });
    }
    return bad ? undefined : out;
  }
  const text = (cells[cols.column] ?? '').trim();
  if (none(text)) return out;
  let doc: unknown;
  try {
    doc = parse(text);
  } catch {
    doc = undefined;
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    issues.add({ ...cellLocation(table, row, cols.column), ...problem('bad-value/areas-object', { unit }), value: text });
    return undefined;
  }
  for (const [code, v] of Object.entries(doc as Record<string, unknown>)) {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) {
      const points = figure(jsonFigure(v), code, cols.column);
      out.set(code, { points, max: null });
      continue;
    }
    const o = v as Record<string, unknown>;
    out.set(code, { points: figure(jsonFigure(o.points), code, cols.column), max: figure(jsonFigure(o.max), code, cols.column) });
  }
  return bad ? undefined : out;
}
