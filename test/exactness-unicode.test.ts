/**
 * Unicode: the same text in NFC and NFD is the same id or header (a unit's forms are one row in
 * SIPAS, whatever form each file or program wrote its id in), and messages show what cannot be
 * seen (NUL, zero-width characters) escaped, and long found values cut to a readable length.
 */
import { describe, expect, it } from 'vitest';
import { formatIssue, ParIndexError, type Issue } from '../src/errors.js';
import { scoreSurvey } from '../src/node/sipas-file.js';
import { buildSurveyDefinition } from '../src/sipas/definition.js';
import { scoreSurveyCsv, scoreSurveyTable } from '../src/sipas/score.js';
import { parseCsvTable } from '../src/table/csv.js';
import { bindColumns, FIELDS, FREE_COLUMNS } from '../src/table/headers.js';
import { IssueList } from '../src/errors.js';
import { csv } from './support/round.js';

const DEF = buildSurveyDefinition(parseCsvTable(csv('code,title,column', '1,,', '1.1,,q1', '1.2,,q2')));
const nfc = (s: string) => s.normalize('NFC');
const nfd = (s: string) => s.normalize('NFD');

type Reader = 'tokenizer' | 'csv-parse' | 'table';
const READERS: Reader[] = ['tokenizer', 'csv-parse', 'table'];

async function sipas(text: string, reader: Reader, unitIds?: string[]) {
  const units = unitIds && { list: unitIds.map((id) => ({ id, name: id, group: 'g', rankGroup: 'g', row: 2 })), byId: new Map(unitIds.map((id) => [id, { id, name: id, group: 'g', rankGroup: 'g', row: 2 }])), source: {} };
  const opts = { file: 'r.csv', units: units as never };
  if (reader === 'table') return scoreSurveyTable(DEF, parseCsvTable(text, { file: 'r.csv' }), opts);
  if (reader === 'tokenizer') return scoreSurveyCsv(DEF, text, opts);
  return scoreSurvey(DEF, [Buffer.from(text)], { ...opts, reader: 'csv-parse' });
}

describe('SIPAS unit ids are compared after NFC', () => {
  for (const id of ['Sở Nội vụ', 'Sở-1', 'quận Đống Đa']) {
    for (const reader of READERS) {
      it(`"${id}" in NFC and NFD is one unit (${reader})`, async () => {
        // Many forms, so the tokenizer's fast path (ids looked up by bytes) runs too.
        const lines = ['form,unit,q1,q2'];
        for (let k = 0; k < 20; k++) lines.push(`${k},${k % 2 ? nfd(id) : nfc(id)},5,4`);
        const r = await sipas(csv(...lines), reader);
        expect(r.units.map((u) => [u.unit, u.forms])).toEqual([[nfc(id), 20]]);
      });
    }
  }

  for (const reader of READERS) {
    it(`a units file in NFC accepts forms in NFD, and the other way round (${reader})`, async () => {
      const id = 'Sở Nội vụ';
      const text = csv('form,unit,q1,q2', `1,${nfd(id)},5,4`, `2,${nfc(id)},5,4`);
      for (const listed of [nfc(id), nfd(id)]) {
        const r = await sipas(text, reader, [listed, 'x']);
        expect(r.units.map((u) => [u.unit, u.forms])).toEqual([
          [listed, 2],
          ['x', 0],
        ]);
      }
    });

    it(`an unknown unit in NFC and NFD is reported once (${reader})`, async () => {
      const id = 'Sở Lạ';
      try {
        await sipas(csv('form,unit,q1,q2', `1,${nfd(id)},5,4`, `2,${nfc(id)},5,4`), reader, ['x']);
        throw new Error('expected an error');
      } catch (e) {
        if (!(e instanceof ParIndexError)) throw e;
        expect(e.issues.map((i) => [i.code, i.row])).toEqual([['unknown-unit', 2]]);
      }
    });
  }
});

describe('headers are compared after NFC', () => {
  it('NFD headers bind like NFC ones, and free columns in NFD are free', () => {
    const t = parseCsvTable(csv(nfd('mã đơn vị,mã tiêu chí,điểm tự chấm,điểm thẩm định,ghi chú'), 'a,1.1,1,1,x'));
    const issues = new IssueList();
    const cols = bindColumns(t, FIELDS.evidence, issues, 'evidence file', FREE_COLUMNS.evidence);
    expect(issues.issues).toEqual([]);
    expect(cols).toMatchObject({ unit: 0, criterion: 1, self: 2, appraised: 3, note: 4 });
  });

  it('SIPAS question columns in NFD match a definition in NFC', async () => {
    const def = buildSurveyDefinition(parseCsvTable(csv('code,title,column', '1,,', '1.1,,câu 1')));
    const r = scoreSurveyCsv(def, csv(`form,unit,${nfd('câu 1')}`, '1,u,5'));
    expect(r.units.map((u) => [u.unit, u.valid])).toEqual([['u', 1]]);
  });
});

describe('messages show invisible characters and cut long values', () => {
  const issue = (extra: Partial<Issue>): Issue => ({ code: 'x', message: 'bad', ...extra });

  it('NUL, zero-width and other invisible characters are escaped', () => {
    expect(formatIssue(issue({ value: 'a\u0000b' }), { lang: 'en' })).toBe('bad; found "a\\u{0000}b" [x]');
    expect(formatIssue(issue({ value: '\u200Bso\uFEFF' }), { lang: 'en' })).toBe('bad; found "\\u{200B}so\\u{FEFF}" [x]');
    expect(formatIssue(issue({ value: 'a\tb\nc\r' }), { lang: 'en' })).toBe('bad; found "a\\tb\\nc\\r" [x]');
    expect(formatIssue(issue({ value: '1\u00A0000' }), { lang: 'en' })).toBe('bad; found "1\\u{00A0}000" [x]');
    expect(formatIssue(issue({ value: 'x\u202Ey' }), { lang: 'en' })).toBe('bad; found "x\\u{202E}y" [x]');
    // Visible text, Vietnamese included, is shown as is.
    expect(formatIssue(issue({ value: 'Sở Nội vụ' }), { lang: 'en' })).toBe('bad; found "Sở Nội vụ" [x]');
  });

  it('in messages, columns and sheets too', () => {
    expect(formatIssue(issue({ message: 'unit "a\u200B" is unknown', column: 'unit\u0000', sheet: 'S\u200D' }), { lang: 'en' })).toBe('sheet "S\\u{200D}", column "unit\\u{0000}": unit "a\\u{200B}" is unknown [x]');
  });

  it('a value longer than 80 characters is cut, with its length', () => {
    const long = 'x'.repeat(500);
    const text = formatIssue(issue({ value: long }), { lang: 'en' });
    expect(text).toBe(`bad; found "${'x'.repeat(60)}…" (500 characters) [x]`);
    // Cut by characters, never inside a surrogate pair.
    const emoji = '😀'.repeat(100);
    expect(formatIssue(issue({ value: emoji }), { lang: 'en' })).toBe(`bad; found "${'😀'.repeat(60)}…" (100 characters) [x]`);
    expect(formatIssue(issue({ value: 'y'.repeat(80) }), { lang: 'en' })).toBe(`bad; found "${'y'.repeat(80)}" [x]`);
  });

  it('the error message is formatted the same way', () => {
    const e = new ParIndexError(issue({ value: '\u0000'.repeat(3) }));
    expect(e.message).toBe('bad; found "\\u{0000}\\u{0000}\\u{0000}" [x]');
  });
});
