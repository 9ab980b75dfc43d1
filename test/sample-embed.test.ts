/**
 * The embedded sample is compiled into the package (src/data/hanoi-2021.ts, generated from
 * data/hanoi-2021/*.csv): it must stay byte-identical to the files, and read the same.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sampleTables } from '../src/data/sample.js';
import { parseCsvTable } from '../src/table/csv.js';
import { SAMPLE } from './support/round.js';

const ROOT = join(__dirname, '..');

describe('embedded sample', () => {
  it('src/data/hanoi-2021.ts is what scripts/embed-sample.mjs generates from data/ (run npm run embed)', () => {
    const fresh = execFileSync('node', [join(ROOT, 'scripts', 'embed-sample.mjs'), '--print'], { encoding: 'utf8' });
    expect(readFileSync(join(ROOT, 'src', 'data', 'hanoi-2021.ts'), 'utf8')).toBe(fresh);
  });
  it('each embedded table equals the file read from disk', () => {
    const t = sampleTables();
    for (const k of ['framework', 'units', 'evidence', 'survey'] as const) {
      const fromFile = parseCsvTable(readFileSync(join(SAMPLE, `${k}.csv`), 'utf8'));
      expect(t[k].header).toEqual(fromFile.header);
      expect(t[k].rows).toEqual(fromFile.rows);
    }
  });
});
