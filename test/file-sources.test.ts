/**
 * Evidence references read back from the files (src/node/file-sources.ts): `loadRound` on CSV
 * evidence keeps only where each row stands, and the audit's lookups give exactly what the row path
 * holds in memory — for every cell, in any order; a file changed in between is an error, never a
 * reference from another version.
 */
import { appendFileSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildInputs } from '../src/criteria/evidence.js';
import { FileSources } from '../src/node/file-sources.js';
import { loadRound } from '../src/node/round.js';
import { parseCsvTable } from '../src/table/csv.js';
import { sampleText } from './support/round.js';

function sampleDir(evidence = sampleText('evidence.csv')): string {
  const dir = mkdtempSync(join(tmpdir(), 'parindex-sources-'));
  for (const f of ['framework.csv', 'units.csv', 'survey.csv']) writeFileSync(join(dir, f), sampleText(f));
  writeFileSync(join(dir, 'evidence.csv'), evidence);
  return dir;
}

const files = (dir: string) => ({ framework: join(dir, 'framework.csv'), units: join(dir, 'units.csv'), evidence: join(dir, 'evidence.csv'), survey: join(dir, 'survey.csv') });

describe('evidence references read back from the file', () => {
  it('equal the row path’s, cell by cell, in file order and backwards', async () => {
    const dir = sampleDir();
    const round = await loadRound(files(dir));
    expect(round.inputs.sources.size).toBe(0); // nothing held
    const reference = buildInputs(round.framework, round.units, { evidence: parseCsvTable(sampleText('evidence.csv'), { file: files(dir).evidence }), survey: parseCsvTable(sampleText('survey.csv'), { file: files(dir).survey }) });
    expect(reference.sources.size).toBeGreaterThan(100);
    const cells = [...Array(round.inputs.present.length).keys()];
    for (const order of [cells, [...cells].reverse()]) {
      const got = new Map();
      for (const c of order) {
        const s = round.inputs.sourceLookup.get(c);
        if (s) got.set(c, s);
      }
      expect(new Map([...got].sort((a, b) => a[0] - b[0]))).toEqual(new Map([...reference.sources].sort((a, b) => a[0] - b[0])));
    }
  });

  it('reads quoted references with commas, doubled quotes and Vietnamese text as the window moves through a long file', async () => {
    const table = parseCsvTable(sampleText('evidence.csv'));
    const col = (name: string) => table.header.indexOf(name);
    const q = (t: string) => `"${t.replaceAll('"', '""')}"`;
    const lines = ['unit,criterion,self,appraised,evidence,note'];
    // ~200 bytes a line over the sample's rows: a file past the 256 KiB window.
    for (const r of table.rows) {
      const [u, c, sf, ap] = ['unit', 'criterion', 'self', 'appraised'].map((n) => r.cells[col(n)] ?? '');
      lines.push([u, c, sf, ap, q(`QĐ số ${r.row}, "gấp"`), q(`ghi chú dòng ${r.row} ${'đủ hồ sơ '.repeat(15)}`)].join(','));
    }
    const text = `${lines.join('\r\n')}\r\n`;
    expect(text.length).toBeGreaterThan(300_000);
    const dir = sampleDir(text);
    const round = await loadRound(files(dir));
    expect(round.inputs.sources.size).toBe(0); // read by the byte path: nothing held
    const reference = buildInputs(round.framework, round.units, { evidence: parseCsvTable(text, { file: files(dir).evidence }), survey: parseCsvTable(sampleText('survey.csv'), { file: files(dir).survey }) });
    let n = 0;
    for (let c = round.inputs.present.length - 1; c >= 0; c--) {
      expect(round.inputs.sourceLookup.get(c)).toEqual(reference.sources.get(c));
      if (reference.sources.has(c)) n++;
    }
    expect(n).toBe(table.rows.filter((r) => (r.cells[col('self')] ?? '') !== '' || (r.cells[col('appraised')] ?? '') !== '').length);
    expect(reference.sources.get(round.inputs.cell(0, round.inputs.leafIndex.get(round.inputs.leaves[0].code)!))?.evidence).toMatch(/^QĐ số \d+, "gấp"$/);
  });

  it('a file changed after it was read is an error naming it (never another version’s reference)', async () => {
    const dir = sampleDir();
    const round = await loadRound(files(dir));
    const cell = [...Array(round.inputs.present.length).keys()].find((c) => round.inputs.sourceLookup.get(c) !== undefined)!;
    appendFileSync(files(dir).evidence, '\n');
    const fresh = await loadRound(files(dir)); // a new read of the changed file is fine
    expect(fresh.inputs.sourceLookup.get(cell)).toBeDefined();
    const again = await loadRound(files(dir));
    appendFileSync(files(dir).evidence, '\n');
    let err: unknown;
    try {
      for (let c = 0; c < again.inputs.present.length; c++) again.inputs.sourceLookup.get(c);
    } catch (e) {
      err = e;
    }
    expect(err).toMatchObject({ issues: [{ code: 'unreadable-file', key: 'unreadable-file/changed', file: files(dir).evidence }] });
  });

  it('a file changed where its size and time do not show it is an error when the kept ranges no longer fit its lines (sourceBytes)', async () => {
    for (const change of ['shifted', 'not UTF-8'] as const) {
      const dir = sampleDir();
      const path = files(dir).evidence;
      const round = await loadRound(files(dir));
      const lookup = round.inputs.sourceLookup as FileSources;
      expect(lookup).toBeInstanceOf(FileSources);
      const cells = [...Array(round.inputs.present.length).keys()].filter((c) => lookup.sourceBytes(c) !== undefined);
      expect(cells.length).toBeGreaterThan(100);
      // The same number of bytes, changed: one character moved from the first data line to the
      // second (every later line starts a byte later), or a Vietnamese letter's bytes swapped.
      const bytes = readFileSync(path);
      let changed: Buffer;
      if (change === 'shifted') {
        const lines = bytes.toString('latin1').split('\n');
        lines[1] = lines[1].slice(0, -1);
        lines[2] = `x${lines[2]}`;
        changed = Buffer.from(lines.join('\n'), 'latin1');
      } else {
        changed = Buffer.from(bytes);
        // The first non-ASCII letter in an evidence or note cell (past the header): its two bytes swapped.
        const at = changed.indexOf(Buffer.from('ố'), changed.indexOf(0x0a));
        expect(at).toBeGreaterThan(0);
        [changed[at], changed[at + 1]] = [changed[at + 1], changed[at]];
      }
      expect(changed.length).toBe(bytes.length);
      writeFileSync(path, changed);
      // A reader of the offsets kept before, with the file's present stamp: a change its size and time
      // do not show (the same second on a coarse clock, or set back).
      const st = statSync(path);
      const { offsets } = lookup.where();
      const later = new FileSources(offsets, [{ size: st.size, mtimeMs: st.mtimeMs }]);
      let err: unknown;
      try {
        for (const c of cells) later.sourceBytes(c);
      } catch (e) {
        err = e;
      }
      expect(err, change).toMatchObject({ issues: [{ code: 'unreadable-file', key: 'unreadable-file/changed', file: path }] });
    }
  });
});
