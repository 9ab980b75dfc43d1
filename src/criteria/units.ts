/**
 * Units (đơn vị) and their leagues (docs/spec.md §3): `unit`, `name`, `group`, optional `rankGroup`
 * (blank = the group). `ALL` is reserved for pooled rows.
 */
import { IssueList, problem } from '../errors.js';
import { bindColumns, FIELDS, FREE_COLUMNS } from '../table/headers.js';
import { jsonRowsToTable } from '../table/json.js';
import { cellLocation, type Table, writtenCells } from '../table/table.js';
import { readRows } from './rows.js';
import { LabelBook } from './unit-labels.js';
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
  /** Display name of its group (`groupName` column; undefined when blank). */
  groupName?: string;
  /** Display name of its league (`rankGroupName` column; undefined when blank). */
  rankGroupName?: string;
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

/** Text in NFC; ASCII text is its own NFC, so it is not handed to the normalizer. */
function nfc(s: string): string {
  return ASCII.test(s) ? s : s.normalize('NFC');
}

const ASCII = /^\p{ASCII}*$/u;

/** Builds units from a table; duplicate ids and bad rows are located errors. */
export function buildUnits(table: Table): Units {
  return plainUnits(table) ?? unitsFromRows(table);
}

/**
 * @internal The units of a table whose rows are all plainly right — `unit` and `group` given, no
 * unit named `ALL`, no id twice, no league or group named two ways, no row longer than the header
 * line — read straight from its cells; undefined for any other table, which {@link unitsFromRows}
 * (the reference, test/units-plain.test.ts holds both to the same units) reads and words.
 */
export function plainUnits(table: Table): Units | undefined {
  const scratch = new IssueList();
  const cols = bindColumns(table, FIELDS.units, scratch, 'units file', FREE_COLUMNS.units);
  if (scratch.issues.length > 0) return undefined;
  const cell = (cells: string[], col: number) => (col >= 0 ? (cells[col] ?? '') : '');
  const lineCells = table.lineCells;
  const byId = new Map<string, Unit>();
  const list: Unit[] = [];
  const labels = new LabelBook();
  for (const r of table.rows) {
    if (lineCells !== undefined && writtenCells(r) > lineCells) return undefined;
    const unit = cell(r.cells, cols.unit);
    const groupText = cell(r.cells, cols.group);
    if (unit === '' || groupText === '' || unit.toUpperCase() === 'ALL') return undefined;
    const id = nfc(unit);
    if (byId.has(id)) return undefined;
    const name = cell(r.cells, cols.name);
    const rankGroup = cell(r.cells, cols.rankGroup);
    const groupLabel = cell(r.cells, cols.groupName);
    const rankGroupLabel = cell(r.cells, cols.rankGroupName);
    const group = nfc(groupText);
    const u: Unit = { id, name: name ? nfc(name) : id, group, rankGroup: rankGroup ? nfc(rankGroup) : group, row: r.row };
    const groupName = groupLabel === '' ? '' : nfc(groupLabel.trim());
    const rankGroupName = rankGroupLabel === '' ? '' : nfc(rankGroupLabel.trim());
    // A blank label names nothing (the book ignores it); a second name for a league is a problem.
    if (groupName) {
      u.groupName = groupName;
      if (labels.note('group', u.group, groupName, r.row)) return undefined;
    }
    if (rankGroupName) {
      u.rankGroupName = rankGroupName;
      if (labels.note('rankGroup', u.rankGroup, rankGroupName, r.row)) return undefined;
    }
    byId.set(id, u);
    list.push(u);
  }
  if (list.length === 0) return undefined;
  return { list, byId, source: { file: table.file, sheet: table.sheet } };
}

/**
 * @internal Units from a table with every row read through the schema ({@link UnitRowSchema}):
 * what {@link buildUnits} does with a table that is not plainly right, listing every problem.
 */
export function unitsFromRows(table: Table): Units {
  const issues = new IssueList();
  const rows = readRows(table, FIELDS.units, UnitRowSchema, issues, 'units file', FREE_COLUMNS.units);
  const byId = new Map<string, Unit>();
  const list: Unit[] = [];
  const labels = new LabelBook();
  for (const r of rows) {
    const v = r.value;
    // Ids, groups and leagues are compared after NFC: "Sơn Tây" typed in NFD is the same unit.
    const id = v.unit.normalize('NFC');
    const prev = byId.get(id);
    if (prev) {
      issues.add({ ...cellLocation(table, r.source.row, r.cols.unit), ...problem('duplicate-unit', { unit: id, first: prev.row ?? 0, otherForm: prev.id !== v.unit }), value: v.unit });
      continue;
    }
    const group = v.group.normalize('NFC');
    const u: Unit = { id, name: (v.name || v.unit).normalize('NFC'), group, rankGroup: (v.rankGroup || v.group).normalize('NFC'), row: r.source.row };
    const groupName = v.groupName.trim().normalize('NFC');
    const rankGroupName = v.rankGroupName.trim().normalize('NFC');
    if (groupName) u.groupName = groupName;
    if (rankGroupName) u.rankGroupName = rankGroupName;
    for (const [kind, key, label, col] of [['group', u.group, groupName, r.cols.groupName] as const, ['rankGroup', u.rankGroup, rankGroupName, r.cols.rankGroupName] as const]) {
      const conflict = labels.note(kind, key, label, r.source.row);
      if (conflict) issues.add({ ...cellLocation(table, r.source.row, col), ...conflict });
    }
    byId.set(u.id, u);
    list.push(u);
  }
  if (list.length === 0 && issues.issues.length === 0) {
    issues.add({ file: table.file, sheet: table.sheet, ...problem('no-units') });
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
