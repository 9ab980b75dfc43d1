/**
 * Evidence references and notes copied as bytes: `FileSources.sourceBytes` gives a row's evidence
 * and note as ranges of the file's bytes, and says when they are exactly the texts `get` makes (no
 * doubled quote undone, no trim past ASCII); the audit CSV writer copies such a cell from the file
 * as it stands (or in quotes) when the bytes show how `csvCell` writes it, and takes the text
 * otherwise. Both are held to the text path: the ranges to `get`, the CSV to the reference rows
 * (`auditCsvLine` over `auditRowBatches`, which read `get`), on files full of awkward cells — ASCII,
 * Vietnamese, quoted, doubled quotes, formula-like, delimiters, cells wrapped in no-break or
 * ideographic spaces, a byte order mark, decomposed accents, a note too far into its line for the
 * ranges the reader keeps — written with `,` and `;`, LF and CRLF.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { InputMatrix } from '../src/criteria/inputs.js';
import { SPANS } from '../src/criteria/input-bytes.js';
import type { FileSources } from '../src/node/file-sources.js';
import { loadRound } from '../src/node/round.js';
import { type CsvOutputOptions, csvDialect } from '../src/report/csv-write.js';
import { type ScoreResult, scoreMatrix } from '../src/scoring/score.js';
import { parseCsvTable } from '../src/table/csv.js';
import { auditCsvLine, writeAuditCsv } from '../src/xlsx/audit-csv.js';
import { AUDIT_COLUMNS, auditRowBatches } from '../src/xlsx/results-workbook.js';
import { sampleText } from './support/round.js';

/** Texts for the evidence and note cells, in turn. */
const TEXTS = [
  '',
  'BC 477/BC-SNV ngày 24/10/2021',
  'Đã thẩm định',
  'hồ sơ đủ ư',
  'plain ascii',
  'Chưa thẩm định, giữ điểm tự chấm',
  'a;b',
  'x|y',
  '=HYPERLINK("x")',
  '=1+2',
  '+84 912',
  '-2 trừ',
  '@ref',
  '-1.5',
  '1,5',
  'x,=y',
  'x;+y',
  'x\t-y',
  'tab\tinside',
  'say "hi"',
  '\u00a0no-break around\u00a0',
  '\u3000ideographic\u3000',
  'a\u00a0inner no-break',
  '\ufeffbom first',
  'bom\ufeff inside',
  'Nguye\u0302\u0303n decomposed',
  '  spaced  ',
  `long ${'đủ hồ sơ, '.repeat(8)}end`,
  `long ascii ${'x'.repeat(80)}`,
  '=',
  '-',
  'a,',
  ';',
];

/** A note longer than `SourceOffsets.spans` can place. */
const LONG = `longer than the spans hold ${'đ'.repeat(33_000)} end`;

/** An evidence file of the sample's rows with the awkward texts as evidence and note. */
function evidenceText(delimiter: string, eol: string): string {
  const table = parseCsvTable(sampleText('evidence.csv'));
  const col = (name: string) => table.header.indexOf(name);
  const cell = (t: string) => (/[",;\t|\u00a0\u3000\ufeff]/.test(t) || t !== t.trim() || t.includes(delimiter) ? `"${t.replaceAll('"', '""')}"` : t);
  const lines = [['unit', 'criterion', 'self', 'appraised', 'evidence', 'note'].join(delimiter)];
  table.rows.forEach((r, i) => {
    const [u, c, sf, ap] = ['unit', 'criterion', 'self', 'appraised'].map((n) => r.cells[col(n)] ?? '');
    // One row's note ends past 65,535 bytes into its line: the reader keeps no ranges there, and
    // the line is split again when read back.
    const note = i === 7 ? LONG : TEXTS[(i * 7 + 3) % TEXTS.length];
    lines.push([u, c, sf, ap, cell(TEXTS[i % TEXTS.length]), cell(note)].join(delimiter));
  });
  return lines.join(eol) + eol;
}

const FILES = [
  { delimiter: ',', eol: '\n' },
  { delimiter: ',', eol: '\r\n' },
  { delimiter: ';', eol: '\r\n' },
];

type Style = Pick<CsvOutputOptions, 'csvStyle' | 'lang' | 'bom' | 'delimiter'>;
const STYLES: Style[] = [{}, { csvStyle: 'vi', bom: true }, { lang: 'en', delimiter: '|' }, { delimiter: '\t' }, { delimiter: '\u00a6' }, { delimiter: `<${'~'.repeat(30)}>` }];

function reference(result: ScoreResult, inputs: InputMatrix, style: Style): string {
  const d = csvDialect(style);
  const delimiter = d.write.delimiter ?? ',';
  let text = (d.write.bom ? '\ufeff' : '') + auditCsvLine(AUDIT_COLUMNS[d.lang], delimiter, d.numberStyle) + '\r\n';
  for (const batch of auditRowBatches(result, inputs, { lang: d.lang })) for (const row of batch) text += auditCsvLine(row, delimiter, d.numberStyle) + '\r\n';
  return text;
}

async function written(result: ScoreResult, inputs: InputMatrix, style: Style): Promise<string> {
  const parts: Uint8Array[] = [];
  await writeAuditCsv(result, inputs, style, { write: (b) => parts.push(b.slice()), ready: async () => {} });
  return new TextDecoder('utf-8', { ignoreBOM: true, fatal: true }).decode(Buffer.concat(parts));
}

describe('evidence and notes as bytes of the file', () => {
  it('sourceBytes: the same rows as get, and where it says exact, the very bytes of get’s texts', async () => {
    for (const { delimiter, eol } of FILES) {
      const r = await loadRound(await roundFiles(delimiter, eol));
      expect(r.inputs.sources.size).toBe(0); // read back from the file
      const lookup = r.inputs.sourceLookup;
      expect(lookup.sourceBytes).toBeDefined();
      // The reader kept the ranges of every row with a reference but the one whose note ends past
      // 65,535 bytes into its line (read back by splitting the line again).
      const { offsets } = (lookup as FileSources).where();
      const kept = [...Array(r.inputs.present.length).keys()].filter((c) => offsets.offset[c] !== 0);
      expect(kept.filter((c) => (offsets.how[c] & SPANS) === 0).map((c) => lookup.get(c)?.note)).toEqual([LONG]);
      const utf8 = new TextDecoder('utf-8', { ignoreBOM: true, fatal: true });
      const encoder = new TextEncoder();
      let exact = 0;
      let other = 0;
      let differs = 0;
      for (let c = 0; c < r.inputs.present.length; c++) {
        const b = lookup.sourceBytes!(c);
        const s = lookup.get(c);
        if (s === undefined) {
          expect(b).toBeUndefined();
          continue;
        }
        expect(b).toBeDefined();
        expect([b!.row, b!.file]).toEqual([s.row, s.file]);
        const ev = b!.bytes.slice(b!.evidenceStart, b!.evidenceEnd);
        const note = b!.bytes.slice(b!.noteStart, b!.noteEnd);
        if (b!.exact) {
          exact++;
          expect(ev).toEqual(encoder.encode(s.evidence));
          expect(note).toEqual(encoder.encode(s.note));
          expect(utf8.decode(ev)).toBe(s.evidence);
        } else {
          // Not exact: conservative (a cell ending past ASCII), or truly other than the text.
          other++;
          if (`${utf8.decode(ev)}\u0000${utf8.decode(note)}` !== `${s.evidence}\u0000${s.note}`) differs++;
        }
      }
      expect(exact).toBeGreaterThan(500);
      expect(other).toBeGreaterThan(50);
      expect(differs).toBeGreaterThan(20); // doubled quotes, no-break spaces trimmed, a byte order mark
    }
  });

  it('the audit CSV copied from those bytes equals the reference rows, in every style', async () => {
    for (const { delimiter, eol } of FILES) {
      const r = await loadRound(await roundFiles(delimiter, eol));
      expect(r.inputs.sources.size).toBe(0);
      const result = scoreMatrix(r.framework, r.units, r.inputs);
      for (const style of STYLES) {
        const want = reference(result, r.inputs, style);
        const got = await written(result, r.inputs, style);
        expect(got.length, JSON.stringify({ delimiter, style })).toBe(want.length);
        expect(got === want, JSON.stringify({ delimiter, style })).toBe(true);
      }
      // Cells of each kind made it into the CSV as the reference writes them.
      const text = await written(result, r.inputs, {});
      for (const t of ['"Chưa thẩm định, giữ điểm tự chấm"', "'=1+2", '"x,\'=y"', '"say ""hi"""', ',-1.5,', ',no-break around,', ',Nguye\u0302\u0303n decomposed,', ',plain ascii,']) {
        expect(text, t).toContain(t);
      }
    }
  });
});

/** The round's files, evidence written with `delimiter` and `eol`. */
async function roundFiles(delimiter: string, eol: string) {
  const dir = mkdtempSync(join(tmpdir(), 'parindex-source-bytes-'));
  for (const f of ['framework.csv', 'units.csv', 'survey.csv']) writeFileSync(join(dir, f), sampleText(f));
  writeFileSync(join(dir, 'evidence.csv'), evidenceText(delimiter, eol));
  return { framework: join(dir, 'framework.csv'), units: join(dir, 'units.csv'), evidence: join(dir, 'evidence.csv'), survey: join(dir, 'survey.csv') };
}
