/**
 * The same round read from different shapes scores the same: JSON files, and the wide evidence
 * layout (one row per unit, a column per criterion, optional "<code> (self)" columns).
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ParIndexError } from '../src/errors.js';
import { parseCsvTable } from '../src/table/csv.js';
import { loadUnits } from '../src/node/files.js';
import { checkOutputPath, writeFileAtomic } from '../src/node/output.js';
import { toCsv } from '../src/report/csv-write.js';
import { scoreResultJson } from '../src/scoring/result-json.js';
import { loadRound } from '../src/node/round.js';
import { scoreMatrix } from '../src/scoring/score.js';
import { catchError, csv, round, SAMPLE, sampleText } from './support/round.js';

const expected = JSON.parse(sampleText('expected-score.json'));
const table = (f: string) => parseCsvTable(sampleText(f));
const records = (f: string) => {
  const t = table(f);
  return t.rows.map((r) => Object.fromEntries(t.header.map((h, i) => [h, r.cells[i]])));
};

describe('input shapes', () => {
  it('JSON framework (with settings), units, evidence and survey files score like the CSV files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parindex-json-'));
    const fwRows = records('framework.csv').map((r) => (r.max ? { ...r, max: Number(r.max) } : r));
    writeFileSync(join(dir, 'fw.json'), JSON.stringify({ settings: { decimals: 2, ties: 'competition' }, criteria: fwRows }));
    writeFileSync(join(dir, 'units.json'), JSON.stringify(records('units.csv')));
    writeFileSync(join(dir, 'evidence.json'), JSON.stringify(records('evidence.csv')));
    writeFileSync(join(dir, 'survey.json'), JSON.stringify(records('survey.csv').map((r) => ({ ...r, score: Number(r.score) }))));
    const r = await loadRound({ framework: join(dir, 'fw.json'), units: join(dir, 'units.json'), evidence: join(dir, 'evidence.json'), survey: join(dir, 'survey.json') });
    expect(scoreResultJson(scoreMatrix(r.framework, r.units, r.inputs))).toEqual(expected);
  });

  it('the wide evidence layout scores exactly like the long layout', () => {
    const ev = table('evidence.csv');
    const codes = [...new Set(ev.rows.map((r) => r.cells[1]))];
    const units = [...new Set(ev.rows.map((r) => r.cells[0]))];
    const cell = new Map(ev.rows.map((r) => [`${r.cells[0]} ${r.cells[1]}`, r.cells]));
    const header = ['unit', ...codes.flatMap((c) => [c, `${c} (self)`])];
    const rows = units.map((u) => [u, ...codes.flatMap((c) => [cell.get(`${u} ${c}`)?.[3] ?? '', cell.get(`${u} ${c}`)?.[2] ?? ''])]);
    const wide = toCsv([header, ...rows]);
    const r = round(sampleText('framework.csv'), sampleText('units.csv'), wide, sampleText('survey.csv'));
    expect(scoreResultJson(scoreMatrix(r.fw, r.units, r.inputs))).toEqual(expected);
  });

  it('a wide column naming no criterion is a located error', () => {
    const fw = csv('code,title,max,method,rule,params,groups', '1,A,,,,,', '1.1,p,2,,points,,');
    const e = catchError(() => round(fw, csv('unit,name,group', 'a,A,g'), csv('unit,1.1,1.9', 'a,1,1')));
    expect(e.issues[0]).toMatchObject({ code: 'unknown-criterion', row: 1, columnLetter: 'C', value: '1.9' });
  });

  it("a unit row repeated in the wide layout is located on the repeated row, in the criterion's column", () => {
    const fw = csv('code,title,max,method,rule,params,groups', '1,A,,,,,', '1.1,p,2,,points,,', '1.2,q,1,,yesno,,');
    const e = catchError(() => round(fw, csv('unit,name,group', 'a,A,g'), csv('unit,1.1,1.2', 'a,1,có', 'a,2,')));
    expect(e.issues).toMatchObject([{ code: 'duplicate-row', row: 3, column: '1.1', columnLetter: 'B' }]);
    expect(e.issues[0].message).toMatch(/first on row 2/);
  });

  it('the sample folder is the embedded copy', () => {
    expect(SAMPLE.endsWith(join('data', 'hanoi-2021'))).toBe(true);
  });
});

describe('writing output files', () => {
  it('writeFileAtomic replaces the target whole, and a target that cannot be written is a located error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parindex-out-'));
    const target = join(dir, 'r.csv');
    writeFileSync(target, 'old');
    await writeFileAtomic(target, 'new\n');
    expect(readFileSync(target, 'utf8')).toBe('new\n');
    expect(readdirSync(dir)).toEqual(['r.csv']);
    for (const [path, why] of [
      [join(dir, 'missing', 'r.csv'), 'its folder does not exist'],
      [dir, 'it is a folder'],
      [join(target, 'x.csv'), 'a part of its folder path is a file'],
      [`${join(dir, 'new-folder')}/`, 'it is a folder'],
    ]) {
      const e = await writeFileAtomic(path, 'x').then(
        () => undefined,
        (err: unknown) => err,
      );
      expect(e).toBeInstanceOf(ParIndexError);
      expect((e as ParIndexError).issues[0]).toMatchObject({ code: 'cannot-write', file: path });
      expect((e as ParIndexError).issues[0].message).toContain(why);
      await expect(checkOutputPath(path)).rejects.toThrow(why);
    }
    expect(readdirSync(dir)).toEqual(['r.csv']);
  });
});

describe('text encodings', () => {
  it('UTF-16 and non-UTF-8 files are located errors, not garbled names', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parindex-enc-'));
    const utf16 = join(dir, 'units.txt');
    writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('unit\tname\r\nnoi-vu\tSở Nội vụ\r\n', 'utf16le')]));
    const e16 = await loadUnits(utf16).then(
      () => undefined,
      (err: unknown) => err as ParIndexError,
    );
    expect(e16?.issues[0]).toMatchObject({ code: 'bad-encoding', file: utf16, value: 'UTF-16LE' });
    const latin = join(dir, 'units.csv');
    // "Sở Nội vụ" is not Latin-1; a Windows export of "Hà Nội" writes à as one byte 0xE0.
    writeFileSync(latin, Buffer.concat([Buffer.from('unit,name\nnoi-vu,So Noi vu\nha-noi,H'), Buffer.from([0xe0]), Buffer.from(' Noi\n')]));
    const e8 = await loadUnits(latin).then(
      () => undefined,
      (err: unknown) => err as ParIndexError,
    );
    expect(e8?.issues[0]).toMatchObject({ code: 'bad-encoding', file: latin, row: 3 });
    // CR-only line ends: still the line of the bad byte, and only that line as the value.
    writeFileSync(latin, Buffer.concat([Buffer.from('unit,name\rnoi-vu,So Noi vu\rha-noi,H'), Buffer.from([0xe0]), Buffer.from(' Noi\r')]));
    const eCR = await loadUnits(latin).then(
      () => undefined,
      (err: unknown) => err as ParIndexError,
    );
    expect(eCR?.issues[0]).toMatchObject({ code: 'bad-encoding', row: 3, value: 'ha-noi,H\uFFFD Noi' });
    expect(e8?.issues[0].expected).toContain('UTF-8');
    writeFileSync(latin, '\ufeffunit,name,group\nnoi-vu,Sở Nội vụ,so\n');
    expect((await loadUnits(latin)).list[0].name).toBe('Sở Nội vụ');
  });
});
