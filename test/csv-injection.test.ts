/**
 * CSV output cannot become formulas in any Excel (issue: hardening). 0.1 quoted a `;` only in
 * `;`-delimited files, so `x;=cmd|' /C calc'!A0;y` in a name became a formula cell when a
 * Vietnamese-locale Excel (list separator `;`) opened the comma-delimited file. Now a `;`, `,` or tab
 * in a cell is always quoted, and a formula character right after one is neutralised like one at the
 * start of the cell.
 */
import { describe, expect, it } from 'vitest';
import { toCsv } from '../src/report/csv-write.js';
import { parseCsvTable } from '../src/table/csv.js';

const PAYLOAD = "x;=cmd|' /C calc'!A0;y";

describe('CSV cells with a delimiter of another locale', () => {
  it('a ; (or a tab) inside a cell is quoted in a comma file, and the cell reads back whole', () => {
    const text = toCsv([
      ['unit', 'name'],
      ['a', PAYLOAD],
      ['b', 'tab\there'],
    ]);
    const lines = text.split('\r\n');
    expect(lines[1]).toBe(`a,"x;'=cmd|' /C calc'!A0;y"`);
    expect(lines[2]).toBe('b,"tab\there"');
    // Split the way a `;`-locale Excel splits a comma file: no field starts with a formula character.
    for (const line of lines) for (const f of line.split(';')) expect(/^[=+\-@]/.test(f), f).toBe(false);
    // Read back (and as the first field, where quoting alone keeps it whole).
    expect(parseCsvTable(text).rows[0].cells).toEqual(['a', "x;'=cmd|' /C calc'!A0;y"]);
    expect(toCsv([[PAYLOAD]]).startsWith('"x;')).toBe(true);
  });
  it('a formula at the start of a cell is still neutralised, numbers are not', () => {
    expect(toCsv([['=1+1', '-1.5', '@x']])).toBe("'=1+1,-1.5,'@x\r\n");
  });
});
