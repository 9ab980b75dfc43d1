/**
 * Rows longer than their header (docs/spec.md §3, §5; docs/spreadsheets.md): `a,1.1,4,5,5` — an
 * unquoted decimal comma — must never be read as appraised 5. A cell right of the header's last
 * column (beyond trailing blanks) is a located error in every table reader: CSV (the fast splitter
 * and csv-parse, whole and lazy) and xlsx. A SIPAS form shorter or longer than its header is a
 * located error in every responses reader (byte tokenizer, csv-parse stream, tables, xlsx), or with
 * `skipBadRows` a skipped form.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { Issue } from '../src/errors.js';
import { scoreSurvey, type SurveyFileOptions } from '../src/node/sipas-file.js';
import { buildSurveyDefinition } from '../src/sipas/definition.js';
import { scoreSurveyCsv, scoreSurveyTable } from '../src/sipas/score.js';
import { csvRowSource, parseCsvTable } from '../src/table/csv.js';
import { iterateXlsxRows, readXlsxTables } from '../src/xlsx/read.js';
import { csv, round, issuesOf, issuesOfAsync } from './support/round.js';
import { tempDir } from './support/xlsx.js';

const pick = (i: Issue) => ({ code: i.code, file: i.file, sheet: i.sheet, row: i.row, column: i.column, columnLetter: i.columnLetter, value: i.value });

const HEADER = 'unit,criterion,self,appraised';

describe('CSV tables: a cell right of the header is an error', () => {
  const long = csv(HEADER, 'a,1.1,4,5', 'a,1.2,4,5,5', 'b,1.1,3,2');

  it('the fast splitter (parseCsvTable)', () => {
    const issues = issuesOf(() => parseCsvTable(long, { file: 'e.csv' }));
    expect(issues.map(pick)).toEqual([{ code: 'too-many-cells', file: 'e.csv', sheet: undefined, row: 3, column: undefined, columnLetter: 'E', value: '5' }]);
    expect(issues[0].message).toMatch(/5 cells.*4 columns/);
  });

  it('the csv-parse path (bare CR line ends go there)', () => {
    const issues = issuesOf(() => parseCsvTable(long.replace(/\n/g, '\r'), { file: 'e.csv' }));
    expect(issues.map(pick)).toEqual([{ code: 'too-many-cells', file: 'e.csv', sheet: undefined, row: 3, column: undefined, columnLetter: 'E', value: '5' }]);
  });

  it('the lazy row source (fast splitter and csv-parse fallback)', () => {
    for (const text of [long, long.replace(/\n/g, '\r')]) {
      const issues = issuesOf(() => [...csvRowSource(text, { file: 'e.csv' }).rows]);
      expect(issues.map(pick)).toEqual([{ code: 'too-many-cells', file: 'e.csv', sheet: undefined, row: 3, column: undefined, columnLetter: 'E', value: '5' }]);
    }
  });

  it('every long row is listed, with quoted and semicolon files too', () => {
    const text = csv('unit;criterion;self;appraised', 'a;1.1;4;5;x;y', '"b";"1.1";"4";"5";"";"z"', 'c;1.1;4;5');
    for (const issues of [issuesOf(() => parseCsvTable(text)), issuesOf(() => [...csvRowSource(text).rows])]) {
      expect(issues.map((i) => [i.row, i.columnLetter, i.value])).toEqual([
        [2, 'E', 'x'],
        [3, 'F', 'z'],
      ]);
    }
  });

  it('trailing blank cells are not extra cells (a trailing delimiter, spaces)', () => {
    const text = csv(HEADER, 'a,1.1,4,5,', 'a,1.2,4,5, ,', '"b","1.1","3","2",""');
    const t = parseCsvTable(text);
    expect(t.rows.map((r) => r.cells)).toEqual([
      ['a', '1.1', '4', '5'],
      ['a', '1.2', '4', '5'],
      ['b', '1.1', '3', '2'],
    ]);
    expect([...csvRowSource(text).rows].map((r) => r.cells)).toEqual(t.rows.map((r) => r.cells));
  });

  it('an evidence line longer than the header line is refused even when the extra cells are blank (fast-check found a,1.2,99,99999999999999999, read as appraised 99999999999999999)', () => {
    const fw = csv('code,title,max,rule,params', '1,A,,,', '1.1,x,10,points,', '1.2,y,10,points,');
    const units = csv('unit,name,group', 'a,A,so');
    // self 4,5 written with an unquoted decimal comma, appraised blank: the line reads as self 4, appraised 5.
    const issues = issuesOf(() => round(fw, units, csv(HEADER, 'a,1.1,4,5,', 'a,1.2,3,3')));
    expect(issues.map((i) => [i.code, i.key, i.row, i.params])).toEqual([['too-many-cells', 'too-many-cells/csv-shifted', 2, { cells: 5, header: 4 }]]);
    // A header line with the same trailing delimiter: every line has it, nothing moved.
    expect(() => round(fw, units, csv(`${HEADER},`, 'a,1.1,4,5,', 'a,1.2,3,3,'))).not.toThrow();
  });

  it('the reproduction: an unquoted 5,5 is never read as appraised 5', () => {
    const fw = csv('code,title,max,rule,params', '1,A,,,', '1.1,x,10,points,');
    const units = csv('unit,name,group', 'a,A,so');
    const issues = issuesOf(() => round(fw, units, csv(HEADER, 'a,1.1,4,5,5')));
    expect(issues.map((i) => [i.code, i.row, i.columnLetter])).toEqual([['too-many-cells', 2, 'E']]);
  });
});

// ---------------------------------------------------------------------------------------------
// xlsx workbooks written here as XML.

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/** A workbook of one sheet whose rows are given as cells by column letter. */
function book(sheet: string, rows: Record<string, string | number>[]): Uint8Array {
  const xml = rows
    .map((cells, i) => {
      const r = i + 1;
      const cs = Object.entries(cells).map(([col, v]) => (typeof v === 'number' ? `<c r="${col}${r}"><v>${v}</v></c>` : `<c r="${col}${r}" t="inlineStr"><is><t>${esc(v)}</t></is></c>`));
      return `<row r="${r}">${cs.join('')}</row>`;
    })
    .join('');
  const files: Zippable = {
    '[Content_Types].xml': strToU8('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>'),
    '_rels/.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    ),
    'xl/workbook.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><workbook ${NS}><sheets><sheet name="${esc(sheet)}" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    'xl/worksheets/sheet1.xml': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet ${NS}><sheetData>${xml}</sheetData></worksheet>`),
  };
  return zipSync(files);
}

describe('xlsx tables: a value right of the header is an error', () => {
  const head = { A: 'unit', B: 'criterion', C: 'self', D: 'appraised' };
  const bytes = book('evidence', [head, { A: 'a', B: '1.1', C: 4, D: 5 }, { A: 'a', B: '1.2', C: 4, D: 5, F: 5 }]);

  it('readXlsxTables lists it, located', () => {
    const issues = issuesOf(() => readXlsxTables(bytes, 'evidence', { file: 'e.xlsx' }));
    expect(issues.map(pick)).toEqual([{ code: 'too-many-cells', file: 'e.xlsx', sheet: 'evidence', row: 3, column: undefined, columnLetter: 'F', value: '5' }]);
  });

  it('iterateXlsxRows throws it (and attaches it in attach mode)', () => {
    expect(issuesOf(() => [...iterateXlsxRows(bytes, 'evidence', { file: 'e.xlsx' })]).map((i) => [i.code, i.row, i.columnLetter])).toEqual([['too-many-cells', 3, 'F']]);
    const rows = [...iterateXlsxRows(bytes, 'evidence', { file: 'e.xlsx', cellIssues: 'attach' })];
    expect(rows[2].issues?.map((i) => [i.code, i.row, i.columnLetter])).toEqual([['too-many-cells', 3, 'F']]);
  });

  it('a blank header cell inside the header is not its end', () => {
    const ok = book('evidence', [
      { A: 'unit', B: 'criterion', D: 'appraised' },
      { A: 'a', B: '1.1', D: 5 },
    ]);
    expect(readXlsxTables(ok, 'evidence').tables[0].rows.map((r) => r.cells)).toEqual([['a', '1.1', '', '5']]);
  });
});

// ---------------------------------------------------------------------------------------------
// SIPAS responses.

const DEF = buildSurveyDefinition(parseCsvTable(csv('code,title,column', '1,,', '1.1,,q1', '1.2,,q2', '1.3,,q3')));
const HEAD = 'form,unit,q1,q2,q3';

type Reader = 'tokenizer' | 'csv-parse' | 'table';

async function sipas(text: string, reader: Reader, opts: SurveyFileOptions = {}) {
  if (reader === 'table') return scoreSurveyTable(DEF, parseCsvTable(text, { file: 'r.csv' }), { ...opts, file: 'r.csv' });
  if (reader === 'tokenizer') return scoreSurveyCsv(DEF, text, { ...opts, file: 'r.csv' });
  return scoreSurvey(DEF, [Buffer.from(text)], { ...opts, file: 'r.csv', reader: 'csv-parse' });
}

describe('SIPAS: a form shorter or longer than its header', () => {
  for (const reader of ['tokenizer', 'csv-parse', 'table'] as const) {
    it(`a longer form is an error (${reader})`, async () => {
      const text = csv(HEAD, '1,u1,5,5,5', '2,u1,5,5,5,4', '3,u1,"5","5","5","4"', '4,u1,5,5,5,,');
      const issues = await issuesOfAsync(() => sipas(text, reader));
      expect(issues.map(pick)).toEqual([
        { code: 'too-many-cells', file: 'r.csv', sheet: undefined, row: 3, column: undefined, columnLetter: 'F', value: '4' },
        { code: 'too-many-cells', file: 'r.csv', sheet: undefined, row: 4, column: undefined, columnLetter: 'F', value: '4' },
      ]);
    });
  }

  for (const reader of ['tokenizer', 'csv-parse'] as const) {
    it(`a shorter form is an error, not an invalid form (${reader})`, async () => {
      const text = csv(HEAD, '1,u1,5,5,5', '2,u1,5,5', '"3","u1"');
      const issues = await issuesOfAsync(() => sipas(text, reader));
      expect(issues.map((i) => [i.code, i.row, i.column, i.columnLetter])).toEqual([
        ['too-few-cells', 3, 'q3', 'E'],
        ['too-few-cells', 4, 'q1', 'C'],
      ]);
    });

    it(`with skipBadRows such forms are skipped, counted for their unit (${reader})`, async () => {
      const text = csv(HEAD, '1,u1,5,5,5', '2,u1,5,5', '3,u1,5,5,5,4', '4,u2,4,4,4', '5,u2,4,4,4,,');
      const r = await sipas(text, reader, { skipBadRows: true });
      expect(r.units.map((u) => [u.unit, u.forms, u.valid, u.invalid, u.skipped])).toEqual([
        ['u1', 3, 1, 2, 2],
        ['u2', 2, 2, 0, 0],
      ]);
    });

    it(`with skipBadRows a form cut before its unit is still an error (${reader})`, async () => {
      const issues = await issuesOfAsync(() => sipas(csv(HEAD, '1,u1,5,5,5', '2'), reader, { skipBadRows: true }));
      expect(issues.map((i) => [i.code, i.row])).toEqual([['too-few-cells', 3]]);
    });
  }

  it('a table from parseCsvTable keeps knowing a short form (its row was padded)', async () => {
    const issues = await issuesOfAsync(() => sipas(csv(HEAD, '1,u1,5,5,5', '2,u1,5,5', '"3","u1"'), 'table'));
    expect(issues.map((i) => [i.code, i.row, i.column, i.columnLetter])).toEqual([
      ['too-few-cells', 3, 'q3', 'E'],
      ['too-few-cells', 4, 'q1', 'C'],
    ]);
    const r = await sipas(csv(HEAD, '1,u1,5,5,5', '2,u1,5,5', '4,u2,4,4,4'), 'table', { skipBadRows: true });
    expect(r.units.map((u) => [u.unit, u.forms, u.valid, u.invalid, u.skipped])).toEqual([
      ['u1', 2, 1, 1, 1],
      ['u2', 1, 1, 0, 0],
    ]);
    // The padding is out of sight: the row's data keys are row and cells.
    expect(Object.keys(parseCsvTable(csv(HEAD, '2,u1,5')).rows[0])).toEqual(['row', 'cells']);
  });

  it('xlsx responses: a value right of the header is an error, or a skipped form', async () => {
    const dir = tempDir('parindex-rows-');
    const head = { A: 'form', B: 'unit', C: 'q1', D: 'q2', E: 'q3' };
    const p = join(dir, 'r.xlsx');
    writeFileSync(p, book('responses', [head, { A: '1', B: 'u1', C: 5, D: 5, E: 5 }, { A: '2', B: 'u1', C: 5, D: 5, E: 5, G: 4 }]));
    const issues = await issuesOfAsync(() => scoreSurvey(DEF, p));
    expect(issues.map((i) => [i.code, i.sheet, i.row, i.columnLetter, i.value])).toEqual([['too-many-cells', 'responses', 3, 'G', '4']]);
    const r = await scoreSurvey(DEF, p, { skipBadRows: true });
    expect(r.units.map((u) => [u.unit, u.forms, u.valid, u.skipped])).toEqual([['u1', 2, 1, 1]]);
  });
});

describe('the header ends at its last non-blank cell', () => {
  it('a trailing delimiter in the header does not make room for a value (CSV, lazy, SIPAS)', async () => {
    const text = csv(`${HEADER},`, 'a,1.1,4,5,5');
    expect(issuesOf(() => parseCsvTable(text)).map((i) => [i.code, i.row, i.columnLetter])).toEqual([['too-many-cells', 2, 'E']]);
    expect(issuesOf(() => [...csvRowSource(text).rows]).map((i) => [i.code, i.row, i.columnLetter])).toEqual([['too-many-cells', 2, 'E']]);
    for (const reader of ['tokenizer', 'csv-parse'] as const) {
      const ok = await sipas(csv(`${HEAD},`, '1,u1,5,5,5', '2,u1,5,5,5,'), reader);
      expect(ok.units.map((u) => [u.unit, u.forms, u.valid])).toEqual([['u1', 2, 2]]);
      const issues = await issuesOfAsync(() => sipas(csv(`${HEAD},`, '1,u1,5,5,5,4'), reader));
      expect(issues.map((i) => [i.code, i.row, i.columnLetter])).toEqual([['too-many-cells', 2, 'F']]);
    }
  });
});
