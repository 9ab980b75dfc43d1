/**
 * Units (đơn vị) and their leagues (docs/spec.md §3): `unit`, `name`, `group`, optional `rankGroup`
 * (blank = the group). `ALL` is reserved for pooled rows.
 */
import { IssueList } from '../errors.js';
import { FIELDS, FREE_COLUMNS } from '../table/headers.js';
import { jsonRowsToTable } from '../table/json.js';
import { cellLocation, type Table } from '../table/table.js';
import { readRows } from './rows.js';
import { UnitRowSchema } from './schemas.js';

/** One unit. */
export interface Unit {
  /** Id used in every other file. */
  id: string;
  /** Display name. */
  name: string;
  /** Group (so, quan, huyen, thixa, …): decides which criteria apply. */
  group: string;
  /** League it is ranked in. */
  rankGroup: string;
  /** Source row (header = 1). */
  row?: number;
}

/** The units of a round, in file order. */
export interface Units {
  /** Units in file order. */
  list: Unit[];
  /** Units by id. */
  byId: ReadonlyMap<string, Unit>;
  /** Where they came from. */
  source?: { file?: string; sheet?: string };
}

/** Builds units from a table; duplicate ids and bad rows are located errors. */
export function buildUnits(table: Table): Units {
  const issues = new IssueList();
  const rows = readRows(table, FIELDS.units, UnitRowSchema, issues, 'units file', FREE_COLUMNS.units);
  const byId = new Map<string, Unit>();
  const list: Unit[] = [];
  for (const r of rows) {
    const v = r.value;
    // Ids, groups and leagues are compared after NFC: "Sơn Tây" typed in NFD is the same unit.
    const id = v.unit.normalize('NFC');
    const prev = byId.get(id);
    if (prev) {
      const same = prev.id === v.unit ? '' : ' (the same text in another Unicode form)';
      issues.add({ ...cellLocation(table, r.source.row, r.cols.unit), code: 'duplicate-unit', message: `unit "${id}" appears twice${same} (first on row ${prev.row})`, value: v.unit, expected: 'each unit once' });
      continue;
    }
    const group = v.group.normalize('NFC');
    const u: Unit = { id, name: (v.name || v.unit).normalize('NFC'), group, rankGroup: (v.rankGroup || v.group).normalize('NFC'), row: r.source.row };
    byId.set(u.id, u);
    list.push(u);
  }
  if (list.length === 0 && issues.issues.length === 0) {
    issues.add({ file: table.file, sheet: table.sheet, code: 'no-units', message: 'the units file has no units', expected: 'one row per unit' });
  }
  issues.throwIfAny();
  return { list, byId, source: { file: table.file, sheet: table.sheet } };
}

/** The unit a text names, compared after NFC (an ASCII id is looked up as is). */
export function unitNamed(units: Units, text: string): Unit | undefined {
  return units.byId.get(text) ?? units.byId.get(text.normalize('NFC'));
}

/** Units from JSON: an array of `{unit, name, group, rankGroup}` objects. */
export function parseUnits(json: unknown, source: { file?: string } = {}): Units {
  return buildUnits(jsonRowsToTable(json, source));
}
