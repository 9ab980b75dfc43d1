/**
 * The fast CSV splitter against csv-parse (the reference): whenever the splitter accepts a text, its
 * records equal csv-parse's; on well-formed CSV with LF or CRLF line ends it always accepts; on
 * malformed CSV it declines, so csv-parse words the error.
 */
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitCsvFast } from '../src/table/csv-fast.js';
import { csvParseOptions, csvRowSource, guessDelimiter, parseCsvTable } from '../src/table/csv.js';
import { catchError, sampleText } from './support/round.js';

const reference = (text: string, delimiter: string): string[][] | 'error' => {
  try {
    return parse(text, csvParseOptions(delimiter)) as string[][];
  } catch {
    return 'error';
  }
};

const quote = (cell: string, d: string) => (/["\r\n]/.test(cell) || cell.includes(d) || cell.startsWith('"') ? `"${cell.replace(/"/g, '""')}"` : cell);
const cellArb = fc.oneof(fc.constantFrom('', 'a', 'noi-vu', '1.5', 'NA', 'Sở Nội vụ', ' x ', 'có'), fc.string({ unit: fc.constantFrom('a', 'b', ',', ';', '\t', '"', '\n', '\r', ' ', 'đ', '1'), maxLength: 8 }));
const delimArb = fc.constantFrom(',', ';', '\t');

describe('splitCsvFast', () => {
  it('reads well-formed CSV (LF or CRLF) exactly like csv-parse', () => {
    fc.assert(
      fc.property(delimArb, fc.constantFrom('\n', '\r\n'), fc.array(fc.array(cellArb, { minLength: 1, maxLength: 5 }), { maxLength: 8 }), fc.boolean(), (d, eol, rows, trailing) => {
        const text = rows.map((r) => r.map((c) => quote(c, d)).join(d)).join(eol) + (trailing && rows.length ? eol : '');
        const fast = splitCsvFast(text, d);
        const ref = reference(text, d);
        // Declining is allowed only where line breaks inside cells could be mistaken for line ends
        // (csv-parse takes the first line end it meets as the record delimiter, even inside quotes).
        const cells = rows.flat();
        const plain = !cells.some((c) => c.includes('\r')) && (eol === '\n' || !cells.some((c) => c.includes('\n'))) && !(rows[0] ?? []).some((c) => /[\r\n]/.test(c));
        if (fast === undefined) {
          expect(plain).toBe(false);
          return;
        }
        expect(fast).toEqual(ref);
      }),
      { numRuns: 3000 },
    );
  });

  it('never disagrees with csv-parse on arbitrary text, and declines what csv-parse rejects', () => {
    const textArb = fc.string({ unit: fc.constantFrom('a', ',', ';', '"', '\n', '\r', ' ', 'é'), maxLength: 40 });
    fc.assert(
      fc.property(textArb, delimArb, (text, d) => {
        const fast = splitCsvFast(text, d);
        if (fast === undefined) return;
        expect(fast).toEqual(reference(text, d));
      }),
      { numRuns: 5000 },
    );
  });

  it('declines malformed quoting and bare CR line ends', () => {
    for (const t of ['a,"b"c', 'a,b"c', '"a', 'a, "b"\n', '"a" ,b', 'a\rb\rc', 'a,b\r\nc\nd\r\n', 'a,b\nc\rd\n']) expect(splitCsvFast(t, ',')).toBeUndefined();
    expect(splitCsvFast('a,b\n\n', ',')).toEqual([['a', 'b'], ['']]);
    expect(splitCsvFast('"a""b",c\r\n"x\ny",', ',')).toEqual([
      ['a"b', 'c'],
      ['x\ny', ''],
    ]);
    expect(splitCsvFast('', ',')).toEqual([]);
  });

  it('reads every file of the embedded sample like csv-parse', () => {
    for (const f of ['framework.csv', 'units.csv', 'evidence.csv', 'survey.csv', 'sipas-questions.csv', 'sipas-responses.csv']) {
      const text = sampleText(f);
      expect(splitCsvFast(text, ',')).toEqual(reference(text, ','));
    }
  });

  it('parseCsvTable still reports malformed CSV through csv-parse, with the row', () => {
    expect(() => parseCsvTable('a,b\n1,"x"y\n', { file: 'bad.csv' })).toThrow(/not valid CSV/);
  });
});

describe('parseCsvTable line ends and delimiter', () => {
  it('reads mixed line ends (a CRLF header over LF rows, a bare CR) as separate records', () => {
    const t = parseCsvTable('unit;name\r\na;A\nb;B\rc;C\r\n', { file: 'units.csv' });
    expect(t.header).toEqual(['unit', 'name']);
    expect(t.rows.map((r) => [r.row, ...r.cells])).toEqual([
      [2, 'a', 'A'],
      [3, 'b', 'B'],
      [4, 'c', 'C'],
    ]);
  });
  it('guesses the delimiter from the header line alone, whatever ends it', () => {
    expect(guessDelimiter('unit;name\r1,5;A, B, C\r')).toBe(';');
    expect(guessDelimiter('"a;b",c\nx;y;z;w\n')).toBe(',');
    expect(guessDelimiter('"unit\nid";name;x\n1,2,3,4,5\n')).toBe(';');
    expect(parseCsvTable('unit;name\r1;A, B, C\r').rows[0].cells).toEqual(['1', 'A, B, C']);
  });
  it('names the record (not the line) of malformed CSV after a cell with line breaks', () => {
    const e = catchError(() => parseCsvTable('a,b\n"x\ny\nz",1\n2,"q"w\n', { file: 'bad.csv' }));
    expect(e.issues[0]).toMatchObject({ code: 'bad-csv', file: 'bad.csv', row: 3 });
  });
});

describe('csvRowSource (rows split as they are iterated)', () => {
  it('gives the rows parseCsvTable gives, on random well-formed text and on every sample file', () => {
    fc.assert(
      fc.property(delimArb, fc.constantFrom('\n', '\r\n'), fc.array(fc.array(cellArb, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 8 }), (d, eol, rows) => {
        const text = rows.map((r) => r.map((c) => quote(c, d)).join(d)).join(eol) + eol;
        let table;
        try {
          table = parseCsvTable(text);
        } catch {
          expect(() => [...csvRowSource(text).rows]).toThrow();
          return;
        }
        const lazy = csvRowSource(text);
        expect(lazy.header).toEqual(table.header);
        expect([...lazy.rows]).toEqual(table.rows);
        expect([...lazy.rows]).toEqual(table.rows); // iterable again
      }),
      { numRuns: 2000 },
    );
    for (const f of ['framework.csv', 'units.csv', 'evidence.csv', 'survey.csv', 'sipas-responses.csv']) {
      const text = sampleText(f);
      const lazy = csvRowSource(text, { file: f });
      expect(Array.isArray(lazy.rows), f).toBe(false); // the sample files take the lazy path
      // The lazy source also keeps its text (for the fast evidence path); everything else is the table.
      const { text: kept, ...rest } = lazy;
      expect(kept?.body.length).toBeGreaterThan(0);
      expect({ ...rest, rows: [...lazy.rows] }).toEqual(parseCsvTable(text, { file: f }));
    }
  });
  it('falls back to the whole-file reader (and its errors) where the splitter declines', () => {
    expect(Array.isArray(csvRowSource('a;b\r1;2\r').rows)).toBe(true);
    expect(() => csvRowSource('a,b\n1,"x"y\n', { file: 'bad.csv' })).toThrow(/not valid CSV/);
    expect(() => csvRowSource('', { file: 'e.csv' })).toThrow(/empty/);
  });
});
