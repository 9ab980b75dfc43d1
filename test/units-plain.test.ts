/**
 * Units tables whose rows are all plainly right are read straight from their cells
 * (`plainUnits`: no row object, no zod, ASCII text not normalized); every other table through the
 * schema row by row (`unitsFromRows`, the reference, which words the problems). On random tables —
 * blank and `ALL`/`all` ids, duplicates in NFC and NFD, labels that agree and conflict, missing
 * columns, rows longer than the header line, JSON rows — `buildUnits` gives the same units and the
 * same problems, in the same order, as the reference, and the plain path answers for every table
 * the reference reads without a problem.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ParIndexError, type Issue } from '../src/errors.js';
import { buildUnits, plainUnits, type Unit, type Units, unitsFromRows } from '../src/criteria/units.js';
import { parseCsvTable } from '../src/table/csv.js';
import { jsonRowsToTable } from '../src/table/json.js';
import { makeTable } from '../src/table/table.js';

/** The units, or the problems, of a build. */
function outcome(build: () => Units | undefined): { units: Unit[] | undefined; source?: unknown } | { issues: Issue[] } {
  try {
    const u = build();
    return u === undefined ? { units: undefined } : { units: u.list, source: u.source };
  } catch (e) {
    if (e instanceof ParIndexError) return { issues: e.issues };
    throw e;
  }
}

const NFD = 'Sơn Tây'.normalize('NFD');
const id = fc.oneof({ arbitrary: fc.constantFrom('a', 'b', 'Sơn Tây', NFD, 'ALL', 'all', 'aLl', '', ' ', 'ﬀ', '__proto__'), weight: 1 }, { arbitrary: fc.integer({ min: 0, max: 10_000 }).map((n) => `u${n}`), weight: 6 });
const group = fc.constantFrom('so', 'huyen', 'Sở', NFD, '', ' ', 'ALL');
const text = fc.constantFrom('', ' ', 'so', 'Sở', 'Khối sở', 'Khối sở'.normalize('NFD'), ' x ', 'y', 'ALL');
const HEADERS = [
  ['unit', 'name', 'group', 'rankGroup', 'groupName', 'rankGroupName'],
  ['đơn vị', 'tên', 'nhóm', 'khối', 'tên nhóm', 'tên khối'],
  ['unit', 'group'],
  ['unit', 'name', 'rankGroup'],
  ['unit', 'group', 'unit'],
];

describe('units: the plain path answers as the schema', () => {
  it('buildUnits = the schema on every row, on random tables (CSV text, rows and JSON)', () => {
    const row = fc.tuple(id, text, group, text, text, text, fc.boolean());
    let plain = 0;
    fc.assert(
      fc.property(fc.constantFrom(...HEADERS), fc.array(row, { maxLength: 12 }), fc.constantFrom('csv', 'rows', 'json'), (header, rows, kind) => {
        const cells = rows.map((r) => header.map((_, k) => r[k] as string));
        let table: ReturnType<typeof makeTable>;
        if (kind === 'json')
          table = jsonRowsToTable(
            cells.map((c) => Object.fromEntries(header.map((h, k) => [h, c[k]]))),
            { file: 'units.json' },
          );
        else if (kind === 'rows')
          table = makeTable(
            header,
            cells.map((c, i) => ({ row: i + 2, cells: c })),
            { file: 'units.csv' },
          );
        else {
          // CSV text, some lines with a trailing delimiter (a cell past the header line).
          const line = (c: string[]) => c.map((x) => (/[",\n]/.test(x) ? `"${x.replaceAll('"', '""')}"` : x)).join(',');
          const text = [line(header), ...cells.map((c, i) => line(c) + (rows[i][6] ? ',' : ''))].join('\n');
          try {
            table = parseCsvTable(`${text}\n`, { file: 'units.csv' });
          } catch {
            return; // the CSV reader's own problem: no table to read units from
          }
        }
        const reference = outcome(() => unitsFromRows(table));
        expect(outcome(() => buildUnits(table))).toEqual(reference);
        const fast = outcome(() => plainUnits(table));
        if ('units' in fast && fast.units !== undefined) {
          plain++;
          expect(fast).toEqual(reference);
        } else expect('issues' in reference).toBe(true);
      }),
      { numRuns: 1000 },
    );
    // The plain path is taken, not only the reference.
    expect(plain).toBeGreaterThan(50);
  });

  it('an ALL id, a blank group: the problems worded by the schema, as before', () => {
    const table = makeTable(
      ['unit', 'name', 'group'],
      [
        { row: 2, cells: ['a', 'A', 'g'] },
        { row: 3, cells: ['All', 'x', 'g'] },
        { row: 4, cells: ['b', 'B', ''] },
      ],
      { file: 'units.csv' },
    );
    expect(plainUnits(table)).toBeUndefined();
    const got = outcome(() => buildUnits(table));
    expect(got).toEqual(outcome(() => unitsFromRows(table)));
    expect('issues' in got && got.issues.map((i) => [i.code, i.row, i.column])).toEqual([
      ['bad-value', 3, 'unit'],
      ['bad-value', 4, 'group'],
    ]);
  });

  it('a plain table: the units straight from the cells, NFC ids, names and labels', () => {
    const table = parseCsvTable(`unit,name,group,rankGroup,rankGroupName\n${NFD},,huyen,,Khối huyện\nso-1,Sở 1,so,so,Khối sở\n`, { file: 'units.csv' });
    const units = plainUnits(table)!;
    expect(units.list).toEqual([
      { id: 'Sơn Tây', name: 'Sơn Tây', group: 'huyen', rankGroup: 'huyen', rankGroupName: 'Khối huyện', row: 2 },
      { id: 'so-1', name: 'Sở 1', group: 'so', rankGroup: 'so', rankGroupName: 'Khối sở', row: 3 },
    ]);
    expect(units.byId.get('Sơn Tây')).toBe(units.list[0]);
    expect(outcome(() => buildUnits(table))).toEqual(outcome(() => unitsFromRows(table)));
  });
});
