/**
 * xlsx evidence streamed into the input matrix (issue 14: "xlsx evidence feeds the same matrix row by
 * row without building a table"): `streamXlsxSources` gives the table reader's rows sheet by sheet
 * as they are parsed, and declines what only the table reader handles (merged cells it fills in,
 * bad cells it reports); `loadRound` on xlsx evidence gives the table path's matrix or errors.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { buildInputs } from '../src/criteria/evidence.js';
import type { InputMatrix } from '../src/criteria/inputs.js';
import { loadTables } from '../src/node/files.js';
import { loadRound } from '../src/node/round.js';
import { parseCsvTable } from '../src/table/csv.js';
import { readXlsxTables, streamXlsxSources, XlsxStreamDeclined } from '../src/xlsx/read.js';
import { sampleText } from './support/round.js';
import { asSheetValues, tableRows, tempDir, writeWorkbook } from './support/xlsx.js';

function plain(m: InputMatrix) {
  return { value: [...m.value], scale: [...m.scale], present: [...m.present], state: [...m.state], sources: [...m.sources], blank: [...m.blankRows] };
}

// The table reader, counted: a streamed workbook never reaches it.
vi.mock('../src/node/files.js', async (original) => {
  const mod = await original<typeof import('../src/node/files.js')>();
  return { ...mod, loadTables: vi.fn(mod.loadTables) };
});

const dir = tempDir('parindex-xlsx-stream-');
const SAMPLE = join(process.cwd(), 'data', 'hanoi-2021');

/** The sample's evidence as a workbook: sở on one sheet, quận/huyện on another (numbers as numbers). */
async function sampleWorkbook(name: string, edit?: (ws: import('exceljs').Worksheet) => void): Promise<string> {
  const rows = tableRows(parseCsvTable(sampleText('evidence.csv')));
  const [header, ...body] = rows;
  const so = new Set(
    parseCsvTable(sampleText('units.csv'))
      .rows.filter((r) => r.cells[2] === 'so')
      .map((r) => r.cells[0]),
  );
  const numeric = [2, 3];
  return writeWorkbook(join(dir, name), [
    { name: 'đánh giá sở', rows: asSheetValues([header, ...body.filter((r) => so.has(r[0]))], numeric), edit },
    { name: 'đánh giá quận huyện', rows: asSheetValues([header, ...body.filter((r) => !so.has(r[0]))], numeric) },
  ]);
}

describe('streamXlsxSources', () => {
  it('gives each sheet with the table reader’s header and rows (numbers marked), read as they are parsed', async () => {
    const path = await sampleWorkbook('plain.xlsx');
    const bytes = new Uint8Array(readFileSync(path));
    const { tables } = readXlsxTables(bytes, 'evidence', { file: path });
    const streamed = [];
    for (const s of streamXlsxSources(bytes, 'evidence', { file: path })) {
      const rows = [...s.rows].map((r) => ({ row: r.row, cells: r.cells, numeric: r.numeric }));
      streamed.push({ sheet: s.sheet, header: s.header, headerRow: s.headerRow, rows });
    }
    expect(streamed).toEqual(tables.map((t) => ({ sheet: t.sheet, header: t.header, headerRow: t.headerRow, rows: t.rows.map((r) => ({ row: r.row, cells: r.cells, numeric: r.numeric })) })));
    expect(streamed.map((s) => s.rows.length)).toEqual([expect.any(Number), expect.any(Number)]);
    expect(streamed[0].rows.length + streamed[1].rows.length).toBe(parseCsvTable(sampleText('evidence.csv')).rows.length);
  });

  it('passes over the rows a consumer leaves unread', async () => {
    const path = await sampleWorkbook('skip.xlsx');
    const bytes = new Uint8Array(readFileSync(path));
    const sheets = [...streamXlsxSources(bytes, 'evidence', { file: path })].map((s) => s.sheet);
    expect(sheets).toEqual(['đánh giá sở', 'đánh giá quận huyện']);
  });

  it('declines merged cells (the table reader fills them in)', async () => {
    const path = await sampleWorkbook('merged.xlsx', (ws) => ws.mergeCells('E2:E3'));
    const bytes = new Uint8Array(readFileSync(path));
    expect(() => {
      for (const s of streamXlsxSources(bytes, 'evidence', { file: path })) for (const _ of s.rows);
    }).toThrow(XlsxStreamDeclined);
  });
});

describe('loadRound with xlsx evidence', () => {
  const files = (evidence: string) => ({ framework: join(SAMPLE, 'framework.csv'), units: join(SAMPLE, 'units.csv'), evidence, survey: join(SAMPLE, 'survey.csv') });
  const tablePath = async (evidence: string) => {
    const r = await loadRound({ ...files(join(SAMPLE, 'evidence.csv')) });
    return buildInputs(r.framework, r.units, { evidence: await loadTables(evidence, 'evidence'), survey: parseCsvTable(sampleText('survey.csv'), { file: files(evidence).survey }) });
  };

  it('streams a plain workbook to the table path’s matrix', async () => {
    const path = await sampleWorkbook('round.xlsx');
    vi.mocked(loadTables).mockClear();
    const round = await loadRound(files(path));
    expect(vi.mocked(loadTables)).not.toHaveBeenCalled();
    expect(plain(round.inputs)).toEqual(plain(await tablePath(path)));
  });

  it('a workbook with merged cells gives the table path’s matrix (filled in)', async () => {
    const path = await sampleWorkbook('round-merged.xlsx', (ws) => ws.mergeCells('F2:F3'));
    vi.mocked(loadTables).mockClear();
    const round = await loadRound(files(path));
    expect(vi.mocked(loadTables)).toHaveBeenCalledWith(path, 'evidence');
    expect(plain(round.inputs)).toEqual(plain(await tablePath(path)));
  });

  it('a bad cell is the table path’s located error', async () => {
    const path = await sampleWorkbook('round-bad.xlsx', (ws) => {
      ws.getCell('D5').value = 'mười';
    });
    const err = await loadRound(files(path)).catch((e) => e);
    const ref = await tablePath(path).catch((e) => e);
    expect(err.issues).toEqual(ref.issues);
    expect(err.issues[0]).toMatchObject({ sheet: 'đánh giá sở', row: 5, columnLetter: 'D' });
  });
});
