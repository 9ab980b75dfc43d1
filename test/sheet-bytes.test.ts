/**
 * Sheet rows written as bytes (src/xlsx/sheet-bytes.ts): a printed figure's number text is the text
 * `String(Number(text))` gives (what the cells' strings held), and ASCII bytes given to a zip entry
 * (`ZipEntryStream.writeAscii`) make the same chunks, hence the same file, as the text they spell.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Exact } from '../src/numbers/exact.js';
import { AsciiOut, numberSpan, numberXml } from '../src/xlsx/sheet-bytes.js';
import { ZipEntryStream } from '../src/xlsx/zip-out.js';

describe('numberXml', () => {
  it('by hand: signs, trailing zeros, zero, and texts left to the double', () => {
    const cases: [string, string][] = [
      ['89.83', '89.83'],
      ['89.50', '89.5'],
      ['100.00', '100'],
      ['100', '100'],
      ['-12.50', '-12.5'],
      ['+3.00', '3'],
      ['+0.25', '0.25'],
      ['-0.00', '0'],
      ['+0.00', '0'],
      ['0.00', '0'],
      ['0', '0'],
      ['-0', '0'],
      ['0.000001', '0.000001'],
      ['123456789.123456', '123456789.123456'],
      // Through the double: 7 decimals (an exponent), 16 digits, a leading zero, no digit before or after the point.
      ['0.0000001', '1e-7'],
      ['1234567890.1234567', '1234567890.1234567'],
      ['1234567890123456.5', '1234567890123456.5'],
      ['007.50', '7.5'],
      ['.5', '0.5'],
      ['5.', '5'],
      ['12345678901234567890123', '1.2345678901234568e+22'],
    ];
    for (const [text, xml] of cases) {
      expect(numberXml(text), text).toBe(xml);
      expect(numberXml(text), text).toBe(String(Number(text)));
    }
    expect(numberSpan('0.0000001')).toBe(-1);
    expect(numberSpan('-12.50')).toBe(2 * 5);
    expect(numberSpan('+3.00')).toBe(2 * 2 + 1);
  });

  it('equals String(Number(text)) for printed figures, signed or not', () => {
    fc.assert(
      fc.property(fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), fc.integer({ min: 1, max: 1_000_000_000 }), fc.integer({ min: 0, max: 9 }), fc.constantFrom('', '+'), (n, d, decimals, sign) => {
        const t = Exact.of(n, d).toFixed(decimals);
        const text = sign && !t.startsWith('-') ? `+${t}` : t;
        expect(numberXml(text)).toBe(String(Number(text)));
      }),
      { numRuns: 5000 },
    );
  });
});

describe('AsciiOut', () => {
  it('writes ASCII and whole numbers, takes a fresh array each time, refuses other characters', () => {
    const out = new AsciiOut(4);
    out.text('<row r="');
    out.int(7);
    out.int(1234);
    out.text('xx">yy', 2, 4);
    const first = out.take();
    expect(Buffer.from(first).toString('latin1')).toBe('<row r="71234">');
    out.text('</row>');
    expect(Buffer.from(out.take()).toString('latin1')).toBe('</row>');
    expect(Buffer.from(first).toString('latin1')).toBe('<row r="71234">');
    expect(() => out.text('Khối')).toThrow(/ASCII/);
  });
});

describe('ZipEntryStream.writeAscii', () => {
  /** The chunks an entry is given for a sequence of writes (text, or ASCII as bytes). */
  function chunks(writes: (string | { ascii: string })[]): string[] {
    const got: string[] = [];
    const s = new ZipEntryStream({ push: (chunk, final) => got.push(`${final ? 'final:' : ''}${Buffer.from(chunk).toString('hex')}`) });
    for (const w of writes) {
      if (typeof w === 'string') s.write(w);
      else s.writeAscii(new Uint8Array(Buffer.from(w.ascii, 'latin1')));
    }
    s.end();
    return got;
  }

  it('the same chunks as the text the bytes spell, around text past ASCII and the chunk size', () => {
    const big = '<c r="A1"><v>1</v></c>'.repeat(12_000);
    const sequences: (string | { ascii: string })[][] = [
      ['<sheetData>', { ascii: '<row r="1"></row>' }, '</sheetData>'],
      ['Khối ắ ', { ascii: big }, 'Tỉnh 08', { ascii: big }, { ascii: big }, 'x'],
      // A lone surrogate at the end of the text before the bytes.
      ['a\uD83D', { ascii: 'b' }, '\uDE00c'],
      [{ ascii: big.repeat(2) }, { ascii: '' }, big, { ascii: 'tail' }],
      [{ ascii: big.slice(0, (1 << 18) - 1) }, 'ắ', { ascii: 'z' }],
    ];
    for (const seq of sequences) {
      const asText = seq.map((w) => (typeof w === 'string' ? w : w.ascii));
      const want = chunks(asText);
      expect(chunks(seq)).toEqual(want);
    }
    // The chunk size is crossed: more than one chunk before the last.
    expect(chunks(sequences[1]).length).toBeGreaterThan(2);
  });
});
