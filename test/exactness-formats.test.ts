/**
 * Sectioned number formats (docs/spreadsheets.md): a number is read through the section of its
 * format that Excel shows it with — `[<1]0.0%;0.0` holding 85 reads 85 (not 8500), `[>=1]0;0.0%`
 * holding 0.905 reads 90.5 (not 0.905). A percent section gives the stored value × 100, exactly; any
 * other section the value as stored. A format whose section for the value cannot be told is a
 * located error, never a guess.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ParIndexError, type Issue } from '../src/errors.js';
import { readXlsxTables } from '../src/xlsx/read.js';

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A workbook whose `evidence` sheet holds each value in column C (header unit, criterion, self), each with its format. */
function book(cells: { value: number; format: string }[]): Uint8Array {
  const formats = [...new Set(cells.map((c) => c.format))];
  const head = '<row r="1"><c r="A1" t="inlineStr"><is><t>unit</t></is></c><c r="B1" t="inlineStr"><is><t>criterion</t></is></c><c r="C1" t="inlineStr"><is><t>self</t></is></c></row>';
  const rows = cells.map((c, i) => `<row r="${i + 2}"><c r="A${i + 2}" t="inlineStr"><is><t>u</t></is></c><c r="C${i + 2}" s="${formats.indexOf(c.format) + 1}"><v>${c.value}</v></c></row>`).join('');
  const numFmts = `<numFmts count="${formats.length}">${formats.map((f, i) => `<numFmt numFmtId="${164 + i}" formatCode="${esc(f)}"/>`).join('')}</numFmts>`;
  const xfs = [0, ...formats.map((_, i) => 164 + i)];
  const files: Zippable = {
    '[Content_Types].xml': strToU8('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>'),
    '_rels/.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    ),
    'xl/workbook.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><workbook ${NS}><sheets><sheet name="evidence" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    'xl/worksheets/sheet1.xml': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet ${NS}><sheetData>${head}${rows}</sheetData></worksheet>`),
    'xl/styles.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><styleSheet ${NS}>${numFmts}<fonts count="1"><font><sz val="11"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="${xfs.length}">${xfs.map((id) => `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0"/>`).join('')}</cellXfs></styleSheet>`,
    ),
  };
  return zipSync(files);
}

/** What each value reads as through its format (or the issue's code). */
function read(cells: { value: number; format: string }[]): (string | Issue)[] {
  try {
    return readXlsxTables(book(cells), 'evidence', { file: 'f.xlsx' }).tables[0].rows.map((r) => r.cells[2]);
  } catch (e) {
    if (e instanceof ParIndexError) return e.issues;
    throw e;
  }
}

/** Each value read alone: its text, or `!code` for an error. */
function each(format: string, values: number[]): string[] {
  return values.map((value) => {
    const [r] = read([{ value, format }]);
    return typeof r === 'string' ? r : `!${r.code}`;
  });
}

describe('sectioned number formats choose the section Excel shows the value with', () => {
  it('the reproductions: [<1]0.0%;0.0 holding 85, [>=1]0;0.0% holding 0.905', () => {
    expect(each('[<1]0.0%;0.0', [85, 0.905, 1])).toEqual(['85', '90.5', '1']);
    expect(each('[>=1]0;0.0%', [0.905, 5, 1])).toEqual(['90.5', '5', '1']);
  });

  it('sections without conditions: positive;negative;zero', () => {
    expect(each('0.0%;(0.0%)', [0.125, -0.125, 0])).toEqual(['12.5', '-12.5', '0']);
    expect(each('0.00;-0.00%', [0.07, -0.07, 0])).toEqual(['0.07', '-7', '0']);
    expect(each('0.00;0.00;0%', [0.5, -0.5, 0])).toEqual(['0.5', '-0.5', '0']);
    expect(each('0%;0.0;0.0;@', [0.5, -0.5])).toEqual(['50', '-0.5']);
    expect(each('0.0%;@', [0.5, -0.5])).toEqual(['50', '-50']);
  });

  it('colours and locales are not conditions', () => {
    expect(each('[Red]0.0%;[Blue]0.0', [0.5, -0.5])).toEqual(['50', '-0.5']);
    expect(each('[$-409]0.0%', [0.5])).toEqual(['50']);
    expect(each('[Red][<0]0.0%;0.00', [-0.125, 0.5])).toEqual(['-12.5', '0.5']);
  });

  it('conditions: =, <>, <=, >= and two conditional sections', () => {
    expect(each('[=0]0;0.0%', [0, 0.5])).toEqual(['0', '50']);
    expect(each('[<>0]0%;0', [0.5, 0])).toEqual(['50', '0']);
    expect(each('[<=1]0%;0', [1, 2])).toEqual(['100', '2']);
    expect(each('[>=100]0;[<0]0.0%;0.00%', [150, -0.5, 0.5])).toEqual(['150', '-50', '50']);
  });

  it('a percent section reads the stored value × 100 exactly, never the display rounding', () => {
    expect(each('[<1]0%;0', [0.90549])).toEqual(['90.549']);
  });

  it('a format whose section cannot be told is a located error', () => {
    expect(each('[>=100]0;[<0]0.0%', [150, -0.5, 50])).toEqual(['150', '-50', '!bad-number-format']);
    expect(each('[<1]0.0%', [0.5, 85])).toEqual(['50', '!bad-number-format']);
    expect(each('0;0;0;@;0%', [1])).toEqual(['!bad-number-format']);
    const [issue] = read([{ value: 50, format: '[>=100]0;[<0]0.0%' }]) as Issue[];
    expect(issue).toMatchObject({ file: 'f.xlsx', sheet: 'evidence', row: 2, column: 'self', columnLetter: 'C', code: 'bad-number-format' });
    expect(issue.value).toContain('[>=100]0;[<0]0.0%');
  });

  it('a choice that does not change the value is no error', () => {
    // Both candidate sections are plain numbers, so the value reads as stored.
    expect(each('[>=1]0;0.0;0.00', [0.5])).toEqual(['0.5']);
    expect(each('[>=1]0;0.0%;0.00', [0.5])).toEqual(['!bad-number-format']);
  });
});
