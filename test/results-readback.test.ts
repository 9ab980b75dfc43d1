/**
 * The results workbook and the results CSV read back with their area points: `compare` on two
 * workbooks compares area points, not only the index (before: the workbook's area columns were
 * headed "Điểm" under a merged area title, which no reader could tie to an area).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './support/cli.js';
import { loadResult } from '../src/node/index.js';

const dir = mkdtempSync(join(tmpdir(), 'parindex-readback-'));

describe('results read back with their area points', () => {
  it('the workbook: every unit with its points per area, as the JSON has them', async () => {
    const xlsx = join(dir, 'r.xlsx');
    const json = join(dir, 'r.json');
    expect((await runCli(['demo', '--format', 'xlsx', '--out', xlsx])).code).toBe(0);
    expect((await runCli(['demo', '--format', 'json', '--out', json])).code).toBe(0);
    const fromXlsx = await loadResult(xlsx);
    const fromJson = await loadResult(json);
    expect(fromXlsx.hasAreas).toBe(true);
    const areas = (r: typeof fromJson) => new Map(r.units.map((u) => [u.unit, [...(u.areas ?? [])].map(([code, a]) => [code, a.points?.toFixed(2) ?? null])]));
    expect(areas(fromXlsx)).toEqual(areas(fromJson));
    const tc = fromXlsx.units.find((u) => u.unit === 'tai-chinh');
    expect(tc?.index?.toFixed(2)).toBe('89.83');
    const c = await runCli(['compare', xlsx, json, '--format', 'json']);
    expect(c.code).toBe(0);
    const doc = JSON.parse(c.stdout);
    expect(doc.areasMissing).toBeNull();
    expect(doc.units.find((u: { unit: string }) => u.unit === 'cau-giay').newIndex).toBe('95.24');
  });
});
